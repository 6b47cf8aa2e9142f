/** A real aggregator on a fresh data directory, listening on a free port of this machine. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatModelConfig } from '../../src/agent/chat-model.ts';
import type { StoredEvent } from '../../src/events/contracts.ts';
import type { EmbedderConfig } from '../../src/search/embedder.ts';
import { type Running, serve } from '../../src/server/serve.ts';

/** A response body: each test checks the fields it needs. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked field by field by the tests
export type Body = any;

export interface TestAggregator extends Running {
  dataDir: string;
  tokens: Record<string, string>;
  post(
    body: unknown,
    options?: { token?: string | null; contentType?: string; raw?: string },
  ): Promise<{ status: number; body: Body }>;
  get(path: string): Promise<{ status: number; body: Body }>;
  /** Every stored event, page by page, and a checksum over them. */
  history(): Promise<{ events: StoredEvent[]; checksum: string }>;
}

export async function startAggregator(
  options: {
    heartbeatMs?: number;
    readToken?: string;
    dataDir?: string;
    search?: boolean;
    embeddings?: EmbedderConfig;
    model?: ChatModelConfig;
    /** The world clock's speed (1: a day is five minutes). */
    speed?: number;
    /** The world's seed (7 by default); a data directory keeps the one it was made with. */
    seed?: string;
    log?: (line: string) => void;
    /** Begin an empty store where the world's is missing. */
    newStore?: boolean;
  } = {},
): Promise<TestAggregator> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chronicle-agg-'));
  const running = await serve({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    speed: options.speed ?? 1,
    seed: options.seed ?? '7',
    heartbeatMs: options.heartbeatMs,
    readToken: options.readToken,
    // Search loads an embedding model: only the tests that search pay for it.
    search: options.search ?? options.embeddings !== undefined,
    embeddings: options.embeddings,
    model: options.model,
    newStore: options.newStore,
    log: options.log ?? (() => undefined),
  });
  const tokens = JSON.parse(readFileSync(join(dataDir, 'tokens.json'), 'utf8')) as Record<string, string>;
  const readHeaders: Record<string, string> = options.readToken
    ? { authorization: `Bearer ${options.readToken}` }
    : {};
  const aggregator: TestAggregator = {
    ...running,
    dataDir,
    tokens,
    async post(body, { token = tokens.circuiton, contentType = 'application/json', raw } = {}) {
      const headers: Record<string, string> = { 'content-type': contentType };
      if (token !== null && token !== undefined) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${running.url}/api/updates`, {
        method: 'POST',
        headers,
        body: raw ?? JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    async get(path) {
      const response = await fetch(`${running.url}${path}`, { headers: readHeaders });
      return { status: response.status, body: await response.json() };
    },
    async history() {
      const events: StoredEvent[] = [];
      let cursor: string | null = null;
      do {
        const page = await aggregator.get(`/api/events?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
        events.push(...page.body.events);
        cursor = page.body.next;
      } while (cursor);
      const world = await aggregator.get('/api/world');
      const checksum = createHash('sha256')
        .update(JSON.stringify([events, world.body.updates_total]))
        .digest('hex');
      return { events, checksum };
    },
  };
  return aggregator;
}

export { anUpdate } from './updates.ts';

/** Runs the aggregator on a data directory until it is told to stop. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from '../agent/agent.ts';
import type { ChatModelConfig } from '../agent/chat-model.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadOrCreateWorld } from '../files/world-file.ts';
import { residentsStorePath } from '../residents/files.ts';
import type { EmbedderConfig } from '../search/embedder.ts';
import { SearchService } from '../search/service.ts';
import { SqliteResidentStore } from '../store/residents-sqlite.ts';
import { SqliteEventStore } from '../store/sqlite.ts';
import { formatHour, worldTimeOf } from '../world/clock.ts';
import { WORLD } from '../world/map.ts';
import { type App, buildApp } from './app.ts';
import { LiveBus } from './bus.ts';
import { Ingest } from './ingest.ts';
import { Telemetry } from './telemetry.ts';
import { loadOrCreateTokens } from './tokens.ts';
import { WorldClock } from './world-clock.ts';

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  speed: number;
  seed?: string;
  readToken?: string;
  heartbeatMs?: number;
  /** Index and search the history (on unless turned off); how to embed, when not the built-in model. */
  search?: boolean;
  embeddings?: EmbedderConfig;
  /** A language model for POST /api/ask; without one the offline planner answers. */
  model?: ChatModelConfig;
  log: (line: string) => void;
}

export interface Running {
  app: App;
  url: string;
  stop(): Promise<void>;
}

export function storePath(dataDir: string): string {
  return join(dataDir, 'chronicle.db');
}

export async function serve(options: ServeOptions): Promise<Running> {
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir, 'the aggregator');
  try {
    const worldFile = loadOrCreateWorld(options.dataDir, options.seed);
    const tokens = loadOrCreateTokens(options.dataDir, WORLD.ids);
    const store = new SqliteEventStore(storePath(options.dataDir));
    const clock = new WorldClock(options.dataDir, options.speed, await store.latestWorldTime());
    const bus = new LiveBus();
    const telemetry = new Telemetry();
    const ingest = new Ingest(store, bus, () => clock.now(), telemetry);
    const search =
      options.search === false
        ? undefined
        : SearchService.open(options.dataDir, store, {
            embedderConfig: options.embeddings,
            log: options.log,
            onIndexed: (n) => telemetry.searchIndexed.inc(n),
          });
    if (search) {
      bus.subscribe(() => search.indexer.notify());
      telemetry.searchLagSource = () => search.indexer.lag();
      search.indexer.start();
    }
    const agent = new Agent({
      store,
      search,
      today: () => worldTimeOf(clock.now()).day,
      model: options.model,
    });
    const reports = new SqliteResidentStore(residentsStorePath(options.dataDir));
    const app = buildApp({
      reports,
      store,
      bus,
      ingest,
      world: WORLD,
      worldFile,
      clock,
      tokens,
      telemetry,
      search,
      agent,
      readToken: options.readToken,
      heartbeatMs: options.heartbeatMs,
    });
    await app.listen({ port: options.port, host: options.host });
    clock.start();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    const { day, hour } = worldTimeOf(clock.now());
    options.log(
      `Chronicle aggregator on ${url} · world ${worldFile.id} (seed ${worldFile.seed}) · day ${day}, ${formatHour(hour)} · speed ${options.speed}`,
    );
    let stopped = false;
    return {
      app,
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        clock.stop();
        await search?.close();
        await store.close();
        reports.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

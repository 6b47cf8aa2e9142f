/**
 * Follows the aggregator's live stream (SSE) from a given event id, reconnecting with
 * `Last-Event-ID` after any failure so no event is missed or seen twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createParser } from 'eventsource-parser';
import type { StoredEvent } from '../events/contracts.ts';
import { readTokenHelp } from './read-token.ts';

export interface StreamClientOptions {
  server: string;
  /** Follow from after this event id; null to start with what happens next. */
  after: number | null;
  onEvent: (event: StoredEvent) => void;
  log: (message: string) => void;
  /** The aggregator's read token, if it requires one. */
  readToken?: string;
}

export class StreamClient {
  /** The id of the last event received: everything up to it has been seen. */
  lastId: number | null;

  constructor(private readonly options: StreamClientOptions) {
    this.lastId = options.after;
  }

  async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.follow(signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        failures++;
        if (failures === 1 || failures % 10 === 0)
          this.options.log(`stream lost (${(error as Error).message}); reconnecting`);
      }
      const delay = Math.min(30_000, 250 * 2 ** Math.min(failures, 8));
      await sleep(delay, undefined, { signal }).catch(() => undefined);
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const url = new URL('/api/stream', this.options.server);
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.lastId !== null) headers['last-event-id'] = String(this.lastId);
    if (this.options.readToken) headers.authorization = `Bearer ${this.options.readToken}`;
    const response = await fetch(url, { headers, signal });
    if (response.status === 401) {
      await response.body?.cancel();
      throw new Error(`HTTP 401: ${readTokenHelp(this.options.server, Boolean(this.options.readToken))}`);
    }
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const parser = createParser({
      maxBufferSize: 1 << 20,
      onEvent: (message) => {
        const id = Number(message.id);
        if (!Number.isInteger(id) || (this.lastId !== null && id <= this.lastId)) return;
        this.lastId = id;
        this.options.onEvent(JSON.parse(message.data) as StoredEvent);
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body)
      parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
    throw new Error('the server closed the stream');
  }
}

/** A minimal SSE reader over fetch, recording what it receives, for tests. */
import { createParser } from 'eventsource-parser';
import type { StoredEvent } from '../../src/events/contracts.ts';

export interface SseReader {
  events: StoredEvent[];
  ids: number[];
  comments: number;
  close(): void;
  closed: Promise<void>;
}

export async function readStream(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const reader: SseReader = {
    events: [],
    ids: [],
    comments: 0,
    close: () => controller.abort(),
    closed: Promise.resolve(),
  };
  const parser = createParser({
    onEvent: (m) => {
      reader.ids.push(Number(m.id));
      reader.events.push(JSON.parse(m.data));
    },
    onComment: () => {
      reader.comments++;
    },
  });
  const body = response.body;
  reader.closed = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
    } catch {
      // aborted by close()
    }
  })();
  return reader;
}

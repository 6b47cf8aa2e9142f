/**
 * GET /api/stream: Server-Sent Events. Every event's `id:` is its global sequence number; a client
 * that reconnects with `Last-Event-ID` (or asks `?after=N`) first catches up from the store, then
 * follows live, with no gap and no repeat.
 *
 * Catching up pages from the store only as fast as the client reads, however far behind it is (a
 * 20-year history is a million events). Once live, a client that stops reading (its socket full)
 * more than MAX_BEHIND_BYTES behind is cut off rather than buffered without bound; it resumes
 * where it was.
 */
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { StoredEvent } from '../../store/store.ts';
import type { App, AppOptions } from '../app.ts';
import { SseSession, sseFrame } from '../sse.ts';
import { EVENT_ID } from './params.ts';

/** A comment line keeps proxies and clients from timing out an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** How far behind (in bytes) a live client may fall before it is cut off. */
export const MAX_BEHIND_BYTES = 1 << 20;
const CATCH_UP_PAGE = 500;
/** Live events held for a client still catching up; past this they are read from the store instead. */
const MAX_WAITING_EVENTS = 10_000;

// One frame per event, however many clients receive it.
const frames = new WeakMap<StoredEvent, Buffer>();
function frameOf(event: StoredEvent): Buffer {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = sseFrame(event.id, JSON.stringify(event));
    frames.set(event, frame);
  }
  return frame;
}

/** The frames of one published batch joined once, for all clients and for each town's. */
class Published {
  private readonly joined = new Map<string, Buffer>();
  constructor(readonly events: readonly StoredEvent[]) {}

  /** The frames after `cursor` (of `town`, if given): the whole joined batch in the usual case. */
  framesAfter(cursor: number, town: string | undefined): Buffer | undefined {
    const first = this.events[0];
    if (!first) return undefined;
    const pick = (e: StoredEvent) => e.id > cursor && (!town || e.town === town);
    if (cursor >= first.id) {
      const some = this.events.filter(pick);
      return some.length ? Buffer.concat(some.map(frameOf)) : undefined;
    }
    const key = town ?? '';
    let frame = this.joined.get(key);
    if (frame === undefined) {
      frame = Buffer.concat(this.events.filter(pick).map(frameOf));
      this.joined.set(key, frame);
    }
    return frame.length ? frame : undefined;
  }
}

interface StreamQuery {
  town?: string;
  after?: number;
}

export function streamRoutes(app: App, { store, bus, world, telemetry, heartbeatMs }: AppOptions): void {
  const open = new Set<SseSession>();
  telemetry.streamQueuedSource = () => {
    let bytes = 0;
    for (const session of open) bytes += session.queued;
    return bytes;
  };
  // Before the server waits for its connections to end: streams never end by themselves.
  app.addHook('preClose', async () => {
    for (const session of open) session.close();
  });

  // Each batch is joined into frames once, whatever the number of clients.
  const listeners = new Set<(batch: Published) => void>();
  bus.subscribe((events) => {
    const batch = new Published(events);
    for (const listener of listeners) listener(batch);
  });

  app.get<{ Querystring: StreamQuery }>(
    '/api/stream',
    {
      // A HEAD would open a stream that never ends: the stream answers GET only.
      exposeHeadRoute: false,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { town: { type: 'string', enum: world.ids }, after: EVENT_ID },
        },
      },
    },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      const resumeFrom = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
      const { town } = request.query;
      let cursor = resumeFrom ?? request.query.after ?? (await store.lastEventId());

      reply.hijack();
      const session = new SseSession(reply.raw, {
        // Helmet's headers, set on the reply before it was taken over.
        headers: { ...(reply.getHeaders() as Record<string, string>), 'access-control-allow-origin': '*' },
        retryMs: 2000,
        heartbeatMs: heartbeatMs ?? HEARTBEAT_MS,
      });
      open.add(session);
      telemetry.streamClients.inc();

      const send = (frame: Buffer | undefined, last: number) => {
        if (frame) session.write(frame);
        cursor = Math.max(cursor, last);
      };

      // Listen before catching up, so nothing published meanwhile is missed; `cursor` drops repeats.
      // What arrives during the catch-up waits, up to a limit: past it, it is dropped and read from
      // the store instead, which holds everything published.
      let live = false;
      let waiting: Published[] = [];
      let waitingEvents = 0;
      let overflowed = false;
      const listener = (batch: Published) => {
        const last = batch.events.at(-1)?.id ?? cursor;
        if (!live) {
          if (overflowed) return;
          waiting.push(batch);
          waitingEvents += batch.events.length;
          if (waitingEvents > MAX_WAITING_EVENTS) {
            overflowed = true;
            waiting = [];
            waitingEvents = 0;
          }
          return;
        }
        send(batch.framesAfter(cursor, town), last);
      };
      listeners.add(listener);
      reply.raw.once('close', () => {
        listeners.delete(listener);
        open.delete(session);
        telemetry.streamClients.dec();
      });

      for (;;) {
        await session.drained();
        if (session.closed) return;
        overflowed = false;
        const page = await store.after(cursor, CATCH_UP_PAGE, town);
        if (session.closed) return;
        const last = page.at(-1);
        if (last) send(Buffer.concat(page.map(frameOf)), last.id);
        // Caught up when the store had no more and nothing was dropped since this page was read.
        if (page.length < CATCH_UP_PAGE && !overflowed) break;
        await yieldToIo();
      }
      live = true;
      session.limitBehind(MAX_BEHIND_BYTES, () => telemetry.streamDropped.inc());
      for (const batch of waiting.splice(0))
        send(batch.framesAfter(cursor, town), batch.events.at(-1)?.id ?? 0);
    },
  );
}

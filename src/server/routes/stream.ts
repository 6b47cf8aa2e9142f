/**
 * GET /api/stream: Server-Sent Events. Every event's `id:` is its global sequence number; a client
 * that reconnects with `Last-Event-ID` (or asks `?after=N`) first catches up from the store, then
 * follows live, with no gap and no repeat. A client that cannot keep up is cut off (it resumes
 * where it was) rather than buffered without bound.
 */
import type { ServerResponse } from 'node:http';
import { createSession } from 'better-sse';
import type { StoredEvent } from '../../store/store.ts';
import type { App, AppOptions } from '../app.ts';

/** A comment line keeps proxies and clients from timing out an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** Bytes a client may have waiting before it is cut off. */
const MAX_QUEUED_BYTES = 1 << 20;
const CATCH_UP_PAGE = 500;

// One serialisation per event, however many clients receive it.
const serialised = new WeakMap<StoredEvent, string>();
function json(event: StoredEvent): string {
  let text = serialised.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    serialised.set(event, text);
  }
  return text;
}

interface StreamQuery {
  town?: string;
  after?: number;
}

export function streamRoutes(app: App, { store, bus, world, telemetry, heartbeatMs }: AppOptions): void {
  const open = new Set<ServerResponse>();
  // Before the server waits for its connections to end: streams never end by themselves.
  app.addHook('preClose', async () => {
    for (const res of open) res.destroy();
  });

  app.get<{ Querystring: StreamQuery }>(
    '/api/stream',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            town: { type: 'string', enum: world.ids },
            after: { type: 'integer', minimum: 0 },
            token: { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      const resumeFrom = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : undefined;
      const { town } = request.query;
      let cursor = resumeFrom ?? request.query.after ?? (await store.lastEventId());

      reply.hijack();
      const res = reply.raw;
      const session = await createSession(request.raw, res, {
        keepAlive: heartbeatMs ?? HEARTBEAT_MS,
        retry: 2000,
        trustClientEventId: false,
        serializer: (data) => data as string,
        headers: { 'access-control-allow-origin': '*' },
      });
      open.add(res);
      telemetry.streamClients.inc();

      let live = false;
      const waiting: StoredEvent[] = [];
      const send = (events: readonly StoredEvent[]) => {
        if (!session.isConnected) return;
        for (const e of events) {
          if (e.id <= cursor || (town && e.town !== town)) continue;
          session.push(json(e), 'message', String(e.id));
          cursor = e.id;
        }
        if (res.writableLength > MAX_QUEUED_BYTES) {
          telemetry.streamDropped.inc();
          res.destroy();
        }
      };
      // Listen before catching up, so nothing published meanwhile is missed; `cursor` drops repeats.
      const unsubscribe = bus.subscribe((events) => (live ? send(events) : waiting.push(...events)));
      session.once('disconnected', () => {
        unsubscribe();
        open.delete(res);
        telemetry.streamClients.dec();
      });

      for (;;) {
        const page = await store.after(cursor, CATCH_UP_PAGE, town);
        if (page.length === 0 || !session.isConnected) break;
        send(page);
        if (page.length < CATCH_UP_PAGE) break;
      }
      live = true;
      send(waiting.splice(0));
    },
  );
}

/**
 * The aggregator's HTTP API (DESIGN.md): ingest, the live stream, history, the world, day
 * summaries, metrics, health. Errors are `{"error": "…"}` with a 4xx status.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import type { Agent } from '../agent/agent.ts';
import { LIMITS } from '../events/limits.ts';
import { hasLoneSurrogate } from '../events/schema.ts';
import type { SearchService } from '../search/service.ts';
import type { ResidentStore } from '../store/residents.ts';
import type { EventStore } from '../store/store.ts';
import type { World } from '../world/world.ts';
import type { LiveBus } from './bus.ts';
import type { Ingest } from './ingest.ts';
import { askRoutes } from './routes/ask.ts';
import { historyRoutes } from './routes/history.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { queryRoutes } from './routes/query.ts';
import { residentRoutes } from './routes/residents.ts';
import { searchRoutes } from './routes/search.ts';
import { streamRoutes } from './routes/stream.ts';
import { worldRoutes } from './routes/world.ts';
import { securityHeaders } from './security.ts';
import type { Telemetry } from './telemetry.ts';
import { bearer, sameSecret, type Tokens } from './tokens.ts';
import type { WorldClock } from './world-clock.ts';

export interface AppOptions {
  store: EventStore;
  bus: LiveBus;
  ingest: Ingest;
  world: World;
  worldFile: { id: string; seed: string };
  clock: WorldClock;
  tokens: Tokens;
  telemetry: Telemetry;
  /** Search over the history; absent when the aggregator runs without it. */
  search?: SearchService;
  /** Answers questions about the history (POST /api/ask). */
  agent?: Agent;
  /** The residents' catalogue and daily reports (GET /api/residents, GET /api/reports/:day). */
  reports?: ResidentStore;
  /** When set, every read needs this token (as a bearer token, or `?token=` for browsers' EventSource). */
  readToken?: string;
  /** Milliseconds between the stream's heartbeat comments (15 s by default). */
  heartbeatMs?: number;
  logger?: boolean;
}

export type App = FastifyInstance;

/**
 * Who may call a route, declared with it. `read` (the default) needs the read token when the
 * aggregator has one; `town` needs a town's write token (checked by the route's own hook, before its
 * body is read); `public` needs nothing (health, and the viewer's files, which hold no history).
 */
export type Access = 'read' | 'town' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Where `npm run build:web` puts the viewer. */
const VIEWER_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The map viewer at `/`, or a note on how to build it. */
function viewer(app: App): void {
  if (existsSync(join(VIEWER_DIR, 'index.html'))) {
    void app.register(fastifyStatic, { root: VIEWER_DIR, index: 'index.html', wildcard: false });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain')
        .send('The viewer is not built: run `npm run build:web` (npm start does it).\n'),
    );
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** A `\\uD800`-style escape of a surrogate: only then can a parsed string hold a lone one. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

/** The path of the first string in a parsed body that is not well-formed UTF-16 (a lone surrogate). */
function loneSurrogateAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path || 'the body' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return `${path}: a key`;
    const at = loneSurrogateAt(v, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (at) return at;
  }
  return undefined;
}

/**
 * One JSON value, or one per line, from a body that must be UTF-8: bytes that are not, or a lone
 * surrogate, are refused rather than stored as U+FFFD. A `__proto__` key is refused: it could
 * poison objects.
 */
export function parseJsonBody(body: Buffer | string): unknown {
  let text: string;
  try {
    text = typeof body === 'string' ? body : utf8.decode(body);
  } catch {
    throw new Error('body is not valid UTF-8');
  }
  const value = parseJsonText(text);
  const bad = SURROGATE_ESCAPE.test(text) ? loneSurrogateAt(value, '') : undefined;
  if (bad) throw new Error(`${bad}: a lone surrogate is not text (send valid Unicode)`);
  return value;
}

function parseJsonText(text: string): unknown {
  const options = { protoAction: 'error', constructorAction: 'error' } as const;
  try {
    return secureJson.parse(text, undefined, options);
  } catch (error) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length < 2 || !(error instanceof SyntaxError))
      throw new Error(`body is not valid JSON: ${(error as Error).message}`);
    return lines.map((line, i) => {
      try {
        return secureJson.parse(line, undefined, options);
      } catch (e) {
        throw new Error(`body is not valid JSON lines: line ${i + 1}: ${(e as Error).message}`);
      }
    });
  }
}

/** Errors of a full disk, from SQLite or the file system: 507 while it lasts, nothing lost. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Every route refuses query parameters it does not declare; a route that declares none takes none. */
const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

/** The API and the metrics hold the history; the viewer's files do not. */
function isApiPath(url: string | undefined): boolean {
  return url === '/metrics' || (url ?? '').startsWith('/api/');
}

export function buildApp(options: AppOptions): App {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: LIMITS.bodyBytes,
    // Query strings are parsed strictly: unknown parameters are refused rather than ignored.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  });

  // Updates are JSON: a text body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  // JSON, or JSON lines: log shippers send one record a line (Fluent Bit's json_lines, Vector's
  // newline-delimited framing), older Fluent Bits even under application/json.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/x-ndjson', 'application/jsonl', 'application/json-lines'],
    { parseAs: 'buffer' },
    (_req, body, done) => {
      try {
        done(null, parseJsonBody(body as Buffer));
      } catch (error) {
        done(Object.assign(new Error((error as Error).message), { statusCode: 400 }), undefined);
      }
    },
  );

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const full = isDiskFull(error);
    const status = full
      ? 507
      : error.statusCode && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500) request.log.error(error);
    const message = full
      ? "the aggregator's disk is full: nothing of this request was stored; send it again when space is freed"
      : status >= 500
        ? 'internal error'
        : status === 415
          ? `content-type "${request.headers['content-type'] ?? ''}" is not accepted: send application/json or application/x-ndjson`
          : error.validation
            ? `${error.message.replace(/^querystring\//, '').replace(/^params\//, '')}`
            : error.message;
    if (request.url.startsWith('/api/updates')) options.telemetry.rejected.inc({ status });
    void reply.status(status).send({ error: message });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` });
  });

  app.addHook('onResponse', async (request, reply) => {
    options.telemetry.requestSeconds.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  // A route that declares no query parameters refuses any (the README promises it of every route).
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, querystring: route.schema?.querystring ?? NO_QUERY };
  });

  // Authorisation follows the route that matched, not the raw URL (`/api/%61sk` is /api/ask), and
  // covers every method (HEAD too). It runs before the body is read.
  const readToken = options.readToken;
  app.addHook('onRequest', async (request: FastifyRequest<{ Querystring: { token?: string } }>, reply) => {
    const fromQuery = request.query.token;
    // The token is no parameter of any route: browsers' EventSource can send it only this way.
    if (fromQuery !== undefined) delete request.query.token;
    if (request.is404) return;
    const access =
      request.routeOptions.config.access ?? (isApiPath(request.routeOptions.url) ? 'read' : 'public');
    if (access !== 'read' || !readToken) return;
    const given = bearer(request.headers.authorization) ?? fromQuery;
    if (given === undefined || !sameSecret(given, readToken))
      return reply
        .status(401)
        .send({ error: 'reading needs the read token: Authorization: Bearer <token>, or ?token=' });
  });

  app.get('/healthz', { config: { access: 'public' } }, async () => ({ ok: true }));
  app.get('/metrics', async (_request, reply) => {
    void reply.type(options.telemetry.registry.contentType);
    return options.telemetry.registry.metrics();
  });

  void securityHeaders(app);
  viewer(app);
  ingestRoutes(app, options);
  streamRoutes(app, options);
  historyRoutes(app, options);
  worldRoutes(app, options);
  searchRoutes(app, options);
  askRoutes(app, options);
  queryRoutes(app, options);
  residentRoutes(app, options);
  return app;
}

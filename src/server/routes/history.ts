/** The history: GET /api/events (paged, filtered), GET /api/days/:day, GET /api/metrics. */
import type { FastifySchemaValidationError } from 'fastify';
import { summariseDay } from '../../readers/days.ts';
import type { Aggregate } from '../../store/store.ts';
import { describeWorld } from '../../world/describe.ts';
import type { App, AppOptions } from '../app.ts';
import { DAY } from './params.ts';

interface EventsQuery {
  town?: string;
  kind?: string;
  from_day?: number;
  to_day?: number;
  q?: string;
  limit: number;
  cursor?: string;
}

interface MetricsQuery {
  metric: string;
  town?: string;
  kind?: string;
  from_day?: number;
  to_day?: number;
  bucket: 'day' | 'update';
  aggregate: Aggregate;
  limit: number;
}

/**
 * A refused parameter told with what it may be: a metric or a town this world does not have is
 * answered with the ones it has. Other errors read as Fastify's own.
 */
function listAllowed(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const first = errors[0];
  const name = first?.instancePath.replace(/^\//, '');
  const allowed = (first?.params as { allowedValues?: unknown } | undefined)?.allowedValues;
  if (first?.keyword === 'enum' && name && Array.isArray(allowed))
    return new Error(`${name} must be one of: ${allowed.join(', ')}`);
  return new Error(errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).join(', '));
}

export function historyRoutes(app: App, { store, world }: AppOptions): void {
  const town = { type: 'string', enum: world.ids } as const;
  const kind = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,31}$' } as const;

  app.get<{ Querystring: EventsQuery }>(
    '/api/events',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            town,
            kind,
            from_day: DAY,
            to_day: DAY,
            q: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            cursor: { type: 'string', maxLength: 200 },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      try {
        return await store.events({
          town: q.town,
          kind: q.kind,
          fromDay: q.from_day,
          toDay: q.to_day,
          q: q.q,
          limit: q.limit,
          cursor: q.cursor,
        });
      } catch (error) {
        if (error instanceof RangeError) return reply.status(400).send({ error: error.message });
        throw error;
      }
    },
  );

  app.get<{ Params: { day: number } }>(
    '/api/days/:day',
    { schema: { params: { type: 'object', properties: { day: DAY }, required: ['day'] } } },
    async (request) => summariseDay(world, request.params.day, await store.day(request.params.day)),
  );

  // The numbers the world's towns declare, and no other key of events' data.
  const metric = { type: 'string', enum: describeWorld(world).metricKeys } as const;

  app.get<{ Querystring: MetricsQuery }>(
    '/api/metrics',
    {
      schemaErrorFormatter: listAllowed,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['metric'],
          properties: {
            metric,
            town,
            kind,
            from_day: DAY,
            to_day: DAY,
            bucket: { type: 'string', enum: ['day', 'update'], default: 'day' },
            aggregate: { type: 'string', enum: ['sum', 'mean', 'min', 'max', 'count'], default: 'sum' },
            limit: { type: 'integer', minimum: 1, maximum: 100_000, default: 10_000 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      const points = await store.metrics({
        metric: q.metric,
        town: q.town,
        kind: q.kind,
        fromDay: q.from_day,
        toDay: q.to_day,
        bucket: q.bucket,
        aggregate: q.aggregate,
        limit: q.limit,
      });
      return { metric: q.metric, aggregate: q.aggregate, bucket: q.bucket, points };
    },
  );
}

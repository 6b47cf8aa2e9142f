/**
 * The typed query: the one question shape the planner, the language model's tools and
 * `POST /api/query` all produce. A selection of events (by town, kind, actor, any declared field,
 * flags, numeric conditions, days and hours), bucketed (each event, each day, each week, or the
 * whole range), each bucket's values combined (sum, mean…), then aggregated over the buckets and,
 * optionally, grouped, ordered and limited. Beside it: compare two aggregates, correlate two daily
 * series, and the trend of one. The schema is built from the world's catalogue, so a name the
 * world does not declare is refused with the field that holds it.
 */
import { z } from 'zod';
import type { Catalog } from './catalog.ts';

export const AGGREGATIONS = ['sum', 'mean', 'min', 'max', 'count', 'days', 'distinct'] as const;
export const GRANULARITIES = ['event', 'day', 'week', 'all'] as const;
export const COMBINES = ['sum', 'mean', 'min', 'max', 'count'] as const;
export const OPERATORS = ['>', '>=', '<', '<=', '=', '!='] as const;
/** Groups besides the declared text fields (goods, from, to, target…). */
export const BASE_GROUPS = ['town', 'day', 'week', 'actor', 'kind'] as const;
export const MAX_LIMIT = 1000;
/** The most events a result cites (a query may ask for fewer with `cite`). */
export const EVIDENCE_CAP = 5000;
const MAX_LIST = 50;
const MAX_DAY = 1_000_000;

export type Aggregation = (typeof AGGREGATIONS)[number];
export type Granularity = (typeof GRANULARITIES)[number];
export type Combine = (typeof COMBINES)[number];

export interface DayRange {
  from: number;
  to: number;
}

export interface Selection {
  /** The number to add up, average or compare; none: the events themselves are counted. */
  metric?: string;
  towns?: string[];
  kinds?: string[];
  actors?: string[];
  /** Declared fields equal to one of the values: { goods: ['grain'], to: ['port-logic'] }. */
  fields?: Record<string, (string | number)[]>;
  /** Flags every event must carry (data[flag] = 1). */
  flags?: string[];
  /** Numeric conditions on declared numbers: { key: 'rain_mm', op: '>', value: 0 }. */
  where?: { key: string; op: (typeof OPERATORS)[number]; value: number }[];
  days?: DayRange;
  /** Hours of the day, inclusive. */
  hours?: DayRange;
}

export interface AggregateQuery {
  op: 'aggregate';
  select: Selection;
  /** The buckets: each event, each day, each week (days 1–7 are week 1), or the whole range. */
  per?: Granularity;
  /** How a bucket's values become its value; the metric's natural one (sum of output, mean of a reading) when unsaid. */
  combine?: Combine;
  /** Over the buckets: sum, mean, min, max (with the bucket that holds it), count of buckets, days, distinct values. */
  aggregate: Aggregation;
  /** The field whose distinct values `distinct` lists. */
  field?: string;
  /** One result per town, day, week, actor, kind or declared text field. */
  group?: string;
  /** Order of the groups by value ('desc', 'asc') or by key ('key'). */
  order?: 'desc' | 'asc' | 'key';
  limit?: number;
  /** The most events the groups of days or weeks cite between them (default 5,000); 0 cites none, for a caller that needs only the groups. */
  cite?: number;
}

export interface CompareQuery {
  op: 'compare';
  a: Omit<AggregateQuery, 'op' | 'group' | 'order' | 'limit'>;
  b: Omit<AggregateQuery, 'op' | 'group' | 'order' | 'limit'>;
}

/** A daily series: the selection's events combined per day. */
export interface Series {
  select: Selection & { metric: string };
  combine?: Combine;
}

export interface CorrelateQuery {
  op: 'correlate';
  a: Series;
  b: Series;
}

export interface TrendQuery {
  op: 'trend';
  series: Series;
}

export type Query = AggregateQuery | CompareQuery | CorrelateQuery | TrendQuery;

/** The zod schema of a query over this catalogue's world. */
export function querySchema(catalog: Catalog) {
  const oneOf = (names: readonly string[], what: string) =>
    z.string().refine((v) => names.includes(v), {
      message: `not a ${what} of this world; one of: ${names.join(', ')}`,
    });
  const numberKeys = [...catalog.numbers.keys()];
  const fieldKeys = [...catalog.fields.keys()];
  const flagKeys = [...catalog.numbers.values()].filter((n) => n.flag).map((n) => n.key);
  const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_LIST);
  const dayRange = z
    .strictObject({ from: z.int().min(0).max(MAX_DAY), to: z.int().min(0).max(MAX_DAY) })
    .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' });
  const hourRange = z
    .strictObject({ from: z.number().min(0).max(24), to: z.number().min(0).max(24) })
    .refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' });
  const selection = z.strictObject({
    metric: oneOf(numberKeys, 'number').optional(),
    towns: list(oneOf(catalog.towns, 'town')).optional(),
    kinds: list(oneOf(catalog.kinds, 'kind of event')).optional(),
    actors: list(z.string().min(1).max(100)).optional(),
    fields: z
      .record(oneOf(fieldKeys, 'field'), list(z.union([z.string().min(1).max(200), z.number()])))
      .optional(),
    flags: list(oneOf(flagKeys, 'flag')).optional(),
    where: list(
      z.strictObject({ key: oneOf(numberKeys, 'number'), op: z.enum(OPERATORS), value: z.number() }),
    ).optional(),
    days: dayRange.optional(),
    hours: hourRange.optional(),
  });
  const groups = [...BASE_GROUPS, ...fieldKeys];
  const aggregateBody = {
    select: selection,
    per: z.enum(GRANULARITIES).optional(),
    combine: z.enum(COMBINES).optional(),
    aggregate: z.enum(AGGREGATIONS),
    field: z
      .string()
      .refine((v) => [...fieldKeys, 'actor', 'town', 'kind'].includes(v), {
        message: `not a field; one of: actor, town, kind, ${fieldKeys.join(', ')}`,
      })
      .optional(),
  };
  const needsMetric = (
    q: { aggregate: Aggregation; combine?: Combine; select: { metric?: string }; field?: string },
    ctx: z.RefinementCtx,
  ) => {
    if (['sum', 'mean', 'min', 'max'].includes(q.aggregate) && !q.select.metric && q.combine !== 'count')
      ctx.addIssue({
        code: 'custom',
        path: ['select', 'metric'],
        message: `\`${q.aggregate}\` needs a metric (or combine: "count")`,
      });
    if (q.combine && q.combine !== 'count' && !q.select.metric)
      ctx.addIssue({
        code: 'custom',
        path: ['select', 'metric'],
        message: `combine \`${q.combine}\` needs a metric`,
      });
    if (q.aggregate === 'distinct' && !q.field)
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: '`distinct` needs the field whose values it lists',
      });
  };
  const aggregate = z
    .strictObject({
      op: z.literal('aggregate'),
      ...aggregateBody,
      group: z
        .string()
        .refine((g) => groups.includes(g), { message: `not a group; one of: ${groups.join(', ')}` })
        .optional(),
      order: z.enum(['desc', 'asc', 'key']).optional(),
      limit: z.int().min(1).max(MAX_LIMIT).optional(),
      cite: z.int().min(0).max(EVIDENCE_CAP).optional(),
    })
    .superRefine(needsMetric);
  const side = z.strictObject(aggregateBody).superRefine(needsMetric);
  const series = z.strictObject({
    select: selection.extend({ metric: oneOf(numberKeys, 'number') }),
    combine: z.enum(COMBINES).optional(),
  });
  return z.discriminatedUnion('op', [
    aggregate,
    z.strictObject({ op: z.literal('compare'), a: side, b: side }),
    z.strictObject({ op: z.literal('correlate'), a: series, b: series }),
    z.strictObject({ op: z.literal('trend'), series }),
  ]);
}

/** What is wrong with a query, one line per problem, each naming its field ("select.metric: …"). */
export function queryProblems(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : 'query'}: ${issue.message}`,
  );
}

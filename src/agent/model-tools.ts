/**
 * The tools as a language model sees them: JSON schemas built from the world's vocabulary (its
 * town ids, metric keys and happening names), and a runner that checks a call's arguments against
 * them before it reaches the history.
 */
import { z } from 'zod';
import { catalogOf } from '../query/catalog.ts';
import { type Query, querySchema } from '../query/query.ts';
import type { StoredEvent } from '../store/store.ts';
import type { DayRange } from './time.ts';
import { type HistoryTools, ToolError } from './tools.ts';
import type { Vocabulary } from './vocabulary.ts';

const day = z.number().int().min(1).max(1_000_000);
const names = (list: readonly string[]) => list as [string, ...string[]];

function schemasOf(vocab: Vocabulary) {
  const town = z.enum(names(vocab.ids)).describe('a town id');
  const metricKey = z.enum(names(vocab.metrics.map((m) => m.key)));
  const happeningName = z.enum(names(vocab.happenings.map((h) => h.name)));
  return {
    query: querySchema(catalogOf(vocab.world)).describe(
      'The typed query (the same as POST /api/query): a selection of events by metric, towns, kinds, actors, fields (goods, from, to, target…), flags, numeric conditions, days and hours; buckets per event, day, week or all; an aggregate (sum, mean, min, max, count, days, distinct), optionally grouped, ordered and limited; or compare two aggregates, correlate two daily series, or the trend of one.',
    ),
    aggregate: z
      .strictObject({
        metric: metricKey,
        aggregate: z.enum(['sum', 'mean', 'min', 'max', 'count']),
        town: town.optional(),
        from_day: day,
        to_day: day,
        group_by: z.enum(['town', 'day', 'actor']).optional(),
      })
      .describe(
        'Sum, mean, min, max or count of one number the jobs or sensors report, over a range of days.',
      ),
    occurrences: z
      .strictObject({
        happening: happeningName,
        town: town.optional(),
        from_day: day,
        to_day: day,
        newest_first: z.boolean().optional(),
        limit: z.number().int().min(1).max(50).default(10),
      })
      .describe(
        'Events where one of the happenings named happened, how many, oldest or newest first. For "when did X last happen", newest_first with limit 1.',
      ),
    day_summary: z
      .strictObject({ day, town: town.optional() })
      .describe("One day at a glance: each town's totals, weather and highlights."),
    list_events: z
      .strictObject({
        town: town.optional(),
        kind: z
          .string()
          .regex(/^[a-z][a-z0-9_-]{0,31}$/)
          .optional(),
        from_day: day.optional(),
        to_day: day.optional(),
        contains: z.string().max(100).optional(),
        actor: z.string().max(80).optional(),
        newest_first: z.boolean().optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .describe('Events with filters, in time order.'),
    search: z
      .strictObject({
        query: z.string().min(1).max(200),
        town: town.optional(),
        from_day: day.optional(),
        to_day: day.optional(),
        k: z.number().int().min(1).max(20).default(10),
      })
      .describe('Search the history by meaning and by words.'),
  } as const;
}

type Schemas = ReturnType<typeof schemasOf>;
export type ToolName = keyof Schemas;
type Args<T extends ToolName> = z.infer<Schemas[T]>;

const memo = new WeakMap<Vocabulary, Schemas>();

/** The tools' argument schemas for a world, built once per vocabulary. */
export function toolSchemas(vocab: Vocabulary): Schemas {
  let schemas = memo.get(vocab);
  if (!schemas) {
    schemas = schemasOf(vocab);
    memo.set(vocab, schemas);
  }
  return schemas;
}

/** The tools in the shape of OpenAI's chat-completions `tools` parameter. */
export function toolDefinitions(vocab: Vocabulary) {
  return Object.entries(toolSchemas(vocab)).map(([name, schema]) => ({
    type: 'function' as const,
    function: {
      name,
      description: schema.description ?? name,
      parameters: z.toJSONSchema(schema, { io: 'input' }),
    },
  }));
}

const rangeOf = (a: { from_day?: number; to_day?: number }, today: number): DayRange => ({
  from: a.from_day ?? 1,
  to: a.to_day ?? today,
});

/**
 * Runs a tool a model asked for, its arguments checked against the schema. Returns a compact
 * result for the model, and the ids its answer may cite.
 */
export async function callTool(
  tools: HistoryTools,
  name: string,
  rawArgs: unknown,
  today: number,
): Promise<{ result: unknown; citations: number[] }> {
  const schemas = toolSchemas(tools.vocab);
  if (!(name in schemas))
    throw new ToolError(`unknown tool "${name}"; one of ${Object.keys(schemas).join(', ')}`);
  const parsed = schemas[name as ToolName].safeParse(rawArgs);
  if (!parsed.success) throw new ToolError(`bad arguments for ${name}: ${z.prettifyError(parsed.error)}`);
  const brief = (e: StoredEvent) => ({
    id: e.id,
    day: e.day,
    hour: e.hour,
    town: e.town,
    kind: e.kind,
    text: e.text,
  });
  switch (name as ToolName) {
    case 'query': {
      const r = await tools.query(parsed.data as Query, today);
      // The model gets the numbers and the first groups and points; the answer cites the events.
      const { evidence, ...rest } = r;
      const trimmed = {
        ...rest,
        ...('groups' in rest ? { groups: rest.groups.slice(0, 20).map(({ evidence: _, ...g }) => g) } : {}),
        ...('points' in rest ? { points: rest.points.slice(0, 60) } : {}),
        ...('a' in rest && 'groups' in rest.a
          ? { a: { ...rest.a, evidence: undefined, groups: undefined } }
          : {}),
        ...('b' in rest && 'groups' in rest.b
          ? { b: { ...rest.b, evidence: undefined, groups: undefined } }
          : {}),
      };
      return { result: trimmed, citations: evidence };
    }
    case 'aggregate': {
      const a = parsed.data as Args<'aggregate'>;
      const r = await tools.aggregate({
        metric: a.metric,
        aggregate: a.aggregate,
        town: a.town,
        range: rangeOf(a, today),
        groupBy: a.group_by,
      });
      const { citations, groups, ...rest } = r;
      return {
        result: {
          ...rest,
          unit: tools.metricOf(a.metric).unit,
          groups: groups?.slice(0, 20).map(({ citations: _, ...g }) => g),
        },
        citations,
      };
    }
    case 'occurrences': {
      const a = parsed.data as Args<'occurrences'>;
      const happening = tools.vocab.happening(a.happening);
      if (!happening) throw new ToolError(`unknown happening "${a.happening}"`);
      const r = await tools.occurrences({
        happening,
        town: a.town,
        range: rangeOf(a, today),
        newestFirst: a.newest_first,
        limit: a.limit,
      });
      return {
        result: { happening: r.happening, count: r.count, events: r.events.map(brief) },
        citations: r.citations,
      };
    }
    case 'day_summary': {
      const a = parsed.data as Args<'day_summary'>;
      const r = await tools.daySummary(a);
      return { result: r.summary, citations: r.events.map((e) => e.id) };
    }
    case 'list_events': {
      const a = parsed.data as Args<'list_events'>;
      const r = await tools.listEvents({ ...a, range: rangeOf(a, today), newestFirst: a.newest_first });
      return { result: { events: r.events.map(brief) }, citations: r.citations };
    }
    case 'search': {
      const a = parsed.data as Args<'search'>;
      const r = await tools.searchEvents({ ...a, range: rangeOf(a, today) });
      return { result: { events: r.events.map(brief), warning: r.warning }, citations: r.citations };
    }
  }
}

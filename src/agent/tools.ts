/**
 * The agent's tools: plain functions over the event store and search. Each returns what it found
 * and the ids of the events that hold it (its citations), so an answer built from a tool's result
 * can always show where its numbers come from. The offline planner and a language model call the
 * same functions; the model through the JSON schemas of model-tools.ts.
 */
import { type Catalog, catalogOf } from '../query/catalog.ts';
import type { Query, Selection } from '../query/query.ts';
import {
  conditionsOf,
  newestStretchStart,
  type AggregateResult as QueryAggregate,
  type QueryResult,
  runQuery,
} from '../query/run.ts';
import { summariseDay } from '../readers/days.ts';
import type { SearchService } from '../search/service.ts';
import type { EventStore, StoredEvent } from '../store/store.ts';
import type { DayRange } from './time.ts';
import type { Aggregate, Happening, Metric, Vocabulary } from './vocabulary.ts';

export interface Group {
  key: string;
  value: number;
  n: number;
  citations: number[];
}

export interface AggregateResult {
  metric: string;
  aggregate: Aggregate;
  town: string | null;
  from_day: number;
  to_day: number;
  /** Null when no event in the range reported the metric. */
  value: number | null;
  /** Events that reported it. */
  n: number;
  /** For min and max: where the extreme was seen. */
  at?: { day: number; hour: number; town: string; actor: string | null };
  groups?: Group[];
  citations: number[];
}

export interface Occurrences {
  happening: string;
  count: number;
  /** The matching events, up to the limit asked for. */
  events: StoredEvent[];
  citations: number[];
}

export interface SharedDays {
  /** How each side's days were chosen. */
  sides: { town: string; what: string; threshold?: number; days: number }[];
  days: number[];
  citations: number[];
}

/** Rounds to a number of decimals, away from the binary noise of adding decimals. */
export function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((n + Math.sign(n) * Number.EPSILON) * f) / f;
}

/** A tool was called with arguments it cannot use: the message says why, for a model to correct. */
export class ToolError extends Error {}

/**
 * "At least the smallest amount events carry" is "above zero" ("it rained": 0.1 mm or more), which
 * the rollups count; other thresholds stay as they are.
 */
function atLeast(
  key: string,
  min: number,
  vocab: Vocabulary,
): { key: string; op: '>' | '>='; value: number } {
  const decimals = vocab.metric(key)?.decimals;
  const step = decimals === undefined ? undefined : 10 ** -decimals;
  return step !== undefined && Math.abs(min - step) < step / 1e6
    ? { key, op: '>', value: 0 }
    : { key, op: '>=', value: min };
}

/** The events a happening is: of its kind, in its town, with its flag or its number at least its least. */
export function selectionOfHappening(
  h: Happening,
  town: string | undefined,
  range: DayRange,
  vocab: Vocabulary,
): Selection {
  return {
    ...(town ? { towns: [town] } : h.towns.length ? { towns: [...h.towns] } : {}),
    ...(h.kind ? { kinds: [h.kind] } : {}),
    days: { from: range.from, to: range.to },
    ...(h.flag
      ? { flags: [h.metric as string] }
      : h.metric !== undefined && h.max !== undefined
        ? { where: [{ key: h.metric, op: '<=' as const, value: h.max }] }
        : h.metric !== undefined && Number.isFinite(h.min)
          ? { where: [atLeast(h.metric, h.min as number, vocab)] }
          : h.metric !== undefined
            ? { metric: h.metric }
            : {}),
  };
}

export class HistoryTools {
  private readonly catalog: Catalog;

  constructor(
    private readonly store: EventStore,
    /** What the world's words and numbers are. */
    readonly vocab: Vocabulary,
    private readonly search?: SearchService,
  ) {
    this.catalog = catalogOf(vocab.world);
  }

  /** The typed query every answer is built on (src/query), over days up to `today`. */
  query(query: Query, today: number): Promise<QueryResult> {
    return runQuery(query, { store: this.store, catalog: this.catalog, today });
  }

  metricOf(key: string): Metric {
    const metric = this.vocab.metric(key);
    if (!metric)
      throw new ToolError(
        `unknown metric "${key}"; one of ${this.vocab.metrics.map((m) => m.key).join(', ')}`,
      );
    return metric;
  }

  /** A number's total, mean, low, high or count over some days, on the typed query (rollups where they serve). */
  async aggregate(args: {
    metric: string;
    aggregate: Aggregate;
    town?: string;
    range: DayRange;
    /** Only this person's events (their full name). */
    actor?: string;
    /** Only events with these field values ("from": ["port-logic"]). */
    fields?: Selection['fields'];
    groupBy?: 'town' | 'day' | 'actor';
  }): Promise<AggregateResult> {
    const metric = this.metricOf(args.metric);
    const fn = args.aggregate;
    const extreme = fn === 'min' || fn === 'max';
    const select: Selection = {
      metric: metric.key,
      ...(args.town ? { towns: [args.town] } : {}),
      ...(metric.kind ? { kinds: [metric.kind] } : {}),
      ...(args.actor ? { actors: [args.actor] } : {}),
      ...(args.fields ? { fields: args.fields } : {}),
      days: { from: args.range.from, to: args.range.to },
    };
    const query = (group?: 'town' | 'day' | 'actor'): Query => ({
      op: 'aggregate',
      select,
      ...(extreme || fn === 'count'
        ? { per: 'event' as const, aggregate: fn }
        : { combine: fn, aggregate: 'sum' as const }),
      ...(group ? { group, order: 'desc' as const } : {}),
    });
    const today = args.range.to;
    const r = (await this.query(query(), today)) as QueryAggregate;
    const decimals = fn === 'mean' ? metric.decimals + 1 : metric.decimals;
    const round = (v: number | null) =>
      v === null ? null : extreme || fn === 'count' ? v : roundTo(v, decimals);
    const top = r.groups[0];
    const value = top && top.n > 0 ? round(r.value) : null;
    const result: AggregateResult = {
      metric: metric.key,
      aggregate: fn,
      town: args.town ?? null,
      from_day: args.range.from,
      to_day: args.range.to,
      value,
      n: top?.n ?? 0,
      citations: r.evidence,
    };
    if (extreme && top?.at?.event !== undefined) {
      const [e] = await this.store.byIds([top.at.event]);
      if (e) result.at = { day: e.day, hour: e.hour, town: e.town, actor: e.actor };
    }
    if (args.groupBy) {
      const g = (await this.query(query(args.groupBy), today)) as QueryAggregate;
      result.groups = g.groups
        .filter((x) => x.key !== null && x.value !== null)
        .map((x) => ({ key: String(x.key), value: round(x.value) as number, n: x.n, citations: x.evidence }))
        .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key, 'en', { numeric: true }));
    }
    return result;
  }

  /** Events where something happened: a raid that brought gold, a storm, a flooded mine. */
  async occurrences(args: {
    happening: Happening;
    town?: string;
    range: DayRange;
    /** Only events with these field values ("from": ["port-logic"]). */
    fields?: Selection['fields'];
    newestFirst?: boolean;
    limit: number;
  }): Promise<Occurrences> {
    const h = args.happening;
    const select = {
      ...selectionOfHappening(h, args.town ?? h.town, args.range, this.vocab),
      ...(args.fields ? { fields: args.fields } : {}),
    };
    const r = (await this.query(
      { op: 'aggregate', select, per: 'event', aggregate: 'count' },
      args.range.to,
    )) as QueryAggregate;
    const count = r.value ?? 0;
    let chosen = r.evidence.slice(0, args.limit);
    if (args.newestFirst && count > 0) {
      // Read back only as far as the rollups say the last events are (a look-back over 20 years);
      // the whole range when that finds fewer than the count promises.
      const wanted = Math.min(count, args.limit);
      const ctx = { store: this.store, catalog: this.catalog, today: args.range.to };
      const start = await newestStretchStart(select, ctx, wanted);
      const read = (fromDay: number) =>
        this.store.select({
          towns: select.towns,
          kinds: select.kinds,
          fromDay,
          toDay: args.range.to,
          conditions: conditionsOf(select),
          keys: [],
          newestFirst: true,
          limit: args.limit,
        });
      let rows = start !== undefined ? await read(Math.max(args.range.from, start)) : [];
      if (rows.length < wanted) rows = await read(args.range.from);
      chosen = rows.map((row) => row.id);
    }
    const events = await this.store.byIds(chosen);
    return { happening: h.name, count, events, citations: chosen };
  }

  /** Days on which every condition held: a happening, or a big day (the top quarter) of a metric. */
  async sharedDays(args: {
    sides: { town: string; metric?: Metric; happening?: Happening }[];
    range: DayRange;
    /**
     * A big day is, instead of one of the town's top quarter: its record (`best`, its best day of
     * the range), or a new running high (`running`, a day above every earlier day of the history).
     */
    record?: 'best' | 'running';
  }): Promise<SharedDays> {
    const sides: SharedDays['sides'] = [];
    const citationsByDay: Map<number, number[]>[] = [];
    for (const side of args.sides) {
      const byDay = new Map<number, number[]>();
      if (side.happening) {
        const found = await this.occurrences({
          happening: side.happening,
          town: side.town,
          range: args.range,
          limit: 100_000,
        });
        for (const e of found.events) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e.id]);
        sides.push({ town: side.town, what: side.happening.phrase, days: byDay.size });
      } else if (side.metric) {
        const running = args.record === 'running';
        // A running high is measured from the history's first day.
        const since = running ? ((await this.historyDays())?.from ?? args.range.from) : args.range.from;
        const totals = await this.aggregate({
          metric: side.metric.key,
          aggregate: 'sum',
          town: side.town,
          // A running high is measured against every earlier day, before the range too.
          range: running ? { from: since, to: args.range.to } : args.range,
          groupBy: 'day',
        });
        const groups = [...(totals.groups ?? [])];
        if (running) {
          // The history's first day sets the mark; a later day above it (and above 0) is a new high.
          groups.sort((a, b) => Number(a.key) - Number(b.key));
          let best = groups.find((g) => Number(g.key) === since)?.value ?? 0;
          for (const g of groups) {
            const day = Number(g.key);
            if (day === since) continue;
            if (g.value > best && g.value > 0 && day >= args.range.from) byDay.set(day, g.citations);
            best = Math.max(best, g.value);
          }
          sides.push({ town: side.town, what: `new highs of ${side.metric.label}`, days: byDay.size });
        } else {
          const values = groups.map((g) => g.value).filter((v) => v > 0);
          const threshold = args.record === 'best' ? Math.max(...values) : bigDayThreshold(values);
          for (const g of groups)
            if (g.value > 0 && g.value >= threshold) byDay.set(Number(g.key), g.citations);
          sides.push({ town: side.town, what: side.metric.label, threshold, days: byDay.size });
        }
      }
      citationsByDay.push(byDay);
    }
    const [first, ...rest] = citationsByDay;
    const days = [...(first?.keys() ?? [])].filter((d) => rest.every((m) => m.has(d))).sort((a, b) => a - b);
    // No shared day: the answer rests on each side's own days (a record day, the big days).
    const citations = days.length
      ? days.flatMap((d) => citationsByDay.flatMap((m) => m.get(d) ?? []))
      : citationsByDay.flatMap((m) => [...m.values()].flat()).slice(0, 200);
    return { sides, days, citations };
  }

  async daySummary(args: { day: number; town?: string }) {
    const events = (await this.store.day(args.day)).filter((e) => !args.town || e.town === args.town);
    return { summary: summariseDay(this.vocab.world, args.day, events), events };
  }

  async listEvents(args: {
    town?: string;
    kind?: string;
    range?: DayRange;
    contains?: string;
    actor?: string;
    newestFirst?: boolean;
    limit: number;
  }): Promise<{ events: StoredEvent[]; citations: number[] }> {
    const page = await this.store.events({
      town: args.town,
      kind: args.kind,
      fromDay: args.range?.from,
      toDay: args.range?.to,
      q: args.contains,
      actor: args.actor,
      newestFirst: args.newestFirst,
      limit: args.limit,
    });
    return { events: page.events, citations: page.events.map((e) => e.id) };
  }

  /** By meaning and words when search runs; by words in the store when it does not. */
  async searchEvents(args: {
    query: string;
    town?: string;
    range?: DayRange;
    k: number;
  }): Promise<{ events: StoredEvent[]; citations: number[]; warning?: string }> {
    if (this.search) {
      const response = await this.search.search({
        q: args.query,
        town: args.town,
        fromDay: args.range?.from,
        toDay: args.range?.to,
        k: args.k,
        mode: 'hybrid',
        order: 'relevance',
      });
      return {
        events: response.results,
        citations: response.results.map((e) => e.id),
        ...(response.warning ? { warning: response.warning } : {}),
      };
    }
    const found = await this.listEvents({ ...args, contains: args.query, newestFirst: true, limit: args.k });
    return {
      ...found,
      warning: 'search is off on this aggregator: these events contain the words asked for',
    };
  }

  /** Everyone who appears as an actor, for recognising names in questions. */
  /** Each resident's latest move or journey: where they are now. */
  latestMoves(): Promise<StoredEvent[]> {
    return this.store.latestByActor(['move', 'travel']);
  }

  /** The events with these ids, in the order given. */
  events(ids: readonly number[]): Promise<StoredEvent[]> {
    return this.store.byIds(ids);
  }

  async actors() {
    return this.store.actors();
  }

  async historyDays(): Promise<DayRange | null> {
    const page = await this.store.events({ limit: 1 });
    const first = page.events[0];
    if (!first) return null;
    const last = (await this.store.events({ limit: 1, newestFirst: true })).events[0] ?? first;
    return { from: first.day, to: last.day };
  }
}

/** A big day: at least the lower bound of the top quarter of the days' positive totals (nearest rank). */
export function bigDayThreshold(totals: readonly number[]): number {
  const sorted = [...totals].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.POSITIVE_INFINITY;
  return sorted[Math.floor(0.75 * (sorted.length - 1))] as number;
}

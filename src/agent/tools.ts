/**
 * The agent's tools: plain functions over the event store and search. Each returns what it found
 * and the ids of the events that hold it (its citations), so an answer built from a tool's result
 * can always show where its numbers come from. The offline planner and a language model call the
 * same functions; the model through the JSON schemas of model-tools.ts.
 */
import { type Catalog, catalogOf } from '../query/catalog.ts';
import type { Query } from '../query/query.ts';
import { type QueryResult, runQuery } from '../query/run.ts';
import { summariseDay } from '../readers/days.ts';
import type { SearchService } from '../search/service.ts';
import type { EventStore, StoredEvent, ValueRow } from '../store/store.ts';
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

function fold(rows: readonly ValueRow[], fn: Aggregate, decimals: number): number | null {
  if (rows.length === 0) return null;
  const values = rows.map((r) => r.value);
  switch (fn) {
    case 'count':
      return rows.length;
    case 'sum':
      return roundTo(
        values.reduce((a, b) => a + b, 0),
        decimals,
      );
    case 'mean':
      return roundTo(values.reduce((a, b) => a + b, 0) / values.length, decimals + 1);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
  }
}

/** The events an aggregate rests on: those that add to a sum, the extremes of min and max, all for the rest. */
function cited(rows: readonly ValueRow[], fn: Aggregate, value: number | null): number[] {
  // A sum rests on the reports that add to it; a sum of nothing but zeros, on the zeros.
  if (fn === 'sum' && rows.some((r) => r.value !== 0))
    return rows.filter((r) => r.value !== 0).map((r) => r.id);
  if (fn === 'min' || fn === 'max') return rows.filter((r) => r.value === value).map((r) => r.id);
  return rows.map((r) => r.id);
}

/** A tool was called with arguments it cannot use: the message says why, for a model to correct. */
export class ToolError extends Error {}

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

  async aggregate(args: {
    metric: string;
    aggregate: Aggregate;
    town?: string;
    range: DayRange;
    /** Only this person's events (their full name). */
    actor?: string;
    groupBy?: 'town' | 'day' | 'actor';
  }): Promise<AggregateResult> {
    const metric = this.metricOf(args.metric);
    const all = await this.store.values({
      metric: metric.key,
      kind: metric.kind,
      town: args.town,
      fromDay: args.range.from,
      toDay: args.range.to,
    });
    const rows = args.actor ? all.filter((r) => r.actor === args.actor) : all;
    const value = fold(rows, args.aggregate, metric.decimals);
    const result: AggregateResult = {
      metric: metric.key,
      aggregate: args.aggregate,
      town: args.town ?? null,
      from_day: args.range.from,
      to_day: args.range.to,
      value,
      n: rows.length,
      citations: cited(rows, args.aggregate, value),
    };
    const extreme =
      (args.aggregate === 'min' || args.aggregate === 'max') && rows.find((r) => r.value === value);
    if (extreme)
      result.at = { day: extreme.day, hour: extreme.hour, town: extreme.town, actor: extreme.actor };
    if (args.groupBy) {
      const by = args.groupBy;
      const groups = new Map<string, ValueRow[]>();
      for (const row of rows) {
        const key = by === 'day' ? String(row.day) : by === 'town' ? row.town : row.actor;
        if (key === null) continue;
        const list = groups.get(key) ?? [];
        groups.set(key, list);
        list.push(row);
      }
      result.groups = [...groups]
        .map(([key, list]) => {
          const v = fold(list, args.aggregate, metric.decimals) ?? 0;
          return { key, value: v, n: list.length, citations: cited(list, args.aggregate, v) };
        })
        .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key, 'en', { numeric: true }));
    }
    return result;
  }

  /** Events where something happened: a raid that brought gold, a storm, a flooded mine. */
  async occurrences(args: {
    happening: Happening;
    town?: string;
    range: DayRange;
    newestFirst?: boolean;
    limit: number;
  }): Promise<Occurrences> {
    const h = args.happening;
    const town = args.town ?? h.town;
    let ids: number[];
    if (h.metric !== undefined) {
      const rows = await this.store.values({
        metric: h.metric,
        kind: h.kind,
        town,
        fromDay: args.range.from,
        toDay: args.range.to,
      });
      ids = rows.filter((r) => r.value >= (h.min ?? Number.NEGATIVE_INFINITY)).map((r) => r.id);
    } else {
      const page = await this.store.events({
        kind: h.kind,
        town,
        fromDay: args.range.from,
        toDay: args.range.to,
        limit: 100_000,
      });
      ids = page.events.map((e) => e.id);
    }
    const chosen = args.newestFirst ? ids.slice(-args.limit).reverse() : ids.slice(0, args.limit);
    const events = await this.store.byIds(chosen);
    return { happening: h.name, count: ids.length, events, citations: chosen };
  }

  /** Days on which every condition held: a happening, or a big day (the top quarter) of a metric. */
  async sharedDays(args: {
    sides: { town: string; metric?: Metric; happening?: Happening }[];
    range: DayRange;
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
        const totals = await this.aggregate({
          metric: side.metric.key,
          aggregate: 'sum',
          town: side.town,
          range: args.range,
          groupBy: 'day',
        });
        const threshold = bigDayThreshold((totals.groups ?? []).map((g) => g.value).filter((v) => v > 0));
        for (const g of totals.groups ?? []) {
          if (g.value > 0 && g.value >= threshold) byDay.set(Number(g.key), g.citations);
        }
        sides.push({ town: side.town, what: side.metric.label, threshold, days: byDay.size });
      }
      citationsByDay.push(byDay);
    }
    const [first, ...rest] = citationsByDay;
    const days = [...(first?.keys() ?? [])].filter((d) => rest.every((m) => m.has(d))).sort((a, b) => a - b);
    const citations = days.flatMap((d) => citationsByDay.flatMap((m) => m.get(d) ?? []));
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

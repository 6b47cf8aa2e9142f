/**
 * The event store: every update and each of its events, with a global sequence number per event.
 * The interface is asynchronous so a networked implementation (PostgreSQL) can stand behind it
 * without changing its callers. Every implementation passes test/contract/event-store.ts.
 */

import type { StoredEvent } from '../events/contracts.ts';
import type { IncomingUpdate } from '../events/schema.ts';

export type { StoredEvent };

export interface AppendResult {
  /** Updates stored now. */
  stored: number;
  /** Updates already stored under the same id with the same content: acknowledged, not stored again. */
  duplicates: number;
  /** The events stored now, with their sequence numbers, in order. */
  events: StoredEvent[];
}

/** The same update id with other content, or another update in a town's sequence slot. */
export class ConflictError extends Error {}

export interface EventQuery {
  town?: string;
  kind?: string;
  fromDay?: number;
  toDay?: number;
  /** Words the event's text contains. */
  q?: string;
  /** Part of the actor's name, in any case ("john"). */
  actor?: string;
  /** Newest first instead of oldest first. */
  newestFirst?: boolean;
  limit: number;
  /** Position after which to continue, from a previous page's `next`; any other is a RangeError. */
  cursor?: string;
}

export interface EventPage {
  events: StoredEvent[];
  next: string | null;
}

export interface TownStats {
  town: string;
  updates: number;
  events: number;
  last_seq: number;
  last_ts: string | null;
  last_day: number | null;
  last_hour: number | null;
  /** Missing sequence numbers, as inclusive ranges. */
  gaps: [from: number, to: number][];
  headline: StoredEvent | null;
}

export interface StoreStats {
  events_total: number;
  updates_total: number;
  last_event_id: number;
  towns: TownStats[];
}

export type Aggregate = 'sum' | 'mean' | 'min' | 'max' | 'count';

export interface MetricQuery {
  metric: string;
  town?: string;
  kind?: string;
  fromDay?: number;
  toDay?: number;
  bucket: 'day' | 'update';
  aggregate: Aggregate;
  limit: number;
}

export interface MetricPoint {
  town: string;
  day: number;
  hour?: number;
  value: number;
  n: number;
}

/** One number of the events that carry it: what exact, citable aggregates are made of. */
export interface ValueQuery {
  metric: string;
  town?: string;
  kind?: string;
  fromDay?: number;
  toDay?: number;
}

export interface ValueRow {
  id: number;
  town: string;
  day: number;
  hour: number;
  kind: string;
  actor: string | null;
  value: number;
}

/**
 * Per town, day and kind, one numeric data key summed up: what whole-history aggregates are read
 * from, so they cost what the number of days costs. Read, they hold every event stored (a store may
 * add them up a batch behind ingest, as SQLite does: see sqlite-derived.ts).
 * `metric` '*' counts the events themselves (sum = count = events, min = max = 1).
 */
export interface RollupQuery {
  metric: string;
  towns?: readonly string[];
  kinds?: readonly string[];
  fromDay?: number;
  toDay?: number;
}

export interface RollupRow {
  town: string;
  day: number;
  kind: string;
  metric: string;
  sum: number;
  count: number;
  min: number;
  max: number;
  /** The earliest event holding the min, and the earliest holding the max. */
  min_id: number;
  max_id: number;
}

/** Rollups added up in the store, by the columns asked for (the others are null). */
export interface RollupTotalsQuery extends RollupQuery {
  by: readonly ('town' | 'day' | 'kind')[];
  /** Also find, per group, the earliest event holding the min and the max (two more look-ups). */
  extremes?: boolean;
  /** Only these figures (the others come back 0; the count always comes): less to read. */
  figures?: readonly ('sum' | 'count' | 'positive' | 'min' | 'max')[];
}

export interface RollupTotal {
  town: string | null;
  day: number | null;
  kind: string | null;
  sum: number;
  count: number;
  /** Values above zero. */
  positive: number;
  min: number;
  max: number;
  /** With `extremes`: the event holding the min (and its day and town), and the max. */
  min_id?: number;
  min_day?: number;
  min_town?: string;
  max_id?: number;
  max_day?: number;
  max_town?: string;
}

/**
 * Per town, kind, span of FACET_SPAN_DAYS days and facet (the actor and the store's facet keys'
 * values), one numeric data key summed up (see facets.ts). Only whole spans inside the days.
 */
export interface FacetQuery {
  metric: string;
  towns?: readonly string[];
  kinds?: readonly string[];
  fromDay: number;
  toDay: number;
  actors?: readonly string[];
  /** data[key] is one of the values; every key must be one of the store's facet keys. */
  equals?: Readonly<Record<string, readonly (string | number)[]>>;
}

export interface FacetRow {
  town: string;
  kind: string;
  span: number;
  actor: string | null;
  /** The facet keys' values the events have. */
  fields: Record<string, string>;
  sum: number;
  count: number;
  /** Values above zero. */
  positive: number;
}

export interface FacetTotals {
  /** The days the rows cover: the whole spans inside the query's days (from > to when none fits). */
  from: number;
  to: number;
  rows: FacetRow[];
}

/** A condition on one numeric data key. */
export interface NumberCondition {
  key: string;
  op: '>' | '>=' | '<' | '<=' | '=' | '!=';
  value: number;
}

/** Events by any of their declared fields; every list is "one of these", every key is ANDed. */
export interface SelectQuery {
  towns?: readonly string[];
  kinds?: readonly string[];
  fromDay?: number;
  toDay?: number;
  /** Only these days (within fromDay … toDay): those the rollups say hold the events wanted. */
  days?: readonly number[];
  /** Hours of the day, inclusive, 0–24. */
  fromHour?: number;
  toHour?: number;
  /** Exact actor names. */
  actors?: readonly string[];
  /** data[key] is one of the values (goods, from, to, target, shipment…). */
  equals?: Readonly<Record<string, readonly (string | number)[]>>;
  /** Numeric conditions on data keys; an event without the key fails its condition. */
  conditions?: readonly NumberCondition[];
  /** The data keys to return for each event (null where an event lacks one). */
  keys: readonly string[];
  /** Newest first instead of oldest first. */
  newestFirst?: boolean;
  /** At most this many rows (the first, or with newestFirst the latest). */
  limit?: number;
}

export interface SelectRow {
  id: number;
  town: string;
  day: number;
  hour: number;
  kind: string;
  actor: string | null;
  values: Record<string, number | string | null>;
}

export interface ActorStats {
  actor: string;
  town: string;
  events: number;
  first_day: number;
  last_day: number;
}

export interface EventStore {
  /** Store a batch atomically: all of its new updates or none. Duplicates are acknowledged. */
  append(updates: readonly IncomingUpdate[]): Promise<AppendResult>;
  /** History in world-time order, filtered and paged. */
  events(query: EventQuery): Promise<EventPage>;
  /** Events after a global sequence number, in sequence order (for the live stream's catch-up). */
  after(id: number, limit: number, town?: string): Promise<StoredEvent[]>;
  /** The world time (in days) of the latest event stored, or 0. */
  latestWorldTime(): Promise<number>;
  /** The highest global sequence number so far (0 when empty). */
  lastEventId(): Promise<number>;
  /** The events with these ids, in the order of the ids given; ids not stored are left out. */
  byIds(ids: readonly number[]): Promise<StoredEvent[]>;
  /** Every event of one day, in world-time order. */
  day(day: number): Promise<StoredEvent[]>;
  metrics(query: MetricQuery): Promise<MetricPoint[]>;
  /** Every event carrying this number, with its value, in world-time order. */
  values(query: ValueQuery): Promise<ValueRow[]>;
  /** Daily rollups of one data key, in day order. */
  rollups(query: RollupQuery): Promise<RollupRow[]>;
  /** Daily rollups added up by town, day or kind (or not at all): a whole history in one pass. */
  rollupTotals(query: RollupTotalsQuery): Promise<RollupTotal[]>;
  /** Events by their fields, with the data keys asked for, in world-time order. */
  select(query: SelectQuery): Promise<SelectRow[]>;
  /** Each actor's latest event of these kinds (where the residents are now, from their moves). */
  latestByActor(kinds: readonly string[]): Promise<StoredEvent[]>;
  /** Everyone named as an event's actor, with where and when they appear. */
  actors(): Promise<ActorStats[]>;
  /** The data keys facets are kept for, besides the actor (the world's low-cardinality fields). */
  facetKeys(): readonly string[];
  facetTotals(query: FacetQuery): Promise<FacetTotals>;
  stats(): Promise<StoreStats>;
  /**
   * Runs `load`, which appends many batches (simulate's fast-forward), letting the store put off
   * what it can rebuild once at the end (SQLite: its secondary indexes). Every append in it keeps
   * its guarantees: atomic, de-duplicated, conflicts refused, durable once acknowledged; a crash in
   * the middle loses nothing acknowledged, and the store is whole when opened again. Reads during it
   * are right, if slower. A store with nothing to put off just runs `load`.
   */
  bulkLoad<T>(load: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Running a typed query against the store. A selection becomes cells (per town, day and kind, the
 * sum, count, min and max of its number): read from the store's daily rollups when the selection
 * needs nothing finer than town, kind and days, else from the events themselves. Cells become
 * buckets (each event, day, week or the whole range), buckets an aggregate, per group. Every
 * result carries the events it rests on.
 */
import { spanEnd, spanStart } from '../store/facets.ts';
import type { EventStore, FacetRow, NumberCondition, SelectQuery, SelectRow } from '../store/store.ts';
import type { Catalog } from './catalog.ts';
import {
  type AggregateQuery,
  type Aggregation,
  BASE_GROUPS,
  type Combine,
  type CompareQuery,
  type CorrelateQuery,
  type DayRange,
  EVIDENCE_CAP,
  type Granularity,
  type Query,
  type Selection,
  type Series,
  type TrendQuery,
} from './query.ts';
import { type Correlation, correlate, type Trend, trend } from './statistics.ts';

/** Event ids a result carries; past this many it says how many there were. */
export const EVIDENCE_LIMIT = EVIDENCE_CAP;
/**
 * Ids looked up for a result read from rollups or facets: its first events, and the count of all
 * of them. Enough to cite and to check a sample by; reading more costs each answer on a long history.
 */
export const ROLLUP_EVIDENCE = 200;
/** Ids a daily series carries: its first events, a sample to cite (a correlation has two series). */
const SERIES_EVIDENCE = 50;

export interface QueryContext {
  store: EventStore;
  catalog: Catalog;
  /** The world's current day: a query's days end here and default to the whole history before it. */
  today: number;
}

/** Where an extreme was: the bucket that holds it. */
export interface At {
  day?: number;
  week?: number;
  /** The one event, for per-event extremes. */
  event?: number;
  town?: string;
  hour?: number;
}

export interface GroupResult {
  /** The group's key (a town, a day, a goods…), or null without a group. */
  key: string | number | null;
  value: number | null;
  /** Events in the group. */
  n: number;
  /** Buckets aggregated (days for per-day). */
  buckets: number;
  at?: At;
  /** For `distinct`: the values, in order of first appearance. */
  values?: (string | number)[];
  evidence: number[];
}

export interface AggregateResult {
  op: 'aggregate';
  metric: string | null;
  aggregate: Aggregation;
  per: Granularity;
  combine: Combine;
  /** The days the query covers, clamped to the history. */
  days: DayRange;
  /** The first group's value: the answer when there is no group. */
  value: number | null;
  groups: GroupResult[];
  evidence: number[];
  /** Events the result rests on, also those past EVIDENCE_LIMIT. */
  evidence_total: number;
}

export interface CompareResult {
  op: 'compare';
  a: AggregateResult;
  b: AggregateResult;
  larger: 'a' | 'b' | 'equal' | null;
  /** a − b. */
  difference: number | null;
  /** a ÷ b. */
  ratio: number | null;
  evidence: number[];
  evidence_total: number;
}

export interface SeriesPoint {
  day: number;
  value: number;
}

export interface CorrelateResult extends Correlation {
  op: 'correlate';
  days: DayRange;
  /** Days both series have, with both values. */
  points: { day: number; a: number; b: number }[];
  evidence: number[];
  evidence_total: number;
}

export interface TrendResult extends Trend {
  op: 'trend';
  days: DayRange;
  points: SeriesPoint[];
  evidence: number[];
  evidence_total: number;
}

export type QueryResult = AggregateResult | CompareResult | CorrelateResult | TrendResult;

/** Per town, day and kind (and, from events, per group key): one number summed up. */
interface Cell {
  town: string;
  day: number;
  kind: string;
  hour?: number;
  /** The group key when grouping by something finer than town, day and kind. */
  key?: string | number | null;
  sum: number;
  count: number;
  min: number;
  max: number;
  minId: number;
  maxId: number;
  /** The events themselves, when read from them. */
  ids?: number[];
  /** The distinct field's value, from events. */
  value?: string | number | null;
  /** Added up by the store over days or towns: its town, day and kind may stand for many. */
  rolled?: boolean;
  /** A facet cell's last day: it stands for the days `day` … `through`. */
  through?: number;
  /** Where the min and the max events were, for cells that stand for many days. */
  minAt?: { day: number; town: string };
  maxAt?: { day: number; town: string };
}

/** A cell's town or kind when it stands for all of them. */
const ANY = '*';

const FIELD_KEY = /^[a-z][a-z0-9_]*$/;

/** A selection's conditions on the events' numbers, its flags among them (a flag is set to 1). */
export const conditionsOf = (selection: Selection): NumberCondition[] => [
  ...(selection.where ?? []),
  ...(selection.flags ?? []).map((flag) => ({ key: flag, op: '=' as const, value: 1 })),
];

/** A group by a key of the events' data (goods, from…), not by town, day, week, kind or actor. */
const dataGroup = (group: string | undefined): string | undefined =>
  group === undefined || (BASE_GROUPS as readonly string[]).includes(group) ? undefined : group;

export async function runQuery(query: Query, ctx: QueryContext): Promise<QueryResult> {
  switch (query.op) {
    case 'aggregate':
      return aggregate(query, ctx, query.cite ?? EVIDENCE_LIMIT);
    case 'compare':
      return compare(query, ctx);
    case 'correlate':
      return correlation(query, ctx);
    case 'trend':
      return trendOf(query, ctx);
  }
}

/** The days a selection covers: its own, clamped to day 1 … today; the whole history when unsaid. */
export function daysOf(selection: Selection, today: number): DayRange {
  const from = Math.max(1, selection.days?.from ?? 1);
  const to = Math.min(today, selection.days?.to ?? today);
  return { from, to };
}

/** The kinds a selection reads: its own, or those that declare its number. */
function kindsOf(selection: Selection, catalog: Catalog): string[] | undefined {
  if (selection.kinds) return selection.kinds;
  if (selection.metric) return [...(catalog.number(selection.metric)?.kinds ?? [])];
  const flag = selection.flags?.[0];
  if (flag) return [...(catalog.number(flag)?.kinds ?? [])];
  return undefined;
}

const isWeek = (day: number) => Math.ceil(day / 7);

function combineOf(query: { combine?: Combine; select: Selection }, catalog: Catalog): Combine {
  if (query.combine) return query.combine;
  if (!query.select.metric) return 'count';
  const natural = catalog.number(query.select.metric)?.natural ?? 'sum';
  return natural === 'mean'
    ? 'mean'
    : natural === 'min'
      ? 'min'
      : natural === 'max'
        ? 'max'
        : natural === 'count'
          ? 'count'
          : 'sum';
}

/**
 * The one condition the rollups answer: a number above zero, counted (it rained, a raid brought
 * gold). Its key, when the selection has it and asks for nothing else of it.
 */
function positiveKey(selection: Selection, aggregation: Aggregation): string | undefined {
  const [only, ...more] = selection.where ?? [];
  if (!only || more.length || only.op !== '>' || only.value !== 0) return undefined;
  if (selection.metric && selection.metric !== only.key) return undefined;
  if (selection.flags || (aggregation !== 'count' && aggregation !== 'days')) return undefined;
  return only.key;
}

/** Whether the rollups hold what this selection and grouping need. */
function fromRollups(selection: Selection, group: string | undefined, aggregation: Aggregation): boolean {
  if (selection.where && positiveKey(selection, aggregation) === undefined) return false;
  if (selection.actors || selection.fields || selection.hours) return false;
  if (selection.flags && (selection.flags.length > 1 || selection.metric)) return false;
  if (group && !['town', 'day', 'week', 'kind'].includes(group)) return false;
  return aggregation !== 'distinct';
}

/** Sums, counts and means: what facet cells (which keep no single event's value) can give. */
const adds = (a: Aggregation | Combine) => a === 'sum' || a === 'count' || a === 'mean';

/** The keys a group or a distinct field may name of a selection read from facets. */
const isFacetKey = (key: string, facetKeys: readonly string[]) =>
  key === 'actor' || key === 'town' || key === 'kind' || facetKeys.includes(key);

/**
 * Whether the store's facets (per actor and low-cardinality field, over spans of days) hold what
 * this selection needs: totals, counts and means by actor, goods, direction…, or their distinct
 * values, with no condition finer than they keep.
 */
function fromFacets(
  selection: Selection,
  group: string | undefined,
  aggregation: Aggregation,
  field: string | undefined,
  per: Granularity,
  combine: Combine,
  facetKeys: readonly string[],
): boolean {
  if (selection.where && positiveKey(selection, aggregation) === undefined) return false;
  if (selection.hours || selection.flags) return false;
  if (selection.fields && !Object.keys(selection.fields).every((k) => facetKeys.includes(k))) return false;
  if (group !== undefined && !isFacetKey(group, facetKeys)) return false;
  if (aggregation === 'distinct') return field !== undefined && isFacetKey(field, facetKeys);
  if (per === 'event') return adds(aggregation);
  return per === 'all' && adds(aggregation) && adds(combine);
}

/** A facet row's value of a key: its actor, town, kind or one of its fields. */
function facetValue(row: FacetRow, key: string): string | null {
  if (key === 'actor') return row.actor;
  if (key === 'town') return row.town;
  if (key === 'kind') return row.kind;
  return row.fields[key] ?? null;
}

/** Cells from facets over the whole spans inside the days, and from the events at either end. */
async function facetCells(
  selection: Selection,
  ctx: QueryContext,
  days: DayRange,
  group: string | undefined,
  aggregation: Aggregation,
  field: string | undefined,
  kinds: readonly string[] | undefined,
): Promise<Cell[]> {
  const positive = positiveKey(selection, aggregation);
  const metric = positive ?? selection.metric ?? '*';
  const totals = await ctx.store.facetTotals({
    metric,
    towns: selection.towns,
    kinds,
    fromDay: days.from,
    toDay: days.to,
    actors: selection.actors,
    equals: selection.fields,
  });
  if (totals.from > totals.to) return eventCells(selection, ctx, days, group, field, kinds);
  const keyed = group !== undefined && group !== 'town' && group !== 'kind';
  const cells: Cell[] = totals.rows
    .filter((r) => !positive || r.positive > 0)
    .map((r) => ({
      town: r.town,
      day: spanStart(r.span),
      through: spanEnd(r.span),
      kind: r.kind,
      ...(keyed ? { key: facetValue(r, group) } : {}),
      sum: positive ? r.positive : metric === '*' ? r.count : r.sum,
      count: positive ? r.positive : r.count,
      min: Number.NaN,
      max: Number.NaN,
      minId: 0,
      maxId: 0,
      ...(field !== undefined ? { value: facetValue(r, field) } : {}),
      rolled: true,
    }));
  const before =
    totals.from > days.from
      ? await eventCells(selection, ctx, { from: days.from, to: totals.from - 1 }, group, field, kinds)
      : [];
  const after =
    totals.to < days.to
      ? await eventCells(selection, ctx, { from: totals.to + 1, to: days.to }, group, field, kinds)
      : [];
  return [...before, ...cells, ...after];
}

async function cellsOf(
  selection: Selection,
  ctx: QueryContext,
  days: DayRange,
  group: string | undefined,
  aggregation: Aggregation,
  field: string | undefined,
  per: Granularity,
  combine: Combine,
): Promise<Cell[]> {
  const kinds = kindsOf(selection, ctx.catalog);
  if (days.from > days.to) return [];
  if (fromRollups(selection, group, aggregation)) {
    const positive = positiveKey(selection, aggregation);
    const metric = positive ?? selection.metric ?? selection.flags?.[0] ?? '*';
    // The store adds the daily rollups up as far as the query lets it: by day only when buckets
    // or groups need days, by town or kind only when grouped by them.
    const by: ('town' | 'day' | 'kind')[] = [];
    if (group === 'town') by.push('town');
    if (group === 'kind') by.push('kind');
    if (group === 'day' || group === 'week' || per === 'day' || per === 'week' || aggregation === 'days')
      by.push('day');
    // The events holding extremes: for an extreme cell's own event, not for the least or most of
    // days' totals or means (whose evidence is the day's events).
    const extremes =
      combine === 'min' ||
      combine === 'max' ||
      ((aggregation === 'min' || aggregation === 'max') && (per === 'event' || per === 'all'));
    const rows = await ctx.store.rollupTotals({
      metric,
      towns: selection.towns,
      kinds,
      fromDay: days.from,
      toDay: days.to,
      by,
      extremes,
      // A total, a count or a mean needs no min or max: the less read, the faster a long series.
      figures: positive ? ['positive'] : extremes ? ['sum', 'positive', 'min', 'max'] : ['sum'],
    });
    // A 20-year daily series is 7,300 rows: one object each, of one shape, with no spreading.
    const cells: Cell[] = [];
    const counted = metric === '*' || selection.flags !== undefined;
    for (const r of rows) {
      if (positive && r.positive <= 0) continue;
      const cell: Cell = {
        town: r.town ?? r.max_town ?? ANY,
        day: r.day ?? r.max_day ?? 0,
        kind: r.kind ?? ANY,
        sum: counted ? r.count : positive ? r.positive : r.sum,
        count: positive ? r.positive : r.count,
        min: r.min,
        max: r.max,
        minId: r.min_id ?? 0,
        maxId: r.max_id ?? 0,
        rolled: true,
      };
      if (r.min_day !== undefined) cell.minAt = { day: r.min_day, town: r.min_town as string };
      if (r.max_day !== undefined) cell.maxAt = { day: r.max_day, town: r.max_town as string };
      cells.push(cell);
    }
    return cells;
  }
  if (fromFacets(selection, group, aggregation, field, per, combine, ctx.store.facetKeys()))
    return facetCells(selection, ctx, days, group, aggregation, field, kinds);
  return eventCells(selection, ctx, days, group, field, kinds);
}

/** One cell per event of the selection on these days. */
async function eventCells(
  selection: Selection,
  ctx: QueryContext,
  days: DayRange,
  group: string | undefined,
  field: string | undefined,
  kinds: readonly string[] | undefined,
): Promise<Cell[]> {
  const conditions = conditionsOf(selection);
  const groupField = dataGroup(group);
  const distinctField = field && !['town', 'kind', 'actor'].includes(field) ? field : undefined;
  const keys = [selection.metric, groupField, distinctField].filter(
    (k): k is string => k !== undefined && FIELD_KEY.test(k),
  );
  const query: SelectQuery = {
    towns: selection.towns,
    kinds,
    fromDay: days.from,
    toDay: days.to,
    fromHour: selection.hours?.from,
    toHour: selection.hours?.to,
    actors: selection.actors,
    equals: selection.fields,
    conditions,
    keys: [...new Set(keys)],
  };
  const rows = await ctx.store.select(query);
  const cells: Cell[] = [];
  for (const row of rows) {
    let value = 1;
    if (selection.metric) {
      const v = row.values[selection.metric];
      if (typeof v !== 'number') continue;
      value = v;
    }
    const key = group === 'actor' ? row.actor : groupField ? (row.values[groupField] ?? null) : undefined;
    const distinct =
      field === 'actor'
        ? row.actor
        : field === 'town'
          ? row.town
          : field === 'kind'
            ? row.kind
            : distinctField
              ? (row.values[distinctField] ?? null)
              : undefined;
    cells.push({
      town: row.town,
      day: row.day,
      kind: row.kind,
      hour: row.hour,
      key,
      sum: value,
      count: 1,
      min: value,
      max: value,
      minId: row.id,
      maxId: row.id,
      ids: [row.id],
      value: distinct,
    });
  }
  return cells;
}

function groupKey(
  cell: Pick<Cell, 'town' | 'day' | 'kind' | 'key'>,
  group: string | undefined,
): string | number | null {
  switch (group) {
    case undefined:
      return null;
    case 'town':
      return cell.town;
    case 'day':
      return cell.day;
    case 'week':
      return isWeek(cell.day);
    case 'kind':
      return cell.kind;
    default:
      return cell.key ?? null;
  }
}

interface Bucket {
  day?: number;
  week?: number;
  town?: string;
  value: number;
  /** Events in the bucket. */
  n: number;
  /** The event holding the bucket's value, for per-event buckets and extremes. */
  event?: number;
  hour?: number;
  cells: Cell[];
}

function combineCells(cells: readonly Cell[], combine: Combine): { value: number; id?: number } {
  let sum = 0;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let minId = 0;
  let maxId = 0;
  for (const c of cells) {
    sum += c.sum;
    count += c.count;
    if (c.min < min || (c.min === min && c.minId < minId)) [min, minId] = [c.min, c.minId];
    if (c.max > max || (c.max === max && c.maxId < maxId)) [max, maxId] = [c.max, c.maxId];
  }
  switch (combine) {
    case 'sum':
      return { value: sum };
    case 'count':
      return { value: count };
    case 'mean':
      return { value: count ? sum / count : 0 };
    case 'min':
      return { value: min, id: minId };
    case 'max':
      return { value: max, id: maxId };
  }
}

/** Buckets of one group's cells; per day and week with zero-filled days on which the towns reported. */
function bucketsOf(
  cells: readonly Cell[],
  per: Granularity,
  combine: Combine,
  reportDays: readonly number[] | null,
): Bucket[] {
  if (per === 'event') {
    // From rollups, an event's own value is not kept: extremes and totals use the cells directly.
    return cells.map((c) => ({
      day: c.day,
      town: c.town,
      value: c.count === 1 ? c.sum : combineCells([c], combine).value,
      n: c.count,
      event: c.minId,
      hour: c.hour,
      cells: [c],
    }));
  }
  const byKey = new Map<number, Cell[]>();
  const keyOf = per === 'day' ? (d: number) => d : per === 'week' ? isWeek : () => 0;
  for (const c of cells) {
    const k = keyOf(c.day);
    const list = byKey.get(k);
    if (list) list.push(c);
    else byKey.set(k, [c]);
  }
  // Days with reports but none of these events count as zero of an output (not of a reading).
  if (reportDays && (combine === 'sum' || combine === 'count'))
    for (const d of reportDays) if (!byKey.has(keyOf(d))) byKey.set(keyOf(d), []);
  return [...byKey]
    .sort(([a], [b]) => a - b)
    .map(([k, list]) => {
      const { value, id } = list.length ? combineCells(list, combine) : { value: 0, id: undefined };
      return {
        ...(per === 'day' ? { day: k } : per === 'week' ? { week: k } : {}),
        value,
        n: list.reduce((s, c) => s + c.count, 0),
        ...(id !== undefined && (combine === 'min' || combine === 'max') ? { event: id } : {}),
        cells: list,
      };
    });
}

interface EvidenceRow {
  id: number;
  town: string;
  day: number;
  kind: string;
  key?: string | number | null;
}

/** A looked-up event's group key, for groups finer than town, day and kind. */
function rowKey(row: SelectRow, group: string | undefined): string | number | null | undefined {
  if (group === 'actor') return row.actor;
  const key = dataGroup(group);
  return key === undefined ? undefined : (row.values[key] ?? null);
}

/** The ids of the events behind some cells: theirs, or looked up for rollup and facet cells. */
async function evidenceOf(
  cells: readonly Cell[],
  selection: Selection,
  ctx: QueryContext,
  limit = ROLLUP_EVIDENCE,
  group?: string,
): Promise<{ ids: number[]; rows: EvidenceRow[]; total: number }> {
  const total = cells.reduce((s, c) => s + c.count, 0);
  if (cells.every((c) => c.ids)) {
    const rows = cells
      .flatMap((c) =>
        (c.ids as number[]).map((id) => ({ id, town: c.town, day: c.day, kind: c.kind, key: c.key })),
      )
      .sort((a, b) => a.id - b.id)
      // Read from the events already: as many as a result carries.
      .slice(0, EVIDENCE_LIMIT);
    return { ids: rows.map((r) => r.id), rows, total };
  }
  if (cells.length === 0) return { ids: [], rows: [], total: 0 };
  const some = (values: string[]) => (values.includes(ANY) ? undefined : [...new Set(values)]);
  const towns = some(cells.map((c) => c.town)) ?? selection.towns;
  const kinds = some(cells.map((c) => c.kind)) ?? kindsOf(selection, ctx.catalog);
  // Cells added up over days stand for the selection's days; daily cells for their own.
  const byDay = !cells.some(
    (c) => c.rolled && (c.day === 0 || c.maxAt !== undefined || c.through !== undefined),
  );
  const days = byDay ? cells.map((c) => c.day) : [selection.days?.from ?? 1, selection.days?.to ?? ctx.today];
  const daySet = byDay ? new Set(days) : undefined;
  const exact = byDay && cells.every((c) => c.town !== ANY && c.kind !== ANY);
  const metric = selection.metric;
  const groupField = dataGroup(group);
  const read = (only?: readonly number[], toDay?: number) =>
    ctx.store.select({
      towns,
      kinds,
      fromDay: Math.min(...days),
      toDay: only ? (only.at(-1) as number) : (toDay ?? Math.max(...days)),
      ...(only ? { days: only } : {}),
      fromHour: selection.hours?.from,
      toHour: selection.hours?.to,
      actors: selection.actors,
      equals: selection.fields,
      conditions: conditionsOf(selection),
      keys: [...new Set([metric, groupField].filter((k): k is string => k !== undefined))],
      // Past the limit the rest are counted, not listed: the lookup stops there.
      limit: limit * 2,
    });
  const cellKeys = new Set(cells.map((c) => `${c.town}|${c.day}|${c.kind}`));
  const keep = (rows: readonly SelectRow[]) => {
    const found: EvidenceRow[] = [];
    for (const row of rows) {
      if (daySet && !daySet.has(row.day)) continue;
      if (exact && !cellKeys.has(`${row.town}|${row.day}|${row.kind}`)) continue;
      if (metric && typeof row.values[metric] !== 'number') continue;
      found.push({ id: row.id, town: row.town, day: row.day, kind: row.kind, key: rowKey(row, group) });
      if (found.length >= limit) break;
    }
    return found;
  };
  const done = (found: EvidenceRow[]) => {
    found.sort((a, b) => a.id - b.id);
    return { ids: found.map((r) => r.id), rows: found, total };
  };
  const wanted = Math.min(limit, total);
  // Facet cells say which spans hold the events: read up to the span where `limit` of them are.
  if (cells.some((c) => c.through !== undefined)) {
    let held = 0;
    let through = Math.max(...days);
    for (const c of [...cells].sort((a, b) => a.day - b.day)) {
      held += c.count;
      if (held >= limit) {
        through = c.through ?? c.day;
        break;
      }
    }
    return done(keep(await read(undefined, through)));
  }
  // Over a long range, the first events of cells added up over days: first where they would be if
  // spread evenly (twice as far, for safety), which costs no more look-ups where they are. Not for
  // conditions (rain, a storm): those come in spells, and the rollups say which days hold them.
  const [from, to] = [Math.min(...days), Math.max(...days)];
  if (!byDay && total >= limit && !selection.where && !selection.flags) {
    const guess = Math.min(to, from + Math.ceil(((to - from + 1) * limit * 2) / total));
    const found = keep(await read(undefined, guess));
    if (found.length >= wanted) return done(found);
  }
  // Else the days whose events come first, from the rollups: the lookup reads just those, not
  // every event of a 20-year range. A flag's rollup also counts its zeros, so finding fewer than
  // the cells promise reads the whole range.
  const daily = byDay
    ? cells
    : await cellsOf(
        { ...selection, towns, kinds },
        ctx,
        { from, to },
        'day',
        'count',
        undefined,
        'event',
        'count',
      );
  const first = firstDays(daily, limit);
  let found = first ? keep(await read(first)) : [];
  if (!first || found.length < wanted) found = keep(await read());
  return done(found);
}

/** The first days of daily cells that hold `limit` events between them (all days if fewer). */
function firstDays(cells: readonly Cell[], limit: number): number[] | undefined {
  const byDay = new Map<number, number>();
  for (const c of cells) byDay.set(c.day, (byDay.get(c.day) ?? 0) + c.count);
  const days: number[] = [];
  let held = 0;
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    days.push(day);
    held += byDay.get(day) as number;
    if (held >= limit) break;
  }
  return days.length ? days : undefined;
}

/**
 * The first day of the newest stretch holding at least `n` of a selection's events, from the daily
 * rollups: where a newest-first look-up of its last events may start reading. Undefined when the
 * rollups do not answer the selection or hold fewer. A hint only: a flag's rollup also counts its
 * zeros, so a caller that finds fewer events from there reads the whole range.
 */
export async function newestStretchStart(
  selection: Selection,
  ctx: QueryContext,
  n: number,
): Promise<number | undefined> {
  if (!fromRollups(selection, 'day', 'count')) return undefined;
  const days = daysOf(selection, ctx.today);
  const cells = await cellsOf(selection, ctx, days, 'day', 'count', undefined, 'event', 'count');
  let held = 0;
  for (const c of [...cells].sort((a, b) => b.day - a.day)) {
    held += c.count;
    if (held >= n) return c.day;
  }
  return undefined;
}

async function reportDaysOf(ctx: QueryContext, towns: readonly string[] | undefined, days: DayRange) {
  const rows = await ctx.store.rollupTotals({
    metric: '*',
    towns,
    fromDay: days.from,
    toDay: days.to,
    by: ['town', 'day'],
  });
  const byTown = new Map<string, Set<number>>();
  const all = new Set<number>();
  for (const r of rows) {
    const [town, day] = [r.town as string, r.day as number];
    all.add(day);
    const set = byTown.get(town) ?? new Set<number>();
    set.add(day);
    byTown.set(town, set);
  }
  return { all: [...all].sort((a, b) => a - b), byTown };
}

/** `evidenceLimit`: how many events of day groups to look up (a series needs only its first ones). */
async function aggregate(
  query: AggregateQuery,
  ctx: QueryContext,
  evidenceLimit = EVIDENCE_LIMIT,
): Promise<AggregateResult> {
  const days = daysOf(query.select, ctx.today);
  const per = query.per ?? 'all';
  const combine = combineOf(query, ctx.catalog);
  const cells = await cellsOf(
    query.select,
    ctx,
    days,
    query.group,
    query.aggregate,
    query.field,
    per,
    combine,
  );
  const byGroup = new Map<string | number | null, Cell[]>();
  for (const cell of cells) {
    const k = groupKey(cell, query.group);
    const list = byGroup.get(k);
    if (list) list.push(cell);
    else byGroup.set(k, [cell]);
  }
  if (!query.group && byGroup.size === 0) byGroup.set(null, []);
  // An average or a least day of an output counts the days a town reported without these events
  // as zero (of a reading, such days have no value: see bucketsOf).
  const fill =
    (per === 'day' || per === 'week') &&
    (query.aggregate === 'mean' || query.aggregate === 'min') &&
    (combine === 'sum' || combine === 'count');
  const reports = fill ? await reportDaysOf(ctx, query.select.towns, days) : null;

  const groups: GroupResult[] = [];
  const cellsOfGroup = new Map<GroupResult, Cell[]>();
  for (const [key, list] of byGroup) {
    const reportDays = reports
      ? query.group === 'town'
        ? [...(reports.byTown.get(String(key)) ?? [])]
        : reports.all
      : null;
    const result = await groupResult(key, list, query, per, combine, reportDays, ctx);
    groups.push(result);
    cellsOfGroup.set(result, list);
  }
  const order = query.order ?? (query.group === 'day' || query.group === 'week' ? 'key' : undefined);
  if (order === 'key') groups.sort((a, b) => compareKeys(a.key, b.key));
  else if (order)
    groups.sort((a, b) => {
      const [x, y] = [a.value ?? -Infinity, b.value ?? -Infinity];
      return order === 'desc' ? y - x || compareKeys(a.key, b.key) : x - y || compareKeys(a.key, b.key);
    });
  const shown = groups.slice(0, query.limit ?? groups.length);
  await fillWholeEvidence(shown, cellsOfGroup, query, ctx, evidenceLimit);
  const evidence = [...new Set(shown.flatMap((g) => g.evidence))].sort((a, b) => a - b);
  return {
    op: 'aggregate',
    metric: query.select.metric ?? null,
    aggregate: query.aggregate,
    per,
    combine,
    days,
    value: shown[0]?.value ?? null,
    groups: shown,
    evidence: evidence.slice(0, EVIDENCE_LIMIT),
    evidence_total: Math.max(
      evidence.length,
      shown.reduce((s, g) => s + (isWhole(query.aggregate) ? g.n : g.evidence.length), 0),
    ),
  };
}

/** Evidence still to be looked up: every event of the group. */
const WHOLE: number[] = [];

/** Aggregates that rest on every event of the selection, not on one bucket. */
const isWhole = (a: Aggregation) =>
  a === 'sum' || a === 'mean' || a === 'count' || a === 'days' || a === 'distinct';

/** One lookup for every shown group that rests on all its events, shared out by group. */
async function fillWholeEvidence(
  groups: GroupResult[],
  cellsOfGroup: Map<GroupResult, Cell[]>,
  query: AggregateQuery,
  ctx: QueryContext,
  evidenceLimit: number,
): Promise<void> {
  const waiting = groups.filter((g) => g.evidence === WHOLE);
  if (waiting.length === 0) return;
  if (evidenceLimit === 0) {
    for (const g of waiting) g.evidence = [];
    return;
  }
  const cells = waiting.flatMap((g) => cellsOfGroup.get(g) ?? []);
  // Groups of days each need their own events; other groups share the first ones looked up.
  const byTime = query.group === 'day' || query.group === 'week';
  const found = await evidenceOf(
    cells,
    query.select,
    ctx,
    byTime ? evidenceLimit : Math.min(ROLLUP_EVIDENCE, evidenceLimit),
    query.group,
  );
  if (waiting.length === 1) {
    (waiting[0] as GroupResult).evidence = found.ids;
    return;
  }
  const groupOfRow = new Map<string | number | null, number[]>();
  for (const row of found.rows) {
    const k = groupKey(row, query.group);
    const list = groupOfRow.get(k) ?? [];
    list.push(row.id);
    groupOfRow.set(k, list);
  }
  for (const g of waiting) g.evidence = groupOfRow.get(g.key) ?? [];
}

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

async function groupResult(
  key: string | number | null,
  cells: Cell[],
  query: AggregateQuery,
  per: Granularity,
  combine: Combine,
  reportDays: readonly number[] | null,
  ctx: QueryContext,
): Promise<GroupResult> {
  const n = cells.reduce((s, c) => s + c.count, 0);
  // Filled in once for every group that rests on all of its events (see aggregate).
  const whole = async (): Promise<number[]> => WHOLE;
  switch (query.aggregate) {
    case 'distinct': {
      const values: (string | number)[] = [];
      for (const c of cells)
        if (c.value !== undefined && c.value !== null && !values.includes(c.value)) values.push(c.value);
      return { key, value: values.length, n, buckets: values.length, values, evidence: await whole() };
    }
    case 'days': {
      const dayCount = new Set(cells.filter((c) => c.count > 0).map((c) => c.day)).size;
      return { key, value: dayCount, n, buckets: dayCount, evidence: await whole() };
    }
    default:
  }
  // Per event, totals and counts need no buckets; extremes come with the event that holds them.
  if (per === 'event' || per === 'all') {
    if (query.aggregate === 'count')
      return {
        key,
        value: per === 'event' ? n : cells.length ? 1 : 0,
        n,
        buckets: n,
        evidence: await whole(),
      };
    const eventCombine: Combine = per === 'event' ? (query.aggregate as Combine) : combine;
    if (cells.length === 0) return { key, value: null, n: 0, buckets: 0, evidence: [] };
    const { value, id } = combineCells(cells, per === 'event' ? eventCombine : combine);
    const extreme = (per === 'event' || combine === 'min' || combine === 'max') && id !== undefined;
    if (extreme) {
      const cell = cells.find((c) => (eventCombine === 'min' ? c.minId : c.maxId) === id) as Cell;
      const where = (eventCombine === 'min' ? cell.minAt : cell.maxAt) ?? { day: cell.day, town: cell.town };
      return {
        key,
        value,
        n,
        buckets: per === 'event' ? n : 1,
        at: {
          event: id,
          day: where.day,
          town: where.town,
          ...(cell.hour !== undefined ? { hour: cell.hour } : {}),
        },
        evidence: [id],
      };
    }
    return { key, value, n, buckets: per === 'event' ? n : 1, evidence: await whole() };
  }
  const buckets = bucketsOf(cells, per, combine, reportDays);
  if (buckets.length === 0) return { key, value: null, n: 0, buckets: 0, evidence: [] };
  if (query.aggregate === 'count')
    return {
      key,
      value: buckets.filter((b) => b.n > 0).length,
      n,
      buckets: buckets.length,
      evidence: await whole(),
    };
  if (query.aggregate === 'sum' || query.aggregate === 'mean') {
    const total = buckets.reduce((s, b) => s + b.value, 0);
    const value = query.aggregate === 'sum' ? total : total / buckets.length;
    return { key, value, n, buckets: buckets.length, evidence: await whole() };
  }
  // min / max over the buckets: the earliest bucket holding it.
  let best = buckets[0] as Bucket;
  for (const b of buckets)
    if (query.aggregate === 'max' ? b.value > best.value : b.value < best.value) best = b;
  const evidence =
    best.event !== undefined ? [best.event] : (await evidenceOf(best.cells, query.select, ctx)).ids;
  return {
    key,
    value: best.value,
    n,
    buckets: buckets.length,
    at: {
      ...(best.day !== undefined ? { day: best.day } : {}),
      ...(best.week !== undefined ? { week: best.week } : {}),
      ...(best.event !== undefined ? { event: best.event } : {}),
    },
    evidence,
  };
}

async function compare(query: CompareQuery, ctx: QueryContext): Promise<CompareResult> {
  const [a, b] = await Promise.all([
    aggregate({ op: 'aggregate', ...query.a }, ctx),
    aggregate({ op: 'aggregate', ...query.b }, ctx),
  ]);
  const known = a.value !== null && b.value !== null;
  const larger = !known
    ? null
    : (a.value as number) > (b.value as number)
      ? 'a'
      : (a.value as number) < (b.value as number)
        ? 'b'
        : 'equal';
  const evidence = [...new Set([...a.evidence, ...b.evidence])].sort((x, y) => x - y);
  return {
    op: 'compare',
    a,
    b,
    larger,
    difference: known ? (a.value as number) - (b.value as number) : null,
    ratio: known && b.value !== 0 ? (a.value as number) / (b.value as number) : null,
    evidence: evidence.slice(0, EVIDENCE_LIMIT),
    evidence_total: a.evidence_total + b.evidence_total,
  };
}

/**
 * A daily series: each day's combined value, over the days its events are on. Read straight from
 * the day's cells (one rollup row a day where the rollups answer), not as a group per day: a
 * 20-year series is 7,300 days, and its evidence is its first events, looked up once.
 */
async function seriesOf(series: Series, ctx: QueryContext) {
  const days = daysOf(series.select, ctx.today);
  const combine = combineOf(series, ctx.catalog);
  const cells = await cellsOf(series.select, ctx, days, 'day', 'sum', undefined, 'all', combine);
  // In day order, each day's cells side by side (rollups and events both come so): one pass.
  const sorted = cells.every((c, i) => i === 0 || (cells[i - 1] as Cell).day <= c.day)
    ? cells
    : [...cells].sort((a, b) => a.day - b.day);
  const points: SeriesPoint[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as Cell).day === (sorted[i] as Cell).day) j++;
    const day = (sorted[i] as Cell).day;
    points.push({
      day,
      value: combineCells(j === i + 1 ? [sorted[i] as Cell] : sorted.slice(i, j), combine).value,
    });
    i = j;
  }
  const found = await evidenceOf(cells, series.select, ctx, SERIES_EVIDENCE);
  return { days, points, evidence: found.ids, evidence_total: found.total };
}

async function correlation(query: CorrelateQuery, ctx: QueryContext): Promise<CorrelateResult> {
  const [a, b] = await Promise.all([seriesOf(query.a, ctx), seriesOf(query.b, ctx)]);
  const bByDay = new Map(b.points.map((p) => [p.day, p.value]));
  const points = a.points.flatMap((p) => {
    const other = bByDay.get(p.day);
    return other === undefined ? [] : [{ day: p.day, a: p.value, b: other }];
  });
  const stats = correlate(
    points.map((p) => p.a),
    points.map((p) => p.b),
  );
  const evidence = [...new Set([...a.evidence, ...b.evidence])].sort((x, y) => x - y);
  return {
    op: 'correlate',
    ...stats,
    days: a.days,
    points,
    evidence: evidence.slice(0, EVIDENCE_LIMIT),
    evidence_total: a.evidence_total + b.evidence_total,
  };
}

async function trendOf(query: TrendQuery, ctx: QueryContext): Promise<TrendResult> {
  const { days, points, evidence, evidence_total } = await seriesOf(query.series, ctx);
  const stats = trend(
    points.map((p) => p.day),
    points.map((p) => p.value),
  );
  return { op: 'trend', ...stats, days, points, evidence, evidence_total };
}

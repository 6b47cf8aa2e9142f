/**
 * Facet rollups: every number of each event's data (and the event itself, as '*') added up per
 * town, kind, span of days and facet, where an event's facet is its actor and the values of the
 * store's facet keys (the world's low-cardinality fields: goods, from, to, target…). "Who caught
 * the most fish", "the gold from selling nets", "which goods went overseas" over a 20-year history
 * read a few hundred of these rows and the events of at most two part-spans, not every event of
 * the kinds.
 *
 * A span is FACET_SPAN_DAYS days, numbered from 0 (days 1 … FACET_SPAN_DAYS). Like the daily
 * rollups, a batch of events is added up here first and written once per key.
 */
import type { EventData } from '../world/types.ts';
import { EVENT_COUNT } from './rollup.ts';

/** Days per span: long enough that a 20-year history is 229 spans, short enough that a range's
 * part-spans at either end cost a few hundred events. */
export const FACET_SPAN_DAYS = 32;

export const spanOf = (day: number): number => Math.floor((day - 1) / FACET_SPAN_DAYS);
export const spanStart = (span: number): number => span * FACET_SPAN_DAYS + 1;
export const spanEnd = (span: number): number => (span + 1) * FACET_SPAN_DAYS;

/** The whole spans inside days `from … to`: [first, last], or null when none fits. */
export function wholeSpans(from: number, to: number): [number, number] | null {
  const first = Math.ceil((from - 1) / FACET_SPAN_DAYS);
  const last = Math.floor(to / FACET_SPAN_DAYS) - 1;
  return first <= last ? [first, last] : null;
}

/** A facet as it is stored: a JSON object of the actor and the facet keys the event has, in order. */
export function facetOf(actor: string | null, data: EventData, keys: readonly string[]): string {
  const facet: Record<string, string> = {};
  if (actor !== null) facet.actor = actor;
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string') facet[key] = value;
  }
  return JSON.stringify(facet);
}

export interface FacetFigures {
  sum: number;
  count: number;
  /** Values above zero: how often it happened. */
  positive: number;
}

export interface FacetGroup {
  town: string;
  kind: string;
  span: number;
  facet: string;
  metrics: Map<string, FacetFigures>;
}

function addValue(metrics: Map<string, FacetFigures>, metric: string, value: number): void {
  const f = metrics.get(metric);
  if (f === undefined) metrics.set(metric, { sum: value, count: 1, positive: value > 0 ? 1 : 0 });
  else {
    f.sum += value;
    f.count++;
    if (value > 0) f.positive++;
  }
}

export class FacetBatch {
  /** Town, then span, then kind, then facet: looked up without a key string per event. */
  private readonly byTown = new Map<string, Map<number, Map<string, Map<string, FacetGroup>>>>();

  constructor(private readonly keys: readonly string[]) {}

  add(town: string, day: number, kind: string, actor: string | null, data: EventData): void {
    const span = spanOf(day);
    let spans = this.byTown.get(town);
    if (spans === undefined) {
      spans = new Map();
      this.byTown.set(town, spans);
    }
    let kinds = spans.get(span);
    if (kinds === undefined) {
      kinds = new Map();
      spans.set(span, kinds);
    }
    let facets = kinds.get(kind);
    if (facets === undefined) {
      facets = new Map();
      kinds.set(kind, facets);
    }
    const facet = facetOf(actor, data, this.keys);
    let group = facets.get(facet);
    if (group === undefined) {
      group = { town, kind, span, facet, metrics: new Map() };
      facets.set(facet, group);
    }
    addValue(group.metrics, EVENT_COUNT, 1);
    for (const metric in data) {
      const value = data[metric];
      // -0 as JSON's 0, as the daily rollups add it.
      if (typeof value === 'number' && Number.isFinite(value))
        addValue(group.metrics, metric, value === 0 ? 0 : value);
    }
  }

  *groups(): IterableIterator<FacetGroup> {
    for (const spans of this.byTown.values())
      for (const kinds of spans.values()) for (const facets of kinds.values()) yield* facets.values();
  }
}

/**
 * Daily rollups added up in memory: every finite number of each event's data under its key, and
 * the event itself under '*', per (town, day, kind). A batch of events is added up here first, so
 * the store writes one row per key per batch instead of one per number; the backfill of an old
 * store adds up its history with the same code.
 *
 * "Earliest" is in world time, as the history is read: within the day, the lower hour, then the
 * lower id. For a town's updates arriving in order that is the lower id; a late update (a gap filled
 * afterwards) can hold an earlier moment under a later id.
 */
import type { EventData } from '../world/types.ts';

/** The metric that counts the events themselves. */
export const EVENT_COUNT = '*';

export interface RollupFigures {
  sum: number;
  count: number;
  /** Values above zero: how often it happened (it rained, a raid brought gold, a flag was set). */
  positive: number;
  min: number;
  max: number;
  min_id: number;
  max_id: number;
  /** The hours of the min's and max's events: what "earliest" is decided by. */
  min_hour: number;
  max_hour: number;
}

export interface RollupGroup {
  town: string;
  day: number;
  kind: string;
  metrics: Map<string, RollupFigures>;
}

function addValue(
  metrics: Map<string, RollupFigures>,
  metric: string,
  value: number,
  id: number,
  hour: number,
): void {
  const f = metrics.get(metric);
  if (f === undefined) {
    metrics.set(metric, {
      sum: value,
      count: 1,
      positive: value > 0 ? 1 : 0,
      min: value,
      max: value,
      min_id: id,
      max_id: id,
      min_hour: hour,
      max_hour: hour,
    });
    return;
  }
  f.sum += value;
  f.count++;
  if (value > 0) f.positive++;
  if (value < f.min || (value === f.min && (hour < f.min_hour || (hour === f.min_hour && id < f.min_id)))) {
    f.min = value;
    f.min_id = id;
    f.min_hour = hour;
  }
  if (value > f.max || (value === f.max && (hour < f.max_hour || (hour === f.max_hour && id < f.max_id)))) {
    f.max = value;
    f.max_id = id;
    f.max_hour = hour;
  }
}

export class RollupBatch {
  /** Town, then day, then kind: looked up without building a key string per event. */
  private readonly byTown = new Map<string, Map<number, Map<string, RollupGroup>>>();

  /** Adds one stored event. */
  add(id: number, town: string, day: number, hour: number, kind: string, data: EventData): void {
    let days = this.byTown.get(town);
    if (days === undefined) {
      days = new Map();
      this.byTown.set(town, days);
    }
    let kinds = days.get(day);
    if (kinds === undefined) {
      kinds = new Map();
      days.set(day, kinds);
    }
    let group = kinds.get(kind);
    if (group === undefined) {
      group = { town, day, kind, metrics: new Map() };
      kinds.set(kind, group);
    }
    addValue(group.metrics, EVENT_COUNT, 1, id, hour);
    for (const metric in data) {
      const value = data[metric];
      // -0 is stored as JSON's 0: added up as 0, so a backfill from the stored JSON agrees.
      if (typeof value === 'number' && Number.isFinite(value))
        addValue(group.metrics, metric, value === 0 ? 0 : value, id, hour);
    }
  }

  *groups(): IterableIterator<RollupGroup> {
    for (const days of this.byTown.values()) for (const kinds of days.values()) yield* kinds.values();
  }
}

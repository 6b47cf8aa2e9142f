/** A day at a glance: per town, how much of everything happened, the weather's range, and its highlights. */
import type { StoredEvent } from '../store/store.ts';
import { SENSOR_KIND } from '../world/kinds.ts';
import type { World } from '../world/world.ts';

export interface TownDay {
  events: number;
  by_kind: Record<string, number>;
  /** Sums of every number the jobs declare as their output. */
  totals: Record<string, number>;
  /** Each sensor reading's lowest, mean and highest value. */
  sensors: Record<string, { min: number; mean: number; max: number }>;
  highlights: StoredEvent[];
}

export interface DaySummary {
  day: number;
  events: number;
  towns: Record<string, TownDay>;
}

const HIGHLIGHTS_PER_TOWN = 3;

interface Reading {
  /** The numbers that add up over a day: each kind's declared outputs summed per day. */
  totals: ReadonlySet<string>;
  /** How loudly a town crier would call an event out; above 1 it is a highlight. */
  weight(e: StoredEvent): number;
}

const readings = new WeakMap<World, Reading>();

/**
 * What the declarations say of a day's events: which numbers make totals, and what is news — a
 * news kind whose happening came about (a raid that brought gold), a news flag (a storm, a flooded
 * mine), another flag (an idle mill), another happening (a repair, a trade).
 */
function readingOf(world: World): Reading {
  let reading = readings.get(world);
  if (reading) return reading;
  const { kinds } = world;
  const byKind = new Map(kinds.map((k) => [k.kind, k]));
  const totals = new Set(
    kinds.flatMap((k) =>
      (k.metrics ?? [])
        .filter((m) => m.measure === 'output' && (m.natural ?? 'sum') === 'sum')
        .map((m) => m.key),
    ),
  );
  const flagged = (e: StoredEvent, news: boolean) =>
    (byKind.get(e.kind)?.flags ?? []).some((f) => Boolean(f.news) === news && Number(e.data[f.key]) >= 1);
  const happened = (e: StoredEvent) =>
    (byKind.get(e.kind)?.happenings ?? []).some(
      (h) => h.metric === undefined || Number(e.data[h.metric]) >= (h.min ?? Number.NEGATIVE_INFINITY),
    );
  reading = {
    totals,
    weight(e) {
      const kind = byKind.get(e.kind);
      if (kind?.news) return happened(e) || !kind.happenings ? 10 : 2;
      if (flagged(e, true)) return 6;
      if (flagged(e, false)) return 5;
      if (kind && !(kind.metrics ?? []).some((m) => m.measure === 'reading') && happened(e)) return 3;
      return 1;
    },
  };
  readings.set(world, reading);
  return reading;
}

export function summariseDay(world: World, day: number, events: readonly StoredEvent[]): DaySummary {
  const { totals: summed, weight } = readingOf(world);
  const towns: Record<string, TownDay> = {};
  const readings: Record<string, Map<string, number[]>> = {};
  for (const e of events) {
    let town = towns[e.town];
    if (!town) {
      town = { events: 0, by_kind: {}, totals: {}, sensors: {}, highlights: [] };
      towns[e.town] = town;
    }
    town.events++;
    town.by_kind[e.kind] = (town.by_kind[e.kind] ?? 0) + 1;
    for (const [key, value] of Object.entries(e.data)) {
      if (typeof value !== 'number') continue;
      if (e.kind === SENSOR_KIND) {
        const byKey = readings[e.town] ?? new Map<string, number[]>();
        readings[e.town] = byKey;
        const values = byKey.get(key) ?? [];
        byKey.set(key, values);
        values.push(value);
      } else if (summed.has(key)) {
        town.totals[key] = Math.round(((town.totals[key] ?? 0) + value) * 1e4) / 1e4;
      }
    }
  }
  for (const [id, town] of Object.entries(towns)) {
    for (const [key, values] of readings[id] ?? []) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      town.sensors[key] = {
        min: Math.min(...values),
        mean: Math.round(mean * 10) / 10,
        max: Math.max(...values),
      };
    }
    town.highlights = events
      .filter((e) => e.town === id && weight(e) > 1)
      .sort((a, b) => weight(b) - weight(a) || a.id - b.id)
      .slice(0, HIGHLIGHTS_PER_TOWN);
  }
  return { day, events: events.length, towns };
}

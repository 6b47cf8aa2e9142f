/** A day at a glance: per town, how much of everything happened, the weather's range, and its highlights. */
import type { StoredEvent } from '../store/store.ts';
import { RESIDENT_KINDS } from '../world/residents/events.ts';

export interface TownDay {
  events: number;
  by_kind: Record<string, number>;
  /** Sums of every number the jobs reported (sensors excluded). */
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

/** Kinds that make news, and words that do: what a town crier would call out first. */
const KIND_WEIGHT: Record<string, number> = { raid: 10, loss: 9, arrival: 4, trade: 3, repair: 3 };
const NEWS = /storm|surplus|flood|drought|parched|cracked|hungry|idle|cold|robbed|fine haul|empty/i;
const HIGHLIGHTS_PER_TOWN = 3;
/** Numbers that describe a state rather than something done: adding them up means nothing. */
const NOT_TOTALS = new Set(['stock', 'value_gold', 'grain_stock_lbs', 'sails']);

function newsworthiness(e: StoredEvent): number {
  let score = KIND_WEIGHT[e.kind] ?? 1;
  if (NEWS.test(e.text)) score += 5;
  if (e.kind === 'raid' && Number(e.data.raid_gold) === 0) score -= 6;
  if (e.kind === 'sensor') score = e.text.includes('Storm') ? 6 : 0;
  return score;
}

export function summariseDay(day: number, events: readonly StoredEvent[]): DaySummary {
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
      if (e.kind === 'sensor') {
        const byKey = readings[e.town] ?? new Map<string, number[]>();
        readings[e.town] = byKey;
        const values = byKey.get(key) ?? [];
        byKey.set(key, values);
        values.push(value);
      } else if (!NOT_TOTALS.has(key) && !RESIDENT_KINDS.has(e.kind)) {
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
      .filter((e) => e.town === id && newsworthiness(e) > 1)
      .sort((a, b) => newsworthiness(b) - newsworthiness(a) || a.id - b.id)
      .slice(0, HIGHLIGHTS_PER_TOWN);
  }
  return { day, events: events.length, towns };
}

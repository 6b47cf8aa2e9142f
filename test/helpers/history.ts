/** A simulated history with the look-ups the world's promises are checked against. */
import { WORLD } from '../../src/world/map.ts';
import { simulate } from '../../src/world/simulate.ts';
import type { TownEvent, Update } from '../../src/world/types.ts';

export interface Happening {
  update: Update;
  event: TownEvent;
  /** World time of the update, in days. */
  t: number;
}

export class History {
  readonly updates: Update[];

  constructor(seed: string, days: number) {
    this.updates = [...simulate({ world: WORLD, seed, days, epochMs: Date.UTC(2026, 0, 1) })];
  }

  /** Every event, optionally of one town and kind, in time order. */
  events(town?: string, kind?: string): Happening[] {
    const out: Happening[] = [];
    for (const update of this.updates) {
      if (town && update.town !== town) continue;
      for (const event of update.events) {
        if (!kind || event.kind === kind) out.push({ update, event, t: update.day - 1 + update.hour / 24 });
      }
    }
    return out;
  }

  /** The sensor reading in the same update as an event. */
  static sensorOf(update: Update): TownEvent {
    const sensor = update.events.find((e) => e.kind === 'sensor');
    if (!sensor) throw new Error(`update ${update.id} has no sensor reading`);
    return sensor;
  }
}

const cache = new Map<string, History>();

export function year(seed: string): History {
  let history = cache.get(seed);
  if (!history) {
    history = new History(seed, 365);
    cache.set(seed, history);
  }
  return history;
}

export function num(event: TownEvent, key: string): number {
  const value = event.data[key];
  if (typeof value !== 'number') throw new Error(`${event.kind} event has no number "${key}": ${event.text}`);
  return value;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

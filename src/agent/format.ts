/** How answers write numbers, amounts, towns and events. */
import type { StoredEvent } from '../store/store.ts';
import { formatHour } from '../world/clock.ts';
import { type Metric, TOWN_NAMES } from './vocabulary.ts';

export function fmt(n: number, decimals: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.max(0, decimals) });
}

/** What an amount is of, where the unit alone does not say: "tons of ore". */
const NOUNS: Record<string, string> = {
  ore_tons: 'ore',
  metal_lbs: 'metal',
  harvest: 'grain',
  flour_lbs: 'flour',
  grain_lbs: 'grain',
  rain_mm: 'rain',
};

const SINGULAR: Record<string, string> = {
  tools: 'tool',
  trinkets: 'trinket',
  pupils: 'pupil',
  nets: 'net',
  ropes: 'rope',
  drinks: 'drink',
  arrows: 'arrow',
  crates: 'crate',
  sails: 'sail',
  repairs: 'repair',
  tons: 'ton',
};

/** "12.34 tons of ore", "15.2 °C", "1 tool"; without the noun, "12.34 tons". */
export function amount(m: Metric, n: number, decimals = m.decimals, withNoun = true): string {
  const number = fmt(n, decimals);
  if (m.unit === '%') return `${number}%`;
  const unit = n === 1 ? (SINGULAR[m.unit] ?? m.unit) : m.unit;
  const noun = withNoun ? NOUNS[m.key] : undefined;
  return `${number} ${unit}${noun ? ` of ${noun}` : ''}`;
}

export function townName(id: string): string {
  return (TOWN_NAMES as Record<string, string>)[id] ?? id;
}

/** "Port Logic, PatchBourough and Circuiton". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "day 34, 13:12, Den of Thieves: …". */
export function eventLine(e: StoredEvent, withTown = true): string {
  return `day ${e.day}, ${formatHour(e.hour)}${withTown ? `, ${townName(e.town)}` : ''}: ${e.text}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function times(n: number): string {
  return `${fmt(n, 0)} ${n === 1 ? 'time' : 'times'}`;
}

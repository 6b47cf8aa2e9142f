/** How answers write numbers, amounts, towns and events. */
import type { StoredEvent } from '../store/store.ts';
import { formatHour } from '../world/clock.ts';
import { capitalise } from '../world/text.ts';
import type { Metric, Vocabulary } from './vocabulary.ts';

export function fmt(n: number, decimals: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.max(0, decimals) });
}

/** A counted unit's singular ("crates" → "crate"); abbreviations ("lbs") stay as they are. */
function singular(unit: string): string {
  return /^[a-z]{2,}[^s]s$/.test(unit) ? unit.slice(0, -1) : unit;
}

/** "12.34 tons of ore", "15.2 °C", "1 tool"; without the noun, "12.34 tons". */
export function amount(m: Metric, n: number, decimals = m.decimals, withNoun = true): string {
  // Written with all its decimals ("1,013.00 hPa"): a mean's precision shows even when it is round.
  const number = n.toLocaleString('en-US', {
    minimumFractionDigits: Math.max(0, decimals),
    maximumFractionDigits: Math.max(0, decimals),
  });
  if (m.unit === '%') return `${number}%`;
  const unit = n === 1 ? singular(m.unit) : m.unit;
  const noun = withNoun ? m.noun : undefined;
  return `${number} ${unit}${noun ? ` of ${noun}` : ''}`;
}

/** "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "day 34, 13:12, <town>: …", with the town's name when the vocabulary is given. */
export function eventLine(e: StoredEvent, vocab?: Vocabulary): string {
  return `day ${e.day}, ${formatHour(e.hour)}${vocab ? `, ${vocab.name(e.town)}` : ''}: ${e.text}`;
}

/** "Port Logic's", "Den of Thieves'". */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

export { capitalise };

export function times(n: number): string {
  return `${fmt(n, 0)} ${n === 1 ? 'time' : 'times'}`;
}

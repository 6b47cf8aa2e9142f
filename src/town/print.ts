/** How a town prints its updates for a person watching the terminal. */
import { formatHour } from '../world/clock.ts';
import type { Update } from '../world/types.ts';

export function formatUpdate(update: Update, townName: string): string {
  const head = `${townName} · day ${update.day}, ${formatHour(update.hour)} · update ${update.seq}`;
  const width = Math.max(...update.events.map((e) => e.kind.length));
  const lines = update.events.map((e) => `  ${e.kind.padEnd(width)}  ${e.text}`);
  return [head, ...lines].join('\n');
}

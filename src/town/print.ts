/** How a town prints its updates for a person watching the terminal. */
import type { Update } from '../world/types.ts';

export function formatHour(hour: number): string {
  const h = Math.floor(hour);
  const m = Math.round((hour - h) * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function formatUpdate(update: Update, townName: string): string {
  const head = `${townName} · day ${update.day}, ${formatHour(update.hour)} · update ${update.seq}`;
  const width = Math.max(...update.events.map((e) => e.kind.length));
  const lines = update.events.map((e) => `  ${e.kind.padEnd(width)}  ${e.text}`);
  return [head, ...lines].join('\n');
}

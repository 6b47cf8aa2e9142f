/** Which of a town's events are news: what the whole town hears about, not only whoever was there. */
import type { TownEvent } from '../types.ts';

/** Events a whole town hears about. */
export function isNews(e: TownEvent): boolean {
  if (e.kind === 'raid' || e.kind === 'loss') return true;
  if (e.kind === 'sensor') return e.text.includes('Storm');
  return /flood|surplus|drought|hungry|robbed|record/i.test(e.text);
}

/** The event store of a data directory, and the check that none was lost. */
import { existsSync, statSync } from 'node:fs';
import { clockPath, eventStorePath } from '../files/data-dir.ts';
import { openEventStore } from '../store/open.ts';
import type { EventStore } from '../store/store.ts';
import { worldTimeOf } from '../world/clock.ts';
import { savedClock } from './world-clock.ts';

/**
 * Opens the store, creating it in a new world. A world whose clock says it stored events but whose
 * store is gone (deleted, or emptied to nothing) is refused: starting it empty would hide the loss.
 * `newStore` begins an empty history in that world on purpose.
 */
export async function openDataDirEventStore(
  dataDir: string,
  options: { newStore?: boolean; facets?: readonly string[] } = {},
): Promise<EventStore> {
  const path = eventStorePath(dataDir);
  const missing = !existsSync(path) || statSync(path).size === 0;
  if (missing && !options.newStore) {
    const clock = savedClock(dataDir);
    // A clock saved before it counted events: any time on it means the aggregator ran.
    const stored = clock?.lastEventId ?? (clock && clock.t > 0 ? undefined : 0);
    if (clock && stored !== 0) {
      const { day } = worldTimeOf(clock.t);
      const what = stored === undefined ? 'a history' : `${stored.toLocaleString('en')} events`;
      throw new Error(
        `${path} is missing, but ${clockPath(dataDir)} says this world stored ${what} by day ${day}: restore it from a backup, or start the aggregator with --new-store to begin an empty history in this world`,
      );
    }
  }
  return openEventStore(path, { facets: options.facets });
}

/**
 * Every file a data directory holds, named in one place: the stores, the search index, the world's
 * clock and identity, the tokens, the lock, each town's state, log and outbox, and the reports.
 */
import { join } from 'node:path';

/** The event store (SQLite). */
export const eventStorePath = (dataDir: string): string => join(dataDir, 'chronicle.db');

/** The residents' store (SQLite): their catalogue, what each day left behind, the run's state. */
export const residentStorePath = (dataDir: string): string => join(dataDir, 'residents.db');

export interface SearchPaths {
  /** The search database: phrases, their embeddings, the indexed events. */
  db: string;
  /** The vector index; its checksum sits beside it, in `<vectors>.json`. */
  vectors: string;
}

/** The search files, derived from the event store: they can always be rebuilt from it. */
export const searchPaths = (dataDir: string): SearchPaths => ({
  db: join(dataDir, 'search.db'),
  vectors: join(dataDir, 'vectors.usearch'),
});

/** The world's clock, and the highest event id stored when it was saved. */
export const clockPath = (dataDir: string): string => join(dataDir, 'clock.json');

/** The world's id and seed. */
export const worldFilePath = (dataDir: string): string => join(dataDir, 'world.json');

/** The towns' write tokens (mode 0600). */
export const tokensPath = (dataDir: string): string => join(dataDir, 'tokens.json');

/** Held by the one process that writes the data directory. */
export const lockPath = (dataDir: string): string => join(dataDir, 'store.lock');

export interface TownPaths {
  dir: string;
  /** Where the town carries on from. */
  state: string;
  /** Every update the town made, as JSON lines. */
  log: string;
  /** Updates waiting to be delivered to the aggregator. */
  outbox: string;
}

export function townPaths(dataDir: string, town: string): TownPaths {
  const dir = join(dataDir, 'towns', town);
  return {
    dir,
    state: join(dir, 'state.json'),
    log: join(dir, 'updates.jsonl'),
    outbox: join(dir, 'outbox'),
  };
}

/** The daily reports of the residents' runs. */
export const reportsDir = (dataDir: string): string => join(dataDir, 'reports');

/** A day's report without its extension: the Markdown (`.md`) and the JSON (`.json`) share it. */
export const reportStem = (dataDir: string, day: number): string =>
  join(reportsDir(dataDir), `day-${String(day).padStart(4, '0')}`);

/**
 * The tables derived from the events, the daily rollups and the facets, kept a little behind
 * ingest: each append adds its events up in memory, and the sums are written in one transaction
 * when a reader asks for them, when enough have gathered, or when the store closes. A batch of a
 * hundred updates then costs no upsert of its own, and a key many batches share is written once.
 *
 * `derived_state.through_id` is the last event the tables hold. Events past it (the sums in memory
 * were lost in a crash, or another connection wrote them) are read back from the events and added
 * up; sums in memory are written only if no other connection moved the mark meanwhile. So the
 * tables always end up exactly those of the events, each counted once, and what the events hold
 * is never at risk: they are written, and acknowledged, before any of this.
 */
import type Database from 'better-sqlite3';
import type { EventData } from '../world/types.ts';
import { FacetBatch } from './facets.ts';
import { RollupBatch } from './rollup.ts';
import { FACET_KEY, prepareUpsertFacet, writeFacets } from './sqlite-facets.ts';
import type { StoredEvent } from './store.ts';

/**
 * Schema 7's mark. The rollups (and facets) were kept on ingest until then: they hold every event.
 * Also made when a store opens without it (one written by a build of schema 7 before the mark).
 */
export const DERIVED_STATE = `
  CREATE TABLE IF NOT EXISTS derived_state (id INTEGER PRIMARY KEY CHECK (id = 1), through_id INTEGER NOT NULL);
  INSERT OR IGNORE INTO derived_state (id, through_id) SELECT 1, coalesce(max(id), 0) FROM events;`;

/** The rollups' upsert: a batch's figures added to what the key holds, earliest in world time kept. */
const UPSERT_ROLLUP = `INSERT INTO rollups (metric, town, day, kind, sum, count, positive, min, max, min_id, max_id, min_hour, max_hour)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (metric, town, day, kind) DO UPDATE SET
     sum = sum + excluded.sum,
     count = count + excluded.count,
     positive = positive + excluded.positive,
     min = min(min, excluded.min),
     max = max(max, excluded.max),
     min_id = iif((excluded.min, excluded.min_hour, excluded.min_id) < (min, min_hour, min_id), excluded.min_id, min_id),
     min_hour = iif((excluded.min, excluded.min_hour, excluded.min_id) < (min, min_hour, min_id), excluded.min_hour, min_hour),
     max_id = iif((-excluded.max, excluded.max_hour, excluded.max_id) < (-max, max_hour, max_id), excluded.max_id, max_id),
     max_hour = iif((-excluded.max, excluded.max_hour, excluded.max_id) < (-max, max_hour, max_id), excluded.max_hour, max_hour)`;

type UpsertRollup = Database.Statement<
  [string, string, number, string, number, number, number, number, number, number, number, number, number]
>;

function writeRollups(upsert: UpsertRollup, batch: RollupBatch): void {
  for (const g of batch.groups())
    for (const [metric, f] of g.metrics)
      upsert.run(
        metric,
        g.town,
        g.day,
        g.kind,
        f.sum,
        f.count,
        f.positive,
        f.min,
        f.max,
        f.min_id,
        f.max_id,
        f.min_hour,
        f.max_hour,
      );
}

/** Events read back and added up at once, in id order. */
const SLICE_EVENTS = 100_000;

/** An event as an append stored it: what the derived tables add up. */
export type DerivedEvent = Pick<StoredEvent, 'id' | 'town' | 'day' | 'hour' | 'kind' | 'actor' | 'data'>;

/** The same, read back: `data` still JSON text. */
type EventRow = Omit<DerivedEvent, 'data'> & { data: string };

const readAfter = (db: Database.Database) =>
  db.prepare<[number, number, number], EventRow>(
    'SELECT id, town, day, hour, kind, actor, data FROM events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?',
  );

/** What a fold adds up: the rollups, the facets (for these keys), or both. */
export interface FoldInto {
  rollups?: boolean;
  facets?: readonly string[];
}

/**
 * The derived tables of the events after `from` up to `to`, added up a slice at a time (each slice
 * read once, whatever it is added into) and written through the same upserts as ingest (a key that
 * spans two slices is merged as two batches are). The backfill of a store from before rollups, the
 * rebuild of its facets, and the catching up of this module.
 */
export function fold(db: Database.Database, into: FoldInto, from = 0, to = Number.MAX_SAFE_INTEGER): void {
  const read = readAfter(db);
  // Prepared only for the tables asked for: the rollups' backfill runs before the facets exist.
  const upsertRollup = into.rollups ? (db.prepare(UPSERT_ROLLUP) as UpsertRollup) : undefined;
  const upsertFacet = into.facets ? prepareUpsertFacet(db) : undefined;
  for (let last = from; ; ) {
    const events = read.all(last, to, SLICE_EVENTS);
    if (events.length === 0) return;
    const rollups = upsertRollup && new RollupBatch();
    const facets = upsertFacet && into.facets && new FacetBatch(into.facets);
    for (const e of events) {
      const data = JSON.parse(e.data) as EventData;
      rollups?.add(e.id, e.town, e.day, e.hour, e.kind, data);
      facets?.add(e.town, e.day, e.kind, e.actor, data);
    }
    if (upsertRollup && rollups) writeRollups(upsertRollup, rollups);
    if (upsertFacet && facets) writeFacets(upsertFacet, facets);
    last = (events.at(-1) as EventRow).id;
  }
}

/**
 * The facet keys the store keeps facets for: `wanted` when given, else those it kept them for.
 * Facets are (re)built, up to the mark the other derived tables hold, when the store has never
 * kept them (a store from before schema 7) or kept them for other keys (a world that declares a
 * new field). Keys are sorted, so the same set in another order changes nothing.
 */
export function facetKeysOf(db: Database.Database, wanted: readonly string[] | undefined): string[] {
  const state = db.prepare<[], { keys: string }>('SELECT keys FROM facet_state WHERE id = 1').get();
  const kept = state === undefined ? undefined : (JSON.parse(state.keys) as string[]);
  const keys = wanted === undefined ? (kept ?? []) : [...new Set(wanted)].sort();
  for (const key of keys)
    if (!FACET_KEY.test(key) || key === 'actor')
      throw new RangeError(`facet key "${key}": not a lower_snake_case data key other than "actor"`);
  if (kept !== undefined && keys.join('\u0000') === kept.join('\u0000')) return keys;
  db.transaction(() => {
    db.exec('DELETE FROM facets');
    db.prepare('INSERT OR REPLACE INTO facet_state (id, keys) VALUES (1, ?)').run(JSON.stringify(keys));
    fold(db, { facets: keys }, 0, derivedThrough(db));
  }).immediate();
  return keys;
}

/** The last event the derived tables hold. */
export const derivedThrough = (db: Database.Database): number =>
  db.prepare<[], { through_id: number }>('SELECT through_id FROM derived_state WHERE id = 1').get()
    ?.through_id ?? 0;

/** Sums gathered past this many events are written without waiting for a reader. */
const GATHER_EVENTS = 20_000;

/**
 * The same in a bulk load, which nobody reads meanwhile: a day's keys are written once, in one
 * transaction at the load's end, instead of one every 20,000 events (a fast-forward's ingest about
 * 4% faster: bench/README.md). Bounded, so a load of many years holds at most this many events' sums.
 */
const GATHER_EVENTS_IN_BULK = 1_000_000;

export class DerivedTables {
  private rollups = new RollupBatch();
  private facets: FacetBatch;
  private gathered = 0;
  /** Events gathered before the sums are written unasked: GATHER_EVENTS, or more in a bulk load. */
  private gatherLimit = GATHER_EVENTS;
  /** The last event the tables hold, as far as this connection knows. */
  private through: number;
  /** The last event gathered in memory. */
  private gatheredThrough: number;
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly facetKeys: readonly string[],
  ) {
    this.facets = new FacetBatch(facetKeys);
    this.statements = {
      upsertRollup: db.prepare(UPSERT_ROLLUP) as UpsertRollup,
      upsertFacet: prepareUpsertFacet(db),
      through: db.prepare<[], { through_id: number }>('SELECT through_id FROM derived_state WHERE id = 1'),
      setThrough: db.prepare<[number]>('UPDATE derived_state SET through_id = ? WHERE id = 1'),
      lastId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events'),
    };
    this.through = derivedThrough(db);
    this.gatheredThrough = this.through;
  }

  /** Events just stored by this connection, in id order. */
  add(events: readonly DerivedEvent[]): void {
    const first = events[0];
    if (first === undefined) return;
    // Another connection's events in between: read back with them, in order, by sync.
    if (first.id !== this.gatheredThrough + 1) {
      this.syncAfterAppend();
      return;
    }
    for (const e of events) {
      this.rollups.add(e.id, e.town, e.day, e.hour, e.kind, e.data);
      this.facets.add(e.town, e.day, e.kind, e.actor, e.data);
    }
    this.gathered += events.length;
    this.gatheredThrough = (events.at(-1) as DerivedEvent).id;
    if (this.gathered >= this.gatherLimit) this.syncAfterAppend();
  }

  /** A bulk load begins (sums gathered for longer) or ends (the sums written, and back to normal). */
  setBulk(bulk: boolean): void {
    this.gatherLimit = bulk ? GATHER_EVENTS_IN_BULK : GATHER_EVENTS;
    if (!bulk) this.syncAfterAppend();
  }

  /**
   * The events are stored and acknowledged already: a write of their sums that fails here (a full
   * disk) keeps them in memory, and the next reader's sync tries again and reports it.
   */
  private syncAfterAppend(): void {
    try {
      this.sync();
    } catch {
      // Kept for the next sync.
    }
  }

  /** The tables made those of every stored event: sums in memory written, any others read back. */
  sync(): void {
    const s = this.statements;
    if (this.gathered === 0 && (s.lastId.get()?.id ?? 0) === this.through) return;
    this.through = this.db
      .transaction((): number => {
        let through = s.through.get()?.through_id ?? 0;
        if (through === this.through && this.gathered > 0) {
          writeRollups(s.upsertRollup, this.rollups);
          writeFacets(s.upsertFacet, this.facets);
          through = this.gatheredThrough;
        }
        const last = s.lastId.get()?.id ?? 0;
        if (last > through) {
          fold(this.db, { rollups: true, facets: this.facetKeys }, through, last);
          through = last;
        }
        s.setThrough.run(through);
        return through;
      })
      .immediate();
    this.rollups = new RollupBatch();
    this.facets = new FacetBatch(this.facetKeys);
    this.gathered = 0;
    this.gatheredThrough = this.through;
  }
}

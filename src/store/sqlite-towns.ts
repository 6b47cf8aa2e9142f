/**
 * What `stats()` tells of each town, kept as the history is written instead of counted from it:
 * per town its updates, last sequence number and latest update in world time; per town and kind
 * its events and the last of their ids (a town's headline is the last id of a kind that tells news);
 * the gaps in each town's sequence as ranges, split or removed when a late update fills one; and
 * each actor's events per town (what `actors()` tells).
 * Maintained inside the ingest transaction, so they are always what the tables they count hold.
 */
import type Database from 'better-sqlite3';

/** Schema 5's tables, and their backfill from a history stored before they were kept. */
export const TOWN_TABLES = `
  CREATE TABLE town_stats (
    town TEXT PRIMARY KEY,
    updates INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    last_ts TEXT,
    last_day INTEGER,
    last_hour REAL
  ) WITHOUT ROWID;
  CREATE TABLE town_kinds (
    town TEXT NOT NULL,
    kind TEXT NOT NULL,
    events INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    PRIMARY KEY (town, kind)
  ) WITHOUT ROWID;
  CREATE TABLE seq_gaps (
    town TEXT NOT NULL,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    PRIMARY KEY (town, from_seq)
  ) WITHOUT ROWID;
  INSERT INTO town_stats (town, updates, last_seq, last_ts, last_day, last_hour)
    SELECT town, count(*), coalesce(max(seq), 0), NULL, NULL, NULL FROM updates GROUP BY town;
  -- The latest in world time; of updates at the same moment, the last stored (as stats() read it).
  UPDATE town_stats SET (last_ts, last_day, last_hour) = (
    SELECT ts, day, hour FROM updates u WHERE u.town = town_stats.town
    ORDER BY day DESC, hour DESC, rowid DESC LIMIT 1
  );
  INSERT INTO town_kinds (town, kind, events, last_id)
    SELECT town, kind, count(*), max(id) FROM events GROUP BY town, kind;
  INSERT INTO seq_gaps (town, from_seq, to_seq)
    SELECT town, prev + 1, seq - 1 FROM (
      SELECT town, seq, lag(seq, 1, 0) OVER (PARTITION BY town ORDER BY seq) AS prev
      FROM updates WHERE seq IS NOT NULL
    ) WHERE seq > prev + 1;
  -- It served only the latest update's look-up, which town_stats now answers.
  DROP INDEX updates_town_time;`;

/** Schema 6's table: each actor's events per town, and the days of their first and last. */
export const ACTOR_TABLE = `
  CREATE TABLE town_actors (
    actor TEXT NOT NULL,
    town TEXT NOT NULL,
    events INTEGER NOT NULL,
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    PRIMARY KEY (actor, town)
  ) WITHOUT ROWID;
  INSERT INTO town_actors (actor, town, events, first_day, last_day)
    SELECT actor, town, count(*), min(day), max(day) FROM events WHERE actor IS NOT NULL GROUP BY actor, town;`;

interface TownRow {
  updates: number;
  last_seq: number;
  last_ts: string | null;
  last_day: number | null;
  last_hour: number | null;
}

export function prepareTownStatements(db: Database.Database) {
  return {
    town: db.prepare<[string], TownRow>(
      'SELECT updates, last_seq, last_ts, last_day, last_hour FROM town_stats WHERE town = ?',
    ),
    writeTown: db.prepare<[string, number, number, string | null, number | null, number | null]>(
      `INSERT INTO town_stats (town, updates, last_seq, last_ts, last_day, last_hour) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (town) DO UPDATE SET updates = excluded.updates, last_seq = excluded.last_seq,
         last_ts = excluded.last_ts, last_day = excluded.last_day, last_hour = excluded.last_hour`,
    ),
    addKind: db.prepare<[string, string, number, number]>(
      `INSERT INTO town_kinds (town, kind, events, last_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (town, kind) DO UPDATE SET events = events + excluded.events,
         last_id = max(last_id, excluded.last_id)`,
    ),
    gapAt: db.prepare<[string, number], { from_seq: number; to_seq: number }>(
      'SELECT from_seq, to_seq FROM seq_gaps WHERE town = ? AND from_seq <= ? ORDER BY from_seq DESC LIMIT 1',
    ),
    addGap: db.prepare<[string, number, number]>(
      'INSERT INTO seq_gaps (town, from_seq, to_seq) VALUES (?, ?, ?)',
    ),
    removeGap: db.prepare<[string, number]>('DELETE FROM seq_gaps WHERE town = ? AND from_seq = ?'),
    addActor: db.prepare<[string, string, number, number, number]>(
      `INSERT INTO town_actors (actor, town, events, first_day, last_day) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (actor, town) DO UPDATE SET events = events + excluded.events,
         first_day = min(first_day, excluded.first_day), last_day = max(last_day, excluded.last_day)`,
    ),
  };
}

type TownStatements = ReturnType<typeof prepareTownStatements>;

/**
 * One batch's changes: each town's row read once and changed in memory, each (town, kind) added up,
 * all written at the batch's end. Gaps are changed as updates come, which is rare: a town's next
 * update in order touches none.
 */
export class TownBatch {
  private readonly towns = new Map<string, TownRow>();
  private readonly kinds = new Map<string, Map<string, { events: number; last_id: number }>>();
  /** By town, then actor. */
  private readonly actors = new Map<string, Map<string, { events: number; first: number; last: number }>>();

  constructor(private readonly s: TownStatements) {}

  private row(town: string): TownRow {
    let row = this.towns.get(town);
    if (row === undefined) {
      row = this.s.town.get(town) ?? {
        updates: 0,
        last_seq: 0,
        last_ts: null,
        last_day: null,
        last_hour: null,
      };
      this.towns.set(town, row);
    }
    return row;
  }

  /** A new update stored (never a repeat: those change nothing). Sequence numbers are positive. */
  update(town: string, seq: number | null, ts: string, day: number, hour: number): void {
    const row = this.row(town);
    row.updates++;
    const last = row.last_day;
    if (last === null || day > last || (day === last && hour >= (row.last_hour as number))) {
      row.last_ts = ts;
      row.last_day = day;
      row.last_hour = hour;
    }
    if (seq === null) return;
    if (seq > row.last_seq) {
      if (seq > row.last_seq + 1) this.s.addGap.run(town, row.last_seq + 1, seq - 1);
      row.last_seq = seq;
      return;
    }
    // Below the last: it fills (part of) a gap, since its slot was free.
    const gap = this.s.gapAt.get(town, seq);
    if (gap === undefined || gap.to_seq < seq) return;
    this.s.removeGap.run(town, gap.from_seq);
    if (gap.from_seq < seq) this.s.addGap.run(town, gap.from_seq, seq - 1);
    if (seq < gap.to_seq) this.s.addGap.run(town, seq + 1, gap.to_seq);
  }

  /** A new event stored, ids in increasing order. */
  event(town: string, kind: string, id: number, actor: string | null, day: number): void {
    if (actor !== null) this.actorEvent(town, actor, day);
    let kinds = this.kinds.get(town);
    if (kinds === undefined) {
      kinds = new Map();
      this.kinds.set(town, kinds);
    }
    const k = kinds.get(kind);
    if (k === undefined) kinds.set(kind, { events: 1, last_id: id });
    else {
      k.events++;
      k.last_id = id;
    }
  }

  private actorEvent(town: string, actor: string, day: number): void {
    let actors = this.actors.get(town);
    if (actors === undefined) {
      actors = new Map();
      this.actors.set(town, actors);
    }
    const a = actors.get(actor);
    if (a === undefined) actors.set(actor, { events: 1, first: day, last: day });
    else {
      a.events++;
      if (day < a.first) a.first = day;
      if (day > a.last) a.last = day;
    }
  }

  write(): void {
    for (const [town, r] of this.towns)
      this.s.writeTown.run(town, r.updates, r.last_seq, r.last_ts, r.last_day, r.last_hour);
    for (const [town, kinds] of this.kinds)
      for (const [kind, k] of kinds) this.s.addKind.run(town, kind, k.events, k.last_id);
    for (const [town, actors] of this.actors)
      for (const [actor, a] of actors) this.s.addActor.run(actor, town, a.events, a.first, a.last);
  }
}

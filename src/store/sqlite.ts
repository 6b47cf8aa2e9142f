/**
 * The embedded event store: one SQLite file in WAL mode, written with synchronous=FULL so an
 * acknowledged batch survives a crash. Schema changes are numbered migrations (PRAGMA user_version).
 * Events are never deleted, so the rowid (the global sequence number) only grows.
 */
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { IncomingUpdate } from '../events/schema.ts';
import { worldDaysOf } from '../world/clock.ts';
import type { EventData } from '../world/types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { type PreparedUpdate, prepareUpdate } from './digest.ts';
import { NEVER_HEADLINES } from './headline.ts';
import { fileError, type Migration, openDatabase } from './migrations.ts';
import { DERIVED_STATE, DerivedTables, facetKeysOf, fold } from './sqlite-derived.ts';
import { FACET_TABLES, facetTotals } from './sqlite-facets.ts';
import { ACTOR_TABLE, prepareTownStatements, TOWN_TABLES, TownBatch } from './sqlite-towns.ts';
import {
  type ActorStats,
  type AppendResult,
  ConflictError,
  type EventPage,
  type EventQuery,
  type EventStore,
  type FacetQuery,
  type FacetTotals,
  type MetricPoint,
  type MetricQuery,
  type NumberCondition,
  type RollupQuery,
  type RollupRow,
  type RollupTotal,
  type RollupTotalsQuery,
  type SelectQuery,
  type SelectRow,
  type StoredEvent,
  type StoreStats,
  type TownStats,
  type ValueQuery,
  type ValueRow,
} from './store.ts';

/**
 * The events' secondary indexes, as the migrations made them. A bulk load drops them and makes
 * them again at its end; opening a store makes any that are missing (a bulk load that crashed).
 */
const EVENT_INDEXES: readonly { name: string; columns: string }[] = [
  { name: 'events_time', columns: 'day, hour' },
  { name: 'events_town_time', columns: 'town, day, hour' },
  { name: 'events_kind_actor', columns: 'kind, actor' },
  { name: 'events_kind_town_time', columns: 'kind, town, day, hour' },
];

function ensureEventIndexes(db: Database.Database): void {
  for (const { name, columns } of EVENT_INDEXES)
    db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON events (${columns})`);
}

/** The event store's schema, one migration a version (exported for the tests of old stores). */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE updates (
     id TEXT PRIMARY KEY,
     town TEXT NOT NULL,
     seq INTEGER NOT NULL,
     ts TEXT NOT NULL,
     day INTEGER NOT NULL,
     hour REAL NOT NULL,
     digest TEXT NOT NULL,
     received_at TEXT NOT NULL,
     UNIQUE (town, seq)
   );
   CREATE TABLE events (
     id INTEGER PRIMARY KEY,
     update_id TEXT NOT NULL,
     town TEXT NOT NULL,
     town_seq INTEGER NOT NULL,
     day INTEGER NOT NULL,
     hour REAL NOT NULL,
     ts TEXT NOT NULL,
     kind TEXT NOT NULL,
     actor TEXT,
     text TEXT NOT NULL,
     data TEXT NOT NULL
   );
   -- Each index ends in the rowid (the event id), so both serve ORDER BY day, hour, id.
   -- Two indexes, not one per filter: every index slows ingest (measured in bench/README.md).
   CREATE INDEX events_time ON events (day, hour);
   CREATE INDEX events_town_time ON events (town, day, hour);`,
  // Residents' latest moves, and anything asked by kind and person.
  'CREATE INDEX events_kind_actor ON events (kind, actor);',
  // Updates sent without a sequence number (the seeds' plain shape, shippers) keep none: they used to
  // take the town's next one, which the town's own update then found taken. SQLite changes a
  // column's constraint only by copying the table; the ids (the global sequence) are kept.
  `CREATE TABLE updates_v3 (
     id TEXT PRIMARY KEY,
     town TEXT NOT NULL,
     seq INTEGER,
     ts TEXT NOT NULL,
     day INTEGER NOT NULL,
     hour REAL NOT NULL,
     digest TEXT NOT NULL,
     received_at TEXT NOT NULL,
     UNIQUE (town, seq)
   );
   INSERT INTO updates_v3 SELECT id, town, CASE WHEN id LIKE 'plain-%' THEN NULL ELSE seq END,
     ts, day, hour, digest, received_at FROM updates;
   DROP TABLE updates;
   ALTER TABLE updates_v3 RENAME TO updates;
   CREATE TABLE events_v3 (
     id INTEGER PRIMARY KEY,
     update_id TEXT NOT NULL,
     town TEXT NOT NULL,
     town_seq INTEGER,
     day INTEGER NOT NULL,
     hour REAL NOT NULL,
     ts TEXT NOT NULL,
     kind TEXT NOT NULL,
     actor TEXT,
     text TEXT NOT NULL,
     data TEXT NOT NULL
   );
   INSERT INTO events_v3 SELECT id, update_id, town,
     CASE WHEN update_id LIKE 'plain-%' THEN NULL ELSE town_seq END,
     day, hour, ts, kind, actor, text, data FROM events ORDER BY id;
   DROP TABLE events;
   ALTER TABLE events_v3 RENAME TO events;
   CREATE INDEX events_time ON events (day, hour);
   CREATE INDEX events_town_time ON events (town, day, hour);
   CREATE INDEX events_kind_actor ON events (kind, actor);
   CREATE INDEX updates_town_time ON updates (town, day, hour);`,
  // Daily rollups of every number (and of the events, as '*'), backfilled from the history here and
  // kept since (a batch behind ingest: sqlite-derived.ts); and an index for selects by kind and town
  // over days.
  (db) => {
    db.exec(`CREATE TABLE rollups (
       metric TEXT NOT NULL,
       town TEXT NOT NULL,
       day INTEGER NOT NULL,
       kind TEXT NOT NULL,
       sum REAL NOT NULL,
       count INTEGER NOT NULL,
       positive INTEGER NOT NULL,
       min REAL NOT NULL,
       max REAL NOT NULL,
       min_id INTEGER NOT NULL,
       max_id INTEGER NOT NULL,
       min_hour REAL NOT NULL,
       max_hour REAL NOT NULL,
       PRIMARY KEY (metric, town, day, kind)
     ) WITHOUT ROWID;
     CREATE INDEX events_kind_town_time ON events (kind, town, day, hour);`);
    fold(db, { rollups: true });
  },
  // Each town's counts, latest update, last ids by kind and sequence gaps, kept on ingest: stats()
  // reads them instead of counting a history (src/store/sqlite-towns.ts).
  TOWN_TABLES,
  // Each actor's events per town, kept on ingest: actors() reads them instead of grouping a history.
  ACTOR_TABLE,
  // Facet rollups, per actor and low-cardinality field over spans of days: built from the history
  // when the store is opened with its facet keys (sqlite-facets.ts); and the mark of the events the
  // derived tables hold, which from now on are kept a batch behind ingest (sqlite-derived.ts).
  `${FACET_TABLES}\n${DERIVED_STATE}`,
];

export interface EventStoreOptions {
  /**
   * The data keys to keep facets for besides the actor: the world's low-cardinality fields
   * (facetKeysOf in src/world). Without them, the store keeps the keys it kept before.
   */
  facets?: readonly string[];
}

/** An event as its row holds it: `data` is still JSON text. */
type EventRow = Omit<StoredEvent, 'data'> & { data: string };

const toEvent = (row: EventRow): StoredEvent => ({ ...row, data: JSON.parse(row.data) as EventData });

/** Events serialised between two yields to the event loop. */
const SLICE_EVENTS = 500;

/** Rows of events one INSERT statement carries, and the columns of each. */
const EVENT_ROWS = 64;
const EVENT_COLUMNS = 10;

function insertEventsSql(rows: number): string {
  const row = `(${Array(EVENT_COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO events (update_id, town, town_seq, day, hour, ts, kind, actor, text, data) VALUES ${Array(rows).fill(row).join(', ')}`;
}

/** A WHERE clause built from optional filters, with its parameters in order. */
class Where {
  private readonly clauses: string[] = [];
  readonly params: (string | number)[] = [];

  add(clause: string, ...values: (string | number)[]): void {
    this.clauses.push(clause);
    this.params.push(...values);
  }

  /** `expression` is one of the values; an empty list matches nothing. */
  addIn(expression: string, values: readonly (string | number)[] | undefined, ...before: string[]): void {
    if (values === undefined) return;
    if (values.length === 0) this.clauses.push('0');
    else this.add(`${expression} IN (${values.map(() => '?').join(', ')})`, ...before, ...values);
  }

  sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** A data key a select names: it goes into a JSON path, so it is a plain lower_snake_case word. */
const SELECT_KEY = /^[a-z][a-z0-9_]*$/;

function keyPath(key: string): string {
  if (!SELECT_KEY.test(key)) throw new RangeError(`data key "${key}": not a lower_snake_case key`);
  return `$.${key}`;
}

const OPERATORS: ReadonlySet<NumberCondition['op']> = new Set(['>', '>=', '<', '<=', '=', '!=']);

/** A select's row as an array: id, town, day, hour, kind, actor, then the keys' values. */
type SelectTuple = [number, string, number, number, string, string | null, ...(number | string | null)[]];

/** What a rollup holds of its metric, each asked for or not. */
const FIGURES = ['sum', 'count', 'positive', 'min', 'max'] as const;

type RollupTuple = [string, number, string, string, number, number, number, number, number, number];

/** Events that carry a number under this key, with the usual filters. */
function numberFilter(query: ValueQuery): { path: string; where: Where } {
  const path = `$.${query.metric}`;
  const where = new Where();
  where.add("json_type(data, ?) IN ('integer', 'real')", path);
  if (query.town) where.add('town = ?', query.town);
  if (query.kind) where.add('kind = ?', query.kind);
  if (query.fromDay !== undefined) where.add('day >= ?', query.fromDay);
  if (query.toDay !== undefined) where.add('day <= ?', query.toDay);
  return { path, where };
}

/** The rollups of one metric, with the usual filters. */
function rollupFilter(query: RollupQuery): Where {
  const where = new Where();
  where.add('metric = ?', query.metric);
  where.addIn('town', query.towns);
  where.addIn('kind', query.kinds);
  if (query.fromDay !== undefined) where.add('day >= ?', query.fromDay);
  if (query.toDay !== undefined) where.add('day <= ?', query.toDay);
  return where;
}

export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteEventStore['prepare']>;
  /** In a bulk load: the events' secondary indexes are dropped until it ends. */
  private bulk = false;
  private readonly facets: readonly string[];
  /** The rollups and facets, kept a batch behind ingest. */
  private readonly derived: DerivedTables;

  constructor(path: string, options: EventStoreOptions = {}) {
    // A 64 MiB page cache: indexes stay in memory as the history grows.
    this.db = openDatabase(path, EVENT_STORE_MIGRATIONS, 'the event store', { cacheMiB: 64 });
    try {
      ensureEventIndexes(this.db);
      this.db.exec(DERIVED_STATE);
      this.facets = facetKeysOf(this.db, options.facets);
      this.statements = this.prepare();
      this.derived = new DerivedTables(this.db, this.facets);
      // What a crash left unsummed is added up now, not by the first reader.
      this.derived.sync();
    } catch (error) {
      this.db.close();
      throw fileError(path, 'the event store', error);
    }
  }

  private prepare() {
    return {
      updateById: this.db.prepare<[string], { digest: string }>('SELECT digest FROM updates WHERE id = ?'),
      updateBySeq: this.db.prepare<[string, number], { id: string }>(
        'SELECT id FROM updates WHERE town = ? AND seq = ?',
      ),
      insertUpdate: this.db.prepare(
        'INSERT OR IGNORE INTO updates (id, town, seq, ts, day, hour, digest, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertEvent: this.db.prepare(insertEventsSql(1)),
      insertEvents: this.db.prepare(insertEventsSql(EVENT_ROWS)),
      after: this.db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?',
      ),
      afterInTown: this.db.prepare<[number, string, number], EventRow>(
        'SELECT * FROM events WHERE id > ? AND town = ? ORDER BY id LIMIT ?',
      ),
      latest: this.db.prepare<[], { day: number; hour: number }>(
        'SELECT day, hour FROM events ORDER BY day DESC, hour DESC LIMIT 1',
      ),
      lastId: this.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM events'),
      byIds: this.db.prepare<[string], EventRow>(
        'SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?))',
      ),
      day: this.db.prepare<[number], EventRow>('SELECT * FROM events WHERE day = ? ORDER BY day, hour, id'),
      towns: this.db.prepare<[string], Omit<TownStats, 'gaps' | 'headline'> & { headline_id: number | null }>(
        `SELECT town, updates,
                (SELECT coalesce(sum(events), 0) FROM town_kinds k WHERE k.town = t.town) AS events,
                last_seq, last_ts, last_day, last_hour,
                (SELECT max(last_id) FROM town_kinds k WHERE k.town = t.town
                   AND k.kind NOT IN (SELECT value FROM json_each(?))) AS headline_id
         FROM town_stats t ORDER BY town`,
      ),
      knownTowns: this.db.prepare<[], { town: string }>('SELECT town FROM town_stats ORDER BY town'),
      gaps: this.db.prepare<[], { town: string; from_seq: number; to_seq: number }>(
        'SELECT town, from_seq, to_seq FROM seq_gaps ORDER BY town, from_seq',
      ),
      ...prepareTownStatements(this.db),
      latestByActor: this.db.prepare<[string], EventRow>(
        `SELECT * FROM events WHERE id IN (
           SELECT max(id) FROM events WHERE kind IN (SELECT value FROM json_each(?)) AND actor IS NOT NULL GROUP BY actor
         ) ORDER BY actor`,
      ),
      actors: this.db.prepare<[], ActorStats>(
        'SELECT actor, town, events, first_day, last_day FROM town_actors ORDER BY actor, town',
      ),
    };
  }

  /**
   * Serialising and digesting a big batch takes tens of milliseconds: it is done a slice at a time,
   * letting other requests in between, and only the transaction itself holds the event loop.
   */
  async append(updates: readonly IncomingUpdate[]): Promise<AppendResult> {
    const prepared: PreparedUpdate[] = [];
    let since = 0;
    for (const update of updates) {
      prepared.push(prepareUpdate(update));
      since += update.events.length;
      if (since >= SLICE_EVENTS) {
        since = 0;
        await yieldToIo();
      }
    }
    return this.store(updates, prepared);
  }

  /** The synchronous core of append, for the in-process simulator's tight loop. */
  appendSync(updates: readonly IncomingUpdate[]): AppendResult {
    return this.store(updates, updates.map(prepareUpdate));
  }

  private store(updates: readonly IncomingUpdate[], prepared: readonly PreparedUpdate[]): AppendResult {
    const s = this.statements;
    const receivedAt = new Date().toISOString();
    const result = this.db
      .transaction((): AppendResult => {
        const result: AppendResult = { stored: 0, duplicates: 0, events: [] };
        const towns = new TownBatch(s);
        // The events' columns, row after row, inserted EVENT_ROWS rows a statement: one call into
        // SQLite per row was most of ingest's cost. Ids are the rowids SQLite gives in order.
        const rows: (string | number | null)[] = [];
        let numbered = 0;
        const flush = (all: boolean) => {
          while (rows.length >= (all ? EVENT_COLUMNS : EVENT_ROWS * EVENT_COLUMNS)) {
            const n = rows.length >= EVENT_ROWS * EVENT_COLUMNS ? EVENT_ROWS : 1;
            const params = rows.splice(0, n * EVENT_COLUMNS);
            const last = Number((n === 1 ? s.insertEvent : s.insertEvents).run(...params).lastInsertRowid);
            // Rows of a multi-row insert take consecutive rowids, the last one last.
            for (let k = 0; k < n; k++) (result.events[numbered++] as StoredEvent).id = last - n + 1 + k;
          }
        };
        for (let u = 0; u < updates.length; u++) {
          const update = updates[u] as IncomingUpdate;
          const { dataJson, digest } = prepared[u] as PreparedUpdate;
          // An update without a sequence number of its own (plain, or a shipper's) takes none.
          const seq = update.seq;
          // Insert first and look only when it is refused: new updates, the common case, cost no lookup.
          const inserted = s.insertUpdate.run(
            update.id,
            update.town,
            seq,
            update.ts,
            update.day,
            update.hour,
            digest,
            receivedAt,
          );
          if (inserted.changes === 0) {
            const existing = s.updateById.get(update.id)?.digest;
            if (existing === digest) {
              result.duplicates++;
              continue;
            }
            if (existing !== undefined)
              throw new ConflictError(`update ${update.id} was already stored with other content`);
            const holder = seq === null ? undefined : s.updateBySeq.get(update.town, seq);
            throw new ConflictError(`${update.town} already has update ${seq} (id ${holder?.id})`);
          }
          towns.update(update.town, seq, update.ts, update.day, update.hour);
          const events = update.events;
          for (let i = 0; i < events.length; i++) {
            const e = events[i] as IncomingUpdate['events'][number];
            const actor = e.actor ?? null;
            rows.push(update.id, update.town, seq, update.day, update.hour, update.ts, e.kind, actor, e.text);
            rows.push(dataJson[i] as string);
            result.events.push({
              id: 0,
              update_id: update.id,
              town: update.town,
              town_seq: seq,
              day: update.day,
              hour: update.hour,
              ts: update.ts,
              kind: e.kind,
              actor,
              text: e.text,
              data: e.data,
            });
          }
          flush(false);
          result.stored++;
        }
        flush(true);
        for (const e of result.events) towns.event(e.town, e.kind, e.id, e.actor, e.day);
        towns.write();
        return result;
      })
      .immediate();
    // Stored and acknowledged: the rollups and facets add it up in memory (sqlite-derived.ts).
    this.derived.add(result.events);
    return result;
  }

  async events(query: EventQuery): Promise<EventPage> {
    const where = new Where();
    if (query.town) where.add('town = ?', query.town);
    if (query.kind) where.add('kind = ?', query.kind);
    if (query.fromDay !== undefined) where.add('day >= ?', query.fromDay);
    if (query.toDay !== undefined) where.add('day <= ?', query.toDay);
    for (const word of (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
      where.add('instr(lower(text), ?) > 0', word.toLowerCase());
    }
    if (query.actor) where.add('instr(lower(actor), ?) > 0', query.actor.toLowerCase());
    const [after, order] = query.newestFirst ? ['<', 'DESC'] : ['>', 'ASC'];
    if (query.cursor) where.add(`(day, hour, id) ${after} (?, ?, ?)`, ...decodeCursor(query.cursor));
    const sql = `SELECT * FROM events ${where.sql()} ORDER BY day ${order}, hour ${order}, id ${order} LIMIT ?`;
    const rows = this.db.prepare<(string | number)[], EventRow>(sql).all(...where.params, query.limit + 1);
    const events = rows.slice(0, query.limit).map(toEvent);
    const last = events.at(-1);
    return { events, next: rows.length > query.limit && last ? encodeCursor(last) : null };
  }

  async after(id: number, limit: number, town?: string): Promise<StoredEvent[]> {
    const rows = town
      ? this.statements.afterInTown.all(id, town, limit)
      : this.statements.after.all(id, limit);
    return rows.map(toEvent);
  }

  async latestWorldTime(): Promise<number> {
    const row = this.statements.latest.get();
    return row ? worldDaysOf(row.day, row.hour) : 0;
  }

  async lastEventId(): Promise<number> {
    return this.statements.lastId.get()?.id ?? 0;
  }

  async byIds(ids: readonly number[]): Promise<StoredEvent[]> {
    if (ids.length === 0) return [];
    const rows = this.statements.byIds.all(JSON.stringify(ids));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toEvent(row)] : [];
    });
  }

  async day(day: number): Promise<StoredEvent[]> {
    return this.statements.day.all(day).map(toEvent);
  }

  async metrics(query: MetricQuery): Promise<MetricPoint[]> {
    // The metric name is checked by the caller (lower_snake_case), so it is safe inside the JSON path.
    const { path, where } = numberFilter(query);
    const fn = { sum: 'sum', mean: 'avg', min: 'min', max: 'max', count: 'count' }[query.aggregate];
    const value = `${fn}(json_extract(data, '${path.replace(/'/g, "''")}'))`;
    const group = query.bucket === 'day' ? 'town, day' : 'town, update_id';
    const sql = `SELECT town, min(day) AS day, ${query.bucket === 'update' ? 'min(hour) AS hour,' : ''}
                        ${value} AS value, count(*) AS n
                 FROM events ${where.sql()} GROUP BY ${group}
                 ORDER BY day, ${query.bucket === 'update' ? 'hour,' : ''} town LIMIT ?`;
    return this.db.prepare<(string | number)[], MetricPoint>(sql).all(...where.params, query.limit);
  }

  async values(query: ValueQuery): Promise<ValueRow[]> {
    const { path, where } = numberFilter(query);
    const sql = `SELECT id, town, day, hour, kind, actor, json_extract(data, ?) AS value
                 FROM events ${where.sql()} ORDER BY day, hour, id`;
    return this.db.prepare<(string | number)[], ValueRow>(sql).all(path, ...where.params);
  }

  async rollups(query: RollupQuery): Promise<RollupRow[]> {
    this.derived.sync();
    const where = rollupFilter(query);
    const sql = `SELECT town, day, kind, metric, sum, count, min, max, min_id, max_id
                 FROM rollups ${where.sql()} ORDER BY day, town, kind`;
    // Rows as arrays, made into objects here: better-sqlite3's row objects cost about twice as much.
    const rows = this.db
      .prepare<(string | number)[], RollupTuple>(sql)
      .raw(true)
      .all(...where.params) as unknown as RollupTuple[];
    return rows.map(([town, day, kind, metric, sum, count, min, max, min_id, max_id]) => ({
      town,
      day,
      kind,
      metric,
      sum,
      count,
      min,
      max,
      min_id,
      max_id,
    }));
  }

  async rollupTotals(query: RollupTotalsQuery): Promise<RollupTotal[]> {
    this.derived.sync();
    const where = rollupFilter(query);
    const by = (['town', 'day', 'kind'] as const).filter((c) => query.by.includes(c));
    // Only the figures asked for (the count always): a 20-year daily series is 7,300 rows, and
    // each column read costs.
    const figures = [
      'count',
      ...FIGURES.filter((f) => f !== 'count' && (query.figures ?? FIGURES).includes(f)),
    ];
    // By day of one town and one kind (a daily series), each rollup row is its own group: read as it
    // is, it costs half what SQLite's grouping of the same rows does.
    const one = (c: 'town' | 'kind', given: readonly string[] | undefined) =>
      by.includes(c) || given?.length === 1;
    const own = by.includes('day') && one('town', query.towns) && one('kind', query.kinds);
    const added = (f: string) => (f === 'min' ? 'min(min)' : f === 'max' ? 'max(max)' : `sum(${f})`);
    const sql = own
      ? `SELECT ${[...by, ...figures].join(', ')} FROM rollups ${where.sql()} ORDER BY ${by.join(', ')}`
      : `SELECT ${[...by, ...figures.map(added)].join(', ')} FROM rollups ${where.sql()}
         ${by.length ? `GROUP BY ${by.join(', ')} ORDER BY ${by.join(', ')}` : ''}`;
    // Raw rows: named rows cost a third more to read.
    const rows = this.db
      .prepare<(string | number)[], (string | number | null)[]>(sql)
      .raw(true)
      .all(...where.params) as unknown as (string | number | null)[][];
    const at = (name: string) => [...by, ...figures].indexOf(name);
    const [iTown, iDay, iKind] = [at('town'), at('day'), at('kind')];
    const [iSum, iCount, iPositive, iMin, iMax] = [
      at('sum'),
      at('count'),
      at('positive'),
      at('min'),
      at('max'),
    ];
    const get = (row: (string | number | null)[], i: number) => (i < 0 ? 0 : (row[i] as number));
    const totals: RollupTotal[] = [];
    for (const row of rows) {
      const count = row[iCount] as number;
      if (count > 0)
        totals.push({
          town: iTown < 0 ? null : (row[iTown] as string),
          day: iDay < 0 ? null : (row[iDay] as number),
          kind: iKind < 0 ? null : (row[iKind] as string),
          sum: get(row, iSum),
          count,
          positive: get(row, iPositive),
          min: get(row, iMin),
          max: get(row, iMax),
        });
    }
    if (!query.extremes) return totals;
    // SQLite gives an aggregate's bare columns the values of the row holding its one min() or max().
    const extreme = (fn: 'min' | 'max') =>
      this.db
        .prepare<(string | number)[], { k: string; v: number; id: number; day: number; town: string }>(
          `SELECT ${by.length ? `${by.join(" || '|' || ")}` : "''"} AS k, ${fn}(${fn}) AS v, ${fn}_id AS id, day, town
           FROM rollups ${where.sql()} ${by.length ? `GROUP BY ${by.join(', ')}` : ''}`,
        )
        .all(...where.params);
    const keyOf = (t: RollupTotal) => by.map((c) => String(t[c])).join('|');
    const mins = new Map(extreme('min').map((r) => [r.k, r]));
    const maxes = new Map(extreme('max').map((r) => [r.k, r]));
    return totals.map((t) => {
      const lo = mins.get(keyOf(t));
      const hi = maxes.get(keyOf(t));
      return {
        ...t,
        ...(lo ? { min_id: lo.id, min_day: lo.day, min_town: lo.town } : {}),
        ...(hi ? { max_id: hi.id, max_day: hi.day, max_town: hi.town } : {}),
      };
    });
  }

  async select(query: SelectQuery): Promise<SelectRow[]> {
    const paths = query.keys.map(keyPath);
    const where = new Where();
    const allDays = query.fromDay === undefined && query.toDay === undefined;
    // Kinds over some days in every town: named town by town, so the (kind, town, day) index seeks
    // each town's days instead of the planner reading every event of the kinds.
    const towns =
      query.kinds && !query.towns && !allDays
        ? this.statements.knownTowns.all().map((t) => t.town)
        : query.towns;
    where.addIn('kind', query.kinds);
    where.addIn('town', towns);
    if (query.fromDay !== undefined) where.add('day >= ?', query.fromDay);
    if (query.toDay !== undefined) where.add('day <= ?', query.toDay);
    where.addIn('day', query.days);
    if (query.fromHour !== undefined) where.add('hour >= ?', query.fromHour);
    if (query.toHour !== undefined) where.add('hour <= ?', query.toHour);
    where.addIn('actor', query.actors);
    for (const [key, values] of Object.entries(query.equals ?? {}))
      where.addIn('json_extract(data, ?)', values, keyPath(key));
    for (const c of query.conditions ?? []) {
      if (!OPERATORS.has(c.op)) throw new RangeError(`condition on "${c.key}": no operator "${c.op}"`);
      if (!Number.isFinite(c.value))
        throw new RangeError(`condition on "${c.key}": ${c.value} is not a number`);
      const path = keyPath(c.key);
      // A word under the key is no number: without the type check, SQLite finds text above every number.
      where.add(
        `json_type(data, ?) IN ('integer', 'real') AND json_extract(data, ?) ${c.op} ?`,
        path,
        path,
        c.value,
      );
    }
    const columns = paths.map((_, i) => `, json_extract(data, ?) AS v${i}`).join('');
    // Kinds and towns both given: their index, which holds just those events. Left to itself, the
    // planner prefers (town, day, hour) for one town, to save the sort, and reads all of the town.
    // Kinds over all days: the same index, which reads each town's rows in id order, where
    // (kind, actor) would sweep the table once per actor. Kinds over some days in every town: each
    // town named (above) and the same index, where the planner would read every event of the kinds.
    // In a bulk load (this process's, or another's on the same file) the index is not there, and
    // naming it would be an error: then the planner chooses.
    const order = query.newestFirst ? 'DESC' : 'ASC';
    const limit = query.limit !== undefined ? 'LIMIT ?' : '';
    const sqlWith = (index: string) =>
      `SELECT id, town, day, hour, kind, actor${columns} FROM events ${index} ${where.sql()}
       ORDER BY day ${order}, hour ${order}, id ${order} ${limit}`;
    const params = [...paths, ...where.params, ...(query.limit !== undefined ? [query.limit] : [])];
    const read = (sql: string) =>
      this.db
        .prepare<(string | number)[], SelectTuple>(sql)
        .raw(true)
        .all(...params) as unknown as SelectTuple[];
    let rows: SelectTuple[];
    if (query.kinds && (towns || allDays) && !this.bulk) {
      try {
        rows = read(sqlWith('INDEXED BY events_kind_town_time'));
      } catch (error) {
        if (!/no such index/.test((error as Error).message)) throw error;
        rows = read(sqlWith(''));
      }
    } else rows = read(sqlWith(''));
    const keys = query.keys;
    return rows.map((r) => {
      const values: SelectRow['values'] = {};
      for (let i = 0; i < keys.length; i++) values[keys[i] as string] = r[6 + i] ?? null;
      return { id: r[0], town: r[1], day: r[2], hour: r[3], kind: r[4], actor: r[5], values };
    });
  }

  async latestByActor(kinds: readonly string[]): Promise<StoredEvent[]> {
    return this.statements.latestByActor.all(JSON.stringify(kinds)).map(toEvent);
  }

  async actors(): Promise<ActorStats[]> {
    return this.statements.actors.all();
  }

  facetKeys(): readonly string[] {
    return this.facets;
  }

  async facetTotals(query: FacetQuery): Promise<FacetTotals> {
    this.derived.sync();
    return facetTotals(this.db, this.facets, query);
  }

  /** Read from the counters kept on ingest: it costs what the number of towns and gaps costs. */
  async stats(): Promise<StoreStats> {
    const s = this.statements;
    const gaps = new Map<string, [number, number][]>();
    for (const g of s.gaps.all()) {
      const list = gaps.get(g.town) ?? [];
      list.push([g.from_seq, g.to_seq]);
      gaps.set(g.town, list);
    }
    const rows = s.towns.all(JSON.stringify(NEVER_HEADLINES));
    const headlines = new Map(
      (await this.byIds(rows.flatMap((r) => (r.headline_id === null ? [] : [r.headline_id])))).map((e) => [
        e.id,
        e,
      ]),
    );
    const towns: TownStats[] = rows.map(({ headline_id, ...t }) => ({
      ...t,
      gaps: gaps.get(t.town) ?? [],
      headline: headline_id === null ? null : (headlines.get(headline_id) ?? null),
    }));
    return {
      events_total: towns.reduce((n, t) => n + t.events, 0),
      updates_total: towns.reduce((n, t) => n + t.updates, 0),
      last_event_id: s.lastId.get()?.id ?? 0,
      towns,
    };
  }

  /**
   * Many batches at once (simulate's fast-forward): the events' secondary indexes are dropped while
   * `load` runs and made again when it ends, however it ends: sorting a history into an index once
   * costs less than inserting into four B-trees per event. Each batch is still its own transaction,
   * de-duplicated and checked for conflicts (those use the updates' keys, which stay); counters are
   * kept as ever; the rollups and facets are added up as ever and written at the end (or when a
   * reader asks). A crash before the end leaves every acknowledged batch stored, the derived tables
   * behind and the indexes missing; opening the store catches them up and makes the indexes again.
   * Reads in the meantime are right but scan. Loads inside a load are part of it.
   */
  async bulkLoad<T>(load: () => Promise<T>): Promise<T> {
    if (this.bulk) return load();
    this.bulk = true;
    this.derived.setBulk(true);
    try {
      this.db.transaction(() => {
        for (const { name } of EVENT_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
      })();
      return await load();
    } finally {
      this.bulk = false;
      if (this.db.open) {
        this.derived.setBulk(false);
        ensureEventIndexes(this.db);
      }
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      this.derived.sync();
    } finally {
      this.db.close();
    }
  }
}

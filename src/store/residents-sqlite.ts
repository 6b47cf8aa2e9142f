/** The residents' store in its own SQLite file beside the event store (WAL, numbered migrations). */
import type Database from 'better-sqlite3';
import type { DayLog, Snapshot } from '../world/residents/engine.ts';
import type { Conversation, LocationKind, MemoryKind, ResidentsConfig } from '../world/residents/types.ts';
import type { TownId } from '../world/types.ts';
import { openDatabase } from './migrations.ts';
import type {
  AgendaSlot,
  ConversationQuery,
  ResidentStore,
  StoredMemory,
  StoredReport,
} from './residents.ts';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE residents (
     name TEXT PRIMARY KEY, town TEXT NOT NULL, job TEXT NOT NULL, roles TEXT NOT NULL,
     persona TEXT NOT NULL, interests TEXT NOT NULL, family TEXT, home TEXT NOT NULL,
     workplace TEXT NOT NULL, sociability REAL NOT NULL, position INTEGER NOT NULL);
   CREATE TABLE locations (
     id TEXT PRIMARY KEY, town TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
     capacity INTEGER NOT NULL, open_from REAL NOT NULL, open_to REAL NOT NULL, position INTEGER NOT NULL);
   CREATE TABLE activities (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, minutes INTEGER NOT NULL,
     position INTEGER NOT NULL);
   CREATE TABLE routes (
     from_town TEXT NOT NULL, to_town TEXT NOT NULL, hours REAL NOT NULL, by TEXT NOT NULL,
     PRIMARY KEY (from_town, to_town));
   CREATE TABLE relationships (
     a TEXT NOT NULL, b TEXT NOT NULL, score INTEGER NOT NULL, day INTEGER NOT NULL,
     PRIMARY KEY (a, b));
   CREATE TABLE conversations (
     id TEXT NOT NULL, day INTEGER NOT NULL, hour REAL NOT NULL, kind TEXT NOT NULL,
     town TEXT NOT NULL, location TEXT NOT NULL, participants TEXT NOT NULL, topic TEXT NOT NULL,
     summary TEXT NOT NULL, transcript TEXT NOT NULL, delta INTEGER NOT NULL,
     PRIMARY KEY (day, id));
   CREATE TABLE conversation_members (
     day INTEGER NOT NULL, conversation TEXT NOT NULL, resident TEXT NOT NULL);
   CREATE INDEX conversation_members_by_resident ON conversation_members (resident, day);
   CREATE TABLE memories (
     id INTEGER NOT NULL, day INTEGER NOT NULL, resident TEXT NOT NULL, t REAL NOT NULL,
     kind TEXT NOT NULL, text TEXT NOT NULL, importance INTEGER NOT NULL);
   CREATE INDEX memories_by_resident ON memories (resident, t);
   CREATE INDEX memories_by_day ON memories (day);
   CREATE TABLE resident_locations (
     day INTEGER NOT NULL, resident TEXT NOT NULL, town TEXT NOT NULL, location TEXT NOT NULL,
     since REAL NOT NULL);
   CREATE INDEX resident_locations_by_resident ON resident_locations (resident, since);
   CREATE INDEX resident_locations_by_day ON resident_locations (day);
   CREATE TABLE schedules (
     day INTEGER NOT NULL, resident TEXT NOT NULL, tick INTEGER NOT NULL, activity TEXT NOT NULL,
     location TEXT NOT NULL, partner TEXT, PRIMARY KEY (day, resident, tick));
   CREATE TABLE world_events (
     seq INTEGER NOT NULL, day INTEGER NOT NULL, hour REAL NOT NULL, tick INTEGER NOT NULL,
     resident TEXT NOT NULL, kind TEXT NOT NULL, activity TEXT NOT NULL, category TEXT NOT NULL,
     town TEXT NOT NULL, location TEXT NOT NULL, with_whom TEXT NOT NULL, text TEXT NOT NULL,
     data TEXT NOT NULL);
   CREATE INDEX world_events_by_day ON world_events (day, seq);
   CREATE TABLE daily_reports (
     day INTEGER PRIMARY KEY, markdown TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE run_state (id INTEGER PRIMARY KEY CHECK (id = 1), snapshot TEXT NOT NULL);`,
  // A resident's page reads their latest agenda.
  'CREATE INDEX schedules_by_resident ON schedules (resident, day);',
];

/** Tables that hold a day's records: storing the day again first clears them. */
const DAY_TABLES = [
  'conversations',
  'conversation_members',
  'memories',
  'resident_locations',
  'schedules',
  'world_events',
  'daily_reports',
];

const json = (value: unknown) => JSON.stringify(value);

interface ResidentRow {
  name: string;
  town: TownId;
  job: string;
  roles: string;
  persona: string;
  interests: string;
  family: string | null;
  home: string;
  workplace: string;
  sociability: number;
}

interface LocationRow {
  id: string;
  town: TownId;
  name: string;
  kind: LocationKind;
  capacity: number;
  open_from: number;
  open_to: number;
}

interface ConversationRow {
  id: string;
  day: number;
  hour: number;
  kind: 'chat' | 'meeting';
  town: TownId;
  location: string;
  participants: string;
  topic: string;
  summary: string;
  transcript: string;
  delta: number;
}

export class SqliteResidentStore implements ResidentStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = openDatabase(path, MIGRATIONS, "the residents' store");
  }

  async config(): Promise<ResidentsConfig | undefined> {
    const residents = this.db.prepare('SELECT * FROM residents ORDER BY position').all() as ResidentRow[];
    if (residents.length === 0) return undefined;
    const locations = this.db.prepare('SELECT * FROM locations ORDER BY position').all() as LocationRow[];
    return {
      residents: residents.map((r) => ({
        name: r.name,
        town: r.town,
        job: r.job,
        roles: JSON.parse(r.roles),
        persona: r.persona,
        interests: JSON.parse(r.interests),
        ...(r.family ? { family: JSON.parse(r.family) } : {}),
        home: r.home,
        workplace: r.workplace,
        sociability: r.sociability,
      })),
      locations: locations.map((l) => ({
        id: l.id,
        town: l.town,
        name: l.name,
        kind: l.kind,
        capacity: l.capacity,
        open: [l.open_from, l.open_to] as const,
      })),
      activities: this.db
        .prepare('SELECT id, name, category, minutes FROM activities ORDER BY position')
        .all() as never,
      routes: this.db
        .prepare('SELECT from_town AS "from", to_town AS "to", hours, by FROM routes')
        .all() as never,
    };
  }

  async saveConfig(config: ResidentsConfig): Promise<void> {
    this.db.transaction(() => {
      for (const table of [
        'residents',
        'locations',
        'activities',
        'routes',
        'run_state',
        'relationships',
        ...DAY_TABLES,
      ])
        this.db.exec(`DELETE FROM ${table}`);
      const r = this.db.prepare('INSERT INTO residents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      config.residents.forEach((x, i) => {
        r.run(
          x.name,
          x.town,
          x.job,
          json(x.roles),
          x.persona,
          json(x.interests),
          x.family ? json(x.family) : null,
          x.home,
          x.workplace,
          x.sociability,
          i,
        );
      });
      const l = this.db.prepare('INSERT INTO locations VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      config.locations.forEach((x, i) => {
        l.run(x.id, x.town, x.name, x.kind, x.capacity, x.open[0], x.open[1], i);
      });
      const a = this.db.prepare('INSERT INTO activities VALUES (?, ?, ?, ?, ?)');
      config.activities.forEach((x, i) => {
        a.run(x.id, x.name, x.category, x.minutes, i);
      });
      const route = this.db.prepare('INSERT INTO routes VALUES (?, ?, ?, ?)');
      for (const x of config.routes) route.run(x.from, x.to, x.hours, x.by);
    })();
  }

  async snapshot(): Promise<Snapshot | undefined> {
    const row = this.db.prepare('SELECT snapshot FROM run_state WHERE id = 1').get() as
      | { snapshot: string }
      | undefined;
    return row ? (JSON.parse(row.snapshot) as Snapshot) : undefined;
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    this.db.prepare('INSERT OR REPLACE INTO run_state (id, snapshot) VALUES (1, ?)').run(json(snapshot));
  }

  async saveDay(
    log: DayLog,
    report: StoredReport,
    relationships: { a: string; b: string; score: number }[],
  ): Promise<void> {
    const day = log.day;
    this.db.transaction(() => {
      for (const table of DAY_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE day = ?`).run(day);
      const event = this.db.prepare(
        'INSERT INTO world_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const where = this.db.prepare('INSERT INTO resident_locations VALUES (?, ?, ?, ?, ?)');
      for (const a of log.actions) {
        event.run(
          a.seq,
          day,
          a.hour,
          a.tick,
          a.resident,
          a.kind,
          a.activity,
          a.category,
          a.town,
          a.location,
          json(a.with),
          a.text,
          json(a.data),
        );
        if (a.kind === 'move' || a.kind === 'travel' || a.kind === 'arrive')
          where.run(day, a.resident, a.town, a.location, a.t);
      }
      const conversation = this.db.prepare(
        'INSERT INTO conversations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const member = this.db.prepare('INSERT INTO conversation_members VALUES (?, ?, ?)');
      for (const c of log.conversations) {
        conversation.run(
          c.id,
          day,
          c.hour,
          c.kind,
          c.town,
          c.location,
          json(c.participants),
          c.topic,
          c.summary,
          json(c.transcript),
          c.delta,
        );
        for (const p of c.participants) member.run(day, c.id, p);
      }
      const memory = this.db.prepare('INSERT INTO memories VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const m of log.memories) memory.run(m.id, day, m.resident, m.t, m.kind, m.text, m.importance);
      const slot = this.db.prepare('INSERT INTO schedules VALUES (?, ?, ?, ?, ?, ?)');
      for (const s of log.schedules)
        for (const x of s.slots) slot.run(day, s.resident, x.tick, x.activity, x.location, x.partner ?? null);
      const rel = this.db.prepare('INSERT OR REPLACE INTO relationships VALUES (?, ?, ?, ?)');
      for (const r of relationships) rel.run(r.a, r.b, r.score, day);
      this.db
        .prepare('INSERT INTO daily_reports VALUES (?, ?, ?, ?)')
        .run(day, report.markdown, json(report.json), new Date().toISOString());
    })();
  }

  async report(day: number): Promise<StoredReport | undefined> {
    const row = this.db.prepare('SELECT markdown, json FROM daily_reports WHERE day = ?').get(day) as
      | { markdown: string; json: string }
      | undefined;
    return row ? { day, markdown: row.markdown, json: JSON.parse(row.json) } : undefined;
  }

  async reportDays(): Promise<number[]> {
    return (this.db.prepare('SELECT day FROM daily_reports ORDER BY day').all() as { day: number }[]).map(
      (r) => r.day,
    );
  }

  async conversations(query: ConversationQuery): Promise<Conversation[]> {
    const member = (who: string) =>
      `EXISTS (SELECT 1 FROM conversation_members m WHERE m.day = c.day AND m.conversation = c.id AND m.resident = ${who})`;
    const where = `(@day IS NULL OR c.day = @day)
           AND (@resident IS NULL OR ${member('@resident')})
           AND (@with IS NULL OR ${member('@with')})`;
    const sql =
      query.last === undefined
        ? `SELECT * FROM conversations c WHERE ${where} ORDER BY day, hour, id`
        : `SELECT * FROM (SELECT * FROM conversations c WHERE ${where} ORDER BY day DESC, hour DESC, id DESC LIMIT @last)
           ORDER BY day, hour, id`;
    const rows = this.db.prepare(sql).all({
      day: query.day ?? null,
      resident: query.resident ?? null,
      with: query.with ?? null,
      ...(query.last === undefined ? {} : { last: query.last }),
    }) as ConversationRow[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      t: r.day - 1 + r.hour / 24,
      day: r.day,
      hour: r.hour,
      town: r.town,
      location: r.location,
      participants: JSON.parse(r.participants),
      topic: r.topic,
      transcript: JSON.parse(r.transcript),
      summary: r.summary,
      delta: r.delta,
    }));
  }

  async relationship(a: string, b: string): Promise<number | undefined> {
    const [x, y] = a < b ? [a, b] : [b, a];
    const row = this.db.prepare('SELECT score FROM relationships WHERE a = ? AND b = ?').get(x, y) as
      | { score: number }
      | undefined;
    return row?.score;
  }

  async relationshipsOf(resident: string): Promise<{ other: string; score: number }[]> {
    return this.db
      .prepare(
        `SELECT CASE WHEN a = @r THEN b ELSE a END AS other, score FROM relationships
         WHERE a = @r OR b = @r ORDER BY score DESC, other`,
      )
      .all({ r: resident }) as { other: string; score: number }[];
  }

  async memories(
    resident: string,
    query: { kinds?: readonly MemoryKind[]; last?: number } = {},
  ): Promise<StoredMemory[]> {
    const kinds = query.kinds ? `AND kind IN (${query.kinds.map(() => '?').join(', ')})` : '';
    const rows = this.db
      .prepare(
        `SELECT * FROM (SELECT id, day, resident, t, kind, text, importance FROM memories
           WHERE resident = ? ${kinds} ORDER BY t DESC, id DESC LIMIT ?)
         ORDER BY t, id`,
      )
      .all(resident, ...(query.kinds ?? []), query.last ?? -1) as StoredMemory[];
    return rows;
  }

  async agenda(resident: string, day: number): Promise<{ day: number; slots: AgendaSlot[] } | undefined> {
    const found = this.db
      .prepare('SELECT MAX(day) AS day FROM schedules WHERE resident = ? AND day <= ?')
      .get(resident, day) as { day: number | null };
    if (found.day === null) return undefined;
    const rows = this.db
      .prepare(
        `SELECT s.tick, s.activity, s.location, s.partner,
           (SELECT MIN(e.hour) FROM world_events e WHERE e.day = s.day AND e.tick = s.tick) AS hour
         FROM schedules s WHERE s.day = ? AND s.resident = ? ORDER BY s.tick`,
      )
      .all(found.day, resident) as (Omit<AgendaSlot, 'partner'> & { partner: string | null })[];
    return {
      day: found.day,
      slots: rows.map(({ partner, ...slot }) => (partner === null ? slot : { ...slot, partner })),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

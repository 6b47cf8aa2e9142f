/**
 * Stores written before a migration: a file at an older schema, holding a history written as the
 * code of that version wrote it, is opened by this version and answers as if it had kept
 * everything new from the start.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { IncomingUpdate } from '../../../src/events/schema.ts';
import { prepareUpdate } from '../../../src/store/digest.ts';
import { migrate } from '../../../src/store/migrations.ts';
import { EVENT_STORE_MIGRATIONS, SqliteEventStore } from '../../../src/store/sqlite.ts';
import type { StoredEvent } from '../../../src/store/store.ts';
import { expectedRollups, expectedSelect } from '../../contract/event-rollups.ts';
import { expectedTowns } from '../../contract/event-stats.ts';
import { plain } from '../../contract/store.ts';
import { History } from '../../helpers/history.ts';

/**
 * A store at schema `version` (3 or later: the updates and events tables are as version 3 made
 * them) holding `updates`, written row by row as the store of version 3 wrote them.
 */
function storeAt(path: string, version: number, updates: readonly IncomingUpdate[]): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, EVENT_STORE_MIGRATIONS.slice(0, version), 'an old event store');
    const insertUpdate = db.prepare(
      'INSERT INTO updates (id, town, seq, ts, day, hour, digest, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertEvent = db.prepare(
      'INSERT INTO events (update_id, town, town_seq, day, hour, ts, kind, actor, text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const u of updates) {
        const { dataJson, digest } = prepareUpdate(u);
        insertUpdate.run(u.id, u.town, u.seq, u.ts, u.day, u.hour, digest, '2026-11-30T00:00:00.000Z');
        u.events.forEach((e, i) => {
          insertEvent.run(
            u.id,
            u.town,
            u.seq,
            u.day,
            u.hour,
            u.ts,
            e.kind,
            e.actor ?? null,
            e.text,
            dataJson[i],
          );
        });
      }
    })();
  } finally {
    db.close();
  }
}

const allEvents = (store: SqliteEventStore): Promise<StoredEvent[]> => store.after(0, 1_000_000);

const numbersOf = (events: readonly StoredEvent[]) => [
  '*',
  ...new Set(events.flatMap((e) => Object.keys(e.data).filter((k) => typeof e.data[k] === 'number'))),
];

const rounded = <T extends { sum: number }>(rows: T[]) =>
  rows.map((r) => ({ ...r, sum: Number(r.sum.toPrecision(12)) }));

describe('an event store written before rollups (schema 3)', () => {
  const updates = JSON.parse(JSON.stringify(new History('migrations', 5).updates)) as IncomingUpdate[];

  test('opened, it has the rollups of its whole history, as if kept from the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-migrations-'));
    try {
      const path = join(dir, 'events.db');
      storeAt(path, 3, updates);
      const store = new SqliteEventStore(path);
      try {
        const events = await allEvents(store);
        assert.equal(
          events.length,
          updates.reduce((n, u) => n + u.events.length, 0),
        );
        const metrics = numbersOf(events);
        assert.ok(metrics.length > 30);
        for (const metric of metrics) {
          const expected = expectedRollups(events, { metric });
          assert.ok(expected.length > 0, metric);
          assert.deepEqual(rounded(await store.rollups({ metric })), rounded(expected), metric);
        }
        const q = { kinds: ['trade'], towns: ['circuiton'], fromDay: 2, keys: ['goods', 'quantity'] };
        assert.deepEqual(await store.select(q), expectedSelect(events, q));

        // What it held is still recognised: sent again, nothing is added up twice.
        const again = await store.append(structuredClone(updates.slice(0, 30)));
        assert.deepEqual([again.stored, again.duplicates], [0, 30]);
        const counted = (await store.rollups({ metric: '*' })).reduce((n, r) => n + r.count, 0);
        assert.equal(counted, events.length);
      } finally {
        await store.close();
      }
      // The migration ran once: the version is the last, and opening again changes nothing.
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('user_version', { simple: true }), EVENT_STORE_MIGRATIONS.length);
      db.close();
      const reopened = new SqliteEventStore(path);
      try {
        const events = await allEvents(reopened);
        assert.deepEqual(
          rounded(await reopened.rollups({ metric: 'fish' })),
          rounded(expectedRollups(events, { metric: 'fish' })),
        );
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an empty store of schema 3 opens with no rollups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-migrations-'));
    try {
      const path = join(dir, 'events.db');
      storeAt(path, 3, []);
      const store = new SqliteEventStore(path);
      try {
        assert.deepEqual(await store.rollups({ metric: '*' }), []);
        const { events } = await store.append(updates.slice(0, 3));
        assert.deepEqual(await store.rollups({ metric: '*' }), expectedRollups(events, { metric: '*' }));
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an event store written before the towns’ counters (schemas 3 and 4)', () => {
  const history = JSON.parse(JSON.stringify(new History('migrations', 5).updates)) as IncomingUpdate[];
  // Left out of the old store, so its towns have gaps; sent once it is open.
  const late = [history[5], history[17], history[18], history[40], history[41]] as IncomingUpdate[];
  const old = [
    ...history.filter((u) => !late.includes(u)),
    plain('circuiton', { day: 6, hour: 1 }),
    plain('hollow', { day: 2, hour: 3 }),
  ];

  for (const version of [3, 4]) {
    test(`at schema ${version}: opened, its stats are those of its history, and late updates fill its gaps`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chronicle-migrations-'));
      try {
        const path = join(dir, 'events.db');
        storeAt(path, 3, old);
        if (version === 4) {
          const db = new Database(path);
          migrate(db, EVENT_STORE_MIGRATIONS.slice(0, 4), 'an old event store');
          db.close();
        }
        const store = new SqliteEventStore(path);
        try {
          const events = await allEvents(store);
          const stats = await store.stats();
          assert.deepEqual(stats.towns, expectedTowns(old, events));
          assert.ok(stats.towns.some((t) => t.gaps.length > 0));
          assert.equal(stats.events_total, events.length);
          assert.equal(stats.updates_total, old.length);
          assert.equal(stats.last_event_id, events.at(-1)?.id);

          const filled = await store.append(structuredClone(late));
          assert.equal(filled.stored, late.length);
          const after = await store.stats();
          assert.deepEqual(after.towns, expectedTowns([...old, ...late], [...events, ...filled.events]));
          assert.ok(after.towns.every((t) => t.gaps.length === 0));
        } finally {
          await store.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('an event store written before the actors’ counts (schema 5)', () => {
  const history = JSON.parse(JSON.stringify(new History('migrations', 5).updates)) as IncomingUpdate[];

  /** What actors() must say of these events: each actor's count and first and last day, per town. */
  const expectedActors = (events: readonly StoredEvent[]) => {
    const byKey = new Map<
      string,
      { actor: string; town: string; events: number; first_day: number; last_day: number }
    >();
    for (const e of events) {
      if (e.actor === null) continue;
      const key = `${e.actor}\u0000${e.town}`;
      const a = byKey.get(key);
      if (a === undefined)
        byKey.set(key, { actor: e.actor, town: e.town, events: 1, first_day: e.day, last_day: e.day });
      else {
        a.events++;
        a.first_day = Math.min(a.first_day, e.day);
        a.last_day = Math.max(a.last_day, e.day);
      }
    }
    const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...byKey.values()].sort((a, b) => binary(a.actor, b.actor) || binary(a.town, b.town));
  };

  test('opened, its actors are those of its history, and new events add to them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-migrations-'));
    try {
      const path = join(dir, 'events.db');
      const [old, later] = [history.slice(0, 40), history.slice(40)];
      storeAt(path, 5, old);
      const store = new SqliteEventStore(path);
      try {
        const events = await allEvents(store);
        const actors = await store.actors();
        assert.ok(actors.length > 5);
        assert.deepEqual(actors, expectedActors(events));
        const added = await store.append(structuredClone(later));
        assert.equal(added.stored, later.length);
        assert.deepEqual(await store.actors(), expectedActors([...events, ...added.events]));
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a store whose bulk load was cut short', () => {
  test('its events’ indexes, dropped for the load, are made again when it is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-migrations-'));
    const indexes = ['events_time', 'events_town_time', 'events_kind_actor', 'events_kind_town_time'];
    const names = (db: Database.Database) =>
      db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'",
        )
        .all()
        .map((r) => r.name)
        .sort();
    try {
      const path = join(dir, 'events.db');
      const updates = JSON.parse(JSON.stringify(new History('cut-short', 2).updates)) as IncomingUpdate[];
      const store = new SqliteEventStore(path);
      await store.bulkLoad(async () => {
        await store.append(updates);
        // What a crash here leaves: the batch stored, the indexes gone.
        const seen = new Database(path, { readonly: true });
        assert.deepEqual(names(seen), []);
        seen.close();
        await store.close();
      });
      const again = new SqliteEventStore(path);
      try {
        const db = new Database(path, { readonly: true });
        assert.deepEqual(names(db), [...indexes].sort());
        db.close();
        const events = await allEvents(again);
        assert.equal(
          events.length,
          updates.reduce((n, u) => n + u.events.length, 0),
        );
        const q = { kinds: ['sensor'], towns: ['circuiton'], keys: ['temperature_c'] };
        assert.deepEqual(await again.select(q), expectedSelect(events, q));
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A bulk load (simulate's fast-forward: batches of BATCH_UPDATES inside EventStore.bulkLoad) leaves
 * the same store as the same updates appended one at a time: every event row, its id and order,
 * every rollup row (sums to 12 digits), every update's key and digest, and the towns' counters and
 * gaps.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { IncomingUpdate } from '../../../src/events/schema.ts';
import { BATCH_UPDATES } from '../../../src/simulation/into-store.ts';
import { SqliteEventStore } from '../../../src/store/sqlite.ts';
import { WORLD } from '../../../src/world/map.ts';
import { simulate } from '../../../src/world/simulate.ts';

const TABLES: Record<string, string> = {
  events: 'SELECT * FROM events ORDER BY id',
  rollups: 'SELECT * FROM rollups ORDER BY metric, town, day, kind',
  // received_at is the clock's, not the history's.
  updates: 'SELECT id, town, seq, ts, day, hour, digest FROM updates ORDER BY rowid',
  town_stats: 'SELECT * FROM town_stats ORDER BY town',
  town_kinds: 'SELECT * FROM town_kinds ORDER BY town, kind',
  seq_gaps: 'SELECT * FROM seq_gaps ORDER BY town, from_seq',
};

/**
 * A rollup's sum is added up in another order when the updates come in other batches (a batch's
 * own sum, then added to the row's): floating point agrees to the last few bits, not to all.
 */
const rounded = (row: Record<string, unknown>) =>
  typeof row.sum === 'number' ? { ...row, sum: Number(row.sum.toPrecision(12)) } : row;

function rows(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(TABLES).map(([table, sql]) => [
        table,
        (db.prepare(sql).all() as Record<string, unknown>[]).map(rounded),
      ]),
    );
  } finally {
    db.close();
  }
}

test('a bulk load stores what appending update by update stores, row for row', {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bulk-equal-'));
  try {
    // Enough days for more than one batch, and a batch sent again within the load.
    const updates = [...simulate({ world: WORLD, seed: 'bulk-equal', days: 120, epochMs: 0 })];
    assert.ok(updates.length > 2 * BATCH_UPDATES);
    const clone = () => structuredClone(updates) as IncomingUpdate[];

    const bulkPath = join(dir, 'bulk.db');
    const bulk = new SqliteEventStore(bulkPath);
    const sent = clone();
    await bulk.bulkLoad(async () => {
      for (let i = 0; i < sent.length; i += BATCH_UPDATES) {
        await bulk.append(sent.slice(i, i + BATCH_UPDATES));
        if (i === BATCH_UPDATES) {
          const again = await bulk.append(clone().slice(0, BATCH_UPDATES));
          assert.equal(again.duplicates, BATCH_UPDATES);
        }
      }
    });
    await bulk.close();

    const onePath = join(dir, 'one.db');
    const one = new SqliteEventStore(onePath);
    // The reference store's durability is not what is compared: thousands of commits, unsynced.
    (one as unknown as { db: Database.Database }).db.pragma('synchronous = OFF');
    for (const update of clone()) await one.append([update]);
    await one.close();

    const expected = rows(onePath);
    const actual = rows(bulkPath);
    for (const table of Object.keys(TABLES)) {
      assert.ok((expected[table] as unknown[]).length > 0 || table === 'seq_gaps', `${table} has rows`);
      assert.deepEqual(actual[table], expected[table], table);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bulk load writes the rollups and facets once, at its end, not every 20,000 events', {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bulk-derived-'));
  try {
    const updates = [...simulate({ world: WORLD, seed: 'bulk-derived', days: 200, epochMs: 0 })];
    const path = join(dir, 'bulk.db');
    const store = new SqliteEventStore(path);
    // What another connection sees of the derived tables: the mark of the last event they hold.
    const marked = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT through_id AS id FROM derived_state').get() as { id: number };
      } finally {
        db.close();
      }
    };
    let stored = 0;
    await store.bulkLoad(async () => {
      for (let i = 0; i < updates.length; i += BATCH_UPDATES)
        stored += (await store.append(updates.slice(i, i + BATCH_UPDATES))).events.length;
      assert.ok(stored > 20_000, `${stored} events, more than one write's worth outside a bulk load`);
      assert.equal(marked().id, 0, 'nothing written during the load');
    });
    assert.equal(marked().id, stored, 'every event added up when the load ends');
    const counted = (await store.rollups({ metric: '*' })).reduce((n, r) => n + r.count, 0);
    assert.equal(counted, stored, 'the rollups count every event once');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A bulk load killed in the middle (SIGKILL, while the events' indexes are dropped): opened again,
 * the store holds every batch it acknowledged, each whole, its indexes are back, and its rollups and
 * counters are those of the events it holds.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { IncomingUpdate } from '../../src/events/schema.ts';
import { SqliteEventStore } from '../../src/store/sqlite.ts';
import { WORLD } from '../../src/world/map.ts';
import { simulate } from '../../src/world/simulate.ts';
import { expectedRollups } from '../contract/event-rollups.ts';
import { expectedTowns } from '../contract/event-stats.ts';
import { exited, start, waitFor } from '../helpers/cli.ts';

const CHILD = fileURLToPath(new URL('../helpers/bulk-load-child.ts', import.meta.url));
const INDEXES = ['events_time', 'events_town_time', 'events_kind_actor', 'events_kind_town_time'];
const rounded = <T extends { sum: number }>(rows: T[]) =>
  rows.map((r) => ({ ...r, sum: Number(r.sum.toPrecision(12)) }));

test('a bulk load killed in the middle loses nothing acknowledged, and the store opens whole', {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bulk-crash-'));
  try {
    const path = join(dir, 'events.db');
    const days = 1500;
    const child = start(['--import', 'tsx', CHILD, path, String(days), 'bulk-crash']);
    const acknowledged = () => child.lines.filter((l) => l.text.startsWith('['));
    await waitFor(() => acknowledged().length >= 4 || child.child.exitCode !== null, 60_000, 'four batches');
    child.child.kill('SIGKILL');
    await exited(child.child);
    assert.ok(!child.lines.some((l) => l.text === 'done'), 'killed before the load ended');

    // As the crash left it: the indexes dropped, the load half done.
    const raw = new Database(path, { readonly: true });
    const left = raw
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'")
      .all();
    raw.close();
    assert.ok(
      INDEXES.every((name) => !left.some((i) => i.name === name)),
      `indexes dropped at the kill: ${JSON.stringify(left)}`,
    );

    const store = new SqliteEventStore(path);
    try {
      const events = await store.after(0, 10_000_000);
      const storedIds = new Set(events.map((e) => e.update_id));
      const ack = acknowledged().flatMap((l) => JSON.parse(l.text) as string[]);
      assert.ok(ack.length >= 800);
      assert.deepEqual(
        ack.filter((id) => !storedIds.has(id)),
        [],
        'every acknowledged update is stored',
      );
      // Whole batches only: what is stored is a prefix of what the load sent, each update with all its events.
      const sent = [...simulate({ world: WORLD, seed: 'bulk-crash', days, epochMs: 0 })] as IncomingUpdate[];
      const stored = sent.slice(0, storedIds.size);
      assert.ok(stored.every((u) => storedIds.has(u.id)));
      assert.equal(storedIds.size % 200, 0, 'whole batches');
      assert.equal(
        events.length,
        stored.reduce((n, u) => n + u.events.length, 0),
      );

      const db = (store as unknown as { db: Database.Database }).db;
      const now = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index'")
        .all();
      for (const name of INDEXES)
        assert.ok(
          now.some((i) => i.name === name),
          `${name} made again at open`,
        );
      const plan = db
        .prepare<[], { detail: string }>(
          "EXPLAIN QUERY PLAN SELECT id FROM events WHERE town = 'circuiton' ORDER BY day, hour, id",
        )
        .all();
      assert.match(plan.map((p) => p.detail).join('\n'), /events_town_time/);

      const stats = await store.stats();
      assert.equal(stats.events_total, events.length);
      assert.deepEqual(stats.towns, expectedTowns(stored, events));
      for (const metric of ['*', 'fish', 'temperature_c'])
        assert.deepEqual(
          rounded(await store.rollups({ metric })),
          rounded(expectedRollups(events, { metric })),
          metric,
        );
      // And it carries on: the rest of the load, sent again, is stored, and what it had is a repeat.
      const rest = await store.append(sent.slice(storedIds.size - 5, storedIds.size + 100));
      assert.deepEqual([rest.stored, rest.duplicates], [100, 5]);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

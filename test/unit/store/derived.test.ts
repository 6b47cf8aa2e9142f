/**
 * The rollups and facets kept a batch behind ingest (src/store/sqlite-derived.ts): whoever reads
 * them, one connection or two writing the same file in turn, they are exactly those of the stored
 * events, each counted once; and sums still in memory when a connection goes away unclosed are
 * added up by the next one to open the file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { IncomingUpdate } from '../../../src/events/schema.ts';
import { SqliteEventStore } from '../../../src/store/sqlite.ts';
import type { StoredEvent } from '../../../src/store/store.ts';
import { WORLD } from '../../../src/world/map.ts';
import { expectedRollups } from '../../contract/event-rollups.ts';
import { History } from '../../helpers/history.ts';

const updates = JSON.parse(JSON.stringify(new History('derived', 70).updates)) as IncomingUpdate[];
const rounded = <T extends { sum: number }>(rows: T[]) =>
  rows.map((r) => ({ ...r, sum: Number(r.sum.toPrecision(12)) }));

/** Each metric's rollups, and the facets' totals of the whole spans, as the store answers them. */
async function derivedOf(store: SqliteEventStore) {
  const metrics = ['*', 'fish', 'raid_gold', 'temperature_c', 'cargo_items'];
  const rollups = await Promise.all(metrics.map(async (metric) => rounded(await store.rollups({ metric }))));
  const facets = await store.facetTotals({ metric: '*', fromDay: 1, toDay: 70 });
  const count = facets.rows.reduce((n, r) => n + r.count, 0);
  return { rollups, facetEvents: count };
}

function expectedOf(events: readonly StoredEvent[]) {
  const metrics = ['*', 'fish', 'raid_gold', 'temperature_c', 'cargo_items'];
  return {
    rollups: metrics.map((metric) => rounded(expectedRollups(events, { metric }))),
    // Days 1–64 are the two whole spans inside days 1–70.
    facetEvents: events.filter((e) => e.day <= 64).length,
  };
}

test('two connections writing one file in turn: the derived tables count every event once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-derived-'));
  const path = join(dir, 'events.db');
  const facets = WORLD.facetKeys;
  const events: StoredEvent[] = [];
  const slices = [0, 150, 300, 450, 600, 750, updates.length].map((n) => Math.min(n, updates.length));
  const part = (i: number) => structuredClone(updates.slice(slices[i], slices[i + 1]));
  const a = new SqliteEventStore(path, { facets });
  let b: SqliteEventStore | undefined;
  try {
    events.push(...(await a.append(part(0))).events);
    // B opens while A still holds its sums in memory, and adds them up from the events.
    b = new SqliteEventStore(path, { facets });
    assert.deepEqual(await derivedOf(b), expectedOf(events));
    events.push(...(await a.append(part(1))).events);
    events.push(...(await b.append(part(2))).events);
    events.push(...(await a.append(part(3))).events);
    assert.deepEqual(await derivedOf(a), expectedOf(events));
    events.push(...(await b.append(part(4))).events);
    assert.deepEqual(await derivedOf(b), expectedOf(events));
    assert.deepEqual(await derivedOf(a), expectedOf(events));
    // A goes away without closing, its last sums only in memory; B closes; a third opens whole.
    events.push(...(await a.append(part(5))).events);
    await b.close();
    b = undefined;
    const c = new SqliteEventStore(path, { facets });
    try {
      assert.ok(events.length > 5000);
      assert.deepEqual(await derivedOf(c), expectedOf(events));
      // A repeat adds nothing.
      const again = await c.append(part(5));
      assert.equal(again.stored, 0);
      assert.deepEqual(await derivedOf(c), expectedOf(events));
    } finally {
      await c.close();
    }
    // A closes at last: its sums in memory were added up by the others, and are not added again.
    await a.close();
    const d = new SqliteEventStore(path, { facets });
    try {
      assert.deepEqual(await derivedOf(d), expectedOf(events));
    } finally {
      await d.close();
    }
  } finally {
    await b?.close();
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

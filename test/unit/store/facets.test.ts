/**
 * The SQLite store's facet rollups: per town, kind, span of days and facet (actor and the facet
 * keys' values), checked against totals worked out here from the events the store acknowledged;
 * rebuilt when the store is opened with other keys or was written before them, kept otherwise.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { IncomingUpdate } from '../../../src/events/schema.ts';
import { FACET_SPAN_DAYS, spanOf, wholeSpans } from '../../../src/store/facets.ts';
import { migrate } from '../../../src/store/migrations.ts';
import { EVENT_STORE_MIGRATIONS, SqliteEventStore } from '../../../src/store/sqlite.ts';
import type { FacetQuery, FacetRow, StoredEvent } from '../../../src/store/store.ts';
import { WORLD } from '../../../src/world/map.ts';
import { History } from '../../helpers/history.ts';

const DAYS = 75;
const KEYS = WORLD.facetKeys;

/** What facetTotals must say, worked out one event at a time. */
function expected(events: readonly StoredEvent[], keys: readonly string[], q: FacetQuery) {
  const spans = wholeSpans(q.fromDay, q.toDay);
  if (spans === null) return [];
  const rows = new Map<string, FacetRow>();
  for (const e of events) {
    const span = spanOf(e.day);
    if (span < spans[0] || span > spans[1]) continue;
    if (q.towns && !q.towns.includes(e.town)) continue;
    if (q.kinds && !q.kinds.includes(e.kind)) continue;
    if (q.actors && (e.actor === null || !q.actors.includes(e.actor))) continue;
    if (Object.entries(q.equals ?? {}).some(([k, values]) => !values.includes(e.data[k] as string))) continue;
    const value = q.metric === '*' ? 1 : e.data[q.metric];
    if (typeof value !== 'number') continue;
    const fields = Object.fromEntries(
      keys.filter((k) => typeof e.data[k] === 'string').map((k) => [k, e.data[k] as string]),
    );
    const key = JSON.stringify([e.town, e.kind, span, e.actor, fields]);
    const row = rows.get(key) ?? {
      town: e.town,
      kind: e.kind,
      span,
      actor: e.actor,
      fields,
      sum: 0,
      count: 0,
      positive: 0,
    };
    row.sum += value;
    row.count++;
    if (value > 0) row.positive++;
    rows.set(key, row);
  }
  return sorted([...rows.values()]);
}

const sorted = (rows: FacetRow[]) =>
  rows
    .map((r) => ({ ...r, sum: Number(r.sum.toPrecision(12)) }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

const QUERIES: FacetQuery[] = [
  { metric: 'fish', towns: ['port-logic'], fromDay: 1, toDay: DAYS },
  { metric: '*', kinds: ['trade'], fromDay: 5, toDay: 70 },
  { metric: 'value_gold', kinds: ['trade'], fromDay: 1, toDay: DAYS, equals: { from: ['port-logic'] } },
  { metric: 'cargo_items', fromDay: 1, toDay: 64, equals: { goods: ['flour', 'grain'], to: ['circuiton'] } },
  { metric: 'raid_gold', kinds: ['raid'], fromDay: 1, toDay: DAYS, equals: { target: ['patchbourough'] } },
  { metric: 'ore_tons', actors: ['Ida Pike', 'Oskar Flint'], fromDay: 30, toDay: DAYS },
  { metric: 'fish', towns: ['port-logic'], fromDay: 2, toDay: 40 },
];

let dir = '';
let path = '';
const events: StoredEvent[] = [];
const updates = JSON.parse(JSON.stringify(new History('facets', DAYS).updates)) as IncomingUpdate[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chronicle-facets-'));
  path = join(dir, 'events.db');
  const store = new SqliteEventStore(path, { facets: KEYS });
  for (let i = 0; i < updates.length; i += 500) {
    // Each batch's facets are added to what the keys hold: spans cross batches.
    events.push(...(await store.append(structuredClone(updates.slice(i, i + 500)))).events);
  }
  // Sent again, nothing is added twice.
  await store.append(structuredClone(updates.slice(0, 200)));
  await store.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function checkAll(store: SqliteEventStore, keys: readonly string[]) {
  for (const q of QUERIES) {
    if (Object.keys(q.equals ?? {}).some((k) => !keys.includes(k))) continue;
    const got = await store.facetTotals(q);
    const want = expected(events, keys, q);
    const spans = wholeSpans(q.fromDay, q.toDay);
    if (spans) {
      assert.equal(got.from, spans[0] * FACET_SPAN_DAYS + 1, `${JSON.stringify(q)}: from`);
      assert.equal(got.to, (spans[1] + 1) * FACET_SPAN_DAYS, `${JSON.stringify(q)}: to`);
      assert.ok(want.length > 0, `${JSON.stringify(q)} holds events`);
    } else assert.ok(got.from > got.to, `${JSON.stringify(q)}: no whole span`);
    assert.deepEqual(sorted(got.rows), want, JSON.stringify(q));
  }
}

describe('facet rollups', () => {
  test('kept on ingest: totals per town, kind, span, actor and facet keys, over whole spans', async () => {
    const store = new SqliteEventStore(path, { facets: KEYS });
    try {
      assert.deepEqual(store.facetKeys(), [...KEYS].sort());
      await checkAll(store, KEYS);
    } finally {
      await store.close();
    }
  });

  test('a key that is not a facet key is a RangeError naming it', async () => {
    const store = new SqliteEventStore(path, { facets: KEYS });
    try {
      await assert.rejects(
        store.facetTotals({ metric: '*', fromDay: 1, toDay: DAYS, equals: { shipment: ['x'] } }),
        (error: Error) => error instanceof RangeError && /"shipment"/.test(error.message),
      );
    } finally {
      await store.close();
    }
  });

  test('opened with other keys, rebuilt for them; opened without, kept as they are', async () => {
    const fewer = ['goods'];
    let store = new SqliteEventStore(path, { facets: fewer });
    try {
      assert.deepEqual(store.facetKeys(), fewer);
      await checkAll(store, fewer);
    } finally {
      await store.close();
    }
    store = new SqliteEventStore(path);
    try {
      assert.deepEqual(store.facetKeys(), fewer);
      await checkAll(store, fewer);
    } finally {
      await store.close();
    }
    store = new SqliteEventStore(path, { facets: [...KEYS].reverse() });
    try {
      assert.deepEqual(store.facetKeys(), [...KEYS].sort());
      await checkAll(store, KEYS);
    } finally {
      await store.close();
    }
  });

  test('a store written before facets (schema 6) has them for its whole history once opened', async () => {
    const old = join(dir, 'old.db');
    const db = new Database(old);
    migrate(db, EVENT_STORE_MIGRATIONS.slice(0, 6), 'an old event store');
    db.close();
    // Written by this version's ingest at schema 6, then its facet tables dropped: what an older
    // version left.
    const write = new SqliteEventStore(old);
    for (let i = 0; i < updates.length; i += 500)
      await write.append(structuredClone(updates.slice(i, i + 500)));
    await write.close();
    const raw = new Database(old);
    raw.exec('DROP TABLE facets; DROP TABLE facet_state; DROP TABLE derived_state; PRAGMA user_version = 6;');
    raw.close();
    const store = new SqliteEventStore(old, { facets: KEYS });
    try {
      await checkAll(store, KEYS);
    } finally {
      await store.close();
    }
  });
});

/**
 * The readers of the history, on a world fast-forwarded by `chronicle simulate` into its store:
 * every answer is checked against the towns' own logs, not against the store's own queries.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { StoredEvent } from '../../src/events/contracts.ts';
import type { Update } from '../../src/world/types.ts';
import { type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { BIN, run } from '../helpers/cli.ts';

const TOWNS = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-history-'));
let agg: TestAggregator;
let logs: Update[];

const logOf = (town: string): Update[] =>
  readFileSync(join(dataDir, 'towns', town, 'updates.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

before(async () => {
  const r = await run([BIN, 'simulate', '--days', '6', '--seed', '7', '--data', dataDir]);
  assert.equal(r.code, 0, r.stderr);
  agg = await startAggregator({ dataDir });
  logs = TOWNS.flatMap(logOf);
});
after(() => agg.stop());

/** Every (update, event) of the towns' logs, as plain facts to check the API against. */
const facts = () => logs.flatMap((u) => u.events.map((e) => ({ u, e })));

describe('chronicle simulate into the store', () => {
  test('stores every update of every town once, with sequences 1..N, and moves the clock on', async () => {
    const { events } = await agg.history();
    assert.equal(events.length, facts().length);
    for (const town of TOWNS) {
      const seqs = [...new Set(events.filter((e) => e.town === town).map((e) => e.town_seq as number))].sort(
        (a, b) => a - b,
      );
      assert.deepEqual(
        seqs,
        logOf(town).map((u) => u.seq),
      );
      assert.deepEqual(
        seqs,
        seqs.map((_, i) => i + 1),
      );
    }
    const world = await agg.get('/api/world');
    assert.equal(world.body.seed, '7');
    assert.ok(world.body.day >= 7, `the world's clock is on day ${world.body.day}`);
    assert.equal(world.body.events_total, events.length);
    assert.deepEqual(world.body.sequence_gaps, {});
  });

  test('a second simulate carries every town on from where it stood', async () => {
    await agg.stop();
    const r = await run([BIN, 'simulate', '--days', '2', '--data', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    // A fast clock: the town that joins below follows it, and at speed 1 its next update could be
    // half a minute of real time away.
    agg = await startAggregator({ dataDir, speed: 50 });
    logs = TOWNS.flatMap(logOf);
    for (const town of TOWNS) {
      const log = logOf(town);
      assert.deepEqual(
        log.map((u) => u.seq),
        log.map((_, i) => i + 1),
      );
      assert.equal(log.at(-1)?.day, 8);
    }
    assert.equal((await agg.history()).events.length, facts().length);
  });
});

describe('GET /api/events', () => {
  test('pages through the whole history in world-time order, each event once', async () => {
    const seen: StoredEvent[] = [];
    let cursor: string | null = null;
    do {
      const page = await agg.get(`/api/events?limit=137${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.body.events.length <= 137);
      seen.push(...page.body.events);
      cursor = page.body.next;
    } while (cursor);
    assert.equal(new Set(seen.map((e) => e.id)).size, facts().length);
    const keys = seen.map((e) => [e.day, e.hour, e.id]);
    const sorted = [...keys].sort(
      (a, b) =>
        (a[0] as number) - (b[0] as number) ||
        (a[1] as number) - (b[1] as number) ||
        (a[2] as number) - (b[2] as number),
    );
    assert.deepEqual(keys, sorted);
  });

  test('filters by town, kind, days and words, together', async () => {
    const page = await agg.get('/api/events?town=circuiton&kind=mining&from_day=2&to_day=4&q=ore&limit=1000');
    const expected = facts().filter(
      ({ u, e }) =>
        u.town === 'circuiton' &&
        e.kind === 'mining' &&
        u.day >= 2 &&
        u.day <= 4 &&
        e.text.toLowerCase().includes('ore'),
    );
    assert.equal(page.body.events.length, expected.length);
    assert.ok(expected.length > 10);
    assert.deepEqual(
      page.body.events.map((e: StoredEvent) => e.text).sort(),
      expected.map(({ e }) => e.text).sort(),
    );
  });

  test('bad parameters are refused with 400 and a message', async () => {
    for (const query of [
      'limit=0',
      'limit=5000',
      'from_day=0',
      'town=atlantis',
      'kind=DROP%20TABLE',
      'cursor=bm9wZQ',
      'colour=red',
    ]) {
      const r = await agg.get(`/api/events?${query}`);
      assert.equal(r.status, 400, query);
      assert.equal(typeof r.body.error, 'string');
    }
  });
});

describe('GET /api/metrics and /api/days/:day', () => {
  test('daily sums, means, minima, maxima and counts equal those computed from the logs', async () => {
    for (const [metric, town] of [
      ['fish', 'port-logic'],
      ['ore_tons', 'circuiton'],
      ['temperature_c', 'den-of-thieves'],
    ] as const) {
      const values = (day: number) =>
        facts()
          .filter(({ u, e }) => u.town === town && u.day === day && typeof e.data[metric] === 'number')
          .map(({ e }) => e.data[metric] as number);
      for (const aggregate of ['sum', 'mean', 'min', 'max', 'count'] as const) {
        const r = await agg.get(`/api/metrics?metric=${metric}&town=${town}&aggregate=${aggregate}`);
        assert.equal(r.status, 200);
        assert.equal(r.body.points.length, 8);
        for (const point of r.body.points) {
          const xs = values(point.day);
          const expected = {
            sum: xs.reduce((a, b) => a + b, 0),
            mean: xs.reduce((a, b) => a + b, 0) / xs.length,
            min: Math.min(...xs),
            max: Math.max(...xs),
            count: xs.length,
          }[aggregate];
          assert.ok(
            Math.abs(point.value - expected) < 1e-6,
            `${metric} ${aggregate} day ${point.day}: ${point.value} ≠ ${expected}`,
          );
        }
      }
    }
  });

  test('a metric or town the world does not declare is refused with 400 naming it and the known ones', async () => {
    const world = (await agg.get('/api/world')).body;
    const declared: string[] = [
      ...new Set<string>(world.towns.flatMap((t: Body) => t.metrics.map((m: Body) => m.key))),
    ];
    for (const [query, parameter, known] of [
      ['metric=gold_doubloons', 'metric', declared],
      // A key events carry that is no number the towns declare.
      ['metric=grain_stock_lbs&town=patchbourough', 'metric', declared],
      ['metric=fish&town=atlantis', 'town', TOWNS],
    ] as const) {
      const r = await agg.get(`/api/metrics?${query}`);
      assert.equal(r.status, 400, query);
      assert.equal(r.body.error, `${parameter} must be one of: ${known.join(', ')}`, query);
    }
    assert.equal((await agg.get('/api/metrics')).status, 400, 'metric is required');
    // Every declared metric of every town is served.
    for (const town of world.towns) {
      for (const m of town.metrics) {
        const r = await agg.get(`/api/metrics?metric=${m.key}&town=${town.id}&kind=${m.kind}`);
        assert.equal(r.status, 200, `${town.id} ${m.key}`);
        assert.ok(Array.isArray(r.body.points));
      }
    }
    const tide = await agg.get('/api/metrics?metric=tide_m&town=port-logic&aggregate=mean');
    assert.equal(tide.body.points.length, 8);
  });

  test('bucket=update gives one point per update', async () => {
    const r = await agg.get('/api/metrics?metric=drinks&town=den-of-thieves&bucket=update');
    const expected = facts().filter(({ u, e }) => u.town === 'den-of-thieves' && e.kind === 'drinking');
    assert.equal(r.body.points.length, expected.length);
  });

  test('a day’s totals per town equal the logs’ sums, and its highlights happened that day', async () => {
    const r = await agg.get('/api/days/3');
    assert.equal(r.status, 200);
    for (const town of TOWNS) {
      const day = facts().filter(({ u }) => u.town === town && u.day === 3);
      const summary = r.body.towns[town];
      assert.equal(summary.events, day.length);
      for (const key of ['fish', 'harvest', 'ore_tons', 'trinkets', 'drinks']) {
        const sum = day
          .filter(({ e }) => e.kind !== 'sensor' && typeof e.data[key] === 'number')
          .reduce((n, { e }) => n + (e.data[key] as number), 0);
        if (sum > 0) assert.ok(Math.abs(summary.totals[key] - sum) < 1e-6, `${town} ${key}`);
      }
      assert.ok(summary.highlights.every((h: StoredEvent) => h.day === 3 && h.town === town));
      assert.ok(summary.sensors.temperature_c.min <= summary.sensors.temperature_c.max);
    }
    assert.equal((await agg.get('/api/days/0')).status, 400);
    assert.equal((await agg.get('/api/days/abc')).status, 400);
  });
});

describe('a town joining the fast-forwarded world', () => {
  test('follows the aggregator’s clock and carries on its sequence', async () => {
    const before = logOf('circuiton').at(-1) as Update;
    const r = await run([
      BIN,
      'town',
      'circuiton',
      '--data',
      dataDir,
      '--server',
      agg.url,
      '--speed',
      '50',
      '--updates',
      '2',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const log = logOf('circuiton');
    assert.deepEqual(
      log.slice(-2).map((u) => u.seq),
      [before.seq + 1, before.seq + 2],
    );
    assert.ok((log.at(-1) as Update).day >= before.day);
    const stored = (await agg.history()).events.filter(
      (e) => e.town === 'circuiton' && (e.town_seq ?? 0) > before.seq,
    );
    assert.equal(new Set(stored.map((e) => e.town_seq)).size, 2);
  });
});

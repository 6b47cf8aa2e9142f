/**
 * POST /api/query against a real aggregator on a simulated history: every aggregation,
 * granularity, filter, group, order, compare, correlate and trend, each checked against values
 * worked out here from the raw events the simulation wrote; bad queries get 400 naming the field.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { callTool, toolDefinitions } from '../../src/agent/model-tools.ts';
import { HistoryTools } from '../../src/agent/tools.ts';
import { vocabularyOf } from '../../src/agent/vocabulary.ts';
import { eventStorePath } from '../../src/files/data-dir.ts';
import { openEventStore } from '../../src/store/open.ts';
import { WORLD } from '../../src/world/map.ts';
import { simulate } from '../../src/world/simulate.ts';
import type { Update } from '../../src/world/types.ts';
import { type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';

interface Raw {
  id: number;
  town: string;
  day: number;
  hour: number;
  kind: string;
  actor?: string;
  data: Record<string, number | string>;
}

// Past two spans of the store's facets (32 days each), so ranges have whole spans and part-spans.
const DAYS = 70;
let aggregator: TestAggregator;
let raw: Raw[] = [];
let dataDir = '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'chronicle-query-'));
  const updates = [...simulate({ world: WORLD, seed: '5', days: DAYS, epochMs: Date.UTC(2026, 0, 1) })].map(
    (u) => JSON.parse(JSON.stringify(u)) as Update,
  );
  const store = await openEventStore(eventStorePath(dataDir));
  for (let i = 0; i < updates.length; i += 1000) await store.append(updates.slice(i, i + 1000));
  await store.close();
  // A fresh store numbers the events 1, 2, 3… in the order they were appended.
  let id = 0;
  raw = updates.flatMap((u) =>
    u.events.map((e) => ({ ...e, id: ++id, town: u.town, day: u.day, hour: u.hour })),
  );
  aggregator = await startAggregator({ dataDir, seed: '5' });
});
after(() => aggregator?.stop());

async function query(body: unknown): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${aggregator.url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The result of a query that must succeed, and the day it was answered on. */
async function ok(body: unknown): Promise<Body> {
  const { status, body: reply } = await query(body);
  assert.equal(status, 200, JSON.stringify(reply));
  return reply;
}

const num = (e: Raw, key: string) => e.data[key] as number;
const has = (key: string) => (e: Raw) => typeof e.data[key] === 'number';
const close = (a: number | null, b: number, what: string) =>
  assert.ok(a !== null && Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);
const ids = (list: readonly Raw[]) => list.map((e) => e.id).sort((a, b) => a - b);
const sum = (list: readonly Raw[], key: string) => list.reduce((s, e) => s + num(e, key), 0);
const upTo = (today: number) => raw.filter((e) => e.day <= today);
const fishing = (from: number, to: number) =>
  raw.filter(
    (e) => e.town === 'port-logic' && e.kind === 'fishing' && has('fish')(e) && e.day >= from && e.day <= to,
  );

/** Daily totals (or means) of a selection, by day. */
function daily(list: readonly Raw[], key: string, how: 'sum' | 'mean'): Map<number, number> {
  const by = new Map<number, number[]>();
  for (const e of list) by.set(e.day, [...(by.get(e.day) ?? []), num(e, key)]);
  return new Map(
    [...by].map(([d, v]) => [
      d,
      how === 'sum' ? v.reduce((a, b) => a + b, 0) : v.reduce((a, b) => a + b, 0) / v.length,
    ]),
  );
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
    syy += ((ys[i] as number) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks with ties sharing their mean rank. */
function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.[0] === order[i]?.[0]) j++;
    for (let k = i; k <= j; k++) out[order[k]?.[1] as number] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

describe('aggregations and granularities', () => {
  test('sum over a range, resting on exactly the events it adds up', async () => {
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'fish', towns: ['port-logic'], days: { from: 3, to: 9 } },
        aggregate: 'sum',
      })
    ).result;
    const expected = fishing(3, 9);
    close(r.value, sum(expected, 'fish'), 'fish, days 3–9');
    assert.deepEqual(r.evidence, ids(expected));
    assert.deepEqual(r.days, { from: 3, to: 9 });
  });

  test('no days named is the whole history, up to today', async () => {
    const reply = await ok({
      op: 'aggregate',
      select: { metric: 'ore_tons', towns: ['circuiton'] },
      aggregate: 'sum',
    });
    const mined = upTo(reply.today).filter(
      (e) => e.town === 'circuiton' && e.kind === 'mining' && has('ore_tons')(e),
    );
    close(reply.result.value, sum(mined, 'ore_tons'), 'all ore');
    assert.equal(reply.result.days.from, 1);
    assert.equal(reply.result.evidence_total, mined.length);
  });

  test('the mean of a reading is over its readings', async () => {
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'temperature_c', towns: ['circuiton'], days: { from: 10, to: 16 } },
        aggregate: 'mean',
      })
    ).result;
    const readings = raw.filter(
      (e) => e.town === 'circuiton' && e.kind === 'sensor' && e.day >= 10 && e.day <= 16,
    );
    close(r.value, sum(readings, 'temperature_c') / readings.length, 'mean temperature');
    assert.equal(r.combine, 'mean');
  });

  test('min and max of single events name the event that holds them', async () => {
    for (const fn of ['min', 'max'] as const) {
      const r = (
        await ok({
          op: 'aggregate',
          select: { metric: 'fish', towns: ['port-logic'] },
          per: 'event',
          aggregate: fn,
        })
      ).result;
      const all = upTo(DAYS).filter((e) => e.kind === 'fishing' && has('fish')(e));
      const values = all.map((e) => num(e, 'fish'));
      const want = fn === 'min' ? Math.min(...values) : Math.max(...values);
      close(r.value, want, `${fn} haul`);
      const holder = all.find((e) => num(e, 'fish') === want) as Raw;
      assert.equal(r.groups[0].at.event, holder.id);
      assert.equal(r.groups[0].at.day, holder.day);
      assert.deepEqual(r.evidence, [holder.id]);
    }
  });

  test('per day: the best day, the mean day (days without a catch count as none), and the count of days', async () => {
    const totals = daily(fishing(1, DAYS), 'fish', 'sum');
    const best = [...totals].reduce((a, b) => (b[1] > a[1] ? b : a));
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'fish', towns: ['port-logic'], days: { from: 1, to: DAYS } },
        per: 'day',
        aggregate: 'max',
      })
    ).result;
    close(r.value, best[1], 'best day');
    assert.equal(r.groups[0].at.day, best[0]);
    assert.deepEqual(r.evidence, ids(fishing(best[0], best[0])));

    const reportDays = new Set(raw.filter((e) => e.town === 'port-logic').map((e) => e.day));
    const mean = (
      await ok({
        op: 'aggregate',
        select: { metric: 'fish', towns: ['port-logic'], days: { from: 1, to: DAYS } },
        per: 'day',
        aggregate: 'mean',
      })
    ).result;
    close(mean.value, sum(fishing(1, DAYS), 'fish') / reportDays.size, 'mean per day');

    const rainy = raw.filter((e) => e.town === 'circuiton' && e.kind === 'sensor' && num(e, 'rain_mm') > 0);
    const days = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'rain_mm',
          towns: ['circuiton'],
          where: [{ key: 'rain_mm', op: '>', value: 0 }],
          days: { from: 1, to: DAYS },
        },
        aggregate: 'days',
      })
    ).result;
    assert.equal(days.value, new Set(rainy.map((e) => e.day)).size);
    const times = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'rain_mm',
          towns: ['circuiton'],
          where: [{ key: 'rain_mm', op: '>', value: 0 }],
          days: { from: 1, to: DAYS },
        },
        per: 'event',
        aggregate: 'count',
      })
    ).result;
    assert.equal(times.value, rainy.length);
    assert.deepEqual(times.evidence, ids(rainy));
  });

  test('per week: weekly totals, and the mean of a reading per week', async () => {
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'harvest', towns: ['patchbourough'], days: { from: 1, to: 28 } },
        per: 'week',
        aggregate: 'sum',
        group: 'week',
      })
    ).result;
    const farmed = raw.filter((e) => e.kind === 'farming' && has('harvest')(e) && e.day <= 28);
    assert.deepEqual(
      r.groups.map((g: Body) => [g.key, g.value]),
      [1, 2, 3, 4]
        .map((w) => [
          w,
          sum(
            farmed.filter((e) => Math.ceil(e.day / 7) === w),
            'harvest',
          ),
        ])
        .filter(([, v]) => v !== undefined),
    );
  });

  test('count of events, and distinct values of a field', async () => {
    const raids = raw.filter((e) => e.kind === 'raid' && num(e, 'raid_gold') > 0);
    const count = (
      await ok({
        op: 'aggregate',
        select: {
          kinds: ['raid'],
          where: [{ key: 'raid_gold', op: '>', value: 0 }],
          days: { from: 1, to: DAYS },
        },
        per: 'event',
        aggregate: 'count',
      })
    ).result;
    assert.equal(count.value, raids.length);
    assert.deepEqual(count.evidence, ids(raids));

    const sent = raw.filter((e) => e.kind === 'trade' && e.town === 'patchbourough');
    const goods = [...new Set(sent.map((e) => e.data.goods))];
    const distinct = (
      await ok({
        op: 'aggregate',
        select: { kinds: ['trade'], towns: ['patchbourough'], days: { from: 1, to: DAYS } },
        aggregate: 'distinct',
        field: 'goods',
      })
    ).result;
    assert.deepEqual([...distinct.groups[0].values].sort(), goods.sort());
    assert.equal(distinct.value, goods.length);
  });
});

describe('filters', () => {
  test('whose shipment, which goods, which way', async () => {
    const robbed = raw.filter((e) => e.kind === 'loss' && e.data.target === 'patchbourough');
    const r = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'loot_gold',
          kinds: ['loss'],
          fields: { target: ['patchbourough'] },
          days: { from: 1, to: DAYS },
        },
        aggregate: 'sum',
      })
    ).result;
    close(r.value, sum(robbed, 'loot_gold'), "gold lost from PatchBourough's shipments");
    assert.deepEqual(r.evidence, ids(robbed));

    const toPort = raw.filter(
      (e) => e.kind === 'trade' && e.data.from === 'patchbourough' && e.data.to === 'port-logic',
    );
    const sent = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'cargo_items',
          kinds: ['trade'],
          fields: { from: ['patchbourough'], to: ['port-logic'] },
          days: { from: 1, to: DAYS },
        },
        aggregate: 'sum',
      })
    ).result;
    close(sent.value, sum(toPort, 'cargo_items'), 'crates from the farms to the port');
    assert.deepEqual(sent.evidence, ids(toPort));

    const goods = String(toPort[0]?.data.goods ?? 'grain');
    const ofGoods = raw.filter((e) => e.kind === 'trade' && e.data.goods === goods && has('value_gold')(e));
    const byGoods = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'value_gold',
          kinds: ['trade'],
          fields: { goods: [goods] },
          days: { from: 1, to: DAYS },
        },
        aggregate: 'sum',
      })
    ).result;
    close(byGoods.value, sum(ofGoods, 'value_gold'), `${goods} traded, in gold`);
  });

  test('flags, actors and hours', async () => {
    const storms = raw.filter((e) => e.kind === 'sensor' && e.data.storm === 1);
    const r = (
      await ok({
        op: 'aggregate',
        select: { flags: ['storm'], days: { from: 1, to: DAYS } },
        per: 'event',
        aggregate: 'count',
      })
    ).result;
    assert.equal(r.value, storms.length);
    assert.deepEqual(r.evidence, ids(storms));

    const john = raw.filter((e) => e.actor === 'John' && has('trinkets')(e));
    const by = (
      await ok({
        op: 'aggregate',
        select: { metric: 'trinkets', actors: ['John'], days: { from: 1, to: DAYS } },
        aggregate: 'sum',
      })
    ).result;
    close(by.value, sum(john, 'trinkets'), "John's trinkets");

    const night = raw.filter(
      (e) => e.town === 'port-logic' && e.kind === 'sensor' && e.hour >= 0 && e.hour <= 6,
    );
    const hours = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'temperature_c',
          towns: ['port-logic'],
          hours: { from: 0, to: 6 },
          days: { from: 1, to: DAYS },
        },
        aggregate: 'mean',
      })
    ).result;
    close(hours.value, sum(night, 'temperature_c') / night.length, 'night-time temperature');
    assert.deepEqual(hours.evidence, ids(night));
  });
});

describe('groups and order', () => {
  test('by town, most first, top 1: which town', async () => {
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'rain_mm', days: { from: 1, to: DAYS } },
        aggregate: 'sum',
        group: 'town',
        order: 'desc',
        limit: 1,
      })
    ).result;
    const byTown = new Map<string, number>();
    for (const e of raw.filter((e) => e.kind === 'sensor'))
      byTown.set(e.town, (byTown.get(e.town) ?? 0) + num(e, 'rain_mm'));
    const wettest = [...byTown].reduce((a, b) => (b[1] > a[1] ? b : a));
    assert.equal(r.groups.length, 1);
    assert.equal(r.groups[0].key, wettest[0]);
    close(r.groups[0].value, wettest[1], 'rain in the wettest town');
  });

  test('by actor and by goods, least first', async () => {
    const byActor = new Map<string, number>();
    for (const e of fishing(1, DAYS))
      byActor.set(e.actor as string, (byActor.get(e.actor as string) ?? 0) + num(e, 'fish'));
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'fish', towns: ['port-logic'], days: { from: 1, to: DAYS } },
        aggregate: 'sum',
        group: 'actor',
        order: 'asc',
      })
    ).result;
    const expected = [...byActor].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    assert.deepEqual(
      r.groups.map((g: Body) => g.key),
      expected.map(([a]) => a),
    );
    for (const [i, [, v]] of expected.entries()) close(r.groups[i].value, v, 'catch by fisher');

    const byGoods = new Map<string, number>();
    for (const e of raw.filter((e) => e.kind === 'trade'))
      byGoods.set(String(e.data.goods), (byGoods.get(String(e.data.goods)) ?? 0) + 1);
    const g = (
      await ok({
        op: 'aggregate',
        select: { kinds: ['trade'], days: { from: 1, to: DAYS } },
        per: 'event',
        aggregate: 'count',
        group: 'goods',
        order: 'desc',
      })
    ).result;
    assert.deepEqual(
      Object.fromEntries(g.groups.map((x: Body) => [x.key, x.value])),
      Object.fromEntries(byGoods),
    );
  });

  test('by actor, by goods and which goods, over whole spans of days and parts of spans', async () => {
    // Days 5–69: days 33–64 are one whole span of the store's facets, the rest are read from events.
    const [from, to] = [5, 69];
    const within = (e: Raw) => e.day >= from && e.day <= to;
    const byActor = new Map<string, Raw[]>();
    for (const e of raw.filter((e) => within(e) && e.town === 'circuiton' && has('ore_tons')(e)))
      byActor.set(e.actor as string, [...(byActor.get(e.actor as string) ?? []), e]);
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'ore_tons', towns: ['circuiton'], days: { from, to } },
        aggregate: 'sum',
        group: 'actor',
        order: 'desc',
      })
    ).result;
    const most = [...byActor].sort((a, b) => sum(b[1], 'ore_tons') - sum(a[1], 'ore_tons'));
    assert.ok(most.length >= 2);
    assert.deepEqual(
      r.groups.map((g: Body) => g.key),
      most.map(([actor]) => actor),
    );
    for (const [i, [actor, list]] of most.entries()) {
      close(r.groups[i].value, sum(list, 'ore_tons'), `ore mined by ${actor}`);
      // Each miner's evidence is that miner's events, the first of them.
      assert.ok(r.groups[i].evidence.length > 0);
      assert.deepEqual(r.groups[i].evidence, ids(list).slice(0, r.groups[i].evidence.length), actor);
    }

    const overseas = raw.filter((e) => within(e) && e.kind === 'trade' && e.data.from === 'port-logic');
    const sales = (
      await ok({
        op: 'aggregate',
        select: {
          metric: 'value_gold',
          kinds: ['trade'],
          fields: { from: ['port-logic'] },
          days: { from, to },
        },
        aggregate: 'mean',
        per: 'event',
      })
    ).result;
    close(sales.value, sum(overseas, 'value_gold') / overseas.length, 'gold per sale from the port');
    assert.equal(sales.evidence_total, overseas.length);

    const goods = [...new Set(overseas.map((e) => e.data.goods))].sort();
    const which = (
      await ok({
        op: 'aggregate',
        select: { kinds: ['trade'], fields: { from: ['port-logic'] }, days: { from, to } },
        aggregate: 'distinct',
        field: 'goods',
      })
    ).result;
    assert.deepEqual([...which.groups[0].values].sort(), goods);

    const raided = new Map<string, number>();
    for (const e of raw.filter((e) => within(e) && e.kind === 'raid' && num(e, 'raid_gold') > 0))
      raided.set(String(e.data.target), (raided.get(String(e.data.target)) ?? 0) + 1);
    const raids = (
      await ok({
        op: 'aggregate',
        select: { kinds: ['raid'], where: [{ key: 'raid_gold', op: '>', value: 0 }], days: { from, to } },
        per: 'event',
        aggregate: 'count',
        group: 'target',
      })
    ).result;
    assert.ok(raided.size > 0);
    assert.deepEqual(
      Object.fromEntries(raids.groups.map((g: Body) => [g.key, g.value])),
      Object.fromEntries(raided),
    );
  });

  test('by day, in day order, limited: the first days of a series', async () => {
    const r = (
      await ok({
        op: 'aggregate',
        select: { metric: 'drinks', towns: ['den-of-thieves'], days: { from: 1, to: DAYS } },
        aggregate: 'sum',
        group: 'day',
        limit: 5,
      })
    ).result;
    const totals = daily(
      raw.filter((e) => e.kind === 'drinking'),
      'drinks',
      'sum',
    );
    assert.deepEqual(
      r.groups.map((g: Body) => [g.key, g.value]),
      [...totals].sort((a, b) => a[0] - b[0]).slice(0, 5),
    );
  });
  test('cite: the same groups, citing no more events than asked (0: the days alone)', async () => {
    const body = {
      op: 'aggregate',
      select: { kinds: ['sensor'], towns: ['circuiton'], where: [{ key: 'rain_mm', op: '>', value: 0 }] },
      aggregate: 'count',
      group: 'day',
      order: 'key',
    };
    const all = (await ok(body)).result;
    const none = (await ok({ ...body, cite: 0 })).result;
    const few = (await ok({ ...body, cite: 3 })).result;
    const rainy = raw.filter((e) => e.town === 'circuiton' && e.kind === 'sensor' && num(e, 'rain_mm') > 0);
    const days = [...new Set(rainy.map((e) => e.day))].sort((a, b) => a - b);
    for (const r of [all, none, few])
      assert.deepEqual(
        r.groups.map((g: Body) => g.key),
        days,
      );
    assert.ok(all.groups.every((g: Body) => g.evidence.length === g.n));
    assert.ok(none.groups.every((g: Body) => g.evidence.length === 0));
    assert.ok(few.groups.flatMap((g: Body) => g.evidence).length <= 3);
  });
});

describe('compare, correlate, trend', () => {
  test('compare: which is larger, and by how much', async () => {
    const week = (w: number) =>
      raw.filter((e) => e.town === 'circuiton' && e.kind === 'sensor' && Math.ceil(e.day / 7) === w);
    const mean = (list: Raw[]) => sum(list, 'temperature_c') / list.length;
    const side = (w: number) => ({
      select: { metric: 'temperature_c', towns: ['circuiton'], days: { from: (w - 1) * 7 + 1, to: w * 7 } },
      aggregate: 'mean',
    });
    const r = (await ok({ op: 'compare', a: side(4), b: side(5) })).result;
    close(r.a.value, mean(week(4)), 'week 4');
    close(r.b.value, mean(week(5)), 'week 5');
    assert.equal(r.larger, mean(week(4)) > mean(week(5)) ? 'a' : 'b');
    close(r.difference, mean(week(4)) - mean(week(5)), 'difference');
  });

  test('correlate: Pearson and Spearman of two daily series, with n', async () => {
    const fish = daily(fishing(1, DAYS), 'fish', 'sum');
    const temp = daily(
      raw.filter((e) => e.town === 'port-logic' && e.kind === 'sensor'),
      'temperature_c',
      'mean',
    );
    const days = [...fish.keys()].filter((d) => temp.has(d)).sort((a, b) => a - b);
    const xs = days.map((d) => fish.get(d) as number);
    const ys = days.map((d) => temp.get(d) as number);
    const r = (
      await ok({
        op: 'correlate',
        a: { select: { metric: 'fish', towns: ['port-logic'], days: { from: 1, to: DAYS } } },
        b: { select: { metric: 'temperature_c', towns: ['port-logic'], days: { from: 1, to: DAYS } } },
      })
    ).result;
    assert.equal(r.n, days.length);
    close(r.pearson, pearson(xs, ys), 'Pearson');
    close(r.spearman, pearson(ranks(xs), ranks(ys)), 'Spearman');
    assert.equal(typeof r.meaningful, 'boolean');
    assert.ok(r.p >= 0 && r.p <= 1);
  });

  test('trend: least-squares slope per day', async () => {
    const temp = daily(
      raw.filter((e) => e.town === 'patchbourough' && e.kind === 'sensor'),
      'temperature_c',
      'mean',
    );
    const points = [...temp].sort((a, b) => a[0] - b[0]);
    const n = points.length;
    const mx = points.reduce((s, [d]) => s + d, 0) / n;
    const my = points.reduce((s, [, v]) => s + v, 0) / n;
    const slope =
      points.reduce((s, [d, v]) => s + (d - mx) * (v - my), 0) /
      points.reduce((s, [d]) => s + (d - mx) ** 2, 0);
    const r = (
      await ok({
        op: 'trend',
        series: {
          select: { metric: 'temperature_c', towns: ['patchbourough'], days: { from: 1, to: DAYS } },
        },
      })
    ).result;
    assert.equal(r.n, n);
    close(r.slope, slope, 'slope per day');
  });
});

describe('the language model asks with the same query', () => {
  test("the model's query tool gives what POST /api/query gives, and cites its evidence", async () => {
    const store = await openEventStore(eventStorePath(dataDir));
    try {
      const tools = new HistoryTools(store, vocabularyOf(WORLD));
      const body = {
        op: 'aggregate',
        select: { metric: 'fish', towns: ['port-logic'], days: { from: 3, to: 9 } },
        aggregate: 'sum',
      };
      const api = (await ok(body)).result;
      const call = await callTool(tools, 'query', body, DAYS);
      assert.equal((call.result as { value: number }).value, api.value);
      assert.deepEqual(call.citations, api.evidence);
      await assert.rejects(
        callTool(
          tools,
          'query',
          { op: 'aggregate', select: { metric: 'gold_bars' }, aggregate: 'sum' },
          DAYS,
        ),
        /select\.metric/,
      );
      assert.ok(toolDefinitions(vocabularyOf(WORLD)).some((t) => t.function.name === 'query'));
    } finally {
      await store.close();
    }
  });
});

describe('bad queries get 400 naming the field', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'an unknown metric',
      { op: 'aggregate', select: { metric: 'gold_bars' }, aggregate: 'sum' },
      /select\.metric/,
    ],
    [
      'a cite below 0',
      { op: 'aggregate', select: { metric: 'fish' }, aggregate: 'sum', group: 'day', cite: -1 },
      /cite/,
    ],
    [
      'an unknown town',
      { op: 'aggregate', select: { metric: 'fish', towns: ['atlantis'] }, aggregate: 'sum' },
      /select\.towns\.0/,
    ],
    [
      'an unknown field',
      { op: 'aggregate', select: { fields: { colour: ['red'] } }, aggregate: 'count' },
      /select\.fields/,
    ],
    [
      'days backwards',
      { op: 'aggregate', select: { metric: 'fish', days: { from: 9, to: 3 } }, aggregate: 'sum' },
      /select\.days/,
    ],
    [
      'a sum of nothing',
      { op: 'aggregate', select: { towns: ['circuiton'] }, aggregate: 'sum' },
      /select\.metric/,
    ],
    [
      'distinct without its field',
      { op: 'aggregate', select: { kinds: ['trade'] }, aggregate: 'distinct' },
      /field/,
    ],
    ['an unknown operation', { op: 'forecast', select: {} }, /op/],
    [
      'an unknown key',
      { op: 'aggregate', select: { metric: 'fish' }, aggregate: 'sum', colour: 'red' },
      /colour/,
    ],
    [
      'a limit of 0',
      { op: 'aggregate', select: { metric: 'fish' }, aggregate: 'sum', group: 'town', limit: 0 },
      /limit/,
    ],
    [
      'a bad condition',
      { op: 'aggregate', select: { where: [{ key: 'rain_mm', op: '~', value: 0 }] }, aggregate: 'count' },
      /select\.where\.0\.op/,
    ],
    [
      'a group that is no field',
      { op: 'aggregate', select: { metric: 'fish' }, aggregate: 'sum', group: 'colour' },
      /group/,
    ],
    [
      'a series without a metric',
      { op: 'trend', series: { select: { towns: ['circuiton'] } } },
      /series\.select\.metric/,
    ],
  ];
  for (const [what, body, field] of cases)
    test(what, async () => {
      const { status, body: reply } = await query(body);
      assert.equal(status, 400, JSON.stringify(reply));
      assert.match(reply.error, field);
    });

  test('a body that is not JSON', async () => {
    const response = await fetch(`${aggregator.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"op":',
    });
    assert.equal(response.status, 400);
  });
});

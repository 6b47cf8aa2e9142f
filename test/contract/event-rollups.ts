/**
 * The EventStore contract's rollups and selects: worked out here in plain JavaScript from the
 * events the store acknowledged, and compared with what it answers. The history is four days of the
 * four towns, a plain update whose number is a word, a few made-up updates of one more town with
 * ties and a late update (a gap filled afterwards, earlier in the day than what came before it),
 * and batches sent again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { IncomingUpdate } from '../../src/events/schema.ts';
import type {
  EventStore,
  NumberCondition,
  RollupQuery,
  RollupRow,
  SelectQuery,
  SelectRow,
  StoredEvent,
} from '../../src/store/store.ts';
import { History } from '../helpers/history.ts';
import { byName, type OpenedStore, type OpenStore, plain } from './store.ts';

/** Earliest in world time: the day, the hour, then the id. */
const byTime = (a: StoredEvent, b: StoredEvent) => a.day - b.day || a.hour - b.hour || a.id - b.id;

/** The rollups of `metric` over these events, worked out one event at a time. */
export function expectedRollups(events: readonly StoredEvent[], q: RollupQuery): RollupRow[] {
  const groups = new Map<string, { first: StoredEvent; values: [StoredEvent, number][] }>();
  for (const e of events) {
    if (q.towns && !q.towns.includes(e.town)) continue;
    if (q.kinds && !q.kinds.includes(e.kind)) continue;
    if (q.fromDay !== undefined && e.day < q.fromDay) continue;
    if (q.toDay !== undefined && e.day > q.toDay) continue;
    const value = q.metric === '*' ? 1 : e.data[q.metric];
    if (typeof value !== 'number') continue;
    const key = `${e.town}\u0000${e.day}\u0000${e.kind}`;
    const group = groups.get(key) ?? { first: e, values: [] };
    group.values.push([e, value]);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ first, values }) => {
      const numbers = values.map(([, v]) => v);
      const min = Math.min(...numbers);
      const max = Math.max(...numbers);
      const earliest = (v: number) =>
        (values.filter(([, x]) => x === v).map(([e]) => e) as StoredEvent[]).sort(byTime)[0] as StoredEvent;
      return {
        town: first.town,
        day: first.day,
        kind: first.kind,
        metric: q.metric,
        sum: numbers.reduce((a, b) => a + b, 0),
        count: numbers.length,
        min,
        max,
        min_id: earliest(min).id,
        max_id: earliest(max).id,
      };
    })
    .sort((a, b) => a.day - b.day || byName(a.town, b.town) || byName(a.kind, b.kind));
}

/** Sums may add up in another order: equal to twelve significant digits. */
const rounded = (rows: RollupRow[]) => rows.map((r) => ({ ...r, sum: Number(r.sum.toPrecision(12)) }));

const COMPARE: Record<NumberCondition['op'], (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** What `select` must answer, from the events themselves. */
export function expectedSelect(events: readonly StoredEvent[], q: SelectQuery): SelectRow[] {
  return events
    .filter(
      (e) =>
        (!q.towns || q.towns.includes(e.town)) &&
        (!q.kinds || q.kinds.includes(e.kind)) &&
        (q.fromDay === undefined || e.day >= q.fromDay) &&
        (q.toDay === undefined || e.day <= q.toDay) &&
        (!q.days || q.days.includes(e.day)) &&
        (q.fromHour === undefined || e.hour >= q.fromHour) &&
        (q.toHour === undefined || e.hour <= q.toHour) &&
        (!q.actors || (e.actor !== null && q.actors.includes(e.actor))) &&
        Object.entries(q.equals ?? {}).every(
          ([key, values]) => e.data[key] !== undefined && values.includes(e.data[key] as string | number),
        ) &&
        (q.conditions ?? []).every((c) => {
          const v = e.data[c.key];
          return typeof v === 'number' && COMPARE[c.op](v, c.value);
        }),
    )
    .sort(byTime)
    .map((e) => ({
      id: e.id,
      town: e.town,
      day: e.day,
      hour: e.hour,
      kind: e.kind,
      actor: e.actor,
      values: Object.fromEntries(q.keys.map((k) => [k, e.data[k] ?? null])),
    }));
}

/** A made-up town's update, with events of its own. */
function hollow(seq: number, hour: number, events: [kind: string, data: Record<string, number | string>][]) {
  return {
    id: `contract-rollups/hollow/${seq}`,
    town: 'hollow',
    seq,
    ts: new Date(Date.UTC(2026, 0, 9, Math.floor(hour), 0, seq)).toISOString(),
    day: 9,
    hour,
    events: events.map(([kind, data], i) => ({
      kind,
      ...(i === 0 ? { actor: 'Wren Hollow' } : {}),
      text: `Event ${i} of update ${seq}.`,
      data,
    })),
  } as IncomingUpdate;
}

export function rollupsContract(open: OpenStore<EventStore>): void {
  describe('rollups and selects', () => {
    const history = JSON.parse(JSON.stringify(new History('contract', 4).updates)) as IncomingUpdate[];
    const words = plain('port-logic', {
      day: 3,
      hour: 12,
      events: [
        { kind: 'fishing', actor: 'Nell Brine', text: 'Nell Brine counted no fish.', data: { fish: 'none' } },
      ],
    });
    // Ties: the min (2) twice, the max (5) twice; update 2 arrives last but is earliest in the day.
    const h1 = hollow(1, 10, [
      ['mining', { ore_tons: 2, cold_forge: 1 }],
      ['mining', { ore_tons: 5 }],
    ]);
    const h3 = hollow(3, 14, [['mining', { ore_tons: 2, note: 'later' }]]);
    const h2 = hollow(2, 8, [
      ['mining', { ore_tons: 5, cold_forge: 1 }],
      ['mining', { ore_tons: 3 }],
    ]);
    let opened: OpenedStore<EventStore>;
    let store: EventStore;
    let all: StoredEvent[] = [];
    let lateEvents: StoredEvent[] = [];
    let earlyEvents: StoredEvent[] = [];

    before(async () => {
      opened = await open();
      store = opened.store;
      const batches: IncomingUpdate[][] = [];
      for (let i = 0; i < history.length; i += 40) batches.push(history.slice(i, i + 40));
      for (const batch of batches) all.push(...(await store.append(batch)).events);
      // Sent again, alone and beside new updates: acknowledged, added up once.
      const again = await store.append(structuredClone(batches[1] as IncomingUpdate[]));
      assert.equal(again.stored, 0);
      const first = await store.append([words, h1, h3, ...structuredClone(batches[0] as IncomingUpdate[])]);
      assert.equal(first.stored, 3);
      earlyEvents = first.events.filter((e) => e.update_id === h1.id);
      all.push(...first.events);
      const late = await store.append([structuredClone(h1), h2, structuredClone(h3)]);
      assert.deepEqual([late.stored, late.duplicates], [1, 2]);
      lateEvents = late.events;
      all.push(...late.events);
    });
    after(async () => {
      await store.close();
      await opened.cleanup();
      all = [];
    });

    const metrics = () => [
      '*',
      ...new Set(all.flatMap((e) => Object.keys(e.data).filter((k) => typeof e.data[k] === 'number'))),
    ];

    test('rollups: every number of every event, and the events under "*", by town, day and kind', async () => {
      assert.ok(metrics().length > 30, `${metrics().length} metrics`);
      for (const metric of metrics()) {
        const expected = expectedRollups(all, { metric });
        assert.ok(expected.length > 0, metric);
        assert.deepEqual(rounded(await store.rollups({ metric })), rounded(expected), metric);
      }
      const events = (await store.rollups({ metric: '*' })).reduce((n, r) => n + r.count, 0);
      assert.equal(events, all.length, 'the "*" rollups count every event once');
    });

    test('rollups: repeats are not added up again, and a word is no number', async () => {
      const sent = [...history, words, h1, h2, h3].reduce((n, u) => n + u.events.length, 0);
      const counted = (await store.rollups({ metric: '*' })).reduce((n, r) => n + r.count, 0);
      assert.equal(counted, sent, 'each event of each update once, however often it was sent');
      const fish = await store.rollups({ metric: 'fish', towns: ['port-logic'], fromDay: 3, toDay: 3 });
      const numbers = all.filter(
        (e) => e.town === 'port-logic' && e.day === 3 && typeof e.data.fish === 'number',
      );
      assert.ok(all.some((e) => e.day === 3 && e.data.fish === 'none'));
      assert.equal(
        fish.reduce((n, r) => n + r.count, 0),
        numbers.length,
      );
    });

    test('rollups: the min and max with the earliest event holding each, in world time; flags add up', async () => {
      const [ore] = await store.rollups({ metric: 'ore_tons', towns: ['hollow'] });
      const [tied2, tied5] = earlyEvents as [StoredEvent, StoredEvent];
      const [late5] = lateEvents as [StoredEvent];
      assert.equal(late5.data.ore_tons, 5);
      assert.ok(late5.id > tied5.id && late5.hour < tied5.hour);
      assert.deepEqual(ore, {
        town: 'hollow',
        day: 9,
        kind: 'mining',
        metric: 'ore_tons',
        sum: 17,
        count: 5,
        min: 2,
        max: 5,
        min_id: tied2.id,
        max_id: late5.id,
      });
      const [flag] = await store.rollups({ metric: 'cold_forge', towns: ['hollow'] });
      assert.deepEqual([flag?.sum, flag?.count, flag?.min_id], [2, 2, late5.id]);
      const [count] = await store.rollups({ metric: '*', towns: ['hollow'] });
      assert.deepEqual(
        [count?.sum, count?.count, count?.min, count?.max, count?.min_id, count?.max_id],
        [5, 5, 1, 1, late5.id, late5.id],
      );
    });

    test('rollups: filtered by towns, kinds and days, in (day, town, kind) order', async () => {
      const queries: RollupQuery[] = [
        { metric: 'temperature_c', towns: ['circuiton', 'port-logic'] },
        { metric: '*', kinds: ['trade', 'sensor'], fromDay: 2 },
        { metric: 'quantity', towns: ['den-of-thieves'], kinds: ['raid', 'trade'], fromDay: 2, toDay: 3 },
        { metric: '*', toDay: 1 },
        { metric: 'cargo_items', fromDay: 4, toDay: 4 },
      ];
      for (const q of queries) {
        const expected = expectedRollups(all, q);
        assert.ok(expected.length > 0, JSON.stringify(q));
        const answer = await store.rollups(q);
        assert.deepEqual(rounded(answer), rounded(expected), JSON.stringify(q));
        const order = answer.map((r) => [r.day, r.town, r.kind]);
        assert.deepEqual(
          order,
          [...order].sort(
            (a, b) =>
              (a[0] as number) - (b[0] as number) ||
              byName(a[1] as string, b[1] as string) ||
              byName(a[2] as string, b[2] as string),
          ),
        );
      }
      assert.deepEqual(await store.rollups({ metric: 'no_such_number' }), []);
      assert.deepEqual(await store.rollups({ metric: 'note' }), [], 'a word is rolled up by no one');
      assert.deepEqual(await store.rollups({ metric: '*', towns: [] }), []);
      assert.deepEqual(await store.rollups({ metric: '*', kinds: [] }), []);
      assert.deepEqual(await store.rollups({ metric: '*', fromDay: 50 }), []);
    });

    test('select: by towns, kinds, days and hours, with the keys asked for, in world-time order', async () => {
      const queries: SelectQuery[] = [
        {
          kinds: ['trade'],
          towns: ['circuiton'],
          fromDay: 2,
          toDay: 3,
          keys: ['goods', 'quantity', 'value_gold'],
        },
        { kinds: ['sensor'], fromHour: 6, toHour: 12.5, keys: ['temperature_c', 'tide_m'] },
        { towns: ['patchbourough', 'hollow'], keys: ['ore_tons', 'harvest'] },
        { actors: ['Wren Hollow', 'Nell Brine'], keys: ['fish', 'ore_tons', 'note'] },
        { fromDay: 4, fromHour: 20, keys: [] },
        { kinds: ['mining'], fromHour: 8, toHour: 10, keys: ['ore_tons'] },
        { days: [2, 4], keys: ['quantity'] },
        { kinds: ['sensor'], towns: ['port-logic'], fromDay: 2, toDay: 4, days: [1, 3, 4], keys: ['tide_m'] },
      ];
      for (const q of queries) {
        const expected = expectedSelect(all, q);
        assert.ok(expected.length > 0, JSON.stringify(q));
        assert.deepEqual(await store.select(q), expected, JSON.stringify(q));
      }
    });

    test('select: equals on data keys, and numeric conditions an event without the number fails', async () => {
      const queries: SelectQuery[] = [
        {
          kinds: ['trade', 'raid', 'loss', 'arrival'],
          equals: { goods: ['metal', 'tools'] },
          keys: ['goods', 'quantity'],
        },
        { equals: { goods: ['spices'], to: ['port-logic'] }, keys: ['from', 'shipment'] },
        { equals: { ore_tons: [2, 5], cold_forge: [1] }, keys: ['ore_tons'] },
        { conditions: [{ key: 'fish', op: '>=', value: 0 }], keys: ['fish'] },
        {
          kinds: ['sensor'],
          conditions: [
            { key: 'temperature_c', op: '<', value: 10 },
            { key: 'rain_mm', op: '>', value: 0 },
          ],
          keys: ['temperature_c', 'rain_mm'],
        },
        { conditions: [{ key: 'quantity', op: '!=', value: 100 }], keys: ['quantity'] },
        { conditions: [{ key: 'ore_tons', op: '=', value: 5 }], keys: ['ore_tons'] },
        { conditions: [{ key: 'ore_tons', op: '<=', value: 2 }], towns: ['hollow'], keys: ['note'] },
        {
          kinds: ['trade'],
          equals: { goods: ['grain', 'flour', 'spices'] },
          conditions: [{ key: 'quantity', op: '>', value: 10 }],
          keys: ['goods', 'quantity'],
        },
      ];
      for (const q of queries) {
        const expected = expectedSelect(all, q);
        assert.ok(expected.length > 0, JSON.stringify(q));
        assert.deepEqual(await store.select(q), expected, JSON.stringify(q));
      }
      const fish = await store.select({ conditions: [{ key: 'fish', op: '>=', value: 0 }], keys: ['fish'] });
      assert.ok(
        !fish.some((r) => r.actor === 'Nell Brine' && r.day === 3 && r.hour === 12),
        'a word is no number',
      );
      assert.deepEqual(await store.select({ towns: [], keys: ['fish'] }), []);
      assert.deepEqual(await store.select({ days: [], keys: [] }), []);
      assert.deepEqual(await store.select({ equals: { goods: [] }, keys: [] }), []);
      assert.deepEqual(await store.select({ kinds: ['no-such-kind'], keys: ['fish'] }), []);
    });

    test('select: a key that is not lower_snake_case, or an unknown operator, is a RangeError', async () => {
      const bad: SelectQuery[] = [
        { keys: ['fish', "x') OR 1=1 --"] },
        { keys: ['a.b'] },
        { keys: ['Fish'] },
        { keys: [''] },
        { equals: { '$.fish': [1] }, keys: [] },
        { conditions: [{ key: 'fish[0]', op: '>', value: 1 }], keys: [] },
        { conditions: [{ key: 'fish', op: 'OR 1 --' as NumberCondition['op'], value: 1 }], keys: [] },
      ];
      for (const q of bad) await assert.rejects(store.select(q), RangeError, JSON.stringify(q));
    });
  });
}

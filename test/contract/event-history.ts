/** The EventStore contract's reading half: queries over four days of the four towns. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { IncomingUpdate } from '../../src/events/schema.ts';
import { isHeadline } from '../../src/store/headline.ts';
import type {
  ActorStats,
  Aggregate,
  EventStore,
  MetricPoint,
  MetricQuery,
  StoredEvent,
  ValueQuery,
} from '../../src/store/store.ts';
import { worldDaysOf } from '../../src/world/clock.ts';
import { History } from '../helpers/history.ts';
import { byName, type OpenedStore, type OpenStore, plain, stored, withoutId } from './store.ts';

const byTime = (a: StoredEvent, b: StoredEvent) => a.day - b.day || a.hour - b.hour || a.id - b.id;
const number = (e: StoredEvent, key: string) => e.data[key] as number;
/** Sums and means may add up in another order: equal to twelve significant digits. */
const rounded = (points: MetricPoint[]) =>
  points.map((p) => ({ ...p, value: Number(p.value.toPrecision(12)) }));

/** Every event, read a page at a time after the last one read, as the live stream catches up. */
async function everyEventAfter(store: EventStore, town?: string): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let cursor = 0; ; ) {
    const page = await store.after(cursor, 100, town);
    if (page.length === 0) return out;
    assert.ok(
      page.every((e) => e.id > cursor),
      `after(${cursor}) gave only later events`,
    );
    out.push(...page);
    cursor = page.at(-1)?.id ?? cursor;
  }
}

type Filters = Omit<ValueQuery, 'metric'> & { metric?: string };

const matches = (e: StoredEvent, q: Filters) =>
  (!q.town || e.town === q.town) &&
  (!q.kind || e.kind === q.kind) &&
  (q.fromDay === undefined || e.day >= q.fromDay) &&
  (q.toDay === undefined || e.day <= q.toDay) &&
  (q.metric === undefined || typeof e.data[q.metric] === 'number');

const AGGREGATES: Record<Aggregate, (xs: number[]) => number> = {
  sum: (xs) => xs.reduce((a, b) => a + b, 0),
  mean: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
  min: (xs) => Math.min(...xs),
  max: (xs) => Math.max(...xs),
  count: (xs) => xs.length,
};

/** What `metrics` must answer, worked out from the events themselves. */
function expectedMetrics(events: StoredEvent[], q: MetricQuery): MetricPoint[] {
  const groups = new Map<string, StoredEvent[]>();
  for (const e of events.filter((x) => matches(x, q))) {
    const key = `${e.town}\u0000${q.bucket === 'day' ? e.day : e.update_id}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .map((g) => {
      const first = g[0] as StoredEvent;
      const value = AGGREGATES[q.aggregate](g.map((e) => number(e, q.metric)));
      return q.bucket === 'day'
        ? { town: first.town, day: first.day, value, n: g.length }
        : { town: first.town, day: first.day, hour: first.hour, value, n: g.length };
    })
    .sort((a, b) => a.day - b.day || (a.hour ?? 0) - (b.hour ?? 0) || byName(a.town, b.town))
    .slice(0, q.limit);
}

/** Registers the reading tests, on one store holding the history. */
export function historyContract(open: OpenStore<EventStore>): void {
  describe('reading a history', () => {
    // Four days of the four towns as they travel, in JSON (a -0 °C arrives as 0), and a plain
    // update whose number is a word (no number at all).
    const updates: IncomingUpdate[] = [
      ...(JSON.parse(JSON.stringify(new History('contract', 4).updates)) as IncomingUpdate[]),
      plain('port-logic', {
        day: 5,
        hour: 12,
        events: [
          {
            kind: 'fishing',
            actor: 'Nell Brine',
            text: 'Nell Brine counted no fish.',
            data: { fish: 'none' },
          },
        ],
      }),
    ];
    let opened: OpenedStore<EventStore>;
    let store: EventStore;
    /** Every event as the store acknowledged it, in the order appended. */
    let all: StoredEvent[] = [];
    const inTime = () => [...all].sort(byTime);

    before(async () => {
      opened = await open();
      store = opened.store;
      for (let i = 0; i < updates.length; i += 40)
        all.push(...(await store.append(updates.slice(i, i + 40))).events);
    });
    after(async () => {
      await store.close();
      await opened.cleanup();
      all = [];
    });

    test('every event was acknowledged, as appended', () => {
      assert.deepEqual(
        all.map(withoutId),
        updates.flatMap((u) => u.events.map((e) => stored(u, e))),
      );
    });

    test('after: the events after an id, in id order, a page at a time, of all towns or one', async () => {
      assert.deepEqual(await everyEventAfter(store), all);
      assert.deepEqual(
        await everyEventAfter(store, 'patchbourough'),
        all.filter((e) => e.town === 'patchbourough'),
      );
      const middle = all[100] as StoredEvent;
      assert.deepEqual(await store.after(middle.id, 5), all.slice(101, 106));
      assert.deepEqual(await store.after(await store.lastEventId(), 5), []);
    });

    test('events: world-time order, paged by cursor, oldest or newest first', async () => {
      for (const newestFirst of [false, true]) {
        const seen: StoredEvent[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.events({ limit: 37, cursor, newestFirst });
          assert.ok(page.events.length <= 37);
          seen.push(...page.events);
          cursor = page.next ?? undefined;
          pages++;
        } while (cursor);
        assert.equal(pages, Math.ceil(all.length / 37));
        assert.deepEqual(seen, newestFirst ? inTime().reverse() : inTime());
      }
    });

    test('events: a cursor this store did not hand out is a RangeError', async () => {
      for (const cursor of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url')])
        await assert.rejects(store.events({ limit: 10, cursor }), RangeError);
    });

    test('events: filtered by town, kind, days, words of the text and part of the actor’s name', async () => {
      const mining = all.find((e) => e.kind === 'mining') as StoredEvent;
      const words = mining.text
        .split(' ')
        .filter((w) => w.length > 3)
        .slice(0, 2);
      const q = `${words[0]?.toUpperCase()}  ${words[1]}`;
      // Another case than the name's, capital letter and all.
      const actor = (mining.actor as string).slice(0, 4).toUpperCase();
      const cases: [Parameters<EventStore['events']>[0], (e: StoredEvent) => boolean][] = [
        [{ town: 'den-of-thieves', limit: 1000 }, (e) => e.town === 'den-of-thieves'],
        [{ kind: 'trade', limit: 1000 }, (e) => e.kind === 'trade'],
        [{ fromDay: 2, toDay: 3, limit: 1000 }, (e) => e.day >= 2 && e.day <= 3],
        [{ q, limit: 1000 }, (e) => words.every((w) => e.text.toLowerCase().includes(w.toLowerCase()))],
        [{ actor, limit: 1000 }, (e) => e.actor?.toLowerCase().includes(actor.toLowerCase()) ?? false],
        [
          { town: 'circuiton', kind: 'sensor', fromDay: 4, limit: 1000 },
          (e) => e.town === 'circuiton' && e.kind === 'sensor' && e.day >= 4,
        ],
      ];
      for (const [query, keep] of cases) {
        const expected = inTime().filter(keep);
        assert.ok(expected.length > 0, `${JSON.stringify(query)} finds something`);
        assert.deepEqual((await store.events(query)).events, expected, JSON.stringify(query));
      }
      const firstPage = await store.events({ town: 'circuiton', limit: 10 });
      const next = await store.events({
        town: 'circuiton',
        limit: 10,
        cursor: firstPage.next ?? undefined,
      });
      assert.deepEqual(
        [...firstPage.events, ...next.events],
        inTime()
          .filter((e) => e.town === 'circuiton')
          .slice(0, 20),
      );
    });

    test('byIds: the events asked for, in the order asked, leaving out ids not stored', async () => {
      const [a, b, c] = [7, 300, 42].map((i) => all[i]) as [StoredEvent, StoredEvent, StoredEvent];
      assert.deepEqual(await store.byIds([b.id, 999_999, a.id, c.id]), [b, a, c]);
      assert.deepEqual(await store.byIds([]), []);
    });

    test('day: every event of one day, in world-time order', async () => {
      for (const day of [1, 3, 5])
        assert.deepEqual(
          await store.day(day),
          inTime().filter((e) => e.day === day),
        );
      assert.deepEqual(await store.day(40), []);
    });

    test('metrics: each aggregate by day and by update, filtered, limited, of numbers only', async () => {
      const queries: MetricQuery[] = [];
      for (const aggregate of Object.keys(AGGREGATES) as Aggregate[]) {
        queries.push({ metric: 'fish', bucket: 'day', aggregate, limit: 100 });
        queries.push({
          metric: 'temperature_c',
          town: 'patchbourough',
          bucket: 'update',
          aggregate,
          limit: 1000,
        });
      }
      queries.push({
        metric: 'quantity',
        kind: 'trade',
        fromDay: 2,
        toDay: 3,
        bucket: 'day',
        aggregate: 'sum',
        limit: 100,
      });
      queries.push({ metric: 'quantity', bucket: 'update', aggregate: 'count', limit: 100 });
      queries.push({ metric: 'temperature_c', bucket: 'day', aggregate: 'mean', limit: 5 });
      for (const q of queries) {
        const expected = expectedMetrics(all, q);
        assert.ok(expected.length > 0, JSON.stringify(q));
        assert.deepEqual(rounded(await store.metrics(q)), rounded(expected), JSON.stringify(q));
      }
      const fishDays = await store.metrics({
        metric: 'fish',
        bucket: 'day',
        aggregate: 'count',
        limit: 100,
      });
      assert.ok(!fishDays.some((p) => p.day === 5), 'a word is not a number');
      assert.deepEqual(
        await store.metrics({ metric: 'no_such_number', bucket: 'day', aggregate: 'sum', limit: 10 }),
        [],
      );
    });

    test('values: every event carrying a number, with it, in world-time order', async () => {
      const queries: ValueQuery[] = [
        { metric: 'fish' },
        { metric: 'quantity', kind: 'raid' },
        { metric: 'ore_tons', town: 'circuiton', fromDay: 2, toDay: 2 },
      ];
      for (const q of queries) {
        const expected = inTime()
          .filter((e) => matches(e, q))
          .map((e) => ({
            id: e.id,
            town: e.town,
            day: e.day,
            hour: e.hour,
            kind: e.kind,
            actor: e.actor,
            value: number(e, q.metric),
          }));
        assert.ok(expected.length > 0, JSON.stringify(q));
        assert.deepEqual(await store.values(q), expected, JSON.stringify(q));
      }
    });

    test('latestByActor: each actor’s latest event of these kinds, by actor', async () => {
      const kinds = ['mining', 'forge', 'drinking'];
      const latest = new Map<string, StoredEvent>();
      for (const e of all) if (e.actor && kinds.includes(e.kind)) latest.set(e.actor, e);
      const expected = [...latest.values()].sort((a, b) => byName(a.actor as string, b.actor as string));
      assert.ok(expected.length > 3);
      assert.deepEqual(await store.latestByActor(kinds), expected);
      assert.deepEqual(await store.latestByActor([]), []);
    });

    test('actors: everyone named as an actor, with their town, events and first and last days', async () => {
      const stats = new Map<string, ActorStats>();
      for (const e of all) {
        if (!e.actor) continue;
        const key = `${e.actor}\u0000${e.town}`;
        const s = stats.get(key) ?? {
          actor: e.actor,
          town: e.town,
          events: 0,
          first_day: e.day,
          last_day: e.day,
        };
        stats.set(key, {
          ...s,
          events: s.events + 1,
          first_day: Math.min(s.first_day, e.day),
          last_day: Math.max(s.last_day, e.day),
        });
      }
      const expected = [...stats.values()].sort((a, b) => byName(a.actor, b.actor) || byName(a.town, b.town));
      assert.deepEqual(await store.actors(), expected);
    });

    test('stats: totals, and per town its updates, events, last update, gaps and headline', async () => {
      const stats = await store.stats();
      assert.equal(stats.events_total, all.length);
      assert.equal(stats.updates_total, updates.length);
      assert.equal(stats.last_event_id, all.at(-1)?.id);
      const towns = [...new Set(updates.map((u) => u.town))].sort(byName);
      const expected = towns.map((town) => {
        const mine = updates.filter((u) => u.town === town);
        const last = [...mine].sort((a, b) => b.day - a.day || b.hour - a.hour)[0] as IncomingUpdate;
        return {
          town,
          updates: mine.length,
          events: all.filter((e) => e.town === town).length,
          last_seq: Math.max(...mine.map((u) => u.seq ?? 0)),
          last_ts: last.ts,
          last_day: last.day,
          last_hour: last.hour,
          gaps: [],
          headline: all.filter((e) => e.town === town && isHeadline(e.kind)).at(-1) ?? null,
        };
      });
      assert.deepEqual(
        [...stats.towns].sort((a, b) => byName(a.town, b.town)),
        expected,
      );
    });

    test('lastEventId and latestWorldTime: the highest id, and the latest world time stored', async () => {
      assert.equal(await store.lastEventId(), Math.max(...all.map((e) => e.id)));
      assert.equal(await store.latestWorldTime(), Math.max(...all.map((e) => worldDaysOf(e.day, e.hour))));
    });
  });
}

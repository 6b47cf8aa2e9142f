/**
 * What every EventStore must do, whatever stands behind it. `eventStoreContract` registers the
 * tests; test/unit/store/contract.test.ts runs them against SQLite, and a new backend runs them the
 * same way. Expectations come from the updates appended, never from the store's own queries.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncomingUpdate } from '../../src/events/schema.ts';
import { isHeadline } from '../../src/store/headline.ts';
import { ConflictError, type EventStore } from '../../src/store/store.ts';
import { worldDaysOf } from '../../src/world/clock.ts';
import type { TownEvent } from '../../src/world/types.ts';
import { anUpdate } from '../helpers/updates.ts';
import { bulkContract } from './event-bulk.ts';
import { historyContract } from './event-history.ts';
import { rollupsContract } from './event-rollups.ts';
import { statsContract } from './event-stats.ts';
import { type OpenStore, plain, stored, withFreshStore, withoutId } from './store.ts';

export type { OpenedStore, OpenStore } from './store.ts';

export function eventStoreContract(name: string, open: OpenStore<EventStore>): void {
  describe(`${name}: the EventStore contract`, () => {
    describe('appending', () => {
      test('an empty store answers every question with nothing', () =>
        withFreshStore(open, async (store) => {
          assert.equal(await store.lastEventId(), 0);
          assert.equal(await store.latestWorldTime(), 0);
          assert.deepEqual(await store.stats(), {
            events_total: 0,
            updates_total: 0,
            last_event_id: 0,
            towns: [],
          });
          assert.deepEqual(await store.events({ limit: 10 }), { events: [], next: null });
          assert.deepEqual(await store.after(0, 10), []);
          assert.deepEqual(await store.day(1), []);
          assert.deepEqual(await store.byIds([1, 2]), []);
          assert.deepEqual(await store.actors(), []);
          assert.deepEqual(await store.latestByActor(['mining']), []);
          assert.deepEqual(await store.values({ metric: 'ore_tons' }), []);
          const q = { metric: 'ore_tons', bucket: 'day', aggregate: 'sum', limit: 10 } as const;
          assert.deepEqual(await store.metrics(q), []);
          assert.deepEqual(await store.rollups({ metric: '*' }), []);
          assert.deepEqual(await store.select({ keys: ['ore_tons'] }), []);
        }));

      test('a batch is acknowledged with its events, each given the next global id, in order', () =>
        withFreshStore(open, async (store) => {
          const a = anUpdate('circuiton', { seq: 1 });
          const b = anUpdate('port-logic', { seq: 1 });
          const first = await store.append([a, b]);
          assert.equal(first.stored, 2);
          assert.equal(first.duplicates, 0);
          assert.deepEqual(first.events.map(withoutId), [
            ...a.events.map((e) => stored(a, e)),
            ...b.events.map((e) => stored(b, e)),
          ]);
          const ids = first.events.map((e) => e.id);
          assert.ok(
            ids.every((id, i) => i === 0 || id > (ids[i - 1] as number)),
            `ids ${ids}`,
          );
          const c = anUpdate('circuiton', { seq: 2 });
          const second = await store.append([c]);
          assert.ok((second.events[0]?.id ?? 0) > (ids.at(-1) ?? 0), 'later batches get later ids');
          assert.deepEqual(await store.after(0, 100), [...first.events, ...second.events]);
          assert.equal(await store.lastEventId(), second.events.at(-1)?.id);
        }));

      test('a repeated update is acknowledged as a duplicate and stored once', () =>
        withFreshStore(open, async (store) => {
          const a = anUpdate('circuiton', { seq: 1 });
          const first = await store.append([a]);
          assert.deepEqual(await store.append([structuredClone(a)]), {
            stored: 0,
            duplicates: 1,
            events: [],
          });
          const b = anUpdate('circuiton', { seq: 2 });
          const mixed = await store.append([a, b]);
          assert.equal(mixed.stored, 1);
          assert.equal(mixed.duplicates, 1);
          assert.deepEqual(
            mixed.events.map(withoutId),
            b.events.map((e) => stored(b, e)),
          );
          assert.deepEqual(await store.after(0, 100), [...first.events, ...mixed.events]);
          assert.equal((await store.stats()).updates_total, 2);
        }));

      test('the same id with other content is a ConflictError, and its batch stores nothing', () =>
        withFreshStore(open, async (store) => {
          const a = anUpdate('circuiton', { seq: 1 });
          const { events } = await store.append([a]);
          const [mined, sensor] = a.events as [TownEvent, TownEvent];
          const others: IncomingUpdate[] = [
            { ...a, events: [{ ...mined, text: 'Another sentence.' }, sensor] },
            { ...a, events: [{ ...mined, data: { ...mined.data, ore_tons: 99 } }, sensor] },
            { ...a, events: [mined] },
            { ...a, hour: (a.hour + 1) % 24 },
          ];
          for (const other of others) {
            const innocent = anUpdate('port-logic', { seq: 1 });
            await assert.rejects(store.append([innocent, other]), ConflictError);
          }
          assert.deepEqual(await store.after(0, 100), events);
          assert.deepEqual(
            (await store.stats()).towns.map((t) => t.town),
            ['circuiton'],
          );
        }));

      test('another update in a town’s sequence slot is a ConflictError; other towns have their own slots', () =>
        withFreshStore(open, async (store) => {
          await store.append([anUpdate('circuiton', { seq: 1 })]);
          const before = await store.stats();
          const innocent = anUpdate('circuiton', { seq: 2 });
          await assert.rejects(store.append([innocent, anUpdate('circuiton', { seq: 1 })]), ConflictError);
          assert.deepEqual(await store.stats(), before);
          const elsewhere = await store.append([anUpdate('port-logic', { seq: 1 })]);
          assert.equal(elsewhere.stored, 1);
        }));

      test('updates without a sequence number take none, and never a town’s slot', () =>
        withFreshStore(open, async (store) => {
          await store.append([anUpdate('circuiton', { seq: 1 })]);
          const p1 = plain('circuiton');
          const p2 = plain('circuiton');
          const plains = await store.append([p1, p2]);
          assert.equal(plains.stored, 2);
          assert.ok(plains.events.every((e) => e.town_seq === null));
          assert.equal((await store.append([anUpdate('circuiton', { seq: 2 })])).stored, 1);
          assert.deepEqual(await store.append([p1]), { stored: 0, duplicates: 1, events: [] });
          const [town] = (await store.stats()).towns;
          assert.equal(town?.updates, 4);
          assert.equal(town?.last_seq, 2);
          assert.deepEqual(town?.gaps, []);
        }));

      test('gaps in a town’s sequence are reported as inclusive ranges', () =>
        withFreshStore(open, async (store) => {
          const seqs = [3, 4, 7, 10];
          await store.append(seqs.map((seq) => anUpdate('circuiton', { seq })));
          await store.append([
            plain('circuiton'),
            anUpdate('port-logic', { seq: 1 }),
            anUpdate('port-logic', { seq: 2 }),
          ]);
          const towns = new Map((await store.stats()).towns.map((t) => [t.town, t]));
          assert.deepEqual(towns.get('circuiton')?.gaps, [
            [1, 2],
            [5, 6],
            [8, 9],
          ]);
          assert.equal(towns.get('circuiton')?.last_seq, 10);
          assert.deepEqual(towns.get('port-logic')?.gaps, []);
        }));

      test('a town’s headline is its latest event that is not a sensor reading', () =>
        withFreshStore(open, async (store) => {
          const sensorOnly = (town: string, seq: number) => {
            const u = anUpdate(town, { seq });
            return { ...u, events: u.events.filter((e) => e.kind === 'sensor') };
          };
          const news = anUpdate('circuiton', { seq: 1 });
          const { events } = await store.append([
            news,
            sensorOnly('circuiton', 2),
            sensorOnly('port-logic', 1),
          ]);
          const towns = new Map((await store.stats()).towns.map((t) => [t.town, t]));
          const mined = events.find((e) => e.update_id === news.id && e.kind === 'mining');
          assert.ok(mined && isHeadline(mined.kind) && !isHeadline('sensor'));
          assert.deepEqual(towns.get('circuiton')?.headline, mined);
          assert.equal(towns.get('port-logic')?.headline, null);
        }));

      test('the latest world time is that of the latest event in world time, whatever came last', () =>
        withFreshStore(open, async (store) => {
          await store.append([anUpdate('circuiton', { seq: 1, day: 5, hour: 6.5 })]);
          await store.append([anUpdate('circuiton', { seq: 2, day: 3, hour: 20 })]);
          assert.equal(await store.latestWorldTime(), worldDaysOf(5, 6.5));
        }));

      test('a closed store answers no more; opened again, it holds all it acknowledged', () =>
        withFreshStore(open, async (store, opened) => {
          const { events } = await store.append([anUpdate('circuiton', { seq: 1 }), plain('den-of-thieves')]);
          const stats = await store.stats();
          await store.close();
          await assert.rejects(store.lastEventId());
          if (!opened.reopen) return;
          const again = await opened.reopen();
          try {
            assert.deepEqual(await again.after(0, 100), events);
            assert.deepEqual(await again.stats(), stats);
          } finally {
            await again.close();
          }
        }));
    });

    historyContract(open);
    rollupsContract(open);
    statsContract(open);
    bulkContract(open);
  });
}

/**
 * The EventStore contract's bulk load (simulate's fast-forward): whatever the store puts off until
 * the load ends, every append in it keeps its guarantees, reads in it and after it are right, and
 * a load that fails leaves what was acknowledged.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncomingUpdate } from '../../src/events/schema.ts';
import { ConflictError, type EventStore, type StoredEvent } from '../../src/store/store.ts';
import { History } from '../helpers/history.ts';
import { expectedRollups, expectedSelect } from './event-rollups.ts';
import { expectedTowns } from './event-stats.ts';
import { byName, type OpenStore, withFreshStore } from './store.ts';

const byTime = (a: StoredEvent, b: StoredEvent) => a.day - b.day || a.hour - b.hour || a.id - b.id;
const rounded = <T extends { sum: number }>(rows: T[]) =>
  rows.map((r) => ({ ...r, sum: Number(r.sum.toPrecision(12)) }));

/** Reads of every kind, checked against the events and updates stored so far. */
async function assertReads(
  store: EventStore,
  updates: readonly IncomingUpdate[],
  all: readonly StoredEvent[],
  what: string,
): Promise<void> {
  const inTime = [...all].sort(byTime);
  assert.deepEqual(
    (await store.events({ town: 'circuiton', limit: 10_000 })).events,
    inTime.filter((e) => e.town === 'circuiton'),
    `${what}: events by town`,
  );
  assert.deepEqual(
    (await store.events({ kind: 'trade', fromDay: 2, limit: 10_000 })).events,
    inTime.filter((e) => e.kind === 'trade' && e.day >= 2),
    `${what}: events by kind and days`,
  );
  assert.deepEqual(
    await store.day(2),
    inTime.filter((e) => e.day === 2),
    `${what}: a day`,
  );
  const q = { kinds: ['trade'], towns: ['port-logic'], fromDay: 1, keys: ['goods', 'quantity'] };
  assert.deepEqual(await store.select(q), expectedSelect(all, q), `${what}: select`);
  for (const metric of ['*', 'temperature_c', 'quantity'])
    assert.deepEqual(
      rounded(await store.rollups({ metric })),
      rounded(expectedRollups(all, { metric })),
      `${what}: rollups of ${metric}`,
    );
  const stats = await store.stats();
  assert.deepEqual(stats.towns, expectedTowns(updates, all), `${what}: stats`);
  assert.equal(stats.events_total, all.length);
  const moves = new Map<string, StoredEvent>();
  for (const e of all) if (e.actor && ['mining', 'fishing'].includes(e.kind)) moves.set(e.actor, e);
  assert.deepEqual(
    await store.latestByActor(['mining', 'fishing']),
    [...moves.values()].sort((a, b) => byName(a.actor as string, b.actor as string)),
    `${what}: latest by actor`,
  );
}

export function bulkContract(open: OpenStore<EventStore>): void {
  describe('a bulk load', () => {
    const history = JSON.parse(JSON.stringify(new History('contract-bulk', 4).updates)) as IncomingUpdate[];
    const batches: IncomingUpdate[][] = [];
    for (let i = 0; i < history.length; i += 30) batches.push(history.slice(i, i + 30));

    test('every append in it is atomic, de-duplicated and refused on conflict; reads are right in it and after it', () =>
      withFreshStore(open, async (store) => {
        const stored: IncomingUpdate[] = [];
        const all: StoredEvent[] = [];
        const answer = await store.bulkLoad(async () => {
          for (const [i, batch] of batches.entries()) {
            const result = await store.append(batch);
            assert.equal(result.stored, batch.length);
            stored.push(...batch);
            all.push(...result.events);
            if (i === 1) {
              const again = await store.append(structuredClone([...(batches[0] as IncomingUpdate[])]));
              assert.deepEqual([again.stored, again.duplicates], [0, batches[0]?.length]);
              const first = batches[0]?.[0] as IncomingUpdate;
              const other = { ...structuredClone(first), hour: (first.hour + 1) % 24 };
              await assert.rejects(
                store.append([structuredClone(batches[2]?.[0]) as IncomingUpdate, other]),
                ConflictError,
              );
              await assertReads(store, stored, all, 'in the load');
            }
          }
          return 'loaded';
        });
        assert.equal(answer, 'loaded', 'the load’s own answer');
        await assertReads(store, stored, all, 'after the load');
        // Appended after it, as ever.
        const plains = (batches.at(-1) as IncomingUpdate[]).map((u) => ({
          ...u,
          id: `${u.id}/plain`,
          seq: null,
        }));
        all.push(...(await store.append(structuredClone(plains))).events);
        stored.push(...plains);
        await assertReads(store, stored, all, 'appended after the load');
      }));

    test('a load that fails keeps what it acknowledged, and the store is whole after it', () =>
      withFreshStore(open, async (store, opened) => {
        const stored: IncomingUpdate[] = [];
        const all: StoredEvent[] = [];
        await assert.rejects(
          store.bulkLoad(async () => {
            for (const batch of batches.slice(0, 3)) {
              all.push(...(await store.append(batch)).events);
              stored.push(...batch);
            }
            // A load inside the load is part of it.
            await store.bulkLoad(async () => {
              all.push(...(await store.append(batches[3] as IncomingUpdate[])).events);
              stored.push(...(batches[3] as IncomingUpdate[]));
            });
            throw new Error('the simulation failed');
          }),
          /the simulation failed/,
        );
        await assertReads(store, stored, all, 'after a failed load');
        if (!opened.reopen) return;
        await store.close();
        const again = await opened.reopen();
        try {
          await assertReads(again, stored, all, 'opened again');
        } finally {
          await again.close();
        }
      }));
  });
}

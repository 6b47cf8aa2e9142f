/**
 * The EventStore contract's stats as updates arrive out of order: a town's sequence gaps split and
 * close as late updates fill them (alone, in one batch, or refused with a conflicting batch), and
 * its counts, latest update and headline follow. Expectations come from the updates stored, worked
 * out in plain JavaScript.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IncomingUpdate } from '../../src/events/schema.ts';
import { isHeadline } from '../../src/store/headline.ts';
import { ConflictError, type EventStore, type StoredEvent, type TownStats } from '../../src/store/store.ts';
import { anUpdate } from '../helpers/updates.ts';
import { byName, type OpenStore, plain, withFreshStore } from './store.ts';

/** A town's missing sequence numbers, as inclusive ranges from 1 to its last. */
export function gapsOf(seqs: readonly number[]): [number, number][] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const gaps: [number, number][] = [];
  let prev = 0;
  for (const seq of sorted) {
    if (seq > prev + 1) gaps.push([prev + 1, seq - 1]);
    prev = seq;
  }
  return gaps;
}

/** What stats().towns must say, from the updates stored (in the order stored) and their events. */
export function expectedTowns(
  updates: readonly IncomingUpdate[],
  events: readonly StoredEvent[],
): TownStats[] {
  const towns = [...new Set(updates.map((u) => u.town))].sort(byName);
  return towns.map((town) => {
    const mine = updates.filter((u) => u.town === town);
    // The latest in world time; of two at the same moment, the one stored last.
    const last = mine.reduce((a, b) => (b.day > a.day || (b.day === a.day && b.hour >= a.hour) ? b : a));
    const seqs = mine.flatMap((u) => (u.seq === null ? [] : [u.seq]));
    const theirs = events.filter((e) => e.town === town);
    return {
      town,
      updates: mine.length,
      events: theirs.length,
      last_seq: seqs.length ? Math.max(...seqs) : 0,
      last_ts: last.ts,
      last_day: last.day,
      last_hour: last.hour,
      gaps: gapsOf(seqs),
      headline:
        [...theirs]
          .sort((a, b) => a.id - b.id)
          .filter((e) => isHeadline(e.kind))
          .at(-1) ?? null,
    };
  });
}

export function statsContract(open: OpenStore<EventStore>): void {
  describe('stats as updates arrive late', () => {
    test('a late update splits its gap, shrinks it or closes it; the last seq stays the highest', () =>
      withFreshStore(open, async (store) => {
        const stored: IncomingUpdate[] = [];
        const events: StoredEvent[] = [];
        const send = async (batch: IncomingUpdate[]) => {
          const result = await store.append(batch);
          stored.push(...batch.filter((u) => result.events.some((e) => e.update_id === u.id)));
          events.push(...result.events);
          return result;
        };
        const check = async (what: string, gaps: [number, number][]) => {
          const stats = await store.stats();
          assert.deepEqual(stats.towns, expectedTowns(stored, events), what);
          assert.deepEqual(stats.towns.find((t) => t.town === 'circuiton')?.gaps, gaps, what);
          assert.equal(stats.events_total, events.length, what);
          assert.equal(stats.updates_total, stored.length, what);
        };
        const at = (seq: number, day: number, hour: number) => anUpdate('circuiton', { seq, day, hour });
        await send([at(3, 2, 1), at(4, 2, 2), at(7, 3, 1), at(10, 4, 1), anUpdate('port-logic', { seq: 1 })]);
        await check('four of ten', [
          [1, 2],
          [5, 6],
          [8, 9],
        ]);
        await send([at(5, 2, 5)]);
        await check('the start of a gap', [
          [1, 2],
          [6, 6],
          [8, 9],
        ]);
        await send([at(9, 3, 23)]);
        await check('the end of a gap', [
          [1, 2],
          [6, 6],
          [8, 8],
        ]);
        await send([at(6, 2, 9), plain('circuiton', { day: 5, hour: 3 })]);
        await check('a whole gap, beside a plain update later than all', [
          [1, 2],
          [8, 8],
        ]);
        // A late update refused with its batch changes nothing.
        await assert.rejects(store.append([at(1, 1, 1), at(10, 1, 2)]), ConflictError);
        await check('a refused batch', [
          [1, 2],
          [8, 8],
        ]);
        await send([at(20, 6, 1), at(8, 3, 12), at(15, 6, 0.5), at(1, 1, 1), at(12, 5, 1)]);
        await check('in one batch: filled, opened and split', [
          [2, 2],
          [11, 11],
          [13, 14],
          [16, 19],
        ]);
        await send([at(14, 5, 12), at(11, 5, 12), at(2, 1, 2), at(13, 5, 12)]);
        await check('in one batch, two at the same moment', [[16, 19]]);
        const repeat = await send([at(17, 6, 1), structuredClone(stored[0] as IncomingUpdate)]);
        assert.deepEqual([repeat.stored, repeat.duplicates], [1, 1]);
        await check('beside a repeat, which changes nothing', [
          [16, 16],
          [18, 19],
        ]);
      }));

    test('the latest update is the latest in world time, not the last to arrive; the headline is the last stored', () =>
      withFreshStore(open, async (store) => {
        const stored: IncomingUpdate[] = [];
        const events: StoredEvent[] = [];
        for (const batch of [
          [anUpdate('den-of-thieves', { seq: 2, day: 4, hour: 10 })],
          [anUpdate('den-of-thieves', { seq: 1, day: 3, hour: 20 })],
          [
            anUpdate('den-of-thieves', { seq: 4, day: 4, hour: 10 }),
            anUpdate('den-of-thieves', { seq: 3, day: 4, hour: 9 }),
          ],
        ]) {
          events.push(...(await store.append(batch)).events);
          stored.push(...batch);
          assert.deepEqual((await store.stats()).towns, expectedTowns(stored, events));
        }
        const [town] = (await store.stats()).towns;
        assert.equal(town?.last_ts, stored[2]?.ts, 'of two at the same moment, the one stored last');
        assert.equal(town?.headline?.update_id, stored[3]?.id, 'the headline is the last stored');
      }));
  });
}

/**
 * What every ResidentStore must do, whatever stands behind it. `residentStoreContract` registers
 * the tests; test/unit/store/contract.test.ts runs them against SQLite. The days stored are real ones:
 * the residents' engine lives them, as a stored run would close them.
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildReport, renderMarkdown } from '../../src/residents/report.ts';
import type { ResidentStore, StoredReport } from '../../src/store/residents.ts';
import { WORLD } from '../../src/world/map.ts';
import { DEFAULT_CONFIG, selectResidents } from '../../src/world/residents/catalog.ts';
import { type DayLog, Residents, type Snapshot } from '../../src/world/residents/engine.ts';
import { type Conversation, DEFAULT_SETTINGS } from '../../src/world/residents/types.ts';
import { byName, type OpenStore, withFreshStore } from './store.ts';

interface ClosedDay {
  log: DayLog;
  report: StoredReport;
  relationships: { a: string; b: string; score: number }[];
  snapshot: Snapshot;
}

/** Three days of the canonical residents, each with what a run stores when it closes. */
function threeDays(): ClosedDay[] {
  const engine = new Residents({
    world: WORLD,
    config: DEFAULT_CONFIG,
    settings: { ...DEFAULT_SETTINGS, seed: 'contract' },
  });
  return [1, 2, 3].map(() => {
    const log = engine.finishDay();
    const json = buildReport(log, [], {
      world: WORLD,
      transcripts: true,
      residents: DEFAULT_CONFIG.residents.length,
    });
    return {
      log,
      report: { day: log.day, json, markdown: renderMarkdown(json) },
      relationships: engine.allRelationships(),
      snapshot: engine.snapshot(),
    };
  });
}

const inTime = (talks: Conversation[]) =>
  [...talks].sort((a, b) => a.day - b.day || a.hour - b.hour || byName(a.id, b.id));

async function saveAll(store: ResidentStore, days: readonly ClosedDay[]): Promise<void> {
  await store.saveConfig(DEFAULT_CONFIG);
  for (const d of days) await store.saveDay(d.log, d.report, d.relationships);
  await store.saveSnapshot((days.at(-1) as ClosedDay).snapshot);
}

export function residentStoreContract(name: string, open: OpenStore<ResidentStore>): void {
  describe(`${name}: the ResidentStore contract`, () => {
    const days = threeDays();
    const talks = days.flatMap((d) => d.log.conversations);
    const last = days.at(-1) as ClosedDay;

    test('a new store has no catalogue, no run and no days', () =>
      withFreshStore(open, async (store) => {
        assert.equal(await store.config(), undefined);
        assert.equal(await store.snapshot(), undefined);
        assert.deepEqual(await store.reportDays(), []);
        assert.equal(await store.report(1), undefined);
        assert.deepEqual(await store.conversations({}), []);
        assert.equal(await store.relationship('John', 'Ida Pike'), undefined);
        assert.deepEqual(await store.relationshipsOf('John'), []);
        assert.deepEqual(await store.memories('John'), []);
        assert.equal(await store.agenda('John', 1), undefined);
      }));

    test('the catalogue comes back as saved, family and all', () =>
      withFreshStore(open, async (store) => {
        assert.ok(
          DEFAULT_CONFIG.residents.some((r) => r.family) && DEFAULT_CONFIG.residents.some((r) => !r.family),
        );
        await store.saveConfig(DEFAULT_CONFIG);
        assert.deepEqual(await store.config(), DEFAULT_CONFIG);
      }));

    test('saving another catalogue replaces it, and forgets the run and the days of the old one', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        const fewer = selectResidents(DEFAULT_CONFIG, 5);
        await store.saveConfig(fewer);
        assert.deepEqual(await store.config(), fewer);
        assert.equal(await store.snapshot(), undefined);
        assert.deepEqual(await store.reportDays(), []);
        assert.deepEqual(await store.conversations({}), []);
        const pair = last.relationships[0];
        assert.ok(pair);
        assert.equal(await store.relationship(pair.a, pair.b), undefined);
      }));

    test('the snapshot a run saved last is the one it carries on from', () =>
      withFreshStore(open, async (store) => {
        await store.saveSnapshot((days[0] as ClosedDay).snapshot);
        await store.saveSnapshot(last.snapshot);
        assert.deepEqual(await store.snapshot(), last.snapshot);
      }));

    test('each closed day keeps its report, and the days with reports are listed in order', () =>
      withFreshStore(open, async (store) => {
        await store.saveConfig(DEFAULT_CONFIG);
        for (const d of [days[2], days[0], days[1]] as ClosedDay[])
          await store.saveDay(d.log, d.report, d.relationships);
        assert.deepEqual(await store.reportDays(), [1, 2, 3]);
        for (const d of days) assert.deepEqual(await store.report(d.log.day), d.report);
        assert.equal(await store.report(4), undefined);
      }));

    test('conversations: of a day, of a resident, or both, in world-time order', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        assert.ok(talks.length > 10, `${talks.length} conversations`);
        assert.deepEqual(await store.conversations({}), inTime(talks));
        for (const d of days)
          assert.deepEqual(await store.conversations({ day: d.log.day }), inTime(d.log.conversations));
        const someone = (talks[0] as Conversation).participants[0] as string;
        const theirs = inTime(talks.filter((c) => c.participants.includes(someone)));
        assert.deepEqual(await store.conversations({ resident: someone }), theirs);
        assert.deepEqual(
          await store.conversations({ resident: someone, day: 2 }),
          theirs.filter((c) => c.day === 2),
        );
        assert.deepEqual(await store.conversations({ resident: 'Nobody Atall' }), []);
      }));

    test('relationship: how two residents stand after the last day stored, in either order', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        assert.ok(last.relationships.length > 0);
        for (const { a, b, score } of last.relationships) {
          assert.equal(await store.relationship(a, b), score, `${a} and ${b}`);
          assert.equal(await store.relationship(b, a), score, `${b} and ${a}`);
        }
        const met = new Set(last.relationships.flatMap((r) => [`${r.a}|${r.b}`, `${r.b}|${r.a}`]));
        const names = DEFAULT_CONFIG.residents.map((r) => r.name);
        const strangers = names
          .flatMap((a) => names.map((b) => [a, b]))
          .find(([a, b]) => a !== b && !met.has(`${a}|${b}`));
        assert.ok(strangers, 'two residents who never met');
        assert.equal(await store.relationship(strangers[0] as string, strangers[1] as string), undefined);
      }));

    test('conversations of a pair, and only the latest of them, still in world-time order', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        const [a, b] = (talks.find((c) => c.kind === 'chat') as Conversation).participants as [
          string,
          string,
        ];
        const pair = inTime(talks.filter((c) => c.participants.includes(a) && c.participants.includes(b)));
        assert.ok(pair.length > 0);
        assert.deepEqual(await store.conversations({ resident: a, with: b }), pair);
        assert.deepEqual(await store.conversations({ resident: b, with: a }), pair);
        const theirs = inTime(talks.filter((c) => c.participants.includes(a)));
        assert.ok(theirs.length > 2, `${a}: ${theirs.length} conversations`);
        assert.deepEqual(await store.conversations({ resident: a, last: 2 }), theirs.slice(-2));
        assert.deepEqual(await store.conversations({ last: 1 }), inTime(talks).slice(-1));
        assert.deepEqual(await store.conversations({ resident: a, with: 'Nobody Atall' }), []);
      }));

    test('relationshipsOf: everyone a resident has met and how they stand, warmest first', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        const { a } = last.relationships[0] as { a: string };
        const expected = last.relationships
          .filter((r) => r.a === a || r.b === a)
          .map((r) => ({ other: r.a === a ? r.b : r.a, score: r.score }))
          .sort((x, y) => y.score - x.score || byName(x.other, y.other));
        assert.ok(expected.length > 1, `${a} met ${expected.length}`);
        assert.deepEqual(await store.relationshipsOf(a), expected);
        assert.deepEqual(await store.relationshipsOf('Nobody Atall'), []);
      }));

    test('memories: a resident’s, of the kinds asked, the latest few, in world-time order', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        const all = days.flatMap((d) =>
          d.log.memories.map(({ lastAccess: _, ...m }) => ({ ...m, day: d.log.day })),
        );
        const inOrder = (ms: typeof all) => [...ms].sort((x, y) => x.t - y.t || x.id - y.id);
        const someone = (all.find((m) => m.kind === 'reflection') ?? all[0])?.resident as string;
        const theirs = inOrder(all.filter((m) => m.resident === someone));
        assert.ok(theirs.length > 3, `${someone}: ${theirs.length} memories`);
        assert.deepEqual(await store.memories(someone), theirs);
        assert.deepEqual(await store.memories(someone, { last: 3 }), theirs.slice(-3));
        const reflections = theirs.filter((m) => m.kind === 'reflection');
        assert.ok(reflections.length > 0, `${someone} reflected`);
        assert.deepEqual(await store.memories(someone, { kinds: ['reflection'] }), reflections);
        assert.deepEqual(
          await store.memories(someone, { kinds: ['observation', 'conversation'], last: 2 }),
          theirs.filter((m) => m.kind === 'observation' || m.kind === 'conversation').slice(-2),
        );
      }));

    test('agenda: a resident’s day as planned at dawn, or the latest stored before it', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        const day2 = days[1] as ClosedDay;
        const plan = day2.log.schedules[0];
        assert.ok(plan && plan.slots.length > 3);
        const agenda = await store.agenda(plan.resident, 2);
        assert.equal(agenda?.day, 2);
        assert.deepEqual(
          agenda?.slots.map(({ hour: _, ...slot }) => slot),
          [...plan.slots].sort((x, y) => x.tick - y.tick),
        );
        // Each slot's hour is when its tick began, as the day's actions at that tick tell it.
        for (const slot of agenda?.slots ?? []) {
          const acted = day2.log.actions.find((a) => a.tick === slot.tick);
          assert.equal(slot.hour, acted ? acted.hour : null, `tick ${slot.tick}`);
        }
        assert.equal((await store.agenda(plan.resident, 99))?.day, 3);
        assert.equal(await store.agenda('Nobody Atall', 2), undefined);
      }));

    test('storing a day again replaces that day, and only that day', () =>
      withFreshStore(open, async (store) => {
        await saveAll(store, days);
        const day2 = days[1] as ClosedDay;
        const [kept] = day2.log.conversations;
        assert.ok(kept && day2.log.conversations.length > 1);
        const again = { ...day2.log, conversations: [kept] };
        const report = { ...day2.report, markdown: `${day2.report.markdown}\nStored again.\n` };
        await store.saveDay(again, report, day2.relationships);
        assert.deepEqual(await store.conversations({ day: 2 }), [kept]);
        assert.deepEqual(await store.report(2), report);
        assert.deepEqual(await store.reportDays(), [1, 2, 3]);
        for (const d of [days[0], days[2]] as ClosedDay[]) {
          assert.deepEqual(await store.conversations({ day: d.log.day }), inTime(d.log.conversations));
          assert.deepEqual(await store.report(d.log.day), d.report);
        }
      }));

    test('a closed store answers no more; opened again, it holds all it was given', () =>
      withFreshStore(open, async (store, opened) => {
        await saveAll(store, days);
        await store.close();
        await assert.rejects(store.reportDays());
        if (!opened.reopen) return;
        const again = await opened.reopen();
        try {
          assert.deepEqual(await again.config(), DEFAULT_CONFIG);
          assert.deepEqual(await again.snapshot(), last.snapshot);
          assert.deepEqual(await again.reportDays(), [1, 2, 3]);
          assert.deepEqual(await again.conversations({}), inTime(talks));
        } finally {
          await again.close();
        }
      }));
  });
}

/** The residents' scheduler: ticks, agendas, travel, capacity, cool-downs, talk and memory. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { worldDaysOf } from '../../../src/world/clock.ts';
import { WORLD } from '../../../src/world/map.ts';
import { DEFAULT_CONFIG, selectResidents } from '../../../src/world/residents/catalog.ts';
import { type DayLog, Residents } from '../../../src/world/residents/engine.ts';
import { eventOf } from '../../../src/world/residents/events.ts';
import { Geography } from '../../../src/world/residents/geography.ts';
import {
  DEFAULT_SETTINGS,
  type ResidentsConfig,
  type RunSettings,
} from '../../../src/world/residents/types.ts';
import { simulate } from '../../../src/world/simulate.ts';
import type { TownEvent } from '../../../src/world/types.ts';

function engine(
  overrides: Partial<RunSettings> = {},
  config: ResidentsConfig = selectResidents(DEFAULT_CONFIG, 20),
) {
  return new Residents({ world: WORLD, config, settings: { ...DEFAULT_SETTINGS, seed: '11', ...overrides } });
}

function runDays(r: Residents, days: number): DayLog[] {
  const logs: DayLog[] = [];
  for (let d = 0; d < days; d++) logs.push(r.finishDay());
  return logs;
}

describe('residents: ticks and agendas', () => {
  it('ticks every --tick-minutes from the start hour until the end hour, day after day', () => {
    const r = engine({ tickMinutes: 30, startHour: 7, endHour: 19 });
    assert.equal(r.nextTick, worldDaysOf(1, 7));
    const seen: number[] = [];
    while (r.nextTick < 1) {
      seen.push(Math.round((r.nextTick % 1) * 24 * 60));
      r.advanceTo(r.nextTick);
    }
    // 24 ticks of 30 minutes, 7:00 to 18:30; then day 2 begins at 7:00.
    assert.equal(seen.length, 24);
    assert.deepEqual(seen.slice(0, 3), [420, 450, 480]);
    assert.equal(seen.at(-1), 18 * 60 + 30);
    assert.equal(r.nextTick, worldDaysOf(2, 7));
    const [log] = r.takeDays();
    assert.equal(log?.day, 1);
    for (const a of log?.actions ?? []) {
      assert.ok(a.hour >= 7 && a.hour <= 19, `${a.text} at ${a.hour}`);
      assert.equal((a.hour * 60) % 30, 0);
    }
  });

  it('plans a slot for every tick: work in the workplace’s open hours, reflection to close the day', () => {
    const r = engine();
    const [log] = runDays(r, 1);
    assert.equal(log?.schedules.length, 20);
    for (const { resident, slots } of log?.schedules ?? []) {
      assert.deepEqual(
        slots.map((s) => s.tick),
        [...Array(12).keys()],
      );
      const me = DEFAULT_CONFIG.residents.find((x) => x.name === resident);
      const work = DEFAULT_CONFIG.locations.find((l) => l.id === me?.workplace);
      for (const s of slots.filter((x) => x.activity === 'work' || x.activity === 'task')) {
        const hour = 8 + s.tick;
        assert.equal(s.location, work?.id);
        assert.ok(
          hour >= (work?.open[0] ?? 0) && hour < (work?.open[1] ?? 24),
          `${resident} works at ${hour}`,
        );
      }
      assert.equal(
        slots.at(-1)?.activity,
        slots.at(-1)?.activity === 'reflect' ? 'reflect' : slots.at(-1)?.activity,
      );
    }
    const reflecting = (log?.schedules ?? []).filter((s) => s.slots.at(-1)?.activity === 'reflect');
    assert.ok(reflecting.length >= 15, 'most end the day in reflection');
  });

  it('keeps to the guardrails: at most --max-actions-per-day actions, and a cool-down between talks', () => {
    const r = engine({ maxActionsPerDay: 6, chatCooldownMinutes: 180 });
    const logs = runDays(r, 5);
    for (const log of logs) {
      const counts = new Map<string, number>();
      for (const a of log.actions)
        if (a.kind !== 'move' && a.kind !== 'arrive')
          counts.set(a.resident, (counts.get(a.resident) ?? 0) + 1);
      for (const [who, n] of counts) assert.ok(n <= 6, `${who} took ${n} actions on day ${log.day}`);
    }
    const talks = new Map<string, number[]>();
    for (const c of logs.flatMap((l) => l.conversations))
      for (const p of c.participants) talks.set(p, [...(talks.get(p) ?? []), c.t]);
    let checked = 0;
    for (const [who, times] of talks) {
      for (let i = 1; i < times.length; i++) {
        assert.ok(
          ((times[i] as number) - (times[i - 1] as number)) * 1440 >= 180 - 1e-6,
          `${who} talked twice within 3 hours`,
        );
        checked++;
      }
    }
    assert.ok(checked > 0, 'some resident talked more than once');
  });
});

describe('residents: places and travel', () => {
  it('puts no one in two places: one action per resident per tick, and talk only among people in one place', () => {
    const logs = runDays(engine(), 7);
    for (const log of logs) {
      const seen = new Set<string>();
      for (const a of log.actions) {
        if (a.kind === 'move' || a.kind === 'arrive') continue;
        const key = `${a.resident}@${a.tick}`;
        assert.ok(!seen.has(key), `${a.resident} did two things at tick ${a.tick} of day ${log.day}`);
        seen.add(key);
      }
      for (const c of log.conversations) {
        const places = log.actions.filter(
          (a) => (a.kind === 'chat' || a.kind === 'meeting') && a.data.conversation === c.id,
        );
        assert.equal(places.length, c.participants.length);
        assert.equal(new Set(places.map((a) => a.location)).size, 1, `${c.id} spans places`);
      }
    }
  });

  it('never lets anyone arrive before the route’s time, nor act while on the road', () => {
    const r = engine();
    const logs = runDays(r, 14);
    const actions = logs.flatMap((l) => l.actions);
    const departures = actions.filter((a) => a.kind === 'travel');
    assert.ok(departures.length >= 5, `people travelled (${departures.length} journeys)`);
    for (const d of departures) {
      const arrival = actions.find((a) => a.kind === 'arrive' && a.resident === d.resident && a.seq > d.seq);
      assert.ok(arrival, `${d.resident} arrived`);
      const route = new Geography(DEFAULT_CONFIG, WORLD).route(String(d.data.from), String(d.data.to));
      assert.ok(
        route && arrival.t - d.t >= route.hours / 24 - 1e-9,
        `${d.resident} arrived after ${(arrival.t - d.t) * 24} h`,
      );
      assert.equal(arrival.town, d.data.to);
      const between = actions.filter(
        (a) => a.resident === d.resident && a.seq > d.seq && a.seq < arrival.seq,
      );
      assert.deepEqual(between, [], `${d.resident} acted on the road`);
    }
  });

  it('never fills a place beyond its capacity: the rest make do elsewhere', () => {
    const base = selectResidents(DEFAULT_CONFIG, 27);
    const config: ResidentsConfig = {
      ...base,
      locations: base.locations.map((l) => (l.kind === 'tavern' ? { ...l, capacity: 2 } : l)),
      residents: base.residents.map((x) => ({ ...x, sociability: 1 })),
    };
    const r = engine({}, config);
    let full = 0;
    for (let i = 0; i < 12 * 5; i++) {
      r.advanceTo(r.nextTick);
      for (const l of config.locations) {
        assert.ok(r.occupants(l.id) <= l.capacity, `${l.id} holds ${r.occupants(l.id)} > ${l.capacity}`);
        if (l.kind === 'tavern' && r.occupants(l.id) === l.capacity) full++;
      }
      for (const l of config.locations.filter((x) => x.kind === 'tavern')) {
        const inside = r.people.filter((p) => p.location === l.id).length;
        assert.equal(inside, r.occupants(l.id), 'occupancy matches who is there');
      }
    }
    assert.ok(full > 0, 'the taverns did fill up');
    const turnedAway = r
      .takeDays()
      .flatMap((l) => l.actions)
      .filter((a) => a.text.includes('was full'));
    assert.ok(turnedAway.length > 0, 'someone was turned away');
  });
});

describe('residents: talk, relationships and memory', () => {
  it('a chat raises the pair’s score and leaves a memory in both', () => {
    const r = engine();
    const logs = runDays(r, 7);
    const warm = logs.flatMap((l) => l.conversations).find((c) => c.kind === 'chat' && c.delta > 0);
    assert.ok(warm, 'a friendly chat happened');
    const [a, b] = warm.participants as [string, string];
    const change = logs
      .find((l) => l.day === warm.day)
      ?.changes.find((c) => [c.a, c.b].sort().join() === [a, b].sort().join());
    assert.ok(change?.reasons.includes(warm.summary));
    const memories = logs
      .flatMap((l) => l.memories)
      .filter((m) => m.kind === 'conversation' && m.t === warm.t);
    assert.ok(
      memories.some((m) => m.resident === a && m.text.includes(b)),
      `${a} remembers talking with ${b}`,
    );
    assert.ok(
      memories.some((m) => m.resident === b && m.text.includes(a)),
      `${b} remembers talking with ${a}`,
    );
    // And the score moved by exactly the chat's change at that moment.
    const fresh = engine();
    fresh.advanceTo(warm.t - 1e-6);
    const before = fresh.score(a, b);
    fresh.advanceTo(warm.t);
    assert.equal(fresh.score(a, b), before + warm.delta);
  });

  it('over a week of 20 residents, relationships strengthen and sour, and people reflect on what happened', () => {
    const logs = runDays(engine(), 7);
    const changes = logs.flatMap((l) => l.changes);
    assert.ok(changes.some((c) => c.after > c.before));
    assert.ok(changes.some((c) => c.after < c.before));
    const memories = logs.flatMap((l) => l.memories);
    const reflections = memories.filter((m) => m.kind === 'reflection');
    assert.ok(reflections.length > 0, 'someone reflected');
    // A reflection draws on that resident's own day: a person they talked to, or what they did.
    for (const m of reflections) {
      const mine = memories.filter((x) => x.resident === m.resident && x.t <= m.t && x.kind !== 'reflection');
      assert.ok(mine.length > 0);
    }
    assert.ok(
      memories.some((m) => m.kind === 'task'),
      'someone finished a task',
    );
  });

  it('recalls memories by recency, importance and relevance', async () => {
    const { MemoryStream } = await import('../../../src/world/residents/memory.ts');
    const s = new MemoryStream('John');
    const at = (id: number, t: number, text: string, importance: number) =>
      s.add({ id, resident: 'John', t, lastAccess: t, kind: 'observation', text, importance });
    at(1, 0, 'Ida Pike taught me to read the ore seams in the mine', 4);
    at(2, 1, 'Pirates robbed the caravan to PatchBourough', 5);
    at(3, 2, 'Had porridge for breakfast', 1);
    // Recalling refreshes a memory's recency, so importance is asked first.
    assert.equal(s.retrieve('', 2, 1)[0]?.id, 2, 'importance');
    assert.equal(s.retrieve('ore seams in the mine', 2, 1)[0]?.id, 1, 'relevance');
    at(4, 30, 'Had porridge again', 1);
    assert.equal(s.retrieve('breakfast porridge', 30, 1)[0]?.id, 4, 'recency');
    // A long life keeps only what recall can reach in memory (the store keeps the rest).
    for (let i = 5; i < 2000; i++) at(i, 30 + i / 100, `Day ${i} at the workshop`, 2);
    assert.ok(s.size <= 800, `${s.size} memories held`);
    assert.equal(s.recent().at(-1)?.id, 1999);
  });

  it('recall passes over memories on bounds, and chooses what a full scan of every score chooses', async () => {
    const { MemoryStream, embed } = await import('../../../src/world/residents/memory.ts');
    const { Rng } = await import('../../../src/world/rng.ts');
    type Kind = 'observation' | 'conversation' | 'reflection' | 'plan' | 'task';
    const KINDS: Kind[] = ['observation', 'conversation', 'reflection', 'plan', 'task'];
    const WORDS = 'ore mine pirates raid storm fish harbour grain mill tavern gold ship forge caravan'.split(
      ' ',
    );
    // The scoring of the memory stream, every memory scored: the best k, ties to the older.
    const fullScan = (
      memories: { id: number; lastAccess: number; kind: Kind; text: string; importance: number }[],
      query: string,
      t: number,
      k: number,
      kinds?: Kind[],
    ) => {
      const q = embed(query);
      return memories
        .slice(-400)
        .map((m, i) => ({ m, i }))
        .filter(({ m }) => !kinds || kinds.includes(m.kind))
        .map(({ m, i }) => {
          const v = embed(m.text);
          let dot = 0;
          for (let d = 0; d < v.length; d++) dot += (q[d] as number) * (v[d] as number);
          const hours = Math.max(0, (t - m.lastAccess) * 24);
          return { m, i, score: 0.99 ** hours + m.importance / 10 + dot };
        })
        .sort((a, b) => b.score - a.score || a.i - b.i)
        .slice(0, k)
        .map(({ m }) => m);
    };
    for (let round = 0; round < 20; round++) {
      const rng = Rng.of('recall', round);
      const stream = new MemoryStream('John');
      const mirror: Parameters<typeof fullScan>[0] = [];
      let t = 0;
      for (let id = 1; id <= 1200; id++) {
        t += rng.chance(0.3) ? rng.range(0, 0.3) : 0; // many memories share their time
        const text = Array.from({ length: rng.int(1, 6) }, () => WORDS[rng.int(0, WORDS.length - 1)]).join(
          ' ',
        );
        const memory = {
          id,
          resident: 'John',
          t,
          lastAccess: t,
          kind: KINDS[rng.int(0, 4)] as Kind,
          text: rng.chance(0.2) ? 'the same again' : text, // and some their words: equal scores
          importance: rng.int(1, 10),
        };
        mirror.push({ ...memory });
        stream.add(memory);
        if (rng.chance(0.1)) {
          const query = WORDS.slice(rng.int(0, 5), rng.int(6, 13)).join(' ');
          const k = rng.int(1, 6);
          const kinds = rng.chance(0.3) ? KINDS.slice(0, 3) : undefined;
          const expected = fullScan(mirror, query, t, k, kinds);
          const got = stream.retrieve(query, t, k, kinds);
          assert.deepEqual(
            got.map((m) => m.id),
            expected.map((m) => m.id),
            `round ${round}, memory ${id}`,
          );
          for (const m of expected) m.lastAccess = t;
        }
      }
    }
  });
});

describe('residents in the towns', () => {
  it('do the towns’ jobs: job events name only residents on duty, and an unnamed hand works the rest', () => {
    const config = selectResidents(DEFAULT_CONFIG, 8);
    const residents = new Residents({ world: WORLD, config, settings: { ...DEFAULT_SETTINGS, seed: '4' } });
    const names = new Set(config.residents.map((x) => x.name));
    let named = 0;
    let unnamed = 0;
    for (const update of simulate({ world: WORLD, seed: '4', days: 2, epochMs: 0, residents })) {
      for (const e of update.events) {
        if (e.kind === 'sensor') continue;
        if (e.actor) {
          assert.ok(names.has(e.actor), `${e.actor} is not a resident`);
          named++;
        } else if (['mining', 'fishing', 'apprenticeship'].includes(e.kind)) {
          assert.match(e.text, /^[A-Z]/);
          unnamed++;
        }
      }
      // Job events at night are done by unnamed hands: residents are home.
      if (update.hour < 8 || update.hour >= 21)
        for (const e of update.events)
          if (['mining', 'fishing'].includes(e.kind)) assert.equal(e.actor, undefined);
    }
    assert.ok(named > 0 && unnamed > 0);
  });
});

describe('residents in real-time towns', () => {
  it('every town process agrees on them, and each tells exactly its own share', async () => {
    const { TownResidents } = await import('../../../src/residents/live.ts');
    const seed = '9';
    const shares = WORLD.ids.map((town) => ({
      town,
      live: new TownResidents(WORLD, town, DEFAULT_CONFIG, seed, 0),
      told: [] as TownEvent[],
    }));
    // Each town wakes at its own times, as the processes do.
    for (let i = 1; i <= 3 * 10; i++) {
      for (const [k, s] of shares.entries()) {
        const t = i / 10 + k * 0.013;
        s.live.before(t);
        s.told.push(...s.live.after(t, []));
      }
    }
    const whole = new Residents({
      world: WORLD,
      config: DEFAULT_CONFIG,
      settings: { ...DEFAULT_SETTINGS, seed },
    });
    whole.advanceTo(3 + 3 * 0.013);
    const all = whole
      .takeDays()
      .flatMap((d) => d.actions)
      .flatMap((a) => (eventOf(a) ? [a] : []));
    const key = (actor: string | undefined, text: string) => `${actor}|${text}`;
    const told = shares.flatMap((s) => s.told.map((e) => key(e.actor, e.text)));
    assert.deepEqual(told.sort(), all.map((a) => key(a.resident, a.text)).sort());
    // A journey is told where it starts, its arrival where it ends.
    for (const s of shares) {
      for (const e of s.told.filter((x) => x.kind === 'travel')) {
        assert.equal(e.data.stage === 'set off' ? e.data.from : e.data.to, s.town, e.text);
      }
    }
  });
});

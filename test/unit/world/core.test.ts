/** The pure core: randomness, time, routes, and one town's step on its own. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Clock, worldDaysOf, worldTimeOf } from '../../../src/world/clock.ts';
import { WORLD } from '../../../src/world/map.ts';
import { Rng } from '../../../src/world/rng.ts';
import { simulate } from '../../../src/world/simulate.ts';
import { initialState, stepTown } from '../../../src/world/step.ts';
import { defineTown } from '../../../src/world/town.ts';
import { METAL_PER_TOOL_LBS } from '../../../src/world/towns/patchbourough/index.ts';
import type { Dispatch, TownId } from '../../../src/world/types.ts';
import { isoTime } from '../../../src/world/update.ts';
import { World } from '../../../src/world/world.ts';

describe('Rng', () => {
  test('the same labels give the same stream; other labels another', () => {
    const draw = (rng: Rng) => Array.from({ length: 5 }, () => rng.uint32());
    assert.deepEqual(draw(Rng.of('7', 'circuiton', 3)), draw(Rng.of('7', 'circuiton', 3)));
    assert.notDeepEqual(draw(Rng.of('7', 'circuiton', 3)), draw(Rng.of('7', 'circuiton', 4)));
    assert.notDeepEqual(draw(Rng.of('7', 'circuiton', 3)), draw(Rng.of('8', 'circuiton', 3)));
  });

  test('split streams are independent of later draws in the parent', () => {
    const a = Rng.of('seed');
    const childA = a.split('work');
    const b = Rng.of('seed');
    const childB = b.split('work');
    b.next();
    assert.equal(childA.next(), childB.next());
  });

  test('int covers both ends of its range and nothing outside', () => {
    const rng = Rng.of('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(rng.int(1, 7));
    assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('world time', () => {
  test('day and hour from world days, in whole tenths of an hour', () => {
    assert.deepEqual(worldTimeOf(0), { day: 1, hour: 0 });
    assert.deepEqual(worldTimeOf(11.6), { day: 12, hour: 14.4 });
    assert.deepEqual(worldTimeOf(worldDaysOf(40, 23.9)), { day: 40, hour: 23.9 });
    assert.deepEqual(worldTimeOf(worldDaysOf(6, 0)), { day: 6, hour: 0 });
  });

  test('five real minutes are a day, and the speed factor shortens it', () => {
    const clock = new Clock(1_000_000, 39, 1);
    assert.equal(clock.worldDaysAt(1_000_000 + 300_000), 40);
    assert.equal(clock.updateIntervalMs, 30_000);
    const fast = new Clock(0, 0, 10);
    assert.equal(fast.worldDaysAt(30_000), 1);
    assert.equal(fast.updateIntervalMs, 3_000);
    assert.throws(() => new Clock(0, 0, 0), /speed must be a positive number/);
  });
});

describe('the map and its routes', () => {
  test('goods travel from the port through PatchBourough to Circuiton', () => {
    assert.deepEqual(WORLD.route('port-logic', 'patchbourough'), { days: 0.6, by: 'river barge' });
    assert.deepEqual(WORLD.route('circuiton', 'port-logic'), { days: 1.4, by: 'mountain caravan' });
    assert.equal(WORLD.route('den-of-thieves', 'port-logic'), null);
  });

  test('an unknown town is a clear error', () => {
    assert.throws(() => WORLD.rules('atlantis'), /unknown town "atlantis"; known towns: /);
  });
});

describe('one town step', () => {
  const rules = WORLD.rules('patchbourough');

  test('is pure: the same state and inputs give the same result, and the input is untouched', () => {
    const before = initialState(WORLD, rules);
    const frozen = JSON.stringify(before);
    const a = stepTown(WORLD, rules, before, { seed: '7', t: 0.5, inbox: [] });
    const b = stepTown(WORLD, rules, before, { seed: '7', t: 0.5, inbox: [] });
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(before), frozen);
    assert.equal(a.state.seq, 1);
  });

  const shipment = (crates: number): Dispatch => ({
    town: 'circuiton' as TownId,
    t: 1,
    event: {
      kind: 'trade',
      text: 'metal sent',
      data: {
        goods: 'metal',
        quantity: crates * 0.005,
        cargo_items: crates,
        from: 'circuiton',
        to: 'patchbourough',
        shipment: 'circuiton-9',
      },
    },
  });

  test('a shipment arrives a route’s length after it left, and adds to the stock', () => {
    let state = initialState(WORLD, rules);
    let result = stepTown(WORLD, rules, state, { seed: '7', t: 1.1, inbox: [shipment(3)] });
    state = result.state;
    assert.equal(result.events.filter((e) => e.kind === 'arrival').length, 0);
    result = stepTown(WORLD, rules, state, { seed: '7', t: 1.79, inbox: [] });
    assert.equal(result.events.filter((e) => e.kind === 'arrival').length, 0, 'the caravan takes 0.8 days');
    const before = result.state;
    result = stepTown(WORLD, rules, before, { seed: '7', t: 1.81, inbox: [] });
    const arrival = result.events.find((e) => e.kind === 'arrival');
    assert.ok(arrival);
    assert.equal(arrival.data.quantity, 0.015);
    assert.equal(arrival.data.shipment, 'circuiton-9');
    // The forge may use some of it in the same update; what it used is in its event.
    const forged = result.events
      .filter((e) => e.kind === 'forge')
      .reduce((n, e) => n + Number(e.data.tools), 0);
    const grown = (result.state.stock.metal ?? 0) - (before.stock.metal ?? 0);
    assert.ok(Math.abs(grown - (0.015 - forged * METAL_PER_TOOL_LBS)) < 1e-9, `metal grew by ${grown}`);
  });

  test('a raid on a shipment takes its crates: fewer arrive, and the sender records the loss', () => {
    const raid: Dispatch = {
      town: 'den-of-thieves' as TownId,
      t: 1.2,
      event: {
        kind: 'raid',
        text: 'raid',
        data: {
          raid_gold: 180,
          loot_gold: 180,
          target: 'circuiton',
          goods: 'metal',
          cargo_items: 2,
          shipment: 'circuiton-9',
          from: 'circuiton',
          to: 'patchbourough',
        },
      },
    };
    const first = stepTown(WORLD, rules, initialState(WORLD, rules), {
      seed: '7',
      t: 1.1,
      inbox: [shipment(3)],
    });
    const later = stepTown(WORLD, rules, first.state, { seed: '7', t: 1.9, inbox: [raid] });
    assert.equal(later.events.find((e) => e.kind === 'arrival')?.data.cargo_items, 1);

    const sender = WORLD.rules('circuiton');
    const robbed = stepTown(WORLD, sender, initialState(WORLD, sender), { seed: '7', t: 1.3, inbox: [raid] });
    const loss = robbed.events.find((e) => e.kind === 'loss');
    assert.ok(loss);
    assert.equal(loss.data.loot_gold, 180);
    assert.equal(loss.data.target, 'circuiton');
    assert.equal(robbed.state.gold, initialState(WORLD, sender).gold - 180);
  });
});

describe('adding a town', () => {
  test('one file of rules and one place on the map is all a fifth town needs', () => {
    const lighthouse = defineTown<{ oil: number }>({
      id: 'lighthouse',
      name: 'The Lighthouse',
      description: 'a keeper on a rock',
      climate: { inland: 0.5, temperature: [5, 20], pressure: [990, 1020], exposure: 1.4 },
      aliases: 'the lighthouse',
      colour: '#f1c40f',
      position: [200, 250],
      routes: [{ to: 'port-logic', cargo: { days: 0.3, by: 'rowing boat' } }],
      kinds: [{ kind: 'lamp', about: 'the lamp kept', fields: { oil: 'number' } }],
      places: [{ slug: 'rock', name: 'the Rock', kind: 'workshop', capacity: 2 }],
      people: [
        {
          name: 'Agnes Lamp',
          job: 'keeper',
          roles: ['keeper', 'trader'],
          persona: 'a keeper',
          interests: { weather: 1 },
          workplace: 'rock',
          sociability: 0.5,
        },
      ],
      exports: [{ to: 'port-logic', goods: 'fish', keep: 0 }],
      upkeep: {},
      initial: () => ({ gold: 10, stock: { fish: 1000 }, local: { oil: 5 } }),
      work(turn) {
        turn.state.local.oil = Math.max(0, turn.state.local.oil - 0.1);
        turn.emit(
          'lamp',
          `${turn.worker('keeper')} trimmed the lamp.`,
          { oil: turn.state.local.oil },
          'Agnes Lamp',
        );
      },
    });
    const world = new World([...WORLD.towns, lighthouse]);
    const updates = [...simulate({ world, seed: '5', days: 20, epochMs: 0 })];
    assert.ok(updates.some((u) => u.town === 'lighthouse' && u.events.some((e) => e.kind === 'lamp')));
    const arrivals = updates
      .filter((u) => u.town === 'port-logic')
      .flatMap((u) => u.events)
      .filter((e) => e.kind === 'arrival' && e.data.from === 'lighthouse');
    assert.ok(arrivals.length > 0, 'fish rowed over from the lighthouse reach the port');
  });
});

describe('update timestamps', () => {
  test('isoTime writes exactly what Date#toISOString writes', () => {
    const rng = Rng.of('iso');
    const samples = [0, 951_782_400_000, 951_868_800_000, 1_767_225_600_000, 253_402_300_799_999];
    for (let i = 0; i < 20_000; i++) samples.push(rng.next() * 253_402_300_799_999);
    for (const ms of samples) assert.equal(isoTime(ms), new Date(Math.floor(ms)).toISOString());
  });
});

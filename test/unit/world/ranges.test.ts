/**
 * Over a simulated year, every number of every job stays inside its range in DESIGN.md; a job that
 * did not happen says so and reports 0. The ranges are written out here from the design, not
 * imported from the rules, so a wrong constant in the rules fails this test.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { History, num, year } from '../../helpers/history.ts';

type Range = readonly [number, number];

/** DESIGN.md: "A number with a seed range stays inside it whenever the job happens". */
const JOBS: Record<string, Record<string, Record<string, Range>>> = {
  'port-logic': { fishing: { fish: [0, 500] }, maritime: { nets: [1, 10], ropes: [0, 20] } },
  patchbourough: {
    farming: { harvest: [0, 500] },
    forge: { tools: [1, 5] },
    mill: { grain_lbs: [100, 500] },
  },
  circuiton: {
    mining: { ore_tons: [0.1, 2], metal_lbs: [0.001, 0.005] },
    education: { learned: [0, 2] },
    apprenticeship: { trinkets: [1, 7] },
  },
  'den-of-thieves': {
    drinking: { drinks: [3, 20] },
    raid: { raid_gold: [100, 500] },
    repair: { boat_repaired: [0, 1] },
    arrows: { arrows: [0, 50] },
  },
};

const SENSORS: Record<string, { temperature_c: Range; pressure_hpa: Range }> = {
  'port-logic': { temperature_c: [10, 30], pressure_hpa: [990, 1020] },
  patchbourough: { temperature_c: [5, 25], pressure_hpa: [990, 1020] },
  circuiton: { temperature_c: [-5, 15], pressure_hpa: [950, 1010] },
  'den-of-thieves': { temperature_c: [15, 35], pressure_hpa: [990, 1020] },
};

/** The words of an event that reports a job that did not happen. */
const DID_NOT_HAPPEN = /\bno\b|\bnobody\b|idle|cold|stayed|kept|let the .* go|would not|could not|empty/i;

const inRange = (x: number, [lo, hi]: Range) => Number.isFinite(x) && x >= lo && x <= hi;

for (const seed of ['7', 'ranges']) {
  describe(`a simulated year of seed ${seed}`, () => {
    const history = year(seed);

    test('has updates from every town all year, each with several events', () => {
      for (const town of Object.keys(JOBS)) {
        const updates = history.updates.filter((u) => u.town === town);
        assert.ok(updates.length > 3000, `${town} made only ${updates.length} updates`);
        assert.equal(updates.at(-1)?.day, 365);
        assert.deepEqual(
          updates.map((u) => u.seq),
          updates.map((_, i) => i + 1),
        );
      }
      const events = history.updates.reduce((n, u) => n + u.events.length, 0);
      assert.ok(
        events / history.updates.length >= 3,
        `only ${events / history.updates.length} events per update`,
      );
    });

    for (const [town, jobs] of Object.entries(JOBS)) {
      for (const [kind, fields] of Object.entries(jobs)) {
        test(`${town} ${kind}: ${Object.keys(fields).join(', ')} inside the design's ranges`, () => {
          const events = history.events(town, kind);
          assert.ok(events.length > 50, `only ${events.length} ${kind} events`);
          let happened = 0;
          for (const { event } of events) {
            const values = Object.keys(fields).map((key) => num(event, key));
            if (values.every((v) => v === 0) && Object.values(fields).some(([lo]) => lo > 0)) {
              assert.match(event.text, DID_NOT_HAPPEN, `a zero ${kind} that does not say why: ${event.text}`);
              continue;
            }
            happened++;
            for (const [key, range] of Object.entries(fields)) {
              assert.ok(
                inRange(num(event, key), range),
                `${kind} ${key}=${event.data[key]} outside ${range}`,
              );
            }
          }
          assert.ok(happened > 20, `${kind} happened only ${happened} times`);
        });
      }
    }

    test('trade cargo: 0–10 items, with goods, quantity, from and to', () => {
      const trades = history.events(undefined, 'trade');
      assert.ok(trades.length > 500);
      for (const { event } of trades) {
        assert.ok(inRange(num(event, 'cargo_items'), [0, 10]), event.text);
        assert.equal(typeof event.data.from, 'string');
        assert.equal(typeof event.data.to, 'string');
        if (num(event, 'cargo_items') > 0) {
          assert.equal(typeof event.data.goods, 'string');
          assert.ok(num(event, 'quantity') > 0, event.text);
        }
      }
    });

    test('sensors: temperature and pressure inside each town’s range, humidity and wind plausible', () => {
      for (const [town, ranges] of Object.entries(SENSORS)) {
        const sensors = history.events(town, 'sensor');
        assert.equal(sensors.length, history.updates.filter((u) => u.town === town).length);
        for (const { event } of sensors) {
          assert.ok(inRange(num(event, 'temperature_c'), ranges.temperature_c), `${town} ${event.text}`);
          assert.ok(inRange(num(event, 'pressure_hpa'), ranges.pressure_hpa), `${town} ${event.text}`);
          assert.ok(inRange(num(event, 'humidity_pct'), [0, 100]), event.text);
          assert.ok(inRange(num(event, 'wind_kph'), [0, 150]), event.text);
        }
      }
      for (const { event } of history.events('port-logic', 'sensor')) {
        assert.ok(inRange(num(event, 'tide_m'), [0, 5]), event.text);
      }
      for (const { event } of history.events('patchbourough', 'sensor')) {
        assert.ok(inRange(num(event, 'river_level_m'), [0, 4]), event.text);
      }
    });

    test('every event has a kind, readable text and only finite numbers or strings in data', () => {
      for (const { update, event } of history.events()) {
        assert.match(event.kind, /^[a-z]+$/);
        assert.ok(event.text.length > 10 && event.text.length < 400, event.text);
        if (event.kind !== 'sensor') assert.ok(History.sensorOf(update));
        for (const value of Object.values(event.data)) {
          assert.ok(
            typeof value === 'string' || Number.isFinite(value),
            `${event.kind}: ${JSON.stringify(event.data)}`,
          );
        }
      }
    });
  });
}

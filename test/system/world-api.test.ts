/**
 * GET /api/world describes each town as its folder declares it (colour, place, routes, every number
 * its events carry) and the charts that draw them; the description follows whatever world it is
 * given, towns added at runtime too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MetricDescription, WorldResponse } from '../../src/events/contracts.ts';
import { describeWorld } from '../../src/world/describe.ts';
import { COMMON_KINDS, WEATHER_METRICS } from '../../src/world/kinds.ts';
import { WORLD } from '../../src/world/map.ts';
import type { AnyTownRules, MetricDef } from '../../src/world/town.ts';
import { BUILT_IN_TOWNS } from '../../src/world/towns/index.ts';
import { World } from '../../src/world/world.ts';
import { startAggregator, type TestAggregator } from '../helpers/aggregator.ts';

const common = (kind: string) => COMMON_KINDS.find((k) => k.kind === kind)?.metrics ?? [];

/** What a town's declaration says its events carry, worked out here from the declarations themselves. */
function declared(town: AnyTownRules): { def: MetricDef; kind: string }[] {
  return [
    ...town.kinds.flatMap((k) => (k.metrics ?? []).map((def) => ({ def, kind: k.kind }))),
    ...(town.readings ?? []).map((def) => ({ def, kind: 'sensor' })),
    ...WEATHER_METRICS.map((def) => ({ def, kind: 'sensor' })),
    ...(town.exports.length > 0
      ? [
          ...common('trade').map((def) => ({ def, kind: 'trade' })),
          ...common('loss').map((def) => ({ def, kind: 'loss' })),
        ]
      : []),
  ];
}

function assertDescribes(town: AnyTownRules, metrics: readonly MetricDescription[]): void {
  const expected = declared(town);
  assert.deepEqual(
    metrics.map((m) => m.key),
    expected.map(({ def }) => def.key),
    `${town.id}: its metrics`,
  );
  for (const [i, { def, kind }] of expected.entries()) {
    const m = metrics[i] as MetricDescription;
    assert.deepEqual(
      {
        label: m.label,
        unit: m.unit,
        decimals: m.decimals,
        range: m.range,
        measure: m.measure,
        kind: m.kind,
        main: m.main,
        chart: m.chart,
      },
      {
        label: def.label,
        unit: def.unit,
        decimals: def.decimals,
        range: [...def.range],
        measure: def.measure,
        kind,
        main: def.main === true,
        chart: def.chart ? { group: def.chart.group, scale: def.chart.scale ?? 1 } : undefined,
      },
      `${town.id} ${def.key}`,
    );
  }
}

describe('GET /api/world', () => {
  let agg: TestAggregator;
  let world: WorldResponse;
  before(async () => {
    agg = await startAggregator();
    const r = await agg.get('/api/world');
    assert.equal(r.status, 200);
    world = r.body;
  });
  after(() => agg.stop());

  test('lists every town with its colour, place and every metric as declared', () => {
    assert.deepEqual(
      world.towns.map((t) => t.id),
      WORLD.ids,
    );
    for (const town of world.towns) {
      const rules = WORLD.rules(town.id);
      assert.equal(town.name, rules.name);
      assert.equal(town.colour, rules.colour);
      assert.match(town.colour, /^#[0-9a-f]{6}$/i);
      assert.deepEqual(town.position, [...rules.position]);
      assertDescribes(rules, town.metrics);
      // Its news and counts are still there, beside the declaration.
      assert.equal(town.updates, 0);
      assert.equal(town.headline, null);
      assert.deepEqual(town.gaps, []);
    }
    // Only towns that send goods trade and are robbed.
    const den = world.towns.find((t) => t.id === 'den-of-thieves');
    assert.ok(den && !den.metrics.some((m) => m.kind === 'trade' || m.kind === 'loss'));
  });

  test('describes the charts: each chart group draws its declared metric of every town, with its scale', () => {
    assert.deepEqual(
      world.charts.map((c) => c.id),
      // Each town's product; temperature; air pressure (a second weather metric, a second chart).
      ['production', 'weather', 'weather-2'],
    );
    for (const chart of world.charts) {
      assert.deepEqual(
        chart.series.map((s) => s.town),
        WORLD.ids,
        chart.id,
      );
      for (const s of chart.series) {
        const m = world.towns.find((t) => t.id === s.town)?.metrics.find((x) => x.key === s.metric);
        assert.equal(m?.chart?.group, chart.group, `${s.town} ${s.metric}`);
        assert.equal(s.scale, m?.chart?.scale);
        assert.equal(s.unit, m?.unit);
        assert.equal(s.label, m?.label);
        assert.equal(s.kind, m?.kind);
        assert.equal(s.aggregate, m?.measure === 'output' ? 'sum' : 'mean');
      }
    }
    const production = world.charts.find((c) => c.id === 'production');
    assert.deepEqual(
      production?.series.find((s) => s.town === 'circuiton'),
      {
        town: 'circuiton',
        metric: 'ore_tons',
        kind: 'mining',
        label: 'ore mined',
        unit: 'tons',
        scale: 100,
        aggregate: 'sum',
      },
    );
  });
});

describe('the world description', () => {
  test('follows the world it is given: a town added at runtime is described and charted', () => {
    const port = BUILT_IN_TOWNS[0] as AnyTownRules;
    const added: AnyTownRules = {
      ...port,
      id: 'new-harbour',
      name: 'New Harbour',
      colour: '#123abc',
      routes: [],
      goods: {},
      exports: [],
      // Residents are people of their own.
      people: port.people.map((p) => ({ ...p, name: `${p.name} of New Harbour`, family: undefined })),
    };
    const world = new World([...BUILT_IN_TOWNS, added]);
    const description = describeWorld(world);
    assert.equal(describeWorld(world), description, 'worked out once per world');
    const town = description.towns.find((t) => t.id === 'new-harbour');
    assert.equal(town?.colour, '#123abc');
    assertDescribes(added, town?.metrics ?? []);
    for (const chart of description.charts) {
      assert.ok(
        chart.series.some((s) => s.town === 'new-harbour'),
        `${chart.id} draws the added town`,
      );
    }
    // The built-in world's description does not have it.
    assert.ok(!describeWorld(WORLD).towns.some((t) => t.id === 'new-harbour'));
  });

  test('a town with two metrics in one chart group puts the second on a second chart', () => {
    const port = BUILT_IN_TOWNS[0] as AnyTownRules;
    // Alone in its world: nowhere to send goods, nothing from elsewhere to eat.
    const twice: AnyTownRules = {
      ...port,
      routes: [],
      exports: [],
      upkeep: {},
      people: port.people.map((p) => ({ ...p, family: undefined })),
      kinds: port.kinds.map((k) => ({
        ...k,
        metrics: (k.metrics ?? []).map((m) => ({ ...m, chart: { group: 'production' as const, scale: 2 } })),
      })),
    };
    const charts = describeWorld(new World([twice])).charts;
    const production = charts.filter((c) => c.group === 'production');
    assert.ok(production.length >= 2);
    assert.deepEqual(production.map((c) => c.id).slice(0, 2), ['production', 'production-2']);
    assert.ok(production.every((c) => c.series.length === 1 && c.series[0]?.scale === 2));
  });
});

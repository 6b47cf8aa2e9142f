/**
 * The world runs on causes, not dice: what the towns do follows from the weather, their stocks and
 * each other. Each test checks one of those promises over a whole simulated year.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WORLD } from '../../../src/world/map.ts';
import { METAL_PER_TOOL_LBS, MILL_MIN_RIVER_M } from '../../../src/world/towns/patchbourough/index.ts';
import { STORM_WIND_KPH } from '../../../src/world/weather.ts';
import { type Happening, History, mean, num, year } from '../../helpers/history.ts';

const stormy = (h: Happening) => num(History.sensorOf(h.update), 'wind_kph') >= STORM_WIND_KPH;

for (const seed of ['7', 'causes']) {
  describe(`causality over a simulated year of seed ${seed}`, () => {
    const history = year(seed);

    test('the mean catch on storm days is under half the mean on calm days', () => {
      const stormDays = new Set(
        history
          .events('port-logic', 'sensor')
          .filter(stormy)
          .map((h) => h.update.day),
      );
      assert.ok(stormDays.size >= 5, `only ${stormDays.size} storm days at the port`);
      const fishing = history.events('port-logic', 'fishing');
      const onStormDays = fishing.filter((h) => stormDays.has(h.update.day)).map((h) => num(h.event, 'fish'));
      const onCalmDays = fishing.filter((h) => !stormDays.has(h.update.day)).map((h) => num(h.event, 'fish'));
      assert.ok(
        mean(onStormDays) < mean(onCalmDays) / 2,
        `storm ${mean(onStormDays)} vs calm ${mean(onCalmDays)}`,
      );
    });

    test('no raid leaves in a storm', () => {
      const raids = history.events('den-of-thieves', 'raid').filter((h) => num(h.event, 'raid_gold') > 0);
      assert.ok(raids.length >= 20, `only ${raids.length} raids`);
      for (const raid of raids) assert.ok(!stormy(raid), `a raid left in a storm: ${raid.event.text}`);
      const calledOff = history
        .events('den-of-thieves', 'raid')
        .filter((h) => num(h.event, 'raid_gold') === 0);
      for (const h of calledOff.filter(stormy)) assert.match(h.event.text, /storm/);
    });

    test('every raid on trade appears as a loss in the victim town', () => {
      const losses = history.events(undefined, 'loss');
      const raids = history.events('den-of-thieves', 'raid').filter((h) => num(h.event, 'raid_gold') > 0);
      for (const raid of raids) {
        const { target, shipment } = raid.event.data;
        const loss = losses.find((l) => l.event.data.shipment === shipment);
        assert.ok(loss, `no loss recorded for the raid: ${raid.event.text}`);
        assert.equal(loss.update.town, target);
        assert.equal(loss.event.data.target, target);
        assert.equal(num(loss.event, 'loot_gold'), num(raid.event, 'loot_gold'));
        assert.ok(loss.t >= raid.t);
      }
      assert.equal(losses.length, raids.length, 'every loss comes from a raid');
    });

    test('the mill never grinds more grain than the granary holds', () => {
      // Keep PatchBourough's granary from its own events alone: harvests in, barges in and out, milling.
      let granary = WORLD.rules('patchbourough').initial().stock.grain ?? 0;
      let ground = 0;
      for (const { event } of history.events('patchbourough')) {
        const d = event.data;
        if (event.kind === 'farming') granary += num(event, 'harvest');
        if (event.kind === 'arrival' && d.goods === 'grain') granary += num(event, 'quantity');
        if (event.kind === 'trade' && d.goods === 'grain' && d.from === 'patchbourough')
          granary -= num(event, 'quantity');
        if (event.kind === 'mill') {
          const grain = num(event, 'grain_lbs');
          assert.ok(
            Math.abs(num(event, 'grain_stock_lbs') - granary) < 1e-6,
            'the mill and the ledger disagree',
          );
          assert.ok(grain <= granary, `ground ${grain} lbs with ${granary} lbs in the granary`);
          granary -= grain;
          ground += grain;
        }
      }
      assert.ok(ground > 10_000, `the mill ground only ${ground} lbs all year`);
    });

    test('the mill idles when the river is too low, and a drought thins the harvest', () => {
      const idle = history
        .events('patchbourough', 'mill')
        .filter((h) => /river is too low/.test(h.event.text));
      for (const h of idle) assert.ok(num(History.sensorOf(h.update), 'river_level_m') < MILL_MIN_RIVER_M);
      const turning = history.events('patchbourough', 'mill').filter((h) => num(h.event, 'grain_lbs') > 0);
      for (const h of turning)
        assert.ok(num(History.sensorOf(h.update), 'river_level_m') >= MILL_MIN_RIVER_M);
    });

    test('the forge works only with metal that came down from Circuiton', () => {
      let metal = WORLD.rules('patchbourough').initial().stock.metal ?? 0;
      let arrived = 0;
      for (const { event } of history.events('patchbourough')) {
        if (event.kind === 'arrival' && event.data.goods === 'metal') {
          assert.equal(event.data.from, 'circuiton');
          metal += num(event, 'quantity');
          arrived += num(event, 'quantity');
        }
        if (event.kind === 'forge') {
          metal -= num(event, 'tools') * METAL_PER_TOOL_LBS;
          assert.ok(metal > -1e-9, `forged ${event.data.tools} tools without the metal: ${event.text}`);
        }
      }
      assert.ok(arrived > 0.05, `only ${arrived} lbs of metal arrived all year`);
    });

    test('a pressure drop reaches Port Logic before Circuiton', () => {
      // Cross-correlate the two towns' pressure, binned by tenths of a day: Circuiton should lag.
      const series = (town: string) => {
        const bins = new Float64Array(3650).fill(Number.NaN);
        for (const h of history.events(town, 'sensor'))
          bins[Math.floor(h.t * 10)] = num(h.event, 'pressure_hpa');
        return bins;
      };
      const port = series('port-logic');
      const mountain = series('circuiton');
      const correlation = (lag: number) => {
        const pairs: [number, number][] = [];
        for (let i = 0; i + lag < 3650; i++) {
          const a = port[i] as number;
          const b = mountain[i + lag] as number;
          if (!Number.isNaN(a) && !Number.isNaN(b)) pairs.push([a, b]);
        }
        const ma = mean(pairs.map((p) => p[0]));
        const mb = mean(pairs.map((p) => p[1]));
        let sab = 0;
        let saa = 0;
        let sbb = 0;
        for (const [a, b] of pairs) {
          sab += (a - ma) * (b - mb);
          saa += (a - ma) ** 2;
          sbb += (b - mb) ** 2;
        }
        return sab / Math.sqrt(saa * sbb);
      };
      let best = 0;
      for (let lag = 0; lag <= 10; lag++) if (correlation(lag) > correlation(best)) best = lag;
      assert.ok(best >= 2, `Circuiton's pressure lags the port's by ${best / 10} days`);
      assert.ok(correlation(best) > 0.5, `the towns' pressure is barely related (${correlation(best)})`);
    });

    test('goods sent along the trade route arrive, fewer by what the pirates took, and change stocks', () => {
      const arrivals = new Map(history.events(undefined, 'arrival').map((h) => [h.event.data.shipment, h]));
      const raided = new Map<unknown, number>();
      for (const h of history.events('den-of-thieves', 'raid')) {
        if (num(h.event, 'raid_gold') > 0) raided.set(h.event.data.shipment, num(h.event, 'cargo_items'));
      }
      const sent = history
        .events(undefined, 'trade')
        .filter((h) => typeof h.event.data.shipment === 'string');
      const routes = new Set<string>();
      for (const h of sent) {
        const [from, to, shipment] = [h.event.data.from, h.event.data.to, h.event.data.shipment].map(
          String,
        ) as [string, string, string];
        const days = WORLD.route(from, to)?.days ?? Number.NaN;
        if (h.t + days + 0.2 > 365) continue; // still on the road when the year ends
        const expected = num(h.event, 'cargo_items') - (raided.get(shipment) ?? 0);
        const arrival = arrivals.get(shipment);
        if (expected === 0) {
          assert.equal(arrival, undefined, `a shipment the pirates took whole arrived: ${h.event.text}`);
          continue;
        }
        assert.ok(arrival, `never arrived: ${h.event.text}`);
        assert.equal(arrival.update.town, to);
        assert.equal(arrival.event.data.goods, h.event.data.goods);
        assert.equal(num(arrival.event, 'cargo_items'), expected);
        assert.ok(
          arrival.t - h.t >= days - 1e-9,
          `arrived in ${arrival.t - h.t} days, the route takes ${days}`,
        );
        assert.ok(num(arrival.event, 'stock') >= num(arrival.event, 'quantity'));
        routes.add(`${from}>${to}`);
      }
      for (const route of [
        'port-logic>patchbourough',
        'patchbourough>port-logic',
        'patchbourough>circuiton',
        'circuiton>patchbourough',
        'circuiton>port-logic',
      ]) {
        assert.ok(routes.has(route), `nothing arrived along ${route}`);
      }
    });
  });
}

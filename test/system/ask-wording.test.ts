/**
 * Wordings the offline planner once misread, asked of a real 60-day history and checked against
 * figures computed here from the simulation's raw events: a threshold any one reading passes ("even
 * once", "max(wind_kph) > 18") against the day's average; towns left out of a shipment filter
 * ("excluding", "target != …"); a raid that "got nothing"; "on record" as the history, not a best;
 * a polite word mistyped ("Kindy") that is not the wind.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../src/agent/agent.ts';
import { eventStorePath } from '../../src/files/data-dir.ts';
import { openEventStore } from '../../src/store/open.ts';
import type { EventStore } from '../../src/store/store.ts';
import { WORLD } from '../../src/world/map.ts';
import { simulate } from '../../src/world/simulate.ts';

interface Raw {
  town: string;
  day: number;
  hour: number;
  kind: string;
  actor?: string;
  data: Record<string, number | string>;
}

const DAYS = 60;
const raw: Raw[] = [];
let store: EventStore;
let agent: Agent;
let dir: string;

before(async () => {
  const updates = [...simulate({ world: WORLD, seed: '7', days: DAYS, epochMs: Date.UTC(2026, 0, 1) })];
  for (const u of updates)
    for (const e of u.events) raw.push({ ...e, town: u.town, day: u.day, hour: u.hour });
  dir = mkdtempSync(join(tmpdir(), 'chronicle-ask-wording-'));
  store = await openEventStore(eventStorePath(dir), { facets: WORLD.facetKeys });
  for (let i = 0; i < updates.length; i += 2000) await store.append(updates.slice(i, i + 2000));
  agent = new Agent({ store, world: WORLD, today: () => DAYS });
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = async (question: string) => (await agent.ask(question, 'offline')).answer;
const number = (n: number) => new RegExp(`\\b${n.toLocaleString('en-US').replace(/,/g, ',?')}\\b`);
const sum = (events: Raw[], key: string) => events.reduce((n, e) => n + Number(e.data[key] ?? 0), 0);

/** Days of `town`'s readings on which `pass` holds of the day's readings of `key`. */
function daysWhere(town: string, key: string, pass: (values: number[]) => boolean): number {
  const byDay = new Map<number, number[]>();
  for (const e of raw)
    if (e.town === town && typeof e.data[key] === 'number') {
      const values = byDay.get(e.day) ?? [];
      values.push(e.data[key] as number);
      byDay.set(e.day, values);
    }
  return [...byDay.values()].filter(pass).length;
}

describe('the offline planner reads', () => {
  test('a threshold any one reading passes, and the day average where the question says so', async () => {
    const anyOver = daysWhere('circuiton', 'wind_kph', (v) => Math.max(...v) > 18);
    const meanOver = daysWhere('circuiton', 'wind_kph', (v) => v.reduce((a, b) => a + b, 0) / v.length > 10);
    assert.notEqual(
      anyOver,
      daysWhere('circuiton', 'wind_kph', (v) => v.reduce((a, b) => a + b) / v.length > 18),
    );
    assert.match(
      await ask('How many days did the wind in Circuiton go over 18 km/h even once?'),
      number(anyOver),
    );
    assert.match(await ask('days w/ max(wind_kph) > 18 circuiton'), number(anyOver));
    assert.match(
      await ask('On how many days was the daily average wind at the mines over 10 km/h?'),
      number(meanOver),
    );
  });

  test('a town left out of a shipment filter, in words and as a field', async () => {
    const raids = raw.filter((e) => e.kind === 'raid');
    const lastMonth = raids.filter((e) => e.day >= 30 && e.day <= 59 && e.data.target !== 'circuiton');
    const thisMonth = raids.filter((e) => e.day >= 31 && e.data.target !== 'port-logic');
    assert.match(
      await ask(
        'How much gold did the pirates take in raids last month, excluding raids on shipments of Circuiton?',
      ),
      number(sum(lastMonth, 'raid_gold')),
    );
    assert.match(
      await ask('sum raid_gold where target != port-logic this month'),
      number(sum(thisMonth, 'raid_gold')),
    );
  });

  test('a raid that got nothing, alone and beside another thing on the same day', async () => {
    const empty = raw.filter((e) => e.kind === 'raid' && e.data.raid_gold === 0);
    assert.ok(empty.length > 0, 'the history has a raid that came back empty');
    const first = Math.min(...empty.map((e) => e.day));
    assert.match(
      await ask('When was the first time the pirates went raiding but got nothing?'),
      new RegExp(`\\bday ${first}\\b`),
    );
    const days = new Set(empty.map((e) => e.day));
    assert.match(
      await ask('On how many days did the pirates go raiding but get nothing?'),
      number(days.size),
    );
    const wet = new Set(
      raw.filter((e) => e.town === 'den-of-thieves' && Number(e.data.rain_mm) > 0).map((e) => e.day),
    );
    const both = [...days].filter((d) => wet.has(d));
    const answer = await ask(
      'On what days did the pirates go raiding but get nothing, and it rained in the Den the same day?',
    );
    if (both.length === 0) assert.match(answer, /\bno(ne)?\b/i);
    for (const day of both) assert.match(answer, new RegExp(`\\bday ${day}\\b`));
    for (const day of [...days].filter((d) => !wet.has(d)))
      assert.doesNotMatch(answer, new RegExp(`\\bday ${day}\\b`));
  });

  test('"on record" as the whole history, and "Kindy" as kindly', async () => {
    const rain = new Map<string, number>();
    for (const e of raw)
      if (typeof e.data.rain_mm === 'number') rain.set(e.town, (rain.get(e.town) ?? 0) + e.data.rain_mm);
    const driest = [...rain].sort((a, b) => a[1] - b[1])[0]?.[0];
    const answer = await ask('Which town got the least rain in all the time there is on record, all told?');
    assert.match(answer, /least/);
    assert.ok(answer.startsWith(WORLD.towns.find((t) => t.id === driest)?.name ?? '?'), answer);

    const harvests = raw.filter((e) => e.kind === 'farming' && e.day >= 30 && e.day <= 59);
    const largest = Math.max(...harvests.map((e) => Number(e.data.harvest ?? 0)));
    assert.match(
      await ask('Kindy report the largest single harvest report at PatchBourough last month.'),
      number(largest),
    );
  });

  test('"muggiest" as humidity, "the worst day for" a number as its least, and what a town earned from shipments', async () => {
    const byDay = new Map<number, number[]>();
    for (const e of raw)
      if (e.town === 'circuiton' && typeof e.data.humidity_pct === 'number')
        byDay.set(e.day, [...(byDay.get(e.day) ?? []), e.data.humidity_pct]);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const muggiest = [...byDay].sort((a, b) => mean(b[1]) - mean(a[1]))[0]?.[0];
    assert.match(await ask('What was the muggiest day in Circuiton?'), new RegExp(`\\bday ${muggiest}\\b`));

    const gold = new Map<number, number>();
    for (const e of raw)
      if (e.kind === 'raid') gold.set(e.day, (gold.get(e.day) ?? 0) + Number(e.data.raid_gold));
    const worst = [...gold].sort((a, b) => a[1] - b[1])[0];
    assert.match(
      await ask('What was the worst day for raid gold in all the records?'),
      number(worst?.[1] ?? -1),
    );

    const sales = raw.filter(
      (e) => e.kind === 'trade' && e.data.from === 'patchbourough' && e.day >= 36 && e.day <= 42,
    );
    assert.match(
      await ask('How much did PatchBourough earn from shipments during week 6?'),
      number(sum(sales, 'value_gold')),
    );
  });

  test('"when did … the most" as the day of the most, "when was the most recent" as the last time', async () => {
    const ore = new Map<number, number>();
    for (const e of raw)
      if (e.town === 'circuiton' && e.day >= 23 && e.day <= 32 && typeof e.data.ore_tons === 'number')
        ore.set(e.day, (ore.get(e.day) ?? 0) + e.data.ore_tons);
    const best = [...ore].sort((a, b) => b[1] - a[1])[0]?.[0];
    assert.match(
      await ask('From day 23 through day 32, when did the miners at Circuiton dig out the most ore?'),
      new RegExp(`\\bday ${best}\\b`),
    );
    const last = Math.max(...raw.filter((e) => e.kind === 'raid').map((e) => e.day));
    assert.match(
      await ask('When was the most recent raid?'),
      new RegExp(`^The last time .*\\bday ${last}\\b`),
    );
  });

  test('a noun the world declares for one event ("reaping", "firing") as one event, and "mightiest" as most', async () => {
    const most = (kind: string, key: string) =>
      Math.max(
        ...raw
          .filter((e) => e.kind === kind && typeof e.data[key] === 'number')
          .map((e) => e.data[key] as number),
      );
    assert.match(
      await ask(
        'In all the days yet sung, what was the richest reaping at the farmlands, counted in lbs of grain?',
      ),
      new RegExp(`single report .* ${most('farming', 'harvest')} lbs of grain`),
    );
    assert.match(
      await ask(
        'Tell of the mightiest single firing at the forge in PatchBourough: what did it bring, in tools?',
      ),
      new RegExp(`single report .* ${most('forge', 'tools')} tools\\b`),
    );
  });

  test('ordinal spans and "just past", the day of one reading, a learner\'s verbs, and days over a figure', async () => {
    const of = (town: string, kind: string, key: string, from: number, to: number) =>
      raw.filter(
        (e) =>
          e.town === town &&
          e.kind === kind &&
          e.day >= from &&
          e.day <= to &&
          typeof e.data[key] === 'number',
      );
    const ore = sum(of('circuiton', 'mining', 'ore_tons', 32, 36), 'ore_tons');
    assert.match(
      await ask(
        'O muse, from the thirty-second day to the thirty-sixth, tell the whole measure of ore mined at Circuiton.',
      ),
      new RegExp(`days 32–36: ${ore.toFixed(2)} tons`),
    );
    const drinks = sum(of('den-of-thieves', 'drinking', 'drinks', DAYS - 30, DAYS - 1), 'drinks');
    assert.match(
      await ask('In the month just past, how many drinks were poured in the Den of Thieves?'),
      number(drinks),
    );
    // The lowest single tide reading of the last seven days, and its day (not the lowest daily mean).
    const tides = of('port-logic', 'sensor', 'tide_m', DAYS - 6, DAYS);
    const low = tides.reduce((a, b) => ((b.data.tide_m as number) < (a.data.tide_m as number) ? b : a));
    const answer = await ask(
      'These seven days past, what was the lowest tide reading at Port Logic? On which day?',
    );
    assert.match(answer, new RegExp(`day ${low.day}: ${(low.data.tide_m as number).toFixed(2)} m`));
    // "Losed" is lost: PatchBourough's own losses, counted by days over 100 gold.
    const lossDays = new Map<number, number>();
    for (const e of of('patchbourough', 'loss', 'loot_gold', 29, 35))
      lossDays.set(e.day, (lossDays.get(e.day) ?? 0) + (e.data.loot_gold as number));
    const over = [...lossDays.values()].filter((g) => g > 100).length;
    assert.match(
      await ask(
        'Tell me number of days when patchbourough losed more than 100 gold to pirates in the week 5.',
      ),
      new RegExp(`^On ${over} days? of days 29–35 in PatchBourough`),
    );
    // "How much days … the day's average … above": the days whose mean passes, not a mean.
    const above = daysWhere(
      'patchbourough',
      'river_level_m',
      (v) => v.reduce((a, b) => a + b, 0) / v.length > 2,
    );
    assert.match(
      await ask(
        'Over the whole record, how much days the average river level of the day in Patchbourough was above 2 m?',
      ),
      new RegExp(`^On ${above} days?\\b`),
    );
  });

  test('a same-day side keeps its shipment overseas, and "the flour bins in PatchBourough were full" is the flag', async () => {
    const from = DAYS - 7;
    const to = DAYS - 1;
    const daysOf = (pass: (e: Raw) => boolean) =>
      new Set(raw.filter((e) => e.day >= from && e.day <= to && pass(e)).map((e) => e.day));
    const robbed = daysOf((e) => e.town === 'circuiton' && e.kind === 'loss');
    const overseas = daysOf(
      (e) => e.kind === 'trade' && e.data.from === 'port-logic' && e.data.to === 'overseas',
    );
    const both = [...robbed].filter((d) => overseas.has(d)).sort((a, b) => a - b);
    const answer = await ask(
      "Last week, on what days did a robbery of Circuiton's shipments coincide with a sale overseas from Port Logic?",
    );
    assert.match(
      answer,
      new RegExp(
        `^On ${both.length} days? of days ${from}–${to} both happened: ${both.map((d) => `day ${d}`).join('(, | and )')} \\(`,
      ),
    );
    const repaired = daysOf((e) => e.town === 'den-of-thieves' && e.kind === 'repair');
    const full = daysOf((e) => e.town === 'patchbourough' && e.data.bins_full === 1);
    const shared = [...repaired].filter((d) => full.has(d));
    assert.match(
      await ask(
        'Which days last week have entries showing that the pirates repaired their ship and that the flour bins in PatchBourough were full?',
      ),
      shared.length ? new RegExp(`^On ${shared.length} days?\\b`) : /^None\b/,
    );
  });

  test('"how big was it, and when?" gives the extreme and its day; "the biggest one grinding" is an event, not a person; a sale is a trade from the town', async () => {
    const largest = (pass: (e: Raw) => boolean, key: string) =>
      raw.filter(pass).reduce((a, b) => ((b.data[key] as number) > (a.data[key] as number) ? b : a));
    const robbery = largest((e) => e.town === 'port-logic' && e.kind === 'loss', 'loot_gold');
    assert.match(
      await ask("The costliest robbery of Port Logic's shipments of all time: how big was it, and when?"),
      new RegExp(`came on day ${robbery.day}: ${robbery.data.loot_gold} gold`),
    );
    const grinding = largest(
      (e) => e.town === 'patchbourough' && e.kind === 'mill' && e.day >= DAYS - 7 && e.day <= DAYS - 1,
      'flour_lbs',
    );
    assert.match(
      await ask('Last week, the biggest one grinding at the mill in farm town was how much lbs of flour?'),
      new RegExp(`single report .* ${grinding.data.flour_lbs} lbs of flour`),
    );
    const sale = largest((e) => e.kind === 'trade' && e.data.from === 'port-logic', 'value_gold');
    assert.match(
      await ask('What was the richest single sale that Port Logic made?'),
      new RegExp(`single report .* ${sale.data.value_gold} gold`),
    );
  });

  test('"which town is usually the coldest" ranks the towns by their mean; "earned the most from its sales" by what each sold', async () => {
    const towns = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
    const mean = (t: string) => {
      const v = raw.filter((e) => e.town === t && typeof e.data.temperature_c === 'number');
      return v.reduce((n, e) => n + (e.data.temperature_c as number), 0) / v.length;
    };
    const coldest = towns.reduce((a, b) => (mean(b) < mean(a) ? b : a));
    const name = (id: string) => WORLD.towns.find((t) => t.id === id)?.name as string;
    assert.match(
      await ask('Which town is usually the coldest?'),
      new RegExp(`^${name(coldest)} had the lowest average`),
    );
    const sold = (t: string) =>
      sum(
        raw.filter((e) => e.kind === 'trade' && e.data.from === t),
        'value_gold',
      );
    const seller = towns.slice(0, 3).reduce((a, b) => (sold(b) > sold(a) ? b : a));
    assert.match(
      await ask('Since the records began, which town earned the most from its sales?'),
      new RegExp(
        `^${name(seller)} had the most gold in trade on days 1–${DAYS}: ${sold(seller).toLocaleString('en-US')} gold`,
      ),
    );
  });

  test('a town\'s sales and purchases in every form, days of overseas trade, dry days, new running highs, and "which of the fishers"', async () => {
    const week = (e: Raw) => e.day >= DAYS - 7 && e.day <= DAYS - 1;
    const sales = raw.filter((e) => e.kind === 'trade' && e.data.from === 'port-logic');
    const bought = raw.filter(
      (e) => e.kind === 'trade' && e.data.from === 'overseas' && Number(e.data.value_gold) > 0,
    );
    // A total, a person's ranking and a count of days, each of the port's sales only.
    const salesSaid = await ask('How much gold from sales was earned in Port Logic last week?');
    assert.match(salesSaid, number(sum(sales.filter(week), 'value_gold')));
    assert.match(salesSaid, /^Gold from sales in Port Logic/);
    const dailySales = new Map<number, number>();
    for (const e of sales.filter(week))
      dailySales.set(e.day, (dailySales.get(e.day) ?? 0) + Number(e.data.value_gold));
    const over = [...dailySales.values()].filter((v) => v > 300).length;
    assert.match(
      await ask(
        'Last week, how many days did the traders at the harbour take in more than 300 gold from sales?',
      ),
      new RegExp(`^(On ${over} days?|None)`),
    );
    assert.match(
      await ask('total value_gold, trades from=port logic, last week'),
      number(sum(sales.filter(week), 'value_gold')),
    );
    // Days of trade overseas; crates by the number's key.
    const boughtDays = new Set(bought.filter(week).map((e) => e.day)).size;
    assert.match(
      await ask('How many days last week did the port buy anything from an overseas ship?'),
      new RegExp(`^On ${boughtDays} days? of 7`),
    );
    assert.match(
      await ask('sum(cargo_items) trades from=overseas to=port-logic last week'),
      new RegExp(`: ${sum(bought.filter(week), 'cargo_items')} crates`),
    );
    // Dry days: the days whose rain was not above 0.
    const dry = daysWhere('den-of-thieves', 'rain_mm', (v) => v.reduce((a, b) => a + b, 0) <= 0);
    assert.match(await ask('count dry days (no rain_mm > 0) den of thieves'), new RegExp(`^On ${dry} days`));
    // A new running high on both sides: a day above every earlier day of each town's number.
    const highs = (town: string, key: string) => {
      const byDay = new Map<number, number>();
      for (const e of raw)
        if (e.town === town && typeof e.data[key] === 'number')
          byDay.set(e.day, (byDay.get(e.day) ?? 0) + (e.data[key] as number));
      const days = new Set<number>();
      let best = byDay.get(1) ?? 0;
      for (let d = 2; d <= DAYS; d++) {
        const v = byDay.get(d) ?? 0;
        if (v > best && v > 0) days.add(d);
        best = Math.max(best, v);
      }
      return days;
    };
    const fish = highs('port-logic', 'fish');
    const both = [...highs('den-of-thieves', 'drinks')].filter((d) => fish.has(d));
    assert.match(
      await ask(
        'Has there been a day when the port set a new daily record for fish and the Den a new daily record for drinks? Which days?',
      ),
      both.length ? new RegExp(`^Yes: .*on ${both.length} days?`) : /^No: on no day/,
    );
    // "Which of the fishers": a person ranked by the port's catch.
    const catches = new Map<string, number>();
    for (const e of raw)
      if (e.town === 'port-logic' && typeof e.data.fish === 'number' && e.actor)
        catches.set(e.actor, (catches.get(e.actor) ?? 0) + (e.data.fish as number));
    const [top] = [...catches].sort((a, b) => b[1] - a[1]);
    assert.match(
      await ask('Which of the fishers at the harbour brought in the most fish, and how many?'),
      new RegExp(`^${top?.[0]}: ${top?.[1].toLocaleString('en-US')} fish`),
    );
  });

  test('trade overseas in "did" and "which day", an analyst\'s "A AND B? y/n" and "x < y? y/n", "Ada\'s job", and "from one of" a town\'s shipments', async () => {
    const bought = raw.filter(
      (e) => e.kind === 'trade' && e.data.from === 'overseas' && Number(e.data.value_gold) > 0,
    );
    const inWeek4 = bought.filter((e) => e.day >= 22 && e.day <= 28);
    assert.match(
      await ask('Did Port Logic buy anything from an overseas ship in week 4?'),
      new RegExp(
        `^${inWeek4.length ? 'Yes' : 'No'}: .*from overseas to Port Logic.* ${inWeek4.length} times?`,
      ),
    );
    const lastWeek = bought.filter((e) => e.day >= DAYS - 7 && e.day <= DAYS - 1);
    assert.match(
      await ask(
        'On which day last week did Port Logic buy anything from an overseas ship for the first time?',
      ),
      new RegExp(`was day ${Math.min(...lastWeek.map((e) => e.day))} \\(`),
    );
    // Rain and a raid on the same day, as an analyst asks it.
    const rained = new Set(
      raw.filter((e) => e.town === 'circuiton' && Number(e.data.rain_mm) > 0).map((e) => e.day),
    );
    const raided = new Set(raw.filter((e) => e.kind === 'raid').map((e) => e.day));
    const both = [...rained].filter((d) => raided.has(d) && d >= 43 && d <= 50);
    assert.match(
      await ask('any day w/ raid events AND rain_mm > 0 circuiton days 43 to 50? y/n'),
      new RegExp(both.length ? `^Yes: on ${both.length} days?` : '^No: on no day'),
    );
    const mean = (t: string) => {
      const v = raw.filter((e) => e.town === t && typeof e.data.temperature_c === 'number' && e.day >= 54);
      return v.reduce((n, e) => n + (e.data.temperature_c as number), 0) / v.length;
    };
    assert.match(
      await ask('avg temperature_c den of thieves < circuiton this wk? y/n'),
      new RegExp(`^${mean('den-of-thieves') < mean('circuiton') ? 'Yes' : 'No'}:`),
    );
    assert.match(await ask("What's Ada's job?"), /^Ada Furrow is the farmer of PatchBourough/);
    const raids = raw.filter(
      (e) => e.kind === 'raid' && e.data.target === 'port-logic' && e.day >= 20 && e.day <= 40,
    );
    const most = Math.max(...raids.map((e) => Number(e.data.raid_gold)));
    assert.match(
      await ask(
        "From day 20 to day 40, what's the most gold the pirates took from one of Port Logic's shipments?",
      ),
      new RegExp(`single raid on Port Logic's shipments, days 20–40: ${most} gold`),
    );
  });

  test('"the day a town did least" by its main product, "the fishers" as the port, "what left … for overseas" as goods, "per day" as a mean', async () => {
    const daily = (town: string, key: string) => {
      const byDay = new Map<number, number>();
      for (const e of raw)
        if (e.town === town && typeof e.data[key] === 'number')
          byDay.set(e.day, (byDay.get(e.day) ?? 0) + (e.data[key] as number));
      return [...byDay].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    };
    const [least] = daily('patchbourough', 'harvest');
    assert.match(
      await ask('On which day did PatchBourough do the least?'),
      new RegExp(`came on day ${least?.[0]}:`),
    );
    const [worst] = daily('port-logic', 'fish');
    assert.match(
      await ask('What was the worst day for the fishers?'),
      new RegExp(`in Port Logic .*came on day ${worst?.[0]}:`),
    );
    const overseas = raw.filter(
      (e) =>
        e.kind === 'trade' &&
        e.data.from === 'port-logic' &&
        e.data.to === 'overseas' &&
        e.day >= DAYS - 7 &&
        e.day <= DAYS - 1,
    );
    const goods = [...new Set(overseas.map((e) => String(e.data.goods)))].sort();
    const said = await ask('What left Port Logic for overseas last week?');
    for (const g of goods) assert.match(said, new RegExp(`\\b${g}\\b`));
    const week = raw.filter(
      (e) => e.town === 'port-logic' && typeof e.data.fish === 'number' && e.day >= DAYS - 6,
    );
    assert.match(
      await ask('How much fish did the port catch per day this week?'),
      new RegExp(
        `an average of ${(sum(week, 'fish') / 7).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} fish a day`,
      ),
    );
  });

  test('an engineer\'s SQL, "top hand by", days without trade overseas, ships from far away, "I need the day" and "the one who"', async () => {
    const byDay = (town: string, key: string, from: number, to: number) => {
      const m = new Map<number, number>();
      for (const e of raw)
        if (e.town === town && typeof e.data[key] === 'number' && e.day >= from && e.day <= to)
          m.set(e.day, (m.get(e.day) ?? 0) + (e.data[key] as number));
      return [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    };
    const [top] = byDay('den-of-thieves', 'drinks', 1, DAYS);
    assert.match(
      await ask(
        'sanity check: sum(drinks) WHERE den-of-thieves GROUP BY day ORDER BY sum DESC LIMIT 1 — day + value?',
      ),
      new RegExp(`came on day ${top?.[0]}: ${top?.[1]} drinks`),
    );
    const [arrows] = byDay('den-of-thieves', 'arrows', DAYS - 6, DAYS);
    assert.match(
      await ask(
        "For my column I need the day over the past seven days on which the Den of Thieves fletched the most arrows, and that day's total.",
      ),
      new RegExp(`came on day \\d+: ${arrows?.[1]} arrows`),
    );
    const nets = new Map<string, number>();
    for (const e of raw)
      if (e.town === 'port-logic' && typeof e.data.nets === 'number' && e.actor)
        nets.set(e.actor, (nets.get(e.actor) ?? 0) + (e.data.nets as number));
    const [maker] = [...nets].sort((a, b) => b[1] - a[1]);
    assert.match(
      await ask('Ledger check — top hand by nets made at Port Logic.'),
      new RegExp(`^${maker?.[0]}: `),
    );
    assert.match(
      await ask('Readers want the name of the one who made the most nets in Port Logic.'),
      new RegExp(`^${maker?.[0]}: `),
    );
    // Days without a purchase overseas: the port's days with reports, less those with one.
    const portDays = new Set(
      raw.filter((e) => e.town === 'port-logic' && e.day > DAYS - 30).map((e) => e.day),
    );
    const boughtDays = new Set(
      raw
        .filter(
          (e) =>
            e.kind === 'trade' &&
            e.data.from === 'overseas' &&
            Number(e.data.value_gold) > 0 &&
            e.day > DAYS - 30,
        )
        .map((e) => e.day),
    );
    assert.match(
      await ask('p: days w/o trades from=overseas to=port-logic past 30 days?'),
      new RegExp(`^On ${portDays.size - boughtDays.size} days? of the ${portDays.size} with reports`),
    );
    // Gold the port got from ships from far away is what it sold overseas.
    const soldOverseas = raw.filter(
      (e) =>
        e.kind === 'trade' &&
        e.data.from === 'port-logic' &&
        e.data.to === 'overseas' &&
        e.day >= 3 &&
        e.day <= 13,
    );
    assert.match(
      await ask('how much gold did the fishing town get from the ships from far away from day 3 to day 13?'),
      number(sum(soldOverseas, 'value_gold')),
    );
  });

  test('a town\'s balance of trade overseas, "the difference … between A and B", "ahead of", "I need both figures", "… but did …" and a bare "more than …?"', async () => {
    const month = (e: Raw) => e.day >= DAYS - 30 && e.day <= DAYS - 1;
    const gold = (from: string, to: string) =>
      sum(
        raw.filter(
          (e) =>
            e.kind === 'trade' &&
            e.data.from === from &&
            e.data.to === to &&
            Number(e.data.value_gold) > 0 &&
            month(e),
        ),
        'value_gold',
      );
    const [sold, bought] = [gold('port-logic', 'overseas'), gold('overseas', 'port-logic')];
    const said = await ask(
      'Last month, state both: gold the port earned from overseas sales, and gold it spent on overseas purchases.',
    );
    assert.match(
      said,
      new RegExp(
        `sales to overseas ${sold.toLocaleString('en-US')} gold .*purchases from overseas ${bought.toLocaleString('en-US')} gold`,
      ),
    );
    assert.match(
      said,
      new RegExp(
        `${Math.abs(sold - bought).toLocaleString('en-US')} gold more than it ${sold > bought ? 'spent' : 'earned'}`,
      ),
    );
    const lost = (t: string) =>
      sum(
        raw.filter((e) => e.kind === 'loss' && e.town === t && e.day >= 10 && e.day <= 17),
        'loot_gold',
      );
    const [farms, mines] = [lost('patchbourough'), lost('circuiton')];
    assert.match(
      await ask(
        'What was the difference in gold lost to the pirates between PatchBourough and the mining town, from day 10 through day 17, and which was more?',
      ),
      new RegExp(`a difference of ${Math.abs(farms - mines).toLocaleString('en-US')} gold`),
    );
    const rain = (t: string) =>
      sum(
        raw.filter((e) => e.town === t && typeof e.data.rain_mm === 'number' && e.day >= DAYS - 13),
        'rain_mm',
      );
    assert.match(
      await ask(
        'Over the past two weeks, was Port Logic ahead of the Den of Thieves on the total rainfall? I need both figures.',
      ),
      new RegExp(`^${rain('port-logic') > rain('den-of-thieves') ? 'Yes' : 'No'}: `),
    );
    const flour = sum(
      raw.filter((e) => e.town === 'patchbourough' && e.day === 12 && typeof e.data.flour_lbs === 'number'),
      'flour_lbs',
    );
    assert.match(
      await ask('more than 850 lbs of flour in PatchBourough day 12?'),
      new RegExp(`^${flour > 850 ? 'Yes' : 'No'}: `),
    );
    assert.match(
      await ask('sorry if this is a dumb question but did it rain in Circuiton yesterday'),
      /^(Yes|No): /,
    );
  });

  test('"the first day a storm blew … ever", "on the current day", "make or lose … trading overseas", a resident\'s town, and "the event rates" are no crates', async () => {
    const storms = raw
      .filter((e) => e.town === 'den-of-thieves' && Number(e.data.wind_kph) >= 55)
      .map((e) => e.day);
    const said = await ask('first day a storm blew in the Den ever?');
    if (storms.length) assert.match(said, new RegExp(`was day ${Math.min(...storms)} `));
    else assert.match(said, /^None/);
    const flour = sum(
      raw.filter((e) => e.town === 'patchbourough' && e.day === DAYS && typeof e.data.flour_lbs === 'number'),
      'flour_lbs',
    );
    assert.match(
      await ask('Did the total flour milled on the farms exceed 400 on the current day?'),
      new RegExp(`^${flour > 400 ? 'Yes' : 'No'}: .*on day ${DAYS} `),
    );
    assert.match(
      await ask('did Port Logic make or lose gold trading with overseas ships day 4 to day 14? how much'),
      /sales to overseas .* purchases from overseas .* more than it/,
    );
    assert.match(
      await ask('In what town is One-Eyed Finn a resident?'),
      /^One-Eyed Finn is the .* of Den of Thieves/,
    );
    const orders = raw.filter(
      (e) => e.town === 'circuiton' && e.kind === 'order' && e.day >= 43 && e.day <= 49,
    ).length;
    assert.match(
      await ask(
        "During week 7, how many orders for goods it was short of did Circuiton send? I'm checking the event rates.",
      ),
      new RegExp(`${orders} times? on days 43–49`),
    );
  });

  test('"the day before this one", "the seven days before today", days in words, "which of the two" behind a frame, two days that "differ", and the Academy as a place', async () => {
    const ore = (from: number, to: number) =>
      sum(
        raw.filter(
          (e) =>
            e.town === 'circuiton' && typeof e.data.ore_tons === 'number' && e.day >= from && e.day <= to,
        ),
        'ore_tons',
      );
    assert.match(
      await ask('How much ore was mined in Circuiton in the seven days before today?'),
      new RegExp(`days ${DAYS - 7}–${DAYS - 1}: ${ore(DAYS - 7, DAYS - 1).toFixed(2)} tons`),
    );
    const fish = sum(
      raw.filter(
        (e) => e.town === 'port-logic' && typeof e.data.fish === 'number' && e.day >= 35 && e.day <= 44,
      ),
      'fish',
    );
    assert.match(
      await ask('How much fish did Port Logic catch from day thirty-five through day forty-four inclusive?'),
      number(fish),
    );
    const flour = (from: number, to: number) =>
      sum(
        raw.filter(
          (e) =>
            e.town === 'patchbourough' &&
            typeof e.data.flour_lbs === 'number' &&
            e.day >= from &&
            e.day <= to,
        ),
        'flour_lbs',
      );
    const said = await ask(
      'For my accounts, would you kindly state which of the two, week one or week two, had the greater flour milled in PatchBourough, stating both figures?',
    );
    assert.match(said, new RegExp(`^In week ${flour(1, 7) > flour(8, 14) ? 1 : 2}: `));
    const nets = (d: number) =>
      sum(
        raw.filter((e) => e.town === 'port-logic' && typeof e.data.nets === 'number' && e.day === d),
        'nets',
      );
    assert.match(
      await ask(
        'Let the tale say: by how much did day 28 and day 24 differ in nets made at the harbour, and which was more?',
      ),
      new RegExp(`a difference of ${Math.abs(nets(28) - nets(24))} nets?`),
    );
    assert.doesNotMatch(
      await ask('how many pupils were taught at the Academy last week'),
      /is not one of the/,
    );
  });

  test('"the sixth week of the story", "day w/ lowest avg", and "I should be most grateful" ranks nothing', async () => {
    const arrived = raw.filter(
      (e) => e.kind === 'arrival' && e.town === 'circuiton' && e.day >= 36 && e.day <= 42,
    ).length;
    assert.match(
      await ask('In the sixth week of the story, how many shipments arrived in the mountain town?'),
      new RegExp(`days 36–42: ${arrived} times?`),
    );
    const byDay = new Map<number, number[]>();
    for (const e of raw)
      if (e.town === 'port-logic' && typeof e.data.pressure_hpa === 'number' && e.day >= 8 && e.day <= 14)
        byDay.set(e.day, [...(byDay.get(e.day) ?? []), e.data.pressure_hpa as number]);
    const means = [...byDay].map(([d, v]) => [d, v.reduce((a, b) => a + b, 0) / v.length] as const);
    const [low] = [...means].sort((a, b) => a[1] - b[1]);
    assert.match(
      await ask('day w/ lowest avg pressure portlogic in wk2 + avg air pressure that day'),
      new RegExp(`came on day ${low?.[0]}:`),
    );
    const arrows = new Map<number, number>();
    for (let d = DAYS - 13; d <= DAYS; d++) arrows.set(d, 0);
    for (const e of raw)
      if (e.town === 'den-of-thieves' && typeof e.data.arrows === 'number' && e.day >= DAYS - 13)
        arrows.set(e.day, (arrows.get(e.day) ?? 0) + (e.data.arrows as number));
    const least = Math.min(...arrows.values());
    assert.match(
      await ask(
        'I should be most grateful if you could tell me the day over the last fourteen days with the smallest daily total of arrows fletched in the Den of Thieves.',
      ),
      new RegExp(`^The least arrows made in a day .*: ${least} arrows`),
    );
  });
});

/**
 * A world worth watching: the towns' words come from a grammar and vary, a day is set against the
 * past, a town short of what it needs orders it and pays more, and over a year of seeds the
 * liveliness goals of bench/world.bench.ts hold. Other seeds and a longer history are judged in
 * the benchmark (bench/README.md); here the seed is one the rules were never tuned on.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LivelinessMeter, masked } from '../../../bench/liveliness.ts';
import { ordinal, say } from '../../../src/world/grammar.ts';
import { RECALL_FIELD } from '../../../src/world/kinds.ts';
import { WORLD } from '../../../src/world/map.ts';
import { type Memory, remember } from '../../../src/world/memory.ts';
import { Rng } from '../../../src/world/rng.ts';
import type { TownEvent } from '../../../src/world/types.ts';
import { History, year } from '../../helpers/history.ts';

describe('the grammar', () => {
  const grammar = {
    start: ['{who} mended {nets|net} #where#.', '{who} made {nets|net} and {nets~fix} #where#.'],
    where: ['in the loft', 'on the quay', 'by the boats'],
  };

  test('the same seed tells the same words; other seeds tell others', () => {
    const told = (seed: string) =>
      Array.from({ length: 20 }, (_, i) => say(grammar, 'start', { who: 'Ann', nets: i }, Rng.of(seed, i)));
    assert.deepEqual(told('a'), told('a'));
    assert.notDeepEqual(told('a'), told('b'));
    assert.ok(new Set(told('a').map(masked)).size >= 4, told('a').join(' | '));
  });

  test('nouns agree with their numbers, by pluralize', () => {
    const one = say({ s: ['{n|net}, {m|fish}, {m~sheaf}'] }, 's', { n: 1, m: 3 }, Rng.of('x'));
    assert.equal(one, '1 net, 3 fish, sheaves');
    assert.equal(say({ s: ['{n|net}'] }, 's', { n: 4 }, Rng.of('x')), '4 nets');
  });

  test('a sentence starts with a capital, and a missing value or rule is an error naming it', () => {
    assert.equal(say({ s: ['{who} came.'] }, 's', { who: 'a farmer' }, Rng.of('x')), 'A farmer came.');
    assert.throws(() => say({ s: ['{who} came.'] }, 's', {}, Rng.of('x')), /"\{who\}" has no value/);
    assert.throws(() => say({ s: ['#nope#'] }, 's', {}, Rng.of('x')), /no rule "nope"/);
  });

  test('ordinals', () => {
    assert.deepEqual([2, 3, 10, 11, 12, 13, 21, 22, 103].map(ordinal), [
      'second',
      'third',
      'tenth',
      'eleventh',
      'twelfth',
      '13th',
      '21st',
      '22nd',
      '103rd',
    ]);
  });
});

describe('days that remember', () => {
  const kinds = WORLD.kindsByName;
  const fishing = (fish: number): TownEvent => ({
    kind: 'fishing',
    text: `Caught ${fish} fish.`,
    data: { fish },
  });

  test('the most in days, the first after days without, and an idle streak, each once and said so', () => {
    const memory: Memory = {};
    const rng = Rng.of('memory');
    for (let day = 1; day <= 10; day++) remember(memory, kinds, day, [fishing(100 + day)], rng);
    // Every day beat the last: but only from RECORD_DAYS on is the quiet long enough to remark on.
    const big = fishing(400);
    remember(memory, kinds, 11, [big], rng);
    assert.equal(big.data[RECALL_FIELD], 'record');
    assert.match(big.text, /^Caught 400 fish\. .*\b(10|11)\b/);

    const smaller = fishing(150);
    remember(memory, kinds, 12, [smaller], rng);
    assert.equal(smaller.data[RECALL_FIELD], undefined, smaller.text);

    const idle = [13, 14, 15].map((day) => {
      const e = fishing(0);
      remember(memory, kinds, day, [e, fishing(0)], rng);
      return e;
    });
    assert.equal(idle[0]?.data[RECALL_FIELD], undefined, 'one day without is not a streak');
    assert.equal(idle[1]?.data[RECALL_FIELD], 'streak');
    assert.match(idle[1]?.text ?? '', /\b(second|2)\b/);
    assert.match(idle[2]?.text ?? '', /\b(third|3)\b/);

    const back = fishing(90);
    remember(memory, kinds, 16, [back], rng);
    assert.equal(back.data[RECALL_FIELD], 'return');
    assert.match(back.text, /\b4\b/);
  });

  test('the memory is part of the town state, so a stepped world remembers across updates', () => {
    const history = new History('remembers', 30);
    const recalled = history.events().filter((h) => h.event.data[RECALL_FIELD] !== undefined);
    assert.ok(recalled.length > 50, `${recalled.length} events remembered`);
    for (const { event } of recalled.slice(0, 200)) {
      assert.match(
        event.text,
        /\d+ days|\d+-day|day running|double|running low|down to|left|order|up from|usual|\bstill\b/i,
        event.text,
      );
    }
  });
});

describe('trade that answers shortage', () => {
  const history = year('orders');
  const usual = (goods: unknown) => WORLD.goods.get(String(goods))?.price ?? Number.NaN;
  const orders = history.events(undefined, 'order');
  const dear = history.events(undefined, 'trade').filter((h) => h.event.data[RECALL_FIELD] === 'price');

  test('a town short of a good orders it from its supplier, offering at least the usual price', () => {
    assert.ok(orders.length > 10, `${orders.length} orders`);
    for (const { event, update } of orders) {
      assert.equal(event.data.to, update.town);
      assert.ok(WORLD.suppliersOf(update.town, String(event.data.goods)).includes(String(event.data.from)));
      assert.ok(Number(event.data.price_gold) >= usual(event.data.goods), event.text);
    }
  });

  test('the supplier ships an order first, at the price offered, and the buyer receives that shipment', () => {
    assert.ok(dear.length > 0, 'no shipment was sold dear');
    for (const { event, t } of dear) {
      const perCrate = Number(event.data.value_gold) / Number(event.data.cargo_items);
      assert.ok(perCrate > usual(event.data.goods), event.text);
      const ordered = orders.filter(
        (o) => o.event.data.goods === event.data.goods && o.event.data.to === event.data.to && o.t <= t,
      );
      assert.ok(
        ordered.some((o) => Number(o.event.data.price_gold) === perCrate),
        `${event.text}: no order offered ${perCrate} gold a crate`,
      );
    }
    const shipped = new Set(dear.map((h) => h.event.data.shipment));
    const received = history.events(undefined, 'arrival').filter((h) => shipped.has(h.event.data.shipment));
    assert.ok(received.length > 0, 'no dear shipment arrived');
  });
});

describe('a year worth watching (seed "alive")', () => {
  const meter = new LivelinessMeter(WORLD);
  for (const update of year('alive').updates) meter.add(update);
  const r = meter.result();

  test('no business brings in nothing in more than a quarter of its updates, and each says why', () => {
    for (const b of r.businesses) {
      assert.ok(b.idle / b.updates <= 0.25, `${b.town}/${b.kind}: ${b.idle} of ${b.updates} idle`);
      if (b.idle > 0) assert.ok(b.reasons.length > 0);
    }
  });

  test('thousands of different sentences, few told twice a day, and some that remember', () => {
    assert.ok(r.distinct >= 5000, `${r.distinct} distinct sentences`);
    assert.ok(r.repeatedWithinDay <= 0.3, `${r.repeatedWithinDay} repeated within a day`);
    assert.ok(r.remembering >= 0.05, `${r.remembering} remembering`);
    // No sentence dominates as "Greta Grog poured # drinks" did (1,829 times a year).
    assert.ok((r.commonest[0]?.[1] ?? 0) < 800, JSON.stringify(r.commonest[0]));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuestion } from '../../../src/agent/question.ts';
import { spellerOf } from '../../../src/agent/spelling.ts';
import { Vocabulary } from '../../../src/agent/vocabulary.ts';
import { WORLD } from '../../../src/world/map.ts';

const vocab = new Vocabulary(WORLD);
const parse = (question: string) => parseQuestion(question, 60, [], vocab);

describe('reading a question', () => {
  it('mends a letter typed twice into the one word it makes', () => {
    const speller = spellerOf(vocab);
    assert.equal(speller.mend('who traades among the pirates'), 'who trades among the pirates');
    assert.equal(speller.mend('gold loost to the pirates'), 'gold lost to the pirates');
  });

  it('reads an everyday word one slip from a world word as that word only where nothing else is named', () => {
    assert.deepEqual(
      parse('How much ran fell in the Den this month?').metrics.map((m) => m.key),
      ['rain_mm'],
    );
    assert.deepEqual(parse('What was the total gold lost to the pirates at the pot?').towns, ['port-logic']);
    // "a lot of fish" names a number already: "lot" stays a lot, not loot.
    assert.deepEqual(
      parse('Did the port catch a lot of fish last week?').metrics.map((m) => m.key),
      ['fish'],
    );
    // Nothing in it asks about the history: "win" is not the wind.
    assert.deepEqual(parse('Who will win the next election?').metrics, []);
  });

  it("leaves a town's nickname inside a number's or a happening's words to them, never the town's name", () => {
    assert.deepEqual(parse('How much gold was lost to the pirates last week?').towns, []);
    assert.deepEqual(parse('How much gold did Circuiton lose to the pirates last week?').towns, [
      'circuiton',
    ]);
    // Outside those words the nickname names its town; the name always does.
    assert.deepEqual(parse('How many drinks did the pirates pour last week?').towns, ['den-of-thieves']);
    assert.deepEqual(parse('How much gold did the Den of Thieves lose to the pirates?').towns, [
      'den-of-thieves',
    ]);
  });

  it('reads a typo tied between words as the one that makes the question say more, or fits its other words, and no other', () => {
    // "lst" is last, list or lost: only "last" gives the question anything (a time).
    assert.deepEqual(parse('What was the total rain at the port during lst week?').time?.range, {
      from: 53,
      to: 59,
    });
    // "rais" is raids or rains, and both say something: it stays unread rather than guessed…
    assert.deepEqual(parse('How many rais were there last month?').happening, undefined);
    // …unless the question's other words describe one of them: crates are taken in raids, not rain.
    assert.equal(parse('How many crates were taken in rais last month?').happening?.name, 'raid');
    assert.equal(parse('This month, what were the rais on metal shipments worth?').happening?.name, 'raid');
    // "roes" is ores or ropes: ropes are made, ore is mined.
    assert.deepEqual(
      parse('How many roes were made in week 3?').metrics.map((m) => m.key),
      ['ropes'],
    );
    // An everyday word one slip from a number's word, where the words around it make that number.
    assert.deepEqual(
      parse("What was Circuiton's gold lot to the pirates last month?").metrics.map((m) => m.key),
      ['loot_gold'],
    );
    assert.deepEqual(
      parse('How much gold did the pirates take, a lot?').metrics.map((m) => m.key),
      ['raid_gold'],
    );
  });

  it('mends a word of the time into nothing else, and a noun after a determiner into what is asked', () => {
    // "four" is one slip from flour, but it is the question's week.
    const q = parse('What was the total rain in week four at the port?');
    assert.deepEqual(q.time?.range, { from: 22, to: 28 });
    assert.deepEqual(
      q.metrics.map((m) => m.key),
      ['rain_mm'],
    );
    assert.match(parse("Give the least-squares sloe of the port's nets per day").text, /\bslope\b/);
    assert.match(parse("What was the tend of the farms' wind last week?").text, /\btrend\b/);
    // A verb stays a verb.
    assert.doesNotMatch(parse('Do the catches tend to fall in storms?').text, /\btrend\b/);
  });

  it('lets the closer-knit words of two numbers win where they overlap', () => {
    assert.deepEqual(
      parse(
        "What is the correlation between Circuiton's gold lost to the pirates per day and its daily trade income?",
      ).metrics.map((m) => m.key),
      ['loot_gold', 'value_gold'],
    );
    // One word loses to a reach of several: the gold earned is trade, not a raid's gold.
    assert.deepEqual(
      parse('How much gold did the port earn from sales?').metrics.map((m) => m.key),
      ['value_gold'],
    );
  });

  it('counts a town named twice twice, and mends a slip that names it once more', () => {
    assert.equal(vocab.townMentionsIn('trade in the mines and arrivals in the mines').length, 2);
    assert.deepEqual(
      parse('Which days had both trade in the miens and a shipment arriving in the mines?').text,
      'which days had both trade in the mines and a shipment arriving in the mines',
    );
  });
});

describe('numbers and spans of days in words', () => {
  const range = (q: string) => parse(q).time?.range;
  it('reads counts in words up to ninety-nine, and a fortnight', () => {
    assert.deepEqual(range('rain over the last twenty-one days'), { from: 40, to: 60 });
    assert.deepEqual(range('rain over the last forty two days'), { from: 19, to: 60 });
    assert.deepEqual(range('rain over the last fifteen days'), { from: 46, to: 60 });
    assert.deepEqual(range('rain over the past fortnight'), { from: 47, to: 60 });
  });
});

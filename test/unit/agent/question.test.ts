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
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuestion } from '../../../src/agent/question.ts';
import { shorthandRead } from '../../../src/agent/shorthand.ts';
import { Vocabulary } from '../../../src/agent/vocabulary.ts';
import { WORLD } from '../../../src/world/map.ts';

const vocab = new Vocabulary(WORLD);
const parse = (question: string) => parseQuestion(question, 60, [], vocab);
const keys = (question: string) => parse(question).metrics.map((m) => m.key);

describe('reading shorthand', () => {
  it("reads an analyst's shorthand as the words the forms know", () => {
    assert.equal(
      shorthandRead('count distinct days: rain_mm>0 @ circuiton past 7d', vocab),
      'on how many days rain mm above 0 in circuiton past 7d',
    );
    assert.match(
      shorthandRead('town argmin sum(rain_mm) full history', vocab),
      /^which town had the least rain mm/,
    );
    assert.match(
      shorthandRead('argmax daily sum fish port logic trailing 45d -> day, value', vocab),
      /^which day had the most fish .*last 45d$/,
    );
    assert.match(
      shorthandRead('lsq slope/day daily mean wind_kph w5', vocab),
      /least squares slope per day .* week 5$/,
    );
  });

  it("reads a developer's field=value query, with the towns' ids as the question has them", () => {
    assert.match(
      shorthandRead('sum raid_gold where target=port logic this month', vocab),
      /on port logic's shipments/,
    );
    assert.match(shorthandRead('count trade events where to=overseas', vocab), /to overseas$/);
    assert.equal(
      shorthandRead('sum fish where town=port logic and day=today+1', vocab),
      'sum fish in port logic and tomorrow',
    );
    assert.match(
      shorthandRead('number of days week=4 where every sensor rain_mm == 0', vocab),
      /week 4 .*no rain mm$/,
    );
    assert.match(
      shorthandRead('exists forge.cold_forge=1 for yesterday? yes/no', vocab),
      /^was there cold forge flag for yesterday$/,
    );
  });

  it('reads the keys the world declares as the numbers, flags and kinds they are', () => {
    assert.deepEqual(keys('sum value_gold where from=overseas week=4'), ['value_gold']);
    assert.equal(
      parse('days where (loss event @ patchbourough) and (storm flag @ port logic)').happening?.name,
      'robbery',
    );
    assert.deepEqual(keys('how many days was the farms over 9 °C on average'), ['temperature_c']);
    // Plain English is left as it is.
    assert.equal(
      shorthandRead('how many fish did the port catch last week', vocab),
      'how many fish did the port catch last week',
    );
  });
});

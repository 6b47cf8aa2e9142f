/** The generated evaluation set keeps its promises: size, every form, determinism, typos, named days. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RawEvent } from '../../../eval/checks.ts';
import { buildGenerated, GENERATED_FORMS } from '../../../eval/generated.ts';
import { WORLD } from '../../../src/world/map.ts';
import { simulate } from '../../../src/world/simulate.ts';

function history(seed: string, days: number): RawEvent[] {
  const raw: RawEvent[] = [];
  for (const u of simulate({ world: WORLD, seed, days, epochMs: Date.UTC(2026, 0, 1) }))
    for (const e of u.events) raw.push({ ...e, town: u.town, day: u.day, hour: u.hour });
  return raw;
}

describe('the generated evaluation set over 60 days of seed 7', () => {
  const raw = history('7', 60);
  const cases = buildGenerated(raw, 60, '7');

  test('holds at least 1,200 questions, of every form, each with its truth', () => {
    assert.ok(cases.length >= 1200, `${cases.length} questions`);
    const forms = new Set(cases.map((c) => c.form));
    for (const form of GENERATED_FORMS) assert.ok(forms.has(form), `no ${form} question`);
    for (const c of cases) assert.ok(c.truth.length > 0, c.question);
    assert.equal(new Set(cases.map((c) => c.question)).size, cases.length, 'a question is asked twice');
  });

  test('is the same for the same history and seed, and another for another seed', () => {
    const again = buildGenerated(raw, 60, '7');
    assert.deepEqual(
      again.map((c) => [c.question, c.truth]),
      cases.map((c) => [c.question, c.truth]),
    );
    const other = buildGenerated(raw, 60, '11');
    assert.notDeepEqual(
      other.map((c) => c.question),
      cases.map((c) => c.question),
    );
  });

  test('puts a typo into about a fifth of the questions', () => {
    const share = cases.filter((c) => c.typo !== undefined).length / cases.length;
    assert.ok(share > 0.14 && share < 0.26, `typo share ${share}`);
  });

  test('names no absolute day past 55, except in questions about the future', () => {
    for (const c of cases) {
      if (c.form === 'future') continue;
      for (const m of c.question.matchAll(/\bdays? (\d+)(?: and (\d+))?/g))
        for (const d of [m[1], m[2]]) if (d) assert.ok(Number(d) <= 55, c.question);
    }
  });

  test('reads an answer the way its truth says', () => {
    const total = cases.find((c) => c.form === 'total' && c.typo === undefined);
    assert.ok(total);
    const value = /^([\d,.]+)/.exec(total.truth)?.[1]?.replace(/,/g, '') ?? '';
    assert.equal(total.check({ answer: `It was ${value}.`, citations: [] }, []), null, total.question);
    assert.notEqual(total.check({ answer: 'It was 123456789.', citations: [] }, []), null);
  });
});

/**
 * A town's declaration is checked whole (town-schema.ts), and towns together (world-check.ts):
 * every problem names the town and the field. The built-in towns pass both.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { worldOf } from '../../../src/world/map.ts';
import type { AnyTownRules } from '../../../src/world/town.ts';
import { townProblems } from '../../../src/world/town-schema.ts';
import { BUILT_IN_TOWNS } from '../../../src/world/towns/index.ts';
import { WorldError } from '../../../src/world/world.ts';

const [first] = BUILT_IN_TOWNS as [AnyTownRules];

/** A copy of the first built-in town under a new id, with people and keys of its own. */
function another(changes: Partial<AnyTownRules> = {}): AnyTownRules {
  return {
    ...first,
    id: 'elsewhere',
    name: 'Elsewhere',
    routes: [],
    goods: {},
    exports: [],
    people: first.people.map((p) => ({ ...p, name: `${p.name} the Younger`, family: undefined })),
    ...changes,
  };
}

function problemsOf(town: AnyTownRules): string[] {
  try {
    worldOf([town]);
    return [];
  } catch (error) {
    assert.ok(error instanceof WorldError);
    return [...error.problems];
  }
}

describe('a town declaration', () => {
  test('each built-in town passes the check a world builder’s town gets', () => {
    for (const town of BUILT_IN_TOWNS) assert.deepEqual(townProblems(town), [], town.id);
  });

  test('a wrong field is named by its path', () => {
    const kinds = first.kinds.map((k, i) =>
      i === 0 ? { ...k, metrics: (k.metrics ?? []).map((m) => ({ ...m, range: [5, 1] as const })) } : k,
    );
    assert.match(townProblems({ ...first, kinds }).join('\n'), /^kinds\[0\]\.metrics\[0\]\.range: /m);
    assert.match(townProblems({ ...first, colour: 'blue' }).join('\n'), /^colour: /m);
    assert.match(townProblems({ ...first, work: 'not a function' }).join('\n'), /^work: must be a function/m);
    assert.match(townProblems({ ...first, extra: 1 }).join('\n'), /extra/);
  });

  test('a town that fits the others makes a world; one that does not is refused, each problem named', () => {
    assert.deepEqual(problemsOf(another()), []);
    const problems = problemsOf(
      another({
        routes: [{ to: 'nowhere', cargo: { days: 1, by: 'cart' } }],
        exports: [{ to: first.id, goods: 'moonbeams', keep: 0 }],
        people: [{ ...(first.people[0] as AnyTownRules['people'][number]), workplace: 'no-such-place' }],
      }),
    );
    assert.ok(problems.includes('town elsewhere: routes[0].to: no town "nowhere"'), problems.join('\n'));
    assert.ok(problems.includes('town elsewhere: exports[0].goods: no town makes "moonbeams"'));
    assert.ok(problems.some((p) => /people\[0\]\.name: .* lives in another town too/.test(p)));
    assert.ok(
      problems.some((p) => /people\[0\]\.workplace: "no-such-place" is not one of its places/.test(p)),
    );
  });

  test('a key two towns declare must mean the same number in both', () => {
    const kind = first.kinds[0] as AnyTownRules['kinds'][number];
    const metric = (kind.metrics ?? [])[0];
    assert.ok(metric);
    const otherUnit = [{ ...kind, metrics: [{ ...metric, unit: 'barrels' }] }];
    assert.ok(
      problemsOf(another({ kinds: otherUnit })).some((p) =>
        p.startsWith(`town elsewhere: kinds[0].metrics.${metric.key}: "${metric.key}" is another number`),
      ),
    );
    const flagged = [{ ...kind, metrics: [], flags: [{ key: metric.key, phrase: 'it', words: /it/ }] }];
    assert.ok(
      problemsOf(another({ kinds: flagged })).some((p) => p.includes(`"${metric.key}" is a number in`)),
    );
  });
});

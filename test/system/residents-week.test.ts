/**
 * A week of the residents' words (issue 16): `chronicle world run --dry-run --days 7` with the
 * default seed says most of its conversation lines once, and no reflection in the week holds
 * another reflection.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DayReport } from '../../src/residents/report.ts';
import { BIN, run } from '../helpers/cli.ts';
import { distinctShare, linesOf, nestedReflections, residentDays, saidOf } from '../helpers/week.ts';

/** The JSON reports in a dry run's output, between its lines of actions. */
function reportsIn(stdout: string): DayReport[] {
  const reports: DayReport[] = [];
  let block: string[] | undefined;
  for (const line of stdout.split('\n')) {
    if (line === '{') block = [];
    if (block) block.push(line);
    if (line === '}' && block) {
      reports.push(JSON.parse(block.join('\n')) as DayReport);
      block = undefined;
    }
  }
  return reports;
}

describe('a week of the residents’ words', () => {
  it('says at least 60% of its conversation lines once (every line of every talk, default seed)', async () => {
    const r = await run([BIN, 'world', 'run', '--dry-run', '--days', '7', '--report-format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const reports = reportsIn(r.stdout);
    assert.deepEqual(
      reports.map((d) => d.day),
      [1, 2, 3, 4, 5, 6, 7],
    );
    const lines = reports.flatMap((d) => d.conversations.list.flatMap((c) => c.transcript ?? []));
    assert.ok(lines.length > 150, `${lines.length} lines`);
    const share = distinctShare(lines);
    assert.ok(share >= 0.6, `${(100 * share).toFixed(1)}% of ${lines.length} lines are distinct`);
    // The speakers' names alone make most lines unique; what they say must be varied too.
    const said = distinctShare(lines.map(saidOf));
    assert.ok(said >= 0.6, `${(100 * said).toFixed(1)}% of what is said is distinct`);
    // The same run in process has the same words: what the reports print is what the residents said.
    assert.deepEqual(lines, linesOf(residentDays('1')));
  });

  it('has no reflection that holds another reflection’s text', () => {
    const logs = residentDays('1');
    assert.equal(logs.length, 7);
    assert.ok(logs.flatMap((l) => l.memories).filter((m) => m.kind === 'reflection').length > 50);
    assert.deepEqual(nestedReflections(logs), []);
  });
});

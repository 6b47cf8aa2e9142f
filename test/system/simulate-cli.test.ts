/** `chronicle simulate` is deterministic: the same seed gives the same bytes, another seed another history. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BIN, run } from '../helpers/cli.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('simulate --days 30 --seed 7 --out - twice gives byte-identical output; another seed differs', async () => {
  const [a, b, c] = await Promise.all([
    run([BIN, 'simulate', '--days', '30', '--seed', '7', '--out', '-']),
    run([BIN, 'simulate', '--days', '30', '--seed', '7', '--out', '-']),
    run([BIN, 'simulate', '--days', '30', '--seed', '8', '--out', '-']),
  ]);
  for (const r of [a, b, c]) assert.equal(r.code, 0, r.stderr);
  const lines = a.stdout.trim().split('\n');
  assert.ok(lines.length > 1000, `only ${lines.length} updates in 30 days`);
  const days = new Set(lines.map((l) => JSON.parse(l).day));
  assert.equal(days.size, 30);
  assert.equal(sha(a.stdout), sha(b.stdout));
  assert.notEqual(sha(a.stdout), sha(c.stdout));
  assert.match(a.stderr, /Simulated 30 days of seed 7: \d+ updates, \d+ events/);
});

test('simulate --out writes the same history to a file, with timestamps as if run in real time', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'chronicle-sim-')), 'world.jsonl');
  const [toFile, toStdout] = await Promise.all([
    run([BIN, 'simulate', '--days', '3', '--seed', '7', '--out', out]),
    run([BIN, 'simulate', '--days', '3', '--seed', '7', '--out', '-']),
  ]);
  assert.equal(toFile.code, 0, toFile.stderr);
  const text = readFileSync(out, 'utf8');
  assert.equal(text, toStdout.stdout);
  const updates = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  // Day 1 starts at the default epoch; a day lasts five real minutes.
  for (const u of updates) {
    const expected = Date.parse('2026-01-01T00:00:00.000Z') + (u.day - 1 + u.hour / 24) * 300_000;
    assert.ok(Math.abs(Date.parse(u.ts) - expected) < 1000, `${u.ts} for day ${u.day} hour ${u.hour}`);
  }
  const times = updates.map((u) => Date.parse(u.ts));
  assert.deepEqual(
    times,
    [...times].sort((x, y) => x - y),
    'updates are written in time order',
  );
});

test('simulate into two fresh stores with one seed stores the same history', async () => {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'chronicle-sim-store-')));
  const runs = await Promise.all(
    dirs.map((d) => run([BIN, 'simulate', '--days', '30', '--seed', '7', '--data', d])),
  );
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  // Each world has its own id, and its history ends when it was made; everything else is the same.
  const histories = dirs.map((d) =>
    ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'].map((town) =>
      readFileSync(join(d, 'towns', town, 'updates.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => {
          const { id: _id, ts: _ts, ...rest } = JSON.parse(l);
          return JSON.stringify(rest);
        }),
    ),
  );
  assert.ok((histories[0]?.[0]?.length ?? 0) > 250);
  assert.deepEqual(histories[0], histories[1]);
  assert.match(runs[0]?.stderr ?? '', /Simulated 30 days into .*: \d+ updates, \d+ events stored/);
});

test('simulate rejects bad flags with a clear message', async () => {
  for (const [args, message] of [
    [['--days', '0'], /--days must be between 1 and 100000/],
    [['--days', 'ten'], /--days must be a whole number/],
    [['--seed', 'a b'], /seed may hold only/],
    [['--start', 'yesterday'], /not an ISO 8601 instant/],
  ] as const) {
    const r = await run([BIN, 'simulate', ...args]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});

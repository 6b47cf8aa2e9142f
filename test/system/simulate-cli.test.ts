/**
 * `chronicle simulate` is deterministic: the same seed gives the same bytes, another seed another
 * history; its residents live as in `world run`, and `--no-residents` leaves them out.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { residentStorePath } from '../../src/files/data-dir.ts';
import { openResidentStore } from '../../src/store/open.ts';
import { WORLD } from '../../src/world/map.ts';
import { residentsConfigOf } from '../../src/world/residents/catalog.ts';
import { simulate } from '../../src/world/simulate.ts';
import type { Body } from '../helpers/aggregator.ts';
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

/** The residents' kinds of event: what they do beyond the towns' jobs. */
const RESIDENT_KINDS = ['move', 'travel', 'chat', 'meeting', 'reflection', 'task'];
const TOWNS = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
type Line = { id: string; ts: string; town: string; day: number; events: { kind: string; actor?: string }[] };
const parse = (text: string): Line[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
/** A town's log without what names this copy of the world (its id) and when it was made (ts). */
const told = (lines: Line[]) => lines.map(({ id: _id, ts: _ts, ...rest }) => JSON.stringify(rest));
const townLog = (dir: string, town: string) =>
  told(parse(readFileSync(join(dir, 'towns', town, 'updates.jsonl'), 'utf8')));

test('simulate --days 3 lives the residents too: their moves, chats and meetings, to a file and into the store', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'chronicle-sim-')), 'world.jsonl');
  const store = mkdtempSync(join(tmpdir(), 'chronicle-sim-store-'));
  const [toFile, intoStore] = await Promise.all([
    run([BIN, 'simulate', '--days', '3', '--seed', '7', '--out', out]),
    run([BIN, 'simulate', '--days', '3', '--seed', '7', '--data', store]),
  ]);
  assert.equal(toFile.code, 0, toFile.stderr);
  assert.equal(intoStore.code, 0, intoStore.stderr);
  const names = new Set(residentsConfigOf(WORLD).residents.map((r) => r.name));
  const histories = {
    file: parse(readFileSync(out, 'utf8')),
    store: TOWNS.flatMap((town) => parse(readFileSync(join(store, 'towns', town, 'updates.jsonl'), 'utf8'))),
  };
  for (const [where, updates] of Object.entries(histories)) {
    for (const day of [1, 2, 3]) {
      const kinds = new Set(updates.filter((u) => u.day === day).flatMap((u) => u.events.map((e) => e.kind)));
      for (const kind of ['move', 'chat'])
        assert.ok(kinds.has(kind), `${where}: ${kind} events on day ${day}`);
    }
    // Every one of them is a canonical resident's, and residents do the towns' jobs by name.
    const events = updates.flatMap((u) => u.events);
    const theirs = events.filter((e) => RESIDENT_KINDS.includes(e.kind));
    assert.ok(theirs.length > 300, `${where}: only ${theirs.length} residents' events in 3 days`);
    assert.ok(
      theirs.some((e) => e.kind === 'meeting'),
      `${where}: a meeting in 3 days`,
    );
    for (const e of theirs) assert.ok(e.actor && names.has(e.actor), `${where}: ${e.kind} by ${e.actor}`);
    assert.ok(events.some((e) => e.kind === 'fishing' && e.actor && names.has(e.actor)));
  }
  // The file and the store tell one world: a fresh world from day 1 with the same seed.
  for (const town of TOWNS)
    assert.deepEqual(townLog(store, town), told(histories.file.filter((u) => u.town === town)), town);
  // The store path keeps the residents' world for the next run: the canonical catalogue, and where
  // everyone is at the start of day 4, as their last moves in the history left them.
  const residents = await openResidentStore(residentStorePath(store));
  try {
    assert.equal((await residents.config())?.residents.length, names.size);
    const snapshot = await residents.snapshot();
    assert.equal(snapshot?.day, 4);
    // Where each one's last move took them, unless they travelled after it.
    const lastMove = new Map<string, string | null>();
    for (const u of histories.store.sort((a, b) => a.day - b.day || (a as Body).hour - (b as Body).hour))
      for (const e of u.events as Body[]) {
        if (e.kind === 'move') lastMove.set(e.actor, e.data.location);
        if (e.kind === 'travel') lastMove.set(e.actor, null);
      }
    let checked = 0;
    for (const p of snapshot?.people ?? []) {
      const location = lastMove.get(p.name);
      if (p.travel || !location) continue;
      assert.equal(p.location, location, p.name);
      checked++;
    }
    assert.ok(checked > names.size / 2, `${checked} residents' whereabouts checked`);
  } finally {
    await residents.close();
  }
});

test('simulate --no-residents writes the towns core alone, as before residents joined the fast-forward', async () => {
  const store = mkdtempSync(join(tmpdir(), 'chronicle-sim-store-'));
  const [toStdout, intoStore] = await Promise.all([
    run([BIN, 'simulate', '--days', '3', '--seed', '7', '--out', '-', '--no-residents']),
    run([BIN, 'simulate', '--days', '3', '--seed', '7', '--data', store, '--no-residents']),
  ]);
  assert.equal(toStdout.code, 0, toStdout.stderr);
  assert.equal(intoStore.code, 0, intoStore.stderr);
  const core = simulate({
    world: WORLD,
    seed: '7',
    days: 3,
    epochMs: Date.parse('2026-01-01T00:00:00.000Z'),
  });
  assert.equal(toStdout.stdout, [...core].map((u) => `${JSON.stringify(u)}\n`).join(''));
  const updates = parse(toStdout.stdout);
  assert.ok(updates.every((u) => u.events.every((e) => !RESIDENT_KINDS.includes(e.kind))));
  for (const town of TOWNS)
    assert.deepEqual(townLog(store, town), told(updates.filter((u) => u.town === town)), town);
  assert.ok(!existsSync(residentStorePath(store)), 'no residents stored');
});

test('the same seed tells the same world through simulate and world run', async () => {
  const [simulated, lived] = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'chronicle-sim-store-')));
  const runs = await Promise.all([
    run([BIN, 'simulate', '--days', '3', '--seed', '11', '--data', simulated as string]),
    run([BIN, 'world', 'run', '--days', '3', '--seed', '11', '--data', lived as string, '--offline']),
  ]);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  // World run writes each day's report besides; the histories are the same, event for event.
  for (const town of TOWNS) {
    const [a, b] = [simulated, lived].map((dir) => townLog(dir as string, town));
    assert.ok((a?.length ?? 0) > 25, town);
    assert.deepEqual(a, b, town);
  }
  const residentsEvents = (dir: string) =>
    TOWNS.flatMap((town) => parse(readFileSync(join(dir, 'towns', town, 'updates.jsonl'), 'utf8'))).flatMap(
      (u) => u.events.filter((e) => RESIDENT_KINDS.includes(e.kind)),
    );
  const kinds = new Set(residentsEvents(simulated as string).map((e) => e.kind));
  for (const kind of ['move', 'chat', 'meeting']) assert.ok(kinds.has(kind), kind);
});

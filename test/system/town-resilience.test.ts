/**
 * A town keeps going through what it finds on disk and what the aggregator refuses: a damaged file
 * in its outbox is set aside with its reason, an update the aggregator already holds otherwise (409)
 * is set aside like any refused update, and a damaged state file is a clear error naming it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { StoredEvent } from '../../src/events/contracts.ts';
import { Outbox } from '../../src/town/outbox.ts';
import type { Update } from '../../src/world/types.ts';
import { anUpdate, type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { BIN, run } from '../helpers/cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'chronicle-resilience-'));
const name = (seq: number) => `${String(seq).padStart(12, '0')}.json`;
const logOf = (data: string, town: string): Update[] =>
  readFileSync(join(data, 'towns', town, 'updates.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

/** Every stored event of a town, as the aggregator returns them. */
async function eventsOf(agg: TestAggregator, town: string): Promise<StoredEvent[]> {
  const { events } = await agg.history();
  return events.filter((e) => e.town === town);
}

/** The updates a town's stored events came from, by sequence number, with their ids. */
function updatesOf(events: StoredEvent[]): Map<number, string> {
  return new Map(events.map((e) => [Number(e.town_seq), e.update_id]));
}

/** A town run to completion against a real aggregator on the same data directory. */
function runTown(agg: TestAggregator, town: string, updates: number) {
  return run(
    [
      BIN,
      'town',
      town,
      '--server',
      agg.url,
      '--data',
      agg.dataDir,
      '--speed',
      '50',
      '--updates',
      String(updates),
    ],
    { timeoutMs: 90_000 },
  );
}

describe("a town's outbox", () => {
  test('a truncated file, a file that is not JSON and an update of another town are set aside; the town delivers its own', {
    timeout: 120_000,
  }, async () => {
    const agg = await startAggregator({ speed: 50 });
    try {
      const outbox = join(agg.dataDir, 'towns/port-logic/outbox');
      mkdirSync(outbox, { recursive: true });
      writeFileSync(join(outbox, name(31)), '{"id":"w-0123456789ab/port-logic/31","town":');
      writeFileSync(join(outbox, name(32)), 'these are not the updates you are looking for');
      writeFileSync(join(outbox, name(33)), JSON.stringify(anUpdate('circuiton', { seq: 33 })));

      const r = await runTown(agg, 'port-logic', 4);
      assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, /at .*outbox\.ts/, 'no stack trace');
      // One line about each file it set aside.
      for (const seq of [31, 32, 33]) {
        const about = r.stdout.split('\n').filter((line) => line.includes(name(seq)));
        assert.equal(about.length, 1, `one line about ${name(seq)}:\n${r.stdout}`);
        assert.match(about[0] as string, /set aside/);
      }

      // Its own updates all reached the aggregator, and nothing is left in the outbox.
      const delivered = updatesOf(await eventsOf(agg, 'port-logic'));
      assert.deepEqual(
        [...delivered.keys()].sort((a, b) => a - b),
        [1, 2, 3, 4],
      );
      for (const u of logOf(agg.dataDir, 'port-logic')) assert.equal(delivered.get(u.seq), u.id);
      assert.deepEqual(readdirSync(outbox), ['rejected']);

      const rejected = join(outbox, 'rejected');
      assert.deepEqual(
        readdirSync(rejected).sort(),
        [31, 32, 33].flatMap((seq) => [name(seq), `${name(seq)}.reason.txt`]),
      );
      const reason = (seq: number) => readFileSync(join(rejected, `${name(seq)}.reason.txt`), 'utf8');
      assert.match(reason(31), new RegExp(name(31)));
      assert.match(reason(31), /not JSON/);
      assert.match(reason(32), new RegExp(name(32)));
      assert.match(reason(32), /not JSON/);
      assert.match(reason(33), new RegExp(name(33)));
      assert.match(reason(33), /not an update of port-logic/);
      // What was set aside is kept as it was found.
      assert.equal(
        readFileSync(join(rejected, name(32)), 'utf8'),
        'these are not the updates you are looking for',
      );
    } finally {
      await agg.stop();
    }
  });

  test('pending() sets aside what is not an update of this town, and put() replaces a damaged file', () => {
    const dir = join(tmp(), 'outbox');
    const lines: string[] = [];
    const outbox = new Outbox(dir, { town: 'circuiton', log: (line) => lines.push(line) });
    const good = (seq: number) => anUpdate('circuiton', { seq });
    writeFileSync(join(dir, name(1)), '');
    writeFileSync(join(dir, name(2)), JSON.stringify(good(2)));
    writeFileSync(join(dir, name(3)), JSON.stringify(good(4))); // the wrong sequence number
    writeFileSync(join(dir, name(5)), JSON.stringify({ ...good(5), events: 'none' }));
    writeFileSync(join(dir, name(6)), '[1, 2, 3]');
    writeFileSync(join(dir, 'notes.json'), JSON.stringify(good(7)));
    writeFileSync(join(dir, name(8)), '{"id":"x/circuiton/8","town":"circ');
    writeFileSync(join(dir, name(9)), JSON.stringify(good(9)));

    // The limit counts only good updates; everything before the last one returned has been looked at.
    assert.deepEqual(
      outbox.pending(1).map((u) => u.seq),
      [2],
    );
    assert.deepEqual(readdirSync(join(dir, 'rejected')).sort(), [name(1), `${name(1)}.reason.txt`]);
    assert.deepEqual(
      outbox.pending(10).map((u) => u.seq),
      [2, 9],
    );
    assert.equal(outbox.size(), 2);
    const rejected = readdirSync(join(dir, 'rejected')).filter((f) => !f.endsWith('.reason.txt'));
    assert.deepEqual(rejected.sort(), [name(1), name(3), name(5), name(6), name(8), 'notes.json'].sort());
    const reason = (file: string) => readFileSync(join(dir, 'rejected', `${file}.reason.txt`), 'utf8');
    assert.match(reason(name(3)), /seq/);
    assert.match(reason(name(5)), /events/);
    assert.match(reason('notes.json'), /name/);
    assert.equal(lines.length, 6, lines.join('\n'));

    // The town's own update is not lost behind a damaged file holding its place.
    writeFileSync(join(dir, name(10)), '{"id":');
    outbox.put(good(10));
    assert.deepEqual(
      outbox.pending(10).map((u) => u.seq),
      [2, 9, 10],
    );
    assert.ok(existsSync(join(dir, 'rejected', `${name(10)}.reason.txt`)));
    // A second damaged file of the same name keeps the first one set aside.
    writeFileSync(join(dir, name(1)), 'again');
    outbox.pending(10);
    const again = readdirSync(join(dir, 'rejected')).filter((f) => f.startsWith(name(1).slice(0, 12)));
    assert.equal(again.length, 4, again.join(', '));
  });
});

describe('an update the aggregator already holds otherwise (409)', () => {
  test('is set aside with its reason, and the updates after it are delivered', {
    timeout: 120_000,
  }, async () => {
    const agg = await startAggregator({ speed: 50 });
    try {
      const world = (await agg.get('/api/clock')).body as Body;
      const token = agg.tokens['port-logic'];
      // Update 2's place is taken by an update with another id; update 3's id by other content.
      const taken = await agg.post([anUpdate('port-logic', { id: 'intruder/port-logic/2', seq: 2 })], {
        token,
      });
      assert.equal(taken.status, 200, JSON.stringify(taken.body));
      const squatted = await agg.post([anUpdate('port-logic', { id: `${world.id}/port-logic/3`, seq: 3 })], {
        token,
      });
      assert.equal(squatted.status, 200, JSON.stringify(squatted.body));

      const r = await runTown(agg, 'port-logic', 5);
      assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /update 2 refused by the aggregator and set aside: HTTP 409/);
      assert.match(r.stdout, /update 3 refused by the aggregator and set aside: HTTP 409/);

      const outbox = join(agg.dataDir, 'towns/port-logic/outbox');
      assert.deepEqual(readdirSync(outbox), ['rejected'], 'the outbox emptied');
      const rejected = join(outbox, 'rejected');
      assert.deepEqual(
        readdirSync(rejected).sort(),
        [2, 3].flatMap((seq) => [name(seq), `${name(seq)}.reason.txt`]),
      );
      const reason = (seq: number) => readFileSync(join(rejected, `${name(seq)}.reason.txt`), 'utf8');
      assert.match(reason(2), /HTTP 409.*already has update 2/);
      assert.match(reason(3), /HTTP 409.*other content/);

      // The town's other updates are stored as it made them; 2 and 3 remain the ones posted first.
      const log = new Map(logOf(agg.dataDir, 'port-logic').map((u) => [u.seq, u.id]));
      const delivered = updatesOf(await eventsOf(agg, 'port-logic'));
      for (const seq of [1, 4, 5]) assert.equal(delivered.get(seq), log.get(seq), `update ${seq}`);
      assert.equal(delivered.get(2), 'intruder/port-logic/2');
      assert.equal(delivered.get(3), `${world.id}/port-logic/3`);
    } finally {
      await agg.stop();
    }
  });
});

describe("a town's state file", () => {
  test('a world time beyond the last day, or a sequence number beyond reason, is a clear error naming it', {
    timeout: 90_000,
  }, async () => {
    const data = tmp();
    const args = [BIN, 'town', 'circuiton', '--data', data, '--speed', '1000', '--no-residents'];
    const first = await run([...args, '--updates', '1']);
    assert.equal(first.code, 0, first.stderr);
    const path = join(data, 'towns/circuiton/state.json');
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    const damaged: [string, (s: Body) => void, RegExp][] = [
      ['t', (s) => (s.state.t = 5e15), /state\.t/],
      ['seq', (s) => (s.state.seq = 2 ** 52), /state\.seq/],
      ['last.seq', (s) => (s.last.seq = 1e12), /last\.seq/],
    ];
    for (const [what, damage, field] of damaged) {
      const copy = structuredClone(saved);
      damage(copy);
      writeFileSync(path, JSON.stringify(copy));
      const r = await run([...args, '--updates', '1']);
      assert.equal(r.code, 1, `${what}: ${r.stdout}`);
      assert.match(r.stderr, /state\.json is damaged/, what);
      assert.match(r.stderr, field, what);
      assert.doesNotMatch(r.stderr, /\n\s+at /, `${what}: no stack trace`);
    }
  });
});

describe('a town back after a long pause', () => {
  test('tells what its residents did meanwhile in updates the aggregator takes (at most 200 events each)', async () => {
    // A fast world clock: by the time the town wakes, its residents have days to tell.
    const agg = await startAggregator({ speed: 2000 });
    try {
      const until = Date.now() + 30_000;
      while ((await agg.get('/api/clock')).body.day < 4) {
        if (Date.now() > until) throw new Error('the world clock did not reach day 4');
        await new Promise((r) => setTimeout(r, 50));
      }
      const ran = await runTown(agg, 'port-logic', 1);
      assert.equal(ran.code, 0, ran.stderr);
      const rejected = join(agg.dataDir, 'towns', 'port-logic', 'outbox', 'rejected');
      assert.deepEqual(readdirSync(rejected), [], 'nothing was refused');
      const log = logOf(agg.dataDir, 'port-logic');
      assert.ok(log.length > 1, `one step told ${log[0]?.events.length} events in one update`);
      assert.ok(log.every((u) => u.events.length <= 200));
      assert.deepEqual(
        log.map((u) => u.seq),
        log.map((_, i) => i + 1),
      );
      const stored = await eventsOf(agg, 'port-logic');
      assert.equal(stored.length, log.flatMap((u) => u.events).length);
    } finally {
      await agg.stop();
    }
  });
});

/**
 * The town scripts as a user runs them: real processes, real files, real HTTP. Run at high speed so
 * that a "30 s" interval is a fraction of a second.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/world/residents/catalog.ts';
import { RESIDENT_KINDS } from '../../src/world/residents/events.ts';
import type { Update } from '../../src/world/types.ts';
import { BIN, exited, run, start, waitFor } from '../helpers/cli.ts';

const HEADER = /^(?:\[[\w-]+ *\] )?(.+?) · day (\d+), (\d\d):(\d\d) · update (\d+)$/;
const tmp = () => mkdtempSync(join(tmpdir(), 'chronicle-town-'));
const logOf = (data: string, town: string): Update[] =>
  readFileSync(join(data, 'towns', town, 'updates.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const headers = (lines: { at: number; text: string }[]) =>
  lines.flatMap(({ at, text }) => {
    const m = HEADER.exec(text);
    return m ? [{ at, town: m[1] as string, seq: Number(m[5]) }] : [];
  });

describe('a town run on its own', () => {
  test('towns/circuiton.ts prints an update within one interval and then about every interval', async () => {
    const data = tmp();
    // Speed 20: one update about every 1.5 s instead of 30 s.
    const { child, lines } = start([
      '--import',
      'tsx',
      'towns/circuiton.ts',
      '--data',
      data,
      '--speed',
      '20',
      '--updates',
      '5',
    ]);
    assert.equal(await exited(child), 0);
    const ready = lines.find((l) => /wakes up/.test(l.text));
    assert.ok(ready, lines.map((l) => l.text).join('\n'));
    const updates = headers(lines);
    assert.deepEqual(
      updates.map((u) => u.seq),
      [1, 2, 3, 4, 5],
    );
    assert.ok(
      (updates[0]?.at ?? Infinity) - ready.at <= 1500 + 300,
      'the first update comes within one interval',
    );
    for (let i = 1; i < updates.length; i++) {
      const gap = (updates[i]?.at ?? 0) - (updates[i - 1]?.at ?? 0);
      assert.ok(gap >= 0.75 * 1500 - 150 && gap <= 1.25 * 1500 + 300, `gap of ${gap} ms between updates`);
    }
    const log = logOf(data, 'circuiton');
    assert.deepEqual(
      log.map((u) => u.seq),
      [1, 2, 3, 4, 5],
    );
    for (const u of log) {
      assert.ok(u.events.length >= 2 && u.events.some((e) => e.kind === 'sensor'));
      assert.match(u.id, /^w-[0-9a-f]+\/circuiton\/\d+$/);
    }
  });

  test('a restarted town continues its sequence, its world time and its state', async () => {
    const data = tmp();
    const args = ['--import', 'tsx', 'towns/circuiton.ts', '--data', data, '--speed', '200'];
    const first = await run([...args, '--updates', '4']);
    assert.equal(first.code, 0, first.stderr);
    const taughtBefore = JSON.parse(readFileSync(join(data, 'towns/circuiton/state.json'), 'utf8')).state
      .local.taught;
    const second = await run([...args, '--updates', '3']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Circuiton resumes at day \d+, \d\d:\d\d after update 4/);
    const log = logOf(data, 'circuiton');
    assert.deepEqual(
      log.map((u) => u.seq),
      [1, 2, 3, 4, 5, 6, 7],
    );
    const times = log.map((u) => u.day - 1 + u.hour / 24);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
      'world time never goes back',
    );
    // The Academy's tally carried over the restart: what it was, plus what was taught since.
    const saved = JSON.parse(readFileSync(join(data, 'towns/circuiton/state.json'), 'utf8'));
    const taughtSince = log
      .slice(4)
      .flatMap((u) => u.events)
      .filter((e) => e.kind === 'education')
      .reduce((n, e) => n + Number(e.data.learned), 0);
    assert.equal(saved.state.local.taught, taughtBefore + taughtSince);
    assert.equal(saved.state.seq, 7);
  });

  test('runs its residents: they do its jobs, their day joins its updates, and a restart repeats none of it', async () => {
    const data = tmp();
    const args = ['--import', 'tsx', 'towns/circuiton.ts', '--data', data, '--speed', '3000'];
    const first = await run([...args, '--updates', '30']);
    assert.equal(first.code, 0, first.stderr);
    const second = await run([...args, '--updates', '5']);
    assert.equal(second.code, 0, second.stderr);
    const log = logOf(data, 'circuiton');
    const residents = new Set(DEFAULT_CONFIG.residents.map((r) => r.name));
    const theirs = log.flatMap((u) =>
      u.events.filter((e) => RESIDENT_KINDS.has(e.kind)).map((e) => ({ u, e })),
    );
    assert.ok(
      theirs.some(({ e }) => e.kind === 'move'),
      'residents moved about',
    );
    for (const { e } of theirs) assert.ok(e.actor && residents.has(e.actor), `${e.actor} is a resident`);
    for (const e of log.flatMap((u) => u.events))
      if (e.actor) assert.ok(residents.has(e.actor), `${e.actor} did a job`);
    // The first update after the restart tells only what happened since the last one: no more of
    // their events than the busiest update held, for each update's worth of world time it covers
    // (a slow restart on a loaded machine lets more world time pass, not a replay of the day).
    const count = (u: Update) => u.events.filter((e) => RESIDENT_KINDS.has(e.kind)).length;
    const at = (u: Update) => u.day * 24 + u.hour;
    const busiest = Math.max(...log.slice(0, 30).map(count));
    const spans = log
      .slice(1, 30)
      .map((u, i) => at(u) - at(log[i] as Update))
      .sort((a, b) => a - b);
    const typical = Math.max(spans[Math.floor(spans.length / 2)] ?? 1, 1e-6);
    const covered = at(log[30] as Update) - at(log[29] as Update);
    const allowed = busiest * Math.max(1, Math.ceil(covered / typical));
    assert.ok(
      count(log[30] as Update) <= allowed,
      `update 31 holds ${count(log[30] as Update)} of their events over ${covered} world hours (at most ${allowed})`,
    );

    const plain = tmp();
    const without = await run([
      '--import',
      'tsx',
      'towns/circuiton.ts',
      '--data',
      plain,
      '--speed',
      '3000',
      '--updates',
      '10',
      '--no-residents',
    ]);
    assert.equal(without.code, 0, without.stderr);
    const events = logOf(plain, 'circuiton').flatMap((u) => u.events);
    assert.ok(events.every((e) => !RESIDENT_KINDS.has(e.kind)));
    assert.ok(events.some((e) => e.actor === 'John' || e.actor === 'Ida Pike' || e.actor === 'Oskar Flint'));
  });

  test('bad flags and a missing token are clear errors', async () => {
    const data = tmp();
    const cases: [string[], RegExp][] = [
      [['town', 'atlantis'], /unknown town "atlantis"/],
      [['town', 'circuiton', '--speed', '-1'], /--speed must be a number above 0/],
      [['town', 'circuiton', '--server', 'ftp://x'], /is not an http\(s\) URL/],
      [['town', 'circuiton', '--data', data, '--server', 'http://127.0.0.1:9'], /no token for circuiton/],
    ];
    for (const [args, message] of cases) {
      const r = await run([BIN, ...args]);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});

describe('four towns started together', () => {
  test('tick at their own times, not in lockstep, and all stop cleanly on Ctrl-C', async () => {
    const data = tmp();
    const { child, lines } = start([BIN, 'start', '--data', data, '--speed', '30']);
    await waitFor(
      () =>
        new Set(
          headers(lines)
            .filter((h) => h.seq >= 3)
            .map((h) => h.town),
        ).size === 4,
      // Four town processes start (each compiles and catches its residents up) on a busy 2-core
      // machine: a bound on the wait, not a pace they must keep.
      60_000,
      'three updates from every town',
    );
    child.kill('SIGINT');
    assert.equal(await exited(child), 0);
    const updates = headers(lines);
    const towns = ['Port Logic', 'PatchBourough', 'Circuiton', 'Den of Thieves'];
    const firsts = towns.map((town) => updates.find((u) => u.town === town)?.at ?? Number.NaN);
    const spread = Math.max(...firsts) - Math.min(...firsts);
    assert.ok(spread > 100, `the towns' first updates came within ${spread} ms of each other`);
    const gaps = towns.flatMap((town) => {
      const at = updates.filter((u) => u.town === town).map((u) => u.at);
      return at.slice(1).map((t, i) => t - (at[i] as number));
    });
    assert.ok(Math.max(...gaps) - Math.min(...gaps) > 100, 'the intervals between updates vary');
    for (const town of towns) {
      assert.ok(
        lines.some((l) => l.text.includes(`${town} stopped after update`)),
        `${town} did not stop cleanly`,
      );
    }
    // All four share the data directory's world, and so its seed and its weather.
    const ids = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'].map(
      (t) => logOf(data, t)[0]?.id.split('/')[0],
    );
    assert.equal(new Set(ids).size, 1);
  });
});

describe('sending to an aggregator', () => {
  interface Received {
    token: string | undefined;
    updates: Update[];
  }
  const servers: Server[] = [];
  after(() => {
    for (const s of servers) s.close();
  });

  /** A stand-in aggregator speaking the contract: it fails the first requests, then accepts. */
  async function aggregator(
    respond: (request: number, updates: Update[]) => number,
  ): Promise<{ url: string; received: Received[] }> {
    const received: Received[] = [];
    let requests = 0;
    const server = createServer(async (req: IncomingMessage, res) => {
      if (req.method !== 'POST') {
        // Only ingest is stood in for: no clock to follow, no stream to hear.
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not here"}');
        return;
      }
      let body = '';
      for await (const chunk of req) body += chunk;
      const updates = ([] as Update[]).concat(JSON.parse(body));
      const status = respond(++requests, updates);
      if (status === 200) received.push({ token: req.headers.authorization, updates });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { accepted: updates.length } : { error: 'not now' }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
  }

  test('every update is delivered in order through failures, with the token from tokens.json', async () => {
    const data = tmp();
    writeFileSync(join(data, 'tokens.json'), JSON.stringify({ 'den-of-thieves': 'secret-den' }), {
      mode: 0o600,
    });
    const { url, received } = await aggregator((n) => (n <= 3 ? 503 : 200));
    const r = await run([
      BIN,
      'town',
      'den-of-thieves',
      '--data',
      data,
      '--speed',
      '100',
      '--updates',
      '6',
      '--server',
      url,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /cannot deliver \(HTTP 503/);
    const seqs = received.flatMap((x) => x.updates.map((u) => u.seq));
    assert.deepEqual([...new Set(seqs)], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
    );
    assert.ok(received.every((x) => x.token === 'Bearer secret-den'));
    assert.deepEqual(readdirSync(join(data, 'towns/den-of-thieves/outbox')), ['rejected']);
    assert.deepEqual(
      received.flatMap((x) => x.updates),
      logOf(data, 'den-of-thieves'),
    );
  });

  test('an update the aggregator refuses for good is set aside with its reason; the rest go through', async () => {
    const data = tmp();
    const { url, received } = await aggregator((_, updates) =>
      updates.some((u) => u.seq === 2) ? 400 : 200,
    );
    const r = await run([
      BIN,
      'town',
      'circuiton',
      '--data',
      data,
      '--speed',
      '100',
      '--updates',
      '4',
      '--server',
      url,
      '--token',
      't',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      received.flatMap((x) => x.updates.map((u) => u.seq)),
      [1, 3, 4],
    );
    const rejected = join(data, 'towns/circuiton/outbox/rejected');
    assert.deepEqual(readdirSync(rejected).sort(), ['000000000002.json', '000000000002.json.reason.txt']);
    assert.match(readFileSync(join(rejected, '000000000002.json.reason.txt'), 'utf8'), /HTTP 400/);
  });

  test('killed with SIGKILL while the aggregator is down, a town loses nothing and repeats nothing', async () => {
    const data = tmp();
    let up = false;
    const { url, received } = await aggregator(() => (up ? 200 : 503));
    const args = [
      BIN,
      'town',
      'port-logic',
      '--data',
      data,
      '--speed',
      '100',
      '--server',
      url,
      '--token',
      't',
    ];
    const { child, lines } = start(args);
    await waitFor(() => headers(lines).length >= 5, 20_000, 'five updates');
    child.kill('SIGKILL');
    await exited(child);
    up = true;
    const again = await run([...args, '--updates', '3']);
    assert.equal(again.code, 0, again.stderr);
    const log = logOf(data, 'port-logic');
    assert.deepEqual(
      log.map((u) => u.seq),
      log.map((_, i) => i + 1),
      'the log has no gap and no repeat',
    );
    const delivered = new Map(received.flatMap((x) => x.updates).map((u) => [u.seq, u]));
    assert.deepEqual(
      [...delivered.keys()].sort((a, b) => a - b),
      log.map((u) => u.seq),
    );
    for (const u of log) assert.deepEqual(delivered.get(u.seq), u);
  });
});

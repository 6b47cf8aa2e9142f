/**
 * Restart safety with real processes: the aggregator and four towns at high speed; the aggregator
 * is killed with SIGKILL twice and restarted. At the end each town's sequence in the store is
 * 1..N, with no gap and no duplicate, and equals the town's own JSON-lines log.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StoredEvent } from '../../src/events/contracts.ts';
import type { Update } from '../../src/world/types.ts';
import type { Body } from '../helpers/aggregator.ts';
import { BIN, exited, freePort, run, start, waitFor } from '../helpers/cli.ts';

const TOWNS = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const SPEED = '200';

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

test('after two SIGKILLs of the aggregator, every town’s stored sequence is whole and equals its log', {
  timeout: 120_000,
}, async (t) => {
  const data = mkdtempSync(join(tmpdir(), 'chronicle-crash-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const aggregator = () => start([BIN, 'serve', '--data', data, '--port', String(port), '--speed', SPEED]);
  let serving = aggregator();
  let up = false;
  const poll = setInterval(async () => (up = await healthy(url)), 50);
  t.after(() => clearInterval(poll));
  await waitFor(() => up, 20_000, 'the aggregator');

  const towns = TOWNS.map((town) =>
    start([BIN, 'town', town, '--data', data, '--server', url, '--speed', SPEED]),
  );
  const json = async (path: string): Promise<Body> => (await fetch(`${url}${path}`)).json();
  const stored = async () => (await json('/api/world')).events_total as number;

  // Wait for what the towns have done, never for a time: five processes start slowly on a busy machine.
  const storedAtLeast = async (n: number, what: string) => {
    const until = Date.now() + 60_000;
    while ((await stored()) < n) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
  };
  const logLines = (town: string) => {
    try {
      return readFileSync(join(data, 'towns', town, 'updates.jsonl'), 'utf8').split('\n').length - 1;
    } catch {
      return 0;
    }
  };

  let clockBefore = 0;
  for (let kill = 1; kill <= 2; kill++) {
    await storedAtLeast((await stored()) + 200, 'the towns to deliver more events');
    // What a crash keeps is the store: the clock comes back no earlier than the latest stored event
    // (it is saved once a second, which at this speed is most of a day).
    const world = await json('/api/world');
    clockBefore = Math.max(
      ...world.towns.map((town: Body) =>
        town.last_day === null ? 0 : town.last_day - 1 + town.last_hour / 24,
      ),
    );
    serving.child.kill('SIGKILL');
    await exited(serving.child);
    await waitFor(() => !up, 5000, 'the aggregator to be down');
    // The towns keep working; their updates wait in their outboxes.
    const made = TOWNS.map(logLines);
    await waitFor(
      () => TOWNS.every((town, i) => logLines(town) >= (made[i] as number) + 3),
      // A budget, not a pause: on a loaded 2-core machine four towns once needed more than 30 s.
      60_000,
      'updates made while the aggregator is down',
    );
    serving = aggregator();
    await waitFor(() => up, 20_000, 'the restarted aggregator');
    const clockAfter = (await json('/api/clock')).t;
    assert.ok(
      clockAfter >= clockBefore,
      `the world's clock went back from the latest stored event, ${clockBefore}, to ${clockAfter}`,
    );
  }
  await waitFor(() => TOWNS.every((town) => logLines(town) > 30), 60_000, 'thirty updates of every town');
  const until = Date.now() + 60_000;
  while (((await json('/api/events?kind=arrival&limit=1')).events as unknown[]).length === 0) {
    if (Date.now() > until) throw new Error('no shipment arrived between the town processes');
    await sleep(100);
  }

  // Stop the towns, then let each make one more update and deliver everything it holds.
  for (const t of towns) t.child.kill('SIGTERM');
  for (const t of towns) assert.equal(await exited(t.child), 0);
  const finals = await Promise.all(
    TOWNS.map((town) =>
      run([BIN, 'town', town, '--data', data, '--server', url, '--speed', SPEED, '--updates', '1']),
    ),
  );
  for (const r of finals) assert.equal(r.code, 0, r.stderr);
  clearInterval(poll);

  const events: StoredEvent[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (
      await fetch(`${url}/api/events?limit=1000${cursor ? `&cursor=${cursor}` : ''}`)
    ).json()) as {
      events: StoredEvent[];
      next: string | null;
    };
    events.push(...page.events);
    cursor = page.next;
  } while (cursor);
  for (const town of TOWNS) {
    const log: Update[] = readFileSync(join(data, 'towns', town, 'updates.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(log.length > 30, `${town} made only ${log.length} updates`);
    assert.deepEqual(
      log.map((u) => u.seq),
      log.map((_, i) => i + 1),
      `${town}'s log`,
    );
    const mine = events.filter((e) => e.town === town);
    const seqs = [...new Set(mine.map((e) => e.town_seq as number))].sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      log.map((u) => u.seq),
      `${town}: the store holds exactly the log's updates`,
    );
    const expected = log
      .flatMap((u) => u.events.map((e) => `${u.id}|${e.kind}|${e.text}|${JSON.stringify(e.data)}`))
      .sort();
    const actual = mine.map((e) => `${e.update_id}|${e.kind}|${e.text}|${JSON.stringify(e.data)}`).sort();
    assert.deepEqual(actual, expected, `${town}: no event lost, none stored twice`);
  }
  const world = await json('/api/world');
  assert.deepEqual(world.sequence_gaps, {});
  // The towns heard each other over the stream: goods sent from one town arrived in another.
  assert.ok(
    events.some((e) => e.kind === 'arrival'),
    'no shipment arrived between the town processes',
  );

  serving.child.kill('SIGTERM');
  assert.equal(await exited(serving.child), 0);
});

/**
 * An aggregator that requires a read token, and the clients Chronicle ships: a town follows its
 * clock and stream with the token (given as --read-token or CHRONICLE_READ_TOKEN), `start` runs a
 * guarded world, and `ask` and `search` read with it. Without the token each says what it needs.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { anUpdate, type Body, startAggregator } from '../helpers/aggregator.ts';
import { BIN, exited, freePort, ROOT, waitFor } from '../helpers/cli.ts';

const TOKEN = 'reader-secret-42';

interface Child {
  child: ChildProcess;
  out: () => string;
  err: () => string;
}

/** A `chronicle` command with its own environment: no read token unless the test gives one. */
function spawnChronicle(args: readonly string[], env: Record<string, string> = {}): Child {
  const base = { ...process.env };
  delete base.CHRONICLE_READ_TOKEN;
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return { child, out: () => stdout, err: () => stderr };
}

async function runChronicle(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const c = spawnChronicle(args, env);
  const timer = setTimeout(() => c.child.kill('SIGKILL'), timeoutMs);
  const code = await exited(c.child);
  clearTimeout(timer);
  return { code, stdout: c.out(), stderr: c.err() };
}

/** Poll an async check until it holds, with a deadline. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const streamCursor = (data: string, town: string): number | null => {
  const path = join(data, 'towns', town, 'state.json');
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')).streamCursor ?? null;
  } catch {
    return null; // being replaced right now
  }
};

/** Every process below `pid`, with its command line (Linux only: empty elsewhere). */
function descendants(pid: number): { pid: number; cmdline: string }[] {
  if (!existsSync('/proc/self/stat')) return [];
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone already
    }
  }
  const found: { pid: number; cmdline: string }[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      try {
        found.push({
          pid: child,
          cmdline: readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' '),
        });
      } catch {
        continue;
      }
      walk(child);
    }
  };
  walk(pid);
  return found;
}

describe('a town of a world that requires a read token', () => {
  test('follows the clock and the stream with --read-token or CHRONICLE_READ_TOKEN, and without it says what it needs', {
    timeout: 120_000,
  }, async () => {
    const agg = await startAggregator({ readToken: TOKEN, speed: 50 });
    const towns: Child[] = [];
    try {
      const args = (town: string) => ['town', town, '--server', agg.url, '--data', agg.dataDir];
      towns.push(spawnChronicle([...args('port-logic'), '--read-token', TOKEN]));
      towns.push(spawnChronicle(args('den-of-thieves'), { CHRONICLE_READ_TOKEN: TOKEN }));
      for (const t of towns) {
        await waitFor(
          () => {
            if (t.child.exitCode !== null) throw new Error(`a town exited:\n${t.out()}\n${t.err()}`);
            return /wakes up/.test(t.out());
          },
          60_000,
          'the towns to wake up',
        );
      }

      // Another town's news, posted once both follow the stream: each hears it and moves past it.
      const posted = await agg.post([anUpdate('circuiton')]);
      assert.equal(posted.status, 200, JSON.stringify(posted.body));
      const last = posted.body.last_event_id as number;
      for (const town of ['port-logic', 'den-of-thieves']) {
        await waitFor(
          () => (streamCursor(agg.dataDir, town) ?? -1) >= last,
          60_000,
          `${town} to hear event ${last}`,
        );
      }
      // Both deliver their own updates too.
      await until(
        async () => {
          const stored = await Promise.all(
            ['port-logic', 'den-of-thieves'].map((town) => agg.get(`/api/events?town=${town}&limit=1`)),
          );
          return stored.every((r) => r.status === 200 && r.body.events.length > 0);
        },
        60_000,
        'updates from both towns',
      );
      for (const t of towns) {
        t.child.kill('SIGINT');
        assert.equal(await exited(t.child), 0, t.err());
        // It follows the aggregator's clock (speed 50, not its own 1) and stream.
        assert.match(t.out(), /one update about every 0\.6 s/, t.out());
        assert.doesNotMatch(t.out(), /stream lost|read token/, t.out());
      }

      const refused = await runChronicle([...args('circuiton'), '--updates', '2']);
      assert.equal(refused.code, 1, refused.stdout);
      assert.match(refused.stderr, /read token/);
      assert.match(refused.stderr, /--read-token/);
      assert.match(refused.stderr, /CHRONICLE_READ_TOKEN/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      for (const t of towns) if (t.child.exitCode === null) t.child.kill('SIGKILL');
      await agg.stop();
    }
  });
});

describe('`chronicle start` with a read token', () => {
  test('comes up, its towns deliver, the token is not on any command line, and Ctrl-C stops it cleanly', {
    timeout: 120_000,
  }, async () => {
    const data = mkdtempSync(join(tmpdir(), 'chronicle-read-token-start-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = spawnChronicle([
      'start',
      '--read-token',
      TOKEN,
      '--port',
      String(port),
      '--data',
      data,
      '--no-search',
      '--speed',
      '50',
      '--towns',
      'port-logic,circuiton',
    ]);
    try {
      const world = async (headers: Record<string, string>) => {
        try {
          const response = await fetch(`${url}/api/world`, { headers, signal: AbortSignal.timeout(2000) });
          return { status: response.status, body: (await response.json()) as Body };
        } catch {
          return undefined;
        }
      };
      await until(
        async () => {
          if (started.child.exitCode !== null)
            throw new Error(`start exited:\n${started.out()}\n${started.err()}`);
          return ((await world({ authorization: `Bearer ${TOKEN}` }))?.body.events_total ?? 0) > 0;
        },
        90_000,
        `events from the towns:\n${started.out()}`,
      );
      assert.equal((await world({}))?.status, 401, 'the aggregator requires the token');

      const children = descendants(started.child.pid as number);
      assert.ok(children.length === 0 || children.length >= 3, children.map((c) => c.cmdline).join('\n'));
      for (const c of children) assert.ok(!c.cmdline.includes(TOKEN), `the token shows in ps: ${c.cmdline}`);

      started.child.kill('SIGINT');
      assert.equal(await exited(started.child), 0, `${started.out()}\n${started.err()}`);
      assert.match(started.out(), /Aggregator stopped\./);
      assert.doesNotMatch(started.out(), /read token:|refuses the read token/);
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });
});

describe('`ask` and `search` of a world that requires a read token', () => {
  test('read with --read-token or CHRONICLE_READ_TOKEN; without it, or with a wrong one, the error says how to give it', {
    timeout: 120_000,
  }, async () => {
    const agg = await startAggregator({ readToken: TOKEN });
    try {
      const question = 'What happened today?';
      const asked = await runChronicle(['ask', '--url', agg.url, '--read-token', TOKEN, question]);
      assert.equal(asked.code, 0, asked.stderr);
      assert.match(asked.stdout, /Nothing has been recorded yet/);
      const viaEnv = await runChronicle(['ask', '--url', agg.url, question], { CHRONICLE_READ_TOKEN: TOKEN });
      assert.equal(viaEnv.code, 0, viaEnv.stderr);
      assert.match(viaEnv.stdout, /Nothing has been recorded yet/);

      for (const command of [
        ['ask', '--url', agg.url, question],
        ['search', '--url', agg.url, 'fish'],
      ]) {
        const without = await runChronicle(command);
        assert.equal(without.code, 1, without.stdout);
        assert.match(without.stderr, /needs a read token/, command[0]);
        assert.match(without.stderr, /--read-token/, command[0]);
        assert.match(without.stderr, /CHRONICLE_READ_TOKEN/, command[0]);
        const wrong = await runChronicle([...command, '--read-token', 'not-it']);
        assert.equal(wrong.code, 1, wrong.stdout);
        assert.match(wrong.stderr, /read token/, command[0]);
        assert.match(wrong.stderr, /--read-token/, command[0]);
      }

      // With the token, search gets past the guard: this aggregator runs without search, and says so.
      const searched = await runChronicle(['search', '--url', agg.url, '--read-token', TOKEN, 'fish']);
      assert.equal(searched.code, 1, searched.stdout);
      assert.match(searched.stderr, /search is turned off/);
    } finally {
      await agg.stop();
    }
  });
});

/**
 * Damaged search files never stop the aggregator: the search index is derived from the event
 * store, so a damaged vector index (vectors.usearch) or search database (search.db) is logged by
 * name, set aside and rebuilt, while ingest and history carry on, and search ends up answering
 * exactly as it does over an undamaged copy of the same history.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type Body, startAggregator } from '../helpers/aggregator.ts';
import { BIN, exited, freePort, run, start } from '../helpers/cli.ts';

const DAYS = 15;
/** Deadlines for what a loaded two-core machine may take: a model to load, a small history to index. */
const DEADLINE = 120_000;
const TIMEOUT = { timeout: 300_000 };

/** A simulated history indexed by an aggregator that then stopped cleanly (its vector index saved). */
let indexed: string;
/** What search answers over an undamaged copy: as indexed, and after the update below was posted. */
let expected: string;
let expectedAfterPost: string;
const children = new Set<ChildProcess>();

type Get = (path: string) => Promise<{ status: number; body: Body }>;

const query = (params: Record<string, string | number>) =>
  `/api/search?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`;

/** Polls until `check` holds; it may throw to stop waiting at once (a process that exited, say). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = DEADLINE): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

async function caughtUp(get: Get): Promise<void> {
  let last: Body;
  await until(async () => {
    last = await get(query({ q: 'anything', k: 1, mode: 'keyword' }));
    return last.status === 200 && last.body.index_lag === 0;
  }, 'the index to catch up').catch((error: Error) => {
    throw new Error(`${error.message}; last answer ${JSON.stringify(last)}`);
  });
}

/** The ids and scores of a fixed set of queries in every mode: what "the same results" means here. */
async function answers(get: Get): Promise<string> {
  const out: unknown[] = [];
  for (const mode of ['semantic', 'hybrid', 'keyword']) {
    for (const q of ['pirates repaired their boat', 'storm at sea', 'ore mined in the mountains', 'gold']) {
      const filters: Record<string, string | number>[] = [
        {},
        { town: 'port-logic' },
        { from_day: 5, to_day: 8 },
      ];
      for (const filter of filters) {
        const { status, body } = await get(query({ q, mode, k: 10, ...filter }));
        assert.equal(status, 200, JSON.stringify(body));
        assert.equal(body.index_lag, 0);
        assert.equal(body.warning, undefined);
        out.push([mode, q, filter, body.results.map((e: Body) => [e.id, e.score])]);
      }
    }
  }
  return JSON.stringify(out);
}

function copyOfIndexed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-damage-'));
  cpSync(indexed, dir, { recursive: true });
  return dir;
}

/** Overwrites `length` bytes at `offset` with `fill`, or with garbage when no fill is given. */
function overwrite(path: string, offset: number, length: number, fill?: number): void {
  const bytes = Buffer.alloc(length, fill ?? 0);
  if (fill === undefined) {
    let x = 0x9e3779b9;
    for (let i = 0; i < length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
  }
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** The same update for every copy, so that a damaged copy and the reference stay the same history. */
let update: Body;

async function theUpdate(get: Get): Promise<Body> {
  if (update) return update;
  const world = await get('/api/world');
  const circuiton = world.body.towns.find((t: Body) => t.id === 'circuiton');
  update = {
    id: 'search-damage/circuiton/dragon',
    town: 'circuiton',
    seq: circuiton.last_seq + 1,
    ts: new Date(Date.UTC(2026, 0, 20, 9)).toISOString(),
    day: DAYS + 1,
    hour: 9,
    events: [
      { kind: 'omen', text: 'A dragon circled the mine and breathed fire over the ore carts.', data: {} },
    ],
  };
  return update;
}

before(async () => {
  indexed = mkdtempSync(join(tmpdir(), 'chronicle-damage-history-'));
  const made = await run([BIN, 'simulate', '--days', String(DAYS), '--seed', '7', '--data', indexed]);
  assert.equal(made.code, 0, made.stderr);
  const agg = await startAggregator({ dataDir: indexed, search: true });
  try {
    await caughtUp(agg.get);
  } finally {
    await agg.stop();
  }
  assert.ok(existsSync(join(indexed, 'vectors.usearch')), 'the vector index was not saved');

  // The reference: an undamaged copy, before and after the update.
  const reference = await startAggregator({ dataDir: copyOfIndexed(), search: true });
  try {
    await caughtUp(reference.get);
    expected = await answers(reference.get);
    const posted = await reference.post(await theUpdate(reference.get));
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    await caughtUp(reference.get);
    expectedAfterPost = await answers(reference.get);
  } finally {
    await reference.stop();
  }
  // Not an empty comparison: every semantic query finds its 10.
  for (const [mode, , , results] of JSON.parse(expected))
    if (mode === 'semantic') assert.equal(results.length, 10);
});

after(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * `chronicle serve` as a child process: a native abort in it must not take the test runner down.
 * Resolves once it listens; rejects at once if it exits first.
 */
async function serveChild(dir: string) {
  const port = await freePort();
  const proc = start([BIN, 'serve', '--data', dir, '--port', String(port)]);
  children.add(proc.child);
  const url = `http://127.0.0.1:${port}`;
  const gone = () =>
    proc.child.exitCode !== null || proc.child.signalCode !== null
      ? `the aggregator exited (code ${proc.child.exitCode}, signal ${proc.child.signalCode}):\n${proc.lines.map((l) => l.text).join('\n')}`
      : undefined;
  await until(() => {
    const why = gone();
    if (why) throw new Error(why);
    return proc.lines.some((l) => l.text.includes('Chronicle aggregator on'));
  }, 'the aggregator to listen');
  const get: Get = async (path) => {
    const why = gone();
    if (why) throw new Error(why);
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: await response.json() };
  };
  return { ...proc, url, get, gone };
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a damaged vector index (vectors.usearch)', () => {
  const damages: [string, (path: string) => void][] = [
    ['4 KiB of 0xff in the middle of the file', (p) => overwrite(p, statSync(p).size / 2 - 2048, 4096, 0xff)],
    // The graph follows the vectors, at the end of the file: damage there aborted USearch's loader.
    ['4 KiB of 0xff in its graph, near the end', (p) => overwrite(p, statSync(p).size - 8192, 4096, 0xff)],
    ['the file cut to half its length', (p) => truncateSync(p, Math.floor(statSync(p).size / 2))],
    [
      'a damaged graph with a record from before checksums',
      (p) => {
        const meta = JSON.parse(readFileSync(`${p}.json`, 'utf8'));
        delete meta.sha256;
        delete meta.bytes;
        writeFileSync(`${p}.json`, JSON.stringify(meta));
        overwrite(p, statSync(p).size - 8192, 4096, 0xff);
      },
    ],
    [
      'a record that is not JSON, beside a damaged graph',
      (p) => {
        writeFileSync(`${p}.json`, '{"embedder": "use-lite-512", "dimen');
        overwrite(p, statSync(p).size - 8192, 4096, 0xff);
      },
    ],
  ];

  for (const [damage, apply] of damages) {
    test(
      `${damage}: the aggregator stays up, names the file, rebuilds it and answers as before`,
      TIMEOUT,
      async () => {
        const dir = copyOfIndexed();
        const vectors = join(dir, 'vectors.usearch');
        apply(vectors);
        const server = await serveChild(dir);
        try {
          assert.ok(
            server.lines.some((l) => l.text.includes(vectors) && /damaged|cannot be verified/.test(l.text)),
            `no log line names ${vectors}:\n${server.lines.map((l) => l.text).join('\n')}`,
          );
          await caughtUp(server.get);
          assert.equal(await answers(server.get), expected, 'search answers differ from an undamaged copy');
          assert.equal(server.gone(), undefined);
        } finally {
          server.child.kill('SIGTERM');
        }
        assert.equal(await exited(server.child), 0);
        // Saved again at shutdown, whole, with its size and checksum.
        const meta = JSON.parse(readFileSync(`${vectors}.json`, 'utf8'));
        assert.equal(meta.bytes, statSync(vectors).size);
        assert.equal(meta.sha256, sha256Of(vectors));
      },
    );
  }
});

describe('a damaged search database (search.db)', () => {
  const PAGE = 4096;
  const damages: [string, (path: string) => void][] = [
    [
      'eight pages in the middle overwritten with garbage',
      (p) => overwrite(p, Math.floor(statSync(p).size / PAGE / 2) * PAGE, 8 * PAGE),
    ],
    ['its header overwritten with garbage', (p) => overwrite(p, 0, 100)],
  ];

  for (const [damage, apply] of damages) {
    test(
      `${damage}: ingest and history work at once, the log names it, and the index is rebuilt`,
      TIMEOUT,
      async () => {
        const dir = copyOfIndexed();
        const path = join(dir, 'search.db');
        apply(path);
        const log: string[] = [];
        const agg = await startAggregator({ dataDir: dir, search: true, log: (line) => log.push(line) });
        try {
          // At once, while the index is rebuilt from the store.
          const first = await agg.get(query({ q: 'gold', k: 1, mode: 'keyword' }));
          assert.equal(first.status, 200, JSON.stringify(first.body));
          assert.ok(first.body.index_lag > 0, 'the damaged index was not rebuilt');
          const events = await agg.get('/api/events?limit=5');
          assert.equal(events.status, 200);
          assert.equal(events.body.events.length, 5);
          const posted = await agg.post(await theUpdate(agg.get));
          assert.equal(posted.status, 200, JSON.stringify(posted.body));
          assert.ok(
            log.some((l) => l.includes(path) && /damaged/.test(l)),
            `no log line names ${path}:\n${log.join('\n')}`,
          );
          assert.ok(
            readdirSync(dir).some((f) => f.startsWith('search.db.damaged-')),
            'the damaged file was not kept aside',
          );
          await caughtUp(agg.get);
          assert.equal(
            await answers(agg.get),
            expectedAfterPost,
            'search answers differ from an undamaged copy',
          );
        } finally {
          await agg.stop();
        }
      },
    );
  }

  test(
    'damage met at run time (SQLITE_CORRUPT) rebuilds the index instead of retrying forever',
    TIMEOUT,
    async () => {
      const dir = copyOfIndexed();
      const path = join(dir, 'search.db');
      const log: string[] = [];
      const agg = await startAggregator({ dataDir: dir, search: true, log: (line) => log.push(line) });
      /**
       * Overwrites the pages of the events' table under the running aggregator, then writes a row
       * through SQLite from another connection: the aggregator's connection sees the WAL change,
       * drops its page cache and reads the damaged pages from the file.
       */
      const damageUnderIt = () => {
        const other = new Database(path);
        try {
          // Everything written so far into the file itself, so that the damage below is what is read.
          other.pragma('wal_checkpoint(TRUNCATE)');
          const pages = other
            .prepare<[], { pageno: number }>("SELECT pageno FROM dbstat WHERE name = 'docs'")
            .all()
            .map((r) => r.pageno);
          assert.ok(pages.length > 0);
          for (const page of pages) overwrite(path, (page - 1) * PAGE, PAGE);
          other
            .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('poke', ?)")
            .run(String(Date.now()));
        } finally {
          other.close();
        }
      };
      try {
        await caughtUp(agg.get);
        // The indexer meets it: the next batch's write fails.
        damageUnderIt();
        const posted = await agg.post(await theUpdate(agg.get));
        assert.equal(posted.status, 200, JSON.stringify(posted.body));
        await until(
          () => log.some((l) => l.includes(path) && /damaged/.test(l)),
          'a log line naming search.db',
        );
        await caughtUp(agg.get);
        assert.equal(await answers(agg.get), expectedAfterPost, 'the rebuilt index answers differently');

        // A search meets it: it answers (from the index being rebuilt), and the indexer rebuilds it.
        // (A filter on the town makes it read the events' rows: unfiltered, the phrase index alone answers.)
        const before = log.length;
        damageUnderIt();
        const { status, body } = await agg.get(
          query({ q: 'storm at sea', k: 10, mode: 'hybrid', town: 'port-logic' }),
        );
        assert.equal(status, 200, JSON.stringify(body));
        assert.ok(
          log.slice(before).some((l) => l.includes(path) && /damaged/.test(l)),
          log.join('\n'),
        );
        await caughtUp(agg.get);
        assert.equal(await answers(agg.get), expectedAfterPost, 'the rebuilt index answers differently');
        assert.ok(!log.some((l) => /will retry/.test(l)), log.join('\n'));
      } finally {
        await agg.stop();
      }
    },
  );
});

/**
 * The world at a million events (`npm run bench:scale`):
 *
 *   node --import tsx bench/scale.bench.ts [--days 7300] [--seed world] [--calls 200]
 *
 * 1. Builds a data directory of `days` simulated days (20 years: about 965,000 events) through
 *    simulate's direct path (simulateIntoStore, a bulk load), once: it is cached under the OS temp
 *    dir as chronicle-bench-world-s<schema>-<days>d-<seed> (delete it to measure the build again;
 *    a new schema version builds a new one).
 * 2. Times the store's typical aggregate reads in this process: stats(), rollups() of one town ×
 *    one metric × all days, select() of one kind × a goods filter × all days, and of one kind × one
 *    town × all days.
 * 3. Starts `chronicle serve --no-search` on it (its own process) and times GET /api/world.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { eventStorePath } from '../src/files/data-dir.ts';
import { simulateIntoStore } from '../src/simulation/into-store.ts';
import { EVENT_STORE_MIGRATIONS, SqliteEventStore } from '../src/store/sqlite.ts';
import { WORLD } from '../src/world/map.ts';
import { freePort } from '../test/helpers/ports.ts';

const BIN = fileURLToPath(new URL('../bin/chronicle.js', import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const days = Number(flag('days', '7300'));
const seed = flag('seed', 'world');
const calls = Number(flag('calls', '200'));

interface Built {
  dir: string;
  events: number;
  updates: number;
  seconds: number;
  cached: boolean;
}

async function buildWorld(): Promise<Built> {
  const dir = join(tmpdir(), `chronicle-bench-world-s${EVENT_STORE_MIGRATIONS.length}-${days}d-${seed}`);
  const marker = join(dir, 'bench-built.json');
  if (existsSync(marker)) return { dir, ...JSON.parse(readFileSync(marker, 'utf8')), cached: true };
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const r = await simulateIntoStore({ world: WORLD, dataDir: building, days, seed });
  cpSync(building, dir, { recursive: true });
  rmSync(building, { recursive: true, force: true });
  const built = { events: r.events, updates: r.updates, seconds: r.seconds };
  writeFileSync(marker, JSON.stringify(built));
  return { dir, ...built, cached: false };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, max ${(sorted.at(-1) as number).toFixed(2)} ms`;
}

async function timed<T>(n: number, fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  let last = await fn(); // warm
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms, last };
}

function get(agent: Agent, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(dataDir: string): Promise<{ url: string; child: ChildProcess; startMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--data', dataDir, '--port', String(port), '--no-search'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, startMs: performance.now() - started };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('chronicle serve did not come up');
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `world benchmark: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; load average ${load()}`,
);

const built = await buildWorld();
const bytes = statSync(eventStorePath(built.dir)).size;
console.log(
  `store: ${days} days (seed ${seed}), ${fmt(built.events)} events in ${fmt(built.updates)} updates, ${(bytes / 1e6).toFixed(1)} MB of SQLite; ` +
    `built through simulate's direct path (bulk load) in ${built.seconds.toFixed(1)} s = ${fmt(built.events / built.seconds)} events/s` +
    (built.cached ? ` (cached in ${built.dir})` : ` (now cached in ${built.dir})`),
);

{
  const store = new SqliteEventStore(eventStorePath(built.dir));
  try {
    const stats = await timed(50, () => store.stats());
    console.log(
      `stats(): ${stats.last.events_total.toLocaleString('en-US')} events; ${summary(stats.ms)} (50 calls)`,
    );
    const queries: [string, () => Promise<unknown[]>][] = [
      ['rollups, one town × fish × all days', () => store.rollups({ metric: 'fish', towns: ['port-logic'] })],
      [
        "rollups, one town × '*' (events) of one kind × all days",
        () => store.rollups({ metric: '*', towns: ['circuiton'], kinds: ['mining'] }),
      ],
      ['rollups, all towns × temperature_c × all days', () => store.rollups({ metric: 'temperature_c' })],
      [
        'select, trade × goods metal × all days (3 keys)',
        () =>
          store.select({
            kinds: ['trade'],
            equals: { goods: ['metal'] },
            keys: ['goods', 'quantity', 'value_gold'],
          }),
      ],
      [
        'select, trade × one town × all days (2 keys)',
        () => store.select({ kinds: ['trade'], towns: ['circuiton'], keys: ['goods', 'quantity'] }),
      ],
      [
        'select, raid × quantity > 10 × one year (2 keys)',
        () =>
          store.select({
            kinds: ['raid'],
            fromDay: days - 364,
            conditions: [{ key: 'quantity', op: '>', value: 10 }],
            keys: ['goods', 'quantity'],
          }),
      ],
    ];
    for (const [what, fn] of queries) {
      const r = await timed(20, fn);
      console.log(`${what}: ${fmt(r.last.length)} rows; ${summary(r.ms)} (20 calls)`);
    }
  } finally {
    await store.close();
  }
}

const server = await serve(built.dir);
try {
  console.log(`chronicle serve --no-search up in ${(server.startMs / 1000).toFixed(1)} s`);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const first = performance.now();
  const one = await get(agent, `${server.url}/api/world`);
  const firstMs = performance.now() - first;
  if (one.status !== 200) throw new Error(`/api/world answered ${one.status}: ${one.body.slice(0, 200)}`);
  const world = JSON.parse(one.body) as { events_total: number };
  if (world.events_total !== built.events)
    throw new Error(`/api/world says ${world.events_total} events, the store holds ${built.events}`);
  // Warmed up first, as a viewer's repeated reads find it: the first calls pay for V8's compiling.
  for (let i = 0; i < 20; i++) await get(agent, `${server.url}/api/world`);
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    const r = await get(agent, `${server.url}/api/world`);
    ms.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`/api/world answered ${r.status}`);
  }
  agent.destroy();
  console.log(
    `GET /api/world (${(one.body.length / 1024).toFixed(1)} KiB, ${fmt(world.events_total)} events): first ${firstMs.toFixed(1)} ms; ` +
      `then, after 20 more, ${calls} calls over keep-alive: ${summary(ms)} (goal p95 < 20 ms: ${
        percentile(
          [...ms].sort((a, b) => a - b),
          0.95,
        ) < 20
          ? 'met'
          : 'missed'
      })`,
  );
} finally {
  const gone = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await gone;
}
console.log(`load average at the end ${load()}`);

/**
 * The live stream (`GET /api/stream`) from far behind, and under clients that read slowly or not at
 * all, against a real aggregator process:
 *
 *   npm run bench:stream
 *   node --import tsx bench/stream.bench.ts [--days 7300] [--prefix-days 760,3650] [--rounds 2] [--seed stream]
 *
 * 0. Stores of 2, 10 and 20 years of one world (~100k, ~480k and ~960k events), built once each
 *    from the world core through `SqliteEventStore.appendSync` and cached under the OS temp dir,
 *    keyed by days and seed (the shorter ones are prefixes of the longer). Each is also read whole,
 *    in the stream's pages, by a fresh process: the store's own rate and memory, for comparison.
 * 1. Catch-up: on each store, a fresh `chronicle serve --no-search` and a client reading
 *    `?after=0` as fast as it can, which must get every event exactly once in id order (the bench
 *    fails if not); its rate, the aggregator's VmRSS every 50 ms (from /proc) and /healthz every
 *    20 ms while it catches up. On the longest, the catch-up again on the same aggregator, then a
 *    slow client (5 ms pause per 64 KiB) for the first 50,000 events, which must not be cut off.
 *    Then once more with the aggregator run by this file (`--serve-memory`, the same `serve()`) to
 *    split its memory into JS heap, Buffers and the rest, and to see what a forced GC leaves.
 *    Last, on a copy of the shortest, a client catches up while a town posts 500-event batches
 *    back to back, resuming where it was if it is cut off: every event once, in order.
 * 2. 200 stream clients that never read, then ~3.9 MB batches (20 updates × 195 events of ~1 KB)
 *    until all 200 are cut off: /healthz throughout, peak memory growth, batches needed, and the
 *    kernel's share (its send queues and TCP memory).
 *
 * The healthz poller and the memory sampler run on a worker thread, so the busy client's event loop
 * does not delay them. Every loop is bounded in count and time; all traffic goes to 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { IncomingUpdate } from '../src/events/schema.ts';
import { eventStorePath, lockPath, tokensPath } from '../src/files/data-dir.ts';
import { loadOrCreateWorld } from '../src/files/world-file.ts';
import { sseFrame } from '../src/server/sse.ts';
import { openEventStore } from '../src/store/open.ts';
import { SqliteEventStore } from '../src/store/sqlite.ts';
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import { freePort } from '../test/helpers/ports.ts';

const BIN = fileURLToPath(new URL('../bin/chronicle.js', import.meta.url));
const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '7300' },
    'prefix-days': { type: 'string', default: '760,3650' },
    seed: { type: 'string', default: 'stream' },
    rounds: { type: 'string', default: '2' },
    /** Internal: read a store's pages in this (fresh) process and print the rates and RSS as JSON. */
    'read-store': { type: 'string' },
    /** Internal: run the aggregator on this data directory, printing its memory every 50 ms. */
    'serve-memory': { type: 'string' },
    port: { type: 'string' },
  },
});
const DAYS = Number(args.days);
const PREFIX_DAYS = String(args['prefix-days']).split(',').map(Number);
const SEED = String(args.seed);
const SLOW_EVENTS = 50_000;
const ROUNDS = Number(args.rounds);
/** The whole bench gives up after this long, whatever it is waiting for. */
const DEADLINE = Date.now() + 15 * 60_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const signedMib = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mib(bytes)}`;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** Aggregators started here: killed if the bench dies, so none outlives it. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function fail(message: string): never {
  console.error(`\nSTREAM BENCH FAILED: ${message}`);
  process.exit(1);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}
function latencies(xs: readonly number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 0.5).toFixed(1)} ms, p99 ${percentile(s, 0.99).toFixed(1)} ms, max ${(s.at(-1) ?? Number.NaN).toFixed(1)} ms (${s.length} polls)`;
}

// ---------------------------------------------------------------------------------------------
// The stores: the world core through the real ingest path, cached by days and seed.

interface Built {
  dir: string;
  events: number;
  updates: number;
  seconds: number;
  bytes: number;
  cached: boolean;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const f of ['chronicle.db', 'chronicle.db-wal']) {
    try {
      n += readFileSync(join(dir, f)).length;
    } catch {
      // absent
    }
  }
  return n;
}

async function buildStore(days: number, seed: string): Promise<Built> {
  const dir = join(tmpdir(), `chronicle-bench-stream-v1-${days}d-${seed}`);
  const marker = join(dir, 'bench-built.json');
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8'));
    return { dir, events: m.events, updates: m.updates, seconds: m.seconds, bytes: m.bytes, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const world = loadOrCreateWorld(building, seed, `bench-${seed}`);
  // SQLite's synchronous append: the fastest way to build years of history, and only SQLite has it.
  const store = new SqliteEventStore(eventStorePath(building));
  const started = performance.now();
  let updates = 0;
  let events = 0;
  let batch: IncomingUpdate[] = [];
  const flush = () => {
    events += store.appendSync(batch).events.length;
    updates += batch.length;
    batch = [];
  };
  for (const update of simulate({
    world: WORLD,
    seed: world.seed,
    days,
    epochMs: Date.UTC(2006, 0, 1),
    worldId: world.id,
  })) {
    batch.push(update);
    if (batch.length >= 2000) flush();
    if (process.stderr.isTTY && updates % 20_000 === 0 && batch.length === 0)
      process.stderr.write(`  building ${days} days: ${fmt(events)} events…\r`);
  }
  flush();
  const seconds = (performance.now() - started) / 1000;
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  await store.close();
  const bytes = dirBytes(building);
  writeFileSync(
    join(building, 'bench-built.json'),
    `${JSON.stringify({ days, seed, events, updates, seconds, bytes })}\n`,
  );
  renameSync(building, dir);
  return { dir, events, updates, seconds, bytes, cached: false };
}

interface StoreRead {
  plain: number;
  framed: number;
  frameBytes: number;
  /** This process's RSS with the store open, and its peak while reading. */
  rssBase: number;
  rssPeak: number;
}

/**
 * Reads the whole store in the stream's pages (500 events, `EventStore.after`), twice: as
 * rows made events, then with each event JSON-framed as the stream sends it. The ceiling for a
 * catch-up, and what reading alone does to a process's memory.
 */
async function readStore(dir: string): Promise<StoreRead> {
  const store = await openEventStore(eventStorePath(dir));
  try {
    const rssBase = process.memoryUsage.rss();
    let rssPeak = rssBase;
    const pass = async (framed: boolean) => {
      const t0 = performance.now();
      let n = 0;
      let bytes = 0;
      for (let cursor = 0, pages = 0; ; pages++) {
        const page = await store.after(cursor, 500);
        const last = page.at(-1);
        if (!last) break;
        if (framed) bytes += Buffer.concat(page.map((e) => sseFrame(e.id, JSON.stringify(e)))).length;
        n += page.length;
        cursor = last.id;
        if (pages % 10 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      }
      return { rate: n / ((performance.now() - t0) / 1000), bytes };
    };
    const plain = await pass(false);
    const framed = await pass(true);
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    return { plain: plain.rate, framed: framed.rate, frameBytes: framed.bytes, rssBase, rssPeak };
  } finally {
    await store.close();
  }
}

/** readStore in a fresh process of its own (this file, with --read-store). */
function readStoreApart(dir: string): StoreRead {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--read-store', dir],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (r.status !== 0) fail(`reading the store in a child process failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
}

// ---------------------------------------------------------------------------------------------
// The aggregator, as its own process.

interface Server {
  child: ChildProcess;
  port: number;
  url: string;
  data: string;
  pid: number;
  /** With `anatomy`: the aggregator's process.memoryUsage() every 50 ms. */
  memory: MemorySample[];
}

interface MemorySample {
  t: number;
  rss: number;
  heapTotal: number;
  external: number;
  /** A sample taken after a forced full collection, with the heap actually used. */
  gc?: boolean;
  heapUsed?: number;
}

/** Asks an anatomy server for a full collection and returns what it still holds. */
async function afterGc(server: Server): Promise<MemorySample | undefined> {
  if (server.memory.length === 0) return undefined;
  const asked = Date.now();
  server.child.kill('SIGUSR2');
  const until = asked + 10_000;
  while (Date.now() < until) {
    const sample = server.memory.findLast((m) => m.gc && m.t >= asked);
    if (sample) return sample;
    await sleep(20);
  }
  return undefined;
}

/**
 * `chronicle serve --no-search` as its own process. With `anatomy`, the same `serve()` run by this
 * file (--serve-memory), printing its process.memoryUsage() every 50 ms, to split its RSS.
 */
async function startServer(data: string, options: { anatomy?: boolean } = {}): Promise<Server> {
  const port = await freePort();
  const args = options.anatomy
    ? [
        '--expose-gc',
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--serve-memory',
        data,
        '--port',
        String(port),
      ]
    : [BIN, 'serve', '--data', data, '--port', String(port), '--no-search'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', options.anatomy ? 'pipe' : 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const memory: MemorySample[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) memory.push(JSON.parse(line));
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) fail(`the aggregator exited with ${child.exitCode}`);
    if (Date.now() > until) fail('the aggregator did not start in 60 s');
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return { child, port, url, data, pid: child.pid as number, memory };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function procStatus(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(s)?.[1]) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU seconds the process has used (user + system). */
function procCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

/** The Send-Q (bytes the kernel holds, unsent or unacknowledged) of the server's sockets, summed, by ss. */
function sendQueue(port: number): number | undefined {
  try {
    const out = execFileSync('ss', ['-tnH', 'state', 'established', `( sport = :${port} )`], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    const queues = out
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.trim().split(/\s+/)[1]));
    return queues.reduce((a, b) => a + b, 0);
  } catch {
    return undefined; // no ss here
  }
}

async function metric(server: Server, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
}

// ---------------------------------------------------------------------------------------------
// The observer: /healthz every 20 ms and VmRSS every 50 ms, on a thread of its own.

const OBSERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const fs = require('node:fs');
const { port, pid, healthEveryMs, rssEveryMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const health = [];
const rss = [];
const tcp = [];
let errors = 0;
let stopping = false;
const sampleRss = () => {
  try {
    const s = fs.readFileSync('/proc/' + pid + '/status', 'utf8');
    rss.push([Date.now(), Number(/VmRSS:\\s+(\\d+)/.exec(s)[1]) * 1024]);
    const t = fs.readFileSync('/proc/net/sockstat', 'utf8');
    tcp.push([Date.now(), Number(/TCP:.* mem (\\d+)/.exec(t)[1]) * 4096]);
  } catch {}
};
sampleRss();
const rssTimer = setInterval(sampleRss, rssEveryMs);
const finish = () => {
  clearInterval(rssTimer);
  sampleRss();
  agent.destroy();
  parentPort.postMessage({ health, rss, tcp, errors });
  parentPort.close();
};
const next = () => (stopping ? finish() : setTimeout(poll, healthEveryMs));
function poll() {
  const at = Date.now();
  const t0 = performance.now();
  const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent, timeout: 30000 }, (res) => {
    res.resume();
    res.on('end', () => {
      health.push([at, performance.now() - t0]);
      next();
    });
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => {
    errors++;
    next();
  });
}
parentPort.on('message', (m) => {
  if (m === 'stop') stopping = true;
});
poll();
`;

interface Observed {
  health: [number, number][];
  rss: [number, number][];
  /** The kernel's TCP buffers, machine-wide (/proc/net/sockstat). */
  tcp: [number, number][];
  errors: number;
}

function observe(server: Server): { stop(): Promise<Observed> } {
  const worker = new Worker(OBSERVER, {
    eval: true,
    workerData: { port: server.port, pid: server.pid, healthEveryMs: 20, rssEveryMs: 50 },
  });
  const result = new Promise<Observed>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 60_000);
      const r = await result;
      clearTimeout(timer);
      return r;
    },
  };
}

const within = <T>(xs: [number, T][], from: number, to: number) =>
  xs.filter(([at]) => at >= from && at <= to).map(([, x]) => x);

// ---------------------------------------------------------------------------------------------
// A stream client: splits frames on blank lines, checks every id is the next one (and that the
// event's JSON carries the same id), optionally pausing after each chunk it reads.

interface ReadResult {
  received: number;
  bytes: number;
  seconds: number;
  firstEventMs: number;
  /** The connection ended before the target was reached. */
  cutOff: boolean;
  lastId: number;
  error?: string;
}

const SEP = Buffer.from('\n\n');
const ID = Buffer.from('id: ');
const DATA_ID = Buffer.from('\ndata: {"id":');

function readStream(
  server: Server,
  /** `until`: the last id to read (or a function giving it, checked as frames come and every 50 ms). */
  options: { after: number; until: number | (() => number); pauseMs?: number; timeoutMs: number },
): Promise<ReadResult> {
  return new Promise((resolve) => {
    let expected = options.after + 1;
    let received = 0;
    let bytes = 0;
    let firstEventMs = Number.NaN;
    let rest: Buffer | undefined;
    let unpaused = 0;
    let done = false;
    const started = performance.now();
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path: `/api/stream?after=${options.after}`,
      headers: { accept: 'text/event-stream' },
      agent: false,
    });
    const until = typeof options.until === 'number' ? () => options.until as number : options.until;
    const finish = (cutOff: boolean, error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(check);
      req.destroy();
      resolve({
        received,
        bytes,
        seconds: (performance.now() - started) / 1000,
        firstEventMs,
        cutOff,
        lastId: expected - 1,
        error,
      });
    };
    const timer = setTimeout(
      () => finish(false, `timed out after ${options.timeoutMs / 1000} s at id ${expected - 1}`),
      options.timeoutMs,
    );
    const check = setInterval(() => expected > until() && finish(false), 50);
    const frame = (buf: Buffer, start: number, end: number): string | undefined => {
      // A retry line or a comment (the heartbeat) carries no id.
      if (end - start < ID.length || buf.compare(ID, 0, ID.length, start, start + ID.length) !== 0)
        return undefined;
      let id = 0;
      let i = start + ID.length;
      for (; i < end && buf[i] !== 10; i++) id = id * 10 + ((buf[i] as number) - 48);
      if (id !== expected) return `expected id ${expected}, got ${id} (after ${received} events)`;
      const data = buf.indexOf(DATA_ID, i);
      if (data < 0 || data > end) return `frame ${id} has no data line`;
      const inData = buf.toString('latin1', data + DATA_ID.length, data + DATA_ID.length + 16);
      if (!inData.startsWith(`${id},`)) return `frame ${id} carries event ${inData}`;
      if (received === 0) firstEventMs = performance.now() - started;
      received++;
      expected++;
      return undefined;
    };
    req.on('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) return finish(false, `status ${res.statusCode}`);
      res.on('data', (chunk: Buffer) => {
        if (done) return;
        bytes += chunk.length;
        const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
        let start = 0;
        for (;;) {
          const end = buf.indexOf(SEP, start);
          if (end < 0) break;
          const error = frame(buf, start, end);
          if (error) return finish(false, error);
          start = end + 2;
          if (expected > until()) return finish(false);
        }
        rest = start < buf.length ? buf.subarray(start) : undefined;
        // A slow reader: stops reading for pauseMs after each 64 KiB it takes.
        if (options.pauseMs) {
          unpaused += chunk.length;
          if (unpaused >= 64 * 1024) {
            unpaused -= 64 * 1024;
            res.pause();
            setTimeout(() => res.resume(), options.pauseMs);
          }
        }
      });
      res.on('close', () => finish(true));
    });
    req.on('error', (e) => finish(true, e.message));
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// 1. Catch-up.

interface CatchUp {
  read: ReadResult;
  baseline: number;
  peak: number;
  hwmBefore: number;
  hwmAfter: number;
  rssAfter: number;
  health: number[];
  serverCpu: number;
  clientCpu: number;
  /** With an anatomy server: the growth at the RSS peak, split (heap, external Buffers, the rest). */
  split?: { heap: number; external: number; native: number };
  /** With an anatomy server: what a full collection leaves, before and after the catch-up. */
  held?: { before: MemorySample; after: MemorySample };
}

async function catchUp(server: Server, events: number): Promise<CatchUp> {
  const observer = observe(server);
  await sleep(1000); // an idle second: the baseline
  const heldBefore = await afterGc(server);
  const before = procStatus(server.pid);
  const cpu0 = procCpu(server.pid);
  const client0 = process.cpuUsage();
  const from = Date.now();
  const read = await readStream(server, { after: 0, until: events, timeoutMs: 300_000 });
  const to = Date.now();
  const serverCpu = procCpu(server.pid) - cpu0;
  const c = process.cpuUsage(client0);
  const observed = await observer.stop();
  const heldAfter = await afterGc(server);
  const after = procStatus(server.pid);
  if (read.error || read.cutOff || read.received !== events)
    fail(
      `the fast client did not get every event once in order: ${read.error ?? (read.cutOff ? 'cut off' : '')}; ` +
        `received ${fmt(read.received)} of ${fmt(events)}, last id ${read.lastId}`,
    );
  const idle = within(observed.rss, 0, from);
  const baseline = idle.length
    ? (idle.sort((a, b) => a - b)[Math.floor(idle.length / 2)] as number)
    : before.rss;
  let split: CatchUp['split'];
  const base = server.memory.filter((m) => !m.gc && m.t < from).at(-1);
  const during = server.memory.filter((m) => !m.gc && m.t >= from && m.t <= to + 50);
  if (base && during.length) {
    const top = during.reduce((a, b) => (b.rss > a.rss ? b : a));
    split = {
      heap: top.heapTotal - base.heapTotal,
      external: top.external - base.external,
      native: top.rss - top.heapTotal - top.external - (base.rss - base.heapTotal - base.external),
    };
  }
  return {
    split,
    held: heldBefore && heldAfter ? { before: heldBefore, after: heldAfter } : undefined,
    read,
    baseline,
    peak: Math.max(...within(observed.rss, from, to + 50), baseline),
    hwmBefore: before.hwm,
    hwmAfter: after.hwm,
    rssAfter: after.rss,
    health: within(observed.health, from, to),
    serverCpu,
    clientCpu: (c.user + c.system) / 1e6,
  };
}

function printCatchUp(label: string, r: CatchUp): void {
  const { read } = r;
  console.log(
    `  ${label}: every event once, in id order (1..${fmt(read.received)}): ${read.seconds.toFixed(2)} s = ` +
      `${fmt(read.received / read.seconds)} events/s, ${(read.bytes / 1e6 / read.seconds).toFixed(1)} MB/s ` +
      `(${mb(read.bytes)} MB; first event after ${read.firstEventMs.toFixed(0)} ms)`,
  );
  console.log(
    `    aggregator memory: VmRSS baseline ${mib(r.baseline)}, peak ${mib(r.peak)}, growth ${signedMib(r.peak - r.baseline)}; ` +
      `after ${mib(r.rssAfter)}; VmHWM ${mib(r.hwmBefore)} → ${mib(r.hwmAfter)}`,
  );
  if (r.split)
    console.log(
      `    of that growth at the peak: JS heap ${signedMib(r.split.heap)}, external (Buffers) ${signedMib(r.split.external)}, ` +
        `the rest (SQLite's page cache, the allocator) ${signedMib(r.split.native)}`,
    );
  if (r.held) {
    const { before, after } = r.held;
    console.log(
      `    after a forced full GC, before → after the catch-up: JS heap used ${mib(before.heapUsed ?? 0)} → ${mib(after.heapUsed ?? 0)}, ` +
        `external ${mib(before.external)} → ${mib(after.external)}, VmRSS ${mib(before.rss)} → ${mib(after.rss)}`,
    );
  }
  console.log(
    `    /healthz every 20 ms during it: ${latencies(r.health)}; CPU: aggregator ${r.serverCpu.toFixed(1)} s, ` +
      `this client ${r.clientCpu.toFixed(1)} s`,
  );
}

/** On a copy of a store: a client catches up from 0 while a town posts as fast as it is answered. */
async function catchUpUnderIngest(source: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-stream-live-'));
  try {
    cpSync(source, dir, { recursive: true });
    rmSync(lockPath(dir), { force: true });
    const server = await startServer(dir);
    try {
      const tokens = JSON.parse(readFileSync(tokensPath(dir), 'utf8'));
      const world = (await (await fetch(`${server.url}/api/clock`)).json()) as { last_event_id: number };
      let posting = true;
      let postSeconds = 0;
      let posted = 0;
      let requests = 0;
      let lastPosted = Number(world.last_event_id);
      const p0 = performance.now();
      const postLoop = (async () => {
        const until = Date.now() + 6000;
        while (posting && Date.now() < until && requests < 2000) {
          const body = Array.from({ length: 10 }, (_, u) => ({
            id: `bench-live/${requests}/${u}`,
            town: 'port-logic',
            seq: 5_000_000 + requests * 10 + u,
            ts: new Date().toISOString(),
            day: 1,
            hour: 23,
            events: Array.from({ length: 50 }, (_, i) => ({
              kind: 'fishing',
              actor: 'Hal Marsh',
              text: `Hal Marsh caught ${i} fish off the north reef (live ${requests}).`,
              data: { fish: i },
            })),
          }));
          const r = await fetch(`${server.url}/api/updates`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['port-logic']}` },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(30_000),
          });
          const answer = (await r.json()) as { last_event_id?: number };
          if (r.status !== 200) fail(`live ingest answered ${r.status}: ${JSON.stringify(answer)}`);
          lastPosted = answer.last_event_id ?? lastPosted;
          posted += 500;
          requests++;
          await sleep(5);
        }
        postSeconds = (performance.now() - p0) / 1000;
        posting = false;
      })();
      // The client resumes where it was when it is cut off, as EventSource does with Last-Event-ID.
      let cursor = 0;
      let connections = 0;
      let received = 0;
      const t0 = performance.now();
      while (Date.now() < DEADLINE && connections < 50) {
        connections++;
        const r = await readStream(server, {
          after: cursor,
          until: () => (posting ? Number.MAX_SAFE_INTEGER : lastPosted),
          timeoutMs: 60_000,
        });
        received += r.received;
        cursor = r.lastId;
        if (r.error) fail(`under live ingest: ${r.error}`);
        if (!r.cutOff) break;
      }
      const seconds = (performance.now() - t0) / 1000;
      posting = false;
      await postLoop;
      if (cursor !== lastPosted || received !== lastPosted)
        fail(
          `under live ingest the client reached id ${cursor} with ${received} events; ${lastPosted} were stored`,
        );
      console.log(
        `  catch-up from 0 on a copy of the prefix while a town posts 500-event batches back to back ` +
          `(${fmt(posted)} events in ${requests} requests over ${postSeconds.toFixed(1)} s): every event once, in order ` +
          `(1..${fmt(lastPosted)}) in ${seconds.toFixed(2)} s, over ${connections} connection${connections === 1 ? '' : 's'} ` +
          `(${connections - 1} cut off and resumed with ?after=)`,
      );
    } finally {
      await stopServer(server);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. 200 clients that never read, and 3.9 MB batches.

/**
 * `untilCutOff`: batches back to back until every stalled client is cut off (at most 15, 120 s).
 * Otherwise one batch, then 10 s of quiet: are they cut off without more events coming?
 */
async function stalledClients(untilCutOff: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-stream-stalled-'));
  const server = await startServer(dir);
  const stalled: Socket[] = [];
  try {
    const tokens = JSON.parse(readFileSync(tokensPath(dir), 'utf8'));
    for (let i = 0; i < 200; i++) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write('GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
      socket.pause();
      stalled.push(socket);
    }
    const untilClients = Date.now() + 30_000;
    while ((await metric(server, 'chronicle_stream_clients')) < 200) {
      if (Date.now() > untilClients) fail('the 200 stalled clients did not connect in 30 s');
      await sleep(50);
    }
    // About 3.9 MB: 20 updates of 195 events of ~1 KB text.
    const batch = (n: number) =>
      JSON.stringify(
        Array.from({ length: 20 }, (_, u) => ({
          id: `load/${n}/${u}`,
          town: 'circuiton',
          seq: n * 20 + u + 1,
          ts: new Date(Date.UTC(2026, 0, 1, 0, u)).toISOString(),
          day: 1,
          hour: u / 2,
          events: Array.from({ length: 195 }, (_, i) => ({
            kind: 'mining',
            text: `${'ore '.repeat(240)}${u}-${i}`,
            data: { ore_tons: i },
          })),
        })),
      );
    const size = batch(0).length;
    const observer = observe(server);
    await sleep(1000);
    const before = procStatus(server.pid);
    const from = Date.now();
    const took: number[] = [];
    const clientsAfter: number[] = [];
    const sendQueues: (number | undefined)[] = [];
    let clients = 200;
    let allCutOffMs = Number.NaN;
    const until = Date.now() + 120_000;
    while (clients > 0 && took.length < (untilCutOff ? 15 : 1) && Date.now() < until) {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/updates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.circuiton}` },
        body: batch(took.length),
        signal: AbortSignal.timeout(60_000),
      });
      await r.arrayBuffer();
      if (r.status !== 200) fail(`the batch answered ${r.status}`);
      took.push(performance.now() - t0);
      clients = await metric(server, 'chronicle_stream_clients');
      clientsAfter.push(clients);
      if (clients === 0) allCutOffMs = Date.now() - from;
      sendQueues.push(sendQueue(server.port));
    }
    if (!untilCutOff) {
      const quietUntil = Date.now() + 10_000;
      while (clients > 0 && Date.now() < quietUntil) {
        await sleep(250);
        clients = await metric(server, 'chronicle_stream_clients');
        if (clients === 0) allCutOffMs = Date.now() - from;
      }
      clientsAfter.push(clients);
      sendQueues.push(sendQueue(server.port));
    }
    await sleep(1000); // what the last batch set going settles
    const to = Date.now();
    const observed = await observer.stop();
    const after = procStatus(server.pid);
    const dropped = await metric(server, 'chronicle_stream_dropped_total');
    const idle = within(observed.rss, 0, from);
    const baseline = idle.length ? Math.min(...idle) : before.rss;
    const peak = Math.max(...within(observed.rss, from, to), baseline);
    const what = untilCutOff
      ? `${clients === 0 ? 'all 200 cut off' : `${clients} of 200 NOT cut off`} after ${took.length} batch${took.length === 1 ? '' : 'es'} ` +
        `of ${(size / 1e6).toFixed(2)} MB (20 updates × 195 events), ${(allCutOffMs / 1000).toFixed(1)} s after the first was sent; ` +
        `clients left after each: ${clientsAfter.join(', ')}`
      : `one batch of ${(size / 1e6).toFixed(2)} MB, then 10 s without events: ` +
        `${clients === 0 ? `all 200 cut off after ${(allCutOffMs / 1000).toFixed(1)} s` : `${clients} of 200 still connected (not cut off)`}`;
    console.log(`  ${what}; ${fmt(dropped)} dropped (chronicle_stream_dropped_total)`);
    if (sendQueues.every((q) => q !== undefined))
      console.log(
        `    kernel send queue of the stalled clients' sockets after each batch${untilCutOff ? '' : ' and after the quiet'} (ss, mean of 200): ${sendQueues.map((q) => ((q as number) / 200 / 2 ** 20).toFixed(1)).join(', ')} MiB`,
      );
    console.log(`    POST /api/updates took ${took.map((t) => t.toFixed(0)).join(', ')} ms`);
    console.log(
      `    aggregator memory: VmRSS baseline ${mib(baseline)} (200 clients connected), peak ${mib(peak)}, growth ${signedMib(peak - baseline)}; ` +
        `after ${mib(after.rss)}; VmHWM ${mib(after.hwm)}`,
    );
    const tcpIdle = within(observed.tcp, 0, from);
    const tcpBase = tcpIdle.length ? Math.min(...tcpIdle) : 0;
    const tcpPeak = Math.max(...within(observed.tcp, from, to), tcpBase);
    console.log(
      `    kernel TCP buffers (machine-wide, /proc/net/sockstat): ${mib(tcpBase)} before, peak ${mib(tcpPeak)} (${signedMib(tcpPeak - tcpBase)})`,
    );
    console.log(`    /healthz every 20 ms throughout: ${latencies(within(observed.health, from, to))}`);
    if (observed.errors) console.log(`    /healthz errors: ${observed.errors}`);
    if (untilCutOff && clients > 0) fail(`${clients} stalled clients were never cut off`);
  } finally {
    for (const socket of stalled) socket.destroy();
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

if (args['serve-memory']) {
  const { serve } = await import('../src/server/serve.ts');
  const running = await serve({
    dataDir: args['serve-memory'],
    port: Number(args.port),
    host: '127.0.0.1',
    speed: 1,
    search: false,
    log: () => undefined,
  });
  const sampler = setInterval(() => {
    const { rss, heapTotal, external } = process.memoryUsage();
    console.log(JSON.stringify({ t: Date.now(), rss, heapTotal, external }));
  }, 50);
  // Asked for by the bench: what is still held after a full collection.
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    console.log(JSON.stringify({ t: Date.now(), rss, heapTotal, heapUsed, external, gc: true }));
  });
  await new Promise((resolve) => process.once('SIGTERM', resolve));
  clearInterval(sampler);
  await running.stop();
  process.exit(0);
}

if (args['read-store']) {
  console.log(JSON.stringify(await readStore(args['read-store'])));
  process.exit(0);
}

console.log(
  `stream benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);

const stores: (Built & { days: number })[] = [];
for (const days of [...PREFIX_DAYS, DAYS]) stores.push({ days, ...(await buildStore(days, SEED)) });
const big = stores.at(-1) as Built & { days: number };
const small = stores[0] as Built & { days: number };
for (const s of stores) {
  console.log(
    `store: ${s.days} days (seed ${SEED}), ${fmt(s.events)} events in ${fmt(s.updates)} updates, ${mb(s.bytes)} MB of SQLite; ` +
      `built through appendSync in ${s.seconds.toFixed(1)} s = ${fmt(s.events / s.seconds)} events/s` +
      `${s.cached ? ' (when cached; reused now)' : ''}`,
  );
}
console.log(
  'store read in a fresh process, 500-event pages (SqliteEventStore.after), as the catch-up reads it:',
);
for (const s of stores) {
  const r = readStoreApart(s.dir);
  console.log(
    `  ${fmt(s.events)} events: ${fmt(r.plain)} events/s as events; ${fmt(r.framed)} events/s JSON-framed ` +
      `(${mb(r.frameBytes)} MB of frames); its RSS ${mib(r.rssBase)} → peak ${mib(r.rssPeak)} (${signedMib(r.rssPeak - r.rssBase)})`,
  );
}

console.log(
  `\n1. catch-up with ?after=0, ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} on a fresh \`chronicle serve --no-search\` (its own process) per store`,
);
const growth = new Map<Built, number[]>(stores.map((s) => [s, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const s of stores) {
    const label = `${fmt(s.events)} events (${s.days} days), round ${round}`;
    const server = await startServer(s.dir);
    try {
      const r = await catchUp(server, s.events);
      growth.get(s)?.push(r.peak - r.baseline);
      printCatchUp(label, r);
      if (s === big && round === ROUNDS) {
        const again = await catchUp(server, s.events);
        printCatchUp(`${fmt(s.events)} events, again on the same aggregator`, again);
        const slowEvents = Math.min(SLOW_EVENTS, s.events);
        const slow = await readStream(server, {
          after: 0,
          until: slowEvents,
          pauseMs: 5,
          timeoutMs: 180_000,
        });
        if (slow.error || slow.cutOff || slow.received !== slowEvents)
          fail(
            `the slow client: ${slow.error ?? (slow.cutOff ? 'cut off' : '')}; received ${fmt(slow.received)} of ${fmt(slowEvents)}`,
          );
        console.log(
          `  slow client (reads 64 KiB, pauses 5 ms, and so on), first ${fmt(slowEvents)} events: not cut off, every event once in order; ` +
            `${slow.seconds.toFixed(2)} s = ${fmt(slow.received / slow.seconds)} events/s, ${(slow.bytes / 1e6 / slow.seconds).toFixed(1)} MB/s`,
        );
      }
    } finally {
      await stopServer(server);
    }
  }
}
console.log(
  '  the same catch-up once more, the aggregator run by this file as serve() reporting process.memoryUsage():',
);
for (const s of stores) {
  const server = await startServer(s.dir, { anatomy: true });
  try {
    const r = await catchUp(server, s.events);
    growth.get(s)?.push(r.peak - r.baseline);
    printCatchUp(`${fmt(s.events)} events (${s.days} days)`, r);
  } finally {
    await stopServer(server);
  }
}
console.log(
  `  peak memory growth while catching up, every run: ${stores
    .map(
      (s) =>
        `${fmt(s.events)} events ${(growth.get(s) ?? []).map((g) => signedMib(g).replace(' MiB', '')).join(', ')} MiB`,
    )
    .join('; ')}`,
);
await catchUpUnderIngest(small.dir);

console.log(`\n2. 200 stream clients that never read, then ~3.9 MB batches until all are cut off`);
for (let round = 1; round <= ROUNDS; round++) {
  console.log(`  round ${round}:`);
  await stalledClients(true);
}
console.log('  and a single batch:');
await stalledClients(false);

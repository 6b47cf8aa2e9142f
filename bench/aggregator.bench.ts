/**
 * The aggregator's throughput, measured on this machine:
 *
 *   npm run bench:aggregator     (or: node --import tsx bench/aggregator.bench.ts)
 *
 * 1. HTTP ingest: batched updates POSTed over keep-alive by four towns at once, to a real
 *    aggregator process (goal ≥ 20,000 events/s).
 * 2. Direct ingest: the same store written in-process through the ingest code that `simulate`
 *    uses, without HTTP, in its batches and, as simulate loads a fast-forward this long into an
 *    empty store, as one bulk load (goal ≥ 100,000 events/s). The towns' core alone, as before
 *    residents joined the fast-forward; then the same with the residents' events in the history
 *    (365 days), and the whole `chronicle simulate --days 365` into a fresh store, generation and
 *    the towns' logs included, with and without residents (`--no-residents`): what they cost.
 * 3. SSE fan-out: 500 stream clients while 100 events/s are ingested; the delay from POST to each
 *    client's receipt (goal p99 < 100 ms).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import type { Update } from '../src/world/types.ts';
import { freePort } from '../test/helpers/ports.ts';
import { measureDirectIngest } from './ingest-direct.ts';

const BIN = fileURLToPath(new URL('../bin/chronicle.js', import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function startServer(): Promise<{
  url: string;
  data: string;
  child: ChildProcess;
  tokens: Record<string, string>;
}> {
  const data = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--data', data, '--port', String(port), '--seed', 'bench'],
    {
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      await sleep(100);
    }
  }
  const tokens = JSON.parse(readFileSync(join(data, 'tokens.json'), 'utf8'));
  return { url, data, child, tokens };
}

async function stopServer(server: { child: ChildProcess; data: string }): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.data, { recursive: true, force: true });
}

function post(agent: Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/updates`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function httpIngest(days: number, batch: number): Promise<void> {
  const server = await startServer();
  const updates = [...simulate({ world: WORLD, seed: 'bench', days, epochMs: 0, worldId: 'bench' })];
  const byTown = new Map<string, string[]>();
  for (const town of WORLD.ids) {
    const mine = updates.filter((u) => u.town === town);
    const bodies: string[] = [];
    for (let i = 0; i < mine.length; i += batch) bodies.push(JSON.stringify(mine.slice(i, i + batch)));
    byTown.set(town, bodies);
  }
  const events = updates.reduce((n, u) => n + u.events.length, 0);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const started = performance.now();
  await Promise.all(
    WORLD.ids.map(async (town) => {
      for (const body of byTown.get(town) ?? []) {
        const status = await post(agent, server.url, server.tokens[town] as string, body);
        if (status !== 200) throw new Error(`ingest answered ${status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  console.log(
    `HTTP ingest: ${fmt(events)} events (${updates.length} updates, ${batch} a request, 4 towns at once) in ${seconds.toFixed(2)} s = ${fmt(events / seconds)} events/s`,
  );
  await stopServer(server);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

async function fanOut(clients: number, eventsPerSecond: number, seconds: number): Promise<void> {
  const server = await startServer();
  const agent = new Agent({ keepAlive: true, maxSockets: clients + 10 });
  const delays: number[] = [];
  let received = 0;
  const sockets: ReturnType<typeof request>[] = [];
  await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<void>((resolve) => {
          const req = request(
            `${server.url}/api/stream`,
            { agent, headers: { accept: 'text/event-stream' } },
            (res) => {
              res.setEncoding('utf8');
              let buffer = '';
              res.on('data', (chunk: string) => {
                const now = Date.now();
                buffer += chunk;
                let end = buffer.indexOf('\n\n');
                while (end >= 0) {
                  const frame = buffer.slice(0, end);
                  buffer = buffer.slice(end + 2);
                  // Only the send time is read: a light client, so the figure is the server's.
                  const m = /"sent_ms":(\d+)/.exec(frame);
                  if (m) {
                    delays.push(now - Number(m[1]));
                    received++;
                  }
                  end = buffer.indexOf('\n\n');
                }
              });
              resolve();
            },
          );
          req.end();
          sockets.push(req);
        }),
    ),
  );
  await sleep(500);
  const postAgent = new Agent({ keepAlive: true, maxSockets: 2 });
  const token = server.tokens['port-logic'] as string;
  const perTick = eventsPerSecond / 10; // one update every 100 ms
  let seq = 0;
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    seq++;
    const sent = Date.now();
    const update: Update = {
      id: `fan/${seq}`,
      town: 'port-logic' as Update['town'],
      seq,
      ts: new Date(sent).toISOString(),
      day: 1,
      hour: 0,
      events: Array.from({ length: perTick }, (_, i) => ({
        kind: 'fishing',
        actor: 'Hal Marsh',
        text: `Hal Marsh caught ${i} fish off the north reef.`,
        data: { fish: i, sent_ms: sent },
      })),
    };
    await post(postAgent, server.url, token, JSON.stringify(update));
    await sleep(Math.max(0, started + seq * 100 - Date.now()));
  }
  await sleep(1000);
  for (const s of sockets) s.destroy();
  agent.destroy();
  postAgent.destroy();
  delays.sort((a, b) => a - b);
  const expected = seq * perTick * clients;
  console.log(
    `SSE fan-out: ${clients} clients, ${eventsPerSecond} events/s for ${seconds} s: ${fmt(received)} of ${fmt(expected)} deliveries; delay p50 ${percentile(delays, 0.5)} ms, p99 ${percentile(delays, 0.99)} ms, max ${delays.at(-1)} ms`,
  );
  await stopServer(server);
}

console.log(`aggregator benchmark, Node ${process.version}`);
await httpIngest(365, 100);
for (const days of [365, 3650]) {
  const r = await measureDirectIngest(days);
  console.log(
    `direct ingest (simulate's path, no HTTP${r.bulk ? ', a bulk load' : ''}), ${days} days: ${fmt(r.events)} events in ${r.seconds.toFixed(2)} s = ${fmt(r.events / r.seconds)} events/s`,
  );
}
{
  const r = await measureDirectIngest(365, { residents: true });
  console.log(
    `direct ingest (simulate's path, no HTTP${r.bulk ? ', a bulk load' : ''}), 365 days with residents: ${fmt(r.events)} events in ${r.seconds.toFixed(2)} s = ${fmt(r.events / r.seconds)} events/s`,
  );
}
for (const flags of [['--no-residents'], []]) {
  const data = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [BIN, 'simulate', '--days', '365', '--seed', 'bench', '--data', data, ...flags],
    {
      encoding: 'utf8',
    },
  );
  const wall = (performance.now() - started) / 1000;
  rmSync(data, { recursive: true, force: true });
  const stored = /(\d+) events stored in ([\d.]+) s \((\d+) events\/s\)/.exec(r.stderr);
  if (r.status !== 0 || !stored) throw new Error(`chronicle simulate failed: ${r.stderr}`);
  console.log(
    `chronicle simulate --days 365 --data DIR ${flags.join(' ') || '(residents and all)'}: ${fmt(Number(stored[1]))} events stored in ${stored[2]} s = ${fmt(Number(stored[3]))} events/s (${wall.toFixed(2)} s with start-up)`,
  );
}
await fanOut(500, 100, 20);

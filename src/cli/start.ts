/**
 * `chronicle start`, the main job: every town as its own child process, their output prefixed by
 * town, all stopped together on Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { styleText } from 'node:util';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ClockResponse } from '../events/contracts.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { loadOrCreateWorld } from '../files/world-file.ts';
import { readTokenHelp } from '../town/read-token.ts';
import type { TownId } from '../world/types.ts';
import type { World } from '../world/world.ts';
import { dataOption, readTokenOption, seedOption, speedOption, townsDirOption } from './options.ts';
import { newStoreOption, noSearchOption, portOption } from './serve.ts';

interface StartFlags {
  data: string;
  search: boolean;
  newStore?: boolean;
  port: number;
  speed: number;
  seed?: string;
  /** Which towns to run; all of the world's by default. */
  towns?: string[];
  readToken?: string;
  townsDir?: string;
}

const BIN = fileURLToPath(new URL('../../bin/chronicle.js', import.meta.url));
const COLOURS = ['cyan', 'green', 'yellow', 'magenta', 'blue', 'red'] as const;

function parseTowns(value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('name at least one town.');
  return ids;
}

/** The towns asked for, each one of the world's (built-in or from --towns-dir). */
function townsToRun(world: World, asked: readonly string[] | undefined): TownId[] {
  const unknown = (asked ?? []).filter((id) => !world.has(id));
  if (unknown.length > 0)
    throw new InvalidArgumentError(
      `unknown town(s) ${unknown.join(', ')}; the towns are ${world.ids.join(', ')}.`,
    );
  return asked ? (asked as TownId[]) : world.ids;
}

function prefixLines(child: ChildProcess, label: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
}

/** Wait until our aggregator answers: the one serving this world, not another on the same port. */
async function waitForAggregator(
  url: string,
  worldId: string,
  readToken: string | undefined,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  const headers: Record<string, string> = readToken ? { authorization: `Bearer ${readToken}` } : {};
  let refused = false;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the aggregator exited (code ${child.exitCode}); see its lines above`);
    try {
      const response = await fetch(new URL('/api/clock', url), {
        headers,
        signal: AbortSignal.timeout(1000),
      });
      refused = response.status === 401;
      if (!response.ok) await response.body?.cancel();
      else if (((await response.json()) as ClockResponse).id === worldId) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(
    `the aggregator did not answer at ${url} within ${timeoutMs / 1000} s${refused ? `: ${readTokenHelp(url, Boolean(readToken))}` : ''}`,
  );
}

export async function runStart(flags: StartFlags): Promise<void> {
  const towns = townsToRun(await loadWorld(flags.townsDir), flags.towns);
  const world = loadOrCreateWorld(flags.data, flags.seed);
  const names = ['aggregator', ...towns];
  const width = Math.max(...names.map((t) => t.length));
  const label = (name: string, i: number) =>
    styleText(COLOURS[i % COLOURS.length] ?? 'cyan', `[${name.padEnd(width)}]`);
  const url = `http://127.0.0.1:${flags.port}`;
  const readToken = flags.readToken || undefined;
  console.log(
    `Chronicle: world ${world.id} (seed ${world.seed}), ${towns.length} towns at speed ${flags.speed}, viewer and API on ${url}${readToken ? ' (reads need the read token)' : ''}. Ctrl-C stops.`,
  );
  // The read token reaches the aggregator and the towns in their environment, not their command
  // lines, where anyone's `ps` would show it.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CHRONICLE_READ_TOKEN;
  if (readToken) env.CHRONICLE_READ_TOKEN = readToken;
  // Every process loads the same added towns.
  delete env.CHRONICLE_TOWNS_DIR;
  if (flags.townsDir) env.CHRONICLE_TOWNS_DIR = resolve(flags.townsDir);

  const children: { name: string; child: ChildProcess; exited: Promise<number> }[] = [];
  const launch = (name: string, args: string[]) => {
    const child = spawn(
      process.execPath,
      [BIN, ...args, '--data', flags.data, '--speed', String(flags.speed)],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    prefixLines(child, label(name, children.length));
    children.push({ name, child, exited: once(child) });
  };

  let stopping = false;
  const terminate = (child: ChildProcess) => {
    stopSent.add(child);
    child.kill('SIGTERM');
  };
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the towns and the aggregator…');
    // Towns first, so their last updates reach the aggregator or wait safely in their outboxes.
    const towns = children.filter((c) => c.name !== 'aggregator');
    for (const { child } of towns) terminate(child);
    void Promise.all(towns.map((c) => c.exited)).then(() => {
      for (const { child } of children) terminate(child);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  launch('aggregator', [
    'serve',
    '--port',
    String(flags.port),
    '--host',
    '127.0.0.1',
    ...(flags.search ? [] : ['--no-search']),
    ...(flags.newStore ? ['--new-store'] : []),
  ]);
  const [aggregator] = children as [(typeof children)[number]];
  try {
    await waitForAggregator(url, world.id, readToken, aggregator.child, 30_000);
  } catch (error) {
    const asked = stopping;
    stop();
    await aggregator.exited;
    // Ctrl-C while the aggregator was still coming up: a clean stop, not a failure.
    if (asked) return;
    throw error;
  }
  if (!stopping) for (const town of towns) launch(town, ['town', town, '--server', url]);

  // If one process dies on its own, the world is no longer whole: stop the others too.
  const results = await Promise.all(
    children.map(async ({ name, exited }) => {
      const code = await exited;
      if (!stopping) {
        console.error(`${name} exited unexpectedly (code ${code}); stopping the rest.`);
        stop();
      }
      return code;
    }),
  );
  process.exitCode = results.every((code) => code === 0) ? 0 : 1;
}

/**
 * A child's exit code. One that ends by the SIGTERM it was sent to stop it has stopped cleanly: a
 * town still starting up when Ctrl-C comes has not yet taken over its signals, and dies of it.
 */
function once(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.once('exit', (code, signal) =>
      resolve(code ?? (signal === 'SIGTERM' && stopSent.has(child) ? 0 : 1)),
    ),
  );
}

/** The children sent SIGTERM by `stop`. */
const stopSent = new WeakSet<ChildProcess>();

export function startCommand(): Command {
  return new Command('start')
    .description('run the whole world: the aggregator and every town, each its own process (the main job)')
    .addOption(dataOption())
    .addOption(portOption())
    .addOption(speedOption())
    .addOption(seedOption())
    .addOption(noSearchOption())
    .addOption(newStoreOption())
    .addOption(
      readTokenOption(
        'require this token for every read, as `serve --read-token` does; the aggregator and the towns get it in their environment',
      ),
    )
    .addOption(
      new Option('--towns <ids>', 'comma-separated towns to run (default: all)').argParser(parseTowns),
    )
    .addOption(townsDirOption())
    .action((flags: StartFlags) => runStart(flags));
}

/**
 * `chronicle start`, the main job: every town as its own child process, their output prefixed by
 * town, all stopped together on Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { styleText } from 'node:util';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadOrCreateWorld } from '../town/world-file.ts';
import { WORLD } from '../world/map.ts';
import type { TownId } from '../world/types.ts';
import { dataOption, seedOption, speedOption } from './options.ts';

interface StartFlags {
  data: string;
  speed: number;
  seed?: string;
  towns: TownId[];
}

const BIN = fileURLToPath(new URL('../../bin/chronicle.js', import.meta.url));
const COLOURS = ['cyan', 'green', 'yellow', 'magenta', 'blue', 'red'] as const;

function parseTowns(value: string): TownId[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !WORLD.has(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown town(s) ${unknown.join(', ')}; the towns are ${WORLD.ids.join(', ')}.`,
    );
  }
  return ids as TownId[];
}

function prefixLines(child: ChildProcess, label: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
}

export async function runStart(flags: StartFlags): Promise<void> {
  const world = loadOrCreateWorld(flags.data, flags.seed);
  const width = Math.max(...flags.towns.map((t) => t.length));
  console.log(
    `Chronicle: world ${world.id} (seed ${world.seed}), ${flags.towns.length} towns at speed ${flags.speed}. Ctrl-C stops.`,
  );
  const children = flags.towns.map((town, i) => {
    const child = spawn(
      process.execPath,
      [BIN, 'town', town, '--data', flags.data, '--speed', String(flags.speed)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prefixLines(child, styleText(COLOURS[i % COLOURS.length] ?? 'cyan', `[${town.padEnd(width)}]`));
    return { town, child, exited: once(child) };
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the towns…');
    for (const { child } of children) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // If one town dies on its own, the world is no longer whole: stop the others too.
  const results = await Promise.all(
    children.map(async ({ town, exited }) => {
      const code = await exited;
      if (!stopping) {
        console.error(`${town} exited unexpectedly (code ${code}); stopping the rest.`);
        stop();
      }
      return code;
    }),
  );
  process.exitCode = results.every((code) => code === 0) ? 0 : 1;
}

function once(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

export function startCommand(): Command {
  return new Command('start')
    .description('run the whole world: every town as its own process (the main job)')
    .addOption(dataOption())
    .addOption(speedOption())
    .addOption(seedOption())
    .addOption(
      new Option('--towns <ids>', 'comma-separated towns to run')
        .argParser(parseTowns)
        .default(WORLD.ids, 'all'),
    )
    .action((flags: StartFlags) => runStart(flags));
}

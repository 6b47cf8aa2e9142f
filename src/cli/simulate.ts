/**
 * `chronicle simulate`: the world run as fast as it can, the residents living in the towns as in the
 * real-time towns and `world run` (unless `--no-residents`), into the store or written as JSON lines.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadWorld } from '../files/towns-dir.ts';
import { simulateWithResidents } from '../residents/run.ts';
import { simulateIntoStore } from '../simulation/into-store.ts';
import { residentsConfigOf } from '../world/residents/catalog.ts';
import { Residents } from '../world/residents/engine.ts';
import { DEFAULT_SETTINGS } from '../world/residents/types.ts';
import { simulate } from '../world/simulate.ts';
import type { World } from '../world/world.ts';
import { dataOption, parseCount, parseSeed, townsDirOption } from './options.ts';
import { dayProgress } from './progress.ts';

interface SimulateFlags {
  days: number;
  seed?: string;
  out?: string;
  start: number;
  data: string;
  townsDir?: string;
  /** Whether the residents live these days too (the default; `--no-residents` leaves them out). */
  residents: boolean;
}

const DEFAULT_SEED = '1';

/** The default first instant of a simulated world, so the same seed gives the same timestamps. */
export const DEFAULT_EPOCH = '2026-01-01T00:00:00.000Z';
const FLUSH_BYTES = 1 << 20;

function parseInstant(value: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(ms)) {
    throw new InvalidArgumentError(`"${value}" is not an ISO 8601 instant such as ${DEFAULT_EPOCH}.`);
  }
  return ms;
}

/** Keep writing while the disk catches up; wait only when this much is still queued. */
const MAX_QUEUED_BYTES = 16 << 20;

async function write(stream: Writable, chunk: string): Promise<void> {
  stream.write(chunk);
  if (stream.writableLength > MAX_QUEUED_BYTES) await once(stream, 'drain');
}

export async function runSimulate(flags: SimulateFlags): Promise<void> {
  const world = await loadWorld(flags.townsDir);
  if (flags.out === undefined) {
    const options = { world, dataDir: flags.data, days: flags.days, seed: flags.seed, progress: dayProgress };
    const r = flags.residents
      ? await simulateWithResidents(options, (text) => console.error(text))
      : await simulateIntoStore(options);
    console.error(
      `Simulated ${flags.days} days into ${flags.data}: ${r.updates} updates, ${r.events} events stored in ${r.seconds.toFixed(2)} s (${Math.round(r.events / r.seconds)} events/s)`,
    );
    return;
  }
  await simulateToFile(world, { ...flags, out: flags.out, seed: flags.seed ?? DEFAULT_SEED });
}

async function simulateToFile(
  world: World,
  flags: SimulateFlags & { out: string; seed: string },
): Promise<void> {
  const toStdout = flags.out === '-';
  const stream: Writable = toStdout ? process.stdout : createWriteStream(flags.out);
  const progress = dayProgress(0, flags.days);

  const started = performance.now();
  let updates = 0;
  let events = 0;
  let buffer = '';
  // The canonical residents, as `world init` would store them, from day 1: as a dry `world run`.
  const residents = flags.residents
    ? new Residents({
        world,
        config: residentsConfigOf(world),
        settings: { ...DEFAULT_SETTINGS, seed: flags.seed },
      })
    : undefined;
  const run = simulate({ world, seed: flags.seed, days: flags.days, epochMs: flags.start, residents });
  for (const update of run) {
    // Nobody reads the residents' closed days here (a world run reports them): none are kept.
    residents?.takeDays();
    updates++;
    events += update.events.length;
    buffer += `${JSON.stringify(update)}\n`;
    if (buffer.length >= FLUSH_BYTES) {
      await write(stream, buffer);
      buffer = '';
      progress.update(update.day - 1, events);
    }
  }
  await write(stream, buffer);
  progress.update(flags.days, events);
  progress.stop();
  if (!toStdout) {
    stream.end();
    await once(stream, 'finish');
  }
  const seconds = (performance.now() - started) / 1000;
  const target = toStdout ? 'standard output' : flags.out;
  console.error(
    `Simulated ${flags.days} days of seed ${flags.seed}: ${updates} updates, ${events} events in ${seconds.toFixed(2)} s (${Math.round(events / seconds)} events/s) → ${target}`,
  );
}

export function simulateCommand(): Command {
  return new Command('simulate')
    .description(
      'run the world as fast as it can, its residents too: fast-forward the stored world, or write a fresh one as JSON lines',
    )
    .addOption(
      new Option('--days <n>', 'days to simulate').argParser(parseCount('--days', 1, 100_000)).default(30),
    )
    .addOption(
      new Option(
        '--seed <seed>',
        `the world's seed (with --out: default ${DEFAULT_SEED}; else the data directory's)`,
      ).argParser(parseSeed),
    )
    .addOption(
      new Option(
        '--out <file>',
        'write a fresh world from day 1 to this JSON-lines file (- for standard output) instead of the store',
      ),
    )
    .addOption(dataOption())
    .addOption(
      new Option('--start <instant>', 'wall time of the first instant of day 1, for the timestamps')
        .argParser(parseInstant)
        .default(Date.parse(DEFAULT_EPOCH), DEFAULT_EPOCH),
    )
    .option(
      '--no-residents',
      "leave the residents out (no moves, travel, chats, meetings, reflections or tasks): the towns' core alone",
    )
    .addOption(townsDirOption())
    .action((flags: SimulateFlags) => runSimulate(flags));
}

/** `chronicle town <id>` and the four town scripts: run one town in real time. */

import { Command, InvalidArgumentError, Option } from 'commander';
import { tokensPath } from '../files/data-dir.ts';
import { readJsonIfExists } from '../files/durable.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { runTown } from '../town/runner.ts';
import { WORLD } from '../world/map.ts';
import type { TownId } from '../world/types.ts';
import type { World } from '../world/world.ts';
import {
  dataOption,
  parseCount,
  parseUrl,
  readTokenOption,
  seedOption,
  speedOption,
  townsDirOption,
} from './options.ts';

interface TownFlags {
  data: string;
  server?: string;
  token?: string;
  readToken?: string;
  speed: number;
  seed?: string;
  updates?: number;
  residents: boolean;
  townsDir?: string;
}

/** A town of the world, built-in or from --towns-dir; the world is known only once the flags are read. */
function checkTown(world: World, value: string): TownId {
  if (!world.has(value))
    throw new InvalidArgumentError(`unknown town "${value}"; the towns are ${world.ids.join(', ')}.`);
  return value;
}

/** The token for a town: given on the command line, or its entry in DATA/tokens.json. */
function tokenFor(town: string, flags: TownFlags): string {
  if (flags.token) return flags.token;
  const path = tokensPath(flags.data);
  const tokens = readJsonIfExists(path) as Record<string, unknown> | undefined;
  const token = tokens?.[town];
  if (typeof token !== 'string') {
    throw new Error(
      `no token for ${town}: pass --token, or start the aggregator on this data directory so ${path} holds one`,
    );
  }
  return token;
}

export async function startTown(id: string, flags: TownFlags): Promise<void> {
  const world = await loadWorld(flags.townsDir);
  const town = checkTown(world, id);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const result = await runTown({
    world,
    town,
    dataDir: flags.data,
    speed: flags.speed,
    seed: flags.seed,
    server: flags.server,
    token: flags.server ? tokenFor(town, flags) : undefined,
    readToken: flags.readToken || undefined,
    print: (text) => console.log(text),
    signal: controller.signal,
    maxUpdates: flags.updates,
    residents: flags.residents,
  });
  console.log(`${world.rules(town).name} stopped after update ${result.seq}.`);
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
}

function addTownOptions(command: Command): Command {
  return command
    .addOption(dataOption())
    .addOption(speedOption())
    .addOption(seedOption())
    .addOption(new Option('--server <url>', 'aggregator to send updates to').argParser(parseUrl))
    .addOption(
      new Option('--token <token>', "this town's write token (default: its entry in DATA/tokens.json)"),
    )
    .addOption(
      readTokenOption("the aggregator's read token, if it was started with one: for its clock and stream"),
    )
    .addOption(
      new Option('--updates <n>', 'stop after this many updates').argParser(parseCount('--updates', 1, 1e9)),
    )
    .option('--no-residents', "run the town's jobs without its residents (named workers take turns)")
    .addOption(townsDirOption());
}

/** `chronicle town <id>`. */
export function townCommand(): Command {
  return addTownOptions(
    new Command('town')
      .description('run one town in real time: an update about every 30 s, printed and logged')
      .argument('<id>', `the town: ${WORLD.ids.join(', ')}, or one of --towns-dir`),
  ).action((town: string, flags: TownFlags) => startTown(town, flags));
}

/** A town script of towns/: the same command with its town fixed. */
export function townScript(town: TownId): Command {
  const rules = WORLD.rules(town);
  return addTownOptions(
    new Command(town).description(`run ${rules.name}, ${rules.description}, in real time`),
  ).action((flags: TownFlags) => startTown(town, flags));
}

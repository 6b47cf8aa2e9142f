/** `chronicle world init` and `chronicle world run`: the residents' catalogue, and days of their lives. */
import { mkdirSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ChatModel, chatModelConfigFromEnv } from '../agent/chat-model.ts';
import { residentStorePath } from '../files/data-dir.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { checkConfig, loadConfigFile, loadScenario } from '../residents/files.ts';
import { dryRun, type ReportFormat, storedRun, type WorldRun } from '../residents/run.ts';
import { ModelVoices } from '../residents/voices.ts';
import { openResidentStore } from '../store/open.ts';
import { residentsConfigOf, selectResidents } from '../world/residents/catalog.ts';
import { DEFAULT_SETTINGS, type ResidentsConfig } from '../world/residents/types.ts';
import type { World } from '../world/world.ts';
import { dataOption, parseCount, seedOption, townsDirOption } from './options.ts';
import { dayProgress } from './progress.ts';

interface InitFlags {
  data: string;
  townsDir?: string;
  config?: string;
}

interface RunFlags {
  data: string;
  townsDir?: string;
  days: number;
  agents?: number;
  tickMinutes: number;
  startHour: number;
  endHour: number;
  scriptedEvents?: string;
  maxConcurrentChats: number;
  maxActionsPerDay: number;
  chatCooldown: number;
  reportFormat: ReportFormat;
  dryRun?: boolean;
  summaryOnly?: boolean;
  seed?: string;
  config?: string;
  offline?: boolean;
}

async function worldInit(flags: InitFlags): Promise<void> {
  const world = await loadWorld(flags.townsDir);
  const config = flags.config ? loadConfigFile(flags.config, world) : residentsConfigOf(world);
  mkdirSync(flags.data, { recursive: true });
  const unlock = lockDataDir(flags.data, 'chronicle world init');
  const store = await openResidentStore(residentStorePath(flags.data));
  try {
    await store.saveConfig(config);
  } finally {
    await store.close();
    unlock();
  }
  const towns = new Set(config.residents.map((r) => r.town)).size;
  console.log(
    `World initialised in ${flags.data}: ${config.residents.length} residents in ${towns} towns, ${config.locations.length} locations, ${config.activities.length} activities, ${config.routes.length} routes${flags.config ? ` (from ${flags.config})` : ''}.`,
  );
}

function hourOption(flag: string, description: string, fallback: number): Option {
  return new Option(`${flag} <hour>`, description).argParser(parseCount(flag, 0, 24)).default(fallback);
}

/** The run the flags ask for, over a catalogue. */
function runOf(flags: RunFlags, world: World, base: ResidentsConfig): WorldRun & { scenario?: string } {
  const config = flags.agents ? selectResidents(base, flags.agents) : base;
  const scenario = flags.scriptedEvents ? loadScenario(flags.scriptedEvents, config) : undefined;
  return {
    world,
    days: flags.days,
    config,
    settings: {
      ...DEFAULT_SETTINGS,
      tickMinutes: flags.tickMinutes,
      startHour: flags.startHour,
      endHour: flags.endHour,
      maxConcurrentChats: flags.maxConcurrentChats,
      maxActionsPerDay: flags.maxActionsPerDay,
      chatCooldownMinutes: flags.chatCooldown,
    },
    scripted: scenario?.events ?? [],
    scenario: scenario?.name,
    summaryOnly: flags.summaryOnly ?? false,
    reportFormat: flags.reportFormat,
    print: (text) => console.log(text),
    progress: dayProgress,
  };
}

async function worldRun(flags: RunFlags): Promise<void> {
  if (flags.startHour >= flags.endHour)
    throw new InvalidArgumentError('--start-hour must come before --end-hour.');
  if ((flags.endHour - flags.startHour) * 60 < flags.tickMinutes)
    throw new InvalidArgumentError(
      '--tick-minutes must fit at least once between --start-hour and --end-hour.',
    );
  const world = await loadWorld(flags.townsDir);
  if (flags.dryRun) {
    const run = runOf(
      flags,
      world,
      flags.config ? loadConfigFile(flags.config, world) : residentsConfigOf(world),
    );
    const result = dryRun(run, flags.seed ?? '1');
    console.error(
      `Dry run: ${result.residentDays} resident-days in ${result.seconds.toFixed(2)} s (${Math.round(result.residentDays / result.seconds)} resident-days/s); nothing was written.`,
    );
    return;
  }
  const fromFile = flags.config ? loadConfigFile(flags.config, world) : undefined;
  mkdirSync(flags.data, { recursive: true });
  // A stored run holds the data directory from its first write to its last.
  const unlock = lockDataDir(flags.data, 'chronicle world run');
  const store = await openResidentStore(residentStorePath(flags.data));
  try {
    let base = fromFile ?? (await store.config());
    if (!base) {
      base = residentsConfigOf(world);
      await store.saveConfig(base);
      console.error(
        `No residents in ${flags.data} yet: initialised the canonical world (see chronicle world init).`,
      );
    }
    checkConfig(base, fromFile ? String(flags.config) : residentStorePath(flags.data), world);
    const run = runOf(flags, world, base);
    // The configured model writes the words; who talked and how it went stay decided offline.
    const model = flags.offline ? undefined : chatModelConfigFromEnv();
    if (model) {
      run.voices = new ModelVoices(new ChatModel(model), run.config.residents, flags.maxConcurrentChats);
      console.error(
        `Conversations are written by ${model.model} at ${model.url}, ${flags.maxConcurrentChats} at once.`,
      );
    }
    const result = await storedRun(run, flags.data, store, flags.seed);
    console.error(
      `${run.config.residents.length} residents lived ${result.reports.length} ${result.reports.length === 1 ? 'day' : 'days'} in ${result.seconds.toFixed(2)} s${run.scenario ? ` (scenario: ${run.scenario})` : ''}.`,
    );
  } finally {
    await store.close();
    unlock();
  }
}

export function worldCommand(): Command {
  const world = new Command('world').description(
    "the residents: their world's catalogue, and days of their lives",
  );
  world
    .command('init')
    .description(
      'store the canonical places, activities, routes and residents (or a YAML file’s) in the data directory',
    )
    .addOption(dataOption())
    .option('--config <file>', 'a YAML or JSON file whose lists replace the canonical ones')
    .addOption(townsDirOption())
    .action((flags: InitFlags) => worldInit(flags));
  world
    .command('run')
    .description('the residents live some days in the towns, fast-forwarded; a report for every day')
    .addOption(dataOption())
    .addOption(new Option('--days <n>', 'days to run').argParser(parseCount('--days', 1, 3650)).default(1))
    .addOption(
      new Option('--agents <n>', 'how many residents live (default: all)').argParser(
        parseCount('--agents', 1, 5000),
      ),
    )
    .addOption(
      new Option('--tick-minutes <n>', 'minutes between ticks')
        .argParser(parseCount('--tick-minutes', 5, 720))
        .default(60),
    )
    .addOption(hourOption('--start-hour', 'the first tick of a day', DEFAULT_SETTINGS.startHour))
    .addOption(hourOption('--end-hour', 'the day ends (everyone goes home)', DEFAULT_SETTINGS.endHour))
    .option('--scripted-events <file>', 'a scenario (YAML or JSON) of scripted events; see scenarios/')
    .addOption(
      new Option(
        '--max-concurrent-chats <n>',
        'conversations at once, world-wide, per tick (and model calls at once)',
      )
        .argParser(parseCount('--max-concurrent-chats', 1, 1000))
        .default(DEFAULT_SETTINGS.maxConcurrentChats),
    )
    .addOption(
      new Option('--max-actions-per-day <n>', 'no resident does more in a day')
        .argParser(parseCount('--max-actions-per-day', 1, 1000))
        .default(DEFAULT_SETTINGS.maxActionsPerDay),
    )
    .addOption(
      new Option('--chat-cooldown <minutes>', 'minutes between two conversations of one resident')
        .argParser(parseCount('--chat-cooldown', 0, 1440))
        .default(DEFAULT_SETTINGS.chatCooldownMinutes),
    )
    .addOption(
      new Option('--report-format <format>', 'reports as')
        .choices(['markdown', 'json', 'both'])
        .default('both'),
    )
    .option('--dry-run', 'a fresh world from day 1 in memory: print the actions and reports, write nothing')
    .option('--summary-only', 'reports without transcripts (metrics kept); a dry run prints only the reports')
    .option('--config <file>', 'a YAML or JSON catalogue for this run instead of the stored one')
    .option('--offline', 'write conversations offline even when CHRONICLE_LLM_URL configures a model')
    .addOption(seedOption())
    .addOption(townsDirOption())
    .action((flags: RunFlags) => worldRun(flags));
  return world;
}

/**
 * `chronicle world run`: the residents live some days in the towns, fast-forwarded. Their work is
 * the towns' job log, their actions join the towns' updates, and every day closes with a report.
 *
 * - Stored (the default): the world carries on from where its store stands; updates go to the event
 *   store, the day's records and report to the residents' store, the report to DATA/reports/.
 * - `--dry-run`: a fresh world from day 1, nothing written, no model called; the actions and the
 *   reports are printed. The same seed and flags print the same text.
 */
import { mkdirSync } from 'node:fs';
import type { StoredEvent } from '../events/contracts.ts';
import { reportStem, reportsDir, residentStorePath } from '../files/data-dir.ts';
import { writeAtomic } from '../files/durable.ts';
import { savedWorldTime } from '../server/world-clock.ts';
import {
  type SimulationProgress,
  type StoreSimulation,
  simulateIntoStore,
} from '../simulation/into-store.ts';
import { openResidentStore } from '../store/open.ts';
import type { ResidentStore } from '../store/residents.ts';
import { formatHour, worldTimeOf } from '../world/clock.ts';
import { residentsConfigOf } from '../world/residents/catalog.ts';
import { type DayLog, Residents, type Snapshot } from '../world/residents/engine.ts';
import {
  DEFAULT_SETTINGS,
  type ResidentsConfig,
  type RunSettings,
  type ScriptedEvent,
} from '../world/residents/types.ts';
import { simulate } from '../world/simulate.ts';
import type { World } from '../world/world.ts';
import { checkConfig } from './files.ts';
import { buildReport, type DayReport, renderMarkdown } from './report.ts';
import type { ModelVoices } from './voices.ts';

export type ReportFormat = 'markdown' | 'json' | 'both';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface WorldRun {
  /** The towns the residents live in. */
  world: World;
  days: number;
  config: ResidentsConfig;
  settings: Omit<RunSettings, 'seed'>;
  scripted: readonly ScriptedEvent[];
  summaryOnly: boolean;
  reportFormat: ReportFormat;
  print: (text: string) => void;
  /** Writes conversations in a language model's words (stored runs only). */
  voices?: ModelVoices;
  /** Shows how far a stored run has come. */
  progress?: (fromDay: number, toDay: number) => SimulationProgress;
}

export interface RunResult {
  reports: DayReport[];
  residentDays: number;
  seconds: number;
}

/** The residents, carrying on from a stored run's snapshot when there is one. */
function engineFor(
  run: Pick<WorldRun, 'world' | 'config' | 'settings' | 'scripted' | 'summaryOnly'>,
  seed: string,
  fromDay: number,
  snapshot?: Snapshot,
): Residents {
  const options = {
    config: run.config,
    world: run.world,
    settings: { ...run.settings, seed },
    scripted: run.scripted,
    summaryOnly: run.summaryOnly,
    fromDay,
  };
  return snapshot ? Residents.restore(options, snapshot) : new Residents(options);
}

/** The first whole day the residents can live from world time `t`. */
function firstDay(t: number, startHour: number): number {
  const { day, hour } = worldTimeOf(t);
  return hour <= startHour ? day : day + 1;
}

function printDay(run: WorldRun, log: DayLog, report: DayReport): void {
  for (const a of log.actions) {
    run.print(
      `[day ${a.day} ${formatHour(a.hour)}] ${run.world.has(a.town) ? run.world.rules(a.town).name : a.town} · ${a.kind} · ${a.text}`,
    );
  }
  printReport(run, report);
}

function printReport(run: WorldRun, report: DayReport): void {
  if (run.reportFormat !== 'json') run.print(renderMarkdown(report));
  if (run.reportFormat !== 'markdown') run.print(JSON.stringify(report, null, 2));
}

/** A dry run: a fresh world from day 1, in memory, printed. */
export function dryRun(run: WorldRun, seed: string): RunResult {
  const started = performance.now();
  const residents = engineFor(run, seed, 1);
  const byDay = new Map<number, StoredEvent[]>();
  let id = 0;
  const reports: DayReport[] = [];
  const closed: DayLog[] = [];
  const report = (log: DayLog) => {
    const r = buildReport(log, byDay.get(log.day) ?? [], {
      world: run.world,
      transcripts: !run.summaryOnly,
      residents: run.config.residents.length,
    });
    byDay.delete(log.day);
    reports.push(r);
    if (run.summaryOnly) printReport(run, r);
    else printDay(run, log, r);
  };
  for (const update of simulate({ world: run.world, seed, days: run.days, epochMs: 0, residents })) {
    const events = byDay.get(update.day) ?? [];
    byDay.set(update.day, events);
    for (const e of update.events) {
      events.push({
        id: ++id,
        update_id: update.id,
        town: update.town,
        town_seq: update.seq,
        day: update.day,
        hour: update.hour,
        ts: update.ts,
        kind: e.kind,
        actor: e.actor ?? null,
        text: e.text,
        data: e.data,
      });
    }
    closed.push(...residents.takeDays());
    // A day's report waits until its last update is in.
    while (closed[0] && closed[0].day < update.day) report(closed.shift() as DayLog);
  }
  closed.push(...residents.takeDays());
  for (const log of closed) report(log);
  return {
    reports,
    residentDays: reports.length * run.config.residents.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A stored run: the world carries on from its store; reports go to the store and DATA/reports/. */
export async function storedRun(
  run: WorldRun,
  dataDir: string,
  store: ResidentStore,
  seed?: string,
): Promise<RunResult> {
  const reports: DayReport[] = [];
  mkdirSync(reportsDir(dataDir), { recursive: true });
  const closed: DayLog[] = [];
  const save = async (events: StoredEvent[], log: DayLog, residents: Residents) => {
    if (run.voices && !run.summaryOnly && log.conversations.length > 0) {
      const voiced = await run.voices.rewrite(log.conversations);
      if (voiced.failed.length > 0)
        run.print(
          `Day ${log.day}: ${voiced.failed.length} of ${log.conversations.length} conversations keep their offline words (${voiced.failed[0]})`,
        );
    }
    const report = buildReport(log, events, {
      world: run.world,
      transcripts: !run.summaryOnly,
      residents: run.config.residents.length,
    });
    const markdown = renderMarkdown(report);
    await store.saveDay(log, { day: log.day, json: report, markdown }, residents.allRelationships());
    const name = reportStem(dataDir, log.day);
    if (run.reportFormat !== 'json') writeAtomic(`${name}.md`, markdown);
    if (run.reportFormat !== 'markdown') writeAtomic(`${name}.json`, `${JSON.stringify(report, null, 2)}\n`);
    reports.push(report);
    run.print(
      `Day ${log.day}: ${count(report.actions, 'action')}, ${count(report.conversations.chats, 'chat')}, ${count(report.conversations.meetings, 'meeting')}, ${count(report.memories.total, 'memory', 'memories')} → ${name}.${run.reportFormat === 'both' ? '{md,json}' : run.reportFormat === 'json' ? 'json' : 'md'}`,
    );
  };
  // The residents live whole days: the world runs to the end of the last of them, from wherever it stands.
  const from = savedWorldTime(dataDir);
  const first = firstDay(from, run.settings.startHour);
  const snapshot = await store.snapshot();
  let engine: Residents | undefined;
  const result = await simulateIntoStore({
    world: run.world,
    dataDir,
    days: first - 1 + run.days - from,
    seed,
    progress: run.progress,
    residents: (world) => {
      engine = engineFor(run, world.seed, first, snapshot);
      return engine;
    },
    afterBatch: async (events, t, residents) => {
      if (!residents) return;
      closed.push(...residents.takeDays());
      const today = worldTimeOf(t).day;
      while (closed[0] && closed[0].day < today) {
        const log = closed.shift() as DayLog;
        await save(await events.day(log.day), log, residents);
      }
    },
  });
  if (engine) {
    for (const log of [...closed, ...engine.takeDays()]) await save([], log, engine);
    await store.saveSnapshot(engine.snapshot());
  }
  return { reports, residentDays: reports.length * run.config.residents.length, seconds: result.seconds };
}

/**
 * `chronicle simulate` into the store, the residents living these days as a stored world run with
 * the default flags would: the data directory's catalogue (the canonical one, stored, if it has
 * none), from the first whole day, carrying on from the last run's state, which they leave for the
 * next run. The days' records and reports are `world run`'s, not kept here.
 */
export async function simulateWithResidents(
  options: Omit<StoreSimulation, 'residents' | 'afterBatch' | 'afterRun'>,
  print: (text: string) => void,
): Promise<{ updates: number; events: number; seconds: number }> {
  let store: ResidentStore | undefined;
  try {
    return await simulateIntoStore({
      ...options,
      // Opened once simulateIntoStore holds the data directory, as world run holds it.
      residents: async ({ seed, from }) => {
        const path = residentStorePath(options.dataDir);
        store = await openResidentStore(path);
        let config = await store.config();
        if (!config) {
          config = residentsConfigOf(options.world);
          await store.saveConfig(config);
          print(
            `No residents in ${options.dataDir} yet: initialised the canonical world (see chronicle world init).`,
          );
        }
        checkConfig(config, path, options.world);
        const run = {
          world: options.world,
          config,
          settings: DEFAULT_SETTINGS,
          scripted: [],
          summaryOnly: false,
        };
        return engineFor(run, seed, firstDay(from, DEFAULT_SETTINGS.startHour), await store.snapshot());
      },
      // A world stopped mid-day cannot be saved half through a day: the state stored before stands.
      afterRun: async (residents) => {
        if (residents?.betweenDays) await store?.saveSnapshot(residents.snapshot());
      },
    });
  } finally {
    await store?.close();
  }
}

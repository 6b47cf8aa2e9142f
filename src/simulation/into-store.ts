/**
 * The world fast-forwarded into its store (`chronicle simulate`, `chronicle world run`): from where
 * it stands, each town carrying on from its saved state, every update stored through the
 * aggregator's ingest code (no HTTP), and the world's clock moved on by the days simulated.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { townPaths } from '../files/data-dir.ts';
import { writeAtomic } from '../files/durable.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadOrCreateWorld } from '../files/world-file.ts';
import { LiveBus } from '../server/bus.ts';
import { Ingest } from '../server/ingest.ts';
import { openDataDirEventStore } from '../server/store-file.ts';
import { savedWorldTime, saveWorldTime } from '../server/world-clock.ts';
import type { EventStore } from '../store/store.ts';
import { loadSaved, type Saved } from '../town/runner.ts';
import { SECONDS_PER_DAY, worldTimeOf } from '../world/clock.ts';
import type { Residents } from '../world/residents/engine.ts';
import { simulate } from '../world/simulate.ts';
import type { TownState } from '../world/town.ts';
import type { Update } from '../world/types.ts';
import type { World } from '../world/world.ts';

/** Updates stored in one transaction. */
export const BATCH_UPDATES = 2000;

/** A fast-forward shorter than this is stored batch by batch with every index kept as it goes. */
export const BULK_MIN_DAYS = 100;

/**
 * Whether a fast-forward is loaded in bulk (EventStore.bulkLoad: SQLite drops its secondary indexes
 * and makes them again at the end). Making an index costs what the whole history costs, so it pays
 * only for a load at least as long as the history already stored; and not when the store is read
 * between batches (the residents' day reports read each day back).
 */
export function loadsInBulk(days: number, storedDays: number, readsBetweenBatches: boolean): boolean {
  return !readsBetweenBatches && days >= BULK_MIN_DAYS && days >= storedDays;
}

/** How far a simulation has come: the day reached, and the events stored so far. */
export interface SimulationProgress {
  update(day: number, events: number): void;
  stop(): void;
}

export interface StoreSimulation {
  /** The towns to simulate: the built-in ones and any a world builder added. */
  world: World;
  dataDir: string;
  days: number;
  seed?: string;
  /**
   * Residents to live these days in the towns, made once the world's seed and time are known (and
   * the data directory is held).
   */
  residents?: (world: { seed: string; from: number }) => Residents | Promise<Residents>;
  /**
   * After each batch is stored: the store, and the world time reached. Without it the residents'
   * closed days are dropped as they close: nobody reads them.
   */
  afterBatch?: (store: EventStore, t: number, residents: Residents | undefined) => void | Promise<void>;
  /** Once every update is stored, while the data directory is still held. */
  afterRun?: (residents: Residents | undefined) => void | Promise<void>;
  /** Shows how far it has come (a progress bar, say), from its first day to its last. */
  progress?: (fromDay: number, toDay: number) => SimulationProgress;
}

const NO_PROGRESS: SimulationProgress = { update: () => undefined, stop: () => undefined };

export async function simulateIntoStore(
  options: StoreSimulation,
): Promise<{ updates: number; events: number; seconds: number }> {
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir, 'chronicle simulate');
  let store: EventStore;
  try {
    store = await openDataDirEventStore(options.dataDir, { facets: options.world.facetKeys });
  } catch (error) {
    unlock();
    throw error;
  }
  try {
    const worldFile = loadOrCreateWorld(options.dataDir, options.seed);
    const from = savedWorldTime(options.dataDir);
    const end = from + options.days;
    const saved: Record<string, Saved | undefined> = {};
    const states: Record<string, TownState> = {};
    for (const town of options.world.ids) {
      const s = loadSaved(townPaths(options.dataDir, town).state, town);
      saved[town] = s;
      if (s) states[town] = s.state;
    }
    const residents = await options.residents?.({ seed: worldFile.seed, from });
    let t = from;
    const ingest = new Ingest(store, new LiveBus(), () => t);
    // The history ends now: it reads as if the world had been running in real time until this moment.
    const epochMs = Date.now() - end * SECONDS_PER_DAY * 1000;

    const progress = options.progress?.(worldTimeOf(from).day, worldTimeOf(end).day) ?? NO_PROGRESS;

    const started = performance.now();
    const lines = new Map<string, string[]>(options.world.ids.map((town) => [town, []]));
    const last: Record<string, Update> = {};
    let batch: Update[] = [];
    let updates = 0;
    let events = 0;
    // Each batch goes to the store, then to the towns' own logs: neither holds more than a batch.
    const flush = async () => {
      await ingest.accept(batch);
      batch = [];
      for (const [town, townLines] of lines) {
        if (townLines.length === 0) continue;
        const { dir, log } = townPaths(options.dataDir, town);
        mkdirSync(dir, { recursive: true });
        appendFileSync(log, `${townLines.join('\n')}\n`);
        townLines.length = 0;
      }
      if (options.afterBatch) await options.afterBatch(store, t, residents);
      else residents?.takeDays();
      progress.update(worldTimeOf(t).day, events);
    };
    const run = simulate({
      world: options.world,
      seed: worldFile.seed,
      days: options.days,
      epochMs,
      worldId: worldFile.id,
      from,
      states,
      residents,
    });
    const load = async () => {
      let step = run.next();
      while (!step.done) {
        const update = step.value;
        t = update.day - 1 + update.hour / 24;
        batch.push(update);
        lines.get(update.town)?.push(JSON.stringify(update));
        last[update.town] = update;
        updates++;
        events += update.events.length;
        if (batch.length >= BATCH_UPDATES) await flush();
        step = run.next();
      }
      t = end;
      await flush();
      return step.value;
    };
    const bulk = loadsInBulk(options.days, from, options.afterBatch !== undefined);
    const finalStates = bulk ? await store.bulkLoad(load) : await load();
    progress.update(worldTimeOf(end).day, events);
    progress.stop();

    // Each town carries on from here, as if it had lived these days itself.
    const cursor = await store.lastEventId();
    for (const [town, state] of Object.entries(finalStates)) {
      const paths = townPaths(options.dataDir, town);
      mkdirSync(paths.dir, { recursive: true });
      const previous = saved[town];
      const next: Saved = {
        format: 1,
        town,
        worldId: previous?.worldId ?? worldFile.id,
        state,
        last: last[town] ?? previous?.last ?? null,
        streamCursor: cursor,
      };
      writeAtomic(paths.state, JSON.stringify(next));
    }
    saveWorldTime(options.dataDir, end, cursor);
    await options.afterRun?.(residents);
    return { updates, events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
    unlock();
  }
}

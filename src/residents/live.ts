/**
 * The residents of a real-time town. Every town process runs the same deterministic scheduler from
 * day 1 with the world's seed, so all of them agree on who is where and who meets whom without
 * talking; each hands only its own town's share of what happens to its updates.
 */
import { existsSync } from 'node:fs';
import { residentStorePath } from '../files/data-dir.ts';
import { openResidentStore } from '../store/open.ts';
import { residentsConfigOf } from '../world/residents/catalog.ts';
import { Residents } from '../world/residents/engine.ts';
import { eventOf } from '../world/residents/events.ts';
import { DEFAULT_SETTINGS, type ResidentsConfig } from '../world/residents/types.ts';
import { quantise } from '../world/step.ts';
import type { TownEvent } from '../world/types.ts';
import type { World } from '../world/world.ts';
import { checkConfig } from './files.ts';

/** The catalogue `world init` stored in the data directory, or the canonical one. */
export async function storedConfig(dataDir: string, world: World): Promise<ResidentsConfig> {
  const path = residentStorePath(dataDir);
  if (!existsSync(path)) return residentsConfigOf(world);
  const store = await openResidentStore(path);
  try {
    const config = (await store.config()) ?? residentsConfigOf(world);
    checkConfig(config, path, world);
    return config;
  } finally {
    await store.close();
  }
}

export class TownResidents {
  private readonly engine: Residents;

  /** `since`: the world time of the town's last update; what happened until then was told already. */
  constructor(
    world: World,
    readonly town: string,
    config: ResidentsConfig,
    seed: string,
    since: number,
  ) {
    this.engine = new Residents({ world, config, settings: { ...DEFAULT_SETTINGS, seed } });
    this.engine.advanceTo(since);
    this.engine.drainAll(town);
    this.engine.takeDays();
  }

  /** Live up to the time of the town's next update, and say who is at work for its jobs. */
  before(t: number): Record<string, string[]> {
    this.engine.advanceTo(quantise(t));
    // Other towns' shares and closed days are theirs and the batch runs' business.
    this.engine.takeDays();
    return this.engine.onDuty(this.town);
  }

  /** The town's events go to its residents' memories; what they did here joins the update. */
  after(t: number, events: TownEvent[]): TownEvent[] {
    this.engine.observe(this.town, t, events);
    const mine: TownEvent[] = [];
    for (const action of this.engine.drainAll(this.town)) {
      const event = eventOf(action);
      if (event) mine.push(event);
    }
    return [...events, ...mine];
  }
}

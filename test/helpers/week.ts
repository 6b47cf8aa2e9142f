/** A week (or any days) of the residents' lives in the towns, in process: the day logs, as a dry run has them. */
export { distinctShare, linesOf, nestedReflections, saidOf } from '../../src/residents/words.ts';

import { WORLD } from '../../src/world/map.ts';
import { DEFAULT_CONFIG } from '../../src/world/residents/catalog.ts';
import { type DayLog, Residents } from '../../src/world/residents/engine.ts';
import { DEFAULT_SETTINGS } from '../../src/world/residents/types.ts';
import { simulate } from '../../src/world/simulate.ts';

const weeks = new Map<string, DayLog[]>();

/** Every resident's days with the towns' news, for `seed`; run once per process unless `fresh`. */
export function residentDays(seed: string, days = 7, fresh = false): DayLog[] {
  const key = `${seed}/${days}`;
  const known = weeks.get(key);
  if (known && !fresh) return known;
  const residents = new Residents({
    world: WORLD,
    config: DEFAULT_CONFIG,
    settings: { ...DEFAULT_SETTINGS, seed },
  });
  const logs: DayLog[] = [];
  for (const _ of simulate({ world: WORLD, seed, days, epochMs: 0, residents }))
    logs.push(...residents.takeDays());
  logs.push(...residents.takeDays());
  weeks.set(key, logs);
  return logs;
}

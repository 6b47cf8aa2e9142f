/**
 * Residents, measured on this machine (issue #7): resident-days simulated per second in a dry run
 * (goal ≥ 2,000). Each configuration runs the whole dry run as `chronicle world run --dry-run`
 * does: the four towns' jobs and weather, the residents' ticks, and a report for every day (not
 * printed). The scheduler alone (no towns, no reports) is measured beside it.
 *
 *   npm run bench:residents
 *   npm run bench:residents -- --rounds 5
 */

import { parseArgs } from 'node:util';
import { dryRun } from '../src/residents/run.ts';
import { WORLD } from '../src/world/map.ts';
import { DEFAULT_CONFIG, selectResidents } from '../src/world/residents/catalog.ts';
import { Residents } from '../src/world/residents/engine.ts';
import { DEFAULT_SETTINGS } from '../src/world/residents/types.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(args.rounds);

const CASES = [
  { residents: 20, days: 100 },
  { residents: 100, days: 30 },
  { residents: 500, days: 10 },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

console.log(`Resident-days per second, median of ${rounds} rounds (goal ≥ 2,000 in a dry run)\n`);
console.log('residents  days  dry run (towns + residents + reports)  scheduler alone');
for (const c of CASES) {
  const config = selectResidents(DEFAULT_CONFIG, c.residents);
  const full: number[] = [];
  const alone: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const result = dryRun(
      {
        world: WORLD,
        days: c.days,
        config,
        settings: DEFAULT_SETTINGS,
        scripted: [],
        summaryOnly: false,
        reportFormat: 'json',
        print: () => {},
      },
      String(round + 1),
    );
    full.push(result.residentDays / result.seconds);
    const started = performance.now();
    const engine = new Residents({
      world: WORLD,
      config,
      settings: { ...DEFAULT_SETTINGS, seed: String(round + 1) },
    });
    for (let d = 0; d < c.days; d++) engine.finishDay();
    alone.push((c.residents * c.days) / ((performance.now() - started) / 1000));
  }
  console.log(
    `${String(c.residents).padStart(9)}  ${String(c.days).padStart(4)}  ${Math.round(median(full)).toLocaleString('en-US').padStart(37)}  ${Math.round(median(alone)).toLocaleString('en-US').padStart(15)}`,
  );
}

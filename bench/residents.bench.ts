/**
 * Residents, measured on this machine (issue #7): resident-days simulated per second in a dry run
 * (goal ≥ 2,000). Each configuration runs the whole dry run as `chronicle world run --dry-run`
 * does: the four towns' jobs and weather, the residents' ticks, and a report for every day (not
 * printed). The scheduler alone (no towns, no reports) is measured beside it.
 *
 * Then the words (issue 16): a week of every resident's life in the towns for a few seeds (1 is
 * the dry run's default), with the share of conversation lines said once (of every line of every
 * talk; and of what is said, without the speaker's name), how often the most common closing line
 * closes a chat, and the reflections that hold another reflection.
 *
 *   npm run bench:residents
 *   npm run bench:residents -- --rounds 5
 *   npm run bench:residents -- --words-only --seeds 1,2,3,4,5
 */

import { parseArgs } from 'node:util';
import { dryRun } from '../src/residents/run.ts';
import { distinctShare, linesOf, nestedReflections, saidOf } from '../src/residents/words.ts';
import { WORLD } from '../src/world/map.ts';
import { DEFAULT_CONFIG, selectResidents } from '../src/world/residents/catalog.ts';
import { type DayLog, Residents } from '../src/world/residents/engine.ts';
import { DEFAULT_SETTINGS } from '../src/world/residents/types.ts';
import { simulate } from '../src/world/simulate.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seeds: { type: 'string', default: '1,2,3,4,5' },
    'words-only': { type: 'boolean', default: false },
  },
});
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

if (!args['words-only']) throughput();
words();

function throughput(): void {
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
}

/** A week of every resident in the towns, as a dry run lives it. */
function week(seed: string): DayLog[] {
  const residents = new Residents({
    world: WORLD,
    config: DEFAULT_CONFIG,
    settings: { ...DEFAULT_SETTINGS, seed },
  });
  const logs: DayLog[] = [];
  for (const _ of simulate({ world: WORLD, seed, days: 7, epochMs: 0, residents }))
    logs.push(...residents.takeDays());
  return [...logs, ...residents.takeDays()];
}

function words(): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `\nWords over a week, ${DEFAULT_CONFIG.residents.length} residents (goal ≥ 60% of lines distinct, no nested reflections)\n`,
  );
  console.log('seed  lines  distinct lines  distinct words said  top closing  reflections  nested');
  for (const seed of String(args.seeds).split(',')) {
    const logs = week(seed);
    const lines = linesOf(logs);
    const said = lines.map(saidOf);
    const closings = new Map<string, number>();
    const chats = logs
      .flatMap((l) => l.conversations)
      .filter((c) => c.kind === 'chat' && c.transcript.length > 2);
    for (const c of chats) {
      const closing = saidOf(c.transcript[2] as string);
      closings.set(closing, (closings.get(closing) ?? 0) + 1);
    }
    const top = Math.max(0, ...closings.values()) / Math.max(1, chats.length);
    const reflections = logs.flatMap((l) => l.memories).filter((m) => m.kind === 'reflection').length;
    console.log(
      `${seed.padStart(4)}  ${String(lines.length).padStart(5)}  ${pct(distinctShare(lines)).padStart(14)}  ${pct(distinctShare(said)).padStart(19)}  ${pct(top).padStart(11)}  ${String(reflections).padStart(11)}  ${String(nestedReflections(logs).length).padStart(6)}`,
    );
  }
}

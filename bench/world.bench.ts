/**
 * A world worth watching (`npm run bench:world`): a simulated year, for several seeds, read as a
 * watcher would read it.
 *
 *   node --import tsx bench/world.bench.ts [--days 365] [--seeds 3,11,29]
 *
 * For each business, the share of its updates in which it brought in nothing, and why; distinct job
 * sentences (numbers masked); the share of a day's job events whose masked sentence the same town
 * already told that day; the share of job events that set today against the past. The world core
 * runs alone (its named workers take turns), with no scripted disasters.
 */
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import { type Liveliness, LivelinessMeter } from './liveliness.ts';

const GOALS = { idle: 0.25, distinct: 5_000, repeated: 0.3, remembering: 0.05 };

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const days = Number(flag('days', '365'));
const seeds = flag('seeds', '3,11,29').split(',');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function measure(seed: string): Liveliness {
  const meter = new LivelinessMeter(WORLD);
  for (const update of simulate({ world: WORLD, seed, days, epochMs: 0 })) meter.add(update);
  return meter.result();
}

console.log(`world benchmark: ${days} days, seeds ${seeds.join(', ')}\n`);
const results = seeds.map((seed) => ({ seed, r: measure(seed) }));

console.log('Businesses: share of updates that brought in nothing (seed by seed), and the commonest reason');
const keys = [...new Set(results.flatMap(({ r }) => r.businesses.map((b) => `${b.town}/${b.kind}`)))];
let worst = 0;
for (const key of keys) {
  const cells = results.map(({ r }) => {
    const b = r.businesses.find((x) => `${x.town}/${x.kind}` === key);
    const share = b ? b.idle / b.updates : 0;
    worst = Math.max(worst, share);
    return { share, b };
  });
  const first = cells.find((c) => c.b && c.b.idle > 0)?.b;
  const why = first
    ? first.reasons
        .slice(0, 2)
        .map(([r, n]) => `${r} (${n})`)
        .join('; ')
    : '';
  const rest = cells.map((c) => (c.b ? c.b.rested / c.b.updates : 0));
  const resting = rest.some((r) => r > 0) ? `  [rested by choice: ${rest.map(pct).join(' ')}]` : '';
  console.log(
    `  ${key.padEnd(30)} ${cells.map((c) => pct(c.share).padStart(6)).join(' ')}  ${why}${resting}`,
  );
}

console.log('\n                               ' + seeds.map((s) => `seed ${s}`.padStart(10)).join(''));
const row = (label: string, f: (r: Liveliness) => string) =>
  console.log(`  ${label.padEnd(29)}${results.map(({ r }) => f(r).padStart(10)).join('')}`);
row('job events', (r) => r.jobEvents.toLocaleString('en-US'));
row('distinct masked sentences', (r) => r.distinct.toLocaleString('en-US'));
row('repeated within a day', (r) => pct(r.repeatedWithinDay));
row('remembering the past', (r) => pct(r.remembering));

const all = results.map(({ r }) => r);
console.log(`\nGoals (every seed):
  ${mark(worst <= GOALS.idle)} no business idle in more than ${pct(GOALS.idle)} of its updates (worst ${pct(worst)})
  ${mark(all.every((r) => r.distinct >= GOALS.distinct))} at least ${GOALS.distinct.toLocaleString('en-US')} distinct masked sentences (least ${Math.min(...all.map((r) => r.distinct)).toLocaleString('en-US')})
  ${mark(all.every((r) => r.repeatedWithinDay <= GOALS.repeated))} at most ${pct(GOALS.repeated)} repeated within a day (most ${pct(Math.max(...all.map((r) => r.repeatedWithinDay)))})
  ${mark(all.every((r) => r.remembering >= GOALS.remembering))} at least ${pct(GOALS.remembering)} remembering the past (least ${pct(Math.min(...all.map((r) => r.remembering)))})`);
console.log('\nCommonest sentences (first seed):');
for (const [s, n] of results[0]?.r.commonest ?? []) console.log(`  ${String(n).padStart(6)}  ${s}`);

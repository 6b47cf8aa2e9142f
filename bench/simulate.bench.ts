/**
 * How fast the world core generates history: events per second over a simulated 365-day year.
 *
 *   npm run bench            (or: node --import tsx bench/simulate.bench.ts)
 *
 * Three figures of the towns' core alone, without residents, as before they joined the fast-forward:
 * the core (the first, cold run, then warm runs after the JIT has compiled the hot code), the core
 * with every update serialised as a JSON line, and the real `chronicle simulate --no-residents` as a
 * fresh process writing to /dev/null (start-up excluded), for one year and for ten, where the JIT's
 * warm-up no longer dominates. Then what the residents cost: the core with the canonical residents
 * (warm), and `chronicle simulate` as it runs by default, residents and all, for one year.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WORLD } from '../src/world/map.ts';
import { residentsConfigOf } from '../src/world/residents/catalog.ts';
import { Residents } from '../src/world/residents/engine.ts';
import { DEFAULT_SETTINGS } from '../src/world/residents/types.ts';
import { simulate } from '../src/world/simulate.ts';

const GOAL_EVENTS_PER_SECOND = 200_000;
const DAYS = 365;
const WARM_RUNS = 5;

function runYear(
  seed: string,
  serialise: boolean,
  withResidents = false,
): { events: number; seconds: number; bytes: number } {
  const started = performance.now();
  const residents = withResidents
    ? new Residents({
        world: WORLD,
        config: residentsConfigOf(WORLD),
        settings: { ...DEFAULT_SETTINGS, seed },
      })
    : undefined;
  let events = 0;
  let bytes = 0;
  for (const update of simulate({
    world: WORLD,
    seed,
    days: DAYS,
    epochMs: Date.UTC(2026, 0, 1),
    residents,
  })) {
    residents?.takeDays();
    events += update.events.length;
    if (serialise) bytes += JSON.stringify(update).length + 1;
  }
  return { events, seconds: (performance.now() - started) / 1000, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rate = (r: { events: number; seconds: number }) => Math.round(r.events / r.seconds);
const fmt = (n: number) => n.toLocaleString('en-US');

console.log(
  `simulate benchmark: ${DAYS}-day years, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
);

const cold = runYear('bench-0', false);
console.log(
  `core, cold (first run in this process): ${fmt(cold.events)} events in ${cold.seconds.toFixed(3)} s = ${fmt(rate(cold))} events/s`,
);

const warm = Array.from({ length: WARM_RUNS }, (_, i) => runYear(`bench-${i + 1}`, false));
const warmRates = warm.map(rate);
console.log(
  `core, warm (${WARM_RUNS} runs, other seeds): ${warmRates.map(fmt).join(', ')} events/s; median ${fmt(median(warmRates))}`,
);

const json = Array.from({ length: 3 }, (_, i) => runYear(`bench-json-${i}`, true));
const jsonRates = json.map(rate);
console.log(
  `core + JSON lines (3 runs): ${jsonRates.map(fmt).join(', ')} events/s; median ${fmt(median(jsonRates))}; ${(json[0]?.bytes ?? 0) / 1e6} MB a year`,
);

const bin = fileURLToPath(new URL('../bin/chronicle.js', import.meta.url));
const cliRates: number[] = [];
for (let i = 0; i < 3; i++) {
  const r = spawnSync(
    process.execPath,
    [bin, 'simulate', '--days', String(DAYS), '--seed', `cli-${i}`, '--out', '/dev/null', '--no-residents'],
    {
      encoding: 'utf8',
    },
  );
  const m = /\((\d+) events\/s\)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`chronicle simulate failed: ${r.stderr}`);
  cliRates.push(Number(m[1]));
}
console.log(
  `chronicle simulate --days ${DAYS} --out /dev/null --no-residents (fresh process each): ${cliRates.map(fmt).join(', ')} events/s`,
);

const decade = spawnSync(
  process.execPath,
  [bin, 'simulate', '--days', '3650', '--seed', 'cli-decade', '--out', '/dev/null', '--no-residents'],
  {
    encoding: 'utf8',
  },
);
console.log(
  `chronicle simulate --days 3650 --out /dev/null --no-residents (sustained): ${/\((\d+) events\/s\)/.exec(decade.stderr)?.[1] ?? decade.stderr} events/s`,
);

// What the residents cost: the same years with the 27 canonical residents living in the towns.
runYear('bench-residents-warm-up', false, true);
const lived = Array.from({ length: 3 }, (_, i) => runYear(`bench-residents-${i}`, false, true));
console.log(
  `core + residents, warm (3 runs): ${lived.map((r) => `${fmt(r.events)} events in ${r.seconds.toFixed(2)} s = ${fmt(rate(r))} events/s`).join('; ')}`,
);
const withResidents = spawnSync(
  process.execPath,
  [bin, 'simulate', '--days', String(DAYS), '--seed', 'cli-residents', '--out', '/dev/null'],
  { encoding: 'utf8' },
);
console.log(
  `chronicle simulate --days ${DAYS} --out /dev/null (residents and all, the default): ${/in ([\d.]+ s \(\d+ events\/s\))/.exec(withResidents.stderr)?.[1] ?? withResidents.stderr}`,
);

const verdict = median(warmRates) >= GOAL_EVENTS_PER_SECOND ? 'meets' : 'MISSES';
console.log(`goal ${fmt(GOAL_EVENTS_PER_SECOND)} events/s for the core (warm median): ${verdict} it`);

/**
 * Asking, measured on this machine: the offline planner's answer latency per question form over a
 * 20-year history (about 1M events; goal: every form p95 under 50 ms). The questions are the
 * generated evaluation set's (eval/generated.ts), a sample of each form, asked in turn.
 *
 *   npm run bench:ask                                 (7,300 days, 3 rounds, 12 questions a form)
 *   npm run bench:ask -- --days 365 --rounds 5 --per-form 30 --slowest 20   (and the 20 slowest questions)
 *
 * The simulated history is kept in the OS's temporary directory under its seed and length, so a
 * second run starts at once; delete chronicle-bench-history-* there to build it again.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RawEvent } from '../eval/checks.ts';
import { buildGenerated } from '../eval/generated.ts';
import { Agent } from '../src/agent/agent.ts';
import { eventStorePath } from '../src/files/data-dir.ts';
import { simulateIntoStore } from '../src/simulation/into-store.ts';
import { openEventStore } from '../src/store/open.ts';
import { WORLD } from '../src/world/map.ts';

const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '7300' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '7' },
    'per-form': { type: 'string', default: '12' },
    slowest: { type: 'string', default: '0' },
  },
});
const days = Number(args.days);
const rounds = Number(args.rounds);
const perForm = Number(args['per-form']);
const GOAL_MS = 50;

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

const dir = join(tmpdir(), `chronicle-bench-history-${args.seed}-${days}`);
if (!existsSync(join(dir, 'complete'))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sim = await simulateIntoStore({ world: WORLD, dataDir: dir, days, seed: args.seed });
  console.log(
    `Built ${days} days of seed ${args.seed}: ${sim.events.toLocaleString('en-US')} events in ${sim.seconds.toFixed(1)} s`,
  );
  mkdirSync(join(dir, 'complete'));
}
const store = await openEventStore(eventStorePath(dir), { facets: WORLD.facetKeys });
const stats = await store.stats();
console.log(
  `History: ${days} days of seed ${args.seed}, ${stats.events_total.toLocaleString('en-US')} events (${dir})`,
);

// The questions need only the last 60 days' events to be generated: their truths are not checked here.
const from = days - 59;
const raw: RawEvent[] = [];
for (let cursor: string | undefined; ; ) {
  const page = await store.events({ fromDay: from, limit: 10_000, cursor });
  for (const e of page.events) raw.push({ ...e, actor: e.actor ?? undefined });
  if (!page.next) break;
  cursor = page.next;
}
const byForm = new Map<string, string[]>();
for (const c of buildGenerated(raw, days, args.seed)) {
  const list = byForm.get(c.form) ?? [];
  if (list.length < perForm) list.push(c.question);
  byForm.set(c.form, list);
}
const questions = [...byForm].flatMap(([form, list]) => list.map((question) => ({ form, question })));
const agent = new Agent({ store, world: WORLD, today: () => days });
for (const q of questions) await agent.ask(q.question, 'offline'); // warm-up: caches, statements, JIT
const times: { form: string; question: string; ms: number }[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const started = performance.now();
    await agent.ask(q.question, 'offline');
    times.push({ form: q.form, question: q.question, ms: performance.now() - started });
  }
}
const f = (n: number) => `${n.toFixed(1)} ms`;
const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
console.log(
  `Answers: ${times.length} (${questions.length} questions × ${rounds} rounds), offline planner, no model`,
);
console.log(`  all: p50 ${f(pct(sorted, 0.5))} · p95 ${f(pct(sorted, 0.95))} · max ${f(sorted.at(-1) ?? 0)}`);
const forms = [...byForm.keys()].map((form) => {
  const list = times
    .filter((t) => t.form === form)
    .map((t) => t.ms)
    .sort((a, b) => a - b);
  return { form, p50: pct(list, 0.5), p95: pct(list, 0.95), max: list.at(-1) ?? 0 };
});
forms.sort((a, b) => b.p95 - a.p95);
console.log(`  by form (slowest p95 first; goal p95 < ${GOAL_MS} ms for every form):`);
for (const x of forms)
  console.log(
    `    ${x.form.padEnd(14)} p50 ${f(x.p50).padStart(9)} · p95 ${f(x.p95).padStart(9)} · max ${f(x.max).padStart(9)}${x.p95 < GOAL_MS ? '' : '  ← over the goal'}`,
  );
const slowest = Number(args.slowest);
if (slowest > 0) {
  // Each question's slowest round, slowest first: where the time goes.
  const worst = new Map<string, { form: string; ms: number }>();
  for (const t of times)
    if ((worst.get(t.question)?.ms ?? -1) < t.ms) worst.set(t.question, { form: t.form, ms: t.ms });
  console.log(`  slowest ${slowest} questions:`);
  for (const [question, t] of [...worst].sort((a, b) => b[1].ms - a[1].ms).slice(0, slowest))
    console.log(`    ${f(t.ms).padStart(9)}  ${t.form.padEnd(12)} ${question}`);
}
const over = forms.filter((x) => x.p95 >= GOAL_MS);
console.log(over.length ? `goal missed by ${over.length} forms` : 'goal met by every form');
await store.close();

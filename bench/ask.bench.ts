/**
 * Asking, measured on this machine (issue #6): the offline planner's answer latency over a
 * 365-day history (goal p95 under 200 ms), every question of the evaluation set asked in turn.
 *
 *   npm run bench:ask                    (365 days, 5 rounds)
 *   npm run bench:ask -- --days 730 --rounds 3
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCases, type RawEvent } from '../eval/cases.ts';
import { Agent } from '../src/agent/agent.ts';
import { eventStorePath } from '../src/files/data-dir.ts';
import { simulateIntoStore } from '../src/simulation/into-store.ts';
import { openEventStore } from '../src/store/open.ts';
import type { StoredEvent } from '../src/store/store.ts';
import { WORLD } from '../src/world/map.ts';

const { values: args } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
  },
});
const days = Number(args.days);
const rounds = Number(args.rounds);

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-ask-'));
try {
  const sim = await simulateIntoStore({ world: WORLD, dataDir: dir, days, seed: args.seed });
  console.log(
    `History: ${days} days of seed ${args.seed}, ${sim.events.toLocaleString('en-US')} events (simulated in ${sim.seconds.toFixed(1)} s)`,
  );
  const store = await openEventStore(eventStorePath(dir));
  const all: StoredEvent[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await store.events({ limit: 10_000, cursor });
    all.push(...page.events);
    if (!page.next) break;
    cursor = page.next;
  }
  const raw: RawEvent[] = all.map((e) => ({ ...e, actor: e.actor ?? undefined }));
  const today = days;
  const questions = buildCases(raw, today).map((c) => ({ form: c.form, question: c.question }));
  const agent = new Agent({ store, world: WORLD, today: () => today });
  for (const q of questions) await agent.ask(q.question, 'offline'); // warm-up: caches, statements, JIT
  const times: { form: string; ms: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const started = performance.now();
      await agent.ask(q.question, 'offline');
      times.push({ form: q.form, ms: performance.now() - started });
    }
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `Answers: ${times.length} (${questions.length} questions × ${rounds} rounds), offline planner, no model`,
  );
  console.log(
    `  p50 ${f(pct(sorted, 0.5))} · p95 ${f(pct(sorted, 0.95))} · p99 ${f(pct(sorted, 0.99))} · max ${f(sorted.at(-1) ?? 0)}   goal: p95 < 200 ms`,
  );
  const forms = [...new Set(times.map((t) => t.form))].map((form) => {
    const list = times
      .filter((t) => t.form === form)
      .map((t) => t.ms)
      .sort((a, b) => a - b);
    return { form, p50: pct(list, 0.5), p95: pct(list, 0.95) };
  });
  forms.sort((a, b) => b.p95 - a.p95);
  console.log('  by form (slowest p95 first):');
  for (const x of forms)
    console.log(`    ${x.form.padEnd(11)} p50 ${f(x.p50).padStart(9)} · p95 ${f(x.p95).padStart(9)}`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm run eval`: simulates a seeded world, stores its history in a fresh SQLite file, asks the
 * agent every question of the evaluation set, and prints each verdict and the accuracy.
 *
 *   npm run eval -- [--days 200] [--seed 7] [--search] [--verbose]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent } from '../src/agent/agent.ts';
import { eventStorePath } from '../src/files/data-dir.ts';
import { SearchService } from '../src/search/service.ts';
import { openEventStore } from '../src/store/open.ts';
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import type { Update } from '../src/world/types.ts';
import { buildCases, type RawEvent } from './cases.ts';

export interface EvalResult {
  question: string;
  form: string;
  answer: string;
  citations: number;
  failure: string | null;
  ms: number;
}

export async function runEval(options: { days: number; seed: string; search?: boolean }) {
  // The history exactly as the simulation wrote it, read back from its JSON: the eval's own copy.
  const updates: Update[] = [];
  for (const u of simulate({
    world: WORLD,
    seed: options.seed,
    days: options.days,
    epochMs: Date.UTC(2026, 0, 1),
  }))
    updates.push(JSON.parse(JSON.stringify(u)) as Update);
  const raw: RawEvent[] = updates.flatMap((u) =>
    u.events.map((e) => ({ ...e, town: u.town, day: u.day, hour: u.hour })),
  );

  const dir = mkdtempSync(join(tmpdir(), 'chronicle-eval-'));
  const store = await openEventStore(eventStorePath(dir));
  let search: SearchService | undefined;
  try {
    for (let i = 0; i < updates.length; i += 2000) await store.append(updates.slice(i, i + 2000));
    if (options.search) {
      search = SearchService.open(dir, store, { batch: 5000 });
      await search.indexer.catchUp();
    }
    const today = options.days;
    const agent = new Agent({ store, search, world: WORLD, today: () => today });
    const results: EvalResult[] = [];
    for (const c of buildCases(raw, today)) {
      const reply = await agent.ask(c.question, 'offline');
      const cited = await store.byIds(reply.citations);
      let failure: string | null;
      try {
        failure = c.check(reply, cited);
      } catch (error) {
        failure = `the check failed: ${(error as Error).message}`;
      }
      results.push({
        question: c.question,
        form: c.form,
        answer: reply.answer,
        citations: reply.citations.length,
        failure,
        ms: reply.took_ms,
      });
    }
    const passed = results.filter((r) => r.failure === null).length;
    return { results, passed, accuracy: passed / results.length, events: raw.length };
  } finally {
    await search?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '200' },
      seed: { type: 'string', default: '7' },
      search: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 160 || days > 3650)
    throw new Error('--days must be a whole number from 160 to 3650 (the questions name days up to 150)');
  const { results, passed, accuracy, events } = await runEval({
    days,
    seed: values.seed,
    search: values.search,
  });
  console.log(
    `Evaluation: ${results.length} questions over ${days} days of seed ${values.seed} (${events} events).\n`,
  );
  for (const r of results) {
    const mark = r.failure === null ? 'ok  ' : 'FAIL';
    console.log(`${mark} [${r.form}] ${r.question}`);
    if (r.failure !== null || values.verbose) {
      console.log(`       ${r.answer.replace(/\n/g, '\n       ')}`);
      console.log(`       (${r.citations} citations, ${r.ms} ms)${r.failure ? ` → ${r.failure}` : ''}`);
    }
  }
  const byForm = new Map<string, [number, number]>();
  for (const r of results) {
    const [ok, all] = byForm.get(r.form) ?? [0, 0];
    byForm.set(r.form, [ok + (r.failure === null ? 1 : 0), all + 1]);
  }
  console.log(`\nBy form: ${[...byForm].map(([f, [ok, all]]) => `${f} ${ok}/${all}`).join(' · ')}`);
  console.log(`Accuracy: ${passed}/${results.length} = ${(accuracy * 100).toFixed(1)}% (goal ≥ 95%)`);
  if (accuracy < 0.95) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

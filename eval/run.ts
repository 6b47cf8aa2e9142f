/**
 * `npm run eval`: simulates seeded histories, stores each in a fresh SQLite file, asks the agent
 * (offline) every question of each evaluation set, and reports accuracy, a per-form table and the
 * answers that state a wrong number (eval/README.md says what the figures mean).
 *
 *   npm run eval -- [--days 60,400] [--seed 7,11] [--sets generated,handwritten,legacy,natural,natural-b,…,natural-r]
 *                   [--forms total,who] [--verbose] [--json FILE] [--show-truth [--sample N]] [--search]
 *
 * Without --days and --seed it runs four histories: seeds 7 and 11 at 60 and 400 days. The legacy
 * set (eval/cases.ts) needs 160 days or more and is skipped below that. The handwritten set
 * (eval/handwritten.ts) is used when the file is there. Exit code 1 when the generated set scores
 * under 97% or the handwritten under 95% on any history, or any answer states a wrong number.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { Agent } from '../src/agent/agent.ts';
import { eventStorePath } from '../src/files/data-dir.ts';
import { SearchService } from '../src/search/service.ts';
import { openEventStore } from '../src/store/open.ts';
import type { EventStore, StoredEvent } from '../src/store/store.ts';
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import type { Update } from '../src/world/types.ts';
import { buildCases } from './cases.ts';
import { numbersOf, type RawEvent, type Reply } from './checks.ts';
import { buildGenerated } from './generated.ts';
import { buildNatural } from './natural.ts';
import { buildNaturalB } from './natural-b.ts';
import { buildNaturalC } from './natural-c.ts';
import { buildNaturalD } from './natural-d.ts';
import { buildNaturalE } from './natural-e.ts';
import { buildNaturalF } from './natural-f.ts';
import { buildNaturalG } from './natural-g.ts';
import { buildNaturalH } from './natural-h.ts';
import { buildNaturalI } from './natural-i.ts';
import { buildNaturalJ } from './natural-j.ts';
import { buildNaturalK } from './natural-k.ts';
import { buildNaturalL } from './natural-l.ts';
import { buildNaturalM } from './natural-m.ts';
import { buildNaturalN } from './natural-n.ts';
import { buildNaturalO } from './natural-o.ts';
import { buildNaturalP } from './natural-p.ts';
import { buildNaturalQ } from './natural-q.ts';
import { buildNaturalR } from './natural-r.ts';

/** A case of any set: the legacy set's cases have no truth and no form of the reply. */
interface AnyCase {
  form: string;
  question: string;
  truth?: string;
  typo?: string;
  check(reply: Reply, cited: StoredEvent[]): string | null;
}

export interface EvalResult {
  question: string;
  form: string;
  answer: string;
  citations: number;
  failure: string | null;
  ms: number;
  truth?: string;
  typo?: string;
  /** The form the planner read the question as. */
  understood?: string;
  /** The reply declines to answer (or states no number of its own). */
  refusal: boolean;
}

export const SET_NAMES = [
  'generated',
  'handwritten',
  'legacy',
  'natural',
  'natural-b',
  'natural-c',
  'natural-d',
  'natural-e',
  'natural-f',
  'natural-g',
  'natural-h',
  'natural-i',
  'natural-j',
  'natural-l',
  'natural-k',
  'natural-m',
  'natural-n',
  'natural-o',
  'natural-p',
  'natural-q',
  'natural-r',
] as const;
export type SetName = (typeof SET_NAMES)[number];
/** The accuracy each set must reach on every history. */
const GOALS: Partial<Record<SetName, number>> = { generated: 0.97, handwritten: 0.95 };
const LEGACY_MIN_DAYS = 160;
const EPOCH_MS = Date.UTC(2026, 0, 1);

/** The planner's forms that decline to answer: not understood, nothing there, not yet, nowhere, too early. */
const REFUSAL_FORMS = new Set(['unknown', 'empty', 'future', 'unknown place', 'before history']);

/**
 * A reply is a refusal when the planner declined (its form says so) or its answer states no number
 * but those the question already holds: such a wrong reply is missing, not misleading.
 */
export function isRefusal(question: string, answer: string, form?: string): boolean {
  if (form !== undefined && REFUSAL_FORMS.has(form)) return true;
  const asked = new Set(numbersOf(question).map((n) => Math.abs(n.value)));
  return numbersOf(answer).every((n) => asked.has(Math.abs(n.value)));
}

// --- Histories -------------------------------------------------------------------------------------

/** Every update of a seed's history, as the simulation wrote it (read back from its JSON: the eval's own copy). */
function simulateUpdates(seed: string, days: number): Update[] {
  const updates: Update[] = [];
  for (const u of simulate({ world: WORLD, seed, days, epochMs: EPOCH_MS }))
    updates.push(JSON.parse(JSON.stringify(u)) as Update);
  return updates;
}

const rawOf = (updates: readonly Update[]): RawEvent[] =>
  updates.flatMap((u) => u.events.map((e) => ({ ...e, town: u.town, day: u.day, hour: u.hour })));

interface OpenHistory {
  store: EventStore;
  agent: Agent;
  close(): Promise<void>;
}

/** One store for one history, and the agent that reads it, with `today` the history's last day. */
async function openHistory(
  updates: readonly Update[],
  today: number,
  withSearch = false,
): Promise<OpenHistory> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-eval-'));
  const store = await openEventStore(eventStorePath(dir), { facets: WORLD.facetKeys });
  let search: SearchService | undefined;
  try {
    for (let i = 0; i < updates.length; i += 2000) await store.append(updates.slice(i, i + 2000));
    if (withSearch) {
      search = SearchService.open(dir, store, { batch: 5000 });
      await search.indexer.catchUp();
    }
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const agent = new Agent({ store, search, world: WORLD, today: () => today });
  return {
    store,
    agent,
    close: async () => {
      await search?.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const HANDWRITTEN = new URL('./handwritten.ts', import.meta.url);
type BuildHandwritten = (events: readonly RawEvent[], today: number) => AnyCase[];
let handwritten: BuildHandwritten | null | undefined;

/** eval/handwritten.ts's builder, when the file is there. */
async function loadHandwritten(): Promise<BuildHandwritten | null> {
  if (handwritten !== undefined) return handwritten;
  if (!existsSync(HANDWRITTEN)) {
    handwritten = null;
    return null;
  }
  const mod = (await import(HANDWRITTEN.href)) as { buildHandwritten?: BuildHandwritten };
  if (typeof mod.buildHandwritten !== 'function')
    throw new Error('eval/handwritten.ts does not export buildHandwritten(events, today)');
  handwritten = mod.buildHandwritten;
  return handwritten;
}

/** A set's cases for a history, or why it is not run there. */
async function casesOf(
  set: SetName,
  raw: RawEvent[],
  today: number,
  seed: string,
): Promise<AnyCase[] | string> {
  if (set === 'generated') return buildGenerated(raw, today, seed);
  if (set === 'natural') return buildNatural(raw, today);
  if (set === 'natural-b') return buildNaturalB(raw, today);
  if (set === 'natural-c') return buildNaturalC(raw, today);
  if (set === 'natural-d') return buildNaturalD(raw, today);
  if (set === 'natural-e') return buildNaturalE(raw, today);
  if (set === 'natural-f') return buildNaturalF(raw, today);
  if (set === 'natural-g') return buildNaturalG(raw, today);
  if (set === 'natural-h') return buildNaturalH(raw, today);
  if (set === 'natural-i') return buildNaturalI(raw, today);
  if (set === 'natural-j') return buildNaturalJ(raw, today);
  if (set === 'natural-l') return buildNaturalL(raw, today);
  if (set === 'natural-k') return buildNaturalK(raw, today);
  if (set === 'natural-m') return buildNaturalM(raw, today);
  if (set === 'natural-n') return buildNaturalN(raw, today);
  if (set === 'natural-o') return buildNaturalO(raw, today);
  if (set === 'natural-p') return buildNaturalP(raw, today);
  if (set === 'natural-q') return buildNaturalQ(raw, today);
  if (set === 'natural-r') return buildNaturalR(raw, today);
  if (set === 'legacy') {
    if (today < LEGACY_MIN_DAYS) return `needs ${LEGACY_MIN_DAYS} days or more`;
    // The legacy set was written for 200 days: a question it expects "has not come yet" for (day 250)
    // is in a longer history, and is left out there.
    const reached = (q: string) => [...q.matchAll(/\bday (\d+)\b/gi)].some((m) => Number(m[1]) <= today);
    return buildCases(raw, today).filter((c) => !(c.form === 'outside' && reached(c.question)));
  }
  const build = await loadHandwritten();
  return build ? build(raw, today) : 'eval/handwritten.ts is not there yet';
}

/** Asks every case and checks its reply. */
async function askAll(
  history: OpenHistory,
  cases: readonly AnyCase[],
  onDone: (result: EvalResult) => void = () => undefined,
): Promise<EvalResult[]> {
  const results: EvalResult[] = [];
  for (const c of cases) {
    const reply = await history.agent.ask(c.question, 'offline');
    const understood = (reply.understood as { form?: string } | undefined)?.form;
    const cited = await history.store.byIds(reply.citations);
    let failure: string | null;
    try {
      failure = c.check({ answer: reply.answer, citations: reply.citations, form: understood }, cited);
    } catch (error) {
      failure = `the check failed: ${(error as Error).message}`;
    }
    const result: EvalResult = {
      question: c.question,
      form: c.form,
      answer: reply.answer,
      citations: reply.citations.length,
      failure,
      ms: reply.took_ms,
      ...(c.truth !== undefined ? { truth: c.truth } : {}),
      ...(c.typo !== undefined ? { typo: c.typo } : {}),
      ...(understood !== undefined ? { understood } : {}),
      refusal: isRefusal(c.question, reply.answer, understood),
    };
    results.push(result);
    onDone(result);
  }
  return results;
}

/** The legacy evaluation of one history (test/system/ask.test.ts runs it at 200 days). */
/** One set (the legacy set unless named) on one history, for the tests. */
export async function runEval(options: { days: number; seed: string; search?: boolean; set?: SetName }) {
  const updates = simulateUpdates(options.seed, options.days);
  const raw = rawOf(updates);
  const cases =
    options.set === undefined
      ? buildCases(raw, options.days)
      : await casesOf(options.set, raw, options.days, options.seed);
  if (typeof cases === 'string') throw new Error(`the ${options.set} set does not run here: ${cases}`);
  const history = await openHistory(updates, options.days, options.search);
  try {
    const results = await askAll(history, cases);
    const passed = results.filter((r) => r.failure === null).length;
    return { results, passed, accuracy: passed / results.length, events: raw.length };
  } finally {
    await history.close();
  }
}

// --- Reporting -------------------------------------------------------------------------------------

interface SetRun {
  set: SetName;
  seed: string;
  days: number;
  events: number;
  results: EvalResult[];
}

const wrongNumber = (r: EvalResult) => r.failure !== null && !r.refusal;
const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);
const historyName = (seed: string, days: number) => `seed ${seed} · ${days} d`;
const count = (n: number) => n.toLocaleString('en-US');

function formOrder(set: SetName, results: readonly EvalResult[]): string[] {
  const seen = [...new Set(results.map((r) => r.form))];
  return set === 'generated' ? seen.sort() : seen;
}

function tally(results: readonly EvalResult[]) {
  const right = results.filter((r) => r.failure === null).length;
  const wrong = results.filter(wrongNumber).length;
  const typos = results.filter((r) => r.typo !== undefined);
  const typosRight = typos.filter((r) => r.failure === null).length;
  return { n: results.length, right, wrong, typos: typos.length, typosRight };
}

function describeResult(r: EvalResult): string {
  const lines = [`    answer: ${r.answer.replace(/\n/g, '\n            ')}`];
  if (r.truth) lines.push(`    truth:  ${r.truth}`);
  lines.push(
    `    (${r.understood ?? '?'}, ${r.citations} citations, ${r.ms} ms)${r.typo ? ` typo ${r.typo}` : ''}${r.failure ? ` → ${r.failure}` : ''}`,
  );
  return lines.join('\n');
}

function reportRun(run: SetRun, verbose: boolean): string {
  const t = tally(run.results);
  const goal = GOALS[run.set];
  const out: string[] = [];
  out.push(`\n## ${run.set} · ${historyName(run.seed, run.days)} (${count(run.events)} events)\n`);
  out.push(
    `Accuracy ${count(t.right)}/${count(t.n)} = ${pct(t.right, t.n)}${goal ? ` (goal ≥ ${goal * 100}%)` : ''} · ` +
      `wrong numbers ${t.wrong} (${pct(t.wrong, t.n)}; goal 0)` +
      (t.typos > 0 ? ` · with a typo ${t.typosRight}/${t.typos} = ${pct(t.typosRight, t.typos)}` : ''),
  );
  out.push('\n| form | questions | right | accuracy | wrong numbers |\n|---|---:|---:|---:|---:|');
  for (const form of formOrder(run.set, run.results)) {
    const f = tally(run.results.filter((r) => r.form === form));
    out.push(`| ${form} | ${f.n} | ${f.right} | ${pct(f.right, f.n)} | ${f.wrong} |`);
  }
  if (verbose) {
    out.push('\nEvery question:');
    for (const r of run.results) {
      out.push(
        `${r.failure === null ? 'ok  ' : wrongNumber(r) ? 'WRONG' : 'FAIL'} [${r.form}] ${r.question}`,
      );
      out.push(describeResult(r));
    }
  }
  const wrong = run.results.filter(wrongNumber);
  if (wrong.length > 0) {
    const shown = verbose ? [] : wrong.slice(0, 15);
    if (shown.length > 0) {
      out.push(
        `\nWrong numbers (${wrong.length}${wrong.length > shown.length ? `, the first ${shown.length}; --verbose for all` : ''}):`,
      );
      for (const r of shown) out.push(`WRONG [${r.form}] ${r.question}\n${describeResult(r)}`);
    }
  }
  return out.join('\n');
}

function summary(runs: readonly SetRun[]): string {
  const out: string[] = ['\n## Summary\n'];
  out.push('| set | history | questions | accuracy | wrong numbers | goal |\n|---|---|---:|---:|---:|---|');
  for (const run of runs) {
    const t = tally(run.results);
    const goal = GOALS[run.set];
    out.push(
      `| ${run.set} | ${historyName(run.seed, run.days)} | ${count(t.n)} | ${pct(t.right, t.n)} | ${t.wrong} (${pct(t.wrong, t.n)}) | ${goal ? `≥ ${goal * 100}%, ` : ''}0 wrong |`,
    );
  }
  for (const set of SET_NAMES) {
    const mine = runs.filter((r) => r.set === set);
    if (mine.length === 0) continue;
    const all = mine.flatMap((r) => r.results);
    out.push(`\n### ${set}, by form\n`);
    out.push(
      `| form | ${mine.map((r) => historyName(r.seed, r.days)).join(' | ')} | all | wrong numbers |\n|---|${mine.map(() => '---:').join('|')}|---:|---:|`,
    );
    for (const form of formOrder(set, all)) {
      const cells = mine.map((r) => {
        const f = tally(r.results.filter((x) => x.form === form));
        return f.n === 0 ? '–' : `${pct(f.right, f.n)} (${f.n})`;
      });
      const f = tally(all.filter((x) => x.form === form));
      out.push(`| ${form} | ${cells.join(' | ')} | ${pct(f.right, f.n)} (${f.n}) | ${f.wrong} |`);
    }
    const t = tally(all);
    out.push(
      `| **all** | ${mine.map((r) => pct(tally(r.results).right, r.results.length)).join(' | ')} | **${pct(t.right, t.n)}** (${t.n}) | ${t.wrong} |`,
    );
  }
  return out.join('\n');
}

// --- The command -----------------------------------------------------------------------------------

function listOf(value: string | undefined, fallback: readonly string[]): string[] {
  return value === undefined
    ? [...fallback]
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string' },
      seed: { type: 'string' },
      sets: { type: 'string' },
      forms: { type: 'string' },
      json: { type: 'string' },
      search: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      'show-truth': { type: 'boolean', default: false },
      sample: { type: 'string' },
    },
  });
  const daysList = listOf(values.days, ['60', '400']).map(Number);
  for (const days of daysList)
    if (!Number.isInteger(days) || days < 56 || days > 3650)
      throw new Error('--days must be whole numbers from 56 to 3650 (the questions name days up to 55)');
  const seeds = listOf(values.seed, ['7', '11']);
  const sets = listOf(values.sets, SET_NAMES) as SetName[];
  for (const set of sets)
    if (!SET_NAMES.includes(set)) throw new Error(`--sets: no set "${set}" (${SET_NAMES.join(', ')})`);
  const forms = values.forms ? new Set(listOf(values.forms, [])) : null;
  const keep = (cases: AnyCase[]) => (forms ? cases.filter((c) => forms.has(c.form)) : cases);
  const maxDays = Math.max(...daysList);

  const runs: SetRun[] = [];
  for (const seed of seeds) {
    // One simulation per seed: a shorter history is the longer one's first days, event for event.
    const all = simulateUpdates(seed, maxDays);
    for (const days of [...daysList].sort((a, b) => a - b)) {
      const updates = days === maxDays ? all : all.filter((u) => u.day <= days);
      const raw = rawOf(updates);
      const bySet: { set: SetName; cases: AnyCase[] }[] = [];
      for (const set of sets) {
        const cases = await casesOf(set, raw, days, seed);
        if (typeof cases === 'string') console.log(`${set} · ${historyName(seed, days)}: skipped (${cases})`);
        else bySet.push({ set, cases: keep(cases) });
      }
      if (values['show-truth']) {
        showTruth(bySet, seed, days, values.sample ? Number(values.sample) : undefined);
        continue;
      }
      const total = bySet.reduce((n, s) => n + s.cases.length, 0);
      const bar =
        process.stderr.isTTY === true && total > 0
          ? new SingleBar(
              {
                format: `${historyName(seed, days)} {set} |{bar}| {value}/{total} · {right} right · ETA {eta_formatted}`,
                hideCursor: true,
                stream: process.stderr,
              },
              Presets.shades_classic,
            )
          : undefined;
      const history = await openHistory(updates, days, values.search);
      bar?.start(total, 0, { set: '', right: 0 });
      let done = 0;
      let right = 0;
      try {
        for (const { set, cases } of bySet) {
          const results = await askAll(history, cases, (r) => {
            done++;
            if (r.failure === null) right++;
            bar?.update(done, { set, right });
          });
          runs.push({ set, seed, days, events: raw.length, results });
        }
      } finally {
        bar?.stop();
        await history.close();
      }
      for (const run of runs.filter((r) => r.seed === seed && r.days === days))
        console.log(reportRun(run, values.verbose));
    }
  }
  if (values['show-truth']) return;
  console.log(summary(runs));
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          mode: 'offline',
          runs: runs.map((r) => ({ ...r, ...tally(r.results) })),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nEvery answer: ${values.json}`);
  }
  const failing = runs.filter((r) => {
    const t = tally(r.results);
    const goal = GOALS[r.set];
    return t.wrong > 0 || (goal !== undefined && t.right / Math.max(1, t.n) < goal);
  });
  if (failing.length > 0) {
    console.log(
      `\nBelow the goals: ${failing.map((r) => `${r.set} (${historyName(r.seed, r.days)})`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

/** Each question with the truth its set computed, without asking the agent. */
function showTruth(bySet: { set: SetName; cases: AnyCase[] }[], seed: string, days: number, sample?: number) {
  for (const { set, cases } of bySet) {
    let shown = cases;
    if (sample !== undefined) {
      // An even spread over the forms: the first few of each.
      const byForm = new Map<string, AnyCase[]>();
      for (const c of cases) byForm.set(c.form, [...(byForm.get(c.form) ?? []), c]);
      const each = Math.max(1, Math.ceil(sample / byForm.size));
      shown = [...byForm.values()].flatMap((list) => list.slice(0, each));
    }
    const forms = new Map<string, number>();
    for (const c of cases) forms.set(c.form, (forms.get(c.form) ?? 0) + 1);
    console.log(`\n## ${set} · ${historyName(seed, days)}: ${cases.length} questions`);
    console.log([...forms].map(([f, n]) => `${f} ${n}`).join(' · '));
    console.log(`typos: ${cases.filter((c) => c.typo !== undefined).length}\n`);
    for (const c of shown) {
      console.log(`[${c.form}] ${c.question}`);
      console.log(`    truth: ${c.truth ?? '(the set states none)'}${c.typo ? `   (typo ${c.typo})` : ''}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * A check of an evaluation set itself, not of the agent: builds histories for two seeds at two
 * lengths, builds the set's cases, and prints each question with what its check expects (read from
 * how the check rejects an empty answer, and whether it takes "yes", "no" or "none"). It fails when
 * a case throws, repeats a question, expects NaN, or passes an empty answer.
 *
 *   node --import tsx eval/check-set.ts --set handwritten|natural|natural-b [--quiet]
 */
import { parseArgs } from 'node:util';
import type { StoredEvent } from '../src/store/store.ts';
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import type { Case, RawEvent } from './checks.ts';

type Build = (events: RawEvent[], today: number) => Case[];

/** Each set's builder, loaded only when asked for (the hand-written file may be absent). */
const SETS: Record<string, () => Promise<Build>> = {
  handwritten: async () => (await import('./handwritten.ts')).buildHandwritten as Build,
  natural: async () => (await import('./natural.ts')).buildNatural,
  'natural-b': async () => (await import('./natural-b.ts')).buildNaturalB,
  'natural-c': async () => (await import('./natural-c.ts')).buildNaturalC,
  'natural-d': async () => (await import('./natural-d.ts')).buildNaturalD,
  'natural-e': async () => (await import('./natural-e.ts')).buildNaturalE,
  'natural-f': async () => (await import('./natural-f.ts')).buildNaturalF,
  'natural-g': async () => (await import('./natural-g.ts')).buildNaturalG,
  'natural-h': async () => (await import('./natural-h.ts')).buildNaturalH,
  'natural-i': async () => (await import('./natural-i.ts')).buildNaturalI,
  'natural-j': async () => (await import('./natural-j.ts')).buildNaturalJ,
  'natural-l': async () => (await import('./natural-l.ts')).buildNaturalL,
  'natural-k': async () => (await import('./natural-k.ts')).buildNaturalK,
  'natural-m': async () => (await import('./natural-m.ts')).buildNaturalM,
  'natural-n': async () => (await import('./natural-n.ts')).buildNaturalN,
  'natural-o': async () => (await import('./natural-o.ts')).buildNaturalO,
};

const { values } = parseArgs({
  options: { set: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
const load = values.set === undefined ? undefined : SETS[values.set];
if (!load) {
  console.error(`--set: one of ${Object.keys(SETS).join(', ')}`);
  process.exit(2);
}
const build = await load();
const none: StoredEvent[] = [];
let problems = 0;

for (const seed of ['7', '11']) {
  for (const days of [60, 400]) {
    const raw: RawEvent[] = [];
    for (const u of simulate({ world: WORLD, seed, days, epochMs: Date.UTC(2026, 0, 1) })) {
      for (const e of u.events) raw.push({ ...e, town: u.town, day: u.day, hour: u.hour });
    }
    const events = JSON.parse(JSON.stringify(raw)) as RawEvent[];
    const today = Math.max(...events.map((e) => e.day));
    const cases = build(events, today);
    const forms = new Map<string, number>();
    const seen = new Set<string>();
    let emptyTruths = 0;
    console.log(`\n=== ${values.set}: seed ${seed}, ${days} days (today ${today}): ${cases.length} cases`);
    for (const c of cases) {
      forms.set(c.form, (forms.get(c.form) ?? 0) + 1);
      if (seen.has(c.question)) {
        problems++;
        console.log(`  REPEATED: ${c.question}`);
      }
      seen.add(c.question);
      const probe = (answer: string) => c.check({ answer, citations: [] }, none);
      const empty = probe('');
      const yes = probe('Yes.') === null;
      const no = probe('No.') === null;
      const saysNone = probe('There was none.') === null;
      if (saysNone) emptyTruths++;
      const expects = yes ? 'yes' : saysNone ? '(none / 0)' : no ? 'no' : (empty ?? '?');
      if (empty === null || /NaN|Infinity|undefined/.test(expects)) {
        problems++;
        console.log(`  BAD [${c.form}] ${c.question} → ${expects}`);
      } else if (!values.quiet) console.log(`  [${c.form}] ${c.question}\n      → ${expects}`);
    }
    console.log(`  forms: ${[...forms].map(([f, n]) => `${f} ${n}`).join(', ')}`);
    console.log(`  cases whose truth is none / 0: ${emptyTruths}`);
  }
}
if (problems > 0) {
  console.error(`\n${problems} problems`);
  process.exit(1);
}

/**
 * Days that remember: each business keeps a short memory of what it brought in, day by day, and a
 * job event that stands out against it says so ("the most fish caught in 12 days", "the first
 * flour milled in 3 days", "the third day running with no metal to work"). Pure and deterministic:
 * the memory lives in the town's state and the words come from the step's seeded Rng.
 */
import { ordinal, say } from './grammar.ts';
import { RECALL_FIELD } from './kinds.ts';
import type { Rng } from './rng.ts';
import type { EventKindDef, MetricDef } from './town.ts';
import type { TownEvent } from './types.ts';

/** How many days a business remembers. */
export const MEMORY_DAYS = 40;
/** A value is worth remarking on when nothing as large came for this many days. */
const RECORD_DAYS = 4;
/** Work that comes back after this many days without is remarked on. */
const RETURN_DAYS = 2;

export interface BusinessMemory {
  /** The remembered days before today, oldest first, and the largest single value of the main output on each. */
  days: readonly number[];
  best: readonly number[];
  /** Today, and its largest value so far: joins the days when the next day begins. */
  today: number;
  todayBest: number;
  /** The first day remembered, and the last day it brought in anything (-1: never). */
  since: number;
  worked: number;
  /** The last day it said it had brought in nothing for days running. */
  toldIdle: number;
}

export type Memory = Record<string, BusinessMemory>;

/** What a recall says; `{label}` is the output's label, `{n}` the days, `{nth}` the ordinal of the day. */
export const MEMORY_WORDS = {
  record: [
    'The most {label} in {n} days.',
    'Better than anything in the past {n} days.',
    'It was the best in {n} days.',
    'The largest in the last {n} days.',
    'A {n}-day high.',
  ],
  returned: [
    'The first {label} in {n} days.',
    'Work again after {n} days without.',
    'At last, after {n} days with none.',
    'The first in {n} days.',
  ],
  idle: [
    'The {nth} day running with no {label}.',
    'That makes {n} days without any {label}.',
    '{n} days now without.',
  ],
} as const;

const mainOutputs = new WeakMap<EventKindDef, MetricDef | null>();

/** The output a business is judged by: its main metric, else its first output. */
export function mainOutputOf(kind: EventKindDef): MetricDef | undefined {
  let known = mainOutputs.get(kind);
  if (known === undefined) {
    const outputs = (kind.metrics ?? []).filter((m) => m.measure === 'output');
    known = outputs.find((m) => m.main) ?? outputs[0] ?? null;
    mainOutputs.set(kind, known);
  }
  return known ?? undefined;
}

/** Whether an event says its business rested by choice (a flag declared `rest`), not that it could not work. */
export function rested(kind: EventKindDef, event: TownEvent): boolean {
  return (kind.flags ?? []).some((f) => f.rest === true && event.data[f.key] === 1);
}

function append(event: TownEvent, recall: string, line: string): void {
  event.text = `${event.text} ${line}`;
  event.data[RECALL_FIELD] = recall;
}

/**
 * Sets each job event of one update against the business's memory, adds what stands out to its
 * text and its `recall` field, and remembers today.
 */
export function remember(
  memory: Memory,
  kinds: ReadonlyMap<string, EventKindDef>,
  day: number,
  events: readonly TownEvent[],
  rng: Rng,
): void {
  for (const event of events) {
    const kind = kinds.get(event.kind);
    const metric = kind && mainOutputOf(kind);
    if (!metric) continue;
    const raw = event.data[metric.key];
    if (typeof raw !== 'number') continue;
    // Shared with the previous state: a business's memory is replaced, never changed in place.
    const m = { ...(memory[event.kind] ?? newMemory(day)) };
    memory[event.kind] = m;
    if (m.today !== day) dayBegins(m, day);
    if (raw > 0) {
      const away = m.worked >= 0 ? day - m.worked : 0;
      if (away >= RETURN_DAYS && m.worked >= 0) {
        append(event, 'return', say(MEMORY_WORDS, 'returned', { label: metric.label, n: away }, rng));
      } else if (!(m.todayBest >= raw)) {
        let larger = m.since;
        for (let i = m.days.length - 1; i >= 0; i--) {
          if ((m.best[i] as number) >= raw) {
            larger = m.days[i] as number;
            break;
          }
        }
        const quiet = day - larger;
        if (quiet >= RECORD_DAYS)
          append(event, 'record', say(MEMORY_WORDS, 'record', { label: metric.label, n: quiet }, rng));
      }
      m.worked = day;
    } else if (rested(kind, event)) {
      // Resting is not a day without work: the streak and the return are judged on working days.
      m.worked = day;
    } else if (m.worked >= 0 && day - m.worked >= RETURN_DAYS && m.toldIdle !== day) {
      const n = day - m.worked;
      append(event, 'streak', say(MEMORY_WORDS, 'idle', { label: metric.label, n, nth: ordinal(n) }, rng));
      m.toldIdle = day;
    }
    m.todayBest = Math.max(m.todayBest, raw);
  }
}

const newMemory = (day: number): BusinessMemory => ({
  days: [],
  best: [],
  today: day,
  todayBest: Number.NEGATIVE_INFINITY,
  since: day,
  worked: -1,
  toldIdle: -1,
});

/** Yesterday's best joins the remembered days (new arrays: the old ones are the previous state's). */
function dayBegins(m: BusinessMemory, day: number): void {
  let from = 0;
  while (from < m.days.length && (m.days[from] as number) <= day - MEMORY_DAYS) from++;
  const days = m.days.slice(from);
  const best = m.best.slice(from);
  if (m.todayBest > Number.NEGATIVE_INFINITY && m.today > day - MEMORY_DAYS) {
    days.push(m.today);
    best.push(m.todayBest);
  }
  m.days = days;
  m.best = best;
  m.today = day;
  m.todayBest = Number.NEGATIVE_INFINITY;
  m.since = Math.max(m.since, day - MEMORY_DAYS);
}

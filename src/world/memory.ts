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
  /** The largest single value of the business's main output on each remembered day, oldest first. */
  best: [day: number, value: number][];
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

/** The output a business is judged by: its main metric, else its first output. */
export function mainOutputOf(kind: EventKindDef): MetricDef | undefined {
  const outputs = (kind.metrics ?? []).filter((m) => m.measure === 'output');
  return outputs.find((m) => m.main) ?? outputs[0];
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
    let m = memory[event.kind];
    if (!m) {
      m = { best: [], since: day, worked: -1, toldIdle: -1 };
      memory[event.kind] = m;
    }
    const values = { label: metric.label };
    if (raw > 0) {
      const away = m.worked >= 0 ? day - m.worked : 0;
      if (away >= RETURN_DAYS && m.worked >= 0) {
        append(event, 'return', say(MEMORY_WORDS, 'returned', { ...values, n: away }, rng));
      } else {
        const larger = findLast(m.best, ([d, v]) => v >= raw && d < day);
        const quiet = day - (larger ? larger[0] : m.since);
        const beatenToday = m.best.at(-1)?.[0] === day && (m.best.at(-1)?.[1] ?? 0) >= raw;
        if (quiet >= RECORD_DAYS && !beatenToday) {
          append(event, 'record', say(MEMORY_WORDS, 'record', { ...values, n: quiet }, rng));
        }
      }
      m.worked = day;
    } else if (rested(kind, event)) {
      // Resting is not a day without work: the streak and the return are judged on working days.
      m.worked = day;
    } else if (m.worked >= 0 && day - m.worked >= RETURN_DAYS && m.toldIdle !== day) {
      const n = day - m.worked;
      append(event, 'streak', say(MEMORY_WORDS, 'idle', { ...values, n, nth: ordinal(n) }, rng));
      m.toldIdle = day;
    }
    const last = m.best.at(-1);
    if (last && last[0] === day) last[1] = Math.max(last[1], raw);
    else m.best.push([day, raw]);
    while (m.best.length > 0 && (m.best[0]?.[0] ?? day) <= day - MEMORY_DAYS) m.best.shift();
    m.since = Math.max(m.since, day - MEMORY_DAYS);
  }
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i];
  return undefined;
}

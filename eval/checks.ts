/**
 * What every evaluation set shares: the history as the simulation wrote it, the shape of a case,
 * and checks that read an answer the way a person would, whatever its wording: does it state this
 * number, name this day, this town, this person? Nothing here reads how the agent works.
 * What a right answer is, for every set: eval/CONVENTIONS.md (read it before writing a case).
 */
import type { StoredEvent } from '../src/store/store.ts';

/** An event as the simulation wrote it, before any store saw it. */
export interface RawEvent {
  town: string;
  day: number;
  hour: number;
  kind: string;
  actor?: string;
  text: string;
  data: Record<string, number | string>;
}

export interface Reply {
  answer: string;
  citations: number[];
  /** The form the planner read the question as ("unknown" when it could not). */
  form?: string;
}

export interface Case {
  form: string;
  question: string;
  /** What the right answer is, in a few words ("1,234 fish (sum over days 53–59)"); shown by the runner. */
  truth?: string;
  /** Null when the reply is right; otherwise what is wrong with it. */
  check(reply: Reply, cited: StoredEvent[]): string | null;
}

/** The towns as people name them. */
export const TOWN_NAMES: Record<string, string> = {
  'port-logic': 'Port Logic',
  patchbourough: 'PatchBourough',
  circuiton: 'Circuiton',
  'den-of-thieves': 'Den of Thieves',
};

export const round = (n: number, d: number) =>
  Math.round((n + Math.sign(n) * Number.EPSILON) * 10 ** d) / 10 ** d;

/** The numbers an answer states, with the decimals each is written with: "1,234.5" is 1234.5 (1). */
export function numbersOf(answer: string): { value: number; decimals: number }[] {
  return [...answer.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => {
    const text = m[0].replace(/,/g, '');
    return { value: Number(text), decimals: text.split('.')[1]?.length ?? 0 };
  });
}

/**
 * The answer states `value`, written with at least `decimals` decimals and rounded correctly at
 * the precision it is written with: 12.345 is stated by "12.3", "12.35" or "12.345" at decimals 1,
 * not by "12" or "12.4".
 */
export function states(answer: string, value: number, decimals: number): string | null {
  const ok = numbersOf(answer).some(
    (n) => n.decimals >= decimals && Math.abs(n.value - round(value, n.decimals)) < 1e-9,
  );
  return ok ? null : `does not state ${round(value, Math.max(decimals, 2))}`;
}

/** The answer names day `day` ("day 12", "Day 12"). */
export function namesDay(answer: string, day: number): string | null {
  return new RegExp(`\\bday ${day}\\b`, 'i').test(answer) ? null : `does not name day ${day}`;
}

/** The answer names the town (by its name as people say it). */
export function namesTown(answer: string, town: string): string | null {
  const name = TOWN_NAMES[town] ?? town;
  return answer.toLowerCase().includes(name.toLowerCase()) ? null : `does not name ${name}`;
}

/** The answer contains these words, in any case. */
export function names(answer: string, words: string): string | null {
  return answer.toLowerCase().includes(words.toLowerCase()) ? null : `does not say "${words}"`;
}

/** The answer does not contain these words, in any case. */
export function omits(answer: string, words: string): string | null {
  return answer.toLowerCase().includes(words.toLowerCase()) ? `says "${words}"` : null;
}

/** The answer says yes (or no) before anything else. */
export function saysYes(answer: string, yes: boolean): string | null {
  const first = answer.trim().toLowerCase();
  const said = /^yes\b/.test(first) ? true : /^no\b/.test(first) ? false : undefined;
  if (said === undefined) return 'does not begin with yes or no';
  return said === yes ? null : `says ${said ? 'yes' : 'no'}`;
}

/** The answer says plainly that it has not happened yet, and quotes no total as its answer. */
export function saysNotYet(answer: string): string | null {
  return /\b(not (happened|come|come yet|happened yet)|has not come|hasn't (come|happened)|not yet|cannot know|can't know|in the future)\b/i.test(
    answer,
  )
    ? null
    : 'does not say it has not happened yet';
}

/** Every cited event passes `test` (and there is at least one). */
export function citesOnly(cited: readonly StoredEvent[], test: (e: StoredEvent) => boolean, what: string) {
  if (cited.length === 0) return `cites no ${what}`;
  const stray = cited.find((e) => !test(e));
  return stray ? `cites event ${stray.id}, which is not one of the ${what}` : null;
}

/** The first failure, or null when every check passed. */
export function all(...results: (string | null)[]): string | null {
  return results.find((r) => r !== null) ?? null;
}

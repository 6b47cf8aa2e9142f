/**
 * A town's words as a small generative grammar, so one job is told in many ways. A rule is a list
 * of options; an option is text in which `#rule#` is replaced by one option of that rule, `{key}`
 * by a value, `{key|noun}` by the value and the noun agreeing with it ("1 net", "3 nets", "1
 * fish", by pluralize's rules), and `{key~noun}` by the agreeing noun alone. Choices are drawn from the seeded Rng handed in, so the same seed
 * tells the same words, byte for byte; the sentence starts with a capital.
 */
import pluralize from 'pluralize';
import type { Rng } from './rng.ts';
import { capitalise } from './text.ts';

export type Grammar = Readonly<Record<string, readonly string[]>>;
export type Values = Readonly<Record<string, string | number>>;

type Part = string | { rule: string } | { key: string; noun?: string; bare?: boolean };
type Compiled = ReadonlyMap<string, readonly (readonly Part[])[]>;

/** `#rule#`, `{key}`, `{key|noun}`, `{key~noun}`: groups rule, key, the sign, the noun. */
export const TOKEN = /#([\w-]+)#|\{(\w+)(?:([|~])([^}]+))?\}/g;

function parse(option: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of option.matchAll(TOKEN)) {
    if (m.index > at) parts.push(option.slice(at, m.index));
    if (m[1] !== undefined) parts.push({ rule: m[1] });
    else if (m[4] === undefined) parts.push({ key: m[2] as string });
    else parts.push({ key: m[2] as string, noun: m[4], bare: m[3] === '~' });
    at = m.index + m[0].length;
  }
  if (at < option.length) parts.push(option.slice(at));
  return parts;
}

const compiled = new WeakMap<Grammar, Compiled>();

function compile(grammar: Grammar): Compiled {
  let known = compiled.get(grammar);
  if (!known) {
    known = new Map(Object.entries(grammar).map(([rule, options]) => [rule, options.map(parse)]));
    compiled.set(grammar, known);
  }
  return known;
}

const MAX_DEPTH = 12;

/** pluralize's answers, asked once a noun: "net" for 1, "nets" for any other number. */
const singular = new Map<string, string>();
const plural = new Map<string, string>();

function agreeing(noun: string, n: number): string {
  const known = n === 1 ? singular : plural;
  let word = known.get(noun);
  if (word === undefined) {
    word = pluralize(noun, n === 1 ? 1 : 2);
    known.set(noun, word);
  }
  return word;
}

function expand(rules: Compiled, rule: string, values: Values, rng: Rng, depth: number): string {
  const options = rules.get(rule);
  if (!options || options.length === 0) throw new Error(`the grammar has no rule "${rule}"`);
  if (depth > MAX_DEPTH) throw new Error(`the grammar's rule "${rule}" nests too deep`);
  const parts = options.length === 1 ? (options[0] as readonly Part[]) : rng.pick(options);
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('rule' in part) out += expand(rules, part.rule, values, rng, depth + 1);
    else {
      const value = values[part.key];
      if (value === undefined) throw new Error(`the grammar's "{${part.key}}" has no value`);
      if (part.noun === undefined) out += String(value);
      else {
        const noun = agreeing(part.noun, Number(value));
        out += part.bare ? noun : `${value} ${noun}`;
      }
    }
  }
  return out;
}

/** One sentence of the grammar, from its rule `start`. */
export function say(grammar: Grammar, start: string, values: Values, rng: Rng): string {
  return capitalise(expand(compile(grammar), start, values, rng, 0));
}

/** The ordinals as words, from "first"; the world says them and questions are read with them. */
export const ORDINAL_WORDS: readonly string[] = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];

/** "second", "third", … for the days of a streak; "13th" past the twelfth. */
export function ordinal(n: number): string {
  const word = ORDINAL_WORDS[n - 1];
  if (word !== undefined && n >= 1) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

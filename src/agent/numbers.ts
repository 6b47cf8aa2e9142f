/** Numbers as questions and answers write them in words: "three days", "the four towns". */

import { ORDINAL_WORDS } from '../world/grammar.ts';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Every word a count is written with, up to ninety-nine. */
export const NUMBER_WORDS: readonly string[] = [...UNITS, ...TEENS, ...TENS.filter(Boolean)];

/** A count in words as a pattern, up to ninety-nine: "three", "twenty-one", "forty two". */
export const NUMBER_WORD = `(?:(?:${TENS.filter(Boolean).join('|')})(?:[- ](?:${UNITS.slice(1).join('|')}))?|${TEENS.join('|')}|${UNITS.join('|')})`;

/** "3", "three" or "twenty-one" as a number ("a" and "an" are one); undefined for anything else. */
export function numberWord(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  if (word === 'a' || word === 'an') return 1;
  const [tens, units] = word.split(/[- ]/);
  const t = TENS.indexOf(tens ?? '');
  if (t >= 2) {
    if (units === undefined) return t * 10;
    const u = UNITS.indexOf(units);
    return u >= 1 ? t * 10 + u : undefined;
  }
  if (units !== undefined) return undefined;
  const teen = TEENS.indexOf(word);
  if (teen >= 0) return 10 + teen;
  const unit = UNITS.indexOf(word);
  return unit >= 0 ? unit : undefined;
}

/** The world's ordinal words, then on to the ninety-ninth ("thirteenth", "twenty-first", "fortieth"). */
const TEENTHS = TEENS.slice(3).map((t) => `${t}th`);
const TENTHS = TENS.map((t) => t.replace(/y$/, 'ieth'));
const ORDINALS: readonly string[] = [
  ...ORDINAL_WORDS,
  ...TEENTHS,
  ...TENS.slice(2).flatMap((tens, i) => [
    TENTHS[i + 2] as string,
    ...ORDINAL_WORDS.slice(0, 9).map((unit) => `${tens} ${unit}`),
  ]),
];

export { ORDINAL_WORDS };

/** An ordinal as a pattern, longest first: "second", "twenty first", "2nd". */
export const ORDINAL = `(${[...ORDINALS].sort((a, b) => b.length - a.length).join('|')}|\\d+(?:st|nd|rd|th))`;

/** "second", "twenty first" or "2nd" as 2 or 21; undefined for anything else. */
export function ordinalWord(word: string): number | undefined {
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (digits) return Number(digits[1]);
  const said = word.replace(/-/g, ' ');
  const twelve = ORDINAL_WORDS.indexOf(said);
  if (twelve >= 0) return twelve + 1;
  const teen = TEENTHS.indexOf(said);
  if (teen >= 0) return 13 + teen;
  const [tens, unit] = said.split(' ');
  const t = TENTHS.indexOf(tens ?? '') >= 2 ? TENTHS.indexOf(tens ?? '') : TENS.indexOf(tens ?? '');
  if (t < 2) return undefined;
  if (unit === undefined) return TENTHS[t] === tens ? t * 10 : undefined;
  const u = ORDINAL_WORDS.indexOf(unit);
  return u >= 0 && u < 9 ? t * 10 + u + 1 : undefined;
}

const SAY = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A count as a word ("four"), or in digits from 13 on. */
export function sayNumber(n: number): string {
  return SAY[n] ?? String(n);
}

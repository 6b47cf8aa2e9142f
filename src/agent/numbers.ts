/** Numbers as questions and answers write them in words: "three days", "the four towns". */

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  twenty: 20,
  thirty: 30,
};

/** "3" or "three" as a number; undefined for anything else. */
export function numberWord(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

const ORDINAL_WORDS = [
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

/** An ordinal as a pattern: "second", "2nd". */
export const ORDINAL = `(${ORDINAL_WORDS.join('|')}|\\d+(?:st|nd|rd|th))`;

/** "second" or "2nd" as 2; undefined for anything else. */
export function ordinalWord(word: string): number | undefined {
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  if (digits) return Number(digits[1]);
  const i = ORDINAL_WORDS.indexOf(word);
  return i < 0 ? undefined : i + 1;
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

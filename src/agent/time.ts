/**
 * Time in a question, relative to the world's current day: "today", "yesterday", "last week",
 * "on day 12", "between day 3 and 9", "the last 3 days". Days are numbered from 1; a week is seven
 * days. "Last week" is the seven whole days before today; "this week" and "the past week" are the
 * seven days ending today.
 */
import { NUMBER_WORD, numberWord, ORDINAL, ordinalWord } from './numbers.ts';

export interface DayRange {
  from: number;
  to: number;
}

export interface ParsedTime {
  range: DayRange;
  /** The words that gave it, as the question put them ("last week"). */
  said: string;
}

const N = `(\\d+|a|an|${NUMBER_WORD})`;

type Rule = [RegExp, (m: RegExpExecArray, today: number) => DayRange];

const RULES: readonly Rule[] = [
  // The future: the planner says it has not come yet.
  [/\bday after tomorrow\b/, (_m, t) => ({ from: t + 2, to: t + 2 })],
  [/\btomorrow\b|\btonight and tomorrow\b/, (_m, t) => ({ from: t + 1, to: t + 1 })],
  [new RegExp(`\\b(?:the )?next ${N} days\\b`), (m, t) => ({ from: t + 1, to: t + count(m[1]) })],
  [/\bnext week\b|\bcoming week\b/, (_m, t) => ({ from: t + 1, to: t + 7 })],
  [/\bnext month\b/, (_m, t) => ({ from: t + 1, to: t + 30 })],
  [/\bnext year\b/, (_m, t) => ({ from: t + 1, to: t + 365 })],
  // "The day before this one", "the seven days before today": before today, not today.
  [/\b(?:on )?the day before (?:this one|today)\b/, (_m, t) => ({ from: t - 1, to: t - 1 })],
  [
    new RegExp(`\\b(?:the )?${N} days (?:before|prior to) (?:today|this one)\\b`),
    (m, t) => ({ from: t - count(m[1]), to: t - 1 }),
  ],
  // "From day thirty-five through day forty-four (inclusive)": the days in words.
  [
    new RegExp(
      `\\b(?:from|between) days? (${NUMBER_WORD}) (?:to|until|till|through|thru|and) (?:day )?(${NUMBER_WORD})\\b`,
    ),
    (m) => span(String(count(m[1])), String(count(m[2]))),
  ],
  [/\bbetween (?:the )?days? (\d+) and (?:the )?(?:day )?(\d+)\b/, (m) => span(m[1], m[2])],
  [/\bfrom days? (\d+) (?:to|until|till|through|thru|and) (?:day )?(\d+)\b/, (m) => span(m[1], m[2])],
  [/\bdays (\d+) ?(?:-|–|to|through|thru|and) ?(\d+)\b/, (m) => span(m[1], m[2])],
  [/\bdays? (\d+) ?\.\.\.? ?(\d+)\b/, (m) => span(m[1], m[2])],
  [/\bday (\d+)(?:\s*[-–]\s*|\s+(?:to|until|till|through|thru)\s+)(?:day )?(\d+)\b/, (m) => span(m[1], m[2])],
  // "From the twenty-eighth day to the thirty-seventh", "between the fifth day and the ninth".
  [
    new RegExp(
      `\\b(?:from|between) (?:the )?${ORDINAL} day (?:to|until|till|through|thru|and) (?:the )?${ORDINAL}(?: day)?\\b`,
    ),
    (m) => span(String(ordinalWord(m[1] ?? '') ?? 1), String(ordinalWord(m[2] ?? '') ?? 1)),
  ],
  [/\bsince day (\d+)\b/, (m, today) => ({ from: Number(m[1]), to: today })],
  [/\bafter day (\d+)\b/, (m, today) => ({ from: Number(m[1]) + 1, to: today })],
  [/\bbefore day (\d+)\b/, (m) => ({ from: 1, to: Number(m[1]) - 1 })],
  [/\b(?:until|till|up to|by) day (\d+)\b/, (m) => ({ from: 1, to: Number(m[1]) })],
  [/\bday (\d+)\b/, (m) => span(m[1], m[1])],
  [/\b(?:week|wk) (\d+)\b/, (m) => weekRange(Number(m[1]))],
  // "Week three", "the second week" (but "the first week" of a span is below).
  [
    /\bweek (one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/,
    (m) => weekRange(count(m[1])),
  ],
  // ("The second week of the story" is the week; "the first week of the month" is not.)
  [
    new RegExp(`\\b(?:the )?${ORDINAL} week\\b(?! of (?!the (?:story|tale|chronicle|record|history)\\b))`),
    (m) => weekRange(ordinalWord(m[1] ?? '') ?? 1),
  ],
  // "The thirteenth day" (not "the first day with rain": that is asked, below).
  [
    new RegExp(`\\bthe (?!first\\b)${ORDINAL} day\\b`),
    (m) => {
      const d = ordinalWord(m[1] ?? '') ?? 1;
      return { from: d, to: d };
    },
  ],
  // The whole history, said outright: "since the very first day", "over the entire history", "all-time".
  [
    /\bsince (?:the )?(?:very )?(?:first day|beginning|start)\b|\b(?:the )?(?:full|entire|whole) (?:history|run|record|time)\b|\ball[- ]time\b|\ball (?:the )?days\b(?!\s+(?:this|last|of|in|since|between|from|over|during|the)\b)|\bsince (?:the )?records? (?:began|begun|started|starts?)\b|\bsince the (?:record|history|world) (?:began|begun|started)\b|\bacross the whole record\b/,
    (_m, t) => ({ from: 1, to: t }),
  ],
  [new RegExp(`\\b(?:the )?first ${N} days\\b`), (m) => ({ from: 1, to: count(m[1]) })],
  [/\b(?:the )?first week\b/, () => ({ from: 1, to: 7 })],
  // "past 30d", "last 7d": an analyst's shorthand.
  [/\b(?:the )?(?:last|past|previous) (\d+) ?d\b/, (m, t) => ({ from: t - Number(m[1]) + 1, to: t })],
  [
    new RegExp(`\\b(?:the )?(?:last|past|previous) ${N} days?\\b`),
    (m, t) => ({ from: t - count(m[1]) + 1, to: t }),
  ],
  [
    new RegExp(`\\b(?:the )?(?:last|past|previous) ${N} weeks\\b`),
    (m, t) => ({ from: t - 7 * count(m[1]) + 1, to: t }),
  ],
  [new RegExp(`\\b${N} days ago\\b`), (m, t) => ({ from: t - count(m[1]), to: t - count(m[1]) })],
  // "These ten days past", "the seven days just gone": the last K days.
  [
    new RegExp(`\\b(?:these|the) ${N} days (?:just )?(?:past|gone|passed)\\b`),
    (m, t) => ({ from: t - count(m[1]) + 1, to: t }),
  ],
  [/\b(?:the )?day just (?:gone|past|passed)\b/, (_m, t) => ({ from: t - 1, to: t - 1 })],
  [/\b(?:the )?week just (?:gone|past|passed)\b/, (_m, t) => ({ from: t - 7, to: t - 1 })],
  [/\b(?:the )?month just (?:gone|past|passed)\b/, (_m, t) => ({ from: t - 30, to: t - 1 })],
  [/\bday before yesterday\b/, (_m, t) => ({ from: t - 2, to: t - 2 })],
  [/\byesterday\b|\blast night\b/, (_m, t) => ({ from: t - 1, to: t - 1 })],
  [
    /\btoday\b|\bthis (?:very )?day\b|\bthe (?:current|present) day\b|\btonight\b(?!'s)|\bthis morning\b|\bright now\b|\bcurrently\b/,
    (_m, t) => ({ from: t, to: t }),
  ],
  // A fortnight is the fourteen days ending today, as "the last 14 days" is.
  [/\b(?:the |a )?(?:last|past|previous|this) fortnight\b/, (_m, t) => ({ from: t - 13, to: t })],
  // "This week or the week before": the seven days before this week's.
  [
    /\b(?:the )?(?:week before|prior week|preceding week)\b(?! last\b)/,
    (_m, t) => ({ from: t - 13, to: t - 7 }),
  ],
  [/\b(?:last|previous) week\b/, (_m, t) => ({ from: t - 7, to: t - 1 })],
  [/\b(?:this|past) week\b|\bin the last week\b/, (_m, t) => ({ from: t - 6, to: t })],
  [/\b(?:last|previous) month\b/, (_m, t) => ({ from: t - 30, to: t - 1 })],
  [/\b(?:this|past) month\b/, (_m, t) => ({ from: t - 29, to: t })],
  [/\b(?:last|previous|past|this) year\b/, (_m, t) => ({ from: t - 364, to: t })],
  // "On the first day" is day 1, where no other time is named ("the first day this month when it
  // rained" asks for a day in the month; "the first day so far with …" for one in the history).
  [
    /\b(?:on (?:the )?|the )first day\b(?!\s*(?::|with|that|when|where|on which|there|it|an?\b|any\b|some\b|of (?:rain|a|any)|so far|ever|overall|on record|recorded|in (?:all|the whole|the history)))/,
    () => ({ from: 1, to: 1 }),
  ],
];

function count(word: string | undefined): number {
  return numberWord(word ?? '') ?? 1;
}

/** Week `w`: days 7(w − 1) + 1 … 7w. */
const weekRange = (w: number): DayRange => ({ from: (w - 1) * 7 + 1, to: w * 7 });

function span(a: string | undefined, b: string | undefined): DayRange {
  const x = Number(a);
  const y = Number(b);
  return { from: Math.min(x, y), to: Math.max(x, y) };
}

/** The day range a question speaks of, or undefined when it names none. */
export function parseTime(text: string, today: number): ParsedTime | undefined {
  for (const [re, toRange] of RULES) {
    const m = re.exec(text);
    if (m) return { range: toRange(m, today), said: m[0] };
  }
  return undefined;
}

/** "day 12" or "days 3–9". */
export function daysPhrase({ from, to }: DayRange): string {
  return from === to ? `day ${from}` : `days ${from}–${to}`;
}

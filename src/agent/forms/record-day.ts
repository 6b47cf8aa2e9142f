/**
 * "Did Circuiton's learning and the harbour's ropes have their best day on the same day?", "Was the
 * Den's record day for sails the same day as the mines' record day for metal?": each number's best
 * day (the most in one day: its daily total, or the daily mean of a reading), and whether the two
 * are one day. Answered yes or no, with both days and their amounts.
 */
import type { AggregateResult } from '../../query/run.ts';
import { amount, possessive } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import {
  combineOf,
  decimalsOf,
  type Form,
  type FormContext,
  rangeOf,
  selectionOf,
  unique,
  whole,
} from './shared.ts';

const BEST_DAY = /\b(best|top|record|biggest|highest|peak|busiest) days?\b/;
const SAME = /\bsame day\b|\bline up\b|\bcoincide\w*|\bfall on\b|\bmatch(es|ed)?\b/;

interface Side {
  metric: Metric;
  town: string | undefined;
}

/** The two numbers, each with the town named on its own side of the question (else its only town). */
function sidesOf(q: Question, ctx: FormContext): [Side, Side] | undefined {
  const [a, b] = q.metrics;
  if (!a || !b || a === b) return undefined;
  const at = b.words.exec(q.text)?.index ?? q.text.length;
  // The side's own words run from the previous number to this one ("Circuiton's learning and the
  // harbour's ropes"): a town said just before a number, or after it, is that number's.
  const aAt = a.words.exec(q.text)?.index ?? 0;
  const cut = q.text.slice(0, at).search(/\b(and|with|as)\b(?![\s\S]*\b(and|with|as)\b)/);
  const split = cut > aAt ? cut : at;
  const townOf = (m: Metric, text: string) =>
    ctx.vocab.townsIn(text).find((t) => m.towns.includes(t)) ??
    q.towns.find((t) => m.towns.includes(t)) ??
    (m.towns.length === 1 ? m.towns[0] : undefined);
  return [
    { metric: a, town: townOf(a, q.text.slice(0, split)) },
    { metric: b, town: townOf(b, q.text.slice(split)) },
  ];
}

export const recordDay: Form = {
  name: 'record day',
  matches: (q, ctx) => BEST_DAY.test(q.text) && SAME.test(q.text) && sidesOf(q, ctx) !== undefined,
  async answer(q, ctx) {
    const sides = sidesOf(q, ctx) as [Side, Side];
    const range = whole(ctx);
    const best = async ({ metric, town }: Side) =>
      (await ctx.tools.query(
        {
          op: 'aggregate',
          select: selectionOf(metric, town ? [town] : [...metric.towns], range),
          per: 'day',
          combine: combineOf(metric),
          aggregate: 'max',
        },
        ctx.today,
      )) as AggregateResult;
    const [ra, rb] = [await best(sides[0]), await best(sides[1])];
    const say = (s: Side, r: AggregateResult) => {
      const where = s.town ? possessive(ctx.vocab.name(s.town)) : 'the';
      const day = r.groups[0]?.at?.day;
      if (r.value === null || day === undefined)
        return `${where} ${s.metric.label}: none on ${daysPhrase(range)}`;
      const value = amount(s.metric, r.value, decimalsOf(s.metric, combineOf(s.metric)));
      return `${where} best day for ${s.metric.label} was day ${day} (${value})`;
    };
    const [dayA, dayB] = [ra.groups[0]?.at?.day, rb.groups[0]?.at?.day];
    const same = dayA !== undefined && dayA === dayB;
    return {
      answer: `${same ? 'Yes' : 'No'}: on ${daysPhrase(range)}, ${say(sides[0], ra)}; ${say(sides[1], rb)}.`,
      citations: unique([...ra.evidence, ...rb.evidence]),
      understood: {
        metric: `${sides[0].metric.key},${sides[1].metric.key}`,
        towns: sides.map((s) => s.town).filter((t): t is string => t !== undefined),
        ...rangeOf(range),
      },
    };
  },
};

/** "On how many days did it rain in Circuiton?": the distinct days something happened on. */

import type { Selection } from '../../query/query.ts';
import type { AggregateResult } from '../../query/run.ts';
import { amount, fmt, list } from '../format.ts';
import type { Question } from '../question.ts';
import { type DayRange, daysPhrase } from '../time.ts';
import { selectionOfHappening } from '../tools.ts';
import type { Metric } from '../vocabulary.ts';
import {
  combineOf,
  decimalsOf,
  type Form,
  type FormContext,
  HOW_MANY_DAYS,
  happeningOf,
  happeningTown,
  measuredBy,
  rangeOf,
  saysEmpty,
  selectionFor,
  thresholdOf,
  townsFor,
  whereOf,
  whole,
} from './shared.ts';
import { fieldsOf, happenedOnly, type Kind, overseasIn, partsOf, shipmentsPhrase } from './shipments.ts';

/** A day something did not happen on. */
const NEGATED = /\b(no|not|never|without|zero|nothing)\b|n't\b/;

/** A threshold any one reading of the day passes, not the day's average. */
const ANY_READING =
  /\b(any|a|an|one|single|some|no)( single)? (\w+ ){0,2}readings?\b|\bwith any \w+ (>|<|over|above|below|under)|\bat least one\b|\b(one time|once) at least\b|\bat least (one time|once)\b|\bat (any|some|one) (time|point|hour|moment)\b|\beven once\b|\b(max|min|highest|lowest|peak)\b\s*\(?\s*(\w+\s*){1,3}\)?\s*(>|<|over|above|below|under|more than|less than)|\bday's (highest|lowest|peak)\b|\b(highest|lowest|peak) (reading|value)\b/;

export const days: Form = {
  name: 'days',
  matches: (q, ctx) =>
    (HOW_MANY_DAYS.test(q.text) &&
      (q.happening !== undefined || q.metrics.length > 0 || shipmentsOf(q, ctx) !== undefined)) ||
    // "Idle mill days last week?", "rain days at the Den?"
    (/^(\w+[- ]){1,3}days\b|^days with(out)?\b/.test(q.core) && q.happening !== undefined) ||
    // "Days so far with over 5.5 tons of ore?"
    (/^days\b/.test(q.core) && q.metrics.length > 0 && thresholdOf(q) !== undefined) ||
    // "Which days had more than 10 mm of rain?"
    (/^(which|what) days\b|\blist the days\b/.test(q.core) &&
      q.metrics.length > 0 &&
      thresholdOf(q) !== undefined),
  async answer(q, ctx) {
    const threshold = thresholdOf(q);
    const measured = threshold ? measuredBy(q, ctx) : undefined;
    if (threshold && measured) return daysOver(q, ctx, measured, threshold);
    const shipped = shipmentsOf(q, ctx);
    if (shipped) return shipmentDays(ctx, shipped);
    const h = happeningOf(q, ctx, { days: true });
    if (!h)
      return {
        answer: 'I cannot tell what should have happened on those days.',
        citations: [],
        understood: {},
      };
    const town = happeningTown(h, q, ctx);
    const range = whole(ctx);
    const select: Selection = selectionOfHappening(h, town, range, ctx.vocab);
    const r = (await ctx.tools.query(
      { op: 'aggregate', select, aggregate: 'days' },
      ctx.today,
    )) as AggregateResult;
    const n = r.value ?? 0;
    const span = range.to - range.from + 1;
    const where = whereOf(ctx, h, town);
    // "How many days did it not rain?", "days with no raids": the days the town reported anything
    // on, less those it happened on.
    // "Raiding but got nothing" is a raid that came back empty, not a day without raids.
    if (NEGATED.test(q.core) && !saysEmpty(q.core)) {
      const towns = town ? [town] : [...h.towns];
      const of = await daysReported(ctx, towns, range);
      const without = Math.max(0, of - n);
      return {
        answer: `On ${fmt(without, 0)} ${without === 1 ? 'day' : 'days'} of the ${fmt(of, 0)} with reports${where} (${daysPhrase(range)}), it did not happen that ${h.phrase}; it did on ${fmt(n, 0)}.`,
        citations: r.evidence,
        understood: { happening: h.name, ...rangeOf(range) },
      };
    }
    return {
      answer:
        n === 0
          ? `On no day: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)} (0 days of ${span}).`
          : `On ${fmt(n, 0)} ${n === 1 ? 'day' : 'days'} of ${span} (${daysPhrase(range)}), ${h.phrase}${where}; ${fmt(r.groups[0]?.n ?? 0, 0)} ${(r.groups[0]?.n ?? 0) === 1 ? 'time' : 'times'} in all.`,
      citations: r.evidence,
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};

/** The days of the range on which the towns (every town, for none) reported anything. */
async function daysReported(ctx: FormContext, towns: readonly string[], range: DayRange): Promise<number> {
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { ...(towns.length ? { towns: [...towns] } : {}), days: range },
      aggregate: 'days',
    },
    ctx.today,
  )) as AggregateResult;
  return r.value ?? 0;
}

/** "How many days did the port buy from overseas?": shipments picked by their fields, not a town's whole trade. */
function shipmentsOf(
  q: Question,
  ctx: FormContext,
): { kind: Kind; fields: Record<string, string[]>; negated: boolean } | undefined {
  if (!HOW_MANY_DAYS.test(q.text) && !/^days with(out)?\b/.test(q.core)) return undefined;
  const p = partsOf(q, ctx);
  if (!p) return undefined;
  const fields = fieldsOf(p, ctx);
  // A happening the question names is counted by it, unless the shipments go overseas, which no
  // town's own happening says; so is a day without one ("no shipment arrived").
  const negated = NEGATED.test(q.core);
  if ((q.happening || negated) && !overseasIn(fields)) return undefined;
  return Object.keys(fields).length > 0 ? { kind: p.kind, fields, negated } : undefined;
}

async function shipmentDays(
  ctx: FormContext,
  { kind, fields, negated }: NonNullable<ReturnType<typeof shipmentsOf>>,
) {
  const range = whole(ctx);
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { kinds: [kind], fields, days: { from: range.from, to: range.to }, ...happenedOnly(kind) },
      aggregate: 'days',
    },
    ctx.today,
  )) as AggregateResult;
  const n = r.value ?? 0;
  const times = r.groups[0]?.n ?? 0;
  const span = range.to - range.from + 1;
  const what = shipmentsPhrase(kind, fields, ctx);
  if (negated) {
    // The days the towns of the shipments reported anything on, less those with one.
    const towns = [...new Set(Object.values(fields).flat())].filter((t) => ctx.vocab.ids.includes(t));
    const of = await daysReported(ctx, towns, range);
    const without = Math.max(0, of - n);
    return {
      answer: `On ${fmt(without, 0)} ${without === 1 ? 'day' : 'days'} of the ${fmt(of, 0)} with reports (${daysPhrase(range)}) there was no ${what}; there was on ${fmt(n, 0)}.`,
      citations: r.evidence,
      understood: rangeOf(range),
    };
  }
  return {
    answer:
      n === 0
        ? `On no day: the history holds no ${what} on ${daysPhrase(range)} (0 days of ${span}).`
        : `On ${fmt(n, 0)} ${n === 1 ? 'day' : 'days'} of ${span} (${daysPhrase(range)}): ${what}, ${fmt(times, 0)} ${times === 1 ? 'time' : 'times'} in all.`,
    citations: r.evidence,
    understood: rangeOf(range),
  };
}

/**
 * "On how many days did the port catch more than 1,000 fish?": the days whose total (the day's mean,
 * for a reading, but rain's sum) passes the number the question holds.
 */
async function daysOver(
  q: Question,
  ctx: FormContext,
  m: Metric,
  threshold: NonNullable<ReturnType<typeof thresholdOf>>,
) {
  const range = whole(ctx);
  const { towns, refused } = townsFor(m, q, ctx);
  if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
  // "Any reading over 66%", "at least one reading above 18 °C": the day's highest (or lowest)
  // reading passes, not its average.
  const anyReading = m.sensor && ANY_READING.test(q.text);
  const combine = anyReading ? (threshold.above ? 'max' : 'min') : combineOf(m);
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: selectionFor(q, ctx, m, towns, range),
      per: 'all',
      combine,
      aggregate: 'sum',
      group: 'day',
      order: 'key',
    },
    ctx.today,
  )) as AggregateResult;
  const passes = (v: number) =>
    threshold.above
      ? threshold.strict
        ? v > threshold.value
        : v >= threshold.value
      : threshold.strict
        ? v < threshold.value
        : v <= threshold.value;
  const hits = r.groups.filter((g) => g.value !== null && passes(g.value) !== threshold.negated);
  const what = `${combine === 'mean' ? `the day's average ${m.label}` : anyReading ? `${threshold.negated ? 'no' : 'a'} reading of ${m.label}` : `the day's ${m.label}`} was ${threshold.negated && !anyReading ? 'not ' : ''}${threshold.above ? (threshold.strict ? 'more than' : 'at least') : threshold.strict ? 'less than' : 'at most'} ${amount(m, threshold.value, Math.max(decimalsOf(m, combine), (String(threshold.value).split('.')[1] ?? '').length))}`;
  const where = towns.length === 1 ? ` in ${ctx.vocab.name(towns[0] as string)}` : '';
  const shown = hits
    .slice(0, 30)
    .map((g) => `day ${g.key} (${amount(m, g.value as number, decimalsOf(m, combine))})`);
  return {
    answer:
      hits.length === 0
        ? `None: on no day of ${daysPhrase(range)}${where} ${what} (0 days of ${r.groups.length} with reports).`
        : `On ${hits.length} ${hits.length === 1 ? 'day' : 'days'} of ${daysPhrase(range)}${where} ${what}: ${list(shown)}${hits.length > shown.length ? ` and ${hits.length - shown.length} more` : ''}.`,
    citations: hits.flatMap((g) => g.evidence).slice(0, 200),
    understood: { metric: m.key, towns, ...rangeOf(range) },
  };
}

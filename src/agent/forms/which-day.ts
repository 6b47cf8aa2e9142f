/**
 * "Which day was the most ore mined?", "the hottest day", "when was the biggest single catch?",
 * "the first day with rain in week 4": the day that holds a number's extreme (of a day's total, a
 * day's mean, or one event), or the first or last day something happened.
 */
import type { AggregateResult } from '../../query/run.ts';
import { amount, list } from '../format.ts';
import { type Question, untimed } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import {
  AND_WHAT_DAY,
  combineOf,
  decimalsOf,
  FIRST_HAPPENING,
  type Form,
  type FormContext,
  HOW_MANY_DAYS,
  happeningOf,
  happeningTown,
  labelled,
  measuredBy,
  namesOneEvent,
  ONE_EVENT,
  RANKED_DAY,
  rangeOf,
  ranksOneEvent,
  selectionFor,
  timesByDay,
  townsFor,
  WHEN_MOST,
  whereOf,
  whole,
} from './shared.ts';
import { shipmentFilterOf } from './shipments.ts';
import { unknown } from './unknown.ts';

/** "The worst day for the mine": a town's day, measured by its main product. */
function mainOfBestDay(q: Question, ctx: FormContext): Metric | undefined {
  if (
    q.towns.length !== 1 ||
    !/\b(best|worst|busiest|quietest|slowest|poorest|biggest|top|record|(most|least) productive)\b|\b(do|did|does|make|made|produce[ds]?|work(ed)?|bring in|brought in) (the )?(most|least)\b/.test(
      q.text,
    )
  )
    return undefined;
  return ctx.vocab.mainOf(q.towns[0] as string);
}

/** One reading named ("the instruments read", "a gust"), where no day is ranked ("the wettest day"). */
function readingNamed(q: Question, ctx: FormContext, m: Metric): boolean {
  const nouns = ctx.vocab.world.kindsByName.get(m.kind ?? '')?.one;
  return (
    nouns?.test(q.text) === true &&
    !/\b(daily|day's|average|mean)\b|\b(\w+est|most|least) (\w+ )?day\b/.test(q.text)
  );
}

const FIRST_OR_LAST =
  /\b(first|last|latest|earliest|most recent) day\b|\b(was it|it was) (first|last)\b|\bfor the (first|last) time\b|\b(which|what) day (did|was|were) (the|a|an) (first|last|latest|earliest)\b/;

export const whichDay: Form = {
  name: 'which day',
  matches: (q, ctx) =>
    // "The costliest robbery — how big was it, and when?": the day of the extreme, with its value.
    (q.superlative !== undefined &&
      /\b(and|,)\s*when\b|\bwhen (was|is|did) (it|that)\b|\bwhen\s*$/.test(q.text) &&
      measuredBy(q, ctx) !== undefined) ||
    // "First shipment arrived at the harbour last week": the day of the first one.
    (FIRST_HAPPENING.test(q.core) && q.happening !== undefined) ||
    /^day of (the most|the least)\b/.test(q.core) ||
    // "How many days were there on which the day's average…": days counted.
    (!HOW_MANY_DAYS.test(q.text) &&
      (/\b(which|what) (was the )?(\w+ ){0,2}(day|date)\b(?<!\b(per|a|each) (day|date))|\bon which (day|date)\b|\bwhen was the (?!latest\b|earliest\b|most recent\b)(\w+est|worst|most|least)\b|\bwhich was the (\w+ )+?day\b|\bat (its|their) (peak|highest|lowest|best|worst)\b|\b(of|out of) (all )?the days\b[^?]*\bwhich\b|\b(name|tell me|give me|show me|need|want|find) the day\b|\bthe day on which\b|\bthe day\b[^?]*\b(on which|when)\b[^?]*\b(most|least|fewest|\w+est)\b|^when did\b[^?]*\b(its|their|the) (best|worst|biggest|busiest|slowest|quietest|most \w+|least \w+|\w+est) (day|night)\b/.test(
        q.text,
      ) ||
        WHEN_MOST.test(q.text)) &&
      (q.metrics.length > 0 ||
        ((AND_WHAT_DAY.test(q.text) || /\bwhen was the\b/.test(q.text)) &&
          measuredBy(q, ctx) !== undefined) ||
        countedDaily(q) !== undefined ||
        mainOfBestDay(q, ctx) !== undefined)) ||
    // "On the hottest day last month, what was the average, and when was it?", "day with the highest average".
    (RANKED_DAY.test(q.text) &&
      /\bwhen\b|\b(which|what) day\b|\bon which\b|\bday\s*\+|^day with\b|\bon the day when\b|\bwhat was (that|the|its)\b/.test(
        q.text,
      ) &&
      (q.metrics.length > 0 || mainOfBestDay(q, ctx) !== undefined)) ||
    (FIRST_OR_LAST.test(untimed(q)) &&
      (/\b(which|what)\b/.test(q.text) ||
        /^(the )?(first|last|latest|earliest|most recent) day\b/.test(q.core)) &&
      (q.happening !== undefined || q.metrics.length > 0)),
  async answer(q, ctx) {
    if (FIRST_OR_LAST.test(untimed(q)) || (FIRST_HAPPENING.test(q.core) && q.happening !== undefined))
      return firstOrLast(q, ctx);
    const counted = countedDaily(q);
    if (counted) return mostTimes(q, ctx, counted);
    const m = measuredBy(q, ctx) ?? mainOfBestDay(q, ctx);
    if (!m) return unknown.answer(q, ctx);
    const { towns, refused } = townsFor(m, q, ctx);
    if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
    const town = towns.length === 1 ? towns[0] : undefined;
    const range = whole(ctx);
    const fn = q.superlative === 'min' || q.aggregate === 'min' ? 'min' : 'max';
    // "The lowest tide, and on what day?": one reading (or one haul), and the day it was on.
    // "Day of argmax value_gold over trade events": one event; "argmax day of SUM(…) group by day": a day.
    const argmaxOfEvents =
      /\barg(max|min)\b/i.test(q.raw) && !/\bsum\b|\bgroup by day\b|\bdaily\b|\bper day\b/i.test(q.raw);
    const single =
      argmaxOfEvents ||
      (!RANKED_DAY.test(q.text) &&
        !/\b(daily|day's) (mean|average|total)\b/.test(q.text) &&
        (ONE_EVENT.test(q.text) ||
          ranksOneEvent(q, ctx) ||
          // "The lowest the tide ebbed — what did the instruments read?": one reading.
          (m.sensor && readingNamed(q, ctx, m)) ||
          // "When was the richest raid?" (but "when was the hottest day?" ranks days).
          ((AND_WHAT_DAY.test(q.text) || (/\bwhen was the\b/.test(q.text) && !/\bdays?\b/.test(q.text))) &&
            (m.sensor || namesOneEvent(q, ctx)))));
    const combine = combineOf(m);
    const select = selectionFor(q, ctx, m, town ? [town] : towns, range);
    const label = labelled(m, select).label;
    const r = (await ctx.tools.query(
      {
        op: 'aggregate',
        select,
        per: single ? 'event' : 'day',
        combine,
        aggregate: fn,
      },
      ctx.today,
    )) as AggregateResult;
    const where = town ? ` in ${ctx.vocab.name(town)}` : '';
    const top = r.groups[0];
    // A most of 0 is none at all; a least of 0 is a day's total like any other.
    if (!top || r.value === null || (r.value === 0 && !m.sensor && fn === 'max'))
      return {
        answer: `No ${label}${where} on ${daysPhrase(range)}: every day's total was 0.`,
        citations: [],
        understood: { metric: m.key },
      };
    const what = single
      ? m.sensor
        ? `The ${fn === 'max' ? 'highest' : 'lowest'} single ${label} reading`
        : `The ${fn === 'max' ? 'largest' : 'smallest'} single report of ${label}`
      : combine === 'mean'
        ? `The ${fn === 'max' ? 'highest' : 'lowest'} daily average ${label}`
        : `The ${fn === 'max' ? 'most' : 'least'} ${label} in a day`;
    const value = amount(m, r.value, single ? m.decimals : decimalsOf(m, combine));
    return {
      answer: `${what}${where} on ${daysPhrase(range)} came on day ${top.at?.day}: ${value}.`,
      citations: r.evidence,
      understood: { metric: m.key, towns: town ? [town] : [], ...rangeOf(range) },
    };
  },
};

/** "Which day saw the most raids?": a happening counted day by day, where no number is named. */
const countedDaily = (q: Question) =>
  q.metrics.length === 0 &&
  q.superlative !== undefined &&
  // "The most raids", "the fewest storms": how often; "the richest raid", "the best day", one's size.
  /\b(most|fewest|least)\b/.test(q.text) &&
  !/\b(richest|costliest|priciest|biggest|largest|smallest|best|worst|top|single|one)\b/.test(q.text)
    ? q.happening
    : undefined;

async function mostTimes(q: Question, ctx: FormContext, named: NonNullable<Question['happening']>) {
  const h = happeningOf(q, ctx) ?? named;
  const town = happeningTown(h, q, ctx);
  const range = whole(ctx);
  const filter = shipmentFilterOf(q, ctx, h);
  const r = await timesByDay(ctx, h, town, range, 0, filter?.fields);
  const where = whereOf(ctx, h, town) + (filter?.said ?? '');
  const counts = new Map(r.groups.map((g) => [g.key as number, g.value ?? 0]));
  // The fewest may be none at all: every day of the range counts, those without it as 0.
  const days = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const most = q.superlative === 'max';
  const best = most ? Math.max(0, ...counts.values()) : Math.min(...days.map((d) => counts.get(d) ?? 0));
  const at = days.filter((d) => (counts.get(d) ?? 0) === best);
  if (most && best === 0)
    return {
      answer: `On no day of ${daysPhrase(range)}: the history holds no record that ${h.phrase}${where}.`,
      citations: [],
      understood: { happening: h.name, ...rangeOf(range) },
    };
  const shown = at.slice(0, 10).map((d) => `day ${d}`);
  const cited = at.slice(0, 3);
  const citations: number[] = [];
  if (best > 0)
    for (const d of cited)
      citations.push(
        ...((await timesByDay(ctx, h, town, { from: d, to: d }, undefined, filter?.fields)).groups[0]
          ?.evidence ?? []),
      );
  return {
    answer: `On ${list([...shown, ...(at.length > shown.length ? [`${at.length - shown.length} more days`] : [])])}, ${h.phrase}${where} ${best} ${best === 1 ? 'time' : 'times'}${at.length > 1 ? ' each' : ''}: the ${most ? 'most' : 'fewest'} in a day on ${daysPhrase(range)}.`,
    citations,
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

/** "The first day with rain in week 4": the earliest (or latest) day something happened. */
async function firstOrLast(q: Question, ctx: FormContext) {
  const h = happeningOf(q, ctx);
  const range = whole(ctx);
  if (!h) return { answer: 'I cannot tell what should have happened.', citations: [], understood: {} };
  const town = happeningTown(h, q, ctx);
  const filter = shipmentFilterOf(q, ctx, h);
  // The days alone first; then the events of the one day the answer names.
  const r = await timesByDay(ctx, h, town, range, 0, filter?.fields);
  // "The last" in the question itself, not in its time ("in the last 30 days").
  const first = !/\b(last|latest|most recent)\b/.test(q.core);
  const day = first ? r.groups[0] : r.groups.at(-1);
  const where = whereOf(ctx, h, town) + (filter?.said ?? '');
  if (!day)
    return {
      answer: `None: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)}.`,
      citations: [],
      understood: { happening: h.name, ...rangeOf(range) },
    };
  return {
    answer: `The ${first ? 'first' : 'last'} day on ${daysPhrase(range)} that ${h.phrase}${where} was day ${day.key} (${day.value} ${day.value === 1 ? 'time' : 'times'} that day; ${r.groups.length} ${r.groups.length === 1 ? 'day' : 'days'} in all).`,
    citations:
      (
        await timesByDay(
          ctx,
          h,
          town,
          { from: day.key as number, to: day.key as number },
          undefined,
          filter?.fields,
        )
      ).groups[0]?.evidence ?? [],
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

/**
 * "The largest single haul", "the richest raid", "the best single day for fish": the most (or
 * least) of a number in one event or in one day, with the event or day that holds it.
 */
import type { AggregateResult } from '../../query/run.ts';
import { amount, capitalise } from '../format.ts';
import { daysPhrase } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import {
  combineOf,
  decimalsOf,
  type Form,
  labelled,
  line,
  measuredBy as metricOf,
  namesOneEvent,
  ONE_EVENT,
  rangeOf,
  selectionFor,
  townsFor,
  whole,
  withoutWhenClause,
} from './shared.ts';
import { asksWhichPerson } from './who.ts';

/** One day: a day's total. */
const ONE_DAY =
  /\bdaily\b|\b(?!latest\b|earliest\b)\w+est day\b|\b(\w+iest|highest|lowest|biggest|largest|greatest|best|worst|strongest|weakest|warmest|hottest|coldest|coolest|wettest|driest|smallest|fewest|leanest|richest|poorest|busiest|heaviest|lightest|calmest|slowest) \w+ day\b|\b(most|least) \w+ day\b|\b(single|one|a) day\b|\b(best|worst|biggest|largest|busiest|slowest|record|quietest|poorest|richest|top|peak) day\b|\bin a day\b|\bper day\b|\bin (24|twenty[- ]four) hours\b|\bthe day with the\b|\b(of|out of) (all )?the days\b|\b(best|worst|biggest|busiest|slowest|quietest|record) night\b/;

export const extreme: Form = {
  name: 'extreme',
  matches: (q, ctx) =>
    metricOf(q, ctx) !== undefined &&
    (q.superlative !== undefined || q.aggregate === 'max' || q.aggregate === 'min') &&
    !/\b(which|what) (town|day)\b|\bwhen\b/.test(withoutWhenClause(q.text)) &&
    !/^(who|whose)\b/.test(q.core) &&
    !asksWhichPerson(q, ctx.vocab.world) &&
    (ONE_DAY.test(q.text) || ONE_EVENT.test(q.text) || namesOneEvent(q, ctx)),
  async answer(q, ctx) {
    const m = metricOf(q, ctx) as Metric;
    const { towns, refused } = townsFor(m, q, ctx);
    if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
    const range = whole(ctx);
    const perDay = ONE_DAY.test(q.text);
    const fn = (q.aggregate === 'max' || q.aggregate === 'min' ? q.aggregate : q.superlative) as
      | 'max'
      | 'min';
    const combine = /\bdaily (means?|averages?)\b/.test(q.text)
      ? 'mean'
      : /\bdaily (totals?|sums?)\b/.test(q.text)
        ? 'sum'
        : combineOf(m);
    const select = selectionFor(q, ctx, m, towns, range);
    const label = labelled(m, select).label;
    const r = (await ctx.tools.query(
      {
        op: 'aggregate',
        select: { ...select, ...(q.actor ? { actors: [q.actor] } : {}) },
        per: perDay ? 'day' : 'event',
        combine,
        aggregate: fn,
      },
      ctx.today,
    )) as AggregateResult;
    const where = towns.length === 1 ? ` in ${ctx.vocab.name(towns[0] as string)}` : '';
    const group = r.groups[0];
    if (r.value === null || !group)
      return {
        answer: `No ${label}${where} was recorded on ${daysPhrase(range)}.`,
        citations: [],
        understood: { metric: m.key, ...rangeOf(range) },
      };
    const most = fn === 'max' ? 'most' : 'least';
    if (perDay) {
      const decimals = decimalsOf(m, combine);
      return {
        answer: `${combine === 'mean' ? `The ${fn === 'max' ? 'highest' : 'lowest'} daily average ${label}` : `The ${most} ${label}`}${where} in one day, on ${daysPhrase(range)}, was ${amount(m, r.value, decimals)}, on day ${group.at?.day}.`,
        citations: r.evidence,
        understood: { metric: m.key, towns, ...rangeOf(range) },
      };
    }
    const [event] = await ctx.tools.events(r.evidence.slice(0, 1));
    return {
      answer: `${capitalise(fn === 'max' ? 'the largest' : 'the smallest')} single report of ${label}${where} on ${daysPhrase(range)} was ${amount(m, r.value)}: ${event ? line(ctx, event, towns.length !== 1) : `event ${group.at?.event}`}`,
      citations: r.evidence,
      understood: { metric: m.key, towns, ...rangeOf(range) },
    };
  },
};

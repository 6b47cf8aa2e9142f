/** "Which day was the most ore mined?": the days ranked by a number's day total (or day mean). */
import { amount, list } from '../format.ts';
import { daysPhrase } from '../time.ts';
import type { Aggregate, Metric } from '../vocabulary.ts';
import { type Form, rangeOf, townsFor, unique, whole } from './shared.ts';

export const whichDay: Form = {
  name: 'which day',
  matches: (q) =>
    /\b(which|what) day\b|\bon which day\b|\bwhen was the (biggest|largest|best|highest|lowest|worst|smallest)\b/.test(
      q.text,
    ) && q.metrics.length > 0,
  async answer(q, ctx) {
    const m = q.metrics[0] as Metric;
    const { towns, refused } = townsFor(m, q, ctx);
    if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
    const town = towns.length === 1 ? towns[0] : undefined;
    const range = whole(ctx);
    const fn: Aggregate = m.natural === 'mean' ? 'mean' : 'sum';
    const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, town, range, groupBy: 'day' });
    const groups = [...(r.groups ?? [])];
    if (q.superlative === 'min') groups.reverse();
    const top = groups[0];
    const where = town ? ` in ${ctx.vocab.name(town)}` : '';
    if (!top || (top.value === 0 && !m.sensor))
      return {
        answer: `No ${m.label}${where} on ${daysPhrase(range)}: every day's total was 0.`,
        citations: [],
        understood: { metric: m.key },
      };
    const decimals = fn === 'mean' ? m.decimals + 1 : m.decimals;
    const ties = groups.filter((g) => g.value === top.value);
    return {
      answer: `${q.superlative === 'min' ? 'The least' : 'The most'} ${fn === 'mean' ? `average ${m.label}` : m.label}${where} on ${daysPhrase(range)} came on ${ties.length > 5 ? `${ties.length} days, the first day ${ties[0]?.key}` : list(ties.map((g) => `day ${g.key}`))}: ${amount(m, top.value, decimals)}.`,
      citations: unique(ties.flatMap((g) => g.citations)),
      understood: { metric: m.key, towns: town ? [town] : [], ...rangeOf(range) },
    };
  },
};

/** "Compare the rain here with the ore mined there": each side's number over the same days, and the difference. */
import { WEATHER_METRICS } from '../../world/kinds.ts';
import { amount } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { roundTo } from '../tools.ts';
import type { Metric } from '../vocabulary.ts';
import { aggregateFor, describeAggregate, type Form, rangeOf, unique, valueText, whole } from './shared.ts';
import { unknown } from './unknown.ts';

export const compare: Form = {
  name: 'compare',
  matches: (q) =>
    /\bcompare\b|\bcompared?\b|\bversus\b|\bvs\.?\b|\bdifference between\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.towns.length >= 2),
  async answer(q, ctx) {
    const range = whole(ctx);
    const pairs: { m: Metric; town: string }[] = [];
    if (q.metrics.length >= 2) {
      q.metrics.forEach((m, i) => {
        const named = q.towns[i];
        const town = named && m.towns.includes(named) ? named : (m.towns[0] as string);
        pairs.push({ m, town });
      });
    } else {
      // Two towns and no number: compare the first weather reading every town takes.
      const m = q.metrics[0] ?? ctx.vocab.metric(WEATHER_METRICS[0]?.key ?? '');
      if (!m) return unknown.answer(q, ctx);
      const towns = (q.towns.length >= 2 ? q.towns : m.towns).filter((t) => m.towns.includes(t));
      for (const town of towns) pairs.push({ m, town });
    }
    const parts: string[] = [];
    const citations: number[] = [];
    const values: number[] = [];
    for (const { m, town } of pairs) {
      const fn = aggregateFor(m, q);
      const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, town, range });
      citations.push(...r.citations);
      values.push(r.value ?? 0);
      parts.push(`${ctx.vocab.name(town)}, ${describeAggregate(m, fn)}: ${valueText(m, r)}`);
    }
    const [a, b] = pairs;
    let verdict = '';
    if (pairs.length === 2 && a && b && a.m === b.m && values[0] !== values[1]) {
      const fn = aggregateFor(a.m, q);
      const decimals = fn === 'mean' ? a.m.decimals + 1 : a.m.decimals;
      const diff = roundTo(Math.abs((values[0] ?? 0) - (values[1] ?? 0)), decimals);
      const higher = (values[0] ?? 0) > (values[1] ?? 0) ? a.town : b.town;
      verdict = ` ${ctx.vocab.name(higher)} is higher by ${amount(a.m, diff, decimals)}.`;
    }
    return {
      answer: `On ${daysPhrase(range)}: ${parts.join('; ')}.${verdict}`,
      citations: unique(citations),
      understood: {
        towns: pairs.map((x) => x.town),
        metric: pairs.map((x) => x.m.key).join(','),
        ...rangeOf(range),
      },
    };
  },
};

/** "On how many days did it rain in Circuiton?": the distinct days something happened on. */

import type { Selection } from '../../query/query.ts';
import type { AggregateResult } from '../../query/run.ts';
import { fmt } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { selectionOfHappening } from '../tools.ts';
import { type Form, happeningOf, happeningTown, rangeOf, whereOf, whole } from './shared.ts';

export const days: Form = {
  name: 'days',
  matches: (q) =>
    /\bhow (many|may|mnay|mny) (\w+ )?days?\b(?! (of|in) the week)|\bnumber of days\b|\bhow often\b.*\bdays\b/.test(
      q.text,
    ) &&
    (q.happening !== undefined || q.metrics.length > 0),
  async answer(q, ctx) {
    const h = happeningOf(q, ctx);
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
    return {
      answer:
        n === 0
          ? `On no day: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)} (0 days of ${span}).`
          : `On ${fmt(n, 0)} ${n === 1 ? 'day' : 'days'} of ${span} (${daysPhrase(range)}), ${h.phrase}${where}; ${fmt(r.groups[0]?.n ?? 0, 0)} times in all.`,
      citations: r.evidence,
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};

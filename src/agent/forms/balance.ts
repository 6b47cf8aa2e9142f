/**
 * "Did the harbour earn more from its sales overseas than it spent on its purchases?", "sales minus
 * purchases": a town's trade with overseas both ways, in gold, and what is left of one over the other.
 */
import type { Selection } from '../../query/query.ts';
import type { AggregateResult } from '../../query/run.ts';
import { fmt } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { BOUGHT, type Form, rangeOf, SOLD, unique, whole } from './shared.ts';
import { happenedOnly, OVERSEAS } from './shipments.ts';

/** The one town the question names that trades overseas, if it names one. */
const townOf = (q: { towns: string[] }, raiders: readonly string[]) => {
  const towns = q.towns.filter((t) => !raiders.includes(t));
  return towns.length === 1 ? towns[0] : undefined;
};

export const balance: Form = {
  name: 'balance',
  // (Not "the days when it sold overseas and bought from overseas": the same-day form's.)
  matches: (q, ctx) =>
    /\boverseas\b/.test(q.text) &&
    !/\b(days?|dates?)\b|\bhow many\b|\bcrates?\b/.test(q.core) &&
    ((SOLD.test(q.text) && (BOUGHT.test(q.text) || /\bpa(y|id|ys|ying) (out|them|for)\b/.test(q.text))) ||
      // "Did the port make or lose gold trading overseas?", "its net from overseas trade".
      (/\btrad(e|es|ed|ing)\b/.test(q.text) &&
        /\b(make|made|earn\w*|gain\w*|win|won) or lose\b|\bprofit\w*|\bnet\b|\bbalance\b|\bsurplus or deficit\b/.test(
          q.text,
        ))) &&
    townOf(q, ctx.vocab.raiders) !== undefined,
  async answer(q, ctx) {
    const town = townOf(q, ctx.vocab.raiders) as string;
    const range = whole(ctx);
    const gold = async (fields: Record<string, string[]>) =>
      (await ctx.tools.query(
        {
          op: 'aggregate',
          select: {
            kinds: ['trade'],
            fields,
            metric: 'value_gold',
            days: { from: range.from, to: range.to },
            ...(happenedOnly('trade') as Pick<Selection, 'where'>),
          },
          aggregate: 'sum',
        },
        ctx.today,
      )) as AggregateResult;
    const [sold, bought] = await Promise.all([
      gold({ from: [town], to: [OVERSEAS] }),
      gold({ from: [OVERSEAS], to: [town] }),
    ]);
    const [s, b] = [sold.value ?? 0, bought.value ?? 0];
    const n = (r: AggregateResult) => r.groups[0]?.n ?? 0;
    const left =
      s === b
        ? 'it earned as much as it spent'
        : s > b
          ? `it earned ${fmt(s - b, 0)} gold more than it spent`
          : `it spent ${fmt(b - s, 0)} gold more than it earned`;
    return {
      answer: `${ctx.vocab.name(town)}, ${daysPhrase(range)}: sales to overseas ${fmt(s, 0)} gold (${n(sold)} trades), purchases from overseas ${fmt(b, 0)} gold (${n(bought)} trades); ${left}.`,
      citations: unique([...sold.evidence, ...bought.evidence]).slice(0, 200),
      understood: { metric: 'value_gold', towns: [town], ...rangeOf(range) },
    };
  },
};

/** "Which town had the most rain last week?": the towns ranked by a number or by a happening. */
import { amount, times } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Aggregate, Happening, Metric } from '../vocabulary.ts';
import { type Form, type FormContext, happeningOf, rangeOf, today, unique, whole } from './shared.ts';

export const whichTown: Form = {
  name: 'which town',
  matches: (q) =>
    /\bwhich (town|place)\b|\bwhere (was|did|were|is)\b|\bwhat town\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined),
  async answer(q, ctx) {
    const m = q.metrics[0];
    return m ? byMetric(q, ctx, m) : byHappening(q, ctx, happeningOf(q, ctx) as Happening);
  },
};

async function byHappening(q: Question, ctx: FormContext, h: Happening) {
  const range = whole(ctx);
  const direction = q.superlative ?? 'max';
  const rows: { town: string; n: number; ids: number[] }[] = [];
  // A happening of some towns (a raid) is not looked for in the others.
  for (const town of ctx.vocab.ids.filter((t) => h.towns.includes(t))) {
    const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 100_000 });
    rows.push({ town, n: found.count, ids: found.citations });
  }
  rows.sort((a, b) => (direction === 'max' ? b.n - a.n : a.n - b.n));
  const top = rows[0];
  const name = (t: string) => ctx.vocab.name(t);
  return {
    answer: top
      ? `${name(top.town)}: ${h.phrase} there ${times(top.n)} on ${daysPhrase(range)}. ${rows
          .slice(1)
          .map((r) => `${name(r.town)}: ${times(r.n)}`)
          .join(', ')}.`
      : 'No town has a record of that.',
    citations: unique(rows.flatMap((r) => r.ids)),
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

async function byMetric(q: Question, ctx: FormContext, m: Metric) {
  const range = m.sensor ? today(ctx) : whole(ctx);
  const direction = q.superlative ?? 'max';
  const fn: Aggregate = m.natural === 'mean' ? 'mean' : 'sum';
  const towns = q.towns.length >= 2 ? q.towns.filter((t) => m.towns.includes(t)) : [...m.towns];
  const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, range, groupBy: 'town' });
  const groups = (r.groups ?? []).filter((g) => towns.includes(g.key));
  if (direction === 'min') groups.reverse();
  const [top, ...others] = groups;
  if (!top || (fn === 'sum' && groups.every((g) => g.value === 0)))
    return {
      answer: `No town had any ${m.label} on ${daysPhrase(range)}${top ? `: ${amount(m, 0)} everywhere` : ''}.`,
      citations: [],
      understood: { metric: m.key, ...rangeOf(range) },
    };
  const decimals = fn === 'mean' ? m.decimals + 1 : m.decimals;
  const what =
    fn === 'mean'
      ? `the ${direction === 'max' ? 'highest' : 'lowest'} average ${m.label}`
      : `the ${direction === 'max' ? 'most' : 'least'} ${m.label}`;
  const name = (t: string) => ctx.vocab.name(t);
  const answer = `${name(top.key)} had ${what} on ${daysPhrase(range)}: ${amount(m, top.value, decimals)}.${
    others.length
      ? ` Then ${others.map((g) => `${name(g.key)} ${amount(m, g.value, decimals)}`).join(', ')}.`
      : ''
  }`;
  return {
    answer,
    citations: unique(groups.flatMap((g) => g.citations)),
    understood: { metric: m.key, towns: groups.map((g) => g.key), ...rangeOf(range) },
  };
}

/** "Did the mine flood yesterday?": yes with the times it happened, or no with the last time before. */
import type { AggregateResult } from '../../query/run.ts';
import { amount, fmt, times } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import { actor } from './actor.ts';
import {
  decimalsOf,
  type Form,
  type FormContext,
  happeningOf,
  happeningTown,
  line,
  ONE_EVENT,
  rangeOf,
  selectionFor,
  thresholdOf,
  townsFor,
  WHETHER,
  whereOf,
  whole,
} from './shared.ts';
import { shipmentFilterOf } from './shipments.ts';

/** One event of the kind asked: "any raid", "a single haul", "one reading". */
const ANY_ONE =
  /\b(any|a single|one) (\w+ )?(raid|haul|catch|shift|trip|sale|shipment|reading|report|batch|delivery|robbery)\b/;

export const did: Form = {
  name: 'did',
  matches: (q) =>
    // "More than 850 lbs of flour in PatchBourough on day 12?": whether, tersely.
    (WHETHER.test(q.core) ||
      /\byes or no\b/.test(q.text) ||
      /^(more|less|fewer|over|under|above|below|at least|at most) (than )?-?\d/.test(q.core)) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.actor !== undefined),
  async answer(q, ctx) {
    const threshold = thresholdOf(q);
    if (threshold && q.metrics[0]) return againstThreshold(q, ctx, q.metrics[0], threshold);
    const h = happeningOf(q, ctx);
    if (!h) return actor.answer(q, ctx);
    const town = happeningTown(h, q, ctx);
    const range = whole(ctx);
    // "Did the port buy anything from an overseas ship?": the trade from overseas, not all its trade.
    const filter = shipmentFilterOf(q, ctx, h);
    const fields = filter ? { fields: filter.fields } : {};
    const where = whereOf(ctx, h, town) + (filter?.said ?? '');
    const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 5, ...fields });
    if (found.count > 0) {
      const more =
        found.count > found.events.length ? ` (and ${found.count - found.events.length} more)` : '';
      return {
        answer: `Yes: ${h.phrase}${where} ${times(found.count)} on ${daysPhrase(range)}. ${found.events.map((e) => line(ctx, e, !town)).join(' · ')}${more}`,
        citations: found.citations,
        understood: { happening: h.name, ...rangeOf(range) },
      };
    }
    const before = await ctx.tools.occurrences({
      happening: h,
      town,
      range: { from: 1, to: range.from - 1 },
      newestFirst: true,
      limit: 1,
      ...fields,
    });
    const last = before.events[0];
    return {
      answer: `No: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)}.${last ? ` The last time before was ${line(ctx, last, !town)}` : ''}`,
      citations: before.citations,
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};

/** "Did the rain add up to more than 34 mm in week 5?": the total (or average) against the number. */
async function againstThreshold(
  q: Question,
  ctx: FormContext,
  m: Metric,
  t: { above: boolean; strict: boolean; value: number },
) {
  const { towns, refused } = townsFor(m, q, ctx);
  if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
  const range = whole(ctx);
  // "Did any raid bring in more than 400 gold?", "any single reading": one event past the figure.
  if (ANY_ONE.test(q.text) || ONE_EVENT.test(q.text)) {
    const op = t.above ? (t.strict ? '>' : '>=') : t.strict ? '<' : '<=';
    const select = {
      ...selectionFor(q, ctx, m, towns, range),
      where: [{ key: m.key, op, value: t.value } as const],
    };
    const r = (await ctx.tools.query(
      { op: 'aggregate', select, per: 'event', aggregate: t.above ? 'max' : 'min' },
      ctx.today,
    )) as AggregateResult;
    const n = r.groups[0]?.n ?? 0;
    const where = towns.length === 1 ? ` in ${ctx.vocab.name(towns[0] as string)}` : '';
    return {
      answer:
        n > 0 && r.value !== null
          ? `Yes: ${n} single ${n === 1 ? 'report' : 'reports'} of ${m.label}${where} on ${daysPhrase(range)} ${n === 1 ? 'was' : 'were'} ${t.above ? 'more' : 'less'} than ${fmt(t.value, 4)}; the ${t.above ? 'largest' : 'smallest'} was ${amount(m, r.value, m.decimals)}.`
          : `No: no single report of ${m.label}${where} on ${daysPhrase(range)} was ${t.above ? 'more' : 'less'} than ${fmt(t.value, 4)}.`,
      citations: r.evidence.slice(0, 20),
      understood: { metric: m.key, towns, ...rangeOf(range) },
    };
  }
  const mean =
    /\baverage|\bmean\b|\bon average\b/.test(q.text) ||
    (m.natural === 'mean' && !/\badd(ed)? up|\btotal/.test(q.text));
  const combine = mean ? 'mean' : 'sum';
  const r = (await ctx.tools.query(
    { op: 'aggregate', select: selectionFor(q, ctx, m, towns, range), combine, aggregate: 'sum' },
    ctx.today,
  )) as AggregateResult;
  const value = r.value ?? 0;
  const holds = t.above
    ? t.strict
      ? value > t.value
      : value >= t.value
    : t.strict
      ? value < t.value
      : value <= t.value;
  const decimals = decimalsOf(m, combine);
  const where = towns.length === 1 ? ` in ${ctx.vocab.name(towns[0] as string)}` : '';
  const what = mean ? `the average ${m.label}` : `the ${m.label}`;
  return {
    answer: `${holds ? 'Yes' : 'No'}: ${what}${where} on ${daysPhrase(range)} was ${amount(m, value, decimals)}, ${value === t.value ? 'exactly' : value > t.value ? 'more than' : 'less than'} ${fmt(t.value, 4)}.`,
    citations: r.evidence,
    understood: { metric: m.key, towns, ...rangeOf(range) },
  };
}

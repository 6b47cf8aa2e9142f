/**
 * "Was it colder in week 4 or week 5?", "Rainier in the Den or the port on day 9?": two selections
 * of one number, compared; the answer names the winner and gives both values.
 */
import type { AggregateResult, CompareResult } from '../../query/run.ts';
import { amount, capitalise } from '../format.ts';
import { daysPhrase, parseTime } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import { combineOf, decimalsOf, type Form, type FormContext, rangeOf, selectionOf, whole } from './shared.ts';

/** Words that ask for the smaller of the two. */
const SMALLER = /\b(colder|cooler|chillier|less|fewer|drier|lower|smaller|calmer|weaker|worse|poorer)\b/;

interface Side {
  towns: string[];
  range: { from: number; to: number };
  said: string;
}

function sidesOf(text: string, ctx: FormContext): [Side, Side] | undefined {
  const at = text.lastIndexOf(' or ');
  if (at < 0) return undefined;
  const [left, right] = [text.slice(0, at), text.slice(at + 4)];
  const towns = [ctx.vocab.townsIn(left), ctx.vocab.townsIn(right)];
  const times = [parseTime(left, ctx.today), parseTime(right, ctx.today)];
  const fallback = whole(ctx);
  // Two towns on the same days, or one town's two times.
  if ((towns[0]?.length ?? 0) > 0 && (towns[1]?.length ?? 0) > 0) {
    const range = times[1]?.range ?? times[0]?.range ?? fallback;
    const a = towns[0]?.at(-1) as string;
    const b = towns[1]?.[0] as string;
    if (a === b) return undefined;
    return [
      { towns: [a], range, said: ctx.vocab.name(a) },
      { towns: [b], range, said: ctx.vocab.name(b) },
    ];
  }
  if (times[0] && times[1]) {
    const shared = [...(towns[0] ?? []), ...(towns[1] ?? [])];
    return [
      { towns: shared, range: times[0].range, said: times[0].said },
      { towns: shared, range: times[1].range, said: times[1].said },
    ];
  }
  return undefined;
}

export const either: Form = {
  name: 'either',
  matches: (q, ctx) => q.metrics.length > 0 && / or /.test(q.text) && sidesOf(q.text, ctx) !== undefined,
  async answer(q, ctx) {
    const m = q.metrics[0] as Metric;
    const [a, b] = sidesOf(q.text, ctx) as [Side, Side];
    const sideTowns = (s: Side) =>
      s.towns.length ? s.towns.filter((t) => m.towns.includes(t)) : [...m.towns];
    const combine = q.aggregate === 'max' || q.aggregate === 'min' ? q.aggregate : combineOf(m);
    const side = (s: Side) => ({
      select: selectionOf(m, sideTowns(s), s.range),
      combine,
      aggregate: 'sum' as const,
    });
    const r = (await ctx.tools.query({ op: 'compare', a: side(a), b: side(b) }, ctx.today)) as CompareResult;
    const decimals = decimalsOf(m, combine);
    const say = (x: AggregateResult) =>
      x.value === null ? 'nothing recorded' : amount(m, x.value, decimals);
    const what =
      combine === 'mean'
        ? `the average ${m.label}`
        : combine === 'max'
          ? `the highest ${m.label}`
          : combine === 'min'
            ? `the lowest ${m.label}`
            : m.label;
    const where = (s: Side) => (s.said.match(/^(day|week|days)\b/) ? s.said : s.said);
    const understood = {
      metric: m.key,
      towns: [...new Set([...sideTowns(a), ...sideTowns(b)])],
      ...rangeOf(a.range),
    };
    if (r.larger === null)
      return {
        answer: `${capitalise(what)} was not recorded for both: ${where(a)}: ${say(r.a)}; ${where(b)}: ${say(r.b)}.`,
        citations: r.evidence,
        understood,
      };
    if (r.larger === 'equal')
      return {
        answer: `The same for both: ${what} was ${say(r.a)} ${describe(a)} and ${describe(b)}.`,
        citations: r.evidence,
        understood,
      };
    const smaller = SMALLER.test(q.text);
    const winner = (r.larger === 'a') !== smaller ? 'a' : 'b';
    const [w, l] = winner === 'a' ? [a, b] : [b, a];
    const [wr, lr] = winner === 'a' ? [r.a, r.b] : [r.b, r.a];
    const diff = Math.abs((r.difference as number) || 0);
    return {
      answer: `${capitalise(describe(w))}: ${what} was ${say(wr)}, against ${say(lr)} ${describe(l)} (a difference of ${amount(m, diff, decimals)}).`,
      citations: r.evidence,
      understood,
    };
  },
};

/** "in week 4", "in Port Logic on days 3–9". */
function describe(s: Side): string {
  if (/^(day|days|week|yesterday|today|last|this|the)\b/.test(s.said))
    return `${/^(day|days|week)\b/.test(s.said) ? 'in ' : ''}${s.said}`.replace(/^in day/, 'on day');
  return `in ${s.said} (${daysPhrase(s.range)})`;
}

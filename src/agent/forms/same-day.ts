/**
 * "Which days had both a robbery of the farms' shipments and rain in Circuiton?": the days on
 * which each of two happenings, each in its own town, happened. Each side is read on its own.
 */
import type { Selection } from '../../query/query.ts';
import type { AggregateResult } from '../../query/run.ts';
import { list } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { selectionOfHappening } from '../tools.ts';
import type { Happening, Vocabulary } from '../vocabulary.ts';
import { happeningOfMetric } from '../vocabulary.ts';
import { type Form, type FormContext, rangeOf, whole } from './shared.ts';

/** Words that ask for a big day rather than a happening: the older "both" form answers those. */
const BIG_DAY = /\b(surplus(es)?|record|large|big|bumper|good|great|high|most)\b/;

interface Side {
  text: string;
  happening: Happening;
  town: string | undefined;
}

function sidesOf(core: string, ctx: FormContext): [Side, Side] | undefined {
  const text = core.replace(
    /\b(happen(ed)?|occur(red)?) on the same day\b|\bon the same day\b|\bboth\b/g,
    ' ',
  );
  const at = Math.max(text.lastIndexOf(' as well as '), text.lastIndexOf(' and '));
  if (at < 0) return undefined;
  const cut = text.startsWith(' as well as ', at) ? 12 : 5;
  const parts = [text.slice(0, at), text.slice(at + cut)];
  const sides = parts.map((part): Side | undefined => {
    const happening =
      ctx.vocab.happeningIn(part) ??
      (ctx.vocab.metricsIn(part)[0] ? happeningOfMetric(ctx.vocab.metricsIn(part)[0] as never) : undefined);
    if (!happening) return undefined;
    const towns = ctx.vocab.townsIn(part);
    const robbery = happening === ctx.vocab.robbery;
    const town = robbery
      ? towns.find((t) => !ctx.vocab.raiders.includes(t))
      : (towns.find((t) => happening.towns.includes(t)) ?? happening.town);
    return { text: part, happening, town };
  });
  if (!sides[0] || !sides[1]) return undefined;
  return [sides[0], sides[1]];
}

const selectionOf = (side: Side, range: { from: number; to: number }, vocab: Vocabulary): Selection =>
  selectionOfHappening(side.happening, side.town, range, vocab);

export const sameDay: Form = {
  name: 'same day',
  matches: (q, ctx) =>
    /\bboth\b|\bsame day\b|\bas well as\b/.test(q.text) &&
    !BIG_DAY.test(q.text) &&
    sidesOf(q.core, ctx) !== undefined,
  async answer(q, ctx) {
    const [a, b] = sidesOf(q.core, ctx) as [Side, Side];
    const range = whole(ctx);
    const daysOf = async (side: Side) =>
      (await ctx.tools.query(
        {
          op: 'aggregate',
          select: selectionOf(side, range, ctx.vocab),
          per: 'event',
          aggregate: 'count',
          group: 'day',
          order: 'key',
        },
        ctx.today,
      )) as AggregateResult;
    const [ra, rb] = await Promise.all([daysOf(a), daysOf(b)]);
    const bDays = new Set(rb.groups.map((g) => g.key));
    const shared = ra.groups.map((g) => g.key as number).filter((d) => bDays.has(d));
    const sharedSet = new Set(shared);
    const say = (s: Side) => `${s.happening.phrase}${s.town ? ` in ${ctx.vocab.name(s.town)}` : ''}`;
    const counted = `(${say(a)} on ${ra.groups.length} ${ra.groups.length === 1 ? 'day' : 'days'}; ${say(b)} on ${rb.groups.length})`;
    const citations = [...ra.groups, ...rb.groups]
      .filter((g) => sharedSet.has(g.key as number))
      .flatMap((g) => g.evidence);
    return {
      answer: shared.length
        ? `On ${shared.length} ${shared.length === 1 ? 'day' : 'days'} of ${daysPhrase(range)} both happened: ${list(shared.map((d) => `day ${d}`))} ${counted}.`
        : `On no day of ${daysPhrase(range)} did both happen ${counted}.`,
      citations: [...new Set(citations)].sort((x, y) => x - y),
      understood: { towns: [a.town, b.town].filter((t): t is string => !!t), ...rangeOf(range) },
    };
  },
};

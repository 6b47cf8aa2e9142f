/**
 * "Which days had both a robbery of the farms' shipments and rain in Circuiton?": the days on
 * which each of two happenings, each in its own town, happened. Each side is read on its own.
 */
import { list } from '../format.ts';
import { daysPhrase } from '../time.ts';
import type { Happening } from '../vocabulary.ts';
import { happeningOfMetric } from '../vocabulary.ts';
import { type Form, type FormContext, rangeOf, timesByDay, WHETHER, whole } from './shared.ts';

/** Words that ask for a big day rather than a happening: the "both" form answers a side of those
 * that names no declared happening ("a record catch"; but "a big catch" is the fine-haul flag). */
const BIG_DAY = /\b(surplus(es)?|record|large|big|bumper|good|great|high|most)\b/;

interface Side {
  text: string;
  happening: Happening;
  town: string | undefined;
}

function sidesOf(core: string, ctx: FormContext): [Side, Side] | undefined {
  const text = core.replace(
    /\b(happen(ed)?|occur(red)?|fall|fell) on the same day\b|\bon the same day\b|\bboth\b|\bat once\b|\btogether\b/g,
    ' ',
  );
  const at = Math.max(text.lastIndexOf(' as well as '), text.lastIndexOf(' and '));
  if (at < 0) return undefined;
  const cut = text.startsWith(' as well as ', at) ? 12 : 5;
  const parts = [text.slice(0, at), text.slice(at + cut)];
  const sides = parts.map((part): Side | undefined => {
    const declared = ctx.vocab.happeningIn(part);
    if (!declared && BIG_DAY.test(part)) return undefined;
    // A number's own happening where it has one ("wet weather": it rained), else any report of it.
    const metric = ctx.vocab.metricsIn(part)[0];
    const happening =
      declared ??
      (metric
        ? (ctx.vocab.happenings.find((h) => h.metric === metric.key && !h.flag) ?? happeningOfMetric(metric))
        : undefined);
    if (!happening) return undefined;
    const towns = ctx.vocab.townsIn(part);
    // "A raid on the farms' shipments" is the farms' robbery.
    if (ctx.vocab.isRaid(happening) && ctx.vocab.robbery && towns.some((t) => !ctx.vocab.raiders.includes(t)))
      return {
        text: part,
        happening: ctx.vocab.robbery,
        town: towns.find((t) => !ctx.vocab.raiders.includes(t)),
      };
    const robbery = happening === ctx.vocab.robbery;
    const town = robbery
      ? towns.find((t) => !ctx.vocab.raiders.includes(t))
      : (towns.find((t) => happening.towns.includes(t)) ?? happening.town);
    return { text: part, happening, town };
  });
  if (!sides[0] || !sides[1]) return undefined;
  return [sides[0], sides[1]];
}

export const sameDay: Form = {
  name: 'same day',
  matches: (q, ctx) =>
    /\bboth\b|\bsame day\b|\bas well as\b|\bat once\b|\btogether\b|\band also\b/.test(q.text) &&
    sidesOf(q.core, ctx) !== undefined,
  async answer(q, ctx) {
    const [a, b] = sidesOf(q.core, ctx) as [Side, Side];
    const range = whole(ctx);
    const daysOf = (side: Side) => timesByDay(ctx, side.happening, side.town, range);
    const [ra, rb] = await Promise.all([daysOf(a), daysOf(b)]);
    const bDays = new Set(rb.groups.map((g) => g.key));
    const shared = ra.groups.map((g) => g.key as number).filter((d) => bDays.has(d));
    const sharedSet = new Set(shared);
    const say = (s: Side) => `${s.happening.phrase}${s.town ? ` in ${ctx.vocab.name(s.town)}` : ''}`;
    const counted = `(${say(a)} on ${ra.groups.length} ${ra.groups.length === 1 ? 'day' : 'days'}; ${say(b)} on ${rb.groups.length})`;
    const citations = [...ra.groups, ...rb.groups]
      .filter((g) => sharedSet.has(g.key as number))
      .flatMap((g) => g.evidence);
    const verdict = WHETHER.test(q.core) ? (shared.length ? 'Yes: ' : 'No: ') : '';
    return {
      answer: shared.length
        ? `${verdict}On ${shared.length} ${shared.length === 1 ? 'day' : 'days'} of ${daysPhrase(range)} both happened: ${list(shared.map((d) => `day ${d}`))} ${counted}.`
        : `${verdict || 'None: '}on no day of ${daysPhrase(range)} did both happen, 0 days ${counted}.`,
      citations: [...new Set(citations)].sort((x, y) => x - y),
      understood: { towns: [a.town, b.town].filter((t): t is string => !!t), ...rangeOf(range) },
    };
  },
};

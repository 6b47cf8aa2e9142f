/**
 * "Which days had both a robbery of the farms' shipments and rain in Circuiton?", "Name the days
 * last week when it rained at the port and, on that same day, the mill made no flour": the days on
 * which each of two things happened (or did not), each in its own town. The question is cut where
 * its two sides join, and each side is read on its own.
 */

import type { AggregateResult as QueryAggregate } from '../../query/run.ts';
import { list } from '../format.ts';
import type { Question } from '../question.ts';
import type { DayRange } from '../time.ts';
import { daysPhrase } from '../time.ts';
import { selectionOfHappening } from '../tools.ts';
import type { Happening } from '../vocabulary.ts';
import { happeningOfMetric } from '../vocabulary.ts';
import {
  emptied,
  type Form,
  type FormContext,
  RUNNING_RECORD,
  rangeOf,
  saysEmpty,
  timesByDay,
  WHETHER,
  whole,
} from './shared.ts';
import { fieldsOf, OVERSEAS, partsOf } from './shipments.ts';

/** Words that ask for a big day rather than a happening: the "both" form answers a side of those
 * that names no declared happening ("a record catch"; but "a big catch" is the fine-haul flag). */
const BIG_DAY = /\b(surplus(es)?|record|large|big|bumper|good|great|high|most)\b/;

/** Words that say two things fell on one day. */
const SAME_DAY =
  /\bboth\b|\bsame day\b|\bas well as\b|\bat once\b|\btogether\b|\band also\b|\bcoincid\w*|\bat the same time\b/;

/** A question that asks for the days themselves: "which days", "list every day on which", "the dates". */
const ASKS_DAYS =
  /\b(which|what) (days|dates)\b|\b(list|name|give|show|tell)\b[^?]*\b(days|dates)\b|\bevery day\b[^?]*\b(on which|when)\b|\bthe (days|dates) (on which|when)\b|\bon which days\b|\bhow many days\b|(^|: )days (when|where|on which|with)\b|\b(was|were|is|are) there (a|any) (single )?days?( \w+){0,6} (when|where|on which)\b|^any (single )?days? (with|when|where|on which)\b|^(list|show|give) (me )?(the |every |each )?days? (with|when|where|on which)\b/;

/** The shared days whose events an answer cites. */
const CITED_DAYS = 20;

/** Where the two sides join, the likeliest first; a plain "and" last, tried at each place. */
const JOINS = [
  /,?\s*and,?\s*on (?:that|the) same day,?\s*/,
  /\s+coincid\w* with\s+/,
  /\s+together with\s+/,
  /\s+as well as\s+/,
  /\s+at the same time as\s+/,
  /\s+and also\s+/,
  /\s+while\s+/,
  /\s*[+&]\s*/,
];

/** Words around the sides that say nothing of either. */
const FRAME =
  /\b(happen(ed)?|occur(red)?|fall|fell) on the same day\b|\bon the same day\b|\bboth\b|\bat once\b|\btogether\b|\byes or no\b/g;

/** A day something did not happen on. */
const NEGATED = /\b(no|not|never|without|zero|nothing)\b|n't\b/;

interface Side {
  text: string;
  happening: Happening;
  town: string | undefined;
  /** The days it did not happen on, of those the town reported. */
  negated: boolean;
  /** A shipment's own parts: "a sale overseas from Port Logic" is a trade to overseas. */
  fields?: Record<string, string[]>;
}

/** A side as written: what happened, or only a town ("… at the port and at the farms"). */
type Read = { side: Omit<Side, 'town'>; towns: string[] } | { towns: string[] } | undefined;

function readSide(part: string, ctx: FormContext): Read {
  const { vocab } = ctx;
  const towns = vocab.townsIn(part);
  const declared = vocab.happeningIn(part);
  if (!declared && BIG_DAY.test(part)) return undefined;
  // A number's own happening where it has one ("wet weather": it rained), else any report of it.
  const metric = vocab.metricsIn(part)[0];
  let happening =
    declared ??
    (metric
      ? (vocab.happenings.find((h) => h.metric === metric.key && !h.flag) ?? happeningOfMetric(metric))
      : undefined);
  if (!happening) return towns.length ? { towns } : undefined;
  // Only the parts a town's own side does not already give: overseas, and goods named as such.
  const parts = SHIPMENT_KINDS.has(happening.kind ?? '') ? partsOf({ text: part }, ctx) : undefined;
  const overseas = parts && [...parts.from, ...parts.to].includes(OVERSEAS);
  const goods = parts?.goods.filter((g) => new RegExp(`\\b(of|with) (\\w+ )?${g}\\b`).test(part)) ?? [];
  const fields =
    parts && overseas ? fieldsOf({ ...parts, goods }, ctx) : goods.length ? { goods } : undefined;
  const extra = fields ? { fields } : {};
  // "A raid on the farms' shipments" is the farms' robbery.
  if (vocab.isRaid(happening) && vocab.robbery && towns.some((t) => !vocab.raiders.includes(t)))
    happening = vocab.robbery;
  // "The pirates went raiding but got nothing": the raid that came back empty, not no raid.
  if (saysEmpty(part) && emptied(happening) !== happening)
    return { side: { text: part, happening: emptied(happening), negated: false, ...extra }, towns };
  return { side: { text: part, happening, negated: NEGATED.test(part), ...extra }, towns };
}

/** The side's town: the one it names that the happening can be in, else the happening's own. */
function townOf(side: Omit<Side, 'town'>, towns: readonly string[], ctx: FormContext, q: Question) {
  const h = side.happening;
  if (h === ctx.vocab.robbery) return towns.find((t) => !ctx.vocab.raiders.includes(t));
  const named = towns.find((t) => h.towns.includes(t));
  if (named) return named;
  if (h.town) return h.town;
  // A side that names no town takes the question's only town ("it rained and the mine flooded in Circuiton").
  const only = q.towns.filter((t) => h.towns.includes(t));
  return only.length === 1 ? only[0] : undefined;
}

function sidesAt(left: string, right: string, q: Question, ctx: FormContext): [Side, Side] | undefined {
  const a = readSide(left, ctx);
  const b = readSide(right, ctx);
  if (!a || !b || (!('side' in a) && !('side' in b))) return undefined;
  // A side of a town only is the other side's happening there.
  const sa = 'side' in a ? a.side : (b as { side: Omit<Side, 'town'> }).side;
  const sb = 'side' in b ? b.side : sa;
  const ta = townOf(sa, a.towns, ctx, q);
  const tb = townOf(sb, b.towns, ctx, q);
  if (
    sa.happening === sb.happening &&
    ta === tb &&
    sa.negated === sb.negated &&
    JSON.stringify(sa.fields) === JSON.stringify(sb.fields)
  )
    return undefined;
  return [
    { ...sa, town: ta },
    { ...sb, town: tb },
  ];
}

function sidesOf(q: Question, ctx: FormContext): [Side, Side] | undefined {
  const text = q.core;
  const at = (m: RegExpExecArray | RegExpMatchArray) =>
    sidesAt(
      text.slice(0, m.index).replace(FRAME, ' '),
      text.slice((m.index as number) + m[0].length).replace(FRAME, ' '),
      q,
      ctx,
    );
  for (const join of JOINS) {
    const m = join.exec(text);
    if (m) return at(m);
  }
  // A plain "and": the last place where both sides read as something that happened.
  for (const m of [...text.matchAll(/\s+and\s+/g)].reverse()) {
    const sides = at(m);
    if (sides) return sides;
  }
  return undefined;
}

/** The kinds whose events are shipments, with their from, to and goods. */
const SHIPMENT_KINDS = new Set(['trade', 'arrival', 'loss', 'raid']);

/** The days a side held, each with the events behind it, the shipment's own parts applied. */
async function sideGroups(side: Side, range: DayRange, ctx: FormContext, cite?: number) {
  if (!side.fields) return (await timesByDay(ctx, side.happening, side.town, range, cite)).groups;
  const select = selectionOfHappening(side.happening, side.town, range, ctx.vocab);
  // The parts name the towns: a sale "from Port Logic" is any trade event whose `from` is it.
  const { towns: _towns, ...rest } = select;
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { ...rest, fields: side.fields },
      per: 'event',
      aggregate: 'count',
      group: 'day',
      order: 'key',
      ...(cite === undefined ? {} : { cite }),
    },
    ctx.today,
  )) as QueryAggregate;
  return r.groups;
}

export const sameDay: Form = {
  name: 'same day',
  // A new record on each side is a number's running high (the "both" form), not a happening.
  matches: (q, ctx) =>
    (SAME_DAY.test(q.text) || ASKS_DAYS.test(q.text) || ASKS_DAYS.test(q.core)) &&
    !RUNNING_RECORD.test(q.text) &&
    sidesOf(q, ctx) !== undefined,
  async answer(q, ctx) {
    const [a, b] = sidesOf(q, ctx) as [Side, Side];
    const range = whole(ctx);
    const reported = async (town: string | undefined) =>
      (
        (await ctx.tools.query(
          {
            op: 'aggregate',
            select: { ...(town ? { towns: [town] } : {}), days: range },
            aggregate: 'count',
            group: 'day',
            order: 'key',
          },
          ctx.today,
        )) as QueryAggregate
      ).groups;
    // The days first, without their events (twenty years of rainy days are thousands of them).
    const daysOf = async (side: Side) => {
      const on = (await sideGroups(side, range, ctx, 0)).map((g) => g.key as number);
      if (!side.negated) return { days: on };
      // "The mill made no flour": the days the town reported anything on, less those it did.
      const did = new Set(on);
      const days = (await reported(side.town ?? side.happening.town))
        .map((g) => g.key as number)
        .filter((d) => !did.has(d));
      return { days };
    };
    const [ra, rb] = await Promise.all([daysOf(a), daysOf(b)]);
    const bDays = new Set(rb.days);
    const shared = ra.days.filter((d) => bDays.has(d));
    const say = (s: Side) => {
      const what = s.happening.phrase;
      const parts = Object.entries(s.fields ?? {}).map(
        ([k, v]) =>
          `${k} ${v.map((t) => (ctx.vocab.towns.some((x) => x.id === t) ? ctx.vocab.name(t) : t)).join(' or ')}`,
      );
      return `${s.negated ? `not (${what})` : what}${s.town ? ` in ${ctx.vocab.name(s.town)}` : ''}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    };
    const count = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
    const counted = `(${say(a)} on ${count(ra.days.length)}; ${say(b)} on ${count(rb.days.length)})`;
    // Then the events of the first shared days, which the answer cites.
    const cited = shared.slice(0, CITED_DAYS);
    const citedSet = new Set(cited);
    const citations: number[] = [];
    if (cited.length)
      for (const side of [a, b].filter((s) => !s.negated)) {
        const span = { from: cited[0] as number, to: cited.at(-1) as number };
        const groups = await sideGroups(side, span, ctx);
        citations.push(...groups.filter((g) => citedSet.has(g.key as number)).flatMap((g) => g.evidence));
      }
    const verdict = WHETHER.test(q.core) ? (shared.length ? 'Yes: ' : 'No: ') : '';
    return {
      answer: shared.length
        ? `${verdict}${verdict ? 'on' : 'On'} ${count(shared.length)} of ${daysPhrase(range)} both happened: ${list(shared.map((d) => `day ${d}`))} ${counted}.`
        : `${verdict || 'None: '}on no day of ${daysPhrase(range)} did both happen, 0 days ${counted}.`,
      citations: [...new Set(citations)].sort((x, y) => x - y).slice(0, 200),
      understood: { towns: [a.town, b.town].filter((t): t is string => !!t), ...rangeOf(range) },
    };
  },
};

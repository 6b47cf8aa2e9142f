/** "Which town had the most rain last week?": the towns ranked by a number or by a happening. */

import type { AggregateResult } from '../../query/run.ts';
import { RAID_KIND } from '../../world/kinds.ts';
import { amount, times } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import { selectionOfHappening } from '../tools.ts';
import type { Happening, Metric } from '../vocabulary.ts';
import {
  BOUGHT,
  decimalsOf,
  type Form,
  type FormContext,
  happeningOf,
  rangeOf,
  SOLD,
  selectionOf,
  unique,
  whole,
} from './shared.ts';
import { WHOSE_SHIPMENTS } from './who.ts';

/** The town that bore a raid: "suffered most from the raiders", "whose shipments were robbed". */
const VICTIM =
  /\bsuffer\w*|\bgot off\b|\bspared\b|\bcoffers\b|\blost\b|\blose\b|\bloses\b|\blosses\b|\brobbed\b|\bhit (hardest|most)\b|\bvictims?\b|\brob(bed)? the most\b|\bwhose shipments?\b/;

export const whichTown: Form = {
  name: 'which town',
  matches: (q, ctx) =>
    (/\bwhich (\w+ )?(town|place)\b|\b(identify|name|report|state) the town\b|^the town (with|that|whose)\b|\bwhere (was|did|were|is)\b|\bwhat town\b|\b(of|among|across|between) (all )?(the )?(\w+ ){0,2}towns\b[^?]*\bwhich\b|\bwhich (one )?of (all )?the (\w+ ){0,2}towns\b|^which (had|saw|got|recorded|lost|made|earned)\b/.test(
      q.text,
    ) ||
      WHOSE_SHIPMENTS.test(q.core) ||
      /\bby town\b|\bacross the (four |\w+ )?towns\b|\b(\w+est|(most|least) \w+) town\b/.test(q.text) ||
      // "Who lost the most gold to the pirates?", "who got robbed most?": a town, whose losses no person reports.
      (/^who\b/.test(q.core) &&
        (q.metrics[0]?.sensor === true ||
          q.metrics[0]?.kind === ctx.vocab.robbery?.kind ||
          (q.metrics.length === 0 && q.happening === ctx.vocab.robbery)))) &&
    (q.metrics.length > 0 ||
      q.happening !== undefined ||
      (VICTIM.test(q.text) && /\b(pirates?|raiders?)\b/.test(q.text))),
  async answer(q, ctx) {
    const robbery = ctx.vocab.robbery;
    const loss = robbery?.metric ? ctx.vocab.metric(robbery.metric) : undefined;
    // A raid's gold by the town it was taken from is that town's loss, told in its own events.
    const raided =
      q.metrics.some((m) => m.kind === RAID_KIND || m.key === loss?.key) ||
      q.happening?.kind === RAID_KIND ||
      q.happening === robbery ||
      /\b(pirates?|raiders?)\b/.test(q.text);
    if (loss && raided && VICTIM.test(q.text)) {
      if (q.metrics.length > 0 || /\bgold\b|\bworth\b|\bvalue\b/.test(q.text)) return byMetric(q, ctx, loss);
      return byHappening(q, ctx, robbery as Happening);
    }
    const m = q.metrics[0];
    const h = happeningOf(q, ctx);
    if (h && COUNTS_DAYS.test(q.core) && !/\b(in|on) (one|a single) day\b/.test(q.text))
      return byHappening(q, ctx, h);
    return m ? byMetric(q, ctx, m) : byHappening(q, ctx, h as Happening);
  },
};

/** "Which town had the most rainy days?", "days with rain, by town". */
const COUNTS_DAYS = /\b(\w+y )?days\b(?! (in|of) a row)/;

/** "Which town sent the most shipments?": a trade counted by the town it left, not where it was told. */
const SENT = new RegExp(`${SOLD.source}|\\b(sent|send|sends|ship(ped|s)?)\\b`);

async function byHappening(q: Question, ctx: FormContext, h: Happening) {
  const range = whole(ctx);
  const direction = q.superlative ?? 'max';
  const rows: { town: string; n: number; ids: number[] }[] = [];
  if (h.kind === 'trade' && SENT.test(q.text)) {
    const r = (await ctx.tools.query(
      {
        op: 'aggregate',
        select: {
          ...selectionOfHappening(h, undefined, range, ctx.vocab),
          towns: undefined,
        },
        per: 'event',
        aggregate: 'count',
        group: 'from',
      },
      ctx.today,
    )) as AggregateResult;
    for (const g of r.groups)
      if (typeof g.key === 'string' && ctx.vocab.ids.includes(g.key))
        rows.push({ town: g.key, n: g.value ?? 0, ids: g.evidence });
  }
  // "The most rainy days": how many days it happened on, not how often.
  else if (COUNTS_DAYS.test(q.core))
    for (const town of ctx.vocab.ids.filter((t) => h.towns.includes(t))) {
      const r = (await ctx.tools.query(
        { op: 'aggregate', select: selectionOfHappening(h, town, range, ctx.vocab), aggregate: 'days' },
        ctx.today,
      )) as AggregateResult;
      rows.push({ town, n: r.value ?? 0, ids: r.evidence });
    }
  // A happening of some towns (a raid) is not looked for in the others.
  else
    for (const town of ctx.vocab.ids.filter((t) => h.towns.includes(t))) {
      const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 100_000 });
      rows.push({ town, n: found.count, ids: found.citations });
    }
  rows.sort((a, b) => (direction === 'max' ? b.n - a.n : a.n - b.n));
  const onDays = h.kind !== 'trade' && COUNTS_DAYS.test(q.core);
  const say = (n: number) => (onDays ? `on ${n} ${n === 1 ? 'day' : 'days'}` : times(n));
  const top = rows[0];
  const name = (t: string) => ctx.vocab.name(t);
  return {
    answer: top
      ? `${name(top.town)}: ${h.phrase} there ${say(top.n)} ${onDays ? 'of' : 'on'} ${daysPhrase(range)}. ${rows
          .slice(1)
          .map((r) => `${name(r.town)}: ${say(r.n)}`)
          .join(', ')}.`
      : 'No town has a record of that.',
    citations: unique(rows.flatMap((r) => r.ids)),
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

/** Towns the question leaves out: "other than PatchBourough", "not counting the Den", "excluding circuiton". */
function excludedTowns(q: Question, ctx: FormContext): string[] {
  const m =
    /\b(?:other than|excluding|except(?: for)?|not counting|besides|apart from|leaving out)\s+(.{0,40})/.exec(
      q.text,
    );
  return m ? ctx.vocab.townsIn(m[1] as string) : [];
}

async function byMetric(q: Question, ctx: FormContext, m: Metric) {
  const range = whole(ctx);
  const direction = q.superlative ?? (q.aggregate === 'min' ? 'min' : 'max');
  // "Recorded the lowest temperature", "the heaviest single reading": one reading; "the warmest
  // town", "on average": the mean of its readings; an output: its total.
  const oneReading =
    m.sensor &&
    !/\baverage\b|\bmean\b|\bon average\b/.test(q.text) &&
    (/\breadings?\b|\bsingle\b|\b(peak|max(imum)?|min(imum)?)\b/.test(q.text) ||
      // "Recorded the greatest rainfall" is its total; "recorded the lowest temperature", one reading.
      (m.natural === 'mean' && /\brecorded\b/.test(q.text)));
  const combine = /\baverage\b|\bmean\b/.test(q.text) ? 'mean' : m.natural === 'mean' ? 'mean' : 'sum';
  const left = excludedTowns(q, ctx);
  const named = q.towns.filter((t) => m.towns.includes(t) && !left.includes(t));
  const towns = named.length >= 2 ? named : m.towns.filter((t) => !left.includes(t));
  // "Which town shipped the most crates?": a trade's number counted by the town it left, not the
  // town that told it (the port tells of what it bought from overseas too).
  const sent =
    m.kind === 'trade' && SENT.test(q.text) && !BOUGHT.test(q.text) && !/\breceived\b/.test(q.text);
  const select = selectionOf(m, towns, range);
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: sent ? { ...select, fields: { from: towns } } : select,
      ...(oneReading
        ? { per: 'event' as const, aggregate: direction }
        : { combine, aggregate: 'sum' as const }),
      group: sent ? 'from' : 'town',
      order: direction === 'max' ? 'desc' : 'asc',
    },
    ctx.today,
  )) as AggregateResult;
  const groups = r.groups.filter((g) => g.value !== null);
  const [top, ...others] = groups;
  if (!top || (combine === 'sum' && !oneReading && groups.every((g) => g.value === 0)))
    return {
      answer: `No town had any ${m.label} on ${daysPhrase(range)}${top ? `: ${amount(m, 0)} everywhere` : ''}.`,
      citations: [],
      understood: { metric: m.key, ...rangeOf(range) },
    };
  const decimals = oneReading ? m.decimals : decimalsOf(m, combine);
  const what = oneReading
    ? `the ${direction === 'max' ? 'highest' : 'lowest'} single reading of ${m.label}`
    : combine === 'mean'
      ? `the ${direction === 'max' ? 'highest' : 'lowest'} average ${m.label}`
      : `the ${direction === 'max' ? 'most' : 'least'} ${m.label}`;
  const name = (t: string | number | null) => ctx.vocab.name(String(t));
  const at = oneReading && top.at?.day !== undefined ? ` (day ${top.at.day})` : '';
  const answer = `${name(top.key)} had ${what} on ${daysPhrase(range)}: ${amount(m, top.value as number, decimals)}${at}.${
    others.length
      ? ` Then ${others.map((g) => `${name(g.key)} ${amount(m, g.value as number, decimals)}`).join(', ')}.`
      : ''
  }`;
  return {
    answer,
    citations: r.evidence,
    understood: { metric: m.key, towns: groups.map((g) => String(g.key)), ...rangeOf(range) },
  };
}

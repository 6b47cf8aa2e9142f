/** "How much ore was mined last week?": a total, an average, a low or a high, town by town. */
import type { AggregateResult } from '../../query/run.ts';
import { amount, capitalise, list } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import { roundTo } from '../tools.ts';
import type { Metric } from '../vocabulary.ts';
import {
  aggregateFor,
  describeAggregate,
  type Form,
  type FormContext,
  labelled,
  names,
  rangeOf,
  selectionOf,
  townsFor,
  tradeFieldsOf,
  unique,
  valueText,
  whole,
} from './shared.ts';

export const aggregate: Form = {
  name: 'aggregate',
  matches: (q) => q.metrics.length > 0 && !/\bwhat happened\b/.test(q.text),
  async answer(q, ctx) {
    const m = q.metrics[0] as Metric;
    const filtered = await byFields(q, ctx, m);
    if (filtered) return filtered;
    const { towns, refused } = townsFor(m, q, ctx);
    if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
    const fn = aggregateFor(m, q);
    // "What is the temperature there?" asks for the latest reading.
    if (m.sensor && !q.time && !q.aggregate && !q.superlative) return latestReading(ctx, m, towns);
    return totals(q, ctx, m, towns, fn);
  },
};

async function totals(q: Question, ctx: FormContext, m: Metric, towns: string[], fn: Metric['natural']) {
  const range = whole(ctx);
  const actor = q.actor;
  // "On average a day" is the day's total; "a fishing trip brought in on average", "per haul" is one event's.
  const perEvent =
    /\bper (?!day\b|week\b|month\b)\w+/.test(q.text) ||
    /\b(a|an|each|every|one) (\w+ )?(haul|catch|trip|shift|raid|batch|sale|delivery|shipment|lesson|night)\b/.test(
      q.text,
    );
  const perDay = fn === 'mean' && !m.sensor && m.natural === 'sum' && !perEvent;
  const lines: string[] = [];
  const citations: number[] = [];
  let total = 0;
  for (const town of towns) {
    const direction = tradeFieldsOf(m, [town], q.text, ctx.vocab);
    const label = labelled(m, direction).label;
    const r = await ctx.tools.aggregate({
      metric: m.key,
      aggregate: perDay ? 'sum' : fn,
      town,
      range,
      actor,
      ...direction,
    });
    citations.push(...r.citations);
    const who = ctx.vocab.name(town);
    const by = actor ? ` by ${actor}` : '';
    if (r.value === null) {
      const none = fn === 'sum' || perDay ? `${amount(m, 0)}: ` : '';
      lines.push(`${capitalise(label)}${by} in ${who}, ${daysPhrase(range)}: ${none}nothing was reported.`);
      continue;
    }
    total += r.value;
    if (perDay) {
      const days = range.to - range.from + 1;
      const mean = roundTo(r.value / days, m.decimals + 2);
      lines.push(
        `${who}${by}, ${daysPhrase(range)}: an average of ${amount(m, mean, m.decimals + 2)} a day (${amount(m, r.value)} in all over ${days} ${days === 1 ? 'day' : 'days'}).`,
      );
    } else if (fn === 'min' || fn === 'max') {
      const at = r.at ? ` on day ${r.at.day}${r.at.actor ? ` (${r.at.actor})` : ''}` : '';
      lines.push(
        `${capitalise(describeAggregate(m, fn))}${by} in ${who}, ${daysPhrase(range)}: ${valueText(m, r)}${at}.`,
      );
    } else if (fn === 'mean') {
      lines.push(
        `${capitalise(describeAggregate(m, fn))}${by} in ${who}, ${daysPhrase(range)}: ${valueText(m, r)} (over ${r.n} ${m.sensor ? 'readings' : 'reports'}).`,
      );
    } else {
      lines.push(
        `${capitalise(label)}${by} in ${who}, ${daysPhrase(range)}: ${valueText(m, r)} (${r.n} reports).`,
      );
    }
  }
  if (towns.length > 1 && fn === 'sum' && !perDay)
    lines.push(`In all: ${amount(m, roundTo(total, m.decimals))}.`);
  return {
    answer: lines.join(' '),
    citations: unique(citations),
    understood: { towns, metric: m.key, ...rangeOf(range) },
  };
}

async function latestReading(ctx: FormContext, m: Metric, towns: string[]) {
  const lines: string[] = [];
  const citations: number[] = [];
  for (const town of towns) {
    const found = await ctx.tools.listEvents({ town, kind: m.kind, newestFirst: true, limit: 1 });
    const e = found.events[0];
    const v = e?.data[m.key];
    if (!e || typeof v !== 'number') continue;
    lines.push(`${ctx.vocab.name(town)}: ${amount(m, v)} (day ${e.day} reading).`);
    citations.push(e.id);
  }
  return {
    answer: lines.length
      ? `The latest ${m.label}: ${lines.join(' ')}`
      : `No ${m.label} reading has been recorded yet.`,
    citations,
    understood: { towns, metric: m.key },
  };
}

/**
 * "How much gold did the pirates take from PatchBourough's barges?", "… from grain shipments",
 * "… sent to Port Logic": a number of shipments filtered by whose they were, their goods, and
 * where they were bound, from the fields the metric's kind declares.
 */
async function byFields(q: Question, ctx: FormContext, m: Metric) {
  const kind = ctx.vocab.world.kinds.find((k) => k.kind === m.kind);
  const fields = kind?.fields ?? {};
  const filter: Record<string, string[]> = {};
  // A raider's number asked of another town is what the raiders took from that town's shipments.
  const raiders = ctx.vocab.raiders;
  // Where the shipments were bound: "sent to Port Logic", "bound overseas", a raid's "to Circuiton".
  const bound =
    /\b(?:to|for|bound for|towards?)\s+(?:the\s+)?([a-z' ]+?)(?:\s+(?:on|in|during|between|since|last|this|over|previous|past|prev|week|day|days)\b|$)/.exec(
      q.text,
    );
  // The raiders are no shipment's destination ("lost to the pirates").
  const destinations = bound ? ctx.vocab.townsIn(bound[1] as string).filter((t) => !raiders.includes(t)) : [];
  const raidsOnly = m.towns.every((t) => raiders.includes(t));
  const victims = q.towns.filter((t) => !raiders.includes(t) && !(raidsOnly && destinations.includes(t)));
  if (fields.target && raidsOnly && victims.length > 0) filter.target = victims;
  if (fields.goods) {
    const goods = [...ctx.vocab.world.goods.keys()].filter(
      (g) => g !== m.noun && new RegExp(`\\b${g}s?\\b`).test(q.text) && !m.words.test(g),
    );
    if (goods.length > 0) filter.goods = goods;
  }
  // "Sent to Port Logic", "bound overseas", "trade from Circuiton to PatchBourough"; "lost to the
  // pirates" is no direction.
  if (
    fields.to &&
    (raidsOnly ||
      /\b(sent|send|ship(ped|ping|ments?)?|bound|deliver(ed|ies|y)?|export(ed|s)?|sold|carried|went)\b|\bfrom\b/.test(
        q.text,
      ))
  ) {
    const to = destinations.filter((t) => !filter.target?.includes(t));
    if (to.length > 0 && !m.towns.every((t) => to.includes(t))) filter.to = to;
    else if (bound && /\boverseas\b/.test(bound[1] as string)) filter.to = ['overseas'];
  }
  if (Object.keys(filter).length === 0) return undefined;
  const range = whole(ctx);
  const fn = aggregateFor(m, q);
  const towns = q.towns.filter((t) => m.towns.includes(t) && !filter.to?.includes(t));
  // What the towns sold (or bought) of those goods: "the port's sales of textiles".
  const direction = filter.to ? {} : (tradeFieldsOf(m, towns, q.text, ctx.vocab).fields ?? {});
  const r = (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { ...selectionOf(m, towns, range), fields: { ...direction, ...filter } },
      per: fn === 'min' || fn === 'max' ? 'event' : 'all',
      combine: fn === 'count' ? 'count' : fn === 'min' || fn === 'max' ? 'sum' : fn,
      aggregate:
        fn === 'count' ? 'count' : fn === 'mean' ? 'mean' : fn === 'min' || fn === 'max' ? fn : 'sum',
    },
    ctx.today,
  )) as AggregateResult;
  const whose = [
    filter.target ? `from ${names(ctx, filter.target)}'s shipments` : '',
    filter.goods ? `of ${list(filter.goods)}` : '',
    filter.to
      ? `${raidsOnly ? 'on shipments ' : ''}bound for ${filter.to.includes('overseas') ? 'overseas' : names(ctx, filter.to)}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  const n = r.groups[0]?.n ?? 0;
  const value = r.value ?? 0;
  const decimals = fn === 'mean' ? m.decimals + 1 : m.decimals;
  return {
    answer: `${capitalise(describeAggregate(m, fn))} ${whose}, on ${daysPhrase(range)}: ${amount(m, value, decimals)} (${n} ${n === 1 ? 'event' : 'events'}).`,
    citations: r.evidence,
    understood: { metric: m.key, towns, ...rangeOf(range) },
  };
}

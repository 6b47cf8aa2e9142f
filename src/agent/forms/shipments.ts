/**
 * Shipments by their fields: "What were the raids on textiles shipments worth?", "How many
 * deliveries came into Circuiton from Port Logic?", "How much gold did the farms lose to the
 * pirates on tools shipments?", "How many crates did Port Logic ship overseas?". The kind comes
 * from the verb (sold, arrived, robbed, raided), the towns take their part from the words before
 * them (from, to, in), and goods are named by the world's goods.
 */
import pluralize from 'pluralize';
import type { Selection } from '../../query/query.ts';
import type { AggregateResult } from '../../query/run.ts';
import { RAID_KIND } from '../../world/kinds.ts';
import { capitalise, fmt, list } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Happening } from '../vocabulary.ts';
import {
  BOUGHT,
  FIRST_HAPPENING,
  type Form,
  type FormContext,
  HOW_MANY_DAYS,
  rangeOf,
  whole,
  withoutWhenClause,
} from './shared.ts';

/** Gold that moves, rather than goods: "gold went from …", "gold paid to …". */
const MONEY_FLOW = /\bgold (went|goes|go|gone|flowed|flows|was paid|paid|was sent|sent|left)\b/;

/** Words that leave out the town after them, with at most a few words between. */
const EXCLUDED =
  /(?:\b(?:other than|excluding|except(?: for)?|not counting|apart from|leaving out|but not)|!=|≠)\s+(?:[\w']+\s+){0,4}$/;

/** Where goods go beyond the towns. */
export const OVERSEAS = 'overseas';

export type Kind = 'trade' | 'arrival' | 'loss' | typeof RAID_KIND;

/** Whether shipments with these fields went overseas or came from there. */
export const overseasIn = (fields: Record<string, string[]>): boolean =>
  [...(fields.from ?? []), ...(fields.to ?? [])].includes(OVERSEAS);

export function kindOf(text: string): Kind | undefined {
  // "How much gold came to the farms from selling tools": sales, whatever came where.
  const sold = /\bgold\b/.test(text) && /\b(selling|sales?|sold)\b/.test(text);
  if (
    /\b(los[et]|loss|loses|losing|losses|robbed|were robbed|was robbed|robbery|robberies)\b|\b(stolen|st[eo]le) from\b/.test(
      text,
    )
  )
    return 'loss';
  if (
    /\b(raids?|raided|rob|plunder(ed)?|st[eo]al|stole|stolen|loot(ed)?)\b|\b(pirates?|raiders?) (take|took|get|got|seize|seized|hit|hits|attack(s|ed)?|struck|strike|ambush(es|ed)?|board(s|ed)?|prey(s|ed)? on)\b|\b(get|got|gets|earned|brought) (the )?(pirates?|raiders?)\b|\bma(ke|de) off\b/.test(
      text,
    )
  )
    return RAID_KIND;
  if (
    !sold &&
    /\barriv\w*|\bdeliver\w*|\breach(ed|es)?\b|\b(bring|brings|brought|bringing) (?!in\b)(\w+ ){0,4}?(to|into) (?!(sale|market|date|day)\b)|(?<!\b(what|how much) did\b[^?]*)\bc[ao]me (in|into|to)\b(?!\s*(in all|in total|altogether|all told|$))|\breceived?\b(?! for\b)/.test(
      text,
    )
  )
    return 'arrival';
  if (
    /\bsales?\b|\bsold\b|\bsell(ing|s)?\b|\bearn\w*|\bbuy\b|\bbought\b|\bship(ped|s)?\b|\bsent\b|\bsend\b|\bspen[dt]\b|\bpa(y|id|ys)\b|\bexport\w*|\bimport\w*|\bpurchas\w*|\bmake from\b|\bmade from\b|\b(went|go|goes|gone|left|leave)\b.*\b(to|overseas|bound for)\b|\b(from|to) overseas\b/.test(
      text,
    )
  )
    return 'trade';
  return undefined;
}

export interface Parts {
  /** The question's words. */
  text: string;
  kind: Kind;
  goods: string[];
  from: string[];
  to: string[];
  owner: string[];
}

/** Each town the question names, with the word before it: "from", "to", or its owner. */
export function partsOf(q: Pick<Question, 'text'>, ctx: FormContext): Parts | undefined {
  const kind = kindOf(q.text);
  if (!kind) return undefined;
  // Goods named in the singular too ("how much spice"; the world names them "spices").
  const goods = [...ctx.vocab.world.goods.keys()].filter((g) =>
    new RegExp(`\\b(${g}s?|${pluralize.singular(g)})\\b`).test(q.text),
  );
  const parts: Parts = { text: q.text, kind, goods, from: [], to: [], owner: [] };
  const excluded: { town: string; role: string[] }[] = [];
  for (const town of ctx.vocab.towns) {
    const m = town.words.exec(q.text);
    if (!m) continue;
    if (ctx.vocab.raiders.includes(town.id) && /\bpirates?\b|\bthe den\b|\bisland\b/.test(m[0])) continue;
    const before = q.text.slice(Math.max(0, m.index - 24), m.index);
    // "Circuiton to the port deliveries": the town before "to" is where they came from.
    const after = q.text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    // "Gold came to the farms from selling tools": the farms' own sales.
    const earned = kind === 'trade' && /\b(came|comes|come|went|flowed|flows) (in )?to (the )?$/.test(before);
    const role = earned
      ? parts.owner
      : /\bfrom (the )?$/.test(before) ||
          (/^ (to|→) /.test(after) && !/\b(to|for|into) (the )?$/.test(before))
        ? parts.from
        : // "A loss for Circuiton" is Circuiton's own; "bound for" is where it went.
          /\b(to|towards?|bound for|way to|reached|reach|into) (the )?$/.test(before) ||
            (kind !== 'loss' && /\bfor (the )?$/.test(before))
          ? parts.to
          : // "Arrived in Circuiton": the town it arrived in; "sold in Circuiton": the seller.
            kind === 'arrival' && /\b(in|at|on) (the )?$/.test(before)
            ? parts.to
            : parts.owner;
    if (EXCLUDED.test(q.text.slice(Math.max(0, m.index - 48), m.index)))
      excluded.push({ town: town.id, role });
    else role.push(town.id);
  }
  // "Excluding raids on Circuiton's shipments", "target != port-logic": every other town's.
  for (const { role } of excluded)
    if (role.length === 0)
      role.push(
        ...ctx.vocab.towns
          .map((t) => t.id)
          .filter((t) => !ctx.vocab.raiders.includes(t) && !excluded.some((x) => x.town === t)),
      );
  // "Gold went from Port Logic to the ships from overseas": the money runs against the goods, so
  // the town it left bought from overseas.
  if (MONEY_FLOW.test(q.text) && /\boverseas\b/.test(q.text)) {
    const payers = parts.from.filter((t) => t !== OVERSEAS);
    if (payers.length > 0) return { ...parts, kind: 'trade', from: [OVERSEAS], to: payers, owner: [] };
  }
  // What comes from overseas is bought at the port: a trade, not an arrival.
  if (/\bfrom overseas\b/.test(q.text) || (/\boverseas\b/.test(q.text) && BOUGHT.test(q.text))) {
    parts.from.push(OVERSEAS);
    if (kind === 'arrival') parts.kind = 'trade';
  } else if (/\boverseas\b/.test(q.text)) parts.to.push(OVERSEAS);
  return parts;
}

/** Whether the question asks for shipments by their fields, not a town's whole output. */
function isAboutShipments(parts: Parts | undefined, q: Question): parts is Parts {
  if (!parts) return false;
  // "How many raids took rope?": the goods a raid or a robbery took, even where they are a number too.
  if ((parts.kind === RAID_KIND || parts.kind === 'loss') && parts.goods.length > 0) return true;
  // "How many crates did the mines lose to pirates?": a town's losses, in crates or gold.
  if (parts.kind === 'loss' && parts.owner.length > 0 && /\bcrates?\b|\bgold\b/.test(q.text)) return true;
  if (
    parts.goods.some(
      (g) =>
        !q.metrics.some((m) => m.noun === g || m.label.startsWith(g)) ||
        /\bcrates?\b|\bgold\b|\bworth\b|\bvalue\b|\bshipments?\b|\bcargo(es)?\b/.test(q.text),
    )
  )
    return parts.goods.length > 0;
  return (
    // "Raids on shipments sent by the farms": the raids on the farms' shipments.
    (parts.kind === RAID_KIND && parts.owner.length > 0 && /\bshipments?\b|\bcargo(es)?\b/.test(q.text)) ||
    // "How much did Circuiton earn from shipments": the town's sales.
    (parts.kind === 'trade' && parts.owner.length > 0 && /\b(shipments?|cargo(es)?)\b/.test(q.text)) ||
    parts.from.length > 0 ||
    parts.to.length > 0 ||
    (parts.kind === 'arrival' && /\b(deliveries|shipments?|arrivals?)\b/.test(q.text)) ||
    (parts.kind === 'loss' && /\bshipments?\b/.test(q.text) && /\bhow many\b/.test(q.text))
  );
}

/**
 * The fields a shipment question selects by. A town's own part in each kind: the seller of a
 * trade, the receiver of an arrival, the robbed town of a loss or a raid.
 */
export function fieldsOf(p: Parts, ctx: FormContext): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (p.goods.length) fields.goods = p.goods;
  const own = p.owner.filter((t) => !ctx.vocab.raiders.includes(t) || p.kind !== RAID_KIND);
  if (p.kind === 'trade') {
    // "What did the port buy": the town the goods came to, not the one that sold them.
    const bought = BOUGHT.test(p.text);
    const from = [...p.from, ...(p.from.includes(OVERSEAS) || bought ? [] : own)];
    if (from.length) fields.from = from;
    if (p.to.length) fields.to = p.to;
    if ((p.from.includes(OVERSEAS) || bought) && own.length) fields.to = own;
  } else if (p.kind === 'arrival') {
    const to = [...p.to, ...own];
    if (to.length) fields.to = to;
    if (p.from.length) fields.from = p.from;
  } else {
    const target = [...own, ...p.from.filter((t) => t !== OVERSEAS)];
    if (target.length) fields.target = target;
    if (p.to.length) fields.to = p.to;
  }
  return fields;
}

/** How people say the units goods are counted in, beside the unit itself and its singular. */
const UNIT_WORDS: Record<string, string[]> = { lbs: ['lb', 'pounds', 'pound'] };

/** The field a shipment counts its goods in, each in their own unit (lbs, sacks, bolts). */
export const QUANTITY = 'quantity';

/** The unit of the goods asked for ("bolts"), or "units" when they are several of different units. */
function unitOf(goods: readonly string[] | undefined, ctx: FormContext): string {
  const units = new Set((goods ?? []).map((g) => ctx.vocab.world.goods.get(g)?.unit));
  return units.size === 1 ? ([...units][0] ?? 'units') : 'units';
}

/**
 * What a shipment question sums: gold (a trade's value, a raid's haul, a loss), crates, the goods
 * themselves ("how many nets were sent", "bolts of textiles", "in sacks"), or, with none of those,
 * nothing: it counts the shipments.
 */
export function measureOf(p: Parts, text: string, ctx: FormContext): string | undefined {
  // A number named by its key ("sum(cargo_items)", "value_gold"): that number.
  // (A key of one word, "fish", is the goods, not the key.)
  const keyed = ctx.vocab.metrics.find(
    (m) => m.key.includes('_') && new RegExp(`\\b${m.key.replace(/_/g, ' ')}\\b`).test(text),
  );
  if (keyed) return keyed.key;
  // What a raid or a robbery took is counted in gold unless crates are asked for.
  const inGold =
    /\bgold\b|\bworth\b|\bearn\w*|\bspen[dt]\b|\bvalue\b|\bcost\w*|\b(cheapest|priciest|dearest|richest)\b|\bpa(y|id|ys|ying)\b|\bma(ke|de) (from|on|in)\b|\bbr(ing|ings|ought) in\b/.test(
      text,
    ) ||
    ((p.kind === RAID_KIND || p.kind === 'loss') && /\bhow much\b/.test(text) && !/\bcrates?\b/.test(text)) ||
    // A ledger's sales, credits and debits are money: "overseas sales credited to the harbour: the total".
    (/\b(sales?|credit(ed|s)?|debit(ed|s)?|takings|revenue|income)\b/.test(text) &&
      /\b(total|tally|sum|how much|amount|books?|ledger)\b/.test(text) &&
      !/\bcrates?\b|\bhow many\b/.test(text));
  if (inGold) return gold(p.kind);
  if (/\bcrates?\b/.test(text)) return 'cargo_items';
  // "How many nets", "bolts of textiles", "(in fish)": the goods in their own unit.
  const units = [...new Set(p.goods.map((g) => ctx.vocab.world.goods.get(g)?.unit))]
    .filter((u): u is string => u !== undefined)
    .flatMap((u) => [u, pluralize.singular(u), ...(UNIT_WORDS[u] ?? [])]);
  const named = p.goods.flatMap((g) => [g, pluralize.singular(g)]);
  const inGoods = new RegExp(
    `\\bhow (many|much) (${[...named, ...units].join('|')})\\b|\\b(${units.join('|')}) of\\b|\\bin (${[...named, ...units].join('|')})\\b|\\bmore (${named.join('|')})\\b`,
  );
  if (p.goods.length > 0 && inGoods.test(text)) return QUANTITY;
  if (/\bhow much\b/.test(text)) return 'cargo_items';
  return undefined;
}

/** A superlative of one shipment ("the priciest purchase", "the largest single raid"), not of a day. */
function oneShipment(q: Question): boolean {
  return (
    q.superlative !== undefined &&
    /\b(single|one|priciest|dearest|costliest|cheapest|largest|biggest|richest|smallest|max(imum)?|min(imum)?|highest|lowest)\b/.test(
      q.text,
    ) &&
    // "The best day" ranks days; "from day 44 to day 52" is only the question's time.
    !/\bday\b|\bdaily\b/.test(q.core) &&
    // "The town that received the smallest number of shipments" ranks towns by a count.
    !/\bnumber of\b|\b(which|what|identify|name) (the )?towns?\b/.test(q.core)
  );
}

/** One shipment of each kind, as an answer names it. */
const ONE: Record<Kind, string> = {
  trade: 'trade',
  arrival: 'shipment that arrived',
  loss: 'robbery',
  [RAID_KIND]: 'raid',
};

/**
 * The shipments a selection holds, in words: "trade from overseas to Port Logic", "raids of tools
 * on Circuiton's shipments"; without the kind's noun, only the fields.
 */
export function shipmentsPhrase(
  kind: Kind,
  fields: Record<string, string[]>,
  ctx: FormContext,
  noun = true,
): string {
  const named = (ids: string[]) => list(ids.map((t) => (t === OVERSEAS ? 'overseas' : ctx.vocab.name(t))));
  // A robbery is of the robbed town's shipments: "Port Logic's shipments robbed", "bound for Circuiton".
  const robbed = kind === 'loss';
  const whose = robbed && fields.target ? `${named(fields.target)}'s shipments` : 'shipments';
  const what = {
    trade: 'trade',
    arrival: 'shipments that arrived',
    loss: `${whose} robbed`,
    [RAID_KIND]: 'raids',
  }[kind];
  return [
    noun ? what : '',
    fields.goods ? `of ${list(fields.goods)}` : '',
    fields.target && !(robbed && noun) ? `${robbed ? 'of' : 'on'} ${named(fields.target)}'s shipments` : '',
    fields.from ? `from ${named(fields.from)}` : '',
    fields.to
      ? `${kind === RAID_KIND ? 'on shipments bound for' : robbed ? 'bound for' : 'to'} ${named(fields.to)}`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * What a happening of shipments takes from the question beyond its town: where the goods went ("to
 * an overseas ship"), where they came from ("from overseas"), the goods named; with the words that
 * say so (" (trade from overseas to Port Logic)"). Nothing for a happening of another kind, or
 * where the question names none of those.
 */
export function shipmentFilterOf(
  q: Question,
  ctx: FormContext,
  h: Happening,
): { fields: Record<string, string[]>; said: string } | undefined {
  const p = partsOf(q, ctx);
  if (!p || p.kind !== h.kind) return undefined;
  const fields = fieldsOf(p, ctx);
  if (!overseasIn(fields) && !fields.goods) return undefined;
  return { fields, said: ` (${shipmentsPhrase(p.kind, fields, ctx)})` };
}

/** A raid that came back empty robbed nothing; a trade that paid nothing did not happen. */
export function happenedOnly(kind: string): Pick<Selection, 'where'> {
  return kind === RAID_KIND
    ? { where: [{ key: 'raid_gold', op: '>', value: 0 }] }
    : kind === 'trade'
      ? { where: [{ key: 'value_gold', op: '>', value: 0 }] }
      : {};
}

/** A kind's gold. */
export const gold = (kind: Kind) =>
  ({ trade: 'value_gold', arrival: undefined, loss: 'loot_gold', [RAID_KIND]: 'raid_gold' })[kind];

export const shipments: Form = {
  name: 'shipments',
  matches: (q, ctx) =>
    !HOW_MANY_DAYS.test(q.text) &&
    !/^days with(out)?\b/.test(q.core) &&
    !(FIRST_HAPPENING.test(q.core) && q.happening !== undefined) &&
    !/\b(which|what) (town|day)\b|\bwho\b|\bwhen\b|\bboth\b|\bsame day\b|\bdays? (had|did|was|were)\b|\byes or no\b|\baverage\b|\bmean\b|\bper\b|\bdaily\b|\bin one day\b|\b(first|last) day\b/.test(
      withoutWhenClause(q.text),
    ) &&
    !/^(did|does|do|was|were|has|have|had|is|are)\b/.test(q.core) &&
    (q.superlative === undefined ? !/\bsingle\b/.test(q.text) : oneShipment(q)) &&
    isAboutShipments(partsOf(q, ctx), q),
  async answer(q, ctx) {
    const p = partsOf(q, ctx) as Parts;
    const range = whole(ctx);
    const fields = fieldsOf(p, ctx);
    const metric = measureOf(p, q.text, ctx);
    const select: Selection = {
      kinds: [p.kind],
      fields,
      days: { from: range.from, to: range.to },
      ...(metric ? { metric } : {}),
      ...(metric ? {} : happenedOnly(p.kind)),
    };
    // "The priciest purchase from overseas": the one shipment at the extreme, in gold unless crates are asked for.
    const one = oneShipment(q) ? (q.superlative as 'max' | 'min') : undefined;
    // One shipment that arrived is measured in its crates (an arrival carries no gold).
    const measured = one && !metric ? (gold(p.kind) ?? 'cargo_items') : metric;
    if (one && measured) select.metric = measured;
    const r = (await ctx.tools.query(
      one && measured
        ? { op: 'aggregate', select, per: 'event', aggregate: one }
        : metric
          ? { op: 'aggregate', select, aggregate: 'sum' }
          : { op: 'aggregate', select, per: 'event', aggregate: 'count' },
      ctx.today,
    )) as AggregateResult;
    const n = r.groups[0]?.n ?? 0;
    const what = shipmentsPhrase(p.kind, fields, ctx);
    const value = r.value ?? 0;
    const stated = measured
      ? measured === 'cargo_items'
        ? `${fmt(value, 0)} ${value === 1 ? 'crate' : 'crates'}`
        : measured === QUANTITY
          ? `${fmt(value, 4)} ${unitOf(fields.goods, ctx)}`
          : `${fmt(value, 0)} gold`
      : `${fmt(value, 0)} ${value === 1 ? 'time' : 'times'}`;
    if (one)
      return {
        answer: `The ${one === 'max' ? 'largest' : 'smallest'} single ${ONE[p.kind]} ${shipmentsPhrase(p.kind, fields, ctx, false)}, ${daysPhrase(range)}: ${r.value === null ? 'none was recorded' : stated}.`,
        citations: r.evidence.slice(0, 1),
        understood: { metric: measured ?? p.kind, ...rangeOf(range) },
      };
    return {
      answer: `${capitalise(what)}, ${daysPhrase(range)}: ${stated}${metric ? ` (${n} ${n === 1 ? 'event' : 'events'})` : ''}.`,
      citations: r.evidence,
      understood: { metric: metric ?? p.kind, ...rangeOf(range) },
    };
  },
};

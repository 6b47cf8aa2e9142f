/**
 * Which goods, which towns: "What goods arrived in Circuiton last week?", "Which goods did the port
 * buy from overseas?", "What did the pirates steal?", "Which towns did the pirates rob?". The
 * shipments the question names (as the shipments form reads them), and the distinct goods, or
 * towns robbed, among them.
 */
import type { AggregateResult } from '../../query/run.ts';
import { RAID_KIND } from '../../world/kinds.ts';
import { fmt, list } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { type Form, HOW_MANY_DAYS, rangeOf, whole } from './shared.ts';
import { fieldsOf, gold, kindOf, OVERSEAS, partsOf } from './shipments.ts';

/** What befell the goods of each kind of shipment, as an answer says it. */
const WHAT = {
  trade: 'traded',
  arrival: 'that arrived',
  loss: 'robbed',
  [RAID_KIND]: 'taken in raids',
} as const;

/** "Which goods got the pirates the most gold?", "From which goods did they take the most?": goods ranked. */
const GOODS_RANKED =
  /\b(which|what)( (kinds?|sorts?|types?) of)? (goods|cargo(es)?|wares|products|freight)\b[^?]*\b(most|least|fewest)\b|\b(from|of|on) (which|what) (goods|cargo(es)?|wares)\b[^?]*\b(most|least)\b/;

const WHICH_GOODS =
  /\b(what|which)( (kinds?|sorts?|types?) of)? (goods|cargo(es)?|wares|products|freight)\b|^what (did|does|do|has|have)\b(?!.*\b(how|worth|value|gold|crates?)\b).*\b(buy|bought|sell|sold|ship|send|sent|export|import|steal|stole|take|took|plunder(ed)?|receive[ds]?)\b|^what (left|went|came in|arrived|(was|were) (sold|shipped|sent|bought|stolen|taken))\b(?!.*\b(how|worth|value|gold|crates?)\b)/;
const WHICH_TOWNS = /\b(which|what) towns\b|\bwhose shipments? (got|were|was|have been)\b/;

export const goods: Form = {
  name: 'distinct',
  matches: (q) =>
    q.superlative === undefined &&
    !/\bhow (many|much)\b|\bmost\b|\bleast\b/.test(q.text) &&
    !HOW_MANY_DAYS.test(q.text) &&
    kindOf(q.text) !== undefined &&
    (WHICH_GOODS.test(q.core) ||
      (WHICH_TOWNS.test(q.core) && /^(loss|raid)$/.test(kindOf(q.text) as string))),
  async answer(q, ctx) {
    const p = partsOf(q, ctx);
    if (!p) throw new Error('the distinct form matched a question that names no shipment');
    const range = whole(ctx);
    const towns = !WHICH_GOODS.test(q.core);
    const fields = fieldsOf(p, ctx);
    const field = towns ? (p.kind === 'loss' ? 'town' : 'target') : 'goods';
    const r = (await ctx.tools.query(
      {
        op: 'aggregate',
        select: {
          kinds: [p.kind],
          fields,
          days: { from: range.from, to: range.to },
          // A raid that came back empty took nothing.
          ...(p.kind === RAID_KIND ? { where: [{ key: 'raid_gold', op: '>' as const, value: 0 }] } : {}),
        },
        aggregate: 'distinct',
        field,
      },
      ctx.today,
    )) as AggregateResult;
    const values = (r.groups[0]?.values ?? []).map(String).sort();
    const n = r.groups[0]?.n ?? 0;
    const named = (ids: readonly string[]) =>
      list(ids.map((t) => (t === OVERSEAS ? 'overseas' : ctx.vocab.name(t))));
    const what = WHAT[p.kind];
    const where = [
      fields.from ? `from ${named(fields.from)}` : '',
      fields.to ? `to ${named(fields.to)}` : '',
      fields.target ? `from ${named(fields.target)}'s shipments` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const answer =
      values.length === 0
        ? `No shipments ${what}${where ? ` ${where}` : ''} on ${daysPhrase(range)}.`
        : towns
          ? `The pirates robbed shipments of ${named(values)} on ${daysPhrase(range)} (${n} ${p.kind === 'loss' ? 'robberies' : 'raids'}).`
          : `Goods ${what}${where ? ` ${where}` : ''} on ${daysPhrase(range)}: ${list(values)} (${n} ${n === 1 ? 'shipment' : 'shipments'}).`;
    return {
      answer,
      citations: r.evidence,
      understood: { metric: field, ...rangeOf(range) },
    };
  },
};

/** The goods whose shipments (as the shipments form reads them) add up to the most, or least, gold or crates. */
export const topGoods: Form = {
  name: 'top goods',
  matches: (q) => kindOf(q.text) !== undefined && GOODS_RANKED.test(q.text),
  async answer(q, ctx) {
    const p = partsOf(q, ctx);
    if (!p) throw new Error('the top goods form matched a question that names no shipment');
    const range = whole(ctx);
    const fields = fieldsOf(p, ctx);
    delete fields.goods;
    const crates = /\bcrates?\b|\bcargo\b/.test(q.text) && !/\bgold\b|\bworth\b|\bvalue\b/.test(q.text);
    // An arrival carries no gold: its crates.
    const metric = crates ? 'cargo_items' : (gold(p.kind) ?? 'cargo_items');
    const order = /\b(least|fewest)\b/.test(q.text) ? 'asc' : 'desc';
    const r = (await ctx.tools.query(
      {
        op: 'aggregate',
        select: { kinds: [p.kind], fields, days: { from: range.from, to: range.to }, metric },
        aggregate: 'sum',
        group: 'goods',
        order,
      },
      ctx.today,
    )) as AggregateResult;
    const ranked = r.groups.filter((g) => g.key !== null && g.value !== null);
    const unit = metric === 'cargo_items' ? 'crates' : 'gold';
    const what = WHAT[p.kind];
    const [top, ...rest] = ranked;
    if (!top)
      return {
        answer: `No goods were ${what} on ${daysPhrase(range)}.`,
        citations: [],
        understood: rangeOf(range),
      };
    const next = rest.slice(0, 3).map((g) => `${g.key} ${fmt(g.value as number, 0)} ${unit}`);
    return {
      answer: `Of the goods ${what} on ${daysPhrase(range)}, ${top.key} came to the ${order === 'desc' ? 'most' : 'least'}: ${fmt(top.value as number, 0)} ${unit} (${top.n} ${top.n === 1 ? 'shipment' : 'shipments'})${next.length ? `; then ${list(next)}` : ''}.`,
      citations: top.evidence,
      understood: { metric, ...rangeOf(range) },
    };
  },
};

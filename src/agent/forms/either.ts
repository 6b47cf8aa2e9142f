/**
 * Two selections of one number, compared: "Was it colder in week 4 or week 5?", "Rainier in the
 * Den or the port on day 9?", "Did the port get more rain than the Den in week 3?", "Who landed
 * more fish, Nell or Hal?", "Compare week 1 and week 2 for ore". The answer names the winner first
 * (after "Yes"/"No" where the question asks whether one side beat the other) and gives both values.
 */
import type { Selection } from '../../query/query.ts';
import type { AggregateResult, CompareResult } from '../../query/run.ts';
import { amount, capitalise, fmt, list } from '../format.ts';
import { numberWord } from '../numbers.ts';
import { actorIn, actorsIn, type Question } from '../question.ts';
import { daysPhrase, parseTime } from '../time.ts';
import { selectionOfHappening } from '../tools.ts';
import type { Happening, Metric } from '../vocabulary.ts';
import {
  combineOf,
  decimalsOf,
  type Form,
  type FormContext,
  rangeOf,
  SOLD,
  selectionOf,
  tradeFieldsOf,
  whole,
} from './shared.ts';
import { fieldsOf, type Parts, partsOf, QUANTITY, measureOf as shipmentMeasureOf } from './shipments.ts';

/** Words that ask for the smaller of the two. */
const SMALLER =
  /\b(colder|cooler|chillier|less|fewer|drier|lower|smaller|calmer|weaker|worse|poorer|quieter)\b/;
/** A question that asks whether the first side beat the second: "(all told,) did … more … than …". */
const WHETHER =
  /^([a-z ]+[,:] )?(did|does|do|was|were|is|are|has|have|had)\b|^(can|could) you (confirm|check|verify|tell me)( that| whether| if)?\b|^(is it|it is) (true|right|correct|so) that\b/;
/** How a town did, with no number named: its main product decides ("did the mines do better?"). */
const DID_BETTER = /\b(better|worse|busier|quieter|more productive|less productive)\b/;
/** Words that ask for two named things side by side. */
const SIDE_BY_SIDE =
  /\b(compare|compared|comparing|versus|vs|cmp|difference between|against|ratio|differ(s|ed)?)\b|\b(change[ds]?|grow|grew|rise|rose|fall|fell|drop(ped)?) (\w+ )?from (?!day \d)|\b(difference|gap)\b[^?]*\bbetween\b|\bbetween [^,]+ and [^,]+, (which|who)\b|\bhow far apart\b|\brivals?\b|\bside by side\b|\bcame out (ahead|on top)\b|\bwhich of the two\b|\b(which|who) (was|came|is|comes) (out )?(ahead|on top|first)\b|\btimes as (much|many)\b|^(of|between) [^,]+ and [^,]+, (which|who)\b/;
/** The comparison the question makes, as its answer says it of the side ahead. */
const AHEAD_WORD =
  /\b(colder|warmer|hotter|cooler|chillier|rainier|wetter|drier|windier|calmer|stormier|busier|quieter|richer|poorer|better|worse|more|fewer|less)\b(?! than \d)/;
/** A ratio asked for: "the ratio of A to B", "how many times as much in A as in B". */
const RATIO = /\bratio\b|\btimes as (much|many)\b/;

interface Side {
  towns: string[];
  range: { from: number; to: number };
  said: string;
  actor?: string;
}

interface Split {
  left: string;
  right: string;
  /** "More … than …": the question claims the left side is ahead. */
  than: boolean;
}

/** Where the question puts its two sides: "… or …", "… than …", "compare … and/with …". */
function splitOf(said: string): Split | undefined {
  // "… yes or no" asks whether; it is no side.
  const text = said.replace(/,? ?\byes or no\b/g, '');
  const or = text.lastIndexOf(' or ');
  if (or >= 0) return { left: text.slice(0, or), right: text.slice(or + 4), than: false };
  // "More than 100 gold" holds a number to a threshold; it is not a side.
  const than = text.search(/ than (?!-?\d)/);
  if (than >= 0) return { left: text.slice(0, than), right: text.slice(than + 6), than: true };
  // "Did this week's catch exceed last week's?", "beat", "outdo": a "than" by its verb.
  const beat =
    / (?:exceed(?:ed|s)?|beat|outdo|outdid|top(?:ped)?|(?:ahead|in front) of|surpass(?:ed|es)?|outstrip(?:ped|s)?|outperform(?:ed|s)?|overtake|overtook|triumph(?:ed)? over|best(?:ed)?) (?!\d)/.exec(
      text,
    );
  if (beat)
    return { left: text.slice(0, beat.index), right: text.slice(beat.index + beat[0].length), than: true };
  if (!SIDE_BY_SIDE.test(text)) return undefined;
  // "The difference in gold lost to the pirates between the farms and the mines": the sides are
  // the two things between names, whatever "to" came before them.
  const between = /\bbetween (?!days? \d)(.+?) and (?!days? \d)/.exec(text);
  if (between && /\b(difference|gap|differ\w*|apart)\b|\b(which|who)( one)?\b/.test(text))
    return {
      left: text.slice(0, between.index + 'between '.length + (between[1] as string).length),
      right: text.slice(between.index + between[0].length),
      than: false,
    };
  // "How many times as much … in week 5 as in week 6?"
  const as = / as (?=in |on |during |at )/.exec(text);
  if (as && RATIO.test(text))
    return { left: text.slice(0, as.index), right: text.slice(as.index + as[0].length), than: false };
  // "By how much did day 28 and day 24 differ": two days, where no "between" or "from" makes them one span.
  const pair = /(?<!\b(?:between|from) )\bday \d+ (?:and|vs\.?|versus|with) (?=day \d+\b)/.exec(text);
  if (pair) {
    const cut = pair.index + pair[0].search(/ (?:and|vs\.?|versus|with) $/);
    return { left: text.slice(0, cut), right: text.slice(pair.index + pair[0].length), than: false };
  }
  // "Between day 3 and 9" is one side; "day 36 vs day 53" two.
  const m = / (?:(?:and|with|to)(?! (?:day|days) \d)|versus|vs\.?|against) /.exec(
    text.replace(/\bbetween days? \d+ and/, (s) => s.replace(' and', ' ~nd')),
  );
  if (!m) return undefined;
  return { left: text.slice(0, m.index), right: text.slice(m.index + m[0].length), than: false };
}

/** The two sides, and whether the question claims the first is ahead ("… than …"). */
function sidesOf(
  text: string,
  ctx: FormContext,
  q?: Question,
): { sides: [Side, Side]; than: boolean } | undefined {
  const split = splitOf(text);
  const sides = split && sidesOfSplit(split, ctx);
  if (sides) return { sides, than: split.than };
  const people = q && twoPeople(q, ctx);
  return people && { sides: people, than: false };
}

function sidesOfSplit({ left, right }: Split, ctx: FormContext): [Side, Side] | undefined {
  // Two different numbers ("the fish here with the ore there") are not two sides of one.
  const [ml, mr] = [ctx.vocab.metricsIn(left)[0], ctx.vocab.metricsIn(right)[0]];
  if (ml && mr && ml !== mr) return undefined;
  const towns = [ctx.vocab.townsIn(left), ctx.vocab.townsIn(right)];
  const times = [parseTime(left, ctx.today), parseTime(right, ctx.today)];
  const fallback = whole(ctx);
  // Two towns on the same days, or one town's two times, or two people.
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
  if (times[0] && times[1] && times[0].said !== times[1].said) {
    const shared = [...(towns[0] ?? []), ...(towns[1] ?? [])];
    return [
      { towns: shared, range: times[0].range, said: times[0].said },
      { towns: shared, range: times[1].range, said: times[1].said },
    ];
  }
  const people = [actorIn(left, ctx.actors), actorIn(right, ctx.actors)];
  if (people[0] && people[1] && people[0] !== people[1])
    return peopleSides(people[0], people[1], towns, times, fallback);
  return undefined;
}

/** Two people on the same days. */
function peopleSides(
  a: string,
  b: string,
  towns: (string[] | undefined)[],
  times: (ReturnType<typeof parseTime> | undefined)[],
  fallback: Side['range'],
): [Side, Side] {
  const shared = [...(towns[0] ?? []), ...(towns[1] ?? [])];
  const range = times[1]?.range ?? times[0]?.range ?? fallback;
  return [
    { towns: shared, range, said: a, actor: a },
    { towns: shared, range, said: b, actor: b },
  ];
}

/**
 * Two people named anywhere in a question that asks who did more: "which of them made more nets,
 * Silas Twine and Maren Knot?", "between Hal Marsh and Ivo Gull, which one caught more fish?".
 */
function twoPeople(q: Question, ctx: FormContext): [Side, Side] | undefined {
  if (!COMPARATIVE.test(q.text) || !/\b(who|which|whom|whose)\b/.test(q.text)) return undefined;
  const people = actorsIn(q.text, ctx.actors);
  if (people.length !== 2) return undefined;
  const range = q.time?.range ?? whole(ctx);
  return peopleSides(people[0] as string, people[1] as string, [q.towns], [q.time], range);
}

/** Words that ask which of two is ahead. */
const COMPARATIVE = /\b(more|less|fewer|better|worse|higher|lower|greater|bigger|larger|smaller)\b/;

/** What is compared: a number, or how often something happened ("more raids"). */
type Measure = { metric: Metric } | { happening: Happening; days?: boolean };

/** Days compared, not amounts: "more rainy days", "fewer days with a raid". */
const DAYS_COMPARED =
  /\b(more|fewer|less) (\w+ )?days\b(?! ?\d)|\b(rainy|stormy|wet|dry|windy|hungry) days\b(?! ?\d)/;

function measureOf(q: Question, ctx: FormContext): Measure | undefined {
  if (q.happening && DAYS_COMPARED.test(q.text)) return { happening: q.happening, days: true };
  if (q.metrics[0]) return { metric: q.metrics[0] };
  // "Who sold more, Odile or Bastian?": the gold of the sales, not how often they traded.
  const gold = q.happening?.metric === undefined ? undefined : ctx.vocab.metric(q.happening.metric);
  if (q.happening?.kind === 'trade' && gold && SOLD.test(q.text)) return { metric: gold };
  if (q.happening) return { happening: q.happening };
  const main =
    q.towns.length === 1 && DID_BETTER.test(q.text) ? ctx.vocab.mainOf(q.towns[0] as string) : undefined;
  return main && { metric: main };
}

/**
 * Two towns' shipments, compared: "Did the harbour ship more fish to the farms or to the mines?",
 * "Whose shipments lost more gold to the raids, the mines' or the farms'?". Each side is the
 * shipments with its town in the part the question gives it (to, from, robbed), and the rest of the
 * question's fields; where the number asked for is not one those towns record themselves.
 */
function shipmentSidesOf(q: Question, ctx: FormContext) {
  const found = sidesOf(q.text, ctx);
  const p = partsOf(q, ctx);
  if (!found || !p) return undefined;
  const [a, b] = found.sides;
  const [ta, tb] = [a.towns[0], b.towns[0]];
  if (a.actor || !ta || !tb || a.towns.length !== 1 || b.towns.length !== 1 || a.range !== b.range)
    return undefined;
  const m = q.metrics[0];
  if (m?.towns.includes(ta) && m.towns.includes(tb) && p.goods.length === 0) return undefined;
  const without = (xs: readonly string[], t: string) => xs.filter((x) => x !== t);
  const partsFor = (other: string): Parts => ({
    ...p,
    from: without(p.from, other),
    to: without(p.to, other),
    owner: without(p.owner, other),
  });
  const metric = shipmentMeasureOf(p, q.text, ctx);
  const select = (parts: Parts, range: Side['range']): Selection => ({
    kinds: [parts.kind],
    fields: fieldsOf(parts, ctx),
    days: range,
    ...(metric ? { metric } : {}),
  });
  return {
    metric,
    than: found.than,
    sides: [
      { side: a, select: select(partsFor(tb), a.range) },
      { side: b, select: select(partsFor(ta), b.range) },
    ] as const,
  };
}

/** What befell the shipments of each kind, as an answer says it. */
const SHIPPED: Record<string, string> = {
  trade: 'shipped',
  arrival: 'arrived',
  loss: 'lost to the pirates',
  raid: 'taken by the pirates',
};

async function compareShipments(
  q: Question,
  ctx: FormContext,
  found: NonNullable<ReturnType<typeof shipmentSidesOf>>,
) {
  const { metric, sides } = found;
  const [a, b] = sides;
  const combine = metric ? ('sum' as const) : ('count' as const);
  const side = (s: typeof a) => ({ select: s.select, combine, aggregate: 'sum' as const });
  const r = (await ctx.tools.query({ op: 'compare', a: side(a), b: side(b) }, ctx.today)) as CompareResult;
  const goods = a.select.fields?.goods ?? [];
  const unit =
    metric === QUANTITY
      ? (ctx.vocab.world.goods.get(String(goods[0] ?? ''))?.unit ?? 'units')
      : metric === 'cargo_items'
        ? 'crates'
        : metric
          ? 'gold'
          : 'shipments';
  const say = (x: AggregateResult) => `${fmt(x.value ?? 0, metric === QUANTITY ? 4 : 0)} ${unit}`;
  const where = (s: typeof a) => {
    const f = s.select.fields ?? {};
    const town = s.side.towns[0] as string;
    const name = ctx.vocab.name(town);
    return f.to?.includes(town)
      ? `to ${name}`
      : f.target?.includes(town)
        ? `from ${name}'s shipments`
        : `from ${name}`;
  };
  const understood = { metric: metric ?? a.select.kinds?.[0], ...rangeOf(a.side.range) };
  const whether = found.than && WHETHER.test(q.core);
  // A side with no shipments at all shipped none.
  const [va, vb] = [r.a.value ?? 0, r.b.value ?? 0];
  if (va === vb)
    return {
      answer: `${whether ? 'No: ' : ''}The same for both, ${daysPhrase(a.side.range)}: ${say(r.a)} ${where(a)} and ${say(r.b)} ${where(b)}.`,
      citations: r.evidence,
      understood,
    };
  const smaller = SMALLER.test(q.text);
  const winner = va > vb !== smaller ? 'a' : 'b';
  const [w, l] = winner === 'a' ? [a, b] : [b, a];
  const [wr, lr] = winner === 'a' ? [r.a, r.b] : [r.b, r.a];
  const lead = whether ? (winner === 'a' ? 'Yes: ' : 'No: ') : '';
  const kind = SHIPPED[a.select.kinds?.[0] ?? 'trade'] ?? 'shipped';
  return {
    answer: `${lead}${ctx.vocab.name(w.side.towns[0] as string)}: ${say(wr)} ${kind} ${where(w)}, against ${say(lr)} ${where(l)} (${daysPhrase(a.side.range)}; a difference of ${say({ ...wr, value: Math.abs((wr.value ?? 0) - (lr.value ?? 0)) })}).`,
    citations: r.evidence,
    understood,
  };
}

export const either: Form = {
  name: 'either',
  matches: (q, ctx) =>
    (measureOf(q, ctx) !== undefined && sidesOf(q.text, ctx, q) !== undefined) ||
    shipmentSidesOf(q, ctx) !== undefined,
  async answer(q, ctx) {
    const shipped = shipmentSidesOf(q, ctx);
    if (shipped) return compareShipments(q, ctx, shipped);
    const measure = measureOf(q, ctx) as Measure;
    const { sides, than } = sidesOf(q.text, ctx, q) as { sides: [Side, Side]; than: boolean };
    const [a, b] = sides;
    const whether = than && (WHETHER.test(q.core) || /\byes or no\b/.test(q.text));
    const m = 'metric' in measure ? measure.metric : undefined;
    const h = 'happening' in measure ? measure.happening : undefined;
    const sideTowns = (s: Side) => {
      const possible = m ? m.towns : (h as Happening).towns;
      if (!s.towns.length) return [...possible];
      return possible.length ? s.towns.filter((t) => possible.includes(t)) : s.towns;
    };
    // A town that does not record the number has none of it ("more fish than the Den": the Den
    // catches none), not the other towns' total.
    const silent = sides.find((s) => s.towns.length > 0 && sideTowns(s).length === 0);
    if (silent && m) {
      const other = silent === a ? b : a;
      const r = (await ctx.tools.query(
        { op: 'aggregate', select: selectionOf(m, sideTowns(other), other.range), aggregate: combineOf(m) },
        ctx.today,
      )) as AggregateResult;
      const ahead = (r.value ?? 0) > 0 && !SMALLER.test(q.text);
      const lead = than && WHETHER.test(q.core) ? (ahead === (other === a) ? 'Yes: ' : 'No: ') : '';
      const value = r.value === null ? 'nothing recorded' : amount(m, r.value, decimalsOf(m, combineOf(m)));
      return {
        answer: `${lead}${capitalise(describe(other))}: ${m.label} was ${value}; ${silent.towns.map((t) => ctx.vocab.name(t)).join(' and ')} records no ${m.label} at all (only ${list(m.towns.map((t) => ctx.vocab.name(t)))} ${m.towns.length === 1 ? 'does' : 'do'}).`,
        citations: r.evidence,
        understood: { metric: m.key, towns: sideTowns(other), ...rangeOf(other.range) },
      };
    }
    const combine = m
      ? q.aggregate === 'max' || q.aggregate === 'min'
        ? q.aggregate
        : combineOf(m)
      : ('count' as const);
    const selection = (s: Side): Selection => {
      const select = m
        ? selectionOf(m, sideTowns(s), s.range)
        : selectionOfHappening(h as Happening, undefined, s.range, ctx.vocab);
      if (!m && s.towns.length) select.towns = sideTowns(s);
      // "Earned more from its sales": what it sold, not what the port paid overseas; a side with
      // no town of its own ("Odile vs Bastian") takes the question's ("trades from the port").
      if (m)
        Object.assign(
          select,
          tradeFieldsOf(m, s.towns.length || !q.towns.length ? sideTowns(s) : q.towns, q.text, ctx.vocab),
        );
      return s.actor ? { ...select, actors: [s.actor] } : select;
    };
    const days = 'days' in measure && measure.days === true;
    const side = (s: Side) =>
      days
        ? { select: selection(s), aggregate: 'days' as const }
        : { select: selection(s), combine, aggregate: 'sum' as const };
    const compared = (await ctx.tools.query(
      { op: 'compare', a: side(a), b: side(b) },
      ctx.today,
    )) as CompareResult;
    // An output nobody recorded on one side is none of it there: 0, not unknown.
    const r = m && !m.sensor && combine === 'sum' ? zeroFilled(compared) : compared;
    const decimals = m ? decimalsOf(m, combine) : 0;
    const say = (x: AggregateResult) =>
      x.value === null
        ? 'nothing recorded'
        : m
          ? amount(m, x.value, decimals)
          : `${fmt(x.value, 0)} ${days ? 'day' : 'time'}${x.value === 1 ? '' : 's'}`;
    const what = m
      ? combine === 'mean'
        ? `the average ${m.label}`
        : combine === 'max'
          ? `the highest ${m.label}`
          : combine === 'min'
            ? `the lowest ${m.label}`
            : m.label
      : days
        ? `the number of days on which ${(h as Happening).phrase}`
        : `how often ${(h as Happening).phrase}`;
    const understood = {
      ...(m ? { metric: m.key } : { happening: (h as Happening).name }),
      towns: [...new Set([...sideTowns(a), ...sideTowns(b)])],
      ...rangeOf(a.range),
    };
    const verdict = (yes: boolean) => (whether ? `${yes ? 'Yes' : 'No'}: ` : '');
    if (r.larger === null)
      return {
        answer: `${verdict(false)}${capitalise(what)} was not recorded for both: ${a.said}: ${say(r.a)}; ${b.said}: ${say(r.b)}.`,
        citations: r.evidence,
        understood,
      };
    if (r.larger === 'equal')
      return {
        answer: `${verdict(false)}The same for both: ${what} was ${say(r.a)} ${describe(a)} and ${describe(b)}.`,
        citations: r.evidence,
        understood,
      };
    const smaller = SMALLER.test(q.text);
    const winner = (r.larger === 'a') !== smaller ? 'a' : 'b';
    const [w, l] = winner === 'a' ? [a, b] : [b, a];
    const [wr, lr] = winner === 'a' ? [r.a, r.b] : [r.b, r.a];
    const diff = Math.abs((r.difference as number) || 0);
    const difference = m
      ? amount(m, diff, decimals)
      : `${fmt(diff, 0)}${days ? ` day${diff === 1 ? '' : 's'}` : ''}`;
    const lead = verdict(winner === 'a');
    // A ratio is of the first side named to the second.
    const ratio =
      RATIO.test(q.text) && r.ratio !== null
        ? `; the ratio of the first to the second is ${fmt(r.ratio, 3)}`
        : '';
    // "Was it colder in week 4 or week 5?": "Week 4 was colder: …", as a person answers it.
    const word = AHEAD_WORD.exec(q.core)?.[1];
    const said =
      !lead && word
        ? `${capitalise(w.said)} ${/^(more|fewer|less)$/.test(word) ? 'had' : 'was'} ${word}. `
        : '';
    return {
      answer: `${lead}${said}${lead ? describe(w) : capitalise(describe(w))}: ${what} was ${say(wr)}, against ${say(lr)} ${describe(l)} (a difference of ${difference}${ratio}).`,
      citations: r.evidence,
      understood,
    };
  },
};

/** A comparison with a side that recorded nothing read as 0 there. */
function zeroFilled(r: CompareResult): CompareResult {
  if (r.a.value !== null && r.b.value !== null) return r;
  if (r.a.value === null && r.b.value === null) return r;
  const a = { ...r.a, value: r.a.value ?? 0 };
  const b = { ...r.b, value: r.b.value ?? 0 };
  const larger = a.value > b.value ? 'a' : a.value < b.value ? 'b' : 'equal';
  return {
    ...r,
    a,
    b,
    larger,
    difference: a.value - b.value,
    ratio: b.value === 0 ? null : a.value / b.value,
  };
}

/** "in week 4", "in Port Logic on days 3–9", "Nell Brine, on days 8–14". */
function describe(s: Side): string {
  if (s.actor) return `${s.actor} (${daysPhrase(s.range)})`;
  // "The fifth week" is said "week 5", "the tenth day" "day 10"; "last week" as it was asked.
  const { from, to } = s.range;
  const relative = /\b(last|this|past|previous|yesterday|today|ago|tonight)\b/.test(s.said);
  if (!relative && /\bweek\b/.test(s.said) && to - from === 6 && from % 7 === 1)
    return `in week ${(from + 6) / 7}`;
  if (!relative && /\bday\b/.test(s.said) && from === to) return `on day ${from}`;
  // "Week one" is said "week 1", as the days are.
  const week = /^(?:the )?week (\w+)$/.exec(s.said);
  if (week && !/^\d+$/.test(week[1] as string) && numberWord(week[1] as string) !== undefined)
    return `in week ${numberWord(week[1] as string)}`;
  if (/^(day|days|week|yesterday|today|last|this|the)\b/.test(s.said))
    return `${/^(day|days|week)\b/.test(s.said) ? 'in ' : ''}${s.said}`.replace(/^in day/, 'on day');
  return `in ${s.said} (${daysPhrase(s.range)})`;
}

/**
 * What every question form shares: the context it answers in, the shape of its answer, and the
 * helpers that choose towns, happenings, aggregates and days the same way for every form.
 */
import type { Selection } from '../../query/query.ts';
import type { AggregateResult as QueryAggregate } from '../../query/run.ts';
import type { StoredEvent } from '../../store/store.ts';
import { amount, eventLine, fmt, list } from '../format.ts';
import type { Question } from '../question.ts';
import type { DayRange } from '../time.ts';
import { type AggregateResult, type HistoryTools, selectionOfHappening } from '../tools.ts';
import {
  type Aggregate,
  type Happening,
  happeningOfMetric,
  type Metric,
  type Vocabulary,
} from '../vocabulary.ts';

export interface Understood {
  form: string;
  towns?: string[];
  metric?: string;
  happening?: string;
  actor?: string;
  from_day?: number;
  to_day?: number;
}

export interface PlannerContext {
  tools: HistoryTools;
  /** The world's towns, numbers and happenings, as questions name them. */
  vocab: Vocabulary;
  /** The world's current day. */
  today: number;
  /** The days the history holds, or null when it is empty. */
  history: DayRange | null;
  /** Everyone the history names as an actor. */
  actors: readonly string[];
}

/** A question's context once the history holds something: the days it asks about, clamped to the history. */
export interface FormContext extends PlannerContext {
  history: DayRange;
  /** Undefined when the question names no days. */
  range?: DayRange;
}

/** What a form's answer is before the planner adds the form's name. */
export interface FormAnswer {
  answer: string;
  citations: number[];
  understood: Partial<Understood>;
}

/** One form of question: whether a question has it, and how it is answered. */
export interface Form {
  name: string;
  matches(q: Question, ctx: FormContext): boolean;
  answer(q: Question, ctx: FormContext): Promise<FormAnswer>;
}

/**
 * One event, not a day's total: "a single haul", "one raid", "in one batch", "at once", "of one
 * time" (but "a single day", "the single best day" and "in one day" are a day).
 */
export const ONE_EVENT =
  /\bsingle\b(?!( \w+)? day)|\b(of|at|in) one time\b|\b(single|one) (haul|catch|raid|trip|shift|report|reading|event|delivery|shipment|batch|night|sale|trade|robbery|theft|loss)\b|\b(in|at|on|from|with|for) one (?!(day|week|month|year|of)\b)[a-z]+\b|\bin one go\b|\bat once\b/;

/**
 * The question's words without a "when" clause that only sets the scene ("When the pirates robbed
 * Port Logic, what was the most gold lost?" asks the most, not when).
 */
export const withoutWhenClause = (text: string): string =>
  text.replace(/^when\b[^?,]*,\s*(?=(what|how|which|who)\b)/, '');

/** One event, also named by a noun alone: "the biggest haul", "the richest raid", "the strongest gust". */
export const namesOneEvent = (q: Question, ctx: PlannerContext): boolean => ctx.vocab.oneEvent.test(q.text);

/**
 * A superlative ranks one event its noun names: "the highest humidity reading", "the biggest haul",
 * "the grandest sheaf of arrows", "the most big raid" (but "the biggest day's haul" and "the
 * highest daily reading" rank days, "the most catch" and "the most raid gold" are amounts, and "the
 * least grain round the farms" names no event).
 */
export function ranksOneEvent(q: Question, ctx: PlannerContext): boolean {
  for (const m of q.text.matchAll(new RegExp(ctx.vocab.oneEvent.source, 'g'))) {
    const before = q.text.slice(0, m.index).trim().split(/\s+/).slice(-3);
    const after =
      q.text
        .slice((m.index ?? 0) + m[0].length)
        .trim()
        .split(/\s+/)[0] ?? '';
    const at = before.findIndex((w) => SUPERLATIVE_WORD.test(w));
    if (at < 0 || before.slice(at + 1).some((w) => DAY_WORD.test(w))) continue;
    if (at === before.length - 1 && /^(most|least)$/.test(before[at] as string)) continue;
    if (/^(the|a|an|us|them|here|there)$/.test(after) || ctx.vocab.metricsIn(after).length > 0) continue;
    return true;
  }
  return false;
}
const SUPERLATIVE_WORD =
  /^(?!(latest|earliest|harvest|west|rest|nest|chest|forest|interest|guest|request|quest|contest|honest|modest|suggest)$)(\w+est|most|least|max|min|maximum|minimum|top|record|peak)$/;
const DAY_WORD = /^(day|day's|days|daily|total|sum|week|week's|month)$/;

/**
 * A day ranked by its total or mean: "their worst day", "the single-day record", "on the day when
 * the mean tide was lowest", "the day with the highest average", "at its height for a day".
 */
export const RANKED_DAY =
  /\b(?!(latest|earliest)\b)(\w+est|top|best|worst|record|busiest|peak)[- ](\w+ )?day\b|\bsingle[- ]day (record|best|high|peak|total)\b|\bon the day when\b[^?]*\b(highest|lowest|\w+est|most|least)\b|\b(at|to) (its|their) (height|highest|lowest|peak) for a day\b|\bday with (the )?(highest|lowest|most|least|biggest|smallest|\w+est)\b/;

/** A question that opens on the first or last of something: "first arrivals at the farms overall". */
export const FIRST_HAPPENING =
  /^(the )?(first|last|latest|earliest|most recent) (?!(day|days|week|month|time|\d)\b)/;

/** "…, and on what day?": the day is where the extreme was, not what is ranked. */
export const AND_WHAT_DAY =
  /,? and (on )?(what|which) day\b|\bwhat day was (that|it)\b|\bwhich day was (that|it)\s*$/;

/** The number asked about: named, or the one a happening is measured by ("the richest raid": its gold). */
export function measuredBy(q: Question, ctx: FormContext): Metric | undefined {
  const named = q.metrics[0];
  // "The biggest robbery Circuiton suffered, in gold": the gold Circuiton reports (its losses),
  // not the raiders' gold, where the question's towns report only the happening's number.
  const own = q.happening?.metric ? ctx.vocab.metric(q.happening.metric) : undefined;
  if (
    named &&
    own &&
    own !== named &&
    q.towns.length > 0 &&
    !q.towns.some((t) => named.towns.includes(t)) &&
    q.towns.some((t) => own.towns.includes(t))
  )
    return own;
  // "The biggest haul the pirates brought home, in gold": the number the named town reports.
  const reported =
    q.towns.length > 0 ? q.metrics.find((m) => q.towns.some((t) => m.towns.includes(t))) : undefined;
  if (named && reported && !q.towns.some((t) => named.towns.includes(t))) return reported;
  // "The biggest haul from one raid, in gold": the raid's own number, not the fishers' haul.
  const ofKind = q.happening?.kind ? q.metrics.find((m) => m.kind === q.happening?.kind) : undefined;
  if (named && ofKind) return ofKind;
  if (named) return named;
  if (q.happening?.metric) return ctx.vocab.metric(q.happening.metric);
  // A happening of a kind that carries one number ("the costliest robbery": its gold).
  const kind = ctx.vocab.world.kinds.find((k) => k.kind === q.happening?.kind);
  if (kind?.metrics?.length === 1) return ctx.vocab.metric(kind.metrics[0]?.key as string);
  // "The biggest shift Circuiton logged": one event of the town's main work.
  return !q.happening && q.towns.length === 1 && namesOneEvent(q, ctx)
    ? ctx.vocab.mainOf(q.towns[0] as string)
    : undefined;
}

/** A question that asks whether: "did it …?", "was there …?", "any storms?". */
export const WHETHER =
  /^(did|does|do|was|were|is|are|has|have|had|any)\b|^(can|could) you (confirm|check|verify)( that| whether| if)?\b|^(is it|it is) true that\b/;

/** The days asked about, or the whole history. */
export const whole = (ctx: FormContext): DayRange => ctx.range ?? { from: ctx.history.from, to: ctx.today };
/** The days asked about, or today. */
export const today = (ctx: FormContext): DayRange => ctx.range ?? { from: ctx.today, to: ctx.today };
export const rangeOf = (r: DayRange) => ({ from_day: r.from, to_day: r.to });
export const unique = (ids: number[]) => [...new Set(ids)];

/** An event as an answer quotes it, with its town's name unless the answer is about one town. */
export const line = (ctx: FormContext, e: StoredEvent, withTown = true) =>
  eventLine(e, withTown ? ctx.vocab : undefined);

/** A town's name, or a list of them. */
export const names = (ctx: FormContext, towns: readonly string[]) =>
  list(towns.map((t) => ctx.vocab.name(t)));

/** The towns a metric is asked of: the ones named that report it, or every town that does. */
export function townsFor(m: Metric, q: Question, ctx: FormContext): { towns: string[]; refused?: string } {
  const named = q.towns.filter((t) => m.towns.includes(t));
  if (q.towns.length > 0 && named.length === 0) {
    // "Did <a town> lose gold?" may name a town that does not report it: say where it is reported.
    return {
      towns: [],
      refused: `${names(ctx, q.towns)} ${q.towns.length === 1 ? 'does' : 'do'} not report ${m.label}; ${names(ctx, m.towns)} ${m.towns.length === 1 ? 'does' : 'do'}.`,
    };
  }
  return { towns: named.length > 0 ? named : [...m.towns] };
}

/** What a question asks happened: the happening it names, or its metric above zero. */
/** A happening that brought nothing: "a raid that came back empty", "came to nothing", "let a shipment go". */
const EMPTY =
  /\b(come|came|comes|coming|went|go|going|sailed) (back |home )?(up )?empty\b|\b(got|get|gets|getting|found|won) nothing\b|\bnothing to show\b|\bempty[- ]handed\b|\b(come|came|comes) (back )?(to|with) nothing\b|\b(took|taken|take|brought|caught|landed) nothing\b|\blet (a|the|any|\w+) (\w+ )?(shipments?|prizes?|cargo(es)?) go\b/;

/** "When did the miners dig the most ore?": the day of a day's extreme, not the last time. */
export const WHEN_MOST = /\bwhen did\b[^?]*\bthe (most|least|fewest|\w+est)\b(?! (recent|time)\b)/;

/** "How many fishing trips…", "how many shifts…": events counted, whatever their number. */
export const EVENTS_COUNTED =
  /\b(how (many|may|mnay|mny)|count (the|all)) (\w+ )?(trips|shifts|hauls|catches|raids|readings|deliveries|shipments|sales|batches|lessons|nights|reports|events)\b/;

/** The happening asked about; with none of its number where the question says it brought nothing. */
/** "Raids that brought in no gold": each one came back empty; but a day with no gold is a day without. */
const NO_GOLD = /\b(took|taken|take|brought|brought in|bring in|got|get) no (gold|loot|plunder)\b/;

/**
 * The happening a question asks of; one that came back empty where it says so. With `days`, "no
 * gold" is left to the days the happening did not happen on ("days the raids brought in no gold").
 */
export function happeningOf(
  q: Question,
  ctx: FormContext,
  options: { days?: boolean } = {},
): Happening | undefined {
  const h = namedHappening(q, ctx);
  const empty = EMPTY.test(q.text) || (!options.days && NO_GOLD.test(q.text));
  return h && empty ? emptied(h) : h;
}

/** Whether words say a happening brought nothing ("the raid came back empty"). */
export const saysEmpty = (text: string): boolean => EMPTY.test(text);

/** A happening that brought nothing of its number (a raid with no gold); one without a number as it is. */
export function emptied(h: Happening): Happening {
  if (h.metric === undefined || h.flag) return h;
  return {
    ...h,
    name: `${h.name}, empty`,
    phrase: `${h.phrase} and came back empty`,
    min: undefined,
    max: 0,
  };
}

function namedHappening(q: Question, ctx: FormContext): Happening | undefined {
  const { vocab } = ctx;
  // "Did the raiders raid <a town>?" asks about that town's losses: the raids that hit it.
  if (
    q.happening &&
    vocab.isRaid(q.happening) &&
    vocab.robbery &&
    q.towns.some((t) => !vocab.raiders.includes(t))
  )
    return vocab.robbery;
  if (q.happening) return q.happening;
  // "Did the pirates come back empty-handed?": the raiders' raid, empty.
  if (EMPTY.test(q.text) && q.towns.some((t) => vocab.raiders.includes(t)))
    return vocab.happenings.find((h) => vocab.isRaid(h));
  const m = q.metrics[0];
  if (!m) return undefined;
  // Every event that carries the number, also those of 0 ("how many fishing trips": all of them).
  return EVENTS_COUNTED.test(q.text)
    ? { ...happeningOfMetric(m), min: Number.NEGATIVE_INFINITY }
    : happeningOfMetric(m);
}

/** Where a happening is looked for: the town named (the victim, for robberies), or its own town. */
export function happeningTown(h: Happening, q: Question, ctx: FormContext): string | undefined {
  if (h === ctx.vocab.robbery) return q.towns.find((t) => !ctx.vocab.raiders.includes(t));
  if (h.town) return h.town;
  return q.towns[0];
}

/** " in <town>" where the happening could be in more than that town, else nothing. */
export const whereOf = (ctx: FormContext, h: Happening, town: string | undefined) =>
  town && town !== h.town ? ` in ${ctx.vocab.name(town)}` : '';

export function aggregateFor(m: Metric, q: Question): Aggregate {
  if (q.aggregate === 'mean' || q.aggregate === 'min' || q.aggregate === 'max') return q.aggregate;
  if (q.superlative && m.sensor && m.natural === 'mean') return q.superlative;
  return m.natural;
}

export function describeAggregate(m: Metric, fn: Aggregate): string {
  const label = m.label;
  if (fn === 'mean') return `the average ${label}`;
  if (fn === 'max') return m.sensor ? `the highest ${label}` : `the most ${label} in one report`;
  if (fn === 'min') return m.sensor ? `the lowest ${label}` : `the least ${label} in one report`;
  return label;
}

export function valueText(m: Metric, r: AggregateResult): string {
  if (r.value === null) return 'nothing reported';
  if (r.aggregate === 'count') return `${fmt(r.value, 0)} reports`;
  const decimals = r.aggregate === 'mean' ? m.decimals + 1 : m.decimals;
  return amount(m, r.value, decimals);
}

/** The selection of a metric's events in some towns over some days, as the typed query takes it. */
export function selectionOf(m: Metric, towns: readonly string[], range: DayRange): Selection {
  return {
    metric: m.key,
    ...(towns.length ? { towns: [...towns] } : {}),
    ...(m.kind ? { kinds: [m.kind] } : {}),
    days: { from: range.from, to: range.to },
  };
}

/** "How many days", "the number of days": distinct days counted, not events (the shipment and goods forms defer to it). */
export const HOW_MANY_DAYS =
  /\bhow (many|may|mnay|mny) (\w+ )?days?\b(?! (of|in) the week\b(?! \d))|\bhow much days\b|\bhow many of the (\w+ ){0,3}days\b|\bn (days|dyas)\b|\bcount (of )?days\b|\bcountunique\s*\(\s*days?\s*\)|^(\w+ )?days (with|when|on which|that)\b[^?]*\?\s*how many\b|\bhow many (were|are) the days\b|\bnumber of (distinct |separate |different )?days\b|\bhow often\b.*\bdays\b|\bcount (for me |up )?(the|all the) days\b/;

/** A day above every earlier day: "a new daily record", "a new running max", "broke its record". */
export const RUNNING_RECORD =
  /\bnew (daily |all[- ]time |running )?(records?|highs?|max(imum)?|best)\b|\brunning (max(imum)?|highs?|records?)\b|\b(set|sets|setting|broke|breaks|break|broken|beat|beats) (a |the |its |their )?(new )?(daily )?records?\b/;

/** A town's purchases: what it bought, imported, paid for or spent on. */
export const BOUGHT =
  /\b(buy|buys|bought|buying|purchas\w*|import\w*)\b|\bpa(y|id|ys|ying) for\b|\bspen(d|ds|t|ding)\b/;
/** A town's sales: what it sold, exported, earned or took in. */
export const SOLD =
  /\b(sales?|sold|sell(s|ing)?|export(s|ed|ing)?|outbound|earn(s|ed|ing|ings)?|income|revenue|takings)\b|\bt(ake|akes|ook|aking) in\b/;

/**
 * The selection a question makes of a metric's events: `selectionOf` with the trade's direction
 * the question gives ("the port's sales" are trades from it).
 */
export function selectionFor(
  q: Question,
  ctx: FormContext,
  m: Metric,
  towns: readonly string[],
  range: DayRange,
): Selection {
  return { ...selectionOf(m, towns, range), ...tradeFieldsOf(m, towns, q.text, ctx.vocab) };
}

/** A number as a selection of its events names it: a town's gold in trade as its sales, or its purchases. */
export function labelled(m: Metric, select: Pick<Selection, 'fields'>): Metric {
  if (m.key !== 'value_gold' || !select.fields) return m;
  const { from, to } = select.fields;
  if (from && !to) return { ...m, label: 'gold from sales' };
  if (to && !from) return { ...m, label: 'gold paid for purchases' };
  return m;
}

/**
 * A trade's direction, where the question gives one: what a town sold ("its richest sale", "the
 * largest export", "outbound", "trades from the port") is a trade from it; what it bought ("its
 * priciest import", "trades to Port Logic") one to it. Nothing for any other number, or where the
 * question says neither.
 */
export function tradeFieldsOf(
  m: Pick<Metric | Happening, 'kind'>,
  towns: readonly string[],
  text: string,
  vocab: Vocabulary,
): Pick<Selection, 'fields'> {
  if (m.kind !== 'trade' || towns.length === 0) return {};
  if (BOUGHT.test(text)) return { fields: { to: [...towns] } };
  if (SOLD.test(text)) return { fields: { from: [...towns] } };
  // "Trades from=port-logic", "trade to the port": the word before the town.
  const before = (town: string) => {
    const at = vocab.towns.find((t) => t.id === town)?.words.exec(text);
    return at
      ? (/\b(from|to) (the )?$/.exec(text.slice(0, at.index))?.[1] as 'from' | 'to' | undefined)
      : undefined;
  };
  const sides = towns.map(before);
  if (sides.every((s) => s === 'from')) return { fields: { from: [...towns] } };
  if (sides.every((s) => s === 'to')) return { fields: { to: [...towns] } };
  return {};
}

/** How a metric's values are combined when a question asks "how much": a sum, or a mean of readings. */
export const combineOf = (m: Metric): 'sum' | 'mean' => (m.natural === 'mean' ? 'mean' : 'sum');

/** Decimals an answer gives a value: a mean one more than the events carry. */
export const decimalsOf = (m: Metric, combine: string) => (combine === 'mean' ? m.decimals + 1 : m.decimals);

/** "more than 570 gold", "above 76 %", "under 3.5 tons": a number the question holds its answer to. */
const THRESHOLD =
  /\b(more|less|fewer|higher|lower|greater|above|over|below|under|at least|at most|colder|cooler|warmer|hotter|windier|wetter|rainier|exceed(?:s|ed|ing)?|top(?:s|ped)?|clear(?:s|ed)?|(?<=\b(?:rose|rise|rises|risen|went|go|got|climbed) )past|beyond)\s+(?:than\s+)?(-?\d[\d,]*(?:\.\d+)?)/;

export function thresholdOf(
  q: Question,
): { above: boolean; strict: boolean; value: number; negated: boolean } | undefined {
  const m = THRESHOLD.exec(q.text);
  if (!m) return undefined;
  const word = m[1] as string;
  return {
    // "Days with no rain above 0 mm", "no reading over 13": the days it did not pass.
    negated: /\b(no|not|without|never)\b( [a-z]+){0,3} ?\(?$/.test(q.text.slice(0, m.index)),
    above:
      /more|higher|greater|above|over|at least|warmer|hotter|windier|wetter|rainier|exceed|top|clear|past|beyond/.test(
        word,
      ),
    strict: !word.startsWith('at '),
    value: Number((m[2] as string).replace(/,/g, '')),
  };
}

/**
 * How many times a happening happened, day by day (the days it did, in order); `cite: 0` for the
 * days alone, without the events behind them.
 */
export async function timesByDay(
  ctx: FormContext,
  h: Happening,
  town: string | undefined,
  range: DayRange,
  cite?: number,
  fields?: Selection['fields'],
): Promise<QueryAggregate> {
  return (await ctx.tools.query(
    {
      op: 'aggregate',
      select: { ...selectionOfHappening(h, town, range, ctx.vocab), ...(fields ? { fields } : {}) },
      per: 'event',
      aggregate: 'count',
      group: 'day',
      order: 'key',
      ...(cite === undefined ? {} : { cite }),
    },
    ctx.today,
  )) as QueryAggregate;
}

/**
 * The offline planner: a question → its form (what happened, how much, did it, when, which town,
 * which day, who, compare, both on the same day, find) → the tools that answer it → a short answer
 * with exact numbers, the days it covers, and the events it rests on. No model, no network.
 */
import type { StoredEvent } from '../store/store.ts';
import { WEATHER_METRICS } from '../world/kinds.ts';
import { amount, capitalise, eventLine, fmt, list, times } from './format.ts';
import { sayNumber } from './numbers.ts';
import { parseQuestion, type Question } from './question.ts';
import { type DayRange, daysPhrase } from './time.ts';
import { type AggregateResult, type HistoryTools, roundTo } from './tools.ts';
import {
  type Aggregate,
  type Happening,
  happeningOfMetric,
  type Metric,
  type Vocabulary,
} from './vocabulary.ts';

/**
 * What every question form shares: the context it answers in, the shape of its answer, and the
 * helpers that choose towns, happenings, aggregates and days the same way for every form.
 */

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
interface FormContext extends PlannerContext {
  history: DayRange;
  /** Undefined when the question names no days. */
  range?: DayRange;
}

/** What a form's answer is before the planner adds the form's name. */
interface FormAnswer {
  answer: string;
  citations: number[];
  understood: Partial<Understood>;
}

/** One form of question: whether a question has it, and how it is answered. */
interface Form {
  name: string;
  matches(q: Question, ctx: FormContext): boolean;
  answer(q: Question, ctx: FormContext): Promise<FormAnswer>;
}

/** The days asked about, or the whole history. */
const whole = (ctx: FormContext): DayRange => ctx.range ?? { from: ctx.history.from, to: ctx.today };
/** The days asked about, or today. */
const today = (ctx: FormContext): DayRange => ctx.range ?? { from: ctx.today, to: ctx.today };
const rangeOf = (r: DayRange) => ({ from_day: r.from, to_day: r.to });
const unique = (ids: number[]) => [...new Set(ids)];

/** An event as an answer quotes it, with its town's name unless the answer is about one town. */
const line = (ctx: FormContext, e: StoredEvent, withTown = true) =>
  eventLine(e, withTown ? ctx.vocab : undefined);

/** A town's name, or a list of them. */
const names = (ctx: FormContext, towns: readonly string[]) => list(towns.map((t) => ctx.vocab.name(t)));

/** The towns a metric is asked of: the ones named that report it, or every town that does. */
function townsFor(m: Metric, q: Question, ctx: FormContext): { towns: string[]; refused?: string } {
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
function happeningOf(q: Question, ctx: FormContext): Happening | undefined {
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
  const m = q.metrics[0];
  return m ? happeningOfMetric(m) : undefined;
}

/** Where a happening is looked for: the town named (the victim, for robberies), or its own town. */
function happeningTown(h: Happening, q: Question, ctx: FormContext): string | undefined {
  if (h === ctx.vocab.robbery) return q.towns.find((t) => !ctx.vocab.raiders.includes(t));
  if (h.town) return h.town;
  return q.towns[0];
}

/** " in <town>" where the happening could be in more than that town, else nothing. */
const whereOf = (ctx: FormContext, h: Happening, town: string | undefined) =>
  town && town !== h.town ? ` in ${ctx.vocab.name(town)}` : '';

function aggregateFor(m: Metric, q: Question): Aggregate {
  if (q.aggregate === 'mean' || q.aggregate === 'min' || q.aggregate === 'max') return q.aggregate;
  if (q.superlative && m.sensor && m.natural === 'mean') return q.superlative;
  return m.natural;
}

function describeAggregate(m: Metric, fn: Aggregate): string {
  const label = m.label;
  if (fn === 'mean') return `the average ${label}`;
  if (fn === 'max') return m.sensor ? `the highest ${label}` : `the most ${label} in one report`;
  if (fn === 'min') return m.sensor ? `the lowest ${label}` : `the least ${label} in one report`;
  return label;
}

function valueText(m: Metric, r: AggregateResult): string {
  if (r.value === null) return 'nothing reported';
  if (r.aggregate === 'count') return `${fmt(r.value, 0)} reports`;
  const decimals = r.aggregate === 'mean' ? m.decimals + 1 : m.decimals;
  return amount(m, r.value, decimals);
}

/** A question outside the history: what the agent can answer, with examples built from the world. */

/** Questions the planner answers, naming the world's own towns, numbers and happenings. */
function examples(vocab: Vocabulary): string {
  const [first, ...rest] = vocab.towns;
  const last = rest.at(-1) ?? first;
  const said: string[] = [];
  if (last) said.push(`What happened on day 12 in ${last.name}?`);
  const main = first && vocab.mainOf(first.id);
  if (first && main) said.push(`What was the total ${main.label} in ${first.name} last week?`);
  // A town's own news (a raid), else any of its own happenings.
  const own = vocab.happenings.filter((h) => h.town !== undefined);
  const news = own.find((h) => h.news && !h.flag) ?? own[0];
  if (news) said.push(`When was the last time ${news.phrase}?`);
  const reading = vocab.metrics.find((m) => m.sensor && m.shared);
  if (reading) said.push(`Which town had the highest ${reading.label} this week?`);
  return `For example: ${said.map((s) => `"${s}"`).join(', ')}`;
}

const unknown: Form = {
  name: 'unknown',
  matches: () => true,
  answer: async (_q, ctx) => ({
    answer: `I can only answer from the world's history: the ${sayNumber(ctx.vocab.towns.length)} towns' work, weather and trade, day by day (days ${ctx.history.from}–${ctx.today}). That question is outside it. ${examples(ctx.vocab)}`,
    citations: [],
    understood: { form: 'unknown' },
  }),
};

/** "What did John do on day 12?": one person's recorded actions, their totals, and their talks. */

const actor: Form = {
  name: 'actor',
  matches: (q) =>
    q.actor !== undefined && (q.metrics.length === 0 || /\bwhat did\b|\bwhat has\b/.test(q.text)),
  async answer(q, ctx) {
    const name = q.actor;
    if (!name)
      return {
        answer: `I do not know who that is. The history names people such as ${list(ctx.actors.slice(0, 4))}.`,
        citations: [],
        understood: {},
      };
    const range = whole(ctx);
    const found = await ctx.tools.listEvents({ actor: name, range, limit: 5000 });
    // Someone else whose name contains this one's ("John" in "Johnny") is not them.
    const events = found.events.filter((e) => e.actor === name);
    if (/\b(talk|talked|spoke|chat|chatted|met|meet)\b/.test(q.text)) {
      const talks = events.filter((e) => e.kind === 'chat' || e.kind === 'meeting');
      if (talks.length === 0)
        return {
          answer: `The history records no conversation of ${name} on ${daysPhrase(range)}.`,
          citations: [],
          understood: rangeOf(range),
        };
      return {
        answer: `${name} on ${daysPhrase(range)}: ${talks.map((e) => eventLine(e)).join(' · ')}`,
        citations: talks.map((e) => e.id),
        understood: rangeOf(range),
      };
    }
    if (events.length === 0)
      return {
        answer: `The history records nothing ${name} did on ${daysPhrase(range)}.`,
        citations: [],
        understood: rangeOf(range),
      };
    const totals: string[] = [];
    for (const m of ctx.vocab.metrics) {
      const mine = events.filter((e) => e.kind === m.kind && typeof e.data[m.key] === 'number');
      if (mine.length === 0 || m.sensor) continue;
      const sum = roundTo(
        mine.reduce((s, e) => s + (e.data[m.key] as number), 0),
        m.decimals,
      );
      totals.push(`${m.label}: ${amount(m, sum)}`);
    }
    const shown = events.slice(-5).map((e) => eventLine(e));
    return {
      answer: `${name} (${ctx.vocab.name(events[0]?.town ?? '')}) on ${daysPhrase(range)}: ${events.length} recorded ${events.length === 1 ? 'action' : 'actions'}${totals.length ? `; ${totals.join(', ')}` : ''}. ${events.length > 5 ? 'The latest: ' : ''}${shown.join(' · ')}`,
      citations: events.map((e) => e.id),
      understood: rangeOf(range),
    };
  },
};

/** "How much ore was mined last week?": a total, an average, a low or a high, town by town. */

const aggregate: Form = {
  name: 'aggregate',
  matches: (q) => q.metrics.length > 0 && !/\bwhat happened\b/.test(q.text),
  async answer(q, ctx) {
    const m = q.metrics[0] as Metric;
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
  const perDay =
    fn === 'mean' && !m.sensor && !/\bper (shift|report|event|catch|haul|raid|round)\b/.test(q.text);
  const lines: string[] = [];
  const citations: number[] = [];
  let total = 0;
  for (const town of towns) {
    const r = await ctx.tools.aggregate({
      metric: m.key,
      aggregate: perDay ? 'sum' : fn,
      town,
      range,
      actor,
    });
    citations.push(...r.citations);
    const who = ctx.vocab.name(town);
    const by = actor ? ` by ${actor}` : '';
    if (r.value === null) {
      const none = fn === 'sum' || perDay ? `${amount(m, 0)}: ` : '';
      lines.push(`${capitalise(m.label)}${by} in ${who}, ${daysPhrase(range)}: ${none}nothing was reported.`);
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
        `${capitalise(m.label)}${by} in ${who}, ${daysPhrase(range)}: ${valueText(m, r)} (${r.n} reports).`,
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

/** "How many raids last week?": how many times something happened, with the latest few. */

const count: Form = {
  name: 'count',
  matches(q) {
    const h = q.happening;
    // "How many repairs" counts the repairs; "how many crates were shipped" adds up crates.
    if (
      /\bhow many\b/.test(q.text) &&
      h &&
      !q.metrics.some((m) => m.key !== h.metric && q.text.includes(m.unit))
    )
      return true;
    return q.aggregate === 'count' && (q.happening !== undefined || q.metrics.length > 0);
  },
  async answer(q, ctx) {
    const h = happeningOf(q, ctx) as Happening;
    const town = happeningTown(h, q, ctx);
    const range = whole(ctx);
    const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 100_000 });
    const where = whereOf(ctx, h, town);
    const examples = found.events.slice(-3).map((e) => line(ctx, e, !town));
    const answer =
      found.count === 0
        ? `None: ${h.phrase.replace(/^(the|a) /, 'no ')}${where} on ${daysPhrase(range)} (0 times).`
        : `${capitalise(h.phrase)}${where} ${times(found.count)} on ${daysPhrase(range)}. The latest: ${examples.join(' · ')}`;
    return { answer, citations: found.citations, understood: { happening: h.name, ...rangeOf(range) } };
  },
};

/** "Did the mine flood yesterday?": yes with the times it happened, or no with the last time before. */

const did: Form = {
  name: 'did',
  matches: (q) =>
    /^(did|does|do|was|were|has|have|had|is|are)\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.actor !== undefined),
  async answer(q, ctx) {
    const h = happeningOf(q, ctx);
    if (!h) return actor.answer(q, ctx);
    const town = happeningTown(h, q, ctx);
    const range = today(ctx);
    const where = whereOf(ctx, h, town);
    const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 5 });
    if (found.count > 0) {
      const more =
        found.count > found.events.length ? ` (and ${found.count - found.events.length} more)` : '';
      return {
        answer: `Yes: ${h.phrase}${where} ${times(found.count)} on ${daysPhrase(range)}. ${found.events.map((e) => line(ctx, e, !town)).join(' · ')}${more}`,
        citations: found.citations,
        understood: { happening: h.name, ...rangeOf(range) },
      };
    }
    const before = await ctx.tools.occurrences({
      happening: h,
      town,
      range: { from: 1, to: range.from - 1 },
      newestFirst: true,
      limit: 1,
    });
    const last = before.events[0];
    return {
      answer: `No: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)}.${last ? ` The last time before was ${line(ctx, last, !town)}` : ''}`,
      citations: before.citations,
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};

/** "When did the mine last flood?": the last (or first) time something happened. */

const when: Form = {
  name: 'when',
  matches: (q) =>
    /\bwhen\b|\blast time\b|\bmost recent(ly)?\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.actor !== undefined),
  async answer(q, ctx) {
    const h = happeningOf(q, ctx);
    if (!h) return actor.answer(q, ctx);
    const town = happeningTown(h, q, ctx);
    const first = /\bfirst\b|\bearliest\b/.test(q.text);
    const range = whole(ctx);
    const where = whereOf(ctx, h, town);
    const found = await ctx.tools.occurrences({ happening: h, town, range, newestFirst: !first, limit: 1 });
    const e = found.events[0];
    if (!e)
      return {
        answer: `Never on ${daysPhrase(range)}: the history holds no record that ${h.phrase}${where}.`,
        citations: [],
        understood: { happening: h.name, ...rangeOf(range) },
      };
    return {
      answer: `${first ? 'The first time' : 'The last time'} ${h.phrase}${where} was ${line(ctx, e, !town)} (${times(found.count)} on ${daysPhrase(range)}).`,
      citations: [e.id],
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};

/** "Which town had the most rain last week?": the towns ranked by a number or by a happening. */

const whichTown: Form = {
  name: 'which town',
  matches: (q) =>
    /\bwhich (town|place)\b|\bwhere (was|did|were|is)\b|\bwhat town\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined),
  async answer(q, ctx) {
    const m = q.metrics[0];
    return m ? byMetric(q, ctx, m) : byHappening(q, ctx, happeningOf(q, ctx) as Happening);
  },
};

async function byHappening(q: Question, ctx: FormContext, h: Happening) {
  const range = whole(ctx);
  const direction = q.superlative ?? 'max';
  const rows: { town: string; n: number; ids: number[] }[] = [];
  // A happening of some towns (a raid) is not looked for in the others.
  for (const town of ctx.vocab.ids.filter((t) => h.towns.includes(t))) {
    const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 100_000 });
    rows.push({ town, n: found.count, ids: found.citations });
  }
  rows.sort((a, b) => (direction === 'max' ? b.n - a.n : a.n - b.n));
  const top = rows[0];
  const name = (t: string) => ctx.vocab.name(t);
  return {
    answer: top
      ? `${name(top.town)}: ${h.phrase} there ${times(top.n)} on ${daysPhrase(range)}. ${rows
          .slice(1)
          .map((r) => `${name(r.town)}: ${times(r.n)}`)
          .join(', ')}.`
      : 'No town has a record of that.',
    citations: unique(rows.flatMap((r) => r.ids)),
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

async function byMetric(q: Question, ctx: FormContext, m: Metric) {
  const range = m.sensor ? today(ctx) : whole(ctx);
  const direction = q.superlative ?? 'max';
  const fn: Aggregate = m.natural === 'mean' ? 'mean' : 'sum';
  const towns = q.towns.length >= 2 ? q.towns.filter((t) => m.towns.includes(t)) : [...m.towns];
  const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, range, groupBy: 'town' });
  const groups = (r.groups ?? []).filter((g) => towns.includes(g.key));
  if (direction === 'min') groups.reverse();
  const [top, ...others] = groups;
  if (!top || (fn === 'sum' && groups.every((g) => g.value === 0)))
    return {
      answer: `No town had any ${m.label} on ${daysPhrase(range)}${top ? `: ${amount(m, 0)} everywhere` : ''}.`,
      citations: [],
      understood: { metric: m.key, ...rangeOf(range) },
    };
  const decimals = fn === 'mean' ? m.decimals + 1 : m.decimals;
  const what =
    fn === 'mean'
      ? `the ${direction === 'max' ? 'highest' : 'lowest'} average ${m.label}`
      : `the ${direction === 'max' ? 'most' : 'least'} ${m.label}`;
  const name = (t: string) => ctx.vocab.name(t);
  const answer = `${name(top.key)} had ${what} on ${daysPhrase(range)}: ${amount(m, top.value, decimals)}.${
    others.length
      ? ` Then ${others.map((g) => `${name(g.key)} ${amount(m, g.value, decimals)}`).join(', ')}.`
      : ''
  }`;
  return {
    answer,
    citations: unique(groups.flatMap((g) => g.citations)),
    understood: { metric: m.key, towns: groups.map((g) => g.key), ...rangeOf(range) },
  };
}

/** "Which day was the most ore mined?": the days ranked by a number's day total (or day mean). */

const whichDay: Form = {
  name: 'which day',
  matches: (q) =>
    /\b(which|what) day\b|\bon which day\b|\bwhen was the (biggest|largest|best|highest|lowest|worst|smallest)\b/.test(
      q.text,
    ) && q.metrics.length > 0,
  async answer(q, ctx) {
    const m = q.metrics[0] as Metric;
    const { towns, refused } = townsFor(m, q, ctx);
    if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
    const town = towns.length === 1 ? towns[0] : undefined;
    const range = whole(ctx);
    const fn: Aggregate = m.natural === 'mean' ? 'mean' : 'sum';
    const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, town, range, groupBy: 'day' });
    const groups = [...(r.groups ?? [])];
    if (q.superlative === 'min') groups.reverse();
    const top = groups[0];
    const where = town ? ` in ${ctx.vocab.name(town)}` : '';
    if (!top || (top.value === 0 && !m.sensor))
      return {
        answer: `No ${m.label}${where} on ${daysPhrase(range)}: every day's total was 0.`,
        citations: [],
        understood: { metric: m.key },
      };
    const decimals = fn === 'mean' ? m.decimals + 1 : m.decimals;
    const ties = groups.filter((g) => g.value === top.value);
    return {
      answer: `${q.superlative === 'min' ? 'The least' : 'The most'} ${fn === 'mean' ? `average ${m.label}` : m.label}${where} on ${daysPhrase(range)} came on ${ties.length > 5 ? `${ties.length} days, the first day ${ties[0]?.key}` : list(ties.map((g) => `day ${g.key}`))}: ${amount(m, top.value, decimals)}.`,
      citations: unique(ties.flatMap((g) => g.citations)),
      understood: { metric: m.key, towns: town ? [town] : [], ...rangeOf(range) },
    };
  },
};

/** "Who mined the most ore?", "Who led the raids?": people ranked by a number, or named for a happening. */

const who: Form = {
  name: 'who',
  matches: (q) => /^who\b|\bwho (was|were|did|made|caught)\b/.test(q.text),
  async answer(q, ctx) {
    if (q.actor) return actor.answer(q, ctx);
    const m = q.metrics[0];
    if (m && (q.superlative || /\bmost\b/.test(q.text))) return ranked(q, ctx, m);
    return named(q, ctx);
  },
};

async function ranked(q: Question, ctx: FormContext, m: Metric) {
  const range = whole(ctx);
  const { towns, refused } = townsFor(m, q, ctx);
  if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
  const town = towns.length === 1 ? towns[0] : undefined;
  const r = await ctx.tools.aggregate({ metric: m.key, aggregate: 'sum', town, range, groupBy: 'actor' });
  const groups = [...(r.groups ?? [])];
  if (q.superlative === 'min') groups.reverse();
  const [top, ...others] = groups;
  if (!top)
    return {
      answer: `Nobody is recorded with ${m.label} on ${daysPhrase(range)}.`,
      citations: [],
      understood: { metric: m.key },
    };
  return {
    answer: `${top.key}: ${amount(m, top.value)} on ${daysPhrase(range)}.${others.length ? ` Then ${others.map((g) => `${g.key} ${amount(m, g.value)}`).join(', ')}.` : ''}`,
    citations: unique(groups.flatMap((g) => g.citations)),
    understood: { metric: m.key, ...rangeOf(range) },
  };
}

async function named(q: Question, ctx: FormContext) {
  const h = happeningOf(q, ctx);
  // "Who will win the election?" names nothing the history holds.
  if (!h && q.towns.length === 0 && !q.time) return unknown.answer(q, ctx);
  const range = ctx.range ?? today(ctx);
  const town = h ? happeningTown(h, q, ctx) : q.towns[0];
  const events = h
    ? (await ctx.tools.occurrences({ happening: h, town, range, limit: 200 })).events
    : (await ctx.tools.listEvents({ town, range, limit: 2000 })).events;
  const withActor = events.filter((e) => e.actor);
  const where = town ? ` in ${ctx.vocab.name(town)}` : '';
  if (withActor.length === 0)
    return {
      answer: `Nobody is named for that on ${daysPhrase(range)}${where}.`,
      citations: [],
      understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
    };
  const byActor = new Map<string, StoredEvent[]>();
  for (const e of withActor) byActor.set(e.actor as string, [...(byActor.get(e.actor as string) ?? []), e]);
  const parts = [...byActor].map(
    ([name, list]) =>
      `${name} (${list.length === 1 ? line(ctx, list[0] as StoredEvent, !town) : `${list.length} times, ${daysPhrase({ from: list[0]?.day ?? range.from, to: list.at(-1)?.day ?? range.to })}`})`,
  );
  return {
    answer: `On ${daysPhrase(range)}${where}: ${parts.join('; ')}.`,
    citations: withActor.map((e) => e.id),
    understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
  };
}

/** "Compare the rain here with the ore mined there": each side's number over the same days, and the difference. */

const compare: Form = {
  name: 'compare',
  matches: (q) =>
    /\bcompare\b|\bcompared?\b|\bversus\b|\bvs\.?\b|\bdifference between\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.towns.length >= 2),
  async answer(q, ctx) {
    const range = whole(ctx);
    const pairs: { m: Metric; town: string }[] = [];
    if (q.metrics.length >= 2) {
      q.metrics.forEach((m, i) => {
        const named = q.towns[i];
        const town = named && m.towns.includes(named) ? named : (m.towns[0] as string);
        pairs.push({ m, town });
      });
    } else {
      // Two towns and no number: compare the first weather reading every town takes.
      const m = q.metrics[0] ?? ctx.vocab.metric(WEATHER_METRICS[0]?.key ?? '');
      if (!m) return unknown.answer(q, ctx);
      const towns = (q.towns.length >= 2 ? q.towns : m.towns).filter((t) => m.towns.includes(t));
      for (const town of towns) pairs.push({ m, town });
    }
    const parts: string[] = [];
    const citations: number[] = [];
    const values: number[] = [];
    for (const { m, town } of pairs) {
      const fn = aggregateFor(m, q);
      const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, town, range });
      citations.push(...r.citations);
      values.push(r.value ?? 0);
      parts.push(`${ctx.vocab.name(town)}, ${describeAggregate(m, fn)}: ${valueText(m, r)}`);
    }
    const [a, b] = pairs;
    let verdict = '';
    if (pairs.length === 2 && a && b && a.m === b.m && values[0] !== values[1]) {
      const fn = aggregateFor(a.m, q);
      const decimals = fn === 'mean' ? a.m.decimals + 1 : a.m.decimals;
      const diff = roundTo(Math.abs((values[0] ?? 0) - (values[1] ?? 0)), decimals);
      const higher = (values[0] ?? 0) > (values[1] ?? 0) ? a.town : b.town;
      verdict = ` ${ctx.vocab.name(higher)} is higher by ${amount(a.m, diff, decimals)}.`;
    }
    return {
      answer: `On ${daysPhrase(range)}: ${parts.join('; ')}.${verdict}`,
      citations: unique(citations),
      understood: {
        towns: pairs.map((x) => x.town),
        metric: pairs.map((x) => x.m.key).join(','),
        ...rangeOf(range),
      },
    };
  },
};

/**
 * "When did two towns both have a big day?": the days on which each side held, a side being a
 * happening or a big day (the top quarter) of a number, the town's main product by default.
 */

/** Words that ask for a big day rather than the literal happening of that name. */
const BIG_DAY = /\b(surplus(es)?|record|large|big|bumper|good|great|high)\b/;

const both: Form = {
  name: 'both',
  matches: (q) =>
    /\bboth\b|\bsame day\b|\btogether\b/.test(q.text) && (q.towns.length >= 2 || q.metrics.length >= 2),
  async answer(q, ctx) {
    const range = whole(ctx);
    const towns = q.towns.length >= 2 ? q.towns : q.metrics.map((m) => m.towns[0] as string);
    const bigDay = BIG_DAY.test(q.text) || (!q.happening && q.metrics.length === 0);
    const sides = towns.map((town, i): { town: string; metric?: Metric; happening?: Happening } => {
      const metric =
        q.metrics.find((m, j) => j === i && m.towns.includes(town)) ??
        q.metrics.find((m) => m.towns.length === 1 && m.towns[0] === town) ??
        (q.metrics.length === 1 && q.metrics[0]?.towns.includes(town) ? q.metrics[0] : undefined);
      if (metric && !metric.sensor) return { town, metric };
      if (!bigDay && q.happening) return { town, happening: q.happening };
      return { town, metric: ctx.vocab.mainOf(town) };
    });
    const r = await ctx.tools.sharedDays({ sides, range });
    const name = (t: string) => ctx.vocab.name(t);
    const rule = r.sides
      .map((s, i) => {
        const metric = sides[i]?.metric;
        if (s.threshold === undefined) return `${name(s.town)}: ${s.what} on ${s.days} days`;
        if (!metric || !Number.isFinite(s.threshold)) return `${name(s.town)}: no ${s.what} at all`;
        return `${name(s.town)}: ${s.what} at least ${amount(metric, s.threshold)} (${s.days} days)`;
      })
      .join('; ');
    const usesBigDays = r.sides.some((s) => s.threshold !== undefined);
    const shown =
      r.days.length > 20
        ? `${r.days
            .slice(0, 20)
            .map((d) => `day ${d}`)
            .join(', ')} and ${r.days.length - 20} more`
        : list(r.days.map((d) => `day ${d}`));
    const answer = r.days.length
      ? `${names(ctx, towns)} both did on ${r.days.length} ${r.days.length === 1 ? 'day' : 'days'} of ${daysPhrase(range)}: ${shown}.`
      : `Never on ${daysPhrase(range)}: no day had both.`;
    return {
      answer: `${answer} ${usesBigDays ? 'A big day is one in the top quarter of the days the town produced any: ' : 'Counted: '}${rule}.`,
      citations: r.citations,
      understood: { towns, ...rangeOf(range) },
    };
  },
};

/** "How is the weather in the mountains today?": each weather reading's range (rain's total), and storms. */

const weather: Form = {
  name: 'weather',
  matches: (q) => /\bweather\b|\bforecast\b/.test(q.text),
  async answer(q, ctx) {
    const range = today(ctx);
    const towns = q.towns.length ? q.towns : [...ctx.vocab.ids];
    const readings = WEATHER_METRICS.map((w) => ctx.vocab.metric(w.key)).filter((m): m is Metric => !!m);
    // What the weather station flags: a storm.
    const flags = ctx.vocab.happenings.filter((h) => h.flag && readings.some((m) => m.kind === h.kind));
    const parts: string[] = [];
    const citations: number[] = [];
    for (const town of towns) {
      const said: string[] = [];
      for (const m of readings) {
        if (m.natural === 'sum') {
          // Rain is said as what fell.
          const r = await ctx.tools.aggregate({ metric: m.key, aggregate: 'sum', town, range });
          if (r.value === null) continue;
          citations.push(...r.citations);
          said.push(r.value ? amount(m, r.value) : `no ${m.label}`);
          continue;
        }
        const lo = await ctx.tools.aggregate({ metric: m.key, aggregate: 'min', town, range });
        const hi = await ctx.tools.aggregate({ metric: m.key, aggregate: 'max', town, range });
        if (lo.value === null || hi.value === null) continue;
        citations.push(...lo.citations, ...hi.citations);
        said.push(
          lo.value === hi.value
            ? `${m.label} ${amount(m, hi.value)}`
            : `${m.label} ${fmt(lo.value, m.decimals)} to ${amount(m, hi.value)}`,
        );
      }
      if (said.length === 0) continue;
      for (const h of flags) {
        const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 1 });
        if (found.count > 0) said.push(h.phrase);
      }
      parts.push(`${ctx.vocab.name(town)}: ${said.join(', ')}`);
    }
    return {
      answer: parts.length
        ? `Weather on ${daysPhrase(range)}: ${parts.join('; ')}.`
        : `No weather was recorded on ${daysPhrase(range)}.`,
      citations: unique(citations),
      understood: { towns, ...rangeOf(range) },
    };
  },
};

/** "What happened on day 12?": each town's totals of its jobs, and its news of the day. */

const ASKS =
  /\bhappen(ed|ing)?\b|\bgo(ing)? on\b|\bwent on\b|\bnews\b|\bsummar(y|ise|ize)\b|\btell me about\b|\bhow was\b|\bwhat's new\b|\bwhat is new\b/;

const happened: Form = {
  name: 'happened',
  matches: (q) => ASKS.test(q.text),
  async answer(q, ctx) {
    const range = today(ctx);
    const towns = q.towns.length ? q.towns : [...ctx.vocab.ids];
    const parts: string[] = [];
    const citations: number[] = [];
    for (const town of towns) {
      const { events } = await ctx.tools.listEvents({ town, range, limit: 20_000 });
      if (events.length === 0) continue;
      citations.push(...events.map((e) => e.id));
      const totals: string[] = [];
      // The town's own jobs first, then its trade.
      const metrics = [...ctx.vocab.metrics].sort((a, b) => Number(a.shared) - Number(b.shared));
      for (const m of metrics) {
        // Readings are not added up, nor are counts of what is in sight (the same ship sighted again and again).
        if (m.sensor || m.natural !== 'sum' || !m.towns.includes(town)) continue;
        const mine = events.filter((e) => e.kind === m.kind && typeof e.data[m.key] === 'number');
        // A town's own jobs are always accounted for, a quiet day's zero included.
        if (mine.length === 0 && m.towns.length > 1) continue;
        const sum = roundTo(
          mine.reduce((s, e) => s + (e.data[m.key] as number), 0),
          m.decimals,
        );
        totals.push(`${m.label} ${amount(m, sum, m.decimals, false)}`);
      }
      const highlights = newsOf(ctx.vocab, events)
        .slice(0, 3)
        .map((e) => (range.from === range.to ? e.text : `day ${e.day}: ${e.text}`));
      parts.push(
        `${ctx.vocab.name(town)}, ${daysPhrase(range)} (${events.length} events): ${totals.join('; ') || 'no work recorded'}.${highlights.length ? ` ${highlights.join(' ')}` : ''}`,
      );
    }
    return {
      answer: parts.length
        ? parts.join('\n')
        : `Nothing was recorded${q.towns.length ? ` in ${names(ctx, q.towns)}` : ''} on ${daysPhrase(range)}.`,
      citations,
      understood: { towns, ...rangeOf(range) },
    };
  },
};

/** A short question that names a town or a day and nothing else: what happened then. */
const happenedInBrief: Form = {
  ...happened,
  matches: (q) => (q.towns.length > 0 || q.time !== undefined) && q.text.split(' ').length <= 6,
};

/**
 * What a town crier calls out first: a news kind's happening (a raid that brought gold, a robbed
 * shipment), then news flags (a storm, a flooded mine), other flags (an idle mill), then other
 * happenings (a repair, an arrival, a trade); the weather's own (rain) is not news.
 */
function newsOf(vocab: Vocabulary, events: readonly StoredEvent[]): StoredEvent[] {
  const weight = (e: StoredEvent): number => {
    const met = vocab.happenings.filter(
      (h) => h.kind === e.kind && (h.metric === undefined || Number(e.data[h.metric]) >= (h.min ?? 0)),
    );
    if (vocab.isNewsKind(e.kind)) return met.length > 0 ? 10 : 2;
    if (met.some((h) => h.flag && h.news)) return 6;
    if (met.some((h) => h.flag)) return 5;
    if (met.some((h) => !h.weather)) return 3;
    return 1;
  };
  const seen = new Set<string>();
  return [...events]
    .filter((e) => weight(e) > 1)
    .sort((a, b) => weight(b) - weight(a) || b.id - a.id)
    .filter((e) => {
      // One line per kind of news, so three highlights say three different things.
      const key = `${e.kind}:${weight(e)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** "Find the ship repairs in the last 10 days": the events of a happening, or a search by words and meaning. */

const find: Form = {
  name: 'find',
  matches: (q) =>
    /\b(show|list|find|search|look for|events? about|any)\b/.test(q.text) || q.happening !== undefined,
  async answer(q, ctx) {
    const range = whole(ctx);
    const h = q.happening;
    let events: StoredEvent[];
    let note = '';
    if (h) {
      const found = await ctx.tools.occurrences({
        happening: h,
        town: happeningTown(h, q, ctx),
        range,
        newestFirst: true,
        limit: 10,
      });
      events = found.events;
      note = `${capitalise(h.phrase)} ${times(found.count)} on ${daysPhrase(range)}.`;
    } else {
      const query = q.raw
        .replace(/^(please\s+)?(show( me)?|list|find|search( for)?|look for|any)\s+/i, '')
        .replace(/\?$/, '');
      const found = await ctx.tools.searchEvents({ query, town: q.towns[0], range: ctx.range, k: 10 });
      events = found.events;
      note = found.warning ? `(${found.warning}.)` : '';
    }
    if (events.length === 0)
      return { answer: `Nothing found on ${daysPhrase(range)}.`, citations: [], understood: rangeOf(range) };
    return {
      answer: `${note} ${events.map((e) => eventLine(e, ctx.vocab)).join(' · ')}`.trim(),
      citations: events.map((e) => e.id),
      understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
    };
  },
};

/** The question forms, in precedence order: a question has the first form that matches it. */
const FORMS: readonly Form[] = [
  both,
  compare,
  whichTown,
  whichDay,
  who,
  did,
  when,
  count,
  actor,
  aggregate,
  weather,
  happened,
  find,
  happenedInBrief,
  unknown,
];

export interface Answer {
  answer: string;
  /** Ids of the events that hold what the answer states. */
  citations: number[];
  understood: Understood;
}

export async function answerOffline(question: string, ctx: PlannerContext): Promise<Answer> {
  const { vocab, history } = ctx;
  const q = parseQuestion(question, ctx.today, ctx.actors, vocab);
  const plain = (form: string, answer: string): Answer => ({ answer, citations: [], understood: { form } });
  if (!history)
    return plain('empty', 'Nothing has been recorded yet: no town has reported to this aggregator.');
  if (q.unknownPlace && q.towns.length === 0)
    return plain(
      'unknown place',
      `${q.unknownPlace} is not one of the ${sayNumber(vocab.towns.length)} towns. The history holds ${list(vocab.towns.map((t) => t.name))}.`,
    );
  let range: { from: number; to: number } | undefined;
  if (q.time) {
    const { from, to } = q.time.range;
    if (from > ctx.today)
      return plain(
        'future',
        `Day ${from} has not come yet: today is day ${ctx.today}, and the history runs from day ${history.from}.`,
      );
    if (to < history.from)
      return plain(
        'before history',
        `The history starts on day ${history.from}; there is nothing before it.`,
      );
    range = { from: Math.max(from, history.from), to: Math.min(to, ctx.today) };
  }
  const formCtx = { ...ctx, history, range };
  const form = FORMS.find((f) => f.matches(q, formCtx)) ?? (FORMS.at(-1) as (typeof FORMS)[number]);
  const answer = await form.answer(q, formCtx);
  return {
    ...answer,
    understood: {
      ...answer.understood,
      form: form.name,
      ...(q.actor ? { actor: q.actor } : {}),
    },
  };
}

/**
 * The offline planner: a question → its form (what happened, how much, did it, when, which town,
 * which day, who, compare, both on the same day, find) → the tools that answer it → a short answer
 * with exact numbers, the days it covers, and the events it rests on. No model, no network.
 */
import type { StoredEvent } from '../store/store.ts';
import { STORM_WIND_KPH } from '../world/weather.ts';
import { amount, capitalise, eventLine, fmt, list, times, townName } from './format.ts';
import { parseQuestion, type Question } from './question.ts';
import { type DayRange, daysPhrase } from './time.ts';
import { type AggregateResult, type HistoryTools, roundTo } from './tools.ts';
import {
  type Aggregate,
  HAPPENINGS,
  type Happening,
  happeningOfMetric,
  METRICS,
  type Metric,
  TOWN_NAMES,
  type TownId,
} from './vocabulary.ts';

export interface Understood {
  form: string;
  towns?: string[];
  metric?: string;
  happening?: string;
  actor?: string;
  from_day?: number;
  to_day?: number;
}

export interface Answer {
  answer: string;
  /** Ids of the events that hold what the answer states. */
  citations: number[];
  understood: Understood;
}

export interface PlannerContext {
  tools: HistoryTools;
  /** The world's current day. */
  today: number;
  /** The days the history holds, or null when it is empty. */
  history: DayRange | null;
  /** Everyone the history names as an actor. */
  actors: readonly string[];
}

const ALL_TOWNS = Object.keys(TOWN_NAMES) as TownId[];
const EXAMPLES =
  'For example: "What happened on day 12 in Den of Thieves?", "How much ore was mined last week?", "Did the pirates go on a raid today?", "Which town had the most rain this week?"';

/** Words that ask for a big day rather than the literal happening of that name. */
const BIG_DAY = /\b(surplus(es)?|record|large|big|bumper|good|great|high)\b/;

interface Plan {
  q: Question;
  ctx: PlannerContext;
  /** The days asked about, clamped to the history; undefined when the question names none. */
  range?: DayRange;
}

export async function answerOffline(question: string, ctx: PlannerContext): Promise<Answer> {
  const q = parseQuestion(question, ctx.today, ctx.actors);
  const plain = (form: string, answer: string): Answer => ({ answer, citations: [], understood: { form } });
  if (!ctx.history)
    return plain('empty', 'Nothing has been recorded yet: no town has reported to this aggregator.');
  if (q.unknownPlace && q.towns.length === 0)
    return plain(
      'unknown place',
      `${q.unknownPlace} is not one of the four towns. The history holds Port Logic, PatchBourough, Circuiton and Den of Thieves.`,
    );
  let range: DayRange | undefined;
  if (q.time) {
    const { from, to } = q.time.range;
    if (from > ctx.today)
      return plain(
        'future',
        `Day ${from} has not come yet: today is day ${ctx.today}, and the history runs from day ${ctx.history.from}.`,
      );
    if (to < ctx.history.from)
      return plain(
        'before history',
        `The history starts on day ${ctx.history.from}; there is nothing before it.`,
      );
    range = { from: Math.max(from, ctx.history.from), to: Math.min(to, ctx.today) };
  }
  const plan: Plan = { q, ctx, range };
  const form = formOf(q);
  const answer = await FORMS[form](plan);
  return {
    ...answer,
    understood: {
      ...answer.understood,
      form,
      ...(q.actor ? { actor: q.actor } : {}),
    },
  };
}

type Form =
  | 'both'
  | 'compare'
  | 'which town'
  | 'which day'
  | 'who'
  | 'actor'
  | 'did'
  | 'when'
  | 'count'
  | 'aggregate'
  | 'weather'
  | 'happened'
  | 'find'
  | 'unknown';

function formOf(q: Question): Form {
  const t = q.text;
  const about = q.metrics.length > 0 || q.happening !== undefined;
  if (/\bboth\b|\bsame day\b|\btogether\b/.test(t) && (q.towns.length >= 2 || q.metrics.length >= 2))
    return 'both';
  if (
    /\bcompare\b|\bcompared?\b|\bversus\b|\bvs\.?\b|\bdifference between\b/.test(t) &&
    (about || q.towns.length >= 2)
  )
    return 'compare';
  if (/\bwhich (town|place)\b|\bwhere (was|did|were|is)\b|\bwhat town\b/.test(t) && about)
    return 'which town';
  if (
    /\b(which|what) day\b|\bon which day\b|\bwhen was the (biggest|largest|best|highest|lowest|worst|smallest)\b/.test(
      t,
    ) &&
    q.metrics.length > 0
  )
    return 'which day';
  if (/^who\b|\bwho (was|were|did|made|caught)\b/.test(t)) return 'who';
  if (/^(did|does|do|was|were|has|have|had|is|are)\b/.test(t) && (about || q.actor)) return 'did';
  if (/\bwhen\b|\blast time\b|\bmost recent(ly)?\b/.test(t) && (about || q.actor)) return 'when';
  if (
    /\bhow many\b/.test(t) &&
    q.happening &&
    !q.metrics.some((m) => m.unit !== 'repairs' && t.includes(m.unit))
  )
    return 'count';
  if (q.aggregate === 'count' && (q.happening || q.metrics.length > 0)) return 'count';
  if (q.actor && (q.metrics.length === 0 || /\bwhat did\b|\bwhat has\b/.test(t))) return 'actor';
  if (q.metrics.length > 0 && !/\bwhat happened\b/.test(t)) return 'aggregate';
  if (/\bweather\b|\bforecast\b/.test(t)) return 'weather';
  if (
    /\bhappen(ed|ing)?\b|\bgo(ing)? on\b|\bwent on\b|\bnews\b|\bsummar(y|ise|ize)\b|\btell me about\b|\bhow was\b|\bwhat's new\b|\bwhat is new\b/.test(
      t,
    )
  )
    return 'happened';
  if (/\b(show|list|find|search|look for|events? about|any)\b/.test(t)) return 'find';
  if (q.happening) return 'find';
  if ((q.towns.length > 0 || q.time) && t.split(' ').length <= 6) return 'happened';
  return 'unknown';
}

/** What a form's answer is before the planner adds the form's name. */
interface FormAnswer {
  answer: string;
  citations: number[];
  understood: Partial<Understood>;
}

const FORMS: Record<Form, (p: Plan) => Promise<FormAnswer>> = {
  both,
  compare,
  'which town': whichTown,
  'which day': whichDay,
  who,
  actor: actorActions,
  did,
  when,
  count,
  aggregate,
  weather,
  happened,
  find,
  unknown: async (p) => ({
    answer: `I can only answer from the world's history: the four towns' work, weather, trade and raids, day by day (days ${p.ctx.history?.from}–${p.ctx.today}). That question is outside it. ${EXAMPLES}`,
    citations: [],
    understood: { form: 'unknown' },
  }),
};

// --- Helpers ------------------------------------------------------------------------------------

const whole = (p: Plan): DayRange => p.range ?? { from: p.ctx.history?.from ?? 1, to: p.ctx.today };
const today = (p: Plan): DayRange => p.range ?? { from: p.ctx.today, to: p.ctx.today };
const rangeOf = (r: DayRange) => ({ from_day: r.from, to_day: r.to });
const unique = (ids: number[]) => [...new Set(ids)];

/** The towns a metric is asked of: the ones named that report it, or every town that does. */
function townsFor(m: Metric, q: Question): { towns: TownId[]; refused?: string } {
  const named = q.towns.filter((t) => !(m.towns as string[]).includes(t) === false);
  if (q.towns.length > 0 && named.length === 0) {
    // "Did the pirates lose gold?" names a town that does not report it: say where it is reported.
    return {
      towns: [],
      refused: `${list(q.towns.map(townName))} ${q.towns.length === 1 ? 'does' : 'do'} not report ${m.label}; ${list(m.towns.map(townName))} ${m.towns.length === 1 ? 'does' : 'do'}.`,
    };
  }
  return { towns: named.length > 0 ? named : [...m.towns] };
}

function happeningOf(q: Question): Happening | undefined {
  // "Did the pirates raid Port Logic?" asks about Port Logic's losses: the raids that hit it.
  if (q.happening?.name === 'raid' && q.towns.some((t) => t !== 'den-of-thieves'))
    return HAPPENINGS.find((h) => h.name === 'robbery');
  if (q.happening) return q.happening;
  const m = q.metrics[0];
  return m ? happeningOfMetric(m) : undefined;
}

/** Where a happening is looked for: the town named (the victim, for robberies), or its own town. */
function happeningTown(h: Happening, q: Question): TownId | undefined {
  if (h.name === 'robbery') return q.towns.find((t) => t !== 'den-of-thieves');
  if (h.town) return h.town as TownId;
  return q.towns[0];
}

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

// --- Forms --------------------------------------------------------------------------------------

async function aggregate(p: Plan) {
  const { q, ctx } = p;
  const m = q.metrics[0] as Metric;
  const { towns, refused } = townsFor(m, q);
  if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
  const fn = aggregateFor(m, q);
  // "What is the temperature in Circuiton?" asks for the latest reading.
  if (m.sensor && !q.time && !q.aggregate && !q.superlative) return latestReading(p, m, towns);
  const range = whole(p);
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
    const who = townName(town);
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

async function latestReading(p: Plan, m: Metric, towns: TownId[]) {
  const lines: string[] = [];
  const citations: number[] = [];
  for (const town of towns) {
    const found = await p.ctx.tools.listEvents({ town, kind: 'sensor', newestFirst: true, limit: 1 });
    const e = found.events[0];
    const v = e?.data[m.key];
    if (!e || typeof v !== 'number') continue;
    lines.push(`${townName(town)}: ${amount(m, v)} (day ${e.day} reading).`);
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

async function count(p: Plan) {
  const { q, ctx } = p;
  const h = happeningOf(q) as Happening;
  const town = happeningTown(h, q);
  const range = whole(p);
  const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 100_000 });
  const where = town && town !== h.town ? ` in ${townName(town)}` : '';
  const examples = found.events.slice(-3).map((e) => eventLine(e, !town));
  const answer =
    found.count === 0
      ? `None: ${h.phrase.replace(/^(the|a) /, 'no ')}${where} on ${daysPhrase(range)} (0 times).`
      : `${capitalise(h.phrase)}${where} ${times(found.count)} on ${daysPhrase(range)}. The latest: ${examples.join(' · ')}`;
  return { answer, citations: found.citations, understood: { happening: h.name, ...rangeOf(range) } };
}

async function did(p: Plan) {
  const { q, ctx } = p;
  const h = happeningOf(q);
  if (!h) return actorActions(p);
  const town = happeningTown(h, q);
  const range = today(p);
  const where = town && town !== h.town ? ` in ${townName(town)}` : '';
  const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 5 });
  if (found.count > 0) {
    const more = found.count > found.events.length ? ` (and ${found.count - found.events.length} more)` : '';
    return {
      answer: `Yes: ${h.phrase}${where} ${times(found.count)} on ${daysPhrase(range)}. ${found.events.map((e) => eventLine(e, !town)).join(' · ')}${more}`,
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
    answer: `No: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)}.${last ? ` The last time before was ${eventLine(last, !town)}` : ''}`,
    citations: before.citations,
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

async function when(p: Plan) {
  const { q, ctx } = p;
  const h = happeningOf(q);
  if (!h) return actorActions(p);
  const town = happeningTown(h, q);
  const first = /\bfirst\b|\bearliest\b/.test(q.text);
  const range = whole(p);
  const where = town && town !== h.town ? ` in ${townName(town)}` : '';
  const found = await ctx.tools.occurrences({ happening: h, town, range, newestFirst: !first, limit: 1 });
  const e = found.events[0];
  if (!e)
    return {
      answer: `Never on ${daysPhrase(range)}: the history holds no record that ${h.phrase}${where}.`,
      citations: [],
      understood: { happening: h.name, ...rangeOf(range) },
    };
  return {
    answer: `${first ? 'The first time' : 'The last time'} ${h.phrase}${where} was ${eventLine(e, !town)} (${times(found.count)} on ${daysPhrase(range)}).`,
    citations: [e.id],
    understood: { happening: h.name, ...rangeOf(range) },
  };
}

async function whichTown(p: Plan) {
  const { q, ctx } = p;
  const range = q.metrics.length > 0 && q.metrics[0]?.sensor ? today(p) : whole(p);
  const direction = q.superlative ?? 'max';
  const m = q.metrics[0];
  if (!m) {
    const h = happeningOf(q) as Happening;
    const rows: { town: TownId; n: number; ids: number[] }[] = [];
    for (const town of ALL_TOWNS) {
      // A happening of one town (a raid) is not looked for in the others.
      if (h.town && h.town !== town) continue;
      const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 100_000 });
      rows.push({ town, n: found.count, ids: found.citations });
    }
    rows.sort((a, b) => (direction === 'max' ? b.n - a.n : a.n - b.n));
    const top = rows[0];
    return {
      answer: top
        ? `${townName(top.town)}: ${h.phrase} there ${times(top.n)} on ${daysPhrase(range)}. ${rows
            .slice(1)
            .map((r) => `${townName(r.town)}: ${times(r.n)}`)
            .join(', ')}.`
        : 'No town has a record of that.',
      citations: unique(rows.flatMap((r) => r.ids)),
      understood: { happening: h.name, ...rangeOf(range) },
    };
  }
  const fn: Aggregate = m.natural === 'mean' ? 'mean' : 'sum';
  const towns = q.towns.length >= 2 ? q.towns.filter((t) => (m.towns as string[]).includes(t)) : [...m.towns];
  const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, range, groupBy: 'town' });
  const groups = (r.groups ?? []).filter((g) => (towns as string[]).includes(g.key));
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
  const answer = `${townName(top.key)} had ${what} on ${daysPhrase(range)}: ${amount(m, top.value, decimals)}.${
    others.length
      ? ` Then ${others.map((g) => `${townName(g.key)} ${amount(m, g.value, decimals)}`).join(', ')}.`
      : ''
  }`;
  return {
    answer,
    citations: unique(groups.flatMap((g) => g.citations)),
    understood: { metric: m.key, towns: groups.map((g) => g.key), ...rangeOf(range) },
  };
}

async function whichDay(p: Plan) {
  const { q, ctx } = p;
  const m = q.metrics[0] as Metric;
  const { towns, refused } = townsFor(m, q);
  if (refused) return { answer: refused, citations: [], understood: { metric: m.key } };
  const town = towns.length === 1 ? towns[0] : undefined;
  const range = whole(p);
  const fn: Aggregate = m.natural === 'mean' ? 'mean' : 'sum';
  const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, town, range, groupBy: 'day' });
  const groups = [...(r.groups ?? [])];
  if (q.superlative === 'min') groups.reverse();
  const top = groups[0];
  const where = town ? ` in ${townName(town)}` : '';
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
}

async function who(p: Plan) {
  const { q, ctx } = p;
  if (q.actor) return actorActions(p);
  const m = q.metrics[0];
  if (m && (q.superlative || /\bmost\b/.test(q.text))) {
    const range = whole(p);
    const { towns, refused } = townsFor(m, q);
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
  const h = happeningOf(q);
  // "Who will win the election?" names nothing the history holds.
  if (!h && q.towns.length === 0 && !q.time) return FORMS.unknown(p);
  const range = p.range ?? today(p);
  const town = h ? happeningTown(h, q) : q.towns[0];
  const events = h
    ? (await ctx.tools.occurrences({ happening: h, town, range, limit: 200 })).events
    : (await ctx.tools.listEvents({ town, range, limit: 2000 })).events;
  const withActor = events.filter((e) => e.actor);
  if (withActor.length === 0)
    return {
      answer: `Nobody is named for that on ${daysPhrase(range)}${town ? ` in ${townName(town)}` : ''}.`,
      citations: [],
      understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
    };
  const byActor = new Map<string, StoredEvent[]>();
  for (const e of withActor) byActor.set(e.actor as string, [...(byActor.get(e.actor as string) ?? []), e]);
  const parts = [...byActor].map(
    ([name, list]) =>
      `${name} (${list.length === 1 ? eventLine(list[0] as StoredEvent, !town) : `${list.length} times, ${daysPhrase({ from: list[0]?.day ?? range.from, to: list.at(-1)?.day ?? range.to })}`})`,
  );
  return {
    answer: `On ${daysPhrase(range)}${town ? ` in ${townName(town)}` : ''}: ${parts.join('; ')}.`,
    citations: withActor.map((e) => e.id),
    understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
  };
}

async function actorActions(p: Plan) {
  const { q, ctx } = p;
  const actor = q.actor;
  if (!actor)
    return {
      answer: `I do not know who that is. The history names people such as ${list(ctx.actors.slice(0, 4) as string[])}.`,
      citations: [],
      understood: {},
    };
  const range = whole(p);
  const found = await ctx.tools.listEvents({ actor, range, limit: 5000 });
  // Someone else whose name contains this one's ("John" in "Johnny") is not them.
  const events = found.events.filter((e) => e.actor === actor);
  if (/\b(talk|talked|spoke|chat|chatted|met|meet)\b/.test(q.text)) {
    const talks = events.filter((e) => e.kind === 'chat' || e.kind === 'meeting');
    if (talks.length === 0)
      return {
        answer: `The history records no conversation of ${actor} on ${daysPhrase(range)}.`,
        citations: [],
        understood: rangeOf(range),
      };
    return {
      answer: `${actor} on ${daysPhrase(range)}: ${talks.map((e) => eventLine(e, false)).join(' · ')}`,
      citations: talks.map((e) => e.id),
      understood: rangeOf(range),
    };
  }
  if (events.length === 0)
    return {
      answer: `The history records nothing ${actor} did on ${daysPhrase(range)}.`,
      citations: [],
      understood: rangeOf(range),
    };
  const totals: string[] = [];
  for (const m of METRICS) {
    const mine = events.filter((e) => e.kind === m.kind && typeof e.data[m.key] === 'number');
    if (mine.length === 0 || m.sensor) continue;
    const sum = roundTo(
      mine.reduce((s, e) => s + (e.data[m.key] as number), 0),
      m.decimals,
    );
    totals.push(`${m.label}: ${amount(m, sum)}`);
  }
  const shown = events.slice(-5).map((e) => eventLine(e, false));
  return {
    answer: `${actor} (${townName(events[0]?.town ?? '')}) on ${daysPhrase(range)}: ${events.length} recorded ${events.length === 1 ? 'action' : 'actions'}${totals.length ? `; ${totals.join(', ')}` : ''}. ${events.length > 5 ? 'The latest: ' : ''}${shown.join(' · ')}`,
    citations: events.map((e) => e.id),
    understood: rangeOf(range),
  };
}

async function compare(p: Plan) {
  const { q, ctx } = p;
  const range = whole(p);
  const pairs: { m: Metric; town: TownId }[] = [];
  if (q.metrics.length >= 2) {
    q.metrics.forEach((m, i) => {
      const named = q.towns[i];
      const town = named && (m.towns as string[]).includes(named) ? named : (m.towns[0] as TownId);
      pairs.push({ m, town });
    });
  } else {
    const m = q.metrics[0] ?? METRICS.find((x) => x.key === 'temperature_c');
    if (!m) return FORMS.unknown(p);
    const towns = (q.towns.length >= 2 ? q.towns : m.towns).filter((t) => (m.towns as string[]).includes(t));
    for (const town of towns) pairs.push({ m, town: town as TownId });
  }
  const parts: string[] = [];
  const citations: number[] = [];
  const values: number[] = [];
  for (const { m, town } of pairs) {
    const fn = aggregateFor(m, q);
    const r = await ctx.tools.aggregate({ metric: m.key, aggregate: fn, town, range });
    citations.push(...r.citations);
    values.push(r.value ?? 0);
    parts.push(`${townName(town)}, ${describeAggregate(m, fn)}: ${valueText(m, r)}`);
  }
  const [a, b] = pairs;
  let verdict = '';
  if (pairs.length === 2 && a && b && a.m === b.m && values[0] !== values[1]) {
    const fn = aggregateFor(a.m, q);
    const decimals = fn === 'mean' ? a.m.decimals + 1 : a.m.decimals;
    const diff = roundTo(Math.abs((values[0] ?? 0) - (values[1] ?? 0)), decimals);
    const higher = (values[0] ?? 0) > (values[1] ?? 0) ? a.town : b.town;
    verdict = ` ${townName(higher)} is higher by ${amount(a.m, diff, decimals)}.`;
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
}

async function both(p: Plan) {
  const { q, ctx } = p;
  const range = whole(p);
  const towns = q.towns.length >= 2 ? q.towns : q.metrics.map((m) => m.towns[0] as TownId);
  const bigDay = BIG_DAY.test(q.text) || (!q.happening && q.metrics.length === 0);
  const sides = towns.map((town, i) => {
    const metric =
      q.metrics.find((m, j) => j === i && (m.towns as string[]).includes(town)) ??
      q.metrics.find((m) => m.towns.length === 1 && m.towns[0] === town) ??
      (q.metrics.length === 1 && (q.metrics[0]?.towns as string[] | undefined)?.includes(town)
        ? q.metrics[0]
        : undefined);
    if (metric && !metric.sensor) return { town, metric };
    if (!bigDay && q.happening) return { town, happening: q.happening };
    return { town, metric: METRICS.find((m) => m.main && m.towns[0] === town) as Metric };
  });
  const r = await ctx.tools.sharedDays({ sides, range });
  const rule = r.sides
    .map((s, i) => {
      const metric = sides[i]?.metric;
      if (s.threshold === undefined) return `${townName(s.town)}: ${s.what} on ${s.days} days`;
      if (!metric || !Number.isFinite(s.threshold)) return `${townName(s.town)}: no ${s.what} at all`;
      return `${townName(s.town)}: ${s.what} at least ${amount(metric, s.threshold)} (${s.days} days)`;
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
    ? `${list(towns.map(townName))} both did on ${r.days.length} ${r.days.length === 1 ? 'day' : 'days'} of ${daysPhrase(range)}: ${shown}.`
    : `Never on ${daysPhrase(range)}: no day had both.`;
  return {
    answer: `${answer} ${usesBigDays ? 'A big day is one in the top quarter of the days the town produced any: ' : 'Counted: '}${rule}.`,
    citations: r.citations,
    understood: { towns, ...rangeOf(range) },
  };
}

async function weather(p: Plan) {
  const { q, ctx } = p;
  const range = today(p);
  const towns = q.towns.length ? q.towns : ALL_TOWNS;
  const temp = METRICS.find((m) => m.key === 'temperature_c') as Metric;
  const rain = METRICS.find((m) => m.key === 'rain_mm') as Metric;
  const wind = METRICS.find((m) => m.key === 'wind_kph') as Metric;
  const parts: string[] = [];
  const citations: number[] = [];
  for (const town of towns) {
    const lo = await ctx.tools.aggregate({ metric: 'temperature_c', aggregate: 'min', town, range });
    const hi = await ctx.tools.aggregate({ metric: 'temperature_c', aggregate: 'max', town, range });
    const wet = await ctx.tools.aggregate({ metric: 'rain_mm', aggregate: 'sum', town, range });
    const gust = await ctx.tools.aggregate({ metric: 'wind_kph', aggregate: 'max', town, range });
    if (lo.value === null || hi.value === null) continue;
    citations.push(...lo.citations, ...hi.citations, ...wet.citations, ...gust.citations);
    const storm = (gust.value ?? 0) >= STORM_WIND_KPH ? ', a storm' : '';
    parts.push(
      `${townName(town)} ${fmt(lo.value, 1)} to ${amount(temp, hi.value)}, ${wet.value ? amount(rain, wet.value) : 'no rain'}, wind up to ${amount(wind, gust.value ?? 0)}${storm}`,
    );
  }
  return {
    answer: parts.length
      ? `Weather on ${daysPhrase(range)}: ${parts.join('; ')}.`
      : `No weather was recorded on ${daysPhrase(range)}.`,
    citations: unique(citations),
    understood: { towns, ...rangeOf(range) },
  };
}

async function happened(p: Plan) {
  const { q, ctx } = p;
  const range = today(p);
  const towns = q.towns.length ? q.towns : ALL_TOWNS;
  const parts: string[] = [];
  const citations: number[] = [];
  for (const town of towns) {
    const { events } = await ctx.tools.listEvents({ town, range, limit: 20_000 });
    if (events.length === 0) continue;
    citations.push(...events.map((e) => e.id));
    const totals: string[] = [];
    for (const m of METRICS) {
      if (m.sensor || !(m.towns as string[]).includes(town)) continue;
      const mine = events.filter((e) => e.kind === m.kind && typeof e.data[m.key] === 'number');
      // A town's own jobs are always accounted for, a quiet day's zero included.
      if (m.key === 'sails' || (mine.length === 0 && m.towns.length > 1)) continue;
      const sum = roundTo(
        mine.reduce((s, e) => s + (e.data[m.key] as number), 0),
        m.decimals,
      );
      totals.push(`${m.label} ${amount(m, sum, m.decimals, false)}`);
    }
    const highlights = newsOf(events)
      .slice(0, 3)
      .map((e) => (range.from === range.to ? e.text : `day ${e.day}: ${e.text}`));
    parts.push(
      `${townName(town)}, ${daysPhrase(range)} (${events.length} events): ${totals.join('; ') || 'no work recorded'}.${highlights.length ? ` ${highlights.join(' ')}` : ''}`,
    );
  }
  return {
    answer: parts.length
      ? parts.join('\n')
      : `Nothing was recorded${q.towns.length ? ` in ${list(q.towns.map(townName))}` : ''} on ${daysPhrase(range)}.`,
    citations,
    understood: { towns, ...rangeOf(range) },
  };
}

/** What a town crier calls out first: raids and losses, storms, surpluses, arrivals. */
function newsOf(events: readonly StoredEvent[]): StoredEvent[] {
  const weight = (e: StoredEvent): number => {
    if (e.kind === 'raid') return Number(e.data.raid_gold) > 0 ? 10 : 2;
    if (e.kind === 'loss') return 9;
    if (e.kind === 'sensor') return Number(e.data.wind_kph) >= STORM_WIND_KPH ? 6 : 0;
    if (/surplus|flooded|drought|idle|cold|hungry|fine haul|empty nets|could not/.test(e.text)) return 5;
    if (e.kind === 'repair' || e.kind === 'arrival' || e.kind === 'trade') return 3;
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

async function find(p: Plan) {
  const { q, ctx } = p;
  const range = whole(p);
  const h = q.happening;
  let events: StoredEvent[];
  let note = '';
  if (h) {
    const found = await ctx.tools.occurrences({
      happening: h,
      town: happeningTown(h, q),
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
    const found = await ctx.tools.searchEvents({ query, town: q.towns[0], range: p.range, k: 10 });
    events = found.events;
    note = found.warning ? `(${found.warning}.)` : '';
  }
  if (events.length === 0)
    return { answer: `Nothing found on ${daysPhrase(range)}.`, citations: [], understood: rangeOf(range) };
  return {
    answer: `${note} ${events.map((e) => eventLine(e)).join(' · ')}`.trim(),
    citations: events.map((e) => e.id),
    understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
  };
}

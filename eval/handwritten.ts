/**
 * The hand-written evaluation set: questions in the words a player or an analyst would use, each
 * with its truth worked out here from the raw events, by plain filters and sums. It was written from
 * the world definition (src/world/**), the seeds and the shared checks alone, without reading how the
 * agent reads a question, so it measures how well the agent generalises to wording it was not tuned on.
 *
 * The truths follow eval/CONVENTIONS.md (time words, sums and means, extremes, counts, filters,
 * A or B, correlation, trend, future, who). Where a question goes beyond it, the reading chosen is:
 * - "The past 2 weeks" / "the last 2 weeks" are the last 14 days (N−13 … N), like "the last K days";
 *   "the past year" is the last 365 days (the world's year); "days A to B" include both ends.
 * - Ranges are cut to the days the history holds. Per-day averages and daily series run over the
 *   days of the range on which the town reported anything (every day, in practice).
 * - Whose shipments the pirates robbed: by the raids' `target` or by the robbed town's `loss`
 *   events (both readings are in the conventions; they differ when a loss is written on the day
 *   after its raid), so such a question accepts either count or sum.
 * - A town "sends"/"ships"/"sells" in trade events whose `from` is that town; "earned" is the
 *   `value_gold` of those; what the port "spends" on overseas ships is the `value_gold` of trades
 *   `from` overseas.
 * - "The warmest town yesterday" is the highest mean of its readings that day; a "night" at the
 *   tavern is counted by world day, like everything else.
 * - A trend's slope may be stated without its sign when the answer says which way it goes.
 * - Where a correlation's series does not vary, the honest answer is that none can be given.
 * - "Record" days (the seed's "record amounts of flour and metal on the same day") are days whose
 *   daily total beats every earlier day's (a new running high, above 0); the first day of the
 *   history has nothing to beat and is not counted.
 * - "Surplus or large yield" in two towns (the seed's open question) is a day when PatchBourough's
 *   farmers brought in a surplus (the `surplus` flag) and Port Logic's fishers landed a fine haul
 *   (the `fine_haul` flag).
 * - Ties: any of the tied days, towns or people is right. A count or total of 0 may also be said as
 *   "none", "no", "never"; a set of days that is empty must be said to be empty.
 * - A set of days is named in full when it has at most 6 days; a larger one by its size and at least
 *   one of its days (or in full).
 * - A future question's answer must not state the total of the same stretch ending today (the
 *   history's answer given in place of "not yet").
 */
import { WORLD } from '../src/world/map.ts';
import {
  type Case,
  names,
  namesDay,
  namesTown,
  type RawEvent,
  round,
  saysNotYet,
  saysYes,
  states,
} from './checks.ts';

const PORT = 'port-logic';
const FARMS = 'patchbourough';
const MINES = 'circuiton';
const DEN = 'den-of-thieves';
const TOWNS = [PORT, FARMS, MINES, DEN] as const;

/** The decimals each metric is written with, from the world definition. */
const DECIMALS: Record<string, number> = (() => {
  const out: Record<string, number> = {};
  for (const kind of WORLD.kinds) for (const m of kind.metrics ?? []) out[m.key] = m.decimals;
  for (const town of WORLD.towns) for (const m of town.readings ?? []) out[m.key] = m.decimals;
  return out;
})();
const dec = (key: string): number => DECIMALS[key] ?? 0;

type Check = (answer: string) => string | null;

interface Range {
  from: number;
  to: number;
}

interface Point {
  day: number;
  value: number;
}

/** The number an event carries under `key`, 0 where it carries none. */
function val(e: RawEvent, key: string): number {
  const v = e.data[key];
  return typeof v === 'number' ? v : 0;
}

const flagged = (key: string) => (e: RawEvent) => e.data[key] === 1;
const isRaid = (e: RawEvent) => val(e, 'raid_gold') >= 1;
const sumOf = (list: readonly RawEvent[], key: string) => list.reduce((s, e) => s + val(e, key), 0);
const meanOf = (xs: readonly number[]) =>
  xs.length === 0 ? undefined : xs.reduce((s, x) => s + x, 0) / xs.length;
const distinctDays = (list: readonly RawEvent[]) =>
  [...new Set(list.map((e) => e.day))].sort((a, b) => a - b);

/** The items that share the best value (max or min), with that value; undefined for no items. */
function best<T>(
  items: readonly T[],
  value: (t: T) => number,
  dir: 'max' | 'min' = 'max',
): { value: number; winners: T[] } | undefined {
  if (items.length === 0) return undefined;
  const values = items.map(value);
  const top = dir === 'max' ? Math.max(...values) : Math.min(...values);
  return { value: top, winners: items.filter((_, i) => Math.abs((values[i] as number) - top) < 1e-9) };
}

class History {
  /** The last day the history holds. */
  readonly last: number;
  private readonly byTownKind = new Map<string, RawEvent[]>();
  private readonly reported = new Map<string, Set<number>>();

  constructor(
    readonly events: readonly RawEvent[],
    readonly today: number,
  ) {
    let last = 0;
    for (const e of events) {
      if (e.day > last) last = e.day;
      const k = `${e.town}/${e.kind}`;
      let list = this.byTownKind.get(k);
      if (!list) {
        list = [];
        this.byTownKind.set(k, list);
      }
      list.push(e);
      let days = this.reported.get(e.town);
      if (!days) {
        days = new Set();
        this.reported.set(e.town, days);
      }
      days.add(e.day);
    }
    this.last = Math.min(last, today);
  }

  lastN(n: number): Range {
    return { from: Math.max(1, this.today - n + 1), to: this.today };
  }

  week(k: number): Range {
    return { from: 7 * k - 6, to: 7 * k };
  }

  day(d: number): Range {
    return { from: d, to: d };
  }

  get whole(): Range {
    return { from: 1, to: this.today };
  }

  /** The days of a range the history holds. */
  days(r: Range): number[] {
    const out: number[] = [];
    for (let d = Math.max(1, r.from); d <= Math.min(r.to, this.last); d++) out.push(d);
    return out;
  }

  /** The days of a range on which the town reported anything. */
  reportDays(town: string, r: Range): number[] {
    const reported = this.reported.get(town);
    return this.days(r).filter((d) => reported?.has(d));
  }

  of(town: string, kind: string, r: Range, pred: (e: RawEvent) => boolean = () => true): RawEvent[] {
    return (this.byTownKind.get(`${town}/${kind}`) ?? []).filter(
      (e) => e.day >= r.from && e.day <= r.to && e.day <= this.last && pred(e),
    );
  }

  sum(town: string, kind: string, key: string, r: Range, pred?: (e: RawEvent) => boolean): number {
    return sumOf(this.of(town, kind, r, pred), key);
  }

  values(town: string, kind: string, key: string, r: Range): number[] {
    return this.of(town, kind, r, (e) => typeof e.data[key] === 'number').map((e) => val(e, key));
  }

  readings(town: string, key: string, r: Range): number[] {
    return this.values(town, 'sensor', key, r);
  }

  /** Each day of the range the town reported, with the day's total of `key` (0 without such events). */
  daily(town: string, kind: string, key: string, r: Range, pred?: (e: RawEvent) => boolean): Point[] {
    const totals = new Map<number, number>();
    for (const e of this.of(town, kind, r, pred)) totals.set(e.day, (totals.get(e.day) ?? 0) + val(e, key));
    return this.reportDays(town, r).map((day) => ({ day, value: totals.get(day) ?? 0 }));
  }

  /** Each day of the range that has readings, with the mean of the day's readings. */
  dailyMean(town: string, key: string, r: Range): Point[] {
    const byDay = new Map<number, number[]>();
    for (const e of this.of(town, 'sensor', r, (x) => typeof x.data[key] === 'number')) {
      byDay.set(e.day, [...(byDay.get(e.day) ?? []), val(e, key)]);
    }
    return [...byDay.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([day, xs]) => ({ day, value: meanOf(xs) as number }));
  }

  /** Days of the range on which some event of the town and kind passes `pred`. */
  daysWhen(town: string, kind: string, r: Range, pred: (e: RawEvent) => boolean): number[] {
    return distinctDays(this.of(town, kind, r, pred));
  }

  /** Totals per actor (events without an actor left out). */
  byActor(town: string, kind: string, key: string | null, r: Range, pred?: (e: RawEvent) => boolean) {
    const out = new Map<string, number>();
    for (const e of this.of(town, kind, r, pred)) {
      if (!e.actor) continue;
      out.set(e.actor, (out.get(e.actor) ?? 0) + (key === null ? 1 : val(e, key)));
    }
    return out;
  }
}

// ---------------------------------------------------------------- checks, as a person reads an answer

/** Words that say something did not happen or there was none of it. */
const NONE =
  /\b(no|none|zero|never|nothing|nobody|neither|not any|didn'?t|did not|wasn'?t|was not|weren'?t|were not|hasn'?t|has not|haven'?t)\b/i;

const norm = (a: string) => a.replace(/\u2212/g, '-');

function anyOf(...checks: Check[]): Check {
  return (a) => {
    let first: string | null = null;
    for (const c of checks) {
      const r = c(a);
      if (r === null) return null;
      first ??= r;
    }
    return first ?? 'no check';
  };
}

function allOf(...checks: Check[]): Check {
  return (a) => {
    for (const c of checks) {
      const r = c(a);
      if (r !== null) return r;
    }
    return null;
  };
}

const saysNone: Check = (a) => (NONE.test(a) ? null : 'does not say there was none');

/** States the number; a 0 may be said as "none"; an undefined truth (nothing to measure) as none. */
function stated(value: number | undefined, decimals: number): Check {
  if (value === undefined) return saysNone;
  if (round(value, decimals) === 0) return anyOf((a) => states(norm(a), 0, decimals), saysNone);
  return (a) => states(norm(a), value, decimals);
}

const count = (n: number): Check => stated(n, 0);

/** Names one of the days; none named when there are no days. */
function dayIn(days: readonly number[]): Check {
  if (days.length === 0) return saysNone;
  return anyOf(...days.map((d) => (a: string) => namesDay(a, d)));
}

/** Names the set of days (see the conventions above). */
function daySet(days: readonly number[]): Check {
  if (days.length === 0) return saysNone;
  const every = allOf(...days.map((d) => (a: string) => namesDay(a, d)));
  if (days.length <= 6) return every;
  return anyOf(every, allOf(count(days.length), dayIn(days)));
}

function townIn(towns: readonly string[]): Check {
  return anyOf(...towns.map((t) => (a: string) => namesTown(a, t)));
}

/** A person named as people say it: "Mara Blackwater" will do for "Captain Mara Blackwater". */
const TITLE = /^(Captain|Master|Professor) /;
function namesPerson(answer: string, person: string): string | null {
  return names(answer, person.replace(TITLE, ''));
}

function personIn(people: readonly string[]): Check {
  return anyOf(...people.map((p) => (a: string) => namesPerson(a, p)));
}

const yes =
  (truth: boolean): Check =>
  (a) =>
    saysYes(a, truth);
const notYet: Check = (a) => saysNotYet(a);

/** The largest (or smallest) single event: its value and one of its days. */
function extremeEvent(list: readonly RawEvent[], key: string, dir: 'max' | 'min' = 'max'): Check {
  const top = best(list, (e) => val(e, key), dir);
  if (!top) return saysNone;
  if (round(top.value, dec(key)) === 0) return stated(0, dec(key));
  return allOf(stated(top.value, dec(key)), dayIn(distinctDays(top.winners)));
}

/** The best (or worst) day of a daily series: its value and the day. */
function extremeDay(series: readonly Point[], decimals: number, dir: 'max' | 'min' = 'max'): Check {
  const top = best(series, (p) => p.value, dir);
  if (!top) return saysNone;
  if (dir === 'max' && round(top.value, decimals) === 0) return stated(0, decimals);
  return allOf(stated(top.value, decimals), dayIn(top.winners.map((p) => p.day)));
}

/** The group with the best total, named, and its total stated; `name` says how an answer names it. */
function winnerOf(
  groups: ReadonlyMap<string, number>,
  decimals: number,
  name: (winners: string[]) => Check,
  dir: 'max' | 'min' = 'max',
): Check {
  const top = best([...groups.entries()], ([, v]) => v, dir);
  if (!top || (dir === 'max' && round(top.value, decimals) === 0)) return saysNone;
  return allOf(name(top.winners.map(([k]) => k)), stated(top.value, decimals));
}

/** A comparison: both values stated and, unless they are equal, the larger one's side named. */
function compare(
  a: { value: number; name?: Check },
  b: { value: number; name?: Check },
  decimals: number,
): Check {
  return (answer) => {
    const values = allOf(stated(a.value, decimals), stated(b.value, decimals))(answer);
    if (values) return values;
    const ra = round(a.value, decimals);
    const rb = round(b.value, decimals);
    if (ra === rb) return null;
    const win = ra > rb ? a : b;
    return win.name ? win.name(answer) : null;
  };
}

function pearson(points: readonly (readonly [number, number])[]): number | undefined {
  const n = points.length;
  if (n < 3) return undefined;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx < 1e-12 || syy < 1e-12) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

/** Pairs two daily series on the days both have. */
function paired(xs: readonly Point[], ys: readonly Point[]): [number, number][] {
  const y = new Map(ys.map((p) => [p.day, p.value]));
  return xs.filter((p) => y.has(p.day)).map((p) => [p.value, y.get(p.day) as number]);
}

const NO_CORRELATION =
  /\bno (clear |real |meaningful )?(correlation|relationship|variation|variance)\b|\bcannot\b|\bcan'?t\b|\bundefined\b|\bnot enough\b|\bconstant\b|\bdoes not vary\b|\bdoesn'?t vary\b/i;

function correlation(xs: readonly Point[], ys: readonly Point[]): Check {
  const r = pearson(paired(xs, ys));
  if (r === undefined)
    return (a) => (NO_CORRELATION.test(a) ? null : 'does not say no correlation can be given');
  return (a) => states(norm(a), r, 2);
}

const UP = /\b(up|upward|upwards|increas\w*|rising|rise[sn]?|rose|grow\w*|climb\w*|higher|improv\w*)\b/i;
const DOWN =
  /\b(down|downward|downwards|decreas\w*|falling|fall[sn]?|fell|declin\w*|dropp\w*|drops?|lower|shrink\w*|sinking)\b/i;

const FALL = /\b(decreas\w*|declin\w*|falling|fell|dropp\w*)\b/i;

/** The least-squares slope per day of a daily series, stated to 2 decimals. */
function trend(series: readonly Point[]): Check {
  const n = series.length;
  if (n < 3) return saysNone;
  const mx = series.reduce((s, p) => s + p.day, 0) / n;
  const my = series.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of series) {
    sxy += (p.day - mx) * (p.value - my);
    sxx += (p.day - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const signed = stated(slope, 2);
  if (round(slope, 2) === 0) return signed;
  if (slope < 0) {
    // "Falling by 0.35 a day" states the slope as well as "-0.35".
    const unsigned = allOf(stated(-slope, 2), (a) =>
      DOWN.test(a) ? null : 'does not say the trend is down',
    );
    return anyOf(signed, unsigned);
  }
  // A rise written without its sign must not be called a fall.
  return allOf(signed, (a) => (FALL.test(a) && !UP.test(a) ? 'says the trend is down' : null));
}

/** A round threshold near x: two significant figures. */
const nice = (x: number) => (x <= 0 ? 1 : Number(x.toPrecision(2)));
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[s.length >> 1] as number);
};

/** Days whose daily total is a new running high (above 0), the first day of the series left out. */
function recordDays(series: readonly Point[]): number[] {
  const out: number[] = [];
  let high = Number.NEGATIVE_INFINITY;
  series.forEach((p, i) => {
    if (i > 0 && p.value > high && p.value > 0) out.push(p.day);
    high = Math.max(high, p.value);
  });
  return out;
}

const intersect = (a: readonly number[], b: readonly number[]) => {
  const s = new Set(b);
  return a.filter((d) => s.has(d));
};

// ---------------------------------------------------------------- the questions

export function buildHandwritten(events: readonly RawEvent[], today: number): Case[] {
  const h = new History(events, today);
  const cases: Case[] = [];
  const add = (form: string, question: string, check: Check) =>
    cases.push({ form, question, check: (reply) => check(reply.answer) });

  const t = today;
  const y = t - 1;
  const yesterday = h.day(y);
  const last7 = h.lastN(7);
  /** "Last week" and "last month" end yesterday; "the past week" and "the last K days" end today. */
  const lastWeek = { from: t - 7, to: t - 1 };
  const weekBefore = { from: t - 14, to: t - 8 };
  const lastMonth = { from: t - 30, to: t - 1 };
  const last10 = h.lastN(10);
  const last14 = h.lastN(14);
  const last30 = h.lastN(30);
  const last60 = h.lastN(60);
  const lastYear = h.lastN(365);
  const whole = h.whole;
  const week = (k: number) => h.week(k);

  const raids = (r: Range, pred: (e: RawEvent) => boolean = () => true) =>
    h.of(DEN, 'raid', r, (e) => isRaid(e) && pred(e));
  const trades = (town: string, r: Range, pred: (e: RawEvent) => boolean = () => true) =>
    h.of(town, 'trade', r, (e) => e.data.from === town && pred(e));
  const lossGold = (town: string, r: Range) => h.sum(town, 'loss', 'loot_gold', r);
  /** A town's robbed shipments, by the raids (target) or by its own loss events. */
  const robbed = (town: string, r: Range, key: 'raid_gold' | null) => {
    const byRaid = raids(r, (e) => e.data.target === town);
    const byLoss = h.of(town, 'loss', r);
    return key === null
      ? anyOf(count(byRaid.length), count(byLoss.length))
      : anyOf(stated(sumOf(byRaid, key), 0), stated(sumOf(byLoss, 'loot_gold'), 0));
  };

  // ---------------------------------------------------------------- total
  add('total', 'total fish caught PL last 7 days', stated(h.sum(PORT, 'fishing', 'fish', last7), 0));
  add('total', 'total ore_tons circuiton wk 3', stated(h.sum(MINES, 'mining', 'ore_tons', week(3)), 2));
  add(
    'total',
    'How much ore was mined in Circuiton last week?',
    stated(h.sum(MINES, 'mining', 'ore_tons', lastWeek), 2),
  );
  add(
    'total',
    'How many drinks did the pirates put away yesterday?',
    stated(h.sum(DEN, 'drinking', 'drinks', yesterday), 0),
  );
  add(
    'total',
    'How much flour has the mill in PatchBourough ground over the past year?',
    stated(h.sum(FARMS, 'mill', 'flour_lbs', lastYear), 0),
  );
  add(
    'total',
    'What is the total number of arrows the fletcher on the island made in the first week?',
    stated(h.sum(DEN, 'arrows', 'arrows', week(1)), 0),
  );
  add(
    'total',
    'How many trinkets did the apprentices in the mountains turn out between day 10 and day 20?',
    stated(h.sum(MINES, 'apprenticeship', 'trinkets', { from: 10, to: 20 }), 0),
  );
  add(
    'total',
    'tools forged at the farms, past two weeks',
    stated(h.sum(FARMS, 'forge', 'tools', last14), 0),
  );
  add(
    'total',
    'How many nets did the net loft at the port make yesterday?',
    stated(h.sum(PORT, 'maritime', 'nets', yesterday), 0),
  );
  add(
    'total',
    'How much rain fell on the farms in the last 30 days?',
    stated(h.sum(FARMS, 'sensor', 'rain_mm', last30), 1),
  );
  add(
    'total',
    `How much metal did the smelter in Circuiton produce on day ${t - 2}?`,
    stated(h.sum(MINES, 'mining', 'metal_lbs', h.day(t - 2)), 4),
  );
  add(
    'total',
    'how much gold did the pirates rake in from raids over the last 30 days',
    stated(sumOf(raids(last30), 'raid_gold'), 0),
  );
  add(
    'total',
    'ropes made in Port Logic during week 2',
    stated(h.sum(PORT, 'maritime', 'ropes', week(2)), 0),
  );
  add(
    'total',
    'How many pupils learned a craft at the Academy in the past 5 days?',
    stated(h.sum(MINES, 'education', 'learned', h.lastN(5)), 0),
  );

  // ---------------------------------------------------------------- mean
  add(
    'mean',
    'What was the average temperature in Port Logic last week?',
    stated(meanOf(h.readings(PORT, 'temperature_c', lastWeek)), 1),
  );
  add(
    'mean',
    'avg pressure circuiton days 1-14',
    stated(meanOf(h.readings(MINES, 'pressure_hpa', { from: 1, to: 14 })), 1),
  );
  {
    const r = last10;
    const nDays = h.reportDays(DEN, r).length;
    add(
      'mean',
      'On an average day, how many drinks get poured at the Den? Go by the last 10 days.',
      stated(nDays === 0 ? undefined : h.sum(DEN, 'drinking', 'drinks', r) / nDays, 0),
    );
  }
  add(
    'mean',
    'mean wind speed on the pirate island yesterday',
    stated(meanOf(h.readings(DEN, 'wind_kph', yesterday)), 1),
  );
  {
    const fish = h.values(PORT, 'fishing', 'fish', last14);
    add(
      'mean',
      "What's the average catch per fishing trip at the port over the past 2 weeks?",
      stated(meanOf(fish), 0),
    );
  }
  add(
    'mean',
    'average river level in PatchBourough over the last 7 days',
    stated(meanOf(h.readings(FARMS, 'river_level_m', last7)), 2),
  );
  {
    const nDays = h.reportDays(MINES, last30).length;
    add(
      'mean',
      'How much ore does Circuiton dig on an average day, judging by the last 30 days?',
      stated(nDays === 0 ? undefined : h.sum(MINES, 'mining', 'ore_tons', last30) / nDays, 2),
    );
  }
  add(
    'mean',
    'average humidity at the harbour in week 1?',
    stated(meanOf(h.readings(PORT, 'humidity_pct', week(1))), 0),
  );

  // ---------------------------------------------------------------- min
  const minOf = (xs: number[]) => (xs.length === 0 ? undefined : Math.min(...xs));
  const maxOf = (xs: number[]) => (xs.length === 0 ? undefined : Math.max(...xs));
  add(
    'min',
    'What was the coldest it got in Circuiton over the past week?',
    stated(minOf(h.readings(MINES, 'temperature_c', last7)), 1),
  );
  add(
    'min',
    'lowest pressure reading at the port, last 30 days',
    stated(minOf(h.readings(PORT, 'pressure_hpa', last30)), 1),
  );
  add(
    'min',
    'How low did the river get at the farms during week 2?',
    stated(minOf(h.readings(FARMS, 'river_level_m', week(2))), 2),
  );
  add(
    'min',
    'What was the lowest tide at Port Logic yesterday?',
    stated(minOf(h.readings(PORT, 'tide_m', yesterday)), 2),
  );
  add(
    'min',
    'lowest humidity on the island in the past 2 weeks',
    stated(minOf(h.readings(DEN, 'humidity_pct', last14)), 0),
  );
  add(
    'min',
    `min temp den of thieves day ${y}`,
    stated(minOf(h.readings(DEN, 'temperature_c', yesterday)), 1),
  );

  // ---------------------------------------------------------------- max
  add(
    'max',
    'What was the hottest temperature on the island in week 2?',
    stated(maxOf(h.readings(DEN, 'temperature_c', week(2))), 1),
  );
  add('max', 'max wind PL last 7 days', stated(maxOf(h.readings(PORT, 'wind_kph', last7)), 1));
  add(
    'max',
    'highest river level at PatchBourough in the last 30 days?',
    stated(maxOf(h.readings(FARMS, 'river_level_m', last30)), 2),
  );
  add(
    'max',
    'How high did the tide come in at the harbour over the past 3 days?',
    stated(maxOf(h.readings(PORT, 'tide_m', h.lastN(3))), 2),
  );
  add(
    'max',
    "What's the most humid it got up in the mountains yesterday?",
    stated(maxOf(h.readings(MINES, 'humidity_pct', yesterday)), 0),
  );
  add(
    'max',
    'peak air pressure in the mining town, days 20 to 30',
    stated(maxOf(h.readings(MINES, 'pressure_hpa', { from: 20, to: 30 })), 1),
  );

  // ---------------------------------------------------------------- count
  add('count', 'How many raids did the pirates pull off in the last 30 days?', count(raids(last30).length));
  add(
    'count',
    'How many shipments did the farms send up to the mines last week?',
    count(trades(FARMS, lastWeek, (e) => e.data.to === MINES).length),
  );
  add(
    'count',
    'how many fishing trips came back with empty nets in the last 30 days?',
    count(h.of(PORT, 'fishing', last30, flagged('empty_nets')).length),
  );
  add(
    'count',
    'How many times did the pirates repair the Black Gull in the first 30 days?',
    count(h.of(DEN, 'repair', { from: 1, to: 30 }, (e) => val(e, 'boat_repaired') >= 1).length),
  );
  add(
    'count',
    'How many shipments arrived at Circuiton yesterday?',
    count(h.of(MINES, 'arrival', yesterday).length),
  );
  add(
    'count',
    'count of fine hauls landed at the port in the past year',
    count(h.of(PORT, 'fishing', lastYear, flagged('fine_haul')).length),
  );
  add(
    'count',
    'How many times did the mill stand idle in the last 7 days?',
    count(h.of(FARMS, 'mill', last7, flagged('idle')).length),
  );
  add(
    'count',
    'How many mining shifts were lost to flooding in the last 60 days?',
    count(h.of(MINES, 'mining', last60, flagged('flood')).length),
  );
  add(
    'count',
    'How many of Port Logic’s shipments did the pirates rob in week 3?',
    robbed(PORT, week(3), null),
  );
  add(
    'count',
    'How many overseas ships loaded or unloaded cargo at Port Logic yesterday?',
    count(
      h.of(
        PORT,
        'trade',
        yesterday,
        (e) => (e.data.from === 'overseas' || e.data.to === 'overseas') && val(e, 'cargo_items') > 0,
      ).length,
    ),
  );
  add(
    'count',
    'how many times did the blacksmith’s forge go cold in the last 10 days',
    count(h.of(FARMS, 'forge', last10, flagged('cold_forge')).length),
  );
  add(
    'count',
    'How many lessons at the Academy last week ended with nobody learning anything?',
    count(h.of(MINES, 'education', lastWeek, (e) => val(e, 'learned') === 0).length),
  );

  // ---------------------------------------------------------------- days (how many days)
  add(
    'days',
    'On how many of the last 30 days did the pirates go raiding?',
    count(distinctDays(raids(last30)).length),
  );
  add(
    'days',
    'How many days in the last 60 did a storm hit the port?',
    count(h.daysWhen(PORT, 'sensor', last60, flagged('storm')).length),
  );
  add(
    'days',
    'How many days was the mine flooded in the last 90 days?',
    count(h.daysWhen(MINES, 'mining', h.lastN(90), flagged('flood')).length),
  );
  add(
    'days',
    'How many days this past year did it drop below freezing in Circuiton?',
    count(h.daysWhen(MINES, 'sensor', lastYear, (e) => val(e, 'temperature_c') < 0).length),
  );
  add(
    'days',
    'On how many days did the farms bring in a surplus over the last 300 days?',
    count(h.daysWhen(FARMS, 'farming', h.lastN(300), flagged('surplus')).length),
  );
  add(
    'days',
    'how many days did the port ship fish to the farms, last 2 weeks',
    count(distinctDays(trades(PORT, last14, (e) => e.data.to === FARMS && e.data.goods === 'fish')).length),
  );
  add(
    'days',
    'How many days in the first week did the mill not grind any grain at all?',
    count(h.daily(FARMS, 'mill', 'grain_lbs', week(1)).filter((p) => p.value === 0).length),
  );
  add(
    'days',
    'How many days last week did John make at least 20 trinkets?',
    count(h.daily(MINES, 'apprenticeship', 'trinkets', lastWeek).filter((p) => p.value >= 20).length),
  );

  // ---------------------------------------------------------------- extreme-event (largest single event)
  add(
    'extreme-event',
    'What was the biggest single catch at the port in the last 30 days?',
    extremeEvent(h.of(PORT, 'fishing', last30), 'fish'),
  );
  add(
    'extreme-event',
    'largest single raid by the pirates in the last 30 days — how much and when?',
    extremeEvent(raids(last30), 'raid_gold'),
  );
  add(
    'extreme-event',
    "What's the most ore a single shift dug up in week 2?",
    extremeEvent(h.of(MINES, 'mining', week(2)), 'ore_tons'),
  );
  add(
    'extreme-event',
    'biggest single shipment (in crates) out of PatchBourough in the last 2 weeks',
    extremeEvent(trades(FARMS, last14), 'cargo_items'),
  );
  add(
    'extreme-event',
    'What was the biggest round poured at the Den tavern yesterday?',
    extremeEvent(h.of(DEN, 'drinking', yesterday), 'drinks'),
  );
  add(
    'extreme-event',
    'What is the most arrows Skiv made in one go during the first 20 days?',
    extremeEvent(h.of(DEN, 'arrows', { from: 1, to: 20 }), 'arrows'),
  );
  {
    // The latest whole week that saw a harvest (the histories may end in winter), else the last 30 days.
    const harvestWeeks = h
      .daysWhen(FARMS, 'farming', whole, (e) => val(e, 'harvest') > 0)
      .map((d) => Math.ceil(d / 7))
      .filter((k) => 7 * k <= h.last);
    const k = harvestWeeks[harvestWeeks.length - 1];
    add(
      'extreme-event',
      k === undefined
        ? 'biggest single harvest a farmer brought in over the last 30 days?'
        : `biggest single harvest a farmer brought in during week ${k}?`,
      extremeEvent(h.of(FARMS, 'farming', k === undefined ? last30 : week(k)), 'harvest'),
    );
  }
  add(
    'extreme-event',
    "What was the port's biggest single sale last week, in gold?",
    extremeEvent(trades(PORT, lastWeek), 'value_gold'),
  );
  {
    // Ten days ending on the last day the mill ground grain (it stands idle for weeks in winter).
    const ground = h.daysWhen(FARMS, 'mill', whole, (e) => val(e, 'grain_lbs') > 0);
    const d = ground[ground.length - 1];
    const r = d === undefined ? last10 : { from: Math.max(1, d - 9), to: d };
    add(
      'extreme-event',
      d === undefined
        ? 'largest single batch of grain ground at the mill in the past 10 days'
        : r.from === r.to
          ? `largest single batch of grain ground at the mill on day ${r.to}`
          : `largest single batch of grain ground at the mill between day ${r.from} and day ${r.to}`,
      extremeEvent(h.of(FARMS, 'mill', r), 'grain_lbs'),
    );
  }
  add(
    'extreme-event',
    'What was the biggest single loss Circuiton suffered to the pirates in the last 30 days?',
    extremeEvent(h.of(MINES, 'loss', last30), 'loot_gold'),
  );
  add(
    'extreme-event',
    'most trinkets John made in one sitting last week?',
    extremeEvent(h.of(MINES, 'apprenticeship', lastWeek), 'trinkets'),
  );

  // ---------------------------------------------------------------- extreme-day (best / worst day)
  add(
    'extreme-day',
    'What was the best day for fishing at the port in the last 30 days?',
    extremeDay(h.daily(PORT, 'fishing', 'fish', last30), 0),
  );
  add(
    'extreme-day',
    'worst day at the mines in week 2?',
    extremeDay(h.daily(MINES, 'mining', 'ore_tons', week(2)), 2, 'min'),
  );
  add(
    'extreme-day',
    "What was the busiest night at the Den's tavern in the last 2 weeks?",
    extremeDay(h.daily(DEN, 'drinking', 'drinks', last14), 0),
  );
  add(
    'extreme-day',
    "the pirates' most lucrative day in the last 30 days",
    extremeDay(h.daily(DEN, 'raid', 'raid_gold', last30, isRaid), 0),
  );
  add(
    'extreme-day',
    'Which day had the most rain at the farms in the last 30 days, and how much fell?',
    extremeDay(h.daily(FARMS, 'sensor', 'rain_mm', last30), 1),
  );
  add(
    'extreme-day',
    'best day for trinkets in the last 10 days?',
    extremeDay(h.daily(MINES, 'apprenticeship', 'trinkets', last10), 0),
  );
  add(
    'extreme-day',
    "What was the net loft's slowest day last week (fewest nets)?",
    extremeDay(h.daily(PORT, 'maritime', 'nets', lastWeek), 0, 'min'),
  );
  add(
    'extreme-day',
    'What was the warmest day at the port last week?',
    extremeDay(h.dailyMean(PORT, 'temperature_c', lastWeek), 1),
  );
  add(
    'extreme-day',
    'top day for flour at the mill in the past year',
    extremeDay(h.daily(FARMS, 'mill', 'flour_lbs', lastYear), 0),
  );
  add(
    'extreme-day',
    'Which day did Port Logic earn the most gold from trade in the past 2 weeks?',
    extremeDay(
      h.daily(PORT, 'trade', 'value_gold', last14, (e) => e.data.from === PORT),
      0,
    ),
  );
  add(
    'extreme-day',
    "the mines' best day for metal in week 3",
    extremeDay(h.daily(MINES, 'mining', 'metal_lbs', week(3)), 4),
  );

  // ---------------------------------------------------------------- which-day
  {
    const days = h.daysWhen(DEN, 'repair', whole, (e) => val(e, 'boat_repaired') >= 1);
    add(
      'which-day',
      'When did the pirates last repair their ship?',
      dayIn(days.length ? [days[days.length - 1] as number] : []),
    );
  }
  {
    const low = best(h.dailyMean(MINES, 'temperature_c', last7), (p) => p.value, 'min');
    add(
      'which-day',
      'Which day was coldest in Circuiton this past week?',
      dayIn((low?.winners ?? []).map((p) => p.day)),
    );
  }
  {
    const low = best(h.of(PORT, 'sensor', last30), (e) => val(e, 'pressure_hpa'), 'min');
    add(
      'which-day',
      'On what day did the barometer at the port read lowest in the last 30 days?',
      dayIn(distinctDays(low?.winners ?? [])),
    );
  }
  {
    const first = raids(whole, (e) => e.data.target === MINES)[0];
    add('which-day', 'when was the first raid on a Circuiton shipment?', dayIn(first ? [first.day] : []));
  }
  {
    const days = h.daysWhen(FARMS, 'mill', whole, (e) => val(e, 'grain_lbs') > 0);
    add(
      'which-day',
      'What day did the mill last grind any grain?',
      dayIn(days.length ? [days[days.length - 1] as number] : []),
    );
  }
  {
    const top = best(h.daily(PORT, 'fishing', 'fish', week(1)), (p) => p.value);
    add(
      'which-day',
      'which day in the first week did the fishermen catch the most?',
      dayIn((top?.winners ?? []).map((p) => p.day)),
    );
  }
  {
    const days = h.daysWhen(MINES, 'mining', whole, flagged('flood'));
    add(
      'which-day',
      'When did the mine last flood?',
      dayIn(days.length ? [days[days.length - 1] as number] : []),
    );
  }

  // ---------------------------------------------------------------- which-town
  const perTown = (f: (town: string) => number | undefined) => {
    const m = new Map<string, number>();
    for (const town of TOWNS) {
      const v = f(town);
      if (v !== undefined) m.set(town, v);
    }
    return m;
  };
  {
    const means = perTown((town) => meanOf(h.readings(town, 'temperature_c', yesterday)));
    const top = best([...means.entries()], ([, v]) => v);
    const winners = top?.winners.map(([k]) => k) ?? [];
    add(
      'which-town',
      'Which town was warmest yesterday?',
      top ? allOf(townIn(winners), stated(top.value, 1)) : saysNone,
    );
  }
  add(
    'which-town',
    'Which town lost the most gold to the pirates in the last 30 days?',
    winnerOf(
      perTown((town) => lossGold(town, last30)),
      0,
      townIn,
    ),
  );
  add(
    'which-town',
    'Which town sent out the most crates last week?',
    winnerOf(
      perTown((town) => sumOf(trades(town, lastWeek), 'cargo_items')),
      0,
      townIn,
    ),
  );
  add(
    'which-town',
    'which town got the most rain over the last 30 days?',
    winnerOf(
      perTown((town) => h.sum(town, 'sensor', 'rain_mm', last30)),
      1,
      townIn,
    ),
  );
  add(
    'which-town',
    'windiest town over the past 7 days?',
    winnerOf(
      perTown((town) => meanOf(h.readings(town, 'wind_kph', last7))),
      1,
      townIn,
    ),
  );
  add(
    'which-town',
    'Which town took in the most deliveries in the last 2 weeks?',
    winnerOf(
      perTown((town) => h.of(town, 'arrival', last14).length),
      0,
      townIn,
    ),
  );
  add(
    'which-town',
    'Which town had the lowest air pressure reading in week 1?',
    winnerOf(
      perTown((town) => minOf(h.readings(town, 'pressure_hpa', week(1)))),
      1,
      townIn,
      'min',
    ),
  );
  add(
    'which-town',
    "Which town's shipments did the pirates hit most often in the last 30 days?",
    winnerOf(
      perTown((town) => raids(last30, (e) => e.data.target === town).length),
      0,
      townIn,
    ),
  );

  // ---------------------------------------------------------------- who
  add(
    'who',
    'Who caught the most fish at the port last week?',
    winnerOf(h.byActor(PORT, 'fishing', 'fish', lastWeek), 0, personIn),
  );
  add(
    'who',
    'Which miner dug out the most ore in the last 30 days?',
    winnerOf(h.byActor(MINES, 'mining', 'ore_tons', last30), 2, personIn),
  );
  add(
    'who',
    "who sold the most at the port's trade hub over the past 2 weeks, in gold?",
    winnerOf(
      h.byActor(PORT, 'trade', 'value_gold', last14, (e) => e.data.from === PORT),
      0,
      personIn,
    ),
  );
  {
    const top = best(raids(last30), (e) => val(e, 'raid_gold'));
    const leaders = [...new Set((top?.winners ?? []).map((e) => e.actor).filter((a) => a !== undefined))];
    add(
      'who',
      'Who led the biggest raid of the last 30 days?',
      leaders.length ? personIn(leaders) : saysNone,
    );
  }
  add(
    'who',
    'Which teacher got the most pupils through in the last 2 weeks?',
    winnerOf(h.byActor(MINES, 'education', 'learned', last14), 0, personIn),
  );
  add(
    'who',
    'who at the farms sent off the most shipments last week?',
    winnerOf(
      h.byActor(FARMS, 'trade', null, lastWeek, (e) => e.data.from === FARMS),
      0,
      personIn,
    ),
  );
  {
    const pourers = [...new Set(h.of(DEN, 'drinking', yesterday).map((e) => e.actor))].filter(
      (a): a is string => a !== undefined,
    );
    add(
      'who',
      'Who was pouring the drinks at the Den yesterday?',
      pourers.length ? allOf(...pourers.map((p) => (a: string) => namesPerson(a, p))) : saysNone,
    );
  }

  // ---------------------------------------------------------------- compare (A or B)
  const named =
    (town: string): Check =>
    (a) =>
      namesTown(a, town);
  const person =
    (who: string): Check =>
    (a) =>
      namesPerson(a, who);
  add(
    'compare',
    'Did the port catch more fish last week or the week before?',
    compare(
      { value: h.sum(PORT, 'fishing', 'fish', lastWeek) },
      { value: h.sum(PORT, 'fishing', 'fish', weekBefore) },
      0,
    ),
  );
  {
    const ore = h.byActor(MINES, 'mining', 'ore_tons', last30);
    add(
      'compare',
      'Who mined more ore in the last 30 days: Ida Pike or Oskar Flint?',
      compare(
        { value: ore.get('Ida Pike') ?? 0, name: person('Ida Pike') },
        { value: ore.get('Oskar Flint') ?? 0, name: person('Oskar Flint') },
        2,
      ),
    );
  }
  add(
    'compare',
    'Was it warmer on average at the port or at the farms yesterday?',
    compare(
      { value: meanOf(h.readings(PORT, 'temperature_c', yesterday)) ?? 0, name: named(PORT) },
      { value: meanOf(h.readings(FARMS, 'temperature_c', yesterday)) ?? 0, name: named(FARMS) },
      1,
    ),
  );
  add(
    'compare',
    'Did Circuiton or Port Logic lose more gold to the pirates over the last 30 days?',
    compare(
      { value: lossGold(MINES, last30), name: named(MINES) },
      { value: lossGold(PORT, last30), name: named(PORT) },
      0,
    ),
  );
  add(
    'compare',
    'Which got more rain in the last 30 days, the farms or the mines?',
    compare(
      { value: h.sum(FARMS, 'sensor', 'rain_mm', last30), name: named(FARMS) },
      { value: h.sum(MINES, 'sensor', 'rain_mm', last30), name: named(MINES) },
      1,
    ),
  );
  add(
    'compare',
    'more trinkets in week 1 or week 2?',
    compare(
      { value: h.sum(MINES, 'apprenticeship', 'trinkets', week(1)) },
      { value: h.sum(MINES, 'apprenticeship', 'trinkets', week(2)) },
      0,
    ),
  );
  add(
    'compare',
    'Did the farms send more crates to the port or to the mines last month?',
    compare(
      {
        value: sumOf(
          trades(FARMS, lastMonth, (e) => e.data.to === PORT),
          'cargo_items',
        ),
        name: named(PORT),
      },
      {
        value: sumOf(
          trades(FARMS, lastMonth, (e) => e.data.to === MINES),
          'cargo_items',
        ),
        name: named(MINES),
      },
      0,
    ),
  );
  add(
    'compare',
    'Were there more pirate raids in the first 10 days or in the last 10 days?',
    compare({ value: raids({ from: 1, to: 10 }).length }, { value: raids(last10).length }, 0),
  );
  add(
    'compare',
    'windier on the island or at the port over the past week?',
    compare(
      { value: meanOf(h.readings(DEN, 'wind_kph', last7)) ?? 0, name: named(DEN) },
      { value: meanOf(h.readings(PORT, 'wind_kph', last7)) ?? 0, name: named(PORT) },
      1,
    ),
  );
  {
    const nets = h.byActor(PORT, 'maritime', 'nets', last14);
    add(
      'compare',
      'Did Maren Knot or Silas Twine make more nets in the last 2 weeks?',
      compare(
        { value: nets.get('Maren Knot') ?? 0, name: person('Maren Knot') },
        { value: nets.get('Silas Twine') ?? 0, name: person('Silas Twine') },
        0,
      ),
    );
  }
  add(
    'compare',
    'Was the mill busier in week 1 or week 2 — how much grain did it grind in each?',
    compare(
      { value: h.sum(FARMS, 'mill', 'grain_lbs', week(1)) },
      { value: h.sum(FARMS, 'mill', 'grain_lbs', week(2)) },
      0,
    ),
  );

  // ---------------------------------------------------------------- filter (goods, direction, whose)
  add(
    'filter',
    'How many crates of fish did the port send to the farms in the last 30 days?',
    count(
      sumOf(
        trades(PORT, last30, (e) => e.data.to === FARMS && e.data.goods === 'fish'),
        'cargo_items',
      ),
    ),
  );
  add(
    'filter',
    'How many lbs of flour went up to the mines from PatchBourough in the last 30 days?',
    stated(
      sumOf(
        trades(FARMS, last30, (e) => e.data.to === MINES && e.data.goods === 'flour'),
        'quantity',
      ),
      0,
    ),
  );
  add(
    'filter',
    'How many crates of spices came in from overseas last week?',
    count(
      sumOf(
        h.of(PORT, 'trade', lastWeek, (e) => e.data.from === 'overseas' && e.data.goods === 'spices'),
        'cargo_items',
      ),
    ),
  );
  add(
    'filter',
    "How much gold did the pirates take from Circuiton's shipments in the last 30 days?",
    robbed(MINES, last30, 'raid_gold'),
  );
  add(
    'filter',
    'How many crates of trinkets did the mines ship to the port in week 2?',
    count(
      sumOf(
        trades(MINES, week(2), (e) => e.data.to === PORT && e.data.goods === 'trinkets'),
        'cargo_items',
      ),
    ),
  );
  add(
    'filter',
    'How many tools arrived in Circuiton over the last 2 weeks?',
    stated(
      sumOf(
        h.of(MINES, 'arrival', last14, (e) => e.data.goods === 'tools'),
        'quantity',
      ),
      0,
    ),
  );
  add(
    'filter',
    'What did the port earn selling goods to overseas ships yesterday?',
    stated(
      sumOf(
        trades(PORT, yesterday, (e) => e.data.to === 'overseas'),
        'value_gold',
      ),
      0,
    ),
  );
  add(
    'filter',
    'How much gold did the port spend buying from overseas ships last week?',
    stated(
      sumOf(
        h.of(PORT, 'trade', lastWeek, (e) => e.data.from === 'overseas'),
        'value_gold',
      ),
      0,
    ),
  );
  {
    const barge = (e: RawEvent) =>
      (e.data.from === PORT && e.data.to === FARMS) || (e.data.from === FARMS && e.data.to === PORT);
    add(
      'filter',
      'How much loot did the pirates take off the river barges between the port and the farms in the last 30 days?',
      stated(sumOf(raids(last30, barge), 'raid_gold'), 0),
    );
  }
  add(
    'filter',
    'How many metal shipments bound for PatchBourough did the pirates rob in the last 30 days?',
    count(raids(last30, (e) => e.data.goods === 'metal' && e.data.to === FARMS).length),
  );
  add(
    'filter',
    'crates of textiles shipped from the port to Circuiton, last 60 days',
    count(
      sumOf(
        trades(PORT, last60, (e) => e.data.to === MINES && e.data.goods === 'textiles'),
        'cargo_items',
      ),
    ),
  );
  {
    const byGoods = new Map<string, number>();
    for (const e of raids(last30))
      byGoods.set(String(e.data.goods), (byGoods.get(String(e.data.goods)) ?? 0) + 1);
    const top = best([...byGoods.entries()], ([, v]) => v);
    add(
      'filter',
      'What goods did the pirates steal most often in the last 30 days?',
      top
        ? anyOf(
            ...top.winners.map(
              ([g]) =>
                (a: string) =>
                  names(a, g),
            ),
          )
        : saysNone,
    );
  }
  add(
    'filter',
    'How many crates of grain did the port import from overseas in the past 30 days?',
    count(
      sumOf(
        h.of(PORT, 'trade', last30, (e) => e.data.from === 'overseas' && e.data.goods === 'grain'),
        'cargo_items',
      ),
    ),
  );
  add(
    'filter',
    'How many crates reached the port from the farms in the past week?',
    count(
      sumOf(
        h.of(PORT, 'arrival', last7, (e) => e.data.from === FARMS),
        'cargo_items',
      ),
    ),
  );

  // ---------------------------------------------------------------- correlate
  add(
    'correlate',
    'show me correlation between fish caught and temperature in Port Logic',
    correlation(h.daily(PORT, 'fishing', 'fish', whole), h.dailyMean(PORT, 'temperature_c', whole)),
  );
  add(
    'correlate',
    'Is there a relationship between the wind and the catch at the port over the last 30 days? Give me the correlation.',
    correlation(h.dailyMean(PORT, 'wind_kph', last30), h.daily(PORT, 'fishing', 'fish', last30)),
  );
  add(
    'correlate',
    'correlate ore mined with temperature in Circuiton, last 60 days',
    correlation(h.daily(MINES, 'mining', 'ore_tons', last60), h.dailyMean(MINES, 'temperature_c', last60)),
  );
  add(
    'correlate',
    'How does the temperature on the island relate to the drinks poured there? Correlation please.',
    correlation(h.dailyMean(DEN, 'temperature_c', whole), h.daily(DEN, 'drinking', 'drinks', whole)),
  );
  add(
    'correlate',
    'correlation between river level and flour milled in PatchBourough',
    correlation(h.dailyMean(FARMS, 'river_level_m', whole), h.daily(FARMS, 'mill', 'flour_lbs', whole)),
  );
  add(
    'correlate',
    'How closely does air pressure at the port track pressure up in the mountains over the last 30 days (correlation)?',
    correlation(h.dailyMean(PORT, 'pressure_hpa', last30), h.dailyMean(MINES, 'pressure_hpa', last30)),
  );

  // ---------------------------------------------------------------- trend
  add(
    'trend',
    'Is the catch at the port going up or down over the last 30 days?',
    trend(h.daily(PORT, 'fishing', 'fish', last30)),
  );
  add(
    'trend',
    'Has it been getting colder or warmer in the mountains over the last 2 weeks?',
    trend(h.dailyMean(MINES, 'temperature_c', last14)),
  );
  add(
    'trend',
    'trend of pirate raid gold over the last 60 days',
    trend(h.daily(DEN, 'raid', 'raid_gold', last60, isRaid)),
  );
  add(
    'trend',
    'Has the river at the farms been rising or falling this past week?',
    trend(h.dailyMean(FARMS, 'river_level_m', last7)),
  );
  add(
    'trend',
    "How's John's trinket output trending over the last 30 days?",
    trend(h.daily(MINES, 'apprenticeship', 'trinkets', last30)),
  );
  add(
    'trend',
    'ore production trend circuiton last 60 days',
    trend(h.daily(MINES, 'mining', 'ore_tons', last60)),
  );

  // ---------------------------------------------------------------- both (two things on the same day)
  add(
    'both',
    'When did PatchBourough and Circuiton both produce record amounts of flour and metal on the same day?',
    daySet(
      intersect(
        recordDays(h.daily(FARMS, 'mill', 'flour_lbs', whole)),
        recordDays(h.daily(MINES, 'mining', 'metal_lbs', whole)),
      ),
    ),
  );
  add(
    'both',
    'show times both towns had surplus or large yield — the farms a surplus and the port a big haul on the same day',
    daySet(
      intersect(
        h.daysWhen(FARMS, 'farming', whole, flagged('surplus')),
        h.daysWhen(PORT, 'fishing', whole, flagged('fine_haul')),
      ),
    ),
  );
  add(
    'both',
    'Were there days when the mine flooded and the mill stood idle on the same day? Which days?',
    daySet(
      intersect(
        h.daysWhen(MINES, 'mining', whole, flagged('flood')),
        h.daysWhen(FARMS, 'mill', whole, flagged('idle')),
      ),
    ),
  );
  add(
    'both',
    'How many days in the last 30 did the pirates raid and the port also ship fish to the farms?',
    count(
      intersect(
        distinctDays(raids(last30)),
        distinctDays(trades(PORT, last30, (e) => e.data.to === FARMS && e.data.goods === 'fish')),
      ).length,
    ),
  );
  add(
    'both',
    'Which days did a storm blow at both the island and the port?',
    daySet(
      intersect(
        h.daysWhen(DEN, 'sensor', whole, flagged('storm')),
        h.daysWhen(PORT, 'sensor', whole, flagged('storm')),
      ),
    ),
  );
  {
    const fish = h.daily(PORT, 'fishing', 'fish', last14);
    const ore = h.daily(MINES, 'mining', 'ore_tons', last14);
    const fishBar = nice(median(fish.map((p) => p.value)));
    const oreBar = nice(median(ore.map((p) => p.value)));
    add(
      'both',
      `On which days in the last 2 weeks did the port catch over ${fishBar} fish and the mines dig over ${oreBar} tons of ore?`,
      daySet(
        intersect(
          fish.filter((p) => p.value > fishBar).map((p) => p.day),
          ore.filter((p) => p.value > oreBar).map((p) => p.day),
        ),
      ),
    );
  }
  {
    const trinkets = h.daily(MINES, 'apprenticeship', 'trinkets', last30);
    const learned = h.daily(MINES, 'education', 'learned', last30);
    const tBar = nice(median(trinkets.map((p) => p.value)));
    const lBar = Math.max(1, Math.round(median(learned.map((p) => p.value))));
    add(
      'both',
      `How many days in the last 30 did John make at least ${tBar} trinkets while the Academy taught at least ${lBar} pupils?`,
      count(
        intersect(
          trinkets.filter((p) => p.value >= tBar).map((p) => p.day),
          learned.filter((p) => p.value >= lBar).map((p) => p.day),
        ).length,
      ),
    );
  }

  // ---------------------------------------------------------------- did (yes / no)
  add('did', "hey, did those pirates hit anyone's shipments yesterday?", yes(raids(yesterday).length > 0));
  add(
    'did',
    'Did the mine flood at all in the last 10 days?',
    yes(h.of(MINES, 'mining', last10, flagged('flood')).length > 0),
  );
  {
    const stormDays = h.daysWhen(PORT, 'sensor', whole, flagged('storm'));
    const d = stormDays[0] ?? t - 3;
    add('did', `Did it storm at the port on day ${d}?`, yes(stormDays.includes(d)));
  }
  add(
    'did',
    'Did the farms bring in a surplus at any point in the last 30 days?',
    yes(h.of(FARMS, 'farming', last30, flagged('surplus')).length > 0),
  );
  add(
    'did',
    'did the pirates fix up their boat this past week?',
    yes(h.of(DEN, 'repair', last7, (e) => val(e, 'boat_repaired') >= 1).length > 0),
  );
  add(
    'did',
    'Did John make any trinkets yesterday?',
    yes(h.sum(MINES, 'apprenticeship', 'trinkets', yesterday) > 0),
  );
  add(
    'did',
    `Did the mill grind anything on day ${t - 5}?`,
    yes(h.sum(FARMS, 'mill', 'grain_lbs', h.day(t - 5)) > 0),
  );
  add(
    'did',
    'Did any fisherman come back with empty nets in the last 30 days?',
    yes(h.of(PORT, 'fishing', last30, flagged('empty_nets')).length > 0),
  );
  add(
    'did',
    'Did the port lose anything to the pirates in the first week?',
    yes(h.of(PORT, 'loss', week(1)).length > 0),
  );

  // ---------------------------------------------------------------- future
  // Not yet, and not the history's total for the same stretch ending today given in its place.
  const future = (instead: number, decimals: number): Check =>
    allOf(notYet, (a) =>
      round(instead, decimals) !== 0 && states(norm(a), instead, decimals) === null
        ? `states ${round(instead, decimals)}, the total up to today`
        : null,
    );
  add(
    'future',
    'How many fish will the port catch tomorrow?',
    future(h.sum(PORT, 'fishing', 'fish', h.day(t)), 0),
  );
  add(
    'future',
    `What will the total ore mined in Circuiton be on day ${t + 5}?`,
    future(h.sum(MINES, 'mining', 'ore_tons', h.day(t)), 2),
  );
  add(
    'future',
    `How much gold did the pirates loot on day ${t + 3}?`,
    future(sumOf(raids(h.day(t)), 'raid_gold'), 0),
  );
  add(
    'future',
    'how many drinks get poured at the den next week',
    future(h.sum(DEN, 'drinking', 'drinks', last7), 0),
  );
  add(
    'future',
    "What's the harvest in PatchBourough going to be over the next 7 days?",
    future(h.sum(FARMS, 'farming', 'harvest', last7), 0),
  );
  add(
    'future',
    `total trinkets made between day ${t + 1} and day ${t + 10}`,
    future(h.sum(MINES, 'apprenticeship', 'trinkets', last10), 0),
  );

  // ---------------------------------------------------------------- role (who holds a role)
  const role = (town: string, r: string): Check => {
    const people = WORLD.workers(town)[r] ?? [];
    return people.length ? allOf(...people.map((p) => (a: string) => namesPerson(a, p))) : saysNone;
  };
  add('role', "Who's the blacksmith in PatchBourough?", role(FARMS, 'blacksmith'));
  add('role', 'who captains the pirate ship?', role(DEN, 'captain'));
  add('role', 'Who teaches at the Academy in Circuiton?', role(MINES, 'teacher'));
  add('role', 'Who runs the tavern on the island?', role(DEN, 'keeper'));
  add('role', 'Who are the fishermen at Port Logic?', role(PORT, 'fisher'));
  add('role', "who's the miller at the farms", role(FARMS, 'miller'));
  add('role', 'Who does the trading for Circuiton?', role(MINES, 'trader'));

  // ---------------------------------------------------------------- typo
  add(
    'typo',
    'how many fsh did port logc catch yesterday',
    stated(h.sum(PORT, 'fishing', 'fish', yesterday), 0),
  );
  add(
    'typo',
    'totl ore minned in circuton last week',
    stated(h.sum(MINES, 'mining', 'ore_tons', lastWeek), 2),
  );
  {
    const raidDays = new Set(distinctDays(raids(whole)));
    const quiet = h
      .days(last30)
      .filter((d) => !raidDays.has(d))
      .pop();
    const d = quiet ?? t - 2;
    add('typo', `did the pirats raid anyone on day ${d}`, yes(raidDays.has(d)));
  }
  add(
    'typo',
    'averge temprature in patchborough last 7 days',
    stated(meanOf(h.readings(FARMS, 'temperature_c', last7)), 1),
  );
  add(
    'typo',
    'whats the bigest catch at the harbur in the last 30 days',
    extremeEvent(h.of(PORT, 'fishing', last30), 'fish'),
  );
  add(
    'typo',
    'how many drinkz at the den of theives yesterday',
    stated(h.sum(DEN, 'drinking', 'drinks', yesterday), 0),
  );
  add(
    'typo',
    'wich town lost the most gold to pirtes in the last 30 days',
    winnerOf(
      perTown((town) => lossGold(town, last30)),
      0,
      townIn,
    ),
  );
  add(
    'typo',
    'how much flor did the mil grind in week 1',
    stated(h.sum(FARMS, 'mill', 'flour_lbs', week(1)), 0),
  );
  add(
    'typo',
    'coldst temprature in circutin yesterday',
    stated(minOf(h.readings(MINES, 'temperature_c', yesterday)), 1),
  );
  add('typo', 'how many raids did the pirattes do in the last 2 weaks', count(raids(last14).length));
  add(
    'typo',
    'total trinkits jon made in the last 10 days',
    stated(h.sum(MINES, 'apprenticeship', 'trinkets', last10), 0),
  );
  add(
    'typo',
    'highest wind at teh port in the lst 7 days',
    stated(maxOf(h.readings(PORT, 'wind_kph', last7)), 1),
  );

  // ---------------------------------------------------------------- scope (no time named: the whole history)
  add('scope', 'How much ore has Circuiton mined?', stated(h.sum(MINES, 'mining', 'ore_tons', whole), 2));
  add(
    'scope',
    'How much gold have the pirates looted altogether?',
    stated(sumOf(raids(whole), 'raid_gold'), 0),
  );
  add(
    'scope',
    "What's the biggest catch ever landed at the port?",
    extremeEvent(h.of(PORT, 'fishing', whole), 'fish'),
  );
  add('scope', 'How many times have the pirates raided?', count(raids(whole).length));
  add(
    'scope',
    "What's the coldest it's ever been in the mountains?",
    stated(minOf(h.readings(MINES, 'temperature_c', whole)), 1),
  );
  add(
    'scope',
    'How many days has the mine been flooded?',
    count(h.daysWhen(MINES, 'mining', whole, flagged('flood')).length),
  );
  add(
    'scope',
    'Which town has lost the most to the pirates?',
    winnerOf(
      perTown((town) => lossGold(town, whole)),
      0,
      townIn,
    ),
  );
  add(
    'scope',
    'How many trinkets has John made?',
    stated(h.sum(MINES, 'apprenticeship', 'trinkets', whole), 0),
  );
  add(
    'scope',
    "What's the average temperature on the island?",
    stated(meanOf(h.readings(DEN, 'temperature_c', whole)), 1),
  );
  add(
    'scope',
    'How many crates of fish has the port sent to the farms?',
    count(
      sumOf(
        trades(PORT, whole, (e) => e.data.to === FARMS && e.data.goods === 'fish'),
        'cargo_items',
      ),
    ),
  );
  add(
    'scope',
    "What was the busiest day ever at the Den's tavern?",
    extremeDay(h.daily(DEN, 'drinking', 'drinks', whole), 0),
  );
  add(
    'scope',
    "How many times has the port's weather station flagged a storm?",
    count(h.of(PORT, 'sensor', whole, flagged('storm')).length),
  );

  return cases;
}

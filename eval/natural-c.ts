/**
 * The third natural development set: questions in the voices of a data analyst (terse, "rain totals
 * by town, week 3"), a game master (narrative, "the pirates have been busy — …") and imperatives
 * ("tell me…", "list…", "give me…"), with units spelled out or not, numbers as digits or words, and
 * about one question in ten with a typo. Written from the world's definition and the conventions
 * (eval/CONVENTIONS.md) alone, never from how the planner reads a question.
 *
 * Weighted toward which town had the most or least, the extremes of a day and of one event, trends,
 * filters (whose shipments, which goods, from/to, overseas), counts of events against counts of days,
 * and two things on the same day. Every truth is computed from the raw events.
 */
import {
  all,
  type Case,
  names,
  namesDay,
  namesTown,
  type RawEvent,
  type Reply,
  round,
  saysNotYet,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const TRADERS: Town[] = ['port-logic', 'patchbourough', 'circuiton'];

/** How people name each town. */
const NICK: Record<Town, string[]> = {
  'port-logic': ['Port Logic', 'the port', 'the harbour', 'Port Logic'],
  patchbourough: ['PatchBourough', 'the farms', 'the river town', 'PatchBourough'],
  circuiton: ['Circuiton', 'the mines', 'the mountain town', 'Circuiton'],
  'den-of-thieves': ['the Den of Thieves', 'the Den', "the pirates' island", 'Den of Thieves'],
};

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const TENS: Record<number, string> = { 30: 'thirty', 40: 'forty', 50: 'fifty' };

function numWord(n: number): string {
  if (n <= 20) return WORDS[n] ?? String(n);
  if (TENS[n]) return TENS[n];
  if (n < 30) return `twenty-${WORDS[n - 20]}`;
  const t = Math.floor(n / 10) * 10;
  return TENS[t] ? `${TENS[t]}-${WORDS[n - t]}` : String(n);
}

/** A small seeded generator (mulberry32), so a history always gets the same questions. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Range {
  lo: number;
  hi: number;
  /** How the question says it ("" for the whole history). */
  say: string;
  /** How the truth says it. */
  label: string;
}

interface Metric {
  town: Town;
  kind: string;
  key: string;
  dec: number;
  /** Names of the metric in a question. */
  words: string[];
  unit: string;
  /** What one event is ("trip", "shift"). */
  one?: string;
}

const OUTPUTS: Metric[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    words: ['fish', 'fish caught', 'catch'],
    unit: 'fish',
    one: 'trip',
  },
  { town: 'port-logic', kind: 'maritime', key: 'nets', dec: 0, words: ['nets', 'nets made'], unit: 'nets' },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    words: ['ropes', 'rope made'],
    unit: 'ropes',
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    words: ['harvest', 'grain harvested', 'harvest in lbs'],
    unit: 'lbs',
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    words: ['flour', 'flour milled', 'flour in pounds'],
    unit: 'lbs',
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    words: ['tools', 'tools forged'],
    unit: 'tools',
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    words: ['ore', 'ore mined', 'ore in tons', 'tonnes of ore'],
    unit: 'tons',
    one: 'shift',
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    words: ['trinkets', 'trinkets made'],
    unit: 'trinkets',
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    words: ['drinks', 'drinks poured'],
    unit: 'drinks',
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    words: ['arrows', 'arrows made'],
    unit: 'arrows',
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    words: ['raid gold', 'gold taken in raids', 'loot in gold'],
    unit: 'gold',
    one: 'raid',
  },
];

interface Reading {
  key: string;
  dec: number;
  words: string[];
  unit: string;
  hi: string[];
  lo: string[];
}

const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    words: ['temperature', 'temp', 'temperature in °C'],
    unit: '°C',
    hi: ['hottest', 'warmest'],
    lo: ['coldest', 'chilliest'],
  },
  {
    key: 'wind_kph',
    dec: 1,
    words: ['wind', 'wind speed', 'wind in km/h'],
    unit: 'km/h',
    hi: ['windiest'],
    lo: ['calmest'],
  },
  {
    key: 'humidity_pct',
    dec: 0,
    words: ['humidity', 'humidity %'],
    unit: '%',
    hi: ['most humid'],
    lo: ['least humid'],
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    words: ['air pressure', 'pressure', 'barometric pressure in hPa'],
    unit: 'hPa',
    hi: ['highest-pressure'],
    lo: ['lowest-pressure'],
  },
];

const FISHERS = ['Hal Marsh', 'Nell Brine', 'Tobias Reed', 'Ivo Gull'];
const MINERS = ['Ida Pike', 'Oskar Flint', 'Bruna Shale'];
const FARMERS = ['Ada Furrow', 'Piet Furrow', 'Wendel Hay'];

const ROLES: { q: string[]; who: string }[] = [
  { q: ['who runs the mill at the farms?', "who's the miller in PatchBourough"], who: 'Rosalind Grist' },
  {
    q: ['who keeps the forge in PatchBourough?', 'tell me who the blacksmith of the river town is'],
    who: 'Garrick Stone',
  },
  { q: ['who captains the pirates?', "name the Den's captain"], who: 'Mara Blackwater' },
  {
    q: ['who pours the drinks at the Den?', 'who keeps the tavern on the pirates island'],
    who: 'Greta Grog',
  },
  { q: ['who fletches the arrows for the Den?', 'give me the name of the fletcher'], who: 'Skiv' },
  {
    q: ['who makes the trinkets in Circuiton?', 'tell me who the apprentice in the mountain town is'],
    who: 'John',
  },
  { q: ["who's the bosun on the pirates' island?", 'name the bosun of the Den'], who: 'Bosun Rook' },
];

const fmt = (n: number, d: number) => round(n, d).toFixed(d);

/** A value whose rounding at `d` or `d + 1` decimals sits on a half: an answer may round it either way. */
function onEdge(v: number, d: number): boolean {
  return [d, d + 1].some((k) => Math.abs((Math.abs(v * 10 ** k) % 1) - 0.5) < 1e-6);
}

/** States `n`, or, when it is 0, says none. */
function statesCount(answer: string, n: number): string | null {
  if (n === 0 && /\b(none|no|never|zero|not once)\b/i.test(answer)) return null;
  return states(answer, n, 0);
}

/** The first of `candidates` the answer names, by position. */
function firstNamed(answer: string, candidates: string[]): string | undefined {
  const low = answer.toLowerCase();
  let best: string | undefined;
  let at = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const i = low.indexOf(c.toLowerCase());
    if (i >= 0 && i < at) {
      at = i;
      best = c;
    }
  }
  return best;
}

/** The answer names `town`, and names it before any other town. */
function namesTownFirst(answer: string, town: string, among: readonly string[] = TOWNS): string | null {
  const miss = namesTown(answer, town);
  if (miss) return miss;
  const first = firstNamed(
    answer,
    among.map((t) => TOWN_NAMES[t] ?? t),
  );
  return first === TOWN_NAMES[town] ? null : `names ${first} first`;
}

function namesFirst(answer: string, who: string, among: string[]): string | null {
  const miss = names(answer, who);
  if (miss) return miss;
  const first = firstNamed(answer, among);
  return first === who ? null : `names ${first} first`;
}

function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return num / den;
}

/** A case, and the typo put in its question if any ("pressure → pressrue"). */
export type NaturalCCase = Case & { typo?: string };

export function buildNaturalC(events: RawEvent[], today: number): NaturalCCase[] {
  const N = today;
  let h = 2166136261;
  for (const e of events) {
    if (e.kind !== 'sensor') continue;
    h = Math.imul(h ^ Math.round(Number(e.data.temperature_c) * 10 + e.day), 16777619);
  }
  const rnd = prng(h ^ N);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const num = (n: number) => (rnd() < 0.4 ? numWord(n) : String(n));

  const num0 = (e: RawEvent, k: string) => Number(e.data[k] ?? 0);
  const byTown = new Map<string, RawEvent[]>();
  for (const e of events) {
    const l = byTown.get(e.town) ?? [];
    l.push(e);
    byTown.set(e.town, l);
  }
  const inR = (e: RawEvent, r: Range) => e.day >= r.lo && e.day <= r.hi;
  const sel = (town: string, kind: string, r: Range, pred?: (e: RawEvent) => boolean) =>
    (byTown.get(town) ?? []).filter((e) => e.kind === kind && inR(e, r) && (!pred || pred(e)));
  const sum = (xs: RawEvent[], k: string) => xs.reduce((s, e) => s + num0(e, k), 0);
  const mean = (xs: RawEvent[], k: string) => sum(xs, k) / xs.length;
  /** Daily sums or means of a key over the days with events. */
  const daily = (xs: RawEvent[], k: string, how: 'sum' | 'mean') => {
    const m = new Map<number, { s: number; n: number }>();
    for (const e of xs) {
      const c = m.get(e.day) ?? { s: 0, n: 0 };
      c.s += num0(e, k);
      c.n++;
      m.set(e.day, c);
    }
    return new Map([...m].map(([d, c]) => [d, how === 'sum' ? c.s : c.s / c.n]));
  };
  /** Every day of the range has an event. */
  const dense = (xs: RawEvent[], r: Range) => new Set(xs.map((e) => e.day)).size === r.hi - r.lo + 1;
  const daysOf = (xs: RawEvent[]) => new Set(xs.map((e) => e.day));

  // ---- time ranges
  const whole = (): Range => ({
    lo: 1,
    hi: N,
    say: pick(['', '', 'so far', 'all time', 'over the whole history', 'since day one', 'ever']),
    label: `days 1–${N}`,
  });
  const rangeOf = (opts: { single?: boolean; minLen?: number } = {}): Range => {
    const minLen = opts.minLen ?? 1;
    for (;;) {
      const r = rangeAny(opts.single ?? false);
      if (r.hi - r.lo + 1 >= minLen) return r;
    }
  };
  const rangeAny = (single: boolean): Range => {
    const c = int(0, single ? 9 : 7);
    if (c === 0) return whole();
    if (c === 1)
      return {
        lo: N - 29,
        hi: N,
        say: pick(['this month', 'in the past 30 days', 'over the last thirty days', 'past 30d']),
        label: `days ${N - 29}–${N}`,
      };
    if (c === 2)
      return {
        lo: N - 30,
        hi: N - 1,
        say: pick(['last month', 'during last month']),
        label: `days ${N - 30}–${N - 1}`,
      };
    if (c === 3)
      return {
        lo: N - 6,
        hi: N,
        say: pick(['this week', 'the past week', 'in the last 7 days', 'over the last seven days']),
        label: `days ${N - 6}–${N}`,
      };
    if (c === 4)
      return {
        lo: N - 7,
        hi: N - 1,
        say: pick(['last week', 'over last week']),
        label: `days ${N - 7}–${N - 1}`,
      };
    if (c === 5) {
      const k = pick([10, 14, 20, 45]);
      return {
        lo: N - k + 1,
        hi: N,
        say: pick([`in the last ${num(k)} days`, `last ${k} days`]),
        label: `days ${N - k + 1}–${N}`,
      };
    }
    if (c === 6) {
      const w = int(1, 7);
      return {
        lo: 7 * (w - 1) + 1,
        hi: 7 * w,
        say: pick([`in week ${num(w)}`, `week ${w}`]),
        label: `week ${w}, days ${7 * (w - 1) + 1}–${7 * w}`,
      };
    }
    if (c === 7) {
      const a = int(1, 40);
      const b = Math.min(55, a + int(5, 20));
      return {
        lo: a,
        hi: b,
        say: pick([`days ${a} to ${b}`, `between day ${a} and day ${b}`, `days ${a}-${b}`]),
        label: `days ${a}–${b}`,
      };
    }
    if (c === 8) return { lo: N - 1, hi: N - 1, say: 'yesterday', label: `day ${N - 1}` };
    return { lo: N, hi: N, say: 'today', label: `day ${N}` };
  };

  const cases: NaturalCCase[] = [];
  const seen = new Set<string>();

  /** A typo in about one question in ten: a swapped, dropped or doubled letter in one word. */
  const typo = (q: string): { q: string; typo?: string } => {
    if (rnd() >= 0.1) return { q };
    const words = [...q.matchAll(/[A-Za-z]{4,}/g)];
    if (words.length === 0) return { q };
    const w = pick(words);
    const s = w[0];
    const i = int(1, s.length - 2);
    const how = int(0, 2);
    const t =
      how === 0
        ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
        : how === 1
          ? s.slice(0, i) + s.slice(i + 1)
          : s.slice(0, i) + s[i] + s.slice(i);
    if (t === s) return { q };
    return { q: q.slice(0, w.index) + t + q.slice((w.index ?? 0) + s.length), typo: `${s} → ${t}` };
  };
  const tidy = (q: string) =>
    q
      .replace(/\s+/g, ' ')
      .replace(/\s+([?,.:;])/g, '$1')
      .replace(/,\s*\?/g, '?')
      .replace(/,\s*$/, '')
      .trim();

  const add = (
    form: string,
    question: string,
    truth: string,
    check: (a: string) => string | null,
  ): boolean => {
    const { q, typo: slip } = typo(tidy(question));
    if (seen.has(q)) return false;
    seen.add(q);
    cases.push({
      form,
      question: q,
      truth,
      ...(slip ? { typo: slip } : {}),
      check: (reply: Reply) => check(reply.answer),
    });
    return true;
  };

  /** Runs a generator until it has made `n` cases (or tried enough). */
  const make = (n: number, gen: () => boolean) => {
    let made = 0;
    for (let t = 0; t < n * 30 && made < n; t++) if (gen()) made++;
  };

  const T = (town: Town) => pick(NICK[town]);
  /** A name in the possessive ("the farms'", "Circuiton's"). */
  const ps = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  // ================= which town had the most / least
  make(14, () => {
    const rd = pick(READINGS);
    const r = rangeOf({ minLen: 2 });
    const most = rnd() < 0.6;
    const vals = TOWNS.map((t) => ({ t, v: mean(sel(t, 'sensor', r), rd.key) }));
    if (vals.some((x) => Number.isNaN(x.v))) return false;
    vals.sort((a, b) => (most ? b.v - a.v : a.v - b.v));
    const [v0, v1] = vals;
    if (!v0 || !v1 || v0.v === v1.v) return false;
    const adj = most ? pick(rd.hi) : pick(rd.lo);
    const w = pick(rd.words);
    const q = pick([
      `which town was ${adj} ${r.say}?`,
      `${w} by town ${r.say}: which is ${most ? 'highest' : 'lowest'}?`,
      `tell me which town had the ${most ? 'highest' : 'lowest'} average ${w} ${r.say}`,
      `across the four towns, who had the ${most ? 'highest' : 'lowest'} mean ${w} ${r.say}?`,
      `${most ? 'highest' : 'lowest'} avg ${w}, ${r.say || 'all days'} — which town?`,
    ]);
    return add(
      'town-extreme-reading',
      q,
      `${TOWN_NAMES[v0.t]} (mean ${rd.key} ${fmt(v0.v, rd.dec + 1)} ${rd.unit}, ${r.label})`,
      (a) => namesTownFirst(a, v0.t),
    );
  });
  make(10, () => {
    const r = rangeOf({ minLen: 2 });
    const most = rnd() < 0.7;
    const vals = TOWNS.map((t) => ({ t, v: round(sum(sel(t, 'sensor', r), 'rain_mm'), 1) }));
    vals.sort((a, b) => (most ? b.v - a.v : a.v - b.v));
    const [v0, v1] = vals;
    if (!v0 || !v1 || v0.v === v1.v) return false;
    const q = most
      ? pick([
          `rain totals by town, ${r.say || 'all time'} — who got the most?`,
          `which town got the most rain ${r.say}?`,
          `tell me the wettest town ${r.say}, by total rainfall`,
          `the skies opened somewhere ${r.say} — which town was soaked the most?`,
          `most rainfall in mm ${r.say}: which town?`,
        ])
      : pick([
          `which town stayed driest ${r.say}, by total rain?`,
          `least rain by town ${r.say}?`,
          `show me the town with the smallest rainfall total ${r.say}`,
        ]);
    return add('town-extreme-rain', q, `${TOWN_NAMES[v0.t]} (${fmt(v0.v, 1)} mm summed, ${r.label})`, (a) =>
      namesTownFirst(a, v0.t),
    );
  });
  make(10, () => {
    const r = rangeOf({ minLen: 5 });
    const most = rnd() < 0.75;
    const vals = TRADERS.map((t) => ({ t, v: sum(sel(t, 'loss', r), 'loot_gold') }));
    vals.sort((a, b) => (most ? b.v - a.v : a.v - b.v));
    const [v0, v1] = vals;
    if (!v0 || !v1 || v0.v === v1.v) return false;
    const q = most
      ? pick([
          `the pirates have been busy — which town lost the most to them ${r.say}?`,
          `which town lost the most gold to the pirates ${r.say}?`,
          `losses to piracy by town ${r.say}: who's hit hardest?`,
          `tell me which town the raiders robbed of the most gold ${r.say}`,
          `whose coffers did the Den empty the most ${r.say}, in gold lost?`,
        ])
      : pick([
          `of the three trading towns, which lost the least gold to pirates ${r.say}?`,
          `which trading town got off lightest from the pirates ${r.say}, by gold lost?`,
        ]);
    return add('town-extreme-loss', q, `${TOWN_NAMES[v0.t]} (${v0.v} gold in loss events, ${r.label})`, (a) =>
      namesTownFirst(a, v0.t, TRADERS),
    );
  });
  make(9, () => {
    const r = rangeOf({ minLen: 3 });
    const most = rnd() < 0.75;
    const vals = TRADERS.map((t) => ({ t, v: sel(t, 'arrival', r).length }));
    vals.sort((a, b) => (most ? b.v - a.v : a.v - b.v));
    const [v0, v1] = vals;
    if (!v0 || !v1 || v0.v === v1.v) return false;
    const q = most
      ? pick([
          `which town got the most deliveries ${r.say}?`,
          `arrivals by town ${r.say} — top?`,
          `list which town received the most shipments ${r.say}`,
          `the caravans and barges kept coming ${r.say}: which town saw the most arrivals?`,
        ])
      : pick([
          `which of the trading towns got the fewest deliveries ${r.say}?`,
          `fewest shipment arrivals ${r.say}: which trading town?`,
        ]);
    return add('town-extreme-arrivals', q, `${TOWN_NAMES[v0.t]} (${v0.v} arrival events, ${r.label})`, (a) =>
      namesTownFirst(a, v0.t, TRADERS),
    );
  });
  make(7, () => {
    const r = rangeOf({ minLen: 7 });
    const storms = rnd() < 0.5;
    const vals = TOWNS.map((t) => {
      const xs = sel(t, 'sensor', r, storms ? (e) => num0(e, 'storm') === 1 : (e) => num0(e, 'rain_mm') > 0);
      return { t, v: daysOf(xs).size };
    });
    vals.sort((a, b) => b.v - a.v);
    const [v0, v1] = vals;
    if (!v0 || !v1 || v0.v === v1.v) return false;
    const q = storms
      ? pick([`which town had the most stormy days ${r.say}?`, `storm days by town ${r.say}, who leads?`])
      : pick([
          `which town had the most rainy days ${r.say}?`,
          `count of days with rain, by town ${r.say}: which is top?`,
          `tell me which town saw rain on the most days ${r.say}`,
        ]);
    return add(
      'town-most-days',
      q,
      `${TOWN_NAMES[v0.t]} (${v0.v} days with ${storms ? 'a storm reading' : 'rain_mm > 0'}, ${r.label})`,
      (a) => namesTownFirst(a, v0.t),
    );
  });

  // ================= extremes of one day
  make(24, () => {
    const m = pick(OUTPUTS);
    const r = rangeOf({ minLen: 5 });
    const best = rnd() < 0.65;
    const xs = sel(m.town, m.kind, r);
    if (xs.length === 0) return false;
    if (!best && !dense(xs, r)) return false;
    const d = [...daily(xs, m.key, 'sum')].map(([day, v]) => ({ day, v: round(v, m.dec) }));
    d.sort((a, b) => (best ? b.v - a.v : a.v - b.v));
    const [d0, d1] = d;
    if (!d0 || (d1 && d0.v === d1.v)) return false;
    if (best && d0.v === 0) return false;
    const w = pick(m.words);
    const t = T(m.town);
    const q = best
      ? pick([
          `top day for ${w} in ${t}, ${r.say || 'all time'}?`,
          `which day had the most ${w} at ${t} ${r.say}?`,
          `tell me ${ps(t)} best day for ${w} ${r.say}, and how much`,
          `${t} ${w}: best single day ${r.say}?`,
          `give me the peak day of ${w} for ${t} ${r.say}`,
          `when was ${ps(t)} ${w} at its peak ${r.say}? give the day and the amount`,
          `my players ask: on what day ${r.say} did ${t} turn out the most ${w}?`,
        ])
      : pick([
          `worst day for ${w} in ${t} ${r.say}?`,
          `which day had the least ${w} at ${t} ${r.say}?`,
          `show me ${ps(t)} slowest day for ${w} ${r.say}`,
        ]);
    return add(
      best ? 'best-day' : 'worst-day',
      q,
      `day ${d0.day} (${fmt(d0.v, m.dec)} ${m.unit} that day, ${r.label})`,
      (a) => all(namesDay(a, d0.day), states(a, d0.v, m.dec)),
    );
  });
  make(16, () => {
    const rd = pick(READINGS.slice(0, 2));
    const town = pick(TOWNS);
    const r = rangeOf({ minLen: 5 });
    const hi = rnd() < 0.6;
    const xs = sel(town, 'sensor', r);
    if (xs.length === 0) return false;
    const d = [...daily(xs, rd.key, 'mean')].map(([day, v]) => ({ day, v }));
    d.sort((a, b) => (hi ? b.v - a.v : a.v - b.v));
    const [d0, d1] = d;
    if (!d0 || (d1 && Math.abs(d0.v - d1.v) < 1e-9)) return false;
    const adj = hi ? pick(rd.hi) : pick(rd.lo);
    if (onEdge(d0.v, rd.dec)) return false;
    const t = T(town);
    const q = pick([
      `${adj} day in ${t} ${r.say}?`,
      `which was the ${adj} day at ${t} ${r.say}, on average?`,
      `tell me the ${adj} day ${t} had ${r.say}`,
      `${t}: ${adj} day ${r.say || 'on record'}, by daily mean ${rd.words[0]}?`,
    ]);
    return add(
      hi ? 'day-high-reading' : 'day-low-reading',
      q,
      `day ${d0.day} (daily mean ${rd.key} ${fmt(d0.v, 2)} ${rd.unit}, ${r.label})`,
      (a) => all(namesDay(a, d0.day), states(a, d0.v, rd.dec)),
    );
  });
  make(8, () => {
    const town = pick(TOWNS);
    const r = rangeOf({ minLen: 5 });
    const d = [...daily(sel(town, 'sensor', r), 'rain_mm', 'sum')].map(([day, v]) => ({
      day,
      v: round(v, 1),
    }));
    d.sort((a, b) => b.v - a.v);
    const [d0, d1] = d;
    if (!d0 || d0.v === 0 || (d1 && d0.v === d1.v)) return false;
    const t = T(town);
    const q = pick([
      `wettest day in ${t} ${r.say}?`,
      `which day did ${t} get the most rain ${r.say}?`,
      `give me ${ps(t)} rainiest day ${r.say} and the mm that fell`,
      `the storm clouds gathered over ${t} — on which day ${r.say} did the most rain come down?`,
    ]);
    return add('wettest-day', q, `day ${d0.day} (${fmt(d0.v, 1)} mm summed that day, ${r.label})`, (a) =>
      all(namesDay(a, d0.day), states(a, d0.v, 1)),
    );
  });

  // ================= extremes of one event
  make(10, () => {
    const m = pick(OUTPUTS.filter((o) => o.one));
    const r = rangeOf({ minLen: 3 });
    const xs = sel(m.town, m.kind, r);
    if (xs.length === 0) return false;
    const v = Math.max(...xs.map((e) => num0(e, m.key)));
    if (v === 0) return false;
    const t = T(m.town);
    const w = pick(m.words);
    const q =
      m.key === 'raid_gold'
        ? pick([
            `richest raid ${r.say}?`,
            `what was the biggest single haul the pirates brought home ${r.say}, in gold?`,
            `tell me the most gold taken in one raid ${r.say}`,
          ])
        : pick([
            `${t} ${w}: best single ${m.one} ${r.say}?`,
            `largest single ${m.one} for ${w} at ${t} ${r.say}?`,
            `what's the most ${w} from one ${m.one} in ${t} ${r.say}?`,
            `show the biggest ${m.one} ${t} logged ${r.say}`,
          ]);
    return add(
      'largest-event',
      q,
      `${fmt(v, m.dec)} ${m.unit} (max over single ${m.kind} events, ${r.label})`,
      (a) => states(a, v, m.dec),
    );
  });
  make(10, () => {
    const rd = pick(READINGS.slice(0, 2));
    const town = pick(TOWNS);
    const r = rangeOf({ minLen: 3 });
    const hi = rnd() < 0.65;
    const xs = sel(town, 'sensor', r);
    if (xs.length === 0) return false;
    const vs = xs.map((e) => num0(e, rd.key));
    const v = hi ? Math.max(...vs) : Math.min(...vs);
    const t = T(town);
    const word =
      rd.key === 'wind_kph'
        ? hi
          ? 'strongest gust'
          : 'calmest reading'
        : hi
          ? 'hottest reading'
          : 'coldest reading';
    const q = pick([
      `${word} at ${t} ${r.say}?`,
      `what was the ${hi ? 'highest' : 'lowest'} single ${rd.words[0]} reading in ${t} ${r.say}?`,
      `tell me ${ps(t)} ${word} ${r.say}`,
    ]);
    return add(
      'extreme-reading',
      q,
      `${fmt(v, rd.dec)} ${rd.unit} (${hi ? 'max' : 'min'} single reading, ${r.label})`,
      (a) => states(a, v, rd.dec),
    );
  });
  make(7, () => {
    const r = rangeOf({ minLen: 5 });
    const town = rnd() < 0.3 ? undefined : pick(TRADERS);
    const xs = town ? sel(town, 'loss', r) : TRADERS.flatMap((t) => sel(t, 'loss', r));
    if (xs.length === 0) return false;
    const v = Math.max(...xs.map((e) => num0(e, 'loot_gold')));
    const q = town
      ? pick([
          `biggest single robbery ${T(town)} suffered ${r.say}, in gold?`,
          `tell me the worst single loss to pirates for ${T(town)} ${r.say}`,
        ])
      : pick([
          `largest single loss to the pirates in any town ${r.say}?`,
          `what's the most gold lost in one robbery ${r.say}?`,
        ]);
    return add('largest-loss', q, `${v} gold (max loot_gold of one loss event, ${r.label})`, (a) =>
      states(a, v, 0),
    );
  });
  make(4, () => {
    const r = rangeOf({ minLen: 5 });
    const xs = sel('port-logic', 'trade', r, (e) => e.data.from === 'overseas');
    if (xs.length === 0) return false;
    const v = Math.max(...xs.map((e) => num0(e, 'value_gold')));
    const q = pick([
      `priciest overseas purchase at the port ${r.say}?`,
      `most gold Port Logic paid for one overseas cargo ${r.say}?`,
      `tell me the largest single buy from overseas ${r.say}`,
    ]);
    return add('largest-overseas', q, `${v} gold (max value_gold of trade from overseas, ${r.label})`, (a) =>
      states(a, v, 0),
    );
  });

  // ================= trends
  make(22, () => {
    const isReading = rnd() < 0.5;
    const r = rangeOf({ minLen: 10 });
    let xs: RawEvent[];
    let key: string;
    let how: 'sum' | 'mean';
    let w: string;
    let t: string;
    let unit: string;
    if (isReading) {
      const town = pick(TOWNS);
      const rd = pick(READINGS);
      xs = sel(town, 'sensor', r);
      key = rd.key;
      how = 'mean';
      w = pick(rd.words);
      t = T(town);
      unit = rd.unit;
    } else {
      const m = pick(OUTPUTS.filter((o) => o.key !== 'raid_gold'));
      xs = sel(m.town, m.kind, r);
      key = m.key;
      how = 'sum';
      w = pick(m.words);
      t = T(m.town);
      unit = m.unit;
    }
    if (!dense(xs, r)) return false;
    const s = slope([...daily(xs, key, how)]);
    if (!Number.isFinite(s) || Math.abs(s) < 0.006 || onEdge(s, 2)) return false;
    const yn = rnd() < 0.45;
    const up = rnd() < 0.5;
    const q = yn
      ? pick([
          `is ${ps(t)} ${w} ${up ? 'rising' : 'falling'} ${r.say}?`,
          `has ${w} at ${t} been trending ${up ? 'up' : 'down'} ${r.say}?`,
          `${w} in ${t} ${r.say} — going ${up ? 'up' : 'down'}?`,
          `the townsfolk swear ${ps(t)} ${w} has been ${up ? 'climbing' : 'dropping'} ${r.say}. are they right?`,
        ])
      : pick([
          `trend in ${t} ${w} ${r.say}, per day?`,
          `give me the daily slope of ${w} at ${t} ${r.say}`,
          `how fast is ${w} in ${t} changing per day ${r.say}?`,
          `tell me the trend of ${ps(t)} daily ${w} ${r.say}`,
          `slope of daily ${w}, ${t}, ${r.say || 'full history'}?`,
        ]);
    const truth = `slope ${fmt(s, 2)} ${unit}/day of daily ${how}s (${r.label})${yn ? `: ${s > 0 === up ? 'yes' : 'no'}` : ''}`;
    return add(yn ? 'trend-yes-no' : 'trend', q, truth, (a) =>
      yn ? all(saysYes(a, s > 0 === up), states(a, s, 2)) : states(a, s, 2),
    );
  });

  // ================= filters
  const GOODS_RAIDED = [
    ...new Set(events.filter((e) => e.kind === 'raid' && e.data.goods).map((e) => String(e.data.goods))),
  ];
  make(10, () => {
    const r = rangeOf({ minLen: 5 });
    const target = pick(TRADERS);
    const gold = rnd() < 0.5;
    const xs = sel('den-of-thieves', 'raid', r, (e) => num0(e, 'raid_gold') > 0 && e.data.target === target);
    const v = gold ? sum(xs, 'raid_gold') : xs.length;
    const t = T(target);
    const q = gold
      ? pick([
          `how much gold did the pirates take from ${ps(t)} shipments ${r.say}?`,
          `raid gold from ${TOWN_NAMES[target]} shipments, ${r.say || 'total'}?`,
          `tell me what the Den's raids on ${t} cargo brought in ${r.say}`,
        ])
      : pick([
          `how many raids hit ${ps(t)} shipments ${r.say}?`,
          `count the raids on ${TOWN_NAMES[target]} cargo ${r.say}`,
          `the Black Gull keeps sailing — how many raids did it make on ${ps(t)} goods ${r.say}?`,
        ]);
    return add(
      gold ? 'raid-gold-by-target' : 'raids-by-target',
      q,
      `${v} ${gold ? 'gold' : 'raids'} (raids with raid_gold > 0, target ${target}, ${r.label})`,
      (a) => (gold ? (v === 0 ? statesCount(a, 0) : states(a, v, 0)) : statesCount(a, v)),
    );
  });
  make(8, () => {
    const r = rangeOf({ minLen: 5 });
    const g = pick(GOODS_RAIDED);
    const gold = rnd() < 0.4;
    const xs = sel('den-of-thieves', 'raid', r, (e) => num0(e, 'raid_gold') > 0 && e.data.goods === g);
    const v = gold ? sum(xs, 'raid_gold') : xs.length;
    const q = gold
      ? pick([
          `gold from raids on ${g} ${r.say}?`,
          `how much did the pirates make off ${g} cargoes ${r.say}?`,
        ])
      : pick([
          `how many raids took ${g} ${r.say}?`,
          `list how many times the pirates seized ${g} ${r.say}`,
          `raids on ${g} shipments, count, ${r.say || 'all time'}?`,
        ]);
    return add(
      gold ? 'raid-gold-by-goods' : 'raids-by-goods',
      q,
      `${v} ${gold ? 'gold' : 'raids'} (raids with raid_gold > 0, goods ${g}, ${r.label})`,
      (a) => statesCount(a, v),
    );
  });
  make(5, () => {
    const r = rangeOf({ minLen: 5 });
    const to = pick(TRADERS);
    const xs = sel('den-of-thieves', 'raid', r, (e) => num0(e, 'raid_gold') > 0 && e.data.to === to);
    const v = xs.length;
    const q = pick([
      `how many raids hit cargo bound for ${T(to)} ${r.say}?`,
      `raids on shipments headed to ${TOWN_NAMES[to]} ${r.say}: how many?`,
    ]);
    return add('raids-by-destination', q, `${v} raids (raid_gold > 0, to ${to}, ${r.label})`, (a) =>
      statesCount(a, v),
    );
  });
  make(10, () => {
    const r = rangeOf({ minLen: 3 });
    const town = pick(TRADERS);
    const what = int(0, 2);
    const xs = sel(town, 'loss', r);
    const v = what === 0 ? xs.length : what === 1 ? sum(xs, 'cargo_items') : sum(xs, 'loot_gold');
    const t = T(town);
    const q =
      what === 0
        ? pick([
            `how many times was ${t} robbed ${r.say}?`,
            `robberies at ${TOWN_NAMES[town]} ${r.say}, count?`,
          ])
        : what === 1
          ? pick([`how many crates did ${t} lose to pirates ${r.say}?`, `crates stolen from ${t} ${r.say}?`])
          : pick([
              `how much gold has ${t} lost to the pirates ${r.say}?`,
              `tell me ${ps(t)} losses to piracy ${r.say} in gold`,
            ]);
    return add(
      ['robbery-count', 'crates-lost', 'gold-lost'][what] ?? 'robbery',
      q,
      `${v} ${['robberies (loss events)', 'crates (sum of cargo_items in loss events)', 'gold (sum of loot_gold)'][what]} (${r.label})`,
      (a) => statesCount(a, v),
    );
  });
  make(12, () => {
    const r = rangeOf({ minLen: 3 });
    const to = pick(TRADERS);
    const from = pick(TRADERS.filter((x) => x !== to));
    const crates = rnd() < 0.4;
    const xs = sel(to, 'arrival', r, (e) => e.data.from === from);
    const v = crates ? sum(xs, 'cargo_items') : xs.length;
    const q = crates
      ? pick([
          `crates delivered to ${T(to)} from ${T(from)} ${r.say}?`,
          `how many crates reached ${TOWN_NAMES[to]} from ${TOWN_NAMES[from]} ${r.say}?`,
        ])
      : pick([
          `how many shipments from ${T(from)} arrived at ${T(to)} ${r.say}?`,
          `arrivals at ${TOWN_NAMES[to]} from ${TOWN_NAMES[from]}, ${r.say || 'all time'}?`,
          `tell me how many deliveries ${T(to)} got from ${T(from)} ${r.say}`,
        ]);
    return add(
      crates ? 'arrival-crates' : 'arrival-count',
      q,
      `${v} ${crates ? 'crates (sum cargo_items)' : 'arrivals'} at ${to} from ${from} (${r.label})`,
      (a) => statesCount(a, v),
    );
  });
  make(6, () => {
    const r = rangeOf({ minLen: 3 });
    const to = pick(TRADERS);
    const gs = [...new Set(sel(to, 'arrival', whole()).map((e) => String(e.data.goods)))];
    if (gs.length === 0) return false;
    const g = pick(gs);
    const xs = sel(to, 'arrival', r, (e) => e.data.goods === g);
    const q = pick([
      `how many deliveries of ${g} did ${T(to)} get ${r.say}?`,
      `${g} arrivals at ${TOWN_NAMES[to]} ${r.say}: count?`,
    ]);
    return add('arrival-by-goods', q, `${xs.length} arrivals of ${g} at ${to} (${r.label})`, (a) =>
      statesCount(a, xs.length),
    );
  });
  make(10, () => {
    const r = rangeOf({ minLen: 3 });
    const buy = rnd() < 0.5;
    const what = int(0, 2);
    const xs = sel('port-logic', 'trade', r, (e) =>
      buy ? e.data.from === 'overseas' : e.data.to === 'overseas',
    );
    const v = what === 0 ? xs.length : what === 1 ? sum(xs, 'value_gold') : sum(xs, 'cargo_items');
    const q = buy
      ? ([
          pick([
            `how many cargoes did the port buy from overseas ${r.say}?`,
            `overseas purchases at Port Logic ${r.say}, count?`,
          ]),
          pick([
            `how much gold did Port Logic pay for overseas goods ${r.say}?`,
            `gold spent on imports from overseas ${r.say}?`,
          ]),
          pick([
            `crates bought from overseas at the harbour ${r.say}?`,
            `how many crates came in from overseas ${r.say}?`,
          ]),
        ][what] as string)
      : ([
          pick([
            `how many shipments did Port Logic send overseas ${r.say}?`,
            `sales to overseas from the port ${r.say}: count?`,
          ]),
          pick([
            `gold earned selling overseas ${r.say}?`,
            `how much did the harbour make on overseas sales ${r.say}?`,
          ]),
          pick([
            `crates shipped overseas from Port Logic ${r.say}?`,
            `tell me how many crates the port sent overseas ${r.say}`,
          ]),
        ][what] as string);
    return add(
      `overseas-${buy ? 'buy' : 'sell'}-${['count', 'gold', 'crates'][what]}`,
      q,
      `${v} ${['trades', 'gold', 'crates'][what]} (port trade ${buy ? 'from' : 'to'} overseas, ${r.label})`,
      (a) => statesCount(a, v),
    );
  });
  make(8, () => {
    const r = rangeOf({ minLen: 3 });
    const from = pick(TRADERS);
    const to = pick(TRADERS.filter((x) => x !== from));
    const crates = rnd() < 0.5;
    const xs = sel(from, 'trade', r, (e) => e.data.from === from && e.data.to === to);
    const v = crates ? sum(xs, 'cargo_items') : xs.length;
    const q = crates
      ? pick([
          `crates ${T(from)} shipped to ${T(to)} ${r.say}?`,
          `how many crates did ${TOWN_NAMES[from]} sell to ${TOWN_NAMES[to]} ${r.say}?`,
        ])
      : pick([
          `how many shipments did ${T(from)} send to ${T(to)} ${r.say}?`,
          `count ${TOWN_NAMES[from]}'s sales to ${TOWN_NAMES[to]} ${r.say}`,
        ]);
    return add(
      crates ? 'shipped-crates' : 'shipped-count',
      q,
      `${v} ${crates ? 'crates (sum cargo_items)' : 'trades'} from ${from} to ${to} (${r.label})`,
      (a) => statesCount(a, v),
    );
  });

  // ================= counts of events vs of days
  const FLAGS: {
    town: Town;
    kind: string;
    pred: (e: RawEvent) => boolean;
    ev: string[];
    day: string[];
    what: string;
  }[] = [
    {
      town: 'port-logic',
      kind: 'sensor',
      pred: (e) => num0(e, 'storm') === 1,
      ev: ['how many storm readings did {T} log {R}?', 'storm readings at {T} {R}, count?'],
      day: ['on how many days was there a storm at {T} {R}?', 'storm days at {T} {R}?'],
      what: 'storm readings',
    },
    {
      town: 'den-of-thieves',
      kind: 'sensor',
      pred: (e) => num0(e, 'storm') === 1,
      ev: ['how many storm readings did {T} log {R}?', 'count the storm reports from {T} {R}'],
      day: ['on how many days did a storm blow at {T} {R}?', 'days with a gale at {T} {R}?'],
      what: 'storm readings',
    },
    {
      town: 'port-logic',
      kind: 'fishing',
      pred: (e) => num0(e, 'empty_nets') === 1,
      ev: [
        'how many times did a fisher at {T} come back with empty nets {R}?',
        'empty-net trips at {T} {R}?',
      ],
      day: [
        'on how many days did someone at {T} come home with empty nets {R}?',
        'days with empty nets, {T}, {R}?',
      ],
      what: 'empty_nets trips',
    },
    {
      town: 'circuiton',
      kind: 'mining',
      pred: (e) => num0(e, 'flood') === 1,
      ev: ['how many shifts were hit by a flood at {T} {R}?', 'flooded shifts in {T} {R}?'],
      day: ['on how many days did the mine flood {R}?', 'flood days at {T} {R}?'],
      what: 'flood shifts',
    },
    {
      town: 'circuiton',
      kind: 'mining',
      pred: (e) => num0(e, 'hunger') === 1,
      ev: ['how many shifts did the miners work hungry {R}?', 'hungry shifts in {T} {R}?'],
      day: ['on how many days did the miners go hungry {R}?', 'days of hunger at {T} {R}?'],
      what: 'hunger shifts',
    },
    {
      town: 'patchbourough',
      kind: 'mill',
      pred: (e) => num0(e, 'idle') === 1,
      ev: ['how many times did the mill stand idle {R}?', 'idle-mill reports at {T} {R}?'],
      day: ['on how many days was the mill idle at {T} {R}?', 'idle mill days {R}?'],
      what: 'idle mill reports',
    },
    {
      town: 'patchbourough',
      kind: 'forge',
      pred: (e) => num0(e, 'cold_forge') === 1,
      ev: ['how many cold-forge reports at {T} {R}?', 'how many times was the forge cold {R}?'],
      day: ['on how many days was the forge cold {R}?', 'cold forge days at {T} {R}?'],
      what: 'cold_forge reports',
    },
    {
      town: 'patchbourough',
      kind: 'farming',
      pred: (e) => num0(e, 'surplus') === 1,
      ev: ['how many surplus harvests did {T} bring in {R}?', 'surplus reports at {T} {R}?'],
      day: ['on how many days did the farmers bring in a surplus {R}?', 'surplus days at {T} {R}?'],
      what: 'surplus reports',
    },
    {
      town: 'patchbourough',
      kind: 'farming',
      pred: (e) => num0(e, 'drought') === 1,
      ev: ['how many field reports were thinned by drought at {T} {R}?', 'drought reports at {T} {R}?'],
      day: ['on how many days did drought hit {T} {R}?', 'drought days at the farms {R}?'],
      what: 'drought reports',
    },
    {
      town: 'den-of-thieves',
      kind: 'raid',
      pred: (e) => num0(e, 'raid_gold') > 0,
      ev: [
        'how many raids did the pirates pull off {R}?',
        'successful raids {R}, count?',
        'tell me how many raids the Den made {R}',
      ],
      day: [
        'on how many days did the pirates raid {R}?',
        'raid days {R}?',
        'how many different days saw a raid {R}?',
      ],
      what: 'raids with raid_gold > 0',
    },
    {
      town: 'den-of-thieves',
      kind: 'raid',
      pred: (e) => num0(e, 'raid_gold') === 0,
      ev: ['how many raids came back empty-handed {R}?', 'empty raids {R}: how many?'],
      day: ['on how many days did a raid come back empty {R}?'],
      what: 'raids with raid_gold 0',
    },
    ...TOWNS.map((town) => ({
      town,
      kind: 'sensor',
      pred: (e: RawEvent) => num0(e, 'rain_mm') > 0,
      ev: ['how many rainy readings did {T} log {R}?', 'count the readings with rain at {T} {R}'],
      day: [
        'on how many days did it rain in {T} {R}?',
        'rain days at {T} {R}?',
        'tell me how many days {T} saw rain {R}',
      ],
      what: 'readings with rain_mm > 0',
    })),
  ];
  make(30, () => {
    const f = pick(FLAGS);
    const r = rangeOf({ minLen: 3 });
    const byDay = rnd() < 0.55;
    const xs = sel(f.town, f.kind, r, f.pred);
    const v = byDay ? daysOf(xs).size : xs.length;
    const q = pick(byDay ? f.day : f.ev)
      .replace('{T}', T(f.town))
      .replace('{R}', r.say);
    return add(
      byDay ? 'count-days' : 'count-events',
      cap(q),
      `${v} ${byDay ? 'distinct days with' : ''} ${f.what} (${r.label})`,
      (a) => statesCount(a, v),
    );
  });

  // both on the same day
  const SIDES: { say: string[]; days: (r: Range) => Set<number>; what: string }[] = [
    ...TOWNS.map((town) => ({
      say: [`it rained in ${pick(NICK[town])}`, `${TOWN_NAMES[town]} got rain`],
      days: (r: Range) => daysOf(sel(town, 'sensor', r, (e) => num0(e, 'rain_mm') > 0)),
      what: `a ${town} reading with rain_mm > 0`,
    })),
    {
      say: ['the pirates made a successful raid', 'the Den raided'],
      days: (r) => daysOf(sel('den-of-thieves', 'raid', r, (e) => num0(e, 'raid_gold') > 0)),
      what: 'a raid with raid_gold > 0',
    },
    {
      say: ['a storm blew at the port', 'Port Logic had a storm'],
      days: (r) => daysOf(sel('port-logic', 'sensor', r, (e) => num0(e, 'storm') === 1)),
      what: 'a port-logic storm reading',
    },
    {
      say: ['the mine flooded', 'Circuiton had a flood'],
      days: (r) => daysOf(sel('circuiton', 'mining', r, (e) => num0(e, 'flood') === 1)),
      what: 'a circuiton flood shift',
    },
    {
      say: ['someone at the port came home with empty nets', 'Port Logic had empty nets'],
      days: (r) => daysOf(sel('port-logic', 'fishing', r, (e) => num0(e, 'empty_nets') === 1)),
      what: 'a port-logic empty_nets trip',
    },
    {
      say: ['PatchBourough was robbed', 'the farms lost a shipment to pirates'],
      days: (r) => daysOf(sel('patchbourough', 'loss', r)),
      what: 'a patchbourough loss event',
    },
    {
      say: ['Circuiton was robbed', 'the mines lost a shipment to the pirates'],
      days: (r) => daysOf(sel('circuiton', 'loss', r)),
      what: 'a circuiton loss event',
    },
    {
      say: ['the mill stood idle', 'the mill was idle'],
      days: (r) => daysOf(sel('patchbourough', 'mill', r, (e) => num0(e, 'idle') === 1)),
      what: 'an idle mill report',
    },
  ];
  make(14, () => {
    const a = pick(SIDES);
    const b = pick(SIDES);
    if (a === b) return false;
    const r = rangeOf({ minLen: 5 });
    const da = a.days(r);
    const both = [...b.days(r)].filter((d) => da.has(d)).sort((x, y) => x - y);
    const yn = rnd() < 0.35;
    const sa = pick(a.say);
    const sb = pick(b.say);
    const q = yn
      ? pick([
          `was there any day ${r.say} when ${sa} and ${sb}?`,
          `was there a day ${r.say || 'ever'} on which ${sa} and also ${sb}?`,
        ])
      : pick([
          `on how many days ${r.say} did both happen on the same day: ${sa}, and ${sb}?`,
          `count the days when both ${sa} and ${sb}, ${r.say}`,
          `how many days ${r.say} had both: ${sa}, and ${sb}?`,
        ]);
    const truth = `${both.length} days with both ${a.what} and ${b.what} on the same day (${r.label})${both.length ? `: ${both.slice(0, 8).join(', ')}${both.length > 8 ? '…' : ''}` : ''}`;
    return add(yn ? 'both-yes-no' : 'both-count', q, truth, (ans) =>
      yn ? saysYes(ans, both.length > 0) : statesCount(ans, both.length),
    );
  });

  // ================= the rest: totals, averages, A or B, future, who
  make(12, () => {
    const m = pick(OUTPUTS);
    const r = rangeOf({ single: true });
    const xs = sel(m.town, m.kind, r, m.key === 'raid_gold' ? (e) => num0(e, 'raid_gold') > 0 : undefined);
    const v = round(sum(xs, m.key), m.dec);
    const w = pick(m.words);
    const t = T(m.town);
    const q = pick([
      `${w} total, ${t}, ${r.say || 'all time'}?`,
      `how much ${w} did ${t} produce ${r.say}?`,
      `tell me the total ${w} for ${t} ${r.say}`,
      `give me ${ps(t)} ${w} ${r.say}`,
    ]);
    return add('total', q, `${fmt(v, m.dec)} ${m.unit} (sum, ${r.label})`, (a) =>
      v === 0 ? statesCount(a, 0) : states(a, v, m.dec),
    );
  });
  make(8, () => {
    const town = pick(TOWNS);
    const r = rangeOf({ single: true });
    const v = round(sum(sel(town, 'sensor', r), 'rain_mm'), 1);
    const t = T(town);
    const q = pick([
      `how much rain fell on ${t} ${r.say}?`,
      `rain total ${t} ${r.say || 'all time'}, mm?`,
      `tell me the rainfall in millimetres for ${t} ${r.say}`,
    ]);
    return add('rain-total', q, `${fmt(v, 1)} mm (sum of rain_mm, ${r.label})`, (a) =>
      v === 0 ? statesCount(a, 0) : states(a, v, 1),
    );
  });
  make(10, () => {
    const town = pick(TOWNS);
    const extra = town === 'port-logic' ? 'tide_m' : town === 'patchbourough' ? 'river_level_m' : undefined;
    const rd = pick(READINGS);
    const useExtra = extra && rnd() < 0.3;
    const key = useExtra ? extra : rd.key;
    const dec = useExtra ? 2 : rd.dec;
    const w = useExtra ? (extra === 'tide_m' ? 'tide' : 'river level') : pick(rd.words);
    const r = rangeOf({ single: true });
    const xs = sel(town, 'sensor', r);
    if (xs.length === 0) return false;
    const v = mean(xs, key);
    if (onEdge(v, dec)) return false;
    const t = T(town);
    const q = pick([
      `average ${w} at ${t} ${r.say}?`,
      `mean ${w}, ${t}, ${r.say || 'all time'}?`,
      `tell me ${ps(t)} typical ${w} ${r.say}, on average`,
    ]);
    return add('average-reading', q, `${fmt(v, dec + 1)} (mean of ${key} readings, ${r.label})`, (a) =>
      states(a, v, dec),
    );
  });
  make(8, () => {
    const m = pick(OUTPUTS.filter((o) => o.key !== 'raid_gold'));
    const r = rangeOf({ minLen: 3 });
    const perEvent = !!m.one && rnd() < 0.5;
    const xs = sel(m.town, m.kind, r);
    const reported = daysOf((byTown.get(m.town) ?? []).filter((e) => inR(e, r))).size;
    if (xs.length === 0 || reported === 0) return false;
    const v = perEvent ? sum(xs, m.key) / xs.length : sum(xs, m.key) / reported;
    if (onEdge(v, m.dec)) return false;
    const w = pick(m.words);
    const t = T(m.town);
    const q = perEvent
      ? pick([
          `average ${w} per ${m.one} at ${t} ${r.say}?`,
          `mean ${w} per ${m.one}, ${t}, ${r.say || 'all time'}?`,
        ])
      : pick([`average daily ${w} at ${t} ${r.say}?`, `what's ${ps(t)} ${w} per day on average ${r.say}?`]);
    return add(
      perEvent ? 'average-per-event' : 'average-per-day',
      q,
      `${fmt(v, m.dec + 2)} ${m.unit} (${perEvent ? `mean over ${xs.length} events` : `total / ${reported} days the town reported`}, ${r.label})`,
      (a) => states(a, v, m.dec),
    );
  });
  make(10, () => {
    const w1 = int(1, 6);
    const w2 = rnd() < 0.6 ? w1 + 1 : int(w1 + 1, 7);
    const rA: Range = { lo: 7 * (w1 - 1) + 1, hi: 7 * w1, say: '', label: '' };
    const rB: Range = { lo: 7 * (w2 - 1) + 1, hi: 7 * w2, say: '', label: '' };
    let va: number;
    let vb: number;
    let dec: number;
    let q: string;
    /** Whether the larger value wins (false for "colder", "calmer"). */
    let larger = true;
    if (rnd() < 0.5) {
      const town = pick(TOWNS);
      const rd = pick(READINGS.slice(0, 2));
      va = mean(sel(town, 'sensor', rA), rd.key);
      vb = mean(sel(town, 'sensor', rB), rd.key);
      dec = rd.dec;
      larger = rnd() < 0.5;
      const cmp =
        rd.key === 'temperature_c'
          ? larger
            ? pick(['warmer', 'hotter'])
            : 'colder'
          : larger
            ? 'windier'
            : 'calmer';
      const t = T(town);
      q = pick([
        `was ${t} ${cmp} in week ${num(w1)} or week ${num(w2)}?`,
        `${t} ${rd.words[0]}: week ${w1} vs week ${w2}, which was ${cmp}?`,
        `tell me whether week ${num(w1)} or week ${num(w2)} was ${cmp} at ${t}`,
      ]);
    } else {
      const m = pick(OUTPUTS);
      const pr = m.key === 'raid_gold' ? (e: RawEvent) => num0(e, 'raid_gold') > 0 : undefined;
      va = round(sum(sel(m.town, m.kind, rA, pr), m.key), m.dec);
      vb = round(sum(sel(m.town, m.kind, rB, pr), m.key), m.dec);
      dec = m.dec;
      const w = pick(m.words);
      q = pick([
        `more ${w} at ${T(m.town)} in week ${num(w1)} or week ${num(w2)}?`,
        `${T(m.town)} ${w}, week ${w1} or week ${w2} — which was bigger?`,
      ]);
    }
    if (Number.isNaN(va) || Number.isNaN(vb) || round(va, dec) === round(vb, dec)) return false;
    if (onEdge(va, dec) || onEdge(vb, dec)) return false;
    const win = va > vb === larger ? w1 : w2;
    return add(
      'a-or-b-weeks',
      q,
      `week ${win} (${fmt(va, dec + 1)} in week ${w1} vs ${fmt(vb, dec + 1)} in week ${w2})`,
      (a) =>
        all(
          new RegExp(`\\bweek (${win}|${numWord(win)})\\b`, 'i').test(a) ? null : `does not name week ${win}`,
          states(a, va, dec),
          states(a, vb, dec),
        ),
    );
  });
  make(6, () => {
    const a = pick(TOWNS);
    const b = pick(TOWNS.filter((x) => x !== a));
    const r = rangeOf({ minLen: 3 });
    const va = round(sum(sel(a, 'sensor', r), 'rain_mm'), 1);
    const vb = round(sum(sel(b, 'sensor', r), 'rain_mm'), 1);
    if (va === vb) return false;
    const win = va > vb ? a : b;
    const q = pick([
      `more rain ${r.say}: ${T(a)} or ${T(b)}?`,
      `did ${T(a)} or ${T(b)} get more rain ${r.say}?`,
    ]);
    return add('a-or-b-towns', q, `${TOWN_NAMES[win]} (${fmt(va, 1)} vs ${fmt(vb, 1)} mm, ${r.label})`, (x) =>
      all(namesTown(x, win), states(x, va, 1), states(x, vb, 1)),
    );
  });
  make(8, () => {
    const m = pick(OUTPUTS);
    const total = round(sum(sel(m.town, m.kind, whole()), m.key), m.dec);
    const far = pick([N + 1, N + 7, 900, 1000, N + 30]);
    const w = pick(m.words);
    const t = T(m.town);
    const q =
      far === N + 1
        ? pick([`how much ${w} will ${t} get tomorrow?`, `forecast ${w} for ${t} tomorrow`])
        : far === N + 7
          ? pick([`what will ${ps(t)} ${w} be next week?`, `tell me next week's ${w} at ${t}`])
          : far === N + 30
            ? pick([`${w} at ${t} next month?`, `how much ${w} will ${t} have next month?`])
            : pick([`${w} at ${t} on day ${far}?`, `give me ${ps(t)} ${w} for day ${far}`]);
    return add('future', q, 'not happened yet', (a) =>
      all(saysNotYet(a), total !== 0 && states(a, total, m.dec) === null ? 'states the history total' : null),
    );
  });
  make(8, () => {
    const c = int(0, 2);
    const [kind, key, people, town, w] =
      c === 0
        ? (['fishing', 'fish', FISHERS, 'port-logic', 'fish'] as const)
        : c === 1
          ? (['mining', 'ore_tons', MINERS, 'circuiton', 'ore'] as const)
          : (['farming', 'harvest', FARMERS, 'patchbourough', 'harvest'] as const);
    const r = rangeOf({ minLen: 3 });
    const xs = sel(town, kind, r);
    const tot = people.map((p) => ({
      p,
      v: sum(
        xs.filter((e) => e.actor === p),
        key,
      ),
    }));
    tot.sort((a, b) => b.v - a.v);
    const [t0, t1] = tot;
    if (!t0 || !t1 || t0.v === 0 || round(t0.v, 2) === round(t1.v, 2)) return false;
    const q =
      c === 0
        ? pick([
            `who caught the most fish ${r.say}?`,
            `top fisher at the harbour ${r.say}?`,
            `tell me which fisher landed the most ${r.say}`,
          ])
        : c === 1
          ? pick([`who mined the most ore ${r.say}?`, `top miner in the mountain town ${r.say}, by tons?`])
          : pick([
              `which farmer harvested the most ${r.say}?`,
              `best farmer at the farms ${r.say}, by harvest?`,
            ]);
    return add('who-most', q, `${t0.p} (${fmt(t0.v, c === 1 ? 2 : 0)} ${w}, ${r.label})`, (a) =>
      namesFirst(a, t0.p, [...people]),
    );
  });
  for (const role of ROLES) {
    add('who-role', pick(role.q), role.who, (a) => names(a, role.who));
  }

  return cases;
}

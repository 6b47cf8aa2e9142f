/**
 * natural-j: a development set of natural-language questions in three voices — a radio host reading
 * the day's news (conversational, contractions, follow-ups), an insurance assessor checking the
 * losses to the pirates (precise and formal), and a ten-year-old playing the game (short, simple
 * words, a few misspellings). Every truth is computed here from the raw events, following
 * eval/CONVENTIONS.md; deterministic per history (a small PRNG seeded from a hash of the events).
 * Weighted toward extremes of a day, two things on one day, A-or-B, days counted, single-event
 * extremes and trends.
 */
import {
  all,
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

type Voice = 'host' | 'assessor' | 'kid';
type Rng = () => number;

// ---------------------------------------------------------------------------------------------
// Randomness

function hashEvents(events: readonly RawEvent[]): number {
  let h = 2166136261 >>> 0;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
  };
  mix(String(events.length));
  const step = Math.max(1, Math.floor(events.length / 500));
  for (let i = 0; i < events.length; i += step) {
    const e = at(events, i);
    mix(`${e.town}|${e.day}|${e.kind}|${JSON.stringify(e.data)}`);
  }
  return h;
}

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** xs[i], which must be there. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}
const pick = <T>(r: Rng, xs: readonly T[]): T => at(xs, Math.floor(r() * xs.length));
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const voiceOf = (r: Rng): Voice => pick(r, ['host', 'host', 'assessor', 'assessor', 'kid', 'kid'] as const);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Within 1e-6 of a rounding edge at `d` decimals. */
function edge(v: number, d: number): boolean {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
}

// ---------------------------------------------------------------------------------------------
// Time

interface Span {
  a: number;
  b: number;
  /** " last week", " on day 12", "" (whole history) */
  tail: string;
  /** "Last week", "On day 12", "So far" */
  head: string;
  /** How the span is named inside a sentence: "last week", "day 12", "the whole record". */
  label: string;
  whole: boolean;
}

const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

function spanOf(r: Rng, today: number, minLen: number, voice: Voice): Span | null {
  const N = today;
  const kind = pick(r, [
    'whole',
    'whole',
    'today',
    'yesterday',
    'day',
    'between',
    'between',
    'week',
    'weekOrd',
    'lastWeek',
    'thisWeek',
    'lastK',
    'lastK',
    'lastMonth',
    'thisMonth',
  ] as const);
  let s: Span;
  switch (kind) {
    case 'whole': {
      const t =
        voice === 'assessor'
          ? pick(r, [' over the entire record', ' to date', ''])
          : voice === 'host'
            ? pick(r, [' so far', ' all told', ''])
            : pick(r, ['', ' ever']);
      s = {
        a: 1,
        b: N,
        tail: t,
        head: t === '' ? '' : cap(t.trim()),
        label: 'the whole record',
        whole: true,
      };
      break;
    }
    case 'today':
      s = { a: N, b: N, tail: ' today', head: 'Today', label: 'today', whole: false };
      break;
    case 'yesterday':
      s = { a: N - 1, b: N - 1, tail: ' yesterday', head: 'Yesterday', label: 'yesterday', whole: false };
      break;
    case 'day': {
      const d = int(r, 1, 55);
      s = { a: d, b: d, tail: ` on day ${d}`, head: `On day ${d}`, label: `day ${d}`, whole: false };
      break;
    }
    case 'between': {
      const a = int(r, 1, 45);
      const b = Math.min(55, a + int(r, 3, 20));
      s = {
        a,
        b,
        tail: voice === 'kid' ? ` from day ${a} to day ${b}` : ` between day ${a} and day ${b}`,
        head: voice === 'kid' ? `From day ${a} to day ${b}` : `Between day ${a} and day ${b}`,
        label: `days ${a} to ${b}`,
        whole: false,
      };
      break;
    }
    case 'week': {
      const w = int(r, 1, 7);
      s = {
        a: 7 * (w - 1) + 1,
        b: 7 * w,
        tail: ` in week ${w}`,
        head: `In week ${w}`,
        label: `week ${w}`,
        whole: false,
      };
      break;
    }
    case 'weekOrd': {
      const w = int(r, 1, 7);
      const o = ORD[w - 1];
      s = {
        a: 7 * (w - 1) + 1,
        b: 7 * w,
        tail: ` during the ${o} week`,
        head: `During the ${o} week`,
        label: `the ${o} week`,
        whole: false,
      };
      break;
    }
    case 'lastWeek':
      s = { a: N - 7, b: N - 1, tail: ' last week', head: 'Last week', label: 'last week', whole: false };
      break;
    case 'thisWeek': {
      const t = voice === 'assessor' ? ' over the past week' : ' this week';
      s = { a: N - 6, b: N, tail: t, head: cap(t.trim()), label: t.trim(), whole: false };
      break;
    }
    case 'lastK': {
      const k = pick(r, [3, 5, 10, 14, 20]);
      s = {
        a: N - k + 1,
        b: N,
        tail: ` in the last ${k} days`,
        head: `In the last ${k} days`,
        label: `the last ${k} days`,
        whole: false,
      };
      break;
    }
    case 'lastMonth':
      s = { a: N - 30, b: N - 1, tail: ' last month', head: 'Last month', label: 'last month', whole: false };
      break;
    default:
      s = { a: N - 29, b: N, tail: ' this month', head: 'This month', label: 'this month', whole: false };
  }
  if (s.b - s.a + 1 < minLen || s.a < 1 || s.b > N) return null;
  return s;
}

/** "…? " phrased with the time at the end, or, for some templates, put first. */
function withHead(s: Span, rest: string): string {
  return s.head === '' ? cap(rest) : `${s.head}, ${rest}`;
}

// ---------------------------------------------------------------------------------------------
// Series

interface Metric {
  town: string;
  kind: string;
  key: string;
  dec: number;
  reading: boolean;
  /** "Port Logic" — the subject of the verb in a question */
  subj: string;
  kidSubj: string;
  /** "catch" */
  verb: string;
  /** "caught" */
  past: string;
  /** "fish" */
  obj: string;
  many: 'many' | 'much';
  /** "fishing at Port Logic" */
  activity: string;
}

const OUTPUTS: Metric[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    reading: false,
    subj: 'Port Logic',
    kidSubj: 'the port',
    verb: 'catch',
    past: 'caught',
    obj: 'fish',
    many: 'many',
    activity: 'the fishing at Port Logic',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    reading: false,
    subj: 'the Port Logic net loft',
    kidSubj: 'the port',
    verb: 'make',
    past: 'made',
    obj: 'nets',
    many: 'many',
    activity: 'net-making at Port Logic',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    reading: false,
    subj: 'the Port Logic net loft',
    kidSubj: 'the port',
    verb: 'make',
    past: 'made',
    obj: 'ropes',
    many: 'many',
    activity: 'rope-making at Port Logic',
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    reading: false,
    subj: 'the PatchBourough farmers',
    kidSubj: 'the farm',
    verb: 'harvest',
    past: 'harvested',
    obj: 'lbs of grain',
    many: 'many',
    activity: 'the harvest at PatchBourough',
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    reading: false,
    subj: 'the PatchBourough mill',
    kidSubj: 'the mill',
    verb: 'make',
    past: 'made',
    obj: 'lbs of flour',
    many: 'many',
    activity: 'flour milling at PatchBourough',
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    reading: false,
    subj: 'the PatchBourough forge',
    kidSubj: 'the forge',
    verb: 'make',
    past: 'made',
    obj: 'tools',
    many: 'many',
    activity: 'the forge at PatchBourough',
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    reading: false,
    subj: 'the Circuiton mine',
    kidSubj: 'the mine',
    verb: 'dig',
    past: 'dug',
    obj: 'tons of ore',
    many: 'many',
    activity: 'mining at Circuiton',
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    reading: false,
    subj: 'John the apprentice',
    kidSubj: 'John',
    verb: 'make',
    past: 'made',
    obj: 'trinkets',
    many: 'many',
    activity: "the apprentices' workshop at Circuiton",
  },
  {
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    reading: false,
    subj: 'the Circuiton Academy',
    kidSubj: 'the academy',
    verb: 'teach',
    past: 'taught',
    obj: 'pupils',
    many: 'many',
    activity: 'teaching at the Circuiton Academy',
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    reading: false,
    subj: 'the Den of Thieves tavern',
    kidSubj: 'the pirate tavern',
    verb: 'pour',
    past: 'poured',
    obj: 'drinks',
    many: 'many',
    activity: 'drinking at the Den of Thieves',
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    reading: false,
    subj: 'the Den of Thieves fletcher',
    kidSubj: 'the pirates',
    verb: 'make',
    past: 'made',
    obj: 'arrows',
    many: 'many',
    activity: 'arrow-making at the Den of Thieves',
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    reading: false,
    subj: 'the Den of Thieves pirates',
    kidSubj: 'the pirates',
    verb: 'take',
    past: 'took',
    obj: 'gold in raids',
    many: 'much',
    activity: 'raiding by the Den of Thieves',
  },
];

const TOWNS = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'] as const;
const TN: Record<string, string> = {
  'port-logic': 'Port Logic',
  patchbourough: 'PatchBourough',
  circuiton: 'Circuiton',
  'den-of-thieves': 'the Den of Thieves',
};
const KID_TN: Record<string, string> = {
  'port-logic': 'the port',
  patchbourough: 'the farm',
  circuiton: 'the mine town',
  'den-of-thieves': 'pirate island',
};

interface Weather {
  key: string;
  dec: number;
  noun: string;
  more: string;
  less: string;
  most: string;
  least: string;
  towns: readonly string[];
}
const WEATHER: Weather[] = [
  {
    key: 'temperature_c',
    dec: 1,
    noun: 'temperature',
    more: 'warmer',
    less: 'colder',
    most: 'hottest',
    least: 'coldest',
    towns: TOWNS,
  },
  {
    key: 'wind_kph',
    dec: 1,
    noun: 'wind speed',
    more: 'windier',
    less: 'calmer',
    most: 'windiest',
    least: 'calmest',
    towns: TOWNS,
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    noun: 'air pressure',
    more: 'higher in pressure',
    less: 'lower in pressure',
    most: 'highest-pressure',
    least: 'lowest-pressure',
    towns: TOWNS,
  },
  {
    key: 'humidity_pct',
    dec: 0,
    noun: 'humidity',
    more: 'more humid',
    less: 'less humid',
    most: 'most humid',
    least: 'least humid',
    towns: TOWNS,
  },
  {
    key: 'tide_m',
    dec: 2,
    noun: 'tide',
    more: 'higher',
    less: 'lower',
    most: 'highest-tide',
    least: 'lowest-tide',
    towns: ['port-logic'],
  },
  {
    key: 'river_level_m',
    dec: 2,
    noun: 'river level',
    more: 'higher',
    less: 'lower',
    most: 'highest-river',
    least: 'lowest-river',
    towns: ['patchbourough'],
  },
];

// ---------------------------------------------------------------------------------------------
// Happenings (for "both", "days", "did", "which-day")

interface Happening {
  id: string;
  host: string;
  formal: string;
  kid: string;
  test: (e: RawEvent) => boolean;
}

function happenings(): Happening[] {
  const hs: Happening[] = [];
  for (const t of TOWNS) {
    hs.push({
      id: `rain-${t}`,
      host: `it rained at ${TN[t]}`,
      formal: `rain fell at ${TN[t]}`,
      kid: `it rained at ${KID_TN[t]}`,
      test: (e) => e.town === t && e.kind === 'sensor' && Number(e.data.rain_mm) > 0,
    });
  }
  for (const t of ['port-logic', 'patchbourough', 'circuiton']) {
    hs.push({
      id: `loss-${t}`,
      host: `${TN[t]} got robbed`,
      formal: `${TN[t]} reported a robbery`,
      kid: `pirates robbed ${TN[t]}`,
      test: (e) => e.town === t && e.kind === 'loss',
    });
    hs.push({
      id: `arrival-${t}`,
      host: `a shipment came in at ${TN[t]}`,
      formal: `a shipment arrived at ${TN[t]}`,
      kid: `a shipment arrived at ${TN[t]}`,
      test: (e) => e.town === t && e.kind === 'arrival',
    });
  }
  hs.push(
    {
      id: 'raid',
      host: 'the pirates pulled off a raid',
      formal: 'the Den of Thieves carried out a raid that took gold',
      kid: 'the pirates raided somebody',
      test: (e) => e.kind === 'raid' && Number(e.data.raid_gold) > 0,
    },
    {
      id: 'repair',
      host: 'the pirates repaired their ship',
      formal: 'the Den of Thieves repaired its ship',
      kid: 'the pirates fixed their boat',
      test: (e) => e.kind === 'repair' && Number(e.data.boat_repaired) > 0,
    },
    {
      id: 'flood',
      host: 'the Circuiton mine flooded',
      formal: 'the Circuiton mine reported a flood',
      kid: 'the mine flooded',
      test: (e) => e.kind === 'mining' && e.data.flood === 1,
    },
    {
      id: 'hunger',
      host: 'the Circuiton miners went hungry',
      formal: 'the Circuiton miners reported hunger',
      kid: 'the miners were hungry',
      test: (e) => e.kind === 'mining' && e.data.hunger === 1,
    },
    {
      id: 'cold-forge',
      host: 'the PatchBourough forge was cold',
      formal: 'the PatchBourough forge stood cold',
      kid: 'the forge was cold',
      test: (e) => e.kind === 'forge' && e.data.cold_forge === 1,
    },
    {
      id: 'bins-full',
      host: 'the PatchBourough mill had full bins',
      formal: "the PatchBourough mill's bins were full",
      kid: 'the mill bins were full',
      test: (e) => e.kind === 'mill' && e.data.bins_full === 1,
    },
    {
      id: 'empty-nets',
      host: 'a Port Logic boat came back with empty nets',
      formal: 'a Port Logic fishing trip returned with empty nets',
      kid: 'a fisher at the port got empty nets',
      test: (e) => e.kind === 'fishing' && e.data.empty_nets === 1,
    },
  );
  for (const t of TOWNS) {
    hs.push({
      id: `storm-${t}`,
      host: `a storm blew through ${TN[t]}`,
      formal: `a storm struck ${TN[t]}`,
      kid: `there was a storm at ${KID_TN[t]}`,
      test: (e) => e.town === t && e.kind === 'sensor' && e.data.storm === 1,
    });
  }
  return hs;
}

const hPhrase = (h: Happening, v: Voice) => (v === 'host' ? h.host : v === 'assessor' ? h.formal : h.kid);

// ---------------------------------------------------------------------------------------------
// Checks that need more than checks.ts

const NONE_WORDS = /\b(no|none|never|not|zero|nothing)\b/i;

function daysOnly(
  answer: string,
  want: readonly number[],
  a: number,
  b: number,
  except: Set<number>,
): string | null {
  for (const d of want) {
    const m = namesDay(answer, d);
    if (m) return m;
  }
  const wanted = new Set(want);
  for (let d = a; d <= b; d++) {
    if (wanted.has(d) || except.has(d)) continue;
    if (namesDay(answer, d) === null) return `names day ${d}, which is not one of them`;
  }
  if (want.length === 0 && !NONE_WORDS.test(answer)) return 'does not say there were none';
  return null;
}

const daysInText = (q: string) => new Set([...q.matchAll(/\bday (\d+)\b/gi)].map((m) => Number(m[1])));

function slopeOf(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (at(xs, i) - mx) * (at(ys, i) - my);
    sxx += (at(xs, i) - mx) ** 2;
  }
  return sxy / sxx;
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (at(xs, i) - mx) * (at(ys, i) - my);
    sxx += (at(xs, i) - mx) ** 2;
    syy += (at(ys, i) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const fmt = (v: number, d: number) => round(v, d).toFixed(d);

// ---------------------------------------------------------------------------------------------
// The builder

export function buildNaturalJ(events: RawEvent[], today: number): Case[] {
  const r = mulberry32(hashEvents(events));
  const N = today;
  const HS = happenings();

  // Indexes
  const byTownKind = new Map<string, RawEvent[]>();
  const reported = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    let l = byTownKind.get(k);
    if (!l) {
      l = [];
      byTownKind.set(k, l);
    }
    l.push(e);
    let s = reported.get(e.town);
    if (!s) {
      s = new Set();
      reported.set(e.town, s);
    }
    s.add(e.day);
  }
  const evs = (town: string, kind: string, a: number, b: number) =>
    (byTownKind.get(`${town}/${kind}`) ?? []).filter((e) => e.day >= a && e.day <= b);
  const reportDays = (town: string, a: number, b: number) =>
    [...(reported.get(town) ?? [])].filter((d) => d >= a && d <= b).length;

  /** Daily series: output → sum per day; reading → mean per day (rain → sum). */
  function daily(
    town: string,
    kind: string,
    key: string,
    a: number,
    b: number,
    sum: boolean,
  ): Map<number, number> {
    const acc = new Map<number, { s: number; n: number }>();
    for (const e of evs(town, kind, a, b)) {
      const v = e.data[key];
      if (typeof v !== 'number') continue;
      const x = acc.get(e.day) ?? { s: 0, n: 0 };
      x.s += v;
      x.n++;
      acc.set(e.day, x);
    }
    return new Map([...acc].map(([d, x]) => [d, sum ? x.s : x.s / x.n]));
  }
  const dailyM = (m: Metric, a: number, b: number) => daily(m.town, m.kind, m.key, a, b, true);
  const dailyW = (t: string, key: string, a: number, b: number) =>
    daily(t, 'sensor', key, a, b, key === 'rain_mm');
  function sumOf(
    town: string,
    kind: string,
    key: string,
    a: number,
    b: number,
    f: (e: RawEvent) => boolean = () => true,
  ) {
    let s = 0;
    for (const e of evs(town, kind, a, b))
      if (f(e) && typeof e.data[key] === 'number') s += e.data[key] as number;
    return s;
  }
  function meanOf(
    town: string,
    kind: string,
    key: string,
    a: number,
    b: number,
    f: (e: RawEvent) => boolean = () => true,
  ) {
    let s = 0;
    let n = 0;
    for (const e of evs(town, kind, a, b))
      if (f(e) && typeof e.data[key] === 'number') {
        s += e.data[key] as number;
        n++;
      }
    return n === 0 ? Number.NaN : s / n;
  }
  const happenDays = (h: Happening, a: number, b: number) => {
    const s = new Set<number>();
    for (const e of events) if (e.day >= a && e.day <= b && h.test(e)) s.add(e.day);
    return s;
  };
  const happenCache = new Map<string, Set<number>>();
  const hDaysAll = (h: Happening) => {
    let s = happenCache.get(h.id);
    if (!s) {
      s = happenDays(h, 1, N);
      happenCache.set(h.id, s);
    }
    return s;
  };
  const hDays = (h: Happening, a: number, b: number) =>
    [...hDaysAll(h)].filter((d) => d >= a && d <= b).sort((x, y) => x - y);

  /** Weather "how much": rain is the sum, others the mean of readings. */
  const weatherValue = (t: string, key: string, a: number, b: number) =>
    key === 'rain_mm' ? sumOf(t, 'sensor', key, a, b) : meanOf(t, 'sensor', key, a, b);

  const gens: Record<string, () => Case | null> = {};

  // ---- extreme-day -----------------------------------------------------------------------------
  gens['extreme-day'] = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 3, v);
    if (!s) return null;
    const useWeather = r() < 0.4;
    let series: Map<number, number>;
    let dec: number;
    let q: string;
    let best = r() < 0.7;
    let what: string;
    if (!useWeather) {
      const m = pick(r, OUTPUTS);
      series = dailyM(m, s.a, s.b);
      // The worst day is read over the days the town reported; only where this job reported on each of them.
      if (!best && series.size !== reportDays(m.town, s.a, s.b)) return null;
      dec = m.dec;
      if (v === 'host')
        q = best
          ? pick(r, [
              `So how'd ${m.activity} go${s.tail} — what was the best day?`,
              `${withHead(s, `what was the best single day for ${m.activity}, and how many ${m.obj} was that?`)}`,
              `Tell me, which day did ${m.subj} ${m.verb} the most ${m.obj}${s.tail}?`,
            ])
          : pick(r, [
              `And ${m.activity}${s.tail} — which was the slowest day?`,
              `What was the worst day for ${m.activity}${s.tail}, and how many ${m.obj} did they manage?`,
            ]);
      else if (v === 'assessor')
        q = best
          ? `On which day${s.tail} did ${m.subj} record the highest daily total of ${m.obj}, and what was that total?`
          : `Identify the day${s.tail} with the lowest daily total of ${m.obj} for ${m.subj}, and state that total.`;
      else
        q = best
          ? pick(r, [
              `which day did ${m.kidSubj} ${m.verb} the most ${m.obj}${s.tail}?`,
              `best day for ${m.obj} at ${m.kidSubj}${s.tail}?`,
            ])
          : `what day did ${m.kidSubj} ${m.verb} the least ${m.obj}${s.tail}?`;
      what = m.obj;
    } else {
      const w = pick(r, [...WEATHER, at(WEATHER, 0), at(WEATHER, 0), at(WEATHER, 1)]);
      const rain = r() < 0.3;
      const t = rain ? pick(r, TOWNS) : pick(r, w.towns);
      const key = rain ? 'rain_mm' : w.key;
      series = dailyW(t, key, s.a, s.b);
      dec = rain ? 1 : w.dec;
      if (rain) {
        best = true;
        q =
          v === 'host'
            ? `Which was the wettest day at ${TN[t]}${s.tail}, and how much rain came down?`
            : v === 'assessor'
              ? `What was the greatest daily rainfall at ${TN[t]}${s.tail}, and on which day did it fall?`
              : `wich day had the most rain at ${KID_TN[t]}${s.tail}?`;
        what = 'mm of rain';
      } else {
        const word = `${best ? w.most : w.least} day`.replace(
          /^(\w+)-(tide|river) day$/,
          (_m, hi: string, what: string) =>
            what === 'river' ? `day the river ran ${hi} on average` : `day with the ${hi} average tide`,
        );
        q =
          v === 'host'
            ? `${withHead(s, `which was the ${word} at ${TN[t]}?`)}`
            : v === 'assessor'
              ? `Which day${s.tail} had the ${best ? 'highest' : 'lowest'} mean ${w.noun} at ${TN[t]}, and what was that mean?`
              : `what was the ${word} at ${KID_TN[t]}${s.tail}?`;
        what = w.noun;
      }
    }
    const list = [...series].sort((x, y) => (best ? y[1] - x[1] : x[1] - y[1]));
    if (list.length < 2 || Math.abs(at(list, 0)[1] - at(list, 1)[1]) < 1e-9 || edge(at(list, 0)[1], dec))
      return null;
    const [day, val] = at(list, 0);
    return {
      form: 'extreme-day',
      question: q,
      truth: `day ${day}, ${fmt(val, dec)} ${what}`,
      check: (rep) => all(namesDay(rep.answer, day), states(rep.answer, val, dec)),
    };
  };

  // ---- both ------------------------------------------------------------------------------------
  gens.both = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 3, v);
    if (!s) return null;
    const h1 = pick(r, HS);
    const h2 = pick(r, HS);
    if (h1.id === h2.id) return null;
    const d1 = new Set(hDays(h1, s.a, s.b));
    const days = hDays(h2, s.a, s.b).filter((d) => d1.has(d));
    if (days.length > 10) return null;
    if (days.length === 0 && r() < 0.6) return null;
    const p1 = hPhrase(h1, v);
    const p2 = hPhrase(h2, v);
    const q =
      v === 'host'
        ? pick(r, [
            `Were there any days${s.tail} when ${p1} and ${p2} on the same day?`,
            `Here's one for the listeners: name the days${s.tail} when ${p1} while ${p2}.`,
            `${withHead(s, `which days saw both of these: ${p1}, and ${p2}?`)}`,
          ])
        : v === 'assessor'
          ? pick(r, [
              `List every day${s.tail} on which ${p1} and ${p2}.`,
              `On which days${s.tail}, if any, did it happen both that ${p1} and that ${p2}?`,
            ])
          : pick(r, [
              `were there days${s.tail} when ${p1} and ${p2} at the same time?`,
              `which days${s.tail} ${p1} and ${p2} too?`,
            ]);
    const except = daysInText(q);
    return {
      form: 'both',
      question: q,
      truth: days.length === 0 ? 'none' : days.map((d) => `day ${d}`).join(', '),
      check: (rep) => daysOnly(rep.answer, days, s.a, s.b, except),
    };
  };

  // ---- compare ---------------------------------------------------------------------------------
  gens.compare = () => {
    const v = voiceOf(r);
    const mode = pick(r, ['towns', 'towns', 'weeks', 'days', 'people']);
    let q: string;
    let va: number;
    let vb: number;
    let dec: number;
    let la: string;
    let lb: string;
    let winA: (a: string) => string | null;
    let winB: (a: string) => string | null;
    let lowerWins = false;
    if (mode === 'towns') {
      const s = spanOf(r, N, 1, v);
      if (!s) return null;
      const [ta, tb] = [pick(r, TOWNS), pick(r, TOWNS)];
      if (ta === tb) return null;
      const which = pick(r, ['rain', 'temp', 'wind', 'loss', 'trade']);
      la = TN[ta] ?? ta;
      lb = TN[tb] ?? tb;
      winA = (a) => namesTown(a, ta);
      winB = (a) => namesTown(a, tb);
      if (which === 'rain' || which === 'temp' || which === 'wind') {
        const key = which === 'rain' ? 'rain_mm' : which === 'temp' ? 'temperature_c' : 'wind_kph';
        va = weatherValue(ta, key, s.a, s.b);
        vb = weatherValue(tb, key, s.a, s.b);
        dec = 1;
        const word = which === 'rain' ? 'more rain' : which === 'temp' ? 'warmer' : 'windier';
        q =
          v === 'host'
            ? which === 'rain'
              ? `Did more rain fall on ${TN[ta]} or on ${TN[tb]}${s.tail}?`
              : `${withHead(s, `was it ${word} at ${TN[ta]} or at ${TN[tb]}?`)}`
            : v === 'assessor'
              ? which === 'rain'
                ? `Which recorded the greater rainfall${s.tail}: ${TN[ta]} or ${TN[tb]}?`
                : `Which had the higher mean ${which === 'temp' ? 'temperature' : 'wind speed'}${s.tail}, ${TN[ta]} or ${TN[tb]}?`
              : which === 'rain'
                ? `did it rain more at ${KID_TN[ta]} or ${KID_TN[tb]}${s.tail}?`
                : `was it ${word} at ${KID_TN[ta]} or ${KID_TN[tb]}${s.tail}?`;
        if (which !== 'rain' && (Number.isNaN(va) || Number.isNaN(vb))) return null;
      } else {
        if (ta === 'den-of-thieves' || tb === 'den-of-thieves') return null;
        dec = 0;
        if (which === 'loss') {
          va = sumOf(ta, 'loss', 'loot_gold', s.a, s.b);
          vb = sumOf(tb, 'loss', 'loot_gold', s.a, s.b);
          q =
            v === 'assessor'
              ? `Which town lost more gold to piracy${s.tail}, ${TN[ta]} or ${TN[tb]}? Give both amounts.`
              : v === 'host'
                ? `Who took the bigger beating from the pirates${s.tail} — ${TN[ta]} or ${TN[tb]}?`
                : `did the pirates steal more gold from ${TN[ta]} or ${TN[tb]}${s.tail}?`;
        } else {
          va = sumOf(ta, 'trade', 'value_gold', s.a, s.b);
          vb = sumOf(tb, 'trade', 'value_gold', s.a, s.b);
          q =
            v === 'assessor'
              ? `Which town moved more gold in trade${s.tail}: ${TN[ta]} or ${TN[tb]}?`
              : v === 'host'
                ? `${withHead(s, `who did more trade in gold, ${TN[ta]} or ${TN[tb]}?`)}`
                : `who traded more gold${s.tail}, ${TN[ta]} or ${TN[tb]}?`;
        }
        if (va === 0 && vb === 0) return null;
      }
    } else if (mode === 'weeks' || mode === 'days') {
      let a1: number;
      let b1: number;
      let a2: number;
      let b2: number;
      if (mode === 'weeks') {
        const rel = r() < 0.35;
        if (rel) {
          [a1, b1, a2, b2] = [N - 7, N - 1, N - 14, N - 8];
          la = 'last week';
          lb = 'the week before';
        } else {
          const w1 = int(r, 1, 7);
          let w2 = int(r, 1, 7);
          if (w2 === w1) w2 = (w1 % 7) + 1;
          [a1, b1, a2, b2] = [7 * w1 - 6, 7 * w1, 7 * w2 - 6, 7 * w2];
          la = r() < 0.5 ? `week ${w1}` : `the ${ORD[w1 - 1]} week`;
          lb = la.startsWith('week') ? `week ${w2}` : `the ${ORD[w2 - 1]} week`;
        }
        const l1 = la;
        const l2 = lb;
        const n1 =
          la.startsWith('the ') && !la.includes('before')
            ? `week ${ORD.indexOf(la.split(' ')[1] ?? '') + 1}`
            : la;
        const n2 =
          lb.startsWith('the ') && !lb.includes('before')
            ? `week ${ORD.indexOf(lb.split(' ')[1] ?? '') + 1}`
            : lb;
        winA = (a) =>
          names(a, l1) === null ||
          (n1 !== l1 && names(a, n1) === null) ||
          (l1 === 'last week' && namesDay(a, b1) === null)
            ? null
            : `does not name ${l1}`;
        winB = (a) =>
          names(a, l2) === null ||
          (n2 !== l2 && names(a, n2) === null) ||
          (l2 === 'the week before' && namesDay(a, b2) === null)
            ? null
            : `does not name ${l2}`;
      } else {
        const rel = r() < 0.3;
        if (rel) {
          [a1, b1, a2, b2] = [N, N, N - 1, N - 1];
          la = 'today';
          lb = 'yesterday';
          winA = (a) =>
            names(a, 'today') === null || namesDay(a, N) === null ? null : 'does not name today';
          winB = (a) =>
            names(a, 'yesterday') === null || namesDay(a, N - 1) === null ? null : 'does not name yesterday';
        } else {
          const d1 = int(r, 1, 55);
          const d2 = int(r, 1, 55);
          if (d1 === d2) return null;
          [a1, b1, a2, b2] = [d1, d1, d2, d2];
          la = `day ${d1}`;
          lb = `day ${d2}`;
          winA = (a) => namesDay(a, d1);
          winB = (a) => namesDay(a, d2);
        }
      }
      const prep = (l: string) =>
        /^day \d/.test(l)
          ? `on ${l}`
          : /^week \d|^the \w+ week$/.test(l) && l !== 'the week before'
            ? `in ${l}`
            : l;
      const pla = prep(la);
      const plb = prep(lb);
      if (r() < 0.5) {
        const m = pick(r, OUTPUTS);
        va = sumOf(m.town, m.kind, m.key, a1, b1);
        vb = sumOf(m.town, m.kind, m.key, a2, b2);
        dec = m.dec;
        q =
          v === 'host'
            ? `Did ${m.subj} ${m.verb} more ${m.obj} ${pla} or ${plb}?`
            : v === 'assessor'
              ? `Compare ${m.activity}: were more ${m.obj} recorded ${pla} or ${plb}?`
              : `more ${m.obj} ${pla} or ${plb} at ${m.kidSubj}?`;
        if (va === 0 && vb === 0) return null;
      } else {
        const t = pick(r, TOWNS);
        const rain = r() < 0.35;
        const key = rain ? 'rain_mm' : 'temperature_c';
        va = weatherValue(t, key, a1, b1);
        vb = weatherValue(t, key, a2, b2);
        dec = 1;
        if (Number.isNaN(va) || Number.isNaN(vb)) return null;
        if (rain && va === 0 && vb === 0) return null;
        q = rain
          ? v === 'kid'
            ? `more rain at ${KID_TN[t]} ${pla} or ${plb}?`
            : v === 'host'
              ? `Was it wetter at ${TN[t]} ${pla} or ${plb}?`
              : `Was more rainfall recorded at ${TN[t]} ${pla} or ${plb}?`
          : v === 'kid'
            ? `was it colder at ${KID_TN[t]} ${pla} or ${plb}?`
            : v === 'host'
              ? `So was ${TN[t]} colder ${pla} or ${plb}?`
              : `Was the mean temperature at ${TN[t]} lower ${pla} or ${plb}?`;
        // colder: the lower value wins
        lowerWins = !rain;
      }
    } else {
      // people
      const s = spanOf(r, N, 1, v);
      if (!s) return null;
      const group = pick(r, [
        {
          town: 'port-logic',
          kind: 'fishing',
          key: 'fish',
          who: ['Hal Marsh', 'Nell Brine', 'Tobias Reed', 'Ivo Gull'],
          obj: 'fish',
          verb: 'catch',
          past: 'caught',
        },
        {
          town: 'circuiton',
          kind: 'mining',
          key: 'ore_tons',
          who: ['Ida Pike', 'Oskar Flint', 'Bruna Shale'],
          obj: 'tons of ore',
          verb: 'mine',
          past: 'dug out',
        },
        {
          town: 'patchbourough',
          kind: 'farming',
          key: 'harvest',
          who: ['Ada Furrow', 'Piet Furrow', 'Wendel Hay'],
          obj: 'lbs of grain',
          verb: 'harvest',
          past: 'harvested',
        },
        {
          town: 'port-logic',
          kind: 'trade',
          key: 'value_gold',
          who: ['Odile Quay', 'Bastian Cole'],
          obj: 'gold in trade',
          verb: 'handle',
          past: 'handled',
        },
      ]);
      const pa = pick(r, group.who);
      const pb = pick(r, group.who);
      if (pa === pb) return null;
      va = sumOf(group.town, group.kind, group.key, s.a, s.b, (e) => e.actor === pa);
      vb = sumOf(group.town, group.kind, group.key, s.a, s.b, (e) => e.actor === pb);
      dec = group.key === 'ore_tons' ? 2 : 0;
      if (va === 0 && vb === 0) return null;
      la = pa;
      lb = pb;
      winA = (a) => names(a, pa);
      winB = (a) => names(a, pb);
      q =
        v === 'host'
          ? `Friendly rivalry time: who ${group.past} more ${group.obj}${s.tail}, ${pa} or ${pb}?`
          : v === 'assessor'
            ? `Between ${pa} and ${pb}, who accounted for more ${group.obj}${s.tail}?`
            : group.key === 'value_gold'
              ? `who traded more gold${s.tail}, ${pa} or ${pb}?`
              : `who got more ${group.obj}${s.tail}, ${pa} or ${pb}?`;
    }
    const dv = dec;
    const A = va;
    const B = vb;
    if (round(A, dv) === round(B, dv) || edge(A, dv) || edge(B, dv)) return null;
    const aWins = lowerWins ? A < B : A > B;
    const win = aWins ? winA : winB;
    return {
      form: 'compare',
      question: q,
      truth: `${aWins ? la : lb}: ${fmt(A, dv)} (${la}) vs ${fmt(B, dv)} (${lb})`,
      check: (rep) => all(win(rep.answer), states(rep.answer, A, dv), states(rep.answer, B, dv)),
    };
  };

  // ---- days ------------------------------------------------------------------------------------
  gens.days = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 5, v);
    if (!s) return null;
    const mode = pick(r, ['happen', 'happen', 'threshold', 'not']);
    let n: number;
    let q: string;
    if (mode === 'threshold') {
      const m = pick(
        r,
        OUTPUTS.filter((o) => o.key !== 'learned' && o.key !== 'ore_tons'),
      );
      const ser = [...dailyM(m, s.a, s.b).values()].sort((x, y) => x - y);
      if (ser.length < 3) return null;
      const raw = at(ser, Math.floor(ser.length * (0.3 + 0.5 * r())));
      const step = raw >= 200 ? 50 : raw >= 50 ? 10 : raw >= 10 ? 5 : 1;
      const th = Math.round(raw / step) * step;
      if (ser.includes(th)) return null;
      n = ser.filter((x) => x > th).length;
      q =
        v === 'host'
          ? `How many days${s.tail} did ${m.subj} top ${th} ${m.obj}?`
          : v === 'assessor'
            ? `On how many days${s.tail} did the daily total of ${m.obj} from ${m.subj} exceed ${th}?`
            : `how many days did ${m.kidSubj} ${m.verb} more than ${th} ${m.obj}${s.tail}?`;
    } else {
      const h = pick(r, HS);
      const ds = hDays(h, s.a, s.b);
      const p = hPhrase(h, v);
      if (mode === 'not') {
        n = s.b - s.a + 1 - ds.length;
        q =
          v === 'host'
            ? `${withHead(s, `on how many days did we NOT hear that ${p}?`)}`
            : v === 'assessor'
              ? `On how many days${s.tail} is there no record that ${p}?`
              : `how many days was it not true that ${p}${s.tail}?`;
      } else {
        n = ds.length;
        q =
          v === 'host'
            ? pick(r, [
                `On how many days${s.tail} did we hear that ${p}?`,
                `${withHead(s, `how many days was it that ${p}?`)}`,
              ])
            : v === 'assessor'
              ? `On how many separate days${s.tail} is it recorded that ${p}?`
              : `how many days ${p}${s.tail}?`;
      }
    }
    if (n === 0) return null;
    return {
      form: 'days',
      question: q,
      truth: `${n} days`,
      check: (rep) => states(rep.answer, n, 0),
    };
  };

  // ---- extreme-event ---------------------------------------------------------------------------
  gens['extreme-event'] = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 2, v);
    if (!s) return null;
    const mode = pick(r, ['haul', 'raid', 'robbery', 'robbery', 'sale', 'harvest', 'drinks', 'ore']);
    let list: RawEvent[];
    let key: string;
    let dec = 0;
    let q: string;
    let unit: string;
    switch (mode) {
      case 'haul':
        list = evs('port-logic', 'fishing', s.a, s.b);
        key = 'fish';
        unit = 'fish';
        q =
          v === 'host'
            ? `What was the biggest single haul landed at Port Logic${s.tail}?`
            : v === 'assessor'
              ? `What was the largest catch from a single Port Logic fishing trip${s.tail}?`
              : `whats the biggest catch ever at the port${s.tail}?`.replace(
                  ' ever at the port ',
                  ' at the port ',
                );
        break;
      case 'raid':
        list = evs('den-of-thieves', 'raid', s.a, s.b);
        key = 'raid_gold';
        unit = 'gold';
        q =
          v === 'host'
            ? `And the pirates — what was their richest raid${s.tail}?`
            : v === 'assessor'
              ? `What was the largest amount of gold taken in a single raid by the Den of Thieves${s.tail}?`
              : `biggest raid by the pirates${s.tail}? how much gold?`;
        break;
      case 'robbery': {
        const t = pick(r, ['port-logic', 'patchbourough', 'circuiton']);
        list = evs(t, 'loss', s.a, s.b);
        key = 'loot_gold';
        unit = 'gold';
        q =
          v === 'assessor'
            ? `Which single robbery cost ${TN[t]} the most gold${s.tail}?`
            : v === 'host'
              ? `What was the worst single robbery ${TN[t]} suffered${s.tail}?`
              : `what was the worst robbery on ${TN[t]}${s.tail}?`;
        break;
      }
      case 'sale': {
        const t = pick(r, ['port-logic', 'patchbourough', 'circuiton']);
        list = evs(t, 'trade', s.a, s.b).filter((e) => e.data.from === t);
        key = 'value_gold';
        unit = 'gold';
        q =
          v === 'assessor'
            ? `What was the largest single sale by ${TN[t]}${s.tail}, in gold?`
            : v === 'host'
              ? `${withHead(s, `what was ${TN[t]}'s biggest sale?`)}`
              : `biggest sale ${TN[t]} made${s.tail}?`;
        break;
      }
      case 'harvest':
        list = evs('patchbourough', 'farming', s.a, s.b);
        key = 'harvest';
        unit = 'lbs of grain';
        q =
          v === 'kid'
            ? `what was the biggest harvest at the farm in one go${s.tail}?`
            : `What was the largest single harvest brought in at PatchBourough${s.tail}?`;
        break;
      case 'drinks':
        list = evs('den-of-thieves', 'drinking', s.a, s.b);
        key = 'drinks';
        unit = 'drinks';
        q =
          v === 'host'
            ? `What was the rowdiest single night at the Den of Thieves tavern${s.tail} — how many drinks?`
            : v === 'kid'
              ? `most drinks in one night at the pirate tavern${s.tail}?`
              : `What is the highest number of drinks recorded in a single tavern report at the Den of Thieves${s.tail}?`;
        break;
      default:
        list = evs('circuiton', 'mining', s.a, s.b);
        key = 'ore_tons';
        unit = 'tons of ore';
        dec = 2;
        q =
          v === 'kid'
            ? `what was the most ore the mine dug in one shift${s.tail}?`
            : `What was the largest amount of ore mined in a single shift at Circuiton${s.tail}?`;
    }
    const xs = list
      .filter((e) => typeof e.data[key] === 'number')
      .sort((x, y) => (y.data[key] as number) - (x.data[key] as number));
    if (xs.length < 2) return null;
    const top = at(xs, 0).data[key] as number;
    if (top <= 0 || Math.abs(top - (at(xs, 1).data[key] as number)) < 1e-9) return null;
    const day = at(xs, 0).day;
    return {
      form: 'extreme-event',
      question: q,
      truth: `${fmt(top, dec)} ${unit} on day ${day}`,
      check: (rep) => all(states(rep.answer, top, dec), namesDay(rep.answer, day)),
    };
  };

  // ---- trend -----------------------------------------------------------------------------------
  gens.trend = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 7, v);
    if (!s) return null;
    let ser: Map<number, number>;
    let q: string;
    const dir = r() < 0.5;
    if (r() < 0.6) {
      const m = pick(r, OUTPUTS);
      ser = dailyM(m, s.a, s.b);
      // Only a series with a value on every day the town reported: no day left out or read as zero.
      if (ser.size !== reportDays(m.town, s.a, s.b)) return null;
      q =
        v === 'host'
          ? dir
            ? `Is ${m.activity} picking up or tailing off${s.tail}? By how much a day?`
            : `${withHead(s, `what's the trend in ${m.obj} from ${m.subj}, per day?`)}`
          : v === 'assessor'
            ? `What is the least-squares trend per day of the daily ${m.obj} from ${m.subj}${s.tail}?`
            : `${m.kidSubj === 'the pirates' ? 'are' : 'is'} ${m.kidSubj} getting more ${m.obj} or less${s.tail}? how fast?`;
    } else {
      const w = pick(r, [
        at(WEATHER, 0),
        at(WEATHER, 0),
        at(WEATHER, 1),
        at(WEATHER, 2),
        at(WEATHER, 4),
        at(WEATHER, 5),
      ]);
      const t = pick(r, w.towns);
      ser = dailyW(t, w.key, s.a, s.b);
      q =
        v === 'host'
          ? `Has the ${w.noun} at ${TN[t]} been rising or falling${s.tail}, and by how much per day?`
          : v === 'assessor'
            ? `State the daily trend (slope per day) of the mean ${w.noun} at ${TN[t]}${s.tail}.`
            : `is the ${w.noun} at ${KID_TN[t]} going up or down${s.tail}?`;
    }
    const days = [...ser.keys()].sort((a, b) => a - b);
    if (days.length < 5) return null;
    const k = slopeOf(
      days,
      days.map((d) => ser.get(d) as number),
    );
    if (!Number.isFinite(k) || Math.abs(k) < 0.005 || edge(k, 2)) return null;
    const up = k > 0;
    return {
      form: 'trend',
      question: q,
      truth: `${up ? 'rising' : 'falling'}, ${fmt(k, 2)} per day`,
      check: (rep) => {
        if (states(rep.answer, k, 2) === null) return null;
        const dirOk = up
          ? /\b(ris|up|increas|grow|climb|pick)/i.test(rep.answer)
          : /\b(fall|down|decreas|declin|drop|tail)/i.test(rep.answer);
        if (dirOk && states(rep.answer, Math.abs(k), 2) === null) return null;
        return `does not state the slope ${fmt(k, 2)} per day`;
      },
    };
  };

  // ---- which-day -------------------------------------------------------------------------------
  gens['which-day'] = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 5, v);
    if (!s) return null;
    if (r() < 0.5) {
      const h = pick(r, HS);
      const ds = hDays(h, s.a, s.b);
      if (ds.length !== 1) return null;
      const p = hPhrase(h, v);
      const q =
        v === 'host'
          ? `${withHead(s, `which day was it that ${p}?`)}`
          : v === 'assessor'
            ? `On which day${s.tail} is it recorded that ${p}? Please give the day.`
            : `what day ${p}${s.tail}?`;
      const d = at(ds, 0);
      return { form: 'which-day', question: q, truth: `day ${d}`, check: (rep) => namesDay(rep.answer, d) };
    }
    if (r() < 0.5) {
      const m = pick(r, OUTPUTS);
      const list = [...dailyM(m, s.a, s.b)].sort((x, y) => y[1] - x[1]);
      if (list.length < 2 || Math.abs(at(list, 0)[1] - at(list, 1)[1]) < 1e-9) return null;
      const d = at(list, 0)[0];
      const q =
        v === 'host'
          ? `${withHead(s, `when was ${m.activity} at its busiest? Just the day, please.`)}`
          : v === 'assessor'
            ? `Which day${s.tail} shows the largest daily total of ${m.obj} for ${m.subj}?`
            : `what day was best for ${m.obj} at ${m.kidSubj}${s.tail}?`;
      return {
        form: 'which-day',
        question: q,
        truth: `day ${d} (${round(at(list, 0)[1], m.dec)})`,
        check: (rep) => namesDay(rep.answer, d),
      };
    }
    const t = pick(r, ['port-logic', 'patchbourough', 'circuiton']);
    const list = evs(t, 'loss', s.a, s.b).sort((x, y) => Number(y.data.loot_gold) - Number(x.data.loot_gold));
    if (list.length < 2 || at(list, 0).data.loot_gold === at(list, 1).data.loot_gold) return null;
    const d = at(list, 0).day;
    const q =
      v === 'assessor'
        ? `On what day${s.tail} did ${TN[t]} suffer its costliest robbery?`
        : v === 'host'
          ? `When did ${TN[t]} get hit hardest by the pirates${s.tail}? Which day?`
          : `which day did the pirates steal the most from ${TN[t]}${s.tail}?`;
    return { form: 'which-day', question: q, truth: `day ${d}`, check: (rep) => namesDay(rep.answer, d) };
  };

  // ---- which-town ------------------------------------------------------------------------------
  gens['which-town'] = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s) return null;
    const mode = pick(r, ['rain', 'temp', 'cold', 'wind', 'loss', 'trade']);
    const towns: string[] =
      mode === 'loss' || mode === 'trade' ? ['port-logic', 'patchbourough', 'circuiton'] : [...TOWNS];
    const vals = towns.map((t) =>
      mode === 'rain'
        ? weatherValue(t, 'rain_mm', s.a, s.b)
        : mode === 'temp' || mode === 'cold'
          ? weatherValue(t, 'temperature_c', s.a, s.b) * (mode === 'cold' ? -1 : 1)
          : mode === 'wind'
            ? weatherValue(t, 'wind_kph', s.a, s.b)
            : mode === 'loss'
              ? sumOf(t, 'loss', 'loot_gold', s.a, s.b)
              : sumOf(t, 'trade', 'value_gold', s.a, s.b),
    );
    if (vals.some((x) => Number.isNaN(x))) return null;
    const order = towns.map((t, i) => ({ t, x: at(vals, i) })).sort((a, b) => b.x - a.x);
    const dec = mode === 'loss' || mode === 'trade' ? 0 : 1;
    if (at(order, 0).x <= 0 && (mode === 'rain' || mode === 'loss' || mode === 'trade')) return null;
    if (round(at(order, 0).x, dec) === round(at(order, 1).x, dec) || edge(at(order, 0).x, dec)) return null;
    const win = at(order, 0).t;
    const val = mode === 'cold' ? -at(order, 0).x : at(order, 0).x;
    const q = (() => {
      switch (mode) {
        case 'rain':
          return v === 'kid'
            ? `which town got the most rain${s.tail}?`
            : v === 'host'
              ? `${withHead(s, 'where did the most rain fall?')}`
              : `Which town recorded the most rainfall${s.tail}?`;
        case 'temp':
          return v === 'kid'
            ? `which town was the hotest${s.tail}?`
            : v === 'host'
              ? `Where was it warmest${s.tail}?`
              : `Which town had the highest mean temperature${s.tail}?`;
        case 'cold':
          return v === 'kid'
            ? `what town was coldest${s.tail}?`
            : v === 'host'
              ? `${withHead(s, 'which town had to bundle up the most — where was it coldest?')}`
              : `Which town recorded the lowest mean temperature${s.tail}?`;
        case 'wind':
          return v === 'kid'
            ? `where was it the most windy${s.tail}?`
            : `Which town was the windiest on average${s.tail}?`;
        case 'loss':
          return v === 'assessor'
            ? `Which town sustained the greatest losses to piracy${s.tail}, and how much gold?`
            : v === 'host'
              ? `Who's been hurt worst by the pirates${s.tail}?`
              : `which town did the pirates rob the most${s.tail}?`;
        default:
          return v === 'assessor'
            ? `Which town had the greatest value of trade in gold${s.tail}?`
            : `which town traded the most gold${s.tail}?`;
      }
    })();
    return {
      form: 'which-town',
      question: q,
      truth: `${TN[win]} (${fmt(val, dec)})`,
      check: (rep) => all(namesTown(rep.answer, win), states(rep.answer, val, dec)),
    };
  };

  // ---- who -------------------------------------------------------------------------------------
  gens.who = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s) return null;
    const g = pick(r, [
      {
        town: 'port-logic',
        kind: 'fishing',
        key: 'fish',
        q: ['caught the most fish', 'landed the most fish', 'caught the most fish'],
      },
      {
        town: 'circuiton',
        kind: 'mining',
        key: 'ore_tons',
        q: ['dug the most ore at the Circuiton mine', 'mined the most ore in Circuiton', 'dug the most ore'],
      },
      {
        town: 'patchbourough',
        kind: 'farming',
        key: 'harvest',
        q: [
          'brought in the most grain at PatchBourough',
          'harvested the most grain at PatchBourough',
          'harvested the most at the farm',
        ],
      },
      {
        town: 'port-logic',
        kind: 'maritime',
        key: 'nets',
        q: ['made the most nets at Port Logic', 'produced the most nets at Port Logic', 'made the most nets'],
      },
      {
        town: 'circuiton',
        kind: 'education',
        key: 'learned',
        q: [
          'taught the most pupils at the Academy',
          'taught the most pupils a craft at the Circuiton Academy',
          'taught the most kids at the academy',
        ],
      },
      {
        town: 'patchbourough',
        kind: 'trade',
        key: 'value_gold',
        q: [
          'brought in the most trade gold for PatchBourough',
          'handled the most gold in trade for PatchBourough',
          'made the most gold selling for PatchBourough',
        ],
      },
    ]);
    const by = new Map<string, number>();
    for (const e of evs(g.town, g.kind, s.a, s.b)) {
      if (!e.actor || typeof e.data[g.key] !== 'number') continue;
      by.set(e.actor, (by.get(e.actor) ?? 0) + (e.data[g.key] as number));
    }
    const order = [...by].sort((a, b) => b[1] - a[1]);
    if (order.length < 2 || Math.abs(at(order, 0)[1] - at(order, 1)[1]) < 1e-9 || at(order, 0)[1] <= 0)
      return null;
    const who = at(order, 0)[0];
    const q =
      v === 'host'
        ? `${withHead(s, `who ${g.q[0]}?`)}`
        : v === 'assessor'
          ? `Which person ${g.q[1]}${s.tail}?`
          : `who ${g.q[2]}${s.tail}?`;
    return {
      form: 'who',
      question: q,
      truth: `${who} (${round(at(order, 0)[1], 2)})`,
      check: (rep) => names(rep.answer, who),
    };
  };

  // ---- did -------------------------------------------------------------------------------------
  gens.did = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s || s.whole) return null;
    const h = pick(r, HS);
    const yes = hDays(h, s.a, s.b).length > 0;
    const p = hPhrase(h, v);
    // "it rained at X" → "did it rain at X"; other phrases: "was it the case that …"
    const asked = (() => {
      const m = /^(it|a|the|pirates|there) (\w+) (.*)$/.exec(p);
      const base: Record<string, string> = {
        rained: 'rain',
        got: 'get',
        came: 'come',
        pulled: 'pull',
        repaired: 'repair',
        flooded: 'flood',
        went: 'go',
        was: 'be',
        had: 'have',
        arrived: 'arrive',
        blew: 'blow',
        fixed: 'fix',
        raided: 'raid',
        robbed: 'rob',
        reported: 'report',
        carried: 'carry',
        returned: 'return',
        stood: 'stand',
        were: 'be',
      };
      return { m, base };
    })();
    let q: string;
    const verbIdx = p.split(' ').findIndex((w) => asked.base[w] !== undefined);
    if (verbIdx > 0) {
      const words = p.split(' ');
      const subj = words.slice(0, verbIdx).join(' ');
      const verb = asked.base[at(words, verbIdx)];
      const rest = words.slice(verbIdx + 1).join(' ');
      const core =
        verb === 'be'
          ? `${words[verbIdx] === 'were' ? 'were' : 'was'} ${subj} ${rest}`
          : `did ${subj} ${verb} ${rest}`;
      q =
        v === 'host'
          ? `And ${core}${s.tail}?`
          : v === 'assessor'
            ? `Can you confirm whether ${p}${s.tail}?`
            : `${core}${s.tail}?`;
    } else {
      q = v === 'kid' ? `is it true ${p}${s.tail}?` : `Is it true that ${p}${s.tail}?`;
    }
    q = q.replace(/\s+/g, ' ').replace(' ?', '?');
    return {
      form: 'did',
      question: cap(q),
      truth: yes ? 'yes' : 'no',
      check: (rep) => saysYes(rep.answer, yes),
    };
  };

  // ---- count -----------------------------------------------------------------------------------
  gens.count = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s) return null;
    const mode = pick(r, [
      'raids',
      'robberies',
      'robberies',
      'trips',
      'shipments',
      'arrivals',
      'repairs',
      'orders',
    ]);
    let n: number;
    let q: string;
    const t = pick(r, ['port-logic', 'patchbourough', 'circuiton']);
    switch (mode) {
      case 'raids':
        n = evs('den-of-thieves', 'raid', s.a, s.b).filter((e) => Number(e.data.raid_gold) > 0).length;
        q =
          v === 'host'
            ? `How many raids did the pirates pull off${s.tail}?`
            : v === 'assessor'
              ? `How many successful raids did the Den of Thieves carry out${s.tail}?`
              : `how many raids did the pirates do${s.tail}?`;
        break;
      case 'robberies':
        n = evs(t, 'loss', s.a, s.b).length;
        q =
          v === 'assessor'
            ? `How many robberies did ${TN[t]} report${s.tail}?`
            : v === 'host'
              ? `${withHead(s, `how many times did ${TN[t]} get robbed?`)}`
              : `how many times did pirates rob ${TN[t]}${s.tail}?`;
        break;
      case 'trips':
        n = evs('port-logic', 'fishing', s.a, s.b).length;
        q =
          v === 'kid'
            ? `how many fishing trips at the port${s.tail}?`
            : `How many fishing trips went out from Port Logic${s.tail}?`;
        break;
      case 'shipments':
        n = evs(t, 'trade', s.a, s.b).filter((e) => e.data.from === t).length;
        q =
          v === 'assessor'
            ? `How many shipments did ${TN[t]} send out${s.tail}?`
            : `How many shipments went out of ${TN[t]}${s.tail}?`;
        break;
      case 'arrivals':
        n = evs(t, 'arrival', s.a, s.b).length;
        q =
          v === 'kid'
            ? `how many shipments got to ${TN[t]}${s.tail}?`
            : `How many shipments arrived at ${TN[t]}${s.tail}?`;
        break;
      case 'repairs':
        n = evs('den-of-thieves', 'repair', s.a, s.b).filter((e) => Number(e.data.boat_repaired) > 0).length;
        q =
          v === 'kid'
            ? `how many times did the pirates fix their ship${s.tail}?`
            : `How many times did the pirates repair their ship${s.tail}?`;
        break;
      default:
        n = evs(t, 'order', s.a, s.b).length;
        q =
          v === 'assessor'
            ? `How many orders for goods in short supply did ${TN[t]} place${s.tail}?`
            : `How many times did ${TN[t]} order goods it was short of${s.tail}?`;
    }
    if (n === 0) return null;
    return { form: 'count', question: q, truth: String(n), check: (rep) => states(rep.answer, n, 0) };
  };

  // ---- filter ----------------------------------------------------------------------------------
  gens.filter = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s) return null;
    const mode = pick(r, ['raidTarget', 'lossGoods', 'lossTo', 'tradeTo', 'overseas', 'crates']);
    const towns3 = ['port-logic', 'patchbourough', 'circuiton'];
    const t = pick(r, towns3);
    let val: number;
    let q: string;
    let unit = 'gold';
    switch (mode) {
      case 'raidTarget':
        val = sumOf('den-of-thieves', 'raid', 'raid_gold', s.a, s.b, (e) => e.data.target === t);
        q =
          v === 'assessor'
            ? `What is the total gold taken by the Den of Thieves from ${TN[t]}'s shipments${s.tail}?`
            : v === 'host'
              ? `How much gold did the pirates haul off ${TN[t]} shipments${s.tail}?`
              : `how much gold did pirates take from ${TN[t]}${s.tail}?`;
        break;
      case 'lossGoods': {
        const goods =
          t === 'port-logic'
            ? pick(r, ['fish', 'textiles', 'spices', 'rope'])
            : t === 'patchbourough'
              ? pick(r, ['flour', 'tools'])
              : pick(r, ['metal', 'trinkets']);
        val = sumOf(t, 'loss', 'loot_gold', s.a, s.b, (e) => e.data.goods === goods);
        q =
          v === 'assessor'
            ? `What is the total value of ${goods} lost by ${TN[t]} to piracy${s.tail}?`
            : v === 'host'
              ? `How much was the ${goods} worth that ${TN[t]} lost to pirates${s.tail}?`
              : `how much gold in ${goods} did ${TN[t]} lose to pirates${s.tail}?`;
        break;
      }
      case 'lossTo': {
        const u = pick(r, towns3);
        if (u === t) return null;
        val = sumOf(t, 'loss', 'loot_gold', s.a, s.b, (e) => e.data.to === u);
        q =
          v === 'assessor'
            ? `What was the total gold lost by ${TN[t]} on shipments bound for ${TN[u]}${s.tail}?`
            : `How much gold did ${TN[t]} lose to pirates on shipments headed to ${TN[u]}${s.tail}?`;
        break;
      }
      case 'tradeTo': {
        const u = pick(r, towns3);
        if (u === t) return null;
        val = sumOf(t, 'trade', 'value_gold', s.a, s.b, (e) => e.data.from === t && e.data.to === u);
        q =
          v === 'kid'
            ? `how much gold did ${TN[t]} get for stuff sent to ${TN[u]}${s.tail}?`
            : v === 'host'
              ? `What did ${TN[t]} earn selling to ${TN[u]}${s.tail}, in gold?`
              : `What was the gold value of ${TN[t]}'s sales to ${TN[u]}${s.tail}?`;
        break;
      }
      case 'overseas': {
        const buy = r() < 0.5;
        val = sumOf('port-logic', 'trade', 'value_gold', s.a, s.b, (e) =>
          buy ? e.data.from === 'overseas' : e.data.to === 'overseas',
        );
        q = buy
          ? v === 'assessor'
            ? `What was the total gold Port Logic paid for goods bought from overseas${s.tail}?`
            : `How much gold did Port Logic spend buying from overseas${s.tail}?`
          : v === 'kid'
            ? `how much gold did the port get selling stuff overseas${s.tail}?`
            : `How much gold did Port Logic make on sales overseas${s.tail}?`;
        break;
      }
      default: {
        const goods = pick(r, ['fish', 'flour', 'metal', 'tools', 'textiles']);
        val = 0;
        for (const tt of towns3)
          val += sumOf(tt, 'loss', 'cargo_items', s.a, s.b, (e) => e.data.goods === goods);
        unit = 'crates';
        q =
          v === 'assessor'
            ? `How many crates of ${goods} were reported stolen by pirates${s.tail}?`
            : v === 'host'
              ? `${withHead(s, `how many crates of ${goods} went missing to the pirates?`)}`
              : `how many crates of ${goods} did the pirates steal${s.tail}?`;
      }
    }
    if (val === 0) return null;
    return {
      form: 'filter',
      question: q,
      truth: `${val} ${unit}`,
      check: (rep) => states(rep.answer, val, 0),
    };
  };

  // ---- mean ------------------------------------------------------------------------------------
  gens.mean = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 2, v);
    if (!s) return null;
    const mode = pick(r, ['perDay', 'reading', 'reading', 'perTrip']);
    let val: number;
    let dec: number;
    let q: string;
    if (mode === 'perDay') {
      const m = pick(r, OUTPUTS);
      const tot = sumOf(m.town, m.kind, m.key, s.a, s.b);
      const nd = reportDays(m.town, s.a, s.b);
      if (nd === 0 || tot === 0) return null;
      val = tot / nd;
      dec = m.dec;
      q =
        v === 'host'
          ? `On an average day${s.tail}, how many ${m.obj} did ${m.subj} ${m.verb}?`
          : v === 'assessor'
            ? `What was the average daily output of ${m.obj} from ${m.subj}${s.tail}?`
            : `how many ${m.obj} does ${m.kidSubj} ${m.verb} a day on average${s.tail}?`;
    } else if (mode === 'reading') {
      const w = pick(r, WEATHER);
      const t = pick(r, w.towns);
      val = meanOf(t, 'sensor', w.key, s.a, s.b);
      dec = w.dec;
      if (Number.isNaN(val)) return null;
      q =
        v === 'host'
          ? `${withHead(s, `what was the average ${w.noun} at ${TN[t]}?`)}`
          : v === 'assessor'
            ? `What was the mean ${w.noun} recorded at ${TN[t]}${s.tail}?`
            : `what was the ${w.noun} at ${KID_TN[t]} on average${s.tail}?`;
    } else {
      const fish = r() < 0.6;
      val = fish
        ? meanOf('port-logic', 'fishing', 'fish', s.a, s.b)
        : meanOf('den-of-thieves', 'raid', 'raid_gold', s.a, s.b, (e) => Number(e.data.raid_gold) > 0);
      dec = 0;
      if (Number.isNaN(val)) return null;
      q = fish
        ? v === 'kid'
          ? `how many fish per trip at the port${s.tail}?`
          : `What was the average catch per fishing trip at Port Logic${s.tail}?`
        : v === 'assessor'
          ? `What was the average gold taken per successful raid by the Den of Thieves${s.tail}?`
          : `How much gold did the pirates average per raid${s.tail}?`;
    }
    if (edge(val, dec)) return null;
    return {
      form: 'mean',
      question: q,
      truth: fmt(val, Math.max(dec, 2)),
      check: (rep) => states(rep.answer, val, dec),
    };
  };

  // ---- total -----------------------------------------------------------------------------------
  gens.total = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s) return null;
    let val: number;
    let dec: number;
    let q: string;
    const mode = pick(r, ['output', 'output', 'rain', 'loss']);
    if (mode === 'output') {
      const m = pick(r, OUTPUTS);
      val = sumOf(m.town, m.kind, m.key, s.a, s.b);
      dec = m.dec;
      q =
        v === 'host'
          ? `So how ${m.many} ${m.obj} did ${m.subj} ${m.verb}${s.tail}?`
          : v === 'assessor'
            ? `What was the total of ${m.obj} recorded by ${m.subj}${s.tail}?`
            : `how ${m.many} ${m.obj} did ${m.kidSubj} ${m.verb}${s.tail}?`;
    } else if (mode === 'rain') {
      const t = pick(r, TOWNS);
      val = sumOf(t, 'sensor', 'rain_mm', s.a, s.b);
      dec = 1;
      q =
        v === 'kid'
          ? `how much did it rain at ${KID_TN[t]}${s.tail}?`
          : `How much rain fell at ${TN[t]}${s.tail}?`;
    } else {
      const t = pick(r, ['port-logic', 'patchbourough', 'circuiton']);
      val = sumOf(t, 'loss', 'loot_gold', s.a, s.b);
      dec = 0;
      q =
        v === 'assessor'
          ? `What is the total value of goods lost by ${TN[t]} to piracy${s.tail}?`
          : v === 'host'
            ? `How much has ${TN[t]} lost to the pirates${s.tail}?`
            : `how much gold did ${TN[t]} lose to pirates${s.tail}?`;
    }
    if (val === 0 || edge(val, dec)) return null;
    return { form: 'total', question: q, truth: fmt(val, dec), check: (rep) => states(rep.answer, val, dec) };
  };

  // ---- scope -----------------------------------------------------------------------------------
  gens.scope = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 1, v);
    if (!s) return null;
    const mode = pick(r, ['rain', 'loss', 'trade', 'arrivals']);
    let val = 0;
    let dec = 0;
    let q: string;
    if (mode === 'rain') {
      for (const t of TOWNS) val += sumOf(t, 'sensor', 'rain_mm', s.a, s.b);
      dec = 1;
      q =
        v === 'kid'
          ? `how much rain fell in all the towns put together${s.tail}?`
          : `How much rain fell across all four towns combined${s.tail}?`;
    } else if (mode === 'loss') {
      for (const t of TOWNS) val += sumOf(t, 'loss', 'loot_gold', s.a, s.b);
      q =
        v === 'assessor'
          ? `What is the aggregate value lost to piracy by all towns${s.tail}?`
          : `All told, how much gold did the towns lose to the pirates${s.tail}?`;
    } else if (mode === 'trade') {
      for (const t of TOWNS) val += sumOf(t, 'trade', 'value_gold', s.a, s.b);
      q =
        v === 'assessor'
          ? `What was the total gold value of all trade across every town${s.tail}?`
          : `How much gold changed hands in trade across the whole world${s.tail}?`;
    } else {
      for (const t of TOWNS) val += evs(t, 'arrival', s.a, s.b).length;
      q =
        v === 'kid'
          ? `how many shipments arrived in all the towns${s.tail}?`
          : `How many shipments arrived, counting every town${s.tail}?`;
    }
    if (val === 0 || edge(val, dec)) return null;
    return { form: 'scope', question: q, truth: fmt(val, dec), check: (rep) => states(rep.answer, val, dec) };
  };

  // ---- future ----------------------------------------------------------------------------------
  const futures = [
    'How many fish will Port Logic catch tomorrow?',
    "what's the weather gonna be at the farm tomorrow?",
    'What will Circuiton lose to pirates on day 900?',
    'Will it rain at PatchBourough next week?',
    'how much gold will the pirates get on day 1000?',
    'What will the mean temperature at Port Logic be next month?',
    'How much ore will the Circuiton mine produce on day 950?',
  ];
  let fi = Math.floor(r() * futures.length);
  gens.future = () => {
    const q = at(futures, fi++ % futures.length);
    return { form: 'future', question: q, truth: 'not happened yet', check: (rep) => saysNotYet(rep.answer) };
  };

  // ---- role ------------------------------------------------------------------------------------
  const roles: [string, string][] = [
    ['Who is the miller at PatchBourough?', 'Rosalind Grist'],
    ['who keeps the forge in patchbourough?', 'Garrick Stone'],
    ['Who captains the pirates of the Den of Thieves?', 'Captain Mara Blackwater'],
    ['Who runs the tavern at the Den of Thieves?', 'Greta Grog'],
    ["who's the apprentice in Circuiton?", 'John'],
    ['Who serves as the bosun at the Den of Thieves?', 'Bosun Rook'],
    ["Who's the fletcher on pirate island?", 'Skiv the Fletcher'],
    ['Who is the quartermaster of the Den of Thieves?', 'One-Eyed Finn'],
  ];
  let ri = Math.floor(r() * roles.length);
  gens.role = () => {
    const [q, who] = at(roles, ri++ % roles.length);
    return { form: 'role', question: q, truth: who, check: (rep) => names(rep.answer, who) };
  };

  // ---- correlate -------------------------------------------------------------------------------
  gens.correlate = () => {
    const v = voiceOf(r);
    const s = spanOf(r, N, 14, v);
    if (!s) return null;
    const pair = pick(r, [
      {
        x: () => dailyM(at(OUTPUTS, 0), s.a, s.b),
        y: () => dailyW('port-logic', 'temperature_c', s.a, s.b),
        q: "Port Logic's daily fish catch and its mean temperature",
      },
      {
        x: () => dailyM(at(OUTPUTS, 0), s.a, s.b),
        y: () => dailyW('port-logic', 'wind_kph', s.a, s.b),
        q: "Port Logic's daily catch and its daily mean wind",
      },
      {
        x: () => dailyM(at(OUTPUTS, 3), s.a, s.b),
        y: () => dailyW('patchbourough', 'rain_mm', s.a, s.b),
        q: "PatchBourough's daily harvest and its daily rainfall",
      },
      {
        x: () => dailyM(at(OUTPUTS, 9), s.a, s.b),
        y: () => dailyW('den-of-thieves', 'temperature_c', s.a, s.b),
        q: 'drinks poured per day at the Den of Thieves and its mean temperature',
      },
    ]);
    const X = pair.x();
    const Y = pair.y();
    const days = [...X.keys()].filter((d) => Y.has(d));
    if (days.length < 8) return null;
    const c = pearson(
      days.map((d) => X.get(d) as number),
      days.map((d) => Y.get(d) as number),
    );
    if (!Number.isFinite(c) || edge(c, 2)) return null;
    const q =
      v === 'assessor'
        ? `What is the Pearson correlation between ${pair.q}${s.tail}?`
        : v === 'host'
          ? `Is there any link between ${pair.q}${s.tail}? Give me the correlation.`
          : `do ${pair.q} go together${s.tail}? whats the correlation?`;
    return {
      form: 'correlate',
      question: q,
      truth: `r = ${fmt(c, 2)}`,
      check: (rep) => states(rep.answer, c, 2),
    };
  };

  // ---- assemble --------------------------------------------------------------------------------
  const TARGET: Record<string, number> = {
    'extreme-day': 42,
    both: 36,
    compare: 36,
    days: 28,
    'extreme-event': 24,
    trend: 18,
    'which-day': 14,
    'which-town': 14,
    who: 11,
    did: 13,
    count: 11,
    filter: 13,
    mean: 11,
    total: 11,
    scope: 7,
    future: 5,
    role: 6,
    correlate: 4,
  };
  const out: (Case & { typo?: string })[] = [];
  const seen = new Set<string>();
  for (const [form, n] of Object.entries(TARGET)) {
    let got = 0;
    for (let tries = 0; tries < n * 60 && got < n; tries++) {
      const g = gens[form];
      if (!g) continue;
      const c = g();
      if (!c) continue;
      const key = c.question.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
      got++;
    }
  }

  // The child's own misspellings, written into a few templates.
  const OWN: [RegExp, string][] = [
    [/\bwich\b/, 'wich for which'],
    [/\bwhats\b/, 'whats for what’s'],
    [/\bhotest\b/, 'hotest for hottest'],
    [/\bgona\b/, 'gona for gonna'],
  ];
  for (const c of out) for (const [re, t] of OWN) if (re.test(c.question)) c.typo = t;
  // Typos: about one question in eight.
  for (const c of out) {
    if (c.typo) continue;
    if (r() >= 0.125) continue;
    const words = c.question.split(' ');
    const idx = words
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => /^[a-z]{5,}$/.test(w) && !/^(today|yesterday|between|during|month|robbed)$/.test(w));
    if (idx.length === 0) continue;
    const { w, i } = pick(r, idx);
    const j = 1 + Math.floor(r() * (w.length - 3));
    const bad = r() < 0.5 ? w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2) : w.slice(0, j) + w.slice(j + 1);
    if (bad === w) continue;
    words[i] = bad;
    const q = words.join(' ');
    if (seen.has(q.toLowerCase())) continue;
    c.question = q;
    c.typo = `${bad} for ${w}`;
  }
  return out;
}

/**
 * A development set written from the world definition and eval/CONVENTIONS.md alone, in three
 * voices: a historian writing the chronicle of the four towns (full sentences, the time or the town
 * put first), a streamer's chat (short, lowercase, slang) and an economist comparing the towns
 * (differences, ratios, slopes). Every truth is computed here from the raw events.
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

type Voice = 'hist' | 'chat' | 'econ';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const CHAT_TOWN: Record<string, string> = {
  'port-logic': 'port',
  patchbourough: 'patch',
  circuiton: 'circuiton',
  'den-of-thieves': 'den',
};

// ---------------------------------------------------------------- randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashEvents(events: RawEvent[]): number {
  let h = 2166136261;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  };
  mix(String(events.length));
  for (let i = 0; i < events.length; i += 97) {
    const e = events[i] as RawEvent;
    mix(`${e.town}${e.day}${e.text}`);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- time

interface Range {
  a: number;
  b: number;
  /** How each voice says it, placed after the clause ("in week 3"); '' for the whole history. */
  hist: string;
  chat: string;
  econ: string;
  whole?: boolean;
}

const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];
const WORDNUM: Record<number, string> = {
  3: 'three',
  5: 'five',
  10: 'ten',
  14: 'fourteen',
  20: 'twenty',
  21: 'twenty-one',
  30: 'thirty',
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "In week 3, " before a clause, or nothing. */
function lead(p: string): string {
  return p === '' ? '' : `${cap(p)}, `;
}
function tail(p: string): string {
  return p === '' ? '' : ` ${p}`;
}

function makeRange(rng: () => number, N: number, kind: string): Range {
  const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)] as T;
  switch (kind) {
    case 'today':
      return { a: N, b: N, hist: 'today', chat: 'today', econ: 'today' };
    case 'yesterday':
      return { a: N - 1, b: N - 1, hist: 'yesterday', chat: pick(['yesterday', 'yday']), econ: 'yesterday' };
    case 'day': {
      const d = 1 + Math.floor(rng() * 55);
      return { a: d, b: d, hist: `on day ${d}`, chat: `day ${d}`, econ: `on day ${d}` };
    }
    case 'between': {
      const a = 1 + Math.floor(rng() * 44);
      const b = Math.min(55, a + 3 + Math.floor(rng() * 9));
      return {
        a,
        b,
        hist: pick([`between day ${a} and day ${b}`, `from day ${a} to day ${b}`]),
        chat: pick([`day ${a}-${b}`, `days ${a} to ${b}`]),
        econ: pick([`over days ${a} to ${b}`, `between days ${a} and ${b}`]),
      };
    }
    case 'week': {
      const w = 1 + Math.floor(rng() * 7);
      return {
        a: 7 * (w - 1) + 1,
        b: 7 * w,
        hist: pick([`in the ${ORD[w - 1] as string} week`, `during week ${w}`, `in week ${w}`]),
        chat: pick([`wk ${w}`, `week ${w}`]),
        econ: pick([`in week ${w}`, `in the ${ORD[w - 1] as string} week`]),
      };
    }
    case 'lastweek':
      return {
        a: N - 7,
        b: N - 1,
        hist: 'last week',
        chat: pick(['last wk', 'last week']),
        econ: 'last week',
      };
    case 'thisweek':
      return {
        a: N - 6,
        b: N,
        hist: pick(['this week', 'over the past week']),
        chat: pick(['this wk', 'this week']),
        econ: 'this week',
      };
    case 'lastk': {
      const k = pick([3, 5, 10, 14, 20, 21, 30]);
      return {
        a: N - k + 1,
        b: N,
        hist: pick([`over the last ${WORDNUM[k] ?? String(k)} days`, `in the last ${k} days`]),
        chat: pick([`last ${k} days`, `past ${k}d`, `last ${k} days`]),
        econ: `over the last ${k} days`,
      };
    }
    case 'lastmonth':
      return {
        a: N - 30,
        b: N - 1,
        hist: 'last month',
        chat: pick(['last month', 'last mo']),
        econ: 'last month',
      };
    case 'thismonth':
      return { a: N - 29, b: N, hist: 'this month', chat: 'this month', econ: 'this month' };
    default:
      return {
        a: 1,
        b: N,
        hist: pick(['', 'across the whole record', 'in all the history', 'since the record began']),
        chat: pick(['', 'all time', 'ever', 'so far']),
        econ: pick(['', 'over the whole history', 'so far']),
        whole: true,
      };
  }
}

const WIDE = ['between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole', 'whole'];
const ANY = ['today', 'yesterday', 'day', ...WIDE];

// ---------------------------------------------------------------- the things asked about

interface Output {
  town: Town;
  kind: string;
  key: string;
  dec: number;
  /** "fish caught at Port Logic" */
  what: string;
  /** "fish" (chat) */
  chat: string;
  /** unit as stated ("fish", "tons of ore") */
  unit: string;
  /** "did the fishermen land the {most} fish" */
  did: (most: string) => string;
  few: string;
  /** a single event: "catch", "shift" */
  single: string;
  /** "the single biggest catch of fish at Port Logic" */
  one: string;
  /** every day has events of this kind (a daily series without gaps) */
  dense?: boolean;
}

const OUTPUTS: Output[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    what: 'fish caught at Port Logic',
    chat: 'fish',
    unit: 'fish',
    did: (m) => `did Port Logic's fishermen land the ${m} fish`,
    few: 'fewest',
    single: 'catch',
    one: 'the single biggest catch of fish at Port Logic',
    dense: true,
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    what: 'ore mined at Circuiton',
    chat: 'ore',
    unit: 'tons of ore',
    did: (m) => `did the miners of Circuiton bring up the ${m} ore`,
    few: 'least',
    single: 'shift',
    one: 'the most ore from a single shift at Circuiton',
    dense: true,
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    what: 'grain harvested at PatchBourough',
    chat: 'harvest',
    unit: 'lbs of grain harvested',
    did: (m) => `did PatchBourough's farmers harvest the ${m} grain`,
    few: 'least',
    single: 'day in the fields',
    one: 'the biggest single harvest at PatchBourough',
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    what: 'flour milled at PatchBourough',
    chat: 'flour',
    unit: 'lbs of flour',
    did: (m) => `did the water mill at PatchBourough grind the ${m} flour`,
    few: 'least',
    single: 'milling',
    one: 'the biggest single milling of flour at PatchBourough',
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    what: 'tools forged at PatchBourough',
    chat: 'tools',
    unit: 'tools',
    did: (m) => `did the PatchBourough forge turn out the ${m} tools`,
    few: 'fewest',
    single: 'forging',
    one: 'the most tools from one forging at PatchBourough',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    what: "nets made in Port Logic's loft",
    chat: 'nets',
    unit: 'nets',
    did: (m) => `did Port Logic's net loft make the ${m} nets`,
    few: 'fewest',
    single: 'batch of nets',
    one: "the most nets from one batch at Port Logic's loft",
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    what: 'ropes made at Port Logic',
    chat: 'ropes',
    unit: 'ropes',
    did: (m) => `did the rope makers of Port Logic make the ${m} ropes`,
    few: 'fewest',
    single: 'batch of ropes',
    one: 'the most ropes from one batch at Port Logic',
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    what: "trinkets made in Circuiton's workshop",
    chat: 'trinkets',
    unit: 'trinkets',
    did: (m) => `did John the apprentice make the ${m} trinkets`,
    few: 'fewest',
    single: 'batch of trinkets',
    one: "the most trinkets from one batch in Circuiton's workshop",
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    what: 'drinks poured at the Den of Thieves',
    chat: 'drinks',
    unit: 'drinks',
    did: (m) => `did the tavern in the Den of Thieves pour the ${m} drinks`,
    few: 'fewest',
    single: 'night at the tavern',
    one: 'the most drinks poured in one round at the Den of Thieves',
    dense: true,
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    what: 'arrows made at the Den of Thieves',
    chat: 'arrows',
    unit: 'arrows',
    did: (m) => `did the Den's fletcher make the ${m} arrows`,
    few: 'fewest',
    single: 'batch of arrows',
    one: "the most arrows from one batch at the Den's fletcher",
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    what: 'gold the pirates took in raids',
    chat: 'raid gold',
    unit: 'gold',
    did: (m) => `did the pirates of the Den take the ${m} gold in raids`,
    few: 'least',
    single: 'raid',
    one: 'the richest single raid by the pirates',
  },
  {
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    what: "pupils who learned a craft at Circuiton's Academy",
    chat: 'pupils learned',
    unit: 'pupils',
    did: (m) => `did the ${m} pupils learn a craft at the Academy`,
    few: 'fewest',
    single: 'lesson',
    one: 'the most pupils taught in one lesson at the Academy',
  },
];

interface Reading {
  key: string;
  dec: number;
  label: string;
  unit: string;
  hi: string;
  lo: string;
  chatHi: string;
  chatLo: string;
  only?: Town;
}

const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    label: 'temperature',
    unit: '°C',
    hi: 'hottest',
    lo: 'coldest',
    chatHi: 'hottest',
    chatLo: 'coldest',
  },
  {
    key: 'wind_kph',
    dec: 1,
    label: 'wind speed',
    unit: 'km/h',
    hi: 'windiest',
    lo: 'calmest',
    chatHi: 'windiest',
    chatLo: 'calmest',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    label: 'air pressure',
    unit: 'hPa',
    hi: 'highest-pressure',
    lo: 'lowest-pressure',
    chatHi: 'highest pressure',
    chatLo: 'lowest pressure',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    label: 'humidity',
    unit: '%',
    hi: 'most humid',
    lo: 'least humid',
    chatHi: 'most humid',
    chatLo: 'least humid',
  },
  {
    key: 'tide_m',
    dec: 2,
    label: 'tide',
    unit: 'm',
    hi: 'highest-tide',
    lo: 'lowest-tide',
    chatHi: 'highest tide',
    chatLo: 'lowest tide',
    only: 'port-logic',
  },
  {
    key: 'river_level_m',
    dec: 2,
    label: 'river level',
    unit: 'm',
    hi: 'highest-river',
    lo: 'lowest-river',
    chatHi: 'highest river',
    chatLo: 'lowest river',
    only: 'patchbourough',
  },
];

/** A thing that happens on a day. */
interface Happening {
  id: string;
  /** "rain at Port Logic" (after "was there") */
  noun: string;
  /** "rain at port" */
  chat: string;
  town?: Town;
  test: (e: RawEvent) => boolean;
}

const num = (e: RawEvent, k: string): number | undefined => {
  const v = e.data[k];
  return typeof v === 'number' ? v : undefined;
};
const flag = (e: RawEvent, k: string) => e.data[k] === 1;

const HAPPENINGS: Happening[] = [
  ...TOWNS.map(
    (t): Happening => ({
      id: `rain-${t}`,
      noun: `rain at ${TOWN_NAMES[t]}`,
      chat: `rain at ${CHAT_TOWN[t]}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && (num(e, 'rain_mm') ?? 0) > 0,
    }),
  ),
  ...TOWNS.map(
    (t): Happening => ({
      id: `storm-${t}`,
      noun: `a storm at ${TOWN_NAMES[t]}`,
      chat: `storm at ${CHAT_TOWN[t]}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && flag(e, 'storm'),
    }),
  ),
  ...(['port-logic', 'patchbourough', 'circuiton'] as Town[]).map(
    (t): Happening => ({
      id: `robbed-${t}`,
      noun: `a robbery of ${TOWN_NAMES[t]}'s shipments`,
      chat: `${CHAT_TOWN[t]} robbed`,
      town: t,
      test: (e) => e.kind === 'loss' && e.data.target === t,
    }),
  ),
  {
    id: 'flood',
    noun: "a flood in Circuiton's mine",
    chat: 'mine flooded',
    test: (e) => e.town === 'circuiton' && e.kind === 'mining' && flag(e, 'flood'),
  },
  {
    id: 'hunger',
    noun: 'hungry miners at Circuiton',
    chat: 'miners hungry',
    test: (e) => e.town === 'circuiton' && e.kind === 'mining' && flag(e, 'hunger'),
  },
  {
    id: 'raid',
    noun: 'a pirate raid that took gold',
    chat: 'a raid',
    test: (e) => e.kind === 'raid' && (num(e, 'raid_gold') ?? 0) > 0,
  },
  {
    id: 'empty',
    noun: 'a fishing trip with empty nets at Port Logic',
    chat: 'empty nets',
    test: (e) => e.town === 'port-logic' && e.kind === 'fishing' && flag(e, 'empty_nets'),
  },
  {
    id: 'fine',
    noun: 'a fine haul at Port Logic',
    chat: 'a fine haul',
    test: (e) => e.town === 'port-logic' && e.kind === 'fishing' && flag(e, 'fine_haul'),
  },
  {
    id: 'surplus',
    noun: 'a surplus harvest at PatchBourough',
    chat: 'farm surplus',
    test: (e) => e.kind === 'farming' && flag(e, 'surplus'),
  },
  {
    id: 'drought',
    noun: "drought in PatchBourough's fields",
    chat: 'drought',
    test: (e) => e.kind === 'farming' && flag(e, 'drought'),
  },
  {
    id: 'coldforge',
    noun: 'a cold forge at PatchBourough',
    chat: 'forge cold',
    test: (e) => e.kind === 'forge' && flag(e, 'cold_forge'),
  },
  {
    id: 'idle',
    noun: 'an idle mill at PatchBourough',
    chat: 'mill idle',
    test: (e) => e.kind === 'mill' && flag(e, 'idle'),
  },
  {
    id: 'binsfull',
    noun: 'full flour bins at the mill',
    chat: 'bins full',
    test: (e) => e.kind === 'mill' && flag(e, 'bins_full'),
  },
  {
    id: 'repair',
    noun: 'a repair to the Black Gull',
    chat: 'ship repair at den',
    test: (e) => e.kind === 'repair' && (num(e, 'boat_repaired') ?? 0) > 0,
  },
  {
    id: 'overseas',
    noun: 'a sale overseas from Port Logic',
    chat: 'overseas sale',
    test: (e) =>
      e.town === 'port-logic' &&
      e.kind === 'trade' &&
      e.data.to === 'overseas' &&
      (num(e, 'value_gold') ?? 0) > 0,
  },
];

// ---------------------------------------------------------------- checks

const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');

/** Names every day of `set` and no other day strictly inside the range; "none" when the set is empty. */
function daysExactly(set: number[], a: number, b: number) {
  return (r: Reply): string | null => {
    for (const d of set) {
      const bad = namesDay(r.answer, d);
      if (bad) return bad;
    }
    const inSet = new Set(set);
    for (let d = a; d <= b; d++) {
      if (inSet.has(d) || d === a || d === b) continue;
      if (dayRe(d).test(r.answer)) return `names day ${d}, which is not one of them`;
    }
    if (set.length === 0 && !/\b(no|none|never|not|zero|0)\b/i.test(r.answer))
      return 'does not say there were none';
    return null;
  };
}

const RISE = /\b(ris(e|es|ing)|rose|increas\w*|up(ward)?|climb\w*|grow\w*|grew|higher)\b/i;
const FALL = /\b(fall(s|ing)?|fell|decreas\w*|down(ward)?|declin\w*|drop\w*|lower)\b/i;

function nearEdge(v: number, d: number): boolean {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
}

// ---------------------------------------------------------------- the set

export function buildNaturalI(events: RawEvent[], today: number): Case[] {
  const N = today;
  const rng = mulberry32(hashEvents(events));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const chance = (p: number) => rng() < p;

  const byKind = new Map<string, RawEvent[]>();
  const townDays = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}|${e.kind}`;
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k)?.push(e);
    if (!townDays.has(e.town)) townDays.set(e.town, new Set());
    townDays.get(e.town)?.add(e.day);
  }
  const kindEvents = (town: string, kind: string) => byKind.get(`${town}|${kind}`) ?? [];
  const inR = (r: Range) => (e: RawEvent) => e.day >= r.a && e.day <= r.b;
  const clampR = (r: Range): Range | undefined => {
    if (r.a < 1 || r.b > N || r.a > r.b) return undefined;
    return r;
  };
  const range = (kinds: readonly string[]) => clampR(makeRange(rng, N, pick(kinds)));
  const voice = (): Voice => pick(['hist', 'hist', 'chat', 'econ'] as Voice[]);
  const rp = (r: Range, v: Voice) => r[v];

  const outVals = (o: Output, r: Range) =>
    kindEvents(o.town, o.kind)
      .filter(inR(r))
      .filter((e) => num(e, o.key) !== undefined);
  const dailySum = (es: RawEvent[], key: string) => {
    const m = new Map<number, number>();
    for (const e of es) m.set(e.day, (m.get(e.day) ?? 0) + (num(e, key) ?? 0));
    return m;
  };
  const dailyMean = (es: RawEvent[], key: string) => {
    const s = new Map<number, [number, number]>();
    for (const e of es) {
      const v = num(e, key);
      if (v === undefined) continue;
      const c = s.get(e.day) ?? [0, 0];
      c[0] += v;
      c[1]++;
      s.set(e.day, c);
    }
    return new Map([...s].map(([d, [t, n]]) => [d, t / n]));
  };
  const sensors = (t: string, r: Range) => kindEvents(t, 'sensor').filter(inR(r));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const mean = (xs: number[]) => sum(xs) / xs.length;
  /** The unique extreme of a map, or undefined on a tie. */
  const argExt = (m: Map<number | string, number>, hi: boolean) => {
    const entries = [...m].sort((x, y) => (hi ? y[1] - x[1] : x[1] - y[1]));
    const [first, second] = entries;
    if (!first) return undefined;
    if (second && Math.abs(first[1] - second[1]) < 1e-9) return undefined;
    return { key: first[0], value: first[1] };
  };
  const slope = (m: Map<number, number>) => {
    const xs = [...m.keys()];
    const ys = xs.map((x) => m.get(x) as number);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
      sxx += ((xs[i] as number) - mx) ** 2;
    }
    return sxx === 0 ? Number.NaN : sxy / sxx;
  };
  const pearson = (a: Map<number, number>, b: Map<number, number>) => {
    const days = [...a.keys()].filter((d) => b.has(d));
    if (days.length < 5) return Number.NaN;
    const xs = days.map((d) => a.get(d) as number);
    const ys = days.map((d) => b.get(d) as number);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
      sxx += ((xs[i] as number) - mx) ** 2;
      syy += ((ys[i] as number) - my) ** 2;
    }
    return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
  };
  const fmt = (v: number, d: number) => round(v, d).toFixed(d);
  const daysIn = (r: Range, t: string) => {
    const s = townDays.get(t) ?? new Set();
    let n = 0;
    for (let d = r.a; d <= r.b; d++) if (s.has(d)) n++;
    return n;
  };
  const happenDays = (h: Happening, r: Range) => {
    const s = new Set<number>();
    for (const e of events) if (e.day >= r.a && e.day <= r.b && h.test(e)) s.add(e.day);
    return s;
  };
  const span = (r: Range) => (r.a === r.b ? `day ${r.a}` : `days ${r.a}–${r.b}`);

  const cases: (Case & { typo?: string })[] = [];
  const seen = new Set<string>();
  const add = (
    form: string,
    question: string,
    truth: string,
    check: (r: Reply) => string | null,
  ): boolean => {
    const q = question
      .replace(/\s+/g, ' ')
      .replace(/ ([,?.])/g, '$1')
      .trim();
    if (seen.has(q)) return false;
    seen.add(q);
    cases.push({ form, question: q, truth, check: (reply) => check(reply) });
    return true;
  };

  // ---------------------------------------------------------- extreme-day
  const extremeDayOutput = (): boolean => {
    const o = pick(OUTPUTS);
    const r = range(WIDE);
    if (!r || r.b - r.a < 2) return false;
    const daily = dailySum(outVals(o, r), o.key);
    const hi = chance(0.7);
    const ext = argExt(daily, hi);
    if (!ext || (!hi && ext.value === 0 && o.key === 'raid_gold')) return false;
    const day = ext.key as number;
    const v = voice();
    const p = rp(r, v);
    const most = hi ? 'most' : o.few;
    const withValue = chance(0.5);
    let q: string;
    if (v === 'hist')
      q = pick([
        `${lead(p)}on which day ${o.did(most)}${withValue ? ', and how much was it' : ''}?`,
        `On which day${tail(p)} ${o.did(most)}${withValue ? ", and what was that day's total" : ''}?`,
        `Of all the days${tail(p)}, which was the ${hi ? 'best' : 'worst'} for ${o.what}${withValue ? ', and what did it come to' : ''}?`,
      ]);
    else if (v === 'chat')
      q = pick([
        `${hi ? 'best' : 'worst'} ${o.chat} day ${p}${withValue ? ' + how much' : ''}?`,
        `${p ? `${p} ` : ''}which day ${hi ? 'most' : 'least'} ${o.chat}${withValue ? ' and how many' : ''}`,
        `${hi ? 'record' : 'slowest'} day for ${o.chat} ${p}${withValue ? ', total?' : '?'}`,
      ]);
    else
      q = pick([
        `Which day${tail(p)} had the ${hi ? 'highest' : 'lowest'} daily total of ${o.what}${withValue ? ', and what was the total' : ''}?`,
        `${lead(p)}what was the ${hi ? 'busiest' : 'slowest'} day for ${o.what}${withValue ? ', and how much was produced that day' : ''}?`,
      ]);
    return add(
      'extreme-day',
      q,
      `day ${day}: ${fmt(ext.value, o.dec)} ${o.unit} (${hi ? 'max' : 'min'} daily total, ${span(r)})`,
      (rep) => all(namesDay(rep.answer, day), withValue ? states(rep.answer, ext.value, o.dec) : null),
    );
  };

  const extremeDayReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const r = range(WIDE);
    if (!r || r.b - r.a < 2) return false;
    const daily = dailyMean(sensors(t, r), rd.key);
    const hi = chance(0.5);
    const ext = argExt(daily, hi);
    if (!ext || nearEdge(ext.value, rd.dec)) return false;
    const day = ext.key as number;
    const v = voice();
    const p = rp(r, v);
    const word = hi ? rd.hi : rd.lo;
    const withValue = chance(0.4);
    let q: string;
    if (v === 'hist')
      q = pick([
        `${lead(p)}which was the ${word} day at ${TOWN_NAMES[t]}${withValue ? `, and what was its mean ${rd.label}` : ''}?`,
        `At ${TOWN_NAMES[t]}, which day${tail(p)} had the ${hi ? 'highest' : 'lowest'} average ${rd.label}${withValue ? ', and what was that average' : ''}?`,
      ]);
    else if (v === 'chat')
      q = `${hi ? rd.chatHi : rd.chatLo} day at ${CHAT_TOWN[t]} ${p}${withValue ? ' and avg?' : '?'}`;
    else
      q = `Which day${tail(p)} had the ${hi ? 'highest' : 'lowest'} daily mean ${rd.label} at ${TOWN_NAMES[t]}${withValue ? ', and what was the mean' : ''}?`;
    return add(
      'extreme-day',
      q,
      `day ${day}: mean ${rd.label} ${fmt(ext.value, rd.dec + 1)} ${rd.unit} (${span(r)})`,
      (rep) => all(namesDay(rep.answer, day), withValue ? states(rep.answer, ext.value, rd.dec) : null),
    );
  };

  const extremeDayRain = (): boolean => {
    const t = pick(TOWNS);
    const r = range(WIDE);
    if (!r || r.b - r.a < 2) return false;
    const daily = dailySum(sensors(t, r), 'rain_mm');
    const ext = argExt(daily, true);
    if (!ext || ext.value <= 0) return false;
    const day = ext.key as number;
    const v = voice();
    const p = rp(r, v);
    const withValue = chance(0.5);
    const q =
      v === 'hist'
        ? pick([
            `${lead(p)}on which day did the most rain fall at ${TOWN_NAMES[t]}${withValue ? ', and how much fell' : ''}?`,
            `Which was the wettest day at ${TOWN_NAMES[t]}${tail(p)}${withValue ? ', and how many millimetres fell that day' : ''}?`,
          ])
        : v === 'chat'
          ? `wettest day at ${CHAT_TOWN[t]} ${p}${withValue ? ' how many mm' : ''}?`
          : `Which day${tail(p)} recorded the largest rainfall total at ${TOWN_NAMES[t]}${withValue ? ', and what was it' : ''}?`;
    return add('extreme-day', q, `day ${day}: ${fmt(ext.value, 1)} mm of rain (${span(r)})`, (rep) =>
      all(namesDay(rep.answer, day), withValue ? states(rep.answer, ext.value, 1) : null),
    );
  };

  // ---------------------------------------------------------- both
  const both = (): boolean => {
    const h1 = pick(HAPPENINGS);
    const h2 = pick(HAPPENINGS);
    if (h1.id === h2.id) return false;
    const r = range(['between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole']);
    if (!r || r.b - r.a < 2) return false;
    const d1 = happenDays(h1, r);
    const d2 = happenDays(h2, r);
    const set = [...d1].filter((d) => d2.has(d)).sort((x, y) => x - y);
    if (set.length > 8) return false;
    if (set.length === 0 && chance(0.92)) return false;
    const v = voice();
    const p = rp(r, v);
    let q: string;
    if (v === 'hist')
      q = pick([
        `${lead(p)}on which days was there both ${h1.noun} and ${h2.noun}?`,
        `Which days${tail(p)} saw ${h1.noun} and, on the same day, ${h2.noun}?`,
        `I should like to know every day${tail(p)} on which there was ${h1.noun} as well as ${h2.noun}.`,
      ]);
    else if (v === 'chat')
      q = pick([
        `any day ${p} both ${h1.chat} and ${h2.chat}?`,
        `${h1.chat} + ${h2.chat} same day ${p}? which days`,
        `days w/ ${h1.chat} and ${h2.chat} ${p}`,
      ]);
    else
      q = pick([
        `List the days${tail(p)} on which there was both ${h1.noun} and ${h2.noun}.`,
        `${lead(p)}on what days did ${h1.noun} coincide with ${h2.noun}?`,
      ]);
    return add(
      'both',
      q,
      set.length ? `${set.map((d) => `day ${d}`).join(', ')} (${span(r)})` : `none (${span(r)})`,
      daysExactly(set, r.a, r.b),
    );
  };

  // ---------------------------------------------------------- days
  const daysHappen = (): boolean => {
    const h = pick(HAPPENINGS);
    const r = range(WIDE);
    if (!r || r.b - r.a < 2) return false;
    const n = happenDays(h, r).size;
    const not = chance(0.3);
    const total = r.b - r.a + 1;
    const count = not ? total - n : n;
    if (count === 0) return false;
    const v = voice();
    const p = rp(r, v);
    const bare = h.noun.replace(/^(a|an) /, '');
    let q: string;
    if (v === 'hist')
      q = not
        ? pick([
            `${lead(p)}on how many days was there no ${bare}?`,
            `How many days${tail(p)} passed without ${h.noun}?`,
          ])
        : pick([
            `${lead(p)}on how many days was there ${h.noun}?`,
            `On how many separate days${tail(p)} was there ${h.noun}?`,
          ]);
    else if (v === 'chat') q = not ? `how many days no ${h.chat} ${p}` : `how many days ${h.chat} ${p}?`;
    else
      q = not
        ? `Count the days${tail(p)} without ${h.noun}.`
        : `How many distinct days${tail(p)} had ${h.noun}?`;
    return add('days', q, `${count} days (${not ? 'without' : 'with'}; ${span(r)})`, (rep) =>
      states(rep.answer, count, 0),
    );
  };

  const daysThreshold = (): boolean => {
    const isOut = chance(0.6);
    const r = range(['between', 'week', 'lastk', 'lastmonth', 'thismonth', 'whole', 'lastweek']);
    if (!r || r.b - r.a < 3) return false;
    let daily: Map<number, number>;
    let what: string;
    let chatWhat: string;
    let unit: string;
    let dec: number;
    if (isOut) {
      const o = pick(OUTPUTS.filter((x) => x.key !== 'raid_gold' && x.key !== 'learned'));
      daily = dailySum(outVals(o, r), o.key);
      what = o.what;
      chatWhat = o.chat;
      unit = o.unit;
      dec = o.dec;
    } else {
      const t = pick(TOWNS);
      const rd = pick(READINGS.filter((x) => !x.only || x.only === t));
      daily = dailyMean(sensors(t, r), rd.key);
      what = `the mean ${rd.label} at ${TOWN_NAMES[t]}`;
      chatWhat = `${CHAT_TOWN[t]} ${rd.label}`;
      unit = rd.unit;
      dec = rd.dec;
    }
    const vals = [...daily.values()].sort((a, b) => a - b);
    if (vals.length < 4) return false;
    const q0 = vals[Math.floor(vals.length * (0.3 + 0.4 * rng()))] as number;
    const step = dec === 0 ? (q0 > 100 ? 10 : 1) : dec === 1 ? 0.5 : 0.05;
    const thr = Number((Math.round(q0 / step) * step).toFixed(dec === 0 ? 0 : 2));
    if (vals.some((x) => Math.abs(x - thr) < 1e-9)) return false;
    const above = chance(0.6);
    const count = vals.filter((x) => (above ? x > thr : x < thr)).length;
    if (count === 0) return false;
    const v = voice();
    const p = rp(r, v);
    const dir = above ? pick(['more than', 'above']) : pick(['less than', 'below']);
    const q =
      v === 'hist'
        ? isOut
          ? `${lead(p)}on how many days did the day's total of ${what} come to ${dir} ${thr} ${unit}?`
          : `${lead(p)}on how many days was the daily ${what.replace(/^the /, '')} ${dir} ${thr} ${unit}?`
        : v === 'chat'
          ? `days ${p} w/ ${chatWhat} ${above ? 'over' : 'under'} ${thr}?`
          : `On how many days${tail(p)} was ${isOut ? 'the daily total of ' : 'the daily '}${isOut ? what : what.replace(/^the /, '')} ${dir} ${thr} ${unit}?`;
    return add('days', q, `${count} days (${above ? '>' : '<'} ${thr}, ${span(r)})`, (rep) =>
      states(rep.answer, count, 0),
    );
  };

  // ---------------------------------------------------------- compare
  const compareRanges = (): boolean => {
    const useOut = chance(0.6);
    const [r1, r2] = (() => {
      const k = pick(['weeks', 'months', 'weeks2', 'days']);
      if (k === 'weeks') {
        const w = 1 + Math.floor(rng() * 6);
        return [makeRange(() => (w - 1 + 0.5) / 7, N, 'week'), makeRange(() => (w + 0.5) / 7, N, 'week')];
      }
      if (k === 'weeks2') return [makeRange(rng, N, 'lastweek'), makeRange(rng, N, 'thisweek')];
      if (k === 'months') return [makeRange(rng, N, 'lastmonth'), makeRange(rng, N, 'thismonth')];
      return [makeRange(rng, N, 'day'), makeRange(rng, N, 'day')];
    })();
    if (!clampR(r1) || !clampR(r2) || r1.a === r2.a) return false;
    // Fix the week phrases to the same style.
    let val1: number;
    let val2: number;
    let what: string;
    let unit: string;
    let dec: number;
    let chatWhat: string;
    let t: Town;
    if (useOut) {
      const o = pick(OUTPUTS);
      t = o.town;
      val1 = sum(outVals(o, r1).map((e) => num(e, o.key) ?? 0));
      val2 = sum(outVals(o, r2).map((e) => num(e, o.key) ?? 0));
      what = o.what;
      unit = o.unit;
      dec = o.dec;
      chatWhat = o.chat;
    } else {
      t = pick(TOWNS);
      const rain = chance(0.3);
      if (rain) {
        val1 = sum(sensors(t, r1).map((e) => num(e, 'rain_mm') ?? 0));
        val2 = sum(sensors(t, r2).map((e) => num(e, 'rain_mm') ?? 0));
        what = `rain at ${TOWN_NAMES[t]}`;
        unit = 'mm';
        dec = 1;
        chatWhat = `rain ${CHAT_TOWN[t]}`;
      } else {
        const rd = pick(READINGS.filter((x) => !x.only || x.only === t));
        val1 = mean(sensors(t, r1).map((e) => num(e, rd.key) ?? 0));
        val2 = mean(sensors(t, r2).map((e) => num(e, rd.key) ?? 0));
        what = `the ${rd.label} at ${TOWN_NAMES[t]}`;
        unit = rd.unit;
        dec = rd.dec;
        chatWhat = `${CHAT_TOWN[t]} ${rd.label}`;
        if (nearEdge(val1, dec) || nearEdge(val2, dec)) return false;
      }
    }
    if (!Number.isFinite(val1) || !Number.isFinite(val2)) return false;
    if (useOut && (val1 === 0 || val2 === 0)) return false;
    if (round(val1, dec) === round(val2, dec)) return false;
    const v = voice();
    const p1 = r1[v];
    const p2 = r2[v];
    const diffQ = useOut && chance(0.4) && val1 > 0 && val2 > 0;
    const hiFirst = val1 > val2;
    const [big, small] = hiFirst ? [p1, p2] : [p2, p1];
    const diff = Math.abs(val1 - val2);
    if (diffQ) {
      if (nearEdge(diff, dec)) return false;
      const q =
        v === 'chat'
          ? `how much more ${chatWhat} ${big} than ${small}?`
          : v === 'hist'
            ? `By how much did the ${what} ${big} exceed the figure ${small}?`
            : `What was the difference in ${what} between ${big.replace(/^(in|during|on) /, '')} and ${small.replace(/^(in|during|on) /, '')}?`;
      return add(
        'compare',
        q,
        `${fmt(diff, dec)} ${unit} more (${fmt(Math.max(val1, val2), dec)} vs ${fmt(Math.min(val1, val2), dec)})`,
        (rep) => states(rep.answer, diff, dec),
      );
    }
    const q =
      v === 'chat'
        ? `${chatWhat} ${p1} vs ${p2} which more?`
        : v === 'hist'
          ? useOut
            ? `Was there more ${what} ${p1} or ${p2}?`
            : unit === 'mm'
              ? `Did more rain fall at ${TOWN_NAMES[t]} ${p1} or ${p2}?`
              : `Was ${what} higher ${p1} or ${p2}?`
          : `Compare ${what} ${p1} with ${p2}: which was higher, and by what figures?`;
    return add('compare', q, `${hiFirst ? p1 : p2}: ${fmt(val1, dec)} vs ${fmt(val2, dec)} ${unit}`, (rep) =>
      all(states(rep.answer, val1, dec), states(rep.answer, val2, dec)),
    );
  };

  const compareTowns = (): boolean => {
    const t1 = pick(TOWNS);
    const t2 = pick(TOWNS);
    if (t1 === t2) return false;
    const r = range(ANY);
    if (!r) return false;
    const what = pick(['temp', 'rain', 'wind', 'humidity', 'trade', 'loss']);
    let a: number;
    let b: number;
    let dec: number;
    let unit: string;
    let hist: string;
    let chat: string;
    if (what === 'trade' || what === 'loss') {
      const ts = ['port-logic', 'patchbourough', 'circuiton'];
      if (!ts.includes(t1) || !ts.includes(t2)) return false;
      const kind = what === 'trade' ? 'trade' : 'loss';
      const key = what === 'trade' ? 'value_gold' : 'loot_gold';
      const f = (t: string) =>
        sum(
          kindEvents(t, kind)
            .filter(inR(r))
            .filter((e) => (what === 'trade' ? e.data.from === t : true))
            .map((e) => num(e, key) ?? 0),
        );
      a = f(t1);
      b = f(t2);
      dec = 0;
      unit = 'gold';
      hist = what === 'trade' ? 'earn more gold from its sales' : 'lose more gold to the pirates';
      chat = what === 'trade' ? 'sales gold' : 'gold lost to pirates';
      if (a === 0 || b === 0) return false;
    } else {
      const key =
        what === 'temp'
          ? 'temperature_c'
          : what === 'rain'
            ? 'rain_mm'
            : what === 'wind'
              ? 'wind_kph'
              : 'humidity_pct';
      dec = what === 'humidity' ? 0 : 1;
      const f = (t: string) => {
        const xs = sensors(t, r).map((e) => num(e, key) ?? 0);
        return what === 'rain' ? sum(xs) : mean(xs);
      };
      a = f(t1);
      b = f(t2);
      unit = what === 'temp' ? '°C' : what === 'rain' ? 'mm' : what === 'wind' ? 'km/h' : '%';
      hist =
        what === 'temp'
          ? 'was warmer'
          : what === 'rain'
            ? 'got more rain'
            : what === 'wind'
              ? 'was windier'
              : 'was more humid';
      chat =
        what === 'temp' ? 'warmer' : what === 'rain' ? 'wetter' : what === 'wind' ? 'windier' : 'more humid';
      if (what === 'rain' && a === 0 && b === 0) return false;
      if (what !== 'rain' && (nearEdge(a, dec) || nearEdge(b, dec))) return false;
    }
    if (!Number.isFinite(a) || !Number.isFinite(b) || round(a, dec) === round(b, dec)) return false;
    const win = a > b ? t1 : t2;
    const v = voice();
    const p = rp(r, v);
    const isDid = /^(earn|lose)/.test(hist);
    const q =
      v === 'hist'
        ? isDid
          ? `${lead(p)}did ${TOWN_NAMES[t1]} or ${TOWN_NAMES[t2]} ${hist}?`
          : `${lead(p)}which ${hist}, ${TOWN_NAMES[t1]} or ${TOWN_NAMES[t2]}?`
        : v === 'chat'
          ? `${CHAT_TOWN[t1]} vs ${CHAT_TOWN[t2]} ${p} who ${chat}`
          : `Setting ${TOWN_NAMES[t1]} against ${TOWN_NAMES[t2]}${tail(p)}, which ${isDid ? hist.replace('earn', 'earned').replace('lose', 'lost') : hist}, and by how much?`;
    return add(
      'compare',
      q,
      `${TOWN_NAMES[win]}: ${fmt(a, dec)} vs ${fmt(b, dec)} ${unit} (${span(r)})`,
      (rep) => all(namesTown(rep.answer, win), states(rep.answer, a, dec), states(rep.answer, b, dec)),
    );
  };

  const compareRatio = (): boolean => {
    const o = pick(OUTPUTS.filter((x) => x.dense || x.key === 'nets' || x.key === 'trinkets'));
    const r1 = clampR(makeRange(rng, N, 'lastmonth'));
    const wa = 1 + Math.floor(rng() * 6);
    const wb = 1 + Math.floor(rng() * 7);
    if (wa === wb || !r1) return false;
    const ra = makeRange(() => (wa - 0.5) / 7, N, 'week');
    const rb = makeRange(() => (wb - 0.5) / 7, N, 'week');
    const a = sum(outVals(o, ra).map((e) => num(e, o.key) ?? 0));
    const b = sum(outVals(o, rb).map((e) => num(e, o.key) ?? 0));
    if (a === 0 || b === 0) return false;
    const ratio = a / b;
    if (nearEdge(ratio, 2)) return false;
    const q = pick([
      `What is the ratio of ${o.what} in week ${wa} to that in week ${wb}?`,
      `How many times as much ${o.what.replace(/^(\w+)/, '$1')} was there in week ${wa} as in week ${wb}? Give the ratio to two decimals.`,
    ]);
    return add('compare', q, `ratio ${fmt(ratio, 3)} (${fmt(a, o.dec)} / ${fmt(b, o.dec)})`, (rep) =>
      states(rep.answer, ratio, 2),
    );
  };

  // ---------------------------------------------------------- trend
  const trend = (): boolean => {
    const r = range(['lastk', 'lastmonth', 'thismonth', 'between', 'whole', 'week']);
    if (!r || r.b - r.a < 5) return false;
    let daily: Map<number, number>;
    let hist: string;
    let chat: string;
    let t: string;
    if (chance(0.5)) {
      const o = pick(OUTPUTS.filter((x) => x.dense));
      daily = dailySum(outVals(o, r), o.key);
      hist = `the daily ${o.what}`;
      chat = `${o.chat}/day`;
      t = o.town;
    } else {
      t = pick(TOWNS);
      const rd = pick(READINGS.filter((x) => !x.only || x.only === t));
      daily = dailyMean(sensors(t, r), rd.key);
      hist = `the ${rd.label} at ${TOWN_NAMES[t]}`;
      chat = `${CHAT_TOWN[t]} ${rd.label}`;
    }
    if (daily.size !== r.b - r.a + 1) return false;
    const s = slope(daily);
    if (!Number.isFinite(s) || Math.abs(s) < 0.015 || nearEdge(s, 2)) return false;
    const v = voice();
    const p = rp(r, v);
    const dirQ = chance(0.4);
    const q = dirQ
      ? v === 'chat'
        ? `${chat} going up or down ${p}? slope?`
        : `${lead(p)}was ${hist} rising or falling, and at what slope per day?`
      : v === 'hist'
        ? `${lead(p)}at what rate per day did ${hist} change, taking the least-squares trend?`
        : v === 'chat'
          ? `trend ${chat} ${p}?`
          : `What is the least-squares slope per day of ${hist}${tail(p)}?`;
    return add(
      'trend',
      q,
      `slope ${fmt(s, 3)} per day (${s > 0 ? 'rising' : 'falling'}; ${span(r)})`,
      (rep) =>
        all(
          states(rep.answer, s, 2),
          dirQ
            ? (s > 0 ? RISE : FALL).test(rep.answer)
              ? null
              : `does not say ${s > 0 ? 'rising' : 'falling'}`
            : null,
        ),
    );
  };

  const trendTowns = (): boolean => {
    const r = range(['lastk', 'lastmonth', 'thismonth', 'whole', 'between']);
    if (!r || r.b - r.a < 5) return false;
    const rd = pick(READINGS.filter((x) => !x.only));
    const ss = new Map<string, number>();
    for (const t of TOWNS) {
      const d = dailyMean(sensors(t, r), rd.key);
      if (d.size !== r.b - r.a + 1) return false;
      ss.set(t, slope(d));
    }
    const hi = chance(0.5);
    const ext = argExt(ss as Map<string, number>, hi);
    if (!ext) return false;
    const sorted = [...ss.values()].sort((a, b) => (hi ? b - a : a - b));
    if (Math.abs((sorted[0] ?? 0) - (sorted[1] ?? 0)) < 0.005) return false;
    if (hi ? ext.value <= 0 : ext.value >= 0) return false;
    const t = ext.key as string;
    const v = voice();
    const p = rp(r, v);
    const verb = hi ? 'rise' : 'fall';
    const q =
      v === 'hist'
        ? `${lead(p)}whose ${rd.label} did ${verb} fastest among the four towns?`
        : v === 'chat'
          ? `which town ${rd.label} ${hi ? 'rising' : 'dropping'} fastest ${p}`
          : `Which town's ${rd.label} ${hi ? 'rose' : 'fell'} fastest${tail(p)}, by least-squares slope per day?`;
    return add('trend', q, `${TOWN_NAMES[t]} (slope ${fmt(ext.value, 3)}/day; ${span(r)})`, (rep) =>
      namesTown(rep.answer, t),
    );
  };

  // ---------------------------------------------------------- extreme-event
  const extremeEvent = (): boolean => {
    const r = range(ANY);
    if (!r) return false;
    const k = pick(['out', 'out', 'raid', 'sale', 'loss', 'reading']);
    let es: RawEvent[];
    let key: string;
    let dec: number;
    let q: string;
    let unit: string;
    const v = voice();
    const p = rp(r, v);
    if (k === 'out' || k === 'raid') {
      const o =
        k === 'raid'
          ? (OUTPUTS.find((x) => x.key === 'raid_gold') as Output)
          : pick(OUTPUTS.filter((x) => x.key !== 'learned'));
      es = outVals(o, r);
      key = o.key;
      dec = o.dec;
      unit = o.unit;
      q =
        k === 'raid'
          ? v === 'hist'
            ? `${lead(p)}what is the largest amount of gold the pirates took in a single raid?`
            : v === 'chat'
              ? `biggest raid ${p} how much gold`
              : `What was the richest single raid${tail(p)}, in gold?`
          : v === 'hist'
            ? `${lead(p)}how large was ${o.one}?`
            : v === 'chat'
              ? `biggest single ${o.single} ${p}? (${o.chat})`
              : `What was ${o.one}${tail(p)}?`;
    } else if (k === 'sale') {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      es = kindEvents(t, 'trade')
        .filter(inR(r))
        .filter((e) => e.data.from === t);
      key = 'value_gold';
      dec = 0;
      unit = 'gold';
      q =
        v === 'hist'
          ? `${lead(p)}what was the richest single sale that ${TOWN_NAMES[t]} made?`
          : v === 'chat'
            ? `${CHAT_TOWN[t]} biggest sale ${p}?`
            : `What was the largest single sale by ${TOWN_NAMES[t]}${tail(p)}, in gold?`;
    } else if (k === 'loss') {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      es = kindEvents(t, 'loss').filter(inR(r));
      key = 'loot_gold';
      dec = 0;
      unit = 'gold';
      q =
        v === 'hist'
          ? `When the pirates robbed ${TOWN_NAMES[t]}${tail(p)}, what was the most gold lost in any one robbery?`
          : v === 'chat'
            ? `worst robbery ${CHAT_TOWN[t]} ${p} gold?`
            : `What was the largest single loss of gold to pirates suffered by ${TOWN_NAMES[t]}${tail(p)}?`;
    } else {
      const t = pick(TOWNS);
      const rd = pick(READINGS.filter((x) => (!x.only || x.only === t) && x.key !== 'humidity_pct'));
      es = sensors(t, r);
      key = rd.key;
      dec = rd.dec;
      unit = rd.unit;
      const hi = chance(0.6);
      const vals = es.map((e) => num(e, key) ?? 0);
      if (vals.length === 0) return false;
      const val = hi ? Math.max(...vals) : Math.min(...vals);
      const word = hi ? 'highest' : 'lowest';
      q =
        v === 'hist'
          ? `${lead(p)}what was the ${word} ${rd.label} ever read at ${TOWN_NAMES[t]}?`.replace(
              ' ever read',
              r.whole ? ' ever read' : ' read',
            )
          : v === 'chat'
            ? `${word} ${rd.label} reading ${CHAT_TOWN[t]} ${p}`
            : `What was the ${word} single ${rd.label} reading at ${TOWN_NAMES[t]}${tail(p)}?`;
      return add('extreme-event', q, `${fmt(val, dec)} ${unit} (${word} reading, ${span(r)})`, (rep) =>
        states(rep.answer, val, dec),
      );
    }
    const vals = es.map((e) => num(e, key) ?? 0);
    if (vals.length === 0) return false;
    const val = Math.max(...vals);
    if (val <= 0) return false;
    return add('extreme-event', q, `${fmt(val, dec)} ${unit} (largest single event, ${span(r)})`, (rep) =>
      states(rep.answer, val, dec),
    );
  };

  // ---------------------------------------------------------- which-day
  const whichDay = (): boolean => {
    const v = voice();
    if (chance(0.5)) {
      const h = pick(HAPPENINGS);
      const r = range(WIDE);
      if (!r || r.b - r.a < 2) return false;
      const ds = [...happenDays(h, r)].sort((a, b) => a - b);
      if (ds.length === 0) return false;
      const first = chance(0.5);
      const d = (first ? ds[0] : ds[ds.length - 1]) as number;
      const p = rp(r, v);
      const q =
        v === 'hist'
          ? `${lead(p)}on which day was there ${h.noun} for the ${first ? 'first' : 'last'} time?`
          : v === 'chat'
            ? `${first ? 'first' : 'last'} day ${h.chat} ${p}?`
            : `What was the ${first ? 'earliest' : 'most recent'} day${tail(p)} with ${h.noun}?`;
      return add(
        'which-day',
        q,
        `day ${d} (${first ? 'first' : 'last'} of ${ds.length}, ${span(r)})`,
        (rep) => namesDay(rep.answer, d),
      );
    }
    const r = range(WIDE);
    if (!r) return false;
    const o = pick(OUTPUTS.filter((x) => x.key !== 'learned'));
    const es = outVals(o, r);
    if (es.length === 0) return false;
    const max = Math.max(...es.map((e) => num(e, o.key) ?? 0));
    if (max <= 0) return false;
    const days = new Set(es.filter((e) => num(e, o.key) === max).map((e) => e.day));
    if (days.size !== 1) return false;
    const d = [...days][0] as number;
    const p = rp(r, v);
    const q =
      v === 'hist'
        ? `${lead(p)}on what day came ${o.one}?`
        : v === 'chat'
          ? `what day was the biggest ${o.single} (${o.chat}) ${p}`
          : `On which day${tail(p)} was ${o.one} recorded?`;
    return add('which-day', q, `day ${d} (${fmt(max, o.dec)} ${o.unit})`, (rep) => namesDay(rep.answer, d));
  };

  // ---------------------------------------------------------- which-town
  const whichTown = (): boolean => {
    const r = range(ANY);
    if (!r) return false;
    const k = pick(['rain', 'temp', 'cold', 'wind', 'loss', 'sales', 'robbed']);
    const vals = new Map<string, number>();
    const ts = k === 'loss' || k === 'sales' || k === 'robbed' ? TOWNS.slice(0, 3) : TOWNS;
    for (const t of ts) {
      if (k === 'rain') vals.set(t, sum(sensors(t, r).map((e) => num(e, 'rain_mm') ?? 0)));
      else if (k === 'temp' || k === 'cold')
        vals.set(t, mean(sensors(t, r).map((e) => num(e, 'temperature_c') ?? 0)));
      else if (k === 'wind') vals.set(t, mean(sensors(t, r).map((e) => num(e, 'wind_kph') ?? 0)));
      else if (k === 'loss')
        vals.set(
          t,
          sum(
            kindEvents(t, 'loss')
              .filter(inR(r))
              .map((e) => num(e, 'loot_gold') ?? 0),
          ),
        );
      else if (k === 'robbed') vals.set(t, kindEvents(t, 'loss').filter(inR(r)).length);
      else
        vals.set(
          t,
          sum(
            kindEvents(t, 'trade')
              .filter(inR(r))
              .filter((e) => e.data.from === t)
              .map((e) => num(e, 'value_gold') ?? 0),
          ),
        );
    }
    const ext = argExt(vals, k !== 'cold');
    if (!ext || !Number.isFinite(ext.value) || (k !== 'temp' && k !== 'cold' && ext.value <= 0)) return false;
    const t = ext.key as string;
    const v = voice();
    const p = rp(r, v);
    const hist: Record<string, string> = {
      rain: 'received the most rain',
      temp: 'was the warmest on average',
      cold: 'was the coldest on average',
      wind: 'was the windiest on average',
      loss: 'lost the most gold to the pirates',
      sales: 'earned the most gold from its sales',
      robbed: 'had its shipments robbed most often',
    };
    const chat: Record<string, string> = {
      rain: 'wettest town',
      temp: 'warmest town',
      cold: 'coldest town',
      wind: 'windiest town',
      loss: 'who lost most gold to pirates',
      sales: 'who made most gold selling',
      robbed: 'who got robbed most',
    };
    const q =
      v === 'hist'
        ? pick([`${lead(p)}which of the towns ${hist[k]}?`, `Which town ${hist[k]}${tail(p)}?`])
        : v === 'chat'
          ? `${chat[k]} ${p}?`
          : `Across the towns${tail(p)}, which one ${hist[k]}?`;
    return add(
      'which-town',
      q,
      `${TOWN_NAMES[t]} (${k === 'robbed' ? ext.value : fmt(ext.value, 1)}; ${span(r)})`,
      (rep) => namesTown(rep.answer, t),
    );
  };

  // ---------------------------------------------------------- who
  const WHO_ROLES: { q: string[]; person: string; job?: string }[] = [
    {
      q: [
        'Who is the miller at PatchBourough?',
        'who runs the mill in patch',
        'Who grinds the grain at the water mill?',
      ],
      person: 'Rosalind Grist',
    },
    {
      q: [
        'Who keeps the forge at PatchBourough?',
        'who is the blacksmith',
        'Who is the smith in the river town?',
      ],
      person: 'Garrick Stone',
    },
    {
      q: [
        'Who keeps the tavern on the pirate island?',
        'who pours the drinks at the den',
        'Who is the tavern keeper in the Den of Thieves?',
      ],
      person: 'Greta Grog',
    },
    {
      q: [
        'Who captains the pirates of the Den?',
        'who is the pirate captain',
        'Who commands the Black Gull?',
      ],
      person: 'Mara Blackwater',
    },
    { q: ['Who is the bosun of the Black Gull?', 'whos the bosun at the den'], person: 'Rook' },
    { q: ['Who makes the arrows in the Den of Thieves?', 'who is the fletcher'], person: 'Skiv' },
    { q: ["Who is Circuiton's apprentice tinkerer?", 'who makes the trinkets in circuiton'], person: 'John' },
    {
      q: ['Who is the assayer and trader of Circuiton?', 'who trades for circuiton'],
      person: 'Vera Crucible',
    },
    {
      q: ['Who is the quartermaster of the pirates?', 'who fences the stolen goods at the den'],
      person: 'One-Eyed Finn',
    },
  ];
  const JOBS: { q: string[]; job: string }[] = [
    { q: ['What does Garrick Stone do for a living?', 'garrick stone job?'], job: 'blacksmith' },
    { q: ['What is Rosalind Grist’s trade?', 'what does rosalind grist do'], job: 'miller' },
    { q: ['What does Maren Knot do in Port Logic?', 'maren knot job'], job: 'net' },
    { q: ['What is Silas Twine’s work?', 'silas twine what does he do'], job: 'rope' },
    { q: ['What does Greta Grog do on the island?', 'greta grog job?'], job: 'tavern' },
    { q: ['What is Bosun Rook’s job?'], job: 'bosun' },
    { q: ['What does Ida Pike do in Circuiton?', 'ida pike job'], job: 'miner' },
    { q: ['What does Master Elden Cogsworth do?'], job: 'teach' },
  ];
  let roleIdx = 0;
  const role = (): boolean => {
    roleIdx++;
    if (roleIdx % 2 === 0) {
      const w = pick(WHO_ROLES);
      const q = pick(w.q);
      return add('role', q, w.person, (rep) => names(rep.answer, w.person));
    }
    const j = pick(JOBS);
    const q = pick(j.q);
    return add('role', q, j.job, (rep) => names(rep.answer, j.job));
  };

  const who = (): boolean => {
    if (chance(0.3)) {
      const w = pick(WHO_ROLES);
      return add('who', pick(w.q), w.person, (rep) => names(rep.answer, w.person));
    }
    const r = range(WIDE);
    if (!r) return false;
    const spec = pick([
      {
        town: 'port-logic',
        kind: 'fishing',
        key: 'fish',
        hist: 'landed the most fish',
        chat: 'top fisher',
        dec: 0,
      },
      {
        town: 'circuiton',
        kind: 'mining',
        key: 'ore_tons',
        hist: 'mined the most ore',
        chat: 'top miner',
        dec: 2,
      },
      {
        town: 'patchbourough',
        kind: 'farming',
        key: 'harvest',
        hist: 'harvested the most grain',
        chat: 'top farmer',
        dec: 0,
      },
      {
        town: 'port-logic',
        kind: 'trade',
        key: 'value_gold',
        hist: "brought in the most gold in Port Logic's trade",
        chat: 'top trader at port (gold)',
        dec: 0,
      },
      {
        town: 'port-logic',
        kind: 'maritime',
        key: 'nets',
        hist: 'made the most nets at the loft',
        chat: 'who made most nets',
        dec: 0,
      },
      {
        town: 'circuiton',
        kind: 'education',
        key: 'learned',
        hist: 'taught the most pupils a craft',
        chat: 'best teacher by pupils',
        dec: 0,
      },
    ]);
    const by = new Map<string, number>();
    for (const e of kindEvents(spec.town, spec.kind).filter(inR(r))) {
      if (!e.actor) continue;
      if (spec.kind === 'trade' && e.data.from !== spec.town) continue;
      by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, spec.key) ?? 0));
    }
    if (by.size < 2) return false;
    const ext = argExt(by, true);
    if (!ext || ext.value <= 0) return false;
    const sorted = [...by.values()].sort((a, b) => b - a);
    if (round(sorted[0] ?? 0, spec.dec) === round(sorted[1] ?? 0, spec.dec)) return false;
    const v = voice();
    const p = rp(r, v);
    const q =
      v === 'chat'
        ? `${spec.chat} ${p}?`
        : v === 'hist'
          ? `${lead(p)}who ${spec.hist}?`
          : `Who ${spec.hist}${tail(p)}, and how much?`;
    const person = ext.key as string;
    return add('who', q, `${person} (${fmt(ext.value, spec.dec)}; ${span(r)})`, (rep) =>
      all(names(rep.answer, person), v === 'econ' ? states(rep.answer, ext.value, spec.dec) : null),
    );
  };

  // ---------------------------------------------------------- did
  const did = (): boolean => {
    const h = pick(HAPPENINGS);
    const r = range(ANY);
    if (!r) return false;
    const yes = happenDays(h, r).size > 0;
    const v = voice();
    const p = rp(r, v);
    const q =
      v === 'hist'
        ? pick([`${lead(p)}was there ${h.noun}?`, `Was there ${h.noun}${tail(p)}?`])
        : v === 'chat'
          ? `${h.chat} ${p}?? y/n`
          : `Did the record${tail(p)} show ${h.noun}?`;
    return add('did', q, `${yes ? 'yes' : 'no'} (${span(r)})`, (rep) => saysYes(rep.answer, yes));
  };

  // ---------------------------------------------------------- count
  const count = (): boolean => {
    const r = range(ANY);
    if (!r) return false;
    const k = pick(['raids', 'robbed', 'fine', 'empty', 'overseas', 'repairs', 'orders', 'arrivals']);
    const v = voice();
    const p = rp(r, v);
    let n: number;
    let q: string;
    if (k === 'raids') {
      n = kindEvents('den-of-thieves', 'raid')
        .filter(inR(r))
        .filter((e) => (num(e, 'raid_gold') ?? 0) > 0).length;
      q =
        v === 'chat'
          ? `how many raids ${p}`
          : `${lead(p)}how many raids did the pirates carry out that brought back gold?`;
    } else if (k === 'robbed') {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      n = kindEvents(t, 'loss').filter(inR(r)).length;
      q =
        v === 'chat'
          ? `${CHAT_TOWN[t]} robbed how many times ${p}`
          : `How many times${tail(p)} were ${TOWN_NAMES[t]}'s shipments robbed?`;
    } else if (k === 'fine' || k === 'empty') {
      n = kindEvents('port-logic', 'fishing')
        .filter(inR(r))
        .filter((e) => flag(e, k === 'fine' ? 'fine_haul' : 'empty_nets')).length;
      q =
        v === 'chat'
          ? `how many ${k === 'fine' ? 'fine hauls' : 'empty net trips'} ${p}`
          : `${lead(p)}how many times did a Port Logic boat come back with ${k === 'fine' ? 'a fine haul' : 'empty nets'}?`;
    } else if (k === 'overseas') {
      n = kindEvents('port-logic', 'trade')
        .filter(inR(r))
        .filter((e) => e.data.to === 'overseas' && (num(e, 'value_gold') ?? 0) > 0).length;
      q =
        v === 'chat'
          ? `how many overseas sales ${p}`
          : `How many sales did Port Logic make to ships from overseas${tail(p)}?`;
    } else if (k === 'repairs') {
      n = kindEvents('den-of-thieves', 'repair')
        .filter(inR(r))
        .filter((e) => (num(e, 'boat_repaired') ?? 0) > 0).length;
      q =
        v === 'chat'
          ? `black gull repairs ${p} how many`
          : `${lead(p)}how many times did the pirates repair the Black Gull?`;
    } else if (k === 'orders') {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      n = kindEvents(t, 'order').filter(inR(r)).length;
      q =
        v === 'chat'
          ? `${CHAT_TOWN[t]} orders for goods ${p} how many`
          : `How many orders did ${TOWN_NAMES[t]} send${tail(p)} for goods it was short of?`;
    } else {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      n = kindEvents(t, 'arrival').filter(inR(r)).length;
      q =
        v === 'chat'
          ? `shipments arrived at ${CHAT_TOWN[t]} ${p}?`
          : `${lead(p)}how many shipments arrived at ${TOWN_NAMES[t]}?`;
    }
    if (n === 0) return false;
    return add('count', q, `${n} (${span(r)})`, (rep) => states(rep.answer, n, 0));
  };

  // ---------------------------------------------------------- filter
  const filter = (): boolean => {
    const r = range(WIDE);
    if (!r) return false;
    const v = voice();
    const p = rp(r, v);
    const k = pick([
      'raidTarget',
      'lossGoods',
      'overseasCrates',
      'overseasGold',
      'importGold',
      'topGoods',
      'toTown',
    ]);
    if (k === 'raidTarget') {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      const n = sum(
        kindEvents('den-of-thieves', 'raid')
          .filter(inR(r))
          .filter((e) => e.data.target === t)
          .map((e) => num(e, 'raid_gold') ?? 0),
      );
      if (n === 0) return false;
      const q =
        v === 'hist'
          ? `${lead(p)}how much gold did the pirates take from ${TOWN_NAMES[t]}'s shipments?`
          : v === 'chat'
            ? `raids on ${CHAT_TOWN[t]} stuff ${p} how much gold`
            : `What was the total raid gold taken from ${TOWN_NAMES[t]}${tail(p)}?`;
      return add('filter', q, `${n} gold (${span(r)})`, (rep) => states(rep.answer, n, 0));
    }
    if (k === 'lossGoods') {
      const t = pick(['port-logic', 'patchbourough', 'circuiton']);
      const goods = [...new Set(kindEvents(t, 'loss').map((e) => String(e.data.goods)))];
      if (goods.length === 0) return false;
      const g = pick(goods);
      const n = sum(
        kindEvents(t, 'loss')
          .filter(inR(r))
          .filter((e) => e.data.goods === g)
          .map((e) => num(e, 'loot_gold') ?? 0),
      );
      if (n === 0) return false;
      const q =
        v === 'hist'
          ? `When ${TOWN_NAMES[t]}'s shipments of ${g} were robbed${tail(p)}, how much gold did it lose in total?`
          : v === 'chat'
            ? `${CHAT_TOWN[t]} ${g} robbed ${p} gold lost?`
            : `What was ${TOWN_NAMES[t]}'s total loss in gold on robbed ${g} shipments${tail(p)}?`;
      return add('filter', q, `${n} gold (${g}, ${span(r)})`, (rep) => states(rep.answer, n, 0));
    }
    const plTrade = kindEvents('port-logic', 'trade').filter(inR(r));
    if (k === 'overseasCrates' || k === 'overseasGold') {
      const goods = [
        ...new Set(
          kindEvents('port-logic', 'trade')
            .filter((e) => e.data.to === 'overseas')
            .map((e) => String(e.data.goods)),
        ),
      ];
      if (goods.length === 0) return false;
      const g = pick(goods);
      const es = plTrade.filter((e) => e.data.to === 'overseas' && e.data.goods === g);
      const key = k === 'overseasCrates' ? 'cargo_items' : 'value_gold';
      const n = sum(es.map((e) => num(e, key) ?? 0));
      if (n === 0) return false;
      const what = k === 'overseasCrates' ? 'crates' : 'gold';
      const q =
        v === 'hist'
          ? `${lead(p)}how many ${what === 'crates' ? 'crates of' : 'gold did'} ${g} ${what === 'crates' ? 'did Port Logic sell' : 'Port Logic earn selling'} overseas?`
          : v === 'chat'
            ? `${g} sold overseas ${p} ${what}?`
            : `What did Port Logic's overseas sales of ${g} come to${tail(p)}, in ${what}?`;
      return add(
        'filter',
        q.replace('how many gold did', 'how much gold did'),
        `${n} ${what} (${g} overseas, ${span(r)})`,
        (rep) => states(rep.answer, n, 0),
      );
    }
    if (k === 'importGold') {
      const g = pick(['spices', 'textiles', 'tools', 'grain']);
      const n = sum(
        plTrade
          .filter((e) => e.data.from === 'overseas' && e.data.goods === g)
          .map((e) => num(e, 'value_gold') ?? 0),
      );
      if (n === 0) return false;
      const q =
        v === 'chat'
          ? `gold port spent on ${g} from overseas ${p}`
          : `${lead(p)}how much gold did Port Logic pay for ${g} bought from overseas?`;
      return add('filter', q, `${n} gold (${g} imported, ${span(r)})`, (rep) => states(rep.answer, n, 0));
    }
    if (k === 'topGoods') {
      const by = new Map<string, number>();
      for (const e of kindEvents('den-of-thieves', 'raid').filter(inR(r))) {
        if ((num(e, 'raid_gold') ?? 0) <= 0) continue;
        const g = String(e.data.goods);
        by.set(g, (by.get(g) ?? 0) + 1);
      }
      const ext = argExt(by, true);
      if (!ext || by.size < 2) return false;
      const g = ext.key as string;
      const q =
        v === 'chat'
          ? `what do pirates steal most ${p}`
          : `${lead(p)}which goods did the pirates take most often in their raids?`;
      return add('filter', q, `${g} (${ext.value} raids; ${span(r)})`, (rep) => names(rep.answer, g));
    }
    const from = pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
    const to = pick(TOWNS.filter((t) => t !== from && t !== 'den-of-thieves'));
    const n = sum(
      kindEvents(from, 'trade')
        .filter(inR(r))
        .filter((e) => e.data.from === from && e.data.to === to)
        .map((e) => num(e, 'cargo_items') ?? 0),
    );
    if (n === 0) return false;
    const q =
      v === 'hist'
        ? `${lead(p)}how many crates did ${TOWN_NAMES[from]} send to ${TOWN_NAMES[to]}?`
        : v === 'chat'
          ? `crates ${CHAT_TOWN[from]} -> ${CHAT_TOWN[to]} ${p}`
          : `What number of crates went from ${TOWN_NAMES[from]} to ${TOWN_NAMES[to]}${tail(p)}?`;
    return add('filter', q, `${n} crates (${span(r)})`, (rep) => states(rep.answer, n, 0));
  };

  // ---------------------------------------------------------- mean / total / scope
  const meanQ = (): boolean => {
    const r = range(WIDE);
    if (!r) return false;
    const v = voice();
    const p = rp(r, v);
    const k = pick(['perDay', 'perEvent', 'reading']);
    if (k === 'reading') {
      const t = pick(TOWNS);
      const rd = pick(READINGS.filter((x) => !x.only || x.only === t));
      const m = mean(sensors(t, r).map((e) => num(e, rd.key) ?? 0));
      if (!Number.isFinite(m) || nearEdge(m, rd.dec)) return false;
      const q =
        v === 'chat'
          ? `avg ${rd.label} ${CHAT_TOWN[t]} ${p}`
          : `${lead(p)}what was the average ${rd.label} at ${TOWN_NAMES[t]}?`;
      return add('mean', q, `${fmt(m, rd.dec + 1)} ${rd.unit} (${span(r)})`, (rep) =>
        states(rep.answer, m, rd.dec),
      );
    }
    const o = pick(OUTPUTS.filter((x) => x.key !== 'raid_gold' || k === 'perEvent'));
    const es = outVals(o, r);
    if (es.length === 0) return false;
    const tot = sum(es.map((e) => num(e, o.key) ?? 0));
    if (tot === 0) return false;
    if (k === 'perDay') {
      const m = tot / daysIn(r, o.town);
      if (nearEdge(m, o.dec)) return false;
      const q =
        v === 'chat'
          ? `avg ${o.chat} per day ${p}`
          : `${lead(p)}what was the average daily amount of ${o.what}?`;
      return add('mean', q, `${fmt(m, o.dec + 1)} ${o.unit} per day (${span(r)})`, (rep) =>
        states(rep.answer, m, o.dec),
      );
    }
    const esP = o.key === 'raid_gold' ? es : es;
    const m = tot / esP.length;
    if (nearEdge(m, o.dec)) return false;
    const q =
      v === 'chat'
        ? `avg ${o.chat} per ${o.single} ${p}`
        : `${lead(p)}how much did each ${o.single} yield on average, in ${o.unit}?`.replace(
            'each raid yield',
            'each raid bring in',
          );
    return add('mean', q, `${fmt(m, o.dec + 1)} ${o.unit} per ${o.single} (${span(r)})`, (rep) =>
      states(rep.answer, m, o.dec),
    );
  };

  const totalQ = (scope: boolean): boolean => {
    const r = scope ? clampR(makeRange(rng, N, 'whole')) : range(ANY.filter((x) => x !== 'whole'));
    if (!r) return false;
    const v = voice();
    const p = scope ? pick(['so far', 'in all', 'ever', 'all told', '']) : rp(r, v);
    let tot: number;
    let dec: number;
    let unit: string;
    let q: string;
    if (chance(0.2)) {
      const t = pick(TOWNS);
      tot = sum(sensors(t, r).map((e) => num(e, 'rain_mm') ?? 0));
      dec = 1;
      unit = 'mm';
      q =
        v === 'chat'
          ? `how much rain ${CHAT_TOWN[t]} ${p}`
          : `How much rain has fallen at ${TOWN_NAMES[t]}${tail(p)}?`;
    } else {
      const o = pick(OUTPUTS.filter((x) => x.key !== 'learned'));
      tot = sum(outVals(o, r).map((e) => num(e, o.key) ?? 0));
      dec = o.dec;
      unit = o.unit;
      q =
        v === 'chat'
          ? `total ${o.chat} ${p}`
          : v === 'hist'
            ? `${lead(p)}what did the ${o.what} come to in all?`
            : `What was the total of ${o.what}${tail(p)}?`;
    }
    if (tot === 0) return false;
    return add(scope ? 'scope' : 'total', q, `${fmt(tot, dec)} ${unit} (${span(r)})`, (rep) =>
      states(rep.answer, tot, dec),
    );
  };

  // ---------------------------------------------------------- future
  const FUTURE = [
    'How many fish will Port Logic catch tomorrow?',
    'how much ore will circuiton mine next week',
    'Will it rain at PatchBourough on day 900?',
    'what will the pirates take in raids tomorrow?',
    'How many drinks will the Den pour on day 1000?',
    'Next week, which day will be the hottest at Circuiton?',
    'how much flour will the mill grind tomorrow',
    'What will the temperature be at Port Logic on day 950?',
  ];
  const future = (): boolean => {
    const q = pick(FUTURE);
    return add('future', q, 'not happened yet', (rep) => saysNotYet(rep.answer));
  };

  // ---------------------------------------------------------- correlate
  const correlate = (): boolean => {
    const r = range(['lastmonth', 'thismonth', 'whole', 'lastk']);
    if (!r || r.b - r.a < 9) return false;
    const pairs: [string, () => [Map<number, number>, Map<number, number>]][] = [
      [
        "Port Logic's fish per day and its mean wind speed",
        () => [
          dailySum(outVals(OUTPUTS[0] as Output, r), 'fish'),
          dailyMean(sensors('port-logic', r), 'wind_kph'),
        ],
      ],
      [
        "Port Logic's fish per day and its mean temperature",
        () => [
          dailySum(outVals(OUTPUTS[0] as Output, r), 'fish'),
          dailyMean(sensors('port-logic', r), 'temperature_c'),
        ],
      ],
      [
        "Circuiton's ore per day and its daily rain",
        () => [
          dailySum(outVals(OUTPUTS[1] as Output, r), 'ore_tons'),
          dailySum(sensors('circuiton', r), 'rain_mm'),
        ],
      ],
      [
        "the Den's drinks per day and its mean temperature",
        () => [
          dailySum(outVals(OUTPUTS[8] as Output, r), 'drinks'),
          dailyMean(sensors('den-of-thieves', r), 'temperature_c'),
        ],
      ],
      [
        'the temperature at Port Logic and at PatchBourough (daily means)',
        () => [
          dailyMean(sensors('port-logic', r), 'temperature_c'),
          dailyMean(sensors('patchbourough', r), 'temperature_c'),
        ],
      ],
    ];
    const [label, f] = pick(pairs);
    const [a, b] = f();
    const c = pearson(a, b);
    if (!Number.isFinite(c) || nearEdge(c, 2)) return false;
    const v = voice();
    const p = rp(r, v);
    const q =
      v === 'chat' ? `correlation ${label} ${p}?` : `${lead(p)}what is the correlation between ${label}?`;
    return add('correlate', q, `r = ${fmt(c, 3)} (${span(r)})`, (rep) => states(rep.answer, c, 2));
  };

  // ---------------------------------------------------------- assemble
  const plan: [number, () => boolean][] = [
    [20, extremeDayOutput],
    [14, extremeDayReading],
    [12, extremeDayRain],
    [36, both],
    [20, daysHappen],
    [10, daysThreshold],
    [18, compareRanges],
    [14, compareTowns],
    [4, compareRatio],
    [16, trend],
    [8, trendTowns],
    [26, extremeEvent],
    [16, whichDay],
    [16, whichTown],
    [14, who],
    [16, did],
    [14, count],
    [16, filter],
    [10, meanQ],
    [8, () => totalQ(false)],
    [6, () => totalQ(true)],
    [6, future],
    [6, role],
    [6, correlate],
  ];
  for (const [quota, gen] of plan) {
    let made = 0;
    for (let tries = 0; made < quota && tries < quota * 60; tries++) if (gen()) made++;
  }

  // Typos: about one question in eight.
  const SWAPS: [RegExp, string][] = [
    [/\bPatchBourough\b/, 'Patchborough'],
    [/\bCircuiton\b/, 'Circuton'],
    [/\bwhich\b/, 'wich'],
    [/\bweather\b/, 'wether'],
    [/\breceived\b/, 'recieved'],
    [/\bpirates\b/, 'pirats'],
    [/\bfishermen\b/, 'fisherman'],
    [/\btemperature\b/, 'temprature'],
    [/\baverage\b/, 'avrage'],
    [/\bharvest\b/, 'harvets'],
  ];
  for (const c of cases) {
    if (!chance(0.15)) continue;
    const hits = SWAPS.filter(([re]) => re.test(c.question));
    if (hits.length > 0) {
      const [re, to] = pick(hits);
      const from = (c.question.match(re) as RegExpMatchArray)[0];
      const q = c.question.replace(re, to);
      if (seen.has(q)) continue;
      c.question = q;
      c.typo = `${from}→${to}`;
      continue;
    }
    // Else swap two letters in a long word.
    const words = [...c.question.matchAll(/\b[a-z]{6,}\b/g)];
    if (words.length === 0) continue;
    const w = pick(words);
    const i = 1 + Math.floor(rng() * (w[0].length - 3));
    const typo = w[0].slice(0, i) + w[0][i + 1] + w[0][i] + w[0].slice(i + 2);
    if (typo === w[0]) continue;
    const q = c.question.slice(0, w.index) + typo + c.question.slice((w.index as number) + w[0].length);
    if (seen.has(q)) continue;
    c.question = q;
    c.typo = `${w[0]}→${typo}`;
  }
  return cases;
}

/**
 * The natural-g set: a development set of natural questions in three voices — a town council
 * clerk or quartermaster writing formal requests, a sailor speaking in-world ("how many drinks o'
 * rum did the Den pour this past week?"), and a developer mixing the world's own kind and field
 * names into English ("count of loss events where target is patchbourough"). Written from the
 * world definition and eval/CONVENTIONS.md only; every truth is computed here from the raw events.
 * Weighted toward two things on one day, days counted, which town, the best and worst day, trends,
 * A-or-B and shipment filters. About one question in eight carries a typo (recorded in `typo`).
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

export interface NaturalGCase extends Case {
  typo?: string;
}

type Voice = 'clerk' | 'sailor' | 'dev';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const TRADERS: Town[] = ['port-logic', 'patchbourough', 'circuiton'];

// ---------------------------------------------------------------------------------------------
// Randomness, deterministic per history

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

function hashOf(events: RawEvent[]): number {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  feed(String(events.length));
  for (let i = 0; i < events.length; i += 53) feed(at(events, i).text);
  return h;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const at = <T>(xs: readonly T[], i: number): T => xs[i] as T;

const num = (e: RawEvent, key: string): number | undefined => {
  const v = e.data[key];
  return typeof v === 'number' ? v : undefined;
};

/** Within 1e-6 of a rounding edge at `d` decimals. */
function edgy(v: number, d: number): boolean {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
}

function slopeOf(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

function pearson(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
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
const poss = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

// ---------------------------------------------------------------------------------------------
// Checks

const NONE_WORDS = /\b(no|none|never|not once|zero|nothing|nil)\b/i;

/** A count: the number, or for zero a plain "none". */
function countCheck(n: number) {
  return (r: Reply) => {
    if (n === 0)
      return states(r.answer, 0, 0) === null || NONE_WORDS.test(r.answer) ? null : 'does not say none';
    return states(r.answer, n, 0);
  };
}

/** Every day of `days` named, no other day strictly inside a..b named; none said when empty. */
function daysCheck(days: number[], a: number, b: number) {
  const set = new Set(days);
  return (r: Reply) => {
    const others: (string | null)[] = [];
    for (let d = a + 1; d < b; d++) {
      if (!set.has(d) && namesDay(r.answer, d) === null)
        others.push(`names day ${d}, which is not one of them`);
    }
    if (days.length === 0)
      return all(NONE_WORDS.test(r.answer) ? null : 'does not say there were none', ...others);
    return all(...days.map((d) => namesDay(r.answer, d)), ...others);
  };
}

function trendCheck(s: number, askDirection: boolean) {
  return (r: Reply) => {
    const a = r.answer;
    const fall =
      /\b(fall|falling|fell|declin\w*|decreas\w*|down\w*|drop\w*|lower\w*|shrink\w*|negative)\b/i.test(a);
    const rise = /\b(rise|rising|rose|increas\w*|up|upward\w*|grow\w*|climb\w*|higher|positive)\b/i.test(a);
    const right = s < 0 ? fall : rise;
    const ok = states(a, s, 2) === null || (states(a, Math.abs(s), 2) === null && right);
    if (!ok) return `does not state the slope ${fmt(s, 2)}`;
    if (askDirection && !right) return `does not say ${s < 0 ? 'falling' : 'rising'}`;
    return null;
  };
}

function townCheck(winner: Town, candidates: readonly Town[], value: number, dec: number) {
  return (r: Reply) => {
    const named = candidates.filter((t) => namesTown(r.answer, t) === null);
    if (!named.includes(winner)) return namesTown(r.answer, winner);
    if (named.length > 1) return states(r.answer, value, dec);
    return null;
  };
}

// ---------------------------------------------------------------------------------------------
// The world as each voice names it

const SAILOR_TOWN: Record<Town, string[]> = {
  'port-logic': ['the harbour', 'Port Logic', 'the Port'],
  patchbourough: ['the farms', 'PatchBourough', 'the river town'],
  circuiton: ['the mines', 'Circuiton', 'the mountain'],
  'den-of-thieves': ['the Den', 'the island', 'the Den o’ Thieves'],
};
const CLERK_TOWN: Record<Town, string> = {
  'port-logic': 'Port Logic',
  patchbourough: 'PatchBourough',
  circuiton: 'Circuiton',
  'den-of-thieves': 'the Den of Thieves',
};

interface Output {
  town: Town;
  kind: string;
  key: string;
  dec: number;
  unit: string;
  /** Noun phrase for the clerk ("fish landed at Port Logic"). */
  clerk: string;
  /** A sailor's question up to the time ("how many fish did the harbour haul aboard"). */
  sailorHow: string;
  /** A sailor's noun phrase ("fish hauled in at the harbour"). */
  sailor: string;
  /** Every update of the town reports it, so a worst day is well defined. */
  dense?: boolean;
}

const OUTPUTS: Output[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    unit: 'fish',
    clerk: 'fish landed at Port Logic',
    sailorHow: 'how many fish did the harbour haul aboard',
    sailor: 'fish hauled in at the harbour',
    dense: true,
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    unit: 'nets',
    clerk: 'nets made at the Port Logic net loft',
    sailorHow: 'how many nets did the Port’s loft knot',
    sailor: 'nets knotted at the harbour loft',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    unit: 'ropes',
    clerk: 'ropes made at the Port Logic net loft',
    sailorHow: 'how many ropes did the harbour loft twist',
    sailor: 'ropes twisted at the harbour loft',
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    unit: 'lbs',
    clerk: 'grain harvested at PatchBourough (in lbs)',
    sailorHow: 'how many pounds o’ grain did the farmers harvest',
    sailor: 'grain harvested at the farms',
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    unit: 'lbs',
    clerk: 'flour milled at PatchBourough (in lbs)',
    sailorHow: 'how much flour did the farms’ mill grind out',
    sailor: 'flour ground at the farms',
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    unit: 'tools',
    clerk: 'tools forged at PatchBourough',
    sailorHow: 'how many tools did the farm town’s smith forge',
    sailor: 'tools forged at the farms',
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    unit: 'tons',
    clerk: 'ore mined at Circuiton (in tons)',
    sailorHow: 'how many tons o’ ore did the mountain lads dig',
    sailor: 'ore dug at the mines',
    dense: true,
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'metal_lbs',
    dec: 4,
    unit: 'lbs',
    clerk: 'metal processed at Circuiton (in lbs)',
    sailorHow: 'how many pounds o’ metal did the mines smelt',
    sailor: 'metal smelted at the mines',
    dense: true,
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    unit: 'trinkets',
    clerk: 'trinkets produced by the Circuiton apprentice',
    sailorHow: 'how many trinkets did young John turn out',
    sailor: 'trinkets John made up at the mines',
  },
  {
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    unit: 'pupils',
    clerk: 'pupils who learned a craft at the Circuiton Academy',
    sailorHow: 'how many pupils learned a craft at the mountain academy',
    sailor: 'pupils taught a craft at the mountain academy',
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    unit: 'drinks',
    clerk: 'drinks poured at the Den of Thieves tavern',
    sailorHow: 'how many drinks o’ rum did the Den pour',
    sailor: 'drinks o’ rum poured at the Den',
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    unit: 'arrows',
    clerk: 'arrows made by the Den of Thieves fletcher',
    sailorHow: 'how many arrows did Skiv fletch on the island',
    sailor: 'arrows fletched on the island',
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    unit: 'gold',
    clerk: 'gold taken in raids by the Den of Thieves',
    sailorHow: 'how much gold did the Den plunder',
    sailor: 'gold plundered by the Black Gull',
  },
];

interface Reading {
  key: string;
  dec: number;
  unit: string;
  towns: Town[];
  label: string;
  /** "Warmer or colder", for A or B. */
  more: string;
  /** Superlative of the highest daily mean ("hottest"). */
  top: string;
  /** Superlative of the lowest (when a natural word exists). */
  bottom?: string;
}

const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    towns: TOWNS,
    label: 'temperature',
    more: 'warmer',
    top: 'hottest',
    bottom: 'coldest',
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    towns: TOWNS,
    label: 'wind speed',
    more: 'windier',
    top: 'windiest',
    bottom: 'calmest',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    towns: TOWNS,
    label: 'humidity',
    more: 'more humid',
    top: 'most humid',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    towns: TOWNS,
    label: 'air pressure',
    more: 'higher in air pressure',
    top: 'highest in air pressure',
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    towns: ['port-logic'],
    label: 'tide',
    more: 'higher in tide',
    top: 'highest-tide',
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    towns: ['patchbourough'],
    label: 'river level',
    more: 'higher in river level',
    top: 'highest-river',
  },
];

/** Something that happened (or not) on a day: the clause each voice uses for it. */
interface Happening {
  id: string;
  town: Town;
  test: (e: RawEvent) => boolean;
  clerk: string;
  sailor: string;
  dev: string;
}

// ---------------------------------------------------------------------------------------------
// Time

interface Range {
  a: number;
  b: number;
  clerk: string;
  sailor: string;
  dev: string;
  whole?: boolean;
}

export function buildNaturalG(events: RawEvent[], today: number): NaturalGCase[] {
  const rng = mulberry32(hashOf(events));
  const N = today;
  const pick = <T>(xs: readonly T[]): T => at(xs, Math.floor(rng() * xs.length));
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const two = <T>(xs: readonly T[]): [T, T] => {
    const i = Math.floor(rng() * xs.length);
    const j = (i + 1 + Math.floor(rng() * (xs.length - 1))) % xs.length;
    return [at(xs, i), at(xs, j)];
  };
  const chance = (p: number) => rng() < p;

  // Indexes
  const byTownKind = new Map<string, RawEvent[]>();
  const reported = new Map<Town, Set<number>>();
  for (const t of TOWNS) reported.set(t, new Set());
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    let list = byTownKind.get(k);
    if (!list) {
      list = [];
      byTownKind.set(k, list);
    }
    list.push(e);
    reported.get(e.town as Town)?.add(e.day);
  }
  const of = (town: string, kind: string, a = 1, b = N) =>
    (byTownKind.get(`${town}/${kind}`) ?? []).filter((e) => e.day >= a && e.day <= b);
  const reportedDays = (town: Town, a: number, b: number) =>
    [...(reported.get(town) ?? [])].filter((d) => d >= a && d <= b).sort((x, y) => x - y);

  /** Daily sums (or means) of a key over the days with such events. */
  function daily(list: RawEvent[], key: string, agg: 'sum' | 'mean'): Map<number, number> {
    const sums = new Map<number, [number, number]>();
    for (const e of list) {
      const v = num(e, key);
      if (v === undefined) continue;
      const s = sums.get(e.day) ?? [0, 0];
      s[0] += v;
      s[1] += 1;
      sums.set(e.day, s);
    }
    const out = new Map<number, number>();
    for (const [d, [s, n]] of [...sums].sort((x, y) => x[0] - y[0])) out.set(d, agg === 'sum' ? s : s / n);
    return out;
  }
  const sumOf = (list: RawEvent[], key: string) => list.reduce((s, e) => s + (num(e, key) ?? 0), 0);
  const meanOf = (list: RawEvent[], key: string) => {
    const vs = list.map((e) => num(e, key)).filter((v): v is number => v !== undefined);
    return vs.length ? vs.reduce((s, v) => s + v, 0) / vs.length : Number.NaN;
  };

  // Ranges
  type RangeKind =
    | 'today'
    | 'yesterday'
    | 'day'
    | 'between'
    | 'week'
    | 'lastweek'
    | 'thisweek'
    | 'lastk'
    | 'lastmonth'
    | 'thismonth'
    | 'whole';
  function range(kinds: RangeKind[]): Range {
    const k = pick(kinds);
    switch (k) {
      case 'today':
        return {
          a: N,
          b: N,
          clerk: 'today',
          sailor: pick(['today', 'this very day']),
          dev: pick(['today', 'for day=today']),
        };
      case 'yesterday':
        return {
          a: N - 1,
          b: N - 1,
          clerk: 'yesterday',
          sailor: 'yesterday',
          dev: pick(['yesterday', 'for yesterday']),
        };
      case 'day': {
        const d = int(1, 55);
        return {
          a: d,
          b: d,
          clerk: `on day ${d}`,
          sailor: `on day ${d}`,
          dev: pick([`day=${d}`, `on day ${d}`]),
        };
      }
      case 'between': {
        const a = int(1, 44);
        const b = Math.min(55, a + int(3, 14));
        return {
          a,
          b,
          clerk: pick([`between day ${a} and day ${b}`, `from day ${a} to day ${b} inclusive`]),
          sailor: pick([`from day ${a} to day ${b}`, `between day ${a} an’ day ${b}`]),
          dev: pick([`for days ${a}-${b}`, `for day ${a} through day ${b}`, `in days ${a} to ${b}`]),
        };
      }
      case 'week': {
        const w = int(1, 7);
        return {
          a: 7 * (w - 1) + 1,
          b: 7 * w,
          clerk: pick([`during the ${ORDINALS[w]} week`, `in week ${w}`]),
          sailor: pick([`in week ${w}`, `durin’ week ${w}`]),
          dev: pick([`week=${w}`, `in week ${w}`]),
        };
      }
      case 'lastweek':
        return {
          a: N - 7,
          b: N - 1,
          clerk: pick(['last week', 'during last week']),
          sailor: 'last week',
          dev: 'last week',
        };
      case 'thisweek':
        return {
          a: N - 6,
          b: N,
          clerk: pick(['this week', 'over the past week']),
          sailor: pick(['this past week', 'this week']),
          dev: 'this week',
        };
      case 'lastk': {
        const kd = pick([3, 5, 10, 14, 20]);
        return {
          a: N - kd + 1,
          b: N,
          clerk: `over the last ${kd} days`,
          sailor: pick([`these last ${kd} days`, `over the last ${kd} days`]),
          dev: pick([`in the last ${kd} days`, `over the last ${kd} days`]),
        };
      }
      case 'lastmonth':
        return { a: N - 30, b: N - 1, clerk: 'last month', sailor: 'last month', dev: 'last month' };
      case 'thismonth':
        return { a: N - 29, b: N, clerk: 'this month', sailor: 'this month', dev: 'this month' };
      default:
        return {
          a: 1,
          b: N,
          whole: true,
          clerk: pick(['to date', 'over the entire record', '']),
          sailor: pick(['so far', 'ever', '']),
          dev: pick(['all time', '', 'over the whole history']),
        };
    }
  }
  const SPANS: RangeKind[] = [
    'between',
    'week',
    'lastweek',
    'thisweek',
    'lastk',
    'lastmonth',
    'thismonth',
    'whole',
  ];
  const SHORT: RangeKind[] = ['between', 'week', 'lastweek', 'thisweek', 'lastk', 'thismonth', 'lastmonth'];
  const ANY: RangeKind[] = ['today', 'yesterday', 'day', ...SPANS];
  const ONE_DAY: RangeKind[] = ['today', 'yesterday', 'day'];
  const sp = (t: string) => (t ? ` ${t}` : '');
  const rangeText = (r: Range) =>
    r.whole ? 'whole history' : r.a === r.b ? `day ${r.a}` : `days ${r.a}–${r.b}`;

  const cases: NaturalGCase[] = [];
  const seen = new Set<string>();
  const keys = new Set<string>();
  function push(form: string, question: string, truth: string, check: Case['check'], id?: string): boolean {
    const q = question
      .replace(/\s+/g, ' ')
      .replace(/ ([?.,])/g, '$1')
      .trim();
    // Questions that differ only by a sailor's interjection, or ask the same thing, are one question.
    const key = id ?? q.replace(/^(Arr|Oi|Tell me true|Ahoy —|Blow me down),?\s*/i, '').toLowerCase();
    if (seen.has(q) || keys.has(key)) return false;
    seen.add(q);
    keys.add(key);
    cases.push({ form, question: q, truth, check });
    return true;
  }
  const voice = (): Voice => pick(['clerk', 'sailor', 'dev'] as const);
  const st = (t: Town) => pick(SAILOR_TOWN[t]);
  const say = (v: Voice, r: Range) => r[v];
  const arr = () => pick(['Arr, ', 'Oi, ', 'Tell me true, ', '', 'Ahoy — ', 'Blow me down, ']);
  const dev = (o: Output) => `${o.key} (${o.kind} events, town=${o.town})`;

  // Happenings
  const HAPPENINGS: Happening[] = [];
  for (const t of TOWNS) {
    const s = at(SAILOR_TOWN[t], 0);
    HAPPENINGS.push({
      id: `rain-${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && (num(e, 'rain_mm') ?? 0) > 0,
      clerk: `rain fell at ${CLERK_TOWN[t]}`,
      sailor: `it rained on ${s}`,
      dev: `rain_mm > 0 at ${t}`,
    });
  }
  for (const t of ['port-logic', 'den-of-thieves'] as Town[]) {
    HAPPENINGS.push({
      id: `storm-${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && e.data.storm === 1,
      clerk: `a storm was recorded at ${CLERK_TOWN[t]}`,
      sailor: `a gale blew over ${at(SAILOR_TOWN[t], 0)}`,
      dev: `sensor storm=1 at ${t}`,
    });
  }
  for (const t of TRADERS) {
    HAPPENINGS.push({
      id: `robbed-${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'loss',
      clerk: `a shipment belonging to ${CLERK_TOWN[t]} was robbed by pirates`,
      sailor: `pirates robbed one o’ ${poss(at(SAILOR_TOWN[t], 0))} shipments`,
      dev: `a loss event with target=${t}`,
    });
    HAPPENINGS.push({
      id: `arrival-${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'arrival',
      clerk: `a shipment arrived at ${CLERK_TOWN[t]}`,
      sailor: `a cargo was delivered at ${at(SAILOR_TOWN[t], 0)}`,
      dev: `an arrival event at ${t}`,
    });
  }
  const flagHap = (id: string, town: Town, kind: string, flag: string, clerk: string, sailor: string) =>
    HAPPENINGS.push({
      id,
      town,
      test: (e) => e.town === town && e.kind === kind && e.data[flag] === 1,
      clerk,
      sailor,
      dev: `${kind}.${flag}=1`,
    });
  flagHap(
    'idle',
    'patchbourough',
    'mill',
    'idle',
    'the PatchBourough mill stood idle',
    'the farms’ mill stood idle',
  );
  flagHap(
    'bins',
    'patchbourough',
    'mill',
    'bins_full',
    'the PatchBourough mill reported its bins full',
    'the mill bins were full at the farms',
  );
  flagHap(
    'cold',
    'patchbourough',
    'forge',
    'cold_forge',
    'the PatchBourough forge was cold',
    'the smith’s forge went cold',
  );
  flagHap('flood', 'circuiton', 'mining', 'flood', 'the Circuiton mine flooded', 'the mines flooded');
  flagHap(
    'hunger',
    'circuiton',
    'mining',
    'hunger',
    'the Circuiton miners went hungry',
    'the miners went hungry',
  );
  flagHap(
    'surplus',
    'patchbourough',
    'farming',
    'surplus',
    'the PatchBourough farmers brought in a surplus',
    'the farms brought in a bumper surplus',
  );
  flagHap(
    'fine',
    'port-logic',
    'fishing',
    'fine_haul',
    'a Port Logic fisher landed a fine haul',
    'some harbour boat landed a fine haul',
  );
  flagHap(
    'empty',
    'port-logic',
    'fishing',
    'empty_nets',
    'a Port Logic fisher came back with empty nets',
    'a harbour boat came home with empty nets',
  );
  HAPPENINGS.push({
    id: 'raid',
    town: 'den-of-thieves',
    test: (e) => e.kind === 'raid' && (num(e, 'raid_gold') ?? 0) > 0,
    clerk: 'the Den of Thieves carried out a raid that took gold',
    sailor: 'the Black Gull came home with plunder',
    dev: 'a raid with raid_gold > 0',
  });
  HAPPENINGS.push({
    id: 'repair',
    town: 'den-of-thieves',
    test: (e) => e.kind === 'repair' && (num(e, 'boat_repaired') ?? 0) > 0,
    clerk: 'the Den of Thieves repaired its ship',
    sailor: 'the bosun patched up the Black Gull',
    dev: 'a repair with boat_repaired=1',
  });
  HAPPENINGS.push({
    id: 'overseas',
    town: 'port-logic',
    test: (e) => e.town === 'port-logic' && e.kind === 'trade' && e.data.to === 'overseas',
    clerk: 'Port Logic shipped goods overseas',
    sailor: 'the harbour sent a cargo overseas',
    dev: 'a trade with from=port-logic and to=overseas',
  });
  const hapDays = new Map<string, Set<number>>();
  for (const h of HAPPENINGS) hapDays.set(h.id, new Set());
  for (const e of events) for (const h of HAPPENINGS) if (h.test(e)) hapDays.get(h.id)?.add(e.day);
  const daysOf = (h: Happening, a: number, b: number) =>
    [...(hapDays.get(h.id) ?? [])].filter((d) => d >= a && d <= b).sort((x, y) => x - y);
  const clause = (v: Voice, h: Happening) => h[v];

  // Thresholds between daily values, equal to none of them
  function threshold(values: number[], dec: number): number | undefined {
    const vs = [...values].sort((x, y) => x - y);
    if (vs.length < 4) return undefined;
    const n = vs.length;
    const v = at(vs, Math.floor(n * (0.25 + 0.5 * rng())));
    const spread = Math.max(
      at(vs, Math.floor(n * 0.75)) - at(vs, Math.floor(n * 0.25)),
      Math.abs(v) * 0.05,
      10 ** -dec,
    );
    let step = 10 ** -dec;
    for (let k = -dec; k <= 6; k++)
      for (const m of [1, 2, 5]) if (m * 10 ** k <= spread / 3) step = m * 10 ** k;
    const t = round(Math.round(v / step) * step, dec + 2);
    if (t <= at(vs, 0) || t >= at(vs, n - 1)) return undefined;
    if (vs.some((x) => Math.abs(x - t) < 1e-9)) return undefined;
    return t;
  }

  const generators: [string, number, () => boolean][] = [];

  // ----- both -----
  generators.push([
    'both',
    40,
    () => {
      const v = voice();
      const r = range(chance(0.15) ? ['whole'] : SHORT);
      const h1 = pick(HAPPENINGS);
      const h2 = pick(HAPPENINGS.filter((h) => h.id !== h1.id));
      const d1 = new Set(daysOf(h1, r.a, r.b));
      const both = daysOf(h2, r.a, r.b).filter((d) => d1.has(d));
      if (r.whole && both.length > 12) return false;
      if (both.length === 0 && chance(0.7)) return false;
      if (r.b - r.a < 2) return false;
      const t = say(v, r);
      const q =
        v === 'clerk'
          ? pick([
              `Kindly list every day${sp(t)} on which ${clause(v, h1)} and ${clause(v, h2)}.`,
              `For the council minutes, please state the days${sp(t)} on which both ${clause(v, h1)} and ${clause(v, h2)}.`,
              `On which days${sp(t)} did it happen that ${clause(v, h1)} and, on the same day, ${clause(v, h2)}?`,
            ])
          : v === 'sailor'
            ? pick([
                `${arr()}which days${sp(t)} was it that ${clause(v, h1)} an’ ${clause(v, h2)} the same day?`,
                `${arr()}name me the days${sp(t)} when ${clause(v, h1)} an’ ${clause(v, h2)} too.`,
              ])
            : pick([
                `list days${sp(t)} where ${clause(v, h1)} AND ${clause(v, h2)}`,
                `which days have both ${clause(v, h1)} and ${clause(v, h2)}${t ? `, ${t}` : ''}?`,
              ]);
      return push(
        'both',
        q,
        both.length ? `days ${both.join(', ')} (${rangeText(r)})` : `none (${rangeText(r)})`,
        (rep) => daysCheck(both, r.a, r.b)(rep),
      );
    },
  ]);

  // ----- days -----
  generators.push([
    'days',
    36,
    () => {
      const v = voice();
      const r = range(SPANS);
      if (r.b - r.a < 2) return false;
      const t = say(v, r);
      const kind = int(0, 4);
      if (kind === 0) {
        const h = pick(HAPPENINGS);
        const n = daysOf(h, r.a, r.b).length;
        const q =
          v === 'clerk'
            ? `Kindly report the number of days${sp(t)} on which ${clause(v, h)}.`
            : v === 'sailor'
              ? `${arr()}on how many days${sp(t)} was it that ${clause(v, h)}?`
              : `count distinct days${sp(t)} where ${clause(v, h)}`;
        return push('days', q, `${n} days (${rangeText(r)})`, countCheck(n));
      }
      if (kind === 1) {
        // days without rain
        const town = pick(TOWNS);
        const rep = reportedDays(town, r.a, r.b);
        const rain = new Set(daysOf(HAPPENINGS.find((h) => h.id === `rain-${town}`) as Happening, r.a, r.b));
        const n = rep.filter((d) => !rain.has(d)).length;
        const q =
          v === 'clerk'
            ? `Please state on how many days${sp(t)} no rain at all was recorded at ${CLERK_TOWN[town]}.`
            : v === 'sailor'
              ? `${arr()}how many days${sp(t)} stayed dry at ${st(town)}, not a drop o’ rain?`
              : `number of days${sp(t)} where town=${town} and every sensor rain_mm == 0`;
        return push('days', q, `${n} dry days (${rangeText(r)})`, countCheck(n));
      }
      if (kind === 2) {
        const o = pick(OUTPUTS);
        const ser = daily(of(o.town, o.kind, r.a, r.b), o.key, 'sum');
        const th = threshold([...ser.values()], o.dec);
        if (th === undefined) return false;
        const n = [...ser.values()].filter((x) => x > th).length;
        const q =
          v === 'clerk'
            ? `Kindly report on how many days${sp(t)} the daily total of ${o.clerk} exceeded ${th}.`
            : v === 'sailor'
              ? `${arr()}on how many days${sp(t)} did the day’s ${o.sailor} come to more than ${th}?`
              : `count days${sp(t)} where sum(${o.key}) per day > ${th} for ${o.town}`;
        return push('days', q, `${n} days over ${th} (${rangeText(r)})`, countCheck(n));
      }
      // readings over / under a figure: any reading, or the day's mean
      const rd = pick(READINGS);
      const town = pick(rd.towns);
      const list = of(town, 'sensor', r.a, r.b);
      const useMean = kind === 4;
      const ser = useMean
        ? daily(list, rd.key, 'mean')
        : new Map(
            [...daily(list, rd.key, 'sum').keys()].map((d) => [
              d,
              Math.max(
                ...list.filter((e) => e.day === d).map((e) => num(e, rd.key) ?? Number.NEGATIVE_INFINITY),
              ),
            ]),
          );
      const th = threshold([...ser.values()], rd.dec);
      if (th === undefined) return false;
      if (useMean && [...ser.values()].some((x) => Math.abs(x - th) < 1e-6)) return false;
      const n = [...ser.values()].filter((x) => x > th).length;
      const where = v === 'sailor' ? st(town) : v === 'dev' ? town : CLERK_TOWN[town];
      const q = useMean
        ? v === 'clerk'
          ? `Kindly report the number of days${sp(t)} on which the average ${rd.label} at ${where} was above ${th} ${rd.unit}.`
          : v === 'sailor'
            ? `${arr()}how many days${sp(t)} did the ${rd.label} at ${where} average above ${th} ${rd.unit}?`
            : `count days${sp(t)} where daily mean ${rd.key} > ${th} at ${where}`
        : v === 'clerk'
          ? `On how many days${sp(t)} did any ${rd.label} reading at ${where} exceed ${th} ${rd.unit}? Kindly report the figure.`
          : v === 'sailor'
            ? `${arr()}on how many days${sp(t)} did the ${rd.label} at ${where} top ${th} ${rd.unit} on any readin’?`
            : `count days${sp(t)} with at least one sensor reading where ${rd.key} > ${th}, town=${where}`;
      return push('days', q, `${n} days (${rangeText(r)})`, countCheck(n));
    },
  ]);

  // ----- which-town -----
  interface TownMeasure {
    towns: Town[];
    dec: number;
    value: (t: Town, r: Range) => number | undefined;
    q: (v: Voice, t: string, sup: 'most' | 'least') => string;
    supOk: ('most' | 'least')[];
  }
  const townName = (v: Voice, t: Town) => (v === 'sailor' ? st(t) : v === 'dev' ? t : CLERK_TOWN[t]);
  const TOWN_MEASURES: TownMeasure[] = [
    {
      towns: TOWNS,
      dec: 1,
      value: (t, r) => round(sumOf(of(t, 'sensor', r.a, r.b), 'rain_mm'), 1),
      supOk: ['most', 'least'],
      q: (v, t, s) =>
        v === 'clerk'
          ? `Kindly state which town recorded the ${s === 'most' ? 'greatest' : 'least'} rainfall${sp(t)}.`
          : v === 'sailor'
            ? s === 'most'
              ? `${arr()}which o’ the towns got soaked worst${sp(t)}?`
              : `${arr()}which town stayed driest${sp(t)}, by the rain that fell?`
            : `which town has the ${s === 'most' ? 'max' : 'min'} sum(rain_mm)${sp(t)}?`,
    },
    ...READINGS.filter((rd) => rd.towns.length === 4).map(
      (rd): TownMeasure => ({
        towns: TOWNS,
        dec: rd.dec,
        value: (t, r) => meanOf(of(t, 'sensor', r.a, r.b), rd.key),
        supOk: rd.bottom ? ['most', 'least'] : ['most'],
        q: (v, t, s) =>
          v === 'clerk'
            ? `Please identify the town with the ${s === 'most' ? 'highest' : 'lowest'} mean ${rd.label}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}which town was the ${s === 'most' ? rd.top : rd.bottom}${sp(t)}, on average?`
              : `${s === 'most' ? 'argmax' : 'argmin'} over towns of mean(${rd.key})${sp(t)}`,
      }),
    ),
    {
      towns: TRADERS,
      dec: 0,
      value: (t, r) => of(t, 'loss', r.a, r.b).length,
      supOk: ['most'],
      q: (v, t) =>
        v === 'clerk'
          ? `Kindly report which town had the greatest number of shipments robbed${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}whose shipments got robbed the most times${sp(t)}?`
            : `which target has the most loss events${sp(t)}?`,
    },
    {
      towns: TRADERS,
      dec: 0,
      value: (t, r) => sumOf(of(t, 'loss', r.a, r.b), 'loot_gold'),
      supOk: ['most', 'least'],
      q: (v, t, s) =>
        v === 'clerk'
          ? `Please state which town lost the ${s === 'most' ? 'most' : 'least'} gold to the pirates${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}which town lost the ${s} gold to us pirates${sp(t)}?`
            : `town with ${s === 'most' ? 'max' : 'min'} sum(loot_gold) over loss events${sp(t)}`,
    },
    {
      towns: TRADERS,
      dec: 0,
      value: (t, r) => of(t, 'arrival', r.a, r.b).length,
      supOk: ['most', 'least'],
      q: (v, t, s) =>
        v === 'clerk'
          ? `Kindly identify the town that received the ${s === 'most' ? 'greatest' : 'smallest'} number of shipments${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}which port o’ call had the ${s === 'most' ? 'most' : 'fewest'} cargoes arrive${sp(t)}?`
            : `which town has the ${s === 'most' ? 'most' : 'fewest'} arrival events${sp(t)}?`,
    },
    {
      towns: TOWNS,
      dec: 0,
      value: (t, r) => daysOf(HAPPENINGS.find((h) => h.id === `rain-${t}`) as Happening, r.a, r.b).length,
      supOk: ['most', 'least'],
      q: (v, t, s) =>
        v === 'clerk'
          ? `Which town recorded rain on the ${s === 'most' ? 'greatest' : 'fewest'} number of days${sp(t)}? Kindly advise.`
          : v === 'sailor'
            ? `${arr()}which town saw rain on the ${s === 'most' ? 'most' : 'fewest'} days${sp(t)}?`
            : `town with the ${s === 'most' ? 'most' : 'fewest'} distinct days where rain_mm > 0${sp(t)}`,
    },
    {
      towns: TOWNS,
      dec: 1,
      value: (t, r) => {
        const vs = of(t, 'sensor', r.a, r.b).map((e) => num(e, 'temperature_c') ?? Number.NaN);
        return vs.length ? Math.min(...vs) : undefined;
      },
      supOk: ['least'],
      q: (v, t) =>
        v === 'clerk'
          ? `Kindly state which town logged the single coldest temperature reading${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}where was the coldest readin’ o’ the thermometer${sp(t)}, which town?`
            : `which town has min(temperature_c) over single sensor readings${sp(t)}?`,
    },
    {
      towns: TOWNS,
      dec: 1,
      value: (t, r) => {
        const vs = of(t, 'sensor', r.a, r.b).map((e) => num(e, 'wind_kph') ?? Number.NaN);
        return vs.length ? Math.max(...vs) : undefined;
      },
      supOk: ['most'],
      q: (v, t) =>
        v === 'clerk'
          ? `Please identify the town at which the strongest single wind reading was taken${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}which town felt the single fiercest gust${sp(t)}?`
            : `town of max(wind_kph) over single readings${sp(t)}`,
    },
  ];
  generators.push([
    'which-town',
    30,
    () => {
      const v = voice();
      const m = pick(TOWN_MEASURES);
      const r = range(SPANS);
      const t = say(v, r);
      const s = pick(m.supOk);
      let towns = m.towns;
      let except: Town | undefined;
      if (chance(0.25) && towns.length === 4) {
        except = pick(towns);
        towns = towns.filter((x) => x !== except);
      }
      const vals = towns.map((x) => [x, m.value(x, r)] as [Town, number | undefined]);
      if (vals.some(([, x]) => x === undefined || Number.isNaN(x))) return false;
      const sorted = [...vals].sort(
        (x, y) => ((y[1] as number) - (x[1] as number)) * (s === 'most' ? 1 : -1),
      );
      const [w, wv] = at(sorted, 0) as [Town, number];
      if (round(wv, m.dec) === round(at(sorted, 1)[1] as number, m.dec)) return false;
      if (edgy(wv, m.dec)) return false;
      if (s === 'most' && wv === 0) return false;
      let q = m.q(v, t, s);
      if (except) {
        const ex = townName(v, except);
        q =
          v === 'dev'
            ? `${q.replace(/\?$/, '')}, excluding ${ex}`
            : v === 'clerk'
              ? `${q.replace(/[.?]$/, '')}, other than ${ex}.`
              : `${q.replace(/\?$/, '')} — not countin’ ${ex}?`;
      }
      return push(
        'which-town',
        q,
        `${TOWN_NAMES[w]} (${fmt(wv, m.dec)}; ${rangeText(r)})`,
        townCheck(w, towns, wv, m.dec),
      );
    },
  ]);

  // ----- extreme-day -----
  generators.push([
    'extreme-day',
    30,
    () => {
      const v = voice();
      const r = range(SPANS);
      if (r.b - r.a < 2) return false;
      const t = say(v, r);
      const kind = int(0, 3);
      if (kind <= 1) {
        const o = pick(kind === 1 ? OUTPUTS.filter((x) => x.dense) : OUTPUTS);
        const ser = daily(of(o.town, o.kind, r.a, r.b), o.key, 'sum');
        const worst = kind === 1;
        if (worst) {
          const rep = reportedDays(o.town, r.a, r.b);
          if (rep.length !== ser.size) return false;
        }
        if (ser.size < 3) return false;
        const entries = [...ser]
          .map(([d, x]) => [d, round(x, o.dec)] as [number, number])
          .sort((x, y) => (worst ? x[1] - y[1] : y[1] - x[1]));
        if (at(entries, 0)[1] === at(entries, 1)[1]) return false;
        const [d, x] = at(entries, 0);
        const q = worst
          ? v === 'clerk'
            ? `Kindly identify the day${sp(t)} with the smallest daily total of ${o.clerk}, together with that total.`
            : v === 'sailor'
              ? `${arr()}which was the leanest day${sp(t)} fer ${o.sailor}, an’ what was the tally?`
              : `min over days of sum(${o.key}) for ${o.town}${sp(t)}: day and value`
          : v === 'clerk'
            ? `Kindly identify the best day${sp(t)} for ${o.clerk}, stating the day's total.`
            : v === 'sailor'
              ? `${arr()}which day${sp(t)} was the best fer ${o.sailor}, an’ how much was it?`
              : `top day by sum(${o.key}) where town=${o.town}${sp(t)} — return day + total`;
        return push('extreme-day', q, `day ${d}: ${fmt(x, o.dec)} ${o.unit} (${rangeText(r)})`, (rep) =>
          all(namesDay(rep.answer, d), states(rep.answer, x, o.dec)),
        );
      }
      if (kind === 2) {
        const town = pick(TOWNS);
        const ser = daily(of(town, 'sensor', r.a, r.b), 'rain_mm', 'sum');
        const entries = [...ser]
          .map(([d, x]) => [d, round(x, 1)] as [number, number])
          .sort((x, y) => y[1] - x[1]);
        if (entries.length < 2 || at(entries, 0)[1] === at(entries, 1)[1] || at(entries, 0)[1] === 0)
          return false;
        const [d, x] = at(entries, 0);
        const q =
          v === 'clerk'
            ? `Kindly report the wettest day${sp(t)} at ${CLERK_TOWN[town]} and the rainfall recorded that day.`
            : v === 'sailor'
              ? `${arr()}which day${sp(t)} did ${st(town)} get soaked worst, an’ how many mm fell?`
              : `day with max sum(rain_mm) at ${town}${sp(t)}, plus the sum`;
        return push('extreme-day', q, `day ${d}: ${fmt(x, 1)} mm (${rangeText(r)})`, (rep) =>
          all(namesDay(rep.answer, d), states(rep.answer, x, 1)),
        );
      }
      const rd = pick(READINGS);
      const town = pick(rd.towns);
      const low = rd.bottom !== undefined && chance(0.4);
      const ser = daily(of(town, 'sensor', r.a, r.b), rd.key, 'mean');
      const entries = [...ser].sort((x, y) => (low ? x[1] - y[1] : y[1] - x[1]));
      if (entries.length < 3) return false;
      if (
        round(at(entries, 0)[1], rd.dec) === round(at(entries, 1)[1], rd.dec) ||
        edgy(at(entries, 0)[1], rd.dec)
      )
        return false;
      const [d, x] = at(entries, 0);
      const where = townName(v, town);
      const word = low ? rd.bottom : rd.key === 'pressure_hpa' ? 'highest-pressure' : rd.top;
      const q =
        v === 'clerk'
          ? `Please identify the ${word} day${sp(t)} at ${where}, by the day's mean ${rd.label}, and state that mean.`
          : v === 'sailor'
            ? `${arr()}which was the ${word} day${sp(t)} at ${where}, takin’ the day’s average ${rd.label}?`
            : `day with ${low ? 'min' : 'max'} daily mean(${rd.key}) at ${where}${sp(t)}; include the mean`;
      return push(
        'extreme-day',
        q,
        `day ${d}: ${fmt(x, rd.dec + 1)} ${rd.unit} daily mean (${rangeText(r)})`,
        (rep) => all(namesDay(rep.answer, d), states(rep.answer, x, rd.dec)),
      );
    },
  ]);

  // ----- trend -----
  generators.push([
    'trend',
    26,
    () => {
      const v = voice();
      const r = range(['between', 'lastmonth', 'thismonth', 'whole', 'lastk', 'week']);
      if (r.b - r.a < 6) return false;
      const t = say(v, r);
      const askDir = chance(0.5);
      let ser: Map<number, number>;
      let what: string;
      let desc: string;
      if (chance(0.55)) {
        const o = pick(OUTPUTS.filter((x) => x.key !== 'metal_lbs'));
        ser = daily(of(o.town, o.kind, r.a, r.b), o.key, 'sum');
        what =
          v === 'clerk'
            ? `the daily total of ${o.clerk}`
            : v === 'sailor'
              ? `the day’s ${o.sailor}`
              : `daily sum(${o.key}) for ${o.town}`;
        desc = `${o.key} per day`;
      } else {
        const rd = pick(READINGS);
        const town = pick(rd.towns);
        ser = daily(of(town, 'sensor', r.a, r.b), rd.key, 'mean');
        const where = townName(v, town);
        what = v === 'dev' ? `daily mean(${rd.key}) at ${where}` : `the daily mean ${rd.label} at ${where}`;
        desc = `${rd.key} daily mean at ${town}`;
      }
      if (ser.size < 6) return false;
      const s = slopeOf([...ser]);
      if (!Number.isFinite(s) || Math.abs(round(s, 2)) < 0.01 || edgy(s, 2)) return false;
      const q = askDir
        ? v === 'clerk'
          ? `Kindly advise whether ${what} was rising or falling${sp(t)}, with the slope per day.`
          : v === 'sailor'
            ? `${arr()}was ${what} risin’ or fallin’${sp(t)}, an’ by how much a day?`
            : `is ${what} trending up or down${sp(t)}? give slope/day`
        : v === 'clerk'
          ? `Please report the trend (least-squares slope per day) of ${what}${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}what’s the trend o’ ${what}${sp(t)}, per day?`
            : `linear regression slope per day of ${what}${sp(t)}`;
      return push('trend', q, `slope ${fmt(s, 2)} per day (${desc}, ${rangeText(r)})`, trendCheck(s, askDir));
    },
  ]);

  // ----- compare -----
  generators.push([
    'compare',
    28,
    () => {
      const v = voice();
      const kind = int(0, 4);
      if (kind === 0) {
        // two towns, a reading or rain
        const r = range(SPANS);
        const t = say(v, r);
        const [x, y] = two(TOWNS);
        const rain = chance(0.35);
        const rd = pick(READINGS.filter((z) => z.towns.length === 4));
        const key = rain ? 'rain_mm' : rd.key;
        const dec = rain ? 1 : rd.dec;
        const val = (tw: Town) =>
          rain ? round(sumOf(of(tw, 'sensor', r.a, r.b), key), 1) : meanOf(of(tw, 'sensor', r.a, r.b), key);
        const vx = val(x);
        const vy = val(y);
        if (
          Number.isNaN(vx) ||
          Number.isNaN(vy) ||
          Math.abs(vx - vy) < 1.5 * 10 ** -dec ||
          edgy(vx, dec) ||
          edgy(vy, dec)
        )
          return false;
        if (rain && vx === 0 && vy === 0) return false;
        const w = vx > vy ? x : y;
        const X = townName(v, x);
        const Y = townName(v, y);
        const q = rain
          ? v === 'clerk'
            ? `Kindly state whether more rain fell at ${X} or at ${Y}${sp(t)}, with both amounts.`
            : v === 'sailor'
              ? `${arr()}did ${X} or ${Y} catch more rain${sp(t)}?`
              : `sum(rain_mm)${sp(t)}: ${X} vs ${Y}, which is bigger?`
          : v === 'clerk'
            ? `Please state whether ${X} or ${Y} had the higher mean ${rd.label}${sp(t)}, giving both figures.`
            : v === 'sailor'
              ? `${arr()}was it ${rd.more} at ${X} or at ${Y}${sp(t)}?`
              : `compare mean(${rd.key}) ${X} vs ${Y}${sp(t)}`;
        return push(
          'compare',
          q,
          `${TOWN_NAMES[w]} (${TOWN_NAMES[x]} ${fmt(vx, dec + (rain ? 0 : 1))}, ${TOWN_NAMES[y]} ${fmt(vy, dec + (rain ? 0 : 1))}; ${rangeText(r)})`,
          (rep) => all(namesTown(rep.answer, w), states(rep.answer, vx, dec), states(rep.answer, vy, dec)),
        );
      }
      if (kind === 1 || kind === 2) {
        // two weeks or two days of one town's output
        const o = pick(OUTPUTS);
        const weeks = kind === 1;
        let a1: number;
        let a2: number;
        if (weeks) {
          a1 = int(1, 7);
          a2 = int(1, 7);
        } else {
          a1 = int(1, 55);
          a2 = chance(0.5) ? int(1, 55) : Math.min(55, a1 + int(1, 3));
        }
        if (a1 === a2) return false;
        const span = (p: number): [number, number] => (weeks ? [7 * (p - 1) + 1, 7 * p] : [p, p]);
        const [s1, e1] = span(a1);
        const [s2, e2] = span(a2);
        const v1 = round(sumOf(of(o.town, o.kind, s1, e1), o.key), o.dec);
        const v2 = round(sumOf(of(o.town, o.kind, s2, e2), o.key), o.dec);
        if (v1 === v2) return false;
        const label = (p: number) => (weeks ? `week ${p}` : `day ${p}`);
        const w = v1 > v2 ? a1 : a2;
        const q =
          v === 'clerk'
            ? `Kindly state whether ${label(a1)} or ${label(a2)} saw the greater total of ${o.clerk}, giving both totals.`
            : v === 'sailor'
              ? `${arr()}${o.sailorHow} — more ${weeks ? 'in' : 'on'} ${label(a1)} or ${weeks ? 'in' : 'on'} ${label(a2)}?`
              : `sum(${o.key}) for ${o.town}: ${label(a1)} vs ${label(a2)}`;
        return push(
          'compare',
          q,
          `${label(w)} (${label(a1)} ${fmt(v1, o.dec)}, ${label(a2)} ${fmt(v2, o.dec)})`,
          (rep) =>
            all(
              weeks ? names(rep.answer, `week ${w}`) : namesDay(rep.answer, w),
              states(rep.answer, v1, o.dec),
              states(rep.answer, v2, o.dec),
            ),
        );
      }
      if (kind === 3) {
        // crates or gold from one town to two others
        const r = range(SPANS);
        const t = say(v, r);
        const from = pick(['port-logic', 'patchbourough'] as Town[]);
        const dests =
          from === 'port-logic'
            ? (['patchbourough', 'circuiton'] as Town[])
            : (['port-logic', 'circuiton'] as Town[]);
        const [x, y] = (chance(0.5) ? dests : [dests[1], dests[0]]) as [Town, Town];
        const gold = chance(0.5);
        const key = gold ? 'value_gold' : 'cargo_items';
        const val = (to: Town) =>
          sumOf(
            of(from, 'trade', r.a, r.b).filter((e) => e.data.to === to && e.data.from === from),
            key,
          );
        const vx = val(x);
        const vy = val(y);
        if (vx === vy) return false;
        const w = vx > vy ? x : y;
        const F = townName(v, from);
        const q =
          v === 'clerk'
            ? `Please state whether ${F} shipped more ${gold ? 'gold’s worth of goods' : 'crates'} to ${townName(v, x)} or to ${townName(v, y)}${sp(t)}, with both figures.`
            : v === 'sailor'
              ? `${arr()}did ${F} send more ${gold ? 'gold in goods' : 'crates'} down to ${townName(v, x)} or to ${townName(v, y)}${sp(t)}?`
              : `sum(${key}) of trade events from=${from}${sp(t)}: to=${x} vs to=${y}`;
        return push(
          'compare',
          q,
          `${TOWN_NAMES[w]} (${TOWN_NAMES[x]} ${vx}, ${TOWN_NAMES[y]} ${vy}; ${rangeText(r)})`,
          (rep) => all(namesTown(rep.answer, w), states(rep.answer, vx, 0), states(rep.answer, vy, 0)),
        );
      }
      // gold lost by two towns
      const r = range(SPANS);
      const t = say(v, r);
      const [x, y] = two(TRADERS);
      const val = (tw: Town) => sumOf(of(tw, 'loss', r.a, r.b), 'loot_gold');
      const vx = val(x);
      const vy = val(y);
      if (vx === vy) return false;
      const w = vx > vy ? x : y;
      const q =
        v === 'clerk'
          ? `Kindly state whether ${townName(v, x)} or ${townName(v, y)} lost more gold to piracy${sp(t)}, giving both sums.`
          : v === 'sailor'
            ? `${arr()}who’d we rob o’ more gold${sp(t)}, ${townName(v, x)} or ${townName(v, y)}?`
            : `sum(loot_gold) of loss events${sp(t)}: target=${x} vs target=${y}`;
      return push(
        'compare',
        q,
        `${TOWN_NAMES[w]} (${TOWN_NAMES[x]} ${vx}, ${TOWN_NAMES[y]} ${vy} gold; ${rangeText(r)})`,
        (rep) => all(namesTown(rep.answer, w), states(rep.answer, vx, 0), states(rep.answer, vy, 0)),
      );
    },
  ]);

  // ----- filter -----
  const GOODS_UNIT: Record<string, string> = {
    fish: 'fish',
    flour: 'lbs',
    grain: 'lbs',
    tools: 'tools',
    trinkets: 'trinkets',
  };
  generators.push([
    'filter',
    32,
    () => {
      const v = voice();
      const r = range(ANY.filter((k) => k !== 'today' && k !== 'yesterday'));
      const t = say(v, r);
      const kind = int(0, 6);
      const raids = of('den-of-thieves', 'raid', r.a, r.b).filter((e) => (num(e, 'raid_gold') ?? 0) > 0);
      if (kind === 0) {
        // raid gold by target, or except a target
        const target = pick(TRADERS);
        const except = chance(0.3);
        const sel = raids.filter((e) => (except ? e.data.target !== target : e.data.target === target));
        const n = sumOf(sel, 'raid_gold');
        if (n === 0 && chance(0.7)) return false;
        const T = townName(v, target);
        const q = except
          ? v === 'clerk'
            ? `Kindly report the gold taken by the Den of Thieves in raids${sp(t)}, excluding raids on shipments of ${T}.`
            : v === 'sailor'
              ? `${arr()}how much gold did we plunder${sp(t)} from every town’s shipments other than ${poss(T)}?`
              : `sum raid_gold where target != ${target}${sp(t)}`
          : v === 'clerk'
            ? `Kindly report the gold taken by the Den of Thieves from shipments of ${T}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much gold did the Den take off ${poss(T)} shipments${sp(t)}?`
              : `sum raid_gold where target=${target}${sp(t)}`;
        return push('filter', q, `${n} gold (${rangeText(r)})`, countCheck(n));
      }
      if (kind === 1) {
        // crates or units of a good shipped between two towns
        const from = pick(TRADERS);
        const trades = of(from, 'trade', r.a, r.b).filter(
          (e) => e.data.from === from && e.data.to !== 'overseas',
        );
        if (trades.length === 0) return false;
        const e0 = pick(trades);
        const goods = String(e0.data.goods);
        const to = String(e0.data.to) as Town;
        const sel = trades.filter((e) => e.data.goods === goods && e.data.to === to);
        const inUnits = GOODS_UNIT[goods] !== undefined && chance(0.5);
        const n = sumOf(sel, inUnits ? 'quantity' : 'cargo_items');
        const unit = inUnits ? GOODS_UNIT[goods] : 'crates';
        const q =
          v === 'clerk'
            ? `Kindly report the ${inUnits ? `quantity of ${goods} (in ${unit})` : `number of crates of ${goods}`} shipped by ${townName(v, from)} to ${townName(v, to)}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how many ${inUnits ? (unit === 'lbs' ? `pounds o’ ${goods}` : goods) : `crates o’ ${goods}`} did ${townName(v, from)} ship to ${townName(v, to)}${sp(t)}?`
              : `sum ${inUnits ? 'quantity' : 'cargo_items'} of trade where from=${from}, to=${to}, goods=${goods}${sp(t)}`;
        return push('filter', q, `${round(n, 4)} ${unit} (${rangeText(r)})`, countCheck(round(n, 4)));
      }
      if (kind === 2) {
        // overseas exports or imports, gold
        const out = chance(0.5);
        const sel = of('port-logic', 'trade', r.a, r.b).filter((e) =>
          out ? e.data.to === 'overseas' : e.data.from === 'overseas',
        );
        const n = sumOf(sel, 'value_gold');
        if (n === 0) return false;
        const q = out
          ? v === 'clerk'
            ? `Please report the gold Port Logic received for goods shipped overseas${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much gold did the harbour fetch sellin’ goods overseas${sp(t)}?`
              : `sum value_gold of trade where from=port-logic and to=overseas${sp(t)}`
          : v === 'clerk'
            ? `Kindly state what Port Logic paid, in gold, for imports from overseas${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much gold did the harbour pay fer cargo from overseas${sp(t)}?`
              : `sum value_gold where from=overseas${sp(t)}`;
        return push('filter', q, `${n} gold (${rangeText(r)})`, countCheck(n));
      }
      if (kind === 3) {
        // arrivals at a town from another
        const at = pick(TRADERS);
        const arrivals = of(at, 'arrival', r.a, r.b);
        const froms = [...new Set(arrivals.map((e) => String(e.data.from)))];
        if (froms.length === 0) return false;
        const from = pick(froms) as Town;
        const n = arrivals.filter((e) => e.data.from === from).length;
        const q =
          v === 'clerk'
            ? `Kindly state how many shipments from ${townName(v, from)} arrived at ${townName(v, at)}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how many cargoes from ${townName(v, from)} made it safe to ${townName(v, at)}${sp(t)}?`
              : `count arrival events where town=${at} and from=${from}${sp(t)}`;
        return push('filter', q, `${n} arrivals (${rangeText(r)})`, countCheck(n));
      }
      if (kind === 4) {
        // raids by goods
        const goods = pick([
          ...new Set(
            of('den-of-thieves', 'raid')
              .map((e) => String(e.data.goods))
              .filter((g) => g !== 'undefined'),
          ),
        ]);
        if (!goods) return false;
        const sel = raids.filter((e) => e.data.goods === goods);
        const gold = chance(0.5);
        const n = gold ? sumOf(sel, 'raid_gold') : sel.length;
        const q = gold
          ? v === 'clerk'
            ? `Please report the gold taken by the Den of Thieves in raids on ${goods} shipments${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much gold did we get plunderin’ ${goods}${sp(t)}?`
              : `sum raid_gold where goods=${goods}${sp(t)}`
          : v === 'clerk'
            ? `Kindly report the number of raids that took gold from shipments of ${goods}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how many times did the Black Gull take a ${goods} cargo${sp(t)}?`
              : `count raid events where goods=${goods} and raid_gold > 0${sp(t)}`;
        return push('filter', q, `${n}${gold ? ' gold' : ' raids'} (${rangeText(r)})`, countCheck(n));
      }
      if (kind === 5) {
        // robberies of one town's shipments bound for another
        const target = pick(TRADERS);
        const losses = of(target, 'loss', r.a, r.b);
        const tos = [...new Set(of(target, 'loss').map((e) => String(e.data.to)))];
        if (tos.length === 0) return false;
        const to = pick(tos) as Town;
        const sel = losses.filter((e) => e.data.to === to);
        const gold = chance(0.5);
        const n = gold ? sumOf(sel, 'loot_gold') : sel.length;
        const q = gold
          ? v === 'clerk'
            ? `Kindly report the gold ${townName(v, target)} lost to pirates on shipments bound for ${townName(v, to)}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much gold did ${townName(v, target)} lose to us on cargo bound fer ${townName(v, to)}${sp(t)}?`
              : `sum loot_gold of loss events where target=${target} and to=${to}${sp(t)}`
          : v === 'clerk'
            ? `Please state how many shipments from ${townName(v, target)} to ${townName(v, to)} were robbed${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how many o’ ${poss(townName(v, target))} cargoes bound fer ${townName(v, to)} got robbed${sp(t)}?`
              : `count of loss events where target is ${target} and to=${to}${sp(t)}`;
        return push('filter', q, `${n}${gold ? ' gold' : ' robberies'} (${rangeText(r)})`, countCheck(n));
      }
      // gold from sales of one good, one town
      const from = pick(['patchbourough', 'circuiton'] as Town[]);
      const trades = of(from, 'trade', r.a, r.b).filter((e) => e.data.from === from);
      const goods = pick([...new Set(of(from, 'trade').map((e) => String(e.data.goods)))]);
      const n = sumOf(
        trades.filter((e) => e.data.goods === goods),
        'value_gold',
      );
      if (n === 0) return false;
      const q =
        v === 'clerk'
          ? `Kindly report the gold earned by ${townName(v, from)} from sales of ${goods}${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}how much gold did ${townName(v, from)} make sellin’ ${goods}${sp(t)}?`
            : `sum value_gold where town=${from}, goods=${goods}${sp(t)}`;
      return push('filter', q, `${n} gold (${rangeText(r)})`, countCheck(n));
    },
  ]);

  // ----- extreme-event / which-day -----
  interface EventMax {
    town: Town;
    kind: string;
    key: string;
    dec: number;
    unit: string;
    clerk: string;
    sailor: string;
    keep?: (e: RawEvent) => boolean;
  }
  const EVENT_MAXES: EventMax[] = [
    {
      town: 'port-logic',
      kind: 'fishing',
      key: 'fish',
      dec: 0,
      unit: 'fish',
      clerk: 'the largest single catch landed at Port Logic',
      sailor: 'the biggest single haul o’ fish at the harbour',
    },
    {
      town: 'den-of-thieves',
      kind: 'raid',
      key: 'raid_gold',
      dec: 0,
      unit: 'gold',
      clerk: 'the richest single raid by the Den of Thieves',
      sailor: 'the fattest single raid the Black Gull pulled off',
    },
    {
      town: 'circuiton',
      kind: 'mining',
      key: 'ore_tons',
      dec: 2,
      unit: 'tons',
      clerk: 'the largest single shift of ore mined at Circuiton',
      sailor: 'the biggest single shift o’ ore at the mines',
    },
    {
      town: 'den-of-thieves',
      kind: 'drinking',
      key: 'drinks',
      dec: 0,
      unit: 'drinks',
      clerk: 'the most drinks poured in a single night at the Den of Thieves',
      sailor: 'the most drinks poured in one night at the Drowned Rat',
    },
    {
      town: 'patchbourough',
      kind: 'trade',
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      clerk: 'the largest single sale made by PatchBourough',
      sailor: 'the biggest single sale the farms made',
    },
    {
      town: 'circuiton',
      kind: 'trade',
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      clerk: 'the largest single sale made by Circuiton',
      sailor: 'the biggest single sale the mines made',
    },
    {
      town: 'patchbourough',
      kind: 'farming',
      key: 'harvest',
      dec: 0,
      unit: 'lbs',
      clerk: 'the largest single harvest report at PatchBourough',
      sailor: 'the biggest single harvest at the farms',
    },
    {
      town: 'port-logic',
      kind: 'trade',
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      clerk: 'the largest single overseas export sale of Port Logic',
      sailor: 'the biggest single cargo the harbour sold overseas',
      keep: (e) => e.data.to === 'overseas',
    },
  ];
  const eventMax = (m: EventMax, r: Range) => {
    const list = of(m.town, m.kind, r.a, r.b).filter(
      (e) => (m.keep ? m.keep(e) : true) && num(e, m.key) !== undefined,
    );
    if (list.length === 0) return undefined;
    const top = Math.max(...list.map((e) => num(e, m.key) as number));
    const days = [...new Set(list.filter((e) => num(e, m.key) === top).map((e) => e.day))];
    return { top, days };
  };
  generators.push([
    'extreme-event',
    12,
    () => {
      const v = voice();
      const m = pick(EVENT_MAXES);
      const r = range(SPANS);
      const res = eventMax(m, r);
      if (!res || res.top === 0) return false;
      const t = say(v, r);
      const q =
        v === 'clerk'
          ? `Kindly report ${m.clerk}${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}what was ${m.sailor}${sp(t)}?`
            : `max ${m.key} over single ${m.kind} events where town=${m.town}${m.keep ? ' and to=overseas' : ''}${sp(t)}`;
      return push('extreme-event', q, `${fmt(res.top, m.dec)} ${m.unit} (${rangeText(r)})`, (rep) =>
        states(rep.answer, res.top, m.dec),
      );
    },
  ]);
  generators.push([
    'which-day',
    12,
    () => {
      const v = voice();
      const r = range(SHORT.concat(['whole']));
      const t = say(v, r);
      if (chance(0.5)) {
        const m = pick(EVENT_MAXES);
        const res = eventMax(m, r);
        if (!res || res.top === 0 || res.days.length !== 1) return false;
        const d = at(res.days, 0);
        const q =
          v === 'clerk'
            ? `On which day${sp(t)} did ${m.clerk} take place? Kindly advise.`
            : v === 'sailor'
              ? `${arr()}on what day${sp(t)} came ${m.sailor}?`
              : `day of argmax ${m.key} over ${m.kind} events at ${m.town}${m.keep ? ' (to=overseas)' : ''}${sp(t)}`;
        return push('which-day', q, `day ${d} (${fmt(res.top, m.dec)} ${m.unit})`, (rep) =>
          namesDay(rep.answer, d),
        );
      }
      const o = pick(OUTPUTS);
      const ser = daily(of(o.town, o.kind, r.a, r.b), o.key, 'sum');
      const entries = [...ser]
        .map(([d, x]) => [d, round(x, o.dec)] as [number, number])
        .sort((x, y) => y[1] - x[1]);
      if (entries.length < 3 || at(entries, 0)[1] === at(entries, 1)[1]) return false;
      const d = at(entries, 0)[0];
      const q =
        v === 'clerk'
          ? `Kindly state on which day${sp(t)} the most ${o.clerk.replace(/ \(in \w+\)/, '')} were recorded.`
          : v === 'sailor'
            ? `${arr()}what day${sp(t)} saw the most ${o.sailor}?`
            : `which day${sp(t)} has max sum(${o.key}) for ${o.town}?`;
      return push('which-day', q, `day ${d} (${fmt(at(entries, 0)[1], o.dec)} ${o.unit})`, (rep) =>
        namesDay(rep.answer, d),
      );
    },
  ]);

  // ----- who -----
  const WHO: { town: Town; kind: string; key: string; role: string; clerk: string; sailor: string }[] = [
    {
      town: 'port-logic',
      kind: 'fishing',
      key: 'fish',
      role: 'fisher',
      clerk: 'landed the most fish at Port Logic',
      sailor: 'hauled the most fish at the harbour',
    },
    {
      town: 'circuiton',
      kind: 'mining',
      key: 'ore_tons',
      role: 'miner',
      clerk: 'led the shifts that mined the most ore at Circuiton',
      sailor: 'dug the most ore up at the mines',
    },
    {
      town: 'patchbourough',
      kind: 'farming',
      key: 'harvest',
      role: 'farmer',
      clerk: 'harvested the most grain at PatchBourough',
      sailor: 'brought in the most grain at the farms',
    },
    {
      town: 'port-logic',
      kind: 'maritime',
      key: 'nets',
      role: 'net maker',
      clerk: 'made the most nets at the Port Logic loft',
      sailor: 'knotted the most nets at the harbour loft',
    },
    {
      town: 'circuiton',
      kind: 'education',
      key: 'learned',
      role: 'teacher',
      clerk: 'taught the most pupils a craft at the Academy',
      sailor: 'taught the most pupils up at the mountain academy',
    },
    {
      town: 'patchbourough',
      kind: 'trade',
      key: 'value_gold',
      role: 'trader',
      clerk: 'brought in the most gold from PatchBourough’s sales',
      sailor: 'sold the most gold’s worth o’ goods for the farms',
    },
  ];
  generators.push([
    'who',
    10,
    () => {
      const v = voice();
      const w = pick(WHO);
      const r = range(SPANS.concat(['day', 'yesterday']));
      const t = say(v, r);
      const by = new Map<string, number>();
      for (const e of of(w.town, w.kind, r.a, r.b))
        if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, w.key) ?? 0));
      const sorted = [...by].sort((x, y) => y[1] - x[1]);
      if (
        sorted.length < 2 ||
        round(at(sorted, 0)[1], 2) === round(at(sorted, 1)[1], 2) ||
        at(sorted, 0)[1] === 0
      )
        return false;
      const [actor, total] = at(sorted, 0);
      const q =
        v === 'clerk'
          ? `Kindly identify the ${w.role} who ${w.clerk}${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}which ${w.role} ${w.sailor}${sp(t)}?`
            : `actor with max sum(${w.key}) over ${w.kind} events at ${w.town}${sp(t)}`;
      return push('who', q, `${actor} (${round(total, 2)}; ${rangeText(r)})`, (rep) =>
        names(rep.answer, actor),
      );
    },
  ]);

  // ----- role -----
  const ROLES: { q: Record<Voice, string>; who: string[] }[] = [
    {
      q: {
        clerk: 'Kindly state the name of the miller at PatchBourough.',
        sailor: 'Who grinds the grain at the farms’ mill, mate?',
        dev: 'who has role=miller (patchbourough)?',
      },
      who: ['Rosalind Grist'],
    },
    {
      q: {
        clerk: 'Please state who keeps the PatchBourough forge.',
        sailor: 'Who’s the smith at the farms these days?',
        dev: 'actor with role blacksmith in patchbourough',
      },
      who: ['Garrick Stone'],
    },
    {
      q: {
        clerk: 'Kindly name the fletcher of the Den of Thieves.',
        sailor: 'Who fletches our arrows on the island?',
        dev: 'who is the fletcher (den-of-thieves)?',
      },
      who: ['Skiv'],
    },
    {
      q: {
        clerk: 'Please name the captain of the Black Gull.',
        sailor: 'Who captains the Black Gull, then?',
        dev: 'role=captain at den-of-thieves: name?',
      },
      who: ['Mara Blackwater'],
    },
    {
      q: {
        clerk: 'Kindly state who keeps the tavern at the Den of Thieves.',
        sailor: 'Who pours the rum at the Drowned Rat?',
        dev: 'who is the tavern keeper (den-of-thieves)?',
      },
      who: ['Greta Grog'],
    },
    {
      q: {
        clerk: 'Please name the quartermaster of the Den of Thieves.',
        sailor: 'Who’s our quartermaster, the one who fences the loot?',
        dev: 'role=quartermaster in den-of-thieves',
      },
      who: ['Finn'],
    },
    {
      q: {
        clerk: 'Kindly name the teachers at the Circuiton Academy.',
        sailor: 'Who teaches up at the mountain academy?',
        dev: 'list actors with role=teacher at circuiton',
      },
      who: ['Cogsworth', 'Gearhart'],
    },
    {
      q: {
        clerk: 'Please state who keeps the Black Gull in repair as bosun.',
        sailor: 'Who’s bosun o’ the Black Gull?',
        dev: 'who is the bosun (den-of-thieves)?',
      },
      who: ['Rook'],
    },
  ];
  generators.push([
    'role',
    6,
    () => {
      const v = voice();
      const x = pick(ROLES);
      return push(
        'role',
        x.q[v],
        x.who.join(' and '),
        (rep) => all(...x.who.map((w) => names(rep.answer, w))),
        `role:${x.who.join()}`,
      );
    },
  ]);

  // ----- mean -----
  generators.push([
    'mean',
    12,
    () => {
      const v = voice();
      const r = range(SPANS);
      const t = say(v, r);
      const kind = int(0, 2);
      if (kind === 0) {
        const rd = pick(READINGS);
        const town = pick(rd.towns);
        const m = meanOf(of(town, 'sensor', r.a, r.b), rd.key);
        if (Number.isNaN(m) || edgy(m, rd.dec)) return false;
        const where = townName(v, town);
        const q =
          v === 'clerk'
            ? `Kindly report the average ${rd.label} recorded at ${where}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}what was the ${rd.label} at ${where}${sp(t)}, on average?`
              : `mean(${rd.key}) where town=${where}${sp(t)}`;
        return push(
          'mean',
          q,
          `${fmt(m, rd.dec + 2)} ${rd.unit} (mean of readings, ${rangeText(r)})`,
          (rep) => states(rep.answer, m, rd.dec),
        );
      }
      if (kind === 1) {
        const o = pick(OUTPUTS);
        const total = round(sumOf(of(o.town, o.kind, r.a, r.b), o.key), o.dec);
        const days = reportedDays(o.town, r.a, r.b).length;
        if (days === 0 || total === 0) return false;
        const m = total / days;
        const dec = Math.max(o.dec, 1);
        if (edgy(m, o.dec) || edgy(m, dec)) return false;
        const q =
          v === 'clerk'
            ? `Kindly state the average daily ${o.clerk}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}${o.sailorHow} on an average day${sp(t)}?`
              : `avg per day of sum(${o.key}) for ${o.town}${sp(t)}`;
        return push(
          'mean',
          q,
          `${fmt(m, dec + 1)} ${o.unit} a day (${total} over ${days} days; ${rangeText(r)})`,
          (rep) => states(rep.answer, m, o.dec),
        );
      }
      // per event
      const perFish = chance(0.5);
      const list = perFish ? of('port-logic', 'fishing', r.a, r.b) : of('den-of-thieves', 'raid', r.a, r.b);
      if (list.length < 2 || list.some((e) => (num(e, perFish ? 'fish' : 'raid_gold') ?? 0) === 0))
        return false;
      const m = meanOf(list, perFish ? 'fish' : 'raid_gold');
      if (edgy(m, 1) || edgy(m, 0)) return false;
      const q = perFish
        ? v === 'clerk'
          ? `Kindly report the average catch per fishing trip at Port Logic${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}how many fish did a harbour boat bring in per trip${sp(t)}, on average?`
            : `mean fish per fishing event at port-logic${sp(t)}`
        : v === 'clerk'
          ? `Kindly report the average gold taken per raid by the Den of Thieves${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}how much gold did the Black Gull take per raid${sp(t)}, on average?`
            : `avg raid_gold per raid event${sp(t)}`;
      return push(
        'mean',
        q,
        `${fmt(m, 2)} per ${perFish ? 'trip' : 'raid'} (${list.length} events, ${rangeText(r)})`,
        (rep) => states(rep.answer, m, 0),
      );
    },
  ]);

  // ----- total -----
  generators.push([
    'total',
    12,
    () => {
      const v = voice();
      const r = range(ANY.filter((k) => k !== 'whole'));
      const t = say(v, r);
      const rain = chance(0.2);
      if (rain) {
        const town = pick(TOWNS);
        const n = round(sumOf(of(town, 'sensor', r.a, r.b), 'rain_mm'), 1);
        const q =
          v === 'clerk'
            ? `Kindly report the rainfall recorded at ${CLERK_TOWN[town]}${sp(t)}, in millimetres.`
            : v === 'sailor'
              ? `${arr()}how much rain fell on ${st(town)}${sp(t)}?`
              : `sum rain_mm where town=${town}${sp(t)}`;
        return push(
          'total',
          q,
          `${fmt(n, 1)} mm (${rangeText(r)})`,
          n === 0 ? countCheck(0) : (rep) => states(rep.answer, n, 1),
        );
      }
      const o = pick(OUTPUTS);
      const n = round(sumOf(of(o.town, o.kind, r.a, r.b), o.key), o.dec);
      const q =
        v === 'clerk'
          ? pick([
              `Kindly report the total of ${o.clerk}${sp(t)}.`,
              `For the ledger, please state the quantity of ${o.clerk}${sp(t)}.`,
            ])
          : v === 'sailor'
            ? `${arr()}${o.sailorHow}${sp(t)}?`
            : `sum ${dev(o)}${sp(t)}`;
      return push(
        'total',
        q,
        `${fmt(n, o.dec)} ${o.unit} (${rangeText(r)})`,
        n === 0 ? countCheck(0) : (rep) => states(rep.answer, n, o.dec),
      );
    },
  ]);

  // ----- scope: whole history, or all towns together -----
  generators.push([
    'scope',
    8,
    () => {
      const v = voice();
      if (chance(0.5)) {
        const r = range(SPANS);
        const t = say(v, r);
        const rain = chance(0.5);
        const n = rain
          ? round(
              TOWNS.reduce((s, tw) => s + sumOf(of(tw, 'sensor', r.a, r.b), 'rain_mm'), 0),
              1,
            )
          : TRADERS.reduce((s, tw) => s + sumOf(of(tw, 'loss', r.a, r.b), 'loot_gold'), 0);
        const q = rain
          ? v === 'clerk'
            ? `Kindly report the combined rainfall of all four towns${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much rain fell on the whole world, all four towns together${sp(t)}?`
              : `sum rain_mm across all towns${sp(t)}`
          : v === 'clerk'
            ? `Kindly report the total gold lost to pirates by all towns together${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}how much gold did all the towns lose to pirates put together${sp(t)}?`
              : `sum loot_gold over all loss events, every target${sp(t)}`;
        return push(
          'scope',
          q,
          `${rain ? `${fmt(n, 1)} mm` : `${n} gold`} (all towns, ${rangeText(r)})`,
          n === 0 ? countCheck(0) : (rep) => states(rep.answer, n, rain ? 1 : 0),
        );
      }
      const o = pick(OUTPUTS);
      const n = round(sumOf(of(o.town, o.kind), o.key), o.dec);
      const q =
        v === 'clerk'
          ? `Kindly report the total of ${o.clerk} since records began.`
          : v === 'sailor'
            ? `${arr()}${o.sailorHow}, all told, since the first day?`
            : `sum ${dev(o)} so far`;
      return push('scope', q, `${fmt(n, o.dec)} ${o.unit} (whole history)`, (rep) =>
        states(rep.answer, n, o.dec),
      );
    },
  ]);

  // ----- count -----
  const COUNTS: { q: Record<Voice, string>; count: (a: number, b: number) => number }[] = [
    {
      q: {
        clerk: 'Kindly report the number of raids by the Den of Thieves that took gold',
        sailor: 'how many raids brought home gold',
        dev: 'count raid events with raid_gold > 0',
      },
      count: (a, b) =>
        of('den-of-thieves', 'raid', a, b).filter((e) => (num(e, 'raid_gold') ?? 0) > 0).length,
    },
    {
      q: {
        clerk: 'Kindly report the number of shipments robbed by pirates, all towns',
        sailor: 'how many shipments did we rob, all told',
        dev: 'count loss events',
      },
      count: (a, b) => TRADERS.reduce((s, t) => s + of(t, 'loss', a, b).length, 0),
    },
    {
      q: {
        clerk: 'Please state the number of storm readings at Port Logic',
        sailor: 'how many times did the glass read storm at the harbour',
        dev: 'count sensor events with storm=1 at port-logic',
      },
      count: (a, b) => of('port-logic', 'sensor', a, b).filter((e) => e.data.storm === 1).length,
    },
    {
      q: {
        clerk: 'Please state the number of storm readings at the Den of Thieves',
        sailor: 'how many storm readin’s did the island take',
        dev: 'count sensor events where storm=1 and town=den-of-thieves',
      },
      count: (a, b) => of('den-of-thieves', 'sensor', a, b).filter((e) => e.data.storm === 1).length,
    },
    {
      q: {
        clerk: 'Kindly report how many times the PatchBourough forge was reported cold',
        sailor: 'how many times did the farms’ forge go cold',
        dev: 'count forge events with cold_forge=1',
      },
      count: (a, b) => of('patchbourough', 'forge', a, b).filter((e) => e.data.cold_forge === 1).length,
    },
    {
      q: {
        clerk: 'Kindly report how many times the Black Gull was repaired',
        sailor: 'how many times did the bosun patch the Black Gull',
        dev: 'count repair events with boat_repaired=1',
      },
      count: (a, b) =>
        of('den-of-thieves', 'repair', a, b).filter((e) => (num(e, 'boat_repaired') ?? 0) > 0).length,
    },
    {
      q: {
        clerk: 'Please state the number of orders placed by Circuiton',
        sailor: 'how many orders did the mines send out',
        dev: 'count order events where town=circuiton',
      },
      count: (a, b) => of('circuiton', 'order', a, b).length,
    },
    {
      q: {
        clerk: 'Kindly report the number of fishing trips recorded at Port Logic',
        sailor: 'how many fishin’ trips went out from the harbour',
        dev: 'count fishing events at port-logic',
      },
      count: (a, b) => of('port-logic', 'fishing', a, b).length,
    },
    {
      q: {
        clerk: 'Kindly report the number of cargoes Port Logic sent overseas',
        sailor: 'how many cargoes did the harbour send overseas',
        dev: 'count trade events where to=overseas',
      },
      count: (a, b) => of('port-logic', 'trade', a, b).filter((e) => e.data.to === 'overseas').length,
    },
  ];
  generators.push([
    'count',
    10,
    () => {
      const v = voice();
      const c = pick(COUNTS);
      const r = range(ANY);
      const t = say(v, r);
      const n = c.count(r.a, r.b);
      const q =
        v === 'clerk'
          ? `${c.q.clerk}${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}${c.q.sailor}${sp(t)}?`
            : `${c.q.dev}${sp(t)}`;
      return push('count', q, `${n} (${rangeText(r)})`, countCheck(n));
    },
  ]);

  // ----- did -----
  generators.push([
    'did',
    8,
    () => {
      const v = voice();
      const r = range(chance(0.7) ? ONE_DAY : ['lastweek', 'thisweek', 'week']);
      const t = say(v, r);
      const h = pick(HAPPENINGS);
      const yes = daysOf(h, r.a, r.b).length > 0;
      const q =
        v === 'clerk'
          ? `Kindly confirm, yes or no: is it the case that ${clause(v, h)}${sp(t)}?`
          : v === 'sailor'
            ? `${arr()}is it true ${clause(v, h)}${sp(t)}?`
            : `exists ${clause(v, h)}${sp(t)}? yes/no`;
      return push('did', q, `${yes ? 'yes' : 'no'} (${rangeText(r)})`, (rep) => saysYes(rep.answer, yes));
    },
  ]);

  // ----- min / max of readings -----
  for (const which of ['min', 'max'] as const) {
    generators.push([
      which,
      5,
      () => {
        const v = voice();
        const rd = pick(READINGS.filter((x) => x.key !== 'humidity_pct'));
        const town = pick(rd.towns);
        const r = range(ANY);
        const t = say(v, r);
        const vs = of(town, 'sensor', r.a, r.b)
          .map((e) => num(e, rd.key))
          .filter((x): x is number => x !== undefined);
        if (vs.length === 0) return false;
        const x = which === 'min' ? Math.min(...vs) : Math.max(...vs);
        const where = townName(v, town);
        const word = which === 'min' ? 'lowest' : 'highest';
        const q =
          v === 'clerk'
            ? `Kindly report the ${word} single ${rd.label} reading at ${where}${sp(t)}.`
            : v === 'sailor'
              ? `${arr()}what was the ${word} ${rd.label} the glass showed at ${where}${sp(t)}?`
              : `${which}(${rd.key}) over sensor readings at ${where}${sp(t)}`;
        return push(which, q, `${fmt(x, rd.dec)} ${rd.unit} (${rangeText(r)})`, (rep) =>
          states(rep.answer, x, rd.dec),
        );
      },
    ]);
  }

  // ----- correlate -----
  const PAIRS: {
    a: [Town, string, string, 'sum' | 'mean'];
    b: [Town, string, string, 'sum' | 'mean'];
    q: Record<Voice, string>;
  }[] = [
    {
      a: ['port-logic', 'fishing', 'fish', 'sum'],
      b: ['port-logic', 'sensor', 'wind_kph', 'mean'],
      q: {
        clerk: "Kindly report the correlation between Port Logic's daily catch and its daily mean wind speed",
        sailor: 'how tight does the harbour’s catch follow the wind, day by day (the correlation)',
        dev: 'pearson r of daily sum(fish) vs daily mean(wind_kph) at port-logic',
      },
    },
    {
      a: ['port-logic', 'fishing', 'fish', 'sum'],
      b: ['port-logic', 'sensor', 'temperature_c', 'mean'],
      q: {
        clerk: "Please state the correlation of Port Logic's fish per day with its mean temperature per day",
        sailor: 'does the harbour catch more fish on warm days — give me the correlation',
        dev: 'corr(daily sum fish, daily mean temperature_c) for port-logic',
      },
    },
    {
      a: ['den-of-thieves', 'drinking', 'drinks', 'sum'],
      b: ['den-of-thieves', 'sensor', 'temperature_c', 'mean'],
      q: {
        clerk:
          'Kindly report the correlation between drinks poured per day at the Den of Thieves and its daily mean temperature',
        sailor: 'do we drink more rum on the hot days at the Den? the correlation, mind',
        dev: 'pearson r: daily sum(drinks) vs daily mean(temperature_c), den-of-thieves',
      },
    },
    {
      a: ['circuiton', 'mining', 'ore_tons', 'sum'],
      b: ['circuiton', 'sensor', 'rain_mm', 'sum'],
      q: {
        clerk: "Please state the correlation between Circuiton's daily ore and its daily rainfall",
        sailor:
          'does the rain slow the diggin’ at the mines? the correlation o’ ore per day with rain per day',
        dev: 'corr(daily sum ore_tons, daily sum rain_mm) at circuiton',
      },
    },
    {
      a: ['patchbourough', 'farming', 'harvest', 'sum'],
      b: ['patchbourough', 'sensor', 'temperature_c', 'mean'],
      q: {
        clerk:
          "Kindly report the correlation between PatchBourough's daily harvest and its daily mean temperature",
        sailor: 'does the farms’ harvest follow the warmth? the correlation per day',
        dev: 'pearson r of daily sum(harvest) vs daily mean(temperature_c) at patchbourough',
      },
    },
  ];
  generators.push([
    'correlate',
    5,
    () => {
      const v = voice();
      const p = pick(PAIRS);
      const r = range(['whole', 'lastmonth', 'thismonth']);
      const t = say(v, r);
      const sa = daily(of(p.a[0], p.a[1], r.a, r.b), p.a[2], p.a[3]);
      const sb = daily(of(p.b[0], p.b[1], r.a, r.b), p.b[2], p.b[3]);
      const days = [...sa.keys()].filter((d) => sb.has(d));
      if (days.length < 10) return false;
      const c = pearson(
        days.map((d) => sa.get(d) as number),
        days.map((d) => sb.get(d) as number),
      );
      if (!Number.isFinite(c) || edgy(c, 2)) return false;
      const q =
        v === 'clerk'
          ? `${p.q.clerk}${sp(t)}.`
          : v === 'sailor'
            ? `${arr()}${p.q.sailor}${sp(t)}?`
            : `${p.q.dev}${sp(t)}`;
      return push(
        'correlate',
        q,
        `r = ${fmt(c, 2)} over ${days.length} days (${rangeText(r)})`,
        (rep) => states(rep.answer, c, 2),
        `corr:${PAIRS.indexOf(p)}:${r.a}-${r.b}`,
      );
    },
  ]);

  // ----- future -----
  const FUTURE: { q: Record<Voice, string>; total: () => [number, number] }[] = [
    {
      q: {
        clerk: 'Kindly forecast the fish Port Logic will land tomorrow.',
        sailor: 'How many fish will the harbour haul tomorrow, d’ye reckon?',
        dev: 'sum fish where town=port-logic and day=today+1',
      },
      total: () => [sumOf(of('port-logic', 'fishing'), 'fish'), 0],
    },
    {
      q: {
        clerk: 'Please report the gold the Den of Thieves will take in raids next week.',
        sailor: 'How much gold will the Black Gull plunder next week?',
        dev: 'sum raid_gold for next week',
      },
      total: () => [sumOf(of('den-of-thieves', 'raid'), 'raid_gold'), 0],
    },
    {
      q: {
        clerk: 'Kindly state the mean temperature at Circuiton on day 900.',
        sailor: 'What’ll the temperature be up the mountain on day 900?',
        dev: 'mean(temperature_c) at circuiton on day 900',
      },
      total: () => [meanOf(of('circuiton', 'sensor'), 'temperature_c'), 1],
    },
    {
      q: {
        clerk: 'Kindly report the rainfall PatchBourough will receive on day 1000.',
        sailor: 'How much rain will fall on the farms on day 1000?',
        dev: 'sum rain_mm at patchbourough, day=1000',
      },
      total: () => [round(sumOf(of('patchbourough', 'sensor'), 'rain_mm'), 1), 1],
    },
    {
      q: {
        clerk: 'Please state how many drinks the Den of Thieves will pour tomorrow.',
        sailor: 'How many drinks o’ rum will Greta pour tomorrow night?',
        dev: 'sum drinks where town=den-of-thieves and day=tomorrow',
      },
      total: () => [sumOf(of('den-of-thieves', 'drinking'), 'drinks'), 0],
    },
  ];
  generators.push([
    'future',
    5,
    () => {
      const v = voice();
      const f = pick(FUTURE);
      const [total, dec] = f.total();
      return push(
        'future',
        f.q[v],
        'has not happened yet',
        (rep) =>
          all(
            saysNotYet(rep.answer),
            states(rep.answer, total, dec) === null ? 'states the history total' : null,
          ),
        `future:${FUTURE.indexOf(f)}`,
      );
    },
  ]);

  // Run every generator to its quota
  for (const [, quota, gen] of generators) {
    let made = 0;
    for (let tries = 0; made < quota && tries < quota * 60; tries++) if (gen()) made++;
  }

  // Typos in about one question in eight
  const TYPOS: [RegExp, string, string][] = [
    [/\bflour\b/, 'flour', 'flowr'],
    [/\bharvested\b/, 'harvested', 'harvsted'],
    [/\baverage\b/, 'average', 'avergae'],
    [/\btemperature\b/, 'temperature', 'temprature'],
    [/\bshipments\b/, 'shipments', 'shipmnets'],
    [/\bpirates\b/, 'pirates', 'pirtaes'],
    [/\bhumidity\b/, 'humidity', 'humidty'],
    [/\bpressure\b/, 'pressure', 'presure'],
    [/\barrows\b/, 'arrows', 'arows'],
    [/\btrinkets\b/, 'trinkets', 'trinkits'],
    [/\bwhich\b/, 'which', 'wich'],
    [/\brain\b/, 'rain', 'rian'],
    [/\bstorm\b/, 'storm', 'strom'],
    [/\bplunder\b/, 'plunder', 'plundr'],
    [/\bKindly\b/, 'Kindly', 'Kindy'],
    [/\breport\b/, 'report', 'reprot'],
    [/\brainfall\b/, 'rainfall', 'rainfal'],
    [/\bidle\b/, 'idle', 'idel'],
    [/\bgold\b/, 'gold', 'glod'],
    [/\bnumber\b/, 'number', 'numbr'],
    [/\bCircuiton\b/, 'Circuiton', 'Circuton'],
    [/\bPatchBourough\b/, 'PatchBourough', 'Patchbourogh'],
    [/\bshipped\b/, 'shipped', 'shiped'],
    [/\breceived\b/, 'received', 'recieved'],
    [/\bhighest\b/, 'highest', 'higest'],
    [/\bforge\b/, 'forge', 'froge'],
    [/\bdrinks\b/, 'drinks', 'drnks'],
    [/\bweek\b/, 'week', 'weeek'],
    [/\bharbour\b/, 'harbour', 'harbuor'],
    [/\bmines\b/, 'mines', 'mnies'],
    [/\btavern\b/, 'tavern', 'tavren'],
    [/\bAcademy\b/, 'Academy', 'Acadmey'],
    [/\breading\b/, 'reading', 'readnig'],
    [/\btrend\b/, 'trend', 'trnd'],
    [/\bcorrelation\b/, 'correlation', 'corelation'],
    [/\brecorded\b/, 'recorded', 'recroded'],
    [/\bPlease\b/, 'Please', 'Plese'],
    [/\bfish\b/, 'fish', 'fsih'],
    [/\btools\b/, 'tools', 'tols'],
    [/\blargest\b/, 'largest', 'largets'],
    [/\bshipment\b/, 'shipment', 'shipmnet'],
    [/\bcargoes\b/, 'cargoes', 'cargos'],
  ];
  // The kind and field names a developer types as the API spells them.
  const FIELD_WORDS = new Set([
    'fish',
    'tools',
    'drinks',
    'arrows',
    'trinkets',
    'harvest',
    'nets',
    'ropes',
    'storm',
    'idle',
    'gold',
  ]);
  for (const c of cases) {
    if (!chance(0.13)) continue;
    const options = TYPOS.map(
      ([re, from, to]) =>
        [new RegExp(`(?<![._=(\\w-])${re.source.replace(/\\b/g, '')}(?![._=)\\w-])`), from, to] as const,
    ).filter(([re, from]) => re.test(c.question) && !(FIELD_WORDS.has(from) && /[=(_]/.test(c.question)));
    if (options.length === 0) continue;
    const [re, from, to] = pick(options);
    const q = c.question.replace(re, to);
    if (seen.has(q)) continue;
    seen.add(q);
    c.question = q;
    c.typo = `${from} → ${to}`;
  }
  return cases;
}

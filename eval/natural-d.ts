/**
 * Natural-d: a fifth natural development set, written from the world definition (src/world) and
 * eval/CONVENTIONS.md alone, without reading the planner or the other sets. Three voices: people
 * texting on a phone (lowercase, abbreviations, "yday", "wk", "tot"), non-native English speakers
 * (word-order slips, missing articles, "catched"), and a tabletop game master preparing a session
 * who asks in-world. Weighted toward days counted, two things on the same day, which town, the
 * extreme day, and trends, with a smaller share of every other form; about one question in ten
 * carries a typo. Every truth is computed from the raw events; the set is deterministic per history.
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
} from './checks.ts';

type Out = Case & { typo?: string };
type Voice = 'text' | 'nn' | 'gm';
type Rng = () => number;

const P = 'port-logic';
const B = 'patchbourough';
const C = 'circuiton';
const D = 'den-of-thieves';
const TOWNS = [P, B, C, D];

/** The places as each voice says them: a locative ("at the docks") and a bare name. */
const LOC: Record<string, Record<Voice, string[]>> = {
  [P]: {
    text: ['in port logic', 'at the port', 'at the docks', 'at the harbour'],
    nn: ['in Port Logic', 'in the port', 'at harbour'],
    gm: ['at the harbour', 'in Port Logic', 'down at the docks'],
  },
  [B]: {
    text: ['in patchbourough', 'at the farms', 'in the river town', 'on the farmlands'],
    nn: ['in PatchBourough', 'in river town', 'on the farms'],
    gm: ['in PatchBourough', 'out on the farmlands', 'in the river town'],
  },
  [C]: {
    text: ['in circuiton', 'at the mines', 'up in the mountain town'],
    nn: ['in Circuiton', 'in mountain town', 'at the mines'],
    gm: ['in Circuiton', 'up in the mountain town'],
  },
  [D]: {
    text: ['in the den', 'at den of thieves', 'on the island'],
    nn: ['in the Den of Thieves', 'on the island', 'in Den'],
    gm: ['in the Den', 'on the pirate island', 'in the Den of Thieves'],
  },
};
const NAME: Record<string, Record<Voice, string[]>> = {
  [P]: {
    text: ['port logic', 'the port', 'the harbour'],
    nn: ['Port Logic', 'the port'],
    gm: ['Port Logic', 'the harbour'],
  },
  [B]: {
    text: ['patchbourough', 'the farms', 'the river town'],
    nn: ['PatchBourough', 'the river town'],
    gm: ['PatchBourough', 'the farmlands'],
  },
  [C]: {
    text: ['circuiton', 'the mines', 'the mountain town'],
    nn: ['Circuiton', 'the mountain town'],
    gm: ['Circuiton'],
  },
  [D]: {
    text: ['the den', 'den of thieves', 'the island'],
    nn: ['Den of Thieves', 'the island'],
    gm: ['the Den', 'the pirate island'],
  },
};

/** Every intro names the town, so that "there" in the question that follows is never ambiguous. */
const GM_INTRO = [
  'My players arrive {T} tomorrow -',
  'Prepping tonight’s session, which is set {T}:',
  'The next chapter of my campaign happens {T}.',
  'The party’s bard is gathering gossip {T}:',
  'Setting the scene {T} for my players:',
  'Quick lore check for my table about life {T}:',
  'Before the session starts (it opens {T}),',
];

interface Output {
  key: string;
  town: string;
  kind: string;
  dec: number;
  mass: boolean;
  /** Short noun (texting), and a fuller one. */
  short: string;
  noun: string;
}
const OUTPUTS: Output[] = [
  { key: 'fish', town: P, kind: 'fishing', dec: 0, mass: false, short: 'fish', noun: 'fish caught' },
  { key: 'nets', town: P, kind: 'maritime', dec: 0, mass: false, short: 'nets', noun: 'nets made' },
  { key: 'ropes', town: P, kind: 'maritime', dec: 0, mass: false, short: 'ropes', noun: 'ropes made' },
  { key: 'harvest', town: B, kind: 'farming', dec: 0, mass: true, short: 'harvest', noun: 'grain harvested' },
  { key: 'flour_lbs', town: B, kind: 'mill', dec: 0, mass: true, short: 'flour', noun: 'flour milled' },
  { key: 'tools', town: B, kind: 'forge', dec: 0, mass: false, short: 'tools forged', noun: 'tools forged' },
  { key: 'ore_tons', town: C, kind: 'mining', dec: 2, mass: true, short: 'ore', noun: 'ore mined' },
  {
    key: 'trinkets',
    town: C,
    kind: 'apprenticeship',
    dec: 0,
    mass: false,
    short: 'trinkets',
    noun: 'trinkets made',
  },
  {
    key: 'learned',
    town: C,
    kind: 'education',
    dec: 0,
    mass: false,
    short: 'pupils learned',
    noun: 'pupils who learned a craft',
  },
  { key: 'drinks', town: D, kind: 'drinking', dec: 0, mass: false, short: 'drinks', noun: 'drinks poured' },
  { key: 'arrows', town: D, kind: 'arrows', dec: 0, mass: false, short: 'arrows', noun: 'arrows made' },
  {
    key: 'raid_gold',
    town: D,
    kind: 'raid',
    dec: 0,
    mass: true,
    short: 'raid gold',
    noun: 'gold taken in raids',
  },
];

/** A quantity after a number, with its unit: "5.5 tons of ore". */
const QTY: Record<string, [string, string]> = {
  ore_tons: ['tons of ore', 'tons of ore mined'],
  harvest: ['lbs of harvest', 'lbs of grain harvested'],
  flour_lbs: ['lbs of flour', 'lbs of flour milled'],
  raid_gold: ['gold from raids', 'gold taken in raids'],
};

interface Reading {
  key: string;
  dec: number;
  towns: string[];
  text: string;
  noun: string;
  hot: string;
  cold: string;
}
const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    towns: TOWNS,
    text: 'temp',
    noun: 'temperature',
    hot: 'hottest',
    cold: 'coldest',
  },
  {
    key: 'wind_kph',
    dec: 1,
    towns: TOWNS,
    text: 'wind',
    noun: 'wind speed',
    hot: 'windiest',
    cold: 'calmest',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    towns: TOWNS,
    text: 'humidity',
    noun: 'humidity',
    hot: 'most humid',
    cold: 'least humid',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    towns: TOWNS,
    text: 'pressure',
    noun: 'air pressure',
    hot: 'highest pressure',
    cold: 'lowest pressure',
  },
  {
    key: 'tide_m',
    dec: 2,
    towns: [P],
    text: 'tide',
    noun: 'tide level',
    hot: 'highest tide',
    cold: 'lowest tide',
  },
  {
    key: 'river_level_m',
    dec: 2,
    towns: [B],
    text: 'river level',
    noun: 'river level',
    hot: 'highest river',
    cold: 'lowest river',
  },
];

interface Range {
  from: number;
  to: number;
  kind:
    | 'today'
    | 'yday'
    | 'lastWeek'
    | 'thisWeek'
    | 'lastK'
    | 'lastMonth'
    | 'thisMonth'
    | 'week'
    | 'between'
    | 'day'
    | 'all';
  n?: number;
  m?: number;
}

function mulberry32(a: number): Rng {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashEvents(events: RawEvent[], today: number): number {
  let h = 2166136261 ^ today ^ events.length;
  const step = Math.max(1, Math.floor(events.length / 500));
  for (let i = 0; i < events.length; i += step) {
    const e = nth(events, i);
    const s = `${e.town}|${e.day}|${e.hour}|${e.kind}|${JSON.stringify(e.data)}`;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
  }
  return h >>> 0;
}

/** Within 1e-6 of a rounding edge at `d` decimals. */
const edge = (v: number, d: number) => {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
};
/** The i-th element of a list the caller knows is long enough. */
const nth = <T>(xs: readonly T[], i: number): T => xs[i] as T;
const fmt = (v: number, d: number) => round(v, d).toFixed(d);

/** The answer does not name this day. */
const skipsDay = (answer: string, day: number) =>
  namesDay(answer, day) === null ? `names day ${day}` : null;
/** The answer does not state this value (at its decimals). */
const notStates = (answer: string, v: number, d: number) =>
  states(answer, v, d) === null ? `states ${fmt(v, d)}, a history figure` : null;

const RISE =
  /\b(ris(e|es|ing|en)|increas\w*|up(ward)?|climb\w*|grow\w*|gain\w*|higher|positive|warm(ing|er))\b/i;
const FALL =
  /\b(fall\w*|fell|decreas\w*|down(ward)?|declin\w*|drop\w*|lower|negative|shrink\w*|cool(ing|er))\b/i;
function trendCheck(answer: string, slope: number): string | null {
  if (states(answer, slope, 2) === null) return null;
  if (slope < 0 && states(answer, -slope, 2) === null && FALL.test(answer) && !RISE.test(answer)) return null;
  return `does not state a slope of ${fmt(slope, 2)} per day`;
}
const NONE = /\b(no|none|never|not|zero|0)\b/i;

function slopeOf(pts: [number, number][]): number {
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of pts) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return num / den;
}
function pearson(pts: [number, number][]): number {
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p[0], 0) / n;
  const my = pts.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const TYPO_STOP = new Set([
  'last',
  'week',
  'past',
  'what',
  'when',
  'which',
  'than',
  'from',
  'most',
  'least',
  'more',
  'less',
  'with',
  'this',
  'that',
  'were',
  'there',
  'their',
  'days',
  'today',
  'yesterday',
  'month',
  'between',
  'until',
  'tomorrow',
  'none',
  'ever',
  'both',
  'same',
  'each',
  'over',
  'under',
  'above',
  'below',
  'logic',
  'port',
  'patchbourough',
  'circuiton',
  'thieves',
  'farms',
  'mines',
  'harbour',
  'docks',
  'island',
  'river',
  'town',
  'mountain',
  'farmlands',
  'pirate',
  'pirates',
  'btwn',
]);

function addTypo(q: string, rng: Rng): { question: string; typo: string } | null {
  const words = [...q.matchAll(/[A-Za-z]{4,}/g)].filter((m) => !TYPO_STOP.has(m[0].toLowerCase()));
  if (words.length === 0) return null;
  const m = nth(words, Math.floor(rng() * words.length));
  const w = m[0];
  const kind = Math.floor(rng() * 3);
  const i = 1 + Math.floor(rng() * (w.length - 2));
  let t: string;
  if (kind === 0) t = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  else if (kind === 1) t = w.slice(0, i) + w.slice(i + 1);
  else t = w.slice(0, i) + w[i] + w.slice(i);
  if (t.toLowerCase() === w.toLowerCase()) return null;
  const at = m.index ?? 0;
  return { question: q.slice(0, at) + t + q.slice(at + w.length), typo: `${w} → ${t}` };
}

export function buildNaturalD(events: RawEvent[], today: number): Out[] {
  const rng = mulberry32(hashEvents(events, today));
  const pick = <T>(xs: readonly T[]): T => nth(xs, Math.floor(rng() * xs.length));
  const int = (a: number, b: number) => a + Math.floor(rng() * (b - a + 1));
  const N = today;

  const byTK = new Map<string, RawEvent[]>();
  for (const e of events) {
    const k = `${e.town}|${e.kind}`;
    const list = byTK.get(k) ?? [];
    list.push(e);
    byTK.set(k, list);
  }
  const evs = (town: string, kind: string, r: { from: number; to: number }) =>
    (byTK.get(`${town}|${kind}`) ?? []).filter((e) => e.day >= r.from && e.day <= r.to);
  const num = (e: RawEvent, key: string) =>
    typeof e.data[key] === 'number' ? (e.data[key] as number) : undefined;
  /** Per day (with at least one such event) the sum or mean of `key`. */
  const daily = (
    town: string,
    kind: string,
    key: string,
    mode: 'sum' | 'mean',
    r: { from: number; to: number },
  ) => {
    const acc = new Map<number, { s: number; n: number }>();
    for (const e of evs(town, kind, r)) {
      const v = num(e, key);
      if (v === undefined) continue;
      const a = acc.get(e.day) ?? { s: 0, n: 0 };
      a.s += v;
      a.n++;
      acc.set(e.day, a);
    }
    const out = new Map<number, number>();
    for (const [d, a] of [...acc].sort((x, y) => x[0] - y[0])) out.set(d, mode === 'sum' ? a.s : a.s / a.n);
    return out;
  };
  const sum = (town: string, kind: string, key: string, r: { from: number; to: number }) =>
    evs(town, kind, r).reduce((s, e) => s + (num(e, key) ?? 0), 0);
  const readings = (town: string, key: string, r: { from: number; to: number }) =>
    evs(town, 'sensor', r)
      .map((e) => num(e, key))
      .filter((v): v is number => v !== undefined);
  const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const daysWith = (
    town: string,
    kind: string,
    r: { from: number; to: number },
    test: (e: RawEvent) => boolean,
  ) =>
    new Set(
      evs(town, kind, r)
        .filter(test)
        .map((e) => e.day),
    );
  const reportDays = (town: string, r: { from: number; to: number }) => {
    const s = new Set<number>();
    for (const e of events) if (e.town === town && e.day >= r.from && e.day <= r.to) s.add(e.day);
    return s.size;
  };

  // ---- time ----
  const ALL: Range = { from: 1, to: N, kind: 'all' };
  function range(opts: { minLen?: number; maxLen?: number; allowAll?: boolean } = {}): Range {
    const minLen = opts.minLen ?? 1;
    const maxLen = opts.maxLen ?? 1000;
    for (let tries = 0; tries < 30; tries++) {
      const k = pick([
        'today',
        'yday',
        'lastWeek',
        'thisWeek',
        'lastK',
        'lastK',
        'lastMonth',
        'thisMonth',
        'week',
        'week',
        'between',
        'day',
        'all',
      ] as const);
      let r: Range;
      if (k === 'today') r = { from: N, to: N, kind: k };
      else if (k === 'yday') r = { from: N - 1, to: N - 1, kind: k };
      else if (k === 'lastWeek') r = { from: N - 7, to: N - 1, kind: k };
      else if (k === 'thisWeek') r = { from: N - 6, to: N, kind: k };
      else if (k === 'lastK') {
        const K = pick([3, 5, 10, 14, 20, 30]);
        r = { from: N - K + 1, to: N, kind: k, n: K };
      } else if (k === 'lastMonth') r = { from: N - 30, to: N - 1, kind: k };
      else if (k === 'thisMonth') r = { from: N - 29, to: N, kind: k };
      else if (k === 'week') {
        const W = int(1, 7);
        r = { from: 7 * W - 6, to: 7 * W, kind: k, n: W };
      } else if (k === 'between') {
        const a = int(1, 45);
        const b = int(a + 3, Math.min(55, a + 25));
        r = { from: a, to: b, kind: k, n: a, m: b };
      } else if (k === 'day') {
        const d = int(1, 55);
        r = { from: d, to: d, kind: k, n: d };
      } else {
        if (!opts.allowAll) continue;
        r = ALL;
      }
      const len = r.to - r.from + 1;
      if (len >= minLen && len <= maxLen) return r;
    }
    return { from: N - 6, to: N, kind: 'thisWeek' };
  }
  function when(r: Range, v: Voice): string {
    const t: Record<Voice, () => string> = {
      text: () => {
        switch (r.kind) {
          case 'today':
            return pick(['today', 'today so far']);
          case 'yday':
            return pick(['yday', 'yesterday']);
          case 'lastWeek':
            return pick(['last wk', 'last week']);
          case 'thisWeek':
            return pick(['this wk', 'past wk', 'this week']);
          case 'lastK':
            return pick([`last ${r.n} days`, `past ${r.n} days`]);
          case 'lastMonth':
            return 'last month';
          case 'thisMonth':
            return pick(['this month', 'this mo']);
          case 'week':
            return pick([`wk ${r.n}`, `in wk ${r.n}`, `week ${r.n}`]);
          case 'between':
            return pick([`btwn day ${r.n} and ${r.m}`, `from day ${r.n} to day ${r.m}`]);
          case 'day':
            return `on day ${r.n}`;
          default:
            return pick(['so far', 'ever', 'all time']);
        }
      },
      nn: () => {
        switch (r.kind) {
          case 'today':
            return 'today';
          case 'yday':
            return pick(['yesterday', 'in yesterday']);
          case 'lastWeek':
            return pick(['in last week', 'last week']);
          case 'thisWeek':
            return pick(['in this week', 'during this week']);
          case 'lastK':
            return pick([`in last ${r.n} days`, `during the last ${r.n} days`]);
          case 'lastMonth':
            return pick(['in last month', 'last month']);
          case 'thisMonth':
            return pick(['in this month', 'this month']);
          case 'week':
            return pick([`in the week ${r.n}`, `on week ${r.n}`]);
          case 'between':
            return pick([`from day ${r.n} until day ${r.m}`, `between the day ${r.n} and day ${r.m}`]);
          case 'day':
            return pick([`in the day ${r.n}`, `on day ${r.n}`]);
          default:
            return pick(['in all the history', 'since the beginning', 'until now in total']);
        }
      },
      gm: () => {
        switch (r.kind) {
          case 'today':
            return 'today';
          case 'yday':
            return 'yesterday';
          case 'lastWeek':
            return 'last week';
          case 'thisWeek':
            return pick(['over the past week', 'this week']);
          case 'lastK':
            return pick([`over the last ${r.n} days`, `in the last ${r.n} days`]);
          case 'lastMonth':
            return pick(['last month', 'over the course of last month']);
          case 'thisMonth':
            return 'this month';
          case 'week':
            return pick([`in week ${r.n} of the campaign`, `during week ${r.n}`]);
          case 'between':
            return `between day ${r.n} and day ${r.m}`;
          case 'day':
            return `on day ${r.n}`;
          default:
            return pick([
              'since the world began',
              'over the whole chronicle so far',
              'in all recorded history',
            ]);
        }
      },
    };
    return t[v]();
  }
  const voice = (): Voice => pick(['text', 'nn', 'gm'] as const);
  const loc = (town: string, v: Voice) => pick((LOC[town] as Record<Voice, string[]>)[v]);
  const tname = (town: string, v: Voice) => pick((NAME[town] as Record<Voice, string[]>)[v]);
  const gmIntro = (town: string) =>
    pick(GM_INTRO).replace('{T}', pick((LOC[town] as Record<Voice, string[]>).gm));
  const rangeText = (r: Range) => (r.from === r.to ? `day ${r.from}` : `days ${r.from}–${r.to}`);

  // ---- forms ----
  type Builder = () => Out | null;

  /** Happenings for days / both / did. */
  interface Hap {
    id: string;
    town: string;
    kind: string;
    test: (e: RawEvent) => boolean;
    say: Record<Voice, string[]>;
    /** Phrase for "both": "it rained at the port". */
    clause: Record<Voice, string[]>;
  }
  const rainHap = (town: string): Hap => ({
    id: `rain:${town}`,
    town,
    kind: 'sensor',
    test: (e) => (num(e, 'rain_mm') ?? 0) > 0,
    say: {
      text: [`did it rain ${loc(town, 'text')}`, `was there rain ${loc(town, 'text')}`],
      nn: [`it was raining ${loc(town, 'nn')}`, `was rain ${loc(town, 'nn')}`],
      gm: [`did rain fall ${loc(town, 'gm')}`, `was it raining ${loc(town, 'gm')}`],
    },
    clause: {
      text: [`it rained ${loc(town, 'text')}`, `rain ${loc(town, 'text')}`],
      nn: [`it was raining ${loc(town, 'nn')}`],
      gm: [`rain fell ${loc(town, 'gm')}`],
    },
  });
  const stormHap = (town: string): Hap => ({
    id: `storm:${town}`,
    town,
    kind: 'sensor',
    test: (e) => e.data.storm === 1,
    say: {
      text: [`was there a storm ${loc(town, 'text')}`],
      nn: [`was storm ${loc(town, 'nn')}`],
      gm: [`did a storm blow ${loc(town, 'gm')}`],
    },
    clause: {
      text: [`a storm hit ${tname(town, 'text')}`, `storm ${loc(town, 'text')}`],
      nn: [`there was storm ${loc(town, 'nn')}`],
      gm: [`a storm blew ${loc(town, 'gm')}`],
    },
  });
  const flagHap = (
    town: string,
    kind: string,
    flag: string,
    s: Record<Voice, string[]>,
    c: Record<Voice, string[]>,
  ): Hap => ({
    id: `${flag}:${town}`,
    town,
    kind,
    test: (e) => e.data[flag] === 1,
    say: s,
    clause: c,
  });
  const lossHap = (town: string): Hap => ({
    id: `loss:${town}`,
    town,
    kind: 'loss',
    test: () => true,
    say: {
      text: [`did pirates rob a shipment of ${tname(town, 'text')}`],
      nn: [`pirates robbed a shipment from ${tname(town, 'nn')}`],
      gm: [`did the pirates rob one of ${tname(town, 'gm')}’s shipments`],
    },
    clause: {
      text: [`pirates robbed a shipment from ${tname(town, 'text')}`],
      nn: [`the pirates robbed shipment of ${tname(town, 'nn')}`],
      gm: [`the pirates robbed a shipment from ${tname(town, 'gm')}`],
    },
  });
  const HAPS: (() => Hap)[] = [
    ...TOWNS.map((t) => () => rainHap(t)),
    ...TOWNS.map((t) => () => rainHap(t)),
    () => stormHap(P),
    () => stormHap(D),
    () =>
      flagHap(
        C,
        'mining',
        'flood',
        { text: ['did the mine flood'], nn: ['the mine was flooded'], gm: ['did the Deep Gallery flood'] },
        { text: ['the mine flooded'], nn: ['the mine was flooding'], gm: ['the mine in Circuiton flooded'] },
      ),
    () =>
      flagHap(
        B,
        'forge',
        'cold_forge',
        {
          text: ['was the forge cold'],
          nn: ['the forge was cold'],
          gm: ['did the smithy in PatchBourough stand cold'],
        },
        { text: ['the forge was cold'], nn: ['forge was cold'], gm: ['the blacksmith’s forge sat cold'] },
      ),
    () =>
      flagHap(
        P,
        'fishing',
        'fine_haul',
        {
          text: ['did a fisher land a fine haul'],
          nn: ['a fisher landed a fine haul'],
          gm: ['did one of the fishers land a fine haul'],
        },
        {
          text: ['someone landed a fine haul at the port'],
          nn: ['a fisher landed fine haul'],
          gm: ['a fisher at the harbour landed a fine haul'],
        },
      ),
    () => lossHap(P),
    () => lossHap(C),
    () => lossHap(B),
    () => ({
      id: 'repair',
      town: D,
      kind: 'repair',
      test: (e) => (num(e, 'boat_repaired') ?? 0) > 0,
      say: {
        text: ['did the pirates fix their ship'],
        nn: ['the pirates repaired their ship'],
        gm: ['did the crew repair the Black Gull'],
      },
      clause: {
        text: ['the pirates repaired their boat'],
        nn: ['pirates did repair of ship'],
        gm: ['the pirates patched up their ship'],
      },
    }),
  ];

  const daysForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 5, allowAll: true });
    const w = when(r, v);
    if (rng() < 0.45) {
      const h = pick(HAPS)();
      const n = daysWith(h.town, h.kind, r, h.test).size;
      if (n === 0) return null;
      const c = pick(h.clause[v]);
      const q = pick(
        {
          text: [`hw many days ${c} ${w}`, `${w} how many days ${c}?`, `# of days ${c} ${w}`],
          nn: [`on how many days ${c} ${w}?`, `how many days ${w} ${c}?`],
          gm: [
            `${gmIntro(h.town)} on how many days ${w} ${c}?`,
            `For the weather table: on how many days ${w} ${c}?`,
          ],
        }[v],
      );
      return {
        form: 'days',
        question: q,
        truth: `${n} days (${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, n, 0),
      };
    }
    if (rng() < 0.5) {
      // a daily total above a threshold
      const o = pick(OUTPUTS.filter((x) => x.key !== 'learned'));
      const ser = [...daily(o.town, o.kind, o.key, 'sum', r).values()];
      if (ser.length < 3) return null;
      const sorted = [...ser].sort((a, b) => a - b);
      const raw = nth(sorted, Math.floor(sorted.length * (0.3 + rng() * 0.5)));
      const step = o.dec === 2 ? 0.5 : raw > 200 ? 50 : raw > 50 ? 10 : raw > 10 ? 5 : 1;
      const th = Math.round(raw / step) * step;
      if (ser.some((x) => Math.abs(x - th) < 1e-9)) return null;
      const n = ser.filter((x) => x > th).length;
      if (n === 0) return null;
      const L = loc(o.town, v);
      const qty = QTY[o.key] ?? [o.short, o.noun];
      const q = pick(
        {
          text: [
            `hw many days ${w} did ${L} get more than ${th} ${qty[0]} in a day`,
            `days ${w} w/ over ${th} ${qty[0]} ${L}?`,
          ],
          nn: [`in how many days ${w} ${L} was more than ${th} ${qty[1]} in one day?`],
          gm: [
            `${gmIntro(o.town)} on how many days ${w} were there more than ${th} ${qty[1]} there in a single day?`,
          ],
        }[v],
      );
      return {
        form: 'days',
        question: q,
        truth: `${n} days with daily ${o.key} > ${th} (${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, n, 0),
      };
    }
    // a reading above/below a threshold: any reading or the daily mean
    const town = pick(TOWNS);
    const rd = pick(
      READINGS.filter((x) => x.towns.includes(town) && (x.key === 'temperature_c' || x.key === 'wind_kph')),
    );
    const useMean = rng() < 0.5;
    const ser = useMean
      ? [...daily(town, 'sensor', rd.key, 'mean', r).values()]
      : [...daily(town, 'sensor', rd.key, 'sum', r).keys()].map((d) => ({
          d,
          xs: readings(town, rd.key, { from: d, to: d }),
        }));
    if (ser.length < 3) return null;
    const above = rng() < 0.6;
    const vals = useMean
      ? (ser as number[])
      : (ser as { xs: number[] }[]).map((s) => (above ? Math.max(...s.xs) : Math.min(...s.xs)));
    const sorted = [...vals].sort((a, b) => a - b);
    const th = Math.round(nth(sorted, Math.floor(sorted.length * (0.25 + rng() * 0.5))));
    if (useMean && vals.some((x) => Math.abs(x - th) < 0.05)) return null;
    if (
      !useMean &&
      events.some(
        (e) =>
          e.town === town && e.kind === 'sensor' && e.day >= r.from && e.day <= r.to && e.data[rd.key] === th,
      )
    )
      return null;
    const n = vals.filter((x) => (above ? x > th : x < th)).length;
    if (n === 0) return null;
    const unit = rd.key === 'temperature_c' ? '°C' : ' km/h';
    const L = loc(town, v);
    const word = above ? pick(['above', 'over']) : 'below';
    const q = useMean
      ? pick(
          {
            text: [`hw many days ${w} was the avg ${rd.text} ${L} ${word} ${th}${unit} (daily avg)`],
            nn: [`how many days ${w} the daily average ${rd.noun} ${L} was ${word} ${th}${unit}?`],
            gm: [
              `${gmIntro(town)} on how many days ${w} was the day's average ${rd.noun} there ${word} ${th}${unit}?`,
            ],
          }[v],
        )
      : pick(
          {
            text: [`hw many days ${w} did the ${rd.text} ${L} go ${word} ${th}${unit} at any point`],
            nn: [`in how many days ${w} some reading of ${rd.noun} ${L} was ${word} ${th}${unit}?`],
            gm: [
              `${gmIntro(town)} on how many days ${w} did any reading of the ${rd.noun} there go ${word} ${th}${unit}?`,
            ],
          }[v],
        );
    return {
      form: 'days',
      question: q,
      truth: `${n} days (${useMean ? 'daily mean' : 'any reading'} ${rd.key} ${above ? '>' : '<'} ${th}, ${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, n, 0),
    };
  };

  let bothNone = 0;
  const bothForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 7, maxLen: 31 });
    const a = pick(HAPS)();
    const b = pick(HAPS)();
    if (a.id === b.id) return null;
    const ca = pick(a.clause[v]);
    const cb = pick(b.clause[v]);
    if (ca === cb) return null;
    const da = daysWith(a.town, a.kind, r, a.test);
    const db = daysWith(b.town, b.kind, r, b.test);
    const both = [...da].filter((d) => db.has(d)).sort((x, y) => x - y);
    if (both.length > 10) return null;
    if (both.length === 0) {
      if (bothNone >= 3 || rng() < 0.6) return null;
      bothNone++;
    }
    const w = when(r, v);
    const q = pick(
      {
        text: [
          `which days ${w} ${ca} and also ${cb}`,
          `${w}: days when ${ca} AND ${cb}?`,
          `what days ${w} had both: ${ca} + ${cb}`,
        ],
        nn: [
          `in which days ${w} ${ca} and in same day ${cb}?`,
          `which are the days ${w} where ${ca} and also ${cb}?`,
        ],
        gm: [
          `For an omen in my campaign: on which days ${w} did it happen that ${ca} and, on the same day, ${cb}?`,
          `My players want to know which days ${w} ${ca} while ${cb} the same day - which days?`,
        ],
      }[v],
    );
    const inner: number[] = [];
    for (let d = r.from + 1; d < r.to; d++) if (!both.includes(d)) inner.push(d);
    return {
      form: 'both',
      question: q,
      truth: both.length ? `days ${both.join(', ')} (${rangeText(r)})` : `none (${rangeText(r)})`,
      check: (x: Reply) =>
        all(
          ...(both.length
            ? both.map((d) => namesDay(x.answer, d))
            : [NONE.test(x.answer) ? null : 'does not say none']),
          ...inner.map((d) => skipsDay(x.answer, d)),
        ),
    };
  };

  const whichTownForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 3, allowAll: true });
    const w = when(r, v);
    const c = pick(['temp', 'temp', 'wind', 'humid', 'rain', 'rain', 'rainDays', 'loss', 'robbed'] as const);
    const most = rng() < 0.6;
    let vals: [string, number][];
    let dec: number;
    let q: string;
    let what: string;
    if (c === 'temp' || c === 'wind' || c === 'humid') {
      const rd = READINGS.find(
        (x) => x.key === { temp: 'temperature_c', wind: 'wind_kph', humid: 'humidity_pct' }[c],
      ) as Reading;
      dec = rd.dec;
      vals = TOWNS.map((t) => [t, meanOf(readings(t, rd.key, r))]);
      what = `mean ${rd.key}`;
      const adj = most ? rd.hot : rd.cold;
      const adjNN = c === 'temp' ? (most ? 'most hot' : 'most cold') : adj;
      q = pick(
        {
          text: [`which town was ${adj} ${w} (avg ${rd.text})`, `${adj} town ${w}? avg ${rd.text} pls`],
          nn: [
            `which town was ${adjNN} ${w}, by the average ${rd.noun}?`,
            `${w} what town had ${most ? 'highest' : 'lowest'} average ${rd.noun}?`,
          ],
          gm: [
            `Prepping travel encounters: which of the four towns was ${adj} ${w}, going by average ${rd.noun}?`,
          ],
        }[v],
      );
    } else if (c === 'rain' || c === 'rainDays') {
      dec = c === 'rain' ? 1 : 0;
      vals = TOWNS.map((t) => [
        t,
        c === 'rain'
          ? readings(t, 'rain_mm', r).reduce((s, x) => s + x, 0)
          : daysWith(t, 'sensor', r, (e) => (num(e, 'rain_mm') ?? 0) > 0).size,
      ]);
      what = c === 'rain' ? 'rain_mm sum' : 'rainy days';
      q =
        c === 'rain'
          ? pick(
              {
                text: [
                  `which town got the ${most ? 'most' : 'least'} rain ${w}`,
                  `${most ? 'wettest' : 'driest'} town ${w}? how much rain`,
                ],
                nn: [`which town had ${most ? 'most' : 'least'} rain ${w} and how many mm?`],
                gm: [
                  `My party is deciding where to travel: which town had the ${most ? 'most' : 'least'} rainfall ${w}, and how much?`,
                ],
              }[v],
            )
          : pick(
              {
                text: [`which town had the ${most ? 'most' : 'fewest'} rainy days ${w}`],
                nn: [`which town had ${most ? 'most' : 'less'} days with rain ${w}?`],
                gm: [`Which town saw rain on the ${most ? 'most' : 'fewest'} days ${w}?`],
              }[v],
            );
    } else {
      dec = 0;
      const ts = [P, B, C];
      vals = ts.map((t) => [t, c === 'loss' ? sum(t, 'loss', 'loot_gold', r) : evs(t, 'loss', r).length]);
      what = c === 'loss' ? 'loss loot_gold sum' : 'loss events';
      q =
        c === 'loss'
          ? pick(
              {
                text: [
                  `which town lost the ${most ? 'most' : 'least'} gold to the pirates ${w}`,
                  `who lost ${most ? 'most' : 'least'} gold to pirates ${w} - which town`,
                ],
                nn: [`which town was losing ${most ? 'most' : 'least'} gold to pirates ${w}?`],
                gm: [
                  `The pirates are the villains of my campaign: which town lost the ${most ? 'most' : 'least'} gold to them ${w}?`,
                ],
              }[v],
            )
          : pick(
              {
                text: [`which town got robbed by pirates the ${most ? 'most' : 'fewest'} times ${w}`],
                nn: [`which town had ${most ? 'most' : 'fewest'} shipments robbed by the pirates ${w}?`],
                gm: [
                  `Which town had its shipments robbed by the pirates ${most ? 'most' : 'least'} often ${w}?`,
                ],
              }[v],
            );
    }
    if (vals.some(([, x]) => Number.isNaN(x))) return null;
    const sorted = [...vals].sort((x, y) => (most ? y[1] - x[1] : x[1] - y[1]));
    if (Math.abs(round(nth(sorted, 0)[1], dec) - round(nth(sorted, 1)[1], dec)) < 10 ** -dec / 2) return null;
    if (edge(nth(sorted, 0)[1], dec)) return null;
    if (c !== 'temp' && nth(sorted, 0)[1] <= 0) return null;
    const [town, val] = nth(sorted, 0);
    return {
      form: 'which-town',
      question: q,
      truth: `${town} (${what} ${fmt(val, dec)}, ${rangeText(r)})`,
      check: (x: Reply) => all(namesTown(x.answer, town), states(x.answer, val, dec)),
    };
  };

  const extremeDayForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 5, allowAll: true });
    const w = when(r, v);
    const best = rng() < 0.65;
    if (rng() < 0.55) {
      const o = pick(OUTPUTS);
      const ser = daily(o.town, o.kind, o.key, 'sum', r);
      if (ser.size < 3) return null;
      const arr = [...ser].sort((x, y) => (best ? y[1] - x[1] : x[1] - y[1]));
      const [day, val] = nth(arr, 0);
      if (val <= 0) return null;
      if (edge(val, o.dec)) return null;
      const L = loc(o.town, v);
      const how = o.mass ? 'how much' : 'how many';
      const q = best
        ? pick(
            {
              text: [
                `best day for ${o.short} ${L} ${w}? ${how.replace('how', 'hw')}`,
                `${w} whats the biggest daily tot of ${o.short} ${L}`,
              ],
              nn: [
                `which was the day with most ${o.noun} ${L} ${w}, and ${how} was it?`,
                `${w} the best day of ${o.noun} ${L} was how much?`,
              ],
              gm: [
                `${gmIntro(o.town)} what was the single best day for ${o.noun} there ${w}, and ${how} in total that day?`,
              ],
            }[v],
          )
        : pick(
            {
              text: [
                `worst day for ${o.short} ${L} ${w}? ${how.replace('how', 'hw')}`,
                `${w} lowest daily tot of ${o.short} ${L}`,
              ],
              nn: [`which day was the least ${o.noun} ${L} ${w} and ${how}?`],
              gm: [
                `${gmIntro(o.town)} what was the leanest day for ${o.noun} there ${w}? ${how} that day in total?`,
              ],
            }[v],
          );
      return {
        form: 'extreme-day',
        question: q,
        truth: `${fmt(val, o.dec)} on day ${day} (${best ? 'max' : 'min'} daily ${o.key}, ${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, val, o.dec),
      };
    }
    const town = pick(TOWNS);
    const rd = pick(READINGS.filter((x) => x.towns.includes(town) && x.key !== 'pressure_hpa'));
    const isRain = rng() < 0.25;
    const key = isRain ? 'rain_mm' : rd.key;
    const dec = isRain ? 1 : rd.dec;
    const ser = daily(town, 'sensor', key, isRain ? 'sum' : 'mean', r);
    if (ser.size < 3) return null;
    const arr = [...ser].sort((x, y) => (best || isRain ? y[1] - x[1] : x[1] - y[1]));
    const [day, val] = nth(arr, 0);
    if (isRain && val <= 0) return null;
    if (edge(val, dec)) return null;
    const L = loc(town, v);
    let q: string;
    if (isRain)
      q = pick(
        {
          text: [`wettest day ${L} ${w}? how many mm that day`],
          nn: [`which day was most rainy ${L} ${w}, how much rain fell in that day?`],
          gm: [`${gmIntro(town)} what was the wettest day there ${w}, and how much rain fell that day?`],
        }[v],
      );
    else {
      const adj = best ? rd.hot : rd.cold;
      const adjNN = rd.key === 'temperature_c' ? (best ? 'most hot' : 'most cold') : adj;
      q = pick(
        {
          text: [
            `${adj} day ${L} ${w}? daily avg ${rd.text}`,
            `${w} ${adj} day ${L} - whats the avg ${rd.text} that day`,
          ],
          nn: [`which day was ${adjNN} ${L} ${w}? I need the average ${rd.noun} of that day`],
          gm: [`${gmIntro(town)} which was the ${adj} day there ${w}, and what was its average ${rd.noun}?`],
        }[v],
      );
    }
    return {
      form: 'extreme-day',
      question: q,
      truth: `${fmt(val, dec)} on day ${day} (${isRain ? 'max daily rain sum' : `${best ? 'max' : 'min'} daily mean ${key}`}, ${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, val, dec),
    };
  };

  const trendRange = () => {
    const k = pick(['lastMonth', 'thisMonth', 'lastK', 'between', 'all', 'all'] as const);
    if (k === 'lastMonth') return { from: N - 30, to: N - 1, kind: k } as Range;
    if (k === 'thisMonth') return { from: N - 29, to: N, kind: k } as Range;
    if (k === 'lastK') {
      const K = pick([14, 20, 30]);
      return { from: N - K + 1, to: N, kind: k, n: K } as Range;
    }
    if (k === 'between') {
      const a = int(1, 35);
      const b = int(a + 10, 55);
      return { from: a, to: b, kind: k, n: a, m: b } as Range;
    }
    return ALL;
  };
  const series = () => {
    if (rng() < 0.5) {
      const o = pick(OUTPUTS);
      return {
        town: o.town,
        kind: o.kind,
        key: o.key,
        mode: 'sum' as const,
        short: `${o.short} per day`,
        noun: `daily ${o.noun}`,
      };
    }
    const town = pick(TOWNS);
    const rd = pick(READINGS.filter((x) => x.towns.includes(town)));
    return {
      town,
      kind: 'sensor',
      key: rd.key,
      mode: 'mean' as const,
      short: `daily avg ${rd.text}`,
      noun: `daily mean ${rd.noun}`,
    };
  };
  const trendForm: Builder = () => {
    const v = voice();
    const r = trendRange();
    const s = series();
    const pts = [...daily(s.town, s.kind, s.key, s.mode, r)];
    if (pts.length < 7) return null;
    const slope = slopeOf(pts);
    if (!Number.isFinite(slope) || Math.abs(slope) < 0.005 || edge(slope, 2)) return null;
    const w =
      r.kind === 'all'
        ? pick(
            {
              text: ['overall', 'since day 1'],
              nn: ['in all the history'],
              gm: ['over the whole chronicle'],
            }[v],
          )
        : when(r, v);
    const L = loc(s.town, v);
    const dir = rng() < 0.5;
    const q = dir
      ? pick(
          {
            text: [
              `is the ${s.short} ${L} going up or down ${w}? slope per day`,
              `${s.short} ${L} ${w} - rising or falling, by how much a day`,
            ],
            nn: [`the ${s.noun} ${L} ${w} is going up or going down? How much per day is the trend?`],
            gm: [
              `${gmIntro(s.town)} is the ${s.noun} there rising or falling ${w}? Give me the trend per day.`,
            ],
          }[v],
        )
      : pick(
          {
            text: [`trend of ${s.short} ${L} ${w}? (slope/day)`, `lin trend ${s.short} ${L} ${w}`],
            nn: [`what is the trend per day of the ${s.noun} ${L} ${w}?`],
            gm: [`For the almanac in my campaign: what is the per-day trend of the ${s.noun} ${L} ${w}?`],
          }[v],
        );
    return {
      form: 'trend',
      question: q,
      truth: `slope ${fmt(slope, 2)}/day (${s.town} ${s.key} ${s.mode}, ${rangeText(r)})`,
      check: (x: Reply) => trendCheck(x.answer, slope),
    };
  };

  const totalForm =
    (scope: boolean): Builder =>
    () => {
      const v = voice();
      const r = scope ? ALL : range({ minLen: 1 });
      const o = pick(OUTPUTS);
      const total = sum(o.town, o.kind, o.key, r);
      if (total <= 0 || edge(total, o.dec)) return null;
      const L = loc(o.town, v);
      const how = o.mass ? 'how much' : 'how many';
      const w = scope ? '' : ` ${when(r, v)}`;
      const q = scope
        ? pick(
            {
              text: [
                `tot ${o.short} ${L}`,
                `${how.replace('how', 'hw')} ${o.short} ${L} all together`,
                `${o.short} ${L} total?`,
              ],
              nn: [`${how} ${o.noun} ${L} there is in total?`, `how big is total of ${o.noun} ${L}?`],
              gm: [
                `${gmIntro(o.town)} ${how} ${o.noun} ${o.mass ? 'has there been' : 'have there been'} there, all told?`,
              ],
            }[v],
          )
        : pick(
            {
              text: [`${how.replace('how', 'hw')} ${o.short} ${L}${w}`, `tot ${o.short} ${L}${w}?`],
              nn: [`${how} ${o.noun} ${L}${w}?`, `${w.trim()} ${how} ${o.noun} was ${L}?`],
              gm: [`${gmIntro(o.town)} ${how} ${o.noun} ${o.mass ? 'was' : 'were'} there${w}?`],
            }[v],
          );
      if (o.key === 'fish' && v === 'nn' && rng() < 0.5 && !scope)
        return {
          form: 'total',
          question: `how much fish was catched ${L}${w}?`,
          truth: `${fmt(total, o.dec)} ${o.key} (${rangeText(r)})`,
          check: (x: Reply) => states(x.answer, total, o.dec),
        };
      return {
        form: scope ? 'scope' : 'total',
        question: q,
        truth: `${fmt(total, o.dec)} ${o.key} (${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, total, o.dec),
      };
    };

  const meanForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 3, allowAll: true });
    const w = when(r, v);
    if (rng() < 0.5) {
      const o = pick(OUTPUTS);
      const nd = reportDays(o.town, r);
      const m = sum(o.town, o.kind, o.key, r) / nd;
      const dec = o.dec + 1;
      if (!Number.isFinite(m) || m <= 0 || edge(m, o.dec) || edge(m, dec)) return null;
      const L = loc(o.town, v);
      const q = pick(
        {
          text: [`avg ${o.short} per day ${L} ${w}`, `${w} avg daily ${o.short} ${L}?`],
          nn: [`how much is average of ${o.noun} per day ${L} ${w}?`],
          gm: [`${gmIntro(o.town)} on average, how many ${o.noun} per day there ${w}?`],
        }[v],
      );
      return {
        form: 'mean',
        question: q,
        truth: `${fmt(m, dec)} ${o.key}/day (${rangeText(r)}, ${nd} days)`,
        check: (x: Reply) => states(x.answer, m, o.dec),
      };
    }
    const town = pick(TOWNS);
    const rd = pick(READINGS.filter((x) => x.towns.includes(town)));
    const xs = readings(town, rd.key, r);
    if (xs.length === 0) return null;
    const m = meanOf(xs);
    if (edge(m, rd.dec) || edge(m, rd.dec + 1)) return null;
    const L = loc(town, v);
    const q = pick(
      {
        text: [`avg ${rd.text} ${L} ${w}`, `whats the avg ${rd.text} ${L} ${w}`],
        nn: [`which was the average ${rd.noun} ${L} ${w}?`, `how is average ${rd.noun} ${L} ${w}?`],
        gm: [`${gmIntro(town)} what was the average ${rd.noun} there ${w}?`],
      }[v],
    );
    return {
      form: 'mean',
      question: q,
      truth: `${fmt(m, rd.dec + 1)} mean ${rd.key} (${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, m, rd.dec),
    };
  };

  const minMaxForm =
    (max: boolean): Builder =>
    () => {
      const v = voice();
      const r = range({ minLen: 1, allowAll: true });
      const w = when(r, v);
      const town = pick(TOWNS);
      const rd = pick(READINGS.filter((x) => x.towns.includes(town)));
      const xs = readings(town, rd.key, r);
      if (xs.length === 0) return null;
      const val = max ? Math.max(...xs) : Math.min(...xs);
      const L = loc(town, v);
      const word = max ? 'highest' : 'lowest';
      const q =
        rd.key === 'temperature_c'
          ? pick(
              {
                text: [
                  `${max ? 'hottest' : 'coldest'} reading ${L} ${w}`,
                  `${max ? 'max' : 'min'} temp ${L} ${w}?`,
                ],
                nn: [`which was the ${max ? 'most hot' : 'most cold'} temperature measured ${L} ${w}?`],
                gm: [
                  `${gmIntro(town)} what was the ${max ? 'hottest' : 'coldest'} the thermometer read there ${w}?`,
                ],
              }[v],
            )
          : pick(
              {
                text: [`${max ? 'max' : 'min'} ${rd.text} reading ${L} ${w}`],
                nn: [`what was ${word} ${rd.noun} measured ${L} ${w}?`],
                gm: [`${gmIntro(town)} what was the ${word} single reading of the ${rd.noun} there ${w}?`],
              }[v],
            );
      return {
        form: max ? 'max' : 'min',
        question: q,
        truth: `${fmt(val, rd.dec)} (${max ? 'max' : 'min'} ${rd.key} reading, ${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, val, rd.dec),
      };
    };

  const countForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 1, allowAll: true });
    const w = when(r, v);
    const c = pick(['raids', 'raids', 'robbed', 'repairs', 'floods', 'storms'] as const);
    let n: number;
    let q: string;
    if (c === 'raids') {
      n = evs(D, 'raid', r).filter((e) => (num(e, 'raid_gold') ?? 0) > 0).length;
      q = pick(
        {
          text: [`hw many raids did the pirates do ${w}`, `# of raids ${w}?`],
          nn: [`how many times the pirates made raid ${w}?`],
          gm: [`The Black Gull is my villains' ship: how many raids did the pirates pull off ${w}?`],
        }[v],
      );
    } else if (c === 'robbed') {
      const t = pick([P, B, C]);
      n = evs(t, 'loss', r).length;
      q = pick(
        {
          text: [`hw many times were ${tname(t, 'text')} shipments robbed ${w}`],
          nn: [`how many times pirates robbed shipments of ${tname(t, 'nn')} ${w}?`],
          gm: [`How many times did the pirates rob ${tname(t, 'gm')}’s shipments ${w}?`],
        }[v],
      );
    } else if (c === 'repairs') {
      n = evs(D, 'repair', r).filter((e) => (num(e, 'boat_repaired') ?? 0) > 0).length;
      q = pick(
        {
          text: [`how many times did the pirates repair their ship ${w}`],
          nn: [`how many times the pirates was repairing their ship ${w}?`],
          gm: [`How many times did Bosun Rook’s crew repair the Black Gull ${w}?`],
        }[v],
      );
    } else if (c === 'floods') {
      n = evs(C, 'mining', r).filter((e) => e.data.flood === 1).length;
      q = pick(
        {
          text: [`hw many mine shifts flooded ${w}`],
          nn: [`how many times the mine was flooded ${w}?`],
          gm: [`How many times did the Circuiton mine flood ${w}?`],
        }[v],
      );
    } else {
      const t = pick([P, D]);
      n = evs(t, 'sensor', r).filter((e) => e.data.storm === 1).length;
      q = pick(
        {
          text: [`how many storm readings ${loc(t, 'text')} ${w}`],
          nn: [`how many sensor readings of storm ${loc(t, 'nn')} ${w}?`],
          gm: [`How many times did the weather station ${loc(t, 'gm')} record a storm ${w}?`],
        }[v],
      );
    }
    if (n === 0) return null;
    return {
      form: 'count',
      question: q,
      truth: `${n} (${c}, ${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, n, 0),
    };
  };

  const extremeEventForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 3, allowAll: true });
    const w = when(r, v);
    const c = pick(['fish', 'raid', 'ore', 'harvest', 'sale'] as const);
    const spec = {
      fish: {
        town: P,
        kind: 'fishing',
        key: 'fish',
        dec: 0,
        t: 'biggest single haul',
        nn: 'most big catch of one trip',
        gm: 'the biggest single catch any fisher landed',
      },
      raid: {
        town: D,
        kind: 'raid',
        key: 'raid_gold',
        dec: 0,
        t: 'richest single raid',
        nn: 'most rich raid',
        gm: 'the richest single raid',
      },
      ore: {
        town: C,
        kind: 'mining',
        key: 'ore_tons',
        dec: 2,
        t: 'most ore in one shift',
        nn: 'biggest ore of one shift',
        gm: 'the most ore any single shift dug',
      },
      harvest: {
        town: B,
        kind: 'farming',
        key: 'harvest',
        dec: 0,
        t: 'biggest single harvest',
        nn: 'biggest harvest of one time',
        gm: 'the largest single harvest brought in',
      },
      sale: {
        town: pick([B, C]),
        kind: 'trade',
        key: 'value_gold',
        dec: 0,
        t: 'biggest single sale',
        nn: 'most big single sale',
        gm: 'the biggest single sale',
      },
    }[c];
    const xs = evs(spec.town, spec.kind, r)
      .map((e) => num(e, spec.key))
      .filter((x): x is number => x !== undefined);
    if (xs.length === 0) return null;
    const val = Math.max(...xs);
    if (val <= 0) return null;
    const L = loc(spec.town, v);
    const q = pick(
      {
        text: [`${spec.t} ${L} ${w}?`, `${w} ${spec.t} ${L}`],
        nn: [`what was the ${spec.nn} ${L} ${w}?`],
        gm: [`${gmIntro(spec.town)} what was ${spec.gm} there ${w}${c === 'sale' ? ', in gold' : ''}?`],
      }[v],
    );
    return {
      form: 'extreme-event',
      question: q,
      truth: `${fmt(val, spec.dec)} (max single ${spec.key}, ${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, val, spec.dec),
    };
  };

  const whichDayForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 5, maxLen: 60 });
    const w = when(r, v);
    let ser: Map<number, number>;
    let q: string;
    let what: string;
    let dec: number;
    if (rng() < 0.55) {
      const o = pick(OUTPUTS);
      ser = daily(o.town, o.kind, o.key, 'sum', r);
      what = `daily ${o.key}`;
      dec = o.dec;
      const L = loc(o.town, v);
      q = pick(
        {
          text: [`which day had the most ${o.short} ${L} ${w}`, `${w} what day was best for ${o.short} ${L}`],
          nn: [`in which day ${w} was the most ${o.noun} ${L}?`],
          gm: [`${gmIntro(o.town)} on which day ${w} were the most ${o.noun} there?`],
        }[v],
      );
    } else {
      const town = pick(TOWNS);
      const isRain = rng() < 0.35;
      const key = isRain ? 'rain_mm' : pick(['temperature_c', 'wind_kph']);
      ser = daily(town, 'sensor', key, isRain ? 'sum' : 'mean', r);
      dec = 1;
      what = isRain ? 'daily rain sum' : `daily mean ${key}`;
      const L = loc(town, v);
      const adj = isRain ? 'wettest' : key === 'temperature_c' ? 'hottest' : 'windiest';
      const adjNN = isRain ? 'most rainy' : key === 'temperature_c' ? 'most hot' : 'most windy';
      q = pick(
        {
          text: [`${adj} day ${L} ${w}?`, `which day was ${adj} ${L} ${w}`],
          nn: [`which day was ${adjNN} ${L} ${w}?`],
          gm: [`${gmIntro(town)} which day ${w} was the ${adj} there?`],
        }[v],
      );
    }
    const arr = [...ser].sort((a, b) => b[1] - a[1]);
    if (arr.length < 3 || nth(arr, 0)[1] <= 0) return null;
    if (Math.abs(nth(arr, 0)[1] - nth(arr, 1)[1]) < 1e-9) return null;
    const [day, val] = nth(arr, 0);
    return {
      form: 'which-day',
      question: q,
      truth: `day ${day} (${what} ${fmt(val, dec + 1)}, ${rangeText(r)})`,
      check: (x: Reply) => namesDay(x.answer, day),
    };
  };

  const whoForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 3, allowAll: true });
    const w = when(r, v);
    const c = pick([
      {
        town: P,
        kind: 'fishing',
        key: 'fish',
        t: 'who caught the most fish',
        nn: 'which fisher catched most fish',
        gm: 'which fisher brought in the most fish',
      },
      {
        town: C,
        kind: 'mining',
        key: 'ore_tons',
        t: 'who mined the most ore',
        nn: 'which miner was digging most ore',
        gm: 'which miner dug the most ore',
      },
      {
        town: B,
        kind: 'farming',
        key: 'harvest',
        t: 'which farmer harvested the most',
        nn: 'which farmer did harvest most grain',
        gm: 'which farmer brought in the biggest harvest',
      },
      {
        town: C,
        kind: 'education',
        key: 'learned',
        t: 'which teacher taught the most pupils',
        nn: 'what teacher had most pupils learning a craft',
        gm: 'which Academy teacher got the most pupils to learn a craft',
      },
      {
        town: P,
        kind: 'maritime',
        key: 'ropes',
        t: 'who made the most ropes',
        nn: 'who of the net loft made most ropes',
        gm: 'which of the loft’s makers turned out the most ropes',
      },
    ]);
    const by = new Map<string, number>();
    for (const e of evs(c.town, c.kind, r))
      if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, c.key) ?? 0));
    const arr = [...by].sort((a, b) => b[1] - a[1]);
    if (arr.length < 2 || nth(arr, 0)[1] <= 0 || Math.abs(nth(arr, 0)[1] - nth(arr, 1)[1]) < 1e-9)
      return null;
    const [who, val] = nth(arr, 0);
    const L = loc(c.town, v);
    const q = pick(
      {
        text: [`${c.t} ${L} ${w}`, `${w} ${c.t} ${L}?`],
        nn: [`${c.nn} ${L} ${w}?`],
        gm: [`One of my NPCs is a rival: ${c.gm} ${L} ${w}?`],
      }[v],
    );
    return {
      form: 'who',
      question: q,
      truth: `${who} (${fmt(val, 2)} ${c.key}, ${rangeText(r)})`,
      check: (x: Reply) => names(x.answer, who),
    };
  };

  const compareForm: Builder = () => {
    const v = voice();
    if (rng() < 0.5) {
      // two towns, one range
      const shuffled = [...TOWNS].sort(() => rng() - 0.5);
      const a = nth(shuffled, 0);
      const b = nth(shuffled, 1);
      const r = range({ minLen: 3, allowAll: true });
      const w = when(r, v);
      const rain = rng() < 0.4;
      const key = rain ? 'rain_mm' : 'temperature_c';
      const va = rain ? readings(a, key, r).reduce((s, x) => s + x, 0) : meanOf(readings(a, key, r));
      const vb = rain ? readings(b, key, r).reduce((s, x) => s + x, 0) : meanOf(readings(b, key, r));
      if (
        !Number.isFinite(va) ||
        !Number.isFinite(vb) ||
        round(va, 1) === round(vb, 1) ||
        edge(va, 1) ||
        edge(vb, 1)
      )
        return null;
      if (rain && (va <= 0 || vb <= 0)) return null;
      const win = va > vb ? a : b;
      const q = rain
        ? pick(
            {
              text: [`more rain ${w}: ${tname(a, 'text')} or ${tname(b, 'text')}?`],
              nn: [`where was more rain ${w}, in ${tname(a, 'nn')} or in ${tname(b, 'nn')}?`],
              gm: [
                `My party must choose a route: did ${tname(a, 'gm')} or ${tname(b, 'gm')} get more rain ${w}?`,
              ],
            }[v],
          )
        : pick(
            {
              text: [`warmer ${w}: ${tname(a, 'text')} or ${tname(b, 'text')}? avg temp`],
              nn: [`${w} was more warm ${loc(a, 'nn')} or ${loc(b, 'nn')}, by average temperature?`],
              gm: [`Was it warmer ${loc(a, 'gm')} or ${loc(b, 'gm')} ${w}, on average?`],
            }[v],
          );
      return {
        form: 'compare',
        question: q,
        truth: `${win} (${a} ${fmt(va, 1)} vs ${b} ${fmt(vb, 1)} ${rain ? 'mm' : '°C mean'}, ${rangeText(r)})`,
        check: (x: Reply) => all(namesTown(x.answer, win), states(x.answer, va, 1), states(x.answer, vb, 1)),
      };
    }
    // two weeks, one town
    const w1 = int(1, 6);
    const w2 = int(w1 + 1, 7);
    const r1 = { from: 7 * w1 - 6, to: 7 * w1 };
    const r2 = { from: 7 * w2 - 6, to: 7 * w2 };
    const useFish = rng() < 0.5;
    const town = useFish ? P : pick(TOWNS);
    const dec = useFish ? 0 : 1;
    const v1 = useFish ? sum(P, 'fishing', 'fish', r1) : meanOf(readings(town, 'temperature_c', r1));
    const v2 = useFish ? sum(P, 'fishing', 'fish', r2) : meanOf(readings(town, 'temperature_c', r2));
    if (round(v1, dec) === round(v2, dec) || edge(v1, dec) || edge(v2, dec)) return null;
    const cold = rng() < 0.5;
    const win = useFish ? (v1 > v2 ? w1 : w2) : cold === v1 < v2 ? w1 : w2;
    const q = useFish
      ? pick(
          {
            text: [`more fish in wk ${w1} or wk ${w2} at the port?`],
            nn: [`in which week was catched more fish in Port Logic, week ${w1} or week ${w2}?`],
            gm: [`Did the harbour’s fleet land more fish in week ${w1} or week ${w2}?`],
          }[v],
        )
      : pick(
          {
            text: [`was it ${cold ? 'colder' : 'warmer'} ${loc(town, 'text')} in wk ${w1} or wk ${w2}`],
            nn: [`${loc(town, 'nn')} was more ${cold ? 'cold' : 'warm'} in week ${w1} or in week ${w2}?`],
            gm: [`${gmIntro(town)} was it ${cold ? 'colder' : 'warmer'} there in week ${w1} or week ${w2}?`],
          }[v],
        );
    return {
      form: 'compare',
      question: q,
      truth: `week ${win} (week ${w1} ${fmt(v1, dec)} vs week ${w2} ${fmt(v2, dec)})`,
      check: (x: Reply) =>
        all(names(x.answer, `week ${win}`), states(x.answer, v1, dec), states(x.answer, v2, dec)),
    };
  };

  const filterForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 3, allowAll: true });
    const w = when(r, v);
    const c = pick(['target', 'overseasOut', 'overseasIn', 'goodsTop', 'arrivals', 'boundFor'] as const);
    if (c === 'target') {
      const t = pick([P, B, C]);
      const val = evs(D, 'raid', r)
        .filter((e) => e.data.target === t)
        .reduce((s, e) => s + (num(e, 'raid_gold') ?? 0), 0);
      if (val <= 0) return null;
      const q = pick(
        {
          text: [`hw much gold did the pirates take from ${tname(t, 'text')} shipments ${w}`],
          nn: [`how much gold pirates took from shipments of ${tname(t, 'nn')} ${w}?`],
          gm: [
            `My rogue wants to fence loot: how much gold did the pirates take from ${tname(t, 'gm')}’s shipments ${w}?`,
          ],
        }[v],
      );
      return {
        form: 'filter',
        question: q,
        truth: `${val} gold (raids on ${t}, ${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, val, 0),
      };
    }
    if (c === 'overseasOut' || c === 'overseasIn') {
      const out = c === 'overseasOut';
      const val = evs(P, 'trade', r)
        .filter((e) => (out ? e.data.to === 'overseas' : e.data.from === 'overseas'))
        .reduce((s, e) => s + (num(e, 'value_gold') ?? 0), 0);
      if (val <= 0) return null;
      const q = out
        ? pick(
            {
              text: [`hw much gold did port logic make selling overseas ${w}`],
              nn: [`how much gold Port Logic got from the trade to overseas ${w}?`],
              gm: [`A merchant NPC asks: how much gold did the harbour earn shipping goods overseas ${w}?`],
            }[v],
          )
        : pick(
            {
              text: [`how much gold did the port pay for goods from overseas ${w}`],
              nn: [`how much gold Port Logic was paying for goods coming from overseas ${w}?`],
              gm: [`How much gold did Port Logic’s traders pay for goods bought from overseas ${w}?`],
            }[v],
          );
      return {
        form: 'filter',
        question: q,
        truth: `${val} gold (${c}, ${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, val, 0),
      };
    }
    if (c === 'goodsTop') {
      const by = new Map<string, number>();
      for (const e of evs(D, 'raid', r))
        if (typeof e.data.goods === 'string')
          by.set(e.data.goods, (by.get(e.data.goods) ?? 0) + (num(e, 'raid_gold') ?? 0));
      const arr = [...by].sort((a, b) => b[1] - a[1]);
      if (arr.length < 2 || nth(arr, 0)[1] <= 0 || nth(arr, 0)[1] === nth(arr, 1)[1]) return null;
      const [g, val] = nth(arr, 0);
      const q = pick(
        {
          text: [`which goods got the pirates the most gold ${w}`],
          nn: [`from which goods the pirates took most gold ${w}?`],
          gm: [`What cargo made the pirates the most gold in their raids ${w}?`],
        }[v],
      );
      return {
        form: 'filter',
        question: q,
        truth: `${g} (${val} gold, ${rangeText(r)})`,
        check: (x: Reply) => all(names(x.answer, g), states(x.answer, val, 0)),
      };
    }
    if (c === 'arrivals') {
      const t = pick([P, B, C]);
      const goodsSet = [...new Set(evs(t, 'arrival', ALL).map((e) => e.data.goods))].filter(
        (g): g is string => typeof g === 'string',
      );
      if (goodsSet.length === 0) return null;
      const g = pick(goodsSet);
      const val = evs(t, 'arrival', r)
        .filter((e) => e.data.goods === g)
        .reduce((s, e) => s + (num(e, 'cargo_items') ?? 0), 0);
      if (val <= 0) return null;
      const q = pick(
        {
          text: [`hw many crates of ${g} arrived ${loc(t, 'text')} ${w}`],
          nn: [`how many crates of ${g} was arriving ${loc(t, 'nn')} ${w}?`],
          gm: [`${gmIntro(t)} how many crates of ${g} arrived there ${w}?`],
        }[v],
      );
      return {
        form: 'filter',
        question: q,
        truth: `${val} crates of ${g} arrived in ${t} (${rangeText(r)})`,
        check: (x: Reply) => states(x.answer, val, 0),
      };
    }
    const to = pick([P, B, C]);
    const n = evs(D, 'raid', r).filter((e) => e.data.to === to && (num(e, 'raid_gold') ?? 0) > 0).length;
    if (n === 0) return null;
    const q = pick(
      {
        text: [`how many shipments headed to ${tname(to, 'text')} did the pirates raid ${w}`],
        nn: [`how many shipments going to ${tname(to, 'nn')} were raided by pirates ${w}?`],
        gm: [`How many shipments bound for ${tname(to, 'gm')} did the pirates raid ${w}?`],
      }[v],
    );
    return {
      form: 'filter',
      question: q,
      truth: `${n} raids on shipments to ${to} (${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, n, 0),
    };
  };

  const correlateForm: Builder = () => {
    const v = voice();
    const r = trendRange();
    const c = pick([
      {
        town: P,
        a: ['fishing', 'fish', 'sum'],
        b: 'temperature_c',
        t: 'fish per day vs daily avg temp',
        n: 'the fish caught per day and the daily average temperature',
      },
      {
        town: P,
        a: ['fishing', 'fish', 'sum'],
        b: 'wind_kph',
        t: 'fish per day vs daily avg wind',
        n: 'the fish caught per day and the daily average wind',
      },
      {
        town: D,
        a: ['drinking', 'drinks', 'sum'],
        b: 'temperature_c',
        t: 'drinks per day vs daily avg temp',
        n: 'the drinks poured per day and the daily average temperature',
      },
      {
        town: C,
        a: ['mining', 'ore_tons', 'sum'],
        b: 'temperature_c',
        t: 'ore per day vs daily avg temp',
        n: 'the ore mined per day and the daily average temperature',
      },
      {
        town: B,
        a: ['farming', 'harvest', 'sum'],
        b: 'temperature_c',
        t: 'harvest per day vs daily avg temp',
        n: 'the harvest per day and the daily average temperature',
      },
      {
        town: D,
        a: ['raid', 'raid_gold', 'sum'],
        b: 'wind_kph',
        t: 'raid gold per day vs daily avg wind',
        n: 'the raid gold per day and the daily average wind',
      },
    ]);
    const sa = daily(c.town, nth(c.a, 0), nth(c.a, 1), 'sum', r);
    const sb = daily(c.town, 'sensor', c.b, 'mean', r);
    const pts: [number, number][] = [...sa]
      .filter(([d]) => sb.has(d))
      .map(([d, x]) => [x, sb.get(d) as number]);
    if (pts.length < 7) return null;
    const rr = pearson(pts);
    if (!Number.isFinite(rr) || edge(rr, 2)) return null;
    const w =
      r.kind === 'all'
        ? pick({ text: ['overall'], nn: ['in all the history'], gm: ['over the whole chronicle'] }[v])
        : when(r, v);
    const L = loc(c.town, v);
    const q = pick(
      {
        text: [`correlation ${c.t} ${L} ${w}? pearson r`],
        nn: [`how much are correlated ${c.n} ${L} ${w}? (Pearson r)`],
        gm: [`Do my fishermen NPCs have a point? What is the correlation between ${c.n} ${L} ${w}?`],
      }[v],
    );
    return {
      form: 'correlate',
      question: q,
      truth: `r = ${fmt(rr, 2)} (${pts.length} days, ${rangeText(r)})`,
      check: (x: Reply) => states(x.answer, rr, 2),
    };
  };

  const didForm: Builder = () => {
    const v = voice();
    const r = range({ minLen: 1, maxLen: 31 });
    const h = pick(HAPS)();
    const yes = daysWith(h.town, h.kind, r, h.test).size > 0;
    const w = when(r, v);
    const s = pick(h.say[v]);
    const q = pick(
      {
        text: [`${s} ${w}`, `${w} ${s}?`],
        nn: [`${s} ${w}? yes or no`, `please say me yes or no: ${s} ${w}?`],
        gm: [`${gmIntro(h.town)} ${s} ${w}?`],
      }[v],
    );
    return {
      form: 'did',
      question: q,
      truth: `${yes ? 'yes' : 'no'} (${rangeText(r)})`,
      check: (x: Reply) => saysYes(x.answer, yes),
    };
  };

  const futureForm: Builder = () => {
    const v = voice();
    const o = pick(OUTPUTS);
    const total = sum(o.town, o.kind, o.key, ALL);
    const dfar = pick([N + 1, 900, 1000, 750]);
    const t =
      dfar === N + 1
        ? pick({ text: ['tmrw', 'tomorrow'], nn: ['tomorrow'], gm: ['tomorrow'] }[v])
        : `on day ${dfar}`;
    const L = loc(o.town, v);
    const how = o.mass ? 'how much' : 'how many';
    const q = pick(
      {
        text: [
          `${how.replace('how', 'hw')} ${o.short} ${L} ${t}`,
          `${o.short} ${L} ${t}?`,
          `${how} ${o.short} ${L} next wk`,
        ],
        nn: [`${how} ${o.noun} will be ${L} ${t}?`],
        gm: [
          `My players arrive ${t === 'tomorrow' ? 'tomorrow' : t}: ${how} ${o.noun} will there be ${L} that day?`,
        ],
      }[v],
    );
    return {
      form: 'future',
      question: q,
      truth: 'not yet (future)',
      check: (x: Reply) => all(saysNotYet(x.answer), notStates(x.answer, total, o.dec)),
    };
  };

  const ROLES: { q: Record<Voice, string[]>; who: string[] }[] = [
    {
      q: {
        text: ['who is the miller'],
        nn: ['who is miller in PatchBourough?'],
        gm: ['Who runs the water mill in PatchBourough?'],
      },
      who: ['Rosalind Grist'],
    },
    {
      q: {
        text: ['who keeps the forge at the farms'],
        nn: ['who is the blacksmith of river town?'],
        gm: ['Who keeps the forge in PatchBourough?'],
      },
      who: ['Garrick Stone'],
    },
    {
      q: {
        text: ['who runs the tavern in the den'],
        nn: ['who is keeper of tavern in Den of Thieves?'],
        gm: ['Who pours the rum at the Drowned Rat?'],
      },
      who: ['Greta Grog'],
    },
    {
      q: {
        text: ['who is the pirate captain'],
        nn: ['who is captain of the pirates?'],
        gm: ['Who captains the Black Gull?'],
      },
      who: ['Mara Blackwater'],
    },
    {
      q: {
        text: ['whos the bosun on the island'],
        nn: ['who is bosun of pirates?'],
        gm: ['Who is the bosun of the Den?'],
      },
      who: ['Rook'],
    },
    {
      q: {
        text: ['who makes the arrows in the den'],
        nn: ['who is fletcher in the Den?'],
        gm: ['Who is the fletcher of the Den of Thieves?'],
      },
      who: ['Skiv'],
    },
    {
      q: {
        text: ['who is the apprentice tinkerer in circuiton'],
        nn: ['who is apprentice in Circuiton?'],
        gm: ['Who is the apprentice at the Tinkers’ Workshop?'],
      },
      who: ['John'],
    },
    {
      q: {
        text: ['who trades for circuiton'],
        nn: ['who is the trader of Circuiton?'],
        gm: ['Who is the trader up in the mountain town?'],
      },
      who: ['Vera Crucible'],
    },
    {
      q: {
        text: ['who teaches at the academy'],
        nn: ['who are teachers of Academy in Circuiton?'],
        gm: ['Which teachers work at the Academy in Circuiton?'],
      },
      who: ['Elden Cogsworth', 'Tilda Gearhart'],
    },
    {
      q: {
        text: ['who makes nets and ropes at the port'],
        nn: ['who are the netmakers in Port Logic?'],
        gm: ['Who works the Net Loft at the harbour?'],
      },
      who: ['Maren Knot', 'Silas Twine'],
    },
    {
      q: {
        text: ['who are the traders at the port'],
        nn: ['who is trader in Port Logic?'],
        gm: ['Who trades at the harbour’s Trade Hub?'],
      },
      who: ['Odile Quay', 'Bastian Cole'],
    },
    {
      q: {
        text: ['who are the miners'],
        nn: ['who are miners in Circuiton?'],
        gm: ['Which miners work the Deep Gallery?'],
      },
      who: ['Ida Pike', 'Oskar Flint', 'Bruna Shale'],
    },
    {
      q: {
        text: ['who are the farmers at patchbourough'],
        nn: ['who are farmers in the river town?'],
        gm: ['Who works the fields of PatchBourough?'],
      },
      who: ['Ada Furrow', 'Piet Furrow', 'Wendel Hay'],
    },
    {
      q: {
        text: ['who fishes out of the port'],
        nn: ['who are fishers in Port Logic?'],
        gm: ['Which fishers sail from the harbour?'],
      },
      who: ['Hal Marsh', 'Nell Brine', 'Tobias Reed', 'Ivo Gull'],
    },
    {
      q: {
        text: ['whos the quartermaster in the den'],
        nn: ['who is quartermaster of pirates?'],
        gm: ['Who is the Den’s quartermaster?'],
      },
      who: ['One-Eyed Finn'],
    },
    {
      q: {
        text: ['who are the traders in patchbourough'],
        nn: ['who is trader in PatchBourough?'],
        gm: ['Who trades at the Riverside Market?'],
      },
      who: ['Tom Wheeler', 'Lettie Barrow'],
    },
  ];
  const roleForm: Builder = () => {
    const v = voice();
    const role = pick(ROLES);
    const q = pick(role.q[v]);
    return {
      form: 'role',
      question: q,
      truth: role.who.join(', '),
      check: (x: Reply) => all(...role.who.map((p) => names(x.answer, p))),
    };
  };

  // ---- assemble ----
  const PLAN: [Builder, number][] = [
    [daysForm, 45],
    [bothForm, 38],
    [whichTownForm, 40],
    [extremeDayForm, 40],
    [trendForm, 35],
    [totalForm(false), 12],
    [totalForm(true), 8],
    [meanForm, 10],
    [minMaxForm(false), 6],
    [minMaxForm(true), 6],
    [countForm, 9],
    [extremeEventForm, 9],
    [whichDayForm, 10],
    [whoForm, 10],
    [compareForm, 12],
    [filterForm, 14],
    [correlateForm, 7],
    [didForm, 12],
    [futureForm, 6],
    [roleForm, 8],
  ];
  const out: Out[] = [];
  const seen = new Set<string>();
  for (const [build, target] of PLAN) {
    let made = 0;
    for (let tries = 0; made < target && tries < target * 40; tries++) {
      const c = build();
      if (!c) continue;
      let question = c.question
        .replace(/\s+/g, ' ')
        .replace(/\s+([?,])/g, '$1')
        .trim();
      let typo: string | undefined;
      if (rng() < 0.1) {
        const t = addTypo(question, rng);
        if (t) {
          question = t.question;
          typo = t.typo;
        }
      }
      if (seen.has(question.toLowerCase())) continue;
      seen.add(question.toLowerCase());
      out.push(typo ? { ...c, question, typo } : { ...c, question });
      made++;
    }
  }
  return out;
}

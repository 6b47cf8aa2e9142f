/**
 * The second natural development set: questions as world builders, game designers and analysts
 * would type them (long and chatty, with a preamble, the time or the place first or last, British
 * and American spellings, abbreviations, some typos), weighted toward counting days, things that
 * happened on the same day in two towns, extremes, which town, who, trends and yes/no. Every truth
 * is computed from the raw events by eval/CONVENTIONS.md. Written from the world definition, the
 * conventions, checks.ts and the design seeds only; no goal: its failures are figures, not targets.
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

interface NCase extends Case {
  typo?: string;
}

type Rng = () => number;

function mulberry(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const poss = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// --- Towns and how people name them ----------------------------------------------------------------

const PORT = 'port-logic';
const FARMS = 'patchbourough';
const MINES = 'circuiton';
const DEN = 'den-of-thieves';
const TOWNS = [PORT, FARMS, MINES, DEN];

/** The town with a preposition ("in the harbour"). */
const AT: Record<string, string[]> = {
  [PORT]: [
    'in Port Logic',
    'at the port',
    'in the harbour',
    'at the harbor',
    'in port logic',
    'down at the port',
  ],
  [FARMS]: ['in PatchBourough', 'in Patchbourough', 'on the farms', 'in the river town', 'at patchbourough'],
  [MINES]: ['in Circuiton', 'at the mines', 'in the mountain town', 'up in Circuiton', 'in circuiton'],
  [DEN]: ['at the Den', "on the pirates' island", 'in Den of Thieves', 'at the Den of Thieves'],
};
/** The town as a noun ("the harbour"). */
const NAME: Record<string, string[]> = {
  [PORT]: ['Port Logic', 'the port', 'the harbour', 'the harbor', 'port logic'],
  [FARMS]: ['PatchBourough', 'the farms', 'the river town', 'Patchbourough'],
  [MINES]: ['Circuiton', 'the mines', 'the mountain town', 'circuiton'],
  [DEN]: ['Den of Thieves', 'the Den', "the pirates' island"],
};

const PREAMBLES = [
  "I'm writing a story about {N} — ",
  'Quick one for my spreadsheet: ',
  "For the game's lore bible, ",
  'hey, ',
  "I'm balancing the economy and need to know: ",
  'Doing a bit of analysis here. ',
  'Settle an argument for me: ',
  "I'm building a quest around {N}, so ",
  'ok so ',
  'For my notes on {N}: ',
];

// --- Times -----------------------------------------------------------------------------------------

interface Time {
  from: number;
  to: number;
  /** The phrase, placed after the question ("last week"), or '' for the whole history. */
  s: string;
  /** Whether the phrase can lead the question ("Last week, …"). */
  front: boolean;
  short: boolean;
}

const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

function whole(rng: Rng, today: number): Time {
  const s = pick(rng, ['', '', 'so far', 'ever', 'over the whole history', 'in all the records', 'all time']);
  return { from: 1, to: today, s, front: s === 'so far' || s === 'over the whole history', short: false };
}

function week(rng: Rng): Time {
  const w = int(rng, 1, 7);
  const s = pick(rng, [
    `in week ${w}`,
    `during wk ${w}`,
    `in the ${ORD[w - 1]} week`,
    `over week ${w}`,
    `in wk ${w}`,
  ]);
  return { from: 7 * (w - 1) + 1, to: 7 * w, s, front: true, short: true };
}

function relative(rng: Rng, today: number): Time {
  const r = int(rng, 0, 6);
  if (r === 0) return { from: today - 7, to: today - 1, s: 'last week', front: true, short: true };
  if (r === 1)
    return {
      from: today - 6,
      to: today,
      s: pick(rng, ['this week', 'over the past week']),
      front: true,
      short: true,
    };
  if (r === 2) return { from: today - 30, to: today - 1, s: 'last month', front: true, short: false };
  if (r === 3)
    return {
      from: today - 29,
      to: today,
      s: pick(rng, ['this month', 'over the past 30 days', 'in the past 30 days']),
      front: true,
      short: false,
    };
  const k = int(rng, 3, 45);
  return {
    from: today - k + 1,
    to: today,
    s: pick(rng, [`in the last ${k} days`, `over the past ${k} days`, `these last ${k} days`]),
    front: true,
    short: k <= 14,
  };
}

function between(rng: Rng): Time {
  const a = int(rng, 1, 45);
  const b = int(rng, a + 2, Math.min(55, a + 12));
  const s = pick(rng, [
    `between day ${a} and day ${b}`,
    `from day ${a} to day ${b}`,
    `between days ${a} and ${b}`,
  ]);
  return { from: a, to: b, s, front: true, short: b - a <= 14 };
}

function oneDay(rng: Rng, today: number): Time {
  const r = int(rng, 0, 4);
  if (r === 0) return { from: today - 1, to: today - 1, s: 'yesterday', front: true, short: true };
  if (r === 1) return { from: today, to: today, s: 'today', front: true, short: true };
  const d = int(rng, 1, 55);
  return { from: d, to: d, s: `on day ${d}`, front: true, short: true };
}

function anyTime(rng: Rng, today: number): Time {
  const r = rng();
  if (r < 0.25) return whole(rng, today);
  if (r < 0.5) return week(rng);
  if (r < 0.8) return relative(rng, today);
  return between(rng);
}

function shortTime(rng: Rng, today: number): Time {
  for (;;) {
    const t = rng() < 0.5 ? week(rng) : rng() < 0.6 ? relative(rng, today) : between(rng);
    if (t.short) return t;
  }
}

/** Puts the time phrase at the end ("…{T}?") or, sometimes, in front ("Last week, …?"). */
function placeTime(rng: Rng, q: string, t: Time): string {
  if (t.s !== '' && t.front && rng() < 0.35) {
    const body = q.replace('{T}', '');
    return `${cap(t.s)}, ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
  }
  return q.replace('{T}', t.s === '' ? '' : ` ${t.s}`);
}

// --- Numbers ---------------------------------------------------------------------------------------

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => sum(xs) / xs.length;
const num = (e: RawEvent, key: string) => {
  const v = e.data[key];
  return typeof v === 'number' ? v : 0;
};

/** True when `v` sits on a rounding edge at `d` decimals (a stated value could go either way). */
function onEdge(v: number, d: number): boolean {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
}

function slope(points: readonly [number, number][]): number {
  const mx = mean(points.map((p) => p[0]));
  const my = mean(points.map((p) => p[1]));
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

function pearson(points: readonly [number, number][]): number {
  const mx = mean(points.map((p) => p[0]));
  const my = mean(points.map((p) => p[1]));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const fmt = (v: number, d: number) =>
  round(v, d).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** A zero count or total: "0", "none", "no", "never". */
function saysZero(answer: string): string | null {
  if (states(answer, 0, 0) === null) return null;
  return /\b(none|no|never|zero|not once|nothing|did not|didn't)\b/i.test(answer)
    ? null
    : 'does not say 0 or none';
}

const statesOrZero = (answer: string, v: number, d: number) =>
  v === 0 ? saysZero(answer) : states(answer, v, d);

/** The answer names none of these days. */
function namesNoneOf(answer: string, days: readonly number[]): string | null {
  const stray = days.find((d) => namesDay(answer, d) === null);
  return stray === undefined ? null : `names day ${stray}, which is not one`;
}

/** Where the first of these words comes in the answer (or Infinity). */
function firstAt(answer: string, re: RegExp): number {
  const m = re.exec(answer);
  return m ? m.index : Number.POSITIVE_INFINITY;
}

// --- Typos -----------------------------------------------------------------------------------------

function typo(rng: Rng, q: string): { q: string; typo: string } | null {
  const words = [...q.matchAll(/[A-Za-z]{4,}/g)];
  if (words.length === 0) return null;
  const m = pick(rng, words);
  const w = m[0];
  const i = int(rng, 1, w.length - 2);
  const op = int(rng, 0, 2);
  let t: string;
  if (op === 0) t = w.slice(0, i) + (w[i + 1] ?? '') + w[i] + w.slice(i + 2);
  else if (op === 1) t = w.slice(0, i) + w.slice(i + 1);
  else t = w.slice(0, i + 1) + w[i] + w.slice(i + 1);
  if (t === w) return null;
  const at = m.index ?? 0;
  return { q: q.slice(0, at) + t + q.slice(at + w.length), typo: `${w} → ${t}` };
}

// --- What the world reports ------------------------------------------------------------------------

interface Output {
  town: string;
  kind: string;
  key: string;
  dec: number;
  /** "how many … {AT}" phrases, {AT} is the place ("in the harbour") or dropped. */
  how: string[];
  /** The thing as a noun ("fish", "flour"). */
  noun: string[];
  unit: string;
}

const OUTPUTS: Output[] = [
  {
    town: PORT,
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    how: [
      'how many fish were caught{AT}',
      'how many fish did the boats bring in{AT}',
      'how many fish got landed{AT}',
    ],
    noun: ['fish', 'fish caught', 'catch'],
    unit: 'fish',
  },
  {
    town: PORT,
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    how: ['how many nets were made{AT}', 'how many nets did the net loft turn out{AT}'],
    noun: ['nets', 'net making'],
    unit: 'nets',
  },
  {
    town: PORT,
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    how: ['how many ropes were made{AT}', 'how much rope got made{AT}'],
    noun: ['ropes', 'rope'],
    unit: 'ropes',
  },
  {
    town: FARMS,
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    how: [
      'how much grain was harvested{AT}',
      'how big was the harvest{AT}',
      'how many lbs of crops came in{AT}',
    ],
    noun: ['harvest', 'crops', 'yield'],
    unit: 'lbs',
  },
  {
    town: FARMS,
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    how: [
      'how much flour was milled{AT}',
      'how many pounds of flour did the mill grind{AT}',
      'how much flour got made{AT}',
    ],
    noun: ['flour', 'flour milled'],
    unit: 'lbs',
  },
  {
    town: FARMS,
    kind: 'forge',
    key: 'tools',
    dec: 0,
    how: ['how many tools were forged{AT}', 'how many tools did the smithy make{AT}'],
    noun: ['tools', 'tools forged'],
    unit: 'tools',
  },
  {
    town: MINES,
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    how: [
      'how much ore was mined{AT}',
      'how many tons of ore were dug{AT}',
      'how much ore came out of the ground{AT}',
    ],
    noun: ['ore', 'ore mined', 'ore tonnage'],
    unit: 'tons',
  },
  {
    town: MINES,
    kind: 'mining',
    key: 'metal_lbs',
    dec: 4,
    how: ['how much metal was processed{AT}', 'how many lbs of metal got smelted{AT}'],
    noun: ['metal', 'metal output'],
    unit: 'lbs',
  },
  {
    town: MINES,
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    how: ['how many trinkets did the apprentice make{AT}', 'how many trinkets were made{AT}'],
    noun: ['trinkets', 'trinket'],
    unit: 'trinkets',
  },
  {
    town: MINES,
    kind: 'education',
    key: 'learned',
    dec: 0,
    how: ['how many pupils learned a craft{AT}', 'how many students learnt a trade{AT}'],
    noun: ['pupils taught', 'learning'],
    unit: 'pupils',
  },
  {
    town: DEN,
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    how: [
      'how many drinks were poured{AT}',
      'how much did the pirates drink{AT}',
      'how many drinks got served{AT}',
    ],
    noun: ['drinks', 'drinking'],
    unit: 'drinks',
  },
  {
    town: DEN,
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    how: ['how many arrows were made{AT}', 'how many arrows did the fletcher make{AT}'],
    noun: ['arrows', 'arrow'],
    unit: 'arrows',
  },
  {
    town: DEN,
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    how: [
      'how much gold did the pirates take in raids',
      'how much gold did the raids bring in',
      'how much raid gold was taken',
    ],
    noun: ['raid gold', 'loot from raids'],
    unit: 'gold',
  },
  {
    town: DEN,
    kind: 'lookout',
    key: 'sails',
    dec: 0,
    how: ['how many sails did the lookout spot{AT}', 'how many sails were sighted{AT}'],
    noun: ['sails sighted', 'sail sightings'],
    unit: 'sails',
  },
];

interface Reading {
  key: string;
  dec: number;
  towns: string[];
  noun: string[];
  hi: string[];
  lo: string[];
  unit: string;
}

const ALL = TOWNS;
const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    towns: ALL,
    noun: ['temperature', 'temp', 'temperatures'],
    hi: ['hottest', 'warmest'],
    lo: ['coldest', 'chilliest'],
    unit: '°C',
  },
  {
    key: 'wind_kph',
    dec: 1,
    towns: ALL,
    noun: ['wind speed', 'wind', 'winds'],
    hi: ['windiest'],
    lo: ['calmest', 'least windy'],
    unit: 'km/h',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    towns: ALL,
    noun: ['humidity'],
    hi: ['most humid', 'muggiest'],
    lo: ['least humid'],
    unit: '%',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    towns: ALL,
    noun: ['air pressure', 'pressure', 'barometric pressure'],
    hi: ['highest-pressure'],
    lo: ['lowest-pressure'],
    unit: 'hPa',
  },
  {
    key: 'tide_m',
    dec: 2,
    towns: [PORT],
    noun: ['tide', 'tide level'],
    hi: ['highest-tide'],
    lo: ['lowest-tide'],
    unit: 'm',
  },
  {
    key: 'river_level_m',
    dec: 2,
    towns: [FARMS],
    noun: ['river level', 'river height'],
    hi: ['highest-river'],
    lo: ['lowest-river'],
    unit: 'm',
  },
];

/** Something that happens on a day: a flag, rain, a raid, a robbery, an arrival. */
interface Happening {
  id: string;
  town: string;
  test: (e: RawEvent) => boolean;
  /** Clauses after "on how many days" / "did": "did it rain {AT}". */
  did: string[];
  /** Noun phrases for "both … and …": "rain {AT}". */
  noun: string[];
  /** Event phrases after "how many times": "were the miners hungry". */
  times?: string[];
  /** The place must be said (rain, storms and deliveries happen in every town). */
  place?: boolean;
  /** How often it is picked (rare happenings less). */
  w?: number;
  /** Another reading of the same thing (a raid on a town's shipments, or the town's loss): asked only where both agree. */
  alt?: (e: RawEvent) => boolean;
}

function pickHap(rng: Rng, list: readonly Happening[]): Happening {
  const total = sum(list.map((h) => h.w ?? 1));
  let x = rng() * total;
  for (const h of list) {
    x -= h.w ?? 1;
    if (x <= 0) return h;
  }
  return list[list.length - 1] as Happening;
}

const flag = (town: string, kind: string, key: string) => (e: RawEvent) =>
  e.town === town && e.kind === kind && e.data[key] === 1;

function happenings(): Happening[] {
  const list: Happening[] = [];
  for (const t of TOWNS) {
    list.push({
      id: `rain:${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && num(e, 'rain_mm') > 0,
      did: ['did it rain {AT}', 'was it raining {AT}', 'was there rain {AT}', 'did any rain fall {AT}'],
      noun: ['rain {AT}', 'rainfall {AT}', 'wet weather {AT}'],
      times: ['was rain recorded {AT}', 'did the gauge record rain {AT}'],
      place: true,
    });
    list.push({
      id: `storm:${t}`,
      town: t,
      test: flag(t, 'sensor', 'storm'),
      did: ['was there a storm {AT}', 'did a storm hit {AT}', 'did a gale blow {AT}'],
      noun: ['a storm {AT}', 'stormy weather {AT}', 'a gale {AT}'],
      times: ['did the sensors read a storm {AT}', 'was a storm recorded {AT}'],
      place: true,
      w: t === PORT || t === DEN ? 1 : 0.3,
    });
  }
  list.push({
    id: 'hunger',
    town: MINES,
    test: flag(MINES, 'mining', 'hunger'),
    did: ['were the miners hungry', 'did the miners go hungry {AT}', 'was there hunger {AT}'],
    noun: ['hungry miners {AT}', 'hunger at the mine'],
    times: ['did the miners go hungry', 'was a shift hungry {AT}'],
  });
  list.push({
    id: 'flood',
    town: MINES,
    test: flag(MINES, 'mining', 'flood'),
    did: ['did the mine flood', 'was the mine flooded {AT}', 'did the Deep Gallery flood'],
    noun: ['a flooded mine {AT}', 'a mine flood'],
    times: ['did the mine flood', 'was a shift flooded {AT}'],
  });
  list.push({
    id: 'idle',
    town: FARMS,
    test: flag(FARMS, 'mill', 'idle'),
    did: ['did the mill stand idle', 'was the mill idle {AT}', 'did the water mill sit idle'],
    noun: ['an idle mill {AT}', 'the mill standing idle'],
    times: ['did the mill stand idle', 'was the mill reported idle'],
  });
  list.push({
    id: 'cold',
    town: FARMS,
    test: flag(FARMS, 'forge', 'cold_forge'),
    did: ['was the forge cold', 'did the forge go cold {AT}', 'was the smithy cold'],
    noun: ['a cold forge {AT}', 'the forge gone cold'],
    times: ['was the forge cold', 'did the forge go cold'],
  });
  list.push({
    id: 'surplus',
    town: FARMS,
    test: flag(FARMS, 'farming', 'surplus'),
    did: [
      'did the farmers bring in a surplus',
      'was there a surplus {AT}',
      'did the fields give a bumper crop',
    ],
    noun: ['a surplus harvest {AT}', 'a surplus on the farms'],
    w: 0.5,
    times: ['did the farmers bring in a surplus', 'was a surplus recorded {AT}'],
  });
  list.push({
    id: 'drought',
    town: FARMS,
    test: flag(FARMS, 'farming', 'drought'),
    did: ['was there a drought {AT}', 'did drought thin the harvest'],
    noun: ['drought {AT}', 'a dry spell on the farms'],
    w: 0.2,
  });
  list.push({
    id: 'fine',
    town: PORT,
    test: flag(PORT, 'fishing', 'fine_haul'),
    did: ['did a fisher land a fine haul', 'was there a fine haul {AT}', 'did anyone make a big catch {AT}'],
    noun: ['a fine haul {AT}', 'a big catch {AT}'],
    times: ['did a fisher land a fine haul', 'was a fine haul landed {AT}'],
  });
  list.push({
    id: 'empty',
    town: PORT,
    test: flag(PORT, 'fishing', 'empty_nets'),
    did: ['did a fisher come back with empty nets', 'were the nets empty {AT}'],
    noun: ['empty nets {AT}', 'a boat coming home with empty nets'],
    times: ['did a fisher come back with empty nets'],
    w: 0.3,
  });
  list.push({
    id: 'raid',
    town: DEN,
    test: (e) => e.kind === 'raid' && num(e, 'raid_gold') > 0,
    did: [
      'did the pirates pull off a raid',
      'was there a successful pirate raid',
      'did the Den raid anyone and get gold',
    ],
    noun: ['a pirate raid that took gold', 'a successful raid'],
    times: ['did the pirates raid and come back with gold', 'did a raid take gold'],
  });
  for (const t of [PORT, FARMS, MINES]) {
    list.push({
      id: `raidOn:${t}`,
      town: t,
      test: (e) => e.kind === 'raid' && num(e, 'raid_gold') > 0 && e.data.target === t,
      alt: (e) => e.town === t && e.kind === 'loss',
      did: ["did the pirates raid {N}'s shipments", 'did raiders hit a shipment from {N}'],
      noun: ["a raid on {N}'s shipments", 'pirates hitting a shipment from {N}'],
      times: ["did the pirates raid {N}'s shipments", 'did raiders take gold from a shipment out of {N}'],
    });
    list.push({
      id: `rob:${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'loss',
      alt: (e) => e.kind === 'raid' && num(e, 'raid_gold') > 0 && e.data.target === t,
      did: ['was {N} robbed', 'did {N} lose a shipment to pirates', 'did {N} report a robbery'],
      noun: ['a robbery of {N}', '{N} losing goods to the pirates'],
      times: ['was {N} robbed', 'did {N} lose a shipment to the pirates'],
    });
    list.push({
      id: `arr:${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'arrival',
      did: ['did a shipment arrive {AT}', 'did any cargo get delivered {AT}'],
      noun: ['a delivery {AT}', 'a shipment arriving {AT}'],
      place: true,
    });
  }
  return list;
}

function fill(s: string, town: string, rng: Rng, optional = false): string {
  let at = pick(rng, AT[town] ?? [town]);
  if (optional && rng() < 0.35) at = '';
  return s
    .replace('{AT}', at === '' ? '' : ` ${at}`)
    .replace(/ {AT}/, '')
    .replace("{N}'s", poss(pick(rng, NAME[town] ?? [town])))
    .replace('{N}', pick(rng, NAME[town] ?? [town]))
    .replace(/ +/g, ' ')
    .trim();
}

// --- The set ---------------------------------------------------------------------------------------

export function buildNaturalB(events: RawEvent[], today: number): Case[] {
  let h = today;
  for (const e of events.slice(0, 500))
    h = (Math.imul(h, 31) + Math.round(num(e, 'temperature_c') * 10) + e.day) | 0;
  const rng = mulberry(h ^ events.length);

  const byTownKind = new Map<string, RawEvent[]>();
  const reportDays = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    const list = byTownKind.get(k) ?? [];
    list.push(e);
    byTownKind.set(k, list);
    const days = reportDays.get(e.town) ?? new Set<number>();
    days.add(e.day);
    reportDays.set(e.town, days);
  }
  const of = (town: string, kind: string, t: Time) =>
    (byTownKind.get(`${town}/${kind}`) ?? []).filter((e) => e.day >= t.from && e.day <= t.to);
  const reportedIn = (town: string, t: Time) => {
    const days = reportDays.get(town) ?? new Set<number>();
    let n = 0;
    for (let d = t.from; d <= t.to; d++) if (days.has(d)) n++;
    return n;
  };
  const daily = (list: readonly RawEvent[], key: string, how: 'sum' | 'mean') => {
    const m = new Map<number, number[]>();
    for (const e of list) {
      const xs = m.get(e.day) ?? [];
      xs.push(num(e, key));
      m.set(e.day, xs);
    }
    return new Map([...m].map(([d, xs]) => [d, how === 'sum' ? sum(xs) : mean(xs)] as const));
  };
  const HAPS = happenings();
  /** The days it happened in the range; null when its other reading (raid or loss) gives other days. */
  const hapDays = (hp: Happening, t: Time): Set<number> | null => {
    const s = new Set<number>();
    const s2 = new Set<number>();
    for (const e of events) {
      if (e.day < t.from || e.day > t.to) continue;
      if (hp.test(e)) s.add(e.day);
      if (hp.alt?.(e)) s2.add(e.day);
    }
    if (hp.alt && (s.size !== s2.size || [...s].some((d) => !s2.has(d)))) return null;
    return s;
  };

  const cases: NCase[] = [];
  const seen = new Set<string>();

  const dress = (q: string, town?: string): string => {
    let out = q;
    if (rng() < 0.22) {
      const p = pick(rng, PREAMBLES).replace('{N}', pick(rng, NAME[town ?? PORT] ?? ['the port']));
      out = p + out.charAt(0).toLowerCase() + out.slice(1);
    }
    if (rng() < 0.12) out = out.replace(/\?$/, '');
    return cap(out);
  };

  const add = (
    form: string,
    question: string,
    truth: string,
    check: (r: Reply) => string | null,
  ): boolean => {
    let q = question;
    let typoNote: string | undefined;
    if (rng() < 0.12) {
      const t = typo(rng, q);
      if (t) {
        q = t.q;
        typoNote = t.typo;
      }
    }
    if (seen.has(q)) return false;
    seen.add(q);
    const c: NCase = { form, question: q, truth, check: (reply) => check(reply) };
    if (typoNote) c.typo = typoNote;
    cases.push(c);
    return true;
  };

  // --- count-days: on how many distinct days did it happen ----------------------------------------
  const countDays = () => {
    const hp = pickHap(rng, HAPS);
    const t = rng() < 0.3 ? whole(rng, today) : anyTime(rng, today);
    const days = hapDays(hp, t);
    if (!days) return false;
    const n = days.size;
    const clause = fill(pick(rng, hp.did), hp.town, rng, !hp.place);
    const tpl = pick(rng, [
      `On how many days {T} ${clause}?`,
      `How many days ${clause}{T}?`,
      `How many different days ${clause}{T}? Days, not times.`,
      `Tell me on how many days ${clause}{T}`,
      `On how many separate days ${clause}{T}?`,
      `In how many days ${clause}{T}?`,
      `how many day ${clause}{T}`,
    ]);
    const q = tpl.includes('{T} ')
      ? tpl.replace('{T} ', t.s === '' ? '' : `${t.s} `)
      : placeTime(rng, tpl, t);
    return add('count-days', dress(q, hp.town), `${n} days (distinct days, days ${t.from}–${t.to})`, (r) =>
      statesOrZero(r.answer, n, 0),
    );
  };

  // --- both: days on which two things both happened ----------------------------------------------
  const PAIRS: [string, string][] = [
    ['storm:den-of-thieves', 'raid'],
    ['storm:port-logic', 'raid'],
    ['rain:port-logic', 'rain:patchbourough'],
    ['rain:circuiton', 'rain:patchbourough'],
    ['rain:port-logic', 'rain:den-of-thieves'],
    ['rain:circuiton', 'rain:den-of-thieves'],
    ['rob:circuiton', 'rob:port-logic'],
    ['rob:patchbourough', 'rob:circuiton'],
    ['hunger', 'flood'],
    ['idle', 'rain:patchbourough'],
    ['cold', 'idle'],
    ['fine', 'rain:port-logic'],
    ['fine', 'storm:port-logic'],
    ['flood', 'rain:circuiton'],
    ['surplus', 'fine'],
    ['raidOn:port-logic', 'raidOn:patchbourough'],
    ['storm:port-logic', 'storm:den-of-thieves'],
    ['arr:circuiton', 'rob:circuiton'],
  ];
  const byId = new Map(HAPS.map((x) => [x.id, x]));
  const bothPair = (): [Happening, Happening] => {
    if (rng() < 0.5) {
      const [a, b] = pick(rng, PAIRS);
      const ha = byId.get(a);
      const hb = byId.get(b);
      if (!ha || !hb) throw new Error(`no happening ${a} or ${b}`);
      return rng() < 0.5 ? [ha, hb] : [hb, ha];
    }
    for (;;) {
      const a = pickHap(rng, HAPS);
      const b = pickHap(rng, HAPS);
      if (a !== b) return [a, b];
    }
  };
  const both = () => {
    const [a, b] = bothPair();
    const style = int(rng, 0, 3);
    const t = style === 2 ? shortTime(rng, today) : anyTime(rng, today);
    const da = hapDays(a, t);
    const db = hapDays(b, t);
    if (!da || !db) return false;
    const common = [...da].filter((d) => db.has(d)).sort((x, y) => x - y);
    const na = fill(pick(rng, a.noun), a.town, rng);
    const nb = fill(pick(rng, b.noun), b.town, rng);
    const truth = `days with both ${na} and ${nb}, days ${t.from}–${t.to}: ${common.length}${common.length <= 10 ? ` (${common.join(', ') || 'none'})` : ''}`;
    if (style === 0 || style === 3) {
      const tpl = pick(rng, [
        'How many days had both {A} and {B}{T}?',
        'On how many days were there both {A} and {B}{T}?',
        "I'm lining up the timelines: on how many days did {A} and {B} happen on the same day{T}?",
        'Count the days{T} when there was {A} and also {B}',
        'How many days saw {A} as well as {B}{T}?',
      ]);
      const q = placeTime(rng, tpl.replace('{A}', na).replace('{B}', nb), t);
      return add('both', dress(q, a.town), truth, (r) => statesOrZero(r.answer, common.length, 0));
    }
    if (style === 1) {
      const tpl = pick(rng, [
        'Was there a day{T} with both {A} and {B}?',
        'Did {A} and {B} ever fall on the same day{T}?',
        'Any day{T} that had {A} and {B} at once?',
      ]);
      const q = placeTime(rng, tpl.replace('{A}', na).replace('{B}', nb), t);
      return add('both', dress(q, a.town), `${common.length > 0 ? 'yes' : 'no'}; ${truth}`, (r) =>
        saysYes(r.answer, common.length > 0),
      );
    }
    const tpl = pick(rng, [
      'On which days{T} were there both {A} and {B}?',
      'Which days{T} had {A} and {B} on the same day?',
      'List the days{T} when we got {A} and {B} together',
      'What days{T} saw both {A} and {B}?',
    ]);
    const q = placeTime(rng, tpl.replace('{A}', na).replace('{B}', nb), t);
    const others: number[] = [];
    for (let d = t.from; d <= t.to; d++) if (!common.includes(d)) others.push(d);
    return add('both', dress(q, a.town), truth, (r) =>
      common.length === 0
        ? all(saysZero(r.answer), namesNoneOf(r.answer, others))
        : all(...common.map((d) => namesDay(r.answer, d)), namesNoneOf(r.answer, others)),
    );
  };

  // both towns' record days on the same day ("record flour and metal on the same day")
  const bothRecord = () => {
    const a = pick(rng, OUTPUTS);
    const b = pick(rng, OUTPUTS);
    if (a === b || a.town === b.town) return false;
    const t = rng() < 0.5 ? week(rng) : relative(rng, today);
    const best = (o: Output) => {
      const m = daily(of(o.town, o.kind, t), o.key, 'sum');
      const vals = [...m].sort((x, y) => y[1] - x[1]);
      if (vals.length < 2 || Math.abs((vals[0]?.[1] ?? 0) - (vals[1]?.[1] ?? 0)) < 1e-9) return null;
      return vals[0] as readonly [number, number];
    };
    const ba = best(a);
    const bb = best(b);
    if (!ba || !bb) return false;
    const same = ba[0] === bb[0];
    const tpl = pick(rng, [
      'Did {A} and {B} have their best day on the same day{T}?',
      "{T0}was {TA}'s record day for {NA} the same day as {TB}'s record day for {NB}?",
      'Did the top day for {NA} in {TA} line up with the top day for {NB} in {TB}{T}?',
    ]);
    const q = placeTime(
      rng,
      tpl
        .replace('{T0}', '')
        .replace('{A}', `${poss(pick(rng, NAME[a.town] ?? []))} ${pick(rng, a.noun)}`)
        .replace('{B}', `${poss(pick(rng, NAME[b.town] ?? []))} ${pick(rng, b.noun)}`)
        .replace("{TA}'s", poss(pick(rng, NAME[a.town] ?? [])))
        .replace("{TB}'s", poss(pick(rng, NAME[b.town] ?? [])))
        .replace('{TA}', pick(rng, NAME[a.town] ?? []))
        .replace('{TB}', pick(rng, NAME[b.town] ?? []))
        .replace('{NA}', pick(rng, a.noun))
        .replace('{NB}', pick(rng, b.noun))
        .replace(/\?$/, tpl.includes('{T}') ? '?' : '{T}?'),
      t,
    );
    return add(
      'both',
      dress(q, a.town),
      `${same ? 'yes' : 'no'}: best ${a.key} day ${ba[0]} (${fmt(ba[1], a.dec)}), best ${b.key} day ${bb[0]} (${fmt(bb[1], b.dec)}), days ${t.from}–${t.to}`,
      (r) => all(saysYes(r.answer, same), namesDay(r.answer, ba[0]), namesDay(r.answer, bb[0])),
    );
  };

  // --- extreme-day: the best/worst day, the wettest, the hottest --------------------------------
  const extremeDay = () => {
    const t = rng() < 0.3 ? whole(rng, today) : anyTime(rng, today);
    if (rng() < 0.55) {
      const o = pick(rng, OUTPUTS);
      const m = daily(of(o.town, o.kind, t), o.key, 'sum');
      const worst = rng() < 0.3;
      if (worst) {
        // the worst day of reports: only when every day the town reported in the range has this kind
        if (m.size !== reportedIn(o.town, t) || m.size < 2) return false;
      }
      const vals = [...m].sort((x, y) => (worst ? x[1] - y[1] : y[1] - x[1]));
      if (vals.length < 2) return false;
      const [d, v] = vals[0] as [number, number];
      if (Math.abs(v - (vals[1]?.[1] ?? 0)) < 1e-9 || onEdge(v, o.dec) || v === 0) return false;
      const noun = pick(rng, o.noun);
      const tpl = worst
        ? pick(rng, [
            'Which day{T} had the least {N}{AT}, and how much?',
            'What was the worst day for {N}{AT}{T}?',
            'Worst single day for {N}{AT}{T} — which day and what was the total?',
          ])
        : pick(rng, [
            'Which day{T} had the most {N}{AT}, and how much was it?',
            'What was the best day for {N}{AT}{T}?',
            'On what day{T} did {N}{AT} peak, and at what daily total?',
            'Best day for {N}{AT}{T}? Give me the day and the number',
            'Which was the record day for {N}{AT}{T}?',
          ]);
      const q = placeTime(rng, fill(tpl.replace('{N}', noun), o.town, rng, true).replace(' {T}', '{T}'), t);
      return add(
        'extreme-day',
        dress(q, o.town),
        `day ${d}, ${fmt(v, o.dec)} ${o.unit} (daily total, days ${t.from}–${t.to})`,
        (r) => all(namesDay(r.answer, d), states(r.answer, v, o.dec)),
      );
    }
    const town = pick(rng, TOWNS);
    const rain = rng() < 0.4;
    if (rain) {
      const m = daily(of(town, 'sensor', t), 'rain_mm', 'sum');
      const vals = [...m].sort((x, y) => y[1] - x[1]);
      if (vals.length < 2) return false;
      const [d, v] = vals[0] as [number, number];
      if (v === 0 || Math.abs(v - (vals[1]?.[1] ?? 0)) < 1e-9 || onEdge(v, 1)) return false;
      const tpl = pick(rng, [
        'What was the wettest day {AT}{T}?',
        'Which day{T} got the most rain {AT}, and how many mm fell?',
        'Rainiest day {AT}{T}? And how much rain was that',
        '{AT}, which day{T} had the heaviest rainfall?',
      ]);
      const q = placeTime(rng, cap(fill(tpl, town, rng)), t);
      return add(
        'extreme-day',
        dress(q, town),
        `day ${d}, ${fmt(v, 1)} mm (rain summed per day, days ${t.from}–${t.to})`,
        (r) => all(namesDay(r.answer, d), states(r.answer, v, 1)),
      );
    }
    const rd = pick(rng, READINGS);
    const tw = pick(rng, rd.towns);
    const m = daily(of(tw, 'sensor', t), rd.key, 'mean');
    const hi = rng() < 0.6;
    const vals = [...m].sort((x, y) => (hi ? y[1] - x[1] : x[1] - y[1]));
    if (vals.length < 2) return false;
    const [d, v] = vals[0] as [number, number];
    if (Math.abs(v - (vals[1]?.[1] ?? 0)) < 1e-6 || onEdge(v, rd.dec)) return false;
    const adj = pick(rng, hi ? rd.hi : rd.lo);
    const tpl = pick(rng, [
      `What was the ${adj} day {AT}{T}?`,
      `Which day{T} was the ${adj} {AT} on average?`,
      `{AT}, what was the ${adj} day{T}, going by the day's average ${pick(rng, rd.noun)}?`,
      `${adj} day {AT}{T} — which day, and what was its mean ${pick(rng, rd.noun)}?`,
    ]);
    const q = placeTime(rng, cap(fill(tpl, tw, rng)), t);
    return add(
      'extreme-day',
      dress(q, tw),
      `day ${d}, daily mean ${fmt(v, rd.dec + 1)} ${rd.unit} (days ${t.from}–${t.to})`,
      (r) => all(namesDay(r.answer, d), states(r.answer, v, rd.dec)),
    );
  };

  // --- extreme-event: the largest single haul, the richest raid, the coldest reading ------------
  const extremeEvent = () => {
    const t = rng() < 0.35 ? whole(rng, today) : anyTime(rng, today);
    const withDay = rng() < 0.4;
    if (rng() < 0.5) {
      const o = pick(rng, OUTPUTS);
      const list = of(o.town, o.kind, t);
      if (list.length < 2) return false;
      const sorted = [...list].sort((x, y) => num(y, o.key) - num(x, o.key));
      const top = sorted[0] as RawEvent;
      const v = num(top, o.key);
      if (v === 0 || onEdge(v, o.dec)) return false;
      const uniqueDay = sorted.filter((e) => num(e, o.key) === v).every((e) => e.day === top.day);
      if (withDay && !uniqueDay) return false;
      const noun = pick(rng, o.noun);
      const tpl =
        o.key === 'raid_gold'
          ? pick(rng, [
              'What was the richest single raid{T}?',
              'Biggest haul from one raid{T}, in gold?',
              'How much gold did the best single raid bring back{T}?',
            ])
          : o.key === 'fish'
            ? pick(rng, [
                'What was the largest single haul of fish{AT}{T}?',
                'Biggest one-trip catch{AT}{T}?',
                'What is the most fish anyone brought in on one trip{T}?',
              ])
            : pick(rng, [
                'What was the largest single report of {N}{AT}{T}?',
                'Biggest single entry for {N}{AT}{T}?',
                'What is the most {N} in one go{AT}{T}?',
              ]);
      let q = fill(tpl.replace('{N}', noun), o.town, rng, true).replace(' {T}', '{T}');
      if (withDay) q = `${q.replace(/\?$/, '')}, and on what day?`;
      q = placeTime(rng, q, t);
      return add(
        'extreme-event',
        dress(q, o.town),
        `${fmt(v, o.dec)} ${o.unit}${withDay ? ` on day ${top.day}` : ''} (max over events, days ${t.from}–${t.to})`,
        (r) => all(states(r.answer, v, o.dec), withDay ? namesDay(r.answer, top.day) : null),
      );
    }
    const rd = pick(rng, READINGS);
    const tw = pick(rng, rd.towns);
    const list = of(tw, 'sensor', t);
    if (list.length < 2) return false;
    const hi = rng() < 0.5;
    const sorted = [...list].sort((x, y) =>
      hi ? num(y, rd.key) - num(x, rd.key) : num(x, rd.key) - num(y, rd.key),
    );
    const top = sorted[0] as RawEvent;
    const v = num(top, rd.key);
    const uniqueDay = sorted.filter((e) => num(e, rd.key) === v).every((e) => e.day === top.day);
    if (withDay && !uniqueDay) return false;
    const noun = pick(rng, rd.noun);
    const tpl = pick(rng, [
      `What was the ${hi ? 'highest' : 'lowest'} ${noun} reading {AT}{T}?`,
      `${hi ? 'Max' : 'Min'} ${noun} {AT}{T}?`,
      `What's the ${hi ? 'peak' : 'lowest'} ${noun} the sensors recorded {AT}{T}?`,
      rd.key === 'temperature_c'
        ? `What was the ${hi ? 'hottest' : 'coldest'} reading {AT}{T}?`
        : `Single ${hi ? 'highest' : 'lowest'} ${noun} {AT}{T}?`,
    ]);
    let q = cap(fill(tpl, tw, rng));
    if (withDay) q = `${q.replace(/\?$/, '')} and which day was it?`;
    q = placeTime(rng, q, t);
    return add(
      'extreme-event',
      dress(q, tw),
      `${fmt(v, rd.dec)} ${rd.unit}${withDay ? ` on day ${top.day}` : ''} (${hi ? 'max' : 'min'} over readings, days ${t.from}–${t.to})`,
      (r) => all(states(r.answer, v, rd.dec), withDay ? namesDay(r.answer, top.day) : null),
    );
  };

  // --- which-town --------------------------------------------------------------------------------
  const whichTown = () => {
    const t = rng() < 0.35 ? whole(rng, today) : anyTime(rng, today);
    const r = int(rng, 0, 4);
    let values: [string, number][];
    let dec: number;
    let q: string;
    let what: string;
    const most = rng() < 0.7;
    if (r === 0) {
      values = TOWNS.map((tw) => [tw, sum(of(tw, 'sensor', t).map((e) => num(e, 'rain_mm')))]);
      dec = 1;
      what = 'rain (mm, summed)';
      q = pick(rng, [
        `Which town got the ${most ? 'most' : 'least'} rain{T}?`,
        `Where did it rain ${most ? 'the most' : 'the least'}{T}, and how much?`,
        `Of the four towns, which was ${most ? 'wettest' : 'driest'}{T} by total rainfall?`,
      ]);
    } else if (r === 1) {
      const rd = pick(
        rng,
        READINGS.filter((x) => x.towns.length === 4),
      );
      values = TOWNS.map((tw) => [tw, mean(of(tw, 'sensor', t).map((e) => num(e, rd.key)))]);
      dec = rd.dec;
      what = `mean ${rd.key}`;
      const adj = pick(rng, most ? rd.hi : rd.lo);
      q = pick(rng, [
        `Which town was the ${adj}{T}, on average?`,
        `Which town had the ${most ? 'highest' : 'lowest'} avg ${pick(rng, rd.noun)}{T}?`,
        `Where was the ${pick(rng, rd.noun)} ${most ? 'highest' : 'lowest'} on average{T}?`,
      ]);
    } else if (r === 2) {
      values = [PORT, FARMS, MINES].map((tw) => [tw, sum(of(tw, 'loss', t).map((e) => num(e, 'loot_gold')))]);
      dec = 0;
      what = 'gold lost to pirates (loss events)';
      q = pick(rng, [
        `Which town lost the ${most ? 'most' : 'least'} gold to the pirates{T}?`,
        `Whose shipments cost them the ${most ? 'most' : 'least'} gold in robberies{T}?`,
        `Which town was hit ${most ? 'hardest' : 'least'} by pirate robberies{T}, in gold?`,
      ]);
    } else if (r === 3) {
      values = TOWNS.map((tw) => [tw, of(tw, 'sensor', t).filter((e) => e.data.storm === 1).length]);
      dec = 0;
      what = 'storm readings';
      q = pick(rng, [
        `Which town had the ${most ? 'most' : 'fewest'} storm readings{T}?`,
        `Where were storms recorded ${most ? 'most' : 'least'} often{T}?`,
      ]);
    } else {
      values = [PORT, FARMS, MINES].map((tw) => [tw, of(tw, 'loss', t).length]);
      dec = 0;
      what = 'robberies (loss events)';
      q = pick(rng, [
        `Which town got robbed ${most ? 'the most' : 'the least'} times{T}?`,
        `Which town's shipments were robbed ${most ? 'most' : 'least'} often{T}?`,
      ]);
    }
    const sorted = [...values].sort((x, y) => (most ? y[1] - x[1] : x[1] - y[1]));
    const [win, v] = sorted[0] as [string, number];
    if (Number.isNaN(v) || Math.abs(v - (sorted[1]?.[1] ?? 0)) < 1e-6 || onEdge(v, dec)) return false;
    if (v === 0 && !most) return false;
    q = placeTime(rng, q, t);
    return add(
      'which-town',
      dress(q),
      `${TOWN_NAMES[win]}, ${fmt(v, dec)} (${what}, days ${t.from}–${t.to})`,
      (rep) => all(namesTown(rep.answer, win), statesOrZero(rep.answer, v, dec)),
    );
  };

  // --- who ---------------------------------------------------------------------------------------
  const who = () => {
    const o = pick(
      rng,
      OUTPUTS.filter((x) =>
        ['fish', 'harvest', 'ore_tons', 'metal_lbs', 'learned', 'nets', 'ropes'].includes(x.key),
      ),
    );
    const t = rng() < 0.3 ? whole(rng, today) : anyTime(rng, today);
    const by = new Map<string, number>();
    for (const e of of(o.town, o.kind, t))
      if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + num(e, o.key));
    const sorted = [...by].sort((x, y) => y[1] - x[1]);
    if (sorted.length < 2) return false;
    const [p, v] = sorted[0] as [string, number];
    if (Math.abs(v - (sorted[1]?.[1] ?? 0)) < 1e-9 || onEdge(v, o.dec)) return false;
    const role: Record<string, string> = {
      fish: 'fisher',
      harvest: 'farmer',
      ore_tons: 'miner',
      metal_lbs: 'miner',
      learned: 'teacher',
      nets: 'netmaker',
      ropes: 'ropemaker',
    };
    const noun = pick(rng, o.noun);
    const tpl = pick(rng, [
      `Who produced the most ${noun}{AT}{T}?`,
      `Which ${role[o.key]} did the most ${noun}{T}?`,
      `Which ${role[o.key]} came out on top for ${noun}{T}, and with how much?`,
      `Who's the top ${role[o.key]}{AT}{T} by ${noun}?`,
    ]);
    const q = placeTime(rng, fill(tpl, o.town, rng, true).replace(' {T}', '{T}'), t);
    return add(
      'who',
      dress(q, o.town),
      `${p}, ${fmt(v, o.dec)} ${o.unit} (sum per actor, days ${t.from}–${t.to})`,
      (r) => all(names(r.answer, p), states(r.answer, v, o.dec)),
    );
  };

  const ROLES: [string[], string[]][] = [
    [
      [
        'Who is the miller in PatchBourough?',
        'who runs the water mill on the farms',
        'Who grinds the flour at the mill?',
      ],
      ['Rosalind Grist'],
    ],
    [
      [
        'Who keeps the forge in the river town?',
        'Who is the blacksmith at PatchBourough?',
        'whos the smith on the farms',
      ],
      ['Garrick Stone'],
    ],
    [
      [
        "Who is the pirates' captain?",
        'Who captains the raids from the Den?',
        'who leads the pirates on their raids',
      ],
      ['Mara Blackwater'],
    ],
    [['Who keeps the tavern at the Den?', "Who pours the drinks on the pirates' island?"], ['Greta Grog']],
    [['Who makes the arrows in Den of Thieves?', "Who's the fletcher at the Den?"], ['Skiv']],
    [
      ['Who repairs the boats at the Den — who is the bosun?', 'Who is the bosun of Den of Thieves?'],
      ['Rook'],
    ],
    [['Who is the apprentice in Circuiton?', 'Who makes the trinkets up in the mountain town?'], ['John']],
    [['Who is the quartermaster at the Den?', "Who's the pirates' quartermaster?"], ['Finn']],
    [
      ['Who are the teachers at the Academy in Circuiton?', 'Who teaches in the mountain town?'],
      ['Elden Cogsworth', 'Tilda Gearhart'],
    ],
    [
      ['Who are the miners in Circuiton?', 'Name the miners up at the mines'],
      ['Ida Pike', 'Oskar Flint', 'Bruna Shale'],
    ],
    [
      ['Who are the fishers in Port Logic?', 'Which fishermen work the harbour?'],
      ['Hal Marsh', 'Nell Brine', 'Tobias Reed', 'Ivo Gull'],
    ],
    [
      ['Who makes the nets at the port?', 'Who are the netmakers in the harbour?'],
      ['Maren Knot', 'Silas Twine'],
    ],
    [
      ['Who are the traders at the harbour?', 'Who handles trade in Port Logic?'],
      ['Odile Quay', 'Bastian Cole'],
    ],
    [
      ['Who are the farmers in PatchBourough?', 'Who works the fields on the farms?'],
      ['Ada Furrow', 'Piet Furrow', 'Wendel Hay'],
    ],
    [['Who trades for Circuiton?', "Who is Circuiton's trader?"], ['Vera Crucible']],
  ];
  const role = () => {
    const [qs, people] = pick(rng, ROLES);
    const q = pick(rng, qs);
    return add('role', dress(q), people.join(', '), (r) => all(...people.map((p) => names(r.answer, p))));
  };

  // --- trend -------------------------------------------------------------------------------------
  const trend = () => {
    const k = pick(rng, [14, 20, 21, 28, 30, 40, 45, 50]);
    const t: Time =
      rng() < 0.6
        ? {
            from: today - k + 1,
            to: today,
            s: pick(rng, [`over the last ${k} days`, `in the past ${k} days`]),
            front: true,
            short: false,
          }
        : rng() < 0.5
          ? {
              from: 1,
              to: today,
              s: pick(rng, ['', 'over the whole history', 'so far']),
              front: false,
              short: false,
            }
          : {
              from: today - 29,
              to: today,
              s: pick(rng, ['this month', 'over the past 30 days']),
              front: true,
              short: false,
            };
    let series: Map<number, number>;
    let noun: string;
    let town: string;
    if (rng() < 0.55) {
      const o = pick(
        rng,
        OUTPUTS.filter((x) => x.key !== 'raid_gold' && x.key !== 'arrows'),
      );
      series = daily(of(o.town, o.kind, t), o.key, 'sum');
      noun = `${pick(rng, o.noun)} per day`;
      town = o.town;
    } else {
      const rd = pick(rng, READINGS);
      town = pick(rng, rd.towns);
      series = daily(of(town, 'sensor', t), rd.key, 'mean');
      noun = pick(rng, rd.noun);
    }
    if (series.size < 3) return false;
    const s = slope([...series]);
    if (Number.isNaN(s) || Math.abs(s) < 0.005 || onEdge(s, 2)) return false;
    const at = pick(rng, AT[town] ?? []);
    const style = int(rng, 0, 2);
    const dir =
      s > 0
        ? /\b(up|ris|increas|grow|higher|climb|upward)/i
        : /\b(down|fall|fell|declin|decreas|drop|lower|shrink|downward)/i;
    const slopeOk = (a: string) =>
      states(a, s, 2) === null || (states(a, Math.abs(s), 2) === null && dir.test(a))
        ? null
        : `does not state the slope ${fmt(s, 2)}`;
    const truth = `slope ${fmt(s, 2)} per day (${s > 0 ? 'rising' : 'falling'}), daily series days ${t.from}–${t.to}`;
    if (style === 0) {
      const q = placeTime(
        rng,
        pick(rng, [
          `Is the ${noun} ${at} going up or down{T}?`,
          `How fast is ${noun} ${at} changing{T}? Give me the trend per day`,
          `What's the trend in ${noun} ${at}{T}?`,
          `Trend of ${noun} ${at}{T} — rising or falling, and by how much a day?`,
          `Did ${noun} ${at} rise or fall{T}?`,
          `${noun} ${at}{T}: up or down, and how steep is the slope?`,
        ]),
        t,
      );
      return add('trend', dress(q, town), truth, (r) => slopeOk(r.answer));
    }
    const up = rng() < 0.5;
    const q = placeTime(
      rng,
      pick(rng, [
        `Has ${noun} ${at} been ${up ? 'rising' : 'falling'}{T}?`,
        `Did ${noun} ${at} ${up ? 'go up' : 'go down'}{T}?`,
        `Is ${noun} ${at} trending ${up ? 'upward' : 'downward'}{T}?`,
      ]),
      t,
    );
    return add('trend', dress(q, town), `${(s > 0) === up ? 'yes' : 'no'}; ${truth}`, (r) =>
      all(saysYes(r.answer, s > 0 === up), slopeOk(r.answer)),
    );
  };

  // --- count (events) ----------------------------------------------------------------------------
  const GOODS = ['metal', 'trinkets', 'tools', 'flour', 'grain', 'textiles', 'spices', 'fish', 'rope'];
  // The goods each town receives (in the whole history): asking for goods a town never receives is a trick, not a count.
  const arrivalGoods = new Set(
    events.filter((e) => e.kind === 'arrival').map((e) => `${e.town}/${e.data.goods}`),
  );
  const count = () => {
    const t = rng() < 0.3 ? whole(rng, today) : anyTime(rng, today);
    const r = int(rng, 0, 7);
    let list: RawEvent[];
    let q: string;
    let what: string;
    let town: string | undefined;
    if (r === 0) {
      list = of(DEN, 'raid', t).filter((e) => num(e, 'raid_gold') > 0);
      what = 'raids with raid_gold > 0';
      q = pick(rng, [
        'How many raids actually took gold{T}?',
        'How many successful raids did the pirates pull off{T}?',
        "How many raids came back with loot{T}? Don't count the empty ones",
      ]);
    } else if (r === 1) {
      const tg = pick(rng, [PORT, FARMS, MINES]);
      town = tg;
      list = of(DEN, 'raid', t).filter((e) => num(e, 'raid_gold') > 0 && e.data.target === tg);
      if (list.length !== of(tg, 'loss', t).length) return false;
      what = `raids with gold on ${tg}'s shipments`;
      q = pick(rng, [
        `How many times did the pirates raid ${poss(pick(rng, NAME[tg] ?? []))} shipments{T}?`,
        `How many raids targeted shipments from ${pick(rng, NAME[tg] ?? [])}{T}?`,
      ]);
    } else if (r === 2) {
      const g = pick(rng, GOODS);
      list = of(DEN, 'raid', t).filter((e) => num(e, 'raid_gold') > 0 && e.data.goods === g);
      what = `raids with gold on ${g}`;
      q = pick(rng, [
        `How many raids took ${g}{T}?`,
        `How many times did the pirates steal ${g}{T}?`,
        `No. of raids on ${g} cargo{T}?`,
      ]);
    } else if (r === 3) {
      const tw = pick(rng, [PORT, FARMS, MINES]);
      town = tw;
      list = of(tw, 'loss', t);
      if (
        list.length !==
        of(DEN, 'raid', t).filter((e) => num(e, 'raid_gold') > 0 && e.data.target === tw).length
      )
        return false;
      what = `loss events in ${tw}`;
      q = pick(rng, [
        `How many robberies did ${pick(rng, NAME[tw] ?? [])} suffer{T}?`,
        `How many times was ${pick(rng, NAME[tw] ?? [])} robbed{T}?`,
        `How many shipments did ${pick(rng, NAME[tw] ?? [])} lose to the pirates{T}?`,
      ]);
    } else if (r === 4) {
      const hp = pickHap(
        rng,
        HAPS.filter((x) => x.times),
      );
      list = events.filter((e) => e.day >= t.from && e.day <= t.to && hp.test(e));
      const alt = hp.alt;
      if (alt && list.length !== events.filter((e) => e.day >= t.from && e.day <= t.to && alt(e)).length)
        return false;
      town = hp.town;
      what = 'events';
      const clause = fill(pick(rng, hp.times ?? []), hp.town, rng, !hp.place);
      q = pick(rng, [`How many times ${clause}{T}?`, `How often ${clause}{T}? A count of times please`]);
    } else if (r === 5) {
      const to = pick(rng, [FARMS, MINES, 'overseas']);
      list = of(PORT, 'trade', t).filter((e) => e.data.from === PORT && e.data.to === to);
      town = PORT;
      what = `trade events from port-logic to ${to}`;
      const dest = to === 'overseas' ? 'overseas' : `to ${pick(rng, NAME[to] ?? [])}`;
      q = pick(rng, [
        `How many shipments did the port send ${dest}{T}?`,
        `How many trades went from Port Logic ${dest}{T}?`,
      ]);
    } else if (r === 6) {
      const tw = pick(rng, [PORT, FARMS, MINES]);
      const g = pick(
        rng,
        GOODS.filter((x) => arrivalGoods.has(`${tw}/${x}`)),
      );
      list = of(tw, 'arrival', t).filter((e) => e.data.goods === g);
      town = tw;
      what = `arrival events of ${g} in ${tw}`;
      q = pick(rng, [
        `How many shipments of ${g} arrived ${pick(rng, AT[tw] ?? [])}{T}?`,
        `How many ${g} deliveries reached ${pick(rng, NAME[tw] ?? [])}{T}?`,
      ]);
    } else {
      list = of(PORT, 'trade', t).filter((e) => e.data.from === 'overseas' && num(e, 'value_gold') > 0);
      town = PORT;
      what = 'purchases from overseas (trade from overseas with value_gold > 0)';
      q = pick(rng, [
        'How many times did the harbour buy cargo from overseas ships{T}?',
        'How many overseas purchases did Port Logic make{T}?',
      ]);
    }
    const n = list.length;
    q = placeTime(rng, q, t);
    return add('count', dress(q, town), `${n} (${what}, days ${t.from}–${t.to})`, (rep) =>
      statesOrZero(rep.answer, n, 0),
    );
  };

  // --- did: yes or no ----------------------------------------------------------------------------
  const did = () => {
    const hp = pickHap(rng, HAPS);
    const r = rng();
    const t = r < 0.5 ? oneDay(rng, today) : r < 0.75 ? shortTime(rng, today) : relative(rng, today);
    const days = hapDays(hp, t);
    if (!days) return false;
    const yes = days.size > 0;
    const clause = fill(pick(rng, hp.did), hp.town, rng, !hp.place);
    const q = placeTime(
      rng,
      pick(rng, [`${cap(clause)}{T}?`, `Quick check: ${clause}{T}?`, `Yes or no — ${clause}{T}?`]),
      t,
    );
    return add('did', dress(q, hp.town), `${yes ? 'yes' : 'no'} (days ${t.from}–${t.to})`, (rep) =>
      saysYes(rep.answer, yes),
    );
  };

  // --- total -------------------------------------------------------------------------------------
  const total = () => {
    const t = anyTime(rng, today);
    const r = rng();
    if (r < 0.5) {
      const o = pick(rng, OUTPUTS);
      const v = sum(of(o.town, o.kind, t).map((e) => num(e, o.key)));
      if (onEdge(v, o.dec)) return false;
      const q = placeTime(rng, `${cap(fill(pick(rng, o.how), o.town, rng, true))}{T}?`, t);
      return add(
        'total',
        dress(q, o.town),
        `${fmt(v, o.dec)} ${o.unit} (sum, days ${t.from}–${t.to})`,
        (rep) => statesOrZero(rep.answer, v, o.dec),
      );
    }
    if (r < 0.7) {
      const tw = pick(rng, TOWNS);
      const v = sum(of(tw, 'sensor', t).map((e) => num(e, 'rain_mm')));
      if (onEdge(v, 1)) return false;
      const q = placeTime(
        rng,
        cap(
          fill(
            pick(rng, [
              'How much rain fell {AT}{T}?',
              'Total rainfall {AT}{T}, in mm?',
              'How many mm of rain did {AT} get{T}?',
            ]),
            tw,
            rng,
          )
            .replace('did in ', 'did ')
            .replace('did at ', 'did ')
            .replace('did on ', 'did ')
            .replace('did up in ', 'did ')
            .replace('did down at ', 'did '),
        ),
        t,
      );
      return add('total', dress(q, tw), `${fmt(v, 1)} mm (sum of readings, days ${t.from}–${t.to})`, (rep) =>
        statesOrZero(rep.answer, v, 1),
      );
    }
    if (r < 0.85) {
      const tw = pick(rng, [PORT, FARMS, MINES]);
      const v = sum(of(tw, 'loss', t).map((e) => num(e, 'loot_gold')));
      const n = pick(rng, NAME[tw] ?? []);
      const q = placeTime(
        rng,
        pick(rng, [
          `How much gold did ${n} lose to pirates{T}?`,
          `What did the robberies cost ${n}{T}, in gold?`,
        ]),
        t,
      );
      return add(
        'total',
        dress(q, tw),
        `${fmt(v, 0)} gold (loot_gold of loss events, days ${t.from}–${t.to})`,
        (rep) => statesOrZero(rep.answer, v, 0),
      );
    }
    const sold = rng() < 0.5;
    const v = sum(
      of(PORT, 'trade', t)
        .filter((e) => (sold ? e.data.from === PORT && e.data.to === 'overseas' : e.data.from === 'overseas'))
        .map((e) => num(e, 'value_gold')),
    );
    const q = placeTime(
      rng,
      sold
        ? pick(rng, [
            'How much gold did the port earn selling overseas{T}?',
            'Gold from sales to overseas buyers at the harbour{T}?',
          ])
        : pick(rng, [
            'How much gold did the harbour spend buying from overseas ships{T}?',
            'What did Port Logic pay for overseas cargo{T}?',
          ]),
      t,
    );
    return add(
      'total',
      dress(q, PORT),
      `${fmt(v, 0)} gold (port trade ${sold ? 'to' : 'from'} overseas, days ${t.from}–${t.to})`,
      (rep) => statesOrZero(rep.answer, v, 0),
    );
  };

  // --- average -----------------------------------------------------------------------------------
  const average = () => {
    const t = anyTime(rng, today);
    const r = rng();
    if (r < 0.4) {
      const o = pick(
        rng,
        OUTPUTS.filter((x) => x.key !== 'raid_gold'),
      );
      const days = reportedIn(o.town, t);
      if (days === 0) return false;
      const v = sum(of(o.town, o.kind, t).map((e) => num(e, o.key))) / days;
      if (onEdge(v, o.dec)) return false;
      const noun = pick(rng, o.noun);
      const q = placeTime(
        rng,
        cap(
          fill(
            pick(rng, [
              `What was the average daily ${noun}{AT}{T}?`,
              `Avg ${noun} per day{AT}{T}?`,
              `On average, how much ${noun} per day{AT}{T}?`,
            ]),
            o.town,
            rng,
            true,
          ),
        ).replace(' {T}', '{T}'),
        t,
      );
      return add(
        'average',
        dress(q, o.town),
        `${fmt(v, o.dec + 2)} ${o.unit}/day (total ÷ ${days} report days, days ${t.from}–${t.to})`,
        (rep) => states(rep.answer, v, o.dec),
      );
    }
    if (r < 0.55) {
      const v = mean(of(PORT, 'fishing', t).map((e) => num(e, 'fish')));
      if (Number.isNaN(v) || onEdge(v, 0)) return false;
      const q = placeTime(
        rng,
        pick(rng, ['How many fish per trip on average{T}?', 'Avg catch per fishing trip at the harbour{T}?']),
        t,
      );
      return add(
        'average',
        dress(q, PORT),
        `${fmt(v, 2)} fish per trip (mean over events, days ${t.from}–${t.to})`,
        (rep) => states(rep.answer, v, 0),
      );
    }
    const rd = pick(rng, READINGS);
    const tw = pick(rng, rd.towns);
    const v = mean(of(tw, 'sensor', t).map((e) => num(e, rd.key)));
    if (Number.isNaN(v) || onEdge(v, rd.dec)) return false;
    const noun = pick(rng, rd.noun);
    const q = placeTime(
      rng,
      cap(
        fill(
          pick(rng, [
            `What was the average ${noun} {AT}{T}?`,
            `Avg ${noun} {AT}{T}?`,
            `Mean ${noun} {AT}{T}, please`,
          ]),
          tw,
          rng,
        ),
      ),
      t,
    );
    return add(
      'average',
      dress(q, tw),
      `${fmt(v, rd.dec + 1)} ${rd.unit} (mean of readings, days ${t.from}–${t.to})`,
      (rep) => states(rep.answer, v, rd.dec),
    );
  };

  // --- compare: A or B ---------------------------------------------------------------------------
  const compare = () => {
    if (rng() < 0.5) {
      const w1 = int(rng, 1, 6);
      const w2 = rng() < 0.6 ? w1 + 1 : int(rng, w1 + 1, 7);
      const T1: Time = { from: 7 * w1 - 6, to: 7 * w1, s: '', front: false, short: true };
      const T2: Time = { from: 7 * w2 - 6, to: 7 * w2, s: '', front: false, short: true };
      let v1: number;
      let v2: number;
      let dec: number;
      let q: string;
      let town: string;
      if (rng() < 0.5) {
        const o = pick(rng, OUTPUTS);
        v1 = sum(of(o.town, o.kind, T1).map((e) => num(e, o.key)));
        v2 = sum(of(o.town, o.kind, T2).map((e) => num(e, o.key)));
        dec = o.dec;
        town = o.town;
        q = pick(rng, [
          `Were there more ${pick(rng, o.noun)} in week ${w1} or week ${w2}?`,
          `Which week had more ${pick(rng, o.noun)}${pick(rng, ['', ` ${pick(rng, AT[o.town] ?? [])}`])}: wk ${w1} or wk ${w2}?`,
        ]);
      } else {
        const rd = pick(
          rng,
          READINGS.filter((x) => x.key === 'temperature_c' || x.key === 'wind_kph'),
        );
        town = pick(rng, rd.towns);
        v1 = mean(of(town, 'sensor', T1).map((e) => num(e, rd.key)));
        v2 = mean(of(town, 'sensor', T2).map((e) => num(e, rd.key)));
        dec = rd.dec;
        const adj =
          rd.key === 'temperature_c' ? pick(rng, ['colder', 'warmer']) : pick(rng, ['windier', 'calmer']);
        const hiWins = adj === 'warmer' || adj === 'windier';
        q = `Was it ${adj} ${pick(rng, AT[town] ?? [])} in week ${w1} or week ${w2}?`;
        if (
          Number.isNaN(v1) ||
          Number.isNaN(v2) ||
          Math.abs(v1 - v2) < 1e-6 ||
          onEdge(v1, dec) ||
          onEdge(v2, dec)
        )
          return false;
        const win = v1 > v2 === hiWins ? w1 : w2;
        const m1 = v1;
        const m2 = v2;
        return add(
          'compare',
          dress(q, town),
          `week ${win} (week ${w1} ${fmt(m1, dec + 1)}, week ${w2} ${fmt(m2, dec + 1)} mean)`,
          (rep) =>
            all(
              states(rep.answer, m1, dec),
              states(rep.answer, m2, dec),
              firstAt(rep.answer, new RegExp(`\\b(week|wk) ${win}\\b`, 'i')) <
                firstAt(rep.answer, new RegExp(`\\b(week|wk) ${win === w1 ? w2 : w1}\\b`, 'i'))
                ? null
                : `does not name week ${win} first`,
            ),
        );
      }
      if (Math.abs(v1 - v2) < 1e-9 || onEdge(v1, dec) || onEdge(v2, dec)) return false;
      const win = v1 > v2 ? w1 : w2;
      return add(
        'compare',
        dress(q, town),
        `week ${win} (week ${w1} ${fmt(v1, dec)}, week ${w2} ${fmt(v2, dec)}, sums)`,
        (rep) =>
          all(
            statesOrZero(rep.answer, v1, dec),
            statesOrZero(rep.answer, v2, dec),
            firstAt(rep.answer, new RegExp(`\\b(week|wk) ${win}\\b`, 'i')) <
              firstAt(rep.answer, new RegExp(`\\b(week|wk) ${win === w1 ? w2 : w1}\\b`, 'i'))
              ? null
              : `does not name week ${win} first`,
          ),
      );
    }
    // two towns
    const t = anyTime(rng, today);
    const [a, b] = [...TOWNS].sort(() => rng() - 0.5) as [string, string];
    const rain = rng() < 0.5;
    let va: number;
    let vb: number;
    let dec: number;
    let q: string;
    const na = pick(rng, NAME[a] ?? []);
    const nb = pick(rng, NAME[b] ?? []);
    if (rain) {
      va = sum(of(a, 'sensor', t).map((e) => num(e, 'rain_mm')));
      vb = sum(of(b, 'sensor', t).map((e) => num(e, 'rain_mm')));
      dec = 1;
      q = pick(rng, [`Did ${na} or ${nb} get more rain{T}?`, `Which was wetter{T}, ${na} or ${nb}?`]);
    } else {
      va = mean(of(a, 'sensor', t).map((e) => num(e, 'temperature_c')));
      vb = mean(of(b, 'sensor', t).map((e) => num(e, 'temperature_c')));
      dec = 1;
      q = pick(rng, [
        `Was ${na} or ${nb} warmer{T}?`,
        `Which was warmer on average{T}: ${na} or ${nb}?`,
        `Higher avg temp{T} — ${na} or ${nb}?`,
      ]);
    }
    if (
      Math.abs(va - vb) < 1e-6 ||
      onEdge(va, dec) ||
      onEdge(vb, dec) ||
      Number.isNaN(va) ||
      Number.isNaN(vb)
    )
      return false;
    const win = va > vb ? a : b;
    const lose = win === a ? b : a;
    q = placeTime(rng, q, t);
    return add(
      'compare',
      dress(q),
      `${TOWN_NAMES[win]} (${TOWN_NAMES[a]} ${fmt(va, 2)}, ${TOWN_NAMES[b]} ${fmt(vb, 2)}; ${rain ? 'rain sums' : 'mean temperature'}, days ${t.from}–${t.to})`,
      (rep) => {
        const lower = rep.answer.toLowerCase();
        const iw = lower.indexOf((TOWN_NAMES[win] ?? '').toLowerCase());
        const il = lower.indexOf((TOWN_NAMES[lose] ?? '').toLowerCase());
        return all(
          statesOrZero(rep.answer, va, dec),
          statesOrZero(rep.answer, vb, dec),
          iw >= 0 && (il < 0 || iw < il) ? null : `does not name ${TOWN_NAMES[win]} first`,
        );
      },
    );
  };

  // --- correlate ---------------------------------------------------------------------------------
  const correlate = () => {
    const o = pick(
      rng,
      OUTPUTS.filter((x) => ['fish', 'harvest', 'ore_tons', 'flour_lbs', 'drinks', 'tools'].includes(x.key)),
    );
    const rd = pick(
      rng,
      READINGS.filter((x) => x.towns.includes(o.town)),
    );
    const t = rng() < 0.5 ? whole(rng, today) : relative(rng, today);
    const ys = daily(of(o.town, o.kind, t), o.key, 'sum');
    const xs = daily(of(o.town, 'sensor', t), rd.key, 'mean');
    const pts: [number, number][] = [];
    for (const [d, y] of ys) {
      const x = xs.get(d);
      if (x !== undefined) pts.push([y, x]);
    }
    if (pts.length < 5) return false;
    const rr = pearson(pts);
    if (Number.isNaN(rr) || onEdge(rr, 2)) return false;
    const q = placeTime(
      rng,
      pick(rng, [
        `show me correlation between ${pick(rng, o.noun)} and ${pick(rng, rd.noun)} ${pick(rng, AT[o.town] ?? [])}{T}`,
        `Is there any link between daily ${pick(rng, o.noun)} and the ${pick(rng, rd.noun)} ${pick(rng, AT[o.town] ?? [])}{T}? What's the correlation?`,
        `How strongly does ${pick(rng, rd.noun)} track ${pick(rng, o.noun)} ${pick(rng, AT[o.town] ?? [])}{T} (Pearson r)?`,
      ]),
      t,
    );
    return add(
      'correlate',
      dress(q, o.town),
      `r = ${fmt(rr, 2)} over ${pts.length} days (days ${t.from}–${t.to})`,
      (rep) => states(rep.answer, rr, 2),
    );
  };

  // --- future ------------------------------------------------------------------------------------
  const future = () => {
    const o = pick(rng, OUTPUTS);
    const when = pick(rng, [
      'tomorrow',
      'next week',
      `on day ${int(rng, 450, 999)}`,
      `in week ${int(rng, 70, 140)}`,
      'next month',
    ]);
    const histTotal = sum((byTownKind.get(`${o.town}/${o.kind}`) ?? []).map((e) => num(e, o.key)));
    const q = pick(rng, [
      `${cap(fill(pick(rng, o.how), o.town, rng, true))
        .replace(/\bwere\b|\bwas\b/, 'will be')
        .replace(/\bdid\b/, 'will')
        .replace(/\bgot\b/, 'will get')} ${when}?`,
      `What's the forecast for ${pick(rng, o.noun)} ${when}?`,
      `Predict the ${pick(rng, o.noun)} ${pick(rng, AT[o.town] ?? [])} ${when}`,
    ]);
    return add('future', dress(q, o.town), 'not yet happened', (rep) =>
      all(
        saysNotYet(rep.answer),
        histTotal !== 0 && states(rep.answer, histTotal, o.dec) === null ? 'states the history total' : null,
      ),
    );
  };

  // --- quotas ------------------------------------------------------------------------------------
  const QUOTAS: [() => boolean, number][] = [
    [countDays, 56],
    [both, 48],
    [bothRecord, 8],
    [extremeDay, 30],
    [extremeEvent, 22],
    [whichTown, 18],
    [who, 14],
    [role, 8],
    [trend, 18],
    [count, 24],
    [did, 24],
    [total, 12],
    [average, 10],
    [compare, 10],
    [correlate, 4],
    [future, 8],
  ];
  for (const [gen, quota] of QUOTAS) {
    let made = 0;
    for (let tries = 0; made < quota && tries < quota * 30; tries++) if (gen()) made++;
  }
  // Every number a check asks for is finite.
  for (const c of cases)
    if (c.truth && /NaN|Infinity/.test(c.truth)) throw new Error(`bad truth: ${c.question}`);
  return cases;
}

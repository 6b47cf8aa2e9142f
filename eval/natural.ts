/**
 * The natural set: questions as world builders, game designers and analysts would type them about
 * the history of the four towns, with their truths computed from the raw events by the rules of
 * eval/CONVENTIONS.md. It is a development set, written from the world definition (src/world/) and
 * the design seeds only, without reading how the planner reads questions, and never reworded
 * toward what the planner answers: its failures show where the planner misreads people.
 *
 * Each intent has several hand-phrased templates, filled with towns (by name or nickname),
 * metrics (by synonyms), goods, people, days and weeks drawn by a seeded PRNG of its own
 * (deterministic per history). Some questions are lower case, lack a question mark, or carry one
 * typo (a swapped, dropped or doubled letter).
 */
import { PEOPLE as CIRCUITON_PEOPLE } from '../src/world/towns/circuiton/people.ts';
import { PEOPLE as DEN_PEOPLE } from '../src/world/towns/den-of-thieves/people.ts';
import { PEOPLE as PATCH_PEOPLE } from '../src/world/towns/patchbourough/people.ts';
import { PEOPLE as PORT_PEOPLE } from '../src/world/towns/port-logic/people.ts';
import {
  type Case,
  names,
  namesDay,
  namesTown,
  omits,
  type RawEvent,
  type Reply,
  round,
  saysNotYet,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

// --- A small seeded PRNG ---------------------------------------------------------------------------

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

class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// --- Towns, people ---------------------------------------------------------------------------------

type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];

/** How people refer to a town: [as a subject, with a preposition]. */
const REFS: Record<Town, readonly [string, string][]> = {
  'port-logic': [
    ['Port Logic', 'in Port Logic'],
    ['port logic', 'in port logic'],
    ['the port', 'at the port'],
    ['the harbour', 'in the harbour'],
    ['Port Logic', 'at Port Logic'],
  ],
  patchbourough: [
    ['PatchBourough', 'in PatchBourough'],
    ['patchbourough', 'in patchbourough'],
    ['the farms', 'on the farms'],
    ['the river town', 'in the river town'],
    ['Patchbourough', 'in Patchbourough'],
  ],
  circuiton: [
    ['Circuiton', 'in Circuiton'],
    ['circuiton', 'in circuiton'],
    ['the mines', 'up at the mines'],
    ['the mountain town', 'in the mountain town'],
    ['Circuiton', 'at Circuiton'],
  ],
  'den-of-thieves': [
    ['Den of Thieves', 'in Den of Thieves'],
    ['den of thieves', 'in den of thieves'],
    ['the Den', 'at the Den'],
    ["the pirates' island", "on the pirates' island"],
    ['the island', 'on the island'],
  ],
};

const PEOPLE_OF: Record<Town, readonly { name: string; roles: readonly string[] }[]> = {
  'port-logic': PORT_PEOPLE,
  patchbourough: PATCH_PEOPLE,
  circuiton: CIRCUITON_PEOPLE,
  'den-of-thieves': DEN_PEOPLE,
};

const holders = (town: Town, role: string) =>
  PEOPLE_OF[town].filter((p) => p.roles.includes(role)).map((p) => p.name);

// --- Time ------------------------------------------------------------------------------------------

interface Range {
  from: number;
  to: number;
  /** Trailing phrase, with its leading space ("" for the whole history). */
  at: string;
  /** Leading phrase, with its comma, or "" when it reads badly in front. */
  lead: string;
  whole: boolean;
}

const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/** Picks a time range: `min` is the fewest days it may span. */
function pickRange(rng: Rand, N: number, min = 1, allowWhole = true): Range {
  for (;;) {
    const r = rangeOnce(rng, N, allowWhole);
    if (r.to - r.from + 1 >= min && r.from >= 1 && r.to <= N && r.from <= r.to) return r;
  }
}

function rangeOnce(rng: Rand, N: number, allowWhole: boolean): Range {
  const k = rng.int(0, allowWhole ? 11 : 9);
  switch (k) {
    case 0: {
      const d = rng.int(1, 55);
      const at = rng.pick([` on day ${d}`, ` on day ${d}`, ` on Day ${d}`]);
      return { from: d, to: d, at, lead: `On day ${d}, `, whole: false };
    }
    case 1:
      return rng.chance(0.5)
        ? { from: N, to: N, at: ' today', lead: 'Today, ', whole: false }
        : { from: N - 1, to: N - 1, at: ' yesterday', lead: 'Yesterday, ', whole: false };
    case 2:
      return { from: N - 7, to: N - 1, at: ' last week', lead: 'Last week, ', whole: false };
    case 3: {
      const at = rng.pick([' this week', ' over the past week', ' in the past week']);
      return {
        from: N - 6,
        to: N,
        at,
        lead: rng.pick(['This week, ', 'Over the past week, ']),
        whole: false,
      };
    }
    case 4:
      return { from: N - 30, to: N - 1, at: ' last month', lead: 'Last month, ', whole: false };
    case 5: {
      const at = rng.pick([' this month', ' in the past 30 days', ' over the last 30 days']);
      return { from: N - 29, to: N, at, lead: 'This month, ', whole: false };
    }
    case 6: {
      const K = rng.pick([3, 5, 10, 14, 20]);
      const at = rng.pick([` in the last ${K} days`, ` over the past ${K} days`, ` these last ${K} days`]);
      return { from: N - K + 1, to: N, at, lead: `In the last ${K} days, `, whole: false };
    }
    case 7:
    case 8: {
      const w = rng.int(1, 7);
      const at = rng.pick([` in week ${w}`, ` during week ${w}`, ` in the ${ORD[w - 1]} week`]);
      return { from: 7 * (w - 1) + 1, to: 7 * w, at, lead: `In week ${w}, `, whole: false };
    }
    case 9: {
      const a = rng.int(1, 45);
      const b = rng.int(a + 1, Math.min(55, a + 20));
      const at = rng.pick([
        ` between day ${a} and day ${b}`,
        ` from day ${a} to day ${b}`,
        ` between days ${a} and ${b}`,
        ` from day ${a} through day ${b}`,
      ]);
      return { from: a, to: b, at, lead: `From day ${a} to day ${b}, `, whole: false };
    }
    default: {
      const at = rng.pick([
        '',
        '',
        ' so far',
        ' in total',
        ' ever',
        ' over the whole history',
        ' all time',
        ' since records began',
      ]);
      return {
        from: 1,
        to: N,
        at,
        lead: rng.pick(['', 'So far, ', 'All told, ', 'Over the whole history, ']),
        whole: true,
      };
    }
  }
}

/** The whole history in words that read well with an average, a trend or a correlation. */
function calm(r: Range, rng: Rand): void {
  if (!r.whole) return;
  if (/in total|ever|all time|since records/.test(r.at))
    r.at = rng.pick(['', ' overall', ' so far', ' over the whole history']);
  if (r.lead === 'All told, ') r.lead = '';
}

const span = (r: Range) => (r.from === r.to ? `day ${r.from}` : `days ${r.from}–${r.to}`);

// --- Numbers ---------------------------------------------------------------------------------------

const fmt = (v: number, d: number) =>
  round(v, d).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** A value too near a rounding edge at `d`…`d + 2` decimals to be checked fairly. */
function edgy(v: number, d: number): boolean {
  for (let k = d; k <= d + 2; k++) {
    const x = Math.abs(v) * 10 ** k;
    if (Math.abs(x - Math.floor(x) - 0.5) < 1e-6) return true;
  }
  return false;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => (xs.length === 0 ? Number.NaN : sum(xs) / xs.length);

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    sxx += ((xs[i] as number) - mx) ** 2;
  }
  return sxy / sxx;
}

const num = (e: RawEvent, key: string): number | undefined =>
  typeof e.data[key] === 'number' ? (e.data[key] as number) : undefined;

// --- Checks ----------------------------------------------------------------------------------------

type Check = (reply: Reply) => string | null;

const allOf =
  (...checks: Check[]): Check =>
  (r) => {
    for (const c of checks) {
      const f = c(r);
      if (f !== null) return f;
    }
    return null;
  };

const stat =
  (v: number, d: number): Check =>
  (r) =>
    states(r.answer, v, d);

/** A count or sum that may be zero: "0", "none", "no …" or "never" state it. */
const amount =
  (v: number, d: number): Check =>
  (r) => {
    if (v === 0 && /\b(none|no|never|zero|not once|nothing)\b/i.test(r.answer)) return null;
    return states(r.answer, v, d);
  };

const day =
  (d: number): Check =>
  (r) =>
    namesDay(r.answer, d);

const town =
  (t: string): Check =>
  (r) =>
    namesTown(r.answer, t);

const word =
  (w: string): Check =>
  (r) =>
    names(r.answer, w);

const yes =
  (b: boolean): Check =>
  (r) =>
    saysYes(r.answer, b);

/** `first` is named before `second` ("day 12" before "day 13", a town before the other). */
const before =
  (first: string, second: string): Check =>
  (r) => {
    const a = r.answer.toLowerCase();
    const i = a.search(new RegExp(`${escapeRe(first.toLowerCase())}(?!\\d)`));
    const j = a.search(new RegExp(`${escapeRe(second.toLowerCase())}(?!\\d)`));
    if (i < 0) return `does not name ${first}`;
    return j >= 0 && j < i ? `names ${second} before ${first}` : null;
  };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Not yet happened, and no figure of the history stated as the answer. */
const notYet =
  (...history: [number, number][]): Check =>
  (r) => {
    const f = saysNotYet(r.answer);
    if (f) return f;
    for (const [v, d] of history)
      if (v !== 0 && states(r.answer, v, d) === null) return `states ${fmt(v, d)}`;
    return null;
  };

// --- Questions' surface ----------------------------------------------------------------------------

const KEEP = /^(day|days|week|than|more|less|most|least|which|when|what|where|there|their)$/i;

function typo(q: string, rng: Rand): [string, string | undefined] {
  const words = q.split(' ');
  const idx = words.map((w, i) => (/^[a-z]{5,}$/i.test(w) && !KEEP.test(w) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return [q, undefined];
  const i = rng.pick(idx);
  const w = words[i] as string;
  const p = rng.int(1, w.length - 2);
  const op = rng.int(0, 2);
  const out =
    op === 0
      ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
      : op === 1
        ? w.slice(0, p) + w.slice(p + 1)
        : w.slice(0, p) + w[p] + w.slice(p);
  if (out === w) return [q, undefined];
  words[i] = out;
  return [words.join(' '), `${w} → ${out}`];
}

/** The question as typed: capitalised or not, a question mark or not, sometimes a typo. */
function surface(text: string, rng: Rand, mark = '?'): [string, string | undefined] {
  let q = text.replace(/\s+/g, ' ').trim();
  let made: string | undefined;
  if (rng.chance(0.1)) [q, made] = typo(q, rng);
  const low = rng.chance(0.18);
  q = low ? q.toLowerCase() : q.charAt(0).toUpperCase() + q.slice(1);
  if (!rng.chance(0.22)) q += mark;
  return [q, made];
}

/** Fills {n} (the town as subject), {w} (with a preposition) and {t} (the time, trailing). */
function fill(tpl: string, ref: [string, string], t: string): string {
  return tpl.replaceAll('{n}', ref[0]).replaceAll('{w}', ref[1]).replaceAll('{t}', t);
}

/** Either the time trailing, or led by it ("Last week, how many …"). */
function timed(rng: Rand, tpl: string, ref: [string, string], r: Range): string {
  if (r.at === ' in total' && /total/i.test(tpl)) r = { ...r, at: ' so far' };
  if (r.lead !== '' && tpl.includes('{t}') && rng.chance(0.25)) {
    const body = fill(tpl, ref, '');
    return r.lead + body.charAt(0).toLowerCase() + body.slice(1);
  }
  return fill(tpl, ref, r.at);
}

// --- The metrics -----------------------------------------------------------------------------------

interface Output {
  town: Town;
  kind: string;
  key: string;
  dec: number;
  unit: string;
  /** Templates of "how much in total". */
  total: string[];
  /** "On average, how many … per day". */
  perDay: string[];
  /** The largest single event. */
  single: string[];
  /** The day with the most (returns day and total). */
  bestDay: string[];
  /** The day with the least. */
  worstDay?: string[];
  /** Per person: {p} is the person. */
  byPerson?: string[];
  /** Who did the most. */
  whoMost?: string[];
  /** Per event ("per trip"). */
  perEvent?: string[];
  /** Used in comparisons: "did {x} {verb} more …". */
  compareWeeks: string[];
  /** Future. */
  future: string[];
  /** A yes/no of more than a threshold: {x}. */
  over: string[];
}

const OUTPUTS: readonly Output[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    unit: 'fish',
    total: [
      'how many fish did {n} catch{t}',
      'how many fish were caught {w}{t}',
      'what was the total catch {w}{t}',
      'how much fish was landed {w}{t}',
      'total fish landed {w}{t}',
      'fish caught{t} {w}',
      "how'd the fishing go{t} {w}, how many fish",
      'how many fish did the fishing boats bring home{t}',
      'what did the fishermen haul in{t}, in fish',
      'any idea how many fish came in {w}{t}',
    ],
    perDay: [
      'on average how many fish per day were caught {w}{t}',
      'what was the average daily catch {w}{t}',
      'how many fish a day did {n} land on average{t}',
    ],
    single: [
      'what was the biggest single catch {w}{t}',
      'largest haul of fish {w}{t}',
      'what is the most fish anyone brought in on one trip{t}',
    ],
    bestDay: [
      'which day had the biggest catch {w}{t}',
      'what was the best day for fishing {w}{t}',
      'on which day did {n} land the most fish{t}',
    ],
    worstDay: ['which was the worst fishing day {w}{t}', 'on what day was the catch smallest {w}{t}'],
    byPerson: ['how many fish did {p} catch{t}', "what was {p}'s catch{t}", 'how much fish did {p} land{t}'],
    whoMost: [
      'who caught the most fish{t}',
      'which fisherman landed the most fish{t}',
      'who was the best fisher{t}',
    ],
    perEvent: [
      'what was the average catch per trip {w}{t}',
      'how many fish did a fishing trip bring in on average{t}',
    ],
    compareWeeks: [
      'did {n} catch more fish in {a} or {b}',
      'which was the better week for fishing {w}, {a} or {b}',
    ],
    future: ['how many fish will {n} catch tomorrow', 'how big will the catch be next week {w}'],
    over: ['did {n} catch more than {x} fish{t}', 'were over {x} fish landed {w}{t}'],
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    unit: 'nets',
    total: [
      'how many nets were made {w}{t}',
      'how many nets did the net loft turn out{t}',
      'nets made{t} {w}',
    ],
    perDay: ['how many nets a day does the loft make on average{t}'],
    single: ['what is the most nets the loft made in one go{t}'],
    bestDay: ['on which day were the most nets made{t}'],
    byPerson: ['how many nets did {p} make{t}'],
    whoMost: ['who made the most nets{t}'],
    compareWeeks: ['were more nets made in {a} or {b}'],
    future: ['how many nets will the loft make next week'],
    over: ['did the loft make more than {x} nets{t}'],
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    unit: 'ropes',
    total: ['how many ropes did the loft make{t}', 'rope made {w}{t}', 'how many ropes were made {w}{t}'],
    perDay: ['average ropes made per day {w}{t}'],
    single: ['biggest batch of ropes the loft made at once{t}'],
    bestDay: ['which day saw the most ropes made {w}{t}'],
    byPerson: ['how many ropes did {p} make{t}'],
    whoMost: ['who made the most rope{t}'],
    compareWeeks: ['were more ropes made in {a} or {b}'],
    future: ['how many ropes will be made tomorrow {w}'],
    over: ['were more than {x} ropes made {w}{t}'],
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    unit: 'lbs',
    total: [
      'how much grain was harvested {w}{t}',
      'what was the harvest {w}{t}',
      'how many lbs of crops did the farmers bring in{t}',
      'total harvest {w}{t}',
    ],
    perDay: ['how much did the farmers harvest per day on average{t}', 'average daily harvest {w}{t}'],
    single: ['what was the biggest single harvest {w}{t}', 'the largest harvest reported in one go{t}'],
    bestDay: ['what was the best harvest day {w}{t}', 'which day brought in the most crops{t}'],
    byPerson: ['how much did {p} harvest{t}', "what was {p}'s harvest{t}"],
    whoMost: ['which farmer harvested the most{t}', 'who brought in the biggest harvest{t}'],
    compareWeeks: ['was the harvest bigger in {a} or {b}'],
    future: ['how much will the farms harvest next month', 'what will the harvest be tomorrow {w}'],
    over: ['did the farms harvest more than {x} lbs{t}'],
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    unit: 'lbs',
    total: [
      'how much flour was milled {w}{t}',
      'how many pounds of flour did the mill produce{t}',
      'flour output {w}{t}',
      'how much flour came out of the water mill{t}',
    ],
    perDay: ['average flour milled per day {w}{t}', 'how much flour does the mill make a day on average{t}'],
    single: ['what is the most flour milled in a single run{t}'],
    bestDay: ['which day did the mill make the most flour{t}', 'best day for flour {w}{t}'],
    compareWeeks: ['was more flour milled in {a} or {b}'],
    future: ['how much flour will the mill grind next week'],
    over: ['did the mill make over {x} lbs of flour{t}'],
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'grain_lbs',
    dec: 0,
    unit: 'lbs',
    total: ['how much grain did the mill grind{t}', 'how many lbs of grain went through the mill {w}{t}'],
    perDay: ['how much grain did the mill grind per day on average{t}'],
    single: ['largest amount of grain ground in one go at the mill{t}'],
    bestDay: ['on which day did the mill grind the most grain{t}'],
    compareWeeks: ['did the mill grind more grain in {a} or {b}'],
    future: ['how much grain will the mill grind tomorrow'],
    over: ['did the mill grind more than {x} lbs of grain{t}'],
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    unit: 'tools',
    total: [
      'how many tools were forged {w}{t}',
      'how many tools did the blacksmith make{t}',
      "what was the forge's output{t}, in tools",
    ],
    perDay: ['how many tools a day did the forge turn out on average{t}'],
    single: ['most tools forged in one go{t}'],
    bestDay: ['which day did the blacksmith forge the most tools{t}'],
    compareWeeks: ['were more tools forged in {a} or {b}'],
    future: ['how many tools will the smith forge next week'],
    over: ['did the forge make more than {x} tools{t}'],
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    unit: 'tons',
    total: [
      'how much ore was mined {w}{t}',
      'how many tons of ore did {n} dig up{t}',
      'what was the ore output {w}{t}',
      'tons of ore mined{t}',
      'how much ore came out of the mine{t}',
      'how much did the miners mine{t}',
      'how much ore did the mines pull out{t}',
    ],
    perDay: ['how much ore per day did {n} mine on average{t}', 'average daily ore output {w}{t}'],
    single: ['what was the biggest single shift of ore {w}{t}', "what's the most ore mined in one shift{t}"],
    bestDay: ['which day was best for mining {w}{t}', 'what day had the most ore mined{t}'],
    worstDay: ['which day was the worst for the mine{t}'],
    byPerson: ['how much ore did {p} mine{t}', 'how many tons did {p} dig{t}'],
    whoMost: ['who mined the most ore{t}', 'which miner dug the most{t}'],
    perEvent: ['how much ore did a shift bring up on average{t}', 'average ore per shift {w}{t}'],
    compareWeeks: ['was more ore mined in {a} or {b}', 'which week did the mines do better, {a} or {b}'],
    future: ['how much ore will the mines produce next week', 'how many tons of ore will be mined tomorrow'],
    over: ['did {n} mine more than {x} tons of ore{t}'],
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'metal_lbs',
    dec: 4,
    unit: 'lbs',
    total: [
      'how much metal was processed {w}{t}',
      'how many pounds of metal did the smelters produce{t}',
      'metal output {w}{t}',
    ],
    perDay: ['average metal processed per day {w}{t}'],
    single: ['what is the most metal processed in one shift{t}'],
    bestDay: ['which day produced the most metal{t}'],
    compareWeeks: ['was more metal processed in {a} or {b}'],
    future: ['how much metal will Circuiton process next month'],
    over: ['did the mine process more than {x} lbs of metal{t}'],
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    unit: 'trinkets',
    total: [
      'how many trinkets did the apprentices make{t}',
      'how many trinkets were made {w}{t}',
      'trinket count{t}',
    ],
    perDay: ['how many trinkets a day on average{t}'],
    single: ['most trinkets made in one sitting{t}'],
    bestDay: ['which day were the most trinkets made{t}'],
    compareWeeks: ['were more trinkets made in {a} or {b}'],
    future: ['how many trinkets will John make tomorrow'],
    over: ['were more than {x} trinkets made{t}'],
  },
  {
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    unit: 'pupils',
    total: [
      'how many pupils learned a craft at the Academy{t}',
      'how many students learned something {w}{t}',
    ],
    perDay: ['how many pupils a day learned a craft on average{t}'],
    single: ['what is the most pupils who learned in a single lesson{t}'],
    bestDay: ['which day did the most pupils learn a craft{t}'],
    byPerson: ['how many pupils learned a craft from {p}{t}'],
    whoMost: ['which teacher taught the most pupils{t}'],
    compareWeeks: ['did more pupils learn a craft in {a} or {b}'],
    future: ['how many students will learn a craft next week'],
    over: ['did more than {x} pupils learn a craft{t}'],
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    unit: 'drinks',
    total: [
      'how many drinks were poured {w}{t}',
      'how much did the pirates drink{t}',
      'how many drinks did the tavern serve{t}',
      'drinks served at the Drowned Rat{t}',
      'how many rounds of grog went down {w}{t}, in drinks',
      'how many drinks got poured {w}{t}',
    ],
    perDay: [
      'how many drinks a day do the pirates get through on average{t}',
      'average drinks poured per day {w}{t}',
    ],
    single: ['what is the most drinks poured in a single round{t}'],
    bestDay: ['which was the biggest drinking day {w}{t}', 'on which day did the pirates drink the most{t}'],
    compareWeeks: ['did the pirates drink more in {a} or {b}'],
    future: [
      'how many drinks will be poured at the Den next week',
      'how much will the pirates drink tomorrow',
    ],
    over: ['were more than {x} drinks poured {w}{t}'],
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    unit: 'arrows',
    total: [
      'how many arrows did the fletcher make{t}',
      'arrows made {w}{t}',
      'how many arrows were fletched{t}',
    ],
    perDay: ['average arrows made per day {w}{t}'],
    single: ['biggest batch of arrows made at once{t}'],
    bestDay: ['which day were the most arrows made{t}'],
    compareWeeks: ['were more arrows made in {a} or {b}'],
    future: ['how many arrows will Skiv make next week'],
    over: ['did the fletcher make more than {x} arrows{t}'],
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    unit: 'gold',
    total: [
      'how much gold did the pirates plunder{t}',
      'how much gold was looted in raids{t}',
      'how much did the raiders rob{t}, in gold',
      'total raid gold{t}',
      'how much gold did the Den take in raids{t}',
      'what did the pirates steal{t}, in gold',
      'how much gold was robbed by the pirates{t}',
    ],
    perDay: ['how much gold per day did the pirates plunder on average{t}'],
    single: [
      'what was the richest raid{t}',
      'biggest single raid{t}, in gold',
      'what was the largest haul of gold from one raid{t}',
    ],
    bestDay: ['which day did the pirates plunder the most gold{t}', 'best day for the raiders{t}'],
    compareWeeks: ['did the pirates loot more gold in {a} or {b}'],
    future: ['how much gold will the pirates plunder next week', 'how much will the raiders take on day {D}'],
    over: ['did the pirates plunder more than {x} gold{t}'],
  },
];

interface Reading {
  key: string;
  dec: number;
  unit: string;
  towns: readonly Town[];
  /** Mean of readings. */
  mean: string[];
  /** The highest single reading. */
  high: string[];
  /** The lowest single reading. */
  low: string[];
  /** The day with the highest daily mean. */
  highDay: string[];
  lowDay: string[];
  /** Comparisons of two towns: "was it {cmp} {wa} or {wb}". */
  cmp: string[];
  future: string[];
}

const READINGS: readonly Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    towns: TOWNS,
    mean: [
      'what was the average temperature {w}{t}',
      'how warm was it on average {w}{t}',
      'mean temp {w}{t}',
      'average temperature {w}{t}',
      'what was the temperature like {w}{t}, on average',
      'how cold was it {w}{t} on average',
    ],
    high: [
      'what was the hottest reading {w}{t}',
      'highest temperature recorded {w}{t}',
      'how hot did it get {w}{t}',
    ],
    low: ['what was the coldest reading {w}{t}', 'lowest temperature {w}{t}', 'how cold did it get {w}{t}'],
    highDay: ['which was the hottest day {w}{t}', 'what day was warmest {w}{t}'],
    lowDay: ['which day was the coldest {w}{t}', 'what was the chilliest day {w}{t}'],
    cmp: [
      'was it warmer {wa} or {wb}{t}',
      'where was it colder{t}, {na} or {nb}',
      'which was hotter{t}: {na} or {nb}',
    ],
    future: ['what will the temperature be {w} on day {D}', 'how warm will it be {w} tomorrow'],
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    towns: TOWNS,
    mean: [
      'average wind speed {w}{t}',
      'how windy was it on average {w}{t}',
      'what was the mean wind {w}{t}',
    ],
    high: ['what was the strongest wind {w}{t}', 'top wind speed {w}{t}', 'strongest gust recorded {w}{t}'],
    low: ['what was the calmest reading {w}{t}'],
    highDay: ['which was the windiest day {w}{t}'],
    lowDay: ['which day was calmest {w}{t}'],
    cmp: ['was it windier {wa} or {wb}{t}', 'where was the wind stronger{t}, {na} or {nb}'],
    future: ['how windy will it be {w} next week'],
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    towns: TOWNS,
    mean: ['average air pressure {w}{t}', 'what was the mean barometric pressure {w}{t}'],
    high: ['highest pressure reading {w}{t}'],
    low: ['lowest barometer reading {w}{t}', 'how low did the pressure drop {w}{t}'],
    highDay: ['which day had the highest pressure {w}{t}'],
    lowDay: ['which day had the lowest air pressure {w}{t}'],
    cmp: ['was the pressure higher {wa} or {wb}{t}'],
    future: ['what will the pressure be {w} on day {D}'],
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    towns: TOWNS,
    mean: ['how humid was it on average {w}{t}', 'average humidity {w}{t}'],
    high: ['highest humidity {w}{t}'],
    low: ['lowest humidity reading {w}{t}'],
    highDay: ['what was the most humid day {w}{t}'],
    lowDay: ['which day had the lowest humidity {w}{t}'],
    cmp: ['was it more humid {wa} or {wb}{t}'],
    future: ['how humid will it be {w} tomorrow'],
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    towns: ['port-logic'],
    mean: ['average tide level {w}{t}', 'what was the mean tide {w}{t}'],
    high: ['what was the highest tide {w}{t}', 'highest tide recorded{t}'],
    low: ['lowest tide {w}{t}'],
    highDay: ['which day had the highest tides on average{t}'],
    lowDay: ['which day had the lowest tides on average {w}{t}'],
    cmp: [],
    future: ['what will the tide be at the port tomorrow'],
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    towns: ['patchbourough'],
    mean: [
      'what was the average river level {w}{t}',
      'mean river level{t}',
      'how high was the river on average{t}',
    ],
    high: ['what was the highest river level{t}', 'how high did the river get {w}{t}'],
    low: ['lowest river level {w}{t}', 'how low did the river go{t}'],
    highDay: ['which day was the river highest{t}'],
    lowDay: ['on which day was the river lowest{t}'],
    cmp: [],
    future: ['how high will the river be next week'],
  },
];

const RAIN_TOTAL = [
  'how much rain fell {w}{t}',
  'how much did it rain {w}{t}',
  'total rainfall {w}{t}',
  'how many mm of rain {w}{t}',
  'rain {w}{t}, how much in total',
];

// --- The builder -----------------------------------------------------------------------------------

function seedOf(events: readonly RawEvent[], today: number): number {
  let h = 2166136261 ^ today;
  for (let i = 0; i < events.length; i += 97) {
    const e = events[i] as RawEvent;
    h = Math.imul(h ^ (e.day * 31 + e.kind.length + Math.round(e.hour * 10)), 16777619);
  }
  return (h ^ events.length) >>> 0;
}

/** A case, with the typo it was given (if any) for the runner to report apart. */
export type NaturalCase = Case & { typo?: string };

export function buildNatural(events: RawEvent[], today: number): NaturalCase[] {
  const N = today;
  const rng = new Rand(seedOf(events, today));
  const cases: NaturalCase[] = [];
  const seen = new Set<string>();

  const add = (form: string, text: string, truth: string, check: Check, mark = '?'): boolean => {
    const [question, made] = surface(text, rng, mark);
    const key = question.toLowerCase().replace(/[?.!\s]+$/, '');
    if (seen.has(key)) return false;
    seen.add(key);
    cases.push({ form, question, truth, ...(made ? { typo: made } : {}), check: (reply) => check(reply) });
    return true;
  };

  // Indexes.
  const byTownKind = new Map<string, RawEvent[]>();
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    const list = byTownKind.get(k);
    if (list) list.push(e);
    else byTownKind.set(k, [e]);
  }
  const of = (t: string, kind: string) => byTownKind.get(`${t}/${kind}`) ?? [];
  const inR = (list: readonly RawEvent[], r: { from: number; to: number }) =>
    list.filter((e) => e.day >= r.from && e.day <= r.to);
  const reportDays = new Map<string, Set<number>>();
  for (const e of events) {
    const s = reportDays.get(e.town) ?? new Set<number>();
    s.add(e.day);
    reportDays.set(e.town, s);
  }
  const daysReported = (t: string, r: Range) =>
    [...(reportDays.get(t) ?? [])].filter((d) => d >= r.from && d <= r.to).length;

  const values = (list: readonly RawEvent[], key: string) =>
    list.map((e) => num(e, key)).filter((v): v is number => v !== undefined);

  /** Daily series: day → sum or mean of `key` over the day's events that have it. */
  const daily = (list: readonly RawEvent[], key: string, how: 'sum' | 'mean') => {
    const m = new Map<number, number[]>();
    for (const e of list) {
      const v = num(e, key);
      if (v === undefined) continue;
      const a = m.get(e.day) ?? [];
      a.push(v);
      m.set(e.day, a);
    }
    const out = new Map<number, number>();
    for (const [d, a] of [...m].sort((x, y) => x[0] - y[0])) out.set(d, how === 'sum' ? sum(a) : mean(a));
    return out;
  };

  const refOf = (t: Town) => rng.pick(REFS[t]) as [string, string];
  const noRef: [string, string] = ['', ''];
  const tRef = (t: Town, single: boolean): [string, string] => {
    // A town that alone reports the number may go unnamed where it would follow a preposition.
    const ref = refOf(t);
    return single && rng.chance(0.15) ? [ref[0], ''] : ref;
  };

  const outputsWith = (pred: (o: Output) => boolean) => OUTPUTS.filter(pred);
  const peopleOf = (list: readonly RawEvent[]) => [
    ...new Set(list.map((e) => e.actor).filter((a): a is string => !!a)),
  ];

  const raidsGold = () => of('den-of-thieves', 'raid').filter((e) => (num(e, 'raid_gold') ?? 0) > 0);
  const lossesOf = (t?: Town) => (t ? of(t, 'loss') : TOWNS.flatMap((x) => of(x, 'loss')));

  const quota = (form: string, n: number, make: () => void, tries = n * 25) => {
    const start = cases.filter((c) => c.form === form).length;
    for (let i = 0; i < tries && cases.filter((c) => c.form === form).length - start < n; i++) make();
  };

  // --- total ---
  quota('total', 42, () => {
    const r = pickRange(rng, N);
    if (rng.chance(0.2)) {
      const t = rng.pick(TOWNS);
      const v = round(sum(values(inR(of(t, 'sensor'), r), 'rain_mm')), 1);
      add(
        'total',
        timed(rng, rng.pick(RAIN_TOTAL), refOf(t), r),
        `${fmt(v, 1)} mm of rain in ${TOWN_NAMES[t]} (sum over ${span(r)})`,
        amount(v, 1),
      );
      return;
    }
    const o = rng.pick(OUTPUTS);
    const v = round(sum(values(inR(of(o.town, o.kind), r), o.key)), o.dec);
    add(
      'total',
      timed(rng, rng.pick(o.total), tRef(o.town, true), r),
      `${fmt(v, o.dec)} ${o.unit === o.key ? o.unit : `${o.unit} (${o.key})`}, sum over ${span(r)}`,
      amount(v, o.dec),
    );
  });

  // --- average ---
  quota('average', 38, () => {
    const k = rng.int(0, 9);
    const r = pickRange(rng, N, k < 6 ? 1 : 2);
    calm(r, rng);
    if (k < 5) {
      const rd = rng.pick(READINGS);
      const t = rng.pick(rd.towns);
      const xs = values(inR(of(t, 'sensor'), r), rd.key);
      if (xs.length === 0) return;
      const v = mean(xs);
      if (edgy(v, rd.dec)) return;
      add(
        'average',
        timed(rng, rng.pick(rd.mean), refOf(t), r),
        `${fmt(v, rd.dec + 1)} ${rd.unit} (mean of ${xs.length} readings, ${span(r)})`,
        stat(v, rd.dec),
      );
    } else if (k < 8) {
      const o = rng.pick(OUTPUTS);
      const total = sum(values(inR(of(o.town, o.kind), r), o.key));
      const n = daysReported(o.town, r);
      if (n < 2) return;
      const v = total / n;
      const d = o.dec;
      if (v === 0 || edgy(v, d)) return;
      add(
        'average',
        timed(rng, rng.pick(o.perDay), tRef(o.town, true), r),
        `${fmt(v, d + 1)} ${o.unit} a day (${fmt(total, o.dec)} over ${n} days, ${span(r)})`,
        stat(v, d),
      );
    } else if (k === 9 && rng.chance(0.5)) {
      // The lookout counts the sails in sight: its number is a mean over the counts.
      const xs = values(inR(of('den-of-thieves', 'lookout'), r), 'sails');
      if (xs.length < 2) return;
      const v = mean(xs);
      if (v === 0 || edgy(v, 0)) return;
      const tpl = rng.pick([
        'how many sails did the lookout see on average{t}',
        'on average how many sails were in sight from Gallows Rock{t}',
        'average number of sails the lookout counted {w}{t}',
      ]);
      add(
        'average',
        timed(rng, tpl, refOf('den-of-thieves'), r),
        `${fmt(v, 1)} sails (mean of ${xs.length} lookout counts, ${span(r)})`,
        stat(v, 0),
      );
    } else {
      const o = rng.pick(outputsWith((x) => x.perEvent !== undefined));
      const xs = values(inR(of(o.town, o.kind), r), o.key);
      if (xs.length < 2) return;
      const v = mean(xs);
      const d = o.dec;
      if (v === 0 || edgy(v, d)) return;
      add(
        'average',
        timed(rng, rng.pick(o.perEvent as string[]), tRef(o.town, true), r),
        `${fmt(v, d + 1)} ${o.unit} (mean over ${xs.length} events, ${span(r)})`,
        stat(v, d),
      );
    }
  });

  // --- extreme-event ---
  quota('extreme-event', 28, () => {
    const r = pickRange(rng, N, 2);
    calm(r, rng);
    const askDay = rng.chance(0.3);
    const withDay = (tpl: string) => (askDay ? `${tpl}, and on what day` : tpl);
    if (rng.chance(0.5)) {
      const o = rng.pick(OUTPUTS);
      const list = inR(of(o.town, o.kind), r).filter((e) => num(e, o.key) !== undefined);
      if (list.length === 0) return;
      const v = Math.max(...values(list, o.key));
      if (v <= 0) return;
      const days = new Set(list.filter((e) => num(e, o.key) === v).map((e) => e.day));
      if (askDay && days.size !== 1) return;
      const d = [...days][0] as number;
      add(
        'extreme-event',
        timed(rng, withDay(rng.pick(o.single)), tRef(o.town, true), r),
        `${fmt(v, o.dec)} ${o.unit} (max over single events, ${span(r)}${days.size === 1 ? `, day ${d}` : ''})`,
        askDay ? allOf(stat(v, o.dec), day(d)) : stat(v, o.dec),
      );
    } else {
      const rd = rng.pick(READINGS);
      const t = rng.pick(rd.towns);
      const list = inR(of(t, 'sensor'), r);
      if (list.length === 0) return;
      const hi = rng.chance(0.6);
      const xs = values(list, rd.key);
      const v = hi ? Math.max(...xs) : Math.min(...xs);
      const days = new Set(list.filter((e) => num(e, rd.key) === v).map((e) => e.day));
      if (askDay && days.size !== 1) return;
      const d = [...days][0] as number;
      add(
        'extreme-event',
        timed(rng, withDay(rng.pick(hi ? rd.high : rd.low)), refOf(t), r),
        `${fmt(v, rd.dec)} ${rd.unit} (${hi ? 'max' : 'min'} reading, ${span(r)}${days.size === 1 ? `, day ${d}` : ''})`,
        askDay ? allOf(stat(v, rd.dec), day(d)) : stat(v, rd.dec),
      );
    }
  });

  // --- extreme-day ---
  const uniqueExtreme = (m: Map<number, number>, hi: boolean): [number, number] | null => {
    if (m.size < 2) return null;
    const v = hi ? Math.max(...m.values()) : Math.min(...m.values());
    const ds = [...m].filter(([, x]) => Math.abs(x - v) < 1e-9).map(([d]) => d);
    return ds.length === 1 ? [ds[0] as number, v] : null;
  };
  quota('extreme-day', 28, () => {
    const r = pickRange(rng, N, 3);
    calm(r, rng);
    const k = rng.int(0, 9);
    if (k < 5) {
      const o = rng.pick(OUTPUTS);
      const worst = k === 4 && o.worstDay !== undefined;
      const m = daily(inR(of(o.town, o.kind), r), o.key, 'sum');
      if (worst && m.size !== r.to - r.from + 1) return;
      const x = uniqueExtreme(m, !worst);
      if (!x || (!worst && x[1] <= 0)) return;
      const v = round(x[1], o.dec);
      add(
        'extreme-day',
        timed(rng, rng.pick(worst ? (o.worstDay as string[]) : o.bestDay), tRef(o.town, true), r),
        `day ${x[0]}: ${fmt(v, o.dec)} ${o.unit} (${worst ? 'min' : 'max'} of daily totals, ${span(r)})`,
        allOf(day(x[0]), stat(v, o.dec)),
      );
    } else if (k < 9) {
      const rd = rng.pick(READINGS);
      const t = rng.pick(rd.towns);
      const hi = rng.chance(0.55);
      const m = daily(inR(of(t, 'sensor'), r), rd.key, 'mean');
      const x = uniqueExtreme(m, hi);
      if (!x || edgy(x[1], rd.dec)) return;
      add(
        'extreme-day',
        timed(rng, rng.pick(hi ? rd.highDay : rd.lowDay), refOf(t), r),
        `day ${x[0]}: ${fmt(x[1], rd.dec + 1)} ${rd.unit} (${hi ? 'max' : 'min'} of daily means, ${span(r)})`,
        allOf(day(x[0]), stat(x[1], rd.dec)),
      );
    } else {
      const t = rng.pick(TOWNS);
      const m = daily(inR(of(t, 'sensor'), r), 'rain_mm', 'sum');
      const x = uniqueExtreme(m, true);
      if (!x || x[1] <= 0) return;
      const v = round(x[1], 1);
      const tpl = rng.pick([
        'which day had the most rain {w}{t}',
        'what was the wettest day {w}{t}',
        'rainiest day {w}{t}',
      ]);
      add(
        'extreme-day',
        timed(rng, tpl, refOf(t), r),
        `day ${x[0]}: ${fmt(v, 1)} mm (max of daily rain totals, ${span(r)})`,
        allOf(day(x[0]), stat(v, 1)),
      );
    }
  });

  // --- counts of events and of days ---
  interface Happening {
    /** Templates of "how many times" ({w}/{n} the town, {t} the time). */
    times: string[];
    /** Templates of "on how many days". */
    days: string[];
    /** "did it happen": yes/no. */
    did: string[];
    /** "when was the first/last time": {fl} is "first" or "last". */
    when: string[];
    towns: readonly Town[];
    /** The events, per town. */
    list: (t: Town) => RawEvent[];
    /** Skip when raids and losses disagree in the range. */
    guard?: (t: Town, r: Range) => boolean;
    /** The same happenings as the other side tells them (the raids of a robbery), for first and last. */
    alt?: (t: Town) => RawEvent[];
  }
  const flagged = (t: Town, kind: string, flag: string) => of(t, kind).filter((e) => e.data[flag] === 1);
  /** The robbed towns' losses and the pirates' raids tell the same story in the range (days and gold). */
  const robberyAgrees = (t: Town | undefined, r: { from: number; to: number }) => {
    const a = inR(lossesOf(t), r);
    const b = inR(raidsGold(), r).filter((e) => t === undefined || e.data.target === t);
    const days = (list: RawEvent[]) =>
      list
        .map((e) => `${e.day}:${e.data.shipment}`)
        .sort()
        .join(',');
    return (
      a.length === b.length &&
      sum(values(a, 'loot_gold')) === sum(values(b, 'raid_gold')) &&
      days(a) === days(b)
    );
  };
  const HAPPENINGS: Happening[] = [
    {
      times: [
        'how many storms hit {n}{t}',
        'how many storm readings were there {w}{t}',
        'how often was there a storm {w}{t}',
        'number of storm warnings {w}{t}',
      ],
      days: [
        'on how many days was there a storm {w}{t}',
        'how many stormy days did {n} have{t}',
        'how many days saw a gale {w}{t}',
      ],
      did: ['was there a storm {w}{t}', 'did a storm blow {w}{t}', 'any storms {w}{t}'],
      when: ['when was the {fl} storm {w}', 'on what day did {n} have its {fl} storm'],
      towns: TOWNS,
      list: (t) => flagged(t, 'sensor', 'storm'),
    },
    {
      times: [
        'how many rainy readings were there {w}{t}',
        'how many times did it rain {w}{t}',
        'how often did the sensors record rain {w}{t}',
      ],
      days: [
        'on how many days did it rain {w}{t}',
        'how many rainy days {w}{t}',
        'how many days had rain {w}{t}',
      ],
      did: ['did it rain {w}{t}', 'was there any rain {w}{t}', 'any rainfall {w}{t}'],
      when: ['when did it {fl} rain {w}', 'what was the {fl} day with rain {w}'],
      towns: TOWNS,
      list: (t) => of(t, 'sensor').filter((e) => (num(e, 'rain_mm') ?? 0) > 0),
    },
    {
      times: [
        'how many raids did the pirates pull off{t}',
        'how many successful raids were there{t}',
        'how many times did the raiders come back with gold{t}',
        'how many raids took gold{t}',
      ],
      days: ['on how many days did the pirates raid{t}', 'how many days saw a raid{t}'],
      did: ['did the pirates go on a raid{t}', 'was there a raid{t}', 'did the raiders hit anyone{t}'],
      when: [
        'when was the {fl} raid',
        'when did the pirates {fl} raid a shipment',
        'on what day did the {fl} successful raid happen',
      ],
      towns: ['den-of-thieves'],
      list: () => raidsGold(),
    },
    {
      times: [
        'how many shipments were robbed{t}',
        'how many robberies were there{t}',
        'how many cargoes did the pirates rob{t}',
      ],
      days: ['on how many days was a shipment robbed{t}'],
      did: ['was any shipment robbed{t}', 'did the pirates rob anyone{t}'],
      when: ['when was the {fl} robbery', 'when was a shipment robbed for the {fl} time'],
      towns: ['den-of-thieves'],
      list: () => lossesOf(),
      guard: (_t, r) => robberyAgrees(undefined, r),
      alt: () => raidsGold(),
    },
    {
      times: [
        "how many of {n}'s shipments were robbed{t}",
        'how many times was {n} robbed by pirates{t}',
        'how many robberies did {n} suffer{t}',
      ],
      days: ['on how many days did {n} lose a shipment to pirates{t}'],
      did: ['did {n} lose a shipment to the pirates{t}', 'was a shipment from {n} robbed{t}'],
      when: ['when did {n} {fl} lose a shipment to pirates', 'when was {n} robbed for the {fl} time'],
      towns: ['port-logic', 'patchbourough', 'circuiton'],
      list: (t) => lossesOf(t),
      guard: (t, r) => robberyAgrees(t, r),
      alt: (t) => raidsGold().filter((e) => e.data.target === t),
    },
    {
      times: [
        'how many times did the fishermen come back with empty nets{t}',
        'how many empty-net trips were there {w}{t}',
      ],
      days: ['on how many days did a boat come back with empty nets{t}'],
      did: ['did anyone come back with empty nets {w}{t}'],
      when: ['when did a fisher {fl} come back with empty nets'],
      towns: ['port-logic'],
      list: (t) => flagged(t, 'fishing', 'empty_nets'),
    },
    {
      times: ['how many fine hauls were landed {w}{t}', 'how many big catches were there {w}{t}'],
      days: ['on how many days did someone land a fine haul{t}'],
      did: ['did anyone land a fine haul{t}'],
      when: ['when was the {fl} fine haul {w}'],
      towns: ['port-logic'],
      list: (t) => flagged(t, 'fishing', 'fine_haul'),
    },
    {
      times: [
        'how many times did the mine flood{t}',
        'how many floods were there {w}{t}',
        'how often did the Deep Gallery flood{t}',
      ],
      days: ['on how many days did the mine flood{t}', 'how many days was the mine flooded{t}'],
      did: ['did the mine flood{t}', 'was there a flood in the mine{t}'],
      when: ['when did the mine {fl} flood', 'when was the {fl} flood {w}'],
      towns: ['circuiton'],
      list: (t) => flagged(t, 'mining', 'flood'),
    },
    {
      times: ['how many times did the miners go hungry{t}', 'how many hungry shifts were there {w}{t}'],
      days: ['on how many days did the miners go hungry{t}'],
      did: ['did the miners go hungry{t}'],
      when: ['when did the miners {fl} go hungry'],
      towns: ['circuiton'],
      list: (t) => flagged(t, 'mining', 'hunger'),
    },
    {
      times: ['how many times was the mill idle{t}', 'how often did the water mill stand idle{t}'],
      days: ['on how many days did the mill stand idle{t}', 'how many days was the mill idle {w}{t}'],
      did: ['was the mill idle{t}', 'did the mill stand still{t}'],
      when: ['when was the mill {fl} idle'],
      towns: ['patchbourough'],
      list: (t) => flagged(t, 'mill', 'idle'),
    },
    {
      times: ['how many times was the forge cold{t}', 'how often did the forge go cold {w}{t}'],
      days: ['on how many days was the forge cold{t}'],
      did: ['was the forge cold{t}'],
      when: ['when was the forge {fl} cold'],
      towns: ['patchbourough'],
      list: (t) => flagged(t, 'forge', 'cold_forge'),
    },
    {
      times: ['how many times did the farms report a surplus{t}', 'how many surplus harvests were there{t}'],
      days: ['on how many days did the farmers bring in a surplus{t}'],
      did: ['did the farmers bring in a surplus{t}'],
      when: ['when did the farms {fl} have a surplus'],
      towns: ['patchbourough'],
      list: (t) => flagged(t, 'farming', 'surplus'),
    },
    {
      times: ['how many times did the drought hit the harvest{t}'],
      days: ['on how many days was the harvest hit by drought{t}'],
      did: ['was there a drought {w}{t}'],
      when: ['when did the drought {fl} hit the farms'],
      towns: ['patchbourough'],
      list: (t) => flagged(t, 'farming', 'drought'),
    },
    {
      times: [
        'how many raids came back empty-handed{t}',
        'how many times did the pirates let a shipment go{t}',
        'how many raids brought in no gold{t}',
      ],
      days: ['on how many days did a raid come to nothing{t}'],
      did: ['did the pirates let a prize go{t}', 'did any raid come back empty{t}'],
      when: ['when did a raid {fl} come back empty', 'when did the pirates {fl} let a shipment go'],
      towns: ['den-of-thieves'],
      list: (t) => of(t, 'raid').filter((e) => (num(e, 'raid_gold') ?? 0) === 0),
    },
    {
      times: [
        'how many times did the pirates repair their ship{t}',
        'how many repairs did the Black Gull get{t}',
        'how often did the bosun patch the hull{t}',
      ],
      days: ['on how many days did the pirates fix their boat{t}'],
      did: ['did the pirates repair their boat{t}', 'was the Black Gull repaired{t}'],
      when: ['when did the pirates {fl} repair their boat', 'when was the ship {fl} patched up'],
      towns: ['den-of-thieves'],
      list: (t) => of(t, 'repair').filter((e) => (num(e, 'boat_repaired') ?? 0) >= 1),
    },
    {
      times: [
        'how many shipments arrived {w}{t}',
        'how many deliveries did {n} get{t}',
        'how many arrivals were there {w}{t}',
      ],
      days: ['on how many days did a shipment arrive {w}{t}'],
      did: ['did any shipment arrive {w}{t}', 'was there a delivery {w}{t}'],
      when: ['when did the {fl} shipment arrive {w}'],
      towns: ['port-logic', 'patchbourough', 'circuiton'],
      list: (t) => of(t, 'arrival'),
    },
  ];

  quota('count', 32, () => {
    const h = rng.pick(HAPPENINGS);
    const t = rng.pick(h.towns);
    const r = pickRange(rng, N, 1);
    if (h.guard && !h.guard(t, r)) return;
    const v = inR(h.list(t), r).length;
    if (v === 0 && rng.chance(0.6)) return;
    add('count', timed(rng, rng.pick(h.times), refOf(t), r), `${v} (events, ${span(r)})`, amount(v, 0));
  });

  quota('count-days', 24, () => {
    const h = rng.pick(HAPPENINGS);
    const t = rng.pick(h.towns);
    const r = pickRange(rng, N, 3);
    if (h.guard && !h.guard(t, r)) return;
    const v = new Set(inR(h.list(t), r).map((e) => e.day)).size;
    if (v === 0 && rng.chance(0.6)) return;
    add(
      'count-days',
      timed(rng, rng.pick(h.days), refOf(t), r),
      `${v} distinct days (${span(r)})`,
      amount(v, 0),
    );
  });

  quota('did', 28, () => {
    const k = rng.int(0, 3);
    if (k < 3) {
      const h = rng.pick(HAPPENINGS);
      const t = rng.pick(h.towns);
      const r = pickRange(rng, N, 1, false);
      if (h.guard && !h.guard(t, r)) return;
      const v = inR(h.list(t), r).length;
      add(
        'did',
        timed(rng, rng.pick(h.did), refOf(t), r),
        `${v > 0 ? 'yes' : 'no'} (${v} events, ${span(r)})`,
        yes(v > 0),
      );
    } else {
      const o = rng.pick(OUTPUTS);
      const r = pickRange(rng, N, 1);
      const v = sum(values(inR(of(o.town, o.kind), r), o.key));
      if (v <= 0) return;
      const up = rng.chance(0.5);
      const raw = v * (up ? 1.15 + 0.3 * rng.float() : 0.55 + 0.3 * rng.float());
      const mag = 10 ** Math.max(o.dec === 0 ? 0 : -o.dec, Math.floor(Math.log10(raw)) - 1);
      const x = round(Math.round(raw / mag) * mag, Math.max(0, o.dec));
      if (x <= 0 || x === round(v, o.dec)) return;
      const text = timed(
        rng,
        rng.pick(o.over).replaceAll('{x}', x.toLocaleString('en-US', { maximumFractionDigits: o.dec })),
        tRef(o.town, true),
        r,
      );
      add(
        'did',
        text,
        `${v > x ? 'yes' : 'no'}: ${fmt(v, o.dec)} ${o.unit} vs ${x} (${span(r)})`,
        yes(v > x),
      );
    }
  });

  // --- first / last ---
  quota('first-last', 18, () => {
    const h = rng.pick(HAPPENINGS);
    const t = rng.pick(h.towns);
    const list = h.list(t);
    if (list.length === 0) return;
    const first = rng.chance(0.45);
    const days = list.map((e) => e.day);
    const d = first ? Math.min(...days) : Math.max(...days);
    if (h.alt) {
      // A robbery: the raid and the robbed town's loss must fall on the same day.
      const other = h.alt(t).map((e) => e.day);
      if (other.length === 0 || (first ? Math.min(...other) : Math.max(...other)) !== d) return;
    }
    const tpl = rng.pick(h.when).replaceAll('{fl}', first ? 'first' : 'last');
    add(
      'first-last',
      fill(tpl, refOf(t), ''),
      `day ${d} (${first ? 'first' : 'last'} of ${list.length})`,
      day(d),
    );
  });

  // --- filters: whose shipment, goods, from/to, actor ---
  const GOODS_WORD: Record<string, string> = {
    fish: 'fish',
    spices: 'spices',
    textiles: 'textiles',
    rope: 'rope',
    nets: 'nets',
    grain: 'grain',
    flour: 'flour',
    tools: 'tools',
    metal: 'metal',
    trinkets: 'trinkets',
  };
  quota('filter', 40, () => {
    const k = rng.int(0, 9);
    const r = pickRange(rng, N, 1);
    const raids = inR(raidsGold(), r);
    if (k === 0) {
      const t = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      if (!robberyAgrees(t, r)) return;
      const v = sum(
        values(
          raids.filter((e) => e.data.target === t),
          'raid_gold',
        ),
      );
      const ref = refOf(t);
      const tpl = rng.pick([
        `how much gold did the pirates take from ${poss(ref[0])} shipments{t}`,
        `how much gold did ${ref[0]} lose to pirates{t}`,
        `what did the raids on ${ref[0]} shipments yield{t}, in gold`,
        `gold lost by ${ref[0]} to the raiders{t}`,
      ]);
      add(
        'filter',
        timed(rng, tpl, ref, r),
        `${fmt(v, 0)} gold (raids on ${t}'s shipments, ${span(r)})`,
        amount(v, 0),
      );
    } else if (k === 1) {
      const g = rng.pick([...new Set(raidsGold().map((e) => String(e.data.goods)))]);
      if (!g) return;
      const v = sum(
        values(
          raids.filter((e) => e.data.goods === g),
          'raid_gold',
        ),
      );
      const tpl = rng.pick([
        `how much gold did the pirates get from ${g} shipments{t}`,
        `how much plunder came from stolen ${g}{t}, in gold`,
        `gold from raids on ${g}{t}`,
      ]);
      add('filter', timed(rng, tpl, noRef, r), `${fmt(v, 0)} gold (raids on ${g}, ${span(r)})`, amount(v, 0));
    } else if (k === 2) {
      const to = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const ref = refOf(to);
      const v = raids.filter((e) => e.data.to === to).length;
      const tpl = rng.pick([
        `how many raids hit shipments bound for ${ref[0]}{t}`,
        `how many cargoes on their way to ${ref[0]} were raided{t}`,
      ]);
      add('filter', timed(rng, tpl, ref, r), `${v} raids (to ${to}, ${span(r)})`, amount(v, 0));
    } else if (k === 3) {
      const sales = rng.chance(0.5);
      const list = inR(of('port-logic', 'trade'), r).filter((e) =>
        sales ? e.data.from === 'port-logic' && e.data.to === 'overseas' : e.data.from === 'overseas',
      );
      const v = sum(values(list, 'value_gold'));
      const ref = refOf('port-logic');
      const tpl = sales
        ? rng.pick([
            'how much gold did {n} earn selling goods to overseas ships{t}',
            'what were the overseas sales {w} worth{t}',
            'how much did the trade hub make from ships bound overseas{t}',
          ])
        : rng.pick([
            'how much gold did {n} spend buying from overseas{t}',
            'what did the port pay for goods from overseas ships{t}',
            'how much did the trade hub spend on imports from overseas{t}',
          ]);
      add(
        'filter',
        timed(rng, tpl, ref, r),
        `${fmt(v, 0)} gold (${sales ? 'sales to overseas' : 'purchases from overseas'}, ${span(r)})`,
        amount(v, 0),
      );
    } else if (k === 4) {
      const from = rng.pick(['patchbourough', 'circuiton'] as Town[]);
      const v = sum(values(inR(of(from, 'trade'), r), 'value_gold'));
      const ref = refOf(from);
      const tpl = rng.pick([
        `how much gold did ${poss(ref[0])} trade bring in{t}`,
        'how much did {n} earn from shipments{t}',
        `what were ${poss(ref[0])} sales worth{t}`,
      ]);
      add(
        'filter',
        timed(rng, tpl, ref, r),
        `${fmt(v, 0)} gold (trade from ${from}, ${span(r)})`,
        amount(v, 0),
      );
    } else if (k === 5) {
      const from = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const list = of(from, 'trade').filter(
        (e) => e.data.from === from && typeof e.data.shipment === 'string',
      );
      const pairs = [...new Set(list.map((e) => `${e.data.goods}>${e.data.to}`))];
      if (pairs.length === 0) return;
      const [g, to] = (rng.pick(pairs) as string).split('>') as [string, Town];
      const v = sum(
        values(
          inR(list, r).filter((e) => e.data.goods === g && e.data.to === to),
          'cargo_items',
        ),
      );
      const fr = refOf(from);
      const tr = refOf(to);
      const tpl = rng.pick([
        `how many crates of ${g} did ${fr[0]} send to ${tr[0]}{t}`,
        `crates of ${g} shipped from ${fr[0]} to ${tr[0]}{t}`,
      ]);
      add(
        'filter',
        timed(rng, tpl, fr, r),
        `${fmt(v, 0)} crates (${g}, ${from} → ${to}, ${span(r)})`,
        amount(v, 0),
      );
    } else if (k === 6) {
      const at = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const list = of(at, 'arrival');
      const gs = [...new Set(list.map((e) => String(e.data.goods)))];
      if (gs.length === 0) return;
      const g = rng.pick(gs);
      const v = inR(list, r).filter((e) => e.data.goods === g).length;
      const ref = refOf(at);
      const tpl = rng.pick([
        `how many shipments of ${GOODS_WORD[g] ?? g} arrived {w}{t}`,
        `how many deliveries of ${g} did {n} receive{t}`,
      ]);
      add('filter', timed(rng, tpl, ref, r), `${v} arrivals of ${g} at ${at} (${span(r)})`, amount(v, 0));
    } else if (k === 7) {
      const at = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const list = of(at, 'arrival');
      const fs = [...new Set(list.map((e) => String(e.data.from)))];
      if (fs.length === 0) return;
      const from = rng.pick(fs) as Town;
      const v = inR(list, r).filter((e) => e.data.from === from).length;
      const ar = refOf(at);
      const fr = refOf(from);
      const tpl = rng.pick([
        `how many shipments from ${fr[0]} arrived ${ar[1]}{t}`,
        `how many deliveries did ${ar[0]} get from ${fr[0]}{t}`,
      ]);
      add('filter', timed(rng, tpl, ar, r), `${v} arrivals from ${from} at ${at} (${span(r)})`, amount(v, 0));
    } else {
      const o = rng.pick(outputsWith((x) => x.byPerson !== undefined));
      const ppl = peopleOf(of(o.town, o.kind));
      if (ppl.length < 2) return;
      const p = rng.pick(ppl);
      const v = round(
        sum(
          values(
            inR(of(o.town, o.kind), r).filter((e) => e.actor === p),
            o.key,
          ),
        ),
        o.dec,
      );
      const tpl = rng.pick(o.byPerson as string[]).replaceAll('{p}', p);
      add(
        'filter',
        timed(rng, tpl, noRef, r),
        `${fmt(v, o.dec)} ${o.unit} by ${p} (${span(r)})`,
        amount(v, o.dec),
      );
    }
  });

  // --- compare ---
  const weekName = (w: number, rngx: Rand) => rngx.pick([`week ${w}`, `week ${w}`, `the ${ORD[w - 1]} week`]);
  quota('compare', 48, () => {
    const k = rng.int(0, 6);
    const close = (a: number, b: number, d: number) => round(a, d) === round(b, d);
    if (k <= 1) {
      // Two towns, one reading (mean) or rain (sum).
      const rain = rng.chance(0.3);
      const rd = rng.pick(READINGS.filter((x) => x.cmp.length > 0));
      const [ta, tb] = pickTwo(rng, TOWNS);
      const r = pickRange(rng, N, 1);
      const key = rain ? 'rain_mm' : rd.key;
      const dec = rain ? 1 : rd.dec;
      const agg = (t: Town) => {
        const xs = values(inR(of(t, 'sensor'), r), key);
        return rain ? sum(xs) : mean(xs);
      };
      const a = agg(ta);
      const b = agg(tb);
      if (Number.isNaN(a) || Number.isNaN(b) || close(a, b, dec) || edgy(a, dec) || edgy(b, dec)) return;
      const ra = refOf(ta);
      const rb = refOf(tb);
      let tpl: string;
      let hiWins: boolean;
      if (rain) {
        tpl = rng.pick([
          'did it rain more {wa} or {wb}{t}',
          'which got more rain{t}, {na} or {nb}',
          'where was it wetter{t}, {na} or {nb}',
        ]);
        hiWins = true;
      } else {
        tpl = rng.pick(rd.cmp);
        hiWins = !/colder|calmer|lower/.test(tpl);
      }
      const winA = hiWins ? a > b : a < b;
      const text = tpl
        .replaceAll('{wa}', ra[1])
        .replaceAll('{wb}', rb[1])
        .replaceAll('{na}', ra[0])
        .replaceAll('{nb}', rb[0]);
      const [wt, lt] = winA ? [ta, tb] : [tb, ta];
      add(
        'compare',
        timed(rng, text, noRef, r),
        `${TOWN_NAMES[wt]} (${fmt(a, dec + 1)} vs ${fmt(b, dec + 1)} ${rain ? 'mm, sums' : rd.unit}, ${span(r)})`,
        allOf(
          town(wt),
          before(TOWN_NAMES[wt] as string, TOWN_NAMES[lt] as string),
          stat(a, dec),
          stat(b, dec),
        ),
      );
    } else if (k === 2) {
      // Two weeks of an output.
      const o = rng.pick(OUTPUTS);
      const wa = rng.int(1, 7);
      let wb = rng.int(1, 7);
      if (wb === wa) wb = wa === 7 ? 6 : wa + 1;
      const sumW = (w: number) =>
        round(sum(values(inR(of(o.town, o.kind), { from: 7 * w - 6, to: 7 * w }), o.key)), o.dec);
      const a = sumW(wa);
      const b = sumW(wb);
      if (close(a, b, o.dec)) return;
      const tpl = rng.pick(o.compareWeeks);
      const text = fill(
        tpl.replaceAll('{a}', weekName(wa, rng)).replaceAll('{b}', weekName(wb, rng)),
        tRef(o.town, true),
        '',
      );
      const [w, l] = a > b ? [wa, wb] : [wb, wa];
      add(
        'compare',
        text,
        `week ${w} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)} ${o.unit})`,
        allOf(stat(a, o.dec), stat(b, o.dec), winnerWeek(w, l)),
      );
    } else if (k === 3) {
      // Two days of an output.
      const o = rng.pick(
        OUTPUTS.filter((x) => ['fish', 'ore_tons', 'harvest', 'drinks', 'flour_lbs'].includes(x.key)),
      );
      const da = rng.int(1, 55);
      const db = rng.chance(0.5) ? Math.min(55, da + 1) : rng.int(1, 55);
      if (da === db) return;
      const sumD = (d: number) =>
        round(sum(values(inR(of(o.town, o.kind), { from: d, to: d }), o.key)), o.dec);
      const a = sumD(da);
      const b = sumD(db);
      if (close(a, b, o.dec)) return;
      const noun: Record<string, string> = {
        fish: 'fishing',
        ore_tons: 'mining',
        harvest: 'the harvest',
        drinks: 'the tavern',
        flour_lbs: 'the mill',
      };
      const tpl = rng.pick([
        `was day ${da} or day ${db} better for ${noun[o.key]}`,
        `which day had more ${o.key === 'fish' ? 'fish caught' : o.key === 'ore_tons' ? 'ore mined' : o.key === 'harvest' ? 'grain harvested' : o.key === 'drinks' ? 'drinks poured' : 'flour milled'}, day ${da} or day ${db}`,
      ]);
      const [w, l] = a > b ? [da, db] : [db, da];
      if (rng.chance(0.35)) {
        const more: Record<string, string> = {
          fish: `were more fish caught on day ${da} than on day ${db}`,
          ore_tons: `was more ore mined on day ${da} than on day ${db}`,
          harvest: `did the farms harvest more on day ${da} than on day ${db}`,
          drinks: `did the pirates drink more on day ${da} than on day ${db}`,
          flour_lbs: `was more flour milled on day ${da} than on day ${db}`,
        };
        add(
          'compare',
          more[o.key] as string,
          `${a > b ? 'yes' : 'no'} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)} ${o.unit})`,
          allOf(yes(a > b), stat(a, o.dec), stat(b, o.dec)),
        );
        return;
      }
      add(
        'compare',
        tpl,
        `day ${w} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)} ${o.unit})`,
        allOf(stat(a, o.dec), stat(b, o.dec), before(`day ${w}`, `day ${l}`)),
      );
    } else if (k === 4) {
      // Two people.
      const o = rng.pick(outputsWith((x) => x.whoMost !== undefined));
      const ppl = peopleOf(of(o.town, o.kind));
      if (ppl.length < 2) return;
      const [pa, pb] = pickTwo(rng, ppl);
      const r = pickRange(rng, N, 3);
      const sumP = (p: string) =>
        round(
          sum(
            values(
              inR(of(o.town, o.kind), r).filter((e) => e.actor === p),
              o.key,
            ),
          ),
          o.dec,
        );
      const a = sumP(pa);
      const b = sumP(pb);
      if (close(a, b, o.dec)) return;
      const what: Record<string, string> = {
        fish: 'caught more fish',
        nets: 'made more nets',
        ropes: 'made more rope',
        harvest: 'harvested more',
        ore_tons: 'mined more ore',
        learned: 'taught more pupils',
      };
      if (rng.chance(0.35)) {
        // "Did A … more than B?" yes/no.
        const did: Record<string, string> = {
          fish: `did ${pa} catch more fish than ${pb}{t}`,
          nets: `did ${pa} make more nets than ${pb}{t}`,
          ropes: `did ${pa} make more rope than ${pb}{t}`,
          harvest: `did ${pa} harvest more than ${pb}{t}`,
          ore_tons: `did ${pa} mine more ore than ${pb}{t}`,
          learned: `did ${pa} teach more pupils than ${pb}{t}`,
        };
        add(
          'compare',
          timed(rng, did[o.key] as string, noRef, r),
          `${a > b ? 'yes' : 'no'} (${pa} ${fmt(a, o.dec)} vs ${pb} ${fmt(b, o.dec)} ${o.unit}, ${span(r)})`,
          allOf(yes(a > b), stat(a, o.dec), stat(b, o.dec)),
        );
        return;
      }
      const tpl = rng.pick([
        `who ${what[o.key]}{t}, ${pa} or ${pb}`,
        `${pa} or ${pb}: who ${what[o.key]}{t}`,
      ]);
      const [w, l] = a > b ? [pa, pb] : [pb, pa];
      add(
        'compare',
        timed(rng, tpl, noRef, r),
        `${w} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)} ${o.unit}, ${span(r)})`,
        allOf(word(coreName(w)), before(coreName(w), coreName(l)), stat(a, o.dec), stat(b, o.dec)),
      );
    } else if (k === 5) {
      // "More … in A than in B?" yes/no.
      const o = rng.pick(OUTPUTS);
      const wa = rng.int(1, 7);
      let wb = rng.int(1, 7);
      if (wb === wa) wb = wa === 1 ? 2 : wa - 1;
      const sumW = (w: number) =>
        round(sum(values(inR(of(o.town, o.kind), { from: 7 * w - 6, to: 7 * w }), o.key)), o.dec);
      const a = sumW(wa);
      const b = sumW(wb);
      if (close(a, b, o.dec)) return;
      const more: Record<string, string[]> = {
        fish: ['did {n} catch more fish in {a} than in {b}', 'were more fish landed in {a} than in {b}'],
        nets: ['were more nets made in {a} than in {b}'],
        ropes: ['did the loft make more ropes in {a} than in {b}'],
        harvest: ['was the harvest bigger in {a} than in {b}', 'did the farms harvest more in {a} than {b}'],
        flour_lbs: ['was more flour milled in {a} than in {b}'],
        grain_lbs: ['did the mill grind more grain in {a} than in {b}'],
        tools: ['were more tools forged in {a} than in {b}'],
        ore_tons: ['was more ore mined in {a} than in {b}', 'did {n} dig more ore in {a} than in {b}'],
        metal_lbs: ['was more metal processed in {a} than in {b}'],
        trinkets: ['were more trinkets made in {a} than in {b}'],
        learned: ['did more pupils learn a craft in {a} than in {b}'],
        drinks: [
          'did the pirates drink more in {a} than in {b}',
          'were more drinks poured {w} in {a} than in {b}',
        ],
        arrows: ['were more arrows made in {a} than in {b}'],
        raid_gold: [
          'did the pirates plunder more gold in {a} than in {b}',
          'was there more raid gold in {a} than in {b}',
        ],
      };
      const text = rng
        .pick(more[o.key] ?? [])
        .replaceAll('{a}', weekName(wa, rng))
        .replaceAll('{b}', weekName(wb, rng));
      add(
        'compare',
        fill(text, tRef(o.town, true), ''),
        `${a > b ? 'yes' : 'no'} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)} ${o.unit})`,
        allOf(yes(a > b), stat(a, o.dec), stat(b, o.dec)),
      );
    } else {
      // "Was it warmer in A than in B?" yes/no, two towns.
      const [ta, tb] = pickTwo(rng, TOWNS);
      const r = pickRange(rng, N, 1);
      const kinds: [string, number, string, boolean, string[]][] = [
        [
          'temperature_c',
          1,
          '°C',
          true,
          ['was it warmer {wa} than {wb}{t}', 'was it colder {wa} than {wb}{t}'],
        ],
        ['wind_kph', 1, 'km/h', true, ['was it windier {wa} than {wb}{t}']],
        ['humidity_pct', 0, '%', true, ['was it more humid {wa} than {wb}{t}']],
        [
          'rain_mm',
          1,
          'mm',
          false,
          ['did it rain more {wa} than {wb}{t}', 'did {na} get more rain than {nb}{t}'],
        ],
      ];
      const [key, dec, unit, isMean, tpls] = rng.pick(kinds);
      const agg = (t: Town) => {
        const xs = values(inR(of(t, 'sensor'), r), key);
        return isMean ? mean(xs) : sum(xs);
      };
      const a = agg(ta);
      const b = agg(tb);
      if (Number.isNaN(a) || Number.isNaN(b) || close(a, b, dec) || edgy(a, dec) || edgy(b, dec)) return;
      const tpl = rng.pick(tpls);
      const colder = tpl.includes('colder');
      const answer = colder ? a < b : a > b;
      const ra = refOf(ta);
      const rb = refOf(tb);
      const text = tpl
        .replaceAll('{wa}', ra[1])
        .replaceAll('{wb}', rb[1])
        .replaceAll('{na}', ra[0])
        .replaceAll('{nb}', rb[0]);
      add(
        'compare',
        timed(rng, text, noRef, r),
        `${answer ? 'yes' : 'no'} (${TOWN_NAMES[ta]} ${fmt(a, dec + 1)} vs ${TOWN_NAMES[tb]} ${fmt(b, dec + 1)} ${unit}${isMean ? ', means' : ', sums'}, ${span(r)})`,
        allOf(yes(answer), stat(a, dec), stat(b, dec)),
      );
    }
  });

  // --- correlate ---
  interface Series {
    town: Town;
    kind: string;
    key: string;
    how: 'sum' | 'mean';
    words: string[];
  }
  const SERIES: Series[] = [
    {
      town: 'port-logic',
      kind: 'fishing',
      key: 'fish',
      how: 'sum',
      words: ['the catch', 'fish caught', 'the fishing'],
    },
    {
      town: 'port-logic',
      kind: 'sensor',
      key: 'temperature_c',
      how: 'mean',
      words: ['the temperature at the port', 'how warm it is in Port Logic'],
    },
    {
      town: 'port-logic',
      kind: 'sensor',
      key: 'wind_kph',
      how: 'mean',
      words: ['the wind at the port', 'wind speed in Port Logic'],
    },
    {
      town: 'circuiton',
      kind: 'mining',
      key: 'ore_tons',
      how: 'sum',
      words: ['ore mined', 'the ore output', 'mining in Circuiton'],
    },
    {
      town: 'circuiton',
      kind: 'sensor',
      key: 'temperature_c',
      how: 'mean',
      words: ['the temperature in Circuiton', 'how cold it is up at the mines'],
    },
    {
      town: 'den-of-thieves',
      kind: 'drinking',
      key: 'drinks',
      how: 'sum',
      words: ['drinks poured at the Den', 'the drinking on the island'],
    },
    {
      town: 'den-of-thieves',
      kind: 'sensor',
      key: 'temperature_c',
      how: 'mean',
      words: ['the temperature at the Den'],
    },
    {
      town: 'patchbourough',
      kind: 'farming',
      key: 'harvest',
      how: 'sum',
      words: ['the harvest', 'crops brought in'],
    },
    {
      town: 'patchbourough',
      kind: 'mill',
      key: 'flour_lbs',
      how: 'sum',
      words: ['flour milled', 'the mill output'],
    },
    {
      town: 'patchbourough',
      kind: 'sensor',
      key: 'river_level_m',
      how: 'mean',
      words: ['the river level', 'how high the river is'],
    },
    {
      town: 'patchbourough',
      kind: 'sensor',
      key: 'humidity_pct',
      how: 'mean',
      words: ['the humidity on the farms'],
    },
  ];
  const PAIRS: [number, number][] = [
    [0, 1],
    [0, 2],
    [3, 4],
    [5, 6],
    [7, 9],
    [8, 9],
    [7, 10],
    [0, 5],
    [3, 8],
    [0, 3],
  ];
  quota('correlate', 14, () => {
    const [ia, ib] = rng.pick(PAIRS);
    const sa = SERIES[ia] as Series;
    const sb = SERIES[ib] as Series;
    const r = rng.chance(0.5) ? pickRange(rng, N, 1, true) : pickRange(rng, N, 10, false);
    calm(r, rng);
    if (r.to - r.from + 1 < 10) return;
    const ma = daily(inR(of(sa.town, sa.kind), r), sa.key, sa.how);
    const mb = daily(inR(of(sb.town, sb.kind), r), sb.key, sb.how);
    const ds = [...ma.keys()].filter((d) => mb.has(d));
    if (
      ds.length < 5 ||
      new Set(ds.map((d) => ma.get(d))).size < 3 ||
      new Set(ds.map((d) => mb.get(d))).size < 3
    )
      return;
    const v = pearson(
      ds.map((d) => ma.get(d) as number),
      ds.map((d) => mb.get(d) as number),
    );
    if (!Number.isFinite(v) || edgy(v, 2)) return;
    const a = rng.pick(sa.words);
    const b = rng.pick(sb.words);
    const tpl = rng.pick([
      `is there a correlation between ${a} and ${b}{t}`,
      `how strongly does ${a} track ${b}{t}`,
      `does ${a} go with ${b}{t}? give me the correlation`,
      `correlation of ${a} with ${b}{t}`,
      `is ${a} linked to ${b}{t}`,
    ]);
    add(
      'correlate',
      timed(rng, tpl, noRef, r),
      `r = ${fmt(v, 3)} (Pearson over ${ds.length} days, ${span(r)})`,
      stat(v, 2),
    );
  });

  // --- trend ---
  quota('trend', 14, () => {
    const s = rng.pick(SERIES);
    const r = rng.chance(0.4) ? pickRange(rng, N, 1, true) : pickRange(rng, N, 10, false);
    calm(r, rng);
    if (r.to - r.from + 1 < 10) return;
    const m = daily(inR(of(s.town, s.kind), r), s.key, s.how);
    if (m.size < 5 || new Set(m.values()).size < 3) return;
    const v = slope([...m.keys()], [...m.values()]);
    if (!Number.isFinite(v) || edgy(v, 2)) return;
    const a = rng.pick(s.words);
    const tpl = rng.pick([
      `is ${a} going up or down{t}`,
      `what's the trend in ${a}{t}`,
      `has ${a} been rising or falling{t}`,
      `how fast is ${a} changing per day{t}`,
      `trend of ${a}{t}`,
    ]);
    const check: Check = (reply) => {
      if (states(reply.answer, v, 2) === null) return null;
      if (Math.abs(round(v, 2)) > 0 && states(reply.answer, Math.abs(v), 2) === null) {
        const dir = v > 0 ? /\b(ris|increas|up|grow|climb)/i : /\b(fall|declin|decreas|down|drop|sink)/i;
        return dir.test(reply.answer) ? null : 'states the slope without its direction';
      }
      return `does not state the slope ${fmt(v, 2)}`;
    };
    add('trend', timed(rng, tpl, noRef, r), `slope ${fmt(v, 3)} per day (${m.size} days, ${span(r)})`, check);
  });

  // --- future ---
  quota('future', 18, () => {
    const D = rng.int(450, 999);
    if (rng.chance(0.5)) {
      const o = rng.pick(OUTPUTS);
      const tpl = rng.pick(o.future).replaceAll('{D}', String(D));
      const total = round(sum(values(of(o.town, o.kind), o.key)), o.dec);
      add('future', fill(tpl, refOf(o.town), ''), 'not yet happened', notYet([total, o.dec]));
    } else {
      const rd = rng.pick(READINGS);
      const t = rng.pick(rd.towns);
      const tpl = rng
        .pick([
          ...rd.future,
          'will it rain {w} on day {D}',
          'how much rain will fall {w} next week',
          'will there be a storm {w} tomorrow',
        ])
        .replaceAll('{D}', String(D));
      const m = mean(values(of(t, 'sensor'), rd.key));
      add('future', fill(tpl, refOf(t), ''), 'not yet happened', notYet([m, rd.dec]));
    }
  });

  // --- who ---
  const ROLES: [Town, string, string[]][] = [
    [
      'port-logic',
      'fisher',
      ['who fishes out of {n}', 'who are the fishermen {w}', 'name the fishers at the port'],
    ],
    ['port-logic', 'netmaker', ['who makes the nets and ropes {w}', 'who works in the net loft']],
    ['port-logic', 'trader', ['who trades at the trade hub', 'who are the traders {w}']],
    ['patchbourough', 'farmer', ['who farms {w}', 'who works the fields {w}']],
    ['patchbourough', 'blacksmith', ['who keeps the forge', "who's the blacksmith {w}"]],
    ['patchbourough', 'miller', ['who is the miller', 'who runs the water mill {w}']],
    ['patchbourough', 'trader', ['who are the market traders {w}']],
    ['circuiton', 'miner', ['who works the mine {w}', 'who are the miners']],
    ['circuiton', 'teacher', ['who teaches at the Academy', 'who are the teachers {w}']],
    ['circuiton', 'apprentice', ['who is the apprentice {w}', 'who makes the trinkets']],
    ['circuiton', 'trader', ['who is the assayer {w}', 'who trades for {n}']],
    [
      'den-of-thieves',
      'captain',
      ['who captains the pirates', 'who leads the raids', 'who is the captain of the Black Gull'],
    ],
    ['den-of-thieves', 'quartermaster', ["who's the quartermaster {w}"]],
    ['den-of-thieves', 'keeper', ['who runs the tavern {w}', 'who pours the drinks {w}']],
    ['den-of-thieves', 'bosun', ["who's the bosun", "who repairs the pirates' ship"]],
    ['den-of-thieves', 'fletcher', ['who makes the arrows', 'who is the fletcher {w}']],
  ];
  for (const [t, role, tpls] of ROLES) {
    const ppl = holders(t, role);
    if (ppl.length === 0) continue;
    const tpl = rng.pick(tpls);
    add('who', fill(tpl, refOf(t), ''), ppl.join(', '), allOf(...ppl.map((p) => word(coreName(p)))));
  }
  quota('who', 12, () => {
    const o = rng.pick(outputsWith((x) => x.whoMost !== undefined));
    const r = pickRange(rng, N, 1);
    calm(r, rng);
    const list = inR(of(o.town, o.kind), r);
    const by = new Map<string, number>();
    for (const e of list) if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, o.key) ?? 0));
    if (by.size < 2) return;
    const sorted = [...by].sort((a, b) => b[1] - a[1]);
    const [best, second] = sorted as [[string, number], [string, number]];
    if (round(best[1], o.dec) === round(second[1], o.dec) || best[1] <= 0) return;
    add(
      'who',
      timed(rng, rng.pick(o.whoMost as string[]), tRef(o.town, true), r),
      `${best[0]} (${fmt(best[1], o.dec)} ${o.unit}, ${span(r)})`,
      word(coreName(best[0])),
    );
  });

  // --- which town ---
  quota('which-town', 16, () => {
    const r = pickRange(rng, N, 1);
    calm(r, rng);
    const k = rng.int(0, 4);
    let tpl: string;
    let per: [Town, number][];
    let dec: number;
    let unit: string;
    let hi = true;
    if (k === 0) {
      const rd = rng.pick(READINGS.filter((x) => x.towns.length === 4));
      const m = (t: Town) => mean(values(inR(of(t, 'sensor'), r), rd.key));
      per = TOWNS.map((t) => [t, m(t)]);
      dec = rd.dec;
      unit = rd.unit;
      const words: Record<string, [string[], string[]]> = {
        temperature_c: [
          ['which town was warmest{t}', 'where was it hottest{t}', 'what was the warmest town{t}'],
          ['which town was coldest{t}', 'where was it chilliest{t}'],
        ],
        wind_kph: [
          ['which town was windiest{t}', 'where was the wind strongest{t}'],
          ['which town was calmest{t}'],
        ],
        pressure_hpa: [['which town had the highest air pressure{t}'], ['where was the pressure lowest{t}']],
        humidity_pct: [['which town was the most humid{t}'], ['which town was least humid{t}']],
      };
      hi = rng.chance(0.6);
      const [up, down] = words[rd.key] as [string[], string[]];
      tpl = rng.pick(hi ? up : down);
    } else if (k === 1) {
      per = TOWNS.map((t) => [t, sum(values(inR(of(t, 'sensor'), r), 'rain_mm'))]);
      dec = 1;
      unit = 'mm';
      hi = rng.chance(0.7);
      tpl = hi
        ? rng.pick(['which town got the most rain{t}', 'where did it rain the most{t}', 'wettest town{t}'])
        : rng.pick(['which town got the least rain{t}', 'where was it driest{t}']);
    } else if (k === 2) {
      const towns: Town[] = ['port-logic', 'patchbourough', 'circuiton'];
      if (!towns.every((t) => robberyAgrees(t, r))) return;
      per = towns.map((t) => [t, sum(values(inR(of(t, 'loss'), r), 'loot_gold'))]);
      dec = 0;
      unit = 'gold';
      tpl = rng.pick([
        'which town lost the most gold to pirates{t}',
        'whose shipments did the pirates rob the most gold from{t}',
        'which town suffered most from the raiders{t}, in gold',
      ]);
    } else if (k === 3) {
      const towns: Town[] = ['port-logic', 'patchbourough', 'circuiton'];
      per = towns.map((t) => [t, inR(of(t, 'arrival'), r).length]);
      dec = 0;
      unit = 'arrivals';
      tpl = rng.pick([
        'which town received the most shipments{t}',
        'where did the most deliveries arrive{t}',
      ]);
    } else {
      per = TOWNS.map((t) => [t, inR(of(t, 'sensor'), r).filter((e) => e.data.storm === 1).length]);
      dec = 0;
      unit = 'storm readings';
      tpl = rng.pick(['which town had the most storms{t}', 'where did storms hit most often{t}']);
    }
    if (per.some(([, v]) => Number.isNaN(v))) return;
    const sorted = [...per].sort((a, b) => (hi ? b[1] - a[1] : a[1] - b[1]));
    const [w, second] = sorted as [[Town, number], [Town, number]];
    if (round(w[1], dec) === round(second[1], dec) || edgy(w[1], dec) || (hi && w[1] <= 0)) return;
    add(
      'which-town',
      timed(rng, tpl, noRef, r),
      `${TOWN_NAMES[w[0]]} (${fmt(w[1], dec + (dec > 0 ? 1 : 0))} ${unit}; next ${TOWN_NAMES[second[0]]} ${fmt(second[1], dec + (dec > 0 ? 1 : 0))}, ${span(r)})`,
      allOf(town(w[0]), stat(w[1], dec)),
    );
  });

  // --- who traded the most ---
  quota('who', 4, () => {
    const t = rng.pick(['patchbourough', 'port-logic'] as Town[]);
    const r = pickRange(rng, N, 3);
    calm(r, rng);
    const list = inR(of(t, 'trade'), r).filter((e) => e.data.from === t);
    const by = new Map<string, number>();
    for (const e of list) if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, 'value_gold') ?? 0));
    if (by.size < 2) return;
    const [best, second] = [...by].sort((a, b) => b[1] - a[1]) as [[string, number], [string, number]];
    if (best[1] === second[1]) return;
    const ref = refOf(t);
    const tpl = rng.pick([
      `which trader sold the most {w}{t}, in gold`,
      `who was the busiest trader {w}{t} by sales`,
      `whose sales brought ${ref[0]} the most gold{t}`,
    ]);
    add(
      'who',
      timed(rng, tpl, ref, r),
      `${best[0]} (${fmt(best[1], 0)} gold of sales from ${t}, ${span(r)})`,
      word(coreName(best[0])),
    );
  });

  // --- distinct ---
  const distinctCase = (text: string, have: string[], universe: string[], truth: string) => {
    if (have.length === 0) return;
    const absent = universe.filter((g) => !have.includes(g));
    add(
      'distinct',
      text,
      truth,
      allOf(...have.map((g) => word(g)), ...absent.map((g) => (r: Reply) => omits(r.answer, g))),
    );
  };
  quota('distinct', 14, () => {
    const k = rng.int(0, 4);
    const r = pickRange(rng, N, 7);
    calm(r, rng);
    if (k === 0) {
      const from = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const all = of(from, 'trade').filter((e) => e.data.from === from && typeof e.data.goods === 'string');
      const have = [...new Set(inR(all, r).map((e) => String(e.data.goods)))].sort();
      const universe = [...new Set(all.map((e) => String(e.data.goods)))];
      const ref = refOf(from);
      const tpl = rng.pick([
        'which goods did {n} ship out{t}',
        'what goods were sent from {n}{t}',
        'what does {n} export{t}',
      ]);
      distinctCase(timed(rng, tpl, ref, r), have, universe, `${have.join(', ')} (${span(r)})`);
    } else if (k === 1) {
      const all = raidsGold();
      const have = [...new Set(inR(all, r).map((e) => String(e.data.goods)))].sort();
      const universe = [...new Set(all.map((e) => String(e.data.goods)))];
      const tpl = rng.pick([
        'what goods did the pirates steal{t}',
        'which cargoes did the raiders take{t}',
        'what kinds of goods were plundered{t}',
      ]);
      distinctCase(timed(rng, tpl, noRef, r), have, universe, `${have.join(', ')} (${span(r)})`);
    } else if (k === 2) {
      const all = raidsGold();
      const have = [...new Set(inR(all, r).map((e) => String(e.data.target)))].sort();
      if (!robberyAgrees(undefined, r)) return;
      if (have.length === 0) return;
      const tpl = rng.pick([
        'which towns did the pirates rob{t}',
        'whose shipments got raided{t}',
        'which towns lost cargo to the raiders{t}',
      ]);
      const absent = ['port-logic', 'patchbourough', 'circuiton'].filter((t) => !have.includes(t));
      add(
        'distinct',
        timed(rng, tpl, noRef, r),
        `${have.map((t) => TOWN_NAMES[t]).join(', ')} (${span(r)})`,
        allOf(
          ...have.map((t) => town(t)),
          ...absent.map((t) => (rep: Reply) => omits(rep.answer, TOWN_NAMES[t] as string)),
        ),
      );
    } else if (k === 3) {
      const all = of('port-logic', 'trade').filter(
        (e) => e.data.from === 'overseas' && (num(e, 'value_gold') ?? 0) > 0,
      );
      const have = [...new Set(inR(all, r).map((e) => String(e.data.goods)))].sort();
      const universe = [...new Set(all.map((e) => String(e.data.goods)))];
      const tpl = rng.pick([
        'what did {n} buy from overseas{t}',
        'which goods came in from overseas ships{t}',
      ]);
      distinctCase(
        timed(rng, tpl, refOf('port-logic'), r),
        have,
        universe,
        `${have.join(', ')} (${span(r)})`,
      );
    } else {
      const at = rng.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const all = of(at, 'arrival');
      const have = [...new Set(inR(all, r).map((e) => String(e.data.goods)))].sort();
      const universe = [...new Set(all.map((e) => String(e.data.goods)))];
      const tpl = rng.pick(['what goods arrived {w}{t}', 'which goods were delivered to {n}{t}']);
      distinctCase(timed(rng, tpl, refOf(at), r), have, universe, `${have.join(', ')} (${span(r)})`);
    }
  });

  return cases;
}

/** "the mines'" and "Port Logic's". */
const poss = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);

/** A person's name without the title people may leave off ("Captain Mara Blackwater" → "Mara Blackwater"). */
function coreName(p: string): string {
  if (p === 'One-Eyed Finn') return 'Finn';
  if (p === 'Skiv the Fletcher') return 'Skiv';
  if (p === 'Bosun Rook') return 'Rook';
  return p.replace(/^(Captain|Master|Professor) /, '');
}

function pickTwo<T>(rng: Rand, list: readonly T[]): [T, T] {
  const a = rng.pick(list);
  let b = rng.pick(list);
  while (b === a) b = rng.pick(list);
  return [a, b];
}

/** The winning week is named before the other ("week 4" or "the fourth week"). */
function winnerWeek(w: number, l: number): Check {
  return (r) => {
    const a = r.answer.toLowerCase();
    const find = (x: number) => {
      const m = a.search(new RegExp(`\\bweek ${x}\\b|\\b${ORD[x - 1]} week\\b`));
      return m;
    };
    const i = find(w);
    const j = find(l);
    if (i < 0) return `does not name week ${w}`;
    return j >= 0 && j < i ? `names week ${l} before week ${w}` : null;
  };
}

/**
 * The natural-h set: a development set of questions in three voices, a strategy-game player studying
 * the world's economy, a teacher writing quiz questions about the world, and a world builder
 * double-checking the simulation. Written from the world definition (src/world/), CONVENTIONS.md
 * and the design seeds only; every truth is computed here from the raw events. Deterministic per
 * history (a PRNG seeded from a hash of the events). About one question in eight carries a typo.
 */
import {
  all,
  type Case,
  names,
  namesDay,
  type RawEvent,
  type Reply,
  round,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];

/** How people call each town ("at" phrases and bare names). */
const ALIASES: Record<Town, string[]> = {
  'port-logic': ['Port Logic', 'Port Logic', 'Port Logic', 'the port', 'the harbour'],
  patchbourough: ['PatchBourough', 'PatchBourough', 'PatchBourough', 'the farms', 'the river town'],
  circuiton: ['Circuiton', 'Circuiton', 'Circuiton', 'the mines', 'the mountain town'],
  'den-of-thieves': ['the Den of Thieves', 'the Den of Thieves', 'the Den', 'the pirate island'],
};

// ---------------------------------------------------------------------------------------------
// Randomness

function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashEvents(events: RawEvent[], today: number): number {
  let h = 2166136261 ^ today;
  const step = Math.max(1, Math.floor(events.length / 500));
  for (let i = 0; i < events.length; i += step) {
    const e = at(events, i);
    const s = `${e.town}|${e.day}|${e.kind}|${e.text}`;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Words

const SMALL = [
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
const numberWord = (n: number) => (n <= 20 ? at(SMALL, n) : n === 30 ? 'thirty' : String(n));
const ORD = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
function ordinal(n: number): string {
  if (n < ORD.length) return at(ORD, n);
  const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty'][Math.floor(n / 10)] ?? '';
  const unit = n % 10;
  if (unit === 0) return `${tens.slice(0, -1)}ieth`;
  return `${tens}-${at(ORD, unit)}`;
}

/** The item at `i`, which must be there. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no item ${i}`);
  return x;
}

const MORE: Record<string, string> = {
  fish: 'caught more fish',
  nets: 'made more nets',
  ropes: 'made more ropes',
  harvest: 'harvested more grain',
  ore_tons: 'mined more ore',
  learned: 'taught more pupils',
};
const SINGLE: Record<string, string> = {
  fish: 'the biggest single catch of fish',
  harvest: 'the biggest single harvest report',
  ore_tons: 'the biggest single shift at the mine',
  drinks: 'the busiest single night at the tavern',
  flour_lbs: 'the biggest single grinding at the mill',
  raid_gold: 'the richest single raid',
};
const howMany = (unit: string) =>
  ['gold', 'lbs', 'tons'].includes(unit)
    ? `how much ${unit === 'gold' ? 'gold' : `in ${unit}`}`
    : `how many ${unit}`;
/** "Out of all the days …": "of week 5", "last month", "so far". */
function outOf(r: { in: string; noun: string }): string {
  if (r.in === '') return 'so far';
  return /week \d|the \w+ week/.test(r.noun) ? `of ${r.noun}` : r.in;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fmt = (v: number, d: number) => round(v, d).toFixed(d);

// ---------------------------------------------------------------------------------------------
// Time

interface Range {
  a: number;
  b: number;
  /** How the question names it: "in week 3", "last week", "over the last ten days", "" for all time. */
  in: string;
  /** As a noun: "week 3", "last week", "the last ten days", "the whole history". */
  noun: string;
  /** Whether it is a single day. */
  single?: boolean;
}

// ---------------------------------------------------------------------------------------------
// What the towns report

interface Output {
  town: Town;
  kind: string;
  key: string;
  dec: number;
  unit: string;
  /** Noun phrases for the amount: {T} is the town. */
  np: string[];
  /** "how much" question openings. */
  how: string[];
  /** What one event is called. */
  event: string;
  /** What doing it is called ("fishing"). */
  act: string;
  /** Whether its actors differ (who questions). */
  who?: string;
}

const OUTPUTS: Output[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    unit: 'fish',
    event: 'haul',
    act: 'fishing',
    np: ['fish caught at {T}', 'fish brought ashore at {T}', 'fish landed at {T}'],
    how: [
      'how many fish were caught at {T}',
      'how many fish did the boats of {T} bring in',
      'how big was the catch at {T}',
    ],
    who: 'caught the most fish',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    unit: 'nets',
    event: 'batch',
    act: 'net making',
    np: ['nets made at {T}', 'nets out of the net loft'],
    how: ['how many nets were made at {T}', 'how many nets came out of the net loft'],
    who: 'made the most nets',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    unit: 'ropes',
    event: 'batch',
    act: 'rope making',
    np: ['ropes made at {T}', 'rope turned out at the loft'],
    how: ['how many ropes were made at {T}', 'how many ropes did the loft turn out'],
    who: 'made the most ropes',
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    unit: 'lbs',
    event: 'day in the fields',
    act: 'harvesting',
    np: ['grain harvested at {T}', 'grain reaped at {T}', 'grain brought in from the fields at {T}'],
    how: [
      'how much grain was harvested at {T}',
      'how many pounds of grain did {T} harvest',
      'how big was the harvest at {T}',
    ],
    who: 'harvested the most grain',
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    unit: 'lbs',
    event: 'milling',
    act: 'milling',
    np: ['flour milled at {T}', 'flour ground at the water mill', 'flour out of the mill at {T}'],
    how: ['how much flour was milled at {T}', 'how many pounds of flour did the mill at {T} grind'],
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    unit: 'tools',
    event: 'stint at the forge',
    act: 'smithing',
    np: ['tools forged at {T}', 'tools made at the forge'],
    how: ['how many tools were forged at {T}', 'how many tools did the blacksmith at {T} make'],
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    unit: 'tons',
    event: 'shift',
    act: 'mining',
    np: ['ore mined at {T}', 'ore brought up at {T}', 'tons of ore dug at {T}'],
    how: ['how much ore was mined at {T}', 'how many tons of ore came up at {T}', 'how much ore did {T} dig'],
    who: 'mined the most ore',
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'metal_lbs',
    dec: 4,
    unit: 'lbs',
    event: 'shift',
    act: 'smelting',
    np: ['metal smelted at {T}', 'metal processed at {T}'],
    how: ['how much metal was smelted at {T}', 'how many pounds of metal did {T} process'],
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    unit: 'trinkets',
    event: 'batch',
    act: 'tinkering',
    np: ['trinkets made at {T}', "trinkets from John's bench"],
    how: ['how many trinkets did John make', 'how many trinkets were made at {T}'],
  },
  {
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    unit: 'pupils',
    event: 'lesson',
    act: 'teaching',
    np: ['pupils who learned a craft at the Academy', 'pupils taught a craft at {T}'],
    how: ['how many pupils learned a craft at the Academy', 'how many pupils at {T} learned a craft'],
    who: 'taught the most pupils',
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    unit: 'drinks',
    event: 'night at the tavern',
    act: 'drinking',
    np: ['drinks poured at {T}', 'drinks served in the tavern at {T}'],
    how: ['how many drinks were poured at {T}', 'how many drinks did the tavern at {T} serve'],
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    unit: 'arrows',
    event: 'batch',
    act: 'fletching',
    np: ['arrows fletched at {T}', 'arrows made on the island'],
    how: ['how many arrows were made at {T}', 'how many arrows did the fletcher at {T} make'],
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    unit: 'gold',
    event: 'raid',
    act: 'raiding',
    np: ['gold the pirates took in raids', 'raid gold', 'gold plundered by the pirates'],
    how: ['how much gold did the pirates take in raids', 'how much gold was plundered by the pirates'],
  },
  {
    town: 'circuiton',
    kind: 'trade',
    key: 'value_gold',
    dec: 0,
    unit: 'gold',
    event: 'sale',
    act: 'trading',
    np: ['gold Circuiton earned from its sales', "gold from Circuiton's trade"],
    how: ['how much gold did Circuiton make from selling goods', 'how much gold did Circuiton earn in trade'],
  },
  {
    town: 'patchbourough',
    kind: 'trade',
    key: 'value_gold',
    dec: 0,
    unit: 'gold',
    event: 'sale',
    act: 'trading',
    np: ['gold PatchBourough earned from its sales', "gold from PatchBourough's trade"],
    how: [
      'how much gold did PatchBourough make from selling goods',
      'how much gold did PatchBourough earn in trade',
    ],
  },
  {
    town: 'circuiton',
    kind: 'loss',
    key: 'loot_gold',
    dec: 0,
    unit: 'gold',
    event: 'robbery',
    act: 'losing gold',
    np: ['gold Circuiton lost to the pirates'],
    how: ['how much gold did Circuiton lose to the pirates'],
  },
  {
    town: 'patchbourough',
    kind: 'loss',
    key: 'loot_gold',
    dec: 0,
    unit: 'gold',
    event: 'robbery',
    act: 'losing gold',
    np: ['gold PatchBourough lost to the pirates'],
    how: ['how much gold did PatchBourough lose to the pirates'],
  },
];

/** The outputs people ask about most, for weighting. */
const MAIN_OUTPUTS = OUTPUTS.filter((o) =>
  ['fish', 'harvest', 'ore_tons', 'drinks', 'flour_lbs', 'raid_gold'].includes(o.key),
);

interface Reading {
  key: string;
  dec: number;
  unit: string;
  towns: Town[];
  /** The noun ("temperature"); "high"/"low" day words. */
  noun: string;
  hi: string;
  lo: string;
  hiDay: string;
  loDay: string;
}

const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    towns: TOWNS,
    noun: 'temperature',
    hi: 'hottest',
    lo: 'coldest',
    hiDay: 'the hottest day',
    loDay: 'the coldest day',
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    towns: TOWNS,
    noun: 'wind speed',
    hi: 'windiest',
    lo: 'calmest',
    hiDay: 'the windiest day',
    loDay: 'the calmest day',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    towns: TOWNS,
    noun: 'air pressure',
    hi: 'highest-pressure',
    lo: 'lowest-pressure',
    hiDay: 'the day with the highest mean air pressure',
    loDay: 'the day with the lowest mean air pressure',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    towns: TOWNS,
    noun: 'humidity',
    hi: 'most humid',
    lo: 'least humid',
    hiDay: 'the most humid day',
    loDay: 'the least humid day',
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    towns: ['patchbourough'],
    noun: 'river level',
    hi: 'highest-river',
    lo: 'lowest-river',
    hiDay: 'the day with the highest mean river level',
    loDay: 'the day with the lowest mean river level',
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    towns: ['port-logic'],
    noun: 'tide',
    hi: 'highest-tide',
    lo: 'lowest-tide',
    hiDay: 'the day with the highest mean tide',
    loDay: 'the day with the lowest mean tide',
  },
];

/** Things that happen on a day, for "both", "days", "did", "count". */
interface Happening {
  town: Town;
  /** "it rained at {T}", in a clause. */
  clause: string;
  /** As a noun phrase: "rain at {T}". */
  np: string;
  /** As a noun phrase for counting events: "rainy readings at {T}". */
  events?: string;
  test: (e: RawEvent) => boolean;
}

function happenings(): Happening[] {
  const h: Happening[] = [];
  for (const t of TOWNS) {
    h.push({
      town: t,
      clause: 'it rained at {T}',
      np: 'rain at {T}',
      events: 'readings with rain at {T}',
      test: (e) => e.kind === 'sensor' && Number(e.data.rain_mm) > 0,
    });
    h.push({
      town: t,
      clause: 'a storm blew at {T}',
      np: 'a storm at {T}',
      events: 'storm readings at {T}',
      test: (e) => e.kind === 'sensor' && e.data.storm === 1,
    });
  }
  for (const t of ['port-logic', 'patchbourough', 'circuiton'] as Town[]) {
    h.push({
      town: t,
      clause: `pirates robbed a shipment of ${TOWN_NAMES[t]}`,
      np: `a robbery of a ${TOWN_NAMES[t]} shipment`,
      events: `robberies of ${TOWN_NAMES[t]}'s shipments`,
      test: (e) => e.kind === 'loss',
    });
    h.push({
      town: t,
      clause: 'a shipment arrived at {T}',
      np: 'a shipment arriving at {T}',
      events: 'shipments that arrived at {T}',
      test: (e) => e.kind === 'arrival',
    });
  }
  h.push({
    town: 'den-of-thieves',
    clause: 'the pirates came back from a raid with gold',
    np: 'a raid that brought back gold',
    events: 'raids that brought back gold',
    test: (e) => e.kind === 'raid' && Number(e.data.raid_gold) > 0,
  });
  h.push({
    town: 'den-of-thieves',
    clause: 'the pirates repaired their ship',
    np: 'repairs to the Black Gull',
    events: 'repairs to the Black Gull',
    test: (e) => e.kind === 'repair' && Number(e.data.boat_repaired) >= 1,
  });
  h.push({
    town: 'circuiton',
    clause: 'the mine flooded',
    np: 'a flood in the mine',
    events: 'flooded shifts at the mine',
    test: (e) => e.kind === 'mining' && e.data.flood === 1,
  });
  h.push({
    town: 'circuiton',
    clause: 'the miners went hungry',
    np: 'hungry miners',
    events: 'shifts on which the miners went hungry',
    test: (e) => e.kind === 'mining' && e.data.hunger === 1,
  });
  h.push({
    town: 'patchbourough',
    clause: 'the forge was cold',
    np: 'a cold forge',
    events: 'cold-forge reports',
    test: (e) => e.kind === 'forge' && e.data.cold_forge === 1,
  });
  h.push({
    town: 'patchbourough',
    clause: 'the mill rested with full bins',
    np: 'the mill resting with full bins',
    events: 'times the mill rested with full bins',
    test: (e) => e.kind === 'mill' && e.data.bins_full === 1,
  });
  h.push({
    town: 'patchbourough',
    clause: 'the mill stood idle',
    np: 'an idle mill',
    events: 'times the mill stood idle',
    test: (e) => e.kind === 'mill' && e.data.idle === 1,
  });
  h.push({
    town: 'patchbourough',
    clause: 'the farmers brought in a surplus',
    np: 'a surplus harvest',
    events: 'surplus harvests',
    test: (e) => e.kind === 'farming' && e.data.surplus === 1,
  });
  h.push({
    town: 'patchbourough',
    clause: 'drought thinned the harvest',
    np: 'a harvest thinned by drought',
    events: 'harvests thinned by drought',
    test: (e) => e.kind === 'farming' && e.data.drought === 1,
  });
  h.push({
    town: 'port-logic',
    clause: 'a fisher came back with empty nets',
    np: 'a fisher coming back with empty nets',
    events: 'trips that came back with empty nets',
    test: (e) => e.kind === 'fishing' && e.data.empty_nets === 1,
  });
  h.push({
    town: 'port-logic',
    clause: 'a fisher landed a fine haul',
    np: 'a fine haul of fish',
    events: 'fine hauls',
    test: (e) => e.kind === 'fishing' && e.data.fine_haul === 1,
  });
  return h;
}

// ---------------------------------------------------------------------------------------------
// Checks

const NONE = /\b(none|no days?|never|zero|not once|no such|did not|didn't|no\b)/i;
const saysNone = (answer: string) => (NONE.test(answer) ? null : 'does not say none');

/** A count, a "0" or a plain "none" for zero. */
function statesCount(answer: string, n: number): string | null {
  if (n === 0) return states(answer, 0, 0) === null ? null : saysNone(answer);
  return states(answer, n, 0);
}

/** Where a label first appears (Infinity when absent). */
function firstAt(answer: string, re: RegExp): number {
  const m = re.exec(answer);
  return m ? m.index : Number.POSITIVE_INFINITY;
}

const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');
const weekRe = (w: number) => new RegExp(`\\bweek ${w}\\b`, 'i');
const townRe = (t: Town) => {
  const pats: Record<Town, string> = {
    'port-logic': 'port logic',
    patchbourough: 'patchbourough',
    circuiton: 'circuiton',
    'den-of-thieves': 'den of thieves|\\bthe den\\b',
  };
  return new RegExp(pats[t], 'i');
};

/** The winner is named and comes before the loser. */
function winnerFirst(answer: string, win: RegExp, lose: RegExp, label: string): string | null {
  const a = firstAt(answer, win);
  if (a === Number.POSITIVE_INFINITY) return `does not name ${label}`;
  return a < firstAt(answer, lose) ? null : `does not name ${label} first`;
}

/** States the value, or its size (for slopes worded with a direction). */
const statesSigned = (answer: string, v: number, d: number) =>
  states(answer, v, d) === null ? null : states(answer, Math.abs(v), d);

/** Within 1e-6 of a rounding edge at these decimals or the next two. */
function edgy(v: number, d: number): boolean {
  for (let k = d; k <= d + 2; k++) {
    const x = Math.abs(v * 10 ** k) % 1;
    if (Math.abs(x - 0.5) < 1e-6) return true;
  }
  return false;
}

const clean = (v: number) => Math.round(v * 1e8) / 1e8;

function trueFalse(answer: string, yes: boolean): string | null {
  const first = answer.trim().toLowerCase();
  const said = /^(yes|true)\b/.test(first) ? true : /^(no|false)\b/.test(first) ? false : undefined;
  if (said === undefined) return 'does not begin with true/false or yes/no';
  return said === yes ? null : `says ${said ? 'true' : 'false'}`;
}

const NOT_YET =
  /\b(not (happened|come)|not happened yet|has not come|hasn't (come|happened)|not yet|cannot know|can't know|in the future|hasn't arrived|no data)\b/i;

// ---------------------------------------------------------------------------------------------
// The builder

export function buildNaturalH(events: RawEvent[], today: number): Case[] {
  const rnd = mulberry32(hashEvents(events, today));
  const pick = <T>(xs: readonly T[]): T => at(xs, Math.floor(rnd() * xs.length));
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const N = today;

  // Index: per town, per day, the events.
  const byTownDay = new Map<string, RawEvent[]>();
  const reportDays = new Map<Town, Set<number>>();
  for (const t of TOWNS) reportDays.set(t, new Set());
  for (const e of events) {
    const k = `${e.town}|${e.day}`;
    const l = byTownDay.get(k);
    if (l) l.push(e);
    else byTownDay.set(k, [e]);
    reportDays.get(e.town as Town)?.add(e.day);
  }
  const evOn = (t: Town, d: number) => byTownDay.get(`${t}|${d}`) ?? [];
  const daysIn = (r: Range) => {
    const out: number[] = [];
    for (let d = Math.max(1, r.a); d <= Math.min(N, r.b); d++) out.push(d);
    return out;
  };
  const reportedIn = (t: Town, r: Range) => daysIn(r).filter((d) => reportDays.get(t)?.has(d));

  const outEvents = (o: Output, d: number) =>
    evOn(o.town, d).filter((e) => e.kind === o.kind && typeof e.data[o.key] === 'number');
  const dayTotal = (o: Output, d: number) =>
    clean(outEvents(o, d).reduce((s, e) => s + Number(e.data[o.key]), 0));
  const total = (o: Output, r: Range) => clean(daysIn(r).reduce((s, d) => s + dayTotal(o, d), 0));
  const readingsOn = (rd: Reading, t: Town, d: number) =>
    evOn(t, d)
      .filter((e) => e.kind === 'sensor' && typeof e.data[rd.key] === 'number')
      .map((e) => Number(e.data[rd.key]));
  const readingsIn = (rd: Reading, t: Town, r: Range) => daysIn(r).flatMap((d) => readingsOn(rd, t, d));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const rainOn = (t: Town, d: number) => clean(readingsOn(RAIN, t, d).reduce((s, x) => s + x, 0));
  const happenedOn = (h: Happening, d: number) => evOn(h.town, d).some(h.test);

  const T = (t: Town) => pick(ALIASES[t]);
  const fill = (s: string, t: Town) => s.replace(/\{T\}/g, T(t));
  const townName = (t: Town): string =>
    t === 'den-of-thieves' ? 'the Den of Thieves' : (TOWN_NAMES[t] ?? t);

  // Ranges
  const week = (w: number, ord = rnd() < 0.4): Range => ({
    a: 7 * (w - 1) + 1,
    b: 7 * w,
    in: ord ? `in the ${ordinal(w)} week` : `in week ${w}`,
    noun: ord ? `the ${ordinal(w)} week` : `week ${w}`,
  });
  const lastK = (k: number): Range => {
    const wd = rnd() < 0.6 ? numberWord(k) : String(k);
    return { a: N - k + 1, b: N, in: `over the last ${wd} days`, noun: `the last ${wd} days` };
  };
  const between = (a: number, b: number): Range => ({
    a,
    b,
    in: pick([`between day ${a} and day ${b}`, `from day ${a} to day ${b}`, `between days ${a} and ${b}`]),
    noun: `days ${a} to ${b}`,
  });
  const rangeOf = (kind: string): Range => {
    switch (kind) {
      case 'week':
        return week(int(1, 7));
      case 'lastweek':
        return { a: N - 7, b: N - 1, in: 'last week', noun: 'last week' };
      case 'thisweek':
        return pick([
          { a: N - 6, b: N, in: 'this week', noun: 'this week' },
          { a: N - 6, b: N, in: 'over the past week', noun: 'the past week' },
        ]);
      case 'lastK':
        return lastK(pick([3, 4, 5, 6, 8, 10, 12, 14, 15, 20]));
      case 'between': {
        const a = int(1, 45);
        return between(a, Math.min(55, a + int(4, 10)));
      }
      case 'lastmonth':
        return { a: N - 30, b: N - 1, in: 'last month', noun: 'last month' };
      case 'thismonth':
        return pick([
          { a: N - 29, b: N, in: 'this month', noun: 'this month' },
          { a: N - 29, b: N, in: 'in the past thirty days', noun: 'the past thirty days' },
        ]);
      case 'all':
        return { a: 1, b: N, in: '', noun: 'the whole history' };
      case 'today':
        return { a: N, b: N, in: 'today', noun: 'today', single: true };
      case 'yesterday':
        return { a: N - 1, b: N - 1, in: 'yesterday', noun: 'yesterday', single: true };
      default: {
        const d = int(1, 55);
        return rnd() < 0.3
          ? { a: d, b: d, in: `on the ${ordinal(d)} day`, noun: `the ${ordinal(d)} day`, single: true }
          : { a: d, b: d, in: `on day ${d}`, noun: `day ${d}`, single: true };
      }
    }
  };
  /** A range of several days. */
  const spanRange = () =>
    rangeOf(
      pick(['week', 'week', 'lastweek', 'thisweek', 'lastK', 'between', 'lastmonth', 'thismonth', 'all']),
    );
  /** A short range, for listing days. */
  const shortRange = () => {
    const r = rangeOf(pick(['week', 'week', 'week', 'lastweek', 'thisweek', 'between', 'short']));
    return r;
  };
  const shortK = (): Range => lastK(pick([5, 6, 8, 10]));

  const cases: Case[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  let typoTurn = 0;

  function typoOf(q: string): { q: string; typo?: string } {
    typoTurn++;
    if (rnd() >= 0.115) return { q };
    const words = [...q.matchAll(/[A-Za-z]{5,}/g)].filter((m) => !/^(Captain|Master|Professor)$/.test(m[0]));
    if (words.length === 0) return { q };
    const m = pick(words);
    const w = m[0];
    const i = int(1, w.length - 3);
    const kind = int(0, 2);
    let t: string;
    if (kind === 0) t = w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2);
    else if (kind === 1) t = w.slice(0, i) + w.slice(i + 1);
    else t = w.slice(0, i) + w.charAt(i) + w.slice(i);
    if (t === w) return { q };
    return { q: q.slice(0, m.index) + t + q.slice((m.index ?? 0) + w.length), typo: `${w} → ${t}` };
  }

  function add(
    form: string,
    question: string,
    truth: string,
    check: (answer: string, reply: Reply) => string | null,
  ) {
    const q0 = question
      .replace(/\s+/g, ' ')
      .replace(/ ([?,.])/g, '$1')
      .trim();
    const q1 = cap(q0);
    if (seen.has(q1)) return false;
    seen.add(q1);
    const { q, typo } = typoOf(q1);
    const c: Case & { typo?: string } = {
      form,
      question: q,
      truth,
      check: (reply) => check(reply.answer, reply),
    };
    if (typo) c.typo = typo;
    cases.push(c);
    counts.set(form, (counts.get(form) ?? 0) + 1);
    return true;
  }
  const n = (form: string) => counts.get(form) ?? 0;
  function fillForm(form: string, target: number, gen: () => void) {
    for (let tries = 0; n(form) < target && tries < target * 40; tries++) gen();
  }
  const when = (r: Range) => r.in;

  // ---------------------------------------------------------------------------------------------
  // extreme-day: the best or worst day's total; the highest/lowest daily mean of a reading.
  fillForm('extreme-day', 48, () => {
    if (rnd() < 0.68) {
      const o = rnd() < 0.75 ? pick(MAIN_OUTPUTS) : pick(OUTPUTS);
      const r = spanRange();
      const days = reportedIn(o.town, r);
      if (days.length < 3) return;
      const best = rnd() < 0.62;
      // The worst day: only where every reporting day has an event of the kind (no doubt about zeros).
      if (!best && days.some((d) => outEvents(o, d).length === 0)) return;
      const series = days
        .map((d) => ({ d, v: dayTotal(o, d) }))
        .sort((x, y) => (best ? y.v - x.v : x.v - y.v));
      if (
        at(series, 0).v === at(series, 1).v ||
        (best && at(series, 0).v <= 0) ||
        edgy(at(series, 0).v, o.dec)
      )
        return;
      const top = at(series, 0);
      const np = fill(pick(o.np), o.town);
      const w = when(r);
      const t = r.in === '' ? '' : ` ${w}`;
      const qs = best
        ? [
            `What was the best day for ${np}${t}, and how much was it?`,
            `Which day brought the most ${np}${t}? Give the day's total too.`,
            `${w ? `${cap(w)}, what` : 'What'} day saw the most ${np}, and what was that day's total?`,
            `Looking at daily totals of ${np}${t}, which was the record day and what did it reach?`,
            `Out of all the days ${outOf(r)}, which one had the biggest total of ${np}, and how big was it?`,
            `I want the busiest day for ${o.act} at ${T(o.town)}${t}: which day, and ${howMany(o.unit)}?`,
            `Name the day on which the ${np} peaked${t}, with the total for that day.`,
          ]
        : [
            `What was the worst day for ${np}${t}, and how much was it?`,
            `Which day brought the least ${np}${t}, and what was the total that day?`,
            `Out of all the days ${outOf(r)}, which one saw the least ${np}?  Include the amount.`,
            `${w ? `${cap(w)}, which` : 'Which'} was the quietest day for ${o.act} at ${T(o.town)}, and ${howMany(o.unit)} did it come to?`,
            `Find the day with the smallest daily total of ${np}${t} and tell me the figure.`,
          ];
      add(
        'extreme-day',
        pick(qs),
        `day ${top.d}, ${fmt(top.v, o.dec)} ${o.unit} (${best ? 'max' : 'min'} daily total, days ${Math.max(1, r.a)}–${r.b})`,
        (a) => all(namesDay(a, top.d), states(a, top.v, o.dec)),
      );
    } else if (rnd() < 0.8) {
      const rd = pick(READINGS);
      const t = pick(rd.towns);
      const r = spanRange();
      const days = daysIn(r).filter((d) => readingsOn(rd, t, d).length > 0);
      if (days.length < 3) return;
      const hi = rnd() < 0.55;
      const series = days
        .map((d) => ({ d, v: mean(readingsOn(rd, t, d)) }))
        .sort((x, y) => (hi ? y.v - x.v : x.v - y.v));
      if (Math.abs(at(series, 0).v - at(series, 1).v) < 1e-9 || edgy(at(series, 0).v, rd.dec)) return;
      const top = at(series, 0);
      const w = r.in === '' ? '' : ` ${r.in}`;
      const dayWord = hi ? rd.hiDay : rd.loDay;
      const qs = [
        `What was ${dayWord} at ${T(t)}${w}, going by the day's average ${rd.noun}?`,
        `Which day had the ${hi ? 'highest' : 'lowest'} average ${rd.noun} at ${T(t)}${w}, and what was that average?`,
        `${r.in ? `${cap(r.in)}, on` : 'On'} which day was the daily mean ${rd.noun} at ${T(t)} ${hi ? 'highest' : 'lowest'}? Give the mean.`,
        `Taking the mean of each day's readings, which day was ${dayWord} at ${T(t)}${w}?`,
      ];
      add(
        'extreme-day',
        pick(qs),
        `day ${top.d}, mean ${fmt(top.v, rd.dec + 1)} ${rd.unit} (daily means)`,
        (a) => all(namesDay(a, top.d), states(a, top.v, rd.dec)),
      );
    } else {
      // The wettest day: rain is summed.
      const t = pick(TOWNS);
      const r = spanRange();
      const days = daysIn(r).filter((d) => readingsOn(RAIN, t, d).length > 0);
      if (days.length < 3) return;
      const series = days.map((d) => ({ d, v: rainOn(t, d) })).sort((x, y) => y.v - x.v);
      if (at(series, 0).v <= 0 || at(series, 0).v === at(series, 1).v || edgy(at(series, 0).v, 1)) return;
      const top = at(series, 0);
      const w = r.in === '' ? '' : ` ${r.in}`;
      add(
        'extreme-day',
        pick([
          `Which was the wettest day at ${T(t)}${w}, and how much rain fell?`,
          `What day brought the most rain to ${T(t)}${w}? How many mm?`,
          `On which day did ${T(t)} get the most rainfall${w}, and how much was it?`,
        ]),
        `day ${top.d}, ${fmt(top.v, 1)} mm of rain`,
        (a) => all(namesDay(a, top.d), states(a, top.v, 1)),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // both: the days on which two things happened.
  const HAPS = happenings();
  fillForm('both', 36, () => {
    const h1 = pick(HAPS);
    let h2 = pick(HAPS);
    if (h1 === h2) return;
    if (rnd() < 0.35) {
      // Often a weather pairing, as a teacher would set it.
      const t1 = pick(TOWNS);
      const t2 = pick(TOWNS.filter((x) => x !== t1));
      const rainy = HAPS.filter((h) => h.clause === 'it rained at {T}');
      const a1 = rainy.find((h) => h.town === t1);
      const a2 = rainy.find((h) => h.town === t2);
      if (!a1 || !a2) return;
      h2 = a2;
      return bothCase(a1, h2);
    }
    bothCase(h1, h2);
  });
  function bothCase(h1: Happening, h2: Happening) {
    const r = rnd() < 0.2 ? shortK() : shortRange();
    if (r.single) return;
    const days = daysIn(r);
    if (days.length < 4) return;
    const hit = days.filter((d) => happenedOn(h1, d) && happenedOn(h2, d));
    const none = hit.length === 0;
    // Keep "none" to about a quarter.
    if (none && rnd() < 0.65) return;
    if (hit.length > 8) return;
    const c1 = fill(h1.clause, h1.town);
    const c2 = fill(h2.clause, h2.town);
    const w = r.in;
    const qs = [
      `Name every day ${w} when ${c1} and ${c2}.`,
      `${cap(w)}, on which days did both of these happen: ${c1}, and ${c2}?`,
      `List the days ${w} on which ${c1} and, on the same day, ${c2}.`,
      `Which days ${w} saw ${fill(h1.np, h1.town)} as well as ${fill(h2.np, h2.town)}?`,
      `Were there any days ${w} when ${c1} and ${c2}? Name them all.`,
    ];
    const others = days.filter((d) => !hit.includes(d));
    add('both', pick(qs), none ? `none (days ${r.a}–${r.b})` : hit.map((d) => `day ${d}`).join(', '), (a) => {
      if (none) return all(saysNone(a), ...others.map((d) => (dayRe(d).test(a) ? `names day ${d}` : null)));
      return all(
        ...hit.map((d) => namesDay(a, d)),
        ...others.map((d) => (dayRe(d).test(a) ? `names day ${d}, not one of them` : null)),
      );
    });
  }

  // ---------------------------------------------------------------------------------------------
  // days: on how many distinct days something happened, a day's total passed a figure, or not.
  fillForm('days', 36, () => {
    const r = spanRange();
    const days = daysIn(r);
    if (days.length < 5) return;
    const kind = rnd();
    if (kind < 0.45) {
      const h = pick(HAPS);
      const k = days.filter((d) => happenedOn(h, d)).length;
      if (k === 0 && rnd() < 0.6) return;
      const c = fill(h.clause, h.town);
      const w = r.in === '' ? ' so far' : ` ${r.in}`;
      add(
        'days',
        pick([
          `On how many days${w} did it happen that ${c}?`,
          `How many separate days${w} were there when ${c}?`,
          `${r.in ? cap(r.in) : 'So far'}, count the days on which ${c}.`,
          `How many different days${w} is it true that ${c}?`,
        ]),
        `${k} days`,
        (a) => statesCount(a, k),
      );
    } else if (kind < 0.8) {
      const o = rnd() < 0.7 ? pick(MAIN_OUTPUTS) : pick(OUTPUTS);
      const rep = reportedIn(o.town, r);
      const vals = rep.map((d) => dayTotal(o, d)).sort((x, y) => x - y);
      if (vals.length < 5) return;
      const q = at(vals, Math.floor(vals.length * (0.3 + rnd() * 0.5)));
      const thr = o.dec === 0 ? Math.round(q) : round(q, o.dec - 1 >= 0 ? Math.max(0, o.dec - 1) : 0);
      if (vals.some((v) => Math.abs(v - thr) < 1e-9)) return;
      const above = rnd() < 0.65;
      const k = rep.filter((d) => (above ? dayTotal(o, d) > thr : dayTotal(o, d) < thr)).length;
      const np = fill(pick(o.np), o.town);
      const w = r.in === '' ? ' so far' : ` ${r.in}`;
      const tt = `${thr} ${o.unit}`;
      add(
        'days',
        pick([
          `On how many days${w} did the ${np} come to ${above ? 'more' : 'less'} than ${tt}?`,
          `How many days${w} saw ${above ? 'over' : 'under'} ${tt} of ${np}?`,
          `${r.in ? cap(r.in) : 'In the whole record'}, how many days had a daily total of ${np} ${above ? 'above' : 'below'} ${tt}?`,
        ]),
        `${k} days (daily total ${above ? '>' : '<'} ${thr})`,
        (a) => statesCount(a, k),
      );
    } else {
      // Days on which something did not happen (of days the town reported).
      const h = pick(HAPS.filter((x) => /rained|arrived|robbed|raid/.test(x.clause)));
      const rep = reportedIn(h.town, r);
      const k = rep.filter((d) => !happenedOn(h, d)).length;
      if (k === 0 || k === rep.length) return;
      const c = fill(h.clause, h.town)
        .replace('it rained at', 'no rain fell at')
        .replace('a shipment arrived at', 'no shipment arrived at')
        .replace(/^pirates robbed/, 'pirates did not rob')
        .replace('the pirates came back from a raid with gold', 'the pirates brought home no raid gold');
      const w = r.in === '' ? ' so far' : ` ${r.in}`;
      add(
        'days',
        pick([
          `On how many days${w} is it the case that ${c}?`,
          `How many days${w} passed on which ${c}?`,
          `Count the days${w} when ${c}.`,
        ]),
        `${k} days`,
        (a) => statesCount(a, k),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // compare: two towns, two weeks, two days, two people.
  fillForm('compare', 36, () => {
    const kind = rnd();
    if (kind < 0.38) {
      // Two weeks (or last week against this week) of one output.
      const o = pick(MAIN_OUTPUTS.concat(OUTPUTS.slice(0, 3)));
      const w1 = int(1, 6);
      const w2 = rnd() < 0.6 ? w1 + 1 : int(1, 7);
      if (w1 === w2) return;
      const r1 = week(w1, false);
      const r2 = week(w2, false);
      const v1 = total(o, r1);
      const v2 = total(o, r2);
      if (v1 === v2 || edgy(v1, o.dec) || edgy(v2, o.dec)) return;
      const win = v1 > v2 ? w1 : w2;
      const lose = win === w1 ? w2 : w1;
      const np = fill(pick(o.np), o.town);
      const style = rnd();
      const truth = `week ${win} (${fmt(v1, o.dec)} in week ${w1} vs ${fmt(v2, o.dec)} in week ${w2})`;
      if (style < 0.3) {
        const claim = v1 > v2;
        add(
          'compare',
          `True or false: week ${w1} saw more ${np} than week ${w2}.`,
          `${claim ? 'true' : 'false'}; ${truth}`,
          (a) => all(trueFalse(a, claim), states(a, v1, o.dec), states(a, v2, o.dec)),
        );
      } else if (style < 0.6) {
        const diff = Math.abs(v1 - v2);
        add(
          'compare',
          pick([
            `Which week had more ${np}, week ${w1} or week ${w2}, and by how much?`,
            `By how much did week ${win} beat week ${lose} for ${np}? Give both totals.`,
          ]),
          `${truth}; difference ${fmt(diff, o.dec)}`,
          (a) =>
            all(
              winnerFirst(a, weekRe(win), weekRe(lose), `week ${win}`),
              states(a, v1, o.dec),
              states(a, v2, o.dec),
            ),
        );
      } else {
        add(
          'compare',
          pick([
            `Did the ${ordinal(w1)} week or the ${ordinal(w2)} week see more ${np}?`,
            `Compare week ${w1} with week ${w2}: which one saw more ${np}?`,
          ]),
          truth,
          (a) =>
            all(
              winnerFirst(a, weekRe(win), weekRe(lose), `week ${win}`),
              states(a, v1, o.dec),
              states(a, v2, o.dec),
            ),
        );
      }
    } else if (kind < 0.62) {
      // Two towns on a reading or rain.
      const rd = pick(READINGS.filter((x) => x.towns.length === 4).concat([RAIN]));
      const t1 = pick(TOWNS);
      const t2 = pick(TOWNS.filter((x) => x !== t1));
      const r = spanRange();
      const isRain = rd === RAIN;
      const x1 = readingsIn(rd, t1, r);
      const x2 = readingsIn(rd, t2, r);
      if (x1.length === 0 || x2.length === 0) return;
      const v1 = isRain ? clean(x1.reduce((s, x) => s + x, 0)) : mean(x1);
      const v2 = isRain ? clean(x2.reduce((s, x) => s + x, 0)) : mean(x2);
      if (Math.abs(v1 - v2) < 1e-9 || edgy(v1, rd.dec) || edgy(v2, rd.dec) || (isRain && v1 + v2 === 0))
        return;
      const hiWins = rnd() < 0.6;
      const win = v1 > v2 === hiWins ? t1 : t2;
      const lose = win === t1 ? t2 : t1;
      const w = r.in === '' ? '' : ` ${r.in}`;
      const adj = isRain
        ? hiWins
          ? 'wetter'
          : 'drier'
        : rd.key === 'temperature_c'
          ? hiWins
            ? 'warmer'
            : 'colder'
          : rd.key === 'wind_kph'
            ? hiWins
              ? 'windier'
              : 'calmer'
            : hiWins
              ? `higher in ${rd.noun}`
              : `lower in ${rd.noun}`;
      add(
        'compare',
        pick([
          `Was ${townName(t1)} or ${townName(t2)} ${adj}${w}?`,
          `${r.in ? `${cap(r.in)}, which` : 'Which'} was ${adj}, ${townName(t1)} or ${townName(t2)}? Give both figures.`,
          `Between ${townName(t1)} and ${townName(t2)}, which town was ${adj}${w}?`,
        ]),
        `${townName(win)} (${townName(t1)} ${fmt(v1, rd.dec + 1)}, ${townName(t2)} ${fmt(v2, rd.dec + 1)} ${rd.unit}${isRain ? ' total' : ' mean'})`,
        (a) =>
          all(
            winnerFirst(a, townRe(win), townRe(lose), townName(win)),
            states(a, v1, rd.dec),
            states(a, v2, rd.dec),
          ),
      );
    } else if (kind < 0.82) {
      // Two days of one output.
      const o = pick(MAIN_OUTPUTS);
      const d1 = int(1, 54);
      const d2 = rnd() < 0.5 ? d1 + 1 : int(1, 55);
      if (d1 === d2 || d2 > 55) return;
      if (outEvents(o, d1).length === 0 || outEvents(o, d2).length === 0) return;
      const v1 = dayTotal(o, d1);
      const v2 = dayTotal(o, d2);
      if (v1 === v2 || edgy(v1, o.dec) || edgy(v2, o.dec)) return;
      const win = v1 > v2 ? d1 : d2;
      const lose = win === d1 ? d2 : d1;
      const np = fill(pick(o.np), o.town);
      add(
        'compare',
        pick([
          `Which day had more ${np}: day ${d1} or day ${d2}?`,
          `Day ${d1} against day ${d2} — which one had the bigger total of ${np}, and what were the two totals?`,
          `Was there more ${np} on day ${d1} or on day ${d2}?`,
        ]),
        `day ${win} (day ${d1}: ${fmt(v1, o.dec)}, day ${d2}: ${fmt(v2, o.dec)})`,
        (a) =>
          all(
            winnerFirst(a, dayRe(win), dayRe(lose), `day ${win}`),
            states(a, v1, o.dec),
            states(a, v2, o.dec),
          ),
      );
    } else {
      // Two people.
      const o = pick(OUTPUTS.filter((x) => x.who));
      const r = spanRange();
      const sums = actorSums(o, r);
      const actors = [...sums.keys()];
      if (actors.length < 2) return;
      const p1 = pick(actors);
      const p2 = pick(actors.filter((x) => x !== p1));
      const v1 = clean(sums.get(p1) ?? 0);
      const v2 = clean(sums.get(p2) ?? 0);
      if (v1 === v2 || edgy(v1, o.dec) || edgy(v2, o.dec)) return;
      const win = v1 > v2 ? p1 : p2;
      const lose = win === p1 ? p2 : p1;
      const w = r.in === '' ? '' : ` ${r.in}`;
      const esc = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      add(
        'compare',
        pick([
          `Who ${MORE[o.key]}${w}, ${p1} or ${p2}?`,
          `${r.in ? `${cap(r.in)}, which` : 'Which'} of the two ${MORE[o.key]}: ${p1} or ${p2}?`,
        ]),
        `${win} (${p1} ${fmt(v1, o.dec)}, ${p2} ${fmt(v2, o.dec)})`,
        (a) => all(winnerFirst(a, esc(win), esc(lose), win), states(a, v1, o.dec), states(a, v2, o.dec)),
      );
    }
  });
  function actorSums(o: Output, r: Range) {
    const sums = new Map<string, number>();
    for (const d of daysIn(r))
      for (const e of outEvents(o, d))
        if (e.actor) sums.set(e.actor, (sums.get(e.actor) ?? 0) + Number(e.data[o.key]));
    return sums;
  }

  // ---------------------------------------------------------------------------------------------
  // trend: least-squares slope per day of a daily series.
  function slope(pts: { x: number; y: number }[]) {
    const mx = mean(pts.map((p) => p.x));
    const my = mean(pts.map((p) => p.y));
    let num = 0;
    let den = 0;
    for (const p of pts) {
      num += (p.x - mx) * (p.y - my);
      den += (p.x - mx) ** 2;
    }
    return num / den;
  }
  fillForm('trend', 26, () => {
    const r = rangeOf(
      pick(['lastmonth', 'thismonth', 'lastK', 'lastK', 'week', 'between', 'all', 'lastweek']),
    );
    let pts: { x: number; y: number }[] = [];
    let label: string;
    let unit: string;
    if (rnd() < 0.65) {
      const o = rnd() < 0.8 ? pick(MAIN_OUTPUTS) : pick(OUTPUTS);
      const rep = reportedIn(o.town, r);
      if (rep.some((d) => outEvents(o, d).length === 0)) return;
      pts = rep.map((d) => ({ x: d, y: dayTotal(o, d) }));
      label = `the daily total of ${fill(pick(o.np), o.town)}`;
      unit = `${o.unit} a day`;
    } else {
      const rd = pick(READINGS);
      const t = pick(rd.towns);
      pts = daysIn(r)
        .filter((d) => readingsOn(rd, t, d).length > 0)
        .map((d) => ({ x: d, y: mean(readingsOn(rd, t, d)) }));
      label = `the ${rd.noun} at ${T(t)}`;
      unit = `${rd.unit} a day`;
    }
    if (pts.length < 5) return;
    const s = slope(pts);
    if (!Number.isFinite(s) || Math.abs(s) < 0.006 || edgy(s, 2)) return;
    const up = s > 0;
    const w = r.in === '' ? ' over the whole history' : ` ${r.in}`;
    const style = rnd();
    const truth = `slope ${s.toFixed(3)} ${unit} (${up ? 'rising' : 'falling'})`;
    if (style < 0.5) {
      add(
        'trend',
        pick([
          `Is ${label} trending up or down${w}, and by how much a day?`,
          `${cap(w.trim())}, has ${label} been rising or falling? Give the slope per day.`,
          `What's the least-squares trend of ${label}${w}, per day?`,
        ]),
        truth,
        (a) =>
          all(
            up
              ? /\b(ris|up|increas|grow|climb|higher)/i.test(a) || states(a, s, 2) === null
                ? null
                : 'does not say rising'
              : /\b(fall|down|decreas|declin|drop|lower|shrink)/i.test(a) || states(a, s, 2) === null
                ? null
                : 'does not say falling',
            statesSigned(a, s, 2),
          ),
      );
    } else if (style < 0.8) {
      add(
        'trend',
        pick([
          `By how much per day did ${label} change${w}, on a straight-line fit?`,
          `Fit a trend line to ${label}${w}: what is its slope per day?`,
        ]),
        truth,
        (a) => states(a, s, 2),
      );
    } else {
      const ask = rnd() < 0.5;
      add(
        'trend',
        `Was ${label} ${ask ? 'rising' : 'falling'}${w}? Give the slope.`,
        `${ask === up ? 'yes' : 'no'}; ${truth}`,
        (a) => all(trueFalse(a, ask === up), statesSigned(a, s, 2)),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // extreme-event: the largest single haul, raid, sale, shipment.
  fillForm('extreme-event', 22, () => {
    const r = spanRange();
    const kind = rnd();
    let vals: RawEvent[];
    let key: string;
    let dec = 0;
    let q: string;
    let unit: string;
    const w = r.in === '' ? '' : ` ${r.in}`;
    if (kind < 0.55) {
      const o = pick(MAIN_OUTPUTS.concat(OUTPUTS.filter((x) => x.kind === 'trade')));
      vals = daysIn(r).flatMap((d) => outEvents(o, d));
      key = o.key;
      dec = o.dec;
      unit = o.unit;
      const big = {
        fish: [
          'What was the largest single haul of fish{w}?',
          'How many fish were in the biggest single catch{w}?',
        ],
        harvest: [
          'What was the biggest single harvest report at the farms{w}?',
          'How much grain came in on the best single day in the fields, counting one report only{w}?',
        ],
        ore_tons: [
          'What was the most ore mined in one shift{w}?',
          'How much ore did the biggest single shift at the mines bring up{w}?',
        ],
        drinks: [
          'What was the most drinks poured in a single night at the Den{w}?',
          'How many drinks were served in the busiest single night at the tavern{w}?',
        ],
        flour_lbs: ['What was the most flour the mill ground in one go{w}?'],
        raid_gold: [
          'What was the richest single raid{w}, in gold?',
          'How much gold did the biggest raid bring home{w}?',
        ],
        value_gold: [
          `What was the largest single sale ${o.town === 'circuiton' ? 'Circuiton' : 'PatchBourough'} made{w}, in gold?`,
        ],
      } as Record<string, string[]>;
      q = pick(big[o.key] ?? [`What was the largest single ${o.event} of ${o.unit}{w}?`]);
    } else if (kind < 0.8) {
      // The biggest shipment out of a town, in crates.
      const t = pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      vals = daysIn(r).flatMap((d) => evOn(t, d).filter((e) => e.kind === 'trade' && e.data.from === t));
      key = 'cargo_items';
      unit = 'crates';
      q = pick([
        `How many crates were in the biggest single shipment ${townName(t)} sent out{w}?`,
        `What's the largest shipment, in crates, that left ${townName(t)}{w}?`,
      ]);
    } else {
      const t = pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      vals = daysIn(r).flatMap((d) => evOn(t, d).filter((e) => e.kind === 'loss'));
      key = 'loot_gold';
      unit = 'gold';
      q = pick([
        `What was the most gold ${townName(t)} lost in a single robbery{w}?`,
        `How much gold did the worst single robbery of ${townName(t)}'s shipments cost it{w}?`,
      ]);
    }
    if (vals.length < 2) return;
    const max = Math.max(...vals.map((e) => Number(e.data[key])));
    if (max <= 0 || edgy(max, dec)) return;
    const maxDays = [...new Set(vals.filter((e) => Number(e.data[key]) === max).map((e) => e.day))];
    const askDay = maxDays.length === 1 && rnd() < 0.4;
    const question = q.replace('{w}', w) + (askDay ? ' On which day was it?' : '');
    add(
      'extreme-event',
      question,
      `${fmt(max, dec)} ${unit}${askDay ? ` on day ${at(maxDays, 0)}` : ''}`,
      (a) => all(states(a, max, dec), askDay ? namesDay(a, at(maxDays, 0)) : null),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // which-day: the day of the largest event, the first/last time.
  fillForm('which-day', 16, () => {
    const r = spanRange();
    const days = daysIn(r);
    if (days.length < 5) return;
    if (rnd() < 0.55) {
      const h = pick(HAPS);
      const hit = days.filter((d) => happenedOn(h, d));
      if (hit.length === 0) return;
      const first = rnd() < 0.5;
      const d = first ? at(hit, 0) : at(hit, hit.length - 1);
      const c = fill(h.clause, h.town);
      const w = r.in === '' ? '' : ` ${r.in}`;
      add(
        'which-day',
        pick([
          `What was the ${first ? 'first' : 'last'} day${w} on which ${c}?`,
          `${r.in ? `${cap(r.in)}, when` : 'When'} was the ${first ? 'first' : 'most recent'} day that ${c}?`,
          `Which day${w} was the ${first ? 'earliest' : 'latest'} one when ${c}?`,
        ]),
        `day ${d}`,
        (a) => namesDay(a, d),
      );
    } else {
      const o = pick(MAIN_OUTPUTS);
      const evs = days.flatMap((d) => outEvents(o, d));
      if (evs.length < 2) return;
      const max = Math.max(...evs.map((e) => Number(e.data[o.key])));
      const ds = [...new Set(evs.filter((e) => Number(e.data[o.key]) === max).map((e) => e.day))];
      if (ds.length !== 1 || max <= 0) return;
      const w = r.in === '' ? '' : ` ${r.in}`;
      add(
        'which-day',
        pick([
          `On what day did ${SINGLE[o.key]}${w} happen?`,
          `${cap(SINGLE[o.key] ?? '')}${w}: which day was that?`,
          `What day saw ${SINGLE[o.key]}${w}?`,
        ]),
        `day ${at(ds, 0)} (${fmt(max, o.dec)} ${o.unit})`,
        (a) => namesDay(a, at(ds, 0)),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // which-town: the town with the most rain, the warmest, the most gold lost, crates shipped.
  fillForm('which-town', 16, () => {
    const r = spanRange();
    const kind = rnd();
    let vals: { t: Town; v: number }[];
    let dec: number;
    let q: string;
    let unit: string;
    const w = r.in === '' ? '' : ` ${r.in}`;
    const hi = rnd() < 0.65;
    if (kind < 0.55) {
      const rd = pick(READINGS.filter((x) => x.towns.length === 4).concat([RAIN, RAIN]));
      const isRain = rd === RAIN;
      vals = TOWNS.map((t) => {
        const xs = readingsIn(rd, t, r);
        return {
          t,
          v: xs.length === 0 ? Number.NaN : isRain ? clean(xs.reduce((s, x) => s + x, 0)) : mean(xs),
        };
      });
      dec = rd.dec;
      unit = rd.unit;
      q = isRain
        ? hi
          ? pick([
              `Which town got the most rain${w}?`,
              `What was the wettest town${w}, and how much rain fell there?`,
            ])
          : pick([`Which town got the least rain${w}?`, `Which was the driest town${w}, by total rainfall?`])
        : pick([
            `Which town had the ${hi ? 'highest' : 'lowest'} average ${rd.noun}${w}?`,
            `Whose ${rd.noun} ran ${hi ? 'highest' : 'lowest'} on average${w} — which town?`,
            `The town whose mean ${rd.noun} was the ${hi ? 'highest' : 'lowest'}${w}: which one was it?`,
          ]);
    } else if (kind < 0.8) {
      const ts: Town[] = ['port-logic', 'patchbourough', 'circuiton'];
      vals = ts.map((t) => ({
        t,
        v: daysIn(r)
          .flatMap((d) => evOn(t, d).filter((e) => e.kind === 'loss'))
          .reduce((s, e) => s + Number(e.data.loot_gold), 0),
      }));
      dec = 0;
      unit = 'gold';
      q = hi
        ? pick([
            `Which town lost the most gold to the pirates${w}?`,
            `Whose shipments cost it the most gold in robberies${w}?`,
          ])
        : pick([`Which town lost the least gold to the pirates${w}?`]);
    } else {
      const ts: Town[] = ['port-logic', 'patchbourough', 'circuiton'];
      vals = ts.map((t) => ({
        t,
        v: daysIn(r)
          .flatMap((d) => evOn(t, d).filter((e) => e.kind === 'trade' && e.data.from === t))
          .reduce((s, e) => s + Number(e.data.cargo_items), 0),
      }));
      dec = 0;
      unit = 'crates';
      q = hi
        ? pick([
            `Which town shipped out the most crates${w}?`,
            `Which town sent the most crates of goods down the routes${w}?`,
          ])
        : pick([`Which town shipped out the fewest crates${w}?`]);
    }
    if (vals.some((x) => Number.isNaN(x.v))) return;
    vals.sort((x, y) => (hi ? y.v - x.v : x.v - y.v));
    if (Math.abs(at(vals, 0).v - at(vals, 1).v) < 1e-9 || edgy(at(vals, 0).v, dec)) return;
    if (unit === 'mm' && hi && at(vals, 0).v <= 0) return;
    const win = at(vals, 0);
    add(
      'which-town',
      q,
      `${townName(win.t)} (${fmt(win.v, dec + (unit === 'gold' || unit === 'crates' ? 0 : 1))} ${unit})`,
      (a) =>
        all(
          TOWNS.filter((t) => t !== win.t).some((t) => firstAt(a, townRe(t)) < firstAt(a, townRe(win.t)))
            ? `does not name ${townName(win.t)} first`
            : winnerFirst(a, townRe(win.t), /$^/, townName(win.t)),
          states(a, win.v, dec),
        ),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // who: the actor with the largest sum.
  fillForm('who', 11, () => {
    const o = pick(OUTPUTS.filter((x) => x.who));
    const r = spanRange();
    const sums = [...actorSums(o, r)].map(([p, v]) => ({ p, v: clean(v) })).sort((x, y) => y.v - x.v);
    if (sums.length < 2 || at(sums, 0).v === at(sums, 1).v || edgy(at(sums, 0).v, o.dec)) return;
    const w = r.in === '' ? '' : ` ${r.in}`;
    const top = at(sums, 0);
    add(
      'who',
      pick([
        `Who ${o.who}${w}, and ${howMany(o.unit)}?`,
        `${r.in ? `${cap(r.in)}, which` : 'Which'} worker ${o.who}? Say how much.`,
        `Name the person who ${o.who}${w}.`,
      ]),
      `${top.p} (${fmt(top.v, o.dec)} ${o.unit})`,
      (a) => all(names(a, top.p), states(a, top.v, o.dec)),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // did: yes or no.
  fillForm('did', 13, () => {
    if (rnd() < 0.6) {
      const h = pick(HAPS);
      const r =
        rnd() < 0.5
          ? rangeOf(pick(['today', 'yesterday', 'day']))
          : rangeOf(pick(['week', 'lastweek', 'thisweek', 'lastK']));
      const yes = daysIn(r).some((d) => happenedOn(h, d));
      const c = fill(h.clause, h.town);
      add(
        'did',
        pick([
          `Is it true that ${c} ${r.in}?`,
          `${cap(r.in)}, did it happen that ${c}?`,
          `Yes or no: ${c} ${r.in}.`,
        ]),
        yes ? 'yes' : 'no',
        (a) => trueFalse(a, yes),
      );
    } else {
      const o = pick(MAIN_OUTPUTS);
      const r = spanRange();
      const v = total(o, r);
      if (v <= 0) return;
      const f = rnd() < 0.5 ? 0.85 : 1.15;
      const thr = o.dec === 0 ? Math.round((v * f) / 10) * 10 : round(v * f, 0);
      if (Math.abs(thr - v) < 1e-6) return;
      const yes = v > thr;
      const np = fill(pick(o.np), o.town);
      add(
        'did',
        pick([
          `Did the total of ${np} top ${thr} ${o.unit} ${r.in || 'in all'}?`,
          `Was the total of ${np} ${r.in || 'over the whole history'} more than ${thr} ${o.unit}?`,
        ]),
        `${yes ? 'yes' : 'no'} (${fmt(v, o.dec)})`,
        (a) => trueFalse(a, yes),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // count: how many times (events).
  fillForm('count', 10, () => {
    const h = pick(HAPS.filter((x) => x.events));
    const r = spanRange();
    const k = daysIn(r).flatMap((d) => evOn(h.town, d).filter(h.test)).length;
    if (k === 0 && rnd() < 0.6) return;
    const np = fill(h.events ?? '', h.town);
    const w = r.in === '' ? ' so far' : ` ${r.in}`;
    add(
      'count',
      pick([
        `How many ${np} were there${w}?`,
        `${r.in ? cap(r.in) : 'Over the whole record'}, count the ${np}.`,
        `What's the number of ${np}${w}?`,
      ]),
      `${k} events`,
      (a) => statesCount(a, k),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // filter: whose shipment, which goods, from/to/overseas.
  fillForm('filter', 17, () => {
    const r = spanRange();
    const w = r.in === '' ? '' : ` ${r.in}`;
    const kind = rnd();
    const evs = (t: Town, test: (e: RawEvent) => boolean) =>
      daysIn(r).flatMap((d) => evOn(t, d).filter(test));
    let v: number;
    let q: string;
    let unit: string;
    let dec = 0;
    if (kind < 0.25) {
      const tgt = pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      v = evs('den-of-thieves', (e) => e.kind === 'raid' && e.data.target === tgt).reduce(
        (s, e) => s + Number(e.data.raid_gold),
        0,
      );
      unit = 'gold';
      q = pick([
        `How much gold did the pirates take from ${townName(tgt)}'s shipments${w}?`,
        `What did raids on shipments from ${townName(tgt)} bring the Den${w}, in gold?`,
      ]);
    } else if (kind < 0.45) {
      const routes: [Town, Town, string, string][] = [
        ['patchbourough', 'circuiton', 'flour', 'lbs'],
        ['patchbourough', 'port-logic', 'flour', 'lbs'],
        ['port-logic', 'circuiton', 'fish', 'fish'],
        ['port-logic', 'patchbourough', 'fish', 'fish'],
        ['patchbourough', 'circuiton', 'tools', 'tools'],
        ['port-logic', 'patchbourough', 'spices', 'sacks'],
      ];
      const [from, to, goods, u] = pick(routes);
      const crates = rnd() < 0.5;
      const list = evs(
        from,
        (e) => e.kind === 'trade' && e.data.from === from && e.data.to === to && e.data.goods === goods,
      );
      v = clean(list.reduce((s, e) => s + Number(crates ? e.data.cargo_items : e.data.quantity), 0));
      unit = crates ? 'crates' : u;
      q = crates
        ? `How many crates of ${goods} did ${townName(from)} send to ${townName(to)}${w}?`
        : `How much ${goods} went from ${townName(from)} to ${townName(to)}${w}, in ${u}?`;
    } else if (kind < 0.65) {
      const out = rnd() < 0.5;
      const list = evs(
        'port-logic',
        (e) => e.kind === 'trade' && (out ? e.data.to === 'overseas' : e.data.from === 'overseas'),
      );
      v = list.reduce((s, e) => s + (typeof e.data.value_gold === 'number' ? e.data.value_gold : 0), 0);
      unit = 'gold';
      q = out
        ? pick([
            `How much gold did Port Logic's sales overseas bring in${w}?`,
            `What were the harbour's overseas exports worth${w}, in gold?`,
          ])
        : pick([
            `How much gold did Port Logic spend on goods bought from overseas${w}?`,
            `What were the imports from overseas at the port worth${w}?`,
          ]);
    } else if (kind < 0.82) {
      const to = pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const from = pick((['port-logic', 'patchbourough', 'circuiton'] as Town[]).filter((x) => x !== to));
      v = evs(to, (e) => e.kind === 'arrival' && e.data.from === from).length;
      unit = 'shipments';
      q = pick([
        `How many shipments from ${townName(from)} reached ${townName(to)}${w}?`,
        `Count the arrivals at ${townName(to)} that came from ${townName(from)}${w}.`,
      ]);
    } else {
      const goods = pick(['flour', 'metal', 'tools', 'fish', 'spices', 'textiles', 'trinkets']);
      const list = evs(
        'den-of-thieves',
        (e) => e.kind === 'raid' && e.data.goods === goods && Number(e.data.raid_gold) > 0,
      );
      v = list.length;
      unit = 'raids';
      if (rnd() < 0.5) {
        v = list.reduce((s, e) => s + Number(e.data.raid_gold), 0);
        unit = 'gold';
        q = `How much gold did the pirates get from raids on ${goods} shipments${w}?`;
      } else q = `How many raids${w} were on shipments of ${goods}?`;
    }
    if (v === 0 && rnd() < 0.7) return;
    dec = 0;
    if (edgy(v, dec)) return;
    add('filter', q, `${fmt(v, dec)} ${unit}`, (a) =>
      unit === 'gold' || unit === 'raids' || unit === 'shipments'
        ? statesCount(a, v)
        : v === 0
          ? statesCount(a, 0)
          : states(a, v, dec),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // mean: of a reading, of an output per day, per event.
  fillForm('mean', 12, () => {
    const r = spanRange();
    const w = r.in === '' ? '' : ` ${r.in}`;
    const kind = rnd();
    if (kind < 0.4) {
      const rd = pick(READINGS);
      const t = pick(rd.towns);
      const xs = readingsIn(rd, t, r);
      if (xs.length < 3) return;
      const m = mean(xs);
      if (edgy(m, rd.dec)) return;
      add(
        'mean',
        pick([
          `What was the average ${rd.noun} at ${T(t)}${w}?`,
          `${r.in ? cap(r.in) : 'Over all the readings'}, what did the ${rd.noun} at ${T(t)} average?`,
        ]),
        `${fmt(m, rd.dec + 2)} ${rd.unit} (mean of ${xs.length} readings)`,
        (a) => states(a, m, rd.dec),
      );
    } else if (kind < 0.7) {
      const o = pick(MAIN_OUTPUTS);
      const rep = reportedIn(o.town, r);
      if (rep.length < 2) return;
      const m = total(o, r) / rep.length;
      if (edgy(m, o.dec)) return;
      add(
        'mean',
        pick([
          `${cap(fill(pick(o.how), o.town))} per day, on average${w ? `,${w}` : ''}?`,
          `What was the daily average of ${fill(pick(o.np), o.town)}${w}?`,
        ]),
        `${fmt(m, o.dec + 2)} ${o.unit} a day (over ${rep.length} days)`,
        (a) => states(a, m, o.dec),
      );
    } else {
      const o = pick(MAIN_OUTPUTS.filter((x) => x.key !== 'flour_lbs'));
      const evs = daysIn(r).flatMap((d) => outEvents(o, d));
      if (evs.some((e) => Number(e.data[o.key]) <= 0 && o.key === 'raid_gold')) return;
      if (evs.length < 2) return;
      const m = mean(evs.map((e) => Number(e.data[o.key])));
      if (edgy(m, o.dec)) return;
      add(
        'mean',
        `${cap(fill(pick(o.how), o.town))}, on average, per ${o.event}${w}?`,
        `${fmt(m, o.dec + 2)} ${o.unit} (mean of ${evs.length})`,
        (a) => states(a, m, o.dec),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // total: a sum in a named time.
  fillForm('total', 12, () => {
    const r = rangeOf(
      pick([
        'today',
        'yesterday',
        'day',
        'week',
        'lastweek',
        'thisweek',
        'lastK',
        'between',
        'lastmonth',
        'thismonth',
      ]),
    );
    if (rnd() < 0.8) {
      const o = rnd() < 0.6 ? pick(MAIN_OUTPUTS) : pick(OUTPUTS);
      const v = total(o, r);
      if (v <= 0 || edgy(v, o.dec)) return;
      const how = fill(pick(o.how), o.town);
      add(
        'total',
        pick([`${cap(how)} ${r.in}?`, `${cap(r.in)}, ${how}?`]),
        `${fmt(v, o.dec)} ${o.unit}`,
        (a) => states(a, v, o.dec),
      );
    } else {
      const t = pick(TOWNS);
      const v = clean(readingsIn(RAIN, t, r).reduce((s, x) => s + x, 0));
      if (v <= 0 || edgy(v, 1)) return;
      add(
        'total',
        pick([
          `How much rain fell at ${T(t)} ${r.in}?`,
          `${cap(r.in)}, what was the total rainfall at ${T(t)}?`,
        ]),
        `${fmt(v, 1)} mm`,
        (a) => states(a, v, 1),
      );
    }
  });

  // ---------------------------------------------------------------------------------------------
  // scope: no time named, the whole history.
  fillForm('scope', 7, () => {
    const all1: Range = { a: 1, b: N, in: '', noun: 'all' };
    const o = pick(OUTPUTS);
    const v = total(o, all1);
    if (v <= 0 || edgy(v, o.dec)) return;
    const how = fill(pick(o.how), o.town);
    add(
      'scope',
      pick([
        `${cap(how)} in total?`,
        `${cap(how)} so far?`,
        `Across the whole record, ${how}?`,
        `All time: ${how}?`,
      ]),
      `${fmt(v, o.dec)} ${o.unit} (days 1–${N})`,
      (a) => states(a, v, o.dec),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // future.
  const FUT = [
    'How many fish will Port Logic catch tomorrow?',
    'What will the temperature be at Circuiton on day 900?',
    'How much ore is the mine going to produce next week?',
    'Will the pirates raid anyone on day 1200?',
    'How many drinks will the Den pour on day 750?',
    'What will the harvest be at PatchBourough on day 480?',
  ];
  for (const q of FUT.slice(0, 5))
    add('future', q, 'has not happened yet', (a) =>
      NOT_YET.test(a) ? null : 'does not say it has not happened yet',
    );

  // ---------------------------------------------------------------------------------------------
  // role.
  const ROLE: [string, string[]][] = [
    ['Who keeps the forge at PatchBourough?', ['Garrick Stone']],
    ['Who is the miller in the river town?', ['Rosalind Grist']],
    ['Who pours the drinks at the Den of Thieves?', ['Greta Grog']],
    ['Who captains the pirates of the Black Gull?', ['Mara Blackwater']],
    ['Which two people teach at the Academy in Circuiton?', ['Elden Cogsworth', 'Tilda Gearhart']],
    ['Who makes the arrows on the pirate island?', ['Skiv']],
    ['What does Maren Knot do for a living?', ['net']],
  ];
  for (const [q, ws] of ROLE.slice(0, 6))
    add('role', q, ws.join(', '), (a) => all(...ws.map((x) => names(a, x))));

  // ---------------------------------------------------------------------------------------------
  // correlate: Pearson r of two daily series.
  fillForm('correlate', 4, () => {
    const r = rangeOf(pick(['lastmonth', 'thismonth', 'all']));
    const pairs: [Output, Reading, Town][] = [
      [at(OUTPUTS, 0), at(READINGS, 0), 'port-logic'],
      [at(OUTPUTS, 0), at(READINGS, 1), 'port-logic'],
      [at(OUTPUTS, 3), at(READINGS, 0), 'patchbourough'],
      [at(OUTPUTS, 6), at(READINGS, 0), 'circuiton'],
      [at(OUTPUTS, 10), at(READINGS, 1), 'den-of-thieves'],
    ];
    const [o, rd, t] = pick(pairs);
    const days = reportedIn(o.town, r).filter((d) => readingsOn(rd, t, d).length > 0);
    if (days.length < 5) return;
    const xs = days.map((d) => dayTotal(o, d));
    const ys = days.map((d) => mean(readingsOn(rd, t, d)));
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (at(xs, i) - mx) * (at(ys, i) - my);
      sxx += (at(xs, i) - mx) ** 2;
      syy += (at(ys, i) - my) ** 2;
    }
    const rr = sxy / Math.sqrt(sxx * syy);
    if (!Number.isFinite(rr) || edgy(rr, 2)) return;
    const w = r.in === '' ? '' : ` ${r.in}`;
    add(
      'correlate',
      `How closely does the daily total of ${fill(pick(o.np), o.town)} track the day's mean ${rd.noun} there${w}? Give Pearson's r.`,
      `r = ${rr.toFixed(3)}`,
      (a) => states(a, rr, 2),
    );
  });

  void typoTurn;
  return cases;
}

const RAIN: Reading = {
  key: 'rain_mm',
  dec: 1,
  unit: 'mm',
  towns: TOWNS,
  noun: 'rainfall',
  hi: 'wettest',
  lo: 'driest',
  hiDay: 'the wettest day',
  loDay: 'the driest day',
};

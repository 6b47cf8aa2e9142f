/**
 * The generated development set: well over a thousand questions of every form, built from templates
 * crossed with the world's towns (and their nicknames), the numbers each town's events carry, the
 * happenings and flags its kinds declare, its people and their roles, and many ways of naming a time.
 * Every truth is computed here, from the raw events the simulation wrote, with plain filters, sums
 * and means (eval/CONVENTIONS.md says what a right answer is); nothing here reads the agent.
 *
 * What a question can be about is derived from the world (`WORLD` by default: its towns' kinds,
 * metrics, readings, flags, happenings, fields and people), so a town a world builder adds gets
 * questions too; the tables below only add natural words for the built-in numbers, and every
 * template falls back to the world's own labels and phrases.
 *
 * Deterministic for a history and a seed: the same events and seed give the same questions, in the
 * same order, with the same typos. Only absolute days ≤ 55 are named, so the set fits 60 and 400
 * days alike. A question whose truth is degenerate (a tie, nothing to compare, a value on a rounding
 * boundary) is not asked.
 */
import { COMMON_KINDS, emitsCommon, RAID_KIND, SENSOR_KIND } from '../src/world/kinds.ts';
import { WORLD } from '../src/world/map.ts';
import type { AnyTownRules, EventKindDef, MetricDef } from '../src/world/town.ts';
import type { World } from '../src/world/world.ts';
import {
  type Case,
  numbersOf,
  type RawEvent,
  type Reply,
  round,
  saysNotYet,
  saysYes,
  states,
} from './checks.ts';

/** A generated case: the check, with what the truth is and where a typo was put. */
export interface GeneratedCase extends Case {
  truth: string;
  /** The template family it was built from ("total/howMuch"). */
  template: string;
  /** "word → wrod" when a typo was injected. */
  typo?: string;
}

/** The forms of the set, in the order they are reported. */
export const GENERATED_FORMS = [
  'total',
  'scope',
  'mean',
  'min',
  'max',
  'count',
  'days',
  'extreme-event',
  'extreme-day',
  'which-day',
  'which-town',
  'who',
  'compare',
  'filter',
  'correlate',
  'trend',
  'both',
  'did',
  'future',
  'role',
] as const;
export type GeneratedForm = (typeof GENERATED_FORMS)[number];

/** How many questions of each form a history gets (fewer when too few have a unique answer). */
const QUOTA: Record<GeneratedForm, number> = {
  total: 100,
  scope: 80,
  mean: 100,
  min: 60,
  max: 60,
  count: 80,
  days: 70,
  'extreme-event': 60,
  'extreme-day': 70,
  'which-day': 90,
  'which-town': 70,
  who: 60,
  compare: 100,
  filter: 90,
  correlate: 50,
  trend: 50,
  both: 50,
  did: 90,
  future: 40,
  role: 45,
};

/** The share of questions given one typo. */
const TYPO_SHARE = 0.2;
/** The last absolute day a question may name. */
const LAST_NAMED_DAY = 55;

// --- Seeded randomness ------------------------------------------------------------------------------

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32, seeded from a string: small, fast and the same everywhere. */
class Random {
  private state: number;
  constructor(seed: string, label: string) {
    this.state = hash32(`${seed}|${label}`) || 1;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** One of the list, or undefined when it is empty. */
  maybe<T>(list: readonly T[]): T | undefined {
    return list.length === 0 ? undefined : this.pick(list);
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)] as T;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

// --- Words: what people call the towns, the numbers, the happenings and the roles ---------------------

interface TownRef {
  /** "in Port Logic", "at the port". */
  loc: string;
  /** "Port Logic", "the port". */
  subj: string;
  /** "Port Logic's", "the farms'". */
  poss: string;
  /** The word a typo may hit. */
  word: string;
  /** Names the town's people rather than the place ("the pirates"): not for its weather. */
  people?: boolean;
  /** A place word ("the island") that cannot be the subject of a deed. */
  place?: boolean;
}

/** The nicknames people use for the built-in towns; a town not listed is called by its name. */
const NICKNAMES: Record<string, readonly TownRef[]> = {
  'port-logic': [
    { loc: 'at the port', subj: 'the port', poss: "the port's", word: 'port', place: true },
    { loc: 'in the harbour', subj: 'the harbour', poss: "the harbour's", word: 'harbour', place: true },
  ],
  patchbourough: [{ loc: 'on the farms', subj: 'the farms', poss: "the farms'", word: 'farms', place: true }],
  circuiton: [
    { loc: 'in the mines', subj: 'the mines', poss: "the mines'", word: 'mines', place: true },
    {
      loc: 'in the mountain town',
      subj: 'the mountain town',
      poss: "the mountain town's",
      word: 'mountain',
      place: true,
    },
  ],
  'den-of-thieves': [
    { loc: 'on the island', subj: 'the island', poss: "the island's", word: 'island', place: true },
    { loc: 'in the Den', subj: 'the Den', poss: "the Den's", word: 'Den' },
    { loc: 'among the pirates', subj: 'the pirates', poss: "the pirates'", word: 'pirates', people: true },
  ],
};

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** Natural words for one number. Every field has a fallback built from the metric's label. */
interface MetricWordsTable {
  noun?: string;
  verb?: string;
  /** "How many fish were caught" (a question opener, without place or time). */
  howMuch?: string;
  /** "How many fish did {subj} catch". */
  subjQ?: string;
  /** "How many fish will be caught". */
  will?: string;
  /** The series as a noun phrase, after a possessive: "daily fish catch". */
  daily?: string;
  /** A reading's name after "average": "wind speed". */
  meanNP?: string;
  /** One event of it: "fishing trip". */
  event?: string;
  /** "the biggest single catch of fish". */
  oneMax?: string;
  /** "the biggest daily catch of fish". */
  dayMax?: string;
  /** "Who caught the most fish". */
  whoMost?: string;
  /** "On which day were the most fish caught". */
  mostDay?: string;
  /** "Were more fish caught" (then: in A or B, in week 3 or week 4). */
  more?: string;
  /** Superlatives of a day or a town, highest first: ["hottest", "coldest"]. */
  adj?: [string, string];
  /** Comparatives, higher first: ["warmer", "colder"]. */
  cmp?: [string, string];
  /** A single reading at its highest and lowest: ["highest temperature", "lowest temperature"]. */
  hi?: [string, string];
  /** "Which town got the most rain". */
  whichMost?: string;
}

const WORDS: Record<string, MetricWordsTable> = {
  fish: {
    noun: 'fish',
    verb: 'caught',
    howMuch: 'How many fish were caught',
    subjQ: 'How many fish did {subj} catch',
    will: 'How many fish will be caught',
    daily: 'daily fish catch',
    event: 'fishing trip',
    oneMax: 'the biggest single catch of fish',
    dayMax: 'the biggest daily catch of fish',
    whoMost: 'Who caught the most fish',
    mostDay: 'On which day were the most fish caught',
    more: 'Were more fish caught',
  },
  nets: {
    noun: 'nets',
    verb: 'made',
    howMuch: 'How many nets were made',
    will: 'How many nets will be made',
    daily: 'nets made per day',
    event: 'batch at the net loft',
    oneMax: 'the most nets made in one batch',
    dayMax: 'the most nets made in one day',
    whoMost: 'Who made the most nets',
    mostDay: 'On which day were the most nets made',
    more: 'Were more nets made',
  },
  ropes: {
    noun: 'ropes',
    verb: 'made',
    oneMax: 'the most ropes made in one batch',
    howMuch: 'How many ropes were made',
    will: 'How many ropes will be made',
    daily: 'ropes made per day',
    dayMax: 'the most ropes made in one day',
    whoMost: 'Who made the most ropes',
    mostDay: 'On which day were the most ropes made',
    more: 'Were more ropes made',
  },
  harvest: {
    noun: 'harvest',
    verb: 'harvested',
    howMuch: 'How much grain was harvested',
    will: 'How much grain will be harvested',
    daily: 'daily harvest',
    oneMax: 'the biggest single harvest',
    dayMax: 'the biggest daily harvest',
    whoMost: 'Who harvested the most grain',
    mostDay: 'On which day was the harvest biggest',
    more: 'Was more grain harvested',
  },
  flour_lbs: {
    noun: 'flour',
    verb: 'milled',
    howMuch: 'How much flour was milled',
    will: 'How much flour will be milled',
    daily: 'daily flour output',
    event: 'grinding at the mill',
    oneMax: 'the most flour milled in a single grinding',
    dayMax: 'the most flour milled in one day',
    whoMost: 'Who milled the most flour',
    mostDay: 'On which day was the most flour milled',
    more: 'Was more flour milled',
  },
  grain_lbs: {
    noun: 'grain',
    verb: 'ground',
    howMuch: 'How much grain was ground at the mill',
    will: 'How much grain will be ground at the mill',
    daily: 'grain ground at the mill per day',
    event: 'grinding at the mill',
    oneMax: 'the most grain ground at the mill in a single grinding',
    dayMax: 'the most grain ground at the mill in one day',
    whoMost: 'Who ground the most grain at the mill',
    mostDay: 'On which day was the most grain ground at the mill',
    more: 'Was more grain ground at the mill',
  },
  tools: {
    noun: 'tools',
    verb: 'forged',
    howMuch: 'How many tools were forged',
    will: 'How many tools will be forged',
    daily: 'tools forged per day',
    dayMax: 'the most tools forged in one day',
    whoMost: 'Who forged the most tools',
    mostDay: 'On which day were the most tools forged',
    more: 'Were more tools forged',
  },
  ore_tons: {
    noun: 'ore',
    verb: 'mined',
    howMuch: 'How much ore was mined',
    subjQ: 'How much ore did {subj} mine',
    will: 'How much ore will be mined',
    daily: 'daily ore output',
    event: 'mining shift',
    oneMax: 'the most ore mined in a single shift',
    dayMax: 'the most ore mined in one day',
    whoMost: 'Who mined the most ore',
    mostDay: 'On which day was the most ore mined',
    more: 'Was more ore mined',
  },
  metal_lbs: {
    noun: 'metal',
    verb: 'processed',
    howMuch: 'How much metal was processed',
    will: 'How much metal will be processed',
    daily: 'daily metal output',
    event: 'mining shift',
    oneMax: 'the most metal processed in a single shift',
    dayMax: 'the most metal processed in one day',
    whoMost: 'Whose shifts processed the most metal',
    mostDay: 'On which day was the most metal processed',
    more: 'Was more metal processed',
  },
  trinkets: {
    noun: 'trinkets',
    verb: 'made',
    howMuch: 'How many trinkets were made',
    will: 'How many trinkets will be made',
    daily: 'trinkets made per day',
    dayMax: 'the most trinkets made in one day',
    whoMost: 'Who made the most trinkets',
    mostDay: 'On which day were the most trinkets made',
    more: 'Were more trinkets made',
  },
  learned: {
    noun: 'pupils',
    verb: 'learned',
    howMuch: 'How many pupils learned a craft',
    will: 'How many pupils will learn a craft',
    daily: 'pupils who learned a craft per day',
    dayMax: 'the most pupils who learned a craft in one day',
    whoMost: 'Whose pupils learned the most crafts',
    mostDay: 'On which day did the most pupils learn a craft',
    more: 'Did more pupils learn a craft',
  },
  drinks: {
    noun: 'drinks',
    verb: 'poured',
    howMuch: 'How many drinks were poured',
    will: 'How many drinks will be poured',
    daily: 'drinks poured per day',
    event: 'round at the tavern',
    oneMax: 'the most drinks poured in a single round',
    dayMax: 'the most drinks poured in one day',
    whoMost: 'Who poured the most drinks',
    mostDay: 'On which day were the most drinks poured',
    more: 'Were more drinks poured',
  },
  arrows: {
    noun: 'arrows',
    verb: 'made',
    howMuch: 'How many arrows were made',
    will: 'How many arrows will be made',
    daily: 'arrows made per day',
    event: 'batch of arrows',
    oneMax: 'the biggest single batch of arrows',
    dayMax: 'the most arrows made in one day',
    whoMost: 'Who made the most arrows',
    mostDay: 'On which day were the most arrows made',
    more: 'Were more arrows made',
  },
  raid_gold: {
    noun: 'gold',
    verb: 'raids',
    howMuch: 'How much gold was taken in raids',
    subjQ: 'How much gold did {subj} take in raids',
    will: 'How much gold will the raids bring',
    daily: 'daily raid gold',
    event: 'raid',
    oneMax: 'the richest single raid',
    dayMax: 'the most gold taken in raids in one day',
    whoMost: 'Who took the most gold in raids',
    mostDay: 'On which day did the raids bring the most gold',
    more: 'Was more gold taken in raids',
  },
  loot_gold: {
    noun: 'gold',
    verb: 'lost',
    howMuch: 'How much gold was lost to the pirates',
    subjQ: 'How much gold did {subj} lose to the pirates',
    will: 'How much gold will be lost to the pirates',
    daily: 'gold lost to the pirates per day',
    event: 'robbery',
    oneMax: 'the costliest single robbery',
    dayMax: 'the most gold lost to the pirates in one day',
    mostDay: 'On which day was the most gold lost to the pirates',
    more: 'Was more gold lost to the pirates',
    whichMost: 'Which town lost the most gold to the pirates',
  },
  value_gold: {
    noun: 'gold',
    verb: 'earned',
    howMuch: 'How much gold was earned in trade',
    subjQ: 'How much gold did {subj} earn from trade',
    will: 'How much gold will trade bring',
    daily: 'daily trade income',
    event: 'sale',
    oneMax: 'the biggest single sale',
    dayMax: 'the most gold earned from trade in one day',
    whoMost: 'Who earned the most gold from trade',
    mostDay: 'On which day did trade earn the most gold',
    more: 'Was more gold earned in trade',
    whichMost: 'Which town earned the most gold from trade',
  },
  cargo_items: {
    noun: 'crates',
    verb: 'shipped',
    howMuch: 'How many crates were shipped',
    subjQ: 'How many crates did {subj} ship',
    will: 'How many crates will be shipped',
    daily: 'crates shipped per day',
    event: 'shipment',
    oneMax: 'the biggest single shipment in crates',
    dayMax: 'the most crates shipped in one day',
    whoMost: 'Who shipped the most crates',
    mostDay: 'On which day were the most crates shipped',
    more: 'Were more crates shipped',
    whichMost: 'Which town shipped the most crates',
  },
  boat_repaired: {
    noun: 'repairs',
    verb: 'repaired',
    howMuch: 'How many ship repairs were made',
    will: 'How many ship repairs will be made',
    daily: 'ship repairs per day',
    mostDay: 'On which day were the most ship repairs made',
    more: 'Were more ship repairs made',
  },
  sails: {
    noun: 'sails',
    verb: 'sighted',
    meanNP: 'number of sails the lookout sighted',
    daily: 'daily mean number of sails sighted',
    will: 'How many sails will the lookout sight',
    hi: ['most sails sighted at once', 'fewest sails sighted at once'],
  },
  temperature_c: {
    noun: 'temperature',
    meanNP: 'temperature',
    daily: 'daily mean temperature',
    will: 'What will the temperature be',
    adj: ['hottest', 'coldest'],
    cmp: ['warmer', 'colder'],
    hi: ['highest temperature', 'lowest temperature'],
  },
  pressure_hpa: {
    noun: 'pressure',
    meanNP: 'air pressure',
    daily: 'daily mean air pressure',
    will: 'What will the air pressure be',
    hi: ['highest air pressure', 'lowest air pressure'],
  },
  humidity_pct: {
    noun: 'humidity',
    meanNP: 'humidity',
    daily: 'daily mean humidity',
    will: 'What will the humidity be',
    adj: ['most humid', 'least humid'],
    cmp: ['more humid', 'less humid'],
    hi: ['highest humidity', 'lowest humidity'],
  },
  wind_kph: {
    noun: 'wind',
    meanNP: 'wind speed',
    daily: 'daily mean wind speed',
    will: 'How strong will the wind be',
    adj: ['windiest', 'calmest'],
    cmp: ['windier', 'calmer'],
    hi: ['strongest wind', 'lightest wind'],
  },
  rain_mm: {
    noun: 'rain',
    verb: 'fell',
    howMuch: 'How much rain fell',
    will: 'How much rain will fall',
    daily: 'daily rainfall',
    dayMax: 'the most rain that fell in one day',
    mostDay: 'Which day had the most rain',
    more: 'Did more rain fall',
    adj: ['wettest', 'driest'],
    hi: ['heaviest single rain reading', 'lightest single rain reading'],
    whichMost: 'Which town got the most rain',
  },
  tide_m: {
    noun: 'tide',
    meanNP: 'tide height',
    daily: 'daily mean tide height',
    will: 'How high will the tide be',
    hi: ['highest tide', 'lowest tide'],
  },
  river_level_m: {
    noun: 'river',
    meanNP: 'river level',
    daily: 'daily mean river level',
    will: 'What will the river level be',
    hi: ['highest river level', 'lowest river level'],
  },
};

interface Words {
  noun: string;
  typos: string[];
  howMuch: string;
  subjQ?: string;
  will: string;
  daily: string;
  meanNP: string;
  event?: string;
  oneMax: string;
  dayMax: string;
  whoMost: string;
  mostDay: string;
  more: string;
  adj?: [string, string];
  cmp?: [string, string];
  hi: [string, string];
  whichMost: string;
}

function wordsOf(def: MetricDef, daily: Agg): Words {
  const t = WORDS[def.key] ?? {};
  const label = def.label;
  const typos = [t.noun, t.verb, ...label.split(' ')].filter((w): w is string => !!w && w.length >= 4);
  return {
    noun: t.noun ?? label,
    typos: [...new Set(typos)],
    howMuch: t.howMuch ?? `What was the total ${label}`,
    ...(t.subjQ ? { subjQ: t.subjQ } : {}),
    will: t.will ?? `How much ${label} will there be`,
    daily: t.daily ?? (daily === 'sum' ? `daily ${label}` : `daily mean ${label}`),
    meanNP: t.meanNP ?? label,
    ...(t.event ? { event: t.event } : {}),
    oneMax: t.oneMax ?? `the largest single report of ${label}`,
    dayMax: t.dayMax ?? `the most ${label} in one day`,
    whoMost: t.whoMost ?? `Who accounted for the most ${label}`,
    mostDay: t.mostDay ?? `Which day had the most ${label}`,
    more: t.more ?? `Was there more ${label}`,
    ...(t.adj ? { adj: t.adj } : {}),
    ...(t.cmp ? { cmp: t.cmp } : {}),
    hi: t.hi ?? [`highest ${label}`, `lowest ${label}`],
    whichMost: t.whichMost ?? `Which town had the most ${label}`,
  };
}

/**
 * Natural words for a happening or a flag, `{loc}`, `{subj}`, `{poss}` and `{time}` filled in.
 * `np` is a noun phrase ("rain {loc}") for the generic templates.
 */
interface OccurrenceWords {
  np: string;
  count: string;
  days: string;
  did: string;
  last: string;
  first?: string;
  typos: string[];
  /** Said of a deed (a raid), so the place nicknames cannot be its subject. */
  deed?: boolean;
}

const OCCURRENCES: Record<string, OccurrenceWords> = {
  rain: {
    np: 'rain {loc}',
    count: 'How many weather readings recorded rain {loc} {time}?',
    days: 'On how many days did it rain {loc} {time}?',
    did: 'Did it rain {loc} {time}?',
    last: 'When did it last rain {loc} {time}?',
    first: 'When did it first rain {loc} {time}?',
    typos: ['rain', 'readings', 'recorded'],
  },
  storm: {
    np: 'a storm {loc}',
    count: 'How many weather readings showed a storm {loc} {time}?',
    days: 'On how many days was there a storm {loc} {time}?',
    did: 'Was there a storm {loc} {time}?',
    last: 'When was the last storm {loc} {time}?',
    first: 'When was the first storm {loc} {time}?',
    typos: ['storm', 'readings'],
  },
  trade: {
    np: 'any trade {loc}',
    count: 'How many trades were made {loc} {time}?',
    days: 'On how many days were goods traded {loc} {time}?',
    did: 'Were any goods traded {loc} {time}?',
    last: 'When was the last trade {loc} {time}?',
    first: 'When was the first trade {loc} {time}?',
    typos: ['trades', 'trade', 'traded', 'goods'],
  },
  arrival: {
    np: 'a shipment arriving {loc}',
    count: 'How many shipments arrived {loc} {time}?',
    days: 'On how many days did a shipment arrive {loc} {time}?',
    did: 'Did any shipment arrive {loc} {time}?',
    last: 'When did the last shipment arrive {loc} {time}?',
    first: 'When did the first shipment arrive {loc} {time}?',
    typos: ['shipment', 'shipments', 'arrived', 'arrive', 'arriving'],
  },
  robbery: {
    np: 'a robbery of {poss} shipments',
    count: 'How many of {poss} shipments were robbed {time}?',
    days: 'On how many days were {poss} shipments robbed {time}?',
    did: 'Were any of {poss} shipments robbed {time}?',
    last: 'When were {poss} shipments last robbed {time}?',
    first: 'When were {poss} shipments first robbed {time}?',
    typos: ['robbed', 'robbery', 'shipments'],
  },
  raid: {
    np: 'a raid by {subj}',
    count: 'How many raids did {subj} make {time}?',
    days: 'On how many days did {subj} go raiding {time}?',
    did: 'Did {subj} go on a raid {time}?',
    last: 'When did {subj} last go on a raid {time}?',
    first: 'When did {subj} first go on a raid {time}?',
    typos: ['raid', 'raids', 'raiding'],
    deed: true,
  },
  raidOn: {
    np: 'a pirate raid on {poss} shipments',
    count: 'How many times did the pirates raid {poss} shipments {time}?',
    days: 'On how many days did the pirates raid {poss} shipments {time}?',
    did: 'Did the pirates raid {poss} shipments {time}?',
    last: 'When did the pirates last raid {poss} shipments {time}?',
    first: 'When did the pirates first raid {poss} shipments {time}?',
    typos: ['raid', 'pirates', 'shipments'],
  },
  repair: {
    np: "a repair of the pirates' ship",
    count: 'How many times did {subj} repair their ship {time}?',
    days: "On how many days was the pirates' ship repaired {time}?",
    did: 'Did {subj} repair their ship {time}?',
    last: 'When did {subj} last repair their ship {time}?',
    first: 'When did {subj} first repair their ship {time}?',
    typos: ['repair', 'repaired', 'ship'],
    deed: true,
  },
  empty_nets: {
    np: 'a fishing trip with empty nets {loc}',
    count: 'How many fishing trips came back with empty nets {loc} {time}?',
    days: 'On how many days did a fisher come back with empty nets {loc} {time}?',
    did: 'Did any fisher come back with empty nets {loc} {time}?',
    last: 'When did a fisher last come back with empty nets {loc} {time}?',
    typos: ['empty', 'nets', 'fishing', 'fisher'],
  },
  fine_haul: {
    np: 'a fine haul of fish {loc}',
    count: 'How many fine hauls were landed {loc} {time}?',
    days: 'On how many days was a fine haul landed {loc} {time}?',
    did: 'Was a fine haul landed {loc} {time}?',
    last: 'When was the last fine haul landed {loc} {time}?',
    first: 'When was the first fine haul landed {loc} {time}?',
    typos: ['haul', 'hauls', 'landed'],
  },
  surplus: {
    np: 'a surplus harvest {loc}',
    count: 'How many times did the farmers bring in a surplus {loc} {time}?',
    days: 'On how many days did the farmers bring in a surplus {loc} {time}?',
    did: 'Did the farmers bring in a surplus {loc} {time}?',
    last: 'When did the farmers last bring in a surplus {loc} {time}?',
    first: 'When did the farmers first bring in a surplus {loc} {time}?',
    typos: ['surplus', 'farmers'],
  },
  drought: {
    np: 'drought {loc}',
    count: 'How many times did the drought leave the fields bare {loc} {time}?',
    days: 'On how many days did the drought leave the fields bare {loc} {time}?',
    did: 'Did the drought leave the fields bare {loc} {time}?',
    last: 'When did the drought last leave the fields bare {loc} {time}?',
    typos: ['drought', 'fields'],
  },
  idle: {
    np: 'an idle mill {loc}',
    count: 'How many times did the mill stand idle {loc} {time}?',
    days: 'On how many days did the mill stand idle {loc} {time}?',
    did: 'Did the mill stand idle {loc} {time}?',
    last: 'When did the mill last stand idle {loc} {time}?',
    first: 'When did the mill first stand idle {loc} {time}?',
    typos: ['idle', 'mill'],
  },
  cold_forge: {
    np: 'a cold forge {loc}',
    count: 'How many times was the forge cold {loc} {time}?',
    days: 'On how many days was the forge cold {loc} {time}?',
    did: 'Was the forge cold {loc} {time}?',
    last: 'When was the forge last cold {loc} {time}?',
    first: 'When was the forge first cold {loc} {time}?',
    typos: ['forge', 'cold'],
  },
  flood: {
    np: 'a flood {loc}',
    count: 'How many mining shifts were flooded {loc} {time}?',
    days: 'On how many days were the galleries flooded {loc} {time}?',
    did: 'Was there a flood {loc} {time}?',
    last: 'When was the last flood {loc} {time}?',
    first: 'When was the first flood {loc} {time}?',
    typos: ['flood', 'flooded', 'galleries', 'shifts'],
  },
  hunger: {
    np: 'hunger among the miners {loc}',
    count: 'How many mining shifts went hungry {loc} {time}?',
    days: 'On how many days did the miners go hungry {loc} {time}?',
    did: 'Did the miners go hungry {loc} {time}?',
    last: 'When did the miners last go hungry {loc} {time}?',
    first: 'When did the miners first go hungry {loc} {time}?',
    typos: ['hungry', 'hunger', 'miners'],
  },
};

function occurrenceWordsOf(key: string, phrase: string): OccurrenceWords {
  const known = OCCURRENCES[key];
  if (known) return known;
  const said = phrase.replace(/\s*\(.*\)\s*/g, ' ').trim();
  return {
    np: `a report {loc} that ${said}`,
    count: `How many reports {loc} said that ${said} {time}?`,
    days: `On how many days did it happen {loc} that ${said} {time}?`,
    did: `Did it happen {loc} that ${said} {time}?`,
    last: `When was the last time {loc} that ${said} {time}?`,
    typos: said.split(' ').filter((w) => w.length >= 4),
  };
}

/** What people call each role; a role not listed is called by its name. */
const ROLES: Record<string, { one: string; many: string; verb: string }> = {
  fisher: { one: 'fisher', many: 'fishers', verb: 'fishes' },
  netmaker: { one: 'net maker', many: 'net makers', verb: 'makes the nets and ropes' },
  trader: { one: 'trader', many: 'traders', verb: 'trades' },
  farmer: { one: 'farmer', many: 'farmers', verb: 'works the fields' },
  blacksmith: { one: 'blacksmith', many: 'blacksmiths', verb: 'keeps the forge' },
  miller: { one: 'miller', many: 'millers', verb: 'runs the mill' },
  apprentice: { one: 'apprentice', many: 'apprentices', verb: 'makes the trinkets' },
  miner: { one: 'miner', many: 'miners', verb: 'works in the mine' },
  teacher: { one: 'teacher', many: 'teachers', verb: 'teaches at the Academy' },
  captain: { one: 'captain', many: 'captains', verb: "captains the pirates' ship" },
  quartermaster: { one: 'quartermaster', many: 'quartermasters', verb: "keeps the pirates' stores" },
  keeper: { one: 'tavern keeper', many: 'tavern keepers', verb: 'runs the tavern' },
  bosun: { one: 'bosun', many: 'bosuns', verb: "keeps the pirates' ship afloat" },
  fletcher: { one: 'fletcher', many: 'fletchers', verb: 'makes the arrows' },
};

/** Honorifics a person may be named without ("Master Elden Cogsworth" is Elden Cogsworth). */
const HONORIFIC = /^(Master|Professor|Captain|Bosun|Doctor|Mister|Mistress)\s+/;

// --- The world, as the questions see it ---------------------------------------------------------------

type Agg = 'sum' | 'mean';

interface Metric {
  town: string;
  key: string;
  kind: string;
  label: string;
  unit: string;
  decimals: number;
  measure: 'output' | 'reading';
  /** How a day of it is told: outputs (and rain) add up, readings are averaged. */
  daily: Agg;
  range: readonly [number, number];
  /** The town's events of this kind go both ways (sales and purchases): asked only with a filter. */
  mixed: boolean;
  w: Words;
}

interface Occurrence {
  /** The town whose events they are. */
  town: string;
  /** The town the words name (the raided town for a raid on its shipments). */
  about: string;
  kind: string;
  key: string;
  test: (e: RawEvent) => boolean;
  /** The same happening as another town records it (a raid as the robbed town's loss). */
  mirror?: { town: string; kind: string; test: (e: RawEvent) => boolean };
  w: OccurrenceWords;
}

interface Range {
  from: number;
  to: number;
}

type TimeKind =
  | 'today'
  | 'yesterday'
  | 'day'
  | 'between'
  | 'week'
  | 'last-week'
  | 'this-week'
  | 'last-k'
  | 'last-month'
  | 'this-month'
  | 'none';

interface Time extends Range {
  kind: TimeKind;
  /** "last week", "" for the whole history. */
  text: string;
  /** "Last week", for a question that starts with the time. */
  lead: string;
}

const ALL_TIMES: readonly TimeKind[] = [
  'today',
  'yesterday',
  'day',
  'between',
  'week',
  'last-week',
  'this-week',
  'last-k',
  'last-month',
  'this-month',
];
const SPANS: readonly TimeKind[] = [
  'between',
  'week',
  'last-week',
  'this-week',
  'last-k',
  'last-month',
  'this-month',
];
const LONG_SPANS: readonly TimeKind[] = ['between', 'last-month', 'this-month', 'last-k', 'none'];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// --- The history, indexed ----------------------------------------------------------------------------

class History {
  private readonly byTownKind = new Map<string, RawEvent[]>();
  private readonly activeDays = new Map<string, Set<number>>();
  readonly people: string[];

  constructor(
    readonly events: readonly RawEvent[],
    readonly today: number,
    world: World,
  ) {
    for (const e of events) {
      const k = `${e.town}|${e.kind}`;
      let list = this.byTownKind.get(k);
      if (!list) {
        list = [];
        this.byTownKind.set(k, list);
      }
      list.push(e);
      let days = this.activeDays.get(e.town);
      if (!days) {
        days = new Set();
        this.activeDays.set(e.town, days);
      }
      days.add(e.day);
    }
    // The history is in time order; keep each list by day for the range searches.
    for (const list of this.byTownKind.values()) list.sort((a, b) => a.day - b.day || a.hour - b.hour);
    const names = new Set<string>(world.towns.flatMap((t) => t.people.map((p) => p.name)));
    for (const e of events) if (e.actor) names.add(e.actor);
    this.people = [...names];
  }

  /** A town's events of a kind on the days of a range, in time order. */
  of(town: string, kind: string, r: Range): RawEvent[] {
    const list = this.byTownKind.get(`${town}|${kind}`) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as RawEvent).day < r.from) lo = mid + 1;
      else hi = mid;
    }
    const out: RawEvent[] = [];
    for (let i = lo; i < list.length && (list[i] as RawEvent).day <= r.to; i++) out.push(list[i] as RawEvent);
    return out;
  }

  /** Days of a range on which the town reported anything. */
  daysReported(town: string, r: Range): number {
    const days = this.activeDays.get(town);
    let n = 0;
    for (let d = r.from; d <= r.to; d++) if (days?.has(d)) n++;
    return n;
  }

  /** The events carrying a metric, in a range (a raid counts only when it brought gold). */
  carrying(m: Metric, r: Range): RawEvent[] {
    return this.of(m.town, m.kind, r).filter(
      (e) =>
        typeof e.data[m.key] === 'number' &&
        (m.kind !== RAID_KIND || m.key !== 'raid_gold' || num(e, m.key) > 0),
    );
  }

  /** Every event of a town carrying a metric, zero raids included (for sums and days with reports). */
  allCarrying(m: Metric, r: Range): RawEvent[] {
    return this.of(m.town, m.kind, r).filter((e) => typeof e.data[m.key] === 'number');
  }
}

const num = (e: RawEvent, key: string) => e.data[key] as number;

/** The exact sum of numbers that carry `decimals` decimals. */
function exactSum(values: readonly number[], decimals: number): number {
  const f = 10 ** decimals;
  let total = 0;
  for (const v of values) total += Math.round(v * f);
  return total / f;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** A value that any fair rounding states the same way at `decimals` (and one more). */
function safe(value: number, decimals: number): boolean {
  if (!Number.isFinite(value)) return false;
  for (const d of [decimals, decimals + 1]) {
    const scaled = Math.abs(value) * 10 ** d;
    const frac = scaled - Math.floor(scaled);
    if (Math.abs(frac - 0.5) < 1e-6) return false;
  }
  return true;
}

/** Two values a reader tells apart at the precision they are stated with. */
const distinct = (a: number, b: number, decimals: number) => round(a, decimals) !== round(b, decimals);

/** A metric's daily series over a range: daily totals (outputs, rain) or daily means (readings). */
function dailySeries(h: History, m: Metric, r: Range): Map<number, number> {
  const byDay = new Map<number, number[]>();
  for (const e of h.allCarrying(m, r)) {
    const list = byDay.get(e.day);
    if (list) list.push(num(e, m.key));
    else byDay.set(e.day, [num(e, m.key)]);
  }
  const out = new Map<number, number>();
  for (const [day, values] of byDay)
    out.set(day, m.daily === 'sum' ? exactSum(values, m.decimals) : mean(values));
  return out;
}

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
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
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
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** The one day holding the highest (or lowest) value, or null when two share it. */
function uniqueTop(
  series: ReadonlyMap<number, number>,
  dir: 'max' | 'min',
  decimals: number,
): { day: number; value: number } | null {
  const sorted = [...series].sort((a, b) => (dir === 'max' ? b[1] - a[1] : a[1] - b[1]));
  const first = sorted[0];
  if (!first) return null;
  const second = sorted[1];
  if (second && !distinct(first[1], second[1], decimals)) return null;
  return { day: first[0], value: first[1] };
}

const fmt = (value: number, decimals: number) =>
  round(value, decimals).toLocaleString('en-US', { maximumFractionDigits: Math.max(decimals, 0) });

// --- Reading an answer ---------------------------------------------------------------------------------

/** Where the first of these names appears in the answer, or -1. */
function firstIndex(answer: string, names: readonly string[]): number {
  const text = answer.toLowerCase();
  let best = -1;
  for (const name of names) {
    const i = text.indexOf(name.toLowerCase());
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** Of several options (each named by any of its spellings), the one the answer names first. */
function namedFirst(answer: string, options: readonly (readonly string[])[]): number {
  let best = -1;
  let at = -1;
  options.forEach((spellings, i) => {
    const where = firstIndex(answer, spellings);
    if (where >= 0 && (at < 0 || where < at)) {
      at = where;
      best = i;
    }
  });
  return best;
}

/** Of several options (each matched by any of its patterns), the one the answer names first. */
function matchedFirst(answer: string, options: readonly (readonly RegExp[])[]): number {
  let best = -1;
  let at = -1;
  options.forEach((patterns, i) => {
    for (const p of patterns) {
      const m = p.exec(answer);
      if (m && (at < 0 || m.index < at)) {
        at = m.index;
        best = i;
      }
    }
  });
  return best;
}

/** The days an answer names: "day 12", "days 3, 5 and 9", "Day 4 and day 7". */
function daysNamed(answer: string): Set<number> {
  const out = new Set<number>();
  // A span ("days 30–59") names the range, not its two ends.
  const text = answer.replace(/\bdays?\s+\d+\s*(?:–|—|-|to|through)\s*(?:day\s+)?\d+/gi, ' ');
  for (const m of text.matchAll(/\bdays?\s+(\d+(?:\s*(?:,|and|&|or)\s*(?:day\s+)?\d+)*)/gi))
    for (const n of (m[1] ?? '').matchAll(/\d+/g)) out.add(Number(n[0]));
  return out;
}

/** A person is named by their full name or by it without an honorific. */
function spellingsOf(name: string): string[] {
  const bare = name.replace(HONORIFIC, '');
  return bare === name ? [name] : [name, bare];
}

// --- Building questions ----------------------------------------------------------------------------

interface Draft {
  question: string;
  truth: string;
  template: string;
  /** Words of the question a typo may hit. */
  typos: readonly string[];
  check(reply: Reply): string | null;
}

/** Fills a template: `{loc}`, `{subj}`, `{poss}`, `{time}`, `{Lead}` and any other `{name}` given. */
function fill(template: string, values: Record<string, string>): string {
  const out = template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([?.,!])/g, '$1')
    .replace(/,\s*,/g, ',')
    .trim();
}

/** The same question led by its time: "How many fish … last week?" → "{Lead}, how many fish …?" */
function ledByTime(template: string): string | null {
  if (!template.includes('{time}')) return null;
  return `{Lead}, ${lower(template.replace(/\s*\{time\}/, ''))}`;
}

/** The template variants of a question family: each given one, and each led by its time. */
function variants(templates: readonly string[], time: Time | null): string[] {
  const out: string[] = [];
  for (const t of templates) {
    out.push(t);
    const led = ledByTime(t);
    if (led && time && time.kind !== 'none') out.push(led);
  }
  return out;
}

function typoOf(word: string, rng: Random): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    const op = rng.int(0, 2);
    const i = rng.int(1, word.length - 2);
    let out: string;
    if (op === 0) out = word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    else if (op === 1) out = word.slice(0, i) + word.slice(i + 1);
    else out = word.slice(0, i) + (word[i] ?? '') + word.slice(i);
    if (out !== word) return out;
  }
  return `${word.slice(0, -1)}${word.slice(-1)}${word.slice(-1)}`;
}

/** Puts one typo into one of the words a draft names, deterministically for the seed. */
function withTypo(c: GeneratedCase, typos: readonly string[], seed: string): GeneratedCase {
  const rng = new Random(seed, `typo|${c.question}`);
  if (!rng.chance(TYPO_SHARE)) return c;
  for (const word of rng.shuffle(typos)) {
    if (word.length < 4) continue;
    const re = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    const m = re.exec(c.question);
    if (!m) continue;
    const wrong = typoOf(word, rng);
    const question = c.question.slice(0, m.index) + wrong + c.question.slice(m.index + word.length);
    return { ...c, question, typo: `${word} → ${wrong}` };
  }
  return c;
}

// --- The generator -----------------------------------------------------------------------------------

export function buildGenerated(
  events: readonly RawEvent[],
  today: number,
  seed: string,
  world: World = WORLD,
): GeneratedCase[] {
  if (today <= LAST_NAMED_DAY)
    throw new Error(`the generated set needs a history of more than ${LAST_NAMED_DAY} days`);
  const h = new History(events, today, world);
  const N = today;
  const towns = world.towns;
  const nameOf = (id: string) => (world.has(id) ? world.rules(id).name : id);
  const townNames = towns.map((t) => t.name);

  // What each town reports, derived from its declarations (as the world's description does).
  const metrics: Metric[] = [];
  const occurrences: Occurrence[] = [];
  for (const town of towns) {
    const reported: { def: MetricDef; kind: string }[] = [
      ...town.kinds.flatMap((k) => (k.metrics ?? []).map((def) => ({ def, kind: k.kind }))),
      ...(town.readings ?? []).map((def) => ({ def, kind: SENSOR_KIND })),
      ...COMMON_KINDS.filter((k) => emitsCommon(town, k)).flatMap((k) =>
        (k.metrics ?? []).map((def) => ({ def, kind: k.kind })),
      ),
    ];
    const seen = new Set<string>();
    for (const { def, kind } of reported) {
      if (seen.has(def.key)) continue;
      seen.add(def.key);
      const daily: Agg =
        def.natural === 'sum' || def.natural === 'mean'
          ? def.natural
          : def.measure === 'output'
            ? 'sum'
            : 'mean';
      const kindDef = world.kinds.find((k) => k.kind === kind);
      const directed = kindDef?.fields?.from !== undefined && kindDef?.fields?.to !== undefined;
      const mixed =
        directed &&
        h
          .of(town.id, kind, { from: 1, to: N })
          .some((e) => e.data.from !== undefined && e.data.from !== town.id);
      metrics.push({
        town: town.id,
        key: def.key,
        kind,
        label: def.label,
        unit: def.unit,
        decimals: def.decimals,
        measure: def.measure,
        daily,
        range: def.range,
        mixed,
        w: wordsOf(def, daily),
      });
    }
    const kinds: EventKindDef[] = [...town.kinds, ...COMMON_KINDS.filter((k) => emitsCommon(town, k))];
    for (const k of kinds) {
      for (const flag of k.flags ?? [])
        occurrences.push({
          town: town.id,
          about: town.id,
          kind: k.kind,
          key: flag.key,
          test: (e) => e.data[flag.key] === 1,
          w: occurrenceWordsOf(flag.key, flag.phrase),
        });
      for (const hap of k.happenings ?? []) {
        const metric = hap.metric;
        const min = hap.min ?? Number.MIN_VALUE;
        occurrences.push({
          town: town.id,
          about: town.id,
          kind: k.kind,
          key: hap.name,
          test: metric ? (e) => typeof e.data[metric] === 'number' && num(e, metric) >= min : () => true,
          w: occurrenceWordsOf(hap.name, hap.phrase),
        });
      }
    }
    // A raider's raids on each town's shipments, which the raided town records as its losses.
    if (town.kinds.some((k) => k.kind === RAID_KIND)) {
      for (const target of towns) {
        if (
          target.id === town.id ||
          !emitsCommon(target, COMMON_KINDS.find((k) => k.kind === 'loss') as EventKindDef)
        )
          continue;
        occurrences.push({
          town: town.id,
          about: target.id,
          kind: RAID_KIND,
          key: 'raidOn',
          test: (e) => e.data.target === target.id && num(e, 'raid_gold') > 0,
          mirror: { town: target.id, kind: 'loss', test: (e) => e.data.raider === town.id },
          w: OCCURRENCES.raidOn as OccurrenceWords,
        });
      }
    }
  }
  const plain = metrics.filter((m) => !m.mixed);
  const summable = plain.filter((m) => m.daily === 'sum');
  const readings = plain.filter((m) => m.daily === 'mean');
  /** Keys reported by more than one town: the only ones a question may leave the town out of. */
  const townsOfKey = new Map<string, string[]>();
  for (const m of plain) townsOfKey.set(m.key, [...(townsOfKey.get(m.key) ?? []), m.town]);
  const onlyOne = (key: string) => metrics.filter((m) => m.key === key).length === 1;

  // --- Times and places ---
  const timeOf = (kind: TimeKind, rng: Random): Time => {
    const t = (from: number, to: number, text: string): Time => ({
      kind,
      from,
      to,
      text,
      lead: capitalise(text),
    });
    switch (kind) {
      case 'today':
        return t(N, N, 'today');
      case 'yesterday':
        return t(N - 1, N - 1, 'yesterday');
      case 'day': {
        const d = rng.int(1, LAST_NAMED_DAY);
        return t(d, d, `on day ${d}`);
      }
      case 'between': {
        const a = rng.int(1, LAST_NAMED_DAY - 4);
        const b = rng.int(a + 2, Math.min(LAST_NAMED_DAY, a + 20));
        return t(
          a,
          b,
          rng.pick([
            `between day ${a} and day ${b}`,
            `between days ${a} and ${b}`,
            `from day ${a} to day ${b}`,
          ]),
        );
      }
      case 'week': {
        const w = rng.int(1, Math.floor(LAST_NAMED_DAY / 7));
        return t(7 * (w - 1) + 1, 7 * w, rng.pick([`in week ${w}`, `during week ${w}`]));
      }
      case 'last-week':
        return t(N - 7, N - 1, 'last week');
      case 'this-week':
        return t(N - 6, N, rng.pick(['this week', 'in the past week', 'over the past week']));
      case 'last-k': {
        const k = rng.pick([3, 4, 5, 7, 10, 14, 20]);
        return t(
          N - k + 1,
          N,
          rng.pick([`in the last ${k} days`, `over the past ${k} days`, `in the past ${k} days`]),
        );
      }
      case 'last-month':
        return t(N - 30, N - 1, 'last month');
      case 'this-month':
        return t(N - 29, N, rng.pick(['this month', 'in the past 30 days']));
      case 'none':
        return { kind, from: 1, to: N, text: '', lead: '' };
    }
  };
  const rangeText = (r: Range) => (r.from === r.to ? `day ${r.from}` : `days ${r.from}–${r.to}`);

  /** A way to name a town, for the words it is used with. */
  const refOf = (town: string, rng: Random, use: 'place' | 'people' | 'deed' = 'place'): TownRef => {
    const name = nameOf(town);
    const official: TownRef = {
      loc: `in ${name}`,
      subj: name,
      poss: possessive(name),
      word: name.split(' ').at(-1) ?? name,
    };
    const nicknames = (NICKNAMES[town] ?? []).filter((n) =>
      use === 'place' ? !n.people : use === 'deed' ? !n.place : true,
    );
    return nicknames.length > 0 && rng.chance(0.45) ? rng.pick(nicknames) : official;
  };
  const townWords = (ref: TownRef | null) => (ref ? [ref.word, ...ref.subj.split(' ')] : []);
  const placeFor = (m: Metric, rng: Random, omit = 0.15): TownRef | null =>
    onlyOne(m.key) && rng.chance(omit)
      ? null
      : refOf(m.town, rng, m.kind === SENSOR_KIND ? 'place' : 'people');
  const fillQ = (
    template: string,
    ref: TownRef | null,
    time: Time | null,
    extra: Record<string, string> = {},
  ) =>
    fill(template, {
      loc: ref?.loc ?? '',
      subj: ref?.subj ?? '',
      poss: ref?.poss ?? '',
      time: time?.text ?? '',
      Lead: time?.lead ?? '',
      ...extra,
    });

  // --- The driver: round-robin over strata, each attempt a fresh random question ---
  const out: GeneratedCase[] = [];
  const asked = new Set<string>();
  const produce = <S>(
    form: GeneratedForm,
    strata: readonly S[],
    attempt: (s: S, rng: Random) => Draft | null,
  ) => {
    const rng = new Random(seed, `form|${form}`);
    const order = rng.shuffle(strata);
    if (order.length === 0) return;
    const quota = QUOTA[form];
    let made = 0;
    let misses = 0;
    for (let i = 0; made < quota && misses < quota * 60; i++) {
      const draft = attempt(order[i % order.length] as S, rng);
      if (!draft || asked.has(draft.question)) {
        misses++;
        continue;
      }
      asked.add(draft.question);
      made++;
      const { check, typos, ...rest } = draft;
      const c: GeneratedCase = {
        form,
        ...rest,
        check: (reply) => check(reply),
      };
      out.push(withTypo(c, typos, seed));
    }
  };

  const statesValue = (value: number, decimals: number) => (reply: Reply) =>
    statesIt(reply.answer, value, decimals);

  // ---- total ----
  const totalDraft = (m: Metric, rng: Random, time: Time, form: 'total' | 'scope'): Draft | null => {
    const list = h.allCarrying(m, time);
    if (list.length === 0) return null;
    const value = exactSum(
      list.map((e) => num(e, m.key)),
      m.decimals,
    );
    if (value === 0) return null;
    const ref = placeFor(m, rng);
    const w = m.w;
    let templates: string[];
    if (form === 'total') {
      templates = variants(
        [`${w.howMuch} {loc} {time}?`, `What was the total ${m.label} {loc} {time}?`],
        time,
      );
      if (w.subjQ && ref && !ref.place) templates.push(`${w.subjQ} {time}?`);
    } else {
      templates = [
        `${w.howMuch} {loc} so far?`,
        `${w.howMuch} {loc}?`,
        `What is the all-time total of ${m.label} {loc}?`,
        `${w.howMuch} {loc} in the whole history?`,
        `${w.howMuch} {loc} in all?`,
      ];
      if (w.subjQ && ref && !ref.place) templates.push(`${w.subjQ} so far?`, `${w.subjQ} in all?`);
    }
    const template = rng.pick(templates);
    return {
      question: fillQ(template, ref, time),
      truth: `${fmt(value, m.decimals)} ${m.unit} (sum of ${m.key} over ${list.length} ${m.kind} events of ${nameOf(m.town)}, ${rangeText(time)})`,
      template: `${form}/sum`,
      typos: [...w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  };
  produce('total', summable, (m, rng) => totalDraft(m, rng, timeOf(rng.pick(ALL_TIMES), rng), 'total'));

  // ---- mean ----
  const readingMean = (m: Metric, rng: Random, time: Time, form: 'mean' | 'scope'): Draft | null => {
    if (m.key === 'rain_mm') return null;
    const values = h.allCarrying(m, time).map((e) => num(e, m.key));
    if (values.length === 0) return null;
    const value = mean(values);
    if (!safe(value, m.decimals)) return null;
    const ref = refOf(m.town, rng, m.kind === SENSOR_KIND ? 'place' : 'people');
    const templates =
      form === 'mean'
        ? variants(
            [
              `What was the average ${m.w.meanNP} {loc} {time}?`,
              `What was the mean ${m.w.meanNP} {loc} {time}?`,
              `On average, what was the ${m.w.meanNP} {loc} {time}?`,
            ],
            time,
          )
        : [
            `What has the average ${m.w.meanNP} been {loc} so far?`,
            `What is the all-time average ${m.w.meanNP} {loc}?`,
            `What is the average ${m.w.meanNP} {loc}?`,
            `What was the mean ${m.w.meanNP} {loc} over the whole history?`,
          ];
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${fmt(value, m.decimals + 2)} ${m.unit} (mean of ${values.length} readings of ${m.key} in ${nameOf(m.town)}, ${rangeText(time)})`,
      template: `${form}/reading`,
      typos: [...m.w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  };
  const perDayMean = (m: Metric, rng: Random, time: Time): Draft | null => {
    if (m.measure !== 'output' || time.to - time.from < 1) return null;
    const list = h.allCarrying(m, time);
    const total = exactSum(
      list.map((e) => num(e, m.key)),
      m.decimals,
    );
    const days = h.daysReported(m.town, time);
    if (days === 0 || total === 0) return null;
    const value = total / days;
    if (!safe(value, m.decimals)) return null;
    const ref = placeFor(m, rng);
    const templates = variants(
      [
        `On average, ${lower(m.w.howMuch)} per day {loc} {time}?`,
        `What was the average ${m.w.daily} {loc} {time}?`,
      ],
      time,
    );
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${fmt(value, m.decimals + 2)} ${m.unit} a day (${fmt(total, m.decimals)} over the ${days} days ${nameOf(m.town)} reported, ${rangeText(time)})`,
      template: 'mean/per-day',
      typos: [...m.w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  };
  const perEventMean = (m: Metric, rng: Random, time: Time): Draft | null => {
    if (m.measure !== 'output' || !m.w.event) return null;
    const values = h.carrying(m, time).map((e) => num(e, m.key));
    if (values.length < 2) return null;
    const value = mean(values);
    if (!safe(value, m.decimals)) return null;
    const ref = placeFor(m, rng);
    const templates = variants(
      [
        `What was the average ${m.label} per ${m.w.event} {loc} {time}?`,
        `On average, ${lower(m.w.howMuch)} per ${m.w.event} {loc} {time}?`,
      ],
      time,
    );
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${fmt(value, m.decimals + 2)} ${m.unit} per ${m.w.event} (mean of ${values.length} events, ${rangeText(time)})`,
      template: 'mean/per-event',
      typos: [...m.w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  };
  produce('mean', plain, (m, rng) => {
    if (m.daily === 'mean') return readingMean(m, rng, timeOf(rng.pick(ALL_TIMES), rng), 'mean');
    return rng.chance(0.5)
      ? perDayMean(m, rng, timeOf(rng.pick(SPANS), rng))
      : perEventMean(m, rng, timeOf(rng.pick(ALL_TIMES), rng));
  });

  // ---- min / max of single readings ----
  const readingExtreme = (m: Metric, rng: Random, time: Time, dir: 'max' | 'min', form: GeneratedForm) => {
    const values = h.allCarrying(m, time).map((e) => num(e, m.key));
    if (values.length === 0) return null;
    const value = dir === 'max' ? Math.max(...values) : Math.min(...values);
    // A lowest (or highest) reading at the bottom of its range (no rain) is no question.
    if (value <= m.range[0]) return null;
    const ref = refOf(m.town, rng, 'place');
    const [hiWord, loWord] = m.w.hi;
    const word = dir === 'max' ? hiWord : loWord;
    const templates =
      form === 'scope'
        ? [
            `What was the ${word} ever recorded {loc}?`,
            `What is the ${word} on record {loc}?`,
            `What was the ${word} {loc} of all time?`,
          ]
        : variants(
            [
              `What was the ${word} {loc} {time}?`,
              `What was the ${word} recorded {loc} {time}?`,
              m.measure === 'reading' && m.daily === 'mean'
                ? `How ${dir === 'max' ? 'high' : 'low'} did the ${m.w.meanNP} get {loc} {time}?`
                : `Tell me the ${word} {loc} {time}.`,
            ],
            time,
          );
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${fmt(value, m.decimals)} ${m.unit} (${dir} of ${values.length} readings of ${m.key} in ${nameOf(m.town)}, ${rangeText(time)})`,
      template: `${form}/reading`,
      typos: [...m.w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  };
  const extremeReadings = plain.filter((m) => m.measure === 'reading' || m.daily === 'mean');
  produce('max', extremeReadings, (m, rng) =>
    readingExtreme(m, rng, timeOf(rng.pick(ALL_TIMES), rng), 'max', 'max'),
  );
  produce('min', extremeReadings, (m, rng) =>
    readingExtreme(m, rng, timeOf(rng.pick(ALL_TIMES), rng), 'min', 'min'),
  );

  // ---- scope: no time named, the whole history ----
  const whole = timeOf('none', new Random(seed, 'none'));
  produce('scope', plain, (m, rng) => {
    const pick = rng.int(0, 3);
    if (m.daily === 'sum' && m.measure === 'output') return totalDraft(m, rng, whole, 'scope');
    if (m.key === 'rain_mm')
      return pick < 2 ? totalDraft(m, rng, whole, 'scope') : readingExtreme(m, rng, whole, 'max', 'scope');
    if (pick < 2) return readingMean(m, rng, whole, 'scope');
    return readingExtreme(m, rng, whole, pick === 2 ? 'max' : 'min', 'scope');
  });
  // Whole-history counts of happenings count as scope too (below, with the counts).

  // ---- count / days of happenings and flags ----
  const occRef = (o: Occurrence, rng: Random) =>
    refOf(o.about, rng, o.w.deed ? 'deed' : o.kind === SENSOR_KIND ? 'place' : 'people');
  const occIn = (o: Occurrence, r: Range) => h.of(o.town, o.kind, r).filter(o.test);
  /** The raid and the robbed town's loss fall on the same days of the range (else the question is ambiguous). */
  const mirrored = (o: Occurrence, r: Range) => {
    if (!o.mirror) return true;
    const { town, kind, test } = o.mirror;
    const a = occIn(o, r).map((e) => e.day);
    const b = h
      .of(town, kind, r)
      .filter(test)
      .map((e) => e.day);
    return a.length === b.length && a.every((d, i) => d === b[i]);
  };
  const countDraft = (o: Occurrence, rng: Random, time: Time, form: 'count' | 'scope'): Draft | null => {
    const found = occIn(o, time);
    if (!mirrored(o, time)) return null;
    if (found.length === 0 && !rng.chance(0.1)) return null;
    const ref = occRef(o, rng);
    const templates =
      form === 'scope'
        ? [
            fill(o.w.count, { time: 'so far', loc: '{loc}', subj: '{subj}', poss: '{poss}' }),
            fill(o.w.count, { time: 'in all', loc: '{loc}', subj: '{subj}', poss: '{poss}' }),
            fill(o.w.count, { time: '', loc: '{loc}', subj: '{subj}', poss: '{poss}' }),
          ]
        : variants([o.w.count, `How many times was there ${o.w.np} {time}?`], time);
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${found.length} ${o.kind} events with ${o.key} in ${nameOf(o.town)}, ${rangeText(time)}`,
      template: `${form}/occurrence`,
      typos: [...o.w.typos, ...townWords(ref)],
      check: statesCount(found.length),
    };
  };
  produce('count', occurrences, (o, rng) => countDraft(o, rng, timeOf(rng.pick(SPANS), rng), 'count'));
  produce('days', occurrences, (o, rng) => {
    const time = timeOf(rng.pick([...SPANS, 'none']), rng);
    if (!mirrored(o, time)) return null;
    const days = [...new Set(occIn(o, time).map((e) => e.day))];
    if (days.length === 0 && !rng.chance(0.1)) return null;
    if (days.length === time.to - time.from + 1 && days.length > 1 && !rng.chance(0.2)) return null;
    const ref = occRef(o, rng);
    const templates = variants(
      [o.w.days, `How many days {time} had ${o.w.np}?`, `On how many days was there ${o.w.np} {time}?`],
      time,
    );
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${days.length} days (${days.slice(0, 12).join(', ')}${days.length > 12 ? ', …' : ''}), ${rangeText(time)}`,
      template: 'days/occurrence',
      typos: [...o.w.typos, ...townWords(ref)],
      check: statesCount(days.length),
    };
  });

  // ---- extreme-event: the largest single event ----
  const eventMetrics = summable.filter((m) => m.measure === 'output' && m.range[1] > 7);
  produce('extreme-event', eventMetrics, (m, rng) => {
    const time = timeOf(rng.pick([...SPANS, 'none', 'none']), rng);
    const values = h.carrying(m, time).map((e) => num(e, m.key));
    if (values.length < 2) return null;
    const value = Math.max(...values);
    if (value <= 0) return null;
    const ref = placeFor(m, rng);
    const templates = variants(
      [`What was ${m.w.oneMax} {loc} {time}?`, `How big was ${m.w.oneMax} {loc} {time}?`],
      time,
    );
    templates.push(`What was the largest single ${m.label} figure {loc} {time}?`);
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${fmt(value, m.decimals)} ${m.unit} (max of ${values.length} single ${m.kind} events, ${rangeText(time)})`,
      template: 'extreme-event/max',
      typos: [...m.w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  });

  // ---- extreme-day: the value of the best (or worst) day ----
  produce('extreme-day', plain, (m, rng) => {
    const time = timeOf(rng.pick([...SPANS, 'none']), rng);
    if (time.to - time.from < 2) return null;
    const series = dailySeries(h, m, time);
    if (series.size < 3) return null;
    const ref = placeFor(m, rng);
    const isSum = m.daily === 'sum';
    const dir: 'max' | 'min' = rng.chance(isSum ? 0.8 : 0.6) ? 'max' : 'min';
    // "The least day" is over days with reports: asked only where every day the town reported has some.
    if (dir === 'min' && series.size !== h.daysReported(m.town, time)) return null;
    const values = [...series.values()];
    const value = dir === 'max' ? Math.max(...values) : Math.min(...values);
    if (isSum && value <= 0) return null;
    if (!safe(value, m.decimals)) return null;
    let templates: string[];
    if (isSum) {
      templates =
        dir === 'max'
          ? variants(
              [
                `What was ${m.w.dayMax} {loc} {time}?`,
                `What was the highest daily total of ${m.label} {loc} {time}?`,
              ],
              time,
            )
          : variants(
              [
                `What was the lowest daily total of ${m.label} {loc} {time}?`,
                `What was the smallest daily total of ${m.label} {loc} {time}?`,
              ],
              time,
            );
    } else {
      const adj = m.w.adj?.[dir === 'max' ? 0 : 1];
      templates = variants(
        [`What was the ${dir === 'max' ? 'highest' : 'lowest'} daily mean ${m.w.meanNP} {loc} {time}?`],
        time,
      );
      if (adj) templates.push(`What was the daily mean ${m.w.meanNP} on the ${adj} day {loc} {time}?`);
      else
        templates.push(
          `What was the ${dir === 'max' ? 'highest' : 'lowest'} of the daily means of ${m.w.meanNP} {loc} {time}?`,
        );
    }
    const which = [...series].find(([, v]) => v === value)?.[0];
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `${fmt(value, m.decimals + (isSum ? 0 : 2))} ${m.unit} (${dir} of ${series.size} daily ${isSum ? 'totals' : 'means'}, on day ${which}; ${rangeText(time)})`,
      template: `extreme-day/${isSum ? 'total' : 'mean'}`,
      typos: [...m.w.typos, ...townWords(ref)],
      check: statesValue(value, m.decimals),
    };
  });

  // ---- which-day ----
  const whichDayMetric = (m: Metric, rng: Random): Draft | null => {
    const time = timeOf(rng.pick([...SPANS, 'none']), rng);
    if (time.to - time.from < 2) return null;
    const ref = placeFor(m, rng);
    const isSum = m.daily === 'sum';
    const variant = rng.int(0, 3);
    if (variant === 3 && isSum && m.measure === 'output' && m.range[1] > 7) {
      // The day of the largest single event.
      const list = h.carrying(m, time);
      if (list.length < 2) return null;
      const top = Math.max(...list.map((e) => num(e, m.key)));
      const days = new Set(list.filter((e) => num(e, m.key) === top).map((e) => e.day));
      if (days.size !== 1 || top <= 0) return null;
      const day = [...days][0] as number;
      const templates = variants(
        [`On which day was ${m.w.oneMax} {loc} {time}?`, `When was ${m.w.oneMax} {loc} {time}?`],
        time,
      );
      return {
        question: fillQ(rng.pick(templates), ref, time),
        truth: `day ${day} (${fmt(top, m.decimals)} ${m.unit} in one ${m.kind} event; ${rangeText(time)})`,
        template: 'which-day/event',
        typos: [...m.w.typos, ...townWords(ref)],
        check: (reply) => namesDayIn(reply.answer, day),
      };
    }
    const series = dailySeries(h, m, time);
    if (series.size < 3) return null;
    const dir: 'max' | 'min' = rng.chance(0.75) ? 'max' : 'min';
    if (dir === 'min' && series.size !== h.daysReported(m.town, time)) return null;
    const top = uniqueTop(series, dir, m.decimals);
    if (!top || (isSum && dir === 'max' && top.value <= 0)) return null;
    let templates: string[];
    if (isSum) {
      templates =
        dir === 'max'
          ? variants(
              [
                `${m.w.mostDay} {loc} {time}?`,
                `Which day had the most ${m.label} {loc} {time}?`,
                `Which day had the highest total of ${m.label} {loc} {time}?`,
              ],
              time,
            )
          : variants(
              [
                `Which day had the least ${m.label} {loc} {time}?`,
                `Which day had the lowest total of ${m.label} {loc} {time}?`,
              ],
              time,
            );
      if (m.w.adj) templates.push(`Which was the ${m.w.adj[dir === 'max' ? 0 : 1]} day {loc} {time}?`);
    } else {
      const hiLo = dir === 'max' ? 'highest' : 'lowest';
      templates = variants([`Which day had the ${hiLo} average ${m.w.meanNP} {loc} {time}?`], time);
      const adj = m.w.adj?.[dir === 'max' ? 0 : 1];
      if (adj)
        templates.push(
          ...variants(
            [`Which was the ${adj} day {loc} {time}?`, `On which day was it ${adj} {loc} {time}?`],
            time,
          ),
        );
      else templates.push(`On which day was the ${m.w.meanNP} ${hiLo} on average {loc} {time}?`);
    }
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `day ${top.day} (daily ${isSum ? 'total' : 'mean'} ${fmt(top.value, m.decimals + (isSum ? 0 : 2))} ${m.unit}, the ${dir} of ${series.size} days; ${rangeText(time)})`,
      template: `which-day/${isSum ? 'total' : 'mean'}`,
      typos: [...m.w.typos, ...townWords(ref)],
      check: (reply) => namesDayIn(reply.answer, top.day),
    };
  };
  const whichDayOccurrence = (o: Occurrence, rng: Random): Draft | null => {
    const time = timeOf(rng.pick([...SPANS, 'none', 'none']), rng);
    if (!mirrored(o, time)) return null;
    const found = occIn(o, time);
    if (found.length === 0) return null;
    const first = rng.chance(0.35) && o.w.first !== undefined;
    const day = (first ? found[0] : found.at(-1))?.day as number;
    const ref = occRef(o, rng);
    const templates = variants(
      [
        first ? (o.w.first as string) : o.w.last,
        `What was the ${first ? 'first' : 'last'} day with ${o.w.np} {time}?`,
      ],
      time,
    );
    return {
      question: fillQ(rng.pick(templates), ref, time),
      truth: `day ${day} (the ${first ? 'first' : 'last'} of ${found.length} ${o.kind} events with ${o.key}; ${rangeText(time)})`,
      template: `which-day/${first ? 'first' : 'last'}`,
      typos: [...o.w.typos, ...townWords(ref)],
      check: (reply) => namesDayIn(reply.answer, day),
    };
  };
  produce<Metric | Occurrence>('which-day', [...plain, ...occurrences], (s, rng) =>
    'test' in s ? whichDayOccurrence(s, rng) : whichDayMetric(s, rng),
  );

  // ---- which-town ----
  // Every town that reports the number is a candidate: one that reports it only mixed with another
  // meaning (Port Logic's sales and purchases) makes "which town" ambiguous, so the key is not asked.
  const sharedKeys = [...townsOfKey]
    .filter(([key, ts]) => ts.length >= 2 && !metrics.some((m) => m.key === key && m.mixed))
    .map(([key]) => key);
  produce('which-town', sharedKeys, (key, rng) => {
    const ms = plain.filter((m) => m.key === key);
    const m0 = ms[0] as Metric;
    const time = timeOf(rng.pick([...ALL_TIMES, 'none']), rng);
    const isSum = m0.daily === 'sum';
    // Means of readings, the single highest reading, or sums.
    const how: 'mean' | 'max' | 'min' | 'sum' = isSum
      ? rng.chance(0.7) || key !== 'rain_mm'
        ? 'sum'
        : 'max'
      : rng.pick(['mean', 'mean', 'max', 'min'] as const);
    const dir: 'max' | 'min' =
      how === 'max' ? 'max' : how === 'min' ? 'min' : rng.chance(0.6) ? 'max' : 'min';
    const values = ms.map((m) => {
      const list = h.allCarrying(m, time).map((e) => num(e, m.key));
      const value =
        list.length === 0
          ? Number.NaN
          : how === 'sum'
            ? exactSum(list, m.decimals)
            : how === 'mean'
              ? mean(list)
              : how === 'max'
                ? Math.max(...list)
                : Math.min(...list);
      return { town: m.town, value };
    });
    if (values.some((v) => Number.isNaN(v.value))) return null;
    values.sort((a, b) => (dir === 'max' ? b.value - a.value : a.value - b.value));
    const [top, second] = values as [{ town: string; value: number }, { town: string; value: number }];
    if (!distinct(top.value, second.value, m0.decimals) || !safe(top.value, m0.decimals)) return null;
    if (how === 'sum' && dir === 'max' && top.value <= 0) return null;
    if (how === 'min' && top.value <= m0.range[0]) return null;
    const w = m0.w;
    let templates: string[];
    if (how === 'sum') {
      templates =
        dir === 'max'
          ? variants(
              [
                `${w.whichMost} {time}?`,
                `Which town had the most ${m0.label} {time}?`,
                `Of all the towns, which had the most ${m0.label} {time}?`,
              ],
              time,
            )
          : variants(
              [
                `Which town had the least ${m0.label} {time}?`,
                `Of all the towns, which had the least ${m0.label} {time}?`,
              ],
              time,
            );
      if (w.adj && key === 'rain_mm')
        templates.push(`Which town was the ${w.adj[dir === 'max' ? 0 : 1]} {time}?`);
    } else if (how === 'mean') {
      const hiLo = dir === 'max' ? 'highest' : 'lowest';
      templates = variants(
        [
          `Which town had the ${hiLo} average ${w.meanNP} {time}?`,
          `Where was the average ${w.meanNP} ${hiLo} {time}?`,
        ],
        time,
      );
      const adj = w.adj?.[dir === 'max' ? 0 : 1];
      if (adj) templates.push(...variants([`Which town was the ${adj} {time}?`], time));
    } else {
      const word = w.hi[dir === 'max' ? 0 : 1];
      templates = variants(
        [`Which town recorded the ${word} {time}?`, `Where was the ${word} recorded {time}?`],
        time,
      );
    }
    const winner = nameOf(top.town);
    return {
      question: fillQ(rng.pick(templates), null, time),
      truth: `${winner} (${how} ${fmt(top.value, m0.decimals + (how === 'mean' ? 2 : 0))} ${m0.unit}; next ${nameOf(second.town)} ${fmt(second.value, m0.decimals + (how === 'mean' ? 2 : 0))}; ${rangeText(time)})`,
      template: `which-town/${how}`,
      typos: [...w.typos],
      check: (reply) => {
        const first = namedFirst(
          reply.answer,
          townNames.map((n) => [n]),
        );
        if (first < 0) return `names no town`;
        if (townNames[first] !== winner) return `names ${townNames[first]} first, not ${winner}`;
        return statesIt(reply.answer, top.value, m0.decimals);
      },
    };
  });

  // ---- who: the top actor ----
  produce(
    'who',
    summable.filter((m) => m.measure === 'output'),
    (m, rng) => {
      const time = timeOf(rng.pick([...ALL_TIMES, 'none']), rng);
      const by = new Map<string, number[]>();
      for (const e of h.carrying(m, time)) {
        if (!e.actor) continue;
        const list = by.get(e.actor);
        if (list) list.push(num(e, m.key));
        else by.set(e.actor, [num(e, m.key)]);
      }
      if (by.size < 2) return null;
      const totals = [...by].map(([actor, values]) => ({ actor, value: exactSum(values, m.decimals) }));
      totals.sort((a, b) => b.value - a.value);
      const [top, second] = totals as [{ actor: string; value: number }, { actor: string; value: number }];
      if (top.value <= 0 || !distinct(top.value, second.value, m.decimals)) return null;
      const ref = placeFor(m, rng, 0.3);
      const templates = variants(
        [`${m.w.whoMost} {loc} {time}?`, `Who accounted for the most ${m.label} {loc} {time}?`],
        time,
      );
      const candidates = h.people;
      return {
        question: fillQ(rng.pick(templates), ref, time),
        truth: `${top.actor} (${fmt(top.value, m.decimals)} ${m.unit}; next ${second.actor} ${fmt(second.value, m.decimals)}; ${rangeText(time)})`,
        template: 'who/top',
        typos: [...m.w.typos, ...townWords(ref)],
        check: (reply) => {
          const first = namedFirst(reply.answer, candidates.map(spellingsOf));
          if (first < 0) return `names nobody`;
          if (candidates[first] !== top.actor) return `names ${candidates[first]} first, not ${top.actor}`;
          return statesIt(reply.answer, top.value, m.decimals);
        },
      };
    },
  );

  // ---- compare: A or B ----
  const aggregateOf = (m: Metric, r: Range): number | null => {
    const list = h.allCarrying(m, r).map((e) => num(e, m.key));
    if (list.length === 0) return null;
    return m.daily === 'sum' ? exactSum(list, m.decimals) : mean(list);
  };
  const comparePhrase = (m: Metric, higher: boolean) => {
    if (m.daily === 'sum') return { lead: m.w.more, hiLo: null };
    const c = m.w.cmp?.[higher ? 0 : 1];
    return { lead: c ? `Was it ${c}` : null, hiLo: higher ? 'higher' : 'lower' };
  };
  produce('compare', plain, (m, rng) => {
    const what = rng.pick(['towns', 'weeks', 'days'] as const);
    const higher = m.daily === 'sum' ? true : rng.chance(0.6);
    const { lead, hiLo } = comparePhrase(m, higher);
    const dec = m.decimals;
    let question: string;
    let sides: { label: string; value: number; marks: RegExp[]; spell?: string[] }[];
    let ref: TownRef | null = null;
    // "Was it warmer in A than in B?": yes or no, then the winner and both values.
    let whether = false;
    const typos = [...m.w.typos];
    if (what === 'towns') {
      const others = plain.filter((o) => o.key === m.key && o.town !== m.town);
      const other = rng.maybe(others);
      if (!other) return null;
      const time = timeOf(rng.pick([...ALL_TIMES, 'none']), rng);
      const a = aggregateOf(m, time);
      const b = aggregateOf(other, time);
      if (a === null || b === null) return null;
      const refA = refOf(m.town, rng, 'place');
      const refB = refOf(other.town, rng, 'place');
      typos.push(...townWords(refA), ...townWords(refB));
      const templates: string[] = [];
      if (lead) templates.push(`${lead} ${refA.loc} or ${refB.loc} {time}?`);
      if (hiLo) templates.push(`Was the average ${m.w.meanNP} ${hiLo} ${refA.loc} or ${refB.loc} {time}?`);
      templates.push(
        m.daily === 'sum'
          ? `Which had more ${m.label} {time}: ${refA.subj} or ${refB.subj}?`
          : `Which had the ${hiLo} average ${m.w.meanNP} {time}: ${refA.subj} or ${refB.subj}?`,
      );
      const c = m.w.cmp?.[higher ? 0 : 1];
      const than =
        m.daily === 'sum'
          ? `Were there more ${m.label} ${refA.loc} than ${refB.loc} {time}?`
          : c
            ? `Was it ${c} ${refA.loc} than ${refB.loc} {time}?`
            : null;
      whether = than !== null && rng.chance(0.3);
      const template = whether ? (than as string) : rng.pick(variants(templates, time));
      question = fillQ(template, null, time);
      sides = [
        { label: nameOf(m.town), value: a, marks: [], spell: [nameOf(m.town)] },
        { label: nameOf(other.town), value: b, marks: [], spell: [nameOf(other.town)] },
      ];
      if (m.daily === 'sum' && a === 0 && b === 0) return null;
      sides.push({ label: rangeText(time), value: 0, marks: [] });
    } else {
      ref = placeFor(m, rng);
      typos.push(...townWords(ref));
      let ra: Range;
      let rb: Range;
      let na: string;
      let nb: string;
      let marksA: RegExp[];
      let marksB: RegExp[];
      if (what === 'weeks') {
        const wa = rng.int(1, Math.floor(LAST_NAMED_DAY / 7) - 1);
        const wb = rng.chance(0.7) ? wa + 1 : rng.int(wa + 1, Math.floor(LAST_NAMED_DAY / 7));
        ra = { from: 7 * wa - 6, to: 7 * wa };
        rb = { from: 7 * wb - 6, to: 7 * wb };
        na = `week ${wa}`;
        nb = `week ${wb}`;
        const span = (r: Range) =>
          new RegExp(`\\bdays?\\s+${r.from}\\s*(?:–|—|-|to|through|and)\\s*(?:day\\s+)?${r.to}\\b`, 'i');
        marksA = [new RegExp(`\\bweek ${wa}\\b`, 'i'), span(ra)];
        marksB = [new RegExp(`\\bweek ${wb}\\b`, 'i'), span(rb)];
      } else {
        const da = rng.int(1, LAST_NAMED_DAY - 1);
        const db = rng.chance(0.6) ? da + 1 : rng.int(da + 1, LAST_NAMED_DAY);
        ra = { from: da, to: da };
        rb = { from: db, to: db };
        na = `day ${da}`;
        nb = `day ${db}`;
        marksA = [new RegExp(`\\bday ${da}\\b`, 'i')];
        marksB = [new RegExp(`\\bday ${db}\\b`, 'i')];
      }
      const a = aggregateOf(m, ra);
      const b = aggregateOf(m, rb);
      if (a === null || b === null) return null;
      if (m.daily === 'sum' && a === 0 && b === 0) return null;
      const unit = what === 'weeks' ? 'week' : 'day';
      const onA = what === 'weeks' ? `in ${na}` : `on ${na}`;
      const onB = what === 'weeks' ? `in ${nb}` : `on ${nb}`;
      const templates: string[] = [];
      if (lead) templates.push(`${lead} {loc} ${onA} or ${onB}?`);
      if (hiLo) templates.push(`Was the average ${m.w.meanNP} {loc} ${hiLo} ${onA} or ${onB}?`);
      templates.push(
        m.daily === 'sum'
          ? `Which ${unit} had more ${m.label} {loc}, ${na} or ${nb}?`
          : `Which ${unit} had the ${hiLo} average ${m.w.meanNP} {loc}, ${na} or ${nb}?`,
      );
      if (lead) templates.push(`${capitalise(onA)} or ${onB}: ${lower(lead)} {loc}?`);
      const c = m.w.cmp?.[higher ? 0 : 1];
      const than =
        m.daily === 'sum'
          ? `Were there more ${m.label} {loc} ${onA} than ${onB}?`
          : c
            ? `Was it ${c} {loc} ${onA} than ${onB}?`
            : null;
      whether = than !== null && rng.chance(0.3);
      question = fillQ(whether ? (than as string) : rng.pick(templates), ref, null);
      sides = [
        { label: na, value: a, marks: marksA },
        { label: nb, value: b, marks: marksB },
      ];
    }
    const [A, B] = sides as [(typeof sides)[0], (typeof sides)[0]];
    if (!distinct(A.value, B.value, dec) || !safe(A.value, dec) || !safe(B.value, dec)) return null;
    const aWins = higher ? A.value > B.value : A.value < B.value;
    const winner = aWins ? 0 : 1;
    const when = sides[2]?.label;
    return {
      question,
      truth: `${(aWins ? A : B).label} (${A.label} ${fmt(A.value, dec + (m.daily === 'mean' ? 2 : 0))}, ${B.label} ${fmt(B.value, dec + (m.daily === 'mean' ? 2 : 0))} ${m.unit}${when ? `; ${when}` : ''}; ${higher ? 'higher' : 'lower'} wins)`,
      template: `compare/${what}${whether ? '/than' : ''}`,
      typos,
      check: (reply) => {
        if (whether) {
          const said = saysYes(reply.answer, aWins);
          if (said) return said;
        }
        const first = A.spell
          ? namedFirst(reply.answer, [A.spell, B.spell ?? []])
          : matchedFirst(reply.answer, [A.marks, B.marks]);
        if (first < 0) return `names neither ${A.label} nor ${B.label}`;
        if (first !== winner)
          return `names ${(first === 0 ? A : B).label} first, not ${(aWins ? A : B).label}`;
        return statesIt(reply.answer, A.value, dec) ?? statesIt(reply.answer, B.value, dec);
      },
    };
  });

  // ---- filter: whose shipments, which goods, where from and to ----
  interface FilterSpec {
    id: string;
    town: string;
    kind: string;
    test: (e: RawEvent) => boolean;
    measure: { key: string; unit: string } | 'count';
    templates: string[];
    refTown?: string;
    /** The same events as another town records them, for raids. */
    mirror?: { town: string; kind: string; test: (e: RawEvent) => boolean };
    words: Record<string, string>;
    typos: string[];
  }
  const specs: FilterSpec[] = [];
  const seenSpec = new Set<string>();
  const addSpec = (s: FilterSpec) => {
    if (seenSpec.has(s.id)) return;
    seenSpec.add(s.id);
    specs.push(s);
  };
  const placeName = (id: string) => (id === 'overseas' ? 'overseas' : nameOf(id));
  for (const e of events) {
    const d = e.data;
    const goods = typeof d.goods === 'string' ? d.goods : undefined;
    if (e.kind === RAID_KIND && num(e, 'raid_gold') > 0) {
      const raider = e.town;
      const raiderName = raider === 'den-of-thieves' ? 'the pirates' : nameOf(raider);
      const target = String(d.target);
      const to = String(d.to);
      const mirrorOf = (test: (l: RawEvent) => boolean) => ({ town: target, kind: 'loss', test });
      addSpec({
        id: `raid-target-gold|${raider}|${target}`,
        town: raider,
        kind: RAID_KIND,
        test: (x) => x.data.target === target && num(x, 'raid_gold') > 0,
        measure: { key: 'raid_gold', unit: 'gold' },
        templates: [
          'How much gold did {raider} take from {tposs} shipments {time}?',
          'How much gold did {raider} steal from {tposs} shipments {time}?',
          'What was the gold taken in raids on {tposs} shipments {time}?',
        ],
        refTown: target,
        mirror: mirrorOf((l) => l.data.raider === raider),
        words: { raider: raiderName },
        typos: ['gold', 'steal', 'raids', 'shipments'],
      });
      addSpec({
        id: `raid-target-count|${raider}|${target}`,
        town: raider,
        kind: RAID_KIND,
        test: (x) => x.data.target === target && num(x, 'raid_gold') > 0,
        measure: 'count',
        templates: [
          'How many times did {raider} raid {tposs} shipments {time}?',
          'How many raids hit {tposs} shipments {time}?',
          'How many of {tposs} shipments did {raider} raid {time}?',
        ],
        refTown: target,
        mirror: mirrorOf((l) => l.data.raider === raider),
        words: { raider: raiderName },
        typos: ['raid', 'raids', 'shipments'],
      });
      if (goods) {
        addSpec({
          id: `raid-goods-gold|${raider}|${goods}`,
          town: raider,
          kind: RAID_KIND,
          test: (x) => x.data.goods === goods && num(x, 'raid_gold') > 0,
          measure: { key: 'raid_gold', unit: 'gold' },
          templates: [
            'How much gold did {raider} take from {goods} shipments {time}?',
            'What were the raids on {goods} shipments worth {time}?',
            'How much gold did raids on {goods} cargo bring {raider} {time}?',
          ],
          words: { raider: raiderName, goods },
          typos: ['gold', 'raids', 'shipments', goods],
        });
        addSpec({
          id: `raid-goods-crates|${raider}|${goods}`,
          town: raider,
          kind: RAID_KIND,
          test: (x) => x.data.goods === goods && num(x, 'raid_gold') > 0,
          measure: { key: 'cargo_items', unit: 'crates' },
          templates: [
            'How many crates of {goods} did {raider} steal {time}?',
            'How many crates of {goods} were taken in raids {time}?',
            'In crates, how much {goods} did {raider} plunder {time}?',
          ],
          words: { raider: raiderName, goods },
          typos: ['crates', 'steal', 'raids', goods],
        });
      }
      addSpec({
        id: `raid-to-gold|${raider}|${to}`,
        town: raider,
        kind: RAID_KIND,
        test: (x) => x.data.to === to && num(x, 'raid_gold') > 0,
        measure: { key: 'raid_gold', unit: 'gold' },
        templates: [
          'How much gold did {raider} take from shipments bound for {toName} {time}?',
          'What were the raids on shipments to {toName} worth {time}?',
          'How much gold did {raider} steal from goods on their way to {toName} {time}?',
        ],
        words: { raider: raiderName, toName: placeName(to) },
        typos: ['gold', 'shipments', 'raids', 'steal', ...placeName(to).split(' ')],
      });
    } else if (e.kind === 'loss') {
      const town = e.town;
      const to = String(d.to);
      if (goods)
        addSpec({
          id: `loss-goods-gold|${town}|${goods}`,
          town,
          kind: 'loss',
          test: (x) => x.data.goods === goods,
          measure: { key: 'loot_gold', unit: 'gold' },
          templates: [
            'How much gold did {subj} lose to the pirates on {goods} shipments {time}?',
            'What did the robberies of {poss} {goods} shipments cost {time}, in gold?',
            'How much gold in {goods} was stolen from {subj} {time}?',
          ],
          refTown: town,
          words: { goods },
          typos: ['gold', 'lose', 'robberies', 'stolen', goods],
        });
      addSpec({
        id: `loss-to-count|${town}|${to}`,
        town,
        kind: 'loss',
        test: (x) => x.data.to === to,
        measure: 'count',
        templates: [
          'How many of {poss} shipments to {toName} were robbed {time}?',
          'How many times was a shipment from {subj} to {toName} robbed {time}?',
          'How many robberies hit shipments from {subj} bound for {toName} {time}?',
        ],
        refTown: town,
        words: { toName: placeName(to) },
        typos: ['shipments', 'robbed', 'robberies', ...placeName(to).split(' ')],
      });
    } else if (e.kind === 'trade' && typeof d.value_gold === 'number' && num(e, 'value_gold') > 0) {
      const town = e.town;
      const from = String(d.from);
      const to = String(d.to);
      if (from === town) {
        if (goods)
          addSpec({
            id: `sale-goods-gold|${town}|${goods}`,
            town,
            kind: 'trade',
            test: (x) =>
              x.data.from === town && x.data.goods === goods && typeof x.data.value_gold === 'number',
            measure: { key: 'value_gold', unit: 'gold' },
            templates: [
              'How much gold did {subj} earn selling {goods} {time}?',
              'What did {poss} {goods} sales earn {time}, in gold?',
              'How much gold did {subj} make from sales of {goods} {time}?',
            ],
            refTown: town,
            words: { goods },
            typos: ['gold', 'earn', 'selling', 'sales', goods],
          });
        addSpec({
          id: `sent-crates|${town}|${to}`,
          town,
          kind: 'trade',
          test: (x) => x.data.from === town && x.data.to === to && typeof x.data.cargo_items === 'number',
          measure: { key: 'cargo_items', unit: 'crates' },
          templates:
            to === 'overseas'
              ? [
                  'How many crates did {subj} sell overseas {time}?',
                  'How many crates of goods went overseas from {subj} {time}?',
                  'How many crates did {subj} ship overseas {time}?',
                ]
              : [
                  'How many crates did {subj} send to {toName} {time}?',
                  'How many crates went from {subj} to {toName} {time}?',
                  'How many crates of goods did {subj} ship to {toName} {time}?',
                ],
          refTown: town,
          words: { toName: placeName(to) },
          typos: ['crates', 'send', 'ship', 'sell', ...placeName(to).split(' ')],
        });
      } else if (to === town) {
        addSpec({
          id: `bought-gold|${town}|${from}`,
          town,
          kind: 'trade',
          test: (x) => x.data.from === from && x.data.to === town && typeof x.data.value_gold === 'number',
          measure: { key: 'value_gold', unit: 'gold' },
          templates: [
            'How much gold did {subj} pay for goods from {fromName} {time}?',
            'What did {subj} spend on goods bought from {fromName} {time}, in gold?',
            'How much gold went from {subj} to the ships from {fromName} {time}?',
          ],
          refTown: town,
          words: { fromName: placeName(from) },
          typos: ['gold', 'goods', 'spend', 'ships'],
        });
        if (goods)
          addSpec({
            id: `bought-crates|${town}|${from}|${goods}`,
            town,
            kind: 'trade',
            test: (x) =>
              x.data.from === from &&
              x.data.to === town &&
              x.data.goods === goods &&
              typeof x.data.value_gold === 'number',
            measure: { key: 'cargo_items', unit: 'crates' },
            templates: [
              'How many crates of {goods} did {subj} buy from {fromName} {time}?',
              'How many crates of {goods} came to {subj} from {fromName} {time}?',
              'How much {goods} did {subj} buy from {fromName} {time}, in crates?',
            ],
            refTown: town,
            words: { fromName: placeName(from), goods },
            typos: ['crates', 'came', goods],
          });
      }
    } else if (e.kind === 'arrival') {
      const town = e.town;
      const from = String(d.from);
      addSpec({
        id: `arrivals-from|${town}|${from}`,
        town,
        kind: 'arrival',
        test: (x) => x.data.from === from,
        measure: 'count',
        templates: [
          'How many shipments from {fromName} arrived {loc} {time}?',
          'How many deliveries came {loc} from {fromName} {time}?',
          'How many shipments reached {subj} from {fromName} {time}?',
        ],
        refTown: town,
        words: { fromName: placeName(from) },
        typos: ['shipments', 'arrived', 'deliveries', 'reached', ...placeName(from).split(' ')],
      });
      if (goods)
        addSpec({
          id: `arrivals-goods|${town}|${goods}`,
          town,
          kind: 'arrival',
          test: (x) => x.data.goods === goods && typeof x.data.cargo_items === 'number',
          measure: { key: 'cargo_items', unit: 'crates' },
          templates: [
            'How many crates of {goods} arrived {loc} {time}?',
            'How many crates of {goods} were delivered {loc} {time}?',
            'In crates, how much {goods} reached {subj} {time}?',
          ],
          refTown: town,
          words: { goods },
          typos: ['crates', 'arrived', 'delivered', 'reached', goods],
        });
    }
  }
  produce('filter', specs, (s, rng) => {
    const time = timeOf(rng.pick([...ALL_TIMES, 'none', 'none']), rng);
    const list = h.of(s.town, s.kind, time).filter(s.test);
    if (s.mirror) {
      const { town, kind, test } = s.mirror;
      const mirror = h
        .of(town, kind, time)
        .filter((l) => test(l) && s.test({ ...l, data: { ...l.data, raid_gold: num(l, 'loot_gold') } }));
      if (mirror.length !== list.length || mirror.some((l, i) => l.day !== list[i]?.day)) return null;
    }
    if (list.length === 0) return null;
    const value =
      s.measure === 'count'
        ? list.length
        : exactSum(
            list.map((e) => num(e, (s.measure as { key: string }).key)),
            0,
          );
    if (value === 0) return null;
    const ref = s.refTown ? refOf(s.refTown, rng, 'people') : null;
    const template = rng.pick(variants(s.templates, time));
    const words: Record<string, string> = {
      ...s.words,
      tposs: ref?.poss ?? '',
      loc: ref?.loc ?? '',
      subj: ref?.subj ?? '',
      poss: ref?.poss ?? '',
      time: time.text,
      Lead: time.lead,
    };
    const unit = s.measure === 'count' ? 'events' : s.measure.unit;
    return {
      question: fill(template, words),
      truth: `${value} ${unit} (${list.length} ${s.kind} events of ${nameOf(s.town)} matching ${s.id.split('|').slice(0, 1)}, ${rangeText(time)})`,
      template: `filter/${s.id.split('|')[0]}`,
      typos: [...s.typos, ...townWords(ref)],
      check: statesValue(value, 0),
    };
  });

  // ---- correlate and trend of daily series ----
  const seriesNP = (m: Metric, ref: TownRef, its = false) => `${its ? 'its' : ref.poss} ${m.w.daily}`;
  const corrMetrics = plain.filter((m) => m.key !== 'boat_repaired');
  produce('correlate', corrMetrics, (a, rng) => {
    const b = rng.chance(0.5)
      ? rng.maybe(corrMetrics.filter((x) => x.town === a.town && x.key !== a.key))
      : rng.maybe(corrMetrics.filter((x) => x !== a));
    if (!b) return null;
    const time = timeOf(rng.pick(LONG_SPANS), rng);
    if (time.to - time.from < 9) return null;
    const sa = dailySeries(h, a, time);
    const sb = dailySeries(h, b, time);
    const days = [...sa.keys()].filter((d) => sb.has(d)).sort((x, y) => x - y);
    if (days.length < 7) return null;
    const r = pearson(
      days.map((d) => sa.get(d) as number),
      days.map((d) => sb.get(d) as number),
    );
    if (!Number.isFinite(r) || Math.abs(r) < 0.005 || !safe(r, 2)) return null;
    const refA = refOf(a.town, rng, 'place');
    const refB = b.town === a.town ? refA : refOf(b.town, rng, 'place');
    const A = seriesNP(a, refA);
    const B = seriesNP(b, refB, b.town === a.town);
    const templates = variants(
      [
        `What is the correlation between ${A} and ${B} {time}?`,
        `How closely did ${A} track ${B} {time}? Give Pearson's r.`,
        `What was the Pearson correlation of ${A} with ${B} {time}?`,
      ],
      time,
    );
    return {
      question: fillQ(rng.pick(templates), null, time),
      truth: `r = ${r.toFixed(4)} over ${days.length} days (${a.key}@${a.town} vs ${b.key}@${b.town}; ${rangeText(time)})`,
      template: 'correlate/pearson',
      typos: [...a.w.typos, ...b.w.typos, ...townWords(refA), ...townWords(refB), 'correlation'],
      check: statesValue(r, 2),
    };
  });
  produce('trend', corrMetrics, (m, rng) => {
    const time = timeOf(rng.pick([...LONG_SPANS, 'week', 'last-week', 'this-week']), rng);
    if (time.to - time.from < 6) return null;
    const s = dailySeries(h, m, time);
    if (s.size < 7) return null;
    const days = [...s.keys()].sort((x, y) => x - y);
    const value = slope(
      days,
      days.map((d) => s.get(d) as number),
    );
    if (!Number.isFinite(value) || round(value, 2) === 0 || !safe(value, 2)) return null;
    const ref = refOf(m.town, rng, 'place');
    const S = seriesNP(m, ref);
    const templates = variants(
      [
        `What was the trend of ${S} {time}?`,
        `By how much per day did ${S} change {time}? (least-squares slope)`,
        `Was ${S} rising or falling {time}, and by how much per day?`,
        `Give the least-squares slope of ${S} {time}.`,
      ],
      time,
    );
    const rising = value > 0;
    return {
      question: fillQ(rng.pick(templates), null, time),
      truth: `slope ${value.toFixed(4)} ${m.unit}/day over ${s.size} days (${m.key}@${m.town}; ${rangeText(time)})`,
      template: 'trend/slope',
      typos: [...m.w.typos, ...townWords(ref), 'trend', 'slope'],
      check: (reply) => {
        const signed = statesIt(reply.answer, value, 2);
        if (signed === null) return null;
        const unsigned = statesIt(reply.answer, Math.abs(value), 2);
        const said = rising
          ? /\b(ris(e|es|ing)|increas(e|es|ed|ing)|up|grow(s|ing)|upward)\b/i
          : /\b(fall(s|ing)?|decreas(e|es|ed|ing)|down|declin(e|es|ed|ing)|drop(s|ping)?|downward)\b/i;
        return unsigned === null && said.test(reply.answer) ? null : signed;
      },
    };
  });

  // ---- both on the same day ----
  const bothOccurrences = occurrences.filter((o) => !o.mirror);
  produce('both', bothOccurrences, (a, rng) => {
    const b = rng.maybe(bothOccurrences.filter((x) => x !== a && !(x.town === a.town && x.key === a.key)));
    if (!b) return null;
    const time = timeOf(rng.pick([...SPANS, 'none']), rng);
    if (time.to - time.from < 4) return null;
    const da = new Set(occIn(a, time).map((e) => e.day));
    const db = new Set(occIn(b, time).map((e) => e.day));
    const shared = [...da].filter((d) => db.has(d)).sort((x, y) => x - y);
    if (shared.length < 1 || shared.length > 6) return null;
    const refA = occRef(a, rng);
    const refB = occRef(b, rng);
    const npA = fillQ(a.w.np, refA, null);
    const npB = fillQ(b.w.np, refB, null);
    const templates = variants(
      [
        `On which days {time} was there both ${npA} and ${npB}?`,
        `Which days {time} had ${npA} as well as ${npB}?`,
        `When did ${npA} and ${npB} happen on the same day {time}?`,
      ],
      time,
    );
    const question = fillQ(rng.pick(templates), null, time);
    const inQuestion = new Set(numbersOf(question).map((n) => n.value));
    return {
      question,
      truth: `day${shared.length > 1 ? 's' : ''} ${shared.join(', ')} (${a.key}@${a.town}: ${da.size} days, ${b.key}@${b.town}: ${db.size} days; ${rangeText(time)})`,
      template: 'both/days',
      typos: [...a.w.typos, ...b.w.typos, ...townWords(refA), ...townWords(refB)],
      check: (reply) => {
        const named = daysNamed(reply.answer);
        const missing = shared.find((d) => !named.has(d));
        if (missing !== undefined) return `does not name day ${missing}`;
        const stray = [...named].find(
          (d) => d >= time.from && d <= time.to && !shared.includes(d) && !inQuestion.has(d),
        );
        return stray === undefined ? null : `names day ${stray}, when not both happened`;
      },
    };
  });

  // ---- did: yes or no ----
  const didRng = new Random(seed, 'did-balance');
  let yeses = 0;
  let nos = 0;
  produce<Occurrence | Metric>(
    'did',
    [...occurrences, ...occurrences, ...summable, ...readings],
    (s, rng) => {
      const time = timeOf(rng.pick(ALL_TIMES), rng);
      let yes: boolean;
      let question: string;
      let truth: string;
      let typos: string[];
      let template: string;
      if ('test' in s) {
        if (!mirrored(s, time)) return null;
        const found = occIn(s, time);
        yes = found.length > 0;
        const ref = occRef(s, rng);
        const templates = variants(
          [s.w.did, `Was there ${s.w.np} {time}?`, `Tell me, yes or no: was there ${s.w.np} {time}?`],
          time,
        );
        question = fillQ(rng.pick(templates), ref, time);
        truth = `${yes ? 'yes' : 'no'} (${found.length} ${s.kind} events with ${s.key} in ${nameOf(s.town)}${found.length ? ` on days ${[...new Set(found.map((e) => e.day))].slice(0, 8).join(', ')}` : ''}; ${rangeText(time)})`;
        typos = [...s.w.typos, ...townWords(ref)];
        template = 'did/occurrence';
      } else {
        const value = aggregateOf(s, time);
        if (value === null || value === 0) return null;
        // A threshold well away from the value, so the answer does not hang on rounding.
        yes = rng.chance(0.5);
        const isSum = s.daily === 'sum';
        const factor = isSum
          ? rng.pick(yes ? [0.5, 0.6, 0.7, 0.8] : [1.25, 1.4, 1.6, 2])
          : rng.pick(yes ? [0.8, 0.9] : [1.1, 1.2]);
        const raw = value * factor;
        const digits = Math.max(0, Math.floor(Math.log10(Math.abs(raw))) - (isSum ? 1 : 2));
        let threshold = Math.round(raw / 10 ** digits) * 10 ** digits;
        if (s.decimals > 0 && Math.abs(raw) < 10) threshold = round(raw, Math.min(s.decimals, 1));
        if (threshold === 0 || (yes ? value <= threshold : value >= threshold)) return null;
        const ref = s.kind === SENSOR_KIND ? refOf(s.town, rng, 'place') : placeFor(s, rng);
        const t = `${threshold.toLocaleString('en-US')} ${s.unit}`;
        const templates =
          s.daily === 'sum'
            ? variants(
                [
                  `Was the total ${s.label} {loc} {time} more than ${t}?`,
                  `Did the ${s.label} {loc} add up to more than ${t} {time}?`,
                ],
                time,
              )
            : variants(
                [
                  `Was the average ${s.w.meanNP} {loc} {time} above ${t}?`,
                  `Did the ${s.w.meanNP} {loc} average more than ${t} {time}?`,
                ],
                time,
              );
        question = fillQ(rng.pick(templates), ref, time);
        truth = `${yes ? 'yes' : 'no'} (${s.daily === 'sum' ? 'total' : 'mean'} ${fmt(value, s.decimals + (s.daily === 'mean' ? 2 : 0))} ${s.unit} against ${threshold}; ${rangeText(time)})`;
        typos = [...s.w.typos, ...townWords(ref)];
        template = 'did/threshold';
      }
      // Keep yes and no about even.
      if (yes && yeses > nos + 4 && didRng.chance(0.8)) return null;
      if (!yes && nos > yeses + 4 && didRng.chance(0.8)) return null;
      if (yes) yeses++;
      else nos++;
      const want = yes;
      return { question, truth, template, typos, check: (reply) => saysYes(reply.answer, want) };
    },
  );

  // ---- future ----
  const futureTime = (rng: Random): { text: string; lead: string } => {
    const kind = rng.int(0, 6);
    const far = () => rng.int(450, 999);
    const text =
      kind === 0
        ? 'tomorrow'
        : kind === 1
          ? 'the day after tomorrow'
          : kind === 2
            ? 'next week'
            : kind === 3
              ? 'next month'
              : kind === 4
                ? `on day ${far()}`
                : kind === 5
                  ? `in week ${rng.int(70, 140)}`
                  : (() => {
                      const a = far();
                      return `between day ${a} and day ${a + rng.int(2, 20)}`;
                    })();
    return { text, lead: capitalise(text) };
  };
  produce<Metric | Occurrence>('future', [...plain, ...occurrences], (s, rng) => {
    const t = futureTime(rng);
    const all = { from: 1, to: N };
    const lastWeek = { from: N - 6, to: N };
    if ('test' in s) {
      const ref = occRef(s, rng);
      const templates = [
        `Will there be ${s.w.np} {time}?`,
        `{Lead}, will there be ${s.w.np}?`,
        `How many times will there be ${s.w.np} {time}?`,
      ];
      const count = occIn(s, all).length;
      return {
        question: fill(rng.pick(templates), {
          loc: ref.loc,
          subj: ref.subj,
          poss: ref.poss,
          time: t.text,
          Lead: t.lead,
        }),
        truth: `not yet (the history holds ${count} such events, none after day ${N})`,
        template: 'future/occurrence',
        typos: [...s.w.typos, ...townWords(ref)],
        check: (reply) =>
          saysNotYet(reply.answer) ??
          (count >= 10 && statesIt(reply.answer, count, 0) === null
            ? `states the history's count, ${count}`
            : null),
      };
    }
    const ref = refOf(s.town, rng, s.kind === SENSOR_KIND ? 'place' : 'people');
    const history = aggregateOf(s, all);
    const recent = aggregateOf(s, lastWeek);
    const templates = [
      `${s.w.will} {loc} {time}?`,
      `{Lead}, ${lower(s.w.will)} {loc}?`,
      `Predict the ${s.daily === 'mean' ? s.w.meanNP : s.label} {loc} {time}.`,
    ];
    return {
      question: fill(rng.pick(templates), {
        loc: ref.loc,
        subj: ref.subj,
        poss: ref.poss,
        time: t.text,
        Lead: t.lead,
      }),
      truth: `not yet (history ${history === null ? 'none' : fmt(history, s.decimals + 2)} ${s.unit}, after day ${N} nothing)`,
      template: 'future/metric',
      typos: [...s.w.typos, ...townWords(ref)],
      check: (reply) => {
        const notYet = saysNotYet(reply.answer);
        if (notYet) return notYet;
        // A day's number ("Day 61 has not come yet") is no figure of the history.
        for (const v of [history, recent])
          if (
            v !== null &&
            Math.abs(v) >= 10 &&
            statesIt(reply.answer.replace(/\bdays? \d+(?:[–-]\d+)?/gi, ''), v, s.decimals) === null
          )
            return `states a history figure (${fmt(v, s.decimals)})`;
        return null;
      },
    };
  });

  // ---- role: who holds a role (people.ts) ----
  interface RoleSpec {
    town: AnyTownRules;
    role: string;
    holders: string[];
    /** Only this town has the role, so the question may leave it out. */
    alone: boolean;
  }
  const roleSpecs: RoleSpec[] = [];
  for (const town of towns) {
    const byRole = world.workers(town.id);
    for (const [role, holders] of Object.entries(byRole)) {
      const alone = towns.every((t) => t.id === town.id || !(world.workers(t.id)[role]?.length ?? 0));
      roleSpecs.push({ town, role, holders: [...holders], alone });
    }
  }
  produce('role', roleSpecs, (s, rng) => {
    const words = ROLES[s.role] ?? { one: s.role, many: `${s.role}s`, verb: `works as ${s.role}` };
    const ref = s.alone && rng.chance(0.25) ? null : refOf(s.town.id, rng, 'people');
    const typos = [
      ...words.one.split(' '),
      ...words.many.split(' '),
      ...words.verb.split(' '),
      ...townWords(ref),
    ];
    if (rng.chance(0.2)) {
      // The other way round: what does this person do?
      const person = rng.pick(s.holders);
      const def = s.town.people.find((p) => p.name === person);
      const roles = def?.roles ?? [s.role];
      const accepted = [
        ...(def?.job ? [def.job] : []),
        ...roles.flatMap((r) => [r, ROLES[r]?.one ?? r, ROLES[r]?.verb ?? r]),
      ];
      const templates = [
        `What does ${person} do {loc}?`,
        `What is ${person}'s job?`,
        `What work does ${person} do {loc}?`,
      ];
      return {
        question: fillQ(rng.pick(templates), ref, null),
        truth: `${def?.job ?? s.role} (roles: ${roles.join(', ')})`,
        template: 'role/job',
        typos,
        check: (reply) =>
          accepted.some((a) => reply.answer.toLowerCase().includes(a.toLowerCase()))
            ? null
            : `does not say ${accepted[0]}`,
      };
    }
    const many = s.holders.length > 1;
    const templates = many
      ? [
          `Who are the ${words.many} {loc}?`,
          `Who ${words.verb} {loc}?`,
          `Name the ${words.many} {loc}.`,
          `Which people work as ${words.many} {loc}?`,
        ]
      : [
          `Who is the ${words.one} {loc}?`,
          `Who ${words.verb} {loc}?`,
          `Name the ${words.one} {loc}.`,
          `Tell me who ${words.verb} {loc}.`,
        ];
    return {
      question: fillQ(rng.pick(templates), ref, null),
      truth: `${s.holders.join(', ')} (${s.role} of ${s.town.name})`,
      template: `role/${many ? 'many' : 'one'}`,
      typos,
      check: (reply) => {
        const missing = s.holders.find((p) => firstIndex(reply.answer, spellingsOf(p)) < 0);
        return missing ? `does not name ${missing}` : null;
      },
    };
  });

  // Whole-history counts of happenings are scope questions as well.
  const scopeCounts = Math.round(QUOTA.scope / 4);
  {
    const rng = new Random(seed, 'scope-counts');
    let made = 0;
    for (let i = 0; made < scopeCounts && i < scopeCounts * 40; i++) {
      const o = occurrences[i % occurrences.length];
      if (!o) break;
      const d = countDraft(o, rng, whole, 'scope');
      if (!d || asked.has(d.question)) continue;
      asked.add(d.question);
      made++;
      const { check, typos, ...rest } = d;
      out.push(withTypo({ form: 'scope', ...rest, check: (reply) => check(reply) }, typos, seed));
    }
  }

  return out;
}

/**
 * The answer states the value (checks.ts `states`), or writes it exactly with its trailing zeros left
 * off: "6 mm" of a rain total of 6.0 mm, "0.59 lbs" of 0.5900 lbs. A reader loses nothing there; a
 * rounded figure ("12" for a mean of 12.3) still does not state it.
 */
function statesIt(answer: string, value: number, decimals: number): string | null {
  return numbersOf(answer).some((n) => Math.abs(n.value - value) < 1e-9)
    ? null
    : states(answer, value, decimals);
}

/** The answer states a count; "none" or "never" states a count of zero. */
const statesCount = (n: number) => (reply: Reply) =>
  n === 0 && /\b(no|none|never|not once|zero)\b/i.test(reply.answer) ? null : statesIt(reply.answer, n, 0);

/** The answer names this day ("day 12", or within "days 3, 12 and 20"). */
function namesDayIn(answer: string, day: number): string | null {
  return daysNamed(answer).has(day) ? null : `does not name day ${day}`;
}

/**
 * A development set written from the world definition and eval/CONVENTIONS.md alone, without
 * reading the planner, in three voices: a detective questioning a witness (precise and insistent:
 * "On exactly which day…", "State the figure."), a tourist reading a guidebook who names the places
 * by what they are (the fishing port, the farming village, the mountain town, the pirate island, the
 * Drowned Rat, the Deep Gallery), and a search-box user typing fragments with no grammar ("port
 * logic most fish day week 3"). Every truth is computed here from the raw events.
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

type Voice = 'det' | 'tour' | 'box';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
/** The towns that send goods down the routes (and so can be robbed). */
const SHIPPERS: Town[] = ['port-logic', 'patchbourough', 'circuiton'];

// ---------------------------------------------------------------- randomness

/** FNV-1a over the history's length and a sample of its events. */
function historyHash(events: readonly RawEvent[]): number {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  feed(`L${events.length}`);
  for (let i = 0; i < events.length; i += 53) {
    const e = events[i] as RawEvent;
    feed(`${e.town}/${e.day}/${e.kind}/${e.text}`);
  }
  return h >>> 0;
}

/** xorshift32, warmed up. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

// ---------------------------------------------------------------- words

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/** A town as a voice names it: the noun phrase, and where ("up in the mountain town"). */
interface Said {
  name: string;
  at: string;
}

const PLACES: Record<Town, Record<Voice, Said[]>> = {
  'port-logic': {
    det: [
      { name: 'Port Logic', at: 'at Port Logic' },
      { name: 'Port Logic', at: 'in Port Logic' },
      { name: 'the harbour', at: 'at the harbour' },
    ],
    tour: [
      { name: 'the fishing port', at: 'at the fishing port' },
      { name: 'the harbour town', at: 'in the harbour town' },
      { name: 'Port Logic', at: 'in Port Logic' },
      { name: 'the port', at: 'down at the port' },
      { name: 'the ocean port', at: 'at the ocean port' },
    ],
    box: [
      { name: 'port logic', at: 'port logic' },
      { name: 'port', at: 'port' },
      { name: 'harbour', at: 'harbour' },
      { name: 'portlogic', at: 'portlogic' },
    ],
  },
  patchbourough: {
    det: [
      { name: 'PatchBourough', at: 'at PatchBourough' },
      { name: 'PatchBourough', at: 'in PatchBourough' },
      { name: 'the farms', at: 'at the farms' },
    ],
    tour: [
      { name: 'the farming village', at: 'in the farming village' },
      { name: 'the river farms', at: 'on the river farms' },
      { name: 'PatchBourough', at: 'in PatchBourough' },
      { name: 'the farm town', at: 'in the farm town' },
    ],
    box: [
      { name: 'patchbourough', at: 'patchbourough' },
      { name: 'patch', at: 'patch' },
      { name: 'farms', at: 'farms' },
      { name: 'farm town', at: 'farm town' },
    ],
  },
  circuiton: {
    det: [
      { name: 'Circuiton', at: 'at Circuiton' },
      { name: 'Circuiton', at: 'in Circuiton' },
      { name: 'the mining town', at: 'in the mining town' },
    ],
    tour: [
      { name: 'the mountain town', at: 'up in the mountain town' },
      { name: 'the mining town', at: 'in the mining town' },
      { name: 'Circuiton', at: 'in Circuiton' },
      { name: 'the mountains', at: 'up in the mountains' },
    ],
    box: [
      { name: 'circuiton', at: 'circuiton' },
      { name: 'mines', at: 'mines' },
      { name: 'mountain town', at: 'mountain town' },
      { name: 'circuitown', at: 'circuitown' },
    ],
  },
  'den-of-thieves': {
    det: [
      { name: 'the Den of Thieves', at: 'at the Den of Thieves' },
      { name: 'the Den', at: 'at the Den' },
    ],
    tour: [
      { name: 'the pirate island', at: 'on the pirate island' },
      { name: 'the island', at: 'out on the island' },
      { name: 'the Den of Thieves', at: 'at the Den of Thieves' },
    ],
    box: [
      { name: 'den', at: 'den' },
      { name: 'den of thieves', at: 'den of thieves' },
      { name: 'pirate island', at: 'pirate island' },
    ],
  },
};

/** "{at}" and "{name}" in a phrase filled with how the voice names the town. */
const fill = (s: string, t: Said) =>
  s
    .replace(/\{at\}/g, t.at)
    .replace(/\{name\}'s/g, poss(t.name))
    .replace(/\{name\}/g, t.name);
/** "the fishing port's", "Port Logic's". */
const poss = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

// ---------------------------------------------------------------- time

interface Span {
  a: number;
  b: number;
  kind: string;
  /** Put before the clause: "In week 3, " (detective, tourist) or "week 3 " (search box); '' for none. */
  front: Record<Voice, string>;
  /** Put after a word: " in week 3"; '' for none. */
  end: Record<Voice, string>;
}

const WIDE = ['between', 'week', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole'];
const ANY = ['today', 'yesterday', 'day', 'day', ...WIDE];

// ---------------------------------------------------------------- the things asked about

interface Output {
  town: Town;
  kind: string;
  key: string;
  dec: number;
  /** As a value is stated: "fish", "tons of ore". */
  unit: string;
  /** After "the most": "fish", "ore". */
  noun: string;
  few: string;
  /** Who does it, "{at}" for the town: "the fishermen {at}". */
  doers: string[];
  /** Base and past forms: ["land", "landed"]. */
  verbs: [string, string][];
  /** After the noun: " in raids". */
  after?: string;
  /** Noun phrases: "fish caught {at}". */
  made: string[];
  /** Search-box words. */
  box: string[];
  /** The largest single event: "the biggest single catch {at}". */
  one: string[];
  /** The same as a search-box fragment: "biggest catch". */
  oneBox: string[];
  /** Counted ("how many fish") rather than measured ("how much ore"). */
  many: boolean;
  /** Whose work the actor field names ("fisher"). */
  who?: string;
}

const OUTPUTS: Output[] = [
  {
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    unit: 'fish',
    noun: 'fish',
    few: 'fewest',
    doers: ['the fishermen {at}', 'the boats {at}', 'the fishing crews {at}'],
    verbs: [
      ['catch', 'caught'],
      ['land', 'landed'],
      ['bring in', 'brought in'],
    ],
    made: ['fish caught {at}', 'fish landed {at}'],
    box: ['fish', 'fish caught', 'catch'],
    one: ['the biggest single catch {at}', 'the largest haul of fish from one trip {at}'],
    oneBox: ['biggest catch', 'largest single haul'],
    many: true,
    who: 'fisher',
  },
  {
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    unit: 'tons of ore',
    noun: 'ore',
    few: 'least',
    doers: ['the miners {at}', 'the mine {at}', 'the Deep Gallery {at}'],
    verbs: [
      ['dig out', 'dug out'],
      ['mine', 'mined'],
      ['bring up', 'brought up'],
    ],
    made: ['ore mined {at}', 'ore dug {at}'],
    box: ['ore', 'ore tons', 'ore mined'],
    one: ['the most ore from a single shift {at}', 'the richest single shift in the mine {at}'],
    oneBox: ['biggest ore shift', 'most ore one shift'],
    many: false,
    who: 'miner',
  },
  {
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    unit: 'lbs of grain',
    noun: 'grain',
    few: 'least',
    doers: ['the farmers {at}', 'the fields {at}', 'the River Fields {at}'],
    verbs: [
      ['harvest', 'harvested'],
      ['bring in', 'brought in'],
      ['reap', 'reaped'],
    ],
    made: ['grain harvested {at}', 'harvest {at}'],
    box: ['harvest', 'grain harvested'],
    one: ['the biggest single harvest {at}', 'the largest single load of grain harvested {at}'],
    oneBox: ['biggest harvest', 'largest single harvest'],
    many: false,
    who: 'farmer',
  },
  {
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    unit: 'lbs of flour',
    noun: 'flour',
    few: 'least',
    doers: ['the mill {at}', 'the water mill {at}', 'the miller {at}'],
    verbs: [
      ['grind', 'ground'],
      ['mill', 'milled'],
      ['make', 'made'],
    ],
    made: ['flour milled {at}', 'flour ground {at}'],
    box: ['flour', 'flour milled'],
    one: ['the biggest single milling of flour {at}', 'the most flour from one grinding {at}'],
    oneBox: ['biggest milling', 'most flour one grind'],
    many: false,
  },
  {
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    unit: 'tools',
    noun: 'tools',
    few: 'fewest',
    doers: ['the forge {at}', 'the blacksmith {at}', "Stone's Forge {at}"],
    verbs: [
      ['forge', 'forged'],
      ['make', 'made'],
      ['turn out', 'turned out'],
    ],
    made: ['tools forged {at}'],
    box: ['tools', 'tools forged'],
    one: ['the most tools from one forging {at}', 'the biggest batch of tools forged {at}'],
    oneBox: ['biggest tool batch', 'most tools one forging'],
    many: true,
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    unit: 'nets',
    noun: 'nets',
    few: 'fewest',
    doers: ['the net loft {at}', 'the net makers {at}'],
    verbs: [
      ['make', 'made'],
      ['knot', 'knotted'],
    ],
    made: ['nets made {at}'],
    box: ['nets', 'nets made'],
    one: ['the biggest batch of nets {at}'],
    oneBox: ['biggest net batch'],
    many: true,
    who: 'netmaker',
  },
  {
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    unit: 'ropes',
    noun: 'ropes',
    few: 'fewest',
    doers: ['the rope makers {at}', 'the net loft {at}'],
    verbs: [
      ['make', 'made'],
      ['twist', 'twisted'],
    ],
    made: ['ropes made {at}'],
    box: ['ropes', 'rope made'],
    one: ['the biggest batch of ropes {at}'],
    oneBox: ['biggest rope batch'],
    many: true,
    who: 'netmaker',
  },
  {
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    unit: 'trinkets',
    noun: 'trinkets',
    few: 'fewest',
    doers: ['John the apprentice {at}', "the Tinkers' Workshop {at}", 'the apprentice {at}'],
    verbs: [
      ['make', 'made'],
      ['turn out', 'turned out'],
    ],
    made: ['trinkets made {at}'],
    box: ['trinkets', 'trinkets made'],
    one: ['the biggest batch of trinkets {at}', 'the most trinkets made at one sitting {at}'],
    oneBox: ['biggest trinket batch'],
    many: true,
  },
  {
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    unit: 'drinks',
    noun: 'drinks',
    few: 'fewest',
    doers: ['the tavern {at}', 'Greta Grog {at}', 'the Drowned Rat {at}'],
    verbs: [
      ['pour', 'poured'],
      ['serve', 'served'],
    ],
    made: ['drinks poured {at}', 'drinks served {at}'],
    box: ['drinks', 'drinks poured'],
    one: ['the most drinks poured in one round {at}', 'the biggest round of drinks {at}'],
    oneBox: ['biggest round drinks', 'most drinks one round'],
    many: true,
  },
  {
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    unit: 'arrows',
    noun: 'arrows',
    few: 'fewest',
    doers: ['the fletcher {at}', 'Skiv the Fletcher {at}'],
    verbs: [
      ['make', 'made'],
      ['fletch', 'fletched'],
    ],
    made: ['arrows made {at}', 'arrows fletched {at}'],
    box: ['arrows', 'arrows made'],
    one: ['the biggest batch of arrows {at}', 'the most arrows fletched at one sitting {at}'],
    oneBox: ['biggest arrow batch'],
    many: true,
  },
  {
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    unit: 'gold',
    noun: 'gold',
    few: 'least',
    doers: ['the pirates {at}', 'the raiders {at}', 'the crew of the Black Gull {at}'],
    verbs: [
      ['take', 'took'],
      ['plunder', 'plundered'],
    ],
    after: ' in raids',
    made: ['gold taken in raids by the pirates {at}', 'raid gold {at}'],
    box: ['raid gold', 'loot', 'gold raided'],
    one: ['the richest single raid by the pirates {at}', 'the biggest haul of gold from one raid {at}'],
    oneBox: ['richest raid', 'biggest raid gold'],
    many: false,
  },
  {
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    unit: 'pupils',
    noun: 'pupils',
    few: 'fewest',
    doers: ['the Academy {at}', 'the teachers {at}'],
    verbs: [['teach', 'taught']],
    after: ' a craft',
    made: ['pupils who learned a craft {at}'],
    box: ['pupils learned', 'academy pupils'],
    one: ['the most pupils taught in one lesson {at}'],
    oneBox: ['most pupils one lesson'],
    many: true,
    who: 'teacher',
  },
];
const outputOf = (key: string) => OUTPUTS.find((o) => o.key === key) as Output;
/** The outputs whose single events and days are asked about most. */
const MAIN = ['fish', 'ore_tons', 'harvest', 'flour_lbs', 'drinks', 'raid_gold', 'tools', 'arrows'];

interface Reading {
  key: string;
  dec: number;
  unit: string;
  label: string[];
  box: string[];
  hi: string;
  lo: string;
  /** Comparatives: "warmer", "colder". */
  more: string;
  less: string;
  /** "the highest {label}" reads well; else the superlatives. */
  only?: Town;
}

const READINGS: Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    label: ['temperature', 'air temperature'],
    box: ['temp', 'temperature'],
    hi: 'hottest',
    lo: 'coldest',
    more: 'warmer',
    less: 'colder',
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    label: ['wind speed', 'wind'],
    box: ['wind', 'wind kph'],
    hi: 'windiest',
    lo: 'calmest',
    more: 'windier',
    less: 'calmer',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    label: ['humidity'],
    box: ['humidity'],
    hi: 'most humid',
    lo: 'least humid',
    more: 'more humid',
    less: 'less humid',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    label: ['air pressure', 'barometric pressure'],
    box: ['pressure', 'air pressure'],
    hi: 'highest-pressure',
    lo: 'lowest-pressure',
    more: 'higher in pressure',
    less: 'lower in pressure',
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    label: ['tide', 'tide level'],
    box: ['tide'],
    hi: 'highest-tide',
    lo: 'lowest-tide',
    more: 'higher',
    less: 'lower',
    only: 'port-logic',
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    label: ['river level'],
    box: ['river level'],
    hi: 'highest-river',
    lo: 'lowest-river',
    more: 'higher',
    less: 'lower',
    only: 'patchbourough',
  },
];
const readingOf = (key: string) => READINGS.find((r) => r.key === key) as Reading;

const num = (e: RawEvent, k: string): number | undefined => {
  const v = e.data[k];
  return typeof v === 'number' ? v : undefined;
};
const flagged = (e: RawEvent, k: string) => e.data[k] === 1;

/** A thing that happens on a day: its events, and how each voice says it. */
interface Happening {
  id: string;
  town: Town;
  kind: string;
  test: (e: RawEvent) => boolean;
  /** After "did": "it rain {at}". */
  base: string[];
  /** "the days when it rained {at}". */
  past: string[];
  box: string[];
  /** The events counted: "robberies of {name}'s shipments" (after "how many"). */
  count?: string[];
  /** Whether a raid-and-loss pair can fall on two days (then the loss days must agree with the raids). */
  robbery?: Town;
}

const rainAt = (t: Town): Happening => ({
  id: `rain-${t}`,
  town: t,
  kind: 'sensor',
  test: (e) => e.town === t && e.kind === 'sensor' && (num(e, 'rain_mm') ?? 0) > 0,
  base: ['it rain {at}', 'any rain fall {at}'],
  past: ['it rained {at}', 'rain fell {at}'],
  box: ['rain {at}', 'rainy {at}', '{at} rain'],
});
const stormAt = (t: Town): Happening => ({
  id: `storm-${t}`,
  town: t,
  kind: 'sensor',
  test: (e) => e.town === t && e.kind === 'sensor' && flagged(e, 'storm'),
  base: ['a storm blow {at}', 'a storm hit {name}'],
  past: ['a storm blew {at}', 'a storm hit {name}'],
  box: ['storm {at}', '{at} storms'],
  count: ['storm warnings were read {at}', 'stormy readings did the sensors take {at}'],
});
const robbedOf = (t: Town): Happening => ({
  id: `robbed-${t}`,
  town: t,
  kind: 'loss',
  test: (e) => e.town === t && e.kind === 'loss' && e.data.target === t,
  base: ["the pirates rob one of {name}'s shipments", 'pirates rob a shipment sent from {name}'],
  past: ["the pirates robbed one of {name}'s shipments", 'pirates robbed a shipment sent from {name}'],
  box: ['{at} robbed', '{at} shipment robbed', 'robbery {at}'],
  count: ["robberies of {name}'s shipments were there", 'of its shipments did {name} lose to the pirates'],
  robbery: t,
});
const arrivalAt = (t: Town): Happening => ({
  id: `arrival-${t}`,
  town: t,
  kind: 'arrival',
  test: (e) => e.town === t && e.kind === 'arrival',
  base: ['a shipment arrive {at}', 'goods arrive {at}'],
  past: ['a shipment arrived {at}', 'goods were delivered {at}'],
  box: ['arrivals {at}', 'shipment arrived {at}'],
  count: ['shipments arrived {at}', 'deliveries reached {name}'],
});

const HAPPENINGS: Happening[] = [
  ...TOWNS.map(rainAt),
  ...TOWNS.map(stormAt),
  ...SHIPPERS.map(robbedOf),
  ...SHIPPERS.map(arrivalAt),
  {
    id: 'raid',
    town: 'den-of-thieves',
    kind: 'raid',
    test: (e) => e.kind === 'raid' && (num(e, 'raid_gold') ?? 0) > 0,
    base: ['the pirates come back from a raid with gold', 'the pirates {at} raid a shipment successfully'],
    past: ['the pirates came back from a raid with gold', 'the pirates {at} raided a shipment and took gold'],
    box: ['raid', 'pirate raid', 'den raids'],
    count: ['raids brought back gold', 'successful raids did the pirates {at} make'],
  },
  {
    id: 'flood',
    town: 'circuiton',
    kind: 'mining',
    test: (e) => e.town === 'circuiton' && e.kind === 'mining' && flagged(e, 'flood'),
    base: ['the mine flood {at}', 'water flood the mine {at}'],
    past: ['the mine flooded {at}', 'the mine {at} was flooded'],
    box: ['mine flood', 'flooded mine {at}'],
    count: ['mining shifts were lost to flooding {at}', 'shifts did the mine {at} spend flooded'],
  },
  {
    id: 'hunger',
    town: 'circuiton',
    kind: 'mining',
    test: (e) => e.town === 'circuiton' && e.kind === 'mining' && flagged(e, 'hunger'),
    base: ['the miners go hungry {at}', 'the miners {at} work hungry'],
    past: ['the miners went hungry {at}', 'the miners {at} worked hungry'],
    box: ['miners hungry', 'hunger {at}'],
    count: ['shifts did the miners {at} work hungry', 'hungry mining shifts were there {at}'],
  },
  {
    id: 'fine',
    town: 'port-logic',
    kind: 'fishing',
    test: (e) => e.town === 'port-logic' && e.kind === 'fishing' && flagged(e, 'fine_haul'),
    base: ['a fisher land a fine haul {at}', 'a boat bring in a fine haul {at}'],
    past: ['a fisher landed a fine haul {at}', 'a boat brought in a fine haul {at}'],
    box: ['fine haul', 'fine hauls {at}'],
    count: ['fine hauls were landed {at}', 'fine hauls did the boats {at} bring in'],
  },
  {
    id: 'empty',
    town: 'port-logic',
    kind: 'fishing',
    test: (e) => e.town === 'port-logic' && e.kind === 'fishing' && flagged(e, 'empty_nets'),
    base: ['a boat come back with empty nets {at}'],
    past: ['a boat came back with empty nets {at}'],
    box: ['empty nets', 'empty nets {at}'],
    count: ['fishing trips came back with empty nets {at}'],
  },
  {
    id: 'surplus',
    town: 'patchbourough',
    kind: 'farming',
    test: (e) => e.town === 'patchbourough' && e.kind === 'farming' && flagged(e, 'surplus'),
    base: ['the farmers bring in a surplus {at}', 'the fields {at} yield a surplus'],
    past: ['the farmers brought in a surplus {at}', 'the fields {at} yielded a surplus'],
    box: ['surplus harvest', 'surplus {at}'],
    count: ['surplus harvests were brought in {at}'],
  },
  {
    id: 'coldforge',
    town: 'patchbourough',
    kind: 'forge',
    test: (e) => e.town === 'patchbourough' && e.kind === 'forge' && flagged(e, 'cold_forge'),
    base: ['the forge go cold {at}', 'the forge {at} stand cold'],
    past: ['the forge was cold {at}', 'the forge {at} stood cold'],
    box: ['cold forge', 'forge cold {at}'],
    count: ['times was the forge {at} found cold', 'cold shifts did the forge {at} have'],
  },
  {
    id: 'idle',
    town: 'patchbourough',
    kind: 'mill',
    test: (e) => e.town === 'patchbourough' && e.kind === 'mill' && flagged(e, 'idle'),
    base: ['the mill stand idle {at}', 'the water mill {at} stand idle'],
    past: ['the mill stood idle {at}', 'the water mill {at} stood idle'],
    box: ['mill idle', 'idle mill {at}'],
    count: ['times did the mill {at} stand idle'],
  },
  {
    id: 'binsfull',
    town: 'patchbourough',
    kind: 'mill',
    test: (e) => e.town === 'patchbourough' && e.kind === 'mill' && flagged(e, 'bins_full'),
    base: ['the mill rest because its flour bins were full {at}'],
    past: ['the flour bins were full at the mill {at}', 'the miller {at} rested with full bins'],
    box: ['bins full', 'flour bins full {at}'],
    count: ['times did the miller {at} rest with the bins full'],
  },
  {
    id: 'repair',
    town: 'den-of-thieves',
    kind: 'repair',
    test: (e) => e.kind === 'repair' && (num(e, 'boat_repaired') ?? 0) > 0,
    base: ['the pirates repair the Black Gull', 'the bosun patch up the Black Gull'],
    past: ['the pirates repaired the Black Gull', 'the Black Gull was repaired {at}'],
    box: ['black gull repaired', 'ship repair {at}'],
    count: ['times was the Black Gull repaired', 'repairs did the pirates make to their ship'],
  },
  {
    id: 'overseas',
    town: 'port-logic',
    kind: 'trade',
    test: (e) =>
      e.town === 'port-logic' &&
      e.kind === 'trade' &&
      e.data.to === 'overseas' &&
      (num(e, 'value_gold') ?? 0) > 0,
    base: ['{name} sell goods overseas', 'a ship leave {name} with goods for overseas'],
    past: ['{name} sold goods overseas', 'a ship left {name} with goods sold overseas'],
    box: ['overseas sale {at}', 'export overseas'],
    count: ['sales overseas did {name} make', 'cargoes did {name} sell overseas'],
  },
];
const happening = (id: string) => HAPPENINGS.find((h) => h.id === id) as Happening;

/** The goods' units, as a shipment's quantity is stated. */
const GOODS_UNIT: Record<string, string> = {
  fish: 'fish',
  spices: 'sacks',
  textiles: 'bolts',
  rope: 'ropes',
  nets: 'nets',
  grain: 'lbs',
  flour: 'lbs',
  tools: 'tools',
  trinkets: 'trinkets',
};

// ---------------------------------------------------------------- checks

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const townRe = (t: string) => new RegExp(esc(TOWN_NAMES[t] ?? t), 'i');
const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');
const weekRe = (w: number) => new RegExp(`\\bweek ${w}\\b|\\b${ORDINAL[w - 1]} week\\b`, 'i');

/** The answer names `win` (what `winRe` finds), and not `lose` before it. */
function namedFirst(answer: string, winRe: RegExp, loseRe: RegExp, win: string, lose: string): string | null {
  const i = answer.search(winRe);
  if (i < 0) return `does not name ${win}`;
  const j = answer.search(loseRe);
  if (j >= 0 && j < i) return `names ${lose} before ${win}`;
  return null;
}

/** The winning town is named, and no other town before it. */
function townFirst(answer: string, win: Town): string | null {
  const bad = namesTown(answer, win);
  if (bad) return bad;
  const i = answer.search(townRe(win));
  for (const t of TOWNS) {
    if (t === win) continue;
    const j = answer.search(townRe(t));
    if (j >= 0 && j < i) return `names ${TOWN_NAMES[t]} before ${TOWN_NAMES[win]}`;
  }
  return null;
}

/** A count: the number, or a plain none when it is zero. */
function statesCount(answer: string, n: number): string | null {
  if (n === 0)
    return states(answer, 0, 0) === null || /\b(no|none|never|zero|not once)\b/i.test(answer)
      ? null
      : 'does not say none';
  return states(answer, n, 0);
}

/** Names every day of `days` and no other day strictly inside the range; "none" when it is empty. */
function namesExactly(answer: string, days: number[], a: number, b: number): string | null {
  for (const d of days) {
    const bad = namesDay(answer, d);
    if (bad) return bad;
  }
  const set = new Set(days);
  for (let d = a + 1; d < b; d++)
    if (!set.has(d) && dayRe(d).test(answer)) return `names day ${d}, which is not one of them`;
  if (days.length === 0 && !/\b(no|none|never|not|zero|0)\b/i.test(answer))
    return 'does not say there were none';
  return null;
}

const RISING = /\b(ris(e|es|ing)|rose|increas\w*|up(ward)?|climb\w*|grow\w*|grew|higher)\b/i;
const FALLING = /\b(fall(s|ing)?|fell|decreas\w*|down(ward)?|declin\w*|drop\w*|lower)\b/i;

/** A slope: stated with its sign, or its size with the direction in words. */
function statesSlope(answer: string, slope: number): string | null {
  if (states(answer, slope, 2) === null) return null;
  const dir = slope > 0 ? RISING : FALLING;
  if (states(answer, Math.abs(slope), 2) === null && dir.test(answer)) return null;
  return `does not state a slope of ${round(slope, 2).toFixed(2)} a day`;
}

/** `v` lies within 1e-6 of a rounding edge at `d` decimals. */
function nearEdge(v: number, d: number): boolean {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
}

// ---------------------------------------------------------------- the set

export function buildNaturalL(events: RawEvent[], today: number): Case[] {
  const N = today;
  const rng = xorshift(historyHash(events));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const chance = (p: number) => rng() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const voice = (): Voice => pick(['det', 'det', 'tour', 'tour', 'box'] as Voice[]);
  const say = (t: Town, v: Voice): Said => pick(PLACES[t][v]);

  // ------------------------------------------------------------ the history, indexed
  const byKind = new Map<string, RawEvent[]>();
  const reported = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}|${e.kind}`;
    const list = byKind.get(k) ?? [];
    if (list.length === 0) byKind.set(k, list);
    list.push(e);
    const days = reported.get(e.town) ?? new Set<number>();
    if (days.size === 0) reported.set(e.town, days);
    days.add(e.day);
  }
  const of = (town: string, kind: string) => byKind.get(`${town}|${kind}`) ?? [];
  const within = (s: Span) => (e: RawEvent) => e.day >= s.a && e.day <= s.b;
  const evs = (town: string, kind: string, s: Span) => of(town, kind).filter(within(s));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const mean = (xs: number[]) => sum(xs) / xs.length;
  const total = (es: RawEvent[], key: string) => sum(es.map((e) => num(e, key) ?? 0));
  const reportDays = (town: string, s: Span) => {
    const days = reported.get(town) ?? new Set<number>();
    const out: number[] = [];
    for (let d = s.a; d <= s.b; d++) if (days.has(d)) out.push(d);
    return out;
  };
  const dailySum = (es: RawEvent[], key: string) => {
    const m = new Map<number, number>();
    for (const e of es) {
      const v = num(e, key);
      if (v !== undefined) m.set(e.day, (m.get(e.day) ?? 0) + v);
    }
    return m;
  };
  const dailyMean = (es: RawEvent[], key: string) => {
    const acc = new Map<number, number[]>();
    for (const e of es) {
      const v = num(e, key);
      if (v === undefined) continue;
      const list = acc.get(e.day) ?? [];
      list.push(v);
      acc.set(e.day, list);
    }
    return new Map([...acc].map(([d, xs]) => [d, mean(xs)] as [number, number]));
  };
  /** Every day of the span that the town reported has an event of the output's kind. */
  const dense = (o: { town: string; kind: string }, s: Span) => {
    const days = new Set(evs(o.town, o.kind, s).map((e) => e.day));
    return reportDays(o.town, s).every((d) => days.has(d));
  };
  /** The unique extreme of a map, or undefined on a tie. */
  const extreme = <K>(m: Map<K, number>, hi: boolean) => {
    const sorted = [...m].sort((x, y) => (hi ? y[1] - x[1] : x[1] - y[1]));
    const [first, second] = sorted;
    if (!first) return undefined;
    if (second && Math.abs(first[1] - second[1]) < 1e-9) return undefined;
    return { key: first[0], value: first[1] };
  };
  const daysOf = (h: Happening, s: Span) => {
    const set = new Set<number>();
    for (const e of of(h.town, h.kind)) if (e.day >= s.a && e.day <= s.b && h.test(e)) set.add(e.day);
    return set;
  };
  /** The robberies the robbed town recorded agree with the pirates' raids in the span (count, gold, days). */
  const robberyOk = (t: Town, s: Span, f: (e: RawEvent) => boolean = () => true) => {
    const losses = evs(t, 'loss', s).filter((e) => e.data.target === t && f(e));
    const raids = evs('den-of-thieves', 'raid', s).filter(
      (e) => e.data.target === t && (num(e, 'raid_gold') ?? 0) > 0 && f(e),
    );
    const days = (es: RawEvent[]) => [...new Set(es.map((e) => e.day))].sort((x, y) => x - y).join(',');
    return (
      losses.length === raids.length &&
      total(losses, 'loot_gold') === total(raids, 'raid_gold') &&
      days(losses) === days(raids)
    );
  };
  const happeningOk = (h: Happening, s: Span) => h.robbery === undefined || robberyOk(h.robbery, s);
  const slope = (m: Map<number, number>) => {
    const xs = [...m.keys()];
    const ys = xs.map((x) => m.get(x) as number);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * ((ys[i] as number) - my);
      sxx += (x - mx) ** 2;
    });
    return sxx === 0 ? Number.NaN : sxy / sxx;
  };
  const pearson = (p: Map<number, number>, q: Map<number, number>) => {
    const days = [...p.keys()].filter((d) => q.has(d));
    if (days.length < 8) return Number.NaN;
    const xs = days.map((d) => p.get(d) as number);
    const ys = days.map((d) => q.get(d) as number);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    xs.forEach((x, i) => {
      const y = ys[i] as number;
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) ** 2;
      syy += (y - my) ** 2;
    });
    return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
  };
  const fmt = (v: number, d: number) => round(v, d).toFixed(d);
  const range = (s: Span) => (s.a === s.b ? `day ${s.a}` : `days ${s.a}–${s.b}`);

  // ------------------------------------------------------------ time spans
  const makeSpan = (kind: string): Span | undefined => {
    const mk = (a: number, b: number, det: string, tour: string, box: string): Span | undefined => {
      if (a < 1 || b > N || a > b) return undefined;
      return {
        a,
        b,
        kind,
        front: { det: `${cap(det)}, `, tour: `${cap(tour)}, `, box: `${box} ` },
        end: { det: ` ${det}`, tour: ` ${tour}`, box: ` ${box}` },
      };
    };
    switch (kind) {
      case 'today':
        return mk(N, N, 'today', pick(['today', 'today']), 'today');
      case 'yesterday':
        return mk(N - 1, N - 1, 'yesterday', 'yesterday', pick(['yesterday', 'yday']));
      case 'day': {
        const d = int(1, 55);
        return mk(d, d, `on day ${d}`, `on day ${d}`, pick([`day ${d}`, `day ${d}`, `d${d}`]));
      }
      case 'between': {
        const a = int(1, 45);
        const b = Math.min(55, a + int(3, 12));
        return mk(
          a,
          b,
          pick([`between day ${a} and day ${b}`, `from day ${a} through day ${b}`, `over days ${a} to ${b}`]),
          pick([`from day ${a} to day ${b}`, `between days ${a} and ${b}`]),
          pick([`days ${a}-${b}`, `day ${a} to ${b}`, `days ${a} to ${b}`]),
        );
      }
      case 'week': {
        const w = int(1, 7);
        const o = ORDINAL[w - 1] as string;
        return mk(
          7 * (w - 1) + 1,
          7 * w,
          pick([`in week ${w}`, `during week ${w}`, `in the ${o} week`]),
          pick([`in the ${o} week`, `during week ${w}`, `in week ${w}`]),
          pick([`week ${w}`, `wk ${w}`, `wk${w}`]),
        );
      }
      case 'lastweek':
        return mk(
          N - 7,
          N - 1,
          'last week',
          pick(['last week', 'last week']),
          pick(['last week', 'last wk']),
        );
      case 'thisweek':
        return mk(
          N - 6,
          N,
          pick(['this week', 'over the past week', 'in the past seven days']),
          pick(['this week', 'this past week']),
          pick(['this week', 'past 7 days', 'this wk']),
        );
      case 'lastk': {
        const k = pick([3, 4, 5, 10, 12, 14, 20, 21]);
        return mk(
          N - k + 1,
          N,
          pick([`in the last ${k} days`, `over the past ${k} days`]),
          pick([`these last ${k} days`, `in the last ${k} days`]),
          pick([`last ${k} days`, `past ${k} days`, `last ${k}d`]),
        );
      }
      case 'lastmonth':
        return mk(N - 30, N - 1, 'last month', 'last month', pick(['last month', 'last mo']));
      case 'thismonth':
        return mk(
          N - 29,
          N,
          pick(['this month', 'over the past 30 days']),
          'this month',
          pick(['this month', 'past 30 days']),
        );
      default:
        return {
          a: 1,
          b: N,
          kind: 'whole',
          front: {
            det: pick(['', '', 'Over the whole record, ', 'Since records began, ']),
            tour: pick(['', '', 'Over the whole history, ', 'Since the records began, ']),
            box: pick(['', '', 'all time ', 'overall ']),
          },
          end: {
            det: pick(['', '', ' in the whole record', ' since records began', ' over the entire history']),
            tour: pick(['', '', ' ever', ' of all time', ' so far']),
            box: pick(['', '', ' all time', ' ever', ' overall']),
          },
        };
    }
  };
  const spanOf = (kinds: readonly string[]) => makeSpan(pick(kinds));

  // ------------------------------------------------------------ cases
  const cases: (Case & { typo?: string })[] = [];
  const seen = new Set<string>();
  const add = (form: string, question: string, truth: string, check: (r: Reply) => string | null) => {
    const q = question
      .replace(/\s+/g, ' ')
      .replace(/ ([,?.!:])/g, '$1')
      .replace(/,,/g, ',')
      .trim();
    if (seen.has(q)) return false;
    seen.add(q);
    cases.push({ form, question: q, truth, check: (reply) => check(reply) });
    return true;
  };
  /** A sentence started lower case after a front phrase: "Last week, on which day…". */
  const begin = (front: string, rest: string) => (front === '' ? cap(rest) : `${front}${rest}`);

  const DET_LEAD = [
    '',
    '',
    '',
    'For the record: ',
    'Think carefully. ',
    "Don't guess. ",
    'I will ask once more: ',
  ];
  const TOUR_LEAD = [
    '',
    '',
    '',
    'Planning a visit: ',
    'My guidebook is vague on this. ',
    'Quick question before we book. ',
  ];
  const leadIn = (v: Voice) => (v === 'det' ? pick(DET_LEAD) : v === 'tour' ? pick(TOUR_LEAD) : '');
  const withLead = (v: Voice, q: string) => {
    const l = leadIn(v);
    return l === '' ? q : `${l}${q.charAt(0).toUpperCase()}${q.slice(1)}`;
  };

  // ------------------------------------------------------------ which day
  /** The day of the most (or least) of an output. */
  const whichDayTotal = (): boolean => {
    const o = outputOf(pick(MAIN));
    const s = spanOf(WIDE);
    if (!s || s.b - s.a < 2) return false;
    const hi = chance(0.65);
    if (!hi && !dense(o, s)) return false;
    const ext = extreme(dailySum(evs(o.town, o.kind, s), o.key), hi);
    if (!ext || ext.value <= 0) return false;
    const v = voice();
    const T = say(o.town, v);
    const [base, past] = pick(o.verbs);
    const doer = fill(pick(o.doers), T);
    const made = fill(pick(o.made), T);
    const what = `${hi ? 'most' : o.few} ${o.noun}${o.after ?? ''}`;
    const bx = pick(o.box);
    const F = s.front[v];
    const E = s.end[v];
    let q: string;
    if (v === 'det')
      q = pick([
        `On exactly which day${E} did ${doer} ${base} the ${what}?`,
        begin(F, `which single day did ${doer} ${base} the ${what}? The day, nothing else.`),
        `Which day${E} saw the ${hi ? 'largest' : 'smallest'} daily total of ${made}?`,
        `Name the day${E} on which ${doer} ${past} the ${what}.`,
        begin(F, `when did ${doer} ${base} the ${what}? I want the exact day.`),
      ]);
    else if (v === 'tour')
      q = pick([
        `${T.name.startsWith('the') ? cap(T.name) : T.name} is known for its ${o.noun} — which day${E} did ${doer} ${base} the ${what}?`,
        `Which day${E} was the ${hi ? 'busiest' : 'quietest'} for ${made}?`,
        begin(F, `on what day did ${doer} ${base} the ${what}?`),
        `If we had wanted to watch ${doer} ${base} the ${what}, which day${E} should we have come?`,
      ]);
    else
      q = pick([
        `${T.name} ${hi ? 'most' : 'least'} ${bx} day${E}`,
        `${F}${bx} ${T.name} ${hi ? 'best' : 'worst'} day`,
        `which day ${hi ? 'max' : 'min'} ${bx} ${T.at}${E}`,
        `day with ${hi ? 'most' : 'least'} ${bx}${E} ${T.name}`,
      ]);
    return add(
      'which-day',
      withLead(v, q),
      `day ${ext.key} (${fmt(ext.value, o.dec)} ${o.unit}, ${hi ? 'max' : 'min'} daily total, ${range(s)})`,
      (r) => namesDay(r.answer, ext.key),
    );
  };

  /** Single events: the largest of one kind, as each voice names it. */
  interface Single {
    town: Town;
    events: (s: Span) => RawEvent[];
    key: string;
    dec: number;
    unit: string;
    one: (T: Said) => string;
    box: (T: Said) => string;
  }
  const singles = (v: Voice): Single[] => {
    const out: Single[] = OUTPUTS.filter((o) => o.key !== 'learned').map((o) => ({
      town: o.town,
      events: (s: Span) => evs(o.town, o.kind, s).filter((e) => num(e, o.key) !== undefined),
      key: o.key,
      dec: o.dec,
      unit: o.unit,
      one: (T: Said) => fill(pick(o.one), T),
      box: (T: Said) => `${pick(o.oneBox)} ${T.name}`,
    }));
    for (const t of SHIPPERS)
      out.push({
        town: t,
        events: (s) => evs(t, 'loss', s).filter((e) => e.data.target === t),
        key: 'loot_gold',
        dec: 0,
        unit: 'gold',
        one: (T) =>
          pick([
            `the costliest robbery of ${poss(T.name)} shipments`,
            `the most gold ${T.name} lost to the pirates in a single robbery`,
          ]),
        box: (T) => `${T.name} worst robbery gold`,
      });
    out.push({
      town: 'port-logic',
      events: (s) => evs('port-logic', 'trade', s).filter((e) => e.data.to === 'overseas'),
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      one: (T) =>
        pick([
          `the richest single sale overseas from ${T.name}`,
          `the most gold one overseas cargo fetched ${T.at}`,
        ]),
      box: (T) => `${T.name} biggest overseas sale gold`,
    });
    out.push({
      town: 'port-logic',
      events: (s) =>
        evs('port-logic', 'trade', s).filter(
          (e) => e.data.from === 'overseas' && (num(e, 'value_gold') ?? 0) > 0,
        ),
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      one: (T) =>
        pick([
          `the dearest cargo ${T.name} bought from overseas`,
          `the most gold ${T.name} paid for a single overseas import`,
        ]),
      box: (T) => `${T.name} priciest import gold`,
    });
    void v;
    return out;
  };

  /** The day of the largest single event. */
  const whichDayEvent = (): boolean => {
    const v = voice();
    const sg = pick(singles(v));
    const s = spanOf(WIDE);
    if (!s) return false;
    const es = sg.events(s);
    if (es.length === 0) return false;
    const top = Math.max(...es.map((e) => num(e, sg.key) ?? 0));
    if (top <= 0) return false;
    const days = new Set(es.filter((e) => num(e, sg.key) === top).map((e) => e.day));
    if (days.size !== 1) return false;
    const day = [...days][0] as number;
    if (sg.key === 'loot_gold' && !robberyOk(sg.town, s)) return false;
    const T = say(sg.town, v);
    const one = sg.one(T);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `On what day${E} was ${one}?`,
            begin(F, `on which day did ${one} take place? The day, please.`),
            `Give me the day of ${one}${E}.`,
            `When exactly${E} was ${one} — which day?`,
          ])
        : v === 'tour'
          ? pick([
              `We heard about ${one}. Which day${E} was that?`,
              begin(F, `which day saw ${one}?`),
              `What day was ${one}${E}?`,
            ])
          : pick([`${sg.box(T)}${E} which day`, `${F}day of ${sg.box(T)}`, `when ${sg.box(T)}${E}`]);
    return add(
      'which-day',
      withLead(v, q),
      `day ${day} (${fmt(top, sg.dec)} ${sg.unit}, largest single event, ${range(s)})`,
      (r) => namesDay(r.answer, day),
    );
  };

  /** The first or last day something happened. */
  const firstLast = (): boolean => {
    const h = pick(HAPPENINGS);
    const s = spanOf([
      'between',
      'week',
      'lastweek',
      'thisweek',
      'lastk',
      'lastmonth',
      'thismonth',
      'whole',
      'whole',
    ]);
    if (!s || s.b - s.a < 2 || !happeningOk(h, s)) return false;
    const days = [...daysOf(h, s)].sort((x, y) => x - y);
    if (days.length === 0) return false;
    const first = chance(0.45);
    const day = (first ? days[0] : days[days.length - 1]) as number;
    const v = voice();
    const T = say(h.town, v);
    const base = fill(pick(h.base), T);
    const past = fill(pick(h.past), T);
    const bx = fill(pick(h.box), T);
    const F = s.front[v];
    const E = s.end[v];
    const fl = first ? 'first' : 'last';
    const q =
      v === 'det'
        ? pick([
            begin(F, `when did ${base} for the ${fl} time? Give me the day.`),
            `What was the ${fl} day${E} on which ${past}?`,
            `On which day${E} did ${base} for the ${fl} time?`,
            ...(first ? [] : [`Tell me the most recent day${E} that ${past}.`]),
          ])
        : v === 'tour'
          ? pick([
              begin(F, `when was the ${fl} day that ${past}?`),
              `What was the ${fl} day${E} when ${past}?`,
              ...(first ? [] : [`When${E} did ${base} most recently?`]),
            ])
          : pick([`${fl} ${bx}${E}`, `${fl} day ${bx}${E}`, `${F}${bx} ${fl} day`, `when ${fl} ${bx}${E}`]);
    return add('which-day', withLead(v, q), `day ${day} (${fl} of ${days.length} days, ${range(s)})`, (r) =>
      namesDay(r.answer, day),
    );
  };

  /** The day of a single reading's extreme, of the highest daily mean, or of the most rain. */
  const whichDayReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const s = spanOf(WIDE);
    if (!s || s.b - s.a < 2) return false;
    const es = evs(t, 'sensor', s);
    const v = voice();
    const T = say(t, v);
    const label = pick(rd.label);
    const F = s.front[v];
    const E = s.end[v];
    const hi = chance(0.6);
    const mode = pick(['reading', 'mean', 'rain']);
    let day: number;
    let truth: string;
    let q: string;
    if (mode === 'reading') {
      const vals = es.map((e) => num(e, rd.key) as number);
      if (vals.length === 0) return false;
      const top = hi ? Math.max(...vals) : Math.min(...vals);
      const days = new Set(es.filter((e) => num(e, rd.key) === top).map((e) => e.day));
      if (days.size !== 1) return false;
      day = [...days][0] as number;
      truth = `day ${day} (${hi ? 'highest' : 'lowest'} single ${rd.key} ${fmt(top, rd.dec)} ${rd.unit}, ${range(s)})`;
      const hl = hi ? 'highest' : 'lowest';
      q =
        v === 'det'
          ? pick([
              `On which day${E} was the ${hl} single ${label} reading taken ${T.at}?`,
              begin(F, `which day did the sensors ${T.at} record their ${hl} ${label}?`),
            ])
          : v === 'tour'
            ? pick([
                `Which day${E} did the ${label} ${T.at} hit its ${hi ? 'peak' : 'low point'}?`,
                begin(F, `on what day was the ${hl} ${label} read ${T.at}?`),
              ])
            : pick([
                `${T.name} ${hl} ${pick(rd.box)} reading day${E}`,
                `${F}day of ${hl} ${pick(rd.box)} ${T.name}`,
              ]);
    } else if (mode === 'mean') {
      const ext = extreme(dailyMean(es, rd.key), hi);
      if (!ext) return false;
      day = ext.key;
      truth = `day ${day} (daily mean ${rd.key} ${fmt(ext.value, rd.dec + 1)} ${rd.unit}, ${range(s)})`;
      const word = hi ? rd.hi : rd.lo;
      const plain = ['temperature_c', 'wind_kph', 'humidity_pct'].includes(rd.key);
      q =
        v === 'det'
          ? pick([
              `Which day${E} had the ${hi ? 'highest' : 'lowest'} average ${label} ${T.at}?`,
              begin(F, `on which day was the mean ${label} ${T.at} at its ${hi ? 'highest' : 'lowest'}?`),
            ])
          : v === 'tour'
            ? plain
              ? pick([
                  `Which was the ${word} day ${T.at}${E}?`,
                  begin(F, `what was the ${word} day ${T.at}?`),
                ])
              : `Which day${E} had the ${hi ? 'highest' : 'lowest'} ${label} on average ${T.at}?`
            : plain
              ? pick([`${word} day ${T.name}${E}`, `${F}${T.name} ${word} day`])
              : `${T.name} day ${hi ? 'highest' : 'lowest'} avg ${pick(rd.box)}${E}`;
    } else {
      const ext = extreme(dailySum(es, 'rain_mm'), true);
      if (!ext || ext.value <= 0) return false;
      day = ext.key;
      truth = `day ${day} (${fmt(ext.value, 1)} mm of rain, wettest day, ${range(s)})`;
      q =
        v === 'det'
          ? pick([
              `On which day${E} did the most rain fall ${T.at}?`,
              begin(F, `which was the wettest day ${T.at}? Just the day.`),
            ])
          : v === 'tour'
            ? pick([
                `Which day${E} was the wettest ${T.at}?`,
                begin(F, `on what day did it pour the most ${T.at}?`),
              ])
            : pick([`wettest day ${T.name}${E}`, `${F}${T.name} most rain which day`]);
    }
    return add('which-day', withLead(v, q), truth, (r) => namesDay(r.answer, day));
  };

  // ------------------------------------------------------------ days counted
  const daysHappen = (): boolean => {
    const h = pick(HAPPENINGS);
    const s = spanOf(WIDE);
    if (!s || s.b - s.a < 2 || !happeningOk(h, s)) return false;
    const n = daysOf(h, s).size;
    if (n === 0 && chance(0.7)) return false;
    const v = voice();
    const T = say(h.town, v);
    const base = fill(pick(h.base), T);
    const past = fill(pick(h.past), T);
    const bx = fill(pick(h.box), T);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `On how many separate days${E} did ${base}?`,
            begin(F, `how many days did ${base}? The number of days, not the number of times.`),
            `Count the days${E} on which ${past}.`,
            `On how many different days${E} was it the case that ${past}?`,
            begin(F, `on how many days — distinct days — did ${base}?`),
          ])
        : v === 'tour'
          ? pick([
              begin(F, `on how many days did ${base}?`),
              `On how many of the days${E} did ${base}?`,
              `How many days${E} were there when ${past}?`,
            ])
          : pick([
              `${bx} how many days${E}`,
              `days with ${bx}${E}`,
              `${F}count days ${bx}`,
              `number of days ${bx}${E}`,
            ]);
    return add('days', withLead(v, q), `${n} days (${range(s)})`, (r) => statesCount(r.answer, n));
  };

  /** A round figure near a value. */
  const roundish = (x: number) => {
    const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(x, 1))) - 1) * 5;
    return Math.max(step, Math.round(x / step) * step);
  };

  /** Days whose total of an output was over a figure. */
  const daysOver = (): boolean => {
    const o = outputOf(
      pick(['fish', 'ore_tons', 'harvest', 'flour_lbs', 'drinks', 'raid_gold', 'arrows', 'tools']),
    );
    const s = spanOf(['between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole']);
    if (!s || s.b - s.a < 3) return false;
    const daily = dailySum(evs(o.town, o.kind, s), o.key);
    const vals = [...daily.values()].filter((x) => x > 0);
    if (vals.length < 3) return false;
    const x = roundish(pick(vals));
    if (vals.some((y) => Math.abs(y - x) < 1e-9)) return false;
    const n = [...daily.values()].filter((y) => y > x).length;
    const v = voice();
    const T = say(o.town, v);
    const [base] = pick(o.verbs);
    const doer = fill(pick(o.doers), T);
    const made = fill(pick(o.made), T);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `On how many days${E} did ${doer} ${base} more than ${x} ${o.unit}${o.after ?? ''} in the day?`,
            begin(F, `on how many days did the day's total of ${made} exceed ${x}?`),
            `How many days${E} had a daily total of ${made} above ${x} ${o.unit}?`,
          ])
        : v === 'tour'
          ? pick([
              begin(F, `how many days did ${doer} ${base} over ${x} ${o.unit}${o.after ?? ''} in a day?`),
              `On how many days${E} did ${made} come to more than ${x} ${o.unit} all told?`,
            ])
          : pick([
              `days ${pick(o.box)} over ${x} ${T.name}${E}`,
              `${F}${T.name} days daily ${pick(o.box)} > ${x}`,
              `how many days ${pick(o.box)} more than ${x} ${T.at}${E}`,
            ]);
    return add('days', withLead(v, q), `${n} days with daily total > ${x} (${range(s)})`, (r) =>
      statesCount(r.answer, n),
    );
  };

  /** Days on which any reading (or the day's mean) of temperature or wind passed a figure. */
  const daysReading = (): boolean => {
    const rd = readingOf(pick(['temperature_c', 'wind_kph', 'temperature_c']));
    const t = pick(TOWNS);
    const s = spanOf(['between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole']);
    if (!s || s.b - s.a < 3) return false;
    const es = evs(t, 'sensor', s);
    if (es.length === 0) return false;
    const vals = es.map((e) => num(e, rd.key) as number);
    const x = Math.round(pick(vals));
    if (vals.some((y) => Math.abs(y - x) < 1e-9)) return false;
    const byMean = chance(0.4);
    const above = chance(0.65);
    let n: number;
    if (byMean) {
      const m = dailyMean(es, rd.key);
      if ([...m.values()].some((y) => Math.abs(y - x) < 1e-6)) return false;
      n = [...m.values()].filter((y) => (above ? y > x : y < x)).length;
    } else {
      const days = new Set(es.filter((e) => (num(e, rd.key) as number) > x === above).map((e) => e.day));
      n = days.size;
    }
    const v = voice();
    const T = say(t, v);
    const label = pick(rd.label);
    const cmp = above ? pick(['above', 'over', 'higher than']) : pick(['below', 'under', 'lower than']);
    const F = s.front[v];
    const E = s.end[v];
    const unit = rd.unit === '°C' ? ' °C' : ` ${rd.unit}`;
    const q = byMean
      ? v === 'det'
        ? pick([
            `On how many days${E} was the average ${label} ${T.at} ${cmp} ${x}${unit}?`,
            begin(F, `how many days had a mean ${label} ${cmp} ${x}${unit} ${T.at}?`),
          ])
        : v === 'tour'
          ? `How many days${E} averaged ${cmp} ${x}${unit} for ${label} ${T.at}?`
          : `days avg ${pick(rd.box)} ${above ? '>' : '<'} ${x} ${T.name}${E}`
      : v === 'det'
        ? pick([
            `On how many days${E} did at least one ${label} reading ${T.at} come in ${cmp} ${x}${unit}?`,
            begin(F, `on how many days did any single ${label} reading ${T.at} go ${cmp} ${x}${unit}?`),
          ])
        : v === 'tour'
          ? `How many days${E} did the ${label} ${T.at} go ${cmp} ${x}${unit} at some point?`
          : `days any ${pick(rd.box)} reading ${above ? '>' : '<'} ${x} ${T.name}${E}`;
    return add(
      'days',
      withLead(v, q),
      `${n} days (${byMean ? 'daily mean' : 'any reading'} ${above ? '>' : '<'} ${x}, ${range(s)})`,
      (r) => statesCount(r.answer, n),
    );
  };

  /** Days without: dry days, days with no raid that took gold, days with no arrival. */
  const daysWithout = (): boolean => {
    const kind = pick(['dry', 'dry', 'noraid', 'noarrival']);
    const s = spanOf(['between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole']);
    if (!s || s.b - s.a < 3) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    let n: number;
    let q: string;
    if (kind === 'dry') {
      const t = pick(TOWNS);
      const wet = daysOf(happening(`rain-${t}`), s);
      n = reportDays(t, s).filter((d) => !wet.has(d)).length;
      const T = say(t, v);
      q =
        v === 'det'
          ? pick([
              `On how many days${E} did no rain at all fall ${T.at}?`,
              begin(F, `how many days stayed completely dry ${T.at}?`),
            ])
          : v === 'tour'
            ? pick([`How many dry days${E} did ${T.name} have?`, begin(F, `how many days were dry ${T.at}?`)])
            : pick([`dry days ${T.name}${E}`, `${F}${T.name} days no rain`]);
    } else if (kind === 'noraid') {
      const raided = daysOf(happening('raid'), s);
      n = reportDays('den-of-thieves', s).filter((d) => !raided.has(d)).length;
      const T = say('den-of-thieves', v);
      q =
        v === 'det'
          ? pick([
              `On how many days${E} did the pirates ${T.at} take no gold in raids at all?`,
              begin(F, `how many days went by without a single successful raid by the pirates?`),
            ])
          : v === 'tour'
            ? `How many days${E} were the pirates ${T.at} quiet, with no raid that took any gold?`
            : `days no raid gold ${T.name}${E}`;
    } else {
      const t = pick(SHIPPERS);
      const arrived = daysOf(happening(`arrival-${t}`), s);
      n = reportDays(t, s).filter((d) => !arrived.has(d)).length;
      const T = say(t, v);
      q =
        v === 'det'
          ? `On how many days${E} did no shipment at all arrive ${T.at}?`
          : v === 'tour'
            ? begin(F, `how many days passed with no delivery ${T.at}?`)
            : `days without arrivals ${T.name}${E}`;
    }
    return add('days', withLead(v, q), `${n} days without (${kind}, ${range(s)})`, (r) =>
      statesCount(r.answer, n),
    );
  };

  // ------------------------------------------------------------ A or B
  /** Two values stated, neither at a rounding edge nor equal at the precision. */
  const distinct = (x: number, y: number, d: number) =>
    !nearEdge(x, d) && !nearEdge(y, d) && round(x, d) !== round(y, d);
  const bothStated = (answer: string, x: number, y: number, d: number) =>
    all(states(answer, x, d), states(answer, y, d));

  /** Two towns: a reading's mean, or the rain that fell. */
  const compareTowns = (): boolean => {
    const rain = chance(0.3);
    const rd = readingOf(
      pick(['temperature_c', 'temperature_c', 'wind_kph', 'humidity_pct', 'pressure_hpa']),
    );
    const [ta, tb] = [...TOWNS].sort(() => rng() - 0.5) as [Town, Town];
    const s = spanOf([
      'whole',
      'whole',
      'week',
      'lastweek',
      'thisweek',
      'lastmonth',
      'thismonth',
      'day',
      'between',
    ]);
    if (!s) return false;
    const key = rain ? 'rain_mm' : rd.key;
    const dec = rain ? 1 : rd.dec;
    const value = (t: Town) => {
      const vals = evs(t, 'sensor', s).map((e) => num(e, key) as number);
      return rain ? sum(vals) : mean(vals);
    };
    const va = value(ta);
    const vb = value(tb);
    if (!Number.isFinite(va) || !Number.isFinite(vb) || !distinct(va, vb, dec)) return false;
    const lower = !rain && chance(0.35);
    const v = voice();
    const A = say(ta, v);
    const B = say(tb, v);
    const label = pick(rd.label);
    const comp = lower ? rd.less : rd.more;
    const hl = lower ? 'lower' : 'higher';
    const plain = rd.key !== 'pressure_hpa';
    const F = s.front[v];
    const E = s.end[v];
    let q: string;
    if (rain)
      q =
        v === 'det'
          ? pick([
              `Did more rain fall ${A.at} or ${B.at}${E}? I want both totals.`,
              begin(F, `where did more rain fall, ${A.name} or ${B.name}? Give me the two amounts.`),
            ])
          : v === 'tour'
            ? s.kind === 'whole'
              ? pick([`Does it rain more ${A.at} or ${B.at}?`, `Is ${A.name} or ${B.name} the wetter place?`])
              : pick([
                  `Was it wetter ${A.at} or ${B.at}${E}?`,
                  begin(F, `did ${A.name} or ${B.name} get more rain?`),
                ])
            : pick([`rain ${A.name} vs ${B.name}${E}`, `${F}${A.name} or ${B.name} more rain mm`]);
    else if (v === 'det' || (v === 'tour' && !plain))
      q = pick([
        `Was the average ${label} ${hl} ${A.at} or ${B.at}${E}? Both figures, please.`,
        begin(F, `which had the ${hl} mean ${label}, ${A.name} or ${B.name}? State both averages.`),
        `Compare the mean ${label}${E}, ${A.name} against ${B.name}: which was ${hl}?`,
      ]);
    else if (v === 'tour')
      q =
        s.kind === 'whole'
          ? pick([
              `Is it usually ${comp} ${A.at} or ${B.at}?`,
              `Which is ${comp} on average, ${A.name} or ${B.name}?`,
            ])
          : pick([
              begin(F, `was it ${comp} ${A.at} or ${B.at}?`),
              `Was ${A.name} or ${B.name} ${comp}${E}, on average?`,
            ]);
    else
      q = pick([
        `${A.name} vs ${B.name} ${plain ? comp : `${hl} ${pick(rd.box)}`}${E}`,
        `${F}${plain ? comp : `${hl} avg ${pick(rd.box)}`} ${A.name} or ${B.name}`,
      ]);
    const win = va > vb !== lower ? ta : tb;
    const lose = win === ta ? tb : ta;
    return add(
      'compare',
      withLead(v, q),
      `${TOWN_NAMES[win]} (${fmt(va, dec)} vs ${fmt(vb, dec)} ${rain ? 'mm' : rd.unit}, ${TOWN_NAMES[ta]} vs ${TOWN_NAMES[tb]}, ${range(s)})`,
      (r) =>
        all(
          namedFirst(
            r.answer,
            townRe(win),
            townRe(lose),
            TOWN_NAMES[win] as string,
            TOWN_NAMES[lose] as string,
          ),
          bothStated(r.answer, va, vb, dec),
        ),
    );
  };

  /** Two weeks or two days: an output's total, or a reading's mean. */
  const comparePeriods = (): boolean => {
    const days = chance(0.3);
    let a1: number;
    let b1: number;
    let a2: number;
    let b2: number;
    let n1: string;
    let n2: string;
    let re1: RegExp;
    let re2: RegExp;
    if (days) {
      const d1 = int(1, 54);
      const d2 = chance(0.6) ? d1 + 1 : int(1, 55);
      if (d1 === d2) return false;
      [a1, b1, a2, b2] = [d1, d1, d2, d2];
      [n1, n2] = [`day ${d1}`, `day ${d2}`];
      [re1, re2] = [dayRe(d1), dayRe(d2)];
    } else {
      const w1 = int(1, 7);
      const w2 = chance(0.6) && w1 < 7 ? w1 + 1 : int(1, 7);
      if (w1 === w2) return false;
      [a1, b1, a2, b2] = [7 * w1 - 6, 7 * w1, 7 * w2 - 6, 7 * w2];
      [n1, n2] = [`week ${w1}`, `week ${w2}`];
      [re1, re2] = [weekRe(w1), weekRe(w2)];
    }
    const pr = days ? 'on' : 'in';
    const s1 = { a: a1, b: b1 } as Span;
    const s2 = { a: a2, b: b2 } as Span;
    const v = voice();
    const yesNo = v !== 'box' && chance(0.3);
    let x: number;
    let y: number;
    let dec: number;
    let unit: string;
    let q: string;
    if (chance(0.6)) {
      const o = outputOf(
        pick(['fish', 'ore_tons', 'harvest', 'flour_lbs', 'drinks', 'raid_gold', 'tools', 'nets']),
      );
      x = total(evs(o.town, o.kind, s1), o.key);
      y = total(evs(o.town, o.kind, s2), o.key);
      dec = o.dec;
      unit = o.unit;
      const T = say(o.town, v);
      const [base] = pick(o.verbs);
      const doer = fill(pick(o.doers), T);
      const made = fill(pick(o.made), T);
      const what = `more ${o.noun}${o.after ?? ''}`;
      q = yesNo
        ? pick([
            `Did ${doer} ${base} ${what} ${pr} ${n1} than ${pr} ${n2}? Both totals, please.`,
            `Is it true that ${n1} brought more ${made} than ${n2}?`,
          ])
        : v === 'det'
          ? pick([
              `Did ${doer} ${base} ${what} ${pr} ${n1} or ${pr} ${n2}? I want both totals.`,
              `${cap(n1)} against ${n2}: which saw more ${made}, and what were the two totals?`,
              `Which brought more ${made}, ${n1} or ${n2}?`,
            ])
          : v === 'tour'
            ? pick([
                `Was ${n1} or ${n2} better for ${made}?`,
                `If we compare ${n1} with ${n2}, when did ${doer} ${base} ${what}?`,
              ])
            : pick([
                `${pick(o.box)} ${T.name} ${n1} vs ${n2}`,
                `${n1} or ${n2} more ${pick(o.box)} ${T.name}`,
                `${T.name} ${pick(o.box)} ${n1.replace('week ', 'wk ')} vs ${n2.replace('week ', 'wk ')}`,
              ]);
    } else {
      const rd = readingOf(pick(['temperature_c', 'wind_kph', 'humidity_pct', 'temperature_c']));
      const t = pick(TOWNS);
      const vals = (sp: Span) => evs(t, 'sensor', sp).map((e) => num(e, rd.key) as number);
      x = mean(vals(s1));
      y = mean(vals(s2));
      dec = rd.dec;
      unit = rd.unit;
      const T = say(t, v);
      q = yesNo
        ? pick([
            `Was it ${rd.more} ${T.at} ${pr} ${n1} than ${pr} ${n2}, on average?`,
            `Is it right that the average ${pick(rd.label)} ${T.at} was higher ${pr} ${n1} than ${pr} ${n2}?`,
          ])
        : v === 'det'
          ? pick([
              `Was the mean ${pick(rd.label)} ${T.at} higher ${pr} ${n1} or ${pr} ${n2}? Both averages.`,
              `${cap(n1)} or ${n2}: when was it ${rd.more} ${T.at}, on average?`,
            ])
          : v === 'tour'
            ? pick([
                `Was it ${rd.more} ${T.at} ${pr} ${n1} or ${n2}?`,
                `Which was ${rd.more} ${T.at}, ${n1} or ${n2}?`,
              ])
            : pick([`${pick(rd.box)} ${T.name} ${n1} vs ${n2}`, `${rd.more} ${n1} or ${n2} ${T.name}`]);
    }
    if (!Number.isFinite(x) || !Number.isFinite(y) || !distinct(x, y, dec)) return false;
    if (x === 0 && y === 0) return false;
    const firstWins = x > y;
    const truth = `${firstWins ? n1 : n2} (${n1} ${fmt(x, dec)} vs ${n2} ${fmt(y, dec)} ${unit})`;
    return add('compare', withLead(v, q), yesNo ? `${firstWins ? 'yes' : 'no'}: ${truth}` : truth, (r) =>
      yesNo
        ? all(saysYes(r.answer, firstWins), bothStated(r.answer, x, y, dec))
        : all(
            firstWins ? namedFirst(r.answer, re1, re2, n1, n2) : namedFirst(r.answer, re2, re1, n2, n1),
            bothStated(r.answer, x, y, dec),
          ),
    );
  };

  /** Two people of one trade: whose output was larger. */
  const comparePeople = (): boolean => {
    const o = outputOf(pick(['fish', 'fish', 'ore_tons', 'harvest', 'ore_tons', 'learned', 'nets']));
    const s = spanOf(['week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole', 'between']);
    if (!s) return false;
    const by = new Map<string, number>();
    for (const e of evs(o.town, o.kind, s))
      if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, o.key) ?? 0));
    const people = [...by.keys()].sort(() => rng() - 0.5);
    if (people.length < 2) return false;
    const [pa, pb] = people as [string, string];
    const x = by.get(pa) as number;
    const y = by.get(pb) as number;
    if (!distinct(x, y, o.dec)) return false;
    const v = voice();
    const T = say(o.town, v);
    const [base, past] = pick(o.verbs);
    const F = s.front[v];
    const E = s.end[v];
    const what = `more ${o.noun}${o.after ?? ''}`;
    const q =
      v === 'det'
        ? pick([
            `Who ${past} ${what}${E}, ${pa} or ${pb}? I want both numbers.`,
            begin(F, `did ${pa} or ${pb} ${base} ${what}? Give me each one's total.`),
            `Between ${pa} and ${pb}, which one ${past} ${what}${E}?`,
          ])
        : v === 'tour'
          ? pick([
              `We met ${pa} and ${pb} ${T.at}. Which of them ${past} ${what}${E}?`,
              begin(F, `who ${past} ${what} ${T.at}, ${pa} or ${pb}?`),
            ])
          : pick([`${pa} vs ${pb} ${pick(o.box)}${E}`, `${F}${pick(o.box)} ${pa} or ${pb}`]);
    const win = x > y ? pa : pb;
    const lose = win === pa ? pb : pa;
    return add(
      'compare',
      withLead(v, q),
      `${win} (${pa} ${fmt(x, o.dec)} vs ${pb} ${fmt(y, o.dec)} ${o.unit}, ${range(s)})`,
      (r) =>
        all(
          namedFirst(r.answer, new RegExp(esc(win), 'i'), new RegExp(esc(lose), 'i'), win, lose),
          bothStated(r.answer, x, y, o.dec),
        ),
    );
  };

  /** Two robbed towns: whose shipments lost more gold to the pirates. */
  const compareLosses = (): boolean => {
    const [ta, tb] = [...SHIPPERS].sort(() => rng() - 0.5) as [Town, Town];
    const s = spanOf(['week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole', 'between']);
    if (!s || !robberyOk(ta, s) || !robberyOk(tb, s)) return false;
    const lost = (t: Town) =>
      total(
        evs(t, 'loss', s).filter((e) => e.data.target === t),
        'loot_gold',
      );
    const x = lost(ta);
    const y = lost(tb);
    if (!distinct(x, y, 0) || (x === 0 && y === 0)) return false;
    const v = voice();
    const A = say(ta, v);
    const B = say(tb, v);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `Did the pirates take more gold from ${poss(A.name)} shipments or from ${poss(B.name)}${E}? Both sums.`,
            begin(F, `who lost more gold to the pirates, ${A.name} or ${B.name}? State each loss.`),
          ])
        : v === 'tour'
          ? pick([
              `Which suffered more from the pirates${E}, ${A.name} or ${B.name}, in gold lost?`,
              begin(F, `did ${A.name} or ${B.name} lose more gold to the raiders?`),
            ])
          : pick([
              `gold lost to pirates ${A.name} vs ${B.name}${E}`,
              `${F}${A.name} or ${B.name} more gold robbed`,
            ]);
    const win = x > y ? ta : tb;
    const lose = win === ta ? tb : ta;
    return add(
      'compare',
      withLead(v, q),
      `${TOWN_NAMES[win]} (${TOWN_NAMES[ta]} ${x} vs ${TOWN_NAMES[tb]} ${y} gold lost, ${range(s)})`,
      (r) =>
        all(
          namedFirst(
            r.answer,
            townRe(win),
            townRe(lose),
            TOWN_NAMES[win] as string,
            TOWN_NAMES[lose] as string,
          ),
          bothStated(r.answer, x, y, 0),
        ),
    );
  };

  // ------------------------------------------------------------ extremes of a day
  const bestDay = (): boolean => {
    const o = outputOf(pick(MAIN));
    const s = spanOf(WIDE);
    if (!s || s.b - s.a < 2) return false;
    const hi = chance(0.7);
    if (!hi && !dense(o, s)) return false;
    const daily = dailySum(evs(o.town, o.kind, s), o.key);
    const ext = extreme(daily, hi);
    const value = hi ? Math.max(...daily.values()) : Math.min(...daily.values());
    if (!Number.isFinite(value) || value <= 0) return false;
    const withDay = ext !== undefined && chance(0.45);
    const v = voice();
    const T = say(o.town, v);
    const [base, past] = pick(o.verbs);
    const doer = fill(pick(o.doers), T);
    const made = fill(pick(o.made), T);
    const F = s.front[v];
    const E = s.end[v];
    const hm = o.many ? 'How many' : 'How much';
    const also = withDay ? pick([', and on which day', ' — and which day was it']) : '';
    const q =
      v === 'det'
        ? pick([
            `What was the ${hi ? 'best' : 'worst'} single day's total of ${made}${E}${also}? The figure, please.`,
            begin(
              F,
              `${hm.toLowerCase()} ${o.noun} did ${doer} ${base}${o.after ?? ''} on their ${hi ? 'best' : 'worst'} day${also}?`,
            ),
            `Give me the ${hi ? 'highest' : 'lowest'} daily total of ${made}${E}${also}.`,
          ])
        : v === 'tour'
          ? pick([
              begin(
                F,
                `${hm.toLowerCase()} ${o.noun} did ${doer} ${base}${o.after ?? ''} on the ${hi ? 'busiest' : 'quietest'} day${also}?`,
              ),
              `What's the ${hi ? 'most' : 'least'} ${o.noun}${o.after ?? ''} ${doer} ${past} in one day${E}${also}?`,
            ])
          : pick([
              `${hi ? 'best' : 'worst'} day ${pick(o.box)} ${T.name}${E} how much${withDay ? ' which day' : ''}`,
              `${hi ? 'max' : 'min'} daily ${pick(o.box)} ${T.name}${E}${withDay ? ' + day' : ''}`,
              `${F}${pick(o.box)} ${T.name} ${hi ? 'top' : 'lowest'} day total${withDay ? ' and day' : ''}`,
            ]);
    return add(
      'extreme-day',
      withLead(v, q),
      `${fmt(value, o.dec)} ${o.unit}${ext ? ` on day ${ext.key}` : ''} (${hi ? 'max' : 'min'} daily total, ${range(s)})`,
      (r) => all(states(r.answer, value, o.dec), withDay && ext ? namesDay(r.answer, ext.key) : null),
    );
  };

  const readingDay = (): boolean => {
    const rain = chance(0.3);
    const rd = readingOf(
      pick(['temperature_c', 'temperature_c', 'wind_kph', 'humidity_pct', 'tide_m', 'river_level_m']),
    );
    const t = rain ? pick(TOWNS) : (rd.only ?? pick(TOWNS));
    const s = spanOf(WIDE);
    if (!s || s.b - s.a < 2) return false;
    const es = evs(t, 'sensor', s);
    const v = voice();
    const T = say(t, v);
    const F = s.front[v];
    const E = s.end[v];
    if (rain) {
      const daily = dailySum(es, 'rain_mm');
      const top = Math.max(...daily.values());
      if (!(top > 0)) return false;
      const ext = extreme(daily, true);
      const withDay = ext !== undefined && chance(0.4);
      const also = withDay ? ', and which day was it' : '';
      const q =
        v === 'det'
          ? pick([
              `How much rain fell ${T.at} on the wettest day${E}${also}?`,
              begin(F, `what was the largest amount of rain to fall ${T.at} in one day${also}?`),
            ])
          : v === 'tour'
            ? pick([
                `On the wettest day${E} ${T.at}, how many millimetres came down${also}?`,
                begin(F, `how much did it rain ${T.at} on its rainiest day${also}?`),
              ])
            : pick([
                `wettest day ${T.name}${E} mm${withDay ? ' + day' : ''}`,
                `${F}max daily rain ${T.name}${withDay ? ' + day' : ''}`,
              ]);
      return add(
        'extreme-day',
        withLead(v, q),
        `${fmt(top, 1)} mm${ext ? ` on day ${ext.key}` : ''} (wettest day, ${range(s)})`,
        (r) => all(states(r.answer, top, 1), withDay && ext ? namesDay(r.answer, ext.key) : null),
      );
    }
    const hi = chance(0.55);
    const daily = dailyMean(es, rd.key);
    const ext = extreme(daily, hi);
    if (!ext || nearEdge(ext.value, rd.dec)) return false;
    const withDay = chance(0.5);
    const label = pick(rd.label);
    const plain = ['temperature_c', 'wind_kph', 'humidity_pct'].includes(rd.key);
    const word = hi ? rd.hi : rd.lo;
    const also = withDay ? ' and which day was it' : '';
    const q =
      v === 'det'
        ? pick([
            `What was the ${hi ? 'highest' : 'lowest'} daily average ${label} ${T.at}${E}${withDay ? ', and on which day' : ''}?`,
            begin(
              F,
              `on the day when the mean ${label} ${T.at} was ${hi ? 'highest' : 'lowest'}, what was that mean${withDay ? ', and which day' : ''}?`,
            ),
          ])
        : v === 'tour'
          ? plain
            ? pick([
                `On the ${word} day${E} ${T.at}, what was the average ${label}${withDay ? ', and when was it' : ''}?`,
                begin(
                  F,
                  `how ${rd.key === 'temperature_c' ? (hi ? 'warm' : 'cold') : rd.key === 'wind_kph' ? (hi ? 'windy' : 'calm') : 'humid'} was the ${word} day ${T.at}, on average${withDay ? ', and which day' : ''}?`,
                ),
              ])
            : `What was the ${label} ${T.at} on average on its ${hi ? 'highest' : 'lowest'} day${E}${withDay ? ', and which day' : ''}?`
          : `${T.name} ${hi ? 'highest' : 'lowest'} daily avg ${pick(rd.box)}${E}${also ? ' + day' : ''}`;
    return add(
      'extreme-day',
      withLead(v, q),
      `${fmt(ext.value, rd.dec + 1)} ${rd.unit} on day ${ext.key} (${hi ? 'max' : 'min'} daily mean, ${range(s)})`,
      (r) => all(states(r.answer, ext.value, rd.dec), withDay ? namesDay(r.answer, ext.key) : null),
    );
  };

  // ------------------------------------------------------------ extremes of one event
  const biggestEvent = (): boolean => {
    const v = voice();
    const sg = pick(singles(v));
    const s = spanOf(['whole', 'whole', ...WIDE]);
    if (!s) return false;
    if (sg.key === 'loot_gold' && !robberyOk(sg.town, s)) return false;
    const es = sg.events(s);
    if (es.length === 0) return false;
    const top = Math.max(...es.map((e) => num(e, sg.key) ?? 0));
    if (top <= 0) return false;
    const days = new Set(es.filter((e) => num(e, sg.key) === top).map((e) => e.day));
    const day = days.size === 1 ? ([...days][0] as number) : undefined;
    const withDay = day !== undefined && chance(0.35);
    const T = say(sg.town, v);
    const one = sg.one(T);
    const F = s.front[v];
    const E = s.end[v];
    const also = withDay ? pick([', and when was it', ', and on which day']) : '';
    const sized = /^the (biggest|largest|richest|costliest|dearest)\b/.test(one);
    const q =
      v === 'det'
        ? pick([
            `What was ${one}${E}${also}? The exact figure.`,
            ...(sized
              ? [begin(F, `how big was ${one}${also}?`), `State the size of ${one}${E}${also}.`]
              : [begin(F, `what was ${one}? Give me the number${withDay ? ' and the day' : ''}.`)]),
            ...(withDay ? [] : [`I need one number: ${one}${E}.`]),
          ])
        : v === 'tour'
          ? pick([
              ...(sized
                ? [
                    `How large was ${one}${E}${also}?`,
                    `The locals brag about ${one}${E} — how big was it${withDay ? ', and when' : ''}?`,
                  ]
                : [`The locals brag about ${one}${E} — what was it${withDay ? ', and when' : ''}?`]),
              begin(F, `what was ${one}${also}?`),
            ])
          : pick([`${sg.box(T)}${E}${withDay ? ' when' : ''}`, `${F}${sg.box(T)}${withDay ? ' + day' : ''}`]);
    return add(
      'extreme-event',
      withLead(v, q),
      `${fmt(top, sg.dec)} ${sg.unit}${day !== undefined ? ` on day ${day}` : ''} (largest single event, ${range(s)})`,
      (r) =>
        all(states(r.answer, top, sg.dec), withDay && day !== undefined ? namesDay(r.answer, day) : null),
    );
  };

  // ------------------------------------------------------------ single readings
  const singleReading = (hi: boolean): boolean => {
    const pool = hi
      ? [
          'temperature_c',
          'temperature_c',
          'wind_kph',
          'wind_kph',
          'pressure_hpa',
          'humidity_pct',
          'tide_m',
          'river_level_m',
          'rain_mm',
        ]
      : [
          'temperature_c',
          'temperature_c',
          'wind_kph',
          'pressure_hpa',
          'humidity_pct',
          'tide_m',
          'river_level_m',
        ];
    const key = pick(pool);
    const rd =
      key === 'rain_mm'
        ? ({ key, dec: 1, unit: 'mm', label: ['rain', 'rainfall'], box: ['rain'] } as unknown as Reading)
        : readingOf(key);
    const t = rd.only ?? pick(TOWNS);
    const s = spanOf(['whole', 'whole', ...ANY]);
    if (!s) return false;
    const vals = evs(t, 'sensor', s).map((e) => num(e, key) as number);
    if (vals.length === 0) return false;
    const value = hi ? Math.max(...vals) : Math.min(...vals);
    if (key === 'rain_mm' && value <= 0) return false;
    const v = voice();
    const T = say(t, v);
    const label = pick(rd.label);
    const F = s.front[v];
    const E = s.end[v];
    const hl = hi ? 'highest' : 'lowest';
    let q: string;
    if (key === 'rain_mm')
      q =
        v === 'det'
          ? `What was the heaviest single rain reading ${T.at}${E}, in millimetres?`
          : v === 'tour'
            ? begin(F, `what's the most rain one reading has shown ${T.at}?`)
            : `${F}max single rain reading ${T.name}`;
    else if (v === 'det')
      q = pick([
        `What was the ${hl} ${label} recorded ${T.at}${E}?`,
        begin(F, `what was the ${hl} single ${label} reading ${T.at}?`),
        `Give me the ${hi ? 'peak' : 'minimum'} ${label} reading ${T.at}${E}. One number.`,
      ]);
    else if (v === 'tour')
      q =
        key === 'temperature_c'
          ? s.kind === 'whole'
            ? pick([
                `How ${hi ? 'hot' : 'cold'} has it ever got ${T.at}?`,
                `What's the ${hi ? 'warmest' : 'coldest'} reading ever taken ${T.at}?`,
              ])
            : pick([
                begin(F, `how ${hi ? 'hot' : 'cold'} did it get ${T.at}?`),
                `What was the ${hi ? 'warmest' : 'coldest'} it got ${T.at}${E}?`,
              ])
          : key === 'wind_kph' && hi
            ? pick([
                `How strong did the wind blow ${T.at}${E}, at its strongest reading?`,
                begin(F, `what was the strongest gust of wind read ${T.at}?`),
              ])
            : pick([
                s.kind === 'whole'
                  ? `What's the ${hl} ${label} on record ${T.at}?`
                  : `What was the ${hl} ${label} reading ${T.at}${E}?`,
                begin(F, `how ${hi ? 'high' : 'low'} did the ${label} go ${T.at}?`),
              ]);
    else
      q = pick([
        `${hi ? 'max' : 'min'} ${pick(rd.box)} ${T.name}${E}`,
        `${T.name} ${hl} ${pick(rd.box)}${E}`,
        `${F}${pick(rd.box)} ${hi ? 'peak' : 'low'} ${T.name}`,
      ]);
    return add(
      hi ? 'max' : 'min',
      withLead(v, q),
      `${fmt(value, rd.dec)} ${rd.unit} (${hl} single reading, ${range(s)})`,
      (r) => states(r.answer, value, rd.dec),
    );
  };

  // ------------------------------------------------------------ which town
  const whichTown = (): boolean => {
    const kind = pick([
      'mean',
      'mean',
      'mean',
      'rain',
      'rain',
      'peak',
      'rainydays',
      'lost',
      'lost',
      'sold',
      'crates',
    ]);
    const s = spanOf([
      'whole',
      'whole',
      'week',
      'lastweek',
      'thisweek',
      'lastmonth',
      'thismonth',
      'between',
      'lastk',
    ]);
    if (!s) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    const hi = chance(0.65);
    // The search box's fragments never ask for the figure (nor is it checked there).
    const askValue = chance(0.5);
    const withValue = askValue && v !== 'box';
    const vals = new Map<Town, number>();
    let dec = 0;
    let unit = '';
    let q: string;
    const sensors = (t: Town) => evs(t, 'sensor', s);
    const counted = kind === 'rainydays' || kind === 'crates';
    const also = askValue
      ? pick([
          ', and what was the figure',
          counted ? ', and how many' : ', and how much',
          ' — with the number',
        ])
      : '';
    if (kind === 'mean' || kind === 'peak') {
      const rd = readingOf(
        pick(['temperature_c', 'temperature_c', 'wind_kph', 'humidity_pct', 'pressure_hpa']),
      );
      for (const t of TOWNS) {
        const xs = sensors(t).map((e) => num(e, rd.key) as number);
        if (xs.length > 0) vals.set(t, kind === 'mean' ? mean(xs) : hi ? Math.max(...xs) : Math.min(...xs));
      }
      dec = rd.dec;
      unit = rd.unit;
      const label = pick(rd.label);
      const sup = hi ? rd.hi : rd.lo;
      const plain = rd.key !== 'pressure_hpa';
      const hl = hi ? 'highest' : 'lowest';
      q =
        kind === 'peak'
          ? v === 'box'
            ? `town ${hl} single ${pick(rd.box)} reading${E}`
            : v === 'det'
              ? `Which town recorded the ${hl} single ${label} reading${E}${also}?`
              : begin(F, `where was the ${hl} ${label} of any one reading taken${also}?`)
          : v === 'det'
            ? pick([
                `Which of the four towns had the ${hl} average ${label}${E}${also}?`,
                begin(F, `which town's mean ${label} was the ${hl}${also}?`),
              ])
            : v === 'tour'
              ? plain
                ? s.kind === 'whole'
                  ? pick([
                      `Which town is usually the ${sup}${also}?`,
                      `Where is it ${sup} on average${also}?`,
                    ])
                  : pick([
                      begin(F, `which town was the ${sup}, on average${also}?`),
                      `Where was it ${sup}${E}${also}?`,
                    ])
                : `Which town had the ${hl} ${label} on average${E}${also}?`
              : pick([
                  `${plain ? sup : `${hl} ${pick(rd.box)}`} town${E}`,
                  `${F}which town ${hl} avg ${pick(rd.box)}`,
                ]);
    } else if (kind === 'rain' || kind === 'rainydays') {
      for (const t of TOWNS) {
        const es = sensors(t);
        if (es.length === 0) continue;
        vals.set(
          t,
          kind === 'rain'
            ? total(es, 'rain_mm')
            : new Set(es.filter((e) => (num(e, 'rain_mm') ?? 0) > 0).map((e) => e.day)).size,
        );
      }
      dec = kind === 'rain' ? 1 : 0;
      unit = kind === 'rain' ? 'mm' : 'rainy days';
      q =
        kind === 'rain'
          ? v === 'det'
            ? pick([
                `Which town had the ${hi ? 'most' : 'least'} rain${E}${also}?`,
                begin(F, `where did the ${hi ? 'most' : 'least'} rain fall, of the four towns${also}?`),
              ])
            : v === 'tour'
              ? s.kind === 'whole'
                ? pick([
                    `Which town is the ${hi ? 'wettest' : 'driest'}${also}?`,
                    `Where does it rain the ${hi ? 'most' : 'least'}${also}?`,
                  ])
                : pick([
                    `Which town got the ${hi ? 'most' : 'least'} rain${E}${also}?`,
                    begin(F, `which was the ${hi ? 'wettest' : 'driest'} town${also}?`),
                  ])
              : pick([`${hi ? 'wettest' : 'driest'} town${E}`, `${F}town ${hi ? 'most' : 'least'} rain mm`])
          : v === 'det'
            ? `Which town had the ${hi ? 'most' : 'fewest'} days with rain${E}${also}?`
            : v === 'tour'
              ? begin(F, `which town had the ${hi ? 'most' : 'fewest'} rainy days${also}?`)
              : `town ${hi ? 'most' : 'fewest'} rainy days${E}`;
    } else if (kind === 'lost') {
      if (!SHIPPERS.every((t) => robberyOk(t, s))) return false;
      for (const t of SHIPPERS)
        vals.set(
          t,
          total(
            evs(t, 'loss', s).filter((e) => e.data.target === t),
            'loot_gold',
          ),
        );
      unit = 'gold lost';
      q =
        v === 'det'
          ? pick([
              `Which town lost the ${hi ? 'most' : 'least'} gold to the pirates${E}${also}?`,
              begin(
                F,
                `whose shipments cost their town the ${hi ? 'most' : 'least'} gold in robberies${also}?`,
              ),
            ])
          : v === 'tour'
            ? begin(
                F,
                `which town suffered the ${hi ? 'most' : 'least'} from the pirates, in gold lost${also}?`,
              )
            : `town ${hi ? 'most' : 'least'} gold robbed by pirates${E}`;
    } else {
      // Sales and crates: shipments a town sent out (Port Logic's overseas purchases are not its sales).
      const key = kind === 'sold' ? 'value_gold' : 'cargo_items';
      for (const t of SHIPPERS)
        vals.set(
          t,
          total(
            evs(t, 'trade', s).filter((e) => e.data.from === t),
            key,
          ),
        );
      unit = kind === 'sold' ? 'gold of sales' : 'crates shipped';
      q =
        kind === 'sold'
          ? v === 'det'
            ? `Which town took in the ${hi ? 'most' : 'least'} gold from selling its goods${E}${also}?`
            : v === 'tour'
              ? begin(F, `which town earned the ${hi ? 'most' : 'least'} from its sales${also}?`)
              : `town ${hi ? 'most' : 'least'} sales gold${E}`
          : v === 'det'
            ? `Which town sent out the ${hi ? 'most' : 'fewest'} crates of goods${E}${also}?`
            : v === 'tour'
              ? begin(F, `which town shipped the ${hi ? 'most' : 'fewest'} crates${also}?`)
              : `town ${hi ? 'most' : 'fewest'} crates shipped${E}`;
    }
    const ext = extreme(vals, hi);
    if (!ext || vals.size < 3) return false;
    if (hi && ext.value <= 0) return false;
    const sorted = [...vals.values()].sort((x, y) => (hi ? y - x : x - y));
    if (
      dec > 0 &&
      (nearEdge(ext.value, dec) || round(sorted[0] as number, dec) === round(sorted[1] as number, dec))
    )
      return false;
    const win = ext.key;
    return add(
      'which-town',
      withLead(v, q),
      `${TOWN_NAMES[win]} (${fmt(ext.value, dec)} ${unit}, ${range(s)})`,
      (r) => all(townFirst(r.answer, win), withValue ? states(r.answer, ext.value, dec) : null),
    );
  };

  // ------------------------------------------------------------ totals, the whole record, means
  const totalQ = (): boolean => {
    const s = spanOf(ANY);
    if (!s || s.kind === 'whole') return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    const kind = pick(['out', 'out', 'out', 'out', 'rain', 'lost']);
    let value: number;
    let dec = 0;
    let unit: string;
    let q: string;
    if (kind === 'out') {
      const o = pick(OUTPUTS);
      value = total(evs(o.town, o.kind, s), o.key);
      dec = o.dec;
      unit = o.unit;
      const T = say(o.town, v);
      const [base, past] = pick(o.verbs);
      const doer = fill(pick(o.doers), T);
      const made = fill(pick(o.made), T);
      const hm = o.many ? 'how many' : 'how much';
      q =
        v === 'det'
          ? pick([
              `${cap(hm)} ${o.noun} did ${doer} ${base}${o.after ?? ''}${E}, in all?`,
              begin(F, `what was the total of ${made}? Exactly.`),
              `I want the total: ${made}${E}.`,
            ])
          : v === 'tour'
            ? pick([
                begin(F, `${hm} ${o.noun} did ${doer} ${base}${o.after ?? ''}?`),
                o.key === 'raid_gold'
                  ? `How much gold did the raiders ${T.at} come home with${E}?`
                  : o.key === 'learned'
                    ? `How many pupils learned a craft ${T.at}${E}?`
                    : `${cap(hm)} ${o.noun} ${o.many ? 'were' : 'was'} ${past} ${T.at}${E}?`,
              ])
            : pick([
                `${pick(o.box)} ${T.name}${E} total`,
                `total ${pick(o.box)} ${T.at}${E}`,
                `${F}${pick(o.box)} ${T.name} sum`,
              ]);
    } else if (kind === 'rain') {
      const t = pick(TOWNS);
      value = total(evs(t, 'sensor', s), 'rain_mm');
      dec = 1;
      unit = 'mm';
      const T = say(t, v);
      q =
        v === 'det'
          ? pick([
              `How much rain fell ${T.at}${E}, in millimetres?`,
              begin(F, `what was the total rainfall ${T.at}?`),
            ])
          : v === 'tour'
            ? pick([
                begin(F, `how much rain came down ${T.at}?`),
                `How wet was it ${T.at}${E} — how many millimetres of rain in all?`,
              ])
            : pick([`rain ${T.name}${E} mm`, `${F}total rain ${T.name}`]);
    } else {
      const t = pick(SHIPPERS);
      if (!robberyOk(t, s)) return false;
      value = total(
        evs(t, 'loss', s).filter((e) => e.data.target === t),
        'loot_gold',
      );
      unit = 'gold lost';
      const T = say(t, v);
      q =
        v === 'det'
          ? pick([
              `How much gold did ${T.name} lose to the pirates${E}?`,
              begin(F, `what did the robberies of ${poss(T.name)} shipments cost it in gold?`),
            ])
          : v === 'tour'
            ? begin(F, `how much gold did the pirates rob from ${T.name}?`)
            : `${T.name} gold lost to pirates${E}`;
    }
    if (value === 0) return false;
    return add('total', withLead(v, q), `${fmt(value, dec)} ${unit} (sum, ${range(s)})`, (r) =>
      states(r.answer, value, dec),
    );
  };

  /** The whole record, no time named: a town's output, or a sum across the towns. */
  const scopeQ = (): boolean => {
    const s = makeSpan('whole') as Span;
    const v = voice();
    const E = pick(
      v === 'box' ? ['', ' so far', ' all time', ' ever'] : ['', ' so far', ' in all', ' altogether'],
    );
    const kind = pick(['out', 'out', 'out', 'rainall', 'lostall', 'crates']);
    let value: number;
    let dec = 0;
    let unit: string;
    let q: string;
    if (kind === 'out') {
      const o = outputOf(
        pick([
          'fish',
          'ore_tons',
          'harvest',
          'flour_lbs',
          'drinks',
          'raid_gold',
          'tools',
          'arrows',
          'trinkets',
          'ropes',
        ]),
      );
      value = total(of(o.town, o.kind), o.key);
      dec = o.dec;
      unit = o.unit;
      const T = say(o.town, v);
      const [base] = pick(o.verbs);
      const doer = fill(pick(o.doers), T);
      const made = fill(pick(o.made), T);
      const hm = o.many ? 'How many' : 'How much';
      q =
        v === 'det'
          ? pick([
              `${hm} ${o.noun} did ${doer} ${base}${o.after ?? ''}${E || ' in total'}?`,
              `What is the grand total of ${made}${E}?`,
            ])
          : v === 'tour'
            ? pick([
                `What's the total of ${made}${E}, from the very start?`,
                `Add it all up: ${made}${E} — what is the total?`,
              ])
            : pick([`${pick(o.box)} ${T.name}${E} total`, `total ${pick(o.box)} ${T.name}${E}`]);
    } else if (kind === 'rainall') {
      value = total(
        events.filter((e) => e.kind === 'sensor'),
        'rain_mm',
      );
      dec = 1;
      unit = 'mm (all four towns)';
      q =
        v === 'det'
          ? `How much rain has fallen across all four towns together${E}?`
          : v === 'tour'
            ? `Add up the rain in all four towns${E}: how many millimetres is that?`
            : `total rain all towns${E}`;
    } else if (kind === 'lostall') {
      if (!SHIPPERS.every((t) => robberyOk(t, s))) return false;
      value = sum(
        SHIPPERS.map((t) =>
          total(
            of(t, 'loss').filter((e) => e.data.target === t),
            'loot_gold',
          ),
        ),
      );
      unit = 'gold lost (all towns)';
      q =
        v === 'det'
          ? `How much gold have the three trading towns lost to the pirates between them${E}?`
          : v === 'tour'
            ? `How much gold have the pirates robbed from the other towns${E}, all together?`
            : `gold lost to pirates all towns${E}`;
    } else {
      value = sum(
        SHIPPERS.map((t) =>
          total(
            of(t, 'trade').filter((e) => e.data.from === t),
            'cargo_items',
          ),
        ),
      );
      unit = 'crates shipped (all towns)';
      q =
        v === 'det'
          ? `How many crates have the towns shipped out between them${E}?`
          : v === 'tour'
            ? `How many crates of goods have left the three trading towns${E}?`
            : `crates shipped all towns${E}`;
    }
    if (value === 0) return false;
    return add('scope', withLead(v, q), `${fmt(value, dec)} ${unit} (days 1–${N})`, (r) =>
      states(r.answer, value, dec),
    );
  };

  const meanQ = (): boolean => {
    const kind = pick(['reading', 'reading', 'reading', 'perday', 'perday', 'perevent']);
    const s = spanOf(kind === 'reading' ? ANY : WIDE);
    if (!s) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    let value: number;
    let dec: number;
    let unit: string;
    let q: string;
    let how: string;
    if (kind === 'reading') {
      const rd = readingOf(
        pick([
          'temperature_c',
          'temperature_c',
          'wind_kph',
          'humidity_pct',
          'pressure_hpa',
          'tide_m',
          'river_level_m',
        ]),
      );
      const t = rd.only ?? pick(TOWNS);
      const xs = evs(t, 'sensor', s).map((e) => num(e, rd.key) as number);
      if (xs.length === 0) return false;
      value = mean(xs);
      dec = rd.dec;
      unit = rd.unit;
      how = 'mean of readings';
      const T = say(t, v);
      const label = pick(rd.label);
      q =
        v === 'det'
          ? pick([
              `What was the average ${label} ${T.at}${E}?`,
              begin(F, `what did the ${label} ${T.at} average?`),
            ])
          : v === 'tour'
            ? rd.key === 'temperature_c'
              ? s.kind === 'whole'
                ? pick([`On average, how warm is it ${T.at}?`, `What's the usual temperature ${T.at}?`])
                : pick([
                    begin(F, `how warm was it ${T.at}, on average?`),
                    `What was the average temperature ${T.at}${E}?`,
                  ])
              : pick([
                  `What was the ${label} like ${T.at}${E}, on average?`,
                  begin(F, `what was the mean ${label} ${T.at}?`),
                ])
            : pick([`avg ${pick(rd.box)} ${T.name}${E}`, `${F}${T.name} mean ${pick(rd.box)}`]);
    } else if (kind === 'perday') {
      const o = outputOf(
        pick(['fish', 'ore_tons', 'harvest', 'flour_lbs', 'drinks', 'raid_gold', 'tools', 'arrows']),
      );
      const days = reportDays(o.town, s).length;
      if (days === 0) return false;
      value = total(evs(o.town, o.kind, s), o.key) / days;
      dec = o.dec;
      unit = `${o.unit} a day`;
      how = `total ÷ ${days} days reported`;
      const T = say(o.town, v);
      const [base] = pick(o.verbs);
      const doer = fill(pick(o.doers), T);
      const hm = o.many ? 'how many' : 'how much';
      q =
        v === 'det'
          ? pick([
              `On average, ${hm} ${o.noun} did ${doer} ${base}${o.after ?? ''} per day${E}?`,
              begin(F, `what was the daily average of ${fill(pick(o.made), T)}?`),
            ])
          : v === 'tour'
            ? begin(
                F,
                `${hm} ${o.noun} did ${doer} ${base}${o.after ?? ''} on a typical day — the average per day?`,
              )
            : pick([`${pick(o.box)} per day avg ${T.name}${E}`, `${F}daily avg ${pick(o.box)} ${T.name}`]);
    } else {
      const o = outputOf(pick(['fish', 'ore_tons', 'raid_gold']));
      const es = evs(o.town, o.kind, s);
      // Boats kept in by a storm, flooded shifts and raids let go would make "per trip" a matter of opinion.
      if (es.length === 0 || es.some((e) => (num(e, o.key) ?? 0) === 0)) return false;
      value = total(es, o.key) / es.length;
      dec = o.dec;
      unit = `${o.unit} per event`;
      how = `mean over ${es.length} events`;
      const T = say(o.town, v);
      const per = o.key === 'fish' ? 'fishing trip' : o.key === 'ore_tons' ? 'shift' : 'raid';
      q =
        v === 'det'
          ? `What was the average ${o.key === 'raid_gold' ? 'gold taken' : o.noun === 'fish' ? 'catch' : 'ore'} per ${per} ${T.at}${E}?`
          : v === 'tour'
            ? begin(
                F,
                `how ${o.key === 'fish' ? 'many fish did one fishing trip' : o.key === 'ore_tons' ? 'much ore did one shift' : 'much gold did one raid'} bring in ${T.at}, on average?`,
              )
            : `avg ${o.key === 'fish' ? 'fish' : o.key === 'ore_tons' ? 'ore' : 'gold'} per ${per} ${T.name}${E}`;
    }
    if (nearEdge(value, dec)) return false;
    return add('mean', withLead(v, q), `${fmt(value, dec + 1)} ${unit} (${how}, ${range(s)})`, (r) =>
      states(r.answer, value, dec),
    );
  };

  // ------------------------------------------------------------ shipments filtered
  const GOODS_NAME: Record<string, string> = { rope: 'rope', textiles: 'textiles', spices: 'spices' };
  const filterQ = (): boolean => {
    const kind = pick([
      'raidTarget',
      'raidTarget',
      'raidGoods',
      'raidTo',
      'lossCrates',
      'lossGoods',
      'shipped',
      'shipped',
      'shipped',
      'overseasSold',
      'imports',
      'arrivals',
      'arrivals',
      'arrivedCrates',
    ]);
    const s = spanOf([
      'week',
      'lastweek',
      'thisweek',
      'lastk',
      'lastmonth',
      'thismonth',
      'whole',
      'between',
      'whole',
    ]);
    if (!s) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    let value: number;
    let unit: string;
    let q: string;
    const raids = evs('den-of-thieves', 'raid', s).filter((e) => (num(e, 'raid_gold') ?? 0) > 0);
    if (kind === 'raidTarget') {
      const t = pick(SHIPPERS);
      if (!robberyOk(t, s)) return false;
      const count = chance(0.35);
      const mine = raids.filter((e) => e.data.target === t);
      value = count ? mine.length : total(mine, 'raid_gold');
      unit = count ? 'raids' : 'gold';
      const T = say(t, v);
      q = count
        ? v === 'det'
          ? `How many times did the pirates successfully raid shipments sent from ${T.name}${E}?`
          : v === 'tour'
            ? begin(F, `how many of ${poss(T.name)} shipments did the pirates raid?`)
            : `raids on ${T.name} shipments${E} count`
        : v === 'det'
          ? pick([
              `How much gold did the pirates take from ${poss(T.name)} shipments${E}?`,
              begin(F, `what was the pirates' haul, in gold, from cargo sent out of ${T.name}?`),
            ])
          : v === 'tour'
            ? `How much gold did the pirates from the island steal off ${poss(T.name)} cargo${E}?`
            : pick([`raid gold from ${T.name}${E}`, `${F}pirates gold target ${T.name}`]);
    } else if (kind === 'raidGoods') {
      const goods = pick(['flour', 'metal', 'tools', 'trinkets', 'spices', 'textiles', 'fish']);
      const mine = raids.filter((e) => e.data.goods === goods);
      const gold = chance(0.5);
      value = gold ? total(mine, 'raid_gold') : mine.length;
      unit = gold ? `gold from ${goods} raids` : `raids on ${goods}`;
      q = gold
        ? v === 'det'
          ? `How much gold did the pirates get from raids on ${goods} shipments${E}?`
          : v === 'tour'
            ? begin(F, `what were the ${goods} shipments the pirates raided worth to them, in gold?`)
            : `raid gold ${goods} shipments${E}`
        : v === 'det'
          ? `How many raids on ${goods} shipments brought the pirates gold${E}?`
          : v === 'tour'
            ? begin(F, `how often did the pirates hit a shipment of ${goods}?`)
            : `raids ${goods}${E} how many`;
    } else if (kind === 'raidTo') {
      const t = pick(SHIPPERS);
      const mine = raids.filter((e) => e.data.to === t);
      value = total(mine, 'raid_gold');
      unit = `gold from shipments bound for ${t}`;
      const T = say(t, v);
      q =
        v === 'det'
          ? `How much gold did the pirates take from shipments bound for ${T.name}${E}?`
          : v === 'tour'
            ? begin(F, `how much gold did the raiders take from goods on their way to ${T.name}?`)
            : `raid gold shipments to ${T.name}${E}`;
    } else if (kind === 'lossCrates' || kind === 'lossGoods') {
      const t = pick(SHIPPERS);
      const goodsOf: Record<string, string[]> = {
        'port-logic': ['fish', 'spices', 'textiles'],
        patchbourough: ['flour', 'tools', 'grain'],
        circuiton: ['metal', 'trinkets'],
      };
      const goods = pick(goodsOf[t] as string[]);
      const f = kind === 'lossGoods' ? (e: RawEvent) => e.data.goods === goods : () => true;
      if (!robberyOk(t, s, f)) return false;
      const mine = evs(t, 'loss', s).filter((e) => e.data.target === t && f(e));
      const T = say(t, v);
      if (kind === 'lossCrates') {
        value = total(mine, 'cargo_items');
        unit = 'crates lost';
        q =
          v === 'det'
            ? `How many crates did ${T.name} lose to the pirates${E}?`
            : v === 'tour'
              ? begin(F, `how many crates of ${poss(T.name)} goods ended up with the pirates?`)
              : `crates lost ${T.name}${E}`;
      } else {
        value = total(mine, 'loot_gold');
        unit = `gold lost on ${goods}`;
        q =
          v === 'det'
            ? `How much gold did ${T.name} lose when its ${goods} shipments were robbed${E}?`
            : v === 'tour'
              ? begin(F, `what did the pirates' robberies of ${goods} cost ${T.name}, in gold?`)
              : `${T.name} ${goods} robbed gold lost${E}`;
      }
    } else if (kind === 'shipped') {
      const routes: [Town, Town, string][] = [
        ['port-logic', 'patchbourough', 'fish'],
        ['port-logic', 'circuiton', 'fish'],
        ['port-logic', 'patchbourough', 'rope'],
        ['port-logic', 'patchbourough', 'spices'],
        ['port-logic', 'circuiton', 'textiles'],
        ['patchbourough', 'port-logic', 'flour'],
        ['patchbourough', 'circuiton', 'flour'],
        ['patchbourough', 'port-logic', 'grain'],
        ['patchbourough', 'circuiton', 'tools'],
        ['patchbourough', 'port-logic', 'tools'],
        ['circuiton', 'port-logic', 'trinkets'],
        ['circuiton', 'patchbourough', 'metal'],
      ];
      const [from, to, goods] = pick(routes);
      const mine = evs(from, 'trade', s).filter(
        (e) => e.data.from === from && e.data.to === to && e.data.goods === goods,
      );
      const inUnits = goods !== 'metal' && chance(0.6);
      value = total(mine, inUnits ? 'quantity' : 'cargo_items');
      unit = inUnits ? (GOODS_UNIT[goods] as string) : 'crates';
      const A = say(from, v);
      const B = say(to, v);
      const g = GOODS_NAME[goods] ?? goods;
      const u = inUnits ? GOODS_UNIT[goods] : 'crates';
      q =
        v === 'det'
          ? pick([
              `How much ${g} did ${A.name} send to ${B.name}${E}, in ${u}?`,
              begin(F, `how many ${u} of ${g} left ${A.name} bound for ${B.name}?`),
            ])
          : v === 'tour'
            ? begin(F, `how much ${g} went from ${A.name} to ${B.name}, counted in ${u}?`)
            : pick([`${g} ${A.name} to ${B.name}${E} ${u}`, `${F}${u} ${g} shipped ${A.name} -> ${B.name}`]);
    } else if (kind === 'overseasSold' || kind === 'imports') {
      const sold = kind === 'overseasSold';
      const goods = chance(0.4)
        ? pick(
            sold
              ? ['fish', 'rope', 'nets', 'grain', 'trinkets', 'flour']
              : ['spices', 'textiles', 'tools', 'grain'],
          )
        : undefined;
      const mine = evs('port-logic', 'trade', s).filter(
        (e) =>
          (sold ? e.data.to === 'overseas' : e.data.from === 'overseas') &&
          (num(e, 'value_gold') ?? 0) > 0 &&
          (goods === undefined || e.data.goods === goods),
      );
      value = total(mine, 'value_gold');
      unit = `gold ${sold ? 'from overseas sales' : 'paid for imports'}${goods ? ` of ${goods}` : ''}`;
      const T = say('port-logic', v);
      const g = goods ? ` of ${GOODS_NAME[goods] ?? goods}` : '';
      q = sold
        ? v === 'det'
          ? `How much gold did ${T.name} earn selling goods${g} overseas${E}?`
          : v === 'tour'
            ? begin(F, `how much did the ships from overseas pay ${T.name} for its cargo${g}?`)
            : `overseas sales${g} gold ${T.name}${E}`
        : v === 'det'
          ? `How much gold did ${T.name} spend on imports${g} from overseas${E}?`
          : v === 'tour'
            ? begin(F, `what did ${T.name} pay the overseas ships for their cargo${g}, in gold?`)
            : `imports${g} overseas gold spent ${T.name}${E}`;
    } else {
      const routes: [Town, Town][] = [
        ['port-logic', 'patchbourough'],
        ['port-logic', 'circuiton'],
        ['patchbourough', 'port-logic'],
        ['patchbourough', 'circuiton'],
        ['circuiton', 'port-logic'],
        ['circuiton', 'patchbourough'],
      ];
      const [from, to] = pick(routes);
      const mine = evs(to, 'arrival', s).filter((e) => e.data.from === from);
      const A = say(from, v);
      const B = say(to, v);
      if (kind === 'arrivals') {
        value = mine.length;
        unit = `arrivals at ${to} from ${from}`;
        q =
          v === 'det'
            ? pick([
                `How many shipments from ${A.name} arrived ${B.at}${E}?`,
                begin(F, `how many deliveries reached ${B.name} from ${A.name}?`),
              ])
            : v === 'tour'
              ? begin(F, `how many loads of goods came into ${B.name} from ${A.name}?`)
              : `arrivals ${B.name} from ${A.name}${E}`;
      } else {
        value = total(mine, 'cargo_items');
        unit = `crates arrived at ${to} from ${from}`;
        q =
          v === 'det'
            ? `How many crates from ${A.name} were delivered ${B.at}${E}?`
            : v === 'tour'
              ? begin(F, `how many crates arrived ${B.at} from ${A.name}?`)
              : `crates arrived ${B.name} from ${A.name}${E}`;
      }
    }
    if (value === 0 && chance(0.75)) return false;
    return add('filter', withLead(v, q), `${fmt(value, 0)} ${unit} (${range(s)})`, (r) =>
      statesCount(r.answer, value),
    );
  };

  // ------------------------------------------------------------ yes or no
  const didHappen = (): boolean => {
    const h = pick(HAPPENINGS);
    const s = spanOf([
      'today',
      'yesterday',
      'day',
      'day',
      'day',
      'lastweek',
      'thisweek',
      'week',
      'between',
      'lastk',
    ]);
    if (!s || !happeningOk(h, s)) return false;
    const yes = daysOf(h, s).size > 0;
    const v = voice();
    const T = say(h.town, v);
    const base = fill(pick(h.base), T);
    const bx = fill(pick(h.box), T);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `Did ${base}${E}? Yes or no.`,
            begin(F, `did ${base}? Answer yes or no.`),
            `I'll ask you directly: did ${base}${E}?`,
            `Yes or no — did ${base}${E}?`,
          ])
        : v === 'tour'
          ? pick([begin(F, `did ${base}?`), `Did ${base}${E}, do you know?`])
          : pick([`${bx}${E}?`, `any ${bx}${E}`, `${F}${bx} yes or no`]);
    return add('did', withLead(v, q), `${yes ? 'yes' : 'no'} (${range(s)})`, (r) => saysYes(r.answer, yes));
  };

  /** A total or a mean against a figure well away from it. */
  const didThreshold = (): boolean => {
    const s = spanOf([
      'day',
      'lastweek',
      'thisweek',
      'week',
      'between',
      'lastk',
      'lastmonth',
      'thismonth',
      'yesterday',
    ]);
    if (!s) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    const factor = chance(0.5) ? 0.6 + 0.2 * rng() : 1.25 + 0.3 * rng();
    let value: number;
    let x: number;
    let q: string;
    let unit: string;
    if (chance(0.65)) {
      const o = outputOf(
        pick([
          'fish',
          'ore_tons',
          'harvest',
          'flour_lbs',
          'drinks',
          'raid_gold',
          'tools',
          'arrows',
          'trinkets',
        ]),
      );
      value = total(evs(o.town, o.kind, s), o.key);
      if (value <= 0) return false;
      x = roundish(value * factor);
      unit = o.unit;
      const T = say(o.town, v);
      const [base] = pick(o.verbs);
      const doer = fill(pick(o.doers), T);
      const made = fill(pick(o.made), T);
      q =
        v === 'det'
          ? pick([
              `Did ${doer} ${base} more than ${x} ${o.unit}${o.after ?? ''}${E}? Yes or no, then the figure.`,
              begin(F, `was the total of ${made} above ${x}?`),
            ])
          : v === 'tour'
            ? pick([
                `Did ${made} top ${x} ${o.unit}${E}?`,
                begin(F, `did ${doer} ${base} over ${x} ${o.unit}${o.after ?? ''}?`),
              ])
            : `${pick(o.box)} ${T.name}${E} over ${x}?`;
    } else {
      const rd = readingOf(pick(['temperature_c', 'wind_kph', 'humidity_pct']));
      const t = pick(TOWNS);
      const xs = evs(t, 'sensor', s).map((e) => num(e, rd.key) as number);
      if (xs.length === 0) return false;
      value = mean(xs);
      const off = rd.key === 'humidity_pct' ? 8 : rd.key === 'wind_kph' ? 4 : 2.5;
      x = Math.round(value + (chance(0.5) ? off : -off) * (1 + rng()));
      unit = rd.unit;
      const T = say(t, v);
      const label = pick(rd.label);
      const u = rd.unit === '°C' ? ' °C' : ` ${rd.unit}`;
      q =
        v === 'det'
          ? `Was the average ${label} ${T.at}${E} above ${x}${u}? Yes or no.`
          : v === 'tour'
            ? begin(F, `did the ${label} ${T.at} average more than ${x}${u}?`)
            : `avg ${pick(rd.box)} ${T.name}${E} above ${x}?`;
    }
    const yes = value > x;
    if (Math.abs(value - x) < 1e-9) return false;
    return add(
      'did',
      withLead(v, q),
      `${yes ? 'yes' : 'no'} (${fmt(value, 2)} ${unit} vs ${x}, ${range(s)})`,
      (r) => saysYes(r.answer, yes),
    );
  };

  // ------------------------------------------------------------ events counted
  const countQ = (): boolean => {
    const h = pick(HAPPENINGS.filter((x) => x.count));
    const s = spanOf(['today', 'yesterday', 'day', ...WIDE]);
    if (!s || !happeningOk(h, s)) return false;
    const n = evs(h.town, h.kind, s).filter(h.test).length;
    if (n === 0 && chance(0.7)) return false;
    const v = voice();
    const T = say(h.town, v);
    const c = fill(pick(h.count as string[]), T);
    const bx = fill(pick(h.box), T);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `How many ${c}${E}? Count every one.`,
            begin(F, `how many ${c}?`),
            `Exactly how many ${c}${E}?`,
          ])
        : v === 'tour'
          ? pick([begin(F, `how many ${c}?`), `Do you know how many ${c}${E}?`])
          : pick([`${bx} count${E}`, `how many ${bx}${E}`, `${F}number of ${bx}`]);
    return add('count', withLead(v, q), `${n} events (${range(s)})`, (r) => statesCount(r.answer, n));
  };

  // ------------------------------------------------------------ who
  const whoQ = (): boolean => {
    const trade = chance(0.2);
    const s = spanOf([
      'week',
      'lastweek',
      'thisweek',
      'lastk',
      'lastmonth',
      'thismonth',
      'whole',
      'between',
      'day',
    ]);
    if (!s) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    const by = new Map<string, number>();
    let unit: string;
    let dec = 0;
    let q: string;
    if (trade) {
      const t = pick(['patchbourough', 'port-logic'] as Town[]);
      for (const e of evs(t, 'trade', s))
        if (e.actor && e.data.from === t && (num(e, 'value_gold') ?? 0) > 0)
          by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, 'value_gold') ?? 0));
      unit = 'gold of sales';
      const T = say(t, v);
      q =
        v === 'det'
          ? `Which trader ${T.at} sold the most, in gold${E}? Name and sum.`
          : v === 'tour'
            ? begin(F, `who was the busiest trader ${T.at} — who sold the most goods by value?`)
            : `top trader ${T.name} gold sold${E}`;
    } else {
      const o = outputOf(
        pick(['fish', 'fish', 'ore_tons', 'ore_tons', 'harvest', 'learned', 'nets', 'ropes']),
      );
      for (const e of evs(o.town, o.kind, s))
        if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, o.key) ?? 0));
      unit = o.unit;
      dec = o.dec;
      const T = say(o.town, v);
      const [, past] = pick(o.verbs);
      const what = `the most ${o.noun}${o.after ?? ''}`;
      q =
        v === 'det'
          ? pick([
              `Who ${T.at} ${past} ${what}${E}? Name and number.`,
              begin(F, `which person ${past} ${what} ${T.at}, and how many?`),
            ])
          : v === 'tour'
            ? pick([
                begin(F, `who ${past} ${what} ${T.at}?`),
                `Whose work ${T.at} counted for ${what}${E}, and how ${o.many ? 'many' : 'much'}?`,
              ])
            : pick([`who most ${pick(o.box)} ${T.name}${E}`, `${F}top ${pick(o.box)} person ${T.name}`]);
    }
    const ext = extreme(by, true);
    if (!ext || ext.value <= 0) return false;
    // The sum is checked only where the question asks for it.
    const asked = /\bhow (many|much)\b|\bname and (number|sum)\b/i.test(q);
    return add('who', withLead(v, q), `${ext.key} (${fmt(ext.value, dec)} ${unit}, ${range(s)})`, (r) =>
      all(names(r.answer, ext.key), asked ? states(r.answer, ext.value, dec) : null),
    );
  };

  // ------------------------------------------------------------ trend, correlation
  const trendQ = (): boolean => {
    const s = spanOf(['lastk', 'lastmonth', 'thismonth', 'whole', 'between']);
    if (!s || s.b - s.a < 9) return false;
    const v = voice();
    const F = s.front[v];
    const E = s.end[v];
    let series: Map<number, number>;
    let q: string;
    let label: string;
    if (chance(0.55)) {
      const o = outputOf(pick(['fish', 'ore_tons', 'drinks', 'flour_lbs', 'harvest']));
      if (!dense(o, s)) return false;
      series = dailySum(evs(o.town, o.kind, s), o.key);
      label = `daily ${o.key}`;
      const T = say(o.town, v);
      const made = fill(pick(o.made), T);
      q =
        v === 'det'
          ? `By how much per day did the daily total of ${made} rise or fall${E}? The least-squares slope, please.`
          : v === 'tour'
            ? begin(F, `has the daily amount of ${made} been going up or down, and by how much a day?`)
            : pick([
                `trend ${pick(o.box)} ${T.name}${E} per day`,
                `${F}slope daily ${pick(o.box)} ${T.name}`,
              ]);
    } else {
      const rd = readingOf(pick(['temperature_c', 'temperature_c', 'wind_kph', 'river_level_m']));
      const t = rd.only ?? pick(TOWNS);
      series = dailyMean(evs(t, 'sensor', s), rd.key);
      label = `daily mean ${rd.key}`;
      const T = say(t, v);
      const lb = pick(rd.label);
      q =
        v === 'det'
          ? `What was the trend in the daily mean ${lb} ${T.at}${E}, as a slope per day?`
          : v === 'tour'
            ? begin(
                F,
                rd.key === 'river_level_m'
                  ? `has the ${lb} ${T.at} been rising or falling, and by how much each day?`
                  : `has it been getting ${rd.more} or ${rd.less} ${T.at}, and by how much each day?`,
              )
            : `${pick(rd.box)} trend ${T.name}${E} per day`;
    }
    const b = slope(series);
    if (!Number.isFinite(b) || Math.abs(b) < 0.005 || nearEdge(b, 2)) return false;
    return add('trend', withLead(v, q), `${fmt(b, 3)} a day (${label}, ${range(s)})`, (r) =>
      statesSlope(r.answer, b),
    );
  };

  const correlateQ = (): boolean => {
    const s = spanOf(['lastmonth', 'thismonth', 'whole', 'whole']);
    if (!s) return false;
    const v = voice();
    const E = v === 'tour' ? s.end.det : s.end[v];
    const pairs: [string, string, () => [Map<number, number>, Map<number, number>]][] = [
      [
        "the harbour's daily catch of fish and its mean wind speed",
        'port fish per day vs wind',
        () => [
          dailySum(evs('port-logic', 'fishing', s), 'fish'),
          dailyMean(evs('port-logic', 'sensor', s), 'wind_kph'),
        ],
      ],
      [
        "PatchBourough's flour milled per day and its mean river level",
        'patch flour per day vs river level',
        () => [
          dailySum(evs('patchbourough', 'mill', s), 'flour_lbs'),
          dailyMean(evs('patchbourough', 'sensor', s), 'river_level_m'),
        ],
      ],
      [
        "Circuiton's ore per day and its daily rainfall",
        'circuiton ore per day vs rain',
        () => [
          dailySum(evs('circuiton', 'mining', s), 'ore_tons'),
          dailySum(evs('circuiton', 'sensor', s), 'rain_mm'),
        ],
      ],
      [
        'the daily mean temperature on the pirate island and at the mountain town',
        'den temp vs circuiton temp daily',
        () => [
          dailyMean(evs('den-of-thieves', 'sensor', s), 'temperature_c'),
          dailyMean(evs('circuiton', 'sensor', s), 'temperature_c'),
        ],
      ],
      [
        "PatchBourough's daily harvest and its mean temperature",
        'patch harvest per day vs temp',
        () => [
          dailySum(evs('patchbourough', 'farming', s), 'harvest'),
          dailyMean(evs('patchbourough', 'sensor', s), 'temperature_c'),
        ],
      ],
    ];
    const [long, short, f] = pick(pairs);
    const [p, qq] = f();
    const r0 = pearson(p, qq);
    if (!Number.isFinite(r0) || nearEdge(r0, 2)) return false;
    const q =
      v === 'box'
        ? `correlation ${short}${E}`
        : v === 'det'
          ? `What is the Pearson correlation between ${long}${E}? Two decimals.`
          : `Is there a link between ${long}${E}? What's the correlation coefficient?`;
    return add('correlate', withLead(v, q), `r = ${fmt(r0, 3)} (${range(s)})`, (r) =>
      states(r.answer, r0, 2),
    );
  };

  // ------------------------------------------------------------ two things on one day
  const bothQ = (): boolean => {
    const h1 = pick(HAPPENINGS);
    const h2 = pick(HAPPENINGS.filter((h) => h.id !== h1.id && h.town !== h1.town));
    const s = spanOf(['week', 'lastweek', 'thisweek', 'between', 'lastk']);
    if (!s || s.b - s.a < 3 || !happeningOk(h1, s) || !happeningOk(h2, s)) return false;
    const d2 = daysOf(h2, s);
    const days = [...daysOf(h1, s)].filter((d) => d2.has(d)).sort((x, y) => x - y);
    if (days.length === 0 && chance(0.6)) return false;
    const v = voice();
    const T1 = say(h1.town, v);
    const T2 = say(h2.town, v);
    const p1 = fill(pick(h1.past), T1);
    const p2 = fill(pick(h2.past), T2);
    const F = s.front[v];
    const E = s.end[v];
    const q =
      v === 'det'
        ? pick([
            `List every day${E} on which ${p1} and ${p2}.`,
            begin(F, `on which days did both of these happen: ${p1}, and ${p2}? Every one.`),
          ])
        : v === 'tour'
          ? begin(F, `were there days when ${p1} and, the same day, ${p2}? Which days?`)
          : `days ${fill(pick(h1.box), T1)} and ${fill(pick(h2.box), T2)}${E}`;
    return add(
      'both',
      withLead(v, q),
      days.length > 0 ? `days ${days.join(', ')} (${range(s)})` : `none (${range(s)})`,
      (r) => namesExactly(r.answer, days, s.a, s.b),
    );
  };

  // ------------------------------------------------------------ the future, roles
  const FUTURE = [
    'How many fish will the boats at the fishing port bring in tomorrow?',
    'On exactly which day next week will the miners in Circuiton dig out the most ore?',
    'Will it rain on the pirate island on day 480?',
    'What will the average temperature be up in the mountain town next week?',
    'den raids gold day 700',
    'How much flour will the water mill at PatchBourough grind on day 512?',
    'Is it going to storm at the harbour tomorrow?',
    'patch harvest next week total',
    'How many drinks will the Drowned Rat pour on day 999?',
    'Tell me now: which town will lose the most gold to the pirates next week?',
    'circuiton wind tomorrow max',
    'What will the tide be at Port Logic on day 455?',
  ];
  const futureQ = (): boolean => {
    const q = pick(FUTURE);
    return add('future', q, 'not happened yet', (r) => saysNotYet(r.answer));
  };

  const ROLES: [string, string[]][] = [
    ['Who keeps the tavern on the pirate island?', ['Greta Grog']],
    ['Who is the miller in the farming village?', ['Rosalind Grist']],
    ['Who works the forge at PatchBourough?', ['Garrick Stone']],
    ['Who captains the Black Gull?', ['Mara Blackwater']],
    ['den bosun who', ['Bosun Rook']],
    ['Who teaches at the Academy up in the mountain town?', ['Elden Cogsworth', 'Tilda Gearhart']],
    ['Who makes the arrows at the Den of Thieves?', ['Skiv']],
    ['Who is the quartermaster at the Den?', ['One-Eyed Finn']],
    ['Who is the rope maker at the harbour?', ['Silas Twine']],
    ["What is Ida Pike's job?", ['miner']],
    ['What does Odile Quay do for a living?', ['trader']],
    ['circuiton apprentice name', ['John']],
    ['Who are the miners in Circuiton? Name them all.', ['Ida Pike', 'Oskar Flint', 'Bruna Shale']],
    ['Who is the assayer in the mining town?', ['Vera Crucible']],
  ];
  const roleQ = (): boolean => {
    const [q, who] = pick(ROLES);
    return add('role', q, who.join(', '), (r) => all(...who.map((w) => names(r.answer, w))));
  };

  // ------------------------------------------------------------ assemble
  const plan: [number, () => boolean][] = [
    [14, whichDayTotal],
    [8, whichDayEvent],
    [10, firstLast],
    [8, whichDayReading],
    [16, daysHappen],
    [8, daysOver],
    [7, daysReading],
    [5, daysWithout],
    [12, compareTowns],
    [12, comparePeriods],
    [6, comparePeople],
    [4, compareLosses],
    [16, bestDay],
    [12, readingDay],
    [24, biggestEvent],
    [12, () => singleReading(true)],
    [12, () => singleReading(false)],
    [22, whichTown],
    [16, totalQ],
    [8, scopeQ],
    [16, meanQ],
    [22, filterQ],
    [10, didHappen],
    [8, didThreshold],
    [12, countQ],
    [10, whoQ],
    [6, trendQ],
    [4, correlateQ],
    [6, bothQ],
    [6, futureQ],
    [6, roleQ],
  ];
  for (const [quota, make] of plan) {
    let made = 0;
    for (let tries = 0; made < quota && tries < quota * 80; tries++) if (make()) made++;
  }

  // A typo in about one question in eight: a letter swapped, dropped or doubled in a noun, a verb or a town's name.
  const TYPO_WORDS =
    /\b(fish|fishermen|caught|catch|harvest|harvested|flour|miners|mined|tools|forge|trinkets|drinks|poured|arrows|raids?|raided|pirates|robbed|robbery|robberies|rain(ed|fall)?|temperature|wind|humidity|pressure|shipments?|crates|storm|tavern|island|village|mountain|harbour|Circuiton|PatchBourough|Logic|Thieves|gold|delivered|arrived|sold|mill|fields|farmers|weather|deliveries|shifts?|reading|ground|landed|lose|lost|loot)\b/g;
  const misspell = (w: string): string => {
    const i = 1 + Math.floor(rng() * (w.length - 2));
    const op = pick(['swap', 'drop', 'double']);
    if (op === 'swap') return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
    if (op === 'drop') return w.slice(0, i) + w.slice(i + 1);
    return w.slice(0, i) + (w[i] ?? '') + w.slice(i);
  };
  // A typo must not make another real word ("miners" → "mines").
  const vocabulary = new Set(cases.flatMap((c) => c.question.toLowerCase().match(/[a-z]+/g) ?? []));
  for (const w of [
    'mine',
    'mines',
    'fist',
    'rai',
    'ran',
    'tool',
    'tols',
    'sod',
    'gol',
    'god',
    'los',
    'lot',
    'loo',
    'mil',
    'win',
  ])
    vocabulary.add(w);
  for (const c of cases) {
    if (c.form === 'future' || !chance(0.125)) continue;
    const hits = [...c.question.matchAll(TYPO_WORDS)];
    if (hits.length === 0) continue;
    const hit = pick(hits);
    const word = hit[0];
    const bad = misspell(word);
    if (bad.toLowerCase() === word.toLowerCase() || vocabulary.has(bad.toLowerCase())) continue;
    const q = c.question.slice(0, hit.index) + bad + c.question.slice((hit.index ?? 0) + word.length);
    if (seen.has(q)) continue;
    seen.add(q);
    c.question = q;
    c.typo = `${word}→${bad}`;
  }
  return cases;
}

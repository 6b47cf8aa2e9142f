/**
 * What the agent knows the world's words mean: the towns by name and by description, every number
 * the jobs and sensors report (DESIGN.md's `data` keys), and the happenings people ask about.
 * Pure data and matching; no store, no I/O.
 */
import { STORM_WIND_KPH } from '../world/weather.ts';

/** The four towns' ids (the world core brands them; here they are plain words to match). */
export type TownId = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';

export const TOWN_NAMES: Record<TownId, string> = {
  'port-logic': 'Port Logic',
  patchbourough: 'PatchBourough',
  circuiton: 'Circuiton',
  'den-of-thieves': 'Den of Thieves',
};

/** How people name each town. Longer phrases are tried first, so "port logic" wins over "port". */
const TOWN_WORDS: [TownId, string][] = [
  [
    'port-logic',
    'port logic|port-logic|portlogic|the port|the harbou?r|harbou?r town|ocean port|the docks|fishermen|fishing town|port',
  ],
  [
    'patchbourough',
    'patch ?bou?rough|patch ?borough|patchburg|patchbourough|the farms|farm town|farming town|river town|the river farms|farmers|the village',
  ],
  ['circuiton', 'circuiton|circuitown|mountain town|the mountains?|mining town|the mines?|miners|mountain'],
  [
    'den-of-thieves',
    'den of thieves|den-of-thieves|the den|pirates?|pirate island|the island|thieves|island',
  ],
];

const TOWN_PATTERNS = TOWN_WORDS.map(([id, words]) => ({ id, re: new RegExp(`\\b(?:${words})\\b`, 'g') }));

/** The towns a question names, in the order it names them, each once. */
export function townsIn(text: string): TownId[] {
  const found: { id: TownId; at: number }[] = [];
  for (const { id, re } of TOWN_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) found.push({ id, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.id);
}

export type Aggregate = 'sum' | 'mean' | 'min' | 'max' | 'count';

export interface Metric {
  key: string;
  /** What it counts, as an answer says it: "fish caught". */
  label: string;
  unit: string;
  /** Decimals the events carry, so sums are exact at this precision. */
  decimals: number;
  /** Words that name it in a question. */
  words: RegExp;
  /** The towns that report it. */
  towns: readonly TownId[];
  /** The job (event kind) that reports it; events of other kinds may carry the same key. */
  kind: string;
  /** A sensor reading (averaged), not a job's output (added up). */
  sensor: boolean;
  /** What "how much" means for it. */
  natural: Aggregate;
  /** The town's main product: what "a big day" is measured by. */
  main?: boolean;
}

const ALL: readonly TownId[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const TRADERS: readonly TownId[] = ['port-logic', 'patchbourough', 'circuiton'];

const metric = (m: Omit<Metric, 'natural'> & { natural?: Aggregate }): Metric => ({
  natural: m.sensor ? 'mean' : 'sum',
  ...m,
});

/** Order matters where words overlap: the first metric whose words match is the one meant. */
export const METRICS: readonly Metric[] = [
  metric({
    key: 'harvest',
    label: 'grain harvested',
    unit: 'lbs',
    decimals: 0,
    words: /\bharvest(s|ed|ing)?\b|\bcrops?\b|\bbushels?\b|\byields?\b/,
    towns: ['patchbourough'],
    kind: 'farming',
    sensor: false,
    main: true,
  }),
  metric({
    key: 'flour_lbs',
    label: 'flour milled',
    unit: 'lbs',
    decimals: 0,
    words: /\bflour\b/,
    towns: ['patchbourough'],
    kind: 'mill',
    sensor: false,
  }),
  metric({
    key: 'grain_lbs',
    label: 'grain ground at the mill',
    unit: 'lbs',
    decimals: 0,
    words: /(?<!\bharvest\w*\b[^?]*)\bgrain\b(?![^?]*\bharvest)|\bmill(ed|s)?\b|\bground\b/,
    towns: ['patchbourough'],
    kind: 'mill',
    sensor: false,
  }),
  metric({
    key: 'tools',
    label: 'tools forged',
    unit: 'tools',
    decimals: 0,
    words: /\btools?\b|\bforged?\b|\bblacksmiths?\b|\bsmith\b/,
    towns: ['patchbourough'],
    kind: 'forge',
    sensor: false,
  }),
  metric({
    key: 'ore_tons',
    label: 'ore mined',
    unit: 'tons',
    decimals: 2,
    words: /\bores?\b|\bmined\b|\bmining\b/,
    towns: ['circuiton'],
    kind: 'mining',
    sensor: false,
    main: true,
  }),
  metric({
    key: 'metal_lbs',
    label: 'metal processed',
    unit: 'lbs',
    decimals: 4,
    words: /\bmetals?\b|\bsmelt(ed)?\b/,
    towns: ['circuiton'],
    kind: 'mining',
    sensor: false,
  }),
  metric({
    key: 'trinkets',
    label: 'trinkets made',
    unit: 'trinkets',
    decimals: 0,
    words: /\btrinkets?\b/,
    towns: ['circuiton'],
    kind: 'apprenticeship',
    sensor: false,
  }),
  metric({
    key: 'learned',
    label: 'pupils who learned a craft',
    unit: 'pupils',
    decimals: 0,
    words: /\blearn(ed|t|ing)?\b|\bpupils?\b|\bstudents?\b|\bclass(es)?\b|\bacademy\b|\bschool\b/,
    towns: ['circuiton'],
    kind: 'education',
    sensor: false,
  }),
  metric({
    key: 'fish',
    label: 'fish caught',
    unit: 'fish',
    decimals: 0,
    words: /\bfish(es|ing)?\b|\bcatch(es)?\b|\bcaught\b|\bhauls?\b/,
    towns: ['port-logic'],
    kind: 'fishing',
    sensor: false,
    main: true,
  }),
  metric({
    key: 'nets',
    label: 'nets made',
    unit: 'nets',
    decimals: 0,
    words: /\bnets?\b/,
    towns: ['port-logic'],
    kind: 'maritime',
    sensor: false,
  }),
  metric({
    key: 'ropes',
    label: 'ropes made',
    unit: 'ropes',
    decimals: 0,
    words: /\bropes?\b/,
    towns: ['port-logic'],
    kind: 'maritime',
    sensor: false,
  }),
  metric({
    key: 'drinks',
    label: 'drinks poured',
    unit: 'drinks',
    decimals: 0,
    words: /\bdrinks?\b|\bdrank\b|\bdrunk\b|\bpoured\b|\brum\b|\bale\b|\bgrog\b/,
    towns: ['den-of-thieves'],
    kind: 'drinking',
    sensor: false,
  }),
  metric({
    key: 'arrows',
    label: 'arrows made',
    unit: 'arrows',
    decimals: 0,
    words: /\barrows?\b|\bfletch(er|ed)?\b/,
    towns: ['den-of-thieves'],
    kind: 'arrows',
    sensor: false,
  }),
  metric({
    key: 'loot_gold',
    label: 'gold lost to the pirates',
    unit: 'gold',
    decimals: 0,
    words:
      /\b(lost|lose|loses|losses|stolen|stole|robbed)\b[^?]*\bgold\b|\bgold\b[^?]*\b(lost|lose|stolen|robbed)\b/,
    towns: TRADERS,
    kind: 'loss',
    sensor: false,
  }),
  metric({
    key: 'value_gold',
    label: 'gold in trade',
    unit: 'gold',
    decimals: 0,
    words:
      /\b(trade[ds]?|trading|sold|sell|earn(ed|s)?|income|revenue|paid)\b[^?]*\bgold\b|\bgold\b[^?]*\b(trade[ds]?|trading|sold|earned)\b/,
    towns: TRADERS,
    kind: 'trade',
    sensor: false,
  }),
  metric({
    key: 'raid_gold',
    label: 'gold taken in raids',
    unit: 'gold',
    decimals: 0,
    words: /\b(gold|loot(ed)?|plunder(ed)?|booty|treasure)\b/,
    towns: ['den-of-thieves'],
    kind: 'raid',
    sensor: false,
    main: true,
  }),
  metric({
    key: 'cargo_items',
    label: 'crates shipped',
    unit: 'crates',
    decimals: 0,
    words: /\bcargo\b|\bcrates?\b/,
    towns: TRADERS,
    kind: 'trade',
    sensor: false,
  }),
  metric({
    key: 'sails',
    label: 'sails sighted',
    unit: 'sails',
    decimals: 0,
    words: /\bsails?\b|\blookout\b/,
    towns: ['den-of-thieves'],
    kind: 'lookout',
    sensor: false,
    natural: 'mean',
  }),
  metric({
    key: 'boat_repaired',
    label: 'ship repairs',
    unit: 'repairs',
    decimals: 0,
    words: /\brepair(s|ed)?\b|\bfix(ed)?\b|\bpatched\b/,
    towns: ['den-of-thieves'],
    kind: 'repair',
    sensor: false,
  }),
  metric({
    key: 'temperature_c',
    label: 'temperature',
    unit: '°C',
    decimals: 1,
    words:
      /\btemperatures?\b|\bwarm(est|er|th)?\b|\bhot(test|ter)?\b|\bcold(est|er)?\b|\bchill(y|iest)?\b|\bfreez(ing|e)\b|\bdegrees?\b|\bheat\b/,
    towns: ALL,
    kind: 'sensor',
    sensor: true,
  }),
  metric({
    key: 'pressure_hpa',
    label: 'air pressure',
    unit: 'hPa',
    decimals: 1,
    words: /\bpressure\b|\bhpa\b|\bbarometer\b/,
    towns: ALL,
    kind: 'sensor',
    sensor: true,
  }),
  metric({
    key: 'humidity_pct',
    label: 'humidity',
    unit: '%',
    decimals: 0,
    words: /\bhumid(ity|est)?\b/,
    towns: ALL,
    kind: 'sensor',
    sensor: true,
  }),
  metric({
    key: 'wind_kph',
    label: 'wind',
    unit: 'km/h',
    decimals: 1,
    words: /\bwind(s|y|iest|ier|speed)?\b|\bgusts?\b|\bbreez(e|y)\b/,
    towns: ALL,
    kind: 'sensor',
    sensor: true,
  }),
  metric({
    key: 'rain_mm',
    label: 'rain',
    unit: 'mm',
    decimals: 1,
    words: /\brain(s|fall|ed|y|iest|ier)?\b|\bwett?(est|er)?\b|\bprecipitation\b|\bdri(er|est)\b/,
    towns: ALL,
    kind: 'sensor',
    sensor: true,
    natural: 'sum',
  }),
  metric({
    key: 'tide_m',
    label: 'tide',
    unit: 'm',
    decimals: 2,
    words: /\btides?\b/,
    towns: ['port-logic'],
    kind: 'sensor',
    sensor: true,
  }),
  metric({
    key: 'river_level_m',
    label: 'river level',
    unit: 'm',
    decimals: 2,
    words: /\briver level\b|\briver\b(?! town| farms)/,
    towns: ['patchbourough'],
    kind: 'sensor',
    sensor: true,
  }),
];

export const METRIC_BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

/** The metrics a question names, in the order it names them, each once. */
export function metricsIn(text: string): Metric[] {
  const found: { m: Metric; at: number }[] = [];
  const taken: [number, number][] = [];
  for (const m of METRICS) {
    const match = m.words.exec(text);
    if (!match) continue;
    const span: [number, number] = [match.index, match.index + match[0].length];
    // A word belongs to the first metric that claims it ("grain harvested" is harvest, not the mill).
    if (taken.some(([a, b]) => span[0] < b && a < span[1])) continue;
    taken.push(span);
    found.push({ m, at: match.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.m);
}

/** Something that happens, as a test on one event. */
export interface Happening {
  name: string;
  /** How an answer says it happened: "the pirates went on a raid". */
  phrase: string;
  words: RegExp;
  town?: TownId;
  kind?: string;
  /** The event's number that must be at least `min` (a raid that brought gold, a storm's wind). */
  metric?: string;
  min?: number;
  /** Words the event's text contains. */
  text?: string;
}

export const HAPPENINGS: readonly Happening[] = [
  {
    name: 'robbery',
    phrase: 'pirates robbed a shipment',
    words: /\brobbed\b|\brobber(y|ies)\b|\bstole\b|\bstolen\b|\blost .*to (the )?pirates\b/,
    kind: 'loss',
    metric: 'loot_gold',
    min: 1,
  },
  {
    name: 'raid',
    phrase: 'the pirates went on a raid',
    words: /\braid(s|ed|ing)?\b|\braiders?\b|\battack(s|ed)?\b|\bplunder(ed)?\b/,
    town: 'den-of-thieves',
    kind: 'raid',
    metric: 'raid_gold',
    min: 1,
  },
  {
    name: 'repair',
    phrase: 'the pirates repaired their ship',
    words: /\brepair(s|ed|ing)?\b|\bfix(ed|ing)?\b|\bpatch(ed|ing)?\b/,
    town: 'den-of-thieves',
    kind: 'repair',
    metric: 'boat_repaired',
    min: 1,
  },
  {
    name: 'storm',
    phrase: `a storm blew (wind of ${STORM_WIND_KPH} km/h or more)`,
    words: /\bstorm(s|y)?\b|\bgales?\b|\btempests?\b/,
    kind: 'sensor',
    metric: 'wind_kph',
    min: STORM_WIND_KPH,
  },
  {
    name: 'flood',
    phrase: 'the mine flooded',
    words: /\bflood(s|ed|ing)?\b/,
    town: 'circuiton',
    kind: 'mining',
    text: 'flooded',
  },
  {
    name: 'surplus',
    phrase: 'the farmers brought in a surplus',
    words: /\bsurplus(es)?\b|\bbumper\b/,
    town: 'patchbourough',
    kind: 'farming',
    text: 'surplus',
  },
  {
    name: 'drought',
    phrase: 'the drought thinned the harvest',
    words: /\bdrought\b|\bparched\b|\bdry spell\b/,
    town: 'patchbourough',
    kind: 'farming',
    text: 'drought',
  },
  {
    name: 'idle mill',
    phrase: 'the mill stood idle',
    words: /\bidle\b/,
    town: 'patchbourough',
    kind: 'mill',
    text: 'stood idle',
  },
  {
    name: 'cold forge',
    phrase: 'the forge was cold',
    words: /\bforge\b.*\bcold\b|\bcold forge\b/,
    town: 'patchbourough',
    kind: 'forge',
    text: 'forge was cold',
  },
  {
    name: 'hunger',
    phrase: 'the miners went hungry',
    words: /\bhungry\b|\bhunger\b|\bstarv/,
    town: 'circuiton',
    kind: 'mining',
    text: 'hungry',
  },
  {
    name: 'empty nets',
    phrase: 'a fisher came back with empty nets',
    words: /\bempty nets\b/,
    town: 'port-logic',
    kind: 'fishing',
    text: 'empty nets',
  },
  {
    name: 'fine haul',
    phrase: 'a fisher landed a fine haul',
    words: /\bfine haul\b|\bbig catch\b/,
    town: 'port-logic',
    kind: 'fishing',
    text: 'fine haul',
  },
  {
    name: 'arrival',
    phrase: 'a shipment arrived',
    words: /\barriv(e|ed|al|als)\b|\bdeliver(y|ies|ed)\b/,
    kind: 'arrival',
  },
  {
    name: 'trade',
    phrase: 'goods were traded',
    words: /\btrade[ds]?\b|\btrading\b|\bsold\b|\bsell\b|\bship(ped|ment|ments)\b/,
    kind: 'trade',
    metric: 'value_gold',
    min: 1,
  },
  {
    name: 'rain',
    phrase: 'it rained',
    words: /\brain(s|ed|ing|y|fall)?\b/,
    kind: 'sensor',
    metric: 'rain_mm',
    min: 0.1,
  },
];

export function happeningIn(text: string): Happening | undefined {
  return HAPPENINGS.find((h) => h.words.test(text));
}

/** A happening made of a metric: "Did John make trinkets?" means a trinkets event above zero. */
export function happeningOfMetric(m: Metric): Happening {
  return {
    name: m.key,
    phrase: `${m.label} were recorded`,
    words: m.words,
    kind: m.kind,
    metric: m.key,
    min: m.sensor ? Number.NEGATIVE_INFINITY : 10 ** -Math.max(m.decimals, 0),
    ...(m.towns.length === 1 ? { town: m.towns[0] } : {}),
  };
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  twenty: 20,
  thirty: 30,
};

/** "3" or "three" as a number; undefined for anything else. */
export function numberWord(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

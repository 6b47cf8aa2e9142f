/**
 * A development set written from the world definition (src/world), eval/CONVENTIONS.md and
 * eval/checks.ts, without reading the planner or the other sets' questions, in three voices: a
 * quest-log writer keeping a game journal, who asks in log entries and objectives ("Log check: total
 * ore hauled up at the mines in week 3?", "Objective: find the day the port landed its smallest catch
 * last week."); a shipping clerk keeping the ledger, with accounting words (tally, entries, on the
 * books, credited, debited, per-diem), who asks most about goods, shipments, raids and losses; and a
 * hurried phone-typist (lowercase, dropped words and punctuation, "wk", "yday", "avg", "tmrw").
 * Every truth is computed here from the raw events; the people and roles come from people.ts.
 */
import { PEOPLE as CIRC_PEOPLE } from '../src/world/towns/circuiton/people.ts';
import { PEOPLE as DEN_PEOPLE } from '../src/world/towns/den-of-thieves/people.ts';
import { PEOPLE as PATCH_PEOPLE } from '../src/world/towns/patchbourough/people.ts';
import { PEOPLE as PORT_PEOPLE } from '../src/world/towns/port-logic/people.ts';
import {
  all,
  type Case,
  names,
  namesDay,
  namesTown,
  numbersOf,
  type RawEvent,
  type Reply,
  round,
  saysNotYet,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Voice = 'quest' | 'clerk' | 'phone';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
/** The towns that send goods down the routes, and so can be robbed. */
const SENDERS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton'];
const VOICES: readonly Voice[] = ['quest', 'clerk', 'phone'];

interface NCase extends Case {
  typo?: string;
}

// ---------------------------------------------------------------- a seeded generator

/** mulberry32, seeded per history. */
function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the history's length and every 97th event. */
function hashHistory(events: readonly RawEvent[]): number {
  let h = 0x811c9dc5 ^ events.length;
  for (let i = 0; i < events.length; i += 97) {
    const e = events[i] as RawEvent;
    const s = `${e.town}|${e.kind}|${e.day}|${e.hour}|${e.text.length}`;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- words

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const poss = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);
const fmt = (v: number, d: number) => round(v, d).toFixed(d);
const num = (e: RawEvent, key: string) => {
  const v = e.data[key];
  return typeof v === 'number' ? v : Number.NaN;
};
const flag = (key: string) => (e: RawEvent) => e.data[key] === 1;

/** How a voice names a town: alone, with its preposition, and its possessive. */
interface Label {
  name: string;
  at: string;
  pos: string;
}
const L = (name: string, at: string): Label => ({ name, at, pos: poss(name) });

const LABELS: Record<Voice, Record<Town, readonly Label[]>> = {
  quest: {
    'port-logic': [
      L('Port Logic', 'at Port Logic'),
      L('the port', 'at the port'),
      L('the harbour', 'at the harbour'),
      L('the fishing town', 'in the fishing town'),
    ],
    patchbourough: [
      L('PatchBourough', 'in PatchBourough'),
      L('the farms', 'at the farms'),
      L('the river farms', 'at the river farms'),
    ],
    circuiton: [
      L('Circuiton', 'in Circuiton'),
      L('the mines', 'at the mines'),
      L('the mining town', 'in the mining town'),
      L('the mountain town', 'in the mountain town'),
    ],
    'den-of-thieves': [
      L('the Den of Thieves', 'at the Den of Thieves'),
      L('the Den', 'at the Den'),
      L('the island', 'on the island'),
    ],
  },
  clerk: {
    'port-logic': [
      L('Port Logic', 'at Port Logic'),
      L('the harbour', 'at the harbour'),
      L('the port', 'at the port'),
    ],
    patchbourough: [L('PatchBourough', 'in PatchBourough'), L('the farms', 'at the farms')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mines', 'at the mines')],
    'den-of-thieves': [L('the Den of Thieves', 'at the Den of Thieves'), L('the Den', 'at the Den')],
  },
  phone: {
    'port-logic': [
      L('port logic', 'at port logic'),
      L('the port', 'at the port'),
      L('the harbour', 'at the harbour'),
    ],
    patchbourough: [
      L('patchbourough', 'at patchbourough'),
      L('the farms', 'at the farms'),
      L('the river farms', 'at the river farms'),
    ],
    circuiton: [
      L('circuiton', 'at circuiton'),
      L('the mines', 'at the mines'),
      L('the mining town', 'in the mining town'),
    ],
    'den-of-thieves': [
      L('the den', 'at the den'),
      L('den of thieves', 'at den of thieves'),
      L('the island', 'on the island'),
    ],
  },
};

type Say = Record<Voice, readonly string[]>;
const same = (...s: string[]): Say => ({ quest: s, clerk: s, phone: s });

// ---------------------------------------------------------------- what is counted

/** An output: a number summed over events. Phrases hold {at}, {name} and {pos} for the town. */
interface Out {
  id: string;
  town: Town;
  kind: string;
  key: string;
  dec: number;
  unit: string;
  /** A noun counted in ones ("how many fish") rather than measured ("how much ore"). */
  count: boolean;
  /** A round step for thresholds of a daily total. */
  step: number;
  np: Say;
  /** The largest single event ("largest single haul of fish {at}"). */
  most?: Say;
  /** The smallest single event, asked only where no event of the range is zero. */
  least?: Say;
  /** The mean per event ("average catch per trip {at}"), asked only where no event is zero. */
  per?: Say;
  /** Who did it: the role, and "landed the most fish". */
  who?: { role: string; verb: Say; cmp: Say };
  pred?: (e: RawEvent) => boolean;
  /** Losses of a robbed town: asked only where its losses and the pirates' raids agree. */
  robbed?: Town;
  /** Left out of the daily forms (best day, daily counts, trends). */
  notDaily?: boolean;
}

const OUTS: readonly Out[] = [
  {
    id: 'fish',
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    unit: 'fish',
    count: true,
    step: 50,
    np: {
      quest: ['fish landed {at}', 'fish hauled in {at}', 'fish caught {at}'],
      clerk: ['fish landed {at}', 'fish brought in {at}'],
      phone: ['fish {at}', 'fish caught {at}'],
    },
    most: {
      quest: ['largest single haul of fish {at}', 'biggest catch landed in one trip {at}'],
      clerk: ['largest single catch entered {at}', 'biggest one-trip landing of fish {at}'],
      phone: ['biggest haul {at}', 'most fish in one haul {at}'],
    },
    least: {
      quest: ['smallest catch landed {at}', 'poorest single haul {at}'],
      clerk: ['smallest single catch entered {at}'],
      phone: ['smallest haul {at}'],
    },
    per: {
      quest: ['average catch per fishing trip {at}'],
      clerk: ['average number of fish per trip entered {at}'],
      phone: ['avg fish per trip {at}'],
    },
    who: {
      role: 'fisher',
      verb: {
        quest: ['landed the most fish'],
        clerk: ['is credited with the most fish'],
        phone: ['caught the most fish'],
      },
      cmp: {
        quest: ['landed more fish'],
        clerk: ['is credited with more fish'],
        phone: ['caught more fish'],
      },
    },
  },
  {
    id: 'ore',
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    unit: 'tons',
    count: false,
    step: 0.5,
    np: {
      quest: ['ore hauled up {at}', 'ore mined {at}', 'ore dug {at}'],
      clerk: ['ore mined {at}', 'ore entered as mined {at}'],
      phone: ['ore {at}', 'ore mined {at}'],
    },
    most: {
      quest: ['most ore brought up in a single shift {at}'],
      clerk: ['largest single-shift ore entry {at}'],
      phone: ['most ore in one shift {at}'],
    },
    least: {
      quest: ['least ore brought up in a single shift {at}'],
      clerk: ['smallest single-shift ore entry {at}'],
      phone: ['least ore in one shift {at}'],
    },
    per: {
      quest: ['average ore per shift {at}'],
      clerk: ['average ore entered per shift {at}'],
      phone: ['avg ore per shift {at}'],
    },
    who: {
      role: 'miner',
      verb: {
        quest: ['brought up the most ore'],
        clerk: ['is credited with the most ore'],
        phone: ['mined the most ore'],
      },
      cmp: {
        quest: ['brought up more ore'],
        clerk: ['is credited with more ore'],
        phone: ['mined more ore'],
      },
    },
  },
  {
    id: 'flour',
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    unit: 'lbs',
    count: false,
    step: 50,
    np: {
      quest: ['flour milled {at}', 'flour ground {at}'],
      clerk: ['flour milled {at}'],
      phone: ['flour {at}', 'flour milled {at}'],
    },
    most: {
      quest: ['most flour from a single grinding {at}'],
      clerk: ['largest single grinding of flour {at}'],
      phone: ['most flour in one grinding {at}'],
    },
    per: {
      quest: ['average flour per grinding {at}'],
      clerk: ['average flour entered per grinding {at}'],
      phone: ['avg flour per grinding {at}'],
    },
  },
  {
    id: 'harvest',
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    unit: 'lbs',
    count: false,
    step: 50,
    np: {
      quest: ['grain harvested {at}', 'grain reaped {at}'],
      clerk: ['grain harvested {at}'],
      phone: ['harvest {at}', 'grain harvested {at}'],
    },
    most: {
      quest: ['largest single reaping {at}'],
      clerk: ['largest single harvest entry {at}'],
      phone: ['biggest single reaping {at}'],
    },
    who: {
      role: 'farmer',
      verb: {
        quest: ['reaped the most grain'],
        clerk: ['is credited with the most grain harvested'],
        phone: ['harvested the most'],
      },
      cmp: {
        quest: ['reaped more grain'],
        clerk: ['is credited with more grain harvested'],
        phone: ['harvested more'],
      },
    },
  },
  {
    id: 'tools',
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    unit: 'tools',
    count: true,
    step: 1,
    np: { quest: ['tools forged {at}'], clerk: ['tools forged {at}'], phone: ['tools forged {at}'] },
    most: {
      quest: ['most tools forged in a single firing {at}'],
      clerk: ['largest single forge batch {at}'],
      phone: ['most tools in one firing {at}'],
    },
  },
  {
    id: 'nets',
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    unit: 'nets',
    count: true,
    step: 1,
    np: {
      quest: ['nets made {at}', 'nets knotted {at}'],
      clerk: ['nets made {at}'],
      phone: ['nets made {at}'],
    },
    who: {
      role: 'netmaker',
      verb: {
        quest: ['knotted the most nets'],
        clerk: ['is credited with the most nets'],
        phone: ['made the most nets'],
      },
      cmp: { quest: ['knotted more nets'], clerk: ['is credited with more nets'], phone: ['made more nets'] },
    },
  },
  {
    id: 'ropes',
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    unit: 'ropes',
    count: true,
    step: 1,
    np: {
      quest: ['ropes twisted {at}', 'ropes made {at}'],
      clerk: ['ropes made {at}'],
      phone: ['ropes made {at}'],
    },
  },
  {
    id: 'trinkets',
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    unit: 'trinkets',
    count: true,
    step: 1,
    np: {
      quest: ['trinkets made {at}', 'trinkets John made {at}'],
      clerk: ['trinkets made {at}'],
      phone: ['trinkets {at}', 'trinkets made {at}'],
    },
    most: {
      quest: ['most trinkets made in one batch {at}'],
      clerk: ['largest single batch of trinkets {at}'],
      phone: ['most trinkets in 1 batch {at}'],
    },
  },
  {
    id: 'drinks',
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    unit: 'drinks',
    count: true,
    step: 5,
    np: {
      quest: ['drinks poured {at}', 'drinks served {at}'],
      clerk: ['drinks poured {at}'],
      phone: ['drinks {at}', 'drinks poured {at}'],
    },
    most: {
      quest: ['most drinks poured in one sitting {at}'],
      clerk: ['largest single sitting of drinks entered {at}'],
      phone: ['most drinks in one sitting {at}'],
    },
    per: {
      quest: ['average number of drinks per sitting {at}'],
      clerk: ['average drinks entered per sitting {at}'],
      phone: ['avg drinks per sitting {at}'],
    },
  },
  {
    id: 'arrows',
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    unit: 'arrows',
    count: true,
    step: 1,
    np: {
      quest: ['arrows fletched {at}', 'arrows made {at}'],
      clerk: ['arrows made {at}'],
      phone: ['arrows made {at}'],
    },
    most: {
      quest: ['biggest single batch of arrows fletched {at}'],
      clerk: ['largest single batch of arrows entered {at}'],
      phone: ['biggest arrow batch {at}'],
    },
  },
  {
    id: 'raid',
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    unit: 'gold',
    count: false,
    step: 50,
    np: {
      quest: ['gold plundered by the pirates', 'raid gold taken by the Den'],
      clerk: ['raid gold credited to the Den', 'gold the pirates took in raids'],
      phone: ['raid gold', 'gold the pirates took'],
    },
    most: {
      quest: ['richest single raid by the pirates', 'biggest raid the pirates pulled off'],
      clerk: ["largest single raid entered on the Den's books", 'richest raid credited to the Den'],
      phone: ['biggest raid', 'richest pirate raid'],
    },
    per: {
      quest: ['average gold per raid by the pirates'],
      clerk: ['average gold credited to the Den per raid'],
      phone: ['avg gold per raid'],
    },
  },
  {
    id: 'sales-patch',
    town: 'patchbourough',
    kind: 'trade',
    key: 'value_gold',
    dec: 0,
    unit: 'gold',
    count: false,
    step: 50,
    np: {
      quest: ['gold {name} earned from sales'],
      clerk: ['sales gold credited to {name}', 'gold {name} booked from sales'],
      phone: ['gold from sales {at}'],
    },
    most: {
      quest: ['richest single sale by {name}'],
      clerk: ['largest single sale booked by {name}'],
      phone: ['biggest sale {at}'],
    },
    per: {
      quest: ['average value of a single sale by {name}'],
      clerk: ['average gold per sale credited to {name}'],
      phone: ['avg gold per sale {at}'],
    },
    who: {
      role: 'trader',
      verb: {
        quest: ['brought in the most gold from sales'],
        clerk: ['is credited with the most sales gold'],
        phone: ['made the most gold selling'],
      },
      cmp: {
        quest: ['brought in more gold from sales'],
        clerk: ['is credited with more sales gold'],
        phone: ['made more gold selling'],
      },
    },
    pred: (e) => typeof e.data.value_gold === 'number',
  },
  {
    id: 'sales-circ',
    town: 'circuiton',
    kind: 'trade',
    key: 'value_gold',
    dec: 0,
    unit: 'gold',
    count: false,
    step: 50,
    np: {
      quest: ['gold {name} earned from sales'],
      clerk: ['sales gold credited to {name}', 'gold {name} booked from sales'],
      phone: ['gold from sales {at}'],
    },
    most: {
      quest: ['richest single sale by {name}'],
      clerk: ['largest single sale booked by {name}'],
      phone: ['biggest sale {at}'],
    },
    pred: (e) => typeof e.data.value_gold === 'number',
  },
];

/** Port Logic's sales overseas: its trade mixes sales and purchases, so they are asked apart. */
const OVERSEAS_SALES: Out = {
  id: 'overseas-sales',
  town: 'port-logic',
  kind: 'trade',
  key: 'value_gold',
  dec: 0,
  unit: 'gold',
  count: false,
  step: 50,
  notDaily: true,
  np: {
    quest: ['gold {name} made selling goods overseas'],
    clerk: ['overseas sales credited to {name}'],
    phone: ['gold from overseas sales {at}'],
  },
  most: {
    quest: ['richest single sale overseas by {name}'],
    clerk: ['largest overseas sale credited to {name}'],
    phone: ['biggest overseas sale {at}'],
  },
  pred: (e) => e.data.to === 'overseas' && typeof e.data.value_gold === 'number',
};

/** A town's losses to the pirates. */
function lossOut(town: Town): Out {
  return {
    id: `loss-${town}`,
    town,
    kind: 'loss',
    key: 'loot_gold',
    dec: 0,
    unit: 'gold',
    count: false,
    step: 50,
    robbed: town,
    notDaily: true,
    np: {
      quest: ['gold {name} lost to the pirates'],
      clerk: ['gold debited to {name} for piracy losses', 'gold debited to {name} for robberies'],
      phone: ['gold {name} lost to pirates'],
    },
    most: {
      quest: ['costliest single robbery of {pos} shipments'],
      clerk: ['largest single piracy loss debited to {name}'],
      phone: ['biggest robbery of {pos} goods'],
    },
  };
}
const LOSSES = SENDERS.map(lossOut);

/** A reading of the sensors. */
interface Rd {
  key: string;
  dec: number;
  unit: string;
  towns: readonly Town[];
  noun: Say;
  step: number;
  hiDay?: Say;
  loDay?: Say;
  hiOne: Say;
  loOne?: Say;
  /** "warmer" / "colder", for the A-or-B of two towns or weeks. */
  hiCmp?: string;
  loCmp?: string;
  /** "warmest" / "coldest", for which town. */
  hiSup?: string;
  loSup?: string;
}

const READS: readonly Rd[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    towns: TOWNS,
    noun: { quest: ['temperature'], clerk: ['temperature'], phone: ['temp', 'temperature'] },
    step: 1,
    hiDay: { quest: ['hottest day', 'warmest day'], clerk: ['warmest day'], phone: ['hottest day'] },
    loDay: { quest: ['coldest day'], clerk: ['coldest day'], phone: ['coldest day'] },
    hiOne: {
      quest: ['hottest reading', 'highest temperature reading'],
      clerk: ['highest temperature reading on the books'],
      phone: ['highest temp reading', 'hottest reading'],
    },
    loOne: {
      quest: ['coldest reading', 'lowest temperature reading'],
      clerk: ['lowest temperature reading on the books'],
      phone: ['lowest temp reading', 'coldest reading'],
    },
    hiCmp: 'warmer',
    loCmp: 'colder',
    hiSup: 'warmest',
    loSup: 'coldest',
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    towns: TOWNS,
    noun: { quest: ['wind speed'], clerk: ['wind speed'], phone: ['wind'] },
    step: 5,
    hiDay: same('windiest day'),
    loDay: same('calmest day'),
    hiOne: {
      quest: ['strongest wind reading', 'highest wind speed reading'],
      clerk: ['highest wind speed reading on the books'],
      phone: ['strongest wind reading', 'top wind reading'],
    },
    hiCmp: 'windier',
    loCmp: 'calmer',
    hiSup: 'windiest',
    loSup: 'calmest',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    towns: TOWNS,
    noun: { quest: ['air pressure'], clerk: ['air pressure'], phone: ['pressure'] },
    step: 1,
    hiDay: same('day with the highest average air pressure'),
    loDay: same('day with the lowest average air pressure'),
    hiOne: same('highest air pressure reading'),
    loOne: {
      quest: ['lowest air pressure reading'],
      clerk: ['lowest air pressure reading'],
      phone: ['lowest pressure reading'],
    },
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    towns: TOWNS,
    noun: same('humidity'),
    step: 5,
    hiDay: same('most humid day'),
    loDay: same('least humid day'),
    hiOne: same('highest humidity reading'),
    loOne: same('lowest humidity reading'),
    hiSup: 'most humid',
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    towns: ['port-logic'],
    noun: same('tide level'),
    step: 0.5,
    hiOne: same('highest tide'),
    loOne: same('lowest tide'),
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    towns: ['patchbourough'],
    noun: same('river level'),
    step: 0.1,
    hiDay: same('day with the highest average river level'),
    loDay: same('day with the lowest average river level'),
    hiOne: same('highest river level reading'),
    loOne: same('lowest river level reading'),
  },
];

/** Something that happens (or not) in a town: a day has it when one of its events passes. */
interface Hap {
  id: string;
  town: Town;
  kind: string;
  pred: (e: RawEvent) => boolean;
  /** "a storm {at}", for "days with …". */
  np: Say;
  /** "storm readings {at}", for "how many …". */
  ev: Say;
  /** "a storm blew {at}", for two things on one day. */
  clause: Say;
  robbed?: Town;
}

const rainHap = (town: Town): Hap => ({
  id: `rain-${town}`,
  town,
  kind: 'sensor',
  pred: (e) => num(e, 'rain_mm') > 0,
  np: { quest: ['rain {at}'], clerk: ['rain entered {at}'], phone: ['rain {at}'] },
  ev: {
    quest: ['readings that recorded rain {at}'],
    clerk: ['rain readings entered {at}'],
    phone: ['rainy readings {at}'],
  },
  clause: { quest: ['it rained {at}'], clerk: ['rain was entered {at}'], phone: ['it rained {at}'] },
});
const stormHap = (town: Town): Hap => ({
  id: `storm-${town}`,
  town,
  kind: 'sensor',
  pred: flag('storm'),
  np: same('a storm {at}'),
  ev: {
    quest: ['storm readings {at}'],
    clerk: ['storm readings entered {at}'],
    phone: ['storm readings {at}'],
  },
  clause: { quest: ['a storm blew {at}'], clerk: ['a storm was logged {at}'], phone: ['storm {at}'] },
});
const robbedHap = (town: Town): Hap => ({
  id: `robbed-${town}`,
  town,
  kind: 'loss',
  pred: () => true,
  robbed: town,
  np: {
    quest: ['a robbery of {pos} shipments'],
    clerk: ['a piracy loss debited to {name}'],
    phone: ['{name} getting robbed'],
  },
  ev: {
    quest: ['robberies of {pos} shipments'],
    clerk: ['piracy losses debited to {name}'],
    phone: ['robberies of {pos} shipments'],
  },
  clause: {
    quest: ['pirates robbed a shipment from {name}'],
    clerk: ['a piracy loss was debited to {name}'],
    phone: ['{name} got robbed'],
  },
});
const arrivalHap = (town: Town): Hap => ({
  id: `arrival-${town}`,
  town,
  kind: 'arrival',
  pred: () => true,
  np: {
    quest: ['a shipment arriving {at}'],
    clerk: ['a delivery entered {at}'],
    phone: ['a shipment arriving {at}'],
  },
  ev: {
    quest: ['shipments that arrived {at}'],
    clerk: ['deliveries entered {at}'],
    phone: ['shipments that arrived {at}'],
  },
  clause: {
    quest: ['a shipment arrived {at}'],
    clerk: ['a delivery was entered {at}'],
    phone: ['a shipment came in {at}'],
  },
});
const orderHap = (town: Town): Hap => ({
  id: `order-${town}`,
  town,
  kind: 'order',
  pred: () => true,
  np: {
    quest: ['{name} sending out an order for goods it was short of'],
    clerk: ['an order from {name} for goods it was short of'],
    phone: ['{name} ordering stuff it was short of'],
  },
  ev: {
    quest: ['orders {name} sent out for goods it was short of'],
    clerk: ['orders entered by {name} for goods it was short of'],
    phone: ['orders {name} sent for stuff it was short of'],
  },
  clause: {
    quest: ['{name} ordered goods it was short of'],
    clerk: ['{name} entered an order for goods it was short of'],
    phone: ['{name} ordered stuff it was short of'],
  },
});

const HAPS: readonly Hap[] = [
  ...TOWNS.map(rainHap),
  stormHap('port-logic'),
  stormHap('den-of-thieves'),
  {
    id: 'raid',
    town: 'den-of-thieves',
    kind: 'raid',
    pred: (e) => num(e, 'raid_gold') > 0,
    np: {
      quest: ['a successful raid by the pirates'],
      clerk: ['a raid credited to the Den'],
      phone: ['a pirate raid'],
    },
    ev: { quest: ['raids the pirates pulled off'], clerk: ['raids that took gold'], phone: ['pirate raids'] },
    clause: {
      quest: ['the pirates pulled off a raid'],
      clerk: ['a raid was credited to the Den'],
      phone: ['the pirates raided'],
    },
  },
  {
    id: 'empty-raid',
    town: 'den-of-thieves',
    kind: 'raid',
    pred: (e) => num(e, 'raid_gold') === 0,
    np: same('a raid that came back empty-handed'),
    ev: same('raids that came back empty-handed'),
    clause: same('a raid came back empty-handed'),
  },
  {
    id: 'idle',
    town: 'patchbourough',
    kind: 'mill',
    pred: flag('idle'),
    np: {
      quest: ['the mill {at} standing idle'],
      clerk: ['an idle mill entered {at}'],
      phone: ['the mill idle {at}'],
    },
    ev: {
      quest: ['entries of the mill {at} standing idle'],
      clerk: ['idle-mill entries {at}'],
      phone: ['idle mill entries {at}'],
    },
    clause: {
      quest: ['the mill {at} stood idle'],
      clerk: ['the mill {at} was entered as idle'],
      phone: ['the mill {at} was idle'],
    },
  },
  {
    id: 'bins',
    town: 'patchbourough',
    kind: 'mill',
    pred: flag('bins_full'),
    np: same('the flour bins full {at}'),
    ev: same('entries of the miller resting because the flour bins {at} were full'),
    clause: same('the flour bins {at} were full'),
  },
  {
    id: 'cold',
    town: 'patchbourough',
    kind: 'forge',
    pred: flag('cold_forge'),
    np: {
      quest: ['a cold forge {at}'],
      clerk: ['a cold forge entered {at}'],
      phone: ['the forge cold {at}'],
    },
    ev: {
      quest: ['entries of a cold forge {at}'],
      clerk: ['cold-forge entries {at}'],
      phone: ['cold forge entries {at}'],
    },
    clause: {
      quest: ['the forge {at} went cold'],
      clerk: ['the forge {at} was entered as cold'],
      phone: ['the forge {at} was cold'],
    },
  },
  {
    id: 'flood',
    town: 'circuiton',
    kind: 'mining',
    pred: flag('flood'),
    np: same('a flooded mine {at}'),
    ev: {
      quest: ['shifts lost to flooding {at}'],
      clerk: ['flooded shifts entered {at}'],
      phone: ['flooded shifts {at}'],
    },
    clause: same('the mine {at} flooded'),
  },
  {
    id: 'hunger',
    town: 'circuiton',
    kind: 'mining',
    pred: flag('hunger'),
    np: same('hungry miners {at}'),
    ev: same('shifts worked hungry by the miners {at}'),
    clause: same('the miners {at} went hungry'),
  },
  {
    id: 'fine',
    town: 'port-logic',
    kind: 'fishing',
    pred: flag('fine_haul'),
    np: same('a fine haul {at}'),
    ev: { quest: ['fine hauls landed {at}'], clerk: ['fine hauls entered {at}'], phone: ['fine hauls {at}'] },
    clause: same('a fine haul came in {at}'),
  },
  {
    id: 'surplus',
    town: 'patchbourough',
    kind: 'farming',
    pred: flag('surplus'),
    np: same('a surplus harvest {at}'),
    ev: same('surplus harvests {at}'),
    clause: same('the farmers {at} brought in a surplus'),
  },
  {
    id: 'repair',
    town: 'den-of-thieves',
    kind: 'repair',
    pred: (e) => num(e, 'boat_repaired') === 1,
    np: {
      quest: ['the pirates repairing their ship'],
      clerk: ['a ship repair entered {at}'],
      phone: ['the pirates fixing their ship'],
    },
    ev: {
      quest: ['repairs the pirates made to their ship'],
      clerk: ['ship repairs entered {at}'],
      phone: ['ship repairs {at}'],
    },
    clause: same('the pirates repaired their ship'),
  },
  ...SENDERS.map(robbedHap),
  ...SENDERS.map(arrivalHap),
  ...SENDERS.map(orderHap),
];

// ---------------------------------------------------------------- people

const PEOPLE_OF: Record<Town, readonly { name: string; roles: readonly string[] }[]> = {
  'port-logic': PORT_PEOPLE,
  patchbourough: PATCH_PEOPLE,
  circuiton: CIRC_PEOPLE,
  'den-of-thieves': DEN_PEOPLE,
};

/** The part of a name an answer must hold: "Mara Blackwater" for Captain Mara Blackwater. */
function nameKey(name: string): string {
  return name
    .replace(/^(Captain|Master|Professor|Bosun) /, '')
    .replace(/ the \w+$/, '')
    .trim();
}

interface RoleQ {
  town: Town;
  role: string;
  q: Say;
}
const ROLE_QS: readonly RoleQ[] = [
  {
    town: 'patchbourough',
    role: 'blacksmith',
    q: same('who keeps the forge {at}', 'who works the forge {at}'),
  },
  {
    town: 'patchbourough',
    role: 'miller',
    q: same('who runs the water mill {at}', 'who grinds the flour {at}'),
  },
  { town: 'patchbourough', role: 'farmer', q: same('who works the fields {at}') },
  { town: 'patchbourough', role: 'trader', q: same('who does the trading {at}') },
  { town: 'port-logic', role: 'fisher', q: same('who goes out fishing {at}', 'who fishes the boats {at}') },
  { town: 'port-logic', role: 'netmaker', q: same('who makes the nets and ropes {at}') },
  { town: 'circuiton', role: 'miner', q: same('who works the mine {at}', 'who digs the ore {at}') },
  { town: 'circuiton', role: 'teacher', q: same('who teaches at the Academy {at}') },
  { town: 'circuiton', role: 'apprentice', q: same('who is the apprentice tinkerer {at}') },
  {
    town: 'den-of-thieves',
    role: 'captain',
    q: same("who captains the pirates' ship", 'who leads the raids {at}'),
  },
  {
    town: 'den-of-thieves',
    role: 'keeper',
    q: same('who pours the drinks {at}', 'who keeps the tavern {at}'),
  },
  { town: 'den-of-thieves', role: 'bosun', q: same("who keeps the pirates' ship afloat") },
  { town: 'den-of-thieves', role: 'fletcher', q: same('who makes the arrows {at}') },
  { town: 'den-of-thieves', role: 'quartermaster', q: same('who is the quartermaster {at}') },
];

// ---------------------------------------------------------------- typos

/** Nouns, verbs and town names a typo may fall on. */
const TYPO_WORDS = new Set([
  'harbour',
  'caught',
  'landed',
  'hauled',
  'harvest',
  'harvested',
  'reaped',
  'milled',
  'ground',
  'forged',
  'trinkets',
  'drinks',
  'poured',
  'arrows',
  'fletched',
  'pirates',
  'plundered',
  'raids',
  'robbed',
  'robbery',
  'robberies',
  'shipment',
  'shipments',
  'rained',
  'storm',
  'temperature',
  'humidity',
  'pressure',
  'reading',
  'readings',
  'miners',
  'farms',
  'mines',
  'island',
  'circuiton',
  'patchbourough',
  'thieves',
  'logic',
  'crates',
  'sales',
  'overseas',
  'flooded',
  'forge',
  'grinding',
  'sitting',
  'catch',
  'haul',
  'fishing',
  'river',
  'windiest',
  'hottest',
  'coldest',
  'wettest',
  'arrived',
  'trades',
  'traders',
  'mined',
  'tools',
  'fish',
  'flour',
  'rain',
]);
/** Words a typo could land on that are real words: never used. */
const REAL = new Set([
  'harbor',
  'robed',
  'rober',
  'dinks',
  'rani',
  'laded',
  'prates',
  'sals',
  'fams',
  'fist',
  'tiles',
  'four',
  'flor',
  'fist',
  'mind',
  'mine',
  'minds',
  'tool',
  'tolls',
  'toos',
  'rian',
  'ran',
  'rai',
  'rin',
  'ain',
  'raain',
  'frams',
  'fars',
  'farm',
  'forg',
  'froge',
  'gorund',
  'groud',
  'round',
  'sales',
  'seals',
  'sale',
  'slaes',
  'cath',
  'hual',
  'hal',
  'hall',
  'hail',
  'storm',
  'sotrm',
  'stom',
  'form',
  'pirate',
  'praises',
  'rides',
  'rids',
  'arrow',
  'arrowss',
  'logci',
  'login',
  'lgoic',
  'loic',
  'miners',
  'mienrs',
  'minrs',
  'mnies',
  'mies',
  'mins',
  'fihs',
  'fis',
  'fsh',
  'fiish',
  'fissh',
  'fishh',
  'crate',
  'cates',
  'rates',
  'reaped',
  'reped',
  'river',
  'rver',
  'rivr',
  'rier',
  'riveer',
  'rivver',
]);

// ---------------------------------------------------------------- the set

export function buildNaturalN(events: RawEvent[], today: number): Case[] {
  const N = today;
  const rnd = mulberry(hashHistory(events) ^ 0x2e4e6e1d);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;

  // ---- the events, by town and kind and day
  const idx = new Map<string, Map<number, RawEvent[]>>();
  const townDay = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    const byDay = idx.get(k) ?? new Map<number, RawEvent[]>();
    idx.set(k, byDay);
    const list = byDay.get(e.day) ?? [];
    byDay.set(e.day, list);
    list.push(e);
    const days = townDay.get(e.town) ?? new Set<number>();
    townDay.set(e.town, days);
    days.add(e.day);
  }

  interface Span {
    a: number;
    b: number;
    tag: string;
    say: Say;
    week?: number;
    whole?: boolean;
  }
  const len = (s: Span) => s.b - s.a + 1;

  const week = (w: number): Span => ({
    a: 7 * w - 6,
    b: 7 * w,
    week: w,
    tag: `week ${w} (days ${7 * w - 6}–${7 * w})`,
    say: {
      quest: [`in week ${w}`, `during week ${w}`],
      clerk: [`in week ${w}`, `during week ${w}`],
      phone: [`wk ${w}`, `in wk ${w}`, `week ${w}`],
    },
  });
  const range = (a: number, b: number): Span => ({
    a,
    b,
    tag: `days ${a}–${b}`,
    say: {
      quest: [`from day ${a} to day ${b}`, `between day ${a} and day ${b}`],
      clerk: [`over days ${a} through ${b}`, `from day ${a} to day ${b}`],
      phone: [`days ${a}-${b}`, `day ${a} to day ${b}`],
    },
  });
  const oneDay = (d: number): Span => ({
    a: d,
    b: d,
    tag: `day ${d}`,
    say: { quest: [`on day ${d}`], clerk: [`on day ${d}`], phone: [`day ${d}`, `on day ${d}`] },
  });
  const rel = (a: number, b: number, tag: string, say: Say): Span => ({
    a,
    b,
    tag: `${tag} (days ${a}–${b})`,
    say,
  });
  const yesterday = () =>
    rel(N - 1, N - 1, 'yesterday', { quest: ['yesterday'], clerk: ['yesterday'], phone: ['yday'] });
  const todaySpan = () => rel(N, N, 'today', same('today'));
  const lastWeek = () =>
    rel(N - 7, N - 1, 'last week', {
      quest: ['last week'],
      clerk: ['last week'],
      phone: ['last wk', 'last week'],
    });
  const thisWeek = () =>
    rel(N - 6, N, 'this week', {
      quest: ['this week', 'over the past week'],
      clerk: ['this week', 'over the past week'],
      phone: ['this wk', 'past wk'],
    });
  const lastMonth = () =>
    rel(N - 30, N - 1, 'last month', { quest: ['last month'], clerk: ['last month'], phone: ['last month'] });
  const thisMonth = () =>
    rel(N - 29, N, 'this month', {
      quest: ['this month', 'over the past 30 days'],
      clerk: ['this month', 'over the past 30 days'],
      phone: ['this month', 'past 30 days'],
    });
  const lastK = (k: number) =>
    rel(N - k + 1, N, `the last ${k} days`, {
      quest: [`over the last ${k} days`, `in the past ${k} days`],
      clerk: [`over the last ${k} days`, `in the past ${k} days`],
      phone: [`last ${k} days`, `past ${k} days`],
    });
  const whole = (): Span => ({
    a: 1,
    b: N,
    whole: true,
    tag: `the whole history (days 1–${N})`,
    say: {
      quest: ['so far', 'since the log began', 'over the whole log'],
      clerk: ['to date', 'on the books to date', 'over the whole ledger'],
      phone: ['ever', 'all time', 'so far'],
    },
  });

  /** A span of several days, between min and max days long. */
  function multi(min = 3, max = 400, wholeOk = true): Span {
    for (;;) {
      const r = rnd();
      let s: Span;
      if (r < 0.26) s = week(int(1, 7));
      else if (r < 0.46) {
        const a = int(1, 46);
        s = range(a, Math.min(55, a + int(Math.max(2, min - 1), Math.min(12, max - 1))));
      } else if (r < 0.58) s = lastWeek();
      else if (r < 0.68) s = thisWeek();
      else if (r < 0.76) s = lastMonth();
      else if (r < 0.84) s = thisMonth();
      else if (r < 0.95) s = lastK(pick([5, 10, 14, 20]));
      else s = wholeOk ? whole() : lastWeek();
      if (len(s) >= min && len(s) <= max && s.a >= 1 && s.b <= N) return s;
    }
  }
  function single(): Span {
    const r = rnd();
    return r < 0.55 ? oneDay(int(1, 55)) : r < 0.8 ? yesterday() : todaySpan();
  }
  const anySpan = (pSingle = 0.25) => (chance(pSingle) ? single() : multi());
  const short = () => multi(3, 14, false);

  // ---- reading the events
  function evs(town: string, kind: string, s: Span, pred?: (e: RawEvent) => boolean): RawEvent[] {
    const byDay = idx.get(`${town}/${kind}`);
    const out: RawEvent[] = [];
    if (!byDay) return out;
    for (let d = s.a; d <= s.b; d++) {
      for (const e of byDay.get(d) ?? []) if (!pred || pred(e)) out.push(e);
    }
    return out;
  }
  const outEvs = (o: Out, s: Span) =>
    evs(o.town, o.kind, s, o.pred).filter((e) => Number.isFinite(num(e, o.key)));
  /** Daily totals of an output over the days of the span with an event of its kind. */
  function dailyOut(o: Out, s: Span): Map<number, number> {
    const m = new Map<number, number>();
    for (const e of outEvs(o, s)) m.set(e.day, (m.get(e.day) ?? 0) + num(e, o.key));
    for (const [d, v] of m) m.set(d, round(v, o.dec));
    return m;
  }
  const total = (o: Out, s: Span) =>
    round(
      outEvs(o, s).reduce((t, e) => t + num(e, o.key), 0),
      o.dec,
    );
  /** Every day of the span has an event of the output's kind. */
  function everyDay(o: Out, s: Span): boolean {
    const m = dailyOut(o, s);
    for (let d = s.a; d <= s.b; d++) if (!m.has(d)) return false;
    return true;
  }
  /** The days of the span on which the town reported anything. */
  function reportDays(town: Town, s: Span): number {
    const days = townDay.get(town);
    let n = 0;
    for (let d = s.a; d <= s.b; d++) if (days?.has(d)) n++;
    return n;
  }
  const readings = (town: Town, key: string, s: Span) =>
    evs(town, 'sensor', s)
      .map((e) => num(e, key))
      .filter(Number.isFinite);
  function dailyMean(town: Town, key: string, s: Span): Map<number, number> {
    const sum = new Map<number, [number, number]>();
    for (const e of evs(town, 'sensor', s)) {
      const v = num(e, key);
      if (!Number.isFinite(v)) continue;
      const p = sum.get(e.day) ?? [0, 0];
      sum.set(e.day, [p[0] + v, p[1] + 1]);
    }
    return new Map([...sum].map(([d, [t, n]]) => [d, t / n]));
  }
  function dailyRain(town: Town, s: Span): Map<number, number> {
    const m = new Map<number, number>();
    for (const e of evs(town, 'sensor', s)) m.set(e.day, (m.get(e.day) ?? 0) + num(e, 'rain_mm'));
    for (const [d, v] of m) m.set(d, round(v, 1));
    return m;
  }
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const hapDays = (h: Hap, s: Span) =>
    [...new Set(evs(h.town, h.kind, s, h.pred).map((e) => e.day))].sort((x, y) => x - y);
  /** The robbed town's losses and the pirates' raids on its shipments name the same shipments in the span. */
  function agrees(town: Town, s: Span): boolean {
    const key = (e: RawEvent) => `${String(e.data.shipment)}@${e.day}`;
    const lost = new Set(evs(town, 'loss', s).map(key));
    const raided = new Set(
      evs('den-of-thieves', 'raid', s, (e) => e.data.target === town && num(e, 'raid_gold') > 0).map(key),
    );
    if (lost.size !== raided.size) return false;
    for (const x of lost) if (!raided.has(x)) return false;
    return true;
  }
  const okOut = (o: Out, s: Span) => o.robbed === undefined || agrees(o.robbed, s);
  const okHap = (h: Hap, s: Span) => h.robbed === undefined || agrees(h.robbed, s);

  function slope(series: Map<number, number>): number {
    const xs = [...series.keys()];
    const ys = xs.map((x) => series.get(x) as number);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * ((ys[i] as number) - my);
      sxx += (x - mx) ** 2;
    });
    return sxy / sxx;
  }
  function pearson(a: Map<number, number>, b: Map<number, number>): number {
    const days = [...a.keys()].filter((d) => b.has(d));
    const xs = days.map((d) => a.get(d) as number);
    const ys = days.map((d) => b.get(d) as number);
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
    return sxy / Math.sqrt(sxx * syy);
  }
  /** The single key holding the largest (or smallest) value, or undefined on a tie. */
  function argExt<K>(m: Map<K, number>, hi: boolean): [K, number] | undefined {
    let best: [K, number] | undefined;
    let tie = false;
    for (const [k, v] of m) {
      if (!best || (hi ? v > best[1] : v < best[1])) {
        best = [k, v];
        tie = false;
      } else if (Math.abs(v - best[1]) < 1e-9) tie = true;
    }
    return tie ? undefined : best;
  }
  /** A round figure near the middle of the values that none of them equals. */
  function threshold(values: readonly number[], step: number): number | undefined {
    if (values.length < 3) return undefined;
    const sorted = [...values].sort((x, y) => x - y);
    const q = sorted[Math.floor(sorted.length * (0.25 + 0.5 * rnd()))] as number;
    const x = round(Math.round(q / step) * step, 2);
    if (x <= 0 || values.some((v) => Math.abs(v - x) < 1e-6)) return undefined;
    return x;
  }
  /** A figure rounded to two significant digits. */
  const nice = (x: number) => {
    const e = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
    return round(Math.round(x / e) * e, 2);
  };
  const withUnit = (x: string, unit: string) => (unit === '%' ? `${x}%` : `${x} ${unit}`);

  // ---- checks
  const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');
  const weekRe = (w: number) => new RegExp(`\\bweek ${w}\\b`, 'i');
  const textRe = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const townRe = (t: Town) => textRe(TOWN_NAMES[t] ?? t);
  /** The winner is named, and before the other side when both are. */
  function first(answer: string, win: RegExp, lose: readonly RegExp[], what: string): string | null {
    const i = answer.search(win);
    if (i < 0) return `does not name ${what}`;
    for (const r of lose) {
      const j = answer.search(r);
      if (j >= 0 && j < i) return `names another before ${what}`;
    }
    return null;
  }
  /** A zero: "0", or a plain none/no/never with no other figure of its own. */
  function saysNone(answer: string, question: string, s?: Span): string | null {
    if (states(answer, 0, 0) === null) return null;
    if (!/\b(none|no|never|zero|nothing|not once|not a single|did not|didn't|wasn't|weren't)\b/i.test(answer))
      return 'does not say 0 or none';
    const asked = new Set(numbersOf(question).map((n) => n.value));
    const stray = numbersOf(answer).find(
      (n) => !asked.has(n.value) && !(s && Number.isInteger(n.value) && n.value >= s.a && n.value <= s.b),
    );
    return stray ? `says none but states ${stray.value}` : null;
  }
  const count = (n: number, s?: Span) => (a: string, q: string) =>
    n === 0 ? saysNone(a, q, s) : states(a, n, 0);
  /** Every day of the list is named and no other day of the span; none when the list is empty. */
  function dayList(days: readonly number[], s: Span) {
    return (a: string, q: string) => {
      if (days.length === 0) return saysNone(a, q, s);
      for (const d of days) {
        const r = namesDay(a, d);
        if (r) return r;
      }
      for (let d = s.a; d <= s.b; d++) if (!days.includes(d) && dayRe(d).test(a)) return `names day ${d} too`;
      return null;
    };
  }
  const edgy = (v: number, d: number) =>
    [d, d + 1].some((k) => {
      const x = Math.abs(v) * 10 ** k;
      return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
    });

  // ---- making a case
  function finish(v: Voice, q: string): string {
    let s = q
      .replace(/\s+/g, ' ')
      .replace(/\s+([?,.!])/g, '$1')
      .trim();
    if (v === 'phone') {
      s = s
        .toLowerCase()
        .replace(/[,;]/g, '')
        .replace(/\bdays (days? \d)/g, 'days in $1');
      if (chance(0.45)) s = s.replace(/[?.]$/, '');
    } else s = cap(s);
    return s;
  }
  function mk(
    form: string,
    v: Voice,
    question: string,
    truth: string,
    check: (a: string, q: string) => string | null,
    stated: readonly (readonly [number, number])[] = [],
  ): NCase | null {
    const q = finish(v, question);
    const asked = numbersOf(q);
    for (const [val, d] of stated) {
      if (!Number.isFinite(val) || edgy(val, d)) return null;
      if (asked.some((n) => n.decimals >= d && Math.abs(n.value - round(val, n.decimals)) < 1e-9))
        return null;
    }
    const c: NCase = { form, question: q, truth, check: (r: Reply) => check(r.answer, c.question) };
    return c;
  }
  const voice = () => pick(VOICES);
  const lab = (v: Voice, t: Town) => pick(LABELS[v][t]);
  const fill = (s: string, l: Label) =>
    s
      .replace(/\{at\}/g, l.at)
      .replace(/\{name\}/g, l.name)
      .replace(/\{pos\}/g, l.pos);
  /** A template of the voice, its slots filled. */
  function tpl(v: Voice, t: Say, vars: Record<string, string>): string {
    return pick(t[v]).replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
  }
  const many = (o: Out) => (o.count ? 'many' : 'much');
  const general = OUTS;
  const daily = OUTS.filter((o) => !o.notDaily);

  const cases: NCase[] = [];
  const seen = new Set<string>();
  function quota(n: number, gen: () => NCase | null): void {
    let made = 0;
    for (let tries = 0; made < n && tries < n * 400; tries++) {
      const c = gen();
      if (!c || seen.has(c.question)) continue;
      seen.add(c.question);
      cases.push(c);
      made++;
    }
  }

  // ================================================================ the best and worst day

  function bestWorstOut(): NCase | null {
    const v = voice();
    const o = pick(daily);
    const best = chance(0.6);
    const s = multi(4);
    if (!best && !everyDay(o, s)) return null;
    const ext = argExt(dailyOut(o, s), best);
    if (!ext || ext[1] <= 0) return null;
    const [day, val] = ext;
    const l = lab(v, o.town);
    const np = fill(pick(o.np[v]), l);
    const t = pick(s.say[v]);
    const vars = { np, t, T: cap(t), many: many(o) };
    const q = best
      ? tpl(
          v,
          {
            quest: [
              'Objective: find the best day {t} for {np}. Log the day and its total.',
              'Log check: which day {t} saw the most {np}, and what did it total?',
              '{T}, which was the top day for {np}? Log the day and the amount.',
            ],
            clerk: [
              'For the ledger: which day {t} had the largest daily tally of {np}, and what was it?',
              "Which day's entries {t} show the most {np}? Give the day and the day's total.",
            ],
            phone: [
              'best day for {np} {t}? how {many}',
              'which day most {np} {t} and how {many}',
              '{t} top day {np}? day + total',
            ],
          },
          vars,
        )
      : tpl(
          v,
          {
            quest: [
              'Objective: find the leanest day {t} for {np} and log its total.',
              'Log check: which day {t} had the lowest daily total of {np}? Day and amount.',
            ],
            clerk: [
              'Which day {t} booked the smallest daily tally of {np}? The day and the figure, please.',
              'For the ledger: the weakest day {t} for {np}, and what it came to.',
            ],
            phone: ['worst day for {np} {t}? how {many}', 'lowest day {np} {t} and total'],
          },
          vars,
        );
    return mk(
      'extreme-day',
      v,
      q,
      `day ${day}: ${fmt(val, o.dec)} ${o.unit} (${best ? 'largest' : 'smallest'} daily total of ${o.id}, ${s.tag})`,
      (a) => all(namesDay(a, day), states(a, val, o.dec)),
      [[val, o.dec]],
    );
  }

  function bestWorstRead(): NCase | null {
    const v = voice();
    const s = multi(4);
    if (chance(0.25)) {
      const town = pick(TOWNS);
      const ext = argExt(dailyRain(town, s), true);
      if (!ext || ext[1] <= 0) return null;
      const [day, val] = ext;
      const l = lab(v, town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: [
            'Objective: find the wettest day {at} {t} — which day, and how much rain fell?',
            'Log check: the wettest day {at} {t}, and its rainfall?',
          ],
          clerk: [
            'Which day {t} booked the most rain {at}, and how many mm?',
            'For the ledger: the wettest day {at} {t}, with its rain total.',
          ],
          phone: ['wettest day {at} {t}? how much rain', 'which day most rain {at} {t} how many mm'],
        },
        { at: l.at, t },
      );
      return mk(
        'extreme-day',
        v,
        q,
        `day ${day}: ${fmt(val, 1)} mm (wettest day at ${town}, ${s.tag})`,
        (a) => all(namesDay(a, day), states(a, val, 1)),
        [[val, 1]],
      );
    }
    const rd = pick(READS.filter((r) => r.hiDay));
    const hi = chance(0.55);
    const phrase = hi ? rd.hiDay : rd.loDay;
    if (!phrase) return null;
    const town = pick(rd.towns);
    const ext = argExt(dailyMean(town, rd.key, s), hi);
    if (!ext) return null;
    const [day, val] = ext;
    const l = lab(v, town);
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: [
          'Objective: find the {d} {at} {t}. Which day was it, and what was its average {noun}?',
          'Log check: which was the {d} {at} {t}, and its mean {noun}?',
        ],
        clerk: [
          "Which was the {d} {at} {t}, and what was that day's mean {noun}?",
          'For the weather ledger: the {d} {at} {t} — the day and its average {noun}.',
        ],
        phone: ['{d} {at} {t}? day + avg {noun}', 'which day was the {d} {at} {t} and avg {noun}'],
      },
      { d: pick(phrase[v]), at: l.at, t, noun: pick(rd.noun[v]) },
    );
    return mk(
      'extreme-day',
      v,
      q,
      `day ${day}: mean ${fmt(val, rd.dec + 1)} ${rd.unit} (${hi ? 'highest' : 'lowest'} daily mean ${rd.key} at ${town}, ${s.tag})`,
      (a) => all(namesDay(a, day), states(a, val, rd.dec)),
      [[val, rd.dec]],
    );
  }

  // ================================================================ single events and readings

  function eventMax(): NCase | null {
    const v = voice();
    const pool = [...general.filter((o) => o.most), OVERSEAS_SALES, ...LOSSES];
    const o = pick(pool);
    const s = anySpan(0.15);
    if (!okOut(o, s) || !o.most) return null;
    const list = outEvs(o, s);
    if (list.length < 2) return null;
    const top = Math.max(...list.map((e) => num(e, o.key)));
    if (top <= 0) return null;
    const topDays = new Set(list.filter((e) => num(e, o.key) === top).map((e) => e.day));
    const withDay = topDays.size === 1 && len(s) > 1 && chance(0.4);
    const day = [...topDays][0] as number;
    const l = lab(v, o.town);
    const most = fill(pick(o.most[v]), l);
    const t = pick(s.say[v]);
    const vars = { most, t, T: cap(t), unit: o.unit };
    const q = withDay
      ? tpl(
          v,
          {
            quest: [
              'Objective: find the {most} {t} — how big was it, and on which day?',
              'Log check: the {most} {t}? Amount and day.',
            ],
            clerk: [
              'The {most} {t}: the figure and the day, please.',
              'For the ledger: what was the {most} {t}, and on which day was it entered?',
            ],
            phone: ['{most} {t} how much and what day', '{t} {most}? amount + day'],
          },
          vars,
        )
      : tpl(
          v,
          {
            quest: [
              'Log check: what was the {most} {t}?',
              'Objective: record the {most} {t}.',
              'Achievement check — the {most} {t}: how big was it?',
            ],
            clerk: ['What was the {most} {t}?', 'For the ledger: the {most} {t}, in {unit}?'],
            phone: ['{most} {t}?', '{t} {most} how much'],
          },
          vars,
        );
    return mk(
      'extreme-event',
      v,
      q,
      `${fmt(top, o.dec)} ${o.unit}${withDay ? ` on day ${day}` : ''} (largest single ${o.id} event, ${s.tag})`,
      (a) => all(states(a, top, o.dec), withDay ? namesDay(a, day) : null),
      [[top, o.dec]],
    );
  }

  function readingOne(wantHi: boolean): NCase | null {
    const v = voice();
    const s = anySpan(0.25);
    if (wantHi && chance(0.15)) {
      const town = pick(TOWNS);
      const xs = readings(town, 'rain_mm', s);
      const top = Math.max(...xs);
      if (!(top > 0)) return null;
      const l = lab(v, town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: ['Log check: the heaviest single rain reading {at} {t}?'],
          clerk: ['What was the largest single rain reading entered {at} {t}?'],
          phone: ['biggest single rain reading {at} {t}'],
        },
        { at: l.at, t },
      );
      return mk(
        'max',
        v,
        q,
        `${fmt(top, 1)} mm (max single rain_mm at ${town}, ${s.tag})`,
        (a) => states(a, top, 1),
        [[top, 1]],
      );
    }
    const rd = pick(READS);
    const hi = wantHi;
    const phrase = hi ? rd.hiOne : rd.loOne;
    if (!phrase) return null;
    const town = pick(rd.towns);
    const xs = readings(town, rd.key, s);
    if (xs.length === 0) return null;
    const val = hi ? Math.max(...xs) : Math.min(...xs);
    const l = lab(v, town);
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: ['Log check: the {p} {at} {t}?', 'Objective: record the {p} {at} {t}.'],
        clerk: ['What was the {p} {at} {t}?', 'For the ledger: the {p} {at} {t}, please.'],
        phone: ['{p} {at} {t}?', '{t} {p} {at}'],
      },
      { p: pick(phrase[v]), at: l.at, t },
    );
    return mk(
      hi ? 'max' : 'min',
      v,
      q,
      `${fmt(val, rd.dec)} ${rd.unit} (${hi ? 'max' : 'min'} single ${rd.key} at ${town}, ${s.tag})`,
      (a) => states(a, val, rd.dec),
      [[val, rd.dec]],
    );
  }

  // ================================================================ days counted

  function daysCounted(): NCase | null {
    const v = voice();
    const r = rnd();
    const s = multi(4);
    const t = pick(s.say[v]);
    if (r < 0.25) {
      // rain days, or dry days
      const town = pick(TOWNS);
      const l = lab(v, town);
      const m = dailyRain(town, s);
      const wet = [...m.values()].filter((x) => x > 0).length;
      const dry = chance(0.4);
      const n = dry ? m.size - wet : wet;
      if (n === 0 && chance(0.7)) return null;
      const q = dry
        ? tpl(
            v,
            {
              quest: [
                'Objective: count the dry days {at} {t} (not a drop of rain).',
                'Log check: how many days {t} stayed dry {at}?',
              ],
              clerk: [
                'How many days {t} show no rain at all {at}?',
                'For the ledger: the number of rainless days {at} {t}?',
              ],
              phone: ['how many dry days {at} {t}', 'dry days {at} {t}? how many'],
            },
            { at: l.at, t },
          )
        : tpl(
            v,
            {
              quest: [
                'Log check: on how many days {t} did it rain {at}?',
                'Objective: count the rainy days {at} {t}.',
              ],
              clerk: [
                'How many days {t} have rain entered {at}?',
                'On how many days {t} do the books show rain {at}?',
              ],
              phone: ['how many days did it rain {at} {t}', 'rainy days {at} {t}?'],
            },
            { at: l.at, t },
          );
      return mk('days', v, q, `${n} ${dry ? 'dry' : 'rainy'} days at ${town} (${s.tag})`, count(n, s), [
        [n, 0],
      ]);
    }
    if (r < 0.5) {
      // daily totals over or under a figure
      const o = pick(daily);
      const m = dailyOut(o, s);
      const full = everyDay(o, s);
      const x = threshold([...m.values()], o.step);
      if (x === undefined) return null;
      const under = full && chance(0.35);
      let n = 0;
      for (let d = s.a; d <= s.b; d++) {
        const val = m.get(d) ?? 0;
        if (under ? val < x : val > x) n++;
      }
      const l = lab(v, o.town);
      const np = fill(pick(o.np[v]), l);
      const X = String(x);
      const q = under
        ? tpl(
            v,
            {
              quest: ["Log check: on how many days {t} was the day's total of {np} under {X}?"],
              clerk: ['How many days {t} closed with a daily tally of {np} below {X}?'],
              phone: ['how many days {t} was {np} under {X} for the day'],
            },
            { t, np, X },
          )
        : tpl(
            v,
            {
              quest: [
                "Log check: on how many days {t} was the day's total of {np} over {X}?",
                'Objective: count the days {t} when {np} came to more than {X} in the day.',
              ],
              clerk: [
                'How many days {t} closed with a daily tally of {np} above {X}?',
                'On how many days {t} did the entries for {np} add up to more than {X}?',
              ],
              phone: ['how many days {t} did {np} go over {X}', 'days {t} with over {X} total {np}?'],
            },
            { t, np, X },
          );
      return mk(
        'days',
        v,
        q,
        `${n} days with a daily total of ${o.id} ${under ? 'under' : 'over'} ${X} (${s.tag})`,
        count(n, s),
        [[n, 0]],
      );
    }
    if (r < 0.65) {
      // readings past a figure: any reading of the day, or the day's mean
      const rd = pick(READS.filter((x) => x.key !== 'tide_m'));
      const town = pick(rd.towns);
      const l = lab(v, town);
      const noun = pick(rd.noun[v]);
      const byMean = chance(0.45);
      const above = chance(0.6);
      const dm = dailyMean(town, rd.key, s);
      const all_ = readings(town, rd.key, s);
      const x = threshold(byMean ? [...dm.values()] : all_, rd.step);
      if (x === undefined) return null;
      let n = 0;
      if (byMean) for (const val of dm.values()) n += (above ? val > x : val < x) ? 1 : 0;
      else {
        const days = new Set(
          evs(town, 'sensor', s, (e) => (above ? num(e, rd.key) > x : num(e, rd.key) < x)).map((e) => e.day),
        );
        n = days.size;
      }
      if (n === 0 && chance(0.7)) return null;
      const X = String(x);
      const dir = above ? 'above' : 'below';
      const q = byMean
        ? tpl(
            v,
            {
              quest: ['Log check: on how many days {t} was the average {noun} {at} {dir} {XU}?'],
              clerk: ["How many days {t} had a mean {noun} {at} {dir} {XU}, by the day's readings?"],
              phone: ['how many days {t} avg {noun} {at} {dir} {XU}'],
            },
            { t, noun, at: l.at, dir, XU: withUnit(X, rd.unit) },
          )
        : tpl(
            v,
            {
              quest: ['Objective: count the days {t} when at least one {noun} reading {at} was {dir} {XU}.'],
              clerk: ['On how many days {t} was any {noun} reading entered {at} {dir} {XU}?'],
              phone: ['how many days {t} any {noun} reading {at} {dir} {XU}'],
            },
            { t, noun, at: l.at, dir, XU: withUnit(X, rd.unit) },
          );
      return mk(
        'days',
        v,
        q,
        `${n} days with ${byMean ? 'daily mean' : 'a reading of'} ${rd.key} ${dir} ${X} at ${town} (${s.tag})`,
        count(n, s),
        [[n, 0]],
      );
    }
    // happenings
    const h = pick(HAPS.filter((x) => x.kind !== 'sensor' || x.id.startsWith('storm')));
    if (!okHap(h, s)) return null;
    const n = hapDays(h, s).length;
    if (n === 0 && chance(0.7)) return null;
    const l = lab(v, h.town);
    const np = fill(pick(h.np[v]), l);
    const q = tpl(
      v,
      {
        quest: ['Log check: how many days {t} saw {np}?', 'Objective: count the days {t} with {np}.'],
        clerk: ['On how many days {t} do the books show {np}?', 'How many days {t} carry an entry for {np}?'],
        phone: ['how many days {t} with {np}', 'days with {np} {t}? how many'],
      },
      { t, np },
    );
    return mk('days', v, q, `${n} days with ${h.id} (${s.tag})`, count(n, s), [[n, 0]]);
  }

  // ================================================================ A or B

  function compare(): NCase | null {
    const v = voice();
    const r = rnd();
    const both = (
      win: RegExp,
      lose: RegExp,
      what: string,
      wv: number,
      lv: number,
      d: number,
    ): ((a: string) => string | null) => {
      return (a) => all(first(a, win, [lose], what), states(a, wv, d), states(a, lv, d));
    };
    if (r < 0.35) {
      // two weeks or two days of an output
      const o = pick(daily);
      const days = chance(0.3);
      const A = days ? int(1, 55) : int(1, 7);
      let B = days ? int(1, 55) : int(1, 7);
      if (B === A) B = days ? (A % 55) + 1 : (A % 7) + 1;
      const sa = days ? oneDay(A) : week(A);
      const sb = days ? oneDay(B) : week(B);
      const va = total(o, sa);
      const vb = total(o, sb);
      if (round(va, o.dec) === round(vb, o.dec)) return null;
      const [w, lo, wv, lv] = va > vb ? [A, B, va, vb] : [B, A, vb, va];
      const l = lab(v, o.town);
      const np = fill(pick(o.np[v]), l);
      const unitW = days ? 'day' : 'week';
      const vars = {
        np,
        A: String(A),
        B: String(B),
        u: unitW,
        in: days ? 'on' : 'in',
        wk: days ? 'day' : 'wk',
      };
      const q = tpl(
        v,
        {
          quest: [
            'Log check: were there more {np} {in} {u} {A} or {in} {u} {B}? Log both totals.',
            'Objective: compare {np} {in} {u} {A} and {u} {B} — which {u} was ahead, and what were both totals?',
          ],
          clerk: [
            'Which {u} booked more {np}, {u} {A} or {u} {B}? Both tallies, please.',
            'For the ledger: {np}, {u} {A} against {u} {B} — which was higher, and by the figures?',
          ],
          phone: [
            'more {np} {wk} {A} or {wk} {B}? both numbers',
            '{np} {wk} {A} vs {wk} {B} which more + totals',
          ],
        },
        vars,
      );
      const re = days ? dayRe : weekRe;
      return mk(
        'compare',
        v,
        q,
        `${unitW} ${w} (${fmt(wv, o.dec)}) over ${unitW} ${lo} (${fmt(lv, o.dec)}) ${o.unit}`,
        both(re(w), re(lo), `${unitW} ${w}`, wv, lv, o.dec),
        [
          [wv, o.dec],
          [lv, o.dec],
        ],
      );
    }
    if (r < 0.5) {
      // two weeks of a reading
      const rd = pick(READS);
      const town = pick(rd.towns);
      const A = int(1, 7);
      let B = int(1, 7);
      if (B === A) B = (A % 7) + 1;
      const ma = mean(readings(town, rd.key, week(A)));
      const mb = mean(readings(town, rd.key, week(B)));
      const lowWins = rd.loCmp !== undefined && chance(0.4);
      const adj = lowWins ? rd.loCmp : rd.hiCmp;
      if (round(ma, rd.dec) === round(mb, rd.dec)) return null;
      const aWins = lowWins ? ma < mb : ma > mb;
      const [winner, loser, winV, loseV] = aWins ? [A, B, ma, mb] : [B, A, mb, ma];
      const l = lab(v, town);
      const noun = pick(rd.noun[v]);
      const vars = { adj: adj ?? '', at: l.at, A: String(A), B: String(B), noun };
      const q = adj
        ? tpl(
            v,
            {
              quest: ['Log check: was it {adj} {at} in week {A} or in week {B}? Note both average {noun}s.'],
              clerk: ['Which week ran {adj} {at}, week {A} or week {B}? Give both mean {noun} figures.'],
              phone: ['{adj} {at} wk {A} or wk {B}? avg {noun} both'],
            },
            vars,
          )
        : tpl(
            v,
            {
              quest: [
                'Objective: which week had the higher average {noun} {at}, week {A} or week {B}? Log both averages.',
              ],
              clerk: [
                'Which week shows the higher mean {noun} {at}, week {A} or week {B}? Both figures, please.',
              ],
              phone: ['higher avg {noun} {at} wk {A} or wk {B}? both'],
            },
            vars,
          );
      return mk(
        'compare',
        v,
        q,
        `week ${winner} (${fmt(winV, rd.dec + 1)}) over week ${loser} (${fmt(loseV, rd.dec + 1)}) ${rd.unit}, mean ${rd.key} at ${town}`,
        both(weekRe(winner), weekRe(loser), `week ${winner}`, winV, loseV, rd.dec),
        [
          [winV, rd.dec],
          [loseV, rd.dec],
        ],
      );
    }
    if (r < 0.72) {
      // two towns: a reading's mean, or rain
      const s = multi(3);
      const [ta, tb] = (() => {
        const x = pick(TOWNS);
        let y = pick(TOWNS);
        while (y === x) y = pick(TOWNS);
        return [x, y] as const;
      })();
      const la = lab(v, ta);
      const lb = lab(v, tb);
      const t = pick(s.say[v]);
      if (chance(0.3)) {
        const ra = round(
          readings(ta, 'rain_mm', s).reduce((x, y) => x + y, 0),
          1,
        );
        const rb = round(
          readings(tb, 'rain_mm', s).reduce((x, y) => x + y, 0),
          1,
        );
        if (ra === rb || ra === 0 || rb === 0) return null;
        const [w, lo, wv, lv] = ra > rb ? [ta, tb, ra, rb] : [tb, ta, rb, ra];
        const q = tpl(
          v,
          {
            quest: ['Log check: where did more rain fall {t}, {A} or {B}? Both totals.'],
            clerk: ['Which got more rain on the books {t}, {A} or {B}? Both figures in mm.'],
            phone: ['more rain {t} {A} or {B}? both mm'],
          },
          { t, A: la.name, B: lb.name },
        );
        return mk(
          'compare',
          v,
          q,
          `${w} (${fmt(wv, 1)} mm) over ${lo} (${fmt(lv, 1)} mm) of rain (${s.tag})`,
          both(townRe(w), townRe(lo), TOWN_NAMES[w] ?? w, wv, lv, 1),
          [
            [wv, 1],
            [lv, 1],
          ],
        );
      }
      const rd = pick(READS.filter((x) => x.hiCmp));
      const lowWins = chance(0.4);
      const ma = mean(readings(ta, rd.key, s));
      const mb = mean(readings(tb, rd.key, s));
      if (round(ma, rd.dec) === round(mb, rd.dec)) return null;
      const aWins = lowWins ? ma < mb : ma > mb;
      const [w, lo, wv, lv] = aWins ? [ta, tb, ma, mb] : [tb, ta, mb, ma];
      const q = tpl(
        v,
        {
          quest: [
            'Log check: which was {adj} {t}, {A} or {B}? Note both average {noun}s.',
            'Objective: find out whether {A} or {B} ran {adj} {t}, with both averages.',
          ],
          clerk: ['Which town ran {adj} {t}, {A} or {B}? Both mean {noun} figures, please.'],
          phone: ['{adj} {t} {A} or {B}? avg {noun} both', 'which {adj} {A} or {B} {t} + avgs'],
        },
        { adj: (lowWins ? rd.loCmp : rd.hiCmp) ?? '', t, A: la.name, B: lb.name, noun: pick(rd.noun[v]) },
      );
      return mk(
        'compare',
        v,
        q,
        `${w} (${fmt(wv, rd.dec + 1)}) over ${lo} (${fmt(lv, rd.dec + 1)}) ${rd.unit}, mean ${rd.key} (${s.tag})`,
        both(townRe(w), townRe(lo), TOWN_NAMES[w] ?? w, wv, lv, rd.dec),
        [
          [wv, rd.dec],
          [lv, rd.dec],
        ],
      );
    }
    if (r < 0.88) {
      // two people
      const o = pick(general.filter((x) => x.who));
      if (!o.who) return null;
      const s = multi(3);
      const sums = new Map<string, number>();
      for (const e of outEvs(o, s)) if (e.actor) sums.set(e.actor, (sums.get(e.actor) ?? 0) + num(e, o.key));
      const people = [...sums.keys()];
      if (people.length < 2) return null;
      const pa = pick(people);
      let pb = pick(people);
      while (pb === pa) pb = pick(people);
      const va = round(sums.get(pa) ?? 0, o.dec);
      const vb = round(sums.get(pb) ?? 0, o.dec);
      if (va === vb) return null;
      const [w, lo, wv, lv] = va > vb ? [pa, pb, va, vb] : [pb, pa, vb, va];
      const l = lab(v, o.town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: ['Log check: who {cmp} {at} {t}, {A} or {B}? Log both totals.'],
          clerk: ['Which of the two {cmp} {at} {t}, {A} or {B}? Both figures, please.'],
          phone: ['who {cmp} {t} {A} or {B}? both totals'],
        },
        { cmp: pick(o.who.cmp[v]), at: l.at, t, A: pa, B: pb },
      );
      return mk(
        'compare',
        v,
        q,
        `${w} (${fmt(wv, o.dec)}) over ${lo} (${fmt(lv, o.dec)}) ${o.unit} (${s.tag})`,
        both(textRe(w), textRe(lo), w, wv, lv, o.dec),
        [
          [wv, o.dec],
          [lv, o.dec],
        ],
      );
    }
    // two robbed towns
    const s = multi(5);
    const ta = pick(SENDERS);
    let tb = pick(SENDERS);
    while (tb === ta) tb = pick(SENDERS);
    if (!agrees(ta, s) || !agrees(tb, s)) return null;
    const va = total(lossOut(ta), s);
    const vb = total(lossOut(tb), s);
    if (va === vb || va === 0 || vb === 0) return null;
    const [w, lo, wv, lv] = va > vb ? [ta, tb, va, vb] : [tb, ta, vb, va];
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: ['Log check: which town lost more gold to the pirates {t}, {A} or {B}? Both amounts.'],
        clerk: [
          'Which town had more gold debited for piracy losses {t}, {A} or {B}? Both amounts in gold, please.',
        ],
        phone: ['who lost more gold to pirates {t} {A} or {B}? both'],
      },
      { t, A: lab(v, ta).name, B: lab(v, tb).name },
    );
    return mk(
      'compare',
      v,
      q,
      `${w} (${wv}) over ${lo} (${lv}) gold lost (${s.tag})`,
      both(townRe(w), townRe(lo), TOWN_NAMES[w] ?? w, wv, lv, 0),
      [
        [wv, 0],
        [lv, 0],
      ],
    );
  }

  // ================================================================ two things on one day

  interface Cond {
    id: string;
    days: (s: Span) => number[] | undefined;
    clause: (v: Voice) => string;
  }
  function conds(): Cond[] {
    const out: Cond[] = HAPS.filter((h) => h.kind !== 'sensor' || h.id.startsWith('rain')).map((h) => ({
      id: h.id,
      days: (s: Span) => (okHap(h, s) ? hapDays(h, s) : undefined),
      clause: (v: Voice) => fill(pick(h.clause[v]), lab(v, h.town)),
    }));
    return out;
  }
  function overCond(s: Span): Cond | undefined {
    const o = pick(daily);
    const m = dailyOut(o, s);
    const x = threshold([...m.values()], o.step);
    if (x === undefined) return undefined;
    const X = String(x);
    return {
      id: `${o.id}>${X}`,
      days: () =>
        [...m]
          .filter(([, val]) => val > x)
          .map(([d]) => d)
          .sort((p, q) => p - q),
      clause: (v: Voice) => {
        const np = fill(pick(o.np[v]), lab(v, o.town));
        return v === 'phone' ? `${np} went over ${X} for the day` : `the day's total of ${np} topped ${X}`;
      },
    };
  }
  const CONDS = conds();
  function twoThings(wantNone: boolean): NCase | null {
    const v = voice();
    const s = short();
    const c1 = chance(0.25) ? overCond(s) : pick(CONDS);
    const c2 = pick(CONDS);
    if (!c1 || c1.id === c2.id) return null;
    const d1 = c1.days(s);
    const d2 = c2.days(s);
    if (!d1 || !d2 || d1.length === 0 || d2.length === 0) return null;
    const both = d1.filter((d) => d2.includes(d));
    if (both.length > 6 || (both.length === 0) !== wantNone) return null;
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: [
          'Objective: name every day {t} when {c1} and {c2}.',
          'Log check: on which days {t} did both happen — {c1}, and {c2}?',
        ],
        clerk: [
          'For the ledger, list the days {t} on which {c1} and also {c2}.',
          'Which days {t} have entries showing that {c1} and that {c2}?',
        ],
        phone: ['which days {t} {c1} and {c2}', 'days {t} when {c1} and also {c2}?'],
      },
      { t, c1: c1.clause(v), c2: c2.clause(v) },
    );
    return mk(
      'both',
      v,
      q,
      both.length
        ? `days ${both.join(', ')} (${c1.id} and ${c2.id}, ${s.tag})`
        : `none (${c1.id} and ${c2.id}, ${s.tag})`,
      dayList(both, s),
    );
  }

  // ================================================================ which day

  function whichDay(): NCase | null {
    const v = voice();
    const r = rnd();
    if (r < 0.3) {
      // the day of the largest (or smallest) single event
      const o = pick(general.filter((x) => x.most || x.least));
      const s = multi(3);
      const least = o.least !== undefined && (!o.most || chance(0.35));
      const phrase = least ? o.least : o.most;
      if (!phrase) return null;
      const list = outEvs(o, s);
      if (list.length < 2) return null;
      const xs = list.map((e) => num(e, o.key));
      if (least && xs.some((x) => x <= 0)) return null;
      const ext = least ? Math.min(...xs) : Math.max(...xs);
      if (ext <= 0) return null;
      const ds = new Set(list.filter((e) => num(e, o.key) === ext).map((e) => e.day));
      if (ds.size !== 1) return null;
      const day = [...ds][0] as number;
      const l = lab(v, o.town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: ['Objective: find the day {t} of the {p}.', 'Log check: on which day {t} came the {p}?'],
          clerk: ['On which day {t} was the {p}?', 'For the ledger: the day {t} of the {p}.'],
          phone: ['what day {t} was the {p}', '{p} {t} which day'],
        },
        { t, p: fill(pick(phrase[v]), l) },
      );
      return mk(
        'which-day',
        v,
        q,
        `day ${day} (${least ? 'smallest' : 'largest'} single ${o.id}: ${ext}, ${s.tag})`,
        (a) => namesDay(a, day),
      );
    }
    if (r < 0.65) {
      // the first or last time something happened
      const h = pick(HAPS);
      const s = chance(0.25) ? whole() : multi(4);
      if (!okHap(h, s)) return null;
      const ds = hapDays(h, s);
      if (ds.length === 0 || ds.length === len(s)) return null;
      const last = chance(0.5);
      const day = (last ? ds[ds.length - 1] : ds[0]) as number;
      const l = lab(v, h.town);
      const t = pick(s.say[v]);
      const np = fill(pick(h.np[v]), l);
      const q = last
        ? tpl(
            v,
            {
              quest: [
                'Objective: find the last day {t} with {np}.',
                'Log check: the most recent day {t} that saw {np}?',
              ],
              clerk: [
                'On which day {t} is the last entry for {np}?',
                'For the ledger: the latest day {t} showing {np}.',
              ],
              phone: ['last day {t} with {np}?', 'when was the last day with {np} {t}'],
            },
            { t, np },
          )
        : tpl(
            v,
            {
              quest: [
                'Objective: find the first day {t} with {np}.',
                'Log check: the earliest day {t} that saw {np}?',
              ],
              clerk: [
                'On which day {t} is the first entry for {np}?',
                'For the ledger: the earliest day {t} showing {np}.',
              ],
              phone: ['first day {t} with {np}?', 'when was the first day with {np} {t}'],
            },
            { t, np },
          );
      return mk(
        'which-day',
        v,
        q,
        `day ${day} (${last ? 'last' : 'first'} day with ${h.id}, ${s.tag})`,
        (a) => namesDay(a, day),
      );
    }
    if (r < 0.82) {
      // the day of the best daily total
      const o = pick(daily);
      const s = multi(4);
      const ext = argExt(dailyOut(o, s), true);
      if (!ext || ext[1] <= 0) return null;
      const l = lab(v, o.town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: [
            'Objective: which day {t} was the best for {np}? Just the day.',
            'Log check: the top day {t} for {np}?',
          ],
          clerk: ['Which day {t} shows the highest daily tally of {np}?'],
          phone: ['which day {t} most {np}', 'top day {np} {t}?'],
        },
        { t, np: fill(pick(o.np[v]), l) },
      );
      return mk(
        'which-day',
        v,
        q,
        `day ${ext[0]} (${fmt(ext[1], o.dec)} ${o.unit}, best daily ${o.id}, ${s.tag})`,
        (a) => namesDay(a, ext[0]),
      );
    }
    // the day of the highest or lowest single reading
    const rd = pick(READS);
    const hi = !rd.loOne || chance(0.55);
    const phrase = hi ? rd.hiOne : rd.loOne;
    if (!phrase) return null;
    const town = pick(rd.towns);
    const s = multi(3);
    const list = evs(town, 'sensor', s);
    const xs = list.map((e) => num(e, rd.key));
    const val = hi ? Math.max(...xs) : Math.min(...xs);
    const ds = new Set(list.filter((e) => num(e, rd.key) === val).map((e) => e.day));
    if (ds.size !== 1) return null;
    const day = [...ds][0] as number;
    const l = lab(v, town);
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: [
          'Log check: on which day {t} was the {p} {at} taken?',
          'Objective: find the day {t} of the {p} {at}.',
        ],
        clerk: ['On which day {t} was the {p} {at} entered?'],
        phone: ['what day {t} was the {p} {at}', 'day of the {p} {at} {t}?'],
      },
      { t, p: pick(phrase[v]), at: l.at },
    );
    return mk(
      'which-day',
      v,
      q,
      `day ${day} (${hi ? 'max' : 'min'} ${rd.key} ${val} at ${town}, ${s.tag})`,
      (a) => namesDay(a, day),
    );
  }

  // ================================================================ trends

  const trendSpan = () => {
    for (;;) {
      const r = rnd();
      const s =
        r < 0.25
          ? week(int(1, 7))
          : r < 0.45
            ? (() => {
                const a = int(1, 40);
                return range(a, Math.min(55, a + int(7, 15)));
              })()
            : r < 0.6
              ? lastK(pick([10, 14, 20]))
              : r < 0.72
                ? thisMonth()
                : r < 0.84
                  ? lastMonth()
                  : r < 0.92
                    ? lastWeek()
                    : thisWeek();
      if (len(s) >= 7 && s.a >= 1 && s.b <= N) return s;
    }
  };
  function trend(): NCase | null {
    const v = voice();
    const s = trendSpan();
    const t = pick(s.say[v]);
    const yesNo = chance(0.35);
    let series: Map<number, number>;
    let subject: string;
    let what: string;
    if (chance(0.5)) {
      const rd = pick(READS);
      const town = pick(rd.towns);
      series = dailyMean(town, rd.key, s);
      const l = lab(v, town);
      const noun = pick(rd.noun[v]);
      subject = v === 'phone' ? `avg ${noun} ${l.at}` : `the daily average ${noun} ${l.at}`;
      what = `daily mean ${rd.key} at ${town}`;
    } else {
      const o = pick(daily);
      if (!everyDay(o, s)) return null;
      series = dailyOut(o, s);
      const np = fill(pick(o.np[v]), lab(v, o.town));
      subject = v === 'phone' ? `daily ${np}` : `the daily total of ${np}`;
      what = `daily total ${o.id}`;
    }
    if (series.size !== len(s)) return null;
    const k = slope(series);
    if (!Number.isFinite(k) || Math.abs(round(k, 2)) < 0.02) return null;
    if (yesNo) {
      const up = chance(0.5);
      const q = tpl(
        v,
        {
          quest: [
            'Log check: was {s} trending {dir} {t}?',
            'Quest flag: did {s} trend {dir} {t}? Yes or no.',
          ],
          clerk: ['Do the books show {s} on {art} {dir}ward trend {t}?'],
          phone: ['is {s} trending {dir} {t}? yes or no', '{s} going {dir} {t}? y/n'],
        },
        { s: subject, dir: up ? 'up' : 'down', art: up ? 'an' : 'a', t },
      );
      const yes = up ? k > 0 : k < 0;
      return mk(
        'trend',
        v,
        q,
        `${yes ? 'yes' : 'no'}: slope ${fmt(k, 3)} per day of ${what} (${s.tag})`,
        (a) => saysYes(a, yes),
      );
    }
    const q = tpl(
      v,
      {
        quest: [
          'Log check: fit a least-squares trend line to {s} {t}. What is its slope per day?',
          'Objective: work out the trend in {s} {t}, as a slope per day.',
        ],
        clerk: [
          'What was the per-day trend (least-squares slope) of {s} {t}?',
          'For the ledger: the slope per day of {s} {t}?',
        ],
        phone: ['trend of {s} {t}? slope per day', 'slope per day {s} {t}'],
      },
      { s: subject, t },
    );
    return mk('trend', v, q, `slope ${fmt(k, 3)} per day of ${what} (${s.tag})`, (a) => states(a, k, 2), [
      [k, 2],
    ]);
  }

  // ================================================================ totals, means, counts

  function totalQ(): NCase | null {
    const v = voice();
    const s = anySpan(0.3);
    const t = pick(s.say[v]);
    if (chance(0.2)) {
      const town = pick(TOWNS);
      const val = round(
        readings(town, 'rain_mm', s).reduce((x, y) => x + y, 0),
        1,
      );
      if (val === 0) return null;
      const l = lab(v, town);
      const q = tpl(
        v,
        {
          quest: ['Log check: how much rain fell {at} {t}?', 'Objective: total up the rain {at} {t}.'],
          clerk: [
            'Total rainfall on the books {at} {t}?',
            'What does the ledger show for rain {at} {t}, in mm?',
          ],
          phone: ['how much rain {at} {t}', 'rain total {at} {t}?'],
        },
        { at: l.at, t },
      );
      return mk('total', v, q, `${fmt(val, 1)} mm of rain at ${town} (${s.tag})`, (a) => states(a, val, 1), [
        [val, 1],
      ]);
    }
    const o = pick([...general, ...LOSSES, OVERSEAS_SALES]);
    if (!okOut(o, s)) return null;
    const val = total(o, s);
    if (val === 0) return null;
    const np = fill(pick(o.np[v]), lab(v, o.town));
    const q = tpl(
      v,
      {
        quest: [
          'Log check: total {np} {t}?',
          'Objective: tally up the {np} {t}.',
          '{T}, how {many} {np} in all?',
        ],
        clerk: [
          'What do the books show for {np} {t}? The total, please.',
          'Tally of {np} {t}?',
          'Total {np} entered {t}?',
        ],
        phone: ['how {many} {np} {t}', 'total {np} {t}?'],
      },
      { np, t, T: cap(t), many: many(o) },
    );
    return mk(
      'total',
      v,
      q,
      `${fmt(val, o.dec)} ${o.unit} (${o.id}, ${s.tag})`,
      (a) => states(a, val, o.dec),
      [[val, o.dec]],
    );
  }

  function meanQ(): NCase | null {
    const v = voice();
    const r = rnd();
    const s = anySpan(r < 0.45 ? 0.2 : 0.05);
    const t = pick(s.say[v]);
    if (r < 0.45) {
      const rd = pick(READS);
      const town = pick(rd.towns);
      const xs = readings(town, rd.key, s);
      if (xs.length === 0) return null;
      const val = mean(xs);
      const l = lab(v, town);
      const q = tpl(
        v,
        {
          quest: ['Log check: average {noun} {at} {t}?', 'Objective: note the mean {noun} {at} {t}.'],
          clerk: [
            'What was the mean {noun} recorded {at} {t}?',
            'For the ledger: the average {noun} entered {at} {t}.',
          ],
          phone: ['avg {noun} {at} {t}', 'what was the avg {noun} {at} {t}'],
        },
        { noun: pick(rd.noun[v]), at: l.at, t },
      );
      return mk(
        'mean',
        v,
        q,
        `${fmt(val, rd.dec + 2)} ${rd.unit} (mean of ${xs.length} ${rd.key} readings at ${town}, ${s.tag})`,
        (a) => states(a, val, rd.dec),
        [[val, rd.dec]],
      );
    }
    if (r < 0.8) {
      const o = pick(general);
      if (len(s) < 2) return null;
      const sum = total(o, s);
      const days = reportDays(o.town, s);
      if (sum === 0 || days === 0) return null;
      const val = sum / days;
      const np = fill(pick(o.np[v]), lab(v, o.town));
      const q = tpl(
        v,
        {
          quest: [
            'Objective: work out the average {np} per day {t}.',
            'Log check: {np} per day on average {t}?',
          ],
          clerk: ['What was the per-diem average of {np} {t}?', 'Per-diem figure for {np} {t}, please.'],
          phone: ['avg {np} per day {t}', '{np} per day avg {t}?'],
        },
        { np, t },
      );
      return mk(
        'mean',
        v,
        q,
        `${fmt(val, o.dec + 2)} ${o.unit} a day (${fmt(sum, o.dec)} over ${days} reporting days, ${s.tag})`,
        (a) => states(a, val, o.dec),
        [[val, o.dec]],
      );
    }
    const o = pick(general.filter((x) => x.per));
    if (!o.per) return null;
    const xs = outEvs(o, s).map((e) => num(e, o.key));
    if (xs.length < 2 || xs.some((x) => x <= 0)) return null;
    const val = mean(xs);
    const q = tpl(
      v,
      {
        quest: ['Log check: the {p} {t}?', 'Objective: note the {p} {t}.'],
        clerk: ['What was the {p} {t}?'],
        phone: ['{p} {t}', '{p} {t}?'],
      },
      { p: fill(pick(o.per[v]), lab(v, o.town)), t },
    );
    return mk(
      'mean',
      v,
      q,
      `${fmt(val, o.dec + 2)} ${o.unit} per event (${xs.length} events of ${o.id}, ${s.tag})`,
      (a) => states(a, val, o.dec),
      [[val, o.dec]],
    );
  }

  function countQ(): NCase | null {
    const v = voice();
    const h = pick(HAPS);
    const s = anySpan(0.15);
    if (!okHap(h, s)) return null;
    const n = evs(h.town, h.kind, s, h.pred).length;
    if (n === 0 && chance(0.75)) return null;
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: ['Log check: the number of {ev} {t}?', 'Objective: count the {ev} {t}.'],
        clerk: ['How many {ev} are on the books {t}?', 'Count of {ev} {t}?'],
        phone: ['how many {ev} {t}', '# of {ev} {t}?'],
      },
      { ev: fill(pick(h.ev[v]), lab(v, h.town)), t },
    );
    return mk('count', v, q, `${n} events (${h.id}, ${s.tag})`, count(n, s), [[n, 0]]);
  }

  // ================================================================ which town

  function whichTown(): NCase | null {
    const v = voice();
    const s = multi(3);
    const t = pick(s.say[v]);
    const r = rnd();
    let vals: Map<Town, number>;
    let dec: number;
    let q: string;
    let what: string;
    let hi = true;
    if (r < 0.3) {
      vals = new Map(
        TOWNS.map((x) => [
          x,
          round(
            readings(x, 'rain_mm', s).reduce((a, b) => a + b, 0),
            1,
          ),
        ]),
      );
      dec = 1;
      what = 'rain total';
      q = tpl(
        v,
        {
          quest: ['Objective: find which town got the most rain {t}, and how much.'],
          clerk: ['Which town booked the most rain {t}, and how much fell there?'],
          phone: ['which town got the most rain {t}? how much'],
        },
        { t },
      );
    } else if (r < 0.7) {
      const rd = pick(READS.filter((x) => x.hiSup));
      hi = !rd.loSup || chance(0.6);
      vals = new Map(TOWNS.map((x) => [x, mean(readings(x, rd.key, s))]));
      dec = rd.dec;
      what = `mean ${rd.key}`;
      q = tpl(
        v,
        {
          quest: ['Log check: which town was the {sup} {t}, and what was its average {noun}?'],
          clerk: ['Which town ran {sup} {t}, and at what mean {noun}?'],
          phone: ['which town {sup} {t}? avg {noun}', '{sup} town {t} and avg {noun}'],
        },
        { sup: (hi ? rd.hiSup : rd.loSup) ?? '', t, noun: pick(rd.noun[v]) },
      );
    } else if (r < 0.85) {
      const rd = pick(READS.filter((x) => x.towns.length === 4));
      hi = !rd.loOne || chance(0.6);
      const phrase = hi ? rd.hiOne : rd.loOne;
      if (!phrase) return null;
      vals = new Map(TOWNS.map((x) => [x, (hi ? Math.max : Math.min)(...readings(x, rd.key, s))]));
      dec = rd.dec;
      what = `${hi ? 'max' : 'min'} ${rd.key}`;
      q = tpl(
        v,
        {
          quest: ['Objective: which town logged the {p} {t}, and what was it?'],
          clerk: ['Which town shows the {p} {t}, and what was the figure?'],
          phone: ['which town had the {p} {t}? value'],
        },
        { p: pick(phrase[v]), t },
      );
    } else {
      if (!SENDERS.every((x) => agrees(x, s))) return null;
      vals = new Map(SENDERS.map((x) => [x, total(lossOut(x), s)]));
      dec = 0;
      what = 'gold lost to pirates';
      q = tpl(
        v,
        {
          quest: ['Log check: which town lost the most gold to the pirates {t}, and how much?'],
          clerk: ['Whose books show the most gold lost to piracy {t}, and how much?'],
          phone: ['which town lost most gold to pirates {t}? how much'],
        },
        { t },
      );
    }
    const rounded = new Map([...vals].map(([k, x]) => [k, round(x, dec)]));
    const ext = argExt(rounded, hi);
    if (!ext) return null;
    const [town] = ext;
    const val = vals.get(town) as number;
    if (!Number.isFinite(val) || (what.includes('gold') && val === 0) || (what === 'rain total' && val === 0))
      return null;
    const others = TOWNS.filter((x) => x !== town).map(townRe);
    return mk(
      'which-town',
      v,
      q,
      `${TOWN_NAMES[town]}: ${fmt(val, dec + 1)} (${hi ? 'highest' : 'lowest'} ${what}, ${s.tag})`,
      (a) =>
        all(
          namesTown(a, town),
          first(a, townRe(town), others, TOWN_NAMES[town] ?? town),
          states(a, val, dec),
        ),
      [[val, dec]],
    );
  }

  // ================================================================ filters

  const GOODS_OF_ROUTE: readonly [Town, Town, readonly string[]][] = [
    ['patchbourough', 'circuiton', ['flour', 'tools']],
    ['patchbourough', 'port-logic', ['flour', 'grain', 'tools']],
    ['port-logic', 'patchbourough', ['fish', 'rope', 'spices', 'textiles']],
    ['port-logic', 'circuiton', ['fish', 'spices', 'textiles']],
    ['circuiton', 'patchbourough', ['metal']],
    ['circuiton', 'port-logic', ['trinkets']],
  ];
  function filterQ(): NCase | null {
    const v = voice();
    const s = multi(3);
    const t = pick(s.say[v]);
    const r = rnd();
    if (r < 0.25) {
      const town = pick(SENDERS);
      if (!agrees(town, s)) return null;
      const val = evs('den-of-thieves', 'raid', s, (e) => e.data.target === town).reduce(
        (x, e) => x + num(e, 'raid_gold'),
        0,
      );
      if (val === 0) return null;
      const l = lab(v, town);
      const q = tpl(
        v,
        {
          quest: ['Log check: how much gold did the pirates take from {pos} shipments {t}?'],
          clerk: [
            "How much of the Den's raid gold {t} came from {pos} shipments?",
            'Raid gold credited to the Den {t} from {pos} shipments?',
          ],
          phone: ['raid gold from {pos} shipments {t}', 'how much did pirates take off {name} {t}'],
        },
        { pos: l.pos, name: l.name, t },
      );
      return mk('filter', v, q, `${val} gold from raids on ${town} (${s.tag})`, (a) => states(a, val, 0), [
        [val, 0],
      ]);
    }
    if (r < 0.45) {
      const goods = pick(['flour', 'metal', 'tools', 'trinkets', 'spices', 'textiles', 'fish', 'grain']);
      const list = evs('den-of-thieves', 'raid', s, (e) => e.data.goods === goods && num(e, 'raid_gold') > 0);
      const senders = new Set(list.map((e) => e.data.target as Town));
      for (const x of senders) if (!agrees(x, s)) return null;
      if (list.length === 0) return null;
      if (chance(0.5)) {
        const n = list.length;
        const q = tpl(
          v,
          {
            quest: ['Log check: how many raids did the pirates make on {g} shipments {t}?'],
            clerk: ['How many raids on {g} shipments are entered {t}?'],
            phone: ['how many raids on {g} shipments {t}'],
          },
          { g: goods, t },
        );
        return mk('filter', v, q, `${n} raids on ${goods} (${s.tag})`, count(n, s), [[n, 0]]);
      }
      const val = list.reduce((x, e) => x + num(e, 'raid_gold'), 0);
      const q = tpl(
        v,
        {
          quest: ['Objective: tally the gold the pirates took from {g} shipments {t}.'],
          clerk: ['How much raid gold credited to the Den {t} came from {g} shipments?'],
          phone: ['gold pirates got from {g} shipments {t}'],
        },
        { g: goods, t },
      );
      return mk('filter', v, q, `${val} gold from raids on ${goods} (${s.tag})`, (a) => states(a, val, 0), [
        [val, 0],
      ]);
    }
    if (r < 0.65) {
      const [from, to, goodsList] = pick(GOODS_OF_ROUTE);
      const goods = pick(goodsList);
      const arrivals = chance(0.35);
      const list = arrivals
        ? evs(to, 'arrival', s, (e) => e.data.from === from && e.data.goods === goods)
        : evs(from, 'trade', s, (e) => e.data.to === to && e.data.goods === goods);
      const val = list.reduce((x, e) => x + num(e, 'cargo_items'), 0);
      if (val === 0) return null;
      const la = lab(v, from);
      const lb = lab(v, to);
      const q = arrivals
        ? tpl(
            v,
            {
              quest: ['Log check: how many crates of {g} from {A} arrived {at} {t}?'],
              clerk: ['How many crates of {g} from {A} are entered as delivered {at} {t}?'],
              phone: ['crates of {g} from {A} that got to {B} {t}'],
            },
            { g: goods, A: la.name, B: lb.name, at: lb.at, t },
          )
        : tpl(
            v,
            {
              quest: ['Log check: how many crates of {g} did {A} ship to {B} {t}?'],
              clerk: ['How many crates of {g} are entered as shipped from {A} to {B} {t}?'],
              phone: ['crates of {g} {A} sent to {B} {t}?'],
            },
            { g: goods, A: la.name, B: lb.name, t },
          );
      return mk(
        'filter',
        v,
        q,
        `${val} crates of ${goods} ${arrivals ? 'arrived' : 'shipped'} ${from}→${to} (${s.tag})`,
        (a) => states(a, val, 0),
        [[val, 0]],
      );
    }
    if (r < 0.9) {
      const l = lab(v, 'port-logic');
      const kind = pick(['sales', 'purchases', 'crates']);
      const list =
        kind === 'purchases'
          ? evs(
              'port-logic',
              'trade',
              s,
              (e) => e.data.from === 'overseas' && typeof e.data.value_gold === 'number',
            )
          : evs('port-logic', 'trade', s, (e) => e.data.to === 'overseas');
      const val = list.reduce((x, e) => x + num(e, kind === 'crates' ? 'cargo_items' : 'value_gold'), 0);
      if (!(val > 0)) return null;
      const vars = { name: l.name, at: l.at, t };
      const q =
        kind === 'sales'
          ? tpl(
              v,
              {
                quest: ['Log check: how much gold did {name} make selling goods overseas {t}?'],
                clerk: ['How much gold was credited to {name} for sales overseas {t}?'],
                phone: ['gold from overseas sales {at} {t}'],
              },
              vars,
            )
          : kind === 'purchases'
            ? tpl(
                v,
                {
                  quest: ['Objective: find how much gold {name} spent buying goods from overseas ships {t}.'],
                  clerk: ['How much was debited to {name} for goods bought from overseas {t}?'],
                  phone: ['how much did {name} spend on imports from overseas {t}'],
                },
                vars,
              )
            : tpl(
                v,
                {
                  quest: ['Log check: how many crates did {name} sell overseas {t}?'],
                  clerk: ['How many crates are entered as sold overseas by {name} {t}?'],
                  phone: ['crates {name} sold overseas {t}?'],
                },
                vars,
              );
      return mk(
        'filter',
        v,
        q,
        `${val} ${kind === 'crates' ? 'crates' : 'gold'} (overseas ${kind}, ${s.tag})`,
        (a) => states(a, val, 0),
        [[val, 0]],
      );
    }
    const town = pick(SENDERS);
    if (!agrees(town, s)) return null;
    const goods = pick(GOODS_OF_ROUTE.filter(([f]) => f === town).flatMap(([, , g]) => g));
    const val = evs(town, 'loss', s, (e) => e.data.goods === goods).reduce(
      (x, e) => x + num(e, 'loot_gold'),
      0,
    );
    if (val === 0) return null;
    const l = lab(v, town);
    const q = tpl(
      v,
      {
        quest: ['Log check: how much gold did {name} lose to the pirates on its {g} shipments {t}?'],
        clerk: ['How much was debited to {name} for robberies of its {g} shipments {t}?'],
        phone: ['gold {name} lost to pirates on {g} {t}'],
      },
      { name: l.name, g: goods, t },
    );
    return mk(
      'filter',
      v,
      q,
      `${val} gold lost by ${town} on ${goods} (${s.tag})`,
      (a) => states(a, val, 0),
      [[val, 0]],
    );
  }

  // ================================================================ who

  function whoQ(): NCase | null {
    const v = voice();
    const o = pick(general.filter((x) => x.who));
    if (!o.who) return null;
    const s = multi(3);
    const sums = new Map<string, number>();
    for (const e of outEvs(o, s))
      if (e.actor) sums.set(e.actor, round((sums.get(e.actor) ?? 0) + num(e, o.key), o.dec));
    if (sums.size < 2) return null;
    const ext = argExt(sums, true);
    if (!ext || ext[1] <= 0) return null;
    const [who, val] = ext;
    const l = lab(v, o.town);
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: [
          'Objective: find which {role} {at} {verb} {t}, and how {many}.',
          'Log check: which {role} {verb} {at} {t}? Name and total.',
        ],
        clerk: ['Which {role} {at} {verb} {t}, and for how {many}?'],
        phone: ['who {verb} {at} {t}? how {many}', 'which {role} {verb} {t} {at}'],
      },
      { role: o.who.role, at: l.at, verb: pick(o.who.verb[v]), t, many: many(o) },
    );
    return mk(
      'who',
      v,
      q,
      `${who}: ${fmt(val, o.dec)} ${o.unit} (${s.tag})`,
      (a) => all(names(a, who), states(a, val, o.dec)),
      [[val, o.dec]],
    );
  }

  function roleQ(): NCase | null {
    const v = voice();
    const rq = pick(ROLE_QS);
    const people = PEOPLE_OF[rq.town].filter((p) => p.roles.includes(rq.role)).map((p) => p.name);
    if (people.length === 0) return null;
    const l = lab(v, rq.town);
    const body = fill(pick(rq.q[v]), l);
    const q =
      v === 'quest'
        ? pick([`Quest giver lookup: ${body}?`, `Journal note — ${body}?`])
        : v === 'clerk'
          ? pick([`For the ledger's names column: ${body}?`, `Whose name goes on the books — ${body}?`])
          : `${body}?`;
    return mk('role', v, q, people.join(', '), (a) => all(...people.map((p) => names(a, nameKey(p)))));
  }

  // ================================================================ yes or no

  function didQ(): NCase | null {
    const v = voice();
    const r = rnd();
    if (r < 0.3) {
      const town = pick(TOWNS);
      const s = single();
      const yes = readings(town, 'rain_mm', s).some((x) => x > 0);
      const l = lab(v, town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: ['Log check: did it rain {at} {t}?', 'Quest flag: any rain {at} {t}? Yes or no.'],
          clerk: ['Is there any rain on the books {at} {t}?'],
          phone: ['did it rain {at} {t}', 'any rain {at} {t}?'],
        },
        { at: l.at, t },
      );
      return mk('did', v, q, yes ? 'yes' : 'no', (a) => saysYes(a, yes));
    }
    if (r < 0.45) {
      const s = single();
      const yes = evs('den-of-thieves', 'raid', s, (e) => num(e, 'raid_gold') > 0).length > 0;
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: ['Log check: did the pirates pull off a raid {t}?'],
          clerk: ['Is any raid gold credited to the Den {t}?'],
          phone: ['did the pirates raid anything {t}', 'any pirate raid {t}?'],
        },
        { t },
      );
      return mk('did', v, q, yes ? 'yes' : 'no', (a) => saysYes(a, yes));
    }
    if (r < 0.75) {
      const o = pick(general);
      const s = multi(2);
      const val = total(o, s);
      if (val <= 0) return null;
      const x = nice(val * (chance(0.5) ? 0.85 : 1.15));
      if (x <= 0 || Math.abs(x - val) / val < 0.05) return null;
      const yes = val > x;
      const X = String(x);
      const np = fill(pick(o.np[v]), lab(v, o.town));
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: [
            'Quest flag: did {np} top {X} {t}? Yes or no.',
            'Log check: was the total of {np} {t} over {X}?',
          ],
          clerk: ['Do the books show more than {X} in total for {np} {t}?'],
          phone: ['did {np} go over {X} {t}', 'over {X} {np} {t}? yes or no'],
        },
        { np, X, t },
      );
      return mk(
        'did',
        v,
        q,
        `${yes ? 'yes' : 'no'}: ${fmt(val, o.dec)} against ${X} (${o.id}, ${s.tag})`,
        (a) => saysYes(a, yes),
      );
    }
    if (r < 0.87) {
      const town = pick(['port-logic', 'den-of-thieves'] as const);
      const s = multi(5);
      const yes = evs(town, 'sensor', s, flag('storm')).length > 0;
      const l = lab(v, town);
      const t = pick(s.say[v]);
      const q = tpl(
        v,
        {
          quest: ['Quest flag: was there a storm {at} {t}?'],
          clerk: ['Is any storm entered {at} {t}?'],
          phone: ['any storms {at} {t}?', 'was there a storm {at} {t}'],
        },
        { at: l.at, t },
      );
      return mk('did', v, q, yes ? 'yes' : 'no', (a) => saysYes(a, yes));
    }
    const rd = pick(READS.filter((x) => x.hiCmp));
    const town = pick(rd.towns);
    const A = int(1, 7);
    let B = int(1, 7);
    if (B === A) B = (A % 7) + 1;
    const ma = mean(readings(town, rd.key, week(A)));
    const mb = mean(readings(town, rd.key, week(B)));
    if (Math.abs(ma - mb) < 0.1) return null;
    const low = chance(0.4);
    const yes = low ? ma < mb : ma > mb;
    const l = lab(v, town);
    const q = tpl(
      v,
      {
        quest: ['Quest flag: was it {adj} {at} in week {A} than in week {B}?'],
        clerk: ['Did week {A} run {adj} than week {B} {at}, on the mean {noun}?'],
        phone: ['was wk {A} {adj} than wk {B} {at}'],
      },
      {
        adj: (low ? rd.loCmp : rd.hiCmp) ?? '',
        at: l.at,
        A: String(A),
        B: String(B),
        noun: pick(rd.noun[v]),
      },
    );
    return mk('did', v, q, `${yes ? 'yes' : 'no'}: week ${A} ${fmt(ma, 2)} vs week ${B} ${fmt(mb, 2)}`, (a) =>
      saysYes(a, yes),
    );
  }

  // ================================================================ the whole record, the future, correlation

  function scopeQ(): NCase | null {
    const v = voice();
    const s = whole();
    const r = rnd();
    if (r < 0.2) {
      const town = chance(0.25) ? undefined : pick(TOWNS);
      const val = round(
        (town ? [town] : TOWNS).reduce(
          (x, tw) => x + readings(tw, 'rain_mm', s).reduce((p, q) => p + q, 0),
          0,
        ),
        1,
      );
      const where = town
        ? lab(v, town).at
        : v === 'phone'
          ? 'across all 4 towns'
          : 'across all four towns together';
      const q = tpl(
        v,
        {
          quest: ['Log check: how much rain has fallen {w} since the log began?'],
          clerk: ['What is the all-time rainfall on the books {w}?'],
          phone: ['total rain {w} all time', 'how much rain ever {w}'],
        },
        { w: where },
      );
      return mk(
        'scope',
        v,
        q,
        `${fmt(val, 1)} mm (${town ?? 'all towns'}, days 1–${N})`,
        (a) => states(a, val, 1),
        [[val, 1]],
      );
    }
    if (r < 0.3) {
      const n = evs('den-of-thieves', 'raid', s, (e) => num(e, 'raid_gold') > 0).length;
      const q = tpl(
        v,
        {
          quest: ['Log check: how many raids have the pirates pulled off since the log began?'],
          clerk: ['How many raids that took gold are on the Den’s books to date?'],
          phone: ['how many raids have the pirates done total', 'total pirate raids ever'],
        },
        {},
      );
      return mk('scope', v, q, `${n} raids (days 1–${N})`, (a) => states(a, n, 0), [[n, 0]]);
    }
    const o = pick([...general, ...LOSSES, OVERSEAS_SALES]);
    if (!okOut(o, s)) return null;
    const val = total(o, s);
    if (val === 0) return null;
    const np = fill(pick(o.np[v]), lab(v, o.town));
    const q = tpl(
      v,
      {
        quest: ['Log check: total {np} since the log began?', 'Objective: the all-time tally of {np}.'],
        clerk: ["What's the all-time tally of {np} on the books?", 'Total {np} to date?'],
        phone: ['total {np} all time', 'how {many} {np} ever'],
      },
      { np, many: many(o) },
    );
    return mk(
      'scope',
      v,
      q,
      `${fmt(val, o.dec)} ${o.unit} (${o.id}, days 1–${N})`,
      (a) => states(a, val, o.dec),
      [[val, o.dec]],
    );
  }

  function futureQ(): NCase | null {
    const v = voice();
    const o = pick(general);
    const np = fill(pick(o.np[v]), lab(v, o.town));
    const D = int(450, 999);
    const q = tpl(
      v,
      {
        quest: [
          'Objective for tomorrow: how {many} {np} will there be?',
          'Log check: total {np} on day {D}?',
          'Future quest: the tally of {np} next week?',
        ],
        clerk: [
          "What will next week's ledger show for {np}?",
          'Project the tally of {np} for day {D}.',
          'What will tomorrow’s entries show for {np}?',
        ],
        phone: ['how {many} {np} tmrw', '{np} next wk?', '{np} on day {D}?'],
      },
      { np, D: String(D), many: many(o) },
    );
    return mk('future', v, q, 'not yet happened', (a) => saysNotYet(a));
  }

  interface Series {
    say: (v: Voice, l: Label) => string;
    town: Town;
    of: (s: Span) => Map<number, number>;
    id: string;
  }
  const outSeries = (o: Out): Series => ({
    id: `daily ${o.id}`,
    town: o.town,
    say: (v, l) => (v === 'phone' ? `${fill(pick(o.np[v]), l)} per day` : `daily ${fill(pick(o.np[v]), l)}`),
    of: (s) => dailyOut(o, s),
  });
  const readSeries = (town: Town, key: string, noun: string): Series => ({
    id: `daily mean ${key}`,
    town,
    say: (v) => (v === 'phone' ? `avg ${noun} that day` : `that day's average ${noun}`),
    of: (s) => dailyMean(town, key, s),
  });
  const byId = (id: string) => OUTS.find((o) => o.id === id) as Out;
  const PAIRS: readonly [Series, Series][] = [
    [outSeries(byId('fish')), readSeries('port-logic', 'wind_kph', 'wind speed')],
    [outSeries(byId('fish')), readSeries('port-logic', 'temperature_c', 'temperature')],
    [outSeries(byId('drinks')), readSeries('den-of-thieves', 'temperature_c', 'temperature')],
    [outSeries(byId('flour')), readSeries('patchbourough', 'river_level_m', 'river level')],
    [outSeries(byId('harvest')), readSeries('patchbourough', 'temperature_c', 'temperature')],
    [
      outSeries(byId('ore')),
      {
        id: 'daily rain',
        town: 'circuiton',
        say: (v) => (v === 'phone' ? 'rain that day' : "that day's rainfall"),
        of: (s) => dailyRain('circuiton', s),
      },
    ],
  ];
  function correlateQ(): NCase | null {
    const v = voice();
    const [x, y] = pick(PAIRS);
    const s = (() => {
      const r = rnd();
      if (r < 0.3) return lastMonth();
      if (r < 0.55) return thisMonth();
      if (r < 0.75) return whole();
      const a = int(1, 25);
      return range(a, Math.min(55, a + int(14, 29)));
    })();
    const rr = pearson(x.of(s), y.of(s));
    if (!Number.isFinite(rr) || round(rr, 2) === 0) return null;
    const l = lab(v, x.town);
    const t = pick(s.say[v]);
    const q = tpl(
      v,
      {
        quest: [
          "Log check: {t}, how closely did {a} track {b}? Give Pearson's r.",
          'Objective: find the correlation (Pearson r) between {a} and {b} {t}.',
        ],
        clerk: ['What is the correlation coefficient between {a} and {b} {t}, as Pearson r?'],
        phone: ['correlation {a} vs {b} {t}? r', 'pearson r {a} and {b} {t}'],
      },
      { a: x.say(v, l), b: y.say(v, l), t },
    );
    return mk(
      'correlate',
      v,
      q,
      `r = ${fmt(rr, 3)} (${x.id} vs ${y.id}, ${s.tag})`,
      (a) => states(a, rr, 2),
      [[rr, 2]],
    );
  }

  // ================================================================ the quotas

  quota(35, () => (chance(0.55) ? bestWorstOut() : bestWorstRead()));
  quota(21, eventMax);
  quota(8, () => readingOne(true));
  quota(7, () => readingOne(false));
  quota(35, daysCounted);
  quota(30, compare);
  quota(15, () => twoThings(false));
  quota(5, () => twoThings(true));
  quota(25, whichDay);
  quota(15, trend);
  quota(21, totalQ);
  quota(21, meanQ);
  quota(15, countQ);
  quota(12, whichTown);
  quota(15, filterQ);
  quota(8, whoQ);
  quota(4, roleQ);
  quota(10, didQ);
  quota(8, scopeQ);
  quota(6, futureQ);
  quota(4, correlateQ);

  // ================================================================ typos: about one question in eight

  const want = Math.round(cases.length / 8);
  const order = cases.map((_, i) => i).sort(() => rnd() - 0.5);
  let typos = 0;
  for (const i of order) {
    if (typos >= want) break;
    const c = cases[i] as NCase;
    const words = [...c.question.matchAll(/[A-Za-z]+/g)].filter((m) => TYPO_WORDS.has(m[0].toLowerCase()));
    if (words.length === 0) continue;
    const m = pick(words);
    const w = m[0];
    if (w.length < 4) continue;
    const op = int(0, 2);
    const p = int(1, w.length - 2);
    const bad =
      op === 0
        ? w.slice(0, p) + (w[p + 1] ?? '') + (w[p] ?? '') + w.slice(p + 2)
        : op === 1
          ? w.slice(0, p) + w.slice(p + 1)
          : w.slice(0, p) + (w[p] ?? '') + w.slice(p);
    if (bad === w || REAL.has(bad.toLowerCase())) continue;
    const question = c.question.slice(0, m.index) + bad + c.question.slice((m.index ?? 0) + w.length);
    if (seen.has(question)) continue;
    seen.delete(c.question);
    seen.add(question);
    cases[i] = { ...c, question, typo: `${w} → ${bad}` };
    typos++;
  }
  return cases;
}

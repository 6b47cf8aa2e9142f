/**
 * A development set written from the world definition and eval/CONVENTIONS.md alone, without
 * reading the planner or the other sets' questions, in three voices: a project manager asking for
 * status-report figures ("Give me the count of days in week 4 where…"), a bard composing a song who
 * asks with flowery lead-ins ("Sing to me of the greatest haul…"), and a learner of English whose
 * questions slip on word order, articles and verb forms ("Which day port logic catched most fishes
 * in the week 2?"). Every truth is computed here from the raw events.
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

type Voice = 'pm' | 'bard' | 'learn';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const SENDERS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton'];

// ---------------------------------------------------------------- a seeded generator

/** splitmix32: a small generator, seeded per history. */
function splitmix(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

/** A hash of the history: its length and every 61st event. */
function historyHash(events: readonly RawEvent[]): number {
  let h = 0x811c9dc5 ^ events.length;
  for (let i = 0; i < events.length; i += 61) {
    const e = events[i] as RawEvent;
    const s = `${e.town}/${e.kind}/${e.day}/${e.hour}/${e.text.length}`;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- how each voice names a town

const NAMES: Record<Voice, Record<Town, readonly string[]>> = {
  pm: {
    'port-logic': ['Port Logic', 'Port Logic', 'the port'],
    patchbourough: ['PatchBourough', 'PatchBourough', 'the farms'],
    circuiton: ['Circuiton', 'Circuiton', 'the mines'],
    'den-of-thieves': ['the Den of Thieves', 'the Den'],
  },
  bard: {
    'port-logic': ['Port Logic', 'the harbour', 'the fishing town'],
    patchbourough: ['PatchBourough', 'the river farms', 'the farmlands'],
    circuiton: ['Circuiton', 'the mountain town', 'the mines'],
    'den-of-thieves': ['the Den of Thieves', "the pirates' island", 'the Den'],
  },
  learn: {
    'port-logic': ['port logic', 'Port Logic', 'harbour'],
    patchbourough: ['Patchbourough', 'patchbourough', 'farm town'],
    circuiton: ['circuiton', 'Circuiton', 'mining town'],
    'den-of-thieves': ['den of thieves', 'Den', 'island'],
  },
};

const article = (w: string) => (/^[aeiou]/i.test(w) ? 'an' : 'a');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const poss = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);

// ---------------------------------------------------------------- time

const SMALL = [
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
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];
const TENTHS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth'];

/** "twenty-third" for 23 (1 … 59). */
function ordinal(n: number): string {
  if (n < 20) return SMALL[n] as string;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? (TENTHS[t] as string) : `${TENS[t]}-${SMALL[u]}`;
}
const NUMWORD: Record<number, string> = {
  3: 'three',
  5: 'five',
  7: 'seven',
  10: 'ten',
  14: 'fourteen',
  20: 'twenty',
  30: 'thirty',
};

interface Span {
  a: number;
  b: number;
  kind: string;
  /** How each voice says it, to follow a clause ("in week 3"); '' for the whole history. */
  say: Record<Voice, string>;
  /** Days the question names (an answer may echo them). */
  named: number[];
  week?: number;
}

type SpanKind =
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

function makeSpan(rng: () => number, N: number, kind: SpanKind, fixed?: number): Span {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)] as T;
  switch (kind) {
    case 'today':
      return {
        a: N,
        b: N,
        kind,
        say: { pm: pick(['today', 'for today']), bard: pick(['this very day', 'today']), learn: 'today' },
        named: [],
      };
    case 'yesterday':
      return {
        a: N - 1,
        b: N - 1,
        kind,
        say: { pm: 'yesterday', bard: pick(['yesterday', 'on the day just gone']), learn: 'yesterday' },
        named: [],
      };
    case 'day': {
      const d = fixed ?? 1 + Math.floor(rng() * 55);
      return {
        a: d,
        b: d,
        kind,
        say: {
          pm: pick([`on day ${d}`, `for day ${d}`]),
          bard: pick([`on day ${d}`, `on the ${ordinal(d)} day`]),
          learn: pick([`in day ${d}`, `on day ${d}`, `at day ${d}`]),
        },
        named: [d],
      };
    }
    case 'between': {
      const a = 1 + Math.floor(rng() * 46);
      const b = Math.min(55, a + 4 + Math.floor(rng() * 8));
      return {
        a,
        b,
        kind,
        say: {
          pm: pick([
            `from day ${a} to day ${b}`,
            `for days ${a}-${b}`,
            `between day ${a} and day ${b}`,
            `across days ${a} through ${b}`,
          ]),
          bard: pick([`from the ${ordinal(a)} day to the ${ordinal(b)}`, `between day ${a} and day ${b}`]),
          learn: pick([`from day ${a} until day ${b}`, `between day ${a} and ${b}`, `in days ${a} to ${b}`]),
        },
        named: [a, b],
      };
    }
    case 'week': {
      const w = fixed ?? 1 + Math.floor(rng() * 7);
      return {
        a: 7 * (w - 1) + 1,
        b: 7 * w,
        kind,
        say: {
          pm: pick([`in week ${w}`, `for week ${w}`, `during week ${w}`]),
          bard: pick([`in the ${ordinal(w)} week`, `in week ${w}`]),
          learn: pick([`in the week ${w}`, `in week ${w}`, `on week ${w}`]),
        },
        named: [],
        week: w,
      };
    }
    case 'lastweek':
      return {
        a: N - 7,
        b: N - 1,
        kind,
        say: {
          pm: pick(['last week', 'for last week']),
          bard: pick(['last week', 'in the week just past']),
          learn: pick(['last week', 'in last week']),
        },
        named: [],
      };
    case 'thisweek':
      return {
        a: N - 6,
        b: N,
        kind,
        say: {
          pm: pick(['this week', 'over the past week', 'in the past seven days']),
          bard: pick(['this week', 'in these seven days past']),
          learn: pick(['this week', 'in this week']),
        },
        named: [],
      };
    case 'lastk': {
      const k = fixed ?? pick([3, 5, 10, 14, 20, 30]);
      return {
        a: N - k + 1,
        b: N,
        kind,
        say: {
          pm: pick([`in the last ${k} days`, `over the last ${k} days`, `for the trailing ${k} days`]),
          bard: pick([`in the last ${NUMWORD[k] ?? k} days`, `these ${NUMWORD[k] ?? k} days past`]),
          learn: pick([`in last ${k} days`, `in the last ${k} day`]),
        },
        named: [],
      };
    }
    case 'lastmonth':
      return {
        a: N - 30,
        b: N - 1,
        kind,
        say: {
          pm: pick(['last month', 'for last month']),
          bard: pick(['last month', 'in the month just past']),
          learn: pick(['last month', 'in last month']),
        },
        named: [],
      };
    case 'thismonth':
      return {
        a: N - 29,
        b: N,
        kind,
        say: {
          pm: pick(['this month', 'over the past 30 days']),
          bard: pick(['this month', 'in the past thirty days']),
          learn: pick(['this month', 'in this month']),
        },
        named: [],
      };
    default:
      return {
        a: 1,
        b: N,
        kind: 'whole',
        say: {
          pm: pick(['', '', 'to date', 'so far', 'over the whole record']),
          bard: pick([
            '',
            'in all the days of the chronicle',
            'since the chronicle began',
            'in all the days yet sung',
          ]),
          learn: pick(['', 'in all time', 'until now', 'in whole history']),
        },
        named: [],
      };
  }
}

/** Spans of several days, and spans of at least a week. */
const WIDE: readonly SpanKind[] = [
  'between',
  'week',
  'week',
  'lastweek',
  'thisweek',
  'lastk',
  'lastmonth',
  'thismonth',
  'whole',
];
const LONG: readonly SpanKind[] = [
  'week',
  'lastweek',
  'thisweek',
  'lastk',
  'lastmonth',
  'thismonth',
  'whole',
];
const SHORT: readonly SpanKind[] = ['between', 'week', 'week', 'lastweek', 'thisweek', 'lastk'];
const ANY: readonly SpanKind[] = ['today', 'yesterday', 'day', ...WIDE];

// ---------------------------------------------------------------- the outputs (summed)

type P = (n: string) => string;
type PX = (n: string, x: string) => string;

interface Output {
  id: string;
  town: Town;
  kind: string;
  key: string;
  dec: number;
  /** The unit an answer states ("fish", "tons of ore"). */
  unit: string;
  /** Which events of the kind count (the town's own sales, its robberies …). */
  test?: (e: RawEvent) => boolean;
  /** The events' town, when it is not the town named (a robbery is recorded by the robbed town). */
  what: P;
  how: P;
  learnHow: P;
  most: P;
  least: P;
  learnMost: P;
  learnLeast: P;
  more: P;
  learnMore: P;
  song: P;
  over: PX;
  learnOver: PX;
  songOver: PX;
  /** One event: "catch", "shift", "raid". */
  one: string;
  /** "haul", "shift underground": the bard's word for one event. */
  oneSong: string;
  /** The mean per event makes sense to ask ("per trip"). */
  per?: string;
  /** Who did it: the actors compared, and how each voice asks. */
  who?: { pm: string; bard: string; learn: string };
  /** Thresholds for a day's total are rounded to this step. */
  step: number;
}

const OUTPUTS: readonly Output[] = [
  {
    id: 'fish',
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    unit: 'fish',
    what: (n) => `fish caught at ${n}`,
    how: (n) => `how many fish did ${n} catch`,
    learnHow: (n) => `how many fishes ${n} catched`,
    most: (n) => `did ${n} catch the most fish`,
    least: (n) => `did ${n} catch the fewest fish`,
    learnMost: (n) => `${n} catched most fishes`,
    learnLeast: (n) => `${n} catched the less fishes`,
    more: (n) => `did ${n} catch more fish`,
    learnMore: (n) => `${n} catched more fishes`,
    song: (n) => `the silver catch the boats of ${n} drew from the sea`,
    over: (n, x) => `${n} caught more than ${x} fish`,
    learnOver: (n, x) => `${n} catched more than ${x} fishes`,
    songOver: (n, x) => `the nets of ${n} brought home more than ${x} fish`,
    one: 'catch',
    oneSong: 'haul of fish',
    per: 'fishing trip',
    who: {
      pm: 'which fisher caught the most fish',
      bard: 'which fisher drew the most fish from the sea',
      learn: 'which fisherman catched most fishes',
    },
    step: 100,
  },
  {
    id: 'ore',
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    unit: 'tons of ore',
    what: (n) => `ore mined at ${n}`,
    how: (n) => `how many tons of ore did ${n} mine`,
    learnHow: (n) => `how much tons of ore ${n} digged`,
    most: (n) => `did ${n} mine the most ore`,
    least: (n) => `did ${n} mine the least ore`,
    learnMost: (n) => `${n} digged most ore`,
    learnLeast: (n) => `${n} digged the less ore`,
    more: (n) => `did ${n} mine more ore`,
    learnMore: (n) => `${n} digged more ore`,
    song: (n) => `the ore the miners of ${n} tore from the mountain's heart`,
    over: (n, x) => `${n} mined more than ${x} tons of ore`,
    learnOver: (n, x) => `${n} digged more than ${x} tons ore`,
    songOver: (n, x) => `the miners of ${n} raised more than ${x} tons of ore`,
    one: 'shift',
    oneSong: 'shift underground',
    per: 'shift',
    who: {
      pm: 'which miner mined the most ore',
      bard: 'which miner hewed the most ore from the deep',
      learn: 'which miner digged most ore',
    },
    step: 0.5,
  },
  {
    id: 'harvest',
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    unit: 'lbs of grain',
    what: (n) => `grain harvested at ${n}`,
    how: (n) => `how many lbs of grain did ${n} harvest`,
    learnHow: (n) => `how much pounds of grain ${n} harvested`,
    most: (n) => `did ${n} harvest the most grain`,
    least: (n) => `did ${n} harvest the least grain`,
    learnMost: (n) => `${n} harvested most grain`,
    learnLeast: (n) => `${n} harvested the less grain`,
    more: (n) => `did ${n} harvest more grain`,
    learnMore: (n) => `${n} harvested more grain`,
    song: (n) => `the golden grain reaped from the fields of ${n}`,
    over: (n, x) => `${n} harvested more than ${x} lbs of grain`,
    learnOver: (n, x) => `${n} harvest more than ${x} pounds of grain`,
    songOver: (n, x) => `the fields of ${n} gave up more than ${x} lbs of grain`,
    one: 'harvest',
    oneSong: 'reaping',
    who: {
      pm: 'which farmer harvested the most grain',
      bard: 'which farmer reaped the most grain',
      learn: 'which farmer harvested most grain',
    },
    step: 100,
  },
  {
    id: 'flour',
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    unit: 'lbs of flour',
    what: (n) => `flour milled at ${n}`,
    how: (n) => `how many lbs of flour did the mill at ${n} grind`,
    learnHow: (n) => `how much flour the mill in ${n} maked`,
    most: (n) => `did the mill at ${n} grind the most flour`,
    least: (n) => `did the mill at ${n} grind the least flour`,
    learnMost: (n) => `the mill of ${n} maked most flour`,
    learnLeast: (n) => `the mill of ${n} maked the less flour`,
    more: (n) => `did the mill at ${n} grind more flour`,
    learnMore: (n) => `mill in ${n} maked more flour`,
    song: (n) => `the white flour the great wheel of ${n} ground`,
    over: (n, x) => `the mill at ${n} produced over ${x} lbs of flour`,
    learnOver: (n, x) => `mill in ${n} make more than ${x} pounds flour`,
    songOver: (n, x) => `the mill-wheel of ${n} ground more than ${x} lbs of flour`,
    one: 'grinding',
    oneSong: 'grinding of the stones',
    per: 'grinding',
    step: 100,
  },
  {
    id: 'tools',
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    unit: 'tools',
    what: (n) => `tools forged at ${n}`,
    how: (n) => `how many tools did the forge at ${n} make`,
    learnHow: (n) => `how many tool the forge in ${n} maked`,
    most: (n) => `did the forge at ${n} make the most tools`,
    least: (n) => `did the forge at ${n} make the fewest tools`,
    learnMost: (n) => `the forge of ${n} maked most tools`,
    learnLeast: (n) => `the forge of ${n} maked less tools`,
    more: (n) => `did the forge at ${n} make more tools`,
    learnMore: (n) => `forge in ${n} maked more tools`,
    song: (n) => `the tools hammered out at the forge of ${n}`,
    over: (n, x) => `the forge at ${n} made more than ${x} tools`,
    learnOver: (n, x) => `forge in ${n} make more than ${x} tools`,
    songOver: (n, x) => `the smith of ${n} hammered out more than ${x} tools`,
    one: 'forging',
    oneSong: 'firing',
    step: 5,
  },
  {
    id: 'nets',
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    unit: 'nets',
    what: (n) => `nets made at ${n}`,
    how: (n) => `how many nets did the loft at ${n} make`,
    learnHow: (n) => `how many net the loft in ${n} maked`,
    most: (n) => `did the net loft at ${n} make the most nets`,
    least: (n) => `did the net loft at ${n} make the fewest nets`,
    learnMost: (n) => `the loft of ${n} maked most nets`,
    learnLeast: (n) => `the loft of ${n} maked less nets`,
    more: (n) => `did the loft at ${n} make more nets`,
    learnMore: (n) => `loft in ${n} maked more nets`,
    song: (n) => `the nets knotted in the loft of ${n}`,
    over: (n, x) => `the loft at ${n} made more than ${x} nets`,
    learnOver: (n, x) => `loft in ${n} make more than ${x} net`,
    songOver: (n, x) => `the net makers of ${n} knotted more than ${x} nets`,
    one: 'batch of nets',
    oneSong: 'batch of nets',
    who: {
      pm: 'which net maker made the most nets',
      bard: 'whose hands knotted the most nets',
      learn: 'who of net makers maked most nets',
    },
    step: 5,
  },
  {
    id: 'ropes',
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    unit: 'ropes',
    what: (n) => `ropes made at ${n}`,
    how: (n) => `how many ropes did the loft at ${n} twist`,
    learnHow: (n) => `how many rope ${n} maked`,
    most: (n) => `did the loft at ${n} make the most ropes`,
    least: (n) => `did the loft at ${n} make the fewest ropes`,
    learnMost: (n) => `${n} maked most ropes`,
    learnLeast: (n) => `${n} maked less ropes`,
    more: (n) => `did the loft at ${n} make more ropes`,
    learnMore: (n) => `${n} maked more ropes`,
    song: (n) => `the ropes twisted in the loft of ${n}`,
    over: (n, x) => `the loft at ${n} made more than ${x} ropes`,
    learnOver: (n, x) => `${n} make more than ${x} rope`,
    songOver: (n, x) => `the rope makers of ${n} twisted more than ${x} ropes`,
    one: 'batch of ropes',
    oneSong: 'coil of ropes',
    step: 10,
  },
  {
    id: 'trinkets',
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    unit: 'trinkets',
    what: (n) => `trinkets made in the workshop at ${n}`,
    how: (n) => `how many trinkets did John make at ${n}`,
    learnHow: (n) => `how many trinket John maked in ${n}`,
    most: (n) => `did John make the most trinkets at ${n}`,
    least: (n) => `did John make the fewest trinkets at ${n}`,
    learnMost: (n) => `John in ${n} maked most trinkets`,
    learnLeast: (n) => `John in ${n} maked less trinkets`,
    more: (n) => `did John make more trinkets at ${n}`,
    learnMore: (n) => `John maked more trinkets in ${n}`,
    song: (n) => `the trinkets young John fashioned at ${n}`,
    over: (n, x) => `John made more than ${x} trinkets at ${n}`,
    learnOver: (n, x) => `John make more than ${x} trinket in ${n}`,
    songOver: (n, x) => `young John of ${n} shaped more than ${x} trinkets`,
    one: 'batch of trinkets',
    oneSong: 'sitting at the bench',
    per: 'batch',
    step: 5,
  },
  {
    id: 'learned',
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    unit: 'pupils',
    what: (n) => `pupils who learned a craft at the Academy in ${n}`,
    how: (n) => `how many pupils learned a craft at the Academy in ${n}`,
    learnHow: (n) => `how many pupil learned a craft in academy of ${n}`,
    most: (n) => `did the most pupils learn a craft at the Academy in ${n}`,
    least: (n) => `did the fewest pupils learn a craft at the Academy in ${n}`,
    learnMost: (n) => `most pupils learned craft in academy of ${n}`,
    learnLeast: (n) => `less pupils learned craft in academy of ${n}`,
    more: (n) => `did more pupils learn a craft at the Academy in ${n}`,
    learnMore: (n) => `more pupils learned craft in academy of ${n}`,
    song: (n) => `the pupils who mastered a craft at the Academy of ${n}`,
    over: (n, x) => `more than ${x} pupils learned a craft at the Academy in ${n}`,
    learnOver: (n, x) => `more than ${x} pupil learned craft in academy of ${n}`,
    songOver: (n, x) => `more than ${x} pupils mastered a craft at the Academy of ${n}`,
    one: 'lesson',
    oneSong: 'lesson',
    who: {
      pm: 'which teacher had the most pupils learn a craft',
      bard: 'which teacher of the Academy taught the most pupils a craft',
      learn: 'which teacher teached most pupils a craft',
    },
    step: 2,
  },
  {
    id: 'drinks',
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    unit: 'drinks',
    what: (n) => `drinks poured at ${n}`,
    how: (n) => `how many drinks were poured at ${n}`,
    learnHow: (n) => `how many drinks was poured in ${n}`,
    most: (n) => `were the most drinks poured at ${n}`,
    least: (n) => `were the fewest drinks poured at ${n}`,
    learnMost: (n) => `the tavern in ${n} poured most drinks`,
    learnLeast: (n) => `the tavern in ${n} poured less drinks`,
    more: (n) => `were more drinks poured at ${n}`,
    learnMore: (n) => `tavern in ${n} poured more drinks`,
    song: (n) => `the rum and grog that flowed in the tavern of ${n}`,
    over: (n, x) => `more than ${x} drinks were poured at ${n}`,
    learnOver: (n, x) => `tavern in ${n} poured more than ${x} drinks`,
    songOver: (n, x) => `the tavern of ${n} poured more than ${x} drinks`,
    one: 'sitting',
    oneSong: 'round',
    step: 10,
  },
  {
    id: 'arrows',
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    unit: 'arrows',
    what: (n) => `arrows made at ${n}`,
    how: (n) => `how many arrows did the fletcher at ${n} make`,
    learnHow: (n) => `how many arrow the fletcher of ${n} maked`,
    most: (n) => `did the fletcher at ${n} make the most arrows`,
    least: (n) => `did the fletcher at ${n} make the fewest arrows`,
    learnMost: (n) => `fletcher in ${n} maked most arrows`,
    learnLeast: (n) => `fletcher in ${n} maked less arrows`,
    more: (n) => `did the fletcher at ${n} make more arrows`,
    learnMore: (n) => `fletcher of ${n} maked more arrows`,
    song: (n) => `the arrows fletched at ${n}`,
    over: (n, x) => `the fletcher at ${n} made more than ${x} arrows`,
    learnOver: (n, x) => `fletcher in ${n} make more than ${x} arrow`,
    songOver: (n, x) => `the fletcher of ${n} fletched more than ${x} arrows`,
    one: 'batch of arrows',
    oneSong: 'sheaf of arrows',
    step: 10,
  },
  {
    id: 'raid',
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    unit: 'gold',
    what: () => 'gold taken by the pirates in raids',
    how: () => 'how much gold did the pirates take in raids',
    learnHow: () => 'how much gold the pirates taked in raids',
    most: () => 'did the pirates take the most gold in raids',
    least: () => 'did the pirates take the least gold in raids',
    learnMost: () => 'the pirates taked most gold',
    learnLeast: () => 'the pirates taked the less gold',
    more: () => 'did the pirates take more gold in raids',
    learnMore: () => 'pirates taked more gold',
    song: () => 'the plunder the Black Gull carried home',
    over: (_n, x) => `the pirates took more than ${x} gold in raids`,
    learnOver: (_n, x) => `the pirates taked more than ${x} gold`,
    songOver: (_n, x) => `the plunder of the Black Gull passed ${x} gold`,
    one: 'raid',
    oneSong: 'raid',
    per: 'raid that took gold',
    step: 100,
  },
  ...(['patchbourough', 'circuiton'] as Town[]).map(
    (t): Output => ({
      id: `sales-${t}`,
      town: t,
      kind: 'trade',
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      test: (e) => e.data.from === t,
      what: (n) => `gold ${n} earned from its sales`,
      how: (n) => `how much gold did ${n} earn from sales`,
      learnHow: (n) => `how much gold ${n} earned by selling`,
      most: (n) => `did ${n} earn the most gold from sales`,
      least: (n) => `did ${n} earn the least gold from sales`,
      learnMost: (n) => `${n} earned most gold by selling`,
      learnLeast: (n) => `${n} earned the less gold by selling`,
      more: (n) => `did ${n} earn more gold from sales`,
      learnMore: (n) => `${n} earned more gold by selling`,
      song: (n) => `the gold the traders of ${n} won by selling their goods`,
      over: (n, x) => `${n} earned more than ${x} gold from sales`,
      learnOver: (n, x) => `${n} earned more than ${x} gold by sell`,
      songOver: (n, x) => `the traders of ${n} won more than ${x} gold`,
      one: 'sale',
      oneSong: 'bargain',
      step: 100,
    }),
  ),
  ...SENDERS.map(
    (t): Output => ({
      id: `loss-${t}`,
      town: t,
      kind: 'loss',
      key: 'loot_gold',
      dec: 0,
      unit: 'gold',
      test: (e) => e.data.target === t,
      what: (n) => `gold ${n} lost to the pirates`,
      how: (n) => `how much gold did ${n} lose to the pirates`,
      learnHow: (n) => `how much gold ${n} losed to pirates`,
      most: (n) => `did ${n} lose the most gold to the pirates`,
      least: (n) => `did ${n} lose the least gold to the pirates`,
      learnMost: (n) => `${n} losed most gold to pirates`,
      learnLeast: (n) => `${n} losed the less gold to pirates`,
      more: (n) => `did ${n} lose more gold to the pirates`,
      learnMore: (n) => `${n} losed more gold to pirates`,
      song: (n) => `the gold the pirates stripped from the cargoes of ${n}`,
      over: (n, x) => `${n} lost more than ${x} gold to the pirates`,
      learnOver: (n, x) => `${n} losed more than ${x} gold to pirates`,
      songOver: (n, x) => `the pirates stole more than ${x} gold from ${n}`,
      one: 'robbery',
      oneSong: 'robbery',
      step: 100,
    }),
  ),
];

/** The outputs most worth asking about, weighted (their main numbers come up more). */
const MAIN_OUTPUTS = [
  'fish',
  'fish',
  'fish',
  'ore',
  'ore',
  'ore',
  'harvest',
  'harvest',
  'flour',
  'flour',
  'tools',
  'nets',
  'ropes',
  'trinkets',
  'learned',
  'drinks',
  'drinks',
  'arrows',
  'raid',
  'raid',
  'raid',
  'sales-patchbourough',
  'sales-circuiton',
  'loss-port-logic',
  'loss-patchbourough',
  'loss-circuiton',
];

// ---------------------------------------------------------------- the readings (averaged)

interface Reading {
  key: string;
  dec: number;
  unit: string;
  only?: Town;
  label: string;
  /** "the hottest day", by the day's mean. */
  hiDay: string;
  loDay: string;
  learnHiDay: string;
  learnLoDay: string;
  songHiDay: string;
  songLoDay: string;
  /** One reading at its highest / lowest. */
  hiRead: string;
  loRead: string;
  learnHiRead: string;
  learnLoRead: string;
  songHiRead: string;
  songLoRead: string;
  /** "warmer" / "colder" */
  more: string;
  less: string;
  learnMore: string;
  songNoun: string;
  step: number;
}

const READINGS: readonly Reading[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    label: 'temperature',
    hiDay: 'the hottest day',
    loDay: 'the coldest day',
    learnHiDay: 'most hot day',
    learnLoDay: 'most cold day',
    songHiDay: 'the day the sun blazed hottest',
    songLoDay: 'the day the frost bit deepest',
    hiRead: 'the highest temperature reading',
    loRead: 'the lowest temperature reading',
    learnHiRead: 'the most high temperature',
    learnLoRead: 'the most low temperature',
    songHiRead: 'the fiercest heat the glass showed',
    songLoRead: 'the bitterest cold the glass showed',
    more: 'warmer',
    less: 'colder',
    learnMore: 'more warm',
    songNoun: 'the warmth of the air',
    step: 1,
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    label: 'wind speed',
    hiDay: 'the windiest day',
    loDay: 'the calmest day',
    learnHiDay: 'most windy day',
    learnLoDay: 'most calm day',
    songHiDay: 'the day the winds raged wildest',
    songLoDay: 'the stillest day, when hardly a breeze stirred',
    hiRead: 'the strongest wind reading',
    loRead: 'the lowest wind reading',
    learnHiRead: 'the most strong wind',
    learnLoRead: 'the most weak wind',
    songHiRead: 'the wildest gust that struck',
    songLoRead: 'the faintest wind the vane recorded',
    more: 'windier',
    less: 'calmer',
    learnMore: 'more windy',
    songNoun: 'the strength of the wind',
    step: 5,
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    label: 'air pressure',
    hiDay: 'the day with the highest average air pressure',
    loDay: 'the day with the lowest average air pressure',
    learnHiDay: 'the day of most high air pressure',
    learnLoDay: 'the day of most low air pressure',
    songHiDay: 'the day the air pressed heaviest',
    songLoDay: 'the day the barometer sank lowest',
    hiRead: 'the highest air pressure reading',
    loRead: 'the lowest air pressure reading',
    learnHiRead: 'the most high air pressure',
    learnLoRead: 'the most low air pressure',
    songHiRead: 'the highest the barometer climbed',
    songLoRead: 'the lowest the barometer fell',
    more: 'higher in air pressure',
    less: 'lower in air pressure',
    learnMore: 'more high in pressure',
    songNoun: 'the weight of the air',
    step: 5,
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    label: 'humidity',
    hiDay: 'the most humid day',
    loDay: 'the least humid day',
    learnHiDay: 'most humid day',
    learnLoDay: 'less humid day',
    songHiDay: 'the day the air hung heaviest with damp',
    songLoDay: 'the driest-aired day',
    hiRead: 'the highest humidity reading',
    loRead: 'the lowest humidity reading',
    learnHiRead: 'the most high humidity',
    learnLoRead: 'the most low humidity',
    songHiRead: 'the dampest the air grew',
    songLoRead: 'the driest the air grew',
    more: 'more humid',
    less: 'less humid',
    learnMore: 'more humid',
    songNoun: 'the damp of the air',
    step: 5,
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    only: 'port-logic',
    label: 'tide',
    hiDay: 'the day with the highest average tide',
    loDay: 'the day with the lowest average tide',
    learnHiDay: 'the day of most high tide in average',
    learnLoDay: 'the day of most low tide in average',
    songHiDay: 'the day whose tides, taken together, stood highest',
    songLoDay: 'the day whose tides, taken together, sank lowest',
    hiRead: 'the highest tide reading',
    loRead: 'the lowest tide reading',
    learnHiRead: 'the most high tide',
    learnLoRead: 'the most low tide',
    songHiRead: 'the highest the tide climbed the harbour wall',
    songLoRead: 'the lowest the tide ebbed',
    more: 'higher in tide',
    less: 'lower in tide',
    learnMore: 'more high in tide',
    songNoun: 'the height of the tide',
    step: 0.5,
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    only: 'patchbourough',
    label: 'river level',
    hiDay: 'the day with the highest average river level',
    loDay: 'the day with the lowest average river level',
    learnHiDay: 'the day of most high river',
    learnLoDay: 'the day of most low river',
    songHiDay: 'the day the river ran highest',
    songLoDay: 'the day the river ran lowest',
    hiRead: 'the highest river level reading',
    loRead: 'the lowest river level reading',
    learnHiRead: 'the most high level of river',
    learnLoRead: 'the most low level of river',
    songHiRead: 'the highest the river rose',
    songLoRead: 'the lowest the river sank',
    more: 'higher in river level',
    less: 'lower in river level',
    learnMore: 'more high in river',
    songNoun: 'the height of the river',
    step: 0.25,
  },
];

// ---------------------------------------------------------------- things that happen on a day

const num = (e: RawEvent, k: string): number | undefined => {
  const v = e.data[k];
  return typeof v === 'number' ? v : undefined;
};
const flag = (e: RawEvent, k: string) => e.data[k] === 1;

interface Happening {
  id: string;
  town: Town;
  test: (e: RawEvent) => boolean;
  /** A clause in each voice, with the town's name as that voice says it. */
  pm: P;
  bard: P;
  learn: P;
  /** For counting events: "how many raids took gold" (pm), with the town's name. */
  count?: { pm: P; bard: P; learn: P; unit: string };
}

const HAPPENINGS: readonly Happening[] = [
  ...TOWNS.map(
    (t): Happening => ({
      id: `rain-${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && (num(e, 'rain_mm') ?? 0) > 0,
      pm: (n) => `it rained at ${n}`,
      bard: (n) => `rain fell on ${n}`,
      learn: (n) => `it was rain in ${n}`,
      count: {
        pm: (n) => `how many weather readings at ${n} recorded rain`,
        bard: (n) => `how many times the rain gauge of ${n} caught falling rain`,
        learn: (n) => `how many times the rain was measured in ${n}`,
        unit: 'rainy readings',
      },
    }),
  ),
  ...TOWNS.map(
    (t): Happening => ({
      id: `storm-${t}`,
      town: t,
      test: (e) => e.town === t && e.kind === 'sensor' && flag(e, 'storm'),
      pm: (n) => `a storm was logged at ${n}`,
      bard: (n) => `a storm raged over ${n}`,
      learn: (n) => `there was storm in ${n}`,
      count: {
        pm: (n) => `how many storm readings did the weather station at ${n} log`,
        bard: (n) => `how many times the storm warning sounded at ${n}`,
        learn: (n) => `how many storm readings was in ${n}`,
        unit: 'storm readings',
      },
    }),
  ),
  ...SENDERS.map(
    (t): Happening => ({
      id: `robbed-${t}`,
      town: t,
      test: (e) => e.kind === 'loss' && e.data.target === t,
      pm: (n) => `a shipment of ${poss(n)} was robbed`,
      bard: (n) => `the pirates plundered a cargo of ${poss(n)}`,
      learn: (n) => `pirates robbed a shipment of ${n}`,
      count: {
        pm: (n) => `how many times were ${poss(n)} shipments robbed`,
        bard: (n) => `how many cargoes of ${n} the pirates plundered`,
        learn: (n) => `how many times shipments of ${n} was robbed`,
        unit: 'robberies',
      },
    }),
  ),
  ...SENDERS.map(
    (t): Happening => ({
      id: `arrival-${t}`,
      town: t,
      test: (e) => e.kind === 'arrival' && e.town === t,
      pm: (n) => `a shipment arrived at ${n}`,
      bard: (n) => `a laden cargo reached ${n}`,
      learn: (n) => `a shipment arrive to ${n}`,
      count: {
        pm: (n) => `how many shipments arrived at ${n}`,
        bard: (n) => `how many laden cargoes reached ${n}`,
        learn: (n) => `how many shipment arrived to ${n}`,
        unit: 'arrivals',
      },
    }),
  ),
  {
    id: 'raid',
    town: 'den-of-thieves',
    test: (e) => e.kind === 'raid' && (num(e, 'raid_gold') ?? 0) > 0,
    pm: () => 'the pirates came back from a raid with gold',
    bard: () => 'the Black Gull came home heavy with plunder',
    learn: () => 'the pirates was raiding and taked gold',
    count: {
      pm: () => 'how many raids brought the pirates gold',
      bard: () => 'how many raids filled the pirates’ chests with gold',
      learn: () => 'how many raids with gold the pirates maked',
      unit: 'raids',
    },
  },
  {
    id: 'repair',
    town: 'den-of-thieves',
    test: (e) => e.kind === 'repair' && (num(e, 'boat_repaired') ?? 0) > 0,
    pm: () => 'the pirates repaired their ship',
    bard: () => "the bosun patched the Black Gull's hull",
    learn: () => 'the pirates was repairing their ship',
    count: {
      pm: () => 'how many times did the pirates repair their ship',
      bard: () => "how many times the bosun mended the Black Gull's hull",
      learn: () => 'how many times the pirates repaired the ship',
      unit: 'repairs',
    },
  },
  {
    id: 'flood',
    town: 'circuiton',
    test: (e) => e.town === 'circuiton' && e.kind === 'mining' && flag(e, 'flood'),
    pm: (n) => `the mine at ${n} flooded`,
    bard: (n) => `the waters drowned the deep gallery of ${n}`,
    learn: (n) => `the mine in ${n} was flood`,
    count: {
      pm: (n) => `how many mining shifts at ${n} were lost to flooding`,
      bard: (n) => `how many shifts the miners of ${n} spent bailing a flooded gallery`,
      learn: (n) => `how many shifts the mine in ${n} was flooded`,
      unit: 'flooded shifts',
    },
  },
  {
    id: 'hunger',
    town: 'circuiton',
    test: (e) => e.town === 'circuiton' && e.kind === 'mining' && flag(e, 'hunger'),
    pm: (n) => `the miners at ${n} went hungry`,
    bard: (n) => `hunger gnawed at the miners of ${n}`,
    learn: (n) => `the miners of ${n} was hungry`,
    count: {
      pm: (n) => `how many shifts at ${n} worked hungry`,
      bard: (n) => `how many shifts the miners of ${n} toiled on empty bellies`,
      learn: (n) => `how many shift the miners in ${n} was hungry`,
      unit: 'hungry shifts',
    },
  },
  {
    id: 'empty',
    town: 'port-logic',
    test: (e) => e.town === 'port-logic' && e.kind === 'fishing' && flag(e, 'empty_nets'),
    pm: (n) => `a boat at ${n} came back with empty nets`,
    bard: (n) => `a fisher of ${n} drew up empty nets`,
    learn: (n) => `a fisherman in ${n} come back with empty nets`,
  },
  {
    id: 'fine',
    town: 'port-logic',
    test: (e) => e.town === 'port-logic' && e.kind === 'fishing' && flag(e, 'fine_haul'),
    pm: (n) => `a boat at ${n} landed a fine haul`,
    bard: (n) => `a fine haul filled a boat of ${n}`,
    learn: (n) => `somebody in ${n} catched a fine haul`,
    count: {
      pm: (n) => `how many fine hauls did the boats at ${n} land`,
      bard: (n) => `how many fine hauls the fishers of ${n} brought in`,
      learn: (n) => `how many fine haul the fishermen of ${n} catched`,
      unit: 'fine hauls',
    },
  },
  {
    id: 'surplus',
    town: 'patchbourough',
    test: (e) => e.town === 'patchbourough' && e.kind === 'farming' && flag(e, 'surplus'),
    pm: (n) => `the farmers at ${n} brought in a surplus`,
    bard: (n) => `the fields of ${n} yielded a surplus`,
    learn: (n) => `the farmers of ${n} have surplus`,
  },
  {
    id: 'cold',
    town: 'patchbourough',
    test: (e) => e.town === 'patchbourough' && e.kind === 'forge' && flag(e, 'cold_forge'),
    pm: (n) => `the forge at ${n} was cold`,
    bard: (n) => `the forge-fire of ${n} lay cold`,
    learn: (n) => `the forge in ${n} was cold`,
  },
  {
    id: 'idle',
    town: 'patchbourough',
    test: (e) => e.town === 'patchbourough' && e.kind === 'mill' && flag(e, 'idle'),
    pm: (n) => `the mill at ${n} stood idle`,
    bard: (n) => `the great wheel of the mill at ${n} stood idle`,
    learn: (n) => `the mill of ${n} was idle`,
  },
  {
    id: 'bins',
    town: 'patchbourough',
    test: (e) => e.town === 'patchbourough' && e.kind === 'mill' && flag(e, 'bins_full'),
    pm: (n) => `the flour bins at ${n} were full and the mill rested`,
    bard: (n) => `the flour bins of ${n} stood full and the miller rested`,
    learn: (n) => `the flour bins in ${n} was full`,
  },
];

/** Pairs that belong together (one in two pairs is drawn from these). */
const PAIRS: readonly [string, string][] = [
  ['raid', 'storm-den-of-thieves'],
  ['rain-circuiton', 'flood'],
  ['flood', 'hunger'],
  ['rain-port-logic', 'rain-patchbourough'],
  ['rain-circuiton', 'rain-patchbourough'],
  ['rain-den-of-thieves', 'rain-port-logic'],
  ['robbed-patchbourough', 'robbed-circuiton'],
  ['robbed-port-logic', 'rain-port-logic'],
  ['cold', 'hunger'],
  ['cold', 'rain-patchbourough'],
  ['repair', 'rain-den-of-thieves'],
  ['storm-port-logic', 'empty'],
  ['fine', 'rain-port-logic'],
  ['arrival-circuiton', 'hunger'],
  ['arrival-patchbourough', 'robbed-patchbourough'],
  ['idle', 'rain-patchbourough'],
  ['surplus', 'robbed-patchbourough'],
  ['bins', 'cold'],
];

// ---------------------------------------------------------------- checks

type Check = (r: Reply) => string | null;

const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');

/** A value is within 1e-6 of a rounding edge at `d` decimals. */
function onEdge(v: number, d: number): boolean {
  const x = Math.abs(v) * 10 ** d;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
}

/** A count, or "none/no/never/zero" when it is 0. */
function statesCount(n: number): Check {
  if (n > 0) return (r) => states(r.answer, n, 0);
  return (r) =>
    states(r.answer, 0, 0) === null || /\b(none|no|never|zero|not once)\b/i.test(r.answer)
      ? null
      : 'does not say there were none';
}

/** Every day of `days` named, and no other day of a..b but those the question names; "none" when empty. */
function namesDaysExactly(days: readonly number[], a: number, b: number, named: readonly number[]): Check {
  return (r) => {
    for (const d of days) {
      const bad = namesDay(r.answer, d);
      if (bad) return bad;
    }
    const ok = new Set([...days, ...named, a, b]);
    for (let d = a; d <= b; d++)
      if (!ok.has(d) && dayRe(d).test(r.answer)) return `names day ${d}, not one of them`;
    if (days.length === 0 && !/\b(no|none|never|not|zero)\b/i.test(r.answer))
      return 'does not say there were none';
    return null;
  };
}

/** Where a label first appears in an answer (-1 when it does not). */
function firstAt(answer: string, label: RegExp | string): number {
  if (typeof label === 'string') return answer.toLowerCase().indexOf(label.toLowerCase());
  const m = label.exec(answer);
  return m ? m.index : -1;
}

/** The winner is named, before the other one when both are; both values stated. */
function winnerWithBoth(
  win: RegExp | string,
  lose: RegExp | string,
  winName: string,
  vw: number,
  vl: number,
  dec: number,
): Check {
  return (r) => {
    const w = firstAt(r.answer, win);
    const l = firstAt(r.answer, lose);
    if (w < 0) return `does not name ${winName}`;
    if (l >= 0 && l < w) return `names the other before ${winName}`;
    return all(states(r.answer, vw, dec), states(r.answer, vl, dec));
  };
}

/** The town is named before any other town. */
function townFirst(town: Town): Check {
  return (r) => {
    const bad = namesTown(r.answer, town);
    if (bad) return bad;
    const at = firstAt(r.answer, TOWN_NAMES[town] as string);
    for (const t of TOWNS) {
      if (t === town) continue;
      const o = firstAt(r.answer, TOWN_NAMES[t] as string);
      if (o >= 0 && o < at) return `names ${TOWN_NAMES[t]} before ${TOWN_NAMES[town]}`;
    }
    return null;
  };
}

const RISING = /\b(ris(e|es|ing)|rose|increas\w*|up(ward)?|climb\w*|grow\w*|grew|higher|gain\w*)\b/i;
const FALLING = /\b(fall(s|ing)?|fell|decreas\w*|down(ward)?|declin\w*|drop\w*|lower|shrink\w*|sink\w*)\b/i;

/** A signed slope, or its size with the direction in words. */
function statesSlope(v: number): Check {
  return (r) => {
    if (states(r.answer, v, 2) === null) return null;
    const words = v > 0 ? RISING : FALLING;
    if (states(r.answer, Math.abs(v), 2) === null && words.test(r.answer)) return null;
    return `does not state a slope of ${round(v, 2).toFixed(2)} a day`;
  };
}

/** A signed r, or its size called negative. */
function statesR(v: number): Check {
  return (r) => {
    if (states(r.answer, v, 2) === null) return null;
    if (v < 0 && states(r.answer, -v, 2) === null && /\b(negative|inverse)\w*/i.test(r.answer)) return null;
    return `does not state r = ${round(v, 2).toFixed(2)}`;
  };
}

// ---------------------------------------------------------------- typos

/** Nouns, verbs and town names a typo may fall in. */
const TYPO_WORDS = new Set([
  'fish',
  'fishes',
  'caught',
  'catch',
  'catched',
  'harvest',
  'harvested',
  'grain',
  'flour',
  'mill',
  'forge',
  'tools',
  'nets',
  'ropes',
  'trinkets',
  'pupils',
  'drinks',
  'poured',
  'arrows',
  'fletcher',
  'gold',
  'raid',
  'raids',
  'pirates',
  'plunder',
  'rain',
  'rained',
  'storm',
  'temperature',
  'wind',
  'pressure',
  'humidity',
  'tide',
  'river',
  'shipment',
  'shipments',
  'robbed',
  'robbery',
  'lost',
  'lose',
  'circuiton',
  'patchbourough',
  'logic',
  'harbour',
  'farms',
  'mines',
  'miners',
  'mined',
  'mine',
  'tavern',
  'flooded',
  'repaired',
  'arrived',
  'academy',
  'loft',
  'earned',
  'sales',
  'fisher',
  'miner',
  'farmer',
  'teacher',
  'readings',
  'reading',
  'weather',
]);

/** Words a typo must not make (they would change what is asked). */
const REAL_WORDS = new Set(['lots', 'tied', 'nest', 'mien', 'rads', 'ran', 'grin', 'fist', 'loin', 'sloe']);

/** One swapped, dropped or doubled letter in one such word, or nothing when none is there. */
function typoOf(q: string, rng: () => number): { question: string; typo: string } | undefined {
  const words = [...q.matchAll(/[A-Za-z]+/g)].filter(
    (m) => m[0].length >= 4 && TYPO_WORDS.has(m[0].toLowerCase()),
  );
  if (words.length === 0) return undefined;
  const m = words[Math.floor(rng() * words.length)] as RegExpMatchArray;
  const w = m[0];
  const op = Math.floor(rng() * 3);
  const i = 1 + Math.floor(rng() * (w.length - 2));
  let out: string;
  if (op === 0 && w[i] !== w[i + 1]) out = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  else if (op === 1 && w.length > 4) out = w.slice(0, i) + w.slice(i + 1);
  else out = w.slice(0, i + 1) + w[i] + w.slice(i + 1);
  if (out === w || TYPO_WORDS.has(out.toLowerCase()) || REAL_WORDS.has(out.toLowerCase())) return undefined;
  const at = m.index as number;
  return { question: q.slice(0, at) + out + q.slice(at + w.length), typo: `${w} → ${out}` };
}

/** Where one event of an output happens ("at Port Logic", "by the pirates"), after "a single catch". */
const WHERE: Record<string, P> = {
  fish: (n) => `at ${n}`,
  ore: (n) => `at ${n}`,
  harvest: (n) => `at ${n}`,
  flour: (n) => `at the mill in ${n}`,
  tools: (n) => `at the forge in ${n}`,
  nets: (n) => `at the net loft in ${n}`,
  ropes: (n) => `at the loft in ${n}`,
  trinkets: (n) => `in the workshop at ${n}`,
  learned: (n) => `at the Academy in ${n}`,
  drinks: (n) => `at the tavern in ${n}`,
  arrows: (n) => `at ${n}`,
  raid: () => 'by the pirates',
  'sales-patchbourough': (n) => `by ${n}`,
  'sales-circuiton': (n) => `by ${n}`,
  'loss-port-logic': (n) => `of ${poss(n)} shipments`,
  'loss-patchbourough': (n) => `of ${poss(n)} shipments`,
  'loss-circuiton': (n) => `of ${poss(n)} shipments`,
};

/** Two people compared: "caught more fish" (pm, bard) and the learner's "catched more fishes". */
const WHO_MORE: Record<string, { pm: string; learn: string }> = {
  fish: { pm: 'caught more fish', learn: 'catched more fishes' },
  ore: { pm: 'mined more ore', learn: 'digged more ore' },
  harvest: { pm: 'harvested more grain', learn: 'harvested more grains' },
  nets: { pm: 'made more nets', learn: 'maked more nets' },
  learned: { pm: 'had more pupils learn a craft', learn: 'teached a craft to more pupils' },
};

const ROLES: readonly {
  q: Record<Voice, readonly string[]>;
  truth: string;
  words: readonly string[];
}[] = [
  {
    q: {
      pm: ['Who runs the forge at PatchBourough?', 'Name the blacksmith at the farms, please.'],
      bard: ['Sing to me of the smith whose hammer rings at the river farms — what is his name?'],
      learn: ['Who is the blacksmith in patchbourough?', 'Who work at the forge of farm town?'],
    },
    truth: 'Garrick Stone',
    words: ['Garrick Stone'],
  },
  {
    q: {
      pm: ['Who is the miller at PatchBourough?', 'Who operates the water mill at the farms?'],
      bard: ['Who turns the great wheel of the mill by the river, O muse?'],
      learn: ['Who is working the mill in Patchbourough?'],
    },
    truth: 'Rosalind Grist',
    words: ['Rosalind Grist'],
  },
  {
    q: {
      pm: ['Who keeps the tavern at the Den of Thieves?'],
      bard: ["Whose hand pours the pirates' rum at the Den? Sing me her name."],
      learn: ['Who is pouring the drinks in Den?', 'Who is the tavern keeper of den of thieves?'],
    },
    truth: 'Greta Grog',
    words: ['Greta Grog'],
  },
  {
    q: {
      pm: ['Who captains the Black Gull?', "Who is the pirates' captain?"],
      bard: ['Sing of the captain who leads the Black Gull on her raids — who is she?'],
      learn: ['Who is captain of pirates in the Den?'],
    },
    truth: 'Captain Mara Blackwater',
    words: ['Blackwater'],
  },
  {
    q: {
      pm: ['Who teaches at the Academy in Circuiton?'],
      bard: ['Name for my song the masters who teach at the Academy of the mountain town.'],
      learn: ['Who are the teachers of academy in circuiton?'],
    },
    truth: 'Master Elden Cogsworth and Professor Tilda Gearhart',
    words: ['Cogsworth', 'Gearhart'],
  },
  {
    q: {
      pm: ["Who are the net makers in Port Logic's loft?"],
      bard: ['Who knots the nets and twists the ropes in the loft of the harbour?'],
      learn: ['Who make the nets in port logic?'],
    },
    truth: 'Maren Knot and Silas Twine',
    words: ['Maren Knot', 'Silas Twine'],
  },
  {
    q: {
      pm: ['List the miners at Circuiton.', 'Who works the mine at Circuiton?'],
      bard: ['Sing the names of the miners who delve beneath the mountain town.'],
      learn: ['Who are miners of circuiton?'],
    },
    truth: 'Ida Pike, Oskar Flint, Bruna Shale',
    words: ['Ida Pike', 'Oskar Flint', 'Bruna Shale'],
  },
  {
    q: {
      pm: ['Who makes the trinkets at Circuiton?'],
      bard: ['Who is the young apprentice who shapes trinkets in the mountain town?'],
      learn: ['Who is making trinkets in circuiton workshop?'],
    },
    truth: 'John',
    words: ['John'],
  },
  {
    q: {
      pm: ['Who is the bosun of the Black Gull?'],
      bard: ['Who keeps the Black Gull afloat with tar and curses? Name him.'],
      learn: ['Who is bosun on the pirates ship?'],
    },
    truth: 'Bosun Rook',
    words: ['Rook'],
  },
  {
    q: {
      pm: ['Who are the fishers at Port Logic?'],
      bard: ['Sing the names of the fishers who sail from the harbour.'],
      learn: ['Who is fishing in port logic? All names please.'],
    },
    truth: 'Hal Marsh, Nell Brine, Tobias Reed, Ivo Gull',
    words: ['Hal Marsh', 'Nell Brine', 'Tobias Reed', 'Ivo Gull'],
  },
  {
    q: {
      pm: ['Who does the fletching at the Den?'],
      bard: ["Who fletches the pirates' arrows on their island?"],
      learn: ['Who make arrows for the pirates?'],
    },
    truth: 'Skiv the Fletcher',
    words: ['Skiv'],
  },
  {
    q: {
      pm: ['Who are the farmers at PatchBourough?'],
      bard: ['Sing me the names of those who work the river fields of PatchBourough.'],
      learn: ['Who are working the fields in patchbourough?'],
    },
    truth: 'Ada Furrow, Piet Furrow, Wendel Hay',
    words: ['Ada Furrow', 'Piet Furrow', 'Wendel Hay'],
  },
];

// ---------------------------------------------------------------- the set

export function buildNaturalM(events: RawEvent[], today: number): Case[] {
  const N = today;
  const rng = splitmix(historyHash(events));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const chance = (p: number) => rng() < p;
  const voice = (): Voice => pick(['pm', 'bard', 'learn'] as const);
  const nm = (v: Voice, t: Town) => pick(NAMES[v][t]);
  const out = (id: string) => OUTPUTS.find((o) => o.id === id) as Output;
  const anyOutput = () => out(pick(MAIN_OUTPUTS));

  // ------------------------------------------------------------ indexes
  const byTK = new Map<string, RawEvent[]>();
  const townDays = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}|${e.kind}`;
    const l = byTK.get(k) ?? [];
    l.push(e);
    byTK.set(k, l);
    const s = townDays.get(e.town) ?? new Set<number>();
    s.add(e.day);
    townDays.set(e.town, s);
  }
  const evs = (t: string, k: string) => byTK.get(`${t}|${k}`) ?? [];
  const inSpan = (s: Span) => (e: RawEvent) => e.day >= s.a && e.day <= s.b;
  const span = (kinds: readonly SpanKind[], fixed?: number): Span | undefined => {
    const s = makeSpan(rng, N, pick(kinds), fixed);
    return s.a >= 1 && s.b <= N && s.a <= s.b ? s : undefined;
  };
  const spanOf = (kind: SpanKind, fixed?: number) => span([kind], fixed);
  const at = (s: Span, v: Voice) => (s.say[v] ? ` ${s.say[v]}` : '');
  const lead = (s: Span, v: Voice) => (s.say[v] ? `${cap(s.say[v])}, ` : '');
  /** The time inside a sentence, after a lead-in of its own ("O muse, last week, …"). */
  const mid = (s: Span, v: Voice) => (s.say[v] ? `${s.say[v]}, ` : '');
  const spanText = (s: Span) => (s.a === s.b ? `day ${s.a}` : `days ${s.a}–${s.b}`);
  const len = (s: Span) => s.b - s.a + 1;

  const outEvents = (o: Output, s: Span) =>
    evs(o.town, o.kind).filter((e) => inSpan(s)(e) && (!o.test || o.test(e)) && num(e, o.key) !== undefined);
  const readings = (t: string, key: string, s: Span) =>
    evs(t, 'sensor').filter((e) => inSpan(s)(e) && num(e, key) !== undefined);
  const dailySum = (es: readonly RawEvent[], key: string) => {
    const m = new Map<number, number>();
    for (const e of es) m.set(e.day, (m.get(e.day) ?? 0) + (num(e, key) ?? 0));
    return m;
  };
  const dailyMean = (es: readonly RawEvent[], key: string) => {
    const m = new Map<number, [number, number]>();
    for (const e of es) {
      const c = m.get(e.day) ?? [0, 0];
      c[0] += num(e, key) ?? 0;
      c[1]++;
      m.set(e.day, c);
    }
    return new Map([...m].map(([d, [t, n]]) => [d, t / n] as [number, number]));
  };
  /** Every day of the span has an event of the output's kind (so no day without reports decides). */
  const covered = (o: Output, s: Span) => {
    const days = new Set(outEvents(o, s).map((e) => e.day));
    for (let d = s.a; d <= s.b; d++) if (!days.has(d)) return false;
    return true;
  };
  const reportDays = (t: string, s: Span) => {
    const d = townDays.get(t) ?? new Set<number>();
    let n = 0;
    for (let i = s.a; i <= s.b; i++) if (d.has(i)) n++;
    return n;
  };
  const happenDays = (h: Happening, s: Span) => {
    const d = new Set<number>();
    for (const e of events) if (e.day >= s.a && e.day <= s.b && h.test(e)) d.add(e.day);
    return d;
  };
  /** The robbed town's losses and the pirates' raids on it name the same shipments in the span. */
  const lossAgrees = (t: string, s: Span) => {
    const raids = new Set(
      evs('den-of-thieves', 'raid')
        .filter((e) => inSpan(s)(e) && e.data.target === t && (num(e, 'raid_gold') ?? 0) > 0)
        .map((e) => String(e.data.shipment)),
    );
    const losses = evs(t, 'loss')
      .filter(inSpan(s))
      .map((e) => String(e.data.shipment));
    return losses.length === raids.size && losses.every((x) => raids.has(x));
  };
  const outOk = (o: Output, s: Span) => o.kind !== 'loss' || lossAgrees(o.town, s);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const mean = (xs: readonly number[]) => sum(xs) / xs.length;
  /** The unique extreme of a map, or undefined on a tie. */
  const argExt = <K>(m: Map<K, number>, hi: boolean) => {
    const es = [...m].sort((x, y) => (hi ? y[1] - x[1] : x[1] - y[1]));
    const [f, g] = es;
    if (!f) return undefined;
    if (g && Math.abs(f[1] - g[1]) < 1e-9) return undefined;
    return { key: f[0], value: f[1] };
  };
  /** The largest (or smallest) single value, and its day when only one day holds it. */
  const extremeOf = (es: readonly RawEvent[], key: string, hi: boolean) => {
    if (es.length === 0) return undefined;
    const vals = es.map((e) => num(e, key) ?? 0);
    const value = hi ? Math.max(...vals) : Math.min(...vals);
    const holders = es.filter((e) => Math.abs((num(e, key) ?? 0) - value) < 1e-9);
    const days = new Set(holders.map((e) => e.day));
    const actors = new Set(holders.map((e) => e.actor));
    return {
      value,
      day: days.size === 1 ? (holders[0] as RawEvent).day : undefined,
      actor: actors.size === 1 ? holders[0]?.actor : undefined,
    };
  };
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
  const pearson = (a: Map<number, number>, b: Map<number, number>) => {
    const days = [...a.keys()].filter((d) => b.has(d));
    if (days.length < 7) return Number.NaN;
    const xs = days.map((d) => a.get(d) as number);
    const ys = days.map((d) => b.get(d) as number);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * ((ys[i] as number) - my);
      sxx += (x - mx) ** 2;
      syy += ((ys[i] as number) - my) ** 2;
    });
    return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
  };
  const fmt = (v: number, d: number) => round(v, d).toFixed(d);
  /** A value an answer may state at `d` decimals or a few more, none on a rounding edge. */
  const clean = (v: number, d: number) => Number.isFinite(v) && ![d, d + 1, d + 2].some((p) => onEdge(v, p));
  /** A round figure near `v`, a multiple of `step`, written as people write it. */
  const niceNear = (v: number, step: number) => round(Math.round(v / step) * step, 4);
  const show = (x: number) => (Math.abs(x) >= 1000 && chance(0.5) ? x.toLocaleString('en-US') : String(x));

  // ------------------------------------------------------------ adding a case
  const cases: (Case & { typo?: string })[] = [];
  const seen = new Set<string>();
  const add = (form: string, question: string, truth: string, check: Check): boolean => {
    let q = question
      .replace(/\s+/g, ' ')
      .replace(/ ([,?.:])/g, '$1')
      .replace(/,,/g, ',')
      .trim();
    q = cap(q);
    if (seen.has(q)) return false;
    seen.add(q);
    let typo: string | undefined;
    if (chance(0.155)) {
      const t = typoOf(q, rng);
      if (t && !seen.has(t.question)) {
        seen.add(t.question);
        q = t.question;
        typo = t.typo;
      }
    }
    cases.push({ form, question: q, truth, check: (reply) => check(reply), ...(typo ? { typo } : {}) });
    return true;
  };

  // ------------------------------------------------------------ extreme-day: the best or worst day
  const extremeDayOutput = (): boolean => {
    const o = anyOutput();
    const s = span(WIDE);
    if (!s || len(s) < 3 || !outOk(o, s)) return false;
    const hi = chance(0.68);
    if (!hi && !covered(o, s)) return false;
    const ext = argExt(dailySum(outEvents(o, s), o.key), hi);
    if (!ext || ext.value <= 0) return false;
    const day = ext.key;
    const mode = pick(['both', 'both', 'both', 'day', 'value'] as const);
    const v = voice();
    const n = nm(v, o.town);
    const T = at(s, v);
    const L = lead(s, v);
    let q: string;
    if (mode === 'value') {
      const best = hi ? 'best' : 'worst';
      q =
        v === 'pm'
          ? pick([
              `What was the total on the ${best} day for ${o.what(n)}${T}?`,
              `${L}what did the single ${best} day for ${o.what(n)} add up to, in ${o.unit}?`,
              `Report the ${hi ? 'peak' : 'lowest'} one-day total of ${o.what(n)}${T}.`,
            ])
          : v === 'bard'
            ? pick([
                `Sing the measure of the ${hi ? 'richest' : 'leanest'} day for ${o.song(n)}${T} — how much was it?`,
                `${L}when ${o.song(n)} stood at its ${hi ? 'height' : 'lowest ebb'} for a day, how much was it, in ${o.unit}?`,
              ])
            : pick([
                `How much was in the ${hi ? 'most good' : 'most bad'} day of ${o.what(n)}${T}?`,
                `${L}the ${best} day for ${o.what(n)} have how many ${o.unit}?`,
              ]);
    } else {
      const both = mode === 'both';
      if (v === 'pm') {
        const sfx = both
          ? pick([', and what was the total that day', ' — and the figure, please', ', and how much'])
          : '';
        const with_ = both ? pick([' with its total', ', day and figure', ' and the amount']) : '';
        q = hi
          ? pick([
              `${L}which day was the best for ${o.what(n)}${sfx}?`,
              `Which day${T} had the highest daily total of ${o.what(n)}${sfx}?`,
              `For the status report: the peak day for ${o.what(n)}${T}${with_}.`,
              `On which day${T} ${o.most(n)}${sfx}?`,
              `I need the top day by ${o.what(n)}${T}${with_}.`,
            ])
          : pick([
              `${L}which day was the weakest for ${o.what(n)}${sfx}?`,
              `Which day${T} had the lowest daily total of ${o.what(n)}${sfx}?`,
              `On which day${T} ${o.least(n)}${sfx}?`,
              `Flag the worst day for ${o.what(n)}${T}${with_}.`,
            ]);
      } else if (v === 'bard') {
        const sfx = both
          ? pick([', and how much did it come to', ', and by what measure', ', and what was its tally'])
          : '';
        q = hi
          ? pick([
              `Sing to me of the greatest day for ${o.song(n)}${T} — which day was it${sfx}?`,
              `O muse, ${mid(s, v)}on which day did ${o.song(n)} swell the highest${sfx}?`,
              `For the ballad I weave: ${mid(s, v)}which was the proudest day for ${o.song(n)}${sfx}?`,
              `Hark! ${L}which single day brought the most of ${o.song(n)}${sfx}?`,
            ])
          : pick([
              `Sing to me of the leanest day for ${o.song(n)}${T} — which day was it${sfx}?`,
              `O muse, on which day${T} did ${o.song(n)} sink to its lowest${sfx}?`,
              `A lament needs its low point: ${mid(s, v)}which day gave the least of ${o.song(n)}${sfx}?`,
            ]);
      } else {
        const sfx = both ? pick(['? And how much', ', how much it was', ' and how many was it']) : '';
        q = hi
          ? pick([
              `Which day ${o.learnMost(n)}${T}${sfx}?`,
              `${L}what day ${o.learnMost(n)}${sfx}?`,
              `What is the day with most big total of ${o.what(n)}${T}${sfx}?`,
            ])
          : pick([
              `Which day ${o.learnLeast(n)}${T}${sfx}?`,
              `${L}in what day ${o.learnLeast(n)}${sfx}?`,
              `What is the day with most small total of ${o.what(n)}${T}${sfx}?`,
            ]);
      }
    }
    return add(
      'extreme-day',
      q,
      `day ${day}: ${fmt(ext.value, o.dec)} ${o.unit} (${hi ? 'max' : 'min'} daily total, ${spanText(s)})`,
      (r) =>
        all(
          mode === 'value' ? null : namesDay(r.answer, day),
          mode === 'day' ? null : states(r.answer, ext.value, o.dec),
        ),
    );
  };

  const extremeDayReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const s = span(WIDE);
    if (!s || len(s) < 3) return false;
    const hi = chance(0.55);
    const ext = argExt(dailyMean(readings(t, rd.key, s), rd.key), hi);
    if (!ext || !clean(ext.value, rd.dec)) return false;
    const both = chance(0.6);
    const v = voice();
    const n = nm(v, t);
    const T = at(s, v);
    const L = lead(s, v);
    const dayNp = hi ? rd.hiDay : rd.loDay;
    let q: string;
    if (v === 'pm') {
      const sfx = both ? pick([', and what was its average', ' — give the day and its mean']) : '';
      q = pick([
        `Which was ${dayNp} at ${n}${T}, going by the daily average${sfx}?`,
        `${L}name ${dayNp} at ${n}${sfx}.`,
        `I need ${dayNp} at ${n}${T}${sfx}.`,
      ]);
    } else if (v === 'bard') {
      const sfx = both ? `, and how ${hi ? 'high' : 'low'} did ${rd.songNoun} stand that day on average` : '';
      const songDay = hi ? rd.songHiDay : rd.songLoDay;
      q = pick([
        `Sing to me of ${songDay} at ${n}${T} — which day was it${sfx}?`,
        `O muse, ${mid(s, v)}which was ${songDay} in ${n}${sfx}?`,
      ]);
    } else {
      const sfx = both ? pick([', and how much was the average', '? Also the average of that day']) : '';
      const l = hi ? rd.learnHiDay : rd.learnLoDay;
      q = pick([`Which day was ${l} in ${n}${T}${sfx}?`, `${L}in ${n} which was ${l}${sfx}?`]);
    }
    return add(
      'extreme-day',
      q,
      `day ${ext.key}: mean ${fmt(ext.value, rd.dec + 1)} ${rd.unit} (${hi ? 'max' : 'min'} daily mean, ${spanText(s)})`,
      (r) => all(namesDay(r.answer, ext.key), both ? states(r.answer, ext.value, rd.dec) : null),
    );
  };

  const wettestDay = (): boolean => {
    const t = pick(TOWNS);
    const s = span(WIDE);
    if (!s || len(s) < 3) return false;
    const ext = argExt(dailySum(readings(t, 'rain_mm', s), 'rain_mm'), true);
    if (!ext || ext.value <= 0) return false;
    const v = voice();
    const n = nm(v, t);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `Which day${T} was the wettest at ${n}, and how much rain fell that day?`,
            `Wettest day at ${n}${T}: which day, and how many mm?`,
          ])
        : v === 'bard'
          ? pick([
              `Sing of the day the heavens poured hardest on ${n}${T} — which day, and how many millimetres of rain?`,
              `${lead(s, v)}on which day did the clouds weep most over ${n}, and how much rain did they shed?`,
            ])
          : pick([
              `Which day was most rainy in ${n}${T}, and how many mm rain was falling?`,
              `${lead(s, v)}what day ${n} got the most rain? How much mm?`,
            ]);
    return add(
      'extreme-day',
      q,
      `day ${ext.key}: ${fmt(ext.value, 1)} mm (wettest day, ${spanText(s)})`,
      (r) => all(namesDay(r.answer, ext.key), states(r.answer, ext.value, 1)),
    );
  };

  // ------------------------------------------------------------ extreme-event: one event at its largest
  const extremeEvent = (): boolean => {
    const o = anyOutput();
    const s = span([...WIDE, 'whole', 'whole', 'day', 'yesterday']);
    if (!s || !outOk(o, s)) return false;
    const gold = o.unit === 'gold';
    const hi = !gold || chance(0.8);
    let es = outEvents(o, s);
    if (!hi) es = es.filter((e) => (num(e, o.key) ?? 0) > 0);
    const ext = extremeOf(es, o.key, hi);
    if (!ext || ext.value <= 0) return false;
    const askDay = ext.day !== undefined && s.a !== s.b && chance(0.35);
    const v = voice();
    const n = nm(v, o.town);
    const w = (WHERE[o.id] as P)(n);
    const T = at(s, v);
    const L = lead(s, v);
    const whole = s.kind === 'whole';
    let q: string;
    if (!hi) {
      const what =
        o.id === 'raid' ? 'raid that still took gold' : o.id.startsWith('loss') ? 'robbery' : 'sale';
      q =
        v === 'pm'
          ? pick([
              `What was the smallest ${what} ${w}${T}, in gold?`,
              `${L}give me the lowest single ${what} figure ${w}.`,
            ])
          : v === 'bard'
            ? pick([`Sing too of the meanest ${what} ${w}${T} — how little gold was it?`])
            : pick([`How much gold was the most small ${what} ${w}${T}?`]);
    } else if (v === 'pm')
      q = pick([
        `What was the most ${o.unit} from a single ${o.one} ${w}${T}?`,
        `${L}what's the record for ${o.unit} in one ${o.one} ${w}?`,
        `Give me the biggest single ${o.one} ${w}${T}, in ${o.unit}.`,
        `Largest single ${o.one} ${w}${T} — how many ${o.unit}?`,
      ]);
    else if (v === 'bard')
      q = pick([
        `Sing to me of the greatest ${o.oneSong} ${w}${whole ? ' ever' : T} — how much was it, in ${o.unit}?`,
        `O muse, tell of the mightiest single ${o.oneSong} ${w}${T}: what did it bring, in ${o.unit}?`,
        `For my ballad: ${mid(s, v)}what was the richest ${o.oneSong} ${w}, counted in ${o.unit}?`,
      ]);
    else
      q = pick([
        `What was the most big ${o.one} ${w}${T}? How many ${o.unit}?`,
        `${L}the biggest one ${o.one} ${w} was how much ${o.unit}?`,
        `Which is the most ${o.unit} in only one ${o.one} ${w}${T}?`,
      ]);
    if (askDay)
      q +=
        v === 'pm'
          ? ' And on which day?'
          : v === 'bard'
            ? ' And on what day did it befall?'
            : ' And which day it was?';
    const day = ext.day;
    return add(
      'extreme-event',
      q,
      `${fmt(ext.value, o.dec)} ${o.unit}${day !== undefined ? ` (day ${day})` : ''} (${hi ? 'max' : 'min'} single event, ${spanText(s)})`,
      (r) =>
        all(states(r.answer, ext.value, o.dec), askDay && day !== undefined ? namesDay(r.answer, day) : null),
    );
  };

  // ------------------------------------------------------------ max / min: one reading at its highest or lowest
  const RAIN_READ = {
    key: 'rain_mm',
    dec: 1,
    unit: 'mm',
    pm: 'the heaviest single rain reading',
    bard: 'the fiercest single downpour the gauge recorded',
    learn: 'the most big rain in one reading',
  };
  const singleReading = (hi: boolean): boolean => {
    const rain = hi && chance(0.15);
    const rd = pick(READINGS);
    const key = rain ? 'rain_mm' : rd.key;
    const dec = rain ? 1 : rd.dec;
    const unit = rain ? 'mm' : rd.unit;
    const t = rain ? pick(TOWNS) : (rd.only ?? pick(TOWNS));
    const s = span(ANY);
    if (!s) return false;
    const ext = extremeOf(readings(t, key, s), key, hi);
    if (!ext || (rain && ext.value <= 0)) return false;
    const askDay = ext.day !== undefined && s.a !== s.b && chance(0.3);
    const v = voice();
    const n = nm(v, t);
    const T = at(s, v);
    const L = lead(s, v);
    let q: string;
    if (rain)
      q =
        v === 'pm'
          ? `What was ${RAIN_READ.pm} at ${n}${T}?`
          : v === 'bard'
            ? `Sing of ${RAIN_READ.bard} at ${n}${T} — how many millimetres?`
            : `${L}what was ${RAIN_READ.learn} in ${n}?`;
    else if (v === 'pm')
      q = pick([
        `What was ${hi ? rd.hiRead : rd.loRead} at ${n}${T}?`,
        `${L}report ${hi ? rd.hiRead : rd.loRead} logged at ${n}.`,
        `${hi ? 'Peak' : 'Minimum'} ${rd.label} reading at ${n}${T}, please.`,
      ]);
    else if (v === 'bard')
      q = pick([
        `Sing of ${hi ? rd.songHiRead : rd.songLoRead} at ${n}${T} — what did the instruments read?`,
        `O muse, ${mid(s, v)}how ${hi ? 'high' : 'low'} did ${rd.songNoun} go at ${n} in a single reading?`,
      ]);
    else
      q = pick([
        `What was ${hi ? rd.learnHiRead : rd.learnLoRead} in ${n}${T}?`,
        `${L}how much was ${hi ? rd.learnHiRead : rd.learnLoRead} what ${n} had?`,
        `Tell me ${hi ? rd.learnHiRead : rd.learnLoRead} of ${n}${T}, in one reading.`,
      ]);
    if (askDay) q += v === 'learn' ? ' Which day was it?' : ' On which day?';
    const day = ext.day;
    return add(
      hi ? 'max' : 'min',
      q,
      `${fmt(ext.value, dec)} ${unit}${day !== undefined ? ` (day ${day})` : ''} (${hi ? 'max' : 'min'} reading, ${spanText(s)})`,
      (r) =>
        all(states(r.answer, ext.value, dec), askDay && day !== undefined ? namesDay(r.answer, day) : null),
    );
  };

  // ------------------------------------------------------------ which-day
  const whichDayEvent = (): boolean => {
    const o = anyOutput();
    const s = span(WIDE);
    if (!s || len(s) < 3 || !outOk(o, s)) return false;
    const ext = extremeOf(outEvents(o, s), o.key, true);
    if (!ext || ext.value <= 0 || ext.day === undefined) return false;
    const v = voice();
    const n = nm(v, o.town);
    const w = (WHERE[o.id] as P)(n);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `On which day${T} was the biggest single ${o.one} ${w} recorded, by ${o.unit}?`,
            `Which day${T} holds the record for the largest single ${o.one} ${w}, in ${o.unit}?`,
          ])
        : v === 'bard'
          ? pick([
              `Sing of the day the greatest ${o.oneSong} ${w} was made${T} — which day was it, reckoned in ${o.unit}?`,
              `${lead(s, v)}on what day came the grandest ${o.oneSong} ${w}, measured in ${o.unit}?`,
            ])
          : pick([`In which day was the most big ${o.one} ${w}${T}, in ${o.unit}?`]);
    return add(
      'which-day',
      q,
      `day ${ext.day} (${fmt(ext.value, o.dec)} ${o.unit}, largest single event, ${spanText(s)})`,
      (r) => namesDay(r.answer, ext.day as number),
    );
  };

  const whichDayReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const s = span(WIDE);
    if (!s || len(s) < 3) return false;
    const hi = chance(0.5);
    const ext = extremeOf(readings(t, rd.key, s), rd.key, hi);
    if (!ext || ext.day === undefined) return false;
    const v = voice();
    const n = nm(v, t);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `Which day${T} saw ${hi ? rd.hiRead : rd.loRead} at ${n}?`,
            `${lead(s, v)}on what day was ${hi ? rd.hiRead : rd.loRead} taken at ${n}?`,
          ])
        : v === 'bard'
          ? `Which day${T} brought ${n} ${hi ? rd.songHiRead : rd.songLoRead}?`
          : pick([
              `Which day ${n} have ${hi ? rd.learnHiRead : rd.learnLoRead}${T}?`,
              `${lead(s, v)}when was ${hi ? rd.learnHiRead : rd.learnLoRead} in ${n}, what day?`,
            ]);
    return add(
      'which-day',
      q,
      `day ${ext.day} (${fmt(ext.value, rd.dec)} ${rd.unit}, ${hi ? 'max' : 'min'} reading, ${spanText(s)})`,
      (r) => namesDay(r.answer, ext.day as number),
    );
  };

  const whichDayFirstLast = (): boolean => {
    const h = pick(HAPPENINGS);
    const s = span(['whole', 'whole', 'lastmonth', 'thismonth', 'week', 'between', 'lastk']);
    if (!s || len(s) < 3) return false;
    const days = [...happenDays(h, s)].sort((a, b) => a - b);
    if (days.length === 0 || days.length === len(s)) return false;
    const first = chance(0.5);
    const day = (first ? days[0] : days[days.length - 1]) as number;
    const v = voice();
    const n = nm(v, h.town);
    const T = at(s, v);
    const fl = first ? 'first' : 'last';
    const q =
      v === 'pm'
        ? pick([
            `What was the ${fl} day${T} on which ${h.pm(n)}?`,
            `${lead(s, v)}give me the ${fl === 'first' ? 'earliest' : 'most recent'} day when ${h.pm(n)}.`,
            `For the timeline: ${T ? `${s.say.pm}, ` : ''}when was the ${fl} day ${h.pm(n)}?`,
          ])
        : v === 'bard'
          ? pick([
              `Sing of the ${fl} day${T} when ${h.bard(n)} — which day was it?`,
              `O muse, ${mid(s, v)}when did it ${fl} come to pass that ${h.bard(n)}?`,
            ])
          : pick([
              `When was ${fl} time ${h.learn(n)}${T}? Which day?`,
              `${lead(s, v)}which day was the ${fl} one when ${h.learn(n)}?`,
            ]);
    return add('which-day', q, `day ${day} (${fl} day, ${spanText(s)})`, (r) => namesDay(r.answer, day));
  };

  // ------------------------------------------------------------ days: on how many days
  const daysAsk = (v: Voice, s: Span, c: string): string => {
    const T = at(s, v);
    const L = lead(s, v);
    if (v === 'pm')
      return pick([
        `Give me the count of days${T} on which ${c}.`,
        `For the status report: number of days${T} when ${c}?`,
        `${L}how many days were there on which ${c}?`,
        `I need the number of distinct days${T} where ${c}.`,
        `How many days${T} can we mark as days when ${c}?`,
      ]);
    if (v === 'bard')
      return pick([
        `Sing me the tally: on how many days${T} ${c}?`,
        `O muse, count for me the days${T} when ${c}.`,
        `My ballad needs a number — how many were the days${T} on which ${c}?`,
        `${L}upon how many days, tell me, ${c}?`,
      ]);
    return pick([
      `How many day${T} ${c}?`,
      `${L}how much days ${c}?`,
      `Please tell me number of days when ${c}${T}.`,
      `In how many days ${c}${T}?`,
    ]);
  };
  const daysAdd = (s: Span, q: string, n: number, what: string) =>
    n === 0 && !chance(0.1) ? false : add('days', q, `${n} days (${what}, ${spanText(s)})`, statesCount(n));

  const daysHappening = (): boolean => {
    const h = pick(HAPPENINGS);
    const s = span(WIDE);
    if (!s || len(s) < 3) return false;
    const n = happenDays(h, s).size;
    const v = voice();
    const c = h[v](nm(v, h.town));
    return daysAdd(s, daysAsk(v, s, c), n, h.id);
  };

  const daysOverTotal = (): boolean => {
    const o = anyOutput();
    const s = span(WIDE);
    if (!s || len(s) < 4 || !outOk(o, s)) return false;
    const daily = dailySum(outEvents(o, s), o.key);
    const vals = [...daily.values()];
    if (vals.length < 3) return false;
    const x = niceNear(pick(vals), o.step);
    if (x <= 0 || vals.some((y) => Math.abs(y - x) < 1e-9)) return false;
    const n = vals.filter((y) => y > x).length;
    if (n === 0 || n === len(s)) return false;
    const v = voice();
    const name = nm(v, o.town);
    const xs = show(x);
    const tag = v === 'learn' ? pick(['', ' in one day']) : pick(['', ' that day', ' in the day']);
    const c =
      (v === 'pm' ? o.over(name, xs) : v === 'bard' ? o.songOver(name, xs) : o.learnOver(name, xs)) + tag;
    return daysAdd(s, daysAsk(v, s, c), n, `daily total of ${o.id} over ${x}`);
  };

  const daysReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const s = span(WIDE);
    if (!s || len(s) < 4) return false;
    const es = readings(t, rd.key, s);
    const mode = pick(['anyAbove', 'anyBelow', 'meanAbove'] as const);
    const byDay = new Map<number, number[]>();
    for (const e of es) {
      const l = byDay.get(e.day) ?? [];
      l.push(num(e, rd.key) as number);
      byDay.set(e.day, l);
    }
    const perDay = [...byDay.values()].map((l) =>
      mode === 'anyAbove' ? Math.max(...l) : mode === 'anyBelow' ? Math.min(...l) : mean(l),
    );
    if (perDay.length < 3) return false;
    const x = niceNear(pick(perDay), rd.step);
    if (es.some((e) => Math.abs((num(e, rd.key) as number) - x) < 1e-9)) return false;
    if (perDay.some((y) => Math.abs(y - x) < 1e-6)) return false;
    const n = perDay.filter((y) => (mode === 'anyBelow' ? y < x : y > x)).length;
    if (n === 0 || n === perDay.length) return false;
    const v = voice();
    const name = nm(v, t);
    const u = `${x} ${rd.unit}`.replace(' %', '%');
    const c =
      mode === 'anyAbove'
        ? {
            pm: `${article(rd.label)} ${rd.label} reading at ${name} went above ${u}`,
            bard: `${rd.songNoun} at ${name} rose past ${u} at some hour`,
            learn: `the ${rd.label} in ${name} was more than ${u} one time at least`,
          }[v]
        : mode === 'anyBelow'
          ? {
              pm: `${article(rd.label)} ${rd.label} reading at ${name} dropped below ${u}`,
              bard: `${rd.songNoun} at ${name} fell below ${u} at some hour`,
              learn: `the ${rd.label} in ${name} was less than ${u} one time at least`,
            }[v]
          : {
              pm: `the day's average ${rd.label} at ${name} was above ${u}`,
              bard: `${rd.songNoun} at ${name}, taken over the whole day, stood above ${u}`,
              learn: `the average ${rd.label} of the day in ${name} was more than ${u}`,
            }[v];
    return daysAdd(s, daysAsk(v, s, c), n, `${rd.key} ${mode} ${x}`);
  };

  const daysRainOrDry = (): boolean => {
    const t = pick(TOWNS);
    const s = span(WIDE);
    if (!s || len(s) < 4) return false;
    const daily = dailySum(readings(t, 'rain_mm', s), 'rain_mm');
    const v = voice();
    const name = nm(v, t);
    if (chance(0.5)) {
      const n = [...daily.values()].filter((y) => y === 0).length;
      const c = {
        pm: `no rain fell at ${name}`,
        bard: `not a drop of rain fell on ${name}`,
        learn: `it was not raining in ${name} at all`,
      }[v];
      return daysAdd(s, daysAsk(v, s, c), n, 'dry days');
    }
    const vals = [...daily.values()].filter((y) => y > 0);
    if (vals.length < 2) return false;
    const x = niceNear(pick(vals), 1);
    if ([...daily.values()].some((y) => Math.abs(y - x) < 1e-6)) return false;
    const n = [...daily.values()].filter((y) => y > x).length;
    if (n === 0) return false;
    const c = {
      pm: `more than ${x} mm of rain fell at ${name} in the day`,
      bard: `more than ${x} millimetres of rain fell on ${name} in a single day`,
      learn: `more than ${x} mm rain was falling in ${name} in one day`,
    }[v];
    return daysAdd(s, daysAsk(v, s, c), n, `daily rain over ${x} mm`);
  };

  // ------------------------------------------------------------ both: two things on one day
  const HAPPEN = new Map(HAPPENINGS.map((h) => [h.id, h]));
  const bothDays = (): boolean => {
    let a: Happening;
    let b: Happening;
    if (chance(0.5)) {
      const [x, y] = pick(PAIRS);
      a = HAPPEN.get(x) as Happening;
      b = HAPPEN.get(y) as Happening;
    } else {
      a = pick(HAPPENINGS);
      b = pick(HAPPENINGS);
      if (a.id === b.id) return false;
    }
    const s = span([...SHORT, 'lastmonth']);
    if (!s || len(s) < 3) return false;
    const da = happenDays(a, s);
    const db = happenDays(b, s);
    const days = [...da].filter((d) => db.has(d)).sort((x, y) => x - y);
    if (days.length > 12) return false;
    if (days.length === 0 && !chance(da.size > 0 && db.size > 0 ? 0.7 : 0.25)) return false;
    const v = voice();
    const ca = a[v](nm(v, a.town));
    const cb = b[v](nm(v, b.town));
    const T = at(s, v);
    const L = lead(s, v);
    const q =
      v === 'pm'
        ? pick([
            `List every day${T} on which ${ca} and ${cb} on the same day.`,
            `Which days${T} had both of these: ${ca}, and ${cb}?`,
            `For the incident log, name each day${T} when ${ca} and also ${cb}.`,
            `${L}were there days when ${ca} and ${cb} on the same day? If so, which?`,
          ])
        : v === 'bard'
          ? pick([
              `Sing of the days${T} when ${ca} while ${cb} — name each one.`,
              `O muse, on which days${T} did it come to pass both that ${ca} and that ${cb}?`,
              `${L}tell me every day on which ${ca}, and on that same day ${cb}.`,
            ])
          : pick([
              `Which days${T} ${ca} and also ${cb} in same day?`,
              `Tell me the days when ${ca} and ${cb} both${T}.`,
              `${L}in what days ${ca} and in same day ${cb}?`,
            ]);
    return add(
      'both',
      q,
      days.length
        ? `day${days.length > 1 ? 's' : ''} ${days.join(', ')} (${spanText(s)})`
        : `none (${spanText(s)})`,
      namesDaysExactly(days, s.a, s.b, s.named),
    );
  };

  // ------------------------------------------------------------ compare: A or B, both values
  const weekRe = (w: number) => new RegExp(`\\bweek ${w}\\b`, 'i');
  const townLabel = (t: Town) => TOWN_NAMES[t] as string;
  const twoWeeks = (): [number, number] | undefined => {
    const w1 = 1 + Math.floor(rng() * 7);
    const w2 = chance(0.6) ? w1 + (w1 === 7 || (w1 > 1 && chance(0.5)) ? -1 : 1) : 1 + Math.floor(rng() * 7);
    if (w1 === w2 || w2 < 1 || w2 > 7 || 7 * Math.max(w1, w2) > N) return undefined;
    return [w1, w2];
  };
  const decide = (va: number, vb: number, dec: number) => {
    if (va === 0 || vb === 0) return undefined;
    if (round(va, dec) === round(vb, dec) || !clean(va, dec) || !clean(vb, dec)) return undefined;
    return va > vb;
  };

  const compareWeeksOutput = (): boolean => {
    const o = anyOutput();
    const ws = twoWeeks();
    if (!ws) return false;
    const [w1, w2] = ws;
    const s1 = spanOf('week', w1) as Span;
    const s2 = spanOf('week', w2) as Span;
    if (!outOk(o, s1) || !outOk(o, s2)) return false;
    const v1 = sum(outEvents(o, s1).map((e) => num(e, o.key) ?? 0));
    const v2 = sum(outEvents(o, s2).map((e) => num(e, o.key) ?? 0));
    const first = decide(v1, v2, o.dec);
    if (first === undefined) return false;
    const v = voice();
    const n = nm(v, o.town);
    const q =
      v === 'pm'
        ? pick([
            `Week ${w1} or week ${w2}: which had more ${o.what(n)}? Give both totals.`,
            `${cap(o.more(n))} in week ${w1} or in week ${w2}? I need both numbers.`,
            `Compare ${o.what(n)} in week ${w1} against week ${w2} — which was higher, and what were the totals?`,
          ])
        : v === 'bard'
          ? pick([
              `Sing of two weeks, the ${ordinal(w1)} and the ${ordinal(w2)}: in which was ${o.song(n)} the greater, and what was the measure of each?`,
              `O muse, ${o.more(n)} in week ${w1} or in week ${w2}? Tell both tallies.`,
            ])
          : pick([
              `In week ${w1} or in week ${w2} ${o.learnMore(n)}? Say both.`,
              `Which week ${o.learnMore(n)}, week ${w1} or week ${w2}, and how much each?`,
            ]);
    const [win, lose, vw, vl] = first ? [w1, w2, v1, v2] : [w2, w1, v2, v1];
    return add(
      'compare',
      q,
      `week ${win} (${fmt(vw, o.dec)} vs ${fmt(vl, o.dec)} ${o.unit})`,
      winnerWithBoth(weekRe(win), weekRe(lose), `week ${win}`, vw, vl, o.dec),
    );
  };

  const compareDaysOutput = (): boolean => {
    const o = anyOutput();
    const d1 = 1 + Math.floor(rng() * Math.min(55, N));
    const d2 = chance(0.5) ? d1 + 1 : 1 + Math.floor(rng() * Math.min(55, N));
    if (d1 === d2 || d2 > Math.min(55, N)) return false;
    const s1 = spanOf('day', d1) as Span;
    const s2 = spanOf('day', d2) as Span;
    if (!outOk(o, s1) || !outOk(o, s2) || !covered(o, s1) || !covered(o, s2)) return false;
    const v1 = sum(outEvents(o, s1).map((e) => num(e, o.key) ?? 0));
    const v2 = sum(outEvents(o, s2).map((e) => num(e, o.key) ?? 0));
    const first = decide(v1, v2, o.dec);
    if (first === undefined) return false;
    const v = voice();
    const n = nm(v, o.town);
    const q =
      v === 'pm'
        ? pick([
            `Day ${d1} or day ${d2}: which was better for ${o.what(n)}, and what were the two totals?`,
            `${cap(o.more(n))} on day ${d1} or on day ${d2}? Both figures, please.`,
          ])
        : v === 'bard'
          ? `Of the ${ordinal(d1)} day and the ${ordinal(d2)}, which gave more of ${o.song(n)}? Tell the measure of each.`
          : `Which day ${o.learnMore(n)}, day ${d1} or day ${d2}? And how many each?`;
    const [win, lose, vw, vl] = first ? [d1, d2, v1, v2] : [d2, d1, v2, v1];
    return add(
      'compare',
      q,
      `day ${win} (${fmt(vw, o.dec)} vs ${fmt(vl, o.dec)} ${o.unit})`,
      winnerWithBoth(dayRe(win), dayRe(lose), `day ${win}`, vw, vl, o.dec),
    );
  };

  const compareTownsReading = (): boolean => {
    const rain = chance(0.3);
    const rd = pick(READINGS.filter((r) => !r.only));
    const ta = pick(TOWNS);
    const tb = pick(TOWNS);
    if (ta === tb) return false;
    const s = span(WIDE);
    if (!s) return false;
    const key = rain ? 'rain_mm' : rd.key;
    const dec = rain ? 1 : rd.dec;
    const value = (t: Town) => {
      const xs = readings(t, key, s).map((e) => num(e, key) as number);
      return rain ? sum(xs) : mean(xs);
    };
    const va = value(ta);
    const vb = value(tb);
    const first = decide(va, vb, dec);
    if (first === undefined || (rain && Math.max(va, vb) <= 0)) return false;
    const v = voice();
    const A = nm(v, ta);
    const B = nm(v, tb);
    const T = at(s, v);
    const L = lead(s, v);
    let q: string;
    if (rain)
      q =
        v === 'pm'
          ? pick([
              `Did more rain fall at ${A} or at ${B}${T}? Both totals in mm.`,
              `${L}rainfall, ${A} versus ${B}: which got more, and how much each?`,
            ])
          : v === 'bard'
            ? `Sing of the rains${T}: did ${A} or ${B} drink more of the sky? Tell me each measure.`
            : `More rain was falling in ${A} or in ${B}${T}? How much each?`;
    else if (v === 'pm')
      q = pick([
        `Was it ${rd.more} at ${A} or at ${B}${T}? Give me both averages.`,
        `${L}which ran ${rd.more} on average, ${A} or ${B}? Both figures, please.`,
        `Average ${rd.label}${T}, ${A} versus ${B}: which was higher, and what were the numbers?`,
      ]);
    else if (v === 'bard')
      q = pick([
        `Sing of two towns${T}: was ${rd.songNoun} greater at ${A} or at ${B}? Tell me the mean of each.`,
        `O muse, which was ${rd.more}${T}, ${A} or ${B}, and what was the average at each?`,
      ]);
    else
      q = pick([
        `Which was ${rd.learnMore}${T}, ${A} or ${B}? Tell the average of both.`,
        `${L}${A} or ${B} was ${rd.learnMore}? The averages please.`,
      ]);
    const [win, lose, vw, vl] = first ? [ta, tb, va, vb] : [tb, ta, vb, va];
    const unit = rain ? 'mm' : rd.unit;
    return add(
      'compare',
      q,
      `${townLabel(win)} (${fmt(vw, dec + (rain ? 0 : 1))} vs ${fmt(vl, dec + (rain ? 0 : 1))} ${unit}, ${spanText(s)})`,
      winnerWithBoth(townLabel(win), townLabel(lose), townLabel(win), vw, vl, dec),
    );
  };

  const compareWeeksReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const ws = twoWeeks();
    if (!ws) return false;
    const [w1, w2] = ws;
    const m = (w: number) =>
      mean(readings(t, rd.key, spanOf('week', w) as Span).map((e) => num(e, rd.key) as number));
    const v1 = m(w1);
    const v2 = m(w2);
    const first = decide(v1, v2, rd.dec);
    if (first === undefined) return false;
    const v = voice();
    const n = nm(v, t);
    const q =
      v === 'pm'
        ? `Was week ${w1} or week ${w2} ${rd.more} at ${n}? Both weekly averages, please.`
        : v === 'bard'
          ? `At ${n}, was ${rd.songNoun} greater in the ${ordinal(w1)} week or the ${ordinal(w2)}? Give each week's mean.`
          : `In ${n}, week ${w1} or week ${w2} was ${rd.learnMore}? Average of both?`;
    const [win, lose, vw, vl] = first ? [w1, w2, v1, v2] : [w2, w1, v2, v1];
    return add(
      'compare',
      q,
      `week ${win} (${fmt(vw, rd.dec + 1)} vs ${fmt(vl, rd.dec + 1)} ${rd.unit})`,
      winnerWithBoth(weekRe(win), weekRe(lose), `week ${win}`, vw, vl, rd.dec),
    );
  };

  const comparePeople = (): boolean => {
    const o = out(pick(Object.keys(WHO_MORE)));
    const wm = WHO_MORE[o.id] as { pm: string; learn: string };
    const s = span(WIDE);
    if (!s) return false;
    const by = new Map<string, number>();
    for (const e of outEvents(o, s))
      if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, o.key) ?? 0));
    const people = [...by.keys()];
    if (people.length < 2) return false;
    const p1 = pick(people);
    const p2 = pick(people);
    if (p1 === p2) return false;
    const v1 = by.get(p1) as number;
    const v2 = by.get(p2) as number;
    const first = decide(v1, v2, o.dec);
    if (first === undefined) return false;
    const v = voice();
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `Who ${wm.pm}${T}, ${p1} or ${p2}? Give both totals.`,
            `${p1} vs ${p2}${T}: who ${wm.pm}, and what are their numbers?`,
          ])
        : v === 'bard'
          ? `Sing of two rivals, ${p1} and ${p2}: which of them ${wm.pm}${T}, and how much did each bring?`
          : `Who ${wm.learn}${T}, ${p1} or ${p2}? How many each?`;
    const [win, lose, vw, vl] = first ? [p1, p2, v1, v2] : [p2, p1, v2, v1];
    return add(
      'compare',
      q,
      `${win} (${fmt(vw, o.dec)} vs ${fmt(vl, o.dec)} ${o.unit}, ${spanText(s)})`,
      winnerWithBoth(win, lose, win, vw, vl, o.dec),
    );
  };

  const compareLosses = (): boolean => {
    const ta = pick(SENDERS);
    const tb = pick(SENDERS);
    if (ta === tb) return false;
    const s = span(WIDE);
    if (!s || !lossAgrees(ta, s) || !lossAgrees(tb, s)) return false;
    const lost = (t: Town) =>
      sum(
        evs(t, 'loss')
          .filter(inSpan(s))
          .map((e) => num(e, 'loot_gold') ?? 0),
      );
    const va = lost(ta);
    const vb = lost(tb);
    const first = decide(va, vb, 0);
    if (first === undefined) return false;
    const v = voice();
    const A = nm(v, ta);
    const B = nm(v, tb);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `Who lost more gold to the pirates${T}, ${A} or ${B}? Both amounts.`,
            `${lead(s, v)}pirate losses, ${A} against ${B}: which lost more gold, and how much each?`,
          ])
        : v === 'bard'
          ? `O muse, whose cargoes bled more gold to the pirates${T} — those of ${A} or of ${B}? Tell each loss.`
          : `${A} or ${B} losed more gold to pirates${T}? Say both.`;
    const [win, lose, vw, vl] = first ? [ta, tb, va, vb] : [tb, ta, vb, va];
    return add(
      'compare',
      q,
      `${townLabel(win)} (${vw} vs ${vl} gold lost, ${spanText(s)})`,
      winnerWithBoth(townLabel(win), townLabel(lose), townLabel(win), vw, vl, 0),
    );
  };

  // ------------------------------------------------------------ trend: slope per day of a daily series
  const trend = (): boolean => {
    const s = span([...LONG, 'thismonth']);
    if (!s || len(s) < 7) return false;
    const v = voice();
    const T = at(s, v);
    const L = lead(s, v);
    let series: Map<number, number>;
    let desc: { pm: string; bard: string; learn: string };
    let unit: string;
    const kindPick = pick(['out', 'out', 'read', 'read', 'rain'] as const);
    if (kindPick === 'out') {
      const o = out(pick(['fish', 'fish', 'ore', 'ore', 'drinks', 'flour', 'harvest', 'nets', 'trinkets']));
      if (!covered(o, s)) return false;
      series = dailySum(outEvents(o, s), o.key);
      const n = nm(v, o.town);
      desc = {
        pm: `the daily total of ${o.what(n)}`,
        bard: o.song(n),
        learn: `the ${o.what(n)} each day`,
      };
      unit = `${o.unit} a day`;
    } else if (kindPick === 'read') {
      const rd = pick(READINGS);
      const t = rd.only ?? pick(TOWNS);
      series = dailyMean(readings(t, rd.key, s), rd.key);
      const n = nm(v, t);
      desc = {
        pm: `the daily average ${rd.label} at ${n}`,
        bard: `${rd.songNoun} at ${n}`,
        learn: `the average ${rd.label} each day in ${n}`,
      };
      unit = `${rd.unit} a day`;
    } else {
      const t = pick(TOWNS);
      series = dailySum(readings(t, 'rain_mm', s), 'rain_mm');
      const n = nm(v, t);
      desc = {
        pm: `the daily rainfall at ${n}`,
        bard: `the rain that came down on ${n}`,
        learn: `the rain each day in ${n}`,
      };
      unit = 'mm a day';
    }
    if (series.size < 7) return false;
    const b = slope(series);
    if (!Number.isFinite(b) || round(Math.abs(b), 2) === 0 || onEdge(b, 2)) return false;
    const yesNo = chance(0.3);
    if (yesNo) {
      const up = chance(0.5);
      const q =
        v === 'pm'
          ? `Yes or no: ${s.b === N ? 'is' : 'was'} ${desc.pm} trending ${up ? 'up' : 'down'}${T}?`
          : v === 'bard'
            ? `Say true, O muse: ${mid(s, v)}did ${desc.bard} ${kindPick === 'read' ? (up ? 'rise' : 'fall') : up ? 'grow' : 'dwindle'} from day to day?`
            : `Is it going ${up ? 'up' : 'down'}, ${desc.learn}${T}?`;
      return add('trend', q, `${b > 0 ? 'rising' : 'falling'}: ${fmt(b, 2)} ${unit} (${spanText(s)})`, (r) =>
        saysYes(r.answer, up === b > 0),
      );
    }
    const q =
      v === 'pm'
        ? pick([
            `What's the trend in ${desc.pm}${T}? Slope per day, please.`,
            `Give me the least-squares slope of ${desc.pm}${T}, per day.`,
            `${L}fit a line to ${desc.pm}: how much does it change per day?`,
          ])
        : v === 'bard'
          ? pick([
              `Tell me, O muse, whether ${desc.bard} swelled or waned${T}, and by how much a day, as a line drawn through the days would show.`,
              `O muse, ${mid(s, v)}did ${desc.bard} rise or fall from day to day, and by how much each day?`,
            ])
          : pick([
              `${cap(desc.learn)} is going up or going down${T}? How much in one day?`,
              `${L}how much change every day ${desc.learn}? It is up or down?`,
            ]);
    return add('trend', q, `${fmt(b, 2)} ${unit} (least-squares slope, ${spanText(s)})`, statesSlope(b));
  };

  // ------------------------------------------------------------ correlate
  const correlate = (): boolean => {
    const s = span(['lastmonth', 'thismonth', 'whole', 'whole']);
    if (!s) return false;
    const v = voice();
    const fishPl = () => dailySum(outEvents(out('fish'), s), 'fish');
    const mean2 = (t: Town, k: string) => dailyMean(readings(t, k, s), k);
    const pairs: [string, string, () => Map<number, number>, () => Map<number, number>][] = [
      [
        "Port Logic's daily catch of fish",
        'the daily average wind speed at Port Logic',
        fishPl,
        () => mean2('port-logic', 'wind_kph'),
      ],
      [
        "Port Logic's daily catch of fish",
        'the daily average temperature at Port Logic',
        fishPl,
        () => mean2('port-logic', 'temperature_c'),
      ],
      [
        'the ore mined each day at Circuiton',
        'the daily rainfall at Circuiton',
        () => dailySum(outEvents(out('ore'), s), 'ore_tons'),
        () => dailySum(readings('circuiton', 'rain_mm', s), 'rain_mm'),
      ],
      [
        'the drinks poured each day at the Den',
        'the daily average temperature at the Den',
        () => dailySum(outEvents(out('drinks'), s), 'drinks'),
        () => mean2('den-of-thieves', 'temperature_c'),
      ],
      [
        'the daily average temperature at PatchBourough',
        'the daily average temperature at Circuiton',
        () => mean2('patchbourough', 'temperature_c'),
        () => mean2('circuiton', 'temperature_c'),
      ],
    ];
    const [a, b, fa, fb] = pick(pairs);
    const r = pearson(fa(), fb());
    if (!Number.isFinite(r) || onEdge(r, 2) || round(Math.abs(r), 2) === 0) return false;
    const T = at(s, v);
    const q =
      v === 'pm'
        ? `What's the Pearson correlation between ${a} and ${b}${T}, day by day?`
        : v === 'bard'
          ? `Are ${a} and ${b} bound together like verse and tune${T}? Give me their correlation, day by day.`
          : `How much is the correlation of ${a} with ${b}${T}, by days?`;
    return add('correlate', q, `r = ${fmt(r, 2)} (${spanText(s)})`, statesR(r));
  };

  // ------------------------------------------------------------ total and scope
  const totalQ = (o: Output, s: Span, v: Voice) => {
    const n = nm(v, o.town);
    const T = at(s, v);
    const L = lead(s, v);
    if (v === 'pm')
      return pick([
        `${cap(o.how(n))}${T}?`,
        `Give me the total of ${o.what(n)}${T}.`,
        `${L}what's the total for ${o.what(n)}, in ${o.unit}?`,
        `Status figure needed: ${o.what(n)}${T}, in ${o.unit}.`,
      ]);
    if (v === 'bard')
      return pick([
        `Sing to me of ${o.song(n)}${T} — how much was it in all, in ${o.unit}?`,
        `O muse, ${mid(s, v)}tell the whole measure of ${o.song(n)}, in ${o.unit}.`,
      ]);
    return pick([
      `${cap(o.learnHow(n))}${T}?`,
      `${L}${o.learnHow(n)}?`,
      `How much is total of ${o.what(n)}${T}?`,
    ]);
  };
  const rainQ = (t: Town, s: Span, v: Voice) => {
    const n = nm(v, t);
    const T = at(s, v);
    return v === 'pm'
      ? pick([`How much rain fell at ${n}${T}?`, `Total rainfall at ${n}${T}, in mm?`])
      : v === 'bard'
        ? `Sing of the rains that fell on ${n}${T} — how many millimetres in all?`
        : pick([`How much rain was falling in ${n}${T}?`, `${lead(s, v)}how many mm of rain ${n} got?`]);
  };
  const total = (whole: boolean): boolean => {
    const s = whole ? spanOf('whole') : span(ANY.filter((k) => k !== 'whole'));
    if (!s) return false;
    const v = voice();
    const form = whole ? 'scope' : 'total';
    if (chance(0.22)) {
      const t = pick(TOWNS);
      const x = sum(readings(t, 'rain_mm', s).map((e) => num(e, 'rain_mm') as number));
      if (x <= 0) return false;
      return add(form, rainQ(t, s, v), `${fmt(x, 1)} mm (sum, ${spanText(s)})`, (r) =>
        states(r.answer, x, 1),
      );
    }
    const o = anyOutput();
    if (!outOk(o, s)) return false;
    const x = sum(outEvents(o, s).map((e) => num(e, o.key) ?? 0));
    if (x <= 0) return false;
    return add(form, totalQ(o, s, v), `${fmt(x, o.dec)} ${o.unit} (sum, ${spanText(s)})`, (r) =>
      states(r.answer, x, o.dec),
    );
  };
  /** The whole history across towns: all the rain, all the gold the pirates cost the towns. */
  const scopeAcross = (): boolean => {
    const s = spanOf('whole') as Span;
    const v = voice();
    if (chance(0.5)) {
      const x = sum(TOWNS.flatMap((t) => readings(t, 'rain_mm', s).map((e) => num(e, 'rain_mm') as number)));
      const q = {
        pm: pick([
          'Across all four towns, how much rain has fallen in total?',
          'Combined rainfall for all four towns to date, in mm?',
        ]),
        bard: 'Sing of every drop that has fallen on the four towns together — how many millimetres in all?',
        learn: 'How much rain was falling in all four towns together, until now?',
      }[v];
      return add('scope', q, `${fmt(x, 1)} mm (all towns, whole history)`, (r) => states(r.answer, x, 1));
    }
    if (!SENDERS.every((t) => lossAgrees(t, s))) return false;
    const x = sum(SENDERS.flatMap((t) => evs(t, 'loss').map((e) => num(e, 'loot_gold') ?? 0)));
    const q = {
      pm: 'How much gold have the three trading towns lost to the pirates altogether?',
      bard: 'Sing of all the gold the pirates have stripped from the towns, taken together — how much?',
      learn: 'How much gold all the towns losed to pirates together?',
    }[v];
    return add('scope', q, `${x} gold (losses of all towns, whole history)`, (r) => states(r.answer, x, 0));
  };

  // ------------------------------------------------------------ mean
  const meanReading = (): boolean => {
    const rd = pick(READINGS);
    const t = rd.only ?? pick(TOWNS);
    const s = span(ANY);
    if (!s) return false;
    const xs = readings(t, rd.key, s).map((e) => num(e, rd.key) as number);
    if (xs.length === 0) return false;
    const m = mean(xs);
    if (!clean(m, rd.dec)) return false;
    const v = voice();
    const n = nm(v, t);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `What was the average ${rd.label} at ${n}${T}?`,
            `Mean ${rd.label} at ${n}${T}, please.`,
            `${lead(s, v)}average ${rd.label} reading at ${n}?`,
          ])
        : v === 'bard'
          ? `Sing of ${rd.songNoun} at ${n}${T} — what was it on average?`
          : pick([
              `How much was average ${rd.label} in ${n}${T}?`,
              `${lead(s, v)}what is the average of ${rd.label} in ${n}?`,
            ]);
    return add(
      'mean',
      q,
      `${fmt(m, rd.dec + 2)} ${rd.unit} (mean of ${xs.length} readings, ${spanText(s)})`,
      (r) => states(r.answer, m, rd.dec),
    );
  };
  const meanPerDay = (): boolean => {
    const o = anyOutput();
    const s = span(WIDE);
    if (!s || len(s) < 2 || !outOk(o, s)) return false;
    const x = sum(outEvents(o, s).map((e) => num(e, o.key) ?? 0));
    const days = reportDays(o.town, s);
    if (x <= 0 || days === 0) return false;
    const m = x / days;
    if (!clean(m, o.dec)) return false;
    const v = voice();
    const n = nm(v, o.town);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `What was the average per day of ${o.what(n)}${T}?`,
            `${lead(s, v)}${o.how(n)} per day, on average?`,
            `Daily average for ${o.what(n)}${T}, please.`,
          ])
        : v === 'bard'
          ? `O muse, on an average day${T}, how much of ${o.song(n)} was there, in ${o.unit}?`
          : `${cap(o.learnHow(n))} in one day on average${T}?`;
    return add(
      'mean',
      q,
      `${fmt(m, o.dec + 2)} ${o.unit} a day (${fmt(x, o.dec)} over ${days} days, ${spanText(s)})`,
      (r) => states(r.answer, m, o.dec),
    );
  };
  const meanPerEvent = (): boolean => {
    const o = out(pick(OUTPUTS.filter((x) => x.per).map((x) => x.id)));
    const s = span(WIDE);
    if (!s) return false;
    let es = outEvents(o, s);
    if (o.id === 'raid') es = es.filter((e) => (num(e, 'raid_gold') ?? 0) > 0);
    if (es.length < 2) return false;
    const m = mean(es.map((e) => num(e, o.key) ?? 0));
    if (m <= 0 || !clean(m, o.dec)) return false;
    const v = voice();
    const n = nm(v, o.town);
    const w = (WHERE[o.id] as P)(n);
    const T = at(s, v);
    const q =
      v === 'pm'
        ? pick([
            `Average ${o.unit} per ${o.per} ${w}${T}?`,
            `${lead(s, v)}what was the mean ${o.unit} per ${o.per} ${w}?`,
          ])
        : v === 'bard'
          ? `Sing of each ${o.per} ${w}${T} — what did one bring on average, in ${o.unit}?`
          : `How much ${o.unit} in one ${o.per} ${w} in average${T}?`;
    return add(
      'mean',
      q,
      `${fmt(m, o.dec + 2)} ${o.unit} (mean over ${es.length} events, ${spanText(s)})`,
      (r) => states(r.answer, m, o.dec),
    );
  };

  // ------------------------------------------------------------ count: events
  const count = (): boolean => {
    const h = pick(HAPPENINGS.filter((x) => x.count));
    const c = h.count as NonNullable<Happening['count']>;
    const s = span(ANY);
    if (!s) return false;
    if (h.id.startsWith('robbed') && !lossAgrees(h.town, s)) return false;
    const n = events.filter((e) => e.day >= s.a && e.day <= s.b && h.test(e)).length;
    if (n === 0) return false;
    const v = voice();
    const name = nm(v, h.town);
    const T = at(s, v);
    const L = lead(s, v);
    const q =
      v === 'pm'
        ? pick([
            `${cap(c.pm(name))}${T}?`,
            `For the report, ${L.toLowerCase()}${c.pm(name)}?`,
            `Count check${T}: ${c.pm(name)}?`,
          ])
        : v === 'bard'
          ? pick([`Sing me the number: ${c.bard(name)}${T}.`, `O muse, ${mid(s, v)}tell ${c.bard(name)}.`])
          : pick([`${cap(c.learn(name))}${T}?`, `${L}${c.learn(name)}?`]);
    return add('count', q, `${n} ${c.unit} (events, ${spanText(s)})`, statesCount(n));
  };

  // ------------------------------------------------------------ which-town
  const whichTown = (): boolean => {
    const s = span(WIDE);
    if (!s) return false;
    const v = voice();
    const T = at(s, v);
    const kind = pick(['mean', 'mean', 'rain', 'rain', 'loss', 'rainydays', 'peak'] as const);
    const hi = kind === 'loss' || kind === 'rainydays' || kind === 'peak' || chance(0.6);
    const towns: readonly Town[] = kind === 'loss' ? SENDERS : TOWNS;
    const rd = pick(READINGS.filter((r) => !r.only));
    if (kind === 'loss' && !SENDERS.every((t) => lossAgrees(t, s))) return false;
    const value = (t: Town): number => {
      if (kind === 'mean') return mean(readings(t, rd.key, s).map((e) => num(e, rd.key) as number));
      if (kind === 'peak') return Math.max(...readings(t, rd.key, s).map((e) => num(e, rd.key) as number));
      if (kind === 'rain') return sum(readings(t, 'rain_mm', s).map((e) => num(e, 'rain_mm') as number));
      if (kind === 'loss')
        return sum(
          evs(t, 'loss')
            .filter(inSpan(s))
            .map((e) => num(e, 'loot_gold') ?? 0),
        );
      return happenDays(HAPPEN.get(`rain-${t}`) as Happening, s).size;
    };
    const vals = new Map(towns.map((t) => [t, value(t)] as [Town, number]));
    const ext = argExt(vals, hi);
    const dec = kind === 'mean' || kind === 'peak' ? rd.dec : kind === 'rain' ? 1 : 0;
    if (!ext || !Number.isFinite(ext.value) || (kind !== 'mean' && kind !== 'peak' && ext.value <= 0))
      return false;
    if (!clean(ext.value, dec)) return false;
    const sorted = [...vals.values()].sort((a, b) => (hi ? b - a : a - b));
    if (round(sorted[0] as number, dec) === round(sorted[1] as number, dec)) return false;
    const withValue = chance(0.5);
    let q: string;
    const most = hi ? 'most' : 'least';
    if (kind === 'mean')
      q =
        v === 'pm'
          ? pick([
              `Which town had the ${hi ? 'highest' : 'lowest'} average ${rd.label}${T}${withValue ? ', and what was it' : ''}?`,
              `${lead(s, v)}rank the towns by average ${rd.label}: which came out ${hi ? 'on top' : 'at the bottom'}${withValue ? ', and at what figure' : ''}?`,
            ])
          : v === 'bard'
            ? `Sing of the four towns${T}: where was ${rd.songNoun} ${hi ? 'greatest' : 'least'}, on average${withValue ? ', and by what measure' : ''}?`
            : `Which town have the most ${hi ? 'high' : 'low'} average ${rd.label}${T}${withValue ? ', how much' : ''}?`;
    else if (kind === 'peak')
      q =
        v === 'pm'
          ? `Which town logged ${rd.hiRead}${T}${withValue ? ', and what was the reading' : ''}?`
          : v === 'bard'
            ? `${lead(s, v)}in which of the four towns came ${rd.songHiRead}${withValue ? ', and what did it read' : ''}?`
            : `In which town was ${rd.learnHiRead}${T}${withValue ? '? How much' : ''}?`;
    else if (kind === 'rain')
      q =
        v === 'pm'
          ? `Which town got the ${most} rain${T}${withValue ? ', and how much' : ''}?`
          : v === 'bard'
            ? `Which of the four towns did the heavens drench the ${most}${T}${withValue ? ', and with how many millimetres' : ''}?`
            : `In which town was falling ${hi ? 'most' : 'less'} rain${T}${withValue ? ', how many mm' : ''}?`;
    else if (kind === 'loss')
      q =
        v === 'pm'
          ? `Which town lost the most gold to the pirates${T}${withValue ? ', and how much' : ''}?`
          : v === 'bard'
            ? `From whose cargoes did the pirates bleed the most gold${T}${withValue ? ', and how much was it' : ''}?`
            : `Which town losed most gold to pirates${T}${withValue ? ', how much' : ''}?`;
    else
      q =
        v === 'pm'
          ? `Which town had the most days with rain${T}${withValue ? ', and how many' : ''}?`
          : v === 'bard'
            ? `Upon which town did rain fall on the most days${T}${withValue ? ', and on how many' : ''}?`
            : `Which town have most rainy days${T}${withValue ? ', how many days' : ''}?`;
    const win = ext.key;
    return add(
      'which-town',
      q,
      `${townLabel(win)} (${fmt(ext.value, dec + (kind === 'mean' ? 1 : 0))}, ${kind}, ${spanText(s)})`,
      (r) => all(townFirst(win)(r), withValue ? states(r.answer, ext.value, dec) : null),
    );
  };

  // ------------------------------------------------------------ who
  const who = (): boolean => {
    const o = out(pick(OUTPUTS.filter((x) => x.who).map((x) => x.id)));
    const w = o.who as NonNullable<Output['who']>;
    const s = span(WIDE);
    if (!s) return false;
    const es = outEvents(o, s);
    const v = voice();
    const T = at(s, v);
    const L = lead(s, v);
    if (chance(0.3)) {
      // who landed the largest single one
      const ext = extremeOf(es, o.key, true);
      if (!ext || ext.value <= 0 || !ext.actor) return false;
      const n = nm(v, o.town);
      const where = (WHERE[o.id] as P)(n);
      const q =
        v === 'pm'
          ? `Who was behind the largest single ${o.one} ${where}${T}, in ${o.unit}?`
          : v === 'bard'
            ? `Sing of the hero of the greatest ${o.oneSong} ${where}${T} — whose was it?`
            : `Who maked the most big ${o.one} ${where}${T}, in ${o.unit}?`;
      const actor = ext.actor;
      return add('who', q, `${actor} (${fmt(ext.value, o.dec)} ${o.unit}, ${spanText(s)})`, (r) =>
        names(r.answer, actor),
      );
    }
    const by = new Map<string, number>();
    for (const e of es) if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + (num(e, o.key) ?? 0));
    const ext = argExt(by, true);
    if (!ext || ext.value <= 0 || by.size < 2) return false;
    const withValue = chance(0.5);
    const q =
      v === 'pm'
        ? pick([
            `${cap(w.pm)}${T}${withValue ? ', and how much' : ''}?`,
            `${L}${w.pm}? ${withValue ? 'Name and total, please.' : 'Just the name.'}`,
          ])
        : v === 'bard'
          ? `Sing of the champion: ${w.bard}${T}${withValue ? ', and how much did they bring' : ''}?`
          : `${cap(w.learn)}${T}${withValue ? '? How many' : ''}?`;
    const actor = ext.key;
    return add('who', q, `${actor} (${fmt(ext.value, o.dec)} ${o.unit}, ${spanText(s)})`, (r) =>
      all(names(r.answer, actor), withValue ? states(r.answer, ext.value, o.dec) : null),
    );
  };

  // ------------------------------------------------------------ filter: whose shipments, which goods, where
  const filter = (): boolean => {
    const s = span([...WIDE, 'whole']);
    if (!s) return false;
    const v = voice();
    const T = at(s, v);
    const kind = pick([
      'raidTarget',
      'raidGoods',
      'overseasBuy',
      'overseasSell',
      'crates',
      'arrivals',
      'lossGoods',
    ] as const);
    const raids = evs('den-of-thieves', 'raid').filter((e) => inSpan(s)(e) && (num(e, 'raid_gold') ?? 0) > 0);
    if (kind === 'raidTarget') {
      const t = pick(SENDERS);
      const x = sum(raids.filter((e) => e.data.target === t).map((e) => num(e, 'raid_gold') ?? 0));
      if (x <= 0) return false;
      const n = nm(v, t);
      const q =
        v === 'pm'
          ? `How much gold did the pirates take from ${poss(n)} shipments${T}?`
          : v === 'bard'
            ? `Sing of the gold the Black Gull tore from the cargoes of ${n}${T} — how much?`
            : `How much gold pirates taked from shipments of ${n}${T}?`;
      return add('filter', q, `${x} gold (raids on ${t}, ${spanText(s)})`, (r) => states(r.answer, x, 0));
    }
    if (kind === 'raidGoods') {
      const goods = pick(['flour', 'tools', 'metal', 'trinkets', 'fish', 'spices', 'textiles', 'grain']);
      const x = raids.filter((e) => e.data.goods === goods).length;
      if (x === 0) return false;
      const q =
        v === 'pm'
          ? `How many raids on ${goods} shipments took gold${T}?`
          : v === 'bard'
            ? `How many times did the pirates fall upon cargoes of ${goods}${T} and win gold?`
            : `How many times pirates robbed ${goods} shipment and got gold${T}?`;
      return add('filter', q, `${x} raids (goods ${goods}, ${spanText(s)})`, statesCount(x));
    }
    if (kind === 'overseasBuy' || kind === 'overseasSell') {
      const buy = kind === 'overseasBuy';
      const x = sum(
        evs('port-logic', 'trade')
          .filter((e) => inSpan(s)(e) && (buy ? e.data.from === 'overseas' : e.data.to === 'overseas'))
          .map((e) => num(e, 'value_gold') ?? 0),
      );
      if (x <= 0) return false;
      const n = nm(v, 'port-logic');
      const q = buy
        ? {
            pm: `How much gold did ${n} pay for goods bought from overseas${T}?`,
            bard: `What gold did ${n} spend on the cargoes of the ships from overseas${T}?`,
            learn: `How much gold ${n} payed for the goods from overseas${T}?`,
          }[v]
        : {
            pm: `How much gold did ${n} earn selling goods overseas${T}?`,
            bard: `Sing of the gold the overseas ships paid ${n} for its goods${T} — how much?`,
            learn: `How much gold ${n} earned by selling to overseas${T}?`,
          }[v];
      return add('filter', q, `${x} gold (${buy ? 'imports' : 'exports'} overseas, ${spanText(s)})`, (r) =>
        states(r.answer, x, 0),
      );
    }
    if (kind === 'crates' || kind === 'arrivals') {
      const from = pick(SENDERS);
      const to = pick(SENDERS);
      if (from === to) return false;
      const x =
        kind === 'crates'
          ? sum(
              evs(from, 'trade')
                .filter((e) => inSpan(s)(e) && e.data.to === to)
                .map((e) => num(e, 'cargo_items') ?? 0),
            )
          : evs(to, 'arrival').filter((e) => inSpan(s)(e) && e.data.from === from).length;
      if (x <= 0) return false;
      const A = nm(v, from);
      const B = nm(v, to);
      const q =
        kind === 'crates'
          ? {
              pm: `How many crates did ${A} ship to ${B}${T}?`,
              bard: `How many crates set out from ${A} bound for ${B}${T}?`,
              learn: `How many crates ${A} sended to ${B}${T}?`,
            }[v]
          : {
              pm: `How many shipments from ${A} arrived at ${B}${T}?`,
              bard: `How many cargoes from ${A} came safe to ${B}${T}?`,
              learn: `How many shipment from ${A} was arriving in ${B}${T}?`,
            }[v];
      return add(
        'filter',
        q,
        `${x} ${kind === 'crates' ? 'crates' : 'arrivals'} (${from} → ${to}, ${spanText(s)})`,
        (r) => states(r.answer, x, 0),
      );
    }
    const t = pick(SENDERS);
    if (!lossAgrees(t, s)) return false;
    const losses = evs(t, 'loss').filter(inSpan(s));
    const goods = pick([...new Set(losses.map((e) => String(e.data.goods)))]);
    if (!goods) return false;
    const x = sum(losses.filter((e) => e.data.goods === goods).map((e) => num(e, 'loot_gold') ?? 0));
    if (x <= 0) return false;
    const n = nm(v, t);
    const q = {
      pm: `How much gold did ${n} lose to the pirates on its ${goods} shipments${T}?`,
      bard: `Sing of the ${goods} cargoes of ${n} that fell to the pirates${T} — how much gold was lost?`,
      learn: `How much gold ${n} losed on ${goods} shipments to pirates${T}?`,
    }[v];
    return add('filter', q, `${x} gold (losses of ${t}, goods ${goods}, ${spanText(s)})`, (r) =>
      states(r.answer, x, 0),
    );
  };

  // ------------------------------------------------------------ did: yes or no
  const did = (): boolean => {
    const v = voice();
    if (chance(0.5)) {
      const h = pick(HAPPENINGS);
      const s = span(['today', 'yesterday', 'day', 'day', 'thisweek', 'lastweek', 'week']);
      if (!s) return false;
      if (h.id.startsWith('robbed') && !lossAgrees(h.town, s)) return false;
      const yes = happenDays(h, s).size > 0;
      const T = at(s, v);
      const n = nm(v, h.town);
      const q = {
        pm: pick([`Yes or no: ${h.pm(n)}${T}?`, `Can you confirm whether ${h.pm(n)}${T}?`]),
        bard: `Tell me true, O muse — did it come to pass that ${h.bard(n)}${T}?`,
        learn: `Is true that ${h.learn(n)}${T}?`,
      }[v];
      return add('did', q, `${yes ? 'yes' : 'no'} (${h.id}, ${spanText(s)})`, (r) => saysYes(r.answer, yes));
    }
    const o = anyOutput();
    const s = span(WIDE);
    if (!s || !outOk(o, s)) return false;
    const x = sum(outEvents(o, s).map((e) => num(e, o.key) ?? 0));
    if (x <= 0) return false;
    const up = chance(0.5);
    const th = niceNear(x * (up ? 1 + 0.1 + 0.2 * rng() : 1 - 0.1 - 0.2 * rng()), o.step);
    if (th <= 0 || Math.abs(th - x) < 1e-9) return false;
    const n = nm(v, o.town);
    const T = at(s, v);
    const ts = show(th);
    const q = {
      pm: `Did the total of ${o.what(n)} go over ${ts}${T}? Yes or no.`,
      bard: `Say, did ${o.song(n)} pass ${ts} ${o.unit}${T}?`,
      learn: `${cap(o.learnOver(n, ts))}${T}, yes or no?`,
    }[v];
    const yes = x > th;
    return add(
      'did',
      q,
      `${yes ? 'yes' : 'no'} (${fmt(x, o.dec)} ${o.unit} against ${th}, ${spanText(s)})`,
      (r) => saysYes(r.answer, yes),
    );
  };

  // ------------------------------------------------------------ future
  const future = (): boolean => {
    const v = voice();
    const d = 450 + Math.floor(rng() * 550);
    const when = pick(['tomorrow', 'next week', `on day ${d}`]);
    const whole = spanOf('whole') as Span;
    if (chance(0.3)) {
      const t = pick(TOWNS);
      const n = nm(v, t);
      const q = {
        pm: `Will it rain at ${n} ${when}?`,
        bard: `Will the clouds weep over ${n} ${when}? Sing me what is to come.`,
        learn: `It will be rain in ${n} ${when}?`,
      }[v];
      return add('future', q, 'not yet', (r) => saysNotYet(r.answer));
    }
    const o = anyOutput();
    const n = nm(v, o.town);
    const x = sum(outEvents(o, whole).map((e) => num(e, o.key) ?? 0));
    const q = {
      pm: `What will the total of ${o.what(n)} be ${when}?`,
      bard: `Sing of what is yet to come: how much of ${o.song(n)} will there be ${when}?`,
      learn: `How much ${o.what(n)} will be ${when}?`,
    }[v];
    return add('future', q, 'not yet (no figure)', (r) =>
      all(
        saysNotYet(r.answer),
        x > 0 && x !== d && states(r.answer, x, o.dec) === null ? 'states the history total' : null,
      ),
    );
  };

  // ------------------------------------------------------------ role
  const role = (): boolean => {
    const r0 = pick(ROLES);
    const v = voice();
    const q = pick(r0.q[v]);
    return add('role', q, r0.truth, (r) => all(...r0.words.map((w) => names(r.answer, w))));
  };

  // ------------------------------------------------------------ the plan: how many of each, per history
  const plan: [number, () => boolean][] = [
    [26, extremeDayOutput],
    [10, extremeDayReading],
    [4, wettestDay],
    [26, extremeEvent],
    [12, () => singleReading(true)],
    [10, () => singleReading(false)],
    [8, whichDayEvent],
    [8, whichDayReading],
    [8, whichDayFirstLast],
    [12, daysHappening],
    [9, daysOverTotal],
    [8, daysReading],
    [5, daysRainOrDry],
    [28, bothDays],
    [9, compareWeeksOutput],
    [5, compareDaysOutput],
    [8, compareTownsReading],
    [4, compareWeeksReading],
    [4, comparePeople],
    [4, compareLosses],
    [20, trend],
    [4, correlate],
    [16, () => total(false)],
    [5, () => total(true)],
    [3, scopeAcross],
    [6, meanReading],
    [5, meanPerDay],
    [5, meanPerEvent],
    [14, count],
    [12, whichTown],
    [9, who],
    [12, filter],
    [9, did],
    [6, future],
    [5, role],
  ];
  for (const [quota, make] of plan) {
    let made = 0;
    for (let tries = 0; made < quota && tries < quota * 60; tries++) if (make()) made++;
  }
  return cases;
}

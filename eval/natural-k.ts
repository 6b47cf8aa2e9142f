/**
 * A development set written from the world definition, eval/CONVENTIONS.md and eval/checks.ts alone,
 * without reading the planner or the other sets' questions, in three voices: a sports commentator
 * who talks about the towns as teams with records and personal bests ("What was the harbour's best
 * day on the water in week 3?"), an old-timer farmer from PatchBourough ("How many days did it rain
 * on us here at the farms this past week?") and a spreadsheet user thinking in columns and functions
 * ("max of temperature_c circuiton wk 2", "count distinct days where rain_mm > 0"). Every truth is
 * computed here from the raw events; degenerate cases (ties, zero totals, values at a rounding edge,
 * a worst day where some day of the range has no event of the kind) are skipped.
 */
import {
  all,
  type Case,
  names,
  namesDay,
  type RawEvent,
  type Reply,
  round,
  saysNotYet,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Voice = 'cast' | 'farm' | 'sheet';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
type Check = Case['check'];
type KCase = Case & { typo?: string };

const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
const TRADERS: Town[] = ['port-logic', 'patchbourough', 'circuiton'];
const VOICES: Voice[] = ['cast', 'farm', 'sheet'];

// ---------------------------------------------------------------- randomness

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

/** A hash of the history, so the set is the same for the same events. */
function historyHash(events: readonly RawEvent[]): number {
  let h = 0x811c9dc5 ^ 0x6b;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  };
  mix(`k${events.length}`);
  for (let i = 0; i < events.length; i += 61) {
    const e = events[i] as RawEvent;
    mix(`${e.town}|${e.day}|${e.kind}|${e.text.length}`);
  }
  return h >>> 0;
}

class Rng {
  private readonly f: () => number;
  constructor(seed: number) {
    this.f = mulberry32(seed);
  }
  next(): number {
    return this.f();
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.f() * (b - a + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.f() * xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.f() < p;
  }
  /** Two different items. */
  two<T>(xs: readonly T[]): [T, T] {
    const i = Math.floor(this.f() * xs.length);
    let j = Math.floor(this.f() * (xs.length - 1));
    if (j >= i) j++;
    return [xs[i] as T, xs[j] as T];
  }
}

// ---------------------------------------------------------------- words

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A clause led by the time ("In week 3, how many…"), or the clause capitalised when there is none. */
const L = (lead: string, s: string) => (lead === '' ? cap(s) : `${lead}${s}`);
const NUMWORD: Record<number, string> = {
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  10: 'ten',
  12: 'twelve',
  14: 'fourteen',
  15: 'fifteen',
  20: 'twenty',
  21: 'twenty-one',
  25: 'twenty-five',
  30: 'thirty',
};
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/** A number as a person writes it in a question: 2500 → "2,500" sometimes, decimals as needed. */
function fmtQ(x: number, rng: Rng): string {
  const s = Number.isInteger(x) ? String(x) : String(round(x, 2));
  if (x >= 1000 && Number.isInteger(x) && rng.chance(0.5)) return x.toLocaleString('en-US');
  return s;
}
const fmt = (x: number, d: number) => round(x, d).toFixed(d);

// ---------------------------------------------------------------- time

interface Span {
  a: number;
  b: number;
  /** How the voice says it ("in week 3"), '' when no time is named. */
  t: string;
  kind: string;
  whole: boolean;
  /** For the truth: "days 8–14". */
  label: string;
}

const WIDE = ['between', 'week', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth', 'whole'];
const SHORTER = ['between', 'week', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth'];
const ANY = ['today', 'yesterday', 'day', 'day', ...WIDE];

function makeSpan(rng: Rng, N: number, kind: string, voice: Voice, minLen = 1): Span {
  const by = (cast: string[], farm: string[], sheet: string[]) =>
    rng.pick(voice === 'cast' ? cast : voice === 'farm' ? farm : sheet);
  const mk = (a: number, b: number, t: string, whole = false): Span => ({
    a,
    b,
    t,
    kind,
    whole,
    label: whole ? `days 1–${N}` : a === b ? `day ${a}` : `days ${a}–${b}`,
  });
  switch (kind) {
    case 'today':
      return mk(N, N, by(['today', "in today's play"], ['today', 'this very day'], ['today', 'day = today']));
    case 'yesterday':
      return mk(
        N - 1,
        N - 1,
        by(["in yesterday's action", 'yesterday'], ['yesterday', 'yesterday'], ['yesterday', 'yday']),
      );
    case 'day': {
      const d = rng.int(1, 55);
      return mk(
        d,
        d,
        by(
          [`on day ${d}`, `back on day ${d}`],
          [`on day ${d}`, `back on day ${d}`],
          [`day ${d}`, `day=${d}`],
        ),
      );
    }
    case 'between': {
      const len = Math.max(minLen, rng.int(4, 12));
      const a = rng.int(1, 55 - len + 1);
      const b = a + len - 1;
      return mk(
        a,
        b,
        by(
          [
            `between day ${a} and day ${b}`,
            `from day ${a} through day ${b}`,
            `over the day ${a} to ${b} stretch`,
          ],
          [`from day ${a} to day ${b}`, `betwixt day ${a} and day ${b}`, `between day ${a} and day ${b}`],
          [`days ${a}-${b}`, `day ${a}..${b}`, `days ${a} to ${b}`],
        ),
      );
    }
    case 'week': {
      const w = rng.int(1, 7);
      return mk(
        7 * (w - 1) + 1,
        7 * w,
        by(
          [`in week ${w}`, `during week ${w}`, `in week ${NUMWORD[w] ?? w}`, `across week ${w}`],
          [`in week ${w}`, `in the ${ORD[w - 1] as string} week`, `back in week ${w}`],
          [`wk ${w}`, `week ${w}`, `wk ${w}`],
        ),
      );
    }
    case 'lastweek':
      return mk(N - 7, N - 1, by(['last week', 'over last week'], ['last week'], ['last week', 'prev week']));
    case 'thisweek':
      return mk(
        N - 6,
        N,
        by(
          ['this week', 'this past week', 'over the past week'],
          ['this past week', 'this week', 'these last seven days'],
          ['last 7 days', 'this week', 'past 7 days'],
        ),
      );
    case 'lastk': {
      const k = Math.max(minLen, rng.pick([3, 5, 10, 12, 14, 15, 20, 25]));
      const w = NUMWORD[k] ?? String(k);
      return mk(
        N - k + 1,
        N,
        by(
          [`over the last ${k} days`, `in the last ${w} days`],
          [`these last ${w} days`, `over the past ${k} days`, `in the last ${k} days`],
          [`last ${k} days`, `past ${k} days`, `last ${k}d`],
        ),
      );
    }
    case 'lastmonth':
      return mk(N - 30, N - 1, by(['last month'], ['last month'], ['last month', 'prev month']));
    case 'thismonth':
      return mk(
        N - 29,
        N,
        by(
          ['this month', 'over the past 30 days'],
          ['this month', 'this past month'],
          ['last 30 days', 'this month', 'past 30 days'],
        ),
      );
    default:
      return mk(
        1,
        N,
        by(
          ['', 'all-time', 'in the record books', 'ever', 'so far'],
          ['', 'ever', 'all told', 'since the record began'],
          ['', 'all rows', 'all time'],
        ),
        true,
      );
  }
}

/** The time's pieces for a template. */
interface TP {
  t: string;
  end: string;
  lead: string;
}
const tp = (s: Span): TP => ({
  t: s.t,
  end: s.t === '' ? '' : ` ${s.t}`,
  // "Ever, how many…" is not said: such a time goes at the end, or is left out.
  lead: s.t === '' || /^(ever|all-time)$/.test(s.t) ? '' : `${cap(s.t)}, `,
});

// ---------------------------------------------------------------- towns as each voice names them

interface Ref {
  town: Town;
  /** "the harbour" */
  name: string;
  /** "at the harbour" */
  at: string;
  /** "the harbour's" */
  poss: string;
}

function ref(rng: Rng, town: Town, voice: Voice): Ref {
  const r = (name: string, at: string, poss = /s$/.test(name) ? `${name}'` : `${name}'s`): Ref => ({
    town,
    name,
    at,
    poss,
  });
  const C: Record<Voice, Record<Town, Ref[]>> = {
    cast: {
      'port-logic': [
        r('Port Logic', 'at Port Logic'),
        r('the harbour', 'at the harbour'),
        r('the port', 'at the port'),
      ],
      patchbourough: [
        r('PatchBourough', 'in PatchBourough'),
        r('the farm town', 'in the farm town'),
        r('the farms', 'at the farms', "the farms'"),
      ],
      circuiton: [
        r('Circuiton', 'in Circuiton'),
        r('the mountain town', 'in the mountain town'),
        r('the mines', 'at the mines', "the mines'"),
      ],
      'den-of-thieves': [
        r('the Den', 'at the Den'),
        r('Den of Thieves', 'at Den of Thieves'),
        r('the island', 'on the island'),
      ],
    },
    farm: {
      'port-logic': [
        r('Port Logic', 'down at Port Logic'),
        r('the harbour', 'down at the harbour'),
        r('the port', 'over at the port'),
      ],
      patchbourough: [
        r('PatchBourough', 'here in PatchBourough'),
        r('the farms', 'here at the farms', "the farms'"),
        r('the farms', 'over at the farms', "the farms'"),
        r('the village', 'round the river farms'),
      ],
      circuiton: [
        r('Circuiton', 'up in Circuiton'),
        r('the mountain town', 'up in the mountain town'),
        r('the mines', 'up at the mines', "the mines'"),
      ],
      'den-of-thieves': [
        r('the Den', 'out at the Den'),
        r('Den of Thieves', 'out at Den of Thieves'),
        r('the island', "out on them pirates' island"),
      ],
    },
    sheet: {
      'port-logic': [
        r('port logic', 'port logic'),
        r('port-logic', 'port-logic'),
        r('Port Logic', 'Port Logic'),
      ],
      patchbourough: [r('patchbourough', 'patchbourough'), r('PatchBourough', 'PatchBourough')],
      circuiton: [r('circuiton', 'circuiton'), r('Circuiton', 'Circuiton')],
      'den-of-thieves': [
        r('den of thieves', 'den of thieves'),
        r('den-of-thieves', 'den-of-thieves'),
        r('Den of Thieves', 'Den of Thieves'),
      ],
    },
  };
  return rng.pick(C[voice][town]);
}

// ---------------------------------------------------------------- what is counted

interface Out {
  key: string;
  kind: string;
  town: Town;
  dec: number;
  /** noun after "How many/much" */
  noun: string;
  many: boolean;
  /** standalone noun phrase ("harvested grain") */
  np: string;
  verb: string;
  ved: string;
  /** who does it, at the town ("the fishermen"); undefined: the town itself */
  worker: string;
  /** a farmer's word for his own town's worker ("we", "our mill") */
  ours?: string;
  /** one event ("haul") */
  one?: string;
  /** the commentator's arena ("on the water") */
  arena: string;
  col: string;
  /** "2,000 fish", "3.5 tons of ore" */
  qty: (x: string) => string;
  unit: string;
  /** an event of the kind on every day */
  dense: boolean;
  /** the people who do it (for who-questions) */
  crew?: string;
}

const OUTS: Out[] = [
  {
    key: 'fish',
    kind: 'fishing',
    town: 'port-logic',
    dec: 0,
    noun: 'fish',
    many: true,
    np: 'fish',
    verb: 'catch',
    ved: 'caught',
    worker: 'the fishermen',
    one: 'haul',
    arena: 'on the water',
    col: 'fish',
    qty: (x) => `${x} fish`,
    unit: 'fish',
    dense: true,
    crew: 'fishermen',
  },
  {
    key: 'nets',
    kind: 'maritime',
    town: 'port-logic',
    dec: 0,
    noun: 'nets',
    many: true,
    np: 'nets made',
    verb: 'make',
    ved: 'made',
    worker: 'the net loft',
    one: 'batch of nets',
    arena: 'in the net loft',
    col: 'nets',
    qty: (x) => `${x} nets`,
    unit: 'nets',
    dense: true,
    crew: 'net makers',
  },
  {
    key: 'ropes',
    kind: 'maritime',
    town: 'port-logic',
    dec: 0,
    noun: 'ropes',
    many: true,
    np: 'ropes made',
    verb: 'make',
    ved: 'made',
    worker: 'the net loft',
    arena: 'on the rope racks',
    col: 'ropes',
    qty: (x) => `${x} ropes`,
    unit: 'ropes',
    dense: true,
  },
  {
    key: 'harvest',
    kind: 'farming',
    town: 'patchbourough',
    dec: 0,
    noun: 'grain',
    many: false,
    np: 'harvested grain',
    verb: 'harvest',
    ved: 'harvested',
    worker: 'the farmers',
    ours: 'we',
    one: 'load of grain',
    arena: 'in the fields',
    col: 'harvest',
    qty: (x) => `${x} lbs of grain`,
    unit: 'lbs',
    dense: true,
    crew: 'farmers',
  },
  {
    key: 'flour_lbs',
    kind: 'mill',
    town: 'patchbourough',
    dec: 0,
    noun: 'flour',
    many: false,
    np: 'flour',
    verb: 'grind',
    ved: 'ground',
    worker: 'the mill',
    ours: 'our mill',
    one: 'grinding of flour',
    arena: 'at the mill',
    col: 'flour_lbs',
    qty: (x) => `${x} lbs of flour`,
    unit: 'lbs',
    dense: true,
  },
  {
    key: 'tools',
    kind: 'forge',
    town: 'patchbourough',
    dec: 0,
    noun: 'tools',
    many: true,
    np: 'tools',
    verb: 'forge',
    ved: 'forged',
    worker: 'the blacksmith',
    ours: 'our blacksmith',
    one: 'batch of tools',
    arena: 'at the anvil',
    col: 'tools',
    qty: (x) => `${x} tools`,
    unit: 'tools',
    dense: true,
  },
  {
    key: 'ore_tons',
    kind: 'mining',
    town: 'circuiton',
    dec: 2,
    noun: 'ore',
    many: false,
    np: 'ore',
    verb: 'mine',
    ved: 'mined',
    worker: 'the miners',
    one: 'shift of ore',
    arena: 'down the mine',
    col: 'ore_tons',
    qty: (x) => `${x} tons of ore`,
    unit: 'tons',
    dense: true,
    crew: 'miners',
  },
  {
    key: 'trinkets',
    kind: 'apprenticeship',
    town: 'circuiton',
    dec: 0,
    noun: 'trinkets',
    many: true,
    np: 'trinkets',
    verb: 'make',
    ved: 'made',
    worker: 'John',
    one: 'batch of trinkets',
    arena: 'at the workbench',
    col: 'trinkets',
    qty: (x) => `${x} trinkets`,
    unit: 'trinkets',
    dense: true,
  },
  {
    key: 'learned',
    kind: 'education',
    town: 'circuiton',
    dec: 0,
    noun: 'pupils',
    many: true,
    np: 'pupils taught',
    verb: 'teach',
    ved: 'taught',
    worker: 'the Academy',
    arena: 'in the classroom',
    col: 'learned',
    qty: (x) => `${x} pupils`,
    unit: 'pupils',
    dense: true,
  },
  {
    key: 'drinks',
    kind: 'drinking',
    town: 'den-of-thieves',
    dec: 0,
    noun: 'drinks',
    many: true,
    np: 'drinks poured',
    verb: 'pour',
    ved: 'poured',
    worker: 'the tavern',
    arena: 'behind the bar',
    col: 'drinks',
    qty: (x) => `${x} drinks`,
    unit: 'drinks',
    dense: true,
  },
  {
    key: 'arrows',
    kind: 'arrows',
    town: 'den-of-thieves',
    dec: 0,
    noun: 'arrows',
    many: true,
    np: 'arrows',
    verb: 'make',
    ved: 'made',
    worker: 'the fletcher',
    one: 'batch of arrows',
    arena: 'at the fletching bench',
    col: 'arrows',
    qty: (x) => `${x} arrows`,
    unit: 'arrows',
    dense: false,
  },
  {
    key: 'raid_gold',
    kind: 'raid',
    town: 'den-of-thieves',
    dec: 0,
    noun: 'gold',
    many: false,
    np: 'raid gold',
    verb: 'take in raids',
    ved: 'took in raids',
    worker: 'the pirates',
    one: 'raid',
    arena: 'on the raids',
    col: 'raid_gold',
    qty: (x) => `${x} gold`,
    unit: 'gold',
    dense: false,
  },
];
const OUT = (key: string) => OUTS.find((o) => o.key === key) as Out;
/** The place a number is made, with the number named where the place makes another too (the mill's flour and grain). */
const arenaOf = (o: Out) =>
  ['mill', 'maritime', 'mining'].includes(o.kind) ? `${o.arena} for ${o.np}` : o.arena;
/** The outputs a farmer talks about: his own first. */
const FARM_OUTS = [
  'harvest',
  'harvest',
  'flour_lbs',
  'flour_lbs',
  'tools',
  'tools',
  'fish',
  'ore_tons',
  'drinks',
];

interface Rd {
  key: string;
  dec: number;
  unit: string;
  noun: string;
  towns: Town[];
  /** "warmer" / "colder" */
  more: string;
  less: string;
  /** "hottest" / "coldest" (a day) */
  hiDay: string;
  loDay: string;
  /** a single reading at its highest/lowest */
  hiOne: string;
  loOne: string;
  /** a farmer's "How hot did it get" */
  hiQ: string;
  loQ: string;
}

const READS: Rd[] = [
  {
    key: 'temperature_c',
    dec: 1,
    unit: '°C',
    noun: 'temperature',
    towns: TOWNS,
    more: 'warmer',
    less: 'colder',
    hiDay: 'hottest',
    loDay: 'coldest',
    hiOne: 'hottest reading',
    loOne: 'coldest reading',
    hiQ: 'How hot did it get',
    loQ: 'How cold did it get',
  },
  {
    key: 'wind_kph',
    dec: 1,
    unit: 'km/h',
    noun: 'wind speed',
    towns: TOWNS,
    more: 'windier',
    less: 'calmer',
    hiDay: 'windiest',
    loDay: 'calmest',
    hiOne: 'strongest wind reading',
    loOne: 'lightest wind reading',
    hiQ: 'How hard did the wind blow',
    loQ: 'How light did the wind get',
  },
  {
    key: 'humidity_pct',
    dec: 0,
    unit: '%',
    noun: 'humidity',
    towns: TOWNS,
    more: 'more humid',
    less: 'less humid',
    hiDay: 'most humid',
    loDay: 'least humid',
    hiOne: 'highest humidity reading',
    loOne: 'lowest humidity reading',
    hiQ: 'How humid did it get',
    loQ: 'How low did the humidity drop',
  },
  {
    key: 'pressure_hpa',
    dec: 1,
    unit: 'hPa',
    noun: 'air pressure',
    towns: TOWNS,
    more: 'higher in pressure',
    less: 'lower in pressure',
    hiDay: 'highest-pressure',
    loDay: 'lowest-pressure',
    hiOne: 'highest air pressure reading',
    loOne: 'lowest air pressure reading',
    hiQ: 'How high did the barometer climb',
    loQ: 'How low did the barometer fall',
  },
  {
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    noun: 'tide',
    towns: ['port-logic'],
    more: 'higher in tide',
    less: 'lower in tide',
    hiDay: 'highest-tide',
    loDay: 'lowest-tide',
    hiOne: 'highest tide',
    loOne: 'lowest tide',
    hiQ: 'How high did the tide come in',
    loQ: 'How low did the tide go out',
  },
  {
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    noun: 'river level',
    towns: ['patchbourough'],
    more: 'higher on the river',
    less: 'lower on the river',
    hiDay: 'highest-river',
    loDay: 'lowest-river',
    hiOne: 'highest river level',
    loOne: 'lowest river level',
    hiQ: 'How high did the river get',
    loQ: 'How low did the river run',
  },
];
const READ = (key: string) => READS.find((r) => r.key === key) as Rd;

// ---------------------------------------------------------------- checks

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const townRe = (t: Town) => new RegExp(esc(TOWN_NAMES[t] ?? t), 'i');
const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');
const weekRe = (w: number) =>
  new RegExp(
    `\\bweek ${w}\\b|\\bdays? ${7 * w - 6}\\s*(?:-|–|—|to|through|and)\\s*(?:day )?${7 * w}\\b`,
    'i',
  );
const NONE = /\b(no|none|never|zero|0|not once|nothing|not a single)\b/i;

const st =
  (v: number, d: number): Check =>
  (r) =>
    states(r.answer, v, d);
const dayC =
  (d: number): Check =>
  (r) =>
    namesDay(r.answer, d);
const yesC =
  (y: boolean): Check =>
  (r) =>
    saysYes(r.answer, y);
const nameC =
  (w: string): Check =>
  (r) =>
    names(r.answer, w);
const and =
  (...cs: Check[]): Check =>
  (r, c) =>
    all(...cs.map((x) => x(r, c)));

/** The winner is named, and before the other side (or the other side is not named). */
function firstC(win: RegExp, others: RegExp[], label: string): Check {
  return (r: Reply) => {
    const w = r.answer.search(win);
    if (w < 0) return `does not name ${label}`;
    return others.some((o) => {
      const i = r.answer.search(o);
      return i >= 0 && i < w;
    })
      ? `names another before ${label}`
      : null;
  };
}

/** Every day of `days` named, and no other day of a..b (but those the question names, as its range). */
function daysC(days: number[], a: number, b: number, question: string): Check {
  const asked = new Set(
    [...question.matchAll(/\bdays? (\d+)\b|\b(\d+)\b/gi)].map((m) => Number(m[1] ?? m[2])),
  );
  return (r: Reply) => {
    if (days.length === 0) {
      if (!NONE.test(r.answer)) return 'does not say there were none';
    } else {
      const missing = days.find((d) => namesDay(r.answer, d) !== null);
      if (missing !== undefined) return `does not name day ${missing}`;
    }
    for (let d = a; d <= b; d++)
      if (!days.includes(d) && !asked.has(d) && namesDay(r.answer, d) === null)
        return `names day ${d}, which is not one`;
    return null;
  };
}

/** A slope (or correlation) stated with its sign, or its size with a word for its direction. */
function signedC(v: number, d: number, down: RegExp): Check {
  return (r: Reply) => {
    if (states(r.answer, v, d) === null) return null;
    if (v < 0 && states(r.answer, -v, d) === null && down.test(r.answer)) return null;
    return `does not state ${round(v, d).toFixed(d)}`;
  };
}

/** Within 1e-6 of a rounding edge at d decimals (or d + 1). */
function edgy(v: number, d: number): boolean {
  for (const k of [d, d + 1]) {
    const x = Math.abs(v) * 10 ** k;
    if (Math.abs(x - Math.floor(x) - 0.5) < 1e-6) return true;
  }
  return false;
}

// ---------------------------------------------------------------- typos

const TYPO_WORDS = new Set(
  `fish fishermen caught catch haul hauled harbour port logic patchbourough circuiton thieves farms mines
  miners mined mountain pirates island grain harvest harvested flour ground mill tools forged forge blacksmith
  nets ropes trinkets pupils academy drinks poured tavern arrows fletcher gold raid raids robbed robbery
  robberies rain rained rainy rainfall wettest storm storms temperature wind windy windiest windier tide river
  pressure humidity humid shipments shipment arrived sold sales lost flooded flood hungry surplus hottest
  coldest warmer colder village barometer calmest record teach taught make made mine`
    .split(/\s+/)
    .filter((w) => w.length >= 4),
);

function typoOf(q: string, rng: Rng): { q: string; typo: string } | null {
  const words = [...q.matchAll(/[A-Za-z]+/g)].filter((m) => TYPO_WORDS.has(m[0].toLowerCase()));
  if (words.length === 0) return null;
  const m = rng.pick(words);
  const w = m[0];
  const at = m.index ?? 0;
  let out = w;
  for (let tries = 0; tries < 6 && out === w; tries++) {
    const how = rng.pick(['swap', 'drop', 'double']);
    const i = rng.int(1, w.length - 2);
    if (how === 'swap' && i + 1 < w.length && w[i] !== w[i + 1])
      out = w.slice(0, i) + (w[i + 1] as string) + (w[i] as string) + w.slice(i + 2);
    else if (how === 'drop' && w[i] !== w[i - 1]) out = w.slice(0, i) + w.slice(i + 1);
    else if (how === 'double') out = w.slice(0, i + 1) + (w[i] as string) + w.slice(i + 1);
  }
  if (out === w) return null;
  return { q: q.slice(0, at) + out + q.slice(at + w.length), typo: `${w} → ${out}` };
}

// ---------------------------------------------------------------- the set

interface Made {
  question: string;
  truth: string;
  check: Check;
}

export function buildNaturalK(events: RawEvent[], today: number): Case[] {
  const N = today;
  const rng = new Rng(historyHash(events));
  const pick = <T>(xs: readonly T[]) => rng.pick(xs);

  // ------------------------------------------------------------ the events, indexed
  const index = new Map<string, RawEvent[]>();
  const townDays = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}|${e.kind}`;
    const l = index.get(k) ?? [];
    if (l.length === 0) index.set(k, l);
    l.push(e);
    const s = townDays.get(e.town) ?? new Set<number>();
    if (s.size === 0) townDays.set(e.town, s);
    s.add(e.day);
  }
  const evs = (town: string, kind: string, a: number, b: number) =>
    (index.get(`${town}|${kind}`) ?? []).filter((e) => e.day >= a && e.day <= b);
  const num = (e: RawEvent, key: string) => (typeof e.data[key] === 'number' ? (e.data[key] as number) : 0);
  const has = (e: RawEvent, key: string) => typeof e.data[key] === 'number';
  const sumOf = (list: readonly RawEvent[], key: string) => list.reduce((s, e) => s + num(e, key), 0);
  const reported = (town: string, a: number, b: number) => {
    const s = townDays.get(town) ?? new Set<number>();
    let n = 0;
    for (let d = a; d <= b; d++) if (s.has(d)) n++;
    return n;
  };
  /** Daily totals, over the days with an event of the list. */
  const daily = (list: readonly RawEvent[], key: string, dec: number) => {
    const m = new Map<number, number>();
    for (const e of list) if (has(e, key)) m.set(e.day, (m.get(e.day) ?? 0) + num(e, key));
    for (const [d, v] of m) m.set(d, round(v, dec));
    return m;
  };
  /** Daily means of a reading. */
  const dailyMean = (list: readonly RawEvent[], key: string) => {
    const s = new Map<number, [number, number]>();
    for (const e of list) {
      if (!has(e, key)) continue;
      const p = s.get(e.day) ?? [0, 0];
      p[0] += num(e, key);
      p[1]++;
      s.set(e.day, p);
    }
    return new Map([...s].map(([d, [t, n]]) => [d, t / n] as [number, number]));
  };
  const readings = (town: string, key: string, a: number, b: number) =>
    evs(town, 'sensor', a, b)
      .filter((e) => has(e, key))
      .map((e) => num(e, key));
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  /** The day of the unique top (or bottom) value at d decimals. */
  const top = (m: Map<number, number>, dir: 'max' | 'min', d: number) => {
    if (m.size === 0) return null;
    const vals = [...m.values()].map((v) => round(v, d));
    const best = dir === 'max' ? Math.max(...vals) : Math.min(...vals);
    const days = [...m].filter(([, v]) => round(v, d) === best);
    if (days.length !== 1) return null;
    const [day, value] = days[0] as [number, number];
    return { day, value };
  };
  const covers = (m: Map<number, unknown>, a: number, b: number) => {
    for (let d = a; d <= b; d++) if (!m.has(d)) return false;
    return true;
  };
  const slopeOf = (m: Map<number, number>) => {
    const xs = [...m.keys()];
    const ys = [...m.values()];
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
      sxx += ((xs[i] as number) - mx) ** 2;
    }
    return sxx === 0 ? Number.NaN : sxy / sxx;
  };
  const pearson = (p: Map<number, number>, q: Map<number, number>) => {
    const days = [...p.keys()].filter((d) => q.has(d));
    if (days.length < 5) return Number.NaN;
    const xs = days.map((d) => p.get(d) as number);
    const ys = days.map((d) => q.get(d) as number);
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
  };
  /** A figure between the values, not equal to any of them, rounded as a person would. */
  const threshold = (values: readonly number[]) => {
    if (values.length < 3) return null;
    const s = [...values].sort((x, y) => x - y);
    const v = s[Math.floor((0.25 + 0.5 * rng.next()) * (s.length - 1))] as number;
    const mag = Math.abs(v);
    const step = mag >= 1000 ? 100 : mag >= 200 ? 50 : mag >= 50 ? 10 : mag >= 10 ? 1 : mag >= 2 ? 0.5 : 0.1;
    const x = round(Math.round(v / step) * step, 2);
    if (values.some((y) => Math.abs(y - x) < 1e-9)) return null;
    return x;
  };
  const nice = (v: number) => {
    const mag = Math.abs(v);
    const step =
      mag >= 5000 ? 500 : mag >= 1000 ? 100 : mag >= 200 ? 50 : mag >= 50 ? 10 : mag >= 10 ? 1 : 0.5;
    return round(Math.round(v / step) * step, 2);
  };

  // ------------------------------------------------------------ how a voice names a worker or a town
  const subj = (o: Out, R: Ref, v: Voice): { s: string; at: string } => {
    if (v === 'farm' && o.town === 'patchbourough' && o.ours && rng.chance(0.6))
      return { s: o.ours, at: ` ${R.at}` };
    if (v === 'sheet' || rng.chance(0.45)) return { s: R.name, at: '' };
    return { s: o.worker, at: ` ${R.at}` };
  };
  const hm = (o: Out) => `${o.many ? 'How many' : 'How much'} ${o.noun}`;
  const plural = (s: string) =>
    s === 'we' || (/s$/.test(s) && s !== 'Den of Thieves' && s !== 'den of thieves');
  const farmOut = () => OUT(pick(FARM_OUTS));
  const farmTown = (): Town => (rng.chance(0.6) ? 'patchbourough' : pick(TOWNS));
  const townFor = (v: Voice, towns: readonly Town[]) =>
    v === 'farm' && towns.includes('patchbourough') && rng.chance(0.6) ? 'patchbourough' : pick(towns);
  const usAt = (R: Ref, v: Voice) => (v === 'farm' && R.town === 'patchbourough' ? `on us ${R.at}` : R.at);
  const pirates = (v: Voice) => (v === 'farm' ? 'them pirates' : 'the pirates');

  // ------------------------------------------------------------ happenings
  interface Hap {
    id: string;
    town: Town;
    kind: string;
    test: (e: RawEvent) => boolean;
    /** after "did": "it rain at the harbour" */
    bare: (R: Ref, v: Voice) => string;
    /** "it rained at the harbour" */
    past: (R: Ref, v: Voice) => string;
    /** "rain at the harbour" */
    with: (R: Ref, v: Voice) => string;
    /** "rain_mm > 0 @ port logic" */
    cond: (R: Ref) => string;
    /** "How many raids did the pirates pull off" */
    howMany?: (R: Ref, v: Voice) => string;
  }
  const HAPS: Hap[] = [];
  for (const town of TOWNS) {
    HAPS.push({
      id: `rain-${town}`,
      town,
      kind: 'sensor',
      test: (e) => num(e, 'rain_mm') > 0,
      bare: (R, v) => `it rain ${usAt(R, v)}`,
      past: (R, v) => `it rained ${usAt(R, v)}`,
      with: (R) => `rain ${R.at}`,
      cond: (R) => `rain_mm > 0 @ ${R.name}`,
      howMany: (R) => `How many rainy readings did ${R.name} log`,
    });
    HAPS.push({
      id: `storm-${town}`,
      town,
      kind: 'sensor',
      test: (e) => e.data.storm === 1,
      bare: (R) => `a storm blow through ${R.name}`,
      past: (R) => `a storm blew through ${R.name}`,
      with: (R) => `a storm ${R.at}`,
      cond: (R) => `storm = 1 @ ${R.name}`,
      howMany: (R) => `How many storm readings did ${R.name} log`,
    });
  }
  for (const town of TRADERS) {
    HAPS.push({
      id: `loss-${town}`,
      town,
      kind: 'loss',
      test: () => true,
      bare: (R, v) =>
        v === 'farm' && town === 'patchbourough'
          ? `them pirates rob one of our shipments ${R.at}`
          : `${pirates(v)} rob one of ${R.poss} shipments`,
      past: (R, v) =>
        v === 'farm' && town === 'patchbourough'
          ? `them pirates robbed one of our shipments ${R.at}`
          : `${pirates(v)} robbed one of ${R.poss} shipments`,
      with: (R) => `a robbery of ${R.poss} shipments`,
      cond: (R) => `kind = loss @ ${R.name}`,
      howMany: (R) => `How many times was ${R.name} robbed`,
    });
    HAPS.push({
      id: `arrival-${town}`,
      town,
      kind: 'arrival',
      test: () => true,
      bare: (R) => `a shipment arrive ${R.at}`,
      past: (R) => `a shipment arrived ${R.at}`,
      with: (R) => `a shipment arriving ${R.at}`,
      cond: (R) => `kind = arrival @ ${R.name}`,
      howMany: (R) => `How many shipments arrived ${R.at}`,
    });
  }
  HAPS.push(
    {
      id: 'raid',
      town: 'den-of-thieves',
      kind: 'raid',
      test: (e) => num(e, 'raid_gold') > 0,
      bare: (_R, v) => `${pirates(v)} come home from a raid with gold`,
      past: (_R, v) => `${pirates(v)} came home from a raid with gold`,
      with: () => 'a raid that took gold',
      cond: () => 'raid_gold > 0',
      howMany: (_R, v) => `How many raids did ${pirates(v)} pull off`,
    },
    {
      id: 'repair',
      town: 'den-of-thieves',
      kind: 'repair',
      test: (e) => num(e, 'boat_repaired') === 1,
      bare: (_R, v) => `${pirates(v)} repair their ship`,
      past: (_R, v) => `${pirates(v)} repaired their ship`,
      with: () => "a repair to the pirates' ship",
      cond: () => 'boat_repaired = 1 (den of thieves)',
      howMany: (_R, v) => `How many times did ${pirates(v)} repair the Black Gull`,
    },
    {
      id: 'flood',
      town: 'circuiton',
      kind: 'mining',
      test: (e) => e.data.flood === 1,
      bare: (R) => `the mine flood ${R.at}`,
      past: (R) => `the mine flooded ${R.at}`,
      with: (R) => `a flooded mine ${R.at}`,
      cond: (R) => `flood = 1 @ ${R.name}`,
      howMany: (R) => `How many shifts were lost to flooding ${R.at}`,
    },
    {
      id: 'hunger',
      town: 'circuiton',
      kind: 'mining',
      test: (e) => e.data.hunger === 1,
      bare: (R) => `the miners go hungry ${R.at}`,
      past: (R) => `the miners went hungry ${R.at}`,
      with: (R) => `hungry miners ${R.at}`,
      cond: (R) => `hunger = 1 @ ${R.name}`,
      howMany: (R) => `How many shifts did the miners work hungry ${R.at}`,
    },
    {
      id: 'cold',
      town: 'patchbourough',
      kind: 'forge',
      test: (e) => e.data.cold_forge === 1,
      bare: (R, v) => (v === 'farm' ? `our forge go cold ${R.at}` : `the forge go cold ${R.at}`),
      past: (R, v) => (v === 'farm' ? `our forge went cold ${R.at}` : `the forge went cold ${R.at}`),
      with: (R) => `a cold forge ${R.at}`,
      cond: (R) => `cold_forge = 1 @ ${R.name}`,
      howMany: (R) => `How many times was the forge cold ${R.at}`,
    },
    {
      id: 'idle',
      town: 'patchbourough',
      kind: 'mill',
      test: (e) => e.data.idle === 1,
      bare: (R) => `the mill stand idle ${R.at}`,
      past: (R) => `the mill stood idle ${R.at}`,
      with: (R) => `an idle mill ${R.at}`,
      cond: (R) => `idle = 1 @ ${R.name}`,
    },
    {
      id: 'bins',
      town: 'patchbourough',
      kind: 'mill',
      test: (e) => e.data.bins_full === 1,
      bare: (R) => `the miller rest the stones with the flour bins full ${R.at}`,
      past: (R) => `the miller rested the stones with the flour bins full ${R.at}`,
      with: (R) => `full flour bins ${R.at}`,
      cond: (R) => `bins_full = 1 @ ${R.name}`,
    },
    {
      id: 'surplus',
      town: 'patchbourough',
      kind: 'farming',
      test: (e) => e.data.surplus === 1,
      bare: (R, v) =>
        v === 'farm' ? `we bring in a surplus ${R.at}` : `the farmers bring in a surplus ${R.at}`,
      past: (R, v) =>
        v === 'farm' ? `we brought in a surplus ${R.at}` : `the farmers brought in a surplus ${R.at}`,
      with: (R) => `a surplus harvest ${R.at}`,
      cond: (R) => `surplus = 1 @ ${R.name}`,
      howMany: (R) => `How many surplus harvests did the farmers bring in ${R.at}`,
    },
    {
      id: 'fine',
      town: 'port-logic',
      kind: 'fishing',
      test: (e) => e.data.fine_haul === 1,
      bare: (R) => `a fisherman land a fine haul ${R.at}`,
      past: (R) => `a fisherman landed a fine haul ${R.at}`,
      with: (R) => `a fine haul ${R.at}`,
      cond: (R) => `fine_haul = 1 @ ${R.name}`,
      howMany: (R) => `How many fine hauls did ${R.name} land`,
    },
  );
  const hapEvents = (h: Hap, a: number, b: number) => evs(h.town, h.kind, a, b).filter(h.test);
  const hapDays = (h: Hap, a: number, b: number) =>
    [...new Set(hapEvents(h, a, b).map((e) => e.day))].sort((x, y) => x - y);
  const farmHap = () => {
    const mine = HAPS.filter((h) => h.town === 'patchbourough' || h.id === 'raid');
    return rng.chance(0.65) ? pick(mine) : pick(HAPS);
  };

  // ------------------------------------------------------------ the harness
  const cases: KCase[] = [];
  const seen = new Set<string>();
  const fill = (form: string, quota: number, make: (v: Voice) => Made | null) => {
    let made = 0;
    for (let i = 0; made < quota && i < quota * 120; i++) {
      const c = make(pick(VOICES));
      if (!c) continue;
      const key = c.question.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      let question = c.question;
      let typo: string | undefined;
      // About one question in eight: some questions have no word a typo may fall in.
      if (rng.chance(0.12)) {
        const t = typoOf(question, rng);
        if (t) {
          question = t.q;
          typo = t.typo;
        }
      }
      cases.push({ form, question, truth: c.truth, check: c.check, ...(typo ? { typo } : {}) });
      made++;
    }
  };
  const by = <T>(v: Voice, xs: Record<Voice, (() => T)[]>): T => pick(xs[v])();

  // ------------------------------------------------------------ days counted
  fill('days', 46, (v) => {
    const s = makeSpan(rng, N, pick(WIDE), v, 3);
    const p = tp(s);
    const kind = rng.next();
    if (kind < 0.45) {
      const h = v === 'farm' ? farmHap() : pick(HAPS);
      const R = ref(rng, h.town, v);
      const n = hapDays(h, s.a, s.b).length;
      if (n === 0) return null;
      const q = by(v, {
        cast: [
          () => `On how many days did ${h.bare(R, v)}${p.end}?`,
          () => L(p.lead, `how many days did ${h.bare(R, v)}?`),
          () => `How many days saw ${h.with(R, v)}${p.end}?`,
          () => `Run the numbers: on how many different days did ${h.bare(R, v)}${p.end}?`,
          () => `Days with ${h.with(R, v)}${p.end} — what's the count?`,
        ],
        farm: [
          () => `How many days did ${h.bare(R, v)}${p.end}?`,
          () => L(p.lead, `on how many days did ${h.bare(R, v)}, would you say?`),
          () => `Now, how many days was it that ${h.past(R, v)}${p.end}?`,
          () => `I've lost count of the days ${h.past(R, v)}${p.end} — how many was it?`,
          () => L(p.lead, `how many days had ${h.with(R, v)}?`),
        ],
        sheet: [
          () => `count distinct days where ${h.cond(R)}${p.end}`,
          () => `COUNTUNIQUE(day) where ${h.cond(R)}${s.t ? `, ${s.t}` : ''}`,
          () => `n days with ${h.cond(R)}${p.end}`,
          () => `${s.t ? `${s.t}: ` : ''}distinct days, ${h.cond(R)}`,
        ],
      });
      return { question: q, truth: `${n} days (${s.label})`, check: st(n, 0) };
    }
    if (kind < 0.55) {
      const town = v === 'farm' ? farmTown() : pick(TOWNS);
      const R = ref(rng, town, v);
      const rainy = new Set(
        evs(town, 'sensor', s.a, s.b)
          .filter((e) => num(e, 'rain_mm') > 0)
          .map((e) => e.day),
      ).size;
      const n = reported(town, s.a, s.b) - rainy;
      if (n <= 0) return null;
      const q = by(v, {
        cast: [
          () => `How many dry days did ${R.name} string together${p.end} — days without a drop of rain?`,
          () => L(p.lead, `on how many days did ${R.name} stay completely dry?`),
        ],
        farm: [
          () => `How many days went by without a drop of rain ${usAt(R, v)}${p.end}?`,
          () => L(p.lead, `how many dry days did we get ${R.at}, no rain at all?`),
        ],
        sheet: [
          () => `count days where sum(rain_mm) = 0, ${R.name}${p.end}`,
          () => `days with no rain_mm > 0 rows ${R.name}${p.end}`,
        ],
      });
      return { question: q, truth: `${n} dry days (${s.label})`, check: st(n, 0) };
    }
    if (kind < 0.75) {
      const o = v === 'farm' ? farmOut() : pick(OUTS.filter((x) => x.dense || x.key === 'raid_gold'));
      const R = ref(rng, o.town, v);
      const m = daily(evs(o.town, o.kind, s.a, s.b), o.key, o.dec);
      const x = threshold([...m.values()]);
      if (x === null) return null;
      const n = [...m.values()].filter((y) => y > x).length;
      if (n === 0) return null;
      const X = fmtQ(x, rng);
      const sj = subj(o, R, v);
      const q = by(v, {
        cast: [
          () => `On how many days did ${R.name} top ${o.qty(X)}${p.end}?`,
          () => `How many ${X}-plus days did ${R.name} post ${arenaOf(o)}${p.end}?`,
          () => L(p.lead, `on how many days did ${R.name} clear ${o.qty(X)} in a single day?`),
        ],
        farm: [
          () => `How many days did ${sj.s} ${o.verb} more than ${o.qty(X)}${sj.at}${p.end}?`,
          () => L(p.lead, `on how many days did ${sj.s} ${o.verb} over ${o.qty(X)}${sj.at}?`),
        ],
        sheet: [
          () => `count days where sum(${o.col}) > ${x}, ${R.name}${p.end}`,
          () => `days with daily ${o.col} total > ${x} ${R.name}${p.end}`,
          () => `COUNTIF(daily sum ${o.col}, ">${x}") ${R.name}${p.end}`,
        ],
      });
      return { question: q, truth: `${n} days over ${x} (${s.label})`, check: st(n, 0) };
    }
    if (kind < 0.9) {
      const rd = pick(READS.filter((r) => r.key !== 'pressure_hpa'));
      const town = townFor(v, rd.towns);
      const R = ref(rng, town, v);
      const list = evs(town, 'sensor', s.a, s.b).filter((e) => has(e, rd.key));
      const hi = rng.chance(0.6);
      const ext = new Map<number, number>();
      for (const e of list) {
        const y = num(e, rd.key);
        const c = ext.get(e.day);
        ext.set(e.day, c === undefined ? y : hi ? Math.max(c, y) : Math.min(c, y));
      }
      const x = threshold([...ext.values()]);
      if (x === null || list.some((e) => Math.abs(num(e, rd.key) - x) < 1e-9)) return null;
      const n = [...ext.values()].filter((y) => (hi ? y > x : y < x)).length;
      if (n === 0) return null;
      const X = `${x}${rd.unit === '°C' || rd.unit === '%' ? '' : ' '}${rd.unit}`;
      const over = hi ? 'above' : 'below';
      const q = by(v, {
        cast: [
          () => `On how many days did ${R.poss} ${rd.noun} go ${over} ${X} at some point${p.end}?`,
          () => L(p.lead, `how many days had at least one ${rd.noun} reading ${over} ${X} ${R.at}?`),
        ],
        farm: [
          () => `How many days did the ${rd.noun} get ${over} ${X} at any time ${R.at}${p.end}?`,
          () => L(p.lead, `on how many days was there a reading of the ${rd.noun} ${over} ${X} ${R.at}?`),
        ],
        sheet: [
          () => `count days where ${hi ? 'max' : 'min'}(${rd.key}) ${hi ? '>' : '<'} ${x}, ${R.name}${p.end}`,
          () => `days with any ${rd.key} ${hi ? '>' : '<'} ${x} ${R.name}${p.end}`,
        ],
      });
      return { question: q, truth: `${n} days with a reading ${over} ${x} (${s.label})`, check: st(n, 0) };
    }
    const rd = pick([READ('temperature_c'), READ('wind_kph'), READ('humidity_pct')]);
    const town = townFor(v, TOWNS);
    const R = ref(rng, town, v);
    const m = dailyMean(evs(town, 'sensor', s.a, s.b), rd.key);
    const x = threshold([...m.values()].map((y) => round(y, 4)));
    if (x === null || [...m.values()].some((y) => Math.abs(y - x) < 1e-6)) return null;
    const hi = rng.chance(0.5);
    const n = [...m.values()].filter((y) => (hi ? y > x : y < x)).length;
    if (n === 0) return null;
    const X = `${x}${rd.unit === '°C' || rd.unit === '%' ? '' : ' '}${rd.unit}`;
    const over = hi ? 'above' : 'below';
    const q = by(v, {
      cast: [
        () => `How many days did ${R.name} average ${over} ${X} for ${rd.noun}${p.end}?`,
        () => L(p.lead, `on how many days did the day's mean ${rd.noun} ${R.at} finish ${over} ${X}?`),
      ],
      farm: [
        () => `How many days was the ${rd.noun} ${over} ${X} on the day's average ${R.at}${p.end}?`,
        () => L(p.lead, `taking each day's average, how many days ran ${over} ${X} for ${rd.noun} ${R.at}?`),
      ],
      sheet: [
        () => `count days where avg(${rd.key}) ${hi ? '>' : '<'} ${x}, ${R.name}${p.end}`,
        () => `days with daily mean ${rd.key} ${hi ? '>' : '<'} ${x} ${R.name}${p.end}`,
      ],
    });
    return { question: q, truth: `${n} days with a daily mean ${over} ${x} (${s.label})`, check: st(n, 0) };
  });

  // ------------------------------------------------------------ the best and worst day
  fill('extreme-day', 40, (v) => {
    const s = makeSpan(rng, N, pick(WIDE), v, 3);
    if (s.b - s.a < 2) return null;
    const p = tp(s);
    const kind = rng.next();
    if (kind < 0.6) {
      const worst = kind >= 0.45;
      const o = v === 'farm' ? farmOut() : pick(OUTS);
      if (worst && !o.dense) return null;
      const R = ref(rng, o.town, v);
      const m = daily(evs(o.town, o.kind, s.a, s.b), o.key, o.dec);
      if (worst && !covers(m, s.a, s.b)) return null;
      const t = top(m, worst ? 'min' : 'max', o.dec);
      if (!t || (!worst && t.value <= 0)) return null;
      const sj = subj(o, R, v);
      const much = o.many ? 'how many' : 'how much';
      const q = worst
        ? by(v, {
            cast: [
              () => `What was ${R.poss} worst day ${arenaOf(o)}${p.end}?`,
              () => L(p.lead, `which was ${R.poss} quietest day for ${o.np}, and how low did it go?`),
              () => `Where did ${R.name} bottom out for ${o.np}${p.end} — the worst day and its total?`,
            ],
            farm: [
              () => `What was the poorest day for ${o.np} ${R.at}${p.end}, and how much was it?`,
              () =>
                `Which day did ${sj.s} ${o.verb} the least ${o.noun}${sj.at}${p.end}, and how little was it?`,
            ],
            sheet: [
              () => `min daily sum(${o.col}) ${R.name}${p.end}, and which day`,
              () => `worst day by total ${o.col}, ${R.name}, ${s.t || 'all rows'}`,
            ],
          })
        : by(v, {
            cast: [
              () => `What was ${R.poss} best day ${arenaOf(o)}${p.end}?`,
              () => L(p.lead, `what was ${R.poss} single-day record for ${o.np}, and when was it set?`),
              () => `Which day was ${R.poss} high-water mark for ${o.np}${p.end}, and what was the total?`,
              () => `Biggest day for ${o.np} ${R.at}${p.end} — which day, and ${much}?`,
              () => `${cap(R.poss)} top day ${arenaOf(o)}${p.end}: when was it, and what did they put up?`,
            ],
            farm: [
              () => `What was the best day for ${o.np} ${R.at}${p.end}, and ${much} was it?`,
              () =>
                `Which day did ${sj.s} ${o.verb} the most ${o.noun}${sj.at}${p.end}, and ${much} was that?`,
              () => L(p.lead, `which was the best day ${R.at} for ${o.np}, and what did it come to?`),
            ],
            sheet: [
              () => `max daily sum(${o.col}) ${R.name}${p.end} — which day, what value`,
              () => `day with max sum(${o.col}), ${R.name}, ${s.t || 'all rows'} + value`,
              () => `top day by total ${o.col} ${R.name}${p.end}`,
              () => `argmax day of SUM(${o.col}) group by day, ${R.name}${p.end}, with the sum`,
            ],
          });
      return {
        question: q,
        truth: `day ${t.day}, ${fmt(t.value, o.dec)} ${o.unit} (${s.label})`,
        check: and(dayC(t.day), st(t.value, o.dec)),
      };
    }
    if (kind < 0.85) {
      const rd = pick([READ('temperature_c'), READ('temperature_c'), READ('wind_kph'), READ('humidity_pct')]);
      const town = townFor(v, TOWNS);
      const R = ref(rng, town, v);
      const hi = rng.chance(0.55);
      const t = top(dailyMean(evs(town, 'sensor', s.a, s.b), rd.key), hi ? 'max' : 'min', rd.dec);
      if (!t || edgy(t.value, rd.dec)) return null;
      const word = hi ? rd.hiDay : rd.loDay;
      const q = by(v, {
        cast: [
          () => `What was the ${word} day ${R.at}${p.end}, going by the day's average?`,
          () => L(p.lead, `which day took the title of ${word} day ${R.at}, and what did it average?`),
          () => `${cap(R.poss)} ${word} day${p.end}, by mean ${rd.noun}: which day, and what was the number?`,
        ],
        farm: [
          () =>
            `Which was the ${word} day ${R.at}${p.end}, taking the day's average, and what did it average?`,
          () =>
            L(p.lead, `what day was the ${word} ${R.at}, on the daily average, and what was the ${rd.noun}?`),
        ],
        sheet: [
          () => `day with ${hi ? 'max' : 'min'} avg(${rd.key}) ${R.name}${p.end}, and the avg`,
          () =>
            `${hi ? 'highest' : 'lowest'} daily mean ${rd.key}, ${R.name}, ${s.t || 'all rows'} (day + value)`,
        ],
      });
      return {
        question: q,
        truth: `day ${t.day}, mean ${fmt(t.value, rd.dec + 1)} ${rd.unit} (${s.label})`,
        check: and(dayC(t.day), st(t.value, rd.dec)),
      };
    }
    const town = townFor(v, TOWNS);
    const R = ref(rng, town, v);
    const t = top(daily(evs(town, 'sensor', s.a, s.b), 'rain_mm', 1), 'max', 1);
    if (!t || t.value <= 0) return null;
    const q = by(v, {
      cast: [
        () => `Which day was the wettest ${R.at}${p.end}, and how much rain fell?`,
        () => L(p.lead, `what was ${R.poss} soggiest day, and how many mm came down?`),
      ],
      farm: [
        () => `What was the wettest day ${R.at}${p.end}, and how much rain came down?`,
        () => L(p.lead, `which day did it rain hardest ${usAt(R, v)}, and how much fell that day?`),
      ],
      sheet: [
        () => `day with max sum(rain_mm) ${R.name}${p.end}, and the sum`,
        () => `wettest day (daily sum rain_mm) ${R.name}${p.end}`,
      ],
    });
    return {
      question: q,
      truth: `day ${t.day}, ${fmt(t.value, 1)} mm (${s.label})`,
      check: and(dayC(t.day), st(t.value, 1)),
    };
  });

  // ------------------------------------------------------------ the largest single event
  interface Single {
    town: Town;
    list: (a: number, b: number) => RawEvent[];
    key: string;
    dec: number;
    unit: string;
    ask: (R: Ref, v: Voice, p: TP, s: Span, withDay: boolean) => string;
  }
  const single = (o: Out): Single => {
    const one = o.one as string;
    return {
      town: o.town,
      list: (a, b) =>
        evs(o.town, o.kind, a, b).filter(
          (e) => has(e, o.key) && (o.key !== 'raid_gold' || num(e, o.key) > 0),
        ),
      key: o.key,
      dec: o.dec,
      unit: o.unit,
      ask: (R, v, p, s, withDay) =>
        withDay
          ? by(v, {
              cast: [
                () => `When did ${R.name} post the biggest single ${one}${p.end}, and how big was it?`,
                () => L(p.lead, `which day saw the record ${one} ${R.at}, and what did it come to?`),
              ],
              farm: [
                () => `Which day was the biggest single ${one} ${R.at}${p.end}, and how much was in it?`,
              ],
              sheet: [() => `row with max ${o.col} ${R.name}${p.end}: day + value`],
            })
          : by(v, {
              cast: [
                () => `What was ${R.poss} biggest single ${one}${p.end}?`,
                () => L(p.lead, `what's the record for one ${one} ${R.at}?`),
                () => `Largest single ${one} ${R.at}${p.end} — how big was it?`,
                () => `How big was the best single ${one} ${R.name} managed${p.end}?`,
              ],
              farm: [
                () => `What was the biggest single ${one} ${R.at}${p.end}?`,
                () => L(p.lead, `how much was the biggest single ${one} ${R.at}?`),
              ],
              sheet: [
                () => `max(${o.col}) single event, ${R.name}${p.end}`,
                () => `largest single ${o.col} row, ${R.name}, ${s.t || 'all rows'}`,
                () => `MAX(${o.col}) per event ${R.name}${p.end}`,
              ],
            }),
    };
  };
  const SINGLES: Single[] = OUTS.filter((o) => o.one).map(single);
  for (const town of TRADERS)
    SINGLES.push({
      town,
      list: (a, b) => evs(town, 'loss', a, b),
      key: 'loot_gold',
      dec: 0,
      unit: 'gold',
      ask: (R, v, p, _s, withDay) =>
        by(v, {
          cast: [
            () =>
              withDay
                ? `What day did ${R.name} take the worst single robbery${p.end}, and what did it cost in gold?`
                : `What was the biggest single robbery ${R.name} suffered${p.end}, in gold?`,
          ],
          farm: [
            () =>
              withDay
                ? `When was the worst single robbery them pirates pulled on ${R.name}${p.end}, and how much gold went?`
                : `What was the worst single robbery them pirates pulled on ${R.name}${p.end}, in gold?`,
          ],
          sheet: [
            () =>
              withDay
                ? `loss row with max loot_gold where town = ${R.name}${p.end}: day + value`
                : `max(loot_gold) where town = ${R.name}${p.end}`,
          ],
        }),
    });
  for (const town of ['patchbourough', 'circuiton'] as Town[])
    SINGLES.push({
      town,
      list: (a, b) => evs(town, 'trade', a, b).filter((e) => num(e, 'value_gold') > 0),
      key: 'value_gold',
      dec: 0,
      unit: 'gold',
      ask: (R, v, p, _s, withDay) =>
        by(v, {
          cast: [
            () =>
              withDay
                ? `When did ${R.name} close the biggest single sale${p.end}, and for how much gold?`
                : `What was ${R.poss} biggest single sale${p.end}, in gold?`,
          ],
          farm: [
            () =>
              withDay
                ? `What day was the biggest single sale ${R.at}${p.end}, and what did it fetch?`
                : `What did the biggest single sale fetch ${R.at}${p.end}, in gold?`,
          ],
          sheet: [
            () =>
              withDay
                ? `trade row with max value_gold, ${R.name}${p.end}: day + value`
                : `max(value_gold) trade ${R.name}${p.end}`,
          ],
        }),
    });
  SINGLES.push({
    town: 'port-logic',
    list: (a, b) =>
      evs('port-logic', 'trade', a, b).filter((e) => e.data.from === 'overseas' && num(e, 'value_gold') > 0),
    key: 'value_gold',
    dec: 0,
    unit: 'gold',
    ask: (R, v, p, _s, withDay) =>
      by(v, {
        cast: [
          () =>
            withDay
              ? `On what day did ${R.name} make the priciest single purchase from overseas${p.end}, and what did it cost?`
              : `What was the priciest single purchase ${R.name} made from overseas${p.end}?`,
        ],
        farm: [
          () =>
            withDay
              ? `When did them harbour folk pay the most for one overseas cargo${p.end}, and how much gold was it?`
              : `What's the most them harbour folk paid for one overseas cargo${p.end}, in gold?`,
        ],
        sheet: [
          () =>
            withDay
              ? `row with max value_gold where from = overseas${p.end}: day + value`
              : `max(value_gold) where from = overseas and to = port-logic${p.end}`,
        ],
      }),
  });
  fill('extreme-event', 28, (v) => {
    const x =
      v === 'farm' && rng.chance(0.5)
        ? pick(SINGLES.filter((y) => y.town === 'patchbourough' || y.key === 'raid_gold'))
        : pick(SINGLES);
    const s = makeSpan(rng, N, pick(WIDE), v, 3);
    const list = x.list(s.a, s.b);
    if (list.length === 0) return null;
    const best = Math.max(...list.map((e) => num(e, x.key)));
    if (best <= 0) return null;
    const days = new Set(list.filter((e) => num(e, x.key) === best).map((e) => e.day));
    const withDay = days.size === 1 && rng.chance(0.35);
    const R = ref(rng, x.town, v);
    const day = [...days][0] as number;
    return {
      question: x.ask(R, v, tp(s), s, withDay),
      truth: `${fmt(best, x.dec)} ${x.unit}${withDay ? ` on day ${day}` : ''} (${s.label})`,
      check: withDay ? and(st(best, x.dec), dayC(day)) : st(best, x.dec),
    };
  });

  // ------------------------------------------------------------ a single reading at its highest or lowest
  const extremeReading = (hi: boolean) => (v: Voice) => {
    const rain = hi && rng.chance(0.15);
    const rd = rain ? undefined : pick(READS);
    const key = rd ? rd.key : 'rain_mm';
    const dec = rd ? rd.dec : 1;
    const unit = rd ? rd.unit : 'mm';
    const town = townFor(v, rd ? rd.towns : TOWNS);
    const R = ref(rng, town, v);
    const s = makeSpan(rng, N, pick(ANY), v);
    const p = tp(s);
    const xs = readings(town, key, s.a, s.b);
    if (xs.length === 0) return null;
    const value = hi ? Math.max(...xs) : Math.min(...xs);
    if (rain && value <= 0) return null;
    const fn = hi ? 'max' : 'min';
    let q: string;
    if (!rd)
      q = by(v, {
        cast: [
          () => `What was the heaviest single rain reading ${R.at}${p.end}?`,
          () => L(p.lead, `what's the top rain gauge reading on the board ${R.at}?`),
        ],
        farm: [() => `What was the most rain in a single reading ${usAt(R, v)}${p.end}?`],
        sheet: [
          () => `max(rain_mm) ${R.name}${p.end}`,
          () => `MAX(rain_mm) single reading, ${R.name}${p.end}`,
        ],
      });
    else
      q = by(v, {
        cast: [
          () => `What was the ${hi ? rd.hiOne : rd.loOne} ${R.at}${p.end}?`,
          () => L(p.lead, `what's the ${hi ? 'top' : 'bottom'} ${rd.noun} reading on the board ${R.at}?`),
          () =>
            `${hi ? 'Peak' : 'Low-water mark for'} ${rd.noun} ${R.at}${p.end} — what did it ${hi ? 'hit' : 'drop to'}?`,
          () => `How ${hi ? 'high' : 'low'} did ${R.poss} ${rd.noun} go${p.end}?`,
        ],
        farm: [
          () => `${hi ? rd.hiQ : rd.loQ} ${R.at}${p.end}?`,
          () => L(p.lead, `${(hi ? rd.hiQ : rd.loQ).toLowerCase()} ${R.at}?`),
          () => `What was the ${hi ? rd.hiOne : rd.loOne} ${R.at}${p.end}?`,
        ],
        sheet: [
          () => `${fn} of ${rd.key} ${R.name}${p.end}`,
          () => `${fn.toUpperCase()}(${rd.key}) where town=${R.name}${s.t ? `, ${s.t}` : ''}`,
          () => `${fn} ${rd.key} in ${R.name}${p.end}`,
        ],
      });
    return { question: q, truth: `${fmt(value, dec)} ${unit} (${s.label})`, check: st(value, dec) };
  };
  fill('max', 16, extremeReading(true));
  fill('min', 14, extremeReading(false));

  // ------------------------------------------------------------ A or B
  interface Side {
    value: number;
    re: RegExp;
    label: string;
  }
  /** The winner named first and both values stated; or yes/no to "more in A than in B?" and both values. */
  const compared = (
    A: Side,
    B: Side,
    dec: number,
    higher: boolean,
    yesNo: boolean,
    unit: string,
  ): Made | null => {
    if (round(A.value, dec) === round(B.value, dec) || edgy(A.value, dec) || edgy(B.value, dec)) return null;
    const aWins = higher ? A.value > B.value : A.value < B.value;
    const [W, Lo] = aWins ? [A, B] : [B, A];
    const truth = `${yesNo ? (aWins ? 'yes: ' : 'no: ') : ''}${W.label} ${fmt(W.value, dec)} ${unit} vs ${Lo.label} ${fmt(Lo.value, dec)}`;
    return {
      question: '',
      truth,
      check: and(yesNo ? yesC(aWins) : firstC(W.re, [Lo.re], W.label), st(A.value, dec), st(B.value, dec)),
    };
  };
  const sideTown = (town: Town, value: number): Side => ({
    value,
    re: townRe(town),
    label: TOWN_NAMES[town] ?? town,
  });
  fill('compare', 36, (v) => {
    const kind = rng.next();
    const yesNo = rng.chance(0.2);
    if (kind < 0.5) {
      // two towns
      const s = makeSpan(rng, N, pick(ANY), v);
      const p = tp(s);
      const what = rng.next();
      let [ta, tb] = rng.two(what < 0.25 ? TRADERS : TOWNS);
      if (v === 'farm' && tb === 'patchbourough') [ta, tb] = [tb, ta];
      const A = ref(rng, ta, v);
      const B = ref(rng, tb, v);
      if (what < 0.25) {
        const va = sumOf(evs(ta, 'loss', s.a, s.b), 'loot_gold');
        const vb = sumOf(evs(tb, 'loss', s.a, s.b), 'loot_gold');
        if (va === 0 && vb === 0) return null;
        const c = compared(sideTown(ta, va), sideTown(tb, vb), 0, true, yesNo, 'gold');
        if (!c) return null;
        c.question = yesNo
          ? by(v, {
              cast: [() => `Did ${A.name} lose more gold to the pirates than ${B.name}${p.end}?`],
              farm: [() => `Did them pirates rob ${A.name} of more gold than ${B.name}${p.end}?`],
              sheet: [() => `sum loot_gold ${A.name} > ${B.name}${p.end}? yes/no + both sums`],
            })
          : by(v, {
              cast: [
                () => `Who lost more gold to the pirates${p.end}, ${A.name} or ${B.name}?`,
                () => `${cap(A.name)} or ${B.name}: which side bled more gold to the raiders${p.end}?`,
              ],
              farm: [() => `Who did them pirates rob of more gold${p.end}, ${A.name} or ${B.name}?`],
              sheet: [() => `sum loot_gold ${A.name} vs ${B.name}${p.end}`],
            });
        return c;
      }
      if (what < 0.5) {
        const va = readings(ta, 'rain_mm', s.a, s.b).reduce((t, x) => t + x, 0);
        const vb = readings(tb, 'rain_mm', s.a, s.b).reduce((t, x) => t + x, 0);
        if (va === 0 && vb === 0) return null;
        const more = yesNo || rng.chance(0.7);
        const c = compared(sideTown(ta, round(va, 1)), sideTown(tb, round(vb, 1)), 1, more, yesNo, 'mm');
        if (!c) return null;
        c.question = yesNo
          ? by(v, {
              cast: [() => `Did ${A.name} take on more rain than ${B.name}${p.end}?`],
              farm: [() => `Did more rain fall ${usAt(A, v)} than ${B.at}${p.end}?`],
              sheet: [() => `is sum(rain_mm) ${A.name} > sum(rain_mm) ${B.name}${p.end}?`],
            })
          : more
            ? by(v, {
                cast: [
                  () => `Who got more rain${p.end}, ${A.name} or ${B.name}?`,
                  () => L(p.lead, `which side took more rain, ${A.name} or ${B.name}?`),
                ],
                farm: [() => `Did more rain fall ${usAt(A, v)} or ${B.at}${p.end}?`],
                sheet: [() => `sum rain_mm ${A.name} vs ${B.name}${p.end}, which is more`],
              })
            : by(v, {
                cast: [() => `${cap(A.name)} or ${B.name}${p.end}: who stayed drier, by total rainfall?`],
                farm: [() => L(p.lead, `where did less rain fall, ${A.at} or ${B.at}?`)],
                sheet: [() => `which is lower: sum rain_mm ${A.name} or ${B.name}${p.end}`],
              });
        return c;
      }
      const rd = pick([READ('temperature_c'), READ('temperature_c'), READ('wind_kph'), READ('humidity_pct')]);
      const ra = readings(ta, rd.key, s.a, s.b);
      const rb = readings(tb, rd.key, s.a, s.b);
      if (ra.length === 0 || rb.length === 0) return null;
      const hi = rng.chance(0.55);
      const word = hi ? rd.more : rd.less;
      const c = compared(sideTown(ta, mean(ra)), sideTown(tb, mean(rb)), rd.dec, hi, yesNo, rd.unit);
      if (!c) return null;
      c.question = yesNo
        ? by(v, {
            cast: [() => `Did ${A.name} run ${word} than ${B.name}${p.end}, on the average reading?`],
            farm: [() => `Was it ${word} ${A.at} than ${B.at}${p.end}, on average?`],
            sheet: [
              () => `avg ${rd.key} ${A.name} ${hi ? '>' : '<'} avg ${rd.key} ${B.name}${p.end}? (y/n + both)`,
            ],
          })
        : by(v, {
            cast: [
              () => `Who ran ${word}${p.end}: ${A.name} or ${B.name}?`,
              () => `${cap(A.name)} vs ${B.name}${p.end} — which side was ${word} on average?`,
              () => L(p.lead, `which was ${word}, ${A.name} or ${B.name}, going by the average reading?`),
            ],
            farm: [
              () => `Was it ${word} ${A.at} or ${B.at}${p.end}?`,
              () => L(p.lead, `where was it ${word} on average, ${A.at} or ${B.at}?`),
            ],
            sheet: [
              () => `avg ${rd.key} ${A.name} vs ${B.name}${p.end}, which is ${hi ? 'higher' : 'lower'}`,
              () =>
                `compare mean ${rd.key} (${hi ? 'max' : 'min'} wins): ${A.name}, ${B.name}, ${s.t || 'all rows'}`,
            ],
          });
      return c;
    }
    if (kind < 0.8) {
      // two weeks
      const [w1, w2] = rng.two([1, 2, 3, 4, 5, 6, 7]);
      const wk = (w: number): [number, number] => [7 * w - 6, 7 * w];
      const reading = rng.chance(0.3);
      const sideW = (w: number, value: number): Side => ({ value, re: weekRe(w), label: `week ${w}` });
      if (reading) {
        const rd = pick([READ('temperature_c'), READ('wind_kph')]);
        const town = townFor(v, TOWNS);
        const R = ref(rng, town, v);
        const hi = rng.chance(0.5);
        const word = hi ? rd.more : rd.less;
        const c = compared(
          sideW(w1, mean(readings(town, rd.key, ...wk(w1)))),
          sideW(w2, mean(readings(town, rd.key, ...wk(w2)))),
          rd.dec,
          hi,
          yesNo,
          rd.unit,
        );
        if (!c) return null;
        c.question = yesNo
          ? by(v, {
              cast: [() => `Did ${R.name} run ${word} in week ${w1} than in week ${w2}?`],
              farm: [() => `Was it ${word} ${R.at} in week ${w1} than in week ${w2}?`],
              sheet: [() => `avg ${rd.key} ${R.name} wk ${w1} ${hi ? '>' : '<'} wk ${w2}?`],
            })
          : by(v, {
              cast: [() => `Week ${w1} or week ${w2}: when did ${R.name} run ${word}?`],
              farm: [
                () => `Was it ${word} ${R.at} in week ${w1} or in week ${w2}?`,
                () => `Which was ${word} ${R.at}, the ${ORD[w1 - 1]} week or the ${ORD[w2 - 1]}?`,
              ],
              sheet: [() => `avg ${rd.key} ${R.name} wk ${w1} vs wk ${w2}, which ${hi ? 'higher' : 'lower'}`],
            });
        return c;
      }
      const o = v === 'farm' ? farmOut() : pick(OUTS);
      const R = ref(rng, o.town, v);
      const sum = (w: number) => round(sumOf(evs(o.town, o.kind, ...wk(w)), o.key), o.dec);
      const c = compared(sideW(w1, sum(w1)), sideW(w2, sum(w2)), o.dec, true, yesNo, o.unit);
      if (!c) return null;
      const sj = subj(o, R, v);
      c.question = yesNo
        ? by(v, {
            cast: [() => `Did ${R.name} put up more ${o.np} in week ${w1} than in week ${w2}?`],
            farm: [() => `Did ${sj.s} ${o.verb} more ${o.noun}${sj.at} in week ${w1} than in week ${w2}?`],
            sheet: [() => `sum ${o.col} ${R.name} wk ${w1} > wk ${w2}? yes/no + both`],
          })
        : by(v, {
            cast: [
              () => `Week ${w1} or week ${w2}: when did ${R.name} put up more ${o.np}?`,
              () => `Was ${R.poss} week ${w1} or week ${w2} the bigger one for ${o.np}?`,
              () => `Did ${R.name} have the better week ${arenaOf(o)} in week ${w1} or in week ${w2}?`,
            ],
            farm: [
              () => `Did ${sj.s} ${o.verb} more ${o.noun}${sj.at} in week ${w1} or in week ${w2}?`,
              () => `Which week was better for ${o.np} ${R.at}, the ${ORD[w1 - 1]} or the ${ORD[w2 - 1]}?`,
            ],
            sheet: [
              () => `sum ${o.col} ${R.name}: wk ${w1} vs wk ${w2}`,
              () => `compare total ${o.col} week ${w1} and week ${w2}, ${R.name}`,
            ],
          });
      return c;
    }
    // two days
    const d1 = rng.int(1, 55);
    const d2 = rng.chance(0.5) ? Math.min(55, d1 + rng.int(1, 3)) : rng.int(1, 55);
    if (d1 === d2) return null;
    const sideD = (d: number, value: number): Side => ({ value, re: dayRe(d), label: `day ${d}` });
    if (rng.chance(0.35)) {
      const town = townFor(v, TOWNS);
      const R = ref(rng, town, v);
      const r1 = round(
        readings(town, 'rain_mm', d1, d1).reduce((s, x) => s + x, 0),
        1,
      );
      const r2 = round(
        readings(town, 'rain_mm', d2, d2).reduce((s, x) => s + x, 0),
        1,
      );
      if (r1 === 0 && r2 === 0) return null;
      const c = compared(sideD(d1, r1), sideD(d2, r2), 1, true, yesNo, 'mm');
      if (!c) return null;
      c.question = yesNo
        ? by(v, {
            cast: [() => `Did more rain fall on ${R.name} on day ${d1} than on day ${d2}?`],
            farm: [() => `Did it rain harder ${usAt(R, v)} on day ${d1} than on day ${d2}?`],
            sheet: [() => `sum rain_mm ${R.name} day ${d1} > day ${d2}?`],
          })
        : by(v, {
            cast: [() => `Day ${d1} or day ${d2} — which was wetter ${R.at}?`],
            farm: [() => `Which day did more rain fall ${usAt(R, v)}, day ${d1} or day ${d2}?`],
            sheet: [() => `sum rain_mm day ${d1} vs day ${d2}, ${R.name}`],
          });
      return c;
    }
    const o = v === 'farm' ? farmOut() : pick(OUTS.filter((x) => x.dense));
    const R = ref(rng, o.town, v);
    const sum = (d: number) => round(sumOf(evs(o.town, o.kind, d, d), o.key), o.dec);
    const c = compared(sideD(d1, sum(d1)), sideD(d2, sum(d2)), o.dec, true, yesNo, o.unit);
    if (!c) return null;
    const sj = subj(o, R, v);
    c.question = yesNo
      ? by(v, {
          cast: [() => `Did ${R.name} outdo its day ${d2} ${o.np} total on day ${d1}?`],
          farm: [() => `Did ${sj.s} ${o.verb} more ${o.noun}${sj.at} on day ${d1} than on day ${d2}?`],
          sheet: [() => `sum ${o.col} ${R.name} day ${d1} > day ${d2}?`],
        })
      : by(v, {
          cast: [
            () => `Day ${d1} or day ${d2} — which was the bigger ${o.np} day for ${R.name}?`,
            () => `Which day did ${R.name} come out ahead ${arenaOf(o)}, day ${d1} or day ${d2}?`,
          ],
          farm: [() => `Did ${sj.s} ${o.verb} more ${o.noun}${sj.at} on day ${d1} or on day ${d2}?`],
          sheet: [() => `sum ${o.col} day ${d1} vs day ${d2}, ${R.name}`],
        });
    return c;
  });

  // ------------------------------------------------------------ which day
  fill('which-day', 28, (v) => {
    const kind = rng.next();
    const s = makeSpan(rng, N, pick(WIDE), v, 3);
    if (s.b - s.a < 2) return null;
    const p = tp(s);
    if (kind < 0.3) {
      const o = v === 'farm' ? farmOut() : pick(OUTS);
      const R = ref(rng, o.town, v);
      const t = top(daily(evs(o.town, o.kind, s.a, s.b), o.key, o.dec), 'max', o.dec);
      if (!t || t.value <= 0) return null;
      const sj = subj(o, R, v);
      const q = by(v, {
        cast: [
          () => `On which day did ${R.name} have the biggest day for ${o.np}${p.end}?`,
          () => L(p.lead, `what day did ${R.name} post the best total ${arenaOf(o)}?`),
          () => `When was ${R.poss} best day ${arenaOf(o)}${p.end}?`,
        ],
        farm: [
          () => `Which day did ${sj.s} ${o.verb} the most ${o.noun}${sj.at}${p.end}?`,
          () => `What day was best for ${o.np} ${R.at}${p.end}?`,
        ],
        sheet: [
          () => `which day max sum(${o.col}) ${R.name}${p.end}`,
          () => `day of max daily ${o.col}, ${R.name}, ${s.t || 'all rows'}`,
        ],
      });
      return {
        question: q,
        truth: `day ${t.day} (${fmt(t.value, o.dec)} ${o.unit}; ${s.label})`,
        check: dayC(t.day),
      };
    }
    if (kind < 0.45) {
      const outSingles = SINGLES.slice(0, OUTS.filter((o) => o.one).length);
      const x =
        v === 'farm' && rng.chance(0.5)
          ? pick(outSingles.filter((y) => y.town === 'patchbourough'))
          : pick(outSingles);
      const o = OUTS.find((y) => y.key === x.key && y.town === x.town) as Out;
      const list = x.list(s.a, s.b);
      if (list.length === 0) return null;
      const best = Math.max(...list.map((e) => num(e, x.key)));
      const days = [...new Set(list.filter((e) => num(e, x.key) === best).map((e) => e.day))];
      if (best <= 0 || days.length !== 1) return null;
      const R = ref(rng, x.town, v);
      const one = o.one as string;
      const q = by(v, {
        cast: [() => `On what day did ${R.name} land the biggest single ${one}${p.end}?`],
        farm: [() => `What day was the biggest single ${one} ${R.at}${p.end}?`],
        sheet: [() => `day of max(${o.col}) row, ${R.name}${p.end}`],
      });
      return {
        question: q,
        truth: `day ${days[0]} (${fmt(best, x.dec)} ${x.unit})`,
        check: dayC(days[0] as number),
      };
    }
    if (kind < 0.65) {
      const rd = pick([READ('temperature_c'), READ('temperature_c'), READ('wind_kph')]);
      const town = townFor(v, TOWNS);
      const R = ref(rng, town, v);
      const hi = rng.chance(0.5);
      const word = hi ? rd.hiDay : rd.loDay;
      if (rng.chance(0.3)) {
        // the day of the single highest / lowest reading
        const list = evs(town, 'sensor', s.a, s.b).filter((e) => has(e, rd.key));
        if (list.length === 0) return null;
        const xs = list.map((e) => num(e, rd.key));
        const ext = hi ? Math.max(...xs) : Math.min(...xs);
        const days = [...new Set(list.filter((e) => num(e, rd.key) === ext).map((e) => e.day))];
        if (days.length !== 1) return null;
        const q = by(v, {
          cast: [() => `On what day did ${R.name} log the ${hi ? rd.hiOne : rd.loOne}${p.end}?`],
          farm: [() => `What day did we see the ${hi ? rd.hiOne : rd.loOne} ${R.at}${p.end}?`],
          sheet: [() => `day of ${hi ? 'max' : 'min'}(${rd.key}) ${R.name}${p.end}`],
        });
        return {
          question: q,
          truth: `day ${days[0]} (${fmt(ext, rd.dec)} ${rd.unit})`,
          check: dayC(days[0] as number),
        };
      }
      const t = top(dailyMean(evs(town, 'sensor', s.a, s.b), rd.key), hi ? 'max' : 'min', rd.dec);
      if (!t) return null;
      const q = by(v, {
        cast: [
          () => `Which day was the ${word} ${R.at}${p.end}?`,
          () => L(p.lead, `which day took the ${word}-day title ${R.at}?`),
        ],
        farm: [
          () => `Which day was ${word} ${R.at}${p.end}, all day taken together?`,
          () => L(p.lead, `what was the ${word} day we had ${R.at}?`),
        ],
        sheet: [() => `day with ${hi ? 'max' : 'min'} avg(${rd.key}) ${R.name}${p.end}`],
      });
      return {
        question: q,
        truth: `day ${t.day} (mean ${fmt(t.value, rd.dec + 1)} ${rd.unit})`,
        check: dayC(t.day),
      };
    }
    if (kind < 0.75) {
      const town = townFor(v, TOWNS);
      const R = ref(rng, town, v);
      const t = top(daily(evs(town, 'sensor', s.a, s.b), 'rain_mm', 1), 'max', 1);
      if (!t || t.value <= 0) return null;
      const q = by(v, {
        cast: [() => `Which was the wettest day ${R.at}${p.end}?`],
        farm: [() => `What day did the most rain come down ${usAt(R, v)}${p.end}?`],
        sheet: [() => `argmax day of sum(rain_mm), ${R.name}${p.end}`],
      });
      return { question: q, truth: `day ${t.day} (${fmt(t.value, 1)} mm)`, check: dayC(t.day) };
    }
    const h = v === 'farm' ? farmHap() : pick(HAPS);
    const R = ref(rng, h.town, v);
    const days = hapDays(h, s.a, s.b);
    if (days.length === 0) return null;
    const first = rng.chance(0.45);
    const day = (first ? days[0] : days.at(-1)) as number;
    const q = first
      ? by(v, {
          cast: [
            () => L(p.lead, `on what day did ${h.bare(R, v)} for the first time?`),
            () => `When was the first time ${h.past(R, v)}${p.end}?`,
          ],
          farm: [() => `What day did ${h.bare(R, v)} first${p.end}?`],
          sheet: [() => `first day where ${h.cond(R)}${p.end}`, () => `min(day) where ${h.cond(R)}${p.end}`],
        })
      : by(v, {
          cast: [
            () => `When was the last time ${h.past(R, v)}${p.end}?`,
            () => L(p.lead, `what was the last day ${h.past(R, v)}?`),
          ],
          farm: [() => L(p.lead, `when did ${h.bare(R, v)} last?`)],
          sheet: [() => `last day where ${h.cond(R)}${p.end}`, () => `max(day) where ${h.cond(R)}${p.end}`],
        });
    return { question: q, truth: `day ${day} (${first ? 'first' : 'last'} of ${s.label})`, check: dayC(day) };
  });

  // ------------------------------------------------------------ which town
  fill('which-town', 10, (v) => {
    const s = makeSpan(rng, N, pick(WIDE), v);
    const p = tp(s);
    const kind = rng.next();
    let values: [Town, number][];
    let dec: number;
    let unit: string;
    let q: string;
    let hi = true;
    if (kind < 0.4) {
      const rd = pick([READ('temperature_c'), READ('temperature_c'), READ('wind_kph'), READ('humidity_pct')]);
      hi = rng.chance(0.5);
      values = TOWNS.map((t) => [t, mean(readings(t, rd.key, s.a, s.b))]);
      dec = rd.dec;
      unit = rd.unit;
      const word = hi ? rd.hiDay : rd.loDay;
      q = by(v, {
        cast: [
          () => `Which town was the ${word}${p.end}, on average?`,
          () =>
            L(
              p.lead,
              `who topped the table for ${hi ? 'highest' : 'lowest'} average ${rd.noun}, of the four towns?`,
            ),
        ],
        farm: [
          () => `Which of the four towns had it ${word}${p.end}, on average?`,
          () => L(p.lead, `where was it ${word} on average, of all four towns?`),
        ],
        sheet: [
          () => `town with ${hi ? 'max' : 'min'} avg(${rd.key})${p.end}`,
          () => `${hi ? 'argmax' : 'argmin'} town of mean ${rd.key}${p.end}, with value`,
        ],
      });
    } else if (kind < 0.65) {
      hi = rng.chance(0.7);
      values = TOWNS.map((t) => [
        t,
        round(
          readings(t, 'rain_mm', s.a, s.b).reduce((a, x) => a + x, 0),
          1,
        ),
      ]);
      dec = 1;
      unit = 'mm';
      q = hi
        ? by(v, {
            cast: [
              () => `Which town got the most rain${p.end}?`,
              () => L(p.lead, `who led the league in rainfall?`),
            ],
            farm: [() => `Which town got soaked the most${p.end}?`],
            sheet: [() => `town with max sum(rain_mm)${p.end}`],
          })
        : by(v, {
            cast: [() => `Which town stayed driest${p.end}, by total rain?`],
            farm: [() => L(p.lead, `which of the four towns got the least rain?`)],
            sheet: [() => `town with min sum(rain_mm)${p.end}`],
          });
    } else if (kind < 0.85) {
      values = TRADERS.map((t) => [t, sumOf(evs(t, 'loss', s.a, s.b), 'loot_gold')]);
      dec = 0;
      unit = 'gold';
      q = by(v, {
        cast: [() => `Which town lost the most gold to the pirates${p.end}?`],
        farm: [() => `Which town did them pirates rob of the most gold${p.end}?`],
        sheet: [() => `town with max sum(loot_gold)${p.end}`],
      });
    } else {
      values = TOWNS.map((t) => [
        t,
        new Set(
          evs(t, 'sensor', s.a, s.b)
            .filter((e) => num(e, 'rain_mm') > 0)
            .map((e) => e.day),
        ).size,
      ]);
      dec = 0;
      unit = 'rainy days';
      q = by(v, {
        cast: [() => `Which town had the most rainy days${p.end}?`],
        farm: [() => `Which town saw rain on the most days${p.end}?`],
        sheet: [() => `town with most distinct days where rain_mm > 0${p.end}`],
      });
    }
    if (values.some(([, x]) => Number.isNaN(x))) return null;
    const sorted = [...values].sort((x, y) => (hi ? y[1] - x[1] : x[1] - y[1]));
    const [w, wv] = sorted[0] as [Town, number];
    if (round(wv, dec) === round((sorted[1] as [Town, number])[1], dec) || edgy(wv, dec)) return null;
    if (unit !== '°C' && unit !== 'km/h' && unit !== '%' && wv === 0) return null;
    const others = TOWNS.filter((t) => t !== w).map(townRe);
    return {
      question: q,
      truth: `${TOWN_NAMES[w]}, ${fmt(wv, dec)} ${unit} (${s.label})`,
      check: and(firstC(townRe(w), others, TOWN_NAMES[w] ?? w), st(wv, dec)),
    };
  });

  // ------------------------------------------------------------ who
  fill('who', 6, (v) => {
    const o = OUT(pick(['fish', 'fish', 'ore_tons', 'harvest', 'nets']));
    const s = makeSpan(rng, N, pick(WIDE), v, 3);
    const p = tp(s);
    const R = ref(rng, o.town, v);
    const by1 = new Map<string, number>();
    for (const e of evs(o.town, o.kind, s.a, s.b))
      if (e.actor) by1.set(e.actor, (by1.get(e.actor) ?? 0) + num(e, o.key));
    const ranked = [...by1]
      .map(([a, x]) => [a, round(x, o.dec)] as [string, number])
      .sort((x, y) => y[1] - x[1]);
    const first = ranked[0];
    if (!first || first[1] <= 0 || (ranked[1] && ranked[1][1] === first[1])) return null;
    const q = by(v, {
      cast: [
        () => `Who led ${R.name} in ${o.np}${p.end}?`,
        () => L(p.lead, `who was ${R.poss} top performer ${o.arena}, by ${o.np}?`),
        () => `Which of ${R.poss} ${o.crew} ${o.ved} the most ${o.noun}${p.end}, and how much?`,
      ],
      farm: [
        () => `Which of the ${o.crew} ${R.at} ${o.ved} the most ${o.noun}${p.end}?`,
        () => `Who ${o.ved} the most ${o.noun} ${R.at}${p.end}, and how much did they manage?`,
      ],
      sheet: [
        () => `actor with max sum(${o.col}) ${R.name}${p.end}`,
        () => `top actor by ${o.col}, ${R.name}, ${s.t || 'all rows'} + sum`,
      ],
    });
    return {
      question: q,
      truth: `${first[0]}, ${fmt(first[1], o.dec)} ${o.unit} (${s.label})`,
      check: and(nameC(first[0]), st(first[1], o.dec)),
    };
  });

  // ------------------------------------------------------------ totals
  fill('total', 18, (v) => {
    const s = makeSpan(rng, N, pick(ANY), v);
    const p = tp(s);
    const kind = rng.next();
    if (kind < 0.7) {
      const o = v === 'farm' ? farmOut() : pick(OUTS);
      const R = ref(rng, o.town, v);
      const total = round(sumOf(evs(o.town, o.kind, s.a, s.b), o.key), o.dec);
      if (total <= 0) return null;
      const sj = subj(o, R, v);
      const h = hm(o);
      const pp = o.key === 'raid_gold' ? 'taken in raids' : o.ved;
      const q = by(v, {
        cast: [
          () => `${h} did ${sj.s} ${o.verb}${sj.at}${p.end}?`,
          () => L(p.lead, `what was ${R.poss} tally of ${o.np}?`),
          () => `What did ${R.name} put on the board for ${o.np}${p.end}?`,
          () => `Give me ${R.poss} ${o.np} count${p.end}.`,
        ],
        farm: [
          () => `${h} did ${sj.s} ${o.verb}${sj.at}${p.end}?`,
          () => L(p.lead, `${h.toLowerCase()} did ${sj.s} ${o.verb}${sj.at}, all told?`),
          () => `Tell me now, ${h.toLowerCase()} ${o.many ? 'were' : 'was'} ${pp} ${R.at}${p.end}?`,
        ],
        sheet: [
          () => `sum of ${o.col} ${R.name}${p.end}`,
          () => `=SUM(${o.col}) where town = ${R.name}${s.t ? `, ${s.t}` : ''}`,
          () => `total ${o.col}, ${R.name}, ${s.t || 'all rows'}`,
        ],
      });
      return { question: q, truth: `${fmt(total, o.dec)} ${o.unit} (${s.label})`, check: st(total, o.dec) };
    }
    if (kind < 0.88) {
      const town = townFor(v, TOWNS);
      const R = ref(rng, town, v);
      const total = round(
        readings(town, 'rain_mm', s.a, s.b).reduce((a, x) => a + x, 0),
        1,
      );
      if (total <= 0) return null;
      const q = by(v, {
        cast: [
          () => `How much rain came down on ${R.name}${p.end}?`,
          () => L(p.lead, `what was ${R.poss} rainfall total?`),
          () => `Rain gauge check${p.end}: how many mm fell ${R.at}?`,
        ],
        farm: [
          () => `How much rain did we get ${R.at}${p.end}?`,
          () => L(p.lead, `how much rain came down ${usAt(R, v)}, all told?`),
        ],
        sheet: [
          () => `sum rain_mm ${R.name}${p.end}`,
          () => `=SUM(rain_mm) where town = ${R.name}${s.t ? `, ${s.t}` : ''}`,
        ],
      });
      return { question: q, truth: `${fmt(total, 1)} mm (${s.label})`, check: st(total, 1) };
    }
    const town = v === 'farm' && rng.chance(0.6) ? 'patchbourough' : pick(TRADERS);
    const R = ref(rng, town, v);
    const total = sumOf(evs(town, 'loss', s.a, s.b), 'loot_gold');
    if (total <= 0) return null;
    const q = by(v, {
      cast: [
        () => `How much gold did ${R.name} lose to the pirates${p.end}?`,
        () => L(p.lead, `what did the pirates cost ${R.name} in gold?`),
      ],
      farm: [
        () =>
          town === 'patchbourough'
            ? `How much gold did them pirates rob off us ${R.at}${p.end}?`
            : `How much gold did ${R.name} lose to them pirates${p.end}?`,
      ],
      sheet: [() => `sum loot_gold where town = ${R.name}${p.end}`],
    });
    return { question: q, truth: `${total} gold (${s.label})`, check: st(total, 0) };
  });

  // ------------------------------------------------------------ the whole record
  fill('scope', 8, (v) => {
    const kind = rng.next();
    const when = by(v, {
      cast: [() => '', () => ' so far', () => ' all-time'],
      farm: [() => '', () => ', all told', () => ' since the record began'],
      sheet: [() => '', () => ', all rows'],
    });
    if (kind < 0.65) {
      const o = v === 'farm' ? farmOut() : pick(OUTS);
      const R = ref(rng, o.town, v);
      const total = round(sumOf(evs(o.town, o.kind, 1, N), o.key), o.dec);
      if (total <= 0) return null;
      const sj = subj(o, R, v);
      const pp = o.key === 'raid_gold' ? 'taken in raids' : o.ved;
      const q = by(v, {
        cast: [
          () => `What's ${R.poss} career total for ${o.np}${when}?`,
          () => `${hm(o)} ${plural(sj.s) ? 'have' : 'has'} ${sj.s} ${pp}${sj.at}${when}?`,
        ],
        farm: [() => `${hm(o)} ${plural(sj.s) ? 'have' : 'has'} ${sj.s} ${pp}${sj.at}${when}?`],
        sheet: [() => `sum(${o.col}) ${R.name}${when}`, () => `SUM(${o.col}) town=${R.name}${when}`],
      });
      return { question: q, truth: `${fmt(total, o.dec)} ${o.unit} (days 1–${N})`, check: st(total, o.dec) };
    }
    if (kind < 0.85) {
      const total = round(
        TOWNS.reduce((a, t) => a + readings(t, 'rain_mm', 1, N).reduce((b, x) => b + x, 0), 0),
        1,
      );
      const q = by(v, {
        cast: [() => `How much rain has fallen across all four towns put together${when}?`],
        farm: [() => `How much rain has come down on the four towns altogether${when}?`],
        sheet: [() => `sum(rain_mm) all towns${when}`],
      });
      return { question: q, truth: `${fmt(total, 1)} mm (all towns, days 1–${N})`, check: st(total, 1) };
    }
    const total = TRADERS.reduce((a, t) => a + sumOf(evs(t, 'loss', 1, N), 'loot_gold'), 0);
    if (total <= 0) return null;
    const q = by(v, {
      cast: [() => `How much gold have the three trading towns lost to the pirates between them${when}?`],
      farm: [() => `How much gold have them pirates robbed off the three towns, us included${when}?`],
      sheet: [() => `sum(loot_gold) all towns${when}`],
    });
    return { question: q, truth: `${total} gold (all towns, days 1–${N})`, check: st(total, 0) };
  });

  // ------------------------------------------------------------ averages
  fill('mean', 16, (v) => {
    const kind = rng.next();
    if (kind < 0.55) {
      const rd = pick(READS);
      const town = townFor(v, rd.towns);
      const R = ref(rng, town, v);
      const s = makeSpan(rng, N, pick(ANY), v);
      const p = tp(s);
      const xs = readings(town, rd.key, s.a, s.b);
      if (xs.length === 0) return null;
      const m = mean(xs);
      if (edgy(m, rd.dec)) return null;
      const q = by(v, {
        cast: [
          () => `What did ${R.name} average for ${rd.noun}${p.end}?`,
          () => L(p.lead, `what was the average ${rd.noun} ${R.at}?`),
          () => `Mean ${rd.noun} ${R.at}${p.end} — what's the number?`,
        ],
        farm: [
          () =>
            rd.key === 'temperature_c'
              ? `How warm was it on average ${R.at}${p.end}?`
              : `What was the ${rd.noun} on average ${R.at}${p.end}?`,
          () => L(p.lead, `what did the ${rd.noun} average out to ${R.at}?`),
        ],
        sheet: [
          () => `avg ${rd.key} ${R.name}${p.end}`,
          () => `AVERAGE(${rd.key}) where town = ${R.name}${s.t ? `, ${s.t}` : ''}`,
          () => `mean of ${rd.key}, ${R.name}, ${s.t || 'all rows'}`,
        ],
      });
      return {
        question: q,
        truth: `${fmt(m, rd.dec + 1)} ${rd.unit} (mean of ${xs.length} readings, ${s.label})`,
        check: st(m, rd.dec),
      };
    }
    const s = makeSpan(rng, N, pick(WIDE), v, 3);
    const p = tp(s);
    if (kind < 0.85) {
      const o = v === 'farm' ? farmOut() : pick(OUTS.filter((x) => x.dense));
      const R = ref(rng, o.town, v);
      const total = sumOf(evs(o.town, o.kind, s.a, s.b), o.key);
      const days = reported(o.town, s.a, s.b);
      if (total <= 0 || days === 0) return null;
      const m = total / days;
      if (edgy(m, o.dec)) return null;
      const sj = subj(o, R, v);
      const q = by(v, {
        cast: [
          () => `${hm(o)} a day did ${sj.s} average${sj.at}${p.end}?`,
          () => `What's ${R.poss} per-day average for ${o.np}${p.end}?`,
        ],
        farm: [
          () => `On an average day${p.end}, ${hm(o).toLowerCase()} did ${sj.s} ${o.verb}${sj.at}?`,
          () => `${hm(o)} did ${sj.s} ${o.verb} per day${sj.at}${p.end}, on average?`,
        ],
        sheet: [
          () => `avg daily ${o.col} ${R.name}${p.end}`,
          () => `sum(${o.col}) / days, ${R.name}, ${s.t || 'all rows'}`,
        ],
      });
      return {
        question: q,
        truth: `${fmt(m, o.dec + 2)} ${o.unit} a day (${fmt(total, o.dec)} over ${days} days)`,
        check: st(m, o.dec),
      };
    }
    if (rng.chance(0.5)) {
      const list = evs('den-of-thieves', 'raid', s.a, s.b).filter((e) => num(e, 'raid_gold') > 0);
      if (list.length < 2) return null;
      const m = sumOf(list, 'raid_gold') / list.length;
      if (edgy(m, 0)) return null;
      const q = by(v, {
        cast: [() => `What did the pirates average per raid${p.end}, in gold?`],
        farm: [() => `How much gold did them pirates get per raid, on average${p.end}?`],
        sheet: [() => `avg raid_gold where raid_gold > 0${p.end}`],
      });
      return { question: q, truth: `${fmt(m, 2)} gold a raid (${list.length} raids)`, check: st(m, 0) };
    }
    const town = v === 'farm' && rng.chance(0.6) ? 'patchbourough' : pick(TRADERS);
    const R = ref(rng, town, v);
    const list = evs(town, 'loss', s.a, s.b);
    if (list.length < 2) return null;
    const m = sumOf(list, 'loot_gold') / list.length;
    if (edgy(m, 0)) return null;
    const q = by(v, {
      cast: [() => `On average, how much gold did ${R.name} lose per robbery${p.end}?`],
      farm: [
        () =>
          town === 'patchbourough'
            ? `When them pirates robbed us ${R.at}${p.end}, how much gold did we lose on average each time?`
            : `How much did ${R.name} lose per robbery, on average${p.end}?`,
      ],
      sheet: [() => `avg loot_gold per loss event, ${R.name}${p.end}`],
    });
    return { question: q, truth: `${fmt(m, 2)} gold a robbery (${list.length} robberies)`, check: st(m, 0) };
  });

  // ------------------------------------------------------------ events counted
  fill('count', 14, (v) => {
    const h = v === 'farm' ? farmHap() : pick(HAPS);
    const s = makeSpan(rng, N, pick(WIDE), v);
    const p = tp(s);
    const R = ref(rng, h.town, v);
    const n = hapEvents(h, s.a, s.b).length;
    if (n === 0) return null;
    const q = by(v, {
      cast: [
        () => (h.howMany ? `${h.howMany(R, v)}${p.end}?` : `How many times did ${h.bare(R, v)}${p.end}?`),
        () => L(p.lead, `how many times did ${h.bare(R, v)}?`),
      ],
      farm: [
        () => `How many times did ${h.bare(R, v)}${p.end}?`,
        () =>
          h.howMany
            ? L(p.lead, `${h.howMany(R, v).toLowerCase()}?`)
            : `How many times did ${h.bare(R, v)}${p.end}?`,
      ],
      sheet: [
        () => `count rows where ${h.cond(R)}${p.end}`,
        () => `COUNTIFS(${h.cond(R)})${p.end}`,
        () => `count(*) ${h.kind} events where ${h.cond(R)}${p.end}`,
      ],
    });
    return { question: q, truth: `${n} events (${s.label})`, check: st(n, 0) };
  });

  // ------------------------------------------------------------ yes or no
  let yesses = 0;
  let nos = 0;
  fill('did', 14, (v) => {
    const want = yesses <= nos;
    const s = makeSpan(rng, N, pick(ANY), v);
    const p = tp(s);
    let q: string;
    let yes: boolean;
    let truth: string;
    if (rng.chance(0.6)) {
      const h = v === 'farm' ? farmHap() : pick(HAPS);
      const R = ref(rng, h.town, v);
      const n = hapEvents(h, s.a, s.b).length;
      yes = n > 0;
      truth = `${yes ? 'yes' : 'no'} (${n} events, ${s.label})`;
      q = by(v, {
        cast: [
          () => `Did ${h.bare(R, v)}${p.end}?`,
          () => L(p.lead, `did ${h.bare(R, v)}?`),
          () => `Any ${h.with(R, v).replace(/^an? /, '')}${p.end}?`,
        ],
        farm: [
          () => `Did ${h.bare(R, v)}${p.end}?`,
          () => `Tell me true — did ${h.bare(R, v)}${p.end}?`,
          () => L(p.lead, `did ${h.bare(R, v)} at all?`),
        ],
        sheet: [() => `any rows where ${h.cond(R)}${p.end}? (yes/no)`, () => `exists ${h.cond(R)}${p.end}?`],
      });
    } else {
      const o = v === 'farm' ? farmOut() : pick(OUTS);
      const R = ref(rng, o.town, v);
      const total = round(sumOf(evs(o.town, o.kind, s.a, s.b), o.key), o.dec);
      if (total <= 0) return null;
      const x = nice(total * (0.75 + 0.5 * rng.next()));
      if (x <= 0 || Math.abs(total - x) / total < 0.03) return null;
      yes = total > x;
      truth = `${yes ? 'yes' : 'no'}: ${fmt(total, o.dec)} ${o.unit} (${s.label})`;
      const X = fmtQ(x, rng);
      const sj = subj(o, R, v);
      q = by(v, {
        cast: [
          () => `Did ${R.name} break ${o.qty(X)}${p.end}?`,
          () => L(p.lead, `did ${R.name} clear ${o.qty(X)} ${o.arena}?`),
        ],
        farm: [() => `Did ${sj.s} ${o.verb} more than ${o.qty(X)}${sj.at}${p.end}?`],
        sheet: [() => `sum(${o.col}) ${R.name}${p.end} > ${x}?`],
      });
    }
    if (yes !== want && rng.chance(0.8)) return null;
    if (yes) yesses++;
    else nos++;
    return { question: q, truth, check: yesC(yes) };
  });

  // ------------------------------------------------------------ shipments filtered
  const GOODS_WORD: Record<string, string> = {
    rope: 'rope',
    metal: 'metal',
    trinkets: 'trinket',
    flour: 'flour',
    tools: 'tool',
    grain: 'grain',
    textiles: 'textile',
    spices: 'spice',
    fish: 'fish',
  };
  fill('filter', 10, (v) => {
    const s = makeSpan(rng, N, pick(WIDE), v);
    const p = tp(s);
    const kind = rng.next();
    const raids = evs('den-of-thieves', 'raid', s.a, s.b).filter((e) => num(e, 'raid_gold') > 0);
    if (kind < 0.2) {
      const town = v === 'farm' && rng.chance(0.6) ? 'patchbourough' : pick(TRADERS);
      const R = ref(rng, town, v);
      const total = sumOf(
        raids.filter((e) => e.data.target === town),
        'raid_gold',
      );
      if (total <= 0) return null;
      const q = by(v, {
        cast: [
          () => `How much gold did the pirates take off ${R.poss} shipments${p.end}?`,
          () => L(p.lead, `what did the raiders haul in from hitting ${R.name}, in gold?`),
        ],
        farm: [
          () =>
            town === 'patchbourough'
              ? `How much gold did them pirates take off our shipments ${R.at}${p.end}?`
              : `How much gold did them pirates take off ${R.poss} shipments${p.end}?`,
        ],
        sheet: [() => `sum raid_gold where target = ${town}${p.end}`],
      });
      return { question: q, truth: `${total} gold (raids on ${town}, ${s.label})`, check: st(total, 0) };
    }
    if (kind < 0.35) {
      const goods = pick([...new Set(raids.map((e) => String(e.data.goods)))]);
      if (!goods) return null;
      const n = raids.filter((e) => e.data.goods === goods).length;
      const g = GOODS_WORD[goods] ?? goods;
      const q = by(v, {
        cast: [() => `How many raids on ${g} shipments came home with gold${p.end}?`],
        farm: [() => `How many times did them pirates make off with a ${g} shipment${p.end}?`],
        sheet: [() => `count raids where goods = ${goods} and raid_gold > 0${p.end}`],
      });
      return { question: q, truth: `${n} raids on ${goods} (${s.label})`, check: st(n, 0) };
    }
    if (kind < 0.5) {
      const town = v === 'farm' && rng.chance(0.6) ? 'patchbourough' : pick(TRADERS);
      const R = ref(rng, town, v);
      const losses = evs(town, 'loss', s.a, s.b);
      const goods = pick([...new Set(losses.map((e) => String(e.data.goods)))]);
      if (!goods) return null;
      const total = sumOf(
        losses.filter((e) => e.data.goods === goods),
        'loot_gold',
      );
      if (total <= 0) return null;
      const g = GOODS_WORD[goods] ?? goods;
      const q = by(v, {
        cast: [() => `How much gold did ${R.name} lose on robbed ${g} shipments${p.end}?`],
        farm: [
          () =>
            town === 'patchbourough'
              ? `How much gold did we lose to them pirates on our ${g} shipments ${R.at}${p.end}?`
              : `How much gold did ${R.name} lose on its ${g} shipments to them pirates${p.end}?`,
        ],
        sheet: [() => `sum loot_gold where town = ${R.name} and goods = ${goods}${p.end}`],
      });
      return { question: q, truth: `${total} gold (${goods}, ${s.label})`, check: st(total, 0) };
    }
    if (kind < 0.7) {
      const town = v === 'farm' && rng.chance(0.6) ? 'patchbourough' : pick(TRADERS);
      const R = ref(rng, town, v);
      const list = evs(town, 'arrival', s.a, s.b);
      const from = pick([...new Set(list.map((e) => String(e.data.from)))]) as Town | undefined;
      if (!from || !TOWNS.includes(from)) return null;
      const X = ref(rng, from, v === 'sheet' ? 'sheet' : 'cast');
      const n = list.filter((e) => e.data.from === from).length;
      const q = by(v, {
        cast: [() => `How many shipments from ${X.name} arrived ${R.at}${p.end}?`],
        farm: [() => `How many shipments came in ${R.at} from ${X.name}${p.end}?`],
        sheet: [() => `count arrival where to = ${town} and from = ${from}${p.end}`],
      });
      return { question: q, truth: `${n} arrivals (${s.label})`, check: st(n, 0) };
    }
    if (kind < 0.85) {
      const imports = rng.chance(0.5);
      const total = sumOf(
        evs('port-logic', 'trade', s.a, s.b).filter((e) =>
          imports ? e.data.from === 'overseas' : e.data.from === 'port-logic' && e.data.to === 'overseas',
        ),
        'value_gold',
      );
      if (total <= 0) return null;
      const R = ref(rng, 'port-logic', v);
      const q = imports
        ? by(v, {
            cast: [() => `How much gold did ${R.name} spend on goods from overseas${p.end}?`],
            farm: [() => `How much did them harbour folk pay for goods from overseas${p.end}, in gold?`],
            sheet: [() => `sum value_gold where from = overseas${p.end}`],
          })
        : by(v, {
            cast: [() => `How much gold did ${R.name} bring in selling overseas${p.end}?`],
            farm: [() => `What did ${R.name} earn selling goods overseas${p.end}, in gold?`],
            sheet: [() => `sum value_gold where from = port-logic and to = overseas${p.end}`],
          });
      return {
        question: q,
        truth: `${total} gold (${imports ? 'imports' : 'overseas sales'}, ${s.label})`,
        check: st(total, 0),
      };
    }
    const town: Town = v === 'farm' || rng.chance(0.5) ? 'patchbourough' : 'circuiton';
    const to = pick(TRADERS.filter((t) => t !== town));
    const R = ref(rng, town, v);
    const X = ref(rng, to, v === 'sheet' ? 'sheet' : 'cast');
    const total = sumOf(
      evs(town, 'trade', s.a, s.b).filter((e) => e.data.to === to),
      'value_gold',
    );
    if (total <= 0) return null;
    const q = by(v, {
      cast: [() => `How much did ${R.poss} sales to ${X.name} bring in${p.end}, in gold?`],
      farm: [
        () =>
          town === 'patchbourough'
            ? `How much gold did we get ${R.at} selling to ${X.name}${p.end}?`
            : `How much gold did ${R.name} get selling to ${X.name}${p.end}?`,
      ],
      sheet: [() => `sum value_gold where from = ${town} and to = ${to}${p.end}`],
    });
    return { question: q, truth: `${total} gold (sales to ${to}, ${s.label})`, check: st(total, 0) };
  });

  // ------------------------------------------------------------ trends
  const DOWN = /fall|declin|down|drop|decreas|lower|slid|cool|shrink/i;
  interface Series {
    town: Town;
    np: string;
    col: string;
    unit: string;
    of: (a: number, b: number) => Map<number, number>;
  }
  const SERIES: Series[] = [
    ...['fish', 'ore_tons', 'drinks', 'harvest', 'flour_lbs'].map((k): Series => {
      const o = OUT(k);
      return {
        town: o.town,
        np: o.np,
        col: `sum(${o.col})`,
        unit: `${o.unit} a day`,
        of: (a, b) => daily(evs(o.town, o.kind, a, b), o.key, o.dec),
      };
    }),
    ...TOWNS.map(
      (t): Series => ({
        town: t,
        np: 'average temperature',
        col: 'avg(temperature_c)',
        unit: '°C a day',
        of: (a, b) => dailyMean(evs(t, 'sensor', a, b), 'temperature_c'),
      }),
    ),
    {
      town: 'patchbourough',
      np: 'river level',
      col: 'avg(river_level_m)',
      unit: 'm a day',
      of: (a, b) => dailyMean(evs('patchbourough', 'sensor', a, b), 'river_level_m'),
    },
  ];
  fill('trend', 6, (v) => {
    const x =
      v === 'farm' && rng.chance(0.6) ? pick(SERIES.filter((y) => y.town === 'patchbourough')) : pick(SERIES);
    const s = makeSpan(rng, N, pick(['week', 'lastk', 'lastmonth', 'thismonth', 'whole', 'between']), v, 10);
    if (s.b - s.a < 6) return null;
    const m = x.of(s.a, s.b);
    if (!covers(m, s.a, s.b)) return null;
    const slope = slopeOf(m);
    if (Number.isNaN(slope) || Math.abs(slope) < 0.01 || edgy(slope, 2)) return null;
    const R = ref(rng, x.town, v);
    const p = tp(s);
    if (rng.chance(0.35)) {
      if (Math.abs(slope) < 0.05) return null;
      const q = by(v, {
        cast: [() => `Is ${R.poss} daily ${x.np} on the rise${p.end}?`],
        farm: [() => `Has the daily ${x.np} been going up ${R.at}${p.end}?`],
        sheet: [() => `is slope of daily ${x.col} > 0, ${R.name}${p.end}? (yes/no)`],
      });
      return {
        question: q,
        truth: `${slope > 0 ? 'yes' : 'no'}, slope ${fmt(slope, 2)} ${x.unit}`,
        check: yesC(slope > 0),
      };
    }
    const q = by(v, {
      cast: [
        () => `What's the trend line on ${R.poss} daily ${x.np}${p.end} — how much per day?`,
        () =>
          L(
            p.lead,
            `by how much a day was ${R.poss} daily ${x.np} climbing or sliding, on a straight-line fit?`,
          ),
      ],
      farm: [
        () => `Is the daily ${x.np} ${R.at} going up or down${p.end}, and by how much each day?`,
        () =>
          L(
            p.lead,
            `how fast has the daily ${x.np} been changing ${R.at}, per day, if you draw a line through it?`,
          ),
      ],
      sheet: [
        () => `slope of daily ${x.col} vs day, ${R.name}${p.end}`,
        () => `SLOPE(daily ${x.col}, day) ${R.name}${p.end}`,
      ],
    });
    return { question: q, truth: `${fmt(slope, 2)} ${x.unit} (${s.label})`, check: signedC(slope, 2, DOWN) };
  });

  // ------------------------------------------------------------ correlation
  interface Pair {
    town: Town;
    ask: (R: Ref, v: Voice, p: TP) => string;
    x: (a: number, b: number) => Map<number, number>;
    y: (a: number, b: number) => Map<number, number>;
  }
  const PAIRS: Pair[] = [
    {
      town: 'port-logic',
      ask: (R, v, p) =>
        by(v, {
          cast: [
            () => `How closely did ${R.poss} daily fish track the wind${p.end}? Give me the correlation.`,
          ],
          farm: [
            () =>
              `Do them fishermen ${R.at} catch less on windy days${p.end}? What's the correlation, day by day?`,
          ],
          sheet: [() => `CORREL(daily sum fish, daily avg wind_kph) ${R.name}${p.end}`],
        }),
      x: (a, b) => daily(evs('port-logic', 'fishing', a, b), 'fish', 0),
      y: (a, b) => dailyMean(evs('port-logic', 'sensor', a, b), 'wind_kph'),
    },
    {
      town: 'patchbourough',
      ask: (R, v, p) =>
        by(v, {
          cast: [() => `What's the correlation between daily rain and the river level ${R.at}${p.end}?`],
          farm: [
            () =>
              `Is there a link between the rain and the river level ${R.at}${p.end}? What's the correlation, day by day?`,
          ],
          sheet: [() => `CORREL(daily sum rain_mm, daily avg river_level_m) ${R.name}${p.end}`],
        }),
      x: (a, b) => daily(evs('patchbourough', 'sensor', a, b), 'rain_mm', 1),
      y: (a, b) => dailyMean(evs('patchbourough', 'sensor', a, b), 'river_level_m'),
    },
    {
      town: 'circuiton',
      ask: (R, v, p) =>
        by(v, {
          cast: [() => `Pearson r between ${R.poss} daily ore and its daily rain${p.end}?`],
          farm: [
            () =>
              `Does the rain slow them miners ${R.at}${p.end}? Give me the correlation of daily ore and daily rain.`,
          ],
          sheet: [() => `CORREL(daily sum ore_tons, daily sum rain_mm) ${R.name}${p.end}`],
        }),
      x: (a, b) => daily(evs('circuiton', 'mining', a, b), 'ore_tons', 2),
      y: (a, b) => daily(evs('circuiton', 'sensor', a, b), 'rain_mm', 1),
    },
  ];
  fill('correlate', 3, (v) => {
    const x = pick(PAIRS);
    const s = makeSpan(rng, N, pick(['whole', 'lastmonth', 'thismonth']), v);
    const r = pearson(x.x(s.a, s.b), x.y(s.a, s.b));
    if (Number.isNaN(r) || Math.abs(r) < 0.01 || edgy(r, 2)) return null;
    return {
      question: x.ask(ref(rng, x.town, v), v, tp(s)),
      truth: `r = ${fmt(r, 2)} (${s.label})`,
      check: signedC(r, 2, /negative|inverse/i),
    };
  });

  // ------------------------------------------------------------ two things on one day
  let noneBoth = 0;
  fill('both', 6, (v) => {
    const [h1, h2] = rng.two(HAPS);
    if (h1.town === h2.town && h1.kind === h2.kind && h1.id.split('-')[0] === h2.id.split('-')[0])
      return null;
    const s = makeSpan(rng, N, pick(SHORTER), v, 5);
    const p = tp(s);
    const d1 = hapDays(h1, s.a, s.b);
    const d2 = new Set(hapDays(h2, s.a, s.b));
    if (d1.length === 0 || d2.size === 0) return null;
    const shared = d1.filter((d) => d2.has(d));
    if (shared.length > 8) return null;
    if (shared.length === 0 && noneBoth >= 2) return null;
    if (shared.length === 0) noneBoth++;
    const R1 = ref(rng, h1.town, v);
    const R2 = ref(rng, h2.town, v);
    const q = by(v, {
      cast: [
        () => `Name the days${p.end} when ${h1.past(R1, v)} and ${h2.past(R2, v)}.`,
        () => L(p.lead, `on which days did ${h1.bare(R1, v)} and ${h2.bare(R2, v)} on the same day?`),
        () => `Which days${p.end} had both ${h1.with(R1, v)} and ${h2.with(R2, v)}?`,
      ],
      farm: [
        () => `Were there any days${p.end} when ${h1.past(R1, v)} and ${h2.past(R2, v)} too? Which ones?`,
        () => L(p.lead, `what days did ${h1.bare(R1, v)} and ${h2.bare(R2, v)}, both on the one day?`),
      ],
      sheet: [
        () => `days where ${h1.cond(R1)} AND ${h2.cond(R2)}${p.end}`,
        () => `list day where (${h1.cond(R1)}) and (${h2.cond(R2)})${p.end}`,
      ],
    });
    return {
      question: q,
      truth: shared.length
        ? `day${shared.length > 1 ? 's' : ''} ${shared.join(', ')} (${s.label})`
        : `none (${s.label})`,
      check: daysC(shared, s.a, s.b, q),
    };
  });

  // ------------------------------------------------------------ not yet
  const FUTURE: [Voice, string][] = [
    ['cast', 'How many fish will the harbour haul in tomorrow?'],
    ['cast', "Who's going to take the rain title next week, Port Logic or the Den?"],
    ['cast', "What will Circuiton's ore tally be on day 900?"],
    ['farm', 'How much rain are we going to get here at the farms next week?'],
    ['farm', 'Will the river be up round the river farms on day 500?'],
    ['farm', 'How much grain will we bring in here in PatchBourough tomorrow?'],
    ['sheet', 'sum of ore_tons circuiton next week'],
    ['sheet', 'max temperature_c port logic day 777'],
    ['sheet', 'count raids where raid_gold > 0, days 450-460'],
  ];
  fill('future', 6, () => {
    const [, q] = pick(FUTURE);
    return { question: q, truth: 'not yet', check: (r) => saysNotYet(r.answer) };
  });

  // ------------------------------------------------------------ roles
  const ROLES: [string, string][] = [
    ['Who keeps the forge going over at the farms?', 'Garrick Stone'],
    ["Who's the miller at PatchBourough, then?", 'Rosalind Grist'],
    ["Who's the skipper of the pirates' ship — who captains them raids?", 'Mara Blackwater'],
    ['Who pours the drinks at the Den?', 'Greta Grog'],
    ['who is the apprentice in circuiton', 'John'],
    ['Who fletches the arrows for the Den of Thieves crew?', 'Skiv'],
    ['What does Ida Pike do for a living up in Circuiton?', 'miner'],
    ['role of Odile Quay, port logic', 'trader'],
    ['Who keeps the Black Gull patched up — the bosun?', 'Rook'],
  ];
  fill('role', 6, () => {
    const [q, who] = pick(ROLES);
    return { question: q, truth: who, check: nameC(who) };
  });

  return cases;
}

/**
 * Natural set E: questions in three voices — an economist or merchant studying the trade and the
 * raids, a journalist checking facts for a story (formal, precise, "can you confirm…"), and a
 * curious player whose questions sit inside longer, follow-up-like sentences. Weighted toward
 * day counts, days on which two things both happened, which town, the best/worst day, trends,
 * filtered trade and raids, and A-or-B comparisons, with a smaller share of the other forms.
 * Written from the world definition (src/world) and eval/CONVENTIONS.md alone; every truth is
 * computed from the raw events. Deterministic per history (a mulberry32 prng seeded by a hash of
 * the data); about one question in ten carries a typo, recorded in `typo`.
 */
import {
  all,
  type Case,
  names,
  namesDay,
  namesTown,
  omits,
  type RawEvent,
  round,
  saysNotYet,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
type Check = Case['check'];
type ECase = Case & { typo?: string };

const TOWNS: Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];

// ---------------------------------------------------------------------------------------------
// Randomness and small helpers

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

function hashEvents(events: RawEvent[]): number {
  let h = 2166136261 >>> 0;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  };
  feed(String(events.length));
  const step = Math.max(1, Math.floor(events.length / 500));
  for (let i = 0; i < events.length; i += step) feed(at(events, i).text);
  return h;
}

interface Rand {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

function randOf(seed: number): Rand {
  const f = mulberry32(seed);
  return {
    next: f,
    int: (lo, hi) => lo + Math.floor(f() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => at(xs, Math.floor(f() * xs.length)),
    chance: (p) => f() < p,
  };
}

/** The item at i, which must be there. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no item ${i}`);
  return x;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const tidy = (s: string) =>
  cap(
    s
      .replace(/\s+/g, ' ')
      .replace(/\s+([?,.;:])/g, '$1')
      .replace(/,\s*,/g, ',')
      .trim(),
  );

/** A value lies within 1e-6 of a rounding edge at any of these precisions. */
function nearEdge(v: number, decs: number[]): boolean {
  return decs.some((d) => {
    const x = Math.abs(v) * 10 ** d;
    return Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
  });
}

const fmt = (v: number, d: number) => round(v, d).toFixed(d);
const fmtGrouped = (v: number) => v.toLocaleString('en-US');

const WORDS: Record<number, string> = {
  1: 'one',
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
  12: 'twelve',
  14: 'fourteen',
  15: 'fifteen',
  20: 'twenty',
  21: 'twenty-one',
  25: 'twenty-five',
  28: 'twenty-eight',
};
const numOrWord = (r: Rand, n: number) => (WORDS[n] && r.chance(0.45) ? WORDS[n] : String(n));

// Checks built on the shared ones.

const st =
  (v: number, d: number): Check =>
  (reply) =>
    states(reply.answer, v, d);

/** A count: the number, or for zero a plain "none/no/zero/never". */
function statesCount(answer: string, n: number): string | null {
  if (n === 0 && /\b(no|none|zero|never|not once|not a single)\b/i.test(answer)) return null;
  return states(answer, n, 0);
}

function omitsDay(answer: string, day: number): string | null {
  return new RegExp(`\\bday ${day}\\b`, 'i').test(answer) ? `names day ${day}` : null;
}

const RISE = /\b(ris(e|es|ing|en)|rose|increas\w*|upward|upwards|up|grew|grow(s|ing)?|climb\w*|higher)\b/i;
const FALL = /\b(fall(s|ing|en)?|fell|decreas\w*|downward|downwards|down|declin\w*|drop\w*|lower)\b/i;

function saysDirection(answer: string, rising: boolean): string | null {
  const r = RISE.test(answer);
  const f = FALL.test(answer);
  if (rising ? r && !f : f && !r) return null;
  return `does not say it was ${rising ? 'rising' : 'falling'}`;
}

// ---------------------------------------------------------------------------------------------
// Towns as people name them

interface TV {
  name: string;
  loc: string;
  poss: string;
}

const TV_OF: Record<Town, TV[]> = {
  'port-logic': [
    { name: 'Port Logic', loc: 'at Port Logic', poss: "Port Logic's" },
    { name: 'the port', loc: 'at the port', poss: "the port's" },
    { name: 'the harbour', loc: 'in the harbour', poss: "the harbour's" },
  ],
  patchbourough: [
    { name: 'PatchBourough', loc: 'in PatchBourough', poss: "PatchBourough's" },
    { name: 'the farms', loc: 'at the farms', poss: "the farms'" },
    { name: 'the river town', loc: 'in the river town', poss: "the river town's" },
  ],
  circuiton: [
    { name: 'Circuiton', loc: 'in Circuiton', poss: "Circuiton's" },
    { name: 'the mines', loc: 'at the mines', poss: "the mines'" },
    { name: 'the mountain town', loc: 'in the mountain town', poss: "the mountain town's" },
  ],
  'den-of-thieves': [
    { name: 'the Den of Thieves', loc: 'at the Den of Thieves', poss: "the Den of Thieves'" },
    { name: 'the Den', loc: 'at the Den', poss: "the Den's" },
    { name: "the pirates' island", loc: "on the pirates' island", poss: "the pirates' island's" },
  ],
};

// ---------------------------------------------------------------------------------------------
// Time ranges (CONVENTIONS.md)

interface Range {
  from: number;
  to: number;
  say: string;
  /** Label used when a range is the winner of an A-or-B question. */
  label?: string;
  whole?: boolean;
}

function ranges(r: Rand, N: number, minLen: number, maxLen: number, allowWhole: boolean): Range[] {
  const out: Range[] = [];
  const add = (from: number, to: number, say: string, label?: string) => {
    const len = to - from + 1;
    if (from >= 1 && to <= N && len >= minLen && len <= maxLen) out.push({ from, to, say, label });
  };
  add(N, N, 'today');
  add(N - 1, N - 1, 'yesterday');
  add(N - 7, N - 1, r.pick(['last week', 'during last week']));
  add(N - 6, N, r.pick(['this week', 'over the past week', 'in the past week']));
  add(N - 30, N - 1, r.pick(['last month', 'during last month']));
  add(N - 29, N, 'this month');
  add(N - 13, N, r.pick(['over the past fortnight', 'in the last fortnight', 'over the last two weeks']));
  for (const K of [3, 5, 10, 12, 20, 21, 25]) {
    add(N - K + 1, N, `${r.pick(['in', 'over', 'during'])} the last ${numOrWord(r, K)} days`);
  }
  for (let W = 1; W <= 7; W++) {
    add(
      7 * (W - 1) + 1,
      7 * W,
      `${r.pick(['in', 'during'])} week ${r.chance(0.3) ? WORDS[W] : W}`,
      `week ${W}`,
    );
  }
  for (let i = 0; i < 3; i++) {
    const a = r.int(1, 50);
    const b = Math.min(55, a + r.int(Math.max(1, minLen - 1), Math.min(30, Math.max(minLen, maxLen) - 1)));
    add(a, b, r.pick([`between day ${a} and day ${b}`, `from day ${a} to day ${b}`]));
  }
  if (allowWhole) {
    const say = r.pick(['', 'so far', 'over the whole history', 'in all', 'since records began', 'ever']);
    if (1 <= N && N >= minLen) out.push({ from: 1, to: N, say, whole: true });
  }
  return out;
}

function pickRange(r: Rand, N: number, minLen = 1, maxLen = 1e9, allowWhole = false): Range | null {
  const rs = ranges(r, N, minLen, maxLen, allowWhole);
  return rs.length ? r.pick(rs) : null;
}

const split3 = (x: string): [string, string, string] => {
  const [a = '', b = '', c = ''] = x.split('|');
  return [a, b, c];
};
const inR = (day: number, rg: { from: number; to: number }) => day >= rg.from && day <= rg.to;
const daysOf = (rg: { from: number; to: number }) => {
  const d: number[] = [];
  for (let i = rg.from; i <= rg.to; i++) d.push(i);
  return d;
};
const rangeText = (rg: Range) =>
  rg.whole ? `days 1–${rg.to}` : rg.from === rg.to ? `day ${rg.from}` : `days ${rg.from}–${rg.to}`;

// ---------------------------------------------------------------------------------------------
// Outputs and readings

interface Out {
  id: string;
  town: Town;
  kind: string;
  key: string;
  dec: number;
  /** "how many fish were caught at the port" */
  ask(tv: TV): string;
  /** "fish caught at the port" */
  np(tv: TV): string;
  /** Role of the actors, for "who" questions. */
  who?: string;
  /** Locatives that read well for this output. */
  tvs?: number[];
}

const OUTS: Out[] = [
  {
    id: 'fish',
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    ask: (t) => `how many fish were caught ${t.loc}`,
    np: (t) => `fish caught ${t.loc}`,
    who: 'fisher',
  },
  {
    id: 'nets',
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    ask: (t) => `how many nets were made ${t.loc}`,
    np: (t) => `nets made ${t.loc}`,
    who: 'net maker',
  },
  {
    id: 'ropes',
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    ask: (t) => `how many ropes were made ${t.loc}`,
    np: (t) => `ropes made ${t.loc}`,
  },
  {
    id: 'harvest',
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    ask: (t) => `how many pounds of grain were harvested ${t.loc}`,
    np: (t) => `grain harvested ${t.loc} (in pounds)`,
    who: 'farmer',
  },
  {
    id: 'flour',
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    ask: (t) => `how many pounds of flour were milled ${t.loc}`,
    np: (t) => `flour milled ${t.loc} (in pounds)`,
  },
  {
    id: 'tools',
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    ask: (t) => `how many tools were forged ${t.loc}`,
    np: (t) => `tools forged ${t.loc}`,
  },
  {
    id: 'ore',
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    ask: (t) => `how many tons of ore were mined ${t.loc}`,
    np: (t) => `ore mined ${t.loc} (in tons)`,
    who: 'miner',
  },
  {
    id: 'metal',
    town: 'circuiton',
    kind: 'mining',
    key: 'metal_lbs',
    dec: 4,
    ask: (t) => `how many pounds of metal were processed ${t.loc}`,
    np: (t) => `metal processed ${t.loc} (in pounds)`,
  },
  {
    id: 'trinkets',
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    ask: (t) => `how many trinkets were made ${t.loc}`,
    np: (t) => `trinkets made ${t.loc}`,
    tvs: [0, 2],
  },
  {
    id: 'learned',
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    ask: (t) => `how many pupils learned a craft ${t.loc}`,
    np: (t) => `pupils who learned a craft ${t.loc}`,
    who: 'teacher',
    tvs: [0, 2],
  },
  {
    id: 'drinks',
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    ask: (t) => `how many drinks were poured ${t.loc}`,
    np: (t) => `drinks poured ${t.loc}`,
  },
  {
    id: 'arrows',
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    ask: (t) => `how many arrows were made ${t.loc}`,
    np: (t) => `arrows made ${t.loc}`,
  },
  {
    id: 'raid',
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    ask: () => 'how much gold was taken in the pirates\u2019 raids',
    np: () => 'gold taken in the pirates\u2019 raids',
  },
];

const outById = (id: string): Out => {
  const o = OUTS.find((x) => x.id === id);
  if (!o) throw new Error(id);
  return o;
};

interface Rd {
  key: string;
  dec: number;
  towns: Town[];
  /** "the temperature" */
  noun: string;
  unit: string;
}

const RDS = {
  temp: { key: 'temperature_c', dec: 1, towns: TOWNS, noun: 'temperature', unit: '°C' },
  pressure: { key: 'pressure_hpa', dec: 1, towns: TOWNS, noun: 'air pressure', unit: 'hPa' },
  humidity: { key: 'humidity_pct', dec: 0, towns: TOWNS, noun: 'humidity', unit: '%' },
  wind: { key: 'wind_kph', dec: 1, towns: TOWNS, noun: 'wind speed', unit: 'km/h' },
  rain: { key: 'rain_mm', dec: 1, towns: TOWNS, noun: 'rainfall', unit: 'mm' },
  tide: { key: 'tide_m', dec: 2, towns: ['port-logic'], noun: 'tide', unit: 'm' },
  river: { key: 'river_level_m', dec: 2, towns: ['patchbourough'], noun: 'river level', unit: 'm' },
} satisfies Record<string, Rd>;

const GOODS_UNIT: Record<string, { unit: string; dec: number }> = {
  grain: { unit: 'pounds of grain', dec: 0 },
  flour: { unit: 'pounds of flour', dec: 0 },
  tools: { unit: 'tools', dec: 0 },
  metal: { unit: 'pounds of metal', dec: 4 },
  trinkets: { unit: 'trinkets', dec: 0 },
  fish: { unit: 'fish', dec: 0 },
  rope: { unit: 'ropes', dec: 0 },
  nets: { unit: 'nets', dec: 0 },
  spices: { unit: 'sacks of spices', dec: 0 },
  textiles: { unit: 'bolts of textiles', dec: 0 },
};

const unitOf = (goods: string) => GOODS_UNIT[goods] ?? { unit: goods, dec: 4 };

// ---------------------------------------------------------------------------------------------
// The builder

export function buildNaturalE(events: RawEvent[], today: number): ECase[] {
  const N = today;
  const r = randOf(hashEvents(events));
  const byTownKind = new Map<string, RawEvent[]>();
  const reported = new Map<Town, Set<number>>();
  for (const t of TOWNS) reported.set(t, new Set());
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    let list = byTownKind.get(k);
    if (!list) {
      list = [];
      byTownKind.set(k, list);
    }
    list.push(e);
    reported.get(e.town as Town)?.add(e.day);
  }
  const ev = (town: Town, kind: string) => byTownKind.get(`${town}/${kind}`) ?? [];
  const num = (e: RawEvent, key: string) => Number(e.data[key] ?? 0);
  const reportDays = (town: Town, rg: { from: number; to: number }) =>
    daysOf(rg).filter((d) => reported.get(town)?.has(d));

  /** Daily totals over the days the town reported in the range (0 on days without the kind). */
  const dailyTotals = (
    town: Town,
    list: RawEvent[],
    key: string,
    rg: { from: number; to: number },
    dec: number,
  ) => {
    const m = new Map<number, number>();
    for (const d of reportDays(town, rg)) m.set(d, 0);
    for (const e of list) if (inR(e.day, rg) && m.has(e.day)) m.set(e.day, (m.get(e.day) ?? 0) + num(e, key));
    for (const [d, v] of m) m.set(d, round(v, dec));
    return m;
  };
  const sensorList = (town: Town) => ev(town, 'sensor');
  const readings = (town: Town, key: string, rg: { from: number; to: number }) =>
    sensorList(town)
      .filter((e) => inR(e.day, rg) && typeof e.data[key] === 'number')
      .map((e) => num(e, key));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sum = (xs: number[], dec: number) =>
    round(
      xs.reduce((a, b) => a + b, 0),
      dec,
    );
  const dailyMeans = (town: Town, key: string, rg: { from: number; to: number }) => {
    const acc = new Map<number, number[]>();
    for (const e of sensorList(town)) {
      if (!inR(e.day, rg) || typeof e.data[key] !== 'number') continue;
      let a = acc.get(e.day);
      if (!a) {
        a = [];
        acc.set(e.day, a);
      }
      a.push(num(e, key));
    }
    const m = new Map<number, number>();
    for (const [d, a] of acc) m.set(d, mean(a));
    return m;
  };
  const dailyRain = (town: Town, rg: { from: number; to: number }) => {
    const m = new Map<number, number>();
    for (const e of sensorList(town)) {
      if (!inR(e.day, rg)) continue;
      m.set(e.day, round((m.get(e.day) ?? 0) + num(e, 'rain_mm'), 1));
    }
    return m;
  };
  const readingValue = (rd: Rd, town: Town, rg: { from: number; to: number }) => {
    const xs = readings(town, rd.key, rg);
    if (xs.length === 0) return undefined;
    return rd.key === 'rain_mm' ? sum(xs, 1) : mean(xs);
  };
  const outList = (o: Out) => ev(o.town, o.kind);
  const outTotal = (o: Out, rg: { from: number; to: number }) =>
    sum(
      outList(o)
        .filter((e) => inR(e.day, rg))
        .map((e) => num(e, o.key)),
      o.dec,
    );
  const tvOf = (town: Town, allowed?: number[]) => {
    const opts = TV_OF[town].filter((_, i) => !allowed || allowed.includes(i));
    return r.pick(opts);
  };
  const outTv = (o: Out) => tvOf(o.town, o.tvs);

  // Day sets for "days" and "both" questions.
  const daySet = (pred: (e: RawEvent) => boolean, list: RawEvent[]) => {
    const s = new Set<number>();
    for (const e of list) if (pred(e)) s.add(e.day);
    return s;
  };
  const raidGold = (e: RawEvent) => num(e, 'raid_gold') > 0;
  const raidEvents = ev('den-of-thieves', 'raid');
  const successfulRaids = raidEvents.filter(raidGold);

  interface Happening {
    id: string;
    days: Set<number>;
    clause: string;
    noun: string;
  }
  const happenings = (): Happening[] => {
    const hs: Happening[] = [];
    for (const t of TOWNS) {
      const tv = tvOf(t);
      hs.push({
        id: `rain-${t}`,
        days: daySet((e) => num(e, 'rain_mm') > 0, sensorList(t)),
        clause: `it rained ${tv.loc}`,
        noun: `rain ${tv.loc}`,
      });
    }
    for (const t of ['port-logic', 'den-of-thieves'] as Town[]) {
      const tv = tvOf(t);
      hs.push({
        id: `storm-${t}`,
        days: daySet((e) => e.data.storm === 1, sensorList(t)),
        clause: `a storm blew ${tv.loc}`,
        noun: `a storm ${tv.loc}`,
      });
    }
    hs.push({
      id: 'raid',
      days: daySet(raidGold, raidEvents),
      clause: r.pick(['the pirates made a raid that took gold', 'the Den carried out a successful raid']),
      noun: r.pick(['a successful pirate raid', 'a raid by the Den that brought back gold']),
    });
    for (const t of ['port-logic', 'patchbourough', 'circuiton'] as Town[]) {
      const tv = tvOf(t);
      hs.push({
        id: `loss-${t}`,
        days: daySet(() => true, ev(t, 'loss')),
        clause: `pirates robbed one of ${tv.poss} shipments`,
        noun: `a robbery of one of ${tv.poss} shipments`,
      });
      hs.push({
        id: `arrival-${t}`,
        days: daySet(() => true, ev(t, 'arrival')),
        clause: `a shipment arrived ${tv.loc}`,
        noun: `a shipment arriving ${tv.loc}`,
      });
    }
    const port = tvOf('port-logic');
    hs.push({
      id: 'fine-haul',
      days: daySet((e) => e.data.fine_haul === 1, ev('port-logic', 'fishing')),
      clause: `a fisher landed a fine haul ${port.loc}`,
      noun: `a fine haul of fish ${port.loc}`,
    });
    const circ = tvOf('circuiton', [0, 2]);
    hs.push({
      id: 'flood',
      days: daySet((e) => e.data.flood === 1, ev('circuiton', 'mining')),
      clause: `the mine ${circ.loc} flooded`,
      noun: `a flooded mine ${circ.loc}`,
    });
    hs.push({
      id: 'hunger',
      days: daySet((e) => e.data.hunger === 1, ev('circuiton', 'mining')),
      clause: `the miners ${circ.loc} went hungry`,
      noun: `hungry miners ${circ.loc}`,
    });
    const patch = tvOf('patchbourough', [0, 2]);
    hs.push({
      id: 'cold-forge',
      days: daySet((e) => e.data.cold_forge === 1, ev('patchbourough', 'forge')),
      clause: `the forge ${patch.loc} was cold`,
      noun: `a cold forge ${patch.loc}`,
    });
    const flourDays = dailyTotals(
      'patchbourough',
      ev('patchbourough', 'mill'),
      'flour_lbs',
      { from: 1, to: N },
      0,
    );
    hs.push({
      id: 'no-flour',
      days: new Set([...flourDays].filter(([, v]) => v === 0).map(([d]) => d)),
      clause: `the mill ${patch.loc} made no flour at all`,
      noun: `a day without any flour from the mill ${patch.loc}`,
    });
    return hs;
  };

  // -------------------------------------------------------------------------------------------
  // Generators, one per form. Each returns a case or null (degenerate draw).

  type Gen = () => ECase | null;
  const mk = (form: string, question: string, truth: string, check: Check): ECase => ({
    form,
    question: tidy(question),
    truth,
    check,
  });

  const genDays: Gen = () => {
    const rg = pickRange(r, N, 5, 60, r.chance(0.1));
    if (!rg) return null;
    const t = rg.say;
    const kind = r.int(0, 7);
    let q: string;
    let n: number;
    let what: string;
    if (kind === 0) {
      const town = r.pick(TOWNS);
      const tv = tvOf(town);
      n = [...daySet((e) => num(e, 'rain_mm') > 0 && inR(e.day, rg), sensorList(town))].length;
      q = r.pick([
        `On how many days ${t} did it rain ${tv.loc}?`,
        `How many days ${t} saw rain ${tv.loc}?`,
        `I keep hearing it never stops raining ${tv.loc} — on how many days ${t} did it actually rain?`,
        `For the record, on how many separate days ${t} was rain recorded ${tv.loc}?`,
      ]);
      what = `days with rain_mm > 0 at ${town}`;
    } else if (kind === 1) {
      n = [...daySet((e) => raidGold(e) && inR(e.day, rg), raidEvents)].length;
      q = r.pick([
        `So the Den — on how many days ${t} did they come back from a raid with gold?`,
        `On how many days ${t} did the pirates carry out a successful raid?`,
        `How many distinct days ${t} had at least one pirate raid that took gold?`,
      ]);
      what = 'days with a raid of raid_gold > 0';
    } else if (kind === 2) {
      const town = r.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const tv = tvOf(town);
      n = [...daySet((e) => inR(e.day, rg), ev(town, 'loss'))].length;
      q = r.pick([
        `On how many days ${t} were ${tv.poss} shipments robbed by pirates?`,
        `How many days ${t} did ${tv.name} lose a shipment to the pirates?`,
        `As a merchant I worry about the route: on how many days ${t} did pirates rob ${tv.name}?`,
      ]);
      what = `days with a loss event at ${town}`;
    } else if (kind === 3) {
      const o = r.pick(OUTS.filter((x) => x.id !== 'raid'));
      const tv = outTv(o);
      const tot = [...dailyTotals(o.town, outList(o), o.key, rg, o.dec).values()];
      if (tot.length < 5) return null;
      const sorted = [...tot].sort((a, b) => a - b);
      const mid = at(sorted, Math.floor(sorted.length * (0.3 + 0.4 * r.next())));
      const mag = o.dec > 0 ? 10 ** -o.dec : Math.max(1, 10 ** Math.floor(Math.log10(Math.max(1, mid)) - 1));
      let x = round(Math.round(mid / mag) * mag, o.dec);
      if (tot.some((v) => Math.abs(v - x) < 1e-9)) x = round(x + mag / 2, o.dec + 1);
      if (tot.some((v) => Math.abs(v - x) < 1e-9)) return null;
      n = tot.filter((v) => v > x).length;
      const xs = o.dec === 0 ? fmtGrouped(x) : String(x);
      q = r.pick([
        `On how many days ${t} did the daily total of ${o.np(tv)} exceed ${xs}?`,
        `How many days ${t} had more than ${xs} in ${o.np(tv)}, counting each day's total?`,
        `Counting day by day, on how many days ${t} was the total of ${o.np(tv)} above ${xs}?`,
      ]);
      what = `days whose total ${o.key} > ${x}`;
    } else if (kind === 4) {
      const rd = r.pick([RDS.temp, RDS.wind, RDS.humidity]);
      const town = r.pick(TOWNS);
      const tv = tvOf(town);
      const means = dailyMeans(town, rd.key, rg);
      const maxes = new Map<number, number>();
      for (const e of sensorList(town))
        if (inR(e.day, rg)) maxes.set(e.day, Math.max(maxes.get(e.day) ?? -1e9, num(e, rd.key)));
      const vals = [...maxes.values()].sort((a, b) => a - b);
      if (vals.length < 5 || means.size < 5) return null;
      const x =
        Math.round(at(vals, Math.floor(vals.length * (0.2 + 0.6 * r.next())))) + 0.5 * (rd.dec > 0 ? 0 : 1);
      const xs = rd.dec > 0 ? String(x) : String(Math.floor(x));
      const thr = rd.dec > 0 ? x : Math.floor(x);
      n = [...maxes.values()].filter((v) => v > thr).length;
      const unit = rd.unit === '%' ? '%' : ` ${rd.unit}`;
      q = r.pick([
        `On how many days ${t} did at least one ${rd.noun} reading ${tv.loc} go above ${xs}${unit}?`,
        `How many days ${t} had any ${rd.noun} reading over ${xs}${unit} ${tv.loc}?`,
      ]);
      what = `days with a ${rd.key} reading > ${thr}`;
    } else if (kind === 5) {
      const h = r.pick(happenings().filter((x) => !x.id.startsWith('rain') && !x.id.startsWith('loss')));
      n = [...h.days].filter((d) => inR(d, rg)).length;
      q = r.pick([
        `How many days ${t} saw ${h.noun}?`,
        `Quick fact-check: on how many days ${t} was there ${h.noun}?`,
        `On how many separate days ${t} did the record show ${h.noun}?`,
      ]);
      what = `days with ${h.id}`;
    } else if (kind === 6) {
      const days = reportDays('den-of-thieves', rg);
      const raided = daySet(raidGold, raidEvents);
      n = days.filter((d) => !raided.has(d)).length;
      q = r.pick([
        `On how many days ${t} did the pirates take no gold at all in raids?`,
        `I'm told the pirates sometimes sit at home — on how many days ${t} did their raids bring in no gold whatsoever?`,
      ]);
      what = 'days without a raid of raid_gold > 0';
    } else {
      const patch = tvOf('patchbourough', [0, 2]);
      const tot = dailyTotals('patchbourough', ev('patchbourough', 'mill'), 'flour_lbs', rg, 0);
      n = [...tot.values()].filter((v) => v === 0).length;
      q = r.pick([
        `I keep hearing the mill ${patch.loc} is idle a lot; on how many days ${t} did it make no flour at all?`,
        `On how many days ${t} did the mill ${patch.loc} produce zero flour over the whole day?`,
      ]);
      what = 'days with a flour total of 0';
    }
    return mk('days', q, `${n} (${what}, ${rangeText(rg)})`, (rep) => statesCount(rep.answer, n));
  };

  const genBoth: Gen = () => {
    const rg = pickRange(r, N, 5, 21, false);
    if (!rg) return null;
    const hs = happenings();
    const a = r.pick(hs);
    const b = r.pick(hs.filter((h) => h.id !== a.id && h.id.split('-')[0] !== a.id.split('-')[0]));
    const range = daysOf(rg);
    const both = range.filter((d) => a.days.has(d) && b.days.has(d));
    if (both.length < 1 || both.length > 6 || both.length === range.length) return null;
    const t = rg.say;
    const q = r.pick([
      `Which days ${t} saw both ${a.noun} and ${b.noun}?`,
      `Please list every day ${t} on which ${a.clause} and ${b.clause}.`,
      `I'm lining events up for a story: on which days ${t} did we have ${a.noun} together with ${b.noun} on the same day?`,
      `Name the days ${t} when ${a.clause} and, on that same day, ${b.clause}.`,
      `Can you give me the dates ${t} on which ${a.noun} coincided with ${b.noun}?`,
    ]);
    const others = range.filter((d) => !both.includes(d));
    return mk('both', q, `days ${both.join(', ')} (${a.id} and ${b.id}, ${rangeText(rg)})`, (rep) =>
      all(...both.map((d) => namesDay(rep.answer, d)), ...others.map((d) => omitsDay(rep.answer, d))),
    );
  };

  const genWhichTown: Gen = () => {
    const rg = pickRange(r, N, 1, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    const choice = r.int(0, 5);
    let vals: [Town, number][];
    let dec: number;
    let most = r.chance(0.5);
    let q: string;
    let unit: string;
    if (choice <= 3) {
      const rd: Rd = at([RDS.rain, RDS.temp, RDS.wind, r.pick([RDS.humidity, RDS.pressure])], choice);
      vals = TOWNS.map((tw) => [tw, readingValue(rd, tw, rg) ?? Number.NaN]);
      dec = rd.dec;
      unit = rd.unit;
      if (rd.key === 'rain_mm') {
        q = most
          ? r.pick([
              `Which town had the most rain ${t}, and how much fell there?`,
              `Out of curiosity, which of the four towns got the most rainfall ${t}? I'd like the figure too.`,
              `Where did the most rain fall ${t}, in total millimetres?`,
            ])
          : r.pick([
              `Which town stayed driest ${t}, going by total rainfall, and how much rain did it get?`,
              `Which of the four towns had the least rain ${t}? Give the amount.`,
            ]);
      } else if (rd.key === 'temperature_c') {
        q = most
          ? r.pick([
              `Which town was warmest ${t} on average, and what was its mean temperature?`,
              `Where was it hottest ${t}, judging by the average of the temperature readings?`,
            ])
          : r.pick([
              `Which town was coldest ${t} on average? Please give its mean temperature.`,
              `Going by mean temperature, which of the four towns was the chilliest ${t}?`,
            ]);
      } else if (rd.key === 'wind_kph') {
        q = most
          ? r.pick([
              `Which town was windiest ${t}, by mean wind speed?`,
              `Where did the wind blow hardest on average ${t}, and at what mean speed?`,
            ])
          : r.pick([`Which town was calmest ${t}, by mean wind speed, and what was that mean?`]);
      } else {
        q = most
          ? `Which town had the highest average ${rd.noun} ${t}, and what was it?`
          : `Which town had the lowest average ${rd.noun} ${t}, and what was the value?`;
      }
    } else if (choice === 4) {
      const trading: Town[] = ['port-logic', 'patchbourough', 'circuiton'];
      vals = trading.map((tw) => [
        tw,
        sum(
          ev(tw, 'loss')
            .filter((e) => inR(e.day, rg))
            .map((e) => num(e, 'loot_gold')),
          0,
        ),
      ]);
      dec = 0;
      unit = 'gold';
      q = most
        ? r.pick([
            `Which town lost the most gold to the pirates ${t}, and how much was it?`,
            `From a trader's point of view, whose shipments cost the most in pirate robberies ${t} — which town, and how many gold?`,
          ])
        : `Of the three trading towns, which lost the least gold to pirate robberies ${t}, and how much?`;
    } else {
      const s = daysOf(rg);
      vals = TOWNS.map((tw) => [
        tw,
        s.filter((d) => sensorList(tw).some((e) => e.day === d && num(e, 'rain_mm') > 0)).length,
      ]);
      dec = 0;
      unit = 'rainy days';
      most = true;
      q = `Which town had the most rainy days ${t} (days with any rain at all), and how many?`;
    }
    if (vals.some(([, v]) => Number.isNaN(v))) return null;
    const sorted = [...vals].sort((x, y) => (most ? y[1] - x[1] : x[1] - y[1]));
    const [win, v] = at(sorted, 0);
    if (fmt(v, dec) === fmt(at(sorted, 1)[1], dec) || nearEdge(v, [dec, dec + 1])) return null;
    if (choice >= 4 && v === 0) return null;
    return mk('which-town', q, `${TOWN_NAMES[win]}, ${fmt(v, dec)} ${unit} (${rangeText(rg)})`, (rep) =>
      all(namesTown(rep.answer, win), states(rep.answer, v, dec)),
    );
  };

  const genExtremeDay: Gen = () => {
    const rg = pickRange(r, N, 3, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    if (r.chance(0.55)) {
      const o = r.pick(OUTS);
      const tv = outTv(o);
      const tot = [...dailyTotals(o.town, outList(o), o.key, rg, o.dec).values()];
      if (tot.length < 3) return null;
      const best = r.chance(0.7);
      const v = best ? Math.max(...tot) : Math.min(...tot);
      if (v === 0) return null;
      const q = best
        ? r.pick([
            `What was the highest daily total of ${o.np(tv)} ${t}?`,
            `For the record: on the best day ${t}, what was the day's total of ${o.np(tv)}?`,
            `Looking at ${o.np(tv)} day by day ${t}, how big was the best day?`,
          ])
        : r.pick([
            `What was the lowest daily total of ${o.np(tv)} ${t}, among days with reports?`,
            `On the worst day ${t}, what was the total of ${o.np(tv)}?`,
          ]);
      return mk(
        'extreme-day',
        q,
        `${fmt(v, o.dec)} (${best ? 'max' : 'min'} daily total of ${o.key}, ${rangeText(rg)})`,
        st(v, o.dec),
      );
    }
    const which = r.int(0, 3);
    const town = r.pick(TOWNS);
    const tv = tvOf(town);
    let v: number;
    let q: string;
    let dec: number;
    if (which === 0 || which === 1) {
      const m = [...dailyMeans(town, 'temperature_c', rg).values()];
      if (m.length < 3) return null;
      v = which === 0 ? Math.max(...m) : Math.min(...m);
      dec = 1;
      q =
        which === 0
          ? r.pick([
              `What was the mean temperature on the hottest day ${tv.loc} ${t}, taking each day's average reading?`,
              `Taking the daily mean of the readings, how warm was the hottest day ${tv.loc} ${t}?`,
            ])
          : r.pick([
              `What was the daily mean temperature on the coldest day ${tv.loc} ${t}?`,
              `By daily average temperature, how cold was the coldest day ${tv.loc} ${t}?`,
            ]);
    } else if (which === 2) {
      const m = [...dailyRain(town, rg).values()];
      if (m.length < 3) return null;
      v = Math.max(...m);
      dec = 1;
      if (v === 0) return null;
      q = r.pick([
        `How much rain fell ${tv.loc} on the wettest day ${t}?`,
        `What was the heaviest single day's rainfall ${tv.loc} ${t}, as that day's total?`,
      ]);
    } else {
      const m = [...dailyMeans(town, 'wind_kph', rg).values()];
      if (m.length < 3) return null;
      v = Math.max(...m);
      dec = 1;
      q = `On the windiest day ${t} ${tv.loc}, what was that day's mean wind speed?`;
    }
    if (nearEdge(v, [dec, dec + 1, dec + 2])) return null;
    return mk('extreme-day', q, `${fmt(v, dec + 1)} (${town}, ${rangeText(rg)})`, st(v, dec));
  };

  const slopeOf = (m: Map<number, number>) => {
    const xs = [...m.keys()];
    const ys = [...m.values()];
    if (xs.length < 3) return undefined;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (at(xs, i) - mx) * (at(ys, i) - my);
      sxx += (at(xs, i) - mx) ** 2;
    }
    return sxx === 0 ? undefined : sxy / sxx;
  };

  const genTrend: Gen = () => {
    const rg = pickRange(r, N, 7, 60, r.chance(0.1));
    if (!rg) return null;
    const t = rg.say;
    let series: Map<number, number>;
    let desc: string;
    if (r.chance(0.5)) {
      const o = r.pick(OUTS);
      const tv = outTv(o);
      series = dailyTotals(o.town, outList(o), o.key, rg, o.dec);
      desc = `the daily total of ${o.np(tv)}`;
    } else {
      const rd = r.pick([RDS.temp, RDS.pressure, RDS.humidity, RDS.wind, RDS.tide, RDS.river]);
      const town = r.pick(rd.towns);
      const tv = tvOf(town);
      series = dailyMeans(town, rd.key, rg);
      desc = `the daily mean ${rd.noun} ${tv.loc}`;
    }
    const s = slopeOf(series);
    if (s === undefined || Math.abs(s) < 0.01 || nearEdge(s, [2, 3, 4])) return null;
    if (r.chance(0.6)) {
      const q = r.pick([
        `What was the trend in ${desc} ${t}, as a least-squares slope per day (to two decimals)?`,
        `Fitting a straight line by least squares to ${desc} ${t}, what is the slope per day?`,
        `By how much per day did ${desc} change ${t}, on a least-squares trend line?`,
      ]);
      return mk('trend', q, `slope ${fmt(s, 3)} per day (${rangeText(rg)})`, st(s, 2));
    }
    const q = r.pick([
      `Was ${desc} rising or falling ${t}, judging by its least-squares trend?`,
      `I've been watching ${desc} ${t} — on a least-squares trend, was it going up or down?`,
    ]);
    const rising = s > 0;
    return mk(
      'trend',
      q,
      `${rising ? 'rising' : 'falling'} (slope ${fmt(s, 3)} per day, ${rangeText(rg)})`,
      (rep) => saysDirection(rep.answer, rising),
    );
  };

  const trades = TOWNS.flatMap((tw) => ev(tw, 'trade'));
  const arrivals = TOWNS.flatMap((tw) => ev(tw, 'arrival'));
  const routeName = (to: string) => (to === 'overseas' ? 'overseas' : `to ${tvOf(to as Town).name}`);

  const genFilter: Gen = () => {
    const rg = pickRange(r, N, 3, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    const k = r.int(0, 6);
    if (k === 0 || k === 1) {
      // Goods shipped from A to B: natural units or crates, or the gold they sold for.
      const routes = [
        ...new Set(
          trades
            .filter((e) => e.data.from !== 'overseas' && e.data.goods)
            .map((e) => `${e.data.from}|${e.data.to}|${e.data.goods}`),
        ),
      ];
      if (routes.length === 0) return null;
      const [from, to, goods] = split3(r.pick(routes));
      const list = trades.filter(
        (e) => e.data.from === from && e.data.to === to && e.data.goods === goods && inR(e.day, rg),
      );
      if (list.length === 0) return null;
      const tvf = tvOf(from as Town);
      const dest = routeName(to);
      const gu = unitOf(goods);
      const mode = r.int(0, 2);
      if (mode === 0) {
        const v = sum(
          list.map((e) => num(e, 'quantity')),
          gu.dec,
        );
        const q = r.pick([
          `How many ${gu.unit} did ${tvf.name} ship ${dest} ${t}?`,
          `In total, how many ${gu.unit} were sent from ${tvf.name} ${dest} ${t}?`,
          `For my ledger: ${t}, what quantity of ${goods} (in ${gu.unit.replace(/ of .*/, '')}) left ${tvf.name} bound ${to === 'overseas' ? 'overseas' : `for ${tvOf(to as Town).name}`}?`,
        ]);
        return mk(
          'filter',
          q,
          `${fmt(v, gu.dec)} ${gu.unit} (${from}→${to}, ${rangeText(rg)})`,
          st(v, gu.dec),
        );
      }
      if (mode === 1) {
        const v = sum(
          list.map((e) => num(e, 'cargo_items')),
          0,
        );
        const q = r.pick([
          `How many crates of ${goods} did ${tvf.name} send ${dest} ${t}?`,
          `Counting crates, how much ${goods} went from ${tvf.name} ${dest} ${t}?`,
        ]);
        return mk('filter', q, `${v} crates (${from}→${to} ${goods}, ${rangeText(rg)})`, st(v, 0));
      }
      const v = sum(
        list.map((e) => num(e, 'value_gold')),
        0,
      );
      const q = r.pick([
        `How much gold did ${tvf.name} earn selling ${goods} ${dest} ${t}?`,
        `What were ${tvf.poss} sales of ${goods} ${dest} worth in gold ${t}?`,
      ]);
      return mk('filter', q, `${v} gold (${from}→${to} ${goods}, ${rangeText(rg)})`, st(v, 0));
    }
    if (k === 2) {
      // Gold the pirates took from one town's shipments, or from shipments bound for a town.
      const town = r.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const tv = tvOf(town);
      const bound = r.chance(0.4);
      const list = successfulRaids.filter(
        (e) => inR(e.day, rg) && (bound ? e.data.to === town : e.data.target === town),
      );
      const v = sum(
        list.map((e) => num(e, 'raid_gold')),
        0,
      );
      if (v === 0) return null;
      const q = bound
        ? r.pick([
            `How much gold did the pirates take from shipments bound for ${tv.name} ${t}?`,
            `Counting only cargo headed to ${tv.name}, how much gold did the raids take ${t}?`,
          ])
        : r.pick([
            `How much gold did the pirates take in raids on ${tv.poss} shipments ${t}?`,
            `So the Den — how much did their raids on shipments sent by ${tv.name} bring in ${t}, in gold?`,
          ]);
      return mk(
        'filter',
        q,
        `${v} gold (raids ${bound ? 'to' : 'target'} ${town}, ${rangeText(rg)})`,
        st(v, 0),
      );
    }
    if (k === 3) {
      // Crates of one good seized.
      const goods = r.pick([...new Set(successfulRaids.map((e) => String(e.data.goods)))]);
      const list = successfulRaids.filter((e) => inR(e.day, rg) && e.data.goods === goods);
      const v = sum(
        list.map((e) => num(e, 'cargo_items')),
        0,
      );
      if (v === 0) return null;
      const q = r.pick([
        `How many crates of ${goods} did the pirates seize ${t}?`,
        `${t}, how many crates of ${goods} ended up in the pirates' hands through raids?`,
      ]);
      return mk('filter', q, `${v} crates of ${goods} raided (${rangeText(rg)})`, st(v, 0));
    }
    if (k === 4) {
      // Which goods were taken from a town's shipments.
      const town = r.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      const tv = tvOf(town);
      const taken = [
        ...new Set(
          successfulRaids
            .filter((e) => inR(e.day, rg) && e.data.target === town)
            .map((e) => String(e.data.goods)),
        ),
      ];
      const exported = [
        ...new Set(
          trades
            .filter((e) => e.data.from === town && e.data.to !== 'overseas')
            .map((e) => String(e.data.goods)),
        ),
      ];
      const notTaken = exported.filter((g) => !taken.includes(g));
      if (taken.length === 0 || taken.length > 4 || notTaken.length === 0) return null;
      const q = r.pick([
        `Which goods did the pirates take from ${tv.poss} shipments ${t}?`,
        `I'm studying the raids: what kinds of goods were seized from ${tv.name} ${t}?`,
      ]);
      return mk('filter', q, `${taken.join(', ')} (not ${notTaken.join(', ')}; ${rangeText(rg)})`, (rep) =>
        all(...taken.map((g) => names(rep.answer, g)), ...notTaken.map((g) => omits(rep.answer, g))),
      );
    }
    if (k === 5) {
      // Arrivals at a town from another.
      const routes = [...new Set(arrivals.map((e) => `${e.data.from}|${e.data.to}|${e.data.goods}`))];
      const [from, to, goods] = split3(r.pick(routes));
      const list = arrivals.filter(
        (e) => e.data.from === from && e.data.to === to && e.data.goods === goods && inR(e.day, rg),
      );
      if (list.length === 0) return null;
      const gu = unitOf(goods);
      const v = sum(
        list.map((e) => num(e, 'quantity')),
        gu.dec,
      );
      const q = r.pick([
        `How many ${gu.unit} arrived ${tvOf(to as Town).loc} from ${tvOf(from as Town).name} ${t}?`,
        `${t}, what quantity of ${goods} (in ${gu.unit.replace(/ of .*/, '')}) reached ${tvOf(to as Town).name} from ${tvOf(from as Town).name}?`,
      ]);
      return mk(
        'filter',
        q,
        `${fmt(v, gu.dec)} ${gu.unit} arrived (${from}→${to}, ${rangeText(rg)})`,
        st(v, gu.dec),
      );
    }
    // Overseas imports at the port: gold paid.
    const list = trades.filter((e) => e.data.from === 'overseas' && inR(e.day, rg));
    const v = sum(
      list.map((e) => num(e, 'value_gold')),
      0,
    );
    if (v === 0) return null;
    const port = tvOf('port-logic');
    const q = r.pick([
      `How much gold did ${port.name} pay for cargo brought in from overseas ${t}?`,
      `What did the overseas imports cost ${port.name} ${t}, in gold?`,
    ]);
    return mk('filter', q, `${v} gold on imports (${rangeText(rg)})`, st(v, 0));
  };

  const genCompare: Gen = () => {
    const k = r.int(0, 3);
    if (k === 0) {
      // Two weeks, one output.
      const W = r.int(1, 6);
      const W2 = W + 1;
      if (7 * W2 > N) return null;
      const o = r.pick(OUTS);
      const tv = outTv(o);
      const a = outTotal(o, { from: 7 * (W - 1) + 1, to: 7 * W });
      const b = outTotal(o, { from: 7 * (W2 - 1) + 1, to: 7 * W2 });
      if (fmt(a, o.dec) === fmt(b, o.dec)) return null;
      const q = r.pick([
        `Was the total of ${o.np(tv)} larger in week ${W} or in week ${W2}?`,
        `Comparing week ${numOrWord(r, W)} with week ${numOrWord(r, W2)}: which had the larger total of ${o.np(tv)}?`,
      ]);
      const win = a > b ? W : W2;
      return mk('compare', q, `week ${win} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)})`, (rep) =>
        all(names(rep.answer, `week ${win}`), states(rep.answer, a, o.dec), states(rep.answer, b, o.dec)),
      );
    }
    const rg = pickRange(r, N, 1, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    let A: Town;
    let B: Town;
    let a: number;
    let b: number;
    let dec: number;
    let q: string;
    let higherWins = true;
    if (k === 1) {
      [A, B] = pairOf(TOWNS);
      const rd = r.pick([RDS.rain, RDS.temp, RDS.wind]);
      const va = readingValue(rd, A, rg);
      const vb = readingValue(rd, B, rg);
      if (va === undefined || vb === undefined) return null;
      a = va;
      b = vb;
      dec = rd.dec;
      const ta = tvOf(A);
      const tb = tvOf(B);
      if (rd.key === 'rain_mm') {
        higherWins = r.chance(0.6);
        q = higherWins
          ? `Was it wetter ${ta.loc} or ${tb.loc} ${t}, by total rainfall?`
          : `Which stayed drier ${t}, ${ta.name} or ${tb.name}, going by total rain?`;
      } else if (rd.key === 'temperature_c') {
        higherWins = r.chance(0.5);
        q = higherWins
          ? `Was it warmer on average ${ta.loc} or ${tb.loc} ${t}?`
          : `Which was colder ${t} on average: ${ta.name} or ${tb.name}?`;
      } else {
        q = `Was the mean wind speed higher ${ta.loc} or ${tb.loc} ${t}?`;
      }
    } else if (k === 2) {
      [A, B] = pairOf(['port-logic', 'patchbourough', 'circuiton']);
      const lost = (tw: Town) =>
        sum(
          successfulRaids
            .filter((e) => inR(e.day, rg) && e.data.target === tw)
            .map((e) => num(e, 'raid_gold')),
          0,
        );
      a = lost(A);
      b = lost(B);
      dec = 0;
      q = r.pick([
        `Did the pirates take more gold from ${tvOf(A).poss} shipments or from ${tvOf(B).poss} ${t}?`,
        `Whose shipments suffered more in pirate raids ${t}, by gold taken: ${tvOf(A).name} or ${tvOf(B).name}?`,
      ]);
    } else {
      const routes = [
        ...new Set(
          trades
            .filter((e) => e.data.from !== 'overseas' && e.data.to !== 'overseas')
            .map((e) => `${e.data.from}|${e.data.goods}`),
        ),
      ];
      const [from, goods] = split3(r.pick(routes));
      const dests = [
        ...new Set(
          trades
            .filter((e) => e.data.from === from && e.data.goods === goods && e.data.to !== 'overseas')
            .map((e) => String(e.data.to)),
        ),
      ];
      if (dests.length < 2) return null;
      [A, B] = dests as [Town, Town];
      const shipped = (to: string) =>
        sum(
          trades
            .filter(
              (e) => inR(e.day, rg) && e.data.from === from && e.data.to === to && e.data.goods === goods,
            )
            .map((e) => num(e, 'quantity')),
          unitOf(goods).dec,
        );
      a = shipped(A);
      b = shipped(B);
      dec = unitOf(goods).dec;
      q = `Did ${tvOf(from as Town).name} ship more ${goods} to ${tvOf(A).name} or to ${tvOf(B).name} ${t} (in ${unitOf(goods).unit.replace(/ of .*/, '')})?`;
    }
    if (fmt(a, dec) === fmt(b, dec) || nearEdge(a, [dec, dec + 1]) || nearEdge(b, [dec, dec + 1]))
      return null;
    if (a === 0 && b === 0) return null;
    const win = a > b === higherWins ? A : B;
    return mk(
      'compare',
      q,
      `${TOWN_NAMES[win]} (${fmt(a, dec)} vs ${fmt(b, dec)}, ${rangeText(rg)})`,
      (rep) => all(namesTown(rep.answer, win), states(rep.answer, a, dec), states(rep.answer, b, dec)),
    );
  };

  function pairOf(ts: Town[]): [Town, Town] {
    const a = r.pick(ts);
    const b = r.pick(ts.filter((x) => x !== a));
    return [a, b];
  }

  const genTotal: Gen = () => {
    const rg = pickRange(r, N, 1, 60, false);
    if (!rg) return null;
    const t = rg.say;
    if (r.chance(0.3)) {
      const town = r.pick(TOWNS);
      const tv = tvOf(town);
      const v = readingValue(RDS.rain, town, rg);
      if (!v) return null;
      return mk(
        'total',
        r.pick([`How much rain fell ${tv.loc} ${t}?`, `What was the total rainfall ${tv.loc} ${t}?`]),
        `${fmt(v, 1)} mm (${rangeText(rg)})`,
        st(v, 1),
      );
    }
    const o = r.pick(OUTS);
    const v = outTotal(o, rg);
    if (v === 0) return null;
    const q = r.pick([`${o.ask(outTv(o))} ${t}?`, `Can you tell me ${o.ask(outTv(o))} ${t}?`]);
    return mk('total', q, `${fmt(v, o.dec)} (${o.key}, ${rangeText(rg)})`, st(v, o.dec));
  };

  const genScope: Gen = () => {
    const all1 = { from: 1, to: N };
    const say = r.pick(['', 'so far', 'in all', 'over the whole history', 'since records began']);
    const sayMean = r.pick(['', 'overall', 'over the whole history', 'since records began']);
    if (r.chance(0.3)) {
      const rd = r.pick([RDS.temp, RDS.pressure, RDS.wind]);
      const town = r.pick(TOWNS);
      const v = readingValue(rd, town, all1);
      if (v === undefined || nearEdge(v, [rd.dec, rd.dec + 1, rd.dec + 2])) return null;
      return mk(
        'scope',
        `What is the average ${rd.noun} ${tvOf(town).loc} ${sayMean}?`,
        `${fmt(v, rd.dec + 1)} (mean over days 1–${N})`,
        st(v, rd.dec),
      );
    }
    const o = r.pick(OUTS);
    const v = outTotal(o, all1);
    if (v === 0) return null;
    const q = r.pick([`${o.ask(outTv(o))} ${say}?`, `Across the whole record, ${o.ask(outTv(o))}?`]);
    return mk('scope', q, `${fmt(v, o.dec)} (${o.key}, days 1–${N})`, st(v, o.dec));
  };

  const genMean: Gen = () => {
    const rg = pickRange(r, N, 3, 60, r.chance(0.1));
    if (!rg) return null;
    const t = rg.say;
    const k = r.int(0, 2);
    let v: number;
    let dec: number;
    let q: string;
    if (k === 0) {
      const o = r.pick(OUTS);
      const days = reportDays(o.town, rg).length;
      if (days === 0) return null;
      v = outTotal(o, rg) / days;
      if (v === 0) return null;
      dec = Math.max(o.dec, 1);
      q = r.pick([
        `On average, what was the total per day of ${o.np(outTv(o))} ${t}?`,
        `What was the average daily amount of ${o.np(outTv(o))} ${t}?`,
      ]);
    } else if (k === 1) {
      const rd = r.pick([RDS.temp, RDS.pressure, RDS.humidity, RDS.wind, RDS.tide, RDS.river]);
      const town = r.pick(rd.towns);
      const x = readingValue(rd, town, rg);
      if (x === undefined) return null;
      v = x;
      dec = rd.dec;
      q = r.pick([
        `What was the average ${rd.noun} ${tvOf(town).loc} ${t}?`,
        `What did the ${rd.noun} readings ${tvOf(town).loc} average ${t}?`,
      ]);
    } else {
      const list = ev('port-logic', 'fishing').filter((e) => inR(e.day, rg));
      if (list.length === 0) return null;
      v = mean(list.map((e) => num(e, 'fish')));
      dec = 1;
      q = `What was the average catch per fishing trip ${tvOf('port-logic').loc} ${t}, in fish?`;
    }
    if (nearEdge(v, [dec, dec + 1, dec + 2])) return null;
    return mk('mean', q, `${fmt(v, dec + 1)} (${rangeText(rg)})`, st(v, dec));
  };

  const genMinMax =
    (form: 'min' | 'max'): Gen =>
    () => {
      const rg = pickRange(r, N, 1, 60, r.chance(0.15));
      if (!rg) return null;
      const rd = r.pick([RDS.temp, RDS.wind, RDS.pressure, RDS.humidity, RDS.tide, RDS.river]);
      const town = r.pick(rd.towns);
      const xs = readings(town, rd.key, rg);
      if (xs.length === 0) return null;
      const v = form === 'max' ? Math.max(...xs) : Math.min(...xs);
      const word =
        rd.key === 'temperature_c'
          ? form === 'max'
            ? 'hottest'
            : 'coldest'
          : form === 'max'
            ? 'highest'
            : 'lowest';
      const q = r.pick([
        `What was the ${word} ${rd.noun} reading ${tvOf(town).loc} ${rg.say}?`,
        `${rg.say}, what was the single ${word} ${rd.noun} reading taken ${tvOf(town).loc}?`,
      ]);
      return mk(form, q, `${fmt(v, rd.dec)} ${rd.unit} (${rangeText(rg)})`, st(v, rd.dec));
    };

  const genCount: Gen = () => {
    const rg = pickRange(r, N, 1, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    const k = r.int(0, 3);
    let n: number;
    let q: string;
    if (k === 0) {
      n = successfulRaids.filter((e) => inR(e.day, rg)).length;
      q = r.pick([
        `How many raids did the pirates carry out ${t} that took gold?`,
        `How many successful raids were there ${t}?`,
      ]);
    } else if (k === 1) {
      const town = r.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      n = ev(town, 'loss').filter((e) => inR(e.day, rg)).length;
      q = `How many times did pirates rob one of ${tvOf(town).poss} shipments ${t}?`;
    } else if (k === 2) {
      n = ev('port-logic', 'fishing').filter((e) => inR(e.day, rg) && e.data.fine_haul === 1).length;
      q = `How many fine hauls did the fishers ${tvOf('port-logic').loc} land ${t}?`;
    } else {
      const routes = [
        ...new Set(
          trades
            .filter((e) => e.data.from !== 'overseas' && e.data.to !== 'overseas')
            .map((e) => `${e.data.from}|${e.data.to}`),
        ),
      ];
      const [from, to] = split3(r.pick(routes));
      n = trades.filter((e) => inR(e.day, rg) && e.data.from === from && e.data.to === to).length;
      q = `How many shipments did ${tvOf(from as Town).name} send to ${tvOf(to as Town).name} ${t}?`;
    }
    return mk('count', q, `${n} (${rangeText(rg)})`, (rep) => statesCount(rep.answer, n));
  };

  const genExtremeEvent: Gen = () => {
    const rg = pickRange(r, N, 3, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    if (r.chance(0.5)) {
      const xs = successfulRaids.filter((e) => inR(e.day, rg)).map((e) => num(e, 'raid_gold'));
      if (xs.length === 0) return null;
      const v = Math.max(...xs);
      return mk(
        'extreme-event',
        r.pick([
          `What was the richest single raid ${t}, in gold?`,
          `How much did the biggest single pirate raid ${t} take?`,
        ]),
        `${v} gold`,
        st(v, 0),
      );
    }
    const xs = ev('port-logic', 'fishing')
      .filter((e) => inR(e.day, rg))
      .map((e) => num(e, 'fish'));
    if (xs.length === 0) return null;
    const v = Math.max(...xs);
    return mk(
      'extreme-event',
      r.pick([
        `What was the largest single haul of fish ${tvOf('port-logic').loc} ${t}?`,
        `${t}, how many fish were in the biggest single catch ${tvOf('port-logic').loc}?`,
      ]),
      `${v} fish`,
      st(v, 0),
    );
  };

  const genWhichDay: Gen = () => {
    const rg = pickRange(r, N, 3, 31, false);
    if (!rg) return null;
    const t = rg.say;
    let m: Map<number, number>;
    let q: string;
    if (r.chance(0.5)) {
      const o = r.pick(OUTS);
      m = dailyTotals(o.town, outList(o), o.key, rg, o.dec);
      q = r.pick([
        `On which day ${t} was the total of ${o.np(outTv(o))} highest?`,
        `Which day ${t} was the best day for ${o.np(outTv(o))}?`,
      ]);
    } else {
      const town = r.pick(TOWNS);
      m = dailyRain(town, rg);
      q = r.pick([
        `On which date was the heaviest rainfall recorded ${tvOf(town).loc} ${t}, counting each day's total?`,
        `Which day ${t} was the wettest ${tvOf(town).loc}?`,
      ]);
    }
    const sorted = [...m].sort((a, b) => b[1] - a[1]);
    if (sorted.length < 2 || at(sorted, 0)[1] === at(sorted, 1)[1] || at(sorted, 0)[1] === 0) return null;
    const d = at(sorted, 0)[0];
    return mk('which-day', q, `day ${d} (${at(sorted, 0)[1]})`, (rep) => namesDay(rep.answer, d));
  };

  const genWho: Gen = () => {
    const rg = pickRange(r, N, 1, 60, r.chance(0.15));
    if (!rg) return null;
    const t = rg.say;
    const k = r.int(0, 2);
    const acc = new Map<string, number>();
    let q: string;
    if (k < 2) {
      const o = r.pick(OUTS.filter((x) => x.who));
      for (const e of outList(o))
        if (inR(e.day, rg) && e.actor) acc.set(e.actor, (acc.get(e.actor) ?? 0) + num(e, o.key));
      const tv = outTv(o);
      const WHO: Record<string, string[]> = {
        fish: [`Who caught the most fish ${tv.loc} ${t}?`, `Which fisher landed the most fish ${t}?`],
        nets: [
          `Which net maker made the most nets ${tv.loc} ${t}?`,
          `Who turned out the most nets at the loft ${t}?`,
        ],
        harvest: [
          `Which farmer harvested the most grain ${tv.loc} ${t}?`,
          `Who brought in the biggest harvest, in pounds, ${t}?`,
        ],
        ore: [
          `Which miner's shifts dug the most ore ${t}?`,
          `Who mined the most ore ${tv.loc} ${t}, in tons?`,
        ],
        learned: [
          `Which teacher had the most pupils learn a craft ${t}?`,
          `Whose lessons ${tv.loc} taught a craft to the most pupils ${t}?`,
        ],
      };
      q = r.pick(WHO[o.id] ?? [`Who accounted for the most ${o.np(tv)} ${t}?`]);
    } else {
      const town = r.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
      for (const e of ev(town, 'trade'))
        if (inR(e.day, rg) && e.actor && e.data.from === town)
          acc.set(e.actor, (acc.get(e.actor) ?? 0) + num(e, 'value_gold'));
      q = `Which trader ${tvOf(town).loc} sold the most, by gold received for goods sent out, ${t}?`;
    }
    const sorted = [...acc].map(([a, v]) => [a, round(v, 4)] as [string, number]).sort((a, b) => b[1] - a[1]);
    if (sorted.length < 2 || at(sorted, 0)[1] === at(sorted, 1)[1] || at(sorted, 0)[1] === 0) return null;
    const who = at(sorted, 0)[0];
    return mk('who', q, `${who} (${at(sorted, 0)[1]})`, (rep) => names(rep.answer, who));
  };

  const genCorrelate: Gen = () => {
    const rg = pickRange(r, N, 20, 1e9, true);
    if (!rg) return null;
    const pairs: [Out, Town, Rd, string][] = [
      [outById('fish'), 'port-logic', RDS.wind, "the port's daily catch of fish"],
      [outById('fish'), 'port-logic', RDS.temp, "Port Logic's daily fish catch"],
      [outById('ore'), 'circuiton', RDS.temp, 'the daily ore mined in Circuiton'],
      [outById('harvest'), 'patchbourough', RDS.temp, "the farms' daily harvest"],
      [outById('drinks'), 'den-of-thieves', RDS.temp, 'the drinks poured each day at the Den'],
    ];
    const [o, town, rd, desc] = r.pick(pairs);
    const a = dailyTotals(o.town, outList(o), o.key, rg, o.dec);
    const b = dailyMeans(town, rd.key, rg);
    const days = [...a.keys()].filter((d) => b.has(d));
    if (days.length < 10) return null;
    const xs = days.map((d) => a.get(d) ?? 0);
    const ys = days.map((d) => b.get(d) ?? 0);
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
    if (sxx === 0 || syy === 0) return null;
    const rr = sxy / Math.sqrt(sxx * syy);
    if (nearEdge(rr, [2, 3, 4])) return null;
    const q = r.pick([
      `How strongly did ${desc} track the daily mean ${rd.noun} there ${rg.say}? Give the Pearson correlation.`,
      `What is the correlation coefficient between ${desc} and that town's daily mean ${rd.noun} ${rg.say}?`,
    ]);
    return mk('correlate', q, `r = ${fmt(rr, 3)} (${days.length} days)`, st(rr, 2));
  };

  const genDid: Gen = () => {
    const k = r.int(0, 3);
    if (k === 0) {
      const W = r.int(2, 7);
      if (7 * W > N) return null;
      const o = r.pick(OUTS);
      const a = outTotal(o, { from: 7 * (W - 1) + 1, to: 7 * W });
      const b = outTotal(o, { from: 7 * (W - 2) + 1, to: 7 * (W - 1) });
      if (a === b) return null;
      const q = `Can you confirm that the total of ${o.np(outTv(o))} was larger in week ${W} than in week ${W - 1}?`;
      return mk('did', q, `${a > b ? 'yes' : 'no'} (${fmt(a, o.dec)} vs ${fmt(b, o.dec)})`, (rep) =>
        saysYes(rep.answer, a > b),
      );
    }
    const rg = pickRange(r, N, 1, 14, false);
    if (!rg) return null;
    const t = rg.say;
    if (k === 1) {
      const town = r.pick(TOWNS);
      const yes = sensorList(town).some((e) => inR(e.day, rg) && num(e, 'rain_mm') > 0);
      return mk(
        'did',
        r.pick([
          `Is it true that it rained ${tvOf(town).loc} ${t}?`,
          `Did any rain fall ${tvOf(town).loc} ${t}?`,
        ]),
        yes ? 'yes' : 'no',
        (rep) => saysYes(rep.answer, yes),
      );
    }
    if (k === 2) {
      const town = r.pick(['port-logic', 'den-of-thieves'] as Town[]);
      const yes = sensorList(town).some((e) => inR(e.day, rg) && e.data.storm === 1);
      return mk('did', `Was there a storm ${tvOf(town).loc} ${t}?`, yes ? 'yes' : 'no', (rep) =>
        saysYes(rep.answer, yes),
      );
    }
    const town = r.pick(['port-logic', 'patchbourough', 'circuiton'] as Town[]);
    const yes = ev(town, 'loss').some((e) => inR(e.day, rg));
    return mk(
      'did',
      r.pick([
        `Did the pirates rob any of ${tvOf(town).poss} shipments ${t}?`,
        `For my article: were any of ${tvOf(town).poss} shipments robbed by pirates ${t}?`,
      ]),
      yes ? 'yes' : 'no',
      (rep) => saysYes(rep.answer, yes),
    );
  };

  const genFuture: Gen = () => {
    const o = r.pick(OUTS);
    const when = r.pick([
      'tomorrow',
      'next week',
      `on day ${N + r.int(30, 900)}`,
      'the day after tomorrow',
      'next month',
    ]);
    const total = outTotal(o, { from: 1, to: N });
    const week = outTotal(o, { from: N - 6, to: N });
    const fut = o
      .ask(outTv(o))
      .replace(/ were | was /, ' will be ')
      .replace(/ learned /, ' will learn ');
    const q = r.pick([
      `${fut} ${when}?`,
      `Can you already tell me ${fut} ${when}?`,
      `I'm planning ahead: ${fut} ${when}?`,
    ]);
    return mk('future', q, 'not happened yet', (rep) =>
      all(
        saysNotYet(rep.answer),
        total !== 0 && states(rep.answer, total, o.dec) === null ? 'states the history total' : null,
        week !== 0 && states(rep.answer, week, o.dec) === null ? "states this week's total" : null,
      ),
    );
  };

  const ROLES: [string, string[]][] = [
    ['Who is the miller in PatchBourough?', ['Rosalind Grist']],
    ['Who keeps the forge at the farms?', ['Garrick Stone']],
    ['Who captains the pirates of the Den?', ['Mara Blackwater']],
    ["Who is the Den's bosun?", ['Rook']],
    ['Who makes the arrows on the pirates\u2019 island?', ['Skiv']],
    ['Who runs the tavern at the Den of Thieves?', ['Greta Grog']],
    ['Who is the apprentice tinkerer in Circuiton?', ['John']],
    ['Who are the teachers at the Academy in the mountain town?', ['Elden Cogsworth', 'Tilda Gearhart']],
    ['Who works as a miner in Circuiton? Name them all.', ['Ida Pike', 'Oskar Flint', 'Bruna Shale']],
    ['Who are the traders at the harbour?', ['Odile Quay', 'Bastian Cole']],
    ["Who is the pirates' quartermaster?", ['One-Eyed Finn']],
    ['Which people make the nets and ropes at Port Logic?', ['Maren Knot', 'Silas Twine']],
  ];
  let roleIx = 0;
  const roleOrder = [...ROLES].sort(() => r.next() - 0.5);
  const genRole: Gen = () => {
    const item = at(roleOrder, roleIx++ % roleOrder.length);
    return mk('role', item[0], item[1].join(', '), (rep) => all(...item[1].map((n) => names(rep.answer, n))));
  };

  const PLAN: [Gen, number][] = [
    [genDays, 42],
    [genBoth, 32],
    [genWhichTown, 32],
    [genExtremeDay, 30],
    [genTrend, 28],
    [genFilter, 36],
    [genCompare, 30],
    [genTotal, 12],
    [genScope, 10],
    [genMean, 10],
    [genMinMax('min'), 6],
    [genMinMax('max'), 6],
    [genCount, 10],
    [genExtremeEvent, 8],
    [genWhichDay, 8],
    [genWho, 8],
    [genCorrelate, 6],
    [genDid, 10],
    [genFuture, 6],
    [genRole, 6],
  ];

  const out: ECase[] = [];
  const seen = new Set<string>();
  for (const [gen, want] of PLAN) {
    let got = 0;
    for (let tries = 0; got < want && tries < want * 40; tries++) {
      const c = gen();
      if (!c || seen.has(c.question)) continue;
      if (/NaN|undefined|Infinity/.test(c.question + (c.truth ?? ''))) continue;
      seen.add(c.question);
      out.push(c);
      got++;
    }
  }

  // About one question in ten carries a typo in one lower-case word of four or more letters.
  for (const c of out) {
    if (!r.chance(0.1)) continue;
    const words = [...c.question.matchAll(/\b[a-z]{4,}\b/g)];
    if (words.length === 0) continue;
    const m = r.pick(words);
    const w = m[0];
    const i = r.int(1, w.length - 2);
    const op = r.int(0, 2);
    const typo =
      op === 0
        ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)
        : op === 1
          ? w.slice(0, i) + w.slice(i + 1)
          : w.slice(0, i) + w[i] + w.slice(i);
    if (typo === w) continue;
    const question = c.question.slice(0, m.index) + typo + c.question.slice((m.index ?? 0) + w.length);
    if (seen.has(question)) continue;
    seen.delete(c.question);
    seen.add(question);
    c.question = question;
    c.typo = `${w} → ${typo}`;
  }
  return out;
}

/**
 * A development set written from the world definition (src/world), eval/CONVENTIONS.md, eval/checks.ts
 * and the design seeds, without reading the planner or the other sets' questions, in four voices
 * none of the earlier sets used: a newspaper journalist writing a piece ("For my column: …",
 * "Readers want to know …"), with the towns as the design names them (the ocean town, the river
 * town, the mountain town, the pirate island); a quartermaster keeping ledgers, terse and numeric
 * ("Ledger check — fish, Port Logic, wk 3.", "Tally: raids, last month."); a curious child in simple
 * words with a few misspellings of the small words ("how many fishes did the fishermen catch?",
 * "wich day …"); and an on-call operations engineer probing a data API in half-sentences, mixing
 * SQL-ish words ("p: fish port-logic d30-40 total?", "sanity check: … GROUP BY day ORDER BY sum
 * DESC LIMIT 1"). The sentence shapes vary: the time first, in the middle or last; passive voice;
 * relative clauses; questions put as statements ("I need the day when …").
 * Every truth is computed here from the raw events; the people and roles come from people.ts.
 */
import { PEOPLE as CIRC_PEOPLE } from '../src/world/towns/circuiton/people.ts';
import { PEOPLE as DEN_PEOPLE } from '../src/world/towns/den-of-thieves/people.ts';
import { PEOPLE as PATCH_PEOPLE } from '../src/world/towns/patchbourough/people.ts';
import { PEOPLE as PORT_PEOPLE } from '../src/world/towns/port-logic/people.ts';
import {
  type Case,
  namesDay,
  type RawEvent,
  type Reply,
  round,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Voice = 'journo' | 'qm' | 'kid' | 'ops';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
/** The towns that send goods down the routes, and so can be robbed. */
const SENDERS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton'];
const VOICES: readonly Voice[] = ['journo', 'qm', 'kid', 'ops'];

interface PCase extends Case {
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

class Gen {
  constructor(readonly next: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Two different items. */
  two<T>(xs: readonly T[]): [T, T] {
    const i = Math.floor(this.next() * xs.length);
    let j = Math.floor(this.next() * (xs.length - 1));
    if (j >= i) j++;
    return [xs[i] as T, xs[j] as T];
  }
}

// ---------------------------------------------------------------- words

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Collapses the spaces an empty time leaves, and the space before punctuation. */
const tidy = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\s+([?,.:;!)])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/,([?.])/g, '$1')
    .replace(/:\s*([?.])/g, '$1')
    .trim()
    .replace(/[,:]$/, '');
const fmt = (v: number, d: number) => round(v, d).toFixed(d);
/** A figure as a person writes it: 1,500 (the engineer and the quartermaster write 1500). */
const fig = (v: number, v2: Voice) => (v2 === 'ops' || v2 === 'qm' ? String(v) : v.toLocaleString('en-US'));
const num = (e: RawEvent, key: string) => {
  const v = e.data[key];
  return typeof v === 'number' ? v : Number.NaN;
};
const has = (e: RawEvent, key: string) => typeof e.data[key] === 'number';
const flag = (key: string) => (e: RawEvent) => e.data[key] === 1;
const clean = (v: number) => round(v, 6);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How a voice names a town: alone, with its preposition, and its possessive. */
interface Label {
  name: string;
  at: string;
  pos: string;
}
const poss = (n: string) => (n.endsWith('s') ? `${n}'` : `${n}'s`);
const L = (name: string, at: string): Label => ({ name, at, pos: poss(name) });

const LABELS: Record<Voice, Record<Town, readonly Label[]>> = {
  journo: {
    'port-logic': [L('Port Logic', 'in Port Logic'), L('the ocean town', 'in the ocean town')],
    patchbourough: [L('PatchBourough', 'in PatchBourough'), L('the river town', 'in the river town')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mountain town', 'in the mountain town')],
    'den-of-thieves': [
      L('the Den of Thieves', 'in the Den of Thieves'),
      L('the pirate island', 'on the pirate island'),
    ],
  },
  qm: {
    'port-logic': [L('Port Logic', 'at Port Logic')],
    patchbourough: [L('PatchBourough', 'in PatchBourough')],
    circuiton: [L('Circuiton', 'in Circuiton')],
    'den-of-thieves': [L('Den of Thieves', 'at Den of Thieves')],
  },
  kid: {
    'port-logic': [L('Port Logic', 'in Port Logic'), L('the fishing town', 'in the fishing town')],
    patchbourough: [L('PatchBourough', 'in PatchBourough'), L('the farm town', 'in the farm town')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mountain town', 'in the mountain town')],
    'den-of-thieves': [
      L('the pirate island', 'on the pirate island'),
      L('the Den of Thieves', 'at the Den of Thieves'),
    ],
  },
  ops: {
    'port-logic': [L('port-logic', 'port-logic')],
    patchbourough: [L('patchbourough', 'patchbourough')],
    circuiton: [L('circuiton', 'circuiton')],
    'den-of-thieves': [L('den-of-thieves', 'den-of-thieves')],
  },
};

// ---------------------------------------------------------------- times

interface Span {
  from: number;
  to: number;
  say: Record<Voice, readonly string[]>;
  /** The whole history, no time named. */
  whole?: boolean;
  /** How the truth names it. */
  label: string;
  /** One day only. */
  single: boolean;
}

const sameSay = (...s: string[]): Record<Voice, readonly string[]> => ({ journo: s, qm: s, kid: s, ops: s });
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

class Spans {
  constructor(readonly N: number) {}
  private mk(from: number, to: number, say: Record<Voice, readonly string[]>, whole = false): Span {
    const f = Math.max(1, from);
    const t = Math.min(this.N, to);
    return { from: f, to: t, say, whole, label: f === t ? `day ${f}` : `days ${f}–${t}`, single: f === t };
  }
  today() {
    return this.mk(this.N, this.N, sameSay('today'));
  }
  yesterday() {
    return this.mk(this.N - 1, this.N - 1, {
      journo: ['yesterday'],
      qm: ['yesterday'],
      kid: ['yesterday'],
      ops: ['yday', 'yesterday'],
    });
  }
  day(d: number) {
    return this.mk(d, d, {
      journo: [`on day ${d}`],
      qm: [`day ${d}`],
      kid: [`on day ${d}`],
      ops: [`day ${d}`, `day=${d}`],
    });
  }
  days(a: number, b: number) {
    return this.mk(a, b, {
      journo: [`between day ${a} and day ${b}`, `from day ${a} through day ${b}`],
      qm: [`days ${a} to ${b}`, `days ${a}-${b}`],
      kid: [`from day ${a} to day ${b}`],
      ops: [`d${a}-${b}`, `day BETWEEN ${a} AND ${b}`, `days ${a}..${b}`],
    });
  }
  week(w: number) {
    return this.mk(7 * w - 6, 7 * w, {
      journo: [`in week ${w}`, `during the ${ORD[w - 1]} week`],
      qm: [`wk ${w}`, `week ${w}`],
      kid: [`in week ${w}`],
      ops: [`w${w}`, `week=${w}`, `wk ${w}`],
    });
  }
  lastWeek() {
    return this.mk(this.N - 7, this.N - 1, {
      journo: ['last week'],
      qm: ['last week'],
      kid: ['last week'],
      ops: ['last wk', 'last week'],
    });
  }
  thisWeek() {
    return this.mk(this.N - 6, this.N, {
      journo: ['this week', 'over the past seven days'],
      qm: ['this week', 'past 7 days'],
      kid: ['this week'],
      ops: ['last 7d', 'past 7 days'],
    });
  }
  lastK(k: number) {
    return this.mk(this.N - k + 1, this.N, {
      journo: [`over the last ${k} days`],
      qm: [`last ${k} days`],
      kid: [`in the last ${k} days`],
      ops: [`last ${k}d`, `last ${k} days`],
    });
  }
  past2w() {
    return this.mk(this.N - 13, this.N, {
      journo: ['over the past two weeks'],
      qm: ['past 14 days', 'past 2 weeks'],
      kid: ['in the last two weeks'],
      ops: ['last 14d'],
    });
  }
  lastMonth() {
    return this.mk(this.N - 30, this.N - 1, {
      journo: ['last month'],
      qm: ['last month'],
      kid: ['last month'],
      ops: ['last month'],
    });
  }
  thisMonth() {
    return this.mk(this.N - 29, this.N, {
      journo: ['this month', 'over the past 30 days'],
      qm: ['past 30 days', 'this month'],
      kid: ['this month'],
      ops: ['last 30d', 'past 30 days'],
    });
  }
  pastYear() {
    return this.mk(this.N - 364, this.N, {
      journo: ['over the past year'],
      qm: ['past year'],
      kid: ['in the last year'],
      ops: ['last 365d'],
    });
  }
  whole() {
    return this.mk(
      1,
      this.N,
      {
        journo: ['since records began', 'in all the records', ''],
        qm: ['all told', 'to date', ''],
        kid: ['ever', ''],
        ops: ['all time', ''],
      },
      true,
    );
  }
  /** The whole history with no time named at all. */
  unnamed() {
    return this.mk(1, this.N, sameSay(''), true);
  }
}

type SpanKind =
  | 'today'
  | 'yesterday'
  | 'day'
  | 'days'
  | 'week'
  | 'lastWeek'
  | 'thisWeek'
  | 'lastK'
  | 'past2w'
  | 'lastMonth'
  | 'thisMonth'
  | 'pastYear'
  | 'whole';

const MULTI: readonly SpanKind[] = [
  'week',
  'week',
  'lastWeek',
  'thisWeek',
  'lastK',
  'past2w',
  'lastMonth',
  'thisMonth',
  'days',
];

function spanOf(g: Gen, sp: Spans, kind: SpanKind): Span {
  switch (kind) {
    case 'today':
      return sp.today();
    case 'yesterday':
      return sp.yesterday();
    case 'day':
      return sp.day(g.int(2, 55));
    case 'days': {
      const a = g.int(1, 44);
      return sp.days(a, Math.min(55, a + g.int(4, 11)));
    }
    case 'week':
      return sp.week(g.int(1, 7));
    case 'lastWeek':
      return sp.lastWeek();
    case 'thisWeek':
      return sp.thisWeek();
    case 'lastK':
      return sp.lastK(g.pick([3, 4, 5, 9, 10, 12, 20]));
    case 'past2w':
      return sp.past2w();
    case 'lastMonth':
      return sp.lastMonth();
    case 'thisMonth':
      return sp.thisMonth();
    case 'pastYear':
      return sp.pastYear();
    case 'whole':
      return sp.whole();
  }
}

// ---------------------------------------------------------------- the history

class Hist {
  private readonly tk = new Map<string, RawEvent[]>();
  private readonly rep = new Map<string, Set<number>>();
  constructor(
    readonly events: readonly RawEvent[],
    readonly N: number,
  ) {
    for (const e of events) {
      const k = `${e.town}|${e.kind}`;
      let list = this.tk.get(k);
      if (!list) {
        list = [];
        this.tk.set(k, list);
      }
      list.push(e);
      let days = this.rep.get(e.town);
      if (!days) {
        days = new Set();
        this.rep.set(e.town, days);
      }
      days.add(e.day);
    }
  }
  of(town: string, kind: string): RawEvent[] {
    return this.tk.get(`${town}|${kind}`) ?? [];
  }
  /** The days of the span on which the town reported anything. */
  reported(town: string, s: Span): number[] {
    const days = this.rep.get(town) ?? new Set<number>();
    const out: number[] = [];
    for (let d = s.from; d <= s.to; d++) if (days.has(d)) out.push(d);
    return out;
  }
}

const inSpan = (list: readonly RawEvent[], s: Span) => list.filter((e) => e.day >= s.from && e.day <= s.to);
const spanDays = (s: Span) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i);
const sumOf = (list: readonly RawEvent[], key: string) => clean(list.reduce((a, e) => a + num(e, key), 0));

/** Daily totals (or means) of `key` over the days of the list. */
function daily(list: readonly RawEvent[], key: string, mean = false): Map<number, number> {
  const sums = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const e of list) {
    if (!has(e, key)) continue;
    sums.set(e.day, (sums.get(e.day) ?? 0) + num(e, key));
    counts.set(e.day, (counts.get(e.day) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const [d, s] of [...sums].sort((a, b) => a[0] - b[0]))
    out.set(d, clean(mean ? s / (counts.get(d) ?? 1) : s));
  return out;
}

function argExt(m: Map<number, number>, hi: boolean): { v: number; days: number[] } | null {
  if (m.size === 0) return null;
  let v = hi ? -Infinity : Infinity;
  for (const x of m.values()) v = hi ? Math.max(v, x) : Math.min(v, x);
  return { v, days: [...m].filter(([, x]) => Math.abs(x - v) < 1e-9).map(([d]) => d) };
}

function slope(pts: readonly [number, number][]): number {
  const n = pts.length;
  const mx = pts.reduce((a, p) => a + p[0], 0) / n;
  const my = pts.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** A value that sits on a rounding edge at `d` decimals: skipped. */
const onEdge = (v: number, d: number) => Math.abs(((Math.abs(v) * 10 ** d) % 1) - 0.5) < 1e-6;

// ---------------------------------------------------------------- checks

type Check = (answer: string) => string | null;
const NONE = /\b(none|no|never|nothing|zero|not once|not a single|not any)\b/i;

/** States the value; a zero may also be said as none/no/never. */
function val(a: string, v: number, d: number): string | null {
  if (v === 0) return states(a, 0, d) === null || NONE.test(a) ? null : 'does not say 0 or none';
  return states(a, v, d);
}

/** States one of the values (each acceptable reading). */
function valAny(a: string, vs: readonly number[], d: number): string | null {
  for (const v of vs) if (val(a, v, d) === null) return null;
  return val(a, vs[0] as number, d);
}

/** Days an answer lists: "day 12", and "days 3, 5 and 9". */
function listedDays(a: string): Set<number> {
  const out = new Set<number>();
  for (const m of a.matchAll(/\bday (\d+)\b/gi)) out.add(Number(m[1]));
  for (const m of a.matchAll(/\bdays\s+(\d+(?:\s*(?:,|and|or|&|, and)\s*(?:day\s+)?\d+)*)/gi))
    for (const n of (m[1] ?? '').match(/\d+/g) ?? []) out.add(Number(n));
  return out;
}
const saysDay = (a: string, d: number) => namesDay(a, d) === null || listedDays(a).has(d);

function dayAny(a: string, days: readonly number[]): string | null {
  if (days.some((d) => saysDay(a, d))) return null;
  return `does not name day ${days.join(' or day ')}`;
}

function allOf(...rs: (string | null)[]): string | null {
  return rs.find((r) => r !== null) ?? null;
}

/** The winner is named before the other (the other may be left out). */
function first(a: string, win: RegExp, lose: RegExp, what: string): string | null {
  const iw = a.search(win);
  if (iw < 0) return `does not name ${what}`;
  const il = a.search(lose);
  return il >= 0 && il < iw ? `names the other before ${what}` : null;
}
const weekRe = (w: number) => new RegExp(`\\b(week|wk) ${w}\\b`, 'i');
const townRe = (t: string) => new RegExp(esc(TOWN_NAMES[t] ?? t), 'i');

/** A slope or r: the signed value, or its size with the right direction in words. */
function signed(a: string, v: number, d: number): string | null {
  if (states(a, v, d) === null) return null;
  if (
    v < 0 &&
    states(a, -v, d) === null &&
    /\b(fall|fell|falling|down|declin|decreas|drop|negative|inverse|lower)/i.test(a)
  )
    return null;
  return states(a, v, d);
}

// ---------------------------------------------------------------- people

interface Person {
  name: string;
  town: Town;
  roles: readonly string[];
  job: string;
  keys: readonly string[];
}
const PEOPLE_OF: Record<Town, readonly { name: string; roles: readonly string[]; job: string }[]> = {
  'port-logic': PORT_PEOPLE,
  patchbourough: PATCH_PEOPLE,
  circuiton: CIRC_PEOPLE,
  'den-of-thieves': DEN_PEOPLE,
};
const TITLES = new Set(['master', 'professor', 'captain', 'bosun', 'the', 'one-eyed']);
const PEOPLE: readonly Person[] = (() => {
  const raw = TOWNS.flatMap((town) => PEOPLE_OF[town].map((p) => ({ ...p, town })));
  const count = new Map<string, number>();
  for (const p of raw) for (const w of p.name.split(' ')) count.set(w, (count.get(w) ?? 0) + 1);
  return raw.map((p) => ({
    name: p.name,
    town: p.town,
    roles: p.roles,
    job: p.job,
    keys: p.name
      .split(' ')
      .filter((w) => !TITLES.has(w.toLowerCase()) && w !== 'Fletcher' && count.get(w) === 1),
  }));
})();
const personRe = (p: Person) => new RegExp(`\\b(${p.keys.map(esc).join('|')})\\b`, 'i');
const holders = (town: Town, role: string) => PEOPLE.filter((p) => p.town === town && p.roles.includes(role));
/** How a voice calls a person: the child and the journalist often by first name, the others in full. */
function callP(g: Gen, v: Voice, p: Person): string {
  if ((v === 'kid' || v === 'journo') && p.keys.length > 0 && g.chance(0.6)) return p.keys[0] as string;
  return p.name;
}

// ---------------------------------------------------------------- outputs

interface Verb {
  base: string;
  past: string;
  pp: string;
}
const V = (base: string, past: string, pp = past): Verb => ({ base, past, pp });

/** An output: a number summed over events. */
interface Out {
  id: string;
  town: Town;
  kind: string;
  key: string;
  dec: number;
  pick?: (e: RawEvent) => boolean;
  how: readonly { h: string; aux: 'was' | 'were' }[];
  verbs: readonly Verb[];
  /** "the most {thing}" */
  thing: string;
  many: boolean;
  unit: string;
  col: string;
  /** The analyst's filter words. */
  where?: (l: Label) => string;
  subj: (v: Voice, l: Label) => readonly string[];
  /** Where the passive happens ("at the port", "by the pirates"). */
  at?: (v: Voice, l: Label) => string;
  evMax: readonly string[];
  perEv: string;
  step: number;
  /** The role whose actors do it (for who). */
  role?: string;
  roleWords?: string;
}

const OUTS: readonly Out[] = [
  {
    id: 'fish',
    town: 'port-logic',
    kind: 'fishing',
    key: 'fish',
    dec: 0,
    how: [{ h: 'how many fish', aux: 'were' }],
    verbs: [V('catch', 'caught'), V('land', 'landed'), V('bring in', 'brought in')],
    thing: 'fish',
    many: true,
    unit: 'fish',
    col: 'fish',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the fishermen ${l.at}`]),
    evMax: ['the biggest single haul', 'the largest single catch', 'the best single fishing trip'],
    perEv: 'per trip',
    step: 100,
    role: 'fisher',
    roleWords: 'fishers',
  },
  {
    id: 'nets',
    town: 'port-logic',
    kind: 'maritime',
    key: 'nets',
    dec: 0,
    how: [{ h: 'how many nets', aux: 'were' }],
    verbs: [V('make', 'made')],
    thing: 'nets',
    many: true,
    unit: 'nets',
    col: 'nets',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the net loft ${l.at}`]),
    evMax: ['the most nets made in a single batch'],
    perEv: 'per batch',
    step: 5,
    role: 'netmaker',
    roleWords: 'net makers',
  },
  {
    id: 'ropes',
    town: 'port-logic',
    kind: 'maritime',
    key: 'ropes',
    dec: 0,
    how: [{ h: 'how many ropes', aux: 'were' }],
    verbs: [V('make', 'made'), V('twist', 'twisted')],
    thing: 'ropes',
    many: true,
    unit: 'ropes',
    col: 'ropes',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the rope makers ${l.at}`]),
    evMax: ['the most ropes made in a single batch'],
    perEv: 'per batch',
    step: 5,
    role: 'netmaker',
    roleWords: 'rope and net makers',
  },
  {
    id: 'harvest',
    town: 'patchbourough',
    kind: 'farming',
    key: 'harvest',
    dec: 0,
    how: [
      { h: 'how much grain', aux: 'was' },
      { h: 'how many lbs of grain', aux: 'were' },
    ],
    verbs: [V('harvest', 'harvested'), V('reap', 'reaped')],
    thing: 'grain',
    many: false,
    unit: 'lbs',
    col: 'harvest',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the farmers ${l.at}`]),
    evMax: ['the biggest single harvest', 'the largest single harvest report'],
    perEv: 'per harvest report',
    step: 50,
    role: 'farmer',
    roleWords: 'farmers',
  },
  {
    id: 'flour',
    town: 'patchbourough',
    kind: 'mill',
    key: 'flour_lbs',
    dec: 0,
    how: [
      { h: 'how much flour', aux: 'was' },
      { h: 'how many lbs of flour', aux: 'were' },
    ],
    verbs: [V('mill', 'milled'), V('grind', 'ground')],
    thing: 'flour',
    many: false,
    unit: 'lbs',
    col: 'flour_lbs',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the mill ${l.at}`]),
    evMax: ['the most flour from a single grinding', 'the biggest single grinding of flour'],
    perEv: 'per grinding',
    step: 50,
  },
  {
    id: 'tools',
    town: 'patchbourough',
    kind: 'forge',
    key: 'tools',
    dec: 0,
    how: [{ h: 'how many tools', aux: 'were' }],
    verbs: [V('forge', 'forged'), V('make', 'made')],
    thing: 'tools',
    many: true,
    unit: 'tools',
    col: 'tools',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the forge ${l.at}`, 'the blacksmith']),
    evMax: ['the most tools forged in a single firing'],
    perEv: 'per firing',
    step: 5,
  },
  {
    id: 'ore',
    town: 'circuiton',
    kind: 'mining',
    key: 'ore_tons',
    dec: 2,
    how: [
      { h: 'how much ore', aux: 'was' },
      { h: 'how many tons of ore', aux: 'were' },
    ],
    verbs: [V('mine', 'mined'), V('dig up', 'dug up')],
    thing: 'ore',
    many: false,
    unit: 'tons',
    col: 'ore_tons',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the miners ${l.at}`]),
    evMax: ['the biggest single shift of ore', 'the most ore from a single shift'],
    perEv: 'per shift',
    step: 1,
    role: 'miner',
    roleWords: 'miners',
  },
  {
    id: 'metal',
    town: 'circuiton',
    kind: 'mining',
    key: 'metal_lbs',
    dec: 4,
    how: [
      { h: 'how much metal', aux: 'was' },
      { h: 'how many lbs of metal', aux: 'were' },
    ],
    verbs: [V('smelt', 'smelted'), V('process', 'processed')],
    thing: 'metal',
    many: false,
    unit: 'lbs',
    col: 'metal_lbs',
    subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the smelter ${l.at}`]),
    evMax: ['the most metal from a single shift'],
    perEv: 'per shift',
    step: 0.005,
    role: 'miner',
    roleWords: 'miners',
  },
  {
    id: 'trinkets',
    town: 'circuiton',
    kind: 'apprenticeship',
    key: 'trinkets',
    dec: 0,
    how: [{ h: 'how many trinkets', aux: 'were' }],
    verbs: [V('make', 'made'), V('turn out', 'turned out')],
    thing: 'trinkets',
    many: true,
    unit: 'trinkets',
    col: 'trinkets',
    subj: (v, l) => (v === 'ops' ? [l.name] : ['John', `the workshop ${l.at}`, l.name]),
    evMax: ['the most trinkets made in a single sitting'],
    perEv: 'per sitting',
    step: 2,
  },
  {
    id: 'learned',
    town: 'circuiton',
    kind: 'education',
    key: 'learned',
    dec: 0,
    how: [{ h: 'how many pupils', aux: 'were' }],
    verbs: [V('teach', 'taught')],
    thing: 'pupils',
    many: true,
    unit: 'pupils',
    col: 'learned',
    subj: (v, l) => (v === 'ops' ? [l.name] : v === 'journo' ? [`the Academy ${l.at}`] : ['the Academy']),
    at: (v, l) => (v === 'ops' ? l.name : v === 'journo' ? `at the Academy ${l.at}` : 'at the Academy'),
    evMax: ['the most pupils taught in a single lesson'],
    perEv: 'per lesson',
    step: 2,
    role: 'teacher',
    roleWords: 'teachers',
  },
  {
    id: 'drinks',
    town: 'den-of-thieves',
    kind: 'drinking',
    key: 'drinks',
    dec: 0,
    how: [{ h: 'how many drinks', aux: 'were' }],
    verbs: [V('pour', 'poured'), V('serve', 'served')],
    thing: 'drinks',
    many: true,
    unit: 'drinks',
    col: 'drinks',
    subj: (v, l) => (v === 'ops' ? [l.name] : [`the tavern ${l.at}`, l.name, 'Greta']),
    evMax: ['the most drinks poured in a single sitting', 'the biggest single round at the tavern'],
    perEv: 'per sitting',
    step: 5,
  },
  {
    id: 'arrows',
    town: 'den-of-thieves',
    kind: 'arrows',
    key: 'arrows',
    dec: 0,
    how: [{ h: 'how many arrows', aux: 'were' }],
    verbs: [V('make', 'made'), V('fletch', 'fletched')],
    thing: 'arrows',
    many: true,
    unit: 'arrows',
    col: 'arrows',
    subj: (v, l) => (v === 'ops' ? [l.name] : ['Skiv', `the fletcher ${l.at}`, l.name]),
    evMax: ['the biggest single batch of arrows'],
    perEv: 'per batch',
    step: 10,
  },
  {
    id: 'raid',
    town: 'den-of-thieves',
    kind: 'raid',
    key: 'raid_gold',
    dec: 0,
    how: [{ h: 'how much gold', aux: 'was' }],
    verbs: [V('plunder', 'plundered'), V('steal', 'stole', 'stolen')],
    thing: 'gold',
    many: false,
    unit: 'gold',
    col: 'raid_gold',
    where: () => '',
    subj: (v) => (v === 'ops' ? [''] : ['the pirates']),
    at: (v) => (v === 'ops' ? '' : 'by the pirates'),
    evMax: ['the richest single raid', 'the biggest single raid'],
    perEv: 'per raid',
    step: 100,
  },
  ...SENDERS.map(
    (town): Out => ({
      id: `sales-${town}`,
      town,
      kind: 'trade',
      key: 'value_gold',
      dec: 0,
      pick: (e) => e.data.from === town,
      how: [{ h: 'how much gold from sales', aux: 'was' }],
      verbs: [V('earn', 'earned'), V('take in', 'took in', 'taken in')],
      thing: 'gold from sales',
      many: false,
      unit: 'gold',
      col: 'value_gold',
      where: (l) => `trades from=${l.name}`,
      subj: (v, l) => (v === 'ops' ? [l.name] : [l.name, `the traders ${l.at}`]),
      evMax: ['the biggest single sale', 'the most valuable single shipment sent out'],
      perEv: 'per sale',
      step: 100,
      role: 'trader',
      roleWords: 'traders',
    }),
  ),
];
const out = (id: string) => OUTS.find((o) => o.id === id) as Out;
const outEvents = (h: Hist, o: Out) =>
  h.of(o.town, o.kind).filter((e) => has(e, o.key) && (o.pick ? o.pick(e) : true));
const whereOf = (o: Out, l: Label) => (o.where ? o.where(l) : l.name);
const atOf = (o: Out, v: Voice, l: Label) => (o.at ? o.at(v, l) : v === 'ops' ? l.name : l.at);
const moreLess = (o: Out, hi: boolean) => (hi ? 'most' : o.many ? 'fewest' : 'least');
const manyMuch = (o: Out) => (o.many ? 'many' : 'much');
/** A verb for the passive, never one ending in "in" or "up" ("brought in in Port Logic", "dug up up the mountain"). */
const passVerb = (g: Gen, o: Out) => g.pick(o.verbs.filter((x) => !/ (in|up)$/.test(x.pp)));
const unitOf = (o: Out, v: number) => `${fmt(v, o.dec)} ${o.unit}`;

/** Every day of the span has an event of the output's kind (for the worst day and for trends). */
function everyDay(h: Hist, o: Out, s: Span): boolean {
  const days = new Set(inSpan(outEvents(h, o), s).map((e) => e.day));
  return spanDays(s).every((d) => days.has(d));
}

// ---------------------------------------------------------------- readings

interface Rd {
  id: string;
  town: Town;
  key: string;
  dec: number;
  unit: string;
  noun: readonly string[];
  hiDay: string;
  loDay?: string;
  hiRead: readonly string[];
  loRead: readonly string[];
  /** "Was it warmer…", "Was the tide higher…" */
  cmpHi: string;
  cmpLo: string;
  /** A sum (rain), not a mean. */
  sum?: boolean;
  step: number;
}

const READS: readonly Rd[] = [
  ...TOWNS.flatMap((town): Rd[] => [
    {
      id: `temp-${town}`,
      town,
      key: 'temperature_c',
      dec: 1,
      unit: '°C',
      noun: ['temperature', 'temp'],
      hiDay: 'the warmest day',
      loDay: 'the coldest day',
      hiRead: ['the hottest reading', 'the highest temperature reading'],
      loRead: ['the coldest reading', 'the lowest temperature reading'],
      cmpHi: 'was it warmer',
      cmpLo: 'was it colder',
      step: 1,
    },
    {
      id: `wind-${town}`,
      town,
      key: 'wind_kph',
      dec: 1,
      unit: 'km/h',
      noun: ['wind speed', 'wind'],
      hiDay: 'the windiest day',
      loDay: 'the calmest day',
      hiRead: ['the strongest wind reading', 'the highest wind reading'],
      loRead: ['the calmest reading', 'the lowest wind reading'],
      cmpHi: 'was it windier',
      cmpLo: 'was it calmer',
      step: 2,
    },
    {
      id: `hum-${town}`,
      town,
      key: 'humidity_pct',
      dec: 0,
      unit: '%',
      noun: ['humidity'],
      hiDay: 'the most humid day',
      loDay: 'the least humid day',
      hiRead: ['the highest humidity reading'],
      loRead: ['the lowest humidity reading'],
      cmpHi: 'was it more humid',
      cmpLo: 'was it less humid',
      step: 5,
    },
    {
      id: `pres-${town}`,
      town,
      key: 'pressure_hpa',
      dec: 1,
      unit: 'hPa',
      noun: ['air pressure', 'barometric pressure'],
      hiDay: 'the day with the highest average pressure',
      loDay: 'the day with the lowest average pressure',
      hiRead: ['the highest pressure reading'],
      loRead: ['the lowest pressure reading'],
      cmpHi: 'was the air pressure higher',
      cmpLo: 'was the air pressure lower',
      step: 2,
    },
    {
      id: `rain-${town}`,
      town,
      key: 'rain_mm',
      dec: 1,
      unit: 'mm',
      noun: ['rain', 'rainfall'],
      hiDay: 'the wettest day',
      hiRead: ['the heaviest single rain reading', 'the biggest downpour in a single reading'],
      loRead: [],
      cmpHi: 'did more rain fall',
      cmpLo: 'did less rain fall',
      sum: true,
      step: 1,
    },
  ]),
  {
    id: 'tide',
    town: 'port-logic',
    key: 'tide_m',
    dec: 2,
    unit: 'm',
    noun: ['tide', 'tide level'],
    hiDay: 'the day with the highest average tide',
    loDay: 'the day with the lowest average tide',
    hiRead: ['the highest tide', 'the highest tide reading'],
    loRead: ['the lowest tide', 'the lowest tide reading'],
    cmpHi: 'was the tide higher on average',
    cmpLo: 'was the tide lower on average',
    step: 0.2,
  },
  {
    id: 'river',
    town: 'patchbourough',
    key: 'river_level_m',
    dec: 2,
    unit: 'm',
    noun: ['river level'],
    hiDay: 'the day the river ran highest on average',
    loDay: 'the day the river ran lowest on average',
    hiRead: ['the highest river level reading'],
    loRead: ['the lowest river level reading'],
    cmpHi: 'was the river higher on average',
    cmpLo: 'was the river lower on average',
    step: 0.1,
  },
];
const sensors = (h: Hist, town: string) => h.of(town, 'sensor');
/** The reading's figure for a span: the mean of the readings, or the rain that fell. */
function rdValue(h: Hist, r: Rd, s: Span): number {
  const list = inSpan(sensors(h, r.town), s).filter((e) => has(e, r.key));
  if (list.length === 0) return Number.NaN;
  const sum = sumOf(list, r.key);
  return r.sum ? sum : sum / list.length;
}
const rdCol = (r: Rd) => r.key;
const rdNoun = (g: Gen, r: Rd) => g.pick(r.noun);
const rdUnit = (r: Rd, v: number) => `${fmt(v, r.dec)} ${r.unit}`;

// ---------------------------------------------------------------- happenings

interface Hap {
  id: string;
  town: Town;
  events: (h: Hist) => RawEvent[];
  /** Another reading of the same happening (a robbery by the raid that did it). */
  alt?: (h: Hist) => RawEvent[];
  /** "it rained at the port" */
  clause: (l: Label) => string;
  /** "did it rain at the port" */
  did: (l: Label) => string;
  /** "how many raids did the pirates make" (events counted), if the events are countable. */
  count?: (l: Label) => readonly string[];
  /** The analyst's words. */
  an: (l: Label) => string;
}

const rainHap = (town: Town): Hap => ({
  id: `rain-${town}`,
  town,
  events: (h) => sensors(h, town).filter((e) => num(e, 'rain_mm') > 0),
  clause: (l) => `it rained ${l.at}`,
  did: (l) => `did it rain ${l.at}`,
  an: (l) => `rain_mm > 0 ${l.name}`,
});
const stormHap = (town: Town): Hap => ({
  id: `storm-${town}`,
  town,
  events: (h) => sensors(h, town).filter(flag('storm')),
  clause: (l) => `a storm blew ${l.at}`,
  did: (l) => `did a storm blow ${l.at}`,
  count: (l) => [
    `how many storm readings did the weather station ${l.at} log`,
    `how many storm warnings were there ${l.at}`,
  ],
  an: (l) => `storm flag ${l.name}`,
});
const robbedHap = (town: Town): Hap => ({
  id: `robbed-${town}`,
  town,
  events: (h) => h.of(town, 'loss'),
  alt: (h) => h.of('den-of-thieves', 'raid').filter((e) => e.data.target === town && num(e, 'raid_gold') > 0),
  clause: (l) => `pirates robbed a shipment from ${l.name}`,
  did: (l) => `did the pirates rob a shipment from ${l.name}`,
  count: (l) => [
    `how many of ${l.pos} shipments did the pirates rob`,
    `how many times was ${l.name} robbed by the pirates`,
  ],
  an: (l) => `loss events target=${l.name}`,
});
const arrivalHap = (town: Town): Hap => ({
  id: `arrival-${town}`,
  town,
  events: (h) => h.of(town, 'arrival'),
  clause: (l) => `a shipment arrived ${l.at}`,
  did: (l) => `did any shipment arrive ${l.at}`,
  count: (l) => [`how many deliveries reached ${l.name}`, `how many shipments arrived ${l.at}`],
  an: (l) => `arrival events to=${l.name}`,
});
const orderHap = (town: Town): Hap => ({
  id: `order-${town}`,
  town,
  events: (h) => h.of(town, 'order'),
  clause: (l) => `${l.name} ordered goods it was short of`,
  did: (l) => `did ${l.name} send off an order for goods it was short of`,
  count: (l) => [`how many orders for goods it was short of did ${l.name} send`],
  an: (l) => `order events from ${l.name}`,
});
const sentHap = (town: Town): Hap => ({
  id: `sent-${town}`,
  town,
  events: (h) => h.of(town, 'trade').filter((e) => e.data.from === town && num(e, 'value_gold') > 0),
  clause: (l) => `${l.name} sent out a shipment`,
  did: (l) => `did ${l.name} ship anything out`,
  count: (l) => [`how many shipments did ${l.name} send out`, `how many sales did ${l.name} make`],
  an: (l) => `trade events from=${l.name}`,
});
const kindHap = (
  id: string,
  town: Town,
  kind: string,
  test: (e: RawEvent) => boolean,
  clause: (l: Label) => string,
  did: (l: Label) => string,
  an: (l: Label) => string,
  count?: (l: Label) => readonly string[],
): Hap => ({
  id,
  town,
  events: (h) => h.of(town, kind).filter(test),
  clause,
  did,
  an,
  ...(count ? { count } : {}),
});

const HAPS: readonly Hap[] = [
  ...TOWNS.map(rainHap),
  ...TOWNS.map(stormHap),
  ...SENDERS.map(robbedHap),
  ...SENDERS.map(arrivalHap),
  ...SENDERS.map(orderHap),
  ...SENDERS.map(sentHap),
  kindHap(
    'raid',
    'den-of-thieves',
    'raid',
    (e) => num(e, 'raid_gold') > 0,
    () => 'the pirates went on a raid',
    () => 'did the pirates go on a raid',
    () => 'raids w/ raid_gold > 0',
    () => [
      'how many raids did the pirates pull off',
      'how many raids were there',
      'how many successful raids were there',
    ],
  ),
  kindHap(
    'flood',
    'circuiton',
    'mining',
    flag('flood'),
    (l) => `the mine flooded ${l.at}`,
    (l) => `did the mine flood ${l.at}`,
    (l) => `flood flag ${l.name}`,
    (l) => [`how many shifts were lost to flooding ${l.at}`, `how many flooded shifts were there ${l.at}`],
  ),
  kindHap(
    'hunger',
    'circuiton',
    'mining',
    flag('hunger'),
    (l) => `the miners went hungry ${l.at}`,
    (l) => `did the miners go hungry ${l.at}`,
    (l) => `hunger flag ${l.name}`,
    (l) => [`how many shifts went hungry ${l.at}`],
  ),
  kindHap(
    'surplus',
    'patchbourough',
    'farming',
    flag('surplus'),
    (l) => `the farmers ${l.at} brought in a surplus`,
    (l) => `did the farmers ${l.at} bring in a surplus`,
    (l) => `surplus flag ${l.name}`,
    (l) => [`how many surplus harvests did the farmers ${l.at} bring in`],
  ),
  kindHap(
    'fine',
    'port-logic',
    'fishing',
    flag('fine_haul'),
    (l) => `somebody landed a fine haul ${l.at}`,
    (l) => `did anyone land a fine haul ${l.at}`,
    (l) => `fine_haul flag ${l.name}`,
    (l) => [
      `how many fine hauls were landed ${l.at}`,
      `how many fine hauls did the fishermen ${l.at} bring in`,
    ],
  ),
  kindHap(
    'empty',
    'port-logic',
    'fishing',
    flag('empty_nets'),
    (l) => `a fisher came back with empty nets ${l.at}`,
    (l) => `did any fisher come back with empty nets ${l.at}`,
    (l) => `empty_nets flag ${l.name}`,
    (l) => [`how many times did the fishermen ${l.at} come back with empty nets`],
  ),
  kindHap(
    'cold',
    'patchbourough',
    'forge',
    flag('cold_forge'),
    (l) => `the forge ${l.at} went cold`,
    (l) => `did the forge ${l.at} go cold`,
    (l) => `cold_forge flag ${l.name}`,
    (l) => [`how many times was the forge ${l.at} cold`],
  ),
  kindHap(
    'idle',
    'patchbourough',
    'mill',
    flag('idle'),
    (l) => `the mill ${l.at} stood idle`,
    (l) => `did the mill ${l.at} stand idle`,
    (l) => `mill idle flag ${l.name}`,
    (l) => [`how many times did the mill ${l.at} stand idle`],
  ),
  kindHap(
    'repair',
    'den-of-thieves',
    'repair',
    (e) => num(e, 'boat_repaired') > 0,
    () => 'the pirates repaired their boat',
    () => 'did the pirates repair their boat',
    () => 'repair events w/ boat_repaired = 1',
    () => ['how many times did the pirates repair their boat', 'how many boat repairs did the pirates do'],
  ),
  kindHap(
    'osale',
    'port-logic',
    'trade',
    (e) => e.data.to === 'overseas' && num(e, 'value_gold') > 0,
    (l) => `${l.name} sold goods to an overseas ship`,
    (l) => `did ${l.name} sell anything to an overseas ship`,
    (l) => `trades from=${l.name} to=overseas`,
    (l) => [`how many sales to overseas ships did ${l.name} make`],
  ),
  kindHap(
    'obuy',
    'port-logic',
    'trade',
    (e) => e.data.from === 'overseas' && num(e, 'value_gold') > 0,
    (l) => `${l.name} bought goods from an overseas ship`,
    (l) => `did ${l.name} buy anything from an overseas ship`,
    (l) => `trades from=overseas to=${l.name}`,
    (l) => [`how many times did ${l.name} buy cargo off overseas ships`],
  ),
];
const hapDays = (list: readonly RawEvent[], s: Span) =>
  [...new Set(inSpan(list, s).map((e) => e.day))].sort((a, b) => a - b);

// ---------------------------------------------------------------- the cases a generator makes

interface Cand {
  form: string;
  question: string;
  truth: string;
  check: Check;
}
interface Ctx {
  g: Gen;
  h: Hist;
  sp: Spans;
  N: number;
}
type Maker = (c: Ctx, v: Voice, form: string) => Cand | null;
type Say = Record<Voice, readonly string[]>;

const lab = (g: Gen, v: Voice, t: Town) => g.pick(LABELS[v][t]);
const T = (g: Gen, v: Voice, s: Span) => g.pick(s.say[v]);
/** One of the voice's wordings. */
const by = (g: Gen, v: Voice, s: Say) => g.pick(s[v]);
const mk = (form: string, question: string, truth: string, check: Check): Cand => ({
  form,
  question: tidy(question),
  truth,
  check,
});
/** A time put first ("Last week, …") when it is not empty. */
const lead = (t: string, rest: string) => (t === '' ? cap(rest) : `${cap(t)}, ${rest}`);
/** A time put last, after a comma ("…, last week"), or nothing. */
const tail = (t: string) => (t === '' ? '' : `, ${t}`);

/** The span a maker asks about: the whole history, unnamed, for the scope form. */
const spanFor = (c: Ctx, form: string, kinds: readonly SpanKind[]) =>
  form === 'scope' ? c.sp.unnamed() : spanOf(c.g, c.sp, c.g.pick(kinds));

/** A round figure between the values of a series that no value equals. */
function threshold(g: Gen, values: readonly number[], step: number): number | null {
  if (values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  for (let i = 0; i < 8; i++) {
    const q = sorted[Math.floor((0.2 + 0.6 * g.next()) * (sorted.length - 1))] as number;
    const t = clean(Math.round(q / step) * step);
    if (t <= 0 || values.some((x) => Math.abs(x - t) < 1e-9)) continue;
    return t;
  }
  return null;
}

/** The quartermaster's (and the engineer's words') name for an output's line in the ledger. */
const LEDGER: Record<string, string> = {
  fish: 'fish landed',
  nets: 'nets made',
  ropes: 'ropes made',
  harvest: 'grain harvested',
  flour: 'flour milled',
  tools: 'tools forged',
  ore: 'ore mined',
  metal: 'metal smelted',
  trinkets: 'trinkets made',
  learned: 'pupils taught',
  drinks: 'drinks poured',
  arrows: 'arrows fletched',
  raid: 'raid gold',
  'sales-port-logic': 'sales gold',
  'sales-patchbourough': 'sales gold',
  'sales-circuiton': 'sales gold',
};
const ledger = (o: Out) => LEDGER[o.id] as string;
/** How the child names the thing ("fishes"). */
const kidThing = (o: Out) => (o.id === 'fish' ? 'fishes' : o.thing);
const thingOf = (o: Out, v: Voice) => (v === 'kid' ? kidThing(o) : o.thing);

/** "1,500 fish", "8 tons of ore", "400 gold". */
function amountOf(o: Out, thr: number, v: Voice): string {
  if (o.many) return `${fig(thr, v)} ${o.thing}`;
  if (o.id.startsWith('sales')) return `${fig(thr, v)} gold from sales`;
  if (o.unit === 'gold') return `${fig(thr, v)} gold`;
  return `${fig(thr, v)} ${o.unit} of ${o.thing}`;
}
/** Where a day's total happened ("in Port Logic"; the pirates' raids need no place but the island). */
const placeOf = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? (v === 'ops' ? '' : l.at) : atOf(o, v, l));
/** Where a single event happened; a raid needs no place. */
const evAtOf = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? '' : atOf(o, v, l));
/** The engineer's filter: "fish port-logic", "value_gold from=circuiton". */
const opsOf = (o: Out, l: Label) => `${o.col} ${whereOf(o, l)}`.trim();

// ---------------------------------------------------------------- totals and means

const mTotal: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'today', 'day']);
  const total = sumOf(inSpan(outEvents(h, o), s), o.key);
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const hw = g.pick(o.how);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const at = atOf(o, v, l);
  const pv = passVerb(g, o);
  const q = by(g, v, {
    journo: [
      `For my column: ${hw.h} ${hw.aux} ${pv.pp} ${at} ${t}?`,
      lead(t, `readers want to know ${hw.h} ${S} ${vb.past}.`),
    ],
    qm: [`Ledger check — ${ledger(o)}, ${l.name}${tail(t)}. Total?`, `Tally: ${ledger(o)} ${at}${tail(t)}.`],
    kid: [
      `${hw.h.replace('fish', 'fishes')} did ${S} ${vb.base} ${t}?`,
      lead(t, `how much ${thingOf(o, v)} did ${S} ${vb.base}?`.replace('how much fishes', 'how many fishes')),
    ],
    ops: [`p: ${opsOf(o, l)} ${t} total?`, `sum(${o.col}) WHERE ${whereOf(o, l) || 'kind=raid'} ${t}`],
  });
  return mk(form, q, `${unitOf(o, total)} (sum, ${s.label})`, (a) => val(a, total, o.dec));
};

const mRdMean: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS.filter((x) => !x.sum));
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'today', 'day', 'pastYear']);
  const m = rdValue(h, r, s);
  if (Number.isNaN(m) || onEdge(m, r.dec)) return null;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const noun = rdNoun(g, r);
  const warm = r.key === 'temperature_c';
  const q = by(g, v, {
    journo: [
      `For a weather piece: what was the average ${noun} ${l.at} ${t}?`,
      lead(t, `what ${noun} did ${l.name} average? My readers are asking.`),
    ],
    qm: [`Ledger check — mean ${noun}, ${l.name}${tail(t)}.`, `Avg ${noun} ${l.at}${tail(t)}?`],
    kid: warm
      ? [`how warm was it ${l.at} on average ${t}?`, `wat was the average temperature ${l.at} ${t}?`]
      : [`wat was the average ${noun} ${l.at} ${t}?`],
    ops: [`avg(${rdCol(r)}) ${l.name} ${t}`, `p: mean ${rdCol(r)} WHERE town=${l.name} ${t}?`],
  });
  return mk(form, q, `${rdUnit(r, m)} (mean of readings, ${s.label})`, (a) => val(a, m, r.dec));
};

const mPerDay: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS.filter((x) => x.id !== 'metal'));
  const s = spanFor(c, form, MULTI);
  const total = sumOf(inSpan(outEvents(h, o), s), o.key);
  const days = h.reported(o.town, s).length;
  if (days < 2) return null;
  const m = total / days;
  if (onEdge(m, o.dec)) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const hw = g.pick(o.how);
  const q = by(g, v, {
    journo: [
      `For my column: on average, ${hw.h} did ${S} ${vb.base} per day ${t}?`,
      lead(t, `what was the daily average of ${ledger(o)} ${placeOf(o, v, l)}?`),
    ],
    qm: [`Ledger check — ${ledger(o)} per day, ${l.name}${tail(t)}. Daily average?`],
    kid: [`${hw.h.replace('fish', 'fishes')} did ${S} ${vb.base} every day on average ${t}?`],
    ops: [`avg daily sum(${o.col}) ${whereOf(o, l)} ${t}`, `p: ${opsOf(o, l)} ${t} mean per day?`],
  });
  return mk(
    form,
    q,
    `${fmt(m, Math.max(o.dec, 2))} ${o.unit} a day (${total} over ${days} days, ${s.label})`,
    (a) => val(a, m, o.dec),
  );
};

const mPerEv: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS.filter((x) => x.id !== 'metal'));
  const s = spanFor(c, form, MULTI);
  const list = inSpan(outEvents(h, o), s);
  if (list.length < 3 || list.some((e) => num(e, o.key) === 0)) return null;
  const m = sumOf(list, o.key) / list.length;
  if (onEdge(m, o.dec)) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const thing = o.id.startsWith('sales') ? 'gold' : o.thing;
  const at = evAtOf(o, v, l);
  const q = by(g, v, {
    journo: [`For my column: what was the average ${thing} ${o.perEv} ${at} ${t}?`],
    qm: [`Ledger check — ${ledger(o)} ${o.perEv}, mean${tail(t)}${at ? `, ${l.name}` : ''}.`],
    kid: [`on average how much ${thing} was it ${o.perEv} ${at} ${t}?`],
    ops: [`avg(${o.col}) per event ${whereOf(o, l)} ${t}`],
  });
  return mk(
    form,
    q,
    `${fmt(m, Math.max(o.dec, 2))} ${o.unit} ${o.perEv} (${list.length} events, ${s.label})`,
    (a) => val(a, m, o.dec),
  );
};

// ---------------------------------------------------------------- the best and worst day

const mBestDay: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const hi = form === 'scope' || g.chance(0.6);
  const s = spanFor(c, form, hi ? [...MULTI, 'pastYear'] : MULTI);
  if (!hi && !everyDay(h, o, s)) return null;
  const ext = argExt(daily(inSpan(outEvents(h, o), s), o.key), hi);
  if (!ext || (hi && ext.v <= 0) || ext.days.length > 2) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const most = moreLess(o, hi);
  const at = placeOf(o, v, l);
  const th = thingOf(o, v);
  const opsWhere = whereOf(o, l) || 'kind=raid';
  const q = by(g, v, {
    journo: [
      `For my column I need the day ${t} on which ${S} ${vb.past} the ${most} ${th}, and that day's total.`,
      lead(
        t,
        `which day was the ${hi ? 'best' : 'worst'} for ${ledger(o)} ${at}? Readers want the day and the total.`,
      ),
    ],
    qm: [
      `Ledger check — ${hi ? 'best' : 'worst'} day for ${ledger(o)} ${at}${tail(t)}: day and total.`,
      `Tally by day, ${ledger(o)} ${at}${tail(t)}: which day had the ${hi ? 'highest' : 'lowest'} total, and what was it?`,
    ],
    kid: [
      `wich day ${t} did ${S} ${vb.base} the ${most} ${th}? and how ${manyMuch(o)} was it?`,
      lead(t, `what day had the ${most} ${ledger(o)} ${at}, and how ${manyMuch(o)}?`),
    ],
    ops: [
      `sanity check: sum(${o.col}) WHERE ${opsWhere} ${t} GROUP BY day ORDER BY sum ${hi ? 'DESC' : 'ASC'} LIMIT 1 — day + value?`,
      `p: ${opsOf(o, l)} ${t} ${hi ? 'max' : 'min'} daily total, which day?`,
    ],
  });
  const truth = `${unitOf(o, ext.v)} on day ${ext.days.join(' or ')} (${hi ? 'max' : 'min'} of daily totals, ${s.label})`;
  return mk(form, q, truth, (a) => allOf(dayAny(a, ext.days), val(a, ext.v, o.dec)));
};

const mRdDay: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const hi = r.loDay === undefined || g.chance(0.6);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const ext = argExt(daily(inSpan(sensors(h, r.town), s), r.key, !r.sum), hi);
  if (!ext || (r.sum && ext.v <= 0) || ext.days.length > 2 || onEdge(ext.v, r.dec)) return null;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const noun = rdNoun(g, r);
  const dn = (hi ? r.hiDay : r.loDay) as string;
  const agg = r.sum ? 'sum' : 'avg';
  const q = r.sum
    ? by(g, v, {
        journo: [
          `For a weather piece: what was the wettest day ${l.at} ${t}, and how much rain fell that day?`,
          lead(t, `which day brought ${l.name} the most rain, and how many mm?`),
        ],
        qm: [`Ledger check — wettest day ${l.at}${tail(t)}: day and mm of rain.`],
        kid: [`wich day ${t} did it rain the most ${l.at}? how much rain?`],
        ops: [
          `sum(rain_mm) WHERE town=${l.name} ${t} GROUP BY day ORDER BY 1 DESC LIMIT 1 — day + mm`,
          `p: rain_mm ${l.name} ${t} wettest day + total?`,
        ],
      })
    : by(g, v, {
        journo: [
          `For a weather piece I need ${dn} ${l.at} ${t}, with that day's average ${noun}.`,
          lead(t, `which was ${dn} ${l.at}, and what was its average ${noun}?`),
        ],
        qm: [`Ledger check — ${dn} ${l.at}${tail(t)}: day and daily mean ${noun}.`],
        kid: [`wich was ${dn} ${l.at} ${t}? wat was the average ${noun} that day?`],
        ops: [
          `avg(${rdCol(r)}) WHERE town=${l.name} ${t} GROUP BY day ORDER BY ${agg} ${hi ? 'DESC' : 'ASC'} LIMIT 1`,
          `p: daily mean ${rdCol(r)} ${l.name} ${t} — ${hi ? 'max' : 'min'} day + value?`,
        ],
      });
  const truth = `day ${ext.days.join(' or ')}: ${rdUnit(r, ext.v)} (${hi ? 'max' : 'min'} of daily ${r.sum ? 'sums' : 'means'}, ${s.label})`;
  return mk(form, q, truth, (a) => allOf(dayAny(a, ext.days), val(a, ext.v, r.dec)));
};

// ---------------------------------------------------------------- days counted

const mHapDays: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const n1 = hapDays(x.events(h), s).length;
  const n2 = x.alt ? hapDays(x.alt(h), s).length : n1;
  const l = lab(g, v, x.town);
  const t = T(g, v, s);
  const did = x.did(l);
  const q = by(g, v, {
    journo: [
      `For my column: on how many days ${did} ${t}?`,
      lead(t, `on how many separate days ${did}? Readers want to know.`),
    ],
    qm: [`Tally of days: ${x.clause(l)}${tail(t)}. How many distinct days?`],
    kid: [`how many days ${t} ${did}?`, lead(t, `on how many days ${did}?`)],
    ops: [`count(DISTINCT day) WHERE ${x.an(l)} ${t}`, `p: ${x.an(l)} ${t} — # distinct days?`],
  });
  return mk(form, q, `${n1}${n2 !== n1 ? ` (or ${n2} by the raids)` : ''} days (${s.label})`, (a) =>
    valAny(a, [n1, n2], 0),
  );
};

/** Days of the span on which something did not happen (every day of the span reported). */
const mNoHapDays: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS.filter((y) => !y.alt));
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const all = spanDays(s);
  if (h.reported(x.town, s).length !== all.length || all.length < 3) return null;
  const on = new Set(hapDays(x.events(h), s));
  const n = all.filter((d) => !on.has(d)).length;
  const l = lab(g, v, x.town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [
      `For my column: on how many days ${t} did it NOT happen that ${x.clause(l)}?`,
      lead(t, `how many days went by without this: ${x.clause(l)}?`),
    ],
    qm: [`Tally of days without it: ${x.clause(l)}${tail(t)}. Days where it did not happen?`],
    kid: [`how many days ${t} did it not happen that ${x.clause(l)}?`],
    ops: [`count days WHERE NOT (${x.an(l)}) ${t}`, `p: days w/o ${x.an(l)} ${t}?`],
  });
  return mk(form, q, `${n} days without (${all.length - n} with, ${s.label})`, (a) => val(a, n, 0));
};

const mDailyOver: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const over = g.chance(0.65);
  if (!over && !everyDay(h, o, s)) return null;
  const m = daily(inSpan(outEvents(h, o), s), o.key);
  const values = [...m.values()];
  const thr = threshold(g, values, o.step);
  if (thr === null) return null;
  const n = values.filter((x) => (over ? x > thr : x < thr)).length;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const cmp = over ? 'more than' : o.many ? 'fewer than' : 'less than';
  const amount = amountOf(o, thr, v);
  const q = by(g, v, {
    journo: [
      `For my column: on how many days ${t} did ${S} ${vb.base} ${cmp} ${amount}?`,
      lead(t, `how many days saw a total of ${cmp} ${amount} ${passVerb(g, o).pp} ${atOf(o, v, l)}?`),
    ],
    qm: [
      `Tally: days with ${ledger(o)} ${over ? 'over' : 'under'} ${fig(thr, v)} ${at2(o, v, l)}${tail(t)}.`,
    ],
    kid: [`how many days ${t} did ${S} ${vb.base} ${cmp} ${amount.replace(' fish', ' fishes')}?`],
    ops: [
      `count days WHERE daily sum(${o.col}) ${over ? '>' : '<'} ${thr} ${whereOf(o, l)} ${t}`,
      `p: ${opsOf(o, l)} ${t} GROUP BY day HAVING sum ${over ? '>' : '<'} ${thr} — how many days?`,
    ],
  });
  return mk(form, q, `${n} days (daily total ${over ? '>' : '<'} ${thr}, ${s.label})`, (a) => val(a, n, 0));
};
/** The quartermaster's place for an output ("at Port Logic"; nothing for the raids). */
const at2 = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? '' : atOf(o, v, l));

const mMeanOver: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS.filter((x) => !x.sum));
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const m = daily(inSpan(sensors(h, r.town), s), r.key, true);
  const values = [...m.values()];
  const thr = threshold(g, values, r.step);
  if (thr === null) return null;
  const over = g.chance(0.6);
  const n = values.filter((x) => (over ? x > thr : x < thr)).length;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const noun = rdNoun(g, r);
  const u = `${thr}${r.unit === '°C' || r.unit === '%' ? '' : ' '}${r.unit}`;
  const q = by(g, v, {
    journo: [
      `For a weather piece: on how many days ${t} was the day's average ${noun} ${l.at} ${over ? 'above' : 'below'} ${u}?`,
    ],
    qm: [`Tally: days with mean ${noun} ${over ? 'over' : 'under'} ${u} ${l.at}${tail(t)}.`],
    kid: [`how many days ${t} was the average ${noun} ${l.at} ${over ? 'more' : 'less'} than ${u}?`],
    ops: [`count days WHERE avg(${rdCol(r)}) ${over ? '>' : '<'} ${thr} ${l.name} ${t}`],
  });
  return mk(form, q, `${n} days (daily mean ${over ? '>' : '<'} ${thr}, ${s.label})`, (a) => val(a, n, 0));
};

const mDry: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(TOWNS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const list = inSpan(sensors(h, town), s);
  const all = new Set(list.map((e) => e.day));
  const wet = new Set(list.filter((e) => num(e, 'rain_mm') > 0).map((e) => e.day));
  const n = [...all].filter((d) => !wet.has(d)).length;
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [`For a weather piece: how many dry days did ${l.name} have ${t}?`],
    qm: [`Tally: dry days ${l.at}${tail(t)} (no rain at all).`],
    kid: [`how many days ${t} did it not rain at all ${l.at}?`],
    ops: [`count days WHERE max(rain_mm) = 0 ${l.name} ${t}`],
  });
  return mk(form, q, `${n} dry days (${s.label})`, (a) => val(a, n, 0));
};

// ---------------------------------------------------------------- A or B

function compareCheck(
  win: RegExp,
  lose: RegExp,
  what: string,
  vw: readonly number[],
  vl: readonly number[],
  d: number,
) {
  return (a: string) => allOf(first(a, win, lose, what), valAny(a, vw, d), valAny(a, vl, d));
}

/** Two things of one measure, asked as which was more, did A beat B, or by how much. */
interface Pair {
  /** The sides as the question names them, in the question's order. */
  a: string;
  b: string;
  aRe: RegExp;
  bRe: RegExp;
  va: number;
  vb: number;
  dec: number;
  unit: string;
  /** "fish landed in Port Logic", "the average temperature" (what is measured). */
  what: string;
  /** The engineer's words for the measure. */
  col: string;
  /** A mean (says "higher"), not a sum (says "more"). */
  mean: boolean;
  t: string;
  label: string;
}

function pairCase(c: Ctx, v: Voice, form: string, p: Pair): Cand | null {
  const { g } = c;
  if (round(p.va, p.dec) === round(p.vb, p.dec) || onEdge(p.va, p.dec) || onEdge(p.vb, p.dec)) return null;
  const mode = g.pick(['which', 'which', 'beat', 'howmuch'] as const);
  const more = p.mean ? 'higher' : 'more';
  const aWins = p.va > p.vb;
  const [wRe, lRe, w, vw, vl] = aWins ? [p.aRe, p.bRe, p.a, p.va, p.vb] : [p.bRe, p.aRe, p.b, p.vb, p.va];
  const f = (x: number) => `${fmt(x, p.dec)} ${p.unit}`;
  const t = p.t;
  const bare = p.what.replace(/^the /, '');
  if (mode === 'which') {
    const q = by(g, v, {
      journo: [
        `For my column: which came out ahead on ${p.what}${tail(t)}, ${p.a} or ${p.b}?`,
        lead(
          t,
          `readers want to know whether ${p.a} or ${p.b} had ${p.mean ? 'the higher' : 'more'} ${bare}.`,
        ),
      ],
      qm: [`Ledger check — ${p.what}${tail(t)}: ${p.a} vs ${p.b}. Which is ${more}?`],
      kid: [`who had ${p.mean ? 'the higher' : 'mor'} ${bare} ${t}, ${p.a} or ${p.b}?`],
      ops: [`cmp ${p.col} ${t}: ${p.a} vs ${p.b} — which is ${more === 'more' ? 'bigger' : 'higher'}?`],
    });
    // The winner named first, or said plainly to be ahead ("Circuiton is higher by …"); both figures stated.
    const ahead = new RegExp(`${wRe.source}[^.;]{0,40}\\b(is|was) (higher|more|bigger|ahead|greater)`, 'i');
    return mk(form, q, `${w} (${f(vw)}) over the other (${f(vl)}), ${p.label}`, (a) =>
      ahead.test(a)
        ? allOf(valAny(a, [vw], p.dec), valAny(a, [vl], p.dec))
        : compareCheck(wRe, lRe, w, [vw], [vl], p.dec)(a),
    );
  }
  if (mode === 'beat') {
    const yes = aWins;
    const q = by(g, v, {
      journo: [
        `For my column: did ${p.a} beat ${p.b} on ${p.what}${tail(t)}? Give both figures.`,
        lead(t, `did ${p.a} outdo ${p.b} on ${p.what}? Readers want both numbers.`),
      ],
      qm: [`Ledger check — ${p.what}${tail(t)}: did ${p.a} beat ${p.b}? Both figures.`],
      kid: [`did ${p.a} beat ${p.b} on ${p.what} ${t}? how much did each get?`],
      ops: [`sanity check: ${p.col} ${t} — ${p.a} > ${p.b}? y/n + both values`],
    });
    return mk(
      form,
      q,
      `${yes ? 'yes' : 'no'}: ${p.a} ${f(p.va)} against ${p.b} ${f(p.vb)} (${p.label})`,
      // A yes or no first; or, without one, the winner named first: with both figures either way.
      (a) =>
        allOf(
          saysYes(a, yes) === null || (!/^\s*(yes|no)\b/i.test(a) && first(a, wRe, lRe, w) === null)
            ? null
            : (saysYes(a, yes) ?? 'says no yes or no'),
          valAny(a, [p.va], p.dec),
          valAny(a, [p.vb], p.dec),
        ),
    );
  }
  const diff = clean(Math.abs(p.va - p.vb));
  if (onEdge(diff, p.dec)) return null;
  const q = by(g, v, {
    journo: [
      `For my column: by how much did ${p.a} and ${p.b} differ on ${p.what}${tail(t)}, and which was ${more}?`,
      lead(t, `which was ${more} on ${p.what}, ${p.a} or ${p.b}, and by how much?`),
    ],
    qm: [`Ledger check — ${p.what}${tail(t)}: difference between ${p.a} and ${p.b}? Which is ${more}?`],
    kid: [`how much ${more === 'more' ? 'mor' : 'higher'} was it, ${p.a} or ${p.b}, for ${p.what} ${t}?`],
    ops: [
      `p: ${p.col} ${t} — delta ${p.a} vs ${p.b}? which side is ${more === 'more' ? 'bigger' : 'higher'}`,
    ],
  });
  // A mean's difference may be taken of the figures as rounded.
  const diffs = p.mean ? [diff, clean(Math.abs(round(p.va, p.dec) - round(p.vb, p.dec)))] : [diff];
  return mk(form, q, `${w} by ${f(diff)} (${f(vw)} against ${f(vl)}), ${p.label}`, (a) =>
    // The winner named first, or both figures stated (which shows the winner).
    allOf(
      valAny(a, diffs, p.dec),
      first(a, wRe, lRe, w) === null || (val(a, vw, p.dec) === null && val(a, vl, p.dec) === null)
        ? null
        : first(a, wRe, lRe, w),
    ),
  );
}

const mWeeksOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const w1 = g.int(1, 7);
  const w2 = g.chance(0.6) ? (w1 === 7 ? 6 : w1 + 1) : g.pick([1, 2, 3, 4, 5, 6, 7].filter((w) => w !== w1));
  const l = lab(g, v, o.town);
  const at = at2(o, v, l);
  return pairCase(c, v, form, {
    a: `week ${w1}`,
    b: `week ${w2}`,
    aRe: weekRe(w1),
    bRe: weekRe(w2),
    va: sumOf(inSpan(outEvents(h, o), c.sp.week(w1)), o.key),
    vb: sumOf(inSpan(outEvents(h, o), c.sp.week(w2)), o.key),
    dec: o.dec,
    unit: o.unit,
    what: v === 'ops' ? `sum(${o.col}) ${whereOf(o, l)}`.trim() : `${ledger(o)} ${at}`.trim(),
    col: `sum(${o.col}) ${whereOf(o, l)}`.trim(),
    mean: false,
    t: '',
    label: `weeks ${w1} and ${w2}`,
  });
};

const mWeeksRd: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const w1 = g.int(1, 7);
  const w2 = g.chance(0.6) ? (w1 === 7 ? 6 : w1 + 1) : g.pick([1, 2, 3, 4, 5, 6, 7].filter((w) => w !== w1));
  const va = rdValue(h, r, c.sp.week(w1));
  const vb = rdValue(h, r, c.sp.week(w2));
  if (Number.isNaN(va) || Number.isNaN(vb)) return null;
  const l = lab(g, v, r.town);
  const noun = rdNoun(g, r);
  return pairCase(c, v, form, {
    a: `week ${w1}`,
    b: `week ${w2}`,
    aRe: weekRe(w1),
    bRe: weekRe(w2),
    va,
    vb,
    dec: r.dec,
    unit: r.unit,
    what: r.sum ? `total rainfall ${l.at}` : `the average ${noun} ${l.at}`,
    col: `${r.sum ? 'sum' : 'avg'}(${rdCol(r)}) ${l.name}`,
    mean: !r.sum,
    t: '',
    label: `weeks ${w1} and ${w2}`,
  });
};

const mTownsRd: Maker = (c, v, form) => {
  const { g, h } = c;
  const key = g.pick([
    'temperature_c',
    'temperature_c',
    'wind_kph',
    'humidity_pct',
    'rain_mm',
    'pressure_hpa',
  ]);
  const [t1, t2] = g.two(TOWNS);
  const r1 = READS.find((x) => x.town === t1 && x.key === key) as Rd;
  const r2 = READS.find((x) => x.town === t2 && x.key === key) as Rd;
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday', 'day']));
  const va = rdValue(h, r1, s);
  const vb = rdValue(h, r2, s);
  if (Number.isNaN(va) || Number.isNaN(vb)) return null;
  const noun = rdNoun(g, r1);
  return pairCase(c, v, form, {
    a: lab(g, v, t1).name,
    b: lab(g, v, t2).name,
    aRe: townRe(t1),
    bRe: townRe(t2),
    va,
    vb,
    dec: r1.dec,
    unit: r1.unit,
    what: r1.sum ? 'total rainfall' : `the average ${noun}`,
    col: `${r1.sum ? 'sum' : 'avg'}(${key})`,
    mean: !r1.sum,
    t: T(g, v, s),
    label: s.label,
  });
};

const mTownsSales: Maker = (c, v, form) => {
  const { g, h } = c;
  const [t1, t2] = g.two(SENDERS);
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday']));
  return pairCase(c, v, form, {
    a: v === 'ops' ? `from=${t1}` : lab(g, v, t1).name,
    b: v === 'ops' ? `from=${t2}` : lab(g, v, t2).name,
    aRe: townRe(t1),
    bRe: townRe(t2),
    va: sumOf(inSpan(outEvents(h, out(`sales-${t1}`)), s), 'value_gold'),
    vb: sumOf(inSpan(outEvents(h, out(`sales-${t2}`)), s), 'value_gold'),
    dec: 0,
    unit: 'gold',
    what: v === 'kid' ? 'gold from selling stuff' : 'gold earned from sales',
    col: 'sum(value_gold) trades',
    mean: false,
    t: T(g, v, s),
    label: s.label,
  });
};

/** Sums of an output by each of its role's people who did it in the span. */
function byActor(h: Hist, o: Out, s: Span): Map<Person, number> {
  const out = new Map<Person, number>();
  if (!o.role) return out;
  const people = holders(o.town, o.role);
  for (const e of inSpan(outEvents(h, o), s)) {
    const p = people.find((x) => x.name === e.actor);
    if (p) out.set(p, clean((out.get(p) ?? 0) + num(e, o.key)));
  }
  return out;
}

const mPeople: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS.filter((x) => x.role !== undefined));
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday']));
  const sums = [...byActor(h, o, s)].filter(([, x]) => x > 0);
  if (sums.length < 2) return null;
  const [[p1, v1], [p2, v2]] = g.two(sums);
  return pairCase(c, v, form, {
    a: callP(g, v, p1),
    b: callP(g, v, p2),
    aRe: personRe(p1),
    bRe: personRe(p2),
    va: v1,
    vb: v2,
    dec: o.dec,
    unit: o.unit,
    what: o.id.startsWith('sales') ? 'gold earned from sales' : ledger(o),
    col: `sum(${o.col}) ${whereOf(o, lab(g, 'ops', o.town))} GROUP BY actor`,
    mean: false,
    t: T(g, v, s),
    label: s.label,
  });
};

/** Gold the pirates took from a town's shipments in a span: by their raids, and by the town's losses. */
function robbedGold(h: Hist, town: Town, s: Span): [number, number] {
  const raids = inSpan(h.of('den-of-thieves', 'raid'), s).filter((e) => e.data.target === town);
  return [sumOf(raids, 'raid_gold'), sumOf(inSpan(h.of(town, 'loss'), s), 'loot_gold')];
}

const mRobbedTowns: Maker = (c, v, form) => {
  const { g, h } = c;
  const [t1, t2] = g.two(SENDERS);
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'pastYear']));
  const [a1, b1] = robbedGold(h, t1, s);
  const [a2, b2] = robbedGold(h, t2, s);
  if (a1 === a2 || b1 === b2 || a1 > a2 !== b1 > b2 || a1 !== b1 || a2 !== b2) return null;
  return pairCase(c, v, form, {
    a: lab(g, v, t1).name,
    b: lab(g, v, t2).name,
    aRe: townRe(t1),
    bRe: townRe(t2),
    va: a1,
    vb: a2,
    dec: 0,
    unit: 'gold',
    what: v === 'kid' ? 'gold the pirates stole from them' : 'gold lost to the pirates',
    col: 'sum(raid_gold) GROUP BY target',
    mean: false,
    t: T(g, v, s),
    label: s.label,
  });
};

// ---------------------------------------------------------------- events counted

const mCount: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS.filter((y) => y.count !== undefined));
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'pastYear']);
  const n1 = inSpan(x.events(h), s).length;
  const n2 = x.alt ? inSpan(x.alt(h), s).length : n1;
  const l = lab(g, v, x.town);
  const t = T(g, v, s);
  const body = g.pick((x.count as (l: Label) => readonly string[])(l));
  const q = by(g, v, {
    journo: [`For my column: ${body} ${t}?`, lead(t, `readers want to know: ${body}?`)],
    qm: [`Tally: ${x.clause(l)}${tail(t)} — how many times?`, `Ledger check — ${body}${tail(t)}?`],
    kid: [`${body} ${t}?`, lead(t, `${body}?`)],
    ops: [`count(*) WHERE ${x.an(l)} ${t}`, `p: n events ${x.an(l)} ${t}?`],
  });
  return mk(form, q, `${n1}${n2 !== n1 ? ` (or ${n2} by the raids)` : ''} events (${s.label})`, (a) =>
    valAny(a, [n1, n2], 0),
  );
};

// ---------------------------------------------------------------- single-event extremes

function evMax(list: readonly RawEvent[], key: string, hi = true): { v: number; days: number[] } | null {
  if (list.length === 0) return null;
  const vals = list.map((e) => num(e, key));
  const v = hi ? Math.max(...vals) : Math.min(...vals);
  return { v, days: [...new Set(list.filter((e) => num(e, key) === v).map((e) => e.day))] };
}

const mEvMax: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const ext = evMax(inSpan(outEvents(h, o), s), o.key);
  if (!ext || ext.v <= 0) return null;
  const withDay = ext.days.length <= 2 && g.chance(0.35);
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const ev = g.pick(o.evMax);
  const at = evAtOf(o, v, l);
  const q = by(g, v, {
    journo: withDay
      ? [`For my column I need ${ev} ${at} ${t}, and the day it happened.`]
      : [`For my column: what was ${ev} ${at} ${t}?`, lead(t, `readers want to know ${ev} ${at}.`)],
    qm: withDay
      ? [`Ledger check — ${ev} ${at}${tail(t)}: amount and day.`]
      : [`Ledger check — ${ev} ${at}${tail(t)}?`],
    kid: withDay
      ? [`wat was ${ev.replace('biggest', 'bigest')} ${at} ${t}? wich day was it?`]
      : [`wat was ${ev} ${at} ${t}?`],
    ops: withDay
      ? [`SELECT day, max(${o.col}) single event WHERE ${whereOf(o, l) || 'kind=raid'} ${t}`]
      : [`max(${o.col}) per event ${whereOf(o, l)} ${t}`, `p: ${opsOf(o, l)} ${t} biggest single event?`],
  });
  return mk(form, q, `${unitOf(o, ext.v)} (day ${ext.days.join(', ')}; max over events, ${s.label})`, (a) =>
    allOf(val(a, ext.v, o.dec), withDay ? dayAny(a, ext.days) : null),
  );
};

const mRobMax: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const a1 = evMax(inSpan(h.of(town, 'loss'), s), 'loot_gold');
  const a2 = evMax(
    inSpan(h.of('den-of-thieves', 'raid'), s).filter((e) => e.data.target === town),
    'raid_gold',
  );
  if (!a1 || !a2 || a1.v <= 0) return null;
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [`For my column: what was the costliest single robbery ${l.name} suffered ${t}?`],
    qm: [`Ledger check — largest single loss to pirates, ${l.name}${tail(t)}.`],
    kid: [`wat is the most gold the pirates took from one of ${l.pos} shipments ${t}?`],
    ops: [`max(raid_gold) WHERE target=${lab(g, 'ops', town).name} ${t}`],
  });
  return mk(form, q, `${a1.v}${a2.v !== a1.v ? ` or ${a2.v}` : ''} gold (${s.label})`, (a) =>
    valAny(a, [a1.v, a2.v], 0),
  );
};

const mBuyMax: Maker = (c, v, form) => {
  const { g, h } = c;
  const buy = g.chance(0.5);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const list = inSpan(h.of('port-logic', 'trade'), s).filter(
    (e) => (buy ? e.data.from === 'overseas' : e.data.to === 'overseas') && num(e, 'value_gold') > 0,
  );
  const ext = evMax(list, 'value_gold');
  if (!ext) return null;
  const l = lab(g, v, 'port-logic');
  const t = T(g, v, s);
  const q = buy
    ? by(g, v, {
        journo: [`For my column: what is the most ${l.name} paid for a single overseas cargo ${t}?`],
        qm: [`Ledger check — largest single purchase from an overseas ship, ${l.name}${tail(t)}.`],
        kid: [`wat is the most gold ${l.name} paid for one load from a ship from far away ${t}?`],
        ops: [`max(value_gold) trades from=overseas to=port-logic ${t}`],
      })
    : by(g, v, {
        journo: [`For my column: what was the biggest single sale ${l.name} made to an overseas ship ${t}?`],
        qm: [`Ledger check — largest single sale to an overseas ship, ${l.name}${tail(t)}.`],
        kid: [`wat was the biggest sale ${l.name} made to a ship from far away ${t}?`],
        ops: [`max(value_gold) trades from=port-logic to=overseas ${t}`],
      });
  return mk(form, q, `${ext.v} gold (${s.label})`, (a) => val(a, ext.v, 0));
};

function readingExt(h: Hist, r: Rd, s: Span, hi: boolean) {
  const list = inSpan(sensors(h, r.town), s).filter((e) => has(e, r.key));
  if (list.length === 0) return null;
  return evMax(list, r.key, hi);
}

const mReading: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const hi = r.loRead.length === 0 || g.chance(0.55);
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'today', 'pastYear']);
  const ext = readingExt(h, r, s, hi);
  if (!ext || (r.sum && ext.v <= 0)) return null;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const what = g.pick(hi ? r.hiRead : r.loRead);
  const q = by(g, v, {
    journo: [
      `For a weather piece: what was ${what} ${l.at} ${t}?`,
      lead(t, `what was ${what} logged ${l.at}?`),
    ],
    qm: [`Ledger check — ${what} ${l.at}${tail(t)}.`],
    kid: [`wat was ${what} ${l.at} ${t}?`],
    ops: [
      `${hi ? 'max' : 'min'}(${rdCol(r)}) single reading ${l.name} ${t}`,
      `p: ${rdCol(r)} ${l.name} ${t} ${hi ? 'peak' : 'lowest'} reading?`,
    ],
  });
  return mk(form, q, `${rdUnit(r, ext.v)} (${hi ? 'max' : 'min'} reading, ${s.label})`, (a) =>
    val(a, ext.v, r.dec),
  );
};

// ---------------------------------------------------------------- which day

const mDayOfBest: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const hi = g.chance(0.7);
  const s = spanFor(c, form, MULTI);
  if (!hi && !everyDay(h, o, s)) return null;
  const ext = argExt(daily(inSpan(outEvents(h, o), s), o.key), hi);
  if (!ext || (hi && ext.v <= 0) || ext.days.length > 2) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const most = moreLess(o, hi);
  const q = by(g, v, {
    journo: [
      `I need the day ${t} when ${S} ${vb.past} the ${most} ${o.thing}.`,
      lead(t, `which day had the ${most} ${ledger(o)} ${at2(o, v, l)}? It's for my column.`),
    ],
    qm: [
      `Ledger check — day of the ${hi ? 'highest' : 'lowest'} daily total, ${ledger(o)} ${at2(o, v, l)}${tail(t)}.`,
    ],
    kid: [`wich day ${t} did ${S} ${vb.base} the ${most} ${thingOf(o, v)}?`],
    ops: [`arg${hi ? 'max' : 'min'} day sum(${o.col}) ${whereOf(o, l)} ${t} GROUP BY day`],
  });
  return mk(form, q, `day ${ext.days.join(' or ')} (${unitOf(o, ext.v)}, ${s.label})`, (a) =>
    dayAny(a, ext.days),
  );
};

const mDayOfEv: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const ext = evMax(inSpan(outEvents(h, o), s), o.key);
  if (!ext || ext.v <= 0 || ext.days.length > 2) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const ev = g.pick(o.evMax);
  const at = evAtOf(o, v, l);
  const q = by(g, v, {
    journo: [
      `For my column I need the day on which ${ev} ${at} ${t} happened.`,
      lead(t, `when was ${ev} ${at}?`),
    ],
    qm: [`Ledger check — date of ${ev} ${at}${tail(t)}.`],
    kid: [`wich day ${t} was ${ev} ${at}?`],
    ops: [`day of max single-event ${o.col} ${whereOf(o, l)} ${t}`],
  });
  return mk(form, q, `day ${ext.days.join(' or ')} (${unitOf(o, ext.v)}, ${s.label})`, (a) =>
    dayAny(a, ext.days),
  );
};

const mFirstLast: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS);
  const s = spanFor(c, form, [...MULTI, 'whole', 'pastYear']);
  const firstOne = g.chance(0.5);
  const pickDay = (list: readonly RawEvent[]) => {
    const days = hapDays(list, s);
    return days.length === 0 ? undefined : firstOne ? days[0] : days[days.length - 1];
  };
  const d1 = pickDay(x.events(h));
  if (d1 === undefined) return null;
  const d2 = x.alt ? pickDay(x.alt(h)) : d1;
  const days = [...new Set([d1, d2 ?? d1])];
  const l = lab(g, v, x.town);
  const fl = firstOne ? 'first' : 'last';
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [
      `I need the ${fl} day ${t} on which ${x.clause(l)}.`,
      lead(t, `when was the ${fl} time that ${x.clause(l)}? It's for my column.`),
    ],
    qm: [`Ledger check — ${fl} day${tail(t)} that ${x.clause(l)}.`],
    kid: [`wen was the ${fl} time ${t} that ${x.clause(l)}?`],
    ops: [
      `${firstOne ? 'min' : 'max'}(day) WHERE ${x.an(l)} ${t}`,
      `p: ${x.an(l)} ${t} ORDER BY day ${firstOne ? 'ASC' : 'DESC'} LIMIT 1`,
    ],
  });
  return mk(form, q, `day ${days.join(' or ')} (${fl}, ${s.label})`, (a) => dayAny(a, days));
};

const mDayOfReading: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const hi = r.loRead.length === 0 || g.chance(0.6);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const ext = readingExt(h, r, s, hi);
  if (!ext || ext.days.length > 2 || (r.sum && ext.v <= 0)) return null;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const what = g.pick(hi ? r.hiRead : r.loRead);
  const q = by(g, v, {
    journo: [`For a weather piece I need the day ${t} on which ${what} ${l.at} was recorded.`],
    qm: [`Ledger check — day of ${what} ${l.at}${tail(t)}.`],
    kid: [`wich day ${t} was ${what} ${l.at}?`],
    ops: [`day of ${hi ? 'max' : 'min'}(${rdCol(r)}) ${l.name} ${t}`],
  });
  return mk(form, q, `day ${ext.days.join(' or ')} (${rdUnit(r, ext.v)}, ${s.label})`, (a) =>
    dayAny(a, ext.days),
  );
};

// ---------------------------------------------------------------- who

/** The winner (any of the tied) is named, and before the others of the role. */
function whoFirst(a: string, winners: readonly Person[], others: readonly Person[]): string | null {
  const idx = (p: Person) => a.search(personRe(p));
  const iw = Math.min(...winners.map(idx).filter((i) => i >= 0));
  if (!Number.isFinite(iw)) return `does not name ${winners.map((p) => p.name).join(' or ')}`;
  const io = others.map(idx).filter((i) => i >= 0);
  return io.some((i) => i < iw) ? `names another before ${winners[0]?.name}` : null;
}

const mWho: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS.filter((x) => x.role !== undefined));
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'pastYear']);
  const sums = byActor(h, o, s);
  if ([...sums.values()].filter((x) => x > 0).length < 2) return null;
  const top = Math.max(...sums.values());
  const winners = [...sums].filter(([, x]) => Math.abs(x - top) < 1e-9).map(([p]) => p);
  const others = holders(o.town, o.role as string).filter((p) => !winners.includes(p));
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const at = atOf(o, v, l);
  const withVal = g.chance(0.4);
  const and = withVal ? `, and how ${manyMuch(o)}` : '';
  const q = by(g, v, {
    journo: [
      `For my column: which of the ${o.roleWords} ${at} ${vb.past} the most ${o.thing} ${t}${and}?`,
      lead(
        t,
        `readers want the name of the one who ${vb.past} the most ${o.thing} ${at}${withVal ? ', and the amount' : ''}.`,
      ),
    ],
    qm: [`Ledger check — top hand by ${ledger(o)} ${at}${tail(t)}${withVal ? ', name and amount' : ''}.`],
    kid: [`who ${vb.past} the most ${thingOf(o, v)} ${at} ${t}${and}?`],
    ops: [
      `sum(${o.col}) ${whereOf(o, l)} ${t} GROUP BY actor ORDER BY 2 DESC LIMIT 1${withVal ? ' (+ value)' : ''}`,
    ],
  });
  return mk(form, q, `${winners.map((p) => p.name).join(' or ')} (${unitOf(o, top)}, ${s.label})`, (a) =>
    allOf(whoFirst(a, winners, others), withVal ? val(a, top, o.dec) : null),
  );
};

// ---------------------------------------------------------------- filters

const GOODS_WORD: Record<string, string> = {
  fish: 'fish',
  flour: 'flour',
  grain: 'grain',
  tools: 'tool',
  metal: 'metal',
  trinkets: 'trinket',
  spices: 'spice',
  textiles: 'textile',
  rope: 'rope',
  nets: 'net',
};
const raidsOf = (h: Hist) => h.of('den-of-thieves', 'raid').filter((e) => num(e, 'raid_gold') > 0);
const opsTown = (t: Town) => t;

const mRaidByTarget: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const [a1, a2] = robbedGold(h, town, s);
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [
      `For my column: how much gold did the pirates take from ${l.pos} shipments ${t}?`,
      lead(t, `how much gold was stolen by the pirates from shipments that ${l.name} sent?`),
    ],
    qm: [`Ledger check — gold lost to pirates, ${l.name} shipments${tail(t)}.`],
    kid: [`how much gold did the pirates steal from ${l.name} ${t}?`],
    ops: [`sum(raid_gold) WHERE target=${opsTown(town)} ${t}`],
  });
  return mk(form, q, `${a1}${a2 !== a1 ? ` (or ${a2} by the losses)` : ''} gold (${s.label})`, (a) =>
    valAny(a, [a1, a2], 0),
  );
};

const mRaidByGoods: Maker = (c, v, form) => {
  const { g, h } = c;
  const goodsSeen = [...new Set(raidsOf(h).map((e) => String(e.data.goods)))].filter((x) => GOODS_WORD[x]);
  if (goodsSeen.length === 0) return null;
  const goods = g.pick(goodsSeen);
  const gw = GOODS_WORD[goods] as string;
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const list = inSpan(raidsOf(h), s).filter((e) => e.data.goods === goods);
  const gold = g.chance(0.4);
  const value = gold ? sumOf(list, 'raid_gold') : list.length;
  const t = T(g, v, s);
  const q = gold
    ? by(g, v, {
        journo: [`For my column: how much gold did the pirates get from raiding shipments of ${goods} ${t}?`],
        qm: [`Ledger check — raid gold from ${gw} shipments${tail(t)}.`],
        kid: [`how much gold did the pirates get from ${gw} shipments ${t}?`],
        ops: [`sum(raid_gold) WHERE goods=${goods} ${t}`],
      })
    : by(g, v, {
        journo: [
          `For my column: how many shipments of ${goods} were raided by the pirates ${t}?`,
          lead(t, `how many times did the pirates hit a ${gw} shipment?`),
        ],
        qm: [`Tally: ${gw} shipments raided${tail(t)}.`],
        kid: [`how many ${gw} shipments did the pirates rob ${t}?`],
        ops: [`count raids WHERE goods=${goods} AND raid_gold > 0 ${t}`],
      });
  return mk(form, q, `${value}${gold ? ' gold' : ' raids'} (goods ${goods}, ${s.label})`, (a) =>
    val(a, value, 0),
  );
};

const mLossByGoods: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const losses = h.of(town, 'loss');
  const goodsSeen = [...new Set(losses.map((e) => String(e.data.goods)))].filter((x) => GOODS_WORD[x]);
  if (goodsSeen.length === 0) return null;
  const goods = g.pick(goodsSeen);
  const gw = GOODS_WORD[goods] as string;
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const n1 = inSpan(losses, s).filter((e) => e.data.goods === goods).length;
  const n2 = inSpan(raidsOf(h), s).filter((e) => e.data.target === town && e.data.goods === goods).length;
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [`For my column: how many of the ${goods} shipments that ${l.name} sent were robbed ${t}?`],
    qm: [`Tally: ${l.name} ${gw} shipments lost to pirates${tail(t)}.`],
    kid: [`how many of ${l.pos} ${gw} shipments got robbed ${t}?`],
    ops: [`count loss events town=${opsTown(town)} goods=${goods} ${t}`],
  });
  return mk(form, q, `${n1}${n2 !== n1 ? ` (or ${n2} by the raids)` : ''} robberies (${s.label})`, (a) =>
    valAny(a, [n1, n2], 0),
  );
};

const ROUTES: readonly [Town, Town][] = [
  ['port-logic', 'patchbourough'],
  ['port-logic', 'circuiton'],
  ['patchbourough', 'port-logic'],
  ['patchbourough', 'circuiton'],
  ['circuiton', 'patchbourough'],
  ['circuiton', 'port-logic'],
];

const mRoute: Maker = (c, v, form) => {
  const { g, h } = c;
  const [a, b] = g.pick(ROUTES);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const list = inSpan(h.of(a, 'trade'), s).filter((e) => e.data.from === a && e.data.to === b);
  const gold = g.chance(0.4);
  const value = sumOf(list, gold ? 'value_gold' : 'cargo_items');
  const la = lab(g, v, a);
  const lb = lab(g, v, b);
  const t = T(g, v, s);
  const q = gold
    ? by(g, v, {
        journo: [`For my column: how much gold did ${la.name} earn on the goods it sold to ${lb.name} ${t}?`],
        qm: [`Ledger check — sales gold, ${la.name} to ${lb.name}${tail(t)}.`],
        kid: [`how much gold did ${la.name} get for the stuff it sold to ${lb.name} ${t}?`],
        ops: [`sum(value_gold) WHERE from=${a} AND to=${b} ${t}`],
      })
    : by(g, v, {
        journo: [
          `For my column: how many crates were shipped from ${la.name} to ${lb.name} ${t}?`,
          lead(t, `how many crates did ${la.name} send to ${lb.name}?`),
        ],
        qm: [`Tally: crates shipped ${la.name} → ${lb.name}${tail(t)}.`],
        kid: [`how many crates did ${la.name} send to ${lb.name} ${t}?`],
        ops: [`sum(cargo_items) trades WHERE from=${a} AND to=${b} ${t}`],
      });
  return mk(
    form,
    q,
    `${value} ${gold ? 'gold' : 'crates'} (${TOWN_NAMES[a]} → ${TOWN_NAMES[b]}, ${s.label})`,
    (x) => val(x, value, 0),
  );
};

const mOverseas: Maker = (c, v, form) => {
  const { g, h } = c;
  const buy = g.chance(0.55);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const all = inSpan(h.of('port-logic', 'trade'), s).filter(
    (e) => (buy ? e.data.from === 'overseas' : e.data.to === 'overseas') && num(e, 'value_gold') > 0,
  );
  const kinds = [...new Set(all.map((e) => String(e.data.goods)))];
  const what = g.pick(['gold', 'count', 'crates', 'goods'] as const);
  const goods = kinds.length > 0 ? g.pick(kinds) : undefined;
  if (what === 'goods' && goods === undefined) return null;
  const list = what === 'goods' ? all.filter((e) => e.data.goods === goods) : all;
  const value = what === 'count' ? list.length : sumOf(list, what === 'gold' ? 'value_gold' : 'cargo_items');
  const l = lab(g, v, 'port-logic');
  const t = T(g, v, s);
  const dir = buy ? 'from=overseas AND to=port-logic' : 'from=port-logic AND to=overseas';
  const verb = buy ? 'bought from' : 'sold to';
  const noun =
    what === 'gold'
      ? buy
        ? 'gold spent'
        : 'gold earned'
      : what === 'count'
        ? 'deals'
        : what === 'crates'
          ? 'crates'
          : `crates of ${goods}`;
  const q = by(g, v, {
    journo: [
      what === 'gold'
        ? `For my column: how much gold did ${l.name} ${buy ? 'spend buying from' : 'make selling to'} overseas ships ${t}?`
        : what === 'count'
          ? `For my column: how many times did ${l.name} ${buy ? 'buy cargo from' : 'sell cargo to'} an overseas ship ${t}?`
          : `For my column: how many ${noun} did ${l.name} ${buy ? 'buy from' : 'sell to'} overseas ships ${t}?`,
    ],
    qm: [`Ledger check — ${noun}, ${verb} overseas ships, ${l.name}${tail(t)}.`],
    kid: [
      what === 'gold'
        ? `how much gold did ${l.name} ${buy ? 'pay the ships from far away' : 'get from the ships from far away'} ${t}?`
        : what === 'count'
          ? `how many times did ${l.name} ${buy ? 'buy stuff from' : 'sell stuff to'} the overseas ships ${t}?`
          : `how many ${noun} did ${l.name} ${buy ? 'buy from' : 'sell to'} the overseas ships ${t}?`,
    ],
    ops: [
      what === 'count'
        ? `count trades WHERE ${dir} ${t}`
        : `sum(${what === 'gold' ? 'value_gold' : 'cargo_items'}) trades WHERE ${dir}${what === 'goods' ? ` AND goods=${goods}` : ''} ${t}`,
    ],
  });
  return mk(
    form,
    q,
    `${value} ${what === 'gold' ? 'gold' : what === 'count' ? 'trades' : 'crates'} (${buy ? 'bought from' : 'sold to'} overseas, ${s.label})`,
    (a) => val(a, value, 0),
  );
};

const mArrivalsFrom: Maker = (c, v, form) => {
  const { g, h } = c;
  const [from, to] = g.pick(ROUTES);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const n = inSpan(h.of(to, 'arrival'), s).filter((e) => e.data.from === from).length;
  const lf = lab(g, v, from);
  const lt = lab(g, v, to);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [`For my column: how many shipments sent from ${lf.name} actually arrived ${lt.at} ${t}?`],
    qm: [`Tally: deliveries received ${lt.at} from ${lf.name}${tail(t)}.`],
    kid: [`how many deliveries from ${lf.name} got to ${lt.name} ${t}?`],
    ops: [`count arrival events WHERE to=${to} AND from=${from} ${t}`],
  });
  return mk(form, q, `${n} arrivals (${s.label})`, (a) => val(a, n, 0));
};

const mArrivedGoods: Maker = (c, v, form) => {
  const { g, h } = c;
  const to = g.pick(SENDERS);
  const arrivals = h.of(to, 'arrival');
  const kinds = [...new Set(arrivals.map((e) => String(e.data.goods)))].filter((x) => GOODS_WORD[x]);
  if (kinds.length === 0) return null;
  const goods = g.pick(kinds);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const value = sumOf(
    inSpan(arrivals, s).filter((e) => e.data.goods === goods),
    'cargo_items',
  );
  const l = lab(g, v, to);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [
      `For my column: how many crates of ${goods} arrived ${l.at} on shipments from the other towns ${t}?`,
    ],
    qm: [`Ledger check — crates of ${goods} delivered to ${l.name} from the other towns${tail(t)}.`],
    kid: [`how many crates of ${goods} did the other towns' shipments bring to ${l.name} ${t}?`],
    ops: [`sum(cargo_items) arrival events WHERE to=${to} AND goods=${goods} ${t}`],
  });
  return mk(form, q, `${value} crates of ${goods} arrived (${s.label})`, (a) => val(a, value, 0));
};

const mSalesByGoods: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const o = out(`sales-${town}`);
  const kinds = [...new Set(outEvents(h, o).map((e) => String(e.data.goods)))];
  if (kinds.length === 0) return null;
  const goods = g.pick(kinds);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const value = sumOf(
    inSpan(outEvents(h, o), s).filter((e) => e.data.goods === goods),
    'value_gold',
  );
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [
      `For my column: how much gold did ${l.name} earn from selling ${goods} ${t}?`,
      lead(t, `what were ${l.pos} sales of ${goods} worth in gold?`),
    ],
    qm: [`Ledger check — ${goods} sales gold, ${l.name}${tail(t)}.`],
    kid: [`how much gold did ${l.name} get for selling ${goods} ${t}?`],
    ops: [`sum(value_gold) trades WHERE from=${town} AND goods=${goods} ${t}`],
  });
  return mk(form, q, `${value} gold (${goods} sold, ${s.label})`, (a) => val(a, value, 0));
};

// ---------------------------------------------------------------- yes or no

const mDidHap: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS);
  const s = spanOf(g, c.sp, g.pick(['today', 'yesterday', 'day', 'thisWeek', 'lastWeek', 'week']));
  const y1 = inSpan(x.events(h), s).length > 0;
  const y2 = x.alt ? inSpan(x.alt(h), s).length > 0 : y1;
  if (y1 !== y2) return null;
  const l = lab(g, v, x.town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [`For my column: ${x.did(l)} ${t}?`, lead(t, `${x.did(l)}? Readers are asking.`)],
    qm: [`Ledger check — ${x.did(l)}${tail(t)}? Yes or no.`],
    kid: [`${x.did(l)} ${t}?`],
    ops: [`sanity check: any ${x.an(l)} ${t}? y/n`, `EXISTS(${x.an(l)}) ${t}?`],
  });
  return mk(form, q, `${y1 ? 'yes' : 'no'} (${s.label})`, (a) => saysYes(a, y1));
};

const mDidThr: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const s = spanOf(g, c.sp, g.pick(['today', 'yesterday', 'day', 'thisWeek', 'lastWeek', 'week']));
  const value = sumOf(inSpan(outEvents(h, o), s), o.key);
  if (value <= 0) return null;
  const step = s.single ? o.step : o.step * 5;
  const thr = clean(Math.round((value * (0.75 + 0.5 * g.next())) / step) * step);
  if (thr <= 0 || Math.abs(thr - value) < 1e-9) return null;
  const yes = value > thr;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const amount = amountOf(o, thr, v);
  const q = by(g, v, {
    journo: [
      `For my column: did ${S} ${vb.base} more than ${amount} ${t}?`,
      lead(t, `were more than ${amount} ${passVerb(g, o).pp} ${atOf(o, v, l)}?`).replace(
        /^(.*?)were more than (\d[\d,.]* (gold|tons|lbs))/,
        '$1was more than $2',
      ),
    ],
    qm: [`Ledger check — ${ledger(o)} ${at2(o, v, l)}${tail(t)}: over ${fig(thr, v)}? Yes or no.`],
    kid: [`did ${S} ${vb.base} more than ${amount.replace(' fish', ' fishes')} ${t}?`],
    ops: [`sanity check: sum(${o.col}) ${whereOf(o, l)} ${t} > ${thr}? y/n`],
  });
  return mk(form, q, `${yes ? 'yes' : 'no'}: ${unitOf(o, value)} against ${thr} (${s.label})`, (a) =>
    saysYes(a, yes),
  );
};

const mDidCmp: Maker = (c, v, form) => {
  const { g, h } = c;
  const key = g.pick(['temperature_c', 'temperature_c', 'wind_kph', 'rain_mm']);
  const [t1, t2] = g.two(TOWNS);
  const r1 = READS.find((x) => x.town === t1 && x.key === key) as Rd;
  const r2 = READS.find((x) => x.town === t2 && x.key === key) as Rd;
  const s = spanOf(g, c.sp, g.pick(['today', 'yesterday', 'thisWeek', 'lastWeek', 'week', 'day']));
  const v1 = rdValue(h, r1, s);
  const v2 = rdValue(h, r2, s);
  if (Number.isNaN(v1) || Number.isNaN(v2) || Math.abs(v1 - v2) < 0.05) return null;
  const hi = g.chance(0.6);
  const yes = hi ? v1 > v2 : v1 < v2;
  const l1 = lab(g, v, t1);
  const l2 = lab(g, v, t2);
  const t = T(g, v, s);
  const cmp = hi ? r1.cmpHi : r1.cmpLo;
  const q = by(g, v, {
    journo: [`For a weather piece: ${cmp} ${l1.at} than ${l2.at} ${t}?`],
    qm: [`Ledger check — ${cmp} ${l1.at} than ${l2.at}${tail(t)}? Yes or no.`],
    kid: [`${cmp} ${l1.at} than ${l2.at} ${t}?`],
    ops: [`${r1.sum ? 'sum' : 'avg'}(${key}) ${t1} ${hi ? '>' : '<'} ${t2} ${t}? y/n`],
  });
  return mk(form, q, `${yes ? 'yes' : 'no'}: ${rdUnit(r1, v1)} against ${rdUnit(r1, v2)} (${s.label})`, (a) =>
    saysYes(a, yes),
  );
};

// ---------------------------------------------------------------- trends

const TREND_OUTS = [
  'fish',
  'harvest',
  'flour',
  'ore',
  'drinks',
  'trinkets',
  'nets',
  'ropes',
  'tools',
  'learned',
];
const TREND_SPANS: readonly SpanKind[] = [
  'thisMonth',
  'lastMonth',
  'past2w',
  'lastK',
  'pastYear',
  'whole',
  'days',
];

const mTrendOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = out(g.pick(TREND_OUTS));
  const s = spanOf(g, c.sp, g.pick(TREND_SPANS));
  if (s.to - s.from < 6 || !everyDay(h, o, s)) return null;
  const m = daily(inSpan(outEvents(h, o), s), o.key);
  const b = slope([...m].map(([d, x]) => [d, x]));
  if (!Number.isFinite(b) || Math.abs(b) < 0.005 || onEdge(b, 2)) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const q = by(g, v, {
    journo: [
      `For my column: has the daily total of ${ledger(o)} ${at2(o, v, l)} been going up or down ${t}? Give the trend per day.`,
    ],
    qm: [`Ledger check — trend of daily ${ledger(o)} ${at2(o, v, l)}${tail(t)}, slope per day.`],
    kid: [`is the ${ledger(o)} ${at2(o, v, l)} going up or down every day ${t}? by how much a day?`],
    ops: [
      `slope of daily sum(${o.col}) ${whereOf(o, l)} ${t}`,
      `p: ${opsOf(o, l)} ${t} trend/day (least squares)?`,
    ],
  });
  return mk(form, q, `${fmt(b, 3)} ${o.unit}/day (least-squares slope, ${s.label})`, (a) => signed(a, b, 2));
};

const mTrendRd: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(
    READS.filter((x) =>
      ['temperature_c', 'pressure_hpa', 'humidity_pct', 'wind_kph', 'rain_mm'].includes(x.key),
    ),
  );
  const s = spanOf(g, c.sp, g.pick(TREND_SPANS));
  if (s.to - s.from < 6) return null;
  const m = daily(inSpan(sensors(h, r.town), s), r.key, !r.sum);
  const b = slope([...m].map(([d, x]) => [d, x]));
  if (!Number.isFinite(b) || Math.abs(b) < 0.005 || onEdge(b, 2)) return null;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const noun = rdNoun(g, r);
  const series = r.sum ? 'daily rainfall' : `daily average ${noun}`;
  const q = by(g, v, {
    journo: [
      lead(
        t,
        `has the ${series} ${l.at} been rising or falling, and by how much per day? It's for a weather piece.`,
      ),
    ],
    qm: [`Ledger check — trend of the ${series} ${l.at}${tail(t)}, per day.`],
    kid: [`is the ${series} ${l.at} going up or down ${t}? how much each day?`],
    ops: [`slope ${r.sum ? 'daily sum' : 'daily avg'} ${rdCol(r)} ${l.name} ${t}`],
  });
  return mk(form, q, `${fmt(b, 3)} ${r.unit}/day (slope of ${series}, ${s.label})`, (a) => signed(a, b, 2));
};

// ---------------------------------------------------------------- typos

/** Nouns, verbs and town names a typo may fall on, each with misspellings that are no other word. */
const TYPOS: Record<string, readonly string[]> = {
  fish: ['fsih', 'fishh'],
  caught: ['cuaght', 'caugt'],
  catch: ['cacth', 'catchh'],
  landed: ['landde', 'lannded'],
  haul: ['haull'],
  harvest: ['harvset', 'harvst'],
  harvested: ['harvsted', 'havrested'],
  grain: ['grian', 'graain'],
  flour: ['flouur', 'folur'],
  milled: ['mileld', 'milld'],
  mined: ['minned', 'mnied'],
  trinkets: ['trinkest', 'trinkts'],
  drinks: ['drniks', 'drinsk'],
  poured: ['pourde', 'poued'],
  arrows: ['arrwos', 'arows'],
  pirates: ['piartes', 'pirtes'],
  raids: ['riads', 'raidss'],
  raid: ['raidd'],
  shipments: ['shipmetns', 'shipmnts'],
  shipment: ['shipmnet', 'shippment'],
  rained: ['rianed', 'raned'],
  rain: ['rainn'],
  temperature: ['temperatrue', 'temprature'],
  humidity: ['humidty', 'humdity'],
  pressure: ['presure', 'pressrue'],
  windiest: ['windeist', 'windist'],
  warmest: ['warmets', 'wramest'],
  coldest: ['coldset', 'colddest'],
  wettest: ['wetest', 'wettset'],
  storm: ['stomr', 'storrm'],
  robbed: ['robbde', 'robebd'],
  forge: ['forgge', 'fogre'],
  forged: ['forgde', 'froged'],
  tools: ['toosl', 'tolos'],
  ropes: ['rpoes', 'ropse'],
  fishermen: ['fishremen', 'fihsermen'],
  miners: ['minres', 'minerss'],
  farms: ['farsm', 'farmms'],
  mines: ['minse', 'miness'],
  port: ['prot', 'portt'],
  harbour: ['harbuor', 'habrour'],
  island: ['islnad', 'isand'],
  circuiton: ['circuitno', 'circuton'],
  patchbourough: ['patchboruough', 'patchbourogh'],
  thieves: ['theives', 'thievse'],
  logic: ['loigc', 'logc'],
  gold: ['glod', 'goldd'],
  sales: ['saels', 'saless'],
  crates: ['crtaes', 'cratse'],
  surplus: ['surpuls', 'surplsu'],
  flooded: ['floodde', 'fooded'],
  overseas: ['oversaes', 'overseaas'],
  reading: ['readnig', 'readng'],
  deliveries: ['deliveires', 'delivries'],
  taught: ['tuaght'],
  pupils: ['pupisl', 'puplis'],
  average: ['avreage', 'averge'],
  plunder: ['plundre', 'pluner'],
  stolen: ['stolne', 'stoeln'],
  trend: ['trned', 'trennd'],
  correlation: ['corelation', 'correlaiton'],
  blacksmith: ['blacksmtih', 'blaksmith'],
  smelted: ['smeltde', 'smleted'],
  fletched: ['fletchde', 'flecthed'],
  earned: ['earend', 'eanred'],
  received: ['recieved', 'receivde'],
  shipped: ['shippd', 'shiped'],
};

/** The misspelling, cased like the word it replaces ("PatchBourough" → "PatchBoruough"). */
function caseLike(original: string, typo: string): string {
  return [...typo]
    .map((ch, i) =>
      original[i] !== undefined && original[i] !== original[i]?.toLowerCase() ? ch.toUpperCase() : ch,
    )
    .join('');
}

/** One typo in a word of the question, or none when no word takes one. */
function withTypo(g: Gen, question: string): { question: string; typo: string } | null {
  // Not inside a field name or a town's id ("rain_mm", "port-logic", "from=overseas").
  const found = [...question.matchAll(/[A-Za-z]+/g)].filter((m) => {
    const at = m.index ?? 0;
    const around = `${question[at - 1] ?? ' '}${question[at + m[0].length] ?? ' '}`;
    return TYPOS[m[0].toLowerCase()] !== undefined && !/[_=-]/.test(around);
  });
  if (found.length === 0) return null;
  const m = g.pick(found);
  const word = m[0];
  const typo = caseLike(word, g.pick(TYPOS[word.toLowerCase()] as readonly string[]));
  const at = m.index ?? 0;
  return {
    question: question.slice(0, at) + typo + question.slice(at + word.length),
    typo: `${word} → ${typo}`,
  };
}

// ---------------------------------------------------------------- the set

/** Each form, its makers and its quota per history (320 in all). */
const PLAN: readonly [string, readonly Maker[], number][] = [
  [
    'compare',
    [mWeeksOut, mWeeksOut, mWeeksRd, mTownsRd, mTownsRd, mTownsSales, mPeople, mPeople, mRobbedTowns],
    45,
  ],
  ['extreme-day', [mBestDay, mBestDay, mRdDay], 38],
  ['count', [mCount], 29],
  ['days', [mHapDays, mHapDays, mNoHapDays, mDailyOver, mMeanOver, mDry], 32],
  ['which-day', [mDayOfBest, mDayOfEv, mFirstLast, mFirstLast, mDayOfReading], 26],
  ['did', [mDidHap, mDidHap, mDidThr, mDidCmp], 26],
  [
    'filter',
    [
      mRaidByTarget,
      mRaidByGoods,
      mLossByGoods,
      mRoute,
      mOverseas,
      mArrivalsFrom,
      mArrivedGoods,
      mSalesByGoods,
    ],
    32,
  ],
  ['max', [mEvMax, mEvMax, mRobMax, mBuyMax, mReading, mReading], 22],
  [
    'scope',
    [mTotal, mCount, mEvMax, mBestDay, mHapDays, mRaidByTarget, mReading, mWho, mRdMean, mSalesByGoods],
    19,
  ],
  [
    'typo',
    [
      mTotal,
      mCount,
      mBestDay,
      mHapDays,
      mDidHap,
      mEvMax,
      mWeeksOut,
      mTownsRd,
      mRaidByTarget,
      mWho,
      mRdMean,
      mFirstLast,
    ],
    19,
  ],
  ['who', [mWho], 16],
  ['trend-mean', [mTrendOut, mTrendRd, mRdMean, mPerDay, mPerEv], 16],
];

export function buildNaturalP(events: RawEvent[], today: number): Case[] {
  const g = new Gen(mulberry(hashHistory(events) ^ 0x707070));
  const h = new Hist(events, today);
  const c: Ctx = { g, h, sp: new Spans(today), N: today };
  const cases: PCase[] = [];
  const seen = new Set<string>();
  for (const [form, makers, quota] of PLAN) {
    let made = 0;
    let voice = g.int(0, 3);
    for (let tries = 0; made < quota && tries < quota * 200; tries++) {
      const v = VOICES[voice % 4] as Voice;
      const cand = g.pick(makers)(c, v, form);
      if (!cand) continue;
      let question = cand.question;
      let typo: string | undefined;
      if (form === 'typo') {
        // One or two realistic typos in the verbs, metrics and town names.
        const one = withTypo(g, question);
        if (!one) continue;
        question = one.question;
        typo = one.typo;
        const two = g.chance(0.4) ? withTypo(g, question) : null;
        if (two) {
          question = two.question;
          typo = `${typo}; ${two.typo}`;
        }
      }
      if (seen.has(question.toLowerCase())) continue;
      seen.add(question.toLowerCase());
      made++;
      voice++;
      cases.push({
        form: cand.form,
        question,
        truth: cand.truth,
        ...(typo !== undefined ? { typo } : {}),
        check: (reply: Reply) => cand.check(reply.answer),
      });
    }
    if (made < quota) throw new Error(`natural-p: the ${form} quota did not fill (${made} of ${quota})`);
  }
  return cases;
}

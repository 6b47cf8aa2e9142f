/**
 * A development set written from the world definition (src/world), eval/CONVENTIONS.md, eval/checks.ts
 * and the design seeds, without reading the planner or the held-out sets, in four plain-English voices
 * none of the earlier sets used: a game designer tuning the world's balance ("Balance pass: …", "Is the
 * forge cold too often?"); a world builder writing lore and checking facts ("For the chronicle of the
 * realm: …", "Which was the grimmest day for the fishing fleet?"); a new player who just joined and asks
 * simple, sometimes ungrammatical questions ("how much fish port catch this week?"); and a QA tester who
 * writes each question twice in different words (both wordings are cases of their own). The towns go by
 * their names and by the nicknames the world declares (the port, the harbour, the docks, the farms,
 * Patch, the mines, the mountain town, the Den, the island); the time phrase stands first, in the middle
 * or last. Every truth is computed here from the raw events; the people and roles come from people.ts.
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
  saysNotYet,
  saysYes,
  states,
  TOWN_NAMES,
} from './checks.ts';

type Voice = 'design' | 'lore' | 'newbie' | 'qa';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
/** The towns that send goods down the routes, and so can be robbed. */
const SENDERS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton'];
const VOICES: readonly Voice[] = ['design', 'lore', 'newbie', 'qa'];

interface QCase extends Case {
  typo?: string;
}

// ---------------------------------------------------------------- a seeded generator

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

/**
 * mulberry32 with its state in the open, so that a question can be made twice from the same draws: the
 * QA tester's second wording picks the next template (`alt`) and otherwise the same town, time and value.
 */
class Gen {
  alt = false;
  constructor(public state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** A wording: the second of the QA tester's two takes the one after the first's. */
  word<T>(xs: readonly T[]): T {
    const i = Math.floor(this.next() * xs.length);
    return xs[this.alt ? (i + 1) % xs.length : i] as T;
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
    .replace(/\(\s*\)/g, '')
    .trim()
    .replace(/[,:]$/, '');
const fmt = (v: number, d: number) => round(v, d).toFixed(d);
/** A figure as a person writes it: 1,500 (the new player writes 1500). */
const fig = (v: number, v2: Voice) => (v2 === 'newbie' ? String(v) : v.toLocaleString('en-US'));
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
  design: {
    'port-logic': [
      L('Port Logic', 'in Port Logic'),
      L('the port', 'at the port'),
      L('the harbour', 'at the harbour'),
    ],
    patchbourough: [
      L('PatchBourough', 'in PatchBourough'),
      L('Patch', 'in Patch'),
      L('the farms', 'on the farms'),
    ],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mountain town', 'in the mountain town')],
    'den-of-thieves': [L('the Den of Thieves', 'in the Den of Thieves'), L('the Den', 'in the Den')],
  },
  lore: {
    'port-logic': [L('Port Logic', 'in Port Logic'), L('the harbour', 'at the harbour')],
    patchbourough: [L('PatchBourough', 'in PatchBourough'), L('the river town', 'in the river town')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mountain town', 'in the mountain town')],
    'den-of-thieves': [
      L('the Den of Thieves', 'in the Den of Thieves'),
      L('the pirate island', 'on the pirate island'),
    ],
  },
  newbie: {
    'port-logic': [
      L('Port Logic', 'in Port Logic'),
      L('the port', 'at the port'),
      L('the docks', 'at the docks'),
    ],
    patchbourough: [
      L('PatchBourough', 'in PatchBourough'),
      L('Patch', 'in Patch'),
      L('the farms', 'at the farms'),
    ],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mines', 'at the mines')],
    'den-of-thieves': [L('the Den', 'in the Den'), L('the island', 'on the island')],
  },
  qa: {
    'port-logic': [
      L('Port Logic', 'in Port Logic'),
      L('the harbour', 'at the harbour'),
      L('the port', 'at the port'),
    ],
    patchbourough: [L('PatchBourough', 'in PatchBourough'), L('the farms', 'on the farms')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mining town', 'in the mining town')],
    'den-of-thieves': [L('the Den of Thieves', 'in the Den of Thieves'), L('the island', 'on the island')],
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

const sameSay = (...s: string[]): Record<Voice, readonly string[]> => ({
  design: s,
  lore: s,
  newbie: s,
  qa: s,
});
/** 21 → "21st". */
const nth = (d: number) =>
  `${d}${d % 100 >= 11 && d % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][d % 10] ?? 'th')}`;
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

class Spans {
  constructor(readonly N: number) {}
  private mk(from: number, to: number, say: Record<Voice, readonly string[]>, whole = false): Span {
    const f = Math.max(1, from);
    const t = Math.min(this.N, to);
    return { from: f, to: t, say, whole, label: f === t ? `day ${f}` : `days ${f}–${t}`, single: f === t };
  }
  today() {
    return this.mk(this.N, this.N, {
      design: ['today'],
      lore: ['today', 'on this very day'],
      newbie: ['today'],
      qa: ['today', 'on the current day'],
    });
  }
  yesterday() {
    return this.mk(this.N - 1, this.N - 1, sameSay('yesterday'));
  }
  day(d: number) {
    return this.mk(d, d, {
      design: [`on day ${d}`],
      lore: [`on day ${d}`, `on the ${nth(d)} day`],
      newbie: [`on day ${d}`, `day ${d}`],
      qa: [`on day ${d}`, `during day ${d}`],
    });
  }
  days(a: number, b: number) {
    return this.mk(a, b, {
      design: [`between day ${a} and day ${b}`, `over days ${a}-${b}`],
      lore: [`from day ${a} to day ${b}`, `between day ${a} and day ${b}`],
      newbie: [`from day ${a} to ${b}`, `day ${a} to day ${b}`],
      qa: [`from day ${a} through day ${b}`, `between days ${a} and ${b}`],
    });
  }
  week(w: number) {
    return this.mk(7 * w - 6, 7 * w, {
      design: [`in week ${w}`, `during week ${w}`],
      lore: [`in the ${ORD[w - 1]} week`, `in week ${w}`],
      newbie: [`in week ${w}`, `week ${w}`],
      qa: [`in week ${w}`, `during week ${w}`],
    });
  }
  lastWeek() {
    return this.mk(this.N - 7, this.N - 1, sameSay('last week'));
  }
  thisWeek() {
    return this.mk(this.N - 6, this.N, {
      design: ['this week', 'over the past seven days'],
      lore: ['this week', 'in the past seven days'],
      newbie: ['this week'],
      qa: ['this week', 'over the past 7 days'],
    });
  }
  lastK(k: number) {
    return this.mk(this.N - k + 1, this.N, {
      design: [`over the last ${k} days`],
      lore: [`in the last ${k} days`],
      newbie: [`last ${k} days`, `in the last ${k} days`],
      qa: [`over the last ${k} days`, `in the past ${k} days`],
    });
  }
  past2w() {
    return this.mk(this.N - 13, this.N, {
      design: ['over the past two weeks'],
      lore: ['in the last two weeks'],
      newbie: ['last two weeks'],
      qa: ['over the past 14 days', 'in the last two weeks'],
    });
  }
  lastMonth() {
    return this.mk(this.N - 30, this.N - 1, sameSay('last month'));
  }
  thisMonth() {
    return this.mk(this.N - 29, this.N, {
      design: ['this month', 'over the past 30 days'],
      lore: ['this month'],
      newbie: ['this month'],
      qa: ['this month', 'in the past 30 days'],
    });
  }
  pastYear() {
    return this.mk(this.N - 364, this.N, {
      design: ['over the past year'],
      lore: ['in the past year'],
      newbie: ['this past year'],
      qa: ['over the past year', 'in the last 365 days'],
    });
  }
  whole() {
    return this.mk(
      1,
      this.N,
      {
        design: ['over the whole run', 'so far', ''],
        lore: ['in all the history of the realm', 'since the chronicle began', ''],
        newbie: ['ever', ''],
        qa: ['over the entire history', 'of all time', ''],
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

/** A value that sits on a rounding edge at `d` decimals, or at one or two more (an answer may write more): skipped. */
const edge1 = (v: number, d: number) => Math.abs(((Math.abs(v) * 10 ** d) % 1) - 0.5) < 1e-6;
const onEdge = (v: number, d: number) => edge1(v, d) || edge1(v, d + 1) || edge1(v, d + 2);

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
/** How a voice calls a person: the new player and the world builder often by first name, the others in full. */
function callP(g: Gen, v: Voice, p: Person): string {
  if ((v === 'newbie' || v === 'lore') && p.keys.length > 0 && g.chance(0.6)) return p.keys[0] as string;
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
    subj: (_v, l) => [l.name, `the fishermen ${l.at}`],
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
    subj: (_v, l) => [l.name, `the net loft ${l.at}`],
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
    subj: (_v, l) => [l.name, `the rope makers ${l.at}`],
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
    subj: (_v, l) => [l.name, `the farmers ${l.at}`],
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
    subj: (_v, l) => [l.name, `the mill ${l.at}`],
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
    subj: (_v, l) => [l.name, `the forge ${l.at}`, 'the blacksmith'],
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
    subj: (_v, l) => [l.name, `the miners ${l.at}`],
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
    subj: (_v, l) => [l.name, `the smelter ${l.at}`],
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
    subj: (_v, l) => ['John', `the workshop ${l.at}`, l.name],
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
    subj: (v, l) => (v === 'lore' ? [`the Academy ${l.at}`] : ['the Academy']),
    at: (v, l) => (v === 'lore' ? `at the Academy ${l.at}` : 'at the Academy'),
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
    subj: (_v, l) => [`the tavern ${l.at}`, l.name, 'Greta'],
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
    subj: (_v, l) => ['Skiv', `the fletcher ${l.at}`, l.name],
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
    subj: () => ['the pirates'],
    at: () => 'by the pirates',
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
      subj: (_v, l) => [l.name, `the traders ${l.at}`],
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
const atOf = (o: Out, v: Voice, l: Label) => (o.at ? o.at(v, l) : l.at);
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

const lab = (g: Gen, v: Voice, t: Town) => g.word(LABELS[v][t]);
const T = (g: Gen, v: Voice, s: Span) => g.word(s.say[v]);
/** One of the voice's wordings. */
const by = (g: Gen, v: Voice, s: Say) => g.word(s[v]);
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

/** How the designer and the world builder open a question. */
const DES = ['Balance pass:', 'Tuning check:', 'For the balance sheet:', 'Quick balance question:'];
const LORE = [
  'For the chronicle of the realm:',
  'For the lore book:',
  'Chronicle fact-check:',
  'For the annals:',
];
const NEW = ['hi im new here,', 'new player here:', 'sorry if this is a dumb question but', 'hey,', ''];
const dp = (g: Gen) => g.word(DES);
const lp = (g: Gen) => g.word(LORE);
const np = (g: Gen) => g.word(NEW);

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

/** An output's line as a person names it. */
const LINE: Record<string, string> = {
  fish: 'fish caught',
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
  'sales-port-logic': 'gold from sales',
  'sales-patchbourough': 'gold from sales',
  'sales-circuiton': 'gold from sales',
};
const line = (o: Out) => LINE[o.id] as string;
/** The thing counted ("fish"), for "the most …"; the harvest is always said with its verb. */
const thingOf = (o: Out) => o.thing;

/** "1,500 fish", "8 tons of ore", "400 gold". */
function amountOf(o: Out, thr: number, v: Voice): string {
  if (o.many) return `${fig(thr, v)} ${o.thing}`;
  if (o.id.startsWith('sales')) return `${fig(thr, v)} gold from sales`;
  if (o.unit === 'gold') return `${fig(thr, v)} gold`;
  return `${fig(thr, v)} ${o.unit} of ${o.thing}`;
}
/** Where a day's total happened ("in Port Logic"; the pirates' raids need no place but the island). */
const placeOf = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? l.at : atOf(o, v, l));
/** Where a single event happened; a raid needs no place. */
const evAtOf = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? '' : atOf(o, v, l));
const at2 = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? '' : atOf(o, v, l));

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
    design: [
      `${dp(g)} ${hw.h} did ${S} ${vb.base} ${t}?`,
      lead(t, `${hw.h} ${hw.aux} ${pv.pp} ${at}? Checking the economy for balance.`),
      `I'm tuning the output curve: what was the total ${line(o)} ${at} ${t}?`,
    ],
    lore: [
      `${lp(g)} ${hw.h} did ${S} ${vb.base} ${t}?`,
      lead(t, `${hw.h} ${hw.aux} ${pv.pp} ${at}, for the chronicle?`),
    ],
    newbie: [
      `${np(g)} ${hw.h} did ${S} ${vb.base} ${t}`,
      `${hw.h} ${S} ${vb.past} ${t}?`,
      lead(t, `how ${manyMuch(o)} ${thingOf(o)} total ${at}?`).replace(
        'how much grain',
        'how much grain harvested',
      ),
    ],
    qa: [
      `What was the total ${line(o)} ${at} ${t}?`,
      lead(t, `${hw.h} ${hw.aux} ${pv.pp} ${at} in total?`),
      `${cap(hw.h)} did ${S} ${vb.base} ${t}, summed over the period?`,
    ],
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
    design: [
      `${dp(g)} what was the average ${noun} ${l.at} ${t}?`,
      lead(t, `what did the ${noun} average ${l.at}? I want to know if the climate feels right.`),
    ],
    lore: [
      `${lp(g)} what was the mean ${noun} ${l.at} ${t}?`,
      warm
        ? lead(t, `how warm was ${l.name} on average? The chronicle should say.`)
        : lead(t, `what ${noun} did ${l.name} have on average? The chronicle should say.`),
    ],
    newbie: warm
      ? [`${np(g)} how warm is it ${l.at} on average ${t}?`, `average temp ${l.at} ${t}?`]
      : [`${np(g)} whats the average ${noun} ${l.at} ${t}`, `average ${noun} ${l.at} ${t}?`],
    qa: [
      `What was the average ${noun} ${l.at} ${t}?`,
      lead(t, `what was the mean of the ${noun} readings taken ${l.at}?`),
    ],
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
    design: [
      `${dp(g)} ${hw.h} did ${S} ${vb.base} per day on average ${t}?`,
      lead(t, `what was the average daily ${line(o)} ${placeOf(o, v, l)}? I'm checking the per-day rate.`),
    ],
    lore: [
      `${lp(g)} on an average day ${t}, ${hw.h} did ${S} ${vb.base}?`,
      lead(
        t,
        `how ${manyMuch(o)} ${o.id === 'harvest' ? 'grain was harvested' : thingOf(o)} ${placeOf(o, v, l)} on a typical day, on average?`,
      ),
    ],
    newbie: [
      `${np(g)} ${hw.h} did ${S} ${vb.base} a day on average ${t}?`,
      `average per day ${line(o)} ${placeOf(o, v, l)} ${t}?`,
    ],
    qa: [
      `What was the average per day of ${line(o)} ${placeOf(o, v, l)} ${t}?`,
      lead(t, `${hw.h} did ${S} ${vb.base} per day, on average?`),
    ],
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
  const thing =
    o.id.startsWith('sales') || o.id === 'raid' ? 'gold' : o.id === 'harvest' ? 'grain harvested' : o.thing;
  const at = evAtOf(o, v, l);
  const q = by(g, v, {
    design: [
      `${dp(g)} what was the average ${thing} ${o.perEv} ${at} ${t}?`,
      lead(t, `how much ${thing} came ${o.perEv} on average ${at}?`),
    ],
    lore: [
      `${lp(g)} on average, how much ${thing} was there ${o.perEv} ${at} ${t}?`,
      lead(t, `what did a typical ${o.perEv.replace('per ', '')} yield ${at}, on average, in ${thing}?`),
    ],
    newbie: [
      `${np(g)} average ${thing} ${o.perEv} ${at} ${t}?`,
      `how much ${thing} ${o.perEv} usually ${at} ${t}`,
    ],
    qa: [
      `What was the mean ${thing} ${o.perEv} ${at} ${t}?`,
      lead(t, `what was the average amount of ${thing} ${o.perEv} ${at}?`),
    ],
  });
  return mk(
    form,
    q,
    `${fmt(m, Math.max(o.dec, 2))} ${o.unit} ${o.perEv} (${list.length} events, ${s.label})`,
    (a) => val(a, m, o.dec),
  );
};

// ---------------------------------------------------------------- the best and worst day

/** "the grimmest day for the fishing fleet" and its like: the world builder's worst day. */
const GRIM: Record<string, string> = {
  fish: 'the fishing fleet',
  harvest: 'the farmers',
  flour: 'the mill',
  tools: 'the forge',
  ore: 'the miners',
  drinks: 'the tavern',
  arrows: 'the fletcher',
  trinkets: 'the workshop',
  nets: 'the net loft',
  ropes: 'the rope makers',
};

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
  const th = thingOf(o);
  const grim = GRIM[o.id];
  const q = by(g, v, {
    design: [
      `${dp(g)} which single day ${t} did ${S} ${vb.base} the ${most} ${th}, and how ${manyMuch(o)} was that day's total?`,
      lead(
        t,
        `what was the ${hi ? 'best' : 'worst'} day for ${line(o)} ${at}, and its daily total? I'm looking for ${hi ? 'spikes' : 'dips'}.`,
      ),
    ],
    lore: [
      grim && !hi
        ? `${lp(g)} which was the grimmest day for ${grim} ${at} ${t}, and how ${manyMuch(o)} ${o.id === 'harvest' ? 'grain was harvested' : th} that day?`
        : `${lp(g)} on which day ${t} did ${S} ${vb.base} the ${most} ${th}, and how ${manyMuch(o)}?`,
      lead(
        t,
        `which day saw the ${hi ? 'greatest' : 'smallest'} ${line(o)} ${at}, and what was the day's total?`,
      ),
    ],
    newbie: [
      `${np(g)} what day did ${S} ${vb.base} the ${most} ${th} ${t} and how ${manyMuch(o)}`,
      `${hi ? 'best' : 'worst'} day for ${line(o)} ${at} ${t}? how ${manyMuch(o)} that day?`,
    ],
    qa: [
      `On which day ${t} was the daily total of ${line(o)} ${at} ${hi ? 'highest' : 'lowest'}, and what was it?`,
      lead(
        t,
        `which day had the ${hi ? 'largest' : 'smallest'} total ${line(o)} ${at}? Give the day and the total.`,
      ),
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
  const q = r.sum
    ? by(g, v, {
        design: [
          `${dp(g)} which was the wettest day ${l.at} ${t}, and how much rain fell that day?`,
          lead(t, `what day got the most rain ${l.at}, and how many mm in total that day?`),
        ],
        lore: [
          `${lp(g)} on which day ${t} did the most rain fall ${l.at}, and how much?`,
          lead(t, `which was the wettest day ${l.at}, and what was its rainfall?`),
        ],
        newbie: [
          `${np(g)} rainiest day ${l.at} ${t}? how much rain`,
          `wettest day ${l.at} ${t} and how much rain fell?`,
        ],
        qa: [
          `Which day ${t} had the highest total rainfall ${l.at}, and what was the total?`,
          lead(t, `on what day did it rain the most ${l.at}? State the day and the millimetres.`),
        ],
      })
    : by(g, v, {
        design: [
          `${dp(g)} which was ${dn} ${l.at} ${t}, and what was that day's average ${noun}?`,
          lead(t, `what was ${dn} ${l.at}, with the day's mean ${noun}?`),
        ],
        lore: [
          `${lp(g)} ${dn} ${l.at} ${t} — which day, and what was the day's average ${noun}?`,
          lead(t, `which day was ${dn} ${l.at}, and what was the average ${noun} that day?`),
        ],
        newbie: [
          `${np(g)} ${dn} ${l.at} ${t}? and the average ${noun} that day?`,
          `which day was ${dn} ${l.at} ${t}, average ${noun}?`,
        ],
        qa: [
          `Which day ${t} was ${dn} ${l.at}, judged by the daily average ${noun}, and what was that average?`,
          lead(t, `identify ${dn} ${l.at} and give its daily mean ${noun}.`),
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
  const cold = x.id === 'cold';
  const q = by(g, v, {
    design: cold
      ? [
          `Is the forge cold too often? How many days ${t} was the forge ${l.at} cold?`,
          lead(t, `on how many separate days did the forge ${l.at} go cold? ${dp(g)} checking its uptime.`),
        ]
      : [
          `${dp(g)} on how many days ${did} ${t}?`,
          lead(t, `on how many distinct days ${did}? I'm checking how often it happens.`),
        ],
    lore: [
      `${lp(g)} on how many days ${did} ${t}?`,
      lead(t, `how many different days were there when ${x.clause(l)}?`),
    ],
    newbie: [`${np(g)} how many days ${did} ${t}`, lead(t, `how many days ${did}?`)],
    qa: [
      `On how many distinct days ${t} ${did}?`,
      lead(t, `count the days (not the events) on which ${x.clause(l)}.`),
    ],
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
    design: [
      `${dp(g)} on how many days ${t} did it not happen that ${x.clause(l)}?`,
      lead(t, `how many days passed without this happening: ${x.clause(l)}?`),
    ],
    lore: [
      `${lp(g)} how many days ${t} went by without it being recorded that ${x.clause(l)}?`,
      lead(t, `on how many days was it NOT the case that ${x.clause(l)}?`),
    ],
    newbie: [
      `${np(g)} how many days ${t} did it not happen that ${x.clause(l)}?`,
      `how many days without: ${x.clause(l)}, ${t}?`,
    ],
    qa: [
      `On how many days ${t} did it not happen that ${x.clause(l)}?`,
      lead(t, `count the days on which it was not recorded that ${x.clause(l)}.`),
    ],
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
    design: [
      `${dp(g)} on how many days ${t} did ${S} ${vb.base} ${cmp} ${amount} in the day?`,
      lead(
        t,
        `how many days had a daily total of ${line(o)} ${at2(o, v, l)} ${over ? 'above' : 'below'} ${fig(thr, v)}?`,
      ),
    ],
    lore: [
      `${lp(g)} how many days ${t} did ${S} ${vb.base} ${cmp} ${amount} in a single day?`,
      lead(t, `on how many days did the day's ${line(o)} ${at2(o, v, l)} come to ${cmp} ${fig(thr, v)}?`),
    ],
    newbie: [
      `${np(g)} how many days did ${S} ${vb.base} ${cmp} ${amount} ${t}`,
      `days with ${cmp} ${amount} ${at2(o, v, l)} ${t}?`,
    ],
    qa: [
      `On how many days ${t} was the daily total of ${line(o)} ${at2(o, v, l)} ${over ? 'greater' : 'less'} than ${fig(thr, v)}?`,
      lead(t, `how many days did ${S} ${vb.base} ${cmp} ${amount} in the day?`),
    ],
  });
  return mk(form, q, `${n} days (daily total ${over ? '>' : '<'} ${thr}, ${s.label})`, (a) => val(a, n, 0));
};

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
    design: [
      `${dp(g)} on how many days ${t} was the daily average ${noun} ${l.at} ${over ? 'above' : 'below'} ${u}?`,
      lead(t, `how many days averaged ${over ? 'over' : 'under'} ${u} of ${noun} ${l.at}?`),
    ],
    lore: [
      `${lp(g)} how many days ${t} did the ${noun} ${l.at} average ${over ? 'more' : 'less'} than ${u}?`,
      lead(t, `on how many days was the mean ${noun} ${l.at} ${over ? 'higher' : 'lower'} than ${u}?`),
    ],
    newbie: [
      `${np(g)} how many days was the average ${noun} ${l.at} ${over ? 'over' : 'under'} ${u} ${t}`,
      `days with average ${noun} ${over ? 'above' : 'below'} ${u} ${l.at} ${t}?`,
    ],
    qa: [
      `On how many days ${t} was the daily mean ${noun} ${l.at} ${over ? 'above' : 'below'} ${u}?`,
      lead(t, `count the days whose average ${noun} ${l.at} was ${over ? 'greater' : 'less'} than ${u}.`),
    ],
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
    design: [
      `${dp(g)} how many completely dry days did ${l.name} get ${t}?`,
      lead(t, `how many days without any rain were there ${l.at}?`),
    ],
    lore: [
      `${lp(g)} how many days ${t} passed ${l.at} without a drop of rain?`,
      lead(t, `how many dry days did ${l.name} have?`),
    ],
    newbie: [`${np(g)} how many days no rain ${l.at} ${t}?`, `how many dry days ${l.at} ${t}`],
    qa: [
      `How many days ${t} had no rain at all ${l.at}?`,
      lead(t, `on how many days was no rain recorded ${l.at}?`),
    ],
  });
  return mk(form, q, `${n} dry days (${s.label})`, (a) => val(a, n, 0));
};

/** Two happenings on the same day (the seeds' "both on the same day"). */
const BOTH: readonly [string, string][] = [
  ['surplus', 'flood'],
  ['rain-port-logic', 'rain-den-of-thieves'],
  ['rain-patchbourough', 'rain-circuiton'],
  ['storm-port-logic', 'storm-den-of-thieves'],
  ['fine', 'surplus'],
  ['cold', 'idle'],
  ['raid', 'storm-port-logic'],
  ['empty', 'rain-port-logic'],
];
const hap = (id: string) => HAPS.find((x) => x.id === id) as Hap;

const mBoth: Maker = (c, v, form) => {
  const { g, h } = c;
  const [i1, i2] = g.pick(BOTH);
  const x1 = hap(i1);
  const x2 = hap(i2);
  const s = spanFor(c, form, [...MULTI, 'pastYear', 'whole']);
  const d2 = new Set(hapDays(x2.events(h), s));
  const n = hapDays(x1.events(h), s).filter((d) => d2.has(d)).length;
  const l1 = lab(g, v, x1.town);
  const l2 = lab(g, v, x2.town);
  const t = T(g, v, s);
  const q = by(g, v, {
    design: [
      `${dp(g)} on how many days ${t} did both of these happen on the same day: ${x1.clause(l1)}, and ${x2.clause(l2)}?`,
      lead(t, `how many days saw both of these at once: ${x1.clause(l1)} and ${x2.clause(l2)}?`),
    ],
    lore: [
      `${lp(g)} on how many days ${t} was it recorded both that ${x1.clause(l1)} and that ${x2.clause(l2)}?`,
      lead(t, `how many days were there when ${x1.clause(l1)} and, on the same day, ${x2.clause(l2)}?`),
    ],
    newbie: [
      `${np(g)} how many days ${t} did both happen same day: ${x1.clause(l1)} and ${x2.clause(l2)}`,
      `days when ${x1.clause(l1)} and also ${x2.clause(l2)} on the same day ${t}?`,
    ],
    qa: [
      `On how many days ${t} did both happen: ${x1.clause(l1)}, and ${x2.clause(l2)}?`,
      lead(t, `count the days on which ${x1.clause(l1)} and ${x2.clause(l2)} on the same day.`),
    ],
  });
  return mk(form, q, `${n} days with both (${s.label})`, (a) => val(a, n, 0));
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
  /** "fish caught in Port Logic", "the average temperature" (what is measured). */
  what: string;
  /** A mean (says "higher"), not a sum (says "more"). */
  mean: boolean;
  /**
   * The comparatives a person would use ("colder", "rainier"; the higher first), with the sides as they
   * then read ("in week 4", "at the port"), and whether the sides are places or times.
   */
  er?: { words: [string, string]; a: string; b: string; wh: 'where' | 'when' };
  t: string;
  label: string;
}

function pairCase(c: Ctx, v: Voice, form: string, p: Pair): Cand | null {
  const { g } = c;
  if (round(p.va, p.dec) === round(p.vb, p.dec) || onEdge(p.va, p.dec) || onEdge(p.vb, p.dec)) return null;
  const mode = g.pick(['which', 'which', 'beat', 'howmuch'] as const);
  const more = p.mean ? 'higher' : 'more';
  const aWins = p.va > p.vb;
  const f = (x: number) => `${fmt(x, p.dec)} ${p.unit}`;
  const t = p.t;
  const bare = p.what.replace(/^the /, '');
  if (mode === 'which') {
    // "Colder" asks for the lower: the winner is the side with the smaller value.
    const low = p.er !== undefined && g.chance(0.5);
    const er = p.er ? (low ? p.er.words[1] : p.er.words[0]) : undefined;
    const A = p.er?.a ?? p.a;
    const B = p.er?.b ?? p.b;
    const wh = p.er?.wh ?? 'where';
    const aW = low ? !aWins : aWins;
    const [wRe, lRe, w, vw, vl] = aW ? [p.aRe, p.bRe, p.a, p.va, p.vb] : [p.bRe, p.aRe, p.b, p.vb, p.va];
    const q = er
      ? by(g, v, {
          design: [
            `${dp(g)} was it ${er} ${A} or ${B}${tail(t)}?`,
            lead(t, `${wh} was it ${er}: ${A} or ${B}? Give both figures.`),
          ],
          lore: [
            `${lp(g)} was it ${er} ${A} or ${B}${tail(t)}?`,
            lead(t, `tell me whether it was ${er} ${A} or ${B}, for the chronicle.`),
          ],
          newbie: [`${np(g)} was it ${er} ${A} or ${B} ${t}`, `${er} ${A} or ${B} ${t}?`],
          qa: [
            `Was it ${er} ${A} or ${B}${tail(t)}? State both values.`,
            lead(t, `${wh} was it ${er}, ${A} or ${B}? Give the figure for each.`),
          ],
        })
      : by(g, v, {
          design: [
            `${dp(g)} which had ${p.mean ? 'the higher' : 'more'} ${bare}${tail(t)}, ${p.a} or ${p.b}?`,
            lead(t, `${p.a} or ${p.b}: which came out ahead on ${p.what}?`),
          ],
          lore: [
            `${lp(g)} which had ${p.mean ? 'the higher' : 'more'} ${bare}${tail(t)}, ${p.a} or ${p.b}?`,
            lead(t, `who came out ahead on ${p.what}, ${p.a} or ${p.b}?`),
          ],
          newbie: [
            `${np(g)} who had ${p.mean ? 'higher' : 'more'} ${bare} ${t}, ${p.a} or ${p.b}`,
            `${p.a} or ${p.b} more ${bare} ${t}?`,
          ],
          qa: [
            `Which was ${more} on ${p.what}${tail(t)}: ${p.a} or ${p.b}?`,
            lead(t, `between ${p.a} and ${p.b}, which one had ${p.mean ? 'the higher' : 'more'} ${bare}?`),
          ],
        });
    // The winner named first, or said plainly to be ahead; both figures stated.
    const ahead = new RegExp(
      `${wRe.source}[^.;]{0,40}\\b(is|was|had|came out)( the)? (higher|more|bigger|ahead|greater|${er ?? 'more'})`,
      'i',
    );
    return mk(form, q, `${w} (${f(vw)}) over the other (${f(vl)})${er ? ` — ${er}` : ''}, ${p.label}`, (a) =>
      ahead.test(a)
        ? allOf(valAny(a, [vw], p.dec), valAny(a, [vl], p.dec))
        : compareCheck(wRe, lRe, w, [vw], [vl], p.dec)(a),
    );
  }
  const [wRe, lRe, w, vw, vl] = aWins ? [p.aRe, p.bRe, p.a, p.va, p.vb] : [p.bRe, p.aRe, p.b, p.vb, p.va];
  if (mode === 'beat') {
    const yes = aWins;
    const q = by(g, v, {
      design: [
        `${dp(g)} did ${p.a} beat ${p.b} on ${p.what}${tail(t)}? Both numbers please.`,
        lead(t, `was ${p.a} ahead of ${p.b} on ${p.what}? I need both figures.`),
      ],
      lore: [
        `${lp(g)} did ${p.a} outdo ${p.b} on ${p.what}${tail(t)}?`,
        lead(t, `did ${p.a} surpass ${p.b} in ${p.what}? Give both.`),
      ],
      newbie: [
        `${np(g)} did ${p.a} beat ${p.b} on ${p.what} ${t}`,
        `${p.a} beat ${p.b} for ${p.what} ${t}? how much each`,
      ],
      qa: [
        `Did ${p.a} exceed ${p.b} on ${p.what}${tail(t)}? Give both values.`,
        lead(
          t,
          `was ${p.what} ${p.mean ? 'higher' : 'greater'} for ${p.a} than for ${p.b}? State both figures.`,
        ),
      ],
    });
    return mk(
      form,
      q,
      `${yes ? 'yes' : 'no'}: ${p.a} ${f(p.va)} against ${p.b} ${f(p.vb)} (${p.label})`,
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
    design: [
      `${dp(g)} by how much did ${p.a} and ${p.b} differ on ${p.what}${tail(t)}, and which was ${more}?`,
      lead(t, `what's the gap between ${p.a} and ${p.b} on ${p.what}, and who is ahead?`),
    ],
    lore: [
      `${lp(g)} how far apart were ${p.a} and ${p.b} on ${p.what}${tail(t)}, and which was ${more}?`,
      lead(t, `which was ${more} on ${p.what}, ${p.a} or ${p.b}, and by how much?`),
    ],
    newbie: [
      `${np(g)} ${p.a} or ${p.b} ${more} ${bare} ${t}? by how much`,
      `how much ${more} was ${bare} for ${p.a} or ${p.b} ${t}?`,
    ],
    qa: [
      `What was the difference in ${p.what} between ${p.a} and ${p.b}${tail(t)}, and which was ${more}?`,
      lead(t, `by how much did ${p.what} differ between ${p.a} and ${p.b}, and which side was ${more}?`),
    ],
  });
  const diffs = p.mean ? [diff, clean(Math.abs(round(p.va, p.dec) - round(p.vb, p.dec)))] : [diff];
  return mk(form, q, `${w} by ${f(diff)} (${f(vw)} against ${f(vl)}), ${p.label}`, (a) =>
    allOf(
      valAny(a, diffs, p.dec),
      first(a, wRe, lRe, w) === null || (val(a, vw, p.dec) === null && val(a, vl, p.dec) === null)
        ? null
        : first(a, wRe, lRe, w),
    ),
  );
}

/** The comparatives of a reading: the higher first. */
const ER: Record<string, [string, string]> = {
  temperature_c: ['warmer', 'colder'],
  wind_kph: ['windier', 'calmer'],
  rain_mm: ['rainier', 'drier'],
  humidity_pct: ['more humid', 'less humid'],
};

const week2 = (g: Gen, w1: number) =>
  g.chance(0.6) ? (w1 === 7 ? 6 : w1 + 1) : g.pick([1, 2, 3, 4, 5, 6, 7].filter((w) => w !== w1));

const mWeeksOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const w1 = g.int(1, 7);
  const w2 = week2(g, w1);
  const l = lab(g, v, o.town);
  const at = placeOf(o, v, l);
  return pairCase(c, v, form, {
    a: `week ${w1}`,
    b: `week ${w2}`,
    aRe: weekRe(w1),
    bRe: weekRe(w2),
    va: sumOf(inSpan(outEvents(h, o), c.sp.week(w1)), o.key),
    vb: sumOf(inSpan(outEvents(h, o), c.sp.week(w2)), o.key),
    dec: o.dec,
    unit: o.unit,
    what: `${line(o)} ${at}`.trim(),
    mean: false,
    t: '',
    label: `weeks ${w1} and ${w2}`,
  });
};

const mWeeksRd: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const w1 = g.int(1, 7);
  const w2 = week2(g, w1);
  const va = rdValue(h, r, c.sp.week(w1));
  const vb = rdValue(h, r, c.sp.week(w2));
  if (Number.isNaN(va) || Number.isNaN(vb)) return null;
  const l = lab(g, v, r.town);
  const noun = rdNoun(g, r);
  const er = ER[r.key];
  return pairCase(c, v, form, {
    a: `week ${w1}`,
    b: `week ${w2}`,
    aRe: weekRe(w1),
    bRe: weekRe(w2),
    va,
    vb,
    dec: r.dec,
    unit: r.unit,
    what: r.sum ? `the total rainfall ${l.at}` : `the average ${noun} ${l.at}`,
    mean: !r.sum,
    ...(er
      ? {
          er: {
            words: [`${er[0]} ${l.at}`, `${er[1]} ${l.at}`],
            a: `in week ${w1}`,
            b: `in week ${w2}`,
            wh: 'when',
          },
        }
      : {}),
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
    'rain_mm',
    'pressure_hpa',
  ]);
  const [t1, t2] = g.two(TOWNS);
  const r1 = READS.find((x) => x.town === t1 && x.key === key) as Rd;
  const r2 = READS.find((x) => x.town === t2 && x.key === key) as Rd;
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday', 'day', 'day']));
  const va = rdValue(h, r1, s);
  const vb = rdValue(h, r2, s);
  if (Number.isNaN(va) || Number.isNaN(vb)) return null;
  const noun = rdNoun(g, r1);
  const l1 = lab(g, v, t1);
  const l2 = lab(g, v, t2);
  const er = ER[key];
  return pairCase(c, v, form, {
    a: l1.name,
    b: l2.name,
    aRe: townRe(t1),
    bRe: townRe(t2),
    va,
    vb,
    dec: r1.dec,
    unit: r1.unit,
    what: r1.sum ? 'the total rainfall' : `the average ${noun}`,
    mean: !r1.sum,
    ...(er ? { er: { words: er, a: l1.at, b: l2.at, wh: 'where' } } : {}),
    t: T(g, v, s),
    label: s.label,
  });
};

const mTownsSales: Maker = (c, v, form) => {
  const { g, h } = c;
  const [t1, t2] = g.two(SENDERS);
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday']));
  return pairCase(c, v, form, {
    a: lab(g, v, t1).name,
    b: lab(g, v, t2).name,
    aRe: townRe(t1),
    bRe: townRe(t2),
    va: sumOf(inSpan(outEvents(h, out(`sales-${t1}`)), s), 'value_gold'),
    vb: sumOf(inSpan(outEvents(h, out(`sales-${t2}`)), s), 'value_gold'),
    dec: 0,
    unit: 'gold',
    what: v === 'newbie' ? 'gold from selling stuff' : 'gold earned from sales',
    mean: false,
    t: T(g, v, s),
    label: s.label,
  });
};

const mTownsArr: Maker = (c, v, form) => {
  const { g, h } = c;
  const [t1, t2] = g.two(SENDERS);
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'pastYear']));
  const n1 = inSpan(h.of(t1, 'arrival'), s).length;
  const n2 = inSpan(h.of(t2, 'arrival'), s).length;
  return pairCase(c, v, form, {
    a: lab(g, v, t1).name,
    b: lab(g, v, t2).name,
    aRe: townRe(t1),
    bRe: townRe(t2),
    va: n1,
    vb: n2,
    dec: 0,
    unit: 'deliveries',
    what: 'deliveries received',
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
    what: o.id.startsWith('sales') ? 'gold earned from sales' : line(o),
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
    what: v === 'newbie' ? 'gold stolen by pirates' : 'gold lost to the pirates',
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
    design: [`${dp(g)} ${body} ${t}?`, lead(t, `${body}? I'm checking the event rates.`)],
    lore: [`${lp(g)} ${body} ${t}?`, lead(t, `${body}? The chronicle should have the count.`)],
    newbie: [`${np(g)} ${body} ${t}`, lead(t, `${body}??`)],
    qa: [`${cap(body)} ${t}? Count each occurrence.`, lead(t, `${body}, counting every single time?`)],
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
  const and = withDay ? ', and on which day' : '';
  const q = by(g, v, {
    design: [
      `${dp(g)} what was ${ev} ${at} ${t}${and}? I'm checking the top of the distribution.`,
      lead(t, `how big was ${ev} ${at}${and}?`),
    ],
    lore: [
      `${lp(g)} what was ${ev} ${at} ${t}${and}?`,
      lead(t, `the chronicle wants ${ev} ${at}${withDay ? ' and its day' : ''}.`),
    ],
    newbie: [`${np(g)} whats ${ev} ${at} ${t}${and}`, `${ev} ${at} ${t}?${withDay ? ' what day?' : ''}`],
    qa: [
      `What was ${ev} ${at} ${t}${and}?`,
      lead(t, `state ${ev} ${at}${withDay ? ' and the day it happened' : ''}.`),
    ],
  });
  return mk(form, q, `${unitOf(o, ext.v)} (day ${ext.days.join(', ')}; max over events, ${s.label})`, (a) =>
    allOf(val(a, ext.v, o.dec), withDay ? dayAny(a, ext.days) : null),
  );
};

/** The smallest single event: successful raids only, sales with a price; outputs with no zero events. */
const mEvMin: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(
    OUTS.filter((x) => x.id === 'raid' || x.id.startsWith('sales') || x.id === 'fish' || x.id === 'drinks'),
  );
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const all = inSpan(outEvents(h, o), s);
  const gold = o.id === 'raid' || o.id.startsWith('sales');
  if (!gold && all.some((e) => num(e, o.key) <= 0)) return null;
  const list = gold ? all.filter((e) => num(e, o.key) > 0) : all;
  const ext = evMax(list, o.key, false);
  if (!ext || list.length < 3) return null;
  const l = lab(g, v, o.town);
  const t = T(g, v, s);
  const ev =
    o.id === 'raid'
      ? g.pick(['the poorest successful raid', 'the smallest haul of gold from a single raid'])
      : o.id === 'fish'
        ? g.pick(['the smallest single catch', 'the smallest single haul of fish'])
        : o.id === 'drinks'
          ? 'the fewest drinks poured in a single sitting'
          : g.pick(['the smallest single sale', 'the cheapest single shipment sent out']);
  const at = evAtOf(o, v, l);
  const q = by(g, v, {
    design: [
      `${dp(g)} what was ${ev} ${at} ${t}? I'm checking the bottom of the distribution.`,
      lead(t, `how small was ${ev} ${at}?`),
    ],
    lore: [`${lp(g)} what was ${ev} ${at} ${t}?`, lead(t, `record ${ev} ${at}: how much was it?`)],
    newbie: [`${np(g)} whats ${ev} ${at} ${t}`, `${ev} ${at} ${t}?`],
    qa: [`What was ${ev} ${at} ${t}?`, lead(t, `state the value of ${ev} ${at}.`)],
  });
  return mk(form, q, `${unitOf(o, ext.v)} (min over events, ${s.label})`, (a) => val(a, ext.v, o.dec));
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
    design: [
      `${dp(g)} what was the costliest single robbery of a shipment from ${l.name} ${t}?`,
      lead(t, `what's the most gold pirates took from one of ${l.pos} shipments?`),
    ],
    lore: [
      `${lp(g)} what was the worst single robbery ${l.name} suffered at the hands of the pirates ${t}?`,
      lead(t, `how much gold did the pirates take in their richest single robbery of ${l.pos} cargo?`),
    ],
    newbie: [
      `${np(g)} biggest robbery of ${l.pos} stuff ${t}? how much gold`,
      `most gold pirates stole from one ${l.name} shipment ${t}?`,
    ],
    qa: [
      `What was the largest amount of gold lost in a single robbery of a shipment from ${l.name} ${t}?`,
      lead(t, `what was the biggest single loss to pirates for ${l.name}?`),
    ],
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
        design: [
          `${dp(g)} what is the most ${l.name} paid for a single overseas cargo ${t}?`,
          lead(t, `what was the priciest single purchase ${l.name} made from an overseas ship?`),
        ],
        lore: [
          `${lp(g)} what was the costliest single cargo ${l.name} bought from an overseas ship ${t}?`,
          lead(t, `how much did ${l.name} pay for its dearest single overseas cargo?`),
        ],
        newbie: [
          `${np(g)} most gold ${l.name} paid for one overseas cargo ${t}?`,
          `biggest thing ${l.name} bought from an overseas ship ${t}, how much gold?`,
        ],
        qa: [
          `What was the largest single purchase ${l.name} made from an overseas ship ${t}, in gold?`,
          lead(t, `what is the highest price ${l.name} paid for one cargo from overseas?`),
        ],
      })
    : by(g, v, {
        design: [
          `${dp(g)} what was the biggest single sale ${l.name} made to an overseas ship ${t}?`,
          lead(t, `what's the most gold ${l.name} got for one cargo sold overseas?`),
        ],
        lore: [
          `${lp(g)} what was the richest single sale ${l.name} made to an overseas ship ${t}?`,
          lead(t, `how much gold did ${l.name} get for its best single sale overseas?`),
        ],
        newbie: [
          `${np(g)} biggest sale ${l.name} made to an overseas ship ${t}?`,
          `most gold ${l.name} got selling one cargo overseas ${t}?`,
        ],
        qa: [
          `What was the largest single sale ${l.name} made to an overseas ship ${t}, in gold?`,
          lead(t, `what is the highest value of one cargo ${l.name} sold overseas?`),
        ],
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
    design: [
      `${dp(g)} what was ${what} ${l.at} ${t}?`,
      lead(t, `what was ${what} taken ${l.at}? Checking the extremes of the climate.`),
    ],
    lore: [
      `${lp(g)} what was ${what} ever noted ${l.at} ${t}?`.replace(
        ' ever noted',
        s.whole ? ' ever noted' : '',
      ),
      lead(t, `what was ${what} recorded ${l.at}?`),
    ],
    newbie: [`${np(g)} ${what} ${l.at} ${t}?`, `whats ${what} ${l.at} ${t}`],
    qa: [`What was ${what} ${l.at} ${t}?`, lead(t, `state ${what} ${l.at}.`)],
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
  const grim = GRIM[o.id];
  const q = by(g, v, {
    design: [
      `${dp(g)} which day ${t} did ${S} ${vb.base} the ${most} ${o.thing}?`,
      lead(t, `on what day was ${line(o)} ${at2(o, v, l)} at its ${hi ? 'peak' : 'lowest'}?`),
    ],
    lore: [
      grim && !hi
        ? `${lp(g)} which was the grimmest day for ${grim} ${at2(o, v, l)} ${t}?`
        : `${lp(g)} on which day ${t} did ${S} ${vb.base} the ${most} ${o.thing}?`,
      lead(t, `which day had the ${most} ${line(o)} ${at2(o, v, l)}?`),
    ],
    newbie: [
      `${np(g)} what day did ${S} ${vb.base} the ${most} ${o.thing} ${t}`,
      `which day ${most} ${line(o)} ${at2(o, v, l)} ${t}?`,
    ],
    qa: [
      `On which day ${t} was the daily total of ${line(o)} ${at2(o, v, l)} ${hi ? 'highest' : 'lowest'}?`,
      lead(t, `which day had the ${hi ? 'largest' : 'smallest'} total ${line(o)} ${at2(o, v, l)}?`),
    ],
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
    design: [`${dp(g)} on which day was ${ev} ${at} ${t}?`, lead(t, `when did ${ev} ${at} happen?`)],
    lore: [`${lp(g)} on what day ${t} did ${ev} ${at} take place?`, lead(t, `when was ${ev} ${at}?`)],
    newbie: [`${np(g)} what day was ${ev} ${at} ${t}`, `when was ${ev} ${at} ${t}?`],
    qa: [`On which day ${t} did ${ev} ${at} occur?`, lead(t, `give the day of ${ev} ${at}.`)],
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
    design: [
      `${dp(g)} which was the ${fl} day ${t} on which ${x.clause(l)}?`,
      lead(t, `when was the ${fl} time that ${x.clause(l)}?`),
    ],
    lore: [
      `${lp(g)} on what day ${t} was it ${firstOne ? 'first' : 'last'} recorded that ${x.clause(l)}?`,
      lead(t, `when did it ${firstOne ? 'first' : 'last'} happen that ${x.clause(l)}?`),
    ],
    newbie: [`${np(g)} when was the ${fl} time ${x.clause(l)} ${t}`, `${fl} day ${x.clause(l)} ${t}?`],
    qa: [
      `What was the ${fl} day ${t} on which ${x.clause(l)}?`,
      lead(t, `on which day did it happen for the ${fl} time that ${x.clause(l)}?`),
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
    design: [
      `${dp(g)} on which day ${t} was ${what} ${l.at} taken?`,
      lead(t, `what day did ${what} ${l.at} come in?`),
    ],
    lore: [
      `${lp(g)} on what day ${t} was ${what} ${l.at} recorded?`,
      lead(t, `when was ${what} ${l.at} noted?`),
    ],
    newbie: [`${np(g)} what day was ${what} ${l.at} ${t}`, `when was ${what} ${l.at} ${t}?`],
    qa: [`On which day ${t} was ${what} ${l.at} recorded?`, lead(t, `give the day of ${what} ${l.at}.`)],
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
    design: [
      `${dp(g)} which of the ${o.roleWords} ${at} ${vb.past} the most ${o.thing} ${t}${and}?`,
      lead(
        t,
        `who was the top performer among the ${o.roleWords} ${at} by ${line(o)}${withVal ? ', and with how much' : ''}?`,
      ),
    ],
    lore: [
      `${lp(g)} which of the ${o.roleWords} ${at} ${vb.past} the most ${o.thing} ${t}${and}?`,
      lead(t, `name the one among the ${o.roleWords} ${at} who ${vb.past} the most ${o.thing}${and}.`),
    ],
    newbie: [
      `${np(g)} who ${vb.past} the most ${o.thing} ${at} ${t}${and}`,
      `top ${(o.roleWords as string).replace(/s$/, '')} for ${line(o)} ${at} ${t}?${withVal ? ' how much?' : ''}`,
    ],
    qa: [
      `Which person ${vb.past} the most ${o.thing} ${at} ${t}${and}?`,
      lead(t, `who had the largest total of ${line(o)} ${at}${withVal ? ', and what was it' : ''}?`),
    ],
  });
  return mk(form, q, `${winners.map((p) => p.name).join(' or ')} (${unitOf(o, top)}, ${s.label})`, (a) =>
    allOf(whoFirst(a, winners, others), withVal ? val(a, top, o.dec) : null),
  );
};

/** A role as people ask after it: the town, the role, and the ways of asking. */
const ROLES: readonly { town: Town; role: string; ask: readonly string[] }[] = [
  {
    town: 'patchbourough',
    role: 'blacksmith',
    ask: ['who keeps the forge', 'who is the blacksmith', 'who works the forge'],
  },
  {
    town: 'patchbourough',
    role: 'miller',
    ask: ['who is the miller', 'who runs the mill', 'who grinds the flour'],
  },
  {
    town: 'den-of-thieves',
    role: 'captain',
    ask: ['who is the pirate captain', 'who captains the pirates', 'who leads the pirates'],
  },
  {
    town: 'den-of-thieves',
    role: 'keeper',
    ask: ['who keeps the tavern', 'who runs the tavern', 'who is the tavern keeper'],
  },
  { town: 'den-of-thieves', role: 'bosun', ask: ['who is the bosun', 'who is the bosun of the pirate ship'] },
  { town: 'den-of-thieves', role: 'fletcher', ask: ['who makes the arrows', 'who is the fletcher'] },
  {
    town: 'circuiton',
    role: 'apprentice',
    ask: ['who is the apprentice tinkerer', 'who makes the trinkets'],
  },
  { town: 'circuiton', role: 'teacher', ask: ['who teaches at the Academy', 'who are the teachers'] },
  { town: 'circuiton', role: 'miner', ask: ['who are the miners', 'who works the mine'] },
  { town: 'port-logic', role: 'fisher', ask: ['who are the fishermen', 'who fishes'] },
  {
    town: 'port-logic',
    role: 'netmaker',
    ask: ['who makes the nets and ropes', 'who works in the net loft'],
  },
  { town: 'patchbourough', role: 'farmer', ask: ['who farms the fields', 'who are the farmers'] },
  { town: 'port-logic', role: 'trader', ask: ['who are the traders', 'who does the trading'] },
];

const mRole: Maker = (c, v, form) => {
  const { g } = c;
  const r = g.pick(ROLES);
  const people = holders(r.town, r.role);
  if (people.length === 0) return null;
  const l = lab(g, v, r.town);
  const ask = g.pick(r.ask);
  const q = by(g, v, {
    design: [
      `${dp(g)} ${ask} ${l.at}? I need the names for the NPC list.`,
      `For the NPC roster: ${ask} ${l.at}?`,
    ],
    lore: [`${lp(g)} ${ask} ${l.at}?`, `The chronicle should name them: ${ask} ${l.at}?`],
    newbie: [`${np(g)} ${ask} ${l.at}`, `${ask} ${l.at}??`],
    qa: [`${cap(ask)} ${l.at}?`, `Name the person or people: ${ask} ${l.at}?`],
  });
  return mk(form, q, `${people.map((p) => p.name).join(', ')} (${r.role}, people.ts)`, (a) =>
    allOf(...people.map((p) => (personRe(p).test(a) ? null : `does not name ${p.name}`))),
  );
};

/** Where a resident lives (the residents' whereabouts are not in this history; their town is). */
const mHome: Maker = (c, v, form) => {
  const { g } = c;
  const p = g.pick(PEOPLE.filter((x) => x.keys.length > 0));
  const who = callP(g, v, p);
  const q = by(g, v, {
    design: [`${dp(g)} which town is ${who} based in?`, `Which town does the NPC ${who} belong to?`],
    lore: [`${lp(g)} in which town does ${who} live?`, `Where does ${who} make a home, for the chronicle?`],
    newbie: [`${np(g)} where does ${who} live`, `what town is ${who} from?`],
    qa: [`Which town does ${who} live in?`, `In what town is ${who} a resident?`],
  });
  return mk(form, q, `${TOWN_NAMES[p.town]} (${p.job})`, (a) =>
    townRe(p.town).test(a) ? null : `does not name ${TOWN_NAMES[p.town]}`,
  );
};

// ---------------------------------------------------------------- the future

const mFuture: Maker = (c, v, form) => {
  const { g, h, N } = c;
  const o = g.pick(OUTS);
  const when = g.pick([
    'tomorrow',
    'next week',
    `on day ${g.int(900, 990)}`,
    'next month',
    'the day after tomorrow',
  ]);
  const l = lab(g, v, o.town);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const hw = g.pick(o.how);
  const q = by(g, v, {
    design: [
      `${dp(g)} ${hw.h} will ${S} ${vb.base} ${when}?`,
      lead(when, `what will the ${line(o)} ${placeOf(o, v, l)} come to?`),
    ],
    lore: [`${lp(g)} ${hw.h} will ${S} ${vb.base} ${when}?`, lead(when, `${hw.h} shall ${S} ${vb.base}?`)],
    newbie: [`${np(g)} ${hw.h} will ${S} ${vb.base} ${when}`, `${line(o)} ${placeOf(o, v, l)} ${when}?`],
    qa: [
      `${cap(hw.h)} will ${S} ${vb.base} ${when}?`,
      lead(when, `what total of ${line(o)} ${placeOf(o, v, l)} is expected?`),
    ],
  });
  const whole = sumOf(outEvents(h, o), o.key);
  return mk(form, q, `not yet happened (today is day ${N})`, (a) =>
    allOf(saysNotYet(a), whole > 0 && states(a, whole, o.dec) === null ? 'quotes the history total' : null),
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

const mRaidByTarget: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const [a1, a2] = robbedGold(h, town, s);
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    design: [
      `${dp(g)} how much gold did the pirates take from ${l.pos} shipments ${t}?`,
      lead(t, `how much loot did raiders get off shipments sent by ${l.name}? Is piracy too punishing?`),
    ],
    lore: [
      `${lp(g)} how much gold did the pirates plunder from ${l.pos} cargo ${t}?`,
      lead(t, `what did ${l.name} lose to the pirates, in gold?`),
    ],
    newbie: [
      `${np(g)} how much gold pirates stole from ${l.name} ${t}`,
      `${l.name} lost how much gold to pirates ${t}?`,
    ],
    qa: [
      `How much gold was stolen by pirates from shipments sent by ${l.name} ${t}?`,
      lead(t, `what was the total gold the pirates robbed from ${l.pos} shipments?`),
    ],
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
        design: [
          `${dp(g)} how much gold did the pirates get from raiding ${gw} shipments ${t}?`,
          lead(t, `what was the raid gold from ${goods} cargoes alone?`),
        ],
        lore: [
          `${lp(g)} how much gold did the pirates win from shipments of ${goods} ${t}?`,
          lead(t, `how much gold did the raids on ${gw} shipments bring the pirates?`),
        ],
        newbie: [
          `${np(g)} how much gold pirates got from ${gw} shipments ${t}`,
          `gold from robbing ${goods} ${t}?`,
        ],
        qa: [
          `What was the total raid gold from shipments of ${goods} ${t}?`,
          lead(t, `how much gold did pirates take from ${gw} shipments in total?`),
        ],
      })
    : by(g, v, {
        design: [
          `${dp(g)} how many ${gw} shipments did the pirates raid ${t}?`,
          lead(t, `how many times did raiders hit a ${gw} shipment?`),
        ],
        lore: [
          `${lp(g)} how many shipments of ${goods} fell to the pirates ${t}?`,
          lead(t, `how many ${gw} cargoes did the pirates seize?`),
        ],
        newbie: [
          `${np(g)} how many ${gw} shipments got robbed ${t}`,
          `pirates robbed how many ${gw} shipments ${t}?`,
        ],
        qa: [
          `How many shipments of ${goods} were raided by the pirates ${t}?`,
          lead(t, `count the successful raids on ${gw} shipments.`),
        ],
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
    design: [
      `${dp(g)} how many of ${l.pos} ${gw} shipments were robbed ${t}?`,
      lead(t, `how many ${gw} shipments from ${l.name} did the pirates rob?`),
    ],
    lore: [
      `${lp(g)} how many ${gw} shipments sent by ${l.name} were lost to pirates ${t}?`,
      lead(t, `how many of the ${goods} cargoes from ${l.name} did the pirates take?`),
    ],
    newbie: [
      `${np(g)} how many ${l.name} ${gw} shipments got robbed ${t}`,
      `pirates took how many ${gw} shipments from ${l.name} ${t}?`,
    ],
    qa: [
      `How many ${gw} shipments sent by ${l.name} were robbed ${t}?`,
      lead(t, `count the robberies of ${goods} shipments from ${l.name}.`),
    ],
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
        design: [
          `${dp(g)} how much gold did ${la.name} earn selling goods to ${lb.name} ${t}?`,
          lead(t, `what were ${la.pos} sales to ${lb.name} worth in gold?`),
        ],
        lore: [
          `${lp(g)} how much gold did the trade from ${la.name} to ${lb.name} bring in ${t}?`,
          lead(t, `how much gold did ${la.name} make on what it sold to ${lb.name}?`),
        ],
        newbie: [
          `${np(g)} how much gold did ${la.name} get selling to ${lb.name} ${t}`,
          `gold ${la.name} made selling to ${lb.name} ${t}?`,
        ],
        qa: [
          `What was the total value in gold of goods ${la.name} sold to ${lb.name} ${t}?`,
          lead(t, `how much gold did ${la.name} earn from its sales to ${lb.name}?`),
        ],
      })
    : by(g, v, {
        design: [
          `${dp(g)} how many crates went from ${la.name} to ${lb.name} ${t}?`,
          lead(t, `how many crates did ${la.name} ship to ${lb.name}?`),
        ],
        lore: [
          `${lp(g)} how many crates did ${la.name} send to ${lb.name} ${t}?`,
          lead(t, `how many crates were carried from ${la.name} to ${lb.name}?`),
        ],
        newbie: [
          `${np(g)} how many crates ${la.name} sent to ${lb.name} ${t}`,
          `crates from ${la.name} to ${lb.name} ${t}?`,
        ],
        qa: [
          `How many crates were shipped from ${la.name} to ${lb.name} ${t}?`,
          lead(t, `what was the number of crates sent by ${la.name} to ${lb.name}?`),
        ],
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
  const ask =
    what === 'gold'
      ? buy
        ? [
            `how much gold did ${l.name} spend buying from overseas ships`,
            `how much did ${l.name} pay overseas ships for their cargo, in gold`,
          ]
        : [
            `how much gold did ${l.name} earn selling to overseas ships`,
            `how much gold did overseas ships pay ${l.name} for its goods`,
          ]
      : what === 'count'
        ? buy
          ? [
              `how many times did ${l.name} buy cargo from an overseas ship`,
              `how many purchases did ${l.name} make from overseas ships`,
            ]
          : [
              `how many times did ${l.name} sell cargo to an overseas ship`,
              `how many sales did ${l.name} make to overseas ships`,
            ]
        : what === 'crates'
          ? [
              `how many crates did ${l.name} ${buy ? 'buy from' : 'sell to'} overseas ships`,
              `how many crates ${buy ? 'came into' : 'went out of'} ${l.name} in ${buy ? 'purchases from' : 'sales to'} overseas ships`,
            ]
          : [
              `how many crates of ${goods} did ${l.name} ${buy ? 'buy from' : 'sell to'} overseas ships`,
              `how many crates of ${goods} ${buy ? 'were bought from' : 'were sold to'} overseas ships by ${l.name}`,
            ];
  const q = by(g, v, {
    design: [
      `${dp(g)} ${g.word(ask)} ${t}?`,
      lead(t, `${g.word(ask)}? Checking the overseas trade balance.`),
    ],
    lore: [`${lp(g)} ${g.word(ask)} ${t}?`, lead(t, `${g.word(ask)}?`)],
    newbie: [`${np(g)} ${g.word(ask)} ${t}`, `${g.word(ask)} ${t}??`],
    qa: [`${cap(g.word(ask))} ${t}?`, lead(t, `${g.word(ask)}?`)],
  });
  return mk(
    form,
    q,
    `${value} ${what === 'gold' ? 'gold' : what === 'count' ? 'trades' : 'crates'} (${buy ? 'bought from' : 'sold to'} overseas, ${s.label})`,
    (a) => val(a, value, 0),
  );
};

/** A town's sales against its purchases: the port's trade with overseas ships. */
const mSalesVsBuys: Maker = (c, v, form) => {
  const { g, h } = c;
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const trades = inSpan(h.of('port-logic', 'trade'), s).filter((e) => has(e, 'value_gold'));
  const sold = sumOf(
    trades.filter((e) => e.data.to === 'overseas'),
    'value_gold',
  );
  const bought = sumOf(
    trades.filter((e) => e.data.from === 'overseas'),
    'value_gold',
  );
  if (sold === bought) return null;
  const net = g.chance(0.4);
  const l = lab(g, v, 'port-logic');
  const t = T(g, v, s);
  const q = net
    ? by(g, v, {
        design: [
          `${dp(g)} with overseas ships ${t}, did ${l.name} earn more from its sales than it spent on its purchases? By how much?`,
          lead(t, `what was ${l.pos} overseas trade balance: sales minus purchases, in gold?`),
        ],
        lore: [
          `${lp(g)} did ${l.name} sell more to overseas ships than it bought from them ${t}, in gold, and by how much?`,
          lead(t, `by how much did ${l.pos} overseas sales and purchases differ in gold?`),
        ],
        newbie: [
          `${np(g)} did ${l.name} make or lose gold trading with overseas ships ${t}? how much`,
          `${l.name} overseas sales minus purchases ${t}, in gold?`,
        ],
        qa: [
          `What was the difference in gold between ${l.pos} sales to overseas ships and its purchases from them ${t}?`,
          lead(
            t,
            `by how much did ${l.pos} overseas sales exceed or fall short of its overseas purchases, in gold?`,
          ),
        ],
      })
    : by(g, v, {
        design: [
          `${dp(g)} how much gold did ${l.name} earn selling to overseas ships ${t}, and how much did it spend buying from them?`,
          lead(t, `give me ${l.pos} overseas sales and purchases, in gold.`),
        ],
        lore: [
          `${lp(g)} what did ${l.name} earn from overseas ships and what did it pay them ${t}?`,
          lead(
            t,
            `how much gold did ${l.name} take in from overseas sales, and pay out for overseas purchases?`,
          ),
        ],
        newbie: [
          `${np(g)} how much gold did ${l.name} get selling to overseas ships and how much gold did it pay them ${t}`,
          `${l.name} sales vs purchases with overseas ships ${t}, in gold?`,
        ],
        qa: [
          `What were ${l.pos} sales to overseas ships and its purchases from them ${t}, in gold?`,
          lead(
            t,
            `state both: gold ${l.name} earned from overseas sales, and gold it spent on overseas purchases.`,
          ),
        ],
      });
  const diff = Math.abs(sold - bought);
  return mk(
    form,
    q,
    `sales ${sold} gold, purchases ${bought} gold (${sold > bought ? 'surplus' : 'deficit'} ${diff}; ${s.label})`,
    (a) => (net ? val(a, diff, 0) : allOf(val(a, sold, 0), val(a, bought, 0))),
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
    design: [
      `${dp(g)} how many shipments from ${lf.name} actually arrived ${lt.at} ${t}?`,
      lead(t, `how many deliveries from ${lf.name} reached ${lt.name} safely?`),
    ],
    lore: [
      `${lp(g)} how many shipments from ${lf.name} reached ${lt.name} ${t}?`,
      lead(t, `how many cargoes sent from ${lf.name} came in ${lt.at}?`),
    ],
    newbie: [
      `${np(g)} how many deliveries from ${lf.name} got to ${lt.name} ${t}`,
      `${lf.name} to ${lt.name} deliveries arrived ${t}?`,
    ],
    qa: [
      `How many shipments sent from ${lf.name} arrived ${lt.at} ${t}?`,
      lead(t, `count the deliveries that reached ${lt.name} from ${lf.name}.`),
    ],
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
    design: [
      `${dp(g)} how many crates of ${goods} were delivered to ${l.name} ${t}?`,
      lead(t, `how many crates of ${goods} arrived ${l.at} from the other towns?`),
    ],
    lore: [
      `${lp(g)} how many crates of ${goods} reached ${l.name} ${t}?`,
      lead(t, `how many crates of ${goods} did the caravans and barges bring to ${l.name}?`),
    ],
    newbie: [
      `${np(g)} how many crates of ${goods} came to ${l.name} ${t}`,
      `${goods} crates delivered to ${l.name} ${t}?`,
    ],
    qa: [
      `How many crates of ${goods} arrived ${l.at} ${t}?`,
      lead(t, `what number of crates of ${goods} were delivered to ${l.name}?`),
    ],
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
    design: [
      `${dp(g)} how much gold did ${l.name} earn from selling ${goods} ${t}?`,
      lead(t, `what were ${l.pos} ${goods} sales worth in gold? Is the price right?`),
    ],
    lore: [
      `${lp(g)} how much gold did ${l.pos} trade in ${goods} bring in ${t}?`,
      lead(t, `how much gold did ${l.name} make selling ${goods}?`),
    ],
    newbie: [
      `${np(g)} how much gold ${l.name} got for selling ${goods} ${t}`,
      `${l.name} ${goods} sales gold ${t}?`,
    ],
    qa: [
      `What was the total gold ${l.name} earned from sales of ${goods} ${t}?`,
      lead(t, `how much gold came to ${l.name} from selling ${goods}?`),
    ],
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
    design: [`${dp(g)} ${x.did(l)} ${t}?`, lead(t, `${x.did(l)}? Yes or no is fine.`)],
    lore: [`${lp(g)} ${x.did(l)} ${t}?`, lead(t, `${x.did(l)}? The chronicle must be right.`)],
    newbie: [`${np(g)} ${x.did(l)} ${t}`, `${x.did(l)} ${t}??`],
    qa: [`${cap(x.did(l))} ${t}? Answer yes or no.`, lead(t, `${x.did(l)}?`)],
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
    design: [
      `${dp(g)} did ${S} ${vb.base} more than ${amount} ${t}?`,
      lead(t, `did ${line(o)} ${at2(o, v, l)} go over ${fig(thr, v)}?`),
    ],
    lore: [
      `${lp(g)} did ${S} ${vb.base} more than ${amount} ${t}?`,
      lead(t, `was the total ${line(o)} ${at2(o, v, l)} above ${fig(thr, v)}?`),
    ],
    newbie: [
      `${np(g)} did ${S} ${vb.base} more than ${amount} ${t}`,
      `more than ${amount} ${at2(o, v, l)} ${t}?`,
    ],
    qa: [
      `Did the total ${line(o)} ${at2(o, v, l)} exceed ${fig(thr, v)} ${t}?`,
      lead(t, `did ${S} ${vb.base} more than ${amount}? Yes or no.`),
    ],
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
    design: [
      `${dp(g)} ${cmp} ${l1.at} than ${l2.at} ${t}?`,
      lead(t, `${cmp} ${l1.at} than ${l2.at}? The climates should feel different.`),
    ],
    lore: [`${lp(g)} ${cmp} ${l1.at} than ${l2.at} ${t}?`, lead(t, `${cmp} ${l1.at} than ${l2.at}?`)],
    newbie: [`${np(g)} ${cmp} ${l1.at} than ${l2.at} ${t}`, `${cmp} ${l1.at} than ${l2.at} ${t}??`],
    qa: [`${cap(cmp)} ${l1.at} than ${l2.at} ${t}? Yes or no.`, lead(t, `${cmp} ${l1.at} than ${l2.at}?`)],
  });
  return mk(form, q, `${yes ? 'yes' : 'no'}: ${rdUnit(r1, v1)} against ${rdUnit(r1, v2)} (${s.label})`, (a) =>
    saysYes(a, yes),
  );
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
  colder: ['coldre', 'codler'],
  warmer: ['wamer', 'warmre'],
  windier: ['windeir', 'windyer'],
  rainier: ['rainer', 'rainyer'],
  biggest: ['bigest', 'biggset'],
  largest: ['largets', 'larget'],
  smallest: ['smalest', 'smallets'],
  delivered: ['deliverd', 'delivred'],
  arrived: ['arived', 'arrvied'],
  sold: ['slod'],
  stole: ['stoel', 'stloe'],
  plundered: ['plunderd', 'plundred'],
  nets: ['nest', 'netts'],
  made: ['mde'],
  docks: ['dcoks'],
  mountain: ['mountian', 'moutain'],
};
/** Words that name a town: a typo there alone is not what this set is after. */
const PLACE_WORDS = new Set([
  'port',
  'harbour',
  'island',
  'circuiton',
  'patchbourough',
  'thieves',
  'logic',
  'docks',
  'farms',
  'mines',
  'mountain',
]);

/** The misspelling, cased like the word it replaces ("PatchBourough" → "PatchBoruough"). */
function caseLike(original: string, typo: string): string {
  return [...typo]
    .map((ch, i) =>
      original[i] !== undefined && original[i] !== original[i]?.toLowerCase() ? ch.toUpperCase() : ch,
    )
    .join('');
}

/** One typo in a word of the question, or none when no word takes one. */
function withTypo(g: Gen, question: string, places = true): { question: string; typo: string } | null {
  // Not inside a field name or a town's id ("rain_mm", "port-logic", "from=overseas").
  const found = [...question.matchAll(/[A-Za-z]+/g)].filter((m) => {
    const at = m.index ?? 0;
    const around = `${question[at - 1] ?? ' '}${question[at + m[0].length] ?? ' '}`;
    const w = m[0].toLowerCase();
    return TYPOS[w] !== undefined && !/[_=-]/.test(around) && (places || !PLACE_WORDS.has(w));
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
    [
      mWeeksOut,
      mWeeksOut,
      mWeeksRd,
      mWeeksRd,
      mTownsRd,
      mTownsRd,
      mTownsSales,
      mTownsArr,
      mPeople,
      mRobbedTowns,
    ],
    45,
  ],
  ['extreme-day', [mBestDay, mBestDay, mRdDay], 38],
  ['extreme-event', [mEvMax, mEvMax, mEvMin, mRobMax, mBuyMax, mReading, mReading], 32],
  ['count', [mCount], 26],
  ['days', [mHapDays, mHapDays, mNoHapDays, mDailyOver, mMeanOver, mDry, mBoth], 32],
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
      mSalesVsBuys,
      mArrivalsFrom,
      mArrivedGoods,
      mSalesByGoods,
    ],
    32,
  ],
  [
    'scope',
    [
      mTotal,
      mCount,
      mEvMax,
      mBestDay,
      mHapDays,
      mRaidByTarget,
      mReading,
      mWho,
      mRdMean,
      mRole,
      mFuture,
      mFuture,
    ],
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
      mWeeksRd,
      mTownsRd,
      mRaidByTarget,
      mWho,
      mRdMean,
      mFirstLast,
      mRoute,
    ],
    19,
  ],
  ['who', [mWho, mWho, mRole, mHome], 16],
  ['mean', [mPerDay, mPerDay, mPerEv], 9],
];

/** One or two realistic typos, the first in a verb or a metric, not a town's name. */
function typoed(g: Gen, question: string): { question: string; typo: string } | null {
  const one = withTypo(g, question, false);
  if (!one) return null;
  const two = g.chance(0.4) ? withTypo(g, one.question) : null;
  return two ? { question: two.question, typo: `${one.typo}; ${two.typo}` } : one;
}

export function buildNaturalQ(events: RawEvent[], today: number): Case[] {
  const g = new Gen(hashHistory(events) ^ 0x717171);
  const h = new Hist(events, today);
  const c: Ctx = { g, h, sp: new Spans(today), N: today };
  const cases: QCase[] = [];
  const seen = new Set<string>();
  for (const [form, makers, quota] of PLAN) {
    let made = 0;
    let voice = g.int(0, 3);
    for (let tries = 0; made < quota && tries < quota * 200; tries++) {
      const v = VOICES[voice % 4] as Voice;
      const maker = g.pick(makers);
      const before = g.state;
      const cand = maker(c, v, form);
      if (!cand) continue;
      // The QA tester asks it twice: the same draws again, the next wording of each choice.
      const cands = [cand];
      if (v === 'qa' && quota - made >= 2) {
        const after = g.state;
        g.state = before;
        g.alt = true;
        const again = maker(c, v, form);
        g.alt = false;
        g.state = after;
        if (again && again.question.toLowerCase() !== cand.question.toLowerCase()) cands.push(again);
      }
      const made0 = made;
      for (const k of cands) {
        let question = k.question;
        let typo: string | undefined;
        if (form === 'typo') {
          const t = typoed(g, question);
          if (!t) continue;
          question = t.question;
          typo = t.typo;
        }
        if (seen.has(question.toLowerCase())) continue;
        seen.add(question.toLowerCase());
        made++;
        cases.push({
          form: k.form,
          question,
          truth: k.truth,
          ...(typo !== undefined ? { typo } : {}),
          check: (reply: Reply) => k.check(reply.answer),
        });
      }
      if (made > made0) voice++;
    }
    if (made < quota) throw new Error(`natural-q: the ${form} quota did not fill (${made} of ${quota})`);
  }
  return cases;
}

/**
 * A development set written from the world definition (src/world), eval/CONVENTIONS.md, eval/checks.ts
 * and the design seeds, without reading the planner or the other sets' questions, in three voices: a
 * tabletop player asking the game master's world-log quick, chatty things at the table ("Hey, how
 * many fish did the port bring in last week?", "Did Hal or Nell catch more fish this week?"), with
 * the towns by their nicknames (the port, the docks, the farms, Patch, the mines, up the mountain,
 * the Den, the island) and people by first or full name; a data analyst poking at the event stream,
 * terse and column-minded ("avg temperature_c circuiton last 2 weeks", "max single-event raid_gold
 * all time", "count days max(rain_mm) > 5 port logic wk 3", "fish/day trend last month"); and
 * questions modelled on the seeds' own examples ("How much ore was mined in Circuiton last week?",
 * "Did the pirates go on a raid today?", "Show me correlation between fish caught and temperature in
 * Port Logic.", "When did PatchBourough and Circuiton both produce record amounts of flour and metal
 * on the same day?", "Show times both towns had surplus or large yield", "Who is the blacksmith?").
 * Every truth is computed here from the raw events; the people and roles come from people.ts.
 */
import { PEOPLE as CIRC_PEOPLE } from '../src/world/towns/circuiton/people.ts';
import { PEOPLE as DEN_PEOPLE } from '../src/world/towns/den-of-thieves/people.ts';
import { PEOPLE as PATCH_PEOPLE } from '../src/world/towns/patchbourough/people.ts';
import { PEOPLE as PORT_PEOPLE } from '../src/world/towns/port-logic/people.ts';
import {
  type Case,
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

type Voice = 'player' | 'analyst' | 'seed';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
/** The towns that send goods down the routes, and so can be robbed. */
const SENDERS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton'];
const VOICES: readonly Voice[] = ['player', 'analyst', 'seed'];

interface OCase extends Case {
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
/** A figure as a person writes it: 1,500 (the analyst writes 1500). */
const fig = (v: number, v2: Voice) => (v2 === 'analyst' ? String(v) : v.toLocaleString('en-US'));
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
  player: {
    'port-logic': [
      L('the port', 'at the port'),
      L('Port Logic', 'in Port Logic'),
      L('the harbour', 'at the harbour'),
      L('the docks', 'down at the docks'),
    ],
    patchbourough: [
      L('the farms', 'at the farms'),
      L('PatchBourough', 'in PatchBourough'),
      L('Patch', 'in Patch'),
    ],
    circuiton: [
      L('the mines', 'at the mines'),
      L('Circuiton', 'in Circuiton'),
      L('the mountain town', 'up the mountain'),
    ],
    'den-of-thieves': [
      L('the Den', 'at the Den'),
      L('the island', 'on the island'),
      L('the Den of Thieves', 'at the Den of Thieves'),
    ],
  },
  analyst: {
    'port-logic': [L('port logic', 'port logic'), L('port-logic', 'port-logic')],
    patchbourough: [L('patchbourough', 'patchbourough')],
    circuiton: [L('circuiton', 'circuiton')],
    'den-of-thieves': [L('den of thieves', 'den of thieves'), L('den-of-thieves', 'den-of-thieves')],
  },
  seed: {
    'port-logic': [L('Port Logic', 'in Port Logic')],
    patchbourough: [L('PatchBourough', 'in PatchBourough')],
    circuiton: [L('Circuiton', 'in Circuiton')],
    'den-of-thieves': [
      L('Den of Thieves', 'in Den of Thieves'),
      L('the Den of Thieves', 'in the Den of Thieves'),
    ],
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

const sameSay = (...s: string[]): Record<Voice, readonly string[]> => ({ player: s, analyst: s, seed: s });

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
      player: ['yesterday'],
      analyst: ['yday', 'yesterday'],
      seed: ['yesterday'],
    });
  }
  day(d: number) {
    return this.mk(d, d, { player: [`on day ${d}`], analyst: [`day ${d}`], seed: [`on day ${d}`] });
  }
  days(a: number, b: number) {
    return this.mk(a, b, {
      player: [`from day ${a} to day ${b}`, `over days ${a} to ${b}`],
      analyst: [`days ${a}-${b}`, `days ${a} to ${b}`],
      seed: [`from day ${a} to day ${b}`],
    });
  }
  week(w: number) {
    return this.mk(7 * w - 6, 7 * w, {
      player: [`in week ${w}`, `during week ${w}`],
      analyst: [`wk ${w}`, `week ${w}`],
      seed: [`in week ${w}`],
    });
  }
  lastWeek() {
    return this.mk(this.N - 7, this.N - 1, {
      player: ['last week'],
      analyst: ['last wk', 'last week'],
      seed: ['last week'],
    });
  }
  thisWeek() {
    return this.mk(this.N - 6, this.N, {
      player: ['this week', 'over the past week'],
      analyst: ['this wk', 'past week'],
      seed: ['this week', 'in the past week'],
    });
  }
  lastK(k: number) {
    return this.mk(this.N - k + 1, this.N, {
      player: [`in the last ${k} days`, `over the last ${k} days`],
      analyst: [`last ${k} days`, `last ${k}d`],
      seed: [`in the last ${k} days`],
    });
  }
  past2w() {
    return this.mk(this.N - 13, this.N, {
      player: ['over the past two weeks', 'in the last 2 weeks'],
      analyst: ['last 2 weeks', 'past 2 wks'],
      seed: ['in the past 2 weeks'],
    });
  }
  lastMonth() {
    return this.mk(this.N - 30, this.N - 1, {
      player: ['last month'],
      analyst: ['last month', 'last mo'],
      seed: ['last month'],
    });
  }
  thisMonth() {
    return this.mk(this.N - 29, this.N, {
      player: ['this month', 'over the past 30 days'],
      analyst: ['this month', 'past 30 days'],
      seed: ['this month'],
    });
  }
  pastYear() {
    return this.mk(this.N - 364, this.N, {
      player: ['over the past year'],
      analyst: ['past year', 'last 365 days'],
      seed: ['in the past year'],
    });
  }
  whole() {
    return this.mk(
      1,
      this.N,
      {
        player: ['so far', 'to date', ''],
        analyst: ['all time', ''],
        seed: ['', 'in the whole history', 'so far'],
      },
      true,
    );
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
const SHORT: readonly SpanKind[] = ['week', 'lastWeek', 'thisWeek', 'lastK', 'days', 'past2w'];

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
      return sp.lastK(g.pick([3, 4, 5, 10, 12, 20]));
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

function pearson(pts: readonly [number, number][]): number {
  const n = pts.length;
  const mx = pts.reduce((a, p) => a + p[0], 0) / n;
  const my = pts.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
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

/** A set of days: every one named when six or fewer (and no other day of the range), else its size and one of them; none said plainly. */
function daySet(a: string, days: readonly number[], s: Span): string | null {
  if (days.length === 0) return NONE.test(a) ? null : 'does not say there were none';
  if (days.length <= 6) {
    const missing = days.find((d) => !saysDay(a, d));
    if (missing !== undefined) return `does not name day ${missing}`;
    const extra = [...listedDays(a)].find(
      (d) => d >= s.from && d <= s.to && d !== s.from && d !== s.to && !days.includes(d),
    );
    return extra === undefined ? null : `names day ${extra}, which is not one of them`;
  }
  return states(a, days.length, 0) ?? dayAny(a, days);
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
const dayRe = (d: number) => new RegExp(`\\bday ${d}\\b`, 'i');
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

/** The answer does not state this figure. */
const notStated = (a: string, v: number, d: number) =>
  states(a, v, d) === null ? `states ${fmt(v, d)}, the figure of the stretch ending today` : null;

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
const namesPerson = (a: string, p: Person) => (personRe(p).test(a) ? null : `does not name ${p.name}`);
const holders = (town: Town, role: string) => PEOPLE.filter((p) => p.town === town && p.roles.includes(role));
/** How the player calls a person: first name or full name. */
function callP(g: Gen, v: Voice, p: Person): string {
  if (v === 'player' && p.keys.length > 0 && g.chance(0.6)) return p.keys[0] as string;
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the fishermen ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the net loft ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the rope makers ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the farmers ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the mill ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the forge ${l.at}`, 'the blacksmith']),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the miners ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the smelter ${l.at}`]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : ['John', `the workshop ${l.at}`, l.name]),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : v === 'seed' ? [`the Academy ${l.at}`] : ['the Academy']),
    at: (v, l) => (v === 'analyst' ? l.name : v === 'seed' ? `at the Academy ${l.at}` : 'at the Academy'),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : [`the tavern ${l.at}`, l.name, 'Greta']),
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
    subj: (v, l) => (v === 'analyst' ? [l.name] : ['Skiv', `the fletcher ${l.at}`, l.name]),
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
    subj: (v) => (v === 'analyst' ? [''] : ['the pirates']),
    at: (v) => (v === 'analyst' ? '' : 'by the pirates'),
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
      subj: (v, l) => (v === 'analyst' ? [l.name] : [l.name, `the traders ${l.at}`]),
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
const atOf = (o: Out, v: Voice, l: Label) => (o.at ? o.at(v, l) : v === 'analyst' ? l.name : l.at);
const moreLess = (o: Out, hi: boolean) => (hi ? 'most' : o.many ? 'fewest' : 'least');
const manyMuch = (o: Out) => (o.many ? 'many' : 'much');
/** A verb for the passive, never one ending in "in" or "up" ("brought in in Port Logic", "dug up up the mountain"). */
const passVerb = (g: Gen, o: Out) => g.pick(o.verbs.filter((x) => !/ (in|up)$/.test(x.pp)));
/** "450 gold", or "450 or 460 gold" where two readings differ. */
const either = (vs: readonly number[]) => [...new Set(vs)].join(' or ');
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
const hap = (id: string) => HAPS.find((x) => x.id === id) as Hap;
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

const lab = (g: Gen, v: Voice, t: Town) => g.pick(LABELS[v][t]);
const T = (g: Gen, v: Voice, s: Span) => g.pick(s.say[v]);
const mk = (form: string, question: string, truth: string, check: Check): Cand => ({
  form,
  question: tidy(question),
  truth,
  check,
});
/** A time put first ("Last week, …") when it is not empty. */
const lead = (t: string, rest: string) => (t === '' ? cap(rest) : `${cap(t)}, ${rest}`);

/** The span a maker asks about: the whole history for the scope form. */
const spanFor = (c: Ctx, form: string, kinds: readonly SpanKind[]) =>
  form === 'scope' ? c.sp.whole() : spanOf(c.g, c.sp, c.g.pick(kinds));

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

/** "1,500 fish", "8 tons of ore", "400 gold". */
function amountOf(o: Out, thr: number, v: Voice): string {
  if (o.many) return `${fig(thr, v)} ${o.thing}`;
  if (o.id.startsWith('sales')) return `${fig(thr, v)} gold from sales`;
  if (o.unit === 'gold') return `${fig(thr, v)} gold`;
  return `${fig(thr, v)} ${o.unit} of ${o.thing}`;
}
/** Where a day's total happened ("at the port"; the pirates' raids at the Den). */
const placeOf = (o: Out, v: Voice, l: Label) =>
  o.id === 'raid' ? (v === 'analyst' ? '' : l.at) : atOf(o, v, l);
/** Where a single event happened; a raid needs no place. */
const evAtOf = (o: Out, v: Voice, l: Label) => (o.id === 'raid' ? '' : atOf(o, v, l));
const dayThing = (o: Out) =>
  o.id === 'raid'
    ? 'raid gold'
    : o.id.startsWith('sales')
      ? 'sales'
      : o.id === 'harvest'
        ? 'the harvest'
        : o.thing;

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
  const q =
    v === 'player'
      ? g.pick([
          `Hey, ${hw.h} did ${S} ${vb.base} ${t}?`,
          lead(t, `${hw.h} ${hw.aux} ${passVerb(g, o).pp} ${at}?`),
          `Quick one: ${hw.h} ${hw.aux} ${passVerb(g, o).pp} ${at} ${t}?`,
        ])
      : v === 'analyst'
        ? g.pick([`sum(${o.col}) ${whereOf(o, l)} ${t}`, `total ${o.col}, ${whereOf(o, l)}, ${t}`])
        : g.pick([
            `${cap(hw.h)} ${hw.aux} ${passVerb(g, o).pp} ${at} ${t}?`,
            `${cap(hw.h)} did ${S} ${vb.base} ${t}?`,
          ]);
  return mk(form, q, `${unitOf(o, total)} (sum, ${s.label})`, (a) => val(a, total, o.dec));
};

const mRainTotal: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(TOWNS);
  const r = READS.find((x) => x.id === `rain-${town}`) as Rd;
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'today', 'day']);
  const total = rdValue(h, r, s);
  if (Number.isNaN(total)) return null;
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q =
    v === 'player'
      ? g.pick([`How much rain fell ${l.at} ${t}?`, lead(t, `how much rain did ${l.name} get?`)])
      : v === 'analyst'
        ? g.pick([`sum(rain_mm) ${l.name} ${t}`, `total rainfall mm ${l.name}, ${t}`])
        : `How much rain fell ${l.at} ${t}?`;
  return mk(form, q, `${rdUnit(r, total)} (sum of rain, ${s.label})`, (a) => val(a, total, 1));
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
  const q =
    v === 'player'
      ? g.pick([
          `What was the average ${noun} ${l.at} ${t}?`,
          warm
            ? `How warm was it ${l.at} on average ${t}?`
            : lead(t, `what was the ${noun} like ${l.at} on average?`),
        ])
      : v === 'analyst'
        ? g.pick([`avg ${rdCol(r)} ${l.name} ${t}`, `mean(${rdCol(r)}) ${l.name}, ${t}`])
        : `What was the average ${noun} ${l.at} ${t}?`;
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
  const q =
    v === 'player'
      ? g.pick([
          `On average, ${hw.h} did ${S} ${vb.base} per day ${t}?`,
          lead(t, `what's the daily average of ${o.thing} ${passVerb(g, o).pp} ${placeOf(o, v, l)}?`),
        ])
      : v === 'analyst'
        ? g.pick([
            `avg ${o.col}/day ${whereOf(o, l)} ${t}`,
            `mean daily sum(${o.col}) ${whereOf(o, l)}, ${t}`,
          ])
        : o.many
          ? `On average, how many ${o.thing} were ${passVerb(g, o).pp} per day ${placeOf(o, v, l)} ${t}?`
          : `What was the average amount of ${o.thing} ${passVerb(g, o).pp} per day ${placeOf(o, v, l)} ${t}?`;
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
  const S = g.pick(o.subj(v, l));
  const q =
    v === 'player'
      ? g.pick([
          `How many ${thing} did ${S} average ${o.perEv} ${t}?`.replace('How many gold', 'How much gold'),
          `What was the average ${thing} ${o.perEv} ${evAtOf(o, v, l)} ${t}?`,
        ])
      : v === 'analyst'
        ? `avg ${o.col} ${o.perEv} ${whereOf(o, l)} ${t}`
        : `What was the average ${thing} ${o.perEv} ${evAtOf(o, v, l)} ${t}?`;
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
  const th = dayThing(o);
  const withDay: [string, boolean][] =
    v === 'player'
      ? hi
        ? [
            [`Which day ${t} did ${S} ${vb.base} the most ${o.thing}, and what was the day's total?`, true],
            [`What was ${l.pos} best day for ${th} ${t}? Day and total, please.`, true],
            [`What's the most ${o.thing} ${S} ${vb.past} in a single day ${t}?`, false],
          ]
        : [
            [
              `Which day ${t} did ${S} ${vb.base} the ${most} ${o.thing}, and what was the day's total?`,
              true,
            ],
            [`What was ${l.pos} worst day for ${th} ${t}? Day and total, please.`, true],
          ]
      : v === 'analyst'
        ? hi
          ? [
              [`max daily sum(${o.col}) ${whereOf(o, l)} ${t}, day + value`, true],
              [`best day by ${o.col} ${whereOf(o, l)}, ${t} (day, total)`, true],
              [`max of daily ${o.col} totals ${whereOf(o, l)} ${t}`, false],
            ]
          : [
              [`min daily sum(${o.col}) ${whereOf(o, l)} ${t}, day + value`, true],
              [`worst day by ${o.col} ${whereOf(o, l)}, ${t} (day, total)`, true],
            ]
        : hi
          ? [
              [`On which day ${t} did ${S} ${vb.base} the most ${o.thing}, and how ${manyMuch(o)}?`, true],
              [`What was the best day for ${th} ${at} ${t}? Give the day and the total.`, true],
            ]
          : [
              [
                `On which day ${t} did ${S} ${vb.base} the ${most} ${o.thing}? Give the day and the total.`,
                true,
              ],
            ];
  const [q, day] = g.pick(withDay);
  const truth = `${unitOf(o, ext.v)} on day ${ext.days.join(' or ')} (${hi ? 'max' : 'min'} of daily totals, ${s.label})`;
  return mk(form, q, truth, (a) => allOf(day ? dayAny(a, ext.days) : null, val(a, ext.v, o.dec)));
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
  let q: string;
  if (r.sum)
    q =
      v === 'player'
        ? g.pick([
            `What was the wettest day ${l.at} ${t}, and how much rain fell that day?`,
            lead(t, `which day got the most rain ${l.at}, and how much?`),
          ])
        : v === 'analyst'
          ? `day w/ max daily sum(rain_mm) ${l.name} ${t} (+ mm)`
          : `Which was the wettest day ${l.at} ${t}, and how much rain fell?`;
  else
    q =
      v === 'player'
        ? g.pick([
            `What was ${dn} ${l.at} ${t}, and what was that day's average ${noun}?`,
            lead(t, `which was ${dn} ${l.at}? And the day's average ${noun}?`),
          ])
        : v === 'analyst'
          ? g.pick([
              `day w/ ${hi ? 'max' : 'min'} daily avg ${rdCol(r)} ${l.name} ${t} (+ value)`,
              `arg${hi ? 'max' : 'min'} of daily mean ${rdCol(r)}, ${l.name}, ${t}: day and mean`,
            ])
          : `Which was ${dn} ${l.at} ${t}? Give the day and its average ${noun}.`;
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
  const q =
    v === 'player'
      ? g.pick([
          `How many days ${t} ${did}?`,
          `On how many days ${did} ${t}?`,
          lead(t, `how many days ${did}?`),
        ])
      : v === 'analyst'
        ? g.pick([`count distinct days ${x.an(l)} ${t}`, `# days w/ ${x.an(l)}, ${t}`])
        : `On how many days ${did} ${t}?`;
  return mk(form, q, `${n1}${n2 !== n1 ? ` (or ${n2} by the raids)` : ''} days (${s.label})`, (a) =>
    valAny(a, [n1, n2], 0),
  );
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
  const aux = o.unit === 'gold' && !o.many ? 'was' : 'were';
  const q =
    v === 'player'
      ? g.pick([
          `On how many days ${t} did ${S} ${vb.base} ${cmp} ${amount}?`,
          lead(t, `how many days did ${S} ${vb.base} ${cmp} ${amount}?`),
        ])
      : v === 'analyst'
        ? g.pick([
            `count days sum(${o.col}) ${over ? '>' : '<'} ${thr} ${whereOf(o, l)} ${t}`,
            `# days daily ${o.col} ${over ? '>' : '<'} ${thr}, ${whereOf(o, l)}, ${t}`,
          ])
        : `On how many days ${t} ${aux} ${cmp} ${amount} ${passVerb(g, o).pp} ${atOf(o, v, l)}?`;
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
  const q =
    v === 'player'
      ? g.pick([
          `How many days ${t} did the average ${noun} ${l.at} ${over ? 'top' : 'stay below'} ${u}?`,
          lead(t, `on how many days was the day's average ${noun} ${l.at} ${over ? 'above' : 'below'} ${u}?`),
        ])
      : v === 'analyst'
        ? `count days avg(${rdCol(r)}) ${over ? '>' : '<'} ${thr} ${l.name} ${t}`
        : `On how many days ${t} was the average ${noun} ${l.at} ${over ? 'above' : 'below'} ${u}?`;
  return mk(form, q, `${n} days (daily mean ${over ? '>' : '<'} ${thr}, ${s.label})`, (a) => val(a, n, 0));
};

const mAnyOver: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(
    READS.filter((x) => ['wind_kph', 'rain_mm', 'temperature_c', 'humidity_pct'].includes(x.key)),
  );
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const list = inSpan(sensors(h, r.town), s);
  const maxes = new Map<number, number>();
  for (const e of list) maxes.set(e.day, Math.max(maxes.get(e.day) ?? -Infinity, num(e, r.key)));
  const values = [...maxes.values()];
  const thr = threshold(g, values, r.step);
  if (thr === null) return null;
  const n = values.filter((x) => x > thr).length;
  const l = lab(g, v, r.town);
  const t = T(g, v, s);
  const noun = rdNoun(g, r);
  const u = `${thr}${r.unit === '°C' || r.unit === '%' ? '' : ' '}${r.unit}`;
  const q =
    v === 'player'
      ? r.sum
        ? `On how many days ${t} did a single reading ${l.at} show more than ${u} of rain?`
        : g.pick([
            `On how many days ${t} did any ${noun} reading ${l.at} go over ${u}?`,
            lead(t, `how many days had at least one ${noun} reading above ${u} ${l.at}?`),
          ])
      : v === 'analyst'
        ? g.pick([
            `count days max(${rdCol(r)}) > ${thr} ${l.name} ${t}`,
            `# days any ${rdCol(r)} reading > ${thr}, ${l.name}, ${t}`,
          ])
        : `On how many days ${t} did a ${r.sum ? 'rain' : noun} reading ${l.at} exceed ${u}?`;
  return mk(form, q, `${n} days (a reading > ${thr}, ${s.label})`, (a) => val(a, n, 0));
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
  const q =
    v === 'player'
      ? g.pick([
          `How many dry days did ${l.name} have ${t}?`,
          `How many days ${t} did it not rain at all ${l.at}?`,
        ])
      : v === 'analyst'
        ? `count dry days (no rain_mm > 0) ${l.name} ${t}`
        : `On how many days ${t} did no rain fall ${l.at}?`;
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

const mWeeksOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const w1 = g.int(1, 7);
  const w2 = g.chance(0.6) ? (w1 === 7 ? 6 : w1 + 1) : g.pick([1, 2, 3, 4, 5, 6, 7].filter((w) => w !== w1));
  const [a, b] = w1 < w2 ? [w1, w2] : [w2, w1];
  const va = sumOf(inSpan(outEvents(h, o), c.sp.week(a)), o.key);
  const vb2 = sumOf(inSpan(outEvents(h, o), c.sp.week(b)), o.key);
  if (round(va, o.dec) === round(vb2, o.dec)) return null;
  const more = g.chance(0.75);
  const aWins = more ? va > vb2 : va < vb2;
  const l = lab(g, v, o.town);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const word = more ? 'more' : o.many ? 'fewer' : 'less';
  const q =
    v === 'player'
      ? g.pick([
          `Did ${S} ${vb.base} ${word} ${o.thing} in week ${a} or week ${b}?`,
          `Week ${a} or week ${b}: when did ${S} ${vb.base} ${word} ${o.thing}?`,
        ])
      : v === 'analyst'
        ? `${word} ${o.col} ${whereOf(o, l)}: wk ${a} or wk ${b}?`
        : `${o.many ? 'Were' : 'Was'} ${word} ${o.thing} ${passVerb(g, o).pp} ${atOf(o, v, l)} in week ${a} or in week ${b}?`;
  const [w, x, vw, vx] = aWins ? [a, b, va, vb2] : [b, a, vb2, va];
  return mk(
    form,
    q,
    `week ${w} (${unitOf(o, vw)}) over week ${x} (${unitOf(o, vx)})`,
    compareCheck(weekRe(w), weekRe(x), `week ${w}`, [vw], [vx], o.dec),
  );
};

const mDaysOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const d1 = g.int(2, 55);
  const d2 = g.chance(0.5) ? (d1 === 55 ? 54 : d1 + 1) : g.int(2, 55);
  if (d1 === d2) return null;
  const [a, b] = d1 < d2 ? [d1, d2] : [d2, d1];
  const va = sumOf(inSpan(outEvents(h, o), c.sp.day(a)), o.key);
  const vb2 = sumOf(inSpan(outEvents(h, o), c.sp.day(b)), o.key);
  if (round(va, o.dec) === round(vb2, o.dec)) return null;
  const more = g.chance(0.75);
  const aWins = more ? va > vb2 : va < vb2;
  const l = lab(g, v, o.town);
  const vb = g.pick(o.verbs);
  const S = g.pick(o.subj(v, l));
  const word = more ? 'more' : o.many ? 'fewer' : 'less';
  const q =
    v === 'player'
      ? g.pick([
          `Did ${S} ${vb.base} ${word} ${o.thing} on day ${a} or day ${b}?`,
          `Day ${a} or day ${b} — which saw ${word} ${o.thing} ${passVerb(g, o).pp} ${atOf(o, v, l)}?`,
        ])
      : v === 'analyst'
        ? `${word} ${o.col} ${whereOf(o, l)}: day ${a} or day ${b}?`
        : `${o.many ? 'Were' : 'Was'} ${word} ${o.thing} ${passVerb(g, o).pp} ${atOf(o, v, l)} on day ${a} or on day ${b}?`;
  const [w, x, vw, vx] = aWins ? [a, b, va, vb2] : [b, a, vb2, va];
  return mk(
    form,
    q,
    `day ${w} (${unitOf(o, vw)}) over day ${x} (${unitOf(o, vx)})`,
    compareCheck(dayRe(w), dayRe(x), `day ${w}`, [vw], [vx], o.dec),
  );
};

const mWeeksRd: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const w1 = g.int(1, 7);
  const w2 = g.chance(0.6) ? (w1 === 7 ? 6 : w1 + 1) : g.pick([1, 2, 3, 4, 5, 6, 7].filter((w) => w !== w1));
  const [a, b] = w1 < w2 ? [w1, w2] : [w2, w1];
  const va = rdValue(h, r, c.sp.week(a));
  const vb = rdValue(h, r, c.sp.week(b));
  if (Number.isNaN(va) || Number.isNaN(vb) || round(va, r.dec) === round(vb, r.dec)) return null;
  if (onEdge(va, r.dec) || onEdge(vb, r.dec)) return null;
  const hi = g.chance(0.6);
  const aWins = hi ? va > vb : va < vb;
  const l = lab(g, v, r.town);
  const q =
    v === 'player'
      ? g.pick([
          `${cap(hi ? r.cmpHi : r.cmpLo)} ${l.at} in week ${a} or week ${b}?`,
          `Week ${a} or week ${b} ${l.at}: ${hi ? r.cmpHi : r.cmpLo} in which?`,
        ])
      : v === 'analyst'
        ? `${hi ? 'higher' : 'lower'} ${r.sum ? 'sum' : 'avg'} ${rdCol(r)} ${l.name}: wk ${a} or wk ${b}?`
        : `${cap(hi ? r.cmpHi : r.cmpLo)} ${l.at} in week ${a} or in week ${b}?`;
  const [w, x, vw, vx] = aWins ? [a, b, va, vb] : [b, a, vb, va];
  return mk(
    form,
    q,
    `week ${w} (${rdUnit(r, vw)}) over week ${x} (${rdUnit(r, vx)})`,
    compareCheck(weekRe(w), weekRe(x), `week ${w}`, [vw], [vx], r.dec),
  );
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
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday', 'today', 'day']));
  const v1 = rdValue(h, r1, s);
  const v2 = rdValue(h, r2, s);
  if (Number.isNaN(v1) || Number.isNaN(v2) || round(v1, r1.dec) === round(v2, r1.dec)) return null;
  if (onEdge(v1, r1.dec) || onEdge(v2, r1.dec)) return null;
  const hi = g.chance(0.6);
  const oneWins = hi ? v1 > v2 : v1 < v2;
  const l1 = lab(g, v, t1);
  const l2 = lab(g, v, t2);
  const t = T(g, v, s);
  const cmp = hi ? r1.cmpHi : r1.cmpLo;
  const q =
    v === 'player'
      ? g.pick([`${cap(cmp)} ${l1.at} or ${l2.at} ${t}?`, lead(t, `${cmp} ${l1.at} or ${l2.at}?`)])
      : v === 'analyst'
        ? `${hi ? 'higher' : 'lower'} ${r1.sum ? 'sum' : 'avg'} ${key}: ${l1.name} or ${l2.name}, ${t}?`
        : `${cap(cmp)} ${l1.at} or ${l2.at} ${t}?`;
  const [w, x, vw, vx] = oneWins ? [t1, t2, v1, v2] : [t2, t1, v2, v1];
  return mk(
    form,
    q,
    `${TOWN_NAMES[w]} (${rdUnit(r1, vw)}) over ${TOWN_NAMES[x]} (${rdUnit(r1, vx)}), ${s.label}`,
    compareCheck(townRe(w), townRe(x), TOWN_NAMES[w] as string, [vw], [vx], r1.dec),
  );
};

const mTownsSales: Maker = (c, v, form) => {
  const { g, h } = c;
  const [t1, t2] = g.two(SENDERS);
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday']));
  const v1 = sumOf(inSpan(outEvents(h, out(`sales-${t1}`)), s), 'value_gold');
  const v2 = sumOf(inSpan(outEvents(h, out(`sales-${t2}`)), s), 'value_gold');
  if (v1 === v2) return null;
  const l1 = lab(g, v, t1);
  const l2 = lab(g, v, t2);
  const t = T(g, v, s);
  const q =
    v === 'player'
      ? g.pick([
          `Which earned more from sales ${t}, ${l1.name} or ${l2.name}?`,
          lead(t, `who made more gold selling goods, ${l1.name} or ${l2.name}?`),
        ])
      : v === 'analyst'
        ? `sum(value_gold) trades from=${l1.name} vs from=${l2.name}, ${t}: which is higher?`
        : `Did ${l1.name} or ${l2.name} earn more gold from sales ${t}?`;
  const [w, x, vw, vx] = v1 > v2 ? [t1, t2, v1, v2] : [t2, t1, v2, v1];
  return mk(
    form,
    q,
    `${TOWN_NAMES[w]} (${vw} gold) over ${TOWN_NAMES[x]} (${vx} gold), ${s.label}`,
    compareCheck(townRe(w), townRe(x), TOWN_NAMES[w] as string, [vw], [vx], 0),
  );
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
  const s = spanOf(g, c.sp, g.pick([...MULTI, 'yesterday', 'today']));
  const sums = [...byActor(h, o, s)].filter(([, x]) => x > 0);
  if (sums.length < 2) return null;
  const [[p1, v1], [p2, v2]] = g.two(sums);
  if (round(v1, o.dec) === round(v2, o.dec)) return null;
  const t = T(g, v, s);
  const vb = g.pick(o.verbs);
  const n1 = callP(g, v, p1);
  const n2 = callP(g, v, p2);
  const q =
    v === 'player'
      ? g.pick([
          `Who ${vb.past} more ${o.thing} ${t}, ${n1} or ${n2}?`,
          lead(t, `did ${n1} or ${n2} ${vb.base} more ${o.thing}?`),
        ])
      : v === 'analyst'
        ? `sum(${o.col}) ${whereOf(o, lab(g, v, o.town))} by actor ${t}: ${n1} vs ${n2}, which is higher?`
        : `Did ${n1} or ${n2} ${vb.base} more ${o.thing} ${t}?`;
  const [w, x, vw, vx] = v1 > v2 ? [p1, p2, v1, v2] : [p2, p1, v2, v1];
  return mk(
    form,
    q,
    `${w.name} (${unitOf(o, vw)}) over ${x.name} (${unitOf(o, vx)}), ${s.label}`,
    compareCheck(personRe(w), personRe(x), w.name, [vw], [vx], o.dec),
  );
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
  if (a1 === a2 || b1 === b2 || a1 > a2 !== b1 > b2) return null;
  const l1 = lab(g, v, t1);
  const l2 = lab(g, v, t2);
  const t = T(g, v, s);
  const q =
    v === 'player'
      ? g.pick([
          `Did the pirates take more gold off ${l1.pos} shipments or ${l2.pos} ${t}?`,
          lead(t, `who lost more gold to the pirates, ${l1.name} or ${l2.name}?`),
        ])
      : v === 'analyst'
        ? `raid_gold by target: ${l1.name} vs ${l2.name}, ${t} — which is higher?`
        : `Which town lost more gold to the pirates ${t}, ${l1.name} or ${l2.name}?`;
  const oneWins = a1 > a2;
  const [w, x, vw, vx] = oneWins ? [t1, t2, [a1, b1], [a2, b2]] : [t2, t1, [a2, b2], [a1, b1]];
  return mk(
    form,
    q,
    `${TOWN_NAMES[w]} (${either(vw)} gold) over ${TOWN_NAMES[x]} (${either(vx)} gold), ${s.label}`,
    compareCheck(townRe(w), townRe(x), TOWN_NAMES[w] as string, vw, vx, 0),
  );
};

// ---------------------------------------------------------------- events counted

const mCount: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS.filter((y) => y.count !== undefined));
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'today', 'pastYear']);
  const n1 = inSpan(x.events(h), s).length;
  const n2 = x.alt ? inSpan(x.alt(h), s).length : n1;
  const l = lab(g, v, x.town);
  const t = T(g, v, s);
  const body = g.pick((x.count as (l: Label) => readonly string[])(l));
  const q =
    v === 'player'
      ? g.pick([`${cap(body)} ${t}?`, lead(t, `${body}?`)])
      : v === 'analyst'
        ? g.pick([`count ${x.an(l)} ${t}`, `n(${x.an(l)}), ${t}`])
        : x.id === 'raid' && !s.whole
          ? `How many raids ${t}?`
          : `${cap(body)} ${t}?`;
  return mk(form, q, `${n1}${n2 !== n1 ? ` (or ${n2} by the raids)` : ''} events (${s.label})`, (a) =>
    valAny(a, [n1, n2], 0),
  );
};

// ---------------------------------------------------------------- single-event extremes

function evMax(list: readonly RawEvent[], key: string): { v: number; days: number[] } | null {
  if (list.length === 0) return null;
  const v = Math.max(...list.map((e) => num(e, key)));
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
  const q =
    v === 'player'
      ? withDay
        ? lead(t, `what was ${ev} ${at}, and what day was that?`)
        : g.pick([`What was ${ev} ${at} ${t}?`, `Hey, what's ${ev} ${at} ${t}?`])
      : v === 'analyst'
        ? withDay
          ? `max(${o.col}) per event ${whereOf(o, l)} ${t} + day`
          : `max single-event ${o.col} ${whereOf(o, l)} ${t}`
        : withDay
          ? `What was ${ev} ${at} ${t}, and on which day?`
          : `What was ${ev} ${at} ${t}?`;
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
  const q =
    v === 'player'
      ? g.pick([
          `What was the costliest single robbery ${l.name} suffered ${t}?`,
          lead(t, `what's the most gold the pirates took from one of ${l.pos} shipments?`),
        ])
      : v === 'analyst'
        ? g.pick([`max(loot_gold) loss events ${l.name} ${t}`, `max raid_gold where target=${l.name}, ${t}`])
        : `What was the richest single robbery of a shipment from ${l.name} ${t}?`;
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
  const q =
    v === 'player'
      ? buy
        ? `What's the most ${l.name} paid for a single overseas cargo ${t}?`
        : `What's the biggest single sale ${l.name} made to an overseas ship ${t}?`
      : v === 'analyst'
        ? `max(value_gold) trades ${buy ? `from=overseas to=${l.name}` : `from=${l.name} to=overseas`} ${t}`
        : buy
          ? `What was the biggest single purchase ${l.name} made from an overseas ship ${t}?`
          : `What was the largest single sale ${l.at} to an overseas ship ${t}?`;
  return mk(form, q, `${ext.v} gold (${s.label})`, (a) => val(a, ext.v, 0));
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
  const q =
    v === 'player'
      ? g.pick([
          `Which day ${t} did ${S} ${vb.base} the ${moreLess(o, hi)} ${o.thing}?`,
          lead(t, `what day was ${l.pos} ${hi ? 'best' : 'worst'} for ${dayThing(o)}?`),
        ])
      : v === 'analyst'
        ? `arg${hi ? 'max' : 'min'} day of daily sum(${o.col}) ${whereOf(o, l)} ${t}`
        : `On which day ${t} did ${S} ${vb.base} the ${moreLess(o, hi)} ${o.thing}?`;
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
  const q =
    v === 'player'
      ? g.pick([`On what day ${t} was ${ev} ${at}?`, lead(t, `when was ${ev} ${at}?`)])
      : v === 'analyst'
        ? `day of max single-event ${o.col} ${whereOf(o, l)} ${t}`
        : `On which day ${t} was ${ev} ${at}?`;
  return mk(form, q, `day ${ext.days.join(' or ')} (${unitOf(o, ext.v)}, ${s.label})`, (a) =>
    dayAny(a, ext.days),
  );
};

const mFirstLast: Maker = (c, v, form) => {
  const { g, h } = c;
  const x = g.pick(HAPS);
  const s = spanFor(c, form, [...MULTI, 'whole', 'whole', 'pastYear']);
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
  let q: string;
  if (s.whole)
    q =
      v === 'player'
        ? `When was the ${fl} time ${x.clause(l)}?`
        : v === 'analyst'
          ? `${fl} day w/ ${x.an(l)}, all time`
          : firstOne
            ? `On which day ${x.did(l)} for the first time?`
            : `When ${x.did(l)} most recently?`;
  else {
    const t = T(g, v, s);
    q =
      v === 'player'
        ? g.pick([
            `When was the ${fl} time ${t} that ${x.clause(l)}?`,
            `What was the ${fl} day ${t} that ${x.clause(l)}?`,
          ])
        : v === 'analyst'
          ? g.pick([
              `${fl} day w/ ${x.an(l)} ${t}`,
              `${firstOne ? 'min' : 'max'}(day) where ${x.an(l)}, ${t}`,
            ])
          : `On which day ${t} ${x.did(l)} for the ${fl} time?`;
  }
  return mk(form, q, `day ${days.join(' or ')} (${fl}, ${s.label})`, (a) => dayAny(a, days));
};

function readingExt(h: Hist, r: Rd, s: Span, hi: boolean) {
  const list = inSpan(sensors(h, r.town), s).filter((e) => has(e, r.key));
  if (list.length === 0) return null;
  const vals = list.map((e) => num(e, r.key));
  const v = hi ? Math.max(...vals) : Math.min(...vals);
  return { v, days: [...new Set(list.filter((e) => num(e, r.key) === v).map((e) => e.day))] };
}

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
  const q =
    v === 'player'
      ? g.pick([`On which day ${t} was ${what} ${l.at}?`, lead(t, `when did ${l.name} log ${what}?`)])
      : v === 'analyst'
        ? `day of ${hi ? 'max' : 'min'}(${rdCol(r)}) ${l.name} ${t}`
        : `On which day ${t} was ${what} ${l.at} recorded?`;
  return mk(form, q, `day ${ext.days.join(' or ')} (${rdUnit(r, ext.v)}, ${s.label})`, (a) =>
    dayAny(a, ext.days),
  );
};

// ---------------------------------------------------------------- single readings

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
  const noun = rdNoun(g, r);
  const q =
    v === 'player'
      ? g.pick([`What was ${what} ${l.at} ${t}?`, lead(t, `what was ${what} ${l.at}?`)])
      : v === 'analyst'
        ? g.pick([
            `${hi ? 'max' : 'min'}(${rdCol(r)}) ${l.name} ${t}`,
            `${hi ? 'highest' : 'lowest'} single ${rdCol(r)} reading, ${l.name}, ${t}`,
          ])
        : r.sum
          ? `What was ${what} ${l.at} ${t}?`
          : `What was the ${hi ? 'highest' : 'lowest'} ${noun} recorded ${l.at} ${t}?`;
  return mk(form, q, `${rdUnit(r, ext.v)} (${hi ? 'max' : 'min'} reading, ${s.label})`, (a) =>
    val(a, ext.v, r.dec),
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
  const s = spanFor(c, form, [...MULTI, 'yesterday', 'today', 'pastYear']);
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
  const q =
    v === 'player'
      ? withVal
        ? `Which of the ${o.roleWords} ${at} ${vb.past} the most ${o.thing} ${t}, and how ${manyMuch(o)}?`
        : g.pick([
            `Who ${vb.past} the most ${o.thing} ${at} ${t}?`,
            lead(t, `who ${vb.past} the most ${o.thing} ${at}?`),
          ])
      : v === 'analyst'
        ? withVal
          ? `argmax(actor) sum(${o.col}) ${whereOf(o, l)}, ${t} + value`
          : `top actor by sum(${o.col}) ${whereOf(o, l)} ${t}`
        : withVal
          ? `Who ${vb.past} the most ${o.thing} ${at} ${t}, and how ${manyMuch(o)}?`
          : `Who ${vb.past} the most ${o.thing} ${at} ${t}?`;
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

const mRaidByTarget: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const [a1, a2] = robbedGold(h, town, s);
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q =
    v === 'player'
      ? g.pick([
          `How much gold did the pirates take off ${l.pos} shipments ${t}?`,
          lead(t, `how much did the pirates steal from ${l.pos} shipments?`),
        ])
      : v === 'analyst'
        ? `sum(raid_gold) where target=${l.name} ${t}`
        : `How much gold did the pirates steal from ${l.name} shipments ${t}?`;
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
    ? v === 'player'
      ? `How much gold did the pirates get from ${gw} shipments ${t}?`
      : v === 'analyst'
        ? `sum(raid_gold) raids goods=${goods} ${t}`
        : `How much gold did the pirates steal from shipments of ${goods} ${t}?`
    : v === 'player'
      ? g.pick([
          `How many ${gw} shipments did the pirates raid ${t}?`,
          lead(t, `how many times did the pirates hit a ${gw} shipment?`),
        ])
      : v === 'analyst'
        ? `count raids goods=${goods}, raid_gold > 0, ${t}`
        : `How many times did the pirates raid a shipment of ${goods} ${t}?`;
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
  const q =
    v === 'player'
      ? `How many of ${l.pos} ${gw} shipments got robbed ${t}?`
      : v === 'analyst'
        ? `count loss events ${l.name} goods=${goods} ${t}`
        : `How many shipments of ${goods} from ${l.name} did the pirates rob ${t}?`;
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
    ? v === 'player'
      ? `How much gold did ${la.name} make on shipments to ${lb.name} ${t}?`
      : v === 'analyst'
        ? `sum(value_gold) trade from=${la.name} to=${lb.name} ${t}`
        : `How much gold did ${la.name} earn from goods sent to ${lb.name} ${t}?`
    : v === 'player'
      ? g.pick([
          `How many crates did ${la.name} ship to ${lb.name} ${t}?`,
          lead(t, `how many crates went from ${la.name} to ${lb.name}?`),
        ])
      : v === 'analyst'
        ? `sum(cargo_items) trade from=${la.name} to=${lb.name} ${t}`
        : `How many crates of goods did ${la.name} send to ${lb.name} ${t}?`;
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
  const dir = buy ? 'from=overseas to=port-logic' : 'from=port-logic to=overseas';
  let q: string;
  if (v === 'analyst')
    q =
      what === 'count'
        ? `count trades ${dir} ${t}`
        : `sum(${what === 'gold' ? 'value_gold' : 'cargo_items'}) trades ${dir}${what === 'goods' ? ` goods=${goods}` : ''} ${t}`;
  else if (buy)
    q =
      what === 'gold'
        ? g.pick([
            `How much did ${l.name} spend on overseas ships ${t}?`,
            `How much gold did ${l.name} pay overseas ships for their cargo ${t}?`,
          ])
        : what === 'count'
          ? `How many times did ${l.name} buy cargo from an overseas ship ${t}?`
          : what === 'crates'
            ? `How many crates did ${l.name} buy from overseas ships ${t}?`
            : `How many crates of ${goods} did ${l.name} buy from overseas ${t}?`;
  else
    q =
      what === 'gold'
        ? `How much gold did ${l.name} make selling to overseas ships ${t}?`
        : what === 'count'
          ? `How many sales did ${l.name} make to overseas ships ${t}?`
          : what === 'crates'
            ? `How many crates did ${l.name} sell overseas ${t}?`
            : `How many crates of ${goods} did ${l.name} sell to overseas ships ${t}?`;
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
  const q =
    v === 'player'
      ? `How many deliveries from ${lf.name} reached ${lt.name} ${t}?`
      : v === 'analyst'
        ? `count arrival events to=${lt.name} from=${lf.name} ${t}`
        : `How many shipments from ${lf.name} arrived ${lt.at} ${t}?`;
  return mk(form, q, `${n} arrivals (${s.label})`, (a) => val(a, n, 0));
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
  const q =
    v === 'player'
      ? `How much did ${l.name} make selling ${goods} ${t}?`
      : v === 'analyst'
        ? `sum(value_gold) trades from=${l.name} goods=${goods} ${t}`
        : `How much gold did ${l.name} earn from sales of ${goods} ${t}?`;
  return mk(form, q, `${value} gold (${goods} sold, ${s.label})`, (a) => val(a, value, 0));
};

// ---------------------------------------------------------------- two things on one day

/** Days whose daily total beats every earlier day's (a new running high, above 0; day 1 not counted). */
function recordDays(h: Hist, o: Out): number[] {
  const m = daily(outEvents(h, o), o.key);
  let best = m.get(1) ?? 0;
  const days: number[] = [];
  for (let d = 2; d <= h.N; d++) {
    const x = m.get(d) ?? 0;
    if (x > best && x > 0) days.push(d);
    best = Math.max(best, x);
  }
  return days;
}

const RECORD_PAIRS: readonly [string, string][] = [
  ['flour', 'metal'],
  ['flour', 'metal'],
  ['fish', 'drinks'],
  ['ore', 'harvest'],
  ['trinkets', 'tools'],
  ['harvest', 'fish'],
];

const mRecords: Maker = (c, v, form) => {
  const { g, h } = c;
  const [i1, i2] = g.pick(RECORD_PAIRS);
  const o1 = out(i1);
  const o2 = out(i2);
  const s = g.chance(0.6) ? c.sp.whole() : c.sp.days(1, g.int(20, 55));
  const r2 = new Set(recordDays(h, o2));
  const days = recordDays(h, o1).filter((d) => d >= s.from && d <= s.to && r2.has(d));
  const count = g.chance(0.3);
  // The harvest's grain by its name: "grain" alone could be the mill's.
  const th = (o: Out) => (o.id === 'harvest' ? 'harvested grain' : o.thing);
  const l1 = lab(g, v, o1.town);
  const l2 = lab(g, v, o2.town);
  const range = s.whole ? '' : v === 'analyst' ? `, days 1-${s.to}` : ` from day 1 to day ${s.to}`;
  let q: string;
  if (v === 'seed')
    q = count
      ? `On how many days did ${l1.name} and ${l2.name} both produce record amounts of ${th(o1)} and ${th(o2)}${range}?`
      : `When did ${l1.name} and ${l2.name} both produce record amounts of ${th(o1)} and ${th(o2)} on the same day${range}?`;
  else if (v === 'player')
    q = count
      ? `How many times did ${l1.name} and ${l2.name} both hit a new daily record on the same day (${th(o1)} for one, ${th(o2)} for the other)${range}?`
      : `Has there been a day${range} when ${l1.name} set a new daily record for ${th(o1)} and ${l2.name} a new daily record for ${th(o2)}? Which days?`;
  else
    q = count
      ? `count days daily ${o1.col} ${whereOf(o1, l1)} AND daily ${o2.col} ${whereOf(o2, l2)} both at a new running max${range}`
      : `days where daily ${o1.col} ${whereOf(o1, l1)} and daily ${o2.col} ${whereOf(o2, l2)} both set a new running max${range}`;
  const truth = `${days.length} record days in both: ${days.join(', ') || 'none'} (${s.label})`;
  return mk(form, q, truth, (a) => (count ? val(a, days.length, 0) : daySet(a, days, s)));
};

/** The days of the span on which both happened. */
function bothDays(h: Hist, x: Hap, y: Hap, s: Span): number[] {
  const dy = new Set(hapDays(y.events(h), s));
  return hapDays(x.events(h), s).filter((d) => dy.has(d));
}

/** Asks for the days of two happenings, how many, or whether there was one. */
function bothCase(
  c: Ctx,
  form: string,
  s: Span,
  days: readonly number[],
  say: { set: string; count: string; yn: string },
): Cand {
  const how = c.g.pick(['set', 'set', 'count', 'yn'] as const);
  const truth = `${days.length} days: ${days.slice(0, 8).join(', ') || 'none'}${days.length > 8 ? ', …' : ''} (${s.label})`;
  const check: Check =
    how === 'set'
      ? (a) => daySet(a, days, s)
      : how === 'count'
        ? (a) => val(a, days.length, 0)
        : (a) => saysYes(a, days.length > 0);
  return mk(form, say[how], how === 'yn' ? `${days.length > 0 ? 'yes' : 'no'}: ${truth}` : truth, check);
}

const mSurplusFine: Maker = (c, v, form) => {
  const { g, h } = c;
  const s = spanOf(
    g,
    c.sp,
    g.pick(['whole', 'whole', 'pastYear', 'thisMonth', 'lastMonth', 'past2w', 'week']),
  );
  const days = bothDays(h, hap('surplus'), hap('fine'), s);
  const t = T(g, v, s);
  const lp = lab(g, v, 'patchbourough');
  const lq = lab(g, v, 'port-logic');
  const say =
    v === 'seed'
      ? {
          set: `Show times both towns had surplus or large yield ${t}: a surplus harvest in PatchBourough and a large yield (a fine haul of fish) in Port Logic on the same day.`,
          count: `On how many days ${t} did both towns have surplus or large yield: a surplus in PatchBourough and a fine haul in Port Logic?`,
          yn: `Was there a day ${t} when PatchBourough had a surplus and Port Logic a large yield (a fine haul) on the same day?`,
        }
      : v === 'player'
        ? {
            set: `Any days ${t} when ${lp.name} had a surplus harvest and ${lq.name} landed a fine haul? Which ones?`,
            count: `How many days ${t} did ${lp.name} bring in a surplus on the same day ${lq.name} landed a fine haul?`,
            yn: `Was there ever a day ${t} when ${lp.name} had a surplus and ${lq.name} a fine haul at once?`,
          }
        : {
            set: `days w/ surplus flag ${lp.name} AND fine_haul flag ${lq.name}, ${t}`,
            count: `count days surplus ${lp.name} & fine_haul ${lq.name} ${t}`,
            yn: `any day w/ surplus ${lp.name} AND fine_haul ${lq.name} ${t}? y/n`,
          };
  return bothCase(c, form, s, days, say);
};

const PAIRS: readonly [string, string][] = [
  ['rain-port-logic', 'rain-den-of-thieves'],
  ['rain-patchbourough', 'rain-circuiton'],
  ['rain-port-logic', 'rain-patchbourough'],
  ['raid', 'storm-den-of-thieves'],
  ['fine', 'raid'],
  ['flood', 'rain-patchbourough'],
  ['cold', 'hunger'],
  ['empty', 'rain-port-logic'],
  ['idle', 'cold'],
  ['repair', 'raid'],
  ['osale', 'obuy'],
  ['sent-patchbourough', 'raid'],
  ['arrival-circuiton', 'flood'],
  ['storm-port-logic', 'storm-den-of-thieves'],
  ['fine', 'empty'],
  ['hunger', 'rain-circuiton'],
  ['order-circuiton', 'arrival-patchbourough'],
  ['flood', 'raid'],
];

const mPair: Maker = (c, v, form) => {
  const { g, h } = c;
  const [i1, i2] = g.pick(PAIRS);
  const x = hap(i1);
  const y = hap(i2);
  const s = spanFor(c, form, [...SHORT, ...SHORT, 'thisMonth', 'lastMonth']);
  const days = bothDays(h, x, y, s);
  const t = T(g, v, s);
  const lx = lab(g, v, x.town);
  const ly = lab(g, v, y.town);
  const c1 = x.clause(lx);
  const c2 = y.clause(ly);
  const say =
    v === 'seed'
      ? {
          set: `Show me the days ${t} when ${c1} and ${c2} on the same day.`,
          count: `On how many days ${t} did both happen: ${c1}, and ${c2}?`,
          yn: `Was there a day ${t} when ${c1} and ${c2} on the same day?`,
        }
      : v === 'player'
        ? {
            set: g.pick([
              `Were there any days ${t} when ${c1} and ${c2}? Which ones?`,
              `Which days ${t} did both happen: ${c1}, and ${c2}?`,
            ]),
            count: `How many days ${t} had both of these: ${c1}, and ${c2}?`,
            yn: `Was there any day ${t} when ${c1} and ${c2}?`,
          }
        : {
            set: `days where ${x.an(lx)} AND ${y.an(ly)}, ${t}`,
            count: `count days w/ ${x.an(lx)} AND ${y.an(ly)} ${t}`,
            yn: `any day w/ ${x.an(lx)} AND ${y.an(ly)} ${t}? y/n`,
          };
  return bothCase(c, form, s, days, say);
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
  const q =
    v === 'player'
      ? g.pick([`${cap(x.did(l))} ${t}?`, `Quick check: ${x.did(l)} ${t}?`])
      : v === 'analyst'
        ? `any ${x.an(l)} ${t}? y/n`
        : `${cap(x.did(l))} ${t}?`;
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
  const aux = o.unit === 'gold' && !o.many ? 'Was' : 'Were';
  const q =
    v === 'player'
      ? g.pick([
          `Did ${S} ${vb.base} more than ${amount} ${t}?`,
          lead(t, `did ${S} ${vb.base} over ${amount}?`),
        ])
      : v === 'analyst'
        ? `sum(${o.col}) ${whereOf(o, l)} ${t} > ${thr}? y/n`
        : `${aux} more than ${amount} ${passVerb(g, o).pp} ${atOf(o, v, l)} ${t}?`;
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
  const q =
    v === 'analyst'
      ? `${r1.sum ? 'sum' : 'avg'} ${key} ${l1.name} ${hi ? '>' : '<'} ${l2.name} ${t}? y/n`
      : `${cap(hi ? r1.cmpHi : r1.cmpLo)} ${l1.at} than ${l2.at} ${t}?`;
  return mk(form, q, `${yes ? 'yes' : 'no'}: ${rdUnit(r1, v1)} against ${rdUnit(r1, v2)} (${s.label})`, (a) =>
    saysYes(a, yes),
  );
};

// ---------------------------------------------------------------- trends and correlations

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
  const q =
    v === 'player'
      ? g
          .pick([
            `Has ${l.pos} daily ${o.thing} count been going up or down ${t}? By how much a day?`,
            `What's the trend in ${o.thing} ${passVerb(g, o).pp} per day ${placeOf(o, v, l)} ${t}, as a slope per day?`,
          ])
          .replace(`daily ${o.thing} count`, o.many ? `daily ${o.thing} count` : `daily ${o.thing}`)
      : v === 'analyst'
        ? g.pick([
            `${o.col}/day trend ${whereOf(o, l)} ${t}`,
            `slope of daily sum(${o.col}) ${whereOf(o, l)}, ${t}`,
          ])
        : `Show me the trend in ${o.thing} ${passVerb(g, o).pp} per day ${placeOf(o, v, l)} ${t}.`;
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
  const q =
    v === 'player'
      ? lead(t, `has the ${series} ${l.at} been rising or falling, and by how much per day?`)
      : v === 'analyst'
        ? `slope ${r.sum ? 'daily sum' : 'daily avg'} ${rdCol(r)} ${l.name} ${t}`
        : `Show me the trend in the ${series} ${l.at} ${t}.`;
  return mk(form, q, `${fmt(b, 3)} ${r.unit}/day (slope of ${series}, ${s.label})`, (a) => signed(a, b, 2));
};

interface Corr {
  town: Town;
  x: (h: Hist) => Map<number, number>;
  y: (h: Hist) => Map<number, number>;
  xw: string;
  yw: string;
  xc: string;
  yc: string;
}
const outDaily = (id: string) => (h: Hist) => daily(outEvents(h, out(id)), out(id).key);
const rdDaily =
  (town: Town, key: string, mean = true) =>
  (h: Hist) =>
    daily(sensors(h, town), key, mean);
const CORRS: readonly Corr[] = [
  {
    town: 'port-logic',
    x: outDaily('fish'),
    y: rdDaily('port-logic', 'temperature_c'),
    xw: 'fish caught',
    yw: 'temperature',
    xc: 'daily sum(fish)',
    yc: 'daily avg(temperature_c)',
  },
  {
    town: 'port-logic',
    x: outDaily('fish'),
    y: rdDaily('port-logic', 'wind_kph'),
    xw: 'fish caught',
    yw: 'wind speed',
    xc: 'daily sum(fish)',
    yc: 'daily avg(wind_kph)',
  },
  {
    town: 'circuiton',
    x: outDaily('ore'),
    y: rdDaily('circuiton', 'rain_mm', false),
    xw: 'ore mined',
    yw: 'rainfall',
    xc: 'daily sum(ore_tons)',
    yc: 'daily sum(rain_mm)',
  },
  {
    town: 'den-of-thieves',
    x: outDaily('drinks'),
    y: outDaily('raid'),
    xw: 'drinks poured',
    yw: 'gold taken in raids',
    xc: 'daily sum(drinks)',
    yc: 'daily sum(raid_gold)',
  },
  {
    town: 'patchbourough',
    x: outDaily('harvest'),
    y: rdDaily('patchbourough', 'temperature_c'),
    xw: 'grain harvested',
    yw: 'temperature',
    xc: 'daily sum(harvest)',
    yc: 'daily avg(temperature_c)',
  },
  {
    town: 'patchbourough',
    x: outDaily('flour'),
    y: rdDaily('patchbourough', 'river_level_m'),
    xw: 'flour milled',
    yw: 'the river level',
    xc: 'daily sum(flour_lbs)',
    yc: 'daily avg(river_level_m)',
  },
  {
    town: 'circuiton',
    x: outDaily('metal'),
    y: outDaily('trinkets'),
    xw: 'metal smelted',
    yw: 'trinkets made',
    xc: 'daily sum(metal_lbs)',
    yc: 'daily sum(trinkets)',
  },
];

const mCorr: Maker = (c, v, form) => {
  const { g, h } = c;
  const k = g.chance(0.3) ? (CORRS[0] as Corr) : g.pick(CORRS);
  const s = spanOf(
    g,
    c.sp,
    g.pick(['whole', 'whole', 'thisMonth', 'past2w', 'lastMonth', 'pastYear'] as const),
  );
  const xs = k.x(h);
  const ys = k.y(h);
  const pts: [number, number][] = [];
  for (const [d, x] of xs) {
    const y = ys.get(d);
    if (d >= s.from && d <= s.to && y !== undefined) pts.push([x, y]);
  }
  if (pts.length < 7) return null;
  const r = pearson(pts);
  if (!Number.isFinite(r) || onEdge(r, 2)) return null;
  const l = lab(g, v, k.town);
  const t = T(g, v, s);
  const q =
    v === 'seed'
      ? `Show me correlation between ${k.xw} and ${k.yw} ${l.at} ${t}.`
      : v === 'player'
        ? `Is there a link between ${k.xw} and ${k.yw} ${l.at}? What's the correlation ${t}?`
        : g.pick([`corr(${k.xc}, ${k.yc}) ${l.name} ${t}`, `pearson r ${k.xc} vs ${k.yc}, ${l.name}, ${t}`]);
  return mk(form, q, `r = ${fmt(r, 3)} over ${pts.length} days (${s.label})`, (a) => signed(a, r, 2));
};

// ---------------------------------------------------------------- the future

const mFuture: Maker = (c, v, form) => {
  const { g, h, sp } = c;
  const f = g.pick([
    { say: 'tomorrow', back: sp.today() },
    { say: 'next week', back: sp.thisWeek() },
    { say: 'next month', back: sp.thisMonth() },
    { say: 'over the next 3 days', back: sp.lastK(3) },
    { say: 'the day after tomorrow', back: sp.today() },
  ]);
  const kind = g.pick(['out', 'out', 'raids', 'rain', 'temp'] as const);
  if (kind === 'out') {
    const o = g.pick(OUTS);
    const back = sumOf(inSpan(outEvents(h, o), f.back), o.key);
    const l = lab(g, v, o.town);
    const hw = g.pick(o.how);
    const vb = g.pick(o.verbs);
    const S = g.pick(o.subj(v, l));
    const q =
      v === 'analyst'
        ? g.pick([
            `forecast sum(${o.col}) ${whereOf(o, l)} ${f.say}`,
            `sum(${o.col}) ${whereOf(o, l)} ${f.say}`,
          ])
        : `${cap(hw.h)} will ${S} ${vb.base} ${f.say}?`;
    return mk(form, q, `not yet (the same stretch to today: ${unitOf(o, back)})`, (a) =>
      allOf(saysNotYet(a), back >= 10 ? notStated(a, back, o.dec) : null),
    );
  }
  if (kind === 'raids') {
    const back = inSpan(raidsOf(h), f.back).length;
    const q = v === 'analyst' ? `count raids ${f.say}` : `How many raids will the pirates make ${f.say}?`;
    return mk(form, q, `not yet (to today: ${back} raids)`, (a) =>
      allOf(saysNotYet(a), back >= 10 ? notStated(a, back, 0) : null),
    );
  }
  const town = g.pick(TOWNS);
  const l = lab(g, v, town);
  if (kind === 'rain') {
    const q = v === 'analyst' ? `rain_mm ${l.name} ${f.say}?` : `Will it rain ${l.at} ${f.say}?`;
    return mk(form, q, 'not yet', (a) => saysNotYet(a));
  }
  const r = READS.find((x) => x.id === `temp-${town}`) as Rd;
  const back = rdValue(h, r, f.back);
  const q =
    v === 'analyst'
      ? `avg temperature_c ${l.name} ${f.say}`
      : `What will the temperature be ${l.at} ${f.say}?`;
  return mk(form, q, `not yet (to today: ${rdUnit(r, back)})`, (a) =>
    allOf(saysNotYet(a), Math.abs(back) >= 1 ? notStated(a, back, 1) : null),
  );
};

// ---------------------------------------------------------------- roles

const JOB_WORDS: Record<string, RegExp> = {
  fisher: /fish/i,
  netmaker: /\bnet|rope/i,
  trader: /trad|merchant|assay/i,
  farmer: /farm/i,
  blacksmith: /smith|forge/i,
  miller: /mill/i,
  miner: /\bmin(er|ing|es?)\b/i,
  teacher: /teach/i,
  apprentice: /apprentice|tinker/i,
  captain: /captain/i,
  quartermaster: /quartermaster|fence/i,
  keeper: /tavern|keeper|innkeep|barkeep/i,
  bosun: /bosun/i,
  fletcher: /fletch|arrow/i,
};

interface RoleQ {
  town: Town;
  role: string;
  say: Record<Voice, readonly string[]>;
}
const ROLE_QS: readonly RoleQ[] = [
  {
    town: 'patchbourough',
    role: 'blacksmith',
    say: {
      player: ["Who's the blacksmith at the farms?", 'Who keeps the forge in Patch?'],
      analyst: ['blacksmith patchbourough: who'],
      seed: ['Who is the blacksmith?'],
    },
  },
  {
    town: 'patchbourough',
    role: 'miller',
    say: {
      player: ['Who runs the mill at the farms?'],
      analyst: ['role=miller patchbourough: who'],
      seed: ['Who is the miller?'],
    },
  },
  {
    town: 'den-of-thieves',
    role: 'keeper',
    say: {
      player: ['Who pours the drinks at the Den?'],
      analyst: ['tavern keeper den of thieves: name'],
      seed: ['Who is the tavern keeper in Den of Thieves?'],
    },
  },
  {
    town: 'den-of-thieves',
    role: 'captain',
    say: {
      player: ['Who captains the pirate ship?'],
      analyst: ['captain den-of-thieves: who'],
      seed: ['Who is the pirate captain?'],
    },
  },
  {
    town: 'den-of-thieves',
    role: 'bosun',
    say: {
      player: ["Who's the bosun on the island?"],
      analyst: ['role=bosun den of thieves: who'],
      seed: ["Who repairs the pirates' boat?"],
    },
  },
  {
    town: 'den-of-thieves',
    role: 'fletcher',
    say: {
      player: ['Who makes the arrows at the Den?'],
      analyst: ['fletcher den of thieves: who'],
      seed: ['Who is the fletcher in Den of Thieves?'],
    },
  },
  {
    town: 'circuiton',
    role: 'apprentice',
    say: {
      player: ["Who's the apprentice up the mountain?"],
      analyst: ['apprentice circuiton: name'],
      seed: ['Who is the apprentice in Circuiton?'],
    },
  },
  {
    town: 'circuiton',
    role: 'teacher',
    say: {
      player: ['Who teaches at the Academy?'],
      analyst: ['teachers circuiton: names'],
      seed: ['Who are the teachers in Circuiton?'],
    },
  },
  {
    town: 'port-logic',
    role: 'fisher',
    say: {
      player: ['Who are the fishermen at the port?'],
      analyst: ['fishers port logic: names'],
      seed: ['Who are the fishermen in Port Logic?'],
    },
  },
  {
    town: 'circuiton',
    role: 'miner',
    say: {
      player: ['Who works the mines?'],
      analyst: ['miners circuiton: names'],
      seed: ['Who are the miners in Circuiton?'],
    },
  },
  {
    town: 'patchbourough',
    role: 'farmer',
    say: {
      player: ['Who works the fields at the farms?'],
      analyst: ['farmers patchbourough: names'],
      seed: ['Who are the farmers in PatchBourough?'],
    },
  },
  {
    town: 'circuiton',
    role: 'trader',
    say: {
      player: ['Who trades for the mines?'],
      analyst: ['trader circuiton: name'],
      seed: ['Who is the trader in Circuiton?'],
    },
  },
  {
    town: 'port-logic',
    role: 'netmaker',
    say: {
      player: ['Who makes the nets at the port?'],
      analyst: ['net makers port logic: names'],
      seed: ['Who are the net and rope makers in Port Logic?'],
    },
  },
  {
    town: 'port-logic',
    role: 'trader',
    say: {
      player: ['Who does the trading at the harbour?'],
      analyst: ['traders port logic: names'],
      seed: ['Who are the traders in Port Logic?'],
    },
  },
  {
    town: 'den-of-thieves',
    role: 'quartermaster',
    say: {
      player: ["Who's the quartermaster at the Den?"],
      analyst: ['quartermaster den of thieves: who'],
      seed: ['Who is the quartermaster in Den of Thieves?'],
    },
  },
];

const mRole: Maker = (c, v, form) => {
  const { g } = c;
  const kind = g.pick(['holder', 'holder', 'job', 'town'] as const);
  if (kind === 'holder') {
    const r = g.pick(ROLE_QS);
    const people = holders(r.town, r.role);
    return mk(form, g.pick(r.say[v]), people.map((p) => p.name).join(', '), (a) =>
      allOf(...people.map((p) => namesPerson(a, p))),
    );
  }
  const p = g.pick(PEOPLE);
  const n = callP(g, v, p);
  if (kind === 'job') {
    const words = p.roles.map((r) => JOB_WORDS[r]).filter((x): x is RegExp => x !== undefined);
    const q =
      v === 'player'
        ? g.pick([`What does ${n} do?`, `What's ${poss(n)} job?`])
        : v === 'analyst'
          ? `job of ${p.name}`
          : `What is ${poss(p.name)} job?`;
    return mk(form, q, p.job, (a) => (words.some((w) => w.test(a)) ? null : `does not say ${p.job}`));
  }
  const q =
    v === 'player'
      ? `Which town does ${n} live in?`
      : v === 'analyst'
        ? `town of ${p.name}`
        : `In which town does ${p.name} work?`;
  return mk(form, q, TOWN_NAMES[p.town] as string, (a) => namesTown(a, p.town));
};

// ---------------------------------------------------------------- which town

const mWhichTown: Maker = (c, v, form) => {
  const { g, h } = c;
  const s = spanOf(
    g,
    c.sp,
    g.pick(['yesterday', 'today', 'thisWeek', 'lastWeek', 'week', 'day', 'lastMonth']),
  );
  const t = T(g, v, s);
  const kind = g.pick(['temp', 'temp', 'wind', 'rain', 'hum', 'robbed'] as const);
  if (kind === 'robbed') {
    const vals = SENDERS.map((town) => ({ town, vs: robbedGold(h, town, s) }));
    const topA = Math.max(...vals.map((x) => x.vs[0]));
    const topB = Math.max(...vals.map((x) => x.vs[1]));
    const wa = vals.filter((x) => x.vs[0] === topA);
    const wb = vals.filter((x) => x.vs[1] === topB);
    if (wa.length !== 1 || wb.length !== 1 || wa[0]?.town !== wb[0]?.town || topA <= 0) return null;
    const w = wa[0] as { town: Town; vs: [number, number] };
    const q =
      v === 'analyst'
        ? `town w/ max raid_gold lost (by target) ${t} + value`
        : v === 'player'
          ? lead(t, 'which town lost the most gold to the pirates, and how much?')
          : `Which town lost the most gold to the pirates ${t}? How much?`;
    const others = SENDERS.filter((x) => x !== w.town);
    return mk(form, q, `${TOWN_NAMES[w.town]} (${either(w.vs)} gold, ${s.label})`, (a) =>
      allOf(
        ...others.map((o) => first(a, townRe(w.town), townRe(o), TOWN_NAMES[w.town] as string)),
        valAny(a, w.vs, 0),
      ),
    );
  }
  const key = { temp: 'temperature_c', wind: 'wind_kph', rain: 'rain_mm', hum: 'humidity_pct' }[kind];
  const hi = kind === 'rain' || g.chance(0.65);
  const vals = TOWNS.map((town) => {
    const r = READS.find((x) => x.town === town && x.key === key) as Rd;
    return { town, r, x: rdValue(h, r, s) };
  });
  if (vals.some((x) => Number.isNaN(x.x))) return null;
  const top = hi ? Math.max(...vals.map((x) => x.x)) : Math.min(...vals.map((x) => x.x));
  const ws = vals.filter((x) => Math.abs(x.x - top) < 1e-9);
  const w = ws[0];
  if (!w || ws.length > 1 || onEdge(top, w.r.dec)) return null;
  const sup = {
    temp: hi ? 'warmest' : 'coldest',
    wind: hi ? 'windiest' : 'calmest',
    rain: 'wettest',
    hum: hi ? 'most humid' : 'least humid',
  }[kind];
  const noun = { temp: 'temperature', wind: 'wind speed', rain: 'rainfall', hum: 'humidity' }[kind];
  const q =
    v === 'analyst'
      ? kind === 'rain'
        ? `town w/ max sum(rain_mm) ${t} + value`
        : `town w/ ${hi ? 'max' : 'min'} avg(${key}) ${t} + value`
      : v === 'player'
        ? kind === 'rain'
          ? lead(t, 'which town got the most rain, and how much?')
          : lead(t, `which town was the ${sup}? What was its average ${noun}?`)
        : kind === 'rain'
          ? `Which town was the wettest ${t}? How much rain fell there?`
          : `Which town was the ${sup} ${t}? Give its average ${noun}.`;
  const others = TOWNS.filter((x) => x !== w.town);
  return mk(form, q, `${TOWN_NAMES[w.town]} (${rdUnit(w.r, top)}, ${s.label})`, (a) =>
    allOf(
      ...others.map((o) => first(a, townRe(w.town), townRe(o), TOWN_NAMES[w.town] as string)),
      val(a, top, w.r.dec),
    ),
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

/** Each form, its makers and its quota per history. */
const PLAN: readonly [string, readonly Maker[], number][] = [
  ['extreme-day', [mBestDay, mBestDay, mRdDay], 36],
  ['days', [mHapDays, mHapDays, mDailyOver, mMeanOver, mAnyOver, mDry], 27],
  [
    'compare',
    [mWeeksOut, mDaysOut, mWeeksRd, mTownsRd, mTownsRd, mTownsSales, mPeople, mPeople, mRobbedTowns],
    36,
  ],
  ['count', [mCount], 22],
  ['extreme-event', [mEvMax, mEvMax, mEvMax, mRobMax, mBuyMax], 22],
  ['which-day', [mDayOfBest, mDayOfEv, mFirstLast, mFirstLast, mDayOfReading], 18],
  ['reading', [mReading], 14],
  ['who', [mWho], 18],
  [
    'filter',
    [mRaidByTarget, mRaidByGoods, mLossByGoods, mRoute, mOverseas, mOverseas, mArrivalsFrom, mSalesByGoods],
    22,
  ],
  ['both', [mRecords, mSurplusFine, mPair, mPair], 18],
  ['did', [mDidHap, mDidHap, mDidThr, mDidCmp], 18],
  [
    'scope',
    [mTotal, mCount, mEvMax, mBestDay, mHapDays, mRaidByTarget, mReading, mWho, mRdMean, mOverseas],
    18,
  ],
  ['total', [mTotal, mTotal, mTotal, mRainTotal], 14],
  ['mean', [mRdMean, mPerDay, mPerEv], 14],
  ['trend', [mTrendOut, mTrendRd], 9],
  ['correlate', [mCorr], 7],
  ['future', [mFuture], 8],
  ['role', [mRole], 10],
  ['which-town', [mWhichTown], 5],
];

export function buildNaturalO(events: RawEvent[], today: number): Case[] {
  const g = new Gen(mulberry(hashHistory(events) ^ 0x6f6f6f));
  const h = new Hist(events, today);
  const c: Ctx = { g, h, sp: new Spans(today), N: today };
  const cases: OCase[] = [];
  const seen = new Set<string>();
  for (const [form, makers, quota] of PLAN) {
    let made = 0;
    let voice = g.int(0, 2);
    for (let tries = 0; made < quota && tries < quota * 200; tries++) {
      const v = VOICES[voice % 3] as Voice;
      const cand = g.pick(makers)(c, v, form);
      if (!cand || seen.has(cand.question.toLowerCase())) continue;
      seen.add(cand.question.toLowerCase());
      made++;
      voice++;
      cases.push({
        form: cand.form,
        question: cand.question,
        truth: cand.truth,
        check: (reply: Reply) => cand.check(reply.answer),
      });
    }
    if (made < quota) throw new Error(`natural-o: the ${form} quota did not fill (${made} of ${quota})`);
  }
  // One question in eight gets a typo, spread over the set.
  const want = Math.round(cases.length / 8);
  let typos = 0;
  for (let i = 0; typos < want && i < cases.length * 4; i++) {
    const c = cases[g.int(0, cases.length - 1)] as OCase;
    if (c.typo !== undefined) continue;
    const typo = withTypo(g, c.question);
    if (!typo) continue;
    c.question = typo.question;
    c.typo = typo.typo;
    typos++;
  }
  return cases;
}

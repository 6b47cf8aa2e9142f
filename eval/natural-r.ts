/**
 * A development set written from the world definition (src/world), eval/CONVENTIONS.md, eval/checks.ts
 * and the design seeds, without reading the planner or the held-out sets, in four voices none of the
 * earlier sets used: a non-native English speaker who drops articles and puts words in an odd order
 * ("How many fish Port Logic caught in week 3?", "Which day was most rain in Circuiton?"); a tired
 * night-shift moderator of a game server typing fast, lower case, no punctuation, abbreviations
 * ("how much ore mined circuiton yday", "port vs den rain wk 4 which more"); a careful accountant who
 * spells everything out in long sentences, small numbers as words ("on how many of the last fourteen
 * days…"); and a storyteller who asks in narrative frames ("In the tale of week five, when the forge went
 * cold, how many days did it stay so?"). The weights lean on the forms planners find hardest: A or B,
 * the extreme day, which day, the largest single event. Every truth is computed here from the raw
 * events, with natural-q's span helpers so the conventions match; the people come from people.ts.
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

type Voice = 'esl' | 'night' | 'clerk' | 'tale';
type Town = 'port-logic' | 'patchbourough' | 'circuiton' | 'den-of-thieves';
const TOWNS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton', 'den-of-thieves'];
/** The towns that send goods down the routes, and so can be robbed. */
const SENDERS: readonly Town[] = ['port-logic', 'patchbourough', 'circuiton'];
const VOICES: readonly Voice[] = ['esl', 'night', 'clerk', 'tale'];

// ---------------------------------------------------------------- numbers as words

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** 14 → "fourteen", 23 → "twenty-three" (whole numbers under 1,000; larger ones in figures). */
function words(n: number): string {
  if (n < 20) return ONES[n] as string;
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${ONES[n % 10]}` : ''}`;
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${words(n % 100)}` : ''}`;
  return n.toLocaleString('en-US');
}
const ORD_SMALL: Record<number, string> = {
  1: 'first',
  2: 'second',
  3: 'third',
  5: 'fifth',
  8: 'eighth',
  9: 'ninth',
  12: 'twelfth',
};
/** 23 → "twenty-third". */
function ordWords(n: number): string {
  if (n >= 100)
    return `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
  if (n < 20) return ORD_SMALL[n] ?? `${words(n)}th`;
  const t = TENS[Math.floor(n / 10)] as string;
  if (n % 10 === 0) return `${t.replace(/y$/, 'ie')}th`;
  return `${t}-${ordWords(n % 10)}`;
}
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
/** A figure as a voice writes it: the accountant spells out whole numbers under 100; the moderator writes 1500. */
const fig = (v: number, v2: Voice) =>
  v2 === 'clerk' && Number.isInteger(v) && v >= 0 && v < 100
    ? words(v)
    : v2 === 'night'
      ? String(v)
      : v.toLocaleString('en-US');
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
  esl: {
    'port-logic': [L('Port Logic', 'in Port Logic'), L('Port Logic', 'at Port Logic')],
    patchbourough: [L('PatchBourough', 'in PatchBourough')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('Circuiton', 'at Circuiton')],
    'den-of-thieves': [L('Den of Thieves', 'in Den of Thieves'), L('Den of Thieves', 'on Den of Thieves')],
  },
  night: {
    'port-logic': [L('port', 'at port'), L('port logic', 'in port logic'), L('portlogic', 'in portlogic')],
    patchbourough: [L('patch', 'in patch'), L('patchbourough', 'in patchbourough')],
    circuiton: [L('circuiton', 'in circuiton'), L('circuiton', 'circuiton')],
    'den-of-thieves': [L('den', 'in den'), L('den', 'den'), L('island', 'on island')],
  },
  clerk: {
    'port-logic': [L('Port Logic', 'in Port Logic'), L('Port Logic', 'at Port Logic')],
    patchbourough: [L('PatchBourough', 'in PatchBourough')],
    circuiton: [L('Circuiton', 'in Circuiton')],
    'den-of-thieves': [L('the Den of Thieves', 'in the Den of Thieves')],
  },
  tale: {
    'port-logic': [L('Port Logic', 'in Port Logic'), L('the harbour', 'at the harbour')],
    patchbourough: [L('PatchBourough', 'in PatchBourough'), L('the farms', 'on the farms')],
    circuiton: [L('Circuiton', 'in Circuiton'), L('the mountain town', 'in the mountain town')],
    'den-of-thieves': [
      L('the Den of Thieves', 'in the Den of Thieves'),
      L('the pirate island', 'on the pirate island'),
    ],
  },
};

// ---------------------------------------------------------------- times

interface Span {
  from: number;
  to: number;
  say: Record<Voice, readonly string[]>;
  /** The accountant's "of the last fourteen days" (for "on how many …"), when the span has one. */
  of?: string;
  /** The whole history, no time named. */
  whole?: boolean;
  /** How the truth names it. */
  label: string;
  /** One day only. */
  single: boolean;
}

const sameSay = (...s: string[]): Record<Voice, readonly string[]> => ({
  esl: s,
  night: s,
  clerk: s,
  tale: s,
});
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

class Spans {
  constructor(readonly N: number) {}
  private mk(
    from: number,
    to: number,
    say: Record<Voice, readonly string[]>,
    whole = false,
    of?: string,
  ): Span {
    const f = Math.max(1, from);
    const t = Math.min(this.N, to);
    return {
      from: f,
      to: t,
      say,
      whole,
      label: f === t ? `day ${f}` : `days ${f}–${t}`,
      single: f === t,
      ...(of ? { of } : {}),
    };
  }
  today() {
    return this.mk(this.N, this.N, {
      esl: ['today', 'in today'],
      night: ['today'],
      clerk: ['today', 'on the present day'],
      tale: ['today', 'on this very day'],
    });
  }
  yesterday() {
    return this.mk(this.N - 1, this.N - 1, {
      esl: ['yesterday', 'in yesterday'],
      night: ['yesterday'],
      clerk: ['yesterday', 'on the day before today'],
      tale: ['yesterday', 'on the day before this one'],
    });
  }
  day(d: number) {
    return this.mk(d, d, {
      esl: [`on day ${d}`, `in day ${d}`],
      night: [`day ${d}`, `on day ${d}`],
      clerk: [`on day ${words(d)}`, `on the ${ordWords(d)} day`],
      tale: [`on the ${ordWords(d)} day of the tale`, `on day ${d}`],
    });
  }
  days(a: number, b: number) {
    return this.mk(a, b, {
      esl: [`from day ${a} until day ${b}`, `between day ${a} and ${b}`],
      night: [`day ${a}-${b}`, `days ${a} to ${b}`],
      clerk: [`from day ${words(a)} through day ${words(b)} inclusive`, `between day ${a} and day ${b}`],
      tale: [
        `from the ${ordWords(a)} day to the ${ordWords(b)}`,
        `between day ${a} and day ${b} of the tale`,
      ],
    });
  }
  week(w: number) {
    return this.mk(7 * w - 6, 7 * w, {
      esl: [`in week ${w}`, `on week ${w}`],
      night: [`week ${w}`, `in week ${w}`],
      clerk: [`in week ${words(w)}`, `during the ${ORD[w - 1]} week`],
      tale: [`in the tale of week ${words(w)}`, `in the ${ORD[w - 1]} week of the story`],
    });
  }
  lastWeek() {
    return this.mk(this.N - 7, this.N - 1, {
      esl: ['last week', 'in last week'],
      night: ['last week'],
      clerk: ['last week', 'in the seven days before today'],
      tale: ['last week'],
    });
  }
  thisWeek() {
    return this.mk(
      this.N - 6,
      this.N,
      {
        esl: ['this week', 'in this week'],
        night: ['this week', 'past 7 days'],
        clerk: ['over the past seven days', 'this week'],
        tale: ['this week', 'in these last seven days'],
      },
      false,
      'of the past seven days',
    );
  }
  lastK(k: number) {
    return this.mk(
      this.N - k + 1,
      this.N,
      {
        esl: [`in last ${k} days`, `last ${k} days`],
        night: [`last ${k} days`, `past ${k} days`],
        clerk: [`over the last ${words(k)} days`, `during the past ${words(k)} days`],
        tale: [`in the last ${words(k)} days of the tale`, `over the last ${k} days`],
      },
      false,
      `of the last ${words(k)} days`,
    );
  }
  past2w() {
    return this.mk(
      this.N - 13,
      this.N,
      {
        esl: ['in last two weeks', 'last two weeks'],
        night: ['last 2 weeks', 'past 14 days'],
        clerk: ['over the last fourteen days', 'over the past two weeks'],
        tale: ['in the last fortnight', 'over the last two weeks'],
      },
      false,
      'of the last fourteen days',
    );
  }
  lastMonth() {
    return this.mk(this.N - 30, this.N - 1, {
      esl: ['last month', 'in last month'],
      night: ['last month'],
      clerk: ['last month'],
      tale: ['last month'],
    });
  }
  thisMonth() {
    return this.mk(
      this.N - 29,
      this.N,
      {
        esl: ['this month', 'in this month'],
        night: ['this month', 'past 30 days'],
        clerk: ['over the past thirty days', 'this month'],
        tale: ['this month'],
      },
      false,
      'of the past thirty days',
    );
  }
  pastYear() {
    return this.mk(this.N - 364, this.N, {
      esl: ['in past year'],
      night: ['past year'],
      clerk: ['over the past year'],
      tale: ['in the past year'],
    });
  }
  whole() {
    return this.mk(
      1,
      this.N,
      {
        esl: ['ever', 'in all time', ''],
        night: ['ever', 'all time', ''],
        clerk: [
          'over the entire history of the records',
          'in all the records, from the first day until today',
          '',
        ],
        tale: ['since the tale began', 'in all the chronicle', ''],
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
/** How a voice calls a person: the moderator and the storyteller often by first name, the others in full. */
function callP(g: Gen, v: Voice, p: Person): string {
  if ((v === 'night' || v === 'tale') && p.keys.length > 0 && g.chance(0.6)) return p.keys[0] as string;
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
      { h: 'how much harvest', aux: 'was' },
      { h: 'how many lbs of harvest', aux: 'were' },
    ],
    verbs: [V('harvest', 'harvested'), V('reap', 'reaped')],
    thing: 'harvest',
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
    subj: (v, l) => (v === 'tale' ? [`the Academy ${l.at}`] : ['the Academy']),
    at: (v, l) => (v === 'tale' ? `at the Academy ${l.at}` : 'at the Academy'),
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

/** How the accountant and the storyteller open a question. */
const CLERK = [
  'For the ledger, could you please tell me',
  'I should be most grateful if you could tell me',
  'For my accounts, would you kindly state',
  'So that the books are correct, please tell me',
];
const TALE = [
  'Storyteller, tell me:',
  'As the chronicle goes,',
  'Let the tale say:',
  'Once more to the story:',
];
const cp = (g: Gen) => g.pick(CLERK);
const tp = (g: Gen) => g.pick(TALE);

// ---------------------------------------------------------------- how each voice writes

/** The non-native speaker drops most articles. */
function dropThe(g: Gen, q: string): string {
  return q
    .replace(/\b[Tt]he (?=[a-zA-Z])/g, (m) => (g.chance(0.7) ? '' : m))
    .replace(/^[a-z]/, (ch) => ch.toUpperCase());
}
/** The night-shift moderator: lower case, no punctuation, no articles, abbreviations. */
function nightly(q: string): string {
  let s = q.toLowerCase();
  const AB: [RegExp, string][] = [
    [/\byesterday\b/g, 'yday'],
    [/\bweeks\b/g, 'wks'],
    [/\bweek (\d)\b/g, 'wk$1'],
    [/\bweek\b/g, 'wk'],
    [/\baverage\b/g, 'avg'],
    [/\btemperature\b/g, 'temp'],
    [/\bbetween\b/g, 'btwn'],
    [/\bwith\b/g, 'w/'],
    [/\bpeople\b/g, 'ppl'],
    [/\bplease\b/g, 'pls'],
    [/\bwhat is\b|\bwhat's\b|\bwhats\b/g, 'whats'],
    [/\bthe /g, ''],
    [/\ban? (?=[a-z])/g, ''],
    [/'s\b/g, 's'],
    [/[?,.!:;"]/g, ''],
  ];
  for (const [re, to] of AB) s = s.replace(re, to);
  return s.replace(/\s+/g, ' ').trim();
}
function voiced(g: Gen, v: Voice, q: string): string {
  if (v === 'night') return nightly(q);
  if (v === 'esl') return dropThe(g, q);
  return q;
}

/** The span as "of the last fourteen days" for the accountant's day counts, else "days {t}". */
const ofDays = (s: Span, t: string, v: Voice) => (v === 'clerk' && s.of ? s.of : `days ${t}`);

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
    esl: [
      `${cap(hw.h)} ${S} ${vb.past} ${t}?`,
      `What is total of ${line(o)} ${at} ${t}?`,
      lead(t, `${hw.h} ${pv.pp} ${at}, all together?`),
    ],
    night: [`${hw.h} ${pv.pp} ${at} ${t}`, `${l.name} ${line(o)} ${t} total`, `total ${line(o)} ${at} ${t}?`],
    clerk: [
      `${cp(g)} ${hw.h} ${hw.aux} ${pv.pp} ${at} ${t}, summed across every report?`,
      `${cp(g)} the total of ${line(o)} ${at} ${t}, counting every entry in the record?`,
    ],
    tale: [
      lead(t, `${hw.h} did ${S} ${vb.base}? Tell it as the story goes.`),
      `${tp(g)} ${hw.h} did ${S} ${vb.base} ${t}, all told?`,
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
  const q = by(g, v, {
    esl: [`What was average ${noun} ${l.at} ${t}?`, `How was ${noun} ${l.at} ${t} in average?`],
    night: [`avg ${noun} ${l.name} ${t}`, `whats avg ${noun} ${l.at} ${t}`],
    clerk: [
      `${cp(g)} the arithmetic mean of all the ${noun} readings taken ${l.at} ${t}?`,
      `${cp(g)} what the ${noun} ${l.at} averaged ${t}, taken over every reading?`,
    ],
    tale: [
      lead(t, `what was the ${noun} ${l.at} on average, as the tale remembers it?`),
      `${tp(g)} what ${noun} did ${l.name} know on average ${t}?`,
    ],
  });
  return mk(form, q, `${rdUnit(r, m)} (mean of readings, ${s.label})`, (a) => val(a, m, r.dec));
};

// ---------------------------------------------------------------- the best and worst day

/** The storyteller's worst day: "the darkest day for the fishing fleet". */
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
  const mm = manyMuch(o);
  const grim = GRIM[o.id];
  const q = by(g, v, {
    esl: [
      `Which day was ${most} ${th} ${at} ${t}, and how ${mm} was on that day?`,
      lead(t, `which day ${S} ${vb.past} ${most} ${th}, how ${mm} it was that day?`),
    ],
    night: [
      `${hi ? 'best' : 'worst'} day ${line(o)} ${at} ${t} how ${mm}`,
      `which day ${most} ${line(o)} ${at} ${t} + day total`,
    ],
    clerk: [
      `${cp(g)} on which single day ${t} the daily total of ${line(o)} ${at} was ${hi ? 'highest' : 'lowest'}, and what that day's total came to?`,
      `${cp(g)} the day ${t} with the ${hi ? 'largest' : 'smallest'} daily total of ${line(o)} ${at}, together with the total itself?`,
    ],
    tale: [
      grim && !hi
        ? `${tp(g)} which was the darkest day for ${grim} ${at} ${t}, and how ${mm} ${th} did that day bring?`
        : lead(
            t,
            `there was one day when ${S} ${vb.past} the ${most} ${th}. Which day was it, and how ${mm} ${th} that day?`,
          ),
      `${tp(g)} on which day ${t} did ${S} ${vb.base} the ${most} ${th}, and how ${mm} was it?`,
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
        esl: [
          `Which day was most rain ${l.at} ${t}, and how much it was?`,
          lead(t, `which day ${l.name} got most rain, how many mm?`),
        ],
        night: [`wettest day ${l.name} ${t} how much rain`, `most rain which day ${l.at} ${t} mm?`],
        clerk: [
          `${cp(g)} on which day ${t} the total rainfall ${l.at} was the greatest, and what that day's total was in millimetres?`,
        ],
        tale: [
          lead(
            t,
            `the heavens opened ${l.at} more on one day than on any other. Which day, and how much rain fell?`,
          ),
          `${tp(g)} which was the wettest day ${l.at} ${t}, and how much rain did it bring?`,
        ],
      })
    : by(g, v, {
        esl: [
          `Which day was ${dn.replace(/^the /, '')} ${l.at} ${t}, and what was ${noun} in average that day?`,
          lead(t, `${dn} ${l.at} was which day? And average ${noun} of it?`),
        ],
        night: [`${dn} ${l.name} ${t} + avg ${noun} that day`, `which day ${dn} ${l.at} ${t} avg ${noun}?`],
        clerk: [
          `${cp(g)} which day ${t} was ${dn} ${l.at}, judged by the daily average of the ${noun} readings, and what that average was?`,
        ],
        tale: [
          lead(
            t,
            `one day ${l.at} stood out as ${dn}. Which day was it, and what was the ${noun} that day on average?`,
          ),
          `${tp(g)} which was ${dn} ${l.at} ${t}, and what was the day's average ${noun}?`,
        ],
      });
  const truth = `day ${ext.days.join(' or ')}: ${rdUnit(r, ext.v)} (${hi ? 'max' : 'min'} of daily ${r.sum ? 'sums' : 'means'}, ${s.label})`;
  return mk(form, q, truth, (a) => allOf(dayAny(a, ext.days), val(a, ext.v, r.dec)));
};

// ---------------------------------------------------------------- days counted

/** Happenings that last: the storyteller asks how many days they "stayed so". */
const STATES = new Set(['cold', 'idle', 'flood', 'hunger']);

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
    esl: [`How many days ${x.clause(l)} ${t}?`, lead(t, `on how many days ${did}?`)],
    night: [`how many days ${did} ${t}`, `# days ${x.clause(l)} ${t}`.replace('# days', 'how many days')],
    clerk: [
      `${cp(g)} on how many ${ofDays(s, t, v)} ${did}?`,
      `${cp(g)} the number of distinct days ${t} on which ${x.clause(l)}?`,
    ],
    tale: STATES.has(x.id)
      ? [lead(t, `when ${x.clause(l)}, how many days did it stay so?`)]
      : [
          lead(t, `how many days of the tale saw that ${x.clause(l)}?`),
          `${tp(g)} on how many days ${t} ${did}?`,
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
    esl: [
      `How many days ${t} was not happening that ${x.clause(l)}?`,
      lead(t, `how many days without that ${x.clause(l)}?`),
    ],
    night: [
      `how many days ${t} no ${x.clause(l)}`.replace('no it rained', 'no rain'),
      `days w/o: ${x.clause(l)} ${t}`,
    ],
    clerk: [`${cp(g)} on how many ${ofDays(s, t, v)} it was not recorded that ${x.clause(l)}?`],
    tale: [
      lead(t, `how many days passed in the tale without it being told that ${x.clause(l)}?`),
      `${tp(g)} on how many days ${t} was it NOT so that ${x.clause(l)}?`,
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
    esl: [
      `How many days ${t} ${S} ${vb.past} ${cmp} ${amount} in one day?`,
      lead(
        t,
        `days when ${line(o)} ${at2(o, v, l)} was ${over ? 'over' : 'under'} ${fig(thr, v)} in a day, how many?`,
      ),
    ],
    night: [
      `how many days ${line(o)} ${at2(o, v, l)} ${over ? 'over' : 'under'} ${fig(thr, v)} ${t}`,
      `days w/ ${cmp} ${amount} ${at2(o, v, l)} ${t}?`,
    ],
    clerk: [
      `${cp(g)} on how many ${ofDays(s, t, v)} the daily total of ${line(o)} ${at2(o, v, l)} was ${over ? 'greater' : 'less'} than ${fig(thr, v)}?`,
    ],
    tale: [lead(t, `on how many days did ${S} ${vb.base} ${cmp} ${amount} between dawn and dusk?`)],
  });
  return mk(form, q, `${n} days (daily total ${over ? '>' : '<'} ${thr}, ${s.label})`, (a) => val(a, n, 0));
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
    esl: [`How many days was no rain ${l.at} ${t}?`, lead(t, `how many dry days had ${l.name}?`)],
    night: [`how many dry days ${l.name} ${t}`, `days no rain ${l.at} ${t}?`],
    clerk: [`${cp(g)} on how many ${ofDays(s, t, v)} no rain whatsoever was recorded ${l.at}?`],
    tale: [lead(t, `how many days passed ${l.at} without a single drop of rain?`)],
  });
  return mk(form, q, `${n} dry days (${s.label})`, (a) => val(a, n, 0));
};
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
  /** The comparatives (the higher first), the sides as they then read, and whether they are places or times. */
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
    const low = p.er !== undefined && g.chance(0.5);
    const er = p.er ? (low ? p.er.words[1] : p.er.words[0]) : undefined;
    const A = p.er?.a ?? p.a;
    const B = p.er?.b ?? p.b;
    const wh = p.er?.wh ?? 'where';
    const aW = low ? !aWins : aWins;
    const [wRe, lRe, w, vw, vl] = aW ? [p.aRe, p.bRe, p.a, p.va, p.vb] : [p.bRe, p.aRe, p.b, p.vb, p.va];
    const q = er
      ? by(g, v, {
          esl: [
            `${cap(wh)} it was ${er}${tail(t)}, ${A} or ${B}?`,
            `Was ${er} ${A} or ${B}${tail(t)}? Please both numbers.`,
          ],
          night: [`${er} ${A} or ${B} ${t} which`],
          clerk: [
            `${cp(g)} whether it was ${er} ${A} or ${B}${tail(t)}, giving the figure for each so that I may compare them?`,
          ],
          tale: [
            `${tp(g)} ${wh === 'when' ? 'two weeks' : 'two places'} stand side by side in the tale${tail(t)}: ${A}, and ${B}. ${cap(wh)} was it ${er}?`,
            lead(t, `was it ${er} ${A} or ${B}, as the story tells?`),
          ],
        })
      : by(g, v, {
          esl: [
            `Which had more ${bare}${tail(t)}, ${p.a} or ${p.b}?`,
            `${p.a} or ${p.b}, who is ${more} in ${bare}${tail(t)}?`,
          ],
          night: [`${p.a} vs ${p.b} ${bare} ${t} which ${more}`, `${p.a} or ${p.b} ${more} ${bare} ${t}`],
          clerk: [
            `${cp(g)} which of the two, ${p.a} or ${p.b}, had the ${p.mean ? 'higher' : 'greater'} ${bare}${tail(t)}, stating both figures?`,
          ],
          tale: [
            `${tp(g)} ${p.a} and ${p.b} were rivals in ${bare}${tail(t)}. Which of them came out ahead?`,
            lead(t, `who had the ${p.mean ? 'higher' : 'greater'} ${bare} in the tale, ${p.a} or ${p.b}?`),
          ],
        });
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
      esl: [
        `Did ${p.a} beat ${p.b} in ${bare}${tail(t)}? Say both numbers please.`,
        `${p.a} was more than ${p.b} in ${bare}${tail(t)}, yes or no?`,
      ],
      night: [`did ${p.a} beat ${p.b} ${bare} ${t}`, `${p.a} beat ${p.b} on ${bare} ${t}? numbers`],
      clerk: [
        `${cp(g)} whether ${p.a} exceeded ${p.b} in ${p.what}${tail(t)}, and state both figures for the record?`,
      ],
      tale: [
        `${tp(g)} did ${p.a} triumph over ${p.b} in ${p.what}${tail(t)}?`,
        lead(t, `did ${p.a} outdo ${p.b} in ${p.what}? Tell both sides of it.`),
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
    esl: [`How much is difference of ${bare} between ${p.a} and ${p.b}${tail(t)}, and who is ${more}?`],
    night: [
      `${p.a} vs ${p.b} ${bare} ${t} diff? who ${more}`,
      `how much ${more} ${bare} ${p.a} or ${p.b} ${t}`,
    ],
    clerk: [
      `${cp(g)} the difference in ${p.what} between ${p.a} and ${p.b}${tail(t)}, and which of the two was the ${p.mean ? 'higher' : 'greater'}?`,
    ],
    tale: [
      `${tp(g)} by how much did ${p.a} and ${p.b} differ in ${p.what}${tail(t)}, and which was ${more}?`,
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
/** How a voice names a week as a side ("week 4", "week four"). */
const wkName = (v: Voice, w: number) => (v === 'clerk' || v === 'tale' ? `week ${words(w)}` : `week ${w}`);
const weekSide = (w: number) => new RegExp(`\\b(week|wk) (${w}|${words(w)})\\b`, 'i');
const daySide = (d: number, N: number) =>
  new RegExp(`\\bday ${d}\\b${d === N ? '|\\btoday\\b' : d === N - 1 ? '|\\byesterday\\b' : ''}`, 'i');

const mWeeksOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const w1 = g.int(1, 7);
  const w2 = week2(g, w1);
  const l = lab(g, v, o.town);
  const at = placeOf(o, v, l);
  return pairCase(c, v, form, {
    a: wkName(v, w1),
    b: wkName(v, w2),
    aRe: weekSide(w1),
    bRe: weekSide(w2),
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
    a: wkName(v, w1),
    b: wkName(v, w2),
    aRe: weekSide(w1),
    bRe: weekSide(w2),
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
            a: `in ${wkName(v, w1)}`,
            b: `in ${wkName(v, w2)}`,
            wh: 'when',
          },
        }
      : {}),
    t: '',
    label: `weeks ${w1} and ${w2}`,
  });
};

/** Two days ≤ 55, or today against yesterday. */
function twoDays(c: Ctx, v: Voice): { d1: number; d2: number; a: string; b: string } {
  const { g, N } = c;
  if (g.chance(0.3)) {
    const [d1, d2] = g.chance(0.5) ? [N, N - 1] : [N - 1, N];
    const say = (d: number) => (d === N ? 'today' : 'yesterday');
    return { d1, d2, a: say(d1), b: say(d2) };
  }
  const d1 = g.int(2, 54);
  const d2 = g.chance(0.5) ? d1 + 1 : g.int(2, 55);
  const say = (d: number) => (v === 'clerk' ? `day ${words(d)}` : `day ${d}`);
  return { d1, d2: d2 === d1 ? d1 + 1 : d2, a: say(d1), b: say(d2 === d1 ? d1 + 1 : d2) };
}

const mDaysOut: Maker = (c, v, form) => {
  const { g, h } = c;
  const o = g.pick(OUTS);
  const { d1, d2, a, b } = twoDays(c, v);
  const l = lab(g, v, o.town);
  return pairCase(c, v, form, {
    a,
    b,
    aRe: daySide(d1, c.N),
    bRe: daySide(d2, c.N),
    va: sumOf(inSpan(outEvents(h, o), c.sp.day(d1)), o.key),
    vb: sumOf(inSpan(outEvents(h, o), c.sp.day(d2)), o.key),
    dec: o.dec,
    unit: o.unit,
    what: `${line(o)} ${placeOf(o, v, l)}`.trim(),
    mean: false,
    t: '',
    label: `days ${d1} and ${d2}`,
  });
};

const mDaysRd: Maker = (c, v, form) => {
  const { g, h } = c;
  const r = g.pick(READS);
  const { d1, d2, a, b } = twoDays(c, v);
  const va = rdValue(h, r, c.sp.day(d1));
  const vb = rdValue(h, r, c.sp.day(d2));
  if (Number.isNaN(va) || Number.isNaN(vb)) return null;
  const l = lab(g, v, r.town);
  const noun = rdNoun(g, r);
  const er = ER[r.key];
  const on = (x: string) => (x.startsWith('day') ? `on ${x}` : x);
  return pairCase(c, v, form, {
    a,
    b,
    aRe: daySide(d1, c.N),
    bRe: daySide(d2, c.N),
    va,
    vb,
    dec: r.dec,
    unit: r.unit,
    what: r.sum ? `the total rainfall ${l.at}` : `the average ${noun} ${l.at}`,
    mean: !r.sum,
    ...(er
      ? { er: { words: [`${er[0]} ${l.at}`, `${er[1]} ${l.at}`], a: on(a), b: on(b), wh: 'when' } }
      : {}),
    t: '',
    label: `days ${d1} and ${d2}`,
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
    what: r1.sum ? (v === 'night' ? 'rain' : 'the total rainfall') : `the average ${noun}`,
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
    what: v === 'night' ? 'sales gold' : 'gold earned from sales',
    mean: false,
    t: T(g, v, s),
    label: s.label,
  });
};

/** Sums of an output by each of its role's people who did it in the span. */
function byActor(h: Hist, o: Out, s: Span): Map<Person, number> {
  const res = new Map<Person, number>();
  if (!o.role) return res;
  const people = holders(o.town, o.role);
  for (const e of inSpan(outEvents(h, o), s)) {
    const p = people.find((x) => x.name === e.actor);
    if (p) res.set(p, clean((res.get(p) ?? 0) + num(e, o.key)));
  }
  return res;
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
    esl: [`${cap(body)} ${t}?`, lead(t, `${body}? Please the number.`)],
    night: [`${body} ${t}`, `${body} ${t} count?`],
    clerk: [`${cp(g)} ${body} ${t}, counting every occurrence separately?`],
    tale: [lead(t, `${body}, as the tale counts them?`), `${tp(g)} ${body} ${t}?`],
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
    esl: [`What was ${ev} ${at} ${t}${and}?`, lead(t, `${ev} ${at} was how big${and}?`)],
    night: [`${ev} ${at} ${t}${withDay ? ' + what day' : ''}`, `whats ${ev} ${at} ${t}${and}`],
    clerk: [
      `${cp(g)} the size of ${ev} ${at} ${t}${withDay ? ', together with the day on which it took place' : ''}?`,
    ],
    tale: [
      lead(t, `of all the tale's deeds ${at}, what was ${ev}${and}?`),
      `${tp(g)} what was ${ev} ${at} ${t}${and}?`,
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
    esl: [`What was ${ev} ${at} ${t}?`, lead(t, `${ev} ${at} was how much?`)],
    night: [`${ev} ${at} ${t}`],
    clerk: [`${cp(g)} the value of ${ev} ${at} ${t}?`],
    tale: [`${tp(g)} what was ${ev} ${at} ${t}?`],
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
    esl: [
      `What was biggest robbery of ${l.pos} shipment ${t}, how much gold?`,
      lead(t, `most gold pirates took from one shipment of ${l.name} is how much?`),
    ],
    night: [
      `biggest robbery ${l.name} shipment ${t} how much gold`,
      `most gold stolen from 1 ${l.name} shipment ${t}`,
    ],
    clerk: [
      `${cp(g)} the largest amount of gold lost in any single robbery of a shipment sent from ${l.name} ${t}?`,
    ],
    tale: [
      lead(
        t,
        `the pirates fell upon ${l.pos} cargo many times. What was the most gold they took in a single robbery?`,
      ),
    ],
  });
  return mk(form, q, `${a1.v}${a2.v !== a1.v ? ` or ${a2.v}` : ''} gold (${s.label})`, (a) =>
    valAny(a, [a1.v, a2.v], 0),
  );
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
    esl: [`What was ${what} ${l.at} ${t}?`, lead(t, `${what} ${l.at} was what?`)],
    night: [`${what} ${l.name} ${t}`, `whats ${what} ${l.at} ${t}`],
    clerk: [`${cp(g)} ${what} taken ${l.at} ${t}, as it stands in the record?`],
    tale: [
      lead(
        t,
        `what was ${what} the watchers ${l.at} ever wrote down?`.replace(' ever', s.whole ? ' ever' : ''),
      ),
      `${tp(g)} what was ${what} ${l.at} ${t}?`,
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
  const grim = GRIM[o.id];
  const q = by(g, v, {
    esl: [
      `Which day ${S} ${vb.past} ${most} ${o.thing} ${t}?`,
      lead(t, `which day was ${most} ${line(o)} ${at2(o, v, l)}?`),
    ],
    night: [
      `which day ${most} ${line(o)} ${at2(o, v, l)} ${t}`,
      `${hi ? 'best' : 'worst'} day ${line(o)} ${at2(o, v, l)} ${t}?`,
    ],
    clerk: [
      `${cp(g)} on which day ${t} the daily total of ${line(o)} ${at2(o, v, l)} was at its ${hi ? 'highest' : 'lowest'}?`,
    ],
    tale: [
      grim && !hi
        ? `${tp(g)} which was the darkest day for ${grim} ${at2(o, v, l)} ${t}?`
        : lead(t, `on which day did ${S} ${vb.base} the ${most} ${o.thing}, as the tale tells?`),
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
    esl: [`Which day was ${ev} ${at} ${t}?`, lead(t, `${ev} ${at} happened in which day?`)],
    night: [`what day ${ev} ${at} ${t}`, `when was ${ev} ${at} ${t}`],
    clerk: [`${cp(g)} on which day ${t} ${ev} ${at} took place?`],
    tale: [lead(t, `on what day of the tale came ${ev} ${at}?`), `${tp(g)} when was ${ev} ${at} ${t}?`],
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
    esl: [
      `Which was ${fl} day ${t} when ${x.clause(l)}?`,
      lead(t, `when was ${fl} time that ${x.clause(l)}?`),
    ],
    night: [`${fl} day ${x.clause(l)} ${t}`, `when ${fl} time ${x.clause(l)} ${t}`],
    clerk: [`${cp(g)} the ${fl} day ${t} on which it is recorded that ${x.clause(l)}?`],
    tale: [
      lead(t, `when, for the ${fl} time in the tale, ${x.clause(l)}? Name the day.`),
      `${tp(g)} on what day ${t} was it ${fl} told that ${x.clause(l)}?`,
    ],
  });
  return mk(form, q, `day ${days.join(' or ')} (${fl}, ${s.label})`, (a) => dayAny(a, days));
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

/** Gold the pirates took from a town's shipments in a span: by their raids, and by the town's losses. */
function robbedGold(h: Hist, town: Town, s: Span): [number, number] {
  const raids = inSpan(h.of('den-of-thieves', 'raid'), s).filter((e) => e.data.target === town);
  return [sumOf(raids, 'raid_gold'), sumOf(inSpan(h.of(town, 'loss'), s), 'loot_gold')];
}

const mRaidByTarget: Maker = (c, v, form) => {
  const { g, h } = c;
  const town = g.pick(SENDERS);
  const s = spanFor(c, form, [...MULTI, 'pastYear']);
  const [a1, a2] = robbedGold(h, town, s);
  const l = lab(g, v, town);
  const t = T(g, v, s);
  const q = by(g, v, {
    esl: [
      `How much gold pirates took from shipments of ${l.name} ${t}?`,
      lead(t, `${l.name} lost how much gold to pirates?`),
    ],
    night: [
      `how much gold pirates stole from ${l.name} shipments ${t}`,
      `${l.name} gold lost to pirates ${t}`,
    ],
    clerk: [`${cp(g)} the total gold stolen by the pirates from shipments sent by ${l.name} ${t}?`],
    tale: [lead(t, `the pirates preyed on ${l.pos} cargo. How much gold did they carry off?`)],
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
        esl: [`How much gold pirates got from raiding ${gw} shipments ${t}?`],
        night: [`raid gold from ${gw} shipments ${t}`, `how much gold pirates got off ${gw} shipments ${t}`],
        clerk: [`${cp(g)} the total raid gold the pirates took from shipments of ${goods} ${t}?`],
        tale: [lead(t, `how much gold did the pirates win from the ${gw} shipments they seized?`)],
      })
    : by(g, v, {
        esl: [
          `How many ${gw} shipments pirates raided ${t}?`,
          lead(t, `pirates robbed how many shipments of ${goods}?`),
        ],
        night: [
          `how many ${gw} shipments raided ${t}`,
          `# ${gw} shipments robbed ${t}`.replace('# ', 'how many '),
        ],
        clerk: [`${cp(g)} how many shipments of ${goods} were successfully raided by the pirates ${t}?`],
        tale: [lead(t, `how many ${gw} cargoes fell into the pirates' hands?`)],
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
    esl: [`How many ${gw} shipments of ${l.name} was robbed ${t}?`],
    night: [`how many ${l.name} ${gw} shipments robbed ${t}`],
    clerk: [`${cp(g)} how many of the ${gw} shipments sent by ${l.name} were robbed ${t}?`],
    tale: [lead(t, `how many of ${l.pos} ${gw} shipments were lost to the pirates?`)],
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
        esl: [`How much gold ${la.name} earned from selling to ${lb.name} ${t}?`],
        night: [`gold ${la.name} made selling to ${lb.name} ${t}`],
        clerk: [`${cp(g)} the total value in gold of the goods ${la.name} sold to ${lb.name} ${t}?`],
        tale: [lead(t, `how much gold did ${la.name} earn from the goods it sent to ${lb.name}?`)],
      })
    : by(g, v, {
        esl: [`How many crates ${la.name} sent to ${lb.name} ${t}?`],
        night: [
          `crates ${la.name} to ${lb.name} ${t}`,
          `how many crates ${la.name} shipped to ${lb.name} ${t}`,
        ],
        clerk: [`${cp(g)} the number of crates shipped from ${la.name} to ${lb.name} ${t}?`],
        tale: [lead(t, `how many crates set out from ${la.name} bound for ${lb.name}?`)],
      });
  return mk(
    form,
    q,
    `${value} ${gold ? 'gold' : 'crates'} (${TOWN_NAMES[a]} → ${TOWN_NAMES[b]}, ${s.label})`,
    (x) => val(x, value, 0),
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
    esl: [`How many shipments from ${lf.name} arrived ${lt.at} ${t}?`],
    night: [`how many deliveries from ${lf.name} got to ${lt.name} ${t}`],
    clerk: [`${cp(g)} how many shipments sent from ${lf.name} actually arrived ${lt.at} ${t}?`],
    tale: [lead(t, `how many cargoes from ${lf.name} came safely to ${lt.name}?`)],
  });
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
  const q = by(g, v, {
    esl: [`How much gold ${l.name} got for selling ${goods} ${t}?`],
    night: [`${l.name} ${goods} sales gold ${t}`, `how much gold ${l.name} made on ${goods} ${t}`],
    clerk: [`${cp(g)} the total gold ${l.name} earned from its sales of ${goods} ${t}?`],
    tale: [lead(t, `how much gold did ${l.name} earn by selling ${goods}?`)],
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
    esl: [`${cap(x.did(l))} ${t}? Yes or no?`, lead(t, `${x.clause(l)}, yes or no?`)],
    night: [`${x.did(l)} ${t}`, `${x.did(l)} ${t} y/n`],
    clerk: [`Could you please confirm, yes or no, whether ${x.clause(l)} ${t}?`],
    tale: [lead(t, `${x.did(l)}, or is that only a tale?`), `${tp(g)} ${x.did(l)} ${t}?`],
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
    esl: [
      `${S} ${vb.past} more than ${amount} ${t}, yes or no?`,
      `Did ${S} ${vb.base} more than ${amount} ${t}?`,
    ],
    night: [
      `did ${S} ${vb.base} more than ${amount} ${t}`,
      `${line(o)} ${at2(o, v, l)} over ${fig(thr, v)} ${t} y/n`,
    ],
    clerk: [
      `Could you please confirm, yes or no, whether the total ${line(o)} ${at2(o, v, l)} ${t} exceeded ${amount}?`,
    ],
    tale: [lead(t, `did ${S} ${vb.base} more than ${amount}, as the story claims?`)],
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
    esl: [
      `${cap(cmp)} ${l1.at} than ${l2.at} ${t}?`,
      lead(t, `${cmp.replace(/^was it /, 'it was ')} ${l1.at} than ${l2.at}, yes or no?`),
    ],
    night: [`${cmp} ${l1.at} than ${l2.at} ${t}`],
    clerk: [`Could you please confirm, yes or no: ${cmp} ${l1.at} than ${l2.at} ${t}?`],
    tale: [lead(t, `${cmp} ${l1.at} than ${l2.at}, as the travellers say?`)],
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
    [mWeeksOut, mWeeksOut, mWeeksRd, mWeeksRd, mTownsRd, mTownsRd, mDaysOut, mDaysRd, mPeople, mTownsSales],
    51,
  ],
  ['extreme-day', [mBestDay, mBestDay, mRdDay, mRdDay], 45],
  ['which-day', [mDayOfBest, mDayOfEv, mFirstLast, mFirstLast], 32],
  ['extreme-event', [mEvMax, mEvMax, mEvMin, mRobMax, mReading, mReading], 32],
  ['days', [mHapDays, mHapDays, mNoHapDays, mDailyOver, mDry], 32],
  ['did', [mDidHap, mDidHap, mDidThr, mDidCmp], 32],
  ['scope', [mTotal, mCount, mEvMax, mBestDay, mHapDays, mRaidByTarget, mReading, mRdMean], 26],
  ['count', [mCount], 25],
  ['filter', [mRaidByTarget, mRaidByGoods, mLossByGoods, mRoute, mArrivalsFrom, mSalesByGoods], 26],
  [
    'typo',
    [mTotal, mCount, mBestDay, mHapDays, mDidHap, mEvMax, mWeeksOut, mTownsRd, mRdMean, mFirstLast],
    19,
  ],
];

/** One or two realistic typos, the first in a verb or a metric, not a town's name. */
function typoed(g: Gen, question: string): { question: string; typo: string } | null {
  const one = withTypo(g, question, false);
  if (!one) return null;
  const two = g.chance(0.4) ? withTypo(g, one.question) : null;
  return two ? { question: two.question, typo: `${one.typo}; ${two.typo}` } : one;
}

export function buildNaturalR(events: RawEvent[], today: number): Case[] {
  const g = new Gen(hashHistory(events) ^ 0x52525252);
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
      const k = maker(c, v, form);
      if (!k) continue;
      let question = voiced(g, v, k.question);
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
      voice++;
      cases.push({
        form: k.form,
        question,
        truth: k.truth,
        ...(typo !== undefined ? { typo } : {}),
        check: (reply: Reply) => k.check(reply.answer),
      });
    }
    if (made < quota) throw new Error(`natural-r: the ${form} quota did not fill (${made} of ${quota})`);
  }
  return cases;
}

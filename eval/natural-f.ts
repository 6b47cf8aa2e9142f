/**
 * natural-f: a development set of natural questions in three voices — a tabletop game master
 * preparing a session (long, story-ish sentences with asides), a data analyst (terse, column-like
 * words: "daily max ore_tons circuiton wk 3") and a child or casual player (simple words,
 * misspellings, informal grammar). Written from the world definition and eval/CONVENTIONS.md only.
 * Every truth is computed here from the raw events; the questions are deterministic per history.
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

type F = Case & { typo?: string };
type Voice = 0 | 1 | 2; // game master, analyst, child
const PL = 'port-logic';
const PB = 'patchbourough';
const CI = 'circuiton';
const DEN = 'den-of-thieves';
const TOWNS = [PL, PB, CI, DEN];
const TRADERS = [PL, PB, CI];

// ---------------------------------------------------------------- randomness

function hashEvents(events: RawEvent[]): number {
  let h = 2166136261 >>> 0;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
  };
  mix(String(events.length));
  const step = Math.max(1, Math.floor(events.length / 500));
  for (let i = 0; i < events.length; i += step) mix(at(events, i).text);
  return h;
}

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

// ---------------------------------------------------------------- numbers

/** The element at `i`, which the caller knows is there. */
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i < 0 ? xs.length + i : i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
const num = (e: RawEvent, k: string) => (typeof e.data[k] === 'number' ? (e.data[k] as number) : 0);

/** Too close to a rounding edge at `d` or the next two precisions to check fairly. */
function edgy(v: number, d: number): boolean {
  for (let dd = d; dd <= d + 2; dd++) {
    const x = Math.abs(v) * 10 ** dd;
    const frac = x - Math.floor(x);
    if (Math.abs(frac - 0.5) < 1e-6 * Math.max(1, x) + 1e-9) return true;
  }
  return false;
}

function slope(points: [number, number][]): number {
  const mx = mean(points.map((p) => p[0]));
  const my = mean(points.map((p) => p[1]));
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

function pearson(xs: number[], ys: number[]): number {
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
  return sxy / Math.sqrt(sxx * syy);
}

const fmt = (v: number, d: number) => round(v, d).toFixed(d);

// ---------------------------------------------------------------- checks

const NONE_WORDS = /\b(no|none|never|zero|not once|nothing|not a single|0)\b/i;

function statesCount(answer: string, n: number): string | null {
  if (n === 0) return NONE_WORDS.test(answer) ? null : 'does not say none';
  return states(answer, n, 0);
}

const TOWN_FULL = Object.values(TOWN_NAMES).map((n) => n.toLowerCase());

/** The winner is named, and is the first town the answer names. */
function namesWinnerFirst(answer: string, town: string): string | null {
  const miss = namesTown(answer, town);
  if (miss) return miss;
  const low = answer.toLowerCase();
  const mine = low.indexOf((TOWN_NAMES[town] ?? town).toLowerCase());
  const first = Math.min(...TOWN_FULL.map((n) => low.indexOf(n)).filter((i) => i >= 0));
  return mine === first ? null : `names another town before ${TOWN_NAMES[town] ?? town}`;
}

function namesDays(answer: string, days: number[], notDays: number[]): string | null {
  if (days.length === 0) {
    const named = notDays.find((d) => namesDay(answer, d) === null);
    if (named !== undefined) return `names day ${named}, but there was no such day`;
    return NONE_WORDS.test(answer) ? null : 'does not say there was none';
  }
  for (const d of days) {
    const miss = namesDay(answer, d);
    if (miss) return miss;
  }
  const stray = notDays.find((d) => namesDay(answer, d) === null);
  return stray === undefined ? null : `names day ${stray}, which is not one of them`;
}

// ---------------------------------------------------------------- the set

export function buildNaturalF(events: RawEvent[], today: number): Case[] {
  const rand = mulberry32(hashEvents(events) ^ 0x5eed_f00d);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const one = (xs: readonly string[], v: number): string => xs[v] ?? at(xs, 0) ?? '';
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const chance = (p: number) => rand() < p;
  const N = today;

  // ---- index
  const byTK = new Map<string, RawEvent[]>();
  const townDays = new Map<string, Set<number>>();
  for (const e of events) {
    const k = `${e.town}/${e.kind}`;
    if (!byTK.has(k)) byTK.set(k, []);
    byTK.get(k)?.push(e);
    if (!townDays.has(e.town)) townDays.set(e.town, new Set());
    townDays.get(e.town)?.add(e.day);
  }
  const evs = (town: string, kind: string, s: Span, pred?: (e: RawEvent) => boolean) =>
    (byTK.get(`${town}/${kind}`) ?? []).filter((e) => e.day >= s.from && e.day <= s.to && (!pred || pred(e)));
  const reportDays = (town: string, s: Span) =>
    [...(townDays.get(town) ?? [])].filter((d) => d >= s.from && d <= s.to).sort((a, b) => a - b);
  const daySet = (es: RawEvent[]) => [...new Set(es.map((e) => e.day))].sort((a, b) => a - b);

  /** Daily totals of an output over the days the town reported (0 where the kind had none). */
  function dailySum(m: Metric, s: Span, pred?: (e: RawEvent) => boolean): Map<number, number> {
    const out = new Map<number, number>();
    for (const d of reportDays(m.town, s)) out.set(d, 0);
    for (const e of evs(m.town, m.kind, s, pred)) out.set(e.day, (out.get(e.day) ?? 0) + num(e, m.key));
    return out;
  }
  /** Does the kind report on every day the town reported in the span (so a daily series is plain)? */
  function everyDay(m: Metric, s: Span): boolean {
    const kd = new Set(evs(m.town, m.kind, s).map((e) => e.day));
    return reportDays(m.town, s).every((d) => kd.has(d));
  }
  function dailyMean(m: Metric, s: Span): Map<number, number> {
    const acc = new Map<number, number[]>();
    for (const e of evs(m.town, m.kind, s)) {
      if (typeof e.data[m.key] !== 'number') continue;
      if (!acc.has(e.day)) acc.set(e.day, []);
      acc.get(e.day)?.push(num(e, m.key));
    }
    return new Map([...acc].map(([d, xs]) => [d, mean(xs)]));
  }
  const readings = (m: Metric, s: Span) =>
    evs(m.town, m.kind, s)
      .filter((e) => typeof e.data[m.key] === 'number')
      .map((e) => num(e, m.key));
  /** How much: sum of an output or rain, mean of a reading. */
  function howMuch(m: Metric, s: Span): number | undefined {
    if (m.measure === 'reading') {
      const r = readings(m, s);
      return r.length ? mean(r) : undefined;
    }
    return sum(evs(m.town, m.kind, s).map((e) => num(e, m.key)));
  }
  const daily = (m: Metric, s: Span) => (m.measure === 'reading' ? dailyMean(m, s) : dailySum(m, s));

  // ---- spans
  function spanOf(kind: string, minLen = 1): Span | undefined {
    let s: Span | undefined;
    switch (kind) {
      case 'whole':
        s = { from: 1, to: N, t: ['across the whole run', 'all-time', 'ever'], named: [], whole: true };
        s.t = [
          pick([
            'across the whole run so far',
            'over the entire history',
            'since the very first day',
            'in all the time there is on record',
          ]),
          pick(['all-time', 'all days', 'full history', '']),
          pick(['ever', 'of all time', 'so far', '']),
        ];
        break;
      case 'today':
        s = {
          from: N,
          to: N,
          t: [pick(['today', 'today (in-world)']), 'today', pick(['today', '2day'])],
          named: [],
        };
        break;
      case 'yesterday':
        s = {
          from: N - 1,
          to: N - 1,
          t: ['yesterday', pick(['yesterday', 'd-1']), pick(['yesterday', 'yesterday', 'yday'])],
          named: [],
        };
        break;
      case 'day': {
        const d = int(1, 55);
        s = { from: d, to: d, t: [`on day ${d}`, `day ${d}`, `on day ${d}`], named: [d] };
        break;
      }
      case 'between': {
        const a = int(1, 45);
        const b = Math.min(55, a + int(3, 15));
        s = {
          from: a,
          to: b,
          t: [`between day ${a} and day ${b}`, `days ${a}-${b}`, `from day ${a} to day ${b}`],
          named: [a, b],
        };
        break;
      }
      case 'week': {
        const w = int(1, 7);
        const ord = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'][w - 1];
        s = {
          from: 7 * (w - 1) + 1,
          to: 7 * w,
          t: [
            pick([`during week ${w}`, `in the ${ord} week (week ${w})`]),
            pick([`wk ${w}`, `week ${w}`, `w${w}`]),
            `in week ${w}`,
          ],
          named: [],
          week: w,
        };
        break;
      }
      case 'lastweek':
        s = {
          from: N - 7,
          to: N - 1,
          t: ['last week', pick(['last week', 'prev week']), 'last week'],
          named: [],
        };
        break;
      case 'thisweek':
        s = {
          from: N - 6,
          to: N,
          t: [pick(['this week', 'over the past week']), pick(['this week', 'past 7d']), 'this week'],
          named: [],
        };
        break;
      case 'lastk': {
        const k = pick([3, 5, 10, 14, 20, 30, 45]);
        s = {
          from: N - k + 1,
          to: N,
          t: [
            `over the last ${k} days`,
            pick([`last ${k}d`, `last ${k} days`, `trailing ${k}d`]),
            `in the last ${k} days`,
          ],
          named: [],
        };
        break;
      }
      case 'lastmonth':
        s = {
          from: N - 30,
          to: N - 1,
          t: ['last month', pick(['last month', 'prev month']), 'last month'],
          named: [],
        };
        break;
      case 'thismonth':
        s = {
          from: N - 29,
          to: N,
          t: ['this month', pick(['this month', 'past 30d']), 'this month'],
          named: [],
        };
        break;
    }
    if (!s || s.from < 1 || s.to > N || s.to - s.from + 1 < minLen) return undefined;
    return s;
  }
  const LONG = ['whole', 'between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth'];
  const ANY = [...LONG, 'today', 'yesterday', 'day'];
  function span(kinds: readonly string[], minLen = 1): Span {
    for (let i = 0; i < 50; i++) {
      const s = spanOf(pick(kinds), minLen);
      if (s) return s;
    }
    return spanOf('whole') as Span;
  }
  const T = (s: Span, v: Voice) => s.t[v];
  const tail = (s: Span, v: Voice) => (T(s, v) ? ` ${T(s, v)}` : '');
  const rangeNote = (s: Span) =>
    s.whole ? 'whole history' : s.from === s.to ? `day ${s.from}` : `days ${s.from}–${s.to}`;

  // ---- voices: town names
  const TN_: Record<string, Names3> = {
    [PL]: [
      ['Port Logic', 'the harbour at Port Logic', 'the port town of Port Logic'],
      ['port logic', 'Port Logic', 'port-logic'],
      ['the port', 'port logic', 'the harbor'],
    ],
    [PB]: [
      ['PatchBourough', 'the river town of PatchBourough', 'PatchBourough on the river'],
      ['patchbourough', 'PatchBourough'],
      ['the farm town', 'patchbourough', 'the farms'],
    ],
    [CI]: [
      ['Circuiton', 'the mountain town of Circuiton', 'Circuiton up in the mountains'],
      ['circuiton', 'Circuiton'],
      ['the mine town', 'circuiton', 'the mountain town'],
    ],
    [DEN]: [
      ['the Den', 'the Den of Thieves', 'the Den of Thieves'],
      ['den of thieves', 'den', 'Den of Thieves'],
      ['pirate island', 'the den', 'the pirate island'],
    ],
  };
  const TN = (town: string): Names3 => TN_[town] ?? (TN_[PL] as Names3);
  const tn = (town: string, v: Voice) => pick(TN(town)[v]);
  const GM_OPEN = [
    'For tonight’s session I need to know —',
    'Quick prep question for my table:',
    'My players will ask about this, so:',
    'Setting the scene for the next chapter:',
    'One of my players keeps a ledger, so I want this right:',
    'Before the party lands,',
    'For the campaign notes:',
  ];
  const gm = () => pick(GM_OPEN);
  const KID_END = ['?', '??', '?', ' ?', '???', ''];
  const kidEnd = () => pick(KID_END);

  // ---- metrics
  const M = (
    town: string,
    kind: string,
    key: string,
    dec: number,
    measure: Metric['measure'],
    w: [string, string, string],
    unit: string,
    verb = 'bring in',
  ): Metric => ({ town, kind, key, dec, measure, w, unit, verb });
  const FISH = M(PL, 'fishing', 'fish', 0, 'output', ['fish', 'fish', 'fish'], 'fish', 'land');
  const NETS = M(PL, 'maritime', 'nets', 0, 'output', ['nets', 'nets', 'nets'], 'nets', 'make');
  const ROPES = M(PL, 'maritime', 'ropes', 0, 'output', ['ropes', 'ropes', 'ropes'], 'ropes', 'make');
  const HARVEST = M(PB, 'farming', 'harvest', 0, 'output', ['grain', 'harvest', 'grain'], 'lbs', 'harvest');
  const FLOUR = M(PB, 'mill', 'flour_lbs', 0, 'output', ['flour', 'flour_lbs', 'flour'], 'lbs', 'mill');
  const TOOLS = M(PB, 'forge', 'tools', 0, 'output', ['tools', 'tools', 'tools'], 'tools', 'forge');
  const ORE = M(CI, 'mining', 'ore_tons', 2, 'output', ['ore', 'ore_tons', 'ore'], 'tons', 'mine');
  const METAL = M(CI, 'mining', 'metal_lbs', 4, 'output', ['metal', 'metal_lbs', 'metal'], 'lbs', 'smelt');
  const TRINKETS = M(
    CI,
    'apprenticeship',
    'trinkets',
    0,
    'output',
    ['trinkets', 'trinkets', 'trinkets'],
    'trinkets',
    'make',
  );
  const LEARNED = M(
    CI,
    'education',
    'learned',
    0,
    'output',
    ['pupils', 'learned', 'kids'],
    'pupils',
    'teach a craft to',
  );
  const DRINKS = M(DEN, 'drinking', 'drinks', 0, 'output', ['drinks', 'drinks', 'drinks'], 'drinks', 'pour');
  const ARROWS = M(DEN, 'arrows', 'arrows', 0, 'output', ['arrows', 'arrows', 'arrows'], 'arrows', 'make');
  const RAIDG = M(
    DEN,
    'raid',
    'raid_gold',
    0,
    'output',
    ['gold', 'raid_gold', 'gold'],
    'gold',
    'take in raids',
  );
  /** "2.50 tons of ore", "300 fish", "120 gold". */
  const qty = (m: Metric, x: string, v: Voice) =>
    m.unit === 'lbs' || m.unit === 'tons' ? `${x} ${m.unit} of ${m.w[v]}` : `${x} ${m.w[v]}`;
  const howMany = (m: Metric) =>
    ['nets', 'ropes', 'tools', 'trinkets', 'pupils', 'drinks', 'arrows'].includes(m.unit) ? 'many' : 'much';
  const OUTPUTS = [
    FISH,
    NETS,
    ROPES,
    HARVEST,
    FLOUR,
    TOOLS,
    ORE,
    METAL,
    TRINKETS,
    LEARNED,
    DRINKS,
    ARROWS,
    RAIDG,
  ];
  const DAILY_OK = [FISH, NETS, ROPES, HARVEST, FLOUR, TOOLS, ORE, TRINKETS, DRINKS];
  const R = (
    town: string,
    key: string,
    dec: number,
    w: [string, string, string],
    unit: string,
    measure: Metric['measure'] = 'reading',
  ) => M(town, 'sensor', key, dec, measure, w, unit, 'read');
  const TEMP = (t: string) => R(t, 'temperature_c', 1, ['temperature', 'temperature_c', 'temperature'], '°C');
  const WIND = (t: string) => R(t, 'wind_kph', 1, ['wind', 'wind_kph', 'wind'], 'km/h');
  const PRESS = (t: string) =>
    R(t, 'pressure_hpa', 1, ['air pressure', 'pressure_hpa', 'air pressure'], 'hPa');
  const HUM = (t: string) => R(t, 'humidity_pct', 0, ['humidity', 'humidity_pct', 'humidity'], '%');
  const RAIN = (t: string) => R(t, 'rain_mm', 1, ['rain', 'rain_mm', 'rain'], 'mm', 'rain');
  const TIDE = R(PL, 'tide_m', 2, ['tide', 'tide_m', 'tide'], 'm');
  const RIVER = R(PB, 'river_level_m', 2, ['river level', 'river_level_m', 'river'], 'm');
  const READ_T = (t: string) => [TEMP(t), WIND(t), PRESS(t), HUM(t)];
  const allReadings = () => [...TOWNS.flatMap(READ_T), TIDE, RIVER];

  // ---- typos
  const TYPOS: [RegExp, string, string][] = [
    [/\btemperature\b/, 'temperature', 'temprature'],
    [/\baverage\b/, 'average', 'avrage'],
    [/\bwhich\b/, 'which', 'wich'],
    [/\bweather\b/, 'weather', 'wether'],
    [/\bharvest\b/, 'harvest', 'harvset'],
    [/\bpirates\b/, 'pirates', 'pirats'],
    [/\bhighest\b/, 'highest', 'higest'],
    [/\bshipments\b/, 'shipments', 'shipmnets'],
    [/\bdays\b/, 'days', 'dyas'],
    [/\bmost\b/, 'most', 'mots'],
    [/\bpressure\b/, 'pressure', 'presure'],
    [/\bhumidity\b/, 'humidity', 'humidty'],
    [/\bbiggest\b/, 'biggest', 'bigest'],
    [/\braided\b/, 'raided', 'raidded'],
    [/\brained\b/, 'rained', 'rainned'],
    [/\bcaught\b/, 'caught', 'cought'],
    [/\bweek\b/, 'week', 'wek'],
    [/\bstorm\b/, 'storm', 'strom'],
    [/\btotal\b/, 'total', 'totl'],
    [/\bhottest\b/, 'hottest', 'hotest'],
    [/\bwindiest\b/, 'windiest', 'windyest'],
    [/\bbetween\b/, 'between', 'betwen'],
    [/\bthe\b/, 'the', 'teh'],
  ];

  const cases: F[] = [];
  const seen = new Set<string>();
  function add(form: string, question: string, truth: string, check: (r: Reply) => string | null): boolean {
    let q = question
      .replace(/\s+/g, ' ')
      .replace(/\s+([?,.])/g, '$1')
      .trim();
    q = q.replace(/ \?/g, '?');
    if (seen.has(q)) return false;
    seen.add(q);
    let typo: string | undefined;
    if (chance(1 / 6)) {
      const options = TYPOS.filter(([re, a, b]) => a !== b && re.test(q));
      if (options.length) {
        const [re, a, b] = pick(options);
        const typed = q.replace(re, b);
        if (!seen.has(typed)) {
          seen.add(typed);
          q = typed;
          typo = `${a} → ${b}`;
        }
      }
    }
    const c: F = { form, question: q, truth, check: (reply) => check(reply) };
    if (typo) c.typo = typo;
    cases.push(c);
    return true;
  }
  function fill(n: number, gen: () => boolean | undefined) {
    let made = 0;
    for (let i = 0; i < n * 25 && made < n; i++) if (gen()) made++;
  }
  const voice = (): Voice => pick([0, 1, 2] as const);

  // ---- happenings (day sets)
  interface Happening {
    town: string;
    w: [string, string, string, string];
    evs: (s: Span) => RawEvent[];
  }
  const H = (
    town: string,
    kind: string,
    w: [string, string, string, string],
    pred: (e: RawEvent) => boolean,
  ): Happening => ({ town, w, evs: (s) => evs(town, kind, s, pred) });
  const HAPPENINGS: Happening[] = [
    ...TOWNS.map((t) =>
      H(
        t,
        'sensor',
        [
          `it rained in ${TN(t)[0][0]}`,
          `rain_mm>0 @ ${TN(t)[1][0]}`,
          `it rained in ${TN(t)[2][0]}`,
          `did it rain in ${TN(t)[2][0]}`,
        ],
        (e) => num(e, 'rain_mm') > 0,
      ),
    ),
    ...TOWNS.map((t) =>
      H(
        t,
        'sensor',
        [
          `a storm blew over ${TN(t)[0][0]}`,
          `storm flag @ ${TN(t)[1][0]}`,
          `there was a storm at ${TN(t)[2][0]}`,
          `was there a storm at ${TN(t)[2][0]}`,
        ],
        (e) => e.data.storm === 1,
      ),
    ),
    H(
      DEN,
      'raid',
      [
        'the Den came back from a raid with gold',
        'raid_gold>0',
        'the pirates stole gold on a raid',
        'did the pirates steal gold on a raid',
      ],
      (e) => num(e, 'raid_gold') > 0,
    ),
    H(
      DEN,
      'raid',
      [
        'the Den let a prize go and came home empty',
        'raid w/ raid_gold=0',
        'the pirates went raiding but got nothing',
        'did the pirates go raiding and get nothing',
      ],
      (e) => e.data.raid_gold === 0,
    ),
    ...TRADERS.map((t) =>
      H(
        t,
        'loss',
        [
          `pirates robbed a shipment of ${TN(t)[0][0]}`,
          `loss event @ ${TN(t)[1][0]}`,
          `pirates robbed ${TN(t)[2][0]}`,
          `did pirates rob ${TN(t)[2][0]}`,
        ],
        () => true,
      ),
    ),
    H(
      CI,
      'mining',
      ['the mine flooded', 'flood flag (mining)', 'the mine flooded', 'did the mine flood'],
      (e) => e.data.flood === 1,
    ),
    H(
      CI,
      'mining',
      [
        'the miners worked hungry',
        'hunger flag (mining)',
        'the miners were hungry',
        'were the miners hungry',
      ],
      (e) => e.data.hunger === 1,
    ),
    H(
      PB,
      'forge',
      ['the forge went cold', 'cold_forge flag', 'the forge was cold', 'was the forge cold'],
      (e) => e.data.cold_forge === 1,
    ),
    H(
      PB,
      'mill',
      ['the mill stood idle', 'mill idle flag', 'the mill was idle', 'was the mill idle'],
      (e) => e.data.idle === 1,
    ),
    H(
      PB,
      'mill',
      ['the mill bins were full', 'bins_full flag', 'the mill bins were full', 'were the mill bins full'],
      (e) => e.data.bins_full === 1,
    ),
    H(
      PB,
      'farming',
      [
        'the farmers brought in a surplus',
        'surplus flag (farming)',
        'the farms had a surplus',
        'did the farms have a surplus',
      ],
      (e) => e.data.surplus === 1,
    ),
    H(
      PL,
      'fishing',
      [
        'a boat landed a fine haul',
        'fine_haul flag',
        'somebody got a fine haul of fish',
        'did somebody get a fine haul of fish',
      ],
      (e) => e.data.fine_haul === 1,
    ),
    H(
      PL,
      'fishing',
      [
        'a boat came back with empty nets',
        'empty_nets flag',
        'a fisher came back with empty nets',
        'did a fisher come back with empty nets',
      ],
      (e) => e.data.empty_nets === 1,
    ),
    H(
      DEN,
      'repair',
      [
        'Bosun Rook repaired the Black Gull',
        'boat_repaired=1',
        'the pirates fixed their ship',
        'did the pirates fix their ship',
      ],
      (e) => num(e, 'boat_repaired') > 0,
    ),
    ...TRADERS.map((t) =>
      H(
        t,
        'arrival',
        [
          `a shipment arrived in ${TN(t)[0][0]}`,
          `arrival @ ${TN(t)[1][0]}`,
          `a delivery came to ${TN(t)[2][0]}`,
          `did a delivery come to ${TN(t)[2][0]}`,
        ],
        () => true,
      ),
    ),
    H(
      PL,
      'trade',
      [
        'a ship from overseas sold goods to Port Logic',
        'overseas import (value_gold>0)',
        'the port bought stuff from overseas',
        'did the port buy stuff from overseas',
      ],
      (e) => e.data.from === 'overseas' && num(e, 'value_gold') > 0,
    ),
  ];

  // ================================================================ days (on how many days)
  fill(50, () => {
    const v = voice();
    const s = span(LONG, 5);
    const r = rand();
    if (r < 0.45) {
      const h = pick(HAPPENINGS);
      const n = daySet(h.evs(s)).length;
      const q = one(
        [
          `${gm()} ${T(s, 0) ? `${T(s, 0)}, ` : ''}on how many days did it happen that ${h.w[0]}?`,
          `count distinct days: ${h.w[1]}${tail(s, 1)}`,
          `how many days ${h.w[2]}${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('days', q, `${n} days (${rangeNote(s)})`, (a) => statesCount(a.answer, n));
    }
    if (r < 0.75) {
      // daily total over a threshold
      const m = pick(DAILY_OK);
      const ds = [...dailySum(m, s).values()];
      if (ds.length < 4) return;
      const sorted = [...ds].sort((a, b) => a - b);
      const raw = at(sorted, Math.floor(sorted.length * (0.3 + 0.5 * rand())));
      const th = m.dec > 0 ? round(raw, 1) + 0.05 : Math.round(raw) + 0.5;
      const shown = m.dec > 0 ? fmt(th, 2) : String(Math.floor(th));
      const n = ds.filter((x) => x > Number(shown)).length;
      if (ds.some((x) => Math.abs(x - Number(shown)) < 1e-9)) return;
      const q = one(
        [
          `${gm()} on how many days ${T(s, 0) || 'in all'} did ${tn(m.town, 0)} ${m.verb} more than ${qty(m, shown, 0)}, counting the whole day's total?`,
          `n days where daily sum ${m.w[1]} ${tn(m.town, 1)} > ${shown}${tail(s, 1)}`,
          `how many days did ${tn(m.town, 2)} ${m.verb} more than ${qty(m, shown, 2)} in one day${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('days', q, `${n} days with a daily total over ${shown} (${rangeNote(s)})`, (a) =>
        statesCount(a.answer, n),
      );
    }
    // readings: day's highest reading over a threshold, or day's average
    const t = pick(TOWNS);
    const m = pick([TEMP(t), WIND(t), TEMP(t)]);
    const dm = new Map<number, number[]>();
    for (const e of evs(t, 'sensor', s)) {
      if (!dm.has(e.day)) dm.set(e.day, []);
      dm.get(e.day)?.push(num(e, m.key));
    }
    const byMax = chance(0.5);
    const vals = [...dm.values()].map((xs) => (byMax ? Math.max(...xs) : mean(xs)));
    if (vals.length < 4) return;
    const sorted = [...vals].sort((a, b) => a - b);
    const th = Math.round(at(sorted, Math.floor(sorted.length * (0.3 + 0.5 * rand()))));
    if (vals.some((x) => Math.abs(x - th) < 1e-6)) return;
    const n = vals.filter((x) => x > th).length;
    const word: [string, string, string] =
      m.key === 'wind_kph'
        ? ['the wind', 'wind_kph', 'the wind']
        : ['the temperature', 'temperature_c', 'the temperature'];
    const unit = m.key === 'wind_kph' ? ' km/h' : ' °C';
    const q = byMax
      ? one(
          [
            `${gm()} on how many days ${T(s, 0) || 'in total'} did ${word[0]} at ${tn(t, 0)} climb above ${th}${unit} in at least one reading?`,
            `days w/ max(${word[1]}) > ${th} ${tn(t, 1)}${tail(s, 1)}`,
            `how many days did ${word[2]} in ${tn(t, 2)} go over ${th}${unit} even once${tail(s, 2)}${kidEnd()}`,
          ],
          v,
        )
      : one(
          [
            `${gm()} on how many days ${T(s, 0) || 'in total'} was the day's average ${word[0].replace('the ', '')} at ${tn(t, 0)} above ${th}${unit}?`,
            `days w/ daily mean ${word[1]} > ${th} ${tn(t, 1)}${tail(s, 1)}`,
            `how many days was ${tn(t, 2)} over ${th}${unit} on average for the whole day${tail(s, 2)}${kidEnd()}`,
          ],
          v,
        );
    return add(
      'days',
      q,
      `${n} days (${byMax ? "day's highest" : "day's mean"} over ${th}; ${rangeNote(s)})`,
      (a) => statesCount(a.answer, n),
    );
  });

  // ================================================================ both (days two things happened)
  let emptyBoth = 0;
  fill(42, () => {
    const v = voice();
    const s = span(
      chance(0.25)
        ? ['whole']
        : ['between', 'week', 'lastweek', 'thisweek', 'lastk', 'lastmonth', 'thismonth'],
      5,
    );
    const a = pick(HAPPENINGS);
    const b = pick(HAPPENINGS.filter((h) => h !== a));
    const da = new Set(daySet(a.evs(s)));
    const db = daySet(b.evs(s));
    const both = db.filter((d) => da.has(d));
    if (both.length > 8) return;
    if (both.length === 0 && emptyBoth >= 10) return;
    if (both.length === 0) emptyBoth++;
    const others: number[] = [];
    for (let d = s.from; d <= s.to; d++) if (!both.includes(d) && !s.named.includes(d)) others.push(d);
    const q = one(
      [
        `${gm()} ${T(s, 0) ? `${T(s, 0)}, ` : ''}which were the days on which both ${a.w[0]} and ${b.w[0]}? Name every one, or tell me if there were none.`,
        `days where (${a.w[1]}) AND (${b.w[1]})${tail(s, 1)}, list all`,
        `on what days ${a.w[2]} and ${b.w[2]} too, same day${tail(s, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add(
      'both',
      q,
      both.length ? both.map((d) => `day ${d}`).join(', ') : `none (${rangeNote(s)})`,
      (r) => namesDays(r.answer, both, others),
    );
  });

  // ================================================================ which-town
  fill(32, () => {
    const v = voice();
    const s = span(chance(0.3) ? ['whole'] : LONG, 3);
    const most = chance(0.6);
    const r = rand();
    let vals: [string, number][];
    let what: [string, string, string];
    let dec = 0;
    if (r < 0.45) {
      const key = pick(['temperature_c', 'wind_kph', 'humidity_pct', 'pressure_hpa', 'temperature_c']);
      const mk = { temperature_c: TEMP, wind_kph: WIND, humidity_pct: HUM, pressure_hpa: PRESS }[key] as (
        t: string,
      ) => Metric;
      vals = TOWNS.map((t) => [t, howMuch(mk(t), s) ?? Number.NaN]);
      dec = mk(PL).dec;
      const adj = {
        temperature_c: most
          ? ['was the warmest', 'max mean temperature_c', 'was hottest']
          : ['was the coldest', 'min mean temperature_c', 'was coldest'],
        wind_kph: most
          ? ['was the windiest', 'max mean wind_kph', 'was windiest']
          : ['was the calmest', 'min mean wind_kph', 'was least windy'],
        humidity_pct: most
          ? ['was the most humid', 'max mean humidity_pct', 'was most sticky and humid']
          : ['had the driest air (lowest average humidity)', 'min mean humidity_pct', 'was least humid'],
        pressure_hpa: most
          ? [
              'had the highest air pressure on average',
              'max mean pressure_hpa',
              'had the highest air pressure',
            ]
          : [
              'had the lowest air pressure on average',
              'min mean pressure_hpa',
              'had the lowest air pressure',
            ],
      }[key] as [string, string, string];
      what = [
        `which of the four towns ${adj[0]}${tail(s, 0)}?`,
        `town w/ ${adj[1]}${tail(s, 1)}`,
        `which town ${adj[2]}${tail(s, 2)}${kidEnd()}`,
      ];
    } else if (r < 0.65) {
      vals = TOWNS.map((t) => [t, howMuch(RAIN(t), s) ?? 0]);
      dec = 1;
      what = [
        `which town got the ${most ? 'most' : 'least'} rain${tail(s, 0)}, all told?`,
        `town ${most ? 'argmax' : 'argmin'} sum(rain_mm)${tail(s, 1)}`,
        `which town got the ${most ? 'most' : 'least'} rain${tail(s, 2)}${kidEnd()}`,
      ];
      if (vals.every(([, x]) => x === 0)) return;
    } else if (r < 0.8) {
      const storm = chance(0.3);
      vals = TOWNS.map((t) => [
        t,
        daySet(evs(t, 'sensor', s, (e) => (storm ? e.data.storm === 1 : num(e, 'rain_mm') > 0))).length,
      ]);
      const thing = storm
        ? ['stormy days', 'storm days', 'storm days']
        : ['rainy days', 'rain days (rain_mm>0)', 'rainy days'];
      what = [
        `which town had the ${most ? 'most' : 'fewest'} ${thing[0]}${tail(s, 0)}?`,
        `town ${most ? 'max' : 'min'} count ${thing[1]}${tail(s, 1)}`,
        `which town had the ${most ? 'most' : 'least'} ${thing[2]}${tail(s, 2)}${kidEnd()}`,
      ];
      if (vals.every(([, x]) => x === 0)) return;
    } else {
      const sel = pick(['sales', 'loss', 'crates']);
      if (sel === 'sales') {
        vals = TRADERS.map((t) => [
          t,
          sum(evs(t, 'trade', s, (e) => e.data.from === t).map((e) => num(e, 'value_gold'))),
        ]);
        what = [
          `which town made the ${most ? 'most' : 'least'} gold selling its goods${tail(s, 0)}?`,
          `town ${most ? 'max' : 'min'} sum(value_gold) outbound trade${tail(s, 1)}`,
          `which town sold the ${most ? 'most' : 'least'} stuff for gold${tail(s, 2)}${kidEnd()}`,
        ];
      } else if (sel === 'loss') {
        vals = TRADERS.map((t) => [t, sum(evs(t, 'loss', s).map((e) => num(e, 'loot_gold')))]);
        what = [
          `which town lost the ${most ? 'most' : 'least'} gold to the pirates${tail(s, 0)}?`,
          `town ${most ? 'max' : 'min'} sum(loot_gold) losses${tail(s, 1)}`,
          `which town got robbed of the ${most ? 'most' : 'least'} gold by pirates${tail(s, 2)}${kidEnd()}`,
        ];
      } else {
        vals = TRADERS.map((t) => [
          t,
          sum(evs(t, 'trade', s, (e) => e.data.from === t).map((e) => num(e, 'cargo_items'))),
        ]);
        what = [
          `which town shipped out the ${most ? 'most' : 'fewest'} crates${tail(s, 0)}?`,
          `town ${most ? 'max' : 'min'} sum(cargo_items) shipped${tail(s, 1)}`,
          `which town sent out the ${most ? 'most' : 'least'} crates${tail(s, 2)}${kidEnd()}`,
        ];
      }
      if (vals.every(([, x]) => x === 0)) return;
    }
    if (vals.some(([, x]) => Number.isNaN(x))) return;
    const sorted = [...vals].sort((a, b) => (most ? b[1] - a[1] : a[1] - b[1]));
    const gap = Math.abs(at(sorted, 0)[1] - at(sorted, 1)[1]);
    if (gap < (r < 0.45 ? 0.05 : r < 0.65 ? 0.1 : 1)) return;
    const win = at(sorted, 0)[0];
    const q = one([`${gm()} ${what[0]}`, what[1], what[2]], v);
    return add(
      'which-town',
      q,
      `${TOWN_NAMES[win] ?? win} (${fmt(at(sorted, 0)[1], dec)} vs ${fmt(at(sorted, 1)[1], dec)})`,
      (a) => namesWinnerFirst(a.answer, win),
    );
  });

  // ================================================================ extreme-day
  fill(28, () => {
    const v = voice();
    const s = span(chance(0.3) ? ['whole'] : LONG, 5);
    const r = rand();
    if (r < 0.6) {
      const m = pick(DAILY_OK);
      if (!everyDay(m, s)) return;
      const ds = [...dailySum(m, s)];
      if (ds.length < 3) return;
      const best = chance(0.65);
      ds.sort((a, b) => (best ? b[1] - a[1] : a[1] - b[1]));
      if (Math.abs(at(ds, 0)[1] - at(ds, 1)[1]) < 1e-9) return;
      const [day, val] = at(ds, 0);
      if (edgy(val, m.dec)) return;
      const q = best
        ? one(
            [
              `${gm()} which was the single best day for ${m.w[0]} in ${tn(m.town, 0)}${tail(s, 0)}, and how much came in that day?`,
              `argmax daily sum ${m.w[1]} ${tn(m.town, 1)}${tail(s, 1)} -> day, value`,
              `what was the best day for ${m.w[2]} at ${tn(m.town, 2)}${tail(s, 2)} and how much${kidEnd()}`,
            ],
            v,
          )
        : one(
            [
              `${gm()} which was the worst day for ${m.w[0]} in ${tn(m.town, 0)}${tail(s, 0)} — the day with the smallest total — and what was that total?`,
              `argmin daily sum ${m.w[1]} ${tn(m.town, 1)}${tail(s, 1)} -> day, value`,
              `what was the worst day for ${m.w[2]} at ${tn(m.town, 2)}${tail(s, 2)}, like the least in a day${kidEnd()}`,
            ],
            v,
          );
      return add('extreme-day', q, `day ${day}: ${fmt(val, m.dec)} ${m.unit}`, (a) =>
        all(namesDay(a.answer, day), states(a.answer, val, m.dec)),
      );
    }
    if (r < 0.85) {
      const t = pick(TOWNS);
      const m = pick([TEMP(t), WIND(t), TEMP(t)]);
      const ds = [...dailyMean(m, s)];
      if (ds.length < 3) return;
      const hi = chance(0.6);
      ds.sort((a, b) => (hi ? b[1] - a[1] : a[1] - b[1]));
      if (Math.abs(at(ds, 0)[1] - at(ds, 1)[1]) < 0.01) return;
      const [day, val] = at(ds, 0);
      const adj =
        m.key === 'wind_kph'
          ? hi
            ? ['windiest', 'max', 'windiest']
            : ['calmest', 'min', 'calmest']
          : hi
            ? ['hottest', 'max', 'hottest']
            : ['coldest', 'min', 'coldest'];
      const q = one(
        [
          `${gm()} which was the ${adj[0]} day in ${tn(t, 0)}${tail(s, 0)}, going by the day's average ${m.w[0]}?`,
          `${adj[1]} daily mean ${m.w[1]} ${tn(t, 1)}${tail(s, 1)} -> day`,
          `what was the ${adj[2]} day at ${tn(t, 2)}${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('extreme-day', q, `day ${day} (daily mean ${fmt(val, 2)} ${m.unit})`, (a) =>
        namesDay(a.answer, day),
      );
    }
    const t = pick(TOWNS);
    const m = RAIN(t);
    const ds = [...dailySum(m, s)].sort((a, b) => b[1] - a[1]);
    if (ds.length < 2 || at(ds, 0)[1] <= 0 || Math.abs(at(ds, 0)[1] - at(ds, 1)[1]) < 1e-9) return;
    const [day, val] = at(ds, 0);
    if (edgy(val, 1)) return;
    const q = one(
      [
        `${gm()} which day was the wettest in ${tn(t, 0)}${tail(s, 0)}, and how much rain fell that day?`,
        `argmax daily sum rain_mm ${tn(t, 1)}${tail(s, 1)} -> day, mm`,
        `what day did it rain the most at ${tn(t, 2)}${tail(s, 2)} and how much${kidEnd()}`,
      ],
      v,
    );
    return add('extreme-day', q, `day ${day}: ${fmt(val, 1)} mm`, (a) =>
      all(namesDay(a.answer, day), states(a.answer, val, 1)),
    );
  });

  // ================================================================ trend
  fill(26, () => {
    const v = voice();
    const s = span(
      ['whole', 'lastk', 'lastmonth', 'thismonth', 'between', 'week', 'thisweek', 'lastweek'],
      7,
    );
    const pool = chance(0.5) ? DAILY_OK : allReadings();
    const m = pick(pool);
    if (m.measure === 'output' && !everyDay(m, s)) return;
    const pts = [...daily(m, s)].sort((a, b) => a[0] - b[0]);
    if (pts.length < 5) return;
    const b = slope(pts);
    if (!Number.isFinite(b) || edgy(b, 2) || Math.abs(b) < 0.005) return;
    if (chance(0.3)) {
      const rising = b > 0;
      const askUp = chance(0.5);
      const q = one(
        [
          `${gm()} ${T(s, 0) ? `${T(s, 0)}, ` : ''}was the daily ${m.w[0]} in ${tn(m.town, 0)} ${askUp ? 'going up' : 'going down'}? I'd like the slope per day too.`,
          `${m.w[1]} ${tn(m.town, 1)} daily${tail(s, 1)}: ${askUp ? 'rising' : 'falling'}? slope/day`,
          `is the ${m.w[2]} at ${tn(m.town, 2)} ${askUp ? 'going up' : 'going down'}${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('trend', q, `${rising === askUp ? 'yes' : 'no'}: slope ${fmt(b, 2)} per day`, (a) =>
        saysYes(a.answer, rising === askUp),
      );
    }
    const q = one(
      [
        `${gm()} fitting a straight line through the daily ${m.w[0]} in ${tn(m.town, 0)}${tail(s, 0)}, what is the slope per day?`,
        `lsq slope/day daily ${m.measure === 'reading' ? 'mean' : 'sum'} ${m.w[1]} ${tn(m.town, 1)}${tail(s, 1)}`,
        `how fast is the ${m.w[2]} at ${tn(m.town, 2)} changing each day${tail(s, 2)}, like the trend${kidEnd()}`,
      ],
      v,
    );
    return add('trend', q, `slope ${fmt(b, 2)} per day`, (a) => states(a.answer, b, 2));
  });

  // ================================================================ compare
  fill(20, () => {
    const v = voice();
    const r = rand();
    if (r < 0.4) {
      // two towns
      const s = span(LONG, 3);
      const shuffled = [...TOWNS].sort(() => rand() - 0.5);
      const ta = at(shuffled, 0);
      const tb = at(shuffled, 1);
      const key = pick(['temperature_c', 'rain_mm', 'wind_kph']);
      const mk = key === 'temperature_c' ? TEMP : key === 'rain_mm' ? RAIN : WIND;
      const va = howMuch(mk(ta), s);
      const vb = howMuch(mk(tb), s);
      if (va === undefined || vb === undefined || Math.abs(va - vb) < 0.1 || edgy(va, 1) || edgy(vb, 1))
        return;
      const hi = key === 'temperature_c' ? 'warmer' : key === 'rain_mm' ? 'wetter' : 'windier';
      const win = va > vb ? ta : tb;
      const q = one(
        [
          `${gm()} was ${tn(ta, 0)} or ${tn(tb, 0)} ${hi}${tail(s, 0)}? Give me both figures.`,
          `${key === 'rain_mm' ? 'sum' : 'mean'} ${key} ${TN(ta)[1][0]} vs ${TN(tb)[1][0]}${tail(s, 1)}`,
          `was ${tn(ta, 2)} or ${tn(tb, 2)} ${hi}${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('compare', q, `${TOWN_NAMES[win] ?? win} (${fmt(va, 1)} vs ${fmt(vb, 1)})`, (a) =>
        all(namesTown(a.answer, win), states(a.answer, va, 1), states(a.answer, vb, 1)),
      );
    }
    if (r < 0.7) {
      // two weeks or this week vs last week
      const m = pick([FISH, ORE, HARVEST, DRINKS, FLOUR, TEMP(pick(TOWNS)), RAIN(pick(TOWNS))]);
      let sa: Span;
      let sb: Span;
      let la: [string, string, string];
      let lb: [string, string, string];
      if (chance(0.5)) {
        const w = int(1, 6);
        sa = { from: 7 * (w - 1) + 1, to: 7 * w, t: ['', '', ''], named: [] };
        sb = { from: 7 * w + 1, to: 7 * w + 7, t: ['', '', ''], named: [] };
        la = [`week ${w}`, `wk${w}`, `week ${w}`];
        lb = [`week ${w + 1}`, `wk${w + 1}`, `week ${w + 1}`];
      } else {
        sa = { from: N - 6, to: N, t: ['', '', ''], named: [] };
        sb = { from: N - 13, to: N - 7, t: ['', '', ''], named: [] };
        la = ['this week', 'this wk', 'this week'];
        lb = ['the week before', 'prior wk', 'the week before'];
      }
      const va = howMuch(m, sa);
      const vb = howMuch(m, sb);
      const d = m.measure === 'reading' ? Math.max(1, m.dec) : m.dec;
      if (va === undefined || vb === undefined || Math.abs(va - vb) < 10 ** -d || edgy(va, d) || edgy(vb, d))
        return;
      const warm = m.measure === 'reading';
      const q = one(
        [
          warm
            ? `${gm()} was it warmer at ${tn(m.town, 0)} in ${la[0]} or in ${lb[0]}, going by the average temperature? Both numbers, please.`
            : `${gm()} did ${tn(m.town, 0)} have more ${m.w[0]} in ${la[0]} or in ${lb[0]}? Both numbers, please.`,
          `${warm ? 'mean' : 'sum'} ${m.w[1]} ${tn(m.town, 1)}: ${la[1]} vs ${lb[1]}`,
          warm
            ? `was it warmer at ${tn(m.town, 2)} in ${la[2]} or ${lb[2]}${kidEnd()}`
            : `was there more ${m.w[2]} at ${tn(m.town, 2)} in ${la[2]} or ${lb[2]}${kidEnd()}`,
        ],
        v,
      );
      return add('compare', q, `${va > vb ? la[0] : lb[0]} (${fmt(va, d)} vs ${fmt(vb, d)})`, (a) =>
        all(states(a.answer, va, d), states(a.answer, vb, d)),
      );
    }
    // two people
    const s = span(LONG, 5);
    const pair = pick([
      [FISH, ['Hal Marsh', 'Nell Brine', 'Tobias Reed', 'Ivo Gull'], 'caught more fish'],
      [ORE, ['Ida Pike', 'Oskar Flint', 'Bruna Shale'], 'mined more ore'],
      [HARVEST, ['Ada Furrow', 'Piet Furrow', 'Wendel Hay'], 'harvested more grain'],
      [LEARNED, ['Master Elden Cogsworth', 'Professor Tilda Gearhart'], 'had more pupils learn a craft'],
    ] as [Metric, string[], string][]);
    const [m, people, did] = pair;
    const shuffled = [...people].sort(() => rand() - 0.5);
    const pa = at(shuffled, 0);
    const pb = at(shuffled, 1);
    const va = sum(evs(m.town, m.kind, s, (e) => e.actor === pa).map((e) => num(e, m.key)));
    const vb = sum(evs(m.town, m.kind, s, (e) => e.actor === pb).map((e) => num(e, m.key)));
    if (Math.abs(va - vb) < 10 ** -m.dec || (va === 0 && vb === 0) || edgy(va, m.dec) || edgy(vb, m.dec))
      return;
    const win = va > vb ? pa : pb;
    const q = one(
      [
        `${gm()} who ${did}${tail(s, 0)}, ${pa} or ${pb}? The player running ${pa} will want the numbers.`,
        `sum ${m.w[1]} by actor${tail(s, 1)}: ${pa} vs ${pb}`,
        `who ${did}${tail(s, 2)}, ${pa} or ${pb}${kidEnd()}`,
      ],
      v,
    );
    return add('compare', q, `${win} (${fmt(va, m.dec)} vs ${fmt(vb, m.dec)})`, (a) =>
      all(names(a.answer, win), states(a.answer, va, m.dec), states(a.answer, vb, m.dec)),
    );
  });

  // ================================================================ filter
  fill(20, () => {
    const v = voice();
    const s = span(
      ANY.filter((k) => k !== 'today'),
      3,
    );
    const r = rand();
    if (r < 0.3) {
      const t = pick(TRADERS);
      const g = sum(evs(DEN, 'raid', s, (e) => e.data.target === t).map((e) => num(e, 'raid_gold')));
      const q = one(
        [
          `${gm()} how much gold did the Den take from ${TN(t)[0][0]}'s shipments in particular${tail(s, 0)}?`,
          `sum raid_gold where target=${TN(t)[1][0]}${tail(s, 1)}`,
          `how much gold did the pirates steal from ${TN(t)[2][0]}'s stuff${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('filter', q, `${g} gold`, (a) =>
        g === 0 ? statesCount(a.answer, 0) : states(a.answer, g, 0),
      );
    }
    if (r < 0.55) {
      const routes: [string, string, string, string][] = [
        [PL, PB, 'fish', 'fish'],
        [PL, CI, 'fish', 'fish'],
        [PB, PL, 'flour', 'lbs'],
        [PB, CI, 'flour', 'lbs'],
        [PB, CI, 'tools', 'tools'],
        [PB, PL, 'tools', 'tools'],
        [CI, PL, 'trinkets', 'trinkets'],
        [PL, CI, 'textiles', 'bolts'],
        [PB, PL, 'grain', 'lbs'],
      ];
      const [from, to, goods, unit] = pick(routes);
      const es = evs(
        from,
        'trade',
        s,
        (e) => e.data.from === from && e.data.to === to && e.data.goods === goods,
      );
      const qty = sum(es.map((e) => num(e, 'quantity')));
      if (qty === 0 && chance(0.6)) return;
      const q = one(
        [
          goods === unit
            ? `${gm()} how many ${goods} did ${tn(from, 0)} send to ${tn(to, 0)}${tail(s, 0)}?`
            : `${gm()} how much ${goods} did ${tn(from, 0)} send to ${tn(to, 0)}${tail(s, 0)}, counted in ${unit}?`,
          `sum quantity goods=${goods} from=${TN(from)[1][0]} to=${TN(to)[1][0]}${tail(s, 1)} (${unit})`,
          `how ${goods === unit ? 'many' : 'much'} ${goods} went from ${tn(from, 2)} to ${tn(to, 2)}${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('filter', q, `${round(qty, 4)} ${unit}`, (a) =>
        qty === 0 ? statesCount(a.answer, 0) : states(a.answer, qty, 0),
      );
    }
    if (r < 0.75) {
      const imp = chance(0.5);
      const g = sum(
        evs(PL, 'trade', s, (e) => (imp ? e.data.from === 'overseas' : e.data.to === 'overseas')).map((e) =>
          num(e, 'value_gold'),
        ),
      );
      const q = imp
        ? one(
            [
              `${gm()} how much gold did Port Logic pay for goods brought in from overseas${tail(s, 0)}?`,
              `sum value_gold port logic trade from=overseas${tail(s, 1)}`,
              `how much gold did the port spend on stuff from overseas${tail(s, 2)}${kidEnd()}`,
            ],
            v,
          )
        : one(
            [
              `${gm()} how much gold did Port Logic earn from what it sold to ships bound overseas${tail(s, 0)}?`,
              `sum value_gold port logic trade to=overseas${tail(s, 1)}`,
              `how much gold did the port get selling things overseas${tail(s, 2)}${kidEnd()}`,
            ],
            v,
          );
      return add('filter', q, `${g} gold`, (a) =>
        g === 0 ? statesCount(a.answer, 0) : states(a.answer, g, 0),
      );
    }
    if (r < 0.88) {
      const t = pick(TRADERS);
      const g = sum(evs(DEN, 'raid', s, (e) => e.data.to === t).map((e) => num(e, 'raid_gold')));
      const q = one(
        [
          `${gm()} of the shipments that were bound for ${tn(t, 0)}, how much gold did the Den's raids take${tail(s, 0)}?`,
          `sum raid_gold where to=${TN(t)[1][0]}${tail(s, 1)}`,
          `how much gold did the pirates grab from ships going to ${tn(t, 2)}${tail(s, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('filter', q, `${g} gold`, (a) =>
        g === 0 ? statesCount(a.answer, 0) : states(a.answer, g, 0),
      );
    }
    const s2 = span(['whole', 'lastmonth', 'thismonth', 'lastk'], 10);
    const byGoods = new Map<string, number>();
    for (const e of evs(DEN, 'raid', s2))
      if (num(e, 'raid_gold') > 0)
        byGoods.set(String(e.data.goods), (byGoods.get(String(e.data.goods)) ?? 0) + num(e, 'raid_gold'));
    const gs = [...byGoods].sort((a, b) => b[1] - a[1]);
    if (gs.length < 2 || at(gs, 0)[1] === at(gs, 1)[1]) return;
    const q = one(
      [
        `${gm()} which goods earned the pirates the most gold in their raids${tail(s2, 0)}?`,
        `raid_gold by goods${tail(s2, 1)}, top goods`,
        `what stuff did the pirates get the most gold from${tail(s2, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add('filter', q, `${at(gs, 0)[0]} (${at(gs, 0)[1]} gold)`, (a) => names(a.answer, at(gs, 0)[0]));
  });

  // ================================================================ extreme-event
  fill(14, () => {
    const v = voice();
    const s = span(LONG, 3);
    const r = rand();
    let es: RawEvent[];
    let key: string;
    let w: [string, string, string];
    let who = false;
    if (r < 0.35) {
      es = evs(DEN, 'raid', s, (e) => num(e, 'raid_gold') > 0);
      key = 'raid_gold';
      w = [
        'what was the richest single raid the Den pulled off',
        'max raid_gold single event',
        'what was the biggest raid the pirates did',
      ];
    } else if (r < 0.65) {
      es = evs(PL, 'fishing', s);
      key = 'fish';
      who = true;
      w = [
        'what was the largest single haul any boat from Port Logic brought in%T, and whose boat was it',
        'max fish single trip + actor, port logic%T',
        'what was the biggest catch of fish in one go at the port%T and who caught it',
      ];
    } else if (r < 0.85) {
      es = evs(CI, 'mining', s);
      key = 'ore_tons';
      who = true;
      w = [
        "what was the biggest single shift's worth of ore in Circuiton%T, and whose shift was it",
        'max ore_tons single shift + actor, circuiton%T',
        'what was the most ore dug in one shift at the mine%T and who did it',
      ];
    } else {
      const t = pick(TRADERS);
      es = evs(t, 'trade', s, (e) => e.data.from === t);
      key = 'value_gold';
      w = [
        `what was the biggest single sale ${TN(t)[0][0]} made, in gold`,
        `max value_gold single outbound trade ${TN(t)[1][0]}`,
        `what was the biggest sale ${TN(t)[2][0]} made`,
      ];
    }
    if (es.length < 2) return;
    const top = Math.max(...es.map((e) => num(e, key)));
    const tops = es.filter((e) => num(e, key) === top);
    const dec = key === 'ore_tons' ? 2 : 0;
    if (who && new Set(tops.map((e) => e.actor)).size > 1) return;
    const put = (x: string, vv: Voice) =>
      x.includes('%T') ? x.replace('%T', tail(s, vv)) : `${x}${tail(s, vv)}`;
    const q = one([`${gm()} ${put(w[0], 0)}?`, put(w[1], 1), `${put(w[2], 2)}${kidEnd()}`], v);
    const actor = at(tops, 0).actor ?? '';
    return add('extreme-event', q, `${fmt(top, dec)}${who ? ` by ${actor}` : ''}`, (a) =>
      all(states(a.answer, top, dec), who ? names(a.answer, actor) : null),
    );
  });

  // ================================================================ who (actor with the largest sum)
  fill(12, () => {
    const v = voice();
    const s = span(
      ANY.filter((k) => k !== 'today'),
      1,
    );
    const [m, w] = pick([
      [FISH, ['which fisher caught the most fish', 'top actor by sum(fish)', 'who caught the most fish']],
      [ORE, ['which miner dug the most ore', 'top actor by sum(ore_tons)', 'who mined the most ore']],
      [
        HARVEST,
        [
          'which of the farmers harvested the most grain',
          'top actor by sum(harvest)',
          'who harvested the most',
        ],
      ],
      [
        LEARNED,
        [
          'which teacher had the most pupils learn a craft',
          'top actor by sum(learned)',
          'which teacher taught the most kids',
        ],
      ],
      [NETS, ['who at the net loft made the most nets', 'top actor by sum(nets)', 'who made the most nets']],
    ] as [Metric, [string, string, string]][]);
    const by = new Map<string, number>();
    for (const e of evs(m.town, m.kind, s))
      if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + num(e, m.key));
    const rank = [...by].sort((a, b) => b[1] - a[1]);
    if (rank.length < 2 || at(rank, 0)[1] <= 0 || Math.abs(at(rank, 0)[1] - at(rank, 1)[1]) < 1e-9) return;
    const q = one(
      [
        `${gm()} ${w[0]}${tail(s, 0)}?`,
        `${w[1]} ${tn(m.town, 1)}${tail(s, 1)}`,
        `${w[2]}${tail(s, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add('who', q, `${at(rank, 0)[0]} (${fmt(at(rank, 0)[1], m.dec)})`, (a) =>
      names(a.answer, at(rank, 0)[0]),
    );
  });

  // ================================================================ mean
  fill(14, () => {
    const v = voice();
    const s = span(LONG, 3);
    const r = rand();
    if (r < 0.35) {
      const m = pick(OUTPUTS.filter((x) => x !== METAL));
      const days = reportDays(m.town, s).length;
      const tot = howMuch(m, s) ?? 0;
      if (!days || tot === 0) return;
      const avg = tot / days;
      if (edgy(avg, m.dec)) return;
      const q = one(
        [
          `${gm()} on an average day${tail(s, 0)}, how ${howMany(m)} ${m.w[0]} did ${tn(m.town, 0)} ${m.verb}?`,
          `avg per day ${m.w[1]} ${tn(m.town, 1)}${tail(s, 1)}`,
          `how ${howMany(m)} ${m.w[2]} does ${tn(m.town, 2)} ${m.verb} on a normal day${tail(s, 2)}, like the average${kidEnd()}`,
        ],
        v,
      );
      return add('mean', q, `${fmt(avg, 2)} per day (${tot} over ${days} days)`, (a) =>
        states(a.answer, avg, m.dec),
      );
    }
    if (r < 0.6) {
      const [m, per] = pick([
        [FISH, ['fishing trip', 'trip', 'trip']],
        [RAIDG, ['raid that brought back gold', 'raid (gold>0)', 'raid']],
        [ORE, ['shift', 'shift', 'shift']],
      ] as [Metric, string[]][]);
      const es = evs(m.town, m.kind, s, m === RAIDG ? (e) => num(e, 'raid_gold') > 0 : undefined);
      if (es.length < 2) return;
      const avg = mean(es.map((e) => num(e, m.key)));
      if (edgy(avg, m.dec)) return;
      const q = one(
        [
          `${gm()} what did a typical ${per[0]} bring in${tail(s, 0)} — the average ${m.w[0]} per ${per[0]}?`,
          `mean ${m.w[1]} per ${per[1]} ${tn(m.town, 1)}${tail(s, 1)}`,
          `how much ${m.w[2]} per ${per[2]} on average${tail(s, 2)} at ${tn(m.town, 2)}${kidEnd()}`,
        ],
        v,
      );
      return add('mean', q, `${fmt(avg, 2)} per ${per[1]}`, (a) => states(a.answer, avg, m.dec));
    }
    const m = pick(allReadings());
    const val = howMuch(m, s);
    if (val === undefined || edgy(val, m.dec)) return;
    const q = one(
      [
        `${gm()} what was the average ${m.w[0]} in ${tn(m.town, 0)}${tail(s, 0)}?`,
        `mean ${m.w[1]} ${tn(m.town, 1)}${tail(s, 1)}`,
        `what was the average ${m.w[2]} at ${tn(m.town, 2)}${tail(s, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add('mean', q, `${fmt(val, m.dec + 1)} ${m.unit}`, (a) => states(a.answer, val, m.dec));
  });

  // ================================================================ total
  fill(14, () => {
    const v = voice();
    const s = span(ANY, 1);
    const m = chance(0.25) ? RAIN(pick(TOWNS)) : pick(OUTPUTS);
    const tot = howMuch(m, s) ?? 0;
    if (edgy(tot, m.dec)) return;
    const many = howMany(m);
    const q = one(
      [
        m.measure === 'rain'
          ? `${gm()} how much rain fell on ${tn(m.town, 0)}${tail(s, 0)}, all added up?`
          : `${gm()} how ${many} ${m.w[0]} did ${tn(m.town, 0)} ${m.verb}${tail(s, 0)}, all added up?`,
        `sum ${m.w[1]} ${tn(m.town, 1)}${tail(s, 1)}`,
        m.measure === 'rain'
          ? `how much rain fell at ${tn(m.town, 2)}${tail(s, 2)}${kidEnd()}`
          : `how ${many} ${m.w[2]} did ${tn(m.town, 2)} ${m.verb}${tail(s, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add('total', q, `${fmt(tot, m.dec)} ${m.unit}`, (a) =>
      tot === 0 ? statesCount(a.answer, 0) : states(a.answer, tot, m.dec),
    );
  });

  // ================================================================ scope (across towns)
  fill(8, () => {
    const v = voice();
    const s = span(LONG, 3);
    const r = rand();
    let tot: number;
    let w: [string, string, string];
    let dec = 0;
    if (r < 0.35) {
      tot = sum(TOWNS.map((t) => howMuch(RAIN(t), s) ?? 0));
      dec = 1;
      w = [
        'how much rain fell across all four towns put together',
        'sum rain_mm all towns',
        'how much rain fell everywhere added up',
      ];
    } else if (r < 0.7) {
      tot = sum(
        TRADERS.map((t) =>
          sum(evs(t, 'trade', s, (e) => e.data.from === t).map((e) => num(e, 'value_gold'))),
        ),
      );
      w = [
        'how much gold did the three trading towns make from the goods they sent out, all together',
        'sum value_gold outbound trade all towns',
        'how much gold did all the towns make selling stuff together',
      ];
    } else {
      tot = sum(TRADERS.map((t) => sum(evs(t, 'loss', s).map((e) => num(e, 'loot_gold')))));
      w = [
        'how much gold did the pirates cost the other towns in robbed shipments, all told',
        'sum loot_gold all loss events',
        'how much gold did everybody lose to pirates all together',
      ];
    }
    if (edgy(tot, dec)) return;
    const q = one(
      [`${gm()} ${w[0]}${tail(s, 0)}?`, `${w[1]}${tail(s, 1)}`, `${w[2]}${tail(s, 2)}${kidEnd()}`],
      v,
    );
    return add('scope', q, `${fmt(tot, dec)}`, (a) =>
      tot === 0 ? statesCount(a.answer, 0) : states(a.answer, tot, dec),
    );
  });

  // ================================================================ max / min readings
  let maxTurn = false;
  fill(10, () => {
    const v = voice();
    const s = span(LONG, 2);
    maxTurn = !maxTurn;
    const hi = maxTurn;
    const m = pick(allReadings());
    const rs = readings(m, s);
    if (rs.length < 2) return;
    const val = hi ? Math.max(...rs) : Math.min(...rs);
    const word = hi ? ['highest', 'max', 'highest'] : ['lowest', 'min', 'lowest'];
    const q = one(
      [
        `${gm()} what was the ${word[0]} ${m.w[0]} reading anyone took at ${tn(m.town, 0)}${tail(s, 0)}?`,
        `${word[1]} ${m.w[1]} single reading ${tn(m.town, 1)}${tail(s, 1)}`,
        `what was the ${word[2]} ${m.w[2]} ever read at ${tn(m.town, 2)}${tail(s, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add(hi ? 'max' : 'min', q, `${fmt(val, m.dec)} ${m.unit}`, (a) => states(a.answer, val, m.dec));
  });

  // ================================================================ count (events)
  fill(10, () => {
    const v = voice();
    const s = span(LONG, 3);
    const r = rand();
    let n: number;
    let w: [string, string, string];
    if (r < 0.35) {
      n = evs(DEN, 'raid', s, (e) => num(e, 'raid_gold') > 0).length;
      w = [
        'how many raids actually brought back gold for the Den',
        'count raid events raid_gold>0',
        'how many times did the pirates steal gold',
      ];
    } else if (r < 0.55) {
      n = evs(DEN, 'raid', s, (e) => e.data.raid_gold === 0).length;
      w = [
        'how many times did the Den set out on a raid and let the prize go',
        'count raid events raid_gold=0',
        'how many times did the pirates try a raid and get nothing',
      ];
    } else if (r < 0.8) {
      const t = pick(TRADERS);
      n = evs(t, 'loss', s).length;
      w = [
        `how many of ${TN(t)[0][0]}'s shipments were robbed by pirates`,
        `count loss events ${TN(t)[1][0]}`,
        `how many times did pirates rob ${TN(t)[2][0]}`,
      ];
    } else {
      const t = pick([PB, CI, PL]);
      n = evs(t, 'arrival', s).length;
      w = [
        `how many shipments arrived in ${TN(t)[0][0]}`,
        `count arrival events ${TN(t)[1][0]}`,
        `how many deliveries came to ${TN(t)[2][0]}`,
      ];
    }
    const q = one(
      [`${gm()} ${w[0]}${tail(s, 0)}?`, `${w[1]}${tail(s, 1)}`, `${w[2]}${tail(s, 2)}${kidEnd()}`],
      v,
    );
    return add('count', q, `${n} times`, (a) => statesCount(a.answer, n));
  });

  // ================================================================ which-day (first / last time)
  fill(7, () => {
    const v = voice();
    const h = pick(HAPPENINGS);
    const ds = daySet(h.evs({ from: 1, to: N, t: ['', '', ''], named: [] }));
    if (ds.length === 0) return;
    const last = chance(0.6);
    const day = last ? at(ds, ds.length - 1) : at(ds, 0);
    const q = last
      ? one(
          [
            `${gm()} when was the most recent day that ${h.w[0]}?`,
            `last day: ${h.w[1]}`,
            `when was the last time ${h.w[2]}${kidEnd()}`,
          ],
          v,
        )
      : one(
          [
            `${gm()} on which day did it first happen that ${h.w[0]}?`,
            `first day: ${h.w[1]}`,
            `when was the first time ${h.w[2]}${kidEnd()}`,
          ],
          v,
        );
    return add('which-day', q, `day ${day}`, (a) => namesDay(a.answer, day));
  });

  // ================================================================ did (yes / no)
  fill(8, () => {
    const v = voice();
    const s = span(['today', 'yesterday', 'day', 'week', 'thisweek', 'lastweek'], 1);
    const h = pick(HAPPENINGS);
    const yes = h.evs(s).length > 0;
    const q = one(
      [
        `${gm()} did it happen ${T(s, 0)} that ${h.w[0]}?`,
        `any ${h.w[1]}${tail(s, 1)}? y/n`,
        `${h.w[3]}${tail(s, 2)}${kidEnd()}`,
      ],
      v,
    );
    return add('did', q, yes ? 'yes' : 'no', (a) => saysYes(a.answer, yes));
  });

  // ================================================================ correlate
  fill(5, () => {
    const v = voice();
    const s = span(['whole', 'lastmonth', 'thismonth', 'lastk'], 14);
    const [a, b] = pick([
      [FISH, TEMP(PL)],
      [FISH, WIND(PL)],
      [DRINKS, WIND(DEN)],
      [ORE, TEMP(CI)],
      [HARVEST, RAIN(PB)],
      [FLOUR, RIVER],
    ] as [Metric, Metric][]);
    const da = daily(a, s);
    const db = daily(b, s);
    const days = [...da.keys()].filter((d) => db.has(d));
    if (days.length < 10) return;
    const r = pearson(
      days.map((d) => da.get(d) ?? 0),
      days.map((d) => db.get(d) ?? 0),
    );
    if (!Number.isFinite(r) || edgy(r, 2)) return;
    const q = one(
      [
        `${gm()} is there any link between the ${a.w[0]} each day and the day's ${b.w[0]} in ${tn(a.town, 0)}${tail(s, 0)}? Give me the correlation.`,
        `pearson daily ${a.w[1]} vs ${b.measure === 'reading' ? 'mean' : 'sum'} ${b.w[1]} ${tn(a.town, 1)}${tail(s, 1)}`,
        `does more ${b.w[2]} mean more ${a.w[2]} at ${tn(a.town, 2)}${tail(s, 2)}? whats the correlation number${kidEnd()}`,
      ],
      v,
    );
    return add('correlate', q, `r = ${fmt(r, 2)}`, (x) => states(x.answer, r, 2));
  });

  // ================================================================ future
  fill(5, () => {
    const v = voice();
    const m = pick([FISH, ORE, DRINKS, RAIDG, HARVEST, RAIN(pick(TOWNS))]);
    const when = pick([
      ['tomorrow', 'tomorrow', 'tomorrow'],
      ['on day 900', 'day 900', 'on day 900'],
      ['next week', 'next wk', 'next week'],
      ['on day 1000', 'day 1000', 'on day 1000'],
    ]);
    const q = one(
      [
        m.measure === 'rain'
          ? `${gm()} how much rain will fall on ${tn(m.town, 0)} ${when[0]}?`
          : `${gm()} how ${howMany(m)} ${m.w[0]} will ${tn(m.town, 0)} ${m.verb} ${when[0]}?`,
        `forecast sum ${m.w[1]} ${tn(m.town, 1)} ${when[1]}`,
        m.measure === 'rain'
          ? `how much rain will fall at ${tn(m.town, 2)} ${when[2]}${kidEnd()}`
          : `how ${howMany(m)} ${m.w[2]} will ${tn(m.town, 2)} ${m.verb} ${when[2]}${kidEnd()}`,
      ],
      v,
    );
    return add('future', q, 'not happened yet', (a) => saysNotYet(a.answer));
  });

  // ================================================================ role
  fill(6, () => {
    const v = voice();
    const [person, w] = pick([
      [
        'Rosalind Grist',
        [
          'who runs the water mill in PatchBourough',
          'role=miller patchbourough -> name',
          'who is the miller',
        ],
      ],
      [
        'Garrick Stone',
        [
          "who keeps the forge in PatchBourough — the blacksmith's name",
          'role=blacksmith -> name',
          'who is the blacksmith',
        ],
      ],
      [
        'Greta Grog',
        [
          'who pours the drinks at the Den’s tavern',
          'role=tavern keeper den -> name',
          'who works at the pirate tavern',
        ],
      ],
      [
        'Skiv',
        ['who makes the arrows for the Den', 'role=fletcher den -> name', 'who makes the pirates arrows'],
      ],
      [
        'Mara Blackwater',
        ['who captains the Black Gull', 'role=captain den -> name', 'who is the pirate captain'],
      ],
      [
        'Bosun Rook',
        ['who keeps the Black Gull patched up', 'role=bosun den -> name', 'who fixes the pirate ship'],
      ],
      [
        'John',
        [
          "who is Circuiton's apprentice tinkerer",
          'role=apprentice circuiton -> name',
          'who makes the trinkets',
        ],
      ],
      [
        'Vera Crucible',
        [
          'who handles the trading at the Assay Office in Circuiton',
          'role=trader circuiton -> name',
          'who sells stuff for the mine town',
        ],
      ],
    ] as [string, [string, string, string]][]);
    const q = one([`${gm()} ${w[0]}?`, w[1], `${w[2]}${kidEnd()}`], v);
    return add('role', q, person, (a) => names(a.answer, person));
  });

  return cases;
}

type Names = [string, ...string[]];
type Names3 = [Names, Names, Names];

interface Span {
  from: number;
  to: number;
  /** The time as each voice says it (game master, analyst, child). */
  t: [string, string, string];
  /** Days the question names itself (the answer may repeat them). */
  named: number[];
  whole?: boolean;
  week?: number;
}

interface Metric {
  town: string;
  kind: string;
  key: string;
  dec: number;
  measure: 'output' | 'reading' | 'rain';
  w: [string, string, string];
  unit: string;
  /** What the town does to make it ("land", "mine"). */
  verb: string;
}

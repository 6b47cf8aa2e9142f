/**
 * The evaluation set: questions of every form the agent answers, over a seeded simulated history.
 * Each expected answer is computed here, from the raw events the simulation wrote, with plain
 * filters and sums; nothing here calls the agent's tools. Each check also reads the events an
 * answer cites and requires them to hold what the answer states.
 */
import type { StoredEvent } from '../src/store/store.ts';
import type { Case, RawEvent } from './checks.ts';

export type { Case, RawEvent, Reply } from './checks.ts';

const NAMES: Record<string, string> = {
  'port-logic': 'Port Logic',
  patchbourough: 'PatchBourough',
  circuiton: 'Circuiton',
  'den-of-thieves': 'Den of Thieves',
};

/** Which job reports each number, and to how many decimals (DESIGN.md). */
const JOBS: Record<string, { kind: string; decimals: number }> = {
  fish: { kind: 'fishing', decimals: 0 },
  nets: { kind: 'maritime', decimals: 0 },
  ropes: { kind: 'maritime', decimals: 0 },
  harvest: { kind: 'farming', decimals: 0 },
  flour_lbs: { kind: 'mill', decimals: 0 },
  tools: { kind: 'forge', decimals: 0 },
  ore_tons: { kind: 'mining', decimals: 2 },
  metal_lbs: { kind: 'mining', decimals: 4 },
  trinkets: { kind: 'apprenticeship', decimals: 0 },
  learned: { kind: 'education', decimals: 0 },
  drinks: { kind: 'drinking', decimals: 0 },
  arrows: { kind: 'arrows', decimals: 0 },
  raid_gold: { kind: 'raid', decimals: 0 },
  loot_gold: { kind: 'loss', decimals: 0 },
  boat_repaired: { kind: 'repair', decimals: 0 },
  temperature_c: { kind: 'sensor', decimals: 1 },
  pressure_hpa: { kind: 'sensor', decimals: 1 },
  humidity_pct: { kind: 'sensor', decimals: 0 },
  wind_kph: { kind: 'sensor', decimals: 1 },
  rain_mm: { kind: 'sensor', decimals: 1 },
  tide_m: { kind: 'sensor', decimals: 2 },
  river_level_m: { kind: 'sensor', decimals: 2 },
};

/** Each town's three main jobs, which a day's account must give. */
const MAIN: Record<string, string[]> = {
  'port-logic': ['fish', 'nets', 'ropes'],
  patchbourough: ['harvest', 'flour_lbs', 'tools'],
  circuiton: ['ore_tons', 'trinkets', 'learned'],
  'den-of-thieves': ['drinks', 'arrows', 'raid_gold'],
};
const STORM_KPH = 55;

const round = (n: number, d: number) => Math.round((n + Math.sign(n) * Number.EPSILON) * 10 ** d) / 10 ** d;
const num = (e: { data: Record<string, unknown> }, key: string) => e.data[key] as number;

/** Numbers an answer states: "1,234.5" is 1234.5. */
function numbers(answer: string): number[] {
  return [...answer.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
}

function states(answer: string, value: number, decimals: number): string | null {
  const want = round(value, decimals);
  return numbers(answer).some((n) => Math.abs(n - want) < 1e-9) ? null : `does not state ${want}`;
}

function all(...results: (string | null)[]): string | null {
  return results.find((r) => r !== null) ?? null;
}

interface Range {
  from: number;
  to: number;
}

export function buildCases(events: readonly RawEvent[], today: number): Case[] {
  const inRange = (e: { day: number }, r: Range) => e.day >= r.from && e.day <= r.to;
  const reports = (key: string, r: Range, town?: string) =>
    events.filter(
      (e) =>
        e.kind === JOBS[key]?.kind &&
        typeof e.data[key] === 'number' &&
        inRange(e, r) &&
        (!town || e.town === town),
    );
  const sum = (list: readonly RawEvent[], key: string) => list.reduce((s, e) => s + num(e, key), 0);
  const days = (a: number, b: number): Range => ({ from: a, to: b });
  const T = today;
  const cases: Case[] = [];
  const add = (form: string, question: string, check: Case['check']) => cases.push({ form, question, check });

  /** Cited events must all pass the filter, and their numbers must add up to the total stated. */
  const citesSum = (cited: StoredEvent[], key: string, r: Range, town: string | undefined, total: number) => {
    const stray = cited.find(
      (e) =>
        !inRange(e, r) ||
        (town && e.town !== town) ||
        e.kind !== JOBS[key]?.kind ||
        typeof e.data[key] !== 'number',
    );
    if (stray) return `cites event ${stray.id}, which is not a ${key} report of the range`;
    const citedTotal = round(
      cited.reduce((s, e) => s + num(e, key), 0),
      JOBS[key]?.decimals ?? 0,
    );
    return Math.abs(citedTotal - round(total, JOBS[key]?.decimals ?? 0)) < 1e-9
      ? null
      : `the cited events add up to ${citedTotal}, not ${round(total, 4)}`;
  };

  // --- Totals ---------------------------------------------------------------------------------
  const sums: [string, string, Range, string | undefined][] = [
    ['How much ore was mined in Circuiton last week?', 'ore_tons', days(T - 7, T - 1), 'circuiton'],
    ['How much ore was mined last week?', 'ore_tons', days(T - 7, T - 1), 'circuiton'],
    ['How many fish were caught in Port Logic between day 3 and 9?', 'fish', days(3, 9), 'port-logic'],
    ['How much flour did the mill grind in the last 3 days?', 'flour_lbs', days(T - 2, T), 'patchbourough'],
    ['How many trinkets did John make on day 12?', 'trinkets', days(12, 12), 'circuiton'],
    [
      'How much gold did the pirates take in raids last week?',
      'raid_gold',
      days(T - 7, T - 1),
      'den-of-thieves',
    ],
    ['How many drinks were poured in Den of Thieves today?', 'drinks', days(T, T), 'den-of-thieves'],
    ['How many arrows did the pirates make on day 20?', 'arrows', days(20, 20), 'den-of-thieves'],
    ['How much rain fell in Circuiton last week?', 'rain_mm', days(T - 7, T - 1), 'circuiton'],
    ['How much grain was harvested in PatchBourough this week?', 'harvest', days(T - 6, T), 'patchbourough'],
    ['How many tools did the blacksmith forge in week 10?', 'tools', days(64, 70), 'patchbourough'],
    [
      'How much metal did Circuiton process between day 100 and 110?',
      'metal_lbs',
      days(100, 110),
      'circuiton',
    ],
    ['How many nets did the port make in the first week?', 'nets', days(1, 7), 'port-logic'],
    [
      'How much gold did Port Logic lose to the pirates in the last 30 days?',
      'loot_gold',
      days(T - 29, T),
      'port-logic',
    ],
    ['How many pupils learned a craft in Circuiton yesterday?', 'learned', days(T - 1, T - 1), 'circuiton'],
    ['How many ropes were made in the harbour town on day 150?', 'ropes', days(150, 150), 'port-logic'],
  ];
  for (const [question, key, r, town] of sums) {
    const list = reports(key, r, town);
    const total = sum(list, key);
    add('total', question, (reply, cited) =>
      all(
        states(reply.answer, total, JOBS[key]?.decimals ?? 0),
        citesSum(
          cited.filter((e) => num(e, key) !== 0),
          key,
          r,
          town,
          total,
        ),
      ),
    );
  }

  // --- Averages, lows and highs -------------------------------------------------------------------
  const stats: [string, string, 'mean' | 'min' | 'max', Range, string][] = [
    [
      'What was the average temperature in Circuiton last week?',
      'temperature_c',
      'mean',
      days(T - 7, T - 1),
      'circuiton',
    ],
    [
      'What was the average air pressure at the port on day 5?',
      'pressure_hpa',
      'mean',
      days(5, 5),
      'port-logic',
    ],
    [
      'What was the average humidity in the farms yesterday?',
      'humidity_pct',
      'mean',
      days(T - 1, T - 1),
      'patchbourough',
    ],
    [
      'What was the mean wind speed on the island in the last 3 days?',
      'wind_kph',
      'mean',
      days(T - 2, T),
      'den-of-thieves',
    ],
    [
      'What was the highest wind speed in Port Logic last week?',
      'wind_kph',
      'max',
      days(T - 7, T - 1),
      'port-logic',
    ],
    [
      'What was the coldest temperature in the mountain town on day 7?',
      'temperature_c',
      'min',
      days(7, 7),
      'circuiton',
    ],
    [
      'What was the lowest river level in PatchBourough this month?',
      'river_level_m',
      'min',
      days(T - 29, T),
      'patchbourough',
    ],
    ['What was the highest tide at the port yesterday?', 'tide_m', 'max', days(T - 1, T - 1), 'port-logic'],
  ];
  for (const [question, key, fn, r, town] of stats) {
    const values = reports(key, r, town).map((e) => num(e, key));
    const decimals = (JOBS[key]?.decimals ?? 0) + (fn === 'mean' ? 1 : 0);
    const value =
      fn === 'mean'
        ? values.reduce((a, b) => a + b, 0) / values.length
        : fn === 'min'
          ? Math.min(...values)
          : Math.max(...values);
    add(fn, question, (reply, cited) => {
      const citedValues = cited.filter((e) => e.town === town && inRange(e, r)).map((e) => num(e, key));
      const proof =
        fn === 'mean'
          ? citedValues.length === values.length
            ? null
            : `cites ${citedValues.length} readings, not the ${values.length} averaged`
          : citedValues.length > 0 && citedValues.every((v) => v === value)
            ? null
            : 'cites no reading with that value';
      return all(states(reply.answer, value, decimals), proof);
    });
  }
  {
    const r = days(10, 20);
    const total = sum(reports('fish', r, 'port-logic'), 'fish');
    add('mean', 'What was the average daily fish catch between day 10 and 20?', (reply, cited) =>
      all(
        states(reply.answer, total / 11, 2),
        states(reply.answer, total, 0),
        citesSum(cited, 'fish', r, 'port-logic', total),
      ),
    );
  }

  // --- Counts ---------------------------------------------------------------------------------
  const raids = (r: Range) =>
    events.filter((e) => e.kind === 'raid' && num(e, 'raid_gold') > 0 && inRange(e, r));
  const repairs = (r: Range) =>
    events.filter((e) => e.kind === 'repair' && num(e, 'boat_repaired') === 1 && inRange(e, r));
  const robberies = (r: Range, town?: string) =>
    events.filter((e) => e.kind === 'loss' && inRange(e, r) && (!town || e.town === town));
  const rains = (r: Range, town: string) =>
    events.filter((e) => e.kind === 'sensor' && e.town === town && num(e, 'rain_mm') > 0 && inRange(e, r));
  const storms = (r: Range, town: string) =>
    events.filter(
      (e) => e.kind === 'sensor' && e.town === town && num(e, 'wind_kph') >= STORM_KPH && inRange(e, r),
    );
  const floods = (r: Range) =>
    events.filter((e) => e.kind === 'mining' && e.text.includes('flooded') && inRange(e, r));
  const surpluses = (r: Range) =>
    events.filter((e) => e.kind === 'farming' && e.text.includes('surplus') && inRange(e, r));

  const citesExactly = (cited: StoredEvent[], expected: readonly RawEvent[], what: string) => {
    const key = (e: { town: string; day: number; hour: number; kind: string; text: string }) =>
      `${e.town}|${e.day}|${e.hour}|${e.kind}|${e.text}`;
    const want = new Set(expected.map(key));
    const got = new Set(cited.map(key));
    if (cited.some((e) => !want.has(key(e)))) return `cites an event that is not one of the ${what}`;
    return [...want].every((k) => got.has(k)) ? null : `does not cite every one of the ${what}`;
  };

  const counts: [string, (r: Range) => RawEvent[], Range, string][] = [
    ['How many raids did the pirates make last week?', raids, days(T - 7, T - 1), 'raids'],
    ["How many times was the pirates' ship repaired between day 1 and 30?", repairs, days(1, 30), 'repairs'],
    [
      'How many times was Port Logic robbed last month?',
      (r) => robberies(r, 'port-logic'),
      days(T - 30, T - 1),
      'robberies',
    ],
    [
      'How many times did it rain in Circuiton last week?',
      (r) => rains(r, 'circuiton'),
      days(T - 7, T - 1),
      'rainy readings',
    ],
  ];
  for (const [question, find, r, what] of counts) {
    const expected = find(r);
    add('count', question, (reply, cited) =>
      all(states(reply.answer, expected.length, 0), citesExactly(cited, expected, what)),
    );
  }

  // --- Did it happen? ---------------------------------------------------------------------------
  const dids: [string, (r: Range) => RawEvent[], Range][] = [
    ['Did the pirates go on a raid today?', raids, days(T, T)],
    ['Did the pirates raid yesterday?', raids, days(T - 1, T - 1)],
    ['Did it rain in PatchBourough on day 14?', (r) => rains(r, 'patchbourough'), days(14, 14)],
    ['Was there a storm at the port last week?', (r) => storms(r, 'port-logic'), days(T - 7, T - 1)],
    ['Did the mine flood this week?', floods, days(T - 6, T)],
    ['Were any shipments robbed on day 150?', (r) => robberies(r), days(150, 150)],
    ['Did the pirates raid Port Logic last week?', (r) => robberies(r, 'port-logic'), days(T - 7, T - 1)],
  ];
  for (const [question, find, r] of dids) {
    const found = find(r);
    const before = find({ from: 1, to: r.from - 1 }).at(-1);
    add('did', question, (reply, cited) => {
      const yes = /^yes\b/i.test(reply.answer);
      const no = /^no\b/i.test(reply.answer);
      if (found.length > 0)
        return yes
          ? all(
              states(reply.answer, found.length, 0),
              cited.every((e) => found.some((f) => f.text === e.text && f.day === e.day && f.town === e.town))
                ? null
                : 'cites an event that is not one of them',
              cited.length > 0 ? null : 'cites nothing',
            )
          : `says no, but it happened ${found.length} times`;
      if (!no) return 'does not say no, but it did not happen';
      if (!before) return cited.length === 0 ? null : 'cites events, but it never happened';
      return cited.length === 1 && cited[0]?.day === before.day && cited[0]?.text === before.text
        ? states(reply.answer, before.day, 0)
        : `does not cite the last time before (day ${before.day})`;
    });
  }

  // --- When? ------------------------------------------------------------------------------------
  const whens: [string, RawEvent | undefined][] = [
    ['When did the pirates last repair their ship?', repairs(days(1, T)).at(-1)],
    ['When did the pirates last go on a raid?', raids(days(1, T)).at(-1)],
    ['When was the last storm in Port Logic?', storms(days(1, T), 'port-logic').at(-1)],
    ['When did it last rain in Circuiton?', rains(days(1, T), 'circuiton').at(-1)],
    ['When did the mine last flood?', floods(days(1, T)).at(-1)],
    ['When did the farmers first bring in a surplus?', surpluses(days(1, T))[0]],
  ];
  for (const [question, expected] of whens) {
    add('when', question, (reply, cited) => {
      if (!expected)
        return /\bnever\b|\bno record\b/i.test(reply.answer) ? null : 'should say it never happened';
      return all(
        new RegExp(`\\bday ${expected.day}\\b`).test(reply.answer)
          ? null
          : `does not name day ${expected.day}`,
        cited.length === 1 && cited[0]?.text === expected.text && cited[0]?.day === expected.day
          ? null
          : 'does not cite that event',
      );
    });
  }

  // --- Both on the same day ---------------------------------------------------------------------
  /** Days in a town's top quarter of days with any (nearest rank), for one number. */
  const bigDays = (town: string, key: string, r: Range): Set<number> => {
    const totals = new Map<number, number>();
    for (const e of reports(key, r, town)) totals.set(e.day, (totals.get(e.day) ?? 0) + num(e, key));
    // Sums of numbers with 2 decimals have 2 decimals: compare them so, not by their float noise.
    for (const [d, v] of totals) totals.set(d, round(v, JOBS[key]?.decimals ?? 0));
    const positive = [...totals.values()].filter((v) => v > 0).sort((a, b) => a - b);
    if (positive.length === 0) return new Set();
    const threshold = positive[Math.floor(0.75 * (positive.length - 1))] as number;
    return new Set([...totals].filter(([, v]) => v > 0 && v >= threshold).map(([d]) => d));
  };
  // A record amount is the town's best day of the range, not one of its big days.
  const recordDays = (town: string, key: string, r: Range): Set<number> => {
    const totals = new Map<number, number>();
    for (const e of reports(key, r, town)) totals.set(e.day, (totals.get(e.day) ?? 0) + num(e, key));
    for (const [d, v] of totals) totals.set(d, round(v, JOBS[key]?.decimals ?? 0));
    const best = Math.max(...totals.values());
    return new Set([...totals].filter(([, v]) => v > 0 && v === best).map(([d]) => d));
  };
  const stormDays = (town: string, r: Range) => new Set(storms(r, town).map((e) => e.day));
  const boths: [string, Set<number>, Set<number>][] = [
    [
      // PatchBourough declares its surplus (a flag on the harvest); Circuiton has none, so its big days.
      'When did PatchBourough and Circuiton both have a surplus on the same day?',
      new Set(surpluses(days(1, T)).map((e) => e.day)),
      bigDays('circuiton', 'ore_tons', days(1, T)),
    ],
    [
      'When did PatchBourough and Circuiton both produce record amounts of flour and metal on the same day?',
      recordDays('patchbourough', 'flour_lbs', days(1, T)),
      recordDays('circuiton', 'metal_lbs', days(1, T)),
    ],
    [
      'On which days did Port Logic and Den of Thieves both have a storm?',
      stormDays('port-logic', days(1, T)),
      stormDays('den-of-thieves', days(1, T)),
    ],
  ];
  for (const [question, a, b] of boths) {
    const shared = [...a].filter((d) => b.has(d)).sort((x, y) => x - y);
    add('both', question, (reply, cited) => {
      if (shared.length === 0)
        return /\bnever\b|\bno day\b/i.test(reply.answer) ? null : 'should say no day had both';
      const named = shared.slice(0, 20).filter((d) => !new RegExp(`\\bday ${d}\\b`).test(reply.answer));
      const citedDays = new Set(cited.map((e) => e.day));
      return all(
        states(reply.answer, shared.length, 0),
        named.length === 0 ? null : `does not name day ${named[0]}`,
        shared.every((d) => citedDays.has(d)) && [...citedDays].every((d) => shared.includes(d))
          ? null
          : 'does not cite exactly the shared days',
      );
    });
  }

  // --- Which town? ------------------------------------------------------------------------------
  const towns = Object.keys(NAMES);
  const whichTowns: [string, string, 'sum' | 'mean', 'max' | 'min', Range, string[]][] = [
    ['Which town had the most rain last week?', 'rain_mm', 'sum', 'max', days(T - 7, T - 1), towns],
    ['Which town was the warmest on day 10?', 'temperature_c', 'mean', 'max', days(10, 10), towns],
    [
      'Which town lost the most gold to the pirates?',
      'loot_gold',
      'sum',
      'max',
      days(1, T),
      towns.filter((t) => t !== 'den-of-thieves'),
    ],
    ['Which town was the windiest yesterday?', 'wind_kph', 'mean', 'max', days(T - 1, T - 1), towns],
    ['Which town was the coldest last week?', 'temperature_c', 'mean', 'min', days(T - 7, T - 1), towns],
  ];
  for (const [question, key, fn, direction, r, candidates] of whichTowns) {
    const decimals = (JOBS[key]?.decimals ?? 0) + (fn === 'mean' ? 1 : 0);
    const values = candidates.map((town) => {
      const list = reports(key, r, town);
      const total = sum(list, key);
      return { town, value: fn === 'mean' ? total / list.length : total };
    });
    values.sort((x, y) => (direction === 'max' ? y.value - x.value : x.value - y.value));
    const top = values[0] as { town: string; value: number };
    // Towns tied for the top are all right answers; when nothing happened anywhere, none is.
    const tied = values
      .filter((v) => round(v.value, decimals) === round(top.value, decimals))
      .map((v) => NAMES[v.town] as string);
    if (fn === 'sum' && values.every((v) => v.value === 0)) {
      add('which town', question, (reply) =>
        /^no town\b/i.test(reply.answer) ? null : 'should say no town had any',
      );
      continue;
    }
    add('which town', question, (reply, cited) =>
      all(
        tied.some((name) => reply.answer.startsWith(name))
          ? null
          : `does not begin with ${tied.join(' or ')}`,
        states(reply.answer, top.value, decimals),
        cited.some((e) => e.town === top.town && inRange(e, r))
          ? null
          : `cites nothing of ${NAMES[top.town]}`,
      ),
    );
  }

  // --- Compare ----------------------------------------------------------------------------------
  const compares: [string, [string, string, 'sum' | 'mean'][], Range][] = [
    [
      'Compare the temperature in Port Logic and Circuiton last week',
      [
        ['port-logic', 'temperature_c', 'mean'],
        ['circuiton', 'temperature_c', 'mean'],
      ],
      days(T - 7, T - 1),
    ],
    [
      'Compare the fish caught in Port Logic with the ore mined in Circuiton between day 5 and 10',
      [
        ['port-logic', 'fish', 'sum'],
        ['circuiton', 'ore_tons', 'sum'],
      ],
      days(5, 10),
    ],
    [
      'Compare the rain in PatchBourough and Den of Thieves this month',
      [
        ['patchbourough', 'rain_mm', 'sum'],
        ['den-of-thieves', 'rain_mm', 'sum'],
      ],
      days(T - 29, T),
    ],
  ];
  for (const [question, sides, r] of compares) {
    add('compare', question, (reply, cited) =>
      all(
        ...sides.map(([town, key, fn]) => {
          const list = reports(key, r, town);
          const total = sum(list, key);
          const decimals = (JOBS[key]?.decimals ?? 0) + (fn === 'mean' ? 1 : 0);
          return states(reply.answer, fn === 'mean' ? total / list.length : total, decimals);
        }),
        sides.every(([town]) => cited.some((e) => e.town === town && inRange(e, r)))
          ? null
          : 'does not cite both sides',
      ),
    );
  }

  // --- Who? -------------------------------------------------------------------------------------
  const topActor = (key: string, r: Range) => {
    const by = new Map<string, number>();
    for (const e of reports(key, r)) if (e.actor) by.set(e.actor, (by.get(e.actor) ?? 0) + num(e, key));
    for (const [actor, v] of by) by.set(actor, round(v, JOBS[key]?.decimals ?? 0));
    return [...by].sort((a, b) => b[1] - a[1])[0] as [string, number];
  };
  const mosts: [string, string, Range][] = [
    ['Who caught the most fish last week?', 'fish', days(T - 7, T - 1)],
    ['Who mined the most ore this month?', 'ore_tons', days(T - 29, T)],
  ];
  for (const [question, key, r] of mosts) {
    const [name, value] = topActor(key, r);
    add('who', question, (reply, cited) =>
      all(
        reply.answer.startsWith(name) ? null : `does not begin with ${name}`,
        states(reply.answer, value, JOBS[key]?.decimals ?? 0),
        citesSum(
          cited.filter((e) => e.actor === name),
          key,
          r,
          undefined,
          value,
        ),
      ),
    );
  }
  const actorsOf = (list: readonly RawEvent[]) =>
    [...new Set(list.map((e) => e.actor).filter(Boolean))] as string[];
  const whos: [string, RawEvent[]][] = [
    [
      'Who poured the drinks in Den of Thieves yesterday?',
      events.filter((e) => e.kind === 'drinking' && e.day === T - 1 && num(e, 'drinks') > 0),
    ],
    ['Who led the raids in the last 10 days?', raids(days(T - 9, T))],
  ];
  for (const [question, list] of whos) {
    const names = actorsOf(list);
    add('who', question, (reply, cited) =>
      all(
        names.every((n) => reply.answer.includes(n)) ? null : `does not name ${names.join(', ')}`,
        cited.length > 0 && cited.every((e) => e.actor && names.includes(e.actor))
          ? null
          : 'cites someone else',
      ),
    );
  }
  {
    const johns = events.filter((e) => e.actor === 'John' && e.day === 12);
    const total = sum(johns, 'trinkets');
    add('who', 'What did John do on day 12?', (reply, cited) =>
      all(
        states(reply.answer, total, 0),
        states(reply.answer, johns.length, 0),
        cited.length === johns.length && cited.every((e) => e.actor === 'John' && e.day === 12)
          ? null
          : "does not cite exactly John's day",
      ),
    );
  }

  // --- Which day? -------------------------------------------------------------------------------
  const whichDays: [string, string, string, Range][] = [
    ['Which day had the biggest harvest in PatchBourough?', 'harvest', 'patchbourough', days(1, T)],
    ['On which day were the most fish caught last month?', 'fish', 'port-logic', days(T - 30, T - 1)],
  ];
  for (const [question, key, town, r] of whichDays) {
    const totals = new Map<number, number>();
    for (const e of reports(key, r, town)) totals.set(e.day, (totals.get(e.day) ?? 0) + num(e, key));
    for (const [d, v] of totals) totals.set(d, round(v, JOBS[key]?.decimals ?? 0));
    const [day, value] = [...totals].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] as [number, number];
    add('which day', question, (reply, cited) =>
      all(
        new RegExp(`\\bday ${day}\\b`).test(reply.answer) ? null : `does not name day ${day}`,
        states(reply.answer, value, JOBS[key]?.decimals ?? 0),
        citesSum(cited, key, { from: day, to: day }, town, value),
      ),
    );
  }

  // --- What happened? ---------------------------------------------------------------------------
  const happenings: [string, string[], number][] = [
    ['What happened on day 12 in Den of Thieves?', ['den-of-thieves'], 12],
    ['What happened in PatchBourough on day 150?', ['patchbourough'], 150],
    ['What happened in the mountain town on day 77?', ['circuiton'], 77],
    ['What happened in Port Logic yesterday?', ['port-logic'], T - 1],
    ['What happened at the port on day 3?', ['port-logic'], 3],
    ['Tell me about day 120 in Circuiton', ['circuiton'], 120],
    ['What went on in Den of Thieves yesterday?', ['den-of-thieves'], T - 1],
    ['What happened on day 140?', towns, 140],
  ];
  for (const [question, where, day] of happenings) {
    add('happened', question, (reply, cited) => {
      const problems: (string | null)[] = [];
      for (const town of where) {
        const keys = where.length === 1 ? (MAIN[town] ?? []) : (MAIN[town] ?? []).slice(0, 1);
        for (const key of keys) {
          const list = reports(key, days(day, day), town);
          problems.push(states(reply.answer, sum(list, key), JOBS[key]?.decimals ?? 0));
          const citedTotal = sum(
            cited.filter(
              (e) => e.town === town && e.kind === JOBS[key]?.kind && typeof e.data[key] === 'number',
            ) as RawEvent[],
            key,
          );
          problems.push(
            Math.abs(citedTotal - sum(list, key)) < 1e-6 ? null : `the cited ${key} adds up to ${citedTotal}`,
          );
        }
      }
      problems.push(
        cited.every((e) => e.day === day && where.includes(e.town)) ? null : 'cites another day or town',
      );
      return all(...problems);
    });
  }
  {
    const r = days(T, T);
    const temps = reports('temperature_c', r, 'circuiton').map((e) => num(e, 'temperature_c'));
    add('weather', 'How is the weather in the mountains today?', (reply, cited) =>
      all(
        states(reply.answer, Math.min(...temps), 1),
        states(reply.answer, Math.max(...temps), 1),
        cited.every((e) => e.town === 'circuiton' && e.day === T && e.kind === 'sensor')
          ? null
          : 'cites another reading',
      ),
    );
  }

  // --- Finding events ---------------------------------------------------------------------------
  {
    const r = days(T - 9, T);
    const expected = repairs(r);
    add('find', "Find the pirates' ship repairs in the last 10 days", (_reply, cited) =>
      all(
        cited.length === Math.min(10, expected.length)
          ? null
          : `cites ${cited.length}, not ${Math.min(10, expected.length)}`,
        cited.every((e) => e.kind === 'repair' && e.data.boat_repaired === 1 && inRange(e, r))
          ? null
          : 'cites something else',
      ),
    );
  }

  // --- Outside the history ----------------------------------------------------------------------
  const outside: [string, RegExp][] = [
    ['What is the capital of France?', /not one of the four towns|outside/i],
    ['What happened on day 500?', /has not come yet/i],
    ['What happened in Paris yesterday?', /not one of the four towns/i],
    ['How much ore was mined on day 250?', /has not come yet/i],
    ['Who will win the next election?', /outside/i],
    ['How many fish did the pirates catch?', /does not report|do not report/i],
  ];
  for (const [question, says] of outside) {
    add('outside', question, (reply) =>
      all(
        says.test(reply.answer) ? null : `does not say ${says}`,
        reply.citations.length === 0 ? null : 'cites events',
      ),
    );
  }
  return cases;
}

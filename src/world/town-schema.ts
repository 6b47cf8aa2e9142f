/**
 * A town's declaration checked whole, field by field, before any of it runs: what a world builder's
 * folder (`--towns-dir`) must hold. The built-in towns pass the same check. How towns fit together
 * (routes to known towns, goods someone makes) is World's to check; this is one town alone.
 */
import { z } from 'zod';
import { PLACE_KINDS } from './residents/types.ts';

const ID = /^[a-z][a-z0-9-]{0,39}$/;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const KIND = /^[a-z][a-z0-9_-]{0,31}$/;

const name = z.string().min(1).max(80);
const hour = z.number().min(0).max(24);
const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', `must be a function (${what})`);
const regex = z.instanceof(RegExp, { message: 'must be a regular expression' });

const range = z
  .tuple([z.number(), z.number()])
  .refine(
    ([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi,
    'must be [min, max] with min ≤ max',
  );

export const MetricSchema = z.strictObject({
  key: z.string().regex(KEY, 'a lower_snake_case key of at most 40 characters'),
  label: name,
  unit: z.string().min(1).max(20),
  decimals: z.number().int().min(0).max(6),
  range,
  words: regex,
  stated: regex.optional(),
  measure: z.enum(['output', 'reading']),
  natural: z.enum(['sum', 'mean', 'min', 'max', 'count']).optional(),
  chart: z
    .strictObject({ group: z.enum(['production', 'weather']), scale: z.number().positive().optional() })
    .optional(),
  main: z.boolean().optional(),
});

const FlagSchema = z.strictObject({
  key: z.string().regex(KEY, 'a lower_snake_case key'),
  phrase: name,
  words: regex,
  news: z.boolean().optional(),
  rest: z.boolean().optional(),
});

const HappeningSchema = z.strictObject({
  name: z.string().regex(KEY, 'a lower_snake_case name'),
  phrase: name,
  words: regex,
  metric: z.string().regex(KEY).optional(),
  min: z.number().optional(),
});

const KindSchema = z.strictObject({
  kind: z.string().regex(KIND, 'a lower-case word of at most 32 characters'),
  about: name,
  one: regex.optional(),
  metrics: z.array(MetricSchema).max(20).optional(),
  fields: z.record(z.string().regex(KEY), z.enum(['town', 'goods', 'text', 'number'])).optional(),
  flags: z.array(FlagSchema).max(20).optional(),
  happenings: z.array(HappeningSchema).max(20).optional(),
  news: z.boolean().optional(),
});

const RouteSchema = z
  .strictObject({
    to: z.string().regex(ID),
    cargo: z.strictObject({ days: z.number().positive().max(30), by: name }).optional(),
    people: z.strictObject({ hours: z.number().positive().max(240), by: name }).optional(),
  })
  .refine((r) => r.cargo || r.people, 'a route carries cargo, people or both');

const PlaceSchema = z.strictObject({
  slug: z.string().regex(ID, 'a lower-case slug'),
  name,
  kind: z.enum(PLACE_KINDS),
  capacity: z.number().int().min(1).max(1000),
  open: z.tuple([hour, hour]).optional(),
});

const PersonSchema = z.strictObject({
  name,
  job: name,
  roles: z.array(z.string().regex(KEY)).max(10),
  persona: z.string().min(1).max(300),
  interests: z.record(z.string().regex(KEY), z.number().gt(0).max(1)),
  family: z.record(z.string().min(1).max(40), name).optional(),
  workplace: z.string().regex(ID),
  sociability: z.number().min(0).max(1),
});

const stock = z.record(z.string().regex(KEY), z.number().min(0).max(1e9));

export const TownSchema = z.strictObject({
  id: z.string().regex(ID, 'a lower-case id of letters, digits and dashes (at most 40)'),
  name,
  description: z.string().min(1).max(200),
  // Everything people call the town, as one alternation: longer than a phrase of words.
  aliases: z
    .string()
    .min(1)
    .max(400)
    .refine((s) => {
      try {
        new RegExp(`\\b(?:${s})\\b`);
        return true;
      } catch {
        return false;
      }
    }, 'must be a regular-expression alternation such as "the port|the harbou?r"'),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour such as #2f7ed8'),
  position: z.tuple([z.number().min(0).max(1000), z.number().min(0).max(600)]),
  routes: z.array(RouteSchema).max(20).optional(),
  climate: z.strictObject({
    inland: z.number().min(0).max(10),
    temperature: range,
    pressure: range,
    exposure: z.number().positive().max(5),
  }),
  readings: z.array(MetricSchema).max(10).optional(),
  kinds: z.array(KindSchema).min(1).max(20),
  places: z.array(PlaceSchema).max(50),
  people: z.array(PersonSchema).max(200),
  tasks: z.record(z.string().regex(KEY), z.array(name).min(1)).optional(),
  goods: z
    .record(
      z.string().regex(KEY),
      z.strictObject({
        unit: z.string().min(1).max(20),
        perCrate: z.number().positive(),
        price: z.number().positive(),
      }),
    )
    .optional(),
  watches: z.array(z.string().regex(KIND)).optional(),
  exports: z.array(
    z.strictObject({ to: z.string().regex(ID), goods: z.string().regex(KEY), keep: z.number().min(0) }),
  ),
  upkeep: stock,
  needs: stock.optional(),
  words: z.record(z.string().regex(/^[\w-]+$/), z.array(z.string().max(500)).min(1).max(200)).optional(),
  initial: fn('initial(): { gold, stock, local }'),
  sensors: fn('sensors(turn): { data, text }').optional(),
  observe: fn('observe(turn, dispatch)').optional(),
  work: fn('work(turn)'),
});

/** Where in the declaration a problem lies ("kinds[0].metrics[1].range") and what it is. */
export function townProblems(value: unknown): string[] {
  const parsed = TownSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 10).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${path.replace(/^\./, '') || '(the town)'}: ${issue.message}`;
  });
}

/**
 * What the aggregator accepts, checked field by field: the update of DESIGN.md, the seeds' plain
 * shape, and the records a log shipper (Fluent Bit, Vector) sends when it tails a town's JSON-lines
 * log. All three come out as one normalised update; a bad batch is refused whole, naming the first
 * bad item and why.
 */
import { createHash } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { z } from 'zod';
import { COMMON_KINDS } from '../world/kinds.ts';
import type { TownEvent, Update } from '../world/types.ts';
import type { World } from '../world/world.ts';
import { LIMITS } from './limits.ts';

/** An update ready to store. Plain-shaped updates carry no sequence number: the store assigns one. */
export type IncomingUpdate = Omit<Update, 'seq'> & { seq: number | null };

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

/** Control characters (C0, DEL, C1) and line separators break logs, terminals and SSE framing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacters(s: string): boolean {
  return CONTROL.test(s);
}

/** In Unicode mode a surrogate pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** A string that is not valid Unicode: it would be stored as U+FFFD. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => !hasControlCharacters(s), 'control characters are not allowed')
    .refine((s) => !hasLoneSurrogate(s), 'a lone surrogate is not text');

const instant = z
  .string()
  .max(40)
  .refine(
    (s) => /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(s) && !Number.isNaN(Date.parse(s)),
    'an ISO 8601 instant',
  );

const DATA_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const dataValue = z.union([
  z.number().refine(Number.isFinite, 'a finite number'),
  text(LIMITS.dataStringChars),
]);

const EventSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a lower-case word of at most 32 characters'),
  actor: text(LIMITS.actorChars).min(1).optional(),
  text: text(LIMITS.textChars).min(1, 'must not be empty'),
  data: z
    .record(z.string(), dataValue)
    .superRefine((d, ctx) => {
      const keys = Object.keys(d);
      if (keys.length > LIMITS.dataKeys)
        ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.dataKeys} data keys` });
      const bad = keys.find((k) => !DATA_KEY.test(k));
      if (bad !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: `data keys are lower_snake_case, not "${bad.slice(0, 40)}"`,
        });
    })
    .default({}),
});

const NativeSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(LIMITS.idChars)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
  town: z.string().max(64),
  seq: z
    .number()
    .int()
    .positive()
    .max(LIMITS.maxSeq, `at most ${LIMITS.maxSeq.toLocaleString('en')}`),
  ts: instant,
  day: z.number().int().min(1).max(LIMITS.maxDay),
  hour: z.number().min(0).lt(24),
  events: z
    .array(EventSchema)
    .min(1, 'at least one event')
    .max(LIMITS.eventsPerUpdate, `at most ${LIMITS.eventsPerUpdate} events`),
});

const PlainSchema = z.object({
  town: z.string().max(64),
  timestamp: instant,
  in_world_day: z.number().min(0).max(LIMITS.maxDay).optional(),
  events: z.array(text(LIMITS.textChars).min(1)).min(1).max(LIMITS.eventsPerUpdate),
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** How plain sentences state numbers: each declared metric's `stated` pattern, towns' first. */
const statedIn = new WeakMap<World, readonly { pattern: RegExp; key: string; kind: string }[]>();

function statedPatterns(world: World) {
  let found = statedIn.get(world);
  if (!found) {
    const kinds = [...world.towns.flatMap((t) => t.kinds), ...COMMON_KINDS];
    found = kinds.flatMap((k) =>
      (k.metrics ?? []).flatMap((m) => (m.stated ? [{ pattern: m.stated, key: m.key, kind: k.kind }] : [])),
    );
    statedIn.set(world, found);
  }
  return found;
}

/** A plain sentence as an event: the numbers it states, and the kind of the first of them. */
export function plainEvent(world: World, sentence: string): TownEvent {
  const data: Record<string, number> = {};
  let kind = 'report';
  for (const { pattern, key, kind: job } of statedPatterns(world)) {
    const m = pattern.exec(sentence);
    if (m?.[1] !== undefined) {
      data[key] = Number(m[1]);
      if (kind === 'report') kind = job;
    }
  }
  return { kind, text: sentence, data };
}

/** Towns are named by id or by name, in any case. */
function townId(world: World, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return world.towns.find((t) => t.id === wanted || t.name.toLowerCase() === wanted)?.id;
}

/** A log shipper wraps each line: Fluent Bit as `log` (or the parsed fields beside `date`), Vector as `message`. */
function unwrap(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const r = record as Record<string, unknown>;
  if ('town' in r) return r;
  for (const key of ['log', 'message']) {
    const line = r[key];
    if (typeof line === 'string' && line.trimStart().startsWith('{')) {
      try {
        return JSON.parse(line);
      } catch {
        throw new ValidationError(`${key}: not a JSON line`);
      }
    }
  }
  return r;
}

/** The fields a log shipper adds to a record; they are not part of the update. */
const SHIPPER_KEYS = ['date', 'timestamp', 'file', 'host', 'source_type', 'path', 'stream'];

function normaliseOne(world: World, raw: unknown): IncomingUpdate {
  const record = unwrap(raw);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new ValidationError('an update must be a JSON object');
  }
  const r = record as Record<string, unknown>;
  // The plain shape has a `timestamp` and sentences for events; the native one an `id` and objects.
  const isPlain =
    !('id' in r) &&
    ('timestamp' in r ||
      (Array.isArray(r.events) && r.events.length > 0 && r.events.every((e) => typeof e === 'string')));
  if (isPlain) {
    const parsed = PlainSchema.safeParse(r);
    if (!parsed.success) throw new ValidationError(describe(parsed.error));
    const town = townId(world, parsed.data.town);
    if (!town) throw new ValidationError(`town: unknown town "${parsed.data.town}"`);
    const ts = new Date(
      Date.parse(
        /[zZ]|[+-]\d\d:?\d\d$/.test(parsed.data.timestamp)
          ? parsed.data.timestamp
          : `${parsed.data.timestamp}Z`,
      ),
    );
    const elapsed = parsed.data.in_world_day;
    const digest = createHash('sha256')
      .update(JSON.stringify([town, parsed.data.timestamp, elapsed ?? null, parsed.data.events]))
      .digest('hex')
      .slice(0, 32);
    return {
      id: `plain-${digest}`,
      town: town as Update['town'],
      seq: null,
      ts: ts.toISOString(),
      // The seeds' clock counts days elapsed from 0; ours names them from day 1.
      day: elapsed === undefined ? 0 : Math.floor(elapsed) + 1,
      hour: elapsed === undefined ? 0 : Math.floor((elapsed - Math.floor(elapsed)) * 240) / 10,
      events: parsed.data.events.map((sentence) => plainEvent(world, sentence)),
    };
  }
  const native: Record<string, unknown> = { ...r };
  // A shipper's `timestamp` or `date` sits beside the update's own `ts`.
  if ('ts' in native) for (const key of SHIPPER_KEYS) delete native[key];
  const parsed = NativeSchema.safeParse(native);
  if (!parsed.success) throw new ValidationError(describe(parsed.error));
  const town = townId(world, parsed.data.town);
  if (!town) throw new ValidationError(`town: unknown town "${parsed.data.town}"`);
  return {
    ...parsed.data,
    town: town as Update['town'],
    ts: new Date(Date.parse(parsed.data.ts)).toISOString(),
  };
}

function batchOf(body: unknown): unknown[] {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw new ValidationError('the batch is empty');
  if (items.length > LIMITS.updatesPerBatch) {
    throw new ValidationError(
      `at most ${LIMITS.updatesPerBatch} updates in one request, got ${items.length}`,
    );
  }
  return items;
}

function normaliseAt(world: World, body: unknown, item: unknown, index: number): IncomingUpdate {
  try {
    return normaliseOne(world, item);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const where = Array.isArray(body) ? `update ${index}: ` : '';
    throw new ValidationError(`${where}${error.message}`, Array.isArray(body) ? index : undefined);
  }
}

/** Validate and normalise a request body: one update or an array of them. */
export function normalise(world: World, body: unknown): IncomingUpdate[] {
  return batchOf(body).map((item, index) => normaliseAt(world, body, item, index));
}

/** Events checked between two yields to the event loop. */
const SLICE_EVENTS = 500;

/** The same, a slice at a time: a batch of thousands of events never holds the event loop for long. */
export async function normaliseInSlices(world: World, body: unknown): Promise<IncomingUpdate[]> {
  const out: IncomingUpdate[] = [];
  let since = 0;
  for (const [index, item] of batchOf(body).entries()) {
    const update = normaliseAt(world, body, item, index);
    out.push(update);
    since += update.events.length;
    if (since >= SLICE_EVENTS) {
      since = 0;
      await yieldToIo();
    }
  }
  return out;
}

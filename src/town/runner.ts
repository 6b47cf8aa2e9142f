/**
 * The real-time driver of one town: it wakes about every 30 s (at speed 1), steps the world core,
 * keeps its state on disk, logs and prints each update, and hands it to the sender when an
 * aggregator is configured. A restarted town carries on with its sequence, state and world time.
 *
 * The state file is the commit point: it holds the new state and the update that produced it, and
 * is written before the outbox and the log, so a crash between them is repaired at the next start.
 */
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ClockResponse } from '../events/contracts.ts';
import { LIMITS } from '../events/limits.ts';
import { townPaths } from '../files/data-dir.ts';
import { readJsonIfExists, writeAtomic } from '../files/durable.ts';
import { loadOrCreateWorld } from '../files/world-file.ts';
import { storedConfig, TownResidents } from '../residents/live.ts';
import { Clock, formatHour, worldDaysOf, worldTimeOf } from '../world/clock.ts';
import { initialState, stepTown } from '../world/step.ts';
import type { TownState } from '../world/town.ts';
import type { Dispatch, TownId, Update } from '../world/types.ts';
import { toUpdate } from '../world/update.ts';
import type { World } from '../world/world.ts';
import { UpdateLog } from './log.ts';
import { Outbox } from './outbox.ts';
import { formatUpdate } from './print.ts';
import { readTokenHelp } from './read-token.ts';
import { Sender } from './sender.ts';
import { StreamClient } from './stream-client.ts';

export interface TownOptions {
  world: World;
  town: TownId;
  dataDir: string;
  speed: number;
  /** The world's seed; by default the data directory's (created at random on first use). */
  seed?: string;
  /** Aggregator base URL and this town's write token; without them the town only logs and prints. */
  server?: string;
  token?: string;
  /** The aggregator's read token, if it requires one: for its clock and its stream. */
  readToken?: string;
  print: (text: string) => void;
  signal: AbortSignal;
  /** Stop after this many updates (for tests and demos). */
  maxUpdates?: number;
  /** Run the town's residents (the default): they do its jobs, and what they do joins its updates. */
  residents?: boolean;
}

const SavedSchema = z.object({
  format: z.literal(1),
  town: z.string(),
  worldId: z.string(),
  state: z.looseObject({
    seq: z.number().int().nonnegative().max(LIMITS.maxSeq),
    // World time in days since day 1 began: day floor(t) + 1 stays within the world's last day.
    t: z.number().nonnegative().lt(LIMITS.maxDay),
  }),
  last: z.looseObject({ seq: z.number().int().positive().max(LIMITS.maxSeq) }).nullable(),
  earlier: z.array(z.looseObject({ seq: z.number().int().positive().max(LIMITS.maxSeq) })).default([]),
  streamCursor: z.number().int().nonnegative().nullable().default(null),
});

export interface Saved {
  format: 1;
  town: string;
  worldId: string;
  state: TownState;
  last: Update | null;
  /** The updates the last step told before `last`, when it took more than one (a long pause). */
  earlier?: Update[];
  /** The last stream event taken into the town's state: the stream resumes after it. */
  streamCursor: number | null;
}

/** How long a town that stops by itself waits for its outbox to be delivered. */
const DRAIN_MS = 10_000;

async function drained(outbox: Outbox, ms: number, signal: AbortSignal): Promise<void> {
  const until = Date.now() + ms;
  while (outbox.size() > 0 && Date.now() < until && !signal.aborted) await sleep(100);
}

export function loadSaved(path: string, town: string): Saved | undefined {
  const raw = readJsonIfExists(path);
  if (raw === undefined) return undefined;
  const parsed = SavedSchema.safeParse(raw);
  if (!parsed.success || parsed.data.town !== town) {
    const why = parsed.success ? `it belongs to ${parsed.data.town}` : z.prettifyError(parsed.error);
    throw new Error(`${path} is damaged (${why}); move it away to start ${town} afresh`);
  }
  return raw as Saved;
}

/**
 * The aggregator's clock and identity; `refused` (with what to do) if it needs a read token this
 * town lacks; undefined if it cannot be reached right now.
 */
async function fetchClock(
  server: string,
  readToken: string | undefined,
): Promise<{ clock: ClockResponse } | { refused: string } | undefined> {
  try {
    const response = await fetch(new URL('/api/clock', server), {
      headers: readToken ? { authorization: `Bearer ${readToken}` } : {},
      signal: AbortSignal.timeout(3000),
    });
    if (response.status === 401) {
      await response.body?.cancel();
      return { refused: readTokenHelp(server, Boolean(readToken)) };
    }
    return response.ok ? { clock: (await response.json()) as ClockResponse } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One step's events as updates the aggregator takes, each at most LIMITS.eventsPerUpdate events:
 * after a long pause the residents have a day or more to tell, in as many updates as it takes,
 * numbered on from the step's own.
 */
export function updatesOf(
  worldId: string,
  town: TownId,
  seq: number,
  t: number,
  wallMs: number,
  events: Update['events'],
): Update[] {
  const updates: Update[] = [];
  for (let i = 0; i === 0 || i < events.length; i += LIMITS.eventsPerUpdate) {
    const part = events.slice(i, i + LIMITS.eventsPerUpdate);
    updates.push(toUpdate(worldId, town, seq + updates.length, t, wallMs, part));
  }
  return updates;
}

/** Re-read the aggregator's clock this often (in updates), so a town never drifts from the world. */
const CLOCK_SYNC_EVERY = 10;

export async function runTown(options: TownOptions): Promise<{ seq: number; t: number }> {
  const { world, town, signal } = options;
  const rules = world.rules(town);
  const say = (message: string) => options.print(`${rules.name}: ${message}`);
  // In a running world the aggregator keeps the clock, and the world's seed and id.
  const answer = options.server ? await fetchClock(options.server, options.readToken) : undefined;
  // One that refuses to let this town read would refuse its stream too: say what it needs.
  if (answer && 'refused' in answer)
    throw new Error(`${rules.name} cannot follow the world: ${answer.refused}`);
  const aggregator = answer?.clock;
  if (options.server && !aggregator)
    say(`the aggregator at ${options.server} does not answer yet; keeping my own clock`);
  const worldFile = loadOrCreateWorld(options.dataDir, options.seed ?? aggregator?.seed, aggregator?.id);
  if (aggregator && aggregator.seed !== worldFile.seed) {
    throw new Error(
      `${options.dataDir} holds world seed "${worldFile.seed}" but the aggregator runs seed "${aggregator.seed}": the weather would not agree`,
    );
  }
  const paths = townPaths(options.dataDir, town);
  mkdirSync(paths.dir, { recursive: true });

  const log = new UpdateLog(paths.log);
  const outbox = options.server ? new Outbox(paths.outbox, { town, log: say }) : undefined;
  let saved: Saved = loadSaved(paths.state, town) ?? {
    format: 1,
    town,
    worldId: worldFile.id,
    state: initialState(world, rules),
    last: null,
    streamCursor: null,
  };
  // Finish what a crash may have interrupted: the last step's updates reach the outbox and the log.
  for (const update of [...(saved.earlier ?? []), ...(saved.last ? [saved.last] : [])]) {
    if (log.lastSeq() >= update.seq) continue;
    outbox?.put(update);
    log.append(update);
  }

  // The sender and the stream stop with the town, or, when it stops by itself, once it has delivered.
  const stopBackground = new AbortController();
  signal.addEventListener('abort', () => stopBackground.abort(), { once: true });
  const background: Promise<void>[] = [];
  let sender: Sender | undefined;
  if (outbox && options.server) {
    if (!options.token) throw new Error(`${town} needs a token to send to ${options.server}`);
    sender = new Sender(outbox, { server: options.server, token: options.token, log: say });
    background.push(sender.run(stopBackground.signal));
  }

  // Other towns' events that concern this one (trade, raids) arrive over the stream and wait here.
  const heard: Dispatch[] = [];
  let stream: StreamClient | undefined;
  if (options.server) {
    stream = new StreamClient({
      server: options.server,
      after: saved.streamCursor ?? aggregator?.last_event_id ?? null,
      readToken: options.readToken,
      log: say,
      onEvent: (e) => {
        const event = { kind: e.kind, text: e.text, data: e.data, ...(e.actor ? { actor: e.actor } : {}) };
        if (e.town !== town && world.has(e.town) && world.concerns(town, event)) {
          heard.push({ town: e.town, t: worldDaysOf(e.day, e.hour), event });
        }
      },
    });
    background.push(stream.run(stopBackground.signal));
  }

  // Every town runs the same residents from day 1 and keeps its own share of what they do.
  const residents =
    options.residents === false
      ? undefined
      : new TownResidents(
          world,
          town,
          await storedConfig(options.dataDir, world),
          worldFile.seed,
          saved.state.t,
        );

  const speed = aggregator?.speed ?? options.speed;
  let clock = new Clock(Date.now(), Math.max(saved.state.t, aggregator?.t ?? 0), speed);
  const resumed = worldTimeOf(saved.state.t);
  options.print(
    saved.state.seq === 0
      ? `${rules.name} wakes up in world ${saved.worldId} (seed ${worldFile.seed}), one update about every ${Math.round(clock.updateIntervalMs / 100) / 10} s`
      : `${rules.name} resumes at day ${resumed.day}, ${formatHour(resumed.hour)} after update ${saved.state.seq}`,
  );

  // A random offset within the first interval, so towns started together never tick in lockstep.
  let delay = Math.random() * clock.updateIntervalMs;
  let made = 0;
  let clockRefused = false;
  while (!signal.aborted && (options.maxUpdates === undefined || made < options.maxUpdates)) {
    try {
      await sleep(delay, undefined, { signal });
    } catch {
      break; // aborted while waiting
    }
    if (options.server && made > 0 && made % CLOCK_SYNC_EVERY === 0) {
      const latest = await fetchClock(options.server, options.readToken);
      if (latest && 'clock' in latest) clock = new Clock(Date.now(), latest.clock.t, latest.clock.speed);
      else if (latest && !clockRefused) say(`keeping my own clock: ${latest.refused}`);
      clockRefused = latest !== undefined && 'refused' in latest;
    }
    const now = Date.now();
    const inbox = heard.splice(0);
    const t = Math.max(clock.worldDaysAt(now), saved.state.t);
    const { state, events } = stepTown(world, rules, saved.state, {
      seed: worldFile.seed,
      t,
      inbox,
      staff: residents?.before(t),
    });
    const told = residents ? residents.after(state.t, events) : events;
    const updates = updatesOf(saved.worldId, town, state.seq, state.t, now, told);
    const last = updates.at(-1) as Update;
    saved = {
      ...saved,
      state: { ...state, seq: last.seq },
      last,
      earlier: updates.slice(0, -1),
      streamCursor: stream?.lastId ?? saved.streamCursor,
    };
    writeAtomic(paths.state, JSON.stringify(saved));
    for (const update of updates) {
      outbox?.put(update);
      log.append(update);
      options.print(formatUpdate(update, rules.name));
    }
    sender?.kick();
    made++;
    delay = clock.updateIntervalMs * (0.75 + 0.5 * Math.random());
  }
  if (outbox && !signal.aborted) await drained(outbox, DRAIN_MS, signal);
  stopBackground.abort();
  await Promise.all(background);
  return { seq: saved.state.seq, t: saved.state.t };
}

/**
 * The batch driver of the world core: every town stepped in time order in one process, each
 * hearing the others' events as a real-time town would over the stream, as fast as the CPU allows.
 * Deterministic: the same seed gives the same updates, byte for byte.
 */
import { SECONDS_PER_DAY, UPDATES_PER_DAY } from './clock.ts';
import type { Residents } from './residents/engine.ts';
import { eventOf } from './residents/events.ts';
import { unit } from './rng.ts';
import { initialState, stepTown } from './step.ts';
import type { AnyTownRules, TownState } from './town.ts';
import type { Dispatch, TownId, Update } from './types.ts';
import { dispatchesOf, toUpdate } from './update.ts';
import type { World } from './world.ts';

export interface SimulationOptions {
  world: World;
  seed: string;
  /** How many days to simulate. */
  days: number;
  /** Wall time of the world's first instant, for the updates' `ts` (as if run in real time at speed 1). */
  epochMs: number;
  /** Names this world in update ids; defaults to one derived from the seed. */
  worldId?: string;
  /** Towns to run; all by default. */
  towns?: readonly TownId[];
  /** World time to start from (0, the first instant of day 1, by default). */
  from?: number;
  /** Towns' states to carry on from; a town without one starts afresh. */
  states?: Partial<Record<string, TownState>>;
  /** Residents who live in the towns: they do the jobs, and what they do joins each update. */
  residents?: Residents;
}

const UPDATE_DAYS = 1 / UPDATES_PER_DAY;

/** The world time of a town's next update: about every tenth of a day, never in lockstep. */
export function nextUpdateTime(seed: string, town: string, seq: number, previous: number): number {
  if (seq === 1) return unit(seed, town, 'offset') * UPDATE_DAYS;
  return previous + UPDATE_DAYS * (0.75 + 0.5 * unit(seed, town, 'jitter', seq));
}

interface Runner {
  id: TownId;
  rules: AnyTownRules;
  state: TownState;
  next: number;
  inbox: Dispatch[];
}

/** Yields every update in time order; returns each town's final state. */
export function* simulate(options: SimulationOptions): Generator<Update, Record<string, TownState>> {
  const { world, seed, days, epochMs } = options;
  const from = options.from ?? 0;
  const worldId = options.worldId ?? `seed-${seed}`;
  const runners: Runner[] = (options.towns ?? world.ids).map((id) => {
    const state = options.states?.[id] ?? initialState(world, world.rules(id));
    const next =
      state.seq === 0
        ? from + nextUpdateTime(seed, id, 1, 0)
        : nextUpdateTime(seed, id, state.seq + 1, Math.max(from, state.t));
    return { id, rules: world.rules(id), state, next, inbox: [] };
  });
  const finalStates = () => Object.fromEntries(runners.map((r) => [r.id, r.state]));

  for (;;) {
    let runner: Runner | undefined;
    for (const r of runners) if (!runner || r.next < runner.next) runner = r;
    if (!runner || runner.next >= from + days) {
      options.residents?.advanceTo(from + days - 1e-6);
      return finalStates();
    }

    const residents = options.residents;
    residents?.advanceTo(runner.next);
    const { state, events } = stepTown(world, runner.rules, runner.state, {
      seed,
      t: runner.next,
      inbox: runner.inbox,
      staff: residents?.onDuty(runner.id),
      storm: residents?.stormAt(runner.id, runner.next),
    });
    if (residents) {
      residents.observe(runner.id, state.t, events);
      for (const action of residents.drain(runner.id)) {
        const event = eventOf(action);
        if (event) events.push(event);
      }
    }
    runner.state = state;
    runner.inbox = [];
    const update = toUpdate(
      worldId,
      runner.id,
      state.seq,
      state.t,
      epochMs + state.t * SECONDS_PER_DAY * 1000,
      events,
    );
    for (const dispatch of dispatchesOf(update)) {
      for (const other of runners) {
        if (other !== runner && world.concerns(other.id, dispatch.event)) other.inbox.push(dispatch);
      }
    }
    runner.next = nextUpdateTime(seed, runner.id, state.seq + 1, runner.next);
    yield update;
  }
}

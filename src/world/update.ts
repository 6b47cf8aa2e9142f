/** Turning a step's events into the update a town sends, and an update back into what others hear. */
import { worldDaysOf, worldTimeOf } from './clock.ts';
import type { Dispatch, TownEvent, TownId, Update } from './types.ts';

/** The idempotency key of a town's update: one world, one town, one sequence number. */
export function updateId(worldId: string, town: string, seq: number): string {
  return `${worldId}/${town}/${seq}`;
}

export function toUpdate(
  worldId: string,
  town: TownId,
  seq: number,
  t: number,
  wallMs: number,
  events: TownEvent[],
): Update {
  const { day, hour } = worldTimeOf(t);
  return {
    id: updateId(worldId, town, seq),
    town,
    seq,
    ts: new Date(wallMs).toISOString(),
    day,
    hour,
    events,
  };
}

/** What other towns hear of an update: each event with the world time it happened. */
export function dispatchesOf(update: Update): Dispatch[] {
  const t = worldDaysOf(update.day, update.hour);
  return update.events.map((event) => ({ town: update.town, t, event }));
}

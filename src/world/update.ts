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
    ts: isoTime(wallMs),
    day,
    hour,
    events,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The same text as `new Date(ms).toISOString()` for the years 1970–9999, many times faster, which
 * matters when a simulation stamps millions of updates.
 */
export function isoTime(ms: number): string {
  const whole = Math.floor(ms);
  const days = Math.floor(whole / 86_400_000);
  let rest = whole - days * 86_400_000;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}Z`;
}

/** What other towns hear of an update: each event with the world time it happened. */
export function dispatchesOf(update: Update): Dispatch[] {
  const t = worldDaysOf(update.day, update.hour);
  return update.events.map((event) => ({ town: update.town, t, event }));
}

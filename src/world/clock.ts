/**
 * World time. The core measures time in world days as a float: t = 0 is the start of day 1.
 * Drivers turn wall-clock milliseconds into world time with a Clock; the core never reads the clock.
 */

/** Real seconds in one world day at speed 1 (five minutes). */
export const SECONDS_PER_DAY = 300;
/** Each town sends about ten updates a day (one every ~30 s at speed 1). */
export const UPDATES_PER_DAY = 10;
export const DAYS_PER_YEAR = 365;

export interface WorldTime {
  /** Day number, starting at 1. */
  day: number;
  /** Hour of the day in [0, 24), to one decimal. */
  hour: number;
}

export function worldTimeOf(t: number): WorldTime {
  // Count whole tenths of an hour; the epsilon keeps a time built from (day, hour) on its own tenth.
  const tenths = Math.floor(t * 240 + 1e-6);
  return { day: Math.floor(tenths / 240) + 1, hour: (tenths % 240) / 10 };
}

/** "14:24" for hour 14.4. */
export function formatHour(hour: number): string {
  const h = Math.floor(hour);
  const m = Math.round((hour - h) * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function worldDaysOf(day: number, hour = 0): number {
  return day - 1 + hour / 24;
}

/**
 * Maps wall time to world time: from an anchor (a wall instant and the world time at that
 * instant), world time advances at `speed` days per SECONDS_PER_DAY real seconds.
 */
export class Clock {
  constructor(
    readonly anchorWallMs: number,
    readonly anchorWorldDays: number,
    readonly speed = 1,
  ) {
    if (!(speed > 0) || !Number.isFinite(speed))
      throw new Error(`speed must be a positive number, got ${speed}`);
  }

  get secondsPerDay(): number {
    return SECONDS_PER_DAY / this.speed;
  }

  /** Mean real milliseconds between two updates of a town. */
  get updateIntervalMs(): number {
    return (this.secondsPerDay * 1000) / UPDATES_PER_DAY;
  }

  worldDaysAt(wallMs: number): number {
    return this.anchorWorldDays + (wallMs - this.anchorWallMs) / 1000 / this.secondsPerDay;
  }

  wallMsAt(worldDays: number): number {
    return this.anchorWallMs + (worldDays - this.anchorWorldDays) * this.secondsPerDay * 1000;
  }
}

/**
 * The world's clock, kept by the aggregator: it runs while the world runs and is saved in
 * DATA/clock.json, so a world stopped on day 40 resumes on day 40. `simulate` advances it too.
 */
import { z } from 'zod';
import { LIMITS } from '../events/limits.ts';
import { clockPath } from '../files/data-dir.ts';
import { readJsonIfExists, writeAtomic } from '../files/durable.ts';
import { Clock } from '../world/clock.ts';

const ClockFileSchema = z.object({
  t: z.number().min(0).max(LIMITS.maxDay, `at most ${LIMITS.maxDay} days, the world's limit`),
  /** The highest event id stored when the clock was saved: a missing store is then a lost history. */
  last_event_id: z.number().int().min(0).max(LIMITS.maxEventId).optional(),
});

export interface SavedClock {
  t: number;
  lastEventId?: number;
}

/** The clock as it was saved, checked like any input; undefined if it never was. */
export function savedClock(dataDir: string): SavedClock | undefined {
  const raw = readJsonIfExists(clockPath(dataDir));
  if (raw === undefined) return undefined;
  const parsed = ClockFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${clockPath(dataDir)} is damaged: ${z.prettifyError(parsed.error)}`);
  return { t: parsed.data.t, lastEventId: parsed.data.last_event_id };
}

/** World time (in days) the world had reached when it last stopped. */
export function savedWorldTime(dataDir: string): number {
  return savedClock(dataDir)?.t ?? 0;
}

export function saveWorldTime(dataDir: string, t: number, lastEventId: number): void {
  writeAtomic(clockPath(dataDir), `${JSON.stringify({ t, last_event_id: lastEventId })}\n`);
}

export class WorldClock {
  readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;

  /** The last error saving met, so one that repeats (a full disk) is told once. */
  private failing: string | undefined;

  /** `atLeast`: the latest world time in the store, in case the saved time is older (after a crash). */
  constructor(
    private readonly dataDir: string,
    speed: number,
    atLeast: number,
    /** The highest event id stored, saved with the time. */
    private readonly lastEventId: () => number,
    private readonly log: (line: string) => void = () => undefined,
    now = Date.now(),
  ) {
    this.clock = new Clock(now, Math.max(savedWorldTime(dataDir), atLeast), speed);
  }

  now(): number {
    return this.clock.worldDaysAt(Date.now());
  }

  /** Save the time every second while the world runs. */
  start(everyMs = 1000): void {
    this.timer = setInterval(() => this.save(), everyMs);
    this.timer.unref();
  }

  /**
   * Saves the time; a failure (a full disk) is told, not thrown: the clock runs on in memory, the
   * store says where it was after a crash, and the next save that succeeds catches up.
   */
  save(): boolean {
    try {
      saveWorldTime(this.dataDir, this.now(), this.lastEventId());
      if (this.failing) this.log(`${clockPath(this.dataDir)} is saved again`);
      this.failing = undefined;
      return true;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.failing) this.log(`cannot save the world's clock: ${message}; will retry`);
      this.failing = message;
      return false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.save();
  }
}

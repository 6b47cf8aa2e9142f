/**
 * The world's clock, kept by the aggregator: it runs while the world runs and is saved in
 * DATA/clock.json, so a world stopped on day 40 resumes on day 40. `simulate` advances it too.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonIfExists, writeAtomic } from '../files/durable.ts';
import { Clock } from '../world/clock.ts';

const ClockFileSchema = z.object({ t: z.number().min(0) });

export function clockPath(dataDir: string): string {
  return join(dataDir, 'clock.json');
}

/** World time (in days) the world had reached when it last stopped. */
export function savedWorldTime(dataDir: string): number {
  const raw = readJsonIfExists(clockPath(dataDir));
  if (raw === undefined) return 0;
  const parsed = ClockFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${clockPath(dataDir)} is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data.t;
}

export function saveWorldTime(dataDir: string, t: number): void {
  writeAtomic(clockPath(dataDir), `${JSON.stringify({ t })}\n`);
}

export class WorldClock {
  readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;

  /** `atLeast`: the latest world time in the store, in case the saved time is older (after a crash). */
  constructor(
    private readonly dataDir: string,
    speed: number,
    atLeast = 0,
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

  save(): void {
    saveWorldTime(this.dataDir, this.now());
  }

  stop(): void {
    clearInterval(this.timer);
    this.save();
  }
}

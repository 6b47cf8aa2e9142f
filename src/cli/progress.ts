/** The progress bars of long commands, on standard error when it is a terminal. */
import { Presets, SingleBar } from 'cli-progress';

export interface DayProgress {
  update(day: number, events: number): void;
  stop(): void;
}

export function dayProgress(startDay: number, endDay: number): DayProgress {
  if (process.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      format: 'simulate |{bar}| day {value}/{total} · {events} events · ETA {eta_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(endDay, startDay, { events: 0 });
  return { update: (day, events) => bar.update(day, { events }), stop: () => bar.stop() };
}

export interface CountProgress {
  update(done: number): void;
  stop(): void;
}

/** Work counted in items (events indexed, say) against a known total. */
export function countProgress(label: string, unit: string, total: number): CountProgress {
  if (process.stderr.isTTY !== true || total === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} |{bar}| {value}/{total} ${unit} · ETA {eta_formatted}`, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

/** Direct ingest (no HTTP): pre-generated updates stored through Ingest into a fresh store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStorePath } from '../src/files/data-dir.ts';
import { LiveBus } from '../src/server/bus.ts';
import { Ingest } from '../src/server/ingest.ts';
import { openEventStore } from '../src/store/open.ts';
import { WORLD } from '../src/world/map.ts';
import { simulate } from '../src/world/simulate.ts';
import type { Update } from '../src/world/types.ts';

export async function measureDirectIngest(
  days: number,
  batchUpdates = 2000,
): Promise<{ events: number; seconds: number }> {
  const updates: Update[] = [...simulate({ world: WORLD, seed: 'ingest', days, epochMs: 0 })];
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  const store = await openEventStore(eventStorePath(dir));
  const ingest = new Ingest(store, new LiveBus(), () => 0);
  const started = performance.now();
  let events = 0;
  for (let i = 0; i < updates.length; i += batchUpdates) {
    const result = await ingest.accept(updates.slice(i, i + batchUpdates));
    events += result.events.length;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { events, seconds };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const days = Number(process.argv[2] ?? 365);
  const r = await measureDirectIngest(days);
  console.log(
    `direct ingest, ${days} days: ${r.events} events in ${r.seconds.toFixed(2)} s = ${Math.round(r.events / r.seconds)} events/s`,
  );
}

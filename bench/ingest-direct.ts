/**
 * Direct ingest (no HTTP): pre-generated updates stored through Ingest into a fresh store, in
 * simulate's batches and, as simulate does for a fast-forward this long into an empty store, in
 * one bulk load (EventStore.bulkLoad). The time includes making the indexes again at its end.
 * The towns' core alone by default; `residents: true` stores a history the canonical residents
 * lived in too (as `chronicle simulate` makes by default), to see what their events cost to store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStorePath } from '../src/files/data-dir.ts';
import { LiveBus } from '../src/server/bus.ts';
import { Ingest } from '../src/server/ingest.ts';
import { BATCH_UPDATES, loadsInBulk } from '../src/simulation/into-store.ts';
import { openEventStore } from '../src/store/open.ts';
import { WORLD } from '../src/world/map.ts';
import { residentsConfigOf } from '../src/world/residents/catalog.ts';
import { Residents } from '../src/world/residents/engine.ts';
import { DEFAULT_SETTINGS } from '../src/world/residents/types.ts';
import { simulate } from '../src/world/simulate.ts';
import type { Update } from '../src/world/types.ts';

export async function measureDirectIngest(
  days: number,
  options: { batchUpdates?: number; bulk?: boolean; residents?: boolean } = {},
): Promise<{ events: number; seconds: number; cpuSeconds: number; bulk: boolean }> {
  const batchUpdates = options.batchUpdates ?? BATCH_UPDATES;
  const bulk = options.bulk ?? loadsInBulk(days, 0, false);
  const residents = options.residents
    ? new Residents({
        world: WORLD,
        config: residentsConfigOf(WORLD),
        settings: { ...DEFAULT_SETTINGS, seed: 'ingest' },
      })
    : undefined;
  const updates: Update[] = [];
  for (const update of simulate({ world: WORLD, seed: 'ingest', days, epochMs: 0, residents })) {
    residents?.takeDays();
    updates.push(update);
  }
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-bench-'));
  const store = await openEventStore(eventStorePath(dir), { facets: WORLD.facetKeys });
  const ingest = new Ingest(store, new LiveBus(), () => 0);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let events = 0;
  const load = async () => {
    for (let i = 0; i < updates.length; i += batchUpdates) {
      const result = await ingest.accept(updates.slice(i, i + batchUpdates));
      events += result.events.length;
    }
  };
  if (bulk) await store.bulkLoad(load);
  else await load();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { events, seconds, cpuSeconds: (used.user + used.system) / 1e6, bulk };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const days = Number(process.argv[2] ?? 365);
  const bulk = process.argv[3] === undefined ? undefined : process.argv[3] === 'bulk';
  const residents = process.argv.includes('--residents');
  const r = await measureDirectIngest(days, { bulk, residents });
  console.log(
    `direct ingest, ${days} days${r.bulk ? ' (bulk)' : ''}${residents ? ', with residents' : ''}: ${r.events} events in ${r.seconds.toFixed(2)} s = ${Math.round(r.events / r.seconds)} events/s; ${r.cpuSeconds.toFixed(2)} CPU-s = ${Math.round(r.events / r.cpuSeconds)} events/CPU-s`,
  );
}

/**
 * A bulk load to be killed: simulates `days` of the world into the store at `path` inside
 * EventStore.bulkLoad, in small batches, and prints each batch's update ids once the store has
 * acknowledged it (one JSON line a batch). test/system/bulk-crash.test.ts kills it mid-load.
 */
import { openEventStore } from '../../src/store/open.ts';
import { WORLD } from '../../src/world/map.ts';
import { simulate } from '../../src/world/simulate.ts';
import type { Update } from '../../src/world/types.ts';

const [path, days, seed] = process.argv.slice(2) as [string, string, string];
const store = await openEventStore(path);
await store.bulkLoad(async () => {
  let batch: Update[] = [];
  const send = async () => {
    await store.append(batch);
    process.stdout.write(`${JSON.stringify(batch.map((u) => u.id))}\n`);
    batch = [];
  };
  for (const update of simulate({ world: WORLD, seed, days: Number(days), epochMs: 0 })) {
    batch.push(update);
    if (batch.length >= 200) await send();
  }
  await send();
});
await store.close();
process.stdout.write('done\n');

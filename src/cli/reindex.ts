/** `chronicle reindex`: rebuilds the search index of a data directory from its store. */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { eventStorePath } from '../files/data-dir.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { embedderConfigFromEnv } from '../search/embedder.ts';
import { SearchService } from '../search/service.ts';
import { openEventStore } from '../store/open.ts';
import { dataOption, parseCount, townsDirOption } from './options.ts';
import { countProgress } from './progress.ts';

interface ReindexFlags {
  data: string;
  batch: number;
  townsDir?: string;
}

export async function runReindex(flags: ReindexFlags): Promise<void> {
  if (!existsSync(eventStorePath(flags.data)))
    throw new Error(`no history in ${flags.data}: nothing to index`);
  // The towns' kinds are embedded with their events: the world they come from, added towns too.
  const world = await loadWorld(flags.townsDir);
  const unlock = lockDataDir(flags.data, 'chronicle reindex');
  const store = await openEventStore(eventStorePath(flags.data));
  try {
    SearchService.reset(flags.data);
    const search = SearchService.open(flags.data, store, {
      embedderConfig: embedderConfigFromEnv(),
      kinds: world.kinds,
      gist: (text) => world.gist(text),
      batch: flags.batch,
      log: (line) => console.error(line),
    });
    try {
      const total = await search.indexer.lag();
      const progress = countProgress('reindex', 'events', total);
      const started = performance.now();
      const indexed = await search.indexer.catchUp((n) => progress.update(n));
      progress.stop();
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `Indexed ${indexed} events (${search.db.phraseCount} distinct phrases embedded) in ${seconds.toFixed(1)} s` +
          ` (${Math.round(indexed / Math.max(seconds, 1e-9))} events/s) → ${flags.data}`,
      );
    } finally {
      await search.close();
    }
  } finally {
    await store.close();
    unlock();
  }
}

export function reindexCommand(): Command {
  return new Command('reindex')
    .description(
      'rebuild the search index (keywords and vectors) from the stored history; stop the aggregator first',
    )
    .addOption(dataOption())
    .addOption(
      new Option('--batch <events>', 'events per transaction')
        .argParser(parseCount('--batch', 1, 100_000))
        .default(5000),
    )
    .addOption(townsDirOption())
    .action((flags: ReindexFlags) => runReindex(flags));
}

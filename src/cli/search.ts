/**
 * `chronicle search "<query>"`: asks a running aggregator (GET /api/search), or with --data
 * searches a stored history directly, indexing first whatever the index has not reached.
 */
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { eventStorePath } from '../files/data-dir.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { embedderConfigFromEnv } from '../search/embedder.ts';
import type { SearchMode } from '../search/search.ts';
import { type SearchOrder, type SearchResponse, SearchService } from '../search/service.ts';
import { openEventStore } from '../store/open.ts';
import { formatHour } from '../world/clock.ts';
import { WORLD } from '../world/map.ts';
import type { World } from '../world/world.ts';
import { requestAggregator } from './aggregator.ts';
import { oldReadTokenOption, parseCount, parseUrl, readTokenOption, townsDirOption } from './options.ts';
import { countProgress } from './progress.ts';

interface SearchFlags {
  townsDir?: string;
  url: string;
  data?: string;
  town?: string;
  kind?: string;
  fromDay?: number;
  toDay?: number;
  k: number;
  mode: SearchMode;
  order: SearchOrder;
  json?: boolean;
  readToken?: string;
  /** The old name of --read-token. */
  token?: string;
}

const day = (name: string) => parseCount(name, 1, 1_000_000);

/** A town id; which towns exist the aggregator (or --towns-dir) knows. */
function parseTown(value: string): string {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(value))
    throw new InvalidArgumentError(`not a town id; the built-in towns are ${WORLD.ids.join(', ')}`);
  return value;
}

function parseKind(value: string): string {
  if (!/^[a-z][a-z0-9_-]{0,31}$/.test(value)) throw new InvalidArgumentError('a kind is a lower-case word');
  return value;
}

function viaServer(q: string, flags: SearchFlags): Promise<SearchResponse> {
  const params: Record<string, string | number | undefined> = {
    q,
    town: flags.town,
    kind: flags.kind,
    from_day: flags.fromDay,
    to_day: flags.toDay,
    k: flags.k,
    mode: flags.mode,
    order: flags.order,
  };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return requestAggregator<SearchResponse>(flags.url, `/api/search?${query}`, {
    token: flags.token || flags.readToken || undefined,
    timeoutMs: 30_000,
    verb: 'search',
  });
}

async function inDataDir(
  q: string,
  dataDir: string,
  flags: SearchFlags,
  world: World,
): Promise<SearchResponse> {
  if (!existsSync(eventStorePath(dataDir))) throw new Error(`no history in ${dataDir}`);
  const unlock = lockDataDir(dataDir, 'chronicle search');
  const store = await openEventStore(eventStorePath(dataDir));
  try {
    const search = SearchService.open(dataDir, store, {
      embedderConfig: embedderConfigFromEnv(),
      kinds: world.kinds,
      gist: (text) => world.gist(text),
      batch: 5000,
    });
    try {
      const progress = countProgress('indexing', 'events', await search.indexer.lag());
      await search.indexer.catchUp((n) => progress.update(n));
      progress.stop();
      const { town, kind, fromDay, toDay, k, mode, order } = flags;
      return await search.search({ q, town, kind, fromDay, toDay, k, mode, order });
    } finally {
      await search.close();
    }
  } finally {
    await store.close();
    unlock();
  }
}

export async function runSearch(q: string, flags: SearchFlags): Promise<void> {
  if (flags.fromDay !== undefined && flags.toDay !== undefined && flags.fromDay > flags.toDay) {
    throw new Error(`--from-day ${flags.fromDay} is after --to-day ${flags.toDay}`);
  }
  const world = await loadWorld(flags.townsDir);
  const response = flags.data ? await inDataDir(q, flags.data, flags, world) : await viaServer(q, flags);
  if (flags.json) {
    console.log(JSON.stringify(response, null, 2));
    return;
  }
  if (response.warning) console.error(`note: ${response.warning}`);
  if (response.index_lag > 0) console.error(`note: ${response.index_lag} newest events are not indexed yet`);
  if (response.results.length === 0) console.log('Nothing found.');
  for (const e of response.results) {
    const town = world.has(e.town) ? world.rules(e.town).name : e.town;
    console.log(`#${e.id}  day ${e.day} ${formatHour(e.hour)}  ${town} · ${e.kind}  ${e.text}  (${e.score})`);
  }
}

export function searchCommand(): Command {
  return new Command('search')
    .description('search the history by meaning and by words')
    .argument('<query>', 'what to look for, e.g. "pirates repaired their boat"')
    .addOption(
      new Option('--url <url>', 'the aggregator to ask').argParser(parseUrl).default('http://127.0.0.1:8080'),
    )
    .addOption(
      new Option('--data <dir>', 'search this data directory directly instead (no aggregator running)'),
    )
    .addOption(new Option('--town <id>', 'only this town').argParser(parseTown))
    .addOption(
      new Option('--kind <kind>', 'only this kind of event (fishing, raid, sensor…)').argParser(parseKind),
    )
    .addOption(new Option('--from-day <n>', 'from this day on').argParser(day('--from-day')))
    .addOption(new Option('--to-day <n>', 'up to this day').argParser(day('--to-day')))
    .addOption(new Option('-k, --k <n>', 'how many results').argParser(parseCount('--k', 1, 100)).default(10))
    .addOption(
      new Option('--mode <mode>', 'how to match')
        .choices(['hybrid', 'semantic', 'keyword'])
        .default('hybrid'),
    )
    .addOption(
      new Option('--order <order>', 'best first, or oldest first')
        .choices(['relevance', 'time'])
        .default('relevance'),
    )
    .addOption(new Option('--json', 'print the API response as JSON'))
    .addOption(readTokenOption())
    .addOption(townsDirOption())
    .addOption(oldReadTokenOption())
    .action((q: string, flags: SearchFlags) => {
      if (q.trim() === '') throw new InvalidArgumentError('the query is empty');
      if (q.length > 200) throw new InvalidArgumentError('the query is longer than 200 characters');
      return runSearch(q, flags);
    });
}

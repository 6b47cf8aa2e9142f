/** Runs the aggregator on a data directory until it is told to stop. */
import { mkdirSync } from 'node:fs';
import { Agent } from '../agent/agent.ts';
import type { ChatModelConfig } from '../agent/chat-model.ts';
import { residentStorePath } from '../files/data-dir.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadOrCreateWorld } from '../files/world-file.ts';
import type { EmbedderConfig } from '../search/embedder.ts';
import { SearchService } from '../search/service.ts';
import { openResidentStore } from '../store/open.ts';
import { formatHour, worldTimeOf } from '../world/clock.ts';
import { WORLD } from '../world/map.ts';
import type { World } from '../world/world.ts';
import { type App, buildApp } from './app.ts';
import { LiveBus } from './bus.ts';
import { Ingest } from './ingest.ts';
import { openDataDirEventStore } from './store-file.ts';
import { Telemetry } from './telemetry.ts';
import { loadOrCreateTokens } from './tokens.ts';
import { WorldClock } from './world-clock.ts';

export interface ServeOptions {
  /** The towns it takes updates from and describes: the built-in ones by default. */
  world?: World;
  dataDir: string;
  port: number;
  host: string;
  speed: number;
  seed?: string;
  readToken?: string;
  heartbeatMs?: number;
  /** Index and search the history (on unless turned off); how to embed, when not the built-in model. */
  search?: boolean;
  embeddings?: EmbedderConfig;
  /** A language model for POST /api/ask; without one the offline planner answers. */
  model?: ChatModelConfig;
  /** Begin an empty store in a world whose store is missing, instead of refusing to. */
  newStore?: boolean;
  log: (line: string) => void;
}

export interface Running {
  app: App;
  url: string;
  stop(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<Running> {
  mkdirSync(options.dataDir, { recursive: true });
  // What is open so far, closed in reverse if starting fails (a busy port, a damaged file), so a
  // failed start exits instead of living on in a background timer or indexer.
  const opened: (() => unknown)[] = [lockDataDir(options.dataDir, 'the aggregator')];
  const closeAll = async () => {
    for (const close of opened.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        options.log(`while stopping: ${(error as Error).message}`);
      }
    }
  };
  try {
    const worldFile = loadOrCreateWorld(options.dataDir, options.seed);
    const world = options.world ?? WORLD;
    const tokens = loadOrCreateTokens(options.dataDir, world.ids);
    const store = await openDataDirEventStore(options.dataDir, {
      newStore: options.newStore,
      facets: world.facetKeys,
    });
    opened.push(() => store.close());
    let lastEventId = await store.lastEventId();
    const bus = new LiveBus();
    bus.subscribe((events) => {
      lastEventId = events.at(-1)?.id ?? lastEventId;
    });
    const clock = new WorldClock(
      options.dataDir,
      options.speed,
      await store.latestWorldTime(),
      () => lastEventId,
      options.log,
    );
    const telemetry = new Telemetry();
    const ingest = new Ingest(store, bus, () => clock.now(), telemetry);
    const reports = await openResidentStore(residentStorePath(options.dataDir));
    opened.push(() => reports.close());
    const search =
      options.search === false
        ? undefined
        : SearchService.open(options.dataDir, store, {
            embedderConfig: options.embeddings,
            kinds: world.kinds,
            gist: (text) => world.gist(text),
            log: options.log,
            onIndexed: (n) => telemetry.searchIndexed.inc(n),
          });
    if (search) opened.push(() => search.close());
    const agent = new Agent({
      store,
      search,
      world,
      today: () => worldTimeOf(clock.now()).day,
      model: options.model,
    });
    const app = buildApp({
      reports,
      store,
      bus,
      ingest,
      world,
      worldFile,
      clock,
      tokens,
      telemetry,
      search,
      agent,
      readToken: options.readToken,
      heartbeatMs: options.heartbeatMs,
    });
    opened.push(() => app.close());
    await app.listen({ port: options.port, host: options.host });
    // Index only once listening: a start that fails leaves no indexer behind.
    if (search) {
      bus.subscribe(() => search.indexer.notify());
      telemetry.searchLagSource = () => search.indexer.lag();
      search.indexer.start();
    }
    clock.start();
    opened.push(() => clock.stop());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    const { day, hour } = worldTimeOf(clock.now());
    options.log(
      `Chronicle aggregator on ${url} · world ${worldFile.id} (seed ${worldFile.seed}) · day ${day}, ${formatHour(hour)} · speed ${options.speed}`,
    );
    return { app, url, stop: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** `chronicle serve`: the aggregator alone. */
import { Command, Option } from 'commander';
import { chatModelConfigFromEnv } from '../agent/chat-model.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { embedderConfigFromEnv } from '../search/embedder.ts';
import { serve } from '../server/serve.ts';
import { dataOption, parseCount, seedOption, speedOption, townsDirOption } from './options.ts';

interface ServeFlags {
  data: string;
  port: number;
  host: string;
  speed: number;
  seed?: string;
  readToken?: string;
  search: boolean;
  newStore?: boolean;
  townsDir?: string;
}

export const noSearchOption = () =>
  new Option('--no-search', 'do not index or search the history (saves the embedding model its CPU)');

export const newStoreOption = () =>
  new Option(
    '--new-store',
    "begin an empty history when this world's store (DATA/chronicle.db) is missing, instead of refusing to",
  );

export const portOption = () =>
  new Option('--port <port>', 'port to listen on').argParser(parseCount('--port', 0, 65535)).default(8080);

export async function runServe(flags: ServeFlags): Promise<void> {
  const running = await serve({
    world: await loadWorld(flags.townsDir),
    dataDir: flags.data,
    port: flags.port,
    host: flags.host,
    speed: flags.speed,
    seed: flags.seed,
    readToken: flags.readToken,
    search: flags.search,
    newStore: flags.newStore,
    embeddings: embedderConfigFromEnv(),
    model: chatModelConfigFromEnv(),
    log: (line) => console.log(line),
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      console.log('Aggregator stopping…');
      running.stop().then(resolve, (error) => {
        console.error(`error while stopping: ${(error as Error).message}`);
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('Aggregator stopped.');
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the aggregator alone: ingest, store, live stream and history API')
    .addOption(dataOption())
    .addOption(portOption())
    .addOption(
      new Option('--host <host>', 'interface to listen on (0.0.0.0 for every one)').default('127.0.0.1'),
    )
    .addOption(speedOption())
    .addOption(seedOption())
    .addOption(noSearchOption())
    .addOption(newStoreOption())
    .addOption(
      new Option('--read-token <token>', 'require this token for every read (default: reads are open)').env(
        'CHRONICLE_READ_TOKEN',
      ),
    )
    .addOption(townsDirOption())
    .action((flags: ServeFlags) => runServe(flags));
}

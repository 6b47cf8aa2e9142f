/**
 * `chronicle ask "<question>"`: asks a running aggregator (POST /api/ask), or with --data answers
 * from a stored history directly with the offline planner (and the model, when one is configured).
 */
import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Agent, type AskResponse, MAX_QUESTION_CHARS } from '../agent/agent.ts';
import { chatModelConfigFromEnv } from '../agent/chat-model.ts';
import { eventStorePath } from '../files/data-dir.ts';
import { lockDataDir } from '../files/lock.ts';
import { loadWorld } from '../files/towns-dir.ts';
import { savedWorldTime } from '../server/world-clock.ts';
import { openEventStore } from '../store/open.ts';
import { formatHour, worldTimeOf } from '../world/clock.ts';
import { WORLD } from '../world/map.ts';
import type { World } from '../world/world.ts';
import { requestAggregator } from './aggregator.ts';
import { oldReadTokenOption, parseUrl, readTokenOption, townsDirOption } from './options.ts';

interface AskFlags {
  townsDir?: string;
  url: string;
  data?: string;
  offline?: boolean;
  json?: boolean;
  readToken?: string;
  /** The old name of --read-token. */
  token?: string;
}

const SOURCES_SHOWN = 10;

function viaServer(question: string, flags: AskFlags): Promise<AskResponse> {
  return requestAggregator<AskResponse>(flags.url, '/api/ask', {
    method: 'POST',
    body: { question, mode: flags.offline ? 'offline' : 'auto' },
    token: flags.token || flags.readToken || undefined,
    timeoutMs: 120_000,
    verb: 'ask',
  });
}

async function inDataDir(
  world: World,
  question: string,
  dataDir: string,
  flags: AskFlags,
): Promise<AskResponse> {
  if (!existsSync(eventStorePath(dataDir))) throw new Error(`no history in ${dataDir}`);
  const unlock = lockDataDir(dataDir, 'chronicle ask');
  const store = await openEventStore(eventStorePath(dataDir), { facets: world.facetKeys });
  try {
    // The world stands where it stopped: today is the day its clock last reached.
    const t = Math.max(savedWorldTime(dataDir), await store.latestWorldTime());
    const agent = new Agent({
      store,
      world,
      today: () => worldTimeOf(t).day,
      model: chatModelConfigFromEnv(),
    });
    return await agent.ask(question, flags.offline ? 'offline' : 'auto');
  } finally {
    await store.close();
    unlock();
  }
}

export async function runAsk(question: string, flags: AskFlags): Promise<void> {
  const world = await loadWorld(flags.townsDir);
  const response = flags.data
    ? await inDataDir(world, question, flags.data, flags)
    : await viaServer(question, flags);
  if (flags.json) {
    console.log(JSON.stringify(response, null, 2));
    return;
  }
  if (response.warning) console.error(`note: ${response.warning}`);
  console.log(response.answer);
  if (response.citations.length === 0) return;
  console.log(
    `\nSources (${response.citations.length} events${response.citations.length > SOURCES_SHOWN ? `, the first ${SOURCES_SHOWN}` : ''}):`,
  );
  for (const e of response.events.slice(0, SOURCES_SHOWN)) {
    const town = world.has(e.town) ? world.rules(e.town).name : e.town;
    console.log(`  #${e.id}  day ${e.day} ${formatHour(e.hour)}  ${town} · ${e.kind}  ${e.text}`);
  }
}

export function askCommand(): Command {
  return new Command('ask')
    .description('ask a question about the history; the answer cites the events it rests on')
    .argument('<question>', `e.g. "What happened on day 12 in ${WORLD.towns.at(-1)?.name}?"`)
    .addOption(
      new Option('--url <url>', 'the aggregator to ask').argParser(parseUrl).default('http://127.0.0.1:8080'),
    )
    .addOption(
      new Option('--data <dir>', 'answer from this data directory directly instead (no aggregator running)'),
    )
    .addOption(
      new Option('--offline', 'answer with the offline planner even if a language model is configured'),
    )
    .addOption(new Option('--json', 'print the API response as JSON'))
    .addOption(readTokenOption())
    .addOption(oldReadTokenOption())
    .addOption(townsDirOption())
    .action((question: string, flags: AskFlags) => {
      if (question.trim() === '') throw new InvalidArgumentError('the question is empty');
      if (question.length > MAX_QUESTION_CHARS)
        throw new InvalidArgumentError(`the question is longer than ${MAX_QUESTION_CHARS} characters`);
      return runAsk(question, flags);
    });
}

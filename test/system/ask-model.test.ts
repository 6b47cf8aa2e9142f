/**
 * The language-model path of the agent against a local server that speaks OpenAI's chat
 * completions with tool calling (as Ollama, llama.cpp and OpenAI do): the request it sends, the
 * tools it runs for the model, and each way the model can fail (too slow, not JSON, the wrong
 * shape, an unknown tool, bad arguments, numbers no tool gave), after which the planner answers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from '../../src/agent/agent.ts';
import type { ChatModelConfig } from '../../src/agent/chat-model.ts';
import { eventStorePath } from '../../src/files/data-dir.ts';
import { simulateIntoStore } from '../../src/simulation/into-store.ts';
import { openEventStore } from '../../src/store/open.ts';
import type { EventStore } from '../../src/store/store.ts';
import { WORLD } from '../../src/world/map.ts';
import { type Body, startAggregator } from '../helpers/aggregator.ts';

interface ChatRequest {
  model: string;
  messages: { role: string; content: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
  tools: { type: string; function: { name: string; parameters: { properties: Record<string, unknown> } } }[];
  tool_choice: string;
}

/** What the fake model does with each request: reply with a message, or misbehave. */
type Turn = (request: ChatRequest, res: ServerResponse) => unknown;

let server: Server;
let url: string;
let turns: Turn[] = [];
const seen: { auth?: string; body: ChatRequest }[] = [];

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c)).on('end', () => resolve(data));
  });

const json = (res: ServerResponse, value: unknown) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));

/** A chat-completions reply carrying tool calls or a final answer. */
const reply =
  (message: { content?: string | null; tool_calls?: { name: string; arguments: string }[] }): Turn =>
  (_req, res) =>
    json(res, {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          finish_reason: message.tool_calls ? 'tool_calls' : 'stop',
          message: {
            role: 'assistant',
            content: message.content ?? null,
            ...(message.tool_calls
              ? {
                  tool_calls: message.tool_calls.map((c, i) => ({
                    id: `call_${i}`,
                    type: 'function',
                    function: c,
                  })),
                }
              : {}),
          },
        },
      ],
    });

const callAggregate = reply({
  tool_calls: [
    {
      name: 'aggregate',
      arguments: JSON.stringify({
        metric: 'fish',
        aggregate: 'sum',
        town: 'port-logic',
        from_day: 3,
        to_day: 3,
      }),
    },
  ],
});

/** The model's final answer, made from the last tool result it was sent. */
const answerFromTool: Turn = (request, res) => {
  const last = request.messages.at(-1);
  const result = JSON.parse(last?.content ?? '{}') as { value?: number };
  reply({ content: `Port Logic's fishers caught ${result.value} fish on day 3.` })(request, res);
};

let dataDir: string;
let store: EventStore;
/** Day 3's catch in Port Logic, added up from the stored events. */
let fishOnDay3 = 0;
let fishIds: number[] = [];

const config = (overrides: Partial<ChatModelConfig> = {}): ChatModelConfig => ({
  url,
  model: 'test-model',
  apiKey: 'secret-key',
  timeoutMs: 5000,
  maxRounds: 6,
  ...overrides,
});

const agent = (overrides: Partial<ChatModelConfig> = {}) =>
  new Agent({ store, world: WORLD, today: () => 10, model: config(overrides) });

before(async () => {
  server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(await read(req)) as ChatRequest;
    seen.push({ auth: req.headers.authorization, body });
    const turn = turns.shift();
    if (!turn) return res.writeHead(500).end('no turn scripted');
    await turn(body, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;

  dataDir = mkdtempSync(join(tmpdir(), 'chronicle-ask-model-'));
  await simulateIntoStore({ world: WORLD, dataDir, days: 10, seed: '7' });
  store = await openEventStore(eventStorePath(dataDir));
  const page = await store.events({ town: 'port-logic', kind: 'fishing', fromDay: 3, toDay: 3, limit: 1000 });
  fishOnDay3 = page.events.reduce((s, e) => s + Number(e.data.fish), 0);
  fishIds = page.events.filter((e) => Number(e.data.fish) !== 0).map((e) => e.id);
  assert.ok(fishOnDay3 > 0);
});

after(async () => {
  await store?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a model that answers with the tools', () => {
  test('calls a tool, gets its result, and answers with the exact number and its citations', async () => {
    seen.length = 0;
    turns = [callAggregate, answerFromTool];
    const r = await agent().ask('How many fish were caught in Port Logic on day 3?');
    assert.equal(r.answered_by, 'model', r.warning);
    assert.equal(r.answer, `Port Logic's fishers caught ${fishOnDay3} fish on day 3.`);
    assert.deepEqual(
      [...r.citations].sort((a, b) => a - b),
      fishIds,
    );
    assert.deepEqual(
      r.tool_calls?.map((c) => c.name),
      ['aggregate'],
    );
    // The request: the model, the key, the tools as JSON schemas, the question.
    const first = seen[0] as (typeof seen)[number];
    assert.equal(first.auth, 'Bearer secret-key');
    assert.equal(first.body.model, 'test-model');
    assert.equal(first.body.tool_choice, 'auto');
    const names = first.body.tools.map((t) => t.function.name);
    assert.deepEqual(names.sort(), [
      'aggregate',
      'day_summary',
      'list_events',
      'occurrences',
      'query',
      'search',
    ]);
    const query = first.body.tools.find((t) => t.function.name === 'query');
    assert.ok(
      JSON.stringify(query?.function.parameters).includes('"correlate"'),
      'the typed query, every op',
    );
    const aggregate = first.body.tools.find((t) => t.function.name === 'aggregate');
    assert.ok(aggregate?.function.parameters.properties.metric, 'the schema names its parameters');
    assert.equal(first.body.messages[0]?.role, 'system');
    assert.match(first.body.messages[0]?.content ?? '', /Today is day 10/);
    assert.equal(first.body.messages[1]?.content, 'How many fish were caught in Port Logic on day 3?');
    // The second request carries the tool's result under the call's id.
    const second = seen[1] as (typeof seen)[number];
    const toolMessage = second.body.messages.at(-1);
    assert.equal(toolMessage?.role, 'tool');
    assert.equal(toolMessage?.tool_call_id, 'call_0');
    assert.equal(JSON.parse(toolMessage?.content ?? '{}').value, fishOnDay3);
  });

  test('an unknown tool is reported back to the model, which then calls a real one', async () => {
    seen.length = 0;
    turns = [
      reply({ tool_calls: [{ name: 'drop_tables', arguments: '{}' }] }),
      callAggregate,
      answerFromTool,
    ];
    const r = await agent().ask('How many fish were caught in Port Logic on day 3?');
    assert.equal(r.answered_by, 'model', r.warning);
    assert.match(r.answer, new RegExp(`\\b${fishOnDay3}\\b`));
    const error = JSON.parse(seen[1]?.body.messages.at(-1)?.content ?? '{}');
    assert.match(error.error, /unknown tool "drop_tables"/);
    assert.match(r.tool_calls?.[0]?.error ?? '', /unknown tool/);
  });

  test('arguments that are not JSON, or break the schema, are reported back too', async () => {
    seen.length = 0;
    turns = [
      reply({ tool_calls: [{ name: 'aggregate', arguments: '{"metric": "fish", ' }] }),
      reply({
        tool_calls: [
          {
            name: 'aggregate',
            arguments: JSON.stringify({ metric: 'gold dust', aggregate: 'sum', from_day: 1, to_day: 3 }),
          },
        ],
      }),
      callAggregate,
      answerFromTool,
    ];
    const r = await agent().ask('How many fish were caught in Port Logic on day 3?');
    assert.equal(r.answered_by, 'model', r.warning);
    assert.match(JSON.parse(seen[1]?.body.messages.at(-1)?.content ?? '{}').error, /not JSON/);
    assert.match(
      JSON.parse(seen[2]?.body.messages.at(-1)?.content ?? '{}').error,
      /bad arguments for aggregate.*metric/s,
    );
  });
});

describe('when the model fails, the offline planner answers and says why', () => {
  const question = 'How many fish were caught in Port Logic on day 3?';
  const planner = async (a: Agent, why: RegExp) => {
    const r = await a.ask(question);
    assert.equal(r.answered_by, 'planner');
    assert.match(r.warning ?? '', why);
    assert.match(r.answer, new RegExp(`\\b${fishOnDay3}\\b`));
    assert.deepEqual(
      [...r.citations].sort((a, b) => a - b),
      fishIds,
    );
    return r;
  };

  test('too slow: the whole question is bounded by the timeout', async () => {
    turns = [
      async (_req, res) => {
        await sleep(3000);
        if (!res.destroyed) res.writeHead(500).end();
      },
    ];
    const r = await planner(agent({ timeoutMs: 300 }), /timed out/);
    assert.ok(r.took_ms < 2000, `answered in ${r.took_ms} ms`);
  });

  test('a reply that is not JSON', async () => {
    turns = [(_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [')];
    await planner(agent(), /not JSON/);
  });

  test('a reply that is JSON but not a chat completion', async () => {
    turns = [(_req, res) => json(res, { answer: 'forty-two' })];
    await planner(agent(), /not a chat completion/);
  });

  test('an error status', async () => {
    turns = [(_req, res) => res.writeHead(503).end('model is loading')];
    await planner(agent(), /503.*model is loading/);
  });

  test('no server at all', async () => {
    await planner(agent({ url: 'http://127.0.0.1:9/v1' }), /could not answer/);
  });

  test('a model that keeps calling an unknown tool runs out of rounds', async () => {
    turns = Array.from({ length: 3 }, () =>
      reply({ tool_calls: [{ name: 'drop_tables', arguments: '{}' }] }),
    );
    await planner(agent({ maxRounds: 3 }), /not answered after 3 rounds/);
  });

  test('an answer stating numbers no tool returned is not trusted', async () => {
    turns = [reply({ content: 'Port Logic caught 123456 fish on day 3.' })];
    await planner(agent(), /stated 123456, which no tool returned/);
  });

  test('an empty answer', async () => {
    turns = [reply({ content: '  ' })];
    await planner(agent(), /empty answer/);
  });
});

test('POST /api/ask through an aggregator configured with the model', async () => {
  const agg = await startAggregator({
    dataDir: mkdtempSync(join(tmpdir(), 'chronicle-ask-model-agg-')),
    model: config(),
  });
  try {
    const now = (await agg.get('/api/world')).body;
    assert.equal(now.events_total, 0);
    // An empty history needs no model: the planner says so.
    const empty = await fetch(`${agg.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'What happened today?' }),
    });
    const body: Body = await empty.json();
    assert.equal(empty.status, 200);
    assert.equal(body.answered_by, 'planner');
    assert.match(body.answer, /Nothing has been recorded yet/);
  } finally {
    await agg.stop();
  }
  const agg2 = await startAggregator({ dataDir, model: config() });
  try {
    await store.close();
    turns = [callAggregate, answerFromTool];
    const response = await fetch(`${agg2.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'How many fish were caught in Port Logic on day 3?' }),
    });
    const body: Body = await response.json();
    assert.equal(response.status, 200);
    assert.equal(body.answered_by, 'model', body.warning);
    assert.equal(body.answer, `Port Logic's fishers caught ${fishOnDay3} fish on day 3.`);
    assert.equal(body.events.length, Math.min(20, fishIds.length));
    // mode offline skips the model.
    const offline = await fetch(`${agg2.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        question: 'How many fish were caught in Port Logic on day 3?',
        mode: 'offline',
      }),
    });
    assert.equal(((await offline.json()) as Body).answered_by, 'planner');
  } finally {
    await agg2.stop();
    store = await openEventStore(eventStorePath(dataDir));
  }
});

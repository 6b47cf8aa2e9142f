/**
 * The OpenAI-compatible embeddings option, against a local server that speaks the protocol
 * (POST /v1/embeddings, as Ollama, llama.cpp and OpenAI do): the request it sends, the vectors it
 * keeps, each way the server can fail, and search through an aggregator configured to use it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEmbedder } from '../../src/search/embedder.ts';
import { anUpdate, startAggregator } from '../helpers/aggregator.ts';

const DIMS = 64;

/** A deterministic bag-of-words embedding: texts that share words point the same way. */
function embed(text: string): number[] {
  const v = new Array(DIMS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    let h = 0;
    for (const c of word) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    v[h % DIMS] += 1;
  }
  return v;
}

type Behaviour = 'ok' | 'error' | 'not-json' | 'wrong-shape' | 'wrong-dims' | 'slow' | 'missing';
let behaviour: Behaviour = 'ok';
const requests: { auth?: string; body: { model: string; input: string[] } }[] = [];
let server: Server;
let url: string;

const body = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c)).on('end', () => resolve(data));
  });

before(async () => {
  server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
      res.writeHead(404).end();
      return;
    }
    const parsed = JSON.parse(await body(req)) as { model: string; input: string[] };
    requests.push({ auth: req.headers.authorization, body: parsed });
    const data = parsed.input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) }));
    const json = (value: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    switch (behaviour) {
      case 'ok':
        return json({ object: 'list', model: parsed.model, data: data.reverse() }); // order is by index, not position
      case 'error':
        return res.writeHead(500).end('model not loaded');
      case 'not-json':
        return res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [');
      case 'wrong-shape':
        return json({ embeddings: data.map((d) => d.embedding) });
      case 'wrong-dims':
        return json({ data: data.map((d) => ({ ...d, embedding: d.embedding.slice(0, 10) })) });
      case 'missing':
        return json({ data: data.slice(1) });
      case 'slow':
        await sleep(2_000);
        return json({ data });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
});
after(() => server.close());

test('the request follows the protocol and the vectors come back in input order, unit length', async () => {
  behaviour = 'ok';
  const embedder = createEmbedder({ url, model: 'nomic-embed-text', apiKey: 'secret' });
  const vectors = await embedder.embed(['the pirates fixed their ship', 'ore from the mine', 'the pirates']);
  const last = requests.at(-1);
  assert.equal(last?.auth, 'Bearer secret');
  assert.equal(last?.body.model, 'nomic-embed-text');
  assert.deepEqual(last?.body.input, ['the pirates fixed their ship', 'ore from the mine', 'the pirates']);
  assert.equal(vectors.length, 3);
  for (const v of vectors) {
    assert.equal(v.length, DIMS);
    assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-5);
  }
  const sim = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
  const [ship, ore, pirates] = vectors as [Float32Array, Float32Array, Float32Array];
  assert.ok(sim(ship, pirates) > sim(ore, pirates), 'vectors were not kept in input order');
  assert.equal(embedder.id, 'openai:nomic-embed-text');
});

test('each way the server can fail is a clear error, never a vector', async () => {
  const embedder = createEmbedder({ url, model: 'm', timeoutMs: 300 });
  const cases: [Behaviour, RegExp][] = [
    ['error', /answered 500: model not loaded/],
    ['not-json', /not an embeddings list/],
    ['wrong-shape', /not an embeddings list/],
    ['missing', /no vector for input/],
    ['slow', /timed out/],
  ];
  for (const [b, message] of cases) {
    behaviour = b;
    await assert.rejects(embedder.embed(['a', 'b']), message, b);
  }
  behaviour = 'ok';
  await embedder.embed(['first call sets the width']);
  behaviour = 'wrong-dims';
  await assert.rejects(embedder.embed(['a']), /10 dimensions, expected 64/);
  assert.throws(() => createEmbedder({ url }), /needs a model name/);
  await assert.rejects(
    createEmbedder({ url: 'http://127.0.0.1:9/v1', model: 'm' }).embed(['a']),
    /embeddings endpoint/,
  );
});

test('an aggregator configured with the endpoint indexes with it, and says so when it fails', async () => {
  behaviour = 'ok';
  const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-embed-'));
  const lines: string[] = [];
  const agg = await startAggregator({
    dataDir,
    embeddings: { url, model: 'bag-of-words', timeoutMs: 500 },
    log: (line) => lines.push(line),
  });
  const get = async (path: string) =>
    (await agg.get(path)) as {
      status: number;
      body: Record<string, unknown> & { results: { text: string }[] };
    };
  const post = async (update: unknown) => (await agg.post(update)).status;
  try {
    const update = anUpdate('circuiton', { seq: 1 });
    update.events.push({ kind: 'omen', text: 'A dragon slept on the gold of the deep mine.', data: {} });
    assert.equal(await post(update), 200);
    let lag = 1;
    for (let i = 0; i < 100 && lag > 0; i++) {
      await sleep(50);
      lag = Number((await get('/api/search?q=dragon&mode=keyword')).body.index_lag);
    }
    assert.equal(lag, 0);
    assert.ok(
      requests.some((r) => r.body.model === 'bag-of-words'),
      'the endpoint was not used',
    );
    const found = await get('/api/search?q=dragon%20gold&mode=semantic&k=1');
    assert.equal(found.status, 200);
    assert.match(found.body.results[0]?.text ?? '', /dragon/);

    // The endpoint goes down: semantic search says so; hybrid answers with words and a warning;
    // new events wait (the lag shows them) and are indexed once it is back.
    behaviour = 'error';
    const semantic = await get('/api/search?q=a%20winged%20beast&mode=semantic');
    assert.equal(semantic.status, 503);
    assert.match(String(semantic.body.error), /semantic search is unavailable.*500/);
    const hybrid = await get('/api/search?q=dragon%20beast&mode=hybrid');
    assert.equal(hybrid.status, 200);
    assert.match(String(hybrid.body.warning), /keyword results/);
    assert.match(hybrid.body.results[0]?.text ?? '', /dragon/);
    const later = anUpdate('circuiton', { seq: 2 });
    later.events = [{ kind: 'omen', text: 'A griffin nested above the forge.', data: {} }];
    assert.equal(await post(later), 200);
    await sleep(300);
    assert.ok(Number((await get('/api/search?q=x&mode=keyword')).body.index_lag) > 0);
    assert.ok(
      lines.some((l) => /search indexer: .*500.*will retry/.test(l)),
      lines.join('\n'),
    );
    behaviour = 'ok';
    for (let i = 0; i < 100 && lag === 0; i++) {
      await sleep(100);
      lag = Number((await get('/api/search?q=x&mode=keyword')).body.index_lag);
    }
    for (let i = 0; i < 200 && lag > 0; i++) {
      await sleep(100);
      lag = Number((await get('/api/search?q=x&mode=keyword')).body.index_lag);
    }
    assert.equal(lag, 0, 'the indexer did not recover');
    const griffin = await get('/api/search?q=griffin&mode=semantic&k=1');
    assert.match(griffin.body.results[0]?.text ?? '', /griffin/);
  } finally {
    await agg.stop();
  }

  // Opened with another model, the index is rebuilt rather than mixed.
  const reopened = await startAggregator({
    dataDir,
    embeddings: { url, model: 'another-model' },
    log: (line) => lines.push(line),
  });
  await reopened.stop();
  assert.ok(lines.some((l) => /made with openai:bag-of-words, now openai:another-model: rebuilding/.test(l)));
});

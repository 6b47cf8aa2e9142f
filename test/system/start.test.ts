/** The main job as a new user runs it: `chronicle start`, then the history and the live stream over HTTP. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { StoredEvent } from '../../src/events/contracts.ts';
import { BIN, exited, freePort, start, waitFor } from '../helpers/cli.ts';
import { readStream } from '../helpers/sse.ts';

test('within 60 s of `chronicle start` the history holds all four towns and the stream shows new events', {
  timeout: 90_000,
}, async () => {
  const data = mkdtempSync(join(tmpdir(), 'chronicle-start-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const { child, lines } = start([BIN, 'start', '--data', data, '--port', String(port), '--speed', '10']);

  let towns = new Set<string>();
  await waitFor(
    () => lines.some((l) => l.text.includes('Chronicle aggregator on')),
    30_000,
    'the aggregator',
  );
  for (;;) {
    const page = await fetch(`${url}/api/events?limit=1000`).then(
      (r) => r.json() as Promise<{ events: StoredEvent[] }>,
    );
    towns = new Set(page.events.map((e) => e.town));
    if (towns.size === 4 || Date.now() - started > 60_000) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(towns.size, 4, `after 60 s only ${[...towns].join(', ')}`);

  const viewer = await fetch(url);
  assert.equal(viewer.status, 200);
  assert.match(await viewer.text(), /<title>Chronicle/);

  const stream = await readStream(`${url}/api/stream`);
  await waitFor(() => stream.events.length >= 3, 20_000, 'new events on the stream');
  stream.close();
  assert.ok(stream.ids.every((id, i) => i === 0 || id > (stream.ids[i - 1] as number)));

  child.kill('SIGINT');
  assert.equal(await exited(child), 0);
  assert.ok(
    lines.some((l) => l.text.includes('Aggregator stopped.')),
    'the aggregator stopped cleanly',
  );
});

test('`chronicle start` on a port another server holds says so and stops, sending no town to it', {
  timeout: 60_000,
}, async () => {
  const data = mkdtempSync(join(tmpdir(), 'chronicle-start-busy-'));
  const squatter = createServer((_req, res) => res.end('{"id":"someone else"}'));
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const { port } = squatter.address() as { port: number };
  try {
    const { child, lines } = start([BIN, 'start', '--data', data, '--port', String(port)]);
    assert.equal(await exited(child), 1);
    const text = lines.map((l) => l.text).join('\n');
    assert.match(text, /EADDRINUSE/);
    assert.doesNotMatch(text, /wakes up/, 'no town was started');
  } finally {
    squatter.close();
  }
});

/** GET /api/stream: live events with their sequence numbers, resumable without gap or repeat. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { anUpdate, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { waitFor } from '../helpers/cli.ts';
import { readStream } from '../helpers/sse.ts';

let agg: TestAggregator;
before(async () => {
  agg = await startAggregator({ heartbeatMs: 200 });
});
after(() => agg.stop());

describe('the live stream', () => {
  test('new events arrive with id = their global sequence number, and heartbeats keep it open', async () => {
    const stream = await readStream(`${agg.url}/api/stream`);
    const posted = await agg.post([anUpdate(), anUpdate()]);
    await waitFor(() => stream.events.length === 4, 5000, 'four events');
    assert.deepEqual(
      stream.ids,
      stream.events.map((e) => e.id),
    );
    assert.equal(stream.ids.at(-1), posted.body.last_event_id);
    await waitFor(() => stream.comments >= 2, 5000, 'two heartbeats');
    stream.close();
  });

  test('a client that reconnects with Last-Event-ID receives exactly the events it missed, in order', async () => {
    const first = await readStream(`${agg.url}/api/stream`);
    await agg.post(anUpdate());
    await waitFor(() => first.events.length === 2, 5000, 'the first events');
    const lastSeen = first.ids.at(-1) as number;
    first.close();
    await first.closed;

    // While it is away, more happens.
    const missed = [anUpdate(), anUpdate('den-of-thieves'), anUpdate()];
    await agg.post([missed[0], missed[2]]);
    await agg.post(missed[1], { token: agg.tokens['den-of-thieves'] });
    const stored = (await agg.history()).events.filter((e) => e.id > lastSeen);
    assert.equal(stored.length, 6);

    const resumed = await readStream(`${agg.url}/api/stream`, { 'last-event-id': String(lastSeen) });
    await waitFor(() => resumed.events.length >= 6, 5000, 'the missed events');
    await agg.post(anUpdate());
    await waitFor(() => resumed.events.length === 8, 5000, 'the next live events');
    resumed.close();
    const ids = resumed.ids;
    assert.deepEqual(
      ids.slice(0, 6),
      stored.map((e) => e.id).sort((a, b) => a - b),
    );
    assert.deepEqual(
      ids,
      [...new Set(ids)].sort((a, b) => a - b),
      'no repeat, in order',
    );
    assert.equal(ids[6], (ids[5] as number) + 1, 'no gap between catch-up and live');
  });

  test('?after= resumes the same way, and ?town= filters', async () => {
    const den = await readStream(`${agg.url}/api/stream?town=den-of-thieves&after=0`);
    await agg.post(anUpdate('den-of-thieves'), { token: agg.tokens['den-of-thieves'] });
    await agg.post(anUpdate('circuiton'));
    const all = (await agg.history()).events.filter((e) => e.town === 'den-of-thieves');
    await waitFor(() => den.events.length === all.length, 5000, 'every Den event');
    den.close();
    assert.ok(den.events.every((e) => e.town === 'den-of-thieves'));
    assert.deepEqual(
      den.ids,
      all.map((e) => e.id).sort((a, b) => a - b),
    );
  });

  test('a bad town or cursor is refused with 400', async () => {
    assert.equal((await fetch(`${agg.url}/api/stream?town=atlantis`)).status, 400);
    assert.equal((await fetch(`${agg.url}/api/stream?after=-1`)).status, 400);
  });

  test('a client that does not read is cut off; the others keep receiving', async () => {
    const reader = await readStream(`${agg.url}/api/stream`);
    // A client that sends the request and never reads the response.
    const { port } = new URL(agg.url);
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.write('GET /api/stream HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n');
    stalled.pause();
    let stalledClosed = false;
    stalled.on('close', () => (stalledClosed = true));
    stalled.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 200));

    // About 16 MB of events: more than the kernel's socket buffers and the 1 MiB allowance can hold.
    const big = (n: number) =>
      anUpdate('circuiton', {
        events: Array.from({ length: 100 }, (_, i) => ({
          kind: 'mining',
          text: `${'ore '.repeat(70)}${n}-${i}`,
          data: { ore_tons: 1 },
        })),
      });
    let sent = 0;
    for (let n = 0; n < 50; n++) {
      const r = await agg.post(Array.from({ length: 10 }, (_, i) => big(n * 10 + i)));
      sent += r.body.events;
    }
    await waitFor(() => reader.events.length >= sent, 30_000, 'the reading client to get every event');
    assert.equal(new Set(reader.ids).size, sent);
    const metrics = await (await fetch(`${agg.url}/metrics`)).text();
    assert.match(metrics, /chronicle_stream_dropped_total [1-9]/);
    assert.match(metrics, /chronicle_stream_clients 1\n/, 'only the reading client is still connected');
    // Once it reads again, the stalled client finds its connection closed by the server.
    stalled.on('data', () => undefined).resume();
    await waitFor(() => stalledClosed, 10_000, 'the stalled client to see its connection closed');
    reader.close();
  });
});

/**
 * POST /api/updates against a real aggregator: every hostile or malformed request is refused with
 * a 4xx and a clear message and changes nothing; good batches are stored once, atomically, in any
 * of the accepted shapes.
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { anUpdate, type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';

let agg: TestAggregator;
before(async () => {
  agg = await startAggregator();
  // Some history to protect.
  const seeded = await agg.post([anUpdate(), anUpdate(), anUpdate()]);
  assert.equal(seeded.status, 200);
});
after(() => agg.stop());

const event = { kind: 'mining', text: 'Mined some ore.', data: { ore_tons: 1 } };
const base = () => ({ ...anUpdate() }) as Record<string, unknown>;

/** Each: a name, how to send it, the status and the words its error must contain. */
const HOSTILE: [string, () => Promise<{ status: number; body: Body }>, number, RegExp][] = [
  ['broken JSON', () => agg.post(null, { raw: '{"id": "x", "town": ' }), 400, /JSON/i],
  [
    'not JSON at all',
    () => agg.post(null, { raw: 'hello', contentType: 'text/plain' }),
    415,
    /content-type/i,
  ],
  ['a bare number', () => agg.post(42), 400, /must be a JSON object/],
  ['an empty batch', () => agg.post([]), 400, /batch is empty/],
  ['no events', () => agg.post({ ...base(), events: [] }), 400, /events: at least one event/],
  ['seq as a string', () => agg.post({ ...base(), seq: '5' }), 400, /seq/],
  ['negative seq', () => agg.post({ ...base(), seq: -3 }), 400, /seq/],
  ['day as a word', () => agg.post({ ...base(), day: 'twelve' }), 400, /day/],
  ['day 0', () => agg.post({ ...base(), day: 0 }), 400, /day/],
  ['a fractional day', () => agg.post({ ...base(), day: 1.5 }), 400, /day/],
  ['hour 24', () => agg.post({ ...base(), hour: 24 }), 400, /hour/],
  ['an unknown town', () => agg.post({ ...base(), town: 'atlantis' }), 400, /unknown town "atlantis"/],
  [
    'a timestamp that is no time',
    () => agg.post({ ...base(), ts: 'yesterday' }),
    400,
    /ts: an ISO 8601 instant/,
  ],
  ['an id with spaces', () => agg.post({ ...base(), id: 'my update' }), 400, /id: printable ASCII/],
  ['an id of 300 characters', () => agg.post({ ...base(), id: 'x'.repeat(300) }), 400, /id/],
  [
    'a huge text',
    () => agg.post({ ...base(), events: [{ ...event, text: 'a'.repeat(3000) }] }),
    400,
    /at most 2000 characters/,
  ],
  [
    'too many events',
    () => agg.post({ ...base(), events: Array(201).fill(event) }),
    400,
    /at most 200 events/,
  ],
  [
    'too many updates',
    () => agg.post(Array.from({ length: 1001 }, () => base())),
    400,
    /at most 1000 updates/,
  ],
  [
    'a huge body',
    () => agg.post(null, { raw: JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }) }),
    413,
    /too large/i,
  ],
  [
    'a NUL in the text',
    () => agg.post({ ...base(), events: [{ ...event, text: 'ore\u0000ore' }] }),
    400,
    /control characters/,
  ],
  [
    'terminal escapes in an actor',
    () => agg.post({ ...base(), events: [{ ...event, actor: '\u001b[31mEvil' }] }),
    400,
    /control characters/,
  ],
  [
    'a line separator in data',
    () => agg.post({ ...base(), events: [{ ...event, data: { note: 'a\u2028b' } }] }),
    400,
    /control characters/,
  ],
  ['an unknown field', () => agg.post({ ...base(), admin: true }), 400, /admin/],
  ['an unknown event field', () => agg.post({ ...base(), events: [{ ...event, html: '<b>' }] }), 400, /html/],
  [
    'a nested object in data',
    () => agg.post({ ...base(), events: [{ ...event, data: { fish: { n: 1 } } }] }),
    400,
    /data/,
  ],
  [
    'a data key that is not a name',
    () => agg.post({ ...base(), events: [{ ...event, data: { 'Fish Count': 1 } }] }),
    400,
    /lower_snake_case/,
  ],
  [
    'a kind that is not a word',
    () => agg.post({ ...base(), events: [{ ...event, kind: 'Mining!' }] }),
    400,
    /kind/,
  ],
  [
    'a __proto__ key',
    () => agg.post(null, { raw: `{"__proto__": {"admin": true}, "id": "p", "town": "circuiton"}` }),
    400,
    /forbidden prototype property/,
  ],
  [
    'a plain update of an unknown town',
    () => agg.post({ town: 'Atlantis', timestamp: '2024-01-01 12:00:00', events: ['x'] }),
    400,
    /unknown town/,
  ],
  [
    'broken JSON lines',
    () => agg.post(null, { raw: '{"a":1}\n{broken', contentType: 'application/x-ndjson' }),
    400,
    /JSON lines/,
  ],
];

describe('hostile and malformed requests', () => {
  for (const [name, send, status, message] of HOSTILE) {
    test(`${name}: ${status}, a clear message, and the store unchanged`, async () => {
      const before = await agg.history();
      const response = await send();
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(typeof response.body.error, 'string');
      assert.match(response.body.error, message);
      const after = await agg.history();
      assert.equal(after.events.length, before.events.length);
      assert.equal(after.checksum, before.checksum);
    });
  }

  test('a batch with one bad item is refused whole, naming the item and why', async () => {
    const before = await agg.history();
    const batch = [anUpdate(), anUpdate(), { ...anUpdate(), hour: -1 }, anUpdate()];
    const response = await agg.post(batch);
    assert.equal(response.status, 400);
    assert.equal(response.body.index, 2);
    assert.match(response.body.error, /^update 2: hour/);
    assert.equal((await agg.history()).checksum, before.checksum);
  });
});

describe('authorisation', () => {
  test('no token is 401; an unknown token is 401; another town’s token is 403', async () => {
    const before = await agg.history();
    assert.equal((await agg.post(anUpdate(), { token: null })).status, 401);
    assert.equal((await agg.post(anUpdate(), { token: 'not-a-real-token-at-all' })).status, 401);
    const foreign = await agg.post(anUpdate('circuiton'), { token: agg.tokens.patchbourough });
    assert.equal(foreign.status, 403);
    assert.match(foreign.body.error, /the token of patchbourough may not write updates of circuiton/);
    assert.equal((await agg.history()).checksum, before.checksum);
  });

  test('the token file is private to its owner (mode 0600) and holds one token per town', () => {
    assert.equal(statSync(join(agg.dataDir, 'tokens.json')).mode & 0o777, 0o600);
    assert.deepEqual(Object.keys(agg.tokens).sort(), [
      'circuiton',
      'den-of-thieves',
      'patchbourough',
      'port-logic',
    ]);
  });

  test('with a read token, reading needs it; health does not', async () => {
    const guarded = await startAggregator({ readToken: 'reader-secret-123' });
    try {
      const open = await fetch(`${guarded.url}/api/events`);
      assert.equal(open.status, 401);
      assert.equal((await fetch(`${guarded.url}/api/events?token=reader-secret-123`)).status, 200);
      assert.equal((await guarded.get('/api/world')).status, 200);
      assert.equal((await fetch(`${guarded.url}/healthz`)).status, 200);
    } finally {
      await guarded.stop();
    }
  });
});

describe('storing', () => {
  test('a repeated update id is acknowledged and not stored twice; other content under it is a conflict', async () => {
    const update = anUpdate();
    const first = await agg.post(update);
    assert.deepEqual([first.status, first.body.stored, first.body.duplicates], [200, 1, 0]);
    const before = await agg.history();
    const again = await agg.post([update, update]);
    assert.deepEqual([again.status, again.body.stored, again.body.duplicates], [200, 0, 2]);
    const changed = await agg.post({ ...update, events: [{ ...event, text: 'Something else.' }] });
    assert.equal(changed.status, 409);
    assert.match(changed.body.error, /already stored with other content/);
    assert.equal((await agg.history()).checksum, before.checksum);
  });

  test('every event gets the next global sequence number, and history returns it as the API promises', async () => {
    const update = anUpdate();
    const response = await agg.post(update);
    const { events } = await agg.history();
    const mine = events.filter((e) => e.update_id === update.id);
    assert.equal(mine.length, 2);
    assert.equal(mine[1]?.id, response.body.last_event_id);
    assert.equal((mine[0]?.id ?? 0) + 1, mine[1]?.id);
    assert.deepEqual(Object.keys(mine[0] ?? {}).sort(), [
      'actor',
      'data',
      'day',
      'hour',
      'id',
      'kind',
      'text',
      'town',
      'town_seq',
      'ts',
      'update_id',
    ]);
    assert.equal(mine[0]?.town_seq, update.seq);
  });

  test('the seeds’ plain shape is accepted, with numbers read from its sentences', async () => {
    const plain = {
      town: 'Port Logic',
      timestamp: '2024-01-01 12:00:00',
      in_world_day: 11.5,
      events: ['Fisherman caught 200 fish.', 'Temperature: 14.2°C, Barometric Pressure: 1003.1 hPa.'],
    };
    const response = await agg.post(plain, { token: agg.tokens['port-logic'] });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const { events } = await agg.history();
    const fish = events.find((e) => e.text === 'Fisherman caught 200 fish.');
    assert.deepEqual(
      [fish?.town, fish?.day, fish?.hour, fish?.kind, fish?.data.fish],
      ['port-logic', 12, 12, 'fishing', 200],
    );
    assert.equal(events.find((e) => e.text.startsWith('Temperature'))?.data.pressure_hpa, 1003.1);
    assert.equal((await agg.post(plain, { token: agg.tokens['port-logic'] })).body.duplicates, 1);
  });

  test('what Fluent Bit and Vector send when they tail a town’s JSON-lines log is accepted', async () => {
    const token = agg.tokens['den-of-thieves'];
    const a = anUpdate('den-of-thieves');
    const b = anUpdate('den-of-thieves');
    const c = anUpdate('den-of-thieves');
    // Fluent Bit http output, format json: the line unparsed under `log`, or parsed beside `date`.
    const fluent = await agg.post(
      [
        { date: 1763920800.123, log: JSON.stringify(a) },
        { date: 1763920801.5, ...b },
      ],
      { token },
    );
    assert.equal(fluent.status, 200, JSON.stringify(fluent.body));
    assert.equal(fluent.body.stored, 2);
    // Vector http sink, newline-delimited JSON: the line under `message`.
    const vector = await agg.post(null, {
      token,
      contentType: 'application/x-ndjson',
      raw: `${JSON.stringify({ message: JSON.stringify(c), file: 'data/towns/den-of-thieves/updates.jsonl', host: 'h', source_type: 'file', timestamp: '2026-11-23T18:00:00Z' })}\n`,
    });
    assert.equal(vector.status, 200, JSON.stringify(vector.body));
    assert.equal(vector.body.stored, 1);
    // Older Fluent Bits send json_lines as application/json.
    const lines = [anUpdate('den-of-thieves'), anUpdate('den-of-thieves')].map((u) =>
      JSON.stringify({ date: 1, ...u }),
    );
    const older = await agg.post(null, { token, raw: `${lines.join('\n')}\n` });
    assert.equal(older.status, 200, JSON.stringify(older.body));
    assert.equal(older.body.stored, 2);
  });

  test('a gap in a town’s sequence is shown in /api/world', async () => {
    const first = anUpdate('patchbourough', { seq: 1 });
    const fourth = anUpdate('patchbourough', { seq: 4 });
    await agg.post([first, fourth], { token: agg.tokens.patchbourough });
    const world = await agg.get('/api/world');
    assert.deepEqual(world.body.sequence_gaps.patchbourough, [[2, 3]]);
    assert.deepEqual(world.body.towns.find((t: { id: string }) => t.id === 'patchbourough').gaps, [[2, 3]]);
  });
});

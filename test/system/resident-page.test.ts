/**
 * GET /api/residents/:id: a resident's page, built from the catalogue, the stream and the
 * residents' store of a stored run (a week of 27 residents), checked against that store itself.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ResidentPage } from '../../src/events/contracts.ts';
import { residentStorePath } from '../../src/files/data-dir.ts';
import { openResidentStore } from '../../src/store/open.ts';
import type { ResidentStore } from '../../src/store/residents.ts';
import { startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { BIN, run } from '../helpers/cli.ts';

describe('GET /api/residents/:id', () => {
  let dir: string;
  let agg: TestAggregator;
  let store: ResidentStore;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'chronicle-resident-page-'));
    for (const args of [
      ['world', 'init', '--data', dir],
      ['world', 'run', '--data', dir, '--days', '5', '--seed', '5'],
    ]) {
      const r = await run([BIN, ...args]);
      assert.equal(r.code, 0, r.stderr);
    }
    agg = await startAggregator({ dataDir: dir, readToken: 'let-me-read', seed: '5' });
    store = await openResidentStore(residentStorePath(dir));
  });
  after(async () => {
    await store?.close();
    await agg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('is everything the store and the stream hold of the resident', async () => {
    const everyone = (await agg.get('/api/residents')).body;
    const config = await store.config();
    const talker = (await store.conversations({})).at(-1)?.participants[0] as string;
    const r = await agg.get(`/api/residents/${encodeURIComponent(talker)}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const page: ResidentPage = r.body;
    const def = config?.residents.find((x) => x.name === talker);
    assert.ok(def);
    assert.deepEqual(
      { name: page.name, job: page.job, persona: page.persona, town: page.town, home: page.home.id },
      { name: def.name, job: def.job, persona: def.persona, town: def.town, home: def.home },
    );
    assert.equal(page.home.name, config?.locations.find((l) => l.id === def.home)?.name);
    // Where they are is what GET /api/residents says.
    assert.deepEqual(
      page.now,
      everyone.residents.find((x: { name: string }) => x.name === talker),
    );
    // The latest conversations, newest first, each one they took part in.
    const theirs = await store.conversations({ resident: talker });
    assert.ok(theirs.length > 0);
    assert.deepEqual(
      page.conversations.map((c) => `${c.day} ${c.hour} ${c.id}`),
      theirs
        .slice(-20)
        .reverse()
        .map((c) => `${c.day} ${c.hour} ${c.id}`),
    );
    // The warmest ties, warmest first, each with the latest talks of the pair.
    const ties = await store.relationshipsOf(talker);
    assert.deepEqual(
      page.relationships.strongest.map((t) => [t.name, t.score]),
      ties
        .filter((t) => t.score > 0)
        .slice(0, 3)
        .map((t) => [t.other, t.score]),
    );
    assert.deepEqual(
      page.relationships.strained.map((t) => [t.name, t.score]),
      ties
        .filter((t) => t.score < 0)
        .reverse()
        .slice(0, 3)
        .map((t) => [t.other, t.score]),
    );
    for (const tie of [...page.relationships.strongest, ...page.relationships.strained])
      for (const c of tie.talks)
        assert.ok(c.participants.includes(talker) && c.participants.includes(tie.name));
    // Memories and reflections, newest first.
    const memories = await store.memories(talker, {
      last: 12,
      kinds: ['observation', 'conversation', 'plan', 'task'],
    });
    assert.deepEqual(
      page.memories.map((m) => m.text),
      memories.reverse().map((m) => m.text),
    );
    assert.ok(page.reflections.every((m) => m.kind === 'reflection'));
    // The agenda of the last day stored (the world has moved on past it).
    const agenda = await store.agenda(talker, 1_000);
    assert.equal(page.agenda?.day, agenda?.day);
    assert.equal(page.agenda?.slots.length, agenda?.slots.length);
    assert.ok(page.agenda?.slots.every((s) => s.location.id && s.activity));
  });

  test('an unknown resident is a 404 naming them; an overlong id or an unknown parameter is refused', async () => {
    const r = await agg.get('/api/residents/Nobody%20Atall');
    assert.equal(r.status, 404);
    assert.match(r.body.error, /no resident "Nobody Atall"/);
    assert.equal((await agg.get(`/api/residents/${'x'.repeat(81)}`)).status, 400);
    assert.equal((await agg.get('/api/residents/John?day=3')).status, 400);
  });

  test('needs the read token, as the other resident routes do', async () => {
    const response = await fetch(`${agg.url}/api/residents/John`);
    assert.equal(response.status, 401);
    assert.equal((await agg.get('/api/residents/John')).status, 200);
  });
});

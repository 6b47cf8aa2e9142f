/**
 * Asking about the residents: where someone is now, whom they talked to and how two stand, over
 * a data directory the residents lived two days in (`world init`, `world run`), each answer
 * checked against their own events in the store.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../src/agent/agent.ts';
import { eventStorePath } from '../../src/files/data-dir.ts';
import { openEventStore } from '../../src/store/open.ts';
import type { EventStore, StoredEvent } from '../../src/store/store.ts';
import { WORLD } from '../../src/world/map.ts';
import { BIN, run } from '../helpers/cli.ts';

let store: EventStore;
let agent: Agent;
let chats: StoredEvent[] = [];
let moves: StoredEvent[] = [];

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ask-residents-'));
  for (const args of [
    ['world', 'init', '--data', dir],
    ['world', 'run', '--data', dir, '--days', '2', '--seed', '4'],
  ]) {
    const r = await run([BIN, ...args], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.stderr);
  }
  store = await openEventStore(eventStorePath(dir));
  chats = (await store.events({ kind: 'chat', limit: 10_000 })).events;
  moves = [
    ...(await store.events({ kind: 'move', limit: 10_000 })).events,
    ...(await store.events({ kind: 'travel', limit: 10_000 })).events,
  ].sort((a, b) => a.id - b.id);
  agent = new Agent({ store, world: WORLD, today: () => 2 });
});
after(() => store?.close());

describe('asking about the residents', () => {
  test('where someone is now: their latest move, cited', async () => {
    const last = moves.at(-1) as StoredEvent;
    const who = last.actor as string;
    const latest = moves.filter((m) => m.actor === who).at(-1) as StoredEvent;
    const reply = await agent.ask(`Where is ${who} now?`, 'offline');
    assert.equal(reply.understood?.form, 'residents', reply.answer);
    assert.deepEqual(reply.citations, [latest.id]);
    assert.match(reply.answer, new RegExp(`since day ${latest.day}`));
  });

  test('whom someone talked to: every partner of their chats, with how many times', async () => {
    const talker = chats[0]?.actor as string;
    const partners = new Map<string, number>();
    for (const c of chats.filter((c) => c.actor === talker))
      partners.set(String(c.data.with), (partners.get(String(c.data.with)) ?? 0) + 1);
    const reply = await agent.ask(`Who did ${talker} talk to?`, 'offline');
    assert.equal(reply.understood?.form, 'residents', reply.answer);
    for (const [partner, n] of partners)
      assert.ok(
        reply.answer.includes(`${partner} (${n} ${n === 1 ? 'time' : 'times'})`),
        `${partner} in: ${reply.answer}`,
      );
    assert.equal(
      reply.citations.length,
      [...partners.values()].reduce((a, b) => a + b, 0),
    );
  });

  test('how two stand: the score after their latest talk', async () => {
    const chat = chats.at(-1) as StoredEvent;
    const [a, b] = [chat.actor as string, String(chat.data.with)];
    const last = chats.filter((c) => c.actor === a && c.data.with === b).at(-1) as StoredEvent;
    const reply = await agent.ask(`How do ${a} and ${b} get along?`, 'offline');
    assert.equal(reply.understood?.form, 'residents', reply.answer);
    assert.deepEqual(reply.citations, [last.id]);
    assert.ok(reply.answer.includes((last.data.score as number).toFixed(2)), reply.answer);
  });
});

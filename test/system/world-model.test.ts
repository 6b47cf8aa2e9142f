/**
 * Conversations written by a language model, against a local server speaking OpenAI's
 * POST /v1/chat/completions: what is sent, how many at once, and what happens when it fails.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { residentStorePath } from '../../src/files/data-dir.ts';
import { openResidentStore } from '../../src/store/open.ts';
import { BIN, run } from '../helpers/cli.ts';

interface Seen {
  auth?: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    tools?: unknown;
    tool_choice?: unknown;
  };
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.setEncoding('utf8').on('data', (d) => (data += d));
    req.on('end', () => resolve(data));
  });

describe('world run with a language model for the words', () => {
  let server: Server;
  let url: string;
  const seen: Seen[] = [];
  let inFlight = 0;
  let most = 0;
  let reply: (brief: { people: { name: string }[] }, n: number) => string = () => '';

  before(async () => {
    server = createServer(async (req, res) => {
      const body = JSON.parse(await read(req)) as Seen['body'];
      seen.push({ auth: req.headers.authorization, body });
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 60));
      inFlight--;
      const brief = JSON.parse(body.messages[1]?.content ?? '{}');
      const content = reply(brief, seen.length);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;
    Object.assign(process.env, {
      CHRONICLE_LLM_URL: url,
      CHRONICLE_LLM_MODEL: 'test-model',
      CHRONICLE_LLM_KEY: 'secret-key',
    });
  });
  after(() => server.close());

  /** `chronicle world run` of one day of 20 residents into `dir`. */
  const worldRun = (dir: string, ...more: string[]) =>
    run([BIN, 'world', 'run', '--data', dir, '--days', '1', '--agents', '20', ...more]);

  const transcripts = async (dir: string) => {
    const store = await openResidentStore(residentStorePath(dir));
    try {
      return await store.conversations({ day: 1 });
    } finally {
      await store.close();
    }
  };

  test('the model writes each conversation’s lines, at most --max-concurrent-chats at once', async () => {
    reply = (brief) =>
      JSON.stringify({ lines: brief.people.map((p) => `${p.name}: a line by the model for ${p.name}.`) });
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-world-model-'));
    try {
      const r = await worldRun(dir, '--seed', '3', '--max-concurrent-chats', '3');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /Conversations are written by test-model/);
      const talks = await transcripts(dir);
      assert.ok(talks.length >= 3, `${talks.length} conversations`);
      assert.equal(seen.length, talks.length);
      for (const c of talks)
        assert.deepEqual(
          c.transcript,
          c.participants.map((p) => `${p}: a line by the model for ${p}.`),
        );
      assert.ok(most <= 3 && most >= 2, `${most} requests at once`);
      for (const s of seen) {
        assert.equal(s.auth, 'Bearer secret-key');
        assert.equal(s.body.model, 'test-model');
        assert.equal(s.body.tools, undefined);
        assert.equal(s.body.tool_choice, undefined);
        const brief = JSON.parse(s.body.messages[1]?.content ?? '{}');
        assert.ok(
          brief.people.every((p: { persona?: string }) => p.persona),
          'personas are sent',
        );
        assert.match(brief.outcome, /friendly|quarrel/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a reply that is not the asked JSON leaves the offline words, and says so; --offline never calls', async () => {
    seen.length = 0;
    reply = (brief, n) =>
      n % 2 === 0
        ? 'Sure! Here is a dialogue.'
        : JSON.stringify({ lines: [`${brief.people[0]?.name}: only one line`] });
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-world-model-'));
    try {
      const r = await worldRun(dir, '--seed', '3');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Day 1: \d+ of \d+ conversations keep their offline words \(.*(not JSON|lines)/);
      for (const c of await transcripts(dir)) {
        assert.ok(c.transcript.length >= 3, 'offline lines');
        assert.ok(!c.transcript.some((l) => l.includes('only one line')));
      }
      seen.length = 0;
      const offline = await worldRun(dir, '--offline');
      assert.equal(offline.code, 0, offline.stderr);
      assert.equal(seen.length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

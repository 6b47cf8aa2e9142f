/**
 * A world builder's town, run from a copy of examples/towns/<folder> through `--towns-dir`, with
 * nothing in Chronicle naming it: everything this test knows of it (its id, name, metrics) it
 * reads from the folder's own declaration. The real `chronicle` command simulates it, serves it,
 * searches it and answers questions about it, and the viewer draws it.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { phraseOf } from '../../src/search/phrase.ts';
import type { AnyTownRules, MetricDef } from '../../src/world/town.ts';
import type { Body } from '../helpers/aggregator.ts';
import { browserMissing, launch } from '../helpers/browser.ts';
import { BIN, exited, ROOT, run, start, waitFor as waitForLine } from '../helpers/cli.ts';
import { freePort } from '../helpers/ports.ts';

const EXAMPLE = join(ROOT, 'examples', 'towns');
const FOLDER = readdirSync(EXAMPLE)[0] as string;

/** A copy of the example, away from the repository, as a world builder would keep it. */
const townsDir = mkdtempSync(join(tmpdir(), 'chronicle-towns-'));
cpSync(join(EXAMPLE, FOLDER), join(townsDir, FOLDER), { recursive: true });
const town = (await import(pathToFileURL(join(townsDir, FOLDER, 'index.ts')).href)).default as AnyTownRules;
const metrics: MetricDef[] = [...town.kinds.flatMap((k) => k.metrics ?? []), ...(town.readings ?? [])];
const kindOf = new Map(town.kinds.flatMap((k) => (k.metrics ?? []).map((m) => [m.key, k.kind] as const)));
const main = metrics.find((m) => m.main) as MetricDef;

interface Update {
  town: string;
  day: number;
  events: { kind: string; text: string; data: Record<string, number | string> }[];
}

describe(`a town added with --towns-dir (${FOLDER})`, () => {
  test('simulate gives it events, every declared number inside its declared range', async () => {
    const out = join(townsDir, 'week.jsonl');
    const r = await run([
      BIN,
      'simulate',
      '--towns-dir',
      townsDir,
      '--days',
      '14',
      '--seed',
      '3',
      '--out',
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const updates = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Update);
    const mine = updates.filter((u) => u.town === town.id);
    // About every 30 s at speed 1: some ten updates a day.
    assert.ok(mine.length >= 8 * 14, `only ${mine.length} updates of ${town.id} in 14 days`);
    const seen = new Map<string, number>();
    for (const u of mine) {
      for (const e of u.events) {
        for (const m of metrics) {
          const value = e.data[m.key];
          if (value === undefined) continue;
          assert.equal(typeof value, 'number', `${m.key} in ${e.text}`);
          const [lo, hi] = m.range;
          assert.ok(
            (value as number) >= lo && (value as number) <= hi,
            `${m.key} = ${value} outside [${lo}, ${hi}]`,
          );
          seen.set(m.key, (seen.get(m.key) ?? 0) + 1);
        }
      }
    }
    for (const m of metrics)
      assert.ok((seen.get(m.key) ?? 0) > 10, `${m.key} was reported ${seen.get(m.key) ?? 0} times`);
    // It trades along its route: another town hears of its goods arriving.
    assert.ok(
      updates.some(
        (u) => u.town !== town.id && u.events.some((e) => e.kind === 'arrival' && e.data.from === town.id),
      ),
      'none of its shipments arrived anywhere',
    );
  });

  test('an unknown field in a town folder is refused, naming the file and the field', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'chronicle-towns-broken-'));
    cpSync(join(EXAMPLE, FOLDER), join(broken, FOLDER), { recursive: true });
    const events = join(broken, FOLDER, 'events.ts');
    writeFileSync(events, readFileSync(events, 'utf8').replace("measure: 'output'", "measure: 'sometimes'"));
    const r = await run([BIN, 'simulate', '--towns-dir', broken, '--days', '1', '--out', '-']);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      new RegExp(`${join(broken, FOLDER, 'index.ts').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    assert.match(r.stderr, /kinds\[\d\]\.metrics\[\d\]\.measure/);
  });

  describe('served', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-towns-data-'));
    let url = '';
    let stop: () => Promise<void> = async () => undefined;

    before(async () => {
      const sim = await run(
        [BIN, 'simulate', '--towns-dir', townsDir, '--data', dataDir, '--days', '3', '--seed', '5'],
        { timeoutMs: 120_000 },
      );
      assert.equal(sim.code, 0, sim.stderr);
      const port = await freePort();
      const server = start([
        BIN,
        'serve',
        '--towns-dir',
        townsDir,
        '--data',
        dataDir,
        '--port',
        String(port),
      ]);
      await waitForLine(
        () => server.lines.some((l) => l.text.includes('aggregator on')),
        120_000,
        'the aggregator',
      );
      url = `http://127.0.0.1:${port}`;
      stop = async () => {
        server.child.kill('SIGTERM');
        await exited(server.child);
      };
    });
    after(() => stop());

    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: (await response.json()) as Body };
    };

    test('/api/world lists five towns, this one with its declared metrics', async () => {
      const { body } = await get('/api/world');
      assert.equal(body.towns.length, 5);
      const described = body.towns.find((t: { id: string }) => t.id === town.id);
      assert.equal(described.name, town.name);
      for (const m of metrics) {
        const served = described.metrics.find((x: { key: string }) => x.key === m.key);
        assert.ok(served, `${m.key} is not in /api/world`);
        assert.equal(served.unit, m.unit);
        assert.equal(served.label, m.label);
      }
    });

    test('/api/metrics serves its main metric, day by day', async () => {
      const { status, body } = await get(`/api/metrics?metric=${main.key}&town=${town.id}&aggregate=sum`);
      assert.equal(status, 200);
      assert.ok(body.points.length >= 2, JSON.stringify(body));
      assert.ok(body.points.every((p: { town: string }) => p.town === town.id));
    });

    test('search finds its events', async () => {
      const kind = kindOf.get(main.key) as string;
      const { body: events } = await get(`/api/events?town=${town.id}&kind=${kind}&limit=1`);
      const sample = events.events[0];
      assert.ok(sample, 'no events of its main job');
      const words = sample.text.split(/\s+/).slice(0, 8).join(' ');
      const found = await waitFor(async () => {
        const { status, body } = await get(`/api/search?q=${encodeURIComponent(words)}&town=${town.id}`);
        return status === 200 && body.results.length > 0 ? body : undefined;
      });
      assert.ok(found.results.every((r: { town: string }) => r.town === town.id));
      // Results spread over phrases, each phrase giving its newest events: the sample's phrase is found.
      assert.ok(
        found.results.some((r: { text: string }) => phraseOf(r.text) === phraseOf(sample.text)),
        'the event searched for is not found',
      );
    });

    test(`ask answers what happened there on day 2, and a sum of its main metric, with citations`, async () => {
      const happened = await ask(`What happened in ${town.name} on day 2?`);
      assert.ok(happened.citations.length > 0, happened.answer);
      assert.ok(
        happened.events.every((e) => e.town === town.id && e.day === 2),
        happened.answer,
      );

      const { body } = await get(
        `/api/metrics?metric=${main.key}&town=${town.id}&aggregate=sum&from_day=2&to_day=2`,
      );
      const total = body.points[0].value as number;
      const sum = await ask(`How many ${main.label} in ${town.name} on day 2?`);
      assert.match(sum.answer, new RegExp(`\\b${total}\\b`), sum.answer);
      assert.ok(sum.citations.length > 0);
    });

    test('the viewer shows a fifth marker and its chart series', async (t) => {
      const missing = browserMissing();
      if (missing) return t.skip(missing);
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
        // Evaluated in the page (as text: this file is type-checked without the DOM's types).
        const shown = (await page.evaluate(`({
          markers: document.querySelectorAll('.town-label').length,
          mine: [...document.querySelectorAll('.town-label')].map((l) => l.dataset.town),
          series: [...document.querySelectorAll('.chart-legend li')].map((li) => li.textContent ?? ''),
        })`)) as { markers: number; mine: string[]; series: string[] };
        assert.equal(shown.markers, 5);
        assert.ok(shown.mine.includes(town.id), JSON.stringify(shown.mine));
        assert.ok(
          shown.series.some((s) => s.includes(town.name) && s.includes(main.label)),
          `no chart line of ${town.name}'s ${main.label}: ${JSON.stringify(shown.series)}`,
        );
      } finally {
        await browser.close();
      }
    });

    async function ask(question: string) {
      const response = await fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question, mode: 'offline' }),
      });
      assert.equal(response.status, 200);
      return (await response.json()) as {
        answer: string;
        citations: number[];
        events: { town: string; day: number }[];
      };
    }
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

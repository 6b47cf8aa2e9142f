/**
 * The map viewer end to end: the aggregator serving the built viewer over a simulated week, and a
 * real Chromium. Screenshots go to test-output/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { WorldResponse } from '../../src/events/contracts.ts';
import { anUpdate, type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { browserMissing, launch } from '../helpers/browser.ts';
import { BIN, ROOT, run } from '../helpers/cli.ts';

/** "#2f7ed8" as the browser computes it: "rgb(47, 126, 216)". */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

const skip = browserMissing();
/** Sequence numbers far past the simulated week's, so posted updates never collide with it. */
let seq = 900_000;
const SHOTS = join(ROOT, 'test-output');

describe('the map viewer', { skip }, () => {
  let agg: TestAggregator;
  let browser: Browser;
  let page: Page;

  before(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-viewer-'));
    // The towns' core alone: the residents' panel starts from everyone at home, and follows the
    // moves the test posts (simulate's residents are tested in test/system/simulate-cli.test.ts).
    const r = await run([BIN, 'simulate', '--days', '7', '--seed', '7', '--data', dataDir, '--no-residents']);
    assert.equal(r.code, 0, r.stderr);
    agg = await startAggregator({ dataDir, search: true });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`the page threw: ${error.message}`));
    await page.goto(agg.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await agg?.stop();
  });

  test('loads with a marker for each town of /api/world, their names and news', async () => {
    const world = (await agg.get('/api/world')).body;
    assert.equal(world.towns.length, 4);
    assert.equal(await page.locator('.town-icon').count(), world.towns.length);
    for (const town of world.towns) {
      await page.locator(`.town-label[data-town="${town.id}"] strong`, { hasText: town.name }).waitFor();
    }
    assert.ok((await page.locator('#feed .row').count()) > 5, 'the feed shows recent events');
    await page.screenshot({ path: join(SHOTS, 'viewer-loaded.png') });
  });

  test('the markers, the legends and the charts’ lines are the towns and charts /api/world describes, in their colours', async () => {
    const world: WorldResponse = (await agg.get('/api/world')).body;
    const colourOf = new Map(world.towns.map((t) => [t.id, rgb(t.colour)]));
    const nameOf = new Map(world.towns.map((t) => [t.id, t.name]));
    // Evaluated in the page (as text: this file is type-checked without the DOM's types).
    const shown = (await page.evaluate(`({
      dots: [...document.querySelectorAll('.town-icon .dot')].map((d) => ({
        town: d.dataset.town, colour: getComputedStyle(d).backgroundColor })),
      legend: [...document.querySelectorAll('#legend span')].map((s) => ({
        town: s.dataset.town, name: s.textContent, colour: getComputedStyle(s, '::before').backgroundColor })),
      charts: [...document.querySelectorAll('.charts figure')].map((f) => ({
        id: f.dataset.chart, series: Number(f.dataset.series), canvases: f.querySelectorAll('canvas').length,
        title: f.querySelector('figcaption').textContent,
        keys: [...f.querySelectorAll('.chart-legend li')].map((li) => ({
          town: li.dataset.town, metric: li.dataset.metric, text: li.textContent,
          colour: getComputedStyle(li, '::before').backgroundColor })) })),
    })`)) as {
      dots: { town: string; colour: string }[];
      legend: { town: string; name: string; colour: string }[];
      charts: {
        id: string;
        series: number;
        canvases: number;
        title: string;
        keys: { town: string; metric: string; text: string; colour: string }[];
      }[];
    };
    assert.deepEqual(
      shown.dots,
      world.towns.map((t) => ({ town: t.id, colour: rgb(t.colour) })),
    );
    assert.deepEqual(
      shown.legend,
      world.towns.map((t) => ({ town: t.id, name: t.name, colour: rgb(t.colour) })),
    );
    assert.deepEqual(
      shown.charts,
      world.charts.map((c) => ({
        id: c.id,
        series: c.series.length,
        canvases: 1,
        title: c.title,
        keys: c.series.map((s) => ({
          town: s.town,
          metric: s.metric,
          text: `${nameOf.get(s.town)}: ${s.label} (${s.unit}${s.scale === 1 ? '' : ` ×${s.scale}`})`,
          colour: colourOf.get(s.town),
        })),
      })),
    );
    // The production chart draws each town's own product, at its declared scale.
    const production = shown.charts.find((c) => c.id === 'production');
    assert.equal(production?.series, world.towns.length);
    assert.ok(production?.keys.some((k) => k.text === 'Circuiton: ore mined (tons ×100)'));
  });

  test('an update posted to the API appears in the feed and its marker’s headline within 2 s', async () => {
    const text = `John produced 7 small metal trinkets (test ${Date.now()}).`;
    const update = anUpdate('circuiton', {
      seq: ++seq,
      events: [{ kind: 'apprenticeship', actor: 'John', text, data: { trinkets: 7 } }],
    });
    const started = Date.now();
    assert.equal((await agg.post(update)).status, 200);
    await page.locator('#feed .row .text', { hasText: text }).first().waitFor({ timeout: 2000 });
    await page
      .locator('.town-label[data-town="circuiton"] .headline', { hasText: text })
      .waitFor({ timeout: 2000 });
    assert.ok(Date.now() - started < 2000);
    await page.screenshot({ path: join(SHOTS, 'viewer-live-update.png') });
  });

  test('moving the slider to day 3 shows the events of day 3', async () => {
    await page.locator('#day-slider').fill('3');
    await page.locator('#day-label', { hasText: '3' }).waitFor();
    const expected = (await agg.get('/api/events?from_day=3&to_day=3&limit=1000')).body.events.length;
    await page
      .locator('#feed-count', { hasText: `${expected.toLocaleString('en-US')} events` })
      .waitFor({ timeout: 5000 });
    const days = await page.locator('#feed .row .when').allTextContents();
    assert.ok(days.length > 0);
    assert.ok(
      days.every((d) => d.startsWith('day 3 ')),
      days.join(', '),
    );
    assert.equal(await page.locator('#live').getAttribute('aria-pressed'), 'false');
    await page.screenshot({ path: join(SHOTS, 'viewer-day-3.png') });
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
  });

  test('clicking a town opens that day’s highlights and totals', async () => {
    await page.locator('#day-slider').fill('4');
    await page.locator('#day-label', { hasText: '4' }).waitFor();
    await page.locator('.leaflet-marker-icon[title="Circuiton"]').click();
    const popup = page.locator('.day-popup');
    await popup.waitFor({ timeout: 5000 });
    assert.match((await popup.locator('h3').textContent()) ?? '', /Circuiton, day 4/);
    const summary = (await agg.get('/api/days/4')).body.towns.circuiton;
    const totals = await popup.locator('ul').last().locator('li').allTextContents();
    assert.ok(totals.includes(`ore tons: ${summary.totals.ore_tons}`), totals.join(', '));
    await page.keyboard.press('Escape');
  });

  test('play replays the day’s events in order, hour by hour', async () => {
    await page.locator('#day-slider').fill('2');
    await page.locator('#day-label', { hasText: '2' }).waitFor();
    // At 1× the day takes 24 s: a pause clicked on a loaded machine still lands within day 2 (at
    // 4× it took 6 s, and a browser stalled for seconds let the replay run on into day 3).
    await page.locator('#replay-speed').selectOption('1');
    await page.locator('#play').click();
    // The button turns to pause once the replay runs, with the feed emptied: the day's rows that
    // the slider showed before must not count as replayed.
    await page.locator('#play[aria-label="Pause the history"]').waitFor({ timeout: 15_000 });
    await page
      .locator('#feed .row .when', { hasText: /^day 2 (0[3-9]|1\d):/ })
      .first()
      .waitFor({ timeout: 15_000 });
    // On a loaded machine the replay's first frames may still be drawing: wait for the rows too.
    await page.waitForFunction("document.querySelectorAll('#feed .row .when').length > 3", null, {
      timeout: 15_000,
    });
    await page.locator('#play').click(); // pause
    await page.locator('#play[aria-label="Play the history"]').waitFor();
    const times = await page.locator('#feed .row .when').allTextContents();
    assert.ok(times.length > 3);
    assert.ok(
      times.every((t) => t.startsWith('day 2 ')),
      times.join(' / '),
    );
    // Newest first: the hours only go down the list.
    const hours = times.map((t) => t.slice(6));
    assert.deepEqual(hours, [...hours].sort().reverse());
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
  });

  test('a second click while the day loads pauses instead of starting a second replay', async () => {
    await page.locator('#day-slider').fill('2');
    await page.locator('#day-label', { hasText: '2' }).waitFor();
    await page.locator('#replay-speed').selectOption('1');
    // Two clicks in one task, so the second lands while the first is still loading the day.
    await page.evaluate("const play = document.getElementById('play'); play.click(); play.click();");
    // Stopped before it ran, the feed keeps the whole day; a replay at 1× would take 20 s to reach
    // the evening.
    await page
      .locator('#feed .row .when', { hasText: /^day 2 2\d:/ })
      .first()
      .waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#play').getAttribute('aria-label'), 'Play the history');
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
  });

  test('a search shows results that lead to the event', async () => {
    for (let lag = 1; lag > 0; await new Promise((r) => setTimeout(r, 100))) {
      lag = (await agg.get('/api/search?q=x&mode=keyword')).body.index_lag;
    }
    const expected = (await agg.get('/api/search?q=pirates%20fixed%20their%20ship&k=20&mode=hybrid')).body
      .results;
    assert.match(expected[0].text, /repaired their ship/);
    await page.locator('#search').fill('pirates fixed their ship');
    await page.locator('#search-form button').click();
    await page.locator('#answers:not([hidden]) .result').first().waitFor({ timeout: 5000 });
    const results = await page.locator('#answers .result').allTextContents();
    // The API's hybrid results, in its order.
    assert.equal(results.length, expected.length);
    results.forEach((r, i) => {
      assert.ok(r.includes(expected[i].text), `${i}: ${r}`);
    });
    await page.locator('#answers .result').first().click();
    await page.locator('#feed .row.highlighted').waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(SHOTS, 'viewer-search.png') });
    // The result took the view to its day; back to live for what follows.
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
  });

  test('the ask box shows the answer and the events it cites', async () => {
    const question = 'How many fish were caught in Port Logic on day 3?';
    const response = await fetch(`${agg.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    const expected: Body = await response.json();
    assert.match(expected.answer, /fish/);
    assert.ok(expected.events.length > 0);
    await page.locator('#ask').fill(question);
    await page.locator('#ask-form button').click();
    await page.locator('#answers:not([hidden]) .answer').waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#answers .answer').textContent(), expected.answer);
    const cited = await page.locator('#answers .result').allTextContents();
    assert.equal(cited.length, expected.events.length);
    cited.forEach((text, i) => {
      assert.ok(text.includes(expected.events[i].text), `${i}: ${text}`);
    });
    await page.screenshot({ path: join(SHOTS, 'viewer-ask.png') });
  });

  test('an event whose text is an HTML and script payload is shown as text, runs nothing and adds no element', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
    // Evaluated in the page (as text: this file is type-checked without the DOM's types).
    const count = `({ img: document.querySelectorAll('img').length, b: document.querySelectorAll('b').length,
      scripts: document.querySelectorAll('#feed script, .town-label script').length, pwned: window.__pwned })`;
    const before = await page.evaluate(count);
    const update = anUpdate('circuiton', {
      seq: ++seq,
      events: [{ kind: 'apprenticeship', actor: 'John', text: payload, data: { trinkets: 1 } }],
    });
    assert.equal((await agg.post(update)).status, 200);
    await page.locator('#feed .row .text', { hasText: '<img src=x' }).first().waitFor({ timeout: 2000 });
    await page
      .locator('.town-label[data-town="circuiton"] .headline', { hasText: '<script>' })
      .waitFor({ timeout: 2000 });
    await page.waitForTimeout(300);
    const after = await page.evaluate(count);
    assert.deepEqual(after, before, 'no element was added and nothing ran');
    assert.deepEqual(after, { ...(after as object), pwned: undefined, scripts: 0 });
    await page.screenshot({ path: join(SHOTS, 'viewer-payload-as-text.png') });
  });

  test('shows who is where, and follows residents as they move and set off', async () => {
    const circuiton = page.locator('#residents li[data-town="circuiton"]');
    // A week of towns without resident moves: everyone is at home.
    await circuiton.filter({ hasText: 'John at home' }).waitFor();
    assert.match((await circuiton.textContent()) ?? '', /^Circuiton \(7\)/);
    const moved = anUpdate('circuiton', {
      seq: ++seq,
      events: [
        {
          kind: 'move',
          actor: 'John',
          text: 'John went to Gear Plaza.',
          data: { from: 'circuiton/home-john', to: 'circuiton/plaza', location: 'circuiton/plaza' },
        },
        {
          kind: 'travel',
          actor: 'Ida Pike',
          text: 'Ida Pike set off from Circuiton for PatchBourough by mountain road, 5 hours on the way.',
          data: { from: 'circuiton', to: 'patchbourough', by: 'mountain road', hours: 5, stage: 'set off' },
        },
      ],
    });
    assert.equal((await agg.post(moved)).status, 200);
    await circuiton.filter({ hasText: 'John at Gear Plaza' }).waitFor({ timeout: 2000 });
    await page
      .locator('#residents li[data-town="road"]', { hasText: 'Ida Pike → PatchBourough by mountain road' })
      .waitFor();
    assert.match((await circuiton.textContent()) ?? '', /^Circuiton \(6\)/);
    await page
      .locator('.town-label[data-town="circuiton"] .people', { hasText: '6 residents here' })
      .waitFor();
    // A reload asks the aggregator, which has them where the stream left them.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await circuiton.filter({ hasText: 'John at Gear Plaza' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'viewer-residents.png') });
  });
});

if (skip) test(`the map viewer: skipped, ${skip}`, { skip });

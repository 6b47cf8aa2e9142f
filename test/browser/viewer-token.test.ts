/**
 * The map viewer against an aggregator read with a token (`serve --read-token`), in a real
 * Chromium: the token from the address's fragment, the prompt on a 401, and the page under the
 * aggregator's Content-Security-Policy without a single violation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { anUpdate, type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { browserMissing, launch } from '../helpers/browser.ts';
import { BIN, run } from '../helpers/cli.ts';

const skip = browserMissing();
/** Characters a URL must encode, so that the fragment, the header and the stream's query are tested. */
const TOKEN = 'viewer+read/token&=7';
/** Sequence numbers far past the simulated days', so posted updates never collide with them. */
let seq = 900_000;
/** A loaded two-core machine: generous deadlines, never fixed waits. */
const LOAD = 30_000;

/** Evaluated in the page (as text: this file is type-checked without the DOM's types). */
const WATCH_CSP = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI,
      source: e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber, sample: e.sample });
  });`;

interface Watched {
  page: Page;
  context: BrowserContext;
  /** The page's uncaught errors, and console errors that name the Content Security Policy. */
  errors: string[];
  violations(): Promise<unknown[]>;
}

describe('the viewer with a read token', { skip }, () => {
  let agg: TestAggregator;
  let browser: Browser;
  const opened: BrowserContext[] = [];

  before(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-viewer-token-'));
    const r = await run([BIN, 'simulate', '--days', '2', '--seed', '7', '--data', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    agg = await startAggregator({ dataDir, search: true, readToken: TOKEN });
    browser = await launch();
  });
  after(async () => {
    for (const context of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await agg?.stop();
  });

  /** A fresh tab of its own (its own sessionStorage) that records CSP violations from the start. */
  async function open(): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    opened.push(context);
    await context.addInitScript(WATCH_CSP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`the page threw: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        errors.push(`console: ${message.text()}`);
    });
    return {
      page,
      context,
      errors,
      violations: async () => (await page.evaluate('window.__violations')) as unknown[],
    };
  }

  async function ready(page: Page): Promise<void> {
    await page.waitForSelector('body[data-ready="true"]', { timeout: LOAD });
  }

  async function postLive(page: Page, text: string): Promise<void> {
    const update = anUpdate('circuiton', {
      seq: ++seq,
      events: [{ kind: 'apprenticeship', actor: 'John', text, data: { trinkets: 3 } }],
    });
    assert.equal((await agg.post(update)).status, 200);
    await page.locator('#feed .row .text', { hasText: text }).first().waitFor({ timeout: LOAD });
  }

  test('/#token=T shows the world, takes the token out of the address, keeps it for the tab and follows the stream', async () => {
    const { page, errors, violations } = await open();
    await page.goto(`${agg.url}/#token=${encodeURIComponent(TOKEN)}`);
    await ready(page);
    assert.ok((await page.locator('#feed .row').count()) > 5, 'the feed shows the recent history');
    const world = (await agg.get('/api/world')).body;
    assert.equal(await page.locator('.town-icon').count(), world.towns.length);
    assert.equal(page.url(), `${agg.url}/`, 'the token is no longer in the address bar');
    assert.equal(await page.evaluate('location.hash'), '');
    assert.equal(await page.evaluate(`sessionStorage.getItem('chronicle.read-token')`), TOKEN);
    assert.equal(await page.evaluate('localStorage.length'), 0, 'nothing is kept beyond the tab');
    assert.equal(await page.locator('#token-dialog').isVisible(), false, 'no prompt');

    // The stream, which can take the token only in its query, delivers live events.
    await postLive(page, `John polished 3 trinkets behind the token (${Date.now()}).`);

    // A reload finds the token in the tab's storage.
    await page.reload();
    await ready(page);
    await postLive(page, `John polished 3 more trinkets after a reload (${Date.now()}).`);
    assert.deepEqual(errors, []);
    assert.deepEqual(await violations(), []);
  });

  test('/ without the token asks for it; a wrong one is refused and asked again; the right one loads the world', async () => {
    const { page, errors, violations } = await open();
    await page.goto(agg.url);
    const dialog = page.getByRole('dialog', { name: 'The read token, please' });
    await dialog.waitFor({ timeout: LOAD });
    const input = dialog.getByLabel('Read token');
    assert.equal(await input.getAttribute('type'), 'password');
    // The server's reason, as text.
    await dialog.getByText('reading needs the read token').waitFor();
    assert.equal(await page.evaluate(`document.body.dataset.ready ?? null`), null);

    await input.fill('not-the-token');
    await dialog.getByRole('button', { name: 'Open the world' }).click();
    await dialog.getByText('was refused').waitFor({ timeout: LOAD });
    assert.equal(await page.evaluate(`document.body.dataset.ready ?? null`), null);

    // Typed and submitted with the keyboard alone.
    await input.fill(TOKEN);
    await input.press('Enter');
    await ready(page);
    assert.equal(await dialog.isVisible(), false);
    assert.ok((await page.locator('#feed .row').count()) > 5, 'the feed shows the recent history');
    assert.equal(await page.evaluate(`sessionStorage.getItem('chronicle.read-token')`), TOKEN);
    assert.equal(page.url(), `${agg.url}/`);
    await postLive(page, `John polished 3 trinkets after the prompt (${Date.now()}).`);
    assert.deepEqual(errors, []);
    assert.deepEqual(await violations(), []);
  });

  test('under the CSP, loading, the charts, live trade and raids, a town’s day, a search and an ask violate nothing', async () => {
    const { page, errors, violations } = await open();
    await page.goto(`${agg.url}/#token=${encodeURIComponent(TOKEN)}`);
    await ready(page);
    await page.locator('.town-label strong', { hasText: 'Den of Thieves' }).waitFor();
    await page.locator('.charts canvas').first().waitFor();
    // One chart for each that /api/world describes.
    const world = (await agg.get('/api/world')).body;
    assert.equal(await page.locator('.charts canvas').count(), world.charts.length);

    // Goods and a raid on the road: Leaflet draws and moves them.
    const moving = anUpdate('den-of-thieves', {
      seq: ++seq,
      events: [
        {
          kind: 'trade',
          actor: 'Mother Grog',
          text: `Mother Grog sent 2 barrels of rum to Port Logic under the CSP (${Date.now()}).`,
          data: { from: 'den-of-thieves', to: 'port-logic', goods: 'rum', quantity: 2 },
        },
        {
          kind: 'raid',
          actor: 'Captain Mara Blackwater',
          text: `Captain Mara Blackwater raided a caravan under the CSP (${Date.now()}).`,
          data: { raid_gold: 40, loot_gold: 40, target: 'circuiton', from: 'circuiton', to: 'patchbourough' },
        },
      ],
    });
    assert.equal((await agg.post(moving, { token: agg.tokens['den-of-thieves'] })).status, 200);
    await page.locator('path.cargo').first().waitFor({ state: 'attached', timeout: LOAD });
    await page.locator('path.raid').first().waitFor({ state: 'attached', timeout: LOAD });
    await page.locator('.leaflet-marker-icon[title="Circuiton"]').click();
    await page.locator('.day-popup').waitFor({ timeout: LOAD });
    await page.keyboard.press('Escape');

    // A search, once the index has reached every event.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { body } = await agg.get('/api/search?q=x&mode=keyword');
      if (body.index_lag === 0) break;
      assert.ok(Date.now() < deadline, `the index still lags ${body.index_lag} events`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.locator('#search').fill('pirates robbed a shipment');
    await page.locator('#search-form button').click();
    await page.locator('#answers:not([hidden]) .result').first().waitFor({ timeout: LOAD });
    await page.locator('#answers .result').first().click();
    await page.locator('#feed .row.highlighted').waitFor({ timeout: LOAD });

    // An ask: POSTed with the token too.
    const question = 'How many fish were caught in Port Logic on day 1?';
    const response = await fetch(`${agg.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ question }),
    });
    const expected: Body = await response.json();
    assert.equal(response.status, 200, JSON.stringify(expected));
    await page.locator('#ask').fill(question);
    await page.locator('#ask-form button').click();
    await page
      .locator('#answers:not([hidden]) .answer', { hasText: expected.answer })
      .waitFor({ timeout: LOAD });

    const seen = await violations();
    assert.deepEqual(seen, [], `Content-Security-Policy violations:\n${JSON.stringify(seen, null, 2)}`);
    assert.deepEqual(errors, []);
  });
});

if (skip) test(`the viewer with a read token: skipped, ${skip}`, { skip });

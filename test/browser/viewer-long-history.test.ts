/**
 * The viewer on a long history, in a real Chromium: a resident's page opened from "Who is where",
 * the feed's rows with four-digit days, and the charts' window following the time control.
 *
 * The history: 700 days of the towns (days 6601–7300) and then two days of the residents (7301
 * and 7302, a stored `world run`), so the days are those of a 20-year world. Its first 6,600 days
 * are left out: 20 whole years (7,300 days, about a million events) take about a minute to build
 * on a 2-core machine, while what is checked here — the widths of four-digit days, and a window
 * of days far narrower than the history — needs only a history far longer than the window.
 * Screenshots go to test-output/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ResidentPage, Whereabouts } from '../../src/events/contracts.ts';
import { clockPath } from '../../src/files/data-dir.ts';
import { formatHour } from '../../src/world/clock.ts';
import { anUpdate, type Body, startAggregator, type TestAggregator } from '../helpers/aggregator.ts';
import { browserMissing, launch } from '../helpers/browser.ts';
import { BIN, ROOT, run } from '../helpers/cli.ts';

const skip = browserMissing();
const SHOTS = join(ROOT, 'test-output');
/** The towns' history starts after this many days. */
const FROM_DAY = 6600;
const TOWN_DAYS = 700;
/** As web/src/charts.ts WINDOW_DAYS. */
const WINDOW_DAYS = 60;

/** The days each chart shows, as it says them (data-x-min, data-x-max). */
async function chartWindows(page: Page): Promise<{ chart: string; min: number; max: number }[]> {
  return (await page.evaluate(`[...document.querySelectorAll('.charts figure')].map((f) => ({
    chart: f.dataset.chart, min: Number(f.dataset.xMin), max: Number(f.dataset.xMax) }))`)) as {
    chart: string;
    min: number;
    max: number;
  }[];
}

/** Until every chart shows days that satisfy `ok`. */
async function untilCharts(
  page: Page,
  ok: (w: { min: number; max: number }) => boolean,
  what: string,
): Promise<{ chart: string; min: number; max: number }[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const windows = await chartWindows(page);
    if (windows.length > 0 && windows.every(ok)) return windows;
    if (Date.now() > deadline) assert.fail(`${what}: ${JSON.stringify(windows)}`);
    await page.waitForTimeout(50);
  }
}

describe('the viewer on a long history', { skip }, () => {
  let dataDir: string;
  let agg: TestAggregator;
  let browser: Browser;
  let page: Page;
  let built: number;

  before(async () => {
    const started = Date.now();
    dataDir = mkdtempSync(join(tmpdir(), 'chronicle-long-'));
    const init = await run([BIN, 'world', 'init', '--data', dataDir]);
    assert.equal(init.code, 0, init.stderr);
    // The world's clock stands at the end of day 6600: the towns carry on from there.
    writeFileSync(clockPath(dataDir), `${JSON.stringify({ t: FROM_DAY, last_event_id: 0 })}\n`);
    for (const args of [
      ['simulate', '--days', String(TOWN_DAYS), '--seed', '7', '--data', dataDir],
      ['world', 'run', '--days', '2', '--data', dataDir],
    ]) {
      const r = await run([BIN, ...args], { timeoutMs: 120_000 });
      assert.equal(r.code, 0, r.stderr);
    }
    built = Date.now() - started;
    agg = await startAggregator({ dataDir, seed: '7' });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => assert.fail(`the page threw: ${error.message}`));
    await page.goto(agg.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await agg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the history is that of a 20-year world: days in the thousands', async () => {
    const world = (await agg.get('/api/world')).body;
    assert.ok(world.day > FROM_DAY + TOWN_DAYS, `day ${world.day}`);
    assert.equal((await agg.get(`/api/events?from_day=${FROM_DAY + 1}&to_day=${FROM_DAY + 1}`)).status, 200);
    assert.ok(built < 120_000, `built in ${built} ms`);
    // Once loaded, the charts show the latest days, not every day since the first.
    await untilCharts(
      page,
      (w) => w.max >= FROM_DAY + TOWN_DAYS && w.max - w.min === WINDOW_DAYS,
      'the latest days on opening',
    );
  });

  test('a resident’s page opens from “Who is where”, and shows what the API and the stream say', async () => {
    const name = await page
      .locator('#residents li[data-town="circuiton"] button.person')
      .first()
      .textContent();
    assert.ok(name);
    await page
      .locator('#residents li[data-town="circuiton"] button.person', { hasText: name })
      .first()
      .click();
    const view = page.locator(`#resident[data-resident="${name}"][aria-busy="false"]`);
    await view.waitFor({ timeout: 10_000 });
    const api: ResidentPage = (await agg.get(`/api/residents/${encodeURIComponent(name)}`)).body;
    assert.equal(await view.locator('h2').textContent(), name);
    const towns = new Map<string, string>(
      (await agg.get('/api/world')).body.towns.map((t: Body) => [t.id, t.name]),
    );
    assert.equal(await view.locator('.job').textContent(), `${api.job}, ${towns.get(api.town)}`);
    assert.equal(await view.locator('.persona').textContent(), api.persona);
    assert.equal(await view.locator('[data-field="home"] dd').textContent(), api.home.name);
    const now = (await view.locator('[data-field="now"] dd').textContent()) ?? '';
    const place = api.now.location === api.now.home_location ? 'home' : api.now.location_name;
    assert.ok(now.startsWith(`${place}, `), `${now} (the API: ${place})`);
    // The residents lived days 7301 and 7302: the page holds what they did then.
    assert.equal(api.agenda?.day, FROM_DAY + TOWN_DAYS + 2);
    assert.match((await view.locator('h3', { hasText: 'agenda' }).textContent()) ?? '', /day 7302/);
    assert.ok(api.conversations.length > 0, `${name} talked with no one`);
    const talks = await view.locator('[data-list="conversations"] > li time').allTextContents();
    assert.deepEqual(
      talks,
      api.conversations.map((c) => `day ${c.day} ${formatHour(c.hour)}`),
    );
    assert.deepEqual(
      await view.locator('[data-list="strongest"] > li > button.person').allTextContents(),
      api.relationships.strongest.map((t) => t.name),
    );
    assert.deepEqual(
      await view.locator('[data-list="memories"] > li').allTextContents(),
      api.memories.map((m) => `day ${m.day} ${formatHour(m.hour)} · ${m.kind} · ${m.text}`),
    );
    await page.screenshot({ path: join(SHOTS, 'viewer-resident.png') });

    // They walk somewhere new: the page follows the stream, and agrees with the API again.
    const everyone: { residents: Whereabouts[]; locations: Record<string, string> } = (
      await agg.get('/api/residents')
    ).body;
    const to = Object.keys(everyone.locations).find(
      (id) => id.startsWith('circuiton/') && !id.includes('home') && id !== api.now.location,
    ) as string;
    const world = (await agg.get('/api/world')).body;
    const text = `${name} went to ${everyone.locations[to]}.`;
    const moved = anUpdate('circuiton', {
      seq: 900_001,
      day: world.day,
      hour: 12,
      events: [{ kind: 'move', actor: name, text, data: { from: api.now.location ?? '', to, location: to } }],
    });
    assert.equal((await agg.post(moved)).status, 200);
    const shown = view.locator('[data-field="now"] dd', { hasText: `${everyone.locations[to]}, Circuiton` });
    await shown.waitFor({ timeout: 5000 });
    const again: ResidentPage = (await agg.get(`/api/residents/${encodeURIComponent(name)}`)).body;
    // The stream's latest move of theirs is the one posted, and the one the page and the API show.
    const today: Body = (
      await agg.get(`/api/events?kind=move&from_day=${world.day}&to_day=${world.day}&limit=1000`)
    ).body;
    const latest = today.events.filter((e: Body) => e.actor === name).at(-1);
    assert.equal(latest?.text, text);
    assert.equal(again.now.location, to);
    assert.equal(again.now.since?.id, latest.id);
    assert.equal(
      await shown.textContent(),
      `${again.now.location_name}, Circuiton (since day ${world.day} 12:00)`,
    );

    // A name on the page opens that resident's page; × closes it.
    const other =
      api.relationships.strongest[0]?.name ?? api.conversations[0]?.participants.find((p) => p !== name);
    assert.ok(other);
    await view.locator('button.person', { hasText: other }).first().click();
    await page
      .locator(`#resident[data-resident="${other}"][aria-busy="false"] h2`, { hasText: other })
      .waitFor();
    await page.locator('#resident .close').click();
    await page.locator('#resident[hidden]').waitFor({ state: 'attached' });
  });

  test('a name in a town’s day report (the highlights of its popup) opens that resident’s page', async () => {
    const residents = new Set(
      (await agg.get('/api/residents')).body.residents.map((r: Whereabouts) => r.name),
    );
    const world: Body = (await agg.get('/api/world')).body;
    // A day and town whose highlights name a resident (the seed is fixed: the same one every run).
    let found: { day: number; town: string; name: string; actor: string } | undefined;
    for (const day of [7302, 7301, 7300, 7299])
      for (const town of world.towns) {
        const summary: Body = (await agg.get(`/api/days/${day}`)).body.towns[town.id];
        const named = summary?.highlights.find((h: Body) => residents.has(h.actor));
        found ??= named ? { day, town: town.id, name: town.name, actor: named.actor } : undefined;
      }
    assert.ok(found, 'a highlight of the last days names a resident');
    await page.locator('#day-slider').fill(String(found.day));
    await page.locator('#day-label', { hasText: String(found.day) }).waitFor();
    await page.locator(`.leaflet-marker-icon[title="${found.name}"]`).click();
    await page.locator('.day-popup h3', { hasText: `${found.name}, day ${found.day}` }).waitFor();
    await page.locator('.day-popup button.person', { hasText: found.actor }).first().click();
    await page
      .locator(`#resident[data-resident="${found.actor}"][aria-busy="false"] h2`, { hasText: found.actor })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#resident .close').click();
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
  });

  test('no two of a feed row’s boxes overlap, whatever the day’s number', async () => {
    // A resident's page left open (by a test above that failed) would leave the feed few rows.
    if (await page.locator('#resident:not([hidden])').count()) await page.locator('#resident .close').click();
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
    await page
      .locator('#feed .row .when', { hasText: /^day 7\d{3} / })
      .first()
      .waitFor();
    // Each box is where its text is drawn: the text's own rectangles (a time that wraps draws a
    // second line), cut to what shows (its box when it clips, else the row).
    const rows = (await page.evaluate(`[...document.querySelectorAll('#feed .row')].filter((row) => {
        const r = row.getBoundingClientRect(), feed = document.getElementById('feed').getBoundingClientRect();
        return r.bottom > feed.top && r.top < feed.bottom;
      }).map((row) => ({
        id: row.dataset.id,
        boxes: [...row.children].filter((c) => c.textContent).map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          const ink = [...range.getClientRects()];
          const clip = (getComputedStyle(c).overflow === 'visible' ? row : c).getBoundingClientRect();
          return { cls: c.className, text: c.textContent, lines: new Set(ink.map((r) => Math.round(r.top))).size,
            left: Math.max(clip.left, Math.min(...ink.map((r) => r.left))),
            right: Math.min(clip.right, Math.max(...ink.map((r) => r.right))),
            top: Math.max(clip.top, Math.min(...ink.map((r) => r.top))),
            bottom: Math.min(clip.bottom, Math.max(...ink.map((r) => r.bottom))),
            clipped: c.className === 'when' && c.scrollWidth > c.clientWidth };
        }),
      }))`)) as {
      id: string;
      boxes: {
        cls: string;
        text: string;
        lines: number;
        left: number;
        right: number;
        top: number;
        bottom: number;
        clipped: boolean;
      }[];
    }[];
    await page.screenshot({ path: join(SHOTS, 'viewer-long-feed.png') });
    assert.ok(rows.length > 5, `${rows.length} rows in view`);
    for (const row of rows) {
      const when = row.boxes.find((b) => b.cls === 'when');
      assert.match(when?.text ?? '', /^day 7\d{3} \d\d:\d\d$/);
      assert.equal(when?.clipped, false, `${row.id}: ${when?.text} is cut short`);
      assert.equal(when?.lines, 1, `${row.id}: ${when?.text} runs onto a second line`);
      for (const [i, a] of row.boxes.entries())
        for (const b of row.boxes.slice(i + 1)) {
          const overlap =
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
            Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          assert.ok(!overlap, `row ${row.id}: “${a.text}” (${a.cls}) overlaps “${b.text}” (${b.cls})`);
        }
    }
  });

  test('the charts show a window that follows the slider, zoom, pan, and the whole history on demand', async () => {
    const last = FROM_DAY + TOWN_DAYS;
    // Live: the days up to now, not all of them.
    await untilCharts(page, (w) => w.max >= last && w.max - w.min <= WINDOW_DAYS, 'live: the latest days');
    for (const day of [6700, 7000]) {
      await page.locator('#day-slider').fill(String(day));
      await page.locator('#day-label', { hasText: String(day) }).waitFor();
      await untilCharts(
        page,
        (w) => w.min <= day && day <= w.max && w.max - w.min <= WINDOW_DAYS,
        `the window around day ${day}`,
      );
    }
    await page.screenshot({ path: join(SHOTS, 'viewer-long-charts.png') });

    // The whole history on demand, and back to the window.
    await page.locator('#charts-whole').click();
    await untilCharts(page, (w) => w.min <= FROM_DAY + 1 && w.max >= last, 'the whole history');
    await page.locator('#charts-whole').click();
    await untilCharts(page, (w) => w.min <= 7000 && 7000 <= w.max && w.max - w.min <= WINDOW_DAYS, 'back');

    // Drag to zoom in: every chart shows the days dragged over.
    const plot = page.locator('.charts figure .u-over').first();
    const box = await plot.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const zoomed = await untilCharts(page, (w) => w.max - w.min < WINDOW_DAYS / 2, 'zoomed in by a drag');
    assert.equal(new Set(zoomed.map((w) => `${w.min}-${w.max}`)).size, 1, 'every chart shows the same days');
    // The wheel zooms out about the pointer; Shift+wheel pans.
    const span = (zoomed[0] as { min: number; max: number }).max - (zoomed[0] as { min: number }).min;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 100);
    const out = await untilCharts(page, (w) => w.max - w.min > span * 1.1, 'zoomed out by the wheel');
    const before = out[0] as { min: number; max: number };
    await page.keyboard.down('Shift');
    await page.mouse.wheel(0, 100);
    await page.keyboard.up('Shift');
    await untilCharts(
      page,
      (w) => w.min > before.min + 0.5 && Math.abs(w.max - w.min - (before.max - before.min)) < 0.01,
      'panned by Shift+wheel',
    );
    // A double click: back to the window around the slider's day.
    await plot.dblclick();
    await untilCharts(page, (w) => w.min <= 7000 && 7000 <= w.max && w.max - w.min === WINDOW_DAYS, 'reset');
    await page.locator('#live').click();
    await page.locator('#live[aria-pressed="true"]').waitFor();
  });
});

if (skip) test(`the viewer on a long history: skipped, ${skip}`, { skip });

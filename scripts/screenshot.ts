/**
 * The picture in the README: the viewer over a simulated week with its residents, taken with
 * Debian's Chromium.
 *
 *   npm run screenshot      (writes docs/viewer.png)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { residentStorePath } from '../src/files/data-dir.ts';
import { storedRun } from '../src/residents/run.ts';
import { serve } from '../src/server/serve.ts';
import { openResidentStore } from '../src/store/open.ts';
import { WORLD } from '../src/world/map.ts';
import { DEFAULT_CONFIG } from '../src/world/residents/catalog.ts';
import { DEFAULT_SETTINGS } from '../src/world/residents/types.ts';
import { launch } from '../test/helpers/browser.ts';

const out = fileURLToPath(new URL('../docs/viewer.png', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'chronicle-screenshot-'));
// A week of the world with its residents, as `chronicle world run --days 7` makes it.
const residents = await openResidentStore(residentStorePath(dataDir));
await residents.saveConfig(DEFAULT_CONFIG);
const week = {
  days: 7,
  config: DEFAULT_CONFIG,
  settings: DEFAULT_SETTINGS,
  scripted: [],
  summaryOnly: false,
  world: WORLD,
};
await storedRun({ ...week, reportFormat: 'both', print: () => undefined }, dataDir, residents, '7');
await residents.close();
const server = await serve({ dataDir, port: 0, host: '127.0.0.1', speed: 1, log: () => undefined });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  // A day of history with a raid in it, a town's day open, and the feed on that day.
  await page.locator('#day-slider').fill('5');
  await page
    .locator('#feed-count')
    .filter({ hasNotText: /^0 events/ })
    .waitFor();
  await page.locator('.town-icon').nth(0).click();
  await page.locator('.day-popup').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}

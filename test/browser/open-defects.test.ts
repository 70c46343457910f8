// Dashboard defects left open in issue 12, on a fresh demo workspace in Debian's Chromium at
// 1440x900, in English and 中文: the Map tab's exports (PNG, SVG, CSV) above the fold without
// covering the map. Screenshots go to tmp/screenshots (look at them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, switchLanguage, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', prefix: 'talentflow-open-defects-' });
  ({ page, errors } = dashboard);
  await page.goto(dashboard.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 120_000 });
}, { timeout: 300_000 });

after(() => dashboard?.close());

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the map's exports are above the fold at 1440x900 and cover none of the map`, { timeout: 120_000 }, async () => {
    await switchLanguage(page, lang);
    const buttons = page.locator('#view-map [data-export]');
    assert.deepEqual(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('data-export'))), ['map-png', 'map-svg', 'net-csv', 'flows-csv']);
    const footer = (await page.locator('footer').boundingBox())!;
    const canvas = (await page.locator('#map canvas.maplibregl-canvas').boundingBox())!;
    // Still the page's main figure: most of the window's height.
    assert.ok(canvas.height > 600, `map ${canvas.height} px tall`);
    for (const b of await buttons.all()) {
      const box = (await b.boundingBox())!;
      const name = await b.getAttribute('data-export');
      assert.ok(await b.isVisible(), `${name} visible`);
      assert.ok(box.y >= 0 && box.y + box.height <= footer.y, `${name} at ${box.y}-${box.y + box.height}, the fold (the footer) at ${footer.y}`);
      assert.ok(box.x >= 0 && box.x + box.width <= 1440, `${name} within the window's width`);
      assert.ok(!overlaps(box, canvas), `${name} over the map`);
    }
    await page.screenshot({ path: join(SHOTS, `open-defects-map-${lang}.png`) });
    assert.deepEqual(errors, []);
  });
}

// The Map tab at a level where the period has no values (issue 12, screenshots of the demo): the
// demo's 2000-2010 flows exist for provinces only, so its city map of 2000-2010 was a grey sheet
// under a legend of made-up classes ("< -2", "0 – 0", "≥ 2"). Now the headline's place says there
// are no values, offers the periods that have them at this level and the province level, and the
// legend shows "no data" alone. In Debian's Chromium at 1440x900, in English and 中文.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', prefix: 'talentflow-map-levels-' });
  ({ page, errors } = dashboard);
}, { timeout: 300_000 });

after(() => dashboard?.close());

const legendLabels = () => page.$$eval('.legend-box .legend-classes li', (ls) => ls.map((l) => (l.textContent ?? '').trim()));

test('a city map of 2000-2010 says it has no values and offers the periods and the level that have them', { timeout: 180_000 }, async () => {
  await page.goto(`${dashboard!.server.url}?tab=map&case=cn&period=2000-2010&level=city`);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 120_000 });
  await page.waitForSelector('[data-headline][data-no-values="2000-2010"]:not([hidden])', { timeout: 60_000 });
  const text = await page.textContent('[data-headline]') ?? '';
  assert.match(text, /^No values for 2000-2010 at this level \(City\)\. Periods with values at this level: /, text);
  const offered = await page.$$eval('[data-headline] button[data-period]', (bs) => bs.map((b) => b.getAttribute('data-period')));
  assert.ok(offered.length > 0 && !offered.includes('2000-2010'), `periods offered: ${offered}`);
  assert.equal(await page.getAttribute('[data-headline] button[data-level]', 'data-level'), 'province');
  assert.deepEqual(await legendLabels(), ['no data'], 'no classes without values');
  await page.screenshot({ path: join(SHOTS, 'map-levels-city-2000-2010.png') });
  // 中文: the same notice in Chinese.
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('[data-headline]').textContent.startsWith('2000-2010 年在地级市没有数据')", undefined, { timeout: 60_000 });
  assert.deepEqual(await legendLabels(), ['无数据']);
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  await page.waitForSelector('[data-headline][data-no-values] button[data-period]', { timeout: 60_000 });
  // A period offered shows values at the city level.
  await page.click(`[data-headline] button[data-period="${offered[0]}"]`);
  await page.waitForFunction(`document.querySelector('#f-period').value === ${JSON.stringify(offered[0])}`, undefined, { timeout: 10_000 });
  await page.waitForFunction('window.__talentflow.netCount() > 100', undefined, { timeout: 60_000 });
  assert.ok((await legendLabels()).length === 8);
  assert.deepEqual(errors, []);
});

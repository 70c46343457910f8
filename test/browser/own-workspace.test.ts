// The dashboard on a workspace built from scratch by a new user (test/helpers/own-workspace.ts:
// init, the census city file as region registry, own city flows 2019-2021), in Debian's
// Chromium: the map is drawn (regions painted, flows on it), the periods are the workspace's own,
// rankings answer, the footer cites the workspace's own sources (no census tables or KOSIS it
// does not hold), and the map's search box reads traditional characters and pinyin. A screenshot
// goes to tmp/screenshots/own-workspace-map.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OWN_SOURCE, buildOwnWorkspace } from '../helpers/own-workspace.ts';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';


let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: buildOwnWorkspace, locale: 'en-US', lang: 'en', prefix: 'talentflow-own-browser-' });
  ({ server, page, errors } = dashboard);
}, { timeout: 300_000 });

after(() => dashboard?.close());

test('the dashboard opens on the workspace\'s own case: a drawn map, its 2019-2021 periods, its sources in the footer', { timeout: 180_000 }, async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 120_000 });
  // Painted regions (the choropleth has values) and flow lines: not a blank map.
  const drawn = await page.evaluate(() => {
    const tf = (globalThis as unknown as { __talentflow: { map: () => { queryRenderedFeatures: (o: object) => unknown[] }; netCount: () => number; flowCount: () => number } }).__talentflow;
    return { features: tf.map().queryRenderedFeatures({ layers: ['regions-fill'] }).length, net: tf.netCount(), flows: tf.flowCount() };
  });
  assert.ok(drawn.features >= 25, `province polygons on screen: ${drawn.features}`);
  assert.ok(drawn.net >= 10, `regions with a net value: ${drawn.net}`);
  assert.ok(drawn.flows > 0, 'flow lines drawn');
  const periods = await page.$$eval('#f-period option', (os) => os.map((o) => (o as unknown as { value: string }).value));
  for (const y of ['2019', '2020', '2021']) assert.ok(periods.includes(y), `period ${y} offered: ${periods}`);
  assert.equal(await page.$eval('#f-period', (s) => (s as unknown as { value: string }).value), '2021');
  assert.equal(await page.$eval('#f-case', (s) => (s as unknown as { selectedOptions: { textContent: string | null }[] }).selectedOptions[0].textContent), 'China');
  const footer = await page.$eval('footer', (f) => f.textContent ?? '');
  assert.ok(footer.includes(OWN_SOURCE), footer);
  assert.ok(footer.includes('census_city_2010-2020.csv'), footer);
  assert.doesNotMatch(footer, /KOSIS|birthplace/);
  await page.screenshot({ path: join(SHOTS, 'own-workspace-map.png') });
  assert.deepEqual(errors, []);
});

test('the map search reads traditional characters and pinyin, as the CLI does', { timeout: 60_000 }, async () => {
  for (const [typed, expected] of [['遼寧', 'Liaoning'], ['heilongjiang', 'Heilongjiang'], ['GUANGD', 'Guangdong']]) {
    await page.fill('#f-find', '');
    await page.type('#f-find', typed);
    await page.waitForFunction(`[...document.querySelectorAll('#f-find-list li')].some((li) => li.textContent?.startsWith(${JSON.stringify(expected)}))`, undefined, { timeout: 20_000 });
  }
  await page.fill('#f-find', '');
  await page.type('#f-find', '黑龍江');
  await page.waitForSelector('#f-find-list li[data-code="230000"]');
  await page.press('#f-find', 'Enter');
  await page.waitForFunction(`document.querySelector('#region-title')?.textContent === 'Heilongjiang'`, undefined, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

test('rankings answer for the workspace (the example index its census indicators allow)', { timeout: 120_000 }, async () => {
  await page.click('#tab-rankings');
  await page.waitForSelector('[data-table="rankings"] tbody tr', { timeout: 90_000 });
  const rows = await page.$$eval('[data-table="rankings"] tbody tr', (trs) => trs.length);
  assert.ok(rows > 0);
  const scopes = await page.$$eval('#r-show option', (os) => os.map((o) => (o as unknown as { value: string }).value));
  assert.deepEqual(scopes, ['northeast', 'east', 'central', 'west', '']);
  // The default ranking follows the map's scope (the Northeast): only Liaoning's, Jilin's and Heilongjiang's cities, not Shenzhen or Dongguan.
  assert.equal(await page.$eval('#r-show', (s) => (s as unknown as { value: string }).value), 'northeast');
  // Rows of regions (a row of dots may separate a region selected on the map, ranked lower).
  const codes = await page.$$eval('[data-table="rankings"] tbody tr[data-code]', (trs) => trs.map((tr) => (tr as unknown as { dataset: { code: string } }).dataset.code));
  assert.ok(codes.length > 0 && codes.every((c) => /^2[123]\d{4}$/.test(c)), `Northeast cities only: ${codes}`);
  assert.deepEqual(errors, []);
});

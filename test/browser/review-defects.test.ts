// Defects of the dashboard found in review of issue 12, on the demo in Chromium at 1440x900:
// a link naming a city at province level made the region panel ask for a city's summary among
// provinces (400, a console error); the Rankings tab did not show the server's rank-change
// warnings (plain English, not coded); with three rows (a custom index over the Northeast's
// provinces) its bar chart gave each bar 13 px and the labels touched; a link to a city without a
// period opened on 2000-2010, which has no city values, and the panel showed dashes. Screenshots go to tmp/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDashboard, SHOTS, watchErrors, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let url: string;

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', prefix: 'talentflow-review-' });
  url = dashboard.server.url;
}, { timeout: 300_000 });

after(() => dashboard?.close());

/** A page of its own in `lang`, with its failed requests and console errors. */
async function freshPage(lang: 'en' | 'zh'): Promise<{ page: Page; errors: string[] }> {
  const context = await dashboard!.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await context.addInitScript(`localStorage.setItem('talentflow.lang', '${lang}')`);
  const errors: string[] = [];
  return { page: watchErrors(await context.newPage(), errors, { responses: true }), errors };
}

/** The region panel's numbers drawn, or its error: the panel's requests are answered. */
const PANEL_DONE = '.panel [data-kpi="region.net"], .panel .status-error';

test('a link naming a city at province level opens the city at city level: no failed request, no console error', { timeout: 300_000 }, async () => {
  const { page, errors } = await freshPage('en');
  for (const link of ['?tab=map&level=province&region=210100', '?region=210100']) {
    await page.goto(`${url}${link}`);
    await page.waitForSelector('body[data-map-ready]', { timeout: 180_000 });
    await page.waitForSelector(PANEL_DONE, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    assert.deepEqual(errors, [], link);
    assert.equal(await page.inputValue('#f-level'), 'city', link);
    assert.equal((await page.textContent('#region-title'))?.trim(), 'Shenyang', link);
    assert.match(new URL(page.url()).search, /level=city/, `the link now says what is shown: ${page.url()}`);
  }
  await page.screenshot({ path: join(SHOTS, 'review-city-link-en.png') });
  // A region the workspace does not have: dropped, the overview shown.
  await page.goto(`${url}?tab=map&level=province&region=999999`);
  await page.waitForSelector('body[data-map-ready]', { timeout: 180_000 });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(errors, []);
  assert.equal(await page.$('#region-title'), null);
  await page.context().close();
});

test('a link to a city without a period opens on a period with city values: numbers in the panel, not dashes', { timeout: 300_000 }, async () => {
  const { page, errors } = await freshPage('en');
  await page.goto(`${url}?region=210100`);
  await page.waitForSelector('#region-title', { timeout: 180_000 });
  await page.waitForSelector(PANEL_DONE, { timeout: 60_000 });
  assert.equal((await page.textContent('#region-title'))?.trim(), 'Shenyang');
  const kpis = await page.$$eval('.panel [data-kpi]', (dds) => dds.map((d) => [d.getAttribute('data-kpi'), (d.textContent ?? '').trim()]));
  for (const key of ['region.in', 'region.out', 'region.net']) {
    const value = kpis.find(([k]) => k === key)?.[1] ?? '';
    assert.match(value, /\d/, `${key}: ${JSON.stringify(kpis)}`);
  }
  // The period on screen has city values, as the API says; the link now names it.
  const period = await page.inputValue('#f-period');
  const net = await fetch(new URL(`/api/measures/net?level=city&within=CN&period=${period}`, url)).then((r) => r.json()) as { rows: { net: number | null }[] };
  assert.ok(net.rows.some((r) => typeof r.net === 'number'), `no city values in ${period}`);
  assert.equal(new URL(page.url()).searchParams.get('period'), period);
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** The custom index over provinces: only `indicator` ticked, ranked in `period` with the scope `show`. */
async function customIndex(page: Page, indicator: string, period: string, show: string): Promise<void> {
  await page.goto(`${url}?tab=rankings`);
  await page.waitForSelector('#view-rankings[data-rendered]', { timeout: 180_000 });
  await page.selectOption('#r-index', 'own');
  await page.waitForSelector('#r-run');
  await page.selectOption('#r-level', 'province');
  await page.waitForSelector(`[data-indicator="${indicator}"]`);
  await page.$$eval('#view-rankings [data-indicator] input', (inputs, name) => {
    for (const i of inputs as unknown as { checked: boolean; value: string }[]) i.checked = i.value === name;
  }, indicator);
  await page.selectOption('#r-period', period);
  await page.selectOption('#r-show', show);
  await page.click('#r-run');
  await page.waitForFunction(`document.querySelector('table[data-table=rankings] thead')?.textContent.includes(${JSON.stringify(period === '2019' ? '2018' : '')})`, undefined, { timeout: 60_000 });
}

test('rank-change warnings are coded and shown on the Rankings tab, in English and 中文', { timeout: 300_000 }, async () => {
  // Urban rail: 24 provinces had some in 2018, 26 in 2019, so the two years rank different sets.
  const query = 'indicators=urban_rail_transit_length:%2B&level=province&within=CN&period=2019&comparePeriod=2018';
  const api = await fetch(new URL(`/api/rank?${query}`, url)).then((r) => r.json()) as { rankChange: { messages?: { warnings: { code: string; params: Record<string, unknown> }[] } } };
  const coded = api.rankChange.messages?.warnings ?? [];
  assert.deepEqual(coded.map((w) => w.code), ['rank.changeRegionsDiffer']);
  assert.deepEqual([coded[0].params.onlyBefore, coded[0].params.onlyAfter], [0, 2]);
  for (const lang of ['en', 'zh'] as const) {
    const { page, errors } = await freshPage(lang);
    await customIndex(page, 'urban_rail_transit_length', '2019', '');
    const note = page.locator('#view-rankings [data-warning-code="rank.changeRegionsDiffer"]');
    await note.waitFor({ timeout: 60_000 });
    const text = (await note.textContent()) ?? '';
    if (lang === 'en') assert.match(text, /^the two indices rank different sets of regions \(0 ranked only in the earlier period, 2 only in the later: .+\): ranks are not fully comparable$/, text);
    else assert.match(text, /^两期指数排名的地区不同（0 个只在较早时期参与排名，2 个只在较晚时期：.+）：排名不完全可比$/, text);
    // Regions by name in the page's language, never by code.
    assert.doesNotMatch(text, /\d{6}/, text);
    assert.deepEqual(errors, []);
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `review-rank-change-warning-${lang}.png`) });
    await page.context().close();
  }
});

test('three provinces ranked: bars of at least 20 px, labels that do not overlap', { timeout: 300_000 }, async () => {
  const { page, errors } = await freshPage('en');
  await customIndex(page, 'gdp_per_capita', '2020', 'northeast');
  await page.waitForFunction(`document.querySelector('#view-rankings')?.dataset.rendered === '3'`, undefined, { timeout: 60_000 });
  const chart = '#view-rankings figure[data-chart=rankings-top]';
  const boxes = await page.$$eval(`${chart} svg text`, (ts) => ts.filter((t) => (t.textContent ?? '').trim() && !t.closest('[aria-label*="x-axis"]')).map((t) => {
    const r = t.getBoundingClientRect();
    return { text: (t.textContent ?? '').trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }));
  const bars = await page.$$eval(`${chart} svg g[aria-label=bar] rect`, (rs) => rs.map((r) => r.getBoundingClientRect().height));
  assert.equal(bars.length, 3);
  assert.ok(bars.every((b) => b >= 20), `bar heights ${bars.join(', ')}`);
  const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.text} / ${b.text}`));
  assert.ok(boxes.length >= 6, JSON.stringify(boxes));
  assert.deepEqual(overlaps, []);
  assert.deepEqual(errors, []);
  await page.locator(chart).screenshot({ path: join(SHOTS, 'review-rankings-three-en.png') });
  await page.screenshot({ path: join(SHOTS, 'review-rankings-three-page-en.png') });
  await page.context().close();
});

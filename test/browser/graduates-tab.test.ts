// The Graduates tab as a new user meets it (issue 12, screenshots of each tab in both languages),
// in Debian's Chromium at 1440x900. On the demo: the universities and graduation years offered
// are the workspace's, named (not "NEU Northeastern University"), the year a choice instead of a
// free-text box saying "latest"; the heading says what the count counts; the chart's caption says
// it shows the largest destinations of how many; the axis caption does not run over the tick
// labels; the change against the year before reads in Chinese word order (较 2015 年 −1.1 个百分点).
// On a workspace without person records: a note saying so and how to import them, not a 422
// about a preset university the workspace never held.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';
import { buildOwnWorkspace } from '../helpers/own-workspace.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', prefix: 'talentflow-graduates-tab-' });
  ({ page, errors } = dashboard);
}, { timeout: 300_000 });

after(() => dashboard?.close());

const rendered = (year: string) => page.waitForSelector(`#view-graduates[data-rendered="${year}"] figure[data-chart=graduate-destinations] svg`, { timeout: 60_000 });

/** Boxes of the bar chart's x-axis caption and tick labels, in page pixels. */
type Box = { left: number; right: number; top: number; bottom: number };
const axisBoxes = () => page.evaluate<{ caption: Box | null; ticks: Box[] }>(`(() => {
  const svg = document.querySelector('figure[data-chart=graduate-destinations] svg');
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
  const caption = svg.querySelector('[aria-label="x-axis label"] text');
  return { caption: caption ? box(caption) : null, ticks: [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map(box) };
})()`);

test('en: the workspace\'s universities by name and its years to choose; heading, caption and axis say what they show', { timeout: 180_000 }, async () => {
  await page.goto(`${dashboard!.server.url}?tab=graduates`);
  await rendered('2016');
  const universities = await page.$$eval('#g-university option', (os) => os.map((o) => ({ value: o.getAttribute('value'), text: (o.textContent ?? '').trim(), title: o.getAttribute('title') })));
  assert.deepEqual(universities[0], { value: 'Northeastern University', text: 'Northeastern University', title: '东北大学' });
  assert.deepEqual(universities.filter((u) => /^[A-Z]{2,5} /.test(u.text)), [], 'no code before the name');
  assert.equal(await page.$eval('#g-year', (e) => e.tagName), 'SELECT', 'the year is a choice of the years held');
  const years = await page.$$eval('#g-year option', (os) => os.map((o) => (o.textContent ?? '').trim()));
  assert.equal(years[0], 'latest (2016)');
  assert.ok(years.includes('2015'), years.join(' | '));
  assert.match(await page.textContent('#view-graduates .grad-results h3') ?? '', /^Northeastern University: [\d,]+ graduates of 2016$/);
  assert.match(await page.textContent('figure[data-chart=graduate-destinations] figcaption') ?? '', /^The 15 largest of \d+ destinations by province \(share of the employed\)/);
  const { caption, ticks } = await axisBoxes();
  assert.ok(caption && ticks.length > 3, 'an axis caption and tick labels');
  const overlapping = ticks.filter((t) => t.left < caption.right && caption.left < t.right && t.top < caption.bottom && caption.top < t.bottom);
  assert.deepEqual(overlapping, [], 'the axis caption clear of the tick labels');
  assert.match(await page.textContent('[data-export=graduates-csv]') ?? '', /^All \d+ destinations \(CSV\)$/);
  await page.screenshot({ path: join(SHOTS, 'graduates-tab-en.png') });
  await page.selectOption('#g-year', '2015');
  await rendered('2015');
  assert.match(page.url(), /g\.year=2015/);
  assert.deepEqual(errors, []);
});

test('中文: names in Chinese, the change against the year before in Chinese word order', { timeout: 120_000 }, async () => {
  await page.selectOption('#g-year', '');
  await rendered('2016');
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('#view-graduates .grad-results h3')?.textContent.startsWith('东北大学')", undefined, { timeout: 60_000 });
  assert.equal((await page.textContent('#g-university option:first-child'))?.trim(), '东北大学');
  assert.equal((await page.textContent('#g-year option:first-child'))?.trim(), '最新（2016）');
  const note = await page.textContent('#view-graduates [data-kpi="grad.stayStudy"] .note') ?? '';
  assert.match(note, /^[\d,]+ \/ [\d,]+ · 较 2015 年 [−+-]?\d+(\.\d)? 个百分点$/, note);
  await page.screenshot({ path: join(SHOTS, 'graduates-tab-zh.png') });
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});

test('a workspace without person records: a note saying so and how to import them, no failed request', { timeout: 300_000 }, async () => {
  const own = await openDashboard({ workspace: buildOwnWorkspace, locale: 'zh-CN', lang: 'zh', prefix: 'talentflow-graduates-none-' });
  try {
    await own.page.goto(`${own.server.url}?tab=graduates`);
    await own.page.waitForSelector('#view-graduates[data-rendered="none"]', { timeout: 120_000 });
    assert.match(await own.page.textContent('#view-graduates .status-empty') ?? '', /^本工作区没有毕业生记录。导入方法：talentflow import persons/);
    assert.equal(await own.page.locator('#g-university option').count(), 0);
    // Nothing to choose: no empty university list, no "latest" year of nothing, no comparison box.
    for (const id of ['g-university', 'g-year', 'g-compare']) assert.equal(await own.page.isVisible(`#${id}`), false, id);
    assert.equal(await own.page.locator('#view-graduates .status-error').count(), 0);
    await own.page.screenshot({ path: join(SHOTS, 'graduates-tab-no-records-zh.png') });
    assert.deepEqual(own.errors, []);
  } finally {
    await own.close();
  }
});

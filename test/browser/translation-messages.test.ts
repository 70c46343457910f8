// The server's warnings and errors in 中文: a ranking's warning (cities left out for missing
// values), a measure's warnings on the map legend (flows that do not reach city level) and an
// API 400 (an index over a year its indicator lacks) reach the page with message codes
// (src/core/messages) and read in Chinese, places named in Chinese, with no Latin-letter
// sentence left; the JSON API keeps its English message.
// Screenshots go to tmp/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDashboard, SHOTS, type Dashboard } from '../helpers/browser.ts';
import { assertChinese } from '../helpers/chinese.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let url: string;
let errors: string[] = [];

before(async () => {
  // The 400 is asked for on purpose: failed answers are not page errors here.
  dashboard = await openDashboard({ workspace: 'demo', locale: 'zh-CN', lang: 'zh', responses: false, prefix: 'talentflow-messages-' });
  ({ page, errors } = dashboard);
  url = dashboard.server.url;
}, { timeout: 300_000 });

after(() => dashboard?.close());

const texts = (selector: string) => page.$$eval(selector, (els) => els.map((e) => ({ code: e.getAttribute('data-warning-code') ?? '', text: (e.textContent ?? '').trim() })));

test('a ranking\'s warning in 中文 names the cities left out in Chinese', { timeout: 240_000 }, async () => {
  await page.goto(`${url}?tab=rankings`);
  await page.waitForSelector('#view-rankings[data-rendered] table[data-table=rankings]', { timeout: 180_000 });
  const warnings = await texts('#view-rankings .rank-results p[data-warning-code]');
  const excluded = warnings.find((w) => w.code === 'rank.excludedMissing');
  assert.ok(excluded, JSON.stringify(warnings));
  assert.match(excluded.text, /^12 个地区因缺少数值未参与排名：.*通化市/, excluded.text);
  assertChinese(warnings.map((w) => w.text), 'rank warnings');
  await page.screenshot({ path: join(SHOTS, 'i18n-messages-rank-zh.png'), fullPage: true });
});

test('a measure\'s warnings on the map legend in 中文: flows of provinces at city level', { timeout: 240_000 }, async () => {
  await page.goto(`${url}?tab=map&case=cn&level=city&period=2000-2010`);
  await page.waitForSelector('.legend-box [data-warning-code="measure.noFlowsAtLevel"]', { timeout: 180_000 });
  const warnings = await texts('.legend-box [data-warning-code]');
  // The 2000-2010 flows are an estimate that warned when it was made: the legend repeats it (stocks.estimateWarned).
  assert.deepEqual(warnings.map((w) => w.code).sort(), ['measure.noAncestor', 'measure.noFlowsAtLevel', 'stocks.estimateWarned'], JSON.stringify(warnings));
  assert.match(warnings.find((w) => w.code === 'stocks.estimateWarned')!.text, /^这些流动所依据的估计曾给出警告：/);
  assert.match(warnings.find((w) => w.code === 'measure.noAncestor')!.text, /^[\d,]+ 行存储的流动有一端在市级没有上级地区，未纳入$/);
  assertChinese(warnings.map((w) => w.text), 'measure warnings');
  await page.locator('.legend-box').screenshot({ path: join(SHOTS, 'i18n-messages-legend-zh.png') });
});

test('an API 400 in 中文: a graduation year the records do not hold', { timeout: 240_000 }, async () => {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/reports/graduates') && r.status() >= 400, { timeout: 180_000 }),
    page.goto(`${url}?tab=graduates&g.year=2031`),
  ]);
  assert.equal(answer.status(), 400);
  const body = await answer.json() as { error: { messageCode?: string; message: string } };
  assert.equal(body.error.messageCode, 'value.unknown');
  // The JSON API keeps its English message.
  assert.match(body.error.message, /^unknown graduation year "2031"\. Graduation years /);
  const error = page.locator('#view-graduates .status-error');
  await error.waitFor({ timeout: 60_000 });
  const text = (await error.textContent()) ?? '';
  assert.match(text, /没有毕业年份“2031”。东北大学 的毕业年份：\d{4}/, text);
  assertChinese([text], 'API 400');
  await page.screenshot({ path: join(SHOTS, 'i18n-messages-400-zh.png') });
});

test('a refused index (422) in 中文', { timeout: 240_000 }, async () => {
  await page.goto(`${url}?tab=rankings`);
  await page.waitForSelector('#view-rankings[data-rendered]', { timeout: 180_000 });
  await page.selectOption('#r-index', 'own');
  await page.waitForSelector('#r-run');
  await page.selectOption('#r-level', 'province');
  // Disposable income is stored from 2013 on: an index of it in 2006 is refused.
  await page.selectOption('#r-period', '2006');
  await page.$$eval('.rank-pick input[type=checkbox]:checked', (is) => is.forEach((i) => (i as unknown as { click: () => void }).click()));
  await page.check('.rank-pick [data-indicator="disposable_income_pc"] input');
  // The request of this click (the tab also ranks by itself when the map's scope arrives).
  const ofThisRun = (r: { url(): string; request(): { postData(): string | null } }) =>
    r.url().includes('/api/rank') && decodeURIComponent(`${r.url()} ${r.request().postData() ?? ''}`).includes('2006');
  const [answer] = await Promise.all([page.waitForResponse(ofThisRun), page.click('#r-run')]);
  assert.equal(answer.status(), 422);
  const body = await answer.json() as { error: { messageCode?: string; message: string } };
  assert.equal(body.error.messageCode, 'rank.noValuesInPeriod');
  assert.match(body.error.message, /^indicators: no values of indicator "disposable_income_pc" in period 2006/);
  const error = page.locator('#view-rankings .status-error');
  await error.waitFor({ timeout: 60_000 });
  const text = (await error.textContent()) ?? '';
  assert.match(text, /指标：这些地区在 2006 没有指标“disposable_income_pc”的数值/, text);
  assertChinese([text], 'API 422');
  await page.screenshot({ path: join(SHOTS, 'i18n-messages-422-zh.png') });

  // The refused requests are the only console errors.
  assert.deepEqual(errors.filter((e) => !/status of 4(00|22)/.test(e)), []);
});

// The Scenario tab on an own Northeast workspace whose model has no money term (issue #12): census
// registry, own provincial flows, a gravity model with destination population alone. The tab
// priced 1,000 yuan a month as a share of population (the only term) and showed 3,050万元 per
// retained graduate and +0.12 pp unexplained. Now it offers no term to pay through, shows no
// result, and says why (the model has population only) and what to fit instead, in en and 中文.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, switchLanguage, type Dashboard } from '../helpers/browser.ts';
import { buildOwnProvinces } from '../helpers/own-provinces.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: buildOwnProvinces, locale: 'en-US', lang: 'en', prefix: 'talentflow-payment-term-' });
  ({ page, errors } = dashboard);
  await page.goto(dashboard.server.url);
  await page.click('#tab-scenario');
}, { timeout: 400_000 });

after(() => dashboard?.close());

const alert = () => page.textContent('#view-scenario .scenario-message .status-error');

test('a model with population alone: no term to pay through, no result cards, and the reason with what the model has', { timeout: 180_000 }, async () => {
  await page.waitForSelector('#view-scenario .scenario-message .status-error, #view-scenario [data-result="retained-delta"] .big', { timeout: 120_000 });
  assert.equal(await page.$eval('#s-model', (e) => (e as unknown as { value: string }).value), 'own-provinces');
  assert.equal(await page.$$eval('#view-scenario [data-result]', (cs) => cs.length), 0, 'no result is shown');
  assert.deepEqual(await page.$$eval('#s-term option', (os) => os.map((o) => o.textContent)), ['no wage, income or money term in this model']);
  assert.match(await alert() ?? '', /^The model “own-provinces” has no wage, income or other money term a payment could act through \(it has: Population \(persons\)\)\. .*fit a model with a wage or income indicator/);
  await page.screenshot({ path: join(SHOTS, 'scenario-payment-term.png') });
  await switchLanguage(page, 'zh');
  await page.waitForFunction("(document.querySelector('#view-scenario .scenario-message .status-error')?.textContent ?? '').startsWith('模型')", undefined, { timeout: 60_000 });
  assert.match(await alert() ?? '', /^模型“own-provinces”没有补贴可以作用的工资、收入或其他金额类变量（它有：人口（人））/);
  await page.screenshot({ path: join(SHOTS, 'scenario-payment-term-zh.png') });
  await switchLanguage(page, 'en');
  assert.deepEqual(errors, []);
});

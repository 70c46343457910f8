// The Models tab's server texts in 中文 (issue 12, item 7), on a fresh demo workspace in Debian's
// Chromium: a saved destination-choice model (the demo's northeast-choice, a conditional logit of
// the synthetic graduates) shows its definition, willingness to pay, choice-set notes and
// destinations in Chinese, from their message codes (src/core/messages/choice.ts), and in English again after a
// switch; a gravity fit refused for its data (an indicator the chosen period lacks, src/store/
// queries/model-data.ts) and one refused as not identified (an origin attribute under the origin
// constraint) read in Chinese and follow a switch, while the JSON API keeps its English message.
// Screenshots go to tmp/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';
import { assertChinese } from '../helpers/chinese.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let url: string;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'zh-CN', lang: 'zh', prefix: 'talentflow-models-messages-' });
  ({ page, errors } = dashboard);
  url = dashboard.server.url;
}, { timeout: 300_000 });

after(() => dashboard?.close());

async function switchTo(target: 'zh' | 'en'): Promise<void> {
  if ((await page.evaluate('document.documentElement.lang')) === (target === 'zh' ? 'zh-CN' : 'en')) return;
  await page.click('#lang');
  await page.waitForFunction(`document.documentElement.lang.startsWith('${target}')`, undefined, { timeout: 10_000 });
}

const text = async (selector: string) => ((await page.textContent(selector)) ?? '').trim();

/** Opens a collapsed list and leaves a screenshot of it. */
async function openAndShoot(details: Locator, shot: string): Promise<void> {
  await details.evaluate((d) => ((d as unknown as { open: boolean }).open = true));
  await details.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, shot) });
}

test('中文: a saved choice model\'s definition, willingness to pay and notes in Chinese, in English after a switch', { timeout: 240_000 }, async () => {
  await page.goto(`${url}?tab=models`);
  await page.click('[data-show-model="northeast-choice"]', { timeout: 120_000 });
  await page.waitForSelector('#view-models .choice-result p[data-text="definition"]', { timeout: 60_000 });
  const definition = await text('#view-models .choice-result p[data-text="definition"]');
  assert.match(definition, /^[\d,]+ 名毕业生在 31 个备选项（中国的省级地区）之间的去向选择，条件 logit 模型，极大似然估计$/, definition);
  // Destinations by name in the page's language, the other name and the code on hover.
  const firstShare = page.locator('#view-models table.shares tbody th').first();
  assert.equal(await firstShare.textContent(), '辽宁省');
  assert.equal(await firstShare.getAttribute('title'), 'Liaoning · 210000');
  const wtp = await text('#view-models .choice-result p[data-text="wtp-definition"]');
  assert.match(wtp, /^每单位属性变化的价值（元\/月）：与之价值相当的人均可支配收入（元\/人·年）变化量/, wtp);
  assert.match(await text('#view-models .choice-result h3:has(+ table.wtp)'), /元\/月/);
  await page.$eval('#view-models .choice-result details.notes', (d) => ((d as unknown as { open: boolean }).open = true));
  const notes = await page.$$eval('#view-models .choice-result details.notes p', (ps) => ps.map((p) => (p.textContent ?? '').trim()));
  assert.ok(notes.includes('log_disposable_income_pc：人均可支配收入（元/人·年），取对数（默认）'), notes.join(' | '));
  assert.ok(notes.some((n) => /^log_disposable_income_pc 与学历的交互：博士、硕士，对照本科/.test(n)), notes.join(' | '));
  const warnings = await page.$$eval('#view-models .choice-result p.warning', (ps) => ps.map((p) => (p.textContent ?? '').trim()));
  assertChinese([definition, wtp, ...notes, ...warnings], 'choice model texts');
  await page.locator('#view-models .choice-result p[data-text="definition"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'models-choice-messages-zh.png') });
  await page.locator('#view-models .choice-result details.notes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'models-choice-notes-zh.png') });
  // The saved list names the kinds in Chinese.
  assert.match(await text('#view-models .saved-models'), /northeast-choice（目的地选择模型）/);

  // The same model after a switch: the page draws it again in English, the library's own words,
  // the area by its English name (the API's English keeps the code: CN).
  await switchTo('en');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result p[data-text="definition"]')?.textContent?.startsWith('destination choice of ')`, undefined, { timeout: 30_000 });
  assert.match(await text('#view-models .choice-result p[data-text="definition"]'), /^destination choice of [\d,]+ graduates among 31 alternatives \(regions at level province in China\), conditional logit by maximum likelihood$/);
  assert.match(await text('#view-models .choice-result p[data-text="wtp-definition"]'), /^yuan a month per unit of each attribute/);
  assert.equal(await page.locator('#view-models table.shares tbody th').first().textContent(), 'Liaoning', 'no Chinese name in English');
  await switchTo('zh');
  await page.waitForFunction(`/名毕业生/.test(document.querySelector('#view-models .choice-result p[data-text="definition"]')?.textContent ?? '')`, undefined, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

test('中文: the graduates a saved choice model left out of its choice sets, by reason, collapsed with their count, and in English after a switch', { timeout: 240_000 }, async () => {
  // The demo's model excludes the outside outcomes (further study, not employed): `fit choice`
  // prints them as "Left out: …"; the page had dropped them (issue 12, item 7).
  await page.goto(`${url}?tab=models`);
  await page.click('[data-show-model="northeast-choice"]', { timeout: 120_000 });
  const details = page.locator('#view-models .choice-result details.left-out');
  await details.waitFor({ state: 'attached', timeout: 60_000 });
  assert.equal(await details.evaluate((d) => (d as unknown as { open: boolean }).open), false, 'collapsed by default');
  const read = async () => ({
    summary: ((await details.locator('summary').textContent()) ?? '').trim(),
    items: await details.locator('li').evaluateAll((ls) => ls.map((l) => (l.textContent ?? '').trim())),
  });
  const zh = await read();
  const persons = (s: string) => Number(s.replace(/,/g, ''));
  const total = /^未纳入选择集：([\d,]+) 名毕业生$/.exec(zh.summary);
  assert.ok(total, zh.summary);
  assert.equal(zh.items.length, 2, zh.items.join(' | '));
  const counts = zh.items.map((x) => /^(?:继续深造|未就业)（区外选项：排除）：([\d,]+) 人$/.exec(x)?.[1]);
  assert.ok(counts.every(Boolean), zh.items.join(' | '));
  assert.equal(counts.reduce((s, x) => s + persons(x!), 0), persons(total[1]), 'the count is the sum of the reasons');
  assertChinese([zh.summary, ...zh.items], 'left-out reasons');
  await openAndShoot(details, 'models-choice-left-out-zh.png');

  await switchTo('en');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result details.left-out summary')?.textContent?.startsWith('Left out')`, undefined, { timeout: 30_000 });
  const en = await read();
  assert.equal(en.summary, `Left out of the choice sets: ${total[1]} graduates`);
  assert.deepEqual(en.items.map((x) => x.replace(/[\d,]+$/, 'N')).sort(), ['further study (outside: exclude): N', 'not employed (outside: exclude): N']);
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result details.left-out summary')?.textContent?.startsWith('未纳入')`, undefined, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

test('中文: a saved choice model says how its fit stopped and how many counts the small-cell rule hid, as fit choice prints them, in English after a switch', { timeout: 240_000 }, async () => {
  // `talentflow fit choice` prints both lines; the page showed neither (issue 12).
  const saved = await (await fetch(new URL('api/models/northeast-choice', url))).json() as { result: { iterations: number; shares: { privacy: { k: number; suppressedCells: number } } } };
  const { k, suppressedCells } = saved.result.shares.privacy;
  const cells = suppressedCells.toLocaleString('en-US');
  await page.goto(`${url}?tab=models`);
  await page.click('[data-show-model="northeast-choice"]', { timeout: 120_000 });
  const stop = page.locator('#view-models .choice-result p[data-text="stop-reason"]');
  const privacy = page.locator(`#view-models .choice-result p[data-privacy="${k}"]`);
  await stop.waitFor({ timeout: 60_000 });
  const zh = { stop: ((await stop.textContent()) ?? '').trim(), privacy: ((await privacy.textContent()) ?? '').trim() };
  assert.match(zh.stop, new RegExp(`^迭代 ${saved.result.iterations} 次，已收敛（${saved.result.iterations} 次迭代后牛顿减量 .+，低于容差 .+）$`), zh.stop);
  assert.equal(zh.privacy, `1 至 ${k - 1} 名毕业生的计数以及可据以推算它们的计数已隐藏：此处 ${cells} 个（docs/privacy.md）`);
  assertChinese([zh.stop.replace(/g′\(−H\)⁻¹g/, ''), zh.privacy.replace('docs/privacy.md', '')], 'stop reason and privacy line');
  await privacy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'models-choice-privacy-zh.png') });

  await switchTo('en');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result p[data-text="stop-reason"]')?.textContent?.startsWith('Iterations')`, undefined, { timeout: 30_000 });
  assert.match(((await stop.textContent()) ?? '').trim(), new RegExp(`^Iterations: ${saved.result.iterations}, converged \\(Newton decrement .+ below the tolerance .+ after ${saved.result.iterations} iteration\\(s\\)\\)$`));
  assert.equal(((await privacy.textContent()) ?? '').trim(), `Counts of 1 to ${k - 1} graduates, and those that would reveal them, are hidden: ${cells} here (docs/privacy.md)`);
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result p[data-text="stop-reason"]')?.textContent?.startsWith('迭代')`, undefined, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

test('中文: a saved choice model\'s warnings are collapsed with their count as a gravity fit\'s, and follow a switch', { timeout: 300_000 }, async () => {
  // Clustered by university: the demo's two universities give the FEW_CLUSTERS warning. The
  // page wrote each warning as a line of its own, where a gravity fit's sit in a closed list.
  const started = await fetch(new URL('api/models/choice', url), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ level: 'province', within: 'CN', alternativeVars: ['disposable_income_pc'], cluster: 'university', save: 'few-clusters' }),
  });
  assert.equal(started.status, 202);
  const job = await started.json() as { id: string };
  let state: string;
  do {
    await new Promise((ok) => setTimeout(ok, 200));
    state = ((await (await fetch(new URL(`api/jobs/${job.id}`, url))).json()) as { state: string }).state;
  } while (state === 'queued' || state === 'running');
  assert.equal(state, 'done');
  await page.goto(`${url}?tab=models`);
  await page.click('[data-show-model="few-clusters"]', { timeout: 120_000 });
  const details = page.locator('#view-models .choice-result details.warnings');
  await details.waitFor({ state: 'attached', timeout: 60_000 });
  assert.equal(await details.evaluate((d) => (d as unknown as { open: boolean }).open), false, 'collapsed by default');
  assert.equal(await page.locator('#view-models .choice-result p.warning').count(), 0, 'no warning on a line of its own');
  const read = async () => ({
    summary: ((await details.locator('summary').first().textContent()) ?? '').trim(),
    items: await details.locator('li').evaluateAll((ls) => ls.map((l) => (l.textContent ?? '').trim())),
  });
  const zh = await read();
  assert.equal(zh.summary, '关于数据与拟合的 1 条警告');
  assert.deepEqual(zh.items, ['只有 2 个聚类：聚类较少时聚类稳健标准误偏小（Cameron & Miller 2015）']);
  await openAndShoot(details, 'models-choice-warnings-zh.png');

  await switchTo('en');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result details.warnings summary')?.textContent?.startsWith('1 warning')`, undefined, { timeout: 30_000 });
  const en = await read();
  assert.equal(en.summary, '1 warning about the data and the fit');
  assert.equal(en.items.length, 1);
  assert.match(en.items[0], /^only 2 clusters: clustered standard errors are biased downward with few clusters/);
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result details.warnings summary')?.textContent?.startsWith('关于')`, undefined, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

/** Fits from the form: China's provinces in 2010-2020 with the attributes given, and the constraint. */
async function fitProvinces(attributes: { origin?: string[]; destination?: string[] }, constraint: string): Promise<string> {
  await page.goto(`${url}?tab=models&case=cn&level=province`);
  await page.waitForSelector('#m-fit', { timeout: 120_000 });
  await page.selectOption('#m-level', 'province');
  await page.selectOption('#m-within', 'CN');
  await page.selectOption('#m-constraint', constraint);
  await page.$$eval('#view-models form input[type=checkbox]:checked', (is) => is.forEach((i) => (i as unknown as { click: () => void }).click()));
  await page.check('input[name="periods"][value="2010-2020"]');
  for (const a of attributes.origin ?? []) await page.check(`input[name="originVars"][value="${a}"]`);
  for (const a of attributes.destination ?? []) await page.check(`input[name="destinationVars"][value="${a}"]`);
  await page.click('#m-fit');
  const error = page.locator('#view-models .model-results .status-error');
  await error.waitFor({ timeout: 180_000 });
  return ((await error.textContent()) ?? '').trim();
}

test('中文: a gravity fit refused for an indicator the period lacks reads in Chinese, and follows a switch', { timeout: 300_000 }, async () => {
  // Disposable income is stored from 2013 on: the 2010-2020 flows (indicators of 2010) have none.
  const zh = await fitProvinces({ destination: ['disposable_income_pc'] }, 'production');
  assert.match(zh, /^拟合失败：未知指标“人均可支配收入”（迁入地属性）：.*地区在 2010-2020、2010 没有它的数值；这些时期已有的指标：.*人口/, zh);
  assertChinese([zh], 'gravity input error');
  // The error is in view after the click, though the form is taller than the window.
  const box = await page.locator('#view-models .model-results .status-error').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `error at ${JSON.stringify(box)}`);
  await page.screenshot({ path: join(SHOTS, 'models-gravity-error-zh.png') });
  await switchTo('en');
  const en = await text('#view-models .model-results .status-error');
  assert.match(en, /unknown indicator "disposable_income_pc" \(destination attribute\): the regions within CN have no value of it for 2010-2020, 2010; their indicators for 2010-2020, 2010: /, en);
  await switchTo('zh');
  assert.match(await text('#view-models .model-results .status-error'), /^拟合失败：未知指标/);
  assert.deepEqual(errors, []);
});

test('中文: an origin attribute under the origin constraint is refused as not identified, in Chinese', { timeout: 300_000 }, async () => {
  const zh = await fitProvinces({ origin: ['population'] }, 'production');
  assert.match(zh, /项“origin_population”与迁出地固定效应共线（在其中没有变化），其系数无法识别/, zh);
  assertChinese([zh], 'gravity collinearity error');
  assert.deepEqual(errors, []);
});

test('中文: a gravity fit on flows estimated from census stocks says so, in the page\'s language after a switch too', { timeout: 300_000 }, async () => {
  // The demo's 2010-2020 flows are estimated from two censuses (stored by `talentflow estimate`);
  // the fit's result did not say it, so its coefficients read as if fitted on observed moves.
  await page.goto(`${url}?tab=models&case=cn&level=province`);
  await page.waitForSelector('#m-fit', { timeout: 120_000 });
  await page.selectOption('#m-level', 'province');
  await page.selectOption('#m-within', 'CN');
  await page.$$eval('#view-models form input[type=checkbox]:checked', (is) => is.forEach((i) => (i as unknown as { click: () => void }).click()));
  await page.check('input[name="periods"][value="2010-2020"]');
  await page.click('#m-fit');
  await page.waitForSelector('#view-models .model-results table.coef tbody tr, #view-models .model-results .status-error', { timeout: 180_000 });
  const notes = () => page.$$eval('#view-models .model-results > p.note:not([data-se])', (ps) => ps.map((p) => (p.textContent ?? '').trim()));
  const zh = await notes();
  assert.ok(zh.includes('全部流动是模型估计值（由 `talentflow estimate` 存储），不是观测到的迁移'), zh.join(' | '));
  await switchTo('en');
  await page.waitForFunction(`/^Gravity/.test(document.querySelector('#view-models [data-result-heading]')?.textContent ?? '')`, undefined, { timeout: 30_000 });
  const en = await notes();
  assert.ok(en.includes('all flow rows are model estimates (stored by `talentflow estimate`), not observed moves'), en.join(' | '));
  await switchTo('zh');
  assert.deepEqual(errors, []);
});

test('the JSON API keeps the English message beside the code', { timeout: 240_000 }, async () => {
  const started = await fetch(new URL('api/models/gravity', url), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ periods: ['2010-2020'], within: 'CN', level: 'province', destinationVars: ['disposable_income_pc'] }),
  });
  const job = await started.json() as { id: string };
  let view: { state: string; error?: { status: number; body: { error: { code: string; message: string; messageCode?: string; params?: Record<string, unknown> } } } };
  do {
    await new Promise((ok) => setTimeout(ok, 200));
    view = await (await fetch(new URL(`api/jobs/${job.id}`, url))).json() as typeof view;
  } while (view.state === 'queued' || view.state === 'running');
  assert.equal(view.state, 'failed');
  const e = view.error!.body.error;
  assert.equal(e.code, 'INPUT');
  assert.equal(e.messageCode, 'gravity.input.unknownIndicator');
  assert.match(e.message, /^unknown indicator "disposable_income_pc" \(destination attribute\): the regions within CN have no value of it for 2010-2020, 2010; /);
  assert.deepEqual(e.params?.periods, ['2010-2020', '2010']);
});

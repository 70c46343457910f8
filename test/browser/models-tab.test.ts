// The Models tab as an analyst meets it (issue 12, Models tab), in Debian's Chromium at 1440x900
// on a fresh demo workspace: the form follows the map (case, level), "Regions within" is a choice
// of the workspace's countries, groups and provinces named in the page's language, attributes are
// named by label and unit with their id on hover, the save name is suggested from case, level and
// period, and a fit's warnings are collapsed below its results with region names for codes; the
// same in 中文 and for Korea; a saved choice model's warnings in the page's language. Screenshots
// go to tmp/screenshots (look at them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', prefix: 'talentflow-models-tab-' });
  ({ server, page, errors } = dashboard);
}, { timeout: 300_000 });

after(async () => {
  await dashboard?.close();
});

const attributeLabels = () => page.$$eval('#view-models fieldset .checks label', (ls) => ls.map((l) => ({ text: (l.textContent ?? '').trim(), title: l.getAttribute('title') ?? '', value: l.querySelector('input')?.getAttribute('value') ?? '' })));
const optionTexts = () => page.$$eval('#m-within option', (os) => os.map((o) => [o.getAttribute('value') ?? '', (o.textContent ?? '').trim()] as [string, string]));

async function switchTo(target: 'zh' | 'en'): Promise<void> {
  if ((await page.evaluate('document.documentElement.lang')) === (target === 'zh' ? 'zh-CN' : 'en')) return;
  await page.click('#lang');
  await page.waitForFunction(`document.documentElement.lang.startsWith('${target}')`, undefined, { timeout: 10_000 });
}

test('en, China: the form follows the map\'s level, offers countries, groups and provinces by name, names attributes and suggests a save name', { timeout: 180_000 }, async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-map-ready]', { timeout: 90_000 });
  await switchTo('en');
  await page.selectOption('#f-level', 'city');
  await page.click('#tab-models');
  await page.waitForSelector('#m-fit', { timeout: 60_000 });
  assert.equal(await page.inputValue('#m-level'), 'city', 'the level the map shows');
  assert.equal(await page.$eval('#m-within', (e) => e.tagName), 'SELECT', 'Regions within is a choice, not a free-text box');
  assert.equal(await page.inputValue('#m-within'), 'CN');
  // The provinces come with the case's regions, a moment after the form.
  await page.waitForSelector('#m-within option[value="210000"]', { state: 'attached', timeout: 10_000 });
  const options = new Map(await optionTexts());
  assert.equal(options.get('CN'), 'China');
  assert.equal(options.get('KR'), 'Korea');
  assert.match(options.get('northeast') ?? '', /^Northeast/);
  assert.equal(options.get('210000'), 'Liaoning');
  assert.match(await page.getAttribute('#m-save', 'placeholder') ?? '', /^cn-city-\d{4}(-\d{4})?$/, 'from the case, level and period');
  await page.selectOption('#m-within', 'northeast');
  assert.match(await page.getAttribute('#m-save', 'placeholder') ?? '', /^northeast-city-\d{4}/);
  const labels = await attributeLabels();
  const share = labels.find((l) => l.value === 'share_age_15_59');
  assert.ok(share, `attributes: ${JSON.stringify(labels)}`);
  assert.equal(share.text, 'Share aged 15–59 (%)');
  assert.equal(share.title, 'share_age_15_59', 'the id on hover');
  assert.deepEqual(labels.filter((l) => /^[a-z0-9_]+$/.test(l.text)).map((l) => l.text), [], 'no attribute shown by its raw id');
  // The map's level changes the form's.
  await page.click('#tab-map');
  await page.selectOption('#f-level', 'province');
  await page.click('#tab-models');
  assert.equal(await page.inputValue('#m-level'), 'province');
  assert.equal(await page.inputValue('#m-within'), 'northeast', 'what the user chose stays');
  await page.selectOption('#m-level', 'city');
  assert.deepEqual(errors, []);
});

test('en, China: a fit on the Northeast\'s cities shows named terms first and its warnings collapsed, with region names for codes', { timeout: 240_000 }, async () => {
  // Origin attributes are identified only without the origin constraint.
  await page.selectOption('#m-constraint', 'unconstrained');
  await page.check('input[name="destinationVars"][value="share_age_15_59"]');
  await page.check('input[name="originVars"][value="population"]');
  await page.click('#m-fit');
  await page.waitForSelector('#view-models .model-results table.coef tbody tr, #view-models .model-results .status-error', { timeout: 180_000 });
  assert.equal(await page.locator('#view-models .model-results .status-error').count(), 0, await page.textContent('#view-models .model-results') ?? '');
  const terms = await page.$$eval('#view-models table.coef tbody th', (ths) => ths.map((th) => ({ text: th.textContent ?? '', title: th.getAttribute('title') ?? '' })));
  assert.ok(terms.some((x) => x.text === 'destination: Share aged 15–59 (%)' && x.title === 'destination_share_age_15_59'), JSON.stringify(terms));
  assert.ok(terms.some((x) => x.text === 'origin: Population (persons)'), JSON.stringify(terms));
  // One period, no clusters: the table says its standard errors are the model's, which its intervals and p values use.
  assert.match(await page.textContent('#view-models .model-results p[data-se="model"]') ?? '', /model-based/);
  // Log-likelihood, AIC and BIC of a fit over thousands of pairs to one decimal, not four.
  const stats = await page.$$eval('#view-models .model-results dl.stats dd', (dds) => dds.map((d) => d.textContent ?? ''));
  for (const i of [1, 2, 3]) assert.match(stats[i], /^[−-]?[\d,]+\.\d$/, `statistic ${i}: ${stats[i]}`);
  const warnings = page.locator('#view-models details.warnings');
  const n = await warnings.count();
  if (n) {
    assert.equal(await warnings.evaluate((d) => (d as unknown as { open: boolean }).open), false, 'collapsed by default');
    assert.match(await warnings.locator('summary').first().textContent() ?? '', /^(\d+ warnings|1 warning) about/);
    // The coefficients come before the warnings.
    assert.ok(await page.evaluate(`document.querySelector('#view-models table.coef').compareDocumentPosition(document.querySelector('#view-models details.warnings')) & Node.DOCUMENT_POSITION_FOLLOWING`));
    await warnings.evaluate((d) => {
      for (const x of [d, ...d.querySelectorAll('details')]) (x as unknown as { open: boolean }).open = true;
    });
    const text = await warnings.textContent() ?? '';
    assert.doesNotMatch(text, /"\d{6}"/, 'no quoted region code: names instead');
  }
  // The coefficient chart's x axis spans every dot and interval (a dot at 17.1 sat past the last
  // tick, 16), and its caption "Estimate →" overlaps no tick label.
  type Box = { text: string; left: number; right: number; top: number; bottom: number };
  // A string, not a function: tsx names functions with a __name the page does not have.
  const chart = await page.evaluate(`(() => {
    const fig = document.querySelector('#view-models figure[data-chart$="coefficients"]');
    const svg = [...fig.querySelectorAll('svg')].sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
    const boxes = (sel) => [...svg.querySelectorAll(sel)].map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom }; });
    return {
      ticks: boxes('[aria-label="x-axis tick label"] text'),
      dots: boxes('circle').map((b) => (b.left + b.right) / 2),
      intervals: boxes('[aria-label="rule"] line').filter((b) => b.right - b.left > 0.5),
      caption: boxes('[aria-label="x-axis label"] text'),
    };
  })()`) as { ticks: Box[]; dots: number[]; intervals: Box[]; caption: Box[] };
  const tickCentres = chart.ticks.map((x) => (x.left + x.right) / 2);
  const [axisStart, axisEnd] = [Math.min(...tickCentres), Math.max(...tickCentres)];
  assert.ok(chart.ticks.length >= 2 && chart.dots.length >= 2, JSON.stringify(chart));
  assert.deepEqual(chart.dots.filter((x) => x < axisStart - 0.5 || x > axisEnd + 0.5), [], `dots outside the ticks ${axisStart}–${axisEnd}`);
  assert.deepEqual(chart.intervals.filter((b) => b.left < axisStart - 1 || b.right > axisEnd + 1), [], `intervals outside the ticks ${axisStart}–${axisEnd}`);
  assert.equal(chart.caption.length, 1);
  const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  assert.deepEqual(chart.ticks.filter((x) => overlaps(x, chart.caption[0])).map((x) => x.text), [], 'tick labels under the axis caption');
  await page.screenshot({ path: join(SHOTS, 'models-china-en.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('中文, China: labels, units, regions and results in Chinese after a switch', { timeout: 120_000 }, async () => {
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#m-within option[value="210000"]')?.textContent === '辽宁省'`, undefined, { timeout: 10_000 });
  const labels = await attributeLabels();
  assert.equal(labels.find((l) => l.value === 'share_age_15_59')?.text, '15–59 岁人口占比（%）');
  const terms = await page.$$eval('#view-models table.coef tbody th', (ths) => ths.map((th) => th.textContent ?? ''));
  assert.ok(terms.includes('迁入地：15–59 岁人口占比（%）'), terms.join(' | '));
  // The model's own terms too: no English left in the table's first column.
  assert.ok(terms.includes('距离（公里）') && terms.includes('截距'), terms.join(' | '));
  assert.ok(terms.every((x) => !/[A-Za-z]{3,}/.test(x)), terms.join(' | '));
  // The coefficient chart leaves room for full-width labels: none starts left of the chart.
  const ticks = await page.$$eval('#view-models svg [aria-label="y-axis tick label"] text', (ts) => ts.map((x) => ({
    text: x.textContent ?? '', left: x.getBoundingClientRect().left - (x as unknown as { ownerSVGElement: { getBoundingClientRect: () => { left: number } } }).ownerSVGElement.getBoundingClientRect().left,
  })));
  assert.ok(ticks.length >= 3, JSON.stringify(ticks));
  assert.deepEqual(ticks.filter((x) => x.left < 0), [], 'clipped labels');
  const summary = await page.locator('#view-models details.warnings summary').first().textContent().catch(() => null);
  if (summary !== null) assert.match(summary ?? '', /^关于数据与拟合的 \d+ 条警告$/);
  await page.screenshot({ path: join(SHOTS, 'models-china-zh.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('Korea: the form offers Korea\'s regions, periods and indicators with a Korean save name; its choice of attributes in both languages', { timeout: 180_000 }, async () => {
  await page.click('#tab-map');
  await page.selectOption('#f-case', 'kr');
  await page.waitForSelector('body[data-map-ready]', { timeout: 60_000 });
  await page.click('#tab-models');
  await page.waitForFunction(`document.querySelector('#m-within')?.value === 'KR'`, undefined, { timeout: 10_000 });
  assert.equal(await page.locator('#view-models .model-results table.coef').count(), 0, 'the China fit is not shown as Korea\'s');
  assert.match(await page.getAttribute('#m-save', 'placeholder') ?? '', /^kr-province-\d{4}$/);
  // The demo's graduate records are of Chinese universities: no choice model of them for Korea.
  await page.waitForFunction(`document.querySelector('#m-kind option[value="choice"]')?.title.includes('其他国家')`, undefined, { timeout: 30_000 });
  assert.equal(await page.$eval('#m-kind option[value="choice"]', (o) => (o as unknown as { disabled: boolean }).disabled), true);
  const zh = await attributeLabels();
  assert.equal(zh.find((l) => l.value === 'individual_income_pc')?.text, '人均个人收入（千韩元）');
  await page.screenshot({ path: join(SHOTS, 'models-korea-zh.png'), fullPage: true });
  await switchTo('en');
  const en = await attributeLabels();
  assert.equal(en.find((l) => l.value === 'individual_income_pc')?.text, 'Individual income per capita (thousand KRW)');
  assert.ok(en.some((l) => l.value === 'population'), 'population is an attribute too');
  await page.click('#m-fit');
  await page.waitForSelector('#view-models table.coef tbody tr', { timeout: 120_000 });
  await page.screenshot({ path: join(SHOTS, 'models-korea-en.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('a saved choice model\'s warnings follow the page\'s language', { timeout: 120_000 }, async () => {
  const show = page.locator('[data-show-model][data-model-kind="choice"]').first();
  if (!(await show.count())) return;
  await show.click();
  await page.waitForSelector('#view-models .choice-result', { timeout: 60_000 });
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result h3')?.textContent?.includes('去向选择')`, undefined, { timeout: 30_000 })
    .catch(async () => assert.fail(`choice view after the switch: ${(await page.textContent('#view-models .model-results'))?.slice(0, 300)}`));
  // Collapsed as a gravity fit's (warning-list.ts).
  const warnings = await page.$$eval('#view-models .choice-result details.warnings li', (ls) => ls.map((l) => l.textContent ?? ''));
  for (const w of warnings) assert.match(w, /[\u4e00-\u9fff]/, w);
  await page.screenshot({ path: join(SHOTS, 'models-choice-zh.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

/** The results pane's text, for a failure message. */
const resultsText = async () => (await page.textContent('#view-models .model-results'))?.slice(0, 400) ?? '';

test('before any fit, the results pane says what the form does and lists the saved models to show, in both languages', { timeout: 120_000 }, async () => {
  await page.goto(`${server.url}?tab=models&case=cn`);
  await page.waitForSelector('#m-fit', { timeout: 60_000 });
  await switchTo('zh');
  const empty = page.locator('#view-models .model-results [data-empty-state]');
  await empty.locator('[data-show-model="china-provinces"]').waitFor({ timeout: 30_000 })
    .catch(async () => assert.fail(`results pane before a fit: ${await resultsText()}`));
  // A switch redraws the pane in the new language at once from the list it has (it once waited
  // for a new answer and showed its Chinese under English headings until then, as a loaded CI
  // machine caught), and reads no list again: names and kinds do not depend on the language.
  let reads = 0;
  const counted = async (r: Route) => {
    reads++;
    await r.continue().catch(() => undefined);
  };
  await page.route(/\/api\/models$/, counted);
  await switchTo('en');
  assert.match(await empty.textContent() ?? '', /^Results appear here.*fits a gravity model.*Saved models.*china-provinces \(gravity model\)Show/);
  await page.waitForTimeout(500);
  await page.unroute(/\/api\/models$/, counted);
  assert.equal(reads, 0, 'the list was read again on a language switch');
  // Every saved model has its button there, gravity and choice alike.
  const kinds = await empty.locator('[data-show-model]').evaluateAll((bs) => bs.map((b) => `${b.getAttribute('data-show-model')}:${b.getAttribute('data-model-kind')}`));
  assert.ok(kinds.includes('china-provinces:gravity') && kinds.includes('northeast-choice:choice'), kinds.join(' '));
  const box = await empty.boundingBox();
  assert.ok(box && box.y < 900 && box.width > 600, `in view, across the pane: ${JSON.stringify(box)}`);
  await page.screenshot({ path: join(SHOTS, 'models-empty-en.png') });
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .model-results [data-empty-state]')?.textContent?.includes('已保存的模型')`, undefined, { timeout: 10_000 })
    .catch(async () => assert.fail(`after the switch: ${await resultsText()}`));
  assert.match(await empty.textContent() ?? '', /china-provinces（引力模型）查看/);
  assert.doesNotMatch(await empty.textContent() ?? '', /Saved models|gravity model/);
  await page.screenshot({ path: join(SHOTS, 'models-empty-zh.png') });
  assert.deepEqual(errors, []);
});

test('a saved-model list that failed to load says so in the page\'s language, and a language switch reads it again', { timeout: 120_000 }, async () => {
  await switchTo('en');
  const seen = errors.length;
  // The server's internal error, as src/server/errors.ts sends it, for the list only.
  const body = JSON.stringify({ error: { code: 'INTERNAL', message: 'internal error: see the server log', messageCode: 'server.internal', params: {} } });
  const failing = (r: Route) => r.fulfill({ status: 500, contentType: 'application/json', body });
  await page.route(/\/api\/models$/, failing);
  const alert = page.locator('#view-models .model-results [data-empty-state] [role=alert]');
  try {
    await page.goto(`${server.url}?tab=models&case=cn`);
    await alert.waitFor({ timeout: 60_000 });
    assert.match(await alert.textContent() ?? '', /internal error/i);
  } finally {
    await page.unroute(/\/api\/models$/, failing);
  }
  // The switch reads the list again (it answers now): the models, in Chinese.
  await switchTo('zh');
  const empty = page.locator('#view-models .model-results [data-empty-state]');
  await empty.locator('[data-show-model="china-provinces"]').waitFor({ timeout: 30_000 })
    .catch(async () => assert.fail(`after the switch: ${await resultsText()}`));
  assert.match(await empty.textContent() ?? '', /china-provinces（引力模型）查看/);
  assert.equal(await alert.count(), 0);
  assert.deepEqual(errors.splice(seen).filter((e) => !/^500 .*\/api\/models$/.test(e) && !/status of 500/.test(e)), []);
});

test('a saved gravity model opens as a fit\'s result: heading, table, statistics, chart, warnings, after a language switch too', { timeout: 180_000 }, async () => {
  await switchTo('en');
  await page.click('#view-models .model-results [data-show-model="china-provinces"]');
  await page.waitForSelector('#view-models .model-results table.coef tbody tr', { timeout: 60_000 })
    .catch(async () => assert.fail(`saved gravity model: ${await resultsText()}`));
  const heading = () => page.textContent('#view-models .model-results [data-result-heading]');
  assert.equal(await heading(), 'china-provinces: Gravity model of province flows, 2000-2010: production (origin totals), distance decay power (d^β)');
  const terms = await page.$$eval('#view-models .model-results table.coef tbody th', (ths) => ths.map((th) => th.getAttribute('data-term')));
  assert.ok(terms.includes('distance_km') && terms.includes('destination_population'), terms.join(' '));
  assert.equal(await page.locator('#view-models .model-results dl.stats dd').count(), 10);
  assert.equal(await page.locator('#view-models .model-results figure[data-chart$="coefficients"] svg').count() > 0, true, 'the coefficient chart');
  assert.equal(await page.locator('#view-models .model-results [data-export="coef-csv"]').count(), 1);
  assert.equal(await page.locator('#view-models .model-results [data-empty-state]').count(), 0, 'the empty state gives way');
  const warnings = page.locator('#view-models .model-results details.warnings');
  assert.equal(await warnings.getAttribute('data-warnings'), '4');
  assert.equal(await warnings.evaluate((d) => (d as unknown as { open: boolean }).open), false, 'collapsed');
  assert.equal(await warnings.locator('summary').first().textContent(), '4 warnings about the data and the fit');
  assert.match(await warnings.textContent() ?? '', /origin Jiangxi has no outflow/, 'region names for codes');
  await page.screenshot({ path: join(SHOTS, 'models-saved-gravity-en.png'), fullPage: true });
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .model-results [data-result-heading]')?.textContent?.startsWith('china-provinces：2000-2010 年省级')`, undefined, { timeout: 10_000 })
    .catch(async () => assert.fail(`after the switch: ${await heading()}`));
  assert.match(await page.textContent('#view-models .model-results details.warnings summary') ?? '', /^关于数据与拟合的 4 条警告$/);
  assert.match(await page.textContent('#view-models .model-results details.warnings') ?? '', /江西省/);
  assert.ok((await page.$$eval('#view-models .model-results table.coef tbody th', (ths) => ths.map((th) => th.textContent ?? ''))).includes('距离（公里）'));
  await page.screenshot({ path: join(SHOTS, 'models-saved-gravity-zh.png'), fullPage: true });
  // A model of another case (Korea) opens from the list beside the form too, its level and period from what it recorded.
  await page.click('#view-models .saved-models [data-show-model="korea-2019"]');
  await page.waitForFunction(`document.querySelector('#view-models .model-results [data-result-heading]')?.textContent?.startsWith('korea-2019：2019 年省级')`, undefined, { timeout: 30_000 })
    .catch(async () => assert.fail(`korea-2019: ${await heading()}`));
  assert.deepEqual(errors, []);
});

test('beside model-based standard errors the table shows the robust ones, and says when they are many times larger (china-provinces: 0.0003 against 0.18), in both languages', { timeout: 180_000 }, async () => {
  // The saved model's own robust errors: what the column must show, term by term.
  const saved = await (await fetch(new URL('/api/models/china-provinces', server.url))).json() as { result: { terms: string[]; standardErrors: Record<string, number>; robustStandardErrors: Record<string, number> } };
  for (const lang of ['en', 'zh'] as const) {
    await switchTo(lang);
    await page.click('#view-models .saved-models [data-show-model="china-provinces"]');
    await page.waitForSelector('#view-models .model-results table.coef td[data-robust-se]', { timeout: 60_000 })
      .catch(async () => assert.fail(`no robust column: ${await resultsText()}`));
    // Opened from the list under the form, the result's heading is brought into view (the page had stayed down at the list).
    await page.waitForTimeout(300);
    const top = await page.$eval('#view-models .model-results [data-result-heading]', (e) => e.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 900, `the heading at ${top} px`);
    const heads = await page.$$eval('#view-models .model-results table.coef thead th', (ths) => ths.map((th) => (th.textContent ?? '').trim()));
    assert.equal(heads[3], lang === 'zh' ? '稳健标准误' : 'Robust SE');
    const cells = await page.$$eval('#view-models .model-results table.coef tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')?.getAttribute('data-term') ?? '', tr.querySelector('td[data-robust-se]')?.textContent ?? '']));
    assert.equal(cells.length, saved.result.terms.length);
    for (const [term, text] of cells) assert.equal(Number(text), Number(saved.result.robustStandardErrors[term].toFixed(4)), term);
    const ratio = Math.max(...saved.result.terms.map((term) => saved.result.robustStandardErrors[term] / saved.result.standardErrors[term]));
    assert.ok(ratio > 100, `robust / model-based: ${ratio}`);
    const note = page.locator('#view-models .model-results [data-se-robust]');
    assert.equal(Number(await note.getAttribute('data-se-robust')), Number(ratio.toFixed(1)));
    assert.match(await note.textContent() ?? '', lang === 'zh' ? new RegExp(`最多是基于模型的标准误的 ${Math.round(ratio)} 倍`) : new RegExp(`up to ${Math.round(ratio)} times the model-based`));
    await page.screenshot({ path: join(SHOTS, `models-robust-se-${lang}.png`) });
  }
  assert.deepEqual(errors, []);
});

test('the form fits a destination-choice model of the graduate records: its fields, a job, the result as a saved one, the numbers of the same spec fitted by the demo, in both languages', { timeout: 240_000 }, async () => {
  await page.goto(`${server.url}?tab=models&case=cn`);
  await page.waitForSelector('#m-fit', { timeout: 60_000 });
  await switchTo('en');
  // Offered once the graduate catalogue has come: the demo holds SYNTHETIC graduate records.
  await page.waitForSelector('#m-kind option[value="choice"]:not([disabled])', { state: 'attached', timeout: 30_000 });
  await page.selectOption('#m-kind', 'choice');
  await page.waitForSelector('input[name="personTerms"]', { timeout: 10_000 });
  await page.selectOption('#m-level', 'province');
  await page.selectOption('#m-within', 'CN');
  assert.match(await page.textContent('[data-kind-help]') ?? '', /^Conditional \(or nested\) logit of the region each graduate chose/);
  const ticked = (name: string) => page.$$eval(`input[name="${name}"]:checked`, (is) => is.map((i) => (i as unknown as { value: string }).value));
  // The defaults are the demo's own model (northeast-choice): the same fit must give its numbers.
  assert.deepEqual(await ticked('personTerms'), ['distance_home', 'is_home', 'is_study']);
  assert.deepEqual(await ticked('alternativeVars'), ['disposable_income_pc', 'population_year_end', 'weather_air_temperature_x10']);
  assert.equal(await page.inputValue('#m-degreeWith'), 'disposable_income_pc');
  assert.deepEqual(await ticked('university'), [], 'none ticked: all universities');
  assert.equal(await page.getAttribute('#m-save', 'placeholder'), 'cn-choice-province');
  const termLabels = await page.$$eval('input[name="personTerms"]', (is) => is.map((i) => i.parentElement?.textContent?.trim()));
  assert.ok(termLabels.includes('distance from home (100 km)'), termLabels.join(' | '));
  await page.fill('#m-save', 'form-choice');
  await page.click('#m-fit');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result h3')?.textContent === 'Destination choice: form-choice'`, undefined, { timeout: 120_000 })
    .catch(async () => assert.fail(`after the fit: ${await resultsText()}`));
  assert.match(await page.textContent('#view-models .choice-result [data-kind]') ?? '', /^SYNTHETIC person records/);
  assert.match(await page.textContent('.progress-text') ?? '', /^Done in [\d.]+ s$/);
  type Saved = { result: { coefficients: Record<string, number>; nPersons: number; logLikelihood: number } };
  const load = async (name: string) => (await (await fetch(`${server.url}api/models/${name}`)).json()) as Saved;
  const [fitted, demo] = [await load('form-choice'), await load('northeast-choice')];
  assert.deepEqual(Object.keys(fitted.result.coefficients).sort(), Object.keys(demo.result.coefficients).sort());
  for (const [term, b] of Object.entries(demo.result.coefficients)) assert.ok(Math.abs(fitted.result.coefficients[term] - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${term}: ${fitted.result.coefficients[term]} vs ${b}`);
  assert.equal(fitted.result.nPersons, demo.result.nPersons);
  // The page's table shows the fit's numbers, rounded.
  const first = await page.$eval('#view-models .choice-result table.coef tbody tr', (tr) => tr.querySelector('td')?.textContent ?? '');
  const term = await page.$eval('#view-models .choice-result table.coef tbody tr th', (th) => th.getAttribute('title') ?? '');
  assert.ok(Math.abs(Number(first.replace(/,/g, '')) - fitted.result.coefficients[term]) < 0.01, `${term}: ${first}`);
  await page.locator('#view-models .saved-models [data-show-model="form-choice"]').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(SHOTS, 'models-choice-form-en.png'), fullPage: true });
  await switchTo('zh');
  await page.waitForFunction(`document.querySelector('#view-models .choice-result h3')?.textContent === '去向选择模型：form-choice'`, undefined, { timeout: 30_000 });
  assert.equal(await page.inputValue('#m-kind'), 'choice', 'the form stays on the choice model');
  const legends = await page.$$eval('#view-models form legend', (ls) => ls.map((l) => l.textContent ?? ''));
  assert.ok(legends.includes('毕业生与地区的关系项'), legends.join(' | '));
  assert.match(await page.textContent('[data-kind-help]') ?? '', /^以地区属性及毕业生与家乡/);
  await page.screenshot({ path: join(SHOTS, 'models-choice-form-zh.png'), fullPage: true });
  // A fit that cannot run says why in the pane, in the page's language: no term at all.
  await switchTo('en');
  for (const box of await page.$$('#view-models form input[name="personTerms"]:checked, #view-models form input[name="alternativeVars"]:checked')) await box.uncheck();
  await page.selectOption('#m-degreeWith', '');
  await page.click('#m-fit');
  await page.waitForSelector('#view-models .model-results .status-error', { timeout: 60_000 });
  assert.match(await page.textContent('#view-models .model-results .status-error') ?? '', /^The fit failed: /);
  assert.deepEqual(errors.filter((e) => !/^(400|422) /.test(e) && !/status of (400|422)/.test(e)), []);
  errors.length = 0;
});

test('the form chooses the standard errors: the model\'s default clusters a panel by pair, or by origin, two-way or none as chosen; the table and its note use them, in both languages', { timeout: 300_000 }, async () => {
  await page.goto(`${server.url}?tab=models&level=province`);
  await page.waitForSelector('#m-se', { timeout: 90_000 });
  await switchTo('en');
  assert.equal(await page.inputValue('#m-se'), '', 'left to the model by default');
  // Both periods of China's provinces: a panel.
  const periods = await page.$$eval('input[name="periods"]', (xs) => xs.map((x) => x.getAttribute('value') ?? ''));
  assert.ok(periods.length >= 2, periods.join(' '));
  for (const p of periods) await page.check(`input[name="periods"][value="${p}"]`);
  const fitWith = async (se: string) => {
    await page.selectOption('#m-se', se);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/models/gravity');
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/jobs/') && r.request().method() === 'GET');
    await page.click('#m-fit');
    const body = (await sent).postDataJSON() as { cluster?: string[] };
    await answered;
    await page.waitForSelector('#view-models .model-results p[data-se]', { timeout: 120_000 })
      .catch(async () => assert.fail(`no result: ${await page.textContent('#view-models .model-results')}`));
    const note = await page.textContent('#view-models .model-results p[data-se]') ?? '';
    const kind = await page.getAttribute('#view-models .model-results p[data-se]', 'data-se');
    const distanceSe = await page.$eval('#view-models .model-results table.coef tbody th[data-term="distance_km"] + td + td', (td) => td.textContent ?? '');
    return { cluster: body.cluster, note, kind, distanceSe };
  };
  const byDefault = await fitWith('');
  assert.equal(byDefault.cluster, undefined, 'the default sends no cluster');
  assert.equal(byDefault.kind, 'clustered');
  assert.match(byDefault.note, /^Standard errors, intervals and p values clustered by origin–destination pair \([\d,]+ clusters\)/);
  const byOrigin = await fitWith('origin');
  assert.deepEqual(byOrigin.cluster, ['origin']);
  assert.match(byOrigin.note, /clustered by origin \(31 clusters\)/);
  const twoWay = await fitWith('origin,destination');
  assert.deepEqual(twoWay.cluster, ['origin', 'destination']);
  assert.match(twoWay.note, /clustered by origin × destination \(31 × 31 clusters\)/);
  const none = await fitWith('none');
  assert.deepEqual(none.cluster, []);
  assert.equal(none.kind, 'model');
  // Four different errors for one coefficient: the table shows the one chosen.
  assert.equal(new Set([byDefault, byOrigin, twoWay, none].map((x) => x.distanceSe)).size, 4, JSON.stringify([byDefault, byOrigin, twoWay, none].map((x) => x.distanceSe)));
  await switchTo('zh');
  assert.equal(await page.$eval('#m-se option[value="origin"]', (o) => o.textContent), '按迁出地聚类');
  await switchTo('en');
  assert.deepEqual(errors, []);
});

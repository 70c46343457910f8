// The analyst's path of issue 12 on a workspace built from scratch with their own data, in
// Debian's Chromium at 1440x900: `init`, the census city file as region registry, own flows
// between the Northeast's 36 cities for 2019-2021 in a GB18030 CSV with Chinese headers
// (迁出地, 迁入地, 年份, 人数), and a yearbook-layout xlsx of two indicators (城市, 年份,
// 城镇非私营单位平均工资（元）, 年末常住人口(万人)); then `serve`. The page must draw the map
// with flow lines for each own period, rank regions, fit a gravity model on the own flows and
// indicators from the Models tab's form and show its named coefficients, and run a scenario on
// that model with cohorts and stay shares from the own indicators and flows (the Scenario tab's
// model, cohort and stay-share choices; the API's 400 for a population indicator the workspace
// lacks). Screenshots go to tmp/screenshots/analyst-path-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { CHINA } from '../helpers/workspace.ts';
import { encodeGb18030 } from '../fuzz/gb18030.ts';

const YEARS = [2019, 2020, 2021];
const WAGE = '城镇非私营单位平均工资（元）';
const POP = '年末常住人口(万人)';
const SOURCE = '东北三省人才办 graduate moves survey 2019-2021';

interface City { name: string; code: string; pop2020: number }

/** The Northeast's 36 prefecture-level cities, as the census registry file names them. */
function northeastCities(): City[] {
  const text = readFileSync(join(CHINA, 'raw', 'census_city_2010-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
  const cities: City[] = [];
  for (const line of text.split('\n').slice(1)) {
    const m = /^"([^"]+)","(\d{6})","[^"]*","(2[123])0000","(\d+)"/.exec(line);
    if (m) cities.push({ name: m[1], code: m[2], pop2020: Number(m[4]) });
  }
  return cities;
}

/** A fixed pseudo-random factor in [0.8, 1.2) for a pair and year: counts are plausible but not exactly a model's. */
function jitter(...k: number[]): number {
  let h = 2166136261;
  for (const x of k) h = Math.imul(h ^ x, 16777619) >>> 0;
  return 0.8 + 0.4 * ((h % 10007) / 10007);
}

/** Average wage (yuan) of a city in a year: higher in the provincial capitals and Dalian and Daqing, growing 5% a year. */
function wage(c: City, i: number, year: number): number {
  const base = ['210100', '210200', '220100', '230100', '230600'].includes(c.code) ? 95000 : 68000 + 400 * (i % 9);
  return Math.round(base * 1.05 ** (year - 2019));
}

/** Resident population (万人) in a year: the 2020 census count, shrinking 1% a year. */
const population = (c: City, year: number) => Math.round((c.pop2020 / 1e4) * 0.99 ** (year - 2020) * 10) / 10;

/** Graduates moving from city i to city j in a year: larger towards big, well-paid cities of the same province. */
function moves(cities: City[], i: number, j: number, year: number): number {
  const o = cities[i];
  const d = cities[j];
  const same = o.code.slice(0, 2) === d.code.slice(0, 2) ? 3 : 1;
  return Math.max(1, Math.round(population(o, year) * population(d, year) / 400 * same * (wage(d, j, year) / 70000) ** 2 * jitter(i, j, year)));
}

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let page: Page;
let errors: string[] = [];
let cities: City[];

/** The analyst's workspace, made as they would with the CLI in `dir`; returns its file. */
async function analystWorkspace(dir: string): Promise<string> {
  cities = northeastCities();
  assert.equal(cities.length, 36, 'the Northeast\'s prefecture-level cities in the registry file');
  const file = join(dir, 'mine.duckdb');
  const ok = (args: string[]) => {
    const r = runCli(dir, [...args, '-w', file]);
    assert.equal(r.code, 0, `talentflow ${args.join(' ')}: ${r.stderr}`);
    return r.stdout + r.stderr;
  };
  ok(['init']);
  ok(['import', 'regions', join(CHINA, 'raw', 'census_city_2010-2020.csv')]);
  // Own flows: a GB18030 CSV with Chinese headers, city names without their 市 suffix as yearbooks often write them.
  const rows = ['迁出地,迁入地,年份,人数'];
  for (const year of YEARS) {
    cities.forEach((o, i) => cities.forEach((d, j) => {
      if (i !== j) rows.push(`${o.name.replace(/市$/, '')},${d.name.replace(/市$/, '')},${year},${moves(cities, i, j, year)}`);
    }));
  }
  const flows = join(dir, '东北毕业生流动.csv');
  writeFileSync(flows, encodeGb18030(rows.join('\r\n') + '\r\n'));
  assert.match(ok(['import', 'flows', flows, '--source', SOURCE]), /gb18030/i, 'the encoding is detected and said');
  // A yearbook-layout xlsx: one row per city and year, one column per indicator with its unit in the header.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('表2-1');
  sheet.addRow(['城市', '年份', WAGE, POP]);
  for (const year of YEARS) cities.forEach((c, i) => sheet.addRow([c.name, year, wage(c, i, year), population(c, year)]));
  const xlsx = join(dir, '东北统计年鉴.xlsx');
  await book.xlsx.writeFile(xlsx);
  ok(['import', 'indicators', xlsx]);
  return file;
}

before(async () => {
  dashboard = await openDashboard({ workspace: analystWorkspace, locale: 'en-US', lang: 'en', prefix: 'talentflow-analyst-' });
  ({ server, page, errors } = dashboard);
}, { timeout: 400_000 });

after(() => dashboard?.close());

const noErrorBanner = async (view: string) => {
  const banners = await page.$$eval(`#view-${view} .status-error:not([hidden])`, (es) => es.map((e) => e.textContent ?? ''));
  assert.deepEqual(banners, [], `${view}: error banners`);
};

test('the map draws the own flows for each own period 2019-2021', { timeout: 180_000 }, async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 120_000 });
  const periods = await page.evaluate<string[]>("[...document.querySelectorAll('#f-period option')].map((o) => o.value)");
  for (const y of YEARS) assert.ok(periods.includes(String(y)), `period ${y} offered: ${periods}`);
  for (const y of ['2019', '2020', '2021']) {
    await page.selectOption('#f-period', y);
    await page.waitForFunction(`document.querySelector('#f-period').value === '${y}' && document.body.dataset.flowsReady !== undefined`);
    await page.waitForFunction('window.__talentflow.flowCount() > 0', undefined, { timeout: 60_000 });
    const drawn = await page.evaluate<{ features: number; net: number; flows: number }>(
      "({ features: window.__talentflow.map().queryRenderedFeatures({ layers: ['regions-fill'] }).length, net: window.__talentflow.netCount(), flows: window.__talentflow.flowCount() })");
    assert.ok(drawn.features > 0, `${y}: regions painted`);
    assert.ok(drawn.net >= 3, `${y}: the three Northeast provinces have a net value: ${drawn.net}`);
    assert.ok(drawn.flows > 0, `${y}: flow lines drawn`);
  }
  const footer = await page.$eval('footer', (f) => f.textContent ?? '');
  assert.ok(footer.includes(SOURCE), footer);
  await page.screenshot({ path: join(SHOTS, 'analyst-path-map.png') });
  assert.deepEqual(errors, []);
});

test('the Rankings tab ranks the Northeast\'s regions', { timeout: 120_000 }, async () => {
  await page.click('#tab-rankings');
  await page.waitForSelector('[data-table="rankings"] tbody tr', { timeout: 90_000 });
  const rows = await page.$$eval('[data-table="rankings"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  assert.ok(rows.length > 0);
  for (const [rank, name, score] of rows) {
    assert.match(rank, /^\d+$/);
    assert.ok(name.length > 0 && !/^\d{6}$/.test(name), `a named region: ${name}`);
    assert.ok(Number.isFinite(Number(score)), `a score: ${score}`);
  }
  await noErrorBanner('rankings');
  assert.deepEqual(errors, []);
});

test('the Rankings tab ranks the Northeast\'s cities by the yearbook\'s own indicators, in the order min-max with equal weights gives', { timeout: 120_000 }, async () => {
  await page.selectOption('#r-index', 'own');
  await page.waitForSelector('#r-run');
  await page.selectOption('#r-level', 'city');
  await page.selectOption('#r-period', '2021');
  await page.$$eval('.rank-pick input[type=checkbox]:checked', (is) => is.forEach((i) => (i as unknown as { click: () => void }).click()));
  for (const v of ['城镇非私营单位平均工资', '年末常住人口']) await page.check(`.rank-pick [data-indicator="${v}"] input`);
  await page.fill('#r-top', '5');
  await page.press('#r-top', 'Enter');
  await page.click('#r-run');
  await page.waitForFunction("document.querySelectorAll('[data-table=rankings] tbody tr').length === 5 || document.querySelector('#view-rankings .status-error')", undefined, { timeout: 60_000 });
  await noErrorBanner('rankings');
  // The expected order, recomputed here: each indicator min-max normalised over the 36 cities, more is better, equal weights.
  const wages = cities.map((c, i) => wage(c, i, 2021));
  const pops = cities.map((c) => population(c, 2021));
  const norm = (xs: number[]) => xs.map((x) => (x - Math.min(...xs)) / (Math.max(...xs) - Math.min(...xs)));
  const [nw, np] = [norm(wages), norm(pops)];
  const expected = cities.map((c, i) => ({ code: c.code, score: (nw[i] + np[i]) / 2 })).sort((x, y) => y.score - x.score).slice(0, 5);
  const names = new Map((await (await fetch(new URL('/api/regions?level=city&within=northeast&limit=1000', server.url))).json() as { code: string; name_en: string }[]).map((r) => [r.code, r.name_en]));
  const rows = await page.$$eval('[data-table="rankings"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  assert.deepEqual(rows.map((r) => r[1]), expected.map((e) => names.get(e.code)));
  rows.forEach((r, k) => assert.ok(Math.abs(Number(r[2]) - expected[k].score) < 1e-3, `${r[1]}: ${r[2]} against ${expected[k].score}`));
  await page.screenshot({ path: join(SHOTS, 'analyst-path-rankings.png') });
  assert.deepEqual(errors, []);
});

test('the Models tab fits a gravity model on the own flows and yearbook indicators and shows named coefficients', { timeout: 240_000 }, async () => {
  await page.click('#tab-models');
  await page.waitForSelector('#m-fit', { timeout: 60_000 });
  await page.selectOption('#m-within', 'northeast');
  await page.selectOption('#m-level', 'city');
  for (const y of YEARS) await page.check(`input[name="periods"][value="${y}"]`);
  await page.selectOption('#m-constraint', 'production');
  for (const v of ['城镇非私营单位平均工资', '年末常住人口']) await page.check(`input[name="destinationVars"][value="${v}"]`);
  await page.fill('#m-save', 'northeast-own');
  await page.click('#m-fit');
  await page.waitForSelector('#view-models .model-results table.coef tbody tr, #view-models .model-results .status-error', { timeout: 180_000 });
  await noErrorBanner('models');
  const coef = await page.$$eval('#view-models .model-results table.coef tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  const terms = coef.map((r) => r[0]);
  assert.ok(terms.some((x) => x.includes('城镇非私营单位平均工资')), `the wage term by its name: ${terms}`);
  assert.ok(terms.some((x) => x.includes('年末常住人口')), `the population term by its name: ${terms}`);
  assert.ok(terms.some((x) => /distance/i.test(x)), `the distance term: ${terms}`);
  for (const [term, estimate] of coef) assert.ok(Number.isFinite(Number(estimate.replace(/,/g, '').replace('−', '-'))), `${term}: ${estimate}`);
  // The counts grow with the square of the destination's wage (times noise): the elasticity is near 2.
  const wageRow = coef.find((r) => r[0].includes('城镇非私营单位平均工资'))!;
  const elasticity = Number(wageRow[1].replace('−', '-'));
  assert.ok(elasticity > 1.2 && elasticity < 2.8, `wage elasticity ${elasticity}`);
  assert.match(await page.$eval('#view-models .model-results', (e) => e.textContent ?? ''), /northeast-own/);
  await page.screenshot({ path: join(SHOTS, 'analyst-path-model.png') });
  assert.deepEqual(errors, []);
});

test('the Scenario tab runs a scenario on the analyst\'s own saved model, with their own indicators, and says so', { timeout: 180_000 }, async () => {
  await page.click('#tab-scenario');
  await page.waitForSelector('#view-scenario [data-result="retained-delta"] .big, #view-scenario .scenario-message .status', { timeout: 120_000 });
  await noErrorBanner('scenario');
  // The workspace has no example's model: the analyst's own model is chosen, no example.
  assert.equal(await page.$eval('#s-model', (e) => (e as unknown as { value: string }).value), 'northeast-own');
  assert.equal(await page.$eval('#s-example', (e) => (e as unknown as { value: string }).value), '');
  // Targets are the model's 36 cities, by name.
  const targets = await page.$$eval('.target-list label', (ls) => ls.map((l) => (l.textContent ?? '').trim()));
  assert.equal(targets.length, 36, `the model's cities: ${targets}`);
  for (const name of targets) assert.ok(name && !/\d{6}/.test(name), `a name, not a code: ${name}`);
  // Cohorts from the yearbook's population (万人, so x 10,000), stay shares from the own flows over it.
  assert.equal(await page.$eval('#s-cohort', (e) => (e as unknown as { value: string }).value), 'indicator');
  assert.equal(await page.$eval('#s-stay', (e) => (e as unknown as { value: string }).value), 'flows');
  const basis = await page.textContent('#view-scenario [data-basis]') ?? '';
  assert.match(basis, /Model northeast-own: gravity model fitted to 2019, 2020, 2021, 36 regions/);
  assert.match(basis, /graduates a year = 年末常住人口 \(万人\) in 2021 × 1% \(estimated\)/);
  assert.match(basis, /stay share = 1 − leavers \/ 年末常住人口 \(万人\), flows of 2021 \(estimated\)/);
  // The payment enters the yearbook's wage, a yearly amount in 元.
  assert.equal(await page.$eval('#s-term', (e) => (e as unknown as { value: string }).value), `destination_${WAGE.replace(/（元）$/, '')}`);
  const number = async () => Number((await page.textContent('[data-result=retained-delta] .big'))!.replace(/,/g, ''));
  const before = await number();
  assert.ok(before > 0, `a payment retains graduates: ${before}`);
  await page.screenshot({ path: join(SHOTS, 'analyst-path-scenario.png') });
  // A larger payment retains more.
  const renders = await page.$eval('#view-scenario', (e) => Number((e as unknown as { dataset: { renders?: string } }).dataset.renders ?? 0));
  await page.locator('#s-subsidy').fill('2500');
  await page.waitForFunction(`Number(document.querySelector('#view-scenario').dataset.renders) > ${renders} && document.querySelector('#s-subsidy-value').textContent.startsWith('2,500')`, undefined, { timeout: 60_000 });
  const after = await number();
  assert.ok(after > before, `2,500 a month retains more than 1,000: ${after} against ${before}`);
  // In Chinese, the same basis in Chinese.
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('#view-scenario [data-basis]').textContent.includes('留下比例')", undefined, { timeout: 60_000 });
  assert.match(await page.textContent('#view-scenario [data-basis]') ?? '', /模型 northeast-own：引力模型.*每年毕业生 = 2021 年的年末常住人口（万人） × 1%/);
  // The slider's fill scrolled the page: back to the top for the screenshot of the first screen.
  await page.evaluate("for (const e of [document.scrollingElement, ...document.querySelectorAll('main, .view, .col')]) if (e) e.scrollTop = 0");
  await page.screenshot({ path: join(SHOTS, 'analyst-path-scenario-zh.png') });
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});

test('a stay share from flows over a population indicator the workspace lacks is a 400 listing those it has', { timeout: 60_000 }, async () => {
  const doc = {
    name: 'own', baseline: { model: 'northeast-own', period: '2021', cohort: { source: 'indicator', indicator: '年末常住人口', rate: 0.01 }, stayShare: { source: 'flows', period: '2021', population: '常住人口' } },
    interventions: [{ targets: ['沈阳市'], term: `destination_${WAGE.replace(/（元）$/, '')}`, change: { type: 'absolute', value: 12000 }, startYear: 2022 }],
    horizon: { startYear: 2022, years: 5 },
  };
  const res = await fetch(new URL('/api/scenarios/counterfactual', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document: doc }) });
  assert.equal(res.status, 400);
  const message = ((await res.json()) as { error: { message: string } }).error.message;
  assert.match(message, /baseline\.stayShare\.population: no indicator "常住人口" in 2021 for the model's 36 regions; indicators there: .*年末常住人口 \(万人\)/);
  // Named right, the same document is computed.
  doc.baseline.stayShare.population = '年末常住人口';
  const ok = await fetch(new URL('/api/scenarios/counterfactual', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document: doc }) });
  assert.equal(ok.status, 200, await ok.clone().text());
  const body = (await ok.json()) as { basis: { stayShare: { population: string } }; summary: { retainedDelta: number } };
  assert.equal(body.basis.stayShare.population, '年末常住人口');
  assert.ok(body.summary.retainedDelta > 0);
});

// The Scenario tab as a new user meets it (issue 12, screenshots of each tab in both languages),
// in Debian's Chromium on the demo, which opens on the Northeast example: the amount, the years
// paid, who is paid, the targets and the run button are above the fold at 1440x900 (they sat under
// the baseline's model form); the results start under the banner however tall the window (the
// banner's grid row stretched: a gap of ~280 px at 2400 px); a line says what was simulated (also
// in the print view, where the controls are not printed) and the empty comparison is not printed;
// money is rounded to the three digits an estimate supports (was 439,277,432 yuan); the basis line
// carries no version hash and no "its period (not recorded in the fit)"; the notes name the term
// (destination: GDP per capita), not its id, and do not say "scaled from 0.156 to 0.156"; the
// cohort table's button says what it exports. The same in 中文. Issue 12 (analyst): the printed
// summary's assumptions are the example's Chinese ones in 中文 (were English), and the basis line
// names the periods the demo fitted its model to (was "fitted periods not recorded").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';
import { REPO } from '../helpers/workspace.ts';
import { selectFit } from '../helpers/select-fit.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', prefix: 'talentflow-scenario-tab-' });
  ({ page, errors } = dashboard);
}, { timeout: 300_000 });

after(() => dashboard?.close());

type Box = { top: number; bottom: number };
const box = (sel: string) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }) as Promise<Box>;
const text = async (sel: string) => ((await page.textContent(sel)) ?? '').trim();
/** Digits after the third significant one are zeros: "196,000", "439,000,000". */
const threeDigits = (s: string) => /^[1-9]\d{0,2}0*$/.test(s.replace(/,/g, ''));

/** The example select shows every example's short name whole, the full one on hover (it was cut off: "…in Liaoning (g"). */
const exampleSelectProblems = () => selectFit(page, '#s-example');

test('en: controls above the fold, results under the banner, the settings in words, rounded money, named terms', { timeout: 240_000 }, async () => {
  await page.goto(`${dashboard!.server.url}?tab=scenario`);
  await page.waitForSelector('#view-scenario [data-result="retained-delta"] .big', { timeout: 180_000 });
  await page.waitForFunction("document.querySelector('#view-scenario [data-settings]')?.textContent", undefined, { timeout: 60_000 });
  const select = await exampleSelectProblems();
  assert.ok(select.count >= 2, JSON.stringify(select));
  assert.deepEqual(select.cut, [], 'example names cut off in the select at 1440x900');
  assert.deepEqual(select.untitled, []);
  assert.equal(select.title, 'Northeast China: stay subsidy in Liaoning (gravity model)');
  // The fold: the window's bottom less the sources' footer, which stays over the page.
  const fold = (await box('footer')).top;
  for (const sel of ['#s-subsidy', '#s-years', '[data-eligible=stayers]', '.target-list', '#s-run']) {
    const b = await box(sel);
    assert.ok(b.bottom <= fold && b.top >= 0, `${sel} above the fold (${fold} px) at 1440x900: ${JSON.stringify(b)}`);
  }
  for (const height of [900, 2400]) {
    await page.setViewportSize({ width: 1440, height });
    await page.waitForTimeout(300);
    const gap = (await box('#view-scenario [data-settings]')).top - (await box('#view-scenario [data-banner=synthetic]')).bottom;
    assert.ok(gap >= 0 && gap < 60, `results start under the banner at 1440x${height}: a gap of ${gap} px`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  assert.match(await text('[data-settings]'), /^Simulated: 1,000 yuan a month \(12,000 yuan a year\) for 3 year\(s\) each, paid to stayers in Liaoning; cohorts graduating \d{4}–\d{4}; years shown \d{4}–\d{4}\.$/);
  const perRetained = await text('[data-result=cost-per-retained] .big');
  const total = await text('[data-result=total-cost] .big');
  assert.ok(threeDigits(perRetained.replace(/ yuan$/, '')), `cost per retained graduate to three digits: ${perRetained}`);
  assert.ok(threeDigits(total.replace(/ yuan$/, '')), `total cost to three digits: ${total}`);
  const basis = await text('[data-basis]');
  assert.doesNotMatch(basis, /version|not recorded in the fit/, basis);
  assert.match(basis, /^Model china-provinces: gravity model/);
  const notes = await page.$$eval('#view-scenario .scenario-notes li', (ls) => ls.map((l) => l.textContent ?? ''));
  const paymentNote = notes.find((n) => n.startsWith('payment')) ?? '';
  assert.match(paymentNote, /the document's own amount: the relative change of destination: GDP per capita is 0\.156/, notes.join(' | '));
  assert.deepEqual(notes.filter((n) => /destination_|scaled from ([\d.]+) to \1\b/.test(n)), []);
  assert.equal(await text('[data-export=scenario-csv]'), 'Cohort table (CSV)');
  await page.screenshot({ path: join(SHOTS, 'scenario-tab-en.png') });
  // The print view: no controls, so the settings line says what was simulated; no empty comparison.
  await page.emulateMedia({ media: 'print' });
  try {
    assert.equal(await page.locator('#view-scenario [data-settings]').isVisible(), true);
    assert.equal(await page.locator('#s-subsidy').isVisible(), false);
    assert.equal(await page.locator('#run-compare').isVisible(), false, 'no saved runs: the comparison is not printed');
    // The print header names the tab once ("Scenario: pay…", not "Scenario · Scenario: pay…").
    const head = await page.locator('[data-print-header] h1').first().textContent() ?? '';
    assert.match(head, /^talentflow — Scenario/, head);
    assert.doesNotMatch(head, /Scenario · Scenario/, head);
    await page.screenshot({ path: join(SHOTS, 'scenario-tab-print.png'), fullPage: true });
  } finally {
    await page.emulateMedia({ media: null });
  }
  assert.deepEqual(errors, []);
});

test('中文: the settings line, the basis and the notes in Chinese, money in 万/亿', { timeout: 120_000 }, async () => {
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('#view-scenario [data-settings]')?.textContent.startsWith('模拟设定')", undefined, { timeout: 60_000 });
  const settings = await text('[data-settings]');
  assert.match(settings, /^模拟设定：向辽宁省的.+发放每月 1,000 元（每年 12,000 元），每人 3 年；\d{4}–\d{4} 届毕业生；显示 \d{4}–\d{4} 年。$/, settings);
  assert.match(await text('[data-result=total-cost] .big'), /^[\d.]+(万|亿)元$/);
  const select = await exampleSelectProblems();
  assert.deepEqual(select.cut, [], '中文 example names cut off in the select');
  assert.equal(select.title, '东北：辽宁留下就业补贴（引力模型）');
  assert.doesNotMatch(await text('[data-basis]'), /版本|其时期/);
  const notes = await page.$$eval('#view-scenario .scenario-notes li', (ls) => ls.map((l) => l.textContent ?? ''));
  assert.ok(notes.some((n) => n.includes('即文件本身的金额：迁入地：')), notes.join(' | '));
  assert.deepEqual(notes.filter((n) => /destination_/.test(n)), []);
  await page.screenshot({ path: join(SHOTS, 'scenario-tab-zh.png') });
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});

/** The printable summary's text (its print dialog kept shut). */
async function summaryText(): Promise<string> {
  await page.evaluate('window.open = ((open) => (...a) => { const w = open(...a); if (w) w.print = () => {}; return w; })(window.open)');
  const [popup] = await Promise.all([page.context().waitForEvent('page'), page.click('#s-print')]);
  await popup.waitForLoadState();
  const body = (await popup.textContent('body')) ?? '';
  await popup.close();
  return body;
}

test('the printable summary lists the example\'s assumptions in the page\'s language (中文 showed the English)', { timeout: 240_000 }, async () => {
  const doc = JSON.parse(readFileSync(join(REPO, 'examples/northeast-stay-subsidy.json'), 'utf8')) as { assumptions: string[]; assumptions_zh?: string[] };
  await page.goto(`${dashboard!.server.url}?tab=scenario`);
  await page.waitForSelector('#view-scenario [data-result="retained-delta"] .big', { timeout: 180_000 });
  const en = await summaryText();
  for (const a of doc.assumptions) assert.ok(en.includes(a), `English summary lacks: ${a}`);
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('#view-scenario [data-settings]')?.textContent.startsWith('模拟设定')", undefined, { timeout: 60_000 });
  const zh = await summaryText();
  assert.equal(doc.assumptions_zh?.length, doc.assumptions.length, 'assumptions_zh: one for each assumption');
  for (const a of doc.assumptions_zh!) assert.ok(zh.includes(a), `中文 summary lacks: ${a}`);
  for (const a of doc.assumptions) assert.ok(!zh.includes(a), `English assumption in the 中文 summary: ${a}`);
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});

test('the model line names the periods the demo fitted the model to (was "fitted periods not recorded"), in English and 中文', { timeout: 240_000 }, async () => {
  await page.goto(`${dashboard!.server.url}?tab=scenario`);
  await page.waitForSelector('#view-scenario [data-result="retained-delta"] .big', { timeout: 180_000 });
  await page.waitForFunction("document.querySelector('#view-scenario [data-basis]')?.textContent", undefined, { timeout: 60_000 });
  const basis = await text('[data-basis]');
  assert.match(basis, /^Model china-provinces: gravity model fitted to 2000-2010, 31 regions · /, basis);
  assert.doesNotMatch(basis, /not recorded/);
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('#view-scenario [data-basis]')?.textContent.startsWith('模型')", undefined, { timeout: 60_000 });
  const basisZh = await text('[data-basis]');
  assert.match(basisZh, /^模型 china-provinces：引力模型，拟合时期 2000-2010，31 个地区 · /, basisZh);
  assert.doesNotMatch(basisZh, /未记录/);
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});

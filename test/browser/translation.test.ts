// Every tab of the dashboard in Chinese shows no English sentence (its footer's sources too), and
// in English no Chinese one beyond names with their translation on hover; the English footer
// cites no source in Chinese. The page is built from the current sources into
// a temporary folder (a stale web/dist cannot hide a hard-coded string), served on a demo
// workspace and opened in Debian's Chromium; each tab is rendered (the Models tab with a fit, so
// the model's notes and warnings show), its visible text collected and runs of two or more Latin
// words flagged unless made only of codes, units and names in ALLOWED. Screenshots of each tab in
// both languages go to tmp/screenshots (look at them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDashboard, SHOTS, type Dashboard } from '../helpers/browser.ts';

/**
 * Latin words allowed in Chinese text: the product, file formats, model and method names, codes
 * of the data (region codes, units), and command lines (`talentflow import ...`).
 */
const ALLOWED = new Set(`talentflow csv png svg pdf html json xlsx duckdb ppml glm irls aic bic se p ci id
  kosis nbs gb t abel migest wtp logit mnl nl cn kr at km yuan won krw cny usd neu dut import indicators file regions
  demo flows models serve persons groups export estimate report scenario run fit gravity choice rank
  wald hc hc0 hc1 r fixest vs log ln exp min max n k`.split(/\s+/).filter(Boolean));

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'zh-CN', responses: false, prefix: 'talentflow-i18n-' });
  ({ server, page, errors } = dashboard);
}, { timeout: 300_000 });

after(() => dashboard?.close());

/**
 * The visible text of the page: text nodes of rendered elements, titles excluded. The footer's
 * sources count too: the bundled data carry each in both languages (source, source_zh).
 */
const VISIBLE_TEXT = `(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent.trim();
      if (!el || !text || el.closest('script, style, [hidden], option:not(:checked)')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      out.push(text);
    }
    return out;
  })()`;
async function visibleText(): Promise<string[]> {
  return page.evaluate<string[]>(VISIBLE_TEXT);
}

/** Runs of two or more Latin words that are not all allowed (codes, units, names). */
function englishRuns(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    // Repositories the sources name (leiii/census, xolarvill/KWL) are names, not words.
    for (const m of text.replace(/\b[A-Za-z][\w.-]*\/[A-Za-z][\w.-]*/g, ' ').matchAll(/[A-Za-z][\w'’-]*(?:[\s,:;()/]+[A-Za-z][\w'’-]*)+/g)) {
      // Identifiers (china-provinces, ffs_demo) are names of saved things, not sentences.
      const words = m[0].toLowerCase().split(/[\s,:;()/]+/).filter((w) => /^[a-z'’]+$/.test(w));
      if (words.filter((w) => !ALLOWED.has(w)).length >= 2) found.add(text.length > 160 ? `${m[0]} (in: ${text.slice(0, 160)}…)` : text);
    }
  }
  return [...found];
}

async function switchTo(target: 'zh' | 'en'): Promise<void> {
  const now = await page.evaluate<string>('document.documentElement.lang');
  if (now.startsWith(target)) return;
  await page.click('#lang');
  await page.waitForFunction(`document.documentElement.lang.startsWith('${target}')`, undefined, { timeout: 10_000 });
}

const TABS: { id: string; ready: string; fit?: boolean }[] = [
  { id: 'map', ready: 'body[data-flows-ready] .legend-box' },
  { id: 'scenario', ready: '#view-scenario[data-renders]' },
  { id: 'rankings', ready: '#view-rankings[data-rendered] table[data-table=rankings]' },
  { id: 'graduates', ready: '#view-graduates[data-rendered]' },
  { id: 'models', ready: '#view-models .stats', fit: true },
];

test('every tab in Chinese shows no English sentence (and the same after switching from English)', { timeout: 600_000 }, async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-map-ready]', { timeout: 90_000 });
  await switchTo('zh');
  const problems: string[] = [];
  for (const tab of TABS) {
    await page.click(`#tab-${tab.id}`);
    if (tab.fit) await page.click('#m-fit');
    await page.waitForSelector(tab.ready, { timeout: 180_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, `i18n-${tab.id}-zh.png`) });
    for (const run of englishRuns(await visibleText())) problems.push(`${tab.id}: ${run}`);
    // Results rendered in English and then switched must follow the switch too.
    await switchTo('en');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, `i18n-${tab.id}-en.png`) });
    await switchTo('zh');
    await page.waitForTimeout(1500);
    for (const run of englishRuns(await visibleText())) problems.push(`${tab.id} (after en -> zh): ${run}`);
  }
  assert.deepEqual([...new Set(problems)], [], `English text in the Chinese page:\n${[...new Set(problems)].join('\n')}`);
  assert.deepEqual(errors, []);
});

test('in English, Rankings names cities in English with the Chinese name on hover', { timeout: 120_000 }, async () => {
  await switchTo('en');
  await page.click('#tab-rankings');
  await page.waitForSelector('#view-rankings[data-rendered] table[data-table=rankings] tbody th', { timeout: 60_000 });
  const cells = await page.$$eval('table[data-table=rankings] tbody th', (ths) => ths.map((th) => ({ text: th.textContent ?? '', title: th.getAttribute('title') ?? '' })));
  assert.ok(cells.length >= 10, 'ranked rows');
  const cjk = /[\u4e00-\u9fff]/;
  assert.deepEqual(cells.filter((c) => cjk.test(c.text)).map((c) => c.text), [], 'Chinese names in the English table');
  assert.ok(cells.every((c) => cjk.test(c.title)), `each name carries its Chinese name on hover: ${JSON.stringify(cells.slice(0, 3))}`);
  await page.screenshot({ path: join(SHOTS, 'i18n-rankings-en-names.png') });
});

test('in English, the footer cites every source in English, its Chinese on hover (China and Korea)', { timeout: 120_000 }, async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-map-ready]', { timeout: 90_000 });
  await switchTo('en');
  const cjk = /[\u4e00-\u9fff]/;
  for (const id of ['cn', 'kr']) {
    await page.selectOption('#f-case', id);
    await page.waitForFunction(`document.querySelector('footer')?.textContent.includes(${JSON.stringify(id === 'kr' ? 'KOSIS' : 'leiii/census')})`, undefined, { timeout: 30_000 });
    const footer = (await page.textContent('footer')) ?? '';
    assert.doesNotMatch(footer, cjk, `Chinese in the English footer (${id}): ${footer}`);
    const titled = await page.$$eval('footer [data-source][title]', (els) => els.map((e) => e.getAttribute('title') ?? ''));
    assert.ok(titled.length >= 1 && titled.every((t) => cjk.test(t)), `${id}: the Chinese of each source on hover: ${JSON.stringify(titled)}`);
  }
  await page.selectOption('#f-case', 'cn');
});

/**
 * The server's scenario notes and errors come with message codes (src/core/messages): in 中文
 * the page says them in Chinese, names of places in Chinese. The note list is the Northeast
 * example's (its cohorts come from synthetic records); the error is the server's refusal of a
 * target outside the model's regions (Shenyang, 210100, a city: the example's model is of provinces).
 */
test('a scenario note and a scenario error from the server show in Chinese', { timeout: 300_000 }, async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-map-ready]', { timeout: 90_000 });
  await switchTo('zh');
  await page.goto(`${server.url}?tab=scenario`);
  await page.waitForSelector('#view-scenario [data-notes] li', { timeout: 180_000 });
  const notes = await page.$$eval('#view-scenario [data-notes] li', (lis) => lis.map((li) => ({ code: li.getAttribute('data-note-code') ?? '', text: li.textContent ?? '' })));
  assert.ok(notes.length >= 2, JSON.stringify(notes));
  assert.deepEqual(notes.filter((n) => !n.code), [], 'every note carries its code');
  assert.ok(notes.some((n) => n.code === 'scenario.synthetic.records' && /合成数据：.*条合成毕业生记录/.test(n.text)), JSON.stringify(notes));
  assert.ok(notes.every((n) => /[\u4e00-\u9fff]/.test(n.text)), JSON.stringify(notes));
  assert.deepEqual(englishRuns(notes.map((n) => n.text)), [], 'English in the Chinese notes');
  await page.locator('#view-scenario [data-notes]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'i18n-scenario-notes-zh.png') });
  // An exported chart says the notes in Chinese too (its definition line), and its numbers as the page does.
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#view-scenario .scenario-charts [data-export=png]')]);
  await png.saveAs(join(SHOTS, 'i18n-scenario-export-zh.png'));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#view-scenario .scenario-charts [data-export=svg]')]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  // The frame's lines but the last (where and when it was made: the page's link).
  const lines = [...svgText.matchAll(/<text[^>]*data-meta="(\w+)"[^>]*>([^<]*)</g)].filter((m) => m[1] !== 'made').map((m) => m[2]);
  assert.ok(lines.some((l) => l.includes('合成数据')), lines.join('\n'));
  assert.deepEqual(englishRuns(lines), [], 'English in the exported figure');

  // The page offers only the model's regions as targets: the request is given Shenyang on its way.
  await page.route('**/api/scenarios/counterfactual', (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as { document: { interventions: { targets: string[] }[] } };
    body.document.interventions[0].targets = ['210100'];
    return route.continue({ postData: JSON.stringify(body) });
  });
  await page.reload();
  const error = page.locator('#view-scenario .scenario-message .status-error');
  await error.waitFor({ timeout: 180_000 });
  const text = (await error.textContent()) ?? '';
  assert.match(text, /“210100”不包含模型 31 个地区中的任何一个/, text);
  assert.deepEqual(englishRuns([text]), [], 'English in the Chinese error');
  await page.screenshot({ path: join(SHOTS, 'i18n-scenario-error-zh.png') });

  // The same answers in English after switching: the catalogue's English, not the Chinese.
  await switchTo('en');
  await page.waitForFunction(`(document.querySelector('#view-scenario .scenario-message .status-error')?.textContent ?? '').includes('covers none')`, undefined, { timeout: 60_000 });
  await switchTo('zh');
  await page.unroute('**/api/scenarios/counterfactual');
  // The refused requests (422) are the only console errors the page logs.
  assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
});

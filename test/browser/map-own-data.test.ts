// The Map tab on an analyst's own table that covers the Northeast alone (issue 12, screenshots of
// an own-data workspace), in Debian's Chromium at 1440x900: moves between four Northeast cities in
// 2021, nothing to or from elsewhere. The headline must not announce "gained 0 people net from
// other provinces" (no flow crosses the Northeast's border, so there is no finding), the legend's
// classes must not paint the provinces without data as gainers (the zeros collapsed the middle
// class to "0 – 0" and 0 fell in "0 – 1", a blue), the legend's title names the period and that
// the flows are observed, and in 中文 the gains list is titled as net gains (净流入), not inflows.
// The legend's source line (the measure's definition) names the flows by the source given at
// import (--source, and --source-zh in 中文), not by the imported file's name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { CHINA } from '../helpers/workspace.ts';

const CITIES = ['沈阳', '大连', '长春', '哈尔滨'];
const SOURCE = 'own survey of moves between four Northeast cities, 2021';
const SOURCE_ZH = '东北四城迁移自行调查（2021 年）';

function northeastOnly(dir: string): string {
  const file = join(dir, 'northeast.duckdb');
  const ok = (args: string[]) => {
    const r = runCli(dir, [...args, '-w', file]);
    assert.equal(r.code, 0, `talentflow ${args.join(' ')}: ${r.stderr}`);
  };
  ok(['init']);
  ok(['import', 'regions', join(CHINA, 'raw', 'census_city_2010-2020.csv')]);
  const rows = ['迁出地,迁入地,年份,人数'];
  CITIES.forEach((o, i) => CITIES.forEach((d, j) => {
    if (i !== j) rows.push(`${o},${d},2021,${1000 + 300 * j - 100 * i}`);
  }));
  const flows = join(dir, 'northeast-moves.csv');
  writeFileSync(flows, rows.join('\n') + '\n');
  ok(['import', 'flows', flows, '--source', SOURCE, '--source-zh', SOURCE_ZH]);
  return file;
}

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: northeastOnly, locale: 'en-US', lang: 'en', prefix: 'talentflow-map-own-' });
  ({ page, errors } = dashboard);
  await page.goto(dashboard.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 120_000 });
}, { timeout: 300_000 });

after(() => dashboard?.close());

const legendLabels = () => page.$$eval('.legend-box .legend-classes li', (ls) => ls.map((l) => (l.textContent ?? '').trim()));
const headline = async () => {
  await page.waitForFunction("!document.querySelector('[data-headline]').hidden", undefined, { timeout: 60_000 });
  return (await page.textContent('[data-headline]')) ?? '';
};

test('province level: no "gained 0" headline, zeros in a neutral middle class, the period and kind in the legend title', { timeout: 120_000 }, async () => {
  assert.equal(await page.inputValue('#f-level'), 'province');
  const text = await headline();
  assert.doesNotMatch(text, /gained 0 |lost 0 /, text);
  assert.match(text, /^2021: every flow in the data stays within the Northeast .*none goes to or comes from other provinces \(observed flows\)/, text);
  const labels = await legendLabels();
  assert.equal(labels.length, 8, labels.join(' | '));
  assert.ok(!labels.includes('0 – 0'), `an empty middle class: ${labels.join(' | ')}`);
  // The middle class runs from a loss to a gain of the same size, so 0 (the 28 provinces outside) is in it.
  assert.match(labels[3], /^-(\d[\d.,]*k?) – \1$/, labels.join(' | '));
  assert.equal(await page.textContent('.legend-box .legend-title'), 'Net migration 2021, observed');
  const legend = (await page.textContent('.legend-box')) ?? '';
  assert.ok(legend.includes(`Source: net migration (in-flows minus out-flows) of observed flows 2021 (${SOURCE})`), legend);
  assert.doesNotMatch(legend, /northeast-moves|\.csv/, 'the source given at import, not the file');
  await page.screenshot({ path: join(SHOTS, 'map-own-data-province.png') });
  assert.deepEqual(errors, []);
});

test('中文: the headline in Chinese, the lists titled as net losses and net gains', { timeout: 120_000 }, async () => {
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('zh')", undefined, { timeout: 10_000 });
  await page.waitForFunction("document.querySelector('[data-headline]').textContent.includes('内部')", undefined, { timeout: 60_000 });
  assert.match(await page.textContent('[data-headline]') ?? '', /^2021：数据中的流动都在东北地区（.*）内部/);
  const headings = await page.$$eval('.view-map .panel h3', (hs) => hs.map((x) => x.textContent ?? ''));
  assert.ok(headings.includes('净流入最多'), headings.join(' | '));
  assert.equal(await page.textContent('.legend-box .legend-title'), '2021 年净迁移（观测值）');
  const legend = (await page.textContent('.legend-box')) ?? '';
  assert.ok(legend.includes(`2021 年观测到的流动（${SOURCE_ZH}）`), legend);
  assert.doesNotMatch(legend, /northeast-moves|\.csv|own survey/, 'the Chinese source given at import');
  await page.screenshot({ path: join(SHOTS, 'map-own-data-province-zh.png') });
  await page.click('#lang');
  await page.waitForFunction("document.documentElement.lang.startsWith('en')", undefined, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});

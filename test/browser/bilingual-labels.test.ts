// Three defects a user met in the other language (issue 12, items 1, 5 and 7), in Debian's
// Chromium on a demo workspace, each in English and in Chinese:
// (a) the Rankings tab names indicators by their labels with units (not ids such as
//     share_age_65@2020), its level select says Province/City (省级/地级市), its weights table and
//     its exports (CSV comments, SVG frame) name the indicators the same way;
// (b) the footer cites the bundled data's sources in the page's language (source_zh beside the
//     English), the other language on hover;
// (c) the graduate report's notes and definitions (quantiles, privacy, synthetic records) read in
//     the page's language, in the printable report the Graduates tab links to and in its print view.
// Screenshots go to tmp/screenshots/bilingual-*.png (look at them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { SHOTS, openDashboard, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', prefix: 'talentflow-bilingual-' });
  ({ server, page, errors } = dashboard);
  await page.goto(server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 120_000 });
}, { timeout: 300_000 });

after(() => dashboard?.close());

const CJK = /[\u4e00-\u9fff]/;
/** An indicator id or rank term as the API and CLI write it (snake_case, name@year, growth(...)). */
const ID = /[a-z]_[a-z0-9]|@\d{4}|\w\(/;

async function switchTo(target: 'zh' | 'en'): Promise<void> {
  if ((await page.evaluate<string>('document.documentElement.lang')).startsWith(target)) return;
  await page.click('#lang');
  await page.waitForFunction(`document.documentElement.lang.startsWith('${target}')`, undefined, { timeout: 10_000 });
}

async function downloaded(click: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(click)]) as [Download, void];
  return readFileSync((await d.path())!, 'utf8').replace(/^\ufeff/, '');
}

const texts = (selector: string) => page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));
const titles = (selector: string) => page.$$eval(selector, (els) => els.map((e) => e.getAttribute('title') ?? ''));

/** Waits for a ranking drawn after `before` (the view counts renders in data-rendered; a new table replaces the old). */
async function rankingShown(): Promise<void> {
  await page.waitForSelector('#view-rankings [data-table=rankings] tbody tr', { timeout: 90_000 });
  await page.waitForSelector('#view-rankings [data-table=rank-weights] tbody tr', { timeout: 10_000 });
}

for (const lang of ['en', 'zh'] as const) {
  test(`(a) ${lang}: the rankings tab names indicators, levels and weights by their labels, in its exports too`, { timeout: 180_000 }, async () => {
    await switchTo(lang);
    await page.click('#tab-rankings');
    await page.selectOption('#r-index', 'example');
    await rankingShown();
    // The documented example: four terms, each by label (the term as written on hover), equal weights.
    await page.waitForFunction(`document.querySelectorAll('[data-table=rank-weights] tbody tr').length === 4`, undefined, { timeout: 30_000 });
    const terms = await texts('[data-table=rank-weights] tbody th');
    assert.deepEqual(await titles('[data-table=rank-weights] tbody th'), ['growth(population,2010,2020)', 'share_age_15_59@2020', 'share_age_65@2020', 'log(population@2020)']);
    assert.deepEqual(terms, lang === 'en'
      ? ['Population growth 2010–2020 (%)', 'Share aged 15–59 (%), 2020', 'Share aged 65+ (%), 2020', 'log of Population, 2020']
      : ['2010–2020 年人口增长率（%）', '2020 年15–59 岁人口占比（%）', '2020 年65 岁及以上人口占比（%）', '2020 年人口的对数']);
    assert.deepEqual(await texts('[data-table=rank-weights] tbody td:last-child'), ['25.0%', '25.0%', '25.0%', '25.0%']);
    assert.deepEqual(await texts('[data-table=rank-weights] tbody td:nth-child(2)'), lang === 'en'
      ? ['more is better', 'more is better', 'less is better', 'more is better']
      : ['越大越好', '越大越好', '越小越好', '越大越好']);
    assert.match((await texts('[data-table=rank-weights] caption'))[0], lang === 'en' ? /min-max normalised, equal weights/ : /最小-最大归一化，等权/);

    // Your own indicators: the level select says the level's name, the picker the indicators' labels.
    await page.selectOption('#r-index', 'own');
    await page.waitForSelector('#r-level');
    assert.deepEqual(await texts('#r-level option'), lang === 'en' ? ['Province', 'City'] : ['省级', '地级市']);
    await page.selectOption('#r-level', 'city');
    await page.waitForSelector('#view-rankings [data-indicator="share_age_65"]');
    const labels = await texts('#view-rankings [data-indicator] label');
    const ids = await titles('#view-rankings [data-indicator] label');
    assert.ok(labels.length >= 3, labels.join(' | '));
    for (const [i, text] of labels.entries()) {
      assert.doesNotMatch(text, ID, `picker label "${text}" is an id`);
      assert.notEqual(text, ids[i]);
      if (lang === 'zh') assert.match(text, CJK, text);
    }
    assert.ok(labels.includes(lang === 'en' ? 'Share aged 65+ (%)' : '65 岁及以上人口占比（%）'), labels.join(' | '));
    assert.ok(labels.includes(lang === 'en' ? 'Population (persons)' : '人口（人）'), labels.join(' | '));
    await page.click('#r-run');
    await page.waitForFunction(`(() => { const th = [...document.querySelectorAll('[data-table=rank-weights] tbody th')]; return th.length > 0 && th.every((x) => !x.title.includes('(')); })()`, undefined, { timeout: 60_000 });
    await rankingShown();
    const own = await texts('[data-table=rank-weights] tbody th');
    for (const text of own) assert.doesNotMatch(text, ID, `weights table "${text}"`);

    // Exports: the CSV's comment lines and the SVG's frame name the indicators by label.
    const csv = await downloaded('[data-export=rankings-csv]');
    const comments = csv.split('\r\n').filter((l) => l.startsWith('# ')).join('\n');
    assert.doesNotMatch(comments, ID, comments);
    assert.ok(comments.includes(own[0]), comments);
    assert.match(comments, lang === 'en' ? /# Definition: Composite index: the weighted sum of / : /# 定义：综合指数：/);
    const svg = await downloaded('figure[data-chart=rankings-top] [data-export=svg]');
    const frame = [...svg.matchAll(/data-meta="(?:definition|source)"[^>]*>([\s\S]*?)<\/(?:text|g)>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ')).join(' ');
    assert.ok(frame.includes(own[0].replace(/&/g, '&amp;')) || frame.replace(/\s+/g, '').includes(own[0].replace(/\s+/g, '')), `SVG frame: ${frame.slice(0, 400)}`);
    assert.doesNotMatch(frame, ID, frame.slice(0, 400));
    await page.screenshot({ path: join(SHOTS, `bilingual-rankings-${lang}.png`), fullPage: true });
    assert.deepEqual(errors, []);
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`(b) ${lang}: the footer cites the bundled data's sources in the page's language, the other on hover`, { timeout: 120_000 }, async () => {
    await switchTo(lang);
    await page.click('#tab-map');
    await page.selectOption('#f-case', 'cn');
    await page.waitForFunction(`document.querySelector('footer [data-sources]')?.textContent.length > 0`, undefined, { timeout: 30_000 });
    const items = await page.$$eval('footer [data-source]', (els) => els.map((e) => ({ what: e.getAttribute('data-source'), text: e.textContent ?? '', title: e.getAttribute('title') ?? '' })));
    assert.ok(items.length >= 5, JSON.stringify(items));
    const census = items.find((i) => i.what === 'indicators' && (lang === 'en' ? i.text === '2010 and 2020 censuses via leiii/census (MIT)' : i.text === '2010 年与 2020 年人口普查，经 leiii/census 整理（MIT 许可）'));
    assert.ok(census, JSON.stringify(items));
    assert.equal(census.title, lang === 'en' ? '2010 年与 2020 年人口普查，经 leiii/census 整理（MIT 许可）' : '2010 and 2020 censuses via leiii/census (MIT)');
    const stocks = items.find((i) => i.what === 'stocks');
    assert.ok(stocks && (lang === 'en' ? stocks.text.startsWith('China 2000 and 2010 censuses (NBS)') : stocks.text.startsWith('中国 2000 年与 2010 年人口普查（国家统计局）')), JSON.stringify(stocks));
    if (lang === 'zh') {
      // Every source in Chinese: the bundled data's source_zh, and the estimators' sentences the page translates.
      for (const i of items) assert.match(i.text, CJK, `${i.what}: ${i.text}`);
      for (const i of items) assert.doesNotMatch(i.text, /\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/, `English left: ${i.text}`);
      assert.match(await page.textContent('footer') ?? '', /^本案例的数据与来源（中国）：|^本案例的数据与来源 \(中国\)：/);
    } else {
      // The English lines as the data give them, never their Chinese: the 2000 census communiqué
      // and NBS's database by their English titles, their Chinese ones on hover.
      for (const i of items) assert.doesNotMatch(i.text, CJK, i.text);
      assert.ok(items.some((i) => i.text.startsWith('NBS annual data by province via xolarvill/KWL (MIT)') && i.title.startsWith('国家统计局分省年度数据')), JSON.stringify(items));
      assert.ok(items.some((i) => i.text.startsWith('Communiqué on Major Figures of the 2000 Population Census (No. 2)') && i.title.startsWith('2000年第五次全国人口普查主要数据公报（第二号）')), JSON.stringify(items));
    }
    // Korea's flows and indicators: KOSIS in the page's language.
    await page.selectOption('#f-case', 'kr');
    await page.waitForFunction(`document.querySelector('footer')?.textContent.includes('KOSIS')`, undefined, { timeout: 30_000 });
    const korea = await texts('footer [data-source]');
    assert.ok(korea.some((t) => (lang === 'en' ? t.startsWith('Source: Statistics Korea, KOSIS') : t.startsWith('来源：韩国统计厅 KOSIS'))), korea.join(' | '));
    // The map legend's definition names the observed flows by their source in the page's language too (queries/flow-provenance.ts).
    const observed = lang === 'en' ? 'observed flows 2020 (Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01))' : '2020 年观测到的流动（韩国统计厅 KOSIS，国内人口迁移统计（DT_1B26003_A01））';
    await page.waitForFunction(`document.querySelector('.legend-box')?.textContent.includes(${JSON.stringify(observed)})`, undefined, { timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, `bilingual-footer-${lang}.png`) });
    await page.selectOption('#f-case', 'cn');
    assert.deepEqual(errors, []);
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`(c) ${lang}: the graduate report's notes and definitions read in the page's language, printed and in the printable report`, { timeout: 180_000 }, async () => {
    await switchTo(lang);
    await page.click('#tab-graduates');
    await page.waitForSelector('#view-graduates[data-rendered] [data-privacy]', { timeout: 90_000 });
    // The print view of the tab: its notes in the page's language.
    await page.emulateMedia({ media: 'print' });
    try {
      const notes = await texts('#view-graduates .note, #view-graduates [data-banner=synthetic]');
      assert.ok(notes.length >= 2, notes.join(' | '));
      for (const n of notes.filter(Boolean)) {
        if (lang === 'zh') assert.doesNotMatch(n, /\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/i, `English in the Chinese print view: ${n}`);
        else assert.doesNotMatch(n, CJK, `Chinese in the English print view: ${n}`);
      }
      await page.screenshot({ path: join(SHOTS, `bilingual-graduates-print-${lang}.png`), fullPage: true });
    } finally {
      await page.emulateMedia({ media: null });
    }
    // The printable report the tab links to, in the same language.
    const href = await page.getAttribute('[data-export=graduates-html]', 'href');
    assert.ok(href?.includes(`lang=${lang}`), href ?? '');
    const report = await page.context().newPage();
    try {
      await report.goto(new URL(href!, server.url).href);
      const quantiles = (await report.textContent('[data-note=quantiles]')) ?? '';
      const privacy = (await report.textContent('[data-note=privacy]')) ?? '';
      const synthetic = (await report.textContent('.synthetic p')) ?? '';
      if (lang === 'zh') {
        // Chinese first; the English under it in the subtitle span, as the headings.
        const first = (sel: string) => report.$eval(sel, (el) => el.firstChild?.textContent ?? '');
        assert.match(await first('[data-note=quantiles]'), /^四分位数定义：R 的第 7 种定义/);
        assert.match(await first('[data-note=privacy]'), /^少于 10 人的数字均已隐藏/);
        assert.match(await first('.synthetic p'), /^这些毕业生记录由模型生成/);
        assert.match(await report.title(), /毕业生就业质量报告/);
        assert.doesNotMatch(await report.textContent('.cards') ?? '', /\d pp\b/);
      } else {
        assert.match(quantiles, /^Quartiles: R type 7 \(Hyndman & Fan 1996\)/);
        assert.match(privacy, /^Counts of fewer than 10 graduates are hidden/);
        assert.match(synthetic, /^The graduate records are generated by a model/);
        for (const t of [quantiles, privacy, synthetic]) assert.doesNotMatch(t, CJK, t);
      }
      await report.screenshot({ path: join(SHOTS, `bilingual-graduate-report-${lang}.png`), fullPage: true });
    } finally {
      await report.close();
    }
    assert.deepEqual(errors, []);
  });
}

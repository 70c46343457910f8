import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { createApp } from '../../src/server/index.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

// GET /api/reports/graduates.html on the demo workspace (its synthetic NEU/DUT cohort): the page
// the CLI writes, served as text/html, with JSON errors like GET /api/reports/graduates.
const demo = demoSuite('talentflow-api-html-');

/** Query strings and the CLI options that select the same report. */
const NEU_ZH = { query: 'university=NEU&year=2016', args: ['--university', 'NEU', '--year', '2016'] };
const LIAONING_EN = { query: `province=${encodeURIComponent('辽宁')}&year=2016&compare=none&lang=en`, args: ['--province', '辽宁', '--year', '2016', '--compare', 'none', '--lang', 'en'] };

const written: Record<string, string> = {};
let ws: Workspace;
let api: ReturnType<typeof createApp>;
before(async () => {
  // The CLI opens the workspace itself, so it runs before this process opens it.
  for (const [name, sel] of Object.entries({ NEU_ZH, LIAONING_EN })) {
    const file = join(demo.dir, `${name}.html`);
    const r = runCli(demo.dir, ['report', 'graduates', ...sel.args, '--format', 'html', '--out', file, '-w', demo.workspace]);
    assert.equal(r.code, 0, r.stderr);
    written[name] = readFileSync(file, 'utf8');
  }
  ws = await openWorkspace(demo.workspace, { create: false });
  api = createApp(ws);
});
after(() => closeWorkspace(ws));

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const page = async (query: string) => {
  const r = await api.app.request(`/api/reports/graduates.html?${query}`);
  return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), text: await r.text() };
};
const json = async (path: string): Promise<{ status: number; type: string | null; body: Json }> => {
  const r = await api.app.request(path);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
};
const pct = (v: number | null) => `${(100 * (v as number)).toFixed(1)}%`;

test('200 text/html, inline with a file name, carrying the JSON route\'s numbers and the synthetic banner', async () => {
  const p = await page(NEU_ZH.query);
  assert.equal(p.status, 200, p.text.slice(0, 300));
  assert.equal(p.type, 'text/html; charset=utf-8');
  assert.equal(p.disposition, 'inline; filename="graduate-report-2016.html"');
  const r = await json(`/api/reports/graduates?${NEU_ZH.query}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.headcount.count, 6000);
  assert.ok(p.text.includes(`<div class="cv">${r.body.headcount.count.toLocaleString('en-US')}</div>`), 'headcount 6,000');
  assert.ok(p.text.includes(`<div class="cv">${pct(r.body.stayStudyProvince.share)}</div>`), `stay in Liaoning ${pct(r.body.stayStudyProvince.share)}`);
  assert.ok(p.text.includes(`<div class="cv">${pct(r.body.outcomes.employed.share)}</div>`), 'employed share');
  assert.match(p.text, /<div class="synthetic" role="alert"><strong>⚠ 合成数据 · SYNTHETIC DATA<\/strong>/);
  assert.match(p.text, /<title>\[合成数据\] 东北大学 2016 届 – 毕业生就业质量报告<\/title>/);
  // Without a year: the latest (2016), so the same file name.
  assert.equal((await page('university=DUT')).disposition, 'inline; filename="graduate-report-2016.html"');
});

test('a province selection: the Liaoning stay share of the JSON route, formatted as the page formats it', async () => {
  const p = await page(LIAONING_EN.query);
  assert.equal(p.status, 200, p.text.slice(0, 300));
  const r = await json(`/api/reports/graduates?${LIAONING_EN.query.replace('&lang=en', '')}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.headcount.count, 12000);
  assert.equal(r.body.previousYear, null);
  assert.ok(p.text.includes(`<div class="cv">12,000</div>`), 'headcount 12,000');
  assert.ok(p.text.includes(`<div class="cv">${pct(r.body.stayStudyProvince.share)}</div>`), `stay in Liaoning ${pct(r.body.stayStudyProvince.share)}`);
  assert.ok(Math.abs(r.body.stayStudyProvince.share - 0.25) < 0.03);
});

test('lang=en and lang=zh (the default) give different headings', async () => {
  const zh = (await page('university=NEU&year=2016&lang=zh')).text;
  const en = (await page('university=NEU&year=2016&lang=en')).text;
  assert.equal((await page(NEU_ZH.query)).text, zh, 'zh is the default');
  assert.match(zh, /<html lang="zh-CN">/);
  assert.match(zh, /<h2>主要指标 <span class="en">Headline figures<\/span><\/h2>/);
  assert.match(zh, /<h1>东北大学 · 2016届 毕业生就业质量报告 /);
  assert.match(en, /<html lang="en">/);
  assert.match(en, /<h2>Headline figures<\/h2>/);
  assert.match(en, /<h1>Northeastern University · 2016 Graduate destination report<\/h1>/);
  assert.doesNotMatch(en, /主要指标/);
});

test('the notes and definitions read in the page\'s language: Chinese (the English under it) for zh, English only for en', async () => {
  const zh = (await page('university=NEU&year=2016&lang=zh')).text;
  const en = (await page('university=NEU&year=2016&lang=en')).text;
  const notes = (html: string) => [...html.matchAll(/<(?:p|li) class="note" data-note="(\w+)">(.*?)<\/(?:p|li)>|<li data-note="(\w+)">(.*?)<\/li>/gs)].map((m) => [m[1] ?? m[3], m[2] ?? m[4]]);
  const zhNotes = notes(zh);
  assert.deepEqual(zhNotes.map(([k]) => k).sort(), ['privacy', 'quantiles']);
  for (const [key, text] of zhNotes) {
    // The Chinese first, then the catalogue's English in a subtitle span.
    const [chinese, english] = text.split('<span class="en">');
    assert.match(chinese, /[\u4e00-\u9fff]{4}/, key);
    assert.doesNotMatch(chinese, /\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b/, `${key}: English left in the Chinese: ${chinese}`);
    assert.ok(english?.endsWith('</span>'), key);
  }
  assert.match(zh, /四分位数定义：R 的第 7 种定义（Hyndman 与 Fan 1996）/);
  assert.match(zh, /少于 10 人的数字均已隐藏/);
  assert.match(zh, /这些毕业生记录由模型生成/);
  assert.match(zh, /-1\.1 个百分点/);
  assert.doesNotMatch(zh, /\d pp\b/);
  assert.match(zh, /<footer>.*talentflow · 毕业生就业质量报告<\/footer>/);
  for (const [key, text] of notes(en)) assert.doesNotMatch(text, /[\u4e00-\u9fff]/, key);
  assert.match(en, /Quartiles: R type 7 \(Hyndman &amp; Fan 1996\)/);
  assert.match(en, /<title>\[SYNTHETIC DATA\] Northeastern University 2016 – Graduate destination report<\/title>/);
  assert.match(en, /-1\.1 pp/);
});

test('the page equals what `talentflow report graduates --format html` writes for the same options', async () => {
  for (const [name, sel] of Object.entries({ NEU_ZH, LIAONING_EN })) {
    const p = await page(sel.query);
    assert.equal(p.status, 200, `${name}: ${p.text.slice(0, 300)}`);
    assert.ok(p.text === written[name], `${name}: the served page differs from the CLI's file`);
  }
  assert.notEqual(written.NEU_ZH, written.LIAONING_EN);
});

test('bad queries answer JSON with the JSON route\'s status and message', async () => {
  const cases: [string, number, string | RegExp][] = [
    ['university=NEU&colour=red', 400, 'request: Unrecognized key: "colour"'],
    ['year=abc', 400, 'year: Invalid input: expected number, received NaN'],
    ['compare=last', 400, /^compare: /],
    ['university=Hogwarts', 422, 'university: no person records of "Hogwarts"; universities: Dalian University of Technology, Northeastern University'],
    ['province=northeast', 422, 'province: "northeast" is a group; give one province'],
    ['province=Atlantis', 400, /^unknown province "Atlantis"/],
  ];
  for (const [query, status, message] of cases) {
    const html = await json(`/api/reports/graduates.html?${query}`);
    const plain = await json(`/api/reports/graduates?${query}`);
    assert.equal(html.status, status, query);
    assert.match(html.type ?? '', /^application\/json/, query);
    if (typeof message === 'string') assert.equal(html.body.error.message, message, query);
    else assert.match(html.body.error.message, message, query);
    assert.equal(plain.status, status, `JSON route: ${query}`);
    assert.deepEqual(html.body, plain.body, query);
  }
  const lang = await json('/api/reports/graduates.html?university=NEU&lang=fr');
  assert.equal(lang.status, 400);
  assert.equal(lang.body.error.message, 'lang: Invalid option: expected one of "zh"|"en"');
  assert.equal((await json('/api/reports/graduates?university=NEU&lang=en')).status, 400, 'lang belongs to the page only');
});

test('OpenAPI documents the page as text/html with the lang parameter', async () => {
  const doc = (await json('/api/openapi.json')).body;
  const op = doc.paths['/api/reports/graduates.html'].get;
  assert.deepEqual(Object.keys(op.responses['200'].content), ['text/html']);
  const lang = op.parameters.find((p: { name: string }) => p.name === 'lang');
  assert.deepEqual(lang.schema.enum, ['zh', 'en']);
  assert.equal(lang.required, false);
  assert.equal(doc.paths['/api/reports/graduates'].get.responses['200'].content, undefined, 'the JSON route is unchanged');
});

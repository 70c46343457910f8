// Publishable and shareable output (issue 12, items 5 and 6) in Debian's Chromium (playwright-core):
// exported PNG/SVG carry title, unit, legend, source and the estimated/synthetic stamp; CSVs start
// with definition and source and round persons to whole; no person count on screen has decimals;
// the print view shows no controls; a link reproduces the view (state in the URL, Back and
// Forward). The dashboard is built from the working tree into a temporary folder, so the test
// always sees the current code. Screenshots and exports go to tmp/screenshots (look at them).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { SHOTS, openDashboard, watchErrors, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let server: Dashboard['server'];
let context: BrowserContext;
let page: Page;
let errors: string[] = [];
const watch = (p: Page) => watchErrors(p, errors);

async function saved(p: Page, click: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(click)]) as [Download, void];
  const bytes = readFileSync((await d.path())!);
  writeFileSync(join(SHOTS, `publish-${d.suggestedFilename()}`), bytes);
  return { name: d.suggestedFilename(), bytes };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } {
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The text of an exported SVG's frame elements of one kind (title, unit, legend, definition, source, kind, stamp). */
function frameText(svg: string, meta: string): string {
  const block = new RegExp(`<(text|g)[^>]*data-meta="${meta}"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...svg.matchAll(block)].map((m) => m[2].replace(/<[^>]+>/g, ' ')).join(' ').replace(/\s+/g, ' ').trim();
}

/** Numbers grouped in thousands with decimals ("113,435.33"): persons or money shown with digits the data do not have. */
const GROUPED_DECIMALS = /\d{1,3}(?:,\d{3})+\.\d+/g;

before(async () => {
  // English, whatever the machine's language: the assertions read English labels. Failed answers are not page errors here (watch).
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', lang: 'en', responses: false, prefix: 'talentflow-publish-' });
  ({ server, context, page, errors } = dashboard);
}, { timeout: 240_000 });

after(() => dashboard?.close());

test('a link opens the region it names, and the URL follows the page', { timeout: 120_000 }, async () => {
  await page.goto(`${server.url}?region=210000`);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 60_000 });
  await page.waitForFunction(`document.querySelector('#region-title')?.textContent === 'Liaoning'`, undefined, { timeout: 60_000 });
  const url = new URL(page.url());
  // The URL was completed with the whole view: case, period, level, scope, region.
  assert.equal(url.searchParams.get('tab'), 'map');
  assert.equal(url.searchParams.get('period'), '2000-2010');
  assert.equal(url.searchParams.get('level'), 'province');
  assert.equal(url.searchParams.get('region'), '210000');
  await page.selectOption('#f-scope', 'all');
  await page.waitForFunction(`new URL(location.href).searchParams.get('scope') === 'all'`);
  await page.waitForSelector('.panel figure.chart svg', { timeout: 60_000 });
  assert.deepEqual(errors, []);
});

test('exported chart SVG and PNG carry title, unit, legend, definition, source and the ESTIMATED stamp', { timeout: 120_000 }, async () => {
  const chart = '.panel figure[data-chart^=top-destinations]';
  await page.waitForSelector(`${chart} svg`);
  const svg = (await saved(page, `${chart} [data-export=svg]`)).bytes.toString('utf8');
  assert.match(frameText(svg, 'title'), /^Liaoning: Top destinations · 2000-2010$/);
  assert.equal(frameText(svg, 'unit'), 'persons');
  assert.match(frameText(svg, 'definition'), /^Definition: .*estimated from two census birthplace tables/);
  assert.match(frameText(svg, 'source'), /^Source: .*census birthplace tables/);
  assert.equal(frameText(svg, 'stamp'), 'ESTIMATED');
  assert.match(svg, /Beijing/, 'the chart itself is inside the frame');
  // The PNG is the same frame at twice the size: taller than the chart alone by the title and the notes.
  const shown = await page.evaluate(`(() => { const s = document.querySelector('${chart} svg'); return { width: Number(s.getAttribute('width')), height: Number(s.getAttribute('height')) }; })()`) as { width: number; height: number };
  const frame = { width: Number(/<svg[^>]*\swidth="(\d+)"/.exec(svg)![1]), height: Number(/<svg[^>]*\sheight="(\d+)"/.exec(svg)![1]) };
  const png = pngSize((await saved(page, `${chart} [data-export=png]`)).bytes);
  assert.deepEqual(png, { width: 2 * frame.width, height: 2 * frame.height });
  assert.ok(frame.height >= shown.height + 120, `frame ${frame.height} px for a chart of ${shown.height} px`);
  assert.ok(frame.width >= shown.width, `frame ${frame.width} px for a chart of ${shown.width} px`);
  // A chart with a colour scale exports its legend.
  const trend = '.panel figure[data-chart^=trend-]';
  await page.waitForSelector(`${trend} svg`);
  const trendSvg = (await saved(page, `${trend} [data-export=svg]`)).bytes.toString('utf8');
  assert.match(frameText(trendSvg, 'legend'), /in .*out .*net/);
  assert.deepEqual(errors, []);
});

test('the exported map (PNG and SVG) has its frame: title, class legend, definition, stamp; the net CSV its comment lines and whole persons', { timeout: 120_000 }, async () => {
  const svg = (await saved(page, '[data-export=map-svg]')).bytes.toString('utf8');
  assert.match(frameText(svg, 'title'), /^Net migration 2000-2010, estimated · .*Province$/);
  assert.equal(frameText(svg, 'stamp'), 'ESTIMATED');
  const legend = frameText(svg, 'legend');
  assert.equal((legend.match(/ – |&lt;|≥/g) ?? []).length, 7, legend);
  assert.match(legend, /no data/);
  assert.match(frameText(svg, 'definition'), /net migration \(in-flows minus out-flows\)/);
  assert.match(svg, /<image [^>]*href="data:image\/png;base64,/, 'the drawn map inside the frame');
  const canvas = await page.evaluate(`(() => { const c = window.__talentflow.map().getCanvas(); return { width: c.width, height: c.height }; })()`) as { width: number; height: number };
  const png = pngSize((await saved(page, '[data-export=map-png]')).bytes);
  assert.ok(png.width >= canvas.width && png.height >= canvas.height + 120, `map PNG ${png.width}x${png.height} for a canvas of ${canvas.width}x${canvas.height}`);

  const csv = (await saved(page, '[data-export=net-csv]')).bytes.toString('utf8').replace(/^\ufeff/, '');
  const lines = csv.trim().split('\r\n');
  const comments = lines.filter((l) => l.startsWith('# '));
  assert.match(comments[0], /^# Net migration 2000-2010, estimated/);
  assert.ok(comments.some((l) => /^# Definition: net migration/.test(l)), comments.join('\n'));
  assert.ok(comments.some((l) => /^# Source: /.test(l)));
  assert.ok(comments.includes('# ESTIMATED'));
  const header = lines[comments.length].split(',');
  const net = header.indexOf('net');
  assert.ok(net >= 0, header.join(','));
  const values = lines.slice(comments.length + 1).map((l) => l.split(',')[net]).filter((v) => v !== '');
  assert.equal(values.length, 31);
  assert.deepEqual(values.filter((v) => !/^-?\d+$/.test(v)), [], 'net migration in whole persons');
});

test('the print view shows the map tab without controls, under a title with date and link, with the sources; Chromium prints it to A4', { timeout: 120_000 }, async () => {
  await page.emulateMedia({ media: 'print' });
  try {
    for (const sel of ['#lang', '#print', '#f-period', '#f-scope', '[data-export=map-png]', '.chart-export', 'nav[role=tablist]']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is printed`);
    }
    const head = page.locator('[data-print-header]');
    await page.waitForFunction(`document.querySelector('[data-print-header] h1')?.textContent.includes('Liaoning')`, undefined, { timeout: 10_000 });
    assert.equal(await head.isVisible(), true);
    assert.match(await head.textContent() ?? '', /^talentflow — Map · LiaoningPrinted on \d{4}-\d{2}-\d{2} from http:\/\/127\.0\.0\.1:\d+\/\?tab=map&/);
    assert.equal(await page.locator('footer').isVisible(), true, 'the sources are printed');
    assert.equal(await page.locator('.legend-box .legend').isVisible(), true, 'the legend is printed');
    await page.screenshot({ path: join(SHOTS, 'publish-print-map.png'), fullPage: true });
  } finally {
    // null, not 'screen': an emulated screen medium would also apply to the PDF below.
    await page.emulateMedia({ media: null });
  }
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(SHOTS, 'publish-map.pdf'), pdf);
  const text = pdf.toString('latin1');
  assert.equal(text.slice(0, 5), '%PDF-');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  assert.ok(boxes.length >= 1 && boxes.every(([w, h]) => w === 595 && h === 842), `A4 pages: ${JSON.stringify(boxes)}`);
});

test('graduate exports carry the SYNTHETIC DATA stamp and round counts and shares', { timeout: 120_000 }, async () => {
  await page.click('#tab-graduates');
  await page.waitForSelector('#view-graduates[data-rendered] figure[data-chart=graduate-destinations] svg', { timeout: 60_000 });
  const svg = (await saved(page, 'figure[data-chart=graduate-destinations] [data-export=svg]')).bytes.toString('utf8');
  assert.equal(frameText(svg, 'stamp'), 'SYNTHETIC DATA');
  assert.match(frameText(svg, 'unit'), /% of graduates/);
  const csv = (await saved(page, '[data-export=graduates-csv]')).bytes.toString('utf8').replace(/^\ufeff/, '');
  assert.match(csv, /^# .*\r\n/);
  assert.match(csv, /\r\n# SYNTHETIC DATA\r\n/);
  const lines = csv.trim().split('\r\n').filter((l) => !l.startsWith('# '));
  const header = lines[0].split(',');
  const share = header.indexOf('share');
  const count = header.indexOf('count');
  for (const l of lines.slice(1)) {
    const cells = l.split(',');
    if (/suppressed/.test(l)) continue;
    assert.match(cells[count], /^\d+$/, l);
    assert.match(cells[share], /^(0|1)(\.\d{1,3})?$/, `share to 0.1 %: ${l}`);
  }
});

test('a link reproduces the view in a new page: tab, scope, region, the rankings\' and the scenario\'s settings; Back and Forward move between views', { timeout: 240_000 }, async () => {
  await page.click('#tab-rankings');
  await page.waitForSelector('#view-rankings[data-rendered]', { timeout: 60_000 });
  await page.selectOption('#r-show', '');
  await page.fill('#r-top', '20');
  await page.dispatchEvent('#r-top', 'change');
  await page.waitForFunction(`new URL(location.href).searchParams.get('r.top') === '20'`);
  const link = page.url();
  assert.match(link, /tab=rankings/);
  assert.match(link, /r\.show=all/);

  const other = watch(await context.newPage());
  await other.goto(link);
  await other.waitForSelector('#view-rankings[data-rendered] figure[data-chart=rankings-top] svg', { timeout: 60_000 });
  assert.equal(await other.getAttribute('#tab-rankings', 'aria-selected'), 'true');
  assert.equal(await other.inputValue('#r-show'), '');
  assert.equal(await other.inputValue('#r-top'), '20');
  assert.equal(await other.locator('table[data-table=rankings] tbody tr').count(), await page.locator('table[data-table=rankings] tbody tr').count());
  await other.click('#tab-map');
  await other.waitForFunction(`document.querySelector('#region-title')?.textContent === 'Liaoning'`, undefined, { timeout: 60_000 });
  assert.equal(await other.inputValue('#f-scope'), 'all');
  assert.equal(await other.inputValue('#f-period'), '2000-2010');
  // Back returns to the rankings tab, Forward to the map.
  await other.goBack();
  await other.waitForFunction(`document.querySelector('#tab-rankings').getAttribute('aria-selected') === 'true'`, undefined, { timeout: 10_000 });
  assert.equal(await other.locator('#view-rankings').isVisible(), true);
  await other.goForward();
  await other.waitForFunction(`document.querySelector('#tab-map').getAttribute('aria-selected') === 'true'`, undefined, { timeout: 10_000 });

  // The scenario: amount and years in the link; the new page computes the same result.
  await other.click('#tab-scenario');
  await other.waitForSelector('#view-scenario[data-renders]', { timeout: 120_000 });
  let renders = Number(await other.getAttribute('#view-scenario', 'data-renders'));
  await other.locator('#s-subsidy').fill('2000');
  await other.waitForFunction(`Number(document.querySelector('#view-scenario').dataset.renders) > ${renders}`, undefined, { timeout: 20_000 });
  renders = Number(await other.getAttribute('#view-scenario', 'data-renders'));
  await other.fill('#s-years', '2');
  await other.dispatchEvent('#s-years', 'change');
  await other.waitForFunction(`Number(document.querySelector('#view-scenario').dataset.renders) > ${renders}`, undefined, { timeout: 20_000 });
  const scenarioLink = other.url();
  assert.match(scenarioLink, /s\.amount=2000/);
  assert.match(scenarioLink, /s\.years=2/);
  const result = await other.textContent('[data-result=retained-delta] .big');

  const third = watch(await context.newPage());
  await third.goto(scenarioLink);
  await third.waitForFunction(`document.querySelector('#s-subsidy')?.value === '2000' && document.querySelector('[data-result=retained-delta] .big')`, undefined, { timeout: 120_000 });
  await third.waitForFunction(`document.querySelector('[data-result=retained-delta] .big').textContent === ${JSON.stringify(result)}`, undefined, { timeout: 30_000 })
    .catch(async () => assert.fail(`retained delta ${await third.textContent('[data-result=retained-delta] .big')} instead of ${result}`));
  assert.equal(await third.inputValue('#s-years'), '2');
  await third.screenshot({ path: join(SHOTS, 'publish-scenario-from-link.png') });
  await other.close();
  await third.close();
  assert.deepEqual(errors, []);
});

test('the Scenario tab opens on a model of the map\'s country: the Korea example on the Korea map, the Northeast\'s on China\'s', { timeout: 180_000 }, async () => {
  for (const [query, example, model] of [['case=kr', 'korea-regional-income.json', 'korea-2019'], ['case=cn&level=city', 'northeast-stay-subsidy.json', 'china-provinces']]) {
    const p = watch(await context.newPage());
    await p.goto(`${server.url}?${query}`);
    await p.waitForSelector('body[data-map-ready]', { timeout: 120_000 });
    await p.click('#tab-scenario');
    await p.waitForSelector('#view-scenario[data-renders]', { timeout: 120_000 });
    assert.equal(await p.inputValue('#s-example'), example, query);
    assert.equal(await p.inputValue('#s-model'), model, query);
    await p.close();
  }
  assert.deepEqual(errors, []);
});

test('no person count or amount on any tab is shown with decimals', { timeout: 180_000 }, async () => {
  const found: string[] = [];
  for (const tab of ['map', 'scenario', 'rankings', 'graduates']) {
    await page.click(`#tab-${tab}`);
    await page.waitForTimeout(tab === 'scenario' ? 0 : 300);
    if (tab === 'scenario') await page.waitForSelector('#view-scenario[data-renders]', { timeout: 120_000 });
    const text = await page.locator(`#view-${tab}`).innerText();
    for (const m of text.match(GROUPED_DECIMALS) ?? []) found.push(`${tab}: ${m}`);
  }
  assert.deepEqual(found, []);
});

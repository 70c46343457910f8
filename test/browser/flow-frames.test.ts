// deck.gl's render loop runs only while the flows can change (web/src/map/on-demand-frames.ts):
// at rest the page asks for no animation frames (it asked for 60 a second, keeping 8-12% of the
// 2-core machine busy), and a pan or the pointer over the map starts it again, so the flows
// follow the map and hover picking still works. And what the pointer does on the map: a flow
// line or a location circle hovered is named and highlighted, a click opens the region's panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDashboard, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];
/** luma.gl's warnings about the flow layers' attributes (a model built without one its shader reads). */
const layoutWarnings: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', prefix: 'talentflow-flow-frames-' });
  ({ page, errors } = dashboard);
  page.on('console', (m) => void (/instancePickingColors/.test(m.text()) && layoutWarnings.push(m.text())));
}, { timeout: 240_000 });

after(async () => {
  await dashboard?.close();
});

/** Frames deck.gl's loop has been granted so far. */
const granted = async () => ((await page.evaluate('window.__talentflow.flowFrames()')) as { granted: number }).granted;
/** The flow layer's canvas (deck.gl's, between MapLibre's and the labels') as a data URL: what is drawn there. */
const flowPicture = () => page.evaluate(`(() => {
  const canvases = [...document.querySelectorAll('#map canvas')].filter((c) => !c.classList.contains('maplibregl-canvas') && !c.classList.contains('map-labels'));
  return canvases.length === 1 ? canvases[0].toDataURL() : 'canvases: ' + canvases.length;
})()`) as Promise<string>;
/** Animation frames the page asks for in `ms`. */
const framesIn = (ms: number) => page.evaluate(`new Promise((done) => {
  let n = 0;
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = (cb) => {
    n++;
    return raf.call(window, cb);
  };
  setTimeout(() => {
    window.requestAnimationFrame = raf;
    done(n);
  }, ${ms});
})`) as Promise<number>;

/** Where a point (longitude, latitude) of the map is on the page, in CSS pixels. */
const pagePoint = (lonLat: { centroid_lon: number; centroid_lat: number }) => page.evaluate(`(() => {
  const map = window.__talentflow.map();
  const box = map.getContainer().getBoundingClientRect();
  const p = map.project([${lonLat.centroid_lon}, ${lonLat.centroid_lat}]);
  return { x: box.x + p.x, y: box.y + p.y };
})()`) as Promise<{ x: number; y: number }>;

test('at rest the flow layer asks for no frames; a pan redraws the flows and the loop rests again; the pointer over the map wakes it', { timeout: 180_000 }, async () => {
  await page.goto(dashboard!.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 90_000 });
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  assert.ok((await page.evaluate('window.__talentflow.flowCount()') as number) > 0);
  assert.ok(await framesIn(1500) <= 2, 'an idle page asks for (almost) no animation frames');
  const before = await flowPicture();
  assert.ok(before.length > 1000, 'the flows are drawn');

  // Frames granted to deck.gl's loop in the half second after a pan, and after the pointer moves over the map.
  let from = await granted();
  await page.evaluate('window.__talentflow.map().panBy([120, 60], { duration: 0 })');
  await page.waitForTimeout(500);
  assert.ok(await granted() - from >= 1, 'a pan starts the loop');
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  assert.notEqual(await flowPicture(), before, 'the flows moved with the map');

  const box = await page.evaluate('(({ x, y, width, height }) => ({ x, y, width, height }))(window.__talentflow.map().getContainer().getBoundingClientRect())') as { x: number; y: number; width: number; height: number };
  from = await granted();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10);
  await page.waitForTimeout(500);
  assert.ok(await granted() - from >= 1, 'the pointer over the map starts the loop (hover picking)');
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

test('hovering a flow line names the flow in the tooltip and highlights it, a location circle names its in- and out-flows; leaving clears both', { timeout: 180_000 }, async () => {
  const flowsAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/flows');
  const regionsAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/regions');
  await page.goto(dashboard!.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 90_000 });
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  const flows = ((await (await flowsAnswer).json()) as { rows: { origin: string; destination: string; count: number; intra: boolean }[] }).rows.filter((f) => !f.intra && f.count > 0);
  const regions = new Map(((await (await regionsAnswer).json()) as { code: string; name_en: string; centroid_lon: number; centroid_lat: number }[]).map((r) => [r.code, r]));
  assert.ok(flows.length > 10, 'the first screen draws flows');
  const tooltip = page.locator('.map-wrap .tooltip');
  const rest = await flowPicture();

  // The middle of a line, for the largest flows first (the widest lines): the tooltip names that
  // pair (either direction: the two directions are drawn side by side) with its count.
  let named: { origin: string; destination: string } | null = null;
  for (const f of [...flows].sort((a, b) => b.count - a.count).slice(0, 8)) {
    const [o, d] = [regions.get(f.origin)!, regions.get(f.destination)!];
    const [a, b] = [await pagePoint(o), await pagePoint(d)];
    const at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    await page.mouse.move(at.x - 6, at.y - 6);
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(400);
    if (await tooltip.isHidden()) continue;
    const text = await tooltip.textContent() ?? '';
    const back = flows.find((x) => x.origin === f.destination && x.destination === f.origin);
    const counts = [f.count, back?.count].filter((c): c is number => c !== undefined).map((c) => Math.round(c).toLocaleString('en-US'));
    if (text.includes(' → ') && text.includes(o.name_en) && text.includes(d.name_en) && counts.some((c) => text.endsWith(`: ${c}`))) {
      named = f;
      break;
    }
  }
  assert.ok(named, 'hovering the middle of one of the largest lines names its flow');
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  const lit = await flowPicture();
  assert.notEqual(lit, rest, 'the hovered line is drawn highlighted');

  // Straight from the line onto the headline over the map: the tooltip and the highlight go.
  const [a, b] = [await pagePoint(regions.get(named.origin)!), await pagePoint(regions.get(named.destination)!)];
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
  await page.waitForFunction(`!document.querySelector('.map-wrap .tooltip').hidden`, undefined, { timeout: 10_000 });
  const headline = (await page.locator('.map-wrap .headline').boundingBox())!;
  await page.mouse.move(headline.x + headline.width / 2, headline.y + headline.height / 2);
  await page.waitForTimeout(400);
  assert.ok(await tooltip.isHidden(), 'leaving the map for the headline hides the tooltip');
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  assert.equal(await flowPicture(), rest, 'and the highlight');

  // A location's circle (at its centroid) names the region with its in- and out-flows.
  const jilin = regions.get('220000')!;
  const circle = await pagePoint(jilin);
  await page.mouse.move(circle.x - 4, circle.y - 4);
  await page.mouse.move(circle.x, circle.y);
  await page.waitForFunction(`(() => {
    const tip = document.querySelector('.map-wrap .tooltip');
    return tip && !tip.hidden && /^Jilin · In-flow [\\d,]+ · Out-flow [\\d,]+$/.test(tip.textContent);
  })()`, undefined, { timeout: 10_000 });

  // Off the lines, onto the map's bare bottom-left corner: no tooltip, no highlight.
  const box = await page.evaluate('(({ x, y, height }) => ({ x, y, height }))(window.__talentflow.map().getContainer().getBoundingClientRect())') as { x: number; y: number; height: number };
  const [x, y] = [box.x + 30, box.y + box.height - 80];
  assert.equal(await page.evaluate(`document.elementFromPoint(${x}, ${y})?.className`), 'maplibregl-canvas', 'the point is on the map, not on a panel over it');
  await page.mouse.move(x, y);
  await page.waitForTimeout(400);
  assert.ok(await tooltip.isHidden(), 'the tooltip goes when the pointer leaves the line');
  await page.waitForFunction('window.__talentflow.flowFrames()?.resting === true', undefined, { timeout: 30_000 });
  assert.equal(await flowPicture(), rest, 'the highlight goes with it');
  assert.deepEqual(layoutWarnings, [], 'every flow layer model is built with the attribute its shader reads');
  assert.deepEqual(errors, []);
});

test('a click on the map opens the region under the pointer: a province polygon in China, a circle in Korea', { timeout: 180_000 }, async () => {
  const regionsAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/regions');
  await page.goto(dashboard!.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 90_000 });
  const regions = ((await (await regionsAnswer).json()) as { code: string; name_en: string; level: string; centroid_lon: number; centroid_lat: number }[]);
  /** Clicks the centroid of region `code` and waits for its panel. */
  const clickRegion = async (code: string, name: string) => {
    const r = regions.find((x) => x.code === code)!;
    const at = await pagePoint(r);
    assert.equal(await page.evaluate(`document.elementFromPoint(${at.x}, ${at.y})?.className`), 'maplibregl-canvas', `${name}'s centroid is on the map, not on a panel over it`);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(`document.getElementById('region-title')?.textContent.includes(${JSON.stringify(name)})`, undefined, { timeout: 30_000 });
    assert.match(page.url(), new RegExp(`[?&]region=${code}(&|$)`), 'the link names the region');
  };
  await clickRegion('510000', 'Sichuan');
  // Korea has no boundaries: its regions are circles at their centroids.
  const koreaRegions = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/regions' && new URL(r.url()).searchParams.get('within') === 'KR');
  await page.selectOption('#f-case', 'kr');
  regions.push(...((await (await koreaRegions).json()) as typeof regions));
  await page.waitForFunction('window.__talentflow.netCount() > 0', undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  await clickRegion('KR11', 'Seoul');
  assert.deepEqual(errors, []);
});

test('the first screen outlines its target (Liaoning) and has no layer whose tiles wait for the page\'s thread (dashes, patterns, text)', { timeout: 180_000 }, async () => {
  await page.goto(dashboard!.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 90_000 });
  const { outlined, waiting } = await page.evaluate(`(() => {
    const map = window.__talentflow.map();
    const outlined = [...new Set(map.queryRenderedFeatures({ layers: ['regions-target'] }).map((f) => f.properties.code))].sort();
    // MapLibre's worker asks the page's thread for dash positions, pattern images and glyphs as it lays out a tile of such a layer (basemap.ts).
    const waiting = map.getStyle().layers.filter((l) => l.type === 'symbol' || ['line-dasharray', 'line-pattern', 'fill-pattern'].some((k) => l.paint?.[k] !== undefined)).map((l) => l.id);
    return { outlined, waiting };
  })()`) as { outlined: string[]; waiting: string[] };
  assert.match(page.url(), /[?&]targets=210000(&|$)/, 'Liaoning is the first screen\'s target');
  assert.deepEqual(outlined, ['210000']);
  assert.deepEqual(waiting, []);
  assert.deepEqual(errors, []);
});

test('"Show flow lines" off clears the lines and says they are hidden; on brings them back', { timeout: 180_000 }, async () => {
  await page.goto(dashboard!.server.url);
  await page.waitForSelector('body[data-flows-ready]', { timeout: 90_000 });
  const status = () => page.textContent('.flow-status');
  assert.equal(await status(), '50 flow lines shown (the 50 largest)');
  // Hiding and showing the lines, and switching the language, draw the flows already held: the
  // page asks for them again only when a setting that chooses them changes.
  const asked: string[] = [];
  const onRequest = (r: { url: () => string }) => void (new URL(r.url()).pathname === '/api/flows' && asked.push(r.url()));
  page.on('request', onRequest);
  await page.uncheck('#f-flows');
  await page.waitForFunction(`document.querySelector('.flow-status').textContent === 'Flow lines hidden'`, undefined, { timeout: 30_000 });
  assert.equal(await page.evaluate('window.__talentflow.flowCount()'), 0);
  await page.check('#f-flows');
  await page.waitForFunction(`document.querySelector('.flow-status').textContent === '50 flow lines shown (the 50 largest)'`, undefined, { timeout: 30_000 });
  assert.equal(await page.evaluate('window.__talentflow.flowCount()'), 50);
  await page.click('#lang');
  await page.waitForFunction(`document.querySelector('.flow-status').textContent.startsWith('显示 50 条')`, undefined, { timeout: 30_000 });
  assert.equal(await page.evaluate('window.__talentflow.flowCount()'), 50);
  assert.deepEqual(asked, [], 'no request for flows already held');
  // A setting that chooses other flows asks for them.
  await page.selectOption('#f-top', '25');
  await page.waitForFunction('window.__talentflow.flowCount() === 25', undefined, { timeout: 30_000 });
  assert.equal(asked.length, 1);
  page.off('request', onRequest);
  await page.click('#lang');
  assert.deepEqual(errors, []);
});

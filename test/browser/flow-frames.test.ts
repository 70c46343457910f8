// deck.gl's render loop runs only while the flows can change (web/src/map/on-demand-frames.ts):
// at rest the page asks for no animation frames (it asked for 60 a second, keeping 8-12% of the
// 2-core machine busy), and a pan or the pointer over the map starts it again, so the flows
// follow the map and hover picking still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openDashboard, type Dashboard } from '../helpers/browser.ts';

let dashboard: Dashboard | undefined;
let page: Page;
let errors: string[] = [];

before(async () => {
  dashboard = await openDashboard({ workspace: 'demo', locale: 'en-US', prefix: 'talentflow-flow-frames-' });
  ({ page, errors } = dashboard);
}, { timeout: 240_000 });

after(async () => {
  await dashboard?.close();
});

/** Frames deck.gl's loop has been granted so far. */
const granted = async () => ((await page.evaluate('window.__talentflow.flowFrames()')) as { granted: number }).granted;
/** The flow layer's canvas (deck.gl's, over MapLibre's) as a data URL: what is drawn there. */
const flowPicture = () => page.evaluate(`(() => {
  const canvases = [...document.querySelectorAll('canvas')].filter((c) => !c.classList.contains('maplibregl-canvas'));
  return canvases.length ? canvases[canvases.length - 1].toDataURL() : '';
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

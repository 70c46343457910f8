// What the browser tests share: Debian's Chromium driven by playwright-core, the dashboard built
// from the working tree, the console and page errors a test asserts are none, and the cleanup.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { closeWorkspace, type Workspace } from '../../src/store/index.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Screenshots and exports the tests leave for a person to look at. */
export const SHOTS = join(ROOT, 'tmp', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The dashboard built from the working tree into `outDir` (so a test never sees a stale web/dist). */
export function buildDashboard(outDir: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'web'), encoding: 'utf8' });
  assert.equal(r.status, 0, `vite build failed: ${r.stderr}`);
}

/** Headless Chromium; it must be installed (.ci/run installs it): no skip. */
export async function launchChromium(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
}

/** Collects the page's console errors and uncaught exceptions into `errors`. */
export function watchErrors(page: Page, errors: string[]): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** Closes what a browser test opened, whichever of them were opened before a failure. */
export async function closeBrowserSuite(o: { browser?: Browser; server?: { close: () => Promise<unknown> }; ws?: Workspace; dir?: string }): Promise<void> {
  await o.browser?.close();
  await o.server?.close();
  if (o.ws) closeWorkspace(o.ws);
  if (o.dir) rmSync(o.dir, { recursive: true, force: true });
}

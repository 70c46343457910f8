// What the browser tests share: Debian's Chromium driven by playwright-core, the dashboard built
// from the working tree, the console and page errors a test asserts are none, and the cleanup.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../src/server/index.ts';
import { closeWorkspace, openWorkspace, type Workspace } from '../../src/store/index.ts';
import { cachedFolder, sourcesHash } from './build-cache.ts';
import { demoWorkspaceAt } from './demo-workspace.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Screenshots and exports the tests leave for a person to look at. */
export const SHOTS = join(ROOT, 'tmp', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The dashboard built from the working tree into `outDir` (so a test never sees a stale web/dist).
 * Building takes 10-15 s and several suites need it, so one build per state of web/, src/ (the
 * page imports core modules) and the lock file is kept (build-cache.ts) and copied.
 */
export async function buildDashboard(outDir: string): Promise<void> {
  const built = await cachedFolder('dashboard-builds', sourcesHash(['web', 'src']), (staging) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], { cwd: join(ROOT, 'web'), encoding: 'utf8' });
    assert.equal(r.status, 0, `vite build failed: ${r.stderr}`);
  });
  rmSync(outDir, { recursive: true, force: true });
  cpSync(built, outDir, { recursive: true, filter: (from) => !from.endsWith('/.done') });
}

/** Headless Chromium; it must be installed (.ci/run installs it): no skip. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs] });
}

/**
 * Collects the page's console errors and uncaught exceptions into `errors`; with `responses`, also
 * every answer of status 400 or more (a request the page should never have sent).
 */
export function watchErrors(page: Page, errors: string[], options: { responses?: boolean } = {}): Page {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.responses) {
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
  }
  return page;
}

/** Closes what a browser test opened, whichever of them were opened before a failure. */
export async function closeBrowserSuite(o: { browser?: Browser; server?: { close: () => Promise<unknown> }; ws?: Workspace; dir?: string }): Promise<void> {
  await o.browser?.close();
  await o.server?.close();
  if (o.ws) closeWorkspace(o.ws);
  if (o.dir) rmSync(o.dir, { recursive: true, force: true });
}

/** What a browser suite works on: the page's folder, its workspace and server, and Chromium at 1440x900. */
export interface Dashboard {
  /** The suite's temporary folder (the built page in web/, the workspace file, whatever the suite writes). */
  readonly dir: string;
  readonly ws: Workspace;
  readonly server: Awaited<ReturnType<typeof startServer>>;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** The first page of the context, watched for errors. */
  readonly page: Page;
  /** Console errors, uncaught exceptions and (with `responses`) failed answers of the watched page. */
  readonly errors: string[];
  /** Milliseconds the workspace took to make. */
  readonly workspaceMs: number;
  /** Closes the browser and server, the workspace, and removes the folder. */
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** 'demo': a fresh demo workspace (`talentflow demo`); or a function that makes a workspace file in the suite's folder and returns its path. */
  workspace: 'demo' | ((dir: string) => string | Promise<string>);
  /** The browser's language (what the page starts in unless `lang` says otherwise). */
  locale: 'zh-CN' | 'en-US';
  /** The page's language whatever the browser's (the page's own remembered setting). Default: the browser's. */
  lang?: 'en' | 'zh';
  /** Prefix of the temporary folder's name. Default 'talentflow-browser-'. */
  prefix?: string;
  /** Failed answers (status 400 or more) count as page errors (watchErrors). Default true. */
  responses?: boolean;
  /** Window height; the width is 1440. Default 900 (the fold the first-screen tests mean). */
  height?: number;
}

/**
 * The fixture of the browser suites: a temporary folder, the page built from the working tree
 * into it, a workspace (the demo or the suite's own), the server on a free loopback port, and
 * Chromium at 1440x900 in the language asked (downloads accepted), its first page watched for
 * errors. What any step opened before a failure is closed by `close()`.
 */
export async function openDashboard(o: DashboardOptions): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), o.prefix ?? 'talentflow-browser-'));
  const opened: Parameters<typeof closeBrowserSuite>[0] = { dir };
  try {
    const webDir = join(dir, 'web');
    await buildDashboard(webDir);
    const t0 = Date.now();
    let file: string;
    if (o.workspace === 'demo') {
      file = join(dir, 'demo.duckdb');
      await demoWorkspaceAt(file);
    } else file = await o.workspace(dir);
    const workspaceMs = Date.now() - t0;
    const ws = (opened.ws = await openWorkspace(file, { create: false }));
    const server = (opened.server = await startServer(ws, { port: 0, webDir }));
    const browser = (opened.browser = await launchChromium());
    const context = await browser.newContext({ viewport: { width: 1440, height: o.height ?? 900 }, locale: o.locale, acceptDownloads: true });
    if (o.lang) await context.addInitScript(`localStorage.setItem('talentflow.lang', '${o.lang}')`);
    const errors: string[] = [];
    const page = watchErrors(await context.newPage(), errors, { responses: o.responses ?? true });
    return { dir, ws, server, browser, context, page, errors, workspaceMs, close: () => closeBrowserSuite(opened) };
  } catch (e) {
    await closeBrowserSuite(opened);
    throw e;
  }
}

/** Switches the page to `target` with the header's language button (nothing when it is already in it). */
export async function switchLanguage(page: Page, target: 'zh' | 'en'): Promise<void> {
  if ((await page.evaluate('document.documentElement.lang')) === (target === 'zh' ? 'zh-CN' : 'en')) return;
  await page.click('#lang');
  await page.waitForFunction(`document.documentElement.lang.startsWith('${target}')`, undefined, { timeout: 10_000 });
}

import { existsSync } from 'node:fs';
import { SpecError } from '../core/errors.ts';

/**
 * A printable HTML page (the reports of src/report, whose CSS asks for A4) printed to PDF by the
 * Chromium installed on the machine, driven by playwright-core as the browser tests drive it.
 * Nothing is downloaded: without a Chromium the user is told how to get one or to print the HTML
 * page from any browser. The page is self-contained; requests leaving it are blocked, so a
 * report can never reach the network while it is printed.
 */
export interface PdfOptions {
  /** The browser's executable; default: CHROMIUM_PATH, then the usual install locations. */
  chromium?: string;
}

/** Where Debian/Ubuntu, Fedora, macOS and Windows put Chromium or Chrome. */
const CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium',
  '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(given = process.env.CHROMIUM_PATH, candidates: readonly string[] = CANDIDATES): string {
  if (given) {
    if (!existsSync(given)) throw new SpecError(`no browser at ${given}: give the path of a Chromium or Chrome executable (CHROMIUM_PATH or --chromium)`, '--format pdf');
    return given;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new SpecError('PDF needs Chromium or Chrome, and none was found (install it, e.g. `apt-get install chromium`, or name it with CHROMIUM_PATH or --chromium); '
      + 'or write --format html and print that page to PDF from any browser', '--format pdf');
  }
  return found;
}

export async function htmlToPdf(html: string, o: PdfOptions = {}): Promise<Buffer> {
  const executablePath = findChromium(o.chromium ?? process.env.CHROMIUM_PATH);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new SpecError('PDF needs the npm package playwright-core (npm install playwright-core); or write --format html and print that page from a browser', '--format pdf');
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
    .catch((e: Error) => {
      throw new SpecError(`the browser at ${executablePath} did not start: ${e.message.split('\n')[0]}`, '--format pdf');
    });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // The page's own @page rule (A4 and its margins) decides the paper; A4 where it has none.
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

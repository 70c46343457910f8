// `talentflow report graduates --format pdf` (issue 12, item 5): the printable page printed on A4
// by the machine's Chromium (playwright-core, as the browser tests drive it). Chromium must be
// installed (.ci/run installs it): no skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSuite, runCli } from '../helpers/cli.ts';

const demo = demoSuite('talentflow-report-pdf-');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test('report --format pdf writes an A4 PDF of the graduate report with its pages', { timeout: 120_000 }, () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  const out = join(demo.dir, 'neu-2016.pdf');
  const r = runCli(demo.dir, ['report', 'graduates', '--university', 'NEU', '--year', '2016', '--format', 'pdf', '--out', out, '--chromium', CHROMIUM, '-w', demo.workspace]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /SYNTHETIC DATA · wrote .*neu-2016\.pdf/);
  const pdf = readFileSync(out);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 8, `pages: ${pages}`);
  // Every page is A4 (595 x 842 points), as the report's @page rule asks.
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length >= 1 && boxes.every(([w, h]) => Math.abs(w - 595) < 1.5 && Math.abs(h - 842) < 1.5), JSON.stringify(boxes));
  assert.match(text, /%%EOF\s*$/, 'a complete file');
});

test('report --format pdf without a usable browser is a user error (exit 1) that says what to do', () => {
  const r = runCli(demo.dir, ['report', 'graduates', '--university', 'NEU', '--year', '2016', '--format', 'pdf', '--chromium', '/nowhere/chromium', '-w', demo.workspace]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /error: --format pdf: no browser at \/nowhere\/chromium/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

// One Chinese word for "synthetic data" everywhere a user reads it: the dashboard's stamp says
// 合成数据, so the printable graduate report, the CLI table and the docs must not say 模拟数据
// (the screenshot review of issue #12 found the two side by side).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zh } from '../../web/src/i18n/zh.ts';
import { LABELS } from '../../src/report/graduates/labels.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TERM = '合成数据';
const OTHER = '模拟数据';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|md|html|css)$/.test(name) ? [path] : [];
  });
}

test('the dashboard stamp and the graduate report use the same term', () => {
  assert.equal(zh['stamp.synthetic'], TERM);
  assert.equal(LABELS.synthetic.zh, zh['stamp.synthetic']);
});

test('no source, web or docs file says 模拟数据', () => {
  const found = ['src', 'web/src', 'docs'].flatMap((d) => files(join(ROOT, d))).concat(join(ROOT, 'README.md'))
    .filter((f) => readFileSync(f, 'utf8').includes(OTHER))
    .map((f) => f.slice(ROOT.length + 1));
  assert.deepEqual(found, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countLine } from './count-line.ts';
import { printTable, type Out } from './output.ts';

const en = { lang: 'en', more: '--limit N' } as const;

test('the count under a table puts its noun in the singular for one (it said "1 regions")', () => {
  assert.equal(countLine({ ...en, total: 1, shown: 1, what: 'regions' }), '1 region');
  assert.equal(countLine({ ...en, total: 2, shown: 2, what: 'regions' }), '2 regions');
  assert.equal(countLine({ ...en, total: 0, shown: 0, what: 'flows' }), '0 flows');
  assert.equal(countLine({ ...en, total: 31, shown: 30, what: 'regions', more: '--top N' }), '… 1 more region (use --top N, or --json for all)');
  assert.equal(countLine({ ...en, total: 5, shown: 1, what: 'stock tables' }), '… 4 more stock tables (use --limit N, or --json for all)');
  // A command without such an option (report graduates) names --json only.
  assert.equal(countLine({ ...en, total: 31, shown: 10, what: 'rows', more: null }), '… 21 more rows (--json for all)');
});

test('in Chinese with the measure word', () => {
  assert.equal(countLine({ lang: 'zh', more: '--top N', total: 1, shown: 1, what: 'regions' }), '共 1 个地区');
  assert.equal(countLine({ lang: 'zh', more: '--top N', total: 354, shown: 30, what: 'regions' }), '…… 另有 324 个地区（用 --top N 或 --json 查看全部）');
  assert.equal(countLine({ lang: 'zh', more: null, total: 31, shown: 10, what: 'rows' }), '…… 另有 21 行（用 --json 查看全部）');
});

test('printTable writes the table and its count line', () => {
  const lines: string[] = [];
  const out: Out = { json: false, write: (s) => lines.push(s), error: (s) => lines.push(s) };
  printTable(out, [{ code: '210100' }], [{ header: 'code', value: (r) => r.code }], { what: 'regions' });
  assert.equal(lines.at(-1), '1 region');
  printTable(out, [{ code: '210100' }], [{ header: 'code', value: (r) => r.code }], { what: 'regions', lang: 'zh' });
  assert.equal(lines.at(-1), '共 1 个地区');
});

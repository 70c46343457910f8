/** The depth scanner that runs before DuckDB's JSON reader and JSON.parse (issue 13). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonDepthScanner, jsonDepthViolation } from './json-depth.ts';

test('depth counts brackets and braces, not those inside strings or after escapes', () => {
  assert.equal(jsonDepthViolation('{"a":[[1]]}', 3), null);
  assert.deepEqual(jsonDepthViolation('{"a":[[[1]]]}', 3), { line: 1, depth: 4 });
  assert.equal(jsonDepthViolation('{"a":"[[[[[[\\"[[[[","b":1}', 1), null);
  assert.deepEqual(jsonDepthViolation('{"a":1}\n{"b":[[1]]}', 2), { line: 2, depth: 3 });
});

test('a document split across chunks (mid-string, mid-escape) scans as one', () => {
  const doc = '{"s":"x\\"[[[","v":[[[[1]]]]}';
  for (let cut = 1; cut < doc.length; cut++) {
    const s = new JsonDepthScanner(4);
    const first = s.feed(new TextEncoder().encode(doc.slice(0, cut)));
    const v = first ?? s.feed(new TextEncoder().encode(doc.slice(cut)));
    assert.deepEqual(v, { line: 1, depth: 5 }, `cut at ${cut}`);
  }
});

test('12,000 levels are refused at the limit without recursion', () => {
  const deep = '['.repeat(12000) + ']'.repeat(12000);
  assert.deepEqual(jsonDepthViolation(deep), { line: 1, depth: 65 });
});

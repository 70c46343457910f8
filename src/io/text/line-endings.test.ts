/** Mixed line endings are valid data (issue 13): the copy DuckDB reads has LF only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { LineEndingNormaliser } from './line-endings.ts';

async function normalise(chunks: string[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks.map((s) => Buffer.from(s))).pipe(new LineEndingNormaliser())) out.push(c as Buffer);
  return Buffer.concat(out).toString();
}

test('CRLF and lone CR become LF; LF and other bytes stay', async () => {
  assert.equal(await normalise(['a,b\r\n1,2\n3,4\r5,6\r\n']), 'a,b\n1,2\n3,4\n5,6\n');
  assert.equal(await normalise(['沈阳,"x\r\ny"\r\n']), '沈阳,"x\ny"\n');
});

test('a CR at the end of a chunk waits for the next one', async () => {
  assert.equal(await normalise(['a\r', '\nb\r', 'c\r']), 'a\nb\nc\n');
  assert.equal(await normalise(['a\r', '\r', '\n']), 'a\n\n');
});

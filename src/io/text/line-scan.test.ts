/** The pass before DuckDB's CSV reader (issue 13: mixed line endings, a 100 MB cell, "1_000"). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { mixedLineEndings, plainLines, scanLines } from './line-scan.ts';
import { sha256, sha256OfFile } from '../file-hash.ts';

const dir = mkdtempSync(join(tmpdir(), 'talentflow-test-scan-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const scan = (name: string, content: string | Buffer, start = 0) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return scanLines(p, start);
};

test('line endings of each kind are counted; mixing them is detected', async () => {
  const lf = await scan('lf.csv', 'a,b\n1,2\n');
  assert.deepEqual([lf.lf, lf.crlf, lf.cr, mixedLineEndings(lf)], [2, 0, 0, false]);
  const mixed = await scan('mx.csv', 'a,b\r\n1,2\n3,4\r\n');
  assert.deepEqual([mixed.lf, mixed.crlf, mixed.cr, mixedLineEndings(mixed)], [1, 2, 0, true]);
  const cr = await scan('cr.csv', 'a,b\r1,2\r3,4');
  assert.deepEqual([cr.lf, cr.crlf, cr.cr, mixedLineEndings(cr)], [0, 0, 2, false]);
});

test('the longest line is measured in bytes and numbered from 1, without its line break', async () => {
  const s = await scan('long.csv', `a,b\r\n1,2\r\n3,${'x'.repeat(1000)}\r\n4,5`);
  assert.deepEqual([s.longest, s.longestLine], [1002, 3]);
  const one = await scan('one.csv', 'x'.repeat(70));
  assert.deepEqual([one.longest, one.longestLine], [70, 1]);
});

test('a CRLF split across the 4 MiB chunk boundary is one line break', async () => {
  const head = 'a,b\n' + 'y'.repeat((1 << 22) - 5) + '\r';
  const s = await scan('split.csv', head + '\n1,2\n');
  assert.deepEqual([s.lf, s.crlf, s.cr, s.longest, s.longestLine], [2, 1, 0, (1 << 22) - 5, 2]);
  const bare = await scan('split-cr.csv', 'a,b\r' + 'y'.repeat((1 << 22) - 5) + '\r1,2\r');
  assert.deepEqual([bare.lf, bare.crlf, bare.cr], [0, 0, 3]);
});

test('underscores count only after the header', async () => {
  assert.equal((await scan('u1.csv', 'origin_code,count\n1,2\n')).underscoreAfterHeader, false);
  assert.equal((await scan('u2.csv', 'origin_code,count\n1,1_000\n')).underscoreAfterHeader, true);
  assert.equal((await scan('u3.csv', 'origin_code,count\r1,1_000\r')).underscoreAfterHeader, true);
  assert.equal((await scan('u4.csv', Buffer.from('\ufeffa,b\n1,2_0\n'), 3)).underscoreAfterHeader, true);
});

test('the first byte that is not UTF-8 is found with its line, also across chunks and at the end', async () => {
  const bad = await scan('bad.csv', Buffer.concat([Buffer.from('a,b\r\n1,沈阳\n2,'), Buffer.from([0xfe]), Buffer.from('x\n')]));
  assert.deepEqual(bad.invalidUtf8, { offset: 16, line: 3 });
  assert.equal((await scan('good.csv', '沈阳,大连\n1,2\n')).invalidUtf8, undefined);
  // A three-byte character cut by the 4 MiB chunk boundary is valid.
  const pad = 'y'.repeat((1 << 22) - 1 - 4);
  assert.equal((await scan('cut.csv', `a,b\n${pad}沈阳\n`)).invalidUtf8, undefined);
  const cutBad = Buffer.concat([Buffer.from(`a,b\n${pad}`), Buffer.from([0xe6, 0xb2]), Buffer.from([0x41, 0x0a])]);
  assert.deepEqual((await scan('cut-bad.csv', cutBad)).invalidUtf8, { offset: 4 + pad.length, line: 2 });
  const end = await scan('end.csv', Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xe6, 0xb2])]));
  assert.deepEqual(end.invalidUtf8, { offset: 6, line: 2 });
});

test('onChunk sees every byte once and in order: the hash of a file of several chunks is the file\'s', async () => {
  const content = Buffer.from('a,b\n' + '1,沈阳\n'.repeat(1_000_000));
  const h = sha256();
  await scan('hashed.csv', content, 0);
  await scanLines(join(dir, 'hashed.csv'), 0, (bytes) => h.update(bytes));
  assert.ok(content.length > 2 * (1 << 22));
  assert.equal(h.digest('hex'), createHash('sha256').update(content).digest('hex'));
  assert.equal(await sha256OfFile(join(dir, 'hashed.csv')), createHash('sha256').update(content).digest('hex'));
});

test('plainLines: a file whose records are its lines, with nothing for scanLines to map or refuse; each exception, across 4 MiB chunks too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plain-lines-'));
  try {
    const check = async (name: string, text: string | Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return plainLines(p);
    };
    assert.equal(await check('plain.csv', '"o","d",flow\n110000,210000,5\n北京,辽宁,7\n'), true, 'quotes in the header, Chinese text');
    assert.equal(await check('no-final-break.csv', 'o,d,flow\n1,2,3'), true);
    assert.equal(await check('crlf.csv', 'o,d,flow\r\n1,2,3\r\n'), false);
    assert.equal(await check('blank.csv', 'o,d,flow\n1,2,3\n\n2,1,4\n'), false);
    assert.equal(await check('quoted.csv', 'o,d,flow\n"a\nb",2,3\n'), false);
    assert.equal(await check('underscore.csv', 'o,d,flow\n1,2,1_000\n'), false);
    assert.equal(await check('latin1.csv', Buffer.from('o,d,flow\n\xe9,2,3\n', 'latin1')), false);
    // Past the first 4 MiB chunk: a blank line split across the boundary, a character cut by it.
    const row = '110000,210000,12345\n';
    const head = 'o,d,flow\n' + row.repeat(Math.ceil((1 << 22) / row.length));
    const cut = Buffer.from(head.slice(0, (1 << 22) - 1) + '\n');
    assert.equal(cut.length, 1 << 22);
    assert.equal(await check('blank-at-boundary.csv', Buffer.concat([cut, Buffer.from('\n1,2,3\n')])), false);
    const zh = Buffer.from('辽', 'utf8');
    const split = Buffer.concat([Buffer.from(head.slice(0, (1 << 22) - 1)), zh, Buffer.from(',2,3\n')]);
    assert.equal(await check('char-at-boundary.csv', split), true, 'a character cut by the chunk boundary is whole');
    assert.equal(await check('cut-end.csv', Buffer.concat([Buffer.from(head), zh.subarray(0, 2)])), false, 'a character cut by the end of the file');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

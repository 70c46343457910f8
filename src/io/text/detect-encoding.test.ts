/** Encoding detection: the offset of the first bad byte is exact (it was off by up to 3). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectEncoding, EncodingDetectionError } from './detect-encoding.ts';

const offset = (bytes: number[]) => {
  try {
    detectEncoding(new Uint8Array(bytes));
    return null;
  } catch (e) {
    assert.ok(e instanceof EncodingDetectionError);
    return e.offset;
  }
};

test('UTF-8, GB18030 and byte-order marks are told apart', () => {
  assert.equal(detectEncoding(new TextEncoder().encode('沈阳,1\n')).encoding, 'utf-8');
  assert.equal(detectEncoding(new Uint8Array([0xc9, 0xf2, 0xd1, 0xf4, 0x2c, 0x31])).encoding, 'gb18030');
  assert.deepEqual(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), { encoding: 'utf-8', bomBytes: 3, detected: 'bom' });
});

test('the offset of the first byte that is neither UTF-8 nor GB18030 is exact', () => {
  const a = [0x61, 0x2c, 0x62, 0x0a];
  assert.equal(offset([...a, 0xff, 0xff, ...a]), 4);
  assert.equal(offset([...a, 0x61, 0x62, 0x63, 0xe4, 0xb8, 0xad, 0xff, ...a]), 10, 'after a complete three-byte character');
});

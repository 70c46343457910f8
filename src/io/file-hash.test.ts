import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256OfFile, sha256OfFileBeside } from './file-hash.ts';

test('the hash taken on a worker thread is the file\'s SHA-256; a caller that stops it gets a rejection, not a hash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-hash-'));
  try {
    const p = join(dir, 'f.bin');
    // 9 MiB: more than two of the reader's 4 MiB chunks.
    const bytes = Buffer.alloc(9 << 20);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(p, bytes);
    assert.equal(await sha256OfFileBeside(p), await sha256OfFile(p));
    // Stopped before the worker starts, and while it reads.
    const before = new AbortController();
    const early = sha256OfFileBeside(p, before.signal);
    before.abort();
    await assert.rejects(early, /not needed/);
    const during = new AbortController();
    const late = sha256OfFileBeside(p, during.signal);
    await new Promise((ok) => setTimeout(ok, 30));
    during.abort();
    await assert.rejects(late, /not needed/);
    await assert.rejects(sha256OfFileBeside(join(dir, 'missing.bin')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { makeTempDir } from '../temp-dir.ts';

const LF = 0x0a, CR = 0x0d;

/**
 * Rewrites every line break (CRLF, CR) as LF, on bytes: CR and LF never occur inside a multi-byte
 * UTF-8 (or GB18030) character, so no decoding is needed. A CR that ends a chunk is held until
 * the next chunk shows whether an LF follows.
 */
export class LineEndingNormaliser extends Transform {
  private heldCr = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const parts: Buffer[] = [];
    let i = 0;
    if (this.heldCr) {
      this.heldCr = false;
      parts.push(Buffer.from([LF]));
      if (chunk[0] === LF) i = 1;
    }
    for (let cr = chunk.indexOf(CR, i); cr >= 0; cr = chunk.indexOf(CR, i)) {
      parts.push(chunk.subarray(i, cr));
      if (cr + 1 === chunk.length) {
        this.heldCr = true;
        i = chunk.length;
        break;
      }
      parts.push(Buffer.from([LF]));
      i = chunk[cr + 1] === LF ? cr + 2 : cr + 1;
    }
    if (i < chunk.length) parts.push(i === 0 ? chunk : chunk.subarray(i));
    done(null, parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.heldCr ? Buffer.from([LF]) : undefined);
  }
}

/**
 * A copy of `path` (from byte `skipBytes`) with LF line breaks, for a file whose line endings
 * change within it: DuckDB's CSV reader takes one kind per file. Returns the copy and its cleanup.
 */
export async function copyWithLf(path: string, skipBytes = 0): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await makeTempDir('newlines');
  const out = join(dir, 'lf.csv');
  try {
    await pipeline(createReadStream(path, { start: skipBytes, highWaterMark: 1 << 20 }), new LineEndingNormaliser(), createWriteStream(out));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { path: out, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

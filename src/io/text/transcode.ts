import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { makeTempDir } from '../temp-dir.ts';
import { LineEndingNormaliser } from './line-endings.ts';

/**
 * Streams a file in another encoding (GB18030, UTF-16, Big5...) into a temporary UTF-8 file that
 * DuckDB's CSV reader can read (it has no GB18030 support and extensions cannot be installed
 * offline). Memory stays flat: one chunk at a time through a streaming TextDecoder. Line breaks
 * come out as LF whatever the file used (DuckDB wants one kind per file).
 * Returns the temporary path and a cleanup function.
 */
export async function transcodeToUtf8(
  path: string,
  encoding: string,
  skipBytes: number,
  onProgress?: (bytesRead: number) => void,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await makeTempDir('transcode');
  const out = join(dir, 'utf8.csv');
  const decoder = new TextDecoder(encoding, { fatal: true });
  let read = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      onProgress?.(read);
      try {
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(new TranscodeError(encoding, [read - chunk.length, read]));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new TranscodeError(encoding, null));
      }
    },
  });
  try {
    await pipeline(createReadStream(path, { start: skipBytes, highWaterMark: 1 << 20 }), transform, new LineEndingNormaliser(), createWriteStream(out));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { path: out, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Bytes that are not the encoding: `bytes` the chunk where the first bad sequence lies, null when the file ends inside a character. */
export class TranscodeError extends Error {
  readonly encoding: string;
  readonly bytes: readonly [number, number] | null;
  constructor(encoding: string, bytes: readonly [number, number] | null) {
    super(bytes ? `not valid ${encoding} near byte ${bytes[0]}-${bytes[1]}` : `file ends inside a ${encoding} character (cut off?)`);
    this.name = 'TranscodeError';
    this.encoding = encoding;
    this.bytes = bytes;
  }
}

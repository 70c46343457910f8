import { createReadStream } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';

/** A new SHA-256 hash, for a caller that reads a file's bytes itself and feeds them in order. */
export function sha256(): Hash {
  return createHash('sha256');
}

/** The SHA-256 of a file's bytes (hex), read in 4 MiB chunks. */
export async function sha256OfFile(path: string): Promise<string> {
  const h = sha256();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

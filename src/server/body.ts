import { HttpError } from './errors.ts';

/**
 * Reads a request body as UTF-8 text, stopping at `maxBytes`: the declared Content-Length is
 * checked first, and a chunked body is counted while it streams, so an oversized body is refused
 * after at most `maxBytes` are held in memory (reading it whole first let a chunked 400 MB body
 * grow the server by a gigabyte before the 413).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new HttpError(413, `request body of ${declared} bytes is over the limit of ${maxBytes}`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(413, `request body is over the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

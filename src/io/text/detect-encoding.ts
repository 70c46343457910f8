import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { firstInvalidUtf8 } from './line-scan.ts';

/**
 * Detects the text encoding of a file from its first bytes: a byte-order mark wins; otherwise the
 * sample must be valid UTF-8, or else valid GB18030 (a superset of GBK and GB2312, the encodings
 * Chinese statistical yearbooks and Excel exports on Chinese Windows use). Anything else needs an
 * explicit encoding from the user.
 */
export type DetectedEncoding = { encoding: string; bomBytes: number; detected: 'bom' | 'valid-utf8' | 'valid-gb18030' | 'given' };

export class EncodingDetectionError extends Error {
  /** Byte offset of the first byte that is neither UTF-8 nor GB18030, when known. */
  readonly offset?: number;
  /** The message's code and parameters (core/messages file.*), for a front-end in another language. */
  readonly text: CodedMessage;
  constructor(text: CodedMessage, offset?: number) {
    super(text.message);
    this.text = text;
    this.name = 'EncodingDetectionError';
    this.offset = offset;
  }
}

export function detectEncoding(sample: Uint8Array, given?: string): DetectedEncoding {
  if (given) {
    const label = normaliseEncodingLabel(given);
    const bom = label === 'utf-8' && hasUtf8Bom(sample) ? 3 : 0;
    return { encoding: label, bomBytes: bom, detected: 'given' };
  }
  if (hasUtf8Bom(sample)) return { encoding: 'utf-8', bomBytes: 3, detected: 'bom' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, detected: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2, detected: 'bom' };
  const body = trimPartialTail(sample);
  if (decodes(body, 'utf-8')) return { encoding: 'utf-8', bomBytes: 0, detected: 'valid-utf8' };
  if (decodes(body, 'gb18030')) return { encoding: 'gb18030', bomBytes: 0, detected: 'valid-gb18030' };
  const at = firstInvalidUtf8(body);
  throw new EncodingDetectionError(coded('file.notUnicodeNorGb', { offset: at }), at);
}

/** Accepts the labels people type (GBK, gb2312, UTF8, cp936) and returns a WHATWG encoding label. */
export function normaliseEncodingLabel(label: string): string {
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, string> = { utf8: 'utf-8', 'utf-8-sig': 'utf-8', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030', 'gb-18030': 'gb18030' };
  const name = aliases[l] ?? l;
  try {
    new TextDecoder(name);
  } catch {
    throw new EncodingDetectionError(coded('file.unknownEncoding', { encoding: label }));
  }
  return name;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A sample cut from a longer file may end inside a multi-byte character: drop up to 3 bytes. */
function trimPartialTail(b: Uint8Array): Uint8Array {
  if (b.length < 4) return b;
  for (let cut = 0; cut <= 3; cut++) {
    const part = b.subarray(0, b.length - cut);
    if (decodes(part, 'utf-8')) return part;
  }
  // Not UTF-8 whatever the cut; GB18030 characters are 1, 2 or 4 bytes: try those cuts too.
  for (let cut = 0; cut <= 3; cut++) {
    const part = b.subarray(0, b.length - cut);
    if (decodes(part, 'gb18030')) return part;
  }
  return b;
}

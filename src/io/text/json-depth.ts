import { open, readFile, stat } from 'node:fs/promises';
import { coded, type CodedMessage } from '../../core/messages/index.ts';

/**
 * Nesting depth of JSON text, measured before any parser sees it. DuckDB's `read_json` crashes the
 * whole process (segmentation fault) on a JSON-lines file nested ~12,000 deep, and recursive
 * walks of a parsed GeoJSON overflow the stack, so depth is bounded here, in one linear pass over
 * the bytes that never builds a value. No JSON library offers a depth limit without parsing the
 * document, which is exactly what must not happen first; hence written by hand.
 *
 * Data files need little depth: a GeoJSON MultiPolygon inside a FeatureCollection is 7 deep,
 * a JSON-lines record with a nested attribute 3.
 */
export const MAX_JSON_DEPTH = 64;

export interface DepthViolation {
  /** 1-based line of the opening bracket that went too deep. */
  line: number;
  depth: number;
}

const OPEN_BRACE = 0x7b, OPEN_BRACKET = 0x5b, CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22, BACKSLASH = 0x5c, NEWLINE = 0x0a;

/** A scanner fed chunk by chunk, so a file of any size is checked in constant memory. */
export class JsonDepthScanner {
  private depth = 0;
  private line = 1;
  private inString = false;
  private escaped = false;
  constructor(private readonly maxDepth: number = MAX_JSON_DEPTH) {}

  /** Returns the first place deeper than the limit, or null. Works on UTF-8 bytes or a string's char codes. */
  feed(chunk: Uint8Array | string): DepthViolation | null {
    const n = chunk.length;
    const bytes = typeof chunk === 'string' ? null : chunk;
    for (let i = 0; i < n; i++) {
      const c = bytes ? bytes[i] : (chunk as string).charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++this.depth > this.maxDepth) return { line: this.line, depth: this.depth };
      } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && this.depth > 0) this.depth--;
    }
    return null;
  }
}

/** Depth check of a string (a JSON cell in a table, a small document). */
export function jsonDepthViolation(text: string, maxDepth: number = MAX_JSON_DEPTH): DepthViolation | null {
  return new JsonDepthScanner(maxDepth).feed(text);
}

/** Depth check of a file, read in 1 MiB chunks. */
export async function fileJsonDepthViolation(path: string, maxDepth: number = MAX_JSON_DEPTH): Promise<DepthViolation | null> {
  const scanner = new JsonDepthScanner(maxDepth);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return null;
      const v = scanner.feed(buf.subarray(0, bytesRead));
      if (v) return v;
    }
  } finally {
    await fh.close();
  }
}

/** The message every importer gives for a too-deep document. */
export function depthMessage(v: DepthViolation, maxDepth: number = MAX_JSON_DEPTH): string {
  return depthText(v, maxDepth).message;
}

/** The refusal coded (core/messages file.jsonDepth), for a front-end in another language. */
export function depthText(v: DepthViolation, maxDepth: number = MAX_JSON_DEPTH): CodedMessage {
  return coded('file.jsonDepth', { depth: v.depth, limit: maxDepth, over: v.depth > maxDepth });
}

/**
 * Largest JSON document (GeoJSON, groups) read whole: JSON.parse holds several times the text in
 * memory, and V8 cannot hold a string over 512 MiB at all ("Invalid string length"). Simplified
 * county boundaries of a whole country take a few tens of MB.
 */
export const MAX_JSON_DOCUMENT_BYTES = 128 * 2 ** 20;

export class JsonLimitError extends Error {
  readonly line?: number;
  /** The message's code and parameters (core/messages file.*). */
  readonly text: CodedMessage;
  constructor(text: CodedMessage, line?: number) {
    super(text.message);
    this.text = text;
    this.name = 'JsonLimitError';
    this.line = line;
  }
}

/**
 * The text of a JSON document, once its size and nesting depth are known to be bounded (a UTF-8
 * byte-order mark, which JSON.parse refuses, is dropped). Throws JsonLimitError.
 */
export async function readJsonDocument(path: string): Promise<string> {
  const { size } = await stat(path);
  if (size > MAX_JSON_DOCUMENT_BYTES) {
    throw new JsonLimitError(coded('file.jsonTooLarge', { megabytes: (size / 2 ** 20).toFixed(0), limit: MAX_JSON_DOCUMENT_BYTES / 2 ** 20 }));
  }
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const deep = jsonDepthViolation(text);
  if (deep) throw new JsonLimitError(depthText(deep), deep.line);
  return text;
}

import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import { RecordTracker, type RecordLines } from './record-lines.ts';

/**
 * One pass over a text file's bytes, before DuckDB reads it, for what its CSV reader handles
 * badly: line endings that change within the file (CRLF and LF mixed: "CSV Parser state machine
 * reached an invalid state"), a line longer than its buffer (a 100 MB cell was reported as an
 * "unterminated quote"), and an underscore after the header (its DOUBLE reader takes "1_000" as
 * 1000), and bytes that are not UTF-8: DuckDB 1.5's CSV reader, asked for some of a file's
 * columns, fails on them with an internal error ("Attempted to access index 1 within vector of
 * size 1") that invalidates the whole database until it is reopened. Line breaks and underscores
 * are found with `indexOf` (memchr) and UTF-8 is validated with `buffer.isUtf8` (simdutf), so the
 * pass runs at disk speed with one small step per line. Lines are physical lines: a quoted value holding line breaks
 * counts as several, so `longest` never overstates a record. The same pass maps DuckDB's records
 * to their lines (record-lines.ts), for errors that name the line a user sees in an editor.
 */
export interface LineScan {
  /** Line breaks of each kind. */
  crlf: number;
  lf: number;
  cr: number;
  /** Bytes of the longest line (without its line break) and its 1-based line number. */
  longest: number;
  longestLine: number;
  /** Whether byte 0x5F (_) occurs after the first line break. */
  underscoreAfterHeader: boolean;
  /** The first byte that does not belong to a well-formed UTF-8 sequence (offset in the file, 1-based line). */
  invalidUtf8?: { offset: number; line: number };
  /** Where records do not start on line `record + 2` (blank lines, quoted line breaks); empty for most files. */
  records: RecordLines;
}

const LF = 0x0a, CR = 0x0d, UNDERSCORE = 0x5f, QUOTE = 0x22;

/**
 * The longest line a table may have: 16 MB holds a county boundary as WKT many times over, while
 * a single cell of 100 MB (issue 13) is refused before any reader buffers it.
 */
export const MAX_LINE_BYTES = 16_000_000;

/**
 * Scans `path` from byte `start`, in 4 MiB chunks; `onChunk` sees each chunk's bytes in order
 * (e.g. to hash the file in the same pass: one read of a large file instead of two).
 */
export async function scanLines(path: string, start = 0, onChunk?: (bytes: Uint8Array) => void): Promise<LineScan> {
  const records = new RecordTracker();
  const s: LineScan = { crlf: 0, lf: 0, cr: 0, longest: 0, longestLine: 1, underscoreAfterHeader: false, records: records.map };
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 22);
    let pos = start;
    let lineStart = start;
    let line = 1;
    let pendingCr = false;
    // Absolute offset just past the first line break (the header's), once seen.
    let headerEnd = -1;
    let firstLineEnd = -1;
    // A line ends at absolute offset `at`; the quotes before it are counted (countQuotes) first.
    const endLine = (at: number) => {
      if (at - lineStart > s.longest) {
        s.longest = at - lineStart;
        s.longestLine = line;
      }
      records.endLine(line, at === lineStart);
      line++;
    };
    // Bytes of a character cut by the chunk's end, validated with the next chunk.
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      onChunk?.(view);
      if (!s.invalidUtf8) {
        const joined = carry.length ? Buffer.concat([carry, view]) : view;
        const whole = completeLength(joined);
        if (!isUtf8(joined.subarray(0, whole))) {
          const at = firstInvalidUtf8(joined.subarray(0, whole));
          // Lines counted so far end before this chunk (an LF completing a CRLF cut by the chunk
          // boundary is already counted); count the breaks from there to the byte.
          const skip = carry.length + (pendingCr && view[0] === LF ? 1 : 0);
          s.invalidUtf8 = { offset: pos - carry.length + at, line: line + breaksIn(joined, skip, at) };
        }
        carry = Buffer.from(joined.subarray(whole));
      }
      let i = 0;
      records.startChunk(view, 0);
      if (pendingCr) {
        // A CR ended the previous chunk: it is CRLF if this chunk starts with LF.
        pendingCr = false;
        if (view[0] === LF) {
          s.crlf++;
          i = 1;
        } else s.cr++;
        lineStart = pos + i;
        if (firstLineEnd < 0) firstLineEnd = lineStart;
      }
      let nextLf = view.indexOf(LF, i);
      let nextCr = view.indexOf(CR, i);
      while (nextLf >= 0 || nextCr >= 0) {
        if (nextCr >= 0 && (nextLf < 0 || nextCr < nextLf)) {
          records.countQuotes(view, nextCr);
          endLine(pos + nextCr);
          if (nextCr + 1 === bytesRead) {
            pendingCr = true;
            i = bytesRead;
            lineStart = pos + i;
            break;
          }
          if (view[nextCr + 1] === LF) {
            s.crlf++;
            i = nextCr + 2;
          } else {
            s.cr++;
            i = nextCr + 1;
          }
        } else {
          records.countQuotes(view, nextLf);
          endLine(pos + nextLf);
          s.lf++;
          i = nextLf + 1;
        }
        lineStart = pos + i;
        if (firstLineEnd < 0) firstLineEnd = lineStart;
        if (nextLf >= 0 && nextLf < i) nextLf = view.indexOf(LF, i);
        if (nextCr >= 0 && nextCr < i) nextCr = view.indexOf(CR, i);
      }
      records.countQuotes(view, bytesRead);
      if (headerEnd < 0 && line > 1) headerEnd = firstLineEnd;
      if (!s.underscoreAfterHeader && headerEnd >= 0 && view.indexOf(UNDERSCORE, Math.max(0, headerEnd - pos)) >= 0) s.underscoreAfterHeader = true;
      pos += bytesRead;
    }
    if (pendingCr) s.cr++;
    // A character cut off by the end of the file.
    if (!s.invalidUtf8 && carry.length) s.invalidUtf8 = { offset: pos - carry.length, line };
    if (pos > lineStart) endLine(pos);
    return s;
  } finally {
    await fh.close();
  }
}

/** Length of the prefix that ends on a character boundary (at most 3 bytes of a started character cut). */
export function completeLength(b: Buffer): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back];
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > back ? b.length - back : b.length;
    }
  }
  return b.length;
}

/** Line breaks in b[from, to) (a CRLF counts once). */
function breaksIn(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (b[i] === LF || (b[i] === CR && b[i + 1] !== LF)) n++;
  return n;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode table 3-7). */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!len) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let k = 1; k < len; k++) {
      const x = b[i + k];
      if (x === undefined || (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf)) return i;
    }
    i += len;
  }
  return b.length;
}

/** Whether the file ends its lines in more than one way (DuckDB's CSV reader needs one way). */
export function mixedLineEndings(s: LineScan): boolean {
  return [s.crlf, s.lf, s.cr].filter((n) => n > 0).length > 1;
}

/**
 * Whether a UTF-8 text file needs none of scanLines' care, told by native searches over 4 MiB
 * chunks with no step per line (about a quarter of scanLines' time at 9 million lines): every
 * byte well-formed UTF-8, no CR (so no line break but LF), no blank line (LF LF), and after the
 * first line no quote (so no quoted line break) and no underscore (DuckDB's number reader takes
 * "1_000"). Records are then on consecutive lines. It says nothing of line lengths: DuckDB's
 * reader refuses a line past its buffer, and the caller then takes the scanned path.
 */
export async function plainLines(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 22);
    let pos = 0;
    let carry: Buffer = Buffer.alloc(0);
    let headerDone = false;
    let lastByte = -1;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      const joined = carry.length ? Buffer.concat([carry, view]) : view;
      const whole = completeLength(joined);
      if (!isUtf8(joined.subarray(0, whole))) return false;
      carry = Buffer.from(joined.subarray(whole));
      if (view.indexOf(CR) >= 0) return false;
      if (view.indexOf('\n\n') >= 0 || (lastByte === LF && view[0] === LF)) return false;
      let from = 0;
      if (!headerDone) {
        const end = view.indexOf(LF);
        if (end < 0) from = view.length;
        else {
          headerDone = true;
          from = end + 1;
        }
      }
      if (view.indexOf(QUOTE, from) >= 0 || view.indexOf(UNDERSCORE, from) >= 0) return false;
      lastByte = view[bytesRead - 1];
      pos += bytesRead;
    }
    return carry.length === 0;
  } finally {
    await fh.close();
  }
}

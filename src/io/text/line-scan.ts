import { open } from 'node:fs/promises';

/**
 * One pass over a text file's bytes, before DuckDB reads it, for what its CSV reader handles
 * badly: line endings that change within the file (CRLF and LF mixed: "CSV Parser state machine
 * reached an invalid state"), a line longer than its buffer (a 100 MB cell was reported as an
 * "unterminated quote"), and an underscore after the header (its DOUBLE reader takes "1_000" as
 * 1000). Line breaks and underscores are found with `indexOf` (memchr), so the pass runs at disk
 * speed with one small step per line. Lines are physical lines: a quoted value holding line breaks
 * counts as several, so `longest` never overstates a record.
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
}

const LF = 0x0a, CR = 0x0d, UNDERSCORE = 0x5f;

/**
 * The longest line a table may have: 16 MB holds a county boundary as WKT many times over, while
 * a single cell of 100 MB (issue 13) is refused before any reader buffers it.
 */
export const MAX_LINE_BYTES = 16_000_000;

/** Scans `path` from byte `start`, in 4 MiB chunks. */
export async function scanLines(path: string, start = 0): Promise<LineScan> {
  const s: LineScan = { crlf: 0, lf: 0, cr: 0, longest: 0, longestLine: 1, underscoreAfterHeader: false };
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
    const endLine = (at: number) => {
      if (at - lineStart > s.longest) {
        s.longest = at - lineStart;
        s.longestLine = line;
      }
      line++;
    };
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      let i = 0;
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
          endLine(pos + nextLf);
          s.lf++;
          i = nextLf + 1;
        }
        lineStart = pos + i;
        if (firstLineEnd < 0) firstLineEnd = lineStart;
        if (nextLf >= 0 && nextLf < i) nextLf = view.indexOf(LF, i);
        if (nextCr >= 0 && nextCr < i) nextCr = view.indexOf(CR, i);
      }
      if (headerEnd < 0 && line > 1) headerEnd = firstLineEnd;
      if (!s.underscoreAfterHeader && headerEnd >= 0 && view.indexOf(UNDERSCORE, Math.max(0, headerEnd - pos)) >= 0) s.underscoreAfterHeader = true;
      pos += bytesRead;
    }
    if (pendingCr) s.cr++;
    if (pos > lineStart) endLine(pos);
    return s;
  } finally {
    await fh.close();
  }
}

/** Whether the file ends its lines in more than one way (DuckDB's CSV reader needs one way). */
export function mixedLineEndings(s: LineScan): boolean {
  return [s.crlf, s.lf, s.cr].filter((n) => n > 0).length > 1;
}

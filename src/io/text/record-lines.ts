/**
 * The physical line on which each record of a CSV file starts, for error messages that send a
 * user to the right line. DuckDB's reader numbers records, not lines: it skips empty lines, and a
 * quoted value may hold line breaks, so "the header is row 1, record k (0-based) is row k + 2"
 * is off by one for each such line before the record. This tracker follows the file during the
 * line scan (line-scan.ts) and keeps only the places where the offset changes, so a file without
 * blank lines or multi-line values costs one comparison per line and yields an empty map.
 *
 * Records are cut as DuckDB does with quote = escape = '"': a line break ends a record unless an
 * odd number of quotes came before it in the record (a doubled quote inside a quoted value
 * toggles twice); an empty line outside quotes is no record, except as the very first line,
 * which DuckDB takes as the header like any other.
 */
export interface RecordLines {
  /** Data record (0-based, the header excluded) from which `extra[i]` and `blanks[i]` hold. */
  record: number[];
  /** Lines beyond `record + 2` before the record: its line is `record + 2 + extra`. */
  extra: number[];
  /** How many of those lines are empty (DuckDB's own line numbers count these, not a value's line breaks). */
  blanks: number[];
}

const QUOTE = 0x22;

export class RecordTracker {
  private inQuotes = false;
  /** Records ended so far, the header included. */
  private records = 0;
  /** Physical line (1-based) on which the current record started. */
  private recordLine = 1;
  private blankLines = 0;
  private lastExtra = 0;
  private lastBlanks = 0;
  /** Index in the current chunk of the next quote not yet counted, -1 if none. */
  private nextQuote = -1;
  readonly map: RecordLines = { record: [], extra: [], blanks: [] };

  /** A new chunk of the file, whose quotes from `from` on are still to count. */
  startChunk(view: Uint8Array, from: number): void {
    this.nextQuote = view.indexOf(QUOTE, from);
  }

  /** Counts the quotes of the current chunk before index `to` (a line break, or the chunk's end). */
  countQuotes(view: Uint8Array, to: number): void {
    if (this.nextQuote < 0 || this.nextQuote >= to) return;
    // A byte loop over the line: quoted files often quote every field, where one indexOf per
    // quote costs more than looking at each byte of the line once.
    let inQuotes = this.inQuotes;
    for (let k = this.nextQuote; k < to; k++) if (view[k] === QUOTE) inQuotes = !inQuotes;
    this.inQuotes = inQuotes;
    this.nextQuote = to < view.length ? view.indexOf(QUOTE, to) : -1;
  }

  /** Line `line` ended (quotes before its break counted); `empty` when it held no byte. */
  endLine(line: number, empty: boolean): void {
    if (this.inQuotes) return;
    if (empty && this.records > 0) {
      this.blankLines++;
    } else {
      if (this.records > 0) this.recordAt(this.records - 1, this.recordLine);
      this.records++;
    }
    this.recordLine = line + 1;
  }

  private recordAt(record: number, line: number): void {
    const extra = line - record - 2;
    if (extra === this.lastExtra && this.blankLines === this.lastBlanks) return;
    this.map.record.push(record);
    this.map.extra.push(extra);
    this.map.blanks.push(this.blankLines);
    this.lastExtra = extra;
    this.lastBlanks = this.blankLines;
  }
}

/**
 * The physical line of a line number as DuckDB's CSV errors give it (the header, records and
 * empty lines counted, a quoted value's line breaks not), or `duckdbLine` itself when it names no
 * record (the header, or past the end).
 */
export function lineOfDuckdbLine(map: RecordLines, duckdbLine: number): number {
  // Record k has DuckDB line k + 2 + blanks(k), increasing in k: the segment whose first record
  // has a DuckDB line at or before the one asked for holds it.
  let lo = 0, hi = map.record.length - 1, seg = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.record[mid] + 2 + map.blanks[mid] <= duckdbLine) {
      seg = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const record = duckdbLine - 2 - (seg < 0 ? 0 : map.blanks[seg]);
  if (record < 0) return duckdbLine;
  return record + 2 + (seg < 0 ? 0 : map.extra[seg]);
}

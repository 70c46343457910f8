import type { StageOptions } from './duckdb/stage.ts';
import { readPlainCsv } from '../io/text/plain-csv.ts';
import { sniffUtf8Csv } from '../io/text/sniff-csv-file.ts';

export interface ColumnsRequest {
  /** Columns read as text (e.g. origin and destination codes). */
  text: readonly string[];
  /** Columns read as numbers; a cell that is not a number is an error naming its row. */
  numeric: readonly string[];
}

export interface Columns {
  rows: number;
  text: Record<string, string[]>;
  numbers: Record<string, Float64Array>;
}

export interface CodedColumnsRequest {
  /**
   * Text columns, in groups that share one dictionary: origin and destination codes share the
   * list of regions, so `[[origin, destination], [period]]`.
   */
  codes: readonly (readonly string[])[];
  /** Columns read as numbers; a cell that is not a number is an error naming its row. */
  numeric: readonly string[];
  /**
   * Read missing cells as missing (as R's read.csv and fixest do) instead of as values: a blank
   * text cell gets the code MISSING_CODE and is in no dictionary; a blank, NA, N/A, NaN or NULL
   * number (any case) is NaN. "NA" in a text column stays a code (it is Namibia's). Default false: a
   * blank text cell is the level "", and a number column takes no NA (a blank one is NaN in a
   * CSV read as numbers, an error otherwise).
   */
  missing?: boolean;
}

/** The code of a missing text cell (`missing: true`): 2^32 - 1, the models' MISSING_LEVEL. */
export const MISSING_CODE = 0xffffffff;

export interface CodedColumns {
  rows: number;
  /** Each text column as indexes into its group's `levels`. */
  codes: Record<string, Uint32Array>;
  /**
   * Each text column's dictionary (shared within a group): the distinct values, trimmed, a blank
   * or missing cell as "". Ordered as they first appear in the group's first column, then the
   * values new in its second column as they first appear there, and so on.
   */
  levels: Record<string, string[]>;
  /** Numeric columns; a blank cell is NaN. */
  numbers: Record<string, Float64Array>;
  /**
   * The row number a user sees for each row, as the importers' messages count it: the first
   * row's when rows are consecutive (2 in a CSV, whose header is row 1; 1 in Parquet or JSON
   * lines), else one per row (a worksheet's own row numbers).
   */
  rowNumbers: number | Uint32Array;
  /** Which reader read the file: JavaScript's one pass over a plain CSV, or DuckDB's readers (for benchmarks and tests). */
  reader?: 'plain' | 'duckdb';
}

/**
 * Reads named columns of any supported file (CSV in any detected encoding, xlsx, Parquet, JSON
 * lines) as typed arrays, outside any workspace: the input of `talentflow fit ... --flows FILE`.
 * A plain UTF-8 CSV is read by JavaScript in one pass (readPlainCodedCsv); any other file by
 * DuckDB, whose text is factorised inside DuckDB (a dictionary per group of columns, joined back
 * to the rows) so that only integer codes and doubles cross into JavaScript, chunk by chunk.
 * Either way no JavaScript string or boxed number is made per row (at 9 million rows those were
 * most of a fit's wall time and gigabytes of heap).
 * A missing column is an error listing the columns the file has.
 */
export async function readCodedColumns(file: string, request: CodedColumnsRequest, options: StageOptions = {}): Promise<CodedColumns> {
  const plain = await readPlainCodedCsv(file, request, options);
  if (plain) return plain;
  // The DuckDB readers, in their own module: only a file the plain read does not take needs them.
  const { readCodedColumnsWithDuckdb } = await import('./read-columns-duckdb.ts');
  return readCodedColumnsWithDuckdb(file, request, options);
}

/**
 * readCodedColumns for a plain UTF-8 CSV (io/text/plain-csv.ts: codes as plain text, numbers as
 * digits with at most one point, no blank cell), read once by JavaScript into typed columns, in
 * parts on worker threads for a large file: at 9 million rows 1.7-2.1 s against 2.6-3.7 s for
 * DuckDB's one-pass read (readIntegerCodedCsv). Levels are then renumbered and trimmed to the
 * order the other paths give. Null for any other file (a negative or exponent number, NA, a blank
 * cell, a missing column...): the other paths read it and name any fault.
 */
async function readPlainCodedCsv(file: string, request: CodedColumnsRequest, options: StageOptions): Promise<CodedColumns | null> {
  const text = request.codes.flat();
  if (!text.length || new Set([...text, ...request.numeric]).size !== text.length + request.numeric.length) return null;
  const sniffed = await sniffUtf8Csv(file, options);
  if (!sniffed) return null;
  const field = (c: string) => sniffed.header.indexOf(c);
  if ([...text, ...request.numeric].some((c) => field(c) < 0)) return null;
  const groups = request.codes.filter((g) => g.length);
  const read = await readPlainCsv(sniffed.path, {
    delimiter: sniffed.delimiter, fields: sniffed.header.length, text: groups.map((g) => g.map(field)), numbers: request.numeric.map(field),
    onProgress: options.onProgress && ((f) => options.onProgress!(f, 'reading')),
  });
  if (!read) return null;
  const out: CodedColumns = { rows: read.rows, codes: {}, levels: {}, numbers: {}, rowNumbers: 2, reader: 'plain' };
  for (const [g, group] of groups.entries()) {
    const { levels, codes } = read.text[g];
    const coded = inColumnOrder(levels, codes);
    if (!coded) return null;
    group.forEach((c, j) => {
      out.codes[c] = new Uint32Array(codes[j].buffer, codes[j].byteOffset, codes[j].length);
      out.levels[c] = coded;
    });
  }
  request.numeric.forEach((c, i) => (out.numbers[c] = read.numbers[i]));
  return out;
}

/**
 * Renumbers levels (in place in `columns`) to the order readCodedColumns promises: as they first
 * appear down the first column, then the values new in the second...; cells equal once trimmed
 * share a level. Null when a cell is blank once trimmed (the other paths' concern).
 */
function inColumnOrder(levels: readonly string[], columns: readonly Int32Array[]): string[] | null {
  const renumber = new Int32Array(levels.length).fill(-1);
  const ordered: string[] = [];
  const index = new Map<string, number>();
  for (const col of columns) {
    for (let r = 0; r < col.length; r++) {
      const l = col[r];
      if (renumber[l] < 0) {
        const v = levels[l].trim();
        if (v === '') return null;
        let k = index.get(v);
        if (k === undefined) index.set(v, (k = ordered.push(v) - 1));
        renumber[l] = k;
      }
    }
  }
  for (const col of columns) for (let r = 0; r < col.length; r++) col[r] = renumber[col[r]];
  return ordered;
}

/**
 * Reads named columns of a file into arrays: text columns as one string per row. Prefer
 * `readCodedColumns` for large files; this one is `readCodedColumns` with each text column
 * expanded through its dictionary (strings shared, none made per row).
 */
export async function readColumns(file: string, request: ColumnsRequest, options: StageOptions = {}): Promise<Columns> {
  const c = await readCodedColumns(file, { codes: request.text.map((t) => [t]), numeric: request.numeric }, options);
  const text: Record<string, string[]> = {};
  for (const t of request.text) {
    const levels = c.levels[t];
    text[t] = Array.from(c.codes[t], (k) => levels[k]);
  }
  return { rows: c.rows, text, numbers: c.numbers };
}


import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { structValue, type DuckDBValue } from './node-api.ts';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
// Each reader from its own file, not io's index: the xlsx and GeoJSON readers (exceljs alone is
// over half a second of start-up) load only when a file of their format is read.
import { uniqueNames } from '../../io/text/csv-header.ts';
import { formatOf, sniffCsvFile, type FileFormat } from '../../io/text/sniff-csv-file.ts';
import { transcodeToUtf8, TranscodeError } from '../../io/text/transcode.ts';
import { fileJsonDepthViolation, depthText } from '../../io/text/json-depth.ts';
import { plainLines, scanLines, mixedLineEndings, MAX_LINE_BYTES, type LineScan } from '../../io/text/line-scan.ts';
import { lineOfDuckdbLine, type RecordLines } from '../../io/text/record-lines.ts';
import { copyWithLf } from '../../io/text/line-endings.ts';
import { sha256, sha256OfFile } from '../../io/file-hash.ts';
import type { GeoRow } from '../../io/geo/read-geojson.ts';
import { type Database, quoteIdent, firstLine } from './database.ts';

export { formatOf, sniffUtf8Csv, type FileFormat } from '../../io/text/sniff-csv-file.ts';

export interface StageOptions {
  format?: FileFormat;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  /** Called with a fraction 0..1 while a large file is read. */
  onProgress?: (fraction: number, phase: string) => void;
  /**
   * Also take the SHA-256 of the file's bytes (`StagedTable.sha256`, to refuse a second import):
   * a UTF-8 CSV's from the line scan's reads (one pass over a large file instead of two), any
   * other file's by a read beside the staging.
   */
  hash?: boolean;
}

/**
 * Which columns to keep and which to read as numbers, decided from the header before the data is
 * read: unneeded columns are never stored (a 2 GB file with a long notes column stays small), and
 * numbers parsed while reading avoid a second pass. Used by CSV, Parquet and JSON lines.
 */
export interface ColumnSelection {
  keep: readonly string[];
  numeric?: readonly string[];
}
export type SelectColumns = (header: readonly string[]) => ColumnSelection | null;

/**
 * A file loaded into a temporary DuckDB table, every column as text, ready for validation in SQL.
 * `rowExpr` (valid with the table aliased `s`) gives the row number a user sees for each record (the line it starts on in a text file, the header being line 1, blank lines and a quoted value's line breaks counted;
 * the Excel row number in a workbook; the feature number in GeoJSON), for error messages.
 */
export interface StagedTable {
  table: string;
  columns: string[];
  rows: number;
  file: string;
  format: FileFormat;
  encoding: string | null;
  rowExpr: string;
  /** Columns read as DOUBLE (all others are text). */
  numeric: string[];
  /** Every column of the file, kept or not. */
  header: string[];
  /** SHA-256 of the file's bytes (hex), when asked for with `hash`. */
  sha256?: string;
  /** GeoJSON geometries by row number (GeoJSON only). */
  geometries?: Map<number, GeoRow['geometry']>;
  drop(): Promise<void>;
}

let stageCounter = 0;

export async function stageFile(db: Database, file: string, options: StageOptions = {}, select?: SelectColumns): Promise<StagedTable> {
  const path = resolve(file);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(coded('file.notFound', {}), { file });
  }
  const format = formatOf(file, options.format);
  const table = `stage_${process.pid}_${++stageCounter}`;
  if (size === 0) throw new InputError(coded('file.empty', {}), { file });
  const hashing = options.hash && format !== 'csv' ? sha256OfFile(path) : undefined;
  hashing?.catch(() => undefined);
  const staged = await stageFormat(db, file, path, size, format, table, options, select);
  if (hashing) staged.sha256 = await hashing;
  return staged;
}

function stageFormat(db: Database, file: string, path: string, size: number, format: FileFormat, table: string, options: StageOptions, select?: SelectColumns): Promise<StagedTable> {
  switch (format) {
    case 'csv':
      return stageCsv(db, file, path, size, table, options, select);
    case 'xlsx':
      return stageXlsx(db, file, path, table, options);
    case 'parquet':
      return stageDuckdbReader(db, file, path, table, 'read_parquet(?)');
    case 'jsonl':
      return stageJsonLines(db, file, path, table);
    case 'geojson':
      return stageGeoJson(db, file, path, table);
  }
}

async function stageJsonLines(db: Database, file: string, path: string, table: string): Promise<StagedTable> {
  // DuckDB's JSON reader segfaults on very deep nesting: refuse it before DuckDB sees the file.
  const deep = await fileJsonDepthViolation(path);
  if (deep) throw new InputError(depthText(deep), { file, row: deep.line });
  // One record a line: the bound on a CSV line bounds a record too (DuckDB's own limit, 16 MB
  // an object, is reported without the line).
  const lines = await scanLines(path);
  if (lines.longest > MAX_LINE_BYTES) throw longLine(file, lines);
  return stageDuckdbReader(db, file, path, table, "read_json(?, format = 'newline_delimited')");
}

/**
 * A CSV file made ready for DuckDB's reader: its encoding detected (a copy in UTF-8 when it is
 * not), its dialect and header sniffed, its lines scanned (refused for bytes that are not UTF-8 or
 * a line past the limit; a copy with LF line breaks when they are mixed). `cleanup` removes the
 * copies; it has run when this throws.
 */
interface OpenedCsv {
  readPath: string;
  encoding: string;
  dialect: Awaited<ReturnType<typeof sniffCsvFile>>['dialect'];
  lines: LineScan;
  sha256: () => Promise<string | undefined>;
  cleanup: () => Promise<void>;
}

/** What a plain file's lines are known to be without scanning them (plainLines): consecutive records, nothing to map. */
const PLAIN_LINES: LineScan = { crlf: 0, lf: 0, cr: 0, longest: 0, longestLine: 1, underscoreAfterHeader: false, records: { record: [], extra: [], blanks: [] } };

/**
 * `plainOnly`: for a reader that needs no line map (queryCsvOnce): the file's lines are checked
 * by plainLines instead of scanned, and a file that is not plain gives null.
 */
async function openCsv(file: string, path: string, size: number, options: StageOptions, plainOnly: true): Promise<OpenedCsv | null>;
async function openCsv(file: string, path: string, size: number, options: StageOptions, plainOnly?: false): Promise<OpenedCsv>;
async function openCsv(file: string, path: string, size: number, options: StageOptions, plainOnly = false): Promise<OpenedCsv | null> {
  const { enc, dialect } = await sniffCsvFile(file, path, size, options);
  let readPath = path;
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0)) await c();
  };
  let lines: LineScan;
  // The file's hash: from the line scan's reads when it scans the file itself, else read beside the transcoding.
  const hash = options.hash && enc.encoding === 'utf-8' ? sha256() : undefined;
  const hashing = options.hash && !hash ? sha256OfFile(path) : undefined;
  hashing?.catch(() => undefined);
  try {
    if (enc.encoding !== 'utf-8') {
      try {
        const t = await transcodeToUtf8(path, enc.encoding, enc.bomBytes, (b) => options.onProgress?.(b / size, 'decoding ' + enc.encoding));
        readPath = t.path;
        cleanups.push(t.cleanup);
      } catch (e) {
        if (e instanceof TranscodeError) throw new InputError(e.bytes ? coded('file.notEncodingNear', { encoding: e.encoding, from: e.bytes[0], to: e.bytes[1] }) : coded('file.cutCharacter', { encoding: e.encoding }), { file });
        throw e;
      }
    }
    if (plainOnly) {
      if (hash || !(await plainLines(readPath))) {
        await cleanup();
        return null;
      }
      lines = PLAIN_LINES;
    } else lines = await scanLines(readPath, 0, hash && ((bytes) => hash.update(bytes)));
    // Refused here, not left to DuckDB: its CSV reader, reading some of the columns, fails on a
    // byte that is not UTF-8 with an internal error that invalidates the whole database.
    if (lines.invalidUtf8) {
      throw new InputError(coded('file.invalidUnicode', { offset: lines.invalidUtf8.offset }), { file, row: lines.invalidUtf8.line });
    }
    if (lines.longest > MAX_LINE_BYTES) throw longLine(file, lines);
    // DuckDB's reader wants one kind of line break per file; a file that mixes CRLF and LF (rows
    // pasted together from two systems) is valid data, so it is read from a copy with LF only.
    if (mixedLineEndings(lines)) {
      const c = await copyWithLf(readPath, readPath === path ? enc.bomBytes : 0);
      readPath = c.path;
      cleanups.push(c.cleanup);
    }
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { readPath, encoding: enc.encoding, dialect, lines, sha256: async () => hash?.digest('hex') ?? (await hashing), cleanup };
}

/** How DuckDB's read_csv reads a sniffed file: its arguments, the column types (numbers as DOUBLE unless `allText`) and the projection naming the kept columns. */
function csvReader(header: readonly string[], lines: LineScan, keep: readonly string[], numeric: ReadonlySet<string>) {
  // DuckDB takes the columns as a STRUCT, built from a JavaScript object, whose integer-like keys
  // ("110000", a region code heading a matrix column) come first whatever their place: every
  // column after it then got its neighbour's values. Positional names c0, c1... keep the order;
  // the projection gives the columns their names back.
  const position = new Map(header.map((h, i) => [h, `c${i}`]));
  const types = (allText: boolean) => structValue(Object.fromEntries(header.map((h, i) => [`c${i}`, !allText && numeric.has(h) ? 'DOUBLE' : 'VARCHAR'])) as Record<string, DuckDBValue>);
  // DuckDB reserves a buffer of the maximum line size: raise it only for files with long lines
  // (boundaries as WKT), since it slows every read.
  const maxLine = lines.longest > 1_000_000 ? `, max_line_size = ${MAX_LINE_BYTES + 1024}` : '';
  const args = `header = true, auto_detect = false, delim = ?, quote = '"', escape = '"', columns = ?${maxLine}`;
  const projection = keep.map((h) => `${position.get(h)} AS ${quoteIdent(h)}`).join(', ');
  return { types, args, projection };
}

/**
 * Runs `query` over a CSV file that DuckDB reads once, with no staged table: `from` is a subquery
 * with the `keep` columns, `numeric` ones as DOUBLE and the others as text, rows in the file's
 * order. For a reader that needs one pass (storing 9 million rows first took as long again as
 * reading them). Null when the file needs the staging path's care, which then reads it and names
 * any fault: not a CSV, a hash asked for, lines that are not plain (line-scan.ts plainLines: bytes
 * that are not UTF-8, CR line breaks, blank lines, quotes or underscores after the header), a
 * column not in the header, or a query DuckDB refuses (a cell that is not a number, a line past
 * its buffer). An encoding that cannot be detected or decoded is refused here as there.
 */
export async function queryCsvOnce<T>(db: Database, file: string, options: StageOptions, keep: readonly string[], numeric: readonly string[],
  query: (from: string, params: DuckDBValue[]) => Promise<T>): Promise<T | null> {
  if (options.hash || formatOf(file, options.format) !== 'csv') return null;
  const path = resolve(file);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return null;
  }
  if (size === 0) return null;
  const opened = await openCsv(file, path, size, options, true);
  if (!opened) return null;
  try {
    const { dialect, lines } = opened;
    if (keep.some((c) => !dialect.header.includes(c))) return null;
    const { types, args, projection } = csvReader(dialect.header, lines, keep, new Set(numeric));
    const stop = watchProgress(db, options, 'reading');
    try {
      return await query(`(SELECT ${projection} FROM read_csv(?, ${args}))`, [opened.readPath, dialect.delimiter, types(false)]);
    } catch {
      return null;
    } finally {
      stop();
    }
  } finally {
    await opened.cleanup();
  }
}

async function stageCsv(db: Database, file: string, path: string, size: number, table: string, options: StageOptions, select?: SelectColumns): Promise<StagedTable> {
  const { readPath, encoding, dialect, lines, sha256: fileHash, cleanup } = await openCsv(file, path, size, options);
  const selection = select?.(dialect.header) ?? null;
  const numeric = new Set(selection?.numeric ?? []);
  const { types, args, projection } = csvReader(dialect.header, lines, selection?.keep ?? dialect.header, numeric);
  const stop = watchProgress(db, options, 'reading');
  // DuckDB's DOUBLE reader takes "1_000" as 1000; such a file is read as text so the checks refuse
  // the cell. The line scan finds the byte at memchr speed, far cheaper than casting every cell in SQL.
  let typedNumbers = numeric.size > 0 && !lines.underscoreAfterHeader;
  try {
    try {
      await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT ${projection} FROM read_csv(?, ${args})`, [readPath, dialect.delimiter, types(!typedNumbers)]);
    } catch (e) {
      if (!typedNumbers || !/conver|cast/i.test((e as Error).message)) throw e;
      // A value that is not a plain number ("1,234", "abc", ""): read as text and let the
      // checks parse lenient forms and name the bad cell.
      typedNumbers = false;
      await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT ${projection} FROM read_csv(?, ${args})`, [readPath, dialect.delimiter, types(true)]);
    }
  } catch (e) {
    stop();
    throw await describeCsvError(db, file, readPath, args, [dialect.delimiter, types(true)], e as Error, dialect.header, (line) => lineOfDuckdbLine(lines.records, line));
  } finally {
    stop();
    await cleanup();
  }
  // Record k is line k + 2 (the header is line 1) unless blank lines or quoted line breaks come before it.
  const rowExpr = lines.records.record.length ? await addLineColumn(db, table, dialect.header, lines.records) : 's.rowid + 2';
  const staged = await finish(db, table, file, 'csv', encoding, selection ? [...selection.keep] : dialect.header, rowExpr);
  staged.numeric = typedNumbers ? [...numeric] : [];
  staged.header = dialect.header;
  staged.sha256 = await fileHash();
  return staged;
}

function longLine(file: string, lines: LineScan): InputError {
  return new InputError(coded('file.longLine', { megabytes: (lines.longest / 1e6).toFixed(1), limit: MAX_LINE_BYTES / 1e6 }), { file, row: lines.longestLine });
}

/**
 * Gives the staged records their line in the file, as a column filled from the line scan's map
 * (one entry where the offset from `rowid + 2` changes): DuckDB skips blank lines and reads a
 * quoted value's line breaks as part of one record, so the rowid alone names the wrong line.
 * Returns the row expression to use instead of `s.rowid + 2`.
 */
async function addLineColumn(db: Database, table: string, header: readonly string[], map: RecordLines): Promise<string> {
  let column = '_line';
  while (header.includes(column)) column = '_' + column;
  const shifts = `${table}_lines`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(shifts)} (record BIGINT, extra BIGINT)`);
  try {
    const appender = await db.conn.createAppender(shifts, 'main', 'temp');
    for (let i = 0; i < map.record.length; i++) {
      appender.appendBigInt(BigInt(map.record[i]));
      appender.appendBigInt(BigInt(map.extra[i]));
      appender.endRow();
    }
    appender.closeSync();
    await db.run(`ALTER TABLE temp.${quoteIdent(table)} ADD COLUMN ${quoteIdent(column)} BIGINT`);
    await db.run(
      `UPDATE temp.${quoteIdent(table)} AS t SET ${quoteIdent(column)} = x.line
       FROM (SELECT s.rowid AS r, s.rowid + 2 + coalesce(b.extra, 0) AS line
             FROM temp.${quoteIdent(table)} s ASOF LEFT JOIN ${quoteIdent(shifts)} b ON s.rowid >= b.record) x
       WHERE t.rowid = x.r`);
  } finally {
    await db.run(`DROP TABLE IF EXISTS temp.${quoteIdent(shifts)}`);
  }
  return `s.${quoteIdent(column)}`;
}

/**
 * Re-reads a failing CSV with DuckDB's rejects table to name the line and column of the fault.
 * DuckDB's line numbers count blank lines but not the line breaks inside quoted values:
 * `fileLine` turns them into the file's lines.
 */
async function describeCsvError(db: Database, file: string, path: string, args: string, params: DuckDBValue[], original: Error, header: string[],
  fileLine: (duckdbLine: number) => number): Promise<InputError> {
  const msg = original.message;
  try {
    await db.run('DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans');
    // Every column must be read: with count(*) DuckDB skips parsing and finds no row with too many columns.
    await db.run(`SELECT max(hash(${header.map((_, i) => `c${i}`).join(', ')})) FROM read_csv(?, ${args}, store_rejects = true)`, [path, ...params]);
    const rej = await db.all<{ line: bigint; column_name: string | null; error_type: string; error_message: string; csv_line: string }>(
      'SELECT line, column_name, error_type, error_message, csv_line FROM reject_errors ORDER BY line LIMIT 20',
    );
    if (rej.length) {
      const r = rej[0];
      const problemOf = (x: typeof r) => (x.error_type === 'INVALID UNICODE' || /unicode/i.test(x.error_message) ? 'unicode'
        : x.error_type === 'MISSING COLUMNS' ? 'missingColumns' : x.error_type === 'TOO MANY COLUMNS' ? 'tooManyColumns' : 'other');
      const column = r.column_name === null ? undefined : header[Number(r.column_name.slice(1))] ?? r.column_name;
      // DuckDB rejects a row once per column it lacks: each further row is listed once.
      const further = rej.filter((x, i) => rej.findIndex((y) => y.line === x.line) === i).slice(1);
      // DuckDB's text of a line after blank lines starts with their line breaks.
      return new InputError(coded('file.csvRow', { problem: problemOf(r), detail: r.error_message, line: String(r.csv_line).replace(/^[\r\n]+/, '').slice(0, 120) }), { file, row: fileLine(Number(r.line)), column },
        further.map((x) => ({ row: fileLine(Number(x.line)), text: coded('file.csvRowMore', { problem: problemOf(x), detail: x.error_message }) })));
    }
  } catch {
    /* fall through to the DuckDB message */
  }
  const line = /Line: (\d+)/.exec(msg);
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(msg);
  const reason = /unterminated quote/i.test(msg) ? coded('file.unclosedQuote', {})
    : /unicode|utf-?8/i.test(msg) ? coded('file.notUnicode', {})
      : columns ? coded('file.columnCount', { expected: Number(columns[1]), found: Number(columns[2]) })
        : coded('file.csvUnreadable', { detail: firstLine(msg).replace(/^[A-Za-z ]*Error: /, '') });
  return new InputError(reason, { file, row: line ? fileLine(Number(line[1])) : undefined });
}

async function stageXlsx(db: Database, file: string, path: string, table: string, options: StageOptions): Promise<StagedTable> {
  const { readXlsx, XlsxError } = await import('../../io/xlsx/read-xlsx.ts');
  let sheet;
  try {
    sheet = await readXlsx(path, options.sheet);
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(e.text ?? e.message, { file, row: e.row, column: e.column });
    throw e;
  }
  if (!sheet.header.length) throw new InputError(coded('file.sheetEmpty', { sheet: sheet.sheet }), { file });
  const header = uniqueNames(sheet.header, ['_row']);
  const rows = sheet.rows.map((values, i) => [sheet.rowNumbers[i], ...values]);
  await appendRows(db, table, header, rows);
  return finish(db, table, file, 'xlsx', null, header, 's."_row"');
}

async function stageGeoJson(db: Database, file: string, path: string, table: string): Promise<StagedTable> {
  const { readGeoJson, GeoJsonError } = await import('../../io/geo/read-geojson.ts');
  let doc;
  try {
    doc = await readGeoJson(path);
  } catch (e) {
    if (e instanceof GeoJsonError) throw new InputError(e.text, { file, row: e.row });
    throw e;
  }
  const header = uniqueNames(doc.header, ['_row']);
  const rows = doc.rows.map((r, i) => [i + 1, ...doc.header.map((h) => r.properties[h] ?? null)]);
  await appendRows(db, table, header, rows);
  const staged = await finish(db, table, file, 'geojson', null, header, 's."_row"');
  staged.geometries = new Map(doc.rows.map((r, i) => [i + 1, r.geometry]));
  return staged;
}

async function stageDuckdbReader(db: Database, file: string, path: string, table: string, reader: string): Promise<StagedTable> {
  try {
    // A JSON key whose values mix types ("count": 70 in one line, "70" in the next) is read as
    // JSON, and JSON text as VARCHAR keeps the quotes ("\"70\"" is no number): such columns are
    // unwrapped to their scalar text.
    const described = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${reader}`, [path]);
    if (!described.length) throw new InputError(coded('file.noJsonColumns', {}), { file });
    const projection = described.map((c) => `${c.column_type === 'JSON' ? `json_extract_string(${quoteIdent(c.column_name)}, '$')` : `${quoteIdent(c.column_name)}::VARCHAR`} AS ${quoteIdent(c.column_name)}`);
    await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT ${projection.join(', ')} FROM ${reader}`, [path]);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw readerError(e as Error, file, path);
  }
  const cols = await db.all<{ column_name: string }>(
    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND database_name = 'temp' ORDER BY column_index", [table]);
  return finish(db, table, file, reader.startsWith('read_parquet') ? 'parquet' : 'jsonl', null, cols.map((c) => c.column_name), 's.rowid + 1');
}

/**
 * DuckDB's JSON and Parquet readers say "Invalid Input Error: Malformed JSON in file "/tmp/...",
 * at byte 1 in line 2: ...": the line becomes the row, the engine's prefix and the path go.
 */
function readerError(e: Error, file: string, path: string): InputError {
  let m = firstLine(e.message).replace(/^[A-Za-z ]*Error: /, '').split(path).join(file);
  const line = /\bin line (\d+)/.exec(m) ?? /\bline:? (\d+)/i.exec(m);
  const byte = /\bat byte (\d+)/.exec(m);
  m = m.replace(/ in file "[^"]*"/, '').replace(/,? at byte \d+ in line \d+/, '').replace(/[:.\s]+$/, '').trim();
  m = m.charAt(0).toLowerCase() + m.slice(1);
  return new InputError(coded('file.unreadable', { detail: m, byte: byte ? byte[1] : null }), { file, row: line ? Number(line[1]) : undefined });
}

/** Appends rows (first value: the row number) through DuckDB's appender: fast and typed. */
async function appendRows(db: Database, table: string, header: string[], rows: (string | number | null)[][]): Promise<void> {
  const cols = ['"_row" BIGINT', ...header.map((h) => `${quoteIdent(h)} VARCHAR`)].join(', ');
  await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} (${cols})`);
  const appender = await db.conn.createAppender(table, 'main', 'temp');
  for (const r of rows) {
    appender.appendBigInt(BigInt(r[0] as number));
    for (let i = 1; i < r.length; i++) {
      const v = r[i];
      if (v === null || v === undefined) appender.appendNull();
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}

async function finish(db: Database, table: string, file: string, format: FileFormat, encoding: string | null, columns: string[], rowExpr: string): Promise<StagedTable> {
  const n = await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  const rows = Number(n?.n ?? 0);
  const drop = async () => {
    await db.run(`DROP TABLE IF EXISTS temp.${quoteIdent(table)}`);
  };
  if (rows === 0) {
    await drop();
    throw new InputError(coded('file.noDataRows', {}), { file });
  }
  const kept = columns.filter((c) => c !== '_row');
  return { table, columns: kept, numeric: [], header: kept, rows, file, format, encoding, rowExpr, drop };
}

/** Polls DuckDB's query progress while a long statement runs. */
function watchProgress(db: Database, options: StageOptions, phase: string): () => void {
  if (!options.onProgress) return () => {};
  const timer = setInterval(() => {
    const p = db.conn.progress;
    if (p && p.percentage >= 0) options.onProgress!((0.4 * p.percentage) / 100, phase);
  }, 100);
  return () => clearInterval(timer);
}

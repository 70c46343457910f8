import { InputError } from '../core/errors.ts';
import { Database, quoteIdent } from './duckdb/database.ts';
import { stageFile, type StageOptions, type StagedTable } from './duckdb/stage.ts';
import { queryTypedColumns } from './duckdb/typed-columns.ts';
import { checkNumbers, numberExpr } from './import/checks.ts';

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
}

/**
 * Reads named columns of any supported file (CSV in any detected encoding, xlsx, Parquet, JSON
 * lines) as typed arrays, outside any workspace: the input of `talentflow fit ... --flows FILE`.
 * Text is factorised inside DuckDB (an ENUM of the distinct cells per group of columns, whose
 * codes become levels through a small array) and only integer codes and doubles cross into
 * JavaScript, chunk by chunk: no JavaScript string
 * or boxed number is made per row (at 9 million rows those were most of a fit's wall time and
 * gigabytes of heap).
 * A missing column is an error listing the columns the file has.
 */
export async function readCodedColumns(file: string, request: CodedColumnsRequest, options: StageOptions = {}): Promise<CodedColumns> {
  const text = request.codes.flat();
  const db = await Database.open(':memory:');
  try {
    const missing = request.missing ?? false;
    const st = await stageColumns(db, file, text, request.numeric, options, missing);
    const s = (c: string) => `s.${quoteIdent(c)}`;
    const stage = `${quoteIdent(st.table)} s`;
    const consecutive = /^s\.rowid \+ (\d+)$/.exec(st.rowExpr);
    const rowNumbers = consecutive ? Number(consecutive[1])
      : (await queryTypedColumns(db.conn, `SELECT (${st.rowExpr})::UINTEGER FROM ${stage} ORDER BY s.rowid`, [], { expectedRows: st.rows })).columns[0] as Uint32Array;
    const out: CodedColumns = { rows: st.rows, codes: {}, levels: {}, numbers: {}, rowNumbers };
    const select: string[] = [];
    /** Per group: its columns' places in the result and each ENUM position's trimmed text. */
    const groups: { columns: readonly string[]; first: number; texts: string[] }[] = [];
    for (const [g, group] of request.codes.entries()) {
      if (!group.length) continue;
      const enumType = `raw_enum_${g}`;
      groups.push({ columns: group, first: select.length, texts: await rawEnum(db, enumType, group.map(s), stage) });
      for (const c of group) select.push(`coalesce(enum_code(${s(c)}::${enumType})::UINTEGER, ${MISSING_CODE})`);
    }
    select.push(...request.numeric.map((c) => `(${st.numeric.includes(c) ? s(c) : numberExpr(c, 's')})::DOUBLE`));
    // A plain scan of the staged table: DuckDB keeps its insertion order (no join, no sort), so
    // row i of the result is row i of the file.
    const read = await queryTypedColumns(db.conn, `SELECT ${select.join(', ')} FROM ${stage}`, [], { expectedRows: st.rows });
    if (read.rows !== st.rows) throw new Error(`read ${read.rows} of ${st.rows} staged rows`);
    for (const { columns, first, texts } of groups) {
      const coded = columns.map((_, j) => read.columns[first + j] as Uint32Array);
      const levels = toLevels(coded, texts, missing);
      columns.forEach((c, j) => {
        out.codes[c] = coded[j];
        out.levels[c] = levels;
      });
    }
    request.numeric.forEach((c, i) => (out.numbers[c] = read.columns[text.length + i] as Float64Array));
    return out;
  } finally {
    db.close();
  }
}

/**
 * Makes the distinct raw cells of a group's columns an ENUM type and returns its values trimmed,
 * in the ENUM's order (its codes). Casting a column to the ENUM gives each row its cell's code with
 * the table's order kept (joining a dictionary back loses it); the trim is DuckDB's (spaces
 * only), as in every other reading of a cell, and runs on the few distinct cells, not on every row.
 */
async function rawEnum(db: Database, enumType: string, columns: readonly string[], stage: string): Promise<string[]> {
  const distinct = columns.map((c) => `SELECT ${c} AS raw FROM ${stage}`).join(' UNION ');
  await db.run(`CREATE TYPE ${enumType} AS ENUM (SELECT raw FROM (${distinct}) WHERE raw IS NOT NULL)`);
  const rows = await db.all<{ v: string }>(
    `SELECT coalesce(trim(raw), '') AS v FROM (SELECT unnest(enum_range(NULL::${enumType})) AS raw, generate_subscripts(enum_range(NULL::${enumType}), 1) AS pos) ORDER BY pos`);
  return rows.map((r) => r.v);
}

/** Marks an ENUM code whose level is not known yet. */
const UNSEEN = 0xfffffffe;

/**
 * Turns a group's raw ENUM codes (MISSING_CODE for a NULL cell) into level indexes in place and
 * returns the levels: the trimmed texts in order of first appearance down the first column, then
 * the second, and so on; a NULL cell reads as "" (a blank), and with `missing` a blank is
 * MISSING_CODE and no level. One pass with an array lookup per row.
 */
function toLevels(coded: readonly Uint32Array[], texts: readonly string[], missing: boolean): string[] {
  const levels: string[] = [];
  const index = new Map<string, number>();
  const levelOf = (v: string): number => {
    if (missing && v === '') return MISSING_CODE;
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = levels.push(v) - 1));
    return i;
  };
  const toLevel = new Uint32Array(texts.length).fill(UNSEEN);
  let nullLevel = UNSEEN;
  for (const codes of coded) {
    for (let r = 0; r < codes.length; r++) {
      const c = codes[r];
      if (c === MISSING_CODE) {
        if (nullLevel === UNSEEN) nullLevel = levelOf('');
        codes[r] = nullLevel;
      } else {
        let l = toLevel[c];
        if (l === UNSEEN) l = toLevel[c] = levelOf(texts[c]);
        codes[r] = l;
      }
    }
  }
  return levels;
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

/** Stages only the wanted columns; absent columns and cells that are not numbers are errors. */
async function stageColumns(db: Database, file: string, text: readonly string[], numeric: readonly string[], options: StageOptions, naIsMissing: boolean): Promise<StagedTable> {
  const wanted = [...new Set([...text, ...numeric])];
  const noColumn = (missing: string[], header: readonly string[]) =>
    new InputError(`no column ${missing.map((m) => `"${m}"`).join(', ')}: the file has ${header.map((h) => `"${h}"`).join(', ')}`, { file, row: 1, column: missing[0] });
  const st = await stageFile(db, file, options, (header) => {
    const missing = wanted.filter((c) => !header.includes(c));
    if (missing.length) throw noColumn(missing, header);
    return { keep: wanted, numeric: [...numeric] };
  });
  const missing = wanted.filter((c) => !st.columns.includes(c));
  if (missing.length) throw noColumn(missing, st.columns);
  for (const c of numeric) {
    if (st.numeric.includes(c)) continue;
    // Read as text (the file has a cell DuckDB's number reader refused, or is not a CSV): NA and
    // NaN (N/A, NULL) cells become blanks when they mean missing, then every other cell must be a number.
    if (naIsMissing) await db.run(`UPDATE ${quoteIdent(st.table)} SET ${quoteIdent(c)} = NULL WHERE upper(trim(${quoteIdent(c)})) IN ('NA', 'N/A', 'NAN', 'NULL')`);
    await checkNumbers(db, st, c, { required: !naIsMissing, what: 'a number' });
  }
  return st;
}

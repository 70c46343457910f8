import { InputError } from '../core/errors.ts';
import { Database, quoteIdent } from './duckdb/database.ts';
import { stageFile, type StageOptions } from './duckdb/stage.ts';
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

/**
 * Reads named columns of any supported file (CSV in any detected encoding, xlsx, Parquet, JSON
 * lines) into arrays, outside any workspace: the input of `talentflow fit ... --flows FILE`.
 * A missing column is an error listing the columns the file has.
 */
export async function readColumns(file: string, request: ColumnsRequest, options: StageOptions = {}): Promise<Columns> {
  const db = await Database.open(':memory:');
  try {
    const wanted = [...new Set([...request.text, ...request.numeric])];
    const st = await stageFile(db, file, options, (header) => {
      const missing = wanted.filter((c) => !header.includes(c));
      if (missing.length) throw new InputError(`no column ${missing.map((m) => `"${m}"`).join(', ')}: the file has ${header.map((h) => `"${h}"`).join(', ')}`, { file, row: 1, column: missing[0] });
      return { keep: wanted, numeric: [...request.numeric] };
    });
    const missing = wanted.filter((c) => !st.columns.includes(c));
    if (missing.length) throw new InputError(`no column ${missing.map((m) => `"${m}"`).join(', ')}: the file has ${st.columns.map((h) => `"${h}"`).join(', ')}`, { file, row: 1, column: missing[0] });
    for (const c of request.numeric) {
      if (!st.numeric.includes(c)) await checkNumbers(db, st, c, { required: true, what: 'a number' });
    }
    const select = [
      ...request.text.map((c) => `trim(s.${quoteIdent(c)}::VARCHAR) AS ${quoteIdent(c)}`),
      ...request.numeric.map((c) => `${st.numeric.includes(c) ? `s.${quoteIdent(c)}` : numberExpr(c, 's')} AS ${quoteIdent(c)}`),
    ];
    const reader = await db.conn.runAndReadAll(`SELECT ${select.join(', ')} FROM ${quoteIdent(st.table)} s ORDER BY ${st.rowExpr}`);
    const out: Columns = { rows: reader.currentRowCount, text: {}, numbers: {} };
    const cols = reader.getColumnsJS();
    request.text.forEach((c, i) => (out.text[c] = cols[i].map((v) => (v === null ? '' : String(v)))));
    request.numeric.forEach((c, i) => {
      const values = cols[request.text.length + i];
      out.numbers[c] = Float64Array.from(values, (v) => (v === null ? NaN : Number(v)));
    });
    return out;
  } finally {
    db.close();
  }
}

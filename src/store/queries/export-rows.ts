import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { csvCell } from '../../core/csv-cell.ts';
import { InputError } from '../../core/errors.ts';
import { type Database, quoteIdent } from '../duckdb/database.ts';

export type ExportFormat = 'csv' | 'parquet' | 'json' | 'jsonl';

export function exportFormatOf(file: string, given?: string): ExportFormat {
  const f = (given ?? file.split('.').pop() ?? '').toLowerCase();
  if (f === 'csv' || f === 'parquet' || f === 'json' || f === 'jsonl') return f;
  if (f === 'ndjson') return 'jsonl';
  throw new InputError(`cannot export to "${f}": use csv, parquet, json or jsonl (--format)`, { file });
}

/**
 * Writes query results to a file. CSV is UTF-8 with a byte-order mark so Excel on Chinese
 * Windows opens Chinese names correctly; Parquet goes through DuckDB's writer.
 */
export async function writeRows(db: Database, rows: readonly Record<string, unknown>[], file: string, format: ExportFormat): Promise<number> {
  // Written under a temporary name beside the target and renamed when complete, so a full disk,
  // a crash or an error leaves the old file or none, never a cut-off or empty one.
  const target = resolve(file);
  const path = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    const n = await writeRowsTo(db, rows, path, format);
    await rename(path, target);
    return n;
  } catch (e) {
    await rm(path, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new InputError('no space left on the disk: nothing was written', { file });
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'EISDIR') throw new InputError(`cannot write here (${code}): nothing was written`, { file });
    if (/No space left on device/i.test((e as Error).message)) throw new InputError('no space left on the disk: nothing was written', { file });
    throw e;
  }
}

async function writeRowsTo(db: Database, rows: readonly Record<string, unknown>[], path: string, format: ExportFormat): Promise<number> {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  if (format === 'parquet') {
    const tmp = `export_${process.pid}_${Date.now()}`;
    const types = columns.map((c) => `${quoteIdent(c)} ${typeOf(rows, c)}`).join(', ');
    await db.run(`CREATE TEMP TABLE ${quoteIdent(tmp)} (${types})`);
    try {
      const app = await db.conn.createAppender(tmp, 'main', 'temp');
      for (const r of rows) {
        for (const c of columns) {
          const v = r[c];
          if (v === null || v === undefined) app.appendNull();
          else if (typeof v === 'number') app.appendDouble(v);
          else if (typeof v === 'boolean') app.appendBoolean(v);
          else app.appendVarchar(typeof v === 'object' ? JSON.stringify(v) : String(v));
        }
        app.endRow();
      }
      app.closeSync();
      // COPY takes no bound parameter for its target; the path is a quoted literal.
      await db.run(`COPY ${quoteIdent(tmp)} TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
    } finally {
      await db.run(`DROP TABLE IF EXISTS temp.${quoteIdent(tmp)}`);
    }
    return rows.length;
  }
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([e]) => { throw e; });
  failed.catch(() => undefined);
  const write = async (s: string) => {
    if (!out.write(s)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    if (format === 'csv') {
      await write('\uFEFF' + columns.map(csvCell).join(',') + '\n');
      for (const r of rows) await write(columns.map((c) => csvCell(r[c])).join(',') + '\n');
    } else if (format === 'jsonl') {
      for (const r of rows) await write(JSON.stringify(r) + '\n');
    } else {
      await write('[\n');
      for (let i = 0; i < rows.length; i++) await write(JSON.stringify(rows[i]) + (i < rows.length - 1 ? ',\n' : '\n'));
      await write(']\n');
    }
  } catch (e) {
    // Closed before the caller removes the file: the stream opens it asynchronously, and an open
    // still pending when the error came would otherwise create the file after its removal (a
    // temporary file left behind, seen under load).
    if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()).destroy());
    throw e;
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return rows.length;
}

function typeOf(rows: readonly Record<string, unknown>[], c: string): string {
  const v = rows.find((r) => r[c] !== null && r[c] !== undefined)?.[c];
  return typeof v === 'number' ? 'DOUBLE' : typeof v === 'boolean' ? 'BOOLEAN' : 'VARCHAR';
}

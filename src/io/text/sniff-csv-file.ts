import { open, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { detectEncoding, EncodingDetectionError } from './detect-encoding.ts';
import { sniffCsv } from './csv-header.ts';

// A file's format from its name, and a CSV's encoding and dialect from its first MiB: what every
// reader of a table file decides first (DuckDB's staging, store/duckdb/stage.ts, and the plain
// reader, plain-csv.ts), here without DuckDB so that a reader that does not need it does not load it.

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'jsonl' | 'geojson';

export function formatOf(file: string, given?: string): FileFormat {
  if (given) {
    if (!['csv', 'xlsx', 'parquet', 'jsonl', 'geojson'].includes(given)) throw new InputError(coded('file.unknownFormat', { format: given }), { file });
    return given as FileFormat;
  }
  const ext = extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(ext)) return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.xls') throw new InputError(coded('file.oldXls', {}), { file });
  if (ext === '.parquet') return 'parquet';
  if (['.jsonl', '.ndjson'].includes(ext)) return 'jsonl';
  if (['.geojson', '.json'].includes(ext)) return 'geojson';
  throw new InputError(coded('file.noFormat', { extension: ext }), { file });
}

/**
 * A CSV file's encoding and dialect, from its first MiB: refused when the encoding cannot be
 * detected or decoded, the file has no header, or one column.
 */
export async function sniffCsvFile(file: string, path: string, size: number, options: { encoding?: string; delimiter?: string }) {
  const fh = await open(path, 'r');
  const sample = Buffer.alloc(Math.min(size, 1 << 20));
  await fh.read(sample, 0, sample.length, 0);
  await fh.close();
  let enc;
  try {
    enc = detectEncoding(sample, options.encoding);
  } catch (e) {
    // The offset is in the sample (the file's first MiB): its line is the row a user looks for.
    if (e instanceof EncodingDetectionError) throw new InputError(e.text, { file, row: e.offset === undefined ? undefined : lineAt(sample, e.offset) });
    throw e;
  }
  let text: string;
  try {
    text = new TextDecoder(enc.encoding, { fatal: enc.detected === 'given' }).decode(sample.subarray(enc.bomBytes, Math.min(sample.length, 65536)));
  } catch {
    throw new InputError(coded('file.notEncodingStart', { encoding: enc.encoding }), { file });
  }
  if (text.trim() === '') throw new InputError(coded('file.noHeader', {}), { file });
  const dialect = sniffCsv(text, options.delimiter);
  if (dialect.header.length < 2) {
    throw new InputError(coded('file.oneColumn', { columns: dialect.header.length, header: text.split('\n')[0].slice(0, 80) }), { file, row: 1 });
  }
  return { enc, dialect };
}

/**
 * The header and delimiter of a UTF-8 CSV file, for a reader that checks the rest itself
 * (io/text/plain-csv.ts); null for any other file, or one the sniff refuses: the staged read
 * then reads it and gives the refusal.
 */
export async function sniffUtf8Csv(file: string, options: { format?: string; encoding?: string; delimiter?: string }): Promise<{ path: string; header: string[]; delimiter: string } | null> {
  const path = resolve(file);
  try {
    if (formatOf(file, options.format) !== 'csv') return null;
    const size = (await stat(path)).size;
    if (size === 0) return null;
    const { enc, dialect } = await sniffCsvFile(file, path, size, options);
    return enc.encoding === 'utf-8' ? { path, header: dialect.header, delimiter: dialect.delimiter } : null;
  } catch {
    return null;
  }
}

/** 1-based line of a byte offset (LF, CRLF or lone CR line breaks). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

import { createRequire } from 'node:module';
import { countLine, type CountedNoun } from './count-line.ts';
import type { CliLang } from './lang.ts';

/**
 * Terminal output. Tables align by display width (a Chinese character takes two columns), and
 * numbers are right-aligned with thousands separators. JSON output is the library's plain result.
 */
export interface Out {
  json: boolean;
  write(s: string): void;
  error(s: string): void;
}

/**
 * Display width of text (a Chinese character takes two columns), by string-width, loaded only
 * for output that prints tables: loading it (its grapheme segmenter and emoji pattern) costs
 * 25-70 ms of a command's start, which `--json` output has no use for. main() prepares it for
 * any other command (prepareTables); a table printed without that loads it synchronously (an
 * ES module through require, which Node >= 20.19 allows).
 */
let widthOf: ((s: string) => number) | undefined;

export async function prepareTables(): Promise<void> {
  widthOf ??= (await import('string-width')).default;
}

function stringWidth(s: string): number {
  widthOf ??= (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default;
  return widthOf(s);
}

export function stdOut(json: boolean): Out {
  return {
    json,
    write: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    error: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  };
}

export function printJson(out: Out, value: unknown): void {
  out.write(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2));
}

export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
  /** Decimal places for numbers (default: 0 for integers, 2 otherwise). */
  digits?: number;
}

export function formatCell(v: unknown, digits?: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const d = digits ?? (Number.isInteger(v) ? 0 : 2);
    return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  if (Array.isArray(v)) return v.join('|');
  if (typeof v === 'boolean') return v ? 'yes' : '';
  return String(v);
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => formatCell(c.value(r), c.digits)));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => { const v = c.value(r); return v === null || v === undefined || typeof v === 'number' || typeof v === 'bigint'; }));
  const widths = columns.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((row) => stringWidth(row[i]))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - stringWidth(s)) + s : s + ' '.repeat(w - stringWidth(s)));
  const lines = [columns.map((c, i) => pad(c.header, widths[i], numeric[i])).join('  ').trimEnd()];
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) lines.push(row.map((s, i) => pad(s, widths[i], numeric[i])).join('  ').trimEnd());
  return lines.join('\n');
}

/**
 * Columns of the terminal the output goes to; 100 when it is not a terminal (a pipe or a file),
 * or $COLUMNS when set, so piped output keeps a readable width too.
 */
export function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  return process.stdout.columns || (Number.isInteger(env) && env > 20 ? env : 100);
}

/** Display width of the widest line of a rendered table. */
export function tableWidth(text: string): number {
  return text.split('\n').reduce((w, l) => Math.max(w, stringWidth(l)), 0);
}

/** The table and the line counting its rows (count-line.ts): `what` they are, in `lang` (default en). */
export function printTable<T>(out: Out, rows: readonly T[], columns: readonly Column<T>[], opts: { limit?: number; total?: number; what?: CountedNoun; lang?: CliLang; more?: string | null } = {}): void {
  const shown = opts.limit !== undefined ? rows.slice(0, opts.limit) : rows;
  out.write(renderTable(shown, columns));
  out.write(countLine({ total: opts.total ?? rows.length, shown: shown.length, what: opts.what ?? 'rows', lang: opts.lang ?? 'en', more: opts.more === undefined ? '--limit N' : opts.more }));
}

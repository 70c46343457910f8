import { formatLocation, InputError } from '../../core/errors.ts';
import type { TermSpec } from '../../models/index.ts';

/** The columns that are the model's own dimensions: named by the user, mapped to the model's words. */
export interface DimensionColumns {
  readonly origin: string;
  readonly destination: string;
  readonly period?: string;
}

const KEYWORDS = new Set(['origin', 'destination', 'period', 'pair']);

/**
 * Fixed effects and clusters as the model spells them: the origin, destination and period
 * columns become origin, destination and period (so `Origin,Destination,Product,Year` reads as in
 * fixest's `| Origin + Destination + Product + Year`); any other name is a category column to
 * read from the file. Stored flows name only the model's words (checked by the input schema).
 */
export function modelDimensions(cols: DimensionColumns, fixedEffects: readonly string[] | undefined, cluster: readonly string[] | undefined): { fixedEffects: string[] | undefined; cluster: string[] | undefined; categories: string[] } {
  const categories = new Set<string>();
  const mapAtom = (atom: string): string => {
    const a = atom.trim();
    if (a === cols.origin) return 'origin';
    if (a === cols.destination) return 'destination';
    if (cols.period !== undefined && a === cols.period) return 'period';
    if (KEYWORDS.has(a)) return a;
    categories.add(a);
    return a;
  };
  const dims = (list: readonly string[] | undefined): string[] | undefined => list?.map((d) => d.split('^').map(mapAtom).join('^'));
  return { fixedEffects: dims(fixedEffects), cluster: dims(cluster), categories: [...categories] };
}

/** `COLUMN`, `COLUMN:log` or `COLUMN:raw` (the input schema refuses one that names no column). */
export function parseOffset(text: string): { column: string; log: boolean } {
  const m = /^(.*?)(?::(log|raw))?$/.exec(text.trim())!;
  return { column: m[1], log: m[2] === 'log' };
}

/** `name` or `name:raw` -> a term (logged unless raw), its column prefixed as the data names it. */
export function termsOf(list: readonly string[], prefix = ''): TermSpec[] {
  return list.map((t) => ({ column: prefix + t.replace(/:raw$/, ''), transform: t.endsWith(':raw') ? 'identity' : 'log' }));
}

/**
 * A data error from the model, re-addressed to the file: the file named, the model's column
 * words (flow, cost, offset, origin...) replaced by the file's column names. The model already
 * numbers rows as the file does (readGravityFile gives it the file's row numbers).
 */
export function inFile(e: unknown, file: string, names: Readonly<Record<string, string | undefined>>): unknown {
  if (!(e instanceof InputError) || e.file !== undefined) return e;
  const reason = e.message.slice(formatLocation({ row: e.row, column: e.column }).length);
  const column = e.column !== undefined ? (names[e.column] ?? e.column) : undefined;
  const text = e.column !== undefined && column !== e.column ? reason.replace(new RegExp(`^${e.column}\\b`), column!) : reason;
  // A coded message keeps its code, with the file's column name in its `column` where its text now says it.
  const renamed = e.text && text !== reason && 'column' in e.text.params;
  const said = e.text ? { ...e.text, params: renamed ? { ...e.text.params, column: column! } : e.text.params, message: text } : text;
  return new InputError(said, { file, row: e.row, column }, e.problems());
}

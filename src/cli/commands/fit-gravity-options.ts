import { InvalidArgumentError } from 'commander';
import { formatLocation, InputError } from '../../core/errors.ts';
import type { GravitySpec, SmallSampleOptions, SmallSampleSpec } from '../../models/index.ts';

/** The columns that are the model's own dimensions: named by the user, mapped to the model's words. */
export interface DimensionColumns {
  readonly origin: string;
  readonly destination: string;
  readonly period?: string;
}

const KEYWORDS = new Set(['origin', 'destination', 'period', 'pair']);

/**
 * --fixed-effects and --cluster as the model spells them: the origin, destination and period
 * columns become origin, destination and period (so `Origin,Destination,Product,Year` reads as in
 * fixest's `| Origin + Destination + Product + Year`); any other name is a category column to
 * read from the file.
 */
export function gravityFileOptions(cols: DimensionColumns, fixedEffects: string | undefined, cluster: string | undefined): { fixedEffects: string[]; cluster: string[] | undefined; categories: string[] } {
  const categories = new Set<string>();
  const mapAtom = (atom: string): string => {
    const a = atom.trim();
    if (a === cols.origin) return 'origin';
    if (a === cols.destination) return 'destination';
    if (cols.period !== undefined && a === cols.period) return 'period';
    if (KEYWORDS.has(a)) return a;
    if (a === '') throw new InputError('--fixed-effects / --cluster: an empty name in the list');
    categories.add(a);
    return a;
  };
  const dims = (text: string | undefined): string[] | undefined =>
    text === undefined ? undefined : text.split(',').map((d) => d.trim()).filter(Boolean).map((d) => d.split('^').map(mapAtom).join('^'));
  const fe = dims(fixedEffects) ?? [];
  const cl = dims(cluster);
  return { fixedEffects: fe, cluster: cl, categories: [...categories] };
}

/** `COLUMN` or `COLUMN:log`. */
export function parseOffset(text: string): { column: string; log: boolean } {
  const m = /^(.*?)(?::(log|raw))?$/.exec(text.trim())!;
  if (!m[1]) throw new InputError(`--offset "${text}" names no column`);
  return { column: m[1], log: m[2] === 'log' };
}

const SSC_KEYS: Record<string, keyof SmallSampleOptions> = {
  adj: 'adj', 'fixef.K': 'fixefK', fixefK: 'fixefK', 'cluster.adj': 'clusterAdj', clusterAdj: 'clusterAdj', 'cluster.df': 'clusterDf', clusterDf: 'clusterDf',
};

/**
 * --ssc (commander's argument parser): none, fixest, or fixest's ssc() arguments as `name=value` pairs (adj, fixef.K,
 * cluster.adj, cluster.df; TRUE/FALSE as R writes them), unnamed ones keeping fixest's defaults.
 */
export function parseSsc(text: string): SmallSampleSpec {
  const t = text.trim();
  if (t === 'none' || t === 'fixest') return t;
  const out: Record<string, boolean | string> = {};
  for (const part of t.split(',')) {
    const [k, v] = part.split('=').map((x) => x?.trim());
    const key = SSC_KEYS[k ?? ''];
    if (!key || v === undefined) throw new InvalidArgumentError(`--ssc "${text}": expected none, fixest or name=value pairs of adj, fixef.K, cluster.adj, cluster.df`);
    if (key === 'adj' || key === 'clusterAdj') {
      const b = /^(true|t)$/i.test(v) ? true : /^(false|f)$/i.test(v) ? false : null;
      if (b === null) throw new InvalidArgumentError(`--ssc ${k}=${v}: expected TRUE or FALSE`);
      out[key] = b;
    } else out[key] = v;
  }
  return out as Partial<SmallSampleOptions>;
}

/** The options that are the same for a file and a workspace fit. */
export function gravityModelOptions(ssc: SmallSampleSpec | undefined, na: string | undefined, sumDuplicates: boolean): Pick<GravitySpec, 'ssc' | 'na' | 'duplicates'> {
  return {
    ...(ssc !== undefined ? { ssc } : {}),
    ...(na !== undefined ? { na: na as 'drop' | 'error' } : {}),
    duplicates: sumDuplicates ? 'sum' : 'error',
  };
}

/**
 * A data error from the model, re-addressed to the file: the file named, the model's column
 * words (flow, cost, offset, origin...) replaced by the file's column names. The model counts
 * rows as the file's data rows, so the row stays.
 */
export function inFile(e: unknown, file: string, names: Readonly<Record<string, string | undefined>>): unknown {
  if (!(e instanceof InputError) || e.file !== undefined) return e;
  const reason = e.message.slice(formatLocation({ row: e.row, column: e.column }).length);
  const column = e.column !== undefined ? (names[e.column] ?? e.column) : undefined;
  const text = e.column !== undefined && column !== e.column ? reason.replace(new RegExp(`^${e.column}\\b`), column!) : reason;
  return new InputError(text, { file, row: e.row, column }, e.more);
}

import { MISSING_LEVEL, type Category, type GravityData } from '../../models/gravity/index.ts';
import type { StageOptions } from '../duckdb/stage.ts';
import { MISSING_CODE, readCodedColumns, type CodedColumns, type CodedColumnsRequest } from '../read-columns.ts';

/** Which columns of a flow file play which part in a gravity fit. */
export interface GravityFileColumns {
  readonly origin: string;
  readonly destination: string;
  readonly flow: string;
  readonly cost?: string;
  /** Per-row covariate columns (values of the origin, the destination or the pair). */
  readonly covariates?: readonly string[];
  readonly period?: string;
  /** Text columns for further fixed effects and clusters (product, sector...). */
  readonly categories?: readonly string[];
  /** Column entering the linear predictor with coefficient 1. */
  readonly offset?: string;
}

/**
 * Text cells that mean "no value" in the files people fit from: blank, R's and pandas' NA, SQL
 * NULL (number columns: read-columns.ts). The model then drops or refuses the row (its `na`
 * option), as R's read.csv + fepois would.
 */
const MISSING_TOKENS = new Set(['', 'NA', 'N/A', 'NaN', 'NULL', 'null']);

/** Reads the columns of a file (readCodedColumns; a test passes a counting one). */
export type ColumnReader = (file: string, request: CodedColumnsRequest, options: StageOptions) => Promise<CodedColumns>;

/**
 * Gravity data from a flow file, read once as typed columns (readCodedColumns with missing
 * cells read as missing): regions shared by the origin and destination columns, periods and
 * categories as levels, numbers as doubles. Missing cells become NaN or MISSING_LEVEL for the
 * model's `na` rule; a cell that is neither a number nor missing is an InputError naming the
 * file's row as the importers count it (the header is row 1 of a CSV). `readSeconds` is the
 * reading time.
 */
export async function readGravityFile(file: string, cols: GravityFileColumns, options: StageOptions = {}, read: ColumnReader = readCodedColumns): Promise<{ data: GravityData; readSeconds: number }> {
  const t0 = performance.now();
  const numeric = [...new Set([cols.flow, ...(cols.cost ? [cols.cost] : []), ...(cols.covariates ?? []), ...(cols.offset ? [cols.offset] : [])])];
  const categories = [...new Set(cols.categories ?? [])].filter((c) => c !== cols.origin && c !== cols.destination && c !== cols.period);
  const codes: string[][] = [[cols.origin, cols.destination], ...(cols.period ? [[cols.period]] : []), ...categories.map((c) => [c])];
  const c = await read(file, { codes, numeric, missing: true }, options);
  const number = (name: string): Float64Array => c.numbers[name];
  const levels = (name: string): Category => withMissing(c.codes[name], c.levels[name]);
  const od = withMissing(c.codes[cols.origin], c.levels[cols.origin], c.codes[cols.destination]);
  const covariates: Record<string, Float64Array> = {};
  for (const v of cols.covariates ?? []) covariates[v] = number(v);
  const period = cols.period ? levels(cols.period) : null;
  const cats: Record<string, Category> = {};
  for (const name of categories) cats[name] = levels(name);
  const data: GravityData = {
    regions: od.levels,
    origin: od.index,
    destination: od.second!,
    flow: number(cols.flow),
    cost: cols.cost ? number(cols.cost) : new Float64Array(c.rows),
    covariates,
    ...(cols.offset ? { offset: number(cols.offset) } : {}),
    ...(period ? { period: period.index, periods: period.levels } : {}),
    ...(categories.length ? { categories: cats } : {}),
    rowNumbers: c.rowNumbers,
  };
  return { data, readSeconds: (performance.now() - t0) / 1000 };
}

/**
 * Removes the missing tokens from a dictionary: their rows get MISSING_LEVEL. `second` is a
 * column sharing the dictionary (destination with origin). Without such a level nothing is copied.
 */
function withMissing(index: Uint32Array, levels: readonly string[], second?: Uint32Array): { index: Uint32Array; levels: string[]; second?: Uint32Array } {
  const drop = levels.map((l) => MISSING_TOKENS.has(l));
  if (!drop.some(Boolean)) return { index, levels: [...levels], second };
  const to = new Uint32Array(levels.length);
  const kept: string[] = [];
  levels.forEach((l, i) => {
    if (drop[i]) to[i] = MISSING_LEVEL;
    else {
      to[i] = kept.length;
      kept.push(l);
    }
  });
  // A blank cell already has MISSING_CODE (= MISSING_LEVEL), which is in no dictionary.
  const remap = (a: Uint32Array): Uint32Array => a.map((v) => (v === MISSING_CODE ? MISSING_LEVEL : to[v]));
  return { index: remap(index), levels: kept, second: second ? remap(second) : undefined };
}

/** Builds GravityData from CSV rows for the tests (region indexes in sorted code order, as R's factor()). */
import type { GravityData } from '../../src/models/gravity/types.ts';
import type { CsvRow } from './shipped-data.ts';

export interface CsvColumns {
  origin: string;
  destination: string;
  flow: string;
  cost: string;
  covariates?: string[];
  period?: string;
}

export function gravityDataFromRows(rows: readonly CsvRow[], c: CsvColumns): GravityData {
  const regions = [...new Set(rows.flatMap((r) => [r[c.origin], r[c.destination]]))].sort();
  const index = new Map(regions.map((code, i) => [code, i]));
  const periods = c.period ? [...new Set(rows.map((r) => r[c.period!]))].sort() : undefined;
  const pIndex = new Map((periods ?? []).map((p, i) => [p, i]));
  const num = (name: string): Float64Array => Float64Array.from(rows, (r) => Number(r[name]));
  return {
    regions,
    origin: Uint32Array.from(rows, (r) => index.get(r[c.origin])!),
    destination: Uint32Array.from(rows, (r) => index.get(r[c.destination])!),
    flow: num(c.flow),
    cost: num(c.cost),
    covariates: Object.fromEntries((c.covariates ?? []).map((name) => [name, num(name)])),
    ...(c.period ? { period: Uint32Array.from(rows, (r) => pIndex.get(r[c.period!])!), periods } : {}),
  };
}

/** Asserts |actual - expected| <= rel * |expected| + abs, with a message naming what differs. */
export function assertClose(actual: number, expected: number, rel: number, what: string, abs = 0): void {
  const tol = rel * Math.abs(expected) + abs;
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${what}: got ${actual}, expected ${expected} (rel. diff ${(Math.abs(actual - expected) / Math.abs(expected)).toExponential(3)}, tolerance rel ${rel}${abs ? ` + abs ${abs}` : ''})`);
  }
}

import { listValue } from '../duckdb/node-api.ts';
import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { Workspace } from '../workspace.ts';

/** Indicator values of the alternatives by year, as stored (no transform yet). */
export interface AlternativeAttributes {
  /** By indicator: value of alternative a in year index y at [a * years.length + y]; NaN when missing. */
  readonly values: Readonly<Record<string, Float64Array>>;
  /** The year each value was taken from (the graduation year or the nearest earlier one); 0 when missing. */
  readonly from: Readonly<Record<string, Int32Array>>;
  readonly units: Readonly<Record<string, string | null>>;
  readonly sources: Readonly<Record<string, string | null>>;
  readonly notes: CodedMessage[];
}

/**
 * Annual indicator values (period_start = period_end) of each alternative for each graduation
 * year: the value of that year, else of the nearest earlier year (a later import of the same
 * year wins). Indicators absent from the workspace are a SpecError that lists the ones present.
 */
export async function alternativeAttributes(ws: Workspace, names: readonly string[], alternatives: readonly string[], years: readonly number[]): Promise<AlternativeAttributes> {
  const nY = years.length;
  const values: Record<string, Float64Array> = {};
  const from: Record<string, Int32Array> = {};
  const units: Record<string, string | null> = {};
  const sources: Record<string, string | null> = {};
  const notes: CodedMessage[] = [];
  if (names.length === 0) return { values, from, units, sources, notes };
  const present = await ws.db.all<{ name: string }>('SELECT DISTINCT name FROM indicators WHERE list_contains(?::VARCHAR[], name)', [listValue([...names])]);
  const absent = names.filter((n) => !present.some((p) => p.name === n));
  if (absent.length) {
    const all = await ws.db.all<{ name: string }>('SELECT DISTINCT name FROM indicators ORDER BY name');
    throw new SpecError(coded('choicefit.unknownIndicator', { names: absent, all: all.map((a) => a.name) }), 'alternativeVars');
  }
  const rows = await ws.db.all<{ region: string; name: string; year: number; value: number; unit: string | null; source: string | null }>(
    `SELECT region, name, period_end AS year, value, unit, source FROM indicators
     WHERE period_start = period_end AND list_contains(?::VARCHAR[], name) AND list_contains(?::VARCHAR[], region) AND period_end <= ?
     ORDER BY name, region, period_end, import_id`,
    [listValue([...names]), listValue([...alternatives]), Math.max(...years)]);
  const altIndex = new Map(alternatives.map((a, i) => [a, i]));
  const series = new Map<string, { year: number; value: number }[]>();
  for (const r of rows) {
    units[r.name] ??= r.unit;
    sources[r.name] ??= r.source;
    const key = `${r.name}\u0000${r.region}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = []));
    const y = Number(r.year);
    if (s.length && s[s.length - 1].year === y) s[s.length - 1] = { year: y, value: r.value };
    else s.push({ year: y, value: r.value });
  }
  for (const name of names) {
    units[name] ??= null;
    sources[name] ??= null;
    const v = (values[name] = new Float64Array(alternatives.length * nY).fill(NaN));
    const f = (from[name] = new Int32Array(alternatives.length * nY));
    // Regions by the graduation year and the earlier year its value was taken from.
    const earlier = new Map<string, { year: number; from: number; regions: number }>();
    for (const [a, ai] of altIndex) {
      const s = series.get(`${name}\u0000${a}`) ?? [];
      years.forEach((year, yi) => {
        let best: { year: number; value: number } | undefined;
        for (const p of s) if (p.year <= year) best = p;
        if (!best) return;
        v[ai * nY + yi] = best.value;
        f[ai * nY + yi] = best.year;
        if (best.year !== year) {
          const k = `${year} from ${best.year}`;
          const e = earlier.get(k);
          if (e) e.regions++;
          else earlier.set(k, { year, from: best.year, regions: 1 });
        }
      });
    }
    for (const e of earlier.values()) notes.push(coded('choice.note.nearestEarlier', { indicator: name, ...e }));
  }
  return { values, from, units, sources, notes };
}

import { InputError } from '../../core/errors.ts';
import { haversineKm } from '../../core/geometry/haversine.ts';
import type { ProvinceYear, SyntheticProvince } from './types.ts';

/** The provinces as alternatives: codes, an index, and the centroid distances. */
export interface ProvinceTable {
  readonly codes: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Great-circle km between centroids, row-major P x P, 0 on the diagonal. */
  readonly distance: Float64Array;
}

/** The alternative-level attributes of one year, in the units of the model (coefficients.ts). */
export interface ProvinceYearColumns {
  readonly year: number;
  /** Disposable income per head, yuan a year (for salaries). */
  readonly income: Float64Array;
  readonly lnIncome: Float64Array;
  readonly lnPopulation: Float64Array;
  /** Urban rail km per million residents. */
  readonly railPerMillion: Float64Array;
  readonly temperature: Float64Array;
}

export function provinceTable(provinces: readonly SyntheticProvince[]): ProvinceTable {
  const p = provinces.length;
  if (p < 2) throw new InputError(`the synthetic generator needs at least 2 provinces, got ${p}`);
  const index = new Map<string, number>();
  provinces.forEach((x, i) => {
    if (index.has(x.code)) throw new InputError(`province "${x.code}" appears twice`, { column: 'code' });
    if (!Number.isFinite(x.lon) || !Number.isFinite(x.lat)) throw new InputError(`province "${x.code}": centroid is missing`, { column: 'lon' });
    index.set(x.code, i);
  });
  const distance = new Float64Array(p * p);
  for (let h = 0; h < p; h++) {
    for (let j = h + 1; j < p; j++) {
      distance[h * p + j] = distance[j * p + h] = haversineKm([provinces[h].lon, provinces[h].lat], [provinces[j].lon, provinces[j].lat]);
    }
  }
  return { codes: provinces.map((x) => x.code), index, distance };
}

const ATTRIBUTES: readonly { key: keyof ProvinceYear; min: number }[] = [
  { key: 'income', min: Number.MIN_VALUE },
  { key: 'population', min: Number.MIN_VALUE },
  { key: 'railKm', min: 0 },
  { key: 'temperature', min: -Infinity },
];

/** The attributes of `year`; a missing or impossible value is an InputError naming province, attribute and year. */
export function provinceYear(provinces: readonly SyntheticProvince[], year: number): ProvinceYearColumns {
  const p = provinces.length;
  const out = {
    year,
    income: new Float64Array(p),
    lnIncome: new Float64Array(p),
    lnPopulation: new Float64Array(p),
    railPerMillion: new Float64Array(p),
    temperature: new Float64Array(p),
  };
  provinces.forEach((x, j) => {
    const a = x.years[year];
    for (const { key, min } of ATTRIBUTES) {
      const v = a?.[key];
      if (v === undefined || v === null || !Number.isFinite(v) || v < min) {
        throw new InputError(`province "${x.code}": ${key} for ${year} is ${v === undefined ? 'missing' : `not usable (${v})`}`, { column: key });
      }
    }
    out.income[j] = a.income;
    out.lnIncome[j] = Math.log(a.income);
    out.lnPopulation[j] = Math.log(a.population);
    out.railPerMillion[j] = a.railKm / (a.population / 1e6);
    out.temperature[j] = a.temperature;
  });
  return out;
}

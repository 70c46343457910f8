/**
 * A small workspace for the choice tests: the bundled China registry and groups, the bundled NBS
 * provincial indicators, and 1,200 generated graduate records of two Liaoning universities
 * (2015-2016) written to a CSV and imported with importPersons. Destinations are drawn from a
 * logit with known terms (home 2, distance -0.2 per 100 km, Beijing / Shanghai / Guangdong +1),
 * plus further study (10 %), not employed (3 %) and Hong Kong (a SAR, not a province).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { haversineKm } from '../../core/geometry/index.ts';
import type { ChoiceData } from '../../models/logit/index.ts';
import { createRng } from '../../numeric/random/rng.ts';
import { importIndicators } from '../import/import-indicators.ts';
import { importPersons } from '../import/import-persons.ts';
import { CHINA, chinaWorkspace } from '../../../test/helpers/workspace.ts';

const HOMES = ['210000', '210000', '210000', '220000', '230000', '130000', '370000', '410000', '320000', '510000'];
const LEADERS = new Set(['110000', '310000', '440000']);

export interface FixtureOptions {
  /** Persons (default 1200). */
  readonly persons?: number;
  /** Every n-th person has no home region recorded (default none). */
  readonly blankHomeEvery?: number;
  /** Mark the records synthetic (default false). */
  readonly synthetic?: boolean;
}

export async function choiceWorkspace(options: FixtureOptions = {}) {
  const t = await chinaWorkspace();
  await importIndicators(t.ws, join(CHINA, 'nbs_province_indicators.csv'));
  const provinces = await t.ws.db.all<{ code: string; lon: number; lat: number }>(
    "SELECT code, centroid_lon AS lon, centroid_lat AS lat FROM regions WHERE level = 'province' AND parent = 'CN' ORDER BY code");
  const at = new Map(provinces.map((p) => [p.code, [p.lon, p.lat] as [number, number]]));
  const rng = createRng(20240611);
  const lines = ['id,year,university,degree,major,home_region,study_region,destination'];
  const n = options.persons ?? 1200;
  for (let i = 0; i < n; i++) {
    const year = 2015 + (i % 2);
    const uni = i % 3 === 0 ? ['Dalian University of Technology', '210200'] : ['Northeastern University', '210100'];
    const degree = ['bachelor', 'bachelor', 'master', 'doctor'][rng.int(4)];
    const major = ['engineering', 'science', 'management'][rng.int(3)];
    const home = HOMES[rng.int(HOMES.length)];
    const u = rng.uniform();
    let destination: string;
    if (u < 0.1) destination = 'further_study';
    else if (u < 0.13) destination = 'not_employed';
    else if (u < 0.135) destination = '810000';
    else {
      const w = provinces.map((p) => Math.exp(2 * (p.code === home ? 1 : 0) - 0.2 * (haversineKm(at.get(home)!, [p.lon, p.lat]) / 100) + (LEADERS.has(p.code) ? 1 : 0)));
      let x = rng.uniform() * w.reduce((s, v) => s + v, 0);
      let k = 0;
      while (k < w.length - 1 && (x -= w[k]) > 0) k++;
      destination = provinces[k].code;
    }
    const homeCell = options.blankHomeEvery && i % options.blankHomeEvery === 0 ? '' : home;
    lines.push([`P${i}`, year, uni[0], degree, major, homeCell, uni[1], destination].join(','));
  }
  const file = join(t.dir, 'persons.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  await importPersons(t.ws, file, { synthetic: options.synthetic ?? false });
  return t;
}

/** One case per person: each situation's rows repeated for every person, chosen = 1 on the person's row. */
export function perPerson(d: ChoiceData): ChoiceData {
  const caseIndex: number[] = [];
  const altIndex: number[] = [];
  const chosen: number[] = [];
  const cluster: number[] = [];
  const rows: number[] = [];
  const byCase = new Map<number, number[]>();
  d.caseIndex.forEach((c, r) => (byCase.get(c) ?? byCase.set(c, []).get(c)!).push(r));
  let n = 0;
  for (const [c, rs] of byCase) {
    for (const pick of rs) {
      for (let k = 0; k < d.chosen[pick]; k++) {
        for (const r of rs) {
          caseIndex.push(n);
          altIndex.push(d.altIndex[r]);
          chosen.push(r === pick ? 1 : 0);
          rows.push(r);
        }
        if (d.cluster) cluster.push(d.cluster[c]);
        n++;
      }
    }
  }
  return {
    nCases: n, caseIndex: Int32Array.from(caseIndex), altIndex: Int32Array.from(altIndex), chosen: Uint8Array.from(chosen),
    columns: Object.fromEntries(Object.entries(d.columns).map(([k, v]) => [k, Float64Array.from(rows, (r) => v[r])])),
    ...(d.cluster ? { cluster: Int32Array.from(cluster) } : {}),
  };
}

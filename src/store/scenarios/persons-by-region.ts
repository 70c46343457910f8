import { SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import { isSmallCell } from '../../metrics/index.ts';
import { privacyK } from '../privacy.ts';
import type { Workspace } from '../workspace.ts';

const REGION_CODE = /^\d{6}$|^[A-Z]{2}\d*$/;

export interface PersonsByRegion {
  /** Graduates a year by study region (0 for a region left out by the small-cell rule). */
  sizes: Float64Array;
  /** Share staying in the study region (NaN where the small-cell rule leaves none). */
  stay: Float64Array;
  years: number;
  synthetic: number;
  /** What the small-cell rule changed, in words, for the scenario's notes. */
  notes: string[];
  /** The same notes coded (core/messages), in the same order. */
  messages: CodedMessage[];
}

/**
 * Cohort sizes and stay shares from graduate records, at the model's level: a record's study
 * region and destination are rolled up to the model region that is the region itself or holds it
 * (a city's graduates count for their province in a province model).
 *
 * Every scenario output is a function of these numbers and the model, so they follow the
 * workspace's small-cell rule here, before the model sees them (docs/privacy.md; k from
 * src/store/privacy.ts): a region with 1 to k - 1 records is left out of the cohort (its size
 * would give their number); a region whose stayers or leavers number 1 to k - 1 takes the stay
 * share pooled over the regions whose groups are all shown (its own share would give that
 * number), a share computed without its records, so nothing of them can be worked back.
 */
export async function personsByRegion(ws: Workspace, regions: readonly string[]): Promise<PersonsByRegion> {
  const rows = await ws.db.all<{ region: string; n: number; stayed: number; years: number; synthetic: number }>(
    `WITH up AS (
       SELECT code, code AS region FROM regions UNION ALL SELECT code, ancestor AS region FROM region_ancestors),
     model AS (SELECT code, region FROM up WHERE region IN (SELECT unnest(string_split(?, ','))))
     SELECT s.region, count(*)::DOUBLE AS n, sum(CASE WHEN d.region = s.region THEN 1 ELSE 0 END)::DOUBLE AS stayed, count(DISTINCT p.year)::DOUBLE AS years,
       sum(CASE WHEN p.synthetic THEN 1 ELSE 0 END)::DOUBLE AS synthetic
     FROM persons p JOIN model s ON s.code = p.study_region LEFT JOIN model d ON d.code = p.destination
     WHERE p.destination IN (SELECT code FROM regions) GROUP BY 1`, [regions.join(',')]);
  if (!rows.length) throw new SpecError(coded('scenario.cohort.noRecords', {}), 'baseline.cohort');
  const k = await privacyK(ws);
  const index = new Map(regions.map((c, i) => [c, i]));
  const sizes = new Float64Array(regions.length);
  const stay = new Float64Array(regions.length);
  let years = 0;
  let synthetic = 0;
  const small: string[] = [];
  const pooled: { i: number; code: string }[] = [];
  let poolStayed = 0;
  let poolN = 0;
  for (const r of rows) {
    const i = index.get(r.region);
    if (i === undefined || !REGION_CODE.test(r.region)) continue;
    synthetic += r.synthetic;
    years = Math.max(years, r.years);
    if (isSmallCell(r.n, k)) {
      small.push(r.region);
      continue;
    }
    sizes[i] = r.n / r.years;
    if (isSmallCell(r.stayed, k) || isSmallCell(r.n - r.stayed, k)) {
      pooled.push({ i, code: r.region });
      continue;
    }
    stay[i] = r.stayed / r.n;
    poolStayed += r.stayed;
    poolN += r.n;
  }
  const notes: CodedMessage[] = [];
  const places = (codes: string[]) => codes.sort().map((code) => ({ code }));
  if (small.length) {
    notes.push(coded('scenario.cohort.smallCellsLeftOut', { count: small.length, k, regions: places(small) }));
  }
  if (pooled.length && poolN > 0) {
    for (const p of pooled) stay[p.i] = poolStayed / poolN;
    notes.push(coded('scenario.cohort.smallCellsPooled', { count: pooled.length, k, share: poolStayed / poolN, regions: places(pooled.map((p) => p.code)) }));
  } else if (pooled.length) {
    // No region to pool over: no stay share (a scenario that needs one says so and asks for a default).
    for (const p of pooled) stay[p.i] = NaN;
    notes.push(coded('scenario.cohort.smallCellsNoShare', { count: pooled.length, k, regions: places(pooled.map((p) => p.code)) }));
  }
  return { sizes, stay, years, synthetic, notes: english(notes), messages: notes };
}

/**
 * Back-test on Korea (korea_gravity_corrected.csv, intra rows dropped): fit 2012-2017, predict
 * 2018, 2019 and 2020, report CPC and SRMSE per year (figures copied into docs/models/gravity.md).
 * (a) unconstrained: log populations, log centroid distance, contiguity (populations of the
 *     target year known); (b) doubly constrained, predicted with each target year's observed
 *     out- and in-totals (the usual "distribution given margins" use).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readShippedCsv, type CsvRow } from '../../../test/helpers/shipped-data.ts';
import { gravityDataFromRows } from '../../../test/helpers/flow-data.ts';
import { commonPartOfCommuters, srmse } from '../shared/fit-statistics.ts';
import { fitGravity } from './fit.ts';
import { predictGravity } from './predict.ts';
import type { GravityData } from './types.ts';

const rows: CsvRow[] = readShippedCsv('korea', 'korea_gravity_corrected.csv')
  .filter((r) => r.orig !== r.dest)
  .map((r) => ({ ...r, contig: r.contig === 'TRUE' ? '1' : '0' }));
const columns = { origin: 'orig', destination: 'dest', flow: 'flow', cost: 'dist_cent', covariates: ['orig_pop', 'dest_pop', 'contig'] };
const train = gravityDataFromRows(rows.filter((r) => Number(r.year) <= 2017), { ...columns, period: 'year' });

function totals(d: GravityData, by: 'origin' | 'destination'): Record<string, number> {
  const out: Record<string, number> = {};
  for (let r = 0; r < d.flow.length; r++) {
    const code = d.regions[d[by][r]];
    out[code] = (out[code] ?? 0) + d.flow[r];
  }
  return out;
}

function koreaBacktest(): { year: number; model: string; cpc: number; srmse: number }[] {
  const unconstrained = fitGravity(train, {
    constraint: 'unconstrained', decay: 'power', costName: 'dist_cent', periodEffects: false,
    originTerms: ['orig_pop'], destinationTerms: ['dest_pop'], pairTerms: [{ column: 'contig', transform: 'identity' }],
  });
  const doubly = fitGravity(train, { constraint: 'doubly', decay: 'power', costName: 'dist_cent', periodEffects: false });
  const out: { year: number; model: string; cpc: number; srmse: number }[] = [];
  for (const year of [2018, 2019, 2020]) {
    const target = gravityDataFromRows(rows.filter((r) => Number(r.year) === year), columns);
    const a = predictGravity(unconstrained, target).expected;
    const b = predictGravity(doubly, { ...target, originTotals: totals(target, 'origin'), destinationTotals: totals(target, 'destination') }).expected;
    out.push({ year, model: 'unconstrained', cpc: commonPartOfCommuters(target.flow, a), srmse: srmse(target.flow, a) });
    out.push({ year, model: 'doubly (target-year totals)', cpc: commonPartOfCommuters(target.flow, b), srmse: srmse(target.flow, b) });
  }
  return out;
}

test('Korea back-test: fit 2012-2017, predict 2018-2020; CPC above 0.7 every year for both models', (t) => {
  const results = koreaBacktest();
  for (const r of results) {
    t.diagnostic(`${r.year} ${r.model}: CPC ${r.cpc.toFixed(4)}, SRMSE ${r.srmse.toFixed(4)}`);
    assert.ok(r.cpc > 0.7 && r.cpc <= 1, `${r.year} ${r.model}: CPC ${r.cpc}`);
    assert.ok(r.srmse > 0 && r.srmse < 2, `${r.year} ${r.model}: SRMSE ${r.srmse}`);
  }
});

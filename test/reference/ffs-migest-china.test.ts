/**
 * China 2000 -> 2010 lifetime-migrant stocks (../shared/data/china-census-migration, not shipped):
 * flowsFromStocks against R migest ffs_demo (commit 690b0f7, mipfp 3.2.1, R 4.2.2) as run in
 * reference-migest/scripts/run2_china.R:
 *   set.seed(54); ffs_demo(stock_start = s1, stock_end = s2, births = b, deaths = d)
 * for the two stated birth/death assumptions bd0 (none) and crude (1.2% births, 0.65% deaths a
 * year), with migest's defaults (out/china, every Ipfp tol = 1e-3) and converged (china_tight,
 * every Ipfp tol forced to 1e-8). Seed 54 makes R's rescale_integer_sum put its residual on the
 * largest native-born cell, which is what the port does. Checked to 1e-6 absolute (cells are up
 * to 1.3e7 sample persons, so this is about 1e-13 relative): the flow array (31^3 cells), the od
 * matrix, in/out/net per province, and the intermediate stocks after nb_scale_global, the birth
 * and death matrices and the stocks after match_birthplace_tot. The iteration count of every
 * Ipfp call must equal R's at tol 1e-3; at 1e-8 the stopping criterion is about 80 ulps of the
 * largest cells, so the last-bit differences between R's long double sums and the port's
 * compensated double sums may move the stop by a few iterations (allowed: 1%).
 * Skips when the shared folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../helpers/shipped-data.ts';
import { maxDifference, readBirthsDeaths, readFlowArray, readIpfpLog, readMatrix } from '../fixtures/migest-examples/migest-csv.ts';
import { flowsFromStocks } from '../../src/models/stocks/ffs/flows-from-stocks.ts';
import { sumOd } from '../../src/models/stocks/ffs/sum-od.ts';

const dir = fileURLToPath(new URL('../../../shared/data/china-census-migration/reference-migest/', import.meta.url));
const present = existsSync(`${dir}china/inputs/stock_2000.csv`) && existsSync(`${dir}china_tight/bd0_flow_array.csv`);
const SKIP = `../shared/data/china-census-migration/reference-migest not found at ${dir}`;
const TOL = 1e-6;

const VARIANTS = [
  { folder: 'china', tolerance: 1e-3, label: 'migest defaults (tol 1e-3)', exactIterations: true },
  { folder: 'china_tight', tolerance: 1e-8, label: 'every Ipfp tol = 1e-8 (converged)', exactIterations: false },
] as const;

for (const v of VARIANTS) {
  for (const a of ['bd0', 'crude'] as const) {
    test(`China ${a}, ${v.label}: set.seed(54); ffs_demo(s1, s2, b, d): flows, od, in/out/net and intermediate stocks to ${TOL} absolute`, { skip: present ? false : SKIP }, (t) => {
      const path = (f: string) => `${dir}${v.folder}/${f}`;
      const s1 = readMatrix(path('inputs/stock_2000.csv'));
      const s2 = readMatrix(path('inputs/stock_2010.csv'));
      const { regions, births, deaths } = readBirthsDeaths(path(`${a}_births_deaths.csv`));
      assert.deepEqual(regions, s1.rows);
      const started = performance.now();
      const res = flowsFromStocks({ regions, stockStart: s1.values, stockEnd: s2.values, births, deaths }, { tolerance: v.tolerance });
      const ms = performance.now() - started;
      const rSeconds = readCsv(path('run_summary.csv')).find((r) => r.assumption === a)?.seconds;
      t.diagnostic(`port ${ms.toFixed(0)} ms (first run includes JIT warm-up); R ffs_demo ${rSeconds} s`);

      const diffs: Record<string, number> = {
        flow_array: maxDifference(res.flowArray, readFlowArray(path(`${a}_flow_array.csv`), regions)).absolute,
        od_matrix: maxDifference(sumOd(res.flowArray, regions.length), readMatrix(path(`${a}_od_matrix.csv`)).values).absolute,
        int1_start: maxDifference(res.globalMatch!.start, readMatrix(path(`${a}_int1_stock_start_after_nb_scale_global.csv`)).values).absolute,
        int1_end: maxDifference(res.globalMatch!.end, readMatrix(path(`${a}_int1_stock_end_after_nb_scale_global.csv`)).values).absolute,
        int2_birth: maxDifference(res.birthMatrix, readMatrix(path(`${a}_int2_birth_mat.csv`)).values).absolute,
        int2_death: maxDifference(res.deathMatrix, readMatrix(path(`${a}_int2_death_mat.csv`)).values).absolute,
        int3_start: maxDifference(res.adjustedStocks.start, readMatrix(path(`${a}_int3_stock_start_after_match_birthplace_tot.csv`)).values).absolute,
        int3_end: maxDifference(res.adjustedStocks.end, readMatrix(path(`${a}_int3_stock_end_after_match_birthplace_tot.csv`)).values).absolute,
      };
      const ion = readCsv(path(`${a}_in_out_net.csv`));
      diffs.in_out_net = maxDifference(
        ion.flatMap((r) => [res.inTotals[r.code], res.outTotals[r.code], res.net[r.code]]),
        ion.flatMap((r) => [Number(r.inflow), Number(r.outflow), Number(r.net)]),
      ).absolute;
      t.diagnostic(`largest absolute differences: ${Object.entries(diffs).map(([k, d]) => `${k} ${d.toExponential(2)}`).join(', ')}`);
      for (const [k, d] of Object.entries(diffs)) assert.ok(d <= TOL, `${k} differs by ${d}`);

      // R's log without match_birthplace_tot's all-zero placeholder fit (iter = 1000), which the port does not run.
      const rCalls = readIpfpLog(path(`${a}_ipfp_call_log.csv`)).filter((c) => c.iterMax !== 1000);
      assert.deepEqual(res.ipfpCalls.map((c) => c.margins), rCalls.map((c) => c.margins));
      const mine = res.ipfpCalls.map((c) => c.iterations);
      const theirs = rCalls.map((c) => c.iterations);
      t.diagnostic(`Ipfp iterations: port ${mine.join(',')}; R ${theirs.join(',')}`);
      if (v.exactIterations) assert.deepEqual(mine, theirs);
      else mine.forEach((m, k) => assert.ok(Math.abs(m - theirs[k]) <= 0.01 * theirs[k], `call ${k + 1}: ${m} vs ${theirs[k]} iterations`));
      assert.ok(res.converged);
    });
  }
}

test('China bd0, migest defaults: the README key provinces (Tianjin 12 sends no one; Guangdong 44 nets 977,692.12, Jilin 22 -71,991.00) and the minimum-migration warning', { skip: present ? false : SKIP }, () => {
  const path = (f: string) => `${dir}china/${f}`;
  const s1 = readMatrix(path('inputs/stock_2000.csv'));
  const s2 = readMatrix(path('inputs/stock_2010.csv'));
  const res = flowsFromStocks({ regions: s1.rows, stockStart: s1.values, stockEnd: s2.values });
  assert.equal(res.outTotals['12'], 0);
  assert.ok(Math.abs(res.net['44'] - 977692.1209582038) < TOL);
  assert.ok(Math.abs(res.net['22'] - -71990.999512262046) < TOL);
  const warning = res.warnings.find((w) => w.includes('minimum migration'));
  assert.ok(warning?.includes('12') && warning.includes('stayerAssumption: false'), warning);
});

/**
 * fixest's own example on its `trade` data (../shared/data/fixest-trade, GPL-3, not shipped):
 *   fepois(Euros ~ log(dist_km) | Origin + Destination + Product + Year, trade)
 * Published / printed by fixest 0.12.2 (README there): coefficient -1.527874371; SE clustered by
 * Origin 0.115678 with fixest's default small-sample correction and 0.111693 with
 * ssc(adj = FALSE, cluster.adj = FALSE); at glm.tol = 1e-12, fixef.tol = 1e-11 the coefficient is
 * -1.527874371486, the Origin-clustered SE 0.1156781650 and the Origin + Destination two-way one
 * 0.1307340550. Checked through the library (to rel 1e-9 on the coefficient, 1e-6 on the SEs
 * against the tight figures, the published ones to their printed digits) and through the CLI
 * as a fixest user would write it. The data: ../shared/data/fixest-trade, else fixest's own
 * `data(trade)` written out by the R installed here; skips when neither is there.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitGravity } from '../../src/models/gravity/fit.ts';
import { readGravityFile } from '../../src/store/queries/gravity-file.ts';
import { assertClose } from '../helpers/flow-data.ts';
import { runCli } from '../helpers/cli.ts';

const shared = fileURLToPath(new URL('../../../shared/data/fixest-trade/trade.csv', import.meta.url));

/**
 * The shared copy, else the same data written from the fixest installed here (its `data(trade)`
 * is the data set of the published figures), else null.
 */
function tradeFile(): string | null {
  if (existsSync(shared)) return shared;
  const out = join(mkdtempSync(join(tmpdir(), 'tf-fixest-trade-')), 'trade.csv');
  const r = spawnSync('Rscript', ['-e', `suppressPackageStartupMessages(library(fixest)); data(trade); write.csv(trade, "${out}", row.names = FALSE)`], { encoding: 'utf8' });
  return r.status === 0 && existsSync(out) ? out : null;
}
const found = tradeFile();
const file = found ?? shared;
const present = found !== null;
after(() => {
  if (found && found !== shared) rmSync(dirname(found), { recursive: true, force: true });
});
const columns = { origin: 'Origin', destination: 'Destination', flow: 'Euros', cost: 'dist_km', categories: ['Product', 'Year'] };
const spec = { constraint: 'unconstrained', decay: 'power', costName: 'dist_km', fixedEffects: ['origin', 'destination', 'Product', 'Year'] } as const;

test('fixest trade: coefficient and Origin-clustered SEs with and without fixest\'s small-sample correction', { skip: !present && 'shared/data/fixest-trade absent and no fixest to write it' }, async () => {
  const { data } = await readGravityFile(file, columns);
  const m = fitGravity(data, { ...spec, cluster: ['origin'], ssc: 'fixest' });
  assert.equal(m.nobs, 38325);
  assert.equal(m.constraint, 'doubly');
  assert.deepEqual(m.fixedEffects, [{ name: 'origin', levels: 15 }, { name: 'destination', levels: 15 }, { name: 'Product', levels: 20 }, { name: 'Year', levels: 10 }]);
  assertClose(m.coefficients.dist_km, -1.527874371486, 1e-9, 'log(dist_km), fixest tight');
  assertClose(m.coefficients.dist_km, -1.527874371, 0, 'log(dist_km), fixest printed', 5e-10);
  assertClose(m.clusteredStandardErrors!.dist_km, 0.1156781650, 1e-6, 'SE clustered by Origin, fixest default ssc, tight');
  assertClose(m.clusteredStandardErrors!.dist_km, 0.115678, 0, 'SE clustered by Origin, published', 5e-7);
  assert.equal(m.smallSample.name, 'fixest');
  // K = 1 + (15 + 15 + 20 + 10 - 3) - (15 - 1): Origin is nested in the Origin clusters.
  assert.equal(m.smallSample.parameters.clustered, 44);
  assert.deepEqual(m.cluster, { by: ['origin'], groups: [15] });
  // z and p from the clustered SE, as fixest's summary prints them (z = -1.527874 / 0.115678).
  assert.deepEqual(m.inference, { standardErrors: 'clustered', by: ['origin'] });
  assertClose(m.zValues.dist_km, -1.527874371486 / 0.1156781650, 1e-6, 'z value from the Origin-clustered SE');

  const raw = fitGravity(data, { ...spec, cluster: ['origin'], ssc: { adj: false, clusterAdj: false } });
  assert.equal(raw.smallSample.name, 'none');
  assertClose(raw.clusteredStandardErrors!.dist_km, 0.111693, 0, 'SE clustered by Origin, ssc(adj = FALSE, cluster.adj = FALSE), published', 5e-7);

  const twoWay = fitGravity(data, { ...spec, cluster: ['origin', 'destination'], ssc: 'fixest' });
  assertClose(twoWay.clusteredStandardErrors!.dist_km, 0.1307340550, 1e-6, 'SE clustered by Origin + Destination, tight');
  // fixest 0.12 at the same tolerances: tstat -11.6868888671, pvalue 1.4873576e-31, from the two-way SE.
  assertClose(twoWay.zValues.dist_km, -11.6868888671, 1e-6, 'z value from the two-way clustered SE');
  assertClose(twoWay.pValues.dist_km, 1.4873576e-31, 1e-5, 'p value from the two-way clustered SE');
});

test('fixest trade through the CLI: --fixed-effects Origin,Destination,Product,Year --cluster Origin --ssc fixest', { skip: !present && 'shared/data/fixest-trade absent and no fixest to write it' }, () => {
  const r = runCli(process.cwd(), ['fit', 'gravity', '--flows', file, '--origin', 'Origin', '--destination', 'Destination', '--flow', 'Euros', '--cost', 'dist_km',
    '--fixed-effects', 'Origin,Destination,Product,Year', '--cluster', 'Origin', '--ssc', 'fixest', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const m = JSON.parse(r.stdout) as { coefficients: Record<string, number>; clusteredStandardErrors: Record<string, number>; smallSample: { name: string } };
  assertClose(m.coefficients.dist_km, -1.527874371486, 1e-9, 'CLI log(dist_km)');
  assertClose(m.clusteredStandardErrors.dist_km, 0.1156781650, 1e-6, 'CLI SE clustered by Origin');
  assert.equal(m.smallSample.name, 'fixest');
  const plain = runCli(process.cwd(), ['fit', 'gravity', '--flows', file, '--origin', 'Origin', '--destination', 'Destination', '--flow', 'Euros', '--cost', 'dist_km',
    '--fixed-effects', 'Origin,Destination,Product,Year', '--cluster', 'Origin', '--ssc', 'adj=FALSE,cluster.adj=FALSE']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /0\.1117 /);
  assert.match(plain.stdout, /clustered by origin \(15 clusters\)/);
});

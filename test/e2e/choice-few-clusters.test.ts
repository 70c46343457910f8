/**
 * `talentflow fit choice --cluster COL` with too few clusters: G <= K (coefficients) is refused
 * (the cluster-robust covariance is singular: rank <= G - 1), naming G, K and the column, exit 1;
 * G above K but below 30 fits with the FEW_CLUSTERS warning (Cameron & Miller 2015). Before, two
 * clusters were accepted and `rank --weights choice:MODEL` failed with "not positive definite".
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateChoices } from '../../src/models/logit/index.ts';
import { assertChinese } from '../helpers/chinese.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;
before(() => { dir = mkdtempSync(join(tmpdir(), 'talentflow-few-clusters-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

function modesFile(clusters: number): string {
  const sim = simulateChoices({ nCases: 300, nAlternatives: 4, coefficients: { time: -1, cost: -0.5 }, seed: 8, clusters }).data;
  const lines = ['id,mode,chosen,time,cost,grp'];
  for (let r = 0; r < sim.caseIndex.length; r++) {
    lines.push([sim.caseIndex[r], ['car', 'bus', 'train', 'air'][sim.altIndex[r]], sim.chosen[r], sim.columns.time[r], sim.columns.cost[r], `g${sim.cluster![sim.caseIndex[r]]}`].join(','));
  }
  const file = join(dir, `modes-${clusters}.csv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
const fit = (file: string, ...more: string[]) => runCli(dir, ['fit', 'choice', '--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost', '--cluster', 'grp', ...more]);

test('2 clusters for 2 coefficients: a user error naming G, K, the column and what to do instead', () => {
  const file = modesFile(2);
  const r = fit(file);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /cluster: clusters by column "grp" of .*modes-2\.csv: 2 cluster\(s\) for 2 coefficients: a cluster-robust covariance from G clusters has rank at most G - 1/);
  assert.match(r.stderr, /fit without clustering \(robust standard errors\) or cluster by a finer unit with more than 2 groups \(Cameron & Miller 2015\)/);
  // Without --cluster the same file fits.
  const plain = runCli(dir, ['fit', 'choice', '--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost', '--vcov', 'robust', '--json']);
  assert.equal(plain.code, 0, plain.stderr);
});

test('5 clusters for 2 coefficients: fitted, with the few-clusters warning citing Cameron & Miller 2015', () => {
  const r = fit(modesFile(5), '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { warnings: { code: string; message: string }[]; nClusters: number };
  assert.equal(j.nClusters, 5);
  assert.ok(j.warnings.some((w) => w.code === 'FEW_CLUSTERS' && /only 5 clusters: .*Cameron & Miller 2015/.test(w.message)), JSON.stringify(j.warnings));
});

test('--lang zh: the few-clusters warning reads in Chinese; English as before without it', () => {
  const file = modesFile(5);
  const zh = fit(file, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stdout.split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith('warning:')), []);
  const warned = lines.filter((l) => l.startsWith('警告：'));
  assert.ok(warned.includes('警告：只有 5 个聚类：聚类较少时聚类稳健标准误偏小（Cameron & Miller 2015）'), warned.join('\n'));
  assertChinese(warned, 'logit warnings');
  assert.match(fit(file).stdout, /^warning: only 5 clusters: clustered standard errors are biased downward with few clusters \(Cameron & Miller 2015/m);
});

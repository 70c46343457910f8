import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertChinese, LATIN_SENTENCE } from '../helpers/chinese.ts';
import { REPO } from '../helpers/workspace.ts';
import { runCli } from '../helpers/cli.ts';
import { demoWorkspaceAt } from '../helpers/demo-workspace.ts';

let dir: string;
let w: string;
function tf(...args: string[]) {
  return runCli(dir, args);
}
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-fit-'));
  w = join(dir, 'demo.duckdb');
  await demoWorkspaceAt(w);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('fit gravity --json on the Austria file reproduces R glm (doubly constrained, exponential decay)', () => {
  const r = tf('fit', 'gravity', '--flows', join(REPO, 'data/austria/raw/austria.csv'), '--origin', 'Origin', '--destination', 'Destination',
    '--flow', 'Data', '--cost', 'Dij', '--constraint', 'doubly', '--decay', 'exponential', '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  // R: glm(Data ~ factor(Origin) + factor(Destination) + Dij, poisson, austria[Origin != Destination, ])
  assert.ok(rel(j.coefficients.Dij, -0.007915333161) < 1e-6);
  assert.ok(rel(j.standardErrors.Dij, 5.062411929e-05) < 1e-6);
  assert.ok(rel(j.deviance, 9360.482486) < 1e-6);
  assert.ok(rel(j.logLikelihood, -4970.579571) < 1e-6);
  assert.ok(rel(j.aic, 9977.159141) < 1e-6);
  assert.equal(j.converged, true);
  assert.ok(j.iterations > 0 && j.fitSeconds >= 0 && j.fitSeconds < 5);
  const text = tf('fit', 'gravity', '--flows', join(REPO, 'data/austria/raw/austria.csv'), '--origin', 'Origin', '--destination', 'Destination',
    '--flow', 'Data', '--cost', 'Dij', '--constraint', 'doubly', '--decay', 'exponential');
  assert.match(text.stdout, /Dij\s+-0\.00791533\s+5\.06e-5/);
  assert.match(text.stdout, /Residual deviance: 9360\.482486 on 54 degrees of freedom/);
});

test('fit gravity on a user CSV with origin and destination attributes (unconstrained, power)', () => {
  const p = join(dir, 'user.csv');
  const lines = ['from,to,n,km,pop_from,pop_to'];
  const pops = [5, 3, 8, 2, 6];
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) if (i !== j) {
    const km = 100 + 37 * Math.abs(i - j) + 11 * ((i * j) % 3);
    lines.push(`C${i},C${j},${Math.round(50 * pops[i] ** 0.8 * pops[j] ** 0.6 * km ** -0.9 * 30 * (1 + ((i + 2 * j) % 3) / 10))},${km},${pops[i]},${pops[j]}`);
  }
  writeFileSync(p, lines.join('\n') + '\n');
  const r = tf('fit', 'gravity', '--flows', p, '--origin', 'from', '--destination', 'to', '--flow', 'n', '--cost', 'km', '--origin-vars', 'pop_from', '--destination-vars', 'pop_to', '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(j.coefficients).sort(), ['(Intercept)', 'km', 'pop_from', 'pop_to']);
  assert.ok(j.coefficients.km < -0.5 && j.coefficients.km > -1.3, `distance elasticity ${j.coefficients.km}`);
});

test('a non-positive cost with power decay is refused with the pair named', () => {
  const p = join(dir, 'zero.csv');
  writeFileSync(p, 'o,d,y,c\nA,B,10,5\nB,A,3,0\nA,C,4,2\nC,A,5,2\nB,C,1,3\nC,B,2,3\n');
  const r = tf('fit', 'gravity', '--flows', p, '--origin', 'o', '--destination', 'd', '--flow', 'y', '--cost', 'c', '--decay', 'power');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /B.*A|cost/);
  const m = tf('fit', 'gravity', '--flows', p, '--origin', 'o', '--destination', 'dest', '--flow', 'y', '--cost', 'c');
  assert.equal(m.code, 1);
  assert.match(m.stderr, /no column "dest": the file has "o", "d", "y", "c"/);
});

test('workspace fits: Korea 2019 from stored flows, saved and shown; radiation on the same flows', () => {
  const r = tf('fit', 'gravity', '--period', '2019', '--within', 'KR', '--constraint', 'doubly', '--save', 'kr-2019', '-w', w, '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  // Centroid distances differ from the README's GADM distances, so only the order of magnitude is
  // checked here (R with dist_cent gives -0.903); the exact references are in the model tests.
  assert.ok(j.coefficients.distance_km < -0.6 && j.coefficients.distance_km > -1.2, String(j.coefficients.distance_km));
  assert.equal(j.nobs, 272);
  const shown = tf('models', 'kr-2019', '-w', w, '--json');
  assert.equal(JSON.parse(shown.stdout).result.coefficients.distance_km, j.coefficients.distance_km);
  assert.equal(tf('fit', 'gravity', '--period', '2019', '--within', 'KR', '--save', 'kr-2019', '-w', w).code, 1, 'a saved name is not overwritten silently');
  const rad = tf('fit', 'radiation', '--period', '2019', '--within', 'KR', '-w', w, '--json');
  assert.equal(rad.code, 0, rad.stderr);
  const rj = JSON.parse(rad.stdout);
  assert.ok(rj.cpc > 0.3 && rj.cpc < 1 && rj.cpc < j.cpc, 'radiation fits worse than a doubly-constrained gravity model');
  // Both say what the flows are and where they come from.
  const data = 'data: observed flows 2019 (Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01))';
  assert.equal(j.notes[0], data);
  assert.equal(rj.notes[0], data);
  assert.equal(rj.messages.notes[0].code, 'fit.dataFlows');
  assert.match(tf('fit', 'radiation', '--period', '2019', '--within', 'KR', '-w', w).stdout, new RegExp(`^note: ${data.replace(/[()]/g, '\\$&')}$`, 'm'));
});

test('fit radiation --lang zh: the whole summary (method, heads, warnings) reads in Chinese; English and --json as before', () => {
  const args = ['fit', 'radiation', '--period', '2019', '--within', 'KR', '-w', w];
  const zh = tf(...args, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stdout.split('\n').filter(Boolean);
  assert.equal(lines[0], 'Simini 等（2012）的辐射模型，含有限规模归一化 1 / (1 - m_i / M)，迁出总量取实际观测值；17 个地区之间的 272 条流动，没有需要拟合的参数');
  assert.match(zh.stdout, /^ +偏差 +对数似然 +AIC +SRMSE +共同部分指数 \(CPC\) +SSI$/m);
  assert.deepEqual(lines.filter((l) => l.startsWith('warning:')), []);
  const warned = lines.filter((l) => l.startsWith('警告：'));
  assert.deepEqual(warned, ['警告：17 行区域内部流动没有辐射模型预测值，未纳入统计量']);
  assertChinese([lines[0], ...warned], 'radiation summary');
  // Only the statistics' abbreviations are Latin (the heads' line).
  assert.deepEqual(lines.filter((l) => LATIN_SENTENCE.test(l) && !/^ +偏差/.test(l)), []);
  const en = tf(...args);
  assert.match(en.stdout, /^Radiation model \(Simini et al\. \(2012\) radiation model with the finite-size normalisation 1 \/ \(1 - m_i \/ M\); outflows observed\), 272 flows between 17 regions; no parameters to fit\n +deviance +log-likelihood +AIC +SRMSE +CPC +SSI$/m);
  assert.match(en.stdout, /^warning: 17 intra-regional rows have no radiation prediction and are left out of the statistics$/m);
  // --json: the English warnings as before, and each coded in the same order.
  const j = JSON.parse(tf(...args, '--json').stdout);
  assert.deepEqual(j.warnings, ['17 intra-regional rows have no radiation prediction and are left out of the statistics']);
  assert.deepEqual(j.messages.warnings.map((m: { code: string; message: string }) => [m.code, m.message]), [['radiation.intraLeftOut', j.warnings[0]]]);
  assert.equal(j.messages.method.message, j.method);
  // Input it cannot take is refused in Chinese too (file, column and region as given).
  const p = join(dir, 'radiation-zero.csv');
  writeFileSync(p, 'o,d,f,km,po,pd\nA,B,1,2,0,3\nB,A,1,2,3,0\n');
  const file = ['fit', 'radiation', '--flows', p, '--origin', 'o', '--destination', 'd', '--flow', 'f', '--distance', 'km', '--origin-pop', 'po'];
  const zero = tf(...file, '--destination-pop', 'pd', '--lang', 'zh');
  assert.equal(zero.code, 1);
  assert.equal(zero.stderr.trim(), '错误：“population”列：地区“A”的人口 0 不是正数');
  assert.equal(tf(...file, '--lang', 'zh').stderr.trim(), '错误：--flows 需要 --destination-pop 列名');
  assert.equal(tf(...file, '--destination-pop', 'pd').stderr.trim(), 'error: column "population": population 0 of region "A" is not a positive number');
  assert.equal(tf(...file).stderr.trim(), 'error: --flows needs --destination-pop COLUMN');
  assert.equal(tf('fit', 'radiation', '--period', '2018,2019', '-w', w, '--lang', 'zh').stderr.trim(), '错误：辐射模型只取一个时期（--period）');
});

test('flows from census stocks: China cities 2010-2020 stored as an estimate with their assumptions', () => {
  const r = tf('estimate', 'flows-from-stocks', '--from', '2010', '--to', '2020', '--level', 'city', '--within', 'CN', '--save', '-w', w, '--json');
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.period, '2010-2020');
  assert.ok(j.stored > 10000);
  assert.ok(j.assumptions.length >= 3);
  assert.ok(j.maxMarginError < 1e-9);
  // Songyuan (220700) lost people between the censuses: 2,880,086 -> 2,252,994.
  assert.ok(j.net['220700'] < -500000);
  const again = tf('estimate', 'flows-from-stocks', '--from', '2010', '--to', '2020', '--level', 'city', '--within', 'CN', '--save', '-w', w, '--json');
  assert.equal(again.code, 0, again.stderr);
  const flows = JSON.parse(tf('flows', '--origin', '220700', '--period', '2010-2020', '-w', w, '--json').stdout);
  const out = flows.rows.reduce((a: number, f: { count: number }) => a + f.count, 0);
  assert.ok(Math.abs(out - j.outTotals['220700']) < 1e-6 * out, 'stored once, not doubled, and equal to the estimated out-total');
});

test('fit gravity says when the robust standard errors are many times the model-based ones (overdispersed flows), in both languages; not when it clusters', () => {
  const args = ['fit', 'gravity', '-w', w, '--level', 'province', '--within', 'CN', '--period', '2000-2010', '--constraint', 'production', '--destination-vars', 'population,gdp_per_capita'];
  const j = JSON.parse(tf(...args, '--json').stdout) as { terms: string[]; standardErrors: Record<string, number>; robustStandardErrors: Record<string, number> };
  const ratio = Math.max(...j.terms.map((t) => j.robustStandardErrors[t] / j.standardErrors[t]));
  // The census-estimated province flows: robust errors hundreds of times the Poisson ones.
  assert.ok(ratio > 100, String(ratio));
  const shown = Math.round(ratio).toLocaleString('en-US');
  const en = tf(...args);
  assert.equal(en.code, 0, en.stderr);
  assert.ok(en.stdout.includes(`note: the robust standard errors are up to ${shown} times the model-based ones: the flows vary far more than a Poisson variance allows`), en.stdout);
  const zh = tf(...args, '--lang', 'zh');
  assert.ok(zh.stdout.includes(`说明：稳健标准误最多是基于模型的标准误的 ${shown} 倍`), zh.stdout);
  const clustered = tf(...args, '--cluster', 'pair');
  assert.equal(clustered.code, 0, clustered.stderr);
  assert.doesNotMatch(clustered.stdout, /robust standard errors are up to/);
  assert.match(clustered.stdout, /clustered by pair \(\d+ clusters\)/);
});

/**
 * `talentflow fit gravity --flows` with the fixest-style options, end to end through the
 * compiled CLI: duplicates refused (both rows named as the file counts them, header = row 1) or
 * summed, missing cells dropped and counted by file column or refused with file, row and column,
 * a repeated single-valued option refused, further fixed effects with an interaction, an offset
 * and two-way clusters carried into the result. The numbers themselves are checked against fixest in test/r-live/gravity-vs-fixest and
 * test/reference/gravity-fixest-trade; here the CLI must give what the library gives on the same
 * rows.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGravity } from '../../src/models/gravity/fit.ts';
import type { GravityData, GravityResult } from '../../src/models/gravity/types.ts';
import { assertChinese, LATIN_SENTENCE } from '../helpers/chinese.ts';
import { runCli } from '../helpers/cli.ts';
import { syntheticGravity } from '../helpers/synthetic.ts';

let dir = '';
const data = syntheticGravity({ n: 7, seed: 303, covariates: true, constant: -3, periods: 2 });
const sector = (r: number): string => `s${(data.origin[r] + 2 * data.destination[r]) % 3}`;
const header = 'orig,dest,year,sector,migrants,km,gdp';
const line = (r: number, flow = String(data.flow[r]), km = data.cost[r].toPrecision(17)): string =>
  [data.regions[data.origin[r]], data.regions[data.destination[r]], data.periods![data.period![r]], sector(r), flow, km, data.covariates!.origin_gdp[r].toPrecision(17)].join(',');
const rows = Array.from(data.flow.keys()).filter((r) => data.origin[r] !== data.destination[r]);
const base = ['fit', 'gravity', '--origin', 'orig', '--destination', 'dest', '--flow', 'migrants', '--cost', 'km', '--period-column', 'year', '--json'];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tf-fit-options-'));
  writeFileSync(join(dir, 'clean.csv'), [header, ...rows.map((r) => line(r))].join('\n') + '\n');
  // File row 5 (the fourth data row; the header is row 1) repeats row 3's key with a flow of 5.
  const dup = rows.map((r) => line(r));
  dup.splice(3, 0, line(rows[1], '5'));
  writeFileSync(join(dir, 'dup.csv'), [header, ...dup].join('\n') + '\n');
  // File row 4 has no flow (NA), row 7 an empty distance.
  const na = rows.map((r) => line(r));
  na[2] = line(rows[2], 'NA');
  na[5] = line(rows[5], String(data.flow[rows[5]]), '');
  writeFileSync(join(dir, 'na.csv'), [header, ...na].join('\n') + '\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (file: string, extra: string[]) => runCli(dir, [...base, '--flows', join(dir, file), ...extra]);
const json = (stdout: string) => JSON.parse(stdout) as GravityResult;

test('duplicate origin-destination-period rows are refused naming both rows; --sum-duplicates adds them up', () => {
  const r = run('dup.csv', ['--constraint', 'doubly']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /dup\.csv/);
  assert.match(r.stderr, /rows 3 and 5 are the same observation/);
  assert.match(r.stderr, /--sum-duplicates/);
  const s = run('dup.csv', ['--constraint', 'doubly', '--sum-duplicates']);
  assert.equal(s.code, 0, s.stderr);
  const m = json(s.stdout);
  assert.equal(m.duplicatesSummed, 1);
  assert.equal(m.nobs, rows.length);
  const summed = Float64Array.from(data.flow);
  summed[rows[1]] += 5;
  const lib = fitGravity({ ...data, flow: summed }, { constraint: 'doubly', decay: 'power', costName: 'km' });
  assert.ok(Math.abs(m.coefficients.km - lib.coefficients.km) <= 1e-9 * Math.abs(lib.coefficients.km), `${m.coefficients.km} vs ${lib.coefficients.km}`);
});

test('missing cells: dropped by default and counted under the file\'s columns; --na error names file, row and column', () => {
  const r = run('na.csv', ['--constraint', 'doubly']);
  assert.equal(r.code, 0, r.stderr);
  const m = json(r.stdout);
  assert.deepEqual(m.dropped, { missing: 2, byColumn: { migrants: 1, km: 1 } });
  assert.equal(m.nobs, rows.length - 2);
  const e = run('na.csv', ['--constraint', 'doubly', '--na', 'error']);
  assert.equal(e.code, 1);
  assert.match(e.stderr, /na\.csv, row 4, column "migrants": migrants is missing/);
});

test('a single-valued option given twice is an error, not the last value silently', () => {
  const r = runCli(dir, ['fit', 'gravity', '--flows', join(dir, 'clean.csv'), '--origin', 'orig', '--destination', 'dest', '--flow', 'migrants', '--cost', 'km',
    '--period-column', 'year', '--period-column', 'sector']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--period-column was given twice \(first "year"\)/);
});

test('--fixed-effects with an interaction, --offset COL:log, two-way --cluster and --ssc fixest reach the fit as the library takes them', () => {
  const r = run('clean.csv', ['--fixed-effects', 'orig^year,dest^year,sector', '--offset', 'gdp:log', '--cluster', 'orig,dest', '--ssc', 'fixest']);
  assert.equal(r.code, 0, r.stderr);
  const m = json(r.stdout);
  assert.deepEqual(m.fixedEffects.map((f) => f.name), ['origin^period', 'destination^period', 'sector']);
  assert.deepEqual(m.cluster?.by, ['origin', 'destination']);
  assert.equal(m.smallSample.name, 'fixest');
  const index = Uint32Array.from(data.flow, (_, r) => Number(sector(r).slice(1)));
  const lib: GravityData = { ...data, offset: Float64Array.from(data.covariates!.origin_gdp, Math.log), categories: { sector: { index, levels: ['s0', 's1', 's2'] } } };
  const want = fitGravity(lib, { constraint: 'unconstrained', decay: 'power', costName: 'km', fixedEffects: ['origin^period', 'destination^period', 'sector'], cluster: ['origin', 'destination'], ssc: 'fixest' });
  for (const key of ['coefficients', 'clusteredStandardErrors'] as const) {
    const a = m[key]!.km;
    const b = want[key]!.km;
    assert.ok(Math.abs(a - b) <= 1e-8 * Math.abs(b), `${key}: CLI ${a}, library ${b}`);
  }
});

test('--lang zh: the refused duplicate and missing cell and how the fit stopped read in Chinese', () => {
  const lines = (stderr: string) => stderr.split('\n').filter(Boolean);
  const d = run('dup.csv', ['--constraint', 'doubly', '--lang', 'zh']);
  assert.equal(d.code, 1);
  assert.deepEqual(lines(d.stderr).map((l) => l.replace(/^错误：.*?dup\.csv，第 5 行：/, '')),
    ["第 3 行和第 5 行是同一观测（迁出地、迁入地、时期相同：" + [data.regions[data.origin[rows[1]]], data.regions[data.destination[rows[1]]], data.periods![data.period![rows[1]]]].join(' / ') + "）；请把它们相加（duplicates: 'sum'，命令行 --sum-duplicates），或把区分它们的列作为固定效应加入"]);
  const e = run('na.csv', ['--constraint', 'doubly', '--na', 'error', '--lang', 'zh']);
  assert.equal(e.code, 1);
  assert.match(e.stderr, /^错误：\S*na\.csv，第 4 行，“migrants”列：migrants 有缺失值/);
  assertChinese(lines(e.stderr).map((l) => l.replace(/^错误：\S*na\.csv/, '')), 'missing value error');
  const f = runCli(dir, [...base.filter((a) => a !== '--json'), '--flows', join(dir, 'na.csv'), '--constraint', 'doubly', '--lang', 'zh']);
  assert.equal(f.code, 0, f.stderr);
  const said = f.stdout.split('\n').filter((l) => /^迭代 \d+ 次，已收敛（/.test(l));
  assertChinese(said, 'stop reason');
  // Without --lang zh the same lines are the English they always were.
  const en = runCli(dir, [...base.filter((a) => a !== '--json'), '--flows', join(dir, 'na.csv'), '--constraint', 'doubly']);
  assert.match(en.stdout, /^Iterations: \d+, converged \(/m);
});

test('--lang zh: a fixed effect that repeats a column is refused in Chinese', () => {
  const r = run('clean.csv', ['--fixed-effects', 'sector^sector', '--lang', 'zh']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^错误：\S*“sector\^sector”重复了同一名称/);
  assertChinese(r.stderr.split('\n').filter(Boolean), 'dimension error');
  // A distance of 0 cannot be logged under power decay: the fit's own check (gravity.data.costBad).
  writeFileSync(join(dir, 'zero.csv'), [header, line(rows[0], undefined, '0'), ...rows.slice(1).map((r) => line(r))].join('\n') + '\n');
  const z = run('zero.csv', ['--lang', 'zh']);
  assert.equal(z.code, 1);
  assert.match(z.stderr, /（第 2 行）的成本 0 不是正数；幂函数衰减要取 log\(成本\)/);
  assertChinese(z.stderr.split('\n').filter(Boolean).map((l) => l.replace(/^错误：\S*zero\.csv/, '')), 'cost error');
});

test('--lang zh: the fit\'s warnings (rows left out for missing values) read in Chinese; English as before without it', () => {
  const zhRun = runCli(dir, [...base.filter((a) => a !== '--json'), '--flows', join(dir, 'na.csv'), '--constraint', 'doubly', '--lang', 'zh']);
  assert.equal(zhRun.code, 0, zhRun.stderr);
  const out = zhRun.stdout.split('\n');
  assert.deepEqual(out.filter((l) => l.startsWith('warning:')), []);
  const warned = out.filter((l) => l.startsWith('警告：'));
  assert.ok(warned.includes('警告：2 行含缺失值，未纳入（按列：flow 1、cost 1）'), warned.join('\n'));
  assertChinese(warned, 'gravity warnings');
  const en = runCli(dir, [...base.filter((a) => a !== '--json'), '--flows', join(dir, 'na.csv'), '--constraint', 'doubly']);
  assert.match(en.stdout, /^warning: 2 rows with missing values were left out \(by column: flow 1, cost 1\)$/m);
});

test('--lang zh: the whole summary (heads, statistics, corrections, fixed effects, offset and save notes) reads in Chinese; English as before', () => {
  const ws = join(dir, 'summary.duckdb');
  assert.equal(runCli(dir, ['init', '-w', ws]).code, 0);
  const args = [...base.filter((a) => a !== '--json'), '--flows', join(dir, 'na.csv'), '--fixed-effects', 'orig^year,sector', '--offset', 'gdp:log', '--cluster', 'orig,dest', '--ssc', 'fixest', '--save', 'm1', '--replace', '-w', ws];
  const zhRun = runCli(dir, [...args, '--lang', 'zh']);
  assert.equal(zhRun.code, 0, zhRun.stderr);
  // The user's own names (files, the offset as typed) are not English sentences.
  const lines = zhRun.stdout.split('\n').map((l) => l.replace('gdp:log', 'T').replaceAll(dir, '').replace(/[^\s：（]+\.(csv|duckdb)/g, 'F'));
  assert.deepEqual(lines.filter((l) => LATIN_SENTENCE.test(l)), []);
  assert.match(zhRun.stdout, /^ +估计值 +标准误 +稳健标准误 +聚类标准误 +z 值 +p 值$/m);
  const said = lines.filter((l) => /^(引力模型|系数|显著性标记|小样本校正|固定效应|零偏差|残差偏差|对数似然|伪 R²|说明：)/.test(l) || /条流动|行含缺失值，未纳入/.test(l));
  assert.equal(said.length, 14, said.join('\n'));
  assertChinese(said, 'gravity summary');
  assert.ok(said.includes('说明：模型已保存为“m1”（F）'), said.join('\n'));
  assert.ok(said.includes('说明：偏移项 T：F 的“gdp”列的对数，以系数 1 进入线性预测项'), said.join('\n'));
  const en = runCli(dir, args).stdout;
  for (const line of [/^Gravity model: unconstrained, power decay in km, Poisson PML$/m, /^Coefficients:\n +Estimate +Std\. Error +Robust SE +Cluster SE +z value +Pr\(>\|z\|\)$/m,
    /^Signif\. codes: .* \(z from the clustered by origin \(7 clusters\) and destination \(7 clusters\) standard errors\)$/m, /^Small-sample correction: fixest's default: \(n-1\)\/\(n-K\), K counting fixed effects nested, G\/\(G-1\) \(min\); variances multiplied by /m,
    /^Fixed effects \(concentrated out, not shown\): origin\^period \(\d+\), sector \(3\); see --json for their values$/m, /^2 rows with missing values left out \(migrants: 1, km: 1\)$/m,
    /^ {4}Null deviance: \S+\nResidual deviance: \S+ on \d+ degrees of freedom\nLog-likelihood: \S+ {3}AIC: \S+ {3}BIC: \S+\nPseudo-R²: \S+ \(adj\. \S+\) {3}SRMSE: \S+ {3}CPC: \S+ {3}SSI: \S+$/m,
    /^note: offset gdp:log: log of column "gdp" of \S*na\.csv, entering the linear predictor with coefficient 1$/m, /^note: saved as model "m1" in \S*summary\.duckdb$/m]) assert.match(en, line);
});

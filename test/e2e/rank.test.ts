import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese, LATIN_SENTENCE } from '../helpers/chinese.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

// `talentflow rank` on the demo workspace (bundled China census indicators), built once for this file.
const demo = demoSuite('talentflow-rank-');

function tf(...args: string[]) {
  return runCli(demo.dir, args);
}
interface Row { code: string; name: string | null; rank: number; score: number; contributions: Record<string, number> }
interface Out { index: { indicators: string[]; weights: Record<string, number>; rows: Row[]; excluded: string[] }; rankChange?: { byRegion: Record<string, { change: number }> }; sensitivity?: { rows: { code: string; baseRank: number; medianRank: number; interval90: [number, number] }[] } }
const rank = (...args: string[]): Out => {
  const r = tf('rank', ...args, '-w', demo.workspace, '--json');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Out;
};

test('the example index ranks China\'s cities; contributions add up to the score', () => {
  const out = rank('--example', 'china-cities');
  const rows = out.index.rows;
  assert.deepEqual(out.index.indicators, ['growth(population,2010,2020)', 'share_age_15_59@2020', 'share_age_65@2020', 'log(population@2020)']);
  assert.ok(rows.length > 340, `${rows.length} cities ranked`);
  assert.equal(rows.length + out.index.excluded.length, 367);
  rows.forEach((r, i) => assert.ok(i === 0 || r.rank >= rows[i - 1].rank));
  for (const r of rows) assert.ok(Math.abs(Object.values(r.contributions).reduce((a, b) => a + b, 0) - r.score) < 1e-12);
  assert.equal(rows[0].code, '440300', 'Shenzhen first: fastest growth, youngest');
  const ne = rank('--example', 'china-cities', '--show', 'northeast');
  assert.ok(ne.index.rows.length >= 33 && ne.index.rows.every((r) => /^2[123]/.test(r.code)));
});

test('all weight on one indicator reproduces that indicator\'s order (share 65+, less is better); sensitivity keeps it', () => {
  const out = rank('--example', 'china-cities', '--weighting', 'user', '--weights', 'share_age_65@2020=1', '--sensitivity', '50', '--seed', '7');
  const ind = JSON.parse(tf('indicators', 'share_age_65', '--level', 'city', '--period', '2020', '-w', demo.workspace, '--json').stdout) as { region: string; value: number }[];
  const value = new Map(ind.map((r) => [r.region, r.value]));
  const rows = out.index.rows;
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [value.get(rows[i - 1].code) as number, value.get(rows[i].code) as number];
    assert.ok(a <= b, `${rows[i - 1].code} (${a}) before ${rows[i].code} (${b})`);
    if (a === b) assert.equal(rows[i].rank, rows[i - 1].rank, 'ties share a rank');
  }
  for (const s of out.sensitivity?.rows ?? []) assert.deepEqual([s.medianRank, ...s.interval90], [s.baseRank, s.baseRank, s.baseRank]);
});

test('rank change between periods and the other normalisations and weightings run', () => {
  const out = rank('--indicators', 'population:+,share_age_65:-', '--level', 'city', '--within', '辽宁', '--period', '2020', '--compare-period', '2010');
  assert.equal(out.index.rows.length, 14);
  assert.equal(Object.keys(out.rankChange?.byRegion ?? {}).length, 14);
  assert.equal(Object.values(out.rankChange?.byRegion ?? {}).reduce((s, r) => s + r.change, 0), 0);
  for (const args of [['--normalisation', 'zscore', '--weighting', 'entropy'], ['--normalisation', 'rank', '--weighting', 'pca']]) {
    const r = rank('--example', 'china-cities', ...args);
    assert.ok(Math.abs(Object.values(r.index.weights).reduce((a, b) => a + b, 0) - 1) < 1e-9);
  }
  const bad = tf('rank', '--indicators', 'nosuch@2020', '--level', 'city', '-w', demo.workspace);
  assert.equal(bad.code, 1);
  // An indicator the workspace does not hold is named, with those it does (4264296).
  assert.match(bad.stderr, /unknown indicator "nosuch"\. Indicators in this workspace: .*\bpopulation\b/);
});

test('--lang zh: the index\'s warnings read in Chinese, regions by name; English without it, regions by their own names', () => {
  const zh = tf('rank', '--example', 'china-cities', '--top', '3', '-w', demo.workspace, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stderr.split('\n').filter(Boolean);
  assert.deepEqual(lines.filter((l) => l.startsWith('warning:')), []);
  const warned = lines.filter((l) => l.startsWith('警告：'));
  // Regions by their Chinese names, as the table names them, not by code (220500 is 通化市).
  assert.match(warned.join('\n'), /^警告：12 个地区因缺少数值未参与排名：通化市、/m);
  assert.doesNotMatch(warned.join('\n'), /\d{6}/);
  assertChinese(warned, 'rank warnings');
  // The note on the contribution columns of a --wide table.
  const wide = tf('rank', '--example', 'china-cities', '--top', '3', '-w', demo.workspace, '--lang', 'zh', '--wide');
  assert.match(wide.stdout, /^得分之后各列：各指标对得分的贡献（权重 × 归一化值）；各列之和即为得分$/m);
  assert.doesNotMatch(wide.stdout, /columns after score/);
  // No --lang: regions as the table names them, each in its own language (220500 is 通化市, 460300 三沙市), as other commands do.
  const en = tf('rank', '--example', 'china-cities', '--top', '3', '-w', demo.workspace);
  assert.match(en.stderr, /^warning: 12 region\(s\) excluded for missing values: 通化市, 三沙市, /m);
  assert.doesNotMatch(en.stderr, /\d{6}/);
  // The rank change's warning too.
  const change = tf('rank', '--indicators', 'population:+,share_age_65:-', '--level', 'city', '--period', '2020', '--compare-period', '2010', '--top', '1', '-w', demo.workspace);
  assert.equal(change.code, 0, change.stderr);
  assert.match(change.stderr, /^warning: the two indices rank different sets of regions \(.*: 通化市, 三沙市\)/m);
  assert.doesNotMatch(change.stderr, /\d{6}/);
  // --lang en: English names.
  const named = tf('rank', '--example', 'china-cities', '--top', '3', '-w', demo.workspace, '--lang', 'en');
  assert.match(named.stderr, /^warning: 12 region\(s\) excluded for missing values: Tonghua, /m);
  assert.doesNotMatch(named.stderr, /\d{6}/);
});

test('--lang zh: the index line, how the index is made, the table heads and the sensitivity line read in Chinese; English as before without it', () => {
  const args = ['rank', '--example', 'china-cities', '--top', '3', '--compare-period', '2010', '--sensitivity', '20', '--wide', '-w', demo.workspace];
  const zh = tf(...args, '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  const lines = zh.stdout.split('\n').filter(Boolean);
  assert.match(lines[0], /^指数：中国地级市人口活力（2010 与 2020 年人口普查）：/);
  assert.equal(lines[1], '最小-最大归一化，等权：growth(population,2010,2020) + 0.250、share_age_15_59@2020 + 0.250、share_age_65@2020 - 0.250、log(population@2020) + 0.250');
  assert.match(zh.stdout, /^排名 +代码 +名称 +得分 +growth\(population,2010,2020\) +share_age_15_59@2020 +share_age_65@2020 +log\(population@2020\) +2010 年排名 +变化 +排名中位数 +90% 区间$/m);
  assert.match(zh.stdout, /^敏感性：20 次狄利克雷权重抽样（集中参数 50），种子 1$/m);
  // Every line but those naming the terms as written (log(population@2020)) is free of English (options aside).
  assert.deepEqual(lines.filter((l, i) => i !== 1 && !/^排名 /.test(l) && LATIN_SENTENCE.test(l.replace(/--[a-z-]+( N)?/g, ''))), []);
  assertChinese([lines[0], ...lines.filter((l) => l.startsWith('敏感性'))], 'rank lines');
  // Numbered term columns (a narrow terminal): the key's line ends in a Chinese colon, not an English one.
  const keyed = tf('rank', '--example', 'china-cities', '--top', '3', '-w', demo.workspace, '--lang', 'zh');
  assert.doesNotMatch(keyed.stdout, /:$/m);
  if (keyed.stdout.includes('[1] ')) assert.match(keyed.stdout, /^\[n\]：各指标对得分的贡献（权重 × 归一化值）：$/m);
  const en = tf(...args).stdout;
  assert.match(en, /^index: demographic vitality of China's prefecture-level cities/m);
  assert.match(en, /^min-max normalisation, equal weights: growth\(population,2010,2020\) \+ 0\.250, share_age_15_59@2020 \+ 0\.250, share_age_65@2020 - 0\.250, log\(population@2020\) \+ 0\.250$/m);
  assert.match(en, /^rank +code +name +score +growth\(population,2010,2020\) +share_age_15_59@2020 +share_age_65@2020 +log\(population@2020\) +rank 2010 +change +median rank +90% interval$/m);
  assert.match(en, /^sensitivity: 20 Dirichlet weight draws \(concentration 50\), seed 1$/m);
  // The request's own errors too (field as given); English as before.
  const err = (...more: string[]) => tf('rank', '--example', 'china-cities', '-w', demo.workspace, ...more).stderr.trim();
  assert.equal(err('--normalisation', 'foo', '--lang', 'zh'), '错误：normalisation：未知的归一化方法“foo”（minmax、zscore 或 rank）');
  assert.equal(err('--weighting', 'user', '--weights', 'x=1', '--lang', 'zh'), '错误：weights：未知指标“x”的权重；指标为：growth(population,2010,2020)、share_age_15_59@2020、share_age_65@2020、log(population@2020)');
  assert.equal(err('--normalisation', 'foo'), 'error: normalisation: unknown normalisation "foo" (minmax, zscore or rank)');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../helpers/chinese.ts';
import { demoSuite, runCli } from '../helpers/cli.ts';

// Issue 12 item 8, the commands cli-errors.test.ts left uncovered: a region search that finds
// nothing, a cohort or stock-table definition not stored, a period without flows given to
// measures and fits, a misspelt level given to fits, a misspelt indicator or year in a ranking.
// Each was an internal error (exit 2), an empty result or a misleading "no flows within KR".
const demo = demoSuite('talentflow-cli-unknown-');
const tf = (...args: string[]) => runCli(demo.dir, [...args, '-w', demo.workspace]);

function userError(args: string[], pattern: RegExp): void {
  const r = tf(...args);
  assert.equal(r.code, 1, `${args.join(' ')}: exit 1, got ${r.code}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, `${args.join(' ')}: no internal error or stack trace`);
  assert.match(r.stderr, pattern, args.join(' '));
}

test('a region search that finds nothing is an empty list saying the closest names, not an internal error', () => {
  const r = tf('regions', 'zzzz');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /0 regions\nnote: no region matches "zzzz" in its code, names or aliases; closest: \S+ \/ \w+ \(\d+, city\)/);
  // In Chinese, the closest names as region.unknown's Chinese gives them (沈阳市（210100，市级）).
  const zh = tf('regions', '沈阳x', '--lang', 'zh');
  assert.equal(zh.code, 0, zh.stderr);
  assert.match(zh.stdout, /\n说明：没有代码、名称或别名与“沈阳x”相符的地区；最接近的：沈阳市（210100，市级）、/);
  const note = zh.stdout.split('\n').filter((l) => l.startsWith('说明'));
  assertChinese(note, 'regions 沈阳x --lang zh');
  assert.doesNotMatch(note.join('\n'), /Shenyang|city/);
  const filtered = tf('regions', '瀋陽', '--level', 'province');
  assert.equal(filtered.code, 0, filtered.stderr);
  assert.match(filtered.stdout, /note: "瀋陽" names regions, but none of them passes the other filters \(--level, --within\)/);
});

test('a region group is found by its name without the suffix, as people say it: 东北, 東北 for 东北地区', () => {
  for (const name of ['东北', '東北', '东北地区', 'Northeast']) {
    const r = tf('regions', '--within', name, '--level', 'province', '--json');
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout).map((x: { code: string }) => x.code), ['210000', '220000', '230000'], name);
  }
});

test('a cohort or stock-table definition that is not stored lists those that are', () => {
  userError(['flows', '--cohort', 'education=foo'], /unknown cohort "education=foo"\. There are no cohorts of flows in this workspace/);
  userError(['measures', 'summary', '--period', '2019', '--within', 'KR', '--cohort', 'foo=bar'], /unknown cohort "foo=bar"/);
  userError(['stocks', '--definition', 'census lifetime'], /unknown stock table definition "census lifetime"; did you mean "census lifetime migrants .*"\? Definitions of stock tables in this workspace: census lifetime migrants/);
});

test('measures and fits refuse a period without flows and a misspelt level, listing what exists', () => {
  const periods = /unknown period "2099"\. Periods with flows in this workspace: 2000-2010, .*2019, 2020/;
  userError(['measures', 'net', '--period', '2099'], periods);
  userError(['measures', 'change', '--from', '2015', '--to', '2099', '--within', 'KR'], periods);
  userError(['fit', 'gravity', '--period', '2099', '--within', 'KR'], periods);
  const levels = /unknown level "provnce"; did you mean "province"\? Levels in this workspace: country, province/;
  userError(['fit', 'gravity', '--period', '2019', '--within', 'KR', '--level', 'provnce'], levels);
  userError(['fit', 'radiation', '--period', '2019', '--within', 'KR', '--level', 'provnce'], levels);
  // A census interval without flows is still answered from the censuses.
  const census = tf('measures', 'net', '--period', '2000-2020', '--level', 'province', '--within', 'CN', '--json');
  assert.equal(census.code, 0, census.stderr);
  assert.equal(JSON.parse(census.stdout).source, 'census');
});

test('a ranking with a misspelt indicator or a year without indicators lists what exists', () => {
  userError(['rank', '--indicators', 'populaton:+', '--level', 'city', '--within', '辽宁', '--period', '2020'], /unknown indicator "populaton"; did you mean "population"\? Indicators in this workspace: /);
  userError(['rank', '--indicators', 'population:+', '--level', 'city', '--within', '辽宁', '--period', '2099'], /unknown period "2099"\. Periods with indicators in this workspace: 2000, .*2020/);
});

test('fit choice refuses a university or graduation year the person records do not hold, listing those they do', () => {
  userError(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--university', 'Northeastern Univ'],
    /unknown university "Northeastern Univ"; did you mean "Northeastern University"\? Universities of the person records in this workspace: Dalian University of Technology, Northeastern University/);
  userError(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--year', '2099'], /unknown graduation year "2099"\. Graduation years of the person records: 2015, 2016/);
  userError(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--interactions', 'degre:income'], /interactions\[0\]: person:alternative with person one of degree, major, university/);
});

test('--lang zh: an unknown university or graduation year is said in Chinese, the universities by their Chinese names (value.unknown)', () => {
  const zh = (args: string[]) => {
    const r = tf(...args, '--lang', 'zh');
    assert.equal(r.code, 1, r.stderr);
    assertChinese([r.stderr.trim()], args.join(' '));
    return r.stderr.trim();
  };
  assert.equal(zh(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--university', 'Northeastern']),
    '错误：没有院校“Northeastern”；是否指 “东北大学”？本工作区的毕业生记录中的院校：大连理工大学、东北大学');
  assert.equal(zh(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--university', 'Northeastern University', '--year', '2099']),
    '错误：没有毕业年份“2099”。东北大学 的毕业年份：2015、2016');
  assert.equal(zh(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--year', '2099']), '错误：没有毕业年份“2099”。毕业生记录中的毕业年份：2015、2016');
  // A university by the ids and names report graduates takes (NEU, 东北大学) is the stored one.
  for (const u of ['NEU', '东北大学']) assert.equal(zh(['fit', 'choice', '--persons', '--alternative-vars', 'income', '--university', u, '--year', '2099']), '错误：没有毕业年份“2099”。东北大学 的毕业年份：2015、2016');
  assert.equal(zh(['report', 'graduates', '--university', 'DUT', '--year', '2030']), '错误：没有毕业年份“2030”。大连理工大学 的毕业年份：2015、2016');
  userError(['report', 'graduates', '--university', 'DUT', '--year', '2030'], /^error: unknown graduation year "2030"\. Graduation years of Dalian University of Technology: 2015, 2016$/m);
  // Degrees by their Chinese names, with the id the flag takes.
  assert.equal(zh(['report', 'graduates', '--degree', 'bachelr']), '错误：没有学历“bachelr”；是否指 “本科（bachelor）”？2016 届毕业生中的学历：本科（bachelor）、博士（doctor）、硕士（master）');
  userError(['report', 'graduates', '--degree', 'bachelr'], /^error: unknown degree "bachelr"; did you mean "bachelor"\? Degrees of the 2016 graduates: bachelor, doctor, master$/m);
});

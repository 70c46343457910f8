// Errors of a destination-choice fit (choice-fit.ts): the English the library and the CLI wrote
// before codes, word for word, each with its code; every code read in Chinese with no English
// sentence left, as the Models tab and `talentflow fit choice --lang zh` say them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { SpecError } from '../errors.ts';
import { fitConditionalLogit, fitNestedLogit, simulateChoices } from '../../models/logit/index.ts';
import { fitNamingClusters } from '../../store/choice/cluster-error.ts';
import { CHOICE_FIT_MESSAGES } from './choice-fit.ts';
import { coded, renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

test('the English of the choice-fit errors is what the library and the CLI wrote before codes', () => {
  assert.equal(coded('choicefit.noGroups', { groups: ['northeast', 'west'] }).message, 'no region group "northeast", "west" in the workspace (import groups, e.g. data/china/groups.json)');
  assert.equal(coded('choicefit.noPersons', { universities: ['NEU'], years: ['2016', '2017'] }).message, 'no person records of NEU in 2016, 2017 (import them with talentflow import persons)');
  assert.equal(coded('choicefit.noPersons', { universities: [], years: [] }).message, 'no person records (import them with talentflow import persons)');
  assert.equal(coded('choicefit.attributeGap', { name: '西藏自治区', code: '540000', indicator: 'wage', year: 2016, more: 2 }).message,
    "西藏自治区 (540000): wage has no value for 2016 or an earlier year (and 2 more region-years); with missing 'listwise' such regions are left out of that year's choice sets");
  assert.equal(coded('choicefit.tooFewRegions', { count: 1, level: 'city', within: '110000', area: null, levels: [] }).message,
    '1 region at level "city" in 110000: a choice needs two or more (levels there: none)');
  // In Chinese the area by its name where the error carries it, a Latin name set apart by spaces (as choice.definition).
  // Known levels by their Chinese (省级, 市级); one the workspace does not know as typed.
  const few = (area: { code: string; zh: string | null; en: string | null } | null, lvl = 'district') => messageIn(coded('choicefit.tooFewRegions', { count: 0, level: lvl, within: 'northeast', area, levels: ['province'] }), 'zh');
  assert.equal(few({ code: 'northeast', zh: '东北地区', en: 'Northeast' }), '东北地区内只有 0 个“district”层级的地区：选择至少需要两个（该地区内的层级：省级）');
  assert.equal(few({ code: 'northeast', zh: null, en: 'Northeast' }), 'Northeast 内只有 0 个“district”层级的地区：选择至少需要两个（该地区内的层级：省级）');
  assert.equal(few({ code: 'northeast', zh: '东北地区', en: 'Northeast' }, 'city'), '东北地区内只有 0 个市级地区：选择至少需要两个（该地区内的层级：省级）');
  assert.equal(coded('choicefit.unknownIndicator', { names: ['wage'], all: [] }).message, 'no indicator named "wage" in the workspace (indicators: none; import some)');
  assert.equal(coded('choicefit.cli.otherForm', { flags: ['--level', '--alternative-vars'], file: true, save: false }).message,
    "--level, --alternative-vars apply to --persons (the workspace's graduate records), not --data");
  assert.equal(coded('choicefit.cli.otherForm', { flags: ['--vars'], file: false, save: false }).message, "--vars applies to --data FILE, not the workspace's graduate records");
});

test('a nest naming an alternative the data lack is a coded SpecError with the English as before', () => {
  const { data } = simulateChoices({ nCases: 100, nAlternatives: 3, coefficients: { x1: 1 }, seed: 5 });
  const labelled = { ...data, alternatives: ['a', 'b', 'c'] };
  assert.throws(() => fitNestedLogit(labelled, { terms: ['x1'], nests: [{ name: 'n', alternatives: ['a', 'z'] }] }), (e: unknown) => {
    assert.ok(e instanceof SpecError && e.text?.code === 'choicefit.nestAlternativeUnknown', String(e));
    assert.equal(e.message, 'nests[0]: alternative "z" is not in the data (alternatives: a, b, c)');
    return true;
  });
});

test('every choice-fit error reads in Chinese, with no English sentence left', () => {
  const codes = Object.keys(CHOICE_FIT_MESSAGES) as (MessageCode & keyof typeof CHOICE_FIT_MESSAGES)[];
  // File paths and commands a message names (data/china/groups.json, talentflow import persons) are no sentence.
  const named = /\S+\.json\b|talentflow( [a-z]+)+/g;
  assertChinese(codes.map((code) => {
    const params = CHOICE_FIT_MESSAGES[code].example;
    return messageIn({ code, params, message: renderMessage(code, params as never) }, 'zh').replace(named, '');
  }), 'choice-fit errors');
});

test('too few clusters: the English as before, named by what the clusters were made of, in Chinese too', () => {
  const { data } = simulateChoices({ nCases: 60, nAlternatives: 3, coefficients: { x1: 1, x2: -1 }, seed: 6, clusters: 2 });
  const byFile = { column: 'grp', file: 'modes.csv' };
  assert.throws(() => fitNamingClusters(byFile, () => fitConditionalLogit(data, { terms: ['x1', 'x2'], vcov: 'clustered' })), (e: unknown) => {
    assert.ok(e instanceof SpecError && e.text?.code === 'choicefit.tooFewClusters', String(e));
    assert.match(e.message, /^cluster: clusters by column "grp" of modes\.csv: 2 cluster\(s\) for 2 coefficients: a cluster-robust covariance from G clusters has rank at most G - 1, so with G <= K \(2 <= 2\)/);
    const zh = messageIn({ ...e.text, message: e.message.slice('cluster: '.length) }, 'zh');
    assert.match(zh, /^按 modes\.csv 的“grp”列聚类：2 个聚类对应 2 个系数/);
    assertChinese([zh.replace(/Cameron & Miller|modes\.csv/g, '')], 'too few clusters');
    return true;
  });
});

// Errors of a destination-choice fit (choice-fit.ts): the English the library and the CLI wrote
// before codes, word for word, each with its code; every code read in Chinese with no English
// sentence left, as the Models tab and `talentflow fit choice --lang zh` say them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { SpecError } from '../errors.ts';
import { fitNestedLogit, simulateChoices } from '../../models/logit/index.ts';
import { CHOICE_FIT_MESSAGES } from './choice-fit.ts';
import { coded, renderMessage, type MessageCode } from './index.ts';
import { messageIn } from './zh.ts';

test('the English of the choice-fit errors is what the library and the CLI wrote before codes', () => {
  assert.equal(coded('choicefit.noGroups', { groups: ['northeast', 'west'] }).message, 'no region group "northeast", "west" in the workspace (import groups, e.g. data/china/groups.json)');
  assert.equal(coded('choicefit.noPersons', { universities: ['NEU'], years: ['2016', '2017'] }).message, 'no person records of NEU in 2016, 2017 (import them with talentflow import persons)');
  assert.equal(coded('choicefit.noPersons', { universities: [], years: [] }).message, 'no person records (import them with talentflow import persons)');
  assert.equal(coded('choicefit.attributeGap', { name: '西藏自治区', code: '540000', indicator: 'wage', year: 2016, more: 2 }).message,
    "西藏自治区 (540000): wage has no value for 2016 or an earlier year (and 2 more region-years); with missing 'listwise' such regions are left out of that year's choice sets");
  assert.equal(coded('choicefit.tooFewRegions', { count: 1, level: 'city', within: '110000', levels: [] }).message,
    '1 region at level "city" in 110000: a choice needs two or more (levels there: none)');
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

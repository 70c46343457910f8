// The Models tab's coded messages in Chinese (web/src/i18n/messages-zh-models.ts): indicators by
// the page's Chinese label with their unit, places by name, person categories and money units in
// Chinese, and the English kept only in ids (log_disposable_income_pc) a user can look up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageFormat } from '../../src/core/messages/index.ts';
import { ZH_MESSAGES } from '../../web/src/i18n/messages-zh.ts';

const CHINESE: MessageFormat = {
  lang: 'zh',
  number: (n) => n.toLocaleString('zh-CN'),
  place: (p) => p.zh ?? p.en ?? p.code,
  list: (items, max = Infinity) => `${items.slice(0, max).join('、')}${items.length > max ? ` 等 ${items.length} 个` : ''}`,
  source: (text) => text,
};

test('a choice model\'s notes and willingness to pay name indicators, units and categories in Chinese', () => {
  assert.equal(ZH_MESSAGES['choice.note.term']({ term: 'log_disposable_income_pc', indicator: 'disposable_income_pc', unit: 'yuan per person per year', transform: 'log', byDefault: true }, CHINESE),
    'log_disposable_income_pc：人均可支配收入（元/人·年），取对数（默认）');
  assert.equal(ZH_MESSAGES['choice.note.interaction']({ attribute: 'degree', term: 'log_disposable_income_pc', categories: ['doctor', 'master'], base: 'bachelor' }, CHINESE),
    'log_disposable_income_pc 与学历的交互：博士、硕士，对照本科（人数最多的类别）');
  assert.equal(ZH_MESSAGES['choice.note.listwise']({ regions: [{ code: '540000', zh: '西藏自治区', en: 'Tibet' }], year: 2020 }, CHINESE), '逐个删除：西藏自治区因缺少属性未纳入 2020 年的选择集');
  assert.equal(ZH_MESSAGES['choice.wtp.definition']({
    unit: 'yuan a month', term: 'wage', indicator: 'wage', indicatorUnit: null, transform: 'identity', mean: '', factor: '0.0833333', fromSpec: true, baseOf: null,
  }, CHINESE), '每单位属性变化的价值（元/月）：与之价值相当的wage变化量（× 0.0833333 换算为元/月）；由设定指定');
  assert.equal(ZH_MESSAGES['choice.definition']({ persons: 15652, alternatives: 31, level: 'province', within: 'CN', area: null, outside: true, nested: false }, { ...CHINESE, place: (p) => (p.code === 'CN' ? '中国' : p.code) }),
    '15,652 名毕业生在 31 个备选项（中国的省级地区，以及未就业/继续深造）之间的去向选择，条件 logit 模型，极大似然估计');
  // A group by the names the model carries (the page's regions hold no group), a name in Latin letters set apart.
  const northeast = { persons: 4418, alternatives: 3, level: 'province', within: 'northeast', outside: false, nested: false };
  assert.equal(ZH_MESSAGES['choice.definition']({ ...northeast, area: { code: 'northeast', zh: '东北地区', en: 'Northeast' } }, CHINESE),
    '4,418 名毕业生在 3 个备选项（东北地区的省级地区）之间的去向选择，条件 logit 模型，极大似然估计');
  assert.equal(ZH_MESSAGES['choice.definition']({ ...northeast, area: null }, CHINESE), '4,418 名毕业生在 3 个备选项（northeast 的省级地区）之间的去向选择，条件 logit 模型，极大似然估计');
});

test('a scenario\'s note of base-year attributes taken from an earlier year reads whole in Chinese', () => {
  assert.equal(ZH_MESSAGES['scenario.choice.baselineAttributes']({ indicator: 'weather_air_temperature_x10', year: 2021, from: 2020, regions: 31 }, CHINESE),
    '基准属性：气温：31 个地区 2021 年的数值取自 2020 年（最近的较早年份）');
});

test('a gravity fit\'s data and identification errors in Chinese', () => {
  assert.equal(ZH_MESSAGES['gravity.input.indicatorMissing']({
    indicator: 'share_age_65', role: 'origin', offset: false, regions: [{ code: '210100', zh: '沈阳市' }, { code: '210200', zh: '大连市' }], periods: ['2020', '2020'], count: 7,
  }, CHINESE), '指标“65 岁及以上人口占比”（迁出地属性）缺少以下地区的数值：沈阳市（2020）、大连市（2020） 等 7 处');
  assert.equal(ZH_MESSAGES['gravity.input.unknownIndicator']({
    indicator: 'gdp', role: 'destination', offset: true, within: null, periods: ['2019'], inPeriods: [], otherPeriods: [],
  }, CHINESE), '未知指标“gdp”（迁入地的偏移项）：地区在 2019 没有任何指标（请先导入指标）');
  assert.equal(ZH_MESSAGES['gravity.collinearWithEffects']({ term: 'origin_population', effects: ['origin', 'destination^period'] }, CHINESE),
    '项“origin_population”与迁出地和迁入地×时期固定效应共线（在其中没有变化），其系数无法识别；请去掉该项或更换约束方式');
  assert.equal(ZH_MESSAGES['gravity.input.noFlows']({ period: '1999', within: null }, CHINESE), '工作区中没有 1999 时期的流动');
});

// Every coded message the server can emit (src/core/messages: coded() accepts only its codes)
// has an English and a Chinese template: the catalogue is walked, each code's example rendered
// in both languages. A Chinese rendering must be Chinese (CJK characters, no English sentence
// left), both free of "undefined", "NaN" and "[object"; and the page's Chinese table holds no
// code the catalogue lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGLISH, MESSAGES, renderMessage, type MessageCode, type MessageFormat, type MessageParams } from '../../src/core/messages/index.ts';
import { LIBRARY_ZH } from '../../src/core/messages/zh.ts';
import { furtherRows, type FurtherRows } from '../../web/src/i18n/further-rows.ts';
import { ZH_MESSAGES } from '../../web/src/i18n/messages-zh.ts';

const CHINESE: MessageFormat = {
  lang: 'zh',
  number: (n, digits) => n.toLocaleString('zh-CN', digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  place: (p) => p.zh ?? p.en ?? p.code,
  list: (items, max = Infinity) => `${items.slice(0, max).join('、')}${items.length > max ? ` 等 ${items.length} 个` : ''}`,
  source: (text) => text,
};

const codes = Object.keys(MESSAGES) as MessageCode[];
const broken = /undefined|NaN|\[object/;

test('the catalogue has codes in the form area.topic.detail', () => {
  assert.ok(codes.length >= 40, `${codes.length} codes`);
  assert.deepEqual(codes.filter((c) => !/^[a-z]+(\.[a-zA-Z]+)+$/.test(c)), []);
});

test('every code has an English template that renders its example', () => {
  for (const code of codes) {
    const text = renderMessage(code, MESSAGES[code].example as never, ENGLISH);
    assert.ok(text.trim().length > 0, code);
    assert.doesNotMatch(text, broken, code);
  }
});

test('every code has a Chinese template that renders its example in Chinese', () => {
  const missing = codes.filter((c) => typeof (ZH_MESSAGES as Record<string, unknown>)[c] !== 'function');
  assert.deepEqual(missing, [], 'codes without a Chinese template');
  const extra = Object.keys(ZH_MESSAGES).filter((c) => !(c in MESSAGES));
  assert.deepEqual(extra, [], 'Chinese templates of codes the catalogue no longer has');
  for (const code of codes) {
    const render = ZH_MESSAGES[code] as (p: MessageParams, f: MessageFormat) => string;
    const text = render(MESSAGES[code].example, CHINESE);
    assert.match(text, /[\u4e00-\u9fff]/, `${code}: ${text}`);
    assert.doesNotMatch(text, broken, code);
    assert.notEqual(text, renderMessage(code, MESSAGES[code].example as never, ENGLISH), code);
    // Three English words in a row are a sentence left untranslated (names of fields and
    // commands are single tokens: baseline.borrowedTerms, destination_wage, talentflow fit ...).
    const english = text.match(/\b(?!talentflow\b|fit\b|gravity\b|GET\b|api\b)[A-Za-z]{2,}\b \b[a-z]{2,}\b \b[a-z]{2,}\b/);
    if (english && !JSON.stringify(MESSAGES[code].example).includes(english[0])) assert.fail(`${code}: English left in "${text}"`);
  }
});

test('Chinese names regions by their Chinese names where the message carries them', () => {
  const render = ZH_MESSAGES['scenario.cohort.smallCellsLeftOut'];
  const text = render({ count: 2, k: 10, regions: [{ code: '230000', zh: '黑龙江省', en: 'Heilongjiang' }, { code: '220000', zh: '吉林省', en: 'Jilin' }] }, CHINESE);
  assert.equal(text, '2 个地区的毕业生记录少于 10 条，未纳入队列（小单元规则，显示为 <10）：黑龙江省、吉林省');
});

test('warnings and errors the dashboard meets read in Chinese with names, lists and counts', () => {
  const unknown = ZH_MESSAGES['value.unknown']({ what: 'period', given: '2099', near: [], valid: ['2000-2010', '2010-2020'], count: 2, plural: 'periods with flows', where: 'in this workspace', hint: null, list: true }, CHINESE);
  assert.equal(unknown, '没有时期“2099”。本工作区的有流动数据的时期：2000-2010、2010-2020');
  const excluded = ZH_MESSAGES['rank.excludedMissing']({ count: 12, regions: [{ code: '220500', zh: '通化市' }, { code: '460300' }] }, CHINESE);
  assert.equal(excluded, '12 个地区因缺少数值未参与排名：通化市、460300 等');
  const ancestor = ZH_MESSAGES['measure.noAncestor']({ rows: 686, level: 'city' }, CHINESE);
  assert.equal(ancestor, '686 行存储的流动有一端在市级没有上级地区，未纳入');
  // The English a coded warning writes is the text the library wrote before codes (tests and saved results read it).
  assert.equal(renderMessage('measure.noAncestor', { rows: 686, level: 'city' }), '686 stored flow row(s) have an end with no ancestor at level city and are left out');
  assert.equal(renderMessage('value.unknown', { what: 'level', given: 'provinec', near: ['province'], valid: ['country', 'province', 'city'], count: 3, plural: 'levels', where: 'in this workspace', hint: null, list: true }),
    'unknown level "provinec"; did you mean "province"? Levels in this workspace: country, province, city');
});

test('unknown cohorts, stock table definitions and universities are named in Chinese (value.unknown)', () => {
  const render = (what: string, plural: string) => ZH_MESSAGES['value.unknown']({ what, given: 'x1', near: [], valid: ['a1', 'b2'], count: 2, plural, where: 'in this workspace', hint: null, list: true }, CHINESE);
  assert.equal(render('cohort', 'cohorts of flows'), '没有队列“x1”。本工作区的流动数据的队列：a1、b2');
  assert.equal(render('stock table definition', 'definitions of stock tables'), '没有存量表定义“x1”。本工作区的存量表的定义：a1、b2');
  assert.equal(render('university', 'universities of the person records'), '没有院校“x1”。本工作区的毕业生记录中的院校：a1、b2');
  // The synthetic cohort's majors by their discipline category, with the id the flag takes.
  const major = ZH_MESSAGES['value.unknown']({ what: 'major', given: 'enginering', near: ['engineering'], valid: ['arts', 'engineering', 'x9'], count: 3, plural: 'majors of the person records', where: 'in this workspace', hint: null, list: true }, CHINESE);
  assert.match(major, /^没有专业“enginering”；是否指 “工学（engineering）”？.*艺术学（arts）、工学（engineering）、x9$/);
});

test('an input error\'s further bad rows follow its problem as the CLI lists them, each in the page\'s language; region names have one Chinese, the library\'s', () => {
  // As the server sends them (core/errors.ts InputError.toJSON): a refused CSV row and a repeated flow.
  const body: FurtherRows = {
    more: ['row 4: Expected Number of Columns: 3 Found: 4', 'row 6: 1 more row repeats its flow'],
    moreCoded: [
      { row: 4, messageCode: 'file.csvRowMore', params: { problem: 'tooManyColumns', detail: 'Expected Number of Columns: 3 Found: 4' } },
      { row: 6, messageCode: 'imports.flowRepeated', params: { others: 1 } },
    ],
  };
  const zh = (m: { code: string; params: MessageParams }) => (ZH_MESSAGES[m.code as MessageCode] as (p: MessageParams, f: MessageFormat) => string)(m.params, CHINESE);
  assert.equal(furtherRows(body, true, zh), '；另有：第 4 行：列数过多（应有 3 列，实有 4 列；值中是否有未加引号的分隔符？）；第 6 行：其流动在另外 1 行重复出现');
  assert.equal(furtherRows(body, false, (m) => m.message), '; also: row 4: Expected Number of Columns: 3 Found: 4; row 6: 1 more row repeats its flow');
  assert.equal(furtherRows({ more: [] }, true, zh), '');
  assert.equal(ZH_MESSAGES['region.unknown'], LIBRARY_ZH['region.unknown']);
  // A flows file's further unknown names: each with its row and column, then a count of the rest.
  const names: FurtherRows = {
    more: ['row 3, column "dest": unknown region "沈阳x"', 'and 2 more unrecognised names'],
    moreCoded: [
      { row: 3, column: 'dest', messageCode: 'region.unknown', params: { what: 'region', text: '沈阳x', closest: [], groups: [] } },
      { messageCode: 'imports.moreUnknownNames', params: { count: 2 } },
    ],
  };
  assert.equal(furtherRows(names, true, zh), '；另有：第 3 行，“dest”列：没有地区“沈阳x”；还有 2 个名称无法识别');
  assert.equal(furtherRows(names, false, (m) => m.message), '; also: row 3, column "dest": unknown region "沈阳x"; and 2 more unrecognised names');
});

test('a measure\'s and a scenario\'s Chinese is the library\'s, one copy the CLI prints (measures, scenario run --lang zh) and the page shows', () => {
  for (const code of ['measure.definition', 'measure.method', 'measure.assumption.estimatedRows', 'measure.retention.noStayers', 'measure.unknown', 'scenario.payment.set', 'scenario.synthetic.records'] as const) {
    assert.ok(Object.hasOwn(LIBRARY_ZH, code), code);
    assert.equal(ZH_MESSAGES[code], (LIBRARY_ZH as Record<string, unknown>)[code], code);
  }
  const method = { code: 'measure.method', params: { measure: 'retention', years: 10, per: 1000, k: 5, estimated: true }, message: '' };
  assert.equal((ZH_MESSAGES['measure.method'] as (p: MessageParams, f: MessageFormat) => string)(method.params, CHINESE), '留存率 = 留居者（迁出地 = 迁入地）/ 队列（留居者 + 迁出）（估计的流动）');
});

test('the flows-from-stocks estimate\'s warnings have the library\'s Chinese, one copy `estimate --lang zh` prints and the page shows', () => {
  for (const code of ['stocks.ipfNotConverged', 'stocks.seedUnused', 'stocks.minimumMigration', 'stocks.tooManyBirths', 'stocks.diagonalFromPopulation', 'stocks.matrixOutside', 'stocks.totalsNotConverged', 'stocks.regionsSkipped'] as const) {
    assert.ok(Object.hasOwn(LIBRARY_ZH, code), code);
    assert.equal(ZH_MESSAGES[code], (LIBRARY_ZH as Record<string, unknown>)[code], code);
  }
});

test('the flows-from-stocks estimate\'s assumptions, definition, source, method and refusals have the library\'s Chinese too, and its English is as the CLI has always printed it', () => {
  const ours = codes.filter((c) => /^(ffs|census|stocks)\.(assumption|birthplace|method|definition|source|cli)\b|^census\.(method|definition|source)$|^stocks\.(naturalDataMissing|priorTooFew|priorNoneSoFew|noCentroid|noPopulation|populationTooSmall|tooFewPopulations)$/.test(c));
  assert.ok(ours.length >= 40, `${ours.length} codes`);
  for (const code of ours) {
    assert.ok(Object.hasOwn(LIBRARY_ZH, code), code);
    assert.equal(ZH_MESSAGES[code], (LIBRARY_ZH as Record<string, unknown>)[code], code);
  }
  // English word for word (as stored with the demo's estimates before these were coded).
  assert.equal(renderMessage('census.assumption.closingRate', { rate: 0.0056544 }), 'natural change rate 0.5654% a year in every region, chosen so the national total has zero net migration (closed system: all national growth is natural)');
  assert.equal(renderMessage('stocks.assumption.prior', { power: 1, weight: '0.1040', target: 68610957, factor: 1.5, minimum: 45740638 }),
    'log-linear prior: distance^-1 between region centroids and a weight 0.1040 on staying, calibrated so that 68,610,957 people move (1.5 times the 45,740,638 of the minimum-migration estimate: an assumption)');
  assert.equal(renderMessage('stocks.method.otherFields', { fields: ['--natural'], method: 'census-residual', given: 'census-residual', missing: [], from: 2000, to: 2010 }),
    '--natural applies only to the birthplace method, not to census-residual (method census-residual given)');
  // A region the message gives by code is named by the front-end's place(): the CLI's by the workspace's Chinese names.
  const named: MessageFormat = { ...CHINESE, place: (p) => (p.code === 'AT11' ? '布尔根兰州' : p.code) };
  assert.equal(ZH_MESSAGES['stocks.regionsSkipped']({ regions: ['AT11', 'AT12'] }, named), '2 个地区缺少两次普查的人口，未纳入：布尔根兰州、AT12');
  assert.equal(ZH_MESSAGES['census.assumption.gravityPrior']({ originExponent: 1, destinationExponent: 1, form: 'power', parameter: -0.9, decaySource: 'doubly gravity fit (distance_km = -0.900000)' }, CHINESE),
    '流动按引力先验 m_i^1 m_j^1 d_ij^-0.9 调整到总量（衰减固定的双约束引力模型，衰减取自双约束引力模型的拟合（distance_km = -0.900000））；不含地区内部迁移');
});

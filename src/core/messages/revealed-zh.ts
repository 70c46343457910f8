import { CHOICE_MESSAGES_ZH, PERSON_ATTRIBUTE_ZH, categoryZh } from './choice-zh.ts';
import { CHOICE_WARNING_MESSAGES_ZH } from './choice-warn-zh.ts';
import { indicatorZh, unitZh } from './indicator-zh.ts';
import type { MessageFormat, MessageParams } from './message.ts';
import type { REVEALED_MESSAGES } from './revealed.ts';
import { NORMALISATION_ZH, WEIGHTING_ZH } from './stat-zh.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a revealed-preference ranking (revealed.ts), here rather than with the dashboard's
 * Chinese because `talentflow rank --weights choice:MODEL --lang zh` prints it. Indicators,
 * normalisations and weightings by the names the Rankings tab gives them (stat-zh.ts,
 * indicator-zh.ts); terms as the model names them.
 */
type Template = (p: MessageParams, f: MessageFormat) => string;
const WARNINGS = CHOICE_WARNING_MESSAGES_ZH as unknown as Readonly<Record<string, Template>>;
/** Kinds of saved models (src/store/models.ts). */
const MODEL_KIND_ZH: Readonly<Record<string, string>> = { gravity: '引力', choice: '去向选择', radiation: '辐射', stocks: '存量' };
const method = (normalisation: string, weighting: string) => `${NORMALISATION_ZH[normalisation] ?? normalisation}，${WEIGHTING_ZH[weighting] ?? weighting}`;

export const REVEALED_MESSAGES_ZH: ZhOf<typeof REVEALED_MESSAGES> = {
  'revealed.utilityDefinition': () => '拟合的选择模型所显示的各备选地区的系统效用：各地区属性的系数 ×（取值 − 各备选地区的均值）之和，交互项取平均选择者；不含距离项和家乡项（即对一位各地同样近、且都不是其家乡的参照毕业生而言）',
  'revealed.moneyNotPositive': (p) => `货币项的系数不为正（${p.coefficient}）：以货币计的数值没有意义`,
  'revealed.interactionWeight': (p, f) => `${p.term}：权重 ${p.weight}，即拟合所用毕业生中${PERSON_ATTRIBUTE_ZH[p.attribute] ?? p.attribute}为${categoryZh(p.attribute, p.category, f)}者的占比`,
  'revealed.moneyValues': (p, f) => `货币值：效用 ÷（效用对 ${p.term} 的导数），在拟合所用毕业生的平均处计算，单位为${unitZh(p.unit)}；${CHOICE_MESSAGES_ZH['choice.wtp.definition'](p, f)}`,
  'revealed.declaredGiven': (p) => `设定权重的指数：${p.terms.join('、')}，${method(p.normalisation, p.weighting)}`,
  'revealed.declaredDefault': (p) => `设定权重的指数：排名所读取的模型地区指标（${p.indicators.map((x) => indicatorZh(x, null)).join('、')}；${p.year} 年或最近的较早年份），均为越大越好，${method(p.normalisation, p.weighting)}`,
  'revealed.splitYears': (p) => `留出 ${p.years.join('、')} 年毕业的毕业生`,
  'revealed.splitShare': (p) => `随机留出 ${p.percent}% 的毕业生（种子 ${p.seed}）`,
  'revealed.validationDefinition': () => '留出毕业生的对数似然与命中率（预测概率最高的地区恰为其去向的毕业生占比），所用 logit 模型在其余毕业生上拟合；越高越好',
  'revealed.modelSource': (p) => `工作区的个人记录（${p.synthetic ? '合成数据（SYNTHETIC）' : p.kind === 'observed' ? '实际' : p.kind}）与指标${p.indicators.length ? p.indicators.map((x) => indicatorZh(x, null)).join('、') : '（无）'}`,
  'revealed.spec.noModelName': () => '请在 choice: 之后给出已保存的选择模型，例如 --weights choice:northeast-choice',
  'revealed.spec.bothHoldouts': () => '请给出 --holdout-years 或 --holdout-share 之一，不能同时给出',
  'revealed.spec.notYears': (p) => `“${p.value}”不是年份列表`,
  'revealed.spec.shareOutside': (p) => `${p.value} 不在 (0, 1) 内`,
  'revealed.spec.notYear': (p) => `“${p.value}”不是年份：选择模型的属性按单一年份读取`,
  'revealed.spec.notApplicable': (p) => `${p.flag} 不适用于 weights choice:MODEL（排名的是模型的地区；其系数抽样给出区间）`,
  'revealed.spec.notChoiceModel': (p) => `模型“${p.model}”是${MODEL_KIND_ZH[p.kind] ?? ` ${p.kind} `}模型；显示性偏好排名需要去向选择模型（talentflow fit choice --save）`,
  'revealed.spec.noPlaceAttribute': (p) => `模型“${p.model}”没有地区属性（只有 ${p.terms.join('、')}）：无从排名`,
  'revealed.spec.noValue': (p) => `指标“${p.indicator}”在 ${p.year} 年及更早年份都没有 ${p.region} 的数值`,
  'revealed.spec.declaredMissing': (p) => `设定权重的指数没有 ${p.regions.join('、')}${p.count > p.regions.length ? ` 等 ${p.count} 个地区` : ''} 的得分（未参与排名：${p.excluded.join('、') || '无'}）；请换用其他指标或 --missing impute-mean`,
  'revealed.spec.noGraduates': (p) => `模型中没有 ${p.years.join('、')} 年毕业的毕业生（毕业年份：${p.present.join('、')}）`,
  'revealed.spec.splitShare': (p) => `应在 (0, 1) 内，现为 ${p.value}`,
  'revealed.spec.splitEmpty': (p) => `这样划分后${p.nothingToFit ? '没有可用于拟合的毕业生' : '没有留出的毕业生'}`,
  'revealed.fitWarning': (p, f) => {
    const zh = p.text && Object.hasOwn(WARNINGS, p.text.code) ? WARNINGS[p.text.code] : undefined;
    return `${p.terms.join(' + ')}：${zh && p.text ? zh(p.text.params, f) : p.warning}`;
  },
};

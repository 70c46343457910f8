import type { MessageCode } from '../../../src/core/messages/index.ts';
import { categoryZh, PERSON_ATTRIBUTE_ZH } from '../../../src/core/messages/choice-zh.ts';
import { indicatorZh } from '../../../src/core/messages/indicator-zh.ts';
import { universityZh } from './messages-zh-analysis.ts';
import type { Templates } from './messages-zh.ts';

/**
 * Chinese for the catalogue's gravity messages (src/core/messages/gravity.ts): a gravity fit's
 * errors on the workspace's data, its specification and terms the data cannot identify. (A choice
 * model's definition, notes and willingness to pay are the library's Chinese, choice-zh.ts, which
 * the CLI prints too.) Indicators by their Chinese names (core/messages/indicator-zh.ts). Part of
 * ZH_MESSAGES (messages-zh.ts), which checks that every code has its template.
 */

/** A person attribute and one of its categories in Chinese (学历：博士), as the Models tab names interaction terms. */
export const personCategoryZh = (attribute: string, c: string): string => `${PERSON_ATTRIBUTE_ZH[attribute] ?? attribute}：${categoryZh(attribute, c, { university: universityZh })}`;

/** The ends of a flow and the fixed-effect dimensions (origin^period: 迁出地×时期). */
const ROLE: Record<string, string> = { origin: '迁出地', destination: '迁入地', pair: '地区对', period: '时期' };
const dimension = (d: string) => d.split('^').map((a) => ROLE[a] ?? a).join('×');
const roleZh = (p: { role: string; offset: boolean }) => `${ROLE[p.role] ?? p.role}${p.offset ? '的偏移项' : '属性'}`;
const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');

/** The codes whose Chinese is here. */
export type ModelCode = Exclude<Extract<MessageCode, `gravity.${string}`>, `gravity.data.${string}`>;

export const ZH_MODELS: Pick<Templates, ModelCode> = {
  'gravity.input.noPeriods': () => '请选择要建模的流动时期（--period）',
  'gravity.input.noFlows': (p, f) => `工作区中没有${p.within ? `${f.place({ code: p.within })}内` : ''} ${p.period} 时期的流动`,
  'gravity.input.noCentroid': (p, f) => `以下地区没有中心点，无法计算距离：${f.list(p.regions.map(f.place))}`,
  'gravity.input.unknownIndicator': (p, f) => {
    const head = `未知指标“${indicatorZh(p.indicator, null)}”（${roleZh(p)}）：${p.within ? `${f.place({ code: p.within })}内的` : ''}地区在 ${p.periods.join('、')} `;
    const names = (xs: readonly string[]) => f.list(xs.map((x) => indicatorZh(x, null)), 30);
    if (p.inPeriods.length) return `${head}没有它的数值；这些时期已有的指标：${names(p.inPeriods)}`;
    return `${head}没有任何指标${p.otherPeriods.length ? `；其他时期的指标：${names(p.otherPeriods)}` : '（请先导入指标）'}`;
  },
  'gravity.input.indicatorMissing': (p, f) => `指标“${indicatorZh(p.indicator, null)}”（${roleZh(p)}）缺少以下地区的数值：${p.regions.map((r, i) => `${f.place(r)}（${p.periods[i]}）`).join('、')}${p.count > 5 ? ` 等 ${f.number(p.count)} 处` : ''}`,

  'gravity.spec.notObject': () => '模型设定必须是一个对象',
  'gravity.spec.notOneOf': (p) => `“${p.value}”不是可选值之一（${p.allowed.join('、')}）`,
  'gravity.spec.notEither': (p) => `“${p.value}”应为 ${p.allowed.join(' 或 ')}`,
  'gravity.spec.emptyName': () => '必须是非空的名称',
  'gravity.spec.termsNotArray': () => '必须是列名或 { column, transform } 的数组',
  'gravity.spec.termNoColumn': () => '缺少列名',
  'gravity.spec.badTransform': (p) => `变换“${p.value}”应为 log 或 identity`,
  'gravity.spec.unknownColumn': (p) => `数据中没有列“${p.column}”（协变量：${p.known.join('、') || '无'}）`,
  'gravity.spec.termTwice': (p) => `项“${p.term}”出现两次（或与成本变量同名）`,
  'gravity.spec.periodEffectsNeedPeriod': () => '时期固定效应需要时期数据（面板）',
  'gravity.spec.perPeriodNeeds': () => '需要时期数据（面板）和有约束的模型',
  'gravity.spec.notInUnitInterval': (p) => `${p.value} 不在 (0, 1) 内`,
  'gravity.spec.notPositiveInteger': (p) => `${p.value} 不是正整数`,
  'gravity.spec.clusterNotArray': () => '必须是维度名称的数组',
  'gravity.spec.clusterTooMany': (p) => `${p.count} 个维度：最多 4 个（多维聚类公式的项数随每增加一维而加倍）`,

  'gravity.collinearWithEffects': (p) => `项“${p.term}”与${p.effects.length ? `${p.effects.map(dimension).join('和')}固定效应` : '截距'}共线（在其中没有变化），其系数无法识别；请去掉该项或更换约束方式`,
  'gravity.collinear': (p) => `项“${p.term}”与${p.partners.length ? quoted(p.partners) : '前面的项'}共线（去除固定效应后），系数无法识别；请去掉其中一项`,
};

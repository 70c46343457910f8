import type { CHOICE_MESSAGES } from './choice.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for the warnings of the logit fits (choice.ts `choice.warn.*`), here rather than with
 * the dashboard's Chinese because `talentflow fit choice --lang zh` prints them too and may not
 * import the page. Terms and nests stay as named.
 */
type WarnCode = Extract<keyof typeof CHOICE_MESSAGES, `choice.warn.${string}`>;
const MONEY_KIND: Record<string, string> = { income: '收入', cost: '成本' };

export const CHOICE_WARNING_MESSAGES_ZH: Pick<ZhOf<typeof CHOICE_MESSAGES>, WarnCode> = {
  'choice.warn.notIterated': (p) => `在初始值处求值，未迭代（最大迭代次数为 0；该处牛顿减量 ${p.decrement}）`,
  'choice.warn.notConverged': (p, f) => `${f.number(p.iterations)} 次迭代后未收敛（牛顿减量 ${p.decrement}，容差 ${p.tolerance}）；估计值为最后一次迭代的结果`,
  'choice.warn.precision': (p) => `在对数似然的数值精度处停止（没有步长能再提高它；牛顿减量 ${p.decrement} 高于容差 ${p.tolerance}）`,
  'choice.warn.lineSearch': (p, f) => `${f.number(p.iterations)} 次迭代后，沿牛顿方向的任何步长都不能提高对数似然（牛顿减量 ${p.decrement}）`,
  'choice.warn.singleAlternative': (p, f) => `${f.number(p.cases)} 个个案只有一个可选项，不提供信息（无论系数如何，其概率都是 1）`,
  'choice.warn.fewClusters': (p, f) => `只有 ${f.number(p.clusters)} 个聚类：聚类较少时聚类稳健标准误偏小（Cameron & Miller 2015）`,
  'choice.warn.moneyNotSignificant': (p) => `${MONEY_KIND[p.kind] ?? p.kind}变量“${p.term}”的系数不显著（z = ${p.z}）：支付意愿的比值及其区间不可靠`,
  'choice.warn.moneySign': (p) => `${MONEY_KIND[p.kind] ?? p.kind}变量“${p.term}”的系数符号与预期相反（${p.coefficient}）：支付意愿的符号与通常的解读相反`,
  'choice.warn.lambdaOutOfRange': (p) => `嵌套“${p.nest}”：λ = ${p.lambda}（标准误 ${p.standardError}）不在 (0, 1] 内：模型并非对所有属性值都与效用最大化一致（McFadden 1978）${p.includesOne ? `；其 ${p.level}% 置信区间包含 1` : ''}；可考虑其他嵌套方式或条件 logit 模型`,
};

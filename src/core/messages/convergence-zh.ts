import type { MessageFormat } from './message.ts';
import type { CONVERGENCE_MESSAGES } from './convergence.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for how fits stop and why they fail to converge (convergence.ts), here rather than with
 * the dashboard's Chinese because the CLI prints them too (`--lang zh`) and may not import the page.
 */
const fromSubsample = (every: number | null, f: MessageFormat) => (every !== null ? `（以每 ${f.number(every)} 个个案取一个的子样本估计值为初始值）` : '');

export const CONVERGENCE_MESSAGES_ZH: ZhOf<typeof CONVERGENCE_MESSAGES> = {
  'stop.ppml.maxIterations': (p, f) => `已达到最大迭代次数（${f.number(p.maxIterations)}），牛顿步长仍未低于容差`,
  'stop.ppml.remainingStep': (p) => `已收敛：剩余的牛顿步长（相对值 ${p.relative}）对对数似然的改变小于其舍入误差`,
  'stop.ppml.lineSearch': () => '线搜索失败：沿牛顿方向的任何步长都不能提高似然',
  'stop.ppml.finalStep': (p) => `已收敛：最后一个牛顿步长（相对值 ${p.relative}）对对数似然的改变小于其舍入误差`,
  'stop.ppml.smallStep': (p) => `最后一个牛顿步长 ${p.step}（相对于 |β| + 标准误）低于容差的平方根 ${p.threshold}：剩余误差约为其平方`,

  'stop.logit.decrement': (p, f) => `${f.number(p.iterations)} 次迭代后牛顿减量 g′(−H)⁻¹g = ${p.decrement}，低于容差 ${p.tolerance}${fromSubsample(p.every, f)}`,
  'stop.logit.notIterated': (p, f) => `在初始值处求值（最大迭代次数为 0）${fromSubsample(p.every, f)}`,
  'stop.logit.iterationLimit': (p, f) => `已达到迭代次数上限 ${f.number(p.iterations)}${fromSubsample(p.every, f)}`,
  'stop.logit.precision': (p, f) => `${f.number(p.iterations)} 次迭代后，在机器精度下已无法继续提高${fromSubsample(p.every, f)}`,
  'stop.logit.lineSearch': (p, f) => `${f.number(p.iterations)} 次迭代后线搜索失败${fromSubsample(p.every, f)}`,

  'converge.ppml.nonFinite': () => '初始值下的似然不是有限数（请检查协变量中的极端值）',
  'converge.logit.singular': (p, f) => `第 ${f.number(p.iterations)} 次迭代时信息矩阵奇异（第 ${p.column} 列），无法计算标准误`,
  'converge.logit.nonFinite': () => '初始值处的对数似然或其梯度不是有限数（效用溢出：请调整属性的尺度或给出初始值）',
  'converge.nested.hessian': (p, f) => `最后一次迭代处的 Hessian 矩阵不是负定的（${f.number(p.iterations)} 次迭代）：没有标准误；请尝试其他初始值或减少嵌套`,
};

import type { LOGIT_MESSAGES } from './logit.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for the logit models' input and option errors (logit.ts), as `talentflow fit choice
 * --lang zh` and the Models tab say them. Array names, fields and type names stay as typed.
 */
const KIND: Record<string, string> = { income: '收入', cost: '成本' };

export const LOGIT_MESSAGES_ZH: ZhOf<typeof LOGIT_MESSAGES> = {
  'logit.data.notObject': () => '选择数据必须是一个对象',
  'logit.data.nCases': (p) => `nCases 必须是正整数，实际为 ${p.value}`,
  'logit.data.notIntArray': (p) => `${p.array} 必须是 Int32Array`,
  'logit.data.rowsDiffer': (p) => `${p.array === null ? '' : `${p.array} `}有 ${p.rows} 行，而 caseIndex 有 ${p.expected} 行`,
  'logit.data.caseOutside': (p) => `caseIndex ${p.case} 超出范围 [0, ${p.cases})`,
  'logit.data.notContiguous': (p) => `个案 ${p.case} 的行不连续（在其他个案的行之后再次出现）：请按个案把行排在一起`,
  'logit.data.alternativeNegative': (p) => `altIndex ${p.alternative} 为负数`,
  'logit.data.noLabel': (p) => `altIndex ${p.alternative} 没有标签（只给出了 ${p.labels} 个备选项）`,
  'logit.data.emptyCase': (p) => `个案 ${p.case} 没有任何行（每个个案至少需要一个可选的备选项）`,
  'logit.data.alternativeTwice': (p) => `备选项 ${p.alternative} 在个案 ${p.case} 中出现了两次`,
  'logit.data.chosenType': () => 'chosen 必须是 Uint8Array（0/1）或计数的 Float64Array',
  'logit.data.chosenBad': (p) => `chosen 必须是大于等于 0 的有限计数，实际为 ${p.value}`,
  'logit.data.noChoice': (p) => `个案 ${p.case} 没有被选中的备选项`,
  'logit.data.noColumn': (p) => `数据中没有列“${p.column}”（已有列：${p.columns.join('、') || '无'}）`,
  'logit.data.notFloatArray': () => '必须是 Float64Array',
  'logit.data.notFinite': (p) => `数值 ${p.value} 不是有限数`,
  'logit.data.perCase': (p) => `${p.array} 必须是每个个案一个${p.array === 'caseWeight' ? '数值的 Float64Array' : '编号的 Int32Array'}（共 ${p.cases} 个个案）`,
  'logit.data.weightBad': (p) => `个案 ${p.case} 的权重必须是大于等于 0 的有限数，实际为 ${p.value}`,
  'logit.data.groupNegative': (p) => `个案 ${p.case} 的组编号 ${p.group} 为负数`,

  'logit.spec.notObject': () => '模型设定必须是一个对象',
  'logit.spec.noTerms': () => '至少需要一个列名',
  'logit.spec.termName': () => '必须是非空的列名',
  'logit.spec.termTwice': (p) => `项“${p.term}”出现了两次`,
  'logit.spec.offset': () => '必须是一个列名，且不能同时是模型的项',
  'logit.spec.notTerm': (p) => `“${p.name}”不是模型的项`,
  'logit.spec.startNotFinite': (p) => `“${p.name}”的初始值必须是有限数，实际为 ${p.value}`,
  'logit.spec.notOneOf': (p) => `“${p.value}”不是 ${p.allowed.join('、')} 之一`,
  'logit.spec.clusteredNeedsCluster': () => '聚类标准误需要 data.cluster',
  'logit.spec.notInUnitInterval': (p) => `${p.value} 不在区间 (0, 1) 内`,
  'logit.spec.notIterations': (p) => `${p.value} 不是大于等于 0 的整数`,

  'logit.notAttribute': (p) => `“${p.term}”不是模型的备选项属性项${p.terms ? `（已有：${p.terms.join('、')}）` : ''}`,
  'logit.wtp.notIncomeOrCost': (p) => `“${p.value}”应为 income（${KIND.income}）或 cost（${KIND.cost}）`,
  'logit.wtp.scaleNotPositive': (p) => `必须是正数，实际为 ${p.value}`,
  'logit.wtp.noClustered': () => '结果中没有聚类协方差（拟合时没有 data.cluster）',
  'logit.wtp.moneyZero': (p) => `“${p.term}”的系数为 ${p.coefficient}：无法构成比值`,
  'logit.wtp.moneyItself': () => '金额项不能以自身计价',

  'logit.nests.none': () => '至少需要一个嵌套 { name, alternatives }',
  'logit.nests.noName': () => '需要非空的名称',
  'logit.nests.clash': (p) => `嵌套参数“${p.term}”与同名的模型项冲突`,
  'logit.nests.notNest': (p) => `“${p.name}”不是嵌套`,
  'logit.nests.startNotPositive': (p) => `“${p.name}”的初始值必须大于 0，实际为 ${p.value}`,
  'logit.nests.parametrisation': (p) => `“${p.value}”应为 lambda 或 mu`,
  'logit.noCoefficient': (p) => `结果中没有“${p.term}”的有限系数`,
  'logit.chosenRows': (p) => `chosen 有 ${p.rows} 行，而数据有 ${p.expected} 行`,
  'logit.aggregateMode': (p) => `“${p.value}”应为 weights 或 counts`,
  'logit.atLeastTwo': (p) => `必须是大于等于 2 的整数，实际为 ${p.value}`,
  'logit.positiveInteger': (p) => `必须是正整数，实际为 ${p.value}`,
  'logit.notInHalfOpen': (p) => `${p.value} 不在区间 (0, 1] 内`,
  'logit.sample.columnExists': (p) => `列“${p.column}”已存在`,
  'logit.sample.notOneChosen': (p) => `个案 ${p.case} 没有恰好一行 chosen = 1（抽样需要非汇总的选择数据）`,
  'logit.sample.weight': (p) => `备选项 ${p.alternative} 的权重必须是大于 0 的有限数，实际为 ${p.value}`,
};

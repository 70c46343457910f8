import type { GRAVITY_OPTION_MESSAGES } from './gravity-options.ts';
import type { ZhOf } from './zh-of.ts';

/** Chinese for the gravity model's dimension, small-sample and prediction errors (gravity-options.ts). */
const DIMENSION: Record<string, string> = { origin: '迁出地', destination: '迁入地', period: '时期', pair: '地区对' };
const KIND: Record<string, string> = { origin: '迁出地', destination: '迁入地' };
const CONSTRAINT: Record<string, string> = { production: '生产约束', attraction: '吸引约束', doubly: '双约束', unconstrained: '无约束' };

export const GRAVITY_OPTION_MESSAGES_ZH: ZhOf<typeof GRAVITY_OPTION_MESSAGES> = {
  'effects.emptyName': () => '必须是非空的名称或交互项 a^b',
  'effects.periodNeedsPanel': () => '“period”需要时期数据（面板）',
  'effects.unknown': (p) => `“${p.name}”不是数据的维度（已有：${p.known.map((k) => DIMENSION[k] ?? k).join('、')}）`,
  'effects.repeats': (p) => `“${p.text}”重复了同一名称`,
  'effects.pairTooMany': (p) => `${p.regions} 个地区过多，无法设地区对固定效应`,

  'ssc.notChoice': (p) => `“${p.value}”应为 none、fixest 或选项对象`,
  'ssc.unknownOption': (p) => `未知选项“${p.option}”（可用：adj、fixefK、clusterAdj、clusterDf）`,
  'ssc.notBoolean': () => '必须是 true 或 false',
  'ssc.notOneOf': (p) => `“${p.value}”应为 ${p.allowed.join('、')} 之一`,

  'predict.missingColumn': (p) => `新数据缺少项“${p.term}”所需的列“${p.column}”`,
  'predict.needsPeriod': () => '模型含时期效应：新数据需要时期',
  'predict.periodNotFitted': (p) => `时期“${p.period}”不在拟合数据中；含时期效应的无约束模型无法外推到该时期`,
  'predict.noTotals': (p) => `该${CONSTRAINT[p.constraint] ?? p.constraint}模型没有${KIND[p.kind] ?? p.kind}总量`,
  'predict.noTotal': (p) => `没有“${p.key}”的${KIND[p.kind] ?? p.kind}总量：请在新数据中给出 ${p.kind}Totals`,
  'predict.unequalTotals': (p) => `迁出地总量之和为 ${p.origin}，迁入地总量之和为 ${p.destination}；双约束预测要求两者相等`,
  'predict.levelNotFitted': (p) => `水平“${p.level}”（第 ${p.row} 行）不在拟合数据中，没有对应的效应`,
  'predict.needsPeriodEffects': () => '模型含按时期的效应：新数据需要时期',
  'predict.needsCategory': (p) => `模型含按“${p.atom}”的效应：新数据需要类别列“${p.atom}”`,

  'arrays.rowsDiffer': (p) => `有 ${p.rows} 行，而 ${p.against} 有 ${p.expected} 行`,
  'arrays.regionIndex': (p) => `地区索引 ${p.index} 超出了 ${p.regions} 个地区的范围`,
  'arrays.periodIndex': (p) => `时期索引 ${p.index} 超出了 ${p.periods} 个时期的范围`,
};

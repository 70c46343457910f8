/**
 * The Chinese words of model results that the dashboard (web/src/i18n/zh.ts) and the CLI's fit
 * summaries (src/cli/summary-words.ts) both print: table heads, fit statistics, a gravity
 * model's constraint and decay, money units. One place, so the two never name a statistic
 * differently.
 */
export const STAT_ZH = {
  coefficients: '系数',
  estimate: '估计值',
  standardError: '标准误',
  zValue: 'z 值',
  pValue: 'p 值',
  interval: '置信区间',
  nobs: '观测数',
  deviance: '偏差',
  logLikelihood: '对数似然',
  nullLogLikelihood: '零模型对数似然',
  pseudoR2: '伪 R²',
  iterations: '迭代次数',
  converged: '已收敛',
  cpc: '共同部分指数 (CPC)',
  term: '变量',
  destination: '去向',
  observed: '实际',
  predicted: '预测',
  shares: '去向：实际与预测份额',
} as const;

/** A gravity model's constraint (`--constraint`), as the page's select and the CLI's summary name it. */
export const CONSTRAINT_ZH = {
  unconstrained: '无约束',
  production: '产生约束（迁出总量）',
  attraction: '吸引约束（迁入总量）',
  doubly: '双约束',
} as const;

/** Its distance decay (`--decay`). */
export const DECAY_ZH = { power: '幂函数 (d^β)', exponential: '指数函数 (e^βd)' } as const;

/** Money units of willingness to pay (src/store/choice/money.ts, src/models/logit/wtp.ts). */
export const MONEY_UNIT_ZH: Readonly<Record<string, string>> = { 'yuan a month': '元/月', 'yuan per month': '元/月', 'yuan a year': '元/年' };

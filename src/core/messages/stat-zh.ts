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

/** A composite index's normalisation and weighting (src/rank), as the Rankings tab and `talentflow rank --lang zh` name them. */
export const NORMALISATION_ZH: Readonly<Record<string, string>> = { 'min-max': '最小-最大归一化', 'z-score': 'z 分数标准化', rank: '按名次归一化' };
export const WEIGHTING_ZH: Readonly<Record<string, string>> = { equal: '等权', user: '指定权重', entropy: '熵权', pca: '第一主成分权重' };

/** The words of a ranking's table (the Rankings tab's and `talentflow rank --lang zh`'s). */
export const RANK_ZH = {
  index: '指数',
  rank: '排名',
  code: '代码',
  name: '名称',
  score: '得分',
  change: '变化',
  medianRank: '排名中位数',
  utility: '效用',
} as const;

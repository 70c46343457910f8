import type { GravityResult } from '../models/index.ts';
import { CONSTRAINT_ZH, DECAY_ZH, MONEY_UNIT_ZH, STAT_ZH } from '../core/messages/stat-zh.ts';
import { levelZh } from '../core/messages/level-zh.ts';
import type { CliLang } from './lang.ts';

/**
 * The words of the fit summaries (model-summary.ts, choice-summary.ts) in each language: the
 * English laid out as R's summary.glm and summary(clogit) print, the Chinese with the page's
 * statistical terms (core/messages/stat-zh.ts). A summary picks one set by `--lang`; numbers are
 * formatted by the summary, the same in both.
 */
export interface SummaryWords {
  readonly coefficients: string;
  readonly estimate: string;
  readonly standardError: string;
  readonly robustSe: string;
  readonly clusterSe: string;
  readonly zValue: string;
  readonly pValue: string;
  interval(level: number): string;
  /** The significance legend's line, `basis` saying which standard errors the z values use. */
  signif(basis: string): string;
  /** A dimension of fixed effects or clusters (origin, origin^period, a file's column). */
  dimension(d: string): string;
  gravityTitle(r: Pick<GravityResult, 'constraint' | 'decay' | 'costName'>): string;
  gravitySize(nobs: string, regions: number, periods: number | null): string;
  zBasis(by: { dims: readonly string[]; groups: readonly number[] } | 'pair' | 'model'): string;
  smallSample(text: string): string;
  /** Robust standard errors many times the model-based ones (overdispersed counts), `ratio` the largest. */
  robustLarger(ratio: string): string;
  ssc: {
    none: string;
    adj(fixefK: string): string;
    noAdj: string;
    clusterAdj(clusterDf: string): string;
    noClusterAdj: string;
    factors(fixest: boolean, parts: readonly string[], model: string, robust: string, clustered: string | null, k: number | null): string;
  };
  /** A fixed effect's dimension and, where known, its number of levels. */
  effect(name: string, levels: number | null): string;
  fixedEffects(list: readonly string[]): string;
  missingRows(rows: number, byColumn: readonly (readonly [string, number])[]): string;
  nullDeviance(x: string): string;
  residualDeviance(x: string, df: number): string;
  gravityFit(ll: string, aic: string, bic: string): string;
  gravityFit2(r2: string, adj: string, srmse: string, cpc: string, ssi: string): string;
  /** A radiation fit's first line: its method (already in the language), rows and regions. */
  radiationTitle(method: string, nobs: number, regions: number): string;
  /** Heads of a fit-statistics table. */
  readonly deviance: string;
  readonly logLikelihood: string;
  readonly cpc: string;
}

const ROLE_ZH: Record<string, string> = { origin: '迁出地', destination: '迁入地', pair: '迁出地–迁入地对', period: '时期' };

export const ENGLISH_WORDS: SummaryWords = {
  coefficients: 'Coefficients:', estimate: 'Estimate', standardError: 'Std. Error', robustSe: 'Robust SE', clusterSe: 'Cluster SE', zValue: 'z value', pValue: 'Pr(>|z|)',
  interval: (level) => `${level}% interval`,
  signif: (basis) => `---\nSignif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 (${basis})`,
  dimension: (d) => d,
  gravityTitle: (r) => `Gravity model: ${r.constraint === 'unconstrained' ? 'unconstrained' : `${r.constraint}-constrained`}, ${r.decay} decay in ${r.costName}, Poisson PML`,
  gravitySize: (nobs, regions, periods) => `${nobs} flows between ${regions} regions${periods !== null ? ` over ${periods} periods` : ''}`,
  zBasis: (by) => `z from the ${by === 'model' ? 'model-based' : by === 'pair' ? 'clustered by origin-destination pair' : `clustered by ${by.dims.map((b, i) => `${b} (${by.groups[i]} clusters)`).join(' and ')}`} standard errors`,
  smallSample: (text) => `Small-sample correction: ${text}`,
  robustLarger: (ratio) => `note: the robust standard errors are up to ${ratio} times the model-based ones: the flows vary far more than a Poisson variance allows, so the model-based z and p values overstate the precision; read the Robust SE column, or refit with --cluster pair`,
  ssc: {
    none: 'none (as R glm\'s vcov, sandwich\'s HC0 and CR0)',
    adj: (k) => `(n-1)/(n-K), K counting fixed effects ${k}`,
    noAdj: 'no (n-1)/(n-K)',
    clusterAdj: (df) => `G/(G-1) (${df})`,
    noClusterAdj: 'no G/(G-1)',
    factors: (fixest, parts, model, robust, clustered, k) => `${fixest ? 'fixest\'s default' : 'custom'}: ${parts.join(', ')}; variances multiplied by ${model} (model), ${robust} (robust)${clustered !== null ? `, ${clustered} (clustered, K = ${k})` : ''}`,
  },
  effect: (name, levels) => (levels === null ? name : `${name} (${levels})`),
  fixedEffects: (list) => `Fixed effects (concentrated out, not shown): ${list.join(', ')}; see --json for their values`,
  missingRows: (rows, byColumn) => `${rows} rows with missing values left out (${byColumn.map(([c, k]) => `${c}: ${k}`).join(', ')})`,
  nullDeviance: (x) => `    Null deviance: ${x}`,
  residualDeviance: (x, df) => `Residual deviance: ${x} on ${df} degrees of freedom`,
  gravityFit: (ll, aic, bic) => `Log-likelihood: ${ll}   AIC: ${aic}   BIC: ${bic}`,
  gravityFit2: (r2, adj, srmse, cpc, ssi) => `Pseudo-R²: ${r2} (adj. ${adj})   SRMSE: ${srmse}   CPC: ${cpc}   SSI: ${ssi}`,
  radiationTitle: (method, nobs, regions) => `Radiation model (${method}), ${nobs} flows between ${regions} regions; no parameters to fit`,
  deviance: 'deviance', logLikelihood: 'log-likelihood', cpc: 'CPC',
};

/** fixest's fixef.K and cluster.df (src/models/gravity/types.ts SmallSampleOptions) in words. */
const FIXEF_K_ZH: Record<string, string> = { none: '只计系数', full: '计入全部固定效应水平', nested: '计入未嵌套于聚类中的固定效应水平' };
const CLUSTER_DF_ZH: Record<string, string> = { min: '多维聚类取最小的 G', conventional: '多维聚类各取其 G' };

const dimensionZh = (d: string) => d.split('^').map((a) => ROLE_ZH[a] ?? a).join('×');

export const CHINESE_WORDS: SummaryWords = {
  coefficients: `${STAT_ZH.coefficients}：`, estimate: STAT_ZH.estimate, standardError: STAT_ZH.standardError, robustSe: `稳健${STAT_ZH.standardError}`, clusterSe: `聚类${STAT_ZH.standardError}`,
  zValue: STAT_ZH.zValue, pValue: STAT_ZH.pValue,
  interval: (level) => `${level}% ${STAT_ZH.interval}`,
  signif: (basis) => `---\n显著性标记：0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1（${basis}）`,
  dimension: dimensionZh,
  gravityTitle: (r) => `引力模型：${CONSTRAINT_ZH[r.constraint]}，${r.costName} 的距离衰减为${DECAY_ZH[r.decay]}，泊松伪极大似然（PPML）`,
  gravitySize: (nobs, regions, periods) => `${regions} 个地区之间的 ${nobs} 条流动${periods !== null ? `，${periods} 个时期` : ''}`,
  zBasis: (by) => `z 值基于${by === 'model' ? '模型' : by === 'pair' ? `按${ROLE_ZH.pair}聚类的` : `按${by.dims.map((b, i) => `${dimensionZh(b)}（${by.groups[i]} 个聚类）`).join('和')}聚类的`}${STAT_ZH.standardError}`,
  smallSample: (text) => `小样本校正：${text}`,
  robustLarger: (ratio) => `说明：稳健标准误最多是基于模型的标准误的 ${ratio} 倍：流动的离散程度远超泊松方差，基于模型的 z 值和 p 值高估了精度；请看稳健标准误一列，或用 --cluster pair 重新拟合`,
  ssc: {
    none: '无（与 R glm 的 vcov、sandwich 的 HC0 和 CR0 相同）',
    adj: (k) => `(n-1)/(n-K)，K ${FIXEF_K_ZH[k] ?? k}`,
    noAdj: '不乘 (n-1)/(n-K)',
    clusterAdj: (df) => `G/(G-1)（${CLUSTER_DF_ZH[df] ?? df}）`,
    noClusterAdj: '不乘 G/(G-1)',
    factors: (fixest, parts, model, robust, clustered, k) => `${fixest ? 'fixest 的默认设置' : '自定义'}：${parts.join('，')}；方差乘以 ${model}（模型）、${robust}（稳健）${clustered !== null ? `、${clustered}（聚类，K = ${k}）` : ''}`,
  },
  effect: (name, levels) => `${dimensionZh(name)}${levels === null ? '' : `（${levels} 个水平）`}`,
  fixedEffects: (list) => `固定效应（已集中消去，未列出）：${list.join('、')}；其数值见 --json`,
  missingRows: (rows, byColumn) => `${rows} 行含缺失值，未纳入（按列：${byColumn.map(([c, k]) => `${c} ${k}`).join('、')}）`,
  nullDeviance: (x) => `零偏差：${x}`,
  residualDeviance: (x, df) => `残差偏差：${x}，自由度 ${df}`,
  gravityFit: (ll, aic, bic) => `${STAT_ZH.logLikelihood}：${ll}   AIC：${aic}   BIC：${bic}`,
  gravityFit2: (r2, adj, srmse, cpc, ssi) => `${STAT_ZH.pseudoR2}：${r2}（调整后 ${adj}）   SRMSE：${srmse}   CPC：${cpc}   SSI：${ssi}`,
  radiationTitle: (method, nobs, regions) => `${method}；${regions} 个地区之间的 ${nobs} 条流动，没有需要拟合的参数`,
  deviance: STAT_ZH.deviance, logLikelihood: STAT_ZH.logLikelihood, cpc: STAT_ZH.cpc,
};

export const summaryWords = (lang: CliLang): SummaryWords => (lang === 'zh' ? CHINESE_WORDS : ENGLISH_WORDS);

export { levelZh, MONEY_UNIT_ZH };

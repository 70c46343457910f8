import { levelZh } from '../../../core/messages/level-zh.ts';
import { unitZh } from '../../../core/messages/indicator-zh.ts';
import { STAT_ZH } from '../../../core/messages/stat-zh.ts';
import type { CliLang } from '../../lang.ts';

/**
 * The words of the revealed-preference ranking's lines and heads (print-revealed.ts) in each
 * --lang: the English as the command has always printed it, the Chinese with the statistical
 * words of the fit summaries (core/messages/stat-zh.ts). Texts the library makes (definitions,
 * the split, notes) come coded with the result and are rendered apart.
 */
export interface RevealedWords {
  title(model: { name: string; version: string; kind: string }, level: string, within: string, year: number): string;
  /** The model's definition and source, each already in the language. */
  model(definition: string, source: string): string;
  utility(definition: string): string;
  utilityHead(percent: number): string;
  rankHead(percent: number): string;
  moneyHead(unit: string): string;
  readonly declaredRank: string;
  /** What the term columns hold. */
  readonly contributions: string;
  /** The line under the table: where the contributions are, and the draws of the rank intervals. */
  after(full: boolean, draws: { n: number; seed: number } | null): string;
  correlation(description: string, rho: string): string;
  validation(split: string, fit: string, held: string, definition: string): string;
  readonly heads: { model: string; logLikelihood: string; perGraduate: string; rho2: string; hitRate: string; scale: string; parameters: string };
  /** A validation row's model (revealed, declared, person terms only, equal shares). */
  modelName(model: string): string;
  gain(x: string, better: boolean): string;
}

const ENGLISH: RevealedWords = {
  title: (m, level, within, year) => `Revealed-preference ranking: model ${m.name} (version ${m.version}, ${m.kind}), regions at level ${level} in ${within}, attributes of ${year}`,
  model: (definition, source) => `${definition}; ${source}`,
  utility: (definition) => `utility: ${definition}`,
  utilityHead: (percent) => `utility [${percent}%]`,
  rankHead: (percent) => `rank ${percent}%`,
  moneyHead: (unit) => `${unit} vs mean`,
  declaredRank: 'declared rank',
  contributions: 'contribution of each term (coefficient x weight x (value - mean); they add up to the utility)',
  after: (full, draws) => `${full ? `columns after the intervals: ${ENGLISH.contributions}` : 'utility: the sum of the contributions'}${draws ? `; rank intervals from ${draws.n} coefficient draws, seed ${draws.seed}` : ''}`,
  correlation: (description, rho) => `${description}; Spearman rank correlation with the revealed ranking ${rho}`,
  validation: (split, fit, held, definition) => `Out-of-sample validation: ${split}; fitted on ${fit} graduates, evaluated on ${held} (${definition})`,
  heads: { model: 'model', logLikelihood: 'log-likelihood', perGraduate: 'per graduate', rho2: 'rho² vs equal', hitRate: 'hit rate', scale: 'scale (SE)', parameters: 'parameters' },
  modelName: (model) => model,
  gain: (x, better) => `held-out log-likelihood, revealed minus declared: ${x} (${better ? 'the revealed ranking predicts where the held-out graduates went better' : 'the declared index predicts as well or better'})`,
};

const KIND_ZH: Readonly<Record<string, string>> = { synthetic: '合成', estimated: '估计', observed: '实际' };
const MODEL_ZH: Readonly<Record<string, string>> = { revealed: '显示性偏好', declared: '设定权重的指数', 'person terms only': '仅个人项', 'equal shares': '各地等概率' };
const CONTRIBUTIONS_ZH = '各项对效用的贡献（系数 × 权重 ×（取值 − 均值）；各项之和即为效用）';

const CHINESE: RevealedWords = {
  title: (m, level, within, year) => `显示性偏好排名：模型 ${m.name}（版本 ${m.version}，${KIND_ZH[m.kind] ?? m.kind}），${within}的${levelZh(level)}地区，${year} 年的属性`,
  model: (definition, source) => `${definition}；${source}`,
  utility: (definition) => `效用：${definition}`,
  utilityHead: (percent) => `效用 [${percent}%]`,
  rankHead: (percent) => `排名 ${percent}% 区间`,
  moneyHead: (unit) => `${unitZh(unit)}（相对均值）`,
  declaredRank: '设定指数排名',
  contributions: CONTRIBUTIONS_ZH,
  after: (full, draws) => `${full ? `区间之后各列：${CONTRIBUTIONS_ZH}` : '效用：各项贡献之和'}${draws ? `；排名区间来自 ${draws.n} 次系数抽样，种子 ${draws.seed}` : ''}`,
  correlation: (description, rho) => `${description}；与显示性偏好排名的 Spearman 秩相关系数 ${rho}`,
  validation: (split, fit, held, definition) => `样本外验证：${split}；在 ${fit} 名毕业生上拟合，在 ${held} 名上评估（${definition}）`,
  heads: { model: '模型', logLikelihood: STAT_ZH.logLikelihood, perGraduate: '每名毕业生', rho2: 'rho²（相对等概率）', hitRate: '命中率', scale: `尺度（${STAT_ZH.standardError}）`, parameters: '参数个数' },
  modelName: (model) => MODEL_ZH[model] ?? model,
  gain: (x, better) => `留出毕业生的对数似然，显示性偏好减设定权重的指数：${x}（${better ? '显示性偏好排名更能预测留出毕业生的去向' : '设定权重的指数预测得同样好或更好'}）`,
};

export const revealedWords = (lang: CliLang): RevealedWords => (lang === 'zh' ? CHINESE : ENGLISH);

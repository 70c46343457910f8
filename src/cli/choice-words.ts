import type { VcovType } from '../models/logit/types.ts';
import { inSentence } from '../core/messages/choice-zh.ts';
import { levelZh } from '../core/messages/level-zh.ts';
import { MONEY_UNIT_ZH, STAT_ZH } from '../core/messages/stat-zh.ts';
import type { CliLang } from './lang.ts';

/**
 * The words of a choice model's summary (choice-summary.ts) in each language, besides the
 * coefficient table's (summary-words.ts): English as `fit choice` has always printed it, Chinese
 * with the page's terms (core/messages/stat-zh.ts). Counts come formatted.
 */
export interface ChoiceWords {
  title(nested: boolean, synthetic: boolean): string;
  fileTitle(nested: boolean, definition: string): string;
  persons(p: { persons: string; years: readonly number[]; cases: string; alternatives: number; level: string; within: string; outside: boolean; fitted: string | null }): string;
  fileSize(cases: string, rows: string, alternatives: number): string;
  vcov(type: VcovType, clusters: number | null): string;
  fit(ll: string, nullLl: string, rho: string, adj: string): string;
  criteria(aic: string, bic: string, parameters: number): string;
  readonly nestsTitle: string;
  readonly nestHeads: readonly [string, string, string, string];
  consistent(yes: boolean): string;
  unit(u: string): string;
  wtpTitle(unit: string, money: string, level: number, vcov: VcovType): string;
  readonly term: string;
  holdout(years: readonly number[], persons: string, hit: string, chance: string, ll: string, rho: string): string;
  hidden(k: number | string): string;
  readonly sharesTitle: string;
  readonly shareHeads: readonly [string, string, string];
  /** One group of persons left out: its count and the choice set's reason (src/store/choice/choice-set.ts), already in the language (its code's template). */
  leftOut(count: string, reason: string): string;
  leftOutLine(items: readonly string[]): string;
  privacy(k: number, cells: number): string;
}

const VCOV_ZH: Record<VcovType, string> = { classical: '经典', robust: '稳健', clustered: '聚类' };

export const CHOICE_ENGLISH: ChoiceWords = {
  title: (nested, synthetic) => `${nested ? 'Nested' : 'Conditional'} logit of destination choice${synthetic ? ' -- SYNTHETIC person records' : ''}`,
  fileTitle: (nested, definition) => `${nested ? 'Nested' : 'Conditional'} logit: ${definition}`,
  persons: (p) => `${p.persons} graduates (${p.years.join(', ')}) in ${p.cases} distinct situations, ${p.alternatives} alternatives (${p.level} in ${p.within}${p.outside ? ' + outside' : ''})${p.fitted !== null ? `; fitted on ${p.fitted}` : ''}`,
  fileSize: (cases, rows, alternatives) => `${cases} cases, ${rows} rows, ${alternatives} alternatives`,
  vcov: (type, clusters) => `${type} standard errors${clusters !== null ? `, ${clusters} clusters` : ''}`,
  fit: (ll, nullLl, rho, adj) => `Log-likelihood: ${ll}   null: ${nullLl}   rho²: ${rho} (adj. ${adj})`,
  criteria: (aic, bic, k) => `AIC: ${aic}   BIC: ${bic}   parameters: ${k}`,
  nestsTitle: 'Nests (lambda: McFadden log-sum parameter; 0 < lambda <= 1 is consistent with utility maximisation):',
  nestHeads: ['nest', 'alternatives', 'lambda', 'consistent'],
  consistent: (yes) => (yes ? 'yes' : 'NO'),
  unit: (u) => u,
  wtpTitle: (unit, money, level, vcov) => `Willingness to pay (${unit} per unit of each term, against ${money}; delta-method ${level}% intervals, ${vcov} covariance):`,
  term: 'term',
  holdout: (years, persons, hit, chance, ll, rho) => `Holdout ${years.join(', ')}: ${persons} graduates, hit rate ${hit}% (chance ${chance}%), log-likelihood ${ll}, rho² ${rho}`,
  hidden: (k) => `suppressed (<${k})`,
  sharesTitle: 'Largest destinations, observed vs predicted share:',
  shareHeads: ['destination', 'observed', 'predicted'],
  leftOut: (count, reason) => `${count} ${reason}`,
  leftOutLine: (items) => `Left out: ${items.join('; ')}`,
  privacy: (k, cells) => `Counts of 1 to ${k - 1} graduates, and those that would reveal them, are hidden: ${cells} here (docs/privacy.md)`,
};

export const CHOICE_CHINESE: ChoiceWords = {
  title: (nested, synthetic) => `去向选择的${nested ? '嵌套' : '条件'} logit 模型${synthetic ? '——合成（SYNTHETIC）个人记录' : ''}`,
  fileTitle: (nested, definition) => `${nested ? '嵌套' : '条件'} logit 模型：${definition}`,
  persons: (p) => `${p.persons} 名毕业生（${p.years.join('、')} 届），${p.cases} 种不同情形，${p.alternatives} 个备选项（${inSentence(p.within).trimStart()}内的${levelZh(p.level)}地区${p.outside ? '及区外选项' : ''}）${p.fitted !== null ? `；用于拟合的 ${p.fitted} 名` : ''}`,
  fileSize: (cases, rows, alternatives) => `${cases} 个个案，${rows} 行，${alternatives} 个备选项`,
  vcov: (type, clusters) => `${VCOV_ZH[type]}${STAT_ZH.standardError}${clusters !== null ? `，${clusters} 个聚类` : ''}`,
  fit: (ll, nullLl, rho, adj) => `${STAT_ZH.logLikelihood}：${ll}   ${STAT_ZH.nullLogLikelihood}：${nullLl}   rho²：${rho}（调整后 ${adj}）`,
  criteria: (aic, bic, k) => `AIC：${aic}   BIC：${bic}   参数个数：${k}`,
  nestsTitle: '嵌套（lambda：McFadden 对数和参数；0 < lambda <= 1 与效用最大化一致）：',
  nestHeads: ['嵌套', '备选项数', 'lambda', '是否一致'],
  consistent: (yes) => (yes ? '是' : '否'),
  unit: (u) => MONEY_UNIT_ZH[u] ?? u,
  wtpTitle: (unit, money, level, vcov) => `支付意愿（各变量每单位折合的${unit}，相对于 ${money}；delta 法 ${level}% ${STAT_ZH.interval}，${VCOV_ZH[vcov]}协方差）：`,
  term: STAT_ZH.term,
  holdout: (years, persons, hit, chance, ll, rho) => `留出年份 ${years.join('、')}：${persons} 名毕业生，命中率 ${hit}%（随机 ${chance}%），${STAT_ZH.logLikelihood} ${ll}，rho² ${rho}`,
  hidden: (k) => `已隐藏（少于 ${k} 人）`,
  sharesTitle: '主要去向，实际与预测份额：',
  shareHeads: [STAT_ZH.destination, STAT_ZH.observed, STAT_ZH.predicted],
  leftOut: (count, reason) => `${count} 人${reason}`,
  leftOutLine: (items) => `未纳入：${items.join('；')}`,
  privacy: (k, cells) => `1 至 ${k - 1} 名毕业生的计数以及可据以推算它们的计数已隐藏：此处 ${cells} 个（docs/privacy.md）`,
};

export const choiceWords = (lang: CliLang): ChoiceWords => (lang === 'zh' ? CHOICE_CHINESE : CHOICE_ENGLISH);

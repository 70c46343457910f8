import { NORMALISATION_ZH, RANK_ZH, WEIGHTING_ZH } from '../../../core/messages/stat-zh.ts';
import type { CliLang } from '../../lang.ts';

/**
 * The words of `talentflow rank`'s lines and table heads in each --lang: the English as the
 * command has always printed it, the Chinese with the Rankings tab's words (core/messages/
 * stat-zh.ts), so the page and the terminal never name a method or a column differently.
 */
export interface RankWords {
  readonly rank: string;
  readonly code: string;
  readonly name: string;
  readonly score: string;
  readonly change: string;
  readonly medianRank: string;
  /** The head of the rank in another period. */
  rankIn(period: string): string;
  /** The head of an interval of `percent` per cent. */
  interval(percent: number): string;
  /** The index's description, given in the language. */
  index(description: string): string;
  /** How the index is made: `terms` each with its direction and weight ("share_age_65@2020 - 0.250"). */
  method(normalisation: string, weighting: string, terms: readonly string[]): string;
  sensitivity(draws: number, concentration: number, seed: number): string;
}

const ENGLISH: RankWords = {
  rank: 'rank', code: 'code', name: 'name', score: 'score', change: 'change', medianRank: 'median rank',
  rankIn: (period) => `rank ${period}`,
  interval: (percent) => `${percent}% interval`,
  index: (description) => `index: ${description}`,
  method: (normalisation, weighting, terms) => `${normalisation} normalisation, ${weighting} weights: ${terms.join(', ')}`,
  sensitivity: (draws, concentration, seed) => `sensitivity: ${draws} Dirichlet weight draws (concentration ${concentration}), seed ${seed}`,
};

const CHINESE: RankWords = {
  rank: RANK_ZH.rank, code: RANK_ZH.code, name: RANK_ZH.name, score: RANK_ZH.score, change: RANK_ZH.change, medianRank: RANK_ZH.medianRank,
  rankIn: (period) => `${period} 年${RANK_ZH.rank}`,
  interval: (percent) => `${percent}% 区间`,
  index: (description) => `${RANK_ZH.index}：${description}`,
  method: (normalisation, weighting, terms) => `${NORMALISATION_ZH[normalisation] ?? normalisation}，${WEIGHTING_ZH[weighting] ?? weighting}：${terms.join('、')}`,
  sensitivity: (draws, concentration, seed) => `敏感性：${draws} 次狄利克雷权重抽样（集中参数 ${concentration}），种子 ${seed}`,
};

export const rankWords = (lang: CliLang): RankWords => (lang === 'zh' ? CHINESE : ENGLISH);

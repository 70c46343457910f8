import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';

/**
 * The weight sensitivity of a ranking (GET /api/rank?sensitivity=N, src/rank/sensitivity.ts):
 * each region's median rank and 90% interval over N weightings drawn around the declared weights
 * (Dirichlet, data and normalisation fixed). Asked for beside the ranking, not with it, so the
 * ranking shows at once and the two columns follow (500 draws over ~300 cities take ~0.5 s).
 */
export interface SensitivityAnswer {
  seed: number;
  draws: number;
  concentration: number;
  rows: { code: string; baseRank: number; medianRank: number; interval90: [number, number] }[];
}

/** Draws asked for: the 90% interval's ends move by about a rank between runs of 500. */
export const SENSITIVITY_DRAWS = 500;

export interface RankSpread { median: number; low: number; high: number }

/**
 * Whole ranks, as `talentflow rank` prints them: the median and the interval's ends are
 * quantiles over the draws (R type 7) and may fall between two ranks (116.05, 277.5).
 */
export function spreadByRegion(s: SensitivityAnswer): Map<string, RankSpread> {
  const whole = (v: number) => Number(v.toFixed(0));
  return new Map(s.rows.map((r) => [r.code, { median: whole(r.medianRank), low: whole(r.interval90[0]), high: whole(r.interval90[1]) }]));
}

/** What the two columns mean, under the table. */
export function sensitivityNote(s: SensitivityAnswer): HTMLElement {
  return h('p', { class: 'note', 'data-rank-sensitivity': String(s.draws) }, t('rank.sensitivityNote', { draws: s.draws, concentration: s.concentration, seed: s.seed }));
}

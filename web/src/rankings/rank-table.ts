import { displayDigits } from '../../../src/core/display-round.ts';
import { fmt, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { RankSpread } from './sensitivity.ts';

/**
 * The ranking as a table: rank, region (the other language's name on hover), score, and the
 * rank change where there is an earlier period to compare with. Scores are rounded as every
 * index score on screen and in exports is (display-round.ts 'score': three decimals, what the
 * min-max scores of indicators known to a tenth of a percentage point differ by), so table,
 * chart and CSV say the same number. With the weight sensitivity (sensitivity.ts), each region's
 * median rank and 90% interval under random weightings follow. Regions selected on the map are marked (`focused`); those
 * ranked below the rows shown follow them after a row of dots, so a selection is never hidden.
 */
export const SCORE_DIGITS = displayDigits('score');

export interface RankTableRow {
  rank: number;
  code: string;
  name: string;
  otherName: string;
  score: number;
  /** Positive: moved up since the compared period; null: not ranked then. */
  rankChange: number | null;
  focused: boolean;
}

/** The period the ranks are compared with, or none (the column is left out and a note says why). */
export type CompareWith = { period: string } | null;

export function rankTable(shown: RankTableRow[], below: RankTableRow[], compare: CompareWith, spread: Map<string, RankSpread> | null = null): HTMLElement {
  // Each head aligned as its column: names (row heads) from the left, numbers from the right.
  const heads: [string, 'left' | 'right'][] = [[t('rank.rank'), 'right'], [t('rank.region'), 'left'], [t('rank.score'), 'right'],
    ...(compare ? [[t('rank.changeSince', { period: compare.period }), 'right'] as [string, 'right']] : []),
    ...(spread ? [[t('rank.medianRank'), 'right'], [t('rank.interval90'), 'right']] as [string, 'right'][] : [])];
  const spreadCells = (code: string) => {
    const s = spread?.get(code);
    return spread ? [h('td', {}, s ? String(s.median) : '–'), h('td', { 'data-interval': '' }, s ? `${s.low}–${s.high}` : '–')] : [];
  };
  const row = (x: RankTableRow) => h('tr', { 'data-code': x.code, ...(x.focused ? { class: 'focused', 'data-focused': '' } : {}) },
    h('td', {}, String(x.rank)), h('th', { scope: 'row', title: x.otherName }, x.name), h('td', {}, fmt(x.score, SCORE_DIGITS)),
    compare ? h('td', {}, x.rankChange === null ? '–' : x.rankChange > 0 ? `+${x.rankChange}` : String(x.rankChange)) : '',
    ...spreadCells(x.code));
  return h('table', { class: 'coef', 'data-table': 'rankings' },
    h('caption', {}, compare ? t('rank.tableCaptionSince', { period: compare.period }) : t('rank.tableCaption')),
    h('thead', {}, h('tr', {}, ...heads.map(([text, align]) => h('th', { scope: 'col', class: align }, text)))),
    h('tbody', {}, ...shown.map(row),
      ...(below.length ? [h('tr', { class: 'gap', 'aria-hidden': 'true' }, h('td', { colspan: heads.length }, '⋮')), ...below.map(row)] : [])));
}

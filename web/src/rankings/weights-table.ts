import { t, type MessageKey } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { rankTermLabel, type UnitOf } from './term-label.ts';

/** What GET /api/rank says about how its index is made (src/rank/composite.ts CompositeIndexResult). */
export interface IndexWeights {
  indicators: string[];
  directions: Record<string, 1 | -1>;
  normalisation: 'min-max' | 'z-score' | 'rank';
  weighting: 'user' | 'equal' | 'entropy' | 'pca';
  weights: Record<string, number>;
}

/**
 * The index's recipe under the ranking: each term by its label in the page's language (the term
 * as written on hover), whether more or less is better, and its weight in percent, with the
 * normalisation and weighting in the caption. A score means nothing without it.
 */
export function weightsTable(index: IndexWeights, unitOf: UnitOf): HTMLElement {
  const caption = t('rank.weights', {
    normalisation: t(`rank.norm.${index.normalisation}` as MessageKey),
    weighting: t(`rank.weighting.${index.weighting}` as MessageKey),
  });
  return h('table', { class: 'coef', 'data-table': 'rank-weights' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...(['rank.indicator', 'rank.direction', 'rank.weight'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...index.indicators.map((term) => {
      const label = rankTermLabel(term, unitOf);
      const weight = index.weights[term];
      return h('tr', { 'data-term': term },
        h('th', { scope: 'row', title: label.id }, label.text),
        h('td', {}, t(index.directions[term] === -1 ? 'rank.less' : 'rank.more')),
        h('td', {}, Number.isFinite(weight) ? `${(100 * weight).toFixed(1)}%` : '–'));
    })));
}

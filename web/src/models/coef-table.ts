import { fmt, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';

/**
 * One row of a coefficient table: estimate, standard error, interval and p; `label` names the
 * term for people (the term's id on hover). `robustSe`: the sandwich standard error, shown in a
 * column of its own beside a model-based `se` (as `talentflow fit gravity` prints it).
 */
export interface CoefTableRow { term: string; label?: string; estimate: number; se: number; low: number; high: number; p: number; robustSe?: number }

/** The coefficient table of a fitted model (gravity or choice), its interval level in the caption. */
export function coefficientTable(rows: readonly CoefTableRow[], level: number): HTMLTableElement {
  const robust = rows.some((x) => x.robustSe !== undefined && Number.isFinite(x.robustSe));
  const heads = ['models.term', 'models.estimate', 'models.se', ...(robust ? ['models.robustSe'] as const : []), 'models.ci', 'models.p'] as const;
  return h('table', { class: 'coef' },
    h('caption', {}, t('models.coefChart').replace('95', String(level))),
    h('thead', {}, h('tr', {}, ...heads.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...rows.map((x) => h('tr', {}, h('th', { scope: 'row', title: x.label && x.label !== x.term ? x.term : undefined, 'data-term': x.term }, x.label ?? x.term), h('td', {}, fmt(x.estimate, 4)), h('td', {}, fmt(x.se, 4)),
      robust ? h('td', { 'data-robust-se': '' }, x.robustSe === undefined || !Number.isFinite(x.robustSe) ? '–' : fmt(x.robustSe, 4)) : '',
      h('td', { 'data-ci': '' }, `[${fmt(x.low, 4)}, ${fmt(x.high, 4)}]`), h('td', {}, x.p < 1e-4 ? '< 0.0001' : fmt(x.p, 4))))),
  );
}

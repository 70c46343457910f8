import { levelLabel, t } from '../i18n/index.ts';
import { clear, h } from '../ui/dom.ts';

/**
 * What the map says in its headline's place when the period has no values at the level on
 * screen (the demo's 2000-2010 flows exist for provinces only): that there are none, the
 * case's periods that do have values at this level as buttons, and a button to a level that
 * has them. Without it the map was a grey sheet under a legend of made-up classes.
 */
export interface NoValues {
  period: string;
  level: string;
  /** Periods of the case with at least one value at this level. */
  periods: readonly string[];
  /** How each period is named in the period filter ("2010-2020", "2010-2020 (census)"). */
  periodLabel: (p: string) => string;
  onPeriod: (p: string) => void;
  /** A coarser level of the case, or null. */
  coarser: string | null;
  onLevel: (level: string) => void;
}

export function renderNoValues(el: HTMLElement, o: NoValues): void {
  clear(el);
  delete el.dataset.net;
  el.dataset.noValues = o.period;
  const button = (text: string, attrs: Record<string, string>, go: () => void) => h('button', { type: 'button', class: 'small', ...attrs, onclick: go }, text);
  el.append(
    h('span', {}, t('map.noValues', { period: o.period, level: levelLabel(o.level) })), ' ',
    o.periods.length ? h('span', {}, t('map.periodsWithValues'), ' ', ...o.periods.map((p) => button(o.periodLabel(p), { 'data-period': p }, () => o.onPeriod(p)))) : h('span', {}, t('map.noPeriodWithValues')),
  );
  const coarser = o.coarser;
  if (coarser) el.append(' ', button(t('map.showLevel', { level: levelLabel(coarser) }), { 'data-level': coarser }, () => o.onLevel(coarser)));
}

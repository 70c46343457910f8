import { colon, fmt, t, type MessageKey } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { Counterfactual, Interval, ScenarioRun } from './api.ts';
import { intervalText, moneyNumber, unitSpace } from './format.ts';

/**
 * The three result cards: additional graduates retained, cost per additional retained graduate
 * and total cost. The exact counterfactual's values; with a run of the same settings, the run's
 * medians and their 90% intervals, which show both ends or say why one is open (draws that
 * retain no one more leave the cost per retained graduate without an upper bound).
 */
function card(key: MessageKey, value: string, range: string | null, name: string): HTMLElement {
  return h('div', { class: 'card', 'data-result': name }, h('div', {}, t(key)), h('div', { class: 'big' }, value), range ? h('div', { class: 'range' }, `${t('scenario.interval')}${colon()}${range}`) : '');
}

/** `run`: a run of the settings on screen, or null; `money`: the currency's word ("yuan", "元"). */
export function resultCards(cf: Counterfactual, run: ScenarioRun | null, money: string): HTMLElement[] {
  const s = run?.result.draws ? run.result.summary : null;
  const open = { withoutGain: s?.drawsWithoutGain ?? 0, draws: run?.result.draws ?? 0 };
  const range = (i: Interval, unit = '', num?: (v: number) => string) => intervalText(i, open, unit, num);
  const amount = (v: number | null) => `${moneyNumber(v)}${unitSpace(money)}${money}`;
  const perRetained = s ? s.costPerRetained.median : cf.summary.costPerRetained;
  return [
    card('scenario.retainedDelta', fmt(s ? s.retainedDelta.median : cf.summary.retainedDelta), s ? range(s.retainedDelta) : null, 'retained-delta'),
    card('scenario.costPerRetained', perRetained === null ? t('scenario.noGain') : amount(perRetained), s ? range(s.costPerRetained, money, moneyNumber) : null, 'cost-per-retained'),
    card('scenario.cost', amount(s ? s.totalCost.median : cf.summary.totalCost), s ? range(s.totalCost, money, moneyNumber) : null, 'total-cost'),
  ];
}

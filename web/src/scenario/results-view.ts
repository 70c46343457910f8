import { t } from '../i18n/index.ts';
import { clear, h } from '../ui/dom.ts';
import type { Counterfactual, ScenarioRun } from './api.ts';
import { resultCards } from './result-cards.ts';
import { counterfactualCharts, drawsCharts } from './result-charts.ts';

/**
 * Where the scenario tab shows its results: the SYNTHETIC banner (placed by the editor above both
 * columns, in view at 1440x900), and in the results column the cards, what the result was
 * computed from (basis.ts), the time it took, the counterfactual's charts and a run's draws.
 */
export interface ResultsView {
  readonly banner: HTMLElement;
  /** The results column's parts, in order. */
  readonly parts: readonly HTMLElement[];
  /** The width the charts are drawn at. */
  width(): number;
  /** Shows an exact counterfactual (with `run`'s intervals when it is a run of the same settings); returns the milliseconds since `started`. */
  show(cf: Counterfactual, o: { run: ScenarioRun | null; money: string; payment: string; basis: string; settings: string; started: number }): Promise<number>;
  /** Shows a run's draws (null: none). */
  showRun(run: ScenarioRun | null): Promise<void>;
  /** The results shown are synthetic (the banner is up). */
  synthetic(): boolean;
  /** Results of another example or setting must not stay on screen under a problem. */
  clear(): void;
}

export function createResultsView(): ResultsView {
  const banner = h('p', { class: 'status status-error synthetic-banner', role: 'note', 'data-banner': 'synthetic', hidden: true });
  const cards = h('div', { class: 'cards', 'aria-live': 'polite' });
  const basis = h('p', { class: 'note basis', 'data-basis': '' });
  // What was simulated, in words: the print view has no controls to say it.
  const settings = h('p', { class: 'settings-line', 'data-settings': '' });
  const latency = h('p', { class: 'latency', role: 'status' });
  const charts = h('div', { class: 'scenario-charts' });
  const runCharts = h('div', { class: 'scenario-charts' });
  const width = () => Math.max(360, charts.clientWidth || 640);

  return {
    banner,
    parts: [settings, cards, basis, latency, charts, runCharts],
    width,
    async show(cf, o) {
      banner.textContent = t('scenario.synthetic');
      banner.hidden = !cf.synthetic;
      const shown = await counterfactualCharts(cf, { width: width(), payment: o.payment });
      basis.textContent = o.basis;
      settings.textContent = o.settings;
      cards.replaceChildren(...resultCards(cf, o.run, o.money));
      charts.replaceChildren(...shown);
      const ms = performance.now() - o.started;
      latency.textContent = t('scenario.latency', { ms: Math.round(ms) });
      return ms;
    },
    async showRun(run) {
      clear(runCharts);
      if (run) runCharts.append(...await drawsCharts(run, { width: width(), kind: banner.hidden ? 'model' : 'synthetic' }));
    },
    synthetic: () => !banner.hidden,
    clear() {
      clear(cards);
      charts.replaceChildren();
      clear(runCharts);
      latency.textContent = '';
      basis.textContent = '';
      settings.textContent = '';
      banner.hidden = true;
    },
  };
}

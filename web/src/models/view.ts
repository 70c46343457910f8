import { api, ApiError, post, waitForJob, type JobView } from '../api.ts';
import { coefficientChart } from '../charts/coefficients.ts';
import { coefficientTable } from './coef-table.ts';
import { choiceResultView } from './choice-result.ts';
import { downloadCsv } from '../export/download.ts';
import { fmt, onLanguage, t } from '../i18n/index.ts';
import { serverText } from '../i18n/server-text.ts';
import { CASES, state } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';

/**
 * The models tab: choose the data (regions, periods) and a gravity specification, fit it as a
 * server job (POST /api/models/gravity, then poll /api/jobs/{id} with a progress bar), and read
 * the coefficient table with its intervals and the fit statistics; optionally save the model.
 * A saved destination-choice model (kind 'choice', fitted by the CLI or POST /api/models/choice)
 * opens from the saved list (choice-result.ts).
 */
interface GravityResult {
  terms: string[]; coefficients: Record<string, number>; standardErrors: Record<string, number>; robustStandardErrors: Record<string, number>;
  confidenceIntervals: Record<string, [number, number]>; pValues: Record<string, number>; confidenceLevel: number;
  nobs: number; logLikelihood: number; aic: number; bic: number; pseudoR2: number; devianceR2: number; srmse: number; cpc: number;
  iterations: number; converged: boolean; warnings: string[]; notes?: string[]; fitSeconds: number; saved: string | null;
}

const STATS = ['nobs', 'logLikelihood', 'aic', 'bic', 'pseudoR2', 'devianceR2', 'srmse', 'cpc', 'iterations', 'converged'] as const;

export function createModelsView(periods: string[]): HTMLElement {
  const form = h('form', { class: 'model-form', novalidate: true });
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': t('models.running') });
  const progressText = h('span', { class: 'progress-text', role: 'status' });
  const results = h('div', { class: 'model-results', 'aria-live': 'polite' });
  const saved = h('div', { class: 'saved-models' });
  const element = h('section', { class: 'view view-models', id: 'view-models' },
    h('div', { class: 'col' }, label('models.title', 'h2'), label('models.help', 'p', { class: 'note' }), form, h('div', { class: 'progress' }, progress, progressText), saved),
    h('div', { class: 'col wide' }, results));
  let running: AbortController | null = null;
  let indicators: { name: string; periods: string[]; regions: number }[] = [];

  function renderForm(): void {
    const c = CASES[state.caseId];
    const ps = periods.filter(c.periodFilter);
    const defaults = state.caseId === 'kr' ? { periods: ps.slice(-1), dest: ['individual_income_pc'], constraint: 'production' } : { periods: ps.slice(-1), dest: [] as string[], constraint: 'production' };
    const available = indicators.filter((i) => (state.caseId === 'kr' ? i.regions <= 20 && i.name !== 'population' : i.regions > 20)).map((i) => i.name);
    const checks = (name: string, values: string[], chosen: string[]) => h('div', { class: 'checks' }, ...values.map((v) => h('label', {}, h('input', { type: 'checkbox', name, value: v, checked: chosen.includes(v) }), ` ${v}`)));
    const select = (name: string, key: Parameters<typeof t>[0], opts: [string, Parameters<typeof t>[0]][], value: string) =>
      h('div', { class: 'field' }, h('label', { for: `m-${name}` }, t(key)), (() => {
        const s = h('select', { id: `m-${name}`, name }, ...opts.map(([v, k]) => h('option', { value: v }, t(k))));
        s.value = value;
        return s;
      })());
    clear(form);
    form.append(
      h('div', { class: 'field' }, h('label', { for: 'm-within' }, t('models.within')), h('input', { id: 'm-within', name: 'within', value: c.within })),
      h('div', { class: 'field' }, h('label', { for: 'm-level' }, t('filter.level')), (() => {
        const s = h('select', { id: 'm-level', name: 'level' }, ...c.levels.map((l) => h('option', { value: l }, t(`level.${l}` as 'level.city'))));
        s.value = c.levels.includes('province') ? 'province' : c.defaultLevel;
        return s;
      })()),
      h('fieldset', {}, h('legend', {}, t('models.periods')), checks('periods', ps, defaults.periods)),
      select('constraint', 'models.constraint', [['unconstrained', 'constraint.unconstrained'], ['production', 'constraint.production'], ['attraction', 'constraint.attraction'], ['doubly', 'constraint.doubly']], defaults.constraint),
      select('decay', 'models.decay', [['power', 'decay.power'], ['exponential', 'decay.exponential']], 'power'),
      available.length ? h('fieldset', {}, h('legend', {}, t('models.originVars')), checks('originVars', available, [])) : '',
      available.length ? h('fieldset', {}, h('legend', {}, t('models.destinationVars')), checks('destinationVars', available, defaults.dest)) : '',
      h('div', { class: 'field check' }, h('input', { id: 'm-intra', type: 'checkbox', name: 'intra' }), h('label', { for: 'm-intra' }, t('models.intra'))),
      h('div', { class: 'field' }, h('label', { for: 'm-save' }, t('models.saveAs')), h('input', { id: 'm-save', name: 'save', placeholder: 'korea-2020', pattern: '[A-Za-z0-9_.\\-]{1,64}' })),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary', id: 'm-fit' }, t('models.fit')),
        h('button', { type: 'button', id: 'm-cancel', onclick: () => running?.abort() }, t('models.cancel'))),
    );
  }

  async function renderSaved(): Promise<void> {
    clear(saved);
    saved.append(label('models.saved', 'h3'));
    try {
      const list = await api.models();
      saved.append(list.length ? h('ul', {}, ...list.map((m) => h('li', {}, `${m.name} (${m.kind})`,
        m.kind === 'choice' ? h('button', { type: 'button', class: 'small', 'data-show-model': m.name, onclick: () => void showSaved(m.name) }, t('models.show')) : ''))) : status('empty', t('models.none')));
    } catch (e) {
      saved.append(status('error', (e as Error).message));
    }
  }

  async function fit(e: Event): Promise<void> {
    e.preventDefault();
    const fd = new FormData(form);
    const body: Record<string, unknown> = {
      periods: fd.getAll('periods'), within: fd.get('within') || undefined, level: fd.get('level') || undefined,
      constraint: fd.get('constraint'), decay: fd.get('decay'), originVars: fd.getAll('originVars'), destinationVars: fd.getAll('destinationVars'),
      intra: fd.get('intra') === 'on', save: (fd.get('save') as string) || undefined, replace: true,
    };
    running?.abort();
    const abort = (running = new AbortController());
    clear(results);
    progress.hidden = false;
    progress.value = 0;
    progressText.textContent = t('models.running');
    try {
      const job = await post<JobView>('models/gravity', body);
      const r = await waitForJob<GravityResult>(job.id, (p, m) => {
        progress.value = p;
        progressText.textContent = `${t('models.running')} ${Math.round(p * 100)}%${m ? ` · ${m}` : ''}`;
      }, abort.signal);
      progressText.textContent = t('models.done', { s: fmt(r.fitSeconds, r.fitSeconds < 0.1 ? 3 : 2) });
      await showResult(r);
      if (r.saved) void renderSaved();
    } catch (err) {
      progressText.textContent = '';
      results.append(status('error', `${t('models.failed')}: ${(err as ApiError).message}`));
    } finally {
      progress.hidden = true;
    }
  }

  async function showResult(r: GravityResult): Promise<void> {
    const level = Math.round((r.confidenceLevel ?? 0.95) * 100);
    const rows = r.terms.map((term) => ({
      term, estimate: r.coefficients[term], se: r.standardErrors[term], robustSe: r.robustStandardErrors?.[term],
      low: r.confidenceIntervals[term]?.[0], high: r.confidenceIntervals[term]?.[1], p: r.pValues[term],
    }));
    const table = coefficientTable(rows, level);
    const stats = h('dl', { class: 'stats' }, ...STATS.map((k) => h('div', {}, h('dt', {}, t(`stat.${k}`)), h('dd', {}, k === 'converged' ? t(r.converged ? 'yes' : 'no') : k === 'nobs' || k === 'iterations' ? fmt(r[k]) : fmt(r[k], 4)))));
    results.append(
      table,
      h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'coef-csv', onclick: () => downloadCsv('gravity-coefficients.csv', rows, { title: t('models.coefChart'), kind: 'model', definition: t('models.coefDefinition', { n: fmt(r.nobs), level }), columns: { estimate: 'coefficient', se: 'coefficient', robustSe: 'coefficient', low: 'coefficient', high: 'coefficient', p: 'coefficient' } }) }, t('export.csv'))),
      h('h3', {}, t('models.fitStats')), stats,
      await coefficientChart('gravity-coefficients', rows.filter((x) => Number.isFinite(x.low)).map((x) => ({ term: x.term, estimate: x.estimate, low: x.low, high: x.high })), Math.max(320, results.clientWidth - 16)),
      ...[...(r.notes ?? []), ...r.warnings].map((w) => h('p', { class: 'note' }, serverText(w))),
      r.saved ? h('p', { class: 'ok' }, t('models.savedAs', { name: r.saved })) : '',
    );
  }

  /** A saved choice model: its coefficients, WTP in yuan a month and predicted against observed shares. */
  async function showSaved(name: string): Promise<void> {
    clear(results);
    results.append(status('loading', t('loading')));
    try {
      const view = await choiceResultView(name, Math.max(320, results.clientWidth - 16));
      results.replaceChildren(view);
    } catch (e) {
      results.replaceChildren(status('error', (e as Error).message));
    }
  }

  /** Re-renders the form (new language) keeping what the user has chosen and typed. */
  function rerenderForm(): void {
    const before = new FormData(form);
    renderForm();
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = before.getAll(el.name).includes(el.value);
      else if (before.has(el.name)) el.value = String(before.get(el.name));
    }
  }

  form.addEventListener('submit', (e) => void fit(e));
  // The form appears once the indicators are known (they decide the attribute choices), so
  // nothing typed into it is lost to a re-render.
  form.append(status('loading', t('loading')));
  void api.periods().then((p) => {
    indicators = p.indicators;
    renderForm();
  }, (e) => form.replaceChildren(status('error', (e as Error).message)));
  void renderSaved();
  onLanguage(() => {
    rerenderForm();
    void renderSaved();
  });
  return element;
}

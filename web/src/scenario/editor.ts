import { api, waitForJob, type Region, type SavedModel } from '../api.ts';
import { bandChart, type BandRow } from '../charts/scenario.ts';
import { mainSvg } from '../charts/figure.ts';
import { downloadCsv } from '../export/download.ts';
import type { ExportMeta } from '../export/meta.ts';
import { colon, fmt, onLanguage, regionName, t, type MessageKey } from '../i18n/index.ts';
import { CASES, caseOfCodes, casePatch, state, subscribe, update } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { setViewParams, viewParam } from '../url-state.ts';
import { scenarioApi, type Counterfactual, type ScenarioDoc, type ScenarioRun } from './api.ts';
import { summaryHtml } from './summary.ts';
import { notesLine, scenarioNotes } from './notes.ts';
import { createRunComparison } from './compare.ts';
import { currencyWord, eligibilityText, intervalText, moneyNumber, unitSpace } from './format.ts';
import { canPrepare, prepareModel } from './prepare.ts';
import { createBaselineForm, recentModel } from './baseline-form.ts';
import { basisText } from './basis.ts';
import { scenarioDocument } from './document.ts';

/**
 * The scenario editor, on any saved model of the workspace (baseline-form.ts: the model, where
 * cohorts and stay shares come from, which term the payment raises) or on the example documents
 * the server offers (examples/*.json): the Northeast's stay subsidy in Liaoning, and Korea's
 * allowance outside the capital region (paid to stayers and arrivals, or to arrivals only). On
 * a workspace without the example's model the analyst's most recent model is chosen. A monthly
 * payment to graduates in the target regions (picked here or on the map), who gets it, and for
 * how many years. Moving the slider rewrites the document's intervention (the payment as a
 * relative rise in the income term the example names, and its cost) and asks the server for the
 * exact aggregate counterfactual of every cohort: retention and net flows of the targets,
 * baseline against scenario, and the cost per additional retained graduate. "Run with
 * uncertainty" runs the cohort microsimulation with parameter draws as a job and adds 90%
 * intervals. Problems (a model the workspace lacks, with the button that fits it) and the
 * SYNTHETIC banner sit above both columns, in view at 1440x900.
 */
const DEFAULT_EXAMPLE = 'northeast-stay-subsidy.json';
const DRAWS = 100;
const ELIGIBILITY = ['stayers', 'arrivals'] as const;

/** The largest scenario - baseline difference of retention, in percentage points, and its year. */
function largestChange(cf: Counterfactual): { pp: number; year: number } | null {
  let best: { pp: number; year: number } | null = null;
  for (const y of cf.years) {
    const pp = 100 * (y.retentionScenario - y.retentionBaseline);
    if (!best || Math.abs(pp) > Math.abs(best.pp)) best = { pp, year: y.year };
  }
  return best;
}

/** A round step for a slider running from 0 to `max` in about 30 steps. */
function niceStep(max: number): number {
  const raw = max / 30;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

export function createScenarioEditor(_regions: () => Map<string, Region>, periods: string[]): HTMLElement {
  /** Names of regions any stored run or example names (provinces of every country; cities as asked). */
  const names = new Map<string, Region>();
  const nameOf = (code: string) => (names.get(code) ? regionName(names.get(code)!) : code);
  const exampleSelect = h('select', { id: 's-example' });
  const slider = h('input', { id: 's-subsidy', class: 'slider', type: 'range', min: 0, max: 3000, step: 100, value: 1000, 'aria-describedby': 's-subsidy-value' });
  const sliderValue = h('output', { id: 's-subsidy-value', class: 'slider-value', for: 's-subsidy' });
  const yearsInput = h('input', { id: 's-years', type: 'number', min: 1, max: 5, value: 3 });
  const targetsBox = h('div', { class: 'checks target-list', role: 'group' });
  const eligibilityBox = h('div', { class: 'checks', role: 'group' });
  const cards = h('div', { class: 'cards', 'aria-live': 'polite' });
  const charts = h('div', { class: 'scenario-charts' });
  const runCharts = h('div', { class: 'scenario-charts' });
  const latency = h('p', { class: 'latency', role: 'status' });
  const message = h('div', { class: 'scenario-message', 'aria-live': 'polite' });
  const banner = h('p', { class: 'status status-error synthetic-banner', role: 'note', 'data-banner': 'synthetic', hidden: true });
  const changeNote = h('p', { class: 'note', 'data-note': 'retention-change' });
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const progressText = h('span', { class: 'progress-text', role: 'status' });
  const runButton = h('button', { type: 'button', id: 's-run' }, t('scenario.runDraws', { n: DRAWS }));
  const saveRun = h('input', { id: 's-save', type: 'checkbox' });
  const comparison = createRunComparison(nameOf);
  const basis = h('p', { class: 'note basis', 'data-basis': '' });
  const form = createBaselineForm({ onChange: () => void refresh(), onModel: (model) => void switchModel(model) });
  const element = h('section', { class: 'view view-scenario', id: 'view-scenario' },
    h('div', { class: 'scenario-top' }, banner, message),
    h('div', { class: 'col' },
      label('scenario.title', 'h2'), label('scenario.help', 'p', { class: 'note' }),
      h('div', { class: 'field' }, h('label', { for: 's-example', i18n: 'scenario.example' }), exampleSelect),
      form.element,
      h('div', { class: 'field' }, h('label', { for: 's-subsidy', i18n: 'scenario.subsidy' }), slider, sliderValue),
      h('div', { class: 'field' }, h('label', { for: 's-years', i18n: 'scenario.years' }), yearsInput),
      h('fieldset', {}, h('legend', { i18n: 'scenario.eligibility' }), eligibilityBox),
      h('fieldset', {}, h('legend', { i18n: 'scenario.targets' }), label('scenario.targetsHint', 'p', { class: 'note' }), targetsBox),
      h('div', { class: 'buttons' }, runButton, h('button', { type: 'button', id: 's-print', i18n: 'export.print', onclick: () => printSummary() })),
      h('div', { class: 'field check' }, saveRun, h('label', { for: 's-save', i18n: 'compare.saveRun' })),
      h('div', { class: 'progress' }, progress, progressText)),
    h('div', { class: 'col wide' }, cards, basis, latency, charts, runCharts, comparison.element));

  let examples: { file: string; document: ScenarioDoc }[] = [];
  let example: ScenarioDoc | null = null;
  /** The monthly payment that equals a relative change of 1 in the example's income term. */
  let incomeBase = 6400;
  let eligibility: string[] = ['stayers'];
  let last: Counterfactual | null = null;
  let run: ScenarioRun | null = null;
  let inflight: AbortController | null = null;
  let candidates: Region[] = [];
  /** The models the workspace holds (null: ask the server again). */
  let models: SavedModel[] | null = null;
  const subsidy = () => Number(slider.value);
  /** The example when the scenario runs on its model (else the analyst's own settings alone). */
  const onExample = () => (example && example.baseline.model === form.model() ? example : null);
  const money = () => currencyWord(onExample()?.interventions[0]?.cost?.currency ?? form.currency());
  const width = () => Math.max(360, charts.clientWidth || 640);
  const held = async () => (models ??= await api.models());

  const documentFor = (): ScenarioDoc => scenarioDocument(onExample(), form, {
    targets: state.targets, monthly: subsidy(), benefitYears: Math.max(1, Math.min(5, Number(yearsInput.value) || 3)), eligibility,
  });

  /** How the payment enters the model, in words (printed summary). */
  function leverText(doc: ScenarioDoc): string {
    const iv = doc.interventions[0];
    if (iv.change.type === 'relative') {
      const base = iv.change.value > 0 ? subsidy() / iv.change.value : incomeBase;
      return t('scenario.leverValue', { amount: fmt(subsidy()), base: fmt(base), change: `${iv.change.value >= 0 ? '+' : ''}${fmt(100 * iv.change.value, 1)}%`, term: iv.term });
    }
    return t('scenario.leverAbsolute', { amount: `${fmt(iv.change.value)} ${money()}`, term: iv.term });
  }

  function renderEligibility(): void {
    clear(eligibilityBox);
    for (const e of ELIGIBILITY) {
      eligibilityBox.append(h('label', {}, h('input', {
        type: 'checkbox', value: e, 'data-eligible': e, checked: eligibility.includes(e),
        onchange: (ev: Event) => {
          const on = (ev.target as HTMLInputElement).checked;
          eligibility = ELIGIBILITY.filter((x) => (x === e ? on : eligibility.includes(x)));
          void refresh();
        },
      }), ` ${t(`scenario.eligible.${e}`)}`));
    }
  }

  function renderExamples(): void {
    clear(exampleSelect);
    exampleSelect.append(h('option', { value: '' }, t('scenario.noExample')));
    for (const x of examples) {
      const key = `scenario.example.${x.document.name}` as MessageKey;
      const name = t(key);
      exampleSelect.append(h('option', { value: x.file }, name === key ? x.document.name : name));
    }
    exampleSelect.value = examples.find((x) => x.document === onExample())?.file ?? '';
  }

  function renderTargets(): void {
    clear(targetsBox);
    const list = [...candidates];
    for (const c of state.targets) if (!list.some((r) => r.code === c)) list.push({ code: c, name_zh: null, name_en: null, level: 'city', parent: null, centroid_lat: null, centroid_lon: null, area_km2: null });
    for (const r of list) {
      targetsBox.append(h('label', {}, h('input', {
        type: 'checkbox', value: r.code, checked: state.targets.includes(r.code),
        onchange: (e: Event) => {
          const on = (e.target as HTMLInputElement).checked;
          update({ targets: on ? [...state.targets, r.code] : state.targets.filter((c) => c !== r.code) });
        },
      }), ` ${regionName(r)}`));
    }
  }

  function card(key: Parameters<typeof t>[0], value: string, range: string | null, name: string): HTMLElement {
    return h('div', { class: 'card', 'data-result': name }, h('div', {}, t(key)), h('div', { class: 'big' }, value), range ? h('div', { class: 'range' }, `${t('scenario.interval')}${colon()}${range}`) : '');
  }

  async function renderResult(cf: Counterfactual, started: number): Promise<void> {
    const matching = run && run.result.draws && runFor === JSON.stringify(documentFor());
    const s = run?.result.summary;
    const open = { withoutGain: s?.drawsWithoutGain ?? 0, draws: run?.result.draws ?? 0 };
    const iv = (i: { median: number | null; p05: number | null; p95: number | null }, unit = '', num?: (v: number) => string) => intervalText(i, open, unit, num);
    banner.textContent = t('scenario.synthetic');
    banner.hidden = !cf.synthetic;
    const retentionRows: BandRow[] = cf.years.flatMap((y) => [
      { year: y.year, series: t('scenario.baseline'), median: 100 * y.retentionBaseline, p05: 100 * y.retentionBaseline, p95: 100 * y.retentionBaseline },
      { year: y.year, series: t('scenario.scenario'), median: 100 * y.retentionScenario, p05: 100 * y.retentionScenario, p95: 100 * y.retentionScenario },
    ]);
    const netRows: BandRow[] = cf.years.flatMap((y) => [
      { year: y.year, series: t('scenario.baseline'), median: y.netBaseline, p05: y.netBaseline, p95: y.netBaseline },
      { year: y.year, series: t('scenario.scenario'), median: y.netScenario, p05: y.netScenario, p95: y.netScenario },
    ]);
    const kind = cf.synthetic ? 'synthetic' : 'model';
    // Exported charts name the scenario, its payment, the model and its notes (cohortMeta).
    const about = (title: string) => ({ ...cohortMeta(cf, kind), title: `${title} · ${cf.scenario} · ${sliderValue.textContent ?? ''}` });
    const [c1, c2] = await Promise.all([
      bandChart('scenario-retention', t('scenario.retention'), retentionRows, width(), { label: t('scenario.axisShare'), format: (v) => `${fmt(v, 1)}%`, meta: { ...about(t('scenario.retention')), columns: { median: 'percent', p05: 'percent', p95: 'percent' } } }),
      bandChart('scenario-net', t('scenario.netFlows'), netRows, width(), { label: t('scenario.axisPersons'), meta: { ...about(t('scenario.netFlows')), columns: { median: 'persons', p05: 'persons', p95: 'persons' } } }),
    ]);
    const change = largestChange(cf);
    changeNote.textContent = change ? t('scenario.ppChange', { pp: `${change.pp >= 0 ? '+' : ''}${fmt(change.pp, 2)}`, year: change.year }) : '';
    basis.textContent = basisText(cf, form.options());
    const perRetained = matching && s ? s.costPerRetained.median : cf.summary.costPerRetained;
    clear(cards);
    cards.append(
      card('scenario.retainedDelta', fmt(matching && s ? s.retainedDelta.median : cf.summary.retainedDelta), matching && s ? iv(s.retainedDelta) : null, 'retained-delta'),
      card('scenario.costPerRetained', perRetained === null ? t('scenario.noGain') : `${moneyNumber(perRetained)}${unitSpace(money())}${money()}`, matching && s ? iv(s.costPerRetained, money(), moneyNumber) : null, 'cost-per-retained'),
      card('scenario.cost', `${moneyNumber(matching && s ? s.totalCost.median : cf.summary.totalCost)}${unitSpace(money())}${money()}`, matching && s ? iv(s.totalCost, money(), moneyNumber) : null, 'total-cost'),
    );
    charts.replaceChildren(c1, changeNote, c2, h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'scenario-csv', onclick: () => downloadCsv(`${cf.scenario}-cohorts.csv`, cf.years as unknown as Record<string, unknown>[], cohortMeta(cf, kind)) }, `${t('export.csv')}`)), scenarioNotes(cf));
    const ms = performance.now() - started;
    latency.textContent = t('scenario.latency', { ms: Math.round(ms) });
    element.dataset.latency = String(ms);
    element.dataset.renders = String(Number(element.dataset.renders ?? 0) + 1);
  }

  /** The cohort table's export: the model and its notes, persons whole, shares to 0.1 %, money whole. */
  function cohortMeta(cf: Counterfactual, kind: 'synthetic' | 'model'): ExportMeta {
    return {
      title: `${t('scenario.title')}${colon()}${cf.scenario} · ${sliderValue.textContent ?? ''}`, kind, definition: notesLine(cf), source: `${t('scenario.model')}${colon()}${cf.model.name} (${cf.model.version})`,
      columns: { graduates: 'persons', retainedBaseline: 'persons', retainedScenario: 'persons', retainedDelta: 'persons', retentionBaseline: 'share', retentionScenario: 'share', netBaseline: 'persons', netScenario: 'persons', recipients: 'persons', cost: 'money' },
    };
  }

  let runFor = '';
  async function renderRun(): Promise<void> {
    clear(runCharts);
    if (!run) return;
    const y = run.result.years;
    const band = (pick: (r: (typeof y)[number]) => { median: number | null; p05: number | null; p95: number | null }, series: string) =>
      y.map((r) => ({ year: r.year, series, median: pick(r).median ?? NaN, p05: pick(r).p05 ?? NaN, p95: pick(r).p95 ?? NaN }));
    const meta = { kind: banner.hidden ? 'model' as const : 'synthetic' as const, source: `${t('scenario.model')}${colon()}${run.model.name} (${run.model.version})`, definition: notesLine(run) };
    const drawsText = t('compare.draws', { n: run.result.draws, seed: run.result.seed });
    runCharts.append(
      await bandChart('scenario-retained-draws', `${t('scenario.retainedDelta')} (${t('scenario.interval')}, ${drawsText})`, band((r) => r.retainedDelta, t('scenario.scenario')), width(), { label: t('scenario.axisGraduates'), meta: { ...meta, columns: { median: 'persons', p05: 'persons', p95: 'persons' } } }),
      await bandChart('scenario-net-draws', `${t('scenario.netFlows')} (${t('scenario.interval')}, ${drawsText})`, [...band((r) => r.netFlowBaseline, t('scenario.baseline')), ...band((r) => r.netFlowScenario, t('scenario.scenario'))], width(), { label: t('scenario.axisPersons'), meta: { ...meta, columns: { median: 'persons', p05: 'persons', p95: 'persons' } } }),
    );
  }

  /** The settings in the page's link (url-state.ts); the targets are in the dashboard's state. */
  function toUrl(): void {
    const file = examples.find((x) => x.document === onExample())?.file ?? null;
    setViewParams({ 's.example': file, 's.model': file ? null : form.model() || null, 's.amount': slider.value, 's.years': yearsInput.value, 's.paid': eligibility.join(',') || 'none' });
  }

  /** A link's settings over the example's own (read before choose() writes the example's into the URL). */
  function linkedSettings(): () => void {
    const amount = viewParam('s.amount');
    const years = viewParam('s.years');
    const paid = viewParam('s.paid');
    return () => {
      if (amount !== null && /^\d{1,9}$/.test(amount)) slider.value = String(Math.min(Number(slider.max), Number(amount)));
      if (years !== null && /^[1-5]$/.test(years)) yearsInput.value = years;
      if (paid !== null) eligibility = ELIGIBILITY.filter((e) => paid.split(',').includes(e));
      renderEligibility();
    };
  }

  async function refresh(): Promise<void> {
    if (form.model()) toUrl();
    sliderValue.textContent = `${fmt(subsidy())} ${money()}`;
    if (!form.model()) {
      clearResults();
      message.replaceChildren(status('empty', t('scenario.noModels')));
      return;
    }
    if (!state.targets.length) {
      message.replaceChildren(status('empty', t('scenario.noTargets')));
      return;
    }
    if (!eligibility.length) {
      message.replaceChildren(status('empty', t('scenario.noEligible')));
      return;
    }
    const started = performance.now();
    inflight?.abort();
    const abort = (inflight = new AbortController());
    try {
      // A model the workspace lacks is said as such (with the fix), not found out from a failed request.
      const list = await held();
      if (abort.signal.aborted) return;
      if (form.problem()) {
        clearResults();
        showProblem(form.problem()!);
        return;
      }
      if (!list.some((m) => m.name === form.model()) || !form.options()) {
        showMissingModel(form.model(), list);
        return;
      }
      if (!form.lever()) {
        clearResults();
        message.replaceChildren(status('error', t('scenario.noTermError', { model: form.model() })));
        return;
      }
      const cf = await scenarioApi.counterfactual(documentFor(), abort.signal);
      if (abort.signal.aborted) return;
      last = cf;
      message.replaceChildren();
      await renderResult(cf, started);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      await explain(e as Error);
    }
  }

  /** The chosen model is not in the workspace: say so, offer to fit it where a recipe exists, and name the models there are. */
  function showMissingModel(model: string, list: readonly SavedModel[]): void {
    clearResults();
    const others = list.filter((m) => m.kind === 'gravity' || m.kind === 'choice').map((m) => m.name);
    message.replaceChildren(status('error', t('scenario.missingModel', { model })),
      canPrepare(model)
        ? h('button', { type: 'button', class: 'primary', id: 's-prepare', onclick: () => void prepare() }, t('scenario.fitModel', { model }))
        : status('empty', t('scenario.fitElsewhere')),
      others.length ? status('empty', t('scenario.otherModels', { models: others.join(', ') })) : '');
  }

  /**
   * A failed computation: if the example's model has gone (deleted, or another workspace since
   * the list was read), say that; otherwise the server's words, which name the cause.
   */
  async function explain(e: Error): Promise<void> {
    models = null;
    const model = form.model();
    const list = await held().catch(() => null);
    if (model && list && !list.some((m) => m.name === model)) showMissingModel(model, list);
    else showProblem(e.message);
  }

  /** Any other failure, in the server's words (which name the cause). */
  function showProblem(text: string): void {
    message.replaceChildren(status('error', t('scenario.error', { reason: text })));
  }

  /** Results of another example or setting must not stay on screen under a problem. */
  function clearResults(): void {
    clear(cards);
    charts.replaceChildren();
    clear(runCharts);
    latency.textContent = '';
    basis.textContent = '';
    banner.hidden = true;
  }

  async function prepare(): Promise<void> {
    const model = form.model();
    if (!model) return;
    progress.hidden = false;
    try {
      await prepareModel(model, (p, m) => {
        progress.value = p;
        progressText.textContent = m ?? '';
      });
      models = null;
      message.replaceChildren();
      form.setModels(await held(), model);
      await form.choose(model, example);
      await useModelRegions();
      await refresh();
    } catch (e) {
      message.replaceChildren(status('error', (e as Error).message));
    } finally {
      progress.hidden = true;
      progressText.textContent = '';
    }
  }

  async function runDraws(): Promise<void> {
    if (!form.options() || !state.targets.length) return;
    const doc = documentFor();
    progress.hidden = false;
    progressText.textContent = t('loading');
    try {
      const job = await scenarioApi.run(doc, DRAWS, saveRun.checked);
      run = await waitForJob<ScenarioRun>(job.id, (p, m) => {
        progress.value = p;
        progressText.textContent = m ?? '';
      });
      runFor = JSON.stringify(doc);
      if (saveRun.checked) void comparison.refresh();
      await renderRun();
      if (last) await renderResult(last, performance.now());
    } catch (e) {
      await explain(e as Error);
    } finally {
      progress.hidden = true;
      progressText.textContent = '';
    }
  }

  function printSummary(): void {
    if (!form.options() || !last) return;
    const svgs = [...element.querySelectorAll<HTMLElement>('figure.chart')].map(mainSvg);
    const w = window.open('', '_blank');
    if (!w) return;
    const doc = documentFor();
    const iv = doc.interventions[0];
    const shipped = onExample()?.interventions[0]?.cost?.amount;
    const settings = {
      monthly: t('scenario.monthly', { amount: `${fmt(subsidy())} ${money()}` }), yearly: t('scenario.yearly', { amount: `${fmt(subsidy() * 12)} ${money()}` }),
      years: iv.benefitYears ?? 1, eligibility: eligibilityText(iv.eligibility ?? []), targets: iv.targets.map(nameOf),
      cohorts: { from: iv.startYear, to: iv.startYear + (iv.duration ?? 1) - 1 }, horizon: { from: doc.horizon.startYear, to: doc.horizon.startYear + doc.horizon.years - 1 },
      lever: leverText(doc), basis: basis.textContent ?? '',
      exampleMonthly: shipped === undefined ? '–' : `${fmt(shipped / 12)} ${money()}`, currency: money(), synthetic: !banner.hidden,
    };
    w.document.write(summaryHtml(doc, settings, last, run && runFor === JSON.stringify(doc) ? run : null, svgs));
    w.document.close();
    w.focus();
    w.print();
  }

  slider.addEventListener('input', () => void refresh());
  yearsInput.addEventListener('change', () => void refresh());
  runButton.addEventListener('click', () => void runDraws());
  subscribe((_s, changed) => {
    if (changed.has('targets')) {
      renderTargets();
      void refresh();
    }
  });
  onLanguage(() => {
    renderExamples();
    form.render();
    renderEligibility();
    renderTargets();
    runButton.textContent = t('scenario.runDraws', { n: DRAWS });
    void refresh();
    void renderRun();
  });

  /** The payment, years and who is paid as an example sets them, or an own scenario's defaults (1,000 a month, 3 years, stayers). */
  function applySettings(iv: ScenarioDoc['interventions'][number] | undefined): void {
    const monthly = iv?.cost?.amount ? iv.cost.amount / 12 : 1000;
    // The Northeast example prices the payment as a relative rise in income: monthly amount / base.
    incomeBase = iv && iv.change.type === 'relative' && iv.change.value > 0 ? monthly / iv.change.value : 6400;
    const step = niceStep(3 * monthly);
    slider.step = String(step);
    slider.max = String(Math.ceil((3 * monthly) / step) * step);
    slider.value = String(Math.round(monthly / step) * step);
    yearsInput.value = String(iv?.benefitYears ?? 3);
    eligibility = ELIGIBILITY.filter((e) => (iv?.eligibility ?? ['stayers']).includes(e));
    renderEligibility();
  }

  /** Results of the previous model or example go. */
  function resetRun(): void {
    run = null;
    runFor = '';
    clear(runCharts);
    message.replaceChildren();
    clearResults();
  }

  /**
   * Target candidates: the model's regions, or the case's while the model is not there yet;
   * targets outside them go (the model's first region when none is left); the map follows
   * their country, so targets can also be picked there.
   */
  async function useModelRegions(wanted: readonly string[] = state.targets): Promise<void> {
    const own = form.regions();
    candidates = own.length ? own : await api.regions({ ...CASES[caseOfCodes([...wanted])].scenarioRegions, limit: 1000 });
    for (const r of candidates) names.set(r.code, r);
    const codes = new Set(candidates.map((r) => r.code));
    let targets = wanted.filter((c) => codes.has(c));
    if (!targets.length && candidates.length) targets = [candidates[0].code];
    const caseId = caseOfCodes(targets);
    update({ ...(state.caseId === caseId || !(caseId in CASES) ? {} : casePatch(caseId, periods)), targets });
    renderTargets();
  }

  /** Switches to an example (its model, targets, amount, years and eligibility), or with '' to the chosen model alone. */
  async function choose(file: string): Promise<void> {
    const found = examples.find((e) => e.file === file);
    resetRun();
    // Models may have been fitted or deleted since (Models tab, CLI on a copy).
    models = null;
    const list = await held();
    if (!found) {
      const model = form.model() || recentModel(list) || '';
      example = null;
      form.setModels(list, null);
      await form.choose(model, null);
      applySettings(undefined);
      await useModelRegions();
    } else {
      example = found.document;
      form.setModels(list, example.baseline.model);
      await form.choose(example.baseline.model, example);
      const iv = example.interventions[0];
      applySettings(iv);
      await useModelRegions([...(iv?.targets ?? [])]);
    }
    renderExamples();
    await refresh();
  }

  /** Another model picked in the form: the example goes unless the model is its own. */
  async function switchModel(model: string): Promise<void> {
    const left = example !== null && example.baseline.model !== model;
    resetRun();
    if (left) {
      example = null;
      form.setModels(await held(), null);
      applySettings(undefined);
    }
    await useModelRegions();
    renderExamples();
    await refresh();
  }

  exampleSelect.addEventListener('change', () => void choose(exampleSelect.value).catch((e) => showProblem((e as Error).message)));

  void (async () => {
    try {
      const [docs, provinces, list] = await Promise.all([scenarioApi.examples(), api.regions({ level: 'province', limit: 5000 }).catch(() => []), held()]);
      examples = docs;
      for (const r of provinces) names.set(r.code, r);
      // Open on the Northeast example, keeping targets already picked on the map; on a
      // workspace without its model (the analyst's own), on their most recent model.
      const picked = state.targets;
      const linked = viewParam('s.example');
      const linkedModel = viewParam('s.model');
      const applyLink = linkedSettings();
      const opening = examples.find((x) => x.file === (linked ?? DEFAULT_EXAMPLE)) ?? examples[0];
      const ownModel = linkedModel && list.some((m) => m.name === linkedModel) ? linkedModel
        : !linked && (!opening || !list.some((m) => m.name === opening.document.baseline.model)) ? recentModel(list) : null;
      if (ownModel) {
        form.setModels(list, null);
        await form.choose(ownModel, null);
        applySettings(undefined);
        if (linkedModel) applyLink();
        await useModelRegions(picked);
        renderExamples();
        await refresh();
      } else {
        await choose(opening?.file ?? '');
        // A link reproduces its scenario: amount, years, who is paid and the targets it names.
        if (linked) {
          applyLink();
          update({ targets: picked });
          await refresh();
        } else if (picked.length && caseOfCodes(picked) === 'cn') update({ targets: picked });
      }
      void comparison.refresh();
    } catch (e) {
      message.replaceChildren(status('error', t('scenario.loadError', { reason: (e as Error).message })));
    }
  })();
  return element;
}

import { api, waitForJob, type Region, type SavedModel } from '../api.ts';
import { mainSvg } from '../charts/figure.ts';
import { onLanguage, regionName, t, type MessageKey } from '../i18n/index.ts';
import { CASES, caseOfCodes, casePatch, state, subscribe, update } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { setViewParams, viewParam } from '../url-state.ts';
import { scenarioApi, type Counterfactual, type ScenarioDoc, type ScenarioRun } from './api.ts';
import { settingsLine, summaryHtml, summarySettings } from './summary.ts';
import { createRunComparison } from './compare.ts';
import { currencyWord } from './format.ts';
import { createResultsView } from './results-view.ts';
import { createPaymentControls } from './payment-controls.ts';
import { canPrepare, prepareModel } from './prepare.ts';
import { createBaselineForm } from './baseline-form.ts';
import { defaultModel, openingChoice } from './opening.ts';
import { basisText } from './basis.ts';
import { scenarioRequest } from './document.ts';

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

export function createScenarioEditor(_regions: () => Map<string, Region>, periods: string[]): HTMLElement {
  /** Names of regions any stored run or example names (provinces of every country; cities as asked). */
  const names = new Map<string, Region>();
  const nameOf = (code: string) => (names.get(code) ? regionName(names.get(code)!) : code);
  const exampleSelect = h('select', { id: 's-example' });
  const payment = createPaymentControls(() => void refresh());
  const targetsBox = h('div', { class: 'checks target-list', role: 'group' });
  const results = createResultsView();
  const message = h('div', { class: 'scenario-message', 'aria-live': 'polite' });
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const progressText = h('span', { class: 'progress-text', role: 'status' });
  const runButton = h('button', { type: 'button', id: 's-run' }, t('scenario.runDraws', { n: DRAWS }));
  const saveRun = h('input', { id: 's-save', type: 'checkbox' });
  const comparison = createRunComparison(nameOf);
  const form = createBaselineForm({ onChange: () => void refresh(), onModel: (model) => void switchModel(model) });
  const element = h('section', { class: 'view view-scenario', id: 'view-scenario' },
    h('div', { class: 'scenario-top' }, results.banner, message),
    h('div', { class: 'col' },
      label('scenario.title', 'h2'), label('scenario.help', 'p', { class: 'note' }),
      h('div', { class: 'field' }, h('label', { for: 's-example', i18n: 'scenario.example' }), exampleSelect),
      // What a user changes first (amount, years, who, where) and the run, in view at 1440x900;
      // the baseline's model, cohorts and stay shares, set once, below them.
      ...payment.fields,
      h('fieldset', {}, h('legend', { i18n: 'scenario.targets' }), label('scenario.targetsHint', 'p', { class: 'note' }), targetsBox),
      h('div', { class: 'buttons' }, runButton, h('button', { type: 'button', id: 's-print', i18n: 'export.print', onclick: () => printSummary() })),
      h('div', { class: 'field check' }, saveRun, h('label', { for: 's-save', i18n: 'compare.saveRun' })),
      h('div', { class: 'progress' }, progress, progressText),
      form.element),
    h('div', { class: 'col wide' }, ...results.parts, comparison.element));

  let examples: { file: string; document: ScenarioDoc }[] = [];
  let example: ScenarioDoc | null = null;
  let last: Counterfactual | null = null;
  let run: ScenarioRun | null = null;
  let inflight: AbortController | null = null;
  let candidates: Region[] = [];
  /** The models the workspace holds (null: ask the server again). */
  let models: SavedModel[] | null = null;
  const subsidy = () => payment.monthly();
  /** The example when the scenario runs on its model (else the analyst's own settings alone). */
  const onExample = () => (example && example.baseline.model === form.model() ? example : null);
  const money = () => currencyWord(onExample()?.interventions[0]?.cost?.currency ?? form.currency());
  const held = async () => (models ??= await api.models());

  const requestFor = () => scenarioRequest(onExample(), form, {
    targets: state.targets, monthly: subsidy(), benefitYears: payment.benefitYears(), eligibility: payment.eligibility(),
  });

  function renderExamples(): void {
    clear(exampleSelect);
    exampleSelect.append(h('option', { value: '' }, t('scenario.noExample')));
    for (const x of examples) {
      // A closed select shows one line and cuts the rest ("…in Liaoning (g"): a short name
      // there, the full one as the option's title and, for the chosen one, the select's.
      const full = translated(`scenario.example.${x.document.name}`, x.document.name);
      exampleSelect.append(h('option', { value: x.file, title: full }, translated(`scenario.exampleShort.${x.document.name}`, full)));
    }
    exampleSelect.value = examples.find((x) => x.document === onExample())?.file ?? '';
    titleExample();
  }

  /** The message under `key`, or `fallback` for an example the dictionaries do not name. */
  function translated(key: string, fallback: string): string {
    const text = t(key as MessageKey);
    return text === key ? fallback : text;
  }

  function titleExample(): void {
    exampleSelect.title = exampleSelect.selectedOptions[0]?.title ?? '';
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

  /** The counterfactual on screen, with the run's intervals when the run is of the settings on screen. */
  async function renderResult(cf: Counterfactual, started: number): Promise<void> {
    const matching = run && run.result.draws && runFor === JSON.stringify(requestFor()) ? run : null;
    const basis = basisText(cf, form.options());
    const settings = settingsLine(onScreenSettings(requestFor(), basis));
    const ms = await results.show(cf, { run: matching, money: money(), payment: payment.showAmount(money()), basis, settings, started });
    element.dataset.latency = String(ms);
    element.dataset.renders = String(Number(element.dataset.renders ?? 0) + 1);
  }

  let runFor = '';
  const renderRun = () => results.showRun(run);

  /** The settings in the page's link (url-state.ts); the targets are in the dashboard's state. */
  function toUrl(): void {
    const file = examples.find((x) => x.document === onExample())?.file ?? null;
    setViewParams({ 's.example': file, 's.model': file ? null : form.model() || null, ...payment.urlParams() });
  }

  async function refresh(): Promise<void> {
    if (form.model()) toUrl();
    payment.showAmount(money());
    if (!form.model()) {
      results.clear();
      message.replaceChildren(status('empty', t('scenario.noModels')));
      return;
    }
    if (!state.targets.length) {
      message.replaceChildren(status('empty', t('scenario.noTargets')));
      return;
    }
    if (!payment.eligibility().length) {
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
        results.clear();
        showProblem(form.problem()!);
        return;
      }
      if (!list.some((m) => m.name === form.model()) || !form.options()) {
        showMissingModel(form.model(), list);
        return;
      }
      const noLever = form.noLever();
      if (noLever) {
        results.clear();
        message.replaceChildren(status('error', noLever));
        return;
      }
      const cf = await scenarioApi.counterfactual(requestFor(), abort.signal);
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
    results.clear();
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
    if (!form.options() || !form.lever() || !state.targets.length) return;
    const request = requestFor();
    progress.hidden = false;
    progressText.textContent = t('loading');
    try {
      const job = await scenarioApi.run(request, DRAWS, saveRun.checked);
      run = await waitForJob<ScenarioRun>(job.id, (p, m) => {
        progress.value = p;
        progressText.textContent = m ?? '';
      });
      runFor = JSON.stringify(request);
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

  /** The settings of a request in words (names, not codes), for the line over the results and the printed summary. */
  const onScreenSettings = (request: ReturnType<typeof requestFor>, basis: string) => summarySettings(request.document, {
    monthly: request.amount, money: money(), name: nameOf, basis, synthetic: results.synthetic(),
    exampleAmount: onExample()?.interventions[0]?.cost?.amount,
  });

  function printSummary(): void {
    if (!form.options() || !last) return;
    const svgs = [...element.querySelectorAll<HTMLElement>('figure.chart')].map(mainSvg);
    const w = window.open('', '_blank');
    if (!w) return;
    const request = requestFor();
    const doc = request.document;
    const settings = onScreenSettings(request, basisText(last, form.options()));
    w.document.write(summaryHtml(doc, settings, last, run && runFor === JSON.stringify(request) ? run : null, svgs));
    w.document.close();
    w.focus();
    w.print();
  }

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
    payment.render();
    renderTargets();
    runButton.textContent = t('scenario.runDraws', { n: DRAWS });
    void refresh();
    void renderRun();
  });

  /** Results of the previous model or example go. */
  function resetRun(): void {
    run = null;
    runFor = '';
    message.replaceChildren();
    results.clear();
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
      const model = form.model() || defaultModel(list, state) || '';
      example = null;
      form.setModels(list, null);
      await form.choose(model, null);
      payment.apply(undefined);
      await useModelRegions();
    } else {
      example = found.document;
      form.setModels(list, example.baseline.model);
      await form.choose(example.baseline.model, example);
      const iv = example.interventions[0];
      payment.apply(iv);
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
      payment.apply(undefined);
    }
    await useModelRegions();
    renderExamples();
    await refresh();
  }

  exampleSelect.addEventListener('change', () => {
    titleExample();
    void choose(exampleSelect.value).catch((e) => showProblem((e as Error).message));
  });

  void (async () => {
    try {
      const [docs, provinces, list] = await Promise.all([scenarioApi.examples(), api.regions({ level: 'province', limit: 5000 }).catch(() => []), held()]);
      examples = docs;
      for (const r of provinces) names.set(r.code, r);
      // Open on what a link names, else on a model of the map's case and level (opening.ts: the
      // Northeast example on the demo's China map), keeping targets already picked on the map.
      const picked = state.targets;
      const linked = viewParam('s.example');
      const linkedModel = viewParam('s.model');
      const applyLink = payment.linked();
      const opening = linkedModel && list.some((m) => m.name === linkedModel) ? { model: linkedModel }
        : linked ? { example: (examples.find((x) => x.file === linked) ?? examples[0])?.file ?? '' }
        : openingChoice(examples, list, state, DEFAULT_EXAMPLE);
      const ownModel = opening && 'model' in opening ? opening.model : null;
      if (ownModel) {
        form.setModels(list, null);
        await form.choose(ownModel, null);
        payment.apply(undefined);
        if (linkedModel) applyLink();
        await useModelRegions(picked);
        renderExamples();
        await refresh();
      } else {
        await choose(opening && 'example' in opening ? opening.example : '');
        // A link reproduces its scenario: amount, years, who is paid and the targets it names.
        if (linked) {
          applyLink();
          update({ targets: picked });
          await refresh();
        } else if (picked.length && caseOfCodes(picked) === caseOfCodes(state.targets)) {
          // Targets picked on the map stay when they are of the opened example's country (not
          // Liaoning under the Korea example: its model would refuse them).
          update({ targets: picked });
        }
      }
      void comparison.refresh();
    } catch (e) {
      message.replaceChildren(status('error', t('scenario.loadError', { reason: (e as Error).message })));
    }
  })();
  return element;
}

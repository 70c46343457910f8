import { api, post, waitForJob, type JobView, type Region } from '../api.ts';
import { bandChart, type BandRow } from '../charts/scenario.ts';
import { mainSvg } from '../charts/figure.ts';
import { downloadCsv } from '../export/download.ts';
import { fmt, onLanguage, regionName, t } from '../i18n/index.ts';
import { state, subscribe, update } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { scenarioApi, type Counterfactual, type ScenarioDoc, type ScenarioRun } from './api.ts';
import { summaryHtml } from './summary.ts';
import { createRunComparison } from './compare.ts';

/**
 * The scenario editor: a monthly stay subsidy for graduates in the target regions (picked here
 * or on the map). Moving the slider rewrites the example document's intervention (the subsidy
 * as a relative rise in destination income, and its cost) and asks the server for the exact
 * aggregate counterfactual of every cohort: retention and net flows of the targets, baseline
 * against scenario, and the cost per additional retained graduate. "Run with uncertainty" runs
 * the cohort microsimulation with parameter draws as a job and adds 90% intervals.
 */
const EXAMPLE = 'northeast-stay-subsidy.json';
const DRAWS = 100;

export function createScenarioEditor(_regions: () => Map<string, Region>): HTMLElement {
  const slider = h('input', { id: 's-subsidy', class: 'slider', type: 'range', min: 0, max: 3000, step: 100, value: 1000, 'aria-describedby': 's-subsidy-value' });
  const sliderValue = h('output', { id: 's-subsidy-value', class: 'slider-value', for: 's-subsidy' });
  const yearsInput = h('input', { id: 's-years', type: 'number', min: 1, max: 5, value: 3 });
  const targetsBox = h('div', { class: 'checks target-list', role: 'group' });
  const cards = h('div', { class: 'cards', 'aria-live': 'polite' });
  const charts = h('div', { class: 'scenario-charts' });
  const runCharts = h('div', { class: 'scenario-charts' });
  const latency = h('p', { class: 'latency', role: 'status' });
  const message = h('div', {});
  const progress = h('progress', { max: 1, value: 0, hidden: true });
  const progressText = h('span', { class: 'progress-text', role: 'status' });
  const runButton = h('button', { type: 'button', id: 's-run' }, t('scenario.runDraws', { n: DRAWS }));
  const saveRun = h('input', { id: 's-save', type: 'checkbox' });
  const comparison = createRunComparison();
  const element = h('section', { class: 'view view-scenario', id: 'view-scenario' },
    h('div', { class: 'col' },
      label('scenario.title', 'h2'), label('scenario.help', 'p', { class: 'note' }),
      h('div', { class: 'field' }, h('label', { for: 's-subsidy' }, t('scenario.subsidy')), slider, sliderValue),
      h('div', { class: 'field' }, h('label', { for: 's-years' }, t('scenario.years')), yearsInput),
      h('fieldset', {}, h('legend', {}, t('scenario.targets')), label('scenario.targetsHint', 'p', { class: 'note' }), targetsBox),
      h('div', { class: 'buttons' }, runButton, h('button', { type: 'button', id: 's-print', onclick: () => printSummary() }, t('export.print'))),
      h('div', { class: 'field check' }, saveRun, h('label', { for: 's-save', i18n: 'compare.saveRun' })),
      h('div', { class: 'progress' }, progress, progressText),
      message),
    h('div', { class: 'col wide' }, cards, latency, charts, runCharts, comparison.element));

  let example: ScenarioDoc | null = null;
  let salaryBase = 7200;
  let last: Counterfactual | null = null;
  let run: ScenarioRun | null = null;
  let inflight: AbortController | null = null;
  let northeast: Region[] = [];
  const subsidy = () => Number(slider.value);
  const width = () => Math.max(360, charts.clientWidth || 640);

  function documentFor(): ScenarioDoc {
    const doc = structuredClone(example!);
    const iv = doc.interventions[0];
    iv.targets = [...state.targets];
    iv.change = { type: 'relative', value: subsidy() / salaryBase };
    iv.benefitYears = Math.max(1, Math.min(5, Number(yearsInput.value) || 3));
    iv.cost = { ...(iv.cost ?? { rule: 'per-person-year' }), rule: 'per-person-year', amount: subsidy() * 12 };
    return doc;
  }

  function renderTargets(): void {
    clear(targetsBox);
    const list = [...northeast];
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
    return h('div', { class: 'card', 'data-result': name }, h('div', {}, t(key)), h('div', { class: 'big' }, value), range ? h('div', { class: 'range' }, `${t('scenario.interval')}: ${range}`) : '');
  }

  async function renderResult(cf: Counterfactual, started: number): Promise<void> {
    const matching = run && run.result.draws && runFor === JSON.stringify(documentFor());
    const iv = (i: { p05: number | null; p95: number | null }) => `${fmt(i.p05)} – ${fmt(i.p95)}`;
    const s = run?.result.summary;
    const retentionRows: BandRow[] = cf.years.flatMap((y) => [
      { year: y.year, series: t('scenario.baseline'), median: 100 * y.retentionBaseline, p05: 100 * y.retentionBaseline, p95: 100 * y.retentionBaseline },
      { year: y.year, series: t('scenario.scenario'), median: 100 * y.retentionScenario, p05: 100 * y.retentionScenario, p95: 100 * y.retentionScenario },
    ]);
    const netRows: BandRow[] = cf.years.flatMap((y) => [
      { year: y.year, series: t('scenario.baseline'), median: y.netBaseline, p05: y.netBaseline, p95: y.netBaseline },
      { year: y.year, series: t('scenario.scenario'), median: y.netScenario, p05: y.netScenario, p95: y.netScenario },
    ]);
    const [c1, c2] = await Promise.all([
      bandChart('scenario-retention', t('scenario.retention'), retentionRows, width(), (v) => `${fmt(v, 2)}%`),
      bandChart('scenario-net', t('scenario.netFlows'), netRows, width()),
    ]);
    clear(cards);
    cards.append(
      card('scenario.retainedDelta', fmt(matching && s ? s.retainedDelta.median : cf.summary.retainedDelta), matching && s ? iv(s.retainedDelta) : null, 'retained-delta'),
      card('scenario.costPerRetained', `${fmt(matching && s ? s.costPerRetained.median : cf.summary.costPerRetained)} ${t('scenario.yuan')}`, matching && s ? iv(s.costPerRetained) : null, 'cost-per-retained'),
      card('scenario.cost', `${fmt(matching && s ? s.totalCost.median : cf.summary.totalCost)} ${t('scenario.yuan')}`, matching && s ? iv(s.totalCost) : null, 'total-cost'),
    );
    charts.replaceChildren(c1, c2, h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'scenario-csv', onclick: () => downloadCsv(`${cf.scenario}-cohorts.csv`, cf.years as unknown as Record<string, unknown>[]) }, `${t('export.csv')}`)));
    const ms = performance.now() - started;
    latency.textContent = t('scenario.latency', { ms: Math.round(ms) });
    element.dataset.latency = String(ms);
    element.dataset.renders = String(Number(element.dataset.renders ?? 0) + 1);
  }

  let runFor = '';
  async function renderRun(): Promise<void> {
    clear(runCharts);
    if (!run) return;
    const y = run.result.years;
    const band = (pick: (r: (typeof y)[number]) => { median: number | null; p05: number | null; p95: number | null }, series: string) =>
      y.map((r) => ({ year: r.year, series, median: pick(r).median ?? NaN, p05: pick(r).p05 ?? NaN, p95: pick(r).p95 ?? NaN }));
    runCharts.append(
      await bandChart('scenario-retained-draws', `${t('scenario.retainedDelta')} (${t('scenario.interval')}, ${run.result.draws} draws)`, band((r) => r.retainedDelta, t('scenario.scenario')), width()),
      await bandChart('scenario-net-draws', `${t('scenario.netFlows')} (${t('scenario.interval')})`, [...band((r) => r.netFlowBaseline, t('scenario.baseline')), ...band((r) => r.netFlowScenario, t('scenario.scenario'))], width()),
    );
  }

  async function refresh(): Promise<void> {
    sliderValue.textContent = `${fmt(subsidy())} ${t('scenario.yuan')}`;
    if (!example) return;
    if (!state.targets.length) {
      message.replaceChildren(status('empty', t('scenario.noTargets')));
      return;
    }
    const started = performance.now();
    inflight?.abort();
    const abort = (inflight = new AbortController());
    try {
      const cf = await scenarioApi.counterfactual(documentFor(), abort.signal);
      if (abort.signal.aborted) return;
      last = cf;
      message.replaceChildren();
      await renderResult(cf, started);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      showProblem((e as Error).message);
    }
  }

  /** The example needs a fitted model (and China's estimated flows): offer to make them. */
  function showProblem(text: string): void {
    const fix = /model|flows/i.test(text) && example
      ? h('button', { type: 'button', class: 'primary', id: 's-prepare', onclick: () => void prepare() }, `${t('models.fit')}: ${example.baseline.model}`)
      : '';
    message.replaceChildren(status('error', t('scenario.unavailable', { reason: text })), fix);
  }

  async function prepare(): Promise<void> {
    if (!example) return;
    progress.hidden = false;
    const onProgress = (p: number, m: string | null) => {
      progress.value = p;
      progressText.textContent = m ?? '';
    };
    try {
      const periods = (await api.periods()).flows.map((p) => p.period);
      if (!periods.includes(example.baseline.period)) {
        const [from, to] = example.baseline.period.split('-').map(Number);
        const job = await post<JobView>('estimate/flows-from-stocks', { from, to, level: 'city', within: 'CN', save: true });
        await waitForJob(job.id, onProgress);
      }
      const job = await post<JobView>('models/gravity', { periods: [example.baseline.period], within: 'CN', level: 'city', constraint: 'production', destinationVars: ['population'], save: example.baseline.model, replace: true });
      await waitForJob(job.id, onProgress);
      await refresh();
    } catch (e) {
      message.replaceChildren(status('error', (e as Error).message));
    } finally {
      progress.hidden = true;
      progressText.textContent = '';
    }
  }

  async function runDraws(): Promise<void> {
    if (!example || !state.targets.length) return;
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
      showProblem((e as Error).message);
    } finally {
      progress.hidden = true;
      progressText.textContent = '';
    }
  }

  function printSummary(): void {
    if (!example || !last) return;
    const svgs = [...element.querySelectorAll<HTMLElement>('figure.chart')].map(mainSvg);
    const w = window.open('', '_blank');
    if (!w) return;
    w.document.write(summaryHtml(documentFor(), subsidy(), state.targets, last, run && runFor === JSON.stringify(documentFor()) ? run : null, svgs));
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
    renderTargets();
    runButton.textContent = t('scenario.runDraws', { n: DRAWS });
    void refresh();
    void renderRun();
  });

  void (async () => {
    try {
      const [examples, ne] = await Promise.all([scenarioApi.examples(), api.regions({ within: 'northeast', level: 'city', limit: 1000 })]);
      northeast = ne;
      renderTargets();
      const found = examples.find((e) => e.file === EXAMPLE) ?? examples[0];
      if (!found) throw new Error('no example scenario documents on the server (examples/)');
      example = found.document;
      const iv = example.interventions[0];
      // The example prices the subsidy as a relative rise in income: amount per month / salary.
      if (iv?.cost?.amount && iv.change.value > 0) salaryBase = iv.cost.amount / 12 / iv.change.value;
      if (iv?.cost?.amount) slider.value = String(Math.round(iv.cost.amount / 12 / 100) * 100);
      if (iv?.benefitYears) yearsInput.value = String(iv.benefitYears);
      if (iv?.targets?.length && state.targets.length === 0) update({ targets: iv.targets });
      await refresh();
      void comparison.refresh();
    } catch (e) {
      message.replaceChildren(status('error', t('scenario.unavailable', { reason: (e as Error).message })));
    }
  })();
  return element;
}

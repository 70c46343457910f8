import type { Region, SavedModel } from '../api.ts';
import { fmt, t, type MessageKey } from '../i18n/index.ts';
import { clear, h } from '../ui/dom.ts';
import { scenarioApi, type ScenarioDoc, type ScenarioModelOptions } from './api.ts';
import { indicatorText } from '../models/indicator-label.ts';
import { listText } from './basis.ts';
import { messageText } from '../i18n/server-text.ts';
import { coded } from '../../../src/core/messages/index.ts';
import { carriesPayment, incomePer, isIncomeName, isMoneyUnit, monthlyBase } from '../../../src/core/payment-term.ts';

/**
 * The scenario's baseline, chosen by the analyst: which saved model (gravity or destination
 * choice) it runs on, where each region's graduates a year come from (an indicator x a rate, a
 * fixed number, graduate records, or the example's own choice), where the share who stay comes
 * from (flows of a period over a population indicator, a fixed share, graduate records, the
 * choice model itself, or the example's), and which term of the model the payment raises. Every
 * choice says its definition and whether it is estimated, assumed or synthetic. The server
 * (GET /api/scenarios/models/{name}) says what the model's workspace offers for each.
 */
export type CohortChoice = 'example' | 'indicator' | 'fixed' | 'persons';
export type StayChoice = 'example' | 'flows' | 'fixed' | 'persons' | 'model';

const GRADUATES = /毕业|graduat/i;

/** How the payment enters the chosen term: added to it (money indicators) or as a share of a monthly base. */
export type Lever = { term: string; indicator: string; unit: string | null; type: 'absolute'; perMonth: boolean } | { term: string; indicator: string; unit: string | null; type: 'relative'; base: number };

export interface BaselineForm {
  readonly element: HTMLElement;
  /** Fills the model list; `wanted` is listed even when not fitted yet (an example's model). */
  setModels(models: readonly SavedModel[], wanted: string | null): void;
  /** Switches to a model (with the example whose baseline the 'example' choices stand for, if it runs on it). */
  choose(model: string, example: ScenarioDoc | null): Promise<void>;
  model(): string;
  /** The model's options (null when the model is not in the workspace). */
  options(): ScenarioModelOptions | null;
  /** Why a held model's options could not be read, or null. */
  problem(): string | null;
  /** The model's regions as the map's regions, for the target list. */
  regions(): Region[];
  /** Replaces what the choices change in a document built on `template`'s baseline. */
  baseline(template: ScenarioDoc['baseline'] | null): ScenarioDoc['baseline'];
  lever(): Lever | null;
  /** Why no payment can be priced on the model (it has no money or income term, naming those it has), or null when one can. */
  noLever(): string | null;
  /** ISO code of the money the model's payment term is in (CNY when nothing says). */
  currency(): string;
  render(): void;
}

export function createBaselineForm({ onChange, onModel }: { onChange: () => void; onModel: (model: string) => void }): BaselineForm {
  const modelSelect = h('select', { id: 's-model' });
  const cohortSelect = h('select', { id: 's-cohort' });
  const cohortIndicator = h('select', { id: 's-cohort-indicator' });
  const cohortRate = h('input', { id: 's-cohort-rate', type: 'number', min: 0.001, max: 100, step: 'any', value: 1 });
  const cohortFixed = h('input', { id: 's-cohort-fixed', type: 'number', min: 0, step: 1, value: 1000 });
  const staySelect = h('select', { id: 's-stay' });
  const stayPeriod = h('select', { id: 's-stay-period' });
  const stayPopulation = h('select', { id: 's-stay-population' });
  const stayFixed = h('input', { id: 's-stay-fixed', type: 'number', min: 0, max: 100, step: 'any', value: 50 });
  const termSelect = h('select', { id: 's-term' });
  const baseInput = h('input', { id: 's-base', type: 'number', min: 1, step: 'any' });
  const cohortMore = h('div', { class: 'sub-fields' });
  const stayMore = h('div', { class: 'sub-fields' });
  const leverMore = h('div', { class: 'sub-fields' });
  const modelNote = h('p', { class: 'note', 'data-note': 'model' });
  // Shown only for a model the workspace holds: there is nothing to choose from before it is fitted.
  const choices = [
    h('div', { class: 'field' }, h('label', { for: 's-cohort', i18n: 'scenario.cohortSource' }), cohortSelect, cohortMore),
    h('div', { class: 'field' }, h('label', { for: 's-stay', i18n: 'scenario.staySource' }), staySelect, stayMore),
    h('div', { class: 'field' }, h('label', { for: 's-term', i18n: 'scenario.term' }), termSelect, leverMore),
  ];
  const element = h('fieldset', { class: 'baseline' },
    h('legend', { i18n: 'scenario.baselineTitle' }),
    h('div', { class: 'field' }, h('label', { for: 's-model', i18n: 'scenario.model' }), modelSelect, modelNote),
    ...choices);

  let models: readonly SavedModel[] = [];
  let wanted: string | null = null;
  let current = '';
  let opts: ScenarioModelOptions | null = null;
  let example: ScenarioDoc | null = null;
  /** Why the model's options could not be read (the server's words), or null. */
  let problem: string | null = null;
  let cohort: CohortChoice = 'indicator';
  let stay: StayChoice = 'flows';
  let term = '';
  /** The selects' values, kept here: their options are rebuilt on every render. */
  let cohortName = '';
  let stayPeriodValue = '';
  let populationName = '';

  // Only money and income terms carry a payment (core/payment-term.ts): priced as a share of, say, population, 1,000 yuan a month became +0.026 % of it.
  const payable = () => (opts?.terms ?? []).filter((x) => carriesPayment(x.indicator, x.unit));
  const personIndicators = () => (opts?.indicators ?? []).filter((x) => x.personsPerUnit !== null && x.regions === opts!.regions.length);
  const definition = (key: MessageKey) => h('p', { class: 'note', 'data-definition': key }, t(key));
  const option = (value: string, text: string, selected: boolean) => h('option', { value, selected }, text);
  const exampleOf = (): ScenarioDoc | null => (example && example.baseline.model === current ? example : null);

  function defaults(): void {
    const o = opts!;
    const ex = exampleOf();
    const records = o.persons.records > 0;
    cohort = ex ? 'example' : records && o.model.kind === 'choice' ? 'persons' : personIndicators().length ? 'indicator' : 'fixed';
    stay = ex ? 'example' : o.model.kind === 'choice' ? 'model' : o.flowPeriods.length && o.population ? 'flows' : 'fixed';
    const people = personIndicators();
    const grads = people.find((x) => GRADUATES.test(x.name));
    const pick = grads ?? people.find((x) => x.name === o.population?.name) ?? people[0];
    cohortName = pick?.name ?? '';
    // Graduates a year are the indicator itself; from a population, about 1% (an assumption the label says).
    cohortRate.value = grads ? '100' : '1';
    const exTerm = ex?.interventions[0]?.term;
    const money = o.terms.filter((x) => isMoneyUnit(x.unit));
    term = (exTerm && o.terms.some((x) => x.term === exTerm) ? exTerm : null)
      ?? [...money, ...payable()].find((x) => isIncomeName(x.indicator))?.term ?? money[0]?.term ?? payable()[0]?.term ?? '';
    setBase();
    stayPeriodValue = o.flowPeriods.includes(o.model.basePeriod) ? o.model.basePeriod : o.flowPeriods.at(-1) ?? '';
    populationName = o.population?.name ?? '';
  }

  /** A relative lever's base: the term's mean over the model's regions, a month (yearly money divided by 12; without a unit a year is assumed, and the run's notes say so). */
  function setBase(): void {
    const x = opts?.terms.find((k) => k.term === term);
    const values = Object.values(x?.values ?? {});
    const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
    baseInput.value = String(Math.round(monthlyBase(mean, x?.unit)) || 1);
  }

  function render(): void {
    clear(modelSelect);
    const listed = models.filter((m) => m.kind === 'gravity' || m.kind === 'choice');
    for (const m of listed) modelSelect.append(option(m.name, `${m.name} · ${t(m.kind === 'choice' ? 'scenario.kindChoice' : 'scenario.kindGravity')}`, m.name === current));
    if (wanted && !listed.some((m) => m.name === wanted)) modelSelect.append(option(wanted, t('scenario.modelMissing', { model: wanted }), wanted === current));
    modelSelect.value = current;
    const o = opts;
    const about = o && { kind: t(o.model.kind === 'choice' ? 'scenario.kindChoice' : 'scenario.kindGravity'), n: o.regions.length, period: o.model.basePeriod };
    modelNote.textContent = o && about ? (o.model.periods.length ? t('scenario.modelAbout', { ...about, periods: listText(o.model.periods) }) : t('scenario.modelAboutNoPeriods', about))
      + (o.model.synthetic ? ` ${t('scenario.kindSynthetic')}` : '') : '';
    for (const el of choices) el.hidden = !o;
    clear(cohortSelect); clear(staySelect); clear(termSelect); clear(cohortMore); clear(stayMore); clear(leverMore);
    if (!o) return;
    const ex = exampleOf();
    const synth = o.persons.synthetic > 0;
    const recordsText = t(synth ? 'scenario.recordsSynthetic' : 'scenario.recordsObserved', { n: fmt(o.persons.records) });
    if (ex) cohortSelect.append(option('example', t('scenario.fromExample', { what: sourceText(ex.baseline.cohort) }), cohort === 'example'));
    cohortSelect.append(option('indicator', t('scenario.cohortIndicator'), cohort === 'indicator'));
    cohortSelect.append(option('fixed', t('scenario.cohortFixed'), cohort === 'fixed'));
    if (o.persons.records) cohortSelect.append(option('persons', t('scenario.cohortPersons', { records: recordsText }), cohort === 'persons'));
    cohortMore.append(definition(cohort === 'example' ? 'scenario.def.example' : cohort === 'indicator' ? 'scenario.def.cohortIndicator' : cohort === 'fixed' ? 'scenario.def.cohortFixed' : 'scenario.def.cohortPersons'));
    if (cohort === 'indicator') {
      clear(cohortIndicator);
      for (const x of personIndicators()) cohortIndicator.append(option(x.name, indicatorText(x.name, x.unit), x.name === cohortName));
      if (!personIndicators().length) cohortIndicator.append(option('', t('scenario.noPersonIndicator', { period: o.model.basePeriod }), true));
      cohortMore.append(
        h('label', { for: 's-cohort-indicator' }, t('scenario.cohortIndicatorName', { period: o.model.basePeriod })), cohortIndicator,
        h('label', { for: 's-cohort-rate' }, t('scenario.cohortRate')), cohortRate);
    } else if (cohort === 'fixed') cohortMore.append(h('label', { for: 's-cohort-fixed' }, t('scenario.cohortFixedValue')), cohortFixed);

    if (ex) staySelect.append(option('example', t('scenario.fromExample', { what: sourceText(ex.baseline.stayShare) }), stay === 'example'));
    if (o.flowPeriods.length) staySelect.append(option('flows', t('scenario.stayFlows'), stay === 'flows'));
    staySelect.append(option('fixed', t('scenario.stayFixed'), stay === 'fixed'));
    if (o.persons.records) staySelect.append(option('persons', t('scenario.stayPersons', { records: recordsText }), stay === 'persons'));
    if (o.model.kind === 'choice') staySelect.append(option('model', t(o.model.synthetic ? 'scenario.stayModelSynthetic' : 'scenario.stayModel'), stay === 'model'));
    stayMore.append(definition(stay === 'example' ? 'scenario.def.example' : stay === 'flows' ? 'scenario.def.stayFlows' : stay === 'fixed' ? 'scenario.def.stayFixed' : stay === 'persons' ? 'scenario.def.stayPersons' : 'scenario.def.stayModel'));
    if (stay === 'flows') {
      clear(stayPeriod);
      for (const p of o.flowPeriods) stayPeriod.append(option(p, p, p === stayPeriodValue));
      clear(stayPopulation);
      for (const x of personIndicators()) stayPopulation.append(option(x.name, indicatorText(x.name, x.unit), x.name === populationName));
      if (!personIndicators().length) stayPopulation.append(option('', t('scenario.noPersonIndicator', { period: o.model.basePeriod }), true));
      stayMore.append(
        h('label', { for: 's-stay-period' }, t('scenario.stayPeriod')), stayPeriod,
        h('label', { for: 's-stay-population' }, t('scenario.stayPopulation')), stayPopulation);
    } else if (stay === 'fixed') stayMore.append(h('label', { for: 's-stay-fixed' }, t('scenario.stayFixedValue')), stayFixed);

    for (const x of payable()) termSelect.append(option(x.term, indicatorText(x.indicator, x.unit), x.term === term));
    if (!payable().length) termSelect.append(option('', t('scenario.noTerm'), true));
    const l = lever();
    // On the example's own term the example's own change is scaled to the amount (document.ts).
    if (ex && l && ex.interventions[0]?.term === l.term) leverMore.append(definition('scenario.def.leverExample'));
    else if (l?.type === 'relative') {
      leverMore.append(h('label', { for: 's-base' }, t('scenario.leverBase', { indicator: l.indicator })), baseInput);
      // Without a unit the base is a twelfth of the values, taken as a year's: said here as in the run's notes.
      if (incomePer(l.unit).assumed) leverMore.append(h('p', { class: 'note warning', 'data-message-code': 'scenario.lever.unitAssumedYearly' }, messageText(coded('scenario.lever.unitAssumedYearly', { term: l.term, indicator: l.indicator }))));
    }
    if (l && !(ex && ex.interventions[0]?.term === l.term)) leverMore.append(h('p', { class: 'note', 'data-note': 'lever' }, l.type === 'absolute'
      ? t(l.perMonth ? 'scenario.leverAddMonthly' : 'scenario.leverAddYearly', { indicator: indicatorText(l.indicator, l.unit) })
      : t('scenario.leverShare', { indicator: indicatorText(l.indicator, l.unit) })));
  }

  /** An example's cohort or stay-share source in words. */
  function sourceText(source: unknown): string {
    const s = source as { source?: string; indicator?: string; rate?: number } | number;
    if (typeof s === 'number') return t('scenario.sourceNumber', { share: fmt(100 * s, 1) });
    if (s.source === 'persons') return t('scenario.sourcePersons');
    if (s.source === 'flows') return t('scenario.sourceFlows');
    if (s.source === 'indicator') return `${s.indicator} × ${s.rate}`;
    if (s.source === 'model') return t('scenario.sourceModel');
    return t('scenario.sourceFixed');
  }

  function lever(): Lever | null {
    const x = payable().find((k) => k.term === term);
    if (!x) return null;
    if (isMoneyUnit(x.unit)) return { term: x.term, indicator: x.indicator, unit: x.unit, type: 'absolute', perMonth: incomePer(x.unit).per === 'month' };
    return { term: x.term, indicator: x.indicator, unit: x.unit, type: 'relative', base: Math.max(1, Number(baseInput.value) || 1) };
  }

  function baseline(template: ScenarioDoc['baseline'] | null): ScenarioDoc['baseline'] {
    const o = opts!;
    // An example keeps its own base period; a model of one's own reads its attributes in its latest period.
    const b: ScenarioDoc['baseline'] = template ? { ...template } : { model: current, period: o.model.basePeriod };
    if (cohort === 'indicator') b.cohort = { source: 'indicator', indicator: cohortName, rate: Math.min(100, Math.max(0.001, Number(cohortRate.value) || 1)) / 100 };
    else if (cohort === 'fixed') b.cohort = { source: 'fixed', sizes: Object.fromEntries(o.regions.map((r) => [r.code, Math.max(0, Number(cohortFixed.value) || 0)])) };
    else if (cohort === 'persons') b.cohort = { source: 'persons' };
    if (stay === 'flows') b.stayShare = { source: 'flows', period: stayPeriodValue, ...(populationName ? { population: populationName } : {}) };
    else if (stay === 'fixed') b.stayShare = Math.min(100, Math.max(0, Number(stayFixed.value) || 0)) / 100;
    else if (stay === 'persons') b.stayShare = { source: 'persons' };
    else if (stay === 'model') b.stayShare = { source: 'model' };
    return b;
  }

  async function choose(model: string, ex: ScenarioDoc | null): Promise<void> {
    current = model;
    example = ex;
    problem = null;
    try {
      opts = models.some((m) => m.name === model) ? await scenarioApi.modelOptions(model) : null;
    } catch (e) {
      opts = null;
      problem = (e as Error).message;
    }
    if (opts) defaults();
    render();
  }

  const changed = (f: () => void) => () => { f(); render(); onChange(); };
  modelSelect.addEventListener('change', () => void choose(modelSelect.value, example).then(() => onModel(current)));
  cohortSelect.addEventListener('change', changed(() => { cohort = cohortSelect.value as CohortChoice; }));
  staySelect.addEventListener('change', changed(() => { stay = staySelect.value as StayChoice; }));
  termSelect.addEventListener('change', changed(() => { term = termSelect.value; setBase(); }));
  cohortIndicator.addEventListener('change', () => { cohortName = cohortIndicator.value; onChange(); });
  stayPeriod.addEventListener('change', () => { stayPeriodValue = stayPeriod.value; onChange(); });
  stayPopulation.addEventListener('change', () => { populationName = stayPopulation.value; onChange(); });
  for (const el of [cohortRate, cohortFixed, stayFixed, baseInput]) el.addEventListener('change', () => onChange());

  return {
    element,
    setModels(list, want) { models = list; wanted = want; render(); },
    choose, render, baseline, lever,
    model: () => current,
    problem: () => problem,
    options: () => opts,
    regions: () => (opts?.regions ?? []).map((r) => ({ code: r.code, name_zh: r.name_zh, name_en: r.name_en, level: r.level ?? '', parent: null, centroid_lat: null, centroid_lon: null, area_km2: null })),
    noLever() {
      if (!opts || lever()) return null;
      const has = opts.terms.map((x) => indicatorText(x.indicator, x.unit));
      return t('scenario.noTermError', { model: current, terms: has.length ? listText(has) : t('scenario.termsNone') });
    },
    currency() {
      const unit = opts?.terms.find((x) => x.term === term)?.unit ?? '';
      if (/원|won|krw/i.test(unit) || /^KR/.test(opts?.regions[0]?.code ?? '')) return 'KRW';
      return 'CNY';
    },
  };
}

import { api, ApiError, get, post, waitForJob, type JobView, type Region } from '../api.ts';
import { coefficientChart } from '../charts/coefficients.ts';
import { robustErrorsLarger } from '../../../src/core/robust-errors.ts';
import { coefficientTable } from './coef-table.ts';
import { choiceBody, choiceFields, type CatalogueUniversity } from './choice-form.ts';
import { choiceFitView, choiceResultView } from './choice-result.ts';
import { downloadCsv } from '../export/download.ts';
import { colon, fmt, lang, levelLabel, onLanguage, otherName, regionName, t, type MessageKey } from '../i18n/index.ts';
import { fieldTexts } from '../i18n/server-text.ts';
import { CASES, state, subscribe, type CaseDef } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { attributeChecks, checks, selectField } from './form-fields.ts';
import { indicatorLabel, modelTermLabel } from './indicator-label.ts';
import { emptyResults, savedModelList, type ModelListing, type SavedModels } from './saved-list.ts';
import { warningList } from './warning-list.ts';

/**
 * The models tab: choose the data (regions, periods) and a gravity specification, fit it as a
 * server job (POST /api/models/gravity, then poll /api/jobs/{id} with a progress bar), and read
 * the coefficient table with its intervals and the fit statistics; optionally save the model. The
 * form's first choice switches to a destination-choice model of the workspace's graduate records
 * (choice-form.ts, POST /api/models/choice), whose result choice-result.ts shows.
 * A saved model opens from the saved list (saved-list.ts), which the results pane also shows before
 * any result: a gravity model (this tab, `talentflow fit gravity --save`, the demo's) as a fit's
 * result is shown, from what GET /api/models/{name} keeps of it; a destination-choice model
 * (kind 'choice', fitted by the CLI or POST /api/models/choice) by choice-result.ts.
 *
 * The form follows the map: its case (regions within the case's country, its periods and
 * indicators), its level, a suggested save name from both. Regions within is a choice among the
 * workspace's countries, groups and the case's first-level regions, named in the page's language;
 * attributes are named by label and unit, their id on hover; the fit's warnings are collapsed
 * below the results, with region names for codes (warning-list.ts).
 */
interface GravityResult {
  terms: string[]; coefficients: Record<string, number>; standardErrors: Record<string, number>; robustStandardErrors: Record<string, number>;
  confidenceIntervals: Record<string, [number, number]>; pValues: Record<string, number>; confidenceLevel: number;
  nobs: number; logLikelihood: number; aic: number; bic: number; pseudoR2: number; devianceR2: number; srmse: number; cpc: number;
  iterations: number; converged: boolean; warnings: string[]; notes?: string[]; messages?: Record<string, unknown>; fitSeconds: number; saved: string | null;
  /** Which standard errors z, p and the intervals use (absent in results saved before it existed: model-based). */
  inference?: { standardErrors: 'clustered' | 'model'; by: string[] | null };
  clusteredStandardErrors?: Record<string, number> | null;
  cluster?: { by: string[]; groups: number[] } | null;
}

/**
 * The choices a fit was made with, as its results' heading says them: a saved model's as far as it
 * records them (level null: its regions' level is not one known; periods empty: not recorded).
 * `name`: a saved model's, shown before the title; `caseId`: the case whose indicators name its terms.
 */
interface Fitted { level: string | null; periods: string[]; constraint: string; decay: string; name?: string; caseId?: string }

/** A saved gravity model as GET /api/models/{name} returns it; the spec records the periods read from the workspace (src/store/fitted-periods.ts). */
interface SavedGravity { name: string; result: GravityResult & { constraint: string; decay: string; periods?: string[] | null }; spec: { periods?: string[] } | null }

const STATS = ['nobs', 'logLikelihood', 'aic', 'bic', 'pseudoR2', 'devianceR2', 'srmse', 'cpc', 'iterations', 'converged'] as const;
/** Likelihood-based figures of millions of persons to one decimal (R's summary prints AIC so); shares and ratios to four. */
const STAT_DECIMALS: Record<'logLikelihood' | 'aic' | 'bic' | 'pseudoR2' | 'devianceR2' | 'srmse' | 'cpc', number> = { logLikelihood: 1, aic: 1, bic: 1, pseudoR2: 4, devianceR2: 4, srmse: 4, cpc: 4 };

export function createModelsView(periods: string[]): HTMLElement {
  const form = h('form', { class: 'model-form', novalidate: true });
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': t('models.running') });
  const progressText = h('span', { class: 'progress-text', role: 'status' });
  const results = h('div', { class: 'model-results', 'aria-live': 'polite' });
  const saved = h('div', { class: 'saved-models' });
  const element = h('section', { class: 'view view-models', id: 'view-models' },
    h('div', { class: 'col' }, label('models.title', 'h2'), form, h('div', { class: 'progress' }, progress, progressText), saved),
    h('div', { class: 'col wide' }, results));
  let running: AbortController | null = null;
  /** The case's first-level regions (provinces of China), offered as "Regions within". */
  let withinRegions: Region[] = [];
  /** Regions of the last fit's selection, to name the codes its warnings quote. */
  let fitRegions = new Map<string, Region>();
  /** What the results pane shows, to draw it again in another language ('pending': a fit or a saved model on its way; null: nothing yet). */
  let shown: { kind: 'gravity'; result: GravityResult; fitted: Fitted } | { kind: 'choice'; name: string } | { kind: 'choiceFit'; result: unknown } | { kind: 'failed'; error: unknown } | { kind: 'pending' } | null = null;
  /** The universities of the workspace's graduate records (none: no choice model can be fitted here). */
  let universities: CatalogueUniversity[] = [];
  /** The saved models as last read, for the list beside the form and the empty results pane. */
  let savedModels: SavedModels | null = null;
  /** Counts the saved models asked to be shown, so only the last one asked for is drawn. */
  let showRequest = 0;

  /** Seconds the last fit took, said again in another language. */
  let doneSeconds: number | null = null;
  const doneText = (sec: number) => t('models.done', { s: fmt(sec, sec < 0.1 ? 3 : 2) });
  const caseDef = (): CaseDef => CASES[state.caseId];
  const levelOf = (c: CaseDef, wanted: string | null) => (wanted && c.levels.includes(wanted) ? wanted : c.levels.includes(state.level) ? state.level : c.defaultLevel);

  /** The universities whose records lie in the case's country: a choice model is fitted within one. */
  const caseUniversities = (c: CaseDef = caseDef()): CatalogueUniversity[] => universities.filter((u) => !c.within || u.countries.includes(c.within));
  /** The kind of model the form fits: a gravity model of flows, or a destination choice of graduates. */
  const kindOf = (): 'gravity' | 'choice' => (form.querySelector<HTMLSelectElement>('#m-kind')?.value === 'choice' && caseUniversities().length ? 'choice' : 'gravity');

  /** A model name from the form's choices: cn-province-2000-2010, northeast-city-2019-2021, cn-choice-province. */
  function suggestedName(): string {
    const c = caseDef();
    const fd = new FormData(form);
    const within = String(fd.get('within') ?? '') || c.id;
    if (kindOf() === 'choice') return [within.toLowerCase(), 'choice', String(fd.get('level') ?? '')].filter(Boolean).join('-').replace(/[^\p{L}\p{N}_.-]/gu, '_').slice(0, 64);
    const chosen = fd.getAll('periods').map(String).sort();
    const span = !chosen.length ? '' : chosen.length === 1 ? chosen[0] : `${chosen[0].slice(0, 4)}-${chosen[chosen.length - 1].slice(-4)}`;
    return [within.toLowerCase(), String(fd.get('level') ?? ''), span].filter(Boolean).join('-').replace(/[^\p{L}\p{N}_.-]/gu, '_').slice(0, 64);
  }

  function withinSelect(c: CaseDef): HTMLSelectElement {
    const option = (value: string, r: { code: string; name_zh: string | null; name_en: string | null }) =>
      h('option', { value, title: [otherName(r), r.code].filter(Boolean).join(' · ') }, regionName(r));
    const countries = Object.values(CASES).filter((k) => k.within).map((k) => option(k.within!, { code: k.within!, name_zh: k.name_zh, name_en: k.name_en }));
    const groups = new Map<string, CaseDef['info']['groups'][number]>();
    for (const k of Object.values(CASES)) for (const g of k.info.groups) groups.set(g.code, g);
    const s = h('select', { id: 'm-within', name: 'within' },
      Object.values(CASES).some((k) => !k.within) ? h('option', { value: '' }, t('models.withinAll')) : '',
      countries.length ? h('optgroup', { label: t('models.withinCountries') }, ...countries) : '',
      groups.size ? h('optgroup', { label: t('models.withinGroups') }, ...[...groups.values()].map((g) => option(g.code, g))) : '',
      withinRegions.length ? h('optgroup', { label: t('models.withinRegions') }, ...withinRegions.map((r) => option(r.code, r))) : '');
    s.value = c.within ?? '';
    return s;
  }

  /** The case's regions one level below the country, for "Regions within" (loaded once per case). */
  async function loadWithinRegions(): Promise<void> {
    const c = caseDef();
    withinRegions = c.levels.length > 1 ? await api.regions({ within: c.within, level: c.levels[0], limit: 1000 }).catch(() => []) : [];
    if (c === caseDef()) rerenderForm();
  }

  function renderForm(wantedLevel: string | null = null): void {
    const c = caseDef();
    const kind = kindOf();
    const ps = periods.filter(c.periodFilter);
    const level = levelOf(c, wantedLevel);
    const attributes = attributeChecks(c, level);
    const defaults = { periods: ps.slice(-1), dest: attributes.some((a) => a.value === 'individual_income_pc') ? ['individual_income_pc'] : [], constraint: 'production' };
    const select = (name: string, key: MessageKey, opts: [string, MessageKey][], value: string) => selectField(name, key, opts.map(([v, k]) => [v, t(k)]), value);
    const mine = caseUniversities(c);
    // Why the choice is offered disabled: no records at all, or none in this case's country.
    const none = mine.length ? undefined : t(universities.length ? 'models.kindChoiceElsewhere' : 'models.kindChoiceNone');
    const kindSelect = h('select', { id: 'm-kind', name: 'kind' },
      h('option', { value: 'gravity' }, t('models.kindGravity')),
      h('option', { value: 'choice', disabled: !mine.length, title: none }, t('models.kindChoice')));
    kindSelect.value = kind;
    const specific = kind === 'choice' ? choiceFields(c, level, mine) : [
      h('fieldset', {}, h('legend', {}, t('models.periods')), checks('periods', ps.map((p) => ({ value: p, text: p })), defaults.periods)),
      select('constraint', 'models.constraint', [['unconstrained', 'constraint.unconstrained'], ['production', 'constraint.production'], ['attraction', 'constraint.attraction'], ['doubly', 'constraint.doubly']], defaults.constraint),
      select('decay', 'models.decay', [['power', 'decay.power'], ['exponential', 'decay.exponential']], 'power'),
      attributes.length ? h('fieldset', {}, h('legend', {}, t('models.originVars')), checks('originVars', attributes, [])) : '',
      attributes.length ? h('fieldset', {}, h('legend', {}, t('models.destinationVars')), checks('destinationVars', attributes, defaults.dest)) : '',
      attributes.length ? h('p', { class: 'note' }, t('models.attrHint')) : '',
      h('div', { class: 'field check' }, h('input', { id: 'm-intra', type: 'checkbox', name: 'intra' }), h('label', { for: 'm-intra' }, t('models.intra'))),
      // The API's `cluster`: left to the model ('', clusters by pair on panels), none, or one or two dimensions.
      select('se', 'models.seChoice', [['', 'models.seByModel'], ['none', 'models.seNone'], ['pair', 'models.seByPair'], ['origin', 'models.seByOrigin'], ['destination', 'models.seByDestination'], ['origin,destination', 'models.seTwoWay']], ''),
    ];
    clear(form);
    form.append(
      h('div', { class: 'field' }, h('label', { for: 'm-kind' }, t('models.kind')), kindSelect),
      h('p', { class: 'note', 'data-kind-help': kind }, t(kind === 'choice' ? 'models.helpChoice' : 'models.help')),
      h('div', { class: 'field' }, h('label', { for: 'm-within' }, t('models.within')), withinSelect(c)),
      h('div', { class: 'field' }, h('label', { for: 'm-level' }, t('filter.level')), (() => {
        const s = h('select', { id: 'm-level', name: 'level' }, ...c.levels.map((l) => h('option', { value: l }, t(`level.${l}` as 'level.city'))));
        s.value = level;
        return s;
      })()),
      ...specific,
      h('div', { class: 'field' }, h('label', { for: 'm-save' }, t('models.saveAs')), h('input', { id: 'm-save', name: 'save', pattern: '[A-Za-z0-9_.\\-]{1,64}' })),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary', id: 'm-fit' }, t('models.fit')),
        h('button', { type: 'button', id: 'm-cancel', onclick: () => running?.abort() }, t('models.cancel'))),
    );
    updatePlaceholder();
  }

  function updatePlaceholder(): void {
    const save = form.querySelector<HTMLInputElement>('#m-save');
    if (save) save.placeholder = suggestedName();
  }

  async function renderSaved(): Promise<void> {
    try {
      savedModels = await api.models();
    } catch (e) {
      savedModels = { error: (e as Error).message };
    }
    drawSaved();
  }

  /** The saved models as last read, in the page's language: beside the form and, before any result, in the results pane. */
  function drawSaved(): void {
    if (savedModels) saved.replaceChildren(label('models.saved', 'h3'), savedModelList(savedModels, (m) => void showSaved(m)));
    if (shown === null) showEmpty();
  }

  /** Before any result: what the form does and the saved models, instead of a blank pane. */
  function showEmpty(): void {
    results.replaceChildren(emptyResults(savedModels, (m) => void showSaved(m)));
  }

  async function fit(e: Event): Promise<void> {
    e.preventDefault();
    if (kindOf() === 'choice') return fitChoice();
    const fd = new FormData(form);
    const body: Record<string, unknown> = {
      periods: fd.getAll('periods'), within: fd.get('within') || undefined, level: fd.get('level') || undefined,
      constraint: fd.get('constraint'), decay: fd.get('decay'), originVars: fd.getAll('originVars'), destinationVars: fd.getAll('destinationVars'),
      intra: fd.get('intra') === 'on', save: (fd.get('save') as string) || undefined, replace: true,
    };
    const se = String(fd.get('se') ?? '');
    if (se) body.cluster = se === 'none' ? [] : se.split(',');
    const done = await runJob<GravityResult>('models/gravity', body);
    if (!done) return;
    const r = done.result;
    // Names for the region codes the warnings quote: the regions of this fit's selection.
    const named = await api.regions({ within: body.within as string | undefined, level: body.level as string | undefined, limit: 100_000 }).catch(() => []);
    if (done.request !== showRequest) return;
    fitRegions = new Map(named.map((x) => [x.code, x]));
    const fitted: Fitted = { level: String(body.level ?? ''), periods: (body.periods as string[]).slice().sort(), constraint: String(body.constraint), decay: String(body.decay), name: r.saved ?? undefined };
    shown = { kind: 'gravity', result: r, fitted };
    await showResult(r, fitted);
    // The form is long and its button at its foot: the result is brought up from its heading
    // (which model), not left above the view or cut at the table's caption.
    results.querySelector('[data-result-heading]')?.scrollIntoView({ block: 'start' });
  }

  /**
   * Starts a fit job and follows it with the progress bar; says when it is done and refreshes the
   * saved list if it saved. `request`: the results pane's request it answers (a saved model shown
   * while the fit runs is not overdrawn by it). Null when it failed (said in the pane) or was cancelled.
   */
  async function runJob<R extends { fitSeconds: number; saved?: string | null }>(path: string, body: Record<string, unknown>): Promise<{ result: R; request: number } | null> {
    shown = { kind: 'pending' };
    const request = ++showRequest;
    doneSeconds = null;
    running?.abort();
    const abort = (running = new AbortController());
    clear(results);
    progress.hidden = false;
    progress.value = 0;
    progressText.textContent = t('models.running');
    try {
      const job = await post<JobView>(path, body);
      const result = await waitForJob<R>(job.id, (p, m) => {
        progress.value = p;
        progressText.textContent = `${t('models.running')} ${Math.round(p * 100)}%${m ? ` · ${m}` : ''}`;
      }, abort.signal);
      doneSeconds = result.fitSeconds;
      progressText.textContent = doneText(result.fitSeconds);
      if (result.saved) void renderSaved();
      return { result, request };
    } catch (err) {
      progressText.textContent = '';
      if (request !== showRequest) return null;
      shown = { kind: 'failed', error: err };
      showFailure(err);
      // The form is long: the answer to its button is brought into view, not left above the fold.
      results.firstElementChild?.scrollIntoView({ block: 'nearest' });
      return null;
    } finally {
      progress.hidden = true;
    }
  }

  /** A destination-choice fit of the graduate records (choice-form.ts), shown as a saved choice model is. */
  async function fitChoice(): Promise<void> {
    const done = await runJob<{ fitSeconds: number; saved?: string | null }>('models/choice', choiceBody(new FormData(form)));
    if (!done || done.request !== showRequest) return;
    shown = { kind: 'choiceFit', result: done.result };
    await showChoiceFit(done.result);
    results.querySelector('h3')?.scrollIntoView({ block: 'start' });
  }

  async function showChoiceFit(r: unknown): Promise<void> {
    const request = showRequest;
    try {
      const view = await choiceFitView(r, Math.max(320, results.clientWidth - 16));
      if (request === showRequest) results.replaceChildren(view);
    } catch (e) {
      if (request === showRequest) results.replaceChildren(status('error', (e as Error).message));
    }
  }

  /** What the results are of: "cn-province: Gravity model of province flows, 2010-2020: production (origin totals), distance decay power (d^β)". */
  function resultHeading(f: Fitted): HTMLElement {
    const level = f.level ? levelLabel(f.level) : t('models.anyLevel');
    const title = t(f.periods.length ? 'models.resultTitle' : 'models.resultTitleNoPeriods', {
      level: lang() === 'zh' ? level : level.toLowerCase(), periods: f.periods.join(lang() === 'zh' ? '、' : ', '),
      constraint: t(`constraint.${f.constraint}` as 'constraint.production'), decay: t(`decay.${f.decay}` as 'decay.power'),
    });
    return h('h3', { 'data-result-heading': '' }, f.name ? `${f.name}${colon()}${title}` : title);
  }

  async function showResult(r: GravityResult, fitted: Fitted): Promise<void> {
    const level = Math.round((r.confidenceLevel ?? 0.95) * 100);
    // The table's standard error is the one its intervals and p values use: clustered when the fit clusters.
    const clustered = r.inference?.standardErrors === 'clustered' && r.clusteredStandardErrors ? r.clusteredStandardErrors : null;
    const termCase = (fitted.caseId && CASES[fitted.caseId]) || caseDef();
    const rows = r.terms.map((term) => ({
      term, label: termLabel(term, termCase), estimate: r.coefficients[term], se: (clustered ?? r.standardErrors)[term], modelSe: r.standardErrors[term], robustSe: r.robustStandardErrors?.[term],
      low: r.confidenceIntervals[term]?.[0], high: r.confidenceIntervals[term]?.[1], p: r.pValues[term],
    }));
    // Beside model-based errors, the robust ones in a column of their own: with overdispersed
    // counts (migration flows are) the Poisson variance understates the uncertainty many times.
    const table = coefficientTable(clustered ? rows.map((x) => ({ ...x, robustSe: undefined })) : rows, level);
    const ratio = clustered ? null : robustErrorsLarger(r.terms, r.standardErrors, r.robustStandardErrors);
    const stats = h('dl', { class: 'stats' }, ...STATS.map((k) => h('div', {}, h('dt', {}, t(`stat.${k}`)), h('dd', {}, k === 'converged' ? t(r.converged ? 'yes' : 'no') : k === 'nobs' || k === 'iterations' ? fmt(r[k]) : fmt(r[k], STAT_DECIMALS[k])))));
    const seNote = clustered
      ? t('models.seClustered', { by: (r.inference?.by ?? r.cluster?.by ?? []).map(clusterName).join(' × '), clusters: (r.cluster?.groups ?? []).map((n) => fmt(n)).join(' × ') })
      : t('models.seModel');
    results.append(
      resultHeading(fitted),
      table,
      h('p', { class: 'note', 'data-se': clustered ? 'clustered' : 'model' }, seNote),
      ratio !== null ? h('p', { class: 'note caution', 'data-se-robust': ratio.toFixed(1) }, t('models.seRobustLarger', { ratio: fmt(ratio, ratio < 10 ? 1 : 0) })) : '',
      h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'coef-csv', onclick: () => downloadCsv('gravity-coefficients.csv', rows, { title: t('models.coefChart'), kind: 'model', definition: t('models.coefDefinition', { n: fmt(r.nobs), level }), columns: { estimate: 'coefficient', se: 'coefficient', modelSe: 'coefficient', robustSe: 'coefficient', low: 'coefficient', high: 'coefficient', p: 'coefficient' } }) }, t('export.csv'))),
      h('h3', {}, t('models.fitStats')), stats,
      await coefficientChart('gravity-coefficients', rows.filter((x) => Number.isFinite(x.low)).map((x) => ({ term: x.label, estimate: x.estimate, low: x.low, high: x.high })), Math.max(320, results.clientWidth - 16)),
      r.saved ? h('p', { class: 'ok' }, t('models.savedAs', { name: r.saved })) : '',
      ...fieldTexts(r, 'notes').map((w) => h('p', { class: 'note' }, w)),
      warningList(fieldTexts(r, 'warnings'), (code) => {
        const region = fitRegions.get(code);
        return region ? regionName(region) : null;
      }),
    );
  }

  /** Why a fit failed, in the page's language (an ApiError's message is rendered from its code each time it is read). */
  function showFailure(err: unknown): void {
    results.append(status('error', `${t('models.failed')}${colon()}${(err as ApiError).message}`));
  }

  /** A cluster dimension in the page's language: origin, destination and pair are the model's own; other columns as named. */
  function clusterName(by: string): string {
    return by === 'origin' ? t('models.origin') : by === 'destination' ? t('models.destination') : by === 'pair' ? t('models.pair') : by;
  }

  /** origin_城镇非私营单位平均工资 -> "destination: 城镇非私营单位平均工资（元）"; other terms (distance_km, effects) as named. */
  function termLabel(term: string, c: CaseDef): string {
    const m = /^(origin|destination)_(.+)$/.exec(term);
    if (!m) return modelTermLabel(term) ?? term;
    const unit = c.info.indicators.find((i) => i.name === m[2])?.unit;
    return t('models.termOf', { side: t(m[1] === 'origin' ? 'models.origin' : 'models.destination'), label: indicatorLabel(m[2], unit).text });
  }

  /** A saved model from the list: a gravity model as a fit's result, a choice model by choice-result.ts. */
  async function showSaved(m: ModelListing): Promise<void> {
    if (m.kind === 'gravity') await showSavedGravity(m);
    else await showSavedChoice(m.name);
    // Opened from the list under the long form, the result (at the top of its column) is brought
    // into view: the page stayed scrolled down at the list, on the result's last lines.
    if (results.getBoundingClientRect().top < 0) results.scrollIntoView({ block: 'start' });
  }

  /**
   * A saved gravity model as a fresh fit's result is shown: what it was fitted on from what it
   * records (constraint and decay in its result, periods in its result or spec, level from the list's
   * reading of its regions), its warnings with region names for codes. It carries no fit time and
   * no notes (a fit's notes are not saved).
   */
  async function showSavedGravity(m: ModelListing): Promise<void> {
    const request = ++showRequest;
    shown = { kind: 'pending' };
    results.replaceChildren(status('loading', t('loading')));
    try {
      const model = await get<SavedGravity>(`models/${encodeURIComponent(m.name)}`);
      const r = model.result;
      const caseId = m.case && CASES[m.case] ? m.case : undefined;
      const named = await api.regions({ within: caseId ? CASES[caseId].within : undefined, level: m.level ?? undefined, limit: 100_000 }).catch(() => []);
      if (request !== showRequest) return;
      fitRegions = new Map(named.map((x) => [x.code, x]));
      const periods = r.periods?.length ? r.periods : model.spec?.periods ?? [];
      const fitted: Fitted = { level: m.level ?? null, periods: [...periods].sort(), constraint: r.constraint, decay: r.decay, name: model.name, caseId };
      const result = { ...r, saved: null };
      shown = { kind: 'gravity', result, fitted };
      clear(results);
      await showResult(result, fitted);
    } catch (e) {
      if (request === showRequest) results.replaceChildren(status('error', (e as Error).message));
    }
  }

  /** A saved choice model: its coefficients, WTP in yuan a month and predicted against observed shares. */
  async function showSavedChoice(name: string): Promise<void> {
    const request = ++showRequest;
    shown = { kind: 'choice', name };
    results.replaceChildren(status('loading', t('loading')));
    try {
      const view = await choiceResultView(name, Math.max(320, results.clientWidth - 16));
      if (request === showRequest) results.replaceChildren(view);
    } catch (e) {
      if (request === showRequest) results.replaceChildren(status('error', (e as Error).message));
    }
  }

  /**
   * Re-renders the form (new language, newly loaded regions, another level) keeping what the user
   * has chosen and typed; `level` overrides the chosen level (the map's, when it changes).
   */
  function rerenderForm(level?: string): void {
    if (!form.querySelector('select[name]')) return renderForm(level);
    const before = new FormData(form);
    // Boxes that were there keep their state; new ones (attributes of another level) their defaults.
    const existed = new Set([...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((el) => `${el.name}|${el.value}`));
    renderForm(level ?? String(before.get('level')));
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
      if (el.name === 'level') continue;
      if (el instanceof HTMLInputElement && el.type === 'checkbox') {
        if (existed.has(`${el.name}|${el.value}`)) el.checked = before.getAll(el.name).includes(el.value);
      } else if (before.has(el.name)) el.value = String(before.get(el.name));
    }
    updatePlaceholder();
  }

  /** The results again (new language): names, labels and warnings in the page's words. */
  function rerenderResults(): void {
    if (shown?.kind === 'gravity') {
      clear(results);
      void showResult(shown.result, shown.fitted);
    } else if (shown?.kind === 'choice') void showSavedChoice(shown.name);
    else if (shown?.kind === 'choiceFit') void showChoiceFit(shown.result);
    else if (shown?.kind === 'failed') {
      clear(results);
      showFailure(shown.error);
    }
  }

  form.addEventListener('submit', (e) => void fit(e));
  form.addEventListener('change', (e) => {
    const changed = (e.target as HTMLSelectElement).name;
    if (changed === 'level' || changed === 'kind') rerenderForm();
    else updatePlaceholder();
  });
  renderForm();
  showEmpty();
  void loadWithinRegions();
  // Whose graduate records a choice model can be fitted on (none: the choice is offered disabled).
  void get<{ universities: CatalogueUniversity[] }>('reports/graduates/catalogue').then((c) => {
    universities = c.universities;
    if (universities.length) rerenderForm();
  }).catch(() => undefined);
  void renderSaved();
  onLanguage(() => {
    if (doneSeconds !== null) progressText.textContent = doneText(doneSeconds);
    rerenderForm();
    rerenderResults();
    // Drawn in the new language at once from the list last read (waiting for a new answer, the
    // pane showed its old words under headings already switched). Names and kinds do not depend
    // on the language; a failed read's message does (said in the language of then), so only
    // after a failure is the list read again.
    drawSaved();
    if (savedModels && 'error' in savedModels) void renderSaved();
  });
  // The form follows the map: another case brings its regions, periods and indicators; another
  // level is the form's level too.
  subscribe((_s, changed) => {
    if (changed.has('caseId')) {
      // Another case's fit is not this one's: the results pane starts empty.
      shown = null;
      showRequest++;
      doneSeconds = null;
      progressText.textContent = '';
      showEmpty();
      withinRegions = [];
      renderForm();
      void loadWithinRegions();
    } else if (changed.has('level')) rerenderForm(state.level);
  });
  return element;
}

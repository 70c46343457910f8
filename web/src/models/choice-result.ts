import type { MessageParams } from '../../../src/core/messages/index.ts';
import { api, get, type Region } from '../api.ts';
import { coefficientChart } from '../charts/coefficients.ts';
import { downloadCsv } from '../export/download.ts';
import { colon, fmt, lang, otherName, regionName, t, type MessageKey } from '../i18n/index.ts';
import { unitZh } from '../../../src/core/messages/indicator-zh.ts';
import { personCategoryZh } from '../i18n/messages-zh-models.ts';
import { fieldText, fieldTexts, messageText, namePlaces } from '../i18n/server-text.ts';
import { CASES } from '../state.ts';
import { h } from '../ui/dom.ts';
import { coefficientTable } from './coef-table.ts';
import { indicatorLabel, modelTermLabel } from './indicator-label.ts';
import { leftOutList, type LeftOut } from './left-out.ts';
import { warningList } from './warning-list.ts';

/**
 * A saved destination-choice model (GET /api/models/{name}, kind 'choice'): its kind (SYNTHETIC
 * records are said so first), the coefficient table and chart with intervals, the fit, the
 * willingness to pay in yuan a month with delta-method intervals, and predicted against observed
 * destination shares. The numbers are the library's; only rounding happens here. An observed
 * share hidden by small-cell suppression reads "suppressed (<k)", as in the graduate reports.
 * The fit says how it stopped, and the shares how many counts the small-cell rule hid, as
 * `talentflow fit choice` prints them. The warnings are collapsed as a gravity fit's
 * (warning-list.ts); the graduates left out of the choice sets follow them, collapsed too (left-out.ts).
 */
interface ChoiceResult {
  model: 'conditional-logit' | 'nested-logit';
  terms: string[]; coefficients: Record<string, number>; standardErrors: Record<string, number>;
  confidenceIntervals: Record<string, [number, number]>; pValues: Record<string, number>; confidenceLevel: number; vcovType: string;
  logLikelihood: number; nullLogLikelihood: number; rhoSquared: number; aic: number; bic: number; nPersons: number;
  iterations: number; converged: boolean; fitSeconds: number; stopReason?: string;
  kind: 'synthetic' | 'estimated'; definition: string;
  /** Coded texts (src/core/messages), absent in models saved before codes: the English fields are shown then. */
  messages?: { definition?: CodedText; stopReason?: CodedText };
  nests?: { name: string; lambda: number; lambdaStandardError: number; consistentWithUtilityMaximisation: boolean }[];
  wtp: { unit: string; money: string; definition: string; messages?: { definition?: CodedText }; values: { term: string; value: number; standardError: number; lower: number; upper: number }[] } | null;
  /** observedShare null: hidden by the workspace's small-cell rule (privacy.k, suppressedCells counts hidden); older saved models have no privacy field. */
  shares: { byAlternative: { alternative: string; name: string; observedShare: number | null; predictedShare: number }[]; privacy?: { k: number; suppressedCells?: number } | null };
  holdout: { years: number[]; nPersons: number; hitRate: number; chanceHitRate: number; logLikelihood: number } | null;
  /** `excluded`: the graduates left out of the choice sets, by reason (left-out.ts). */
  choiceSet: { within: string; notes: string[]; messages?: { notes?: CodedText[] }; excluded?: LeftOut[] };
  spec: { level: string };
  warnings: ChoiceWarning[];
}

/** A message as the server codes it: its code in src/core/messages, parameters and English. */
interface CodedText { code: string; params: MessageParams; message: string }

/**
 * A warning of the choice model (src/models/logit): a stable code, the library's English, sometimes
 * the terms it is about, and its coded text (absent in models saved before codes).
 */
interface ChoiceWarning { code?: string; message: string; terms?: string[]; text?: { code: string; params: MessageParams } }

const WARNING_KEYS = {
  NOT_CONVERGED: 'choice.warn.NOT_CONVERGED', NUMERICAL_PRECISION: 'choice.warn.NUMERICAL_PRECISION', SINGLE_ALTERNATIVE_CASES: 'choice.warn.SINGLE_ALTERNATIVE_CASES',
  FEW_CLUSTERS: 'choice.warn.FEW_CLUSTERS', WEAK_MONEY_COEFFICIENT: 'choice.warn.WEAK_MONEY_COEFFICIENT', LAMBDA_OUT_OF_RANGE: 'choice.warn.LAMBDA_OUT_OF_RANGE',
} as const satisfies Record<string, MessageKey>;

/**
 * A warning in the page's language: from its coded text, in full; for a model saved before codes,
 * by its warning code with the count it names (clusters, cases) and the money term. A code this
 * page does not know shows as the library wrote it.
 */
function choiceWarning(w: ChoiceWarning): string {
  if (w.text) return messageText({ ...w.text, message: w.message });
  const key = w.code && w.code in WARNING_KEYS ? WARNING_KEYS[w.code as keyof typeof WARNING_KEYS] : null;
  const n = /(\d+) (?:clusters|case)/.exec(w.message)?.[1] ?? '';
  return key ? t(key, { n, term: w.terms?.[0] ?? '' }) : w.message;
}

/** How the fit stopped, as `fit choice` says it (Iterations: 8, converged (Newton decrement …)); nothing for a model saved without a stop reason. */
function stopLine(r: ChoiceResult): HTMLElement | '' {
  const reason = fieldText(r, 'stopReason');
  if (!reason) return '';
  return h('p', { class: r.converged ? 'note' : 'note warning', 'data-text': 'stop-reason', 'data-converged': String(r.converged) },
    t(r.converged ? 'choice.stopConverged' : 'choice.stopNotConverged', { n: fmt(r.iterations), reason }));
}

/** The small-cell rule's line under the shares, as `fit choice` prints it; absent for models saved without privacy. */
function privacyLine(privacy: ChoiceResult['shares']['privacy']): HTMLElement | '' {
  if (!privacy || privacy.suppressedCells === undefined) return '';
  return h('p', { class: 'note', 'data-privacy': String(privacy.k) }, t('choice.privacy', { below: privacy.k - 1, cells: fmt(privacy.suppressedCells), doc: 'docs/privacy.md' }));
}

const pct = (x: number) => fmt(100 * x, 1);

/**
 * log_disposable_income_pc -> "Disposable income per capita (log)": standard indicators by their
 * label (weather_air_temperature, entered in units, by its stored tenths' label), interactions as
 * "degree: doctor × …" (学历：博士 × …), the id on hover.
 */
function choiceTermLabel(term: string): string {
  const own = modelTermLabel(term);
  if (own) return own;
  const interaction = /^(degree|major|university)\[(.+)\]:(.+)$/.exec(term);
  if (interaction) {
    const [, attribute, category, of] = interaction;
    return `${lang() === 'zh' ? personCategoryZh(attribute, category) : `${attribute}: ${category}`} × ${choiceTermLabel(of)}`;
  }
  const m = /^(log_|log1p_)?(.+)$/.exec(term)!;
  const tenths = indicatorLabel(`${m[2]}_x10`, null);
  const label = m[1] === undefined && tenths.text !== `${m[2]}_x10` ? tenths : indicatorLabel(m[2], null);
  if (label.text === m[2]) return term;
  const log = t('models.log');
  // Full-width brackets (（对数）) take no space before them.
  return m[1] ? `${label.text}${log.startsWith('（') ? '' : ' '}${log}` : label.text;
}

/**
 * Regions the choice views have loaded, by code: the alternatives (the library names them in
 * Chinese only) and the countries of the cases, so the shares, notes and definition name them in
 * the page's language. One lookup for the page's messages, registered once.
 */
const known = new Map<string, Pick<Region, 'code' | 'name_zh' | 'name_en'>>();
function knownPlace(code: string): Pick<Region, 'code' | 'name_zh' | 'name_en'> | undefined {
  const region = known.get(code);
  if (region) return region;
  const country = Object.values(CASES).find((c) => c.within === code);
  return country ? { code, name_zh: country.name_zh, name_en: country.name_en } : undefined;
}
namePlaces(knownPlace);

/** A saved choice model (GET /api/models/{name}). */
export async function choiceResultView(name: string, width: number): Promise<HTMLElement> {
  const saved = await get<{ name: string; kind: string; result: ChoiceResult }>(`models/${encodeURIComponent(name)}`);
  return choiceView(saved.result, saved.name, width);
}

/** A choice model fitted from the Models tab (the job's answer, the result a saved model keeps): titled by its saved name, else "not saved". */
export function choiceFitView(result: unknown, width: number): Promise<HTMLElement> {
  const r = result as ChoiceResult & { saved?: string | null };
  return choiceView(r, r.saved ?? null, width);
}

async function choiceView(r: ChoiceResult, name: string | null, width: number): Promise<HTMLElement> {
  const file = name ?? 'choice-model';
  // The alternatives' names in both languages (models saved before choiceSet.within name none).
  if (r.choiceSet.within && r.spec?.level && !r.shares.byAlternative.every((s) => known.has(s.alternative))) {
    for (const x of await api.regions({ within: r.choiceSet.within, level: r.spec.level, limit: 10_000 }).catch(() => [])) known.set(x.code, x);
  }
  const alternative = (code: string, fallback: string) => {
    const region = known.get(code);
    return region ? { text: regionName(region), title: [otherName(region), code].filter(Boolean).join(' · ') } : { text: fallback, title: code };
  };
  const level = Math.round(r.confidenceLevel * 100);
  const rows = r.terms.map((term) => ({
    term, label: choiceTermLabel(term), estimate: r.coefficients[term], se: r.standardErrors[term], low: r.confidenceIntervals[term][0], high: r.confidenceIntervals[term][1], p: r.pValues[term],
  }));
  const stats: [string, string][] = [
    [t('choice.persons'), fmt(r.nPersons)], [t('stat.logLikelihood'), fmt(r.logLikelihood, 2)], [t('choice.nullLogLikelihood'), fmt(r.nullLogLikelihood, 2)],
    [t('choice.rhoSquared'), fmt(r.rhoSquared, 4)], [t('stat.aic'), fmt(r.aic, 1)], [t('stat.bic'), fmt(r.bic, 1)],
    [t('stat.iterations'), fmt(r.iterations)], [t('stat.converged'), t(r.converged ? 'yes' : 'no')], [t('choice.fitSeconds'), fmt(r.fitSeconds, 3)],
  ];
  const wtp = r.wtp && r.wtp.values.length ? [
    h('h3', {}, t('choice.wtp', { unit: lang() === 'zh' ? unitZh(r.wtp.unit) : r.wtp.unit })),
    h('table', { class: 'coef wtp' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('models.term')), h('th', { scope: 'col' }, t('choice.wtpValue')), h('th', { scope: 'col' }, t('models.se')), h('th', { scope: 'col' }, t('models.ci').replace('95', String(level))))),
      h('tbody', {}, ...r.wtp.values.map((v) => h('tr', {}, h('th', { scope: 'row', title: v.term }, choiceTermLabel(v.term)), h('td', {}, fmt(v.value)), h('td', {}, fmt(v.standardError)), h('td', {}, `[${fmt(v.lower)}, ${fmt(v.upper)}]`))))),
    h('p', { class: 'note', 'data-text': 'wtp-definition' }, fieldText(r.wtp, 'definition')),
  ] : [];
  const shares = r.shares.byAlternative.slice(0, 15);
  const observed = (x: number | null) => (x === null ? t('grad.suppressed', { k: r.shares.privacy?.k ?? '?' }) : `${pct(x)}%`);
  const h0 = r.holdout;
  return h('div', { class: 'choice-result' },
    h('h3', {}, t('choice.title', { name: name ?? t('choice.unsaved') })),
    h('p', { class: r.kind === 'synthetic' ? 'status status-error' : 'note', 'data-kind': r.kind }, t(r.kind === 'synthetic' ? 'choice.synthetic' : 'choice.estimated')),
    h('p', { class: 'note', 'data-text': 'definition' }, fieldText(r, 'definition')),
    coefficientTable(rows, level),
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'choice-coef-csv', onclick: () => downloadCsv(`${file}-coefficients.csv`, rows) }, t('export.csv'))),
    await coefficientChart(`${file}-coefficients`, rows.filter((x) => Number.isFinite(x.low)).map((x) => ({ term: x.label, estimate: x.estimate, low: x.low, high: x.high })), width),
    r.nests?.length ? h('p', { class: 'note' }, `${t('choice.nests')}${colon()}${r.nests.map((n) => `${n.name} λ = ${fmt(n.lambda, 3)} (${fmt(n.lambdaStandardError, 3)})${n.consistentWithUtilityMaximisation ? '' : ' ✗'}`).join('; ')}`) : '',
    h('h3', {}, t('choice.fitStats')),
    h('dl', { class: 'stats' }, ...stats.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    stopLine(r),
    ...wtp,
    h('h3', {}, t('choice.shares')),
    h('table', { class: 'coef shares' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('choice.destination')), h('th', { scope: 'col' }, t('choice.observed')), h('th', { scope: 'col' }, t('choice.predicted')))),
      h('tbody', {}, ...shares.map((s) => h('tr', {}, (({ text, title }) => h('th', { scope: 'row', title }, text))(alternative(s.alternative, `${s.name} (${s.alternative})`)), h('td', s.observedShare === null ? { class: 'suppressed' } : {}, observed(s.observedShare)), h('td', {}, `${pct(s.predictedShare)}%`))))),
    privacyLine(r.shares.privacy),
    h0 ? h('p', { class: 'note' }, t('choice.holdout', { years: h0.years.join(', '), persons: fmt(h0.nPersons), hit: pct(h0.hitRate), chance: pct(h0.chanceHitRate), ll: fmt(h0.logLikelihood, 1) })) : '',
    warningList(r.warnings.map(choiceWarning), (code) => (known.has(code) ? regionName(known.get(code)!) : null)),
    leftOutList(r.choiceSet.excluded, r.shares.privacy?.k ?? '?'),
    // How the choice set was built: for the curious, closed by default.
    r.choiceSet.notes.length ? h('details', { class: 'notes' }, h('summary', {}, `${t('models.notes')} (${r.choiceSet.notes.length})`), ...fieldTexts(r.choiceSet, 'notes').map((n) => h('p', { class: 'note' }, n))) : '',
  );
}

import { fmt, lang, t } from '../i18n/index.ts';
import { fieldTexts } from '../i18n/server-text.ts';
import type { Counterfactual, ScenarioDoc, ScenarioRun } from './api.ts';
import { changeAt } from './document.ts';
import { eligibilityText, intervalText, targetsText, termText } from './format.ts';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The settings on screen when the summary is printed, in words (names, not codes). */
export interface SummarySettings {
  /** "500 yuan a month" */
  monthly: string;
  /** "6,000 yuan a year" */
  yearly: string;
  years: number;
  /** Who is paid, in words. */
  eligibility: string;
  /** Target regions by name. */
  targets: string[];
  cohorts: { from: number; to: number };
  horizon: { from: number; to: number };
  /** How the payment enters the model ("500 / 6,400 = +7.8% on the term destination_gdp_per_capita"). */
  lever: string;
  /** Model, cohorts and stay shares: what each came from and its kind (basis.ts). */
  basis: string;
  /** The example's own default payment a month ("1,000 yuan"), which its description and assumptions were written for. */
  exampleMonthly: string;
  currency: string;
  synthetic: boolean;
}

/** What the editor knows beyond the document: the payment a month and its currency's word, names, the basis line. */
export interface OnScreen {
  monthly: number;
  money: string;
  name: (code: string) => string;
  basis: string;
  synthetic: boolean;
  /** The example's own yearly payment (undefined: not on an example). */
  exampleAmount: number | undefined;
}

/** How the payment enters the model at the amount on screen, in words ("500 / 6,400 = +7.8% on the term …"). */
function leverText(doc: ScenarioDoc, s: OnScreen): string {
  const iv = doc.interventions[0];
  const change = changeAt(doc, s.monthly);
  if (iv.change.type === 'relative') {
    // The document's price over its change: the monthly amount a change of +100% stands for.
    const base = iv.change.value > 0 ? (iv.cost?.amount ?? 0) / 12 / iv.change.value : NaN;
    return t('scenario.leverValue', { amount: fmt(s.monthly), base: Number.isFinite(base) ? fmt(base) : '–', change: `${change >= 0 ? '+' : ''}${fmt(100 * change, 1)}%`, term: termText(iv.term) });
  }
  return t('scenario.leverAbsolute', { amount: `${fmt(change)} ${s.money}`, term: termText(iv.term) });
}

/** The settings of a request (the document and the amount the server scales it to), in words. */
export function summarySettings(doc: ScenarioDoc, s: OnScreen): SummarySettings {
  const iv = doc.interventions[0];
  return {
    monthly: t('scenario.monthly', { amount: `${fmt(s.monthly)} ${s.money}` }), yearly: t('scenario.yearly', { amount: `${fmt(s.monthly * 12)} ${s.money}` }),
    years: iv.benefitYears ?? 1, eligibility: eligibilityText(iv.eligibility ?? []), targets: iv.targets.map(s.name),
    cohorts: { from: iv.startYear, to: iv.startYear + (iv.duration ?? 1) - 1 }, horizon: { from: doc.horizon.startYear, to: doc.horizon.startYear + doc.horizon.years - 1 },
    lever: leverText(doc, s), basis: s.basis,
    exampleMonthly: s.exampleAmount === undefined ? '–' : `${fmt(s.exampleAmount / 12)} ${s.money}`, currency: s.money, synthetic: s.synthetic,
  };
}

/**
 * The settings in one line over the results ("Simulated: 1,000 yuan a month (12,000 yuan a year)
 * for 3 year(s) each, paid to stayers in Liaoning; cohorts graduating 2021–2025; years shown
 * 2021–2030."): on screen, and in the tab's print view, where the controls are not printed.
 */
export function settingsLine(s: SummarySettings): string {
  return t('scenario.settingsLine', {
    monthly: s.monthly, yearly: s.yearly, years: s.years, who: s.eligibility, targets: targetsText(s.targets, (x) => x),
    from: s.cohorts.from, to: s.cohorts.to, h0: s.horizon.from, h1: s.horizon.to,
  });
}

/** The example's assumptions in the page's language: in Chinese where the document has them (assumptions_zh), else as written. */
const assumptionsOf = (doc: ScenarioDoc): readonly string[] => (lang() === 'zh' && doc.assumptions_zh?.length ? doc.assumptions_zh : doc.assumptions ?? []);

/**
 * A printable scenario summary: the settings as they are on screen (the example's description
 * is not repeated: it was written for the example's default amount), the results with intervals
 * that say why an end is open, the per-cohort table and the charts as on screen, the example's
 * assumptions marked as written for its default, and the notes of the computation. A page of its
 * own that prints to A4 (the browser's "Save as PDF").
 */
export function summaryHtml(doc: ScenarioDoc, s: SummarySettings, cf: Counterfactual, run: ScenarioRun | null, charts: SVGSVGElement[]): string {
  const open = run ? { withoutGain: run.result.summary.drawsWithoutGain, draws: run.result.draws } : { withoutGain: 0, draws: 0 };
  const iv = (i: { median: number | null; p05: number | null; p95: number | null }, unit = '') => `${fmt(i.median)}${unit ? ` ${unit}` : ''} [${intervalText(i, open)}]`;
  const money = (v: number | null) => (v === null ? t('scenario.noGain') : `${fmt(v)} ${s.currency}`);
  const rows = cf.years.map((y) => `<tr><td>${y.year}</td><td>${fmt(y.graduates)}</td><td>${fmt(100 * y.retentionBaseline, 1)}%</td><td>${fmt(100 * y.retentionScenario, 1)}%</td><td>${fmt(y.retainedDelta)}</td><td>${fmt(y.netScenario)}</td><td>${fmt(y.cost)}</td></tr>`).join('');
  const setting = (k: Parameters<typeof t>[0], v: string) => `<tr><th>${esc(t(k))}</th><td>${esc(v)}</td></tr>`;
  return `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8"><title>${esc(t('scenario.summaryTitle'))}: ${esc(doc.name)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;font-variant-numeric:tabular-nums}td,th{border-bottom:1px solid #ccc;padding:.2rem .6rem;text-align:right}table.settings th,table.settings td{text-align:left}h1{font-size:1.4rem}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem}.banner{border:2px solid #b91c1c;color:#b91c1c;font-weight:600;padding:.4rem .6rem}svg{max-width:100%;height:auto}@page{size:A4;margin:15mm}</style></head><body>
<h1>${esc(t('scenario.summaryTitle'))}: ${esc(doc.name)}</h1>
${s.synthetic ? `<p class="banner" data-banner="synthetic">${esc(t('scenario.synthetic'))}</p>` : ''}
<h2>${esc(t('scenario.settings'))}</h2>
<table class="settings" data-table="settings">
${setting('scenario.subsidy', `${s.monthly} (${s.yearly})`)}
${setting('scenario.years', t('scenario.yearsValue', { n: s.years }))}
${setting('scenario.eligibility', s.eligibility)}
${setting('scenario.targets', s.targets.join(', '))}
${setting('scenario.cohorts', t('scenario.cohortsValue', { from: s.cohorts.from, to: s.cohorts.to }))}
${setting('scenario.horizon', t('scenario.horizonValue', { from: s.horizon.from, to: s.horizon.to }))}
${setting('scenario.lever', s.lever)}
${setting('scenario.model', `${cf.model.name} (${cf.model.version})`)}
${setting('scenario.baselineTitle', s.basis)}
</table>
<div class="cards"><div class="card">${esc(t('scenario.retainedDelta'))}<br><strong>${esc(run ? iv(run.result.summary.retainedDelta) : fmt(cf.summary.retainedDelta))}</strong></div>
<div class="card">${esc(t('scenario.costPerRetained'))}<br><strong>${esc(run ? iv(run.result.summary.costPerRetained, s.currency) : money(cf.summary.costPerRetained))}</strong></div>
<div class="card">${esc(t('scenario.cost'))}<br><strong>${esc(run ? iv(run.result.summary.totalCost, s.currency) : money(cf.summary.totalCost))}</strong></div></div>
<p>${esc(run ? `${t('scenario.interval')}, ${t('compare.draws', { n: run.result.draws, seed: run.result.seed })}` : t('scenario.exact'))}</p>
<table><thead><tr><th>${esc(t('chart.year'))}</th><th>${esc(t('scenario.graduates'))}</th><th>${esc(t('scenario.baseline'))}</th><th>${esc(t('scenario.scenario'))}</th><th>${esc(t('scenario.retainedDelta'))}</th><th>${esc(t('region.net'))}</th><th>${esc(t('scenario.cost'))} (${esc(s.currency)})</th></tr></thead><tbody>${rows}</tbody></table>
${charts.map((c) => new XMLSerializer().serializeToString(c)).join('\n')}
${assumptionsOf(doc).length ? `<h2>${esc(t('scenario.exampleAssumptions', { amount: s.exampleMonthly }))}</h2><ul>${assumptionsOf(doc).map((a) => `<li>${esc(a)}</li>`).join('')}</ul>` : ''}
<h2>${esc(t('scenario.notes'))}</h2><ul>${fieldTexts(cf, 'notes').map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
</body></html>`;
}

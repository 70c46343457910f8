import type { GravityResult, RadiationResult } from '../models/index.ts';
import { robustErrorsLarger } from '../core/robust-errors.ts';
import { twoSidedP } from '../numeric/special.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { said, type CliLang } from './lang.ts';
import { renderTable } from './output.ts';
import { summaryWords, type SummaryWords } from './summary-words.ts';

/** Significance stars as R prints them. */
export function stars(p: number): string {
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
}

export function fmt(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? x.toExponential(digits - 2) : x.toPrecision(digits);
}

/** What the iterations line reads of a fit (gravity or logit). */
interface Stopped {
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopReason: string;
  readonly messages?: { readonly stopReason?: CodedMessage };
}

/** How a fit stopped and how long it took (the choice set's build too, where there is one), in `lang`. */
export function iterationsLine(r: Stopped, lang: CliLang, fitSeconds: number, buildSeconds: number | null = null): string {
  const reason = said(r.stopReason, r.messages?.stopReason, lang);
  if (lang === 'zh') return `迭代 ${r.iterations} 次，${r.converged ? '已收敛' : '未收敛'}（${reason}）；拟合 ${fitSeconds.toFixed(3)} 秒${buildSeconds !== null ? `，构建选择集 ${buildSeconds.toFixed(3)} 秒` : ''}`;
  return `Iterations: ${r.iterations}, ${r.converged ? 'converged' : 'NOT converged'} (${reason}); fit ${fitSeconds.toFixed(3)} s${buildSeconds !== null ? `, choice set ${buildSeconds.toFixed(3)} s` : ''}`;
}

/** A warning line: the coded form in `lang` where the result carries it. */
export function warningLine(english: string, coded: CodedMessage | undefined, lang: CliLang): string {
  return `${lang === 'zh' ? '警告：' : 'warning: '}${said(english, coded, lang)}`;
}

/** A note line, as warningLine; "说明：" as every other command's note (validate.ts, flows, scenario) and the page's and reports' notes (说明). */
export function noteLine(english: string, coded: CodedMessage | undefined, lang: CliLang): string {
  return `${lang === 'zh' ? '说明：' : 'note: '}${said(english, coded, lang)}`;
}

/** A readable summary of a gravity fit, laid out like R's summary.glm; every line in `lang`. */
export function gravitySummary(r: GravityResult, fitSeconds: number, lang: CliLang = 'en'): string {
  const w = summaryWords(lang);
  const lines: string[] = [];
  lines.push(w.gravityTitle(r));
  lines.push(`${w.gravitySize(r.nobs.toLocaleString('en-US'), r.regions.length, r.periods ? r.periods.length : null)}\n`);
  lines.push(w.coefficients);
  // z and p as the result gives them (from the standard errors `inference` names: the clustered
  // ones when there are any, as fixest reports them); saved results from before `inference`
  // had model-based z values, so theirs are recomputed the same way.
  const clustered = r.clusteredStandardErrors;
  const z = (t: string): number => (r.inference ? r.zValues[t] : r.coefficients[t] / (clustered ? clustered[t] : r.standardErrors[t]));
  lines.push(renderTable(r.terms.map((t) => t), [
    { header: '', value: (t) => t },
    { header: w.estimate, value: (t) => fmt(r.coefficients[t]) },
    { header: w.standardError, value: (t) => fmt(r.standardErrors[t], 4) },
    { header: w.robustSe, value: (t) => fmt(r.robustStandardErrors[t], 4) },
    ...(clustered ? [{ header: w.clusterSe, value: (t: string) => fmt(clustered[t], 4) }] : []),
    { header: w.zValue, value: (t) => z(t).toFixed(2) },
    { header: w.pValue, value: (t) => (twoSidedP(z(t)) < 2e-16 ? '<2e-16' : fmt(twoSidedP(z(t)), 3)) },
    { header: '', value: (t) => stars(twoSidedP(z(t))) },
  ]));
  lines.push(w.signif(w.zBasis(r.cluster ? { dims: r.cluster.by, groups: r.cluster.groups } : clustered ? 'pair' : 'model')));
  if (r.smallSample) lines.push(w.smallSample(describeSsc(r.smallSample, w)));
  // z from model-based errors beside robust ones many times larger: said, not left to be noticed
  // (the demo's china-provinces: 0.0003 against 0.18). The page says the same (models/view.ts).
  const ratio = clustered ? null : robustErrorsLarger(r.terms, r.standardErrors, r.robustStandardErrors);
  if (ratio !== null) lines.push(w.robustLarger(ratio < 10 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString('en-US')));
  const fe = r.fixedEffects ? r.fixedEffects.map((f) => w.effect(f.name, f.levels)) : (['origin', 'destination', 'period'] as const).filter((d) => r.effects[d]).map((d) => w.effect(d, null));
  if (fe.length) lines.push(w.fixedEffects(fe));
  if (r.dropped?.missing) lines.push(w.missingRows(r.dropped.missing, Object.entries(r.dropped.byColumn)));
  lines.push('');
  lines.push(w.nullDeviance(fmt(r.nullDeviance, 10)));
  lines.push(w.residualDeviance(fmt(r.deviance, 10), r.nobs - r.nParameters));
  lines.push(w.gravityFit(fmt(r.logLikelihood, 10), fmt(r.aic, 10), fmt(r.bic, 10)));
  lines.push(w.gravityFit2(r.pseudoR2.toFixed(6), r.adjPseudoR2.toFixed(6), r.srmse.toFixed(6), r.cpc.toFixed(6), r.ssi.toFixed(6)));
  lines.push(iterationsLine(r, lang, fitSeconds));
  const coded = r.messages?.warnings?.length === r.warnings.length ? r.messages.warnings : undefined;
  r.warnings.forEach((wa, i) => lines.push(warningLine(wa, coded?.[i], lang)));
  return lines.join('\n');
}

/** A radiation fit's summary: what was computed, its fit statistics and its warnings, every line in `lang`. */
export function radiationSummary(r: RadiationResult, lang: CliLang = 'en'): string {
  const w = summaryWords(lang);
  const lines = [w.radiationTitle(said(r.method, r.messages?.method, lang), r.nobs, r.regions.length)];
  lines.push(renderTable([r], [
    { header: w.deviance, value: (x) => x.deviance }, { header: w.logLikelihood, value: (x) => x.logLikelihood }, { header: 'AIC', value: (x) => x.aic },
    { header: 'SRMSE', value: (x) => x.srmse, digits: 4 }, { header: w.cpc, value: (x) => x.cpc, digits: 4 }, { header: 'SSI', value: (x) => x.ssi, digits: 4 },
  ]));
  const coded = r.messages?.warnings?.length === r.warnings.length ? r.messages.warnings : undefined;
  r.warnings.forEach((wa, i) => lines.push(warningLine(wa, coded?.[i], lang)));
  return lines.join('\n');
}

/** The correction in words, with the factors each covariance was multiplied by. */
function describeSsc(c: GravityResult['smallSample'], w: SummaryWords): string {
  if (c.name === 'none') return w.ssc.none;
  const parts = [c.adj ? w.ssc.adj(c.fixefK) : w.ssc.noAdj, c.clusterAdj ? w.ssc.clusterAdj(c.clusterDf) : w.ssc.noClusterAdj];
  const f = c.factors;
  return w.ssc.factors(c.name === 'fixest', parts, f.model.toFixed(6), f.robust.toFixed(6), f.clustered !== null ? f.clustered.toFixed(6) : null, c.parameters.clustered);
}

import type { GravityResult } from '../models/index.ts';
import { twoSidedP } from '../numeric/special.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { said, type CliLang } from './lang.ts';
import { renderTable } from './output.ts';

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

/** A note line, as warningLine. */
export function noteLine(english: string, coded: CodedMessage | undefined, lang: CliLang): string {
  return `${lang === 'zh' ? '注：' : 'note: '}${said(english, coded, lang)}`;
}

/** A readable summary of a gravity fit, laid out like R's summary.glm; stop reason and warnings in `lang`. */
export function gravitySummary(r: GravityResult, fitSeconds: number, lang: CliLang = 'en'): string {
  const lines: string[] = [];
  lines.push(`Gravity model: ${r.constraint === 'unconstrained' ? 'unconstrained' : `${r.constraint}-constrained`}, ${r.decay} decay in ${r.costName}, Poisson PML`);
  lines.push(`${r.nobs.toLocaleString('en-US')} flows between ${r.regions.length} regions${r.periods ? ` over ${r.periods.length} periods` : ''}\n`);
  lines.push('Coefficients:');
  // z and p as the result gives them (from the standard errors `inference` names: the clustered
  // ones when there are any, as fixest reports them); saved results from before `inference`
  // had model-based z values, so theirs are recomputed the same way.
  const clustered = r.clusteredStandardErrors;
  const z = (t: string): number => (r.inference ? r.zValues[t] : r.coefficients[t] / (clustered ? clustered[t] : r.standardErrors[t]));
  lines.push(renderTable(r.terms.map((t) => t), [
    { header: '', value: (t) => t },
    { header: 'Estimate', value: (t) => fmt(r.coefficients[t]) },
    { header: 'Std. Error', value: (t) => fmt(r.standardErrors[t], 4) },
    { header: 'Robust SE', value: (t) => fmt(r.robustStandardErrors[t], 4) },
    ...(clustered ? [{ header: 'Cluster SE', value: (t: string) => fmt(clustered[t], 4) }] : []),
    { header: 'z value', value: (t) => z(t).toFixed(2) },
    { header: 'Pr(>|z|)', value: (t) => (twoSidedP(z(t)) < 2e-16 ? '<2e-16' : fmt(twoSidedP(z(t)), 3)) },
    { header: '', value: (t) => stars(twoSidedP(z(t))) },
  ]));
  const by = r.cluster ? `clustered by ${r.cluster.by.map((b, i) => `${b} (${r.cluster!.groups[i]} clusters)`).join(' and ')}` : clustered ? 'clustered by origin-destination pair' : 'model-based';
  lines.push(`---\nSignif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 (z from the ${by} standard errors)`);
  if (r.smallSample) lines.push(`Small-sample correction: ${describeSsc(r.smallSample)}`);
  const fe = r.fixedEffects ? r.fixedEffects.map((f) => `${f.name} (${f.levels})`) : [r.effects.origin ? 'origin' : '', r.effects.destination ? 'destination' : '', r.effects.period ? 'period' : ''].filter(Boolean);
  if (fe.length) lines.push(`Fixed effects (concentrated out, not shown): ${fe.join(', ')}; see --json for their values`);
  if (r.dropped?.missing) lines.push(`${r.dropped.missing} rows with missing values left out (${Object.entries(r.dropped.byColumn).map(([c, k]) => `${c}: ${k}`).join(', ')})`);
  lines.push('');
  lines.push(`    Null deviance: ${fmt(r.nullDeviance, 10)}`);
  lines.push(`Residual deviance: ${fmt(r.deviance, 10)} on ${r.nobs - r.nParameters} degrees of freedom`);
  lines.push(`Log-likelihood: ${fmt(r.logLikelihood, 10)}   AIC: ${fmt(r.aic, 10)}   BIC: ${fmt(r.bic, 10)}`);
  lines.push(`Pseudo-R²: ${r.pseudoR2.toFixed(6)} (adj. ${r.adjPseudoR2.toFixed(6)})   SRMSE: ${r.srmse.toFixed(6)}   CPC: ${r.cpc.toFixed(6)}   SSI: ${r.ssi.toFixed(6)}`);
  lines.push(iterationsLine(r, lang, fitSeconds));
  const coded = r.messages?.warnings?.length === r.warnings.length ? r.messages.warnings : undefined;
  r.warnings.forEach((w, i) => lines.push(warningLine(w, coded?.[i], lang)));
  return lines.join('\n');
}

/** The correction in words, with the factors each covariance was multiplied by. */
function describeSsc(c: GravityResult['smallSample']): string {
  if (c.name === 'none') return 'none (as R glm\'s vcov, sandwich\'s HC0 and CR0)';
  const parts = [
    c.adj ? `(n-1)/(n-K), K counting fixed effects ${c.fixefK}` : 'no (n-1)/(n-K)',
    c.clusterAdj ? `G/(G-1) (${c.clusterDf})` : 'no G/(G-1)',
  ];
  const f = c.factors;
  return `${c.name === 'fixest' ? 'fixest\'s default' : 'custom'}: ${parts.join(', ')}; variances multiplied by ${f.model.toFixed(6)} (model), ${f.robust.toFixed(6)} (robust)${f.clustered !== null ? `, ${f.clustered.toFixed(6)} (clustered, K = ${c.parameters.clustered})` : ''}`;
}

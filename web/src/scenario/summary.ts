import { fmt, t } from '../i18n/index.ts';
import type { Counterfactual, ScenarioDoc, ScenarioRun } from './api.ts';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A printable scenario summary: settings, assumptions, the per-cohort table and the charts as
 * they are on screen, in a page of its own that prints to A4 (the browser's "Save as PDF").
 */
export function summaryHtml(doc: ScenarioDoc, payment: string, targets: string[], cf: Counterfactual, run: ScenarioRun | null, charts: SVGSVGElement[]): string {
  const iv = (i: { median: number | null; p05: number | null; p95: number | null }) => `${fmt(i.median)} [${fmt(i.p05)} – ${fmt(i.p95)}]`;
  const rows = cf.years.map((y) => `<tr><td>${y.year}</td><td>${fmt(y.graduates)}</td><td>${fmt(100 * y.retentionBaseline, 1)}%</td><td>${fmt(100 * y.retentionScenario, 1)}%</td><td>${fmt(y.retainedDelta, 1)}</td><td>${fmt(y.netScenario)}</td><td>${fmt(y.cost)}</td></tr>`).join('');
  return `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8"><title>${esc(t('scenario.summaryTitle'))}: ${esc(doc.name)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;font-variant-numeric:tabular-nums}td,th{border-bottom:1px solid #ccc;padding:.2rem .6rem;text-align:right}h1{font-size:1.4rem}.cards{display:flex;gap:1rem}.card{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem}svg{max-width:100%;height:auto}@page{size:A4;margin:15mm}</style></head><body>
<h1>${esc(t('scenario.summaryTitle'))}: ${esc(doc.name)}</h1>
<p>${esc(doc.description ?? '')}</p>
<p>${esc(t('scenario.subsidy'))}: <strong>${esc(payment)}</strong> · ${esc(t('scenario.targets'))}: ${esc(targets.join(', '))} · ${esc(t('scenario.model'))}: ${esc(cf.model.name)} (${esc(cf.model.version)})</p>
<div class="cards"><div class="card">${esc(t('scenario.retainedDelta'))}<br><strong>${run ? iv(run.result.summary.retainedDelta) : fmt(cf.summary.retainedDelta)}</strong></div>
<div class="card">${esc(t('scenario.costPerRetained'))}<br><strong>${run ? iv(run.result.summary.costPerRetained) : fmt(cf.summary.costPerRetained)}</strong></div>
<div class="card">${esc(t('scenario.cost'))}<br><strong>${run ? iv(run.result.summary.totalCost) : fmt(cf.summary.totalCost)}</strong></div></div>
<table><thead><tr><th>${esc(t('chart.year'))}</th><th>graduates</th><th>${esc(t('scenario.baseline'))}</th><th>${esc(t('scenario.scenario'))}</th><th>${esc(t('scenario.retainedDelta'))}</th><th>${esc(t('region.net'))}</th><th>${esc(t('scenario.cost'))}</th></tr></thead><tbody>${rows}</tbody></table>
${charts.map((c) => new XMLSerializer().serializeToString(c)).join('\n')}
<h2>${esc(t('scenario.assumptions'))}</h2><ul>${[...(doc.assumptions ?? []), ...cf.notes].map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
</body></html>`;
}

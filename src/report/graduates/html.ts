import type { GraduateReport, KeyedCompared } from '../../metrics/index.ts';
import { escapeHtml, fmtCount, fmtShare, fmtSigned } from '../format.ts';
import { barChart, rangeBar } from '../svg/bars.ts';
import { choropleth, NO_DATA, scaleMax, SHADES } from '../svg/map.ts';
import { EMPLOYER_TYPES, LABELS, type LabelKey, type Lang } from './labels.ts';
import { REPORT_CSS } from './style.ts';

/**
 * The graduate destination report as one self-contained, printable HTML page (A4): headline
 * figures with the previous year, destinations by province (bars and a map), leading cities,
 * employer types, salary quartiles by destination. Every number is read from the GraduateReport
 * as computed by src/metrics (nothing is recomputed here), so page and JSON agree. Synthetic
 * records put a banner at the top of every printed page's first section.
 */
export interface RegionLabel {
  name_zh: string | null;
  name_en: string | null;
}

export interface GraduatePageInput {
  report: GraduateReport;
  /** Labels of every code in the report (provinces, cities). */
  regions: Readonly<Record<string, RegionLabel>>;
  /** Province polygons (GeoJSON geometry, simplified) for the map. */
  provinces: readonly { code: string; geometry: { type: string; coordinates: unknown } | null }[];
  lang?: Lang;
  /** Heading of the selection, e.g. the university's name. */
  subject?: string;
  /** Text of the generation date, passed in so the page is reproducible. */
  generated?: string;
}

export function graduateReportHtml(input: GraduatePageInput): string {
  const { report: r } = input;
  const lang = input.lang ?? 'zh';
  const L = (k: LabelKey) => (lang === 'en' ? escapeHtml(LABELS[k].en) : `${escapeHtml(LABELS[k].zh)} <span class="en">${escapeHtml(LABELS[k].en)}</span>`);
  const L1 = (k: LabelKey) => escapeHtml(lang === 'en' ? LABELS[k].en : LABELS[k].zh);
  const name = (code: string) => {
    const x = input.regions[code];
    if (!x) return code;
    return lang === 'en' ? (x.name_en ?? x.name_zh ?? code) : (x.name_zh ?? x.name_en ?? code);
  };
  const employer = (code: string) => (EMPLOYER_TYPES[code] ? (lang === 'en' ? EMPLOYER_TYPES[code].en : EMPLOYER_TYPES[code].zh) : code);
  const prev = r.previousYear;
  const card = (label: LabelKey, value: string, sub: string, change: string) =>
    `<div class="card"><div class="cl">${L(label)}</div><div class="cv">${value}</div><div class="cs">${sub}</div><div class="cc">${prev === null ? '' : `${L1('previous')} ${change}`}</div></div>`;
  const o = r.outcomes;
  const salary = r.salary.overall;
  const cards = [
    card('headcount', fmtCount(r.headcount.count), '', `${fmtCount(r.headcount.previousCount)} (${fmtSigned(r.headcount.countChange)})`),
    card('employed', fmtShare(o.employed.share), `${fmtCount(o.employed.count)} ${L1('ofHeadcount')}`, `${fmtShare(o.employed.previousShare)} (${fmtSigned(o.employed.shareChangePp, 'pp', 1)})`),
    card('furtherStudy', fmtShare(o.furtherStudy.share), fmtCount(o.furtherStudy.count), `${fmtShare(o.furtherStudy.previousShare)} (${fmtSigned(o.furtherStudy.shareChangePp, 'pp', 1)})`),
    card('notEmployed', fmtShare(o.notEmployed.share), fmtCount(o.notEmployed.count), `${fmtShare(o.notEmployed.previousShare)} (${fmtSigned(o.notEmployed.shareChangePp, 'pp', 1)})`),
    card('stayStudy', fmtShare(r.stayStudyProvince.share), `${fmtCount(r.stayStudyProvince.stayed)} / ${fmtCount(r.stayStudyProvince.base)}`, `${fmtShare(r.stayStudyProvince.previousShare)} (${fmtSigned(r.stayStudyProvince.shareChangePp, 'pp', 1)})`),
    card('stayHome', fmtShare(r.stayHomeProvince.share), `${fmtCount(r.stayHomeProvince.stayed)} / ${fmtCount(r.stayHomeProvince.base)}`, `${fmtShare(r.stayHomeProvince.previousShare)} (${fmtSigned(r.stayHomeProvince.shareChangePp, 'pp', 1)})`),
    card('medianSalary', `¥${fmtCount(salary.median)}`, `Q1 ¥${fmtCount(salary.q1)} · Q3 ¥${fmtCount(salary.q3)}`, `¥${fmtCount(salary.previous?.median)} (${fmtSigned(salary.medianChange)})`),
  ];

  const topProvinces = r.byProvince.slice(0, 15);
  const bars = barChart(topProvinces.map((p) => ({ label: name(p.code), value: p.share ?? 0, previous: p.previousShare, text: `${fmtShare(p.share)} (${fmtCount(p.count)})` })), { labelWidth: 150 });
  const studyProvinces = new Set(r.selection.studyProvince ? [r.selection.studyProvince] : []);
  const shares = new Map(r.byProvince.map((p) => [p.code, p.share]));
  const mapRegions = [...input.provinces]
    .map((p) => ({ code: p.code, label: name(p.code), geometry: p.geometry, value: shares.get(p.code) ?? null, highlight: studyProvinces.has(p.code), title: `${name(p.code)}: ${fmtShare(shares.get(p.code) ?? null)}` }))
    .sort((a, b) => Number(a.highlight) - Number(b.highlight));
  const maxShare = scaleMax(mapRegions);
  const map = choropleth(mapRegions, { frame: { minLat: 17 }, width: 640, height: 470, max: maxShare });
  const legend = `<span class="sw" style="background:${NO_DATA}"></span>0 ` + SHADES.map((c, i) => `<span class="sw" style="background:${c}"></span>${i === 0 ? '> 0' : '≥ ' + fmtShare((maxShare * i) / SHADES.length, 1)}`).join(' ');

  const comparedRows = (rows: readonly KeyedCompared[], label: (c: string) => string) => rows.map((x) =>
    `<tr><td>${escapeHtml(label(x.code))}</td><td class="n">${fmtCount(x.count)}</td><td class="n">${fmtShare(x.share)}</td><td class="n">${fmtCount(x.previousCount)}</td><td class="n">${fmtShare(x.previousShare)}</td><td class="n">${fmtSigned(x.shareChangePp, 'pp', 1)}</td></tr>`).join('');
  const head = (first: LabelKey) => `<tr><th>${L(first)}</th><th class="n">${L('count')}</th><th class="n">${L('share')}</th><th class="n">${L('previous')}</th><th class="n">${L('share')}</th><th class="n">${L('change')}</th></tr>`;
  const salaryMax = Math.max(0, ...r.salary.byProvince.map((s) => s.q3 ?? 0));
  const salaryRows = r.salary.byProvince.slice(0, 15).map((s) =>
    `<tr><td>${escapeHtml(name(s.code))}</td><td class="n">${fmtCount(s.n)}</td><td class="n">¥${fmtCount(s.q1)}</td><td class="n">¥${fmtCount(s.median)}</td><td class="n">¥${fmtCount(s.q3)}</td><td>${rangeBar(s.q1, s.median, s.q3, salaryMax, 160)}</td><td class="n">${fmtSigned(s.medianChange)}</td></tr>`).join('');

  const subject = input.subject ?? describeSelection(r, name);
  const banner = r.synthetic ? `<div class="synthetic" role="alert"><strong>⚠ ${escapeHtml(LABELS.synthetic.zh)} · ${escapeHtml(LABELS.synthetic.en)}</strong><p>${lang === 'en' ? '' : escapeHtml(LABELS.syntheticNote.zh) + '<br>'}${escapeHtml(LABELS.syntheticNote.en)}</p></div>` : '';
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<title>${r.synthetic ? '[SYNTHETIC] ' : ''}${escapeHtml(subject)} ${r.year} – ${escapeHtml(LABELS.title.en)}</title>
<style>${REPORT_CSS}</style></head><body>
<header>${banner}<h1>${escapeHtml(subject)} · ${r.year}${lang === 'en' ? '' : '届'} ${L('title')}</h1>
<p class="meta">${prev === null ? '' : `${L1('comparison')}: ${prev} · `}${input.generated ? escapeHtml(input.generated) + ' · ' : ''}talentflow</p></header>
<section><h2>${L('headline')}</h2><div class="cards">${cards.join('')}</div></section>
<section><h2>${L('byProvince')}</h2><p class="note">${L1('ofEmployed')}; ${lang === 'en' ? 'thin bar' : '细条'} = ${L1('previous')} ${prev ?? ''}</p>${bars}</section>
<section class="page"><h2>${L('map')}</h2>${map}<p class="legend">${legend}<br>${L1('legend')}</p></section>
<section><h2>${L('byCity')}</h2><table>${head('region')}${comparedRows(r.byCity.slice(0, 12), name)}</table></section>
<section><h2>${L('employer')}</h2><table>${head('employerType')}${comparedRows(r.employerTypes, employer)}</table></section>
<section class="page"><h2>${L('salary')}</h2><table><tr><th>${L('region')}</th><th class="n">n</th><th class="n">Q1</th><th class="n">${lang === 'en' ? 'Median' : '中位数'}</th><th class="n">Q3</th><th></th><th class="n">${L('change')}</th></tr>${salaryRows}</table>
<p class="note">${escapeHtml(r.salary.quantileDefinition)}</p></section>
${r.warnings.length ? `<section><h2>${L('notes')}</h2><ul>${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></section>` : ''}
<footer>${r.synthetic ? `<strong>${escapeHtml(LABELS.synthetic.zh)} · ${escapeHtml(LABELS.synthetic.en)}</strong> · ` : ''}talentflow · ${escapeHtml(LABELS.title.en)}</footer>
</body></html>
`;
}

function describeSelection(r: GraduateReport, name: (code: string) => string): string {
  const u = r.selection.university;
  if (u) return typeof u === 'string' ? u : u.join(', ');
  if (r.selection.studyProvince) return name(r.selection.studyProvince);
  return 'All graduates';
}

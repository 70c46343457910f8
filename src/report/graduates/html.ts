import type { GraduateReport, KeyedCompared } from '../../metrics/index.ts';
import { escapeHtml, fmtCount, fmtShare, fmtSigned } from '../format.ts';
import { barChart, rangeBar } from '../svg/bars.ts';
import { choropleth, NO_DATA, scaleMax, SHADES, SUPPRESSED } from '../svg/map.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { EMPLOYER_TYPES, LABELS, suppressedMark, type LabelKey, type Lang } from './labels.ts';
import { noteText } from './note-text.ts';
import { studyProvinceText } from './study-provinces.ts';
import { REPORT_CSS } from './style.ts';
import { universityLabel } from './university-name.ts';

/**
 * The graduate destination report as one self-contained, printable HTML page (A4): headline
 * figures with the previous year, destinations by province (bars and a map), leading cities,
 * employer types, salary quartiles by destination. Every number is read from the GraduateReport
 * as computed by src/metrics (nothing is recomputed here), so page and JSON agree. Synthetic
 * records put a banner at the top of every printed page's first section. Values hidden by
 * small-cell suppression (`report.privacy`) read "suppressed (<k)" (zh: 已隐藏（少于 k 人）, the
 * English in the cell's title), on the map in a grey of their own (SUPPRESSED).
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
  const colon = lang === 'en' ? ': ' : '：';
  // A note or definition (the catalogue's coded messages): in Chinese with its English under it, as the headings.
  const note = (m: CodedMessage) => (lang === 'en' ? escapeHtml(m.message) : `${escapeHtml(noteText(m, 'zh'))}<span class="en">${escapeHtml(m.message)}</span>`);
  const nameIn = (l: Lang) => (code: string) => {
    const x = input.regions[code];
    if (!x) return code;
    return l === 'en' ? (x.name_en ?? x.name_zh ?? code) : (x.name_zh ?? x.name_en ?? code);
  };
  const name = nameIn(lang);
  const employer = (code: string) => (EMPLOYER_TYPES[code] ? (lang === 'en' ? EMPLOYER_TYPES[code].en : EMPLOYER_TYPES[code].zh) : code);
  const k = r.privacy?.k ?? 0;
  const markText = r.privacy ? suppressedMark(k, lang) : '–';
  const mark = lang === 'en' ? `<span class="sup">${escapeHtml(markText)}</span>` : `<span class="sup" title="${escapeHtml(suppressedMark(k, 'en'))}">${escapeHtml(markText)}</span>`;
  const count = (v: number | null | undefined, hidden = false) => (hidden ? mark : fmtCount(v));
  const share = (v: number | null | undefined, hidden = false) => (hidden ? mark : fmtShare(v));
  const signed = (v: number | null | undefined, hidden: boolean, unit: '' | 'pp' = '', digits = 0) => (hidden ? mark : fmtSigned(v, unit, digits, lang));
  const yuan = (v: number | null | undefined, hidden = false) => (hidden ? mark : `¥${fmtCount(v)}`);
  const prev = r.previousYear;
  const card = (label: LabelKey, value: string, sub: string, change: string, about = '') =>
    `<div class="card"><div class="cl">${L(label)}</div><div class="cv">${value}</div><div class="cs">${sub}</div><div class="cc">${prev === null ? '' : `${L1('previous')} ${change}`}</div>${about}</div>`;
  const o = r.outcomes;
  const salary = r.salary.overall;
  const h = r.headcount;
  const outcome = (key: 'employed' | 'furtherStudy' | 'notEmployed', sub: (count: string) => string) => {
    const x = o[key];
    return card(key, share(x.share, x.suppressed), sub(count(x.count, x.suppressed)), `${share(x.previousShare, x.previousSuppressed)} (${signed(x.shareChangePp, x.suppressed || x.previousSuppressed, 'pp', 1)})`);
  };
  // Which province the study-province share is about, as the dashboard's card says it; in Chinese with the English under it.
  const studyIn = (l: Lang) => escapeHtml(studyProvinceText(r.studyProvinces, nameIn(l), r.privacy?.k ?? null, l));
  const studyAbout = studyIn(lang) && `<div class="cs" data-note="study-provinces">${studyIn(lang)}${lang === 'en' ? '' : `<span class="en">${studyIn('en')}</span>`}</div>`;
  const stay = (key: 'stayStudy' | 'stayHome', x: GraduateReport['stayStudyProvince'], about = '') =>
    card(key, share(x.share, x.suppressed), x.suppressed ? '' : `${fmtCount(x.stayed)} / ${fmtCount(x.base)}`, `${share(x.previousShare, x.previousSuppressed)} (${signed(x.shareChangePp, x.suppressed || x.previousSuppressed, 'pp', 1)})`, about);
  const cards = [
    card('headcount', count(h.count, h.suppressed), '', `${count(h.previousCount, h.previousSuppressed)} (${signed(h.countChange, h.suppressed || h.previousSuppressed)})`),
    outcome('employed', (c) => `${c} ${L1('ofHeadcount')}`),
    outcome('furtherStudy', (c) => c),
    outcome('notEmployed', (c) => c),
    stay('stayStudy', r.stayStudyProvince, studyAbout),
    stay('stayHome', r.stayHomeProvince),
    card('medianSalary', yuan(salary.median, salary.suppressed), salary.suppressed ? '' : `Q1 ¥${fmtCount(salary.q1)} · Q3 ¥${fmtCount(salary.q3)}`, `${yuan(salary.previous?.median, salary.previous?.suppressed)} (${signed(salary.medianChange, salary.suppressed || (salary.previous?.suppressed ?? false))})`),
  ];

  const topProvinces = r.byProvince.slice(0, 15);
  const bars = barChart(topProvinces.map((p) => ({ label: name(p.code), value: p.share ?? 0, previous: p.previousShare, text: p.suppressed ? markText : `${fmtShare(p.share)} (${fmtCount(p.count)})` })), { labelWidth: 150 });
  const studyProvinces = new Set(r.selection.studyProvince ? [r.selection.studyProvince] : []);
  const rowOf = new Map(r.byProvince.map((p) => [p.code, p]));
  const mapRegions = [...input.provinces]
    .map((p) => {
      const row = rowOf.get(p.code);
      const hidden = row?.suppressed ?? false;
      return { code: p.code, label: name(p.code), geometry: p.geometry, value: row?.share ?? null, suppressed: hidden, highlight: studyProvinces.has(p.code), title: `${name(p.code)}: ${hidden ? markText : fmtShare(row?.share ?? null)}` };
    })
    .sort((a, b) => Number(a.highlight) - Number(b.highlight));
  const maxShare = scaleMax(mapRegions);
  const map = choropleth(mapRegions, { frame: { minLat: 17 }, width: 640, height: 470, max: maxShare });
  const legend = `<span class="sw" style="background:${NO_DATA}"></span>0 ` + SHADES.map((c, i) => `<span class="sw" style="background:${c}"></span>${i === 0 ? '> 0' : '≥ ' + fmtShare((maxShare * i) / SHADES.length, 1)}`).join(' ') +
    (r.privacy ? ` <span class="sw" style="background:${SUPPRESSED}"></span>${escapeHtml(markText)}` : '');

  const comparedRows = (rows: readonly KeyedCompared[], label: (c: string) => string) => rows.map((x) =>
    `<tr><td>${escapeHtml(label(x.code))}</td><td class="n">${count(x.count, x.suppressed)}</td><td class="n">${share(x.share, x.suppressed)}</td><td class="n">${count(x.previousCount, x.previousSuppressed)}</td><td class="n">${share(x.previousShare, x.previousSuppressed)}</td><td class="n">${signed(x.shareChangePp, x.suppressed || x.previousSuppressed, 'pp', 1)}</td></tr>`).join('');
  const head = (first: LabelKey) => `<tr><th>${L(first)}</th><th class="n">${L('count')}</th><th class="n">${L('share')}</th><th class="n">${L('previous')}</th><th class="n">${L('share')}</th><th class="n">${L('change')}</th></tr>`;
  const salaryMax = Math.max(0, ...r.salary.byProvince.map((s) => s.q3 ?? 0));
  // Under suppression n is never shown (it would give the number without a salary): "≥ k" says what it rests on.
  const salaryN = (s: GraduateReport['salary']['overall']) => (s.suppressed ? mark : s.nSuppressed ? `≥ ${k}` : fmtCount(s.n));
  const salaryRows = r.salary.byProvince.slice(0, 15).map((s) =>
    `<tr><td>${escapeHtml(name(s.code))}</td><td class="n">${salaryN(s)}</td><td class="n">${yuan(s.q1, s.suppressed)}</td><td class="n">${yuan(s.median, s.suppressed)}</td><td class="n">${yuan(s.q3, s.suppressed)}</td><td>${rangeBar(s.q1, s.median, s.q3, salaryMax, 160)}</td><td class="n">${signed(s.medianChange, s.suppressed || (s.previous?.suppressed ?? false))}</td></tr>`).join('');

  const subject = input.subject ?? describeSelection(r, name, lang);
  const banner = r.synthetic ? `<div class="synthetic" role="alert"><strong>⚠ ${escapeHtml(LABELS.synthetic.zh)} · ${escapeHtml(LABELS.synthetic.en)}</strong><p>${note(coded('graduates.syntheticNote', {}))}</p></div>` : '';
  // Older results carry the definition as English text only.
  const quantiles = r.messages.quantileDefinition ? note(r.messages.quantileDefinition) : escapeHtml(r.salary.quantileDefinition);
  const warnings = r.messages.warnings.length === r.warnings.length ? r.messages.warnings.map(note) : r.warnings.map(escapeHtml);
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<title>${r.synthetic ? `[${L1('synthetic')}] ` : ''}${escapeHtml(subject)} ${r.year}${lang === 'en' ? '' : ' 届'} – ${L1('title')}</title>
<style>${REPORT_CSS}</style></head><body>
<header>${banner}<h1>${escapeHtml(subject)} · ${r.year}${lang === 'en' ? '' : '届'} ${L('title')}</h1>
<p class="meta">${prev === null ? '' : `${L1('comparison')}${colon}${prev} · `}${input.generated ? escapeHtml(input.generated) + ' · ' : ''}talentflow</p></header>
<section><h2>${L('headline')}</h2><div class="cards">${cards.join('')}</div></section>
<section><h2>${L('byProvince')}</h2><p class="note">${L1('ofEmployed')}${lang === 'en' ? '; ' : '；'}${L1('thinBar')} = ${L1('previous')} ${prev ?? ''}</p>${bars}</section>
<section class="page"><h2>${L('map')}</h2>${map}<p class="legend">${legend}<br>${L1('legend')}</p></section>
<section><h2>${L('byCity')}</h2><table>${head('region')}${comparedRows(r.byCity.slice(0, 12), name)}</table></section>
<section><h2>${L('employer')}</h2><table>${head('employerType')}${comparedRows(r.employerTypes, employer)}</table></section>
<section class="page"><h2>${L('salary')}</h2><table><tr><th>${L('region')}</th><th class="n">n</th><th class="n">Q1</th><th class="n">${L1('median')}</th><th class="n">Q3</th><th></th><th class="n">${L('change')}</th></tr>${salaryRows}</table>
<p class="note" data-note="quantiles">${L1('quantiles')}${colon}${quantiles}</p></section>
${r.privacy ? `<section class="privacy"><h2>${L('privacy')}</h2><p class="note" data-note="privacy">${note(coded('graduates.privacyNote', { k: r.privacy.k, cells: r.privacy.suppressedCells }))}</p></section>` : ''}
${warnings.length ? `<section><h2>${L('notes')}</h2><ul>${warnings.map((w) => `<li data-note="warning">${w}</li>`).join('')}</ul></section>` : ''}
<footer>${r.synthetic ? `<strong>${escapeHtml(LABELS.synthetic.zh)} · ${escapeHtml(LABELS.synthetic.en)}</strong> · ` : ''}talentflow · ${L1('title')}</footer>
</body></html>
`;
}

function describeSelection(r: GraduateReport, name: (code: string) => string, lang: Lang): string {
  const u = r.selection.university;
  if (u) return typeof u === 'string' ? universityLabel(u, lang) : u.map((x) => universityLabel(x, lang)).join(lang === 'en' ? ', ' : '、');
  if (r.selection.studyProvince) return name(r.selection.studyProvince);
  return LABELS.allGraduates[lang];
}

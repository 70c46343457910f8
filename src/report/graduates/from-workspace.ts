import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { unknownValueError } from '../../core/unknown-value.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { graduateReport, type GraduateReport, type ProvinceMap } from '../../metrics/index.ts';
import { graduateReportHtml, type RegionLabel } from './html.ts';
import type { Lang } from './labels.ts';
import { universityLabel, universityName } from './university-name.ts';

/**
 * The graduate destination report of a workspace, as `talentflow report graduates` and
 * `GET /api/reports/graduates[.html]` both give it: the selection resolved against the workspace
 * (default year the latest, compared with the one before), and the printable page's region
 * names, map shapes and heading gathered before src/report's renderer draws it. This is the one
 * place that reads the workspace's privacy threshold k: the CLI's table, JSON and HTML, the API's
 * JSON and page, and the dashboard (which reads the API) all show the report suppressed with it.
 */

/** A region as src/store's `listRegions` returns it (the fields read here). */
export interface WorkspaceRegion extends RegionLabel {
  code: string;
  level: string;
  parent: string | null;
  geometry?: unknown;
}

/**
 * The workspace reads the report needs, by the names and signatures src/store exports them:
 * callers pass src/store in (`import * as store from '.../store/index.ts'`). src/report sits
 * beside src/store and may not import it (eslint.config.js), so this file never imports the store
 * it reads, as Hono's core never imports its adapters.
 */
export interface GraduateStore<W> {
  resolveRegionRef(ws: W, text: string, what: string): Promise<{ kind: string; code: string }>;
  personCatalogue(ws: W): Promise<readonly { university: string; year: number }[]>;
  loadPersons(ws: W, q: { years: readonly number[]; university?: string }): Promise<PersonRecord[]>;
  provinceMap(ws: W): Promise<ProvinceMap>;
  listRegions(ws: W, q?: { level?: string; within?: string; geometry?: boolean }): Promise<readonly WorkspaceRegion[]>;
  /** The workspace's small-cell threshold k (docs/privacy.md). */
  privacyK(ws: W): Promise<number>;
}

/** What a user selects (the CLI's options, the API's query parameters). */
export interface GraduateQuery {
  /** As stored, or a preset's id or Chinese name (NEU, 东北大学); default all universities. */
  university?: string;
  /** Study province, code or name (e.g. 辽宁); a group is refused. Default all. */
  province?: string;
  /** Graduation year; default the latest of the selected university (of all, without one). */
  year?: number;
  /** Year compared with, or 'none'; default `year - 1`. Text (the CLI's `--compare`) is read as a number. */
  compare?: number | string;
  degree?: string;
  major?: string;
}

export interface SelectedGraduates {
  report: GraduateReport;
  /** The university as stored, when one was selected. */
  university: string | undefined;
  /** The study province's code, when one was selected. */
  studyProvince: string | undefined;
}

export async function selectGraduateReport<W>(ws: W, q: GraduateQuery, store: GraduateStore<W>): Promise<SelectedGraduates> {
  const university = q.university === undefined ? undefined : universityName(q.university);
  let studyProvince: string | undefined;
  if (q.province) {
    const ref = await store.resolveRegionRef(ws, q.province, 'province');
    if (ref.kind !== 'region') throw new SpecError(`"${q.province}" is a group; give one province`, 'province');
    studyProvince = ref.code;
  }
  const catalogue = await store.personCatalogue(ws);
  const years = catalogue.filter((c) => university === undefined || c.university === university).map((c) => c.year);
  if (!years.length) throw new SpecError(university ? coded('graduates.unknownUniversity', { university, universities: [...new Set(catalogue.map((c) => c.university))] }) : coded('graduates.noPersons', {}), 'university');
  // A year, degree or major with no records is a misspelling or a gap, not an empty report: list what there is.
  if (q.year !== undefined && !years.includes(q.year)) throw unknownValueError('graduation year', String(q.year), [...new Set(years)].sort().map(String), { plural: 'graduation years', where: university ? `of ${university}` : 'in the person records', suggest: false });
  const year = q.year ?? Math.max(...years);
  const previousYear = q.compare === undefined ? year - 1 : q.compare === 'none' ? null : Number(q.compare);
  if (previousYear !== null && !Number.isInteger(previousYear)) throw new SpecError(`must be a year or "none", got ${q.compare}`, 'compare');
  const records = await store.loadPersons(ws, { years: previousYear === null ? [year] : [year, previousYear], university });
  for (const field of ['degree', 'major'] as const) {
    const given = q[field];
    if (given === undefined) continue;
    const present = [...new Set(records.filter((r) => r.year === year).map((r) => r[field]).filter((v): v is string => v !== null))].sort();
    // Majors are not listed in full: a rare major names a group smaller than the privacy threshold.
    if (!present.includes(given)) throw unknownValueError(field, given, present, { plural: `${field}s`, where: `of the ${year} graduates${university ? ` of ${university}` : ''}`, list: field === 'degree' });
  }
  const provinces = await store.provinceMap(ws);
  const minCell = await store.privacyK(ws);
  const report = graduateReport(records, provinces, { year, university, studyProvince, degree: q.degree, major: q.major }, { previousYear, minCell });
  return { report, university, studyProvince };
}

/** Code -> Chinese and English name of every region, the labels of the table and the page. */
export function regionLabels(regions: readonly WorkspaceRegion[]): Record<string, RegionLabel> {
  return Object.fromEntries(regions.map((r) => [r.code, { name_zh: r.name_zh, name_en: r.name_en }]));
}

/**
 * The printable page of a selection and its default file name: region labels, the provinces of
 * the leading destination's country for the map (else of the study province's), the university
 * (else the study province) in the report's language as the heading.
 */
export async function graduatePage<W>(ws: W, { report, university, studyProvince }: SelectedGraduates, lang: Lang, store: GraduateStore<W>): Promise<{ html: string; filename: string }> {
  const all = await store.listRegions(ws);
  const names = regionLabels(all);
  const lead = report.byProvince[0]?.code ?? studyProvince;
  const country = lead ? countryOf(lead, new Map(all.map((r) => [r.code, r]))) : undefined;
  const shapes = country ? await store.listRegions(ws, { level: 'province', within: country, geometry: true }) : [];
  return {
    html: graduateReportHtml({
      report, lang, regions: names,
      provinces: shapes.map((s) => ({ code: s.code, geometry: s.geometry as { type: string; coordinates: unknown } | null })),
      subject: university !== undefined ? universityLabel(university, lang) : studyProvince ? provinceLabel(names[studyProvince], lang) ?? studyProvince : undefined,
    }),
    filename: `graduate-report-${report.year}.html`,
  };
}

/** A region by its name in the report's language, else the other one. */
const provinceLabel = (r: RegionLabel | undefined, lang: Lang) => (r ? (lang === 'en' ? r.name_en ?? r.name_zh : r.name_zh ?? r.name_en) : undefined);

/**
 * The region of level country at or above `code`, up the `parent` links as far as the store's
 * region_ancestors view follows them (16 steps).
 */
function countryOf(code: string, regions: ReadonlyMap<string, WorkspaceRegion>): string | undefined {
  let r = regions.get(code);
  for (let depth = 0; r && depth <= 16; depth++) {
    if (r.level === 'country') return r.code;
    r = r.parent === null ? undefined : regions.get(r.parent);
  }
  return undefined;
}

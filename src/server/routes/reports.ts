import type { Hono } from 'hono';
import { z } from 'zod';
import { SpecError } from '../../core/errors.ts';
import { graduateReport, type GraduateReport } from '../../metrics/index.ts';
import { graduateReportHtml, type Lang } from '../../report/index.ts';
import { listRegions, loadPersons, personCatalogue, provinceMap, resolveRegionRef, type Workspace } from '../../store/index.ts';
import { universityName } from '../../cli/commands/report/universities.ts';
import { route, type HtmlPage, type RouteDoc, type ServerDeps } from '../route.ts';
import { qText } from '../schemas.ts';

/**
 * The graduate destination report over HTTP: the same library calls as
 * `talentflow report graduates --format json` (the library's GraduateReport) and
 * `--format html --lang zh|en` (src/report's printable page).
 */
const year = z.coerce.number().int().min(1900).max(2200);
const graduatesQuery = z.object({
  university: qText.optional(),
  province: qText.optional(),
  year: year.optional(),
  compare: z.union([z.literal('none'), year]).optional(),
  degree: qText.optional(),
  major: qText.optional(),
}).strict();
export type GraduatesQuery = z.infer<typeof graduatesQuery>;
/** `lang` as the CLI's `--lang`: zh (Chinese headings with English subtitles, the default) or en. */
const graduatesPageQuery = graduatesQuery.extend({ lang: z.enum(['zh', 'en']).default('zh') });

export function reportRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, {
    method: 'get', path: '/api/reports/graduates', tag: 'reports', query: graduatesQuery,
    summary: 'Graduate destination report (as `talentflow report graduates --format json`): headcount, outcomes, stay shares, destinations, salaries',
    handler: ({ query, deps: d }) => d.lock.run(async () => (await selectGraduates(d.ws, query)).report),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/reports/graduates.html', tag: 'reports', query: graduatesPageQuery, produces: 'text/html',
    summary: 'Graduate destination report as one printable, self-contained HTML page (as `talentflow report graduates --format html`), inline as graduate-report-YEAR.html',
    handler: ({ query, deps: d }) => d.lock.run(async () => graduatePage(d.ws, await selectGraduates(d.ws, query), query.lang)),
  });
}

export interface GraduateSelection {
  report: GraduateReport;
  university: string | undefined;
  studyProvince: string | undefined;
}

/**
 * The selection of `talentflow report graduates` (default year the latest, compared with the one
 * before). src/cli/commands/report.ts still carries its own copy of these lines and of
 * `graduatePage`; it can call these two instead.
 */
export async function selectGraduates(ws: Workspace, o: GraduatesQuery): Promise<GraduateSelection> {
  const university = o.university === undefined ? undefined : universityName(o.university);
  let studyProvince: string | undefined;
  if (o.province) {
    const ref = await resolveRegionRef(ws, o.province, 'province');
    if (ref.kind !== 'region') throw new SpecError(`"${o.province}" is a group; give one province`, 'province');
    studyProvince = ref.code;
  }
  const catalogue = await personCatalogue(ws);
  const years = catalogue.filter((c) => university === undefined || c.university === university).map((c) => c.year);
  if (!years.length) throw new SpecError(university ? `no person records of "${university}"; universities: ${[...new Set(catalogue.map((c) => c.university))].join(', ') || 'none'}` : 'the workspace holds no person records (`talentflow import persons FILE`, or `talentflow demo`)', 'university');
  const y = o.year ?? Math.max(...years);
  const previousYear = o.compare === undefined ? y - 1 : o.compare === 'none' ? null : o.compare;
  const records = await loadPersons(ws, { years: previousYear === null ? [y] : [y, previousYear], university });
  const provinces = await provinceMap(ws);
  const report = graduateReport(records, provinces, { year: y, university, studyProvince, degree: o.degree, major: o.major }, { previousYear });
  return { report, university, studyProvince };
}

/**
 * The page `talentflow report graduates --format html` writes for the same selection, byte for
 * byte (tested): region labels, the provinces of the leading destination's country for the map,
 * the university (else the study province's Chinese name) as the heading.
 */
export async function graduatePage(ws: Workspace, { report, university, studyProvince }: GraduateSelection, lang: Lang): Promise<HtmlPage> {
  const names = Object.fromEntries((await listRegions(ws)).map((r) => [r.code, { name_zh: r.name_zh, name_en: r.name_en }]));
  const lead = report.byProvince[0]?.code ?? studyProvince;
  const country = lead ? await ws.db.one<{ code: string }>("SELECT ancestor AS code FROM region_ancestors WHERE code = ? AND ancestor_level = 'country'", [lead]) : undefined;
  const polygons = country ? await listRegions(ws, { level: 'province', within: country.code, geometry: true }) : [];
  return {
    html: graduateReportHtml({
      report, lang, regions: names,
      provinces: polygons.map((p) => ({ code: p.code, geometry: p.geometry as { type: string; coordinates: unknown } | null })),
      subject: university ?? (studyProvince ? (names[studyProvince]?.name_zh ?? studyProvince) : undefined),
    }),
    filename: `graduate-report-${report.year}.html`,
  };
}

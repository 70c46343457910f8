import type { Hono } from 'hono';
import { z } from 'zod';
import { SpecError } from '../../core/errors.ts';
import { graduateReport } from '../../metrics/index.ts';
import { loadPersons, personCatalogue, provinceMap, resolveRegionRef } from '../../store/index.ts';
import { universityName } from '../../cli/commands/report/universities.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { qText } from '../schemas.ts';

/**
 * The graduate destination report over HTTP: the same library call as
 * `talentflow report graduates --format json` (the library's GraduateReport).
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

export function reportRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, {
    method: 'get', path: '/api/reports/graduates', tag: 'reports', query: graduatesQuery,
    summary: 'Graduate destination report (as `talentflow report graduates --format json`): headcount, outcomes, stay shares, destinations, salaries',
    handler: ({ query: o, deps: d }) => d.lock.run(async () => {
      const university = o.university === undefined ? undefined : universityName(o.university);
      let studyProvince: string | undefined;
      if (o.province) {
        const ref = await resolveRegionRef(d.ws, o.province, 'province');
        if (ref.kind !== 'region') throw new SpecError(`"${o.province}" is a group; give one province`, 'province');
        studyProvince = ref.code;
      }
      const catalogue = await personCatalogue(d.ws);
      const years = catalogue.filter((c) => university === undefined || c.university === university).map((c) => c.year);
      if (!years.length) throw new SpecError(university ? `no person records of "${university}"; universities: ${[...new Set(catalogue.map((c) => c.university))].join(', ') || 'none'}` : 'the workspace holds no person records (`talentflow import persons FILE`, or `talentflow demo`)', 'university');
      const y = o.year ?? Math.max(...years);
      const previousYear = o.compare === undefined ? y - 1 : o.compare === 'none' ? null : o.compare;
      const records = await loadPersons(d.ws, { years: previousYear === null ? [y] : [y, previousYear], university });
      const provinces = await provinceMap(d.ws);
      return graduateReport(records, provinces, { year: y, university, studyProvince, degree: o.degree, major: o.major }, { previousYear });
    }),
  });
}

import type { Hono } from 'hono';
import { z } from 'zod';
import { graduateCatalogue, graduatePage, selectGraduateReport } from '../../report/index.ts';
import * as store from '../../store/index.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { qText } from '../schemas.ts';

/**
 * The graduate destination report over HTTP: the same library calls as
 * `talentflow report graduates --format json` (the library's GraduateReport) and
 * `--format html --lang zh|en` (src/report's printable page), through the selection and page
 * assembly both share (src/report/graduates/from-workspace.ts). Both are suppressed with the
 * workspace's k (counts of fewer than k graduates read null with `suppressed: true`; `privacy`
 * says k and the rule). k is shown here and set only on the machine (`talentflow privacy --k N`):
 * no route changes it, and no route returns person records.
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
/** `lang` as the CLI's `--lang`: zh (Chinese headings and notes with the English under each, the default) or en. */
const graduatesPageQuery = graduatesQuery.extend({ lang: z.enum(['zh', 'en']).default('zh') });

export function reportRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, {
    method: 'get', path: '/api/reports/graduates/catalogue', tag: 'reports', query: z.object({}).strict(),
    summary: 'The universities of the person records, each with its graduation years, whether any record is synthetic, and its Chinese and English names where known (no counts): what the graduate report can be asked for',
    handler: ({ deps: d }) => d.lock.run(() => graduateCatalogue(d.ws, store)),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/reports/graduates', tag: 'reports', query: graduatesQuery,
    summary: 'Graduate destination report (as `talentflow report graduates --format json`): headcount, outcomes, stay shares, destinations, salaries; counts of fewer than the workspace\'s k graduates suppressed (null, `suppressed: true`; `privacy` gives k and the rule)',
    handler: ({ query, deps: d }) => d.lock.run(async () => (await selectGraduateReport(d.ws, query, store)).report),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/reports/graduates.html', tag: 'reports', query: graduatesPageQuery, produces: 'text/html',
    summary: 'Graduate destination report as one printable, self-contained HTML page (as `talentflow report graduates --format html`), inline as graduate-report-YEAR.html',
    handler: ({ query, deps: d }) => d.lock.run(async () => graduatePage(d.ws, await selectGraduateReport(d.ws, query, store), query.lang, store)),
  });
}

import type { Hono } from 'hono';
import { z } from 'zod';
import { indicatorNameSchema } from '../../core/schema/indicator-name.ts';
import { runMeasure } from '../../app/measure/run.ts';
import { MEASURES } from '../../app/measure/types.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { level, period, qBool, qInt, qText } from '../schemas.ts';

/**
 * `GET /api/measures/{measure}`: the same envelope as `talentflow measures <measure> --json`
 * (rows per region or corridor, with `source`, `method` and `assumptions`). The operation is
 * src/app/measure, shared with the CLI; this route only coerces the query strings and calls it.
 */
export const measureQuery = z.object({
  period: period.optional(), cohort: z.string().max(200).optional(), level: level.optional(),
  group: qText.optional(), within: qText.optional(), region: qText.optional(), origin: qText.optional(), destination: qText.optional(),
  top: qInt(100000).optional(), losing: qBool.optional(), gaining: qBool.optional(),
  from: period.optional(), to: period.optional(), of: z.enum(MEASURES).optional(),
  naturalRate: z.coerce.number().min(-0.2).max(0.2).optional(), naturalIndicator: indicatorNameSchema.optional(),
  years: z.coerce.number().positive().max(200).optional(), k: qInt(1000).optional(), populationYear: z.coerce.number().int().min(1800).max(2200).optional(),
}).strict();

export function measureRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, {
    method: 'get', path: '/api/measures', tag: 'measures', summary: 'The measures this server computes',
    handler: async () => ({ measures: MEASURES }),
  });
  route(app, deps, docs, {
    method: 'get', path: '/api/measures/{measure}', tag: 'measures', query: measureQuery,
    summary: 'A flow measure (in, out, net, gross, efficiency, rates, retention, corridors, ...) for a selection; net over a census interval falls back to the censuses',
    handler: ({ query, params, deps: d }) => d.lock.run(() => runMeasure(d.ws, z.enum(MEASURES).parse(params.measure), query)),
  });
}

import type { Hono } from 'hono';
import { z } from 'zod';
import { runRank } from '../../app/rank/run.ts';
import { EXAMPLES } from '../../app/rank/spec.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { period, level, qInt, qText } from '../schemas.ts';

/**
 * The composite attractiveness index over HTTP: the rank operation of src/app/rank, shared with
 * `talentflow rank` (indicator matrix from the workspace, composite index, optional rank change
 * against another period and weight sensitivity), with `show` keeping national ranks of the
 * regions inside a region or group. This route coerces the query strings and keeps the `top` rows.
 * `weights=choice:MODEL` ranks the regions of a saved destination-choice model by the utility
 * its graduates reveal instead, beside the declared index and validated on held-out graduates
 * (as `talentflow rank --weights choice:MODEL --json`).
 */
const rankQuery = z.object({
  example: z.enum(Object.keys(EXAMPLES) as [string, ...string[]]).optional(),
  indicators: z.string().trim().min(1).max(2000).optional(),
  level: level.optional(),
  within: qText.optional(),
  period: period.optional(),
  normalisation: z.enum(['minmax', 'min-max', 'zscore', 'z-score', 'rank']).default('minmax'),
  weighting: z.enum(['equal', 'entropy', 'pca', 'user']).default('equal'),
  weights: z.string().trim().min(1).max(2000).optional(),
  missing: z.enum(['exclude', 'impute-mean']).default('exclude'),
  comparePeriod: period.optional(),
  sensitivity: qInt(10_000).pipe(z.number().min(1)).optional(),
  show: qText.optional(),
  top: qInt(10_000).pipe(z.number().min(1)).optional(),
  // weights=choice:MODEL only: held-out graduation years (comma-separated) or a random share, seed, rank draws.
  holdoutYears: z.string().trim().regex(/^\d{4}(,\d{4})*$/, 'years, comma-separated').optional(),
  holdoutShare: z.coerce.number().gt(0).lt(1).optional(),
  seed: qInt(2 ** 31).optional(),
  draws: qInt(10_000).optional(),
}).strict();

export function rankRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  route(app, deps, docs, {
    method: 'get', path: '/api/rank', tag: 'rank', query: rankQuery,
    summary: 'Composite attractiveness index of regions (as `talentflow rank --json`): scores, ranks, contributions, rank change; weights=choice:MODEL: revealed-preference ranking with its held-out validation',
    handler: ({ query: { top, ...o }, deps: d }) => d.lock.run(async () => {
      const { result } = await runRank(d.ws, o);
      if (top) result.index.rows = result.index.rows.slice(0, top);
      return result;
    }),
  });
}

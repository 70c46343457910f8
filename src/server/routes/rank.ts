import type { Hono } from 'hono';
import { z } from 'zod';
import { SpecError } from '../../core/errors.ts';
import { compositeIndex, rankChange, type IndexSpec } from '../../rank/index.ts';
import { listRegions, loadIndicatorMatrix } from '../../store/index.ts';
import { revealedRanking } from '../../store/revealed/index.ts';
import { EXAMPLES, choiceModelOf, normalisationOf, revealedRequest, splitTerms, weightingOf } from '../../cli/commands/rank/spec.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { period, level, qInt, qText } from '../schemas.ts';

/**
 * The composite attractiveness index over HTTP: the same library calls as `talentflow rank`
 * (indicator matrix from the workspace, composite index, optional rank change against another
 * period), with `show` keeping national ranks of the regions inside a region or group.
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
    handler: ({ query: o, deps: d }) => d.lock.run(async () => {
      const model = choiceModelOf(o.weights);
      if (model) {
        const result = await revealedRanking(d.ws, revealedRequest(model, { ...o, seed: o.seed ?? 1, draws: o.draws ?? 1000 }));
        if (o.show) {
          const shown = new Set((await listRegions(d.ws, { within: o.show })).map((r) => r.code));
          result.index.rows = result.index.rows.filter((r) => shown.has(r.code));
        }
        if (o.top) result.index.rows = result.index.rows.slice(0, o.top);
        return result;
      }
      const example = o.example ? EXAMPLES[o.example] : undefined;
      if (!example && !o.indicators) throw new SpecError('give indicators or example=china-cities', 'indicators');
      const terms = o.indicators ? splitTerms(o.indicators) : (example?.terms ?? []);
      const lvl = o.level ?? example?.level;
      const within = o.within ?? example?.within;
      const matrix = await loadIndicatorMatrix(d.ws, { terms, period: o.period, level: lvl, within });
      const spec: IndexSpec = { directions: matrix.directions, normalisation: normalisationOf(o.normalisation), weighting: weightingOf(o.weighting, o.weights, matrix.indicators), missing: o.missing };
      const index = compositeIndex(matrix, spec);
      const change = o.comparePeriod
        ? { period: o.comparePeriod, ...rankChange(compositeIndex(await loadIndicatorMatrix(d.ws, { terms, period: o.comparePeriod, level: lvl, within }), spec), index) }
        : undefined;
      let rows = index.rows.map((r) => ({ ...r, name: matrix.names[r.code] ?? null }));
      if (o.show) {
        const shown = new Set((await listRegions(d.ws, { within: o.show })).map((r) => r.code));
        rows = rows.filter((r) => shown.has(r.code));
      }
      if (o.top) rows = rows.slice(0, o.top);
      return {
        example: o.example ?? null,
        description: example && !o.indicators ? example.description : null,
        selection: { level: lvl ?? null, within: within ?? null, period: o.period ?? null, show: o.show ?? null, terms },
        index: { ...index, rows },
        ...(change ? { rankChange: change } : {}),
      };
    }),
  });
}

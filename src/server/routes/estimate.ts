import type { Hono } from 'hono';
import { z } from 'zod';
import { chooseFlowsFromStocksMethod, estimateBirthplaceFlows, FLOWS_FROM_STOCKS_METHODS } from '../../store/index.ts';
import { estimateCensusFlows } from '../../store/estimate-census-flows.ts';
import { toErrorBody } from '../errors.ts';
import { route, type RouteDoc, type ServerDeps } from '../route.ts';
import { level } from '../schemas.ts';

const year = z.number().int().min(1800).max(2200);
/** Crude rates per 1,000 residents a year, as `talentflow estimate --natural BIRTHS:DEATHS`. */
const naturalRates = z.object({ births: z.number().min(0).lt(100), deaths: z.number().min(0).lt(100) }).strict();

/** Request fields only one estimator reads (a field given to the other one is refused with 422). */
const BIRTHPLACE_FIELDS = ['natural', 'stayerAssumption', 'prior', 'tolerance'] as const;
const RESIDUAL_FIELDS = ['level', 'within', 'naturalRate', 'grossRate'] as const;

export const flowsFromStocksRequest = z.object({
  method: z.enum(FLOWS_FROM_STOCKS_METHODS).optional()
    .describe('birthplace (alias stock-differencing): two census birthplace x residence tables, Abel 2013 / migest ffs_demo; census-residual: populations alone. Default: birthplace when the workspace holds stock tables for both years, else census-residual'),
  from: year.describe('first census year'),
  to: year.describe('second census year, after from'),
  natural: z.union([z.enum(['none', 'range', 'data']), naturalRates]).optional()
    .describe('birthplace: natural change as {births, deaths} per 1,000 residents a year, "none", or "range" (default: the stated low/central/high range; the result carries naturalRange)'),
  stayerAssumption: z.boolean().optional()
    .describe('birthplace: maximise stayers, as migest (default true: close to minimum migration, gaining regions send almost no one); false uses a distance prior'),
  prior: z.object({
    movesFactor: z.number().gt(1).max(20).optional().describe('total moves as a multiple of the minimum-migration estimate (default 1.5)'),
    totalMoves: z.number().positive().max(1e10).optional().describe('total moves in persons (overrides movesFactor)'),
    distancePower: z.number().min(0).max(5).optional().describe('prior distance^-p between centroids (default 1)'),
  }).strict().optional().describe('birthplace with stayerAssumption false only'),
  tolerance: z.number().min(1e-10).max(1).optional().describe('birthplace: IPF tolerance (default 1e-3 as migest; 1e-8 for a converged estimate)'),
  level: level.optional().describe('census-residual: level of the regions (default city)'),
  within: z.string().trim().min(1).max(200).optional().describe('census-residual: only regions inside this region or group'),
  naturalRate: z.number().min(-0.2).max(0.2).optional().describe('census-residual: annual natural change rate of every region (default: the rate that closes the national total)'),
  grossRate: z.number().min(0).max(1).optional().describe('census-residual: gross migration on top of the net, as a share of population (default 0)'),
  save: z.boolean().default(false).describe('store the estimate as the flows of the period FROM-TO, replacing an earlier estimate'),
}).strict().superRefine((b, ctx) => {
  if (!(b.to > b.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: `${b.to} must be after from (${b.from})` });
  if (b.prior && b.stayerAssumption !== false) ctx.addIssue({ code: 'custom', path: ['prior'], message: 'a prior is used only with stayerAssumption: false' });
});

export function estimateRoutes(app: Hono, deps: ServerDeps, docs: RouteDoc[]): void {
  const { lock, jobs } = deps;
  route(app, deps, docs, {
    method: 'post', path: '/api/estimate/flows-from-stocks', tag: 'models', status: 202, body: flowsFromStocksRequest,
    summary: 'Estimate flows between two censuses from two birthplace stock tables (Abel 2013) or from populations alone (a job; the result carries definition, source, unit and naturalRange)',
    handler: async ({ body, deps: d }) => {
      // Chosen before the job starts, so a wrong method or misplaced option is answered at once.
      const given = (fields: readonly (keyof typeof body)[]) => fields.filter((f) => body[f] !== undefined);
      const choice = await lock.run(() => chooseFlowsFromStocksMethod(d.ws, {
        method: body.method, from: body.from, to: body.to, given: { birthplace: given(BIRTHPLACE_FIELDS), censusResidual: given(RESIDUAL_FIELDS) },
      }));
      const about = { estimator: choice.method, estimatorChoice: choice.reason };
      return jobs.start('flows-from-stocks', async (ctx) => {
        ctx.progress(0.1, `estimating (${choice.method})`);
        if (choice.method === 'birthplace') {
          const o = await lock.run(() => estimateBirthplaceFlows(d.ws, {
            from: body.from, to: body.to, natural: body.natural, stayerAssumption: body.stayerAssumption, prior: body.prior, tolerance: body.tolerance, store: body.save,
          }));
          return { ...about, ...o.result, period: o.period, stored: o.stored, unit: o.unit, definition: o.definition, source: o.source, naturalRange: o.naturalRange };
        }
        const o = await lock.run(() => estimateCensusFlows(d.ws, {
          from: body.from, to: body.to, level: body.level ?? 'city', within: body.within, naturalRate: body.naturalRate, grossRate: body.grossRate, store: body.save,
        }));
        return { ...about, ...o.result, period: o.period, stored: o.stored, skipped: o.skipped, kind: 'estimated' as const, unit: o.unit, definition: o.definition, source: o.source, naturalRange: null };
      }, (e) => toErrorBody(e));
    },
  });
}

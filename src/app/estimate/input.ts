import { z } from 'zod';
import { FLOWS_FROM_STOCKS_METHODS } from '../../store/flows-from-stocks-method.ts';
import { MODEL_NAME } from '../../store/models.ts';

const year = z.number().int().min(1800).max(2200);
/** Crude rates per 1,000 residents a year, as `talentflow estimate --natural BIRTHS:DEATHS`. */
const naturalRates = z.object({ births: z.number().min(0).lt(100), deaths: z.number().min(0).lt(100) }).strict();

/** Input fields only one estimator reads: given to the other one they are refused (src/store/flows-from-stocks-method.ts). */
export const BIRTHPLACE_FIELDS = ['natural', 'stayerAssumption', 'prior', 'tolerance'] as const;
export const RESIDUAL_FIELDS = ['level', 'within', 'naturalRate', 'grossRate', 'decay', 'decayFrom'] as const;

/**
 * What an estimate of flows between two censuses may say, from `talentflow estimate
 * flows-from-stocks --flags` or `POST /api/estimate/flows-from-stocks`. Defaults are applied
 * where each estimator reads them (src/store), so a field is "given" only when the request names it.
 */
export const flowsFromStocksInput = z.object({
  method: z.enum(FLOWS_FROM_STOCKS_METHODS).optional()
    .describe('birthplace (alias stock-differencing): two census birthplace x residence tables, Abel 2013 / migest ffs_demo; census-residual: populations alone. Default: birthplace when the workspace holds stock tables for both years, else census-residual'),
  from: year.describe('first census year'),
  to: year.describe('second census year, after from'),
  natural: z.union([z.enum(['none', 'range', 'data']), naturalRates]).optional()
    .describe('birthplace: natural change as {births, deaths} per 1,000 residents a year, "none", "range" (the stated low/central/high range; the result carries naturalRange) or "data" (indicators by region)'),
  stayerAssumption: z.boolean().optional()
    .describe('birthplace: maximise stayers, as migest (default true: close to minimum migration, gaining regions send almost no one); false uses a distance prior'),
  prior: z.object({
    movesFactor: z.number().gt(1).max(20).optional().describe('total moves as a multiple of the minimum-migration estimate (default 1.5)'),
    totalMoves: z.number().positive().max(1e10).optional().describe('total moves in persons (overrides movesFactor)'),
    distancePower: z.number().min(0).max(5).optional().describe('prior distance^-p between centroids (default 1)'),
  }).strict().optional().describe('birthplace with stayerAssumption false only'),
  tolerance: z.number().min(1e-10).max(1).optional().describe('birthplace: IPF tolerance (default 1e-3 as migest; 1e-8 for a converged estimate)'),
  level: z.string().trim().regex(/^[A-Za-z][\w-]{0,31}$/, 'a level such as province or city').optional().describe('census-residual: level of the regions (default city)'),
  within: z.string().trim().min(1).max(200).optional().describe('census-residual: only regions inside this region or group'),
  naturalRate: z.number().min(-0.2).max(0.2).optional().describe('census-residual: annual natural change rate of every region (default: the rate that closes the national total)'),
  grossRate: z.number().min(0).max(1).optional().describe('census-residual: gross migration on top of the net, as a share of population (default 0)'),
  decay: z.object({ form: z.enum(['power', 'exponential']), parameter: z.number().finite() }).strict().optional()
    .describe('census-residual: prior distance decay, e.g. {form: power, parameter: -1.2} (default power -1.2)'),
  decayFrom: z.string().regex(MODEL_NAME, 'a saved model name').optional()
    .describe('census-residual: take the prior decay from this saved gravity model'),
  save: z.boolean().default(false).describe('store the estimate as the flows of the period FROM-TO, replacing an earlier estimate'),
}).strict().superRefine((b, ctx) => {
  // Each names its rule (core/messages/schema-issue-zh.ts), so a front-end says it in its language.
  if (!(b.to > b.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: `${b.to} must be after from (${b.from})`, params: { rule: 'toAfterFrom', value: String(b.from) } });
  if (b.prior && b.stayerAssumption !== false) ctx.addIssue({ code: 'custom', path: ['prior'], message: 'a prior is used only with stayerAssumption: false', params: { rule: 'priorNeedsNoStayers' } });
  if (b.decay && b.decayFrom) ctx.addIssue({ code: 'custom', path: ['decayFrom'], message: 'give decay or decayFrom, not both', params: { rule: 'decayOrDecayFrom' } });
});

export type FlowsFromStocksInput = z.input<typeof flowsFromStocksInput>;
export type FlowsFromStocksOptions = z.output<typeof flowsFromStocksInput>;

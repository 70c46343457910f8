/**
 * Births and deaths by place of birth x place of residence (Abel 2013, section 3: the stock
 * tables are first cleared of the natural change, so what remains is migration): migest's
 * birth_mat() and death_mat(). Both are one- or two-margin IPF fits of a stock table.
 */
import { InputError } from '../../../core/errors.ts';
import { coded, type CodedMessage } from '../../../core/messages/index.ts';
import { rowMajor } from './dense-array.ts';
import { fitStep, type FitContext } from './fit-step.ts';
import { diagonal, rowSums } from './square-matrix.ts';
import type { BirthMethod, DeathMethod } from './types.ts';

/**
 * migest birth_mat(b_por, m2, method, non_negative). 'native': births sit on the diagonal
 * (newborns are natives of the region of birth and have not moved). With nonNegative, a region
 * whose births exceed its natives at the end (migest's message "Too many births in region ...")
 * has its births spread over all its residents by birthplace instead, as in 'proportion':
 * column j of the end stocks scaled to births_j.
 */
export function birthMatrix(
  ctx: FitContext,
  births: Float64Array,
  end: Float64Array,
  n: number,
  method: BirthMethod,
  nonNegative: boolean,
  regions: readonly string[],
  warnings: CodedMessage[],
): Float64Array {
  const proportional = (): Float64Array =>
    fitStep(ctx, 'birth_mat: births spread over end stocks', rowMajor([n, n], end), [{ over: [1], target: rowMajor([n], births) }]);
  if (method === 'proportion') return proportional();
  const bb = new Float64Array(n * n);
  for (let i = 0; i < n; i++) bb[i * n + i] = births[i];
  if (!nonNegative) return bb;
  const natives = diagonal(end, n);
  const tooMany = [...natives.keys()].filter((j) => natives[j] - births[j] < 0);
  if (tooMany.length === 0) return bb;
  const spread = proportional();
  for (const j of tooMany) {
    warnings.push(coded('stocks.tooManyBirths', { region: regions[j], births: births[j], natives: natives[j] }));
    for (let i = 0; i < n; i++) bb[i * n + j] = spread[i * n + j];
  }
  return bb;
}

/**
 * migest death_mat(d_por, m1, method, m2, b_por). 'proportion': column j of the start stocks
 * scaled to deaths_j (every birthplace group dies at the region's rate). 'accounting': also fit
 * the deaths by birthplace implied by the stocks, rowSums(m1) + births - rowSums(m2).
 */
export function deathMatrix(
  ctx: FitContext,
  deaths: Float64Array,
  start: Float64Array,
  end: Float64Array,
  births: Float64Array,
  n: number,
  method: DeathMethod,
  regions: readonly string[],
): Float64Array {
  const seed = rowMajor([n, n], start);
  const byResidence = { over: [1], target: rowMajor([n], deaths) };
  if (method === 'proportion') return fitStep(ctx, 'death_mat: deaths spread over start stocks', seed, [byResidence]);
  const r1 = rowSums(start, n);
  const r2 = rowSums(end, n);
  const byBirthplace = Float64Array.from(r1, (v, i) => v + births[i] - r2[i]);
  byBirthplace.forEach((v, i) => {
    if (v < 0) {
      throw new InputError(
        `deathMethod 'accounting': people born in "${regions[i]}" number ${r1[i]} at the start and ${r2[i]} at the end with ${births[i]} births, which implies ${v} deaths; the stocks cannot be reconciled this way (use deathMethod 'proportion')`,
        { column: 'deaths' },
      );
    }
  });
  return fitStep(ctx, 'death_mat: deaths by birthplace and residence', seed, [{ over: [0], target: rowMajor([n], byBirthplace) }, byResidence]);
}

/**
 * The assumptions of a flows-from-stocks run, in words for reports and the CLI (STYLE.md: every
 * result carries its definition and assumptions); its warnings are coded (core/messages/stocks-flows.ts).
 */
import type { ResolvedFlowsFromStocksSpec } from './types.ts';

export const FFS_DEFINITION =
  'migrant transitions: persons living in the origin at the start and in the destination at the end of the period, by place of birth (Abel 2013); moves of people born or dying within the period, and moves undone within it, are not counted';

export const FFS_SOURCE =
  'Abel, G. J. (2013) Estimating global migration flow tables using place of birth data, Demographic Research 28(18) 505-546; Abel & Sander (2014) Science 343(6178) 1520-1522; a port of R migest ffs_demo (commit 690b0f7) with mipfp::Ipfp 3.2.1';

/** `gap`: births - deaths minus the change of the stock totals, before the global match (null when not applied). */
export function ffsAssumptions(p: ResolvedFlowsFromStocksSpec, gap: number | null, seedGiven: boolean): string[] {
  const out = ['stocks are by place of birth (rows) and place of residence (columns) at the start and at the end of the period; the system is closed apart from births and deaths'];
  if (gap !== null) {
    const when = p.matchGlobal === 'before-demo-adjust' ? 'before births and deaths were removed' : 'after births and deaths were removed';
    out.push(
      gap === 0
        ? 'the change of the stock totals already equals births - deaths; no global adjustment was needed'
        : p.matchGlobal === 'before-demo-adjust'
          ? `the change of the stock totals differs from births - deaths by ${gap} persons; ${when}, the native-born cells absorbed it, half at the start and half at the end, in whole persons with the rounding residual on the largest native-born cell (migest nb_scale_global)`
          : `the stock totals were made equal ${when} by moving ${-gap / 2} persons into the start natives and out of the end natives, in proportion to each region's natives`,
    );
  }
  out.push(
    p.birthMethod === 'native'
      ? `births are natives of the region where they occur and have not moved by the end of the period${p.birthNonNegative ? ' (where births exceed the natives at the end, they are spread over all residents)' : ''}`
      : 'births are spread over birthplace groups in proportion to the end stocks of their region of residence',
  );
  out.push(
    p.deathMethod === 'proportion'
      ? 'deaths in each region are spread over birthplace groups in proportion to the start stocks (natives and migrants die at the same rate)'
      : 'deaths by birthplace are those implied by the stocks (start + births - end), fitted together with deaths by residence',
  );
  out.push(
    p.matchBirthplaceTotalMethod === 'rescale'
      ? 'the two tables are rescaled to meet halfway on the number of people born in each place (Abel & Sander 2014)'
      : `people born in a place who are missing at one end moved out of or into the system, spread like the ${p.matchBirthplaceTotalMethod === 'open' ? 'other' : 'same'} table's row (Abel 2013, method '${p.matchBirthplaceTotalMethod}')`,
  );
  out.push(
    p.stayerAssumption
      ? `for each birthplace and residence, min(start, end) persons stayed and only the remainder moved (quasi-independence; close to the minimum migration consistent with the stocks)${seedGiven ? '; the given seed is not used on this path, as in migest' : ''}`
      : `flows follow ${seedGiven ? 'the given seed' : 'a uniform seed'} rescaled to the start and end stocks, stayers included (independence model, Azose & Raftery 2019)`,
  );
  out.push(
    `every IPF step stops when no cell changes by more than ${p.tolerance} in an iteration (mipfp's rule${p.tolerance >= 1e-3 ? '; at migest\'s default 1e-3 the steps are not converged and margins can be off by up to maxMarginError' : ''})`,
  );
  return out;
}


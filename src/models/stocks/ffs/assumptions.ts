/**
 * The assumptions of a flows-from-stocks run, coded (core/messages/stocks-assumptions.ts) for reports, the CLI
 * and the page in either language (STYLE.md: every result carries its definition and assumptions).
 */
import { coded, type CodedMessage } from '../../../core/messages/index.ts';
import type { ResolvedFlowsFromStocksSpec } from './types.ts';

export const FFS_DEFINITION =
  'migrant transitions: persons living in the origin at the start and in the destination at the end of the period, by place of birth (Abel 2013); moves of people born or dying within the period, and moves undone within it, are not counted';

export const FFS_SOURCE =
  'Abel, G. J. (2013) Estimating global migration flow tables using place of birth data, Demographic Research 28(18) 505-546; Abel & Sander (2014) Science 343(6178) 1520-1522; a port of R migest ffs_demo (commit 690b0f7) with mipfp::Ipfp 3.2.1';

/** `gap`: births - deaths minus the change of the stock totals, before the global match (null when not applied). */
export function ffsAssumptions(p: ResolvedFlowsFromStocksSpec, gap: number | null, seedGiven: boolean): CodedMessage[] {
  const out = [coded('ffs.assumption.closed', {})];
  if (gap !== null) {
    out.push(
      gap === 0
        ? coded('ffs.assumption.noGap', {})
        : p.matchGlobal === 'before-demo-adjust' ? coded('ffs.assumption.gapAbsorbed', { gap }) : coded('ffs.assumption.gapMoved', { moved: -gap / 2 }),
    );
  }
  out.push(p.birthMethod === 'native' ? coded('ffs.assumption.birthsNative', { nonNegative: p.birthNonNegative }) : coded('ffs.assumption.birthsSpread', {}));
  out.push(p.deathMethod === 'proportion' ? coded('ffs.assumption.deathsProportion', {}) : coded('ffs.assumption.deathsImplied', {}));
  out.push(p.matchBirthplaceTotalMethod === 'rescale' ? coded('ffs.assumption.matchRescale', {}) : coded('ffs.assumption.matchOpen', { method: p.matchBirthplaceTotalMethod }));
  out.push(p.stayerAssumption ? coded('ffs.assumption.stayers', { seedGiven }) : coded('ffs.assumption.independence', { seedGiven }));
  out.push(coded('ffs.assumption.tolerance', { tolerance: p.tolerance }));
  return out;
}

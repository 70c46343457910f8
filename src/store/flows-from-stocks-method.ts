import { NotFoundError, SpecError } from '../core/errors.ts';
import { listStockTables } from './queries/list-stocks.ts';
import type { Workspace } from './workspace.ts';

/** The methods a request may name; `stock-differencing` is another name for `birthplace`. */
export const FLOWS_FROM_STOCKS_METHODS = ['birthplace', 'stock-differencing', 'census-residual'] as const;
export type FlowsFromStocksMethod = (typeof FLOWS_FROM_STOCKS_METHODS)[number];

/** The estimator a request gets, and why (shown with the result). */
export interface FlowsFromStocksChoice {
  method: 'birthplace' | 'census-residual';
  reason: string;
}

export interface FlowsFromStocksChoiceRequest {
  /** As the user gave it (a CLI flag is checked here too). Default: see chooseFlowsFromStocksMethod. */
  method?: string;
  from: number;
  to: number;
  /**
   * The options the user gave that only one estimator reads, under the names the user knows them
   * by (flags for the CLI, fields for the API). Given to the other estimator they are refused,
   * never silently dropped.
   */
  given?: { birthplace?: readonly string[]; censusResidual?: readonly string[] };
}

/**
 * Which flows-from-stocks estimator a request gets; the one rule the CLI and the server share.
 * A named method is used as named. Without one: `birthplace` (Abel 2013, from two birthplace x
 * residence tables) when the workspace holds a stock table for both census years, since it
 * uses who was born where and not only how many live where; otherwise `census-residual`
 * (population change alone).
 */
export async function chooseFlowsFromStocksMethod(ws: Workspace, req: FlowsFromStocksChoiceRequest): Promise<FlowsFromStocksChoice> {
  const missing: number[] = [];
  for (const date of [req.from, req.to]) if (!(await listStockTables(ws, { date })).length) missing.push(date);
  let choice: FlowsFromStocksChoice;
  if (req.method !== undefined) {
    if (!(FLOWS_FROM_STOCKS_METHODS as readonly string[]).includes(req.method)) {
      throw new SpecError(`"${req.method}" is not a method: birthplace (also called stock-differencing) or census-residual`, 'method');
    }
    choice = { method: req.method === 'census-residual' ? 'census-residual' : 'birthplace', reason: `method ${req.method} given` };
    if (choice.method === 'birthplace' && missing.length) {
      const held = [...new Set((await listStockTables(ws)).map((t) => t.date))];
      throw new NotFoundError(`method ${req.method} needs a stock table for ${req.from} and for ${req.to}; there is none for ${missing.join(' or ')} (the workspace holds ${held.length ? `stock tables of ${held.join(', ')}` : 'none: import them with talentflow import stocks FILE'})`);
    }
  } else {
    choice = missing.length
      ? { method: 'census-residual', reason: `no stock table for ${missing.join(' and ')} in the workspace, so flows come from population change alone` }
      : { method: 'birthplace', reason: `the workspace holds census stock tables for both ${req.from} and ${req.to}` };
  }
  const other = choice.method === 'birthplace' ? req.given?.censusResidual : req.given?.birthplace;
  if (other?.length) {
    throw new SpecError(`${other.join(', ')} ${other.length > 1 ? 'apply' : 'applies'} only to the ${choice.method === 'birthplace' ? 'census-residual' : 'birthplace'} method, not to ${choice.method} (${choice.reason})`, 'method');
  }
  return choice;
}

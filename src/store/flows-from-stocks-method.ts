import { NotFoundError, SpecError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import { choiceReason } from '../core/messages/stocks-flows.ts';
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
  if (req.method !== undefined) {
    if (!(FLOWS_FROM_STOCKS_METHODS as readonly string[]).includes(req.method)) {
      throw new SpecError(coded('stocks.method.unknown', { method: req.method }), 'method');
    }
    if (req.method !== 'census-residual' && missing.length) {
      const held = [...new Set((await listStockTables(ws)).map((t) => String(t.date)))];
      throw new NotFoundError(coded('stocks.method.needsTables', { method: req.method, from: req.from, to: req.to, missing: missing.map(String), held }));
    }
  }
  const why = { given: req.method ?? null, missing: missing.map(String), from: req.from, to: req.to };
  const method = req.method !== undefined ? (req.method === 'census-residual' ? 'census-residual' : 'birthplace') : missing.length ? 'census-residual' : 'birthplace';
  const choice: FlowsFromStocksChoice = { method, reason: choiceReason(why) };
  const other = choice.method === 'birthplace' ? req.given?.censusResidual : req.given?.birthplace;
  if (other?.length) throw new SpecError(coded('stocks.method.otherFields', { fields: other, method: choice.method, ...why }), 'method');
  return choice;
}

import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { compositeIndex, rankChange, weightSensitivity, type CompositeIndexResult, type IndexSpec, type RankChangeResult, type SensitivityResult } from '../../rank/index.ts';
import { listRegions } from '../../store/queries/list-regions.ts';
import { loadIndicatorMatrix } from '../../store/queries/indicator-matrix.ts';
import { requireLevel } from '../../store/queries/known-values.ts';
import type { Workspace } from '../../store/workspace.ts';
import { revealedRanking, type RevealedRanking } from '../../store/revealed/index.ts';
import { parseInput } from '../parse-input.ts';
import { rankInput, type RankInput, type RankOptions } from './input.ts';
import { EXAMPLES, choiceModelOf, normalisationOf, revealedRequest, splitTerms, weightingOf } from './spec.ts';

/** A composite index over workspace indicators, each row named, with what it was asked for. */
export interface DeclaredRanking {
  example: string | null;
  description: string | null;
  /** The description coded (core/messages), for a front-end to say in its language. */
  messages: { description: CodedMessage | null };
  selection: { level: string | null; within: string | null; period: string | null; show: string | null; terms: string[] };
  index: Omit<CompositeIndexResult, 'rows'> & { rows: (CompositeIndexResult['rows'][number] & { name: string | null })[] };
  rankChange?: RankChangeResult & { period: string };
  sensitivity?: SensitivityResult;
}

/** Which ranking a request asked for: declared weights, or the utility a saved choice model reveals. */
export type RankOutcome = { by: 'declared'; result: DeclaredRanking } | { by: 'revealed'; result: RevealedRanking };

/**
 * The rank operation, for the CLI (`talentflow rank`) and the server (`GET /api/rank`):
 * `weights: choice:MODEL` ranks a saved destination-choice model's regions by revealed utility
 * (validated on held-out graduates); otherwise the composite index of the declared terms, with
 * rank change against another period and weight sensitivity when asked. `show` keeps the
 * national ranks of the regions inside a region or group.
 */
export async function runRank(ws: Workspace, input: RankInput): Promise<RankOutcome> {
  const o = parseInput(rankInput, input);
  const model = choiceModelOf(o.weights);
  if (model) {
    const result = await revealedRanking(ws, revealedRequest(model, o));
    if (o.show) result.index.rows = await shownOnly(ws, o.show, result.index.rows);
    return { by: 'revealed', result };
  }
  return { by: 'declared', result: await declared(ws, o) };
}

async function declared(ws: Workspace, o: RankOptions): Promise<DeclaredRanking> {
  const example = o.example ? EXAMPLES[o.example] : undefined;
  if (!example && !o.indicators) throw new SpecError(coded('rank.spec.noIndicators', {}), 'indicators');
  const terms = o.indicators ? splitTerms(o.indicators) : (example?.terms ?? []);
  const askedLevel = o.level ?? example?.level;
  // A misspelt level is a user error that lists the levels, never an empty index.
  const level = askedLevel === undefined ? undefined : await requireLevel(ws, askedLevel);
  const within = o.within ?? example?.within;
  const matrix = await loadIndicatorMatrix(ws, { terms, period: o.period, level, within });
  const spec: IndexSpec = { directions: matrix.directions, normalisation: normalisationOf(o.normalisation), weighting: weightingOf(o.weighting, o.weights, matrix.indicators), missing: o.missing };
  const index = compositeIndex(matrix, spec);
  const change = o.comparePeriod
    ? { period: o.comparePeriod, ...rankChange(compositeIndex(await loadIndicatorMatrix(ws, { terms, period: o.comparePeriod, level, within }), spec), index) }
    : undefined;
  const sensitivity = o.sensitivity ? weightSensitivity(matrix, spec, { seed: o.seed, draws: o.sensitivity }) : undefined;
  const rows = index.rows.map((r) => ({ ...r, name: matrix.names[r.code] ?? null }));
  return {
    example: o.example ?? null,
    description: example && !o.indicators ? example.description : null,
    messages: { description: example && !o.indicators ? example.text : null },
    selection: { level: level ?? null, within: within ?? null, period: o.period ?? null, show: o.show ?? null, terms },
    index: { ...index, rows: o.show ? await shownOnly(ws, o.show, rows) : rows },
    ...(change ? { rankChange: change } : {}),
    ...(sensitivity ? { sensitivity } : {}),
  };
}

async function shownOnly<R extends { code: string }>(ws: Workspace, show: string, rows: R[]): Promise<R[]> {
  const shown = new Set((await listRegions(ws, { within: show })).map((r) => r.code));
  return rows.filter((r) => shown.has(r.code));
}

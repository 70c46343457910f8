import { z } from 'zod';
import { INDICATOR_NAME_RULE, isIndicatorName } from '../../core/schema/indicator-name.ts';
import { MODEL_NAME } from '../../store/models.ts';
import { fileColumn, fileReading, storedFlowSelection } from './flow-selection.ts';

/** A column name of a flow file as the user's header spells it. */
const column = fileColumn;
/** A term: a file column or a workspace indicator, logged unless marked `:raw`. */
const term = z.string().trim().min(1).max(204);
/** A fixed-effect or cluster dimension: a name or an interaction `a^b` of up to four names. */
const dimension = z.string().trim().min(1).max(400);
const MAX_INTERACTION = 4;
/** The dimensions stored flows have (a flow file may name any of its columns besides). */
export const STORED_DIMENSIONS = ['origin', 'destination', 'period', 'pair'] as const;

/**
 * fixest's ssc() (src/models/gravity/types.ts, SmallSampleOptions): 'none' (R glm / sandwich,
 * the default), 'fixest' (its default), or its options by name.
 */
const ssc = z.union([
  z.enum(['none', 'fixest']),
  z.object({
    adj: z.boolean(),
    fixefK: z.enum(['none', 'full', 'nested']),
    clusterAdj: z.boolean(),
    clusterDf: z.enum(['min', 'conventional']),
  }).partial().strict(),
], { error: 'expected "none", "fixest" or fixest\'s options {adj: true|false, fixefK: "none"|"full"|"nested", clusterAdj: true|false, clusterDf: "min"|"conventional"}' });

/**
 * What a gravity fit may say, from `talentflow fit gravity --flags` or `POST /api/models/gravity`.
 * The flows are the workspace's (periods, within, level, fillZeros; the offset from an indicator
 * or the distance) or, for the CLI only, a flow file (`file`, whose column names the terms, fixed
 * effects, clusters and offset then use).
 * Defaults the model applies (ssc none, na drop, clusters by pair on panels) are left to it
 * (src/models/gravity/spec.ts), so a field is "given" only when the request names it.
 */
export const gravityInput = z.object({
  file: z.object({
    path: z.string().min(1).max(4096).describe('the flow file (CSV, xlsx, Parquet, JSON lines)'),
    origin: column, destination: column, flow: column,
    cost: column.describe('cost column (distance, time)'),
    period: column.optional().describe('period column of a panel (adds period effects)'),
    ...fileReading,
  }).strict().optional().describe('fit on a flow file instead of the workspace (the CLI\'s --flows; not over HTTP)'),
  ...storedFlowSelection,
  constraint: z.enum(['unconstrained', 'production', 'attraction', 'doubly']).default('unconstrained'),
  decay: z.enum(['power', 'exponential']).default('power').describe('power: log(cost) enters; exponential: cost enters'),
  originVars: z.array(term).max(20).default([]).describe('origin attributes: file columns or workspace indicators (logged; NAME:raw enters as is)'),
  destinationVars: z.array(term).max(20).default([]).describe('destination attributes, as originVars'),
  pairVars: z.array(term).max(20).default([]).describe('file: pair attributes (e.g. contig:raw)'),
  intra: z.boolean().default(false).describe('keep intra-regional rows (origin = destination)'),
  fixedEffects: z.array(dimension).max(10).optional()
    .describe('the fixed effects, as fixest\'s `| ...`: origin, destination, period, pair, file columns, or interactions such as origin^period. Given, period effects enter only if listed; default: the constraint\'s effects and, on panels, period effects'),
  offset: z.string().trim().min(1).max(204).optional()
    .describe('a term entering the linear predictor with coefficient 1 (fixest\'s offset): file: a COLUMN; stored flows: origin:INDICATOR, destination:INDICATOR or distance (km); as is, or its log with :log'),
  cluster: z.array(dimension).max(4).optional()
    .describe('cluster the SEs by one to four dimensions (names as fixedEffects; two or more: multiway). Default: pair on panels; [] none'),
  ssc: ssc.optional().describe('small-sample correction: none (default), fixest, or fixest\'s options {adj, fixefK, clusterAdj, clusterDf}'),
  na: z.enum(['drop', 'error']).optional().describe('rows with a missing value in a used column: drop them (default, counted by column) or error'),
  sumDuplicates: z.boolean().default(false).describe('add up rows with the same origin, destination, period and categories (refused by default)'),
  save: z.string().regex(MODEL_NAME, 'letters, digits, _ . - (up to 64)').optional().describe('save the fitted model in the workspace under this name'),
  replace: z.boolean().default(false).describe('with save: replace a saved model of that name'),
}).strict().superRefine((b, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const key of ['fixedEffects', 'cluster'] as const) {
    (b[key] ?? []).forEach((d, i) => {
      const atoms = d.split('^').map((a) => a.trim());
      if (atoms.some((a) => a === '')) issue([key, i], `"${d}" has an empty name`);
      else if (atoms.length > MAX_INTERACTION) issue([key, i], `"${d}" interacts ${atoms.length} names: at most ${MAX_INTERACTION}`);
      else if (!b.file) {
        const other = atoms.find((a) => !(STORED_DIMENSIONS as readonly string[]).includes(a));
        if (other !== undefined) issue([key, i], `"${other}" is not ${STORED_DIMENSIONS.join(', ')} (stored flows have no other columns; other columns need a flow file)`);
      }
    });
  }
  if (b.offset !== undefined && !/^(.*?)(?::(log|raw))?$/.exec(b.offset)![1]) issue(['offset'], `"${b.offset}" names no column`);
  if (b.file) return;
  if (!b.periods.length) issue(['periods'], 'choose the period(s) of the flows to model');
  if (b.offset !== undefined && parseStoredOffset(b.offset) === null) issue(['offset'], `"${b.offset}" is not ${STORED_OFFSET_RULE}`);
  if (b.pairVars.length) issue(['pairVars'], 'stored flows have no pair attributes (pair terms need a flow file)');
  for (const key of ['originVars', 'destinationVars'] as const) {
    b[key].forEach((t, i) => {
      // Stored attributes are indicators: the core's one name rule (src/core/schema/indicator-name.ts).
      if (!isIndicatorName(t.replace(/:raw$/, ''))) issue([key, i], `"${t}" is not ${INDICATOR_NAME_RULE}, optionally with :raw`);
    });
  }
});

/** An offset of stored flows: an indicator of either end in the flow's period, or the distance. */
export type StoredOffset = { readonly source: 'origin' | 'destination'; readonly indicator: string; readonly log: boolean } | { readonly source: 'distance'; readonly log: boolean };

export const STORED_OFFSET_RULE = `origin:INDICATOR, destination:INDICATOR or distance, with :log to take its log (INDICATOR ${INDICATOR_NAME_RULE.replace(/^an /, 'is an ')})`;

/**
 * `origin:population:log` -> the origin's population indicator, logged; `distance:log` -> log km.
 * As a flow file's COLUMN[:log], the value enters as is unless :log (or :raw, the default) says
 * otherwise, so `--offset destination:population:log` is fixest's `offset = ~log(pop_d)`. Null
 * when the text is neither form.
 */
export function parseStoredOffset(text: string): StoredOffset | null {
  const m = /^(?:(origin|destination):([^:]+)|(distance))(?::(log|raw))?$/.exec(text.trim());
  if (!m) return null;
  const log = m[4] === 'log';
  if (m[3]) return { source: 'distance', log };
  return isIndicatorName(m[2]) ? { source: m[1] as 'origin' | 'destination', indicator: m[2], log } : null;
}

export type GravityInput = z.input<typeof gravityInput>;
export type GravityOptions = z.output<typeof gravityInput>;

/**
 * The input over HTTP: the same operation on the workspace's stored flows only, so a request
 * never names a path on the server's disk.
 */
export const storedGravityInput = gravityInput.superRefine((b, ctx) => {
  if (b.file) ctx.addIssue({ code: 'custom', path: ['file'], message: 'the server fits the workspace\'s stored flows; fit a file with `talentflow fit gravity --flows FILE`' });
});

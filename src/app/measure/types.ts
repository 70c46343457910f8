import type { CodedMessage } from '../../core/messages/index.ts';
import type { MeasureInput } from './input.ts';

/** A measure request's options: see measureInput (input.ts) for each one's meaning and limits. */
export type MeasureOptions = MeasureInput;

export type Row = { code: string; name?: string | null } & Record<string, unknown>;

/**
 * What `talentflow measures` prints with --json: one envelope for every measure, so a script
 * reads `rows` (one object per region, corridor or origin, each with its `code` and numeric
 * values) and learns where the numbers come from (`source`, `method`, `assumptions`).
 */
export interface MeasureResult {
  measure: string;
  /** Where the numbers come from: stored (observed or estimated) flows, or two censuses' populations. */
  source: 'flows' | 'census';
  selection: Record<string, string | number | boolean | undefined>;
  /**
   * What the numbers are, in one sentence that names the flows (observed, or estimated by which
   * method from what) or says "population change" when they come from two censuses: the same
   * words the map, the region panel and the rankings show.
   */
  definition: string;
  /** The definition, method, assumptions and warnings coded (core/messages), for a front-end to say in its language. */
  messages?: { definition: CodedMessage; warnings?: CodedMessage[]; method?: CodedMessage; assumptions?: CodedMessage[] };
  /** observed: every number from observed data; estimated: from a model or an assumption. */
  kind: 'observed' | 'estimated' | 'mixed';
  /** How the numbers were computed, in one sentence. */
  method: string;
  /** Assumptions a reader must know (e.g. natural change ignored). */
  assumptions: string[];
  rows: Row[];
  /** System-wide figures (efficiency of the whole table, intensity indices, overall retention). */
  system?: Record<string, unknown>;
  warnings: string[];
}

export const MEASURES = ['summary', 'in', 'out', 'net', 'gross', 'efficiency', 'rates', 'retention', 'corridors', 'concentration', 'intensity', 'change', 'census-net'] as const;
export type MeasureName = (typeof MEASURES)[number];

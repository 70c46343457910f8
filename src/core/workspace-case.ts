/**
 * What GET /api/cases says about a case the dashboard can show (src/store/queries/list-cases.ts
 * reads it from the workspace; web/src reads these types too, so they live in the pure core).
 */
export interface CasePeriod {
  period: string;
  /** flows: stored flows; population: only populations at both ends (the map shows population change). */
  kind: 'flows' | 'population';
  estimated: boolean;
  /** Stored flow rows touching the case (0 for population intervals). */
  flows: number;
}

export interface CaseSource {
  what: 'flows' | 'indicators' | 'stocks';
  /** The source line as stored (the bundled data's English; a user's import as they wrote it). */
  text: string;
  /** Its Chinese, where the data carry one beside it (source_zh); null otherwise. */
  text_zh: string | null;
  estimated: boolean;
}

export interface WorkspaceCase {
  /** Lower-case code of the case's country ("cn"), or "data" for regions under no country. */
  id: string;
  /** Region whose regions the case shows; null: every region under no country. */
  within: string | null;
  name_zh: string | null;
  name_en: string | null;
  /** Map levels, coarsest first. */
  levels: string[];
  /** The map levels whose regions have stored boundaries (drawn as polygons; the others as circles at their centroids). */
  boundaries: string[];
  defaultLevel: string;
  /** By first year, then last year (2010-2020, 2019, 2020, 2021). */
  periods: CasePeriod[];
  /** The latest period with flows stored at the default level, else the latest with any flows, else the latest census interval. */
  defaultPeriod: string | null;
  groups: { code: string; name_zh: string | null; name_en: string | null }[];
  /** [west, south, east, north] of its regions (centroids widened by half the side of each region's area). */
  bounds: [number, number, number, number] | null;
  regions: number;
  /** Codes of its regions at the default level (the scenario editor's targets). */
  regionCodes: string[];
  indicators: { name: string; unit: string | null; level: string; periods: string[]; regions: number }[];
  sources: CaseSource[];
  /** Documented example indices (`talentflow rank --example`) whose indicators and periods the case has. */
  rankExamples: string[];
}

import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { parsePeriod, type Period } from '../../core/schema/period.ts';
import type { MatchableRegion } from '../../core/region-matcher.ts';
import { type Workspace, matchableRegions } from '../workspace.ts';
import { parseMap } from './column-roles.ts';
import { looksWide } from './wide-matrix.ts';
import type { ImportFlowsOptions } from './import-flows.ts';

const COHORT_NAMES = ['cohort', 'education', 'education_level', 'age_band', 'age_group', 'sex', 'gender', '学历', '年龄组', '年龄段', '性别'];

/** How a flow file is to be read, decided from the options and the workspace before reading it (both import paths use it). */
export interface FlowFilePlan {
  regions: MatchableRegion[];
  /** --map's roles. */
  mapping: Map<string, string>;
  /** --period's period for every row, or null when the file has a period column. */
  fixedPeriod: Period | null;
  /** Roles the file must have. */
  required: string[];
  /** Whether a header is a wide matrix's (first column origins, the others destinations). */
  isWide: (columns: readonly string[]) => boolean;
  /** The cohort columns among `columns`, given the columns already taken by roles. */
  cohortOf: (columns: readonly string[], used: Iterable<string>) => string[];
}

export async function flowFilePlan(ws: Workspace, file: string, options: ImportFlowsOptions): Promise<FlowFilePlan> {
  const regions = await matchableRegions(ws);
  const mapping = parseMap(options.map, file);
  const fixedPeriod = options.period ? parsePeriod(options.period) : null;
  if (options.period && !fixedPeriod) throw new InputError(coded('imports.badPeriod', { period: String(options.period) }), { file });
  return {
    regions, mapping, fixedPeriod,
    required: fixedPeriod ? ['origin', 'destination', 'count'] : ['origin', 'destination', 'count', 'period'],
    isWide: (cols) => options.wide || (!mapping.has('destination') && looksWide(cols, regions, mapping)),
    cohortOf: (cols, used) => {
      const taken = new Set(used);
      if (!options.cohort?.length) return cols.filter((c) => COHORT_NAMES.includes(c.toLowerCase()) && !taken.has(c));
      for (const c of options.cohort) if (!cols.includes(c)) throw new InputError(coded('imports.noCohortColumn', { column: c }), { file, row: 1 });
      return [...options.cohort];
    },
  };
}

/** Seconds spent in each phase of an import (`timings`), and its progress reported as phases end. */
export interface PhaseClock {
  timings: Record<string, number>;
  lap: (phase: string) => void;
}

// Phases and the share of a typical import's time each takes, for the progress bar.
const PROGRESS_AFTER: Record<string, [number, string]> = {
  read: [0.45, 'checking'], check: [0.5, 'matching regions'], 'match regions and periods': [0.55, 'writing'],
  write: [0.85, 'checking duplicates'], 'check duplicates': [0.95, 'recording'], 'overlap and record': [1, 'done'],
};

export function phaseClock(onProgress?: (fraction: number, phase: string) => void): PhaseClock {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  return {
    timings,
    lap: (phase) => {
      const t = performance.now();
      timings[phase] = (t - t0) / 1000;
      t0 = t;
      const p = PROGRESS_AFTER[phase];
      if (p) onProgress?.(p[0], p[1]);
    },
  };
}

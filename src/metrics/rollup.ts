import { SpecError } from '../core/errors.ts';
import type { FlowTable } from '../core/flow-table.ts';
import { flowMargins } from './margins.ts';
import { pairTotals } from './pairs.ts';

/**
 * Aggregates a FlowTable to a higher level: cities to provinces, provinces to groups such as
 * "Northeast". `parents` maps a code to its parent (several levels may be chained: county ->
 * city -> province) or to a group (code -> group). Each region climbs the chain until it reaches
 * one of `targets` (when given) or the top of its chain. A flow between two regions that land in
 * the same unit is internal to that unit: `intra: 'drop'` removes it (the accounting identity
 * when the unit is the region of interest: moves inside the Northeast are not out-migration from
 * it), `'keep'` keeps it as the unit's diagonal. Rolled-up flows equal the sum of their parts.
 */
export interface RollUpOptions {
  /** Units to stop at; default: the top of each chain. */
  targets?: readonly string[];
  /** Flows inside one unit: 'drop' (default) or 'keep' as origin = destination. */
  intra?: 'drop' | 'keep';
  /**
   * Regions that reach no target (or have no parent when targets are not given and the map
   * says nothing about them): 'keep' as their own unit (default; e.g. other provinces beside
   * "Northeast"), 'drop' with their flows, or 'error'.
   */
  unmapped?: 'keep' | 'drop' | 'error';
}

export interface RollUpResult {
  table: FlowTable;
  /** Flow inside units (dropped or kept as the diagonal, per `intra`). */
  internal: number;
  /** Flow dropped because an end was unmapped (`unmapped: 'drop'`). */
  droppedUnmapped: number;
  /** Codes that reached no target. */
  unmapped: string[];
}

export function rollUp(table: FlowTable, parents: Readonly<Record<string, string>>, options: RollUpOptions = {}): RollUpResult {
  const intra = options.intra ?? 'drop';
  const unmappedPolicy = options.unmapped ?? 'keep';
  const targets = options.targets ? new Set(options.targets) : null;
  flowMargins(table); // validates rows

  const unitCodes: string[] = [];
  const unitIndex = new Map<string, number>();
  const unmapped: string[] = [];
  const unitOf = new Int32Array(table.regions.length);
  table.regions.forEach((code, i) => {
    const unit = climb(code, parents, targets);
    if (unit === null) {
      unmapped.push(code);
      if (unmappedPolicy === 'error') throw new SpecError(`region "${code}" has no parent${targets ? ' among the targets' : ''}`, 'parents');
      if (unmappedPolicy === 'drop') {
        unitOf[i] = -1;
        return;
      }
    }
    const u = unit ?? code;
    let j = unitIndex.get(u);
    if (j === undefined) {
      j = unitCodes.length;
      unitCodes.push(u);
      unitIndex.set(u, j);
    }
    unitOf[i] = j;
  });

  const n = table.count.length;
  const uo = new Uint32Array(n);
  const ud = new Uint32Array(n);
  const uc = new Float64Array(n);
  let kept = 0;
  let internal = 0;
  let droppedUnmapped = 0;
  for (let k = 0; k < n; k++) {
    const a = unitOf[table.origin[k]];
    const b = unitOf[table.destination[k]];
    const c = table.count[k];
    if (a < 0 || b < 0) {
      droppedUnmapped += c;
      continue;
    }
    if (a === b) {
      internal += c;
      if (intra === 'drop') continue;
    }
    uo[kept] = a;
    ud[kept] = b;
    uc[kept++] = c;
  }
  const { origin, destination, count } = pairTotals({ regions: unitCodes, origin: uo.subarray(0, kept), destination: ud.subarray(0, kept), count: uc.subarray(0, kept) });
  return { table: { regions: unitCodes, origin, destination, count }, internal, droppedUnmapped, unmapped };
}

/** The unit of `code`, or null when it reaches no target (or has no parent and no target set). */
function climb(code: string, parents: Readonly<Record<string, string>>, targets: Set<string> | null): string | null {
  const visited = new Set<string>();
  let current = code;
  for (;;) {
    if (targets?.has(current)) return current;
    visited.add(current);
    const parent = Object.hasOwn(parents, current) ? parents[current] : undefined;
    if (parent === undefined) return targets || current === code ? null : current;
    if (visited.has(parent)) throw new SpecError(`the parent map has a cycle through "${parent}"`, 'parents');
    current = parent;
  }
}

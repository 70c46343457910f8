import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { interact, levelCount, MISSING } from '../../numeric/interact.ts';
import type { Constraint, GravityData } from './types.ts';

/**
 * A categorical dimension of a gravity table, used as a fixed effect or a cluster: one atom or an
 * interaction of atoms (fixest's `a^b`). Atoms: 'origin', 'destination', 'period', 'pair' (the
 * origin-destination pair) or the name of one of data.categories.
 */
export interface Dimension {
  /** As written (`origin`, `Product`, `origin^Year`); built-in per-period constraints `origin^period`. */
  readonly name: string;
  readonly atoms: readonly string[];
  /** Which part of the model it is: the constraints and period effects keep their own fields in the result. */
  readonly role: 'origin' | 'destination' | 'period' | 'other';
}

const BUILT_IN = new Set(['origin', 'destination', 'period', 'pair']);

/** Parses `a^b` against the data's columns; throws SpecError naming the field. */
export function resolveDimension(text: string, data: GravityData, field: string): Dimension {
  if (typeof text !== 'string' || text.trim() === '') throw new SpecError(coded('effects.emptyName', {}), field);
  const atoms = text.split('^').map((a) => a.trim());
  const known = ['origin', 'destination', ...(data.period ? ['period'] : []), 'pair', ...Object.keys(data.categories ?? {})];
  for (const a of atoms) {
    if (a === 'period' && !data.period) throw new SpecError(coded('effects.periodNeedsPanel', {}), field);
    if (!BUILT_IN.has(a) && !(data.categories && a in data.categories)) {
      throw new SpecError(coded('effects.unknown', { name: a, known }), field);
    }
  }
  if (new Set(atoms).size !== atoms.length) throw new SpecError(coded('effects.repeats', { text }), field);
  return { name: atoms.join('^'), atoms, role: 'other' };
}

const sameAtoms = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The model's dimensions: constraint, period effects, then the further ones not already among them. */
export function resolveDimensions(constraint: Constraint, periodEffects: boolean, perPeriod: boolean, extra: readonly Dimension[]): Dimension[] {
  const dims: Dimension[] = [];
  if (constraint === 'production' || constraint === 'doubly') dims.push(perPeriod ? { name: 'origin^period', atoms: ['origin', 'period'], role: 'origin' } : { name: 'origin', atoms: ['origin'], role: 'origin' });
  if (constraint === 'attraction' || constraint === 'doubly') dims.push(perPeriod ? { name: 'destination^period', atoms: ['destination', 'period'], role: 'destination' } : { name: 'destination', atoms: ['destination'], role: 'destination' });
  if (periodEffects && !perPeriod) dims.push({ name: 'period', atoms: ['period'], role: 'period' });
  for (const d of extra) {
    const plain = d.atoms.length === 1 && (d.atoms[0] === 'origin' || d.atoms[0] === 'destination' || d.atoms[0] === 'period');
    if (plain || dims.some((x) => sameAtoms(x.atoms, d.atoms))) continue;
    dims.push(d);
  }
  return dims;
}

/** One atom as a level index per row, its number of levels and the label of a level. */
interface AtomColumn {
  readonly index: Uint32Array;
  readonly size: number;
  readonly label: (level: number) => string;
}

function atomColumn(atom: string, data: GravityData, cache: Map<string, AtomColumn>): AtomColumn {
  const hit = cache.get(atom);
  if (hit) return hit;
  const nR = data.regions.length;
  let col: AtomColumn;
  if (atom === 'origin') col = { index: data.origin, size: nR, label: (l) => data.regions[l] };
  else if (atom === 'destination') col = { index: data.destination, size: nR, label: (l) => data.regions[l] };
  else if (atom === 'period') {
    const size = data.periods?.length ?? levelCount(data.period!);
    col = { index: data.period!, size, label: (l) => data.periods?.[l] ?? String(l) };
  } else if (atom === 'pair') {
    if (nR * nR > 2 ** 32 - 1) throw new SpecError(coded('effects.pairTooMany', { regions: nR }), 'pair');
    const index = new Uint32Array(data.origin.length);
    for (let r = 0; r < index.length; r++) {
      const o = data.origin[r];
      const d = data.destination[r];
      index[r] = o === MISSING || d === MISSING ? MISSING : o * nR + d;
    }
    col = { index, size: nR * nR, label: (l) => `${data.regions[Math.floor(l / nR)]}->${data.regions[l % nR]}` };
  } else {
    const c = data.categories![atom];
    col = { index: c.index, size: c.levels.length, label: (l) => c.levels[l] };
  }
  cache.set(atom, col);
  return col;
}

/**
 * A dimension's raw levels over all rows of the data: `index` in 0..count-1 or MISSING. Levels
 * need not all occur (a single atom keeps its own numbering, so no copy is made).
 */
export interface DimensionLevels {
  readonly index: Uint32Array;
  readonly count: number;
  readonly label: (level: number) => string;
}

/**
 * Levels of each dimension over all rows of `data`. A built-in per-period constraint labels its
 * levels `region@period` (as saved models have); interactions join their atoms' labels with `^`.
 */
export function dimensionLevels(dims: readonly Dimension[], data: GravityData): DimensionLevels[] {
  const cache = new Map<string, AtomColumn>();
  return dims.map((dim) => {
    const cols = dim.atoms.map((a) => atomColumn(a, data, cache));
    if (cols.length === 1) return { index: cols[0].index, count: cols[0].size, label: cols[0].label };
    const x = interact(cols.map((c) => c.index), cols.map((c) => c.size));
    const sep = dim.role !== 'other' ? '@' : '^';
    const label = (l: number): string => {
      const r = x.firstRow[l];
      return cols.map((c) => c.label(c.index[r])).join(sep);
    };
    return { index: x.index, count: x.count, label };
  });
}

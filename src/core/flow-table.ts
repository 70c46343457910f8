import { InputError } from './errors.ts';
import { coded } from './messages/index.ts';

/**
 * Origin-destination flows as typed columns: the form every pure measure and model reads.
 * `regions[i]` is the code of region index i; `origin[k]`, `destination[k]` index into it.
 */
export interface FlowTable {
  readonly regions: readonly string[];
  readonly origin: Uint32Array;
  readonly destination: Uint32Array;
  readonly count: Float64Array;
}

/** Builds a FlowTable from row objects, assigning region indexes in first-seen order unless given. */
export function flowTableFromRows(
  rows: readonly { origin: string; destination: string; count: number }[],
  regions?: readonly string[],
): FlowTable {
  const codes: string[] = regions ? [...regions] : [];
  const index = new Map<string, number>(codes.map((c, i) => [c, i]));
  const idOf = (code: string, row: number, column: string): number => {
    let i = index.get(code);
    if (i === undefined) {
      if (regions) throw new InputError(coded('region.unknown', { what: 'region', text: code, closest: [], groups: [] }), { row, column });
      i = codes.length;
      codes.push(code);
      index.set(code, i);
    }
    return i;
  };
  const n = rows.length;
  const origin = new Uint32Array(n);
  const destination = new Uint32Array(n);
  const count = new Float64Array(n);
  rows.forEach((r, k) => {
    origin[k] = idOf(r.origin, k + 1, 'origin');
    destination[k] = idOf(r.destination, k + 1, 'destination');
    count[k] = r.count;
  });
  return { regions: codes, origin, destination, count };
}

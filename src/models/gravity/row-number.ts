import type { GravityData } from './types.ts';

/**
 * The row number a user sees for row `r` of the data, for messages: as the file counts it when
 * the data say (data.rowNumbers: a CSV's first data row is 2, its header being row 1; a
 * worksheet's own row numbers), else r + 1.
 */
export function rowNumber(data: Pick<GravityData, 'rowNumbers'>, r: number): number {
  const n = data.rowNumbers;
  return n === undefined ? r + 1 : typeof n === 'number' ? n + r : n[r];
}

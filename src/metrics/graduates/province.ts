import { InputError } from '../../core/errors.ts';
import type { ProvinceMap } from './types.ts';

/**
 * Province of a region code: the map's entry, or the code itself when it is a province (a value
 * of the map). An unknown code is an error naming the record and field: a report must not
 * silently drop or misplace graduates.
 */
export function provinceResolver(map: ProvinceMap): (code: string, recordId: string, field: string) => string {
  const provinces = new Set(Object.values(map));
  return (code, recordId, field) => {
    const p = Object.hasOwn(map, code) ? map[code] : provinces.has(code) ? code : undefined;
    if (p === undefined) throw new InputError(`record "${recordId}": ${field} "${code}" is not a known region`, { column: field });
    return p;
  };
}

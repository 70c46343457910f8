import { Option } from 'commander';
import { regionName, type NameLanguage } from '../core/own-name.ts';
import { listRegions } from '../store/queries/list-regions.ts';
import type { Workspace } from '../store/workspace.ts';

/** `--lang en|zh`: the language of region names in tables; by default each region's own (see core/own-name.ts). */
export function langOption(): Option {
  return new Option('--lang <lang>', 'region names in tables: en or zh (default: each region in its own language, e.g. 서울특별시, Niederösterreich, 沈阳市)').choices(['en', 'zh']);
}

/** `--lang en|zh` of a command whose every printed line follows it too: region names, heads, notes, warnings and errors. */
export function langAllOption(): Option {
  return new Option('--lang <lang>', 'region names in tables and the language of everything else printed (heads, notes, warnings, errors): en or zh (default: each region in its own language, e.g. 서울특별시, 沈阳市; the rest in English)').choices(['en', 'zh']);
}

/** Code -> name in the chosen language; null for a code that is not a region (a group), so the caller keeps its own name. */
export type RegionNamer = (code: string | null | undefined) => string | null;

export async function regionNamer(ws: Workspace, lang: string | undefined): Promise<RegionNamer> {
  const regions = await listRegions(ws);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const countryOf = (code: string): string | null => {
    let r = byCode.get(code);
    for (let depth = 0; r && depth < 16; depth++) {
      if (r.level === 'country') return r.code;
      r = r.parent ? byCode.get(r.parent) : undefined;
    }
    return null;
  };
  const language = (lang ?? 'own') as NameLanguage;
  const names = new Map(regions.map((r) => [r.code, regionName(r, countryOf(r.code), language)]));
  return (code) => (code ? names.get(code) ?? null : null);
}

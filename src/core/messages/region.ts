import { def, type Place } from './message.ts';

/**
 * A region or group a person typed (src/store/queries/resolve-ref.ts, a stock matrix's regions) or
 * a file names (the region columns of an import, a boundaries file) that the workspace does not
 * know, or knows several of: with the closest names, both languages, as core/region-matcher.ts
 * describeRegion writes them in English.
 */
const CLOSEST: readonly Place[] = [{ code: 'KR11', zh: '首尔', en: 'Seoul', level: 'province' }, { code: 'KR31', zh: '蔚山', en: 'Ulsan', level: 'province' }];

/** "首尔 / Seoul (KR11, province)", as describeRegion. */
const describe = (p: Place) => `${[p.zh, p.en].filter(Boolean).join(' / ') || p.code} (${p.code}, ${p.level ?? ''})`;

export const REGION_MESSAGES = {
  'region.unknown': def({ what: 'region', text: 'KR-11', closest: CLOSEST, groups: ['northeast', 'east'] },
    (p) => `unknown ${p.what} "${p.text}"${p.closest.length ? `; closest: ${p.closest.map(describe).join(', ')}` : ''}${p.groups.length ? `; groups: ${p.groups.join(', ')}` : ''}`),
  'region.ambiguous': def({ what: 'region', text: '朝阳', candidates: CLOSEST },
    (p) => `${p.what} "${p.text}" is ambiguous: ${p.candidates.map(describe).join(' or ')}; use the code`),
};

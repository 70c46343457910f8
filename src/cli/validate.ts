import { storedPeriods } from '../store/queries/known-values.ts';
import { matchableRegions, type Workspace } from '../store/workspace.ts';
import { CHINESE } from '../core/messages/zh.ts';
import { describePlaceZh } from '../core/messages/region-zh.ts';
import type { CliLang } from './lang.ts';

/** The workspace-valued option checks live in the app layer, shared with the server's routes. */
export { checkOptions, type OptionChecks } from '../app/check-options.ts';

/** The line printed under an empty table: what the workspace does hold, so the next try can succeed. */
export async function emptyNote(ws: Workspace, of: 'flows' | 'indicators', lang: CliLang = 'en'): Promise<string> {
  const periods = await storedPeriods(ws, of);
  if (lang === 'zh') {
    const what = of === 'flows' ? '流动' : '指标';
    if (!periods.length) return `说明：工作区中没有${what}（请用 talentflow import ${of} FILE 导入）`;
    return `说明：没有符合这些条件的${what}；工作区中有${what}的时期：${periods.slice(0, 30).join('、')}${periods.length > 30 ? ` 等 ${periods.length} 个` : ''}`;
  }
  if (!periods.length) return `note: the workspace holds no ${of} (import some with talentflow import ${of} FILE)`;
  return `note: no ${of} match these filters; the workspace has ${of} for ${periods.length > 30 ? `periods ${periods.slice(0, 30).join(', ')} and ${periods.length - 30} more` : `periods ${periods.join(', ')}`}`;
}

/**
 * The line printed under an empty region search: the closest names (by the matcher's spelling
 * distance), or what the workspace holds when it has no regions.
 */
export async function emptyRegionsNote(ws: Workspace, search: string, lang: CliLang = 'en'): Promise<string> {
  const regions = await matchableRegions(ws);
  if (lang === 'zh' && !regions.length) return '说明：工作区中没有地区（请用 talentflow import regions FILE 导入，或运行 talentflow demo）';
  if (!regions.length) return 'note: the workspace holds no regions (import some with talentflow import regions FILE, or run talentflow demo)';
  const { RegionMatcher, describeRegion, regionPlace } = await import('../core/region-matcher.ts');
  const m = new RegionMatcher(regions).match(search, undefined, { prefix: true });
  if (lang === 'zh') return m.kind !== 'unknown' ? `说明：“${search}”对应某些地区，但它们都不符合其他条件（--level、--within）` : `说明：没有代码、名称或别名与“${search}”相符的地区${m.suggestions.length ? `；最接近的：${m.suggestions.map((r) => describePlaceZh(regionPlace(r), CHINESE)).join('、')}` : ''}`;
  if (m.kind !== 'unknown') return `note: "${search}" names regions, but none of them passes the other filters (--level, --within)`;
  return `note: no region matches "${search}" in its code, names or aliases${m.suggestions.length ? `; closest: ${m.suggestions.map(describeRegion).join(', ')}` : ''}`;
}

import { storedPeriods } from '../store/queries/known-values.ts';
import { matchableRegions, type Workspace } from '../store/workspace.ts';

/** The workspace-valued option checks live in the app layer, shared with the server's routes. */
export { checkOptions, type OptionChecks } from '../app/check-options.ts';

/** The line printed under an empty table: what the workspace does hold, so the next try can succeed. */
export async function emptyNote(ws: Workspace, of: 'flows' | 'indicators'): Promise<string> {
  const periods = await storedPeriods(ws, of);
  if (!periods.length) return `note: the workspace holds no ${of} (import some with talentflow import ${of} FILE)`;
  return `note: no ${of} match these filters; the workspace has ${of} for ${periods.length > 30 ? `periods ${periods.slice(0, 30).join(', ')} and ${periods.length - 30} more` : `periods ${periods.join(', ')}`}`;
}

/**
 * The line printed under an empty region search: the closest names (by the matcher's spelling
 * distance), or what the workspace holds when it has no regions.
 */
export async function emptyRegionsNote(ws: Workspace, search: string): Promise<string> {
  const regions = await matchableRegions(ws);
  if (!regions.length) return 'note: the workspace holds no regions (import some with talentflow import regions FILE, or run talentflow demo)';
  const { RegionMatcher, describeRegion } = await import('../core/region-matcher.ts');
  const m = new RegionMatcher(regions).match(search, undefined, { prefix: true });
  if (m.kind !== 'unknown') return `note: "${search}" names regions, but none of them passes the other filters (--level, --within)`;
  return `note: no region matches "${search}" in its code, names or aliases${m.suggestions.length ? `; closest: ${m.suggestions.map(describeRegion).join(', ')}` : ''}`;
}

import { storedPeriods } from '../store/queries/known-values.ts';
import type { Workspace } from '../store/workspace.ts';

/** The workspace-valued option checks live in the app layer, shared with the server's routes. */
export { checkOptions, type OptionChecks } from '../app/check-options.ts';

/** The line printed under an empty table: what the workspace does hold, so the next try can succeed. */
export async function emptyNote(ws: Workspace, of: 'flows' | 'indicators'): Promise<string> {
  const periods = await storedPeriods(ws, of);
  if (!periods.length) return `note: the workspace holds no ${of} (import some with talentflow import ${of} FILE)`;
  return `note: no ${of} match these filters; the workspace has ${of} for ${periods.length > 30 ? `periods ${periods.slice(0, 30).join(', ')} and ${periods.length - 30} more` : `periods ${periods.join(', ')}`}`;
}

import { checkMinCell, DEFAULT_MIN_CELL } from '../metrics/index.ts';
import type { Workspace } from './workspace.ts';

/**
 * The workspace's small-cell threshold k (docs/privacy.md): counts of 1 to k - 1 persons are
 * hidden in every report built from its person records. Stored in `meta` under `privacy_k`;
 * default 10 when unset; never below 3 (SpecError naming privacy_k, on writing and on reading
 * a value put there by other means). Set on the machine only (`talentflow privacy --k N`): the
 * API reads it and cannot change it.
 */
const KEY = 'privacy_k';

export async function privacyK(ws: Workspace): Promise<number> {
  const row = await ws.db.one<{ value: string }>('SELECT value FROM meta WHERE key = ?', [KEY]);
  return row === undefined ? DEFAULT_MIN_CELL : checkMinCell(row.value, KEY);
}

/** Whether k was set in this workspace (false: the default applies). */
export async function privacyKIsSet(ws: Workspace): Promise<boolean> {
  return (await ws.db.one('SELECT 1 AS x FROM meta WHERE key = ?', [KEY])) !== undefined;
}

/** Stores k and returns the value it replaces. */
export async function setPrivacyK(ws: Workspace, k: number | string): Promise<{ k: number; previous: number }> {
  const value = checkMinCell(k, KEY);
  const previous = await privacyK(ws).catch(() => DEFAULT_MIN_CELL);
  await ws.db.run('INSERT OR REPLACE INTO meta VALUES (?, ?)', [KEY, String(value)]);
  return { k: value, previous };
}

import { NotFoundError, SpecError } from '../core/errors.ts';
import { withholdUnsuppressedShares } from './choice/saved-shares.ts';
import { privacyK } from './privacy.ts';
import type { Workspace } from './workspace.ts';

/** A fitted model kept in the workspace under a name, for later prediction and scenarios. */
export interface SavedModel<R = unknown, S = unknown> {
  name: string;
  kind: string;
  createdAt: string;
  spec: S;
  result: R;
}

/** What a saved model may be called: the one pattern the store, the application layer and the scenario files check. */
export const MODEL_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u;

export async function saveModel(ws: Workspace, name: string, kind: string, spec: unknown, result: unknown, options: { replace?: boolean } = {}): Promise<void> {
  if (!MODEL_NAME.test(name)) throw new SpecError(`"${name}" is not a model name (letters, digits, _ . -; up to 64)`, 'name');
  await ws.db.transaction(async () => {
    const exists = await ws.db.one('SELECT 1 AS x FROM models WHERE name = ?', [name]);
    if (exists && !options.replace) throw new SpecError(`a model named "${name}" exists; choose another name or replace it`, 'name');
    await ws.db.run('DELETE FROM models WHERE name = ?', [name]);
    await ws.db.run('INSERT INTO models (name, kind, spec, result) VALUES (?, ?, ?, ?)', [name, kind, JSON.stringify(spec), JSON.stringify(result)]);
  });
}

export async function loadModel<R = unknown, S = unknown>(ws: Workspace, name: string): Promise<SavedModel<R, S>> {
  const row = await ws.db.one<{ name: string; kind: string; created_at: Date; spec: string; result: string }>('SELECT * FROM models WHERE name = ?', [name]);
  if (!row) {
    const names = (await listModels(ws)).map((m) => m.name);
    throw new NotFoundError(`no model named "${name}"${names.length ? ` (saved: ${names.join(', ')})` : ' (none saved yet)'}`);
  }
  let result = JSON.parse(row.result) as R;
  // Choice models saved before their counts were suppressed are withheld on every read (API, CLI, scenarios).
  if (row.kind === 'choice') result = withholdUnsuppressedShares(result, await privacyK(ws));
  return { name: row.name, kind: row.kind, createdAt: new Date(row.created_at).toISOString(), spec: JSON.parse(row.spec) as S, result };
}

export async function listModels(ws: Workspace): Promise<{ name: string; kind: string; createdAt: string }[]> {
  const rows = await ws.db.all<{ name: string; kind: string; created_at: Date }>('SELECT name, kind, created_at FROM models ORDER BY name');
  return rows.map((r) => ({ name: r.name, kind: r.kind, createdAt: new Date(r.created_at).toISOString() }));
}

export async function deleteModel(ws: Workspace, name: string): Promise<void> {
  await loadModel(ws, name);
  await ws.db.run('DELETE FROM models WHERE name = ?', [name]);
}

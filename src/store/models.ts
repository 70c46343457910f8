import { NotFoundError, SpecError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
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
    if (exists && !options.replace) throw new SpecError(coded('model.exists', { name }), 'name');
    await ws.db.run('DELETE FROM models WHERE name = ?', [name]);
    await ws.db.run('INSERT INTO models (name, kind, spec, result) VALUES (?, ?, ?, ?)', [name, kind, JSON.stringify(spec), JSON.stringify(result)]);
  });
}

export async function loadModel<R = unknown, S = unknown>(ws: Workspace, name: string): Promise<SavedModel<R, S>> {
  const row = await ws.db.one<{ name: string; kind: string; created_at: Date; spec: string; result: string }>('SELECT * FROM models WHERE name = ?', [name]);
  if (!row) {
    const names = (await listModels(ws)).map((m) => m.name);
    throw new NotFoundError(coded('model.notFound', { name, saved: names }));
  }
  let result = JSON.parse(row.result) as R;
  // Choice models saved before their counts were suppressed are withheld on every read (API, CLI, scenarios).
  if (row.kind === 'choice') result = withholdUnsuppressedShares(result, await privacyK(ws));
  return { name: row.name, kind: row.kind, createdAt: new Date(row.created_at).toISOString(), spec: JSON.parse(row.spec) as S, result };
}

/** A saved model as listed: what it is and which regions it was fitted to, without its result. */
export interface ModelListing {
  name: string;
  kind: string;
  createdAt: string;
  /** Level of the regions it was fitted to (the choice spec's level; a gravity model's regions' when they share one), or null. */
  level: string | null;
  /** The dashboard's case of those regions (GET /api/cases): their country's code in lower case, "data" for regions under no country, null when they span several or none is known. */
  case: string | null;
  /** Regions it was fitted to (0: not a gravity or choice model, or regions the workspace no longer holds). */
  regions: number;
}

/**
 * The saved models with the level and case of what each was fitted to, so a front-end can offer
 * the model of the map's country and level: a gravity spec does not name its selection, but its
 * result lists the regions fitted (`regions`), as a choice result lists its alternatives; the
 * regions table gives their level and country. Read inside DuckDB: results are not sent to
 * JavaScript.
 */
export async function listModels(ws: Workspace): Promise<ModelListing[]> {
  const rows = await ws.db.all<{ name: string; kind: string; created_at: Date; spec_level: string | null; level: string | null; levels: bigint; country: string | null; countries: bigint; regions: bigint }>(
    `WITH fitted AS (
       SELECT name, unnest(CASE kind
         WHEN 'gravity' THEN json_extract_string(result, '$.regions[*]')
         WHEN 'choice' THEN list_filter(json_extract_string(result, '$.choiceSet.alternatives[*]'), a -> a NOT IN ('home', 'outside'))
         ELSE []::VARCHAR[] END) AS code
       FROM models),
     placed AS (
       SELECT f.name, r.level,
              (SELECT min(a.ancestor) FROM region_ancestors a WHERE a.code = f.code AND a.ancestor_level = 'country') AS country
       FROM fitted f JOIN regions r ON r.code = f.code)
     SELECT m.name, m.kind, m.created_at,
            CASE WHEN m.kind = 'choice' THEN json_extract_string(m.spec, '$.level') END AS spec_level,
            min(p.level) AS level, count(DISTINCT p.level) AS levels,
            min(coalesce(p.country, '')) AS country, count(DISTINCT coalesce(p.country, '')) AS countries, count(p.name) AS regions
     FROM models m LEFT JOIN placed p ON p.name = m.name
     GROUP BY m.name, m.kind, m.created_at, m.spec ORDER BY m.name`);
  return rows.map((r) => ({
    name: r.name, kind: r.kind, createdAt: new Date(r.created_at).toISOString(),
    level: r.spec_level ?? (Number(r.levels) === 1 ? r.level : null),
    case: Number(r.regions) > 0 && Number(r.countries) === 1 ? (r.country ? r.country.toLowerCase() : 'data') : null,
    regions: Number(r.regions),
  }));
}

export async function deleteModel(ws: Workspace, name: string): Promise<void> {
  await loadModel(ws, name);
  await ws.db.run('DELETE FROM models WHERE name = ?', [name]);
}

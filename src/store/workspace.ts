import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import type { MatchableRegion } from '../core/region-matcher.ts';
import { Database } from './duckdb/database.ts';
import { migrate } from './duckdb/migrations.ts';
import { sweepStaleTempDirs } from '../io/temp-dir.ts';
import { ensureImportSequence, nextImportId, recoverInterruptedImports } from './recovery.ts';

export const DEFAULT_WORKSPACE = 'talentflow.duckdb';

/**
 * An open workspace: one DuckDB file holding regions, groups, flows, indicators, person records
 * and saved models. Open it for the length of a task and close it: DuckDB lets one process at a
 * time hold the file.
 */
export interface Workspace {
  readonly path: string;
  readonly db: Database;
}

export interface OpenOptions {
  /** Create the file when it does not exist (default true); false raises NotFoundError instead. */
  create?: boolean;
}

export async function openWorkspace(path: string = DEFAULT_WORKSPACE, options: OpenOptions = {}): Promise<Workspace> {
  const full = resolve(path);
  if (options.create === false && !existsSync(full)) {
    throw new NotFoundError(`no workspace at ${path}: create one with \`talentflow init\` or \`talentflow demo\``);
  }
  const db = await Database.open(full);
  try {
    await migrate(db);
    await recoverInterruptedImports(db);
    await ensureImportSequence(db);
    await sweepStaleTempDirs();
  } catch (e) {
    db.close();
    throw e;
  }
  return { path: full, db };
}

export function closeWorkspace(ws: Workspace): void {
  ws.db.close();
}

/** Runs fn with a workspace opened for it and closed after, whatever happens. */
export async function withWorkspace<T>(path: string | undefined, fn: (ws: Workspace) => Promise<T>, options?: OpenOptions): Promise<T> {
  const ws = await openWorkspace(path, options);
  try {
    return await fn(ws);
  } finally {
    closeWorkspace(ws);
  }
}

export async function matchableRegions(ws: Workspace): Promise<MatchableRegion[]> {
  return ws.db.all<MatchableRegion & Record<string, unknown>>('SELECT code, name_zh, name_en, level, aliases FROM regions');
}

export interface ImportRecord {
  id: number;
  kind: string;
  file: string;
  sha256: string;
  rows: number;
}

/**
 * Refuses a second import of the same file (same content) of the same kind, unless `replace`,
 * in which case the earlier import's rows are deleted in the same transaction.
 */
export async function guardReimport(ws: Workspace, kind: string, sha: string, file: string, replace: boolean, tables: readonly string[]): Promise<void> {
  file = knownName(ws, file);
  const prev = await ws.db.all<{ id: number; file: string; imported_at: Date; rows: bigint }>(
    'SELECT id, file, imported_at, rows FROM imports WHERE kind = ? AND sha256 = ? ORDER BY id', [kind, sha]);
  if (!prev.length) return;
  if (!replace) {
    const p = prev[0];
    throw new ConflictError(coded('imports.sameFile', { file, kind, importId: Number(p.id), earlier: p.file, rows: Number(p.rows), at: String(p.imported_at.toISOString?.() ?? p.imported_at) }));
  }
  for (const p of prev) {
    for (const t of tables) await ws.db.run(`DELETE FROM ${t} WHERE import_id = ?`, [p.id]);
    await ws.db.run('DELETE FROM imports WHERE id = ?', [p.id]);
  }
}

/**
 * Names by which files are known while they are imported: an upload is read from a temporary
 * copy, but its import record (the workspace's history, the flows' provenance) and the
 * "already imported" conflicts must name the file the user sent, never the server's temporary
 * path. Kept per workspace so every importer records the name without a parameter of its own.
 */
const knownNames = new WeakMap<Workspace, Map<string, string>>();

/** Runs `fn` (an import of `path`) with `path` recorded and reported as `name`. */
export async function importAs<T>(ws: Workspace, path: string, name: string, fn: () => Promise<T>): Promise<T> {
  let names = knownNames.get(ws);
  if (!names) knownNames.set(ws, (names = new Map()));
  names.set(path, name);
  try {
    return await fn();
  } finally {
    names.delete(path);
  }
}

function knownName(ws: Workspace, file: string): string {
  return knownNames.get(ws)?.get(file) ?? file;
}

/** Records an import; `id` is one taken earlier with nextImportId (by an importer that writes its rows first). */
export async function recordImport(ws: Workspace, kind: string, file: string, sha: string, rows: number, options: object, id?: number): Promise<number> {
  id ??= await nextImportId(ws.db);
  await ws.db.run('INSERT INTO imports (id, kind, file, sha256, rows, options) VALUES (?, ?, ?, ?, ?, ?)', [id, kind, knownName(ws, file), sha, rows, JSON.stringify(options)]);
  return id;
}

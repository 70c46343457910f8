import { resolve } from 'node:path';
import { listOfVarchar } from '../duckdb/node-api.ts';
import { z } from 'zod';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { schemaIssue } from '../../core/messages/schema-issue.ts';
import { JsonLimitError, readJsonDocument } from '../../io/text/json-depth.ts';
import { sha256OfFile } from '../../io/file-hash.ts';
import { regionGroupSchema, type RegionGroup } from '../../core/schema/region.ts';
import { type Workspace, guardReimport, recordImport } from '../workspace.ts';
import type { ImportSummary } from './import-flows.ts';

/** Imports region groups from a JSON array of {code, name_zh, name_en, members, description}. */
export async function importGroups(ws: Workspace, file: string, options: { replace?: boolean } = {}): Promise<ImportSummary> {
  const path = resolve(file);
  const sha = await sha256OfFile(path).catch(() => { throw new InputError(coded('file.notFound', {}), { file }); });
  let doc: unknown;
  let text: string;
  try {
    text = await readJsonDocument(path);
  } catch (e) {
    if (e instanceof JsonLimitError) throw new InputError(e.text, { file, row: e.line });
    throw e;
  }
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(coded('file.notJson', { detail: (e as Error).message }), { file });
  }
  const parsed = z.array(regionGroupSchema).safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The row (group) and column (field) are in the location; a deeper path (members.3) stays in the text.
    const row = typeof issue.path[0] === 'number' ? issue.path[0] + 1 : undefined;
    const inner = issue.path.slice(row === undefined ? 0 : 1).join('.');
    throw new InputError(coded('imports.groupField', { inner, ...schemaIssue(issue) }), { file, row, column: String(issue.path[1] ?? '') || undefined });
  }
  // A code given twice would break the table's key at the final write (a database error, not a message).
  const first = new Map<string, number>();
  parsed.data.forEach((g, i) => {
    const earlier = first.get(g.code);
    if (earlier !== undefined) throw new InputError(coded('imports.groupTwice', { code: g.code, earlier, row: i + 1 }), { file, row: i + 1, column: 'code' });
    first.set(g.code, i + 1);
  });
  const known = new Set((await ws.db.all<{ code: string }>('SELECT code FROM regions')).map((r) => r.code));
  parsed.data.forEach((g, i) => {
    const missing = g.members.filter((m) => !known.has(m));
    if (missing.length) throw new InputError(coded('imports.unknownMembers', { code: g.code, missing }), { file, row: i + 1, column: 'members' });
  });
  return ws.db.transaction(async () => {
    await guardReimport(ws, 'groups', sha, file, options.replace ?? false, ['region_groups']);
    const codes = parsed.data.map((g) => g.code);
    // Groups a regions import derived from the bundled registry (China's NBS regions) are
    // defaults: a groups file of the same codes replaces them without --replace.
    const clash = await ws.db.all<{ code: string; derived: boolean }>(
      `SELECT g.code, coalesce(i.kind = 'regions', false) AS derived FROM region_groups g LEFT JOIN imports i ON i.id = g.import_id`);
    const existing = clash.filter((c) => codes.includes(c.code));
    const taken = existing.find((c) => !c.derived);
    if (taken && !options.replace) throw new InputError(coded('imports.groupExists', { code: taken.code }), { file });
    for (const c of existing) await ws.db.run('DELETE FROM region_groups WHERE code = ?', [c.code]);
    const id = await recordImport(ws, 'groups', file, sha, parsed.data.length, {});
    await appendGroups(ws, parsed.data, id);
    return { importId: id, file, kind: 'groups', rows: parsed.data.length, format: 'json', encoding: 'utf-8', notes: [], messages: { notes: [] } };
  });
}

/** Writes groups (checked: codes new, members known) under an import's id. */
export async function appendGroups(ws: Workspace, groups: readonly RegionGroup[], importId: number): Promise<void> {
  const app = await ws.db.conn.createAppender('region_groups');
  for (const g of groups) {
    app.appendVarchar(g.code);
    if (g.name_zh === null) app.appendNull(); else app.appendVarchar(g.name_zh);
    if (g.name_en === null) app.appendNull(); else app.appendVarchar(g.name_en);
    if (g.description === null) app.appendNull(); else app.appendVarchar(g.description);
    app.appendList([...g.members], listOfVarchar());
    app.appendInteger(importId);
    app.endRow();
  }
  app.closeSync();
}

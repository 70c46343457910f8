import type { Database } from './duckdb/database.ts';

/**
 * Crash safety at open. A `kill -9` in the commit window of a large import can leave its rows in
 * the file while the import record is lost (seen with DuckDB 1.5.6): the import history then
 * misses them, and ids taken as max + 1 were reused by the next import. At every open this finds
 * rows whose import record is missing and restores a record for them (the least destructive
 * repair: later imports may refer to those regions), and import ids come from a sequence that is
 * never behind any id in use.
 */
// Flows are read from their stored rows (`flows` is a view joining dictionaries: slower, same rows).
const TABLES: readonly (readonly [table: string, kind: string, shown?: string])[] = [
  ['regions', 'regions'], ['region_groups', 'groups'], ['flow_rows', 'flows', 'flows'], ['indicators', 'indicators'], ['persons', 'persons'], ['stocks', 'stocks'],
];

/** Notes of the repairs made by this process, for the adapters to show (library code never prints). */
const notes: string[] = [];

export function takeRecoveryNotes(): string[] {
  return notes.splice(0, notes.length);
}

export async function recoverInterruptedImports(db: Database): Promise<string[]> {
  const made: string[] = [];
  for (const [table, kind, shown = table] of TABLES) {
    // Table names come from the list above, never from input.
    const orphans = await db.all<{ id: number; n: bigint }>(
      `SELECT import_id AS id, count(*) AS n FROM ${table} WHERE import_id IS NOT NULL AND import_id NOT IN (SELECT id FROM imports) GROUP BY 1 ORDER BY 1`);
    for (const o of orphans) {
      const rows = Number(o.n);
      await db.run('INSERT INTO imports (id, kind, file, sha256, rows, options) VALUES (?, ?, ?, ?, ?, ?)',
        [o.id, kind, '(recovered: the import was interrupted before its record was written)', `recovered-${o.id}`, rows, JSON.stringify({ recovered: true, table: shown })]);
      made.push(`import #${o.id} (${kind}, ${rows.toLocaleString('en-US')} rows in ${shown}) was interrupted before its record was written (a crash during its commit): the rows are kept and the record restored; check them, or re-import the file with --replace`);
    }
  }
  notes.push(...made);
  return made;
}

/** Creates the import id sequence, starting after every id in use (records and rows alike). */
export async function ensureImportSequence(db: Database): Promise<void> {
  const exists = await db.one<{ n: bigint }>("SELECT count(*) AS n FROM duckdb_sequences() WHERE sequence_name = 'import_ids'");
  if (Number(exists?.n ?? 0) > 0) return;
  const top = await highestImportId(db);
  // A number computed here, not input: DDL takes no bound parameters.
  await db.run(`CREATE SEQUENCE import_ids START ${Math.floor(top) + 1}`);
}

async function highestImportId(db: Database): Promise<number> {
  const parts = ['SELECT coalesce(max(id), 0) AS m FROM imports', ...TABLES.map(([t]) => `SELECT coalesce(max(import_id), 0) FROM ${t}`)];
  const r = await db.one<{ m: number }>(`SELECT max(m) AS m FROM (${parts.join(' UNION ALL ')})`);
  return Number(r?.m ?? 0);
}

/** The next import id: from the sequence, and never one already in use whatever happened before. */
export async function nextImportId(db: Database): Promise<number> {
  const r = await db.one<{ id: bigint }>("SELECT nextval('import_ids') AS id");
  const fromSequence = Number(r!.id);
  const top = await highestImportId(db);
  return Math.max(fromSequence, top + 1);
}

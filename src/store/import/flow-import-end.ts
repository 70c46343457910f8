import { ConflictError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { type Workspace, guardReimport, recordImport } from '../workspace.ts';
import { codedNotes } from './coded-notes.ts';
import type { ImportFlowsOptions, ImportSummary } from './import-flows.ts';

/** What the end of a flow import needs to know of the rows just written. */
export interface WrittenFlows {
  /** The import's id (its rows are in flow_rows). */
  id: number;
  file: string;
  sha: string;
  /** Cohort columns read (recorded with the import). */
  cohortColumns: readonly string[];
  /** A query or list giving the ids of the periods written (for the overlap check). */
  periodIds: string;
  /** Rows read from the file (more than written when duplicates were summed). */
  fileRows: number;
  format: string;
  encoding: string | null;
  reader: 'plain' | 'staged';
  notes: CodedMessage[];
  timings: Record<string, number>;
  lap: (phase: string) => void;
}

/**
 * The end of a flow import, inside its transaction, once its rows are written and checked for
 * repeated keys: refuses a second import of the same file, records the import, refuses (or with
 * `replace`, replaces) flows stored before with the same keys, and counts what was written.
 * Shared by the staged path (import-flows.ts) and the plain path (import-plain-flows.ts).
 */
export async function finishFlowImport(ws: Workspace, w: WrittenFlows, options: ImportFlowsOptions): Promise<ImportSummary> {
  const { id, file, sha, notes } = w;
  await guardReimport(ws, 'flows', sha, file, options.replace ?? false, ['flow_rows']);
  await recordImport(ws, 'flows', file, sha, 0, { map: options.map, period: options.period, cohort: w.cohortColumns, sumDuplicates: options.sumDuplicates ?? false, source: options.source, sourceZh: options.sourceZh }, id);
  w.lap('check duplicates');
  const overlap = await storedOverlap(ws, id, w.periodIds);
  if (overlap) {
    if (!options.replace) {
      throw new ConflictError(coded('imports.flowsInWorkspace', { file, count: overlap.n, origin: overlap.origin, destination: overlap.destination, period: overlap.period }));
    }
    await ws.db.run(`DELETE FROM flow_rows WHERE import_id <> ? AND (origin_id, destination_id, period_id, cohort_id) IN
      (SELECT origin_id, destination_id, period_id, cohort_id FROM flow_rows WHERE import_id = ?)`, [id, id]);
    notes.push(coded('import.replacedFlows', { count: Number(overlap.n) }));
  }
  const n = await ws.db.one<{ n: bigint; intra: bigint }>(
    'SELECT count(*) AS n, count(*) FILTER (WHERE origin_id = destination_id) AS intra FROM flow_rows WHERE import_id = ?', [id]);
  const rows = Number(n!.n);
  await ws.db.run('UPDATE imports SET rows = ? WHERE id = ?', [rows, id]);
  if (Number(n!.intra) > 0) notes.push(coded('import.intraKept', { count: Number(n!.intra) }));
  if (options.sumDuplicates && rows < w.fileRows) notes.push(coded('import.duplicatesSummed', { count: w.fileRows - rows }));
  w.lap('overlap and record');
  return { importId: id, file, kind: 'flows', rows, format: w.format, encoding: w.encoding, ...codedNotes(notes), timings: w.timings, reader: w.reader };
}

/** Stored flows (of other imports) with a key of import `id`: how many, and one of them by name. */
async function storedOverlap(ws: Workspace, id: number, periodIds: string): Promise<{ n: number; origin: string; destination: string; period: string } | null> {
  // Most imports bring new periods: one look at the period ids settles it.
  const same = await ws.db.one<{ hit: boolean }>(`SELECT EXISTS (SELECT 1 FROM flow_rows WHERE import_id <> ? AND period_id IN (${periodIds})) AS hit`, [id]);
  if (!same?.hit) return null;
  const overlapping = `FROM flow_rows f JOIN (SELECT DISTINCT origin_id, destination_id, period_id, cohort_id FROM flow_rows WHERE import_id = ?) r
       USING (origin_id, destination_id, period_id, cohort_id) WHERE f.import_id <> ?`;
  const hit = await ws.db.one<{ n: bigint }>(`SELECT count(*) AS n ${overlapping}`, [id, id]);
  if (!hit || Number(hit.n) === 0) return null;
  const names = await ws.db.one<{ origin: string; destination: string; period: string }>(
    `SELECT o.code AS origin, d.code AS destination, p.period FROM (SELECT f.origin_id, f.destination_id, f.period_id ${overlapping} LIMIT 1) x
     JOIN flow_codes o ON o.id = x.origin_id JOIN flow_codes d ON d.id = x.destination_id JOIN flow_periods p ON p.id = x.period_id`, [id, id]);
  return { n: Number(hit.n), ...names! };
}

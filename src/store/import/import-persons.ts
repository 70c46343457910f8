import { resolve } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StageOptions } from '../duckdb/stage.ts';
import { type Workspace, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { checkNumbers, checkRequired, numberExpr, RANGES } from './checks.ts';
import { resolveRegionColumns } from './region-checks.ts';
import { parseMap, resolveRoles } from './column-roles.ts';
import type { ImportSummary } from './import-flows.ts';
import { sha256OfFile } from '../../io/file-hash.ts';

export interface ImportPersonsOptions extends StageOptions {
  map?: string;
  /** Mark every record as synthetic (generated, not real people). */
  synthetic?: boolean;
  replace?: boolean;
}

/** How graduate reports write the outcomes that are not a place of work. */
const OUTCOMES: Record<string, string> = {
  not_employed: 'not_employed', 'not employed': 'not_employed', unemployed: 'not_employed', 待就业: 'not_employed', 未就业: 'not_employed', 暂不就业: 'not_employed',
  further_study: 'further_study', 'further study': 'further_study', 升学: 'further_study', 深造: 'further_study', 出国深造: 'further_study', 读研: 'further_study', 考研: 'further_study',
};

/**
 * How a file marks its records as synthetic: a column under one of these headers (模拟 as older
 * files write it; 合成数据 is the product's one Chinese term for synthetic data) whose value in a
 * row is one of SYNTHETIC_VALUES.
 */
const SYNTHETIC_HEADERS = ['synthetic', '模拟', '合成', '合成数据'];
const SYNTHETIC_VALUES = ['true', '1', 'yes', '是', '合成', '合成数据'];

/**
 * Imports individual graduate destination records. Home, study and destination regions are
 * matched like any region name; the destination may also be an outcome (not employed, further
 * study) in English or Chinese.
 */
export async function importPersons(ws: Workspace, file: string, options: ImportPersonsOptions = {}): Promise<ImportSummary> {
  const sha = await sha256OfFile(resolve(file)).catch(() => { throw new InputError(coded('file.notFound', {}), { file }); });
  const st = await stageFile(ws.db, file, options);
  try {
    const roles = resolveRoles(st.columns, {
      required: ['id', 'year', 'university', 'destination'],
      optional: ['degree', 'major', 'home_region', 'study_region', 'employer_type', 'monthly_salary', 'synthetic'],
    }, parseMap(options.map, file), file, { destination: ['destination', 'destination_region', 'dest', '去向', '就业地', '就业地区', '就业城市'], synthetic: SYNTHETIC_HEADERS });
    // A blank id or university would reach the table's NOT NULL columns as an engine error.
    await checkRequired(ws.db, st, roles.get('id')!, { what: 'a record id' });
    await checkRequired(ws.db, st, roles.get('university')!, { what: 'a university' });
    await checkNumbers(ws.db, st, roles.get('year')!, { required: true, integer: true, what: 'a graduation year', range: RANGES.year });
    if (roles.has('monthly_salary')) await checkNumbers(ws.db, st, roles.get('monthly_salary')!, { nonNegative: true, what: 'a monthly salary', range: RANGES.salary });
    const id = quoteIdent(roles.get('id')!);
    const dup = await ws.db.one<{ v: string; rows: bigint[] }>(
      `SELECT trim(${id}) AS v, list(${st.rowExpr} ORDER BY ${st.rowExpr}) AS rows FROM ${quoteIdent(st.table)} s GROUP BY 1 HAVING count(*) > 1 LIMIT 1`);
    if (dup) throw new InputError(coded('imports.recordTwice', { id: String(dup.v), rows: dup.rows.map((r) => String(Number(r))) }), { file, row: Number(dup.rows[1]), column: roles.get('id') });
    // Trimmed here as the region matcher trims (tabs and Unicode spaces too, which DuckDB's trim keeps).
    const values = await ws.db.all<{ v: string | null }>(`SELECT DISTINCT ${quoteIdent(roles.get('destination')!)} AS v FROM ${quoteIdent(st.table)} s`);
    const outcomes = values.map((x) => x.v?.trim() ?? '').filter((v) => OUTCOMES[v.toLowerCase()]);
    const fixed = new Map(outcomes.map((v) => [v, OUTCOMES[v.toLowerCase()]]));
    // Each region column is matched on its own: a column of destination cities and a column of
    // home provinces break ties (北京 the city or the province) by their own dominant level.
    const regions = await matchableRegions(ws);
    const maps = new Map<string, string>();
    for (const role of ['destination', 'home_region', 'study_region'].filter((r) => roles.has(r))) {
      maps.set(role, await resolveRegionColumns(ws.db, st, [roles.get(role)!], regions, { fixed: role === 'destination' ? fixed : undefined, suffix: `_${role}`, allowBlank: role !== 'destination' }));
    }
    const region = (role: string) => (roles.has(role) ? `(SELECT code FROM ${quoteIdent(maps.get(role)!)} WHERE raw = s.${quoteIdent(roles.get(role)!)})` : 'NULL');
    const text = (role: string) => (roles.has(role) ? `nullif(trim(s.${quoteIdent(roles.get(role)!)}), '')` : 'NULL');
    const synthetic = roles.has('synthetic') ? `coalesce(lower(trim(s.${quoteIdent(roles.get('synthetic')!)})) IN (${SYNTHETIC_VALUES.map((v) => `'${v}'`).join(', ')}), false)` : '?';
    return await ws.db.transaction(async () => {
      await guardReimport(ws, 'persons', sha, file, options.replace ?? false, ['persons']);
      const clash = await ws.db.one<{ id: string }>(
        `SELECT p.id FROM persons p JOIN ${quoteIdent(st.table)} s ON p.id = trim(s.${id}) AND p.university = trim(s.${quoteIdent(roles.get('university')!)}) LIMIT 1`);
      if (clash && !options.replace) throw new InputError(coded('imports.recordInWorkspace', { id: String(clash.id) }), { file, column: roles.get('id') });
      const importId = await recordImport(ws, 'persons', file, sha, st.rows, { synthetic: options.synthetic ?? false });
      if (clash) await ws.db.run(`DELETE FROM persons WHERE (id, university) IN (SELECT trim(${id}), trim(${quoteIdent(roles.get('university')!)}) FROM ${quoteIdent(st.table)} s)`);
      await ws.db.run(
        `INSERT INTO persons SELECT ?, trim(s.${id}), CAST(${numberExpr(roles.get('year')!)} AS INTEGER), trim(s.${quoteIdent(roles.get('university')!)}),
           ${text('degree')}, ${text('major')}, ${region('home_region')}, ${region('study_region')}, ${region('destination')},
           ${text('employer_type')}, ${roles.has('monthly_salary') ? numberExpr(roles.get('monthly_salary')!) : 'NULL'}, ${synthetic}
         FROM ${quoteIdent(st.table)} s`,
        roles.has('synthetic') ? [importId] : [importId, options.synthetic ?? false]);
      return { importId, file, kind: 'persons', rows: st.rows, format: st.format, encoding: st.encoding, notes: [], messages: { notes: [] } };
    });
  } finally {
    await st.drop().catch(() => {});
  }
}

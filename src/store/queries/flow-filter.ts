import { InputError } from '../../core/errors.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import type { FlowTextColumn } from '../flow-rows.ts';
import type { Workspace } from '../workspace.ts';
import { resolveRegionRef, withinCondition } from './resolve-ref.ts';

/** The filters every flow selection shares (regions and groups resolved by code or name). */
export interface FlowFilterSpec {
  /** Flows leaving this region or group, or any region inside it. */
  origin?: string;
  destination?: string;
  /** Flows with either end inside this group or region. */
  group?: string;
  /** A year or a range; matches stored periods exactly. */
  period?: string;
  /** Cohort attributes as stored, e.g. "education=bachelor". */
  cohort?: string;
}

/** SQL WHERE clause over `flows f` for a selection, with its bound parameters. */
export async function flowFilter(ws: Workspace, q: FlowFilterSpec): Promise<{ sql: string; params: string[]; columns: Set<FlowTextColumn> }> {
  const where: string[] = [];
  const params: string[] = [];
  // The text columns the clause reads, for readers of flow_rows that join only those (flowIdsWith).
  const columns = new Set<FlowTextColumn>();
  if (q.origin) columns.add('origin');
  if (q.destination) columns.add('destination');
  if (q.group) ['origin', 'destination'].forEach((c) => columns.add(c as FlowTextColumn));
  if (q.period) columns.add('period');
  if (q.cohort) columns.add('cohort');
  for (const [col, ref] of [['f.origin', q.origin], ['f.destination', q.destination]] as const) {
    if (!ref) continue;
    const c = withinCondition(col, await resolveRegionRef(ws, ref, col.slice(2)));
    where.push(c.sql);
    params.push(...c.params);
  }
  if (q.group) {
    const ref = await resolveRegionRef(ws, q.group, 'group');
    const a = withinCondition('f.origin', ref);
    const b = withinCondition('f.destination', ref);
    where.push(`(${a.sql} OR ${b.sql})`);
    params.push(...a.params, ...b.params);
  }
  if (q.period) {
    const p = parsePeriod(q.period);
    if (!p) throw new InputError(`period "${q.period}" is not a year or a range of years`);
    where.push('f.period = ?');
    params.push(p.text);
  }
  if (q.cohort) {
    where.push('f.cohort = ?');
    params.push(q.cohort);
  }
  return { sql: where.length ? 'WHERE ' + where.join(' AND ') : '', params, columns };
}

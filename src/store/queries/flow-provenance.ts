import type { Workspace } from '../workspace.ts';

/** Where the stored flows of a period come from: observed imports, or estimates and how they were made. */
export interface FlowProvenance {
  /** Files of observed flows (import kind "flows"). */
  observed: string[];
  /** Estimates stored by `talentflow estimate` (import kind "estimate"): their method and source. */
  estimated: { method: string; source: string | null; definition: string | null }[];
}

export async function flowProvenance(ws: Workspace, period?: string): Promise<FlowProvenance> {
  const rows = await ws.db.all<{ kind: string; file: string; options: string | null }>(
    `SELECT DISTINCT i.kind, i.file, i.options FROM imports i
     WHERE i.id IN (SELECT DISTINCT import_id FROM flows WHERE ? IS NULL OR period = ?) ORDER BY i.kind, i.file`, [period ?? null, period ?? null]);
  const out: FlowProvenance = { observed: [], estimated: [] };
  for (const r of rows) {
    if (r.kind !== 'estimate') {
      out.observed.push(r.file.split(/[\\/]/).pop() ?? r.file);
      continue;
    }
    const o = (r.options ? JSON.parse(r.options) : {}) as { method?: string; source?: string; definition?: string };
    out.estimated.push({ method: o.method ?? 'an estimate', source: o.source ?? null, definition: o.definition ?? null });
  }
  return out;
}

/** One sentence naming the flows a measure was computed from, for `definition` fields. */
export function describeFlows(p: FlowProvenance, period: string | undefined): string {
  const when = period ? ` ${period}` : '';
  const parts: string[] = [];
  if (p.observed.length) parts.push(`observed flows${when} (${p.observed.join(', ')})`);
  // An estimate's own definition is the short form (method and source in a few words); older
  // estimates have only method and source.
  for (const e of p.estimated) parts.push(e.definition ?? `flows${when} estimated by ${e.method}${e.source ? ` from ${e.source}` : ''}`);
  return parts.length ? parts.join('; ') : `no stored flows${when}`;
}

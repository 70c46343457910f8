import { flowsZh } from '../../core/messages/flows-zh.ts';
import type { CodedMessage } from '../../core/messages/index.ts';
import { listValue } from '../duckdb/node-api.ts';
import { storedWarnings } from './estimate-warnings.ts';
import type { Workspace } from '../workspace.ts';

/** Where the stored flows of a period come from: observed imports, or estimates and how they were made. */
export interface FlowProvenance {
  /**
   * Observed flows (import kind "flows"): the source given at import (`--source`, and
   * `--source-zh` where given), or the file's name when none was.
   */
  observed: { source: string; sourceZh: string | null }[];
  /**
   * Estimates stored by `talentflow estimate` (import kind "estimate"): their method and source,
   * and the coded warnings the estimate came with (none for one stored before schema 7).
   */
  estimated: { method: string; source: string | null; definition: string | null; warnings: CodedMessage[] }[];
}

/**
 * The provenance of the stored flows of `period` (all periods when undefined), or, given
 * `imports` (LoadedFlows.imports), of exactly the imports the rows a result was computed from
 * came from: a measure of the Northeast names China's sources, not Korea's.
 */
export async function flowProvenance(ws: Workspace, period?: string, imports?: readonly number[]): Promise<FlowProvenance> {
  // Sources are listed observed first, then in the order of the first period their flows cover
  // (two estimates share a file name: "flows 2000-2010 ...; flows 2010-2020 ..." whatever order
  // they were stored in); the import id settles the rest, so the text never changes between runs.
  const which = imports ? 'list_contains(?::INTEGER[], r.import_id)' : '(? IS NULL OR p.period = ?)';
  const params = imports ? [listValue([...imports])] : [period ?? null, period ?? null];
  const rows = await ws.db.all<ImportRow>(
    `WITH used AS (
       SELECT r.import_id AS id, min(p.period_start) AS first FROM flow_rows r JOIN flow_periods p ON p.id = r.period_id
       WHERE ${which} GROUP BY 1)
     SELECT i.kind, i.file, i.options, i.warnings FROM imports i JOIN used u ON u.id = i.id
     ORDER BY i.kind = 'estimate', u.first, i.id`, params);
  const out: FlowProvenance = { observed: [], estimated: [] };
  for (const r of rows) {
    const e = entryOf(r);
    // An estimate stored in parts (the same definition for other regions) is named once, as before.
    if (e.estimated) {
      if (!out.estimated.some((x) => JSON.stringify(x) === JSON.stringify(e.estimated))) out.estimated.push(e.estimated);
    }
    // Files of one source (a survey imported year by year) name it once.
    else if (!out.observed.some((x) => x.source === e.observed.source)) out.observed.push(e.observed);
  }
  return out;
}

/**
 * Each import of `ids` as a file of flows that leaves the workspace names it, row by row
 * (`talentflow export flows`): whether it is an estimate, and its source as describeFlows names
 * it inside its sentence (an observed import's source, an estimate's own definition).
 */
export async function importSources(ws: Workspace, ids: readonly number[]): Promise<Map<number, { estimated: boolean; source: string }>> {
  const rows = ids.length ? await ws.db.all<ImportRow & { id: number }>('SELECT i.id, i.kind, i.file, i.options, i.warnings FROM imports i WHERE list_contains(?::INTEGER[], i.id)', [listValue([...ids])]) : [];
  return new Map(rows.map((r) => {
    const e = entryOf(r);
    return [Number(r.id), e.estimated ? { estimated: true, source: estimateText(e.estimated, '') } : { estimated: false, source: unlabelled(e.observed.source) }];
  }));
}

type ImportRow = { kind: string; file: string; options: string | null; warnings: string | null };

/** An import of flows as FlowProvenance lists it: observed (its source, or its file's name) or an estimate. */
function entryOf(r: ImportRow): { observed: FlowProvenance['observed'][number]; estimated?: undefined } | { estimated: FlowProvenance['estimated'][number] } {
  const o = (r.options ? JSON.parse(r.options) : {}) as { method?: string; source?: string; sourceZh?: string; definition?: string };
  if (r.kind === 'estimate') return { estimated: { method: o.method ?? 'an estimate', source: o.source ?? null, definition: o.definition ?? null, warnings: storedWarnings(r.warnings) } };
  return { observed: o.source ? { source: o.source, sourceZh: o.sourceZh ?? null } : { source: fileName(r.file), sourceZh: null } };
}

// An estimate's own definition is the short form (method and source in a few words); older
// estimates have only method and source. `when` is " 2019" or "".
const estimateText = (e: FlowProvenance['estimated'][number], when: string) => e.definition ?? `flows${when} estimated by ${e.method}${e.source ? ` from ${e.source}` : ''}`;

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
/** "Source: KOSIS …" as a footer line starts, named inside a sentence without its label. */
const unlabelled = (source: string) => source.replace(/^(?:source|data|来源|数据来源)\s*[:：]\s*/i, '');

/**
 * One sentence naming the flows a measure was computed from, for `definition` fields; with `zh`,
 * in Chinese: the observed flows' sources in Chinese where their import gave one, and the
 * estimators' own definitions by their Chinese (core/messages/flows-zh.ts).
 */
export function describeFlows(p: FlowProvenance, period: string | undefined, lang: 'en' | 'zh' = 'en'): string {
  if (lang === 'zh') return describeFlowsZh(p, period);
  const when = period ? ` ${period}` : '';
  const parts: string[] = [];
  if (p.observed.length) parts.push(`observed flows${when} (${p.observed.map((o) => unlabelled(o.source)).join(', ')})`);
  for (const e of p.estimated) parts.push(estimateText(e, when));
  return parts.length ? parts.join('; ') : `no stored flows${when}`;
}

function describeFlowsZh(p: FlowProvenance, period: string | undefined): string {
  const when = period ? `${period} 年` : '';
  const parts: string[] = [];
  if (p.observed.length) parts.push(`${when}观测到的流动（${p.observed.map((o) => unlabelled(o.sourceZh ?? o.source)).join('，')}）`);
  // A method or source stored without a definition is the data's own text, quoted as stored.
  for (const e of p.estimated) parts.push(e.definition ? flowsZh(e.definition) : `${when}由 ${e.method} 估计的流动${e.source ? `（来源：${e.source}）` : ''}`);
  return parts.length ? parts.join('；') : `没有存储的流动${period ? `（${period}）` : ''}`;
}

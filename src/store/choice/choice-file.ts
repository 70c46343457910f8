import { fitNamingClusters } from './cluster-error.ts';
import { InputError, SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import {
  aggregateChoiceSituations, elasticities, fitConditionalLogit, fitNestedLogit, willingnessToPay,
  type ChoiceData, type Elasticities, type LogitResult, type NestSpec, type VcovType, type Wtp,
} from '../../models/logit/index.ts';
import type { StageOptions } from '../duckdb/stage.ts';
import { readColumns } from '../read-columns.ts';

/** Which columns of a long-format choice file (one row per case and available alternative) play which part. */
export interface ChoiceFileSpec {
  /** Case (choice situation) id; its rows need not be adjacent. */
  readonly case: string;
  readonly alternative: string;
  /** 1 for the chosen row, else 0 (or counts of persons choosing it). */
  readonly choice: string;
  /** Numeric columns entering the utility, one coefficient each. */
  readonly vars: readonly string[];
  /** Nests by alternative label (a nested logit). Default none. */
  readonly nests?: readonly NestSpec[];
  /** Column holding a cluster id per case (constant within a case). Default none. */
  readonly cluster?: string;
  /** Default 'clustered' with a cluster column, else 'classical'. */
  readonly vcov?: VcovType;
  /** Willingness to pay against this var: money per unit (scale) and the unit's name. Default none. */
  readonly money?: { readonly term: string; readonly unit: string; readonly scale: number };
}

export type ChoiceFileResult = LogitResult & {
  readonly definition: string;
  readonly kind: 'estimated';
  readonly source: string;
  readonly wtp: Wtp | null;
  /** Point elasticities of every var (own; cross with at most 60 alternatives), as its column enters. */
  readonly elasticities: (Omit<Elasticities, 'cross'> & { readonly cross: Elasticities['cross'] | null })[];
  /** Cases in the file, before identical situations were merged (nCases counts the merged ones). */
  readonly fileCases: number;
  readonly fileRows: number;
  readonly notes: string[];
  /** The notes (same order) and the stop reason coded (core/messages), for a front-end's language. */
  readonly messages: { readonly notes: readonly CodedMessage[]; readonly stopReason?: CodedMessage };
};

/** `home=210000+220000,rest=...` -> nests (the CLI's --nests). */
export function parseNests(text: string): NestSpec[] {
  return text.split(',').map((part) => {
    const m = /^\s*([\w.-]{1,32})\s*=\s*(.+)$/.exec(part);
    if (!m) throw new SpecError(coded('choicefile.notNest', { part }), 'nests');
    return { name: m[1], alternatives: m[2].split('+').map((s) => s.trim()).filter(Boolean) };
  });
}

/**
 * Long-format choice data from a file the stager reads (CSV, xlsx, Parquet, JSON lines), as R's
 * survival::clogit(choice ~ vars + strata(case)) takes it: rows grouped by case in first-seen
 * order, alternatives labelled by their text.
 */
export async function choiceDataFromFile(file: string, spec: ChoiceFileSpec, options: StageOptions = {}): Promise<{ data: ChoiceData; notes: CodedMessage[] }> {
  if (!spec.vars.length) throw new SpecError(coded('choicefile.noVars', {}), 'vars');
  const text = [spec.case, spec.alternative, ...(spec.cluster ? [spec.cluster] : [])];
  const c = await readColumns(file, { text: [...new Set(text)], numeric: [...new Set([spec.choice, ...spec.vars])] }, options);
  const caseIds = c.text[spec.case];
  const caseOf = new Map<string, number>();
  const rowsOf: number[][] = [];
  caseIds.forEach((id, r) => {
    let k = caseOf.get(id);
    if (k === undefined) {
      caseOf.set(id, (k = rowsOf.length));
      rowsOf.push([]);
    }
    rowsOf[k].push(r);
  });
  const labels: string[] = [];
  const labelOf = new Map<string, number>();
  const order = rowsOf.flat();
  const n = order.length;
  const caseIndex = new Int32Array(n);
  const altIndex = new Int32Array(n);
  const chosen = new Float64Array(n);
  const columns = Object.fromEntries(spec.vars.map((v) => [v, new Float64Array(n)]));
  const clusterIds = new Map<string, number>();
  const cluster = spec.cluster ? new Int32Array(rowsOf.length) : undefined;
  let i = 0;
  rowsOf.forEach((rows, k) => {
    const seen = new Set<number>();
    for (const r of rows) {
      const alt = c.text[spec.alternative][r];
      let a = labelOf.get(alt);
      if (a === undefined) labelOf.set(alt, (a = labels.push(alt) - 1));
      if (seen.has(a)) throw new InputError(coded('choicefile.alternativeTwice', { case: caseIds[r], alternative: alt }), { file, row: r + 1, column: spec.alternative });
      seen.add(a);
      caseIndex[i] = k;
      altIndex[i] = a;
      chosen[i] = c.numbers[spec.choice][r];
      for (const v of spec.vars) columns[v][i] = c.numbers[v][r];
      if (cluster) {
        const id = c.text[spec.cluster!][r];
        let g = clusterIds.get(id);
        if (g === undefined) clusterIds.set(id, (g = clusterIds.size));
        if (r !== rows[0] && cluster[k] !== g) throw new InputError(coded('choicefile.twoClusters', { case: caseIds[r], cluster: id }), { file, row: r + 1, column: spec.cluster });
        cluster[k] = g;
      }
      i++;
    }
  });
  const notes = [coded('choicefile.read', { cases: rowsOf.length, rows: n, alternatives: labels.length, labels: labels.slice(0, 12), clusters: cluster ? clusterIds.size : null })];
  return { data: { nCases: rowsOf.length, caseIndex, altIndex, chosen, columns, alternatives: labels, ...(cluster ? { cluster } : {}) }, notes };
}

/** Reads a choice file, merges identical situations, and fits the conditional (or nested) logit. */
export async function fitChoiceFile(file: string, spec: ChoiceFileSpec, options: StageOptions = {}): Promise<ChoiceFileResult> {
  const { data, notes } = await choiceDataFromFile(file, spec, options);
  const merged = aggregateChoiceSituations(data, { columns: spec.vars });
  if (merged.cases < data.nCases) notes.push(coded('choicefile.merged', { cases: data.nCases, situations: merged.cases }));
  const vcov = spec.vcov ?? (spec.cluster ? 'clustered' : 'classical');
  const base = { terms: spec.vars, vcov };
  const logit: LogitResult = fitNamingClusters(spec.cluster ? { column: spec.cluster, file } : undefined,
    () => (spec.nests?.length ? fitNestedLogit(merged.data, { ...base, nests: spec.nests }) : fitConditionalLogit(merged.data, base)));
  const wtp = spec.money ? willingnessToPay(logit, { money: spec.money.term, moneyScale: spec.money.scale, unit: spec.money.unit }) : null;
  return {
    ...logit,
    warnings: [...logit.warnings, ...(wtp?.warnings ?? [])],
    definition: `${spec.nests?.length ? 'nested' : 'conditional'} logit of "${spec.choice}" on ${spec.vars.join(', ')} with cases "${spec.case}" and alternatives "${spec.alternative}" of ${file}`,
    kind: 'estimated', source: file, wtp,
    elasticities: spec.vars.map((v) => {
      const e = elasticities(logit, merged.data, v);
      return { ...e, cross: e.alternatives.length > 60 ? null : e.cross };
    }),
    fileCases: data.nCases, fileRows: data.caseIndex.length, notes: english(notes),
    messages: { ...logit.messages, notes },
  };
}

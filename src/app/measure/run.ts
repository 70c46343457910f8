import { SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';
import { periodChange } from '../../metrics/index.ts';
import { describeFlows, flowProvenance, type FlowProvenance } from '../../store/queries/flow-provenance.ts';
import { estimateWarnedNotes } from '../../store/queries/estimate-warnings.ts';
import { hasFlows } from '../../store/queries/flow-table.ts';
import { requirePeriod } from '../../store/queries/known-values.ts';
import { listGroups } from '../../store/queries/list-regions.ts';
import type { Workspace } from '../../store/workspace.ts';
import { censusNetRows, censusYears, hasCensus } from './census.ts';
import { flowMeasure, methodMessage } from './flow-measures.ts';
import { focusRef, loadSelectedFlows, periodYears, selectRegions, type Selection } from './selection.ts';
import { checkOptions } from '../check-options.ts';
import { parseInput } from '../parse-input.ts';
import { measureInput, type MeasureInput } from './input.ts';
import { MEASURES, type MeasureName, type MeasureOptions, type MeasureResult, type Row } from './types.ts';

/** The value --top, --losing and --gaining look at. */
const MAIN: Record<MeasureName, string | null> = {
  summary: 'net', in: 'inflow', out: 'outflow', net: 'net', gross: 'gross', efficiency: 'efficiency', rates: 'netRate',
  retention: 'retention', corridors: null, concentration: 'topShare', intensity: null, change: 'difference', 'census-net': 'net',
};

/**
 * The measure operation, for the CLI (`talentflow measures`) and the server (`GET /api/measures`):
 * runs one measure for a selection. `net` over a census interval (e.g. 2010-2020) with no stored
 * flows for the selection falls back to census net migration (source 'census'); stored flows,
 * observed or estimated by a model and imported, always take precedence (source 'flows').
 */
export async function runMeasure(ws: Workspace, measure: string, input: MeasureInput): Promise<MeasureResult> {
  // A misspelt level (or group used as one) lists the workspace's levels and groups, as every command's does.
  const o: MeasureOptions = await checkOptions(ws, parseInput(measureInput, input), { level: 'or-group', cohort: true });
  if (!(MEASURES as readonly string[]).includes(measure)) throw new SpecError(coded('measure.unknown', { measure, measures: MEASURES }), 'measure');
  const m = measure as MeasureName;
  if (o.losing && o.gaining) throw new SpecError(coded('measure.losingAndGaining', {}), 'losing');
  const groupLevel = o.level !== undefined && (await listGroups(ws)).some((g) => g.code.toLowerCase() === o.level?.toLowerCase());
  const sel = await selectRegions(ws, o, groupLevel ? undefined : o.level);
  const selection = { period: o.period, cohort: o.cohort, level: o.level, group: o.group, within: o.within, region: o.region, origin: o.origin, destination: o.destination };
  const base = { measure: m, selection };

  if (m === 'census-net' || (m === 'net' && (await censusFallback(ws, o, sel)))) {
    const years = censusYears(o, o.period);
    if (!years) throw new SpecError(coded('measure.census.needsYears', {}), 'from');
    const c = await censusNetRows(ws, o, years, sel.focus, m === 'net' ? 0 : null);
    const warnings = [...c.warnings];
    if (m === 'net') warnings.unshift(coded('measure.census.fallback', { from: String(years.from), to: String(years.to) }));
    const text = coded(c.naturalZero ? 'measure.census.popChangeDefinition' : 'measure.census.definition', { from: String(years.from), to: String(years.to) });
    return finish({ ...base, source: 'census', definition: text.message, kind: 'estimated', rows: c.rows, ...texts(text, warnings, c.method, c.assumptions), selection: { ...selection, from: years.from, to: years.to } }, m, o, sel);
  }

  // A period without flows (2099, a misspelt range) is a user error listing the periods that
  // have them, not a table of unknown values; `net` over a census interval was answered above.
  if (o.period !== undefined) o.period = await requirePeriod(ws, o.period, 'flows');
  if (m === 'change') {
    if (!o.from || !o.to) throw new SpecError(coded('measure.change.needsPeriods', {}), 'from');
    o.from = await requirePeriod(ws, o.from, 'flows');
    o.to = await requirePeriod(ws, o.to, 'flows');
    const of = o.of ?? 'net';
    const field = MAIN[of as MeasureName];
    if (!field || ['change', 'census-net', 'corridors', 'concentration', 'intensity', 'retention'].includes(of)) throw new SpecError(coded('measure.change.notPerRegion', { of }), 'of');
    const values = async (period: string) => {
      const loaded = await loadSelectedFlows(ws, o, period, sel);
      const fm = flowMeasure(of, loaded.table, loaded.populations, o.years ?? periodYears(period, loaded.periods), o);
      return { values: Object.fromEntries(fm.rows.map((r) => [r.code, r[field] as number | null])), provenance: await flowProvenance(ws, period, loaded.imports) };
    };
    const [before, after] = [await values(o.from), await values(o.to)];
    const ch = periodChange(before.values, after.values);
    const rows = Object.entries(ch.byRegion).map(([code, x]) => ({ code, ...x }));
    const onlyOne = [...ch.onlyBefore, ...ch.onlyAfter].slice(0, 10).map((code) => ({ code }));
    const [p0, p1] = [before.provenance, after.provenance];
    const warnings = [...(onlyOne.length ? [coded('measure.onePeriodOnly', { regions: onlyOne })] : []), ...warnedBy([p0, p1])];
    const text = coded('measure.changeDefinition', { of, from: o.from, fromFlows: describeFlows(p0, o.from), fromFlowsZh: describeFlows(p0, o.from, 'zh'), to: o.to, toFlows: describeFlows(p1, o.to), toFlowsZh: describeFlows(p1, o.to, 'zh') });
    const method = coded('measure.method.change', { of, field, from: o.from, to: o.to });
    return finish({ ...base, source: 'flows', definition: text.message, kind: kindOf([p0, p1]), rows, ...texts(text, warnings, method, []), selection: { ...selection, from: o.from, to: o.to, of } }, m, o, sel);
  }

  const loaded = await loadSelectedFlows(ws, o, o.period, sel);
  const years = o.years ?? periodYears(o.period, loaded.periods);
  const warnings = [...loaded.messages.warnings];
  const fm = flowMeasure(m, loaded.table, loaded.populations, years, o);
  if (loaded.table.count.length === 0 && m !== 'corridors') {
    // No flow reaches this level or selection (e.g. province estimates viewed by city): the
    // values are unknown, not zero, so they are null and the warning says why.
    fm.rows = fm.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? null : v])) as Row);
    warnings.push(coded('measure.noFlowsAtLevel', { period: o.period ?? '' }));
  }
  const system = fm.system ? { ...fm.system, ...(m === 'intensity' ? { regions: loaded.table.regions.length } : {}) } : undefined;
  // The sources of the rows read (a measure of the Northeast names China's, not Korea's).
  const provenance = await flowProvenance(ws, o.period, loaded.imports);
  const text = coded('measure.definition', { measure: m, flows: describeFlows(provenance, o.period), flowsZh: describeFlows(provenance, o.period, 'zh') });
  const assumptions: CodedMessage[] = [];
  if (loaded.estimated > 0) assumptions.push(coded('measure.assumption.estimatedRows', { estimated: loaded.estimated, rows: loaded.rows }));
  if (['rates', 'summary', 'intensity'].includes(m)) assumptions.push(coded('measure.assumption.populations', { year: loaded.populationYear === null ? null : String(loaded.populationYear) }));
  const method = methodMessage(fm.method, loaded.estimated > 0);
  return finish({ ...base, source: 'flows', definition: text.message, kind: kindOf([provenance]), rows: fm.rows, system, ...texts(text, [...warnings, ...fm.warnings, ...(loaded.estimated > 0 ? warnedBy([provenance]) : [])], method, assumptions) }, m, o, sel);
}

/** The definition, method, assumptions and warnings in English, and coded (core/messages) for a front-end's language. */
function texts(definition: CodedMessage, warnings: CodedMessage[], method: CodedMessage, assumptions: CodedMessage[]): Pick<MeasureResult, 'warnings' | 'method' | 'assumptions'> & { messages: Required<NonNullable<MeasureResult['messages']>> } {
  return { warnings: english(warnings), method: method.message, assumptions: english(assumptions), messages: { definition, warnings, method, assumptions } };
}

/** What the estimates behind the flows warned when they were made, one note per estimate (none for observed flows). */
const warnedBy = (ps: FlowProvenance[]): CodedMessage[] => estimateWarnedNotes(ps.flatMap((p) => p.estimated.map((e) => e.warnings)));

function kindOf(ps: Awaited<ReturnType<typeof flowProvenance>>[]): 'observed' | 'estimated' | 'mixed' {
  const observed = ps.some((p) => p.observed.length > 0);
  const estimated = ps.some((p) => p.estimated.length > 0);
  return observed && estimated ? 'mixed' : estimated ? 'estimated' : 'observed';
}

async function censusFallback(ws: Workspace, o: MeasureOptions, sel: Selection): Promise<boolean> {
  const years = censusYears({}, o.period);
  if (!years) return false;
  if (await hasFlows(ws, { period: o.period, cohort: o.cohort, group: focusRef(o), origin: o.origin, destination: o.destination })) return false;
  return sel.focus === null || sel.focus.length > 0 ? hasCensus(ws, years.from, years.to, o.level) : false;
}

function finish(r: MeasureResult, m: MeasureName, o: MeasureOptions, sel: Selection): MeasureResult {
  const focus = sel.focus && m !== 'corridors' ? new Set(sel.focus) : null;
  const field = MAIN[m];
  let rows: Row[] = focus ? r.rows.filter((x) => focus.has(x.code)) : r.rows;
  if (m !== 'corridors') rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const value = (x: Row) => (field ? (x[field] as number | null) : null);
  if (field && o.losing) rows = rows.filter((x) => (value(x) ?? 0) < 0);
  if (field && o.gaining) rows = rows.filter((x) => (value(x) ?? 0) > 0);
  if (field && o.top !== undefined) {
    // Largest first; with --losing the largest losses (most negative) first. Nulls last.
    const sign = o.losing ? 1 : -1;
    rows = [...rows].sort((a, b) => {
      const [va, vb] = [value(a), value(b)];
      return va === null ? 1 : vb === null ? -1 : sign * (va - vb);
    }).slice(0, o.top);
  }
  const named = rows.map(({ code, ...x }) => (m === 'corridors'
    ? { code, ...x, origin_name: sel.names.get(x.origin as string) ?? null, destination_name: sel.names.get(x.destination as string) ?? null }
    : { code, name: sel.names.get(code) ?? null, ...x }));
  return { ...r, rows: named };
}

import type { Column, Out } from '../../output.ts';
import type { RegionNamer } from '../../region-names.ts';
import { printTable } from '../../output.ts';
import type { MeasureResult, Row } from '../../../app/measure/types.ts';
import { said, type CliLang } from '../../lang.ts';
import { spoken } from '../../message-names.ts';
import { measureWords } from './words.ts';

/** Columns of each measure's table: the row fields in order, with decimals fitted to the value. */
const DIGITS: Record<string, number> = {
  efficiency: 3, inRate: 2, outRate: 2, netRate: 2, retention: 3, share: 3, cumulativeShare: 3, topShare: 3, gini: 3, entropy: 3,
  percentChange: 1, netRatePer1000: 1,
  // Persons: estimated flows carry fractions no census supports; whole persons at the edge (STYLE.md rule 10).
  inflow: 0, outflow: 0, net: 0, gross: 0, intra: 0, population: 0, count: 0, start: 0, end: 0, natural: 0, stayers: 0,
  cohort: 0, total: 0, moves: 0,
};

/** A system figure: persons whole (DIGITS 0), other fractions to 4 places. */
const systemValue = (k: string, v: number): string => {
  if (DIGITS[k] === 0 || Number.isInteger(v)) return Math.round(v).toLocaleString('en-US');
  return v.toFixed(4);
};
const HIDDEN = new Set(['origin', 'destination']);

/** Region names as `name` gives them (own language or --lang); groups keep theirs. */
const NAMED: Record<string, string> = { name: 'code', origin_name: 'origin', destination_name: 'destination' };

/** A measure's result as the terminal shows it, every line in `lang` (the definition, method, assumptions and warnings from their coded forms where the result carries them). */
export function printMeasure(out: Out, r: MeasureResult, limit: number | undefined, name?: RegionNamer, lang: CliLang = 'en'): void {
  const w = measureWords(lang);
  const m = r.messages;
  out.write(w.title(r.measure, r.kind, said(r.definition, m?.definition, lang)));
  out.write(w.method(said(r.method, m?.method, lang)));
  const assumptions = m?.assumptions?.length === r.assumptions.length ? m.assumptions : undefined;
  r.assumptions.forEach((a, i) => out.write(w.assumption(said(a, assumptions?.[i], lang))));
  if (r.rows.length) {
    const keys = [...new Set(r.rows.flatMap((x) => Object.keys(x)))].filter((k) => !(r.measure === 'corridors' && HIDDEN.has(k)));
    const columns: Column<Row>[] = keys.map((k) => ({ header: w.field(k), value: (x: Row) => (name && NAMED[k] ? name(x[NAMED[k]] as string) ?? x[k] : x[k]), digits: DIGITS[k] ?? (r.rows.every((x) => x[k] === null || Number.isInteger(x[k])) ? 0 : 2) }));
    printTable(out, r.rows, columns, { limit: limit ?? 100, what: r.measure === 'corridors' ? 'corridors' : 'regions', lang });
  }
  if (r.system) {
    for (const [k, v] of Object.entries(r.system)) out.write(w.system(k, typeof v === 'number' ? systemValue(k, v) : String(v)));
  }
  const warnings = m?.warnings?.length === r.warnings.length ? m.warnings : undefined;
  // Regions a warning gives by code (an estimate's left-out regions) named as the table names them.
  r.warnings.forEach((x, i) => out.error(w.warning(spoken(x, warnings?.[i], lang, name))));
}

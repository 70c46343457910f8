import type { CliLang } from './lang.ts';
import { renderTable, tableWidth, terminalWidth, type Column, type Out } from './output.ts';

/**
 * How a table with long per-term columns (indicator terms such as growth(population,2010,2020))
 * is shown: 'full' headers; 'keys' numbers those columns [1], [2]… with a key printed above the
 * table; 'none' leaves them out. The first that fits the terminal is chosen, or 'full' when the
 * user asked for --wide.
 */
export type TermHeaders = 'full' | 'keys' | 'none';

export function chooseTermHeaders<T>(shown: readonly T[], build: (h: TermHeaders) => readonly Column<T>[], wide: boolean): TermHeaders {
  if (wide) return 'full';
  const width = terminalWidth();
  for (const h of ['full', 'keys'] as const) if (tableWidth(renderTable(shown, build(h))) <= width) return h;
  return 'none';
}

/** The header of term i under the chosen mode. */
export function termHeader(h: TermHeaders, term: string, i: number): string {
  return h === 'full' ? term : `[${i + 1}]`;
}

/** The key above a 'keys' table, or the note under a 'none' table. */
export function printTermKey(out: Out, h: TermHeaders, terms: readonly string[], what: string, lang: CliLang = 'en'): void {
  if (h === 'keys') out.write(`${what}${lang === 'zh' ? '：' : ':'}\n${terms.map((k, i) => `  [${i + 1}] ${k}`).join('\n')}`);
  if (h === 'none') {
    out.write(lang === 'zh' ? `${what}未列出，以适应 ${terminalWidth()} 列宽：--wide 显示它们，--json 给出全部数值`
      : `${what} left out to fit ${terminalWidth()} columns: --wide shows them, --json gives every number`);
  }
}

import { Command } from 'commander';
import { queryStocks, type StockTableInfo } from '../../store/queries/list-stocks.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, printTable, type Out } from '../output.ts';
import { checkOptions } from '../validate.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { headsIn } from '../heads.ts';
import type { CliLang } from '../lang.ts';

export function stocksCommand(): Command {
  return withCommon(new Command('stocks'))
    .description('list the stock tables (people by region of birth and region of residence at a census date) and, with a filter, their cells')
    .option('--date <year>', 'only the tables of this census year')
    .option('--definition <text>', 'only tables with this definition')
    .option('--birth <region>', 'cells of people born in this region or group, or any region inside it')
    .option('--residence <region>', 'cells of people living in this region or group, or any region inside it')
    .option('--within <region>', 'cells with both ends inside this region or group')
    .option('--limit <n>', 'at most n cells', intOption)
    .addOption(langAllOption())
    .addHelpText('after', '\nCells are listed when a filter is given; counts are as stored, and `persons` divides sample counts by their sampling rate.\n\nExamples:\n  talentflow stocks\n  talentflow stocks --date 2010 --residence 广东\n  talentflow stocks --date 2000 --birth 山东 --residence 黑龙江 --json')
    .action(async (o: { date?: string; definition?: string; birth?: string; residence?: string; within?: string; limit?: number; lang?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const cells = Boolean(o.date || o.birth || o.residence || o.within);
      await withWorkspace(workspace, async (ws) => {
        const { lang, ...q } = await checkOptions(ws, o, { date: true, definition: true });
        const res = await queryStocks(ws, { ...q, limit: cells ? (out.json ? o.limit : undefined) : 0 });
        if (out.json) return printJson(out, res);
        const zh: CliLang = lang === 'zh' ? 'zh' : 'en';
        printTables(out, res.tables, zh);
        if (!cells) return;
        out.write('');
        const name = await regionNamer(ws, lang);
        printTable(out, res.rows, headsIn([
          { header: 'birth', value: (r) => r.birth }, { header: 'name', value: (r) => name(r.birth) ?? r.birth_name },
          { header: 'residence', value: (r) => r.residence }, { header: 'name', value: (r) => name(r.residence) ?? r.residence_name },
          { header: 'date', value: (r) => String(r.date) }, { header: 'count', value: (r) => r.count }, { header: 'persons', value: (r) => r.persons, digits: 0 },
          ...(res.tables.length > 1 ? [{ header: 'import', value: (r: (typeof res.rows)[number]) => r.import_id }] : []),
        ], zh), { limit: o.limit ?? 50, what: 'cells', lang: zh });
      }, { create: false });
    });
}

/** The tables with what their numbers are: one line each for unit, definition and source. */
function printTables(out: Out, tables: readonly StockTableInfo[], lang: CliLang): void {
  printTable(out, tables, headsIn([
    { header: 'import', value: (t) => t.importId }, { header: 'date', value: (t) => String(t.date) }, { header: 'cells', value: (t) => t.cells },
    { header: 'regions', value: (t) => t.regions }, { header: 'unit', value: (t) => (t.samplingRate === null ? t.unit : (lang === 'zh' ? `抽样（${t.samplingRate}）` : `sample (${t.samplingRate})`)) },
    { header: 'total', value: (t) => t.total }, { header: 'persons', value: (t) => t.persons, digits: 0 }, { header: 'diagonal', value: (t) => t.diagonal },
  ], lang), { what: 'stock tables', lang });
  // The definition and source are the data's own text, as imported: in Chinese where the import
  // gave a Chinese line too (--definition-zh, --source-zh), else as stored.
  const said = (t: StockTableInfo) => (lang === 'zh' ? [t.definitionZh ?? t.definition, t.sourceZh ?? t.source] : [t.definition, t.source]);
  for (const d of [...new Set(tables.map((t) => said(t).join('\u0000')))]) {
    const [definition, source] = d.split('\u0000');
    const ids = tables.filter((t) => said(t).join('\u0000') === d).map((t) => `#${t.importId} ${t.date}`);
    out.write(lang === 'zh' ? `${ids.join('、')}：${definition}。来源：${source}` : `${ids.join(', ')}: ${definition}. Source: ${source}`);
  }
}

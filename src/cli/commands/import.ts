import { Command, Option } from 'commander';
import { importFlows, type ImportSummary } from '../../store/import/import-flows.ts';
import { importGeometry } from '../../store/import/import-geometry.ts';
import { importGroups } from '../../store/import/import-groups.ts';
import { importIndicators } from '../../store/import/import-indicators.ts';
import { importPersons } from '../../store/import/import-persons.ts';
import { importRegions } from '../../store/import/import-regions.ts';
import { importStocks } from '../../store/import/import-stocks.ts';
import { withWorkspace } from '../../store/workspace.ts';
import type { StockUnit } from '../../store/import/stock-options.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { progressBar } from '../progress.ts';
import { coded } from '../../core/messages/index.ts';
import { messageLangOption, said, type CliLang } from '../lang.ts';
import { noteLine } from '../model-summary.ts';

const KINDS = ['regions', 'flows', 'indicators', 'stocks', 'persons', 'groups', 'geometry'] as const;

export function importCommand(): Command {
  return withCommon(new Command('import'))
    .description('import a file into the workspace in one transaction: on any error nothing is written')
    .addArgument(new Command().createArgument('<kind>', 'what the file holds').choices(KINDS))
    .argument('<file>', 'CSV (UTF-8 or GB18030/GBK), .xlsx, .parquet, .jsonl or .geojson')
    .option('--map <pairs>', 'column mapping, e.g. origin=orig,destination=dest,count=flow')
    .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'xlsx', 'parquet', 'jsonl', 'geojson']))
    .option('--encoding <name>', 'text encoding of a CSV (default: detected; e.g. utf-8, gb18030, gbk)')
    .option('--delimiter <char>', 'CSV delimiter (default: detected)')
    .option('--sheet <name>', 'xlsx sheet (default: the first)')
    .option('--period <period>', 'period of every row when the file has none (2019 or 2010-2020)')
    .option('--cohort <columns>', 'flows: columns holding cohort attributes, comma-separated')
    .option('--wide', 'flows, stocks: the file is a matrix, one row per origin (birth) and one column per destination (residence)')
    .option('--sum-duplicates', 'flows: add up rows that repeat an origin-destination-period instead of refusing')
    .option('--level <level>', 'regions: level of the regions when the file has no level column')
    .option('--parent-level <level>', 'regions: level of parents built from a parent-name column')
    .option('--root <code>', 'regions: parent of regions that have none (e.g. CN; created if unknown)')
    .option('--no-registry', 'regions: take no English names, country or groups (China: northeast, east, central, west) from the bundled registry the file matches')
    .option('--no-indicators', 'regions: do not import name_YYYY columns as indicators')
    .option('--unit <unit>', 'indicators: unit of every value when the file has no unit column; stocks: persons (default) or sample')
    .option('--source <text>', 'flows, indicators, stocks: source line stored with the values (default: the file name)')
    .option('--source-zh <text>', 'flows, indicators, stocks: the source line in Chinese, stored beside --source (the dashboard cites it on its Chinese page)')
    .option('--date <year>', 'stocks: census year of every row when the file has none')
    .option('--sampling-rate <rate>', 'stocks with --unit sample: fraction sampled, e.g. 0.1, or per date 2000=0.095,2010=0.1')
    .option('--definition <text>', 'stocks: what the counts are, shown wherever they are (default: population by region of birth and region of residence)')
    .option('--definition-zh <text>', 'stocks: the definition in Chinese, stored beside --definition (shown under --lang zh and on the Chinese page)')
    .addOption(new Option('--rows <role>', 'stocks, wide matrix: what its rows are (default: from the first column header, 出生地 or 现住地)').choices(['birth', 'residence']))
    .option('--key <property>', 'geometry: feature property that names the region')
    .option('--synthetic', 'persons: mark the records as synthetic (generated, not real people)')
    .option('--replace', 'replace stored rows with the same keys (and an earlier import of the same file)')
    .addOption(messageLangOption())
    .addHelpText('after', `
Examples:
  talentflow import regions census_city_2010-2020.csv          # cities with WKT boundaries; provinces built from them
  talentflow import flows yearbook.csv --encoding gb18030       # 迁出地,迁入地,年份,人数 headers are recognised
  talentflow import flows matrix.xlsx --wide --period 2015      # one row per origin, one column per destination
  talentflow import flows od.csv --map origin=from_city,destination=to_city,count=n --period 2010-2020
  talentflow import indicators wages.csv --unit yuan/month
  talentflow import stocks census_birthplace_2000_2010.csv --unit sample --sampling-rate 2000=0.095,2010=0.1 \\
      --definition "census lifetime migrants (birthplace -> residence), long-form sample counts"
  talentflow import persons graduates_2016.xlsx`)
    .action(async (kind: (typeof KINDS)[number], file: string, o: Record<string, unknown>, cmd: Command) => {
      const { workspace, json } = common(cmd);
      const bar = progressBar(!json);
      const stage = {
        format: o.format as never, encoding: o.encoding as string | undefined, sheet: o.sheet as string | undefined,
        delimiter: o.delimiter as string | undefined, onProgress: bar.update,
      };
      const replace = Boolean(o.replace);
      let summary: ImportSummary;
      try {
        summary = await withWorkspace(workspace, async (ws) => {
          switch (kind) {
            case 'regions':
              return importRegions(ws, file, { ...stage, map: o.map as string, level: o.level as string, parentLevel: o.parentLevel as string, root: o.root as string, registry: o.registry as boolean, indicators: o.indicators as boolean, source: o.source as string, replace });
            case 'flows':
              return importFlows(ws, file, { ...stage, map: o.map as string, period: o.period as string, cohort: o.cohort ? String(o.cohort).split(',') : undefined, wide: o.wide as boolean, sumDuplicates: o.sumDuplicates as boolean, source: o.source as string | undefined, sourceZh: o.sourceZh as string | undefined, replace });
            case 'indicators':
              return importIndicators(ws, file, { ...stage, map: o.map as string, period: o.period as string, unit: o.unit as string, source: o.source as string, sourceZh: o.sourceZh as string | undefined, replace });
            case 'stocks':
              return importStocks(ws, file, {
                ...stage, map: o.map as string, date: o.date as string | undefined, unit: o.unit as StockUnit | undefined, samplingRate: o.samplingRate as string | undefined,
                definition: o.definition as string | undefined, definitionZh: o.definitionZh as string | undefined, source: o.source as string | undefined, sourceZh: o.sourceZh as string | undefined, wide: o.wide as boolean | undefined, rowsAre: o.rows as 'birth' | 'residence' | undefined, replace,
              });
            case 'persons':
              return importPersons(ws, file, { ...stage, map: o.map as string, synthetic: o.synthetic as boolean, replace });
            case 'groups':
              return importGroups(ws, file, { replace });
            case 'geometry':
              return importGeometry(ws, file, { key: o.key as string, replace });
          }
        });
      } finally {
        bar.stop();
      }
      const out = outFor(cmd);
      if (out.json) return printJson(out, summary);
      const lang = (o.lang ?? 'en') as CliLang;
      const done = coded('import.done', { rows: summary.rows, kind, file, format: summary.format, encoding: summary.encoding && summary.encoding !== 'utf-8' ? summary.encoding : null, importId: summary.importId, workspace });
      out.write(said(done.message, done, lang));
      // The notes coded where the import codes them (core/messages/import.ts): each in `lang`.
      const notes = summary.messages?.notes.length === summary.notes.length ? summary.messages.notes : [];
      summary.notes.forEach((n, i) => out.write(`  ${noteLine(n, notes[i], lang)}`));
    });
}

import { Command } from 'commander';
import { indicatorCatalogue, listIndicators } from '../../store/queries/list-indicators.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { checkOptions, emptyNote } from '../validate.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { headsIn } from '../heads.ts';
import { indicatorZh, unitZh } from '../../core/messages/indicator-zh.ts';

export function indicatorsCommand(): Command {
  return withCommon(new Command('indicators'))
    .description('list indicator values of regions, or the catalogue of indicators when no name is given')
    .argument('[names]', 'indicator name(s), comma-separated (e.g. population), or the column header they were read from')
    .option('--name <name>', 'an indicator by its name or column header as written in the file, e.g. "城镇非私营单位平均工资（元）" (commas allowed)')
    .option('--within <region>', 'only regions inside this region or group')
    .option('--level <level>', 'only regions of this level')
    .option('--period <period>', 'only this period')
    .option('--limit <n>', 'at most n rows', intOption)
    .addOption(langAllOption())
    .addHelpText('after', '\nExamples:\n  talentflow indicators\n  talentflow indicators population --within northeast --level city --period 2020\n  talentflow indicators --name "城镇非私营单位平均工资（元）"')
    .action(async (given: string | undefined, o: { name?: string; within?: string; level?: string; period?: string; limit?: number; lang?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      // --name is taken whole (a header may hold a comma); the argument may list several names.
      const names = o.name !== undefined ? [o.name] : given;
      const lang = o.lang === 'zh' ? 'zh' : 'en';
      // Indicators and units by their Chinese names under zh (the Rankings tab's); an id without one as stored.
      const indicator = (id: string) => (lang === 'zh' ? indicatorZh(id, null) : id);
      const unit = (u: string | null) => (lang === 'zh' && u ? unitZh(u) : u);
      await withWorkspace(workspace, async (ws) => {
        if (!names && !o.within && !o.level && !o.period) {
          const cat = await indicatorCatalogue(ws);
          if (out.json) return printJson(out, cat);
          printTable(out, cat, headsIn([
            { header: 'indicator', value: (c) => indicator(c.name) }, { header: 'unit', value: (c) => unit(c.unit) }, { header: 'regions', value: (c) => c.regions },
            { header: 'periods', value: (c) => (c.periods.length > 4 ? `${c.periods[0]} … ${c.periods[c.periods.length - 1]} (${c.periods.length})` : c.periods.join(', ')) },
          ], lang), { what: 'indicators', lang });
          return;
        }
        const q = await checkOptions(ws, o, { level: 'level', period: 'indicators' });
        const rows = await listIndicators(ws, { name: names, within: o.within, level: q.level, period: q.period, limit: out.json ? o.limit : undefined });
        if (out.json) return printJson(out, rows);
        const name = await regionNamer(ws, o.lang);
        printTable(out, rows, headsIn([
          { header: 'region', value: (r) => r.region }, { header: 'name', value: (r) => name(r.region) ?? r.region_name }, { header: 'indicator', value: (r) => indicator(r.name) },
          { header: 'period', value: (r) => r.period }, { header: 'value', value: (r) => r.value }, { header: 'unit', value: (r) => unit(r.unit) },
        ], lang), { limit: o.limit ?? 50, what: 'values', lang });
        if (!rows.length) out.write(await emptyNote(ws, 'indicators', lang));
      }, { create: false });
    });
}

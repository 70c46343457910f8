import { Command } from 'commander';
import { indicatorCatalogue, listIndicators, withWorkspace } from '../../store/index.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, printTable } from '../output.ts';

export function indicatorsCommand(): Command {
  return withCommon(new Command('indicators'))
    .description('list indicator values of regions, or the catalogue of indicators when no name is given')
    .argument('[names]', 'indicator name(s), comma-separated (e.g. population)')
    .option('--within <region>', 'only regions inside this region or group')
    .option('--level <level>', 'only regions of this level')
    .option('--period <period>', 'only this period')
    .option('--limit <n>', 'at most n rows', intOption)
    .addHelpText('after', '\nExamples:\n  talentflow indicators\n  talentflow indicators population --within northeast --level city --period 2020')
    .action(async (names: string | undefined, o: { within?: string; level?: string; period?: string; limit?: number }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      await withWorkspace(workspace, async (ws) => {
        if (!names && !o.within && !o.level && !o.period) {
          const cat = await indicatorCatalogue(ws);
          if (out.json) return printJson(out, cat);
          printTable(out, cat, [
            { header: 'indicator', value: (c) => c.name }, { header: 'unit', value: (c) => c.unit }, { header: 'regions', value: (c) => c.regions },
            { header: 'periods', value: (c) => (c.periods.length > 4 ? `${c.periods[0]} … ${c.periods[c.periods.length - 1]} (${c.periods.length})` : c.periods.join(', ')) },
          ], { what: 'indicators' });
          return;
        }
        const rows = await listIndicators(ws, { name: names, within: o.within, level: o.level, period: o.period, limit: out.json ? o.limit : undefined });
        if (out.json) return printJson(out, rows);
        printTable(out, rows, [
          { header: 'region', value: (r) => r.region }, { header: 'name', value: (r) => r.region_name }, { header: 'indicator', value: (r) => r.name },
          { header: 'period', value: (r) => r.period }, { header: 'value', value: (r) => r.value }, { header: 'unit', value: (r) => r.unit },
        ], { limit: o.limit ?? 50, what: 'values' });
      }, { create: false });
    });
}

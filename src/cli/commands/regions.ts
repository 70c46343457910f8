import { Command } from 'commander';
import { listGroups, listRegions } from '../../store/queries/list-regions.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { checkOptions, emptyRegionsNote } from '../validate.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { headsIn } from '../heads.ts';
import { levelZh } from '../../core/messages/level-zh.ts';

export function regionsCommand(): Command {
  return withCommon(new Command('regions'))
    .description('search and list regions of the workspace (and its region groups with --groups)')
    .argument('[search]', 'text to find in codes, Chinese or English names and aliases')
    .option('--level <level>', 'only this level (country, province, sar, city, county...)')
    .option('--within <region>', 'only regions inside this region or group (code or name, e.g. 辽宁 or northeast)')
    .option('--geometry', 'include boundaries (GeoJSON) in --json output')
    .option('--groups', 'list the region groups instead')
    .option('--limit <n>', 'at most n rows', intOption)
    .addOption(langAllOption())
    .addHelpText('after', '\nExamples:\n  talentflow regions 沈阳\n  talentflow regions --within northeast --level city\n  talentflow regions --level province --json')
    .action(async (search: string | undefined, o: { level?: string; within?: string; geometry?: boolean; groups?: boolean; limit?: number; lang?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const lang = o.lang === 'zh' ? 'zh' : 'en';
      await withWorkspace(workspace, async (ws) => {
        if (o.groups) {
          const groups = await listGroups(ws);
          if (out.json) return printJson(out, groups);
          printTable(out, groups, headsIn([
            { header: 'code', value: (g) => g.code }, { header: 'name', value: (g) => g.name_zh }, { header: 'name (en)', value: (g) => g.name_en },
            { header: 'members', value: (g) => g.members.length }, { header: 'member codes', value: (g) => g.members.join(' ') },
          ], lang), { what: 'groups', lang });
          return;
        }
        const { level } = await checkOptions(ws, o, { level: 'level' });
        const rows = await listRegions(ws, { search, level, within: o.within, geometry: o.geometry && out.json, limit: out.json ? o.limit : undefined });
        if (out.json) return printJson(out, rows);
        const name = await regionNamer(ws, o.lang);
        printTable(out, rows, headsIn([
          { header: 'code', value: (r) => r.code }, { header: 'name', value: (r) => name(r.code) }, { header: o.lang === 'zh' ? 'name (en)' : 'name (zh)', value: (r) => (o.lang === 'zh' ? r.name_en : r.name_zh) },
          { header: 'level', value: (r) => (lang === 'zh' ? levelZh(r.level) : r.level) }, { header: 'parent', value: (r) => r.parent },
          { header: 'lon', value: (r) => r.centroid_lon, digits: 3 }, { header: 'lat', value: (r) => r.centroid_lat, digits: 3 },
          { header: 'area km²', value: (r) => r.area_km2, digits: 0 },
        ], lang), { limit: o.limit ?? 50, what: 'regions', lang });
        if (!rows.length && search) out.write(await emptyRegionsNote(ws, search, lang));
      }, { create: false });
    });
}

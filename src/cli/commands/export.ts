import { Command, Option } from 'commander';
import { exportFormatOf, writeRows } from '../../store/queries/export-rows.ts';
import { listIndicators } from '../../store/queries/list-indicators.ts';
import { listRegions } from '../../store/queries/list-regions.ts';
import { queryFlows } from '../../store/queries/query-flows.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { regionNamer } from '../region-names.ts';
import { checkOptions } from '../validate.ts';

export function exportCommand(): Command {
  return withCommon(new Command('export'))
    .description('write regions, flows, indicators or person records to CSV, Parquet, JSON or JSON lines')
    .addArgument(new Command().createArgument('<what>', 'what to export').choices(['regions', 'flows', 'indicators', 'persons']))
    .argument('<file>', 'output file; the format follows the extension (.csv .parquet .json .jsonl)')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'parquet', 'json', 'jsonl']))
    .option('--within <region>', 'regions/indicators: only inside this region or group')
    .option('--level <level>', 'regions/indicators: only this level; flows: roll up to this level')
    .option('--origin <region>', 'flows: origin filter')
    .option('--destination <region>', 'flows: destination filter')
    .option('--group <group>', 'flows: either end inside this group')
    .option('--period <period>', 'flows/indicators: only this period')
    .option('--geometry', 'regions: include boundaries as GeoJSON text')
    .addOption(new Option('--lang <lang>', 'flows/indicators: the name columns in en or zh (default: each region in its own language, e.g. 서울특별시, 沈阳市, as the CLI\'s tables; regions keep both name_zh and name_en)').choices(['en', 'zh']))
    .action(async (what: string, file: string, o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { workspace } = common(cmd);
      const format = exportFormatOf(file, o.format as string | undefined);
      const s = (k: string) => o[k] as string | undefined;
      const n = await withWorkspace(workspace, async (ws) => {
        let rows: Record<string, unknown>[];
        const periodOf = what === 'flows' ? 'flows' : what === 'indicators' ? 'indicators' : undefined;
        const checked = await checkOptions(ws, { level: s('level'), period: s('period') }, { level: 'level', period: periodOf });
        const c = (k: string) => (k === 'level' ? checked.level : k === 'period' ? checked.period : s(k));
        // Names of flows' and indicators' regions, as the CLI's tables give them (--lang).
        const name = what === 'flows' || what === 'indicators' ? await regionNamer(ws, s('lang')) : () => null;
        if (what === 'regions') rows = (await listRegions(ws, { within: s('within'), level: c('level'), geometry: Boolean(o.geometry) })) as unknown as Record<string, unknown>[];
        else if (what === 'flows') {
          rows = (await queryFlows(ws, { origin: s('origin'), destination: s('destination'), group: s('group'), period: c('period'), level: c('level'), provenance: true })).rows
            .map((r) => ({ ...r, origin_name: name(r.origin) ?? r.origin_name, destination_name: name(r.destination) ?? r.destination_name }));
        } else if (what === 'indicators') {
          rows = (await listIndicators(ws, { within: s('within'), level: c('level'), period: c('period') })).map((r) => ({ ...r, region_name: name(r.region) ?? r.region_name }));
        }
        else rows = await ws.db.all('SELECT id, year, university, degree, major, home_region, study_region, destination, employer_type, monthly_salary, synthetic FROM persons ORDER BY year, university, id');
        return writeRows(ws.db, rows, file, format);
      }, { create: false });
      const out = outFor(cmd);
      if (out.json) printJson(out, { file, format, rows: n });
      else out.write(`Wrote ${n.toLocaleString('en-US')} ${what} to ${file} (${format})`);
    });
}

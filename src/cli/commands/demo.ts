import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { createDemoWorkspace } from '../../store/demo.ts';
import { listIndicators } from '../../store/queries/list-indicators.ts';
import { queryFlows } from '../../store/queries/query-flows.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson, renderTable } from '../output.ts';
import { langOption, regionNamer, type RegionNamer } from '../region-names.ts';

export function demoCommand(): Command {
  return withCommon(new Command('demo'))
    .description('build a workspace from the bundled real data (China census cities and provinces, Korea, Austria, New York) and show it')
    .option('--force', 'rebuild the demo workspace even if it exists')
    .option('--no-estimate', 'leave out the China province flows 2000-2010 estimated from the census birthplace tables (and the model fitted to them)')
    .option('--no-cohort', 'leave out the synthetic graduate cohort')
    .addOption(langOption())
    .action(async (o: { force?: boolean; estimate: boolean; cohort: boolean; lang?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      let imports = null;
      if (!existsSync(workspace) || o.force || !(await isDemo(workspace))) {
        if (!out.json) out.write(`Building the demo workspace ${workspace} from the bundled data…`);
        imports = await createDemoWorkspace(workspace, { force: o.force, noEstimate: !o.estimate, noCohort: !o.cohort, onStep: (set, file) => !out.json && process.stderr.isTTY && process.stderr.write(`  ${set}/${file}\n`) });
      }
      // Region names as the listing commands give them: each in its own language (서울특별시,
      // 辽宁省) unless --lang asks for English or Chinese.
      const [summary, name] = await withWorkspace(workspace, async (ws): Promise<[DemoSummary, RegionNamer]> => [await demoSummary(ws), await regionNamer(ws, o.lang)]);
      if (out.json) return printJson(out, { workspace, built: imports !== null, ...summary });
      out.write(`\nWorkspace ${workspace}${imports ? ' (just built)' : ' (existing demo; --force rebuilds it)'}\n`);
      out.write(renderTable(summary.sets, [
        { header: 'country', value: (s) => s.country }, { header: 'regions', value: (s) => s.regions }, { header: 'levels', value: (s) => s.levels },
        { header: 'flows', value: (s) => s.flows }, { header: 'periods', value: (s) => s.periods }, { header: 'indicator values', value: (s) => s.indicators },
      ]));
      out.write('\nNortheast China: population by province, censuses 2010 and 2020');
      out.write(renderTable(summary.northeast, [
        { header: 'code', value: (r) => r.code }, { header: 'province', value: (r) => name(r.code) ?? r.name }, { header: '2010', value: (r) => r.p2010 },
        { header: '2020', value: (r) => r.p2020 }, { header: 'change', value: (r) => r.p2020 - r.p2010 }, { header: '%', value: (r) => (100 * (r.p2020 - r.p2010)) / r.p2010, digits: 1 },
      ]));
      out.write('\nKorea 2020: largest flows between regions (KOSIS)');
      out.write(renderTable(summary.koreaTop, [
        { header: 'origin', value: (r) => name(r.origin) ?? r.origin_name }, { header: 'destination', value: (r) => name(r.destination) ?? r.destination_name }, { header: 'persons', value: (r) => r.count },
      ]));
      out.write(`\nTry:
  talentflow regions --within northeast --level city -w ${workspace}
  talentflow flows --origin Seoul --period 2020 --no-intra -w ${workspace}
  talentflow indicators population --within 辽宁 --period 2020 -w ${workspace}`);
    });
}

async function isDemo(path: string): Promise<boolean> {
  return withWorkspace(path, async (ws) => Boolean(await ws.db.one("SELECT value FROM meta WHERE key = 'demo'")));
}

type DemoSummary = Awaited<ReturnType<typeof demoSummary>>;

async function demoSummary(ws: Parameters<Parameters<typeof withWorkspace>[1]>[0]) {
  const sets = await ws.db.all<{ country: string; regions: bigint; levels: string; flows: bigint; periods: string; indicators: bigint }>(`
    WITH top AS (SELECT a.code, a.ancestor AS country FROM region_ancestors a WHERE a.ancestor_level = 'country')
    SELECT coalesce(c.name_en, c.code) AS country,
      (SELECT count(*) FROM top WHERE top.country = c.code) AS regions,
      (SELECT string_agg(DISTINCT r.level, ', ') FROM regions r JOIN top ON top.code = r.code WHERE top.country = c.code) AS levels,
      (SELECT count(*) FROM flows f JOIN top ON top.code = f.origin WHERE top.country = c.code) AS flows,
      (SELECT coalesce(min(period) || CASE WHEN min(period) <> max(period) THEN ' … ' || max(period) ELSE '' END, '') FROM flows f JOIN top ON top.code = f.origin WHERE top.country = c.code) AS periods,
      (SELECT count(*) FROM indicators i JOIN top ON top.code = i.region WHERE top.country = c.code) AS indicators
    FROM regions c WHERE c.level = 'country' ORDER BY c.code`);
  const pops = await listIndicators(ws, { name: 'population', within: 'northeast', level: 'province' });
  const northeast = [...new Set(pops.map((p) => p.region))].map((code) => {
    const get = (y: string) => pops.find((p) => p.region === code && p.period === y)?.value ?? NaN;
    return { code, name: pops.find((p) => p.region === code)?.region_name ?? code, p2010: get('2010'), p2020: get('2020') };
  });
  const koreaTop = (await queryFlows(ws, { origin: 'KR', period: '2020', intra: false, limit: 5 })).rows;
  return {
    sets: sets.map((s) => ({ ...s, regions: Number(s.regions), flows: Number(s.flows), indicators: Number(s.indicators) })),
    northeast,
    koreaTop,
  };
}

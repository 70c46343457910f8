import { Command } from 'commander';
import { queryFlows } from '../../store/queries/query-flows.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { checkOptions, emptyNote } from '../validate.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { headsIn } from '../heads.ts';
import { levelZh } from '../../core/messages/level-zh.ts';

export function flowsCommand(): Command {
  return withCommon(new Command('flows'))
    .description('list origin-destination flows, filtered and optionally rolled up to a level of the hierarchy')
    .option('--origin <region>', 'flows leaving this region or group, or any region inside it')
    .option('--destination <region>', 'flows arriving in this region or group, or any region inside it')
    .option('--group <group>', 'flows with either end inside this group or region (e.g. northeast)')
    .option('--period <period>', 'only this period (2019 or 2010-2020)')
    .option('--cohort <cohort>', 'only this cohort, as stored (e.g. "education=bachelor")')
    .option('--level <level>', 'roll both ends up to this level (e.g. province) and sum')
    .option('--no-intra', 'leave out flows whose two ends are the same unit')
    .option('--limit <n>', 'at most n rows', intOption)
    .addOption(langAllOption())
    .addHelpText('after', '\nExamples:\n  talentflow flows --origin Seoul --period 2020\n  talentflow flows --group northeast --level province\n  talentflow flows --origin KR --level country --no-intra --json')
    .action(async (o: { origin?: string; destination?: string; group?: string; period?: string; cohort?: string; level?: string; intra: boolean; limit?: number; lang?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      await withWorkspace(workspace, async (ws) => {
        const { lang, ...q } = await checkOptions(ws, o, { level: 'level', period: 'flows', cohort: true });
        const res = await queryFlows(ws, { ...q, limit: out.json ? o.limit : undefined });
        const name = await regionNamer(ws, lang);
        if (out.json) return printJson(out, res);
        const zh = lang === 'zh';
        printTable(out, res.rows, headsIn([
          { header: 'origin', value: (r) => r.origin }, { header: 'name', value: (r) => name(r.origin) ?? r.origin_name },
          { header: 'destination', value: (r) => r.destination }, { header: 'name', value: (r) => name(r.destination) ?? r.destination_name },
          { header: 'period', value: (r) => r.period }, ...(res.rows.some((r) => r.cohort) ? [{ header: 'cohort', value: (r: (typeof res.rows)[number]) => r.cohort }] : []),
          { header: 'count', value: (r) => r.count, digits: 0 }, { header: 'intra', value: (r) => r.intra },
        ], zh ? 'zh' : 'en'), { limit: o.limit ?? 50, what: 'flows', lang: zh ? 'zh' : 'en' });
        if (res.dropped) out.write(zh ? `说明：${res.dropped} 条流动有一端在${levelZh(q.level ?? '')}没有上级地区，未纳入` : `note: ${res.dropped} flows have an end with no ancestor at level ${q.level} and are left out`);
        if (!res.rows.length) out.write(await emptyNote(ws, 'flows', zh ? 'zh' : 'en'));
      }, { create: false });
    });
}

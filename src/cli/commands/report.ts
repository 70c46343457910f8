import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { graduatePage, regionLabels, selectGraduateReport } from '../../report/index.ts';
import * as store from '../../store/index.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { printGraduateTable } from './report/graduates-table.ts';

interface GraduateOptions {
  university?: string;
  province?: string;
  year?: number;
  compare?: string;
  degree?: string;
  major?: string;
  format: 'table' | 'json' | 'html';
  out?: string;
  lang: 'zh' | 'en';
}

export function reportCommand(): Command {
  const report = new Command('report').description('reports built from the workspace');
  report.addCommand(withCommon(new Command('graduates'))
    .description('graduate destination report (headcount, outcomes, stay shares, destinations, employer types, salaries, against the previous year) from person records')
    .option('--university <name>', 'university as stored (e.g. "Northeastern University"), or NEU / 东北大学 / DUT / 大连理工大学')
    .option('--province <region>', 'study province (code or name, e.g. 辽宁)')
    .option('--year <year>', 'graduation year (default: the latest in the selection)', intOption)
    .option('--compare <year>', 'year compared with (default: the previous year; "none" for no comparison)')
    .option('--degree <degree>', 'only this degree (bachelor, master, doctor)')
    .option('--major <major>', 'only this major')
    .addOption(new Option('--format <format>', 'table, json (the library\'s GraduateReport) or html (one printable page)').choices(['table', 'json', 'html']).default('table'))
    .option('--out <file>', 'html: file to write (default graduate-report-YEAR.html)')
    .addOption(new Option('--lang <lang>', 'html: zh (Chinese with English subtitles) or en').choices(['zh', 'en']).default('zh'))
    .addHelpText('after', '\nExamples:\n  talentflow report graduates --university NEU --year 2016\n  talentflow report graduates --province 辽宁 --year 2016 --format html --out liaoning-2016.html\n  talentflow report graduates --university DUT --year 2016 --json')
    .action(async (o: GraduateOptions, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const format = out.json ? 'json' : o.format;
      await store.withWorkspace(workspace, async (ws) => {
        const selected = await selectGraduateReport(ws, o, store);
        const result = selected.report;
        if (format === 'json') return printJson(out, result);
        if (format === 'table') return printGraduateTable(out, result, regionLabels(await store.listRegions(ws)));
        const { html, filename } = await graduatePage(ws, selected, o.lang, store);
        const file = o.out ?? filename;
        await writeFile(file, html);
        out.write(`${result.synthetic ? 'SYNTHETIC DATA · ' : ''}wrote ${file} (${(html.length / 1024).toFixed(0)} KB): ${result.headcount.suppressed ? `fewer than ${result.privacy?.k}` : (result.headcount.count ?? 0).toLocaleString('en-US')} graduates of ${result.year}`);
      }, { create: false });
    }));
  return report;
}

import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { graduatePage, regionLabels, selectGraduateReport } from '../../report/index.ts';
import * as store from '../../store/index.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { htmlToPdf } from '../pdf.ts';
import { printGraduateTable } from './report/graduates-table.ts';

interface GraduateOptions {
  university?: string;
  province?: string;
  year?: number;
  compare?: string;
  degree?: string;
  major?: string;
  format: 'table' | 'json' | 'html' | 'pdf';
  out?: string;
  chromium?: string;
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
    .addOption(new Option('--format <format>', 'table, json (the library\'s GraduateReport), html (one printable page) or pdf (that page on A4, printed by the Chromium or Chrome installed here)').choices(['table', 'json', 'html', 'pdf']).default('table'))
    .option('--out <file>', 'html, pdf: file to write (default graduate-report-YEAR.html or .pdf)')
    .option('--chromium <path>', 'pdf: the browser that prints it (default: CHROMIUM_PATH, then /usr/bin/chromium and the usual places)')
    .addOption(new Option('--lang <lang>', 'html, pdf: zh (Chinese headings and notes, the English under each) or en; table: given as zh, Chinese headings, notes and errors (without it English headings with the Chinese terms)').choices(['zh', 'en']).default('zh'))
    .addHelpText('after', '\nExamples:\n  talentflow report graduates --university NEU --year 2016\n  talentflow report graduates --province 辽宁 --year 2016 --format html --out liaoning-2016.html\n  talentflow report graduates --university NEU --year 2016 --format pdf\n  talentflow report graduates --university DUT --year 2016 --json')
    .action(async (o: GraduateOptions, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const format = out.json ? 'json' : o.format;
      await store.withWorkspace(workspace, async (ws) => {
        const selected = await selectGraduateReport(ws, o, store);
        const result = selected.report;
        if (format === 'json') return printJson(out, result);
        // The table is Chinese only when asked (--lang zh): zh is the default of the printable page.
        const tableLang = cmd.getOptionValueSource('lang') === 'cli' && o.lang === 'zh' ? 'zh' : 'mixed';
        if (format === 'table') return printGraduateTable(out, result, regionLabels(await store.listRegions(ws)), tableLang);
        const { html, filename } = await graduatePage(ws, selected, o.lang, store);
        const file = o.out ?? (format === 'pdf' ? filename.replace(/\.html$/, '.pdf') : filename);
        const bytes = format === 'pdf' ? await htmlToPdf(html, { chromium: o.chromium }) : html;
        await writeFile(file, bytes);
        out.write(`${result.synthetic ? 'SYNTHETIC DATA · ' : ''}wrote ${file} (${(bytes.length / 1024).toFixed(0)} KB): ${result.headcount.suppressed ? `fewer than ${result.privacy?.k}` : (result.headcount.count ?? 0).toLocaleString('en-US')} graduates of ${result.year}`);
      }, { create: false });
    }));
  return report;
}

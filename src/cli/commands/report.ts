import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { SpecError } from '../../core/errors.ts';
import { graduateReport } from '../../metrics/index.ts';
import { graduateReportHtml } from '../../report/index.ts';
import { listRegions, loadPersons, personCatalogue, provinceMap, resolveRegionRef, withWorkspace } from '../../store/index.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { printGraduateTable } from './report/graduates-table.ts';
import { universityName } from './report/universities.ts';

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
      await withWorkspace(workspace, async (ws) => {
        const university = o.university === undefined ? undefined : universityName(o.university);
        let studyProvince: string | undefined;
        if (o.province) {
          const ref = await resolveRegionRef(ws, o.province, 'province');
          if (ref.kind !== 'region') throw new SpecError(`"${o.province}" is a group; give one province`, 'province');
          studyProvince = ref.code;
        }
        const catalogue = await personCatalogue(ws);
        const years = catalogue.filter((c) => university === undefined || c.university === university).map((c) => c.year);
        if (!years.length) throw new SpecError(university ? `no person records of "${university}"; universities: ${[...new Set(catalogue.map((c) => c.university))].join(', ') || 'none'}` : 'the workspace holds no person records (`talentflow import persons FILE`, or `talentflow demo`)', 'university');
        const year = o.year ?? Math.max(...years);
        const previousYear = o.compare === undefined ? year - 1 : o.compare === 'none' ? null : Number(o.compare);
        if (previousYear !== null && !Number.isInteger(previousYear)) throw new SpecError(`must be a year or "none", got ${o.compare}`, 'compare');
        const records = await loadPersons(ws, { years: previousYear === null ? [year] : [year, previousYear], university });
        const provinces = await provinceMap(ws);
        const result = graduateReport(records, provinces, { year, university, studyProvince, degree: o.degree, major: o.major }, { previousYear });
        if (format === 'json') return printJson(out, result);
        const all = await listRegions(ws);
        const labels = Object.fromEntries(all.map((r) => [r.code, { name_zh: r.name_zh, name_en: r.name_en }]));
        if (format === 'table') return printGraduateTable(out, result, labels);
        // The map shows the provinces of the country of the leading destination.
        const lead = result.byProvince[0]?.code ?? studyProvince;
        const country = lead ? await ws.db.one<{ code: string }>("SELECT ancestor AS code FROM region_ancestors WHERE code = ? AND ancestor_level = 'country'", [lead]) : undefined;
        const shapes = country ? await listRegions(ws, { level: 'province', within: country.code, geometry: true }) : [];
        const html = graduateReportHtml({
          report: result,
          regions: labels,
          provinces: shapes.map((s) => ({ code: s.code, geometry: s.geometry as { type: string; coordinates: unknown } | null })),
          lang: o.lang,
          subject: university ?? (studyProvince ? (labels[studyProvince]?.name_zh ?? studyProvince) : undefined),
        });
        const file = o.out ?? `graduate-report-${year}.html`;
        await writeFile(file, html);
        out.write(`${result.synthetic ? 'SYNTHETIC DATA · ' : ''}wrote ${file} (${(html.length / 1024).toFixed(0)} KB): ${result.headcount.count.toLocaleString('en-US')} graduates of ${year}`);
      }, { create: false });
    }));
  return report;
}

import type { GraduateReport, KeyedCompared } from '../../../metrics/index.ts';
import { EMPLOYER_TYPES, fmtShare, fmtSigned } from '../../../report/index.ts';
import { printTable, renderTable, type Out } from '../../output.ts';

type Labels = Record<string, { name_zh: string | null; name_en: string | null }>;

/** The graduate report as terminal tables: headline, destinations, employer types, salaries. */
export function printGraduateTable(out: Out, r: GraduateReport, labels: Labels): void {
  const name = (c: string) => labels[c]?.name_zh ?? labels[c]?.name_en ?? c;
  if (r.synthetic) out.write('*** SYNTHETIC DATA 模拟数据: generated records, not real graduates ***');
  const sel = [r.selection.university, r.selection.studyProvince && `study province ${name(r.selection.studyProvince)}`, r.selection.degree, r.selection.major].filter(Boolean).join(' · ');
  out.write(`Graduates ${r.year}${sel ? ' · ' + sel : ''}${r.previousYear !== null ? ` · compared with ${r.previousYear}` : ''}\n`);
  const o = r.outcomes;
  const pct = (x: { share: number | null; previousShare: number | null; shareChangePp: number | null }) => [fmtShare(x.share), fmtShare(x.previousShare), fmtSigned(x.shareChangePp, 'pp', 1)];
  out.write(renderTable([
    ['graduates 毕业生', String(r.headcount.count), r.headcount.previousCount === null ? '' : String(r.headcount.previousCount), fmtSigned(r.headcount.countChange)],
    ['employed 就业', `${o.employed.count} (${fmtShare(o.employed.share)})`, ...pct(o.employed).slice(1)],
    ['further study 升学', `${o.furtherStudy.count} (${fmtShare(o.furtherStudy.share)})`, ...pct(o.furtherStudy).slice(1)],
    ['not employed 待就业', `${o.notEmployed.count} (${fmtShare(o.notEmployed.share)})`, ...pct(o.notEmployed).slice(1)],
    ['stayed in study province 留省', `${r.stayStudyProvince.stayed}/${r.stayStudyProvince.base} (${fmtShare(r.stayStudyProvince.share)})`, ...pct(r.stayStudyProvince).slice(1)],
    ['in home province 回生源省', `${r.stayHomeProvince.stayed}/${r.stayHomeProvince.base} (${fmtShare(r.stayHomeProvince.share)})`, ...pct(r.stayHomeProvince).slice(1)],
    ['median monthly salary 月薪中位数', String(r.salary.overall.median ?? ''), String(r.salary.overall.previous?.median ?? ''), fmtSigned(r.salary.overall.medianChange)],
  ], [{ header: '', value: (x) => x[0] }, { header: String(r.year), value: (x) => x[1] }, { header: String(r.previousYear ?? ''), value: (x) => x[2] }, { header: 'change', value: (x) => x[3] }]));
  const compared = (title: string, rows: KeyedCompared[], label: (c: string) => string, limit: number) => {
    out.write(`\n${title}`);
    printTable(out, rows, [
      { header: 'code', value: (x) => x.code }, { header: 'name', value: (x) => label(x.code) }, { header: 'count', value: (x) => x.count },
      { header: 'share %', value: (x) => (x.share === null ? null : 100 * x.share), digits: 1 },
      { header: 'previous', value: (x) => x.previousCount }, { header: 'change pp', value: (x) => x.shareChangePp, digits: 1 },
    ], { limit, what: 'rows' });
  };
  compared('Destinations by province 就业省份 (share of the employed)', r.byProvince, name, 10);
  compared('Employer types 单位性质', r.employerTypes, (c) => EMPLOYER_TYPES[c]?.zh ?? c, 10);
  out.write('\nMonthly salary by destination province 月薪 (R type 7 quartiles)');
  printTable(out, [r.salary.overall, ...r.salary.byProvince], [
    { header: 'province', value: (x) => (x.code === 'all' ? 'all' : name(x.code)) }, { header: 'n', value: (x) => x.n }, { header: 'Q1', value: (x) => x.q1 },
    { header: 'median', value: (x) => x.median }, { header: 'Q3', value: (x) => x.q3 }, { header: 'median change', value: (x) => x.medianChange },
  ], { limit: 9, what: 'rows' });
  for (const w of r.warnings) out.error(`warning: ${w}`);
  if (r.synthetic) out.write('*** SYNTHETIC DATA: do not read findings from these numbers ***');
}

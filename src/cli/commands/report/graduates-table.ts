import type { GraduateReport, KeyedCompared } from '../../../metrics/index.ts';
import { EMPLOYER_TYPES, fmtShare, fmtSigned, suppressedMark } from '../../../report/index.ts';
import { printTable, renderTable, type Out } from '../../output.ts';

type Labels = Record<string, { name_zh: string | null; name_en: string | null }>;

/**
 * The graduate report as terminal tables: headline, destinations, employer types, salaries. A
 * value hidden by small-cell suppression reads "suppressed (<k)" (the report's privacy.k).
 */
export function printGraduateTable(out: Out, r: GraduateReport, labels: Labels): void {
  const name = (c: string) => labels[c]?.name_zh ?? labels[c]?.name_en ?? c;
  const hidden = r.privacy ? suppressedMark(r.privacy.k, 'en') : '';
  const or = <T>(value: T, isHidden: boolean): T | string => (isHidden ? hidden : value);
  if (r.synthetic) out.write('*** SYNTHETIC DATA 合成数据: generated records, not real graduates ***');
  const sel = [r.selection.university, r.selection.studyProvince && `study province ${name(r.selection.studyProvince)}`, r.selection.degree, r.selection.major].filter(Boolean).join(' · ');
  out.write(`Graduates ${r.year}${sel ? ' · ' + sel : ''}${r.previousYear !== null ? ` · compared with ${r.previousYear}` : ''}\n`);
  const o = r.outcomes;
  type Row = { share: number | null; previousShare: number | null; shareChangePp: number | null; suppressed: boolean; previousSuppressed: boolean };
  const pct = (x: Row) => [or(fmtShare(x.previousShare), x.previousSuppressed), or(fmtSigned(x.shareChangePp, 'pp', 1), x.suppressed || x.previousSuppressed)];
  const counted = (x: Row & { count: number | null }) => (x.suppressed ? hidden : `${x.count} (${fmtShare(x.share)})`);
  const stay = (x: GraduateReport['stayStudyProvince']) => (x.suppressed ? hidden : `${x.stayed}/${x.base} (${fmtShare(x.share)})`);
  const h = r.headcount;
  const s = r.salary.overall;
  out.write(renderTable([
    ['graduates 毕业生', String(or(h.count, h.suppressed)), h.previousSuppressed ? hidden : h.previousCount === null ? '' : String(h.previousCount), String(or(fmtSigned(h.countChange), h.suppressed || h.previousSuppressed))],
    ['employed 就业', counted(o.employed), ...pct(o.employed)],
    ['further study 升学', counted(o.furtherStudy), ...pct(o.furtherStudy)],
    ['not employed 待就业', counted(o.notEmployed), ...pct(o.notEmployed)],
    ['stayed in study province 留省', stay(r.stayStudyProvince), ...pct(r.stayStudyProvince)],
    ['in home province 回生源省', stay(r.stayHomeProvince), ...pct(r.stayHomeProvince)],
    ['median monthly salary 月薪中位数', String(or(s.median ?? '', s.suppressed)), String(or(s.previous?.median ?? '', s.previous?.suppressed ?? false)), String(or(fmtSigned(s.medianChange), s.suppressed || (s.previous?.suppressed ?? false)))],
  ], [{ header: '', value: (x) => x[0] }, { header: String(r.year), value: (x) => x[1] }, { header: String(r.previousYear ?? ''), value: (x) => x[2] }, { header: 'change', value: (x) => x[3] }]));
  const compared = (title: string, rows: KeyedCompared[], label: (c: string) => string, limit: number) => {
    out.write(`\n${title}`);
    printTable(out, rows, [
      { header: 'code', value: (x) => x.code }, { header: 'name', value: (x) => label(x.code) }, { header: 'count', value: (x) => or(x.count, x.suppressed) },
      { header: 'share %', value: (x) => or(x.share === null ? null : 100 * x.share, x.suppressed), digits: 1 },
      { header: 'previous', value: (x) => or(x.previousCount, x.previousSuppressed) }, { header: 'change pp', value: (x) => or(x.shareChangePp, x.suppressed || x.previousSuppressed), digits: 1 },
    ], { limit, what: 'rows' });
  };
  compared('Destinations by province 就业省份 (share of the employed)', r.byProvince, name, 10);
  compared('Employer types 单位性质', r.employerTypes, (c) => EMPLOYER_TYPES[c]?.zh ?? c, 10);
  out.write('\nMonthly salary by destination province 月薪 (R type 7 quartiles)');
  // Under suppression n is never shown (with the province's count it gives the number without a salary).
  printTable(out, [r.salary.overall, ...r.salary.byProvince], [
    { header: 'province', value: (x) => (x.code === 'all' ? 'all' : name(x.code)) }, { header: 'n', value: (x) => (x.suppressed ? hidden : x.nSuppressed ? `>= ${r.privacy?.k}` : x.n) },
    { header: 'Q1', value: (x) => or(x.q1, x.suppressed) }, { header: 'median', value: (x) => or(x.median, x.suppressed) }, { header: 'Q3', value: (x) => or(x.q3, x.suppressed) },
    { header: 'median change', value: (x) => or(x.medianChange, x.suppressed || (x.previous?.suppressed ?? false)) },
  ], { limit: 9, what: 'rows' });
  if (r.privacy) out.write(`\nPrivacy 隐私保护: counts of fewer than ${r.privacy.k} graduates, and cells that would reveal them, read "${hidden}" (${r.privacy.suppressedCells} here; \`talentflow privacy\`, docs/privacy.md)`);
  for (const w of r.warnings) out.error(`warning: ${w}`);
  if (r.synthetic) out.write('*** SYNTHETIC DATA: do not read findings from these numbers ***');
}

import type { GraduateReport, KeyedCompared } from '../../../metrics/index.ts';
import { EMPLOYER_TYPES, fmtShare, fmtSigned, LABELS, noteText, privacyNote, studyProvinceText, suppressedMark, universityLabel } from '../../../report/index.ts';
import { printTable, renderTable, type Column, type Out } from '../../output.ts';
import { DEGREE_ZH, MAJOR_ZH } from '../../../core/messages/choice-zh.ts';

type Labels = Record<string, { name_zh: string | null; name_en: string | null }>;

/**
 * The table's words: `mixed` as the table has always read (English with the Chinese term after
 * each heading), `zh` Chinese only (`--lang zh`), from the printable report's labels where it has
 * the same heading.
 */
const WORDS = {
  mixed: {
    synthetic: '*** SYNTHETIC DATA 合成数据: generated records, not real graduates ***',
    syntheticEnd: '*** SYNTHETIC DATA: do not read findings from these numbers ***',
    title: (year: number, sel: string, previous: number | null) => `Graduates ${year}${sel ? ' · ' + sel : ''}${previous !== null ? ` · compared with ${previous}` : ''}\n`,
    studyProvince: (p: string) => `study province ${p}`,
    rows: ['graduates 毕业生', 'employed 就业', 'further study 升学', 'not employed 待就业', 'stayed in study province 留省', 'in home province 回生源省', 'median monthly salary 月薪中位数'],
    change: 'change',
    keyed: { code: 'code', name: 'name', count: 'count', share: 'share %', previous: 'previous', changePp: 'change pp' },
    byProvince: 'Destinations by province 就业省份 (share of the employed)',
    employer: 'Employer types 单位性质',
    salary: 'Monthly salary by destination province 月薪 (R type 7 quartiles)',
    salaryHeads: { province: 'province', n: 'n', median: 'median', change: 'median change', all: 'all' },
    privacy: (k: number, hidden: string, cells: number) => `Privacy 隐私保护: counts of fewer than ${k} graduates, and cells that would reveal them, read "${hidden}" (${cells} here; \`talentflow privacy\`, docs/privacy.md)`,
    warning: 'warning: ',
  },
  zh: {
    synthetic: `*** ${LABELS.synthetic.zh}：由模型生成的记录，并非真实毕业生 ***`,
    syntheticEnd: `*** ${LABELS.synthetic.zh}：请勿据这些数字得出任何结论 ***`,
    title: (year: number, sel: string, previous: number | null) => `${year} 届毕业生${sel ? ' · ' + sel : ''}${previous !== null ? ` · 与 ${previous} 届比较` : ''}\n`,
    studyProvince: (p: string) => `就读省份：${p}`,
    rows: [LABELS.headcount.zh, LABELS.employed.zh, LABELS.furtherStudy.zh, LABELS.notEmployed.zh, LABELS.stayStudy.zh, LABELS.stayHome.zh, LABELS.medianSalary.zh],
    change: LABELS.change.zh,
    keyed: { code: '代码', name: '名称', count: LABELS.count.zh, share: `${LABELS.share.zh} %`, previous: LABELS.previous.zh, changePp: '变化（百分点）' },
    byProvince: `${LABELS.byProvince.zh}（${LABELS.ofEmployed.zh}）`,
    employer: LABELS.employer.zh,
    salary: `${LABELS.salary.zh}（R 第 7 种四分位数定义）`,
    salaryHeads: { province: '省份', n: '人数', median: LABELS.median.zh, change: '中位数变化', all: '全部' },
    privacy: (k: number, _hidden: string, cells: number) => `${LABELS.privacy.zh}：${privacyNote(k, cells, 'zh')}（docs/privacy.md）`,
    warning: '警告：',
  },
};

/**
 * The graduate report as terminal tables: headline, destinations, employer types, salaries. A
 * value hidden by small-cell suppression reads "suppressed (<k)" (the report's privacy.k), in
 * Chinese 已隐藏（少于 k 人）. `lang` zh (`--lang zh`): headings, notes and warnings in Chinese;
 * otherwise the table as it has always read.
 */
export function printGraduateTable(out: Out, r: GraduateReport, labels: Labels, lang: 'zh' | 'mixed' = 'mixed'): void {
  const zh = lang === 'zh';
  const W = WORDS[lang];
  const name = (c: string) => labels[c]?.name_zh ?? labels[c]?.name_en ?? c;
  const hidden = r.privacy ? suppressedMark(r.privacy.k, zh ? 'zh' : 'en') : '';
  const or = <T>(value: T, isHidden: boolean): T | string => (isHidden ? hidden : value);
  const pp = (x: number | null) => fmtSigned(x, 'pp', 1, zh ? 'zh' : 'en');
  if (r.synthetic) out.write(W.synthetic);
  const s0 = r.selection;
  // In Chinese the selected universities and degrees by their Chinese names, several joined by 、.
  const inZh = (v: string | readonly string[] | undefined, f: (x: string) => string) => (v === undefined || !zh ? v : (typeof v === 'string' ? [v] : v).map(f).join('、'));
  const sel = [inZh(s0.university, (u) => universityLabel(u, 'zh')), s0.studyProvince && W.studyProvince(name(s0.studyProvince)),
    inZh(s0.degree, (d) => DEGREE_ZH[d] ?? d), inZh(s0.major, (m) => MAJOR_ZH[m] ?? m)].filter(Boolean).join(' · ');
  out.write(W.title(r.year, sel, r.previousYear));
  const o = r.outcomes;
  type Row = { share: number | null; previousShare: number | null; shareChangePp: number | null; suppressed: boolean; previousSuppressed: boolean };
  const pct = (x: Row) => [or(fmtShare(x.previousShare), x.previousSuppressed), or(pp(x.shareChangePp), x.suppressed || x.previousSuppressed)];
  const counted = (x: Row & { count: number | null }) => (x.suppressed ? hidden : `${x.count} (${fmtShare(x.share)})`);
  const stay = (x: GraduateReport['stayStudyProvince']) => (x.suppressed ? hidden : `${x.stayed}/${x.base} (${fmtShare(x.share)})`);
  const h = r.headcount;
  const s = r.salary.overall;
  const [graduates, employed, furtherStudy, notEmployed, stayStudy, stayHome, medianSalary] = W.rows;
  out.write(renderTable([
    [graduates, String(or(h.count, h.suppressed)), h.previousSuppressed ? hidden : h.previousCount === null ? '' : String(h.previousCount), String(or(fmtSigned(h.countChange), h.suppressed || h.previousSuppressed))],
    [employed, counted(o.employed), ...pct(o.employed)],
    [furtherStudy, counted(o.furtherStudy), ...pct(o.furtherStudy)],
    [notEmployed, counted(o.notEmployed), ...pct(o.notEmployed)],
    [stayStudy, stay(r.stayStudyProvince), ...pct(r.stayStudyProvince)],
    [stayHome, stay(r.stayHomeProvince), ...pct(r.stayHomeProvince)],
    [medianSalary, String(or(s.median ?? '', s.suppressed)), String(or(s.previous?.median ?? '', s.previous?.suppressed ?? false)), String(or(fmtSigned(s.medianChange), s.suppressed || (s.previous?.suppressed ?? false)))],
  ], [{ header: '', value: (x) => x[0] }, { header: String(r.year), value: (x) => x[1] }, { header: String(r.previousYear ?? ''), value: (x) => x[2] }, { header: W.change, value: (x) => x[3] }]));
  // Which province the study-province row is about, as the dashboard's Graduates card says it.
  const about = studyProvinceText(r.studyProvinces, name, r.privacy?.k ?? null, zh ? 'zh' : 'en');
  if (about) out.write(about);
  // The count under each table names --json only: report graduates has no option that shows more rows.
  const table = <T>(rows: readonly T[], columns: Column<T>[], limit: number) => printTable(out, rows, columns, { limit, what: 'rows', lang: zh ? 'zh' : 'en', more: null });
  const K = W.keyed;
  const compared = (title: string, rows: KeyedCompared[], label: (c: string) => string, limit: number) => {
    out.write(`\n${title}`);
    table(rows, [
      { header: K.code, value: (x) => x.code }, { header: K.name, value: (x) => label(x.code) }, { header: K.count, value: (x) => or(x.count, x.suppressed) },
      { header: K.share, value: (x) => or(x.share === null ? null : 100 * x.share, x.suppressed), digits: 1 },
      { header: K.previous, value: (x) => or(x.previousCount, x.previousSuppressed) }, { header: K.changePp, value: (x) => or(x.shareChangePp, x.suppressed || x.previousSuppressed), digits: 1 },
    ], limit);
  };
  compared(W.byProvince, r.byProvince, name, 10);
  compared(W.employer, r.employerTypes, (c) => EMPLOYER_TYPES[c]?.zh ?? c, 10);
  out.write(`\n${W.salary}`);
  const S = W.salaryHeads;
  // Under suppression n is never shown (with the province's count it gives the number without a salary).
  table([r.salary.overall, ...r.salary.byProvince], [
    { header: S.province, value: (x) => (x.code === 'all' ? S.all : name(x.code)) }, { header: S.n, value: (x) => (x.suppressed ? hidden : x.nSuppressed ? `>= ${r.privacy?.k}` : x.n) },
    { header: 'Q1', value: (x) => or(x.q1, x.suppressed) }, { header: S.median, value: (x) => or(x.median, x.suppressed) }, { header: 'Q3', value: (x) => or(x.q3, x.suppressed) },
    { header: S.change, value: (x) => or(x.medianChange, x.suppressed || (x.previous?.suppressed ?? false)) },
  ], 9);
  if (r.privacy) out.write(`\n${W.privacy(r.privacy.k, hidden, r.privacy.suppressedCells)}`);
  const coded = r.messages?.warnings.length === r.warnings.length ? r.messages.warnings : undefined;
  r.warnings.forEach((w, i) => out.error(`${W.warning}${coded && zh ? noteText(coded[i], 'zh') : w}`));
  if (r.synthetic) out.write(W.syntheticEnd);
}

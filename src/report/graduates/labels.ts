import { coded } from '../../core/messages/index.ts';
import { noteText } from './note-text.ts';

/**
 * Chinese and English labels of the graduate report. `zh` prints Chinese headings with the
 * English under them (the default: reports circulate to both audiences), `en` English only.
 */
export type Lang = 'zh' | 'en';

export const LABELS = {
  title: { zh: '毕业生就业质量报告', en: 'Graduate destination report' },
  synthetic: { zh: '合成数据', en: 'SYNTHETIC DATA' },
  headline: { zh: '主要指标', en: 'Headline figures' },
  headcount: { zh: '毕业生人数', en: 'Graduates' },
  employed: { zh: '就业', en: 'Employed' },
  furtherStudy: { zh: '升学', en: 'Further study' },
  notEmployed: { zh: '待就业', en: 'Not employed' },
  stayStudy: { zh: '留在就读省份', en: 'Stayed in study province' },
  stayHome: { zh: '回到生源省份', en: 'Working in home province' },
  medianSalary: { zh: '月薪中位数', en: 'Median monthly salary' },
  previous: { zh: '上年', en: 'previous year' },
  change: { zh: '变化', en: 'change' },
  byProvince: { zh: '就业地区分布（省）', en: 'Destinations by province' },
  map: { zh: '就业省份地图', en: 'Map of destination provinces' },
  byCity: { zh: '主要就业城市', en: 'Leading destination cities' },
  employer: { zh: '用人单位性质', en: 'Employer types' },
  salary: { zh: '月薪四分位数（按就业省份）', en: 'Monthly salary quartiles by destination province' },
  comparison: { zh: '与上年比较', en: 'Comparison with the previous year' },
  region: { zh: '地区', en: 'Region' },
  employerType: { zh: '单位性质', en: 'Type' },
  count: { zh: '人数', en: 'Count' },
  share: { zh: '占比', en: 'Share' },
  notes: { zh: '说明', en: 'Notes' },
  ofEmployed: { zh: '占就业人数', en: 'of the employed' },
  ofHeadcount: { zh: '占毕业生', en: 'of graduates' },
  legend: { zh: '颜色越深，占就业人数比例越高；粗线为就读省份', en: 'Darker = larger share of the employed; heavy outline = study province' },
  privacy: { zh: '隐私保护', en: 'Privacy' },
  quantiles: { zh: '四分位数定义', en: 'Quartiles' },
  allGraduates: { zh: '全部毕业生', en: 'All graduates' },
  median: { zh: '中位数', en: 'Median' },
  thinBar: { zh: '细条', en: 'thin bar' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type LabelKey = keyof typeof LABELS;

export const EMPLOYER_TYPES: Record<string, { zh: string; en: string }> = {
  state_owned: { zh: '国有企业', en: 'State-owned enterprise' },
  private: { zh: '民营企业', en: 'Private enterprise' },
  foreign: { zh: '外资企业', en: 'Foreign-invested enterprise' },
  public_institution: { zh: '事业单位', en: 'Public institution' },
  government: { zh: '党政机关', en: 'Government' },
  unknown: { zh: '未填写', en: 'Not reported' },
};

/**
 * The mark of a value hidden by small-cell suppression (src/metrics/privacy), the same words in
 * the CLI, the page, the CSV exports and the dashboard: "suppressed (<k)", 已隐藏（少于 k 人）.
 */
export function suppressedMark(k: number, lang: Lang): string {
  return lang === 'en' ? `suppressed (<${k})` : `已隐藏（少于 ${k} 人）`;
}

/** The page's note on the suppression applied, from the report's `privacy` field (the catalogue's graduates.privacyNote). */
export function privacyNote(k: number, cells: number, lang: Lang): string {
  return noteText(coded('graduates.privacyNote', { k, cells }), lang);
}

import type { GraduateReport } from '../../metrics/index.ts';
import type { Lang } from './labels.ts';

/**
 * Which province "stayed in the study province" is about, in the words of the dashboard's
 * Graduates card (web/src/i18n grad.studyProvince*): one university's province ("Study province:
 * Liaoning", 就读省份：辽宁省), or, for several, each graduate's own, those of fewer than k
 * graduates left out under suppression and said so. Empty when the report names none.
 */
export function studyProvinceText(p: GraduateReport['studyProvinces'] | undefined, name: (code: string) => string, k: number | null, lang: Lang): string {
  // Older results carry no studyProvinces.
  if (!p || (!p.codes.length && !p.suppressed)) return '';
  const zh = lang === 'zh';
  const names = p.codes.map(name).join(zh ? '、' : ', ');
  if (p.codes.length === 1 && !p.suppressed) return zh ? `就读省份：${names}` : `Study province: ${names}`;
  const others = p.suppressed ? (zh ? `及少于 ${k ?? ''} 人的其他省份` : `others of fewer than ${k ?? ''} graduates`) : '';
  const all = [names, others].filter(Boolean).join(zh ? '，' : ', ');
  return zh ? `各毕业生各自的就读省份：${all}` : `Each graduate’s own study province: ${all}`;
}

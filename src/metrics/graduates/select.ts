import type { PersonRecord } from '../../core/schema/person.ts';
import type { GraduateSelection } from './types.ts';

/** Records of `year` matching the selection's university, study province, degree and major. */
export function selectGraduates(
  records: readonly PersonRecord[],
  selection: GraduateSelection,
  year: number,
  provinceOf: (code: string, recordId: string, field: string) => string,
): PersonRecord[] {
  const set = (v: string | readonly string[] | undefined) => (v === undefined ? null : new Set(typeof v === 'string' ? [v] : v));
  const universities = set(selection.university);
  const degrees = set(selection.degree);
  const majors = set(selection.major);
  return records.filter((r) => {
    if (r.year !== year) return false;
    if (universities && !universities.has(r.university)) return false;
    if (degrees && (r.degree === null || !degrees.has(r.degree))) return false;
    if (majors && (r.major === null || !majors.has(r.major))) return false;
    if (selection.studyProvince !== undefined) {
      if (r.study_region === null || provinceOf(r.study_region, r.id, 'study_region') !== selection.studyProvince) return false;
    }
    return true;
  });
}

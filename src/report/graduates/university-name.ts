import { NORTHEAST_UNIVERSITIES } from '../../sim/synthetic/index.ts';

/**
 * The name stored in person records for what a user types: the preset universities of the demo
 * cohort are also found by id (NEU, DUT) and Chinese name; anything else is taken as stored.
 */
export function universityName(text: string): string {
  const t = text.trim().toLowerCase();
  const u = NORTHEAST_UNIVERSITIES.find((x) => [x.id, x.name, x.name_zh].some((n) => n?.toLowerCase() === t));
  return u ? u.name : text.trim();
}

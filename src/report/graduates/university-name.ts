// The presets alone: the CLI names universities in every error it writes (cli/lang.ts), and need not load the generator.
import { NORTHEAST_UNIVERSITIES } from '../../sim/synthetic/presets.ts';

/**
 * The name stored in person records for what a user types: the preset universities of the demo
 * cohort are also found by id (NEU, DUT) and Chinese name; anything else is taken as stored.
 */
export function universityName(text: string): string {
  const t = text.trim().toLowerCase();
  const u = NORTHEAST_UNIVERSITIES.find((x) => [x.id, x.name, x.name_zh].some((n) => n?.toLowerCase() === t));
  return u ? u.name : text.trim();
}

/**
 * A stored university as the report names it in its language: the presets by their Chinese name
 * in Chinese (东北大学), their English one in English; any other as stored, whatever its script.
 */
export function universityLabel(stored: string, lang: 'zh' | 'en'): string {
  const u = NORTHEAST_UNIVERSITIES.find((x) => x.name === stored);
  return u ? (lang === 'zh' ? u.name_zh ?? u.name : u.name) : stored;
}

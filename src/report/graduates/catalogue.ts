import { NORTHEAST_UNIVERSITIES } from '../../sim/synthetic/index.ts';
import type { GraduateStore } from './from-workspace.ts';

/**
 * What graduate reports a workspace can give: its universities as stored in the person records,
 * each with its graduation years and whether any record is synthetic, and its Chinese and
 * English names where the university is one of the demo cohort's presets (东北大学 /
 * Northeastern University; any other is named as stored). The dashboard's Graduates tab offers
 * these instead of a fixed list, so a workspace without records says so instead of failing on a
 * preset university it does not hold. No counts: a university-year of fewer than k graduates
 * would be revealed by one.
 */
export interface GraduateCatalogueEntry {
  /** As stored in the records (what GET /api/reports/graduates?university= takes). */
  university: string;
  name_zh: string | null;
  name_en: string | null;
  /** Graduation years with records, ascending. */
  years: number[];
  synthetic: boolean;
  /** Codes of the countries its records' study (else home) regions lie in, sorted; empty when the records name no known region. */
  countries: string[];
}

export async function graduateCatalogue<W>(ws: W, store: Pick<GraduateStore<W>, 'personCatalogue'>): Promise<{ universities: GraduateCatalogueEntry[] }> {
  const byUniversity = new Map<string, GraduateCatalogueEntry>();
  for (const row of await store.personCatalogue(ws) as readonly { university: string; year: number; synthetic?: boolean; countries?: readonly string[] }[]) {
    let entry = byUniversity.get(row.university);
    if (!entry) {
      const preset = NORTHEAST_UNIVERSITIES.find((u) => u.name === row.university);
      entry = { university: row.university, name_zh: preset?.name_zh ?? null, name_en: preset?.name ?? null, years: [], synthetic: false, countries: [] };
      byUniversity.set(row.university, entry);
    }
    if (!entry.years.includes(row.year)) entry.years.push(row.year);
    entry.synthetic ||= row.synthetic === true;
    for (const c of row.countries ?? []) if (!entry.countries.includes(c)) entry.countries.push(c);
  }
  // The presets in their order (the demo's first is the one its examples speak of), then the others by name.
  const rank = (u: GraduateCatalogueEntry) => {
    const i = NORTHEAST_UNIVERSITIES.findIndex((p) => p.name === u.university);
    return i < 0 ? NORTHEAST_UNIVERSITIES.length : i;
  };
  const universities = [...byUniversity.values()].sort((a, b) => rank(a) - rank(b) || (a.university < b.university ? -1 : a.university > b.university ? 1 : 0));
  for (const u of universities) {
    u.years.sort((a, b) => a - b);
    u.countries.sort();
  }
  return { universities };
}

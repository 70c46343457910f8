import { listValue, type DuckDBValue } from '../duckdb/node-api.ts';
import type { Workspace } from '../workspace.ts';

/** Persons who share everything a choice model sees of them, with their destination, counted. */
export interface PersonGroup {
  readonly year: number;
  readonly university: string;
  readonly degree: string | null;
  readonly major: string | null;
  /** Home region at the level (its ancestor there), else the stored code; null when not recorded. */
  readonly home: string | null;
  /** The stored home lies above the level (e.g. a province when the alternatives are cities). */
  readonly homeCoarse: boolean;
  readonly study: string | null;
  readonly studyCoarse: boolean;
  /** The stored destination (a region code, or not_employed / further_study). */
  readonly destination: string;
  /** Its ancestor at the level, null when it has none (another branch, or a coarser region). */
  readonly destinationAtLevel: string | null;
  readonly persons: number;
  /** One person id of the group, for messages. */
  readonly example: string;
  readonly synthetic: boolean;
}

export interface PersonFilter {
  readonly sql: string;
  readonly params: DuckDBValue[];
}

/**
 * Refuses a university or graduation year the person records do not hold, listing those they do:
 * a misspelt name used to leave no person and fail later as "no destination lies in a country".
 */
export async function checkPersonSelection(ws: Workspace, university: readonly string[] | undefined, years: readonly number[] | undefined): Promise<void> {
  const held = await ws.db.all<{ university: string; year: number }>('SELECT DISTINCT university, year FROM persons ORDER BY university, year');
  const universities = [...new Set(held.map((h) => h.university))];
  // Loaded only to word a refusal: every `fit` command imports this module, and the spelling
  // distance behind the suggestions need not load with them (test/e2e/cli-packages).
  const refuse = async (...args: Parameters<typeof import('../../core/unknown-value.ts').unknownValueError>) => (await import('../../core/unknown-value.ts')).unknownValueError(...args);
  for (const u of university ?? []) {
    if (!universities.includes(u)) throw await refuse('university', u, universities, { plural: 'universities of the person records' });
  }
  const inScope = held.filter((h) => !university?.length || university.includes(h.university)).map((h) => String(h.year));
  const yearsHeld = [...new Set(inScope)].sort();
  for (const y of years ?? []) {
    if (!yearsHeld.includes(String(y))) throw await refuse('graduation year', String(y), yearsHeld, { plural: 'graduation years', where: university?.length ? `of ${university.join(', ')}` : 'of the person records', suggest: false });
  }
}

/** The SQL condition on `persons p` of a university and year selection. */
export function personFilter(university: readonly string[] | undefined, years: readonly number[] | undefined): PersonFilter {
  const where: string[] = [];
  const params: DuckDBValue[] = [];
  if (university?.length) {
    where.push('list_contains(?::VARCHAR[], p.university)');
    params.push(listValue([...university]));
  }
  if (years?.length) {
    where.push('list_contains(?::INTEGER[], p.year)');
    params.push(listValue([...years]));
  }
  return { sql: where.join(' AND '), params };
}

/**
 * The selected persons grouped by year, university, home and study region at the level, the
 * person attributes asked for (degree, major; others left out so more persons share a group) and
 * destination: the cost of everything after this grows with these groups, not with persons.
 */
export async function personGroups(ws: Workspace, level: string, filter: PersonFilter, attributes: { degree: boolean; major: boolean }): Promise<PersonGroup[]> {
  const rows = await ws.db.all<{
    year: number; university: string; degree: string | null; major: string | null; home: string | null; home_coarse: boolean;
    study: string | null; study_coarse: boolean; destination: string; destination_at_level: string | null; persons: bigint; example: string; synthetic: boolean;
  }>(
    `WITH anc AS (SELECT code, ancestor FROM region_ancestors WHERE ancestor_level = ?),
          coarse AS (SELECT DISTINCT ancestor AS code FROM region_ancestors WHERE depth > 0 AND code IN (SELECT code FROM regions WHERE level = ?))
     SELECT p.year, p.university, ${attributes.degree ? 'p.degree' : 'NULL::VARCHAR'} AS degree, ${attributes.major ? 'p.major' : 'NULL::VARCHAR'} AS major,
            coalesce(h.ancestor, p.home_region) AS home, (h.ancestor IS NULL AND hc.code IS NOT NULL) AS home_coarse,
            coalesce(s.ancestor, p.study_region) AS study, (s.ancestor IS NULL AND sc.code IS NOT NULL) AS study_coarse,
            p.destination, d.ancestor AS destination_at_level, count(*) AS persons, min(p.id) AS example, bool_or(p.synthetic) AS synthetic
     FROM persons p
       LEFT JOIN anc h ON h.code = p.home_region LEFT JOIN coarse hc ON hc.code = p.home_region
       LEFT JOIN anc s ON s.code = p.study_region LEFT JOIN coarse sc ON sc.code = p.study_region
       LEFT JOIN anc d ON d.code = p.destination
     ${filter.sql ? `WHERE ${filter.sql}` : ''}
     GROUP BY ALL ORDER BY p.year, p.university, degree, major, home, study, p.destination`,
    [level, level, ...filter.params]);
  return rows.map((r) => ({
    year: Number(r.year), university: r.university, degree: r.degree, major: r.major, home: r.home, homeCoarse: r.home_coarse,
    study: r.study, studyCoarse: r.study_coarse, destination: r.destination, destinationAtLevel: r.destination_at_level,
    persons: Number(r.persons), example: r.example, synthetic: r.synthetic,
  }));
}

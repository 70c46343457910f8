import type { CohortSpec, UniversityDefinition } from './types.ts';

/**
 * The two Liaoning universities of the demo cohort. City codes are GB/T 2260: Shenyang 210100,
 * Dalian 210200. Their stay target (options.stayShareTarget, 0.25) is "about a quarter" of 2016
 * graduates, as quoted in issue 4 from the universities' 2016 graduate employment quality reports
 * (not re-verified here).
 */
export const NORTHEAST_UNIVERSITIES: readonly UniversityDefinition[] = [
  { id: 'NEU', name: 'Northeastern University', name_zh: '东北大学', studyRegion: '210100' },
  { id: 'DUT', name: 'Dalian University of Technology', name_zh: '大连理工大学', studyRegion: '210200' },
];

/**
 * Demo cohorts 2015-2016. Sizes are an assumption of the right order (each university graduates
 * several thousand bachelors and masters a year); pass real sizes when known.
 */
export const DEMO_COHORTS: readonly CohortSpec[] = [
  { university: 'NEU', year: 2015, size: 6000 },
  { university: 'NEU', year: 2016, size: 6000 },
  { university: 'DUT', year: 2015, size: 6000 },
  { university: 'DUT', year: 2016, size: 6000 },
];

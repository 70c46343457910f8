export { generateCohorts, type SyntheticCohortResult } from './generate.ts';
export { resolveOptions, type SyntheticOptions, type ResolvedOptions } from './options.ts';
export { prepareChoice, choiceProbabilities, type ChoiceData } from './choice.ts';
export { homeWeights } from './home.ts';
export { calibrateStayBonus, expectedStayShare, type CalibrationResult } from './calibrate.ts';
export { expectedDestinationShares } from './expected.ts';
export { NORTHEAST_UNIVERSITIES, DEMO_COHORTS } from './presets.ts';
export type { SyntheticRegion, UniversityDefinition, CohortSpec, CalibrationReport } from './types.ts';

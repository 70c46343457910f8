export { fitRadiation, predictRadiation, radiationProbabilities } from './radiation.ts';
export type { RadiationData, RadiationSpec, RadiationResult } from './types.ts';

// Destination-choice models on workspace graduate records (and on long-format choice files).
export {
  choiceSpecSchema, choiceSpecShape, refineChoiceSpec, parseChoiceSpec, defaultTransform, alternativeTermName, interactionTermName, transformOf, vcovOf,
  ALTERNATIVE_VAR_ALIASES, PERSON_TERMS, PERSON_ATTRIBUTES, TRANSFORMS,
  type ChoiceSpec, type ChoiceSpecInput, type PersonTerm, type PersonAttribute, type AlternativeTransform,
} from './spec.ts';
export { buildChoiceSet, type ChoiceSet, type ChoiceSetOptions, type CaseInfo } from './choice-set.ts';
export { fitWorkspaceChoiceModel, fitChoiceSet, saveChoiceModel, type ChoiceModelResult, type ChoiceElasticities, type ChoiceSetSummary, type FitChoiceOptions } from './fit-choice.ts';
export { choiceDataFromFile, fitChoiceFile, parseNests, type ChoiceFileSpec, type ChoiceFileResult } from './choice-file.ts';
export { choiceShares, type ChoiceShares, type ShareRow, type OriginShares } from './shares.ts';
export type { ChoiceMoney } from './money.ts';

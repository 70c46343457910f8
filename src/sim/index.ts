// Scenarios, counterfactuals, cohort microsimulation and uncertainty (pure; no node: imports).
export { scenarioSchema, parseScenario, parseScenarioText, DEFAULT_RETURN_RATES, type ScenarioDocument, type ScenarioInput, type Intervention, type BorrowedTerm } from './scenario-schema.ts';
export type { ChoiceModel, ChoiceAttribute, ChoiceParameters, AttributeValues, AttributeRole } from './choice-model.ts';
export { gravityChoiceModel, type GravityChoiceInput, type BorrowedChoiceTerm } from './gravity-choice.ts';
export {
  logitChoiceModel, PERSON_REGION_TERMS, MIN_LAMBDA,
  type LogitChoiceInput, type LogitChoiceTerm, type LogitPersonGroup, type LogitTransform, type PersonRegionTerm,
} from './logit-choice.ts';
export { compileLevers, activeLevers, valuesFor, eligible, type Lever, type LeverDefinition, type CostRule } from './levers.ts';
export { aggregateCounterfactual, expectedFlows, type CounterfactualResult, type CounterfactualOptions, type FlowSummary, type GroupSummary } from './counterfactual.ts';
export { simulateCohorts, type CohortSimulationInput, type CohortSimulationResult, type CohortYearSeries } from './microsim.ts';
export { runScenario, scenarioDraws, interval, type Interval, type ScenarioRunInput, type ScenarioRunResult, type ScenarioYearRow, type ScenarioSummary } from './uncertainty.ts';
export { runScenarioAsync, type CooperativeOptions } from './run-scenario-async.ts';
export { compareScenarios, type ScenarioComparison, type ComparedScenario } from './compare.ts';
export { setMonthlyPayment, type PaymentChange } from './payment.ts';

export { parsePeriod, periodSchema, type Period } from './period.ts';
export { regionSchema, regionGroupSchema, KNOWN_LEVELS, type Region, type RegionInput, type RegionGroup } from './region.ts';
export { flowSchema, type Flow } from './flow.ts';
export { indicatorSchema, type Indicator } from './indicator.ts';
export { INDICATOR_NAME, INDICATOR_NAME_RULE, indicatorNameSchema, isIndicatorName } from './indicator-name.ts';
export { personSchema, NON_REGION_OUTCOMES, type PersonRecord, type NonRegionOutcome } from './person.ts';

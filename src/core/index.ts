export * from './errors.ts';
export * from './brand.ts';
export * from './schema/index.ts';
export * from './flow-table.ts';
export * from './geometry/index.ts';
export { RegionMatcher, normaliseName, stripSuffix, describeRegion, type MatchableRegion, type MatchResult } from './region-matcher.ts';
export { csvCell } from './csv-cell.ts';
export { roundForDisplay, roundRows, displayDigits, type QuantityKind } from './display-round.ts';

export { DEFAULT_MIN_CELL, LOWEST_MIN_CELL, checkMinCell } from './min-cell.ts';
export { isSmallCell, primarySuppression } from './primary.ts';
export { complementTable, type Complemented } from './complementary.ts';
export { suppressTable, type TableOptions, type TableSuppression } from './table.ts';
export { suppressNested } from './hierarchy.ts';
export { suppressTwoWay, type TwoWaySuppression } from './two-way.ts';
export { feasibleIntervals, type SignedSum, type Intervals } from './intervals.ts';
export { SMALL_CELL_RULE, type PrivacyInfo } from './types.ts';

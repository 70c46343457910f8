export * from './errors.ts';
export * from './brand.ts';
export * from './schema/index.ts';
export * from './flow-table.ts';
export * from './geometry/index.ts';

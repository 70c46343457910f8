import { def } from './message.ts';

/**
 * Rows a gravity fit refuses before fitting (src/models/gravity/missing.ts, duplicates.ts): a
 * missing value with na 'error', and two rows of one observation (same origin, destination,
 * period and categories) unless duplicates are summed. `names` are the key's dimensions as the
 * model spells them (origin, destination, period, or a category column), `key` the row's values
 * of each (region codes, the period, a category or NA); values are passed as the English wrote them.
 */
export const FIT_DATA_MESSAGES = {
  'fitdata.missing': def({ column: 'migrants' },
    (p) => `${p.column} is missing (an empty or NA cell); na 'drop' (CLI: --na drop, the default) leaves such rows out`),
  'fitdata.duplicate': def({ first: 3, row: 5, names: ['origin', 'destination', 'period'] as readonly string[], key: ['r1', 'r2', '2019'] as readonly string[] },
    (p) => `rows ${p.first} and ${p.row} are the same observation (same ${p.names.join(', ')}: ${p.key.join(' / ')}); sum them (duplicates: 'sum', CLI --sum-duplicates) or add the column that tells them apart as a fixed effect`),
  'fitdata.duplicateDiffers': def({ first: 3, row: 5, key: ['r1', 'r2', '2019'] as readonly string[], column: 'cost', a: '120', b: '125' },
    (p) => `rows ${p.first} and ${p.row} have the same key (${p.key.join(' / ')}) but ${p.column} ${p.a} and ${p.b}: they cannot be summed into one row`),
};

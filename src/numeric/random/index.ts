export { createRng, xoshiro128StarStar, type Rng } from './rng.ts';
export { normal } from './normal.ts';
export { gamma } from './gamma.ts';
export { dirichlet } from './dirichlet.ts';
export { aliasTable, sampleAlias, cumulative, sampleCumulative, type AliasTable } from './categorical.ts';
export { mix32, hashString, deriveState } from './hash.ts';

import { sampleAlternatives, type ChoiceData } from '../../models/logit/index.ts';

/** Rows of persons expanded and sampled at a time (bounds memory to about this many full rows). */
const CHUNK_ROWS = 2_000_000;

export interface SampledPersons {
  readonly data: ChoiceData;
  /** Situation (case of the aggregated data) of each person case. */
  readonly situationOf: Int32Array;
  readonly offset: string;
  /** Seeds of the chunks: the spec's seed, then seed + 1, ... */
  readonly seeds: number[];
}

/**
 * Sampling of alternatives needs one choice per case, so the aggregated situations are expanded
 * to one case per person (a chunk at a time) and each person gets an own sample from
 * sampleAlternatives (McFadden's correction in the offset column). Reproducible from the seed.
 */
export function samplePersons(data: ChoiceData, size: number, seed: number, importance?: ArrayLike<number>): SampledPersons {
  const { caseIndex, altIndex, columns } = data;
  const chosen = data.chosen;
  const names = Object.keys(columns);
  const start = new Int32Array(data.nCases + 1);
  for (let r = 0; r < caseIndex.length; r++) start[caseIndex[r] + 1] = r + 1;
  for (let c = 1; c <= data.nCases; c++) start[c] = Math.max(start[c], start[c - 1]);
  const parts: ChoiceData[] = [];
  const situation: number[][] = [];
  const seeds: number[] = [];
  let pending: { c: number; r: number }[] = [];
  let pendingRows = 0;
  const flush = (): void => {
    if (!pending.length) return;
    const n = pendingRows;
    const ci = new Int32Array(n);
    const ai = new Int32Array(n);
    const ch = new Uint8Array(n);
    const cols = Object.fromEntries(names.map((k) => [k, new Float64Array(n)]));
    let row = 0;
    pending.forEach(({ c, r: pick }, p) => {
      for (let r = start[c]; r < start[c + 1]; r++, row++) {
        ci[row] = p;
        ai[row] = altIndex[r];
        ch[row] = r === pick ? 1 : 0;
        for (const k of names) cols[k][row] = columns[k][r];
      }
    });
    const s = seed + seeds.length;
    seeds.push(s);
    const sampled = sampleAlternatives({ nCases: pending.length, caseIndex: ci, altIndex: ai, chosen: ch, columns: cols, ...(data.alternatives ? { alternatives: data.alternatives } : {}) },
      { size, seed: s, ...(importance ? { importance } : {}) });
    parts.push(sampled.data);
    situation.push(pending.map((x) => x.c));
    pending = [];
    pendingRows = 0;
  };
  for (let c = 0; c < data.nCases; c++) {
    for (let r = start[c]; r < start[c + 1]; r++) {
      for (let k = 0; k < chosen[r]; k++) {
        pending.push({ c, r });
        pendingRows += start[c + 1] - start[c];
        if (pendingRows >= CHUNK_ROWS) flush();
      }
    }
  }
  flush();
  return { data: concat(parts, data), situationOf: Int32Array.from(situation.flat()), offset: 'ln_sampling_correction', seeds };
}

function concat(parts: readonly ChoiceData[], like: ChoiceData): ChoiceData {
  const n = parts.reduce((s, p) => s + p.caseIndex.length, 0);
  const caseIndex = new Int32Array(n);
  const altIndex = new Int32Array(n);
  const chosen = new Uint8Array(n);
  const names = parts.length ? Object.keys(parts[0].columns) : Object.keys(like.columns);
  const columns = Object.fromEntries(names.map((k) => [k, new Float64Array(n)]));
  let row = 0;
  let cases = 0;
  for (const p of parts) {
    for (let r = 0; r < p.caseIndex.length; r++) caseIndex[row + r] = p.caseIndex[r] + cases;
    altIndex.set(p.altIndex, row);
    chosen.set(p.chosen as Uint8Array, row);
    for (const k of names) columns[k].set(p.columns[k], row);
    row += p.caseIndex.length;
    cases += p.nCases;
  }
  return { nCases: cases, caseIndex, altIndex, chosen, columns, ...(like.alternatives ? { alternatives: like.alternatives } : {}) };
}

import { SpecError } from '../../core/errors.ts';

/** User weights by position or indicator name, checked (finite, >= 0, positive sum) and scaled to sum 1. */
export function userWeights(weights: readonly number[] | Readonly<Record<string, number>>, names: readonly string[]): number[] {
  let w: number[];
  if (Array.isArray(weights)) {
    if (weights.length !== names.length) throw new SpecError(`${weights.length} weights for ${names.length} indicators`, 'weights');
    w = [...(weights as readonly number[])];
  } else {
    const byName = weights as Readonly<Record<string, number>>;
    for (const k of Object.keys(byName)) if (!names.includes(k)) throw new SpecError(`weight for unknown indicator "${k}"`, 'weights');
    w = names.map((name) => byName[name] ?? 0);
  }
  w.forEach((x, j) => {
    if (!(x >= 0) || !Number.isFinite(x)) throw new SpecError(`weight of "${names[j]}" must be finite and >= 0, got ${x}`, 'weights');
  });
  const sum = w.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new SpecError('weights must have a positive sum', 'weights');
  return w.map((x) => x / sum);
}

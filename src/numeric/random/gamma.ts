import { SpecError } from '../../core/errors.ts';
import { normal } from './normal.ts';
import type { Rng } from './rng.ts';

/**
 * Gamma(shape, scale = 1) deviate by Marsaglia & Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000. For shape < 1 it uses their boost Gamma(a) = Gamma(a + 1) *
 * U^(1/a). Shape 0 returns 0 (the degenerate limit), which lets a Dirichlet put no mass on a
 * component with zero weight.
 */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (!(shape >= 0) || !Number.isFinite(shape)) throw new SpecError(`gamma shape must be finite and >= 0, got ${shape}`, 'shape');
  if (shape === 0) return 0;
  if (shape < 1) {
    const u = 1 - rng.uniform();
    return gamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

import type { NestedKernel } from './nested-kernel.ts';
import { withNumericalHessian } from './nested-kernel.ts';

/**
 * The nested likelihood in Biogeme's parametrisation mu = 1 / lambda (within-nest scale, upper
 * level 1): the same function of (beta, mu), gradient by the chain rule (d lambda / d mu =
 * -1 / mu^2), Hessian by central differences of that gradient, scores multiplied by the same
 * Jacobian. At the optimum the two give the same estimates and delta-method-equivalent standard
 * errors; away from it (e.g. evaluated at published estimates) only this one reproduces what a
 * mu-parametrised program reports, because the Hessian then carries a gradient term.
 */
export function inMuParametrisation(kernel: NestedKernel, k: number): NestedKernel {
  // mu <= 0 maps to lambda = -1, outside the domain (the kernel's value is then -Infinity).
  const toLambda = (theta: Float64Array): Float64Array => theta.map((t, j) => (j < k ? t : t > 0 ? 1 / t : -1));
  const jacobian = (theta: Float64Array): Float64Array => theta.map((t, j) => (j < k ? 1 : -1 / (t * t)));
  const value = (theta: Float64Array): number => kernel.value(toLambda(theta));
  const gradient = (theta: Float64Array): Float64Array => {
    const j = jacobian(theta);
    return kernel.gradient(toLambda(theta)).map((g, a) => g * j[a]);
  };
  return {
    value,
    gradient,
    evaluate: withNumericalHessian(value, gradient),
    meat(theta: Float64Array) {
      const j = jacobian(theta);
      const size = theta.length;
      const scale = (m: Float64Array): Float64Array => m.map((x, i) => x * j[Math.floor(i / size)] * j[i % size]);
      const { robust, clustered } = kernel.meat(toLambda(theta));
      return { robust: scale(robust), clustered: clustered ? scale(clustered) : null };
    },
  };
}

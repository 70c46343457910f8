/**
 * Hessian by central differences of an analytic gradient: column j is
 * (g(theta + h_j e_j) - g(theta - h_j e_j)) / (2 h_j), then symmetrised. With an exact gradient
 * the error is O(h^2) from truncation plus (gradient rounding) / h, so h_j = 1e-5 max(1, |theta_j|)
 * leaves about 1e-9 relative on well-scaled problems (Nocedal & Wright, "Numerical
 * Optimization", 2nd ed. 2006, sec. 8.1, eq. 8.20 and the step-size discussion around it).
 * Row-major k x k.
 */
export function hessianFromGradient(gradient: (theta: Float64Array) => Float64Array, theta: ArrayLike<number>, relativeStep = 1e-5): Float64Array {
  const k = theta.length;
  const h = new Float64Array(k * k);
  const at = Float64Array.from(theta);
  for (let j = 0; j < k; j++) {
    const t = at[j];
    // Round the step to what the argument can represent, so up - down is exactly 2 step.
    const up = t + relativeStep * Math.max(1, Math.abs(t));
    const step = up - t;
    at[j] = t + step;
    const gUp = gradient(at);
    at[j] = t - step;
    const gDown = gradient(at);
    at[j] = t;
    for (let i = 0; i < k; i++) h[i * k + j] = (gUp[i] - gDown[i]) / (2 * step);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (h[i * k + j] + h[j * k + i]);
      h[i * k + j] = m;
      h[j * k + i] = m;
    }
  }
  return h;
}

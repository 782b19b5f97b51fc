// Logistic regression, small and without dependencies: what the fitted rules of the evaluation
// code (story joins, the timeline's date ranker) are fitted with.

/** Logistic regression by gradient descent on standardised features (light L2); raw weights and intercept last. */
export function logistic(x: number[][], y: number[], steps = 2000, l2 = 1e-3): number[] {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  const mu = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / n);
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(x.reduce((s, r) => s + (r[j]! - mu[j]!) ** 2, 0) / n) || 1);
  const z = x.map((r) => r.map((v, j) => (v - mu[j]!) / sd[j]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let t = b;
      for (let j = 0; j < d; j++) t += w[j]! * z[i]![j]!;
      const e = 1 / (1 + Math.exp(-t)) - y[i]!;
      for (let j = 0; j < d; j++) g[j]! += e * z[i]![j]!;
      gb += e;
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - (g[j]! / n + l2 * w[j]!);
    b -= gb / n;
  }
  const raw = w.map((v, j) => v / sd[j]!);
  return [...raw, b - w.reduce((s, v, j) => s + (v * mu[j]!) / sd[j]!, 0)];
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: number[]): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Microseconds per call of `fn`, measured over enough iterations to last about `targetMs`
 * after a warm-up, so timer resolution and JIT tiers do not dominate.
 */
export function microsPerCall(fn: () => void, targetMs = 20): number {
  for (let i = 0; i < 50; i++) fn();
  let iterations = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    const elapsed = performance.now() - start;
    if (elapsed >= targetMs) return (elapsed * 1000) / iterations;
    iterations *= elapsed < 1 ? 10 : Math.ceil(targetMs / elapsed) + 1;
  }
}

/**
 * Items per second of an async per-item function over `items`: warmed up until the JIT has settled, then
 * measured in several rounds; the median round is reported, so one disturbed round does not decide it.
 */
export async function throughput<T>(
  items: T[],
  fn: (item: T) => Promise<unknown>,
  { warmupMs = 1500, roundMs = 2000, rounds = 3 } = {},
): Promise<number> {
  const runFor = async (ms: number): Promise<number> => {
    let done = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (const item of items) await fn(item);
      done += items.length;
    }
    return (done * 1000) / (performance.now() - start);
  };
  await runFor(warmupMs);
  const perRound: number[] = [];
  for (let i = 0; i < rounds; i++) perRound.push(await runFor(roundMs));
  return median(perRound);
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

// Precomputed tree keys: building "F12" by concatenation for every value is measurable in the hot loop.
const PRECOMPUTED = 128;

function table(prefix: string): string[] {
  const holder: Record<string, number> = {};
  for (let i = 0; i <= PRECOMPUTED; i++) holder[prefix + i] = i;
  // Property names come back internalized; concatenated strings are not, and V8 then takes a
  // slow runtime path on every keyed store with them (measured: about half the parse time).
  return Object.keys(holder);
}

const F = table('F');
const C = table('C');
const S = table('S');

export const fieldKey = (n: number): string => (n <= PRECOMPUTED ? F[n] : 'F' + n);
export const componentKey = (n: number): string => (n <= PRECOMPUTED ? C[n] : 'C' + n);
export const subcomponentKey = (n: number): string => (n <= PRECOMPUTED ? S[n] : 'S' + n);

/** Reads the number of a key like "F12"; NaN when the key is not of that form. */
export function keyIndex(key: string, prefix: string): number {
  if (key.length < 2 || key[0] !== prefix) return NaN;
  const rest = key.slice(1);
  return /^[1-9]\d*$/.test(rest) ? Number(rest) : NaN;
}

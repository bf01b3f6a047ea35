/** Bounds on one evaluation, so a hostile or careless expression fails with an error instead of hanging. */
export interface Limits {
  /** Wall-clock time of one evaluation, ms (JSONata checks it at every step). */
  timeoutMs: number;
  /** Depth of nested JSONata evaluation (recursion). */
  maxDepth: number;
  /** Longest sequence or range an expression may build. */
  maxSequence: number;
  /** Longest string `$pad` / `$join` may build, in characters. */
  maxStringLength: number;
  /** Size of the produced resources, in characters of their JSON (approximate, counted as built). */
  maxOutputChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 1000,
  maxDepth: 400,
  maxSequence: 100_000,
  maxStringLength: 1_000_000,
  maxOutputChars: 5_000_000,
};

export const resolveLimits = (partial?: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...partial });

/** The subset that JSONata takes when an expression is created. */
export const jsonataLimitsKey = (l: Limits): string => `${l.timeoutMs}/${l.maxDepth}/${l.maxSequence}`;

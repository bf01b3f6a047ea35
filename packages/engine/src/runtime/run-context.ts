import type { Limits } from './limits';
import type { TerminologyPort } from './ports';

export interface UnmappedCode {
  nodeId: string;
  conceptMap: string;
  code: string;
  policy: 'error' | 'passthrough' | 'default';
}

export interface RunWarning {
  code: string;
  message: string;
  at: { nodeId?: string; element?: string };
}

/** Per-evaluation state, bound as `$__mapwright` so concurrent runs of one compiled program never share it. */
export interface RunContext {
  seed: string;
  limits: Limits;
  terminology: TerminologyPort | undefined;
  outputChars: number;
  unmapped: UnmappedCode[];
  warnings: RunWarning[];
}

export const RUN_CONTEXT = '__mapwright';

/** A failure raised inside a helper, carried through JSONata as a thrown object with our own code. */
export interface EngineThrow {
  code: string;
  message: string;
  nodeId?: string;
  details?: Record<string, unknown>;
}

export const isEngineThrow = (e: unknown): e is EngineThrow =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { code?: unknown }).code === 'string' &&
  (e as { code: string }).code.startsWith('MW-');

import type { DiffGroup, ElementDiff, GraphDiff } from '@mapwright/engine';

/**
 * What the diff screens read of `versions.compare` (packages/api). Written out here rather than inferred
 * from the router so the screens depend on the fields they show, not on the whole answer.
 */
export interface VersionSummary {
  id: string;
  number: number;
  author: string;
  message: string | null;
  createdAt: string | Date;
}

export interface MessageOutcome {
  ok: boolean;
  errors: number;
  warnings: number;
  problem?: string | undefined;
}

export interface MessageDiff {
  id: string;
  name: string;
  origin: 'sample' | 'test' | 'corpus';
  diffs: ElementDiff[];
  before: MessageOutcome;
  after: MessageOutcome;
}

export interface ValidationCounts {
  messages: number;
  failedToMap: number;
  errors: number;
  warnings: number;
}

export interface SemanticDiffView {
  total: number;
  changed: number;
  groups: DiffGroup[];
  messages: MessageDiff[];
  /** Messages the server left out of `messages` to keep the answer small (still counted in the groups). */
  omittedMessages?: number;
  validation: { before: ValidationCounts; after: ValidationCounts };
}

export interface TestRun {
  passed: number;
  failed: number;
  results: Array<{ name: string; passed: boolean }>;
}

export interface Comparison {
  from: VersionSummary;
  to: VersionSummary;
  graph: GraphDiff;
  program: { before: string; after: string };
  output: SemanticDiffView;
  tests: { before: TestRun; after: TestRun };
  corpus: { available: boolean; messages: number };
}

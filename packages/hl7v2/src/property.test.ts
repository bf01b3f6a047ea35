import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAck } from './ack';
import { corpusMessages } from './corpus-fixture.test-helper';
import { listLeafValues } from './leaf-paths';
import { parseHl7 } from './parse';
import { fromTree, serializeHl7 } from './serialize';
import { toTree } from './tree';

const SPECIAL = ['|', '^', '~', '\\', '&', '\r', '\n', '"', '""', '\\X', '\\.br\\', 'MSH|', '\uFEFF', '#'];

type Mutation =
  | { kind: 'flip'; at: number; code: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SPECIAL) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'flip':
      return text.slice(0, at) + String.fromCharCode(m.code) + text.slice(at + 1);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicate': {
      const segments = text.split('\r');
      const i = m.at % segments.length;
      segments.splice(i, 0, segments[i]);
      return segments.join('\r');
    }
  }
}

describe('mutated corpus messages', () => {
  const corpus = corpusMessages().map((m) => m.text);

  // parseHl7 and buildAck turn an unexpected exception into an INTERNAL_ERROR value at the package boundary;
  // that keeps callers safe but would hide a parser bug, so the property also forbids it.
  const noInternalError = (issues: readonly { code: string; message: string }[]) =>
    expect(issues.filter((i) => i.code === 'INTERNAL_ERROR')).toEqual([]);

  it('never make parse, toTree, serialize or buildAck throw or fail internally (10,000 runs)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, mutations) => {
        const text = mutations.reduce(apply, corpus[pick % corpus.length]);
        const r = parseHl7(text);
        noInternalError(r.warnings);
        if (r.ok) {
          const tree = toTree(r.message);
          JSON.stringify(tree);
          serializeHl7(r.message);
          fromTree(tree);
          listLeafValues(r.message);
          expect(buildAck(r.message, { code: 'AE', errors: r.warnings })).toMatch(/^MSH(.).*\rMSA\1AE\1/s);
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          noInternalError(r.errors);
          expect(buildAck(text, { code: 'AR', errors: r.errors })).toMatch(/^MSH(.).*\rMSA\1AR\1/s);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});

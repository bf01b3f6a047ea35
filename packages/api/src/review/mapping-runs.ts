import type { TestCaseRecord } from '@mapwright/db';
import {
  bundledConceptMaps,
  bundledTerminology,
  compileMapping,
  createTerminology,
  type CompiledMapping,
  type TerminologyPort,
  type TestCaseSpec,
} from '@mapwright/engine';
import { TRPCError } from '@trpc/server';
import type { Context } from '../context';
import { usableStoredMaps } from '../terminology/stored-concept-maps';

/** What lookups translate with on the server: the bundled HL7 tables plus the project's stored maps. */
export async function serverTerminology(ctx: Pick<Context, 'conceptMaps'>): Promise<TerminologyPort> {
  const stored = await usableStoredMaps(ctx.conceptMaps);
  return stored.length === 0 ? bundledTerminology() : createTerminology([...bundledConceptMaps(), ...stored]);
}

/** Compiles a graph, or refuses with the first located problem after `refusal` (`Version 3 does not compile`). */
export function compileOrRefuse(graph: unknown, refusal: string): CompiledMapping {
  const compiled = compileMapping(graph);
  if (compiled.ok) return compiled.value;
  const first = compiled.errors[0]!;
  const where = first.at.nodeId ? ` (node ${first.at.nodeId})` : '';
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `${refusal}: ${compiled.errors.length} problem(s), the first${where}: ${first.message}`,
  });
}

/**
 * Stored assertions as expressions. Anything that is not a string (written by an older Mapwright or by hand)
 * is kept as its JSON text, so it fails as a visible assertion instead of silently vanishing.
 */
export function storedAssertions(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
}

export type RunnableTestCase = TestCaseSpec & { text: string; testCaseId: string };

/** The mapping's test cases with their sample's text, ready for runTestCases; `onlyId` keeps one. */
export async function runnableTestCases(
  ctx: Pick<Context, 'samples' | 'testCases'>,
  mappingId: string,
  onlyId?: string,
): Promise<RunnableTestCase[]> {
  const [samples, testCases] = await Promise.all([
    ctx.samples.listByMapping(mappingId),
    ctx.testCases.listByMapping(mappingId),
  ]);
  const byId = new Map(samples.map((s) => [s.id, s]));
  return testCases
    .filter((t) => onlyId === undefined || t.id === onlyId)
    .flatMap((t) => {
      // The composite foreign key keeps every test case's sample in its mapping.
      const sample = byId.get(t.sampleId);
      return sample ? [runnable(t, sample.name, sample.content)] : [];
    });
}

function runnable(t: TestCaseRecord, sampleName: string, text: string): RunnableTestCase {
  return {
    testCaseId: t.id,
    name: t.name,
    sampleName,
    expectedBundle: t.expectedBundle,
    assertions: storedAssertions(t.assertions),
    text,
  };
}

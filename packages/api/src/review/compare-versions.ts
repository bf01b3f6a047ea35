import { diffGraphs, semanticDiff, type SemanticMessage } from '@mapwright/engine';
import { TRPCError } from '@trpc/server';
import type { Context } from '../context';
import { runVersionTests } from './approval-gate';
import { capMessages } from './cap-messages';
import { compileOrRefuse, serverTerminology } from './mapping-runs';
import { versionSummary } from './version-summary';

/** The most corpus files one comparison reads: each runs twice, with validation. */
export const MAX_CORPUS_MESSAGES = 500;

/**
 * Everything a reviewer compares two versions of one mapping by: the graph diff, both generated programs,
 * the output of both over the mapping's samples (and the review corpus when asked), and both test runs.
 */
export async function compareVersions(
  ctx: Context,
  input: { fromVersionId: string; toVersionId: string; includeCorpus?: boolean },
) {
  const [from, to] = await Promise.all([
    ctx.mappings.getVersion(input.fromVersionId),
    ctx.mappings.getVersion(input.toVersionId),
  ]);
  if (!from || !to) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such version.' });
  if (from.mappingId !== to.mappingId)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'Only two versions of the same mapping can be compared.',
    });
  const before = compileOrRefuse(from.graph, `Version ${from.number} does not compile`);
  const after = compileOrRefuse(to.graph, `Version ${to.number} does not compile`);
  const mapping = await ctx.mappings.get(from.mappingId);
  if (!mapping) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such mapping.' });

  // Test cases run samples of the mapping, so the samples are every sample and test message there is.
  const samples = await ctx.samples.listByMapping(mapping.id);
  const messages: SemanticMessage[] = samples.map((s) => ({
    id: `sample:${s.id}`,
    name: s.name,
    origin: 'sample',
    text: s.content,
  }));
  const corpus =
    input.includeCorpus && ctx.reviewCorpus
      ? await ctx.reviewCorpus.messages(mapping.sourceFormat, MAX_CORPUS_MESSAGES)
      : [];
  for (const m of corpus)
    messages.push({ id: `corpus:${m.name}`, name: m.name, origin: 'corpus', text: m.text });

  const terminology = await serverTerminology(ctx);
  const output = await semanticDiff(before, after, messages, { validate: true, terminology });
  const [testsBefore, testsAfter] = [
    await runVersionTests(ctx, mapping.id, before, terminology),
    await runVersionTests(ctx, mapping.id, after, terminology),
  ];
  return {
    from: versionSummary(from),
    to: versionSummary(to),
    graph: diffGraphs(before.mapping, after.mapping),
    program: { before: before.program, after: after.program },
    output: capMessages(output),
    tests: { before: testsBefore, after: testsAfter },
    corpus: { available: ctx.reviewCorpus !== undefined, messages: corpus.length },
  };
}

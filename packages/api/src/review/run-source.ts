import type { CompiledMapping } from '@mapwright/engine';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context';
import { GraphInput } from '../routers/mapping-graph';
import { compileOrRefuse } from './mapping-runs';

/** What a test run runs: the graph on the analyst's canvas, or a committed version of the mapping. */
export const RunSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('draft'), graph: GraphInput }),
  z.object({ kind: z.literal('version'), versionId: z.uuid() }),
]);
export type RunSource = z.infer<typeof RunSource>;

/** Compiles the source, checking a version belongs to the mapping whose tests it runs. */
export async function compileSource(
  ctx: Pick<Context, 'mappings'>,
  mappingId: string,
  source: RunSource,
): Promise<CompiledMapping> {
  if (source.kind === 'draft') return compileOrRefuse(source.graph, 'The mapping does not compile');
  const version = await ctx.mappings.getVersion(source.versionId);
  if (!version || version.mappingId !== mappingId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such version of this mapping.' });
  return compileOrRefuse(version.graph, `Version ${version.number} does not compile`);
}

import { useQuery } from '@tanstack/react-query';
import type { Mapping, MappingInput } from '@mapwright/engine';
import { useMemo, useState } from 'react';
import { toDocument } from '../model';
import { useTRPC } from '../trpc';
import type { Comparison } from './comparison';
import { mergeForDiff, type MergedGraph } from './merge-graphs';

export interface LoadedComparison {
  comparison: Comparison;
  before: Mapping;
  after: Mapping;
  merged: MergedGraph;
}

/** Both versions' graphs and the server's comparison of them (graph, program, output, tests). */
export function useComparison(fromVersionId: string | null, toVersionId: string | null) {
  const trpc = useTRPC();
  const [includeCorpus, setIncludeCorpus] = useState(false);
  const enabled = fromVersionId !== null && toVersionId !== null;
  const from = useQuery({
    ...trpc.versions.get.queryOptions({ id: fromVersionId ?? '' }),
    enabled,
    staleTime: Infinity,
  });
  const to = useQuery({
    ...trpc.versions.get.queryOptions({ id: toVersionId ?? '' }),
    enabled,
    staleTime: Infinity,
  });
  const compared = useQuery({
    ...trpc.versions.compare.queryOptions({
      fromVersionId: fromVersionId ?? '',
      toVersionId: toVersionId ?? '',
      includeCorpus,
    }),
    enabled,
    staleTime: Infinity,
    // Switching the corpus on keeps the last answer on screen while the larger one is computed.
    placeholderData: (previous) => previous,
  });
  // A cast only for `unknown` values, which come back optional once they have been JSON.
  const comparison = compared.data as Comparison | undefined;
  const loaded: LoadedComparison | null = useMemo(() => {
    if (!from.data || !to.data || !comparison) return null;
    const before = toDocument(from.data.graph as MappingInput);
    const after = toDocument(to.data.graph as MappingInput);
    return { comparison, before, after, merged: mergeForDiff(before, after, comparison.graph) };
  }, [comparison, from.data, to.data]);
  const error = from.error ?? to.error ?? compared.error;
  return {
    loaded,
    error: error ? error.message : null,
    refreshing: compared.isFetching,
    includeCorpus,
    setIncludeCorpus,
  };
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** Mapping id -> name: channels name their mapping by id. */
export function useMappingNames(): ReadonlyMap<string, string> {
  const trpc = useTRPC();
  const mappings = useQuery(trpc.mappings.list.queryOptions({ limit: 500 }));
  return new Map((mappings.data ?? []).map((m) => [m.id, m.name]));
}

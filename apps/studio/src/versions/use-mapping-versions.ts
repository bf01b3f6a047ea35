import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/**
 * A mapping named by its slug (version and compare links use slugs: they read well and survive a
 * re-import) and its history, newest first.
 */
export function useMappingVersions(slug: string) {
  const trpc = useTRPC();
  const mappings = useQuery(trpc.mappings.list.queryOptions({ limit: 500 }));
  const mapping = mappings.data?.find((m) => m.slug === slug) ?? null;
  const versions = useQuery({
    ...trpc.versions.list.queryOptions({ mappingId: mapping?.id ?? '' }),
    enabled: mapping !== null,
  });
  const missing = mappings.isSuccess && mapping === null;
  const error = mappings.error?.message ?? versions.error?.message ?? null;
  return { mapping, versions: versions.data ?? null, missing, error };
}

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/** After a deploy or rollback: the channel, the list's live column and the history all changed. */
export function useRefreshChannel(channelId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.channels.get.queryKey({ id: channelId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.deployments.history.queryKey({ channelId }) }),
    ]);
  };
}

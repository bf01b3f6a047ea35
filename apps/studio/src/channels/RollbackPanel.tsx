import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import type { Channel, Deployment } from './api-types';
import { ConfirmBox } from './ConfirmBox';
import { previousVersion } from './previous-version';
import { useRefreshChannel } from './use-refresh-channel';

/** Goes back to the version the channel ran before the live one, after a confirmation. */
export function RollbackPanel({ channel, history }: { channel: Channel; history: readonly Deployment[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshChannel(channel.id);
  const [confirming, setConfirming] = useState(false);
  const rollback = useMutation(
    trpc.deployments.rollback.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const target = previousVersion(history);
  if (!target || !channel.live) return null;
  return (
    <section className="rollback-panel" aria-labelledby="rollback-title">
      <h2 id="rollback-title">Roll back</h2>
      {!confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          Roll back to version {target.versionNumber}…
        </button>
      )}
      {confirming && (
        <ConfirmBox
          title={`Roll back ${channel.name} to version ${target.versionNumber}?`}
          confirmText={`Roll back to version ${target.versionNumber}`}
          busy={rollback.isPending}
          error={rollback.error?.message ?? null}
          onConfirm={(note) =>
            rollback.mutate({
              channelId: channel.id,
              toVersionId: target.versionId,
              ...(note ? { note } : {}),
            })
          }
          onCancel={() => {
            setConfirming(false);
            rollback.reset();
          }}
        >
          <p>
            Version {channel.live.number} stops taking new messages; they use version {target.versionNumber}{' '}
            again as soon as you confirm.
          </p>
        </ConfirmBox>
      )}
    </section>
  );
}

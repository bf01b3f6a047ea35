import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import { ReviewBadge } from '../versions/ReviewBadge';
import type { Channel } from './api-types';
import { ConfirmBox } from './ConfirmBox';
import { useRefreshChannel } from './use-refresh-channel';

/**
 * Picks one of the mapping's versions to run. Only approved versions can be chosen (the server refuses
 * the others too); the rest are listed with their review state so the operator sees what is coming.
 */
export function DeployPanel({ channel, mappingName }: { channel: Channel; mappingName: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshChannel(channel.id);
  const versions = useQuery(trpc.versions.list.queryOptions({ mappingId: channel.mappingId }));
  const [chosen, setChosen] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const deploy = useMutation(
    trpc.deployments.deploy.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        setChosen(null);
        await refresh();
      },
    }),
  );
  const version = versions.data?.find((v) => v.id === chosen) ?? null;

  return (
    <section className="deploy-panel" aria-labelledby="deploy-title">
      <h2 id="deploy-title">Deploy</h2>
      {versions.isError && <p role="alert">{versions.error.message}</p>}
      {versions.data?.length === 0 && (
        <p>{mappingName} has no versions yet: commit one and have it approved.</p>
      )}
      <fieldset className="version-choices">
        <legend>Version of {mappingName}</legend>
        {versions.data?.map((v) => {
          const live = channel.live?.id === v.id;
          const selectable = v.reviewState === 'approved' && !live;
          return (
            <label key={v.id} className="version-choice" data-version={v.number}>
              <input
                type="radio"
                name="deploy-version"
                value={v.id}
                disabled={!selectable || deploy.isPending}
                checked={chosen === v.id}
                onChange={() => {
                  setChosen(v.id);
                  setConfirming(false);
                }}
              />
              <span>
                Version {v.number}
                {v.message ? ` — ${v.message}` : ''}
              </span>
              <ReviewBadge state={v.reviewState} />
              {live && <span className="live-badge">live</span>}
            </label>
          );
        })}
      </fieldset>
      {!confirming && (
        <button type="button" disabled={!version} onClick={() => setConfirming(true)}>
          Deploy{version ? ` version ${version.number}` : ''}…
        </button>
      )}
      {confirming && version && (
        <ConfirmBox
          title={`Deploy version ${version.number} to ${channel.name}?`}
          confirmText={`Deploy version ${version.number}`}
          busy={deploy.isPending}
          error={deploy.error?.message ?? null}
          onConfirm={(note) =>
            deploy.mutate({ channelId: channel.id, versionId: version.id, ...(note ? { note } : {}) })
          }
          onCancel={() => {
            setConfirming(false);
            deploy.reset();
          }}
        >
          <p>
            New messages on this channel use version {version.number} as soon as you confirm; messages already
            in flight finish on{' '}
            {channel.live ? `version ${channel.live.number}` : 'the version they started on'}.
          </p>
        </ConfirmBox>
      )}
    </section>
  );
}

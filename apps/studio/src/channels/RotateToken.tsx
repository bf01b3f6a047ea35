import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import type { Channel } from './api-types';
import { IngestToken } from './IngestToken';

/** Replaces the channel's HTTP ingest token (lost, or leaked): the old one stops working at once. */
export function RotateToken({ channel }: { channel: Channel }) {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.channels.rotateToken.mutationOptions({
      onSuccess: (answer) => {
        setConfirming(false);
        setToken(answer.ingestToken);
      },
    }),
  );
  return (
    <section className="rotate-token" aria-labelledby="rotate-token-title">
      <h2 id="rotate-token-title">HTTP ingest token</h2>
      {token ? (
        <IngestToken title="New ingest token" token={token} onDone={() => setToken(null)} />
      ) : confirming ? (
        <div role="alertdialog" aria-labelledby="rotate-confirm-title" className="channel-confirm">
          <h3 id="rotate-confirm-title">Replace the ingest token of {channel.name}?</h3>
          <p>Senders still using the current token are refused from then on, until they get the new one.</p>
          {rotate.error && <p role="alert">{rotate.error.message}</p>}
          <div className="channel-actions">
            <button
              type="button"
              disabled={rotate.isPending}
              onClick={() => rotate.mutate({ id: channel.id })}
            >
              {rotate.isPending ? 'Working…' : 'Replace the token'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Replace the token…
        </button>
      )}
    </section>
  );
}

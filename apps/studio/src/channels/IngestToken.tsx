import { useState } from 'react';

/** The channel's ingest token, which the server shows this once: copy it now or rotate it later. */
export function IngestToken({ title, token, onDone }: { title: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="ingest-token" aria-labelledby="ingest-token-title">
      <h2 id="ingest-token-title">{title}</h2>
      <p className="channel-warning" role="note">
        Copy this token now: it will not be shown again. Senders put it in their requests to this channel.
      </p>
      <code className="token" aria-label="Ingest token">
        {token}
      </code>
      <div className="channel-actions">
        <button type="button" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          I have stored it
        </button>
      </div>
      {copied === 'yes' && <p role="status">Copied.</p>}
      {copied === 'failed' && (
        <p role="alert">The browser refused the clipboard: select the token and copy it.</p>
      )}
    </section>
  );
}

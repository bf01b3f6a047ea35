import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { navigate } from '../routes';
import { useTRPC } from '../trpc';
import { IngestToken } from './IngestToken';

/** A channel starts from its name, its inbound endpoints and the mapping it will run. */
export function NewChannel({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mappings = useQuery(trpc.mappings.list.queryOptions({ limit: 500 }));
  const [name, setName] = useState('');
  const [path, setPath] = useState('');
  const [port, setPort] = useState('');
  const [mappingId, setMappingId] = useState('');
  const [portError, setPortError] = useState<string | null>(null);
  const [token, setToken] = useState<{ channelId: string; token: string } | null>(null);
  const create = useMutation(
    trpc.channels.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() });
        // A token the server shows once must be read before the page moves on.
        const shown = 'ingestToken' in created ? created.ingestToken : undefined;
        if (typeof shown === 'string') setToken({ channelId: created.id, token: shown });
        else navigate({ name: 'channel', id: created.id });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Number('x') is NaN, which JSON sends as null (no port): refuse it here instead.
    if (port.trim() && !/^\d+$/.test(port.trim())) {
      setPortError('MLLP port: write a whole number, e.g. 2575, or leave it empty.');
      return;
    }
    setPortError(null);
    create.mutate({
      name: name.trim(),
      path: path.trim(),
      ...(port.trim() ? { mllpPort: Number(port.trim()) } : {}),
      mappingId,
    });
  };

  if (token)
    return (
      <IngestToken
        title="Channel created: its ingest token"
        token={token.token}
        onDone={() => {
          onClose();
          navigate({ name: 'channel', id: token.channelId });
        }}
      />
    );
  return (
    <form className="new-channel" onSubmit={submit} aria-labelledby="new-channel-title">
      <h2 id="new-channel-title">New channel</h2>
      <label>
        <span>Name</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Lab ADT" />
      </label>
      <label>
        <span>HTTP path</span>
        <input
          required
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="e.g. lab-adt"
          spellCheck={false}
        />
      </label>
      <label>
        <span>MLLP port (optional)</span>
        <input
          inputMode="numeric"
          value={port}
          onChange={(e) => setPort(e.target.value)}
          placeholder="e.g. 2575"
        />
      </label>
      <label>
        <span>Mapping</span>
        <select required value={mappingId} onChange={(e) => setMappingId(e.target.value)}>
          <option value="">Choose a mapping…</option>
          {mappings.data?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {mappings.isError && <p role="alert">{mappings.error.message}</p>}
      {portError && <p role="alert">{portError}</p>}
      {create.error && <p role="alert">{create.error.message}</p>}
      <div className="channel-actions">
        <button type="submit" disabled={create.isPending || !name.trim() || !path.trim() || !mappingId}>
          Create channel
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@mapwright/api';
import { useState } from 'react';
import { canOperate } from '../roles';
import { hrefFor } from '../routes';
import { useTRPC } from '../trpc';
import { LiveVersionText } from './LiveVersionText';
import { NewChannel } from './NewChannel';
import { useMappingNames } from './use-mapping-names';
import './channels.css';

/** The operator's first screen: every channel, where it listens, what it runs and since when. */
export function ChannelList({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const channels = useQuery(trpc.channels.list.queryOptions());
  const mappingNames = useMappingNames();
  const [creating, setCreating] = useState(false);
  const operator = canOperate(user.roles);

  return (
    <main className="channels">
      <header>
        <h1>Channels</h1>
        {operator && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New channel
          </button>
        )}
      </header>
      {creating && <NewChannel onClose={() => setCreating(false)} />}
      {channels.isError && <p role="alert">{channels.error.message}</p>}
      {channels.data && channels.data.length === 0 && (
        <p>No channels yet.{operator ? ' Create one to run an approved mapping.' : ''}</p>
      )}
      {channels.data && channels.data.length > 0 && (
        <table className="channel-table" aria-label="Channels">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">HTTP path</th>
              <th scope="col">MLLP port</th>
              <th scope="col">Mapping</th>
              <th scope="col">Live version</th>
              <th scope="col">Enabled</th>
            </tr>
          </thead>
          <tbody>
            {channels.data.map((c) => (
              <tr key={c.id} data-channel={c.name}>
                <td>
                  <a href={hrefFor({ name: 'channel', id: c.id })}>{c.name}</a>
                </td>
                <td>
                  <code>{c.path}</code>
                </td>
                <td>{c.mllpPort ?? '—'}</td>
                <td>{mappingNames.get(c.mappingId) ?? '…'}</td>
                <td>
                  <LiveVersionText live={c.live} />
                </td>
                <td>{c.enabled ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

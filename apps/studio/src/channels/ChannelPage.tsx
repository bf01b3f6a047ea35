import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@mapwright/api';
import { canOperate } from '../roles';
import { hrefFor } from '../routes';
import { useTRPC } from '../trpc';
import { DeploymentHistory } from './DeploymentHistory';
import { DeployPanel } from './DeployPanel';
import { LiveVersionText } from './LiveVersionText';
import { RollbackPanel } from './RollbackPanel';
import { RotateToken } from './RotateToken';
import { useMappingNames } from './use-mapping-names';
import '../versions/versions.css';
import './channels.css';

/** One channel: what runs on it, how to change that, and everything that ran before. */
export function ChannelPage({ channelId, user }: { channelId: string; user: SessionUser }) {
  const trpc = useTRPC();
  const channel = useQuery(trpc.channels.get.queryOptions({ id: channelId }));
  const history = useQuery(trpc.deployments.history.queryOptions({ channelId }));
  const mappingNames = useMappingNames();

  if (channel.isError) return <p role="alert">{channel.error.message}</p>;
  if (!channel.data) return <p aria-busy="true">Loading the channel…</p>;
  const c = channel.data;
  const mappingName = mappingNames.get(c.mappingId) ?? 'its mapping';
  return (
    <main className="channels channel-page">
      <p>
        <a href={hrefFor({ name: 'channels' })}>← Channels</a>
      </p>
      <h1>{c.name}</h1>
      <dl className="channel-facts">
        <dt>HTTP path</dt>
        <dd>
          <code>{c.path}</code>
        </dd>
        <dt>MLLP port</dt>
        <dd>{c.mllpPort ?? 'none'}</dd>
        <dt>Mapping</dt>
        <dd>{mappingName}</dd>
        <dt>Enabled</dt>
        <dd>{c.enabled ? 'Yes' : 'No'}</dd>
      </dl>
      <section className="live-version" aria-label="Live version">
        <h2>Live version</h2>
        <LiveVersionText live={c.live} />
      </section>
      {canOperate(user.roles) && (
        <>
          <DeployPanel channel={c} mappingName={mappingName} />
          {history.data && <RollbackPanel channel={c} history={history.data} />}
          <RotateToken channel={c} />
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">Deployment history</h2>
        {history.isError && <p role="alert">{history.error.message}</p>}
        {history.data && <DeploymentHistory history={history.data} />}
      </section>
    </main>
  );
}

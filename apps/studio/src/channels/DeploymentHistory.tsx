import { formatTime } from '../versions/review-state';
import type { Deployment } from './api-types';

/** Every deploy and rollback on the channel, newest first: the first row is what runs now. */
export function DeploymentHistory({ history }: { history: readonly Deployment[] }) {
  if (history.length === 0) return <p>Nothing has been deployed on this channel yet.</p>;
  return (
    <table className="channel-table" aria-label="Deployment history">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Action</th>
          <th scope="col">Version</th>
          <th scope="col">By</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {history.map((d, i) => (
          <tr key={d.id} data-kind={d.kind} data-version={d.versionNumber}>
            <td>{formatTime(d.createdAt)}</td>
            <td>
              {d.kind === 'rollback' ? 'Rollback' : 'Deploy'}
              {i === 0 && <span className="live-badge"> live</span>}
            </td>
            <td>Version {d.versionNumber}</td>
            <td>{d.actor}</td>
            <td className="deployment-note">{d.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

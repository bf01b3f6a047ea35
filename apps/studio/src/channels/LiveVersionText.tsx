import { formatTime } from '../versions/review-state';
import type { LiveVersion } from './api-types';

/** "Version 2 live since 2026-11-22 08:14, deployed by otto@…" (or "rollback by"), or that nothing runs yet. */
export function LiveVersionText({ live }: { live: LiveVersion | null }) {
  if (!live) return <span className="channel-idle">Not deployed</span>;
  return (
    <span data-live-version={live.number}>
      <strong>Version {live.number}</strong>{' '}
      <span className="channel-meta">
        live since {formatTime(live.deployedAt)}, {live.kind === 'rollback' ? 'rollback' : 'deployed'} by{' '}
        {live.deployedBy}
      </span>
    </span>
  );
}

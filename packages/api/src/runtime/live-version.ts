import type { DeploymentRecord } from '@mapwright/db';

/** What the studio shows of the version running on a channel; null before its first deployment. */
export function liveVersion(newest: DeploymentRecord | undefined) {
  if (!newest) return null;
  return {
    id: newest.versionId,
    number: newest.versionNumber,
    deployedAt: newest.createdAt,
    deployedBy: newest.actor,
    kind: newest.kind,
  };
}

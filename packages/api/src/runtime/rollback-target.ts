/** Why a rollback has nowhere to go, as the operator reads it. */
export type RollbackRefusal = 'nothing-deployed' | 'no-earlier-version' | 'never-deployed' | 'already-live';

/**
 * The version a rollback goes to, from the channel's deployments newest first: `requested` when it was
 * deployed there before and is not the live one; otherwise the newest deployed version that differs from
 * the live one (deploy 1, 2, 2 again, rollback: back to 1, not to the same 2).
 */
export function rollbackTarget(
  historyNewestFirst: ReadonlyArray<{ versionId: string }>,
  requested?: string,
): { versionId: string } | { refused: RollbackRefusal } {
  const live = historyNewestFirst[0]?.versionId;
  if (live === undefined) return { refused: 'nothing-deployed' };
  if (requested !== undefined) {
    if (requested === live) return { refused: 'already-live' };
    if (!historyNewestFirst.some((d) => d.versionId === requested)) return { refused: 'never-deployed' };
    return { versionId: requested };
  }
  const previous = historyNewestFirst.find((d) => d.versionId !== live);
  return previous ? { versionId: previous.versionId } : { refused: 'no-earlier-version' };
}

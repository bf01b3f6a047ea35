/**
 * The version "Roll back" goes to, as the server picks it (rollbackTarget in packages/api): the newest
 * deployment of a version other than the live one. Null when there is none, so the page offers no rollback.
 */
export function previousVersion<T extends { versionId: string }>(historyNewestFirst: readonly T[]): T | null {
  const live = historyNewestFirst[0]?.versionId;
  if (live === undefined) return null;
  return historyNewestFirst.find((d) => d.versionId !== live) ?? null;
}

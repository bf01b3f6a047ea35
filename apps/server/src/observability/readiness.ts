import { MIGRATIONS_TABLE, readMigrations, type Database } from '@mapwright/db';

export type ReadinessCheck = 'database' | 'migrations';

export type Readiness = { ready: true } | { ready: false; failed: ReadinessCheck; message: string };

const TIMEOUT = Symbol('timeout');

/**
 * Ready when the database answers `SELECT 1` within `timeoutMs` and every migration this build ships is
 * recorded as applied. Messages say which check failed, never the driver's error (it may quote SQL).
 */
export async function checkReadiness(db: Database, timeoutMs = 1_000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), timeoutMs);
  });
  try {
    const ping = db.prisma.$queryRawUnsafe('SELECT 1').then(
      () => true,
      () => false,
    );
    const answered = await Promise.race([ping, timeout]);
    if (answered !== true)
      return {
        ready: false,
        failed: 'database',
        message:
          answered === TIMEOUT
            ? `The database did not answer within ${timeoutMs} ms.`
            : 'The database did not answer.',
      };
    const [shipped, applied] = await Promise.all([
      readMigrations(),
      db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE}`).catch(() => null),
    ]);
    const done = new Set((applied ?? []).map((row) => row.name));
    const pending = shipped.filter((m) => !done.has(m.name)).length;
    if (applied === null || pending > 0)
      return {
        ready: false,
        failed: 'migrations',
        message: `${pending} migration(s) of this build are not applied.`,
      };
    return { ready: true };
  } finally {
    clearTimeout(timer);
  }
}

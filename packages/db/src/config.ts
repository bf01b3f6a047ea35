import path from 'node:path';

/** Where the database lives, decided from options and environment before anything is opened. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | 'memory://' }
  | { kind: 'postgres'; connectionString: string; schema: string | undefined };

export interface DatabaseTargetOptions {
  /** postgres:// or postgresql:// URL; `?schema=name` selects (and creates) a schema. */
  url?: string;
  /** PGlite data directory, or `memory://` for a throw-away in-memory database. */
  dataDir?: string;
}

export const DEFAULT_DATA_DIR = './.mapwright/data';
export const MEMORY_DATA_DIR = 'memory://';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * Explicit options win over the environment: `url`, then `dataDir`, then DATABASE_URL, then
 * MAPWRIGHT_DATA_DIR, then ./.mapwright/data. Relative data directories resolve against `cwd`.
 */
export function resolveDatabaseTarget(
  options: DatabaseTargetOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): DatabaseTarget {
  if (options.url !== undefined) return postgresTarget(options.url, 'the url option');
  if (options.dataDir !== undefined) return pgliteTarget(options.dataDir, cwd);
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return postgresTarget(databaseUrl, 'DATABASE_URL');
  const dataDir = env.MAPWRIGHT_DATA_DIR?.trim();
  return pgliteTarget(dataDir || DEFAULT_DATA_DIR, cwd);
}

function postgresTarget(url: string, source: string): DatabaseTarget {
  if (!POSTGRES_URL.test(url)) {
    throw new Error(
      `${source} must be a postgres:// or postgresql:// URL (got "${redact(url)}"); ` +
        'leave it unset to use the embedded database in MAPWRIGHT_DATA_DIR',
    );
  }
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  // node-postgres does not understand Prisma's `schema` parameter; we apply it as search_path.
  parsed.searchParams.delete('schema');
  return { kind: 'postgres', connectionString: parsed.toString(), schema: schema || undefined };
}

function pgliteTarget(dataDir: string, cwd: string): DatabaseTarget {
  if (dataDir === MEMORY_DATA_DIR) return { kind: 'pglite', dataDir: MEMORY_DATA_DIR };
  return { kind: 'pglite', dataDir: path.resolve(cwd, dataDir) };
}

/** Hides the password of a connection URL in messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

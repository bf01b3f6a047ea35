import { openDatabase, type Database } from '@mapwright/db';

/**
 * Opens the database the server uses: `--database` (a postgres:// URL or a PGlite data directory) when given,
 * else DATABASE_URL, else MAPWRIGHT_DATA_DIR, else ./.mapwright/data (see @mapwright/db's config).
 */
export function openCliDatabase(database: string | undefined): Promise<Database> {
  if (database === undefined) return openDatabase();
  return /^postgres(ql)?:\/\//i.test(database)
    ? openDatabase({ url: database })
    : openDatabase({ dataDir: database });
}

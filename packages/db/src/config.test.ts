import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDatabaseTarget } from './config';

const cwd = '/srv/app';

describe('resolveDatabaseTarget', () => {
  it('defaults to PGlite in ./.mapwright/data under the working directory', () => {
    expect(resolveDatabaseTarget({}, {}, cwd)).toEqual({
      kind: 'pglite',
      dataDir: path.join(cwd, '.mapwright', 'data'),
    });
  });

  it('uses MAPWRIGHT_DATA_DIR, resolved against the working directory', () => {
    expect(resolveDatabaseTarget({}, { MAPWRIGHT_DATA_DIR: 'var/db' }, cwd)).toEqual({
      kind: 'pglite',
      dataDir: path.join(cwd, 'var', 'db'),
    });
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL, moving ?schema= out of the URL', () => {
    expect(
      resolveDatabaseTarget(
        {},
        { DATABASE_URL: 'postgresql://u:p@db:5432/mw?schema=tenant_a&sslmode=disable' },
        cwd,
      ),
    ).toEqual({
      kind: 'postgres',
      connectionString: 'postgresql://u:p@db:5432/mw?sslmode=disable',
      schema: 'tenant_a',
    });
    expect(resolveDatabaseTarget({}, { DATABASE_URL: 'postgres://db/mw' }, cwd)).toMatchObject({
      kind: 'postgres',
      schema: undefined,
    });
  });

  it('lets explicit options win over the environment', () => {
    const env = { DATABASE_URL: 'postgres://db/mw', MAPWRIGHT_DATA_DIR: '/data' };
    expect(resolveDatabaseTarget({ dataDir: 'memory://' }, env, cwd)).toEqual({
      kind: 'pglite',
      dataDir: 'memory://',
    });
    expect(resolveDatabaseTarget({ url: 'postgres://other/db' }, env, cwd)).toMatchObject({
      kind: 'postgres',
      connectionString: 'postgres://other/db',
    });
  });

  it('refuses a URL that is not PostgreSQL, without echoing its password', () => {
    expect(() => resolveDatabaseTarget({}, { DATABASE_URL: 'mysql://root:secret@db/mw' }, cwd)).toThrow(
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(got "mysql:\/\/root:\*\*\*@db\/mw"\)/,
    );
  });
});

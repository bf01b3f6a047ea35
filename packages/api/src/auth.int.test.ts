import type { Database } from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSession } from './context';
import { createCaller } from './router';
import { openTestDatabase, testContext, type CookieJar } from './test-context';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const anonymous = (jar: CookieJar = { token: null, expiresAt: null }) =>
  createCaller(testContext(db, null, jar));
const signedIn = async (jar: CookieJar) =>
  createCaller(
    testContext(db, await resolveSession(testContext(db, null).sessions, jar.token, new Date()), jar),
  );

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe('first run, sign-in and sign-out', () => {
  const admin = {
    email: 'Admin@Hospital.example',
    displayName: 'Ada Admin',
    password: 'correct horse battery',
  };

  it('asks for setup on an empty database, creates the admin once, and signs them in', async () => {
    expect(await anonymous().auth.status()).toEqual({ needsSetup: true, user: null });
    const jar: CookieJar = { token: null, expiresAt: null };
    const created = await anonymous(jar).auth.setup(admin);
    expect(created).toMatchObject({ email: 'admin@hospital.example', roles: ['admin'] });
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await (await signedIn(jar)).auth.me()).toMatchObject({ email: 'admin@hospital.example' });
    expect(await anonymous().auth.status()).toEqual({ needsSetup: false, user: null });
    expect((await (await signedIn(jar)).auth.status()).user).toMatchObject({ roles: ['admin'] });
    await expect(anonymous().auth.setup({ ...admin, email: 'second@hospital.example' })).rejects.toSatisfy(
      (e) => codeOf(e) === 'FORBIDDEN',
    );
  });

  it('stores only a hash of the session token and of the password', async () => {
    const jar: CookieJar = { token: null, expiresAt: null };
    await anonymous(jar).auth.login({ email: admin.email, password: admin.password });
    const rows = await db.prisma.$queryRawUnsafe<{ token_hash: string }[]>('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(jar.token);
    const users = await db.prisma.$queryRawUnsafe<{ password_hash: string }[]>(
      'SELECT password_hash FROM users',
    );
    expect(users[0]!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const wrong = await anonymous()
      .auth.login({ email: admin.email, password: 'not the password' })
      .catch((e: unknown) => e);
    const unknown = await anonymous()
      .auth.login({ email: 'nobody@hospital.example', password: 'not the password' })
      .catch((e: unknown) => e);
    expect([codeOf(wrong), codeOf(unknown)]).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });

  it('lets an admin create an analyst who can then sign in with their roles', async () => {
    const adminJar: CookieJar = { token: null, expiresAt: null };
    await anonymous(adminJar).auth.login({ email: admin.email, password: admin.password });
    await (
      await signedIn(adminJar)
    ).users.create({
      email: 'ann@hospital.example',
      displayName: 'Ann Analyst',
      password: 'another long password',
      roles: ['analyst'],
    });
    const jar: CookieJar = { token: null, expiresAt: null };
    expect(
      await anonymous(jar).auth.login({ email: 'ANN@hospital.example', password: 'another long password' }),
    ).toMatchObject({
      roles: ['analyst'],
    });
    expect(
      await (await signedIn(jar)).mappings.create({ slug: 'adt', name: 'ADT', sourceFormat: 'hl7v2' }),
    ).toMatchObject({
      slug: 'adt',
    });
  });

  it('ends the session on logout: the cookie is cleared and the token no longer resolves', async () => {
    const jar: CookieJar = { token: null, expiresAt: null };
    await anonymous(jar).auth.login({ email: admin.email, password: admin.password });
    const token = jar.token;
    await (await signedIn(jar)).auth.logout();
    expect(jar.token).toBeNull();
    expect(await resolveSession(testContext(db, null).sessions, token, new Date())).toBeNull();
  });
});

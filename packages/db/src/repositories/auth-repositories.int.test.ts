import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../open-database';
import { openTestDatabase, testBackends } from '../testing';
import { createSessionRepository } from './session-repository';
import { createUserRepository, type UserRecord } from './user-repository';

const HOUR = 60 * 60 * 1000;
const now = new Date('2030-01-01T12:00:00.000Z');
const newTokenHash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

describe.each(testBackends())('user and session repositories on $kind', (backend) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  async function newUser(email: string, roles: UserRecord['roles'] = ['analyst']): Promise<UserRecord> {
    const result = await createUserRepository(db.prisma).create({
      email,
      displayName: email,
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
      roles,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  async function newSession(userId: string, expiresAt: Date) {
    const tokenHash = newTokenHash();
    const result = await createSessionRepository(db.prisma).create({ tokenHash, userId, expiresAt });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('apply the migration that creates users and sessions', () => {
    expect(db.migrations.applied).toContain('0002_add_users_and_sessions');
  });

  describe('users', () => {
    it('create with a lower-cased email, read back without the hash except by email', async () => {
      const users = createUserRepository(db.prisma);
      const before = await users.count();
      const created = await users.create({
        email: '  Ada.Lovelace@Example.ORG ',
        displayName: 'Ada Lovelace',
        passwordHash: 'hash-1',
        roles: ['admin', 'analyst', 'admin'],
      });
      expect(created).toMatchObject({
        ok: true,
        value: { email: 'ada.lovelace@example.org', roles: ['analyst', 'admin'], disabled: false },
      });
      if (!created.ok) return;
      expect(created.value).not.toHaveProperty('passwordHash');
      expect(await users.getById(created.value.id)).toEqual(created.value);
      expect(await users.getById('not-a-uuid')).toBeNull();
      expect(await users.getByEmail('ADA.LOVELACE@example.org')).toEqual({
        ...created.value,
        passwordHash: 'hash-1',
      });
      expect(await users.getByEmail('nobody@example.org')).toBeNull();
      expect(await users.getByEmail('not an email')).toBeNull();
      expect(await users.count()).toBe(before + 1);
    });

    it('report a duplicate email in another case as a conflict value', async () => {
      await newUser('grace@example.org');
      const again = await createUserRepository(db.prisma).create({
        email: 'Grace@EXAMPLE.org',
        displayName: 'Grace again',
        passwordHash: 'hash',
        roles: ['reviewer'],
      });
      expect(again).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'conflict',
          message: 'A user with email "grace@example.org" already exists',
        }),
      });
    });

    it('round-trip every role and refuse an empty or unknown role list', async () => {
      const all = await newUser('all-roles@example.org', ['operator', 'admin', 'reviewer', 'analyst']);
      expect(all.roles).toEqual(['analyst', 'reviewer', 'operator', 'admin']);
      expect((await createUserRepository(db.prisma).getById(all.id))?.roles).toEqual(all.roles);

      const users = createUserRepository(db.prisma);
      const none = await users.create({
        email: 'none@example.org',
        displayName: 'x',
        passwordHash: 'h',
        roles: [],
      });
      expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', at: { fields: ['roles'] } } });
      const unknown = await users.create({
        email: 'root@example.org',
        displayName: 'x',
        passwordHash: 'h',
        roles: ['root' as 'admin'],
      });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const badEmail = await users.create({
        email: 'nope',
        displayName: 'x',
        passwordHash: 'h',
        roles: ['admin'],
      });
      expect(badEmail).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', at: { fields: ['email'] } },
      });
    });

    it('list users ordered by email', async () => {
      const emails = (await createUserRepository(db.prisma).list()).map((user) => user.email);
      expect(emails).toEqual([...emails].sort());
      expect(emails).toContain('grace@example.org');
    });

    it('the database refuses rows the repository would never write', async () => {
      await expect(
        db.prisma.$executeRawUnsafe(
          `INSERT INTO users (email, display_name, password_hash, roles) VALUES ('Upper@example.org', 'x', 'h', '{admin}')`,
        ),
      ).rejects.toThrow();
      await expect(
        db.prisma.$executeRawUnsafe(
          `INSERT INTO users (email, display_name, password_hash, roles) VALUES ('empty@example.org', 'x', 'h', '{}')`,
        ),
      ).rejects.toThrow();
    });
  });

  describe('sessions', () => {
    it('create and find a valid session with its user', async () => {
      const user = await newUser('sessions@example.org', ['reviewer', 'operator']);
      const session = await newSession(user.id, new Date(now.getTime() + HOUR));
      const found = await createSessionRepository(db.prisma).findValid(session.tokenHash, now);
      expect(found).toEqual({ ...session, user });
      expect(found?.user).not.toHaveProperty('passwordHash');
    });

    it('refuse raw tokens, unknown users and duplicate token hashes', async () => {
      const sessions = createSessionRepository(db.prisma);
      const user = await newUser('refusals@example.org');
      const raw = await sessions.create({ tokenHash: 'raw-token', userId: user.id, expiresAt: now });
      expect(raw).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', at: { fields: ['tokenHash'] } },
      });
      const orphan = await sessions.create({
        tokenHash: newTokenHash(),
        userId: '00000000-0000-4000-8000-000000000000',
        expiresAt: now,
      });
      expect(orphan).toMatchObject({ ok: false, error: { code: 'invalid_reference' } });
      const first = await newSession(user.id, now);
      const again = await sessions.create({ tokenHash: first.tokenHash, userId: user.id, expiresAt: now });
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('findValid refuses expired sessions, disabled users and unknown tokens', async () => {
      const sessions = createSessionRepository(db.prisma);
      const user = await newUser('expiry@example.org');
      const expiring = await newSession(user.id, now);
      expect(await sessions.findValid(expiring.tokenHash, new Date(now.getTime() - 1))).not.toBeNull();
      expect(await sessions.findValid(expiring.tokenHash, now)).toBeNull();
      expect(await sessions.findValid(newTokenHash(), now)).toBeNull();
      expect(await sessions.findValid('not-a-hash', now)).toBeNull();

      const disabled = await newUser('disabled@example.org');
      const session = await newSession(disabled.id, new Date(now.getTime() + HOUR));
      expect(await sessions.findValid(session.tokenHash, now)).not.toBeNull();
      await db.prisma.user.update({ where: { id: disabled.id }, data: { disabled: true } });
      expect(await sessions.findValid(session.tokenHash, now)).toBeNull();
    });

    it('touch sets lastSeenAt only', async () => {
      const sessions = createSessionRepository(db.prisma);
      const user = await newUser('touch@example.org');
      const session = await newSession(user.id, new Date(now.getTime() + HOUR));
      const later = new Date(now.getTime() + 60_000);
      expect(await sessions.touch(session.id, later)).toEqual({
        ok: true,
        value: { ...session, lastSeenAt: later },
      });
      const missing = await sessions.touch('00000000-0000-4000-8000-000000000000', later);
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await sessions.touch('nope', later)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('delete signs one session out', async () => {
      const sessions = createSessionRepository(db.prisma);
      const user = await newUser('logout@example.org');
      const a = await newSession(user.id, new Date(now.getTime() + HOUR));
      const b = await newSession(user.id, new Date(now.getTime() + HOUR));
      expect(await sessions.delete(a.tokenHash)).toBe(true);
      expect(await sessions.delete(a.tokenHash)).toBe(false);
      expect(await sessions.findValid(a.tokenHash, now)).toBeNull();
      expect(await sessions.findValid(b.tokenHash, now)).not.toBeNull();
    });

    it("deleting a user deletes the user's sessions", async () => {
      const user = await newUser('cascade@example.org');
      const session = await newSession(user.id, new Date(now.getTime() + HOUR));
      await db.prisma.user.delete({ where: { id: user.id } });
      expect(await db.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
    });

    it('deleteExpired removes exactly the sessions expired at that instant', async () => {
      const sessions = createSessionRepository(db.prisma);
      const user = await newUser('sweep@example.org');
      const far = new Date('2100-01-01T00:00:00.000Z');
      // Earlier tests left sessions expiring around `now`; sweep them at a fixed later point.
      const sweepAt = new Date(far.getTime() - HOUR);
      const alive = await newSession(user.id, far);
      const expired = await newSession(user.id, sweepAt);
      const before = await db.prisma.session.count({ where: { expiresAt: { lte: sweepAt } } });
      expect(await sessions.deleteExpired(sweepAt)).toBe(before);
      expect(await db.prisma.session.findUnique({ where: { id: expired.id } })).toBeNull();
      expect(await db.prisma.session.findUnique({ where: { id: alive.id } })).not.toBeNull();
      expect(await sessions.deleteExpired(sweepAt)).toBe(0);
    });
  });
});

describe.each(testBackends())('the first account on $kind', (backend) => {
  it('is created once even when two first-run set-ups race', async () => {
    const { db, close } = await openTestDatabase(backend);
    try {
      const users = createUserRepository(db.prisma);
      const admin = (email: string) =>
        users.createFirst({ email, displayName: email, passwordHash: '$argon2id$v=19$x', roles: ['admin'] });
      // On PostgreSQL the two run on separate pooled connections, at the same time.
      const results = await Promise.all([admin('one@hospital.example'), admin('two@hospital.example')]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await users.count()).toBe(1);
      expect(await admin('three@hospital.example')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await close();
    }
  });
});

import { hashPassword } from '@mapwright/api';
import { createUserRepository, type Database } from '@mapwright/db';

/**
 * Unattended installs: creates the administrator from the environment when the database has no account
 * yet. Otherwise the first person to open the studio does it (auth.setup).
 */
export async function ensureAdmin(
  db: Database,
  admin: { email?: string; password?: string },
): Promise<'created' | 'exists' | 'needs-setup'> {
  const users = createUserRepository(db.prisma);
  if ((await users.count()) > 0) return 'exists';
  if (!admin.email || !admin.password) return 'needs-setup';
  const created = await users.createFirst({
    email: admin.email,
    displayName: 'Administrator',
    passwordHash: await hashPassword(admin.password),
    roles: ['admin'],
  });
  if (!created.ok && created.error.code === 'conflict') return 'exists';
  if (!created.ok) throw new Error(`Could not create the administrator: ${created.error.message}`);
  return 'created';
}

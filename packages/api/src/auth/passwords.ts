import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, 2 passes): slow on purpose. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a server error.
    return false;
  }
}

/**
 * Verifying against this when the email is unknown makes a failed login take as long whether or not the
 * account exists, so timing does not reveal which emails have accounts.
 */
export const DUMMY_HASH = hash('mapwright-no-such-user');

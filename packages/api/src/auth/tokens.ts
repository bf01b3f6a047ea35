import { createHash, randomBytes } from 'node:crypto';

/** A session token: 32 random bytes, URL-safe. Only its SHA-256 is stored. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

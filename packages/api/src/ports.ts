import type { UserRecord } from '@mapwright/db';

/** The signed-in user as procedures see it. */
export type SessionUser = Pick<UserRecord, 'id' | 'email' | 'displayName' | 'roles'>;

/** What the transport does with the session cookie; the Express host implements it with HttpOnly cookies. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

import type { MessageFormat, UserRecord } from '@mapwright/db';

/** The signed-in user as procedures see it. */
export type SessionUser = Pick<UserRecord, 'id' | 'email' | 'displayName' | 'roles'>;

/** What the transport does with the session cookie; the Express host implements it with HttpOnly cookies. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** A message file of the review corpus: its path inside the corpus folder, and its text. */
export interface CorpusMessage {
  name: string;
  text: string;
}

/**
 * The optional folder of real messages that versions are compared over in review (MAPWRIGHT_REVIEW_CORPUS).
 * The host reads it; the API only asks for the messages of one format.
 */
export interface ReviewCorpusPort {
  /** At most `limit` messages of `format`, in a stable order. */
  messages(format: MessageFormat, limit: number): Promise<CorpusMessage[]>;
}

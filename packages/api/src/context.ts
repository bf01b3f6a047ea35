import type {
  ChannelRepository,
  ConceptMapRepository,
  DeploymentRepository,
  MappingRepository,
  MessageRepository,
  ReviewActionRepository,
  SampleRepository,
  SessionRepository,
  TestCaseRepository,
  UserRepository,
} from '@mapwright/db';
import { tokenHash } from './auth/tokens';
import type { ReviewCorpusPort, SessionCookie, SessionUser } from './ports';

/**
 * Everything a procedure may touch. Built by the host from the request (the session cookie resolved to a
 * user) without handing procedures req/res, so tests build one directly.
 */
export interface Context {
  user: SessionUser | null;
  /** The raw session token of this request, for logout. */
  sessionToken: string | null;
  users: UserRepository;
  sessions: SessionRepository;
  mappings: MappingRepository;
  samples: SampleRepository;
  conceptMaps: ConceptMapRepository;
  testCases: TestCaseRepository;
  reviews: ReviewActionRepository;
  channels: ChannelRepository;
  deployments: DeploymentRepository;
  /** Inbound messages: PHI, so only operators and admins read them. */
  messages: MessageRepository;
  /** Absent when the server has no review corpus configured. */
  reviewCorpus?: ReviewCorpusPort;
  cookie: SessionCookie;
  now: () => Date;
  /** How long a session lives after sign-in. */
  sessionTtlMs: number;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The user a session cookie stands for: null when absent, unknown, expired, or the user is disabled. */
export async function resolveSession(
  sessions: SessionRepository,
  token: string | null | undefined,
  now: Date,
): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await sessions.findValid(tokenHash(token), now);
  if (!session) return null;
  const { id, email, displayName, roles } = session.user;
  return { id, email, displayName, roles };
}

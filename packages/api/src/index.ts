export { appRouter, createCaller, type AppRouter } from './router';
export { DEFAULT_SESSION_TTL_MS, resolveSession, type Context } from './context';
export { Role, ANY_ROLE, EDITOR_ROLES, OPERATOR_ROLES, REVIEWER_ROLES } from './roles';
export type { CorpusMessage, ReviewCorpusPort, SessionCookie, SessionUser } from './ports';
export { hashPassword, verifyPassword } from './auth/passwords';
export { newSessionToken, tokenHash } from './auth/tokens';

export { openDatabase, type Database, type OpenDatabaseOptions } from './open-database';
export {
  DEFAULT_DATA_DIR,
  MEMORY_DATA_DIR,
  resolveDatabaseTarget,
  type DatabaseTarget,
  type DatabaseTargetOptions,
} from './config';
export { MigrationError, MIGRATIONS_TABLE, type MigrationErrorCode, type MigrationReport } from './migrate';
export { MIGRATIONS_DIR, readMigrations, type MigrationFile } from './migration-files';
export type { DbError, DbErrorCode, DbErrorLocation, DbIssue, DbResult } from './result';
export { canonicalJson, contentHash, type JsonObject, type JsonValue } from './json';
export type { MessageFormat } from './schemas';
export * from './repositories/mapping-repository';
export * from './repositories/sample-repository';
export * from './repositories/test-case-repository';
export * from './repositories/concept-map-repository';
export * from './repositories/user-repository';
export * from './repositories/session-repository';
export * from './repositories/review-action-repository';
export {
  reviewActionKindSchema,
  reviewState,
  reviewStateSchema,
  type ReviewActionKind,
  type ReviewState,
} from './review-state';
export type { PrismaClient } from './generated/prisma/client';
export * from './repositories/channel-repository';
export * from './repositories/deployment-repository';
export * from './repositories/message-repository';
export * from './channel-schemas';
export * from './message-schemas';

import type { z } from 'zod';
import { Prisma } from './generated/prisma/client';

export type DbErrorCode = 'conflict' | 'not_found' | 'invalid_reference' | 'invalid_input';

/** Where an error happened: the entity, and the constraint or input fields involved. */
export interface DbErrorLocation {
  entity: string;
  id?: string;
  /** Constraint or index name, when the database reported it. */
  constraint?: string;
  /** Input fields (for invalid_input) or columns (for constraint errors), when known. */
  fields?: string[];
}

export interface DbIssue {
  path: string;
  message: string;
}

/** An expected failure of a repository call, as a value: callers branch on `code`. */
export interface DbError {
  code: DbErrorCode;
  message: string;
  at: DbErrorLocation;
  issues?: DbIssue[];
  /** A `conflict` because the row changed after the writer read it (optimistic concurrency), not a duplicate. */
  stale?: true;
}

export type DbResult<T> = { ok: true; value: T } | { ok: false; error: DbError };

export const ok = <T>(value: T): DbResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: DbError): DbResult<T> => ({ ok: false, error });

/** Validates repository input; failures become `invalid_input` errors listing every issue. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  entity: string,
): DbResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return fail({
    code: 'invalid_input',
    message: `Invalid ${entity}: ${issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ')}`,
    at: { entity, fields: [...new Set(issues.map((issue) => issue.path).filter(Boolean))] },
    issues,
  });
}

export interface ConstraintMessages {
  /** Message for a unique-constraint violation. */
  conflict: string;
  /** Message for a foreign-key violation (a referenced row does not exist). */
  invalidReference?: string;
  /** Message when the row to update or delete does not exist. */
  notFound?: string;
}

/**
 * Runs a write and turns constraint violations into error values. Anything else (connection
 * loss, bugs) is rethrown: those are not outcomes a caller can act on.
 */
export async function guardWrite<T>(
  at: DbErrorLocation,
  messages: ConstraintMessages,
  write: () => Promise<T>,
): Promise<DbResult<T>> {
  try {
    return ok(await write());
  } catch (error) {
    const mapped = constraintError(error, at, messages);
    if (mapped) return fail(mapped);
    throw error;
  }
}

const CODES: Record<string, DbErrorCode> = {
  P2002: 'conflict',
  P2003: 'invalid_reference',
  P2025: 'not_found',
};

function constraintError(error: unknown, at: DbErrorLocation, messages: ConstraintMessages): DbError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  const code = CODES[error.code];
  if (!code) return null;
  const message =
    code === 'conflict'
      ? messages.conflict
      : code === 'invalid_reference'
        ? (messages.invalidReference ?? 'A referenced record does not exist')
        : (messages.notFound ?? `${at.entity} not found`);
  return { code, message, at: { ...at, ...constraintOf(error.meta) } };
}

/** PGlite's adapter reports the columns, node-postgres's the constraint name; keep whichever came. */
function constraintOf(
  meta: Record<string, unknown> | undefined,
): Pick<DbErrorLocation, 'constraint' | 'fields'> {
  const cause = (
    meta?.driverAdapterError as { cause?: { constraint?: { index?: unknown; fields?: unknown } } }
  )?.cause;
  const constraint = cause?.constraint;
  const result: Pick<DbErrorLocation, 'constraint' | 'fields'> = {};
  if (typeof constraint?.index === 'string') result.constraint = constraint.index;
  if (Array.isArray(constraint?.fields)) result.fields = constraint.fields.map(String);
  return result;
}

import { TRPCError } from '@trpc/server';
import type { DbResult } from '@mapwright/db';

const TRPC_CODE = {
  conflict: 'CONFLICT',
  not_found: 'NOT_FOUND',
  invalid_input: 'BAD_REQUEST',
  invalid_reference: 'BAD_REQUEST',
} as const;

/** A repository's error value as the API error the studio shows. */
export function unwrap<T>(result: DbResult<T>): T {
  if (result.ok) return result.value;
  throw new TRPCError({ code: TRPC_CODE[result.error.code], message: result.error.message });
}

import { TRPCClientError } from '@trpc/client';

/** Why a draft did not save, in the terms the editor acts on. */
export type SaveProblem =
  | { kind: 'conflict'; message: string }
  | { kind: 'session-expired' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unreachable' }
  /** The server answered but failed (its database away, a crash): worth trying again, like no answer. */
  | { kind: 'server-error' }
  | { kind: 'rejected'; message: string };

// tRPC codes that say the server, not the draft, is the problem this time.
const TRANSIENT = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT', 'TIMEOUT']);

export function classifySaveError(error: unknown): SaveProblem {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'CONFLICT') return { kind: 'conflict', message: error.message };
    if (code === 'UNAUTHORIZED') return { kind: 'session-expired' };
    if (code === 'FORBIDDEN') return { kind: 'forbidden', message: error.message };
    // No tRPC answer at all: the request never reached the server or the server is down.
    if (code === undefined) return { kind: 'unreachable' };
    if (TRANSIENT.has(code)) return { kind: 'server-error' };
    return { kind: 'rejected', message: error.message };
  }
  return { kind: 'unreachable' };
}

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 30_000;

/**
 * When to try a failed save again by itself: after the `attempt`-th failure in a row, doubling from 5 s
 * up to 30 s while the server is away; null when trying again cannot help until the analyst acts
 * (signs in again, reloads, changes the draft).
 */
export function retryDelayMs(problem: SaveProblem, attempt: number): number | null {
  if (problem.kind !== 'unreachable' && problem.kind !== 'server-error') return null;
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), MAX_RETRY_MS);
}

export function describeSaveProblem(problem: SaveProblem): string {
  switch (problem.kind) {
    case 'conflict':
      return `${problem.message} Your version is kept in this tab until you reload.`;
    case 'session-expired':
      return 'Your session has expired. Sign in again to keep saving; your changes are kept in this browser.';
    case 'forbidden':
      return `${problem.message} Ask an administrator for the analyst role to edit mappings.`;
    case 'unreachable':
      return 'The server does not answer. Your changes are kept in this browser and saved when it is back.';
    case 'server-error':
      return 'The server could not save the draft. Your changes are kept in this browser and saving is tried again.';
    case 'rejected':
      return `The server refused the draft: ${problem.message}`;
  }
}

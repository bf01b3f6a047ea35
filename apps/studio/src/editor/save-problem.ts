import { TRPCClientError } from '@trpc/client';

/** Why a draft did not save, in the terms the editor acts on. */
export type SaveProblem =
  | { kind: 'conflict'; message: string }
  | { kind: 'session-expired' }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unreachable' }
  | { kind: 'rejected'; message: string };

export function classifySaveError(error: unknown): SaveProblem {
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'CONFLICT') return { kind: 'conflict', message: error.message };
    if (code === 'UNAUTHORIZED') return { kind: 'session-expired' };
    if (code === 'FORBIDDEN') return { kind: 'forbidden', message: error.message };
    // No tRPC answer at all: the request never reached the server or the server is down.
    if (code === undefined) return { kind: 'unreachable' };
    return { kind: 'rejected', message: error.message };
  }
  return { kind: 'unreachable' };
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
    case 'rejected':
      return `The server refused the draft: ${problem.message}`;
  }
}

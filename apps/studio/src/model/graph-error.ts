import type { Mapping } from '@mapwright/engine';

/** Why the editor refused an operation; `at` names the node or edge concerned (ids only, never sample data). */
export interface GraphError {
  code:
    | 'unknown-node'
    | 'unknown-edge'
    | 'self-loop'
    | 'cycle'
    | 'duplicate-edge'
    | 'edge-from-target'
    | 'edge-into-input'
    | 'bad-input-name'
    | 'bad-element-path'
    | 'not-a-target'
    | 'invalid-node'
    | 'duplicate-node-id';
  message: string;
  at: { nodeId?: string; edgeId?: string; element?: string };
}

export type Refused = { ok: false; error: GraphError };
/** A successful operation: the new mapping plus what the caller needs next (ids it created). */
export type Done<T extends object = object> = { ok: true; mapping: Mapping } & T;
export type GraphResult<T extends object = object> = Done<T> | Refused;

export const refuse = (code: GraphError['code'], message: string, at: GraphError['at'] = {}): Refused => ({
  ok: false,
  error: { code, message, at },
});

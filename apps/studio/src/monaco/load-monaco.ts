import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;

/**
 * Monaco with our languages registered, loaded on first use: the studio's first screen does not pay for
 * it. A failed load is forgotten so a later call can retry (a deploy can replace chunks under a tab).
 */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= import('./setup').then(
    (m) => m.monaco,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

import { useEffect, useState } from 'react';
import { loadMonaco, type MonacoApi } from './load-monaco';

export type MonacoState =
  { status: 'loading' } | { status: 'ready'; monaco: MonacoApi } | { status: 'failed' };

/** Monaco once its chunk has loaded; components render a placeholder (or a plain fallback) until then. */
export function useMonaco(): MonacoState {
  const [state, setState] = useState<MonacoState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      (monaco) => live && setState({ status: 'ready', monaco }),
      (error: unknown) => {
        // the chunk name says which asset failed; no user data is involved
        console.error('Monaco failed to load', error);
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

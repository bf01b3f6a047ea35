import { useSyncExternalStore } from 'react';

/** The studio's screens. Hash routes keep the server's SPA fallback out of the picture and survive reloads. */
export type Route = { name: 'mappings' } | { name: 'mapping'; id: string } | { name: 'terminology' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const mapping = /^\/mappings\/([0-9a-f-]{36})$/.exec(path);
  if (mapping) return { name: 'mapping', id: mapping[1]! };
  if (path === '/terminology') return { name: 'terminology' };
  return { name: 'mappings' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'mappings':
      return '#/';
    case 'mapping':
      return `#/mappings/${route.id}`;
    case 'terminology':
      return '#/terminology';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

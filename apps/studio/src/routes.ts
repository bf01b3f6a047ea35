import { useSyncExternalStore } from 'react';

/** The studio's screens. Hash routes keep the server's SPA fallback out of the picture and survive reloads. */
export type Route =
  | { name: 'mappings' }
  | { name: 'mapping'; id: string }
  | { name: 'version'; slug: string; number: number }
  | { name: 'compare'; slug: string; from: number; to: number }
  | { name: 'review'; versionId: string }
  | { name: 'terminology' }
  | { name: 'channels' }
  | { name: 'channel'; id: string };

const UUID = '[0-9a-f-]{36}';
const SLUG = '[A-Za-z0-9._-]+';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const mapping = new RegExp(`^/mappings/(${UUID})$`).exec(path);
  if (mapping) return { name: 'mapping', id: mapping[1]! };
  const version = new RegExp(`^/mappings/(${SLUG})/versions/(\\d+)$`).exec(path);
  if (version) return { name: 'version', slug: version[1]!, number: Number(version[2]) };
  const compare = new RegExp(`^/mappings/(${SLUG})/compare/(\\d+)/(\\d+)$`).exec(path);
  if (compare)
    return { name: 'compare', slug: compare[1]!, from: Number(compare[2]), to: Number(compare[3]) };
  const review = new RegExp(`^/review/(${UUID})$`).exec(path);
  if (review) return { name: 'review', versionId: review[1]! };
  if (path === '/terminology') return { name: 'terminology' };
  if (path === '/channels') return { name: 'channels' };
  const channel = new RegExp(`^/channels/(${UUID})$`).exec(path);
  if (channel) return { name: 'channel', id: channel[1]! };
  return { name: 'mappings' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'mappings':
      return '#/';
    case 'mapping':
      return `#/mappings/${route.id}`;
    case 'version':
      return `#/mappings/${route.slug}/versions/${route.number}`;
    case 'compare':
      return `#/mappings/${route.slug}/compare/${route.from}/${route.to}`;
    case 'review':
      return `#/review/${route.versionId}`;
    case 'terminology':
      return '#/terminology';
    case 'channels':
      return '#/channels';
    case 'channel':
      return `#/channels/${route.id}`;
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

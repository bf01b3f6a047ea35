import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './routes';

describe('studio routes', () => {
  const routes: Route[] = [
    { name: 'mappings' },
    { name: 'mapping', id: '0b0e1c9a-5f43-4d1e-9a51-6c1f6b0c2d3e' },
    { name: 'version', slug: 'adt-patient', number: 3 },
    { name: 'compare', slug: 'adt-patient', from: 1, to: 2 },
    { name: 'review', versionId: '0b0e1c9a-5f43-4d1e-9a51-6c1f6b0c2d3e' },
    { name: 'terminology' },
    { name: 'channels' },
    { name: 'channel', id: '0b0e1c9a-5f43-4d1e-9a51-6c1f6b0c2d3e' },
  ];

  it.each(routes)('reads back the link it writes for $name', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it('sends an unknown address to the mapping list', () => {
    expect(parseRoute('#/mappings/adt-patient/versions/x')).toEqual({ name: 'mappings' });
    expect(parseRoute('#/review/not-a-version')).toEqual({ name: 'mappings' });
    expect(parseRoute('#/channels/not-a-channel')).toEqual({ name: 'mappings' });
  });
});

import type { Database } from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './router';
import { ANY_ROLE, type Role } from './roles';
import { openTestDatabase, testContext } from './test-context';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

// Who may call what. A new procedure must be added here, or the completeness test below fails: nothing
// becomes callable by a role by omission.
const POLICY: Record<
  string,
  { allowed: readonly Role[]; call: (c: ReturnType<typeof createCaller>) => Promise<unknown> }
> = {
  'auth.me': { allowed: ANY_ROLE, call: (c) => c.auth.me() },
  'auth.logout': { allowed: ANY_ROLE, call: (c) => c.auth.logout() },
  'mappings.list': { allowed: ANY_ROLE, call: (c) => c.mappings.list() },
  'mappings.get': {
    allowed: ANY_ROLE,
    call: (c) => c.mappings.get({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'mappings.create': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.mappings.create({
        slug: `m-${Math.random().toString(36).slice(2)}`,
        name: 'M',
        sourceFormat: 'hl7v2',
      }),
  },
  'mappings.exportFiles': {
    allowed: ANY_ROLE,
    call: (c) => c.mappings.exportFiles({ mappingId: NO_SUCH_ID }),
  },
  'mappings.importFiles': {
    allowed: ['analyst', 'admin'],
    call: (c) => c.mappings.importFiles({ files: [{ path: 'mapping.json', content: '{' }] }),
  },
  'mappings.open': { allowed: ANY_ROLE, call: (c) => c.mappings.open({ id: NO_SUCH_ID }) },
  'versions.list': { allowed: ANY_ROLE, call: (c) => c.versions.list({ mappingId: NO_SUCH_ID }) },
  'versions.get': { allowed: ANY_ROLE, call: (c) => c.versions.get({ id: NO_SUCH_ID }) },
  'versions.commit': {
    allowed: ['analyst', 'admin'],
    call: (c) => c.versions.commit({ mappingId: NO_SUCH_ID, expectedRevision: 0, message: 'm' }),
  },
  'versions.startDraft': {
    allowed: ['analyst', 'admin'],
    call: (c) => c.versions.startDraft({ versionId: NO_SUCH_ID, expectedRevision: 0 }),
  },
  'versions.compare': {
    allowed: ANY_ROLE,
    call: (c) => c.versions.compare({ fromVersionId: NO_SUCH_ID, toVersionId: NO_SUCH_ID }),
  },
  'testCases.list': { allowed: ANY_ROLE, call: (c) => c.testCases.list({ mappingId: NO_SUCH_ID }) },
  'testCases.get': { allowed: ANY_ROLE, call: (c) => c.testCases.get({ id: NO_SUCH_ID }) },
  'testCases.create': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.testCases.create({
        mappingId: NO_SUCH_ID,
        sampleId: NO_SUCH_ID,
        name: 't',
        expectedBundle: null,
        assertions: [],
      }),
  },
  'testCases.update': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.testCases.update({ id: NO_SUCH_ID, expectedUpdatedAt: new Date(0).toISOString(), name: 't' }),
  },
  'testCases.remove': { allowed: ['analyst', 'admin'], call: (c) => c.testCases.remove({ id: NO_SUCH_ID }) },
  'testCases.run': {
    allowed: ANY_ROLE,
    call: (c) =>
      c.testCases.run({ mappingId: NO_SUCH_ID, source: { kind: 'version', versionId: NO_SUCH_ID } }),
  },
  'testCases.acceptActual': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.testCases.acceptActual({
        id: NO_SUCH_ID,
        source: { kind: 'version', versionId: NO_SUCH_ID },
        expectedUpdatedAt: new Date(0).toISOString(),
      }),
  },
  'reviews.queue': { allowed: ANY_ROLE, call: (c) => c.reviews.queue() },
  'reviews.get': { allowed: ANY_ROLE, call: (c) => c.reviews.get({ versionId: NO_SUCH_ID }) },
  'reviews.submit': {
    allowed: ['analyst', 'admin'],
    call: (c) => c.reviews.submit({ versionId: NO_SUCH_ID, description: 'd' }),
  },
  'reviews.comment': {
    allowed: ['analyst', 'reviewer', 'admin'],
    call: (c) => c.reviews.comment({ versionId: NO_SUCH_ID, body: 'b' }),
  },
  'reviews.approve': {
    allowed: ['reviewer', 'admin'],
    call: (c) => c.reviews.approve({ versionId: NO_SUCH_ID }),
  },
  'reviews.requestChanges': {
    allowed: ['reviewer', 'admin'],
    call: (c) => c.reviews.requestChanges({ versionId: NO_SUCH_ID, note: 'n' }),
  },
  'mappings.saveDraft': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.mappings.saveDraft({
        id: NO_SUCH_ID,
        expectedRevision: 0,
        graph: { id: 'm', name: 'M', source: { format: 'hl7v2' }, nodes: [], edges: [] },
      }),
  },
  'samples.create': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.samples.create({ mappingId: NO_SUCH_ID, name: 's.hl7', content: 'MSH|', contentType: 'hl7v2' }),
  },
  'samples.remove': { allowed: ['analyst', 'admin'], call: (c) => c.samples.remove({ id: NO_SUCH_ID }) },
  'conceptMaps.list': { allowed: ANY_ROLE, call: (c) => c.conceptMaps.list() },
  'conceptMaps.get': { allowed: ANY_ROLE, call: (c) => c.conceptMaps.get({ id: 'v2-0001' }) },
  'conceptMaps.translate': {
    allowed: ANY_ROLE,
    call: (c) => c.conceptMaps.translate({ id: 'v2-0001', code: 'F' }),
  },
  'conceptMaps.forPreview': { allowed: ANY_ROLE, call: (c) => c.conceptMaps.forPreview() },
  'conceptMaps.save': {
    allowed: ['analyst', 'admin'],
    call: (c) => {
      const id = `m-${Math.random().toString(36).slice(2)}`;
      return c.conceptMaps.save({
        resource: {
          resourceType: 'ConceptMap',
          id,
          url: `http://example.org/${id}`,
          status: 'draft',
          group: [],
        },
      });
    },
  },
  'conceptMaps.import': {
    allowed: ['analyst', 'admin'],
    call: (c) =>
      c.conceptMaps.import({ format: 'csv', text: 'A,a', name: `m ${Math.random().toString(36).slice(2)}` }),
  },
  'conceptMaps.remove': {
    allowed: ['analyst', 'admin'],
    call: (c) => c.conceptMaps.remove({ id: NO_SUCH_ID }),
  },
  'channels.list': { allowed: ANY_ROLE, call: (c) => c.channels.list() },
  'channels.get': { allowed: ANY_ROLE, call: (c) => c.channels.get({ id: NO_SUCH_ID }) },
  'channels.create': {
    allowed: ['operator', 'admin'],
    call: (c) => {
      const path = `c-${Math.random().toString(36).slice(2)}`;
      return c.channels.create({ name: path, path, mappingId: NO_SUCH_ID });
    },
  },
  'channels.update': {
    allowed: ['operator', 'admin'],
    call: (c) => c.channels.update({ id: NO_SUCH_ID, enabled: false }),
  },
  'channels.rotateToken': {
    allowed: ['operator', 'admin'],
    call: (c) => c.channels.rotateToken({ id: NO_SUCH_ID }),
  },
  'messages.list': { allowed: ['operator', 'admin'], call: (c) => c.messages.list({}) },
  'messages.get': { allowed: ['operator', 'admin'], call: (c) => c.messages.get({ id: NO_SUCH_ID }) },
  'deployments.history': {
    allowed: ANY_ROLE,
    call: (c) => c.deployments.history({ channelId: NO_SUCH_ID }),
  },
  'deployments.deploy': {
    allowed: ['operator', 'admin'],
    call: (c) => c.deployments.deploy({ channelId: NO_SUCH_ID, versionId: NO_SUCH_ID }),
  },
  'deployments.rollback': {
    allowed: ['operator', 'admin'],
    call: (c) => c.deployments.rollback({ channelId: NO_SUCH_ID }),
  },
  'users.create': {
    allowed: ['admin'],
    call: (c) =>
      c.users.create({
        email: `${Math.random().toString(36).slice(2)}@example.org`,
        displayName: 'New',
        password: 'a long enough password',
        roles: ['analyst'],
      }),
  },
};
// Callable without signing in, on purpose: they are how one signs in.
const PUBLIC = ['auth.status', 'auth.setup', 'auth.login'];

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const callerAs = (roles: Role[] | null) =>
  createCaller(
    testContext(
      db,
      roles ? { id: crypto.randomUUID(), email: 'x@example.org', displayName: 'X', roles } : null,
    ),
  );

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'OK';
  } catch (e) {
    return e instanceof TRPCError ? e.code : 'THREW';
  }
};

describe('role checks on the server', () => {
  it('covers every procedure of the router', async () => {
    const { appRouter } = await import('./router');
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures).toEqual([...Object.keys(POLICY), ...PUBLIC].sort());
  });

  describe.each(Object.entries(POLICY))('%s', (_name, { allowed, call }) => {
    it('refuses anonymous callers', async () => {
      expect(await codeOf(call(callerAs(null)))).toBe('UNAUTHORIZED');
    });

    it.each(['analyst', 'reviewer', 'operator', 'admin'] as const)('as %s', async (role) => {
      const code = await codeOf(call(callerAs([role])));
      // An allowed role gets past the role check (it may still meet NOT_FOUND for a missing record).
      if (allowed.includes(role)) expect(code).not.toMatch(/UNAUTHORIZED|FORBIDDEN/);
      else expect(code).toBe('FORBIDDEN');
    });
  });
});

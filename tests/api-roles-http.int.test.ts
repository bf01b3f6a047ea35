import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Database } from '@mapwright/db';
import { createApp } from '@mapwright/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The studio hides edit buttons from reviewers and operators; this checks the server refuses them anyway,
// over the raw /trpc endpoint, as a hand-written request would reach it.

let db: Database;
let server: Server;
let base: string;

interface Reply {
  status: number;
  data: unknown;
  error?: { message: string; data?: { code?: string } };
  cookie: string;
}

async function call(
  path: string,
  input: unknown,
  cookie = '',
  method: 'GET' | 'POST' = 'POST',
): Promise<Reply> {
  const query = method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input ?? {}))}` : '';
  const res = await fetch(`${base}/trpc/${path}${query}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: method === 'POST' ? JSON.stringify(input ?? {}) : undefined,
  });
  const body = (await res.json()) as { result?: { data: unknown }; error?: Reply['error'] };
  return {
    status: res.status,
    data: body.result?.data,
    error: body.error,
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

const graph = (nodes: unknown[]) => ({
  id: 'adt',
  name: 'ADT',
  source: { format: 'hl7v2' },
  nodes,
  edges: [],
});
const drawn = [{ id: 'family', type: 'source', path: 'PID.F5.C1' }];

let admin = '';
let mappingId = '';
const signedIn: Record<'reviewer' | 'operator', string> = { reviewer: '', operator: '' };

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  server = createApp({ db, sessionTtlMs: 3_600_000, secureCookies: false }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  admin = (
    await call('auth.setup', {
      email: 'ada@hospital.example',
      displayName: 'Ada',
      password: 'correct horse battery',
    })
  ).cookie;
  for (const role of ['reviewer', 'operator'] as const) {
    const account = {
      email: `${role}@hospital.example`,
      displayName: role,
      password: `${role} password 1`,
      roles: [role],
    };
    expect((await call('users.create', account, admin)).status).toBe(200);
    signedIn[role] = (await call('auth.login', { email: account.email, password: account.password })).cookie;
  }
  const created = await call('mappings.create', { slug: 'adt', name: 'ADT', sourceFormat: 'hl7v2' }, admin);
  mappingId = (created.data as { id: string }).id;
  expect(
    (await call('mappings.saveDraft', { id: mappingId, expectedRevision: 0, graph: graph(drawn) }, admin))
      .data,
  ).toEqual({
    draftRevision: 1,
  });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

/** Every write a reviewer or operator might try by hand. */
const writes = (): [string, unknown][] => [
  ['mappings.saveDraft', { id: mappingId, expectedRevision: 1, graph: graph([]) }],
  ['mappings.create', { slug: 'sneaky', name: 'Sneaky', sourceFormat: 'hl7v2' }],
  ['samples.create', { mappingId, name: 'a01.hl7', content: 'MSH|^~\\&|X', contentType: 'hl7v2' }],
  [
    'conceptMaps.save',
    {
      resource: {
        resourceType: 'ConceptMap',
        id: 'sneaky',
        url: 'http://example.org/sneaky',
        status: 'draft',
        group: [],
      },
    },
  ],
  ['conceptMaps.import', { format: 'csv', text: 'A,a', name: 'Sneaky import' }],
];

describe('editing over raw HTTP', () => {
  it.each(['reviewer', 'operator'] as const)(
    'refuses a signed-in %s every write, and changes nothing',
    async (role) => {
      // They may read what they may not change.
      expect((await call('mappings.open', { id: mappingId }, signedIn[role], 'GET')).status).toBe(200);
      for (const [path, input] of writes()) {
        const reply = await call(path, input, signedIn[role]);
        expect({ path, status: reply.status, code: reply.error?.data?.code }).toEqual({
          path,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
      const opened = (await call('mappings.open', { id: mappingId }, admin, 'GET')).data as {
        draftRevision: number;
        graph: { nodes: unknown[] };
        samples: unknown[];
      };
      expect(opened).toMatchObject({ draftRevision: 1, graph: { nodes: drawn }, samples: [] });
      const mappings = (await call('mappings.list', undefined, admin, 'GET')).data as { slug: string }[];
      expect(mappings.map((m) => m.slug)).toEqual(['adt']);
      const maps = (await call('conceptMaps.list', undefined, admin, 'GET')).data as { bundled: boolean }[];
      expect(maps.filter((m) => !m.bundled)).toEqual([]);
    },
  );

  it('answers 401 to a caller without a session', async () => {
    for (const [path, input] of writes()) {
      expect({ path, status: (await call(path, input)).status }).toEqual({ path, status: 401 });
    }
    expect((await call('mappings.open', { id: mappingId }, '', 'GET')).status).toBe(401);
  });

  it('lets an administrator make the same writes (the refusals above are about roles, not the requests)', async () => {
    for (const [path, input] of writes()) {
      expect({ path, status: (await call(path, input, admin)).status }).toEqual({ path, status: 200 });
    }
  });
});

describe('reviewing over raw HTTP', () => {
  it("refuses the author's own approval with the message the studio shows, and operators any decision", async () => {
    const created = await call(
      'mappings.create',
      {
        slug: 'adt-review',
        name: 'ADT',
        sourceFormat: 'hl7v2',
        // approval needs a sample to check the version on
        sample: {
          name: 'a01.hl7',
          content: 'MSH|^~\\&|A|B|C|D|202401011200||ADT^A01|1|P|2.5\rPID|1||1||Smith\r',
        },
      },
      admin,
    );
    const id = (created.data as { id: string }).id;
    await call('mappings.saveDraft', { id, expectedRevision: 0, graph: graph(drawn) }, admin);
    const version = (
      await call('versions.commit', { mappingId: id, expectedRevision: 1, message: 'v1' }, admin)
    ).data as { id: string };
    expect(
      (await call('reviews.submit', { versionId: version.id, description: 'First' }, admin)).status,
    ).toBe(200);
    // Reviewers and operators do not submit; operators do not decide.
    expect(
      (await call('reviews.submit', { versionId: version.id, description: 'x' }, signedIn.reviewer)).status,
    ).toBe(403);
    expect((await call('reviews.approve', { versionId: version.id }, signedIn.operator)).status).toBe(403);

    const own = await call('reviews.approve', { versionId: version.id }, admin);
    expect({ status: own.status, code: own.error?.data?.code, message: own.error?.message }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message: 'You cannot approve your own version: another reviewer must approve it.',
    });
    const seen = (await call('reviews.get', { versionId: version.id }, signedIn.reviewer, 'GET')).data as {
      gate: { fingerprint: string };
    };
    expect(
      (
        await call(
          'reviews.approve',
          { versionId: version.id, gateFingerprint: seen.gate.fingerprint },
          signedIn.reviewer,
        )
      ).status,
    ).toBe(200);
    const review = (await call('reviews.get', { versionId: version.id }, signedIn.operator, 'GET')).data as {
      state: string;
      actions: { kind: string; actor: string }[];
    };
    expect(review.state).toBe('approved');
    expect(review.actions.map((a) => [a.kind, a.actor])).toEqual([
      ['submit', 'ada@hospital.example'],
      ['approve', 'reviewer@hospital.example'],
    ]);
  });
});

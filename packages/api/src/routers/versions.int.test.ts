import { testBackends } from '@mapwright/db/testing';
import type { MappingInput } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { backendDatabase, callerAs, failure, familyGraph } from '../test-context';

describe.each(testBackends())('versions on $kind', (backend) => {
  const db = backendDatabase(backend);

  const analyst = () => callerAs(db(), 'analyst', 'ana@example.org');

  it('commits the draft as numbered, immutable versions with author, message, parent and hash', async () => {
    const { id } = await analyst().mappings.create({ slug: 'v-commit', name: 'ADT', sourceFormat: 'hl7v2' });
    expect(
      (await failure(analyst().versions.commit({ mappingId: id, expectedRevision: 0, message: 'x' })))
        .message,
    ).toContain('no draft');
    const { draftRevision } = await analyst().mappings.saveDraft({
      id,
      expectedRevision: 0,
      graph: familyGraph('v-commit'),
    });
    const first = await analyst().versions.commit({
      mappingId: id,
      expectedRevision: draftRevision,
      message: 'first',
    });
    expect(first).toMatchObject({
      number: 1,
      author: 'ana@example.org',
      message: 'first',
      parentVersionId: null,
    });
    expect(first.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);

    // The same draft again is not a version.
    expect(
      (
        await failure(
          analyst().versions.commit({ mappingId: id, expectedRevision: draftRevision, message: 'again' }),
        )
      ).message,
    ).toContain('same as version 1');

    const next = await analyst().mappings.saveDraft({
      id,
      expectedRevision: draftRevision,
      graph: familyGraph('v-commit', 'PID.F5'),
    });
    // A commit of a draft the analyst did not see is refused.
    expect(
      (
        await failure(
          analyst().versions.commit({ mappingId: id, expectedRevision: draftRevision, message: 'stale' }),
        )
      ).code,
    ).toBe('CONFLICT');
    const second = await analyst().versions.commit({
      mappingId: id,
      expectedRevision: next.draftRevision,
      message: 'second',
    });
    expect(second).toMatchObject({ number: 2, parentVersionId: first.id });
    expect(second.contentHash).not.toBe(first.contentHash);

    const history = await analyst().versions.list({ mappingId: id });
    expect(history.map((v) => v.number)).toEqual([2, 1]);
    expect(history[0]).not.toHaveProperty('graph');
    const one = await analyst().versions.get({ id: first.id });
    expect(one.graph).toMatchObject({ nodes: [{ id: 'family', path: 'PID.F5.C1' }, { id: 'patient' }] });
  });

  it('refuses to commit a draft that does not compile, naming the node', async () => {
    const { id } = await analyst().mappings.create({ slug: 'v-broken', name: 'ADT', sourceFormat: 'hl7v2' });
    const broken: MappingInput = {
      ...familyGraph('v-broken'),
      nodes: [
        { id: 'family', type: 'transform', inputs: [], expression: '$substring(' },
        { id: 'patient', type: 'target', resourceType: 'Patient' },
      ],
    };
    const { draftRevision } = await analyst().mappings.saveDraft({ id, expectedRevision: 0, graph: broken });
    const refused = await failure(
      analyst().versions.commit({ mappingId: id, expectedRevision: draftRevision, message: 'x' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('node family');
    expect(await analyst().versions.list({ mappingId: id })).toEqual([]);
  });

  it('starts a new draft from any version, refusing to overwrite a draft that moved', async () => {
    const { id } = await analyst().mappings.create({ slug: 'v-restart', name: 'ADT', sourceFormat: 'hl7v2' });
    let { draftRevision } = await analyst().mappings.saveDraft({
      id,
      expectedRevision: 0,
      graph: familyGraph('v-restart'),
    });
    const first = await analyst().versions.commit({
      mappingId: id,
      expectedRevision: draftRevision,
      message: '1',
    });
    ({ draftRevision } = await analyst().mappings.saveDraft({
      id,
      expectedRevision: draftRevision,
      graph: familyGraph('v-restart', 'PID.F5'),
    }));
    await analyst().versions.commit({ mappingId: id, expectedRevision: draftRevision, message: '2' });
    ({ draftRevision } = await analyst().mappings.saveDraft({
      id,
      expectedRevision: draftRevision,
      graph: familyGraph('v-restart', 'PID.F9'),
    }));

    const stale = await failure(analyst().versions.startDraft({ versionId: first.id, expectedRevision: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect((await analyst().mappings.open({ id })).graph.nodes[0]).toMatchObject({ path: 'PID.F9' });

    const started = await analyst().versions.startDraft({
      versionId: first.id,
      expectedRevision: draftRevision,
    });
    expect(started).toEqual({ draftRevision: draftRevision + 1 });
    const opened = await analyst().mappings.open({ id });
    expect(opened).toMatchObject({ graphFrom: 'draft', draftRevision: draftRevision + 1 });
    expect(opened.graph.nodes[0]).toMatchObject({ path: 'PID.F5.C1' });
    const history = await analyst().versions.list({ mappingId: id });
    expect(history.map((v) => [v.number, v.reviewState])).toEqual([
      [2, 'none'],
      [1, 'none'],
    ]);
  });
});

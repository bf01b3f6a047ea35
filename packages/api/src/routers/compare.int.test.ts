import { fileURLToPath } from 'node:url';
import type { Database } from '@mapwright/db';
import { openTestDatabase, testBackends } from '@mapwright/db/testing';
import { describeGroup, type MappingInput } from '@mapwright/engine';
import { readMappingFolder } from '@mapwright/mapping-files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewCorpusPort } from '../ports';
import { callerAs, failure } from '../test-context';

const ADT_PATIENT = fileURLToPath(new URL('../../../../mappings/adt-patient', import.meta.url));

const read = await readMappingFolder(ADT_PATIENT);
if (!read.ok) throw new Error(`mappings/adt-patient does not read: ${read.errors[0]?.message}`);
const folder = read.folder;

/** The example with its birth date cut to the year: every message with a full date changes. */
function yearOnly(mapping: MappingInput): MappingInput {
  return {
    ...mapping,
    nodes: mapping.nodes.map((n) =>
      n.id === 'birthDate' && n.type === 'transform'
        ? {
            ...n,
            expression: '$match($string($dob[0].C1), /^\\d{4}/) ? $substring($string($dob[0].C1), 0, 4)',
          }
        : n,
    ),
  };
}

describe.each(testBackends())('versions.compare on $kind', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  const ana = (corpus?: ReviewCorpusPort) => callerAs(db, 'analyst', 'ana@example.org', corpus);

  /** The adt-patient example as version 1, and `changed` of it as version 2. */
  async function twoVersions(slug: string, changed: (m: MappingInput) => MappingInput) {
    const { id } = await ana().mappings.create({ slug, name: 'ADT to Patient', sourceFormat: 'hl7v2' });
    for (const sample of folder.samples)
      await ana().samples.create({
        mappingId: id,
        name: sample.name,
        content: sample.text,
        contentType: 'hl7v2',
      });
    const ids = [];
    let revision = 0;
    for (const graph of [folder.mapping, changed(folder.mapping)]) {
      ({ draftRevision: revision } = await ana().mappings.saveDraft({
        id,
        expectedRevision: revision,
        graph,
      }));
      ids.push((await ana().versions.commit({ mappingId: id, expectedRevision: revision, message: 'v' })).id);
    }
    return { mappingId: id, from: ids[0]!, to: ids[1]! };
  }

  it('groups a changed birthDate transform across the samples, with graph, programs and tests of both', async () => {
    const { from, to } = await twoVersions('cmp-adt', yearOnly);
    const reviewer = callerAs(db, 'reviewer');
    const comparison = await reviewer.versions.compare({ fromVersionId: from, toVersionId: to });

    expect(comparison.graph.nodes.changed).toEqual([
      expect.objectContaining({
        id: 'birthDate',
        changes: [expect.objectContaining({ field: 'expression' })],
      }),
    ]);
    expect(comparison.graph.nodes.added).toEqual([]);
    expect(comparison.program.before).not.toBe(comparison.program.after);
    expect(comparison.program.after).toContain('$substring');

    const { output } = comparison;
    expect(output.total).toBe(folder.samples.length);
    const birthDate = output.groups.find((g) => g.path === 'Patient.birthDate' && g.kind === 'changed');
    expect(birthDate).toBeDefined();
    const carrying = output.messages.filter((m) =>
      m.diffs.some((d) => d.kind === 'changed' && /^Patient(\[\d+\])?\.birthDate$/.test(d.path)),
    );
    expect(carrying.length).toBeGreaterThan(0);
    expect(describeGroup(birthDate!)).toBe(
      `Patient.birthDate changed in ${carrying.length} of ${folder.samples.length} messages`,
    );
    // The group opens the messages it covers.
    expect([...birthDate!.messages].sort()).toEqual(carrying.map((m) => m.id).sort());
    expect(output.messages.every((m) => m.origin === 'sample')).toBe(true);

    // No tests in this mapping: both runs are empty, and say so.
    expect(comparison.tests).toEqual({
      before: { results: [], passed: 0, failed: 0 },
      after: { results: [], passed: 0, failed: 0 },
    });
    expect(comparison.corpus).toEqual({ available: false, messages: 0 });
  });

  it('adds the review corpus when asked, and compares only versions of one mapping', async () => {
    const { from, to } = await twoVersions('cmp-corpus', yearOnly);
    const asked: string[] = [];
    const corpus: ReviewCorpusPort = {
      messages: async (format, limit) => {
        asked.push(`${format}/${limit}`);
        return folder.samples.slice(0, 2).map((s) => ({ name: `site-a/${s.name}`, text: s.text }));
      },
    };
    const without = await ana(corpus).versions.compare({ fromVersionId: from, toVersionId: to });
    expect(without.corpus).toEqual({ available: true, messages: 0 });
    expect(asked).toEqual([]);

    const withCorpus = await ana(corpus).versions.compare({
      fromVersionId: from,
      toVersionId: to,
      includeCorpus: true,
    });
    expect(asked).toEqual(['hl7v2/500']);
    expect(withCorpus.corpus).toEqual({ available: true, messages: 2 });
    expect(withCorpus.output.total).toBe(folder.samples.length + 2);
    expect(withCorpus.output.messages.filter((m) => m.origin === 'corpus').map((m) => m.name)).toEqual(
      folder.samples.slice(0, 2).map((s) => `site-a/${s.name}`),
    );

    const other = await twoVersions('cmp-other', yearOnly);
    expect(await failure(ana().versions.compare({ fromVersionId: from, toVersionId: other.to }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Only two versions of the same mapping can be compared.',
    });
  });
});

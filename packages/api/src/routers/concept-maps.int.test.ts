import type { Database } from '@mapwright/db';
import { openTestDatabase, testBackends } from '@mapwright/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, failure } from '../test-context';

// Line 3 has three codes in the two-column, header-led file: a typo an analyst makes.
const BAD_CSV = 'local,fhir\nM,male\nF,female,extra,,,oops\nU,unknown\n';
const GOOD_CSV = 'local,fhir\nM,male\nF,female\nU,unknown\n';

describe.each(testBackends())('concept maps on $kind', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  const analyst = () => callerAs(db, 'analyst', 'a@example.org');

  it('lists the bundled HL7 tables as read-only and translates through them', async () => {
    const list = await analyst().conceptMaps.list();
    expect(list).toContainEqual(
      expect.objectContaining({
        id: 'v2-0001',
        bundled: true,
        sourceSystem: 'http://terminology.hl7.org/CodeSystem/v2-0001',
        elementCount: expect.any(Number),
      }),
    );
    const v20001 = await analyst().conceptMaps.get({ id: 'v2-0001' });
    expect(v20001).toMatchObject({ bundled: true, resource: { resourceType: 'ConceptMap', id: 'v2-0001' } });

    expect(await analyst().conceptMaps.translate({ id: 'v2-0001', code: 'F' })).toMatchObject({
      found: true,
      code: 'female',
      system: 'http://hl7.org/fhir/administrative-gender',
    });
    expect(await analyst().conceptMaps.translate({ id: 'v2-0001', code: 'no-such-code' })).toMatchObject({
      found: false,
      reason: 'unknown-code',
    });
  });

  it('refuses to change, replace or delete a bundled map, and says how to adapt it', async () => {
    const v20001 = (await analyst().conceptMaps.get({ id: 'v2-0001' })).resource;
    const underUrl = await failure(
      analyst().conceptMaps.save({ resource: { ...v20001, id: 'my-sex-codes', group: [] } }),
    );
    expect(underUrl).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/v2-0001 .*bundled.*copy/),
    });
    const underId = await failure(
      analyst().conceptMaps.save({ resource: { ...v20001, url: 'http://example.org/sex', group: [] } }),
    );
    expect(underId.code).toBe('FORBIDDEN');
    expect((await failure(analyst().conceptMaps.remove({ id: 'v2-0001' }))).code).toBe('FORBIDDEN');
    // A copy under its own id and url is fine.
    const copy = await analyst().conceptMaps.save({
      resource: { ...v20001, id: 'v2-0001-local', url: 'http://example.org/fhir/ConceptMap/v2-0001-local' },
    });
    expect(copy).toMatchObject({ ok: true, conceptMap: { bundled: false, resourceId: 'v2-0001-local' } });
    expect((await analyst().conceptMaps.get({ id: 'v2-0001' })).resource.group).toEqual(v20001.group);
  });

  it('imports a CSV map: a bad line is named, the fixed file is stored, edited and translated', async () => {
    const bad = await analyst().conceptMaps.import({ format: 'csv', text: BAD_CSV, name: 'Local sex codes' });
    expect(bad).toMatchObject({ ok: false, errors: [{ code: 'invalid-csv', at: { line: 3 } }] });
    expect((await analyst().conceptMaps.list()).some((m) => m.name === 'Local sex codes')).toBe(false);

    const good = await analyst().conceptMaps.import({
      format: 'csv',
      text: GOOD_CSV,
      name: 'Local sex codes',
      sourceSystem: 'http://hospital.example/sex',
      targetSystem: 'http://hl7.org/fhir/administrative-gender',
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    expect(good.conceptMap).toMatchObject({
      name: 'Local sex codes',
      resourceId: 'local-sex-codes',
      url: 'http://mapwright.dev/fhir/ConceptMap/local-sex-codes',
      elementCount: 3,
      bundled: false,
    });
    const { id } = good.conceptMap;
    expect(await analyst().conceptMaps.list()).toContainEqual(good.conceptMap);

    expect(await analyst().conceptMaps.translate({ id, code: 'U' })).toMatchObject({
      found: true,
      code: 'unknown',
    });
    expect(await analyst().conceptMaps.translate({ id, code: 'X' })).toMatchObject({
      found: false,
      reason: 'unknown-code',
    });

    // The same file again would make two maps with one url: refused, the first one is kept.
    expect(
      (
        await failure(
          analyst().conceptMaps.import({ format: 'csv', text: GOOD_CSV, name: 'Local sex codes' }),
        )
      ).code,
    ).toBe('CONFLICT');

    const { resource } = await analyst().conceptMaps.get({ id });
    const edited = {
      ...resource,
      group: [
        {
          ...resource.group[0]!,
          element: [
            ...resource.group[0]!.element,
            { code: 'X', target: [{ code: 'other', equivalence: 'equivalent' as const }] },
          ],
        },
      ],
    };
    expect(await analyst().conceptMaps.save({ id, resource: edited })).toMatchObject({
      ok: true,
      conceptMap: { id, elementCount: 4 },
    });
    expect(await analyst().conceptMaps.translate({ id, code: 'X' })).toMatchObject({
      found: true,
      code: 'other',
    });
    expect(await analyst().conceptMaps.forPreview()).toContainEqual(
      expect.objectContaining({ id: 'local-sex-codes', group: edited.group }),
    );

    // An empty source code in the edited table comes back located, and nothing is stored.
    const blank = {
      ...edited,
      group: [
        {
          ...edited.group[0]!,
          element: [{ code: '', target: [{ code: 'x', equivalence: 'equivalent' as const }] }],
        },
      ],
    };
    expect(await analyst().conceptMaps.save({ id, resource: blank })).toMatchObject({
      ok: false,
      errors: [{ at: { path: 'group[0].element[0].code' } }],
    });
    expect((await analyst().conceptMaps.get({ id })).resource.group[0]!.element).toHaveLength(4);

    expect(await analyst().conceptMaps.remove({ id })).toEqual({ id });
    expect((await failure(analyst().conceptMaps.translate({ id, code: 'X' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a save over a version someone else saved in between, and keeps theirs', async () => {
    const imported = await analyst().conceptMaps.import({
      format: 'csv',
      text: GOOD_CSV,
      name: 'Clinic sex codes',
      url: 'http://hospital.example/ConceptMap/clinic-sex',
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const { id } = imported.conceptMap;
    const ana = await analyst().conceptMaps.get({ id });
    const ben = await analyst().conceptMaps.get({ id });
    const withRow = (code: string, target: string) => ({
      ...ana.resource,
      group: [
        {
          ...ana.resource.group[0]!,
          element: [
            ...ana.resource.group[0]!.element,
            { code, target: [{ code: target, equivalence: 'equivalent' as const }] },
          ],
        },
      ],
    });
    // Timestamps must differ: the database keeps milliseconds.
    await new Promise((r) => setTimeout(r, 5));
    expect(
      await analyst().conceptMaps.save({
        id,
        resource: withRow('A', 'other'),
        expectedUpdatedAt: ana.updatedAt!,
      }),
    ).toMatchObject({ ok: true });
    const stale = await failure(
      analyst().conceptMaps.save({
        id,
        resource: withRow('B', 'unknown'),
        expectedUpdatedAt: ben.updatedAt!,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('Someone else saved this ConceptMap');
    const codes = (await analyst().conceptMaps.get({ id })).resource.group[0]!.element.map((e) => e.code);
    expect(codes).toContain('A');
    expect(codes).not.toContain('B');
  });

  it('imports JSON, reporting the path of what is wrong', async () => {
    const broken = await analyst().conceptMaps.import({
      format: 'json',
      text: '{"resourceType": "ConceptMap"',
    });
    expect(broken).toMatchObject({ ok: false, errors: [{ code: 'invalid-json' }] });
    const wrong = await analyst().conceptMaps.import({
      format: 'json',
      text: JSON.stringify({
        resourceType: 'ConceptMap',
        id: 'x',
        status: 'draft',
        group: [{ element: [{}] }],
      }),
    });
    expect(wrong).toMatchObject({ ok: false, errors: [{ at: { path: 'group[0].element[0].code' } }] });
    const ok = await analyst().conceptMaps.import({
      format: 'json',
      text: JSON.stringify({
        resourceType: 'ConceptMap',
        id: 'json-map',
        status: 'draft',
        group: [{ element: [{ code: 'a', target: [{ code: 'b', equivalence: 'equal' }] }] }],
      }),
      name: 'From JSON',
      url: 'http://example.org/fhir/ConceptMap/json-map',
    });
    expect(ok).toMatchObject({
      ok: true,
      conceptMap: { name: 'From JSON', resourceId: 'json-map', elementCount: 1 },
    });
    // A second map with the same FHIR id would make lookups ambiguous.
    const sameId = await failure(
      analyst().conceptMaps.import({
        format: 'json',
        text: JSON.stringify({ resourceType: 'ConceptMap', id: 'json-map', status: 'draft', group: [] }),
        url: 'http://example.org/other',
      }),
    );
    expect(sameId).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/id "json-map"/) });
  });
});

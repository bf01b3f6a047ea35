import { readFileSync } from 'node:fs';
import { createMappingRepository, createSampleRepository } from '@mapwright/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The studio's own zip code (fflate resolves from the studio package); its unit tests check it alone.
import { unzipFolder, zipFolder } from '../../apps/studio/src/files/zip-folder';
import { createSmallMapping } from '../support/editor-fixture';
import { signIn, startStudio, type Studio } from '../support/studio';

let studio: Studio;
let page: Page;

beforeAll(async () => {
  studio = await startStudio({ examples: true });
  const context = await studio.browser.newContext({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  await signIn(page, studio.base);
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

const importInput = () => page.getByLabel('Import folder (zip)');

describe('mapping folders as zip files', () => {
  it('exports a mapping as <slug>.zip and imports it back under a new slug, samples and all', async () => {
    const example = await createMappingRepository(studio.db.prisma).getBySlug('adt-patient');
    if (!example) throw new Error('the adt-patient example did not load');
    const samples = await createSampleRepository(studio.db.prisma).listByMapping(example.id);
    expect(samples.length).toBeGreaterThan(0);

    await page.goto(`${studio.base}/#/mappings/${example.id}`);
    await page.getByRole('heading', { name: example.name }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('region', { name: 'Tests' }).getByRole('button', { name: 'Export zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('adt-patient.zip');
    // An example comes in as a committed version, with no draft: the version is what goes out.
    await page
      .getByRole('region', { name: 'Tests' })
      .getByRole('status')
      .filter({ hasText: /^Exported version \d+$/ })
      .waitFor();
    const unzipped = unzipFolder(readFileSync(await download.path()));
    if (!unzipped.ok) throw new Error(unzipped.message);
    const files = new Map(unzipped.files.map((f) => [f.path, f.content]));
    expect(files.has('mapping.json')).toBe(true);
    for (const sample of samples) expect(files.get(`samples/${sample.name}`)).toBe(sample.content);

    // The same folder under another id and name: a copy to start a variant from.
    const mapping = JSON.parse(files.get('mapping.json')!) as Record<string, unknown>;
    files.set(
      'mapping.json',
      `${JSON.stringify({ ...mapping, id: 'adt-patient-copy', name: 'ADT patient copy' }, null, 2)}\n`,
    );
    const copy = zipFolder(
      'adt-patient',
      [...files].map(([path, content]) => ({ path, content })),
    );
    await page.goto(studio.base);
    await page.getByRole('heading', { name: 'Mappings' }).waitFor();
    await importInput().setInputFiles({
      name: 'adt-patient.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(copy),
    });
    const result = page.getByRole('status', { name: 'Import result' });
    await result.filter({ hasText: 'Created mapping adt-patient-copy' }).waitFor();
    await result.getByRole('link', { name: 'Open it' }).click();
    await page.getByRole('heading', { name: 'ADT patient copy' }).waitFor();
    const sampleNames = await page.getByLabel('Sample', { exact: true }).locator('option').allTextContents();
    expect(sampleNames.sort()).toEqual(samples.map((s) => s.name).sort());
    await page
      .getByRole('status')
      .filter({ hasText: /^Valid: \d+ resources?$/ })
      .waitFor();
  });

  it('exports the saved draft of a mapping that has no version yet, as the editor shows it', async () => {
    const id = await createSmallMapping(studio.db, 'Draft only ADT');
    await page.goto(`${studio.base}/#/mappings/${id}`);
    await page.getByRole('heading', { name: 'Draft only ADT' }).waitFor();
    const tests = page.getByRole('region', { name: 'Tests' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tests.getByRole('button', { name: 'Export zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('draft-only-adt.zip');
    await tests.getByRole('status').filter({ hasText: 'Exported the saved draft' }).waitFor();
    const unzipped = unzipFolder(readFileSync(await download.path()));
    if (!unzipped.ok) throw new Error(unzipped.message);
    const mapping = JSON.parse(unzipped.files.find((f) => f.path === 'mapping.json')!.content) as {
      nodes: Array<{ id: string; expression?: string }>;
    };
    expect(mapping.nodes.find((n) => n.id === 'humanName')?.expression).toBe('$toHumanName($xpn)');
    expect(unzipped.files.map((f) => f.path)).toContain('samples/admit');
  });

  it('refuses a zip without mapping.json, saying so', async () => {
    await page.goto(studio.base);
    await page.getByRole('heading', { name: 'Mappings' }).waitFor();
    await importInput().setInputFiles({
      name: 'samples-only.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipFolder('lab', [{ path: 'samples/a.hl7', content: 'MSH|^~\\&|' }])),
    });
    await page
      .getByRole('alert')
      .filter({
        hasText: 'samples-only.zip: The zip has no mapping.json: it is not a Mapwright mapping folder.',
      })
      .waitFor();
  });
});

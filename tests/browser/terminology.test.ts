import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startStudio, type Studio } from '../support/studio';

let studio: Studio;
let browser: Browser;
let base: string;

beforeAll(async () => {
  studio = await startStudio();
  ({ browser, base } = studio);
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

// Line 3 has a stray extra column: the import must name that line.
const BAD_CSV = 'local,fhir\nM,male\nF,female,extra,oops\nU,unknown\n';
const GOOD_CSV = 'local,fhir\nM,male\nF,female\nU,unknown\n';

async function openMap(page: Page, name: string) {
  await page.getByLabel('Search ConceptMaps').fill(name);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

describe('the Terminology screen in Chromium', () => {
  it('tests a bundled table, imports a CSV map, edits it and keeps the edit', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await page.getByLabel('Email').fill('ada@hospital.example');
    await page.getByLabel('Name').fill('Ada Admin');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await page.getByRole('heading', { name: 'Mappings' }).waitFor();

    await page.getByRole('link', { name: 'Terminology' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terminology' }).waitFor();

    // The bundled HL7 table 0001: found by its id, shown read-only.
    await page.getByLabel('Search ConceptMaps').fill('v2-0001');
    const v20001 = 'HL7 v2 table 0001 (AdministrativeSex) to FHIR';
    await page.getByRole('button', { name: v20001 }).click();
    const detail = page.getByRole('region', { name: 'Selected ConceptMap' });
    await detail.getByRole('heading', { name: v20001 }).waitFor();
    await detail.getByText('read-only').waitFor();
    expect(await detail.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await detail.getByRole('textbox', { name: /Source code, row/ }).count()).toBe(0);

    await detail.getByLabel('Code', { exact: true }).fill('F');
    await detail.getByRole('button', { name: 'Test' }).click();
    await detail
      .getByRole('status')
      .filter({ hasText: /Hit: F → female/ })
      .waitFor();

    // A CSV with a bad line: the error names the line, nothing is added.
    const importPanel = page.getByRole('region', { name: 'Import a ConceptMap' });
    await importPanel.getByLabel('CSV', { exact: false }).check();
    await importPanel.getByLabel('Text').fill(BAD_CSV);
    await importPanel.getByLabel('Name', { exact: true }).fill('Local sex codes');
    await importPanel.getByRole('button', { name: 'Import' }).click();
    await importPanel
      .getByRole('alert')
      .filter({ hasText: /Line 3/ })
      .waitFor();

    await importPanel.getByLabel('Text').fill(GOOD_CSV);
    await importPanel.getByRole('button', { name: 'Import' }).click();
    await importPanel
      .getByRole('status')
      .filter({ hasText: 'Imported “Local sex codes” (3 codes)' })
      .waitFor();
    await page.getByLabel('Search ConceptMaps').fill('local sex');
    await page.getByRole('button', { name: 'Local sex codes', exact: true }).waitFor();
    await detail.getByRole('heading', { name: 'Local sex codes' }).waitFor();

    // Edit the U row's target and save.
    const uTarget = detail.getByRole('textbox', { name: 'Target code, row 3' });
    expect(await uTarget.inputValue()).toBe('unknown');
    await uTarget.fill('other');
    await detail.getByRole('button', { name: 'Save' }).click();
    await detail.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'studio-terminology.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Terminology' }).waitFor();
    await openMap(page, 'Local sex codes');
    await expect
      .poll(() => detail.getByRole('textbox', { name: 'Target code, row 3' }).inputValue())
      .toBe('other');
    await detail.getByLabel('Code', { exact: true }).fill('U');
    await detail.getByRole('button', { name: 'Test' }).click();
    await detail
      .getByRole('status')
      .filter({ hasText: /Hit: U → other/ })
      .waitFor();
  });
});

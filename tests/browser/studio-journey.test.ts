import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ROOT, newMapping, signIn as signInAt, startStudio, type Studio } from '../support/studio';

const ORU = readFileSync(join(ROOT, 'mappings/oru-lab/samples/google__oru_r01_ex6.hl7'), 'utf8');
const SAMPLE = readFileSync(join(ROOT, 'mappings/adt-patient/samples/msft__ADT01-28.hl7'), 'utf8');

let studio: Studio;
let base: string;

beforeAll(async () => {
  studio = await startStudio({ examples: true });
  base = studio.base;
}, 60_000);

afterAll(async () => {
  await studio?.close();
});

const signIn = (page: Page) => signInAt(page, base);

/** The source tree row for an engine path, found through the panel's search as an analyst would. */
async function sourceRow(page: Page, query: string, path: string) {
  await page.getByLabel('Search the source').fill(query);
  const row = page.locator(`.source-panel [data-path="${path}"]`);
  await row.waitFor();
  return row;
}

async function targetRow(page: Page, query: string, element: string) {
  await page.getByLabel('Search the target').fill(query);
  const row = page.locator(`.target-panel [data-target-element="${element}"]`);
  await row.waitFor();
  return row;
}

/** The engine path of the first source row a search finds whose path ends as given. */
async function firstPath(page: Page, query: string, ending: string) {
  await page.getByLabel('Search the source').fill(query);
  const row = page.locator(`.source-panel [data-path$="${ending}"]`).first();
  await row.waitFor();
  return row.getAttribute('data-path');
}

/** The preview's resource table row `path`, once it shows `value`. */
async function previewValue(page: Page, path: string, value: string) {
  await page
    .locator('.resource-table tr', { has: page.locator(`th:text-is("${path}")`) })
    .locator(`td:text-is("${value}")`)
    .waitFor();
}

describe('an analyst in the studio', () => {
  it('creates a mapping from an ADT sample and builds a valid Patient by drag and drop', async () => {
    const page = await studio.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        outside.push(r.url());
    });
    await signIn(page);

    await newMapping(page, 'Clinic ADT to Patient', SAMPLE);

    // PID-5.1 straight onto Patient.name.family.
    const family = await sourceRow(page, 'PID-5.1', 'PID.F5.C1');
    await family.dragTo(await targetRow(page, 'family', 'name.family'));
    await previewValue(page, 'name[0].family', 'EVERYMAN');

    // PID-7 onto birthDate, then a transform on that wire, typed in Monaco.
    const birth = await sourceRow(page, 'PID-7', 'PID.F7.C1');
    await birth.dragTo(await targetRow(page, 'birthDate', 'birthDate'));
    await page.locator('.flow-node-target [data-element="birthDate"] button').click();
    await page.getByRole('button', { name: 'Insert transform' }).click();
    const editor = page.locator('.inspector .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('$toDate($in)');
    await previewValue(page, 'birthDate', '1961-06-15');

    // PID-8 onto gender through the administrative sex ConceptMap.
    const sex = await sourceRow(page, 'PID-8', 'PID.F8.C1');
    await sex.dragTo(await targetRow(page, 'gender', 'gender'));
    await page.locator('.flow-node-target [data-element="gender"] button').click();
    await page.getByRole('button', { name: 'Insert lookup' }).click();
    await previewValue(page, 'gender', 'male');

    await page.getByRole('status').filter({ hasText: 'Valid: 1 resource' }).waitFor();
    await page.getByLabel('Save state').filter({ hasText: 'All changes saved' }).waitFor();
    // The whole graph in the artifact: zoom to fit first.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.locator('.flow-node-lookup').first().waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'studio-canvas.png') });

    // Reload: the draft was saved on the server, and the preview is the same.
    await page.reload();
    await page.getByRole('heading', { name: 'Clinic ADT to Patient' }).waitFor();
    await previewValue(page, 'name[0].family', 'EVERYMAN');
    await previewValue(page, 'birthDate', '1961-06-15');
    await previewValue(page, 'gender', 'male');
    await page.locator('.flow-node-transform').filter({ hasText: '$toDate($in)' }).waitFor();
    await page.locator('.flow-node-lookup').first().waitFor();
    expect(outside).toEqual([]);
  });

  it('opens an example mapping as an auto-laid-out graph whose nodes do not overlap', async () => {
    const page = await studio.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page);
    await page.getByRole('link', { name: /ADT A01\/A03\/A04\/A08 to Patient/ }).click();
    await page.locator('.flow-node-target').first().waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Valid: \d+ resources?$/ })
      .waitFor();
    const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.getAttribute('data-id'), x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    expect(boxes.length).toBeGreaterThan(20);
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .filter((b, j) => j > i && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        .map((b) => `${a.id} overlaps ${b.id}`),
    );
    expect(overlaps).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'studio-example.png') });

    // Every sample of the example through the graph at once.
    await page.getByRole('tab', { name: 'All samples' }).click();
    await page.getByRole('button', { name: 'Check all samples' }).click();
    const table = page.getByRole('table', { name: 'All samples' });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(8);
    await table
      .getByRole('row')
      .filter({ hasText: 'msft__ADT01-28.hl7' })
      .getByText('valid', { exact: true })
      .waitFor();
  });

  it('makes one Observation per OBX when the OBSERVATION group is dropped on the resource', async () => {
    const page = await studio.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page);
    await newMapping(page, 'Lab results', ORU);

    await page.getByLabel('Target resource').selectOption('new:Observation');
    await page.getByLabel('Search the source').fill('OBX');
    const group = page.locator('.source-panel [data-path$=".OBSERVATION"]').first();
    await group.waitFor();
    await group.dragTo(page.locator('[data-for-each-drop="Observation"]'));
    await page
      .locator('[data-for-each-drop="Observation"]')
      .filter({ hasText: /One Observation for each \S*OBSERVATION/ })
      .waitFor();

    // OBX-3.2 inside the group: the wire reads it relative to each OBX, not the first one of the message.
    const name = await sourceRow(page, 'OBX-3.2', (await firstPath(page, 'OBX-3.2', '.OBX.F3.C2'))!);
    await name.dragTo(await targetRow(page, 'text', 'code.text'));
    await expect
      .poll(() => page.locator('.resource-table caption', { hasText: 'Observation' }).count(), {
        timeout: 30_000,
      })
      .toBe(5);
    for (const test of ['Potassium', 'Sodium', 'Urea', 'eGFR (MDRD)', 'Creatinine'])
      await previewValue(page, 'code.text', test);
    await page.locator('.flow-node-source').filter({ hasText: 'OBX.F3.C2' }).first().waitFor();
  });
});

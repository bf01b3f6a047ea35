import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallMapping } from '../support/editor-fixture';
import { ARTIFACTS, signIn, startStudio, type Studio } from '../support/studio';

const PASSWORD = 'correct horse battery';
const ADA = { email: 'ada@hospital.example', name: 'Ada Admin', password: PASSWORD };
const ANA = { email: 'ana@hospital.example', name: 'Ana Analyst', password: PASSWORD };
const RAY = { email: 'ray@hospital.example', name: 'Ray Reviewer', password: PASSWORD };

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
  const admin = await studio.browser.newContext();
  const page = await admin.newPage();
  await signIn(page, studio.base, ADA);
  for (const [person, role] of [
    [ANA, 'analyst'],
    [RAY, 'reviewer'],
  ] as const) {
    const created = await page.request.post(`${studio.base}/trpc/users.create`, {
      data: { email: person.email, displayName: person.name, password: PASSWORD, roles: [role] },
    });
    expect(created.status()).toBe(200);
  }
  await admin.close();
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

async function openEditor(person: typeof ANA, id: string, name: string): Promise<Page> {
  const context = await studio.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, studio.base, person);
  await page.goto(`${studio.base}/#/mappings/${id}`);
  await page.getByRole('heading', { name }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Valid: 1 resource' }).waitFor();
  return page;
}

const testsPanel = (page: Page) => page.getByRole('region', { name: 'Tests' });
const summary = (page: Page, text: string) =>
  testsPanel(page).getByLabel('Test summary').filter({ hasText: text }).waitFor();
const row = (page: Page, name: string) =>
  testsPanel(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function newTest(
  page: Page,
  fields: { name: string; assertions: string; useCurrentOutput: boolean },
): Promise<Locator> {
  await testsPanel(page).getByRole('button', { name: 'New test' }).click();
  const form = page.getByRole('dialog', { name: 'New test' });
  await form.getByLabel('Test name').fill(fields.name);
  await form.getByLabel('Sample').selectOption({ label: 'admit' });
  await form.getByLabel('Use the current output as the expected bundle').setChecked(fields.useCurrentOutput);
  await form.getByLabel('Assertions (one FHIRPath per line)').fill(fields.assertions);
  await form.getByRole('button', { name: 'Create test' }).click();
  return form;
}

async function runAll(page: Page, expected: string) {
  await testsPanel(page).getByRole('button', { name: 'Run all' }).click();
  await summary(page, expected);
}

describe('test cases in the editor', () => {
  it('pass, fail with the assertion message and a JSON diff after an edit, and pass again once the actual output is accepted', async () => {
    const name = 'Tested ADT';
    const id = await createSmallMapping(studio.db, name);
    const page = await openEditor(ANA, id, name);

    // A mistyped assertion is refused when the test is saved, pointing at its line.
    const form = await newTest(page, {
      name: 'family',
      assertions: "Patient.name.family = 'EVERYMAN'\n\nPatient.name.count( = 1",
      useCurrentOutput: false,
    });
    await form
      .getByRole('alert')
      .filter({ hasText: /^Line 3: Assertion 2: / })
      .waitFor();
    await form.getByLabel('Assertions (one FHIRPath per line)').fill("Patient.name.family = 'EVERYMAN'");
    await form.getByRole('button', { name: 'Create test' }).click();
    await form.waitFor({ state: 'detached' });

    // The second test holds today's output as its expected bundle.
    await (
      await newTest(page, { name: 'admit output', assertions: '', useCurrentOutput: true })
    ).waitFor({ state: 'detached' });
    await row(page, 'admit output').filter({ hasText: 'bundle' }).waitFor();

    await runAll(page, '2 passed, 0 failed');

    // The name now comes from the next of kin (NK1-2): both tests notice, without saving first.
    await page.locator('.react-flow__node[data-id="pid5"]').click();
    await page.locator('.inspector').getByLabel('Path').fill('NK1.F2');
    await page.getByRole('status').filter({ hasText: 'Valid: 1 resource' }).waitFor();
    await runAll(page, '0 passed, 2 failed');

    await row(page, 'family').getByRole('button', { name: 'failed' }).click();
    const familyDetails = page.getByRole('dialog', { name: /^Test family/ });
    await familyDetails
      .getByRole('list', { name: 'Failures' })
      .filter({ hasText: "Assertion 1: Patient.name.family is 'NUCLEAR', expected = 'EVERYMAN'" })
      .waitFor();
    await familyDetails.getByRole('button', { name: 'Close' }).click();

    await row(page, 'admit output').getByRole('button', { name: 'failed' }).click();
    const bundleDetails = page.getByRole('dialog', { name: /^Test admit output/ });
    await bundleDetails
      .getByRole('list', { name: 'Differences' })
      .filter({ hasText: 'Patient.name[0].family changed' })
      .waitFor();
    // Monaco's diff editor marks the changed lines on both sides.
    await bundleDetails.locator('.editor.original .line-delete').first().waitFor();
    await bundleDetails.locator('.editor.modified .line-insert').first().waitFor();
    await bundleDetails.locator('.editor.modified .view-lines').filter({ hasText: 'NUCLEAR' }).waitFor();
    await bundleDetails.locator('.editor.original .view-lines').filter({ hasText: 'EVERYMAN' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'tests-panel.png') });

    await bundleDetails.getByRole('button', { name: 'Accept actual as expected' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Replace the expected bundle of admit output?' });
    await confirm.getByRole('button', { name: 'Replace expected bundle' }).click();
    await confirm.waitFor({ state: 'detached' });
    await bundleDetails.waitFor({ state: 'detached' });
    await row(page, 'admit output').getByRole('button', { name: 'passed' }).waitFor();
    await runAll(page, '1 passed, 1 failed');

    // The assertion is the analyst's to change: the new family name becomes what it expects.
    await row(page, 'family').getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit test family' });
    await edit.getByLabel('Assertions (one FHIRPath per line)').fill("Patient.name.family = 'NUCLEAR'");
    await edit.getByRole('button', { name: 'Save test' }).click();
    await edit.waitFor({ state: 'detached' });
    await runAll(page, '2 passed, 0 failed');

    await page.context().close();
  });

  it('shows a reviewer the results without any control that changes a test', async () => {
    const name = 'Reviewed ADT';
    const id = await createSmallMapping(studio.db, name);
    const analyst = await openEditor(ANA, id, name);
    await (
      await newTest(analyst, {
        name: 'family',
        assertions: "Patient.name.family = 'SOMEONE'",
        useCurrentOutput: false,
      })
    ).waitFor({ state: 'detached' });
    await analyst.context().close();

    const page = await openEditor(RAY, id, name);
    await runAll(page, '0 passed, 1 failed');
    const family = row(page, 'family');
    await family.getByRole('button', { name: 'Run' }).waitFor();
    expect(
      await testsPanel(page)
        .getByRole('button', { name: /^(New test|Edit|Delete)$/ })
        .count(),
    ).toBe(0);
    await family.getByRole('button', { name: 'failed' }).click();
    const details = page.getByRole('dialog', { name: /^Test family/ });
    await details.getByText("Assertion 1: Patient.name.family is 'EVERYMAN', expected = 'SOMEONE'").waitFor();
    expect(await details.getByRole('button', { name: 'Accept actual as expected' }).count()).toBe(0);
    await page.context().close();
  });
});

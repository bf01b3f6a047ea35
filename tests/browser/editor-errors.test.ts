import { createMappingRepository } from '@mapwright/db';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallMapping } from '../support/editor-fixture';
import { ANALYST, signIn as signInAt, startStudio, type Studio } from '../support/studio';

const EMAIL = ANALYST.email;
const PASSWORD = ANALYST.password;

let studio: Studio;
let base: string;

beforeAll(async () => {
  studio = await startStudio();
  base = studio.base;
  // The analyst is the administrator of this installation (admins may edit mappings too).
  const { context } = await signIn();
  await context.close();
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

const createMapping = (name: string) => createSmallMapping(studio.db, name);
const stopServer = () => studio.stop();
const startServer = () => studio.restart();

/** Creates the administrator on the first visit, signs in on later ones. */
async function signIn(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await studio.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await signInAt(page, base);
  return { context, page };
}

async function openEditor(name: string): Promise<{ context: BrowserContext; page: Page; id: string }> {
  const id = await createMapping(name);
  const { context, page } = await signIn();
  await page.goto(`${base}/#/mappings/${id}`);
  await editorReady(page, name);
  return { context, page, id };
}

async function editorReady(page: Page, name: string) {
  await page.getByRole('heading', { name }).waitFor();
  await verdict(page, 'Valid: 1 resource');
  await saveState(page, 'All changes saved');
}

const verdict = (page: Page, text: string | RegExp) =>
  page.locator('.preview-panel').getByRole('status').filter({ hasText: text }).waitFor();

const saveState = (page: Page, text: string) =>
  page.getByLabel('Save state').filter({ hasText: text }).waitFor();

const transformNode = (page: Page) => page.locator('.react-flow__node[data-id="humanName"]');

/** Selects the transform on the canvas and types a new label in the inspector. */
async function relabel(page: Page, label: string) {
  await transformNode(page).click();
  const field = page.locator('.inspector').getByLabel('Label');
  await field.waitFor();
  await field.fill(label);
}

async function draftNode(id: string): Promise<{ label?: string; expression?: string } | undefined> {
  const mapping = await createMappingRepository(studio.db.prisma).get(id);
  const nodes =
    (mapping?.draft as { nodes?: Array<{ id: string; label?: string; expression?: string }> } | null)
      ?.nodes ?? [];
  return nodes.find((n) => n.id === 'humanName');
}

const banner = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

describe('the mapping editor when something goes wrong', () => {
  it('says where a sample cannot be read, and shows valid output again on a good sample', async () => {
    const name = 'Unreadable sample';
    const { context, page } = await openEditor(name);

    await page.getByRole('button', { name: 'Add sample' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('not a message');
    await dialog.getByLabel('Message').fill('hello');
    await dialog.getByRole('button', { name: 'Add sample' }).click();
    await dialog.waitFor({ state: 'detached' });

    await verdict(page, 'The sample cannot be read');
    const issues = page.locator('.preview-panel').getByRole('list', { name: 'Issues' });
    await issues.getByText('No segment starts with MSH').waitFor();
    // …and where the reader stopped (the engine reports line 1), not only that it stopped.
    await issues.getByText(/\bline 1\b/).waitFor();
    await page
      .locator('.source-panel')
      .getByRole('alert', { name: 'Sample problems' })
      .getByText('No segment starts with MSH')
      .waitFor();

    await page.getByLabel('Sample', { exact: true }).selectOption({ label: 'admit' });
    await verdict(page, 'Valid: 1 resource');
    await page
      .locator('.resource-table tr', { has: page.locator('th:text-is("name[0].family")') })
      .locator('td:text-is("EVERYMAN")')
      .waitFor();
    await context.close();
  });

  it('marks a JSONata syntax error in Monaco, names the node, and keeps the bad expression', async () => {
    const name = 'Bad expression';
    const { context, page, id } = await openEditor(name);

    await transformNode(page).click();
    const editor = page.locator('.inspector .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    // Typed as an analyst types, spaces included: the canvas's Space-to-pan key must not swallow them.
    await page.keyboard.type('$toHumanName($xpn) +');
    await page.locator('.inspector .monaco-editor .squiggly-error').first().waitFor();

    await verdict(page, 'The mapping does not compile');
    const issues = page.locator('.preview-panel').getByRole('list', { name: 'Issues' });
    await issues.getByRole('button', { name: 'show node humanName' }).waitFor();

    // Work in progress is kept: a draft may not compile (only versions must).
    await expect.poll(async () => (await draftNode(id))?.expression).toBe('$toHumanName($xpn) +');
    await saveState(page, 'All changes saved');
    await page.reload();
    await page.getByRole('heading', { name }).waitFor();
    await transformNode(page)
      .locator('.flow-node-expression')
      .filter({ hasText: '$toHumanName($xpn) +' })
      .waitFor();
    await verdict(page, 'The mapping does not compile');
    await context.close();
  });

  it('keeps an edit made while the server is down and saves it when the server is back', async () => {
    const name = 'Server away';
    const { context, page, id } = await openEditor(name);

    await stopServer();
    try {
      await relabel(page, 'Edited while the server was down');
      await banner(page, 'The server does not answer').waitFor();
      await banner(page, 'kept in this browser').waitFor();
      await saveState(page, 'Not saved');
    } finally {
      await startServer();
    }

    // Nobody clicks anything: the editor retries by itself.
    await banner(page, 'The server does not answer').waitFor({ state: 'detached' });
    await saveState(page, 'All changes saved');
    expect((await draftNode(id))?.label).toBe('Edited while the server was down');

    await page.reload();
    await editorReady(page, name);
    await transformNode(page)
      .locator('.flow-node-title')
      .filter({ hasText: 'Edited while the server was down' })
      .waitFor();
    await context.close();
  });

  it('signs in again in place when the session expired, and then saves the edit', async () => {
    const name = 'Session gone';
    const { context, page, id } = await openEditor(name);

    await studio.db.prisma.session.deleteMany({});
    await relabel(page, 'Edited after the session expired');
    const expired = banner(page, 'Your session has expired');
    await expired.waitFor();
    expect((await draftNode(id))?.label).toBe('Patient name');

    await expired.getByLabel(`Password for ${EMAIL}`).fill(PASSWORD);
    await expired.getByRole('button', { name: 'Sign in again' }).click();
    await expired.waitFor({ state: 'detached' });
    await saveState(page, 'All changes saved');
    expect((await draftNode(id))?.label).toBe('Edited after the session expired');
    // Still in the editor, with the edit on the canvas: nothing was lost on the way.
    await transformNode(page)
      .locator('.flow-node-title')
      .filter({ hasText: 'Edited after the session expired' })
      .waitFor();
    await context.close();
  });

  it('offers to restore an edit that never reached the server after the page was closed', async () => {
    const name = 'Restore backup';
    const { context, page, id } = await openEditor(name);

    await stopServer();
    try {
      await relabel(page, 'Kept in the browser');
      await banner(page, 'The server does not answer').waitFor();
      // The analyst closes the editor before the server is back.
      await page.goto('about:blank');
    } finally {
      await startServer();
    }
    expect((await draftNode(id))?.label).toBe('Patient name');

    await page.goto(`${base}/#/mappings/${id}`);
    const offer = banner(page, 'changes to this mapping that were not saved');
    await offer.waitFor();
    await transformNode(page).locator('.flow-node-title').filter({ hasText: 'Patient name' }).waitFor();
    await offer.getByRole('button', { name: 'Restore them' }).click();
    await offer.waitFor({ state: 'detached' });
    await transformNode(page)
      .locator('.flow-node-title')
      .filter({ hasText: 'Kept in the browser' })
      .waitFor();
    await expect.poll(async () => (await draftNode(id))?.label).toBe('Kept in the browser');
    await saveState(page, 'All changes saved');

    // Saved: the next visit has nothing to offer back.
    await page.reload();
    await editorReady(page, name);
    await transformNode(page)
      .locator('.flow-node-title')
      .filter({ hasText: 'Kept in the browser' })
      .waitFor();
    expect(await offer.count()).toBe(0);
    await context.close();
  });
});

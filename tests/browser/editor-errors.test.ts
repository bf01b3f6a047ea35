import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import {
  createMappingRepository,
  createSampleRepository,
  openDatabase,
  type Database,
  type JsonObject,
} from '@mapwright/db';
import type { MappingInput } from '@mapwright/engine';
import { createApp } from '@mapwright/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

const ROOT = resolve(import.meta.dirname, '../..');
const STUDIO = join(ROOT, 'apps/studio/dist');
const SAMPLE = readFileSync(join(ROOT, 'mappings/adt-patient/samples/msft__ADT01-28.hl7'), 'utf8');
const EMAIL = 'ana@hospital.example';
const PASSWORD = 'correct horse battery';

let db: Database;
let server: Server;
let browser: Browser;
let port: number;
let base: string;

//  ┌────┐  xpn  ┌─────────┐ name  ┌───────┐
//  │pid5├──────►│humanName├──────►│patient│
//  └────┘       └─────────┘       └───────┘
const GRAPH = {
  id: 'errors-adt',
  name: 'Errors ADT',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'pid5', type: 'source', path: 'PID.F5', position: { x: 0, y: 0 } },
    {
      id: 'humanName',
      type: 'transform',
      label: 'Patient name',
      inputs: ['xpn'],
      expression: '$toHumanName($xpn)',
      position: { x: 400, y: 0 },
    },
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 800, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'pid5', target: 'humanName', targetHandle: 'xpn' },
    { id: 'e2', source: 'humanName', target: 'patient', targetHandle: 'name' },
  ],
} satisfies MappingInput;

/** Serves the built studio on `port` (0 the first time); a restart takes the same port and database. */
async function startServer(): Promise<void> {
  server = createApp({ db, sessionTtlMs: 3_600_000, secureCookies: false, studioDir: STUDIO }).listen(
    port,
    '127.0.0.1',
  );
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  port = address.port;
  base = `http://127.0.0.1:${port}`;
}

/** As if the server process went away: the port refuses connections and open ones are cut. */
async function stopServer(): Promise<void> {
  const closed = new Promise((r) => server.close(r));
  server.closeAllConnections();
  await closed;
}

beforeAll(async () => {
  if (!existsSync(join(STUDIO, 'index.html'))) {
    throw new Error(
      'The studio is not built: `pnpm test` builds it; alone, run `pnpm --filter @mapwright/studio build`',
    );
  }
  db = await openDatabase({ dataDir: 'memory://' });
  port = 0;
  await startServer();
  browser = await launchChromium();
  // The analyst is the administrator of this installation (admins may edit mappings too).
  const { context } = await signIn();
  await context.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await db?.close();
});

/** A fresh mapping with a saved draft and one good sample, so the tests do not share edits. */
async function createMapping(name: string): Promise<string> {
  const mappings = createMappingRepository(db.prisma);
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  const created = await mappings.create({ slug, name, sourceFormat: 'hl7v2' });
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  const draft = { ...GRAPH, id: slug, name } as unknown as JsonObject;
  const saved = await mappings.saveDraft({ mappingId: id, draft, expectedRevision: 0 });
  if (!saved.ok) throw new Error(saved.error.message);
  const sample = await createSampleRepository(db.prisma).create({
    mappingId: id,
    name: 'admit',
    content: SAMPLE,
    contentType: 'hl7v2',
  });
  if (!sample.ok) throw new Error(sample.error.message);
  return id;
}

/** Creates the administrator on the first visit, signs in on later ones. */
async function signIn(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(base);
  const setup = page.getByRole('heading', { name: 'Create the administrator' });
  const login = page.getByRole('heading', { name: 'Sign in to Mapwright' });
  await setup.or(login).waitFor();
  await page.getByLabel('Email').fill(EMAIL);
  if (await setup.isVisible()) await page.getByLabel('Name').fill('Ana Analyst');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: /Create and sign in|Sign in/ }).click();
  await page.getByRole('heading', { name: 'Mappings' }).waitFor();
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
  const mapping = await createMappingRepository(db.prisma).get(id);
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

    await db.prisma.session.deleteMany({});
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

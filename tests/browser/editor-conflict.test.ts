import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { loadExamples } from '../../apps/server/src/load-examples';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

const ROOT = resolve(import.meta.dirname, '../..');
const STUDIO = join(ROOT, 'apps/studio/dist');
const SAMPLE = readFileSync(join(ROOT, 'mappings/adt-patient/samples/msft__ADT01-28.hl7'), 'utf8');
const PASSWORD = 'correct horse battery';
const ANA = 'ana@hospital.example';
const BEN = 'ben@hospital.example';

let db: Database;
let server: Server;
let browser: Browser;
let base: string;

//  ┌────┐  xpn  ┌─────────┐ name  ┌───────┐
//  │pid5├──────►│humanName├──────►│patient│
//  └────┘       └─────────┘       └───────┘
const GRAPH = {
  id: 'conflict-adt',
  name: 'Conflict ADT',
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

beforeAll(async () => {
  if (!existsSync(join(STUDIO, 'index.html'))) {
    throw new Error(
      'The studio is not built: `pnpm test` builds it; alone, run `pnpm --filter @mapwright/studio build`',
    );
  }
  db = await openDatabase({ dataDir: 'memory://' });
  await loadExamples(db, join(ROOT, 'mappings'));
  server = createApp({ db, sessionTtlMs: 3_600_000, secureCookies: false, studioDir: STUDIO }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();

  // The administrator sets up the installation and creates the two analysts, as in production.
  const admin = await browser.newContext();
  const page = await admin.newPage();
  await page.goto(base);
  await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
  await page.getByLabel('Email').fill('ada@hospital.example');
  await page.getByLabel('Name').fill('Ada Admin');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  await page.getByRole('heading', { name: 'Mappings' }).waitFor();
  for (const [email, displayName] of [
    [ANA, 'Ana Analyst'],
    [BEN, 'Ben Analyst'],
  ] as const) {
    const created = await page.request.post(`${base}/trpc/users.create`, {
      data: { email, displayName, password: PASSWORD, roles: ['analyst'] },
    });
    expect(created.status()).toBe(200);
  }
  await admin.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await db?.close();
});

/** A fresh mapping with a saved draft and one sample, so each test starts from revision 1. */
async function createMapping(name: string): Promise<string> {
  const mappings = createMappingRepository(db.prisma);
  const created = await mappings.create({
    slug: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    sourceFormat: 'hl7v2',
  });
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  const draft = await mappings.saveDraft({
    mappingId: id,
    draft: { ...GRAPH, name } as unknown as JsonObject,
    expectedRevision: 0,
  });
  if (!draft.ok) throw new Error(draft.error.message);
  const sample = await createSampleRepository(db.prisma).create({
    mappingId: id,
    name: 'admit',
    content: SAMPLE,
    contentType: 'hl7v2',
  });
  if (!sample.ok) throw new Error(sample.error.message);
  return id;
}

async function signedInContext(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole('heading', { name: 'Sign in to Mapwright' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Mappings' }).waitFor();
  return { context, page };
}

async function openEditor(page: Page, id: string, name: string) {
  await page.goto(`${base}/#/mappings/${id}`);
  await page.getByRole('heading', { name }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Valid: 1 resource' }).waitFor();
  await saveState(page, 'All changes saved');
}

async function saveState(page: Page, text: string) {
  await page.getByLabel('Save state').filter({ hasText: text }).waitFor();
}

/** Selects the transform on the canvas and types a new label in the inspector. */
async function relabel(page: Page, label: string) {
  await page.locator('.react-flow__node[data-id="humanName"]').click();
  const field = page.locator('.inspector').getByLabel('Label');
  await field.waitFor();
  await field.fill(label);
}

async function draftLabel(id: string): Promise<string | undefined> {
  const mapping = await createMappingRepository(db.prisma).get(id);
  const nodes = (mapping?.draft as { nodes?: Array<{ id: string; label?: string }> } | null)?.nodes ?? [];
  return nodes.find((n) => n.id === 'humanName')?.label;
}

const nodeTitle = (page: Page) => page.locator('.react-flow__node[data-id="humanName"] .flow-node-title');

describe('two analysts editing the same mapping', () => {
  it('refuses the stale save, keeps both versions reachable, and lets the second analyst carry on', async () => {
    const name = 'Conflict ADT';
    const id = await createMapping(name);
    const ana = await signedInContext(ANA);
    const ben = await signedInContext(BEN);
    await openEditor(ana.page, id, name);
    await openEditor(ben.page, id, name);

    await relabel(ana.page, 'Name by Ana');
    await expect.poll(() => draftLabel(id)).toBe('Name by Ana');
    await saveState(ana.page, 'All changes saved');

    await relabel(ben.page, 'Name by Ben');
    const banner = ben.page.getByRole('alert').filter({ hasText: 'Someone else saved this mapping' });
    await banner.waitFor();
    await saveState(ben.page, 'Not saved: conflict');
    const reloadButton = banner.getByRole('button', { name: 'Reload their version' });
    await reloadButton.waitFor();
    // Ben's work is not lost: his version downloads as a file he can compare or re-apply.
    const [download] = await Promise.all([
      ben.page.waitForEvent('download'),
      banner.getByRole('link', { name: 'Download my version' }).click(),
    ]);
    const mine = JSON.parse(readFileSync(await download.path(), 'utf8')) as typeof GRAPH;
    expect(mine.nodes.find((n) => n.id === 'humanName')?.label).toBe('Name by Ben');
    // …and it did not overwrite Ana's.
    expect(await draftLabel(id)).toBe('Name by Ana');

    await reloadButton.click();
    await nodeTitle(ben.page).filter({ hasText: 'Name by Ana' }).waitFor();
    await banner.waitFor({ state: 'detached' });
    await saveState(ben.page, 'All changes saved');

    await relabel(ben.page, 'Name agreed by Ben');
    await expect.poll(() => draftLabel(id)).toBe('Name agreed by Ben');
    await saveState(ben.page, 'All changes saved');

    // Ana is now the one behind: her next edit is refused the same way, never saved over Ben's.
    await relabel(ana.page, 'Name by Ana again');
    await ana.page.getByRole('alert').filter({ hasText: 'Someone else saved this mapping' }).waitFor();
    expect(await draftLabel(id)).toBe('Name agreed by Ben');

    await ana.context.close();
    await ben.context.close();
  });
  it('saves nothing when an analyst only opens a mapping the studio lays out, so nobody gets a false conflict', async () => {
    // The examples carry positions that overlap: the editor lays them out on opening, which is not an edit.
    const example = await createMappingRepository(db.prisma).getBySlug('adt-patient');
    if (!example) throw new Error('the adt-patient example did not load');
    const ana = await signedInContext(ANA);
    const saves: string[] = [];
    ana.page.on('request', (r) => {
      if (r.url().includes('mappings.saveDraft')) saves.push(r.url());
    });
    await ana.page.goto(`${base}/#/mappings/${example.id}`);
    await ana.page.getByRole('heading', { name: example.name }).waitFor();
    await ana.page.locator('.canvas[aria-busy="false"] .flow-node-target').first().waitFor();
    await saveState(ana.page, 'All changes saved');
    // Longer than the autosave's quiet period (600 ms): a save of the layout would have been sent by now.
    await ana.page.waitForTimeout(2_000);
    expect(saves).toEqual([]);
    expect((await createMappingRepository(db.prisma).get(example.id))?.draftRevision).toBe(
      example.draftRevision,
    );
    // Reopening offers nothing to restore: the layout was never an unsaved change.
    await ana.page.reload();
    await ana.page.locator('.canvas[aria-busy="false"] .flow-node-target').first().waitFor();
    await saveState(ana.page, 'All changes saved');
    expect(await ana.page.getByRole('button', { name: 'Restore them' }).count()).toBe(0);
    await ana.context.close();
  });
});

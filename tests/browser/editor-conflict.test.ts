import { readFileSync } from 'node:fs';
import { createMappingRepository } from '@mapwright/db';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallMapping, SMALL_GRAPH } from '../support/editor-fixture';
import { signIn, startStudio, type Studio } from '../support/studio';

const PASSWORD = 'correct horse battery';
const ANA = 'ana@hospital.example';
const BEN = 'ben@hospital.example';

let studio: Studio;
let base: string;

beforeAll(async () => {
  studio = await startStudio({ examples: true });
  base = studio.base;

  // The administrator sets up the installation and creates the two analysts, as in production.
  const admin = await studio.browser.newContext();
  const page = await admin.newPage();
  await signIn(page, base, { email: 'ada@hospital.example', name: 'Ada Admin', password: PASSWORD });
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
  await studio?.close();
});

const createMapping = (name: string) => createSmallMapping(studio.db, name);

async function signedInContext(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await studio.browser.newContext({
    viewport: { width: 1600, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signIn(page, base, { email, name: email, password: PASSWORD });
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
  const mapping = await createMappingRepository(studio.db.prisma).get(id);
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
    const mine = JSON.parse(readFileSync(await download.path(), 'utf8')) as typeof SMALL_GRAPH;
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
    const example = await createMappingRepository(studio.db.prisma).getBySlug('adt-patient');
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
    expect((await createMappingRepository(studio.db.prisma).get(example.id))?.draftRevision).toBe(
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

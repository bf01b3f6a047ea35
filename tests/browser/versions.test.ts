import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createMappingRepository } from '@mapwright/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHOR, createAccounts, signedIn } from '../support/accounts';
import { createSmallMapping } from '../support/editor-fixture';
import { ARTIFACTS, startStudio, type Studio } from '../support/studio';

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
  await createAccounts(studio, [{ person: AUTHOR, roles: ['analyst'] }]);
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

const nodeTitle = (page: Page) => page.locator('.react-flow__node[data-id="humanName"] .flow-node-title');

async function commit(page: Page, message: string, number: number) {
  await page.getByLabel('Save state').filter({ hasText: 'All changes saved' }).waitFor();
  await page.getByRole('button', { name: 'Commit version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Commit a version' });
  await dialog.getByLabel('Message').fill(message);
  await dialog.getByRole('button', { name: 'Commit' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Version ${number} committed.` })
    .waitFor();
}

async function relabel(page: Page, label: string) {
  await page.locator('.react-flow__node[data-id="humanName"]').click();
  await page.locator('.inspector').getByLabel('Label').fill(label);
  await nodeTitle(page).filter({ hasText: label }).waitFor();
}

async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('complementary', { name: 'History' });
  await history.waitFor();
  return history;
}

describe('versions in the studio', () => {
  it('commits, lists the history, opens an old version read-only, drafts from it and compares two', async () => {
    const id = await createSmallMapping(studio.db, 'History ADT');
    const { context, page } = await signedIn(studio, AUTHOR);
    await page.goto(`${studio.base}/#/mappings/${id}`);
    await page.getByRole('heading', { name: 'History ADT' }).waitFor();

    await commit(page, 'First cut: the name only', 1);
    await relabel(page, 'Name from PID-5');
    await commit(page, 'A clearer label', 2);

    // Nothing changed since version 2: the server's refusal is shown as it said it.
    await page.getByRole('button', { name: 'Commit version' }).click();
    const again = page.getByRole('dialog', { name: 'Commit a version' });
    await again.getByLabel('Message').fill('again');
    await again.getByRole('button', { name: 'Commit' }).click();
    await again
      .getByRole('alert')
      .filter({ hasText: 'Nothing to commit: the draft is the same as version 2.' })
      .waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();

    // The history, newest first, with who, what and the review state.
    let history = await openHistory(page);
    const items = history.locator('[data-version]');
    await expect
      .poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-version'))))
      .toEqual(['2', '1']);
    const v1 = history.locator('[data-version="1"]');
    await v1.getByText('First cut: the name only').waitFor();
    await v1.getByText(AUTHOR.email).waitFor();
    await v1.locator('[data-review-state="none"]').getByText('Not submitted').waitFor();

    // Version 1 read-only: its graph as it was, nothing movable, its JSONata.
    await v1.getByRole('link', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'History ADT: version 1' }).waitFor();
    await page.getByText('Read only', { exact: true }).waitFor();
    await nodeTitle(page).filter({ hasText: 'Patient name' }).waitFor();
    const node = page.locator('.react-flow__node[data-id="humanName"]');
    expect(await node.getAttribute('class')).not.toContain('draggable');
    await node.click();
    await expect.poll(() => page.locator('.inspector').getByLabel('Label').isEditable()).toBe(false);
    await page
      .getByRole('region', { name: 'JSONata of this version' })
      .getByText('$toHumanName')
      .first()
      .waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'version.png') });

    // Back in the editor, a new draft from version 1 replaces the draft and the editor shows it.
    await page.getByRole('link', { name: 'Back to the editor' }).click();
    await nodeTitle(page).filter({ hasText: 'Name from PID-5' }).waitFor();
    history = await openHistory(page);
    await history
      .locator('[data-version="1"]')
      .getByRole('button', { name: 'Start a new draft from it' })
      .click();
    await history.getByRole('alertdialog').getByRole('button', { name: 'Start the draft' }).click();
    await nodeTitle(page).filter({ hasText: 'Patient name' }).waitFor();
    const stored = await createMappingRepository(studio.db.prisma).get(id);
    const draftNodes = (stored?.draft as { nodes: Array<{ id: string; label?: string }> }).nodes;
    expect(draftNodes.find((n) => n.id === 'humanName')?.label).toBe('Patient name');

    // Compare the two: the relabelled node is the one change.
    await history.getByLabel('Pick version 1 to compare').check();
    await history.getByLabel('Pick version 2 to compare').check();
    await history.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'History ADT: version 1 → 2' }).waitFor();
    await page
      .locator('.react-flow__node[data-id="humanName"][data-diff="changed"]')
      .waitFor({ timeout: 60_000 });
    expect(await page.locator('.react-flow__node[data-diff="unchanged"]').count()).toBe(2);
    const changes = page.getByRole('region', { name: 'Changed parameters' });
    await changes.locator('[data-change-node="humanName"]').getByText('"Name from PID-5"').waitFor();
    await page
      .getByRole('region', { name: 'Output differences' })
      .getByText('Same output for all 1 message')
      .waitFor();
    await page.locator('.program-diff .monaco-diff-editor').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png'), fullPage: true });
    await context.close();
  });
});

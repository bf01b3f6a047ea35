import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, newMapping, signIn, startStudio, type Studio } from '../support/studio';

const SAMPLE = readFileSync(join(ROOT, 'mappings/adt-patient/samples/msft__ADT01-28.hl7'), 'utf8');

let studio: Studio;

beforeAll(async () => {
  studio = await startStudio();
}, 60_000);

afterAll(async () => {
  await studio?.close();
});

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

describe('the editor from the keyboard', () => {
  it('copies, pastes, deletes, undoes and redoes nodes, and lists its shortcuts', async () => {
    const page = await studio.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await signIn(page, studio.base);
    await newMapping(page, 'Keyboard', SAMPLE);

    await page.getByLabel('Search the source').fill('PID-5.1');
    const family = page.locator('.source-panel [data-path="PID.F5.C1"]');
    await family.waitFor();
    await family.dragTo(page.locator('.react-flow__pane'));
    await expect.poll(() => nodeCount(page)).toBe(1);

    // Select the node, copy and paste it twice: two more nodes, each its own id.
    await page.locator('.flow-node-source').first().click();
    await page.keyboard.press('ControlOrMeta+C');
    await page.keyboard.press('ControlOrMeta+V');
    await page.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => nodeCount(page)).toBe(3);
    const ids = await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(new Set(ids).size).toBe(3);

    // Select everything, delete, undo, redo.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(0);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => nodeCount(page)).toBe(3);
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect.poll(() => nodeCount(page)).toBe(0);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => nodeCount(page)).toBe(3);

    // Typing in a field is typing, not a shortcut: Delete in the search box deletes text, not nodes.
    await page.getByLabel('Search the source').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.getByLabel('Search the source').inputValue()).toBe('PID-5.');
    expect(await nodeCount(page)).toBe(3);

    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const keys of ['Ctrl+Z', 'Ctrl+C', 'Ctrl+V', 'Delete / Backspace', 'L', 'F'])
      await help.getByText(keys, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // The pasted nodes were saved: they are there after a reload.
    await page.getByLabel('Save state').filter({ hasText: 'All changes saved' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Keyboard' }).waitFor();
    await expect.poll(() => nodeCount(page)).toBe(3);
  });
});

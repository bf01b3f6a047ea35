import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from '@mapwright/db';
import { createApp } from '@mapwright/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

const ROOT = resolve(import.meta.dirname, '../..');
const STUDIO = join(ROOT, 'apps/studio/dist');
const SAMPLE = readFileSync(join(ROOT, 'mappings/adt-patient/samples/msft__ADT01-28.hl7'), 'utf8');

let db: Database;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!existsSync(join(STUDIO, 'index.html'))) {
    throw new Error(
      'The studio is not built: `pnpm test` builds it; alone, run `pnpm --filter @mapwright/studio build`',
    );
  }
  db = await openDatabase({ dataDir: 'memory://' });
  server = createApp({ db, sessionTtlMs: 3_600_000, secureCookies: false, studioDir: STUDIO }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await db?.close();
});

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();

describe('the editor from the keyboard', () => {
  it('copies, pastes, deletes, undoes and redoes nodes, and lists its shortcuts', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(base);
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await page.getByLabel('Email').fill('kim@hospital.example');
    await page.getByLabel('Name').fill('Kim Keys');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await page.getByRole('button', { name: 'New mapping' }).click();
    await page.getByLabel('Name').fill('Keyboard');
    await page.getByLabel('Sample message').fill(SAMPLE);
    await page.getByRole('button', { name: 'Create mapping' }).click();
    await page.getByRole('heading', { name: 'Keyboard' }).waitFor();

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

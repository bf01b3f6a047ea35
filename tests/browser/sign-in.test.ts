import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMappingRepository, type Database } from '@mapwright/db';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startStudio, type Studio } from '../support/studio';

let studio: Studio;
let db: Database;
let browser: Browser;
let base: string;

beforeAll(async () => {
  studio = await startStudio();
  ({ db, browser, base } = studio);
  await createMappingRepository(db.prisma).create({
    slug: 'adt-patient',
    name: 'ADT to Patient',
    sourceFormat: 'hl7v2',
  });
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

describe('the studio in Chromium', () => {
  it('walks a new installation through creating the administrator, signing out and back in', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    await page.goto(base);

    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await page.getByLabel('Email').fill('ada@hospital.example');
    await page.getByLabel('Name').fill('Ada Admin');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    // The browser refuses a password under 12 characters before the server is asked.
    expect(await page.getByLabel('Password').evaluate((el: HTMLInputElement) => el.validity.tooShort)).toBe(
      true,
    );
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create and sign in' }).click();

    await page.getByRole('heading', { name: 'Mappings' }).waitFor();
    // The list and the user badge load after the heading: wait for them, do not sample once.
    await page.getByText('ADT to Patient').waitFor();
    await page.getByText('Ada Admin (admin)').waitFor();
    // The session cookie is invisible to scripts.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'studio-mappings.png') });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Mapwright' }).waitFor();
    await page.getByLabel('Email').fill('ada@hospital.example');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is wrong.' }).waitFor();
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Mappings' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Mappings' }).waitFor();
    expect(outside).toEqual([]);
  });
});

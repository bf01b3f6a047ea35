import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openDatabase, type Database } from '@mapwright/db';
import { createApp } from '@mapwright/server';
import type { Browser, Page } from 'playwright-core';
import { loadExamples } from '../../apps/server/src/load-examples';
import { folderCorpus } from '../../apps/server/src/review-corpus';
import { launchChromium } from './browser';

export const ROOT = resolve(import.meta.dirname, '../..');
export const STUDIO_DIR = join(ROOT, 'apps/studio/dist');
export const ARTIFACTS = join(ROOT, 'test-results');

/** The built studio and its API on a free loopback port, an in-memory database, and Debian's Chromium. */
export interface Studio {
  db: Database;
  server: Server;
  base: string;
  browser: Browser;
  /** As if the server process went away: the port refuses connections and open ones are cut. */
  stop(): Promise<void>;
  /** The server back on the same port with the same database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startStudio(
  options: {
    examples?: boolean;
    /** A folder of messages reviewers may add to a comparison (MAPWRIGHT_REVIEW_CORPUS). */
    reviewCorpus?: string;
  } = {},
): Promise<Studio> {
  if (!existsSync(join(STUDIO_DIR, 'index.html'))) {
    throw new Error(
      'The studio is not built: `pnpm test` builds it; alone, run `pnpm --filter @mapwright/studio build`',
    );
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  if (options.examples) await loadExamples(db, join(ROOT, 'mappings'));
  const listen = async (port: number): Promise<Server> => {
    const server = createApp({
      db,
      sessionTtlMs: 3_600_000,
      secureCookies: false,
      studioDir: STUDIO_DIR,
      ...(options.reviewCorpus ? { reviewCorpus: folderCorpus(options.reviewCorpus) } : {}),
    }).listen(port, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    return server;
  };
  const stopServer = async (server: Server) => {
    const closed = new Promise((r) => server.close(r));
    server.closeAllConnections();
    await closed;
  };
  const first = await listen(0);
  const port = (first.address() as AddressInfo).port;
  const browser = await launchChromium();
  const studio: Studio = {
    db,
    server: first,
    base: `http://127.0.0.1:${port}`,
    browser,
    stop: () => stopServer(studio.server),
    async restart() {
      studio.server = await listen(port);
    },
    async close() {
      await browser.close();
      if (studio.server.listening) await stopServer(studio.server);
      await db.close();
    },
  };
  return studio;
}

export interface Person {
  email: string;
  name: string;
  password: string;
}

export const ANALYST: Person = {
  email: 'ana@hospital.example',
  name: 'Ana Analyst',
  password: 'correct horse battery',
};

/**
 * Signs in as a user would: creates the administrator on a new installation's first visit, signs in on
 * later ones. Waits (generously: the first load parses the studio on a busy machine) for the mappings.
 */
export async function signIn(page: Page, base: string, person: Person = ANALYST): Promise<void> {
  await page.goto(base);
  const setup = page.getByRole('heading', { name: 'Create the administrator' });
  const login = page.getByRole('heading', { name: 'Sign in to Mapwright' });
  await setup.or(login).waitFor({ timeout: 60_000 });
  await page.getByLabel('Email').fill(person.email);
  if (await setup.isVisible()) await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: /^(Create and sign in|Sign in)$/ }).click();
  await page.getByRole('heading', { name: 'Mappings' }).waitFor();
}

/** Creates a mapping through the New mapping form with a pasted sample, and waits for its editor. */
export async function newMapping(page: Page, name: string, sample: string): Promise<void> {
  await page.getByRole('button', { name: 'New mapping' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Sample message').fill(sample);
  await page.getByRole('button', { name: 'Create mapping' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

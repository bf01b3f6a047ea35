import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StudioServer } from './studio-server';

/** The window every studio figure is measured in: a laptop-sized screen, the editor's three columns. */
export const VIEWPORT = { width: 1600, height: 1000 };

/** Generous: the machine is shared, and a wait that gives up is a failed benchmark, not a slow figure. */
export const WAIT_MS = 60_000;

export const ADT_EXAMPLE = /ADT A01\/A03\/A04\/A08 to Patient/;

/** A fresh browser context: its own empty cache, cookies and storage, as a first visit has. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(WAIT_MS);
  // tsx compiles the bench with esbuild's keepNames, which wraps every named function, also those in the
  // functions handed to page.evaluate, in a `__name` helper that exists in Node only. Define it in the page.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}

/** A fresh browser context already holding the benchmark administrator's session. */
export async function signedInContext(browser: Browser, server: StudioServer): Promise<BrowserContext> {
  const context = await freshContext(browser);
  await context.addCookies([{ ...server.sessionCookie, url: server.base }]);
  return context;
}

/** The mapping list, loaded and quiet, so what is timed next is not the list still arriving. */
export async function openMappingList(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Mappings' }).waitFor();
  await page.getByRole('link', { name: ADT_EXAMPLE }).waitFor();
  await page.waitForLoadState('networkidle');
}

/** The editor is laid out and the preview shows a result for the current graph. */
export async function editorReady(page: Page): Promise<void> {
  await page.locator('.canvas[aria-busy="false"]').waitFor();
  await page.locator('section.preview-panel[data-preview-request][aria-busy="false"]').waitFor();
}

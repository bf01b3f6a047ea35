import type { Browser } from 'playwright-core';
import { median, round } from './lib/stats';
import { ADT_EXAMPLE, editorReady, freshContext, openMappingList, signedInContext } from './studio-session';
import type { StudioServer } from './studio-server';

const COLD_LOADS = 5;
const EDITOR_OPENS = 3;

export interface FirstLoad {
  loads: number;
  /** Navigation start -> the sign-in heading is in the page and its frame has started (median). */
  signInUsableMs: number;
  /** Navigation timing, medians: the HTML arrived, DOMContentLoaded ended, load ended. */
  htmlResponseEndMs: number;
  domContentLoadedMs: number;
  loadEventMs: number;
  /** Bytes on the wire (headers included) until the network went quiet, and in how many responses. */
  transferredBytes: number;
  responses: number;
  compressed: boolean;
  perLoadMs: number[];
}

export interface EditorOpen {
  opens: number;
  /** Click on the ADT example in the mapping list -> the canvas is laid out (median). */
  clickToCanvasMs: number;
  /** Click -> the preview panel shows its first result (median). */
  clickToPreviewMs: number;
  perOpenMs: number[];
}

interface LoadMarks {
  headingAt: number | null;
}

/**
 * Cold first loads over loopback: each in a new browser context (empty HTTP cache, no session), from
 * navigation start until the sign-in screen is there to type in.
 */
export async function measureFirstLoad(browser: Browser, server: StudioServer): Promise<FirstLoad> {
  const runs: Array<{
    usable: number;
    html: number;
    dcl: number;
    load: number;
    bytes: number;
    responses: number;
    compressed: boolean;
  }> = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const context = await freshContext(browser);
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      let bytes = 0;
      let responses = 0;
      let compressed = false;
      cdp.on('Network.loadingFinished', (event) => {
        bytes += event.encodedDataLength;
        responses++;
      });
      cdp.on('Network.responseReceived', (event) => {
        if (event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'])
          compressed = true;
      });
      await cdp.send('Network.enable');
      await page.addInitScript(() => {
        const marks: LoadMarks = { headingAt: null };
        (window as unknown as { __loadMarks: LoadMarks }).__loadMarks = marks;
        const observer = new MutationObserver(() => {
          const heading = Array.from(document.querySelectorAll('h1, h2')).find((h) =>
            /Sign in to Mapwright|Create the administrator/.test(h.textContent ?? ''),
          );
          if (!heading) return;
          observer.disconnect();
          // The frame that paints it: the screen is usable from then on.
          requestAnimationFrame((frame) => (marks.headingAt = frame));
        });
        observer.observe(document, { childList: true, subtree: true });
      });

      await page.goto(server.base);
      await page.getByRole('heading', { name: 'Sign in to Mapwright' }).waitFor();
      await page.getByLabel('Email').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(
        () => (window as unknown as { __loadMarks: LoadMarks }).__loadMarks.headingAt !== null,
      );
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          usable: (window as unknown as { __loadMarks: LoadMarks }).__loadMarks.headingAt!,
          html: nav.responseEnd,
          dcl: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
        };
      });
      runs.push({ ...marks, bytes, responses, compressed });
    } finally {
      await context.close();
    }
  }
  const last = runs.at(-1)!;
  return {
    loads: runs.length,
    signInUsableMs: round(median(runs.map((r) => r.usable)), 1),
    htmlResponseEndMs: round(median(runs.map((r) => r.html)), 1),
    domContentLoadedMs: round(median(runs.map((r) => r.dcl)), 1),
    loadEventMs: round(median(runs.map((r) => r.load)), 1),
    transferredBytes: median(runs.map((r) => r.bytes)),
    responses: last.responses,
    compressed: last.compressed,
    perLoadMs: runs.map((r) => round(r.usable, 1)),
  };
}

interface OpenMarks {
  clickAt: number | null;
  canvasAt: number | null;
  previewAt: number | null;
}

/**
 * Opening the ADT example from the mapping list in a new context (the editor's code, the preview worker and
 * the FHIR definitions not cached yet): from the click to the canvas laid out and to the first preview.
 */
export async function measureEditorOpen(browser: Browser, server: StudioServer): Promise<EditorOpen> {
  const runs: Array<{ canvas: number; preview: number }> = [];
  for (let i = 0; i < EDITOR_OPENS; i++) {
    const context = await signedInContext(browser, server);
    try {
      const page = await context.newPage();
      await openMappingList(page, server.base);
      await page.evaluate(() => {
        const marks: OpenMarks = { clickAt: null, canvasAt: null, previewAt: null };
        (window as unknown as { __openMarks: OpenMarks }).__openMarks = marks;
        window.addEventListener('click', (event) => (marks.clickAt ??= event.timeStamp), { capture: true });
        new MutationObserver(() => {
          const now = performance.now();
          if (marks.canvasAt === null && document.querySelector('.canvas[aria-busy="false"]'))
            marks.canvasAt = now;
          if (
            marks.previewAt === null &&
            document.querySelector('section.preview-panel[data-preview-request]')
          )
            marks.previewAt = now;
        }).observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['aria-busy', 'data-preview-request'],
        });
      });
      await page.getByRole('link', { name: ADT_EXAMPLE }).click();
      await editorReady(page);
      const marks = await page.evaluate(() => (window as unknown as { __openMarks: OpenMarks }).__openMarks);
      if (marks.clickAt === null || marks.canvasAt === null || marks.previewAt === null) {
        throw new Error(`the editor opened without every mark recorded: ${JSON.stringify(marks)}`);
      }
      runs.push({ canvas: marks.canvasAt - marks.clickAt, preview: marks.previewAt - marks.clickAt });
    } finally {
      await context.close();
    }
  }
  return {
    opens: runs.length,
    clickToCanvasMs: round(median(runs.map((r) => r.canvas)), 0),
    clickToPreviewMs: round(median(runs.map((r) => r.preview)), 0),
    perOpenMs: runs.map((r) => round(r.preview, 0)),
  };
}

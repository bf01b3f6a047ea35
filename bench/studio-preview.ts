import type { Browser, Page } from 'playwright-core';
import { median, quantile, round } from './lib/stats';
import { mainThreadTime, perEvent, type MainThreadTime } from './studio-main-thread';
import { editorReady, openMappingList, signedInContext, ADT_EXAMPLE } from './studio-session';
import type { StudioServer } from './studio-server';

const WARM_UP_EDITS = 4;
const EDITS = 50;
/** About an analyst's typing pace; also lets the autosave of the previous edit run, as it would. */
const PAUSE_BETWEEN_EDITS_MS = 100;
const CONSTANT = 'identifierSystemBase';

export interface PreviewLatency {
  edit: string;
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** To the next animation frame after the change, the one that paints the new output. */
  nextFrameMedianMs: number;
  nextFrameP95Ms: number;
  /** The worker's own time for those previews (parse, map, validate, coverage), as the panel shows it. */
  workerMedianMs: number | null;
  /** The page's main thread per edit, over the measured edits (with the autosave each one sets off). */
  mainThreadPerEdit: MainThreadTime;
  targetP95Ms: number;
}

/** What the page records: the keydown's time, and for each edit the time until the preview changed. */
interface Probe {
  keyAt: number | null;
  before: number;
  latencies: number[];
  painted: number[];
  workerMs: Array<number | null>;
}

/**
 * Edit -> updated preview on the ADT example, through the UI: select the constant on the canvas, and in
 * its inspector's "Value (JSON)" type one character inside the quoted URL (or delete it again). Every
 * identifier system of the output starts with this URL, so each edit really recomputes and changes the
 * bundle. Timed in the page from the keydown event to the preview panel's `data-preview-request` change.
 */
export async function measurePreviewLatency(browser: Browser, server: StudioServer): Promise<PreviewLatency> {
  const context = await signedInContext(browser, server);
  try {
    const page = await context.newPage();
    await openMappingList(page, server.base);
    await page.getByRole('link', { name: ADT_EXAMPLE }).click();
    await editorReady(page);

    const node = page.locator(`.react-flow__node[data-id="${CONSTANT}"]`);
    // Off screen after a different layout, a click would scroll React Flow's pane: zoom to fit instead.
    if (!(await insideCanvas(page, CONSTANT)))
      await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await node.click();
    const value = page.getByLabel('Value (JSON)');
    await value.waitFor();
    await value.click();
    // Inside the closing quote, so every edit leaves valid JSON (a string) that the inspector applies.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft');
    await installProbe(page);

    const latencies: number[] = [];
    const painted: number[] = [];
    const worker: number[] = [];
    let edits = 0;
    const edit = async () => {
      // x, Backspace, x, …: the value goes back and forth instead of growing.
      await page.keyboard.press(edits++ % 2 === 0 ? 'x' : 'Backspace');
      const answer = await nextLatency(page);
      await page.waitForTimeout(PAUSE_BETWEEN_EDITS_MS);
      return answer;
    };
    await edit();
    await outputShows(page, '/sid/x');
    for (let i = 1; i < WARM_UP_EDITS; i++) await edit();
    const mainThread = await mainThreadTime(page, async () => {
      for (let i = 0; i < EDITS; i++) {
        const { latency, paint, workerMs } = await edit();
        latencies.push(latency);
        painted.push(paint);
        if (workerMs !== null) worker.push(workerMs);
      }
    });
    const sorted = [...latencies].sort((a, b) => a - b);
    const sortedPainted = [...painted].sort((a, b) => a - b);
    return {
      edit:
        `"${CONSTANT}" constant, "Value (JSON)" textarea: type "x" inside the quoted URL, then Backspace, ` +
        `alternately (each changes every identifier.system of the bundle); ${WARM_UP_EDITS} warm-up edits not counted`,
      samples: latencies.length,
      medianMs: round(quantile(sorted, 0.5), 1),
      p95Ms: round(quantile(sorted, 0.95), 1),
      maxMs: round(sorted.at(-1)!, 1),
      nextFrameMedianMs: round(quantile(sortedPainted, 0.5), 1),
      nextFrameP95Ms: round(quantile(sortedPainted, 0.95), 1),
      mainThreadPerEdit: perEvent(mainThread, EDITS),
      workerMedianMs: worker.length === latencies.length ? round(median(worker), 1) : null,
      targetP95Ms: 100,
    };
  } finally {
    await context.close();
  }
}

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const panel = document.querySelector('section.preview-panel')!;
    const probe: Probe = {
      keyAt: null,
      before: Number(panel.getAttribute('data-preview-request')),
      latencies: [],
      painted: [],
      workerMs: [],
    };
    (window as unknown as { __previewProbe: Probe }).__previewProbe = probe;
    window.addEventListener(
      'keydown',
      (event) => {
        probe.keyAt = event.timeStamp;
        probe.before = Number(panel.getAttribute('data-preview-request'));
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const now = performance.now();
      const keyAt = probe.keyAt;
      if (keyAt === null || Number(panel.getAttribute('data-preview-request')) <= probe.before) return;
      probe.keyAt = null;
      probe.latencies.push(now - keyAt);
      // The panel's header shows the worker's time as "123 ms"; absent if the panel stops showing it.
      const shown = /^(\d+) ms$/.exec(panel.querySelector('header .field-hint')?.textContent ?? '');
      probe.workerMs.push(shown ? Number(shown[1]) : null);
      requestAnimationFrame(() => probe.painted.push(performance.now() - keyAt));
    }).observe(panel, { attributes: true, attributeFilter: ['data-preview-request'] });
  });
}

/** Waits for the preview of the edit just made (and its frame), and returns both times. */
async function nextLatency(page: Page): Promise<{ latency: number; paint: number; workerMs: number | null }> {
  const handle = await page.waitForFunction(() => {
    const probe = (window as unknown as { __previewProbe: Probe }).__previewProbe;
    const n = probe.latencies.length;
    if (n === 0 || probe.painted.length < n || probe.keyAt !== null) return false;
    // Consumed here, so each edit is read once.
    const answer = {
      latency: probe.latencies[n - 1]!,
      paint: probe.painted[n - 1]!,
      workerMs: probe.workerMs[n - 1]!,
    };
    probe.latencies.length = 0;
    probe.painted.length = 0;
    probe.workerMs.length = 0;
    return answer;
  });
  return (await handle.jsonValue()) as { latency: number; paint: number; workerMs: number | null };
}

async function insideCanvas(page: Page, nodeId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const node = document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect();
    return (
      node.left >= canvas.left &&
      node.right <= canvas.right &&
      node.top >= canvas.top &&
      node.bottom <= canvas.bottom
    );
  }, nodeId);
}

/** The edit did reach the output: some identifier system in the resource table now holds `text`. */
async function outputShows(page: Page, text: string): Promise<void> {
  await page.locator('.resource-table td', { hasText: text }).first().waitFor();
}

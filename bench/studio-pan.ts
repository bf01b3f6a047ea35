import type { Browser, Page } from 'playwright-core';
import { quantile, round } from './lib/stats';
import { mainThreadTime, perEvent, type MainThreadTime } from './studio-main-thread';
import { GENERATED, generatedMapping } from './studio-graph';
import { signedInContext } from './studio-session';
import type { StudioServer } from './studio-server';

const PAN_MS = 3000;
/** Pixels per mouse move: a hand drag, not a jump; chromium sends each as its own input event. */
const STEP_PX = 4;
const SWING_PX = 240;
/** About a 125 Hz mouse. */
const MOVE_EVERY_MS = 8;

export interface PanFrameRate {
  nodes: number;
  /** Nodes in the DOM (React Flow renders every node unless onlyRenderVisibleElements is set). */
  renderedNodes: number;
  /** Of those, how many lay inside the canvas when the pan began. */
  nodesInView: number;
  zoom: number;
  panMs: number;
  frames: number;
  meanFps: number;
  worstFrameMs: number;
  p95FrameMs: number;
  mouseMoves: number;
  /** The page's main thread per frame while panning. */
  mainThreadPerFrame: MainThreadTime;
  /** Frames per second with the same canvas standing still: the ceiling on this machine. */
  idleFps: number;
  targetMeanFps: number;
}

/**
 * Frame rate while panning a 300-node mapping: the graph is saved through the API with grid positions
 * (so the studio opens it as saved, fitted to the canvas), then the pane is dragged back and forth for
 * about 3 s while the page counts animation frames.
 */
export async function measurePanFrameRate(browser: Browser, server: StudioServer): Promise<PanFrameRate> {
  const graph = generatedMapping();
  const created = (await server.mutate('mappings.create', {
    name: 'Benchmark: 300 nodes',
    sourceFormat: 'hl7v2',
  })) as { id: string };
  await server.mutate('mappings.saveDraft', { id: created.id, expectedRevision: 0, graph });

  const context = await signedInContext(browser, server);
  try {
    const page = await context.newPage();
    await page.goto(`${server.base}/#/mappings/${created.id}`);
    await page.locator('.canvas[aria-busy="false"]').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.react-flow__node').length === n,
      graph.nodes.length,
    );
    await page.locator('section.preview-panel[data-preview-request]').waitFor();
    await settle(page);

    const view = await canvasView(page);
    const start = await emptyPanePoint(page);
    // The same count with nothing moving: what this machine and headless Chromium give at best.
    const idle = await countFrames(page, () => page.waitForTimeout(1000));

    let moves = 0;
    let frames: number[] = [];
    const mainThread = await mainThreadTime(page, async () => {
      frames = await countFrames(page, async () => {
        await page.mouse.move(start.x, start.y);
        await page.mouse.down();
        // Moves go out at a mouse's pace and are not each awaited: a hand does not wait for the frame, and
        // Chromium coalesces moves that arrive within one frame. A few in flight at most, so none pile up.
        let inFlight = 0;
        const began = performance.now();
        while (performance.now() - began < PAN_MS) {
          if (inFlight < 3) {
            // A slow zigzag around the start: the graph stays on screen, every move pans it.
            const phase = (moves * STEP_PX) % (4 * SWING_PX);
            const offset =
              phase < SWING_PX ? phase : phase < 3 * SWING_PX ? 2 * SWING_PX - phase : phase - 4 * SWING_PX;
            inFlight++;
            moves++;
            void page.mouse.move(start.x + offset, start.y + offset / 3).finally(() => inFlight--);
          }
          await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
        }
        while (inFlight > 0) await new Promise((r) => setTimeout(r, MOVE_EVERY_MS));
        // End off the start, so the check below cannot mistake a zigzag back to the origin for no pan.
        await page.mouse.move(start.x + SWING_PX / 2, start.y + SWING_PX / 6);
        await page.mouse.up();
      });
    });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
    const span = frames.at(-1)! - frames[0]!;
    const after = await canvasView(page);
    if (after.transform === view.transform) throw new Error('the drag did not pan the canvas');
    return {
      nodes: graph.nodes.length,
      renderedNodes: view.rendered,
      nodesInView: view.inView,
      zoom: round(view.zoom, 3),
      panMs: round(span, 0),
      frames: frames.length,
      meanFps: round((gaps.length * 1000) / span, 1),
      worstFrameMs: round(Math.max(...gaps), 1),
      p95FrameMs: round(
        quantile(
          [...gaps].sort((a, b) => a - b),
          0.95,
        ),
        1,
      ),
      mouseMoves: moves,
      mainThreadPerFrame: perEvent(mainThread, frames.length),
      idleFps: round(((idle.length - 1) * 1000) / (idle.at(-1)! - idle[0]!), 1),
      targetMeanFps: 50,
    };
  } finally {
    await context.close();
  }
}

export const PAN_GRAPH = `${GENERATED.sources} sources, ${GENERATED.transforms} one-input transforms, ${GENERATED.targets} Patient targets, 250 wires, grid positions`;

/** The animation frame times (ms) in the page while `during` runs. */
async function countFrames(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const probe = { counting: true, frames: [] as number[] };
    (window as unknown as { __frameProbe: typeof probe }).__frameProbe = probe;
    requestAnimationFrame(function tick(time) {
      probe.frames.push(time);
      if (probe.counting) requestAnimationFrame(tick);
    });
  });
  await during();
  return page.evaluate(() => {
    const probe = (window as unknown as { __frameProbe: { counting: boolean; frames: number[] } })
      .__frameProbe;
    probe.counting = false;
    return probe.frames;
  });
}

/** Two frames with nothing happening: fitView and the first paint of 300 nodes are done. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.waitForTimeout(500);
}

async function canvasView(
  page: Page,
): Promise<{ rendered: number; inView: number; zoom: number; transform: string }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const nodes = Array.from(document.querySelectorAll('.react-flow__node')).map((n) =>
      n.getBoundingClientRect(),
    );
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const transform = viewport.style.transform;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
    const inView = nodes.filter(
      (r) => r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom,
    ).length;
    return { rendered: nodes.length, inView, zoom, transform };
  });
}

/** A point on the bare pane (not a node, wire, minimap or control) near the canvas centre: dragging it pans. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const r = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    for (let ring = 0; ring < 40; ring++) {
      for (let k = 0; k < 16; k++) {
        const x = cx + ring * 6 * Math.cos((k * Math.PI) / 8);
        const y = cy + ring * 6 * Math.sin((k * Math.PI) / 8);
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('no bare pane near the centre of the canvas to drag');
  return point;
}

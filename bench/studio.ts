import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { round } from './lib/stats';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/support/browser';
import { measureEditorOpen, measureFirstLoad } from './studio-load';
import { PAN_GRAPH, measurePanFrameRate } from './studio-pan';
import { measurePreviewLatency } from './studio-preview';
import { startStudioServer } from './studio-server';
import { VIEWPORT } from './studio-session';

const ROOT = resolve(import.meta.dirname, '..');
const STUDIO = join(ROOT, 'apps', 'studio', 'dist');

/**
 * Studio figures in real (Debian) Chromium against the built studio served over loopback: preview latency
 * after an edit, frame rate while panning 300 nodes, and first load. Builds the studio from the tree into a
 * directory of its own (apps/studio/dist is left to the tests reading it meanwhile);
 * MAPWRIGHT_BENCH_NO_BUILD=1 measures the existing apps/studio/dist instead.
 */
export async function benchStudio() {
  const built = process.env.MAPWRIGHT_BENCH_NO_BUILD === '1' ? null : buildStudio();
  try {
    return await measureStudio(built ?? STUDIO);
  } finally {
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

function buildStudio(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'mapwright-bench-studio-'));
  console.log('\nBuilding the studio (vite build)…');
  try {
    execFileSync('pnpm', ['--filter', '@mapwright/studio', 'exec', 'vite', 'build', '--outDir', outDir], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    const output =
      String((error as { stdout?: Buffer }).stdout ?? '') +
      String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`The studio build failed:\n${output.slice(-3000)}`);
  }
  return outDir;
}

async function measureStudio(studioDir: string) {
  if (!existsSync(join(studioDir, 'index.html'))) {
    throw new Error('The studio is not built: run `pnpm --filter @mapwright/studio build`');
  }

  const server = await startStudioServer(ROOT, studioDir);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    const chromium = browser.version();
    // The machine may be shared (other builds and tests): its load says how much to trust the figures.
    const loadBefore = loadavg()[0]!;
    console.log(
      `Studio in Chromium ${chromium} (headless, software rendering), ${VIEWPORT.width}x${VIEWPORT.height}…`,
    );

    const firstLoad = await measureFirstLoad(browser, server);
    console.log(
      `  first load: sign-in usable ${firstLoad.signInUsableMs} ms (median of ${firstLoad.loads} cold loads), ` +
        `${kib(firstLoad.transferredBytes)} KiB in ${firstLoad.responses} responses${firstLoad.compressed ? '' : ' (uncompressed)'}`,
    );
    const editorOpen = await measureEditorOpen(browser, server);
    console.log(
      `  open the ADT example: canvas ${editorOpen.clickToCanvasMs} ms, first preview ${editorOpen.clickToPreviewMs} ms (median of ${editorOpen.opens})`,
    );
    const preview = await measurePreviewLatency(browser, server);
    console.log(
      `  edit -> preview: median ${preview.medianMs} ms, p95 ${preview.p95Ms} ms over ${preview.samples} edits [target p95 ≤ ${preview.targetP95Ms} ms]; ` +
        `worker ${preview.workerMedianMs ?? '?'} ms, main thread ${preview.mainThreadPerEdit.taskMs} ms (script ${preview.mainThreadPerEdit.scriptMs}) per edit`,
    );
    const pan = await measurePanFrameRate(browser, server);
    console.log(
      `  panning ${pan.renderedNodes} nodes: ${pan.meanFps} fps mean, worst frame ${pan.worstFrameMs} ms over ${pan.frames} frames [target ≥ ${pan.targetMeanFps} fps]; ` +
        `${pan.idleFps} fps standing still, main thread ${pan.mainThreadPerFrame.taskMs} ms (script ${pan.mainThreadPerFrame.scriptMs}) per frame`,
    );

    printTable([
      [
        'edit -> preview p95 (ADT)',
        `${preview.p95Ms} ms`,
        `≤ ${preview.targetP95Ms} ms`,
        `${preview.samples} edits`,
      ],
      ['edit -> preview median', `${preview.medianMs} ms`, '', `${preview.samples} edits`],
      ['pan 300 nodes, mean', `${pan.meanFps} fps`, `≥ ${pan.targetMeanFps} fps`, `${pan.frames} frames`],
      ['pan 300 nodes, worst frame', `${pan.worstFrameMs} ms`, '', `${pan.frames} frames`],
      ['first load to sign-in', `${firstLoad.signInUsableMs} ms`, '', `${firstLoad.loads} cold loads`],
      ['first load bytes', `${kib(firstLoad.transferredBytes)} KiB`, '', `${firstLoad.responses} responses`],
      ['open ADT editor to preview', `${editorOpen.clickToPreviewMs} ms`, '', `${editorOpen.opens} opens`],
    ]);

    return {
      chromium,
      rendering: 'headless, --disable-gpu (software raster and compositing: pessimistic for panning)',
      loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0]!, 2) },
      viewport: VIEWPORT,
      previewLatency: preview,
      panning: { graph: PAN_GRAPH, ...pan },
      firstLoad,
      editorOpen,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kib = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en');

function printTable(rows: string[][]): void {
  const head = ['figure', 'measured', 'target', 'samples'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log('\n' + line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

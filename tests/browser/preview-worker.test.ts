import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, STUDIO_DIR, type Studio } from '../support/studio';

const STUDIO = STUDIO_DIR;
const MAPPINGS = resolve(import.meta.dirname, '../../mappings');

let studio: Studio;
let browser: Browser;
let base: string;

beforeAll(async () => {
  studio = await startStudio();
  ({ browser, base } = studio);
}, 120_000);

afterAll(async () => {
  await studio?.close();
});

/** The preview worker as the build emitted it (its name carries a content hash). */
function workerAsset(): string {
  const name = readdirSync(join(STUDIO, 'assets')).find((f) => /^preview\.worker-.*\.js$/.test(f));
  if (!name) throw new Error('The build emitted no preview worker (assets/preview.worker-*.js)');
  return `/assets/${name}`;
}

async function signIn(page: Page): Promise<void> {
  await page.goto(base);
  // the first load parses the whole studio bundle: give a busy 2-core machine room
  await page.getByRole('heading', { name: 'Create the administrator' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Email').fill('ada@hospital.example');
  await page.getByLabel('Name').fill('Ada Admin');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  await page.getByRole('heading', { name: 'Mappings' }).waitFor();
}

describe('the preview worker in Chromium', () => {
  it('maps the ADT example in the built studio, validates the output and pins an invalid code to its node', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    await signIn(page);

    const mapping = JSON.parse(readFileSync(join(MAPPINGS, 'adt-patient/mapping.json'), 'utf8')) as {
      nodes: Array<Record<string, unknown>>;
    };
    const sample = readFileSync(join(MAPPINGS, 'adt-patient/samples/google__adt_a01_ex2.hl7'), 'utf8');
    // The same mapping with a lookup default that is not an administrative-gender code, on a sample
    // whose PID-8 the map does not know: only a validator with the R4 definitions loaded catches it.
    const robot = {
      ...mapping,
      nodes: mapping.nodes.map((n) =>
        n.id === 'gender' ? { ...n, unmapped: { policy: 'default', code: 'robot' } } : n,
      ),
    };
    const unknownSex = sample.replace('|19890118000000|F|', '|19890118000000|Z|');

    await page.evaluate(
      ({ url, requests }) => {
        const answers: unknown[] = [];
        (window as unknown as { previewAnswers: unknown[] }).previewAnswers = answers;
        const worker = new Worker(url, { type: 'module' });
        worker.onmessage = (e: MessageEvent) => answers.push(e.data);
        worker.onerror = (e: ErrorEvent) => answers.push({ kind: 'onerror', message: e.message });
        // one at a time: the worker keeps only the newest of requests that queue up while it is busy
        worker.postMessage(requests[0]);
        const next = setInterval(() => {
          if (answers.length === 0) return;
          clearInterval(next);
          worker.postMessage(requests[1]);
        }, 50);
      },
      {
        url: workerAsset(),
        requests: [
          { requestId: 1, mapping, sample: { content: sample, format: 'hl7v2' }, conceptMaps: [] },
          { requestId: 2, mapping: robot, sample: { content: unknownSex, format: 'hl7v2' }, conceptMaps: [] },
        ],
      },
    );

    type Answer = {
      kind: string;
      message?: string;
      result?: {
        requestId: number;
        status: string;
        bundle?: { entry?: Array<{ resource: { resourceType: string; gender?: string } }> };
        issues: Array<{ severity: string; nodeId?: string; expression?: string }>;
        nodeValues: Record<string, unknown>;
      };
    };
    const answers = () =>
      page.evaluate(() => (window as unknown as { previewAnswers: Answer[] }).previewAnswers);
    await expect.poll(async () => (await answers()).length, { timeout: 60_000 }).toBe(2);
    const [ok, invalid] = await answers();

    expect(ok?.kind, ok?.message).toBe('result');
    expect(ok?.result?.status).toBe('ok');
    const patient = ok?.result?.bundle?.entry?.find((e) => e.resource.resourceType === 'Patient')?.resource;
    expect(patient).toMatchObject({ resourceType: 'Patient', gender: 'female' });
    expect(ok?.result?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ok?.result?.nodeValues.gender).toBe('female');

    expect(invalid?.result?.requestId).toBe(2);
    expect(invalid?.result?.issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        nodeId: 'gender',
        expression: expect.stringMatching(/^Bundle\.entry\[0\]\.resource\.gender/),
      }),
    );
    // the engine, its definitions and the worker all come from the studio's own origin
    expect(outside).toEqual([]);
  });
});

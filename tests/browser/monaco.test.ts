import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, STUDIO_DIR, type Studio } from '../support/studio';

const STUDIO = STUDIO_DIR;
const ASSETS = join(STUDIO, 'assets');
const CDN_HOSTS = ['cdn.jsdelivr', 'unpkg.com', 'unpkg', 'cdnjs.cloudflare'];

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

const assetNames = (): string[] => readdirSync(ASSETS);
const textAssets = (): string[] => assetNames().filter((name) => /\.(js|css|html|json|map)$/.test(name));
const read = (name: string): string => readFileSync(join(ASSETS, name), 'utf8');

/** The lazy chunk that sets up Monaco: the one module that installs MonacoEnvironment. */
function monacoChunk(): string {
  const chunks = textAssets().filter(
    (name) => name.endsWith('.js') && read(name).includes('MonacoEnvironment={'),
  );
  expect(chunks, 'exactly one chunk installs MonacoEnvironment').toHaveLength(1);
  return chunks[0]!;
}

/** Worker scripts the Monaco chunk starts, as `/assets/...` paths. */
const workerPaths = (chunk: string): string[] => [
  ...new Set([...read(chunk).matchAll(/\/assets\/[\w.-]+\.worker-[\w-]+\.js/g)].map((m) => m[0])),
];

describe('Monaco in the built studio', () => {
  it('ships the editor and JSON workers as our own assets, and no CDN address anywhere', () => {
    const names = assetNames();
    expect(names.some((n) => /^editor\.worker-[\w-]+\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /^json\.worker-[\w-]+\.js$/.test(n))).toBe(true);
    const emitted = [join(STUDIO, 'index.html'), ...textAssets().map((n) => join(ASSETS, n))];
    const withCdn = emitted.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return CDN_HOSTS.some((host) => text.includes(host));
    });
    expect(withCdn).toEqual([]);
    // The Monaco chunk starts exactly these two (the studio's own preview worker is someone else's).
    expect(workerPaths(monacoChunk()).sort()).toEqual(
      names.filter((n) => /^(editor|json)\.worker-[\w-]+\.js$/.test(n)).map((n) => `/assets/${n}`),
    );
  });

  it('loads Monaco lazily, runs its workers from loopback and highlights JSONata, all offline', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const workers: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('worker', (w) => workers.push(w.url()));
    // Anything bound elsewhere is refused, so a CDN fallback would fail the checks below, not pass silently.
    await page.route(
      (url) => url.origin !== base,
      (route) => route.abort(),
    );

    await page.goto(base);
    await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    const chunk = monacoChunk();
    // The first screen does not pay for Monaco.
    expect(requests.filter((u) => u.includes(chunk) || /\.worker-/.test(u))).toEqual([]);

    const tokens = await startEditors(page, `/assets/${chunk}`);
    expect(tokens).toEqual([
      'variable.predefined.jsonata',
      'delimiter.parenthesis.jsonata',
      'variable.jsonata',
    ]);

    // The JSON worker reports the syntax error in the bundle text: it is running.
    await expect
      .poll(() => page.evaluate('window.__monaco.editor.getModelMarkers({ owner: "json" }).length'))
      .toBeGreaterThan(0);
    for (const path of workerPaths(chunk)) await expect.poll(() => workers).toContain(`${base}${path}`);
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    await page.close();
  });
});

/** Imports the studio's Monaco chunk in the page and opens a JSON and a JSONata editor; returns JSONata token types. */
async function startEditors(page: Page, chunkPath: string): Promise<string[]> {
  // A string, not a function: the test runner rewrites `import()` in functions it compiles.
  const script = `(async () => {
    const { monaco } = await import(${JSON.stringify(chunkPath)});
    window.__monaco = monaco;
    const open = (text, language) => {
      const host = document.createElement('div');
      host.style.cssText = 'width: 600px; height: 200px';
      document.body.append(host);
      return monaco.editor.create(host, { model: monaco.editor.createModel(text, language) });
    };
    open('{ "resourceType": "Bundle", "entry": [ }', 'json');
    open('$toDate($dob)', 'jsonata');
    const [line] = monaco.editor.tokenize('$toDate($dob)', 'jsonata');
    return line.map((token) => token.type).slice(0, 3);
  })()`;
  return (await page.evaluate(script)) as string[];
}

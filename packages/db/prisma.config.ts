import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only. Migrations are plain SQL files in ./migrations, written by
// scripts/make-migration.ts and applied at start-up by src/migrate.ts, because the Prisma
// schema-engine binary cannot be downloaded here.
export default defineConfig({
  schema: 'prisma/schema.prisma',
});

import { describe, expect, it } from 'vitest';
import { pendingSchemaChange } from '../scripts/make-migration';

describe('prisma/schema.prisma', () => {
  it('has no changes missing from the committed migrations', async () => {
    const change = await pendingSchemaChange();
    // If this fails: pnpm --filter @mapwright/db make-migration <name>
    expect(change.sql).toBeNull();
  });
});

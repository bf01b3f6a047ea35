import { describe, expect, it } from 'vitest';
// Opening the database first is the point: Prisma's generated client sets globalThis.__dirname.
import '@mapwright/db';
import { validateResource } from '@mapwright/fhir';

describe('FHIR validation in a process that loaded the database client first', () => {
  it('still finds the R4 definitions and validates', () => {
    expect((globalThis as { __dirname?: string }).__dirname).toBeDefined();
    const outcome = validateResource({ resourceType: 'Patient', gender: 'robot' });
    expect(JSON.stringify(outcome)).toContain('gender');
  });
});

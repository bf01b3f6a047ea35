import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, errorIssues, loadFolder, mapText } from './harness';

// Every corpus message of a type a mapping accepts maps, and its bundle has zero validation errors.
// Messages of other types (ADT^A02, ...) are rejected by the mapping's messageTypes and skipped.
const CASES = [
  { folder: 'ADT', mapping: 'adt-patient', minAccepted: 80 },
  { folder: 'ORU', mapping: 'oru-lab', minAccepted: 20 },
  { folder: 'VXU', mapping: 'vxu-immunization', minAccepted: 50 },
] as const;

const hl7Dir = corpusPath('hl7v2');

describe('corpus', () => {
  describe.each(CASES)('$folder messages with $mapping', ({ folder, mapping, minAccepted }) => {
    it('every accepted message maps with zero validation errors', async () => {
      const compiled = loadFolder(mapping);
      const dir = join(hl7Dir, folder);
      const problems: string[] = [];
      let accepted = 0;
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.hl7'))
        .sort()) {
        const result = await mapText(compiled, readFileSync(join(dir, file), 'utf8'));
        if (!result.ok && result.errors.some((e) => e.code === 'message-type-not-accepted')) continue;
        accepted++;
        if (!result.ok) problems.push(`${file}: ${JSON.stringify(result.errors)}`);
        else if (errorIssues(result).length > 0)
          problems.push(`${file}: ${JSON.stringify(errorIssues(result))}`);
      }
      expect(problems).toEqual([]);
      // Guards against the test passing because nothing was accepted (a broken messageTypes list).
      expect(accepted).toBeGreaterThanOrEqual(minAccepted);
    });
  });
});

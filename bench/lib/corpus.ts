import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath } from '../../tests/support/corpus';

export function corpusMessages(type: string): { file: string; text: string }[] {
  const dir = corpusPath('hl7v2', type);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hl7'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

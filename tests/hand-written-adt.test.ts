import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMapping, runMapping, type Bundle } from '@mapwright/engine';
import { parseHl7 } from '@mapwright/hl7v2';
import { handWrittenAdt } from '../bench/hand-written-adt';
import { corpusMessages } from '../bench/lib/corpus';

// The benchmark's ratio ours / hand-written is only honest if both produce the same bundle.
const mapping: unknown = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'mappings', 'adt-patient', 'mapping.json'), 'utf8'),
);
const compiled = compileMapping(mapping);
if (!compiled.ok) throw new Error(`adt-patient does not compile: ${JSON.stringify(compiled.errors)}`);

const accepted: { name: string; text: string; bundle: Bundle }[] = [];
for (const m of corpusMessages('ADT')) {
  const result = await runMapping(compiled.value, m.text, { validate: false, coverage: false });
  if (result.ok) accepted.push({ name: basename(m.file), text: m.text, bundle: result.bundle });
}

describe('hand-written ADT reference (bench/hand-written-adt.ts)', () => {
  it('is compared on the corpus messages the adt-patient mapping accepts', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(80);
  });

  it.each(accepted)('builds the engine bundle for $name', ({ text, bundle }) => {
    const parsed = parseHl7(text);
    if (!parsed.ok)
      throw new Error(`the engine accepted a message parseHl7 rejects: ${parsed.errors[0]?.message}`);
    const hand = handWrittenAdt(parsed.message, text);
    expect(hand).toStrictEqual(bundle);
    // same keys in the same order too: the serialized bundles are identical
    expect(JSON.stringify(hand)).toBe(JSON.stringify(bundle));
  });
});

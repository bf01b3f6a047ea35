import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCommand } from './commands/test';
import { bufferIo } from './io';

//  ┌──────────┐   ┌─────────┐
//  │ family   ├──►│ patient │ name.family
//  │ PID.F5.C1│   │ Patient │
//  └──────────┘   └─────────┘
const mapping = {
  id: 'family-only',
  name: 'Family only',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01'] },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1' },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [{ id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' }],
};
const message = (family: string) =>
  `MSH|^~\\&|S|F|R|F|20240101||ADT^A01|1|P|2.5.1\rPID|1||1^^^H^MR||${family}^Anna\r`;

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mapwright-test-'));
  dir = join(root, 'family-only');
  await mkdir(join(dir, 'samples'), { recursive: true });
  await mkdir(join(dir, 'tests'), { recursive: true });
  await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping));
  await writeFile(join(dir, 'samples', 'smith.hl7'), message('Smith'));
});

describe('mapwright test with FHIRPath assertions', () => {
  it('passes a test whose assertions all hold, counting samples and tests', async () => {
    await writeFile(
      join(dir, 'tests', 'smith-name.json'),
      JSON.stringify({
        sample: 'smith.hl7',
        assertions: ["Patient.name.family = 'Smith'", 'Patient.count() = 1'],
      }),
    );
    const io = bufferIo();
    expect(await testCommand(root, {}, io)).toBe(0);
    expect(io.stdout()).toMatch(/✓ .*family-only {2}1 sample, 1 test {2}\(/);
    expect(io.stdout().trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });

  it('prints a failing assertion with its number, expression and the actual value', async () => {
    await writeFile(
      join(dir, 'tests', 'smith-name.json'),
      JSON.stringify({
        sample: 'smith.hl7',
        assertions: ['Patient.count() = 1', "Patient.name.family = 'Smyth'"],
      }),
    );
    const io = bufferIo();
    expect(await testCommand(root, {}, io)).toBe(1);
    expect(io.stdout()).toContain(
      "smith-name: assertion 2 `Patient.name.family = 'Smyth'`: Patient.name.family is 'Smith', expected = 'Smyth'",
    );
    expect(io.stdout().trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('names the file and line of a broken test file', async () => {
    await writeFile(
      join(dir, 'tests', 'smith-name.json'),
      '{\n  "sample": "smith.hl7",\n  "assertions": [\n}\n',
    );
    const io = bufferIo();
    expect(await testCommand(root, {}, io)).toBe(1);
    expect(io.stdout()).toMatch(/tests\/smith-name\.json:4: .*line 4/);
  });
});

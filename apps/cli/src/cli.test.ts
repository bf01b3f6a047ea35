import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusCommand } from './commands/corpus';
import { runCommand } from './commands/run';
import { testCommand } from './commands/test';
import { validateCommand } from './commands/validate';
import { bufferIo } from './io';

//  ┌──────────┐   ┌─────────────────────┐   ┌──────────────────┐
//  │ pid5     ├──►│ name: $toHumanName  ├──►│ Patient          │
//  │ PID.F5   │   └─────────────────────┘   │  name            │
//  ├──────────┤   ┌─────────────────────┐   │  gender          │
//  │ pid8     ├──►│ sex: lookup v2-0001 ├──►│                  │
//  └──────────┘   └─────────────────────┘   └──────────────────┘
const mapping = {
  id: 'tiny-adt',
  name: 'Tiny ADT',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01'] },
  nodes: [
    { id: 'pid5', type: 'source', path: 'PID.F5' },
    { id: 'pid8', type: 'source', path: 'PID.F8.C1' },
    { id: 'name', type: 'transform', inputs: ['xpn'], expression: '$toHumanName($xpn)' },
    { id: 'sex', type: 'lookup', conceptMap: 'v2-0001', unmapped: { policy: 'error' } },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'pid5', target: 'name', targetHandle: 'xpn' },
    { id: 'e2', source: 'name', target: 'patient', targetHandle: 'name' },
    { id: 'e3', source: 'pid8', target: 'sex', targetHandle: 'code' },
    { id: 'e4', source: 'sex', target: 'patient', targetHandle: 'gender' },
  ],
};

const message = (sex: string) =>
  [
    'MSH|^~\\&|SEND|FAC|RECV|FAC|20240101120000||ADT^A01|MSG0001|P|2.5.1',
    `PID|1||12345^^^HOSP^MR||Smith^Anna^Maria||19800101|${sex}`,
  ].join('\r');

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mapwright-cli-'));
  dir = join(root, 'tiny-adt');
  await mkdir(join(dir, 'samples'), { recursive: true });
  await mkdir(join(dir, 'expected'), { recursive: true });
  await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping));
  await writeFile(join(dir, 'samples', 'anna.hl7'), message('F'));
});

const patientOf = (bundle: unknown) =>
  (bundle as { entry: { resource: Record<string, unknown> }[] }).entry[0]!.resource;

describe('mapwright run', () => {
  it('prints the bundle of a message as JSON and exits 0', async () => {
    const io = bufferIo();
    const code = await runCommand(dir, [join(dir, 'samples', 'anna.hl7')], {}, io);
    const printed = JSON.parse(io.stdout());
    expect(code).toBe(0);
    expect(patientOf(printed.bundle)).toMatchObject({
      resourceType: 'Patient',
      gender: 'female',
      name: [{ family: 'Smith', given: ['Anna', 'Maria'] }],
    });
  });

  it('adds lineage and coverage on request', async () => {
    const io = bufferIo();
    await runCommand(dir, [join(dir, 'samples', 'anna.hl7')], { lineage: true }, io);
    const printed = JSON.parse(io.stdout());
    expect(JSON.stringify(printed.lineage)).toContain('pid5');
    // PID-3 and PID-7 carry values that no node reads: they must be reported, not silently dropped.
    const unused = printed.coverage.unused.map((u: { field: string }) => u.field);
    expect(unused).toEqual(expect.arrayContaining(['PID-3', 'PID-7']));
  });

  it('prints located errors and exits 1 for an unmapped code', async () => {
    const file = join(root, 'robot.hl7');
    await writeFile(file, message('Q'));
    const io = bufferIo();
    const code = await runCommand(dir, [file], {}, io);
    expect(code).toBe(1);
    const printed = JSON.parse(io.stdout());
    expect(printed.ok).toBe(false);
    expect(printed.errors[0].at.nodeId).toBe('sex');
  });
});

describe('mapwright run on real-world files', () => {
  it('maps each message of a batch file and says which one and where', async () => {
    const file = join(root, 'batch.hl7');
    const one = message('F');
    const two = message('M').replace('Smith^Anna^Maria', 'Jones^Bob').replace('MSG0001', 'MSG0002');
    await writeFile(file, `BHS|^~\\&|SEND\r${one}\r${two}\rBTS|2\r`);
    const io = bufferIo();
    expect(await runCommand(dir, [file], {}, io)).toBe(0);
    const results = JSON.parse(io.stdout());
    expect(results.map((r: { message: number; line: number }) => [r.message, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(patientOf(results[1].bundle)).toMatchObject({ gender: 'male', name: [{ family: 'Jones' }] });
  });

  it('reads a Latin-1 message as Latin-1 when MSH-18 says so', async () => {
    const file = join(root, 'latin1.hl7');
    const text = message('F').replace('2.5.1', '2.5.1||||||8859/1').replace('Smith', 'Müller');
    await writeFile(file, Buffer.from(text, 'latin1'));
    const io = bufferIo();
    expect(await runCommand(dir, [file], {}, io)).toBe(0);
    expect(patientOf(JSON.parse(io.stdout()).bundle)).toMatchObject({ name: [{ family: 'Müller' }] });
  });
});

describe('mapwright test', () => {
  it('fails a mapping whose sample has no expected bundle, then passes once it has one', async () => {
    const io = bufferIo();
    expect(await testCommand(root, {}, io)).toBe(1);
    expect(io.stdout()).toContain('no expected/anna.json');
    expect(io.stdout().trim().split('\n').at(-1)).toBe('0 passed, 1 failed');

    const run = bufferIo();
    await runCommand(dir, [join(dir, 'samples', 'anna.hl7')], {}, run);
    await writeFile(join(dir, 'expected', 'anna.json'), JSON.stringify(JSON.parse(run.stdout()).bundle));
    const junit = join(root, 'junit.xml');
    const again = bufferIo();
    expect(await testCommand(root, { junit }, again)).toBe(0);
    expect(again.stdout()).toMatch(/✓ .*tiny-adt {2}1 sample/);
    expect(again.stdout().trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(await readFile(junit, 'utf8')).toContain('<testcase classname="');
  });

  it('passes the golden tests of the example mappings, reading samples the way the runtime reads messages', async () => {
    const io = bufferIo();
    const code = await testCommand(join(import.meta.dirname, '..', '..', '..', 'mappings'), {}, io);
    expect(io.stdout().trim().split('\n').at(-1)).toBe('4 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('names the element that differs from the expected bundle', async () => {
    const expectedFile = join(dir, 'expected', 'anna.json');
    const expected = JSON.parse(await readFile(expectedFile, 'utf8'));
    const saved = JSON.stringify(expected);
    expected.entry[0].resource.name[0].family = 'Smyth';
    await writeFile(expectedFile, JSON.stringify(expected));
    const io = bufferIo();
    expect(await testCommand(root, {}, io)).toBe(1);
    expect(io.stdout()).toContain('Bundle.entry[0].resource.name[0].family: expected "Smyth", got "Smith"');
    await writeFile(expectedFile, saved);
  });
});

describe('mapwright corpus', () => {
  it('counts clean, rejected and not-accepted messages, and exits 0 when nothing crashed', async () => {
    const folder = join(root, 'corpus');
    await mkdir(folder);
    await writeFile(join(folder, 'good.hl7'), message('M'));
    await writeFile(join(folder, 'garbage.hl7'), 'this is not HL7 at all');
    await writeFile(join(folder, 'oru.hl7'), message('M').replace('ADT^A01', 'ORU^R01'));
    await writeFile(join(folder, 'unmapped.hl7'), message('Q'));
    await writeFile(join(folder, 'INDEX.csv'), 'file,type\ngood.hl7,ADT^A01\n');
    const io = bufferIo();
    expect(await corpusCommand(dir, folder, { json: true }, io)).toBe(0);
    const report = JSON.parse(io.stdout());
    expect(report.counts).toEqual({ clean: 1, invalid: 0, rejected: 2, 'not-accepted': 1, crashed: 0 });
    expect(report).toMatchObject({ files: 4, total: 4 });
    const garbage = report.messages.find((m: { file: string }) => m.file.endsWith('garbage.hl7'));
    expect(garbage.detail[0].at).toBeDefined();
  });
});

describe('mapwright corpus on batch files', () => {
  it('counts every message of a batch file, and says how many files held them', async () => {
    const folder = join(root, 'batches');
    await mkdir(folder);
    const two = message('M').replace('MSG0001', 'MSG0002');
    await writeFile(join(folder, 'day1.hl7'), `${message('F')}\r${two}\r${message('Q')}\r`);
    await writeFile(join(folder, 'day2.hl7'), message('F'));
    const io = bufferIo();
    expect(await corpusCommand(dir, folder, { json: true }, io)).toBe(0);
    const report = JSON.parse(io.stdout());
    expect(report).toMatchObject({ files: 2, total: 4 });
    expect(report.counts).toMatchObject({ clean: 3, rejected: 1 });
    expect(report.messages.map((m: { file: string }) => m.file.split('/').at(-1))).toEqual([
      'day1.hl7#1',
      'day1.hl7#2',
      'day1.hl7#3',
      'day2.hl7',
    ]);
    const text = bufferIo();
    await corpusCommand(dir, folder, {}, text);
    expect(text.stdout()).toContain('tiny-adt: 4 messages in 2 files in ');
  });
});

describe('mapwright validate', () => {
  it('reports a code outside a required binding with its FHIRPath, and exits 1', async () => {
    const file = join(root, 'robot.json');
    await writeFile(file, JSON.stringify({ resourceType: 'Patient', gender: 'robot' }));
    const io = bufferIo();
    expect(await validateCommand(file, io)).toBe(1);
    const outcome = JSON.parse(io.stdout());
    expect(outcome.issue[0].expression).toEqual(['Patient.gender']);
  });

  it('locates a JSON syntax error by line', async () => {
    const file = join(root, 'broken.json');
    await writeFile(file, '{\n "resourceType": "Patient",\n "gender": \n}');
    const io = bufferIo();
    expect(await validateCommand(file, io)).toBe(1);
    expect(io.stdout()).toContain('line 4');
  });
});

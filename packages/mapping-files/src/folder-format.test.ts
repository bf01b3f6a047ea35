import { describe, expect, it } from 'vitest';
import { Mapping } from '@mapwright/engine';
import { readFolderFiles, writeFolderFiles, type FolderData } from './folder-format';

//  ┌──────────┐   ┌───────────┐
//  │ pid5     ├──►│ patient   │  name.family
//  │ PID.F5.C1│   │ Patient   │
//  └──────────┘   └───────────┘
const mapping = Mapping.parse({
  id: 'tiny',
  name: 'Tiny',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01'] },
  nodes: [
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 300, y: 0 } },
    { id: 'pid5', type: 'source', path: 'PID.F5.C1', position: { x: 0, y: 10 } },
  ],
  edges: [{ id: 'e1', source: 'pid5', target: 'patient', targetHandle: 'name.family' }],
});

const hl7 = (family: string) => `MSH|^~\\&|S|F|R|F|20240101||ADT^A01|1|P|2.5.1\rPID|1||1||${family}\r`;
const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [{ resource: { resourceType: 'Patient', name: [{ family: 'Smith' }] } }],
};

const data: FolderData = {
  mapping,
  samples: [
    { name: 'smith.hl7', text: hl7('Smith') },
    { name: 'jones.hl7', text: hl7('Jones') },
  ],
  tests: [
    { name: 'smith', sampleName: 'smith.hl7', expectedBundle: bundle, assertions: [] },
    {
      name: 'jones-family',
      sampleName: 'jones.hl7',
      expectedBundle: null,
      assertions: ["Patient.name.family = 'Jones'"],
    },
  ],
  conceptMaps: [
    {
      resourceType: 'ConceptMap',
      id: 'local-sex',
      url: 'http://example.org/cm/sex',
      status: 'active',
      group: [
        {
          source: 'http://example.org/sex',
          target: 'http://hl7.org/fhir/administrative-gender',
          element: [{ code: '1', target: [{ code: 'female', equivalence: 'equivalent' }] }],
        },
      ],
    },
  ],
};

const contentOf = (files: Array<{ path: string; content: string }>, path: string) =>
  files.find((f) => f.path === path)?.content;

describe('writeFolderFiles', () => {
  const files = writeFolderFiles(data);

  it('writes one file per concern, sorted by path', () => {
    expect(files.map((f) => f.path)).toEqual([
      'conceptmaps/local-sex.json',
      'expected/smith.json',
      'layout.json',
      'mapping.json',
      'samples/jones.hl7',
      'samples/smith.hl7',
      'tests/jones-family.json',
    ]);
  });

  it('writes canonical JSON: sorted keys, 2-space indent, trailing newline, nodes in graph order, no positions', () => {
    const graph = contentOf(files, 'mapping.json')!;
    expect(graph.endsWith('}\n')).toBe(true);
    expect(graph).not.toContain('position');
    const parsed = JSON.parse(graph) as { nodes: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(
      ['description', 'edges', 'id', 'name', 'nodes', 'settings', 'source'].filter((k) => k in parsed),
    );
    expect(parsed.nodes.map((n) => n.id)).toEqual(['patient', 'pid5']);
    expect(Object.keys(parsed.nodes[1]!)).toEqual(['id', 'path', 'type']);
    expect(graph).toContain('\n  "edges": [\n    {\n      "id": "e1",\n');
    expect(contentOf(files, 'layout.json')).toBe(
      '{\n  "patient": {\n    "x": 300,\n    "y": 0\n  },\n  "pid5": {\n    "x": 0,\n    "y": 10\n  }\n}\n',
    );
    expect(contentOf(files, 'tests/jones-family.json')).toBe(
      '{\n  "assertions": ["Patient.name.family = \'Jones\'"],\n  "sample": "jones.hl7"\n}\n',
    );
  });

  it('keeps the sample text byte for byte (HL7 carriage returns included)', () => {
    expect(contentOf(files, 'samples/smith.hl7')).toBe(hl7('Smith'));
  });

  it('turns names no file system accepts into safe, unique file names', () => {
    const odd = writeFolderFiles({
      ...data,
      samples: [{ name: '../a/b.hl7', text: hl7('X') }],
      tests: [{ name: 'a/b', sampleName: '../a/b.hl7', expectedBundle: null, assertions: [] }],
      conceptMaps: [],
    });
    expect(odd.map((f) => f.path)).toContain('samples/_-a-b.hl7');
    expect(contentOf(odd, 'tests/a-b.json')).toContain('"sample": "_-a-b.hl7"');
  });
});

describe('readFolderFiles', () => {
  it('reads back what was written: write -> read -> write is identical', () => {
    const files = writeFolderFiles(data);
    const read = readFolderFiles(files);
    if (!read.ok) expect.fail(JSON.stringify(read.errors));
    expect(read.folder.mapping.nodes.find((n) => n.id === 'pid5')!.position).toEqual({ x: 0, y: 10 });
    expect(read.folder.tests).toEqual(
      expect.arrayContaining([
        { name: 'smith', sampleName: 'smith.hl7', expectedBundle: bundle, assertions: [] },
        {
          name: 'jones-family',
          sampleName: 'jones.hl7',
          expectedBundle: null,
          assertions: ["Patient.name.family = 'Jones'"],
        },
      ]),
    );
    expect(writeFolderFiles(read.folder)).toEqual(files);
  });

  it('names the sample of a test whose stem two samples share, so the folder reads back', () => {
    const twins: FolderData = {
      ...data,
      samples: [
        { name: 'adt.hl7', text: hl7('Hl7') },
        { name: 'adt.txt', text: hl7('Txt') },
      ],
      tests: [{ name: 'adt', sampleName: 'adt.txt', expectedBundle: bundle, assertions: [] }],
    };
    const files = writeFolderFiles(twins);
    expect(files.map((f) => f.path)).toContain('tests/adt.json');
    const read = readFolderFiles(files);
    expect(read.ok && read.folder.tests).toEqual(twins.tests);
  });

  it('drops a byte-order mark from a sample (the database would), keeping the rest as is', () => {
    const read = readFolderFiles([
      ...writeFolderFiles(data),
      {
        path: 'samples/bom.hl7',
        content: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(hl7('Bom'))]),
      },
    ]);
    if (!read.ok) expect.fail(JSON.stringify(read.errors));
    expect(read.folder.samples.find((s) => s.name === 'bom.hl7')!.text).toBe(hl7('Bom'));
  });

  it('reads bytes, ignores files that are not the format’s, and keeps a CRLF sample as is', () => {
    const files = writeFolderFiles(data).map((f) => ({
      path: f.path,
      content: new TextEncoder().encode(f.content),
    }));
    const crlf = hl7('Crlf').replace(/\r/g, '\r\n');
    const read = readFolderFiles([
      ...files,
      { path: 'NOTES.md', content: '# notes' },
      { path: 'samples/crlf.hl7', content: new TextEncoder().encode(crlf) },
    ]);
    if (!read.ok) expect.fail(JSON.stringify(read.errors));
    expect(read.folder.samples.find((s) => s.name === 'crlf.hl7')!.text).toBe(crlf);
  });

  it('names the file and line of a JSON syntax error', () => {
    const files = writeFolderFiles(data).map((f) =>
      f.path === 'expected/smith.json'
        ? { ...f, content: '{\n  "resourceType": "Bundle",\n  "entry": [,]\n}\n' }
        : f,
    );
    const read = readFolderFiles(files);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.errors).toEqual([
      {
        code: 'invalid-json',
        message: expect.stringContaining('line 3'),
        at: { file: 'expected/smith.json', line: 3 },
      },
    ]);
  });

  it('reports every problem at once, each with its file and place', () => {
    const files = writeFolderFiles(data)
      .filter((f) => f.path !== 'samples/jones.hl7')
      .map((f) => (f.path === 'layout.json' ? { ...f, content: '{ "ghost": { "x": 1, "y": 2 } }' } : f));
    files.push({ path: 'expected/orphan.json', content: '{}' });
    files.push({ path: 'tests/bad.json', content: '{ "assertions": "Patient.exists()" }' });
    const read = readFolderFiles(files);
    const errors = read.ok ? [] : read.errors;
    expect(errors.map((e) => [e.at.file, e.at.path, e.code])).toEqual(
      expect.arrayContaining([
        ['layout.json', 'ghost', 'invalid-layout'],
        ['tests/jones-family.json', 'sample', 'invalid-test'],
        ['expected/orphan.json', undefined, 'invalid-test'],
        ['tests/bad.json', 'sample', 'invalid-test'],
        ['tests/bad.json', 'assertions', 'invalid-test'],
      ]),
    );
    expect(errors.find((e) => e.at.file === 'expected/orphan.json')!.message).toContain(
      'no sample orphan.<ext>',
    );
  });

  it('locates a graph that breaks the mapping schema, and says when there is none', () => {
    const broken = readFolderFiles([
      {
        path: 'mapping.json',
        content:
          '{"id":"x","name":"X","source":{"format":"hl7v2"},"nodes":[{"id":"a","type":"bogus"}],"edges":[]}',
      },
    ]);
    expect(broken.ok ? [] : broken.errors[0]).toMatchObject({
      code: 'invalid-graph',
      at: { file: 'mapping.json', path: 'nodes[0].type' },
    });
    const none = readFolderFiles([{ path: 'samples/a.hl7', content: hl7('A') }]);
    expect(none.ok ? [] : none.errors).toEqual([
      { code: 'missing-graph', message: 'no mapping.json in the folder', at: { file: 'mapping.json' } },
    ]);
  });

  it('refuses a sample file that holds two messages', () => {
    const files = [...writeFolderFiles(data), { path: 'samples/batch.hl7', content: hl7('A') + hl7('B') }];
    const read = readFolderFiles(files);
    expect(read.ok ? [] : read.errors).toEqual([
      {
        code: 'invalid-sample',
        message: 'sample holds 2 messages; a sample holds one',
        at: { file: 'samples/batch.hl7' },
      },
    ]);
  });
});

describe('readFolderFiles on concept maps', () => {
  it('locates what is wrong inside a ConceptMap file', () => {
    const files = [
      ...writeFolderFiles({ ...data, conceptMaps: [] }),
      {
        path: 'conceptmaps/broken.json',
        content: '{ "resourceType": "ConceptMap", "id": "b", "status": "active" }',
      },
    ];
    const read = readFolderFiles(files);
    expect(read.ok ? [] : read.errors).toEqual([
      {
        code: 'invalid-conceptmap',
        message: expect.any(String),
        at: { file: 'conceptmaps/broken.json', path: 'group' },
      },
    ]);
  });
});

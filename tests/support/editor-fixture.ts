import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMappingRepository,
  createSampleRepository,
  type Database,
  type JsonObject,
} from '@mapwright/db';
import type { MappingInput } from '@mapwright/engine';
import { ROOT } from './studio';

export const ADT_SAMPLE = readFileSync(join(ROOT, 'mappings/adt-patient/samples/msft__ADT01-28.hl7'), 'utf8');

//  ┌────┐  xpn  ┌─────────┐ name  ┌───────┐
//  │pid5├──────►│humanName├──────►│patient│
//  └────┘       └─────────┘       └───────┘
export const SMALL_GRAPH = {
  id: 'small-adt',
  name: 'Small ADT',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'pid5', type: 'source', path: 'PID.F5', position: { x: 0, y: 0 } },
    {
      id: 'humanName',
      type: 'transform',
      label: 'Patient name',
      inputs: ['xpn'],
      expression: '$toHumanName($xpn)',
      position: { x: 400, y: 0 },
    },
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 800, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'pid5', target: 'humanName', targetHandle: 'xpn' },
    { id: 'e2', source: 'humanName', target: 'patient', targetHandle: 'name' },
  ],
} satisfies MappingInput;

/** A fresh mapping with SMALL_GRAPH saved as its draft (revision 1) and the ADT sample, so tests share no edits. */
export async function createSmallMapping(db: Database, name: string): Promise<string> {
  const mappings = createMappingRepository(db.prisma);
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  const created = await mappings.create({ slug, name, sourceFormat: 'hl7v2' });
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  const draft = { ...SMALL_GRAPH, id: slug, name } as unknown as JsonObject;
  const saved = await mappings.saveDraft({ mappingId: id, draft, expectedRevision: 0 });
  if (!saved.ok) throw new Error(saved.error.message);
  const sample = await createSampleRepository(db.prisma).create({
    mappingId: id,
    name: 'admit',
    content: ADT_SAMPLE,
    contentType: 'hl7v2',
  });
  if (!sample.ok) throw new Error(sample.error.message);
  return id;
}

/**
 * Generates packages/engine/src/terminology/bundled/ (one ConceptMap JSON per HL7 v2 table plus index.ts)
 * from the official HL7 v2-to-FHIR IG concept map CSVs copied into ./hl7-v2-to-fhir-mappings/.
 *
 *   pnpm exec tsx packages/engine/scripts/generate-concept-maps.ts          # write
 *   pnpm exec tsx packages/engine/scripts/generate-concept-maps.ts --check  # exit 1 if bundled/ is stale
 *
 * To refresh from a newer IG export, copy the CSVs listed in TABLES into hl7-v2-to-fhir-mappings/codesystems/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { v2TableSystem } from '../src/datatypes/coding-systems';
import type { ConceptMap, ConceptMapElement, ConceptMapGroup } from '../src/terminology/concept-map';
import { readCsv } from '../src/terminology/csv';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = join(here, 'hl7-v2-to-fhir-mappings', 'codesystems');
export const OUTPUT_DIR = join(here, '..', 'src', 'terminology', 'bundled');
const SOURCE_NOTE =
  'HL7 v2-to-FHIR IG mapping spreadsheets (github.com/HL7/v2-to-fhir @ 8c9b414, Apache-2.0)';

interface TableSpec {
  id: string;
  table: string;
  /** Concept map name as in the IG file name "HL7 Concept Map_ <name> - Sheet1.csv". */
  sheet: string;
}

/** Tables bundled, keyed by the id analysts use. A table with several FHIR targets gets one map per target. */
export const TABLES: readonly TableSpec[] = [
  { id: 'v2-0001', table: '0001', sheet: 'AdministrativeSex' },
  { id: 'v2-0002', table: '0002', sheet: 'MaritalStatus' },
  { id: 'v2-0004', table: '0004', sheet: 'PatientClass[EncounterClass]' },
  { id: 'v2-0004-encounter-status', table: '0004', sheet: 'PatientClass[EncounterStatus]' },
  { id: 'v2-0006', table: '0006', sheet: 'Religion' },
  { id: 'v2-0007', table: '0007', sheet: 'AdmissionType' },
  { id: 'v2-0052', table: '0052', sheet: 'DiagnosisType' },
  { id: 'v2-0063', table: '0063', sheet: 'Relationship' },
  { id: 'v2-0078', table: '0078', sheet: 'InterpretationCodes' },
  { id: 'v2-0085', table: '0085', sheet: 'ObservationResultStatusCodesInterpretation' },
  { id: 'v2-0103', table: '0103', sheet: 'ProcessingID' },
  { id: 'v2-0119', table: '0119', sheet: 'OrderControlCode[ServiceRequest.status]' },
  { id: 'v2-0123', table: '0123', sheet: 'ResultStatus[Non-Queries]' },
  { id: 'v2-0131', table: '0131', sheet: 'ContactRole' },
  { id: 'v2-0136', table: '0136', sheet: 'YesNoIndicator' },
  { id: 'v2-0162', table: '0162', sheet: 'RouteOfAdministration' },
  { id: 'v2-0190', table: '0190', sheet: 'AddressType[Use]' },
  { id: 'v2-0190-type', table: '0190', sheet: 'AddressType[Type]' },
  { id: 'v2-0200', table: '0200', sheet: 'NameType' },
  { id: 'v2-0201', table: '0201', sheet: 'TelecommunicationUseCode' },
  { id: 'v2-0202', table: '0202', sheet: 'TelecommunicationEquipmentType' },
  { id: 'v2-0203', table: '0203', sheet: 'IdentifierType' },
  { id: 'v2-0301', table: '0301', sheet: 'UniversalIDType' },
  { id: 'v2-0322', table: '0322', sheet: 'CompletionStatus' },
  { id: 'v2-0360', table: '0360', sheet: 'DegreeLicenseCertificate' },
];

interface Row {
  code: string;
  text?: string;
  target?: { code: string; display?: string; system: string };
  comment?: string;
}

/**
 * Table 0189 (Ethnic Group) has no sheet in the IG export. Its three codes and their usual FHIR targets
 * (CDC Race & Ethnicity, as US Core uses them; "U" to NullFlavor UNK) are written out here instead.
 */
const SUPPLEMENTS: readonly { spec: TableSpec; rows: Row[] }[] = [
  {
    spec: { id: 'v2-0189', table: '0189', sheet: 'EthnicGroup' },
    rows: [
      {
        code: 'H',
        text: 'Hispanic or Latino',
        target: { code: '2135-2', display: 'Hispanic or Latino', system: 'urn:oid:2.16.840.1.113883.6.238' },
      },
      {
        code: 'N',
        text: 'Not Hispanic or Latino',
        target: {
          code: '2186-5',
          display: 'Not Hispanic or Latino',
          system: 'urn:oid:2.16.840.1.113883.6.238',
        },
      },
      {
        code: 'U',
        text: 'Unknown',
        target: {
          code: 'UNK',
          display: 'Unknown',
          system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
        },
      },
    ],
  },
];

const sheetFile = (sheet: string) => `HL7 Concept Map_ ${sheet} - Sheet1.csv`;

/**
 * Reads one IG sheet. Layout (two header rows): v2 Code, Text, Code System, three condition columns,
 * then FHIR Code, (unnamed), Display, Code System, and Comments. Some sheets drop the unnamed column or
 * put the display in it (PatientClass[EncounterClass]), so columns are found by header, not position.
 */
export function readSheet(text: string, fileName: string): Row[] {
  const read = readCsv(text);
  if (!read.ok) throw new Error(`${fileName}:${read.line}: ${read.message}`);
  const [groups, headers, ...data] = read.records;
  if (!groups || !headers) throw new Error(`${fileName}: missing header rows`);
  const h = headers.cells.map((cell) => cell.trim().toLowerCase());
  const fhirStart = groups.cells.findIndex((cell) => cell.trim() === 'HL7 FHIR');
  const conditionStart = groups.cells.findIndex((cell) => cell.trim().toLowerCase().startsWith('condition'));
  const commentsAt = groups.cells.findIndex((cell) => /^comments?$/i.test(cell.trim()));
  const after = (name: string, from: number) => h.findIndex((cell, i) => i >= from && cell === name);
  const fhirCode = after('code', fhirStart);
  const fhirDisplay = after('display', fhirStart);
  const fhirSystem = after('code system', fhirStart);
  if (fhirStart < 0 || fhirCode < 0 || fhirSystem < 0 || h[0] !== 'code') {
    throw new Error(`${fileName}: unexpected header layout`);
  }
  const rows: Row[] = [];
  for (const record of data) {
    const cell = (i: number) => (i >= 0 ? (record.cells[i] ?? '').trim() : '');
    const code = cell(0);
    if (code === '') continue; // target-only rows list FHIR codes nothing maps to
    const notes = [
      ...(conditionStart >= 0
        ? [cell(conditionStart), cell(conditionStart + 1), cell(conditionStart + 2)]
        : []),
      commentsAt >= 0 ? cell(commentsAt) : '',
    ].filter((note) => note !== '');
    const targetCode = cell(fhirCode);
    const unnamed = h[fhirCode + 1] === '' ? cell(fhirCode + 1) : '';
    const display = cell(fhirDisplay) || unnamed;
    const system = cell(fhirSystem);
    const row: Row = {
      code,
      ...(cell(1) && { text: cell(1) }),
      ...(notes.length > 0 && { comment: notes.join(' | ') }),
    };
    if (targetCode !== '' && system !== '')
      row.target = { code: targetCode, system, ...(display && { display }) };
    rows.push(row);
  }
  return rows;
}

export function buildConceptMap(spec: TableSpec, rows: readonly Row[], origin: string): ConceptMap {
  const source = v2TableSystem(spec.table);
  const groups = new Map<string, ConceptMapGroup>();
  const unmatched: ConceptMapElement[] = [];
  for (const row of rows) {
    if (!row.target) {
      unmatched.push({
        code: row.code,
        ...(row.text && { display: row.text }),
        target: [{ equivalence: 'unmatched', ...(row.comment && { comment: row.comment }) }],
      });
      continue;
    }
    const group = groups.get(row.target.system) ?? { source, target: row.target.system, element: [] };
    groups.set(row.target.system, group);
    const target = {
      code: row.target.code,
      ...(row.target.display && { display: row.target.display }),
      equivalence: 'equivalent' as const,
      ...(row.comment && { comment: row.comment }),
    };
    const existing = group.element.find((element) => element.code === row.code);
    if (existing) existing.target = [...(existing.target ?? []), target];
    else group.element.push({ code: row.code, ...(row.text && { display: row.text }), target: [target] });
  }
  const mapped = [...groups.values()];
  // Codes with no FHIR target go in the first group (or a source-only group) so translate says "no-target".
  if (unmatched.length > 0) {
    if (mapped[0]) mapped[0].element.push(...unmatched);
    else mapped.push({ source, element: unmatched });
  }
  const targets = [...groups.keys()];
  const name = spec.sheet.replace(/[^A-Za-z0-9]/g, '');
  return {
    resourceType: 'ConceptMap',
    id: spec.id,
    url: `http://mapwright.dev/fhir/ConceptMap/${spec.id}`,
    name: `V2Table${spec.table}${name}`,
    title: `HL7 v2 table ${spec.table} (${spec.sheet}) to FHIR`,
    status: 'active',
    description: `Generated by packages/engine/scripts/generate-concept-maps.ts from ${origin}. Do not edit.`,
    sourceUri: source,
    ...(targets.length === 1 && { targetUri: targets[0] }),
    group: mapped,
  };
}

export function buildBundledConceptMaps(
  readSource: (fileName: string) => string = (f) => readFileSync(join(SOURCE_DIR, f), 'utf8'),
): ConceptMap[] {
  const maps = TABLES.map((spec) => {
    const file = sheetFile(spec.sheet);
    return buildConceptMap(spec, readSheet(readSource(file), file), `"${file}" of the ${SOURCE_NOTE}`);
  });
  for (const { spec, rows } of SUPPLEMENTS) {
    maps.push(buildConceptMap(spec, rows, 'a table written in the script (no IG sheet exists for it)'));
  }
  return maps.sort((a, b) => a.id.localeCompare(b.id));
}

const identifier = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

/** File name -> content for everything in bundled/. */
export function renderBundledFiles(maps: readonly ConceptMap[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const map of maps) files.set(`${map.id}.json`, `${JSON.stringify(map, null, 2)}\n`);
  const lines = [
    '// Generated by packages/engine/scripts/generate-concept-maps.ts. Do not edit: change the script and rerun it.',
    "import type { ConceptMap } from '../concept-map';",
    ...maps.map((map) => `import ${identifier(map.id)} from './${map.id}.json';`),
    '',
    '/** HL7 v2 table ConceptMaps bundled with the engine, sorted by id. */',
    'export const BUNDLED_CONCEPT_MAPS: readonly ConceptMap[] = [',
    ...maps.map((map) => `  ${identifier(map.id)} as ConceptMap,`),
    '];',
    '',
  ];
  files.set('index.ts', lines.join('\n'));
  return files;
}

/** Names of files in bundled/ that differ from what the script generates now (missing, changed or extra). */
export function staleBundledFiles(outputDir = OUTPUT_DIR): string[] {
  const expected = renderBundledFiles(buildBundledConceptMaps());
  const stale: string[] = [];
  for (const [name, content] of expected) {
    const path = join(outputDir, name);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(name);
  }
  if (existsSync(outputDir)) {
    for (const name of readdirSync(outputDir)) if (!expected.has(name)) stale.push(name);
  }
  return stale.sort();
}

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleBundledFiles();
    if (stale.length > 0) {
      console.error(`Stale bundled ConceptMaps (rerun the generator): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('Bundled ConceptMaps are up to date.');
    return;
  }
  const files = renderBundledFiles(buildBundledConceptMaps());
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const name of readdirSync(OUTPUT_DIR)) if (!files.has(name)) rmSync(join(OUTPUT_DIR, name));
  for (const [name, content] of files) writeFileSync(join(OUTPUT_DIR, name), content);
  console.log(`Wrote ${files.size} files to ${OUTPUT_DIR}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();

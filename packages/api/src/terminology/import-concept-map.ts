import { ConceptMap, conceptMapFromCsv, conceptMapFromJson, type ConceptMapResult } from '@mapwright/engine';
import { z } from 'zod';

/** Form fields arrive as "" when left empty: treat that as not given. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

export const ImportInput = z.object({
  format: z.enum(['json', 'csv']),
  /** The file's text; large terminology subsets (LOINC, SNOMED CT) are imported from files, not typed. */
  text: z.string().max(4_000_000),
  /** CSV: the map's name. JSON: replaces the file's title when given. */
  name: optionalText(200),
  /** CSV: the canonical url (default http://mapwright.dev/fhir/ConceptMap/<id>). JSON: replaces the file's url. */
  url: optionalText(2_000),
  /** CSV only (a JSON map declares its own): a URI or a v2 table name such as HL70001. */
  sourceSystem: optionalText(2_000),
  targetSystem: optionalText(2_000),
});
export type ImportInput = z.output<typeof ImportInput>;

const isFhirId = (value: string) => ConceptMap.shape.id.safeParse(value).success;

/**
 * The FHIR id of a CSV-imported map, which lookup nodes will name: the url's last segment when it is a
 * valid id, else the name in kebab-case, else a generated one.
 */
export function idForImport(name: string | undefined, url: string | undefined): string {
  const last = url?.split(/[/#]/).filter(Boolean).at(-1);
  if (last && isFhirId(last)) return last;
  const fromName = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return fromName && isFhirId(fromName) ? fromName : `imported-${Date.now().toString(36)}`;
}

/** Reads the text with the engine's importers; problems come back located (CSV line, JSON path). */
export function readImport(input: ImportInput): ConceptMapResult {
  if (input.format === 'csv') {
    const result = conceptMapFromCsv(input.text, {
      id: idForImport(input.name, input.url),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.url !== undefined && { url: input.url }),
      ...(input.sourceSystem !== undefined && { sourceSystem: input.sourceSystem }),
      ...(input.targetSystem !== undefined && { targetSystem: input.targetSystem }),
    });
    return result.ok && input.name !== undefined
      ? { ok: true, conceptMap: { ...result.conceptMap, title: input.name } }
      : result;
  }
  const result = conceptMapFromJson(input.text);
  if (!result.ok) return result;
  return {
    ok: true,
    conceptMap: {
      ...result.conceptMap,
      ...(input.name !== undefined && { title: input.name }),
      ...(input.url !== undefined && { url: input.url }),
    },
  };
}

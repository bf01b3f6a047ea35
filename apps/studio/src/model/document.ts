import { Mapping, type MappingInput } from '@mapwright/engine';

/**
 * The editor's document from a graph as the server or a file hands it over, with the schema's defaults
 * filled in. A graph that no longer fits the schema is kept as it is (the studio lists its issues):
 * dropping it would lose the analyst's work.
 */
export function toDocument(input: MappingInput): Mapping {
  const parsed = Mapping.safeParse(input);
  return parsed.success ? parsed.data : (input as Mapping);
}

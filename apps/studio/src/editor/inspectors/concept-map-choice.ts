/** A ConceptMap a lookup node can use: bundled maps are named by id, imported ones by canonical url. */
export interface ConceptMapChoice {
  ref: string;
  name: string;
  targetSystem: string | null;
  bundled: boolean;
}

/**
 * The ConceptMap whose target system is the value set an element is bound to (administrative-gender
 * for Patient.gender), so "add lookup" starts on the right table.
 */
export function suggestConceptMap(
  choices: readonly ConceptMapChoice[],
  binding: { valueSet: string } | undefined,
): ConceptMapChoice | undefined {
  if (!binding) return undefined;
  const wanted = lastSegment(binding.valueSet.split('|')[0]!);
  return choices.find((c) => c.targetSystem !== null && lastSegment(c.targetSystem) === wanted);
}

function lastSegment(uri: string): string {
  return uri.replace(/\/+$/, '').split('/').pop() ?? uri;
}

import { ConceptMap, type ConceptMapIssue, type ConceptMapResult } from './concept-map';

/** `group[0].element[2].code` from zod's path segments. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '$' : out;
}

/**
 * Validates an uploaded ConceptMap (parsed JSON, or JSON text). Errors carry the JSON path of the
 * offending element. Beyond the schema, a source code listed twice in one group is an error: which
 * target wins would otherwise depend on file order.
 */
export function conceptMapFromJson(input: unknown): ConceptMapResult {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      return {
        ok: false,
        errors: [{ code: 'invalid-json', message: (error as Error).message, at: { path: '$' } }],
      };
    }
  }
  const parsed = ConceptMap.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue): ConceptMapIssue => ({
        code: 'invalid-concept-map',
        message: issue.message,
        at: { path: jsonPath(issue.path) },
      })),
    };
  }
  const errors: ConceptMapIssue[] = [];
  parsed.data.group.forEach((group, g) => {
    const seen = new Map<string, number>();
    group.element.forEach((element, e) => {
      const first = seen.get(element.code);
      if (first !== undefined) {
        errors.push({
          code: 'invalid-concept-map',
          message: `source code "${element.code}" is already listed at group[${g}].element[${first}]`,
          at: { path: `group[${g}].element[${e}].code` },
        });
      } else seen.set(element.code, e);
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, conceptMap: parsed.data };
}

import {
  compileMapping,
  describeRunError,
  parseJsonText,
  runMapping,
  type EngineError,
  type Mapping,
  type ValidationIssue,
} from '@mapwright/engine';
import { toOperationOutcome, validateBundle, validateResource } from '@mapwright/fhir';
import type { OperationOutcome } from '@medplum/fhirtypes';

export type RunOutcome =
  | {
      ok: true;
      bundle: unknown;
      issues: Array<ValidationIssue & { message: string; expression?: string[] | string }>;
      lineage?: unknown;
      coverage?: unknown;
      warnings: EngineError[];
      unusedFields: number;
    }
  | { ok: false; errors: string[]; located: EngineError[]; notAccepted: boolean };

export type Runner =
  | { ok: true; run: (text: string, options?: { lineage?: boolean }) => Promise<RunOutcome> }
  | { ok: false; errors: string[]; located: EngineError[] };

/** Compiles a mapping once and returns a function that maps message texts with it. */
export function createRunner(mapping: Mapping): Runner {
  const compiled = compileMapping(mapping);
  if (!compiled.ok)
    return { ok: false, errors: compiled.errors.map(describeRunError), located: compiled.errors };
  return {
    ok: true,
    run: async (text, options = {}) => {
      const result = await runMapping(compiled.value, text, { lineage: options.lineage === true });
      if (!result.ok) {
        return {
          ok: false,
          errors: result.errors.map(describeRunError),
          located: result.errors,
          notAccepted: result.errors.some((e) => e.code === 'message-type-not-accepted'),
        };
      }
      return {
        ok: true,
        bundle: result.bundle,
        issues: result.issues.map((i) => ({ ...i, message: i.diagnostics })),
        lineage: result.lineage,
        coverage: result.coverage,
        warnings: result.warnings as EngineError[],
        unusedFields: result.coverage?.unused.length ?? 0,
      };
    },
  };
}

/** Validates FHIR JSON text (a resource or a Bundle) into an OperationOutcome; syntax errors are located. */
export function validateJson(text: string): OperationOutcome {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column } = parsed.error.at;
    return {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'fatal',
          code: 'structure',
          diagnostics: `not JSON at line ${line}, column ${column}: ${parsed.error.message}`,
          location: [`line ${line}, col ${column}`],
        },
      ],
    };
  }
  const value = parsed.value as { resourceType?: unknown };
  const result = value?.resourceType === 'Bundle' ? validateBundle(value) : validateResource(value);
  return toOperationOutcome(result.issues);
}

import { ENGINE_VARIABLES, JSONATA_FUNCTIONS, functionDoc, type FunctionGroup } from './jsonata-functions';

export type CompletionKind = 'input' | 'variable' | 'function';

/** One completion, independent of Monaco so the list is testable; jsonata-language.ts turns it into Monaco's. */
export interface CompletionEntry {
  /** What the list shows and filters on: `$name`. */
  label: string;
  /** Monaco snippet text: `$` escaped, `$0` where the cursor lands. */
  insertSnippet: string;
  detail: string;
  documentation: string;
  kind: CompletionKind;
  /** Inputs first, then engine variables, HL7 datatype functions, terminology, JSONata built-ins. */
  sortText: string;
}

const GROUP_ORDER: Record<Exclude<FunctionGroup, 'engine'>, string> = {
  datatype: '3',
  terminology: '4',
  jsonata: '5',
};

const GROUP_LABEL: Record<Exclude<FunctionGroup, 'engine'>, string> = {
  datatype: 'HL7 datatype',
  terminology: 'terminology',
  jsonata: 'JSONata',
};

/** Completions for a transform with these inputs. The engine's own program helpers are left out. */
export function completionEntries(inputs: readonly string[]): CompletionEntry[] {
  const out: CompletionEntry[] = inputs.map((name) => ({
    label: `$${name}`,
    insertSnippet: `\\$${name}`,
    detail: 'input',
    documentation: `The value wired into the "${name}" input of this transform.`,
    kind: 'input',
    sortText: `1${name}`,
  }));
  for (const name of ENGINE_VARIABLES)
    out.push({
      label: `$${name}`,
      insertSnippet: `\\$${name}`,
      detail: 'message',
      documentation: 'The whole source message, also inside a for-each (`$msg.MSH.F7.C1`).',
      kind: 'variable',
      sortText: `2${name}`,
    });
  for (const fn of JSONATA_FUNCTIONS) {
    if (fn.group === 'engine') continue;
    out.push({
      label: `$${fn.name}`,
      insertSnippet: `\\$${fn.name}($0)`,
      detail: `${fn.signature} · ${GROUP_LABEL[fn.group]}`,
      documentation: fn.doc,
      kind: 'function',
      sortText: `${GROUP_ORDER[fn.group]}${fn.name}`,
    });
  }
  return out;
}

/** Hover text for `$name` at the cursor: signature and doc for a function, the role of an input. */
export function hoverText(name: string, inputs: readonly string[]): string | undefined {
  if (inputs.includes(name)) return `**$${name}**: input of this transform`;
  if (ENGINE_VARIABLES.includes(name)) return `**$${name}**: the whole source message`;
  const fn = functionDoc(name);
  return fn === undefined ? undefined : `\`${fn.signature}\`\n\n${fn.doc}`;
}

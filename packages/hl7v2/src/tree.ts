import { internalError, parseHl7, type ParseOptions } from './parse';
import type { Hl7GroupNode, Hl7Message, Hl7Tree, ParseIssue } from './types';

type Instance = Hl7Tree[string][number];

// defineProperty keeps odd segment ids such as "__proto__" (from damaged input) as own keys.
function push(tree: Hl7Tree, key: string, value: Instance): void {
  const list = tree[key];
  if (list === undefined) {
    if (key === '__proto__') {
      Object.defineProperty(tree, key, {
        value: [value],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else tree[key] = [value];
  } else if (Object.hasOwn(tree, key)) list.push(value);
  else
    Object.defineProperty(tree, key, {
      value: [value],
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function groupToTree(group: Hl7GroupNode): Hl7Tree {
  const tree: Hl7Tree = {};
  for (const child of group.children) {
    if (child.kind === 'segment') push(tree, child.segment.id, child.segment.fields);
    else push(tree, child.group.name, groupToTree(child.group));
  }
  return tree;
}

/**
 * The JSON tree of a message: segment ids and group names as keys, each an array of instances.
 * Segment instances are the message's own field objects (not copies): treat them as read-only.
 */
export function toTree(message: Hl7Message): Hl7Tree {
  return groupToTree(message.root);
}

export type ParseToTreeResult =
  | { ok: true; tree: Hl7Tree; message: Hl7Message; warnings: ParseIssue[] }
  | { ok: false; errors: ParseIssue[]; warnings: ParseIssue[] };

/** Parses and builds the tree in one call; never throws. */
export function parseToTree(text: string, options?: ParseOptions): ParseToTreeResult {
  const result = parseHl7(text, options);
  if (!result.ok) return result;
  try {
    return { ok: true, tree: toTree(result.message), message: result.message, warnings: result.warnings };
  } catch (err) {
    return { ok: false, errors: [internalError(err)], warnings: result.warnings };
  }
}

/** One replacement that turns `before` into `after`, in UTF-16 offsets of `before` (end exclusive). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single edit between two texts: common prefix and suffix kept. Applying only the changed
 * middle keeps the reader's scroll position, folds and cursor where a whole-text replacement would reset
 * them. Undefined when nothing changed.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // never split a surrogate pair: an edit boundary inside an emoji would corrupt it
  if (prefix > 0 && isLowSurrogate(before.charCodeAt(prefix))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

import type { SemanticDiff } from '@mapwright/engine';

/** The most messages whose element diffs one answer carries; the groups always cover every message. */
export const MAX_MESSAGE_DIFFS = 200;

/**
 * Keeps the answer a size a browser handles: the messages that differ come first, up to MAX_MESSAGE_DIFFS;
 * `omittedMessages` says how many were left out (their differences are still counted in the groups).
 */
export function capMessages(
  output: SemanticDiff,
  max = MAX_MESSAGE_DIFFS,
): SemanticDiff & { omittedMessages: number } {
  const differs = (m: SemanticDiff['messages'][number]) =>
    m.diffs.length > 0 || m.before.ok !== m.after.ok || m.before.errors !== m.after.errors;
  const ordered = [...output.messages.filter(differs), ...output.messages.filter((m) => !differs(m))];
  const kept = ordered.slice(0, max);
  return { ...output, messages: kept, omittedMessages: output.messages.length - kept.length };
}

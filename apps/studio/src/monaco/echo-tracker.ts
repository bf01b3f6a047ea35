/**
 * Tells a parent's echo of our own edits from a real outside change. A controlled editor reports each edit
 * with onChange; the parent renders the value back, but React may render it a keystroke late. Writing such
 * a stale echo into the editor would undo what the analyst has typed since, so it is recognised and skipped.
 */
export interface EchoTracker {
  /** Record a text reported to the parent through onChange. */
  reported(text: string): void;
  /** Whether `value` from the parent must be written into an editor that holds `current`. */
  shouldApply(value: string, current: string): boolean;
}

export function createEchoTracker(limit = 200): EchoTracker {
  const pending: string[] = [];
  return {
    reported(text) {
      pending.push(text);
      if (pending.length > limit) pending.shift();
    },
    shouldApply(value, current) {
      if (value === current) {
        pending.length = 0;
        return false;
      }
      const echoed = pending.lastIndexOf(value);
      if (echoed >= 0) {
        // later edits are still on their way back
        pending.splice(0, echoed + 1);
        return false;
      }
      pending.length = 0;
      return true;
    },
  };
}

/** The assertions typed one per line: blank lines are spacing, not assertions. */
export function parseAssertionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function assertionsToText(assertions: readonly string[]): string {
  return assertions.join('\n');
}

/**
 * The server refuses an assertion as "Assertion N: why", N counting assertions from 1. Returns that
 * message with the text area's line number added, or null for any other refusal.
 */
export function locateAssertionRefusal(message: string, text: string): string | null {
  const match = /^Assertion (\d+): /.exec(message);
  if (!match) return null;
  const index = Number(match[1]);
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    seen++;
    if (seen === index) return `Line ${i + 1}: ${message}`;
  }
  return message;
}

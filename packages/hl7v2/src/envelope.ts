// Segments that start a message or belong to the batch envelope around messages.

export type EnvelopeId = 'FHS' | 'BHS' | 'BTS' | 'FTS';
export type BoundaryId = 'MSH' | EnvelopeId;

const M = 0x4d;
const B = 0x42;
const F = 0x46;

/**
 * The id when a line starts an MSH or a batch envelope segment, else undefined. Any line starting
 * with "MSH" counts, even with a damaged field separator: a header that fails to parse must stop
 * the message rather than let the next patient's segments join the previous message. Envelope ids
 * count when alone or followed by a possible separator. Cheap on the first character, so the
 * segment loop can call it for every segment.
 */
export function boundaryId(line: string): BoundaryId | undefined {
  const c0 = line.charCodeAt(0);
  if (c0 !== M && c0 !== B && c0 !== F) return undefined;
  const id = line.slice(0, 3);
  if (id === 'MSH') return id;
  if (line.length > 3 && /[A-Za-z0-9\s]/.test(line[3])) return undefined;
  return id === 'FHS' || id === 'BHS' || id === 'BTS' || id === 'FTS' ? id : undefined;
}

/** A segment id that is safe to put in an issue: three letters or digits, as ids are written. */
export function safeSegmentId(id: string): string | undefined {
  return /^[A-Za-z0-9]{3}$/.test(id) ? id : undefined;
}

export interface TextLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line's last character (before its terminator). */
  end: number;
  /** Offset just past the terminator (CR, LF or CRLF). */
  next: number;
  /** 1-based line number. */
  line: number;
}

/** The lines of `text` from `from` to `to` (CRLF counts as one terminator, as in parsing). */
export function* textLines(text: string, from = 0, to = text.length, firstLine = 1): Generator<TextLine> {
  let pos = from;
  let line = firstLine;
  while (pos < to) {
    let end = pos;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (c === 0x0d || c === 0x0a) break;
      end++;
    }
    const crlf = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a;
    const next = end >= to ? end : end + (crlf ? 2 : 1);
    yield { start: pos, end, next, line };
    pos = next;
    line++;
  }
}

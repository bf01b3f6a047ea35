import { DEFAULT_ENCODING, readEncoding } from './encoding';
import { boundaryId, textLines, type EnvelopeId } from './envelope';
import { leafText } from './field-access';
import { decodeFields } from './segment-fields';
import type { EncodingChars, Hl7SegmentFields, ParseIssue } from './types';

/** One message of a batch: its text, and where it starts in the batch text. */
export interface BatchMessage {
  /** The message from its MSH to its last segment, with that segment's terminator. */
  text: string;
  /** 0-based offset of the MSH in the batch text (after the BOM, if any). */
  offset: number;
  /** 1-based line of the MSH in the batch text; add `line - 1` to lines parseHl7 reports. */
  line: number;
}

/** An FHS, BHS, BTS or FTS segment, decoded like any segment (FHS/BHS numbered like MSH). */
export interface EnvelopeSegment {
  id: EnvelopeId;
  raw: string;
  fields: Hl7SegmentFields;
  offset: number;
  line: number;
}

/** A BHS ... BTS batch (either may be missing); messages are indexes into `BatchSplit.messages`. */
export interface Hl7Batch {
  header?: EnvelopeSegment;
  trailer?: EnvelopeSegment;
  /** BTS-1, the message count the sender declared, when it is a number. */
  declaredCount?: number;
  messages: number[];
}

export interface BatchSplit {
  messages: BatchMessage[];
  fileHeader?: EnvelopeSegment;
  fileTrailer?: EnvelopeSegment;
  /** Batches marked by a BHS or a BTS; messages outside any are listed in `messages` only. */
  batches: Hl7Batch[];
  warnings: ParseIssue[];
}

const COUNT = /^\s*(\d+)\s*$/;

/**
 * Splits an HL7 batch or file into its messages: optional FHS/BHS headers and BTS/FTS trailers
 * around messages, or simply several messages each starting with MSH. Pure and never throws;
 * each message's text is meant for parseHl7. Counts declared in BTS-1 and FTS-1 are checked.
 */
export function splitBatch(input: string): BatchSplit {
  const result: BatchSplit = { messages: [], batches: [], warnings: [] };
  if (typeof input !== 'string') return result;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const { messages, warnings } = result;
  // The delimiters of the last header seen, for decoding trailers.
  let enc: EncodingChars = DEFAULT_ENCODING;
  let batch: Hl7Batch | undefined;
  let open: BatchMessage | undefined;
  let openEnd = 0;
  const closeMessage = (): void => {
    if (open) open.text = text.slice(open.offset, openEnd);
    open = undefined;
  };
  const closeBatch = (): void => {
    if (batch && (batch.header || batch.trailer)) result.batches.push(batch);
    batch = undefined;
  };

  for (const l of textLines(text)) {
    const raw = text.slice(l.start, l.end);
    const id = boundaryId(raw);
    if (id === 'MSH') {
      closeMessage();
      const mshEnc = readEncoding(raw, l.start, []);
      if ('enc' in mshEnc) enc = mshEnc.enc;
      open = { text: '', offset: l.start, line: l.line };
      openEnd = l.next;
      batch ??= { messages: [] };
      batch.messages.push(messages.length);
      messages.push(open);
      continue;
    }
    if (id === undefined) {
      if (raw.trim() === '') continue;
      if (open) openEnd = l.next;
      else {
        warnings.push({
          code: 'TEXT_OUTSIDE_MESSAGE',
          message: `Line ${l.line} is neither in a message nor a batch envelope segment; ignored`,
          at: { offset: l.start, line: l.line },
          detail: { value: raw.slice(0, 200) },
        });
      }
      continue;
    }
    closeMessage();
    const segment = decodeEnvelope(id, raw, l.start, l.line, enc, warnings);
    if (segment.enc) enc = segment.enc;
    const seg = segment.segment;
    if (id === 'FHS') {
      if (result.fileHeader || messages.length > 0 || result.batches.length > 0) {
        envelopeOutOfOrder(seg, 'FHS must come first in the file', warnings);
      } else result.fileHeader = seg;
    } else if (id === 'BHS') {
      if (batch?.header && !batch.trailer) missingTrailer(batch.header, warnings);
      closeBatch();
      batch = { header: seg, messages: [] };
    } else if (id === 'BTS') {
      batch ??= { messages: [] };
      batch.trailer = seg;
      checkBatchCount(batch, seg, warnings);
      closeBatch();
    } else {
      if (batch?.header && !batch.trailer) missingTrailer(batch.header, warnings);
      closeBatch();
      if (result.fileTrailer) envelopeOutOfOrder(seg, 'the file has a second FTS', warnings);
      else result.fileTrailer = seg;
    }
  }
  closeMessage();
  const last = batch as Hl7Batch | undefined;
  if (last?.header && !last.trailer) missingTrailer(last.header, warnings);
  closeBatch();
  if (result.fileTrailer) checkFileCount(result, result.fileTrailer, warnings);
  return result;
}

function decodeEnvelope(
  id: EnvelopeId,
  raw: string,
  offset: number,
  line: number,
  current: EncodingChars,
  warnings: ParseIssue[],
): { segment: EnvelopeSegment; enc?: EncodingChars } {
  const fields: Hl7SegmentFields = {};
  const segment: EnvelopeSegment = { id, raw, fields, offset, line };
  if (id === 'FHS' || id === 'BHS') {
    // FHS-1/FHS-2 (BHS-1/BHS-2) declare the delimiters exactly as MSH-1/MSH-2 do.
    const issues: ParseIssue[] = [];
    const header = readEncoding(raw, offset, issues);
    for (const issue of issues) warnings.push(relocate(issue, id, line));
    if ('error' in header) {
      warnings.push(relocate(header.error, id, line));
      return { segment };
    }
    fields.F1 = [{ C1: header.enc.field }];
    if (header.msh2End > 4) fields.F2 = [{ C1: raw.slice(4, header.msh2End) }];
    if (header.msh2End < raw.length) decodeFields(raw, header.msh2End + 1, 3, header.enc, fields);
    return { segment, enc: header.enc };
  }
  if (raw.length > 4) decodeFields(raw, 4, 1, current, fields);
  return { segment };
}

/** readEncoding locates issues on an MSH; the same problems here are in an FHS or BHS. */
function relocate(issue: ParseIssue, id: EnvelopeId, line: number): ParseIssue {
  const message = issue.message.replace(/^MSH/, id).replace(/MSH-(\d)/g, `${id}-$1`);
  const at = { ...issue.at, line, segment: id };
  delete at.segmentIndex;
  return { ...issue, message, at };
}

function checkBatchCount(batch: Hl7Batch, bts: EnvelopeSegment, warnings: ParseIssue[]): void {
  const declared = COUNT.exec(leafText(bts.fields, 1));
  if (!declared) return;
  batch.declaredCount = Number(declared[1]);
  if (batch.declaredCount !== batch.messages.length) {
    warnings.push({
      code: 'BATCH_COUNT_MISMATCH',
      message: `BTS-1 declares ${batch.declaredCount} messages but the batch holds ${batch.messages.length}`,
      at: { segment: 'BTS', field: 1, offset: bts.offset, line: bts.line },
    });
  }
}

function checkFileCount(result: BatchSplit, fts: EnvelopeSegment, warnings: ParseIssue[]): void {
  const declared = COUNT.exec(leafText(fts.fields, 1));
  if (!declared || Number(declared[1]) === result.batches.length) return;
  warnings.push({
    code: 'BATCH_COUNT_MISMATCH',
    message: `FTS-1 declares ${Number(declared[1])} batches but the file holds ${result.batches.length}`,
    at: { segment: 'FTS', field: 1, offset: fts.offset, line: fts.line },
  });
}

function missingTrailer(bhs: EnvelopeSegment, warnings: ParseIssue[]): void {
  warnings.push({
    code: 'MISSING_BATCH_TRAILER',
    message: `The batch opened by the BHS at line ${bhs.line} has no BTS (the file may be truncated)`,
    at: { segment: 'BHS', offset: bhs.offset, line: bhs.line },
  });
}

function envelopeOutOfOrder(seg: EnvelopeSegment, why: string, warnings: ParseIssue[]): void {
  warnings.push({
    code: 'ENVELOPE_OUT_OF_ORDER',
    message: `${seg.id} at line ${seg.line} ignored: ${why}`,
    at: { segment: seg.id, offset: seg.offset, line: seg.line },
  });
}

import { randomUUID } from 'node:crypto';
import { buildAck, type AckCode, type AckIssue } from '@mapwright/hl7v2';
import type { IngestError } from './ingest-body';

/** Table 0357 codes for the ingest errors that are not parser issues (those map by their own code). */
const HL7_ERROR_CODES: Record<string, string> = {
  'hl7-no-msh': '100',
  'hl7-bad-msh': '102',
  'channel-disabled': '207',
};

/** MSH-10 of an ACK: unique per ACK and within the 20 characters of v2.5 ST. */
const ackControlId = (): string => randomUUID().replaceAll('-', '').slice(0, 20);

/** The ACK for a frame's text (parsed or not: the builder reads what header it can); MSA-2 is its MSH-10. */
export function mllpAck(text: string, code: AckCode, error?: IngestError): Uint8Array {
  const errors: AckIssue[] = error ? [ackIssue(error)] : [];
  return new TextEncoder().encode(buildAck(text, { code, errors, controlId: ackControlId() }));
}

function ackIssue(error: IngestError): AckIssue {
  const { segment, segmentIndex, field, component } = error.at;
  return {
    code: error.code,
    message: error.message,
    at: { segment, segmentIndex, field, component },
    ...(Object.hasOwn(HL7_ERROR_CODES, error.code) && { hl7ErrorCode: HL7_ERROR_CODES[error.code] }),
  };
}

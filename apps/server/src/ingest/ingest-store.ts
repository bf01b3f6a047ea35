import type { InsertMessageInput, JsonValue, MessageContentType } from '@mapwright/db';
import type { IngestError, SplitBody } from './ingest-body';

export interface IngestBase {
  channelId: string;
  transport: 'http' | 'mllp';
  contentType: MessageContentType;
}

/**
 * The rows a split body becomes, for HTTP and MLLP alike: its messages, or the whole body as one failed
 * message carrying the located error, so nothing a sender delivered is lost.
 */
export function messageInputs(split: SplitBody, base: IngestBase): InsertMessageInput[] {
  if (!split.ok) return [{ ...base, raw: split.raw, status: 'failed', lastError: jsonOf(split.error) }];
  return split.messages.map((m) => ({ ...base, ...m }));
}

// The error holds only strings and numbers; optional fields that are absent are simply left out.
const jsonOf = (error: IngestError): JsonValue => JSON.parse(JSON.stringify(error)) as JsonValue;

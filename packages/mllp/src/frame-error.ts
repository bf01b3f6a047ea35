/**
 * Problems the MLLP decoder finds in a byte stream. `message` is a fixed text per code: it never quotes the
 * bytes, which are patient data. `offset` is the byte position in the connection's stream where the problem starts.
 */
export type FrameErrorCode =
  'bytes-outside-frame' | 'missing-end-block' | 'frame-too-large' | 'incomplete-frame';

export interface FrameError {
  kind: 'error';
  code: FrameErrorCode;
  message: string;
  offset: number;
  /** Bytes discarded (for frame-too-large: those read when the limit tripped, which depends on the chunking). */
  length: number;
}

const MESSAGES: Record<FrameErrorCode, string> = {
  'bytes-outside-frame': 'bytes outside an MLLP frame (before its start block 0x0B) were skipped',
  'missing-end-block':
    'a new start block 0x0B arrived before the end block 0x1C 0x0D; the unfinished frame was discarded',
  'frame-too-large': 'frame exceeds the maximum frame size; it was skipped up to its end block',
  'incomplete-frame':
    'the stream ended inside a frame (no end block 0x1C 0x0D); the unfinished frame was discarded',
};

export function frameError(code: FrameErrorCode, offset: number, length: number): FrameError {
  return { kind: 'error', code, message: MESSAGES[code], offset, length };
}

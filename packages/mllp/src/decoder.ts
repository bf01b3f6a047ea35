import { CARRIAGE_RETURN, END_BLOCK, START_BLOCK } from './frame-bytes';
import { frameError, type FrameError } from './frame-error';

export interface Frame {
  kind: 'frame';
  /** The payload between 0x0B and 0x1C 0x0D, copied once; still bytes (MSH-18 decoding is the hl7v2 package's job). */
  bytes: Uint8Array;
  /** Stream offset of the frame's start block. */
  offset: number;
}

export type DecodeResult = Frame | FrameError;

export interface MllpDecoder {
  feed(chunk: Uint8Array): DecodeResult[];
  /** The stream ended: report what is left unfinished and reset. */
  end(): FrameError[];
}

export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;

const FS_BYTE = Uint8Array.of(END_BLOCK);

/**
 * Incremental, I/O-free MLLP decoder. Chunks of a frame are collected and concatenated once when the end block
 * arrives, so reassembly is linear in the frame size however the sender splits its writes.
 */
export function createMllpDecoder(options: { maxFrameBytes?: number } = {}): MllpDecoder {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  let streamOffset = 0; // offset of the current chunk's first byte
  let inFrame = false;
  let frameStart = 0;
  let parts: Uint8Array[] = [];
  let size = 0;
  let skipping = false; // inside an oversized frame: drop bytes until its end block
  let heldEndBlock = false; // a chunk ended on 0x1C: whether it ends the frame depends on the next byte
  let outsideStart = -1;
  let outsideLength = 0;

  const resetFrame = (): void => {
    parts = [];
    size = 0;
    inFrame = false;
    skipping = false;
  };

  const append = (bytes: Uint8Array, out: DecodeResult[]): void => {
    if (skipping || bytes.length === 0) return;
    if (size + bytes.length > maxFrameBytes) {
      out.push(frameError('frame-too-large', frameStart, size + bytes.length));
      parts = [];
      size = 0;
      skipping = true;
      return;
    }
    parts.push(bytes.slice()); // copy: the caller may reuse its buffer
    size += bytes.length;
  };

  const finishFrame = (out: DecodeResult[]): void => {
    if (!skipping) {
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      out.push({ kind: 'frame', bytes, offset: frameStart });
    }
    resetFrame();
  };

  const flushOutside = (out: DecodeResult[]): void => {
    if (outsideLength > 0) out.push(frameError('bytes-outside-frame', outsideStart, outsideLength));
    outsideStart = -1;
    outsideLength = 0;
  };

  const startFrame = (at: number, out: DecodeResult[]): void => {
    flushOutside(out);
    inFrame = true;
    frameStart = at;
  };

  function feed(chunk: Uint8Array): DecodeResult[] {
    const out: DecodeResult[] = [];
    let i = 0;
    if (heldEndBlock && chunk.length > 0) {
      heldEndBlock = false;
      if (chunk[0] === CARRIAGE_RETURN) {
        finishFrame(out);
        i = 1;
      } else {
        append(FS_BYTE, out); // a lone 0x1C is payload
      }
    }
    while (i < chunk.length) {
      if (!inFrame) {
        const start = chunk.indexOf(START_BLOCK, i);
        const stop = start === -1 ? chunk.length : start;
        if (stop > i) {
          if (outsideLength === 0) outsideStart = streamOffset + i;
          outsideLength += stop - i;
        }
        if (start === -1) break;
        startFrame(streamOffset + start, out);
        i = start + 1;
        continue;
      }
      const fs = chunk.indexOf(END_BLOCK, i);
      const vt = chunk.indexOf(START_BLOCK, i);
      if (vt !== -1 && (fs === -1 || vt < fs)) {
        append(chunk.subarray(i, vt), out);
        // An oversized frame was already reported; otherwise the lost end block is the problem.
        if (!skipping) out.push(frameError('missing-end-block', frameStart, size));
        resetFrame();
        startFrame(streamOffset + vt, out);
        i = vt + 1;
        continue;
      }
      if (fs === -1) {
        append(chunk.subarray(i), out);
        i = chunk.length;
      } else if (fs === chunk.length - 1) {
        append(chunk.subarray(i, fs), out);
        heldEndBlock = true;
        i = chunk.length;
      } else if (chunk[fs + 1] === CARRIAGE_RETURN) {
        append(chunk.subarray(i, fs), out);
        finishFrame(out);
        i = fs + 2;
      } else {
        append(chunk.subarray(i, fs + 1), out);
        i = fs + 1;
      }
    }
    streamOffset += chunk.length;
    return out;
  }

  function end(): FrameError[] {
    const out: DecodeResult[] = [];
    flushOutside(out);
    if (inFrame && !skipping)
      out.push(frameError('incomplete-frame', frameStart, size + (heldEndBlock ? 1 : 0)));
    resetFrame();
    heldEndBlock = false;
    return out as FrameError[];
  }

  return { feed, end };
}

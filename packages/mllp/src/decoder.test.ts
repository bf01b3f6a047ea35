import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMllpDecoder, type DecodeResult } from './decoder';
import { encodeFrame } from './frame-bytes';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const asText = (b: Uint8Array): string => new TextDecoder().decode(b);
const MSG_A = 'MSH|^~\\&|A|B|C|D|20260101||ADT^A01|1|P|2.5\rPID|1||1^^^F^MR||DOE^JANE';
const MSG_B = 'MSH|^~\\&|A|B|C|D|20260101||ADT^A01|2|P|2.5\rPID|1||2^^^F^MR||ROE^RICHARD';

const summary = (items: DecodeResult[]) =>
  items.map((item) =>
    item.kind === 'frame'
      ? { frame: asText(item.bytes), offset: item.offset }
      : { error: item.code, offset: item.offset, length: item.length },
  );

function feedAll(chunks: Uint8Array[], maxFrameBytes?: number) {
  const decoder = createMllpDecoder({ maxFrameBytes });
  const out = chunks.flatMap((chunk) => decoder.feed(chunk));
  return summary([...out, ...decoder.end()]);
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const bytewise = (bytes: Uint8Array): Uint8Array[] => Array.from(bytes, (b) => Uint8Array.of(b));

describe('createMllpDecoder', () => {
  it('decodes a frame written one byte at a time', () => {
    expect(feedAll(bytewise(encodeFrame(text(MSG_A))))).toEqual([{ frame: MSG_A, offset: 0 }]);
  });

  it('decodes two frames in one chunk', () => {
    const a = encodeFrame(text(MSG_A));
    expect(feedAll([concat(a, encodeFrame(text(MSG_B)))])).toEqual([
      { frame: MSG_A, offset: 0 },
      { frame: MSG_B, offset: a.length },
    ]);
  });

  it('gives the same frames whatever the chunk boundaries (property)', () => {
    const stream = concat(encodeFrame(text(MSG_A)), encodeFrame(text('x\x1cy')), encodeFrame(text(MSG_B)));
    const whole = feedAll([stream]);
    expect(whole.map((r) => ('frame' in r ? r.frame : r.error))).toEqual([MSG_A, 'x\x1cy', MSG_B]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 20 }),
        (cuts) => {
          const sorted = [0, ...cuts.sort((a, b) => a - b), stream.length];
          const chunks = sorted.slice(1).map((end, k) => stream.subarray(sorted[k], end));
          expect(feedAll(chunks)).toEqual(whole);
        },
      ),
    );
  });

  it('keeps a 0x1C not followed by 0x0D as payload, also across a chunk boundary', () => {
    const frame = encodeFrame(text('ab\x1ccd'));
    expect(feedAll([frame.subarray(0, 3), frame.subarray(3)])).toEqual([{ frame: 'ab\x1ccd', offset: 0 }]);
  });

  it('reports bytes before a frame with their offset and never merges them into the frame', () => {
    const garbage = text('noise\r\n');
    expect(feedAll(bytewise(concat(garbage, encodeFrame(text(MSG_A)))))).toEqual([
      { error: 'bytes-outside-frame', offset: 0, length: garbage.length },
      { frame: MSG_A, offset: garbage.length },
    ]);
  });

  it('reports bytes between frames', () => {
    const a = encodeFrame(text(MSG_A));
    expect(feedAll([concat(a, text('zz'), encodeFrame(text(MSG_B)))])).toEqual([
      { frame: MSG_A, offset: 0 },
      { error: 'bytes-outside-frame', offset: a.length, length: 2 },
      { frame: MSG_B, offset: a.length + 2 },
    ]);
  });

  it('reports a frame whose end block is missing and starts the next frame cleanly', () => {
    const unfinished = concat(Uint8Array.of(0x0b), text(MSG_A));
    expect(feedAll([unfinished, encodeFrame(text(MSG_B))])).toEqual([
      { error: 'missing-end-block', offset: 0, length: MSG_A.length },
      { frame: MSG_B, offset: unfinished.length },
    ]);
  });

  it('reports a frame cut off by the end of the stream', () => {
    expect(feedAll([concat(Uint8Array.of(0x0b), text('abc'))])).toEqual([
      { error: 'incomplete-frame', offset: 0, length: 3 },
    ]);
  });

  it('skips an oversized frame up to its end block and decodes the next one', () => {
    const big = encodeFrame(new Uint8Array(5000).fill(0x41));
    const results = feedAll(
      [...bytewise(big.subarray(0, 100)), big.subarray(100), encodeFrame(text(MSG_B))],
      1000,
    );
    expect(results).toEqual([
      { error: 'frame-too-large', offset: 0, length: big.length - 3 },
      { frame: MSG_B, offset: big.length },
    ]);
  });

  it('error messages never contain the payload', () => {
    const decoder = createMllpDecoder({ maxFrameBytes: 10 });
    const results = [
      ...decoder.feed(text('DOE^JANE')),
      ...decoder.feed(encodeFrame(text('DOE^JANE DOE^JANE'))),
      ...decoder.feed(concat(Uint8Array.of(0x0b), text('DOE'))),
      ...decoder.end(),
    ];
    expect(results.map((r) => r.kind)).toEqual(['error', 'error', 'error']);
    for (const r of results) expect(r.kind === 'error' && r.message).not.toMatch(/DOE|JANE/);
  });

  it('reassembles a 4 MB frame from 1 KB chunks in linear time', () => {
    const payload = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    const stream = encodeFrame(payload);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < stream.length; at += 1024) chunks.push(stream.subarray(at, at + 1024));
    const decoder = createMllpDecoder({ maxFrameBytes: 8 * 1024 * 1024 });
    const started = performance.now();
    const frames = chunks.flatMap((chunk) => decoder.feed(chunk));
    const elapsed = performance.now() - started;
    expect(frames).toHaveLength(1);
    expect(frames[0]?.kind === 'frame' && frames[0].bytes.length).toBe(payload.length);
    // Quadratic re-concatenation of 4,096 chunks copies ~8 GB and takes seconds; linear takes a few ms.
    expect(elapsed).toBeLessThan(1000);
  });
});

/** MLLP block characters: <VT> payload <FS><CR>. */
export const START_BLOCK = 0x0b;
export const END_BLOCK = 0x1c;
export const CARRIAGE_RETURN = 0x0d;

export function encodeFrame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 3);
  out[0] = START_BLOCK;
  out.set(payload, 1);
  out[payload.length + 1] = END_BLOCK;
  out[payload.length + 2] = CARRIAGE_RETURN;
  return out;
}

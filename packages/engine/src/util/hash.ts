/**
 * MurmurHash3 x86 128-bit over the UTF-16 code units of a string. Pure and synchronous, so the engine
 * needs no node:crypto and runs the same in a browser worker. Used for content hashes (cache keys) and
 * deterministic bundle uuids; not for security.
 */
export function hash128(text: string, seed = 0): [number, number, number, number] {
  let h1 = seed >>> 0;
  let h2 = seed >>> 0;
  let h3 = seed >>> 0;
  let h4 = seed >>> 0;
  const c1 = 0x239b961b;
  const c2 = 0xab0e9789;
  const c3 = 0x38b34ae5;
  const c4 = 0xa1e38b93;
  // Two code units per 32-bit word keeps the loop simple and covers every character.
  const words = Math.ceil(text.length / 2);
  const fullBlocks = Math.floor(words / 4);
  for (let b = 0; b < fullBlocks; b++) {
    let k1 = word(text, b * 4);
    let k2 = word(text, b * 4 + 1);
    let k3 = word(text, b * 4 + 2);
    let k4 = word(text, b * 4 + 3);
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
    h1 = (h1 << 19) | (h1 >>> 13);
    h1 = (h1 + h2) | 0;
    h1 = (Math.imul(h1, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(k2, c2);
    k2 = (k2 << 16) | (k2 >>> 16);
    k2 = Math.imul(k2, c3);
    h2 ^= k2;
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 = (h2 + h3) | 0;
    h2 = (Math.imul(h2, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(k3, c3);
    k3 = (k3 << 17) | (k3 >>> 15);
    k3 = Math.imul(k3, c4);
    h3 ^= k3;
    h3 = (h3 << 15) | (h3 >>> 17);
    h3 = (h3 + h4) | 0;
    h3 = (Math.imul(h3, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(k4, c4);
    k4 = (k4 << 18) | (k4 >>> 14);
    k4 = Math.imul(k4, c1);
    h4 ^= k4;
    h4 = (h4 << 13) | (h4 >>> 19);
    h4 = (h4 + h1) | 0;
    h4 = (Math.imul(h4, 5) + 0x32ac3b17) | 0;
  }
  const tail = [0, 0, 0, 0];
  for (let w = fullBlocks * 4; w < words; w++) tail[w - fullBlocks * 4] = word(text, w);
  let [k1, k2, k3, k4] = tail as [number, number, number, number];
  if (k4) {
    k4 = Math.imul(k4, c4);
    k4 = (k4 << 18) | (k4 >>> 14);
    h4 ^= Math.imul(k4, c1);
  }
  if (k3) {
    k3 = Math.imul(k3, c3);
    k3 = (k3 << 17) | (k3 >>> 15);
    h3 ^= Math.imul(k3, c4);
  }
  if (k2) {
    k2 = Math.imul(k2, c2);
    k2 = (k2 << 16) | (k2 >>> 16);
    h2 ^= Math.imul(k2, c3);
  }
  if (k1) {
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    h1 ^= Math.imul(k1, c2);
  }
  const len = text.length;
  h1 ^= len;
  h2 ^= len;
  h3 ^= len;
  h4 ^= len;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** The w-th 32-bit word: code units 2w and 2w+1 (0 past the end). */
function word(text: string, w: number): number {
  const i = w * 2;
  return ((text.charCodeAt(i) & 0xffff) | ((i + 1 < text.length ? text.charCodeAt(i + 1) : 0) << 16)) >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** 32 hex digits. */
export function hashHex(text: string, seed = 0): string {
  const [a, b, c, d] = hash128(text, seed);
  return hex8(a) + hex8(b) + hex8(c) + hex8(d);
}

/** A name-based UUID (version 8, RFC 9562 custom) from the hash of `name`. */
export function uuidFrom(name: string): string {
  const h = hashHex(name);
  const version = '8' + h.slice(13, 16);
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16) + h.slice(17, 20);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}-${variant}-${h.slice(20, 32)}`;
}

/** JSON with object keys sorted, so equal mappings hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

const LINE_BREAKS = /\r\n|\n|\r/g;
const TRAILING_BREAKS = /\n+$/;

/**
 * The hash that seeds a message's fullUrls. It ignores how the message travelled (a byte order mark, CR,
 * LF or CRLF segment endings, trailing blank lines), so the same message read from a file, received over
 * MLLP or pasted into the studio yields the same bundle.
 */
export function messageSeed(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return hashHex(body.replace(LINE_BREAKS, '\n').replace(TRAILING_BREAKS, ''));
}

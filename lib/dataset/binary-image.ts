/**
 * A binary image: one JSON header plus named typed arrays, in one ArrayBuffer that the reader
 * views in place (no copy, no parse of the arrays). Used for the runtime form of the default pack
 * (lib/dataset/runtime-pack.ts).
 *
 *   bytes 0..3   magic (4 ASCII bytes, given by the caller)
 *   bytes 4..7   header length H (uint32, little-endian)
 *   bytes 8..    header: UTF-8 JSON { data, sections: [[name, kind, byteOffset, length], …] }
 *   then         from the first multiple of 8 after the header, each section's bytes at its
 *                byteOffset (relative to there; multiples of 8, so Float64Array views work)
 *
 * Typed arrays are written in the platform's byte order; every platform Chrome and Firefox run
 * on is little-endian, and the reader refuses a big-endian host rather than misreading.
 *
 * With `{ compact: true }` the writer stores a u16/u32/i32 section in fewer bytes when it can:
 * narrowed (every value fits a u8, or a u16 for u32/i32; no negative i32) or as unsigned varints
 * (i32 zigzagged) when that is well under the narrowed size. Its table entry then has a fifth
 * field, the packing ('u8', 'u16' or 'v'), and a sixth, the stored byte count. The reader widens
 * or decodes such a section once, on first ask, into a typed array of the original kind, so
 * callers see no difference. Why: the worker's load time goes mostly into fetching and inflating
 * the image (issue #8), and most columns (string lengths, counts, references) are small numbers
 * in wide slots. Narrowing is preferred: widening is one native copy, while a varint decode is a
 * script loop, which runs in unoptimised code at a worker's start.
 */

type Kind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';
/** How a compacted section is stored: narrowed to u8 / u16, or as varints ('v'). */
type Packing = 'u8' | 'u16' | 'v';
type Entry = [name: string, kind: Kind, byteOffset: number, length: number, packing?: Packing, storedBytes?: number];
export type Section = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

const CTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;

function kindOf(a: Section): Kind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f64';
}

const align8 = (n: number) => (n + 7) & ~7;

/** Unsigned varints (7 bits a byte, low bits first) of 32-bit values; i32 values zigzagged. */
function writeVarints(a: Uint16Array | Uint32Array | Int32Array): Uint8Array {
  const zigzag = a instanceof Int32Array;
  const out = new Uint8Array(a.length * 5);
  let p = 0;
  for (let i = 0; i < a.length; i++) {
    let v = zigzag ? ((a[i]! << 1) ^ (a[i]! >> 31)) >>> 0 : a[i]!;
    while (v >= 0x80) {
      out[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    out[p++] = v;
  }
  return out.slice(0, p);
}

function readVarints(src: Uint8Array, kind: 'u16' | 'u32' | 'i32', count: number): Uint16Array | Uint32Array | Int32Array {
  // One monomorphic loop into a Uint32Array (an i32 section's bits, un-zigzagged), then the
  // section's own kind: a native copy for u16, a view for i32.
  const out = new Uint32Array(count);
  const zigzag = kind === 'i32';
  const end = src.length;
  let p = 0;
  for (let i = 0; i < count; i++) {
    let b = src[p++]!;
    if (b < 0x80 && !zigzag) {
      out[i] = b; // most values: one byte (the short path also keeps unoptimised code quick)
      continue;
    }
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = src[p++]!;
      v |= (b & 0x7f) << shift;
    }
    out[i] = zigzag ? (v >>> 1) ^ -(v & 1) : v;
  }
  if (p !== end) throw new Error('binary image: a varint section does not add up');
  return kind === 'u16' ? new Uint16Array(out) : kind === 'i32' ? new Int32Array(out.buffer) : out;
}

/** The compact stored form of a u16/u32/i32 section, or null when the plain one is as small. */
function compacted(a: Uint16Array | Uint32Array | Int32Array): { packing: Packing; bytes: Uint8Array } | null {
  let min = 0, max = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < min) min = a[i]!;
    if (a[i]! > max) max = a[i]!;
  }
  const narrow = min < 0 ? null : max < 0x100 ? Uint8Array.from(a) : max < 0x10000 && a.BYTES_PER_ELEMENT > 2 ? Uint16Array.from(a) : null;
  const varints = writeVarints(a);
  const narrowBytes = narrow ? new Uint8Array(narrow.buffer) : null;
  // Varints only when clearly smaller than the narrowed form (they cost a script loop to read).
  if (narrowBytes && varints.length > narrowBytes.length * 0.6) return { packing: narrow instanceof Uint8Array ? 'u8' : 'u16', bytes: narrowBytes };
  if (varints.length * 4 < a.byteLength * 3) return { packing: 'v', bytes: varints };
  return null;
}

export function encodeImage(magic: string, data: unknown, sections: Record<string, Section>, options: { compact?: boolean } = {}): Uint8Array {
  if (magic.length !== 4) throw new Error('image magic must be 4 characters');
  const names = Object.keys(sections);
  // Offsets are relative to the data start (the first multiple of 8 after the header), so the
  // header does not depend on its own length.
  let at = 0;
  const stored = new Map<string, Uint8Array>();
  const table = names.map((name): Entry => {
    const a = sections[name]!;
    const kind = kindOf(a);
    const c = options.compact && (kind === 'u16' || kind === 'u32' || kind === 'i32') ? compacted(a as Uint16Array | Uint32Array | Int32Array) : null;
    if (c) {
      stored.set(name, c.bytes);
      const entry: Entry = [name, kind, at, a.length, c.packing, c.bytes.length];
      at = align8(at + c.bytes.length);
      return entry;
    }
    stored.set(name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const entry: Entry = [name, kind, at, a.length];
    at = align8(at + a.byteLength);
    return entry;
  });
  const headerBytes = new TextEncoder().encode(JSON.stringify({ data, sections: table }));
  const base = align8(8 + headerBytes.length);
  const out = new Uint8Array(base + at);
  for (let i = 0; i < 4; i++) out[i] = magic.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (const [name, , offset] of table) out.set(stored.get(name)!, base + offset);
  return out;
}

export function hasMagic(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 4; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

export interface Image<D> {
  data: D;
  /** The section as a view over the image's buffer; throws when absent or of another kind. */
  u8(name: string): Uint8Array;
  u16(name: string): Uint16Array;
  u32(name: string): Uint32Array;
  i32(name: string): Int32Array;
  f64(name: string): Float64Array;
  /** The section's element count, from the table (nothing decoded); throws when absent. */
  length(name: string): number;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The image's bytes: one buffer, or the shards the build cut it into, in order (as fetched:
 * lib/background/packs.ts), so a first start after an install or update decodes straight from
 * the shard buffers instead of first joining them into one 6.5 MB copy (issue #8). A section
 * that lies inside one shard at an 8-byte-aligned place is viewed there, as in a single buffer;
 * one that spans a cut (or sits unaligned) is copied out once, on first ask, into its own buffer.
 */
export type ImageBytes = Uint8Array | readonly Uint8Array[];

/** Bytes [from, to) of the chunks (image offsets `starts`): a view when one chunk holds them, else a copy. */
function byteRange(chunks: readonly Uint8Array[], starts: readonly number[], from: number, to: number, aligned: boolean): Uint8Array {
  let k = 0;
  while (k + 1 < chunks.length && starts[k + 1]! <= from) k++;
  const c = chunks[k]!, at = from - starts[k]!;
  if (to - starts[k]! <= c.length && (!aligned || (c.byteOffset + at) % 8 === 0)) return c.subarray(at, to - starts[k]!);
  const out = new Uint8Array(to - from);
  for (let p = from; p < to; k++) {
    const ck = chunks[k]!, s = p - starts[k]!, n = Math.min(ck.length - s, to - p);
    out.set(ck.subarray(s, s + n), p - from);
    p += n;
  }
  return out;
}

export function decodeImage<D>(bytes: ImageBytes, magic: string): Image<D> {
  if (!littleEndian) throw new Error('binary image: big-endian hosts are not supported');
  let chunks: readonly Uint8Array[] = bytes instanceof Uint8Array ? [bytes] : bytes.filter((c) => c.length > 0);
  if (!chunks.length) chunks = [new Uint8Array(0)];
  const starts: number[] = [];
  let total = 0;
  for (const c of chunks) {
    starts.push(total);
    total += c.length;
  }
  // One buffer at an unaligned offset: one aligned copy (views need 8-byte alignment).
  if (chunks.length === 1 && chunks[0]!.byteOffset % 8 !== 0) chunks = [chunks[0]!.slice()];
  const head = byteRange(chunks, starts, 0, Math.min(8, total), false);
  if (!hasMagic(head, magic)) throw new Error(`binary image: expected magic ${magic}`);
  const headerLength = new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true);
  if (8 + headerLength > total) throw new Error('binary image: header runs past the end');
  const header = JSON.parse(new TextDecoder().decode(byteRange(chunks, starts, 8, 8 + headerLength, false))) as { data: D; sections: Entry[] };
  const base = align8(8 + headerLength);
  const table = new Map(header.sections.map((s) => [s[0], s] as const));
  const decoded = new Map<string, Section>();
  const view = <K extends Kind>(name: string, kind: K): InstanceType<(typeof CTORS)[K]> => {
    const s = table.get(name);
    if (!s) throw new Error(`binary image: no section ${name}`);
    if (s[1] !== kind) throw new Error(`binary image: section ${name} is ${s[1]}, not ${kind}`);
    const packing = s[4];
    let a = decoded.get(name);
    if (a) return a as InstanceType<(typeof CTORS)[K]>;
    const Ctor = CTORS[kind];
    const from = base + s[2], to = from + (packing ? (s[5] ?? 0) : s[3] * Ctor.BYTES_PER_ELEMENT);
    if (to > total) throw new Error(`binary image: section ${name} runs past the end`);
    const src = byteRange(chunks, starts, from, to, true);
    if (!packing) a = new Ctor(src.buffer as ArrayBuffer, src.byteOffset, s[3]);
    else if (packing === 'v') a = readVarints(src, kind as 'u16' | 'u32' | 'i32', s[3]);
    else {
      const narrow = packing === 'u8' ? src : new Uint16Array(src.buffer, src.byteOffset, src.length >> 1);
      if (narrow.length !== s[3]) throw new Error(`binary image: section ${name} does not add up`);
      a = new CTORS[kind](narrow); // one native widening copy
    }
    // Kept, so a section copied out of the shards is copied once.
    decoded.set(name, a);
    return a as InstanceType<(typeof CTORS)[K]>;
  };
  return {
    data: header.data,
    u8: (n) => view(n, 'u8'),
    u16: (n) => view(n, 'u16'),
    u32: (n) => view(n, 'u32'),
    i32: (n) => view(n, 'i32'),
    f64: (n) => view(n, 'f64'),
    length: (n) => {
      const s = table.get(n);
      if (!s) throw new Error(`binary image: no section ${n}`);
      return s[3];
    },
  };
}

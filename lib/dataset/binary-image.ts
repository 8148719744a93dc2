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
 */

type Kind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';
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

export function encodeImage(magic: string, data: unknown, sections: Record<string, Section>): Uint8Array {
  if (magic.length !== 4) throw new Error('image magic must be 4 characters');
  const names = Object.keys(sections);
  // Offsets are relative to the data start (the first multiple of 8 after the header), so the
  // header does not depend on its own length.
  let at = 0;
  const table = names.map((name) => {
    const a = sections[name]!;
    const entry: [string, Kind, number, number] = [name, kindOf(a), at, a.length];
    at = align8(at + a.byteLength);
    return entry;
  });
  const headerBytes = new TextEncoder().encode(JSON.stringify({ data, sections: table }));
  const base = align8(8 + headerBytes.length);
  const out = new Uint8Array(base + at);
  for (let i = 0; i < 4; i++) out[i] = magic.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  for (const [name, , offset] of table) {
    const a = sections[name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + offset);
  }
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
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function decodeImage<D>(bytes: Uint8Array, magic: string): Image<D> {
  if (!littleEndian) throw new Error('binary image: big-endian hosts are not supported');
  if (!hasMagic(bytes, magic)) throw new Error(`binary image: expected magic ${magic}`);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice(); // views need 8-byte alignment
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as { data: D; sections: [string, Kind, number, number][] };
  const base = align8(8 + headerLength);
  const table = new Map(header.sections.map((s) => [s[0], s] as const));
  const view = <K extends Kind>(name: string, kind: K): InstanceType<(typeof CTORS)[K]> => {
    const s = table.get(name);
    if (!s) throw new Error(`binary image: no section ${name}`);
    if (s[1] !== kind) throw new Error(`binary image: section ${name} is ${s[1]}, not ${kind}`);
    const Ctor = CTORS[kind];
    if (base + s[2] + s[3] * Ctor.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error(`binary image: section ${name} runs past the end`);
    return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + base + s[2], s[3]) as InstanceType<(typeof CTORS)[K]>;
  };
  return {
    data: header.data,
    u8: (n) => view(n, 'u8'),
    u16: (n) => view(n, 'u16'),
    u32: (n) => view(n, 'u32'),
    i32: (n) => view(n, 'i32'),
    f64: (n) => view(n, 'f64'),
  };
}

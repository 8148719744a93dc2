/**
 * Node-side loading for the CLI: saved pages (.html / .html.gz) and dataset packs from disk.
 * Errors are plain sentences naming the file and the problem; nothing here exits the process.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parsePack } from '../dataset/pack';
import type { Pack } from '../dataset/schema';
import { buildKnowledge, type Knowledge } from '../knowledge';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PACK_PATH = path.resolve(here, '../../assets/default-pack.json');

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: string };

/** Reads a saved page; refuses missing, empty, binary and non-HTML files with a reason. */
export function readPage(file: string): Loaded<string> {
  if (!existsSync(file)) return { ok: false, error: `${file}: no such file` };
  if (statSync(file).isDirectory()) return { ok: false, error: `${file}: is a directory, not an HTML file` };
  let bytes: Buffer = readFileSync(file);
  if (bytes.length === 0) return { ok: false, error: `${file}: the file is empty` };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      return { ok: false, error: `${file}: not a valid gzip file (${(err as Error).message})` };
    }
  }
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return { ok: false, error: `${file}: binary data, not an HTML page` };
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: false, error: `${file}: the file is empty` };
  // An HTML page has markup near its start: a doctype, a comment or a tag.
  if (!/<(!doctype|html|head|body|!--|[a-z][a-z0-9-]*[\s/>])/i.test(text.slice(0, 65536))) {
    return { ok: false, error: `${file}: does not look like HTML (no tags found)` };
  }
  return { ok: true, value: text };
}

/** `trusted` skips the full zod walk: only for the pack this repository builds and ships. */
export function readPack(file: string, trusted = false): Loaded<Pack> {
  if (!existsSync(file)) return { ok: false, error: `${file}: no such file` };
  let bytes: Buffer = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const parsed = parsePack(bytes.toString('utf8'), { trusted });
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: `${file}: ${parsed.error}` };
}

/** The default pack plus any packs named on the command line, as the extension would see them. */
export function loadKnowledge(extraPacks: string[] = []): Loaded<Knowledge> {
  const packs: Pack[] = [];
  for (const file of [DEFAULT_PACK_PATH, ...extraPacks]) {
    const pack = readPack(file, file === DEFAULT_PACK_PATH);
    if (!pack.ok) return pack;
    packs.push(pack.value);
  }
  return { ok: true, value: buildKnowledge(packs) };
}

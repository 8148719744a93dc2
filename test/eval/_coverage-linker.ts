/**
 * A stand-in text linker for coverage evals and benches when the real entity linker
 * (lib/entities) is not available: longest case-sensitive token match over names and aliases
 * of the core entity file (../shared/data/entities/entities.jsonl). Used only by test/eval and
 * test/bench; the real pack is built with the entities engineer's linker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface StandinLinker {
  linkText(text: string): string[];
  nameOf(id: string): string | undefined;
  idsByName(name: string): string | undefined;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.\-–]*/gu;

function tokens(s: string): string[] {
  return (s.match(TOKEN) ?? []).map((t) => t.replace(/[.'’]+$/, ''));
}

export function standinLinker(shared: string, files = ['entities.jsonl']): StandinLinker {
  const phrases = new Map<string, string>();
  const names = new Map<string, string>();
  let maxLen = 1;
  for (const f of files) {
    const text = readFileSync(path.join(shared, 'data/entities', f), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const e = JSON.parse(line) as { id: string; name: string; aliases?: string[] };
      if (!names.has(e.id)) names.set(e.id, e.name);
      for (const alias of [e.name, ...(e.aliases ?? [])]) {
        if (!alias || alias.length < 3 || !/^[\p{Lu}\p{N}]/u.test(alias)) continue;
        const toks = tokens(alias);
        if (toks.length === 0) continue;
        const key = toks.join(' ');
        if (!phrases.has(key)) phrases.set(key, e.id);
        maxLen = Math.max(maxLen, toks.length);
      }
    }
  }
  maxLen = Math.min(maxLen, 8);
  return {
    linkText(text: string): string[] {
      const toks = tokens(text);
      const out: string[] = [];
      for (let i = 0; i < toks.length; ) {
        let matched = 0;
        for (let n = Math.min(maxLen, toks.length - i); n >= 1; n--) {
          const id = phrases.get(toks.slice(i, i + n).join(' '));
          if (id) {
            out.push(id);
            matched = n;
            break;
          }
        }
        i += matched || 1;
      }
      return out;
    },
    nameOf: (id) => names.get(id),
    idsByName: (name) => phrases.get(tokens(name).join(' ')),
  };
}

/**
 * lib/entities/org-name-words.json is generated from ../shared (lib/dataset/org-name-words.ts) and
 * committed, so the extension carries only the word lists. Nothing else regenerates it: this test
 * fails when the committed file no longer matches a fresh run over the reference data and corpus
 * (a changed reference, or a changed derivation committed without its output). Skipped, saying so,
 * when ../shared is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrgNameWords } from '../lib/dataset/org-name-words';
import committed from '../lib/entities/org-name-words.json';

const DATA = path.resolve(process.cwd(), '../shared/data');
const ENTITIES = path.join(DATA, 'entities');
const CORPUS = path.join(DATA, 'coverage/coverage.jsonl');
const hasShared = existsSync(path.join(ENTITIES, 'entities.jsonl')) && existsSync(CORPUS);

describe.skipIf(!hasShared)('org-name-words.json matches a fresh derivation (needs ../shared)', () => {
  it('holds the words and heads the reference data and corpus give today', async () => {
    const fresh = await readOrgNameWords(ENTITIES, CORPUS);
    expect(committed.words).toEqual(fresh.words);
    expect(committed.heads).toEqual(fresh.heads);
  }, 120_000);
});
if (!hasShared) console.warn('org-name-words: ../shared/data is absent — the freshness test of org-name-words.json is skipped');

/**
 * Unlabelled English news sentences for semi-supervised training (training only; the shipped model
 * keeps derived weights, never this text). Sources in ../shared/data:
 *  - readability-pages/<page>/expected.html: the article text of the Readability test pages,
 *    paragraph by paragraph (<p> elements), split into sentences;
 *  - coverage/coverage.jsonl: the HuffPost short descriptions (dataset huffpost-news-category-v3);
 *    the Wikipedia Current-events items are left out (one house style, all reporting).
 * Sentences of 6–60 words, mostly Latin letters, deduplicated, in a fixed order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../text/sentences';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&([a-z]+);/g, (m, n: string) => ENTITIES[n] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

function usable(s: string): boolean {
  const words = s.match(/\p{L}+/gu) ?? [];
  if (words.length < 6 || words.length > 60) return false;
  const latin = (s.match(/[A-Za-z]/g) ?? []).length;
  const letters = (s.match(/\p{L}/gu) ?? []).length;
  return latin / Math.max(1, letters) > 0.95 && /^[\p{Lu}"“‘(]/u.test(s);
}

export function unlabelledSentences(sharedData: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    if (usable(s) && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  };
  const pages = path.join(sharedData, 'readability-pages');
  if (existsSync(pages)) {
    for (const dir of readdirSync(pages).sort()) {
      const file = path.join(pages, dir, 'expected.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) for (const s of splitSentences(htmlText(m[1]!))) add(s.text);
    }
  }
  const coverage = path.join(sharedData, 'coverage', 'coverage.jsonl');
  if (existsSync(coverage)) {
    for (const line of readFileSync(coverage, 'utf8').split('\n')) {
      if (!line.includes('huffpost')) continue;
      const item = JSON.parse(line) as { dataset?: string; summary?: string };
      if (item.dataset !== 'huffpost-news-category-v3' || !item.summary) continue;
      for (const s of splitSentences(item.summary)) add(s.text);
    }
  }
  return out;
}

/** The Wikipedia Current-events summaries of coverage.jsonl (plain reporting), in file order. */
export function wikipediaSummaries(sharedData: string): string[] {
  const coverage = path.join(sharedData, 'coverage', 'coverage.jsonl');
  if (!existsSync(coverage)) return [];
  const out: string[] = [];
  for (const line of readFileSync(coverage, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { dataset?: string; summary?: string };
    if (item.dataset === 'wikipedia-current-events' && item.summary) out.push(item.summary);
  }
  return out;
}

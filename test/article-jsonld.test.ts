import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bareType, blockJson, jsonLdNodes, typesOf } from '../lib/article/jsonld';

const page = (blocks: string[]): Document =>
  parseHTML(`<!doctype html><html><head>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body><p>x</p></body></html>`).document as unknown as Document;

describe('JSON-LD blocks and types', () => {
  afterEach(() => vi.restoreAllMocks());

  it('strips a CDATA wrapper and the space around it, and nothing else', () => {
    expect(blockJson('  <![CDATA[ {"@type":"NewsArticle"} ]]>\n')).toBe('{"@type":"NewsArticle"}');
    expect(blockJson('<![CDATA[{"a":1}')).toBe('{"a":1}');
    expect(blockJson('{"a":"]]>"}  ]]>')).toBe('{"a":"]]>"}');
    expect(blockJson('<![CDATA]]>')).toBe('<![CDATA');
    expect(blockJson('<![CDATA[]]>')).toBe('');
    expect(blockJson('x <![CDATA[ y')).toBe('x <![CDATA[ y');
  });

  it("bare type names: after the first line's last / # or :", () => {
    expect(bareType('https://schema.org/NewsArticle')).toBe('NewsArticle');
    expect(bareType('schema:Article')).toBe('Article');
    expect(bareType('http://schema.org#BlogPosting')).toBe('BlogPosting');
    expect(bareType('Review')).toBe('Review');
    expect(bareType('a/b\nc/d')).toBe('b\nc/d');
    expect(bareType('ab\r/x')).toBe('ab\r/x');
    expect(bareType('http://x/')).toBe('');
  });

  it('reads the types of a page with no regular expression (#8: each costs the eager script a compilation on first use)', () => {
    const doc = page(['<![CDATA[{"@type":["https://schema.org/NewsArticle", 7]}]]>', '{"@graph":[{"@type":"schema:WebPage","mainEntity":{"@type":"Person"}}]}', '{broken']);
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const types = jsonLdNodes(doc).flatMap(typesOf);
    expect(exec).not.toHaveBeenCalled();
    expect(types).toEqual(['NewsArticle', 'WebPage', 'Person']);
  });
});

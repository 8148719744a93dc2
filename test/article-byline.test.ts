import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bylineFromMarkup } from '../lib/article/byline';
import { extractMetadata } from '../lib/article/metadata';

const doc = (body: string, head = '') =>
  parseHTML(`<!doctype html><html lang="en"><head><title>Talks resume</title>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe('bylineFromMarkup (first author element, Readability order)', () => {
  it('takes the schema.org name inside author markup, even in an <aside> of the article', () => {
    const d = doc('<article><section><p>Text.</p></section><aside><p><span class="article-author" itemprop="author"><span itemprop="name">Dana Whitfield</span> —</span> 2025-06-08</p></aside></article>');
    expect(bylineFromMarkup(d)).toBe('Dana Whitfield');
  });

  it('takes the innermost author line a reader sees, not a wrapper over date and share buttons', () => {
    // The wrapper's class is not a byline word; its child's is.
    const d = doc('<article><div class="meta"><span class="byline">By Dana Whitfield</span> <time>June 8, 2025</time> <a>Share</a></div><p>Text.</p></article>');
    expect(bylineFromMarkup(d)).toBe('By Dana Whitfield');
  });

  it('never looks inside unlikely boxes (comments, site header) or navigation', () => {
    const d = doc('<div class="site-header"><span class="author">Site Owner</span></div><nav><a rel="author" href="/x">Nav Author</a></nav><div id="comments"><span class="comment-author">reader_one</span></div><article><p class="byline">By Dana Whitfield</p></article>');
    expect(bylineFromMarkup(d)).toBe('By Dana Whitfield');
  });

  it('skips hidden elements and over-long lines', () => {
    const d = doc(`<article><span class="author" hidden>Hidden Name</span><div class="author-box">${'About the writer. '.repeat(8)}</div><span rel="author" class="x">Dana Whitfield</span></article>`);
    expect(bylineFromMarkup(d)).toBe('Dana Whitfield');
    expect(bylineFromMarkup(doc(`<article><div class="author-box">${'About the writer. '.repeat(8)}</div></article>`))).toBe(null);
    const e = doc('<article><span class="author" style="display:none">Hidden Name</span><a rel="author" href="/dana">Dana Whitfield</a></article>');
    expect(bylineFromMarkup(e)).toBe('Dana Whitfield');
  });
});

describe('byline from meta tags', () => {
  it('reads the Open Graph spelling og:article:author', () => {
    const d = doc('<article><p>Text.</p></article>', '<meta property="og:article:author" content="Ledger Staff">');
    expect(extractMetadata(d, 'https://news.example/a').byline).toBe('Ledger Staff');
  });

  it('prefers meta and JSON-LD authors over visible markup', () => {
    const d = doc('<article><p class="byline">By Someone Else</p></article>', '<meta name="author" content="Dana Whitfield">');
    expect(extractMetadata(d, 'https://news.example/a').byline).toBe('Dana Whitfield');
  });
});

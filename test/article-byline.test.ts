import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bylineFromLines, bylineFromMarkup } from '../lib/article/byline';
import { extractArticle } from '../lib/article/extract';
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

describe('bylineFromLines (no author markup: the "By" line a reader sees)', () => {
  it('takes a short "By <Name>" line and ends the name where the dateline or buttons begin', () => {
    expect(bylineFromLines(['Local news', 'By Dana Whitfield and Sam Okafor', 'Text.'])).toBe('By Dana Whitfield and Sam Okafor');
    expect(bylineFromLines(['By Dana Whitfield March 18 at 3:57 PM Follow @danaw'])).toBe('By Dana Whitfield');
    expect(bylineFromLines(['by Dana Whitfield22 Dec 2016'])).toBe('by Dana Whitfield');
    expect(bylineFromLines(['BY DANA WHITFIELD | June 8, 2025'])).toBe('BY DANA WHITFIELD');
  });

  it('does not take sentences or long lines that merely start with "By"', () => {
    expect(bylineFromLines(['By the end of the week, the council had voted twice.'])).toBe(null);
    expect(bylineFromLines(['By then most of the crowd had gone home and the stalls were closing'])).toBe(null);
    expect(bylineFromLines([`By ${'Very Long Name '.repeat(8)}`])).toBe(null);
  });
});

describe('extractArticle falls back to the "By" line when no markup names the author', () => {
  it('finds the byline of a class-free page', () => {
    const para = '<p>The council voted on Monday to close the old ferry pier for repairs, a decision that will reroute about two thousand commuters for most of the winter.</p>';
    const d = doc(`<div><h1>Talks resume</h1><div>By Dana Whitfield, June 8, 2025</div><div>${para.repeat(6)}</div></div>`);
    const r = extractArticle(d, 'https://news.example/local/2025/06/08/talks-resume', { force: true });
    if (!r.detected) throw new Error('not detected');
    expect(r.input.byline).toBe('By Dana Whitfield');
  });
});

/**
 * #8: the pre-gate (lib/article/pre-gate.ts) settles pages that are not articles from the URL and
 * selector counts, and never says "not an article" where the full gate says "likely": on the
 * hand-written non-article fixtures, on small pages built to sit right at each rule's edge, and
 * (when ../shared is present) on every Readability page under article-, home-, search-, forum-
 * and account-shaped URLs. The eager script's own first look (surelyNotArticle) is a cheaper part
 * of it: its "no" implies the pre-gate's (and so the gate's).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { articleGate } from '../lib/article/gate';
import { preGate, surelyNotArticle } from '../lib/article/pre-gate';

const FIXTURES = path.resolve(__dirname, 'fixtures/pages');
const SHARED_PAGES = path.resolve(__dirname, '../../shared/data/readability-pages');
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const LONG = '<p>' + 'A sentence of article text that goes on for a while. '.repeat(12) + '</p>';
const article = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body><main>${body}${LONG.repeat(6)}</main></body></html>`;

describe('preGate', () => {
  it('settles the login, search, forum and home fixtures as the gate does', () => {
    const at = (f: string) => doc(readFileSync(path.join(FIXTURES, f), 'utf8'));
    const login = preGate(at('login.html'), 'https://site.example/login.html');
    expect(login).toEqual({ likely: false, signals: ['veto:url:account'] });
    expect(preGate(at('search.html'), 'https://site.example/search.html')?.signals).toContain('veto:form:search-in-main');
    const forum = preGate(at('forum.html'), 'https://site.example/forum.html');
    expect(forum?.signals).toEqual(expect.arrayContaining(['veto:url:forum', 'veto:json-ld:DiscussionForumPosting', 'veto:html:thread']));
    // Ten teaser <article>s and little text (one lead paragraph): the gate's html:many-articles veto.
    expect(preGate(at('home.html'), 'https://site.example/home.html')).toEqual({ likely: false, signals: ['veto:html:many-articles'], textBased: true });
    for (const [f, u] of [['login.html', '/login.html'], ['search.html', '/search.html'], ['forum.html', '/forum.html'], ['home.html', '/home.html']]) {
      expect(articleGate(at(f!), `https://site.example${u}`).likely).toBe(false);
    }
  });

  it('leaves any page with possible article metadata to the gate, even at a home or forum URL', () => {
    for (const head of [
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>',
      '<script type=" Application/LD+JSON ">{"@graph":[{"@type":"https://schema.org/BlogPosting"}]}</script>',
      '<meta property="og:type" content=" Article ">',
    ]) {
      const d = doc(article(head, ''));
      expect(articleGate(d, 'https://site.example/').likely).toBe(true);
      expect(preGate(d, 'https://site.example/')).toBeNull();
      expect(preGate(d, 'https://site.example/forum/thread-1')).toBeNull();
    }
    const microdata = doc(`<!doctype html><html><body><div itemprop="text articleBody">${LONG.repeat(6)}</div></body></html>`);
    expect(preGate(microdata, 'https://site.example/')).toBeNull();
  });

  it('vetoes a home/search/forum URL, a search box in main, or a thread of posts, only without that metadata', () => {
    const plain = doc(article('', ''));
    expect(preGate(plain, 'https://site.example/world/a-long-story-slug-here')).toBeNull();
    expect(preGate(plain, 'https://site.example/')?.signals).toContain('veto:url:home');
    expect(preGate(plain, 'https://site.example/find?q=x')?.signals).toContain('veto:url:search');
    const searchBox = doc(article('', '<form><input type="search"></form>'));
    expect(preGate(searchBox, 'https://site.example/a/b')?.signals).toEqual(['veto:form:search-in-main']);
    expect(articleGate(searchBox, 'https://site.example/a/b').likely).toBe(false);
    // A password box named q is the gate's password, not a search box; outside main, no veto.
    expect(preGate(doc(article('', '<input type="password" name="q">')), 'https://site.example/a/b')).toBeNull();
    expect(preGate(doc(`<!doctype html><html><body><header><input type="search"></header>${LONG.repeat(6)}</body></html>`), 'https://site.example/a/b')).toBeNull();
    const posts = (n: number) => doc(article('', '<span class="x username">u</span>'.repeat(n - 2) + '<div itemprop="comment">c</div>'.repeat(2)));
    expect(preGate(posts(5), 'https://site.example/a/b')?.signals).toEqual(['veto:html:thread']);
    expect(articleGate(posts(5), 'https://site.example/a/b').likely).toBe(false);
    expect(preGate(posts(4), 'https://site.example/a/b')).toBeNull();
    // Class words, not substrings: "usernames" is no post author.
    expect(preGate(doc(article('', '<span class="usernames">u</span>'.repeat(6))), 'https://site.example/a/b')).toBeNull();
  });

  it('vetoes a listing of teaser <article>s only while its text score, counted high, stays below the gate\'s bar', () => {
    const teaser = '<article><h3><a href="/a">A headline</a></h3><p>A short standfirst.</p></article>';
    const at = 'https://site.example/section/page';
    // Twelve long paragraphs score ~12 × 23 ≈ 280 (≥ 40): the gate reads an article despite the teasers.
    const long = doc(article('', teaser.repeat(4)));
    expect(articleGate(long, at).likely).toBe(true);
    expect(preGate(long, at)).toBeNull();
    expect(preGate(doc(`<html><body>${teaser.repeat(4)}${LONG}</body></html>`), at)?.signals).toEqual(['veto:html:many-articles']);
    expect(preGate(doc(`<html><body>${teaser.repeat(3)}${LONG}</body></html>`), at)).toBeNull(); // three is no listing
    // Text in a div's own text nodes counts too, even where paragraph text (here in a nav, which
    // the gate skips but the bound does not) already scores 20+: the gate's divs lift its veto.
    const divs = `<div>${'Text written straight into a div, no paragraph around it at all. '.repeat(40)}</div>`.repeat(2);
    const divPage = doc(`<html><body><nav>${LONG}</nav><main>${teaser.repeat(4)}${divs}</main></body></html>`);
    expect(articleGate(divPage, at).likely).toBe(true);
    expect(preGate(divPage, at)).toBeNull();
    // Read in one piece, so only on smaller pages: past 1,500 blocks the sliced gate decides.
    const big = doc(`<html><body>${teaser.repeat(4)}${'<div>x</div>'.repeat(1500)}</body></html>`);
    expect(articleGate(big, at).likely).toBe(false);
    expect(preGate(big, at)).toBeNull();
    expect(preGate(doc(`<html><body>${teaser.repeat(4)}${'<div>x</div>'.repeat(1400)}</body></html>`), at)?.signals).toEqual(['veto:html:many-articles']);
  });

  it.skipIf(!existsSync(SHARED_PAGES))('never says "not an article" where the gate says likely (Readability pages, five URL shapes)', () => {
    const urls = ['https://site.example/news/2024/05/a-long-story-slug-here', 'https://site.example/', 'https://site.example/search?q=x', 'https://site.example/forum/thread-1', 'https://site.example/login'];
    const settled = urls.map(() => 0);
    const firstSettled = urls.map(() => 0);
    let pages = 0;
    for (const dir of readdirSync(SHARED_PAGES)) {
      const file = path.join(SHARED_PAGES, dir, 'source.html');
      if (!existsSync(file)) continue;
      const d = doc(readFileSync(file, 'utf8')); // neither gate changes the document
      pages++;
      urls.forEach((url, i) => {
        const first = surelyNotArticle(d, url);
        if (first) {
          firstSettled[i]!++;
          expect([dir, url, preGate(d, url)?.likely]).toEqual([dir, url, false]);
        }
        if (!preGate(d, url)) return;
        settled[i]!++;
        expect([dir, url, articleGate(d, url).likely]).toEqual([dir, url, false]);
      });
    }
    expect(pages).toBeGreaterThan(100);
    console.log(`pre-gate settled, of ${pages} pages, per URL shape: ${settled.join(' / ')}; the first look: ${firstSettled.join(' / ')}`);
  }, 120_000);
});

describe('surelyNotArticle (the eager script\'s first look, #8)', () => {
  const at = (f: string) => doc(readFileSync(path.join(FIXTURES, f), 'utf8'));

  it('settles the login, search, forum and home fixtures from the URL, selector counts and the teaser rule', () => {
    expect(surelyNotArticle(at('login.html'), 'https://site.example/login.html')).toEqual({ likely: false, signals: ['veto:url:account'] });
    expect(surelyNotArticle(at('search.html'), 'https://site.example/search.html')?.signals).toContain('veto:form:search-in-main');
    // The forum's JSON-LD (a DiscussionForumPosting) names no article type: read as text, not parsed.
    expect(surelyNotArticle(at('forum.html'), 'https://site.example/forum.html')).toEqual({ likely: false, signals: ['veto:url:forum', 'veto:html:thread'] });
    // Ten teaser <article>s and little text: the gate's html:many-articles veto, text-based.
    expect(surelyNotArticle(at('home.html'), 'https://site.example/home.html')).toEqual({ likely: false, signals: ['veto:html:many-articles'], textBased: true });
    expect(surelyNotArticle(at('about.html'), 'https://site.example/about.html')).toBeNull();
  });

  it('goes on to the full gate where any JSON-LD text may name an article type, or where no veto holds', () => {
    const home = 'https://site.example/';
    expect(surelyNotArticle(doc(article('<script type="application/ld+json">{"@type":"WebSite","name":"x"}</script>', '')), home)?.signals).toEqual(['veto:url:home']);
    for (const ld of [
      '{"@type":"NewsArticle","headline":"x"}',
      '{"@graph":[{"@type":"https://schema.org/BlogPosting"}]}',
      '{"@type":"\\u004eewsArticle"}', // an escape JSON.parse would read as an article type
      '{"@type":"Report", broken', // over-approximated: not parsed at all
    ]) {
      const d = doc(article(`<script type="application/ld+json">${ld}</script>`, ''));
      expect([ld, surelyNotArticle(d, home)]).toEqual([ld, null]);
    }
    expect(surelyNotArticle(doc(article('<meta property="og:type" content="article">', '')), home)).toBeNull();
    // A teaser listing: only while its text score stays below the gate's bar, and only without article JSON-LD.
    const teaser = '<article><h3><a href="/a">A headline</a></h3><p>A short standfirst.</p></article>';
    const section = 'https://site.example/section/page';
    expect(surelyNotArticle(doc(`<html><body>${teaser.repeat(4)}${LONG}</body></html>`), section)?.signals).toEqual(['veto:html:many-articles']);
    expect(surelyNotArticle(doc(article('', teaser.repeat(4))), section)).toBeNull();
    expect(surelyNotArticle(doc(`<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>${teaser.repeat(4)}${LONG}</body></html>`), section)).toBeNull();
    expect(surelyNotArticle(doc(article('', '')), 'https://site.example/world/a-long-story-slug-here')).toBeNull();
    // The URL's vetoes only: a search key (which the gate weighs against a slug) is left to the full pre-gate.
    expect(surelyNotArticle(doc(article('', '')), 'https://site.example/a/b?q=x')).toBeNull();
    expect(preGate(doc(article('', '')), 'https://site.example/a/b?q=x')?.signals).toEqual(['veto:url:search']);
    expect(surelyNotArticle(doc(article('', '')), 'https://site.example/search/?q=x')?.signals).toEqual(['veto:url:search']);
  });
});

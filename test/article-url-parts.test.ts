import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpUrlParts } from '../lib/article/url-parts';
import { urlSignals } from '../lib/article/gate';

describe('http(s) URL parts by string operations (#8)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('agrees with URL on serialised http(s) URLs', () => {
    const urls = [
      'https://news.example/', 'http://news.example/2024/05/a-long-story-slug?x=1#top', 'https://news.example/search?q=a&b=c',
      'https://user:pa%40ss@news.example:8443/login.php?', 'http://[::1]:8080/forum/thread/1', 'https://news.example?q=1',
      'https://news.example#frag?not-a-query', 'https://news.example/a?b#c?d', 'https://xn--bcher-kva.example./p/',
      'http://127.0.0.1/', 'https://news.example/path%20with%3Fmark/?',
    ];
    for (const raw of urls) {
      const u = new URL(raw);
      expect(httpUrlParts(u.href), raw).toEqual({ hostname: u.hostname, pathname: u.pathname, search: u.search });
    }
  });

  it('is null for anything not http(s)', () => {
    expect(httpUrlParts('file:///tmp/a.html')).toBeNull();
    expect(httpUrlParts('about:blank')).toBeNull();
    expect(httpUrlParts('/relative/path')).toBeNull();
  });

  it('is null (ask URL) where the string may not be serialised: URL would change the parts', () => {
    const raw = ['https://News.Example/a', 'https://news.example/a b', 'https://news.example/café', 'https://news.example/a/../login',
      'https://news.example/a/%2E%2E/login', 'https://news.example\\login', 'https://news.example/?q=\'x\'', 'https://news.example/{a}'];
    for (const url of raw) {
      expect(httpUrlParts(url), url).toBeNull();
      // …and each of these is one URL would indeed rewrite.
      expect(new URL(url).href, url).not.toBe(url);
    }
  });

  it('the gate reads a page URL with neither URL nor the document Location (each a Web API interface for the eager script to set up)', () => {
    let made = 0;
    const Real = URL;
    vi.stubGlobal('URL', class extends Real {
      constructor(url: string | URL, base?: string | URL) {
        super(url, base);
        made++;
      }
    });
    expect(urlSignals('https://news.example/search?q=gas+prices').negative).toEqual(['url:search']);
    expect(urlSignals('https://news.example/account/login').negative).toEqual(['url:account']);
    expect(made).toBe(0);
    // Other URLs (a CLI file path) still go through URL.
    expect(urlSignals('file:///home/me/login/page.html').negative).toEqual(['url:account']);
    expect(made).toBe(1);
  });
});

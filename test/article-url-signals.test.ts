/**
 * #8: what the URL alone says (lib/article/gate.ts urlSignals), for the gate and the pre-gate,
 * matched with string operations and sets: in the eager script's fresh isolated world the eight
 * regular expressions this used to run cost every page ~0.47 ms of compilation (paired traced
 * thread CPU on the login fixture, 0.77 vs 0.30 ms for reading the location alone).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlSignals } from '../lib/article/gate';

afterEach(() => void vi.restoreAllMocks());
const at = (url: string) => urlSignals({} as Document, url);

describe('urlSignals', () => {
  it.each([
    ['https://x.example/news/2024/05/a-long-story-slug-here', ['url:date', 'url:article-path', 'url:slug'], []],
    ['https://x.example/2024/5/12/', ['url:date'], []],
    ['https://x.example/2024/13/x', [], []],
    ['https://x.example/2024/05', [], []], // the month must be followed by a slash
    ['https://x.example/World/x', ['url:article-path'], []],
    ['https://x.example/features/', ['url:article-path'], []],
    ['https://x.example/newsroom/x', [], []],
    ['https://x.example/news', [], []], // a section, not a directory: no slash after it
    ['https://x.example/a_b-c_d', ['url:slug'], []],
    ['https://x.example/1-2-3-4', [], []],
    ['https://x.example/', [], ['url:home']],
    ['https://x.example/Search', [], ['url:search']],
    ['https://x.example/results/', [], ['url:search']],
    ['https://x.example/finder', [], []],
    ['https://x.example/x?Q=1', [], ['url:search']],
    ['https://x.example/x?a=1&keywords=b', [], ['url:search']],
    ['https://x.example/x?a=b?s=1', [], ['url:search']],
    ['https://x.example/x?qq=1&keyword', [], []],
    ['https://x.example/a-long-story-slug-here?q=1', ['url:slug'], []], // a slug: the query is tracking, not a search
    ['https://x.example/Login.php', [], ['url:account']],
    ['https://x.example/auth.login', [], ['url:account']],
    ['https://x.example/foo.login', [], []],
    ['https://x.example/sign-in/', [], ['url:account']],
    ['https://x.example/viewtopic.php', [], ['url:forum']],
    ['https://x.example/community/threads/x', [], ['url:forum']],
    ['https://x.example/boardroom', [], []],
  ])('%s', (url, signals, negative) => {
    expect(at(url)).toEqual({ signals, negative });
  });

  it('runs no regular expression', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    const test = vi.spyOn(RegExp.prototype, 'test');
    at('https://x.example/news/2024/05/a-long-story-slug-here?q=1');
    at('https://x.example/forums/login.php?search=x');
    expect(exec).not.toHaveBeenCalled();
    expect(test).not.toHaveBeenCalled();
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../lib/article/extract';

// Our own words throughout; each case is one furniture pattern around an ordinary article body.
const PARA = '<p>Officials said the talks in Kyiv would resume next week, after a pause that lasted most of the spring and left both sides frustrated with each other.</p>';
const BODY = PARA.repeat(4);

function texts(body: string, title = 'Talks in Kyiv resume next week | Site') {
  const doc = parseHTML(`<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`).document as unknown as Document;
  const r = extractArticle(doc, 'https://news.example/world/2025/06/08/talks-in-kyiv-resume');
  if (!r.detected) throw new Error('not detected');
  return r.blocks;
}

describe('furniture inside the article root', () => {
  it('drops reading-time stamps and separator datelines, keeps a dated sentence', () => {
    const blocks = texts(`<article><div>Jun 8, 2025 · 6 min read</div><p>Ledger | 08.06.2025 à 13h36 • Mis à jour le 09.06.2025 | Par Dana Whitfield</p>${BODY}<p>The talks began on 8 June 2025 in Geneva.</p></article>`);
    const all = blocks.map((b) => b.text);
    expect(all.some((t) => /min read|Mis à jour/.test(t))).toBe(false);
    expect(all).toContain('The talks began on 8 June 2025 in Geneva.');
  });

  it('drops the leftovers of a teaser widget whose box is all links, keeps a short line among paragraphs', () => {
    const teaser = (n: number) => `<div class="item"><a href="https://ads.example/${n}">A remarkable gadget everyone is buying this season ${n}</a><div>Undo</div></div>`;
    const blocks = texts(`<article>${BODY}<div class="widget">${teaser(1)}${teaser(2)}${teaser(3)}</div><div><div>ADVERTISING</div><div><a href="https://ads.example/x">Brought to you by someone</a></div></div><p>He declined.</p>${PARA}</article>`);
    const all = blocks.map((b) => b.text);
    expect(all).not.toContain('Undo');
    expect(all).not.toContain('ADVERTISING');
    expect(all).toContain('He declined.');
  });

  it('keeps a plain item in a list of links and a plain cell in a row of links', () => {
    const list = '<ul><li><a href="/x">Earlier talks</a></li><li><a href="/y">The 2022 accords</a></li><li>Winter 2024, a failed round of talks</li></ul>';
    const table = '<table><tr><td>1997</td><td><a href="/z">The first agreement on the border crossings</a></td></tr></table>';
    const all = texts(`<article>${BODY}<h2>Background</h2>${list}${table}</article>`).map((b) => b.text);
    expect(all).toContain('Winter 2024, a failed round of talks');
    expect(all).toContain('1997');
  });
});

describe('headings', () => {
  it('keeps a heading whose link points into the page (a self-anchor)', () => {
    const blocks = texts(`<article>${PARA}<h2 id="s1"><a href="#s1">The first round</a></h2>${BODY}<h2 id="s2"><a href="#s2">The second round</a></h2>${BODY}</article>`);
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['The first round', 'The second round']);
  });

  it('still drops a heading that links away (a teaser headline)', () => {
    const blocks = texts(`<article>${BODY}<h3><a href="/world/other-story">Another story about the talks</a></h3></article>`);
    expect(blocks.some((b) => b.text === 'Another story about the talks')).toBe(false);
  });

  it('drops headings left with nothing under them, keeps a heading over a subsection', () => {
    const related = '<div class="box"><h3>Other people are reading</h3><ul><li><a href="/a">Story one about something</a></li><li><a href="/b">Story two about another thing</a></li></ul></div>';
    const blocks = texts(`<article>${BODY}${related}<h2>The second round</h2><h3>In Geneva</h3>${BODY}<h2>Featured</h2></article>`);
    const heads = blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(heads).toEqual(['The second round', 'In Geneva']);
  });

  it('drops the title of a box whose links were dropped, even when text follows it; keeps a heading beside a dropped dateline', () => {
    const related = '<div class="box"><header><h3>Other people are reading</h3></header><ul><li><a href="/a">Story one about something</a></li><li><a href="/b">Story two about another thing</a></li></ul></div>';
    const dated = '<div><h2>The second round</h2><div>Updated June 9, 2025 at 5:00 pm</div></div>';
    const heads = texts(`<article>${BODY}${related}${PARA}${dated}${BODY}</article>`).filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(heads).toEqual(['The second round']);
  });

  it('keeps a leading heading that opens the first section, drops the repeated headline and a kicker', () => {
    const blocks = texts(`<article><h4>World</h4><h1>Talks in Kyiv resume next week</h1><h2>Why the talks stalled</h2>${BODY}</article>`);
    expect(blocks[0]!.text).toBe('Why the talks stalled');
    expect(blocks[0]!.kind).toBe('heading');
    expect(blocks.some((b) => b.text === 'World' || b.text === 'Talks in Kyiv resume next week')).toBe(false);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../lib/article/extract';
import { articleGate } from '../lib/article/gate';
import { blockText } from '../lib/article/textmap';
import { pageBody } from '../lib/article/page-body';

const PAGES = path.resolve(__dirname, 'fixtures/pages');
const SHARED = path.resolve(__dirname, '../../shared/fixtures');

function load(file: string) {
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}
const urlFor = (name: string) => `http://localhost:8080/pages/${name}`;

describe('articleGate and extractArticle on non-articles', () => {
  it.each([
    ['home.html', 'html:many-articles'],
    ['search.html', 'form:search-in-main'],
    ['login.html', 'form:password'],
    ['forum.html', 'html:thread'],
  ])('%s stays idle (%s)', (name, why) => {
    const doc = load(path.join(PAGES, name));
    const gate = articleGate(doc, urlFor(name));
    expect(gate.likely).toBe(false);
    expect(gate.signals).toContain(`veto:${why}`);
    expect(extractArticle(doc, urlFor(name)).detected).toBe(false);
  });

  it('vetoes hold on a neutral URL too (no /search, /login, /forum in the path)', () => {
    for (const name of ['home.html', 'search.html', 'login.html', 'forum.html']) {
      expect(extractArticle(load(path.join(PAGES, name)), 'https://example.org/page/123').detected, name).toBe(false);
    }
  });
});

describe('own-seed.html', () => {
  const doc = load(path.join(PAGES, 'own-seed.html'));
  const url = 'https://ledger.example/world/2025/06/08/trump-putin-call';
  const r = extractArticle(doc, url);

  it('passes the gate with metadata signals', () => {
    const gate = articleGate(doc, url);
    expect(gate.likely).toBe(true);
    expect(gate.signals).toEqual(expect.arrayContaining(['json-ld:NewsArticle', 'og:article', 'url:date']));
  });

  it('yields metadata', () => {
    if (!r.detected) throw new Error('not detected');
    expect(r.input).toMatchObject({
      title: "Trump and Putin talk for an hour as Kyiv's drone raid on bomber bases reverberates",
      byline: 'Dana Whitfield', date: '2025-06-08', lang: 'en', siteName: 'The Daily Ledger', kind: 'news',
    });
  });

  it('yields exactly the article blocks, with sections', () => {
    if (!r.detected) throw new Error('not detected');
    const blocks = r.input.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(blocks[0]!.text.startsWith('Donald Trump said on Wednesday')).toBe(true);
    expect(blocks.at(-1)!.text.startsWith('An hour on the phone is not a strategy.')).toBe(true);
    expect(blocks.at(-1)!.section).toBe('What The Author Thinks');
    expect(blocks[4]!.section).toBe('Iran on the agenda');
    expect(blocks[0]!.section).toBeNull();
    const all = blocks.map((b) => b.text).join('\n');
    for (const junk of ['Share on', 'Featured image credit', '+Follow', 'newsletter', 'Trending', 'Markets rally', 'reader_one', 'All rights reserved', 'Photo: Ledger', 'Advertisement', 'Read more', 'By Dana']) {
      expect(all).not.toContain(junk);
    }
  });

  it('blocks point at live elements whose blockText is the block text', () => {
    if (!r.detected) throw new Error('not detected');
    r.blocks.forEach((b, i) => {
      expect(blockText(b.element)).toBe(b.text);
      expect(r.input.blocks[i]!.text).toBe(b.text);
      expect(doc.contains(b.element)).toBe(true);
    });
  });
});

describe('metadata and kind', () => {
  const page = (head: string, path = '/news/2025/06/08/story') => {
    const body = '<article><h1>T</h1>' + '<p>Officials said the talks in Kyiv would resume next week, after a pause that lasted most of the spring and left both sides frustrated with each other.</p>'.repeat(4) + '</article>';
    const doc = parseHTML(`<!doctype html><html lang="en-GB"><head><title>Talks in Kyiv resume next week | Site</title>${head}</head><body>${body}</body></html>`).document as unknown as Document;
    return extractArticle(doc, `https://news.example${path}`);
  };
  it.each([
    ['json-ld OpinionNewsArticle', '<script type="application/ld+json">{"@context":"https://schema.org","@type":["OpinionNewsArticle"],"headline":"H"}</script>', '/x/2025/06/08/y', 'opinion', 'json-ld:OpinionNewsArticle'],
    ['@graph AnalysisNewsArticle', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"AnalysisNewsArticle","headline":"H"}]}</script>', '/x/2025/06/08/y', 'analysis', 'json-ld:AnalysisNewsArticle'],
    ['URL /opinion/', '<meta property="og:type" content="article">', '/opinion/2025/06/08/y', 'opinion', 'url:/opinion/'],
    ['article:section', '<meta property="og:type" content="article"><meta property="article:section" content="Opinion">', '/x/2025/06/08/y', 'opinion', 'meta:article:section=Opinion'],
    ['plain news', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>', '/x/2025/06/08/y', 'news', 'json-ld:NewsArticle'],
  ])('%s', (_n, head, p, kind, signal) => {
    const r = page(head, p);
    if (!r.detected) throw new Error('not detected');
    expect(r.input.kind).toBe(kind);
    expect(r.input.kindSignals).toContain(signal);
    expect(r.input.kindReasons.length).toBeGreaterThan(0);
  });

  it('dates: JSON-LD, meta, <time>, then URL', () => {
    const ld = page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-02T10:00:00+01:00"}</script>');
    const meta = page('<meta property="article:published_time" content="2023-11-05T08:00:00Z">');
    const url = page('', '/news/2021/7/4/independence');
    expect(ld.detected && ld.input.date).toBe('2024-03-02');
    expect(meta.detected && meta.input.date).toBe('2023-11-05');
    expect(url.detected && url.input.date).toBe('2021-07-04');
    expect(ld.detected && ld.input.lang).toBe('en-GB');
    expect(ld.detected && ld.input.title).toBe('Talks in Kyiv resume next week');
  });
});

describe.skipIf(!existsSync(SHARED))('reference scenario in ../shared/fixtures (skipped when ../shared is absent)', () => {
  const text = existsSync(SHARED) ? readFileSync(path.join(SHARED, 'seed-article.txt'), 'utf8') : '';
  // The plain text keeps the page's credit line and "+Follow" box; those are not article text.
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && !/^Featured image credit|\+Follow button/.test(p));

  it.each(['seed-article.html', 'seed-article-bare.html'])('%s yields the article paragraphs and the opinion heading', (name) => {
    const r = extractArticle(load(path.join(SHARED, name)), 'https://news.example/world/story');
    if (!r.detected) throw new Error(`not detected: ${r.signals.join(', ')}`);
    const got = r.input.blocks.map((b) => b.text);
    // Every paragraph of the plain text is a block (a run-in heading may share a block).
    for (const p of paragraphs) expect(got.some((g) => g === p || g.endsWith(p) || p.endsWith(g)), p.slice(0, 40)).toBe(true);
    for (const junk of ['Featured image credit', '+Follow', 'Trending', 'Stocks close', 'All rights reserved', 'Home']) {
      expect(got.join('\n')).not.toContain(junk);
    }
    const last = r.input.blocks.at(-1)!;
    expect(last.section).toBe('What The Author Thinks');
    expect(r.input.blocks.some((b) => b.section === 'Iran Nuclear Talks')).toBe(true);
  });

  it.each(['seed-article.html', 'seed-article-bare.html'])('%s passes the gate on a neutral URL (the content script asks the gate first)', (name) => {
    const gate = articleGate(load(path.join(SHARED, name)), 'https://example.org/page/1');
    expect(gate.likely, gate.signals.join(', ')).toBe(true);
  });

  it('seed-article.html metadata', () => {
    const r = extractArticle(load(path.join(SHARED, 'seed-article.html')), 'https://news.example/world/story');
    if (!r.detected) throw new Error('not detected');
    expect(r.input.date).toBe('2025-06-08');
    expect(r.input.title).toMatch(/^Trump says Putin vowed retaliation/);
    expect(r.input.kind).toBe('news');
    expect(r.input.siteName).toBe('World News');
  });
});

describe('block structure', () => {
  const PARA = '<p>Officials said the talks in Kyiv would resume next week, after a pause that lasted most of the spring and left both sides frustrated with each other.</p>';
  const extract = (body: string) => {
    const doc = parseHTML(`<!doctype html><html lang="en"><head><title>Talks resume | Site</title></head><body>${body}</body></html>`).document as unknown as Document;
    const r = extractArticle(doc, 'https://news.example/world/2025/06/08/talks-in-kyiv-resume');
    if (!r.detected) throw new Error('not detected');
    return r.blocks;
  };

  it('keeps a sentence-long leading heading (standfirst) as a paragraph, drops a short kicker', () => {
    const blocks = extract(`<article><h3>World</h3><h2>Negotiators from both countries are expected to meet in Geneva on Tuesday for the first time since March.</h2>${PARA.repeat(4)}</article>`);
    expect(blocks[0]!.text).toMatch(/^Negotiators from both/);
    expect(blocks[0]!.kind).toBe('paragraph');
    expect(blocks.some((b) => b.text === 'World')).toBe(false);
  });

  it('keeps a link-free label before its block ("<span>Step 1</span><p>…") as a heading', () => {
    const step = (n: number) => `<div><span class="label">Step ${n}</span>${PARA}</div>`;
    const blocks = extract(`<article>${step(1)}${step(2)}${step(3)}${step(4)}</article>`);
    const labels = blocks.filter((b) => /^Step \d$/.test(b.text));
    expect(labels.map((b) => b.kind)).toEqual(['heading', 'heading', 'heading', 'heading']);
    expect(blocks.find((b) => b.kind === 'paragraph')!.section).toBe('Step 1');
  });

  it('keeps a long list of linked items (references) but drops a short linked "related" list', () => {
    const refs = Array.from({ length: 6 }, (_, i) => `<li><a href="/r${i}">Report number ${i} on the talks</a>. Ledger.</li>`).join('');
    const related = '<ul><li><a href="/a">Another story about Kyiv</a></li><li><a href="/b">And one more story</a></li></ul>';
    const blocks = extract(`<article>${PARA.repeat(4)}${related}<h2>References</h2><ol>${refs}</ol></article>`);
    expect(blocks.filter((b) => b.kind === 'list-item').map((b) => b.text)).toEqual(Array.from({ length: 6 }, (_, i) => `Report number ${i} on the talks. Ledger.`));
  });

  it('keeps a list item whose text is loose beside an empty <p> (mixed markup)', () => {
    const blocks = extract(`<article>${PARA.repeat(4)}<ul><li> "Right on, exactly my experience." <i>(about a third)</i><p></p></li><li> "Fix it yourself."<p></p></li></ul></article>`);
    expect(blocks.filter((b) => b.kind === 'list-item').map((b) => b.text)).toEqual(['"Right on, exactly my experience." (about a third)', '"Fix it yourself."']);
  });

  it('counts CJK characters fairly: a Chinese article with short paragraphs is detected', () => {
    const zh = '<p>外交部发言人周三表示，双方代表团将于下周在日内瓦恢复会谈，这是自三月以来的首次正式接触，各方对此表示谨慎乐观。</p>';
    const doc = parseHTML(`<!doctype html><html lang="zh"><head><title>会谈下周恢复</title></head><body><div class="story">${zh.repeat(5)}</div></body></html>`).document as unknown as Document;
    const url = 'https://news.example/world/2025/06/08/talks';
    expect(articleGate(doc, url).likely).toBe(true);
    const r = extractArticle(doc, url);
    expect(r.detected).toBe(true);
    if (r.detected) expect(r.blocks).toHaveLength(5);
  });

  it('does not merge a container whose "loose" text is spans wrapping blocks into one block', () => {
    const wrapped = `<span><span><div class="step"><div>${PARA}</div></div></span></span>`;
    const blocks = extract(`<article><div>${PARA}</div>${wrapped.repeat(4)}</article>`);
    expect(blocks).toHaveLength(5);
    expect(blocks.every((b) => b.element.tagName === 'P')).toBe(true);
  });
});

describe('fails soft when the page is odd', () => {
  const PARAS = [
    'The harbour board voted on Monday to close the old ferry pier for repairs, a decision that will reroute about two thousand commuters for most of the winter.',
    'Engineers found that two of the pier\'s timber piles had rotted through, and the board said it could not risk another season of heavy crossings on them.',
    'Commuters will be carried by bus to the northern terminal instead, which adds about twenty minutes to the journey, according to the board\'s own estimate.',
    'The repairs are expected to cost about four million, shared between the city and the regional transport fund, which approved its part last week.',
  ];
  const url = 'https://news.example/local/2025/11/03/ferry-pier-closes-for-repairs';

  it('finds the story when the parser left it outside <body> (content before <head>)', () => {
    // linkedom keeps this as html > [head, body (empty), div, head, body]; browsers merge it.
    const html = `<!doctype html><html lang="en"><div class="stamp"></div><head><title>Ferry pier closes</title><meta property="og:type" content="article"></head>
      <body><div id="page"><article>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></div></body></html>`;
    const doc = parseHTML(html).document as unknown as Document;
    const r = extractArticle(doc, url);
    expect(r.detected).toBe(true);
    if (r.detected) expect(r.input.blocks.map((b) => b.text)).toEqual(PARAS);
  });

  it('keeps a story whose container carries a furniture word in its id, and leaves a gallery of captions out', () => {
    // The story's wrapper is named after a share widget; a long photo gallery sits beside it.
    const slides = Array.from({ length: 30 }, (_, i) => `<li><h2>${i + 1}/30 Pier at dawn</h2><p>Photo ${i + 1} of the old pier: workers lift a rotten pile onto a barge while gulls circle, seen from the northern breakwater at low tide.</p></li>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Ferry pier closes</title><meta property="og:type" content="article"></head><body>
      <article><div id="share-btns-2_containerParent" class="text-wrapper">${PARAS.map((p) => `<p>${p}</p>`).join('')}
      <div class="gallery"><ul class="legends">${slides}</ul></div></div></article></body></html>`;
    const r = extractArticle(parseHTML(html).document as unknown as Document, url);
    expect(r.detected).toBe(true);
    if (r.detected) expect(r.input.blocks.map((b) => b.text)).toEqual(PARAS);
  });

  it('still skips a small share box', () => {
    const html = `<!doctype html><html lang="en"><head><title>Ferry pier closes</title><meta property="og:type" content="article"></head><body>
      <article>${PARAS.map((p) => `<p>${p}</p>`).join('')}<div class="share-bar"><p>Share this story with a friend who takes the ferry every single morning, they will want to know.</p></div></article></body></html>`;
    const r = extractArticle(parseHTML(html).document as unknown as Document, url);
    if (!r.detected) throw new Error('not detected');
    expect(r.input.blocks.map((b) => b.text)).toEqual(PARAS);
  });
});

describe('a page wrapped in one <form> (ASP.NET WebForms)', () => {
  const PARAS = [
    'The county fair opened on Friday with a record number of entries in the livestock tent, where judges worked late into the evening to get through them all.',
    'Organisers said the new timetable, which moves the tractor parade to the morning, had drawn families who used to arrive only after lunch on the first day.',
    'Stallholders reported brisk trade despite the wind, and the pie competition was won for the third year running by a baker from the next valley over.',
    'The fair runs until Monday evening, when the fireworks that were cancelled last year because of the drought are due to return over the lake.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>County fair opens</title><meta property="og:type" content="article"></head><body>
    <form id="mainForm" action="/default.aspx" method="post"><input type="hidden" name="__VIEWSTATE" value="x">
      <div class="top"><input type="search" name="q"><button>Search</button></div>
      <div class="story"><h1>County fair opens</h1><div class="byline">By Robin Marsh</div>
        ${PARAS.map((p) => `<p>${p}</p>`).join('')}
        <form class="signup"><p>Get the fair's daily schedule in your inbox every morning of the week, free of charge.</p><input type="email"></form>
      </div>
    </form></body></html>`;
  const url = 'https://news.example/local/2025/08/15/county-fair-opens';

  it('detects and extracts the story inside the page form, leaving a small sign-up form out', () => {
    const doc = parseHTML(html).document as unknown as Document;
    expect(articleGate(doc, url).likely).toBe(true);
    const r = extractArticle(doc, url);
    if (!r.detected) throw new Error('not detected');
    expect(r.input.blocks.map((b) => b.text)).toEqual(PARAS);
    expect(r.input.byline).toBe('By Robin Marsh');
  });
});

describe('a story split over sibling boxes', () => {
  const say = (topic: string, i: number) => `<p>The council's report on ${topic} ran to ninety pages, and its ${i === 0 ? 'first' : 'next'} chapter argued that the town had underspent on maintenance for most of a decade, leaving repairs to pile up.</p>`;
  const deep = (html: string, levels: number): string => (levels === 0 ? html : `<div>${deep(html, levels - 1)}</div>`);
  const extract = (body: string) => {
    const doc = parseHTML(`<!doctype html><html lang="en"><head><title>Council report</title><meta property="og:type" content="article"></head><body>${body}</body></html>`).document as unknown as Document;
    const r = extractArticle(doc, 'https://news.example/local/2025/11/03/council-report-on-roads');
    if (!r.detected) throw new Error('not detected');
    return r.input.blocks.map((b) => b.text);
  };
  const lead = [say('roads', 0), say('bridges', 1)].join('');
  const rest = ['drains', 'parks', 'schools', 'libraries', 'pools', 'halls'].map((t, i) => say(t, i + 1)).join('');

  it('takes the lead box beside the box whose wrapper holds the body, even with no class names', () => {
    // lead | wrapper > (body nested 6 deep + an ad label)
    const texts = extract(`<div><div>${deep(lead, 2)}</div><div><div>${deep(rest, 6)}</div><div><span>Advertisement</span></div></div></div>`);
    expect(texts).toHaveLength(8);
    expect(texts[0]).toMatch(/report on roads/);
    expect(texts[7]).toMatch(/report on halls/);
  });

  it('does not take a sibling comment thread (it has a reply form)', () => {
    const comments = `<div><form><textarea></textarea></form>${['one', 'two', 'three'].map((w) => `<div><p>Reader ${w} wrote that the potholes near the school are far worse than this report lets on and that the council should have fixed them years ago instead of commissioning studies.</p></div>`).join('')}</div>`;
    const texts = extract(`<div><div>${deep(rest, 6)}</div>${comments}</div>`);
    expect(texts).toHaveLength(6);
    expect(texts.some((t) => /Reader/.test(t))).toBe(false);
  });

  it('does not look for more of the story outside its <article>', () => {
    const outside = `<div>${deep(say('elsewhere', 1) + say('another town', 1), 1)}</div>`;
    const texts = extract(`<div><article><div>${deep(rest, 1)}</div><div>Share</div></article>${outside}</div>`);
    expect(texts).toHaveLength(6);
    expect(texts.some((t) => /elsewhere|another town/.test(t))).toBe(false);
  });
});

describe('the publisher\'s declared text (JSON-LD articleBody) as a check on the root', () => {
  const PARAS = [
    'The harbour board voted on Monday to close the old ferry pier for repairs, a decision that will reroute about two thousand commuters for most of the winter.',
    "Engineers found that two of the pier's timber piles had rotted through, and the board said it could not risk another season of heavy crossings on them.",
    "Commuters will be carried by bus to the northern terminal instead, which adds about twenty minutes to the journey, according to the board's own estimate.",
    'The repairs are expected to cost about four million, shared between the city and the regional transport fund, which approved its part last week.',
  ];
  // A box of teaser summaries (links only on their headlines, commas galore) outscores the
  // story, and sits too far from it for the story to be taken in as a sibling.
  const teasers = Array.from({ length: 12 }, (_, i) => `<div><h3><a href="/story/${i}">Story number ${i}</a></h3><p>In other news, on day ${i}, the market, the school board, the library and the swimming pool all reported, in turn, that business was slow, quiet, and, on the whole, unremarkable.</p></div>`).join('');
  const page = (ld: string) => `<!doctype html><html lang="en"><head><title>Ferry pier closes</title>${ld}</head><body><div>
    <div><div><div><div>${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></div></div></div>
    <div><hr><div><hr><div><hr><div>${teasers}</div></div></div></div></div></body></html>`;
  const texts = (html: string) => {
    const r = extractArticle(parseHTML(html).document as unknown as Document, 'https://news.example/local/2025/11/03/ferry-pier-closes-for-repairs', { force: true });
    if (!r.detected) throw new Error('not detected');
    return r.input.blocks.map((b) => b.text);
  };

  it('without it, the teaser box wins (the failure the check exists for)', () => {
    expect(texts(page('')).every((t) => t.startsWith('In other news'))).toBe(true);
  });

  it('with it, the blocks that are the declared text show where the story is', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Ferry pier closes', articleBody: PARAS.join(' ') })}</script>`;
    expect(texts(page(ld))).toEqual(PARAS);
  });

  it('a short declared body (a summary) is not used as a check', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Ferry pier closes', articleBody: PARAS[0] })}</script>`;
    expect(texts(page(ld)).every((t) => t.startsWith('In other news'))).toBe(true);
  });
});

describe('pageBody', () => {
  it('keeps a body with content as the root when something else hangs on <html>', () => {
    const doc = parseHTML('<!doctype html><html><head><title>x</title></head><body><p>' + 'Plenty of article text here. '.repeat(20) + '</p></body></html>').document as unknown as Document;
    doc.documentElement.appendChild(doc.createElement('div'));
    expect(pageBody(doc)).toBe(doc.body);
  });

  it('walks the whole document when the parser left the body empty and the content beside it', () => {
    const doc = parseHTML('<!doctype html><html><div></div><head><title>x</title></head><body><p>Text.</p></body></html>').document as unknown as Document;
    expect(pageBody(doc)).toBe(doc.documentElement);
  });
});

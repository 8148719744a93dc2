/**
 * Generated article pages for the browser benches: the shape of our own seed fixture (metadata,
 * header, body, furniture) with a body of `words` words of our own prose, written around names the
 * default pack knows, so the linker and the opinion model have real work on every paragraph.
 */
const NAMES = [
  ['Emmanuel Macron', 'Macron'], ['Olaf Scholz', 'Scholz'], ['Volodymyr Zelenskyy', 'Zelenskyy'], ['Vladimir Putin', 'Putin'],
  ['Keir Starmer', 'Starmer'], ['Ursula von der Leyen', 'von der Leyen'], ['Xi Jinping', 'Xi'], ['Narendra Modi', 'Modi'],
  ['Recep Tayyip Erdoğan', 'Erdoğan'], ['Giorgia Meloni', 'Meloni'], ['Pedro Sánchez', 'Sánchez'], ['Antonio Guterres', 'Guterres'],
];
const PLACES = ['Germany', 'France', 'Ukraine', 'Poland', 'Brussels', 'Berlin', 'Paris', 'Warsaw', 'Turkey', 'Italy', 'Spain', 'India', 'China'];
const BODIES = ['NATO', 'the European Union', 'the United Nations', 'the European Commission', 'the World Bank', 'the International Monetary Fund'];

const TEMPLATES: ((n: [string, string], m: [string, string], p: string, q: string, b: string) => string)[] = [
  (n, m, p, _q, b) => `${n[0]} met ${m[0]} in ${p} on Tuesday for talks that officials from ${b} described as long, detailed and at times difficult.`,
  (n, _m, p, q) => `Speaking to reporters afterwards, ${n[1]} said the two sides had agreed to keep working on a plan for ${p} and ${q}, but gave no date for a further meeting.`,
  (_n, m, p, _q, b) => `Diplomats in ${p} said the proposal would need the backing of ${b} before it could go further, and that ${m[1]} was unlikely to sign anything this month.`,
  (n, m) => `The meeting came a week after ${m[1]} criticised ${n[1]} in a speech, calling the earlier offer "a list of wishes rather than a plan".`,
  (_n, _m, p, q) => `Trade between ${p} and ${q} has fallen by almost a fifth over the past year, according to figures published on Monday by the national statistics office.`,
  (n) => `This is a moment for courage, not caution. ${n[1]} should stop hedging and say plainly what the government is willing to give up, because voters deserve better than slogans.`,
  (_n, m, p) => `Farmers protesting outside the parliament in ${p} blocked two main roads for several hours, and police said 14 people had been detained by the evening. ${m[1]} did not comment.`,
  (n, m, _p, q, b) => `A spokesperson for ${b} said ${n[0]} and ${m[0]} would both attend the summit in ${q} next month, where energy prices and the war in Ukraine are expected to dominate.`,
];

export function articleParagraphs(words: number): string[] {
  const out: string[] = [];
  let count = 0, i = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let k = 0; k < 3; k++, i++) {
      const t = TEMPLATES[i % TEMPLATES.length]!;
      const s = t(NAMES[i % NAMES.length] as [string, string], NAMES[(i * 5 + 3) % NAMES.length] as [string, string], PLACES[i % PLACES.length]!, PLACES[(i * 7 + 2) % PLACES.length]!, BODIES[i % BODIES.length]!);
      sentences.push(s);
    }
    const p = sentences.join(' ');
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articleHtml(words: number): string {
  const title = `Leaders meet again as talks on Ukraine drag on (${words.toLocaleString('en')} words)`;
  const paras = articleParagraphs(words);
  const body: string[] = [];
  paras.forEach((p, i) => {
    if (i > 0 && i % 12 === 0) body.push(`<h2>Part ${i / 12 + 1}</h2>`);
    body.push(`<p>${esc(p)}</p>`);
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | The Daily Ledger</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="${esc(title)}"><meta property="article:published_time" content="2025-06-10T08:00:00Z">
<meta name="author" content="Dana Whitfield"></head>
<body><header><a href="/">The Daily Ledger</a> <nav><a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>${esc(title)}</h1><p class="byline">By Dana Whitfield · <time datetime="2025-06-10T08:00:00Z">June 10, 2025</time></p>
<div class="story-body">${body.join('\n')}</div></article>
<aside><h2>Trending</h2><ul><li><a href="/a">Markets rally for a third day</a></li><li><a href="/b">Storms expected this weekend</a></li></ul></aside></main>
<footer>© 2025 The Daily Ledger</footer></body></html>`;
}

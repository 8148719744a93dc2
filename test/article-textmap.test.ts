import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { blockOffsetOf, blockText, buildTextMap, pointsForOffsets, rangeForOffsets } from '../lib/article/textmap';

function block(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="b">${html}</div></body></html>`);
  return document.getElementById('b')!;
}

/** Text the points cover, read back from the live nodes (what a Range would stringify to). */
function coveredText(el: Element, start: number, end: number): string {
  const pts = pointsForOffsets(el, start, end)!;
  const map = buildTextMap(el);
  const nodes = map.spans.map((s) => s.node);
  const a = nodes.indexOf(pts.startNode), b = nodes.indexOf(pts.endNode);
  if (a === b) return pts.startNode.data.slice(pts.startOffset, pts.endOffset);
  let s = pts.startNode.data.slice(pts.startOffset);
  for (let i = a + 1; i < b; i++) s += nodes[i]!.data;
  return s + pts.endNode.data.slice(0, pts.endOffset);
}

describe('blockText', () => {
  it.each([
    ['plain', 'Hello world', 'Hello world'],
    ['collapses whitespace', '  Hello \n\t  world  ', 'Hello world'],
    ['inline markup', 'The <b>Kremlin</b> <a href="#">said</a>.', 'The Kremlin said.'],
    ['br separates words', 'one<br>two', 'one two'],
    ['skips script/style/noscript', 'a<script>var x</script> b<style>p{}</style><noscript>n</noscript>', 'a b'],
    ['skips hidden', 'a <span hidden>x</span><span aria-hidden="true">y</span><span style="display: none">z</span>b', 'a b'],
    ['keeps nbsp as space', 'a&nbsp;&nbsp;b', 'a b'],
  ])('%s', (_name, html, want) => {
    expect(blockText(block(html))).toBe(want);
  });
});

describe('offset maps', () => {
  const el = block('  President <b>Volodymyr   Zelenskyy</b>\n said <i>on</i>Tuesday<br>that <span hidden>secret</span>Kyiv would hold. ');
  const text = blockText(el);

  it('buildTextMap text equals blockText', () => {
    expect(buildTextMap(el).text).toBe(text);
    expect(text).toBe('President Volodymyr Zelenskyy said onTuesday that Kyiv would hold.');
  });

  it.each(['President', 'Volodymyr Zelenskyy', 'Zelenskyy said', 'onTuesday', 'Kyiv', 'hold.'])('points cover "%s"', (word) => {
    const i = text.indexOf(word);
    expect(coveredText(el, i, i + word.length).replace(/\s+/g, ' ')).toBe(word);
  });

  it('rejects out-of-range offsets', () => {
    expect(pointsForOffsets(el, -1, 3)).toBeNull();
    expect(pointsForOffsets(el, 3, 3)).toBeNull();
    expect(pointsForOffsets(el, 0, text.length + 1)).toBeNull();
    // linkedom's Range cannot setStart: rangeForOffsets says so with null instead of throwing.
    expect(() => rangeForOffsets(el, 0, 4)).not.toThrow();
  });

  it('blockOffsetOf maps a caret back to the block offset', () => {
    const map = buildTextMap(el);
    for (const word of ['Zelenskyy', 'Kyiv', 'Tuesday']) {
      const i = text.indexOf(word);
      const pts = pointsForOffsets(el, i, i + word.length)!;
      expect(blockOffsetOf(el, pts.startNode, pts.startOffset, map)).toBe(i);
    }
    const foreign = block('x').firstChild as Text;
    expect(blockOffsetOf(el, foreign, 0)).toBeNull();
  });
});

describe('offset maps on whitespace-heavy markup (runs of raw offsets, #8)', () => {
  // Seeded: the same blocks every run.
  let seed = 11;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const bits = ['a', 'bc', ' ', '  ', '\n ', '\t', 'Déjà', '&nbsp;', '<b>', '</b>', '<br>', '<i>x</i>', '<span hidden>h</span>', ' <em> q </em> ', 'word', 'zz '];
  it('every character maps to its own character in a live node, and every caret maps back', () => {
    let checked = 0;
    for (let t = 0; t < 300; t++) {
      let html = '';
      for (let i = 0, n = 1 + Math.floor(rnd() * 25); i < n; i++) html += bits[Math.floor(rnd() * bits.length)];
      const el = block(html);
      const map = buildTextMap(el);
      expect(map.text).toBe(blockText(el));
      for (let k = 0; k < map.text.length; k++) {
        const pts = pointsForOffsets(el, k, k + 1, map)!;
        expect(pts).not.toBeNull();
        const ch = pts.startNode.data.charAt(pts.startOffset);
        // Every visible character is itself (a collapsed space comes from whitespace or, at a
        // <br> or block boundary, sits at the next node's first character).
        if (map.text[k] !== ' ') expect(ch).toBe(map.text[k]);
        expect(pts.endNode === pts.startNode ? pts.endOffset : 1).toBeGreaterThan(pts.startNode === pts.endNode ? pts.startOffset : 0);
        if (map.text[k] !== ' ') expect(blockOffsetOf(el, pts.startNode, pts.startOffset, map)).toBe(k);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

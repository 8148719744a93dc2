/**
 * From a PageReport back to the live page: each entity mention (paragraph + UTF-16 offsets into
 * blockText) becomes DOM points/Range over the block's current text nodes, and each opinion flag
 * becomes the block itself. Mentions whose text no longer matches the page (it changed since
 * extraction) are skipped rather than drawn in the wrong place.
 *
 *   blocks[i].element  ──buildTextMap──►  text + per-Text-node spans
 *   mention {paragraph:i, start, end}  ──pointsForOffsets──►  (Text, offset)…(Text, offset)
 */
import { buildTextMap, pointsForOffsets, type TextMap, type TextPoints } from '../article/textmap';
import type { LinkedEntity, PageReport } from '../report';

export interface MentionTarget {
  entity: LinkedEntity;
  paragraph: number;
  start: number;
  end: number;
  points: TextPoints;
  /** Live range over the points; null where the DOM cannot make ranges (e.g. linkedom). */
  range: Range | null;
}

export interface BlockRef {
  element: Element;
}

/** Mentions of the report grouped by paragraph, with their entity, in document order. */
export function mentionsByParagraph(report: PageReport): Map<number, { entity: LinkedEntity; start: number; end: number; text: string }[]> {
  const out = new Map<number, { entity: LinkedEntity; start: number; end: number; text: string }[]>();
  for (const entity of report.entities) {
    for (const m of entity.mentions) {
      let list = out.get(m.paragraph);
      if (!list) out.set(m.paragraph, (list = []));
      list.push({ entity, start: m.start, end: m.end, text: m.text });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

export function rangeOf(doc: Document, p: TextPoints): Range | null {
  if (typeof doc.createRange !== 'function') return null;
  try {
    const r = doc.createRange();
    if (typeof r.setStart !== 'function') return null;
    r.setStart(p.startNode, p.startOffset);
    r.setEnd(p.endNode, p.endOffset);
    return r;
  } catch {
    return null;
  }
}

/** Map one block's mentions; `map` is the block's current text map. */
export function mapBlock(
  doc: Document,
  paragraph: number,
  element: Element,
  mentions: { entity: LinkedEntity; start: number; end: number; text: string }[],
  map: TextMap = buildTextMap(element),
): MentionTarget[] {
  const out: MentionTarget[] = [];
  let lastEnd = -1;
  for (const m of mentions) {
    if (m.start < lastEnd) continue; // overlapping mentions: keep the first (longest at that start)
    if (map.text.slice(m.start, m.end) !== m.text) continue;
    const points = pointsForOffsets(element, m.start, m.end, map);
    if (!points) continue;
    out.push({ entity: m.entity, paragraph, start: m.start, end: m.end, points, range: rangeOf(doc, points) });
    lastEnd = m.end;
  }
  return out;
}

/**
 * Map all mentions of the report onto the blocks. `pause` is awaited between chunks of blocks so
 * a long article does not block the page's main thread.
 */
export async function mapMentions(
  doc: Document,
  report: PageReport,
  blocks: BlockRef[],
  pause: () => Promise<void> = async () => {},
  signal?: AbortSignal,
): Promise<{ targets: MentionTarget[]; maps: Map<number, TextMap> }> {
  const byPara = mentionsByParagraph(report);
  const targets: MentionTarget[] = [];
  const maps = new Map<number, TextMap>();
  let since = Date.now();
  for (const [paragraph, mentions] of [...byPara].sort((a, b) => a[0] - b[0])) {
    if (signal?.aborted) break;
    const block = blocks[paragraph];
    if (!block) continue;
    const map = buildTextMap(block.element);
    maps.set(paragraph, map);
    targets.push(...mapBlock(doc, paragraph, block.element, mentions, map));
    if (Date.now() - since > 8) {
      await pause();
      since = Date.now();
    }
  }
  return { targets, maps };
}

/** Paragraph indexes flagged as opinion. */
export function opinionParagraphs(report: PageReport): number[] {
  return report.opinion.filter((f) => f.label === 'opinion').map((f) => f.paragraph);
}

/** Ranges covering whole opinion blocks. */
export function opinionRanges(doc: Document, report: PageReport, blocks: BlockRef[]): Range[] {
  const out: Range[] = [];
  for (const i of opinionParagraphs(report)) {
    const el = blocks[i]?.element;
    if (!el || typeof doc.createRange !== 'function') continue;
    try {
      const r = doc.createRange();
      r.selectNodeContents(el);
      out.push(r);
    } catch {
      /* linkedom or a detached block: nothing to draw */
    }
  }
  return out;
}

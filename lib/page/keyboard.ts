/**
 * Keyboard access to linked names (opt-in `keyboardLinks` setting): each mention that sits in a
 * single text node is wrapped in `<span data-backstory-mention tabindex="0">` — the one DOM
 * change Backstory ever makes to a page, undone exactly by `unwrapMentions`.
 *
 *   before: "…said Putin on…"          (one Text node)
 *   after:  "…said " <span data-backstory-mention tabindex=0>"Putin"</span> " on…"
 */
import type { MentionTarget } from './mentions';

export const MENTION_ATTR = 'data-backstory-mention';

export interface Wrap {
  span: HTMLElement;
  before: Text;
  after: Text;
  target: MentionTarget;
}

/** Text.splitText, or its equivalent where the DOM lacks it (linkedom in tests). */
function split(node: Text, offset: number): Text {
  if (typeof node.splitText === 'function') return node.splitText(offset);
  const rest = node.ownerDocument.createTextNode(node.data.slice(offset));
  node.data = node.data.slice(0, offset);
  node.parentNode!.insertBefore(rest, node.nextSibling);
  return rest;
}

/** Wrap the given mentions (any order); returns the wraps in document order. */
export function wrapMentions(doc: Document, targets: MentionTarget[]): Wrap[] {
  // Last first: splitting a text node only disturbs offsets after the split point.
  const order = [...targets].sort((a, b) => b.paragraph - a.paragraph || b.start - a.start);
  const wraps: Wrap[] = [];
  for (const t of order) {
    const p = t.points;
    if (p.startNode !== p.endNode || !p.startNode.parentNode) continue;
    const node = p.startNode;
    if (p.endOffset > node.data.length || p.startOffset >= p.endOffset) continue;
    const mid = split(node, p.startOffset);
    const after = split(mid, p.endOffset - p.startOffset);
    const span = doc.createElement('span');
    span.setAttribute(MENTION_ATTR, '');
    span.tabIndex = 0;
    span.setAttribute('role', 'button');
    span.setAttribute('aria-haspopup', 'dialog');
    mid.parentNode!.insertBefore(span, mid);
    span.append(mid);
    wraps.push({ span, before: node, after, target: t });
  }
  return wraps.reverse();
}

/** Undo wrapMentions: text nodes merged back, spans gone. */
export function unwrapMentions(wraps: Wrap[]): void {
  for (const w of wraps) {
    const { span, before, after } = w;
    if (!span.parentNode) continue;
    if (before.parentNode === span.parentNode && before.nextSibling === span && after.previousSibling === span) {
      before.data += (span.textContent ?? '') + after.data;
      span.remove();
      after.remove();
    } else {
      span.replaceWith(...Array.from(span.childNodes));
    }
  }
}

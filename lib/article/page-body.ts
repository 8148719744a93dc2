/**
 * The element that holds the page's content, for the walks that look for the article and its
 * byline. In a browser that is always `document.body`: the HTML parser moves stray content
 * (a <div> before <head>, a second <body>) into the one body. linkedom, which the CLI, the
 * tests and the evals parse with, does not: such a page comes out as
 * html > [head, body (empty), div, head, body], and a walk of `document.body` finds nothing.
 * When the document element holds anything besides one head and the body, walk it whole
 * (head elements are skipped by the walks anyway).
 */
export function pageBody(doc: Document): Element | null {
  const body = doc.body;
  const html = doc.documentElement;
  if (!html) return body;
  let heads = 0;
  for (let c = html.firstElementChild; c; c = c.nextElementSibling) {
    if (c === body) continue;
    if (c.localName === 'head' && heads++ === 0) continue;
    return html;
  }
  return body;
}

import { collapsedLengthUpTo } from './walk';

/**
 * The element that holds the page's content, for the walks that look for the article and its
 * byline. In a browser that is always `document.body`: the HTML parser moves stray content
 * (a <div> before <head>, a second <body>) into the one body. linkedom, which the CLI, the
 * tests and the evals parse with, does not: such a page comes out as
 * html > [head, body (empty), div, head, body], and a walk of `document.body` finds nothing.
 * When the body is (nearly) empty and the document element holds more than one head and the
 * body, walk it whole (head elements are skipped by the walks anyway). A browser page whose
 * scripts or extensions hang an element on <html> keeps its body as the root.
 */
export function pageBody(doc: Document): Element | null {
  const body = doc.body;
  const html = doc.documentElement;
  if (!html || (body && collapsedLengthUpTo(body, EMPTY_BODY_TEXT) > EMPTY_BODY_TEXT)) return body;
  let heads = 0;
  for (let c = html.firstElementChild; c; c = c.nextElementSibling) {
    if (c === body) continue;
    if (c.localName === 'head' && heads++ === 0) continue;
    return html;
  }
  return body;
}

/** A body with at most this much text, beside other content, is the parser's empty shell. */
const EMPTY_BODY_TEXT = 200;

/** Collapsed text length above which a <form> is the page's wrapper, not a form box. */
const FORM_BOX_MAX_TEXT = 2000;

/**
 * A <form> that wraps the page's content rather than being a form box (search, sign-up, reply):
 * ASP.NET WebForms sites put the whole page, article included, inside one <form> right under
 * <body>. The walks skip a form as furniture only when it is neither that wrapper nor holding
 * much text; the length is read only as far as this decision needs.
 */
export function formWrapsContent(form: Element): boolean {
  const parent = form.parentElement;
  if (parent && parent.localName === 'body') return true;
  return collapsedLengthUpTo(form, FORM_BOX_MAX_TEXT) > FORM_BOX_MAX_TEXT;
}

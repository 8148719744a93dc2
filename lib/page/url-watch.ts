/**
 * Same-document URL changes (SPA navigation), for both halves of the content script: the eager
 * script until it hands over, then the article reader.
 *
 * The history API fires no event the isolated world can see, except through the Navigation API;
 * elsewhere the URL is compared now and then (as WXT's own location watcher does). Both only call
 * `onChange`, and the caller compares the URL itself, so events the page forges change nothing.
 */

/** Without the Navigation API, how often to look whether the page changed its URL. */
export const URL_POLL_MS = 1000;

/** Calls `onChange` on possible URL changes; returns a function that stops watching. */
export function watchUrl(onChange: () => void, win: typeof globalThis = globalThis): () => void {
  const nav = (win as { navigation?: EventTarget }).navigation;
  if (typeof nav?.addEventListener === 'function') {
    nav.addEventListener('currententrychange', onChange);
    return () => nav.removeEventListener('currententrychange', onChange);
  }
  const timer = setInterval(onChange, URL_POLL_MS);
  win.addEventListener('popstate', onChange);
  return () => {
    clearInterval(timer);
    win.removeEventListener('popstate', onChange);
  };
}

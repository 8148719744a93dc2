/**
 * V8's explicit compile hint for the article reader (issue #8). Chromium fetches the reader
 * (entrypoints/article-reader.ts, imported by the eager content script on likely articles) and
 * parses it on a background thread while it streams in, but V8 only pre-parses each function there
 * and compiles it on the page's main thread at its first call. Chromium does not keep a code cache
 * for it either (every traced load compiled again; none consumed one): on the 2,000-word article
 * the reader's first run compiled ~128 functions, 4.1–4.3 ms of main-thread CPU inside
 * extraction and drawing, on the path to the highlights.
 *
 * A file whose first line is `//# allFunctionsCalledOnLoad` is compiled whole, eagerly, by the
 * streaming parser (Chromium ≥ 136; other engines read a comment). Traced, the reader's lazy
 * compiles went from 128 to 3 per load. Only the reader: the eager script runs on every page,
 * is not streamed (content scripts compile on the main thread), and most pages never call most
 * of its functions.
 */
import type { Plugin } from 'vite';

export const ALL_FUNCTIONS_CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad';

/** The code with the hint as its first line (once: a second pass changes nothing). */
export function withCompileHint(code: string): string {
  return code.startsWith(ALL_FUNCTIONS_CALLED_ON_LOAD) ? code : `${ALL_FUNCTIONS_CALLED_ON_LOAD}\n${code}`;
}

/**
 * Puts the hint on the named output files (e.g. 'article-reader.js'). After minification
 * (generateBundle), which would drop a comment written in the source.
 */
export function eagerCompileHint(fileNames: readonly string[]): Plugin {
  const wanted = new Set(fileNames);
  return {
    name: 'backstory:eager-compile-hint',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk' && wanted.has(out.fileName)) out.code = withCompileHint(out.code);
      }
    },
  };
}

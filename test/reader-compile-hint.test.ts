/**
 * The build step that marks the article reader for eager compilation (lib/build/compile-hint-plugin.ts,
 * issue #8), on a bundle shaped like Vite's, and the plugin's place in the extension's build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_FUNCTIONS_CALLED_ON_LOAD, eagerCompileHint, withCompileHint } from '../lib/build/compile-hint-plugin';
import { CONTENT_REST_PATH } from '../lib/page/first-look';

type Chunk = { type: 'chunk'; fileName: string; code: string };
type Asset = { type: 'asset'; fileName: string; source: string };
const chunk = (fileName: string, code: string): Chunk => ({ type: 'chunk', fileName, code });

function run(names: string[], bundle: Record<string, Chunk | Asset>): void {
  const hook = eagerCompileHint(names).generateBundle as (this: unknown, o: unknown, b: unknown) => void;
  hook.call({}, {}, bundle);
}

describe('eager compile hint for the article reader', () => {
  it('puts the hint as the first line of the named file only', () => {
    const bundle = {
      'article-reader.js': chunk('article-reader.js', '(function(){function e(){}})();'),
      'content-gate.js': chunk('content-gate.js', '(function(){})();'),
      'chunks/popup-a.js': chunk('chunks/popup-a.js', 'export{};'),
      'assets/x.css': { type: 'asset', fileName: 'assets/x.css', source: 'a{}' } as Asset,
    };
    run(['article-reader.js'], bundle);
    expect(bundle['article-reader.js'].code).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\n(function(){function e(){}})();`);
    expect(bundle['article-reader.js'].code.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(bundle['content-gate.js'].code).toBe('(function(){})();');
    expect(bundle['chunks/popup-a.js'].code).toBe('export{};');
    expect(bundle['assets/x.css'].source).toBe('a{}');
  });

  it('adds the hint once, however often the step runs', () => {
    expect(withCompileHint(withCompileHint('x();'))).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}\nx();`);
  });

  it('is part of the extension build, for the module the first look imports (full gate and reader)', () => {
    const root = path.join(__dirname, '..');
    const config = readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/eagerCompileHint\(\['article-reader\.js'\]\)/);
    expect(CONTENT_REST_PATH).toBe('/article-reader.js');
  });
});

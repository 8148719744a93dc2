/**
 * `npm run eval -- <name> [args]`: runs test/eval/<name>.ts, which exports run(args).
 * Every evaluation reads ../shared and says so plainly (and exits 0) when it is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here).filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`usage: npm run eval -- <${available.join('|')}> [options]`);
  process.exit(name ? 2 : 0);
}
const SHARED = path.resolve(process.cwd(), '../shared');
if (!existsSync(path.join(SHARED, 'data'))) {
  console.log(`eval ${name}: skipped — ../shared/data is not present (evaluation data lives outside the repository)`);
  process.exit(0);
}
const mod = (await import(path.join(here, `${name}.ts`))) as { run(args: string[], shared: string): Promise<void> | void };
await mod.run(args, SHARED);

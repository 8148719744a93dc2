/**
 * `npm run eval -- coverage --write-description-stops [--stop-countries 30]`: derives the kind
 * words of entity descriptions (lib/coverage/description-words.ts) from the default pack's
 * entities, described as the linker describes them (English catalogue, no article date), and
 * writes DESCRIPTION_STOP_STEMS. Deterministic: the same pack gives the same file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackEntity } from '../../lib/dataset/schema';
import { describeEntity } from '../../lib/entities/describe';
import { DESCRIPTION_STOP_COUNTRIES, descriptionStopStems } from '../../lib/coverage/description-words';
import { rewriteModelExport } from './_model-source';

/** The stop stems of the pack at `packPath` for a country threshold. */
export function packDescriptionStops(packPath: string, minCountries: number): string[] {
  const pack = JSON.parse(readFileSync(packPath, 'utf8')) as { entities: PackEntity[] };
  return descriptionStopStems(pack.entities, (e) => describeEntity(e, null), minCountries);
}

export function writeDescriptionStops(args: readonly string[]): void {
  const k = args.includes('--stop-countries') ? Number(args[args.indexOf('--stop-countries') + 1]) : DESCRIPTION_STOP_COUNTRIES;
  const stops = packDescriptionStops(path.resolve('assets/default-pack.json'), k);
  const file = path.resolve('lib/coverage/description-words.ts');
  // Eight stems a line, so a regeneration is a reviewable diff.
  const lines: string[] = [];
  for (let i = 0; i < stops.length; i += 8) lines.push(`  ${stops.slice(i, i + 8).map((s) => JSON.stringify(s)).join(', ')},`);
  const bytes = rewriteModelExport(file, 'DESCRIPTION_STOP_STEMS', `export const DESCRIPTION_STOP_STEMS: ReadonlySet<string> = new Set([\n${lines.join('\n')}\n]);\n`);
  console.log(`  description stops: ${stops.length} stems used by entities of ≥ ${k} countries; wrote ${file} (${bytes} B)`);
}

/**
 * `npm run eval -- coverage --write-topic-records`: derives the topic records
 * (lib/coverage/topic-records.ts) from the reference data's event records — the Current events
 * storylines (`wcep:` ids) of ../shared/data/entities and the default pack's events, the pack's
 * own record preferred where both bear a name — and writes TOPIC_RECORDS
 * (lib/coverage/topic-table.ts), with COUNTRY_RECORDS: the pack's country records that a
 * single-state nationality adjective names (lib/coverage/demonym-countries.ts). Deterministic: the same data gives the same file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackEntity } from '../../lib/dataset/schema';
import { deriveTopicRecords } from '../../lib/coverage/topic-records';
import { demonymsOfCountry } from '../../lib/entities/demonym-country';
import { headingCountryNames } from '../../lib/coverage/heading-country-names';
import { rewriteModelExport } from './_model-source';

const FILES = ['entities.jsonl', 'entities_more.jsonl', 'entities_popular.jsonl'];

export function writeTopicRecords(shared: string): void {
  const events: { id: string; name: string }[] = [];
  for (const f of FILES) {
    for (const line of readFileSync(path.join(shared, 'data/entities', f), 'utf8').split('\n')) {
      if (!line.includes('"wcep:')) continue;
      const e = JSON.parse(line) as { id?: string; name?: string; type?: string };
      if (e.type === 'event' && e.id?.startsWith('wcep:') && e.name) events.push({ id: e.id, name: e.name });
    }
  }
  const pack = JSON.parse(readFileSync(path.resolve('assets/default-pack.json'), 'utf8')) as { entities: PackEntity[]; coverage?: { topics?: string[] }[] };
  const packEvents = pack.entities.filter((e) => e.type === 'event');
  const table = deriveTopicRecords([...events, ...packEvents.map((e) => ({ id: e.id, name: e.name }))], new Set(packEvents.map((e) => e.id)));
  const file = path.resolve('lib/coverage/topic-table.ts');
  const rows = table.map((r) => `  { key: ${JSON.stringify(r.key)}, id: ${JSON.stringify(r.id)}, name: ${JSON.stringify(r.name)} },`);
  // The pack's country records that a single-state nationality adjective names (demonym-countries.ts).
  const countries = new Map<string, PackEntity>();
  for (const e of pack.entities) if (e.subtype === 'country' && e.country && !countries.has(e.country) && demonymsOfCountry(e.country).length) countries.set(e.country, e);
  const countryRows = [...countries].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, e]) => `  { code: ${JSON.stringify(code)}, id: ${JSON.stringify(e.id)}, name: ${JSON.stringify(e.name)} },`);
  // The pack's countries whose name no storyline heading says, with the alias the headings use (heading-country-names.ts).
  const headingNames = headingCountryNames(pack.entities.filter((e) => e.subtype === 'country'), (pack.coverage ?? []).flatMap((c) => c.topics ?? []));
  const headingRows = headingNames.map((r) => `  { id: ${JSON.stringify(r.id)}, name: ${JSON.stringify(r.name)}, heading: ${JSON.stringify(r.heading)} },`);
  const bytes = rewriteModelExport(file, 'TOPIC_RECORDS', `export const TOPIC_RECORDS: readonly TopicRecord[] = [\n${rows.join('\n')}\n];\n\nexport const COUNTRY_RECORDS: readonly CountryRecord[] = [\n${countryRows.join('\n')}\n];\n\nexport const HEADING_COUNTRY_NAMES: readonly HeadingCountryName[] = [\n${headingRows.join('\n')}\n];\n`);
  console.log(`  topic records: ${table.length} from ${events.length} storylines and ${packEvents.length} pack events; ${countries.size} countries; ${headingNames.length} heading country names; wrote ${file} (${bytes} B)`);
}

/**
 * A country's name as the storyline headings spell it, where the pack's name is one no heading
 * uses (#5, the sibling storylines). The pack says "Türkiye", "Czechia", "Côte d'Ivoire"; the
 * headings say "COVID-19 pandemic in Turkey", "… in the Czech Republic", "… in Ivory Coast". Under
 * the issue's protocol a query's heading words are its linked entities' names and descriptions
 * (rank.ts headingWordsText), so a page about Türkiye never matched its country's sub-storyline by
 * name and the chooser took the broad one ("COVID-19 pandemic in Europe"). The heading's spelling
 * is added to those words; it is one of the pack's own aliases of the country, chosen by a rule
 * over the pack's headings (`headingCountryNames`, written to topic-table.ts by `npm run eval --
 * coverage --write-topic-records`), never a hand list.
 */
import { HEADING_COUNTRY_NAMES } from './topic-table';

export interface HeadingCountryName { id: string; name: string; heading: string }

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Apostrophes folded (descriptions write "Côte d’Ivoire", the pack "Côte d'Ivoire"). */
const fold = (s: string) => s.replace(/[’‘]/g, "'");

/** Whether `text` says `phrase` as whole words (`text` and `phrase` folded). */
function saysWord(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0 && phrase; at = text.indexOf(phrase, at + 1)) {
    if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + phrase.length] ?? ' ')) return true;
  }
  return false;
}

/**
 * The rule: a country whose pack name no heading says as whole words, and of whose aliases one is
 * said by a heading (the first such alias, in the pack's order; a leading "the" dropped).
 */
export function headingCountryNames(countries: Iterable<{ id: string; name: string; aliases?: readonly string[] }>, headings: Iterable<string>): HeadingCountryName[] {
  const all = fold([...new Set(headings)].join('\n'));
  const out: HeadingCountryName[] = [];
  for (const c of countries) {
    if (saysWord(all, fold(c.name))) continue;
    const alias = (c.aliases ?? []).map((a) => a.replace(/^the /, '')).find((a) => a !== c.name && saysWord(all, fold(a)));
    if (alias) out.push({ id: c.id, name: c.name, heading: alias });
  }
  return out;
}

/** `text` with the heading spelling of each country it names by the pack's name appended (one line each). */
export function withHeadingCountryNames(text: string, table: readonly HeadingCountryName[] = HEADING_COUNTRY_NAMES): string {
  let out = text;
  const folded = fold(text);
  for (const row of table) if (saysWord(folded, fold(row.name))) out += `\n${row.heading}`;
  return out;
}

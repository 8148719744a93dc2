/**
 * "Chris Evans hunts down Ryan Gosling in the upcoming spy thriller": between people of one name
 * (the actor, a British MP, an Australian senator), words of a line of work near the name say which
 * one the text means (issue #4, session 20: person namesakes). The pack's fields of a person are its
 * `subtype` and enwiki disambiguator (occupation-namesakes.ts knownFields); the text's are read from
 * a short hand-written list of lower-case nouns no other line of work uses much ("thriller", "album",
 * "quarterback", "lawmakers"). Words many fields share ("role", "star", "book", "match", "campaign")
 * are left out. Pure functions over a block's tokens.
 */
import type { PackEntity } from '../dataset/schema';
import { field, knownFields, type PersonField } from './occupation-namesakes';
import { Shape, type Token } from './normalize';

const FIELD_WORDS = new Map<string, PersonField>([
  ...field('arts', 'film films movie movies thriller thrillers sitcom biopic sequel album albums song songs actor actress actors singer '
    + 'rapper musician starring screenplay'),
  ...field('sport', 'coach quarterback striker midfielder pitcher inning innings touchdown playoff playoffs teammate teammates'),
  ...field('politics', 'senator senators congressman congresswoman lawmaker lawmakers parliament legislature'),
]);

/** How many tokens either side of the name are read. */
const WINDOW = 12;

/** The fields whose words stand within WINDOW tokens of the name at `from`…`to` (lower case only:
 *  a capitalised "Film" may open a title). */
export function fieldsNear(tokens: readonly Token[], from: number, to: number): Set<PersonField> {
  const out = new Set<PersonField>();
  for (let k = Math.max(0, from - WINDOW); k < Math.min(tokens.length, to + WINDOW); k++) {
    if (k === from) { k = to - 1; continue; }
    const t = tokens[k]!;
    if (t.shape !== Shape.Lower) continue;
    const f = FIELD_WORDS.get(t.norm);
    if (f !== undefined) out.add(f);
  }
  return out;
}

/** A person's fields, with politics for a holder of public office (the pack lists offices as
 *  `roles`, often without a `subtype`: two records of one leader must not be told apart). */
function fieldsOf(e: PackEntity): PersonField[] {
  const fs = knownFields(e);
  return e.roles && e.roles.length !== 0 && !fs.includes('politics') ? [...fs, 'politics'] : fs;
}

/** Is `e` a person of a field the words near the name write, while another person of the match
 *  (`candidates`) is of none of those fields? Then the text names `e`, not the namesake. */
export function fieldWordsFavour(e: PackEntity, candidates: readonly PackEntity[], near: ReadonlySet<PersonField>): boolean {
  if (near.size === 0 || e.type !== 'person' || !fieldsOf(e).some((f) => near.has(f))) return false;
  return candidates.some((c) => c !== e && c.type === 'person' && !fieldsOf(c).some((f) => near.has(f)));
}

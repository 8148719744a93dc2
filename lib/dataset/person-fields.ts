/**
 * A person's field (issue #4, session 18): the coarse line of work a reference record's one-line
 * description names ("English footballer" → sport, "American historian" → letters), derived by rules
 * over its words and stored as the person's `subtype` (persons had none), so the linker can tell
 * "Cubs manager David Ross" from the historian of that name (lib/entities/occupation-namesakes.ts).
 * Only the field code goes into the pack: the description prose never does.
 *
 * A record names every field its description's words do ("actor and politician" → arts politics);
 * the linker rules a record out only where the written field is none of them.
 */
import { field, PERSON_FIELDS, type PersonField } from '../entities/occupation-namesakes';

/**
 * The pack keeps the field of people below the famous tier only (prominence 79-80: the ~1,700 most
 * linked actors, writers, athletes): a page that names one of those means them, and the field of all
 * 13,000 people without roles cost ~10.6 KB in each zip (session 18; ~35 KB were left).
 */
export const FIELD_BELOW_PROMINENCE = 75;

/** Description words → field. "player", "manager", "director", "lawyer", "captain": too many lines of work. */
const DESCRIPTION_WORDS = new Map<string, PersonField>([
  ...field('sport', 'footballer football soccer baseball basketball hockey rugby cricketer cricket tennis golfer boxer wrestler cyclist swimmer '
    + 'sprinter runner skater skier athlete racer jockey gymnast hurdler thrower mountaineer chess quarterback pitcher volleyball handball '
    + 'fencer rower bodybuilder sportscaster olympian'),
  ...field('arts', 'actor actress singer songwriter musician rapper composer conductor comedian filmmaker screenwriter guitarist pianist '
    + 'drummer painter sculptor artist dancer choreographer photographer animator illustrator cartoonist violinist saxophonist trumpeter '
    + 'soprano bandleader cinematographer entertainer magician'),
  ...field('letters', 'writer author novelist poet journalist historian broadcaster editor columnist critic essayist playwright translator '
    + 'publisher academic professor scholar scientist physicist chemist mathematician economist philosopher sociologist psychologist '
    + 'biologist astronomer educator researcher anthropologist linguist archaeologist presenter reporter correspondent commentator'),
  ...field('politics', 'politician senator congressman congresswoman diplomat mayor governor minister statesman legislator lawmaker'),
  ...field('business', 'businessman businesswoman businessperson entrepreneur executive investor industrialist banker financier magnate tycoon'),
  ...field('military', 'soldier admiral colonel marshal general'),
  ...field('religion', 'priest bishop archbishop cardinal pope rabbi imam cleric pastor preacher evangelist theologian monk nun missionary'),
  ...field('royalty', 'king queen emperor empress monarch sultan prince princess pharaoh tsar shah emir'),
]);

/** "general" is a rank, not "general manager", "Attorney General" or "Secretary-General". */
const NOT_RANK_NEXT_TO_GENERAL = /^(manager|secretary|counsel|practitioner|partner|director|assembly|surgeon|attorney|governor|solicitor|inspector|auditor|postmaster|consul|procurator|accountant|advocate|registrar|adjutant|commissary|quartermaster|paymaster|vicar|superior)$/;

/** The word before "minister", "queen" or "king" that makes it another line of work than government or
 *  a crown: "Baptist minister" (religion), "drag queen" (arts), "beauty queen" (none of the fields). */
const QUALIFIED_TITLES = new Set(['minister', 'queen', 'king']);
const TITLE_QUALIFIERS = new Map<string, PersonField | null>([
  ...'baptist methodist lutheran presbyterian anglican evangelical pentecostal congregational congregationalist protestant episcopal episcopalian unitarian christian catholic ordained'
    .split(' ').map((w): [string, PersonField] => [w, 'religion']),
  ['drag', 'arts'], ['beauty', null], ['pageant', null], ['prom', null], ['homecoming', null],
]);

/**
 * The fields a description names, as the `subtype` code ("arts letters"), or undefined when it names
 * none. Fields come in PERSON_FIELDS order, so equal sets give equal codes (one table string each).
 */
export function personFieldCode(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const words = description.toLowerCase().split(/[^a-z]+/);
  const found = new Set<PersonField>();
  for (let i = 0; i < words.length; i++) {
    const f = DESCRIPTION_WORDS.get(words[i]!);
    if (f === undefined) continue;
    if (words[i] === 'general' && (NOT_RANK_NEXT_TO_GENERAL.test(words[i + 1] ?? '') || NOT_RANK_NEXT_TO_GENERAL.test(words[i - 1] ?? ''))) continue;
    const qualified = QUALIFIED_TITLES.has(words[i]!) ? TITLE_QUALIFIERS.get(words[i - 1] ?? '') : undefined;
    if (qualified !== undefined) {
      if (qualified !== null) found.add(qualified);
      continue;
    }
    found.add(f);
  }
  if (found.size === 0) return undefined;
  return PERSON_FIELDS.filter((f) => found.has(f)).join(' ');
}

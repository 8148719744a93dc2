/**
 * News names that are another record's name written another way (issue #4). A `news:` record
 * (news-names.ts) is made for a name no record carries; some such names are still a reference
 * record's, written differently, or a piece of one. As records of their own they steal the link
 * from the right record ("Baloch Liberation Army" is the record "Balochistan Liberation Army") or
 * name a fragment ("Khorasan Province" is the back of "Islamic State – Khorasan Province"). This
 * pass, over the compiled records, folds the first kind into the record as an alias and drops the
 * second, so the linker finds the record's own name inside the text.
 *
 * Folded (the name becomes an alias of the one record it is a form of, same type):
 *   - article: the record's name without its Arabic article ("Anbar Governorate" of "Al Anbar Governorate");
 *   - land: a people's word for the record's "-stan" land ("Baloch Liberation Army" of "Balochistan …");
 *   - reference alias: an alias the reference gives this record that the compiler left out
 *     ("Khuzestan" of "Khuzestan Province"), now that the news writes it often as that type;
 *   - area: a region's name and its area noun ("Balochistan Province" of the region "Balochistan").
 *     Only a region's: "Bannu District" is the district of the city Bannu, another place.
 * Dropped:
 *   - tail: the back of a longer record name, cut at "and", "du", "St." or a dash ("Caicos Islands",
 *     "Louis County", "Khorasan Province");
 *   - nationality: a nationality word before a record's name of that country, or a stateless
 *     people's word before a record's name of three words or more ("Spanish Canary Islands",
 *     "Kurdish Syrian Democratic Forces");
 *   - reference record: a one-word name a reference record of the same type carries while the
 *     pack leaves it out (the right id is that record's, not a new one).
 */
import { aliasKey } from '../entities/normalize';
import { countriesOfDemonym } from '../entities/demonym-country';
import type { PackEntity } from './schema';

/** Arabic articles written before place names ("Al Anbar", "As-Suwayda", "Ad Dakhiliyah"). */
const ARTICLES = new Set(['al', 'as', 'ad', 'an', 'ar', 'ash', 'at', 'az', 'el', 'ed', 'es']);

/** Words before a name's back that join it to its front: the back alone is a fragment. */
const TAIL_JOINERS = new Set(['and', 'du', 'de', 'des', 'del', 'st', 'saint', 'san', 'santa', 'sainte', 'ste']);

/** Peoples' words that name no single state (demonym-country.ts leaves them out): before a long
 *  record name they describe it ("Kurdish Syrian Democratic Forces"). */
const STATELESS_PEOPLES = new Set(['kurdish', 'arab', 'baloch', 'baluch', 'pashtun', 'tamil', 'uyghur', 'druze', 'yazidi', 'tuareg', 'rohingya', 'hazara']);

/** Nouns of a first-level area written after its name ("Balochistan Province", "Kherson Oblast"). */
const AREA_NOUNS = new Set(['province', 'region', 'state', 'governorate', 'oblast', 'prefecture']);

/** A dash between two parts of a name ("Islamic State – Khorasan Province"). */
const NAME_DASH = /\s[-\u2010-\u2015]\s/;

export interface VariantResult {
  /** The news records kept. */
  records: PackEntity[];
  /** Aliases to add, by record id (sorted, unique). */
  aliases: Map<string, string[]>;
  /** How many were folded or dropped, by class. */
  folded: Record<string, number>;
  dropped: Record<string, number>;
}

/**
 * Folds and drops the news records that are a compiled record's name written another way.
 * `entities` are the compiled (non-news) records; `referenceAliases` maps a one-word reference
 * alias's key to the types of the reference records carrying it and the ids among them
 * (referenceNames(…).oneWord in news-names.ts).
 */
export function foldNewsNameVariants(
  records: readonly PackEntity[],
  entities: readonly PackEntity[],
  referenceAliases: ReadonlyMap<string, readonly { id: string; type: PackEntity['type'] }[]> = new Map(),
): VariantResult {
  const owners = new Map<string, PackEntity[]>();
  const own = (key: string, e: PackEntity) => {
    let list = owners.get(key);
    if (!list) owners.set(key, (list = []));
    if (!list.includes(e)) list.push(e);
  };
  /** Keys of names without their article and of "-stan" lands as their people's word. A person's
   *  short given name ("Andy Parker") is not folded: often someone else than "Andrew Parker". */
  const bare = new Map<string, PackEntity[]>(), land = new Map<string, PackEntity[]>();
  const add = (m: Map<string, PackEntity[]>, key: string, e: PackEntity) => {
    let list = m.get(key);
    if (!list) m.set(key, (list = []));
    if (!list.includes(e)) list.push(e);
  };
  const tails = new Set<string>();
  const byId = new Map<string, PackEntity>();
  /** Regions by their own name's key: "<name> Province" in the news is that region. */
  const regions = new Map<string, PackEntity[]>();
  for (const e of entities) {
    byId.set(e.id, e);
    if (e.type === 'place' && e.subtype === 'region') add(regions, aliasKey(e.name), e);
    for (const n of [e.name, ...e.aliases]) {
      const key = aliasKey(n);
      if (!key) continue;
      own(key, e);
      const words = key.split(' ');
      if (words.length >= 2 && ARTICLES.has(words[0]!)) add(bare, words.slice(1).join(' '), e);
      for (let i = 0; i < words.length; i++) {
        const m = /^(.{4,}?)i?stan$/.exec(words[i]!);
        if (m && words.length >= 2) add(land, [...words.slice(0, i), m[1]!, ...words.slice(i + 1)].join(' '), e);
      }
      for (let i = 1; i + 2 <= words.length; i++) if (TAIL_JOINERS.has(words[i - 1]!)) tails.add(words.slice(i).join(' '));
      const dash = NAME_DASH.exec(n);
      if (dash) {
        const back = aliasKey(n.slice(dash.index + dash[0].length));
        if (back.includes(' ')) tails.add(back);
      }
    }
  }
  const aliases = new Map<string, string[]>();
  const folded: Record<string, number> = { article: 0, land: 0, referenceAlias: 0, area: 0 };
  const dropped: Record<string, number> = { tail: 0, nationality: 0, referenceRecord: 0 };
  const fold = (cls: string, r: PackEntity, to: PackEntity) => {
    const list = aliases.get(to.id) ?? [];
    if (!list.includes(r.name) && to.name !== r.name && !to.aliases.includes(r.name)) list.push(r.name);
    aliases.set(to.id, list);
    folded[cls]!++;
  };
  /** The one record of the news record's type among `list`, or null. */
  const single = (list: readonly PackEntity[] | undefined, r: PackEntity): PackEntity | null => {
    const same = (list ?? []).filter((e) => e.type === r.type);
    return same.length === 1 ? same[0]! : null;
  };
  const kept: PackEntity[] = [];
  for (const r of records) {
    const key = aliasKey(r.name);
    const words = key.split(' ');
    let to: PackEntity | null;
    if ((to = single(bare.get(key), r))) { fold('article', r, to); continue; }
    if ((to = single(land.get(key), r))) { fold('land', r, to); continue; }
    if (words.length >= 2 && AREA_NOUNS.has(words[words.length - 1]!) && (to = single(regions.get(words.slice(0, -1).join(' ')), r))) { fold('area', r, to); continue; }
    if (words.length >= 2 && tails.has(key)) { dropped.tail!++; continue; }
    if (words.length >= 3) {
      const rest = owners.get(words.slice(1).join(' '));
      const states = countriesOfDemonym(words[0]!);
      const describes = (e: PackEntity) => (states ? !!e.country && states.includes(e.country) : STATELESS_PEOPLES.has(words[0]!) && words.length >= 4);
      if (rest?.some(describes)) { dropped.nationality!++; continue; }
    }
    const refs = referenceAliases.get(key)?.filter((x) => x.type === r.type);
    if (refs?.length) {
      const inPack = [...new Set(refs.map((x) => x.id))].map((id) => byId.get(id)).filter((e): e is PackEntity => !!e && e.type === r.type);
      if (inPack.length === 1) { fold('referenceAlias', r, inPack[0]!); continue; }
      dropped.referenceRecord!++;
      continue;
    }
    kept.push(r);
  }
  for (const list of aliases.values()) list.sort();
  return { records: kept, aliases, folded, dropped };
}

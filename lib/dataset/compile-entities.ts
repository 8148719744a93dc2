/**
 * compileEntities: reference entity files (../shared/data/entities/*.jsonl) → PackEntity[].
 *
 * Deterministic (input order + sorted output). What it does, in order:
 *  1. read entities.jsonl (all), entities_more.jsonl and entities_popular.jsonl (a chosen subset,
 *     see `keepMore` / `keepPopular`); facts only — the reference `description` prose is never read
 *     into the pack; records whose only source is CC BY-SA Wikipedia text are skipped, merged ones
 *     keep their permissively licensed facts;
 *  2. clean names and aliases (non-Latin names → a Latin alias; "Surname, Given" → "Given Surname";
 *     drop non-Latin, inverted, too-short, common-word and country-demonym aliases; one-word person
 *     aliases become short forms);
 *  3. merge duplicates: same QID, then same folded name + type + country;
 *  4. apply curated facts (lib/dataset/curated/*.json) and compute `prominence`.
 * Returns the entities and a report of counts with reasons.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fold } from '../entities/normalize';
import { NEVER_ALONE } from '../entities/ambiguity';
import type { PackEntity, Role } from './schema';
import curatedProminence from './curated/prominence.json';
import curatedNotes from './curated/notes.json';
import curatedAliases from './curated/aliases.json';

export interface CompileEntitiesOptions {
  /** Max entities taken from entities_more.jsonl / entities_popular.jsonl (after filters). */
  moreLimit?: number;
  popularLimit?: number;
  /** Only read the first N lines of each file (tests). */
  lineLimit?: number;
}

export interface CompileEntitiesResult {
  entities: PackEntity[];
  report: string[];
  /** Pack licence ids used by the entities. */
  sources: string[];
}

/** Licence ids, see build-pack.ts LICENSES. */
export const SOURCE_CORE = 'core';
export const SOURCE_CORE_BYSA = 'core-bysa';
export const SOURCE_MORE = 'more';
export const SOURCE_POPULAR = 'popular';
export const SOURCE_CURATED = 'curated';

interface RawRecord {
  id: string;
  name: string;
  type: PackEntity['type'];
  subtype?: string;
  aliases?: string[];
  shortNames?: string[];
  roles?: (Role & { scheduledEnd?: string })[];
  country?: string;
  party?: string;
  born?: string;
  population?: number;
  popularity?: number;
  wikidata?: string;
  url?: string;
  source?: string;
  date?: { from?: string | null; to?: string | null };
}

type Work = PackEntity & { population?: number; file: 'core' | 'more' | 'popular'; popularity?: number; qid?: string };

class Counter {
  private m = new Map<string, number>();
  add(k: string, n = 1) { this.m.set(k, (this.m.get(k) ?? 0) + n); }
  lines(prefix: string): string[] {
    return [...this.m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${prefix}${k}: ${v}`);
  }
}

async function* readJsonl(file: string, limit?: number): AsyncGenerator<RawRecord> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    if (limit !== undefined && n++ >= limit) break;
    yield JSON.parse(line) as RawRecord;
  }
}

// Anything outside Latin script (plus digits, punctuation, symbols, spaces, marks).
const NON_LATIN = /[^\p{Script=Latin}\p{N}\p{P}\p{S}\p{Z}\p{M}]/u;
const isLatin = (s: string) => !NON_LATIN.test(s);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Common all-caps abbreviations that must not stand for an entity. */
const ACRONYM_STOP = new Set(['ceo', 'cfo', 'gdp', 'tv', 'ai', 'pm', 'am', 'ok', 'vs', 'us', 'it', 'id', 'hr', 'pr', 'ip', 'uk', 'eu', 'un', 'is', 'mp', 'dc', 'usa', 'lol', 'faq', 'vip', 'diy', 'atm', 'pc', 'gps', 'nba', 'nfl', 'dna', 'rna', 'ufo', 'ev', 'co', 'inc', 'ltd', 'llc', 'plc', 'nhs', 'gop', 'ira', 'pac', 'abc', 'cbs', 'nbc', 'cnn', 'bbc']);
/** Two-/three-letter aliases allowed for well-known entities (exact case only). */
const SHORT_ALLOW = new Set(['US', 'UK', 'EU', 'UN', 'IS', 'USA', 'GOP', 'NHS', 'IRA', 'BBC', 'CNN', 'ABC', 'CBS', 'NBC', 'NBA', 'NFL', 'DC', 'IDF', 'FBI', 'CIA', 'NSA', 'IMF', 'WHO', 'WTO', 'UAE', 'PKK', 'SBU', 'FSB', 'KGB', 'IAEA', 'ICC', 'ICJ', 'AfD', 'SPD', 'CDU', 'ANC', 'BJP', 'PTI', 'RSF', 'SDF', 'HTS', 'PLO', 'PA', 'AP', 'AFP']);
const DEMONYM = /(ian|ean|ese|ish|ic|ic)$/;

function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** "Smith, John" → "John Smith" for person-like inversions; null when not an inversion. */
function uninvert(s: string): string | null {
  const m = /^([^,]+), ([^,]+)$/.exec(s);
  if (!m) return null;
  const [, last, first] = m;
  if (/\b(of|the|and|for|de)\b/i.test(first!) || /(inc|ltd|llc|co|corp|jr|sr)\.?$/i.test(first!)) return null;
  return `${first} ${last}`;
}

function nameTokens(s: string): string[] {
  return s.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** Surname-style short form for a person's full name, or null. */
function surnameOf(name: string): string | null {
  const toks = nameTokens(name).filter((t) => !SUFFIXES.has(t.toLowerCase()));
  if (toks.length < 2) return null;
  const last = toks[toks.length - 1]!;
  if (last.length < 3 || /^[A-Z]$/.test(last) || NEVER_ALONE.has(fold(last))) return null;
  return last;
}

function keepAlias(a: string, e: Work, drops: Counter): boolean {
  if (!isLatin(a)) { drops.add('alias: non-Latin script'); return false; }
  const letters = a.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) { drops.add('alias: shorter than 2 letters'); return false; }
  const toks = nameTokens(a);
  if (/^[^,]+, [^,]+$/.test(a) && (e.type === 'person' || /, (the|republic|kingdom|state|islamic|democratic|people)/i.test(a))) {
    drops.add('alias: inverted "X, Y" form');
    return false;
  }
  if (toks.length === 1) {
    const f = fold(toks[0]!);
    if (NEVER_ALONE.has(f)) { drops.add('alias: common word'); return false; }
    if (letters.length <= 3) {
      const upper = letters === letters.toUpperCase();
      if (!upper) { drops.add('alias: short mixed-case'); return false; }
      if (ACRONYM_STOP.has(f) && !SHORT_ALLOW.has(letters)) { drops.add('alias: common acronym'); return false; }
      if (letters.length === 2 && !SHORT_ALLOW.has(letters)) { drops.add('alias: two-letter code'); return false; }
      if (SHORT_ALLOW.has(letters) && (e.prominence ?? 0) < 60 && e.file !== 'core') { drops.add('alias: short code of a minor entity'); return false; }
    }
    if (e.subtype === 'country' && fold(a) !== fold(e.name) && DEMONYM.test(f) && a !== a.toUpperCase()) { drops.add('alias: demonym'); return false; }
  }
  if (a === a.toLowerCase() && e.file !== 'core') { drops.add('alias: all lower case'); return false; }
  return true;
}

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** A pack date: YYYY[-MM[-DD]]; "2010s" → "2010"; anything else → undefined. */
function isoDate(d: string | null | undefined): string | undefined {
  if (!d) return undefined;
  if (ISO.test(d)) return d;
  const m = /^(\d{4})/.exec(d);
  return m ? m[1] : undefined;
}

function normRoles(roles: RawRecord['roles'], max = 4): Role[] {
  const out: Role[] = [];
  const seen = new Set<string>();
  for (const r of roles ?? []) {
    if (!r?.title) continue;
    const k = `${r.title}|${r.from ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const role: Role = { title: r.title };
    const from = isoDate(r.from), to = isoDate(r.to), asOf = isoDate(r.asOf);
    if (from) role.from = from;
    // An open role is stored without `to` (undefined = open) to keep the pack small.
    if (to) role.to = to;
    else if (asOf) role.asOf = asOf;
    out.push(role);
  }
  // Most recent first; keep at most 4.
  out.sort((a, b) => (b.to ?? '9999').localeCompare(a.to ?? '9999') || (b.from ?? '').localeCompare(a.from ?? ''));
  return out.slice(0, max);
}

function sourceIds(r: RawRecord, file: Work['file']): string[] {
  const s = r.source ?? '';
  if (file === 'core') {
    const out: string[] = [];
    if (/curated/.test(s)) out.push(SOURCE_CURATED);
    if (/BY-SA/.test(s)) out.push(SOURCE_CORE_BYSA);
    if (s.replace(/curated/g, '').replace(/[^;]*BY-SA[^;]*/g, '').trim().replace(/^[;\s]+|[;\s]+$/g, '')) out.push(SOURCE_CORE);
    return out.length ? out : [SOURCE_CORE];
  }
  return [file === 'more' ? SOURCE_MORE : SOURCE_POPULAR];
}

function toWork(r: RawRecord, file: Work['file'], drops: Counter): Work | null {
  let name = cleanName(r.name ?? '');
  const aliases = (r.aliases ?? []).map(cleanName).filter(Boolean);
  if (!isLatin(name)) {
    const latin = aliases.find((a) => isLatin(a) && nameTokens(a).length >= (r.type === 'person' ? 2 : 1));
    if (!latin) { drops.add(`entity: no Latin-script name (${file})`); return null; }
    aliases.push(name);
    name = latin;
  }
  if (r.type === 'person') {
    const un = uninvert(name);
    if (un) { drops.add('name: "Surname, Given" inverted back'); name = un; }
  }
  if (nameTokens(name).length === 0) { drops.add(`entity: empty name (${file})`); return null; }
  const qid = r.wikidata ?? (/^Q\d+$/.test(r.id) ? r.id : undefined);
  const e: Work = {
    id: qid ?? r.id,
    name,
    type: r.type,
    aliases,
    shortNames: (r.shortNames ?? []).map(cleanName),
    roles: normRoles(r.roles, file === 'core' ? 4 : 1),
    sources: sourceIds(r, file),
    file,
  };
  if (qid) e.qid = qid;
  if (r.subtype) e.subtype = r.subtype;
  if (r.country) e.country = r.country;
  if (r.party) e.party = r.party;
  if (r.born) e.born = r.born.slice(0, 10);
  if (r.population) e.population = r.population;
  if (r.popularity !== undefined) e.popularity = r.popularity;
  if (r.date?.from) e.from = isoDate(r.date.from);
  if (r.date && 'to' in r.date) e.to = isoDate(r.date.to) ?? null;
  // Entities with a QID link to Wikidata (rebuilt by the linker); only others store a URL.
  if (r.url && !qid) e.url = r.url;
  if (!e.url && !qid && r.id.startsWith('enwiki:')) e.url = `https://en.wikipedia.org/wiki/${r.id.slice(7)}`;
  return e;
}

// ---- selection of the breadth files -------------------------------------------------------

const HIGH_ROLE = /\b(president|prime minister|chancellor|premier|king|queen|emir|sultan|monarch|supreme leader|head of state|governor|mayor|secretary of state|minister of (foreign|defen[cs]e|finance|interior|justice|health)|foreign minister|defen[cs]e minister|finance minister|speaker|senator|vice president|chief justice|attorney general|general secretary|secretary-general|commander)\b/i;

function roleScore(roles: Role[]): number {
  let best = 0;
  for (const r of roles) {
    const end = r.to ?? r.asOf ?? '2026';
    const recent = end >= '2020' ? 2 : end >= '2012' ? 1 : 0;
    const high = HIGH_ROLE.test(r.title) ? 2 : /minister|secretary|member of|deputy|representative|parliament|assembly|senate|congress/i.test(r.title) ? 1 : 0;
    best = Math.max(best, recent * 3 + high);
  }
  return best;
}

/** Rank for entities_more.jsonl (higher = keep first). */
function moreRank(e: Work): number {
  if (e.type !== 'person') {
    switch (e.subtype) {
      case 'political_party': return 60;
      case 'armed_group': return 62;
      case 'media': return 55;
      case 'region': return 64;
      case 'city': return 58;
      case 'company': return 60;
      case 'government_body': case 'military': case 'international_organization': return 70;
      case 'sports_club': return 40;
      case 'education': return 42;
      case 'music_group': return 30;
      default: return e.type === 'event' ? 66 : 45;
    }
  }
  const rs = roleScore(e.roles);
  return 20 + rs * 6 + (e.qid ? 4 : 0);
}

function popularRank(e: Work, src: string): number | null {
  if (/wikipedia:/.test(src) && !/wikidata:|sec:|usgov:|fundus:|pocom:|ror|hipo:/.test(src)) return null; // BY-SA only
  const p = e.popularity ?? 0;
  if (/usgov:/.test(src)) return 70;
  if (/fundus:/.test(src)) return 75;
  if (/wikidata:wikitrivia/.test(src)) return 30 + p * 0.6;
  if (/sec:company_tickers/.test(src)) return p >= 60 ? 20 + p * 0.45 : null;
  if (/name-suggestion-index/.test(src)) return p >= 85 ? 15 + p * 0.4 : null;
  if (/pocom:/.test(src)) return null;
  return null; // ror, hipo: research bodies and universities are too many and rarely in news
}

// ---- prominence ---------------------------------------------------------------------------

function prominenceOf(e: Work): number {
  if (e.file === 'core') {
    if (e.subtype === 'country') return 95;
    if (e.subtype === 'capital') return 85;
    if (e.subtype === 'city') return Math.min(80, 55 + Math.round(Math.log10(Math.max(1, (e.population ?? 5e5) / 5e5)) * 15));
    if (e.type === 'person') return Math.min(89, 62 + roleScore(e.roles) * 3);
    if (e.sources.includes(SOURCE_CURATED)) return 85;
    return 75;
  }
  if (e.file === 'more') return Math.min(70, moreRank(e));
  return Math.min(80, Math.round(20 + (e.popularity ?? 30) * 0.6));
}

// ---- merge ---------------------------------------------------------------------------------

function mergeInto(a: Work, b: Work) {
  a.aliases.push(b.name, ...b.aliases);
  a.shortNames.push(...b.shortNames);
  const titles = new Set(a.roles.map((r) => `${r.title}|${r.from ?? ''}`));
  for (const r of b.roles) if (!titles.has(`${r.title}|${r.from ?? ''}`)) a.roles.push(r);
  a.roles = normRoles(a.roles, a.file === 'core' ? 4 : 1);
  for (const s of b.sources) if (!a.sources.includes(s)) a.sources.push(s);
  a.subtype ??= b.subtype;
  a.country ??= b.country;
  a.party ??= b.party;
  a.born ??= b.born;
  a.population ??= b.population;
  a.url ??= b.url;
  if (b.popularity !== undefined) a.popularity = Math.max(a.popularity ?? 0, b.popularity);
  if (!a.qid && b.qid) { a.qid = b.qid; a.id = b.qid; }
}

export async function compileEntities(dir: string, opts: CompileEntitiesOptions = {}): Promise<CompileEntitiesResult> {
  const report: string[] = [];
  const drops = new Counter();
  const merges = new Counter();
  const taken = new Counter();
  const byKey = new Map<string, Work>(); // qid or id
  const byName = new Map<string, Work>(); // folded name|type|country
  const renamed = new Map<string, string>(); // original id → final id
  const order: Work[] = [];

  const add = (e: Work, fromId: string) => {
    const key = e.qid ?? e.id;
    let target = byKey.get(key);
    let how = 'same QID/id';
    if (!target) {
      const nk = `${fold(e.name)}|${e.type}|${e.country ?? ''}`;
      const cand = byName.get(nk);
      // Namesakes: only merge when at most one side has a QID.
      if (cand && !(cand.qid && e.qid && cand.qid !== e.qid)) { target = cand; how = 'same name+type+country'; }
    }
    if (target) {
      const before = target.id;
      mergeInto(target, e);
      if (target.id !== before) { byKey.set(target.id, target); renamed.set(before, target.id); }
      byKey.set(key, target);
      renamed.set(fromId, target.id);
      merges.add(`${how} (${e.file} into ${target.file})`);
      return;
    }
    byKey.set(key, e);
    byName.set(`${fold(e.name)}|${e.type}|${e.country ?? ''}`, e);
    if (fromId !== e.id) renamed.set(fromId, e.id);
    order.push(e);
  };

  // 1. core: everything usable
  const core = path.join(dir, 'entities.jsonl');
  for await (const r of readJsonl(core, opts.lineLimit)) {
    const e = toWork(r, 'core', drops);
    if (!e) continue;
    taken.add('entities.jsonl');
    add(e, r.id);
  }

  // 2. breadth: rank and take the best
  const pick = async (file: string, kind: 'more' | 'popular', limit: number) => {
    const p = path.join(dir, file);
    if (!existsSync(p)) { report.push(`skipped ${file}: not found`); return; }
    const pool: { e: Work; rank: number; id: string; n: number }[] = [];
    let n = 0;
    for await (const r of readJsonl(p, opts.lineLimit)) {
      n++;
      const e = toWork(r, kind, drops);
      if (!e) continue;
      const rank = kind === 'more' ? moreRank(e) : popularRank(e, r.source ?? '');
      if (rank === null) { drops.add(`entity: ${file} — CC BY-SA-only or low-value source`); continue; }
      if (kind === 'more' && e.type === 'person' && roleScore(e.roles) < 3) { drops.add(`entity: ${file} — person without a role since 2012`); continue; }
      pool.push({ e, rank, id: r.id, n });
    }
    pool.sort((a, b) => b.rank - a.rank || a.n - b.n);
    const keep = pool.slice(0, limit);
    if (pool.length > limit) drops.add(`entity: ${file} — over the size budget (lowest-ranked)`, pool.length - limit);
    keep.sort((a, b) => a.n - b.n);
    for (const { e, id } of keep) { taken.add(file); add(e, id); }
  };
  await pick('entities_more.jsonl', 'more', opts.moreLimit ?? 17000);
  await pick('entities_popular.jsonl', 'popular', opts.popularLimit ?? 9000);

  // 3. curated facts
  const final = (id: string) => renamed.get(id) ?? id;
  const curated = new Map<string, Work>();
  for (const e of order) curated.set(e.id, e);
  for (const f of curatedAliases as { id: string; aliases?: string[]; shortNames?: string[] }[]) {
    const e = curated.get(final(f.id));
    if (!e) { report.push(`curated alias target missing: ${f.id}`); continue; }
    e.aliases.push(...(f.aliases ?? []));
    e.shortNames.push(...(f.shortNames ?? []));
  }
  for (const f of curatedNotes as { id: string; note: string }[]) {
    const e = curated.get(final(f.id));
    if (!e) { report.push(`curated note target missing: ${f.id}`); continue; }
    e.note = f.note;
    if (!e.sources.includes(SOURCE_CURATED)) e.sources.push(SOURCE_CURATED);
  }

  // 4. aliases, short forms, prominence
  const boost = new Map((curatedProminence as { id: string; prominence: number }[]).map((p) => [final(p.id), p.prominence]));
  for (const id of boost.keys()) if (!curated.has(id)) report.push(`curated prominence target missing: ${id}`);
  const out: PackEntity[] = [];
  for (const e of order) {
    e.prominence = boost.get(e.id) ?? prominenceOf(e);
    const nameKey = fold(e.name);
    const seen = new Set<string>([nameKey]);
    const aliases: string[] = [];
    const shorts = new Set<string>();
    const nameIsOneWord = nameTokens(e.name).length === 1;
    for (const a of e.aliases) {
      const k = fold(a);
      if (seen.has(k)) continue;
      if (!keepAlias(a, e, drops)) continue;
      seen.add(k);
      if (e.type === 'person' && nameTokens(a).length === 1 && !nameIsOneWord) { shorts.add(a); continue; }
      aliases.push(a);
    }
    for (const s of e.shortNames) {
      if (!isLatin(s) || NEVER_ALONE.has(fold(s)) || s.replace(/[^\p{L}]/gu, '').length < 3) { drops.add('short form: non-Latin, common word or too short'); continue; }
      shorts.add(s);
    }
    if (e.type === 'person' && shorts.size === 0) {
      const s = surnameOf(e.name);
      if (s) shorts.add(s);
    }
    const shortList = [...shorts].filter((s) => fold(s) !== nameKey).sort();
    const pe: PackEntity = {
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: aliases.sort(),
      shortNames: shortList,
      roles: e.roles,
      sources: [...e.sources].sort(),
      prominence: e.prominence,
    };
    if (e.subtype) pe.subtype = e.subtype;
    if (e.country) pe.country = e.country;
    if (e.party) pe.party = e.party;
    if (e.born) pe.born = e.born;
    if (e.from) pe.from = e.from;
    if (e.to !== undefined) pe.to = e.to;
    if (e.note) pe.note = e.note;
    if (e.url) pe.url = e.url;
    if (e.type === 'place' && e.population) pe.population = e.population;
    out.push(pe);
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const types = new Counter();
  for (const e of out) types.add(e.type);
  report.push(`entities: ${out.length}`, ...types.lines('  type '), ...taken.lines('  taken from '), ...merges.lines('  merged: '), ...drops.lines('  dropped '));
  const sources = [...new Set(out.flatMap((e) => e.sources))].sort();
  return { entities: out, report, sources };
}

/**
 * The page's publisher as a pack entity, from the site name ("Washington Post") or, failing that,
 * the URL host ("www.nytimes.com" → The New York Times). On its own pages an outlet calls itself
 * "The Times", "The Post", "the Journal"; the linker reads those as the publisher (link.ts), not
 * as a namesake outlet elsewhere ("The Times" of London on a New York Times page).
 */
import type { EntityIndex } from './index';
import { decodedHits, findMatches } from './matcher';
import { fold, tokenize } from './normalize';

const prominence = (i: number, index: EntityIndex) => index.entities[i]!.prominence ?? 30;

/** Organisations that publish: the only entities a site name or host may stand for. */
function isPublisher(index: EntityIndex, i: number): boolean {
  const e = index.entities[i]!;
  return e.type === 'organization' && (e.subtype === 'media' || e.subtype === 'website' || e.subtype === 'company');
}

/** The site name's entity: an outlet whose name or alias is the whole site name. */
function fromSiteName(index: EntityIndex, siteName: string): number | undefined {
  const tokens = tokenize(siteName);
  if (tokens.length === 0) return undefined;
  let best: number | undefined;
  for (const m of findMatches(index.aliases, tokens)) {
    // "The Guardian" (site name "the Guardian"), "BBC News" → "BBC" only when nothing longer fits.
    if (m.from !== 0 && !(m.from === 1 && tokens[0]!.norm === 'the')) continue;
    if (m.to !== tokens.length && !(m.to === tokens.length - 1 && tokens[m.to]!.norm === 'news')) continue;
    for (const h of decodedHits(m)) {
      if (h.short || !isPublisher(index, h.entity)) continue;
      if (best === undefined || rank(index, h.entity) > rank(index, best)) best = h.entity;
    }
  }
  return best;
}

/** Media first, then prominence. */
function rank(index: EntityIndex, i: number): number {
  return (index.entities[i]!.subtype === 'media' ? 1000 : 0) + prominence(i, index);
}

/**
 * Host labels an outlet's name is written as: all words run together ("washingtonpost",
 * "theguardian") or the initials of all but the last word plus the last ("nytimes", "wsj" is an
 * alias). Media and websites only; each form goes to the best-ranked outlet that writes it.
 */
export interface HostTable {
  /** The entity number a host label stands for, or undefined. */
  get(form: string): number | undefined;
  readonly size: number;
}

const hostForms = new WeakMap<EntityIndex, HostTable>();

/**
 * Computing the table reads every entity record, which for the runtime pack's lazily made
 * records is ~36k objects on the first page with a URL (176–396 ms, issue #8), so the runtime
 * pack computes it at build time with this same function and seeds it (seedHostTable).
 */
export function hostTableOf(index: EntityIndex): HostTable {
  let table = hostForms.get(index);
  if (table) return table;
  const forms = new Map<string, number>();
  const put = (form: string, i: number) => {
    if (form.length < 3) return;
    const had = forms.get(form);
    if (had === undefined || rank(index, i) > rank(index, had)) forms.set(form, i);
  };
  for (let i = 0; i < index.entities.length; i++) {
    const e = index.entities[i]!;
    if (e.type !== 'organization' || (e.subtype !== 'media' && e.subtype !== 'website')) continue;
    for (const name of [e.name, ...(e.aliases ?? [])]) {
      const words = fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (words.length === 0) continue;
      put(words.join(''), i);
      const bare = words[0] === 'the' ? words.slice(1) : words;
      if (bare.length === 0) continue;
      put(bare.join(''), i);
      if (bare.length >= 3) put(bare.slice(0, -1).map((w) => w[0]).join('') + bare[bare.length - 1], i);
    }
  }
  hostForms.set(index, forms);
  return forms;
}

/** Hand over the table hostTableOf would compute for `index` (the runtime pack's, stored at build time). */
export function seedHostTable(index: EntityIndex, table: HostTable): void {
  hostForms.set(index, table);
}

/** Labels that say nothing about the outlet. */
const HOST_NOISE = new Set(['www', 'm', 'amp', 'mobile', 'edition', 'news', 'com', 'co', 'org', 'net', 'uk', 'au', 'ca', 'de', 'fr', 'in', 'ie', 'nz', 'us', 'int']);

function fromHost(index: EntityIndex, host: string): number | undefined {
  const labels = host.toLowerCase().replace(/:\d+$/, '').split('.').filter((l) => !HOST_NOISE.has(l));
  // "fakehost", "localhost": one label without a dot is not a public site.
  if (!host.includes('.')) return undefined;
  const table = hostTableOf(index);
  for (let k = labels.length - 1; k >= 0; k--) {
    const hit = table.get(labels[k]!.replace(/-/g, ''));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** The publisher's entity number in `index`, or undefined when neither names a known outlet. */
export function publisherOf(index: EntityIndex, siteName: string | null | undefined, url: string | null | undefined): number | undefined {
  const byName = siteName ? fromSiteName(index, siteName) : undefined;
  if (byName !== undefined) return byName;
  if (!url) return undefined;
  let host: string;
  try { host = new URL(url).hostname; } catch { return undefined; }
  return fromHost(index, host);
}

/**
 * How the outlet refers to itself in its own pages: the last word of a name of two or more words
 * after "The" ("The New York Times" → "times", "The Washington Post" → "post"), or null.
 */
export function selfReference(index: EntityIndex, i: number): string | null {
  const words = fold(index.entities[i]!.name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const bare = words[0] === 'the' ? words.slice(1) : words;
  return bare.length >= 2 ? bare[bare.length - 1]! : null;
}

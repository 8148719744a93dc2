/**
 * Extra seats past a kind's quota for the popular file's companies and government bodies (#4,
 * recall of all names). Past the quota the ranks tie in long runs (most companies there share one
 * popularity), so the seats are filled in file order, and a seat's record is taken only when none
 * of its names is already another taken record's name: a low-ranked company named or aliased like
 * a region, a city or a better-known company ("Catalonia" of a hotel chain, "Rotterdam" of a
 * Dutch firm, "Paramount" of a property trust) would only compete with the reading the pack
 * already has — and win it, as organisations outrank places of one name in a sentence that
 * names no place word. Session 18 (packrecall4) measured the seats on dev news/pages and on the
 * 37k unreserved items: see the commit.
 */
import { fold } from '../entities/normalize';

/** Seats past the quota (popular file only), per quota key. */
export const QUOTA_EXTENSION: Readonly<Record<string, number>> = { company: 550, government_body: 80 };

/** The folded strings a record is named by: its name and each alias. */
export function nameKeys(e: { name: string; aliases: readonly string[] }): string[] {
  return [e.name, ...e.aliases].map((n) => fold(n).trim()).filter(Boolean);
}

/** An acronym written in capitals ("DOC", "NGCP"): many bodies share one and the linker reads it by
 * the page's full names and countries, so a shared one does not take the seat away. */
const ACRONYM = /^[A-Z]{2,6}$/;

/** The keys a seat's record is tested by: its name and its aliases but capital acronyms. */
function sharedTestKeys(e: { name: string; aliases: readonly string[] }): string[] {
  return nameKeys({ name: e.name, aliases: e.aliases.filter((a) => !ACRONYM.test(a)) });
}

/** Names of the records taken so far, to test an extension seat's record against. */
export class TakenNames {
  private readonly keys = new Set<string>();
  add(e: { name: string; aliases: readonly string[] }): void {
    for (const k of nameKeys(e)) this.keys.add(k);
  }
  /** Does the record carry a name or alias some taken record already carries? */
  shares(e: { name: string; aliases: readonly string[] }): boolean {
    return sharedTestKeys(e).some((k) => this.keys.has(k));
  }
}

/**
 * May a record past its kind's quota take an extension seat? `used` counts the kind's records
 * taken so far (quota seats and extension seats), `max` is the quota. `ordinary` says whether a
 * folded word is an ordinary word or given name: a seat's record named or aliased by one word
 * that is ("Kernel" of a shell company: the Linux kernel on a page) is left out too.
 */
export function extensionSeat(quotaKey: string, used: number, max: number, e: { name: string; aliases: readonly string[] }, taken: TakenNames, ordinary: (word: string) => boolean): boolean {
  const extra = QUOTA_EXTENSION[quotaKey] ?? 0;
  if (used < max || used >= max + extra || taken.shares(e)) return false;
  // A plural is tested as its singular too ("Beams" of a clothing brand, a verb in a title-case headline).
  return !sharedTestKeys(e).some((k) => !k.includes(' ') && (ordinary(k) || (/[^s]s$/.test(k) && ordinary(k.slice(0, -1)))));
}

/**
 * The year a recurring event's edition was held, from the coverage that names it (issue #4). The
 * reference data dates almost no edition (1 of 203 year-named event records), and an edition is not
 * always held in the year its name says: "2020 Summer Olympics", "Expo 2020" and "UEFA Euro 2020"
 * were postponed to 2021. The linker reads a series' name in dated text as the edition held in the
 * text's year (lib/entities/recurring-events.ts editionInYear), so a postponed edition gets its
 * year as its end date (`to`, year only). Evidence: the compiled coverage items that link the
 * edition. The year after the name's counts when at least POSTPONED_MIN_ITEMS items of that year
 * link it and they outnumber the name year's; earlier years never count (an edition is written
 * about before it is held: "2028 Summer Olympics" in 2023 items). Deterministic; mutates `entities`.
 */
import type { CoverageRecord, PackEntity } from './schema';
import { editionSeriesName, recurringSeries } from '../entities/recurring-events';

/** Items of the year after the name's that make an edition postponed (one item is noise: a look back). */
export const POSTPONED_MIN_ITEMS = 2;

/** Sets `to` (the year held) on the series editions the coverage shows held a year after their
 *  name's year; returns how many. Editions with dates of their own are left as they are. */
export function datePostponedEditions(entities: PackEntity[], coverage: readonly CoverageRecord[]): number {
  const series = new Set<string>();
  for (const e of entities) if (recurringSeries(e)) for (const n of [e.name, ...e.aliases]) series.add(n.toLowerCase());
  const named = new Map<string, { e: PackEntity; year: number; same: number; next: number }>();
  for (const e of entities) {
    if (e.type !== 'event' || e.from || e.to) continue;
    const ed = editionSeriesName(e.name);
    if (ed && ed.series.some((n) => series.has(n.toLowerCase()))) named.set(e.id, { e, year: ed.year, same: 0, next: 0 });
  }
  if (!named.size) return 0;
  for (const c of coverage) {
    const y = c.date ? Number(c.date.slice(0, 4)) : NaN;
    if (!y) continue;
    for (const id of c.entities) {
      const n = named.get(id);
      if (n && y === n.year) n.same++;
      else if (n && y === n.year + 1) n.next++;
    }
  }
  let count = 0;
  for (const n of named.values()) {
    if (n.next >= POSTPONED_MIN_ITEMS && n.next > n.same) n.e.to = String(n.year + 1), count++;
  }
  return count;
}

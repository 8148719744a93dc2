/**
 * The dataset pack: one versioned, zod-validated format for the default pack and for packs the
 * reader imports. Owns the shape only; loading lives in pack.ts, compiling in compile.ts.
 *
 * A pack carries facts (ids, names, aliases, dates, roles, outlets, URLs). Prose (`title`,
 * `summary` of coverage items) is only present in packs a user builds and imports themselves.
 */
import { z } from 'zod';
import { lazily } from '../lazy';

export const PACK_FORMAT = 'backstory-pack';
export const PACK_FORMAT_VERSION = 1;

// The schemas are built on first use (lib/lazy.ts), not when a bundle evaluates this module
// (issue #8): the background worker imports it at every start, and its first answers need none of
// them (the default pack is trusted and read from its binary image; only an imported pack or a
// pack import from the options page validates). The first use builds all of them, from each other,
// so zod only ever sees real schemas; validation and its messages are unchanged.
let built: ReturnType<typeof buildSchemas> | undefined;
const schemas = () => (built ??= buildSchemas());

function buildSchemas() {
  const EntityType = z.enum(['person', 'organization', 'place', 'event']);

  const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date YYYY[-MM[-DD]]');

  const Role = z.object({
    title: z.string().min(1),
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional(),
    /** Date of the snapshot that says an open role (`to` null) was still held. */
    asOf: isoDate.nullable().optional(),
  });

  const PackEntity = z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    type: EntityType,
    subtype: z.string().optional(),
    /** Full alternative names; matched case-sensitively unless normalised forms say otherwise. */
    aliases: z.array(z.string()).default([]),
    /** Surname-style forms, only safe after a full mention on the same page. */
    shortNames: z.array(z.string()).default([]),
    roles: z.array(Role).default([]),
    country: z.string().optional(),
    party: z.string().optional(),
    born: z.string().optional(),
    /** A person's date of death, as the reference states it (death-dates.ts): "1961" or "2025-04-21". */
    died: z.string().optional(),
    /** For events: when it happened. */
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional(),
    /** For metonyms such as "the Kremlin": the note shown on the card. */
    note: z.string().optional(),
    url: z.string().optional(),
    /** For places: inhabitants, when known (shown on the card). */
    population: z.number().nonnegative().optional(),
    /** 0..100, higher = more prominent in news; used to break ties. */
    prominence: z.number().min(0).max(100).optional(),
    /** An organisation or event one of whose names is one dictionary word ("Pics", "The Sun"):
     *  written in a title-case headline or at a sentence start, that name needs page support. */
    commonWord: z.literal(true).optional(),
    /** An organisation whose generic-word names ("State Department") the reference data gives to
     *  its country's bodies only (one-country-names.ts): not another country's namesake body. */
    oneCountryName: z.literal(true).optional(),
    /** Which reference file(s) the facts came from (ids into the pack's `licenses`). */
    sources: z.array(z.string()).default([]),
  });

  const CoverageRecord = z.object({
    id: z.string().min(1),
    date: isoDate.nullable(),
    /** Prose: only in packs the reader builds from a corpus they hold. */
    title: z.string().optional(),
    summary: z.string().optional(),
    /** Outlets cited or publishing, e.g. "Reuters, BBC". */
    source: z.string().default(''),
    /**
     * Link to the item. Left out for Wikipedia "Current events" items (ids "wcep-…"): their link is
     * the portal's day page, rebuilt from `date` by lib/coverage/facts.ts `coverageUrl` (saves ~1.6 MB
     * raw in the default pack). Readers of a pack use coverageUrl(item), not item.url.
     */
    url: z.string().optional(),
    entities: z.array(z.string()).default([]),
    topics: z.array(z.string()).default([]),
  });

  const License = z.object({
    id: z.string(),
    /** What the licence covers, e.g. "entities.jsonl (core news entities)". */
    covers: z.string(),
    license: z.string(),
    url: z.string().optional(),
    attribution: z.string(),
  });

  const Pack = z.object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    id: z.string().min(1),
    name: z.string().min(1),
    /** Data version, e.g. "2026.11.25". */
    version: z.string().min(1),
    description: z.string().optional(),
    licenses: z.array(License),
    entities: z.array(PackEntity).default([]),
    coverage: z.array(CoverageRecord).default([]),
  });
  return { EntityType, Role, PackEntity, CoverageRecord, License, Pack };
}

export const EntityType = /* @__PURE__ */ lazily(() => schemas().EntityType);
export type EntityType = z.infer<typeof EntityType>;
export const Role = /* @__PURE__ */ lazily(() => schemas().Role);
export type Role = z.infer<typeof Role>;
export const PackEntity = /* @__PURE__ */ lazily(() => schemas().PackEntity);
export type PackEntity = z.infer<typeof PackEntity>;
export const CoverageRecord = /* @__PURE__ */ lazily(() => schemas().CoverageRecord);
export type CoverageRecord = z.infer<typeof CoverageRecord>;
export const License = /* @__PURE__ */ lazily(() => schemas().License);
export type License = z.infer<typeof License>;
export const Pack = /* @__PURE__ */ lazily(() => schemas().Pack);
export type Pack = z.infer<typeof Pack>;

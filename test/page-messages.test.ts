/**
 * The article reader checks the popup's and the background's messages by hand
 * (lib/page/page-messages.ts) instead of carrying zod to the page (#8). These guards must accept
 * and reject exactly what the protocol's schemas (lib/messaging.ts) accept and reject, and give
 * the same parsed value.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BgToCs, UiToCs } from '../lib/messaging';
import { readBgToCs, readUiToCs } from '../lib/page/page-messages';

const viaSchema = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, v: unknown): T | null => {
  const r = schema.safeParse(v);
  return r.success ? (r.data as T) : null;
};

const numbers = fc.oneof(fc.integer({ min: -5, max: 1e6 }), fc.double(), fc.constantFrom(0, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 53));
const anything = fc.oneof(numbers, fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 2 }));
const candidate = fc.oneof(
  anything,
  fc.record(
    {
      type: fc.oneof(fc.constantFrom('ui:reveal', 'ui:get-page-status', 'bg:report-id', 'ui:get-tab-report', 'cs:not-article'), fc.string()),
      paragraph: fc.oneof(numbers, anything),
      start: fc.oneof(numbers, anything),
      end: fc.oneof(numbers, anything),
      extra: anything,
    },
    { requiredKeys: ['type'] },
  ),
);

describe('page message guards agree with the protocol schemas', () => {
  it('on hand-picked messages', () => {
    const cases: unknown[] = [
      { type: 'ui:reveal', paragraph: 0 },
      { type: 'ui:reveal', paragraph: 3, start: 1, end: 4 },
      { type: 'ui:reveal', paragraph: -1 },
      { type: 'ui:reveal', paragraph: 1.5 },
      { type: 'ui:reveal', paragraph: '1' },
      { type: 'ui:reveal' },
      { type: 'ui:reveal', paragraph: 2, start: -1 },
      { type: 'ui:reveal', paragraph: 2, end: null },
      { type: 'ui:reveal', paragraph: 2, start: undefined, extra: 'dropped' },
      { type: 'ui:get-page-status' },
      { type: 'ui:get-page-status', tabId: 3 },
      { type: 'bg:report-id' },
      { type: 'bg:report-id', x: 1 },
      { type: 'bg:other' },
      null, undefined, 'ui:reveal', [], [{ type: 'bg:report-id' }], 7,
    ];
    for (const c of cases) {
      expect(readUiToCs(c), JSON.stringify(c)).toEqual(viaSchema(UiToCs, c));
      expect(readBgToCs(c), JSON.stringify(c)).toEqual(viaSchema(BgToCs, c));
    }
  });

  it('on generated messages', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        expect(readUiToCs(c)).toEqual(viaSchema(UiToCs, c));
        expect(readBgToCs(c)).toEqual(viaSchema(BgToCs, c));
      }),
      { numRuns: 3000 },
    );
  });
});

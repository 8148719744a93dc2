/**
 * The messages a page's content script accepts (UiToCs from the popup, BgToCs from the
 * background), checked by hand: the same rules as the zod schemas in lib/messaging.ts, which the
 * content script no longer carries (issue #8: zod was a quarter of the article reader's bytes,
 * for two message shapes). test/page-messages.test.ts holds these guards to the schemas.
 */
import type { BgToCs, UiToCs } from '../messaging';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0; // z.int(): safe integers only

/** The background asks which report the page shows (`bg:report-id`). */
export function readBgToCs(message: unknown): BgToCs | null {
  return isRecord(message) && message.type === 'bg:report-id' ? { type: 'bg:report-id' } : null;
}

/** The popup's `ui:reveal` / `ui:get-page-status`, as the schema would give it (unknown keys dropped); null when invalid. */
export function readUiToCs(message: unknown): UiToCs | null {
  if (!isRecord(message)) return null;
  if (message.type === 'ui:get-page-status') return { type: 'ui:get-page-status' };
  if (message.type !== 'ui:reveal') return null;
  const { paragraph, start, end } = message;
  if (!isIndex(paragraph)) return null;
  if (start !== undefined && !isIndex(start)) return null;
  if (end !== undefined && !isIndex(end)) return null;
  return { type: 'ui:reveal', paragraph, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/**
 * The popup page's early requests, taken when this module is evaluated: entrypoints/popup/main.tsx
 * imports it first. Kept apart from components/popup/early.ts so the head script
 * (entrypoints/popup-early.ts) bundles that module's functions without this side effect.
 */
import { takeEarly, type EarlyPopupData } from './early';

export const early: EarlyPopupData | null = takeEarly();

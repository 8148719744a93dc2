/**
 * The shape of assets/opinion-model.json: written by train.ts, read by model.ts. One definition so
 * the trainer and the runtime cannot drift apart.
 */
import type { FeatureConfig } from './features';

export interface ModelFile {
  format: 1;
  about: string;
  features: FeatureConfig;
  bias: number;
  /** Decision threshold on the probability (see train.ts header). */
  threshold: number;
  /** Hashed weights: bucket ids delta-encoded, weights as integers × scale. */
  scale: number;
  idx: number[];
  w: number[];
  /** Embedding term folded into per-word scores: space-separated words, integer scores × wordScale. */
  wordScale: number;
  words: string;
  wordW: number[];
  cv: Record<string, number | string>;
}

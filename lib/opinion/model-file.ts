/**
 * The shape of assets/opinion-model.json: written by train.ts, read by model.ts. One definition so
 * the trainer and the runtime cannot drift apart.
 */
import type { FeatureConfig } from './features';

export interface ModelFile {
  /** 2: per-word scores as one sorted string (lib/opinion/word-scores.ts); 1 had a words string and a score array. */
  format: 2;
  about: string;
  features: FeatureConfig;
  bias: number;
  /** Decision threshold on the probability (see train.ts header). */
  threshold: number;
  /** Hashed weights: bucket ids delta-encoded, weights as integers × scale. */
  scale: number;
  idx: number[];
  w: number[];
  /** Embedding term folded into per-word scores: integer scores × wordScale, in encodeWordScores' string. */
  wordScale: number;
  wordScores: string;
  cv: Record<string, number | string>;
}

/**
 * The content script's extraction options (#8, speed only): handing over the gate's verdict it
 * already has, and leaving the kind's reasons unworded, change nothing else in the extraction.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/article/extract';
import { articleGate } from '../lib/article/gate';

const URL = 'https://news.example/2025/03/04/world/story';
const page = () => parseHTML(readFileSync('test/fixtures/pages/own-seed.html', 'utf8')).document as unknown as Document;

describe('extraction options used by the content script', () => {
  it('with the gate verdict handed in: the same extraction as running the gate itself', () => {
    const doc = page();
    const plain = extractArticle(doc, URL);
    expect(plain.detected).toBe(true);
    expect(extractArticle(doc, URL, { gate: articleGate(doc, URL) })).toEqual(plain);
  });

  it('a verdict handed in is the one used (its vetoes stand)', () => {
    const doc = page();
    expect(extractArticle(doc, URL, { gate: { likely: false, signals: ['veto:login'] } })).toEqual({ detected: false, signals: ['veto:login'] });
  });

  it('without worded kind reasons: only kindReasons differ (empty), kindSignals stay', () => {
    const doc = page();
    const plain = extractArticle(doc, URL);
    const unworded = extractArticle(doc, URL, { wordKindReasons: false });
    if (!plain.detected || !unworded.detected) throw new Error('own seed not detected');
    expect(plain.input.kindSignals.length).toBeGreaterThan(0);
    expect(unworded.input.kindReasons).toEqual([]);
    expect({ ...unworded.input, kindReasons: plain.input.kindReasons }).toEqual(plain.input);
    expect(unworded.blocks.map((b) => b.element)).toEqual(plain.blocks.map((b) => b.element));
  });
});

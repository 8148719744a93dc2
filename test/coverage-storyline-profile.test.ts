import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { relatedCoverage } from '../lib/coverage/rank';
import { RERANK_FEATURES } from '../lib/coverage/rerank';
import { PROFILE_FEATURES, addEntity, entityLogLikelihood, newProfile, profileFeatures, typeGroup } from '../lib/coverage/storyline-profile';
import type { LinkedEntity } from '../lib/report';

describe('storyline entity profile', () => {
  it('groups entity types: people, places, organisations with events; anything else unknown', () => {
    expect(['person', 'place', 'organization', 'event', undefined, 'thing'].map(typeGroup)).toEqual([0, 1, 2, 2, -1, -1]);
  });

  it('sums the page\'s entities unweighted, so a heading naming all of them beats one naming one of them often', () => {
    // Two scored headings of 10 prior items each. Heading 0 names each of the three entities in
    // 3 items; heading 1 names the first entity in all 10 items and the others never.
    const size = Float64Array.of(10, 10);
    const counts = [[3, 10], [3, 0], [3, 0]];
    const p = newProfile(2);
    addEntity(p, 'person', (h) => counts[0]![h]!, size);
    addEntity(p, 'place', (h) => counts[1]![h]!, size);
    addEntity(p, 'organization', (h) => counts[2]![h]!, size);
    const f0 = new Float64Array(PROFILE_FEATURES.length), f1 = new Float64Array(PROFILE_FEATURES.length);
    profileFeatures(p, 0, f0, 0);
    profileFeatures(p, 1, f1, 0);
    const all = PROFILE_FEATURES.indexOf('nbAll'), named = PROFILE_FEATURES.indexOf('namedAll');
    expect(f0[all]!).toBeGreaterThan(f1[all]!);
    expect(f0[named]).toBe(1);
    expect(f1[named]).toBeCloseTo(1 / 3);
    // By type: the person fits heading 1 better, the place heading 0.
    expect(f1[PROFILE_FEATURES.indexOf('nbPerson')]!).toBeGreaterThan(f0[PROFILE_FEATURES.indexOf('nbPerson')]!);
    expect(f0[PROFILE_FEATURES.indexOf('nbPlace')]!).toBeGreaterThan(f1[PROFILE_FEATURES.indexOf('nbPlace')]!);
    expect(f0[PROFILE_FEATURES.indexOf('nbPlace')]).toBeCloseTo(entityLogLikelihood(3, 10));
  });

  it('an entity of unknown type counts in nbAll and namedAll only', () => {
    const p = newProfile(1);
    addEntity(p, undefined, () => 4, Float64Array.of(8));
    const f = new Float64Array(PROFILE_FEATURES.length);
    profileFeatures(p, 0, f, 0);
    expect([...f.slice(0, 3)]).toEqual([0, 0, 0]);
    expect(f[3]).toBeCloseTo(Math.log(4.5 / 9));
    expect(f[4]).toBe(1);
  });
});

describe('the chooser\'s rows carry the profile of the page\'s entities, by their type', () => {
  // Own fixture: a place (p) named under two storylines, a person (q) under one of them only.
  let n = 0;
  const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `s-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
  const items: CoverageItem[] = [
    item('2025-01-01', ['p'], ['Harbour floods']),
    item('2025-01-02', ['p'], ['Harbour floods']),
    item('2025-01-03', ['p', 'q'], ['Harbour election']),
    item('2025-01-04', ['q'], ['Harbour election']),
    item('2025-01-05', ['p'], ['Harbour election']),
    item('2025-03-01', ['p', 'q'], ['Harbour election']), // after the page: never counted
  ];
  const index = buildCoverageIndex(items, (id) => ({ p: 'Port Town', q: 'Quill Mayor' })[id]);
  const linked = (id: string, type: LinkedEntity['type']): LinkedEntity => ({ id, name: id, type, description: '', mentions: [{ paragraph: 0, start: 0, end: 1, text: id }] });
  const rowsFor = (entities: LinkedEntity[]) => {
    const out = new Map<string, Float64Array>();
    relatedCoverage(index, { entities, date: '2025-02-01', title: '', excludeUrl: null, limit: 5, model: [], onFeatures: (hs, fs) => hs.forEach((h, i) => out.set(h, fs[i]!)) });
    return out;
  };
  const col = (name: (typeof RERANK_FEATURES)[number]) => RERANK_FEATURES.indexOf(name);

  it('puts the place\'s log-likelihood under nbPlace and the person\'s under nbPerson, from prior items only', () => {
    const rows = rowsFor([linked('p', 'place'), linked('q', 'person')]);
    const floods = rows.get('Harbour floods')!, election = rows.get('Harbour election')!;
    expect(floods[col('nbPlace')]).toBeCloseTo(entityLogLikelihood(2, 2));
    expect(election[col('nbPlace')]).toBeCloseTo(entityLogLikelihood(2, 3));
    expect(election[col('nbPerson')]).toBeCloseTo(entityLogLikelihood(2, 3));
    expect(floods[col('nbPerson')]).toBeCloseTo(entityLogLikelihood(0, 2));
    expect(election[col('nbOrg')]).toBe(0);
    expect(election[col('namedAll')]).toBe(1);
    expect(floods[col('namedAll')]).toBe(0.5);
  });

  it('moves the same evidence to nbOrg when the linker calls the entity an organisation', () => {
    const rows = rowsFor([linked('p', 'organization'), linked('q', 'person')]);
    const election = rows.get('Harbour election')!;
    expect(election[col('nbPlace')]).toBe(0);
    expect(election[col('nbOrg')]).toBeCloseTo(entityLogLikelihood(2, 3));
  });
});

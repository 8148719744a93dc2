import { describe, expect, it } from 'vitest';
import { describeEntity, roleState } from '../lib/entities/describe';
import { ENTITIES } from './entities-fixture';

const byId = new Map(ENTITIES.map((e) => [e.id, e]));
const get = (id: string) => byId.get(id)!;

describe('describeEntity at the article date', () => {
  it.each([
    ['Q22686', '2019-03-01', /^President of the United States \(since January 2017\)/],
    ['Q22686', '2025-06-08', /^President of the United States since 20 January 2025 \(also 2017–2021\)/],
    ['Q22686', '2022-05-01', /^Former President of the United States \(2017–2021\)/],
    ['Q6279', '2025-06-08', /^Former President of the United States \(2021–2025\)/],
    ['Q6279', '2023-01-01', /^President of the United States \(since January 2021\)/],
    ['Q6279', null, /^Former President of the United States/],
    // An open role from a 2022 snapshot: said to be held "as of 2022", not now.
    ['Q100', '2025-06-08', /^Minister of Culture \(France\) \(since July 2020; as of 2022\)/],
    ['Q100', '2021-06-08', /^Minister of Culture \(France\) \(since July 2020\)$|^Minister of Culture \(France\) \(since July 2020\) — France$/],
    ['Q1899', '2025-06-08', /^Capital of Ukraine \(pop\. 2\.8 million\)$/],
    ['Q212', '2025-06-08', /^Country$/],
    ['curated:the-kremlin', '2025-06-08', /^Government body in Russia$/],
    ['curated:russian-invasion', '2025-06-08', /^Event in Ukraine, since 24 February 2022$/],
    ['curated:russian-invasion', '2021-06-08', /after this article/],
  ])('%s at %s', (id, date, expected) => {
    expect(describeEntity(get(id), date)).toMatch(expected);
  });

  it('names the country and party of a person', () => {
    expect(describeEntity(get('Q22686'), '2025-06-08')).toMatch(/— United States, Republican$/);
  });

  it('never mentions a role that starts after the article', () => {
    expect(describeEntity(get('Q22686'), '2016-05-01')).not.toMatch(/President/);
  });

  it('roleState covers future, current, stale and former', () => {
    const role = { title: 'X', from: '2020-01-01', asOf: '2022-07-01' };
    expect(roleState(role, '2019-01-01')).toBe('future');
    expect(roleState(role, '2021-01-01')).toBe('current');
    expect(roleState(role, '2025-01-01')).toBe('stale');
    expect(roleState({ title: 'X', from: '2020', to: '2021' }, '2025-01-01')).toBe('former');
  });
});

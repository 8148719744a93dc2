/**
 * A small hand-built entity list for the linker/describe tests (our own facts, no ../shared).
 */
import type { PackEntity } from '../lib/dataset/schema';

const E = (e: Partial<PackEntity> & Pick<PackEntity, 'id' | 'name' | 'type'>): PackEntity => ({
  aliases: [], shortNames: [], roles: [], sources: ['test'], ...e,
});

export const ENTITIES: PackEntity[] = [
  E({ id: 'Q22686', name: 'Donald Trump', type: 'person', aliases: ['Donald J. Trump', 'President Trump'], shortNames: ['Trump'], country: 'US', party: 'Republican', prominence: 99,
    roles: [{ title: 'President of the United States', from: '2025-01-20', asOf: '2026-08-22' }, { title: 'President of the United States', from: '2017-01-20', to: '2021-01-20' }] }),
  E({ id: 'Q7747', name: 'Vladimir Putin', type: 'person', aliases: ['Vladimir V. Putin'], shortNames: ['Putin'], country: 'RU', prominence: 98,
    roles: [{ title: 'President of Russia', from: '2012-05-07', asOf: '2026-08-22' }] }),
  E({ id: 'Q3874799', name: 'Volodymyr Zelenskyy', type: 'person', aliases: ['Volodymyr Zelensky'], shortNames: ['Zelenskyy', 'Zelensky'], country: 'UA', prominence: 98,
    roles: [{ title: 'President of Ukraine', from: '2019-05-20', asOf: '2026-08-22' }] }),
  E({ id: 'Q6279', name: 'Joe Biden', type: 'person', shortNames: ['Biden'], country: 'US', prominence: 97,
    roles: [{ title: 'President of the United States', from: '2021-01-20', to: '2025-01-20' }] }),
  E({ id: 'Q39259', name: 'Recep Tayyip Erdoğan', type: 'person', aliases: ['Tayyip Erdogan'], shortNames: ['Erdoğan'], country: 'TR', prominence: 94,
    roles: [{ title: 'President of Turkey', from: '2014-08-28', asOf: '2026-08-22' }] }),
  E({ id: 'Q100', name: 'Maria Example', type: 'person', shortNames: ['Example'], country: 'FR', prominence: 55,
    roles: [{ title: 'Minister of Culture (France)', from: '2020-07-06', asOf: '2022-07-01' }] }),
  E({ id: 'Q101', name: 'Theresa May', type: 'person', shortNames: ['May'], country: 'GB', prominence: 80,
    roles: [{ title: 'Prime Minister of the United Kingdom', from: '2016-07-13', to: '2019-07-24' }] }),
  E({ id: 'Q102', name: 'Mark Rutte', type: 'person', shortNames: ['Rutte'], country: 'NL', prominence: 85 }),
  E({ id: 'Q212', name: 'Ukraine', type: 'place', subtype: 'country', country: 'UA', prominence: 95 }),
  E({ id: 'Q159', name: 'Russia', type: 'place', subtype: 'country', aliases: ['Russian Federation'], country: 'RU', prominence: 95 }),
  E({ id: 'Q794', name: 'Iran', type: 'place', subtype: 'country', country: 'IR', prominence: 95 }),
  E({ id: 'Q43', name: 'Turkey', type: 'place', subtype: 'country', aliases: ['Türkiye'], country: 'TR', prominence: 95 }),
  E({ id: 'Q810', name: 'Jordan', type: 'place', subtype: 'country', country: 'JO', prominence: 95 }),
  E({ id: 'Q657', name: 'Chad', type: 'place', subtype: 'country', country: 'TD', prominence: 95 }),
  E({ id: 'Q230', name: 'Georgia', type: 'place', subtype: 'country', country: 'GE', prominence: 95 }),
  E({ id: 'Q1428', name: 'Georgia', type: 'place', subtype: 'region', country: 'US', prominence: 64 }),
  E({ id: 'Q23556', name: 'Atlanta', type: 'place', subtype: 'city', country: 'US', prominence: 70 }),
  E({ id: 'Q30', name: 'United States', type: 'place', subtype: 'country', aliases: ['US', 'U.S.', 'USA', 'the United States'], country: 'US', prominence: 95 }),
  E({ id: 'Q1065', name: 'United Nations', type: 'organization', subtype: 'international_organization', aliases: ['UN', 'U.N.'], prominence: 90 }),
  E({ id: 'Q2429253', name: 'Islamic State', type: 'organization', subtype: 'armed_group', aliases: ['ISIS', 'IS'], prominence: 80 }),
  E({ id: 'Q1899', name: 'Kyiv', type: 'place', subtype: 'capital', aliases: ['Kiev'], country: 'UA', population: 2797553, prominence: 85 }),
  E({ id: 'Q649', name: 'Moscow', type: 'place', subtype: 'capital', country: 'RU', prominence: 85 }),
  E({ id: 'curated:the-kremlin', name: 'Kremlin', type: 'organization', subtype: 'government_body', aliases: ['the Kremlin'], country: 'RU', prominence: 85,
    note: '“The Kremlin” usually stands for the Russian presidency and government.' }),
  E({ id: 'Q35525', name: 'White House', type: 'organization', subtype: 'government_body', aliases: ['the White House'], country: 'US', prominence: 85, note: 'Stands for the US presidency.' }),
  E({ id: 'curated:truth-social', name: 'Truth Social', type: 'organization', subtype: 'media', country: 'US', prominence: 85 }),
  E({ id: 'curated:biden-administration', name: 'Biden administration', type: 'organization', subtype: 'government_body', country: 'US', prominence: 85 }),
  E({ id: 'curated:russian-invasion', name: 'Russian invasion of Ukraine', type: 'event', aliases: ['Russia-Ukraine war'], country: 'UA', from: '2022-02-24', to: null, prominence: 80 }),
  E({ id: 'Q312', name: 'Apple', type: 'organization', subtype: 'company', aliases: ['Apple Inc.'], country: 'US', prominence: 75 }),
  E({ id: 'Q41187', name: 'Michael Jordan', type: 'person', shortNames: [], country: 'US', prominence: 70 }),
];

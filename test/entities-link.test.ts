import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities, linkText } from '../lib/entities/link';
import { ENTITIES } from './entities-fixture';

const index = buildEntityIndex(ENTITIES);
/** Mentions as "id:text" in text order. */
function links(text: string | string[], date: string | null = '2025-06-08'): string[] {
  const blocks = (Array.isArray(text) ? text : [text]).map((t) => ({ text: t }));
  return linkEntities(blocks, index, { date })
    .flatMap((e) => e.mentions.map((m) => ({ k: `${e.id}:${m.text}`, p: m.paragraph, s: m.start })))
    .sort((a, b) => a.p - b.p || a.s - b.s)
    .map((x) => x.k);
}

describe('linkEntities: seed-like sentences', () => {
  it.each([
    ['Donald Trump spoke with Vladimir Putin by phone on Wednesday.', ['Q22686:Donald Trump', 'Q7747:Vladimir Putin']],
    ['Trump said Putin told him Russia would respond.', ['Q22686:Trump', 'Q7747:Putin', 'Q159:Russia']],
    ['Zelenskyy thanked the drone crews after the strike.', ['Q3874799:Zelenskyy']],
    ['Drones hit air bases across Russia, Ukraine’s security service said.', ['Q159:Russia', 'Q212:Ukraine']],
    ["Putin's warning came as Iran weighed a new offer.", ['Q7747:Putin', 'Q794:Iran']],
    ['Air raid sirens sounded in Kyiv overnight.', ['Q1899:Kyiv']],
    ['The Kremlin said the talks were useful.', ['curated:the-kremlin:Kremlin']],
    ['He posted the message on Truth Social.', ['curated:truth-social:Truth Social']],
    ['The Biden administration had paused some shipments.', ['curated:biden-administration:Biden administration']],
    ['Analysts called the Russia-Ukraine war a test for Europe.', ['curated:russian-invasion:Russia-Ukraine war']],
    ['Officials in Russia-Ukraine talks met again.', ['Q159:Russia', 'Q212:Ukraine']],
    ['The U.S. and the UN disagreed.', ['Q30:U.S.', 'Q1065:UN']],
    ['IS fighters attacked. It is unclear whether this is true.', ['Q2429253:IS']],
    ['President Erdoğan and Tayyip Erdogan are one person; Erdogan spoke in Türkiye.', ['Q39259:Erdoğan', 'Q39259:Tayyip Erdogan', 'Q39259:Erdogan', 'Q43:Türkiye']],
  ])('%s', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });
});

describe('linkEntities: no false links on ordinary words', () => {
  it.each([
    ['We roasted a turkey for the holiday.'],
    ['Turkey was delicious, everyone agreed.'],
    ['In May, prices rose again.'],
    ['May I ask a question?'],
    ['Will the talks resume?'],
    ['Mark my words, the bill will pass.'],
    ['Bill and Mark went fishing.'],
    ['Chad Smith played the drums.'],
    ['The us versus them mood was clear.'],
    ['It is what it is.'],
    ['An apple a day.'],
    ['Apple pie is sweet.'],
  ])('%s', (text) => {
    expect(links(text)).toEqual([]);
  });
});

describe('linkEntities: surname forms and context', () => {
  it('links a surname only after a full mention on the page', () => {
    expect(links('Example said the museum would reopen.')).toEqual([]);
    expect(links(['Maria Example visited Lyon.', 'Example said the museum would reopen.'])).toEqual(['Q100:Maria Example', 'Q100:Example']);
  });
  it('never links a month-like surname alone, even after a full mention', () => {
    expect(links(['Theresa May resigned.', 'In May, May left office.'])).toEqual(['Q101:Theresa May']);
  });
  it('links a surname after a title only when it is the clear candidate', () => {
    expect(links('Chancellor Rutte arrived.')).toEqual(['Q102:Rutte']);
  });
  it('links ambiguous country names with a locative cue or page support, not inside names', () => {
    expect(links('The delegation travelled to Jordan on Monday.')).toEqual(['Q810:Jordan']);
    expect(links('Michael Jordan won six titles.')).toEqual(['Q41187:Michael Jordan']);
    expect(links('Refugees crossed from Chad into Sudan.')).toEqual(['Q657:Chad']);
    expect(links('Erdoğan said Turkey would host the talks.')).toEqual(['Q39259:Erdoğan', 'Q43:Turkey']);
  });
  it('picks Georgia the US state or the country from the page', () => {
    expect(links('Voters in Atlanta and across Georgia went to the polls.')).toEqual(['Q23556:Atlanta', 'Q1428:Georgia']);
    expect(links('Protesters in Georgia marched again.')).toEqual(['Q230:Georgia']);
  });
  it('folds diacritics and typographic apostrophes', () => {
    expect(links('Erdogan’s party lost Istanbul.')).toEqual(['Q39259:Erdogan']);
    expect(links('TURKIYE and Türkiye')).toEqual(['Q43:TURKIYE', 'Q43:Türkiye']);
  });
  it('reads through soft hyphens inside words', () => {
    expect(links('Then Pu\u00adtin spoke.')).toEqual(['Q7747:Pu\u00adtin']);
  });
  it('prefers the longest match', () => {
    expect(links('The Russian Federation replied.')).toEqual(['Q159:Russian Federation']);
  });
  it('leaves "<Surname> administration" / "government" unlinked when the pack has no entity for it', () => {
    expect(links('The Trump administration said so.')).toEqual([]);
    expect(links('Donald Trump met Putin. The Putin government said so.')).toEqual(['Q22686:Donald Trump', 'Q7747:Putin']);
  });
  it('does not link an organisation inside a longer name that goes on after a title word', () => {
    expect(links('The U.N. General Assembly voted on the resolution after a long debate.')).toEqual([]);
    expect(links('The U.N. Secretary General spoke about the resolution after a long debate.')).toEqual(['Q1065:U.N.']);
  });
  it('does not link the city of a mission named after it', () => {
    expect(links('Staff at the Embassy in Kyiv left.')).toEqual([]);
    expect(links('Staff in Kyiv left.')).toEqual(['Q1899:Kyiv']);
  });
  it('carries the metonym note and a Wikidata URL', () => {
    const [k] = linkEntities([{ text: 'The Kremlin denied it. The White House did not.' }], index, { date: null });
    expect(k!.note).toMatch(/Russian presidency/);
    const wh = linkEntities([{ text: 'The White House did not.' }], index, { date: null })[0]!;
    expect(wh.url).toBe('https://www.wikidata.org/wiki/Q35525');
  });
  it('gives paragraph indexes and UTF-16 offsets into each block', () => {
    const blocks = [{ text: 'Intro 🙂 line.' }, { text: '🙂 Then Putin’s aide spoke.' }];
    const [putin] = linkEntities(blocks, index, { date: '2025-06-08' });
    const m = putin!.mentions[0]!;
    expect(m).toMatchObject({ paragraph: 1, text: 'Putin' });
    expect(blocks[1]!.text.slice(m.start, m.end)).toBe('Putin');
  });
  it('linkText returns ids for plain text', () => {
    expect(linkText('Putin and Zelenskyy', index)).toEqual(['Q7747', 'Q3874799']);
  });
});

describe('linkEntities: the page\'s publisher', () => {
  const outlets = buildEntityIndex([
    ...ENTITIES,
    { id: 'Q9684', name: 'The New York Times', type: 'organization', subtype: 'media', aliases: ['New York Times'], shortNames: [], roles: [], sources: [], prominence: 55 },
    { id: 'Q50008', name: 'The Times', type: 'organization', subtype: 'media', aliases: [], shortNames: [], roles: [], sources: [], prominence: 76 },
    { id: 'Q166032', name: 'The Washington Post', type: 'organization', subtype: 'media', aliases: ['Washington Post'], shortNames: [], roles: [], sources: [], prominence: 55 },
  ]);
  const ids = (text: string, opts: { publisher?: string | null; url?: string | null }) =>
    linkEntities([{ text }], outlets, { date: null, ...opts }).map((e) => `${e.id}:${e.mentions[0]!.text}`);
  it('reads "The Times" as the publisher named by the host', () => {
    expect(ids('He told The Times on Monday.', { url: 'https://www.nytimes.com/2016/07/30/x.html' })).toEqual(['Q9684:The Times']);
  });
  it('reads "The Post" as the publisher named by the site name', () => {
    expect(ids('Since joining The Post, he has covered China.', { publisher: 'Washington Post' })).toEqual(['Q166032:The Post']);
  });
  it('keeps the namesake outlet elsewhere', () => {
    expect(ids('He told The Times on Monday.', { url: 'https://example.org/a' })).toEqual(['Q50008:The Times']);
    expect(ids('He told The Times on Monday.', {})).toEqual(['Q50008:The Times']);
  });
  it('does not take a longer name for the self-reference', () => {
    expect(ids('She wrote for The Post Dispatch.', { publisher: 'Washington Post' })).toEqual([]);
  });
});

describe('linkEntities: legislative chambers by their common noun', () => {
  const chambers = buildEntityIndex([
    ...ENTITIES,
    { id: 'Q66096', name: 'United States Senate', type: 'organization', subtype: 'government_body', country: 'US', aliases: ['Senate', 'US Senate'], shortNames: [], roles: [], sources: [], prominence: 85 },
  ]);
  const ids = (text: string) => linkEntities([{ text }], chambers, { date: null }).flatMap((e) => e.mentions.map((m) => `${e.id}:${m.text}`));
  it('links "the Senate" on a page about the United States', () => {
    expect(ids('Washington and the United States: the bill passed the Senate. The United States Senate voted.')).toContain('Q66096:Senate');
  });
  it('does not link it on a page about elsewhere, or without "the"', () => {
    expect(ids('Kyiv and Russia: the bill passed the Senate on Monday.')).not.toContain('Q66096:Senate');
    expect(ids('The United States and the US Senate: a Senate seat is open.').filter((x) => x === 'Q66096:Senate')).toEqual([]);
  });
});

describe('linkEntities: a name written in digits', () => {
  const idx = buildEntityIndex([
    ...ENTITIES,
    { id: 'Q10806', name: 'September 11 attacks', type: 'event', aliases: ['9/11'], shortNames: [], roles: [], sources: [], prominence: 85, from: '2001-09-11', to: '2001-09-11' },
  ]);
  const ids = (text: string) => linkEntities([{ text }], idx, { date: '2015-07-24' }).flatMap((e) => e.mentions.map((m) => `${e.id}:${m.text}`));
  it('links "9/11" though it has no capital letter', () => {
    expect(ids('Security was tightened after 9/11 across the region.')).toEqual(['Q10806:9/11']);
  });
});

describe('linkEntities: institutions, acronyms and "<Name> of <Name>"', () => {
  const idx = buildEntityIndex([
    ...ENTITIES,
    { id: 'Q11701', name: 'United States House of Representatives', type: 'organization', subtype: 'government_body', country: 'US', aliases: ['House of Representatives'], shortNames: [], roles: [], sources: [], prominence: 85 },
    { id: 'Q1', name: 'Acorn Society', type: 'organization', aliases: ['Acorn'], shortNames: [], roles: [], sources: [], prominence: 40 },
    { id: 'Q2', name: 'Bay', type: 'place', subtype: 'region', country: 'SO', aliases: [], shortNames: [], roles: [], sources: [], prominence: 50 },
  ]);
  const ids = (text: string) => linkEntities([{ text }], idx, { date: null }).flatMap((e) => e.mentions.map((m) => `${e.id}:${m.text}`));
  it('links a generically named institution only on a page mainly about its country', () => {
    expect(ids('In Kyiv and across Ukraine, Ukraine voted; the House of Representatives waited.')).not.toContain('Q11701:House of Representatives');
    expect(ids('The United States and the U.S. economy: the House of Representatives voted.')).toContain('Q11701:House of Representatives');
  });
  it('does not read a capitalised acronym as a minor entity\'s mixed-case alias', () => {
    expect(ids('The ACORN report was published on the website of the group.')).toEqual([]);
    expect(ids('The Acorn report was published on the website of the group.')).toEqual(['Q1:Acorn']);
  });
  it('does not link a one-word name that goes on with "of <Name>"', () => {
    expect(ids('They sailed into the Bay of Plenty at dawn with the fleet.')).toEqual([]);
  });
});

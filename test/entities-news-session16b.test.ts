/**
 * Linker mechanisms for unseen news (issue #4, session 16, newsprec13): a recurring event's series
 * record read against the page's date (recurring-events.ts). Dated news writing a series' name means
 * one edition: that year's edition when the pack holds it, else no link; the series stays where the
 * words around it read it as the series ("World Cup history", "the Super Bowl champion"); a draw's
 * word, a code or an acronym before it names another competition ("Women's World Cup", "T20 World
 * Cup"); a year after it names another edition. Own sentences, own small entity list; each case
 * fails without its mechanism. An award named after a body, a person or a place ("the Nobel Prize in
 * Physics", "the Mark Twain Prize", "the Cannes Grand Prix") is none of them (award-names.ts). An
 * event named by its date, written after a preposition of time, is the date (event-dates.ts). A region
 * named by its own adjective, before a noun, is the adjective ("the first Caribbean team", usage-rules.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { editionInYear, recurringSeries } from '../lib/entities/recurring-events';
import { linkKeys, testEntity } from './_entity-fixtures';

const E = testEntity;
const entities = [
  E({ id: 'olympics', name: 'Olympic Games', type: 'event', aliases: ['Olympics'], prominence: 85 }),
  E({ id: 'winter22', name: '2022 Winter Olympics', type: 'event', prominence: 70 }),
  E({ id: 'summer24', name: '2024 Summer Olympics', type: 'event', prominence: 70 }),
  E({ id: 'worldcup', name: 'FIFA World Cup', type: 'event', aliases: ['World Cup'], prominence: 85 }),
  E({ id: 'wc22', name: '2022 FIFA World Cup', type: 'event', prominence: 73 }),
  E({ id: 'superbowl', name: 'Super Bowl', type: 'event', country: 'US', prominence: 85 }),
  E({ id: 'facup', name: 'FA Cup', type: 'event' }),
  E({ id: 'euros', name: 'UEFA European Championship', type: 'event' }),
  E({ id: 'frelection', name: 'French presidential election', type: 'event', prominence: 75 }),
  E({ id: 'fr22', name: '2022 French presidential election', type: 'event', prominence: 60 }),
  E({ id: 'marathon', name: 'Battle of Marathon', type: 'event', prominence: 74 }),
  E({ id: 'ww2', name: 'World War II', type: 'event', prominence: 95 }),
  E({ id: 'qatar', name: 'Qatar', type: 'place', subtype: 'country', country: 'QA', prominence: 90 }),
  E({ id: 'nobel', name: 'Nobel Foundation', type: 'organization', aliases: ['Nobel Prize'], country: 'SE', prominence: 70 }),
  E({ id: 'emmy', name: 'Primetime Emmy Award', type: 'organization', country: 'US', prominence: 60 }),
  E({ id: 'twain', name: 'Mark Twain', type: 'person', country: 'US', prominence: 90 }),
  E({ id: 'cannes', name: 'Cannes', type: 'place', subtype: 'city', country: 'FR', population: 74_000, prominence: 70 }),
  E({ id: 'prix', name: 'Prix', type: 'organization', country: 'IT', prominence: 40 }),
  E({ id: 'oct7', name: '7 October attack', type: 'event', aliases: ['October 7'], country: 'IL', from: '2023-10-07', to: '2023-10-07', prominence: 85 }),
  E({ id: 'nov2015', name: 'November 2015', type: 'event', prominence: 40 }),
  E({ id: 'caribbean', name: 'Caribbean', type: 'place', subtype: 'region', prominence: 75 }),
  E({ id: 'jamaica', name: 'Jamaica', type: 'place', subtype: 'country', country: 'JM', prominence: 85 }),
  E({ id: 'france', name: 'France', type: 'place', subtype: 'country', country: 'FR', prominence: 98 }),
];
const index = buildEntityIndex(entities);
const at = (date: string | null) => (text: string) => linkKeys(index, text, date);

describe('a recurring event written by its series name in dated text', () => {
  it("is that year's edition when the pack holds it", () => {
    expect(at('2022-01-23')('A district orders mass virus testing ahead of the Olympics, officials say.')).toEqual(['winter22:Olympics']);
    expect(at('2024-08-09')('In the first-ever breakdancing event at the Olympics, a Japanese athlete wins gold.')).toEqual(['summer24:Olympics']);
    expect(at('2022-11-23')('Fans chant during the opening game of the World Cup against Qatar.')).toEqual(['wc22:World Cup', 'qatar:Qatar']);
    expect(at('2022-04-24')('Exit polls show the incumbent winning the French presidential election with 58% of votes.')).toEqual(['fr22:French presidential election']);
  });
  it('links nothing when the pack holds no edition of that year', () => {
    expect(at('2021-07-23')('Child athletes must be kept safe as the Olympics begin, campaigners say.')).toEqual([]);
    expect(at('2020-02-03')('Critics rip the president over a Super Bowl ad featuring a pardoned woman.')).toEqual([]);
    expect(at('2021-02-10')('After a win in the fifth round of the FA Cup, the club sets a record.')).toEqual([]);
  });
  it('stays the series where the words around it say so', () => {
    expect(at('2022-12-10')('They become the first African semi-finalists in World Cup history.')).toEqual(['worldcup:World Cup']);
    expect(at('2019-09-23')('The Super Bowl champion quarterback led by 23 points.')).toEqual(['superbowl:Super Bowl']);
    expect(at('2021-06-15')('He becomes the top scorer in the history of the UEFA European Championship.')).toEqual(['euros:UEFA European Championship']);
    expect(at('2020-03-17')('He left after six Super Bowl titles in 20 seasons.')).toEqual(['superbowl:Super Bowl']);
  });
  it("is another competition after a draw's word, a code or an acronym, even in an edition's year", () => {
    expect(at('2022-10-22')("The draw for next year's FIFA Women's World Cup is held in Auckland.")).toEqual([]);
    expect(at('2022-10-16')('Namibia beats Sri Lanka in the opening game of the T20 World Cup in Australia.')).toEqual([]);
    expect(at('2025-04-20')('A Brazilian player wins the ITTF World Cup in Macau.')).toEqual([]);
  });
  it('is another edition when a year other than the page\'s follows it', () => {
    expect(at('2022-06-15')('Sixteen cities in three countries will host the FIFA World Cup in 2026.')).toEqual([]);
  });
  it('is left to the series on a page with no date, and one-off events are not series', () => {
    expect(at(null)('Fans chant during the opening game of the World Cup against Qatar.')).toEqual(['worldcup:World Cup', 'qatar:Qatar']);
    expect(at('2021-05-08')('Veterans mark the end of World War II in France.')).toEqual(['ww2:World War II', 'france:France']);
  });
});

describe('an award named after a body, a person or a place', () => {
  const links = at('2023-10-03');
  it('is not the body whose alias is the award\'s name, nor an award record kept as an organisation', () => {
    expect(links('Three physicists are awarded the Nobel Prize in Physics for attosecond pulses.')).toEqual([]);
    expect(links('An English actor wins the Primetime Emmy Award for Outstanding Supporting Actor.')).toEqual([]);
  });
  it("is not the person or the place before the award's noun, in a title-case headline too", () => {
    expect(links('Comedian To Receive Mark Twain Prize For American Humor')).toEqual([]);
    expect(links('Director Wins Cannes Grand Prix, Making Festival History')).toEqual([]);
  });
  it('leaves the body, the person and the place named otherwise', () => {
    expect(links('The Nobel Foundation said the ceremony in Cannes would honour Mark Twain.')).toEqual(['nobel:Nobel Foundation', 'cannes:Cannes', 'twain:Mark Twain']);
  });
});

describe('an event named by its date', () => {
  const links = at('2024-08-07');
  it('is the date after a preposition of time', () => {
    expect(links('The last person missing after the attack by Hamas on October 7, 2023, is found.')).toEqual([]);
    expect(links('At least 8,000 people have been killed since October 7, officials say.')).toEqual([]);
    expect(links('The trial of those accused of the attacks in November 2015 begins.')).toEqual([]);
  });
  it('stays the event elsewhere', () => {
    expect(links('The events of October 7 changed the region.')).toEqual(['oct7:October 7']);
  });
});

describe("a region named by its own adjective", () => {
  const links = at('2023-08-02');
  it('is the adjective before a noun', () => {
    expect(links('Jamaica become the first Caribbean team to reach the knockout stage.')).toEqual(['jamaica:Jamaica']);
    expect(links('The storm intensifies while affecting several Caribbean islands.')).toEqual([]);
  });
  it('is the region as a noun, before a verb after a part of it, and before a participle', () => {
    expect(links('Storms hit the Caribbean and Jamaica this week.')).toEqual(['caribbean:Caribbean', 'jamaica:Jamaica']);
    expect(links('The death toll in the eastern Caribbean increases to nine.')).toEqual(['caribbean:Caribbean']);
    expect(links('The ban on flights through the Caribbean imposed last month is lifted.')).toEqual(['caribbean:Caribbean']);
  });
});

describe('recurringSeries and editionInYear', () => {
  const byId = (id: string) => entities.find((e) => e.id === id)!;
  it('reads a series from the record: an undated event named by a recurring head noun, not a battle "of" a place', () => {
    expect(recurringSeries(byId('olympics'))).toBe(true);
    expect(recurringSeries(byId('frelection'))).toBe(true);
    expect(recurringSeries(byId('marathon'))).toBe(false);
    expect(recurringSeries(byId('wc22'))).toBe(false);
    expect(recurringSeries(byId('ww2'))).toBe(false);
  });
  it('finds the edition by "<year> [Summer|Winter] <name>" or "<name> <year>", and none when two match', () => {
    const named = (map: Record<string, number[]>) => (name: string) => map[name] ?? [];
    expect(editionInYear(byId('olympics'), '2022-02-04', named({ '2022 Winter Olympics': [1] }))).toBe(1);
    expect(editionInYear(byId('worldcup'), '2022-11-20', named({ 'FIFA World Cup 2022': [7] }))).toBe(7);
    expect(editionInYear(byId('olympics'), '2022-02-04', named({ '2022 Winter Olympics': [1], '2022 Summer Olympics': [2] }))).toBeUndefined();
    expect(editionInYear(byId('olympics'), '2023-05-01', named({ '2022 Winter Olympics': [1] }))).toBeUndefined();
  });
});

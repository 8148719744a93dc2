/**
 * "the World Cup" of another sport (issue #4, session 21): a bare "World Cup" names the world cup of
 * the sport the text is about. The pack's bare "World Cup" is football's (FIFA's series and its
 * editions), so in a block about rugby, cricket or skiing that never speaks of football it is a
 * namesake: "teams in rugby union, rugby league, netball … the reigning World Cup champions" (an
 * encyclopaedia page), "World Rugby rejects … confirming Romania's qualification to the World Cup"
 * (a news item; both were linked to FIFA's). A sport's name written right before the words ("Rugby
 * World Cup") is already another competition (longer-names.ts otherCompetitionBefore).
 */

/** Sports other than association football that hold world cups. */
const OTHER_SPORTS = /\b(?:rugby|cricket|cricketers?|hockey|netball|skiing|skier|biathlon|handball|volleyball|basketball|chess|archery|gymnastics|triathlon|bobsleigh|luge|fencing|rowing|climbing)\b/i;
/** Words that keep football in the block ("football" is rugby's and American football's word too, so it counts). */
const FOOTBALL = /\b(?:FIFA|soccer|football|footballers?)\b/i;

/**
 * Is the event record named `name` football's (a FIFA name) while the match (`written`) says only
 * "World Cup", in a block (`block`) naming another sport and not football?
 */
export function worldCupOfOtherSport(name: string, written: string, block: string): boolean {
  if (!name.includes('FIFA') || written.includes('FIFA') || !/World Cup/i.test(written)) return false;
  return OTHER_SPORTS.test(block) && !FOOTBALL.test(block);
}

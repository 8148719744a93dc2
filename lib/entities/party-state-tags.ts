/**
 * "Rep. Adam Schiff (D-Calif.)", "Sen. Ted Cruz, R-Tex., said", "(R-NY)": US news writes a
 * legislator's party and state as a tag, the state by its AP abbreviation or postal code, which no
 * reference record carries as an alias ("Calif." alone is no name). Inside such a tag the
 * abbreviation can only be the state (issue #4, session 13). Pure: a block's text in, spans out.
 */

/** AP style abbreviations and postal codes → the state's name as the pack spells it. */
const STATES: Record<string, string> = {
  'Ala.': 'Alabama', 'AL': 'Alabama', 'AK': 'Alaska', 'Ariz.': 'Arizona', 'AZ': 'Arizona', 'Ark.': 'Arkansas', 'AR': 'Arkansas',
  'Calif.': 'California', 'CA': 'California', 'Colo.': 'Colorado', 'CO': 'Colorado', 'Conn.': 'Connecticut', 'CT': 'Connecticut',
  'Del.': 'Delaware', 'DE': 'Delaware', 'Fla.': 'Florida', 'FL': 'Florida', 'Ga.': 'Georgia', 'GA': 'Georgia', 'HI': 'Hawaii',
  'ID': 'Idaho', 'Ill.': 'Illinois', 'IL': 'Illinois', 'Ind.': 'Indiana', 'IN': 'Indiana', 'IA': 'Iowa', 'Kan.': 'Kansas', 'Kans.': 'Kansas',
  'KS': 'Kansas', 'Ky.': 'Kentucky', 'KY': 'Kentucky', 'La.': 'Louisiana', 'LA': 'Louisiana', 'ME': 'Maine', 'Md.': 'Maryland', 'MD': 'Maryland',
  'Mass.': 'Massachusetts', 'MA': 'Massachusetts', 'Mich.': 'Michigan', 'MI': 'Michigan', 'Minn.': 'Minnesota', 'MN': 'Minnesota',
  'Miss.': 'Mississippi', 'MS': 'Mississippi', 'Mo.': 'Missouri', 'MO': 'Missouri', 'Mont.': 'Montana', 'MT': 'Montana',
  'Neb.': 'Nebraska', 'NE': 'Nebraska', 'Nev.': 'Nevada', 'NV': 'Nevada', 'N.H.': 'New Hampshire', 'NH': 'New Hampshire',
  'N.J.': 'New Jersey', 'NJ': 'New Jersey', 'N.M.': 'New Mexico', 'NM': 'New Mexico', 'N.Y.': 'New York', 'NY': 'New York',
  'N.C.': 'North Carolina', 'NC': 'North Carolina', 'N.D.': 'North Dakota', 'ND': 'North Dakota', 'OH': 'Ohio', 'Okla.': 'Oklahoma',
  'OK': 'Oklahoma', 'Ore.': 'Oregon', 'OR': 'Oregon', 'Pa.': 'Pennsylvania', 'PA': 'Pennsylvania', 'R.I.': 'Rhode Island', 'RI': 'Rhode Island',
  'S.C.': 'South Carolina', 'SC': 'South Carolina', 'S.D.': 'South Dakota', 'SD': 'South Dakota', 'Tenn.': 'Tennessee', 'TN': 'Tennessee',
  'Tex.': 'Texas', 'TX': 'Texas', 'UT': 'Utah', 'Vt.': 'Vermont', 'VT': 'Vermont', 'Va.': 'Virginia', 'VA': 'Virginia',
  'Wash.': 'Washington', 'WA': 'Washington', 'W.Va.': 'West Virginia', 'W.Va': 'West Virginia', 'WV': 'West Virginia',
  'Wis.': 'Wisconsin', 'WI': 'Wisconsin', 'Wyo.': 'Wyoming', 'WY': 'Wyoming',
};

/** A party letter, a hyphen, an abbreviation, then the tag's end: "(D-Calif.)", ", R-Tex.,", "(I-VT)". */
const TAG = /(?:\(|, )[DRI][-\u2010\u2011]([A-Z][A-Za-z.]{0,5})(?=[),;]| [\u2014\u2013-] )/g;

export interface StateTag {
  /** UTF-16 offsets of the abbreviation in the text (its final period included: "Calif."). */
  start: number;
  end: number;
  /** The state's name ("California"). */
  state: string;
}

/** /[DRI]-/.test(text), by the text's hyphens (few per block), not a regex scan of every character. */
function partyLetterHyphen(text: string): boolean {
  for (let at = text.indexOf('-', 1); at >= 0; at = text.indexOf('-', at + 1)) {
    const c = text.charCodeAt(at - 1);
    if (c === 68 || c === 82 || c === 73) return true;
  }
  return false;
}

/** The state abbreviations of the party-state tags in a block's text. */
export function partyStateTags(text: string): StateTag[] {
  const out: StateTag[] = [];
  // Cheap gate: no tag without a party letter and a hyphen.
  if (!partyLetterHyphen(text)) return out;
  for (const m of text.matchAll(TAG)) {
    const abbr = m[1]!, state = STATES[abbr] ?? STATES[abbr.replace(/\.$/, '')];
    if (!state) continue;
    const start = m.index! + m[0].length - abbr.length;
    out.push({ start, end: start + abbr.length, state });
  }
  return out;
}

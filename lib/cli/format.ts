/**
 * The human-readable `backstory analyze` report: what a person wants to see in a terminal; and the
 * English wording of a report's reasons, for it and for `--json` (whose `reasons` are strings).
 * Both word reasons from public/_locales/en — the same catalogue the extension shows — so the
 * wording lives in one place.
 */
import en from '../../public/_locales/en/messages.json';
import { fillMessage, useMessages, type Entry } from '../i18n';
import { kindReason, type OpinionFlag, type PageReport, type Reason } from '../report';

const catalogue = en as Record<string, Entry>;
// Text that shared code builds with t() (coverage titles) is English in the CLI, not message keys.
useMessages(catalogue);

/** A reason in English (a plain string — from an older report — as it is). */
export function englishReason(reason: Reason | string): string {
  if (typeof reason === 'string') return reason;
  const entry = catalogue[reason.key];
  return entry ? fillMessage(entry, reason.subs ?? []) : reason.key;
}

/** Opinion flags as the CLI contract prints them: reasons as English strings. */
export function englishOpinion(flags: OpinionFlag[]): (Omit<OpinionFlag, 'reasons'> & { reasons: string[] })[] {
  return flags.map((f) => ({ ...f, reasons: f.reasons.map(englishReason) }));
}

/** Why the page is its kind: worded from its signals, else the extractor's English reasons. */
function kindLine(a: PageReport['article']): string {
  const worded = (a.kindSignals ?? []).map((s) => kindReason(a.kind, s)).filter((r): r is Reason => r !== null);
  const list = worded.length ? [...new Set(worded.map(englishReason))] : (a.kindReasons ?? []);
  return list.join('; ');
}

const TYPE_ORDER = ['person', 'organization', 'place', 'event'] as const;
const TYPE_LABEL: Record<string, string> = { person: 'People', organization: 'Organisations', place: 'Places', event: 'Events' };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function formatReport(file: string, report: PageReport): string {
  const a = report.article;
  const lines: string[] = [`${file}`];
  if (!a.detected) {
    lines.push(`  not a news article${a.signals.length ? ` (${a.signals.join(', ')})` : ''}`);
    return lines.join('\n');
  }
  lines.push(`  ${a.title || '(untitled)'}`);
  lines.push(`  ${a.kind}${a.date ? ` · ${a.date}` : ' · undated'} · ${a.paragraphs.length} paragraphs${a.siteName ? ` · ${a.siteName}` : ''}`);
  const kind = kindLine(a);
  if (kind) lines.push(`  kind: ${kind}`);

  lines.push('', '  Entities');
  if (report.entities.length === 0) lines.push('    (none linked)');
  for (const type of TYPE_ORDER) {
    const group = report.entities.filter((e) => e.type === type);
    if (group.length === 0) continue;
    lines.push(`    ${TYPE_LABEL[type]}`);
    for (const e of [...group].sort((x, y) => y.mentions.length - x.mentions.length)) {
      lines.push(`      ${e.name} ×${e.mentions.length} — ${clip(e.description, 90)}`);
    }
  }

  lines.push('', '  Related earlier coverage');
  if (report.coverage.length === 0) lines.push('    (none found)');
  for (const c of report.coverage) {
    // Titles built from facts may already name the outlet ("Reuters on …"); don't say it twice.
    const source = c.source && !c.title.includes(c.source) ? ` (${clip(c.source, 30)})` : '';
    lines.push(`    ${c.date ?? 'undated'}  ${clip(c.title, 80)}${source}`, `                ${c.why}`);
  }

  const flagged = report.opinion.filter((o) => o.label === 'opinion');
  lines.push('', `  Opinion passages (${flagged.length} of ${report.opinion.length})`);
  if (flagged.length === 0) lines.push('    (none flagged)');
  for (const o of flagged) {
    lines.push(`    ¶${o.paragraph + 1} (${o.score.toFixed(2)}) ${clip(a.paragraphs[o.paragraph] ?? '', 70)}`);
    lines.push(`        because: ${o.reasons.map(englishReason).join('; ')}`);
  }
  for (const note of report.notes ?? []) lines.push('', `  note: ${note}`);
  return lines.join('\n');
}

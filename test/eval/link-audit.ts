/**
 * Link audit (issue #4, precision on unseen text): every link the linker makes on a fixed sample of
 * news items OUTSIDE the eval reserve, one line each, for judging by hand.
 *
 * The sample is fixed before any link is seen: the gold draw order (newsGoldOrder: eligible items
 * sorted by sha256("news-gold:" + id)), WCEP positions --wcep-from … (default 600, 150 items) and
 * HuffPost positions --huff-from … (default 200, 75 items), interleaved two WCEP then one HuffPost,
 * which is the judging order. Each item is linked exactly as the news eval links it (newsItemText,
 * its blank-line blocks, linkEntities with the item's date and address, the committed pack).
 *
 * Output (TSV on stdout, for /tmp only: the window is item text): link number, item position in the
 * judging order, item id, block, mention, entity id, type, entity name, match kind, the card's
 * description key, a 40-character window either side.
 * Caveat: items outside the reserve are counted by the pack compiler (news salience, news: records),
 * so the pack is not blind to them; session 13's rule checks also read changed links over them.
 * Usage: npx tsx test/eval/link-audit.ts [--pack FILE] [--wcep-from N] [--wcep-count N] [--huff-from N] [--huff-count N]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePack } from '../../lib/dataset/pack';
import { newsGoldOrder, newsGoldReserve, readNewsCorpus } from '../../lib/dataset/news-salience';
import { buildKnowledge } from '../../lib/knowledge';
import { linkEntities } from '../../lib/entities/link';
import { aliasForm } from '../../lib/entities/matcher';
import type { PackEntity } from '../../lib/dataset/schema';
import { newsItemText } from './_entities-align';
import { readNewsItems } from './entities';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};

/** The judging order: two WCEP items, then one HuffPost item, until both lists run out. */
export function interleave(wcep: string[], huff: string[]): string[] {
  const out: string[] = [];
  let w = 0, h = 0;
  while (w < wcep.length || h < huff.length) {
    for (let k = 0; k < 2 && w < wcep.length; k++) out.push(wcep[w++]!);
    if (h < huff.length) out.push(huff[h++]!);
  }
  return out;
}

const key = (s: string) => aliasForm(s)?.key ?? s.toLowerCase();
const ACRONYM = /^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z0-9&]{1,5}$/;

/** How the mention's words relate to the record: the classes the audit reports precision by. */
export function matchKind(mention: string, e: PackEntity): string {
  if (e.id.startsWith('news:')) return 'news-record';
  const m = key(mention);
  const oneWord = !/\s/.test(mention.trim());
  if (m === key(e.name)) return oneWord ? 'one-word-name' : 'full-name';
  if (ACRONYM.test(mention.replace(/['’]s$/, ''))) return 'acronym';
  if (e.shortNames?.some((s) => key(s) === m)) return 'short-form';
  if (e.aliases?.some((s) => key(s) === m)) return oneWord ? 'one-word-alias' : 'alias';
  // Not one of the record's own names: a rule's reading (surname of a person named earlier, a
  // metonym like a capital for its government, a possessive, a party-state tag …).
  const nameWords = e.name.toLowerCase().split(/\s+/);
  if (oneWord && nameWords.includes(m)) return 'short-form';
  return 'other';
}

function main(): void {
  const shared = path.resolve(here, '../../../shared');
  const corpusFile = path.join(shared, 'data/coverage/coverage.jsonl');
  const corpus = readNewsCorpus(corpusFile);
  const reserve = newsGoldReserve(corpus);
  const order = newsGoldOrder(corpus);
  const wf = Number(arg('--wcep-from', '600')), wc = Number(arg('--wcep-count', '150'));
  const hf = Number(arg('--huff-from', '200')), hc = Number(arg('--huff-count', '75'));
  const ids = interleave(order.wcep.slice(wf, wf + wc), order.huffpost.slice(hf, hf + hc));
  for (const id of ids) if (reserve.has(id)) throw new Error(`${id} is in the eval reserve`);
  const items = readNewsItems(shared, new Set(ids))!;
  const packFile = arg('--pack', path.resolve(here, '../../assets/default-pack.json'));
  if (!existsSync(packFile)) throw new Error(`${packFile}: no pack`);
  const r = parsePack(readFileSync(packFile, 'utf8'), { trusted: true });
  if (!r.ok) throw new Error(r.error);
  const knowledge = buildKnowledge([r.value]);
  let n = 0;
  ids.forEach((id, pos) => {
    const item = items.get(id)!;
    const blocks = newsItemText(item).split('\n\n');
    const linked = linkEntities(blocks.map((text) => ({ text })), knowledge.entities, { date: item.date, url: item.url });
    const rows = linked.flatMap((e) => e.mentions.map((m) => ({ e, m })));
    rows.sort((a, b) => a.m.paragraph - b.m.paragraph || a.m.start - b.m.start);
    for (const { e, m } of rows) {
      const rec = knowledge.entities.byId.get(e.id)!;
      const t = blocks[m.paragraph]!;
      const win = `${t.slice(Math.max(0, m.start - 40), m.start)}[${m.text}]${t.slice(m.end, m.end + 40)}`.replace(/\s+/g, ' ');
      console.log([++n, pos + 1, id, m.paragraph, m.text, e.id, e.type, e.name, matchKind(m.text, rec), e.description.slice(0, 70), win].join('\t'));
    }
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();

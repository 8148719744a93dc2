/**
 * `backstory analyze [--json] [--date YYYY-MM-DD] [--url URL] [--pack FILE]… FILE.html…`
 * Runs the extension's own analysis on saved pages. With --json: one JSON object per input file,
 * one per line (ARCHITECTURE.md contract). A file that cannot be read is reported on stderr and
 * makes the exit code non-zero; the other files are still analysed.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyze } from '../analyze';
import type { PageReport } from '../report';
import { loadKnowledge, readPage } from './load';
import { englishOpinion, formatReport } from './format';

interface AnalyzeArgs {
  json: boolean;
  date: string | null;
  url: string | null;
  packs: string[];
  files: string[];
}

function parseArgs(args: string[]): AnalyzeArgs | string {
  const out: AnalyzeArgs = { json: false, date: null, url: null, packs: [], files: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--json') out.json = true;
      else if (a === '--date') out.date = value();
      else if (a === '--url') out.url = value();
      else if (a === '--pack') out.packs.push(value());
      else if (a.startsWith('--')) return `unknown option ${a}`;
      else out.files.push(a);
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (out.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(out.date)) return `--date must be YYYY-MM-DD, got '${out.date}'`;
  if (out.url !== null) {
    try {
      new URL(out.url);
    } catch {
      return `--url is not a valid URL: '${out.url}'`;
    }
  }
  if (out.files.length === 0) return 'no input file (usage: backstory analyze [--json] [--date YYYY-MM-DD] [--url URL] FILE.html…)';
  return out;
}

/** The page's own idea of its address (canonical link, og:url), else where the file lies. */
function pageUrl(doc: Document, file: string): string {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      /* relative or broken: ignore */
    }
  }
  return pathToFileURL(path.resolve(file)).href;
}

export async function runAnalyze(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`backstory analyze: ${parsed}\n`);
    return 2;
  }
  const knowledge = loadKnowledge(parsed.packs);
  if (!knowledge.ok) {
    process.stderr.write(`backstory analyze: cannot load the dataset: ${knowledge.error}\n`);
    return 1;
  }
  let exit = 0;
  for (const file of parsed.files) {
    const page = readPage(file);
    if (!page.ok) {
      process.stderr.write(`backstory analyze: ${page.error}\n`);
      exit = 1;
      continue;
    }
    const { document } = parseHTML(page.value);
    const url = parsed.url ?? pageUrl(document as unknown as Document, file);
    const report: PageReport = analyze(document as unknown as Document, url, knowledge.value, { date: parsed.date });
    if (parsed.json) {
      const { article, entities, coverage, opinion, notes } = report;
      // Reasons are message keys in the report; the JSON contract prints them as English strings.
      process.stdout.write(JSON.stringify({ file, url, article, entities, coverage, opinion: englishOpinion(opinion), ...(notes?.length ? { notes } : {}) }) + '\n');
    } else {
      process.stdout.write(formatReport(file, report) + '\n');
    }
  }
  return exit;
}

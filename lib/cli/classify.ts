/**
 * `backstory classify [--reasons] [FILE|-]` — one sentence per input line; prints
 * `LABEL<TAB>score` per line, LABEL `SUBJ` (opinion) or `OBJ` (reporting), score = the model's
 * probability of opinion (4 decimals). Reads standard input when FILE is `-` or absent.
 * A blank input line gives a blank output line, so output lines stay aligned with input lines.
 * `--reasons` appends a third column with the reader-facing reasons, joined by "; ".
 */
import { readFileSync } from 'node:fs';
import { sentenceOpinion } from '../opinion/model';

const USAGE = 'usage: backstory classify [--reasons] [FILE|-]   (one sentence per line → LABEL<TAB>score)\n';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export interface ClassifyIo {
  stdin?: NodeJS.ReadableStream;
  out?: (s: string) => void;
  err?: (s: string) => void;
}

/** Classify lines of text; returns the output text (one line per input line). */
export function classifyLines(text: string, withReasons = false): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let out = '';
  for (const line of lines) {
    if (!line.trim()) {
      out += '\n';
      continue;
    }
    const r = sentenceOpinion(line.trim());
    out += `${r.label}\t${r.score.toFixed(4)}${withReasons ? `\t${r.reasons.join('; ')}` : ''}\n`;
  }
  return out;
}

export async function runClassify(args: string[], io: ClassifyIo = {}): Promise<number> {
  const out = io.out ?? ((s: string) => void process.stdout.write(s));
  const err = io.err ?? ((s: string) => void process.stderr.write(s));
  const withReasons = args.includes('--reasons');
  const rest = args.filter((a) => a !== '--reasons');
  if (rest.includes('-h') || rest.includes('--help')) {
    out(USAGE);
    return 0;
  }
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown || rest.length > 1) {
    err(unknown ? `backstory classify: unknown option '${unknown}'\n${USAGE}` : `backstory classify: give one FILE (or - for standard input)\n${USAGE}`);
    return 2;
  }
  const file = rest[0] ?? '-';
  let text: string;
  if (file === '-') {
    text = await readStdin(io.stdin ?? process.stdin);
  } else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
      err(`backstory classify: cannot read '${file}': ${why}\n`);
      return 1;
    }
  }
  out(classifyLines(text, withReasons));
  return 0;
}

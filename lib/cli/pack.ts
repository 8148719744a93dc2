/**
 * `backstory pack build …` and `backstory pack inspect FILE`.
 *
 *   pack build --entities ../shared/data/entities --coverage ../shared/data/coverage/coverage.jsonl --out assets/default-pack.json
 *   pack build --coverage FILE --prose --out my.pack.json      (a reader's own pack; links against the default pack)
 *   pack inspect FILE                                           (version, counts by type/source, licences)
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildPack, entitiesOfPackFile } from '../dataset/build-pack';
import { encodePack, parsePack } from '../dataset/pack';
import { DEFAULT_PACK_PATH } from './load';

const USAGE = `usage:
  backstory pack build [--entities DIR] [--coverage FILE] [--prose] [--huffpost] [--out FILE]
                       [--id ID] [--name NAME] [--version V] [--link-against PACK] [--quiet]
      compile reference data into a pack (facts only unless --prose); without --entities the
      coverage is linked against the default pack's entities (or --link-against PACK)
  backstory pack inspect FILE
      show a pack's version, counts by type and source, and licences
`;

function parseFlags(args: string[]): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  const boolean = new Set(['prose', 'huffpost', 'quiet', 'help']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (v !== undefined) flags.set(k, v);
      else if (boolean.has(k)) flags.set(k, true);
      else if (i + 1 < args.length) flags.set(k, args[++i]!);
      else flags.set(k, true);
    } else rest.push(a);
  }
  return { flags, rest };
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function build(args: string[]): Promise<number> {
  const { flags } = parseFlags(args);
  const entitiesDir = str(flags.get('entities'));
  const coverage = str(flags.get('coverage'));
  if (!entitiesDir && !coverage) {
    process.stderr.write(`pack build: give --entities DIR and/or --coverage FILE\n\n${USAGE}`);
    return 2;
  }
  for (const [flag, p] of [['--entities', entitiesDir], ['--coverage', coverage]] as const) {
    if (p) {
      try { statSync(p); } catch { process.stderr.write(`pack build: ${flag} ${p}: no such file or folder\n`); return 2; }
    }
  }
  const linkAgainst = entitiesDir ? undefined : entitiesOfPackFile(str(flags.get('link-against')) ?? DEFAULT_PACK_PATH);
  const { pack, report } = await buildPack({
    entitiesDir,
    coverage,
    prose: flags.get('prose') === true,
    huffpost: flags.has('huffpost') ? true : undefined,
    linkAgainst,
    id: str(flags.get('id')),
    name: str(flags.get('name')),
    version: str(flags.get('version')),
  });
  const text = encodePack(pack);
  const out = str(flags.get('out'));
  if (out) {
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    writeFileSync(out, text);
  } else process.stdout.write(text);
  if (flags.get('quiet') !== true) {
    const log = (s: string) => process.stderr.write(`${s}\n`);
    for (const l of report) log(l);
    log(`pack: ${pack.entities.length} entities, ${pack.coverage.length} coverage items; ${kb(Buffer.byteLength(text))} raw, ${kb(gzipSync(text, { level: 9 }).length)} gzip${out ? ` → ${out}` : ''}`);
  }
  return 0;
}

function inspect(args: string[]): number {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) { process.stderr.write(`pack inspect: which file?\n\n${USAGE}`); return 2; }
  let bytes: Buffer;
  try { bytes = readFileSync(file); } catch { process.stderr.write(`pack inspect: ${file}: no such file\n`); return 1; }
  const raw = bytes.length;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const parsed = parsePack(bytes.toString('utf8'));
  if (!parsed.ok) { process.stderr.write(`pack inspect: ${file}: ${parsed.error}\n`); return 1; }
  const p = parsed.value;
  const count = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${v}`).join(', ');
  };
  const lines = [
    `${p.name} (id ${p.id}) — version ${p.version}, format ${p.format} v${p.formatVersion}`,
    `size: ${kb(raw)} on disk, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`,
    `entities: ${p.entities.length}${p.entities.length ? ` — by type: ${count(p.entities.map((e) => e.type))}` : ''}`,
  ];
  if (p.entities.length) {
    lines.push(`  by source: ${count(p.entities.flatMap((e) => e.sources))}`);
    lines.push(`  aliases: ${p.entities.reduce((n, e) => n + e.aliases.length, 0)}, short forms: ${p.entities.reduce((n, e) => n + e.shortNames.length, 0)}`);
  }
  lines.push(`coverage: ${p.coverage.length}${p.coverage.length ? ` — ${p.coverage.filter((c) => c.title).length} with titles; dates ${p.coverage.map((c) => c.date ?? '').filter(Boolean).sort()[0]} … ${p.coverage.map((c) => c.date ?? '').filter(Boolean).sort().at(-1)}` : ''}`);
  lines.push(`licences (${p.licenses.length}):`);
  for (const l of p.licenses) lines.push(`  ${l.id}: ${l.license} — ${l.covers}\n    ${l.attribution.length > 300 ? `${l.attribution.slice(0, 300)}…` : l.attribution}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function runPack(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'build') return build(rest);
  if (sub === 'inspect') return inspect(rest);
  process.stdout.write(USAGE);
  return sub === undefined || sub === '--help' || sub === 'help' ? 0 : 2;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyLines, runClassify } from '../lib/cli/classify';

function capture() {
  const out: string[] = [], err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

describe('backstory classify', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opinion-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lines = [
    'The council approved the budget on Tuesday by seven votes to two, a spokesperson said.',
    'This is a shameful betrayal, and the minister should be ashamed of herself.',
  ];

  it('prints LABEL<TAB>score for each line of a file', async () => {
    const file = path.join(dir, 'in.txt');
    writeFileSync(file, lines.join('\n') + '\n');
    const c = capture();
    expect(await runClassify([file], c.io)).toBe(0);
    const got = c.out.join('').split('\n').filter(Boolean);
    expect(got).toHaveLength(2);
    for (const l of got) expect(l).toMatch(/^(SUBJ|OBJ)\t(0|1)\.\d{4}$/);
    expect(got[0]!.startsWith('OBJ\t')).toBe(true);
    expect(got[1]!.startsWith('SUBJ\t')).toBe(true);
    expect(c.err).toEqual([]);
  });

  it('reads standard input for "-" and keeps blank lines aligned', async () => {
    const c = capture();
    const stdin = Readable.from([Buffer.from(`${lines[0]}\r\n\r\n${lines[1]}`)]);
    expect(await runClassify(['-'], { ...c.io, stdin })).toBe(0);
    const got = c.out.join('').split('\n');
    expect(got[0]!.startsWith('OBJ\t')).toBe(true);
    expect(got[1]).toBe('');
    expect(got[2]!.startsWith('SUBJ\t')).toBe(true);
  });

  it('fails clearly on a missing file', async () => {
    const c = capture();
    const missing = path.join(dir, 'nope.txt');
    expect(await runClassify([missing], c.io)).toBe(1);
    expect(c.err.join('')).toContain(`cannot read '${missing}': no such file`);
    expect(c.out).toEqual([]);
  });

  it('rejects unknown options and extra arguments', async () => {
    const c = capture();
    expect(await runClassify(['--frobnicate'], c.io)).toBe(2);
    expect(await runClassify(['a', 'b'], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/usage: backstory classify/);
  });

  it('adds reasons with --reasons', () => {
    const [line] = classifyLines(lines[1]!, true).split('\n');
    expect(line!.split('\t')).toHaveLength(3);
  });
});

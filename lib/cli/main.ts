/**
 * The `backstory` command (ARCHITECTURE.md contract): `npm run -s backstory -- <command> …`.
 * Each command lives in its own module and returns an exit code; this file only dispatches.
 */
const USAGE = `usage: backstory <command> [options]

commands:
  analyze [--json] [--date YYYY-MM-DD] [--url URL] [--pack FILE]… FILE.html…
      analyse saved pages with the same analysis as the extension (.html or .html.gz)
  classify [FILE|-]
      one sentence per line → LABEL<TAB>score (SUBJ = opinion, OBJ = reporting)
  pack build … | pack inspect FILE
      compile reference data into a dataset pack; show a pack's version, counts and licences
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'analyze':
      return (await import('./analyze')).runAnalyze(args);
    case 'classify':
      return (await import('./classify')).runClassify(args);
    case 'pack':
      return (await import('./pack')).runPack(args);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`backstory: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`backstory: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

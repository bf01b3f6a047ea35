import { resolve } from 'node:path';
import { Command } from 'commander';
import { corpusCommand } from './commands/corpus';
import { diffCommand } from './commands/diff';
import { examplesCommand } from './commands/examples';
import { exportCommand, importCommand } from './commands/files';
import { runCommand } from './commands/run';
import { testCommand } from './commands/test';
import { validateCommand } from './commands/validate';
import { processIo } from './io';

/** pnpm runs scripts from the workspace root; INIT_CWD keeps paths relative to where the user typed. */
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const program = new Command('mapwright')
  .description('Map HL7 v2, CSV and JSON messages to FHIR R4 with Mapwright mappings')
  .showHelpAfterError();

const exit = (code: number): void => {
  process.exitCode = code;
};

program
  .command('run')
  .description('map message files with a mapping; prints the bundle or the located errors as JSON')
  .argument('<mapping-dir>')
  .argument('<message-file...>')
  .option('--lineage', 'add lineage (which node and source field made each element) and coverage')
  .action(async (dir: string, files: string[], opts: { lineage?: boolean }) =>
    exit(await runCommand(dir, files, opts, processIo)),
  );

program
  .command('test')
  .description("run every mapping's golden tests under dir")
  .argument('[dir]', 'folder of mapping folders', 'mappings')
  .option('--junit <file>', 'also write JUnit XML')
  .action(async (dir: string, opts: { junit?: string }) => exit(await testCommand(dir, opts, processIo)));

program
  .command('validate')
  .description('validate a FHIR R4 resource or Bundle (JSON) and print an OperationOutcome')
  .argument('<fhir-json-file>')
  .action(async (file: string) => exit(await validateCommand(file, processIo)));

program
  .command('corpus')
  .description('map every message in a folder and count clean, invalid, rejected and crashed')
  .argument('<mapping-dir>')
  .argument('<folder>')
  .option('--json', 'print every message and its outcome as JSON')
  .action(async (dir: string, folder: string, opts: { json?: boolean }) =>
    exit(await corpusCommand(dir, folder, opts, processIo)),
  );

program
  .command('diff')
  .description(
    'what changing mapping A into B does: graph changes and the grouped FHIR output diff of every sample',
  )
  .argument('<mapping-dir-a>')
  .argument('<mapping-dir-b>')
  .option('--corpus <folder>', 'also run every message in this folder')
  .option('--json', 'print the graph diff and the groups (with example values) as JSON')
  .action(async (a: string, b: string, opts: { corpus?: string; json?: boolean }) =>
    exit(await diffCommand(a, b, opts, processIo)),
  );

program
  .command('examples')
  .description('map the samples of every example mapping and write the bundles')
  .argument('[dir]', 'folder of mapping folders', 'mappings')
  .option('--out <dir>', 'where to write the bundles', '.mapwright/out')
  .action(async (dir: string, opts: { out: string }) =>
    exit(await examplesCommand(dir, resolve(opts.out), processIo)),
  );

const databaseHelp =
  'postgres:// URL or PGlite data directory (default: DATABASE_URL, else MAPWRIGHT_DATA_DIR, else ./.mapwright/data)';

program
  .command('export')
  .description(
    'write a mapping from the database as a folder: mapping.json, layout.json, samples/, expected/, tests/, conceptmaps/',
  )
  .argument('<mapping-slug>')
  .argument('<dir>')
  .option('--version <n>', 'the version number (default: the latest)', (v) => Number.parseInt(v, 10))
  .option('--database <url-or-dir>', databaseHelp)
  .action(async (slug: string, dir: string, opts: { version?: number; database?: string }) =>
    exit(await exportCommand(slug, dir, opts, processIo)),
  );

program
  .command('import')
  .description(
    'add a mapping folder to the database: a new version when the graph changed, missing samples and tests',
  )
  .argument('<dir>')
  .option('--database <url-or-dir>', databaseHelp)
  .action(async (dir: string, opts: { database?: string }) =>
    exit(await importCommand(dir, opts, processIo)),
  );

await program.parseAsync();

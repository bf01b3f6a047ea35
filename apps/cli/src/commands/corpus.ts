import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { inputMessages, type SourceFormat } from '@mapwright/engine';
import { createRunner } from '../engine-port';
import type { Io } from '../io';
import { listMessageFiles, loadMappingFolder, MESSAGE_EXTENSIONS } from '@mapwright/mapping-files';

export type CorpusOutcome = 'clean' | 'invalid' | 'rejected' | 'not-accepted' | 'crashed';

export interface CorpusRow {
  file: string;
  outcome: CorpusOutcome;
  /** Validation errors (invalid), located errors (rejected, not-accepted) or the exception (crashed). */
  detail?: unknown;
}

const LABELS: Record<CorpusOutcome, string> = {
  clean: 'mapped clean',
  invalid: 'mapped with validation errors',
  rejected: 'rejected with a located error',
  'not-accepted': 'not accepted (message type)',
  crashed: 'crashed',
};

/**
 * Maps every message in a folder and counts the outcomes. Exit status 0 only when nothing crashed:
 * rejections with located errors are the engine doing its job on bad input.
 */
export async function corpusCommand(
  mappingDir: string,
  folder: string,
  options: { json?: boolean },
  io: Io,
): Promise<number> {
  const loaded = await loadMappingFolder(mappingDir);
  if (!loaded.ok) {
    io.err(loaded.errors.map((e) => `${e.at.file}: ${e.message}`).join('\n') + '\n');
    return 2;
  }
  const runner = createRunner(loaded.folder.mapping);
  if (!runner.ok) {
    io.err(runner.errors.join('\n') + '\n');
    return 2;
  }
  const files = await listMessageFiles(folder, MESSAGE_EXTENSIONS[loaded.folder.mapping.source.format]);
  const bar =
    io.isTty && !options.json ? new SingleBar({ clearOnComplete: true }, Presets.shades_classic) : undefined;
  bar?.start(files.length, 0);
  const rows: CorpusRow[] = [];
  for (const path of files) {
    const file = relative(process.cwd(), path);
    rows.push(...(await classify(file, path, loaded.folder.mapping.source.format, runner.run)));
    bar?.increment();
  }
  bar?.stop();

  const counts = Object.fromEntries(
    (Object.keys(LABELS) as CorpusOutcome[]).map((k) => [k, rows.filter((r) => r.outcome === k).length]),
  ) as Record<CorpusOutcome, number>;
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          mapping: loaded.folder.mapping.id,
          files: files.length,
          total: rows.length,
          counts,
          messages: rows,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    const inFiles = rows.length === files.length ? '' : ` in ${files.length} files`;
    io.out(`${loaded.folder.mapping.id}: ${rows.length} messages${inFiles} in ${folder}\n`);
    for (const key of Object.keys(LABELS) as CorpusOutcome[]) {
      io.out(`  ${String(counts[key]).padStart(5)}  ${LABELS[key]}\n`);
    }
    for (const row of rows.filter((r) => r.outcome === 'crashed'))
      io.out(`  crashed: ${row.file}: ${String(row.detail)}\n`);
  }
  return counts.crashed === 0 ? 0 : 1;
}

/** One row per message: a batch file contributes each of its messages, named `file#n`. */
async function classify(
  file: string,
  path: string,
  format: SourceFormat,
  run: Extract<ReturnType<typeof createRunner>, { ok: true }>['run'],
): Promise<CorpusRow[]> {
  try {
    const read = inputMessages(await readFile(path), format);
    if (!read.ok) return [{ file, outcome: 'rejected', detail: read.errors }];
    const rows: CorpusRow[] = [];
    for (const message of read.messages) {
      const name = read.messages.length > 1 ? `${file}#${message.index + 1}` : file;
      const outcome = await run(message.text);
      if (!outcome.ok) {
        rows.push({
          file: name,
          outcome: outcome.notAccepted ? 'not-accepted' : 'rejected',
          detail: outcome.located,
        });
        continue;
      }
      const errors = outcome.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
      rows.push(
        errors.length > 0
          ? { file: name, outcome: 'invalid', detail: errors }
          : { file: name, outcome: 'clean' },
      );
    }
    return rows;
  } catch (e) {
    return [{ file, outcome: 'crashed', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) }];
  }
}

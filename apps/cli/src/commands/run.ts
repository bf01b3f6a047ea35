import { readFile } from 'node:fs/promises';
import { inputMessages } from '@mapwright/engine';
import { createRunner } from '../engine-port';
import type { Io } from '../io';
import { loadMappingFolder } from '@mapwright/mapping-files';

/**
 * Maps message files with one mapping and prints, per message, the bundle and its validation issues or the
 * located errors, as JSON (an array when there are several). Files are decoded as their senders declare
 * (MSH-18) and batch files are mapped message by message. Exit status 1 when any message was rejected or
 * produced a validation error.
 */
export async function runCommand(
  mappingDir: string,
  files: string[],
  options: { lineage?: boolean },
  io: Io,
): Promise<number> {
  const loaded = await loadMappingFolder(mappingDir);
  if (!loaded.ok) {
    io.out(JSON.stringify({ ok: false, errors: loaded.errors }, null, 2) + '\n');
    return 1;
  }
  const runner = createRunner(loaded.folder.mapping);
  if (!runner.ok) {
    io.out(JSON.stringify({ ok: false, errors: runner.located }, null, 2) + '\n');
    return 1;
  }
  const results: unknown[] = [];
  let failed = false;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      failed = true;
      const error = { code: 'unreadable', message: (e as Error).message, at: { file } };
      results.push({ file, ok: false, errors: [error] });
      continue;
    }
    const read = inputMessages(bytes, loaded.folder.mapping.source.format);
    if (!read.ok) {
      failed = true;
      results.push({ file, ok: false, errors: read.errors, warnings: read.warnings });
      continue;
    }
    // A batch file maps message by message; each result says which message and where it starts.
    const batch = read.messages.length > 1;
    for (const message of read.messages) {
      const where = batch ? { file, message: message.index + 1, line: message.line } : { file };
      const outcome = await runner.run(message.text, { lineage: options.lineage === true });
      if (!outcome.ok) {
        failed = true;
        results.push({ ...where, ok: false, errors: outcome.located, warnings: read.warnings });
        continue;
      }
      if (outcome.issues.some((i) => i.severity === 'error' || i.severity === 'fatal')) failed = true;
      results.push({
        ...where,
        ok: true,
        bundle: outcome.bundle,
        issues: outcome.issues,
        warnings: [...read.warnings, ...outcome.warnings],
        ...(options.lineage ? { lineage: outcome.lineage, coverage: outcome.coverage } : {}),
      });
    }
  }
  io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  return failed ? 1 : 0;
}

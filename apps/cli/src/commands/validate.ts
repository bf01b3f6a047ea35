import { readFile } from 'node:fs/promises';
import { validateJson } from '../engine-port';
import type { Io } from '../io';

/** Validates a FHIR resource or Bundle file; prints an OperationOutcome; exit status 1 on any error. */
export async function validateCommand(file: string, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const outcome = validateJson(text.replace(/^\uFEFF/, ''));
  io.out(JSON.stringify(outcome, null, 2) + '\n');
  return outcome.issue.some((i) => i.severity === 'error' || i.severity === 'fatal') ? 1 : 0;
}

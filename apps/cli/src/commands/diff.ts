import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import {
  compileMapping,
  describeGroup,
  describeRunError,
  diffGraphs,
  inputMessages,
  semanticDiff,
  summarizeGraphDiff,
  type SemanticMessage,
} from '@mapwright/engine';
import {
  listMessageFiles,
  loadMappingFolder,
  MESSAGE_EXTENSIONS,
  type MappingFolder,
} from '@mapwright/mapping-files';
import type { Io } from '../io';

/**
 * What changing mapping A into mapping B does: the graph changes a reviewer reads, then both versions run
 * over every sample of both folders (and a corpus folder) with each message's bundles diffed element by
 * element and the differences grouped ("Patient.birthDate changed in 38 of 40 messages"). Exit status
 * as diff(1): 0 no differences, 1 differences, 2 trouble. Messages print no values (they may be PHI);
 * `--json` carries them for a reviewer's tooling.
 */
export async function diffCommand(
  dirA: string,
  dirB: string,
  options: { corpus?: string; json?: boolean },
  io: Io,
): Promise<number> {
  const [a, b] = await Promise.all([loadMappingFolder(dirA), loadMappingFolder(dirB)]);
  for (const loaded of [a, b])
    if (!loaded.ok) {
      io.err(loaded.errors.map((e) => `${e.at.file}: ${e.message}`).join('\n') + '\n');
      return 2;
    }
  if (!a.ok || !b.ok) return 2;
  const compiledA = compileMapping(a.folder.mapping);
  const compiledB = compileMapping(b.folder.mapping);
  for (const [dir, compiled] of [
    [dirA, compiledA],
    [dirB, compiledB],
  ] as const)
    if (!compiled.ok) {
      io.err(`${dir}: the mapping does not compile:\n${compiled.errors.map(describeRunError).join('\n')}\n`);
      return 2;
    }
  if (!compiledA.ok || !compiledB.ok) return 2;

  const graph = diffGraphs(a.folder.mapping, b.folder.mapping);
  const messages = [...samplesOf(a.folder, b.folder)];
  if (options.corpus) messages.push(...(await corpusMessages(options.corpus, b.folder)));
  // validation counts are not printed here, so the runs skip validation
  const output = await semanticDiff(compiledA.value, compiledB.value, messages, { validate: false });
  const groups = output.groups;
  const graphLines = summarizeGraphDiff(graph);

  if (options.json) {
    io.out(
      JSON.stringify({ graph, messages: output.total, changedMessages: output.changed, groups }, null, 2) +
        '\n',
    );
  } else {
    io.out(`Graph: ${graphLines.length === 0 ? 'no changes' : ''}\n`);
    for (const line of graphLines) io.out(`  ${line}\n`);
    io.out(`Output: ${output.changed} of ${output.total} messages differ\n`);
    for (const group of groups) {
      const shown = group.messages.slice(0, 5).join(', ');
      const more = group.messages.length > 5 ? `, and ${group.messages.length - 5} more` : '';
      io.out(`  ${describeGroup(group)}: ${shown}${more}\n`);
    }
  }
  return graphLines.length === 0 && groups.length === 0 ? 0 : 1;
}

/** Every sample of both folders, by name (B's text when both have one: the version under review). */
function* samplesOf(a: MappingFolder, b: MappingFolder): Generator<SemanticMessage> {
  const byName = new Map<string, string>();
  for (const sample of [...a.samples, ...b.samples]) byName.set(sample.name, sample.text);
  for (const [name, text] of [...byName].sort(([x], [y]) => x.localeCompare(y)))
    yield { id: `sample ${name}`, name, origin: 'sample', text };
}

/** The corpus folder's messages, batch files split, named `file` or `file#n`. */
async function corpusMessages(folder: string, mapping: MappingFolder): Promise<SemanticMessage[]> {
  const format = mapping.mapping.source.format;
  const out: SemanticMessage[] = [];
  for (const path of await listMessageFiles(folder, MESSAGE_EXTENSIONS[format])) {
    const read = inputMessages(await readFile(path), format);
    if (!read.ok) continue;
    const file = relative(process.cwd(), path);
    for (const m of read.messages) {
      const id = read.messages.length > 1 ? `${file}#${m.index + 1}` : file;
      out.push({ id, name: id, origin: 'corpus', text: m.text });
    }
  }
  return out;
}
